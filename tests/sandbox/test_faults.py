"""Fault injection: server errors, proxy pages, cut answers, slow answers, quota, rates."""

from __future__ import annotations

import time

import httpx
import pytest
from lxml import etree

from rakuten_assist.sandbox import Faults, running_sandbox

pytestmark = pytest.mark.integration


def test_server_error_is_a_500_servererror_then_service_resumes(service, sandbox):
    """A planned server_error answers HTTP 500 ServerError once; the next call succeeds."""
    sandbox.faults.fail_next("getnewsales", kind="server_error")
    failed = service.call("getnewsales")
    assert failed.status == 500
    assert failed.error[:3] == (
        "ServerError",
        "ServerError",
        "Server not able to fullfill request.",
    )
    assert service.call("getnewsales").status == 200
    assert sandbox.faults.pending == 0


def test_html_fault_is_a_502_proxy_page(service, sandbox):
    """An html fault answers a 502 HTML page, not XML."""
    sandbox.faults.fail_next(None, kind="html")
    response = service.raw("getcurrentsales")
    assert response.status_code == 502
    assert response.headers["content-type"].startswith("text/html")
    assert response.content.lstrip().lower().startswith(b"<!doctype html")


def test_truncated_fault_cuts_a_200_answer_in_the_middle(service, sandbox):
    """A truncated fault answers HTTP 200 with half a document that does not parse."""
    whole = service.raw("getcurrentsales").content
    sandbox.faults.fail_next("getcurrentsales", kind="truncated")
    cut = service.raw("getcurrentsales")
    assert cut.status_code == 200
    assert cut.content == whole[: len(whole) // 2]
    with pytest.raises(etree.XMLSyntaxError):
        etree.fromstring(cut.content)


def test_slow_fault_delays_the_answer(service, sandbox):
    """A slow fault waits its delay, then answers normally; a shorter client timeout fires."""
    sandbox.faults.fail_next("getnewsales", kind="slow", delay=0.4)
    started = time.monotonic()
    assert service.call("getnewsales").status == 200
    assert time.monotonic() - started >= 0.4
    sandbox.faults.fail_next("getnewsales", kind="slow", delay=0.5)
    with pytest.raises(httpx.ReadTimeout):
        service.http.get(
            sandbox.service_url,
            params={
                "action": "getnewsales",
                "login": sandbox.login,
                "pwd": sandbox.token,
                "version": "2017-08-07",
            },
            timeout=0.1,
        )


def test_quota_fault_answers_the_quota_error(service, sandbox):
    """A quota fault answers Rakuten's quota errorresponse with HTTP 200."""
    sandbox.faults.fail_next("getcurrentsales", kind="quota", count=2)
    for _ in range(2):
        answer = service.call("getcurrentsales")
        assert answer.status == 200
        assert answer.error[1:3] == ("InvalidUserRights", "Quota exceeded.")
    assert service.call("getcurrentsales").root.tag == "getcurrentsalesresult"


def test_page_fault_hits_only_that_page(service, sandbox):
    """fail_next(page=2) spares page 1 and fails the request for page 2."""
    sandbox.faults.fail_next("getcurrentsales", kind="server_error", page=2)
    first = service.call("getcurrentsales")
    assert first.status == 200
    token = first.text("response/nexttoken")
    assert service.call("getcurrentsales", nexttoken=token).status == 500
    assert service.call("getcurrentsales", nexttoken=token).status == 200


def _statuses(seed, now, count=30):
    with running_sandbox(seed=seed, sales=3, fail_rate=0.3, now=now) as sb, httpx.Client() as h:
        params = {
            "action": "getnewsales",
            "login": sb.login,
            "pwd": sb.token,
            "version": "2017-08-07",
        }
        return [h.get(sb.service_url, params=params).status_code for _ in range(count)]


def test_fail_rate_is_random_but_seeded(now):
    """fail_rate fails a share of requests with 500, the same ones for the same seed."""
    first, second = _statuses(7, now), _statuses(7, now)
    assert first == second
    assert set(first) == {200, 500}
    assert _statuses(8, now) != first


def test_unknown_fault_kinds_and_rates_are_refused():
    """A fault kind that does not exist, or a rate outside 0..1, raises ValueError."""
    faults = Faults()
    with pytest.raises(ValueError, match="unknown fault kind"):
        faults.fail_next(kind="explode")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="between 0 and 1"):
        Faults(fail_rate=1.5)

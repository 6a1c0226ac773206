"""Authentication, rights, quota, the request log and the access log (never the token)."""

from __future__ import annotations

import logging

import httpx
import pytest

from rakuten_assist.sandbox import DEMO_TOKEN, NON_PRO_LOGIN, running_sandbox

pytestmark = pytest.mark.integration

QUOTA_DETAIL = (
    "You have exceeded the maximum number of requests per hour. Please contact "
    "support.pro@priceminister.com for more information."
)


def test_a_wrong_token_gets_invalid_user_connection_with_http_200(service):
    """Bad credentials get Rakuten's exact InvalidUserConnection error with HTTP 200."""
    answer = service.read(service.raw("getnewsales", token="wrong-token-123456"))
    assert answer.status == 200
    assert answer.namespace == "https://static.fr.shopping.rakuten.com/res/schema/error"
    assert answer.error == (
        "Sender",
        "InvalidUserConnection",
        "Unknown user or password.",
        ["Incorrect login or password"],
    )


def test_an_email_login_is_told_to_use_the_account_name(service):
    """An e-mail as login gets the same error, with a detail pointing at the account name."""
    answer = service.read(service.raw("getnewsales", login="shop@example.com"))
    assert answer.error == (
        "Sender",
        "InvalidUserConnection",
        "Unknown user or password.",
        ["Incorrect login or password (use the account name, not the e-mail address)"],
    )


def test_a_non_professional_account_gets_the_rights_error(service):
    """demo-particulier, with the right token, gets the rights error on every action."""
    for action in ("getnewsales", "getcurrentsales", "getitemtodolist"):
        answer = service.read(service.raw(action, login=NON_PRO_LOGIN))
        assert answer.status == 200
        assert answer.error == (
            "Sender",
            "InvalidUserRights",
            "Access denied.",
            ["This web service is reserved for professional sellers."],
        )


def test_quota_refuses_calls_beyond_n_per_hour(now):
    """With quota=3, three calls succeed and the fourth gets the exact quota error."""
    with running_sandbox(sales=5, quota=3, now=now) as sb, httpx.Client() as http:
        params = {
            "action": "getnewsales",
            "login": sb.login,
            "pwd": sb.token,
            "version": "2017-08-07",
        }
        bodies = [http.get(sb.service_url, params=params) for _ in range(4)]
    assert [b"errorresponse" in b.content for b in bodies] == [False, False, False, True]
    last = bodies[-1].text
    assert bodies[-1].status_code == 200
    assert "<code>InvalidUserRights</code>" in last
    assert "<message>Quota exceeded.</message>" in last
    assert QUOTA_DETAIL in last


def test_requests_are_recorded_without_the_token(service, sandbox):
    """Each request lands in state.requests with its action and params, pwd left out."""
    service.call("getnewsales", channel="demo")
    service.call("getiteminfos", itemid="999")
    assert sandbox.state.count_requests() == 2
    assert sandbox.state.count_requests("getiteminfos") == 1
    first, second = sandbox.state.requests
    assert first.action == "getnewsales"
    assert first.params["channel"] == "demo"
    assert "pwd" not in first.params
    assert first.status == 200
    assert second.status == 400
    assert DEMO_TOKEN not in repr(sandbox.state.requests)


def test_the_access_log_never_shows_the_token(service, caplog):
    """Access-log lines name the action but show pwd=*** instead of the token."""
    with caplog.at_level(logging.INFO, logger="rakuten_assist.sandbox"):
        service.call("getnewsales")
        service.call("getnewsales", token="some-other-secret-value")
    lines = [r.getMessage() for r in caplog.records if r.name == "rakuten_assist.sandbox"]
    assert len(lines) == 2
    assert all("action=getnewsales" in line and "pwd=***" in line for line in lines)
    assert not any(DEMO_TOKEN in line or "some-other-secret" in line for line in lines)

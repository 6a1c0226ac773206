"""One redaction for every output path: the token goes, however it is encoded, before any cut."""

from __future__ import annotations

import json
import logging
from urllib.parse import quote

import httpx
import pytest
import respx
from hypothesis import given
from hypothesis import strategies as st

from rakuten_assist.api import RakutenClient, RetryPolicy
from rakuten_assist.api._xml import _excerpt
from rakuten_assist.cli import main
from rakuten_assist.config import Credentials, Settings
from rakuten_assist.errors import APIError
from rakuten_assist.redaction import redact, register_secret
from rakuten_assist.sandbox import DEMO_TOKEN, running_sandbox

#: never registered anywhere but in the tests that say so: a canary for the pwd= patterns
TOKEN = "Zq7CanaryT0ken4a9b8c7d6e5f"
BASE_URL = "https://ws.redaction.invalid"


def _every_char(text: str) -> str:
    return "".join(f"%{ord(c):02X}" for c in text)


# (how the request is quoted, the text a hostile page or a log line shows)
ENCODINGS = {
    "plain": f"GET /sales_ws?action=getnewsales&login=shop&pwd={TOKEN}&version=2017",
    "percent once": quote(f"/sales_ws?login=shop&pwd={TOKEN}&version=2017", safe=""),
    "percent twice": quote(quote(f"/sales_ws?login=shop&pwd={TOKEN}&v=1", safe=""), safe=""),
    "key p%77d": f"/sales_ws?login=shop&p%77d={TOKEN}&version=2017",
    "key upper P%57D%3D": f"/sales_ws?login=shop&P%57D%3D{TOKEN}",
    "value every char": f"/sales_ws?pwd={_every_char(TOKEN)}&version=1",
    "json": json.dumps({"url": f"https://x/sales_ws?pwd={TOKEN}"}),
}


def _clean(text: str, token: str = TOKEN) -> bool:
    """Neither the token nor any 8-character piece of it, plain or percent-encoded."""
    pieces = {token[i : i + 8] for i in range(len(token) - 7)}
    return not any(p in text or _every_char(p) in text for p in pieces)


@pytest.mark.parametrize("text", ENCODINGS.values(), ids=ENCODINGS.keys())
def test_every_encoding_of_the_pwd_parameter_is_redacted(text: str) -> None:
    """pwd plain, percent-encoded once or twice, or spelt p%77d: the value is masked."""
    assert not _clean(text)
    assert _clean(redact(text))


def test_a_registered_token_is_masked_wherever_it_stands() -> None:
    """A registered token quoted without any pwd key is masked plain and encoded."""
    token = "RegisteredTok3n-0123456789"
    register_secret(token)
    for text in (f"token: {token}", _every_char(token), quote(quote("%" + token))):
        assert _clean(redact(f"<p>echo {text} end</p>"), token)


def test_secrets_given_for_one_text_are_masked_encoded() -> None:
    """Secrets passed to redact() are masked in every encoding, in that text."""
    token = "PassedTok3n-abcdefghijkl"
    assert _clean(redact(f"a {_every_char(token)} b", (token,)), token)
    assert redact("nothing here", (token,)) == "nothing here"


def test_redaction_is_linear_on_hostile_text() -> None:
    """Long runs of almost-keys and percent signs are scanned in linear time (no hang)."""
    for text in ("p%77" * 50_000, "pwd=" + "%25" * 100_000, "%2" * 100_000 + TOKEN):
        assert len(redact(text)) <= len(text)


def test_the_excerpt_is_cut_after_redaction() -> None:
    """A token at the edge of the excerpt window never survives as a recognisable prefix."""
    register_secret(TOKEN)
    for pad in range(3985, 4000):
        body = b"<" * pad + TOKEN.encode() + b" tail " * 100
        assert _clean(_excerpt(body, limit=4000))


def _quoting_page(token: str) -> httpx.Response:
    """A 403 page quoting the request percent-encoded, as some front servers do.

    The token starts 150 characters into the page's text: the 160-character excerpt of an
    error message cuts it, and a cut token no longer matches a search for the whole one.
    """
    prefix = quote("/sales_ws?action=getnewsales&login=shop&pwd=", safe="")
    filler = "x" * (150 - len("Forbidden ") - len(prefix))
    quoted = quote(f"/sales_ws?action=getnewsales&login=shop&pwd={token}&version=1", safe="")
    page = f"<html><body><h1>Forbidden</h1><p>{filler}{quoted}</p></body></html>"
    return httpx.Response(403, content=page.encode())


@pytest.fixture
def quoting_service() -> respx.MockRouter:
    """Rakuten behind a front server that answers 403 and quotes the request, encoded."""
    with respx.mock(base_url=BASE_URL, assert_all_called=False) as router:
        router.get("/sales_ws").mock(side_effect=lambda request: _quoting_page(_pwd(request)))
        yield router


def _pwd(request: httpx.Request) -> str:
    return request.url.params["pwd"]


def test_client_errors_hold_no_piece_of_an_encoded_token(
    quoting_service: respx.MockRouter,
) -> None:
    """The exception's message, fix, detail and args are clean."""
    credentials = Credentials.from_values("shop", TOKEN)
    settings = Settings(base_url=BASE_URL)
    with RakutenClient(credentials, settings=settings, retry=RetryPolicy(1)) as client:
        with pytest.raises(APIError) as info:
            client.get_new_sales()
    exc = info.value
    assert _clean(" ".join([str(exc), repr(exc), exc.fix, exc.detail or "", *map(str, exc.args)]))


def test_orders_and_doctor_output_hold_no_piece_of_it(
    quoting_service: respx.MockRouter, capsys: pytest.CaptureFixture[str]
) -> None:
    """orders, doctor and doctor --json say what failed without a trace of the token."""
    base = ["--login", "shop", "--token", TOKEN, "--base-url", BASE_URL]
    assert main(["orders", *base]) == 3
    main(["doctor", *base])
    main(["doctor", "--json", *base])
    out = capsys.readouterr()
    assert "HTML" in out.err or "Forbidden" in out.err
    assert _clean(out.out + out.err)


def test_the_bot_report_and_notices_hold_no_encoded_token() -> None:
    """The ticket report's scrub masks the token in each encoding."""
    from rakuten_assist.tui.report import scrub

    token = "BotReportTok3n-987654321"
    for text in (*(t.replace(TOKEN, token) for t in ENCODINGS.values()), _every_char(token)):
        assert _clean(scrub(text, [token]), token)


def test_the_sandbox_access_log_hides_a_token_sent_as_p77d(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A client spelling the key p%77d= is still redacted in the sandbox's access log."""
    caplog.set_level(logging.INFO, logger="rakuten_assist.sandbox")
    with running_sandbox() as sb:
        url = f"{sb.base_url}/sales_ws?action=getnewsales&login={sb.login}&p%77d={DEMO_TOKEN}"
        httpx.get(url + "&version=2017-08-07")
        httpx.get(url.replace("p%77d=", "pwd%3D"))
    assert caplog.records
    assert _clean(caplog.text, DEMO_TOKEN)


def test_the_french_rendering_of_an_error_is_clean_too(
    quoting_service: respx.MockRouter,
) -> None:
    """render('fr') rebuilds the text from its parameters: redacted as well."""
    credentials = Credentials.from_values("shop", TOKEN)
    with RakutenClient(
        credentials, settings=Settings(base_url=BASE_URL), retry=RetryPolicy(1)
    ) as c:
        with pytest.raises(APIError) as info:
            c.get_new_sales()
    assert _clean(" ".join(info.value.render("fr")))


_TOKEN_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~"


def _encode(token: str, choices: list[int]) -> str:
    """Each character plain (0), percent-encoded once (1) or twice (2)."""
    out = []
    for char, how in zip(token, choices, strict=False):
        if how == 0:
            out.append(char)
        elif how == 1:
            out.append(f"%{ord(char):02X}")
        else:
            out.append(f"%25{ord(char):02x}")
    return "".join(out)


@given(
    token=st.text(alphabet=_TOKEN_CHARS, min_size=12, max_size=40),
    choices=st.lists(st.integers(0, 2), min_size=40, max_size=40),
    before=st.text(alphabet="ab &=?%<>\"' \n", max_size=30),
    after=st.text(alphabet="ab &=?%<>\"' \n", max_size=30),
    keyed=st.booleans(),
)
def test_no_encoding_of_a_known_token_survives(
    token: str, choices: list[int], before: str, after: str, keyed: bool
) -> None:
    """Any mix of plain, once- and twice-encoded characters of the token is masked whole."""
    body = _encode(token, choices)
    text = before + ("p%77d%3D" + body if keyed else body) + after
    cleaned = redact(text, (token,))
    assert _clean(cleaned, token)

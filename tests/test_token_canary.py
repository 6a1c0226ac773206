"""The token never shows: not in CLI output, log records, exception text or saved files."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from rakuten_assist.api import RakutenClient, fetch_open_orders
from rakuten_assist.cli import main
from rakuten_assist.config import Credentials, Settings
from rakuten_assist.errors import RakutenAssistError
from rakuten_assist.sandbox import DEMO_TOKEN, running_sandbox

pytestmark = pytest.mark.integration


def _assert_clean(text: str) -> None:
    assert DEMO_TOKEN not in text
    # Not even a recognisable piece of it.
    assert DEMO_TOKEN[:12] not in text


def test_cli_output_logs_and_files_never_hold_the_token(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    """orders with the real token in every format, at DEBUG logging: no trace of it anywhere."""
    caplog.set_level(logging.DEBUG)
    with running_sandbox() as sb:
        base = ["--login", sb.login, "--token", DEMO_TOKEN, "--base-url", sb.base_url]
        for fmt in ("table", "csv", "json", "parquet"):
            out = tmp_path / f"orders.{fmt}"
            assert main(["orders", *base, "--format", fmt, "-o", str(out)]) == 0
            _assert_clean(out.read_bytes().decode("latin-1"))
        assert main(["orders", *base, "--format", "json"]) == 0
    captured = capsys.readouterr()
    _assert_clean(captured.out + captured.err)
    assert caplog.records, "expected httpx and sandbox log records at DEBUG"
    _assert_clean(caplog.text)
    _assert_clean("\n".join(str(r.args) + str(r.msg) for r in caplog.records))


def test_cli_errors_never_quote_the_token(capsys: pytest.CaptureFixture[str]) -> None:
    """Wrong login, e-mail login, unreachable service: the token stays out of stderr."""
    with running_sandbox() as sb:
        assert (
            main(
                [
                    "orders",
                    "--login",
                    "someone-else",
                    "--token",
                    DEMO_TOKEN,
                    "--base-url",
                    sb.base_url,
                ]
            )
            == 3
        )
    assert main(["orders", "--login", "shop@example.com", "--token", DEMO_TOKEN]) == 2
    assert (
        main(
            [
                "orders",
                "--login",
                "demo-boutique",
                "--token",
                DEMO_TOKEN,
                "--base-url",
                "http://127.0.0.1:9",
            ]
        )
        == 3
    )
    captured = capsys.readouterr()
    _assert_clean(captured.out + captured.err)
    assert "Unknown user or password." in captured.err
    assert "account name" in captured.err


def test_exceptions_and_reprs_never_hold_the_token() -> None:
    """Every error raised on the way, and every object's repr, is free of the token."""
    texts: list[str] = []
    creds = Credentials.from_values("demo-boutique", DEMO_TOKEN)
    texts += [repr(creds), str(creds), creds.model_dump_json()]
    with running_sandbox() as sb:
        sb.faults.fail_next("getcurrentsales", kind="html", count=5)
        with RakutenClient(
            creds, settings=Settings(base_url=sb.base_url), sleep=lambda _: None
        ) as c:
            texts.append(repr(c))
            for call in (c.get_current_sales, lambda: c.accept_sale("0"), c.get_new_sales):
                try:
                    call()
                except RakutenAssistError as exc:
                    texts += [
                        str(exc),
                        repr(exc),
                        exc.fix,
                        str(exc.__cause__),
                        str(exc.__context__),
                    ]
            fetch_open_orders(c)
    with RakutenClient(
        creds, settings=Settings(base_url="http://127.0.0.1:9", max_attempts=1)
    ) as c:
        with pytest.raises(RakutenAssistError) as info:
            c.get_new_sales()
        texts += [str(info.value), repr(info.value), str(info.value.__cause__)]
    assert len(texts) > 10
    _assert_clean("\n".join(texts))

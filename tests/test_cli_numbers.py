"""A number option out of range is refused in the user's language, naming the bounds."""

from __future__ import annotations

import pytest

from rakuten_assist.cli import main


@pytest.mark.parametrize(
    ("argv", "lang", "said"),
    [
        (["sandbox", "serve", "--port", "70000"], "en", "70000 is not between 0 and 65535"),
        (["sandbox", "serve", "--fail-rate", "2"], "fr", "2 n'est pas compris entre 0 et 1"),
        (["sandbox", "serve", "--sales", "-1"], "en", "-1 is below 0"),
        (["fleet", "orders", "--concurrency", "0"], "fr", "0 est inférieur à 1"),
        (["fleet", "report", "--older-than", "abc"], "en", "abc is not a number"),
    ],
)
def test_an_option_out_of_range_is_a_usage_error_in_the_users_language(
    argv: list[str],
    lang: str,
    said: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """argparse exits 2 with our catalogue's sentence, not an English one written in code."""
    monkeypatch.setenv("RAKUTEN_ASSIST_LANG", lang)
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2
    assert said in capsys.readouterr().err

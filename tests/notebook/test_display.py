"""A result object typed alone in a cell shows in the reader's language, as HTML and as text."""

from __future__ import annotations

from html import escape
from types import SimpleNamespace
from typing import Any

import pandas as pd
import pytest
from IPython.core.formatters import DisplayFormatter

from rakuten_assist.carriers import check_carrier
from rakuten_assist.matching.catalog import load_catalog
from rakuten_assist.matching.sku import match_skus
from rakuten_assist.notebook._display import register_formatters
from rakuten_assist.sandbox import DEMO_CATALOGUE
from rakuten_assist.support.checks import check_login_value


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> DisplayFormatter:
    """IPython's display formatter with ours registered, for a reader whose language is French."""
    monkeypatch.setenv("RAKUTEN_ASSIST_LANG", "fr")
    formatter = DisplayFormatter()
    assert register_formatters(SimpleNamespace(display_formatter=formatter)) is True
    return formatter


def test_a_match_result_shows_in_french(
    shown: DisplayFormatter, sandbox_frame: pd.DataFrame
) -> None:
    """The match summary and the feed hints are French, in the HTML and in the plain text
    (not the dataclass repr with its English hints)."""
    swapped = load_catalog(DEMO_CATALOGUE).rename(columns={"id": "sku", "sku": "id"})
    result = match_skus(sandbox_frame, swapped)
    assert result.hints
    assert result.hints_in("fr") != result.hints
    data, _ = shown.format(result)
    text = data["text/plain"]
    assert text.startswith(f"Rapprochement des SKU : {result.summary['items']} articles")
    assert "À corriger dans le flux" in text
    assert all(hint in text for hint in result.hints_in("fr"))
    assert not any(hint in text for hint in result.hints)
    assert "MatchResult(" not in text
    assert "À corriger dans le flux" in data["text/html"]
    assert not any(hint in data["text/html"] for hint in result.hints)


def test_a_carrier_check_shows_in_french(shown: DisplayFormatter) -> None:
    """A carrier check shows its French answer and French labels, not the NamedTuple repr."""
    check = check_carrier("colissimo", "6A12345678905", message_lang="fr")
    data, _ = shown.format(check)
    assert data["text/plain"] == check.message
    assert data["text/plain"].startswith("Oui : Colissimo est pris en charge.")
    assert "OUI, pris en charge" in data["text/html"]


def test_a_setup_check_is_said_in_the_readers_language(shown: DisplayFormatter) -> None:
    """A check run in English is shown to a French reader in French, with its fix."""
    check = check_login_value("someone@example.com", "en")
    assert check.ok is False
    data, _ = shown.format(check)
    french = check.in_lang("fr")
    assert data["text/plain"] == f"✘ {french.title} : {french.detail}\n    Solution : {french.fix}"
    assert french.detail != check.detail
    assert escape(french.detail) in data["text/html"]


class _Shell:
    """The parts of IPython's shell our registration and error handler use."""

    def __init__(self) -> None:
        self.display_formatter = DisplayFormatter()
        self.custom_exceptions: tuple[type[BaseException], ...] = ()
        self.handler: Any = None
        self.shown: list[str] = []
        self.InteractiveTB = SimpleNamespace(
            structured_traceback=lambda *args, **kwargs: ["frames", "InvalidFilterError: English"]
        )

    def set_custom_exc(self, exceptions: tuple[type[BaseException], ...], handler: Any) -> None:
        self.custom_exceptions, self.handler = exceptions, handler

    def _showtraceback(self, etype: Any, value: Any, stb: list[str]) -> None:
        self.shown = stb


def test_an_error_raised_in_a_cell_ends_in_the_readers_language(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """filter_orders(countries=["Allemagne"]) in a French reader's cell ends its traceback in
    French, with the fix (the error's str() is English, for logs); the frames stay."""
    from rakuten_assist.errors import InvalidFilterError, RakutenAssistError
    from rakuten_assist.notebook import filter_orders

    monkeypatch.setenv("RAKUTEN_ASSIST_LANG", "fr")
    shell = _Shell()
    assert register_formatters(shell) is True
    assert shell.custom_exceptions == (RakutenAssistError,)
    frame = pd.DataFrame({"country": ["DE"], "status": ["ACCEPTED"], "source": ["new"]})
    with pytest.raises(InvalidFilterError) as info:
        filter_orders(frame, countries=["Allemagne"])
    shell.handler(shell, InvalidFilterError, info.value, None)
    assert shell.shown[0] == "frames"
    said = shell.shown[-1]
    assert said.startswith("InvalidFilterError : Les pays sont des codes ISO")
    assert "\nSolution : " in said
    assert "English" not in said


def test_a_handler_the_user_set_is_left_alone() -> None:
    """A notebook that already handles its own exceptions keeps its handler."""
    shell = _Shell()
    shell.custom_exceptions = (KeyError,)
    register_formatters(shell)
    assert shell.custom_exceptions == (KeyError,)
    assert shell.handler is None

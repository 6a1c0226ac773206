"""Where every carrier is listed is said for the screen the answer is read on: the bot's
carriers tab (F3) in the TUI, the ``carriers list`` command on the command line."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine


@pytest.mark.parametrize(
    ("question", "lang", "tab"),
    [
        ("quel transporteur je mets pour Rakuten ?", "fr", "l'onglet Transporteurs (F3)"),
        ("which carrier do we use?", "en", "the Carriers tab (F3)"),
    ],
)
def test_the_bot_points_to_its_carriers_tab_never_to_a_command(
    question: str, lang: str, tab: str
) -> None:
    """In the TUI the carrier rules name the carriers tab and its key, no shell command."""
    answer = SupportEngine(surface="tui").answer(question)
    assert (answer.intent, answer.lang) == ("carrier_support", lang)
    assert tab in answer.text
    assert "rakuten-assist" not in answer.text


def test_the_command_line_keeps_the_carriers_list_command() -> None:
    """On the command line the same answer names `rakuten-assist carriers list`."""
    answer = SupportEngine().answer("which carrier do we use?")
    assert "`rakuten-assist carriers list`" in answer.text
    assert "F3" not in answer.text


def test_which_carrier_for_this_number_without_it_asks_for_the_number_in_the_bot() -> None:
    """The bot's quick reply 'quel transporteur pour ce numéro ?' sent alone asks for the
    number (qa2 7), with no command in it."""
    answer = SupportEngine(surface="tui").answer("quel transporteur pour ce numéro ?")
    assert (answer.intent, answer.facts["missing"]) == ("detect_carrier", ["number"])
    assert "rakuten-assist" not in answer.text

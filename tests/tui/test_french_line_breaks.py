"""A French sign (? ! : ; » %) never wraps alone onto the next line of the bot, at 80 columns."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from rich._wrap import divide_line

from rakuten_assist.tui.app import SupportApp  # importing it makes Rich keep the signs
from rakuten_assist.tui.widgets.history_input import HistoryInput

#: what starts a row when a wrap left a French sign alone
ALONE = re.compile(r"^[?!:;»%]")
#: Rich's own word splitter, which breaks at any space
RICH_WORD = re.compile(r"\s*\S+\s*")

FRENCH = [
    "Avec un compte particulier, le libellé exact de Rakuten n'est pas connu) : demandez au "
    "support vendeurs de passer le compte en Professionnel.",
    "Mondial Relay est-il accepté ? Et Colis Privé ? Oui ; les deux ! Voir « InvalidUserRights » "
    "et le taux de correspondance : 69 % des articles en cours.",
    "Le\u00a0jeton\u00a0reste\u00a0collé : jamais\u00a0coupé\u00a0ici.",
]


def _rows(text: str, width: int) -> list[str]:
    offsets = divide_line(text, width)
    return [text[a:b].strip() for a, b in zip([0, *offsets], [*offsets, len(text)], strict=True)]


@pytest.mark.parametrize("width", range(24, 61))
def test_no_row_starts_with_a_french_sign_at_any_width(width: int) -> None:
    """Wrapped at any width from 24 to 60 columns, no row starts with ? ! : ; » or %, no row
    ends on «, and a no-break space is never a break."""
    for text in FRENCH:
        rows = _rows(text, width)
        assert not [row for row in rows if ALONE.match(row)], rows
        assert not [row for row in rows if row.endswith("«")], rows
        if "\u00a0" in text:
            assert any("Le\u00a0jeton\u00a0reste\u00a0collé :" in row for row in rows), rows


def test_english_wraps_exactly_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    """A text without French signs after a space wraps where Rich always wrapped it."""
    import rich._wrap

    text = "Only Professional seller accounts can use Rakuten's sales web service: ask support."
    ours = [divide_line(text, width) for width in range(10, 60)]
    monkeypatch.setattr(rich._wrap, "re_word", RICH_WORD)
    assert [divide_line(text, width) for width in range(10, 60)] == ours


async def test_the_bot_keeps_the_colon_with_its_word_at_80_columns(
    make_app: Callable[..., SupportApp],
    wait_for: Any,
    screen_text: Callable[[Any], str],
) -> None:
    """QA's case, seen in tmux at 80 columns in French: the answer about a private account put
    ": demandez au support" at the start of a row; every row now starts with a word."""
    app = make_app(lang="fr")
    async with app.run_test(size=(80, 50)) as pilot:
        app.query_one(
            "#ask", HistoryInput
        ).value = "mon compte n'est pas professionnel, c'est grave ?"
        await pilot.press("enter")
        await wait_for(pilot, lambda: "passer le compte" in screen_text(app))
        await pilot.pause()
        rows = [row.lstrip(" ▌▏│") for row in screen_text(app).splitlines()]
    assert any(row.startswith("connu) : demandez") for row in rows), rows
    assert not [row for row in rows if ALONE.match(row)], rows


def test_the_breakable_spaces_are_pythons_minus_the_no_break_ones() -> None:
    """Every character Python calls a space is a break, but the three no-break spaces."""
    import sys

    from rakuten_assist.tui._line_breaks import WORD

    spaces = {chr(code) for code in range(sys.maxunicode + 1) if chr(code).isspace()}
    glued = {space for space in spaces if len(WORD.match(f"a{space}b").group(0)) == 3}
    assert glued == {"\u00a0", "\u2007", "\u202f"}

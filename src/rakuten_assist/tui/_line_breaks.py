"""Where the bot's text may wrap: never before a French ? ! : ; » or %, after «, or at a
no-break space.

French puts a space before ``? ! : ;`` and ``»``, after ``«`` and before ``%`` ("grave ?",
"69 %"); a wrap at that space leaves the sign alone at the start of a line. Unicode's line
breaking rules forbid it (UAX #14: no break before ``! ? : ;`` even after spaces, none at a
no-break space), but Rich's word splitter (``rich._wrap.re_word``, ``\\s*\\S+\\s*``), which
Textual's text also goes through, breaks at any space, the no-break ones included (Rich issue
#4196). The splitter below keeps such a sign, and anything joined by a no-break space, with
the word before it; the text itself, copied to a merchant, is left as the catalogues wrote it.
"""

from __future__ import annotations

import re

import rich._wrap

__all__ = ["WORD", "keep_signs_with_their_words"]

#: the spaces a line may break at: Python's ``\s`` but the no-break ones (Unicode's class
#: GL: U+00A0 no-break, U+2007 figure, U+202F narrow no-break), as one character class
_BREAKS = "\t\n\x0b\x0c\r\x1c-\x1f \x85\u1680\u2000-\u2006\u2008-\u200a\u2028\u2029\u205f\u3000"
#: a word with what French attaches to it across an ordinary space: "grave ?", "« SKU", "69 %"
WORD = re.compile(
    rf"[{_BREAKS}]*[^{_BREAKS}]+(?:(?: +(?=[?!:;»%])|(?<=«) +)[^{_BREAKS}]+)*[{_BREAKS}]*"
)


def keep_signs_with_their_words() -> None:
    """Make Rich's (and so Textual's) word wrapping keep French signs with their words."""
    rich._wrap.re_word = WORD

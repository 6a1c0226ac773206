"""Writing Rakuten's XML by hand: the declaration, namespaces, CDATA, dates and amounts.

The primitives of the sandbox's answers (``xml`` renders each action with them): the bytes
are exactly what Rakuten sends, ISO-8859-1 with character references outside Latin-1.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from decimal import Decimal

from rakuten_assist.sandbox.data import PARIS

__all__ = [
    "CONTENT_TYPE",
    "NAMESPACES",
    "Echo",
    "XmlWriter",
    "envelope",
    "format_amount",
    "format_date",
    "root_attributes",
]

CONTENT_TYPE = "text/xml;charset=ISO-8859-1"
_DECLARATION = '<?xml version="1.0" encoding="ISO-8859-1"?>\n'

# The default namespace differs from one action to the next, as on the real service.
NAMESPACES = {
    "getnewsales": "http://pmcdn.priceminister.com/res/schema/getnewsales",
    "getcurrentsales": "http://pmcdn.priceminister.com/res/schema/getcurrentsales",
    "getitemtodolist": "http://pmcdn.priceminister.com/res/schema/getitemtodolist",
    "getiteminfos": "http://pmcdn.priceminister.com/res/schema/getiteminfos",
    "acceptsale": "https://fr.shopping.rakuten.com/res/schema/acceptsale",
    "refusesale": "https://fr.shopping.rakuten.com/res/schema/refusesale",
    "settrackingpackageinfos": "http://pmcdn.priceminister.com/res/schema/settrackingpackageinfos",
    "importitemshippingstatus": "https://fr.shopping.rakuten.com/res/schema/importitemshippingstatus",
    "getshippinginformation": "http://pmcdn.priceminister.com/res/schema/getshippinginformation",
    "getbillinginformation": "http://pmcdn.priceminister.com/res/schema/getbillinginformation",
    "error": "https://static.fr.shopping.rakuten.com/res/schema/error",
}
_XSI = "http://www.w3.org/2001/XMLSchema-instance"

#: (tag, value) pairs echoed in ``<request>``
Echo = Sequence[tuple[str, str]]


def format_date(moment: datetime) -> str:
    """``dd/mm/yyyy-HH:MM`` in Paris local time, as every sales_ws date."""
    return moment.astimezone(PARIS).strftime("%d/%m/%Y-%H:%M")


def format_amount(amount: Decimal) -> str:
    """An amount the way Rakuten writes it: ``23.9``, ``0.0``, ``34.95``."""
    text = f"{amount:.2f}".rstrip("0")
    return text + "0" if text.endswith(".") else text


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# C0 control characters are not allowed anywhere in XML 1.0 (tab, newline and CR are).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _clean(text: str) -> str:
    return _CONTROL.sub("", text)


def _cdata(text: str) -> str:
    """CDATA sections for Latin-1 runs, character references for anything else."""
    text = _clean(text)
    if not text:
        return "<![CDATA[]]>"
    if text.isascii() or max(text) <= "\xff":
        # Nearly every value: one section, no character to look at one by one.
        return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"
    parts: list[str] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            parts.append("<![CDATA[" + "".join(run).replace("]]>", "]]]]><![CDATA[>") + "]]>")
            run.clear()

    for ch in text:
        if ord(ch) > 0xFF:
            flush()
            parts.append(f"&#{ord(ch)};")
        else:
            run.append(ch)
    flush()
    return "".join(parts) or "<![CDATA[]]>"


class XmlWriter:
    """A tiny indenting writer; ``to_bytes`` encodes to ISO-8859-1 with character references."""

    def __init__(self) -> None:
        self._parts: list[str] = [_DECLARATION]
        self._depth = 0

    @contextmanager
    def element(self, tag: str, attributes: str = "") -> Iterator[None]:
        """Open ``tag`` for nested children, closing it at the end of the block."""
        indent = " " * self._depth
        self._parts.append(f"{indent}<{tag}{attributes}>\n")
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
            self._parts.append(f"{indent}</{tag}>\n")

    def text(self, tag: str, value: str | None) -> None:
        """A leaf with escaped text (empty elements stay, as Rakuten sends them)."""
        self._parts.append(f"{' ' * self._depth}<{tag}>{_escape(_clean(value or ''))}</{tag}>\n")

    def cdata(self, tag: str, value: str | None) -> None:
        """A leaf whose text is wrapped in CDATA."""
        self._parts.append(f"{' ' * self._depth}<{tag}>{_cdata(value or '')}</{tag}>\n")

    def money(self, tag: str, amount: Decimal, currency: str = "EUR") -> None:
        """An ``{amount, currency}`` pair."""
        with self.element(tag):
            self.text("amount", format_amount(amount))
            self.text("currency", currency)

    def to_bytes(self) -> bytes:
        """The document in ISO-8859-1; characters outside it become ``&#N;``."""
        return "".join(self._parts).encode("iso-8859-1", "xmlcharrefreplace")


def root_attributes(action: str) -> str:
    return f' xmlns="{NAMESPACES[action]}" xmlns:xsi="{_XSI}"'


@contextmanager
def envelope(
    writer: XmlWriter, root: str, action: str, version: str, user: str, echo: Echo
) -> Iterator[None]:
    """``<root><request>echo</request><response><lastversion/>...``; yields inside response."""
    with writer.element(root, root_attributes(action)):
        with writer.element("request"):
            writer.text("version", version)
            writer.text("user", user)
            for tag, value in echo:
                writer.text(tag, value)
        with writer.element("response"):
            writer.text("lastversion", version)
            yield

"""Hardened XML parsing of sales_ws answers: tolerant of what Rakuten really sends.

The service answers ISO-8859-1 (sometimes UTF-8 mislabelled as ISO-8859-1), changes its default
namespace between versions, sends one or many ``<sale>``/``<item>``, empty elements where others
send none, and occasionally control characters or an HTML page from a proxy. The parser refuses
DTDs and entities (no expansion, no network) and documents above a size bound.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo

from lxml import etree

from rakuten_assist._safe_xml import hardened_parser
from rakuten_assist.errors import ResponseParseError
from rakuten_assist.i18n import Message
from rakuten_assist.redaction import redact

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "PARIS",
    "RakutenFault",
    "children_text",
    "find_error",
    "local_name",
    "parse_bool",
    "parse_date",
    "parse_document",
    "parse_money",
]

#: the largest answer we accept (a 10,000-sale page is about 25 MB)
MAX_DOCUMENT_BYTES = 256 * 1024 * 1024

PARIS = ZoneInfo("Europe/Paris")

# C0 control characters other than tab, LF and CR are illegal in XML 1.0; the service has been
# seen sending them inside CDATA (a seller's pasted title). bytes.translate deletes them in C.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 13))


# The answers' indentation is not kept: nothing reads it, and its text nodes were a tenth
# of a small page's parse and of the walk over it (bench/fleet.py).
_PARSER = hardened_parser(keep_indentation=False)
_LATIN1_PARSER = hardened_parser("iso-8859-1", keep_indentation=False)
_UTF8_PARSER = hardened_parser("utf-8", keep_indentation=False)

# Default namespaces change between versions (pmcdn.priceminister.com, fr.shopping.rakuten.com,
# static.fr.shopping.rakuten.com...) and carry no meaning for us; dropping the declarations
# on the root before parsing makes every tag a plain name, which is also much faster to read
# (a default namespace redeclared deeper down is rare; readers cut it from the tag).
_DEFAULT_NAMESPACE = re.compile(rb"""\sxmlns\s*=\s*(?:"[^"]*"|'[^']*')""")
_DECLARED_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding=["']([A-Za-z0-9._-]+)["']""")
_HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_TAGS = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class RakutenFault:
    """One ``<errorresponse>`` as Rakuten sent it."""

    type: str
    code: str
    message: str
    details: tuple[str, ...] = field(default=())

    @property
    def detail(self) -> str:
        """All details joined, one sentence each."""
        return " ".join(self.details)


_EXCERPT_WINDOW = 4000


def _excerpt(data: bytes, limit: int = 160) -> str:
    window = data[:_EXCERPT_WINDOW]
    if len(data) > _EXCERPT_WINDOW:
        # Cut where no token can straddle (a token, encoded or not, holds none of these
        # bytes), so a token at the window's edge is never left half there, unrecognisable.
        cut = max(window.rfind(b) for b in (b" ", b"\n", b"<", b">", b"&", b'"'))
        window = window[: max(cut, 0)]
    # A proxy page may quote the request URL: the token goes before any cut below.
    text = redact(window.decode("latin-1", errors="replace"))
    text = _TAGS.sub(" ", text)
    text = _SPACES.sub(" ", text).strip()
    return text[:limit] + ("..." if len(text) > limit else "")


def _latin1_byte(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: a byte that is not part of a UTF-8 sequence, read as Latin-1."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return error.object[error.start : error.end].decode("latin-1"), error.end


codecs.register_error("rakuten_assist.latin1_byte", _latin1_byte)


def _mixed_to_utf8(data: bytes) -> bytes:
    """UTF-8 with stray Latin-1 bytes (one pasted field), as clean UTF-8."""
    return data.decode("utf-8", errors="rakuten_assist.latin1_byte").encode("utf-8")


def _parse_with_fallback(
    data: bytes, parser: etree.XMLParser, *, latin1_fallback: bool
) -> etree._Element:
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        if "encoding" not in str(exc).lower() or parser is _LATIN1_PARSER:
            raise
        # A document read as UTF-8 with one raw Latin-1 byte deep inside (a field pasted
        # from elsewhere) must not fail whole, nor have its UTF-8 text read as Latin-1:
        # each stray byte alone is read as Latin-1.
        if not latin1_fallback or _looks_like_utf8(data):
            return etree.fromstring(_mixed_to_utf8(data), _UTF8_PARSER)
        # Undeclared encoding and bytes that are not UTF-8: the service's usual Latin-1.
        return etree.fromstring(data, _LATIN1_PARSER)


def parse_document(data: bytes, *, action: str | None = None) -> etree._Element:
    """Parse an answer into its root element, whatever its encoding and namespace.

    Raises:
        ResponseParseError: an HTML page, a DTD or entity, a truncated or oversized body.
    """
    if len(data) > MAX_DOCUMENT_BYTES:
        raise ResponseParseError(
            Message(
                "errors.parse.too_big",
                {
                    "action": action or "the request",
                    "size": len(data) // 1_048_576,
                    "limit": MAX_DOCUMENT_BYTES // 1_048_576,
                },
            ),
            fix=Message("errors.fix.too_big"),
            action=action,
        )
    if not data or data.isspace():
        raise ResponseParseError(
            Message("errors.parse.empty", {"action": action or "the request"}),
            action=action,
            truncated=True,
        )
    if _HTML_START.match(data):
        raise ResponseParseError(
            Message("errors.parse.html", {"excerpt": repr(_excerpt(data))}),
            action=action,
        )
    head = data[:2048]
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
        # The service never sends a DTD; one here is a proxy page or a hostile document.
        raise ResponseParseError(
            Message("errors.parse.dtd_unread"),
            action=action,
        )
    # Large answers are copied at most once: every pass over 25 MB costs a measurable share
    # of the parse itself (see bench/parse.py).
    root_start = _ROOT_START.search(data)
    start = root_start.start() if root_start else 0
    root_end = data.find(b">", start)
    # rfind: only whether one exists matters, and CPython's reverse search scans about three
    # times faster than find's (7 ms instead of 20 ms over 25 MB).
    nested_namespaces = root_end > 0 and data.rfind(b"xmlns", root_end) >= 0
    clean: bytes = data
    if root_end > 0 and b"xmlns" in data[start:root_end]:
        root_tag = _DEFAULT_NAMESPACE.sub(b"", data[start:root_end])
        clean = b"".join((data[:start], root_tag, memoryview(data)[root_end:]))
    parser = _PARSER
    declared = _DECLARED_ENCODING.match(clean)
    if (
        declared
        and declared.group(1).lower() in (b"iso-8859-1", b"latin-1", b"latin1")
        and _looks_like_utf8(clean)
    ):
        # Mislabelled UTF-8 is common, and Latin-1 text almost never reads as valid UTF-8.
        parser = _UTF8_PARSER
    try:
        root = _parse_with_fallback(clean, parser, latin1_fallback=declared is None)
    except etree.XMLSyntaxError as exc:
        if _CONTROL_CHARACTER.search(clean):
            # Control characters (seen inside CDATA) are illegal in XML: drop them, once,
            # only when they broke the parse.
            return parse_document(clean.translate(None, _CONTROL_BYTES), action=action)
        truncated = _looks_truncated(clean)
        raise ResponseParseError(
            Message(
                "errors.parse.not_xml_cut" if truncated else "errors.parse.not_xml",
                {
                    "action": action or "the request",
                    "reason": exc.msg,
                    "excerpt": repr(_excerpt(data, 80)),
                },
            ),
            action=action,
            truncated=truncated,
        ) from exc
    if root is None:
        raise ResponseParseError(
            Message("errors.parse.no_root", {"action": action or "the request"})
        )
    if nested_namespaces or _prefix_used(root, clean):
        _drop_namespaces(root)
    if root.getroottree().docinfo.doctype:  # type: ignore[attr-defined]
        # A DTD deeper than the first bytes: it was neither loaded nor expanded, but a document
        # that carries one is not the web service's.
        raise ResponseParseError(
            Message("errors.parse.dtd"),
            action=action,
        )
    return root


_ROOT_START = re.compile(rb"<[A-Za-z_]")


def _prefix_used(root: etree._Element, data: bytes) -> bool:
    """True when an element can be in a namespace declared on the root (none nested).

    The service's answers declare ``xmlns:xsi`` on the root and put no element in it; the
    renaming pass would visit every element for nothing (a quarter of the parse of a fleet's
    small pages). An element in a prefixed namespace is written ``<prefix:``; a match inside
    a comment or CDATA only costs a needless pass.
    """
    for prefix in root.nsmap:
        # A non-ASCII prefix is spelt in the document's encoding: not looked for, renamed.
        if prefix is None or not prefix.isascii() or data.find(f"<{prefix}:".encode()) >= 0:
            return True
    return False


_CONTROL_CHARACTER = re.compile(b"[" + re.escape(_CONTROL_BYTES) + b"]")
#: the non-ASCII runs looked at to decide whether an ISO-8859-1 label hides UTF-8
_NON_ASCII_RUN = re.compile(rb"[\x80-\xff]+")
_RUNS_CHECKED = 64


def _looks_like_utf8(data: bytes) -> bool:
    """True when the first non-ASCII runs of ``data`` (up to 64) all decode as UTF-8.

    Latin-1 text almost never does: an accented letter alone is not a valid UTF-8 sequence.
    Only the runs are copied, never a slice of the body: a 64 KB copy made just before a large
    parse made it about a third slower (glibc then merges the previous page's freed tree
    before the new one can reuse it; see bench/parse.py).
    """
    checked = 0
    for match in _NON_ASCII_RUN.finditer(data):
        try:
            match.group().decode("utf-8")
        except UnicodeDecodeError:
            return False
        checked += 1
        if checked == _RUNS_CHECKED:
            break
    return checked > 0


def _drop_namespaces(root: etree._Element) -> None:
    """Rename every ``{ns}tag`` to ``tag`` (rare: a prefixed or nested namespace)."""
    for element in root.iter(etree.Element):
        tag = element.tag
        if tag[0] == "{":
            element.tag = tag[tag.rfind("}") + 1 :]


_ROOT_NAME = re.compile(rb"<([A-Za-z_][\w.:-]*)")


def _looks_truncated(data: bytes) -> bool:
    """True when the document does not end with the closing tag of its root element."""
    body = data[data.find(b"?>") + 2 :] if data.lstrip().startswith(b"<?") else data
    match = _ROOT_NAME.search(body)
    if match is None:
        return True
    return not data.rstrip().endswith(b"</" + match.group(1) + b">")


def local_name(tag: object) -> str:
    """The tag without its namespace (``{ns}sale`` -> ``sale``)."""
    text = str(tag)
    return text.rsplit("}", 1)[-1]


def children_text(element: etree._Element) -> dict[str, str | None]:
    """Map each child's local name to its stripped text (empty and absent both become None)."""
    out: dict[str, str | None] = {}
    for child in element:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        text = child.text
        out[tag[tag.rfind("}") + 1 :]] = text.strip() or None if text else None
    return out


def find_error(root: etree._Element) -> RakutenFault | None:
    """The fault carried by an ``<errorresponse>`` root, or None for a normal answer."""
    if local_name(root.tag) != "errorresponse":
        return None
    error = next((el for el in root if local_name(el.tag) == "error"), None)
    if error is None:
        return RakutenFault(type="", code="", message="Unspecified error.")
    values: dict[str, str] = {}
    details: list[str] = []
    for child in error:
        name = local_name(child.tag)
        if name == "details":
            details.extend((d.text or "").strip() for d in child if (d.text or "").strip())
        else:
            values[name] = (child.text or "").strip()
    return RakutenFault(
        type=values.get("type", ""),
        code=values.get("code", ""),
        message=values.get("message", ""),
        details=tuple(details),
    )


def parse_date(text: str | None) -> datetime | None:
    """Parse Rakuten's ``dd/mm/yyyy-HH:MM`` (French local time) as a Europe/Paris datetime."""
    if not text:
        return None
    if len(text) == 16 and text[2] == "/" and text[5] == "/" and text[10] == "-":
        # The usual shape, read by position (a 10,000-sale page has 10,000 of them).
        try:
            return datetime(
                int(text[6:10]),
                int(text[3:5]),
                int(text[0:2]),
                int(text[11:13]),
                int(text[14:16]),
                tzinfo=PARIS,
            )
        except ValueError:
            return None
    try:
        day, month, rest = text.split("/", 2)
        year = rest[:4]
        hour = minute = second = "0"
        if len(rest) > 5:
            clock = rest[5:].split(":")
            hour, minute = clock[0], clock[1]
            if len(clock) > 2:
                second = clock[2]
        return datetime(
            int(year), int(month), int(day), int(hour), int(minute), int(second), tzinfo=PARIS
        )
    except (ValueError, IndexError):
        return None


def parse_bool(text: str | None) -> bool:
    """``Y``/``y``/``true``/``1``/``oui`` are true; everything else, empty included, is false."""
    return bool(text) and text.strip().lower() in ("y", "yes", "true", "1", "o", "oui")  # type: ignore[union-attr]


def parse_money(element: etree._Element | None) -> tuple[Decimal, str] | None:
    """Read an ``<amount>``/``<currency>`` pair; a bad or missing amount gives None."""
    if element is None:
        return None
    amount_text: str | None = None
    currency = "EUR"
    for child in element:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        name = tag[tag.rfind("}") + 1 :]
        if name == "amount":
            amount_text = (child.text or "").strip()
        elif name == "currency" and child.text and child.text.strip():
            currency = child.text.strip()
    if not amount_text:
        return None
    try:
        return Decimal(amount_text.replace(",", ".")), currency
    except InvalidOperation:
        return None


def first_child(element: etree._Element, name: str) -> etree._Element | None:
    """The first child with this local name, whatever the namespace."""
    for child in element:
        tag = child.tag
        if isinstance(tag, str) and tag[tag.rfind("}") + 1 :] == name:
            return child
    return None


def iter_named(element: etree._Element, name: str) -> list[etree._Element]:
    """Every descendant with this local name, whatever the namespace (one or many)."""
    return list(element.iter("{*}" + name))

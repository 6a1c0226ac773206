"""Google Shopping XML feeds (RSS ``<item>`` or Atom ``<entry>``) read as rows of strings."""

from __future__ import annotations

from collections import Counter

from lxml import etree

from rakuten_assist._safe_xml import hardened_parser
from rakuten_assist.i18n import DEFAULT_LANG, Message

__all__ = ["GOOGLE_NS", "parse_product_feed"]

GOOGLE_NS = "http://base.google.com/ns/1.0"

# Record elements of the common product feeds, by local name, most specific first.
_RECORD_TAGS = ("item", "entry", "product", "offer")


class FeedParseError(ValueError):
    """The bytes are not well-formed XML, or hold no product records; ``msg`` says which in
    words from the catalogues (the English text is ``str(error)``)."""

    def __init__(self, msg: Message) -> None:
        super().__init__(msg.render(DEFAULT_LANG))
        self.msg = msg


def _column_name(element: etree._Element) -> str:
    qname = etree.QName(element)
    if qname.namespace == GOOGLE_NS:
        return f"g:{qname.localname}"
    return qname.localname


def _record_tag(root: etree._Element) -> str | None:
    """The local name of the repeated product element, or None when there is none."""
    counts: Counter[str] = Counter()
    for element in root.iter():
        if isinstance(element.tag, str):
            counts[etree.QName(element).localname] += 1
    for tag in _RECORD_TAGS:
        if counts[tag]:
            return tag
    return None


def parse_product_feed(data: bytes) -> tuple[list[str], list[dict[str, str]]]:
    """Column names (in first-seen order) and one dict of text values per product record.

    Leaf elements become columns named by their local name, ``g:`` kept for the Google
    namespace (``g:id``, ``g:gtin``); nested groups such as ``g:shipping`` are skipped. A
    repeated leaf inside one record keeps its first value.

    Raises:
        FeedParseError: malformed XML, or no ``item``/``entry``/``product``/``offer`` records.
    """
    parser = hardened_parser()
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        # libxml2's own words are English: the place is what the reader needs.
        where = {"line": exc.lineno, "column": exc.offset}
        raise FeedParseError(Message("errors.catalog.feed_not_xml", where)) from exc
    if root is None:
        raise FeedParseError(Message("errors.catalog.feed_empty"))
    tag = _record_tag(root)
    if tag is None:
        raise FeedParseError(Message("errors.catalog.feed_no_records"))
    columns: dict[str, None] = {}
    records: list[dict[str, str]] = []
    for record in root.iter(f"{{*}}{tag}", tag):
        row: dict[str, str] = {}
        for child in record:
            if not isinstance(child.tag, str) or len(child):
                continue
            name = _column_name(child)
            if name in row:
                continue
            row[name] = (child.text or "").strip()
            columns.setdefault(name, None)
        records.append(row)
    return list(columns), records

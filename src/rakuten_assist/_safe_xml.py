"""The one hardened XML parser configuration, for every document we receive."""

from __future__ import annotations

from lxml import etree


def hardened_parser(
    encoding: str | None = None, *, keep_indentation: bool = True
) -> etree.XMLParser:
    """An lxml parser that cannot be turned against us.

    No entity expansion, no DTD loading, no network access: an XXE or billion-laughs document
    can neither read a local file nor grow without bound. CDATA becomes plain text; comments
    and processing instructions are dropped. Used for Rakuten's answers and merchants' feeds.
    ``keep_indentation=False`` drops the blank text between elements (libxml2's "ignorable
    whitespace"); a blank that is an element's whole text, or sits beside other text, stays.
    """
    return etree.XMLParser(
        encoding=encoding,
        remove_blank_text=not keep_indentation,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        strip_cdata=True,
    )

"""A UTF-8 document with one raw Latin-1 byte deep inside is read whole, every text intact."""

from __future__ import annotations

import pytest

from rakuten_assist.api._xml import parse_document


def _document(declaration: bytes) -> bytes:
    sales = b"".join(
        b"<sale><purchaseid>%d</purchaseid><headline><![CDATA[H\xc3\xa9lo\xc3\xafse %d]]>"
        b"</headline></sale>\n" % (n, n)
        for n in range(600)
    )
    # Sale 500: a title pasted from a Latin-1 source, one raw byte (0xE9, "é").
    sales = sales.replace(b"H\xc3\xa9lo\xc3\xafse 500", b"Caf\xe9 cr\xc3\xa8me")
    return (
        declaration
        + b"<getnewsalesresult><response><sales>\n"
        + sales
        + (b"</sales></response></getnewsalesresult>")
    )


@pytest.mark.parametrize(
    "declaration",
    [
        b'<?xml version="1.0" encoding="UTF-8"?>\n',
        b'<?xml version="1.0" encoding="ISO-8859-1"?>\n',
        b'<?xml version="1.0"?>\n',
        b"",
    ],
)
def test_one_latin1_byte_does_not_fail_the_document(declaration: bytes) -> None:
    """Every sale is read; the UTF-8 titles stay UTF-8 and the stray byte reads as Latin-1."""
    root = parse_document(_document(declaration), action="getnewsales")
    titles = [h.text for h in root.iter("headline")]
    assert len(titles) == 600
    assert titles[0] == "Héloïse 0"
    assert titles[599] == "Héloïse 599"
    assert titles[500] == "Café crème"


def test_a_document_all_in_latin1_is_still_read_as_latin1() -> None:
    """Undeclared Latin-1 throughout keeps its old reading."""
    data = b"<getnewsalesresult><headline>Caf\xe9 \xe0 l'\xe9glise</headline></getnewsalesresult>"
    assert parse_document(data).findtext("headline") == "Café à l'église"

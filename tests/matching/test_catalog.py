"""load_catalog: every format read as text, and each bad file with its own clear error."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pytest

from rakuten_assist.errors import CatalogError
from rakuten_assist.matching.catalog import (
    CatalogFormatError,
    DuplicateHeaderError,
    EmptyCatalogError,
    MissingColumnError,
    UnreadableCatalogError,
    detect_columns,
    load_catalog,
    resolve_column,
)

ROWS = [("P1", "00042", "3770012000429"), ("P2", "RK-10043", "3770012000436")]


def _frame() -> pd.DataFrame:
    return pd.DataFrame(ROWS, columns=["id", "sku", "ean"])


def _assert_rows(frame: pd.DataFrame) -> None:
    assert frame[["id", "sku", "ean"]].values.tolist() == [list(row) for row in ROWS]
    assert all(frame[name].dtype == "str" for name in frame.columns)


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_csv_delimiter_is_sniffed(tmp_path: Path, delimiter: str) -> None:
    """A CSV with any common delimiter loads, leading zeros kept."""
    path = tmp_path / "feed.csv"
    lines = [delimiter.join(("id", "sku", "ean"))] + [delimiter.join(row) for row in ROWS]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    frame = load_catalog(path)
    _assert_rows(frame)
    assert frame.attrs["delimiter"] == delimiter


@pytest.mark.parametrize(
    ("encoding", "expected"), [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("cp1252", "cp1252")]
)
def test_csv_encodings(tmp_path: Path, encoding: str, expected: str) -> None:
    """UTF-8, UTF-8 with BOM and Windows Latin-1 exports all read accents and the first column."""
    path = tmp_path / "feed.csv"
    path.write_bytes("id;sku;title\nP1;00042;Théière €\n".encode(encoding))
    frame = load_catalog(path)
    assert list(frame.columns) == ["id", "sku", "title"]
    assert frame.loc[0, "title"] == "Théière €"
    assert frame.attrs["encoding"] == expected


def test_latin1_bytes_outside_cp1252(tmp_path: Path) -> None:
    """Bytes Windows-1252 leaves undefined still decode as Latin-1."""
    path = tmp_path / "feed.csv"
    path.write_bytes(b"id,sku\nP1,A\x81B\n")
    frame = load_catalog(path)
    assert frame.loc[0, "sku"] == "A\x81B"
    assert frame.attrs["encoding"] == "latin-1"


def test_tsv(tmp_path: Path) -> None:
    """A .tsv file is split on tabs even when values hold commas."""
    path = tmp_path / "feed.tsv"
    body = "".join("\t".join((*row, "a, b")) + "\n" for row in ROWS)
    path.write_text("id\tsku\tean\ttitle\n" + body, encoding="utf-8")
    frame = load_catalog(path)
    _assert_rows(frame)
    assert frame.loc[0, "title"] == "a, b"


def test_csv_header_names_are_stripped_and_blank_cells_missing(tmp_path: Path) -> None:
    """Spaces around header names go; an empty cell is NaN, the text 'NA' stays a SKU."""
    path = tmp_path / "feed.csv"
    path.write_text(" id , sku \nP1,NA\nP2,\n", encoding="utf-8")
    frame = load_catalog(path)
    assert list(frame.columns) == ["id", "sku"]
    assert frame.loc[0, "sku"] == "NA"
    assert pd.isna(frame.loc[1, "sku"])


def test_excel(tmp_path: Path) -> None:
    """An XLSX workbook loads as text; numeric cells lose no digits and gain no '.0'."""
    path = tmp_path / "feed.xlsx"
    frame = _frame().assign(stock=[3, 12])
    frame.to_excel(path, index=False)
    loaded = load_catalog(path)
    _assert_rows(loaded)
    assert loaded["stock"].tolist() == ["3", "12"]


def test_excel_damaged(tmp_path: Path) -> None:
    """A truncated workbook is reported as unreadable, with a fix."""
    buffer = io.BytesIO()
    _frame().to_excel(buffer, index=False)
    path = tmp_path / "feed.xlsx"
    path.write_bytes(buffer.getvalue()[:300])
    with pytest.raises(UnreadableCatalogError) as caught:
        load_catalog(path)
    assert caught.value.fix


@pytest.mark.parametrize(
    "document",
    [
        [dict(zip(("id", "sku", "ean"), row, strict=True)) for row in ROWS],
        {"products": [dict(zip(("id", "sku", "ean"), row, strict=True)) for row in ROWS]},
    ],
    ids=["list", "wrapped"],
)
def test_json(tmp_path: Path, document: object) -> None:
    """A JSON list of products, or an object wrapping one, loads as text."""
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    _assert_rows(load_catalog(path))


def test_json_lines_and_numbers(tmp_path: Path) -> None:
    """JSON lines load too; numbers become text without a trailing '.0'."""
    path = tmp_path / "feed.jsonl"
    path.write_text('{"id": 1, "sku": "A"}\n{"id": 2.0, "sku": null}\n', encoding="utf-8")
    frame = load_catalog(path)
    assert frame["id"].tolist() == ["1", "2"]
    assert pd.isna(frame.loc[1, "sku"])


def test_json_invalid(tmp_path: Path) -> None:
    """Broken JSON says where it breaks."""
    path = tmp_path / "feed.json"
    path.write_text('[{"id": "P1", "sku": }]', encoding="utf-8")
    with pytest.raises(UnreadableCatalogError, match="not valid JSON"):
        load_catalog(path)


def test_json_not_products(tmp_path: Path) -> None:
    """JSON that is not a list of objects is refused with the expected shape as fix."""
    path = tmp_path / "feed.json"
    path.write_text("[1, 2, 3]", encoding="utf-8")
    with pytest.raises(CatalogFormatError) as caught:
        load_catalog(path)
    assert "sku" in caught.value.fix


def test_parquet(tmp_path: Path) -> None:
    """A Parquet file loads as text; an integer column becomes digits."""
    path = tmp_path / "feed.parquet"
    _frame().assign(stock=[3, 12]).to_parquet(path)
    loaded = load_catalog(path)
    _assert_rows(loaded)
    assert loaded["stock"].tolist() == ["3", "12"]


def test_parquet_damaged(tmp_path: Path) -> None:
    """A cut Parquet file is reported as unreadable."""
    buffer = io.BytesIO()
    _frame().to_parquet(buffer)
    path = tmp_path / "feed.parquet"
    path.write_bytes(buffer.getvalue()[:200])
    with pytest.raises(UnreadableCatalogError, match="Parquet"):
        load_catalog(path)


GOOGLE_FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">
 <channel>
  <title>Boutique</title>
  <item>
   <g:id>P1</g:id><title>Théière</title><g:mpn>00042</g:mpn><g:gtin>3770012000429</g:gtin>
   <g:shipping><g:country>FR</g:country><g:price>4.90 EUR</g:price></g:shipping>
  </item>
  <item><g:id>P2</g:id><title>Tasse</title><g:gtin>3770012000436</g:gtin></item>
 </channel>
</rss>
"""


def test_google_shopping_xml(tmp_path: Path) -> None:
    """A Google Shopping RSS feed gives g:id, g:gtin... columns, nested groups skipped."""
    path = tmp_path / "feed.xml"
    path.write_text(GOOGLE_FEED, encoding="utf-8")
    frame = load_catalog(path)
    assert list(frame.columns) == ["g:id", "title", "g:mpn", "g:gtin"]
    assert frame["g:id"].tolist() == ["P1", "P2"]
    assert frame.loc[0, "g:mpn"] == "00042"
    assert detect_columns(frame.columns).id == "g:id"


def test_xml_malformed(tmp_path: Path) -> None:
    """Malformed XML names the line where it breaks."""
    path = tmp_path / "feed.xml"
    path.write_text("<rss><channel><item><g:id>P1</item></channel>", encoding="utf-8")
    with pytest.raises(UnreadableCatalogError, match="line"):
        load_catalog(path)


def test_xml_entities_are_never_resolved(tmp_path: Path) -> None:
    """An external entity in a feed is not expanded: no local file leaks into the catalogue."""
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    path = tmp_path / "feed.xml"
    path.write_text(
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>'
        "<rss><channel><item><id>P1</id><title>&x;</title></item></channel></rss>",
        encoding="utf-8",
    )
    try:
        frame = load_catalog(path)
    except UnreadableCatalogError:
        return  # refusing the document is as safe as ignoring the entity
    assert "TOP-SECRET" not in frame.to_csv()


def test_empty_file(tmp_path: Path) -> None:
    """An empty file says it is empty."""
    path = tmp_path / "feed.csv"
    path.write_bytes(b"")
    with pytest.raises(EmptyCatalogError, match="empty"):
        load_catalog(path)


def test_header_without_rows(tmp_path: Path) -> None:
    """A header with no product rows gets its own message."""
    path = tmp_path / "feed.csv"
    path.write_text("id,sku\n", encoding="utf-8")
    with pytest.raises(EmptyCatalogError, match="no product rows"):
        load_catalog(path)


def test_duplicate_header(tmp_path: Path) -> None:
    """Two columns with one name are refused, naming the column."""
    path = tmp_path / "feed.csv"
    path.write_text("id,sku,sku\nP1,A,B\n", encoding="utf-8")
    with pytest.raises(DuplicateHeaderError) as caught:
        load_catalog(path)
    assert caught.value.duplicates == ["sku"]
    assert "'sku'" in caught.value.message


def test_duplicate_json_keys(tmp_path: Path) -> None:
    """A JSON product with a repeated key is a duplicate header too."""
    path = tmp_path / "feed.json"
    path.write_text('[{"sku": "A", "sku": "B"}]', encoding="utf-8")
    with pytest.raises(DuplicateHeaderError):
        load_catalog(path)


def test_unreadable_binary(tmp_path: Path) -> None:
    """Binary bytes in a .csv are unreadable text, not a garbled catalogue."""
    path = tmp_path / "feed.csv"
    path.write_bytes(b"id,sku\n\x00\x01\x02\x03\x00\x00\x07\x08" * 20)
    with pytest.raises(UnreadableCatalogError, match="not readable text"):
        load_catalog(path)


def test_ragged_row(tmp_path: Path) -> None:
    """A row longer than the header is an error, never a silent shift into the index."""
    path = tmp_path / "feed.csv"
    path.write_text("id,sku\nP1,A,extra,more\n", encoding="utf-8")
    with pytest.raises(UnreadableCatalogError, match="more values than the header"):
        load_catalog(path)


def test_unclosed_quote_has_its_own_message_and_fix(tmp_path: Path) -> None:
    """An unclosed double quote is named with its line, not called a row with extra values."""
    path = tmp_path / "feed.csv"
    path.write_text('id;sku;title\nP1;RK-1;"Theiere\nP2;RK-2;Tasse\n', encoding="utf-8")
    with pytest.raises(UnreadableCatalogError) as info:
        load_catalog(path)
    assert "never closed on line 2" in info.value.message
    assert "more values than the header" not in info.value.message
    assert info.value.fix is not None
    assert "quote" in info.value.fix


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("feed.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "97-2003"),
        ("feed.pdf", b"%PDF-1.7\n...", "PDF"),
        ("feed.bin", b"\x00\x9f\x92\x96" * 64, "binary"),
    ],
)
def test_unknown_formats(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    """Formats we cannot read are named, with the export to make instead."""
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(CatalogFormatError, match=message) as caught:
        load_catalog(path)
    assert caught.value.fix


def test_unknown_format_argument() -> None:
    """A format name we do not know lists the known ones."""
    with pytest.raises(CatalogFormatError, match="csv, tsv, excel"):
        load_catalog(b"id\n1\n", format="dbf")


def test_missing_file(tmp_path: Path) -> None:
    """A path that does not exist is a CatalogError naming it."""
    with pytest.raises(CatalogError, match="No catalogue file"):
        load_catalog(tmp_path / "nope.csv")


def test_bytes_and_named_buffers() -> None:
    """Bytes and file objects load too; a buffer's name picks the format."""
    buffer = io.BytesIO(b"id\tsku\nP1\t00042\n")
    buffer.name = "upload.tsv"
    assert load_catalog(buffer).loc[0, "sku"] == "00042"
    assert load_catalog(b"id,sku\nP1,00042\n").loc[0, "sku"] == "00042"


def test_missing_column_lists_columns_and_suggests_the_sku_column() -> None:
    """Asking for an absent column lists those that exist and proposes the SKU-like one."""
    frame = load_catalog(b"product_id,seller_sku,title\nP1,A,T\n")
    with pytest.raises(MissingColumnError) as caught:
        resolve_column(frame, "sku")
    error = caught.value
    assert "'product_id', 'seller_sku', 'title'" in error.message
    assert error.suggestion == "seller_sku"
    assert "--sku-column 'seller_sku'" in error.fix


def test_required_columns_are_checked_at_load() -> None:
    """columns=... makes load_catalog fail early on a missing column."""
    with pytest.raises(MissingColumnError):
        load_catalog(b"id,title\nP1,T\n", columns=["sku"])


def test_column_lookup_ignores_case_and_spaces() -> None:
    """'SKU' finds a column named 'sku' when it is the only such column."""
    frame = load_catalog(b"id,sku\nP1,A\n")
    assert resolve_column(frame, " SKU ") == "sku"


@pytest.mark.parametrize(
    ("columns", "sku", "ident", "ean"),
    [
        (["id", "sku", "ean"], "sku", "id", "ean"),
        (["g:id", "g:mpn", "g:gtin", "title"], "g:mpn", "g:id", "g:gtin"),
        (["Product ID", "Seller SKU", "EAN13"], "Seller SKU", "Product ID", "EAN13"),
        (["title", "price"], None, None, None),
    ],
)
def test_detect_columns(
    columns: list[str], sku: str | None, ident: str | None, ean: str | None
) -> None:
    """The SKU, id and EAN columns are recognised under their usual names."""
    roles = detect_columns(columns)
    assert (roles.sku, roles.id, roles.ean) == (sku, ident, ean)


@pytest.mark.parametrize(
    ("name", "content", "french"),
    [
        ("feed.xml", b"<rss><channel><item><g:id>P1</item></channel>", "mal formé à la ligne 1"),
        ("feed.xml", b"<rss><channel></channel></rss>", "aucun élément <item>"),
        ("feed.csv", b"sku,title\nA,x\nB,y,z\n", "(ligne 3 : 3 valeurs pour 2 colonnes)"),
        ("feed.csv", b'sku,title\n"A,x\nB,y\n', "jamais refermé à la ligne 2"),
        ("feed.json", b'[{"sku": "A",}]', "n'est pas du JSON valide (ligne 1, colonne 14)."),
        ("feed.xlsx", b"PK\x03\x04garbage", "ne peut pas être lu comme un classeur Excel"),
        ("feed.parquet", b"PAR1garbage", "n'est pas un fichier Parquet lisible."),
    ],
)
def test_a_broken_catalogue_is_explained_in_french_without_the_readers_english(
    tmp_path: Path, name: str, content: bytes, french: str
) -> None:
    """What is wrong with a broken feed, and where, is said in French to a French reader;
    libxml2's, pandas', json's or openpyxl's English ("Expecting", "Error tokenizing data",
    "on line") is not quoted in it."""
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UnreadableCatalogError) as caught:
        load_catalog(path)
    message, fix = caught.value.render("fr")
    assert french in message
    for english in ("Expect", "Error", "error", " on line", "not ", "File is", "Namespace"):
        assert english not in message, english
    assert fix

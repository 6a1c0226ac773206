"""Reading each catalogue format into a DataFrame of strings, and the errors a file can raise.

``catalog.load_catalog`` picks the format; the readers here decode the bytes (UTF-8, then
Windows-1252, then Latin-1), sniff a CSV's delimiter, check the header, and turn each
format's faults into a ``CatalogError`` with its fix.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
import warnings
import zipfile
from collections import Counter
from collections.abc import Sequence
from typing import Any

import pandas as pd

from rakuten_assist.errors import CatalogError
from rakuten_assist.i18n import Message
from rakuten_assist.matching.feed_xml import FeedParseError, parse_product_feed

__all__ = [
    "CatalogFormatError",
    "DuplicateHeaderError",
    "EmptyCatalogError",
    "UnreadableCatalogError",
    "check_header",
    "read_excel",
    "read_json",
    "read_parquet",
    "read_text_table",
    "read_xml",
]

_DELIMITERS = (",", ";", "\t", "|")


class CatalogFormatError(CatalogError):
    """The file is in a format we cannot read (or not a catalogue at all)."""

    fix_id = "errors.fix.catalog_format"


class EmptyCatalogError(CatalogError):
    """The file is empty, or has a header and no product rows."""

    fix_id = "errors.fix.catalog_empty"


class DuplicateHeaderError(CatalogError):
    """Two columns share a name, so which one holds the SKU is undecidable.

    Attributes:
        duplicates: the repeated column names.
    """

    def __init__(
        self, message: str | Message, *, duplicates: Sequence[str], fix: str | Message | None = None
    ):
        super().__init__(message, fix=fix)
        self.duplicates = list(duplicates)


class UnreadableCatalogError(CatalogError):
    """The bytes cannot be decoded or parsed (binary data, a broken file, a ragged row)."""

    fix_id = "errors.fix.catalog_save_as"


def _decode(data: bytes, encoding: str | None, name: str) -> tuple[str, str]:
    """The text and the encoding that read it; UTF-8 first, then Windows-1252, then Latin-1."""
    if encoding:
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError) as exc:
            raise UnreadableCatalogError(
                Message(
                    "errors.catalog.encoding",
                    {"name": name, "encoding": encoding},
                ),
                fix=Message("errors.fix.catalog_encoding"),
            ) from exc
    if data.startswith(codecs.BOM_UTF8):
        candidates: tuple[str, ...] = ("utf-8-sig",)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ("utf-16",)
    else:
        # Spreadsheets on Windows save "CSV" as Windows-1252; Latin-1 decodes any byte left.
        candidates = ("utf-8", "cp1252", "latin-1")
    for candidate in candidates:
        try:
            text = data.decode(candidate)
        except UnicodeDecodeError:
            continue
        if _looks_binary(text):
            break
        return text, candidate
    raise UnreadableCatalogError(
        Message("errors.catalog.not_text", {"name": name, "tried": ", ".join(candidates)})
    )


def _looks_binary(text: str) -> bool:
    sample = text[:65536]
    if "\x00" in sample:
        return True
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return controls > max(2, len(sample) // 100)


def _sniff_delimiter(first_line: str) -> str:
    best, best_count = ",", 1
    for delimiter in _DELIMITERS:
        count = len(next(csv.reader([first_line], delimiter=delimiter), []))
        if count > best_count:
            best, best_count = delimiter, count
    return best


def read_text_table(data: bytes, fmt: str, encoding: str | None, name: str) -> pd.DataFrame:
    text, used = _decode(data, encoding, name)
    if not text.strip():
        raise EmptyCatalogError(Message("errors.catalog.empty", {"name": name}))
    first_line = text.lstrip("\r\n").splitlines()[0]
    delimiter = "\t" if fmt == "tsv" else _sniff_delimiter(first_line)
    header = next(csv.reader([first_line], delimiter=delimiter))
    check_header(header, name)
    try:
        with warnings.catch_warnings():
            # A first row longer than the header would silently become the index (or be cut).
            warnings.simplefilter("error", pd.errors.ParserWarning)
            frame = pd.read_csv(
                io.StringIO(text),
                sep=delimiter,
                dtype="str",
                keep_default_na=False,
                na_values=[""],
                skip_blank_lines=True,
                index_col=False,
            )
    except (pd.errors.ParserError, pd.errors.ParserWarning, csv.Error) as exc:
        unclosed = re.search(r"EOF inside string(?: starting at row (\d+))?", str(exc))
        if unclosed:
            # pandas counts rows from 0 at the header, so row N is line N + 1 of the file.
            where: Message | str = (
                Message("errors.catalog.on_line", {"line": int(unclosed.group(1)) + 1})
                if unclosed.group(1)
                else ""
            )
            raise UnreadableCatalogError(
                Message("errors.catalog.unclosed_quote", {"name": name, "where": where}),
                fix=Message("errors.fix.catalog_quote"),
            ) from exc
        # pandas' words are English: the line and the counts are said in the reader's.
        counts = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", str(exc))
        reason: Message | str = (
            Message(
                "errors.catalog.ragged_counts",
                {"expected": int(counts[1]), "line": int(counts[2]), "saw": int(counts[3])},
            )
            if counts
            else Message("errors.catalog.ragged_unplaced")
        )
        raise UnreadableCatalogError(
            Message("errors.catalog.ragged", {"name": name, "reason": reason}),
            fix=Message("errors.fix.catalog_ragged"),
        ) from exc
    frame.attrs.update(encoding=used, delimiter=delimiter)
    return frame


def check_header(header: Sequence[Any], name: str) -> None:
    counts = Counter(str(column).strip() for column in header)
    duplicates = [column for column, count in counts.items() if column and count > 1]
    if duplicates:
        listed = ", ".join(f"'{column}'" for column in duplicates)
        raise DuplicateHeaderError(
            Message("errors.catalog.duplicate_columns", {"name": name, "columns": listed}),
            duplicates=duplicates,
            fix=Message("errors.fix.catalog_duplicates"),
        )


def read_excel(data: bytes, sheet: str | int, name: str, header_row: int | None) -> pd.DataFrame:
    try:
        raw = pd.read_excel(
            io.BytesIO(data), sheet_name=sheet, header=None, dtype="str", engine="openpyxl"
        )
    except ImportError as exc:
        raise CatalogError(
            Message("errors.catalog.needs_module", {"what": "Excel", "module": "openpyxl"}),
            fix=Message("errors.fix.catalog_install", {"module": "openpyxl"}),
        ) from exc
    except (ValueError, KeyError, OSError, zipfile.BadZipFile) as exc:
        raise UnreadableCatalogError(
            Message("errors.catalog.bad_excel", {"name": name}),
            fix=Message("errors.fix.catalog_resave"),
        ) from exc
    if header_row is not None:
        # Rows above the header (a title, a date, notes) are not products.
        raw = raw.iloc[header_row - 1 :]
    raw = raw.dropna(how="all")
    if raw.empty:
        raise EmptyCatalogError(
            Message("errors.catalog.empty_sheet", {"sheet": repr(sheet), "name": name})
        )
    header = [("" if pd.isna(value) else str(value)) for value in raw.iloc[0]]
    check_header(header, name)
    frame = raw.iloc[1:].reset_index(drop=True)
    frame.columns = pd.Index(header)
    return frame


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [key for key, _ in pairs]
    if len(set(keys)) != len(keys):
        check_header(keys, "the JSON catalogue")
    return dict(pairs)


def read_json(data: bytes, encoding: str | None, name: str) -> pd.DataFrame:
    text, _ = _decode(data, encoding, name)
    if not text.strip():
        raise EmptyCatalogError(Message("errors.catalog.empty", {"name": name}))
    try:
        document: Any = json.loads(text, object_pairs_hook=_json_object)
    except json.JSONDecodeError as first:
        try:  # JSON lines: one product object per line
            document = [
                json.loads(line, object_pairs_hook=_json_object)
                for line in text.splitlines()
                if line.strip()
            ]
        except json.JSONDecodeError:
            raise UnreadableCatalogError(
                Message(
                    "errors.catalog.bad_json",
                    {"name": name, "line": first.lineno, "column": first.colno},
                ),
                fix=Message("errors.fix.catalog_json"),
            ) from first
    if isinstance(document, dict):
        lists = [value for value in document.values() if isinstance(value, list)]
        document = lists[0] if len(lists) == 1 else [document]
    if not isinstance(document, list) or not all(isinstance(row, dict) for row in document):
        raise CatalogFormatError(
            Message("errors.catalog.json_not_list", {"name": name}),
            fix=Message("errors.fix.catalog_json_list"),
        )
    columns: dict[str, None] = {}
    for row in document:
        columns.update(dict.fromkeys(row))
    return pd.DataFrame(document, columns=list(columns))


def read_parquet(data: bytes, name: str) -> pd.DataFrame:
    try:
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise CatalogError(
            Message("errors.catalog.needs_module", {"what": "Parquet", "module": "pyarrow"}),
            fix=Message("errors.fix.catalog_install", {"module": "pyarrow"}),
        ) from exc
    try:
        table = pq.read_table(io.BytesIO(data))
    except Exception as exc:  # pyarrow raises several unrelated types for a damaged file
        raise UnreadableCatalogError(Message("errors.catalog.bad_parquet", {"name": name})) from exc
    check_header(table.column_names, name)
    frame: pd.DataFrame = table.to_pandas()
    return frame


def read_xml(data: bytes, name: str) -> pd.DataFrame:
    try:
        columns, records = parse_product_feed(data)
    except FeedParseError as exc:
        raise UnreadableCatalogError(
            Message("errors.catalog.bad_feed", {"name": name, "reason": exc.msg}),
            fix=Message("errors.fix.catalog_feed"),
        ) from exc
    return pd.DataFrame(records, columns=columns)

"""Merchant catalogues (product feeds) loaded as DataFrames of strings, with clear errors.

Every column is read as text so SKUs and EANs keep their leading zeros; a missing cell is
NaN. CSV (delimiter sniffed; UTF-8, UTF-8 with BOM, Windows-1252/Latin-1), TSV, Excel,
JSON (records, a wrapped list, or JSON lines), Parquet and Google Shopping XML feeds.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import re
import warnings
import zipfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

import pandas as pd

from rakuten_assist.errors import CatalogError, os_reason
from rakuten_assist.i18n import DEFAULT_LANG, Message, t
from rakuten_assist.matching.columns import (
    ColumnRoles,
    MissingColumnError,
    detect_columns,
    resolve_column,
)
from rakuten_assist.matching.feed_xml import FeedParseError, parse_product_feed

__all__ = [
    "CATALOG_FORMATS",
    "CatalogFormatError",
    "ColumnRoles",
    "DuplicateHeaderError",
    "EmptyCatalogError",
    "MissingColumnError",
    "UnreadableCatalogError",
    "detect_columns",
    "load_catalog",
    "resolve_column",
    "text_column",
]

CATALOG_FORMATS = ("csv", "tsv", "excel", "json", "parquet", "xml")

_EXTENSIONS = {
    ".csv": "csv",
    ".txt": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".xlsx": "excel",
    ".xlsm": "excel",
    ".json": "json",
    ".jsonl": "json",
    ".ndjson": "json",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".xml": "xml",
    ".rss": "xml",
    ".atom": "xml",
}
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


# --- reading ---------------------------------------------------------------------------------


def _read_source(source: str | os.PathLike[str] | bytes | IO[bytes]) -> tuple[bytes, str]:
    if isinstance(source, bytes):
        return source, "<bytes>"
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        try:
            return path.read_bytes(), str(path)
        except FileNotFoundError as exc:
            raise CatalogError(
                Message("errors.catalog.no_file", {"path": str(path)}),
                fix=Message("errors.fix.catalog_path"),
            ) from exc
        except IsADirectoryError as exc:
            raise CatalogError(
                Message("errors.catalog.folder", {"path": str(path)}),
                fix=Message("errors.fix.catalog_file_itself"),
            ) from exc
        except OSError as exc:
            raise UnreadableCatalogError(
                Message("errors.catalog.cannot_read", {"path": str(path), "reason": os_reason(exc)})
            ) from exc
    data = source.read()
    return data, str(getattr(source, "name", "<stream>"))


def _sniff_format(data: bytes, name: str) -> str:
    suffix = Path(name).suffix.lower()
    head = data[:4096]
    if head.startswith(b"PK\x03\x04"):
        return "excel"
    if head.startswith(b"PAR1"):
        return "parquet"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise CatalogFormatError(
            Message("errors.catalog.xls", {"name": name}),
            fix=Message("errors.fix.catalog_xls"),
        )
    if head.startswith(b"%PDF"):
        raise CatalogFormatError(Message("errors.catalog.pdf", {"name": name}))
    if suffix in _EXTENSIONS:
        return _EXTENSIONS[suffix]
    text = head.lstrip(codecs.BOM_UTF8).lstrip()
    if text.startswith(b"<"):
        return "xml"
    if text[:1] in (b"[", b"{"):
        return "json"
    if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise CatalogFormatError(Message("errors.catalog.binary", {"name": name}))
    return "csv"


def _decode(data: bytes, encoding: str | None, name: str) -> tuple[str, str]:
    """The text and the encoding that read it; UTF-8 first, then Windows-1252, then Latin-1."""
    if encoding:
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError) as exc:
            raise UnreadableCatalogError(
                Message(
                    "errors.catalog.encoding",
                    {"name": name, "encoding": encoding, "reason": str(exc)},
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


def _read_text_table(data: bytes, fmt: str, encoding: str | None, name: str) -> pd.DataFrame:
    text, used = _decode(data, encoding, name)
    if not text.strip():
        raise EmptyCatalogError(Message("errors.catalog.empty", {"name": name}))
    first_line = text.lstrip("\r\n").splitlines()[0]
    delimiter = "\t" if fmt == "tsv" else _sniff_delimiter(first_line)
    header = next(csv.reader([first_line], delimiter=delimiter))
    _check_header(header, name)
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
            where = (
                t("errors.catalog.on_line", DEFAULT_LANG, line=int(unclosed.group(1)) + 1)
                if unclosed.group(1)
                else ""
            )
            raise UnreadableCatalogError(
                Message("errors.catalog.unclosed_quote", {"name": name, "where": where}),
                fix=Message("errors.fix.catalog_quote"),
            ) from exc
        raise UnreadableCatalogError(
            Message("errors.catalog.ragged", {"name": name, "reason": str(exc).strip()}),
            fix=Message("errors.fix.catalog_ragged"),
        ) from exc
    frame.attrs.update(encoding=used, delimiter=delimiter)
    return frame


def _check_header(header: Sequence[Any], name: str) -> None:
    counts = Counter(str(column).strip() for column in header)
    duplicates = [column for column, count in counts.items() if column and count > 1]
    if duplicates:
        listed = ", ".join(f"'{column}'" for column in duplicates)
        raise DuplicateHeaderError(
            Message("errors.catalog.duplicate_columns", {"name": name, "columns": listed}),
            duplicates=duplicates,
            fix=Message("errors.fix.catalog_duplicates"),
        )


def _read_excel(data: bytes, sheet: str | int, name: str, header_row: int | None) -> pd.DataFrame:
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
            Message("errors.catalog.bad_excel", {"name": name, "reason": str(exc)}),
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
    _check_header(header, name)
    frame = raw.iloc[1:].reset_index(drop=True)
    frame.columns = pd.Index(header)
    return frame


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [key for key, _ in pairs]
    if len(set(keys)) != len(keys):
        _check_header(keys, "the JSON catalogue")
    return dict(pairs)


def _read_json(data: bytes, encoding: str | None, name: str) -> pd.DataFrame:
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
                    {"name": name, "reason": first.msg, "line": first.lineno},
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


def _read_parquet(data: bytes, name: str) -> pd.DataFrame:
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
        raise UnreadableCatalogError(
            Message("errors.catalog.bad_parquet", {"name": name, "reason": str(exc)})
        ) from exc
    _check_header(table.column_names, name)
    frame: pd.DataFrame = table.to_pandas()
    return frame


def _read_xml(data: bytes, name: str) -> pd.DataFrame:
    try:
        columns, records = parse_product_feed(data)
    except FeedParseError as exc:
        raise UnreadableCatalogError(
            Message("errors.catalog.bad_feed", {"name": name, "reason": str(exc)}),
            fix=Message("errors.fix.catalog_feed"),
        ) from exc
    return pd.DataFrame(records, columns=columns)


def text_column(column: pd.Series) -> pd.Series:
    """A column as strings without losing digits: 12.0 becomes "12", missing stays NaN."""
    if isinstance(column.dtype, pd.StringDtype):
        return column.astype("str")
    if pd.api.types.is_bool_dtype(column):
        return column.map({True: "true", False: "false"}).astype("str")
    if pd.api.types.is_float_dtype(column):
        finite = column.dropna()
        if (finite == finite.round()).all():
            return column.astype("Int64").astype("str")
    if pd.api.types.is_numeric_dtype(column):
        return column.astype("str")
    mapped = column.map(_scalar_text, na_action="ignore")
    return mapped.astype("str")


def _scalar_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def load_catalog(
    source: str | os.PathLike[str] | bytes | IO[bytes],
    *,
    format: str | None = None,
    encoding: str | None = None,
    sheet: str | int = 0,
    columns: Sequence[str] = (),
    header_row: int | None = None,
) -> pd.DataFrame:
    """Load a merchant catalogue as a DataFrame whose columns are all strings.

    Args:
        source: a path, the file's bytes, or a binary file object.
        format: one of ``CATALOG_FORMATS``; guessed from the name and the bytes when None.
        encoding: force a text encoding (CSV, TSV, JSON); detected when None.
        sheet: the Excel sheet to read (name or position).
        columns: columns that must exist (MissingColumnError otherwise).
        header_row: the sheet's row (1-based, as the spreadsheet numbers it) holding the
            column names, when rows above it hold a title or notes (Excel only); by default
            the first non-empty row.

    Returns:
        One row per product, column names stripped of surrounding spaces, missing cells NaN.
        ``attrs`` records ``source``, ``format`` and, for text files, ``encoding``.

    Raises:
        CatalogError: a missing file; CatalogFormatError, EmptyCatalogError,
            DuplicateHeaderError, UnreadableCatalogError or MissingColumnError, each with a fix.
    """
    data, name = _read_source(source)
    if not data.strip():
        raise EmptyCatalogError(Message("errors.catalog.no_bytes", {"name": name}))
    if format is not None and format not in CATALOG_FORMATS:
        raise CatalogFormatError(
            Message(
                "errors.catalog.unknown_format",
                {"format": repr(format), "known": ", ".join(CATALOG_FORMATS)},
            )
        )
    fmt = format or _sniff_format(data, name)
    if header_row is not None and (fmt != "excel" or header_row < 1):
        raise CatalogFormatError(
            Message("errors.catalog.header_row", {"row": header_row, "name": name, "format": fmt}),
            fix=Message("errors.fix.catalog_header_row"),
        )
    if fmt in ("csv", "tsv"):
        frame = _read_text_table(data, fmt, encoding, name)
    elif fmt == "excel":
        frame = _read_excel(data, sheet, name, header_row)
    elif fmt == "json":
        frame = _read_json(data, encoding, name)
    elif fmt == "parquet":
        frame = _read_parquet(data, name)
    else:
        frame = _read_xml(data, name)
    frame = _finish(frame, name)
    frame.attrs.update(source=name, format=fmt)
    for column in columns:
        resolve_column(frame, column)
    return frame


def _finish(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    frame = frame.reset_index(drop=True)
    header = [str(column).strip() for column in frame.columns]
    header = [column or f"column_{index + 1}" for index, column in enumerate(header)]
    _check_header(header, name)
    attrs = dict(frame.attrs)
    text = pd.DataFrame(
        {new: text_column(frame.iloc[:, index]) for index, new in enumerate(header)},
        index=pd.RangeIndex(len(frame)),
    )
    text = text.dropna(how="all").reset_index(drop=True)
    if text.empty:
        raise EmptyCatalogError(Message("errors.catalog.no_rows", {"name": name}))
    text.attrs.update(attrs)
    return text

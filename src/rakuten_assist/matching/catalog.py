"""Merchant catalogues (product feeds) loaded as DataFrames of strings, with clear errors.

Every column is read as text so SKUs and EANs keep their leading zeros; a missing cell is
NaN. CSV (delimiter sniffed; UTF-8, UTF-8 with BOM, Windows-1252/Latin-1), TSV, Excel,
JSON (records, a wrapped list, or JSON lines), Parquet and Google Shopping XML feeds. Each
format's reader and the catalogue errors are in ``_catalog_readers`` (imported from here too).
"""

from __future__ import annotations

import codecs
import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

import pandas as pd

from rakuten_assist.errors import CatalogError, os_reason
from rakuten_assist.i18n import Message
from rakuten_assist.matching._catalog_readers import (
    CatalogFormatError,
    DuplicateHeaderError,
    EmptyCatalogError,
    UnreadableCatalogError,
    check_header,
    read_excel,
    read_json,
    read_parquet,
    read_text_table,
    read_xml,
)
from rakuten_assist.matching.columns import (
    ColumnRoles,
    MissingColumnError,
    detect_columns,
    resolve_column,
)

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
        frame = read_text_table(data, fmt, encoding, name)
    elif fmt == "excel":
        frame = read_excel(data, sheet, name, header_row)
    elif fmt == "json":
        frame = read_json(data, encoding, name)
    elif fmt == "parquet":
        frame = read_parquet(data, name)
    else:
        frame = read_xml(data, name)
    frame = _finish(frame, name)
    frame.attrs.update(source=name, format=fmt)
    for column in columns:
        resolve_column(frame, column)
    return frame


def _finish(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    frame = frame.reset_index(drop=True)
    header = [str(column).strip() for column in frame.columns]
    header = [column or f"column_{index + 1}" for index, column in enumerate(header)]
    check_header(header, name)
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

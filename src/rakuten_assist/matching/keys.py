"""SKU normalisation, scalar and vectorised, plus fast membership tests on string columns.

The vectorised path works on Arrow buffers when pyarrow is present: separators are ASCII
bytes, which never occur inside a multi-byte UTF-8 sequence, so removing them byte-wise is
safe. Non-ASCII values go through the scalar function, so both paths always agree.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

__all__ = [
    "SEPARATORS",
    "drop_separators",
    "isin",
    "normalize_ean",
    "normalize_sku",
    "normalize_skus",
]

#: Characters a SKU may carry that never tell two products apart; whitespace and invisible
#: control characters count as separators too.
SEPARATORS = "-_./"


def _is_separator(ch: str) -> bool:
    return ch in SEPARATORS or ch.isspace() or ord(ch) < 32 or ch == "\x7f"


def normalize_sku(value: Any) -> str | None:
    """The comparison form of a SKU: upper case, no separators or spaces, no leading zeros.

    ``" rk-00 12 "`` becomes ``"RK0012"``, ``"000123"`` becomes ``"123"`` and ``"000"``
    becomes ``"0"``. A missing value gives None; a blank one gives ``""``.
    """
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    kept = "".join(ch for ch in str(value).upper() if not _is_separator(ch))
    trimmed = kept.lstrip("0")
    return trimmed if trimmed or not kept else "0"


def _as_str(values: pd.Series) -> pd.Series:
    if isinstance(values.dtype, pd.StringDtype) and values.dtype.na_value is not pd.NA:
        return values
    return values.astype("str")


def normalize_skus(values: pd.Series) -> pd.Series:
    """``normalize_sku`` over a Series, vectorised; same index, ``str`` dtype, NaN kept."""
    text = _as_str(values)
    try:
        import pyarrow as pa
        import pyarrow.compute as pc
    except ImportError:  # pragma: no cover - pyarrow ships with the notebook extra
        return text.map(normalize_sku, na_action="ignore").astype("str")
    array = pc.ascii_upper(_arrow(text, pa))
    kept, has_non_ascii = _drop_separator_bytes(array, pa)
    trimmed = pc.ascii_ltrim(kept, "0")
    kept_lengths = np.diff(_offsets(kept))
    emptied = (np.diff(_offsets(trimmed)) == 0) & (kept_lengths > 0)
    if emptied.any():  # only zeros: keep one, "000" and "0" are the same number
        trimmed = pc.if_else(pa.array(emptied), pa.scalar("0", pa.large_string()), trimmed)
    normalised = pd.Series(pd.array(trimmed, dtype="str"), index=values.index, name=values.name)
    if has_non_ascii:
        others = ~np.asarray(pc.fill_null(pc.string_is_ascii(array), True), dtype=bool)
        normalised.iloc[others] = text.iloc[others].map(normalize_sku)
    return normalised


def drop_separators(values: pd.Series) -> pd.Series:
    """The values with separators, whitespace and control characters removed, nothing else."""
    text = _as_str(values)
    try:
        import pyarrow as pa
        import pyarrow.compute as pc
    except ImportError:  # pragma: no cover
        return text.map(_without_separators, na_action="ignore").astype("str")
    array = _arrow(text, pa)
    kept, has_non_ascii = _drop_separator_bytes(array, pa)
    result = pd.Series(pd.array(kept, dtype="str"), index=values.index, name=values.name)
    if has_non_ascii:
        others = ~np.asarray(pc.fill_null(pc.string_is_ascii(array), True), dtype=bool)
        result.iloc[others] = text.iloc[others].map(_without_separators)
    return result


def _arrow(text: pd.Series, pa: Any) -> Any:
    """One contiguous Arrow large_string array of the values (pandas may hold chunks)."""
    array = pa.array(text, type=pa.large_string())
    if isinstance(array, pa.ChunkedArray):
        array = array.combine_chunks() if array.num_chunks else pa.array([], pa.large_string())
    return array


def _without_separators(value: str) -> str:
    return "".join(ch for ch in value if not _is_separator(ch))


def _offsets(array: Any) -> np.ndarray[Any, np.dtype[np.int64]]:
    buffer = array.buffers()[1]
    start = array.offset
    return np.frombuffer(buffer, dtype=np.int64)[start : start + len(array) + 1]


def _drop_separator_bytes(array: Any, pa: Any) -> tuple[Any, bool]:
    """The strings without ASCII separator, whitespace and control bytes; any non-ASCII?

    Separators are ASCII, and an ASCII byte never occurs inside a multi-byte UTF-8
    sequence, so dropping bytes keeps every other character intact.
    """
    if array.offset:
        array = array.take(pa.array(np.arange(len(array))))
    validity, offsets_buffer, data_buffer = array.buffers()
    if data_buffer is None or len(array) == 0:
        return array, False
    offsets = np.frombuffer(offsets_buffer, dtype=np.int64)[: len(array) + 1]
    data = np.frombuffer(data_buffer, dtype=np.uint8)[: offsets[-1]]
    has_non_ascii = bool((data >= 128).any())
    # controls and space (<= 32), "-" "." "/" (45-47, one unsigned comparison), "_", DEL
    drop = (data <= 32) | ((data - np.uint8(45)) <= 2) | (data == 95) | (data == 127)
    positions = np.flatnonzero(drop)
    if positions.size == 0:
        return array, has_non_ascii
    new_offsets = offsets - np.searchsorted(positions, offsets)
    kept = pa.LargeStringArray.from_buffers(
        len(array),
        pa.py_buffer(new_offsets),
        pa.py_buffer(data[~drop]),
        validity,
        array.null_count,
    )
    return kept, has_non_ascii


def normalize_ean(values: pd.Series) -> pd.Series:
    """EANs/GTINs for comparison: surrounding spaces and leading zeros removed (GTIN-14 vs 13).

    Blank values become NaN, so they never match each other.
    """
    text = _as_str(values)
    try:
        import pyarrow as pa
        import pyarrow.compute as pc
    except ImportError:  # pragma: no cover
        stripped = text.str.strip().str.lstrip("0")
        return stripped.where(stripped != "", np.nan)
    array = pc.ascii_ltrim(pc.utf8_trim_whitespace(pa.array(text, type=pa.large_string())), "0")
    blank = pc.equal(pc.binary_length(array), 0)
    array = pc.if_else(blank, pa.scalar(None, pa.large_string()), array)
    return pd.Series(pd.array(array, dtype="str"), index=values.index, name=values.name)


def isin(values: pd.Series, wanted: pd.Series) -> np.ndarray[Any, np.dtype[np.bool_]]:
    """Boolean mask of ``values`` found in ``wanted`` (missing values are never found)."""
    pool = _as_str(wanted).dropna().unique()
    try:
        import pyarrow as pa
        import pyarrow.compute as pc
    except ImportError:  # pragma: no cover
        return np.asarray(_as_str(values).isin(set(pool)), dtype=bool)
    array = pa.array(_as_str(values), type=pa.large_string())
    found = pc.is_in(array, value_set=pa.array(pool, type=pa.large_string()), skip_nulls=True)
    return np.asarray(pc.fill_null(found, False).to_numpy(zero_copy_only=False), dtype=bool)

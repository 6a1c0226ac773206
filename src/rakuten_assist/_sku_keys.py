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

__all__ = ["SEPARATORS", "isin", "normalize_ean", "normalize_sku", "normalize_skus"]

#: Characters a SKU may carry that never tell two products apart (whitespace too).
SEPARATORS = "-_./"

# Byte lookup table: True for an ASCII separator or an ASCII whitespace byte (as str.isspace).
_SEPARATOR_BYTES = np.zeros(256, dtype=bool)
for _code in range(128):
    if chr(_code) in SEPARATORS or chr(_code).isspace():
        _SEPARATOR_BYTES[_code] = True


def normalize_sku(value: Any) -> str | None:
    """The comparison form of a SKU: upper case, no separators or spaces, no leading zeros.

    ``" rk-00 12 "`` becomes ``"RK0012"``, ``"000123"`` becomes ``"123"`` and ``"000"``
    becomes ``"0"``. A missing value gives None; a blank one gives ``""``.
    """
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    kept = "".join(ch for ch in str(value).upper() if ch not in SEPARATORS and not ch.isspace())
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
    array = pa.array(text, type=pa.large_string())
    if array.offset:
        array = array.take(pa.array(np.arange(len(array))))
    upper = pc.ascii_upper(array)
    kept = _drop_separator_bytes(upper, pa)
    trimmed = pc.ascii_ltrim(kept, "0")
    all_zeros = pc.and_(
        pc.equal(pc.binary_length(trimmed), 0), pc.greater(pc.binary_length(kept), 0)
    )
    result = pc.if_else(all_zeros, pa.scalar("0", pa.large_string()), trimmed)
    normalised = pd.Series(pd.array(result, dtype="str"), index=values.index, name=values.name)
    ascii_only = pc.fill_null(pc.string_is_ascii(array), True).to_numpy(zero_copy_only=False)
    if not ascii_only.all():
        others = ~ascii_only
        normalised.iloc[others] = text.iloc[others].map(normalize_sku)
    return normalised


def _drop_separator_bytes(array: Any, pa: Any) -> Any:
    """The same strings with every ASCII separator and whitespace byte removed."""
    validity, offsets_buffer, data_buffer = array.buffers()
    if data_buffer is None or len(array) == 0:
        return array
    offsets = np.frombuffer(offsets_buffer, dtype=np.int64)[: len(array) + 1]
    data = np.frombuffer(data_buffer, dtype=np.uint8)[: offsets[-1]]
    drop = _SEPARATOR_BYTES[data]
    positions = np.flatnonzero(drop)
    if positions.size == 0:
        return array
    new_offsets = offsets - np.searchsorted(positions, offsets)
    new_data = data[~drop]
    return pa.LargeStringArray.from_buffers(
        len(array),
        pa.py_buffer(new_offsets.astype(np.int64)),
        pa.py_buffer(new_data),
        validity,
        array.null_count,
    )


def normalize_ean(values: pd.Series) -> pd.Series:
    """EANs/GTINs for comparison: surrounding spaces and leading zeros removed (GTIN-14 vs 13)."""
    text = _as_str(values).str.strip().str.lstrip("0")
    return text.where(text != "", np.nan)


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

"""Writing ``orders`` to a file: atomically, formulas neutralised, merged when resuming."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rakuten_assist.exports import atomic_write, merge_rows, neutralise_formulas, restore_formulas

if TYPE_CHECKING:
    import pandas as pd


def _sorted(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    # The order of a fresh run: awaiting acceptance first, then oldest first.
    return sorted(rows, key=lambda r: (r.get("source") != "new", str(r.get("purchase_date"))))


def _text_rows(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows as the CSV file holds them (text), so old and new rows compare alike."""
    import pandas as pd

    text = frame.to_csv(index=False)
    records = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False).to_dict("records")
    return [{str(k): v for k, v in row.items()} for row in records]


def _for_excel(frame: pd.DataFrame) -> pd.DataFrame:
    """Excel has no time zones: datetimes become French local wall time."""
    import pandas as pd

    out = frame.copy()
    for name in out.columns:
        if isinstance(out[name].dtype, pd.DatetimeTZDtype):
            out[name] = out[name].dt.tz_convert("Europe/Paris").dt.tz_localize(None)
    return out


def write_orders(
    frame: pd.DataFrame,
    fmt: str,
    output: Path,
    *,
    merge: bool,
    table: Callable[[pd.DataFrame], str],
) -> int:
    """Write ``frame`` to ``output`` in ``fmt``; with ``merge``, into the rows already there.

    Returns:
        the number of rows the file holds.
    """
    import pandas as pd

    merging = merge and output.exists()
    if fmt == "json":
        from rakuten_assist.frames import to_json_records

        rows = to_json_records(frame)
        if merging:
            rows = _sorted(merge_rows(json.loads(output.read_text(encoding="utf-8")), rows))
        text = json.dumps(rows, ensure_ascii=False, indent=2, default=str) + "\n"
        atomic_write(output, lambda path: path.write_text(text, encoding="utf-8"))
        return len(rows)
    if fmt == "csv":
        rows = _text_rows(neutralise_formulas(frame))
        if merging:
            earlier = pd.read_csv(output, dtype=str, keep_default_na=False).to_dict("records")
            rows = _sorted(merge_rows(earlier, rows))
        columns = list(dict.fromkeys([*frame.columns, *(k for r in rows for k in r)]))
        data = pd.DataFrame(rows, columns=columns)
        atomic_write(output, lambda path: data.to_csv(path, index=False))
        return len(data)
    if fmt == "parquet":
        data = frame
        if merging:
            data = pd.concat([pd.read_parquet(output), frame], ignore_index=True)
            data = data.drop_duplicates("item_id", keep="last").reset_index(drop=True)
        atomic_write(output, lambda path: data.to_parquet(path, index=False))
        return len(data)
    if fmt == "xlsx":
        data = _for_excel(frame)
        if merging:
            earlier_frame = restore_formulas(pd.read_excel(output, dtype=str))
            rows = merge_rows(earlier_frame.to_dict("records"), _text_rows(data))
            data = pd.DataFrame(_sorted(rows))
        data = neutralise_formulas(data)
        atomic_write(output, lambda path: data.to_excel(path, index=False, sheet_name="orders"))
        return len(data)
    text = table(frame)
    atomic_write(output, lambda path: path.write_text(text, encoding="utf-8"))
    return len(frame)

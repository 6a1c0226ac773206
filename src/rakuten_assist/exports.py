"""Safe output files: written atomically, format from the name, no live spreadsheet formulas.

- ``atomic_write``: the data goes to a temporary file beside the target, which then replaces
  it in one rename; a run killed half-way leaves the previous file whole, never half a file.
- ``format_for``: the format follows the file's extension unless one is given; an extension
  naming another known format is an error (``orders --format csv -o open.json``).
- ``neutralise_formulas``: a text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a
  carriage return is what a spreadsheet runs as a formula (``=HYPERLINK(...)``,
  ``=cmd|...``): such cells get a leading apostrophe, which spreadsheets show as text.
  Numbers are left alone. ``restore_formulas`` takes the apostrophe off again on reading.
- ``merge_rows``: rows of a resumed fetch merged into the earlier output, one per item id.
- ``neutralise_controls``: text typed or pasted by someone, safe to save and to ``cat``:
  terminal escape sequences removed, other control characters shown as symbols.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rakuten_assist.errors import ConfigError
from rakuten_assist.i18n import Message

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "EXTENSION_FORMATS",
    "FORMULA_PREFIXES",
    "FormatMismatchError",
    "FormatUnknownError",
    "atomic_write",
    "format_for",
    "merge_rows",
    "neutralise_controls",
    "neutralise_formulas",
    "neutralise_text",
    "restore_formulas",
]

#: the characters that make a spreadsheet cell a formula (OWASP's CSV injection list)
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_GUARD = "'"

#: file extension -> the format it names
EXTENSION_FORMATS: Mapping[str, str] = {
    ".csv": "csv",
    ".json": "json",
    ".parquet": "parquet",
    ".xlsx": "xlsx",
    ".txt": "table",
}


# ANSI/VT escape sequences: CSI (colours, cursor moves, screen clears), OSC (window titles,
# hyperlinks; ended by BEL or ESC \) and two-character escapes. Each part is a plain run:
# linear time on any input.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?|\x9b[0-?]*[ -/]*[@-~]?"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]?"
)
# Every other C0 control but tab and line feed, DEL and the C1 controls.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]")


def _control_picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control pictures": a visible ␀ ... ␟
    return "\u2421" if code == 0x7F else "\ufffd"


def neutralise_controls(text: str) -> str:
    """``text`` without terminal escape sequences; other control characters made visible.

    Tabs and line breaks stay. A report or ticket holding what someone pasted can then be
    opened in an editor or printed in a terminal without clearing the screen, changing the
    window title or hiding lines.
    """
    return _CONTROL.sub(_control_picture, _ESCAPE_SEQUENCE.sub("", text))


class FormatMismatchError(ConfigError):
    """The output file's extension names another format than the one asked for."""

    fix_id = "errors.fix.format_mismatch"


class FormatUnknownError(ConfigError):
    """The output file's extension names no format we write, and no format was asked for."""

    fix_id = "errors.fix.format_unknown"


def format_for(path: Path | None, requested: str | None, default: str = "table") -> str:
    """The format to write: ``requested``, else the one the extension names, else ``default``.

    A file without an extension gets ``default``; an extension we do not know (``open.xls``,
    ``open.tsv``) is an error rather than a silent text table under a spreadsheet's name.

    Raises:
        FormatMismatchError: ``requested`` differs from the format the extension names.
        FormatUnknownError: the extension names no known format and none was requested.
    """
    suffix = path.suffix.lower() if path is not None else ""
    named = EXTENSION_FORMATS.get(suffix)
    if requested is None and suffix and named is None:
        raise FormatUnknownError(
            Message(
                "errors.files.format_unknown",
                {"path": str(path), "known": ", ".join(EXTENSION_FORMATS)},
            )
        )
    if requested is not None and named is not None and named != requested:
        raise FormatMismatchError(
            Message(
                "errors.files.format_mismatch",
                {"path": str(path), "named": named, "requested": requested},
            )
        )
    return requested or named or default


def neutralise_text(value: Any) -> Any:
    """``value`` with a leading apostrophe when a spreadsheet would run it as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return _GUARD + value
    return value


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells can never run as spreadsheet formulas."""
    import pandas as pd

    out = frame.copy()
    for name in out.columns:
        series = out[name]
        if series.dtype == object or isinstance(series.dtype, pd.StringDtype):
            out[name] = series.map(neutralise_text, na_action="ignore")
    return out


def restore_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Undo ``neutralise_formulas`` on a frame read back from one of our exports."""
    import pandas as pd

    def restore(value: Any) -> Any:
        if isinstance(value, str) and value[1:2] and value[0] == _GUARD:
            if value[1:].startswith(FORMULA_PREFIXES):
                return value[1:]
        return value

    out = frame.copy()
    for name in out.columns:
        if out[name].dtype == object or isinstance(out[name].dtype, pd.StringDtype):
            out[name] = out[name].map(restore, na_action="ignore")
    return out


def atomic_write(target: Path, write: Callable[[Path], object]) -> None:
    """Call ``write(temporary_path)``, then move the temporary file over ``target`` at once.

    The temporary file sits in the target's folder (a rename never crosses file systems);
    on any failure, Ctrl-C included, it is removed and ``target`` is left as it was. A target
    that is no regular file (``/dev/null``, a named pipe) is written through: renaming over
    it would replace the device or pipe with a file, and there is nothing there to keep whole.
    """
    if target.exists() and not target.is_file():
        write(target)
        return
    # Same suffix: writers that pick their engine from the name (Excel) still find it.
    descriptor, name = tempfile.mkstemp(
        prefix=f".{target.stem}.", suffix=target.suffix, dir=target.parent
    )
    os.close(descriptor)
    temporary = Path(name)
    try:
        write(temporary)
        with temporary.open("rb+") as handle:
            os.fsync(handle.fileno())
        # mkstemp makes the file private to its owner: give it the target's mode instead.
        mode = target.stat().st_mode & 0o7777 if target.exists() else 0o666 & ~_umask()
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def merge_rows(
    earlier: Sequence[Mapping[Any, Any]], later: Sequence[Mapping[Any, Any]], key: str = "item_id"
) -> list[dict[str, Any]]:
    """Earlier rows, then later ones, one row per ``key``: a later row replaces an earlier one."""
    merged: dict[str, dict[str, Any]] = {}
    for row in [*earlier, *later]:
        merged.pop(str(row.get(key)), None)
        merged[str(row.get(key))] = {str(k): v for k, v in row.items()}
    return list(merged.values())

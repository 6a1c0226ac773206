"""HTML renderings for notebooks: tables, errors with their fix, carrier checks, checklists.

Everything that comes from data or from the user is escaped; URLs are escaped too before
they go into an ``href``. Pure string building: no ipywidgets here.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd

from rakuten_assist.config import redact

__all__ = [
    "carrier_check_html",
    "check_results_html",
    "column_label",
    "error_html",
    "frame_html",
    "link_html",
    "match_result_html",
    "match_summary_html",
    "notice_html",
    "register_html_formatters",
]

_BOX = (
    "border-left:4px solid {color};padding:6px 10px;margin:4px 0;"
    "background:{background};border-radius:2px"
)
_KINDS = {
    "info": ("#1f6feb", "#eef4ff"),
    "ok": ("#1a7f37", "#eefbf1"),
    "warn": ("#9a6700", "#fff8e5"),
    "error": ("#cf222e", "#ffefef"),
}
_TABLE_STYLE = (
    "<style>.ra-table{border-collapse:collapse;font-size:12px}"
    ".ra-table th,.ra-table td{padding:2px 8px;border-bottom:1px solid #ddd;text-align:left;"
    "white-space:nowrap}.ra-table th{background:#f6f8fa}</style>"
)


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _get(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, Mapping):
        return obj.get(name, default)
    return getattr(obj, name, default)


def notice_html(text: str, kind: str = "info", *, title: str | None = None) -> str:
    """A coloured box with an optional bold title; ``kind`` is info, ok, warn or error."""
    color, background = _KINDS.get(kind, _KINDS["info"])
    head = f"<b>{_e(title)}</b> " if title else ""
    return f'<div style="{_BOX.format(color=color, background=background)}">{head}{_e(text)}</div>'


def error_html(exc: BaseException, lang: str = "en") -> str:
    """An error as the user should see it, in ``lang``: what went wrong and how to fix it,
    token redacted. Our errors say both in ``lang``; another exception (a bug, an OS error)
    shows its class and its own text."""
    from rakuten_assist.errors import RakutenAssistError
    from rakuten_assist.i18n import t

    if isinstance(exc, RakutenAssistError):
        message, fix = exc.render(lang)
        title = t("notebook.error.title", lang)
    elif isinstance(exc, OSError):
        # A file the analyst named (an export path): the system's reason in ``lang`` when it
        # is one we have words for, never the class name ("FileNotFoundError") as a title.
        from rakuten_assist.errors import os_reason
        from rakuten_assist.i18n import say

        title = t("notebook.error.title", lang)
        reason = str(say(os_reason(exc), lang)) if exc.errno is not None else str(exc)
        if exc.filename:
            reason = t("notebook.error.os", lang, path=exc.filename, reason=reason)
        message = redact(reason)
        fix = ""
    else:
        message = redact(str(_get(exc, "message", None) or exc) or type(exc).__name__)
        fix = redact(str(_get(exc, "fix", "") or ""))
        title = type(exc).__name__
    color, background = _KINDS["error"]
    body = t("notebook.error.line", lang, title=f"<b>{_e(title)}</b>", message=_e(message))
    if fix:
        label = f"<b>{_e(t('notebook.error.fix', lang))}</b>"
        body += "<br>" + t("notebook.error.fix_line", lang, label=label, fix=_e(fix))
    return f'<div style="{_BOX.format(color=color, background=background)}">{body}</div>'


def link_html(url: str, text: str | None = None) -> str:
    """A clickable link opening in a new tab; both the URL and the text are escaped."""
    return f'<a href="{_e(url)}" target="_blank" rel="noopener noreferrer">{_e(text or url)}</a>'


#: columns whose values are codes, and the catalogue id of each code's words ({} the code)
_CODE_WORDS = {
    "status": "common.item_status.{}",
    "source": "notebook.explorer.source_{}",
    "match_status": "matching.status.{}",
}


def column_label(name: str, lang: str) -> str:
    """A frame column's name as a reader of ``lang`` reads it ("purchase_id" -> "Commande"),
    the name itself when the catalogue has none."""
    from rakuten_assist.i18n import lookup

    return lookup(f"notebook.column.{name}", lang) or name


def _number(value: float, lang: str | None) -> str:
    """Two decimals with the language's marks ("1 234,50" in French), English's by default."""
    text = f"{value:,.2f}"
    if lang is None:
        return text
    from rakuten_assist.i18n import lookup

    group = lookup("common.group_mark", lang) or ","
    mark = lookup("common.decimal_mark", lang) or "."
    return text.replace(",", "\0").replace(".", mark).replace("\0", group)


def _code_cell(name: str, value: Any, lang: str) -> str | None:
    """A code's cell in words with the code as its tooltip ("accepté", ACCEPTED), or None."""
    pattern = _CODE_WORDS.get(name)
    if pattern is None or not isinstance(value, str) or not value:
        return None
    from rakuten_assist.i18n import lookup

    words = lookup(pattern.format(value.upper() if name == "status" else value), lang)
    return f'<td title="{_e(value)}">{_e(words)}</td>' if words else None


def _cell(value: Any, lang: str | None = None) -> str:
    if value is None or value is pd.NaT:
        return ""
    if isinstance(value, float):
        return "" if math.isnan(value) else _number(value, lang)
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d %H:%M")
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return _e(value)


def frame_html(
    frame: pd.DataFrame, columns: Sequence[str] | None = None, *, lang: str | None = None
) -> str:
    """A compact HTML table of every row given (the caller pages; nothing is cut here).

    With ``lang``, the table is the reader's: each header in words (the column's name as its
    tooltip), statuses and sources in words (the code as tooltip), numbers with the
    language's marks. Without, it shows the frame as it is.
    """
    shown = [name for name in (columns or frame.columns) if name in frame.columns]
    if lang is None:
        head = "".join(f"<th>{_e(name)}</th>" for name in shown)
    else:
        head = "".join(
            f'<th title="{_e(name)}">{_e(column_label(name, lang))}</th>' for name in shown
        )
    values = {name: frame[name].astype("object").tolist() for name in shown}

    def cell(name: str, value: Any) -> str:
        said = _code_cell(name, value, lang) if lang is not None else None
        return said or f"<td>{_cell(value, lang)}</td>"

    body = "".join(
        "<tr>" + "".join(cell(name, values[name][i]) for name in shown) + "</tr>"
        for i in range(len(frame))
    )
    return f'{_TABLE_STYLE}<table class="ra-table"><tr>{head}</tr>{body}</table>'


def _as_dict(obj: Any, method: str) -> Any:
    to_dict = getattr(obj, method, None)
    return to_dict() if callable(to_dict) else obj


def _h(key: str, lang: str, /, **params: Any) -> str:
    """A word of the notebook's HTML views in ``lang`` (escape the parameters yourself)."""
    from rakuten_assist.i18n import t

    return t(f"notebook.html.{key}", lang, **params)


def carrier_check_html(check: Any, lang: str = "en") -> str:
    """The answer of ``carriers check`` as HTML in ``lang``: yes/no, Rakuten's name, a link.

    Takes a ``CarrierCheck`` or its ``to_dict()`` (the ``carriers check --json`` document);
    the answer's own sentences are in the language it was checked in (``message_lang``).
    """
    from rakuten_assist.i18n import t

    data = _as_dict(check, "to_dict")
    supported = bool(_get(data, "supported", False))
    carrier = _get(data, "carrier")
    color, background = _KINDS["ok" if supported else "warn"]
    if carrier is None:
        head = _h("not_a_carrier", lang, query=f"<b>{_e(_get(data, 'query'))}</b>")
    else:
        verdict = _h("supported" if supported else "not_supported", lang)
        head = _h("verdict", lang, name=f"<b>{_e(_get(carrier, 'name'))}</b>", verdict=verdict)
    parts = [head, _e(_get(data, "message", ""))]
    if carrier is not None:
        needs = [t(f"carriers.inputs.{need}", lang) for need in _get(carrier, "needs", ()) or ()]
        parts.append(
            _h(
                "rakuten_name_sent" if supported else "rakuten_name_refused", lang,
                name=f"<code>{_e(_get(carrier, 'rakuten_name'))}</code>",
                needs=_e(", ".join(needs) or _h("nothing_else", lang)),
            )
        )  # fmt: skip
    number = _get(data, "number")
    if number is not None:
        state = {True: "valid", False: "invalid"}.get(_get(number, "valid"), "unchecked")
        checked = _get(check, "number", None)
        reason_in = getattr(checked, "reason_in", None)
        reason = reason_in(lang) if callable(reason_in) else _get(number, "reason", "")
        parts.append(
            _h(
                f"number_{state}", lang,
                number=f"<code>{_e(_get(number, 'value'))}</code>", reason=_e(reason),
            )
        )  # fmt: skip
    url = _get(data, "tracking_url")
    if url:
        label = _h("example_link" if _get(data, "example") else "link", lang)
        parts.append(_h("labelled", lang, label=label, value=link_html(str(url))))
    # The check object holds Carrier objects (names); its JSON form holds their ids.
    raw_suggestions = _get(check, "suggestions", None) or _get(data, "suggestions", ()) or ()
    suggestions = [str(_get(s, "name", s)) for s in raw_suggestions]
    if suggestions:
        parts.append(_h("closest", lang, names=_e(", ".join(suggestions))))
    parts.extend(_h("note", lang, text=_e(w)) for w in _get(data, "warnings", ()) or ())
    body = "<br>".join(part for part in parts if part)
    return f'<div style="{_BOX.format(color=color, background=background)}">{body}</div>'


def _check_mark(ok: bool | None) -> tuple[str, str]:
    if ok is True:
        return "✔", "ok"
    if ok is False:
        return "✘", "error"
    return "–", "info"


def check_results_html(results: Iterable[Any], lang: str = "en") -> str:
    """The doctor checks, each with its result, detail and fix (when it did not pass)."""
    rows = []
    for result in results:
        ok = _get(result, "ok")
        mark, kind = _check_mark(ok)
        color, _ = _KINDS[kind]
        fix = _get(result, "fix")
        label = f"<i>{_e(_h('fix', lang))}</i>"
        fix_html = (
            "<br>" + _h("fix_line", lang, label=label, fix=_e(fix))
            if fix and ok is not True
            else ""
        )
        rows.append(
            f'<tr><td style="color:{color};font-weight:bold">{mark}</td>'
            f"<td><b>{_e(_get(result, 'title'))}</b><br>{_e(_get(result, 'detail', ''))}"
            f"{fix_html}</td></tr>"
        )
    if not rows:
        return notice_html(_h("no_check", lang))
    return f'{_TABLE_STYLE}<table class="ra-table">{"".join(rows)}</table>'


def _summary_items(summary: Any) -> list[tuple[str, Any]]:
    if summary is None:
        return []
    if isinstance(summary, Mapping):
        return list(summary.items())
    if hasattr(summary, "model_dump"):
        return list(summary.model_dump().items())
    if hasattr(summary, "__dataclass_fields__"):
        return [(name, getattr(summary, name)) for name in summary.__dataclass_fields__]
    return list(vars(summary).items())


def _word(key: str, lang: str) -> str:
    """A summary field or a match status in ``lang``; the key itself when it has no word."""
    from rakuten_assist.i18n import lookup

    return lookup(key, lang) or key.rsplit(".", 1)[-1]


def _format_summary_value(name: str, value: Any, lang: str) -> str:
    from rakuten_assist.i18n import percent, say

    if name == "rate" and isinstance(value, float):
        return str(say(percent(value, 1), lang))
    if isinstance(value, list | tuple) and all(isinstance(v, Mapping) for v in value):
        # top_missing: each SKU quoted (its spaces are often the miss) with its count
        return ", ".join(f"{_e(repr(str(_get(v, 'sku'))))} ({_e(_get(v, 'count'))})" for v in value)
    if isinstance(value, Mapping):
        words = {"by_reason": "matching.status."}.get(name)
        return ", ".join(
            _h("labelled", lang, label=_e(_word(words + str(k), lang) if words else k), value=_e(v))
            for k, v in value.items()
        )
    return _e(value)


def match_summary_html(result: Any, lang: str = "en") -> str:
    """The SKU match summary (items, matched, rate, reasons...) and the catalogue hints."""
    summary = "".join(
        f"<tr><th>{_e(_word('notebook.html.summary.' + name, lang))}</th>"
        f"<td>{_format_summary_value(name, value, lang)}</td></tr>"
        for name, value in _summary_items(_get(result, "summary"))
        if not isinstance(value, list | tuple) or len(value) <= 10
    )
    hints_in = getattr(result, "hints_in", None)
    texts = hints_in(lang) if callable(hints_in) else _get(result, "hints", ()) or ()
    hints = "".join(f"<li>{_e(hint)}</li>" for hint in texts)
    parts = [_TABLE_STYLE, f'<table class="ra-table">{summary}</table>']
    if hints:
        parts.append(f"<p><b>{_e(_h('feed_fixes', lang))}</b></p><ul>{hints}</ul>")
    return "".join(parts)


def match_result_html(result: Any, lang: str = "en") -> str:
    """The SKU match: summary, hints and the table of every miss with its reason."""
    rows: pd.DataFrame | None = _get(result, "rows")
    misses = rows if rows is None else rows[rows["status"].astype("object") != "matched"]
    parts = [match_summary_html(result, lang)]
    if misses is not None:
        parts.append(f"<p><b>{_e(_h('misses', lang, count=len(misses)))}</b></p>")
        if len(misses):
            parts.append(frame_html(misses))
    return "".join(parts)


def register_html_formatters(shell: Any = None) -> bool:
    """Make carrier checks, check results and match results display in the reader's language
    in IPython: as HTML, and as plain text where HTML is not shown (see ``_display``)."""
    from rakuten_assist.notebook._display import register_formatters

    return register_formatters(shell)

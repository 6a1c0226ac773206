"""How result objects show in IPython: HTML and plain text, in the reader's language.

Typing ``check`` or ``result`` alone in a notebook cell shows the object through IPython's
formatters. Without ours, a French user would read the English HTML of our renderers, or a
bare ``repr`` full of field names and English texts where no HTML is shown (IPython in a
terminal, a notebook exported as text). The language is the reader's (``RAKUTEN_ASSIST_LANG``,
else the locale), read when the object is shown; a check result is said in it too. The
renderers are registered by module and class name: the core modules are not imported for it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from rakuten_assist.i18n import configured_lang, percent, say, t
from rakuten_assist.notebook import _html

__all__ = [
    "carrier_check_text",
    "check_result_text",
    "error_lines",
    "match_result_text",
    "register_formatters",
    "show_error",
]


def _in_lang(result: Any, lang: str) -> Any:
    """A setup check's result with its catalogue sentences in ``lang`` (when it can say so)."""
    in_lang = getattr(result, "in_lang", None)
    return in_lang(lang) if callable(in_lang) else result


def carrier_check_text(check: Any, lang: str) -> str:
    """The answer of ``carriers check`` as plain text: its sentence, then the link."""
    lines = [str(check.message)]
    if check.tracking_url and check.tracking_url not in lines[0]:
        label = t("notebook.html.example_link" if check.example else "notebook.html.link", lang)
        lines.append(t("notebook.text.link_line", lang, label=label, url=check.tracking_url))
    return "\n".join(lines)


def check_result_text(result: Any, lang: str) -> str:
    """One setup check as plain text: its mark, what it checks and found, the fix if failed."""
    result = _in_lang(result, lang)
    mark, _ = _html._check_mark(result.ok)
    text = t("notebook.text.check_line", lang, mark=mark, title=result.title, detail=result.detail)
    if result.fix and result.ok is not True:
        text += "\n" + t("notebook.text.fix_line", lang, fix=result.fix)
    return text


def match_result_text(result: Any, lang: str) -> str:
    """The SKU match as plain text: the counts and rate, then what to fix in the feed."""
    summary = result.summary
    rate = summary.get("rate")
    lines = [
        t(
            "notebook.text.match_summary",
            lang,
            items=summary.get("items", 0),
            matched=summary.get("matched", 0),
            unmatched=summary.get("unmatched", 0),
            rate=say(percent(rate, 1), lang) if isinstance(rate, float) else "-",
        )
    ]
    hints = result.hints_in(lang)
    if hints:
        lines.append(t("notebook.html.feed_fixes", lang))
        lines += [t("notebook.text.hint_line", lang, hint=hint) for hint in hints]
    return "\n".join(lines)


def _check_results_html(result: Any, lang: str) -> str:
    return _html.check_results_html([_in_lang(result, lang)], lang)


# (module, class name) -> (HTML renderer, plain-text renderer), each taking (object, lang)
_FORMATTERS: tuple[tuple[str, str, Callable[[Any, str], str], Callable[[Any, str], str]], ...] = (
    ("rakuten_assist.carriers.check", "CarrierCheck", _html.carrier_check_html, carrier_check_text),
    ("rakuten_assist.support.checks", "CheckResult", _check_results_html, check_result_text),
    ("rakuten_assist.matching.report", "MatchResult", _html.match_result_html, match_result_text),
)


def _html_of(render: Callable[[Any, str], str]) -> Callable[[Any], str]:
    return lambda obj: render(obj, configured_lang())


def _pretty(render: Callable[[Any, str], str]) -> Callable[[Any, Any, bool], None]:
    def pretty(obj: Any, printer: Any, cycle: bool) -> None:
        printer.text(render(obj, configured_lang()))

    return pretty


def register_formatters(shell: Any = None) -> bool:
    """Register the HTML and plain-text renderings with IPython's formatters.

    Returns False outside IPython (nothing to do).
    """
    if shell is None:
        # A running IPython has imported itself already; importing it here would only slow
        # down plain scripts.
        ipython = sys.modules.get("IPython")
        shell = ipython.get_ipython() if ipython is not None else None
    if shell is None:
        return False
    formatters = shell.display_formatter.formatters
    for module, name, html, text in _FORMATTERS:
        formatters["text/html"].for_type_by_name(module, name, _html_of(html))
        formatters["text/plain"].for_type_by_name(module, name, _pretty(text))
    # A handler the user set for their own exceptions is left alone (IPython keeps one).
    if hasattr(shell, "set_custom_exc") and not shell.custom_exceptions:
        from rakuten_assist.errors import RakutenAssistError

        shell.set_custom_exc((RakutenAssistError,), show_error)
    return True


def error_lines(error: Any, lang: str) -> str:
    """An error of ours as its traceback ends: its class, what went wrong and the fix, in
    ``lang`` (``str()`` of our errors is English, for logs)."""
    message, fix = error.render(lang)
    text = t("notebook.error.line", lang, title=type(error).__name__, message=message)
    if fix:
        label = t("notebook.error.fix", lang)
        text += "\n" + t("notebook.error.fix_line", lang, label=label, fix=fix)
    return text


def show_error(
    shell: Any, etype: type[BaseException], value: Any, tb: Any, tb_offset: int | None = None
) -> None:
    """IPython's handler for our errors raised in a cell (``load_orders``, ``filter_orders``):
    the usual traceback, whose last lines say the error in the reader's language."""
    stb = shell.InteractiveTB.structured_traceback(etype, value, tb, tb_offset=tb_offset)
    shell._showtraceback(etype, value, [*stb[:-1], error_lines(value, configured_lang())])

"""The guided setup walkthrough as a pure step machine: text in, prompt out, no UI.

Steps: login -> token -> live checks -> catalogue (SKU mapping) -> carriers -> summary. The
app shows each ``Prompt``, runs the ``SetupRequest`` a prompt asks for in a worker, feeds each
result back with ``record`` and calls ``checks_finished`` at the end. The token is held as a
``SecretStr`` and never written into a prompt, a summary or the checklist.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import SecretStr

from rakuten_assist.config import check_login, check_token
from rakuten_assist.i18n import t
from rakuten_assist.support.checks import check_login_value, check_token_value
from rakuten_assist.tui.i18n import ui

if TYPE_CHECKING:
    from rakuten_assist.support.checks import CheckResult, SetupRequest

__all__ = ["Checklist", "Prompt", "RunScope", "Step", "Walkthrough"]

TOKEN_PLACE = "Mon compte > Mes informations développeur"  # noqa: S105 (a menu path)

#: which results of a run the checklist keeps: everything, or only the carrier checks
RunScope = Literal["all", "carriers"]

_SKIP = re.compile(r"^\s*(skip|none|no|non|passer|aucun|aucune|rien|-)\s*[.!]*\s*$", re.I)
_CANCEL = re.compile(
    r"^\s*(cancel|stop|quit|exit|leave|annuler|arr[eê]ter|quitter|sortir)\s*[.!]*\s*$", re.I
)
# An account name or a token has neither: a sentence typed there is a question for the bot.
_SENTENCE = re.compile(r"\s|\?")
# A word of a sentence (letters only, an apostrophe inside): a token is letters and digits.
_WORD = re.compile(r"^[^\W\d_]+(?:['’-][^\W\d_]+)*[.,;:!]?$")
# A question typed at the catalogue or carriers step (a path or a carrier list has none of it).
_QUESTION_START = re.compile(
    r"^\s*(is|are|does|do|can|could|how|what|which|where|why|when|who|should|"
    r"est[- ]ce|comment|quel|quelle|quels|quelles|où|pourquoi|quand|qui|peut|peux|puis|"
    r"faut|dois|doit|y a)\b",
    re.I,
)
_FEED_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xls", ".json", ".xml", ".gz", ".zip")
_BLOCKING = frozenset({"login", "token", "credentials"})
#: fixes that name a command-line option, and the walkthrough's words for them
_GIVE_AT_STEP = {
    "checks.sku.none_fix": "more.sku_none_fix",
    "checks.carriers.none_fix": "more.carriers_none_fix",
}


class Step(StrEnum):
    """Where the walkthrough stands."""

    IDLE = "idle"
    LOGIN = "login"
    TOKEN = "token"  # noqa: S105 (a step name)
    CHECKS = "checks"
    CATALOG = "catalog"
    CATALOG_RUNNING = "catalog_running"
    CARRIERS = "carriers"
    CARRIERS_RUNNING = "carriers_running"
    DONE = "done"


@dataclass(frozen=True)
class Prompt:
    """What the walkthrough says next, and what the app must do.

    Attributes:
        text: Markdown to show as the assistant's message.
        suggestions: quick replies (never the token itself).
        masked: the next input is secret (the token): mask it and keep it out of history.
        run: checks to run now in a worker, or None.
        scope: which results of ``run`` to keep.
        error: the text was refused (an e-mail as login...); the step did not advance.
        question: the text was a side question for the engine, not the step's answer; ``text``
            then says what the step still waits for.
    """

    text: str
    suggestions: list[str] = field(default_factory=list)
    masked: bool = False
    run: SetupRequest | None = None
    scope: RunScope = "all"
    error: bool = False
    question: str | None = None


def _w(lang: str, key: str, **values: object) -> str:
    return ui(lang, f"walk.{key}", **values)


def _fix(lang: str) -> str:
    return f"**{ui(lang, 'fix_label')}**"


def _leave_hint(lang: str) -> str:
    return _w(lang, "leave_hint")


def _refusal(item: CheckResult, lang: str) -> CheckResult:
    """A refusal with Rakuten's own text quoted apart from our sentence (as ``fleet report``
    words a failing account): the cause, then "Rakuten's text, as received: «…»"."""
    from rakuten_assist.fleet.report import failure_words

    data = item.data
    said, quoted, _ = failure_words(
        data["error_id"], dict(data.get("error_params") or {}), data.get("error_message"),
        data.get("error_fix"), lang,
    )  # fmt: skip
    detail = said or item.detail
    if quoted:
        detail += "\n\n" + _w(lang, "more.rakuten_text", text=quoted)
    return replace(item, detail=detail)


def _in_the_tui(item: CheckResult, lang: str) -> CheckResult:
    """A check's sentences for a TUI user: a refusal quotes Rakuten apart; a fix that names a
    shell command to list the carriers points to the bot's own carrier browser instead."""
    if item.ok is False and item.data.get("error_id"):
        item = _refusal(item, lang)
    fix = item.messages.get("fix")
    if fix is not None and fix.id in _GIVE_AT_STEP:
        # "Pass … with --catalog FEED": a command-line option; here it is a step of F2.
        from rakuten_assist.tui.actions import key_label

        return replace(item, fix=_w(lang, _GIVE_AT_STEP[fix.id], shortcut=key_label("f2")))
    if fix is not None and fix.id in (
        "checks.carriers.unknown_fix",
        "checks.carriers.unknown_fix_none",
    ):
        from rakuten_assist.tui.actions import key_label

        suggestions = str(fix.params.get("suggestions") or "-")
        # No close name: say so, rather than list none ("Nearby carriers: -").
        key = "carrier_unknown_fix" if suggestions.strip(" -") else "walk.more.carrier_none_near"
        return replace(
            item,
            fix=ui(
                lang,
                key,
                suggestions=suggestions,
                shortcut=key_label("f3"),
                tab=ui(lang, "key_carriers"),
            ),
        )
    return item


def _is_sentence(text: str) -> bool:
    """True for words a person types, never a credential: a "?", a question word, or two
    words or more, one of them an everyday French or English word ("what's a token", "le
    jeton du compte"). "abc def ghi" is a token pasted with spaces: refused, never quoted."""
    if "?" in text or _QUESTION_START.match(text):
        return True
    from rakuten_assist.support._lang import fold, is_common_word

    words = [fold(part).strip(".,;:!") for part in text.split() if _WORD.match(part)]
    return len(words) >= 2 and any(is_common_word(word) for word in words)


def _named_carriers(text: str) -> list[str]:
    """The carrier names a sentence gives, as written ("Colissimo", "la poste"), in order."""
    from rakuten_assist.carriers import find_mentions
    from rakuten_assist.support._lang import fold, is_common_word

    mentions = find_mentions(text, is_common=lambda word: is_common_word(fold(word)))
    return [m.text for m in mentions if m.match.kind in ("carrier", "ambiguous")]


def _is_ambiguous(item: CheckResult) -> bool:
    """A carrier check that found several carriers for the name: a question, not a failure."""
    detail = item.messages.get("detail")
    return (
        item.id.startswith("carrier:")
        and detail is not None
        and (detail.id == "checks.carriers.ambiguous")
    )


class Checklist:
    """The onboarding checklist: one entry per check id, in first-seen order, updated live."""

    def __init__(self) -> None:
        self._items: dict[str, CheckResult] = {}

    def upsert(self, result: CheckResult) -> None:
        """Add a result, or replace the one with the same id; drop placeholders it supersedes."""
        if result.id.startswith("carrier:"):
            self._items.pop("carriers", None)
        if result.id.startswith("sku_mapping:"):
            self._items.pop("sku_mapping", None)
        self._items[result.id] = result

    def clear(self) -> None:
        """Forget every result."""
        self._items.clear()

    def remove(self, check_id: str) -> None:
        """Forget one result (a carrier name the user has since said precisely)."""
        self._items.pop(check_id, None)

    @property
    def items(self) -> list[CheckResult]:
        """Every result, in the order checks first ran."""
        return list(self._items.values())

    def items_in(self, lang: str) -> list[CheckResult]:
        """Every result with its sentences in ``lang``, whatever language it ran in."""
        shown: Literal["en", "fr"] = "fr" if lang == "fr" else "en"
        return [_in_the_tui(item.in_lang(shown), shown) for item in self._items.values()]

    def get(self, check_id: str) -> CheckResult | None:
        """The result of one check, if it ran."""
        return self._items.get(check_id)

    def counts(self) -> tuple[int, int, int]:
        """(passed, failed, not run) counts."""
        values = [item.ok for item in self._items.values()]
        return values.count(True), values.count(False), values.count(None)


class Walkthrough:
    """The guided setup, one step at a time.

    Args:
        checklist: where results are recorded (shared with the checklist panel).
        lang: "fr" or "en"; may change between steps (``lang`` attribute).
        base_url: the web service the checks call (None: production).
        demo_login, demo_token: the sandbox's demo account, proposed when given.
        demo_catalog: a demo product feed for the sandbox's orders, proposed when given.
    """

    def __init__(
        self,
        checklist: Checklist,
        *,
        lang: str = "en",
        base_url: str | None = None,
        demo_login: str | None = None,
        demo_token: str | None = None,
        demo_catalog: str | None = None,
    ) -> None:
        self.checklist = checklist
        self.lang = lang
        self.base_url = base_url
        self.demo_login = demo_login
        self._demo_token = SecretStr(demo_token) if demo_token else None
        self.demo_catalog = demo_catalog
        self.step = Step.IDLE
        self.login: str | None = None
        self.token: SecretStr | None = None
        self.catalog: Path | None = None
        self.carriers: list[str] = []
        #: the carrier checks of the latest run, in order (each gets a line in the chat)
        self._checked: list[str] = []
        #: the account the app was started with (--login/--token), offered as quick replies
        self.known_login: str | None = None
        self._known_token: SecretStr | None = None
        #: the carrier name being made precise: its check id, and each choice's carrier id
        self._asking: str | None = None
        self._choices: dict[str, str] = {}
        self._choice_labels: list[str] = []

    @property
    def _check_lang(self) -> Literal["en", "fr"]:
        return "fr" if self.lang == "fr" else "en"

    # --- state ---------------------------------------------------------------------------

    @property
    def active(self) -> bool:
        """True between ``start`` and the summary (or a cancel)."""
        return self.step not in (Step.IDLE, Step.DONE)

    @property
    def running(self) -> bool:
        """True while checks asked for by the last prompt are running."""
        return self.step in (Step.CHECKS, Step.CATALOG_RUNNING, Step.CARRIERS_RUNNING)

    @property
    def masked(self) -> bool:
        """True when the next input is the token."""
        return self.step is Step.TOKEN

    def offer_account(self, login: str | None, token: SecretStr | None) -> None:
        """Offer the account given at start (--login/--token) at the first two steps."""
        self.known_login, self._known_token = login, token

    @property
    def known_token_label(self) -> str:
        """The quick reply that fills the token given at start (the token never shows)."""
        return _w(self.lang, "more.known_token_label")

    def _token_suggestions(self) -> list[str]:
        if self._demo_token is not None:
            return [self.demo_token_label]
        if self._known_token is not None and self.login == self.known_login:
            return [self.known_token_label]
        return []

    @property
    def demo_token_label(self) -> str:
        """The quick reply that fills the sandbox demo token (the token itself never shows)."""
        return _w(self.lang, "demo_token_label")

    # --- transitions ---------------------------------------------------------------------

    def start(self) -> Prompt:
        """Begin (or restart) the walkthrough at the login step."""
        self.login = self.token = self.catalog = None
        self.carriers = []
        self._checked, self._asking, self._choices, self._choice_labels = [], None, {}, []
        self.step = Step.LOGIN
        return self._ask_login()

    def cancel(self) -> Prompt:
        """Stop the walkthrough; what was checked stays in the checklist."""
        self.step = Step.IDLE
        return Prompt(_w(self.lang, "stopped"))

    def submit(self, text: str) -> Prompt:
        """Take the user's answer to the current step and say what comes next."""
        if _CANCEL.match(text):
            return self.cancel()
        if self.is_side_question(text):
            return Prompt(self.waiting_for(), question=text)
        if self.step is Step.LOGIN:
            return self._take_login(text)
        if self.step is Step.TOKEN:
            return self._take_token(text)
        if self.step is Step.CATALOG:
            return self._take_catalog(text)
        if self.step is Step.CARRIERS:
            return self._take_carriers(text)
        return self.start()

    def is_side_question(self, text: str) -> bool:
        """True when ``text`` is a question to answer in passing, not the step's answer.

        While checks run, everything typed is a question. A login has no space and no "?";
        a token neither (one with spaces but no "?" is a bad paste, refused unquoted). A feed
        path looks like a path or a file; carriers are names, not a sentence asking something.
        """
        stripped = text.strip()
        if self.running:
            return True
        if self.step is Step.LOGIN:
            return bool(_SENTENCE.search(stripped))
        if self.step is Step.TOKEN:
            if stripped in (self.demo_token_label, self.known_token_label):
                return False
            return _is_sentence(stripped)
        if self.step is Step.CATALOG:
            if _SKIP.match(stripped) or stripped.lower() in ("demo", "démo"):
                return False
            path = stripped.strip("'\"")
            looks_like_path = any(sep in path for sep in "/\\~") or path.lower().endswith(
                _FEED_SUFFIXES
            )
            return not looks_like_path and not Path(path).expanduser().is_file()
        if self.step is Step.CARRIERS:
            if self._choices.get(stripped.casefold()):
                return False
            if "?" in stripped or _QUESTION_START.match(stripped):
                return True
            # "je sais pas lesquels on utilise": a sentence that names no carrier is said to
            # the bot, never checked as a carrier (nor ends the walkthrough with a failure).
            return _is_sentence(stripped) and not _named_carriers(stripped)
        return False

    def suggestions(self) -> list[str]:
        """The quick replies of the step waiting now (offered again under a side answer)."""
        if self.step is Step.LOGIN:
            return self._login_suggestions()
        if self.step is Step.TOKEN:
            return self._token_suggestions()
        if self.step is Step.CATALOG:
            return self._catalog_suggestions()
        if self.step is Step.CARRIERS:
            return self._choice_labels or self._carrier_suggestions()
        return []

    def waiting_for(self) -> str:
        """What the current step waits for, in a line (the input's placeholder says it too)."""
        if not self.active:
            return ""
        return _w(self.lang, f"wait.{self.step.value}")

    def input_hint(self) -> str:
        """What the current step waits for, short enough for the input's placeholder."""
        if not self.active:
            return ""
        return _w(self.lang, f"hint.{self.step.value}")

    def record(self, result: CheckResult, scope: RunScope = "all") -> bool:
        """Record one result of a run; False when the scope leaves it out."""
        if scope == "carriers" and not result.id.startswith("carrier:"):
            return False
        if _is_ambiguous(result):
            # Several carriers go by that name: nothing failed, the merchant has to say which.
            result = replace(result, ok=None, state="not_run")
        self.checklist.upsert(result)
        if result.id.startswith("carrier:"):
            self._checked.append(result.id)
        return True

    def checks_finished(self) -> Prompt:
        """The run asked for by the last prompt has ended: go to the next step."""
        if self.step is Step.CHECKS:
            blocking = [
                item
                for item in self.checklist.items_in(self.lang)
                if item.id in _BLOCKING and item.ok is False
            ]
            if blocking:
                self.step = Step.LOGIN
                colon = ui(self.lang, "colon")
                lines = "\n\n".join(
                    f"✗ **{item.title}**{colon}{item.detail}\n\n{_fix(self.lang)} {item.fix}"
                    for item in blocking
                )
                return Prompt(
                    _w(self.lang, "refused") + "\n\n"
                    + lines
                    + "\n\n"
                    + self._login_question(),
                    suggestions=self._login_suggestions(),
                    error=True,
                )  # fmt: skip
            self.step = Step.CATALOG
            lead = self._results(("credentials", "professional_rights", "open_orders"))
            return self._ask_catalog(lead + "\n\n" + self._progress_line())
        if self.step is Step.CATALOG_RUNNING:
            if self._feed_unread():
                # Nothing was compared: the next step would leave the mapping unchecked.
                self.step = Step.CATALOG
                text = "\n\n".join(
                    (
                        self._results(("sku_mapping",)),
                        _w(self.lang, "feed_unread"),
                        self._catalog_question(),
                    )
                )
                return Prompt(text, self._catalog_suggestions(), error=True)
            self.step = Step.CARRIERS
            prompt = self._ask_carriers()
            found = self._results(("sku_mapping",))
            return Prompt(f"{found}\n\n{prompt.text}" if found else prompt.text, prompt.suggestions)
        if self.step is Step.CARRIERS_RUNNING:
            return self._carriers_checked()
        return Prompt(self.summary())

    def _feed_unread(self) -> bool:
        """Whether the SKU check failed before comparing anything: the feed could not be read
        (a read feed always reports its counts, even when no SKU matches)."""
        return any(
            item.ok is False and "items" not in item.data
            for item in self.checklist.items
            if item.id.startswith("sku_mapping")
        )

    def failed_run(self, message: str, fix: str) -> Prompt:
        """A run stopped with an error: stay on the step so the user can retry or skip."""
        back = {
            Step.CHECKS: Step.LOGIN,
            Step.CATALOG_RUNNING: Step.CATALOG,
            Step.CARRIERS_RUNNING: Step.CARRIERS,
        }
        self.step = back.get(self.step, self.step)
        lead = _w(self.lang, "run_stopped", message=message)
        text = f"{lead}\n\n{_fix(self.lang)} {fix}\n\n"
        if self.step is Step.LOGIN:
            return Prompt(text + self._login_question(), self._login_suggestions(), error=True)
        if self.step is Step.CATALOG:
            return Prompt(text + self._catalog_question(), self._catalog_suggestions(), error=True)
        return Prompt(text + self._carriers_question(), self._carrier_suggestions(), error=True)

    # --- steps ---------------------------------------------------------------------------

    def _login_question(self, lang: str | None = None) -> str:
        lang = lang or self.lang
        return " ".join(
            [_w(lang, "login_question"), _leave_hint(lang), _w(lang, "questions_welcome")]
        )

    def _login_suggestions(self) -> list[str]:
        login = self.demo_login or self.known_login
        return [login] if login else []

    def _ask_login(self) -> Prompt:
        text = self._login_question()
        if self.demo_login:
            text += "\n\n" + _w(self.lang, "demo_login", login=self.demo_login)
        elif self.known_login:
            text += "\n\n" + _w(self.lang, "more.known_login", login=self.known_login)
        return Prompt(text, self._login_suggestions())

    def _take_login(self, text: str) -> Prompt:
        checked = check_login_value(text, self._check_lang)
        if not checked.ok:
            return Prompt(
                f"{checked.detail}\n\n{_fix(self.lang)} {checked.fix}\n\n" + self._login_question(),
                self._login_suggestions(),
                error=True,
            )
        self.login = check_login(text)
        self.step = Step.TOKEN
        text = (
            _w(self.lang, "login_noted", login=self.login)
            + "\n\n"
            + _w(self.lang, "token_question", place=TOKEN_PLACE)
        )
        text += " " + _leave_hint(self.lang)
        suggestions = self._token_suggestions()
        if self._demo_token is not None:
            text += "\n\n" + _w(self.lang, "demo_token_hint")
        return Prompt(text, suggestions, masked=True)

    def _take_token(self, text: str) -> Prompt:
        value: str | SecretStr = text
        if self._demo_token is not None and text.strip() in (self.demo_token_label, "demo"):
            value = self._demo_token
        elif self._known_token is not None and text.strip() == self.known_token_label:
            value = self._known_token
        checked = check_token_value(value, self._check_lang)
        if not checked.ok:
            # The check's texts never quote the token.
            suggestions = self._token_suggestions()
            return Prompt(
                f"{checked.detail}\n\n{_fix(self.lang)} {checked.fix}\n\n" + _leave_hint(self.lang),
                suggestions,
                masked=True,
                error=True,
            )
        self.token = check_token(value)
        self.step = Step.CHECKS
        return Prompt(_w(self.lang, "token_received"), run=self._request())

    def _results(self, prefixes: tuple[str, ...]) -> str:
        """The named checks as Markdown lines: icon, title, detail and fix."""
        lines = [
            self._line(item)
            for item in self.checklist.items_in(self.lang)
            if item.id.startswith(prefixes)
        ]
        # One paragraph per check: a bullet would sit next to the status icon.
        return "\n\n".join(lines)

    def _progress_line(self) -> str:
        return _w(self.lang, "progress", **self._counts())

    def _counts(self) -> dict[str, str]:
        """Each count in words that agree with it ("1 non lancée", "2 non lancées")."""
        counts = zip(("passed", "failed", "skipped"), self.checklist.counts(), strict=True)
        return {name: ui(self.lang, f"walk.count.{name}", count=n) for name, n in counts}

    def _catalog_question(self) -> str:
        return " ".join([self._catalog_ask(), _leave_hint(self.lang)])

    def _catalog_ask(self) -> str:
        return _w(self.lang, "catalog_question")

    def _skip_suggestions(self) -> list[str]:
        return [_w(self.lang, "skip")]

    def _catalog_suggestions(self) -> list[str]:
        demo = ["demo"] if self.demo_catalog else []
        return [*demo, *self._skip_suggestions()]

    def _ask_catalog(self, lead: str) -> Prompt:
        text = f"{lead}\n\n{self._catalog_question()}"
        if self.demo_catalog:
            text += "\n\n" + _w(self.lang, "demo_catalog", name=Path(self.demo_catalog).name)
        return Prompt(text, self._catalog_suggestions())

    def _take_catalog(self, text: str) -> Prompt:
        if _SKIP.match(text):
            self.step = Step.CARRIERS
            return self._ask_carriers()
        if self.demo_catalog and text.strip().lower() in ("demo", "démo"):
            text = self.demo_catalog
        path = Path(text.strip().strip("'\"")).expanduser()
        if not path.is_file():
            return Prompt(
                _w(self.lang, "no_file", path=path),
                self._catalog_suggestions(),
                error=True,
            )
        self.catalog = path
        self.step = Step.CATALOG_RUNNING
        return Prompt(
            _w(self.lang, "comparing", name=path.name),
            run=self._request(catalog=True),
        )

    def _carriers_question(self) -> str:
        return " ".join([self._carriers_ask(), _leave_hint(self.lang)])

    def _carriers_ask(self) -> str:
        return _w(self.lang, "carriers_question")

    def _carrier_suggestions(self) -> list[str]:
        return ["Colissimo, Mondial Relay", *self._skip_suggestions()]

    def _ask_carriers(self) -> Prompt:
        return Prompt(self._carriers_question(), self._carrier_suggestions())

    def _take_carriers(self, text: str) -> Prompt:
        asking, choices = self._asking, self._choices
        self._asking, self._choices, self._choice_labels = None, {}, []
        if _SKIP.match(text):
            self.step = Step.DONE
            return Prompt(self.summary(), suggestions=[self._export_label()])
        from rakuten_assist.carriers import split_carrier_list

        chosen = choices.get(text.strip().casefold())
        # The carrier lookup splits the list: "Kuehne+Nagel" or "S.F. Express" stay whole;
        # a sentence ("on utilise Colissimo et Chronopost") gives the carriers it names.
        if chosen:
            names = [chosen]
        else:
            said = _named_carriers(text) if _is_sentence(text) else []
            names = said or split_carrier_list(text.strip())
        if not names:
            return Prompt(self._carriers_question(), self._carrier_suggestions(), error=True)
        if asking is not None:
            self.checklist.remove(asking)  # said precisely now: the new check replaces it
        self._checked = []
        self.carriers = names
        self.step = Step.CARRIERS_RUNNING
        from rakuten_assist.support.checks import SetupRequest

        # Carrier checks need no account: without a login the remote checks are skipped and
        # no request leaves the machine; only the carrier results are kept.
        return Prompt(
            _w(self.lang, "checking", names=text.strip() if chosen else ", ".join(names)),
            run=SetupRequest(login=None, carriers=tuple(names), lang=self._lang()),
            scope="carriers",
        )

    def _carriers_checked(self) -> Prompt:
        """Each carrier just checked gets a line; a name several carriers share is asked
        about (with a quick reply per carrier) before the summary."""
        checked = [i for i in self.checklist.items_in(self.lang) if i.id in self._checked]
        lines = "\n\n".join(self._line(item) for item in checked if not _is_ambiguous(item))
        unclear = [item for item in checked if _is_ambiguous(item)]
        if unclear:
            self.step = Step.CARRIERS
            return self._ask_which(unclear[0], lines)
        self.step = Step.DONE
        shown = frozenset(item.id for item in checked)
        text = self.summary(shown=shown)
        return Prompt(f"{lines}\n\n{text}" if lines else text, [self._export_label()])

    def _ask_which(self, item: CheckResult, lead: str) -> Prompt:
        from rakuten_assist.carriers import registry
        from rakuten_assist.carriers.words import carrier_name

        labels = []
        for carrier_id in item.data.get("suggestions", []):
            carrier = registry().get(carrier_id)
            if carrier is None:
                continue
            label = carrier_name(carrier).render(self._lang())
            self._choices[label.casefold()] = carrier_id
            labels.append(label)
        self._asking = item.id
        self._choice_labels = [*labels, *self._skip_suggestions()]
        question = _w(self.lang, "more.which_carrier", name=item.data.get("query", ""))
        text = f"{question} {_leave_hint(self.lang)}"
        return Prompt(f"{lead}\n\n{text}" if lead else text, self._choice_labels)

    def _line(self, item: CheckResult) -> str:
        icons = {True: "✓", False: "✗", None: "–"}
        line = f"{icons[item.ok]} **{item.title}**{ui(self.lang, 'colon')}{item.detail}"
        if item.fix and item.ok is not True:
            line += f" *{ui(self.lang, 'fix_label')} {item.fix}*"
        return line

    # --- outputs -------------------------------------------------------------------------

    def _lang(self) -> Literal["fr", "en"]:
        return "fr" if self.lang == "fr" else "en"

    def _request(self, *, catalog: bool = False) -> SetupRequest:
        from rakuten_assist.support.checks import SetupRequest

        return SetupRequest(
            login=self.login,
            token=self.token,
            base_url=self.base_url,
            catalog=str(self.catalog) if catalog and self.catalog else None,
            lang=self._lang(),
        )

    def _export_label(self) -> str:
        return _w(self.lang, "export")

    def summary(self, *, shown: frozenset[str] = frozenset()) -> str:
        """The closing summary: counts, each failure (and each carrier name still to make
        precise) with its fix, and the next step. ``shown``: check ids whose lines the same
        message already gives."""
        lines = [
            _w(self.lang, "summary_title"),
            "",
            _w(self.lang, "summary_counts", login=self.login or "-", **self._counts()),
            "",
        ]
        for item in self.checklist.items_in(self.lang):
            if item.id in shown or not (item.ok is False or _is_ambiguous(item)):
                continue
            icon = "✗" if item.ok is False else "?"
            line = f"{icon} **{item.title}**{ui(self.lang, 'colon')}{item.detail}"
            if item.fix:
                line += f" *{ui(self.lang, 'fix_label')} {item.fix}*"
            lines += [line, ""]
        # The test order's source is the support engine's own answer (one wording of the fact).
        test_order = t("support.test_order.text", self.lang)
        lines += ["", _w(self.lang, "next_step", test_order=test_order)]
        return "\n".join(lines)

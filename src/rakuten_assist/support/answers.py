"""The answers: Markdown in the user's language, JSON-able facts, quick replies, sources.

Each builder is a pure function of what was understood. Carrier facts come only from the
carrier registry (through ``rakuten_assist.carriers``), error facts from the error catalogue,
setup facts from the checklist; every answer names its sources.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from rakuten_assist.support._answer import Answer
from rakuten_assist.support._carrier_answers import (
    answer_ask_carrier,
    answer_ask_number,
    answer_carrier_rules,
    answer_carriers,
    answer_detect,
    answer_own_delivery,
    answer_tracking_url,
    carrier_facts,
    carrier_source,
)
from rakuten_assist.support._error_entry import MODELLED, OURS, SEEN, ErrorEntry
from rakuten_assist.support._lang import Lang, fold
from rakuten_assist.support._scope import ScopeCategory
from rakuten_assist.support._sources import Source
from rakuten_assist.support._texts import DEVELOPER_PAGE, SETUP_STEP_IDS, can_help_with, say
from rakuten_assist.support.errors_catalogue import ErrorMatch, causes_for_symptom, ruled_out

#: "je suis bien pro depuis hier", "our account is already Professional", and an agent's
#: "alors qu'il est pro", "the merchant is already Professional" (folded text)
_SAYS_PRO = re.compile(
    r"(?:\bje suis|\bon est|\bnous sommes|\bi am|\bi'm|\bwe are|\bwe're|\bcompte(?: est)?|"
    r"\baccount is|\bil est|\belle est|\bils sont|\bhe is|\bhe's|\bshe is|\bshe's|"
    r"\bthey are|\bthey're|\b(?:le )?(?:marchand|vendeur|client) est|"
    r"\b(?:the )?(?:merchant|seller|customer|client) is)\s+"
    r"(?:(?:bien|deja|already|now|maintenant|passes?|passee?s?|a|an|un|une|en|"
    r"compte|account)\s+)*(?:pro|professionnel|professional)\b"
)

__all__ = [
    "Answer",
    "answer_ask_carrier",
    "answer_ask_number",
    "answer_carrier_rules",
    "answer_carriers",
    "answer_countries",
    "answer_detect",
    "answer_error",
    "answer_error_code",
    "answer_error_unknown",
    "answer_greeting",
    "answer_login",
    "answer_out_of_scope",
    "answer_own_delivery",
    "answer_professional",
    "answer_setup",
    "answer_sku",
    "answer_test_order",
    "answer_thanks",
    "answer_token",
    "answer_tracking_url",
    "answer_unknown",
    "carrier_facts",
    "carrier_source",
]


# --- setup -----------------------------------------------------------------------------------


def answer_login(lang: Lang, *, emails: Sequence[str] = ()) -> Answer:
    """The login is the account name from the user banner, never the e-mail."""
    text = say("login.text", lang)
    if emails:
        text += "\n\n" + say("login.email_given", lang, email=emails[0])
    facts: dict[str, Any] = {
        "login": "account name",
        "where": "Rakuten user banner",
        "email_accepted": False,
    }
    if emails:
        facts["login_is_email"] = True
    return Answer(
        intent="login_help",
        lang=lang,
        text=text,
        facts=facts,
        suggestions=[say("where_token", lang)],
        sources=[Source.checklist(["login"]), Source.error("ours.login_is_email")],
    )


#: "our token stopped working", "le jeton ne marche plus depuis ce matin" (folded text)
_STOPPED = re.compile(
    r"\b(?:stopped|stops|quit|ceased)\s+working|\bno longer (?:works?|valid|accepted)|"
    r"\b(?:doesn't|does not|don't|isn't|is not|not)\s+(?:work|working|accepted)\s+"
    r"(?:any ?more|now)|\b(?:was|were) working|\bused to work|\bworked (?:yesterday|until|"
    r"fine|before)|\bne (?:marche|fonctionne|passe)\s+plus|\bn'est plus (?:accepte|valide|bon)|"
    r"\ba cesse de (?:marcher|fonctionner)|\b(?:marchait|fonctionnait) (?:hier|avant|jusqu)|"
    r"\bdu jour au lendemain"
)

#: what makes a token that worked stop, each an error of the catalogue
_STOPPED_CAUSES = ("rakuten.unknown_user", "rakuten.access_denied", "rakuten.quota_exceeded")


#: renewing the token: "how often should I regenerate it?", "faut-il le renouveler ?"
_ASKS_RENEWAL = re.compile(
    r"\bregenera|\bregener|\brenouvel|\brenew|\bhow often\b|\btous les combien\b|"
    r"\ba quelle frequence\b"
)
#: one token in several tools: "can I use the same token in two tools?" (folded text)
_ASKS_SHARED = re.compile(
    r"\bsame (?:api )?(?:token|key)\b|\bmeme (?:jeton|token|cle)\b|"
    r"\b(?:two|several|multiple|2|3) (?:tools|apps|applications|connectors|platforms|software)\b|"
    r"\b(?:deux|plusieurs|2|3) (?:outils|logiciels|applications|applis|connecteurs|plateformes)\b"
)

#: how to know the token works: "how do I know if my token is valid?", "tester le jeton"
_ASKS_CHECK = re.compile(r"\bvalid\b|\bvalide\b|\btest(?:er)?\b|\bverifi")
#: the token's shape: length, case, characters, spaces (folded text)
_ASKS_SHAPE = re.compile(
    r"\bcaracteres?\b|\bcharacters?\b|\blength\b|\blong\b|\blongueur\b|\bcasse\b|"
    r"\bcase.?sensitive\b|\bmajuscules?\b|\bminuscules?\b|\bupper.?case\b|\bespaces?\b|"
    r"\bspaces?\b|\bformat\b"
)
#: what a token question asks besides where the token is, first match wins
_TOKEN_ASKS = (
    ("token.shared", _ASKS_SHARED),
    ("token.renewal", _ASKS_RENEWAL),
    ("token.shape", _ASKS_SHAPE),
    ("token.check", _ASKS_CHECK),
)


def answer_token(lang: Lang, *, question: str = "") -> Answer:
    """Where the API token is, and that it is not the web password; for a token that
    stopped working, the causes that make it stop and the error text to ask for; for
    renewing it or sharing it between tools, what is known (little is published)."""
    folded = fold(question)
    asked = next((key for key, asks in _TOKEN_ASKS if asks.search(folded)), None)
    if asked is not None and not _STOPPED.search(folded):
        return Answer(
            intent="token_help",
            lang=lang,
            text=say(asked, lang, page=DEVELOPER_PAGE),
            facts={"where": DEVELOPER_PAGE, "is_web_password": False, "published": False},
            suggestions=[say("run_checks", lang)],
            sources=[Source.checklist(["token"]), Source.error("rakuten.unknown_user", SEEN)],
        )
    if _STOPPED.search(folded):
        return Answer(
            intent="token_help",
            lang=lang,
            text=say("token.stopped", lang, page=DEVELOPER_PAGE),
            facts={
                "where": DEVELOPER_PAGE,
                "is_web_password": False,
                "stopped_working": True,
                "possible_error_ids": list(_STOPPED_CAUSES),
            },
            suggestions=[say("run_checks", lang), say("error.try_unknown_user", lang)],
            sources=[
                Source.checklist(["token"]),
                Source.error("rakuten.unknown_user", SEEN),
                Source.error("rakuten.access_denied", MODELLED),
                Source.error("rakuten.quota_exceeded", SEEN),
            ],
        )
    return Answer(
        intent="token_help",
        lang=lang,
        text=say("token.text", lang, page=DEVELOPER_PAGE),
        facts={"where": DEVELOPER_PAGE, "is_web_password": False},
        suggestions=[say("next.professional", lang), say("run_checks", lang)],
        sources=[Source.checklist(["token"])],
    )


def answer_sku(lang: Lang) -> Answer:
    """Rakuten matches products by SKU: map the product id onto the SKU field in « Finaliser »."""
    fix = say("sku.fix", lang)
    return Answer(
        intent="sku_mapping",
        lang=lang,
        text=say("sku.text", lang, fix=fix),
        facts={
            "matched_on": "SKU",
            "feed_field": "SKU",
            "feed_step": "Finaliser",
            "fix": fix,
        },
        suggestions=[say("next.carriers", lang), say("run_checks", lang)],
        sources=[Source.checklist(["sku_mapping"])],
    )


def answer_setup(lang: Lang) -> Answer:
    """The setup checklist, in the doctor's order (a question about Rakuten's lists of open
    sales gets what each holds instead: ``orders.answer_general_orders``, chosen by the
    engine)."""
    steps = [
        f"{i}. {say(f'setup.{step_id}', lang, page=DEVELOPER_PAGE)}"
        for i, step_id in enumerate(SETUP_STEP_IDS, start=1)
    ]
    return Answer(
        intent="setup_walkthrough",
        lang=lang,
        text="\n".join([say("setup.intro", lang), *steps]),
        facts={"steps": list(SETUP_STEP_IDS)},
        suggestions=[say("what_login", lang), say("where_token", lang)],
        sources=[Source.checklist(SETUP_STEP_IDS)],
    )


#: "is there a sandbox on Rakuten's side?", "un bac à sable pour tester" (folded text)
_SANDBOX = re.compile(r"\bsandbox\b|\bbac a sable\b|\benvironnement de test\b|\btest environment\b")


def answer_test_order(lang: Lang, *, question: str = "") -> Answer:
    """A test order comes from the feed platform's technical support; never ship it. A
    question about a sandbox gets Rakuten's test platform (rakuten-api.md §1) and ours."""
    if _SANDBOX.search(fold(question)):
        return Answer(
            intent="test_order",
            lang=lang,
            text=say("test_order.sandbox", lang),
            facts={
                "rakuten_sandbox": "https://sandbox.fr.shopping.rakuten.com",
                "accounts": "separate sandbox accounts",
                "who": "rakuten_seller_support",
                "builtin_sandbox": "--sandbox",
            },
            suggestions=[say("run_checks", lang)],
            sources=[Source(kind="engine", ref="rakuten_sandbox")],
        )
    return Answer(
        intent="test_order",
        lang=lang,
        text=say("test_order.text", lang),
        facts={
            "how": "ask the feed platform's technical support",
            "who": "feed platform technical support",
            "recognise": "by the order number the technical support gives",
            "ship": False,
        },
        suggestions=[say("run_checks", lang)],
        sources=[Source.checklist(["test_order"])],
    )


def answer_countries(lang: Lang) -> Answer:
    """All open orders come back whatever the buyer's country; there is no country filter."""
    return Answer(
        intent="country_scope",
        lang=lang,
        text=say("countries.text", lang),
        facts={"countries": "all", "country_filter": False},
        suggestions=[say("next.sku", lang), say("run_checks", lang)],
        sources=[Source.checklist(["open_orders"])],
    )


def answer_professional(lang: Lang) -> Answer:
    """Only Professional seller accounts can use the web service."""
    return Answer(
        intent="professional_account",
        lang=lang,
        text=say("professional.text", lang),
        facts={"account_type": "Professional", "error": "Access denied."},
        suggestions=[say("next.countries", lang), say("run_checks", lang)],
        sources=[
            Source.checklist(["professional_rights"]),
            Source.error("rakuten.access_denied", MODELLED),
        ],
    )


# --- errors ----------------------------------------------------------------------------------


def _shared_code(match: ErrorMatch) -> list[Any]:
    """Every catalogue entry a bare error code can mean ("InvalidUserRights": the rights
    error or the hourly quota), when only the code was given; else an empty list."""
    from rakuten_assist.support.errors_catalogue import CATALOGUE

    entry = match.entry
    if not entry.code or match.matched != entry.code.lower():
        return []
    shared = [e for e in CATALOGUE if e.code == entry.code and e.id != entry.id]
    return [entry, *shared] if shared else []


def _pasted(message: str, question: str) -> bool:
    """Whether the user pasted Rakuten's whole message, so that quoting it "as you pasted
    it" is true: its opening alone ("Statut incorrect") is not the rest of the sandbox's
    sentence, and a template with a gap ("The parameter ... is mandatory") is never what
    anyone pasted."""
    from rakuten_assist.support.errors_catalogue import normalise_error_text

    whole = normalise_error_text(message)
    if "..." in message or not whole:
        return False
    return f" {whole} " in f" {normalise_error_text(question)} "


def _as_pasted(entry: ErrorEntry, message: str, question: str) -> str:
    """Rakuten's message with the detail lines of the same error the user pasted after it
    ("Unknown user or password. Incorrect login or password"), as they typed them."""
    pasted = [message]
    for pattern in entry.patterns:
        if " " not in pattern or fold(pattern) in fold(" ".join(pasted)):
            continue
        found = re.search(re.escape(pattern).replace(r"\ ", r"\s+"), question, re.IGNORECASE)
        if found and found.group(0).isascii():
            pasted.append(found.group(0).strip())
    return " ".join(pasted)


def answer_error(match: ErrorMatch, lang: Lang, *, question: str = "") -> Answer:
    """The catalogue's cause and fix for a pasted error.

    Rakuten's own text is quoted only when the user pasted it, marked as Rakuten's message
    (it is English or French as Rakuten wrote it); a bare code several errors share names
    each cause and asks for the message instead of picking one. A cause known only from
    the sandbox's model says so; a code Rakuten is not known to send gets no cause, only
    what it looks like (``_answer_unknown_code``).
    """
    if match.unknown_code:
        return _answer_unknown_code(match, lang)
    entry = match.entry
    if (
        entry.id == "rakuten.quota_exceeded"
        and not match.matched
        and _ASKS_LIMIT.search(fold(question))
    ):
        return _answer_quota_limit(match, lang)
    ids = ", ".join(f"{k} {v}" for k, v in match.ids.items())
    shared = _shared_code(match)
    left = [e for e in shared if e.id not in ruled_out(question)]
    if len(left) == 1:
        # "InvalidUserRights, not the quota": the one meaning the user leaves
        entry, shared = left[0], []
    cause, fix = entry.cause_in(lang), entry.fix_in(lang)
    message = entry.message_in(lang)
    # a refusal told in words, no message pasted: every error it can be
    told = [] if shared or match.matched else list(causes_for_symptom(question))
    quoted = entry.origin != "rakuten" or _pasted(entry.message, question)
    parts: list[str] = []
    if told:
        shared = told
        parts.append(say("error.refusal_told", lang))
    elif shared:
        parts.append(say("error.code_shared", lang, code=entry.code))
    if shared:
        parts += [
            say("error.possible", lang, cause=e.cause_in(lang), fix=e.fix_in(lang)) for e in shared
        ]
    else:
        if entry.origin != "rakuten":
            parts.append(f"**{message}**")
        elif quoted:
            parts.append(say("error.quoted", lang, message=_as_pasted(entry, message, question)))
        says_pro = entry.id == "rakuten.access_denied" and _SAYS_PRO.search(fold(question))
        # The user says the account IS Professional: the stock "switch to Professional"
        # would ignore them; say what to check instead.
        parts.append(
            say("error.already_pro", lang)
            if says_pro
            else say("error.cause_fix", lang, cause=cause, fix=fix)
        )
        if entry.id == "rakuten.quota_exceeded" and _SAYS_RARE.search(fold(question)):
            # "we only call every 10 minutes": what counts, beyond the synchronisations
            parts.append(say("error.quota_counts", lang))
    text = "\n\n".join(parts)
    if ids:
        text += "\n\n" + say("error.ids", lang, ids=ids)
    modelled = entry.provenance == MODELLED and (not shared or bool(told))
    if modelled:
        # Said in the text itself: it is what is forwarded to a merchant.
        caveat = "error.modelled_causes" if told else "error.modelled_cause"
        text += "\n\n" + say("error.modelled" if quoted else caveat, lang)
    return Answer(
        intent="error_explain",
        lang=lang,
        text=text,
        facts={
            # a bare shared code names no error (a script must not act on one guess): every
            # error it can be, each with its fix, and the message tells which; a refusal
            # told in words names the error its words say (the number), the others apart
            "error_id": None if shared and not told else entry.id,
            # a refusal whose cause is told in words ("sent as Autre without a link") is
            # that error as a possibility: Rakuten's own text would say it for sure
            "possible_error_ids": [e.id for e in shared]
            or ([entry.id] if entry.origin == "rakuten" and not (quoted or match.matched) else []),
            "origin": entry.origin,
            "code": entry.code,
            # Rakuten's words only when known or pasted; the sandbox's model of them apart
            "message": None if shared or (modelled and not quoted) else message,
            "sandbox_message": message if modelled else None,
            "cause": None if shared and not told else cause,
            "fix": None if shared and not told else fix,
            "fixes": {e.id: e.fix_in(lang) for e in shared},
            "ids": dict(match.ids),
            "match_score": round(min(match.score, 1.0), 2),
            "provenance": entry.provenance,
        },
        suggestions=[say("run_checks", lang)],
        sources=[Source.error(e.id, e.provenance) for e in shared]
        or [Source.error(entry.id, entry.provenance)],
    )


#: a quota refusal met though calls are said to be rare: "we only call every 10 minutes",
#: "on n'appelle que toutes les 15 minutes" (folded text)
_SAYS_RARE = re.compile(
    r"\bevery \d+|\bonce (?:an|per|a) |\btoutes les \d+|\bune fois par\b|\bonly\b|"
    r"\bseulement\b|\bn.(?:appel|interroge|synchronise)\w* que\b|\bpourtant\b|\balthough\b"
)

#: the quota named in a question about its size, not in a refusal ("how many calls per
#: hour", "c'est combien le quota", "is there a limit") (folded text)
_ASKS_LIMIT = re.compile(
    r"\bhow many\b|\bhow much\b|\bis there a (?:limit|quota|maximum)|"
    r"\bwhat is the (?:limit|quota)|\bcombien\b|\by a.t.il (?:un|une) (?:limite|quota|maximum)|"
    r"\bquel(?:le)? est (?:la limite|le quota)|\bmaximum\b|\bmax\b"
)


def _answer_quota_limit(match: ErrorMatch, lang: Lang) -> Answer:
    """The size of the hourly quota, asked without a refusal: Rakuten publishes no number
    (rakuten-api.md §4), then how integrations stay under it and what to do when refused."""
    entry = match.entry
    return Answer(
        intent="error_explain",
        lang=lang,
        text=say("error.quota_limit", lang),
        facts={
            "error_id": entry.id,
            "possible_error_ids": [],
            "origin": entry.origin,
            "code": entry.code,
            "message": entry.message,
            "cause": entry.cause_in(lang),
            "fix": entry.fix_in(lang),
            "fixes": {},
            "ids": {},
            "match_score": 0.0,
            "provenance": entry.provenance,
            "published_limit": None,
        },
        suggestions=[say("run_checks", lang)],
        sources=[Source.error(entry.id, entry.provenance)],
    )


def _known_codes() -> str:
    """Rakuten's error codes seen in public client fixtures, in a row."""
    from rakuten_assist.support.errors_catalogue import CATALOGUE

    codes = {e.code for e in CATALOGUE if e.origin == "rakuten" and e.provenance == SEEN}
    return ", ".join(f"`{code}`" for code in sorted(c for c in codes if c))


def _answer_unknown_code(match: ErrorMatch, lang: Lang) -> Answer:
    """A code Rakuten is not known to send: said unknown, what it looks like as a
    possibility only, and who can say what it means; never a cause stated as fact."""
    entry = match.entry
    code = match.unknown_code or ""
    cause, fix = entry.cause_in(lang), entry.fix_in(lang)
    if entry.provenance == SEEN:
        looks = say("error.looks_like", lang, message=entry.message, cause=cause, fix=fix)
    elif entry.provenance == OURS:
        message = entry.message_in(lang)
        looks = say("error.looks_like_ours", lang, message=message, cause=cause, fix=fix)
    else:
        looks = say("error.looks_like_modelled", lang, cause=cause, fix=fix)
    text = "\n\n".join(
        [
            say("error.unknown_code", lang, code=code, known=_known_codes()),
            looks,
            say("error.unknown_code_who", lang),
        ]
    )
    return Answer(
        intent="error_explain",
        lang=lang,
        text=text,
        facts={
            "error_id": None,
            "unknown_code": code,
            "looks_like": entry.id,
            "possible_error_ids": [entry.id],
            "origin": None,
            "code": code,
            "message": None,
            "cause": None,
            "fix": None,
            "fixes": {entry.id: fix},
            "ids": dict(match.ids),
            "match_score": round(min(match.score, 1.0), 2),
            "provenance": entry.provenance,
        },
        suggestions=[say("run_checks", lang)],
        sources=[Source(kind="errors"), Source.error(entry.id, entry.provenance)],
    )


def answer_error_unknown(lang: Lang, *, code: str | None = None) -> Answer:
    """An error was mentioned but not pasted: ask for the exact text. A code-like word
    Rakuten is not known to send is said to be unknown first."""
    text = say("error.paste_it", lang)
    facts: dict[str, Any] = {"error_id": None}
    if code:
        text = say("error.unknown_code_alone", lang, code=code, known=_known_codes())
        text += "\n\n" + say("error.unknown_code_who", lang)
        facts.update(unknown_code=code, code=code)
    return Answer(
        intent="error_explain",
        lang=lang,
        text=text,
        facts=facts,
        suggestions=[say("error.try_quota", lang), say("error.try_unknown_user", lang)],
        sources=[Source(kind="errors")],
    )


def answer_error_code(code: str, lang: Lang) -> Answer:
    """A bare error code shared by several errors: ask for the whole message."""
    return Answer(
        intent="error_explain",
        lang=lang,
        text=say("error.code_only", lang, code=code),
        facts={"error_id": None, "code": code},
        suggestions=[],
        sources=[Source(kind="errors")],
    )


# --- courtesy and honesty --------------------------------------------------------------------


def answer_greeting(lang: Lang) -> Answer:
    """A greeting back, with what the engine can help with."""
    topics = can_help_with(lang)
    text = say("greeting.hello", lang) + "\n" + "\n".join(f"- {topic}" for topic in topics)
    return Answer(
        intent="greeting",
        lang=lang,
        text=text,
        facts={"can_help_with": topics},
        suggestions=[say("try_colissimo", lang), say("start_setup", lang)],
        sources=[Source(kind="engine", ref="capabilities")],
    )


def answer_thanks(lang: Lang) -> Answer:
    """A short acknowledgement of thanks, without the list of topics."""
    return Answer(
        intent="greeting",
        lang=lang,
        text=say("greeting.thanks", lang),
        facts={"acknowledged": True},
        suggestions=[],
        sources=[Source(kind="engine", ref="courtesy")],
    )


def answer_unknown(lang: Lang) -> Answer:
    """An honest "I don't know", what the engine can help with, and escalation."""
    topics = can_help_with(lang)
    text = say("unknown.text", lang) + "\n" + "\n".join(f"- {topic}" for topic in topics)
    text += "\n\n" + say("unknown.escalate", lang)
    return Answer(
        intent="unknown",
        lang=lang,
        text=text,
        facts={"can_help_with": topics, "escalate": True},
        suggestions=[say("try_colissimo", lang), say("start_setup", lang)],
        sources=[Source(kind="engine", ref="capabilities")],
    )


def answer_out_of_scope(category: ScopeCategory, lang: Lang) -> Answer:
    """An honest "I don't know" for a question outside the engine's knowledge, and who knows."""
    topics = can_help_with(lang)
    text = say(category.answer.removeprefix("support."), lang, page=DEVELOPER_PAGE)
    text += "\n\n" + say(f"who.{category.who}", lang)
    return Answer(
        intent="unknown",
        lang=lang,
        text=text,
        facts={
            "escalate": True,
            "out_of_scope": category.id,
            "who": category.who,
            "can_help_with": topics,
        },
        suggestions=[say("try_colissimo", lang), say("start_setup", lang)],
        sources=[Source(kind="engine", ref="out_of_scope")],
    )

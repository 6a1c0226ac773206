"""Which question is this? Keyword evidence plus what the entities say, scored per intent.

Each intent is one data file, ``intent_data/<intent>.toml``: its weighted phrases and example
questions per language, the entities it needs and its answer templates. Deterministic and
explainable: phrases are matched with accents folded and typos of long words tolerated;
entities add strong evidence (a carrier name, a tracking number, an
order id, a pasted error). The best score wins; below the threshold the answer is an honest
"I don't know".
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import TypeAlias

from rapidfuzz.distance import OSA

from rakuten_assist.support._abbreviations import expand
from rakuten_assist.support._entities import said_in_own_words
from rakuten_assist.support._entity_types import Entities
from rakuten_assist.support._framed_names import country_word
from rakuten_assist.support._lang import fold, frequent_word, is_common_word
from rakuten_assist.support._lang import words as folded_words
from rakuten_assist.support._segments import is_question, sentences
from rakuten_assist.support._typos import is_slip
from rakuten_assist.support.errors_catalogue import (
    entry_for_topic,
    refused_without_url,
    unknown_code_in,
)

__all__ = [
    "INTENTS",
    "Intent",
    "IntentData",
    "IntentScore",
    "asks_about_cause",
    "asks_what_link_needs",
    "classify",
    "intent_data",
    "keyword_score",
    "known_word",
]

#: an intent id: one data file ``intent_data/<id>.toml`` each, plus ``unknown``
Intent: TypeAlias = str

_DATA = "intent_data"
_NOT_INTENTS = frozenset({"out_of_scope", "envelope", "abbreviations", "former_carriers"})


@dataclass(frozen=True)
class IntentData:
    """One intent as its data file describes it.

    Attributes:
        id: the intent (CLI.md ``ask --json`` intents).
        phrases: folded phrase -> weight, every language together (a phrase is evidence
            whatever the language around it).
        phrases_by_lang: the same phrases per language (``any`` for shared ones).
        examples: example questions per language.
        entities: what the answer needs from the question, in words.
        answers: the message ids of its answer templates.
        carrier_words: phrases of which one must be present when no carrier is named.
        not_with: words that cancel the intent's weak evidence (no phrase of weight 3 or
            more): "je teste le bot" tests the bot, not a test order.
        probe_words: a message made of these words only asks nothing ("test").
        short_only: phrases that are evidence only in a message of a few words ("help"
            alone greets; "nothing works since yesterday, help" reports a problem).
        about_words: phrases asking what something has or needs ("does Ciblex have a
            tracking link?" asks about Ciblex, not for a link).
        report_words: phrases saying that something answered with an error ("Rakuten
            refuses...", "it says..."): an error named beside them is what is asked about.
        after_words: phrases asking what comes after something ("et après", "what's
            next"); with one of ``step_words`` and none of ``own_question_words`` the
            message asks for the next steps ("et après le token ?").
        code_words: words saying that a code-like word is an error's code ("erreur
            INVALID_TRANSPORTER_NAME", "error code E_LOGIN_REFUSED").
        cause_words: phrases asking whether what was just told is the cause ("c'est ça le
            souci ?", "is that why?"): the sentences before say what the question is about.
        problem_words: words telling a problem ("souci", "issue"): told with a carrier in a
            message that asks nothing, the problem is what to explain, not the carrier.
        settled_words: phrases saying that an error told before them is over ("c'est réglé",
            "which we fixed"): that error is background, not what is asked.
    """

    id: Intent
    phrases: dict[str, float]
    phrases_by_lang: dict[str, dict[str, float]]
    examples: dict[str, list[str]]
    entities: tuple[str, ...]
    answers: tuple[str, ...]
    carrier_words: frozenset[str] = frozenset()
    not_with: frozenset[str] = frozenset()
    probe_words: frozenset[str] = frozenset()
    short_only: frozenset[str] = frozenset()
    about_words: frozenset[str] = frozenset()
    report_words: frozenset[str] = frozenset()
    after_words: frozenset[str] = frozenset()
    step_words: frozenset[str] = frozenset()
    own_question_words: frozenset[str] = frozenset()
    code_words: frozenset[str] = frozenset()
    cause_words: frozenset[str] = frozenset()
    problem_words: frozenset[str] = frozenset()
    settled_words: frozenset[str] = frozenset()


@cache
def intent_data() -> dict[Intent, IntentData]:
    """Every intent's data file, by intent id (sorted by id)."""
    found: dict[Intent, IntentData] = {}
    folder = resources.files("rakuten_assist.support") / _DATA
    for source in sorted(folder.iterdir(), key=lambda f: f.name):
        if not source.name.endswith(".toml") or source.name[:-5] in _NOT_INTENTS:
            continue
        table = tomllib.loads(source.read_text(encoding="utf-8"))
        by_lang = {
            lang: {phrase: float(weight) for phrase, weight in phrases.items()}
            for lang, phrases in table.get("phrases", {}).items()
        }
        merged: dict[str, float] = {}
        for phrases in by_lang.values():
            merged.update(phrases)
        found[table["intent"]] = IntentData(
            id=table["intent"],
            phrases=merged,
            phrases_by_lang=by_lang,
            examples={k: list(v) for k, v in table.get("examples", {}).items()},
            entities=tuple(table.get("entities", ())),
            answers=tuple(table.get("answers", ())),
            carrier_words=frozenset(table.get("carrier_words", ())),
            not_with=frozenset(table.get("not_with", ())),
            probe_words=frozenset(table.get("probe_words", ())),
            short_only=frozenset(table.get("short_only", ())),
            about_words=frozenset(table.get("about_words", ())),
            report_words=frozenset(table.get("report_words", ())),
            after_words=frozenset(table.get("after_words", ())),
            step_words=frozenset(table.get("step_words", ())),
            own_question_words=frozenset(table.get("own_question_words", ())),
            code_words=frozenset(table.get("code_words", ())),
            cause_words=frozenset(table.get("cause_words", ())),
            problem_words=frozenset(table.get("problem_words", ())),
            settled_words=frozenset(table.get("settled_words", ())),
        )
    return found


INTENTS: tuple[Intent, ...] = (*intent_data(), "unknown")


def _keywords() -> dict[Intent, dict[str, float]]:
    return {intent: data.phrases for intent, data in intent_data().items()}


_THRESHOLD = 1.5
#: a phrase this heavy is evidence on its own, whatever else the message says
_STRONG = 3.0
#: an error named without pasting it ("HTTP 500", "numéros refusés")
_TOPIC_WEIGHT = 2.0
#: an error named as what Rakuten answered ("rakuten refuse : transporteur pas reconnu"): the
#: topic's own words (transporteur, carrier) must not make it a carrier question
_REPORTED_TOPIC_WEIGHT = 2.5
#: "et après le token ?": more than the step's own word ("token" weighs 3)
_AFTER_STEP_WEIGHT = 4.0
#: an error phrase said in the user's own sentence (a paste weighs 4)
_OWN_WORDS_WEIGHT = 3.0
#: an e-mail address beside a login word ("typed their e-mail as login"): more than the
#: background of the message it is told in (an onboarding call, a connector)
_EMAIL_AS_LOGIN_WEIGHT = 3.0
#: a code-like word Rakuten is not known to send, said to be an error's code
_CODE_NAMED_WEIGHT = 3.0
_QUOTES = re.compile(r"[«»\"`]|'[^']{2,80}'")
#: Rakuten's carrier value "Autre" named as such: capitalised inside a sentence, quoted, or
#: after a word choosing it ("on met autre") -- not the ordinary word ("un autre lien")
_AUTRE = re.compile(
    r"(?<=[a-z,;:] )Autre\b|[«\"'`]\s*[Aa]utre\s*[»\"'`]"
    r"|(?i:\b(?:transporteur|carrier|choisi\w*|pick\w*|select\w*|choose|met|mets|mettre)"
    r"\s+(?:en\s+|as\s+)?autre\b)"
)
_AUTRE_WEIGHT = 3.5
#: a refusal told with its cause, no tracking URL: more than a carrier and a number (7)
_URL_REFUSAL_WEIGHT = 7.5
_LINK = re.compile(r"\b(?:lien|link|url|suivi|tracking)\b")
#: a question of this many words asks something beyond courtesy
_GREETING_MAX_WORDS = 8
#: a message of at most this many words may be made of a short-only phrase ("aide svp")
_SHORT_MESSAGE_WORDS = 3
_FUZZY_WORD_MIN = 5
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


@dataclass(frozen=True)
class IntentScore:
    """One intent's score and the evidence behind it."""

    intent: Intent
    score: float
    evidence: tuple[str, ...]


@lru_cache(maxsize=1)
def _compiled() -> dict[Intent, list[tuple[str, re.Pattern[str], float]]]:
    compiled: dict[Intent, list[tuple[str, re.Pattern[str], float]]] = {}
    for intent, phrases in _keywords().items():
        compiled[intent] = [
            (phrase, re.compile(r"(?<![a-z0-9])" + re.escape(phrase) + r"(?![a-z0-9])"), weight)
            for phrase, weight in phrases.items()
        ]
    return compiled


@cache
def _single_word_phrases() -> frozenset[str]:
    return frozenset(p for phrases in _keywords().values() for p in phrases if " " not in p)


@cache
def _vocabulary() -> tuple[str, ...]:
    """Every word of every intent's phrases."""
    return tuple(
        sorted({word for phrases in _keywords().values() for p in phrases for word in p.split()})
    )


def known_word(folded: str) -> bool:
    """Whether a folded word is one of the intents' words, or a slip of one ("jetonn")."""
    vocabulary = _vocabulary()
    return folded in vocabulary or any(is_slip(folded, word) for word in vocabulary)


@cache
def _phrase_words() -> tuple[str, ...]:
    """The words of the phrases of several words, long enough for a slip to be seen."""
    return tuple(
        sorted(
            {
                word
                for phrases in _keywords().values()
                for phrase in phrases
                if " " in phrase
                for word in phrase.split()
                if len(word) >= _FUZZY_WORD_MIN
            }
        )
    )


def _mended(normalised: str, loose: list[str]) -> str:
    """``normalised`` with each loose word that is a slip of a phrase's word replaced by it."""
    known = _phrase_words()
    fixes = {}
    for typed in set(loose).difference(known):
        if len(typed) < _FUZZY_WORD_MIN - 1 or is_common_word(typed):
            continue
        word = next((w for w in known if is_slip(typed, w)), None)
        if word is not None:
            fixes[typed] = word
    if not fixes:
        return normalised
    return " ".join(fixes.get(w, w) for w in normalised.split(" "))


def _normalise(text: str) -> str:
    folded = expand(fold(text))
    folded = re.sub(r"[-_/]", " ", folded)
    return " ".join(re.findall(r"[a-z0-9']+", folded))


# "ne marche plus", "doesn't work", "isn't accepted": a phrase saying a carrier works, negated
# in a message that asks nothing, reports a problem (an error to explain), not a question.
_NEGATION_BEFORE = frozenset(
    {"ne", "not", "don't", "doesn't", "isn't", "won't", "can't", "never", "jamais", "no"}
)
_NEGATION_AFTER = frozenset({"pas", "plus", "jamais"})
_PROBLEM_WEIGHT = 3.5
#: the key of that evidence among the keyword scores (not an intent)
_PROBLEM = "_problem"


def _negated(normalised: str, start: int, end: int) -> bool:
    before = normalised[:start].split()[-3:]
    after = normalised[end:].split()[:1]
    return any(w in _NEGATION_BEFORE or w.startswith("n'") for w in before) or any(
        w in _NEGATION_AFTER for w in after
    )


def _keyword_scores(text: str) -> dict[Intent, tuple[float, list[str]]]:
    normalised = _normalise(text)
    reports = "?" not in text
    words = _WORD.findall(normalised)
    scores: dict[Intent, tuple[float, list[str]]] = {}
    # A word that is a keyword as typed is never also a typo of another ("product" is not
    # "produit" nor "products").
    exact_words = _single_word_phrases()
    # Nor is a country's name typed right a slip of another ("estonie" is no "estoniens").
    loose = [w for w in words if w not in exact_words and not country_word(w)]
    # The message with its slips of the words of longer phrases mended, for those phrases
    # ("mot de pase", "informations developeur").
    mended = _mended(normalised, loose)
    problem = False
    for intent, phrases in _compiled().items():
        total = 0.0
        evidence: list[str] = []
        # A typed word is a typo of one keyword at most ("accept" is not both "accepte"
        # and "accepted").
        used: set[str] = set()
        for phrase, pattern, weight in phrases:
            if found := pattern.search(normalised):
                if (
                    reports
                    and intent == "carrier_support"
                    and _negated(normalised, found.start(), found.end())
                ):
                    problem = True
                    continue
                total += weight
                evidence.append(phrase)
            elif " " in phrase and mended != normalised and pattern.search(mended):
                total += weight * 0.8
                evidence.append(f"~{phrase}")
            elif " " not in phrase and len(phrase) >= _FUZZY_WORD_MIN:
                # A typo of a keyword ("identifient", "configrue", "jetonn") still counts.
                # (a word of the language only a letter away: "confirmation" is not
                # "configuration", though "connecte" is "connecter")
                typo = next(
                    (
                        w
                        for w in loose
                        if w not in used
                        and is_slip(w, phrase)
                        and (OSA.distance(w, phrase) <= 1 or not frequent_word(w))
                    ),
                    None,
                )
                if typo is not None:
                    used.add(typo)
                    total += weight * 0.8
                    evidence.append(f"~{phrase}")
        if total:
            scores[intent] = (total, evidence)
    if problem:
        scores[_PROBLEM] = (_PROBLEM_WEIGHT, ["problem reported"])
    return scores


# Text the user quotes after "error" / "message" is what a screen showed, not what they ask:
# "j'ai l'erreur « transporteur non supporté »" is an error question, not a carrier one.
#: a quote of at most this many words is a label (a menu, a check's title), not a sentence
_LABEL_WORDS = 3
_QUOTED_ERROR = re.compile(
    r"(?i)\b(erreur|error|message|says|dit|affiche|shows|got|get|gets|received|recu|recoit|"
    r"renvoie|returns|repond|answers)\s*:?\s*(«[^»]{2,80}»|\"[^\"]{2,80}\"|'[^']{2,80}')"
)


def _unquoted(text: str) -> str:
    """``text`` without what it quotes after "it says": a screen's message, unless the quote
    is one decisive word of an intent ("le rapport dit « near_miss »")."""

    def kept(found: re.Match[str]) -> str:
        quoted = fold(found.group(2)[1:-1]).strip()
        # a label of a few words holding a decisive word ("le doctor affiche 'Professional
        # rights' en rouge") names the topic; a longer quote is a screen's sentence
        words = quoted.split() if len(quoted.split()) <= _LABEL_WORDS else [quoted]
        decisive = any(
            data.phrases.get(word, 0.0) >= _STRONG
            for data in intent_data().values()
            for word in dict.fromkeys([quoted, *words])
        )
        return found.group(0) if decisive else found.group(1)

    return _QUOTED_ERROR.sub(kept, text)


def keyword_score(text: str, intent: Intent) -> float:
    """How strongly the words of ``text`` alone (no entity) speak of ``intent``."""
    found = _keyword_scores(text).get(intent)
    return found[0] if found else 0.0


_OR = re.compile(r"(?i)\b(?:ou|or)\b")
#: a carrier and a number given together ask for the link, above the carrier's hint words
#: ("carrier is Colissimo, number 6C33028174668", "autre chose : Mondial Relay, colis 88214307")
_CARRIER_AND_NUMBER_WEIGHT = 5.0
#: who a number belongs to, asked of the number (folded text; only beside a number: "c'est
#: qui exactement ?" alone asks who to contact)
_WHO_IS_IT = re.compile(r"\b(?:qui c'est|c'est qui|who is it|who's that|who is that)\b")


def _says_any(text: str, phrases: frozenset[str]) -> bool:
    """Whether ``text`` has one of ``phrases`` (folded words, whole, an apostrophe read as a
    space: "l'étape suivante" has "etape suivante") in it."""
    said = f" {' '.join(folded_words(text.replace('-', ' ')))} ".replace("'", " ")
    return any(f" {phrase} " in said for phrase in phrases)


def says_settled(text: str) -> bool:
    """Whether ``text`` says that something told before is over ("c'est réglé depuis",
    "which we fixed by...")."""
    return _says_any(text, intent_data()["error_explain"].settled_words)


def asks_about_cause(text: str) -> bool:
    """Whether ``text`` asks if what was told before it is the cause ("on avait mis
    l'accent, c'est ça le souci ?", "we typed the e-mail there, is that why?")."""
    return _says_any(text, intent_data()["error_explain"].cause_words)


def _asks_link_needs(text: str, entities: Entities) -> bool:
    """A question about a link (its words) asking what it needs, without a number."""
    return bool(_LINK.search(fold(text))) and asks_what_link_needs(text, entities)


def asks_what_link_needs(text: str, entities: Entities) -> bool:
    """Whether a message without a number or postcode asks what a link has or needs
    ("le code postal va dans le lien ?"): the carrier's facts answer it, not a link."""
    if entities.numbers or entities.postcode is not None:
        return False
    return _says_any(text, intent_data()["carrier_support"].about_words)


def _lend_call_for_help(
    scores: dict[Intent, float], evidence: dict[Intent, list[str]], *, already_taken: bool
) -> None:
    """A call for help beside a topic's word asks about that topic ("aide transporteur",
    "besoin d'aide pour le transporteur"): its weight goes from the greeting to the topic
    the words point to. ``already_taken``: a long message's calls no longer count as a
    greeting."""
    data = intent_data()["greeting"]
    calls = data.short_only & {e.lstrip("~") for e in evidence.get("greeting", ())}
    topics = {i: v for i, v in scores.items() if i not in ("greeting", "unknown") and v > 0}
    if not calls or not topics:
        return
    weight = max(data.phrases[call] for call in calls)
    best = max(topics, key=lambda intent: topics[intent])
    scores[best] += weight
    evidence.setdefault(best, []).append("call for help about it")
    if not already_taken:
        scores["greeting"] -= sum(data.phrases[call] for call in calls)


def _asks_after_step(text: str) -> bool:
    """Whether a message asks what comes after a step of the set-up ("et après le token ?",
    "login done, what's next?"), not where or how to do that step."""
    data = intent_data()["setup_walkthrough"]
    return (
        _says_any(text, data.after_words)
        and _says_any(text, data.step_words)
        and not _says_any(text, data.own_question_words)
    )


#: more than a carrier and its number (3 + 4): the question is whose the number is
_CONFIRM_WEIGHT = 8.0
#: a carrier's name asked about as the number's owner, ``{name}`` standing for it (folded)
_CONFIRMS = (
    r"\bc'est (?:bien |vraiment |pas )?(?:du |de la |de l'|des |un numero |un colis |un envoi "
    r"|chez |le |la )?{name}\b[^.?!]*\?",
    r"\b(?:is (?:this|it|that)|is this number|this is|it's|that's) (?:really |actually |definitely "
    r")?(?:a |an |from |by |with )?{name}(?: number| parcel| tracking number| one)?\b[^.!]*\?",
    r"\b(?:belongs? to|appartient (?:a|au|bien a)) {name}\b",
    r"\b{name} (?:number|parcel|tracking number|numero)\s*(?:,\s*right|, non|\?)",
)


def _confirms_carrier(text: str, entities: Entities) -> bool:
    """Whether the message asks if its number is a named carrier's ("c'est de l'USPS ?",
    "c'est bien un numéro Colissimo ?", "is this a DHL number?")."""
    folded = fold(text)
    for mention in entities.carriers:
        name = re.escape(fold(mention.text))
        if any(re.search(pattern.format(name=name), folded) for pattern in _CONFIRMS):
            return True
    return False


def _asks_which(text: str, entities: Entities, scores: dict[Intent, float]) -> bool:
    """Whether a message with a number and carriers asks which of them it is: two carriers
    offered with "or", or one with "or something else"."""
    offered = len(entities.carriers) >= 2 and bool(_OR.search(text))
    return offered or scores.get("detect_carrier", 0.0) >= _ALTERNATIVE_WEIGHT


#: the weight of "or something else" / "ou autre chose" (detect_carrier.toml)
_ALTERNATIVE_WEIGHT = 2.0


def classify(text: str, entities: Entities) -> list[IntentScore]:
    """Score every intent for ``text``, best first; ``unknown`` leads when nothing fits.

    Args:
        text: the question as typed.
        entities: what ``extract_entities`` found in it.
    """
    # Words inside a pasted error message say nothing about what the user asks, nor do the
    # words of an error code nobody documents ("fails with error code INVALID_TRACKING_URL":
    # an error to explain, not a link to build).
    own_words = entities.residue if entities.error is not None else _unquoted(text)
    code = unknown_code_in(text)
    if code is not None and _says_any(text, intent_data()["error_explain"].code_words):
        own_words = re.sub(re.escape(code), " ", own_words, flags=re.IGNORECASE)
    raw = _keyword_scores(own_words)
    if entities.carriers and "country_scope" in raw:
        # a country inside a carrier's name ("Austrian Post", "POST Luxembourg") is no
        # question about countries: only the words outside the names count for it
        outside = own_words
        for mention in entities.carriers:
            outside = outside.replace(mention.text, " ")
        kept = _keyword_scores(outside).get("country_scope")
        if kept is None:
            del raw["country_scope"]
        else:
            raw["country_scope"] = kept
    # A carrier said not to work ("colissimo ne marche plus") is a problem to explain.
    problem = raw.pop(_PROBLEM, None)
    if (
        problem is None
        and entities.carriers
        and "?" not in text
        and _says_any(text, intent_data()["error_explain"].problem_words)
    ):
        # "on a un souci avec nos expéditions Colissimo": a problem told, nothing asked
        problem = (_PROBLEM_WEIGHT, ["problem told with a carrier"])
    if problem is not None and entities.carriers:
        previous = raw.get("error_explain", (0.0, []))
        raw["error_explain"] = (previous[0] + problem[0], [*previous[1], *problem[1]])
    scores: dict[Intent, float] = {intent: value for intent, (value, _) in raw.items()}
    evidence: dict[Intent, list[str]] = {intent: ev for intent, (_, ev) in raw.items()}

    def add(intent: Intent, weight: float, why: str) -> None:
        scores[intent] = scores.get(intent, 0.0) + weight
        evidence.setdefault(intent, []).append(why)

    if not entities.carriers and "carrier_support" in scores:
        words = {e.lstrip("~") for e in evidence["carrier_support"]}
        if entities.unknown_carriers:
            # a name the registry does not know counts only beside words about carriers
            add("carrier_support", 3.0, "carrier name not in the registry")
        elif not words & intent_data()["carrier_support"].carrier_words:
            scores["carrier_support"] = 0.0
    if entities.named_first and not entities.carriers:
        # "Omniva pour les pays baltes c'est possible ?": the question is about that name
        add("carrier_support", 3.0, "unknown name opens the question")
    if code is not None and _says_any(text, intent_data()["error_explain"].code_words):
        # "on reçoit le code ERR_TRACKING_42, ça correspond à quoi ?": an error to explain,
        # even one nobody documents (its words were taken out of the scoring above)
        add("error_explain", _STRONG, "an error code nobody documents")
    said = set(folded_words(text))
    long_message = len(folded_words(text)) > _SHORT_MESSAGE_WORDS
    for intent, data in intent_data().items():
        if intent not in scores:
            continue
        if long_message and data.short_only:
            for phrase in data.short_only & {e.lstrip("~") for e in evidence[intent]}:
                scores[intent] -= data.phrases[phrase]
        strong = any(data.phrases.get(e, 0.0) >= _STRONG for e in evidence[intent])
        if (data.not_with & said and not strong) or (said and said <= data.probe_words):
            scores[intent] = 0.0
    if entities.error is not None and entities.statuses:
        # a status named beside an error phrase in the user's own words: the error is named,
        # not pasted ("status says CANCELLED but I already shipped it")
        add("error_explain", _TOPIC_WEIGHT, "error named")
    elif (
        entities.error is not None
        and not (entities.item_id or entities.purchase_id or entities.numbers)
        and not _QUOTES.search(text)
        and said_in_own_words(entities.error, text)
    ):
        # a short error phrase inside the user's own sentence, nothing quoted and no id
        # ("their login is an e-mail address, is that fine?"): less than a paste, so the
        # sentence's own topic can still win
        add("error_explain", _OWN_WORDS_WEIGHT, "error phrase in the user's words")
    elif entities.error is not None:
        add("error_explain", 4.0 if entities.error.score >= 1.0 else 3.0, "pasted error")
    elif entities.error_code is not None:
        add("error_explain", 3.0, "error code")
    elif code is not None and _says_any(text, intent_data()["error_explain"].code_words):
        # "j'ai l'erreur INVALID_TRANSPORTER_NAME": a code Rakuten is not known to send, whose
        # own words (transporter, login) must not route the question
        add("error_explain", _CODE_NAMED_WEIGHT, "unknown error code named")
    elif entry_for_topic(text) is not None:
        add("error_explain", _TOPIC_WEIGHT, "error named")
        if _says_any(text, intent_data()["error_explain"].report_words):
            add("error_explain", _REPORTED_TOPIC_WEIGHT, "error reported")
    if entities.error is None and entities.error_code is None and _asks_after_step(text):
        add("setup_walkthrough", _AFTER_STEP_WEIGHT, "asks what comes after a step")
    if entities.platforms and not entities.carriers and entities.shipping_talk:
        # "Packlink, c'est accepté ?" asks about shipping; "can I plug Shopify into
        # Rakuten?" names a platform for something else: not a carrier question.
        add("carrier_support", 3.0, "shipping platform named")
    if entities.carriers and entities.numbers and _confirms_carrier(text, entities):
        # "6A19048372658 ... c'est bien un numéro Colissimo ?", "is it a USPS number?": the
        # number is given to learn whether it is that carrier's, not for a link
        add("detect_carrier", _CONFIRM_WEIGHT, "asks whether the number is the carrier's")
    elif entities.carriers and entities.numbers and _asks_which(text, entities, scores):
        # "XU-9072-14637-FR : Chronopost ou Colissimo ?", "PostNL or something else?": the
        # number is given to learn whose it is, not for a link
        add("detect_carrier", 5.0, "carriers offered as alternatives for a number")
    if refused_without_url(text):
        # "on envoie Autre sans URL de suivi et c'est refusé": the refusal's cause is told
        add("error_explain", _URL_REFUSAL_WEIGHT, "refusal with no tracking URL")
    elif not entities.carriers and _AUTRE.search(text) and _asks_link_needs(text, entities):
        # "with Autre, is the tracking URL mandatory?": the carrier rules say what Autre needs
        add("carrier_support", _AUTRE_WEIGHT, "asks what the Autre value needs")
    if entities.carriers:
        add("carrier_support", 3.0, "carrier named")
        if entities.numbers:
            add("tracking_url", _CARRIER_AND_NUMBER_WEIGHT, "carrier and number")
        elif "tracking_url" in scores and asks_what_link_needs(text, entities):
            # what the carrier's link has or needs: the carrier's facts answer it
            add("carrier_support", 1.5, "asks what the carrier's link needs")
        elif "tracking_url" in scores:
            add("tracking_url", 1.5, "carrier and link words")
    elif entities.numbers:
        add("detect_carrier", 3.5, "tracking number alone")
        if _WHO_IS_IT.search(fold(text)):
            # "RX921044766PT ... vous savez qui c'est ?": who the number is
            add("detect_carrier", 1.5, "asks who the number is")
    if entities.item_id or entities.purchase_id:
        add("order_status", 3.0, "order or item id")
    if entities.statuses:
        add("order_status", 3.0, "item status named")
    if entities.emails and "login_help" in scores:
        # "the seller typed sales@shop.co.uk as the login": the address is what is asked about
        add("login_help", _EMAIL_AS_LOGIN_WEIGHT, "e-mail given as the login")
    elif entities.emails:
        add("login_help", 1.5, "e-mail given")
    _lend_call_for_help(scores, evidence, already_taken=long_message)
    # Courtesy words only make a greeting when nothing else was asked: not beside another
    # intent's evidence, nor in a question long enough to ask something of its own
    # ("Bonjour, comment mettre mes produits en promotion ?" is no greeting).
    if "greeting" in scores and (
        any(value >= _THRESHOLD for intent, value in scores.items() if intent != "greeting")
        or (
            len(folded_words(text)) >= _GREETING_MAX_WORDS
            and any(map(is_question, sentences(text)))
        )
    ):
        scores["greeting"] = 0.0

    ranked = sorted(
        (IntentScore(intent, round(value, 2), tuple(evidence.get(intent, ())))
         for intent, value in scores.items() if value > 0),
        key=lambda s: s.score,
        reverse=True,
    )  # fmt: skip
    if not ranked or ranked[0].score < _THRESHOLD:
        return [IntentScore("unknown", 0.0, ()), *ranked]
    return ranked

"""Carrier answers: support, tracking links, number detection; facts only from the registry."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, cast

from rakuten_assist.i18n import percent
from rakuten_assist.i18n import say as render
from rakuten_assist.support._answer import Answer
from rakuten_assist.support._entity_types import CarrierMention
from rakuten_assist.support._lang import Lang
from rakuten_assist.support._postcodes import postcode_country
from rakuten_assist.support._sources import Source
from rakuten_assist.support._texts import needs_text, say

if TYPE_CHECKING:
    from rakuten_assist.carriers import Carrier, Mistyped
    from rakuten_assist.support._texts import Surface

__all__ = [
    "answer_ask_carrier",
    "answer_ask_number",
    "answer_carrier_rules",
    "answer_carriers",
    "answer_detect",
    "answer_own_delivery",
    "answer_tracking_url",
    "carrier_facts",
    "carrier_source",
    "read_as",
    "shown",
]


def shown(carrier: Any, lang: Lang) -> str:
    """The carrier's name as an answer in ``lang`` says it (the ``carrier_names`` catalogue:
    "DPD Allemagne" in French), the one name of that carrier within an answer."""
    from rakuten_assist.carriers.words import carrier_name

    return str(carrier_name(carrier).render(lang))


#: words too short or too common to tell a name apart ("la", "so", "de")
_MIN_NAME_WORD = 3
#: how alike two words must be (rapidfuzz ratio) to count as one ("letre" and "lettre")
_SAME_WORD = 70


def read_as(mention: CarrierMention, lang: Lang) -> str | None:
    """ "I read « lettre recommandée » as La Poste Lettre suivie" when the words typed are
    not the carrier's own name (an alias for another product, a former name): the merchant
    sees the substitution. None when every word typed is in the carrier's names."""
    from rapidfuzz import fuzz

    from rakuten_assist.support._lang import fold

    carrier = mention.carrier
    names = " ".join(
        [carrier.name, carrier.id.replace("-", " "), shown(carrier, lang), *carrier.rakuten_names]
    )
    own = set(re.findall(r"[a-z0-9]+", fold(names)))
    typed = [w for w in re.findall(r"[a-z0-9]+", fold(mention.text)) if len(w) >= _MIN_NAME_WORD]
    # a spelling of the name ("relais" for "relay") is the name
    if all(any(fuzz.ratio(word, name) >= _SAME_WORD for name in own) for word in typed):
        return None
    query = " ".join(re.sub(r"[()\[\]]", " ", mention.text).split())
    return say("carrier.read_as", lang, query=query, name=shown(carrier, lang))


def _get(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def carrier_source(carrier: Any) -> Source:
    """The citation of a registry entry: id, date of the registry entry and confidence.

    The date is when the registry entry was last updated from its sources (carriers.md: no
    URL was opened live), so it is cited as "registry updated", never "checked".
    """
    evidence = _get(carrier, "evidence")
    return Source(
        kind="carrier",
        ref=carrier.id,
        updated=_get(carrier, "written") or None,
        url_evidence=_get(evidence, "url") if evidence is not None else None,
        format_evidence=_get(evidence, "format") if evidence is not None else None,
    )


def carrier_facts(
    carrier: Any,
    *,
    query: str | None = None,
    number: str | None = None,
    postcode: str | None = None,
    country: str | None = None,
    lang: Lang = "en",
) -> dict[str, Any]:
    """The registry's answer for one carrier, as ``carriers check --json`` gives it.

    The user's own words are checked first (so "So Colissimo" keeps its Rakuten name), then
    the carrier id. Without a number the tracking URL is the registry's example, built from
    its sample number and flagged ``example``; nothing is invented when it refuses. Its
    sentences (``message``, ``warnings``, the number's ``reason``) are in ``lang``.
    """
    from rakuten_assist.carriers import check_carrier

    check = None
    if query:
        check = check_carrier(
            query, number=number, postcode=postcode, country=country, message_lang=lang
        )
        if check.carrier is None or check.carrier.id != carrier.id:
            check = None
    if check is None:
        check = check_carrier(
            carrier.id, number=number, postcode=postcode, country=country, message_lang=lang
        )
    facts: dict[str, Any] = {
        "id": carrier.id,
        "name": carrier.name,
        "display_name": shown(carrier, lang),
        "rakuten_name": check.rakuten_name or carrier.rakuten_name,
        "supported": bool(check.supported),
        "tracking_url": check.tracking_url,
        "example": bool(check.example),
        "url_template": carrier.url_template,
        "needs": [str(n) for n in carrier.needs],
        "no_url_reason": carrier.reason(lang),
        "no_url_reasons": dict(carrier.no_url_reasons or {}),
        "message": check.message,
        "warnings": list(check.warnings),
        # A page one source gives, or sources disagree on: said as `carriers check` says it
        # (the registry's url_agreement, checked at load against the level and the sources).
        "limited_sources": _get(_get(carrier, "evidence"), "url_agreement")
        in {"single", "conflicting"},
        # What the merchant can use instead, from the registry (supported carriers only).
        "alternatives": [shown(s, lang) for s in check.suggestions if s.url_template is not None]
        if not check.supported
        else [],
    }
    if number is not None and check.number is not None:
        facts["number"] = {**check.number.to_dict(), "reason": check.number.reason_in(lang)}
    return facts


def _reason(facts: dict[str, Any], lang: Lang) -> str:
    """Why a carrier cannot be used, in ``lang`` (the registry's text; English otherwise)."""
    reasons = facts.get("no_url_reasons") or {}
    return str(reasons.get(lang) or reasons.get("en") or facts.get("no_url_reason") or "")


def _carrier_line(facts: dict[str, Any], lang: Lang) -> str:
    name = f"**{facts['display_name']}**"
    rakuten = facts["rakuten_name"]
    if not facts["supported"]:
        line = say("carrier.refused", lang, name=name, reason=_reason(facts, lang))
        alternatives = ", ".join(facts.get("alternatives") or [])
        if alternatives:
            line += " " + say("carrier.instead", lang, alternatives=alternatives)
        return line
    if rakuten == "Autre":
        line = say("carrier.yes_other", lang, name=name)
    else:
        line = say("carrier.yes", lang, name=name, rakuten=rakuten)
    if facts["tracking_url"]:
        line += " " + say("carrier.example_link", lang, url=facts["tracking_url"])
    elif facts["url_template"]:
        line += " " + say("carrier.link_pattern", lang, pattern=facts["url_template"])
    if facts["needs"]:
        line += " " + say("carrier.needs", lang, needs=needs_text(facts["needs"], lang))
    if facts["limited_sources"]:
        line += " " + say("carrier.limited_sources", lang)
    return line


def _names(carriers: Sequence[Any], lang: Lang) -> str:
    names: list[str] = [shown(c, lang) for c in carriers]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + say("list_or", lang) + names[-1]


def _all_supported(mention: CarrierMention) -> bool:
    """Every carrier the words can mean has a tracking page Rakuten can use."""
    return all(c.url_template is not None for c in mention.candidates)


def _ambiguous_line(mention: CarrierMention, lang: Lang) -> str:
    names = _names(mention.candidates, lang)
    key = "carrier.ambiguous_all_supported" if _all_supported(mention) else "carrier.ambiguous"
    return say(key, lang, query=mention.text, names=names)


def _unknown_line(query: str, lang: Lang) -> tuple[str, list[str]]:
    from rakuten_assist.carriers import check_carrier

    closest = list(check_carrier(query).suggestions)
    line = say("carrier.unknown", lang, query=query)
    if closest:
        line += " " + say("carrier.closest", lang, names=", ".join(shown(c, lang) for c in closest))
    return line, [c.id for c in closest]


def answer_carriers(
    mentions: Sequence[CarrierMention],
    lang: Lang,
    *,
    unknown: Sequence[str] = (),
    platforms: Sequence[str] = (),
) -> Answer:
    """Is each named carrier supported, under which Rakuten name, with an example link.

    A name the registry finds ambiguous ("DHL") gets its candidates and a question, never a
    silent choice; a name it does not know gets "not in the registry" and the closest ones.
    """
    resolved = [m for m in mentions if not m.ambiguous]
    carriers = [carrier_facts(m.carrier, query=m.text, lang=lang) for m in resolved]
    lines: list[str] = []
    ambiguous: list[dict[str, Any]] = []
    read: dict[str, str] = {}
    sources = [carrier_source(m.carrier) for m in resolved]
    for mention in mentions:
        if mention.ambiguous:
            lines.append(_ambiguous_line(mention, lang))
            ambiguous.append(
                {
                    "query": mention.text,
                    "candidates": [c.id for c in mention.candidates],
                    "all_supported": _all_supported(mention),
                }
            )
            sources.extend(carrier_source(c) for c in mention.candidates)
        else:
            line = _carrier_line(carriers[resolved.index(mention)], lang)
            note = read_as(mention, lang)
            if note:
                # first, so the merchant reads the substitution before the verdict
                line = f"- {note} {line.removeprefix('- ')}"
                read[mention.text] = mention.carrier.id
            lines.append(line)
    for platform in platforms:
        lines.append(say("carrier.platform", lang, name=platform))
    if platforms:
        sources.append(Source(kind="platforms", names=tuple(platforms)))
    closest: dict[str, list[str]] = {}
    for query in unknown:
        line, closest[query] = _unknown_line(query, lang)
        lines.append(line)
    if unknown:
        sources.append(Source(kind="not_found", names=tuple(unknown)))
    intro = say("carrier.intro", lang)
    suggestions: list[str] = [
        say("carrier.is_supported", lang, name=shown(c, lang))
        for mention in mentions
        if mention.ambiguous
        for c in mention.candidates
    ]
    if not suggestions and carriers and carriers[0]["url_template"]:
        # Only carriers with a tracking page get a "tracking link" quick reply.
        suggestions.append(say("carrier.link_for", lang, name=carriers[0]["display_name"]))
    if not ambiguous:
        suggestions.append(say("carrier.which_for_number", lang))
    facts: dict[str, Any] = {
        "carriers": carriers,
        "carrier_ids": [c["id"] for c in carriers],
        "ambiguous": ambiguous,
        "unknown": list(unknown),
        "platforms": list(platforms),
        "closest": closest,
        # the words typed that are not the carrier's own name -> the carrier they were read as
        "read_as": read,
    }
    if unknown and not mentions and not platforms:
        # Only names the registry does not know: whether Rakuten takes them is not known
        # here, so this is the honest "I don't know", with who can answer.
        lines.append(say("who.rakuten_seller_support", lang))
        facts.update(escalate=True, who="rakuten_seller_support")
    return Answer(
        intent="unknown" if facts.get("escalate") else "carrier_support",
        lang=lang,
        text="\n".join([intro, *lines]),
        facts=facts,
        suggestions=suggestions,
        sources=sources,
    )


def answer_tracking_url(
    mention: CarrierMention,
    lang: Lang,
    *,
    number: str,
    postcode: str | None = None,
    country: str | None = None,
) -> Answer:
    """The exact tracking URL for a carrier and number, or what is missing to build it.

    ``country``: the buyer's country the message says; else the one the postcode's own
    shape says ("1012 AB" is Dutch), for the carriers whose link needs it (PostNL).
    """
    from rakuten_assist.carriers import tracking_url
    from rakuten_assist.errors import (
        MissingCarrierInputError,
        NoTrackingPageError,
        RakutenAssistError,
    )

    facts = carrier_facts(
        mention.carrier, query=mention.text, number=number, postcode=postcode, lang=lang
    )
    carrier = mention.carrier
    url: str | None = None
    missing: list[str] = []
    problem: str | None = None
    no_page = False
    if "country" in carrier.needs:
        country = country or postcode_country(postcode)
    else:
        country = None
    try:
        url = tracking_url(carrier, number, postcode=postcode, country=country)
    except RakutenAssistError as exc:
        missing = exc.missing if isinstance(exc, MissingCarrierInputError) else []
        no_page = isinstance(exc, NoTrackingPageError)
        problem = "no_tracking_page" if no_page else ("missing" if missing else "number")
    name, rakuten = shown(carrier, lang), facts["rakuten_name"]
    if url:
        text = say("link.url", lang, name=name, number=number, url=url, rakuten=rakuten)
        suggestions = [say("link.is_supported", lang)]
    elif missing:
        needs = "link.needs_postcode" if "postal_code" in missing else "link.needs_country"
        text = say(needs, lang, name=name, number=number)
        # Never a postcode as a quick reply: a made-up value would build a wrong link.
        suggestions = []
    elif no_page:
        # The carrier has no page to link to: the registry's reason, in the user's language.
        text = say("link.no_page", lang, name=name, number=number, reason=_reason(facts, lang))
        alternatives = ", ".join(facts.get("alternatives") or [])
        if alternatives:
            text += " " + say("carrier.instead", lang, alternatives=alternatives)
        suggestions = []
    else:
        text = _number_refused(carrier, number, name, lang)
        suggestions = [say("link.which_carrier", lang, number=number)]
    note = read_as(mention, lang)
    if note:
        text = note + "\n\n" + text
    return Answer(
        intent="tracking_url",
        lang=lang,
        text=text,
        facts={
            "carriers": [facts],
            "carrier_ids": [carrier.id],
            "read_as": {mention.text: carrier.id} if note else {},
            "number": number,
            "postcode": postcode,
            "country": country,
            "tracking_url": url,
            "transporter_name": rakuten,
            "missing": missing,
            "problem": problem,
            # the number's own check digit proves this carrier: said as a detection says it
            "candidate_ids": [carrier.id] if _proves(number, carrier) else [],
        },
        suggestions=suggestions,
        sources=[carrier_source(carrier)],
    )


def _proves(number: str, carrier: Carrier) -> bool:
    """Whether ``number``'s own check digit proves ``carrier`` (well ahead of any other)."""
    from rakuten_assist.support._number_talk import proven_by

    found = proven_by(number)
    return found is not None and found.carrier.id == carrier.id


def _number_refused(carrier: Carrier, number: str, name: str, lang: Lang) -> str:
    """Why no link is built for a number the carrier's formats refuse: its check digit
    when the number has one of the carrier's specific shapes (a typo), else its shape."""
    from rakuten_assist.carriers import mistyped_carriers
    from rakuten_assist.carriers.words import format_name
    from rakuten_assist.errors import RakutenAssistError

    try:
        mistyped = mistyped_carriers(number, among=[carrier])
    except RakutenAssistError:
        mistyped = []
    if mistyped:
        shape = str(format_name(mistyped[0].format).render(lang))
        return say("link.number_mistyped", lang, name=name, number=number, format=shape)
    return say("link.number_refused", lang, name=name, number=number)


def answer_carrier_rules(lang: Lang, *, surface: Surface = "cli") -> Answer:
    """Carriers in general: Rakuten names, `Autre`, the mandatory tracking URL; where every
    carrier is listed is said for the screen it is read on (the bot's carriers tab, or the
    command line's ``carriers list``)."""
    listed = say(f"carrier.list_all_{surface}", lang)
    text = say("carrier.url_rule", lang) + "\n\n" + say("carrier.name_yours", lang, listed=listed)
    return Answer(
        intent="carrier_support",
        lang=lang,
        text=text,
        facts={"carriers": [], "carrier_ids": [], "other_name": "Autre", "url_required": True},
        suggestions=[
            say("next.test_order", lang),
            say("carrier.is_supported", lang, name="Mondial Relay"),
        ],
        sources=[Source(kind="registry"), Source.error("rakuten.tracking_url_mandatory")],
    )


def answer_own_delivery(lang: Lang) -> Answer:
    """The merchant delivers himself: no carrier of Rakuten's list; `Autre` is the nearest
    value and needs a tracking URL; nothing published covers deliveries without a tracking
    page, so Rakuten's seller support is who can say (reference: rakuten-api.md §shipping)."""
    text = say("carrier.own_delivery", lang) + "\n\n" + say("who.rakuten_seller_support", lang)
    own = {"name": "own delivery", "rakuten_name": "Autre", "url_required": True}
    return Answer(
        intent="carrier_support",
        lang=lang,
        text=text,
        facts={
            "carriers": [own],
            "carrier_ids": [],
            "own_delivery": True,
            "other_name": "Autre",
            "url_required": True,
            "who": "rakuten_seller_support",
        },
        suggestions=[say("next.test_order", lang)],
        sources=[Source(kind="registry"), Source.error("rakuten.tracking_url_mandatory")],
    )


def answer_ask_number(mention: CarrierMention, lang: Lang) -> Answer:
    """A tracking link for a named carrier without a number: ask for the number, unless the
    carrier has no page to link to whatever the number (Amazon Logistics, Heppner): then no
    at once, with the registry's reason and what to use instead."""
    facts = carrier_facts(mention.carrier, query=mention.text, lang=lang)
    name = facts["display_name"]
    note = read_as(mention, lang)
    lead = note + "\n\n" if note else ""
    if mention.carrier.url_template is None:
        text = lead + say("link.no_page_any", lang, name=name, reason=_reason(facts, lang))
        alternatives = ", ".join(facts.get("alternatives") or [])
        if alternatives:
            text += " " + say("carrier.instead", lang, alternatives=alternatives)
        outcome: dict[str, Any] = {
            "transporter_name": facts["rakuten_name"],
            "missing": [],
            "problem": "no_tracking_page",
        }
    else:
        text = lead + say("link.ask_number", lang, name=name, rakuten=facts["rakuten_name"])
        if facts["tracking_url"]:
            text += "\n\n" + say("link.sample", lang, url=facts["tracking_url"])
        outcome = {"missing": ["number"]}
    return Answer(
        intent="tracking_url",
        lang=lang,
        text=text,
        facts={"carriers": [facts], "carrier_ids": [facts["id"]], "tracking_url": None, **outcome},
        suggestions=[],
        sources=[carrier_source(mention.carrier)],
    )


#: a question about the link's form, not a request for one: "doit commencer par https ?",
#: "a bit.ly link?", "without the number in it?" (folded text)
_ASKS_FORM = re.compile(
    r"\bhttps?\b|\bbit ?\.? ?ly\b|raccourc|\bshort(?:en|ened)?\b|"
    r"\bsans (?:le |son )?numero\b|\bwithout (?:the |its )?(?:tracking )?number\b|"
    r"\bcommencer par\b|\bstart(?:s)? with\b|\bformat\b|\bforme\b"
)

#: a link sent that does not work for the buyer: "le lien ne marche pas", "opens an empty
#: page" (folded text)
_SAYS_BROKEN = re.compile(
    r"\bne (?:marche|fonctionne|s.ouvre|mene a rien)\b|\bmarche (?:pas|plus)\b|"
    r"\bpage (?:vide|blanche)\b|\bempty page\b|\bblank page\b|\b404\b|\bcasse\b|"
    r"\bbroken\b|\b(?:does ?n.t|does not|do ?n.t|do not) (?:work|open)\b|\bnot working\b|"
    r"\bca marche pas\b|\bn.arrive pas a (?:l.)?ouvrir\b|\bcan.?t open\b"
)


def answer_ask_carrier(lang: Lang, *, question: str = "") -> Answer:
    """A tracking link was asked for without carrier or number: ask for both. A question
    about the link's form ("must it start with https?") gets what is known of the form:
    Rakuten publishes no rule; the link is e-mailed to the buyer, so it is the carrier's own
    page with the number in it."""
    from rakuten_assist.support._lang import fold

    folded = fold(question)
    rule = (
        "link.broken"
        if _SAYS_BROKEN.search(folded)
        else "link.form"
        if _ASKS_FORM.search(folded)
        else "carrier.url_rule"
    )
    return Answer(
        intent="tracking_url",
        lang=lang,
        # the broken-link text already asks for the carrier and the number
        text=say(rule, lang)
        + ("" if rule == "link.broken" else "\n\n" + say("link.ask_both", lang)),
        facts={"tracking_url": None, "missing": ["carrier", "number"], "url_required": True},
        suggestions=[say("next.carriers", lang)],
        sources=[Source(kind="registry"), Source.error("rakuten.tracking_url_mandatory")],
    )


def number_fits(carrier: Carrier, number: str) -> bool | None:
    """Whether the carrier's formats accept ``number``; None when it has no known format."""
    from rakuten_assist.carriers import follow_up

    status = follow_up(carrier, number).status
    return None if status == "no_format" else status == "fits"


def set_aside_key(refused: Carrier, number: str) -> str:
    """Why the carrier spoken of was set aside for ``number``: it has no formats, its
    formats refuse the number, or another carrier is proven by the number's check digit."""
    fits = number_fits(refused, number)
    if fits is None:
        return "detect.no_format"
    return "detect.outranked" if fits else "detect.refused"


def _mistyped(number: str, refused: Carrier | None) -> list[Mistyped]:
    """The carriers whose own number shape ``number`` has with a wrong check digit."""
    from rakuten_assist.carriers import mistyped_carriers
    from rakuten_assist.errors import TrackingNumberError

    try:
        found = mistyped_carriers(number)
    except TrackingNumberError:
        return []
    return [m for m in found if refused is None or m.carrier.id != refused.id]


def answer_detect(number: str, lang: Lang, *, refused: Carrier | None = None) -> Answer:
    """Which carriers a tracking number can belong to, most likely first, and how sure.

    Args:
        number: the tracking number.
        lang: the answer's language.
        refused: the carrier spoken of before, whose formats refuse the number (or that has
            no format to check it against): said first, and never offered as a candidate.
    """
    from rakuten_assist.carriers import detect_carrier

    candidates = [
        c for c in detect_carrier(number) if refused is None or c.carrier.id != refused.id
    ]
    rows = [
        {
            "carrier": c.carrier.id,
            "name": c.carrier.name,
            "display_name": shown(c.carrier, lang),
            "confidence": round(float(c.confidence), 2),
            "checksum": bool(c.checksum),
        }
        for c in candidates
    ]
    mistyped = [] if rows else _mistyped(number, refused)
    if mistyped:
        # a carrier's own shape with a wrong check digit: a typo in its number, no guess
        names = say("list_or", lang).join(dict.fromkeys(shown(m.carrier, lang) for m in mistyped))
        text = say("detect.mistyped", lang, number=number, names=names)
    elif not rows:
        text = say("detect.none", lang, number=number)
    else:
        lines = []
        for row in rows:
            evidence = say("detect.strong" if row["checksum"] else "detect.weak", lang)
            share = render(percent(cast(float, row["confidence"])), lang)
            lines.append(f"- **{row['display_name']}** ({share}, {evidence})")
        text = "\n".join([say("detect.intro", lang, number=number), *lines])
    if refused is not None:
        key = set_aside_key(refused, number)
        text = say(key, lang, name=shown(refused, lang), number=number) + "\n\n" + text
    return Answer(
        intent="detect_carrier",
        lang=lang,
        text=text,
        facts={
            "number": number,
            "refused_carrier": refused.id if refused is not None else None,
            "candidates": rows,
            "candidate_ids": [r["carrier"] for r in rows],
            "mistyped_for": [m.carrier.id for m in mistyped],
        },
        # A "tracking link" quick reply only for a carrier that has a tracking page.
        suggestions=[
            say("detect.link_for", lang, name=shown(candidates[0].carrier, lang), number=number)
        ]
        if candidates and candidates[0].carrier.url_template is not None
        else [],
        sources=[carrier_source(c.carrier) for c in candidates[:3]] or [Source(kind="no_format")],
    )

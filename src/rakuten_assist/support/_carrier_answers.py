"""Carrier answers: support, tracking links, number detection; facts only from the registry."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rakuten_assist.support._answer import Answer
from rakuten_assist.support._entities import CarrierMention
from rakuten_assist.support._lang import Lang
from rakuten_assist.support._texts import needs_text, t

__all__ = [
    "answer_ask_carrier",
    "answer_ask_number",
    "answer_carrier_rules",
    "answer_carriers",
    "answer_detect",
    "answer_tracking_url",
    "carrier_facts",
    "carrier_source",
]


def _get(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def carrier_source(carrier: Any) -> str:
    """The citation of a registry entry: id, date of the registry entry and confidence.

    The date is when the registry entry was last updated from its sources (carriers.md: no
    URL was opened live), so it is cited as "registry updated", never "checked".
    """
    details = []
    updated = _get(carrier, "last_checked")
    if updated:
        details.append(f"registry updated {updated}")
    confidence = _get(carrier, "confidence")
    if confidence is not None:
        details.append(
            f"confidence url {_get(confidence, 'url')}, format {_get(confidence, 'format')}"
        )
    suffix = f" ({', '.join(details)})" if details else ""
    return f"carrier registry: {carrier.id}{suffix}"


def carrier_facts(
    carrier: Any,
    *,
    query: str | None = None,
    number: str | None = None,
    postcode: str | None = None,
    country: str | None = None,
) -> dict[str, Any]:
    """The registry's answer for one carrier, as ``carriers check --json`` gives it.

    The user's own words are checked first (so "So Colissimo" keeps its Rakuten name), then
    the carrier id. Without a number the tracking URL is the registry's example, built from
    its sample number and flagged ``example``; nothing is invented when it refuses.
    """
    from rakuten_assist.carriers import check_carrier

    check = None
    if query:
        check = check_carrier(query, number=number, postcode=postcode, country=country)
        if check.carrier is None or check.carrier.id != carrier.id:
            check = None
    if check is None:
        check = check_carrier(carrier.id, number=number, postcode=postcode, country=country)
    facts: dict[str, Any] = {
        "id": carrier.id,
        "name": carrier.name,
        "rakuten_name": check.rakuten_name or carrier.rakuten_name,
        "supported": bool(check.supported),
        "tracking_url": check.tracking_url,
        "example": bool(check.example),
        "url_template": carrier.url_template,
        "needs": [str(n) for n in carrier.needs],
        "no_url_reason": carrier.no_url_reason,
        "no_url_reason_fr": carrier.no_url_reason_fr,
        "message": check.message,
        "warnings": list(check.warnings),
        # A page known from few sources (registry confidence S, I or X): say so in the answer.
        "limited_sources": _get(_get(carrier, "confidence"), "url") in {"S", "I", "X"},
        # What the merchant can use instead, from the registry (supported carriers only).
        "alternatives": [s.name for s in check.suggestions if s.url_template is not None]
        if not check.supported
        else [],
    }
    if number is not None and check.number is not None:
        facts["number"] = check.number.to_dict()
    return facts


def _carrier_line(facts: dict[str, Any], lang: Lang) -> str:
    name = f"**{facts['name']}**"
    rakuten = facts["rakuten_name"]
    if not facts["supported"]:
        reason = t(lang, facts["no_url_reason"] or "", facts["no_url_reason_fr"] or "")
        line = t(
            lang,
            f"- {name}: **no**, it cannot be used for Rakuten shipments. {reason} Rakuten needs a "
            "tracking URL the buyer can open for every shipment.",
            f"- {name} : **non**, il ne peut pas servir pour les expéditions Rakuten. {reason} "
            "Rakuten exige pour chaque expédition une URL de suivi que l'acheteur peut ouvrir.",
        )
        alternatives = ", ".join(facts.get("alternatives") or [])
        if alternatives:
            line += t(
                lang,
                f" Supported carriers to use instead: {alternatives}.",
                f" Transporteurs acceptés à utiliser à la place : {alternatives}.",
            )
        return line
    if rakuten == "Autre":
        line = t(
            lang,
            f"- {name}: **yes**, but it is not on Rakuten's carrier list: send transporter "
            "`Autre` and the tracking URL, which is then mandatory.",
            f"- {name} : **oui**, mais il n'est pas dans la liste de Rakuten : envoyez le "
            "transporteur `Autre` et l'URL de suivi, alors obligatoire.",
        )
    else:
        line = t(
            lang,
            f"- {name}: **yes**, send it to Rakuten as transporter `{rakuten}`, with the "
            "tracking URL.",
            f"- {name} : **oui**, à envoyer à Rakuten comme transporteur `{rakuten}`, avec "
            "l'URL de suivi.",
        )
    if facts["tracking_url"]:
        line += t(
            lang,
            f" Example link (registry sample number, not yours): {facts['tracking_url']}",
            f" Exemple de lien (numéro d'exemple du registre) : {facts['tracking_url']}",
        )
    elif facts["url_template"]:
        line += t(
            lang,
            f" Link pattern: `{facts['url_template']}`",
            f" Modèle de lien : `{facts['url_template']}`",
        )
    if facts["needs"]:
        line += t(
            lang,
            f" The link needs {needs_text(facts['needs'], lang)} to open the parcel's page.",
            f" Le lien nécessite {needs_text(facts['needs'], lang)} pour ouvrir la page du colis.",
        )
    if facts["limited_sources"]:
        line += t(
            lang,
            " Its tracking page is known from limited sources: open the link once to be sure.",
            " Sa page de suivi n'est connue que de sources limitées : ouvrez le lien une fois "
            "pour vous en assurer.",
        )
    return line


def _names(carriers: Sequence[Any], lang: Lang) -> str:
    names: list[str] = [str(c.name) for c in carriers]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + t(lang, " or ", " ou ") + names[-1]


def _ambiguous_line(mention: CarrierMention, lang: Lang) -> str:
    names = _names(mention.candidates, lang)
    return t(
        lang,
        f"- `{mention.text}` can mean {names}: which one do you ship with?",
        f"- `{mention.text}` peut désigner {names} : lequel utilisez-vous ?",
    )


def _unknown_line(query: str, lang: Lang) -> tuple[str, list[str]]:
    from rakuten_assist.carriers import check_carrier

    closest = list(check_carrier(query).suggestions)
    line = t(
        lang,
        f"- `{query}`: not in the carrier registry, so I cannot say whether Rakuten takes it; "
        "we never invent a tracking URL.",
        f"- `{query}` : absent du registre des transporteurs, je ne peux pas dire si Rakuten "
        "l'accepte ; nous n'inventons jamais d'URL de suivi.",
    )
    if closest:
        line += t(
            lang,
            f" Closest carriers in the registry: {', '.join(c.name for c in closest)}.",
            f" Transporteurs les plus proches du registre : {', '.join(c.name for c in closest)}.",
        )
    return line, [c.id for c in closest]


def answer_carriers(
    mentions: Sequence[CarrierMention], lang: Lang, *, unknown: Sequence[str] = ()
) -> Answer:
    """Is each named carrier supported, under which Rakuten name, with an example link.

    A name the registry finds ambiguous ("DHL") gets its candidates and a question, never a
    silent choice; a name it does not know gets "not in the registry" and the closest ones.
    """
    resolved = [m for m in mentions if not m.ambiguous]
    carriers = [carrier_facts(m.carrier, query=m.text) for m in resolved]
    lines: list[str] = []
    ambiguous: list[dict[str, Any]] = []
    sources = [carrier_source(m.carrier) for m in resolved]
    for mention in mentions:
        if mention.ambiguous:
            lines.append(_ambiguous_line(mention, lang))
            ambiguous.append(
                {"query": mention.text, "candidates": [c.id for c in mention.candidates]}
            )
            sources.extend(carrier_source(c) for c in mention.candidates)
        else:
            lines.append(_carrier_line(carriers[resolved.index(mention)], lang))
    closest: dict[str, list[str]] = {}
    for query in unknown:
        line, closest[query] = _unknown_line(query, lang)
        lines.append(line)
    if unknown:
        sources.append("carrier registry: " + ", ".join(f"{q!r} not found" for q in unknown))
    intro = t(
        lang, "Carriers for Rakuten shipments:", "Transporteurs pour les expéditions Rakuten :"
    )
    suggestions: list[str] = [
        t(lang, f"is {c.name} supported?", f"{c.name} est accepté ?")
        for mention in mentions
        if mention.ambiguous
        for c in mention.candidates
    ]
    if not suggestions and carriers and carriers[0]["url_template"]:
        # Only carriers with a tracking page get a "tracking link" quick reply.
        suggestions.append(
            t(
                lang,
                f"tracking link for {carriers[0]['name']}",
                f"lien de suivi {carriers[0]['name']}",
            )
        )
    if not ambiguous:
        suggestions.append(
            t(lang, "which carrier is this number?", "quel transporteur pour ce numéro ?")
        )
    return Answer(
        intent="carrier_support",
        lang=lang,
        text="\n".join([intro, *lines]),
        facts={
            "carriers": carriers,
            "carrier_ids": [c["id"] for c in carriers],
            "ambiguous": ambiguous,
            "unknown": list(unknown),
            "closest": closest,
        },
        suggestions=suggestions,
        sources=sources,
    )


def answer_tracking_url(
    mention: CarrierMention,
    lang: Lang,
    *,
    number: str,
    postcode: str | None = None,
) -> Answer:
    """The exact tracking URL for a carrier and number, or what is missing to build it."""
    from rakuten_assist.carriers import tracking_url
    from rakuten_assist.errors import MissingCarrierInputError, RakutenAssistError

    facts = carrier_facts(mention.carrier, query=mention.text, number=number, postcode=postcode)
    carrier = mention.carrier
    url: str | None = None
    missing: list[str] = []
    problem: str | None = None
    try:
        url = tracking_url(carrier, number, postcode=postcode)
    except RakutenAssistError as exc:
        missing = exc.missing if isinstance(exc, MissingCarrierInputError) else []
        problem = exc.message + (f" {exc.fix}" if exc.fix else "")
    name, rakuten = carrier.name, facts["rakuten_name"]
    if url:
        text = t(
            lang,
            f"Tracking URL for **{name}** `{number}`:\n\n{url}\n\nSend it with transporter "
            f"`{rakuten}` and tracking number `{number}`.",
            f"URL de suivi **{name}** pour `{number}` :\n\n{url}\n\nÀ envoyer avec le "
            f"transporteur `{rakuten}` et le numéro `{number}`.",
        )
        suggestions = [t(lang, "is this carrier supported?", "ce transporteur est-il accepté ?")]
    elif missing:
        text = t(
            lang,
            f"**{name}** needs the buyer's postcode to build a working link for `{number}`. "
            "What is the delivery postcode?",
            f"**{name}** a besoin du code postal de l'acheteur pour un lien qui fonctionne "
            f"avec `{number}`. Quel est le code postal de livraison ?",
        )
        # Never a postcode as a quick reply: a made-up value would build a wrong link.
        suggestions = []
    else:
        # The error's message is English: French gets the same fact in French.
        text = t(
            lang,
            f"I cannot build a tracking URL for **{name}** `{number}`: {problem}",
            f"Je ne peux pas construire d'URL de suivi **{name}** pour `{number}` : ce numéro "
            f"ne correspond pas aux numéros {name}. Recopiez-le depuis l'étiquette, ou "
            "vérifiez le transporteur.",
        )
        suggestions = [t(lang, f"which carrier is {number}?", f"quel transporteur pour {number} ?")]
    return Answer(
        intent="tracking_url",
        lang=lang,
        text=text,
        facts={
            "carriers": [facts],
            "carrier_ids": [carrier.id],
            "number": number,
            "postcode": postcode,
            "tracking_url": url,
            "transporter_name": rakuten,
            "missing": missing,
            "problem": problem,
        },
        suggestions=suggestions,
        sources=[carrier_source(carrier)],
    )


_URL_RULE = {
    "en": "Every shipment confirmed to Rakuten needs the transporter name, the tracking number "
    "and a tracking URL. A carrier that is not on Rakuten's list is sent as `Autre`, and then "
    "the tracking URL is mandatory (Rakuten refuses it otherwise; its exact message is not "
    "known, the sandbox says \"The parameter 'tracking_url' is mandatory.\").",
    "fr": "Chaque expédition confirmée à Rakuten demande le nom du transporteur, le numéro de "
    "suivi et une URL de suivi. Un transporteur absent de la liste de Rakuten est envoyé comme "
    "`Autre`, et l'URL de suivi est alors obligatoire (sinon Rakuten refuse ; son message "
    "exact n'est pas connu, le bac à sable dit \"The parameter 'tracking_url' is "
    'mandatory.").',
}


def answer_carrier_rules(lang: Lang) -> Answer:
    """Carriers in general: Rakuten names, `Autre`, the mandatory tracking URL."""
    text = _URL_RULE[lang] + t(
        lang,
        '\n\nName your carrier ("is Mondial Relay supported?") and I will give its Rakuten '
        "name and an example link; `rakuten-assist carriers list` lists them all.",
        "\n\nNommez votre transporteur (« Mondial Relay est accepté ? ») et je vous donne son "
        "nom Rakuten et un exemple de lien ; `rakuten-assist carriers list` les liste tous.",
    )
    return Answer(
        intent="carrier_support",
        lang=lang,
        text=text,
        facts={"carriers": [], "carrier_ids": [], "other_name": "Autre", "url_required": True},
        suggestions=[t(lang, "is Mondial Relay supported?", "Mondial Relay est accepté ?")],
        sources=["carrier registry", "error catalogue: rakuten.tracking_url_mandatory"],
    )


def answer_ask_number(mention: CarrierMention, lang: Lang) -> Answer:
    """A tracking link for a named carrier without a number: ask for the number."""
    facts = carrier_facts(mention.carrier, query=mention.text)
    name = facts["name"]
    text = t(
        lang,
        f"Which **{name}** tracking number? Send it and I will build the exact link sent to "
        f"Rakuten (transporter `{facts['rakuten_name']}`).",
        f"Quel numéro de suivi **{name}** ? Envoyez-le et je construis le lien exact envoyé à "
        f"Rakuten (transporteur `{facts['rakuten_name']}`).",
    )
    if facts["tracking_url"]:
        text += t(
            lang,
            f"\n\nExample with the registry's sample number: {facts['tracking_url']}",
            f"\n\nExemple avec le numéro d'exemple du registre : {facts['tracking_url']}",
        )
    return Answer(
        intent="tracking_url",
        lang=lang,
        text=text,
        facts={
            "carriers": [facts],
            "carrier_ids": [facts["id"]],
            "tracking_url": None,
            "missing": ["number"],
        },
        suggestions=[],
        sources=[carrier_source(mention.carrier)],
    )


def answer_ask_carrier(lang: Lang) -> Answer:
    """A tracking link was asked for without carrier or number: ask for both."""
    return Answer(
        intent="tracking_url",
        lang=lang,
        text=_URL_RULE[lang]
        + t(
            lang,
            "\n\nTell me the carrier and the tracking number and I will build the link, for "
            "example: `tracking link Colissimo 6A12345678905`.",
            "\n\nDonnez-moi le transporteur et le numéro de suivi et je construis le lien, par "
            "exemple : `lien de suivi Colissimo 6A12345678905`.",
        ),
        facts={"tracking_url": None, "missing": ["carrier", "number"], "url_required": True},
        suggestions=[
            t(lang, "which carriers are supported?", "quels transporteurs sont acceptés ?")
        ],
        sources=["carrier registry", "error catalogue: rakuten.tracking_url_mandatory"],
    )


def answer_detect(number: str, lang: Lang) -> Answer:
    """Which carriers a tracking number can belong to, most likely first, and how sure."""
    from rakuten_assist.carriers import detect_carrier

    candidates = detect_carrier(number)
    rows = [
        {
            "carrier": c.carrier.id,
            "name": c.carrier.name,
            "confidence": round(float(c.confidence), 2),
            "checksum": bool(c.checksum),
        }
        for c in candidates
    ]
    if not rows:
        text = t(
            lang,
            f"No carrier in the registry uses numbers shaped like `{number}`. Check the number "
            "on the label, or tell me the carrier.",
            f"Aucun transporteur du registre n'utilise des numéros comme `{number}`. Vérifiez "
            "le numéro sur l'étiquette, ou dites-moi le transporteur.",
        )
    else:
        lines = []
        for row in rows:
            evidence = (
                t(lang, "check digit fits: strong evidence", "clé de contrôle juste : indice fort")
                if row["checksum"]
                else t(lang, "shape only: weak evidence", "forme seulement : indice faible")
            )
            lines.append(f"- **{row['name']}** ({row['confidence']:.0%}, {evidence})")
        text = "\n".join(
            [
                t(
                    lang,
                    f"`{number}` can belong to, most likely first:",
                    f"`{number}` peut appartenir à, du plus probable au moins probable :",
                ),
                *lines,
            ]
        )
    return Answer(
        intent="detect_carrier",
        lang=lang,
        text=text,
        facts={
            "number": number,
            "candidates": rows,
            "candidate_ids": [r["carrier"] for r in rows],
        },
        # A "tracking link" quick reply only for a carrier that has a tracking page.
        suggestions=[
            t(
                lang,
                f"tracking link for {candidates[0].carrier.name} {number}",
                f"lien de suivi {candidates[0].carrier.name} {number}",
            )
        ]
        if candidates and candidates[0].carrier.url_template is not None
        else [],
        sources=[carrier_source(c.carrier) for c in candidates[:3]]
        or ["carrier registry: no carrier's number format fits"],
    )

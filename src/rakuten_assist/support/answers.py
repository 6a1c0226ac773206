"""The answers: Markdown in the user's language, JSON-able facts, quick replies, sources.

Each builder is a pure function of what was understood. Carrier facts come only from the
carrier registry (through ``rakuten_assist.tracking``), error facts from the error catalogue,
setup facts from the checklist; every answer names its sources.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from rakuten_assist.support._entities import CarrierMention
from rakuten_assist.support._lang import Lang
from rakuten_assist.support._texts import CAN_HELP_WITH, DEVELOPER_PAGE, SETUP_STEPS, t
from rakuten_assist.support.errors_catalogue import ErrorMatch
from rakuten_assist.support.intents import Intent

__all__ = [
    "Answer",
    "carrier_facts",
    "carrier_source",
]


class Answer(BaseModel):
    """One reply of the support engine.

    Attributes:
        intent: what the question was understood as (CLI.md ``ask --json`` intents).
        lang: ``"fr"`` or ``"en"``, the user's language.
        text: the reply, Markdown.
        facts: the facts behind the reply, JSON-able (carrier ids, URLs, error ids...).
        suggestions: quick replies the user may send next, in their language.
        sources: where each fact comes from ("carrier registry: ...", "error catalogue: ...").
    """

    model_config = ConfigDict(frozen=True)

    intent: Intent
    lang: Lang
    text: str
    facts: dict[str, Any] = Field(default_factory=dict)
    suggestions: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The ``ask --json`` shape: intent, lang, answer, facts, plus sources and suggestions."""
        return {
            "intent": self.intent,
            "lang": self.lang,
            "answer": self.text,
            "facts": self.facts,
            "sources": list(self.sources),
            "suggestions": list(self.suggestions),
        }


# --- carriers --------------------------------------------------------------------------------


def _get(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def carrier_source(carrier: Any) -> str:
    """The citation of a registry entry: id, date checked and confidence (URL, format)."""
    details = []
    checked = _get(carrier, "last_checked")
    if checked:
        details.append(f"checked {checked}")
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
    from rakuten_assist.tracking import check_carrier

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
        "message": check.message,
        "warnings": list(check.warnings),
    }
    if number is not None and check.number is not None:
        facts["number"] = check.number.to_dict()
    return facts


_NEEDS_LABELS: dict[str, dict[str, str]] = {
    "postal_code": {"en": "the buyer's delivery postcode", "fr": "le code postal de livraison"},
    "country": {"en": "the destination country", "fr": "le pays de destination"},
}


def _carrier_line(facts: dict[str, Any], lang: Lang) -> str:
    name = f"**{facts['name']}**"
    rakuten = facts["rakuten_name"]
    if not facts["supported"]:
        reason = facts["no_url_reason"] or facts["message"] or ""
        return t(
            lang,
            f"- {name}: **no**, it cannot be used for Rakuten shipments. {reason} Rakuten needs a "
            "tracking URL the buyer can open for every shipment.",
            f"- {name} : **non**, il ne peut pas servir pour les expéditions Rakuten. {reason} "
            "Rakuten exige pour chaque expédition une URL de suivi que l'acheteur peut ouvrir.",
        )
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
        needs = ", ".join(_NEEDS_LABELS.get(n, {}).get(lang, n) for n in facts["needs"])
        line += t(
            lang,
            f" The link needs {needs} to open the parcel's page.",
            f" Le lien a besoin de {needs} pour ouvrir la page du colis.",
        )
    return line


def answer_carriers(
    mentions: Sequence[CarrierMention], lang: Lang, *, unknown: Sequence[str] = ()
) -> Answer:
    """Is each named carrier supported, under which Rakuten name, with an example link."""
    carriers = [carrier_facts(m.carrier, query=m.text) for m in mentions]
    lines = [_carrier_line(facts, lang) for facts in carriers]
    for query in unknown:
        lines.append(
            t(
                lang,
                f"- `{query}`: not in the carrier registry, so I cannot say; we never invent a "
                "tracking URL.",
                f"- `{query}` : absent du registre des transporteurs, je ne peux pas répondre ; "
                "nous n'inventons jamais d'URL de suivi.",
            )
        )
    intro = t(
        lang, "Carriers for Rakuten shipments:", "Transporteurs pour les expéditions Rakuten :"
    )
    suggestions = (
        [
            t(
                lang,
                f"tracking link for {carriers[0]['name']}",
                f"lien de suivi {carriers[0]['name']}",
            )
        ]
        if carriers
        else []
    )
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
            "unknown": list(unknown),
        },
        suggestions=suggestions,
        sources=[carrier_source(m.carrier) for m in mentions],
    )


def answer_tracking_url(
    mention: CarrierMention,
    lang: Lang,
    *,
    number: str,
    postcode: str | None = None,
) -> Answer:
    """The exact tracking URL for a carrier and number, or what is missing to build it."""
    from rakuten_assist.errors import RakutenAssistError
    from rakuten_assist.tracking import tracking_url

    facts = carrier_facts(mention.carrier, query=mention.text, number=number, postcode=postcode)
    carrier = mention.carrier
    url: str | None = None
    missing: list[str] = []
    problem: str | None = None
    try:
        url = tracking_url(carrier, number, postcode=postcode)
    except RakutenAssistError as exc:
        missing = [str(m) for m in getattr(exc, "missing", ())]
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
        suggestions = ["75015"]
    else:
        text = t(
            lang,
            f"I cannot build a tracking URL for **{name}** `{number}`: {problem}",
            f"Je ne peux pas construire d'URL de suivi **{name}** pour `{number}` : {problem}",
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
    'the tracking URL is mandatory (Rakuten refuses it otherwise: "The parameter '
    "'tracking_url' is mandatory.\").",
    "fr": "Chaque expédition confirmée à Rakuten demande le nom du transporteur, le numéro de "
    "suivi et une URL de suivi. Un transporteur absent de la liste de Rakuten est envoyé comme "
    "`Autre`, et l'URL de suivi est alors obligatoire (sinon Rakuten refuse : \"The "
    "parameter 'tracking_url' is mandatory.\").",
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
    from rakuten_assist.tracking import detect_carrier

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
        suggestions=[
            t(
                lang,
                f"tracking link for {rows[0]['name']} {number}",
                f"lien de suivi {rows[0]['name']} {number}",
            )
        ]
        if rows
        else [],
        sources=[carrier_source(c.carrier) for c in candidates[:3]],
    )


# --- setup -----------------------------------------------------------------------------------


def answer_login(lang: Lang, *, emails: Sequence[str] = ()) -> Answer:
    """The login is the account name from the user banner, never the e-mail."""
    text = t(
        lang,
        "The login is your seller **account name**, as shown in the Rakuten user banner (top "
        "right once logged in), **not your e-mail address**: Rakuten refuses e-mails as login.",
        "L'identifiant est le **nom de votre compte** vendeur, tel qu'affiché dans le bandeau "
        "utilisateur Rakuten (en haut à droite une fois connecté), **pas votre adresse "
        "e-mail** : Rakuten refuse les e-mails comme identifiant.",
    )
    if emails:
        text += t(
            lang,
            f"\n\n`{emails[0]}` is an e-mail address: replace it with the account name.",
            f"\n\n`{emails[0]}` est une adresse e-mail : remplacez-la par le nom de compte.",
        )
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
        suggestions=[t(lang, "where is the token?", "où trouver le jeton ?")],
        sources=["setup checklist: login", "error catalogue: ours.login_is_email"],
    )


def answer_token(lang: Lang) -> Answer:
    """Where the API token is, and that it is not the web password."""
    text = t(
        lang,
        f"The API token is in your Rakuten seller account: **{DEVELOPER_PAGE}**. Copy it in "
        "full, without spaces; it is **not** your web password. It is secret: never paste it "
        "in a ticket.",
        f"Le jeton d'API se trouve dans votre compte vendeur Rakuten : **{DEVELOPER_PAGE}**. "
        "Copiez-le en entier, sans espaces ; ce n'est **pas** votre mot de passe du site. Il "
        "est secret : ne le collez jamais dans un ticket.",
    )
    return Answer(
        intent="token_help",
        lang=lang,
        text=text,
        facts={"where": DEVELOPER_PAGE, "is_web_password": False},
        suggestions=[t(lang, "run the setup checks", "lancer les vérifications")],
        sources=["setup checklist: token"],
    )


def answer_sku(lang: Lang) -> Answer:
    """Rakuten matches products by SKU: map the product id onto the SKU field."""
    fix = t(
        lang,
        "map your internal product id onto the SKU field in the feed's final step",
        "associez votre identifiant produit interne au champ SKU à la dernière étape du flux",
    )
    text = t(
        lang,
        "Rakuten matches order items to your products by **SKU**. When the orders arrive "
        "with an empty SKU or one your catalogue does not know, " + fix + ", then re-export "
        "the feed. `rakuten-assist match --catalog FEED` shows the match rate and each miss.",
        "Rakuten relie les articles des commandes à vos produits par le **SKU**. Si les "
        "commandes arrivent avec un SKU vide ou inconnu de votre catalogue, " + fix + ", puis "
        "réexportez le flux. `rakuten-assist match --catalog FLUX` montre le taux de "
        "correspondance et chaque échec.",
    )
    return Answer(
        intent="sku_mapping",
        lang=lang,
        text=text,
        facts={"matched_on": "SKU", "feed_field": "SKU", "fix": fix},
        suggestions=[t(lang, "run the setup checks", "lancer les vérifications")],
        sources=["setup checklist: sku_mapping"],
    )


def answer_setup(lang: Lang) -> Answer:
    """The setup checklist, in the doctor's order."""
    steps = [f"{i}. {t(lang, en, fr)}" for i, (_, en, fr) in enumerate(SETUP_STEPS, start=1)]
    intro = t(
        lang,
        "The setup, one step at a time (`rakuten-assist doctor` runs these checks):",
        "La mise en route, une étape à la fois (`rakuten-assist doctor` lance ces vérifications) :",
    )
    return Answer(
        intent="setup_walkthrough",
        lang=lang,
        text="\n".join([intro, *steps]),
        facts={"steps": [step_id for step_id, _, _ in SETUP_STEPS]},
        suggestions=[
            t(lang, "what is the login?", "c'est quoi l'identifiant ?"),
            t(lang, "where is the token?", "où trouver le jeton ?"),
        ],
        sources=["setup checklist: " + ", ".join(step_id for step_id, _, _ in SETUP_STEPS)],
    )


def answer_test_order(lang: Lang) -> Answer:
    """How to get a test order, how to recognise it, and never to ship it."""
    text = t(
        lang,
        "Ask **Rakuten seller support** for a test order once the connection works. You "
        "recognise it by its buyer and its title (they name it a test). **Never ship it**: "
        "do not confirm a shipment for it; let Rakuten cancel it.",
        "Demandez une commande de test au **support vendeurs Rakuten** une fois la connexion "
        "en place. Vous la reconnaissez à son acheteur et à son titre (ils indiquent un "
        "test). **Ne l'expédiez jamais** : ne confirmez pas d'expédition ; laissez Rakuten "
        "l'annuler.",
    )
    return Answer(
        intent="test_order",
        lang=lang,
        text=text,
        facts={
            "how": "ask Rakuten seller support",
            "recognise": "by its buyer and title",
            "ship": False,
        },
        suggestions=[t(lang, "run the setup checks", "lancer les vérifications")],
        sources=["setup checklist: test_order"],
    )


def answer_countries(lang: Lang) -> Answer:
    """All open orders come back whatever the buyer's country; there is no country filter."""
    text = t(
        lang,
        "All open orders are retrieved **whatever the buyer's country**: Rakuten has no "
        "country filter, and none is applied here. A Belgian, German or Spanish order comes "
        "back like a French one (the doctor counts orders per buyer country).",
        "Toutes les commandes en cours sont récupérées, **quel que soit le pays de "
        "l'acheteur** : Rakuten n'a pas de filtre par pays, et aucun n'est appliqué ici. Une "
        "commande belge, allemande ou espagnole remonte comme une française (le diagnostic "
        "compte les commandes par pays).",
    )
    return Answer(
        intent="country_scope",
        lang=lang,
        text=text,
        facts={"countries": "all", "country_filter": False},
        suggestions=[t(lang, "run the setup checks", "lancer les vérifications")],
        sources=["setup checklist: open_orders"],
    )


def answer_professional(lang: Lang) -> Answer:
    """Only Professional seller accounts can use the web service."""
    text = t(
        lang,
        "Only **Professional** seller accounts can use Rakuten's sales web service. With a "
        'private (non-professional) account Rakuten answers `Access denied.` ("This web '
        'service is reserved for professional sellers."): ask Rakuten seller support to '
        "switch the account to Professional.",
        "Seuls les comptes vendeurs **Professionnels** ont accès au web service des ventes de "
        'Rakuten. Avec un compte particulier, Rakuten répond `Access denied.` ("This web '
        'service is reserved for professional sellers.") : demandez au support vendeurs de '
        "passer le compte en Professionnel.",
    )
    return Answer(
        intent="professional_account",
        lang=lang,
        text=text,
        facts={"account_type": "Professional", "error": "Access denied."},
        suggestions=[t(lang, "run the setup checks", "lancer les vérifications")],
        sources=["setup checklist: professional_rights", "error catalogue: rakuten.access_denied"],
    )


def answer_error(match: ErrorMatch, lang: Lang) -> Answer:
    """The catalogue's cause and fix for a pasted error."""
    entry = match.entry
    ids = ", ".join(f"{k} {v}" for k, v in match.ids.items())
    text = t(
        lang,
        f"**{entry.message}**\n\n**Cause:** {entry.cause['en']}\n\n**Fix:** {entry.fix['en']}",
        f"**{entry.message}**\n\n**Cause :** {entry.cause['fr']}\n\n**Solution :** "
        f"{entry.fix['fr']}",
    )
    if ids:
        text += t(lang, f"\n\nIds in the message: {ids}.", f"\n\nIdentifiants du message : {ids}.")
    return Answer(
        intent="error_explain",
        lang=lang,
        text=text,
        facts={
            "error_id": entry.id,
            "origin": entry.origin,
            "code": entry.code,
            "message": entry.message,
            "cause": entry.cause[lang],
            "fix": entry.fix[lang],
            "ids": dict(match.ids),
            "match_score": round(min(match.score, 1.0), 2),
        },
        suggestions=[t(lang, "run the setup checks", "lancer les vérifications")],
        sources=[f"error catalogue: {entry.id}"],
    )


def answer_error_unknown(lang: Lang) -> Answer:
    """An error was mentioned but not pasted: ask for the exact text."""
    return Answer(
        intent="error_explain",
        lang=lang,
        text=t(
            lang,
            "Paste the exact error message (as Rakuten or the tool shows it) and I will give "
            "its cause and fix.",
            "Collez le message d'erreur exact (tel que Rakuten ou l'outil l'affiche) et je "
            "vous donne sa cause et sa solution.",
        ),
        facts={"error_id": None},
        suggestions=["Quota exceeded.", "Unknown user or password."],
        sources=["error catalogue"],
    )


def answer_greeting(lang: Lang) -> Answer:
    """A greeting back, with what the engine can help with."""
    topics = CAN_HELP_WITH[lang]
    text = t(lang, "Hello! I can help with:", "Bonjour ! Je peux vous aider sur :")
    text += "\n" + "\n".join(f"- {topic}" for topic in topics)
    return Answer(
        intent="greeting",
        lang=lang,
        text=text,
        facts={"can_help_with": topics},
        suggestions=[
            t(lang, "is Colissimo supported?", "Colissimo est accepté ?"),
            t(lang, "start the setup", "commencer la mise en route"),
        ],
        sources=["support engine: capabilities"],
    )


def answer_unknown(lang: Lang) -> Answer:
    """An honest "I don't know", what the engine can help with, and escalation."""
    topics = CAN_HELP_WITH[lang]
    text = t(
        lang,
        "I don't know how to answer that. I can help with:",
        "Je ne sais pas répondre à cela. Je peux vous aider sur :",
    )
    text += "\n" + "\n".join(f"- {topic}" for topic in topics)
    text += t(
        lang,
        "\n\nFor anything else, escalate to technical support with the exact question and any "
        "error message (never the token).",
        "\n\nPour le reste, transmettez au support technique avec la question exacte et le "
        "message d'erreur éventuel (jamais le jeton).",
    )
    return Answer(
        intent="unknown",
        lang=lang,
        text=text,
        facts={"can_help_with": topics, "escalate": True},
        suggestions=[
            t(lang, "is Colissimo supported?", "Colissimo est accepté ?"),
            t(lang, "start the setup", "commencer la mise en route"),
        ],
        sources=["support engine: capabilities"],
    )

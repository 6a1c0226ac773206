"""The answers: Markdown in the user's language, JSON-able facts, quick replies, sources.

Each builder is a pure function of what was understood. Carrier facts come only from the
carrier registry (through ``rakuten_assist.carriers``), error facts from the error catalogue,
setup facts from the checklist; every answer names its sources.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rakuten_assist.support._answer import Answer
from rakuten_assist.support._carrier_answers import (
    answer_ask_carrier,
    answer_ask_number,
    answer_carrier_rules,
    answer_carriers,
    answer_detect,
    answer_tracking_url,
    carrier_facts,
    carrier_source,
)
from rakuten_assist.support._error_entry import MODELLED
from rakuten_assist.support._lang import Lang
from rakuten_assist.support._texts import CAN_HELP_WITH, DEVELOPER_PAGE, SETUP_STEPS, t
from rakuten_assist.support.errors_catalogue import ErrorMatch

__all__ = [
    "Answer",
    "answer_ask_carrier",
    "answer_ask_number",
    "answer_carrier_rules",
    "answer_carriers",
    "answer_countries",
    "answer_detect",
    "answer_error",
    "answer_error_unknown",
    "answer_greeting",
    "answer_login",
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
    """How to get a test order, how to know which one it is, and never to ship it."""
    text = t(
        lang,
        "Ask **Rakuten seller support** for a test order once the connection works, and ask "
        "them for its order number: nothing in the order data marks it as a test. **Never "
        "ship it**: do not confirm a shipment for it.",
        "Demandez une commande de test au **support vendeurs Rakuten** une fois la connexion "
        "en place, avec son numéro de commande : rien dans les données de la commande ne la "
        "signale comme un test. **Ne l'expédiez jamais** : ne confirmez pas d'expédition.",
    )
    return Answer(
        intent="test_order",
        lang=lang,
        text=text,
        facts={
            "how": "ask Rakuten seller support",
            "recognise": "by the order number Rakuten support gives",
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
        "private (non-professional) account Rakuten refuses the calls with a rights error "
        "(`InvalidUserRights`; the sandbox shows it as `Access denied.`, Rakuten's exact "
        "wording is not known): ask Rakuten seller support to switch the account to "
        "Professional.",
        "Seuls les comptes vendeurs **Professionnels** ont accès au web service des ventes de "
        "Rakuten. Avec un compte particulier, Rakuten refuse les appels par une erreur de "
        "droits (`InvalidUserRights` ; le bac à sable l'affiche comme `Access denied.`, le "
        "libellé exact de Rakuten n'est pas connu) : demandez au support vendeurs de passer "
        "le compte en Professionnel.",
    )
    return Answer(
        intent="professional_account",
        lang=lang,
        text=text,
        facts={"account_type": "Professional", "error": "Access denied."},
        suggestions=[t(lang, "run the setup checks", "lancer les vérifications")],
        sources=[
            "setup checklist: professional_rights",
            f"error catalogue: rakuten.access_denied ({MODELLED})",
        ],
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
    if entry.provenance == MODELLED:
        text += t(
            lang,
            "\n\nThis wording is the sandbox's model: Rakuten's exact message is not known, so "
            "compare the cause rather than the words.",
            "\n\nCe libellé est celui du bac à sable : le message exact de Rakuten n'est pas "
            "connu, comparez donc la cause plutôt que les mots.",
        )
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
            "provenance": entry.provenance,
        },
        suggestions=[t(lang, "run the setup checks", "lancer les vérifications")],
        sources=[f"error catalogue: {entry.id} ({entry.provenance})"],
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


def answer_thanks(lang: Lang) -> Answer:
    """A short acknowledgement of thanks, without the list of topics."""
    return Answer(
        intent="greeting",
        lang=lang,
        text=t(
            lang,
            "You're welcome! Ask again whenever you need.",
            "Avec plaisir ! N'hésitez pas si vous avez une autre question.",
        ),
        facts={"acknowledged": True},
        suggestions=[],
        sources=["support engine: courtesy"],
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

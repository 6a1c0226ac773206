"""Fixed facts and phrases of the support answers, in English and French."""

from __future__ import annotations

from rakuten_assist.support._lang import Lang

__all__ = [
    "CAN_HELP_WITH",
    "DEVELOPER_PAGE",
    "SETUP_STEPS",
    "needs_text",
    "t",
]

from collections.abc import Sequence

DEVELOPER_PAGE = "Mon compte > Mes informations développeur"


def t(lang: Lang, en: str, fr: str) -> str:
    """The English or French phrase, following the user's language."""
    return fr if lang == "fr" else en


#: the extra inputs a carrier's link needs, in words (never the raw ids)
_NEEDS_LABELS: dict[str, dict[Lang, str]] = {
    "postal_code": {"en": "the buyer's delivery postcode", "fr": "le code postal de livraison"},
    "country": {"en": "the destination country", "fr": "le pays de destination"},
}
_OTHER_NEED: dict[Lang, str] = {"en": "one more value", "fr": "une donnée de plus"}


def needs_text(needs: Sequence[str], lang: Lang) -> str:
    """The extra inputs a link needs, in words of the user's language."""
    return t(lang, " and ", " et ").join(
        _NEEDS_LABELS.get(need, _OTHER_NEED)[lang] for need in needs
    )


#: what the engine knows about, as quick descriptions (greeting and "I don't know")
CAN_HELP_WITH: dict[Lang, list[str]] = {
    "en": [
        "is my carrier supported, and which Rakuten transporter name to send",
        "the tracking URL for a carrier and number",
        "which carrier a tracking number belongs to",
        "the login (account name) and the API token",
        "SKU mapping between orders and your catalogue",
        "the setup checklist, step by step",
        "test orders",
        "which countries' orders are retrieved",
        "Professional account rights",
        "Rakuten error messages, pasted as they are",
        "the status of an order or item",
    ],
    "fr": [
        "mon transporteur est-il accepté, et quel nom de transporteur envoyer à Rakuten",
        "l'URL de suivi pour un transporteur et un numéro",
        "à quel transporteur appartient un numéro de suivi",
        "l'identifiant (nom de compte) et le jeton d'API",
        "la correspondance des SKU entre commandes et catalogue",
        "la liste de mise en route, étape par étape",
        "les commandes de test",
        "les pays des commandes récupérées",
        "les droits du compte Professionnel",
        "les messages d'erreur de Rakuten, collés tels quels",
        "le statut d'une commande ou d'un article",
    ],
}

#: the setup checklist (same ids and order as the doctor's checks)
SETUP_STEPS: tuple[tuple[str, str, str], ...] = (
    (
        "login",
        "Login: the account name shown in the Rakuten user banner, not the e-mail.",
        "Identifiant : le nom de compte affiché dans le bandeau utilisateur Rakuten, pas l'e-mail.",
    ),
    (
        "token",
        f"Token: copied in full from {DEVELOPER_PAGE}.",
        f"Jeton : copié en entier depuis {DEVELOPER_PAGE}.",
    ),
    (
        "credentials",
        "Credentials: one cheap call proves Rakuten accepts the pair (mind the hourly quota).",
        "Identifiants : un appel léger prouve que Rakuten accepte le couple (attention au "
        "quota horaire).",
    ),
    (
        "professional_rights",
        "Rights: only Professional seller accounts can use the sales web service.",
        "Droits : seuls les comptes vendeurs Professionnels ont accès au web service des ventes.",
    ),
    (
        "open_orders",
        "Open orders: all of them are retrieved, whatever the buyer's country (no filter).",
        "Commandes en cours : toutes sont récupérées, quel que soit le pays de l'acheteur "
        "(aucun filtre).",
    ),
    (
        "sku_mapping",
        "SKU mapping: Rakuten matches products by SKU; map your product id onto the SKU field "
        "in the feed's final step.",
        "Correspondance SKU : Rakuten reconnaît les produits par le SKU ; associez votre "
        "identifiant produit au champ SKU à la dernière étape du flux.",
    ),
    (
        "carriers",
        "Carriers: each one checked, with its Rakuten name and a tracking URL.",
        "Transporteurs : chacun vérifié, avec son nom Rakuten et une URL de suivi.",
    ),
    (
        "test_order",
        "Test order: ask Rakuten seller support for one and for its order number; never ship it.",
        "Commande de test : demandez-en une au support vendeurs Rakuten, avec son numéro de "
        "commande ; ne l'expédiez jamais.",
    ),
)

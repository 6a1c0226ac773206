"""Titles, details and fixes of the setup checks, in English and French."""

from __future__ import annotations

from typing import Any

from rakuten_assist.support._lang import Lang
from rakuten_assist.support._texts import DEVELOPER_PAGE

__all__ = ["title", "tr"]

_TITLES: dict[str, tuple[str, str]] = {
    "login": (
        "Login is the account name, not an e-mail",
        "L'identifiant est le nom de compte, pas un e-mail",
    ),
    "token": ("API token present and well formed", "Jeton d'API présent et bien formé"),
    "credentials": ("Rakuten accepts the credentials", "Rakuten accepte les identifiants"),
    "professional_rights": (
        "Professional seller rights",
        "Droits de vendeur Professionnel",
    ),
    "open_orders": ("Open orders are retrievable", "Les commandes en cours sont récupérables"),
    "sku_mapping": ("SKU mapping", "Correspondance des SKU"),
    "sku_mapping_of": ("SKU mapping of {name}", "Correspondance SKU de {name}"),
    "carriers": ("Carriers", "Transporteurs"),
    "carrier": ("Carrier {name}", "Transporteur {name}"),
    "test_order": ("Test order", "Commande de test"),
}

_BANNER_EN = "the account name shown in the Rakuten user banner (top right once logged in)"
_BANNER_FR = "le nom de compte affiché dans le bandeau utilisateur Rakuten (en haut à droite)"

_TEXTS: dict[str, tuple[str, str]] = {
    "login.ok": (
        "'{login}' looks like an account name.",
        "« {login} » ressemble à un nom de compte.",
    ),
    "login.LoginIsEmailError": (
        "'{login}' is an e-mail address; Rakuten wants the account name as login.",
        "« {login} » est une adresse e-mail ; Rakuten attend le nom de compte comme identifiant.",
    ),
    "login.InvalidLoginError": (
        "'{login}' does not look like an account name (spaces or unusual characters).",
        "« {login} » ne ressemble pas à un nom de compte (espaces ou caractères inhabituels).",
    ),
    "login.MissingCredentialsError": ("No login was given.", "Aucun identifiant n'a été donné."),
    "login.fix": (
        f"Use {_BANNER_EN}, never the e-mail.",
        f"Utilisez {_BANNER_FR}, jamais l'e-mail.",
    ),
    "token.ok": (
        "A token of {length} characters is present (not shown).",
        "Un jeton de {length} caractères est présent (non affiché).",
    ),
    "token.MissingCredentialsError": ("No token was given.", "Aucun jeton n'a été donné."),
    "token.InvalidTokenError": (
        "The token cannot be right (spaces, an e-mail, or too short); it is not shown.",
        "Le jeton ne peut pas être bon (espaces, un e-mail, ou trop court) ; il n'est pas affiché.",
    ),
    "token.fix": (
        f"Copy the token in full from {DEVELOPER_PAGE}; it is not the web password.",
        f"Copiez le jeton en entier depuis {DEVELOPER_PAGE} ; ce n'est pas le mot de passe "
        "du site.",
    ),
    "blocked.credentials": (
        "Not run: the login or the token above must be fixed first.",
        "Non lancé : il faut d'abord corriger l'identifiant ou le jeton ci-dessus.",
    ),
    "blocked.fix_first": (
        "Fix the failed check above first.",
        "Corrigez d'abord le point en échec ci-dessus.",
    ),
    "blocked.auth": (
        "Not run: Rakuten refused the credentials.",
        "Non lancé : Rakuten a refusé les identifiants.",
    ),
    "blocked.quota": (
        "Not run: Rakuten's hourly quota is used up.",
        "Non lancé : le quota horaire de Rakuten est atteint.",
    ),
    "blocked.rights": (
        "Not run: the account has no Professional rights.",
        "Non lancé : le compte n'a pas les droits Professionnels.",
    ),
    "blocked.remote": (
        "Not run: Rakuten could not be reached or failed ({message}).",
        "Non lancé : Rakuten est injoignable ou en erreur ({message}).",
    ),
    "credentials.ok": (
        "Rakuten accepted the login and token (one getnewsales call).",
        "Rakuten a accepté l'identifiant et le jeton (un appel getnewsales).",
    ),
    "credentials.refused": (
        'Rakuten refused them: "{message}".',
        "Rakuten les a refusés : « {message} ».",
    ),
    "credentials.fix": (
        f"Check the login is {_BANNER_EN} (not the e-mail), then copy the token again from "
        f"{DEVELOPER_PAGE}.",
        f"Vérifiez que l'identifiant est {_BANNER_FR} (pas l'e-mail), puis recopiez le jeton "
        f"depuis {DEVELOPER_PAGE}.",
    ),
    "credentials.quota": (
        'Rakuten answered "Quota exceeded.": the credentials could not be checked this hour.',
        "Rakuten a répondu « Quota exceeded. » : les identifiants n'ont pas pu être vérifiés "
        "cette heure-ci.",
    ),
    "quota.fix": (
        "The quota is per hour: wait a full hour from now and run the doctor again; do not "
        "retry now.",
        "Le quota est horaire : attendez une heure pleine à partir de maintenant et relancez le "
        "diagnostic ; ne réessayez pas tout de suite.",
    ),
    "rights.ok": (
        "The account may use the sales web service (Professional).",
        "Le compte a accès au web service des ventes (Professionnel).",
    ),
    "rights.refused": (
        'Rakuten answered "{message}" {detail}: the account is not a Professional seller account.',
        "Rakuten a répondu « {message} » {detail} : le compte n'est pas un compte vendeur "
        "Professionnel.",
    ),
    "rights.fix": (
        "Ask Rakuten seller support to switch the account to Professional; only Professional "
        "accounts can use the web service.",
        "Demandez au support vendeurs Rakuten de passer le compte en Professionnel ; seuls "
        "les comptes Professionnels ont accès au web service.",
    ),
    "orders.ok": (
        "{items} open item(s) in {purchases} order(s) ({new} awaiting acceptance, {current} "
        "accepted). Per status: {statuses}. Per buyer country: {countries}. Nothing is "
        "filtered by country: every buyer country comes back.",
        "{items} article(s) en cours dans {purchases} commande(s) ({new} à accepter, "
        "{current} acceptés). Par statut : {statuses}. Par pays acheteur : {countries}. "
        "Aucun filtre par pays : tous les pays d'acheteurs remontent.",
    ),
    "sku.none": (
        "No catalogue given, so the SKU mapping was not checked.",
        "Aucun catalogue donné, la correspondance SKU n'a pas été vérifiée.",
    ),
    "sku.none_fix": (
        "Pass the product feed export with --catalog FEED to check it.",
        "Passez l'export du flux produits avec --catalog FLUX pour la vérifier.",
    ),
    "sku.no_orders": (
        "Not run: no open orders to match. {why}",
        "Non lancé : aucune commande à rapprocher. {why}",
    ),
    "sku.no_items": (
        "There are no open items to match yet.",
        "Il n'y a encore aucun article en cours à rapprocher.",
    ),
    "sku.rate": (
        "{matched} of {items} open item(s) match a catalogue product by SKU ({rate}).",
        "{matched} article(s) en cours sur {items} correspondent à un produit du catalogue "
        "par SKU ({rate}).",
    ),
    "sku.crashed": (
        "The SKU matcher failed on this catalogue ({error}).",
        "Le rapprochement des SKU a échoué sur ce catalogue ({error}).",
    ),
    "sku.crashed_fix": (
        "Escalate to technical support with the catalogue file; the other checks still ran.",
        "Transmettez au support technique avec le fichier catalogue ; les autres "
        "vérifications ont bien tourné.",
    ),
    "sku.fix": (
        "Rakuten matches products by SKU: map your internal product id onto the SKU field in "
        "the feed's final step, then re-export the feed.",
        "Rakuten reconnaît les produits par le SKU : associez votre identifiant produit "
        "interne au champ SKU à la dernière étape du flux, puis réexportez le flux.",
    ),
    "carriers.none": (
        "No carrier given, so none was checked.",
        "Aucun transporteur donné, aucun n'a été vérifié.",
    ),
    "carriers.none_fix": (
        "Pass the merchant's carriers with --carrier NAME (once per carrier).",
        "Passez les transporteurs du marchand avec --carrier NOM (une fois par transporteur).",
    ),
    "carriers.unknown_fix": (
        "Closest carriers: {suggestions}. Pick one, or see `rakuten-assist carriers list`.",
        "Transporteurs proches : {suggestions}. Choisissez-en un, ou voyez "
        "`rakuten-assist carriers list`.",
    ),
    "carriers.yes": (
        '{name}: supported, sent to Rakuten as "{rakuten}". Example link: {url}',
        "{name} : accepté, envoyé à Rakuten comme « {rakuten} ». Exemple de lien : {url}",
    ),
    "carriers.no": (
        "{name}: not usable for Rakuten shipments. {reason} Rakuten needs a tracking link, so "
        "this shipment would be refused.",
        "{name} : inutilisable pour les expéditions Rakuten. {reason} Rakuten exige un lien "
        "de suivi, cette expédition serait donc refusée.",
    ),
    "carriers.unknown": (
        "{name!r} is not a carrier we know, so we cannot build a tracking link for it.",
        "« {name} » n'est pas un transporteur connu, nous ne pouvons donc pas construire de "
        "lien de suivi.",
    ),
    "carriers.ambiguous": (
        "{name!r} can mean several carriers: {suggestions}. Say which one you ship with.",
        "« {name} » peut désigner plusieurs transporteurs : {suggestions}. Dites lequel vous "
        "utilisez.",
    ),
    "carriers.needs": (
        "The link also needs {needs}.",
        "Le lien demande aussi {needs}.",
    ),
    "carriers.no_fix": (
        "Ship Rakuten orders with a carrier that has a public tracking page: every shipment "
        "needs a tracking URL.",
        "Expédiez les commandes Rakuten avec un transporteur qui a une page de suivi "
        "publique : chaque expédition exige une URL de suivi.",
    ),
    "test.guidance": (
        "Not checked automatically: nothing in the order data marks a test order (a title "
        "with 'test' in it is often a real product).",
        "Non vérifié automatiquement : rien dans les données d'une commande n'indique une "
        "commande de test (un titre contenant « test » est souvent un vrai produit).",
    ),
    "test.ask": (
        "Ask Rakuten seller support for a test order once the connection works, and ask them "
        "for its order number; never ship it (do not confirm a shipment for it).",
        "Demandez une commande de test au support vendeurs Rakuten une fois la connexion en "
        "place, avec son numéro de commande ; ne l'expédiez jamais (ne confirmez pas "
        "d'expédition).",
    ),
}


def title(check_id: str, lang: Lang, **fmt: Any) -> str:
    """The title of a check in ``lang``."""
    en, fr = _TITLES[check_id]
    return (fr if lang == "fr" else en).format(**fmt)


def tr(key: str, lang: Lang, **fmt: Any) -> str:
    """A detail or fix in ``lang``, its fields filled in."""
    en, fr = _TEXTS[key]
    return (fr if lang == "fr" else en).format(**fmt).strip()

"""Rakuten's error messages and ours, each with its cause and fix in English and French.

``explain_error(text)`` finds the entry for pasted text, even partial, with ids, quotes or the
XML envelope around it. Rakuten's texts are kept exactly as the service sends them (the
sandbox sends the same strings), typos included ("fullfill").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from rakuten_assist.support._lang import Lang, fold

__all__ = [
    "CATALOGUE",
    "ErrorEntry",
    "ErrorMatch",
    "entry_for_topic",
    "explain_error",
    "extract_ids",
    "normalise_error_text",
]


@dataclass(frozen=True)
class ErrorEntry:
    """One known error: what the merchant sees, why it happens, what to do.

    Attributes:
        id: stable id (``rakuten.quota_exceeded``, ``ours.login_is_email``).
        origin: ``"rakuten"`` for the web service's messages, ``"rakuten_assist"`` for ours.
        message: the text as it is shown (Rakuten's exact string, or our message's gist).
        patterns: phrases that identify the error in pasted text (any language, any case).
        code: Rakuten's error code or our exception class, when there is one.
        lang: the language the message starts in, used when the user adds no words.
        cause: why it happens, per language.
        fix: what to do, per language.
    """

    id: str
    origin: str
    message: str
    patterns: tuple[str, ...]
    cause: dict[Lang, str]
    fix: dict[Lang, str]
    code: str | None = None
    #: the language the message is shown in (Rakuten mixes French and English)
    lang: Lang = "en"


@dataclass(frozen=True)
class ErrorMatch:
    """The catalogue entry found for a text, how sure we are, and the ids found inside."""

    entry: ErrorEntry
    score: float
    matched: str
    ids: dict[str, str]


_DEVELOPER_PAGE = "Mon compte > Mes informations développeur"

CATALOGUE: tuple[ErrorEntry, ...] = (
    ErrorEntry(
        id="rakuten.unknown_user",
        origin="rakuten",
        message="Unknown user or password.",
        code="InvalidUserConnection",
        patterns=(
            "unknown user or password",
            "incorrect login or password",
            "invaliduserconnection",
            "utilisateur ou mot de passe inconnu",
            "login ou mot de passe incorrect",
        ),
        cause={
            "en": "Rakuten did not recognise the login and token pair: usually the e-mail was "
            "given as login, or the token was mistyped, truncated or regenerated since.",
            "fr": "Rakuten ne reconnaît pas le couple identifiant / jeton : le plus souvent "
            "l'e-mail a été saisi comme identifiant, ou le jeton est mal copié, tronqué ou a "
            "été régénéré depuis.",
        },
        fix={
            "en": "Use the account name shown in the Rakuten user banner as login (never the "
            f"e-mail) and copy the token again from {_DEVELOPER_PAGE}.",
            "fr": "Saisissez comme identifiant le nom de compte affiché dans le bandeau "
            "utilisateur Rakuten (jamais l'e-mail) et recopiez le jeton depuis "
            f"{_DEVELOPER_PAGE}.",
        },
    ),
    ErrorEntry(
        id="rakuten.access_denied",
        origin="rakuten",
        message="Access denied. This web service is reserved for professional sellers.",
        code="InvalidUserRights",
        patterns=(
            "access denied",
            "reserved for professional sellers",
            "this web service is reserved",
            "acces refuse",
            "reserve aux vendeurs professionnels",
        ),
        cause={
            "en": "The credentials are right but the account is not a Professional seller "
            "account: Rakuten's sales web service only works for Professional accounts.",
            "fr": "Les identifiants sont bons mais le compte n'est pas un compte vendeur "
            "Professionnel : le web service des ventes de Rakuten est réservé aux comptes "
            "Professionnels.",
        },
        fix={
            "en": "Ask Rakuten seller support to switch the account to a Professional seller "
            "account, then run the checks again.",
            "fr": "Demandez au support vendeurs de Rakuten de passer le compte en compte "
            "vendeur Professionnel, puis relancez les vérifications.",
        },
    ),
    ErrorEntry(
        id="rakuten.quota_exceeded",
        origin="rakuten",
        message="Quota exceeded.",
        code="InvalidUserRights",
        patterns=(
            "quota exceeded",
            "exceeded the maximum number of requests per hour",
            "quota depasse",
            "quota atteint",
        ),
        cause={
            "en": "Too many calls in the current hour: Rakuten counts requests per hour and "
            "refuses every call until the hour is over.",
            "fr": "Trop d'appels dans l'heure : Rakuten compte les requêtes par heure et refuse "
            "tout appel jusqu'à la fin de l'heure.",
        },
        fix={
            "en": "Wait for the next hour before calling again (retrying now only prolongs it), "
            "and space out the synchronisations (for example one order import every 15 minutes).",
            "fr": "Attendez l'heure suivante avant de rappeler (réessayer maintenant ne fait que "
            "prolonger le blocage), et espacez les synchronisations (par exemple un import des "
            "commandes toutes les 15 minutes).",
        },
    ),
    ErrorEntry(
        id="rakuten.invalid_itemid",
        origin="rakuten",
        message="The parameter 'itemid' is invalid.",
        code="ParameterError",
        patterns=(
            "the parameter 'itemid' is invalid",
            "parameter itemid is invalid",
            "itemid is invalid",
            "le parametre 'itemid' est invalide",
        ),
        cause={
            "en": "The item id sent does not exist for this seller (a purchase id or an "
            "advert id sent instead, a typo, or an item of another account).",
            "fr": "L'identifiant d'article envoyé n'existe pas pour ce vendeur (un numéro de "
            "commande ou d'annonce envoyé à la place, une faute de frappe, ou l'article d'un "
            "autre compte).",
        },
        fix={
            "en": "Send the itemid of the item (one per unit sold, from getnewsales or "
            "getcurrentsales), not the purchase id or advert id.",
            "fr": "Envoyez l'itemid de l'article (un par unité vendue, lu dans getnewsales ou "
            "getcurrentsales), pas le numéro de commande ni l'identifiant d'annonce.",
        },
    ),
    ErrorEntry(
        id="rakuten.tracking_url_mandatory",
        origin="rakuten",
        message="The parameter 'tracking_url' is mandatory.",
        code="ParameterError",
        patterns=(
            "the parameter 'tracking_url' is mandatory",
            "tracking_url is mandatory",
            "tracking url is mandatory",
            "tracking_url est obligatoire",
            "url de suivi est obligatoire",
        ),
        cause={
            "en": "The shipment was sent without a tracking URL. Every shipment needs one, and "
            "it is mandatory when the carrier is not on Rakuten's list (transporter 'Autre').",
            "fr": "L'expédition a été confirmée sans URL de suivi. Chaque expédition en "
            "demande une, et elle est obligatoire quand le transporteur n'est pas dans la "
            "liste de Rakuten (transporteur « Autre »).",
        },
        fix={
            "en": "Send the carrier's tracking URL with the number in it; `rakuten-assist "
            "track CARRIER NUMBER` prints it from the carrier registry.",
            "fr": "Envoyez l'URL de suivi du transporteur avec le numéro dedans ; "
            "`rakuten-assist track TRANSPORTEUR NUMERO` la construit depuis le registre des "
            "transporteurs.",
        },
    ),
    ErrorEntry(
        id="rakuten.status_incorrect",
        lang="fr",
        origin="rakuten",
        message="Statut incorrect : the item must be accepted before its shipment is confirmed.",
        code="ParameterError",
        patterns=(
            "statut incorrect",
            "must be accepted before its shipment is confirmed",
            "incorrect status",
            "item must be accepted",
        ),
        cause={
            "en": "A shipment was confirmed for an item that is not accepted yet (still "
            "waiting in the new sales), or that was refused or cancelled.",
            "fr": "Une expédition a été confirmée pour un article qui n'est pas encore accepté "
            "(toujours dans les nouvelles ventes), ou qui a été refusé ou annulé.",
        },
        fix={
            "en": "Accept the sale first (acceptsale for each item), then send the tracking "
            "information again; check the item's status with getiteminfos.",
            "fr": "Acceptez d'abord la vente (acceptsale pour chaque article), puis renvoyez "
            "les informations de suivi ; vérifiez le statut de l'article avec getiteminfos.",
        },
    ),
    ErrorEntry(
        id="rakuten.already_shipped",
        lang="fr",
        origin="rakuten",
        message="Cet article a déjà été expédié",
        code="ParameterError",
        patterns=(
            "cet article a deja ete expedie",
            "a deja ete expedie",
            "deja ete expedie",
            "already been shipped",
            "already shipped",
        ),
        cause={
            "en": "The item's shipment was already confirmed: Rakuten accepts one shipment "
            "confirmation per item.",
            "fr": "L'expédition de cet article a déjà été confirmée : Rakuten n'accepte qu'une "
            "confirmation d'expédition par article.",
        },
        fix={
            "en": "Nothing to resend. If the tracking number was wrong, contact Rakuten seller "
            "support to correct it; make the connector skip items already shipped.",
            "fr": "Rien à renvoyer. Si le numéro de suivi était faux, contactez le support "
            "vendeurs de Rakuten pour le corriger ; faites ignorer au connecteur les articles "
            "déjà expédiés.",
        },
    ),
    ErrorEntry(
        id="rakuten.invalid_tracking_number",
        lang="fr",
        origin="rakuten",
        message="Numéro incorrect : the tracking number contains invalid characters.",
        code="ParameterError",
        patterns=(
            "numero incorrect",
            "tracking number contains invalid characters",
            "contains invalid characters",
            "invalid tracking number",
        ),
        cause={
            "en": "The tracking number has characters Rakuten refuses (spaces, dashes, "
            "punctuation, a whole URL pasted as number).",
            "fr": "Le numéro de suivi contient des caractères refusés par Rakuten (espaces, "
            "tirets, ponctuation, une URL entière collée comme numéro).",
        },
        fix={
            "en": "Send only the carrier's number, letters and digits without spaces; "
            "`rakuten-assist detect NUMBER` checks its shape for you.",
            "fr": "N'envoyez que le numéro du transporteur, lettres et chiffres sans espaces ; "
            "`rakuten-assist detect NUMERO` en vérifie la forme.",
        },
    ),
    ErrorEntry(
        id="rakuten.unsupported_carrier",
        lang="fr",
        origin="rakuten",
        message="Transporteur inconnu : the transporter name is not on Rakuten's list.",
        code="ParameterError",
        patterns=(
            "transporteur inconnu",
            "transporter name is not",
            "unknown transporter",
            "transporter_name is invalid",
            "the parameter 'transporter_name'",
            "transporteur non reconnu",
            "carrier not supported",
        ),
        cause={
            "en": "The transporter name sent is not one of Rakuten's values; a carrier that is "
            "not on the list must be sent as 'Autre' with its tracking URL.",
            "fr": "Le nom de transporteur envoyé n'est pas une valeur de Rakuten ; un "
            "transporteur absent de la liste doit être envoyé comme « Autre » avec son URL de "
            "suivi.",
        },
        fix={
            "en": "Send the exact Rakuten name (`rakuten-assist carriers check NAME` gives it), "
            "or 'Autre' plus the tracking URL for carriers not on the list.",
            "fr": "Envoyez le nom Rakuten exact (`rakuten-assist carriers check NOM` le donne), "
            "ou « Autre » avec l'URL de suivi pour les transporteurs hors liste.",
        },
    ),
    ErrorEntry(
        id="rakuten.server_error",
        origin="rakuten",
        message="Server not able to fullfill request.",
        code="ServerError",
        patterns=(
            "server not able to fullfill request",
            "server not able to fulfill request",
            "an error occurred while submitting the file",
            "servererror",
        ),
        cause={
            "en": "Rakuten failed on its side while handling the request.",
            "fr": "Rakuten a échoué de son côté en traitant la requête.",
        },
        fix={
            "en": "Try again in a few minutes; nothing fetched so far is lost. If it lasts more "
            "than an hour, contact Rakuten seller support with the time of the error.",
            "fr": "Réessayez dans quelques minutes ; rien de ce qui a été récupéré n'est perdu. "
            "Si cela dure plus d'une heure, contactez le support vendeurs de Rakuten avec "
            "l'heure de l'erreur.",
        },
    ),
    ErrorEntry(
        id="rakuten.parameter_mandatory",
        origin="rakuten",
        message="Problem with parameters: The parameter ... is mandatory",
        code="ParameterError",
        patterns=(
            "is mandatory",
            "problem with parameters",
            "the parameter login is mandatory",
            "the parameter 'transporter_name' is mandatory",
            "the parameter 'purchaseid' is mandatory",
            "est obligatoire",
        ),
        cause={
            "en": "A value Rakuten needs was missing or empty in the request (the detail names "
            "it: login, purchaseid, transporter_name...).",
            "fr": "Une valeur exigée par Rakuten manquait ou était vide dans la requête (le "
            "détail la nomme : login, purchaseid, transporter_name...).",
        },
        fix={
            "en": "Fill in the parameter named in the detail: the login and token in the "
            "settings, or the purchase id and transporter name of the shipment.",
            "fr": "Renseignez le paramètre nommé dans le détail : l'identifiant et le jeton "
            "dans les réglages, ou le numéro de commande et le transporteur de l'expédition.",
        },
    ),
    ErrorEntry(
        id="rakuten.not_awaiting_acceptance",
        origin="rakuten",
        lang="fr",
        message="Statut incorrect : the item is not awaiting acceptance.",
        code="ParameterError",
        patterns=("the item is not awaiting acceptance", "not awaiting acceptance"),
        cause={
            "en": "The item was accepted or refused already (or cancelled), so it cannot be "
            "accepted or refused again.",
            "fr": "L'article a déjà été accepté ou refusé (ou annulé), il ne peut donc plus "
            "être accepté ni refusé.",
        },
        fix={
            "en": "Nothing to do for this item; make the connector only accept items listed "
            "by getnewsales.",
            "fr": "Rien à faire pour cet article ; faites accepter au connecteur uniquement "
            "les articles listés par getnewsales.",
        },
    ),
    ErrorEntry(
        id="ours.login_is_email",
        origin="rakuten_assist",
        message="The login is an e-mail address.",
        code="LoginIsEmailError",
        patterns=("is an e-mail address", "loginisemailerror", "login est une adresse e-mail"),
        cause={
            "en": "An e-mail address was given as login; Rakuten wants the seller account name.",
            "fr": "Une adresse e-mail a été saisie comme identifiant ; Rakuten attend le nom du "
            "compte vendeur.",
        },
        fix={
            "en": "Use the account name shown in the Rakuten user banner (top right once "
            "logged in), not the e-mail.",
            "fr": "Utilisez le nom de compte affiché dans le bandeau utilisateur Rakuten (en "
            "haut à droite une fois connecté), pas l'e-mail.",
        },
    ),
    ErrorEntry(
        id="ours.invalid_login",
        origin="rakuten_assist",
        message="The login does not look like a Rakuten account name.",
        code="InvalidLoginError",
        patterns=("does not look like a rakuten account name", "invalidloginerror"),
        cause={
            "en": "The login has characters an account name never has (spaces, quotes...).",
            "fr": "L'identifiant contient des caractères qu'un nom de compte n'a jamais "
            "(espaces, guillemets...).",
        },
        fix={
            "en": "Copy the account name exactly as shown in the Rakuten user banner.",
            "fr": "Recopiez le nom de compte exactement comme dans le bandeau utilisateur Rakuten.",
        },
    ),
    ErrorEntry(
        id="ours.missing_login",
        origin="rakuten_assist",
        message="No Rakuten login was given.",
        code="MissingCredentialsError",
        patterns=("no rakuten login was given",),
        cause={
            "en": "No login was given on the command line or in RAKUTEN_LOGIN.",
            "fr": "Aucun identifiant n'a été donné en option ni dans RAKUTEN_LOGIN.",
        },
        fix={
            "en": "Pass --login with the account name (or set RAKUTEN_LOGIN), or use --sandbox "
            "to try on the built-in sandbox.",
            "fr": "Passez --login avec le nom de compte (ou RAKUTEN_LOGIN), ou utilisez "
            "--sandbox pour essayer sur le bac à sable intégré.",
        },
    ),
    ErrorEntry(
        id="ours.missing_token",
        origin="rakuten_assist",
        message="No Rakuten API token was given.",
        code="MissingCredentialsError",
        patterns=("no rakuten api token was given", "missingcredentialserror"),
        cause={
            "en": "No token was given on the command line or in RAKUTEN_TOKEN.",
            "fr": "Aucun jeton n'a été donné en option ni dans RAKUTEN_TOKEN.",
        },
        fix={
            "en": f"Copy the token from {_DEVELOPER_PAGE} and pass it with --token or "
            "RAKUTEN_TOKEN.",
            "fr": f"Copiez le jeton depuis {_DEVELOPER_PAGE} et passez-le avec --token ou "
            "RAKUTEN_TOKEN.",
        },
    ),
    ErrorEntry(
        id="ours.invalid_token",
        origin="rakuten_assist",
        message="The token cannot be a Rakuten API token.",
        code="InvalidTokenError",
        patterns=(
            "the token contains spaces",
            "the token looks like an e-mail",
            "the token is too short",
            "invalidtokenerror",
        ),
        cause={
            "en": "The token has spaces or line breaks, looks like an e-mail, or is too short: "
            "it was not copied in full, or the web password was given instead.",
            "fr": "Le jeton contient des espaces ou des retours à la ligne, ressemble à un "
            "e-mail ou est trop court : il n'a pas été copié en entier, ou c'est le mot de "
            "passe du site qui a été saisi.",
        },
        fix={
            "en": f"Copy the token again from {_DEVELOPER_PAGE}, in full and without spaces; it "
            "is not the web password.",
            "fr": f"Recopiez le jeton depuis {_DEVELOPER_PAGE}, en entier et sans espaces ; ce "
            "n'est pas le mot de passe du site.",
        },
    ),
    ErrorEntry(
        id="ours.unknown_carrier",
        origin="rakuten_assist",
        message="Unknown carrier.",
        code="UnknownCarrierError",
        patterns=("unknown carrier", "unknowncarriererror", "transporteur inconnu du registre"),
        cause={
            "en": "The carrier name is not in the carrier registry, so no tracking URL can be "
            "built (we never invent one).",
            "fr": "Ce transporteur n'est pas dans le registre des transporteurs, donc aucune URL "
            "de suivi ne peut être construite (nous n'en inventons jamais).",
        },
        fix={
            "en": "Pick one of the closest carriers proposed, or run `rakuten-assist carriers "
            "list`.",
            "fr": "Choisissez l'un des transporteurs proches proposés, ou lancez "
            "`rakuten-assist carriers list`.",
        },
    ),
    ErrorEntry(
        id="ours.no_tracking_page",
        origin="rakuten_assist",
        message="The carrier has no public tracking page.",
        code="NoTrackingPageError",
        patterns=(
            "no public tracking page",
            "no public per-number",
            "no tracking page",
            "notrackingpageerror",
            "pas de page de suivi",
        ),
        cause={
            "en": "The carrier has no public page per tracking number, and Rakuten needs a "
            "tracking URL the buyer can open.",
            "fr": "Le transporteur n'a pas de page publique par numéro de suivi, et Rakuten "
            "exige une URL de suivi que l'acheteur peut ouvrir.",
        },
        fix={
            "en": "Ship these orders with a carrier that has a tracking page, or ask the carrier "
            "for a public tracking link.",
            "fr": "Expédiez ces commandes avec un transporteur qui a une page de suivi, ou "
            "demandez au transporteur un lien de suivi public.",
        },
    ),
    ErrorEntry(
        id="ours.missing_carrier_input",
        origin="rakuten_assist",
        message="The carrier's tracking URL needs the buyer's postcode.",
        code="MissingCarrierInputError",
        patterns=(
            "missingcarrierinputerror",
            "needs the postcode",
            "needs the postal code",
            "postcode is missing",
            "postal_code is missing",
            "requires the postcode",
        ),
        cause={
            "en": "This carrier's tracking page only works with an extra input, usually the "
            "buyer's postcode.",
            "fr": "La page de suivi de ce transporteur ne fonctionne qu'avec une donnée en plus, "
            "en général le code postal de l'acheteur.",
        },
        fix={
            "en": "Pass the delivery postcode (--postcode) so the link opens the parcel's page.",
            "fr": "Donnez le code postal de livraison (--postcode) pour que le lien ouvre la "
            "page du colis.",
        },
    ),
    ErrorEntry(
        id="ours.tracking_number",
        origin="rakuten_assist",
        message="The tracking number cannot belong to this carrier.",
        code="TrackingNumberError",
        patterns=("cannot belong to", "trackingnumbererror", "check digit", "unsafe characters"),
        cause={
            "en": "The number's shape or check digit does not fit the carrier: a typo, or "
            "another carrier's number.",
            "fr": "La forme ou la clé de contrôle du numéro ne correspond pas au transporteur : "
            "une faute de frappe, ou le numéro d'un autre transporteur.",
        },
        fix={
            "en": "Check the number on the label; `rakuten-assist detect NUMBER` lists the "
            "carriers it can belong to.",
            "fr": "Vérifiez le numéro sur l'étiquette ; `rakuten-assist detect NUMERO` liste les "
            "transporteurs possibles.",
        },
    ),
    ErrorEntry(
        id="ours.shipment_refused",
        origin="rakuten_assist",
        message="Rakuten would refuse this shipment.",
        code="ShipmentRefusedError",
        patterns=("rakuten would refuse this shipment", "shipmentrefusederror"),
        cause={
            "en": "The dry run found reasons Rakuten would refuse the shipment (listed in the "
            "message).",
            "fr": "La simulation a trouvé des raisons pour lesquelles Rakuten refuserait "
            "l'expédition (listées dans le message).",
        },
        fix={
            "en": "Correct each reason, run the dry run again, and only then use --send.",
            "fr": "Corrigez chaque raison, relancez la simulation, puis seulement --send.",
        },
    ),
    ErrorEntry(
        id="ours.partial_fetch",
        origin="rakuten_assist",
        message="Page k failed: the pages fetched before are kept.",
        code="PartialFetchError",
        patterns=("page(s) were kept", "resume from token", "partialfetcherror"),
        cause={
            "en": "Rakuten failed in the middle of the pages of current sales; the pages "
            "before the failure were kept.",
            "fr": "Rakuten a échoué au milieu des pages de ventes en cours ; les pages "
            "précédentes ont été conservées.",
        },
        fix={
            "en": "Fix the cause shown, then resume from the token given instead of starting "
            "over (it saves quota).",
            "fr": "Corrigez la cause indiquée, puis reprenez depuis le jeton de reprise donné "
            "au lieu de tout recommencer (cela économise le quota).",
        },
    ),
    ErrorEntry(
        id="ours.timeout",
        origin="rakuten_assist",
        message="Rakuten did not answer in time.",
        code="APITimeoutError",
        patterns=("did not answer in time", "timed out", "read timeout", "apitimeouterror"),
        cause={
            "en": "Rakuten did not answer within the timeout.",
            "fr": "Rakuten n'a pas répondu dans le délai.",
        },
        fix={
            "en": "Try again in a few minutes, or raise the timeout.",
            "fr": "Réessayez dans quelques minutes, ou augmentez le délai.",
        },
    ),
    ErrorEntry(
        id="ours.response_parse",
        origin="rakuten_assist",
        message="The answer was not the XML we expect.",
        code="ResponseParseError",
        patterns=("not the xml we expect", "responseparseerror", "malformed xml"),
        cause={
            "en": "Something other than the web service answered (an HTML page from a proxy), "
            "or the answer was cut.",
            "fr": "Autre chose que le web service a répondu (une page HTML d'un proxy), ou la "
            "réponse a été coupée.",
        },
        fix={
            "en": "Check the base URL and any proxy, then try again.",
            "fr": "Vérifiez l'URL de base et l'éventuel proxy, puis réessayez.",
        },
    ),
)

_SEPARATORS = re.compile(r"[\s\"«»<>\[\](){}:;,!?*`|/\\-]+")
_XML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.S)
# A purchase id has 9 digits starting with 4 in every fixture we saw; an item id 9 digits too.
_ITEM_ID = re.compile(r"(?i)\b(?:item\s*id|itemid|article|item)\s*[:=#n°]*\s*['\"]?(\d{6,12})")
_PURCHASE_ID = re.compile(
    r"(?i)\b(?:purchase\s*id|purchaseid|commande|order|vente|sale)\s*[:=#n°]*\s*['\"]?(\d{6,12})"
)
_MIN_SCORE = 0.8
# Fuzzy matching only for phrases long enough that a near-match cannot be a coincidence.
_FUZZY_MIN_PATTERN = 15
_FUZZY_MIN_SCORE = 0.88
# A cut paste ("statut incorre") must keep at least this many characters of the message.
_MIN_CUT_LENGTH = 10


def normalise_error_text(text: str) -> str:
    """``text`` folded, without XML tags or punctuation, the way patterns are compared."""
    text = _CDATA.sub(r" \1 ", text)
    text = _XML_TAG.sub(" ", text)
    folded = fold(text).replace(".", " ").replace("'", " ' ")
    return " ".join(_SEPARATORS.split(folded)).strip()


def _pattern_form(pattern: str) -> str:
    return normalise_error_text(pattern)


_INDEX: tuple[tuple[ErrorEntry, str], ...] = tuple(
    (entry, _pattern_form(pattern)) for entry in CATALOGUE for pattern in entry.patterns
)


def extract_ids(text: str) -> dict[str, str]:
    """Item and purchase ids named in ``text`` (``itemid=260300017``, ``commande 430...``)."""
    ids: dict[str, str] = {}
    if item := _ITEM_ID.search(text):
        ids["item_id"] = item.group(1)
    if purchase := _PURCHASE_ID.search(text):
        ids["purchase_id"] = purchase.group(1)
    return ids


# Words that name an error without pasting it ("what is the quota?").
_TOPICS: dict[str, str] = {
    "quota": "rakuten.quota_exceeded",
    "access denied": "rakuten.access_denied",
    "statut incorrect": "rakuten.status_incorrect",
    "deja expedie": "rakuten.already_shipped",
    "already shipped": "rakuten.already_shipped",
}


def entry_for_topic(text: str) -> ErrorEntry | None:
    """The catalogue entry a question names without pasting the message ("quota")."""
    normalised = f" {normalise_error_text(text)} "
    for topic, entry_id in _TOPICS.items():
        if f" {topic} " in normalised:
            return next(entry for entry in CATALOGUE if entry.id == entry_id)
    return None


def explain_error(text: str) -> ErrorMatch | None:
    """Find the catalogue entry for an error text pasted by a user.

    Exact phrases win; otherwise a fuzzy partial match (typos, cut text) must reach 0.8.
    Ids inside the text (item, purchase) are returned with the match.

    Args:
        text: anything the user pasted: a message, a log line, the XML error envelope.

    Returns:
        The best match, or ``None`` when nothing in the catalogue fits.
    """
    normalised = normalise_error_text(text)
    if not normalised:
        return None
    best: ErrorMatch | None = None
    for entry, pattern in _INDEX:
        if not pattern:
            continue
        if f" {pattern} " in f" {normalised} ":
            # Longer exact phrases are stronger evidence than short ones.
            score = 1.0 + len(pattern) / 1000
        elif len(pattern) >= _FUZZY_MIN_PATTERN and len(normalised) >= 8:
            ratio = fuzz.partial_ratio(pattern, normalised) / 100
            # A cut text: the user's whole text is the start of a longer message.
            if len(normalised) < len(pattern):
                ratio = min(ratio, fuzz.ratio(normalised, pattern[: len(normalised)]) / 100)
                if len(normalised) < _MIN_CUT_LENGTH:
                    ratio = 0.0
            score = ratio if ratio >= _FUZZY_MIN_SCORE else 0.0
        else:
            continue
        if score >= _MIN_SCORE and (best is None or score > best.score):
            best = ErrorMatch(entry=entry, score=score, matched=pattern, ids=extract_ids(text))
    return best

"""The errors rakuten_assist itself raises (errors.py), explained for merchants."""

from __future__ import annotations

from rakuten_assist.support._error_entry import ErrorEntry
from rakuten_assist.support._texts import DEVELOPER_PAGE

__all__ = ["OUR_ERRORS"]

OUR_ERRORS: tuple[ErrorEntry, ...] = (
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
            "en": f"Copy the token from {DEVELOPER_PAGE} and pass it with --token or "
            "RAKUTEN_TOKEN.",
            "fr": f"Copiez le jeton depuis {DEVELOPER_PAGE} et passez-le avec --token ou "
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
            "en": f"Copy the token again from {DEVELOPER_PAGE}, in full and without spaces; it "
            "is not the web password.",
            "fr": f"Recopiez le jeton depuis {DEVELOPER_PAGE}, en entier et sans espaces ; ce "
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
        # The sentences our TrackingNumberError messages use, not the words of a question
        # ("what is a check digit?").
        patterns=(
            "cannot belong to this carrier",
            "trackingnumbererror",
            "check digit does not fit",
            "which is not a letter or a digit",
            "characters does not look like a",
            "unsafe characters",
        ),
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

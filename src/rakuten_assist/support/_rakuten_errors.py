"""Rakuten's error messages: Rakuten's wording where public client fixtures recorded it, the
sandbox's model where they did not (each entry's ``provenance`` says which; rakuten-api.md)."""

from __future__ import annotations

from rakuten_assist.support._error_entry import MODELLED, SEEN, ErrorEntry
from rakuten_assist.support._texts import DEVELOPER_PAGE

__all__ = ["RAKUTEN_ERRORS"]

RAKUTEN_ERRORS: tuple[ErrorEntry, ...] = (
    ErrorEntry(
        id="rakuten.unknown_user",
        origin="rakuten",
        provenance=SEEN,
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
            f"e-mail) and copy the token again from {DEVELOPER_PAGE}.",
            "fr": "Saisissez comme identifiant le nom de compte affiché dans le bandeau "
            "utilisateur Rakuten (jamais l'e-mail) et recopiez le jeton depuis "
            f"{DEVELOPER_PAGE}.",
        },
    ),
    ErrorEntry(
        id="rakuten.access_denied",
        origin="rakuten",
        provenance=MODELLED,
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
        provenance=SEEN,
        message="Quota exceeded.",
        code="InvalidUserRights",
        patterns=(
            "quota exceeded",
            "exceeded the maximum number of requests per hour",
            "quota depasse",
            "quota atteint",
        ),
        cause={
            "en": "Too many calls within an hour: Rakuten counts requests per hour and "
            "refuses every call until the count falls back under its limit.",
            "fr": "Trop d'appels en une heure : Rakuten compte les requêtes par heure et refuse "
            "tout appel tant que le compte n'est pas retombé sous sa limite.",
        },
        fix={
            "en": "Wait a full hour from the refusal before calling again (Rakuten does not "
            "say whether its hour is rolling or by the clock; a full hour is enough under "
            "either), and space out the synchronisations (for example one order import every "
            "15 minutes).",
            "fr": "Attendez une heure pleine après le refus avant de rappeler (Rakuten ne dit "
            "pas si son heure est glissante ou d'horloge ; une heure pleine suffit dans les "
            "deux cas), et espacez les synchronisations (par exemple un import des commandes "
            "toutes les 15 minutes).",
        },
    ),
    ErrorEntry(
        id="rakuten.invalid_itemid",
        origin="rakuten",
        provenance=SEEN,
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
        provenance=MODELLED,
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
        provenance=MODELLED,
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
        provenance=MODELLED,
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
        provenance=MODELLED,
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
        provenance=MODELLED,
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
        provenance=SEEN,
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
        provenance=SEEN,
        message="Problem with parameters: The parameter ... is mandatory",
        code="ParameterError",
        # Rakuten's own sentences only: "is mandatory" or "est obligatoire" alone are how
        # merchants ask questions ("le code postal est obligatoire ?").
        patterns=(
            "problem with parameters",
            "the parameter login is mandatory",
            "the parameter pwd is mandatory",
            "the parameter version is mandatory",
            "the parameter 'transporter_name' is mandatory",
            "the parameter transporter_name is mandatory",
            "the parameter 'purchaseid' is mandatory",
            "the parameter purchaseid is mandatory",
            "the parameter 'itemid' is mandatory",
            "the parameter itemid is mandatory",
            "the parameter 'tracking_number' is mandatory",
            "the parameter tracking_number is mandatory",
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
        provenance=MODELLED,
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
)

"""Rakuten's error messages: Rakuten's wording where public client fixtures recorded it, the
sandbox's model where they did not (each entry's ``provenance`` says which; rakuten-api.md)."""

from __future__ import annotations

from rakuten_assist.support._error_entry import MODELLED, SEEN, ErrorEntry

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
            # the connection guide's own warning: an order whose carrier Rakuten does not
            # take cannot get its status updated
            "carrier is not supported",
            "order status could not be updated",
            "could not update the order status",
            "statut de la commande n'a pas pu etre mis a jour",
            "impossible de mettre a jour le statut de la commande",
        ),
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
    ),
    ErrorEntry(
        id="rakuten.not_awaiting_acceptance",
        origin="rakuten",
        provenance=MODELLED,
        lang="fr",
        message="Statut incorrect : the item is not awaiting acceptance.",
        code="ParameterError",
        patterns=("the item is not awaiting acceptance", "not awaiting acceptance"),
    ),
    ErrorEntry(
        id="rakuten.unknown_error",
        origin="rakuten",
        provenance=SEEN,
        message="Unknown error",
        code="Unknown error",
        # Rakuten's code is literally "Unknown error" (rakuten-api.md, client fixtures).
        patterns=("unknown error", "erreur inconnue"),
    ),
)

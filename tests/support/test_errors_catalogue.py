"""The error catalogue: Rakuten's texts and ours, each explained in both languages."""

from __future__ import annotations

import pytest

from rakuten_assist.config import check_login, check_token
from rakuten_assist.errors import (
    LoginIsEmailError,
    QuotaExceededError,
    RakutenAssistError,
    ShipmentRefusedError,
    UnknownCarrierError,
)
from rakuten_assist.sandbox.state import (
    bad_credentials,
    mandatory,
    parameter_error,
    quota_exceeded,
    rights_error,
)
from rakuten_assist.support import CATALOGUE, explain_error

# The texts Rakuten (and the sandbox) send, verbatim, with the entry that must explain them.
RAKUTEN_TEXTS = {
    "Unknown user or password.": "rakuten.unknown_user",
    "Incorrect login or password": "rakuten.unknown_user",
    "Access denied.": "rakuten.access_denied",
    "This web service is reserved for professional sellers.": "rakuten.access_denied",
    "Quota exceeded.": "rakuten.quota_exceeded",
    "The parameter 'itemid' is invalid.": "rakuten.invalid_itemid",
    "Statut incorrect : the item must be accepted before its shipment is confirmed.": (
        "rakuten.status_incorrect"
    ),
    "Cet article a déjà été expédié": "rakuten.already_shipped",
    "Cet article a déjà été expédié (item already shipped).": "rakuten.already_shipped",
    "Numéro incorrect : the tracking number contains invalid characters.": (
        "rakuten.invalid_tracking_number"
    ),
    "The parameter 'tracking_url' is mandatory.": "rakuten.tracking_url_mandatory",
    "Server not able to fullfill request.": "rakuten.server_error",
    "Statut incorrect : the item is not awaiting acceptance.": "rakuten.not_awaiting_acceptance",
    "The parameter 'transporter_name' is mandatory.": "rakuten.parameter_mandatory",
}


def test_every_entry_has_cause_and_fix_in_both_languages() -> None:
    """Each entry explains its cause and fix in English and in French, with a unique id."""
    ids = [entry.id for entry in CATALOGUE]
    assert len(ids) == len(set(ids))
    for entry in CATALOGUE:
        for lang in ("en", "fr"):
            assert len(entry.cause_in(lang)) > 20, entry.id
            assert len(entry.fix_in(lang)) > 20, entry.id
        assert entry.patterns, entry.id


@pytest.mark.parametrize(("text", "entry_id"), RAKUTEN_TEXTS.items())
def test_rakuten_texts_are_explained(text: str, entry_id: str) -> None:
    """Rakuten's messages, as merchants see them, find their entry."""
    match = explain_error(text)
    assert match is not None
    assert match.entry.id == entry_id


@pytest.mark.parametrize(
    ("error", "entry_id"),
    [
        (bad_credentials(), "rakuten.unknown_user"),
        (rights_error(), "rakuten.access_denied"),
        (quota_exceeded(), "rakuten.quota_exceeded"),
        (parameter_error("x"), "rakuten.parameter_mandatory"),
        (mandatory("pwd"), "rakuten.parameter_mandatory"),
    ],
    ids=["credentials", "rights", "quota", "parameter", "mandatory"],
)
def test_sandbox_errors_are_explained(error: Exception, entry_id: str) -> None:
    """Every error envelope the sandbox sends (message plus details) finds its own entry."""
    match = explain_error(str(error))
    assert match is not None
    assert match.entry.id == entry_id


@pytest.mark.parametrize(
    ("text", "entry_id"),
    [
        ("statut incorre", "rakuten.status_incorrect"),
        ("Statut incorrect : the item must be", "rakuten.status_incorrect"),
        ("a deja ete expedie", "rakuten.already_shipped"),
        ("Server not able to fulfil request", "rakuten.server_error"),
        ("numéro incorrect", "rakuten.invalid_tracking_number"),
        (
            "...exceeded the maximum number of requests per hour. Please...",
            "rakuten.quota_exceeded",
        ),
    ],
)
def test_partial_and_misspelt_texts_are_explained(text: str, entry_id: str) -> None:
    """A cut, misspelt or accent-less paste still finds its entry."""
    match = explain_error(text)
    assert match is not None
    assert match.entry.id == entry_id


def test_ids_and_xml_around_the_message_are_handled() -> None:
    """The XML envelope is ignored and the item id inside is returned with the match."""
    text = (
        "<errorresponse><error><type>Sender</type><code>ParameterError</code>"
        "<message>Problem with parameters.</message><details><detail><![CDATA[The parameter "
        "'itemid' is invalid.]]></detail></details></error></errorresponse> itemid=260300017"
    )
    match = explain_error(text)
    assert match is not None
    assert match.entry.id == "rakuten.invalid_itemid"
    assert match.ids == {"item_id": "260300017"}


@pytest.mark.parametrize(
    "text",
    ["colissimo c'est bon ?", "hello world", "mot de passe du webservice c'est lequel ?", ""],
)
def test_ordinary_questions_are_not_errors(text: str) -> None:
    """Questions that paste no error text get no catalogue entry."""
    assert explain_error(text) is None


def _our_errors() -> list[tuple[RakutenAssistError, str]]:
    found: list[tuple[RakutenAssistError, str]] = []
    for call, entry_id in (
        (lambda: check_login("shop@example.com"), "ours.login_is_email"),
        (lambda: check_login("my shop"), "ours.invalid_login"),
        (lambda: check_login(""), "ours.missing_login"),
        (lambda: check_token(""), "ours.missing_token"),
        (lambda: check_token("abc"), "ours.invalid_token"),
    ):
        with pytest.raises(RakutenAssistError) as info:
            call()
        found.append((info.value, entry_id))
    found.append((UnknownCarrierError("La Poste Express", ["colissimo"]), "ours.unknown_carrier"))
    found.append((ShipmentRefusedError(["no tracking URL."]), "ours.shipment_refused"))
    found.append((QuotaExceededError("Quota exceeded."), "rakuten.quota_exceeded"))
    return found


def test_our_own_errors_are_explained() -> None:
    """The errors rakuten_assist raises, printed as the CLI prints them, are in the catalogue."""
    for error, entry_id in _our_errors():
        match = explain_error(f"error: {error}")
        assert match is not None, str(error)
        assert match.entry.id == entry_id, str(error)
    assert isinstance(_our_errors()[0][0], LoginIsEmailError)


@pytest.mark.parametrize(
    "question",
    [
        "le code postal est obligatoire pour mondial relay ?",
        "what is a check digit",
        "the order cannot belong to me",
    ],
)
def test_questions_with_error_words_are_not_pasted_errors(question: str) -> None:
    """Words a merchant uses to ask ('obligatoire', 'check digit') are not an error message."""
    assert explain_error(question) is None


@pytest.mark.parametrize(
    ("text", "entry_id"),
    [
        ("'6A1234' (6 characters) does not look like a Colissimo number.", "ours.tracking_number"),
        ("has the shape of X, but its check digit does not fit", "ours.tracking_number"),
        (
            "Problem with parameters The parameter 'purchaseid' is mandatory",
            "rakuten.parameter_mandatory",
        ),
    ],
)
def test_error_sentences_still_find_their_entry(text: str, entry_id: str) -> None:
    """The real sentences of these errors are still recognised after narrowing the patterns."""
    match = explain_error(text)
    assert match is not None
    assert match.entry.id == entry_id


def test_every_rakuten_entry_says_where_its_wording_comes_from() -> None:
    """Rakuten entries are either seen in client fixtures or the sandbox's model, never unsaid."""
    from rakuten_assist.support._error_entry import MODELLED, SEEN

    provenance = {e.id: e.provenance for e in CATALOGUE if e.origin == "rakuten"}
    assert set(provenance.values()) == {SEEN, MODELLED}
    # rakuten-api.md records these; the others are modelled.
    assert provenance["rakuten.unknown_user"] == SEEN
    assert provenance["rakuten.quota_exceeded"] == SEEN
    assert provenance["rakuten.invalid_itemid"] == SEEN
    for entry_id in (
        "rakuten.access_denied",
        "rakuten.status_incorrect",
        "rakuten.already_shipped",
        "rakuten.invalid_tracking_number",
        "rakuten.not_awaiting_acceptance",
        "rakuten.tracking_url_mandatory",
    ):
        assert provenance[entry_id] == MODELLED


def test_a_modelled_message_is_said_to_be_modelled() -> None:
    """The answer and its source say when the wording is the sandbox's, not Rakuten's."""
    from rakuten_assist.support import Source, SupportEngine
    from rakuten_assist.support._error_entry import MODELLED

    answer = SupportEngine().answer("Statut incorrect : the item must be accepted")
    assert answer.facts["provenance"] == MODELLED
    assert "sandbox" in answer.text or "bac à sable" in answer.text
    assert answer.sources == [Source.error("rakuten.status_incorrect", MODELLED)]
    assert "sandbox" in answer.sources[0].render("en")
    assert "bac à sable" in answer.sources[0].render("fr")


def test_no_unsourced_claim_about_retrying_during_a_quota() -> None:
    """No reference says retrying prolongs the quota, so no answer says it."""
    for entry in CATALOGUE:
        assert "prolong" not in (entry.fix_in("en") + entry.fix_in("fr")).lower()

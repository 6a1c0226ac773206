"""Error codes Rakuten is not known to send, and causes known only from the sandbox's model:
said as such in the text forwarded to a merchant, never a confident cause (qa2 item 21)."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine
from rakuten_assist.support._error_entry import MODELLED, SEEN
from rakuten_assist.support.errors_catalogue import CATALOGUE, explain_error


@pytest.mark.parametrize(
    ("question", "lang", "code"),
    [
        (
            "j'ai une erreur \"InvalidTrackingNumber\" quand je confirme l'expédition, pourquoi ?",
            "fr",
            "InvalidTrackingNumber",
        ),
        ("we get INVALID_TRACKING_NUMBER when we ship", "en", "INVALID_TRACKING_NUMBER"),
    ],
)
def test_a_made_up_code_is_said_unknown_not_given_a_cause(
    question: str, lang: str, code: str
) -> None:
    """A code that only fuzzily resembles a catalogue phrase names no error: the text says the
    code is not Rakuten's, gives the look-alike only as a possibility, and who can answer."""
    answer = SupportEngine().answer(question)
    assert (answer.intent, answer.lang) == ("error_explain", lang)
    assert answer.facts["error_id"] is None
    assert answer.facts["cause"] is None
    assert answer.facts["unknown_code"] == code
    assert answer.facts["looks_like"] == "rakuten.invalid_tracking_number"
    text = answer.text
    if lang == "fr":
        assert "n'est pas un code d'erreur que Rakuten est connu pour envoyer" in text
        assert "texte exact de Rakuten n'est pas connu" in text
        assert "**Cause probable :**" in text
        assert "**Cause :**" not in text
        assert "demandez à l'éditeur de l'outil" in text
    else:
        assert "is not an error code Rakuten is known to send" in text
        assert "exact Rakuten text is not known" in text
        assert "**Likely cause:**" in text
        assert "**Cause:**" not in text


def test_a_code_alone_that_matches_nothing_is_said_unknown() -> None:
    """An unknown code with nothing else is said unknown, with who can say what it means."""
    answer = SupportEngine().answer("j'ai l'erreur FooBarBaz quand j'envoie, c'est quoi ?")
    assert answer.intent == "error_explain"
    assert answer.facts["error_id"] is None
    assert answer.facts["unknown_code"] == "FooBarBaz"
    assert "FooBarBaz" in answer.text
    assert "connecteur" in answer.text


def test_a_known_code_or_message_is_not_taken_for_an_unknown_code() -> None:
    """Rakuten's own codes, its parameters and a message pasted with a label keep their entry."""
    assert explain_error("InvalidUserConnection").unknown_code is None  # type: ignore[union-attr]
    assert explain_error("tracking_url is mandatory").unknown_code is None  # type: ignore[union-attr]
    labelled = explain_error("InvalidTrackingNumber: Numéro incorrect")
    assert labelled is not None
    assert labelled.unknown_code is None
    assert labelled.entry.id == "rakuten.invalid_tracking_number"


def test_a_modelled_cause_says_so_in_the_text() -> None:
    """A question naming modelled errors gets their causes with the caveat in the text itself,
    and the sandbox's half-English wording is not given as Rakuten's message."""
    answer = SupportEngine().answer("le numéro de suivi est refusé, pourquoi ?")
    assert answer.facts["error_id"] == "rakuten.invalid_tracking_number"
    assert "Les messages exacts de Rakuten pour ces erreurs ne sont pas connus" in answer.text
    assert answer.facts["message"] is None
    assert answer.facts["sandbox_message"].startswith("Numéro incorrect")
    english = SupportEngine().answer("the tracking numbers we send are rejected by Rakuten, why?")
    assert "Rakuten's exact messages for these errors are not known" in english.text
    single = SupportEngine().answer("rakuten dit numéro de suivi invalide")
    assert "Le message exact de Rakuten pour cette erreur n'est pas connu" in single.text


def test_only_wordings_recorded_from_rakuten_are_marked_seen() -> None:
    """The entries marked as Rakuten's recorded wording are exactly those rakuten-api.md
    gives with their code (checked by hand on 2026-12-07); every other is modelled."""
    seen = {e.id for e in CATALOGUE if e.origin == "rakuten" and e.provenance == SEEN}
    assert seen == {
        "rakuten.unknown_user",
        "rakuten.quota_exceeded",
        "rakuten.invalid_itemid",
        "rakuten.server_error",
        "rakuten.parameter_mandatory",
        "rakuten.unknown_error",
    }
    others = {e.provenance for e in CATALOGUE if e.origin == "rakuten" and e.id not in seen}
    assert others == {MODELLED}

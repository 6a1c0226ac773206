"""'Rakuten's message, as you pasted it' quotes only a message the user pasted whole: never the
sandbox's longer sentence behind a pasted opening, never a catalogue template with a gap."""

from __future__ import annotations

from rakuten_assist.support import SupportEngine


def test_a_pasted_opening_is_not_quoted_as_the_whole_modelled_sentence() -> None:
    """'Statut incorrect' alone is not quoted as the sandbox's 'Statut incorrect : the item …'."""
    answer = SupportEngine().answer('we get "Statut incorrect" when confirming shipment')
    assert answer.facts["error_id"] == "rakuten.status_incorrect"
    assert "as you pasted it" not in answer.text
    assert "the item must be accepted" not in answer.text
    assert "Rakuten's exact message for this error is not known" in answer.text


def test_a_template_with_a_gap_is_never_quoted() -> None:
    """'The parameter login is mandatory' is not quoted back as 'The parameter ... is mandatory'."""
    answer = SupportEngine().answer("Problem with parameters / The parameter login is mandatory")
    assert answer.facts["error_id"] == "rakuten.parameter_mandatory"
    assert "..." not in answer.text.split("**Cause")[0]
    assert "as you pasted it" not in answer.text


def test_a_whole_pasted_message_is_still_quoted() -> None:
    """A whole message, even without its full stop or inside the XML envelope, is quoted."""
    engine = SupportEngine()
    for pasted in (
        "Unknown user or password",
        "<error><code>InvalidUserConnection</code><message>Unknown user or password.</message>",
    ):
        answer = engine.answer(pasted, lang="en")
        assert answer.text.startswith("Rakuten's message, as you pasted it: \"Unknown user")

"""Numbers and errors as people paste them: in groups, inside XML, written as one code word."""

from __future__ import annotations

from rakuten_assist.support import SupportEngine
from rakuten_assist.support._entities import extract_entities


def test_a_tracking_number_typed_in_groups_is_one_number() -> None:
    """'XU 123 456 785 FR' is the S10 number XU123456785FR, detected with its candidates."""
    assert extract_entities("XU 123 456 785 FR").numbers == ["XU123456785FR"]
    answer = SupportEngine().answer("c'est quel transporteur : XU 123 456 785 FR ?")
    assert answer.intent == "detect_carrier"
    assert answer.facts["number"] == "XU123456785FR"
    assert answer.facts["candidates"]


def test_groups_join_only_when_a_carrier_proves_or_shapes_the_number() -> None:
    """Words around the groups stay out, a phone number is no number; letter-led groups in a
    carrier's own shape with a wrong check digit are one number, answered as a typo in it."""
    text = "le numéro XU 123 456 785 FR sans le transporteur"
    assert extract_entities(text).numbers == ["XU123456785FR"]
    assert extract_entities("UPS 1Z 999 AA1 0123 4567 84").numbers == ["1Z999AA10123456784"]
    assert extract_entities("XU 123 456 786 FR").numbers == ["XU123456786FR"]
    mistyped = SupportEngine().answer("c'est quel transporteur XU 123 456 786 FR ?")
    assert mistyped.facts["mistyped_for"] == ["chronopost"]
    assert mistyped.facts["candidates"] == []
    assert extract_entities("rappelez-moi au 06 12 34 56 78").numbers == []
    assert extract_entities("on a 3 ou 4 colis par jour sur 2 ans").numbers == []


def test_a_camel_case_error_code_in_xml_is_recognised() -> None:
    """'<errorcode>AuthenticationFailed</errorcode>' (not a Rakuten code) is said to be an
    unknown code that looks like the authentication failure, never given that cause as a
    fact, in the language of the words around it."""
    engine = SupportEngine()
    answer = engine.answer("<errorcode>AuthenticationFailed</errorcode>")
    assert answer.intent == "error_explain"
    assert answer.facts["error_id"] is None
    assert answer.facts["unknown_code"] == "AuthenticationFailed"
    assert answer.facts["looks_like"] == "rakuten.unknown_user"
    assert answer.facts["fixes"]["rakuten.unknown_user"]
    assert "is not an error code Rakuten is known to send" in answer.text
    french = engine.answer("j'ai ça dans les logs : <errorcode>AuthenticationFailed</errorcode>")
    assert (french.intent, french.lang) == ("error_explain", "fr")
    assert french.facts["looks_like"] == "rakuten.unknown_user"
    assert "n'est pas un code d'erreur que Rakuten est connu pour envoyer" in french.text

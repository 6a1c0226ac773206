"""A link asked for one number and the carrier of another, in one message, get two answers."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine
from rakuten_assist.support._segments import questions


@pytest.mark.parametrize(
    ("message", "lang", "link_carrier", "other_number"),
    [
        (
            "le lien Colissimo pour 6A12345678905, et le numéro XW308461528FR c'est qui ?",
            "fr",
            "colissimo",
            "XW308461528FR",
        ),
        (
            "lien Chronopost XU123456785FR et aussi c'est quel transporteur 1Z7Y4192W680341257 ?",
            "fr",
            "chronopost",
            "1Z7Y4192W680341257",
        ),
        (
            "tracking link for UPS 1Z7Y4192W680341257, and which carrier is CB472183057FR?",
            "en",
            "ups",
            "CB472183057FR",
        ),
        (
            "donne moi le lien colissimo 6A12345678905 et dis moi de quel transporteur est "
            "XW308461528FR",
            "fr",
            "colissimo",
            "XW308461528FR",
        ),
        (
            "link for Chronopost XU123456785FR and tell me whose number CB472183057FR is",
            "en",
            "chronopost",
            "CB472183057FR",
        ),
    ],
)
def test_the_link_part_and_the_which_carrier_part_are_answered_apart(
    message: str, lang: str, link_carrier: str, other_number: str
) -> None:
    """The first part builds the named carrier's link, the second detects the other number
    on its own: the named carrier is never lent to a number that has its own question."""
    answer = SupportEngine().answer(message)
    assert answer.lang == lang
    assert [p.intent for p in answer.parts] == ["tracking_url", "detect_carrier"]
    link, detect = answer.parts
    assert link.facts["carrier_ids"] == [link_carrier]
    assert link.facts["tracking_url"]
    assert detect.facts["number"] == other_number
    assert link_carrier not in detect.facts["candidate_ids"]


def test_a_link_request_without_a_number_is_no_part_of_its_own() -> None:
    """'le lien, et c'est quel transporteur ?' asks one thing: no number, no link request."""
    assert questions("j'ai le lien, et c'est quel transporteur ?") == [
        "j'ai le lien, et c'est quel transporteur ?"
    ]

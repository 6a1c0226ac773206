"""Families found by the blind conversations dev5 and the dev leftovers, each proved in new
wordings: a meaning ruled out of a shared code, a refusal told with its cause, words after
"with" or joined by a hyphen that are no carrier, "yes" said loosely, a carrier asked as an
alternative to one that gives no link, and a question on the error just explained."""

from __future__ import annotations

from pathlib import Path

import pytest

from rakuten_assist.support import SupportEngine
from rakuten_assist.support.conversation import Conversation


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("InvalidUserRights, et ce n'est pas le quota : ça veut dire quoi ?", "fr"),
        ("we get InvalidUserRights without any quota message, meaning?", "en"),
        ("InvalidUserRights mais pas de problème de quota chez nous, une idée ?", "fr"),
    ],
)
def test_a_shared_code_with_one_meaning_ruled_out_names_the_other(question: str, lang: str) -> None:
    """ "not the quota" leaves the rights error: its cause and fix, not both."""
    answer = SupportEngine().answer(question)
    assert answer.intent == "error_explain"
    assert answer.lang == lang
    assert answer.facts["error_id"] == "rakuten.access_denied"
    assert answer.facts["possible_error_ids"] == []


def test_a_shared_code_asked_with_no_meaning_ruled_out_still_lists_both() -> None:
    """ "is it the quota?" rules nothing out: both meanings, and a request for the message."""
    answer = SupportEngine().answer("InvalidUserRights, c'est le quota ?")
    assert answer.facts["error_id"] is None
    assert set(answer.facts["possible_error_ids"]) == {
        "rakuten.access_denied",
        "rakuten.quota_exceeded",
    }


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("Rakuten rejette nos envois en Autre, on laisse le lien de suivi vide, c'est lié ?", "fr"),
        ("our shipments are refused: transporter Autre and no tracking link at all. why?", "en"),
        ("<transporter>Autre</transporter><trackingurl/> -> refusé par Rakuten, pourquoi ?", "fr"),
    ],
)
def test_a_refusal_told_with_no_tracking_url_names_that_cause(question: str, lang: str) -> None:
    """The refusal's cause is in the message: the mandatory-URL error, not four guesses."""
    answer = SupportEngine().answer(question)
    assert answer.intent == "error_explain"
    assert answer.lang == lang
    assert answer.facts["error_id"] == "rakuten.tracking_url_mandatory"


def test_a_refusal_told_without_its_cause_still_lists_every_cause() -> None:
    """Nothing said about the URL: every reason Rakuten refuses a shipment."""
    answer = SupportEngine().answer("Rakuten refuse nos expéditions depuis hier, pourquoi ?")
    assert len(answer.facts["possible_error_ids"]) == 4


@pytest.mark.parametrize(
    "question",
    [
        "We confirm shipments with a custom script, is that allowed?",
        "on confirme les envois avec notre ancien logiciel, ça pose souci ?",
        "la vente était annulée à ce moment-là ?",
    ],
)
def test_ordinary_words_after_with_or_joined_by_a_hyphen_are_no_carrier(question: str) -> None:
    """ "with a custom script" or "moment-là" is never reported as an unknown carrier."""
    answer = SupportEngine().answer(question)
    assert not answer.facts.get("unknown_carriers")
    assert "registre des transporteurs" not in answer.text
    assert "carrier registry" not in answer.text


@pytest.mark.parametrize("yes", ["ok vas y", "allez y", "vas-y pour le lien", "yes, the link"])
def test_a_loose_yes_runs_the_offered_link(yes: str) -> None:
    """After a carrier answer that offers its link, a yes typed loosely asks for it."""
    engine, conv = SupportEngine(), Conversation()
    engine.answer("Chronopost est accepté ?", conv)
    answer = engine.answer(yes, conv)
    assert answer.intent == "tracking_url"
    assert answer.facts["carrier_ids"] == ["chronopost"]


@pytest.mark.parametrize(
    ("first", "link", "then", "carrier"),
    [
        (
            "Heppner c'est ok ?",
            "le lien pour 48213907 ?",
            "bon, et Chronopost alors ?",
            "chronopost",
        ),
        ("Is Amazon Logistics ok?", "link for TBA304917265038", "what about DPD UK then", "dpd-uk"),
    ],
)
def test_a_carrier_named_after_one_with_no_link_is_asked_about(
    first: str, link: str, then: str, carrier: str
) -> None:
    """The parcel cannot be linked with the first carrier: the next one named is an
    alternative to ship with, answered as a carrier question, not a detection."""
    engine, conv = SupportEngine(), Conversation()
    engine.answer(first, conv)
    engine.answer(link, conv)
    answer = engine.answer(then, conv)
    assert answer.intent == "carrier_support"
    assert answer.facts["carrier_ids"] == [carrier]


def test_a_carrier_named_after_a_link_still_links_the_same_parcel() -> None:
    """After a link that worked, "and with Chronopost?" is the same parcel's link."""
    engine, conv = SupportEngine(), Conversation()
    engine.answer("lien colissimo 6A12345678905", conv)
    answer = engine.answer("et avec Chronopost ?", conv)
    assert answer.intent in ("tracking_url", "detect_carrier")


@pytest.mark.parametrize(
    ("error", "then"),
    [
        (
            "acceptsale répond : The parameter 'itemid' is invalid.",
            "on envoyait l'advertid 55012, c'est pour ça ?",
        ),
        (
            "acceptsale says: The parameter 'itemid' is invalid.",
            "what should we send in that field instead?",
        ),
        (
            "Rakuten a répondu « Unknown error »",
            "la commande n'était pas confirmée, c'est la raison ?",
        ),
    ],
)
def test_a_question_on_the_error_just_explained_stays_with_it(error: str, then: str) -> None:
    """ "is that why?" or "what instead?" after an error is about that error, whatever
    ids or words it names."""
    engine, conv = SupportEngine(), Conversation()
    first = engine.answer(error, conv)
    answer = engine.answer(then, conv)
    assert answer.intent == "error_explain"
    assert answer.facts["error_id"] == first.facts["error_id"]


def test_a_login_cause_after_an_error_is_the_login_answer() -> None:
    """ "I typed my e-mail as the login, is that why?" is answered by the login's rules."""
    engine, conv = SupportEngine(), Conversation()
    engine.answer("Unknown user or password.", conv)
    answer = engine.answer("I typed my email address as the login, is that why?", conv)
    assert answer.intent == "login_help"


@pytest.mark.parametrize(
    "question",
    [
        "what does Colissimo charge for a 1 kg parcel?",
        "what is the actual hourly number of calls we may make?",
    ],
)
def test_carrier_rates_and_the_actual_quota_figure_are_honest_unknowns(question: str) -> None:
    """Prices asked as "charge" and the quota's actual figure: not known, who can answer."""
    answer = SupportEngine().answer(question)
    assert answer.intent == "unknown"
    assert answer.facts["escalate"] is True


@pytest.mark.parametrize(
    ("question", "carrier"),
    [
        ("auspost and nz post, ok for rakuten?", {"australia-post", "new-zealand-post"}),
        (
            "Austrian Post and POST Luxembourg, do you know them?",
            {"austrian-post", "post-luxembourg"},
        ),
    ],
)
def test_two_carriers_side_by_side_are_both_named(question: str, carrier: set[str]) -> None:
    """A country word of the second name ("NZ") or a country inside a name ("Austrian")
    neither hides the first carrier nor makes a question about countries."""
    answer = SupportEngine().answer(question)
    assert answer.intent == "carrier_support"
    assert set(answer.facts["carrier_ids"]) == carrier


def test_a_link_asked_for_two_carriers_without_a_number_gives_each_ones_facts() -> None:
    """No number to link: each carrier's rules, not the first one's number asked for."""
    answer = SupportEngine().answer("DPD UK et Royal Mail, l'outil sait faire le lien ?")
    assert answer.facts["carrier_ids"] == ["dpd-uk", "royal-mail"]


@pytest.mark.parametrize(
    ("question", "candidate"),
    [
        ("Parcel T7KM2P8819203748 for an order to York. Which carrier?", "evri"),
        ("c'est quel transporteur 1GAB12CD34EF ?", "geodis"),
    ],
)
def test_a_number_asked_about_is_detected_whatever_place_or_digits(
    question: str, candidate: str
) -> None:
    """A place after "for" is no carrier's name when the carrier is what is asked, and a
    code with few digits that a carrier's distinctive format takes is a number."""
    answer = SupportEngine().answer(question)
    assert answer.intent == "detect_carrier"
    assert candidate in answer.facts["candidate_ids"]


@pytest.mark.parametrize(
    ("question", "fact", "carrier"),
    [
        ("1Z5R89390357567127 c'est bien de l'UPS ?", "candidate_ids", "ups"),
        ("is 6A12345678905 really a Colissimo number?", "candidate_ids", "colissimo"),
        ("6A12345678900, c'est bien un colis Colissimo ?", "mistyped_for", "colissimo"),
    ],
)
def test_asking_whether_a_number_is_a_carriers_detects_it(
    question: str, fact: str, carrier: str
) -> None:
    """ "is it X's number?" is answered by the number's own evidence, not by X's link."""
    answer = SupportEngine().answer(question)
    assert answer.intent == "detect_carrier"
    assert carrier in answer.facts[fact]


def test_a_link_asked_with_a_verdict_is_still_the_link() -> None:
    """ "lien colissimo 6A12345678905, c'est bon ?" asks for the link, not whose it is."""
    answer = SupportEngine().answer("lien colissimo 6A12345678905 c'est bon ?")
    assert answer.intent == "tracking_url"


@pytest.mark.parametrize(
    ("reply", "carrier"),
    [("the UK one", "dpd-uk"), ("celui d'Allemagne", "dpd-de")],
)
def test_a_country_answers_which_one_of_a_shared_brand(reply: str, carrier: str) -> None:
    """After "DPD can mean...", a reply naming a country picks that country's DPD; it asks
    nothing about countries."""
    engine, conv = SupportEngine(), Conversation()
    engine.answer("DPD est accepté ?", conv)
    answer = engine.answer(reply, conv)
    assert answer.intent == "carrier_support"
    assert answer.facts["carrier_ids"] == [carrier]


def test_that_one_after_a_detection_is_the_carrier_found() -> None:
    """ "is that one on Rakuten's list?" after a number proved bpost's is bpost's answer."""
    engine, conv = SupportEngine(), Conversation()
    engine.answer("whose number is CD641903275BE?", conv)
    answer = engine.answer("and is that one on Rakuten's list?", conv)
    assert answer.intent == "carrier_support"
    assert answer.facts["carrier_ids"] == ["bpost"]


def test_the_carrier_a_merchant_moves_to_is_the_one_asked_about() -> None:
    """ "on passe de Chronopost à Colis Privé": Colis Privé's answer comes first."""
    answer = SupportEngine().answer("on passe de Chronopost à Colis Privé, ça change quoi ?")
    assert answer.facts["carrier_ids"][0] == "colis-prive"


def test_a_whole_pasted_parameter_error_then_a_french_word_is_answered_in_french() -> None:
    """The envelope's "Problem with parameters." is Rakuten's, not the user's words."""
    answer = SupportEngine().answer(
        "Problem with parameters. The parameter 'itemid' is invalid. Pourquoi ça ?"
    )
    assert answer.lang == "fr"


def test_a_payout_statement_that_does_not_add_up_is_an_honest_unknown() -> None:
    """The accountant's reconciliation of a payout is Rakuten's to explain."""
    answer = SupportEngine().answer(
        "le reversement de Rakuten ce mois-ci ne colle pas avec nos ventes, pourquoi ?"
    )
    assert answer.intent == "unknown"
    assert answer.facts["escalate"] is True


def test_a_shared_brand_named_again_means_the_one_named_earlier() -> None:
    """ "GLS France" discussed, then an aside, then "back to GLS": GLS France's answer."""
    engine, conv = SupportEngine(), Conversation()
    engine.answer("GLS France est accepté ?", conv)
    engine.answer("et le token je le trouve où ?", conv)
    answer = engine.answer("pour revenir à GLS, le lien ressemble à quoi ?", conv)
    assert answer.facts["carrier_ids"] == ["gls-fr"]


def test_a_corrected_number_after_an_aside_is_linked_for_the_earlier_carrier() -> None:
    """ "the right number is ..., not the other one" goes with the parcel's carrier."""
    engine, conv = SupportEngine(), Conversation()
    engine.answer("Chronopost link for XW123456785FR please", conv)
    engine.answer("by the way, where is the API token?", conv)
    answer = engine.answer("and sorry, the right number is XW987654326FR, not the other one", conv)
    assert answer.intent == "tracking_url"
    assert answer.facts["carrier_ids"] == ["chronopost"]


def test_rakutens_detail_pasted_after_its_message_is_quoted_whole() -> None:
    """The user pasted both lines: "as you pasted it" quotes both, as typed."""
    answer = SupportEngine().answer("Unknown user or password. Incorrect login or password")
    assert '"Unknown user or password. Incorrect login or password"' in answer.text


def test_the_french_example_link_says_it_is_not_the_merchants() -> None:
    """The registry's sample number is said not to be the merchant's, in French too."""
    answer = SupportEngine().answer("Mondial Relay est accepté ?")
    assert "pas le vôtre" in answer.text


def test_when_the_seller_gets_paid_is_an_honest_unknown() -> None:
    """Rakuten's payout timing, asked after a shipping step, is not a shipping question."""
    answer = SupportEngine().answer("once we ship, how fast does Rakuten pay the seller?")
    assert answer.intent == "unknown"
    assert answer.facts["escalate"] is True


@pytest.mark.parametrize(
    "question",
    [
        "Rakuten rejects our tracking numbers for Chronopost parcels, any idea why?",
        "rakuten refuse nos numéros de suivi DPD depuis lundi",
    ],
)
def test_tracking_numbers_refused_with_a_carrier_named_is_a_refusal_to_explain(
    question: str,
) -> None:
    """The refusal is the question, not the carrier's support: every cause it can be."""
    answer = SupportEngine().answer(question)
    assert answer.intent == "error_explain"
    assert len(answer.facts["possible_error_ids"]) == 4


def test_a_link_asked_in_its_own_sentence_uses_the_messages_carrier_and_number() -> None:
    """ "Colissimo number 6A12345678905. Can you make the link? And is it accepted?": the
    first part is that parcel's link, not the general rules of links."""
    answer = SupportEngine().answer(
        "Le numéro Colissimo c'est 6A12345678905. Tu peux me faire le lien ? "
        "Et Colissimo est bien accepté ?"
    )
    assert answer.parts[0].intent == "tracking_url"
    assert answer.parts[0].facts["number"] == "6A12345678905"


@pytest.mark.parametrize(
    ("message", "parts"),
    [
        (
            "les commandes ne remontent pas, et le token je le trouve où ?",
            ["setup_walkthrough", "token_help"],
        ),
        (
            "j'ai l'erreur Unknown user or password ce matin. et les ventes belges remontent "
            "pas non plus",
            ["error_explain", "country_scope"],
        ),
    ],
)
def test_a_problem_told_beside_a_question_or_another_problem_is_answered_too(
    message: str, parts: list[str]
) -> None:
    """A problem is what the user wants answered, asked with a mark or not."""
    answer = SupportEngine().answer(message)
    assert [part.intent for part in answer.parts] == parts


def test_i_dont_know_before_a_question_is_no_problem_to_answer() -> None:
    """ "je ne sais pas, X ?" is one question: the hesitation is no part."""
    answer = SupportEngine().answer("je ne sais pas, Colissimo est accepté ?")
    assert answer.parts == []
    assert answer.intent == "carrier_support"


def test_the_exact_hourly_figure_asked_beside_the_quota_errors_name_is_unknown() -> None:
    """Naming "Quota exceeded" while asking the exact number of calls is no paste to
    explain: the figure is not published."""
    answer = SupportEngine().answer(
        "how many calls per hour exactly can we make before Quota exceeded comes back?"
    )
    assert answer.intent == "unknown"
    assert answer.facts["escalate"] is True


def test_a_carrier_asked_after_a_link_its_number_proved_is_an_alternative() -> None:
    """ "and DPD UK?" after a Royal Mail link: DPD UK's answer, not Royal Mail's link again."""
    engine, conv = SupportEngine(), Conversation()
    engine.answer("link for Royal Mail RB510463275GB", conv)
    answer = engine.answer("and DPD UK?", conv)
    assert answer.intent == "carrier_support"
    assert answer.facts["carrier_ids"] == ["dpd-uk"]


def test_another_number_after_a_detection_is_detected() -> None:
    """ "and this one?" with a new number after "which carrier is ..." detects it."""
    engine, conv = SupportEngine(), Conversation()
    engine.answer("which carrier is 1Z4A0X990366281048", conv)
    answer = engine.answer("and this one? CD641903275BE", conv)
    assert answer.intent == "detect_carrier"
    assert "bpost" in answer.facts["candidate_ids"]


def test_why_not_after_a_refused_carrier_asks_more_of_that_carrier() -> None:
    """ "pourquoi pas ?" after "Heppner: no" is about Heppner."""
    engine, conv = SupportEngine(), Conversation()
    engine.answer("Heppner est accepté ?", conv)
    answer = engine.answer("pourquoi pas ?", conv)
    assert answer.intent == "carrier_support"
    assert answer.facts["carrier_ids"] == ["heppner"]


def test_the_link_asked_in_a_second_question_is_the_first_ones_carriers() -> None:
    """ "is Colis Privé ok? and what does the link need?": the second part is Colis Privé's
    link, not the setup steps."""
    answer = SupportEngine().answer(
        "is Colis Privé ok for rakuten? and what do i need for the link"
    )
    assert [part.intent for part in answer.parts] == ["carrier_support", "tracking_url"]
    assert answer.parts[1].facts["carrier_ids"] == ["colis-prive"]


@pytest.mark.parametrize(
    "question",
    [
        "on expédie avec Colissimo et Zorglub, ça passe ?",
        "we ship with Zorglub and Chronopost, is that ok?",
    ],
)
def test_an_unknown_name_beside_a_registered_carrier_is_said_unknown(question: str) -> None:
    """Both carriers asked about are answered: the unknown one is never dropped silently."""
    answer = SupportEngine().answer(question)
    assert answer.intent == "carrier_support"
    assert "`Zorglub`" in answer.text


def test_a_broken_session_file_says_why_in_the_readers_words(tmp_path: Path) -> None:
    """No class name ("JSONDecodeError"): where the JSON breaks, in French for a French user."""
    from rakuten_assist.errors import ConfigError
    from rakuten_assist.support.session import load_session

    broken = tmp_path / "s.json"
    broken.write_text('{"version": 1,', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_session(broken, "fr")
    assert "JSONDecodeError" not in str(caught.value)
    assert "ligne 1" in str(caught.value)

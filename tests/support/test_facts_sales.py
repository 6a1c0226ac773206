"""The facts of rakuten-api.md §1 and §2 (area ``sales``) answer the questions that ask for
them, in the asker's language under their intent, and no question that only shares their
words."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine
from rakuten_assist.support.reference_facts import ReferenceFact, reference_facts

_SALES = tuple(fact for fact in reference_facts() if fact.area == "sales")
_EXAMPLES = [
    pytest.param(fact, lang, question, id=f"{fact.id}-{lang}-{n}")
    for fact in _SALES
    for lang, questions in sorted(fact.examples.items())
    for n, question in enumerate(questions)
]


@pytest.fixture(scope="module")
def engine() -> SupportEngine:
    """One engine for the module: answering holds no state between questions."""
    return SupportEngine()


def test_the_area_holds_its_facts_each_with_examples_in_both_languages() -> None:
    """Every sales fact has two or more example questions in English and in French, and its
    source is §1 or §2 of the reference notes."""
    assert len(_SALES) >= 30
    for fact in _SALES:
        assert len(fact.examples.get("en", ())) >= 2, fact.id
        assert len(fact.examples.get("fr", ())) >= 2, fact.id
        assert fact.source in {"rakuten-api.md §1", "rakuten-api.md §2"}, fact.id


@pytest.mark.parametrize(("fact", "lang", "question"), _EXAMPLES)
def test_an_example_question_is_answered_with_its_fact(
    engine: SupportEngine, fact: ReferenceFact, lang: str, question: str
) -> None:
    """Each example question gets its own fact, under the fact's intent, in its language."""
    answer = engine.answer(question)
    assert answer.facts.get("fact_id") == fact.id
    assert answer.intent == fact.intent
    assert answer.lang == lang


@pytest.mark.parametrize(
    "question",
    [
        "where do I find my token?",
        "lien colissimo 6A12345678905",
        "is Colissimo supported?",
        "comment annuler une vente ?",
        "how do I reply to a buyer message?",
        "is there a sandbox I can test on?",
        "how do I run rakuten-assist with --sandbox?",
        "what's the difference between getnewsales and getcurrentsales?",
        "why is an order I accepted not in getnewsales anymore",
        "What does the item status REMINDED mean in getnewsales?",
        "The test order shows up in getnewsales, should the connector accept it like a normal sale",
        "Is the pwd parameter my Rakuten website password or something else?",
        "Is Royal Mail Tracked 48 ok for Rakuten France orders going to UK buyers?",
        "le client envoie en lettre suivie pour les petits accessoires (coques de telephone), "
        "c'est quoi le bon transporteur a choisir sur rakuten ?",
        "what's the phone number of Rakuten seller support?",
        "quelle quantité de stock mettre dans le flux ?",
        "which version of the PrestaShop module should I install?",
        "le client a annulé sa commande, je fais quoi ?",
        "Rakuten refuses my tracking number, why?",
        "my buyer changed his delivery address, what do I do?",
        "is Mondial Relay accepted on Rakuten?",
        "which HTTP status code does the tracking page return?",
        "the XML has a parse error with accents",
        "how many calls per hour can I make?",
        "what version of Windows do I need?",
        "I get an error that looks like a token problem",
        "who is the sender of this mail?",
        "est-ce que priceminister existe encore ?",
        "envoi par poste en lettre suivie, quel transporteur ?",
        "Which sales channel for Belgium?",
        "Rakuten refused the whole order, why?",
        "je veux mettre une précommande en vente, comment ?",
        "getcurrentsales takes 3 days to show an order?",
        "getnewsales contains an order I already accepted, why?",
        "je ne vois pas la page des nouvelles ventes dans mon compte vendeur",
        "does the API accept orders from Belgium?",
        "is the tracking_url parameter mandatory?",
        "champs obligatoires du flux catalogue ?",
        "can I filter getnewsales by country?",
        "getnewsales est vide alors que j'ai des commandes, pourquoi ?",
        "how do I get orders as json with rakuten-assist?",
        "je suis au téléphone avec un nouveau vendeur, on démarre sa connexion commandes",
        "I'm on the phone with a seller about their orders connection, where do we start?",
        # near the phrases added for the development tables dev19 and dev21
        "What commission does Rakuten take on books?",
        "Three of the same items are left in stock, how do I update the feed?",
        "Quel transporteur choisir pour livrer en point relais ?",
        "Is our web service token the same as the website password?",
        "Can the order export come out as a JSON file?",
        "Our HTTP client logs every call, is that a problem for the token?",
    ],
)
def test_a_question_sharing_words_with_a_fact_is_not_answered_by_it(
    engine: SupportEngine, question: str
) -> None:
    """A question that only shares words with a sales fact (or belongs to another intent's
    answer) gets no sales fact."""
    answer = engine.answer(question)
    assert answer.facts.get("fact_id") not in {fact.id for fact in _SALES}


@pytest.mark.parametrize(
    ("question", "lang", "said"),
    [
        ("What value goes in shippingfromcountry for France?", "en", "**France must be `249`**"),
        ("shippingfromcountry pour la France, 250 ?", "fr", "**La France doit être `249`**"),
    ],
)
def test_the_french_shipping_country_code_is_249_not_250(
    engine: SupportEngine, question: str, lang: str, said: str
) -> None:
    """Asked which code France takes in shippingfromcountry, the answer says 249, not 250."""
    answer = engine.answer(question)
    assert answer.intent == "country_scope"
    assert answer.lang == lang
    assert said in answer.text


def test_what_the_sources_do_not_explain_is_an_escalated_i_dont_know(
    engine: SupportEngine,
) -> None:
    """The undocumented sale flags get the honest "not documented", marked for escalation."""
    answer = engine.answer("What does isrsl mean in the sale XML?")
    assert answer.intent == "unknown"
    assert answer.facts["escalate"] is True
    assert "not documented" in answer.text


def test_a_pasted_rakuten_error_keeps_its_explanation(engine: SupportEngine) -> None:
    """A pasted error about acceptsale is explained by the error catalogue, not by the
    acceptsale fact."""
    answer = engine.answer(
        "acceptsale answers: Problem with parameters. The parameter 'itemid' is invalid."
    )
    assert answer.intent == "error_explain"
    assert "fact_id" not in answer.facts

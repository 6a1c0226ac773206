"""The support engine: carrier facts from the registry, multi-turn memory, honest unknowns."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any, cast

import pytest

from rakuten_assist.carriers import check_carrier, registry
from rakuten_assist.models import Address, OrderLine, Sale, SaleItem
from rakuten_assist.support import INTENTS, Answer, Conversation, Engine, Source, SupportEngine


@pytest.fixture
def engine() -> SupportEngine:
    """A fresh engine without any account."""
    return SupportEngine()


def test_engine_satisfies_the_protocol(engine: SupportEngine) -> None:
    """SupportEngine can be given wherever the Engine protocol is expected."""
    assert isinstance(engine, Engine)


def test_carrier_facts_are_the_registry_facts(engine: SupportEngine) -> None:
    """The Rakuten name, support and example URL are exactly what `carriers check` says."""
    answer = engine.answer("colisimo c'est bon ?")
    facts = answer.facts["carriers"][0]
    check = check_carrier("colissimo")
    assert facts["id"] == "colissimo"
    assert facts["rakuten_name"] == check.rakuten_name
    assert facts["tracking_url"] == check.tracking_url
    assert facts["supported"] is check.supported
    carrier = registry().get("colissimo")
    assert carrier is not None
    source = answer.sources[0]
    assert (source.kind, source.ref, source.updated) == ("carrier", "colissimo", carrier.written)
    assert source.render("fr").startswith(f"registre des transporteurs : {carrier.name}")


def test_two_carriers_with_postcode_needs(engine: SupportEngine) -> None:
    """The support agent's journey: both carriers, each with yes/no, name, link and needs."""
    answer = engine.answer(
        "on expédie avec Mondial Relay et parfois Colis Privé, ça passe pour Rakuten ?"
    )
    assert answer.lang == "fr"
    by_id = {c["id"]: c for c in answer.facts["carriers"]}
    assert set(by_id) == {"mondial-relay", "colis-prive"}
    for carrier_id, facts in by_id.items():
        carrier = registry().get(carrier_id)
        assert carrier is not None
        assert facts["rakuten_name"] in carrier.rakuten_names
        assert facts["needs"] == list(carrier.needs)
        assert facts["rakuten_name"] in answer.text
    assert len(answer.sources) == 2


def test_unsupported_carrier_says_no_without_a_url(engine: SupportEngine) -> None:
    """A carrier without a public tracking page is a clear no, and no URL is invented."""
    answer = engine.answer("amazon logistics supported?")
    facts = answer.facts["carriers"][0]
    assert facts["supported"] is False
    assert facts["tracking_url"] is None
    assert "http" not in answer.text


def test_follow_up_carrier_keeps_the_question(engine: SupportEngine) -> None:
    """'and Chronopost?' after a carrier question is a carrier question about Chronopost."""
    conversation = Conversation()
    engine.answer("is colissimo supported?", conversation)
    answer = engine.answer("and Chronopost?", conversation)
    assert answer.intent == "carrier_support"
    assert answer.facts["carrier_ids"] == ["chronopost"]
    assert answer.lang == "en"


def test_a_number_after_which_one_settles_the_name(engine: SupportEngine) -> None:
    """After 'DPD can mean...', a number only DPD France's formats take gives its link."""
    conversation = Conversation()
    asked = engine.answer("is DPD supported?", conversation)
    assert "dpd-fr" in asked.facts["ambiguous"][0]["candidates"]
    answer = engine.answer("250123456789012", conversation)
    assert answer.intent == "tracking_url"
    assert answer.facts["carrier_ids"] == ["dpd-fr"]
    assert answer.facts["tracking_url"]


def test_postcode_is_asked_then_used(engine: SupportEngine) -> None:
    """A carrier that needs the postcode asks for it; the next message completes the link."""
    conversation = Conversation()
    first = engine.answer("lien de suivi mondial relay 12345678", conversation)
    assert first.intent == "tracking_url"
    assert first.facts["tracking_url"] is None
    assert "postal_code" in first.facts["missing"]
    assert conversation.pending == "postcode"
    second = engine.answer("75015", conversation)
    assert second.intent == "tracking_url"
    assert second.lang == "fr"
    assert second.facts["postcode"] == "75015"
    assert "75015" in second.facts["tracking_url"]
    assert "12345678" in second.facts["tracking_url"]


def test_yes_runs_the_suggested_next_step(engine: SupportEngine) -> None:
    """'oui' after an answer runs the first suggestion it offered."""
    conversation = Conversation()
    first = engine.answer("mon login c mon mail ?", conversation)
    assert first.suggestions
    answer = engine.answer("oui", conversation)
    assert answer.intent == "setup_walkthrough"
    assert answer.facts["step"] == "token"
    assert answer.facts["where"] == "Mon compte > Mes informations développeur"
    assert answer.lang == "fr"


def test_bare_number_after_a_carrier_builds_its_link(engine: SupportEngine) -> None:
    """A number alone after a carrier question is that carrier's tracking number."""
    conversation = Conversation()
    engine.answer("ups?", conversation)
    answer = engine.answer("1Z999AA10123456784", conversation)
    assert answer.intent == "tracking_url"
    assert answer.facts["carrier_ids"] == ["ups"]
    assert answer.facts["tracking_url"].startswith("https://")


def test_unknown_lists_what_it_can_do_and_escalates(engine: SupportEngine) -> None:
    """An honest 'I don't know' in the user's language, with topics and escalation."""
    answer = engine.answer("comment changer la couleur de ma boutique ?")
    assert answer.intent == "unknown"
    assert answer.lang == "fr"
    assert answer.facts["escalate"] is True
    assert len(answer.facts["can_help_with"]) >= 10
    assert "support technique" in answer.text


def test_forced_language_wins(engine: SupportEngine) -> None:
    """--lang forces the answer's language whatever the question's."""
    assert engine.answer("where is the token?", lang="fr").lang == "fr"
    assert SupportEngine(lang="en").answer("où est le jeton ?").lang == "en"


def test_answers_are_json_and_cite_sources(engine: SupportEngine) -> None:
    """Every answer serialises to the ask --json shape and names a source."""
    for question in ("bonjour", "Quota exceeded.", "6A12345678905", "le sku est vide"):
        answer = engine.answer(question)
        data = json.loads(json.dumps(answer.to_json()))
        assert set(data) >= {"intent", "lang", "answer", "facts", "sources", "suggestions"}
        assert data["intent"] in INTENTS
        assert answer.sources


def _line(item_id: str, status: str, sku: str | None, headline: str = "Mug") -> OrderLine:
    sale = Sale(
        purchase_id="430000001",
        purchase_date=datetime(2024, 7, 13, 21, 27, tzinfo=UTC),
        delivery_address=Address(country_code="BE"),
        items=(SaleItem(item_id=item_id, sku=sku, status=status, headline=headline),),
    )
    return OrderLine(
        source="new" if status == "REQUESTED" else "current", sale=sale, item=sale.items[0]
    )


def test_order_status_names_what_blocks_shipping() -> None:
    """An item not accepted yet with an empty SKU gets both blockers, in the user's language."""
    engine = SupportEngine(orders=[_line("260300001", "REQUESTED", None)])
    answer = engine.answer("why can't I ship item 260300001")
    assert answer.intent == "order_status"
    assert answer.facts["found"] is True
    assert answer.facts["blockers"] == ["empty_sku", "not_accepted"]
    assert "accept it first" in answer.text


def test_order_status_says_the_status_in_words_of_the_language() -> None:
    """A French order answer says "relancé" / "demandé", never Rakuten's code REMINDED, and
    the facts keep the code for scripts."""
    engine = SupportEngine(orders=[_line("260300001", "REMINDED", "RK-1")])
    answer = engine.answer("où en est la commande 430000001 ?")
    assert "(relancé, pays acheteur BE)" in answer.text
    assert "REMINDED" not in answer.text
    assert answer.facts["status"] == "REMINDED"
    english = SupportEngine(orders=[_line("260300002", "REQUESTED", "RK-1")])
    assert "(requested, buyer country BE)" in english.answer("status of item 260300002").text


def test_order_status_does_not_guess_test_orders_from_the_title() -> None:
    """A real product whose title says "test" is ready to ship, not flagged as a test order."""
    engine = SupportEngine(
        orders=[_line("260300009", "ACCEPTED", "RK-1", "Kit de test pH piscine")]
    )
    answer = engine.answer("où en est la commande 430000001 ?")
    assert answer.facts["blockers"] == []
    assert "prête à expédier" in answer.text
    assert "test" not in answer.text.lower()


def test_order_status_unknown_id_is_said_honestly() -> None:
    """An id that is not among the open orders is reported as such, not guessed."""
    engine = SupportEngine(orders=[_line("260300001", "ACCEPTED", "RK-1")])
    answer = engine.answer("status of order 430999999")
    assert answer.facts["found"] is False
    assert answer.facts["open_items"] == 1


def test_answer_model_is_frozen() -> None:
    """Answers are values: front ends cannot change them by accident."""
    answer = Answer(intent="greeting", lang="en", text="hi", sources=[Source(kind="registry")])
    with pytest.raises(ValueError, match="frozen"):
        answer.text = "changed"  # type: ignore[misc]


def test_a_named_error_is_explained_without_pasting(engine: SupportEngine) -> None:
    """'what is the quota' gets the quota entry: per hour, wait for the next hour."""
    answer = engine.answer("what is the quota")
    assert answer.intent == "error_explain"
    assert answer.facts["error_id"] == "rakuten.quota_exceeded"
    assert "hour" in answer.facts["fix"]


def test_carrier_rules_without_a_carrier(engine: SupportEngine) -> None:
    """'Autre c'est quoi ?' explains Autre and the mandatory tracking URL, in French."""
    answer = engine.answer("Autre c'est quoi ?")
    assert answer.intent == "carrier_support"
    assert answer.lang == "fr"
    assert answer.facts["url_required"] is True
    assert "`Autre`" in answer.text


def test_error_mentioned_but_not_pasted_asks_for_it(engine: SupportEngine) -> None:
    """'j'ai une erreur' asks for the exact message rather than guessing one."""
    answer = engine.answer("bonjour j'ai une erreur")
    assert answer.intent == "error_explain"
    assert answer.facts["error_id"] is None
    assert "Collez le message" in answer.text


def test_link_for_a_carrier_asks_for_the_number_then_builds_it(engine: SupportEngine) -> None:
    """'lien de suivi colissimo' asks for the number; the number alone then gets the link."""
    conversation = Conversation()
    first = engine.answer("lien de suivi colissimo", conversation)
    assert first.intent == "tracking_url"
    assert first.facts["missing"] == ["number"]
    answer = engine.answer("6A12345678905", conversation)
    assert answer.intent == "tracking_url"
    assert answer.lang == "fr"
    assert answer.facts["tracking_url"].endswith("6A12345678905")


@pytest.mark.parametrize(
    ("question", "lang", "words"),
    [
        ("is Amazon Logistics supported?", "en", "to use instead"),
        ("amazon logistics c'est accepté ?", "fr", "à utiliser à la place"),
    ],
)
def test_unsupported_carrier_answer_names_supported_alternatives(
    question: str, lang: str, words: str
) -> None:
    """A no comes with carriers the merchant can use instead, all of them supported."""
    from rakuten_assist.carriers import check_carrier
    from rakuten_assist.support import SupportEngine

    answer = SupportEngine().answer(question)
    assert answer.lang == lang
    assert words in answer.text
    carriers = answer.facts["carriers"] if "carriers" in answer.facts else [answer.facts]
    alternatives = carriers[0]["alternatives"]
    assert alternatives
    for name in alternatives:
        assert name in answer.text
        assert check_carrier(name).supported


@pytest.mark.parametrize("reply", ["oui", "yes", "ok"])
def test_yes_never_fills_the_awaited_postcode(engine: SupportEngine, reply: str) -> None:
    """'yes' to the postcode question asks again; no postcode the user did not type is used."""
    conversation = Conversation()
    first = engine.answer("lien de suivi mondial relay 12345678", conversation)
    assert first.suggestions == []
    second = engine.answer(reply, conversation)
    assert second.intent == "tracking_url"
    assert second.facts["tracking_url"] is None
    assert second.facts["postcode"] is None
    assert "postal_code" in second.facts["missing"]
    third = engine.answer("69002", conversation)
    assert "codePostal=69002" in third.facts["tracking_url"]


@pytest.mark.parametrize("word", ["commande", "commandes", "order", "passe", "produit"])
def test_ordinary_words_never_fuzzy_match_a_carrier(word: str) -> None:
    """An everyday word is never read as a typo of a carrier alias ("commande" ~ "recommande")."""
    from rakuten_assist.support._carrier_mentions import find_carriers

    assert find_carriers(f"ma {word} est bloquée") == []


@pytest.mark.parametrize(
    ("question", "number", "purchase_id"),
    [
        ("quel transporteur pour la commande 6A12345678905 ?", "6A12345678905", None),
        ("tracking for order 1Z5R89390357567127", "1Z5R89390357567127", None),
        ("commande 1234567890 bloquée", None, "1234567890"),
    ],
)
def test_only_digit_ids_after_order_words_are_order_ids(
    question: str, number: str | None, purchase_id: str | None
) -> None:
    """After "commande"/"order", a Rakuten-shaped id is an order id, anything else a number."""
    from rakuten_assist.support._entities import extract_entities

    entities = extract_entities(question)
    assert entities.numbers == ([number] if number else [])
    assert entities.purchase_id == purchase_id


class _NoItemLookups:
    """A client that fails the test if getiteminfos is called."""

    def get_item_infos(self, item_id: str) -> None:
        raise AssertionError(f"getiteminfos called for {item_id}: it marks messages as read")


def test_an_item_not_open_is_never_looked_up_item_by_item() -> None:
    """An item not among the open orders is reported as such, without calling getiteminfos."""
    client = cast(Any, _NoItemLookups())
    engine = SupportEngine(client=client, orders=[_line("260300001", "ACCEPTED", "RK-1")])
    answer = engine.answer("status of item 260300999")
    assert answer.intent == "order_status"
    assert answer.facts["found"] is False
    assert answer.facts["open"] is False
    assert "seller account" in answer.text


def test_the_client_is_opened_only_for_an_order_question() -> None:
    """A carrier question never calls the client factory; an order question does, once."""
    calls: list[str] = []

    class _Opened(Exception):
        pass

    def factory() -> Any:
        calls.append("open")
        raise _Opened

    engine = SupportEngine(client_factory=factory)
    assert engine.answer("colissimo c'est bon ?").intent == "carrier_support"
    assert calls == []
    with pytest.raises(_Opened):
        engine.answer("where is order 430000001?")
    assert calls == ["open"]


@pytest.mark.parametrize(("question", "lang"), [("thanks", "en"), ("merci beaucoup !", "fr")])
def test_thanks_get_a_short_acknowledgement(question: str, lang: str) -> None:
    """Thanks are acknowledged briefly, without the list of topics."""
    answer = SupportEngine().answer(question)
    assert answer.intent == "greeting"
    assert answer.lang == lang
    assert answer.facts == {"acknowledged": True}
    assert "\n-" not in answer.text


def test_accept_without_a_carrier_is_not_a_carrier_question() -> None:
    """'How do I accept a sale?' is not answered with the carrier rules."""
    answer = SupportEngine().answer("how do I accept a sale?")
    assert answer.intent != "carrier_support"


def test_an_ambiguous_carrier_name_asks_which_one(engine: SupportEngine) -> None:
    """'DHL' is ambiguous for `carriers check`, so the answer lists every DHL (in French) and
    picks none."""
    conversation = Conversation()
    answer = engine.answer("on expédie en DHL, ça passe ?", conversation)
    check = check_carrier("DHL")
    assert check.carrier is None
    assert answer.intent == "carrier_support"
    assert answer.facts["carrier_ids"] == []
    assert answer.facts["ambiguous"][0]["candidates"] == [c.id for c in check.suggestions]
    assert "DHL Express, DHL Paket (Allemagne)" in answer.text  # French names in French
    assert "lequel" in answer.text
    assert engine.answer("oui", conversation).facts.get("carrier_ids") is None


def test_an_ambiguous_name_with_a_number_is_settled_by_the_number(engine: SupportEngine) -> None:
    """With a number, the number's format picks the carrier, as `carriers check` does."""
    answer = engine.answer("lien DHL 3318810025")
    assert answer.intent == "tracking_url"
    assert answer.facts["carrier_ids"] == [check_carrier("DHL", number="3318810025").carrier.id]


def test_a_carrier_not_in_the_registry_is_said_clearly(engine: SupportEngine) -> None:
    """An unknown carrier name gets 'not in the registry', never a made-up link, a source,
    and is the honest "I don't know" with who can answer."""
    name = "Vinted Go"
    answer = engine.answer(f"is {name} supported?")
    assert answer.intent == "unknown"
    assert answer.facts["escalate"] is True
    assert "Rakuten seller support" in answer.text
    assert answer.facts["unknown"] == [name]
    assert answer.facts["carrier_ids"] == []
    assert "http" not in answer.text
    assert f"`{name}`" in answer.text
    assert ("not in the carrier registry" in answer.text) or ("absent du registre" in answer.text)
    assert answer.sources


def test_a_shipping_platform_is_named_as_one(engine: SupportEngine) -> None:
    """Packlink is a shipping platform: the answer says so and asks for the carrier behind it."""
    answer = engine.answer("on utilise Packlink, c'est accepté ?")
    assert answer.intent == "carrier_support"
    assert answer.facts["platforms"] == ["Packlink"]
    assert answer.facts["carrier_ids"] == []
    assert "plateforme d'expédition" in answer.text
    assert "http" not in answer.text


def test_another_marketplace_is_out_of_scope(engine: SupportEngine) -> None:
    """Cdiscount is a marketplace (the carrier lookup says so): an honest don't-know."""
    answer = engine.answer("does this work with Cdiscount too?")
    assert answer.intent == "unknown"
    assert answer.facts["out_of_scope"] == "other_marketplaces"
    assert answer.facts["who"] == "marketplace_support"


def test_limited_source_warning_is_shown(engine: SupportEngine) -> None:
    """A tracking page known from limited sources is flagged in the text, not only in facts."""
    answer = engine.answer("GLS France ok ?")
    assert answer.facts["carriers"][0]["limited_sources"] is True
    assert "limited sources" in answer.text


def test_no_tracking_link_quick_reply_for_a_carrier_without_a_page(engine: SupportEngine) -> None:
    """A number most likely from a carrier with no tracking page gets no 'tracking link' reply."""
    answer = engine.answer("TBA123456789012")
    assert answer.facts["candidate_ids"][0] == "amazon-logistics"
    assert not any("tracking link" in s or "lien de suivi" in s for s in answer.suggestions)


def test_no_carrier_detected_still_cites_its_source(engine: SupportEngine) -> None:
    """'No carrier uses numbers like this' says where that comes from."""
    answer = engine.answer("ZZZZ99999999ZZZZ99")
    assert answer.intent == "detect_carrier"
    assert answer.facts["candidates"] == []
    assert answer.sources == [Source(kind="no_format")]
    assert answer.sources[0].render("en") == "carrier registry: no carrier's number format fits"


def test_unsupported_carrier_gets_no_tracking_link_quick_reply(engine: SupportEngine) -> None:
    """A carrier without a tracking page is never offered a 'tracking link for X' reply."""
    answer = engine.answer("amazon logistics supported?")
    assert not any("tracking link" in s for s in answer.suggestions)


def test_french_answer_without_a_page_has_no_registry_english(engine: SupportEngine) -> None:
    """The registry's English no-URL reason is not pasted into a French answer."""
    answer = engine.answer("Tatex est accepté ?")
    assert answer.lang == "fr"
    reason = registry().get("tatex").reason("en")
    assert reason not in answer.text
    assert "page de suivi publique" in answer.text


def test_french_answer_gives_the_carriers_own_reason_in_french(engine: SupportEngine) -> None:
    """A refused carrier with its own reason (Amazon Logistics) keeps that reason in French."""
    carrier = registry().get("amazon-logistics")
    french = engine.answer("amazon logistics c'est accepté ?")
    assert french.lang == "fr"
    assert carrier.reason("fr") is not None
    assert carrier.reason("fr") in french.text
    assert "commande Amazon" in french.text
    english = engine.answer("is amazon logistics supported?")
    assert carrier.reason("en") is not None
    assert carrier.reason("en") in english.text
    assert carrier.reason("fr") not in english.text


def test_french_invalid_number_answer_is_french(engine: SupportEngine) -> None:
    """A number that does not fit the carrier is explained in French, not with the English error."""
    answer = engine.answer("lien colissimo 12345678")
    assert answer.lang == "fr"
    assert answer.facts["problem"]
    assert answer.facts["problem"] not in answer.text
    assert "ne correspond pas" in answer.text

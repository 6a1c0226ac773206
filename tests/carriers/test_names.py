"""The one name lookup: our tuning table, free-text mentions, lists of names, follow-up numbers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rakuten_assist.carriers import (
    Registry,
    check_carrier,
    find_mentions,
    follow_up,
    load_registry,
    resolve_name,
    split_carrier_list,
)
from rakuten_assist.carriers.names import name_tokens

_REGISTRY = load_registry()
_GENERIC_WORDS = _REGISTRY.names.generic
#: every carrier name and alias run together ("paqpremium", "epacket")
_ALIAS_KEYS = frozenset(
    "".join(name_tokens(alias))
    for carrier in _REGISTRY
    for alias in (carrier.name, *carrier.aliases)
)
_TABLE: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "names_tuning.json").read_text(encoding="utf-8")
)["names"]


def outcome_fits(match: Any, expect: str) -> bool:
    """Whether a lookup answer is the expected outcome of the tuning table."""
    if expect.startswith("carrier:"):
        return bool(match.kind == "carrier" and match.carrier.id == expect.split(":", 1)[1])
    if expect.startswith("ambiguous:"):
        wanted = set(expect.split(":", 1)[1].split(","))
        return match.kind == "ambiguous" and {c.id for c in match.candidates} == wanted
    if expect == "not-carrier":
        return bool(match.kind in ("unknown", "ambiguous"))
    return bool(match.kind == expect)


def test_the_tuning_table_is_large_and_varied() -> None:
    """At least 150 names, with carriers, ambiguities, platforms, marketplaces and unknowns."""
    assert len(_TABLE) >= 150
    kinds = {row["expect"].split(":")[0] for row in _TABLE}
    assert kinds == {"carrier", "ambiguous", "platform", "marketplace", "other", "not-carrier"}


@pytest.mark.parametrize("row", _TABLE, ids=lambda r: r["name"])
def test_name_gets_its_expected_outcome(row: dict[str, Any], reg: Registry) -> None:
    """Each name of the tuning table resolves as expected; never to a wrong carrier."""
    match = resolve_name(row["name"], registry_=reg)
    assert outcome_fits(match, row["expect"]), match


_GENERIC = ["post", "Poste", "express", "colis", "relais", "point", "logistics", "mail",
            "shipping", "freight", "international"]  # fmt: skip


@pytest.mark.parametrize("word", _GENERIC)
def test_a_generic_word_alone_never_names_a_carrier(word: str, reg: Registry) -> None:
    """'post' is not bpost, 'express' is not DHL Express: generic words need a brand."""
    assert resolve_name(word, registry_=reg).kind == "unknown"


def test_a_country_typed_is_never_dropped(reg: Registry) -> None:
    """'Correos Chile' is not Correos (Spain); 'DPD Ireland' is the DPD that serves Ireland."""
    chile = resolve_name("Correos Chile", registry_=reg)
    assert chile.kind == "unknown"
    assert chile.qualifier == "CL"
    ireland = resolve_name("DPD Ireland", registry_=reg).carrier
    assert ireland is not None
    assert ireland.id == "dpd-group"


def test_an_ambiguous_name_is_settled_by_a_number(reg: Registry) -> None:
    """'DHL' with a mod-7 waybill is DHL Express, and the number's check is kept for reuse."""
    match = resolve_name("DHL", "3318810025", registry_=reg)
    assert match.kind == "carrier"
    assert match.carrier is not None
    assert match.carrier.id == "dhl-express"
    assert match.how == "number"
    assert match.number_check is not None
    assert match.number_check.checksum


def test_platforms_marketplaces_and_autre_are_named_as_such(reg: Registry) -> None:
    """Boxtal is a platform, Amazon a marketplace (Amazon Logistics suggested), Autre explained."""
    fr = check_carrier("Boxtal", registry_=reg, message_lang="fr")
    assert not fr.supported
    assert "plateforme d'expédition" in fr.message
    amazon = check_carrier("Amazon", registry_=reg)
    assert amazon.name is not None
    assert amazon.name.kind == "marketplace"
    assert [c.id for c in amazon.suggestions] == ["amazon-logistics"]
    assert "not a carrier" in check_carrier("Autre", registry_=reg).message


def test_french_answers_carry_the_french_refusal_reason(reg: Registry) -> None:
    """A refused carrier answered in French gives its reason in French, no English."""
    answer = check_carrier("Dachser", registry_=reg, message_lang="fr")
    dachser = reg.by_id["dachser"]
    assert not answer.supported
    assert dachser.reason("fr") in answer.message
    assert dachser.reason("en") not in answer.message


def test_mentions_in_a_message(reg: Registry) -> None:
    """Carriers, platforms and marketplaces named in a sentence, in order, each once."""
    text = "J'envoie avec Kuehne+Nagel et parfois Colissimo via Boxtal, pas par la poste du Canada"
    found = [(m.text, m.match.kind) for m in find_mentions(text, reg)]
    assert found[:3] == [
        ("Kuehne+Nagel", "carrier"),
        ("Colissimo", "carrier"),
        ("Boxtal", "platform"),
    ]
    assert all(
        m.match.carrier is None or m.match.carrier.id != "bpost" for m in find_mentions(text, reg)
    )


def test_common_words_are_not_typos_of_carriers(reg: Registry) -> None:
    """With the caller's common-word test, 'commande' is never a typo of a carrier."""
    common = {"commande", "colis", "avec"}.__contains__
    assert find_mentions("ma commande est partie", reg, is_common=common) == []


def test_lists_keep_names_with_punctuation_whole(reg: Registry) -> None:
    """'Kuehne+Nagel', 'DB Schenker' and 'S.F. Express' stay whole; commas and 'et' split."""
    assert split_carrier_list("Kuehne+Nagel, DB Schenker et S.F. Express", reg) == [
        "Kuehne+Nagel",
        "DB Schenker",
        "S.F. Express",
    ]
    assert split_carrier_list("Colissimo / Chronopost", reg) == ["Colissimo", "Chronopost"]


def test_a_follow_up_number_that_does_not_fit_is_detected_afresh(reg: Registry) -> None:
    """A Colissimo number after 'Kuehne+Nagel' (no format) is detected as Colissimo."""
    answer = follow_up(reg.by_id["kuehne-nagel"], "6A12345678905", reg)
    assert not answer.fits
    assert answer.status == "no_format"
    assert answer.detected[0].carrier.id == "colissimo"
    ups = follow_up(reg.by_id["colissimo"], "1Z5R89390357567127", reg)
    assert ups.status == "refused"
    assert ups.detected[0].carrier.id == "ups"
    assert follow_up(reg.by_id["ups"], "1Z5R89390357567127", reg).fits


def test_a_number_problem_is_said_in_french_to_a_french_reader(reg: Registry) -> None:
    """A mistyped Colissimo number, answered in French, explains the check digit in French."""
    answer = check_carrier("colissimo", number="6A12345678900", registry_=reg, message_lang="fr")
    assert answer.number is not None
    assert not answer.number.valid
    assert "clé de contrôle ne correspond pas" in answer.message
    assert "check digit" not in answer.message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("is Vinted Go supported?", []),
        ("ma commande 123 est partie en recommandé", [("recommandé", "la-poste-lettre-suivie")]),
        ("chronopots ou mondial relais ?",
         [("chronopots", "chronopost"), ("mondial relais", "mondial-relay")]),
        ("DPD en Belgique ?", [("DPD", "dpd-group")]),
        ("mondial relai ça marche ?", [("mondial relai", "mondial-relay")]),
    ],
)  # fmt: skip
def test_mentions_rest_on_distinctive_words(
    text: str, expected: list[tuple[str, str]], reg: Registry
) -> None:
    """No marketplace for 'Vinted Go', no typo on 'commande', a country next to a brand counts."""
    found = [(m.text, m.match.carrier.id) for m in find_mentions(text, reg) if m.match.carrier]
    assert found == expected


def test_a_brand_alone_in_a_message_asks_which(reg: Registry) -> None:
    """'envoyé en DPD' names four DPD carriers: the mention is ambiguous, as the typed name."""
    (mention,) = find_mentions("envoyé en DPD", reg)
    assert mention.match.kind == "ambiguous"
    assert {c.id for c in mention.match.candidates} == {"dpd-fr", "dpd-group", "dpd-de", "dpd-uk"}


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_any_text_gets_an_answer_never_an_error(text: str) -> None:
    """Whatever is typed, the lookup answers with one of its kinds and never raises."""
    match = resolve_name(text)
    assert match.kind in {"carrier", "ambiguous", "platform", "marketplace", "other", "unknown"}
    assert (match.carrier is not None) == (match.kind == "carrier")
    for mention in find_mentions(text):
        assert text[mention.start : mention.end]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(sorted(_GENERIC_WORDS)), min_size=1, max_size=4))
def test_generic_words_together_never_name_one_carrier(words: list[str]) -> None:
    """Any run of generic words ("express post colis") is never one carrier, unless some of
    them written together are a name of the registry ("Paq Premium", "e packet" = ePacket)."""
    match = resolve_name(" ".join(words))
    runs = {"".join(words[i:j]) for i in range(len(words)) for j in range(i + 2, len(words) + 1)}
    assert match.kind != "carrier" or runs & _ALIAS_KEYS


def test_each_answer_checks_the_number_once_per_carrier(
    reg: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    """'DHL' + a waybill: the number is validated once against DHL Express, link built once."""
    import rakuten_assist.carriers.check as check_module
    import rakuten_assist.carriers.numbers as numbers_module
    import rakuten_assist.carriers.urls as urls_module
    from rakuten_assist.carriers import tracked_link

    calls: list[str] = []
    built: list[str] = []
    real_validate = numbers_module.validate_number
    real_build = urls_module.build_tracking_url

    def counting_validate(carrier: Any, number: str) -> Any:
        calls.append(carrier.id)
        return real_validate(carrier, number)

    def counting_build(*args: Any, **kwargs: Any) -> str:
        built.append(args[0].id)
        return real_build(*args, **kwargs)

    for module in (numbers_module, check_module, urls_module):
        monkeypatch.setattr(module, "validate_number", counting_validate)
    for module in (check_module, urls_module):
        monkeypatch.setattr(module, "build_tracking_url", counting_build)
    answer = check_carrier("DHL", number="3318810025", registry_=reg)
    assert answer.tracking_url is not None
    assert calls.count("dhl-express") == 1
    assert built == ["dhl-express"]
    calls.clear()
    built.clear()
    tracked_link("DHL", "3318810025", registry_=reg)
    assert calls.count("dhl-express") == 1
    assert built == ["dhl-express"]


def test_the_marketplace_we_serve_is_context_not_a_mention(reg: Registry) -> None:
    """'ça passe pour Rakuten ?' mentions the carriers, not Rakuten; typed alone it is named."""
    text = "on expédie avec Mondial Relay et parfois Colis Privé, ça passe pour Rakuten ?"
    assert [m.text for m in find_mentions(text, reg)] == ["Mondial Relay", "Colis Privé"]
    assert resolve_name("Rakuten", registry_=reg).kind == "marketplace"


def test_a_number_for_a_carrier_without_format_names_whose_it_looks_like(reg: Registry) -> None:
    """Kuehne+Nagel with a Colissimo number: the answer warns it fits Colissimo's check digit."""
    answer = check_carrier("Kuehne+Nagel", number="6A12345678905", registry_=reg)
    assert any("of a Colissimo number" in w for w in answer.warnings)


def test_the_start_up_fast_path_answers_as_the_full_rules(reg: Registry) -> None:
    """For every name of the registry, the exact-name fast path gives the full rules' answer."""
    from rakuten_assist.carriers import names

    index = names.index_of(reg)
    texts = {t for c in reg for t in (c.id, c.name, *c.aliases)}
    checked = 0
    for text in sorted(texts):
        tokens = names.name_tokens(text)
        fast = names._exact_carrier(text, tokens, reg, None)
        if fast is None:
            continue
        full = names._whole(text, tokens, index, reg, None)
        assert full is not None, text
        assert (full.kind, full.carrier, full.rakuten_name) == (
            fast.kind,
            fast.carrier,
            fast.rakuten_name,
        ), text
        checked += 1
    assert checked > 500

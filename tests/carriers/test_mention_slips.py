"""Carrier names typed with one slip in their distinctive word are still found in a message."""

from __future__ import annotations

import pytest

from rakuten_assist.carriers import find_mentions, resolve_name
from rakuten_assist.support._lang import is_common_word


@pytest.mark.parametrize(
    ("message", "carrier_id"),
    [
        ("Chronopsot lien de suivi XW308461528FR", "chronopost"),
        ("Colisimmo ça passe ?", "colissimo"),
        ("mondail relay accepte ?", "mondial-relay"),
    ],
)
def test_one_slip_in_a_carriers_distinctive_word_still_names_it(
    message: str, carrier_id: str
) -> None:
    """Two listed spellings of one name are no tie; a slip in the anchoring word of a
    two-word name still finds it."""
    mentions = find_mentions(message)
    assert [m.match.carrier.id for m in mentions if m.match.carrier] == [carrier_id]


def test_a_slip_never_lands_on_two_carriers_at_once() -> None:
    """An ordinary word near no distinctive name word finds no carrier."""
    assert find_mentions("la commande est partie hier") == []


@pytest.mark.parametrize(
    ("message", "carrier_ids"),
    [
        ("on expédie en colis priver depuis mars", ["colis-prive"]),
        ("Relais Colsi accepté sur Rakuten ?", ["relais-colis"]),
        ("we ship with relais coliss and Colisimmo", ["relais-colis", "colissimo"]),
        ("DPD Belgqiue pour nos clients belges, ça passe ?", ["dpd-group"]),
        ("is GLS Itlay supported for Milan?", ["gls-italy"]),
        ("hermes germnay, accepted?", ["hermes-de"]),
    ],
)
def test_a_slip_in_a_name_word_or_its_country_still_names_the_carrier(
    message: str, carrier_ids: list[str]
) -> None:
    """A name of several words with one letter left out, added or swapped, and a country
    word mistyped beside a brand, name the carrier the lookup is sure of."""
    mentions = find_mentions(message, is_common=is_common_word)
    assert [m.match.carrier.id for m in mentions if m.match.carrier] == carrier_ids


@pytest.mark.parametrize(
    "message",
    ["le colis prise en charge hier soir", "un colis prime offert", "colis prêt à partir"],
)
def test_another_word_beside_a_generic_name_word_is_no_slip(message: str) -> None:
    """One letter for another makes other words ("prise", "prime"): no Colis Privé there."""
    assert find_mentions(message, is_common=is_common_word) == []


def test_a_brand_with_a_mistyped_country_that_fits_two_is_still_a_question() -> None:
    """'DPD Espange' is Spain typed with a slip: still the two DPD-group carriers for Spain,
    never DPD France."""
    match = resolve_name("DPD Espange")
    assert match.kind == "ambiguous"
    assert {c.id for c in match.candidates} == {"dpd-group", "seur"}


@pytest.mark.parametrize(
    ("name", "carrier_id"),
    [
        ("GLS Itlaie", "gls-italy"),
        ("dpd farnce", "dpd-fr"),
        ("DPD Belgqiue", "dpd-group"),
        ("Relais Coliss", "relais-colis"),
        ("colis priver", "colis-prive"),
    ],
)
def test_a_typed_name_with_one_slip_resolves(name: str, carrier_id: str) -> None:
    """A typed name with a slip in a name word or its country word resolves to the carrier,
    marked as found through a slip."""
    match = resolve_name(name)
    assert match.kind == "carrier"
    assert match.carrier is not None
    assert (match.carrier.id, match.how) == (carrier_id, "fuzzy")


@pytest.mark.parametrize("name", ["DPD Zorglub", "GLS machin", "Hermes UKK"])
def test_a_brand_with_a_word_nobody_knows_asks_which(name: str) -> None:
    """A brand several carriers carry, typed with a word no name or country explains, is a
    question: never the brand's default carrier."""
    match = resolve_name(name)
    assert match.kind == "ambiguous"
    assert len(match.candidates) >= 2


def test_a_word_one_letter_from_a_country_is_no_country_in_a_message() -> None:
    """'Mondial Relay, belle journée': 'belle' is one letter from 'belge' but another word;
    the carrier stays itself, never narrowed to a country it was not asked for."""
    mentions = find_mentions("Mondial Relay belle journée", is_common=is_common_word)
    assert [(m.match.kind, m.match.qualifier) for m in mentions] == [("carrier", None)]


def test_half_of_a_two_word_country_is_no_country() -> None:
    """'pays' alone is no Netherlands ('lien colissimo ... pays BE'); 'pays bas' is."""
    alone = find_mentions("lien colissimo 6A12345678905 pays BE", is_common=is_common_word)
    assert [m.match.carrier.id for m in alone if m.match.carrier] == ["colissimo"]
    both = resolve_name("DPD Pays-Bas")
    assert both.carrier is not None
    assert (both.carrier.id, both.qualifier) == ("dpd-group", "NL")


def _slips(name: str) -> list[str]:
    """A letter left out, doubled, or two swapped, at every third inner letter of ``name``."""
    found = []
    for i in range(1, len(name) - 2, 3):
        if not (name[i].isalpha() and name[i + 1].isalpha()):
            continue
        found += [
            name[:i] + name[i + 1 :],
            name[:i] + name[i] + name[i:],
            name[:i] + name[i + 1] + name[i] + name[i + 2 :],
        ]
    return found


def test_a_slip_in_any_registry_name_never_names_another_carrier() -> None:
    """Every carrier's name and first aliases, each with one slip, typed alone or in a
    message: the answer is that carrier, a question or nothing, never another carrier.
    Left out: names holding another carrier's name in brackets ("Landmark Global (bpost
    group)") and slips that are another name exactly ("USPS" -> "UPS")."""
    from rakuten_assist.carriers import registry

    wrong = []
    for carrier in registry():
        for name in (carrier.name, *carrier.aliases[:3]):
            if "(" in name:
                continue
            meant = {carrier.id, *(c.id for c in resolve_name(name).candidates)}
            for typo in _slips(name):
                typed = resolve_name(typo)
                if typed.how == "exact":
                    continue
                if typed.carrier is not None and typed.carrier.id not in meant:
                    wrong.append((typo, typed.carrier.id))
                said = find_mentions(f"on expédie avec {typo}, accepté ?", is_common=is_common_word)
                wrong += [
                    (typo, m.match.carrier.id)
                    for m in said
                    if m.match.carrier is not None and m.match.carrier.id not in meant
                ]
    assert wrong == []


@pytest.mark.parametrize(
    ("message", "carrier_id"),
    [
        ("on envoie en TNT FR depuis Lyon", "tnt"),
        ("TNT Belgique pour nos clients belges", "tnt"),
        ("on a un compte Crreos Express pour l'Espagne", "correos-express"),
    ],
)
def test_a_country_or_a_slip_never_swaps_a_named_carrier_for_another(
    message: str, carrier_id: str
) -> None:
    """A worldwide carrier named with a country stays itself (never 'TNT Relais Colis' nor
    PostNL, which share a word); a slip that opens a longer name is that longer name."""
    mentions = find_mentions(message, is_common=is_common_word)
    assert [m.match.carrier.id for m in mentions if m.match.carrier] == [carrier_id]

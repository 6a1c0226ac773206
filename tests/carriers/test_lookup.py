"""find_carrier, tracking_url and check_carrier: names, typos, ambiguity, URL safety."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rakuten_assist.carriers import (
    Carrier,
    Registry,
    check_carrier,
    detect_carrier,
    find_carrier,
    load_registry,
    normalise_number,
    tracking_url,
)
from rakuten_assist.errors import (
    MissingCarrierInputError,
    NoTrackingPageError,
    TrackingNumberError,
    UnknownCarrierError,
)

_REG = load_registry()
_DHL_PARCELS = {"dhl-parcel-uk", "dhl-parcel-nl", "dhl-parcel-es"}
_SUPPORTED = [c for c in _REG if c.has_url]


@pytest.mark.parametrize(
    ("text", "carrier_id"),
    [
        ("colissimo", "colissimo"),
        ("COLISSIMO", "colissimo"),
        ("colisimo", "colissimo"),
        ("Colis Privé", "colis-prive"),
        ("colis prive", "colis-prive"),
        ("mondial-relais", "mondial-relay"),
        ("Mondial  Relay", "mondial-relay"),
        ("DHL express", "dhl-express"),
        ("chronopost 13h", "chronopost"),
        ("chronopost relais 13h", "chronopost"),
        ("Chronopots", "chronopost"),
        ("fedexx", "fedex"),
        ("Poste Italiane", "poste-italiane"),
        ("Correos España", "correos"),
        ("Deutsche Post", "deutsche-post"),
        ("La Poste Suisse", "swiss-post"),
    ],
)
def test_find_carrier_understands_spellings_and_typos(
    text: str, carrier_id: str, reg: Registry
) -> None:
    """Case, accents, punctuation, product words and typos all lead to the right carrier."""
    match = find_carrier(text, reg)
    assert match.carrier is not None, match
    assert match.carrier.id == carrier_id


@pytest.mark.parametrize(
    ("text", "rakuten_name"),
    [
        ("So Colissimo", "So Colissimo"),
        ("colissimo", "Colissimo"),
        ("Mondial Relay prépayé", "Mondial Relay prépayé"),
        ("mondial relay", "Mondial Relay"),
        ("Kiala", "UPS"),
        ("Exapaq", "DPD"),
        ("CHRONOPOST", "Chronopost"),
    ],
)
def test_rakuten_name_is_deterministic(text: str, rakuten_name: str, reg: Registry) -> None:
    """The Rakuten name sent depends only on the words: the relay product gets its own name."""
    assert find_carrier(text, reg).rakuten_name == rakuten_name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("DHL", {"dhl-express", "dhl-paket-de", "dhl-ecommerce", *_DHL_PARCELS}),
        ("colissimo ou chronopost", {"colissimo", "chronopost"}),
    ],
)
def test_ambiguous_names_return_suggestions_not_a_guess(
    text: str, expected: set[str], reg: Registry
) -> None:
    """Two carriers that fit equally give suggestions and no carrier."""
    match = find_carrier(text, reg)
    assert match.carrier is None
    assert {c.id for c in match.suggestions} == expected


def test_ambiguous_name_is_settled_by_the_number(reg: Registry) -> None:
    """ "DHL" with a 10-digit mod-7 waybill is DHL Express; with 00340434... it is DHL Paket."""
    assert "dhl.com" in tracking_url("DHL", "3318810025", registry_=reg)
    paket = next(s for s in reg.by_id["dhl-paket-de"].samples.valid if s.startswith("0034"))
    assert "dhl.de" in tracking_url("DHL", paket, registry_=reg)


@pytest.mark.parametrize(
    ("number", "lang", "said"),
    [
        ("12345678901234", "fr", "Le numéro 12345678901234 correspond à plusieurs d'entre eux"),
        ("12345678901234", "en", "The number 12345678901234 fits more than one of them"),
        ("1234", "en", "The number 1234 fits none of their known number formats"),
    ],
)
def test_a_shared_name_with_a_number_that_does_not_settle_it_says_what_the_number_fits(
    reg: Registry, number: str, lang: str, said: str
) -> None:
    """`carriers check DPD --number N`: when N did not settle which DPD, the answer says what N
    fits, never "a tracking number also settles it" to someone who gave one."""
    from rakuten_assist.carriers.check import check_carrier

    answer = check_carrier("DPD", number, registry_=reg, message_lang=lang)
    assert answer.supported is False
    assert said in answer.message
    assert "also settles it" not in answer.message
    assert "permet aussi de trancher" not in answer.message
    alone = check_carrier("DPD", registry_=reg, message_lang="en")
    assert "A tracking number also settles it." in alone.message


def test_unknown_carrier_raises_lookup_error_with_closest(reg: Registry) -> None:
    """An unknown name raises UnknownCarrierError (a LookupError) carrying the closest ids."""
    with pytest.raises(LookupError) as info:
        tracking_url("upd", "1Z5R89390357567127", registry_=reg)
    assert isinstance(info.value, UnknownCarrierError)
    assert "ups" in info.value.suggestions


def test_missing_postcode_is_named(reg: Registry) -> None:
    """Mondial Relay without the buyer's postcode is refused, naming the missing input."""
    number = reg.by_id["mondial-relay"].samples.valid[0]
    with pytest.raises(MissingCarrierInputError) as info:
        tracking_url("mondial relay", number, registry_=reg)
    assert info.value.missing == ["postal_code"]
    url = tracking_url("mondial relay", number, postcode="75 011", registry_=reg)
    assert url.endswith("codePostal=75011")


def test_carrier_without_page_is_refused_with_alternatives(reg: Registry) -> None:
    """Heppner has no public page: NoTrackingPageError with the reason and other carriers."""
    with pytest.raises(NoTrackingPageError) as info:
        tracking_url("heppner", "87654321", registry_=reg)
    assert "receipt number" in info.value.message
    assert "Colissimo" in info.value.fix


@pytest.mark.parametrize(
    "bad", ["6A1234/5678905", "6A12345678905?x=1", "6A12345678905#a", "6A 123%2F"]
)
def test_unsafe_characters_are_refused_by_name(bad: str, reg: Registry) -> None:
    """A character that could change the URL is refused and named in the message."""
    with pytest.raises(TrackingNumberError, match="which is not a letter or a digit"):
        tracking_url("colissimo", bad, registry_=reg)


def test_number_is_normalised() -> None:
    """Spaces, dashes and case do not matter."""
    assert normalise_number(" 1z-5r89 3903 5756 7127 ") == "1Z5R89390357567127"


def test_detect_ranks_checksum_above_shape(reg: Registry) -> None:
    """A 12-digit GLS number with a fitting check digit ranks GLS above shape-only carriers."""
    number = next(s for s in reg.by_id["gls-fr"].samples.valid if s.isdigit())
    ranked = detect_carrier(number, reg)
    assert ranked[0].carrier.id == "gls-fr"
    assert ranked[0].checksum
    assert all(
        not c.checksum for c in ranked if c.carrier.id not in {"gls-fr", "gls-group", "fedex"}
    )


def test_check_carrier_answers_yes_with_example(reg: Registry) -> None:
    """A yes gives the exact Rakuten name, an example link clearly marked, and the needs."""
    answer = check_carrier("mondial relais", registry_=reg).to_dict()
    assert answer["supported"] is True
    assert answer["carrier"]["rakuten_name"] == "Mondial Relay"
    assert answer["carrier"]["needs"] == ["postal_code"]
    assert answer["example"] is True
    assert answer["tracking_url"].startswith("https://www.mondialrelay.fr/")
    assert "not yours" in answer["message"]


def test_check_carrier_answers_no_with_alternatives(reg: Registry) -> None:
    """A no for a carrier without page names the reason and the closest supported carriers."""
    answer = check_carrier("Amazon Logistics", registry_=reg).to_dict()
    assert answer["supported"] is False
    assert answer["tracking_url"] is None
    assert answer["suggestions"]
    assert all(reg.by_id[s].has_url for s in answer["suggestions"])


def test_check_carrier_unknown_name_gives_closest(reg: Registry) -> None:
    """An unknown name is a no with suggestions and what the merchant can do."""
    unknown = check_carrier("Transports Dupont", registry_=reg)
    assert not unknown.supported
    assert unknown.carrier is None
    assert "Autre" in unknown.message


def test_check_carrier_reports_an_invalid_number(reg: Registry) -> None:
    """A supported carrier with a mistyped number: no URL, and the reason says why."""
    answer = check_carrier("colissimo", number="6A12345678900", registry_=reg)
    assert answer.supported
    assert answer.number is not None
    assert answer.number.valid is False
    assert answer.tracking_url is None


def test_check_carrier_with_a_bad_postcode_and_no_number(reg: Registry) -> None:
    """A bad postcode without a number keeps the carrier supported and says what is wrong."""
    answer = check_carrier("mondial relay", postcode="75/011", registry_=reg)
    assert answer.supported
    assert answer.tracking_url is None
    assert "postcode '75/011'" in answer.message


# --- hypothesis: no input can leave the carrier's page ----------------------------------------


def _shape(url: str) -> tuple[str, str, int, tuple[str, ...], bool]:
    parts = urlsplit(url)
    keys = tuple(k for k, _ in parse_qsl(parts.query, keep_blank_values=True))
    return parts.scheme, parts.netloc, parts.path.count("/"), keys, bool(parts.fragment)


def _reference_url(carrier: Carrier) -> str:
    inputs = carrier.sample_inputs
    return tracking_url(
        carrier,
        carrier.samples.valid[0],
        postcode=inputs.get("postal_code"),
        country=inputs.get("country"),
        registry_=_REG,
    )


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(_SUPPORTED),
    st.text(max_size=40),
    st.one_of(st.none(), st.text(max_size=12)),
    st.one_of(st.none(), st.sampled_from(["FR", "nl", "BE", "xx", "../", "F R"])),
)
def test_no_input_adds_a_path_query_or_fragment(
    carrier: Carrier, number: str, postcode: str | None, country: str | None
) -> None:
    """Whatever is typed, a URL is https on the carrier's own host with the template's shape."""
    try:
        url = tracking_url(carrier, number, postcode=postcode, country=country, registry_=_REG)
    except (TrackingNumberError, MissingCarrierInputError):
        return
    assert url.startswith("https://")
    assert urlsplit(url).netloc == carrier.host
    assert _shape(url) == _shape(_reference_url(carrier))


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(_SUPPORTED), st.data())
def test_valid_numbers_with_noise_keep_the_page(carrier: Carrier, data: st.DataObject) -> None:
    """A valid sample with spaces, dashes and lower case gives the same URL as the clean one."""
    sample = data.draw(st.sampled_from(carrier.samples.valid))
    noisy = "".join(c.lower() + data.draw(st.sampled_from(["", " ", "-"])) for c in sample)
    inputs = carrier.sample_inputs
    clean_url = tracking_url(
        carrier, sample, inputs.get("postal_code"), inputs.get("country"), registry_=_REG
    )
    noisy_url = tracking_url(
        carrier, noisy, inputs.get("postal_code"), inputs.get("country"), registry_=_REG
    )
    assert noisy_url == clean_url


def test_autre_is_not_taken_for_a_carrier(reg: Registry) -> None:
    """'Autre' gets an explanation that it is Rakuten's value, not a fuzzy carrier guess."""
    answer = check_carrier("Autre", registry_=reg)
    assert not answer.supported
    assert answer.suggestions == []
    assert "not a carrier" in answer.message


def test_missing_postcode_in_check_is_a_warning_with_fix(reg: Registry) -> None:
    """A valid Colis Privé number without postcode: supported, no link, and how to fix it."""
    number = reg.by_id["colis-prive"].samples.valid[0]
    answer = check_carrier("colis prive", number=number, registry_=reg)
    assert answer.supported
    assert answer.tracking_url is None
    assert any("--postcode" in w for w in answer.warnings)

"""Tests generated from carriers.json: every sample of every carrier proves the registry."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from rakuten_assist.carriers import (
    Carrier,
    detect_carrier,
    load_registry,
    tracking_url,
    validate_number,
)
from rakuten_assist.errors import NoTrackingPageError, TrackingNumberError

_REG = load_registry()
_VALID = [(c, s) for c in _REG for s in c.samples.valid]
_INVALID = [(c, s) for c in _REG for s in c.samples.invalid]


def _id(value: object) -> str:
    return value.id if isinstance(value, Carrier) else str(value)


def _inputs(carrier: Carrier) -> dict[str, str | None]:
    return {
        "postcode": carrier.sample_inputs.get("postal_code"),
        "country": carrier.sample_inputs.get("country"),
    }


@pytest.mark.parametrize(("carrier", "sample"), _VALID, ids=_id)
def test_valid_sample_passes_its_carrier(carrier: Carrier, sample: str) -> None:
    """Every valid sample is accepted by its own carrier's formats and check digits."""
    check = validate_number(carrier, sample)
    assert check.valid, check.reason


@pytest.mark.parametrize(("carrier", "sample"), _VALID, ids=_id)
def test_valid_sample_is_detected(carrier: Carrier, sample: str) -> None:
    """Every valid sample of a carrier with known formats lists that carrier among candidates."""
    if not carrier.formats:
        assert detect_carrier(sample, _REG, among=[carrier]) == []
        return
    assert carrier.id in [c.carrier.id for c in detect_carrier(sample, _REG)]


@pytest.mark.parametrize(("carrier", "sample"), _VALID, ids=_id)
def test_valid_sample_gets_a_url_or_a_clear_refusal(carrier: Carrier, sample: str) -> None:
    """A supported carrier gives an https URL on its own host; one without a page refuses."""
    if not carrier.has_url:
        with pytest.raises(NoTrackingPageError, match=carrier.name.split(" ")[0]):
            tracking_url(carrier, sample, registry_=_REG, **_inputs(carrier))
        return
    url = tracking_url(carrier, sample, registry_=_REG, **_inputs(carrier))
    parts = urlsplit(url)
    assert parts.scheme == "https"
    assert parts.netloc == carrier.host
    assert validate_number(carrier, sample).url_number in url


@pytest.mark.parametrize(("carrier", "sample"), _INVALID, ids=_id)
def test_invalid_sample_is_rejected(carrier: Carrier, sample: str) -> None:
    """Every invalid sample is refused by its carrier (shape, check digit or characters)."""
    try:
        check = validate_number(carrier, sample)
    except TrackingNumberError:
        return
    assert not check.valid, f"{sample} accepted: {check.reason}"


@pytest.mark.parametrize(("carrier", "sample"), _VALID, ids=_id)
def test_no_valid_sample_is_claimed_twice_at_equal_confidence(
    carrier: Carrier, sample: str
) -> None:
    """No two carriers claim a valid sample with the same confidence (no silent coin toss)."""
    confidences = [c.confidence for c in detect_carrier(sample, _REG)]
    assert len(confidences) == len(set(confidences))


def test_checksum_pass_outranks_every_shape_only_match() -> None:
    """For every valid sample, candidates with a fitting check digit rank above shape-only ones."""
    for _, sample in _VALID:
        ranked = detect_carrier(sample, _REG)
        flags = [c.checksum for c in ranked]
        assert flags == sorted(flags, reverse=True), (sample, ranked)


def test_registry_covers_the_french_and_european_market() -> None:
    """At least 40 carriers, and the four with no public page are present and refused."""
    assert len(_REG) >= 40
    for carrier_id in ("amazon-logistics", "heppner", "mrw", "china-post"):
        carrier = _REG.by_id[carrier_id]
        assert not carrier.has_url
        assert carrier.reason("en")


def test_every_rakuten_transporter_name_of_the_reference_is_mapped() -> None:
    """Each Sellermania / Common-Services transporter name belongs to exactly one entry."""
    names = """4PX, B2C Europe, Bluecare, Bpost, CNE Express, China EMS, China Post, Chronopost,
    Colis Prive, Colissimo, Continental, Courrier Suivi, Cubyn, DHL, DPD, DPD Germany, DPD UK,
    Exapaq, Fedex, France Express, GLS, GLS-ITALY, Geodis, Hong Kong Post, Kiala, Mondial Relay,
    Mondial Relay prépayé, PostNL International, Royal Mail, S.F. Express, SFC Service,
    Singapore Post, So Colissimo, Swiss Post, TNT, Tatex, TrackYourParcel, UPS, WeDo Logistics,
    Yun Express, CHRONOPOST"""
    wanted = {n.strip() for n in names.replace("\n", " ").split(",")}
    mapped = {name for c in _REG for name in c.rakuten_names}
    assert wanted - mapped == set()


# The carrier ids of the reference facts (carriers-facts.json, 42 entries), copied here so
# the test depends only on this repository.
_REFERENCE_CARRIER_IDS = """colissimo la-poste-lettre-suivie chronopost dpd-fr dpd-de dpd dpd-uk
gls-fr gls ups dhl-express dhl-paket-de deutsche-post hermes-de evri tnt fedex mondial-relay
relais-colis colis-prive postnl bpost correos correos-express seur mrw poste-italiane sda brt
geodis kuehne-nagel db-schenker heppner ciblex royal-mail amazon-logistics cainiao china-post
4px yanwen yunexpress usps""".split()


def test_the_reference_carriers_are_all_present() -> None:
    """Every carrier id of the reference facts has an entry (dpd and gls renamed)."""
    assert len(_REFERENCE_CARRIER_IDS) == 42
    renamed = {"dpd": "dpd-group", "gls": "gls-group"}
    missing = [cid for cid in _REFERENCE_CARRIER_IDS if renamed.get(cid, cid) not in _REG]
    assert missing == []


def _parameters(url: str) -> list[tuple[str, str]]:
    """Every query parameter of a link, those of a fragment's query included (bpost's
    single-page app reads ``#/search?itemCode=...``)."""
    parts = urlsplit(url)
    fragment_query = parts.fragment.split("?", 1)[1] if "?" in parts.fragment else ""
    return [
        tuple(pair.split("=", 1)) if "=" in pair else (pair, "")  # type: ignore[misc]
        for query in (parts.query, fragment_query)
        for pair in query.split("&")
        if query
    ]


_LINKED = [c for c in _REG if c.has_url]


@pytest.mark.parametrize("carrier", _LINKED, ids=_id)
def test_example_link_has_no_empty_parameter(carrier: Carrier) -> None:
    """The example link `carriers check` shows for every carrier with a page, and the link of
    its sample number, have no empty parameter and no placeholder left (bpost used to end in
    an empty '&postalCode=')."""
    from rakuten_assist.carriers import check_carrier

    answer = check_carrier(carrier.name, registry_=_REG)
    assert answer.carrier == carrier
    assert answer.example
    assert answer.tracking_url is not None, answer.message
    linked = tracking_url(carrier, carrier.samples.valid[0], registry_=_REG, **_inputs(carrier))
    for url in (answer.tracking_url, linked):
        assert "{" not in url
        assert "}" not in url
        empty = [name for name, value in _parameters(url) if not value]
        assert empty == [], (url, empty)


def test_an_optional_parameter_is_sent_when_given() -> None:
    """bpost's optional postcode is in the link when the merchant gives it, and left out
    (not sent empty) otherwise."""
    bpost = _REG.by_id["bpost"]
    assert tracking_url(bpost, "CX123456785BE", registry_=_REG).endswith(
        "itemCode=CX123456785BE&lang=fr"
    )
    with_postcode = tracking_url(bpost, "CX123456785BE", postcode="1000", registry_=_REG)
    assert with_postcode.endswith("&lang=fr&postalCode=1000")

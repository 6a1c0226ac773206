"""The peer's test numbers (jkeen/tracking_number_data, vendored unchanged) run as they are.

For every format of a courier we list, each valid number must be accepted by that carrier,
detected first for it and given a link by the URL builder (or, for a carrier we refuse, be
refused for the carrier and not for the number); each invalid number must be refused by it.
Numbers of couriers we do not list must never be claimed at full confidence (a fitting check
digit on a high-strength format) by one we do. ``python tests/carriers/test_peer_suite.py``
prints the pass figure.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from rakuten_assist.carriers import (
    Candidate,
    Registry,
    detect_carrier,
    load_registry,
    normalise_number,
    tracking_url,
    validate_number,
)
from rakuten_assist.errors import NoTrackingPageError, TrackingNumberError

PEER = Path(__file__).parent / "peer" / "couriers"

#: peer format id -> our carriers that issue it (a peer courier is a brand; ours are companies)
OURS: dict[str, frozenset[str]] = {
    "amazon_logistics": frozenset({"amazon-logistics"}),
    "amazon_international": frozenset({"amazon-logistics"}),
    "canada_post": frozenset({"canada-post"}),
    "dhl_express": frozenset({"dhl-express"}),
    "dhl_express_piece_id": frozenset({"dhl-express", "dhl-paket-de"}),
    "dhl_ecommerce": frozenset({"dhl-ecommerce"}),
    "dhl_ecommerce_14": frozenset({"dhl-ecommerce"}),
    "dpd": frozenset({"dpd-fr", "dpd-de", "dpd-group", "dpd-uk"}),
    "dpd_14": frozenset({"dpd-fr", "dpd-de", "dpd-group", "dpd-uk"}),
    "fedex_12": frozenset({"fedex"}),
    "fedex_34": frozenset({"fedex"}),
    "fedex_astra_32": frozenset({"fedex"}),
    "fedex_ground": frozenset({"fedex"}),
    "fedex_ground_sscc_18": frozenset({"fedex"}),
    "fedex_ground_96": frozenset({"fedex"}),
    "fedex_ground_gsn": frozenset({"fedex"}),
    "landmark_global": frozenset({"landmark-global"}),
    "purolator_numeric": frozenset({"purolator"}),
    "purolator_alpha": frozenset({"purolator"}),
    "ups": frozenset({"ups"}),
    "UPS Waybill": frozenset({"ups"}),
    "usps_20": frozenset({"usps"}),
    "usps_impb_n": frozenset({"usps"}),
    "usps_legacy": frozenset({"usps"}),
    "usps_impb_c": frozenset({"usps"}),
    "yodel": frozenset({"yodel"}),
    "yunexpress": frozenset({"yunexpress"}),
    # S10: the post of the country suffix, when we list it (see _s10_owners)
    "s10": frozenset(),
}
#: couriers we do not list: their numbers are never claimed at full confidence
NOT_OURS = frozenset({"canpar", "gofo", "lasership", "old_dominion", "ontrac", "speedee"})


class PeerNumber(NamedTuple):
    courier: str
    format_id: str
    number: str
    valid: bool


def _peer_numbers() -> list[PeerNumber]:
    numbers: list[PeerNumber] = []
    for path in sorted(PEER.glob("*.json")):
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        for fmt in data["tracking_numbers"]:
            format_id = fmt.get("id", fmt["name"])
            tests = fmt.get("test_numbers", {})
            for valid in (True, False):
                for number in tests.get("valid" if valid else "invalid", []):
                    numbers.append(PeerNumber(data["courier_code"], format_id, number, valid))
    return numbers


NUMBERS = _peer_numbers()
LISTED = [n for n in NUMBERS if n.courier not in NOT_OURS]
UNLISTED = [n for n in NUMBERS if n.courier in NOT_OURS]
_REG = load_registry()
#: per courier, the numbers the peer lists as valid (under any of its formats)
_VALID_ELSEWHERE: dict[str, frozenset[str]] = {
    c: frozenset(normalise_number(n.number) for n in NUMBERS if n.courier == c and n.valid)
    for c in {n.courier for n in NUMBERS}
}


def _s10_owners(number: str, reg: Registry) -> frozenset[str]:
    """Our carriers with an S10 format for this number's country suffix."""
    value = normalise_number(number)
    return frozenset(
        c.id
        for c in reg
        if any(f.check == "s10" and f.strength == "high" and f.matches(value) for f in c.formats)
    )


def _full_confidence(candidate: Candidate) -> bool:
    return candidate.checksum and candidate.format.strength == "high"


def _top_band(ranked: list[Candidate]) -> list[Candidate]:
    """The first candidate, and those ranked level with it but for the priority tie-break.

    A number that fits several carriers with the same evidence (the same shape strength, a
    check digit fitting for each or for none) is ambiguous by nature: ``priority`` orders
    them for the Rakuten France market, it is not evidence. Such a number counts as detected
    when its carrier is in that band.
    """

    def evidence(candidate: Candidate) -> float:
        return round(candidate.confidence - candidate.carrier.priority / 1000, 3)

    return [c for c in ranked if evidence(c) == evidence(ranked[0])]


def check_listed(peer: PeerNumber, reg: Registry) -> str | None:
    """None when our registry agrees with the peer on this number, else what differs."""
    owners = OURS[peer.format_id] or _s10_owners(peer.number, reg)
    if peer.valid:
        if peer.format_id == "s10" and not owners:
            # A real post we do not list: the number is a valid S10 that nobody may claim fully.
            ranked = detect_carrier(peer.number, reg)
            claimed = [c.carrier.id for c in ranked if _full_confidence(c)]
            return f"claimed at full confidence by {claimed}" if claimed else None
        checks = {o: validate_number(reg.by_id[o], peer.number) for o in sorted(owners)}
        accepting = {o for o, check in checks.items() if check.valid}
        if not accepting:
            return "; ".join(f"refused by {o}: {check.reason}" for o, check in checks.items())
        owners = frozenset(accepting)
        ranked = detect_carrier(peer.number, reg)
        if not ranked:
            return "detected for no carrier"
        band = {c.carrier.id for c in _top_band(ranked)}
        if not band & owners:
            return f"detected first for {ranked[0].carrier.id}, not {sorted(owners)}"
        for carrier_id in owners:
            carrier = reg.by_id[carrier_id]
            inputs = carrier.sample_inputs
            try:
                tracking_url(
                    carrier, peer.number, inputs.get("postal_code"), inputs.get("country"),
                    registry_=reg,
                )  # fmt: skip
            except NoTrackingPageError:
                continue  # refused for the carrier (no public page), not for the number
            except TrackingNumberError as exc:
                return f"URL builder refuses it for {carrier_id}: {exc.message}"
        return None
    if normalise_number(peer.number) in _VALID_ELSEWHERE.get(peer.courier, ()):
        return None  # invalid for this format, listed valid under another of the courier's
    accepted = []
    for carrier_id in owners or _s10_owners(peer.number, reg):
        try:
            if validate_number(reg.by_id[carrier_id], peer.number).valid:
                accepted.append(carrier_id)
        except TrackingNumberError:
            continue
    if peer.format_id == "s10":
        # An invalid S10 (wrong digit, unknown country) must not be claimed fully by anyone.
        accepted += [c.carrier.id for c in detect_carrier(peer.number, reg) if c.checksum]
    return f"accepted by {sorted(set(accepted))}" if accepted else None


def check_unlisted(peer: PeerNumber, reg: Registry) -> str | None:
    """None unless a carrier we list claims the number at full confidence."""
    if not peer.valid:
        return None
    try:
        ranked = detect_carrier(peer.number, reg)
    except TrackingNumberError:
        return None
    claimed = [c.carrier.id for c in ranked if _full_confidence(c)]
    return f"claimed at full confidence by {claimed}" if claimed else None


@pytest.mark.parametrize("peer", LISTED, ids=lambda p: f"{p.format_id}:{p.number.strip()}")
def test_peer_number_of_a_courier_we_list(peer: PeerNumber) -> None:
    """Valid peer numbers are accepted, detected first and linked; invalid ones are refused."""
    assert check_listed(peer, _REG) is None


@pytest.mark.parametrize("peer", UNLISTED, ids=lambda p: f"{p.format_id}:{p.number.strip()}")
def test_peer_number_of_a_courier_we_do_not_list(peer: PeerNumber) -> None:
    """A courier we do not list never has its numbers claimed at full confidence by ours."""
    assert check_unlisted(peer, _REG) is None


def test_every_peer_format_is_mapped() -> None:
    """Every format of the vendored files is either ours (mapped) or of a courier we do not list."""
    formats = {(n.courier, n.format_id) for n in NUMBERS}
    unmapped = {f for f in formats if f[0] not in NOT_OURS and f[1] not in OURS}
    assert not unmapped


def test_s10_country_suffixes_are_the_real_country_codes() -> None:
    """Every country of the peer's S10 table is a suffix we accept; 'XX' is none."""
    from rakuten_assist.carriers.checkdigits import ISO_COUNTRIES, s10

    data = json.loads((PEER / "s10.json").read_text(encoding="utf-8"))
    lookup = next(a for a in data["tracking_numbers"][0]["additional"] if a["name"] == "Courier")
    codes = {row["matches"] for row in lookup["lookup"]}
    assert len(codes) > 150
    assert codes <= ISO_COUNTRIES
    assert "XX" not in ISO_COUNTRIES
    assert not s10("RB123456785XX")
    assert s10("RB123456785CV")


def main() -> int:
    """Print the pass figure and every disagreement."""
    listed = [(p, check_listed(p, _REG)) for p in LISTED]
    unlisted = [(p, check_unlisted(p, _REG)) for p in UNLISTED]
    for peer, problem in [*listed, *unlisted]:
        if problem:
            print(f"{peer.courier}/{peer.format_id} {peer.number.strip()!r}: {problem}")
    listed_ok = sum(problem is None for _, problem in listed)
    unlisted_ok = sum(problem is None for _, problem in unlisted)
    strict = sum(
        problem is None and p.valid and p.format_id != "s10" and _first_is_owner(p, _REG)
        for p, problem in listed
    )
    valid_listed = sum(p.valid and p.format_id != "s10" for p in LISTED)
    print(f"couriers we list: {listed_ok}/{len(LISTED)} numbers agree")
    print(f"  of their valid numbers, {strict}/{valid_listed} ranked first outright (no tie)")
    print(f"couriers we do not list: {unlisted_ok}/{len(UNLISTED)} never claimed fully")
    total = len(LISTED) + len(UNLISTED)
    print(f"peer suite {listed_ok + unlisted_ok}/{total}")
    return 0 if listed_ok + unlisted_ok == total else 1


def _first_is_owner(peer: PeerNumber, reg: Registry) -> bool:
    ranked = detect_carrier(peer.number, reg)
    return bool(ranked) and ranked[0].carrier.id in OURS[peer.format_id]


if __name__ == "__main__":
    sys.exit(main())

"""Check-digit algorithms for tracking numbers, each a pure function of a normalised number.

Every function takes the whole number (already upper-cased, spaces and dashes removed) and
returns True when its check digit fits. The algorithms are described in
``../shared/reference/carriers.md`` (UPU S10, UPS, FedEx, DHL Express, DPD, GS1, GLS, Hermes,
Mondial Relay, TNT, Evri, Correos); the registry names them in each number format's ``check``.
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = [
    "CHECKS",
    "ISO_COUNTRIES",
    "colissimo_id13",
    "correos_letter",
    "dhl_mod7",
    "dpd_mod37_36",
    "evri",
    "fedex12",
    "fedex_ground96",
    "fedex_mod11_tail",
    "gls_mod10",
    "gs1_check_digit",
    "gs1_mod10",
    "mod37_36_check_char",
    "mondial_relay_mod11",
    "s10",
    "s10_check_digit",
    "s10_digit",
    "tnt",
    "ups_check_digit",
    "ups_mod10",
    "usps_mod10",
]

# ISO 3166-1 alpha-2: the country suffix of a UPU S10 number must be one of these.
ISO_COUNTRIES = frozenset(
    """
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ
    BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM
    DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS
    GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN
    KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ
    MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM
    PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV
    SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI
    VN VU WF WS YE YT ZA ZM ZW
    """.split()
)

_S10_WEIGHTS = (8, 6, 4, 2, 3, 5, 9, 7)
_MOD37_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# Correos closes its parcel codes with a letter from the Spanish tax-id letter table.
_CORREOS_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def _digits(value: str) -> list[int] | None:
    if not value.isascii() or not value.isdigit():
        return None
    return [int(char) for char in value]


def s10_check_digit(serial: str) -> int:
    """The UPU S10 check digit of an 8-digit serial number (weights 8,6,4,2,3,5,9,7, mod 11)."""
    total = sum(int(digit) * weight for digit, weight in zip(serial, _S10_WEIGHTS, strict=True))
    check = 11 - total % 11
    return {10: 0, 11: 5}.get(check, check)


def s10_digit(number: str) -> bool:
    """UPU S10 shape ``AA12345678 9 CC`` with a fitting mod-11 digit; the suffix is not checked."""
    if len(number) != 13 or not (number[:2].isalpha() and number[11:].isalpha()):
        return False
    body = number[2:11]
    if _digits(body) is None:
        return False
    return s10_check_digit(body[:8]) == int(body[8])


def s10(number: str) -> bool:
    """UPU S10 with a fitting digit and a real ISO 3166 country suffix."""
    return s10_digit(number) and number[11:] in ISO_COUNTRIES


def _ups_value(char: str) -> int:
    # Letters count as (ASCII code - 3) mod 10: A=2, B=3 ... I=0, J=1 ...
    return int(char) if char.isdigit() else (ord(char) - 3) % 10


def ups_check_digit(body: str) -> int:
    """The UPS check digit of the 15 characters after ``1Z``."""
    total = sum(_ups_value(char) * (2 if index % 2 else 1) for index, char in enumerate(body))
    return (10 - total % 10) % 10


def luhn(number: str) -> bool:
    """Luhn (ISO/IEC 7812) over all digits: every second digit from the right doubled."""
    digits = _digits(number)
    if digits is None or len(digits) < 2:
        return False
    total = 0
    for index, digit in enumerate(reversed(digits)):
        if index % 2:
            digit *= 2
            digit -= 9 if digit > 9 else 0
        total += digit
    return total % 10 == 0


def fedex_astra32(number: str) -> bool:
    """FedEx ASTRA 32-digit labels: weights 3,1,7 on the 11-digit serial (positions 17-27),
    sum mod 11 mod 10 is the digit after it; four more digits follow."""
    digits = _digits(number)
    if digits is None or len(digits) != 32:
        return False
    total = sum(d * (3, 1, 7)[index % 3] for index, d in enumerate(digits[16:27]))
    return total % 11 % 10 == digits[27]


def ups_mod10(number: str) -> bool:
    """UPS ``1Z`` numbers (and letter-prefixed waybills): mod 10 with doubled odd positions."""
    if not number.isascii() or not number.isalnum() or not number[-1].isdigit():
        return False
    # The service letter of a waybill (K1506235620) is not covered by the digit.
    body = number[2:-1] if number.startswith("1Z") else number[1:-1]
    return ups_check_digit(body) == int(number[-1])


def gs1_check_digit(body: str) -> int:
    """GS1 mod 10: from the rightmost digit leftwards, weights 3, 1, 3, ..."""
    total = sum(int(d) * (3 if index % 2 == 0 else 1) for index, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10


def gs1_mod10(number: str) -> bool:
    """A number whose last digit is the GS1 mod-10 key of the digits before it."""
    if _digits(number) is None or len(number) < 2:
        return False
    return gs1_check_digit(number[:-1]) == int(number[-1])


def usps_mod10(number: str) -> bool:
    """USPS: GS1 mod 10, with ``91`` put in front of legacy 20-digit numbers and the
    ``420`` + ZIP routing prefix removed first."""
    if number.startswith("420") and len(number) in (30, 34):
        number = number[-22:]
    if len(number) == 20:
        # Two 20-digit forms: the legacy one checks as if "91" stood in front, the other not.
        return gs1_mod10("91" + number) or gs1_mod10(number)
    return gs1_mod10(number)


def colissimo_id13(number: str) -> bool:
    """Colissimo 13-character id: GS1 mod 10 over the 10 digits after the product code."""
    return len(number) == 13 and gs1_mod10(number[2:])


def fedex12(number: str) -> bool:
    """FedEx Express 12 digits: weights 3,1,7 from the left on 11 digits, sum mod 11 mod 10."""
    digits = _digits(number)
    if digits is None or len(digits) != 12:
        return False
    total = sum(d * (3, 1, 7)[index % 3] for index, d in enumerate(digits[:11]))
    return total % 11 % 10 == digits[11]


def fedex_mod11_tail(number: str) -> bool:
    """FedEx 34-digit labels: weights 1,7,3 from the left on the 13 digits before the check."""
    digits = _digits(number)
    if digits is None or len(digits) < 14:
        return False
    serial = digits[-14:-1]
    total = sum(d * (1, 7, 3)[index % 3] for index, d in enumerate(serial))
    return total % 11 % 10 == digits[-1]


def fedex_ground96(number: str) -> bool:
    """FedEx Ground ``96`` 22 digits: GS1 mod 10 over the last 15 digits (serial + check)."""
    return len(number) == 22 and gs1_mod10(number[-15:])


def dhl_mod7(number: str) -> bool:
    """DHL Express waybill: the number without its last digit, mod 7, is the last digit."""
    if _digits(number) is None or len(number) < 2:
        return False
    return int(number[:-1]) % 7 == int(number[-1])


def mod37_36_check_char(body: str) -> str:
    """The ISO/IEC 7064 MOD 37,36 check character of ``body`` (digits and letters)."""
    modulus = 36
    product = modulus
    for char in body:
        total = (product + _MOD37_ALPHABET.index(char)) % modulus
        product = (2 * (total or modulus)) % (modulus + 1)
    return _MOD37_ALPHABET[(modulus + 1 - product) % modulus]


def dpd_mod37_36(number: str) -> bool:
    """DPD: 14 digits + check character, or the 28-character label (check over 27 chars)."""
    if not number.isascii() or not number.isalnum() or len(number) not in (15, 28):
        return False
    return mod37_36_check_char(number[:-1]) == number[-1]


def gls_mod10(number: str) -> bool:
    """GLS 12 digits: weights 3,1 from the right on 11 digits, plus 1, then a mod-10 key."""
    digits = _digits(number)
    if digits is None or len(digits) != 12:
        return False
    total = 1 + sum(d * (3 if index % 2 == 0 else 1) for index, d in enumerate(digits[10::-1]))
    return (10 - total % 10) % 10 == digits[11]


def _mod11_2to7(body: str) -> int:
    # Weights 2..7 repeating from the right; 10 and 11 both become 0.
    total = sum(int(d) * (2 + index % 6) for index, d in enumerate(reversed(body)))
    check = 11 - total % 11
    return 0 if check >= 10 else check


def mondial_relay_mod11(number: str) -> bool:
    """Mondial Relay 26-digit label: two mod-11 digits and a sequence within the parcel count."""
    digits = _digits(number)
    if digits is None or len(digits) != 26:
        return False
    sequence, count = int(number[10:12]), int(number[12:14])
    return (
        0 < sequence <= count
        and _mod11_2to7(number[:14]) == digits[14]
        and _mod11_2to7(number[15:25]) == digits[25]
    )


def tnt(number: str) -> bool:
    """TNT 9-digit consignment: the last digit is the first eight mod 7, or their S10 digit."""
    digits = _digits(number)
    if digits is None or len(digits) != 9:
        return False
    return int(number[:8]) % 7 == digits[8] or s10_check_digit(number[:8]) == digits[8]


def evri(number: str) -> bool:
    """Evri 16 characters: values as UPS letters, weights 2,1 from the left, sum mod 10."""
    if len(number) != 16 or not number.isascii() or not number.isalnum():
        return False
    if not number[-1].isdigit():
        return False
    total = sum(_ups_value(c) * (1 if index % 2 else 2) for index, c in enumerate(number[:15]))
    return total % 10 == int(number[-1])


def correos_letter(number: str) -> bool:
    """Correos parcel codes: the character codes before the last, summed mod 23, pick it."""
    if len(number) < 2 or not number.isascii():
        return False
    return _CORREOS_LETTERS[sum(map(ord, number[:-1])) % 23] == number[-1]


#: check name used in carriers.json -> function
CHECKS: dict[str, Callable[[str], bool]] = {
    "s10": s10,
    "s10_digit": s10_digit,
    "ups_mod10": ups_mod10,
    "gs1_mod10": gs1_mod10,
    "usps_mod10": usps_mod10,
    "colissimo_id13": colissimo_id13,
    "fedex12": fedex12,
    "fedex_mod11_tail": fedex_mod11_tail,
    "fedex_ground96": fedex_ground96,
    "dhl_mod7": dhl_mod7,
    "dpd_mod37_36": dpd_mod37_36,
    "gls_mod10": gls_mod10,
    "ean_mod10": gs1_mod10,
    "mondial_relay_mod11": mondial_relay_mod11,
    "tnt": tnt,
    "evri": evri,
    "correos_letter": correos_letter,
    "luhn": luhn,
    "fedex_astra32": fedex_astra32,
}

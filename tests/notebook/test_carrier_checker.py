"""CarrierChecker built headless: the same answer as `carriers check`, with a safe link."""

from __future__ import annotations

from rakuten_assist.carriers import check_carrier
from rakuten_assist.notebook import CarrierChecker
from rakuten_assist.notebook._html import carrier_check_html, link_html


def test_answer_is_the_check_carrier_answer() -> None:
    """The widget's result equals check_carrier's for the same fields, JSON shape included."""
    checker = CarrierChecker("mondial relais", postcode="75011")
    expected = check_carrier("mondial relais", None, "75011", None)
    assert checker.to_dict() == expected.to_dict()
    assert checker.result is not None
    assert checker.result.supported
    assert "YES, supported" in checker.answer.value
    assert "Mondial Relay" in checker.answer.value


def test_tracking_link_is_clickable_and_escaped() -> None:
    """The tracking URL is an <a href> whose ampersands are HTML-escaped."""
    checker = CarrierChecker("colissimo")
    url = checker.result.tracking_url if checker.result else None
    assert url
    assert f'<a href="{url.replace("&", "&amp;")}"' in checker.answer.value


def test_link_html_escapes_a_hostile_url() -> None:
    """A URL with quotes and angle brackets cannot break out of the href attribute."""
    markup = link_html('https://x.test/?a="><script>alert(1)</script>')
    assert "<script>" not in markup
    assert "&quot;&gt;&lt;script&gt;" in markup


def test_typing_in_the_fields_rechecks() -> None:
    """Changing the carrier field runs the check again and shows the new verdict."""
    checker = CarrierChecker()
    assert checker.result is None
    checker.carrier.value = "xyzzy courier"
    assert checker.result is not None
    assert not checker.result.supported
    assert "not a carrier we can use" in checker.answer.value


def test_a_number_is_validated() -> None:
    """With a tracking number, the answer says whether it fits the carrier's formats."""
    checker = CarrierChecker("colissimo")
    checker.number.value = "6A12345678901"
    expected = check_carrier("colissimo", "6A12345678901")
    assert checker.to_dict() == expected.to_dict()
    assert checker.result is not None
    assert checker.result.number is not None
    state = "valid" if checker.result.number.valid else "NOT valid"
    assert f"{state}." in checker.answer.value


def test_empty_carrier_asks_for_one() -> None:
    """Pressing Check with no carrier says what to type instead of failing silently."""
    checker = CarrierChecker()
    checker.check_button.click()
    assert "Type the carrier" in checker.message.value


def test_html_of_a_carrier_without_tracking_page_says_no() -> None:
    """A known carrier without a public tracking page renders as not supported."""
    registry_answer = next(
        check
        for check in (check_carrier(name) for name in ("bluecare", "lettre verte", "colissimo"))
        if check.carrier is not None and not check.supported
    )
    assert "NO, not supported" in carrier_check_html(registry_answer)


def test_french_labels_come_from_the_notebook_catalogue() -> None:
    """CarrierChecker(lang="fr") labels every field and its hint in French."""
    checker = CarrierChecker(lang="fr")
    assert checker.carrier.description == "Transporteur"
    assert checker.postcode.description == "Code postal"
    assert checker.check_button.description == "Vérifier"
    checker.check()
    assert "Saisissez le transporteur" in checker.message.value

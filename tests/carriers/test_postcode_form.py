"""The postcode a carrier's link expects: another form is refused with a reason, in each
language, rather than put into a link that will not open."""

from __future__ import annotations

import re

import pytest

from rakuten_assist import i18n
from rakuten_assist.carriers import Carrier, registry, tracking_url
from rakuten_assist.carriers.types import POSTCODE_FORMS
from rakuten_assist.cli import main
from rakuten_assist.errors import TrackingNumberError

#: what the carrier reference (carriers-facts.json) says each link's postcode is: Colis Privé
#: "recipient 5-digit French postcode" appended to the number. For PostNL ("destination
#: postcode without spaces") and bpost ("optional") it gives no form; for Mondial Relay it
#: says "5-digit" but lists BE, LU, NL and PT (4-digit postcodes) among its countries, so its
#: links keep taking any postcode until a source settles it.
_FORMS = {"colis-prive": "fr"}
_WITH_POSTCODE = [c for c in registry() if c.url_template and "{postal_code}" in c.url_template]


def test_the_postcode_forms_are_the_references() -> None:
    """Exactly the carriers whose postcode form the reference states have one."""
    assert {c.id: c.postcode_form for c in registry() if c.postcode_form} == _FORMS
    assert set(_FORMS) <= {c.id for c in _WITH_POSTCODE}


@pytest.mark.parametrize("carrier", _WITH_POSTCODE, ids=lambda c: c.id)
def test_a_postcode_of_another_form_is_refused_with_a_reason(carrier: Carrier) -> None:
    """A Belgian postcode (1000) is refused, in English and French, by a link that expects
    a 5-digit one; a carrier whose form the reference does not give still takes it."""
    number = carrier.samples.valid[0]
    inputs = dict(carrier.sample_inputs)
    good = tracking_url(carrier, number, inputs.get("postal_code", "75011"), inputs.get("country"))
    assert good.startswith("https://")
    form = carrier.postcode_form
    if form is None:
        url = tracking_url(carrier, number, "1000", inputs.get("country"))
        assert "1000" in url
        return
    assert re.fullmatch(POSTCODE_FORMS[form], "1000") is None
    with pytest.raises(TrackingNumberError) as refused:
        tracking_url(carrier, number, "1000", inputs.get("country"))
    cause, fix = refused.value.render("en")
    assert "'1000'" in cause
    assert i18n.t(f"carriers.postcode_form.{form}", "en") in cause + fix
    cause, fix = refused.value.render("fr")
    assert "« 1000 »" in cause
    assert i18n.t(f"carriers.postcode_form.{form}", "fr") in cause + fix


def test_track_refuses_a_belgian_postcode_for_colis_prive(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`track colis-prive NUMBER --postcode 1000` prints no link and says a French postcode
    is expected, in French too."""
    number = registry().get("colis-prive")
    assert number is not None
    sample = number.samples.valid[0]
    assert main(["track", "colis-prive", sample, "--postcode", "1000", "--lang", "en"]) != 0
    out, err = capsys.readouterr()
    assert "colisprive.com" not in out
    assert "a French postcode (5 digits" in err
    assert main(["track", "colis-prive", sample, "--postcode", "1000", "--lang", "fr"]) != 0
    out, err = capsys.readouterr()
    assert "colisprive.com" not in out
    assert "un code postal français (5 chiffres" in err

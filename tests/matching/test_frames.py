"""orders_frame: one typed row per item, buyer PII only on request, JSON rows of CLI.md."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime

import pandas as pd
import pytest

from rakuten_assist.frames import (
    ORDER_COLUMNS,
    PARIS,
    PII_COLUMNS,
    country_name,
    orders_frame,
    postcode_area,
    to_json_records,
)
from rakuten_assist.models import OrderLine, RelayPoint

NOW = datetime(2026, 11, 21, 10, 30, tzinfo=PARIS)


def test_one_row_per_item_with_the_contract_columns(line: Callable[..., OrderLine]) -> None:
    """Each order line becomes one row holding every column of ORDER_COLUMNS, in order."""
    frame = orders_frame([line("1"), line("2", source="current")], now=NOW)
    assert list(frame.columns) == list(ORDER_COLUMNS)
    assert frame["item_id"].tolist() == ["1", "2"]
    assert frame["source"].tolist() == ["new", "current"]


def test_dtypes(line: Callable[..., OrderLine]) -> None:
    """Dates are Paris-aware, statuses/countries/shipping are categorical, prices float64."""
    frame = orders_frame([line("1")], now=NOW)
    assert str(frame["purchase_date"].dt.tz) == "Europe/Paris"
    for name in ("status", "country", "shipping_type", "source", "delivery"):
        assert isinstance(frame[name].dtype, pd.CategoricalDtype), name
    assert frame["price"].dtype == "float64"
    assert frame["needs_acceptance"].dtype == bool
    assert frame["sku"].dtype == "str"


def test_empty_input_keeps_columns_and_dtypes(line: Callable[..., OrderLine]) -> None:
    """No lines give an empty frame with the same columns and dtype kinds as a full one."""
    empty, full = orders_frame([]), orders_frame([line("1")], now=NOW)
    assert empty.empty
    assert list(empty.columns) == list(full.columns)
    for name in full.columns:
        assert type(empty[name].dtype) is type(full[name].dtype), name


def test_pii_left_out_unless_asked(line: Callable[..., OrderLine]) -> None:
    """Names, e-mail, phones and street appear only with with_pii=True."""
    hidden = orders_frame([line("1")], now=NOW)
    text = hidden.to_csv()
    for secret in ("Hélène", "Dupré", "helene@example.invalid", "0612345678", "rue des Écoles"):
        assert secret not in text
    shown = orders_frame([line("1")], with_pii=True, now=NOW)
    assert set(PII_COLUMNS) <= set(shown.columns)
    assert shown.loc[0, "buyer_email"] == "helene@example.invalid"
    assert shown.loc[0, "address1"] == "12 rue des Écoles"


def test_country_code_and_name(line: Callable[..., OrderLine]) -> None:
    """Rakuten's FX is reported as FR with its English name; other codes get theirs."""
    frame = orders_frame([line("1", country="FX"), line("2", country="DE")], now=NOW)
    assert frame["country"].tolist() == ["FR", "DE"]
    assert frame["country_name"].tolist() == ["France", "Germany"]


def test_country_names_follow_the_readers_language(
    line: Callable[..., OrderLine], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A French reader reads "Allemagne", not "Germany", with no lang given; a named lang wins."""
    lines = [line("1", country="FX"), line("2", country="DE"), line("3", country="GB")]
    monkeypatch.setenv("RAKUTEN_ASSIST_LANG", "fr")
    assert orders_frame(lines, now=NOW)["country_name"].tolist() == [
        "France",
        "Allemagne",
        "Royaume-Uni",
    ]
    assert orders_frame(lines, now=NOW, lang="en")["country_name"].tolist() == [
        "France",
        "Germany",
        "United Kingdom",
    ]


def test_a_language_without_a_country_file_still_names_countries() -> None:
    """Country names need no file of ours: a language the catalogues may gain (German) has
    them, and a language nobody knows falls back to English."""
    assert country_name("CH", "de") == "Schweiz"
    assert country_name("CH", "xx-unknown") == "Switzerland"


def test_a_code_nobody_knows_keeps_rakutens_own_name() -> None:
    """A code outside the standard keeps the name Rakuten sent, and no name stays None."""
    assert country_name("QQ", "fr", "Pays lointain") == "Pays lointain"
    assert country_name("QQ", "fr") is None
    assert country_name(None, "fr", "France") == "France"


def test_price_age_and_acceptance(line: Callable[..., OrderLine]) -> None:
    """Price is numeric with its currency; age counts hours; REQUESTED needs acceptance."""
    frame = orders_frame(
        [line("1", price="34.90"), line("2", status="ACCEPTED", price=None)], now=NOW
    )
    assert frame.loc[0, "price"] == pytest.approx(34.90)
    assert frame.loc[0, "currency"] == "EUR"
    assert pd.isna(frame.loc[1, "price"])
    assert frame.loc[0, "age_hours"] == pytest.approx(24.0)
    assert frame["needs_acceptance"].tolist() == [True, False]


def test_relay_and_home_delivery(line: Callable[..., OrderLine]) -> None:
    """A relay point gives delivery 'relay' with its id and name; otherwise 'home'."""
    relay = RelayPoint(id="024680", name="Tabac de la Gare")
    frame = orders_frame([line("1", relay=relay), line("2")], now=NOW)
    assert frame["delivery"].tolist() == ["relay", "home"]
    assert frame.loc[0, "relay_point_id"] == "024680"
    assert frame.loc[0, "relay_point_name"] == "Tabac de la Gare"
    assert pd.isna(frame.loc[1, "relay_point_name"])


@pytest.mark.parametrize(
    ("postcode", "country", "area"),
    [("75005", "FR", "75"), ("97110", "FR", "971"), ("NW1 6XE", "GB", "NW"), (None, "FR", None)],
)
def test_postcode_area(postcode: str | None, country: str, area: str | None) -> None:
    """The area is the département for France (three digits overseas), else a prefix."""
    assert postcode_area(postcode, country) == area


def test_json_records_have_iso_dates_and_plain_values(line: Callable[..., OrderLine]) -> None:
    """JSON rows carry the CLI.md keys, an ISO 8601 date with offset and null for missing."""
    frame = orders_frame([line("1", price=None, sku=None)], now=NOW)
    rows = to_json_records(frame)
    json.dumps(rows)  # plain Python values only
    row = rows[0]
    for key in ("purchase_id", "purchase_date", "item_id", "sku", "ean", "status", "country"):
        assert key in row
    assert row["purchase_date"] == "2026-11-20T10:30:00+01:00"
    assert row["sku"] is None
    assert row["price"] is None
    assert row["country"] == "FR"


def test_json_records_do_not_touch_the_frame(line: Callable[..., OrderLine]) -> None:
    """Turning a frame into JSON rows leaves the caller's frame unchanged."""
    frame = orders_frame([line("1")], now=NOW)
    before = frame.copy()
    to_json_records(frame)
    pd.testing.assert_frame_equal(frame, before)

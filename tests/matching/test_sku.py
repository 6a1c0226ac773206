"""match_skus: one status per item, the reason and fix of each miss, summary, hints, JSON."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import pandas as pd
import pytest

from rakuten_assist.errors import CatalogError
from rakuten_assist.matching.catalog import MissingColumnError
from rakuten_assist.matching.sku import STATUSES, match_skus, normalize_sku, normalize_skus
from rakuten_assist.models import OrderLine

Items = Callable[..., pd.DataFrame]
Catalog = Callable[..., pd.DataFrame]
MAPPING_FIX = "map the internal product id onto the SKU field in the feed's final step"


def _status(result_rows: pd.DataFrame) -> list[str]:
    return [str(value) for value in result_rows["status"]]


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        (" rk-00 12 ", "RK0012"),
        ("000123", "123"),
        ("000", "0"),
        ("ab.c/d_e-f", "ABCDEF"),
        ("", ""),
        ("  ", ""),
        (None, None),
        ("Été-1", "ÉTÉ1"),
    ],
)
def test_normalize_sku(raw: str | None, normal: str | None) -> None:
    """Case, spaces, separators and leading zeros go; a lone zero stays; None stays None."""
    assert normalize_sku(raw) == normal


def test_normalize_skus_matches_the_scalar_and_keeps_the_index() -> None:
    """The vectorised form gives the scalar results, on the caller's index, NaN for missing."""
    values = pd.Series([" rk-00 12 ", None, "000", "Été-1", "a\tb"], index=[5, 6, 7, 8, 9])
    result = normalize_skus(values)
    assert list(result.index) == [5, 6, 7, 8, 9]
    assert result.tolist()[0] == "RK0012"
    assert pd.isna(result[6])
    assert result.tolist()[2:] == ["0", "ÉTÉ1", "AB"]


def test_normalize_skus_on_chunked_columns() -> None:
    """Columns pandas holds in several Arrow chunks (after a concat) normalise the same."""
    parts = [pd.Series(["a-1", " 007"], dtype="str"), pd.Series(["b 2"], dtype="str")]
    chunked = pd.concat(parts, ignore_index=True)
    assert normalize_skus(chunked).tolist() == ["A1", "7", "B2"]


def test_matched(items: Items, catalog: Catalog) -> None:
    """An exact SKU on one catalogue row is matched, with its product id and row."""
    result = match_skus(items(["RK-1"]), catalog(id=["P1", "P2"], sku=["RK-0", "RK-1"]))
    row = result.rows.iloc[0]
    assert row["status"] == "matched"
    assert row["product_id"] == "P2"
    assert row["catalog_row"] == 2
    assert row["suggestion"] == ""


def test_empty_sku(items: Items, catalog: Catalog) -> None:
    """A missing or blank SKU is empty_sku with the feed fix, whatever the catalogue holds."""
    result = match_skus(items([None, "  ", ""]), catalog(id=["P1"], sku=[""]))
    assert _status(result.rows) == ["empty_sku"] * 3
    assert "created without a SKU" in result.rows["reason"].iloc[0]
    assert MAPPING_FIX in result.rows["suggestion"].iloc[0]


def test_not_in_catalog(items: Items, catalog: Catalog) -> None:
    """A SKU found nowhere is not_in_catalog, quoting the SKU and the column searched."""
    result = match_skus(items(["ZZ-9"]), catalog(id=["P1"], sku=["RK-1"]))
    row = result.rows.iloc[0]
    assert row["status"] == "not_in_catalog"
    assert "'ZZ-9'" in row["reason"]
    assert "column 'sku'" in row["reason"]
    assert pd.isna(row["product_id"])


def test_ambiguous_lists_the_rows(items: Items, catalog: Catalog) -> None:
    """A SKU on several catalogue rows is ambiguous and names every row and product."""
    result = match_skus(
        items(["RK-1"]), catalog(id=["P1", "P2", "P3"], sku=["RK-1", "RK-2", "RK-1"])
    )
    row = result.rows.iloc[0]
    assert row["status"] == "ambiguous"
    assert "2 catalogue rows" in row["reason"]
    assert "row 1 (P1)" in row["reason"]
    assert "row 3 (P3)" in row["reason"]
    assert pd.isna(row["product_id"])


def test_ambiguous_listing_is_capped(items: Items, catalog: Catalog) -> None:
    """Beyond five duplicate rows the reason says how many more there are."""
    result = match_skus(items(["D"]), catalog(id=[f"P{n}" for n in range(8)], sku=["D"] * 8))
    assert "and 3 more" in result.rows["reason"].iloc[0]


@pytest.mark.parametrize(
    ("order_sku", "catalog_sku", "words"),
    [
        ("rk-10057", "RK-10057", "upper/lower case"),
        (" RK-10077 ", "RK-10077", "surrounding spaces"),
        ("RK10042", "RK-10042", "separators"),
    ],
)
def test_near_miss_says_what_differs(
    items: Items, catalog: Catalog, order_sku: str, catalog_sku: str, words: str
) -> None:
    """SKUs equal after normalisation are near_miss, naming the difference and the fix."""
    result = match_skus(items([order_sku]), catalog(id=["P1"], sku=[catalog_sku]))
    row = result.rows.iloc[0]
    assert row["status"] == "near_miss"
    assert words in row["reason"]
    assert row["product_id"] == "P1"
    assert row["catalog_sku"] == catalog_sku
    assert MAPPING_FIX in row["suggestion"]


def test_near_miss_leading_zeros_lost_by_a_spreadsheet(items: Items, catalog: Catalog) -> None:
    """A catalogue SKU that lost its leading zeros gets the 'format as text' fix and a hint."""
    result = match_skus(items(["000123"]), catalog(id=["P1"], sku=["123"]))
    row = result.rows.iloc[0]
    assert row["status"] == "near_miss"
    assert "leading zeros" in row["reason"]
    assert "spreadsheet" in row["suggestion"]
    assert any("lost their leading zeros" in hint for hint in result.hints)


def test_near_miss_hints_count_items_and_say_so(items: Items, catalog: Catalog) -> None:
    """Near-miss hints count items, so they say 'items', never a number of SKUs."""
    result = match_skus(
        items(["000123", "000123", "rk-7", "rk-7"]),
        catalog(id=["P1", "P2"], sku=["123", "RK-7"]),
    )
    assert any(hint.startswith("2 items point at catalogue SKUs") for hint in result.hints)
    assert any(hint.startswith("2 items have a SKU that differs") for hint in result.hints)
    assert not any(re.match(r"\d+ SKU", hint) for hint in result.hints)


def test_near_miss_with_several_candidates(items: Items, catalog: Catalog) -> None:
    """A SKU that normalises onto several catalogue SKUs lists them all."""
    result = match_skus(items(["ab 1"]), catalog(id=["P1", "P2"], sku=["AB-1", "ab1"]))
    row = result.rows.iloc[0]
    assert row["status"] == "near_miss"
    assert "(AB-1)" in row["reason"]
    assert "(ab1)" in row["reason"]


def test_near_miss_by_ean(items: Items, catalog: Catalog) -> None:
    """A SKU found nowhere but whose EAN is in the catalogue is a near_miss by EAN."""
    result = match_skus(
        items(["OLD-7"], eans=["03770012000429"]),
        catalog(id=["P1"], sku=["RK-7"], ean=["3770012000429"]),
    )
    row = result.rows.iloc[0]
    assert row["status"] == "near_miss"
    assert "EAN" in row["reason"]
    assert row["product_id"] == "P1"
    assert "'RK-7'" in row["suggestion"]


def test_several_eans_in_one_field(items: Items, catalog: Catalog) -> None:
    """Rakuten's 'a;b' EAN field is searched value by value."""
    result = match_skus(
        items(["OLD-7"], eans=["111;3770012000429"]),
        catalog(id=["P1"], sku=["RK-7"], ean=["3770012000429"]),
    )
    assert result.rows["status"].iloc[0] == "near_miss"


def test_empty_sku_with_known_ean_points_to_the_product(items: Items, catalog: Catalog) -> None:
    """An item without SKU stays empty_sku but its EAN names the catalogue product."""
    result = match_skus(
        items([None], eans=["3770012000429"]),
        catalog(id=["P1"], sku=["RK-7"], ean=["3770012000429"]),
    )
    row = result.rows.iloc[0]
    assert row["status"] == "empty_sku"
    assert row["product_id"] == "P1"
    assert "'RK-7'" in row["suggestion"]


def test_orders_carry_the_id_instead_of_the_sku(items: Items, catalog: Catalog) -> None:
    """Order SKUs found in the id column are reported as a swapped mapping, with the fix."""
    result = match_skus(
        items(["P1", "P2", "RK-3"]), catalog(id=["P1", "P2", "P3"], sku=["RK-1", "RK-2", "RK-3"])
    )
    assert _status(result.rows) == ["not_in_catalog", "not_in_catalog", "matched"]
    assert "is the 'id' of catalogue row 1" in result.rows["reason"].iloc[0]
    assert result.rows["product_id"].iloc[0] == "P1"
    assert any(
        "The orders' SKUs match the catalogue's 'id' column, not 'sku'" in hint
        and MAPPING_FIX in hint
        for hint in result.hints
    )


def test_swap_wins_over_ean_when_the_feed_has_an_ean_column(items: Items, catalog: Catalog) -> None:
    """Order SKUs in the id column of a feed with EANs are a swap, not EAN near misses."""
    result = match_skus(
        items(["P1", "P2"], eans=["3770012000429", "3770012000436"]),
        catalog(id=["P1", "P2"], sku=["RK-1", "RK-2"], ean=["3770012000429", "3770012000436"]),
    )
    assert _status(result.rows) == ["not_in_catalog", "not_in_catalog"]
    assert all("is the 'id' of catalogue row" in reason for reason in result.rows["reason"])
    assert not any("EAN" in reason for reason in result.rows["reason"])
    assert any(
        "The orders' SKUs match the catalogue's 'id' column, not 'sku' (2 items)" in hint
        and MAPPING_FIX in hint
        for hint in result.hints
    )


def test_swap_detected_the_other_way_round(items: Items, catalog: Catalog) -> None:
    """Matched on the id column, orders carrying SKUs are reported as the reverse swap."""
    result = match_skus(
        items(["RK-1"]), catalog(id=["P1"], sku=["RK-1"]), sku_column="id", id_column="id"
    )
    assert result.rows["status"].iloc[0] == "not_in_catalog"
    assert any("match the catalogue's 'sku' column, not 'id'" in hint for hint in result.hints)


def test_catalogue_without_sku_column_matches_on_its_id(items: Items, catalog: Catalog) -> None:
    """A feed with only g:id is matched on it, and a hint says the SKU column is missing."""
    result = match_skus(items(["P1", "P9"]), catalog(**{"g:id": ["P1", "P2"], "title": ["a", "b"]}))
    assert _status(result.rows) == ["matched", "not_in_catalog"]
    assert "no SKU column" in result.hints[0]
    assert result.summary["columns"]["sku"] == "g:id"


def test_empty_sku_column_in_the_catalogue_is_a_hint(items: Items, catalog: Catalog) -> None:
    """A catalogue whose SKU column is empty says the feed exports no SKU."""
    result = match_skus(items(["P1"]), catalog(id=["P1"], sku=[None]))
    assert any("empty on every row" in hint for hint in result.hints)


def test_named_columns_and_missing_ones(items: Items, catalog: Catalog) -> None:
    """Explicit columns are used; an absent one raises with the existing columns listed."""
    frame = catalog(ref=["A"], code=["P1"])
    result = match_skus(items(["A"]), frame, sku_column="ref", id_column="code")
    assert result.rows["product_id"].iloc[0] == "P1"
    with pytest.raises(MissingColumnError, match="'ref', 'code'"):
        match_skus(items(["A"]), frame, sku_column="sku")


def test_catalogue_with_no_usable_column(items: Items, catalog: Catalog) -> None:
    """A catalogue with no SKU- or id-like column raises MissingColumnError."""
    with pytest.raises(MissingColumnError):
        match_skus(items(["A"]), catalog(title=["x"]))


def test_orders_without_sku_column(catalog: Catalog) -> None:
    """Items without a sku column are refused with a fix."""
    with pytest.raises(CatalogError, match="no 'sku' column"):
        match_skus(pd.DataFrame({"item_id": ["1"]}), catalog(sku=["A"]))


def test_numeric_columns_compare_as_written() -> None:
    """A catalogue column pandas read as numbers (1.0, NaN) still matches SKU '1'."""
    catalogue = pd.DataFrame({"sku": [1, 2, None]})
    result = match_skus(pd.DataFrame({"sku": ["1", "02"]}), catalogue)
    assert _status(result.rows) == ["matched", "near_miss"]


def test_order_lines_are_accepted(line: Callable[..., OrderLine], catalog: Catalog) -> None:
    """OrderLine objects go through orders_frame; purchase ids are carried over."""
    result = match_skus([line("1", sku="RK-1")], catalog(id=["P1"], sku=["RK-1"]))
    assert result.rows["status"].iloc[0] == "matched"
    assert result.rows["purchase_id"].iloc[0] == "P1"


def test_index_kept_and_inputs_untouched(items: Items, catalog: Catalog) -> None:
    """Rows keep the items' index and order; neither input frame is modified."""
    frame = items(["B", "A", "C"]).set_axis([30, 10, 20])
    products = catalog(id=["P1", "P2"], sku=["A", "B"])
    before_items, before_catalog = frame.copy(), products.copy()
    result = match_skus(frame, products)
    assert list(result.rows.index) == [30, 10, 20]
    assert result.rows["sku"].tolist() == ["B", "A", "C"]
    pd.testing.assert_frame_equal(frame, before_items)
    pd.testing.assert_frame_equal(products, before_catalog)


def test_summary_counts_and_top_missing(items: Items, catalog: Catalog) -> None:
    """The summary counts each status, the rate, and the SKUs that miss most, most first."""
    result = match_skus(items(["A", "X", "X", None, "Y"]), catalog(id=["P1", "P2"], sku=["A", "B"]))
    summary = result.summary
    assert (summary["items"], summary["matched"], summary["unmatched"]) == (5, 1, 4)
    assert summary["rate"] == pytest.approx(0.2)
    assert summary["by_reason"] == {
        "matched": 1,
        "near_miss": 0,
        "ambiguous": 0,
        "empty_sku": 1,
        "not_in_catalog": 3,
    }
    assert summary["top_missing"][0] == {"sku": "X", "count": 2}


def test_no_items(items: Items, catalog: Catalog) -> None:
    """No items give an empty report with a full rate and nothing unmatched."""
    result = match_skus(items([]), catalog(id=["P1"], sku=["A"]))
    assert result.rows.empty
    assert result.summary["unmatched"] == 0
    assert result.summary["rate"] == 1.0


def test_json_shape_of_the_cli_contract(items: Items, catalog: Catalog) -> None:
    """to_json has summary{items,matched,unmatched} and rows with the CLI.md keys, JSON-safe."""
    result = match_skus(items(["A", None, "X"]), catalog(id=["P1"], sku=["A"]))
    document = json.loads(json.dumps(result.to_json()))
    assert {"items", "matched", "unmatched"} <= set(document["summary"])
    for row in document["rows"]:
        assert {"item_id", "sku", "product_id", "status", "reason", "suggestion"} <= set(row)
        assert row["status"] in STATUSES
    assert document["rows"][1]["sku"] is None
    assert document["rows"][2]["product_id"] is None


def test_misses_are_the_unmatched_rows(items: Items, catalog: Catalog) -> None:
    """misses() returns exactly the rows whose status is not matched."""
    result = match_skus(items(["A", "X"]), catalog(id=["P1"], sku=["A"]))
    assert result.misses()["sku"].tolist() == ["X"]

"""Properties: normalisation is idempotent and consistent; matching keeps every item once."""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from rakuten_assist.matching.sku import STATUSES, match_skus, normalize_sku, normalize_skus

# SKU-like text: letters of both cases, digits, zeros, separators, spaces, accents.
SKU_TEXT = st.text(alphabet="aAbBzZ019 0-_./\tÉéß", max_size=12)
MAYBE_SKU = st.one_of(st.none(), SKU_TEXT)


@given(st.text())
def test_normalize_sku_is_idempotent(value: str) -> None:
    """Normalising a normalised SKU changes nothing, for any text."""
    once = normalize_sku(value)
    assert normalize_sku(once) == once


@given(st.lists(st.one_of(st.none(), st.text()), max_size=30))
def test_vectorised_normalisation_equals_the_scalar(values: list[str | None]) -> None:
    """normalize_skus gives normalize_sku's result for every value, missing stays missing."""
    result = normalize_skus(pd.Series(values, dtype="str"))
    for value, normal in zip(values, result.tolist(), strict=True):
        expected = normalize_sku(value)
        if expected is None:
            assert pd.isna(normal)
        else:
            assert normal == expected


@given(st.lists(MAYBE_SKU, max_size=30))
def test_vectorised_normalisation_is_idempotent(values: list[str | None]) -> None:
    """Applying normalize_skus twice equals applying it once."""
    once = normalize_skus(pd.Series(values, dtype="str"))
    pd.testing.assert_series_equal(normalize_skus(once), once)


@settings(max_examples=150, deadline=None)
@given(
    order_skus=st.lists(MAYBE_SKU, max_size=25),
    catalog_rows=st.lists(st.tuples(MAYBE_SKU, MAYBE_SKU, MAYBE_SKU), max_size=25),
    order_eans=st.lists(st.one_of(st.none(), st.sampled_from(["0123", "123", "9;123", " "]))),
)
def test_matching_never_loses_or_duplicates_an_item(
    order_skus: list[str | None],
    catalog_rows: list[tuple[str | None, str | None, str | None]],
    order_eans: list[str | None],
) -> None:
    """Whatever the catalogue holds, rows out are the items in, once each, one status each."""
    eans = (order_eans + [None] * len(order_skus))[: len(order_skus)]
    items = pd.DataFrame(
        {
            "item_id": pd.Series([f"i{n}" for n in range(len(order_skus))], dtype="str"),
            "sku": pd.Series(order_skus, dtype="str"),
            "ean": pd.Series(eans, dtype="str"),
        },
        index=pd.Index(range(100, 100 + len(order_skus))),
    )
    catalog = pd.DataFrame(
        catalog_rows or [(None, None, None)], columns=["id", "sku", "ean"], dtype="str"
    )
    result = match_skus(items, catalog)
    assert len(result.rows) == len(items)
    assert list(result.rows.index) == list(items.index)
    assert result.rows["item_id"].tolist() == items["item_id"].tolist()
    assert set(result.rows["status"].astype(str)) <= set(STATUSES)
    assert result.rows["reason"].notna().all()
    summary = result.summary
    assert sum(summary["by_reason"].values()) == summary["items"] == len(items)
    assert summary["matched"] + summary["unmatched"] == len(items)

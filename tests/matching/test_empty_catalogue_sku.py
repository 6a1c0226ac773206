"""A product found by EAN whose catalogue SKU is empty: the advice never quotes an empty SKU."""

from __future__ import annotations

import pandas as pd
import pytest

from rakuten_assist.matching.sku import match_skus


def _items(skus: list[str | None], eans: list[str]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "item_id": [f"I{n}" for n in range(len(skus))],
            "sku": pd.array(skus, dtype="string"),
            "ean": eans,
        }
    )


@pytest.mark.parametrize("order_sku", ["OLD-7", None])
def test_ean_match_to_a_row_without_sku_says_to_fill_the_feed(order_sku: str | None) -> None:
    """The catalogue row has no SKU: fill it in the feed first, never "give the SKU ''"."""
    catalog = pd.DataFrame({"id": ["P1"], "sku": [""], "ean": ["3770012000429"]})
    result = match_skus(_items([order_sku], ["3770012000429"]), catalog)
    row = result.rows.iloc[0]
    assert row["product_id"] == "P1"
    assert "''" not in row["suggestion"]
    assert "has no SKU" in row["suggestion"]

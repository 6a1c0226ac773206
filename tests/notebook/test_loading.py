"""load_orders: plain pandas from the sandbox, a client or credentials, PII only on request."""

from __future__ import annotations

import pandas as pd
import pytest

from rakuten_assist.api import RakutenClient, fetch_open_orders
from rakuten_assist.config import Settings
from rakuten_assist.errors import MissingCredentialsError, PartialFetchError
from rakuten_assist.frames import ORDER_COLUMNS, PII_COLUMNS
from rakuten_assist.notebook import OrderExplorer, load_orders
from rakuten_assist.sandbox import Sandbox, running_sandbox

pytestmark = pytest.mark.integration


def test_sandbox_frame_has_typed_columns_and_no_pii(sandbox_frame: pd.DataFrame) -> None:
    """The sandbox frame has exactly the orders_frame columns, says it is demo data, no PII."""
    assert list(sandbox_frame.columns) == list(ORDER_COLUMNS)
    assert not set(PII_COLUMNS) & set(sandbox_frame.columns)
    assert sandbox_frame.attrs["origin"] == "sandbox"
    assert str(sandbox_frame["purchase_date"].dtype) == "datetime64[us, Europe/Paris]"
    assert len(sandbox_frame) > 0


def test_sandbox_frame_has_every_open_item() -> None:
    """load_orders returns one row per item that fetch_open_orders finds, both sources."""
    with running_sandbox(seed=7, sales=15) as box:
        with RakutenClient(box.credentials, settings=Settings(base_url=box.base_url)) as client:
            expected = fetch_open_orders(client).lines
            frame = load_orders(client=client)
    assert sorted(frame["item_id"]) == sorted(line.item.item_id for line in expected)
    assert frame.attrs["origin"] == "account"


def test_with_pii_adds_buyer_columns() -> None:
    """with_pii=True adds the buyer's personal columns, filled from the sandbox sales."""
    frame = load_orders(sandbox=True, sales=5, with_pii=True)
    assert set(PII_COLUMNS) <= set(frame.columns)
    assert frame["buyer_last_name"].notna().any()


def test_same_seed_same_orders() -> None:
    """Two sandbox loads with the same seed give the same items (the sandbox is stopped after)."""
    first = load_orders(sandbox=True, seed=3, sales=8)
    second = load_orders(sandbox=True, seed=3, sales=8)
    assert list(first["item_id"]) == list(second["item_id"])


def test_no_credentials_says_how_and_offers_the_sandbox(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without login or token the error's fix names the keyword arguments and the sandbox."""
    monkeypatch.delenv("RAKUTEN_LOGIN", raising=False)
    monkeypatch.delenv("RAKUTEN_TOKEN", raising=False)
    with pytest.raises(MissingCredentialsError) as caught:
        load_orders()
    assert "sandbox=True" in caught.value.fix
    assert "login=" in caught.value.fix


def test_credentials_and_base_url_reach_a_running_sandbox() -> None:
    """login, token and base_url are used as given, and the token never lands in attrs."""
    with running_sandbox(seed=5, sales=4) as box:
        frame = load_orders(login=box.login, token=box.token, base_url=box.base_url)
    assert len(frame) > 0
    assert box.token not in repr(frame.attrs)


def _client(box: Sandbox) -> RakutenClient:
    settings = Settings(base_url=box.base_url, max_attempts=1)
    return RakutenClient(box.credentials, settings=settings, sleep=lambda _: None)


def test_partial_fetch_raises_unless_allowed() -> None:
    """A failing later page raises; allow_partial keeps the rows and the token, and says so."""
    with running_sandbox(seed=11, sales=30, page_size=5) as box, _client(box) as client:
        box.faults.fail_next("getcurrentsales", kind="server_error", page=2)
        with pytest.raises(PartialFetchError):
            load_orders(client=client)
        box.faults.fail_next("getcurrentsales", kind="server_error", page=2)
        partial = load_orders(client=client, allow_partial=True)
        complete = load_orders(client=client)
    assert partial.attrs["partial"] is True
    assert partial.attrs["resume_token"]
    assert 0 < len(partial) < len(complete)
    assert set(partial["item_id"]) <= set(complete["item_id"])
    assert "failed part-way" in OrderExplorer(partial).banner.value


def test_explorer_loads_from_a_client() -> None:
    """OrderExplorer(client=...) fetches the open orders itself and counts them all."""
    with running_sandbox(seed=9, sales=6) as box, _client(box) as client:
        explorer = OrderExplorer(client=client)
        expected = load_orders(client=client)
    assert sorted(explorer.frame["item_id"]) == sorted(expected["item_id"])
    assert f"{len(expected)} of {len(expected)} rows" in explorer.count.value

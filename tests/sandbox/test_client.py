"""The project's own client against the sandbox: every answer parses into the models."""

from __future__ import annotations

import pytest

from rakuten_assist.api import RakutenClient, fetch_open_orders
from rakuten_assist.config import Settings
from rakuten_assist.errors import ParameterError, PartialFetchError
from rakuten_assist.models import Shipment

pytestmark = pytest.mark.integration


def _client(sandbox):
    return RakutenClient(
        sandbox.credentials, settings=Settings(base_url=sandbox.base_url), sleep=lambda _: None
    )


def test_open_orders_over_the_sandbox_list_every_open_item_once(sandbox):
    """fetch_open_orders reads every new and current item of the sandbox, each once."""
    expected = {i.item_id for _, items in sandbox.state.new_sales() for i in items} | {
        i.item_id for _, items in sandbox.state.current_sales() for i in items
    }
    with _client(sandbox) as client:
        orders = fetch_open_orders(client)
    item_ids = [line.item.item_id for line in orders.lines]
    assert sorted(item_ids) == sorted(expected)
    countries = {line.sale.country_code for line in orders.lines}
    assert "FR" in countries
    assert len(countries) >= 6


def test_client_accepts_with_249_and_the_sandbox_refuses_250(sandbox):
    """The client's default origin (249) is accepted end to end; 250 is Rakuten's refusal."""
    with _client(sandbox) as client:
        first, second = (sale.items[0] for sale in client.get_new_sales()[:2])
        with pytest.raises(ParameterError) as info:
            client.accept_sale(first.item_id, shipping_from_country=250)
        assert "The parameter 'shippingfromcountry' is invalid." in str(info.value.detail)
        client.accept_sale(second.item_id)
        assert client.get_item_infos(second.item_id).status == "ACCEPTED"
    assert sandbox.state.item(first.item_id).status != "ACCEPTED"


def test_client_accepts_ships_and_resumes_over_the_sandbox(sandbox):
    """Accept, ship and a failed page with its resume token all work end to end."""
    with _client(sandbox) as client:
        item = client.get_new_sales()[0].items[0]
        client.accept_sale(item.item_id)
        assert client.get_item_infos(item.item_id).status == "ACCEPTED"
        sale_id = sandbox.state.item(item.item_id).purchase_id
        shipment = Shipment(
            item_id=item.item_id,
            purchase_id=sale_id,
            transporter_name="Colissimo",
            tracking_number="6A12345678901",
            tracking_url="https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901",
        )
        assert client.import_item_shipping_status([shipment]) == "OK"
        assert sandbox.state.item(item.item_id).shipment is not None
        sandbox.faults.fail_next("getcurrentsales", kind="server_error", page=2, count=10)
        with pytest.raises(PartialFetchError) as caught:
            client.get_current_sales()
        sandbox.faults.clear()
        rest = [
            sale
            for page in client.iter_current_sales_pages(resume_from=caught.value.resume_token)
            for sale in page.sales
        ]
    everything = {sale.purchase_id for sale, _ in sandbox.state.current_sales()}
    assert {s.purchase_id for s in [*caught.value.sales, *rest]} == everything

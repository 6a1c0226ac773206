"""The whole order round trip over loopback: new sales, accept, current pages, ship, refusals."""

from __future__ import annotations

import pytest

from rakuten_assist.api import RakutenClient, fetch_open_orders
from rakuten_assist.config import Credentials, Settings
from rakuten_assist.errors import (
    AuthenticationError,
    ItemStatusError,
    ParameterError,
    QuotaExceededError,
    ResponseParseError,
    RightsError,
)
from rakuten_assist.models import Shipment
from rakuten_assist.sandbox import Sandbox, running_sandbox

pytestmark = pytest.mark.integration

LAPOSTE = "https://www.laposte.fr/outils/suivre-vos-envois?code={}"


def _shipment(item_id: str, purchase_id: str | None = None, url: str | None = None) -> Shipment:
    return Shipment(
        item_id=item_id,
        purchase_id=purchase_id,
        transporter_name="Colissimo",
        tracking_number="6A12345678901",
        tracking_url=url if url is not None else LAPOSTE.format("6A12345678901"),
    )


def test_accepted_item_moves_from_new_to_current_and_ships(client: RakutenClient) -> None:
    """Accepting moves the item to current sales; shipping it is then accepted by Rakuten."""
    before = fetch_open_orders(client)
    waiting = next(line for line in before.lines if line.source == "new")
    item_id = waiting.item.item_id
    assert waiting.item.needs_acceptance

    result = client.accept_sale(item_id)
    assert result.status == "Accepted"

    after = fetch_open_orders(client)
    sources = {line.item.item_id: line.source for line in after.lines}
    assert sources[item_id] == "current"
    assert len(after.lines) == len(before.lines)  # nothing lost, nothing doubled

    assert client.set_tracking_package_infos(_shipment(item_id)) == "OK"
    infos = client.get_item_infos(item_id)
    assert "ITEM_SHIPPED" in [log.code for log in infos.logs]


def test_shipping_before_acceptance_is_a_status_error(client: RakutenClient) -> None:
    """Rakuten refuses tracking for an item not accepted yet: ItemStatusError with its fix."""
    waiting = client.get_new_sales()[0].items[0]
    with pytest.raises(ItemStatusError) as info:
        client.set_tracking_package_infos(_shipment(waiting.item_id))
    assert "Statut incorrect" in info.value.message
    assert "accept" in info.value.fix.lower()


def test_unknown_item_is_the_itemid_parameter_error(client: RakutenClient) -> None:
    """An item id Rakuten does not know gives "The parameter 'itemid' is invalid."."""
    with pytest.raises(ParameterError) as info:
        client.accept_sale("999999999")
    assert not isinstance(info.value, ItemStatusError)
    assert "The parameter 'itemid' is invalid." in info.value.message


def test_shipment_without_tracking_url_is_refused(client: RakutenClient) -> None:
    """An empty tracking URL is refused by the service, for a named carrier too."""
    current = client.get_current_sales()[0].items[0]
    with pytest.raises(ParameterError, match="tracking_url"):
        client.set_tracking_package_infos(_shipment(current.item_id, url=""))


def test_second_shipment_of_an_item_is_refused(client: RakutenClient) -> None:
    """An item already shipped cannot be shipped again (a déjà été expédié)."""
    current = client.get_current_sales()[0].items[0]
    client.set_tracking_package_infos(_shipment(current.item_id))
    with pytest.raises(ItemStatusError, match="déjà été expédié"):
        client.set_tracking_package_infos(_shipment(current.item_id))


def test_batch_upload_ships_every_item(client: RakutenClient, sandbox: Sandbox) -> None:
    """importitemshippingstatus records every shipment of the file."""
    sales = client.get_current_sales()[:3]
    shipments = [_shipment(s.items[0].item_id, s.purchase_id) for s in sales]
    assert client.import_item_shipping_status(shipments) == "OK"
    for shipment in shipments:
        recorded = sandbox.state.item(shipment.item_id).shipment
        assert recorded is not None
        assert recorded.tracking_url == shipment.tracking_url


def test_batch_with_one_bad_item_applies_nothing_and_names_it(
    client: RakutenClient, sandbox: Sandbox
) -> None:
    """One refused line refuses the file; the error names the item, nothing is recorded."""
    sales = client.get_current_sales()[:2]
    good = _shipment(sales[0].items[0].item_id, sales[0].purchase_id)
    bad = _shipment(sales[1].items[0].item_id, sales[1].purchase_id, url="not a url")
    with pytest.raises(ParameterError) as info:
        client.import_item_shipping_status([good, bad])
    assert bad.item_id in (info.value.detail or "")
    assert sandbox.state.item(good.item_id).shipment is None


def test_refused_sale_leaves_the_open_orders(client: RakutenClient) -> None:
    """Refusing an item removes it from the open orders."""
    waiting = client.get_new_sales()[0].items[0]
    client.refuse_sale(waiting.item_id)
    ids = {line.item.item_id for line in fetch_open_orders(client).lines}
    assert waiting.item_id not in ids


def test_wrong_token_is_an_authentication_error(sandbox: Sandbox) -> None:
    """A wrong token gives "Unknown user or password." with the fix, not a crash."""
    creds = Credentials.from_values(sandbox.login, "wrong-token-123456")
    with RakutenClient(creds, settings=Settings(base_url=sandbox.base_url)) as client:
        with pytest.raises(AuthenticationError) as info:
            client.get_new_sales()
    assert "Unknown user or password." in info.value.message
    assert "account name" in info.value.fix


def test_non_professional_account_gets_the_rights_error(sandbox: Sandbox) -> None:
    """The private-seller demo account is refused with the Professional-account fix."""
    with RakutenClient(
        sandbox.non_professional_credentials, settings=Settings(base_url=sandbox.base_url)
    ) as client:
        with pytest.raises(RightsError) as info:
            client.get_new_sales()
    assert "Professional" in info.value.fix


def test_quota_stops_calls_until_the_hour() -> None:
    """Past the sandbox's quota, the client raises QuotaExceededError and stops calling."""
    with running_sandbox(quota=3) as sb:
        with RakutenClient(sb.credentials, settings=Settings(base_url=sb.base_url)) as client:
            for _ in range(3):
                client.get_new_sales()
            with pytest.raises(QuotaExceededError):
                client.get_new_sales()
            calls = sb.state.count_requests()
            with pytest.raises(QuotaExceededError, match="Not calling"):
                client.get_new_sales()
            assert sb.state.count_requests() == calls


def test_flaky_service_is_retried_to_a_full_result() -> None:
    """With random 5xx and cut bodies, retries still bring every open item exactly once."""
    with running_sandbox(seed=3, sales=60, fail_rate=0.15, truncate_rate=0.1) as flaky:
        with running_sandbox(seed=3, sales=60) as clean:
            settings_flaky = Settings(base_url=flaky.base_url, max_attempts=8)
            with RakutenClient(
                flaky.credentials, settings=settings_flaky, sleep=lambda _: None
            ) as c:
                got = sorted(line.item.item_id for line in fetch_open_orders(c).lines)
            with RakutenClient(clean.credentials, settings=Settings(base_url=clean.base_url)) as c:
                expected = sorted(line.item.item_id for line in fetch_open_orders(c).lines)
    assert got == expected


def test_a_cut_answer_to_a_shipment_is_not_resent(client: RakutenClient, sandbox: Sandbox) -> None:
    """The shipment was recorded but its answer was cut: one call, and a fix that says check."""
    current = client.get_current_sales()[0].items[0]
    sandbox.faults.fail_next("settrackingpackageinfos", kind="truncated")
    calls = sandbox.state.count_requests("settrackingpackageinfos")
    with pytest.raises(ResponseParseError) as info:
        client.set_tracking_package_infos(_shipment(current.item_id))
    assert sandbox.state.count_requests("settrackingpackageinfos") == calls + 1
    assert sandbox.state.item(current.item_id).shipment is not None
    assert "before sending it again" in info.value.fix

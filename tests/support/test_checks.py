"""The setup doctor: every check in order, with its fix, and never the token."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from rakuten_assist.sandbox import NON_PRO_LOGIN, Sandbox, running_sandbox
from rakuten_assist.support import CheckResult, SetupRequest, iter_checks, run_checks

ORDER = ["login", "token", "credentials", "professional_rights", "open_orders"]


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    """One sandbox for the module (quota-free, seeded)."""
    with running_sandbox(seed=7, sales=12) as sb:
        yield sb


def _by_id(results: list[CheckResult]) -> dict[str, CheckResult]:
    return {result.id: result for result in results}


def _assert_no_token(results: list[CheckResult], token: str) -> None:
    for result in results:
        assert token not in repr(result.to_json())


def test_email_login_fails_first_and_blocks_remote_checks() -> None:
    """An e-mail login fails with the banner fix; Rakuten is not called (ok=None with why)."""
    results = run_checks(SetupRequest(login="shop@example.com", token="abcdefgh12345"))
    by_id = _by_id(results)
    assert [r.id for r in results][:5] == ORDER
    assert by_id["login"].ok is False
    assert "banner" in by_id["login"].fix
    assert by_id["token"].ok is True
    for check_id in ("credentials", "professional_rights", "open_orders"):
        assert by_id[check_id].ok is None
        assert by_id[check_id].detail.startswith("Not run")
    _assert_no_token(results, "abcdefgh12345")


@pytest.mark.parametrize(("token", "kind"), [(None, "Missing"), ("abc def ghi", "Invalid")])
def test_bad_tokens_fail_without_being_shown(token: str | None, kind: str) -> None:
    """A missing or malformed token fails with where to copy it, and is never repeated."""
    results = run_checks(SetupRequest(login="ma-boutique", token=token, lang="fr"))
    check = _by_id(results)["token"]
    assert check.ok is False
    assert check.data["error"].startswith(kind)
    assert "Mes informations développeur" in check.fix
    assert check.title == "Jeton d'API présent et bien formé"
    if token:
        _assert_no_token(results, token)


def test_setup_request_repr_hides_the_token() -> None:
    """Printing a request (logs, tracebacks) never shows the token."""
    assert "s3cret-token-value" not in repr(SetupRequest("shop", "s3cret-token-value"))


def test_checks_are_yielded_one_by_one() -> None:
    """iter_checks is lazy: the first result arrives before the others are computed."""
    checks = iter_checks(SetupRequest(login="shop@example.com", token=None))
    first = next(checks)
    assert first.id == "login"
    assert next(checks).id == "token"


@pytest.mark.integration
def test_all_checks_pass_on_the_sandbox(sandbox: Sandbox, tmp_path: Path) -> None:
    """Demo account, a full catalogue and known carriers: every check passes or is informative."""
    from rakuten_assist.api import RakutenClient, fetch_open_orders
    from rakuten_assist.config import Settings

    with RakutenClient(sandbox.credentials, settings=Settings(base_url=sandbox.base_url)) as c:
        lines = fetch_open_orders(c).lines
    feed = tmp_path / "feed.csv"
    skus = sorted({line.item.sku for line in lines if line.item.sku})
    feed.write_text("id;sku\n" + "".join(f"P{i};{sku}\n" for i, sku in enumerate(skus)))
    request = SetupRequest(
        login=sandbox.login,
        token=sandbox.token,
        base_url=sandbox.base_url,
        catalog=feed,
        carriers=("colissimo", "mondial relay"),
    )
    results = run_checks(request)
    by_id = _by_id(results)
    assert [r.id for r in results][:5] == ORDER
    assert all(by_id[check_id].ok for check_id in ORDER)
    orders = by_id["open_orders"]
    assert orders.data["items"] == len(lines)
    assert sum(orders.data["by_country"].values()) == len(lines)
    assert orders.data["country_filter"] is False
    assert "Nothing is filtered by country" in orders.detail
    sku = by_id["sku_mapping"]
    assert sku.data["items"] == len(lines)
    assert sku.data["matched"] == sum(1 for line in lines if line.item.sku)
    assert by_id["carrier:colissimo"].ok is True
    assert by_id["carrier:colissimo"].data["tracking_url"].startswith("https://")
    assert by_id["carrier:mondial-relay"].data["needs"] == ["postal_code"]
    assert by_id["test_order"].ok is None
    assert "never ship" in by_id["test_order"].fix
    assert "support" in by_id["test_order"].fix
    _assert_no_token(results, sandbox.token)


@pytest.mark.integration
def test_swapped_feed_fails_with_the_mapping_fix(sandbox: Sandbox, tmp_path: Path) -> None:
    """A feed whose SKUs Rakuten does not know fails the SKU check with the final-step fix."""
    feed = tmp_path / "feed.csv"
    feed.write_text("id;sku\nRK-1;internal-1\nRK-2;internal-2\n")
    request = SetupRequest(
        login=sandbox.login, token=sandbox.token, base_url=sandbox.base_url, catalog=feed
    )
    check = _by_id(run_checks(request))["sku_mapping"]
    assert check.ok is False
    assert check.data["rate"] < 1
    assert "final step" in check.fix


@pytest.mark.integration
def test_french_sku_check_names_the_swapped_column_in_french(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    """A feed with the SKUs in its id column: in French, the fix says which column, in French."""
    from rakuten_assist.api import RakutenClient, fetch_open_orders
    from rakuten_assist.config import Settings

    with RakutenClient(sandbox.credentials, settings=Settings(base_url=sandbox.base_url)) as c:
        skus = sorted({line.item.sku for line in fetch_open_orders(c).lines if line.item.sku})
    feed = tmp_path / "feed.csv"
    feed.write_text("id;sku\n" + "".join(f"{sku};interne-{i}\n" for i, sku in enumerate(skus)))
    request = SetupRequest(
        login=sandbox.login,
        token=sandbox.token,
        base_url=sandbox.base_url,
        catalog=feed,
        lang="fr",
    )
    check = _by_id(run_checks(request))["sku_mapping"]
    assert check.ok is False
    assert "colonne « id » du catalogue, pas à « sku »" in check.fix
    assert "la correspondance est inversée" in check.fix
    assert "swapped" not in check.fix
    assert any("'id' column, not 'sku'" in hint for hint in check.data["hints"])


@pytest.mark.integration
def test_wrong_token_is_refused_by_rakuten(sandbox: Sandbox) -> None:
    """A well-formed but wrong token fails the credentials check; later checks do not run."""
    request = SetupRequest(
        login=sandbox.login, token="wrong-token-123456", base_url=sandbox.base_url
    )
    by_id = _by_id(run_checks(request))
    assert by_id["credentials"].ok is False
    assert "Unknown user or password." in by_id["credentials"].detail
    assert by_id["professional_rights"].ok is None
    assert by_id["open_orders"].ok is None


@pytest.mark.integration
def test_private_account_fails_the_rights_check(sandbox: Sandbox) -> None:
    """The non-professional demo account passes credentials and fails rights with the fix."""
    request = SetupRequest(
        login=NON_PRO_LOGIN, token=sandbox.token, base_url=sandbox.base_url, lang="fr"
    )
    by_id = _by_id(run_checks(request))
    assert by_id["credentials"].ok is True
    assert by_id["professional_rights"].ok is False
    assert "Access denied." in by_id["professional_rights"].detail
    assert "Professionnel" in by_id["professional_rights"].fix
    assert by_id["open_orders"].ok is None


@pytest.mark.integration
def test_quota_is_explained_and_nothing_retried(sandbox: Sandbox) -> None:
    """ "Quota exceeded." on the cheap call leaves the checks undecided with the hourly fix."""
    sandbox.faults.fail_next("getnewsales", kind="quota")
    request = SetupRequest(login=sandbox.login, token=sandbox.token, base_url=sandbox.base_url)
    by_id = _by_id(run_checks(request))
    assert by_id["credentials"].ok is None
    assert "hour" in by_id["credentials"].fix
    assert by_id["open_orders"].ok is None


def test_a_misspelt_carrier_with_a_product_word_is_found() -> None:
    """'colisimo xpress' (typo plus product word) is Colissimo, supported, with its example link."""
    request = SetupRequest(login="shop@example.com", token=None, carriers=("colisimo xpress",))
    carrier_checks = [r for r in run_checks(request) if r.id.startswith("carrier")]
    assert len(carrier_checks) == 1
    check = carrier_checks[0]
    assert check.id == "carrier:colissimo"
    assert check.ok is True
    assert check.data["rakuten_name"] == "Colissimo"
    assert check.data["tracking_url"].startswith("https://www.laposte.fr/")


def test_unknown_carrier_fix_names_the_closest_carriers_readably() -> None:
    """An unknown carrier's fix lists carrier names, not object dumps."""
    from rakuten_assist.support import SetupRequest, iter_checks

    results = [
        r
        for r in iter_checks(SetupRequest(login=None, token=None, carriers=("lettre verte",)))
        if r.id.startswith("carrier")
    ]
    assert len(results) == 1
    result = results[0]
    assert result.ok is False
    assert "La Poste Lettre suivie" in result.fix
    assert "Carrier(" not in result.fix
    assert len(result.fix) < 300


@pytest.mark.integration
def test_getnewsales_is_called_once_and_its_sales_are_kept(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The credentials call's new sales are reused for open orders, not fetched a second time."""
    from rakuten_assist.api import RakutenClient, fetch_open_orders
    from rakuten_assist.config import Settings

    with RakutenClient(sandbox.credentials, settings=Settings(base_url=sandbox.base_url)) as c:
        expected = fetch_open_orders(c).count_by_source()
    original = RakutenClient.get_new_sales
    calls: list[int] = []

    def counting(self: RakutenClient, *args: object, **kwargs: object) -> object:
        calls.append(1)
        return original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(RakutenClient, "get_new_sales", counting)
    request = SetupRequest(login=sandbox.login, token=sandbox.token, base_url=sandbox.base_url)
    orders = _by_id(run_checks(request))["open_orders"]
    assert len(calls) == 1
    assert orders.ok is True
    assert orders.data["by_source"] == expected
    assert expected["new"] > 0


@pytest.mark.parametrize(
    ("carrier", "absent"),
    [
        ("mondial relay", ("postal_code", "postcode", "The link")),
        ("tatex", ("Rakuten lists", "our sources", "No:")),
        ("DHL", ("can mean several", "Say which")),
        ("lettre verte", ("is not a carrier we know",)),
    ],
)
def test_french_carrier_checks_are_all_french(carrier: str, absent: tuple[str, ...]) -> None:
    """A French report says the carrier facts in French: no registry English, no raw ids."""
    request = SetupRequest(login=None, token=None, carriers=(carrier,), lang="fr")
    check = next(r for r in run_checks(request) if r.id.startswith("carrier"))
    for text in absent:
        assert text not in check.detail
    assert check.detail


def test_french_check_of_a_refused_carrier_gives_its_own_reason() -> None:
    """Heppner's check in French says why (the 8-digit receipt number), in French."""
    request = SetupRequest(login=None, token=None, carriers=("heppner",), lang="fr")
    check = next(r for r in run_checks(request) if r.id.startswith("carrier"))
    assert "récépissé à 8 chiffres" in check.detail
    assert "receipt" not in check.detail


def test_french_mondial_relay_check_names_the_postcode_in_words() -> None:
    """The postcode Mondial Relay needs is worded, not the id postal_code."""
    request = SetupRequest(login=None, token=None, carriers=("mondial relay",), lang="fr")
    check = next(r for r in run_checks(request) if r.id.startswith("carrier"))
    assert "le code postal de livraison" in check.detail


@pytest.mark.integration
def test_lines_already_fetched_skip_the_remote_checks(sandbox: Sandbox, tmp_path: Path) -> None:
    """Given the open order lines, the SKU check uses them and no remote check runs again."""
    from rakuten_assist.api import RakutenClient, fetch_open_orders
    from rakuten_assist.config import Settings

    with RakutenClient(sandbox.credentials, settings=Settings(base_url=sandbox.base_url)) as c:
        lines = fetch_open_orders(c).lines
    feed = tmp_path / "feed.csv"
    feed.write_text("id;sku\n" + "".join(f"p{i};{line.item.sku}\n" for i, line in enumerate(lines)))
    request = SetupRequest(
        login=sandbox.login,
        token=sandbox.token,
        base_url="http://127.0.0.1:9/unreachable",  # a remote call would fail loudly
        catalog=feed,
        lines=lines,
    )
    by_id = _by_id(run_checks(request))
    assert "credentials" not in by_id
    assert "open_orders" not in by_id
    assert by_id["sku_mapping"].data["items"] == len(lines)
    assert by_id["sku_mapping"].ok is (all(line.item.sku for line in lines))


def test_a_result_carries_its_message_ids_and_renders_in_another_language() -> None:
    """A check result keeps the ids of its sentences, so it can be shown again in French."""
    english = run_checks(SetupRequest(login="shop@example.com", token="abcdefgh12345"))[0]
    assert english.messages["title"].id == "checks.title.login"
    assert english.messages["fix"].id == "checks.login.fix"
    french = english.in_lang("fr")
    assert (
        french.title
        == run_checks(SetupRequest(login="shop@example.com", token="abcdefgh12345", lang="fr"))[
            0
        ].title
    )
    assert french.fix != english.fix
    assert french.ok is english.ok


def test_a_french_check_shows_rakuten_failures_in_french() -> None:
    """When Rakuten cannot be reached, a French check says so in French, cause and fix."""
    results = run_checks(
        SetupRequest(
            login="boutique",
            token="abcdefgh12345678abcd",
            base_url="http://127.0.0.1:9",
            lang="fr",
        )
    )
    credentials = _by_id(results)["credentials"]
    assert credentials.ok is None
    assert "Impossible de joindre Rakuten" in credentials.detail
    assert "Could not reach" not in credentials.detail
    assert credentials.fix.startswith("Vérifiez")


def test_an_unknown_carrier_with_no_close_name_gets_a_fix_that_says_so() -> None:
    """'transporteur bidule' has no close registry name: the fix says so and where to look,
    never 'Transporteurs proches : -'."""
    request = SetupRequest(
        login="shop@example.com", token=None, carriers=("transporteur bidule",), lang="fr"
    )
    (check,) = [r for r in run_checks(request) if r.id.startswith("carrier")]
    assert check.ok is False
    assert "proches : -" not in check.fix
    assert check.fix.startswith("Aucun transporteur du registre n'a un nom proche")

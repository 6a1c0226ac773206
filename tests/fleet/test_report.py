"""fleet report: each account's latest outcome, its fix from the catalogue, waits, SKUs, trends."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from rakuten_assist.errors import AuthenticationError, RightsError
from rakuten_assist.fleet import AccountOutcome, FleetRun
from rakuten_assist.fleet.report import build_report, daily_open_orders
from rakuten_assist.models import Money, OrderLine, Sale, SaleItem
from rakuten_assist.store import open_store

NOW = datetime(2026, 12, 7, 8, 0, tzinfo=UTC)


def _line(item_id: str, *, hours_old: float, source: str, sku: str | None) -> OrderLine:
    item = SaleItem(item_id=item_id, sku=sku, status="REQUESTED", price=Money(amount=Decimal(10)))
    sale = Sale(
        purchase_id=f"4{item_id}",
        purchase_date=NOW - timedelta(hours=hours_old),
        items=(item,),
    )
    return OrderLine(source=source, sale=sale, item=item)  # type: ignore[arg-type]


def _run(moment: datetime, outcomes: list[AccountOutcome], number: int) -> FleetRun:
    for outcome in outcomes:
        outcome.started = outcome.finished = moment
    return FleetRun(id=f"run-{number}", started=moment, finished=moment, outcomes=outcomes)


@pytest.fixture
def store_with_history(store_url: str) -> str:
    """Three days of runs: lyon healthy throughout, nantes whose token broke on the last day."""
    store = open_store(store_url)
    for day in (2, 1):
        moment = NOW - timedelta(days=day)
        store.save_run(
            _run(
                moment,
                [
                    AccountOutcome(
                        "lyon",
                        "boutiquelyon",
                        lines=[
                            _line(f"1{day}{i}", hours_old=2, source="current", sku="A")
                            for i in range(day + 3)
                        ],
                    ),
                    AccountOutcome(
                        "nantes",
                        "boutique-nantes",
                        lines=[_line(f"2{day}0", hours_old=5, source="current", sku="B")],
                    ),
                ],
                day,
            )
        )
    store.save_run(
        _run(
            NOW,
            [
                AccountOutcome(
                    "lyon",
                    "boutiquelyon",
                    lines=[
                        _line("301", hours_old=30, source="new", sku="A"),
                        _line("302", hours_old=3, source="new", sku=""),
                        _line("303", hours_old=50, source="current", sku=None),
                    ],
                ),
                AccountOutcome(
                    "nantes",
                    "boutique-nantes",
                    error=AuthenticationError(
                        "Rakuten refused the credentials (getcurrentsales): Unknown user or "
                        "password. Incorrect login or password"
                    ),
                ),
                AccountOutcome(
                    "brest",
                    "boutique-brest",
                    error=RightsError(
                        "Access denied. This web service is reserved for professional sellers."
                    ),
                ),
            ],
            3,
        )
    )
    return store_url


def test_failing_accounts_have_their_cause_and_the_catalogue_fix(store_with_history: str) -> None:
    """nantes (wrong token) and brest (not Professional) fail, each with the catalogue's fix."""
    report = build_report(open_store(store_with_history))
    failing = {a.label: a for a in report.failing}
    assert set(failing) == {"nantes", "brest"}
    assert "Unknown user or password" in (failing["nantes"].error or "")
    assert "copy the token again" in (failing["nantes"].fix or "")
    assert "Professional" in (failing["brest"].fix or "")
    assert report.run is not None
    assert report.run["id"] == "run-3"


def test_fix_is_in_french_when_asked(store_with_history: str) -> None:
    """The same report in French gives the catalogue's French fix."""
    report = build_report(open_store(store_with_history), lang="fr")
    nantes = next(a for a in report.accounts if a.label == "nantes")
    assert "jeton" in (nantes.fix or "")


def test_waiting_sales_and_empty_skus_are_counted_at_the_time_of_the_fetch(
    store_with_history: str,
) -> None:
    """Only new sales older than the threshold count; empty and missing SKUs both count."""
    store = open_store(store_with_history)
    lyon = next(a for a in build_report(store).accounts if a.label == "lyon")
    assert lyon.items == 3
    assert lyon.awaiting_acceptance_over == 1  # 30 h; the 3 h one and the current one do not
    assert lyon.empty_sku_items == 2
    assert lyon.unknown_sku_items is None  # no catalogue: unknown, not zero
    two_hours = next(
        a for a in build_report(store, older_than_hours=2).accounts if a.label == "lyon"
    )
    assert two_hours.awaiting_acceptance_over == 2


def test_open_orders_per_account_per_day_leave_failed_fetches_out(store_with_history: str) -> None:
    """The trend has one point per account and day; nantes has none for its failed day."""
    daily = daily_open_orders(open_store(store_with_history))
    points = {(str(day), account): count for day, account, count in daily.itertuples(index=False)}
    assert points == {
        ("2026-12-05", "lyon"): 5,
        ("2026-12-05", "nantes"): 1,
        ("2026-12-06", "lyon"): 4,
        ("2026-12-06", "nantes"): 1,
        ("2026-12-07", "lyon"): 3,
    }


def test_report_json_has_the_contract_keys(store_with_history: str) -> None:
    """The JSON shape has every key CLI.md promises."""
    data = build_report(open_store(store_with_history)).as_json()
    assert set(data["run"]) >= {"id", "started", "finished"}
    for account in data["accounts"]:
        assert set(account) >= {
            "label",
            "ok",
            "error",
            "fix",
            "items",
            "awaiting_acceptance_over",
            "empty_sku_items",
            "unknown_sku_items",
        }


def test_french_report_reads_french_end_to_end(
    store_with_history: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """fleet report --lang fr gives the catalogue's French cause and fix, not our English."""
    from rakuten_assist.cli import main

    assert main(["fleet", "report", "--store", store_with_history, "--lang", "fr"]) == 0
    out = capsys.readouterr().out
    assert "Comptes en échec (2)" in out
    assert "Rakuten ne reconnaît pas le couple identifiant / jeton" in out
    assert "Rakuten refused the credentials" not in out


def test_unknown_skus_are_counted_against_the_accounts_catalogue(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An account with a catalogue gets its unknown SKUs counted as match does; others: null."""
    from rakuten_assist.api import RakutenClient, fetch_open_orders
    from rakuten_assist.cli import main
    from rakuten_assist.config import Settings
    from rakuten_assist.matching.catalog import load_catalog
    from rakuten_assist.matching.sku import match_skus
    from rakuten_assist.sandbox import DEMO_CATALOGUE
    from rakuten_assist.sandbox.fleet import running_fleet_sandbox

    with running_fleet_sandbox(accounts=2, misconfigured=False, seed=42) as fleet:
        text = fleet.server.accounts_file().replace(
            'label = "shop-0001"', f'label = "shop-0001"\ncatalog = "{DEMO_CATALOGUE}"'
        )
        path = tmp_path / "accounts.toml"
        path.write_text(text, encoding="utf-8")
        path.chmod(0o600)
        store = str(tmp_path / "fleet.sqlite3")
        assert main(["fleet", "orders", "--accounts", str(path), "--store", store]) == 0
        first = fleet.accounts[0]
        from rakuten_assist.config import Credentials

        with RakutenClient(
            Credentials.from_values(first.login, first.token),
            settings=Settings(base_url=fleet.base_url),
        ) as client:
            lines = fetch_open_orders(client).lines
    statuses = match_skus(lines, load_catalog(DEMO_CATALOGUE)).rows["status"]
    expected = int(statuses.isin(["not_in_catalog", "near_miss"]).sum())
    capsys.readouterr()
    assert main(["fleet", "report", "--store", store, "--json"]) == 0
    accounts = {a["label"]: a for a in json.loads(capsys.readouterr().out)["accounts"]}
    assert expected > 0
    assert accounts["shop-0001"]["unknown_sku_items"] == expected
    assert accounts["shop-0001"]["empty_sku_items"] == int((statuses == "empty_sku").sum())
    assert accounts["shop-0002"]["unknown_sku_items"] is None
    assert main(["fleet", "report", "--store", store]) == 0
    section = capsys.readouterr().out.split("\n\n")[3]
    lines = section.splitlines()
    assert any(line.startswith("  shop-0001:") and " unknown" in line for line in lines)
    shop2 = next(line for line in lines if line.startswith("  shop-0002:"))
    assert "unknown" not in shop2
    assert " - " not in shop2
    assert lines[-1].strip().startswith("unknown SKUs not counted for 1 account ")
    assert "shop-0002" in lines[-1]


def test_counts_come_from_the_last_complete_fetch_when_the_latest_failed(
    store_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """After a run where every account failed, the sales still waiting are those of each
    account's last complete fetch, said so; an account never fetched in full is said not
    counted, never "none"."""
    from rakuten_assist.cli import main
    from rakuten_assist.errors import APIConnectionError

    store = open_store(store_url)
    earlier = NOW - timedelta(hours=6)
    waiting = _line("901", hours_old=40, source="new", sku="")
    store.save_run(_run(earlier, [AccountOutcome("paris", "boutique-paris", lines=[waiting])], 1))
    down = [
        AccountOutcome(label, label, error=APIConnectionError("Cannot reach Rakuten."))
        for label in ("paris", "lille")
    ]
    store.save_run(_run(NOW, down, 2))
    report = build_report(store)
    accounts = {a.label: a for a in report.accounts}
    assert (accounts["paris"].ok, accounts["paris"].awaiting_acceptance_over) == (False, 1)
    assert (accounts["paris"].counted_run, accounts["paris"].empty_sku_items) == ("run-1", 1)
    assert (accounts["lille"].counted_run, accounts["lille"].awaiting_acceptance_over) == (None, 0)
    for lang, mark, unknown in [
        (
            "en",
            "(from its last complete fetch, ",
            "not counted: 1 account never fetched in full",
        ),
        (
            "fr",
            "(d'après sa dernière lecture complète, le ",
            "non comptés : 1 compte jamais lu",
        ),
    ]:
        assert main(["fleet", "report", "--store", store_url, "--lang", lang]) == 0
        text = capsys.readouterr().out
        waiting_section = text.split("\n\n")[2]
        assert "paris" in waiting_section
        assert mark in waiting_section
        assert unknown in waiting_section
        assert "lille" in waiting_section
        assert "none" not in waiting_section
        assert "aucun" not in waiting_section


@pytest.mark.parametrize(
    ("lang", "note"),
    [
        ("en", "unknown SKUs not counted: no account has a catalogue"),
        ("fr", "SKU inconnus non comptés : aucun compte n'a de catalogue"),
    ],
)
def test_without_catalogues_the_unknown_count_is_explained_once(
    store_with_history: str, capsys: pytest.CaptureFixture[str], lang: str, note: str
) -> None:
    """No account has a catalogue: each line gives the empty-SKU count alone, and one line says
    why unknown SKUs are not counted and how to have them counted."""
    from rakuten_assist.cli import main

    assert main(["fleet", "report", "--store", store_with_history, "--lang", lang]) == 0
    section = capsys.readouterr().out.split("\n\n")[3].splitlines()
    assert section[1].startswith("  lyon")
    assert section[1].rstrip().endswith(("2 empty", "2 sans SKU"))
    assert note in section[-1]
    assert "catalog =" in section[-1]
    assert sum(note in line for line in section) == 1


@pytest.mark.parametrize(
    ("lang", "once"),
    [
        ("en", "(every line above: from each account's last complete fetch, "),
        ("fr", "(toutes les lignes ci-dessus : d'après la dernière lecture complète de chaque "),
    ],
)
def test_a_note_every_line_shares_is_said_once(
    store_url: str, capsys: pytest.CaptureFixture[str], lang: str, once: str
) -> None:
    """After a run where every account failed, the accounts counted from the same earlier
    fetch are listed bare, with that fetch said once under them."""
    from rakuten_assist.cli import main
    from rakuten_assist.errors import APIConnectionError

    store = open_store(store_url)
    labels = ("paris", "lyon", "brest")
    earlier = [
        AccountOutcome(label, label, lines=[_line(f"9{n}", hours_old=40, source="new", sku="")])
        for n, label in enumerate(labels)
    ]
    store.save_run(_run(NOW - timedelta(hours=6), earlier, 1))
    down = [
        AccountOutcome(label, label, error=APIConnectionError("Cannot reach Rakuten."))
        for label in labels
    ]
    store.save_run(_run(NOW, down, 2))
    assert main(["fleet", "report", "--store", store_url, "--lang", lang]) == 0
    sections = capsys.readouterr().out.split("\n\n")
    for section in sections[2:4]:
        lines = section.splitlines()
        assert [line.split()[0].rstrip(":") for line in lines[1:4]] == sorted(labels)
        assert all("(" not in line for line in lines[1:4])
        assert lines[4].strip().startswith(once)
        assert sum(once in line for line in lines) == 1


def test_lines_all_partial_are_said_partial_once() -> None:
    """Accounts whose latest fetch all failed part-way: their lines bare, 'partial' said once."""
    from rakuten_assist.cli._fleet_report import _marked
    from rakuten_assist.fleet.report import AccountReport

    def partial(label: str) -> AccountReport:
        return AccountReport(
            label, False, "cut", None, 3, 1, 0, None, "run-1", "t", counted_run="run-1"
        )

    lines = _marked([(f"  {label}: 1", partial(label)) for label in ("a", "b")], "fr")
    assert lines[:2] == ["  a: 1", "  b: 1"]
    assert lines[2].strip().startswith("(toutes les lignes ci-dessus sont partielles")


def test_an_unusable_catalogue_is_said_in_french_in_the_fleet_report(tmp_path: Path) -> None:
    """An account whose catalogue file is missing: the fleet report's sentence says why in
    French (the catalogue error's French words), not the English text of the error."""
    from rakuten_assist.config import Credentials
    from rakuten_assist.fleet import FleetAccount
    from rakuten_assist.fleet.skus import judge_skus

    outcome = AccountOutcome(
        label="lyon",
        login="boutiquelyon",
        lines=[_line("1", hours_old=1, source="new", sku="RK-1")],
    )
    run = _run(NOW, [outcome], 1)
    account = FleetAccount(
        label="lyon",
        credentials=Credentials.from_values("boutiquelyon", "a" * 24),
        catalog=tmp_path / "absent.csv",
    )
    problems = judge_skus(run, [account], lang="fr")
    assert len(problems) == 1
    assert "Aucun fichier catalogue" in problems[0]
    assert "No catalogue file" not in problems[0]


def test_a_run_with_no_failure_says_so_instead_of_an_empty_list(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every account fetched: the report says no account failed, not a heading "Comptes en
    échec (0), avec ce qu'il faut leur dire :" followed by nothing."""
    from rakuten_assist.cli import main
    from rakuten_assist.sandbox.fleet import running_fleet_sandbox

    with running_fleet_sandbox(accounts=2, misconfigured=False, seed=3) as fleet:
        path = fleet.write_accounts(tmp_path / "accounts.toml")
        store = str(tmp_path / "fleet.sqlite3")
        assert main(["fleet", "orders", "--accounts", str(path), "--store", store]) == 0
    capsys.readouterr()
    assert main(["fleet", "report", "--store", store, "--lang", "fr"]) == 0
    out = capsys.readouterr().out
    assert "Aucun compte en échec lors de la dernière exécution." in out
    assert "Comptes en échec" not in out

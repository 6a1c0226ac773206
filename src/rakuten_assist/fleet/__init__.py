"""Many merchant accounts at once: the accounts file, concurrent fetches, stored history.

accounts = load_accounts(default_accounts_path())
ready = [check.account for check in check_accounts(accounts) if check.account]
run = fetch_fleet(ready, concurrency=20)
run.frame()   # one row per open item, with an ``account`` column
run.status()  # one row per account: ok, items, error and fix
"""

from rakuten_assist.fleet.account_checks import AccountCheck, check_accounts
from rakuten_assist.fleet.accounts import (
    DEFAULT_HOURLY_QUOTA,
    AccountEntry,
    AccountsFile,
    AccountsFileError,
    FleetAccount,
    default_accounts_path,
    load_accounts,
)
from rakuten_assist.fleet.fetch import (
    AccountOutcome,
    FleetInterrupted,
    FleetProgress,
    FleetRun,
    fetch_fleet,
    fetch_fleet_async,
)
from rakuten_assist.fleet.quota import HourlyBudget, QuotaBudgetError

__all__ = [
    "DEFAULT_HOURLY_QUOTA",
    "AccountCheck",
    "AccountEntry",
    "AccountOutcome",
    "AccountsFile",
    "AccountsFileError",
    "FleetAccount",
    "FleetInterrupted",
    "FleetProgress",
    "FleetRun",
    "HourlyBudget",
    "QuotaBudgetError",
    "check_accounts",
    "default_accounts_path",
    "fetch_fleet",
    "fetch_fleet_async",
    "load_accounts",
]

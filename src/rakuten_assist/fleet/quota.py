"""Each account's hourly budget of calls: counted before a request leaves, never exceeded.

Rakuten counts calls per account and per hour and answers "Quota exceeded." past its limit,
for the rest of the hour. The fleet never lets one account get there: every request takes one
call from its account's budget first, and a budget that is spent refuses the request without
sending it. Calls already made in the last hour (by earlier runs, from the store) are counted
in from the start.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rakuten_assist.api._answers import seconds_to_next_hour
from rakuten_assist.errors import QuotaExceededError
from rakuten_assist.i18n import t

__all__ = ["HourlyBudget", "QuotaBudgetError"]


class QuotaBudgetError(QuotaExceededError):
    """The account's own hourly budget is spent: the call was not sent."""


@dataclass
class HourlyBudget:
    """Calls left for one account this hour.

    Attributes:
        limit: calls allowed per hour.
        used: calls made in the last hour, this run's included.
        lang: the language of the refusal.
    """

    limit: int
    used: int = 0
    lang: str = "en"
    _exhausted: bool = field(default=False, repr=False)

    @property
    def left(self) -> int:
        """Calls that may still be made this hour."""
        return 0 if self._exhausted else max(0, self.limit - self.used)

    def take(self, action: str) -> None:
        """Count one call for ``action``, or refuse it when the budget is spent.

        Raises:
            QuotaBudgetError: no call left; nothing was sent.
        """
        if self.left <= 0:
            wait = seconds_to_next_hour()
            raise QuotaBudgetError(
                t("fleet.quota.spent", self.lang, action=action, limit=self.limit),
                retry_after_s=wait,
                action=action,
                fix=t("fleet.quota.spent_fix", self.lang, minutes=round(wait / 60)),
            )
        self.used += 1

    def exhaust(self) -> None:
        """Rakuten said the quota is spent: make no other call this hour."""
        self._exhausted = True

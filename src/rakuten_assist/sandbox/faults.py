"""Fault injection: make the sandbox fail the way the real service and its proxies do.

Two ways, both deterministic: ``fail_next`` plans failures for the next matching requests
(what tests use), and ``fail_rate`` / ``truncate_rate`` pick requests at random from a seeded
generator (what demos and soak runs use).
"""

from __future__ import annotations

import random
import threading
from dataclasses import dataclass
from typing import Literal, get_args

__all__ = ["Fault", "FaultKind", "Faults"]

FaultKind = Literal["server_error", "html", "truncated", "slow", "quota"]
_KINDS = frozenset(get_args(FaultKind))


@dataclass(frozen=True)
class Fault:
    """One failure to inflict on one request."""

    kind: FaultKind
    #: seconds to wait before answering (kind ``slow``)
    delay: float = 0.0


@dataclass
class _Planned:
    action: str | None
    kind: FaultKind
    remaining: int
    page: int | None
    delay: float

    def matches(self, action: str, page: int) -> bool:
        return (self.action is None or self.action == action) and (
            self.page is None or self.page == page
        )


class Faults:
    """The failures a sandbox will inflict; thread-safe.

    Args:
        seed: seeds the generator behind ``fail_rate`` and ``truncate_rate``.
        fail_rate: share of requests answered with a ServerError (HTTP 500), 0 to 1.
        truncate_rate: share of requests whose answer is cut in the middle, 0 to 1.
    """

    def __init__(self, *, seed: int = 42, fail_rate: float = 0.0, truncate_rate: float = 0.0):
        for name, rate in (("fail_rate", fail_rate), ("truncate_rate", truncate_rate)):
            if not 0.0 <= rate <= 1.0:
                raise ValueError(f"{name} must be between 0 and 1, not {rate}")
        self.fail_rate = fail_rate
        self.truncate_rate = truncate_rate
        self._random = random.Random(seed)
        self._planned: list[_Planned] = []
        self._lock = threading.Lock()

    def fail_next(
        self,
        action: str | None = "getcurrentsales",
        count: int = 1,
        kind: FaultKind = "server_error",
        page: int | None = None,
        *,
        delay: float = 2.0,
    ) -> None:
        """Fail the next ``count`` requests for ``action`` (None: any action).

        Args:
            action: the ``action`` parameter to match, or None for every request.
            count: how many matching requests fail.
            kind: ``server_error`` (HTTP 500 ServerError errorresponse), ``html`` (HTTP 502
                proxy page), ``truncated`` (HTTP 200, the body cut in the middle), ``slow``
                (waits ``delay`` seconds, then answers normally) or ``quota`` (the quota
                errorresponse).
            page: only the n-th page of getcurrentsales (1 = the request without a
                ``nexttoken``); None matches every page. Other actions are page 1.
            delay: seconds to wait, for ``slow``.

        Raises:
            ValueError: an unknown kind or a count below one.
        """
        if kind not in _KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; use one of {sorted(_KINDS)}")
        if count < 1:
            raise ValueError("count must be at least 1")
        with self._lock:
            self._planned.append(_Planned(action, kind, count, page, delay))

    def clear(self) -> None:
        """Forget every planned failure and stop random ones."""
        with self._lock:
            self._planned.clear()
            self.fail_rate = self.truncate_rate = 0.0

    @property
    def pending(self) -> int:
        """How many planned failures have not happened yet."""
        with self._lock:
            return sum(plan.remaining for plan in self._planned)

    def pick(self, action: str, page: int = 1) -> Fault | None:
        """The failure for this request, if any: planned ones first, then random ones."""
        with self._lock:
            for plan in self._planned:
                if plan.matches(action, page):
                    plan.remaining -= 1
                    if plan.remaining == 0:
                        self._planned.remove(plan)
                    return Fault(plan.kind, plan.delay)
            # Draw both numbers on every request so one rate does not shift the other's picks.
            fail_draw, truncate_draw = self._random.random(), self._random.random()
        if fail_draw < self.fail_rate:
            return Fault("server_error")
        if truncate_draw < self.truncate_rate:
            return Fault("truncated")
        return None

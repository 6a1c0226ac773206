"""The retry policy: which failures to retry, and how long to wait before each attempt.

A small pure policy: no I/O, the sleep is injected by the caller, so tests never wait.
Connection errors, timeouts and 5xx are retried with capped exponential backoff and jitter
(each wait drawn between half and all of its ceiling); Rakuten's quota error is never retried
(it is hourly: retrying only burns calls), nor a refused certificate or a proxy refusing for
good (the same answer comes back every time). An action that changes state (accept, refuse, ship)
is sent again only when it surely never reached Rakuten: a timeout or a 5xx after sending may
hide a success, and a second shipment would be refused as already shipped.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from rakuten_assist.errors import (
    APICertificateError,
    APIConnectionError,
    APIError,
    APIProxyError,
    ResponseParseError,
    ServerError,
)

__all__ = ["RetryPolicy"]

#: first backoff, seconds
INITIAL_DELAY_S = 0.5
#: no single wait is longer than this
MAX_DELAY_S = 8.0
#: default attempts, the first one included
DEFAULT_ATTEMPTS = 4


#: connection failures that the next attempt would meet again, word for word
_LASTING = (APICertificateError, APIProxyError)


@dataclass(frozen=True)
class RetryPolicy:
    """When to retry and how long to wait.

    Attributes:
        max_attempts: attempts in all, the first one included (1 disables retries).
        initial_delay_s: the base of the exponential backoff.
        max_delay_s: the cap on one wait.
    """

    max_attempts: int = DEFAULT_ATTEMPTS
    initial_delay_s: float = INITIAL_DELAY_S
    max_delay_s: float = MAX_DELAY_S
    rng: random.Random = field(default_factory=random.Random, compare=False, repr=False)

    def should_retry(self, error: APIError, attempt: int, *, idempotent: bool = True) -> bool:
        """True when ``error``, raised by attempt number ``attempt`` (1-based), is worth retrying.

        Retried: connection errors and timeouts, server errors (5xx, ServerError), and a body
        cut short (a truncated transfer). Never retried: authentication, rights, quota,
        parameter errors, an HTML page (a proxy answering will answer the same again), a
        refused TLS certificate (the same server shows the same certificate every time), and
        a proxy refusing for good (APIProxyError: credentials, forbidden, not SOCKS).
        When ``idempotent`` is False (the action changes state), only a request that never
        left is retried.
        """
        if attempt >= self.max_attempts or isinstance(error, _LASTING):
            return False
        if not idempotent:
            return isinstance(error, APIConnectionError) and not error.request_sent
        if isinstance(error, APIConnectionError | ServerError):
            return True
        if isinstance(error, ResponseParseError):
            return bool(getattr(error, "truncated", False))
        return False

    def delay(self, attempt: int) -> float:
        """Seconds to wait after failed attempt ``attempt`` (1-based): jittered, capped."""
        ceiling = min(self.max_delay_s, self.initial_delay_s * (2 ** (attempt - 1)))
        return self.rng.uniform(ceiling / 2, ceiling)

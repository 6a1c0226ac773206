"""What Rakuten answered, as our errors: ``<errorresponse>`` mapped to one class each, the
HTTP status read after the body, an answer too large or too slow."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

from lxml import etree

from rakuten_assist.api._xml import RakutenFault, find_error, parse_document
from rakuten_assist.errors import (
    APIError,
    APITimeoutError,
    AuthenticationError,
    ItemStatusError,
    ParameterError,
    QuotaExceededError,
    ResponseParseError,
    ResponseTooLargeError,
    RightsError,
    ServerError,
    cause_of,
)
from rakuten_assist.i18n import DEFAULT_LANG, Message, t

__all__ = [
    "QUOTA_WAIT_S",
    "deadline_error",
    "error_from_fault",
    "read_answer",
    "seconds_to_next_hour",
    "too_large_error",
]

logger = logging.getLogger("rakuten_assist.api")

# Detail texts that mean "the item is not in a state that allows this": Rakuten answers a
# ParameterError for them, but the fix is not "check the parameter". Each has its own fix.
_ALREADY_SHIPPED = ("déjà été expédié", "already shipped")
_NOT_AWAITING = ("not awaiting acceptance",)
_STATUS_MARKERS = ("statut incorrect", "incorrect status", *_ALREADY_SHIPPED, *_NOT_AWAITING)
_STATUS_FIXES = (
    (_ALREADY_SHIPPED, Message("errors.fix.already_shipped")),
    (_NOT_AWAITING, Message("errors.fix.not_awaiting")),
)


def _status_fix(text: str) -> Message | None:
    for markers, fix in _STATUS_FIXES:
        if any(marker in text for marker in markers):
            return fix
    return None  # the class default: accept the sale first


#: How long to wait after Rakuten's "Quota exceeded.": one rule, a rolling hour. Rakuten only
#: says "the maximum number of requests per hour", publishes no figure and sends no
#: Retry-After; whether its hour runs by the clock or rolls is not known. A full hour from the
#: refusal clears the quota under either rule (the next clock hour may not, if it rolls); the
#: sandbox counts a rolling hour too (sandbox/state.py, QUOTA_WINDOW_SECONDS).
QUOTA_WAIT_S = 3600.0


def seconds_to_next_hour(now: datetime | None = None) -> float:
    """Seconds until the next full clock hour (kept for callers; the quota rule is QUOTA_WAIT_S)."""
    moment = now or datetime.now()
    next_hour = moment.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    return max(60.0, (next_hour - moment).total_seconds())


def error_from_fault(
    fault: RakutenFault, *, action: str | None, status_code: int | None
) -> APIError:
    """The one place where Rakuten's ``<errorresponse>`` becomes our error class."""
    code = fault.code
    message = fault.message or t("errors.fault.generic", DEFAULT_LANG)
    detail = fault.detail
    text = f"{message} {detail}".strip() if detail and detail not in message else message
    where = f" ({action})" if action else ""
    common: dict[str, Any] = {
        "action": action,
        "code": code or None,
        "status_code": status_code,
        "detail": detail or None,
    }
    lowered = f"{message} {detail}".lower()
    # Rakuten's own words ({text}) are quoted as they came, in Rakuten's language.
    said = {"where": where, "text": text}
    if code == "InvalidUserConnection":
        return AuthenticationError(Message("errors.fault.auth", said), **common)
    if code == "InvalidUserRights":
        if "quota" in lowered:
            wait = QUOTA_WAIT_S
            return QuotaExceededError(
                Message("errors.fault.quota", said),
                retry_after_s=wait,
                **common,
            )
        return RightsError(Message("errors.fault.rights", said), **common)
    if code == "ParameterError" or code == "Unknown error":
        # A batch answer has one detail per refused line: it is a status refusal only when
        # every line is one.
        lines = [d.lower() for d in fault.details] or [lowered]
        if all(any(marker in line for marker in _STATUS_MARKERS) for line in lines):
            return ItemStatusError(
                Message("errors.fault.status", said),
                fix=_status_fix(lowered),
                **common,
            )
        return ParameterError(Message("errors.fault.parameter", said), **common)
    if code == "ServerError" or fault.type == "ServerError":
        return ServerError(Message("errors.fault.server", said), **common)
    return APIError(Message("errors.fault.other", {**said, "code": code or fault.type}), **common)


def too_large_error(action: str, status: int, limit: int) -> ResponseTooLargeError:
    """The error for an answer larger than ``limit`` bytes (declared or read so far)."""
    return ResponseTooLargeError(
        Message("errors.api.too_large", {"action": action, "limit": f"{limit:,}"}),
        action=action,
        status_code=status,
    )


def deadline_error(action: str, deadline: float, size: int) -> APITimeoutError:
    """The error for an answer still arriving after ``deadline`` seconds (``size`` bytes in)."""
    return APITimeoutError(
        Message(
            "errors.api.deadline", {"action": action, "seconds": f"{deadline:g}", "size": size}
        ),
        fix=Message("errors.fix.deadline"),
        action=action,
    )


def read_answer(action: str, status: int, body: bytes) -> etree._Element:
    """The root of a sales_ws answer, or the mapped error.

    The body is parsed before the status is looked at: Rakuten sends ``<errorresponse>``
    with 200 as well as with 4xx/5xx.
    """
    logger.debug("%s -> HTTP %d, %d bytes", action, status, len(body))
    try:
        root = parse_document(body, action=action)
    except ResponseParseError as exc:
        exc.status_code = status
        if status >= 500:
            raise ServerError(
                Message(
                    "errors.api.http_unreadable",
                    {"action": action, "status": status, "detail": cause_of(exc)},
                ),
                action=action,
                status_code=status,
            ) from None
        raise
    fault = find_error(root)
    if fault is not None:
        raise error_from_fault(fault, action=action, status_code=status)
    if status >= 500:
        raise ServerError(
            Message("errors.api.http_status", {"action": action, "status": status}),
            action=action,
            status_code=status,
        )
    if status >= 400:
        raise APIError(
            Message("errors.api.http_status", {"action": action, "status": status}),
            action=action,
            status_code=status,
        )
    return root

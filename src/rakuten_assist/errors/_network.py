"""Why a connection failed, in our words: the network libraries explain in English.

httpx and aiohttp give texts such as "All connection attempts failed" or "Cannot connect to
host h:443 ssl:default [Connect call failed ...]". They reach the user as the ``reason`` of
``errors.api.unreachable`` and ``errors.api.broken``, and are stored with a fleet run. The
reasons met most often (refused, unknown host, no route, certificate, closed connection) are
said from the catalogue in the reader's language; any other text is quoted as the library's
own, so a French sentence never carries English unmarked. The texts are matched when said,
not when raised, so a run stored by an older version is said the same way. A number of
seconds is said with the reader's decimal mark ("0,5 s" in French).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from rakuten_assist.i18n import Message, Number

__all__ = ["network_reason", "said_params"]

#: the messages whose ``reason`` parameter is a network library's text
_REASON_IDS = frozenset(
    {
        "errors.api.unreachable",
        "errors.api.broken",
        "errors.api.proxy_refused",
        "errors.api.proxy_unreachable",
    }
)

# Most specific first: aiohttp wraps the system's reason in "Cannot connect to host ...".
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # A proxy's own refusals: httpcore says "407 Proxy Authentication Required" for an HTTP
    # proxy, "... but got NO ACCEPTABLE METHODS" or "Invalid username/password" for SOCKS.
    (
        "proxy_auth",
        re.compile(
            r"^\s*407\b|\b407, message=|no acceptable methods|invalid username/password",
            re.IGNORECASE,
        ),
    ),
    ("proxy_forbidden", re.compile(r"^\s*403\b|\b403, message=", re.IGNORECASE)),
    ("proxy_no_route", re.compile(r"proxy server could not connect", re.IGNORECASE)),
    (
        "unknown_host",
        re.compile(
            r"name or service not known|nodename nor servname|getaddrinfo failed|"
            r"temporary failure in name resolution|no address associated with hostname|"
            r"name resolution|\[errno -[235]\]",
            re.IGNORECASE,
        ),
    ),
    ("certificate", re.compile(r"certificate[_ ]verify[_ ]failed|certificate", re.IGNORECASE)),
    ("no_route", re.compile(r"network is unreachable|no route to host", re.IGNORECASE)),
    (
        "refused",
        re.compile(r"connection refused|connect call failed|\[errno 111\]", re.IGNORECASE),
    ),
    (
        "closed",
        re.compile(
            r"server disconnected|connection reset|remote end closed|"
            r"remoteprotocolerror|connection aborted|broken pipe",
            re.IGNORECASE,
        ),
    ),
    (
        "no_connection",
        re.compile(r"all connection attempts failed|cannot connect to host", re.IGNORECASE),
    ),
)


def network_reason(text: str) -> Message:
    """Our words for a network library's ``text``: a known reason from the catalogue, else
    the text quoted as the library's (``errors.network.quoted``)."""
    for name, pattern in _PATTERNS:
        if pattern.search(text):
            return Message(f"errors.network.{name}")
    return Message("errors.network.quoted", {"text": text.strip().rstrip(".")})


def said_params(msg_id: str, params: Mapping[str, Any]) -> dict[str, Any]:
    """``params`` of ``msg_id`` ready to say: a network library's ``reason`` in our words, a
    number of seconds with the reader's decimal mark (the others as they are)."""
    said = dict(params)
    reason = said.get("reason")
    if msg_id in _REASON_IDS and isinstance(reason, str):
        said["reason"] = network_reason(reason)
    seconds = said.get("seconds")
    if msg_id == "errors.api.deadline" and isinstance(seconds, str | int | float):
        said["seconds"] = Number(str(seconds))
    return said

"""The one place that removes the API token from text, however it is encoded.

The token travels in the query string (``pwd=``), so any text that quotes a request URL may
hold it: an error page quoting the request, a redirect, a log line, an access log. A server
or proxy may quote it plain, percent-encoded once (``pwd%3D...``) or twice (``pwd%253D...``),
and a client may spell the key itself encoded (``p%77d=``). ``redact`` replaces:

- the value of every ``pwd`` parameter, with the key and its ``=`` in any of those spellings;
- every token registered with ``register_secret`` (the transport registers its own), plain or
  with any of its characters percent-encoded once or twice, wherever it stands.

Callers redact a whole text *before* cutting an excerpt from it: a cut token is no longer
recognisable. Every pattern here runs in time linear in the text's length.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable

__all__ = ["MASK", "redact", "register_secret", "secret_pattern"]

MASK = "***"


def _encoded(char: str) -> str:
    """A pattern for one character: itself, or its UTF-8 bytes percent-encoded once or twice."""
    escapes = []
    for byte in char.encode("utf-8"):
        # hex digits in either case; "%25" is the percent sign itself, encoded again
        hexes = "".join(f"[{c}{c.lower()}]" if c.isalpha() else c for c in f"{byte:02X}")
        escapes.append(f"%(?:25)?{hexes}")
    return f"(?:{re.escape(char)}|{''.join(escapes)})"


def _encoded_word(word: str, *, ignore_case: bool) -> str:
    parts = []
    for char in word:
        variants = {char.lower(), char.upper()} if ignore_case else {char}
        parts.append("(?:" + "|".join(_encoded(v) for v in sorted(variants)) + ")")
    return "".join(parts)


# The value stops at a parameter separator, plain or percent-encoded once or twice (``%26``,
# ``%2526``), at white space, a quote or a tag bracket. One character at a time with a
# fixed-width look-ahead: linear time.
_VALUE = r"(?:(?!%(?:25)?26)[^&\s'\"<>])*"
_PWD_PARAMETER = re.compile(
    "(" + _encoded_word("pwd", ignore_case=True) + r"(?:=|%(?:25)?3[Dd]))" + _VALUE
)

_lock = threading.Lock()
_secrets: set[str] = set()
_secrets_pattern: re.Pattern[str] | None = None

# Shorter values would mask ordinary words; check_token refuses tokens under 8 characters.
_MIN_SECRET_LENGTH = 8


def secret_pattern(secret: str) -> str:
    """The pattern matching ``secret`` plain or with any characters percent-encoded."""
    return "".join(_encoded(char) for char in secret)


def register_secret(secret: str) -> None:
    """Remember a secret (the API token) so that ``redact`` masks it in every text from now on."""
    global _secrets_pattern
    if len(secret) < _MIN_SECRET_LENGTH:
        return
    with _lock:
        if secret in _secrets:
            return
        _secrets.add(secret)
        # Longest first: a token that contains another is masked whole.
        ordered = sorted(_secrets, key=len, reverse=True)
        _secrets_pattern = re.compile("|".join(secret_pattern(s) for s in ordered))


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """Return ``text`` with every ``pwd`` value and every known secret replaced by ``***``.

    Args:
        text: any text that may quote a request (a URL, an error page, a log line).
        secrets: more secrets to mask in this text only (besides the registered ones).
    """
    extra = [s for s in secrets if s and len(s) >= _MIN_SECRET_LENGTH]
    if extra:
        ordered = sorted(set(extra), key=len, reverse=True)
        text = re.sub("|".join(secret_pattern(s) for s in ordered), MASK, text)
    pattern = _secrets_pattern
    if pattern is not None:
        text = pattern.sub(MASK, text)
    return _PWD_PARAMETER.sub(lambda m: m.group(1) + MASK, text)

"""A conversation's memory kept in a file between ``ask --session FILE`` calls.

The file holds the memory only (carrier ids, tracking number, postcode, language, the
pending question and the offered next step): never a question as typed, since a token may
be pasted in one, and never an answer. It is written owner-only and replaced atomically.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from rakuten_assist.errors import ConfigError
from rakuten_assist.i18n import t
from rakuten_assist.support.engine import Conversation

__all__ = ["load_session", "save_session"]


def load_session(path: str | Path, lang: str = "en") -> Conversation:
    """The conversation saved in ``path``; a new one when the file does not exist yet.

    Args:
        path: the session file.
        lang: the language of the error when the file is not a session file.

    Raises:
        ConfigError: the file exists but cannot be read or is not a session file (it is
            left as it is: nothing is overwritten).
    """
    file = Path(path)
    if not file.exists():
        return Conversation()
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(
            t("support.session.unreadable", lang, path=str(file), error=_reason(exc, lang)),
            fix=t("support.session.unreadable_fix", lang),
        ) from None
    if not isinstance(data, dict) or data.get("version") != 1:
        raise ConfigError(
            t("support.session.not_a_session", lang, path=str(file)),
            fix=t("support.session.unreadable_fix", lang),
        )
    return Conversation.from_json(data)


def save_session(path: str | Path, conversation: Conversation) -> None:
    """Write the conversation's memory to ``path`` (owner-only, replaced atomically)."""
    file = Path(path)
    file.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(conversation.to_json(), ensure_ascii=False, indent=1) + "\n"
    handle, temp = tempfile.mkstemp(prefix=".session-", dir=file.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.chmod(temp, 0o600)
        os.replace(temp, file)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _reason(exc: Exception, lang: str) -> str:
    """Why the session file cannot be read, in the reader's language (never a class name)."""
    if isinstance(exc, json.JSONDecodeError):
        return t("support.session.reason_json", lang, line=exc.lineno)
    if isinstance(exc, UnicodeDecodeError):
        return t("support.session.reason_encoding", lang)
    from rakuten_assist.errors import os_reason
    from rakuten_assist.i18n import say

    return str(say(os_reason(exc), lang)) if isinstance(exc, OSError) else str(exc)

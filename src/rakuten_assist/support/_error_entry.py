"""One entry of the error catalogue: what the merchant sees, why, and what to do."""

from __future__ import annotations

from dataclasses import dataclass

from rakuten_assist import i18n
from rakuten_assist.support._lang import Lang

__all__ = ["MODELLED", "OURS", "SEEN", "ErrorEntry"]

#: where an entry's wording comes from (said in answers and sources)
SEEN = "seen in public client fixtures"
MODELLED = "modelled by the sandbox, exact Rakuten wording unknown"
OURS = "rakuten_assist's own message"


@dataclass(frozen=True)
class ErrorEntry:
    """One known error: what the merchant sees; why it happens and what to do live in the
    ``error_help`` message catalogue under the entry's id.

    Attributes:
        id: stable id (``rakuten.quota_exceeded``, ``ours.login_is_email``).
        origin: ``"rakuten"`` for the web service's messages, ``"rakuten_assist"`` for ours.
        message: the text as it is shown (Rakuten's exact string, or our message's gist).
        patterns: phrases that identify the error in pasted text (any language, any case).
        code: Rakuten's error code or our exception class, when there is one.
        lang: the language the message starts in, used when the user adds no words.
        provenance: where the wording comes from: ``SEEN`` (Rakuten's text, recorded in
            public client fixtures), ``MODELLED`` (the sandbox's model; Rakuten's exact
            wording is unknown) or ``OURS``.
    """

    id: str
    origin: str
    message: str
    patterns: tuple[str, ...]
    code: str | None = None
    #: the language the message is shown in (Rakuten mixes French and English)
    lang: Lang = "en"
    provenance: str = OURS

    def message_in(self, lang: Lang) -> str:
        """The message as shown: Rakuten's own words verbatim, ours in ``lang``."""
        if self.origin == "rakuten_assist":
            return i18n.t(f"error_help.{self.id}.message", lang)
        return self.message

    def cause_in(self, lang: Lang) -> str:
        """Why it happens, in ``lang`` (from the ``error_help`` catalogue)."""
        return i18n.t(f"error_help.{self.id}.cause", lang)

    def fix_in(self, lang: Lang) -> str:
        """What to do, in ``lang`` (from the ``error_help`` catalogue)."""
        return i18n.t(f"error_help.{self.id}.fix", lang)

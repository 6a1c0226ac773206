"""What a conversation with the support engine remembers between messages.

Saved by ``ask --session FILE`` as the memory only: never a question as typed (a token may
be pasted in one) nor an answer.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

from rakuten_assist.support._answer import Answer
from rakuten_assist.support._lang import Lang
from rakuten_assist.support._texts import SETUP_STEP_IDS
from rakuten_assist.support.intents import INTENTS, Intent

__all__ = ["Conversation"]


@dataclass
class Conversation:
    """What a multi-turn conversation remembers between questions.

    Attributes:
        lang: the language of the conversation so far (answers follow the last signal).
        last_intent: the intent of the previous answer.
        carrier_ids: the carriers of the previous carrier answer.
        candidate_ids: the carriers a name could mean when the last answer asked which one.
        number: the last tracking number asked about.
        postcode: the last delivery postcode given.
        error_id: the error catalogue entry explained last.
        pending: a question the engine asked and waits an answer for (``"postcode"``).
        next_step: the question a "yes" / "oui" would run (the first suggestion).
        setup_steps: the setup steps covered so far, the last one last (ids of
            ``SETUP_STEP_IDS``): the walkthrough goes on after it.
        in_setup: whether the last answer that was no aside was a setup step, so that
            "next" or "done" means the walkthrough's next step.
        history: every (question, answer) so far.
    """

    lang: Lang | None = None
    last_intent: Intent | None = None
    carrier_ids: list[str] = field(default_factory=list)
    candidate_ids: list[str] = field(default_factory=list)
    number: str | None = None
    postcode: str | None = None
    error_id: str | None = None
    pending: Literal["postcode"] | None = None
    next_step: str | None = None
    setup_steps: list[str] = field(default_factory=list)
    in_setup: bool = False
    history: list[tuple[str, Answer]] = field(default_factory=list)

    #: what a session file keeps: the memory, never the questions (a token may be pasted in
    #: one) nor the answers
    _SAVED: ClassVar[tuple[str, ...]] = (
        "lang",
        "last_intent",
        "carrier_ids",
        "candidate_ids",
        "number",
        "postcode",
        "error_id",
        "pending",
        "next_step",
        "setup_steps",
        "in_setup",
    )

    def to_json(self) -> dict[str, Any]:
        """The memory as JSON-able data, for ``ask --session FILE`` (no question, no token)."""
        return {"version": 1, **{name: getattr(self, name) for name in self._SAVED}}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Conversation:
        """The memory saved by :meth:`to_json`; unknown or malformed values are dropped."""
        conv = cls()
        lang = data.get("lang")
        if isinstance(lang, str) and lang.isalpha() and len(lang) <= 8:
            conv.lang = lang
        if data.get("last_intent") in INTENTS:
            conv.last_intent = data["last_intent"]
        for name in ("carrier_ids", "candidate_ids"):
            ids = data.get(name)
            if isinstance(ids, list) and all(isinstance(i, str) for i in ids):
                setattr(conv, name, list(ids))
        for name in ("number", "postcode", "error_id", "next_step"):
            value = data.get(name)
            if isinstance(value, str) and len(value) <= 200:
                setattr(conv, name, value)
        if data.get("pending") == "postcode":
            conv.pending = "postcode"
        steps = data.get("setup_steps")
        if isinstance(steps, list) and all(step in SETUP_STEP_IDS for step in steps):
            conv.setup_steps = list(steps)
        conv.in_setup = data.get("in_setup") is True
        return conv

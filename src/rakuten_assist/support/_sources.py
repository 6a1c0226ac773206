"""Where an answer's facts come from, as data: a kind, what it names, its details.

A source is a small typed record, never a sentence: front ends render it in the answer's
language through the ``support`` catalogue (:meth:`Source.render`), or read its fields to show
it their own way (the TUI names a carrier's confidence codes in words). Nothing parses text.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from pydantic import BaseModel, ConfigDict

from rakuten_assist import i18n
from rakuten_assist.support._error_entry import MODELLED, OURS, SEEN
from rakuten_assist.support._lang import Lang
from rakuten_assist.support._texts import SETUP_STEP_IDS, say

__all__ = ["Source", "SourceKind"]

#: what a source is: a registry carrier, the registry itself, names the registry knows as
#: platforms or does not know, a catalogue error, the error catalogue, checklist steps, the
#: engine's own knowledge, Rakuten's open orders, no carrier format fitting a number, or a
#: fact of the reference notes
SourceKind = Literal[
    "carrier",
    "registry",
    "platforms",
    "not_found",
    "error",
    "errors",
    "checklist",
    "engine",
    "open_orders",
    "no_format",
    "reference",
]
# The catalogue key of each provenance of an error entry's wording.
_PROVENANCE = {SEEN: "seen", MODELLED: "modelled", OURS: "ours"}


class Source(BaseModel):
    """One source of an answer.

    Attributes:
        kind: what kind of source it is (:data:`SourceKind`).
        ref: what it names: a carrier id, an error id, checklist step ids, an engine topic
            (``capabilities``, ``courtesy``, ``out_of_scope``, ``order_id``, ``no_account``).
        names: the names a ``platforms`` or ``not_found`` source is about, as the user wrote.
        updated: when the registry entry was last updated (``carrier``).
        url_evidence: the registry's confidence code for the link (``V``, ``C``, ``S``...).
        format_evidence: the registry's confidence code for the number formats.
        provenance: where an error entry's wording comes from (``seen``, ``modelled``,
            ``ours``).
    """

    model_config = ConfigDict(frozen=True)

    kind: SourceKind
    ref: str = ""
    names: tuple[str, ...] = ()
    updated: str | None = None
    url_evidence: str | None = None
    format_evidence: str | None = None
    provenance: str | None = None

    @classmethod
    def checklist(cls, steps: Iterable[str]) -> Source:
        """The setup checklist's steps (ids of ``SETUP_STEP_IDS``)."""
        return cls(kind="checklist", ref=",".join(steps))

    @classmethod
    def reference(cls, where: str) -> Source:
        """A fact of the reference notes, where they write it (``rakuten-api.md §2``)."""
        return cls(kind="reference", ref=where)

    @classmethod
    def error(cls, error_id: str, provenance: str | None = None) -> Source:
        """One error catalogue entry, with where its wording comes from."""
        return cls(kind="error", ref=error_id, provenance=_PROVENANCE.get(provenance or ""))

    @property
    def steps(self) -> tuple[str, ...]:
        """The checklist step ids a ``checklist`` source cites."""
        return tuple(step for step in self.ref.split(",") if step)

    def render(self, lang: Lang) -> str:
        """The source in words of ``lang``."""
        if self.kind == "carrier":
            return _carrier_line(self, lang)
        if self.kind in ("platforms", "not_found"):
            names = ", ".join(f"'{name}'" for name in self.names)
            return say(f"source.{self.kind}", lang, names=names)
        if self.kind == "error":
            line = say("source.error", lang, id=self.ref)
            if self.provenance:
                line += " " + say(f"source.provenance.{self.provenance}", lang)
            return line
        if self.kind == "checklist":
            if set(SETUP_STEP_IDS) <= set(self.steps):
                return say("source.checklist_all", lang)
            titles = [i18n.t(f"checks.title.{step}", lang) for step in self.steps]
            return say("source.checklist", lang, steps=say("list_and", lang).join(titles))
        if self.kind == "engine":
            return say(f"source.engine.{self.ref}", lang)
        if self.kind == "reference":
            return say("source.reference", lang, where=self.ref)
        return say(f"source.{self.kind}", lang)


def _carrier_line(source: Source, lang: Lang) -> str:
    from rakuten_assist.carriers import evidence_sentence, registry
    from rakuten_assist.carriers.words import carrier_name
    from rakuten_assist.errors import RakutenAssistError

    try:
        found = registry().get(source.ref)
    except RakutenAssistError:
        found = None
    name = carrier_name(found).render(lang) if found is not None else source.ref
    line = say("source.carrier", lang, name=name)
    if source.updated:
        line += " " + say("source.updated", lang, date=source.updated)
    if found is not None:
        # How well the sources back the link, in the carriers package's one wording of it.
        line += say("source.evidence", lang, words=evidence_sentence(found, lang, short=True))
    return line

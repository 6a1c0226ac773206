"""Carrier words said in the reader's language: names and number formats carriers.json writes in
English ("8-digit shipment number", "DPD (DPDgroup: BE, NL, LU and other countries)").

The ``carrier_names`` and ``carrier_formats`` catalogues are keyed by that English text (two
files: saying a name never parses the hundred format names); a brand stays as it is, and a name
or format no catalogue knows yet is shown as carriers.json writes it.
"""

from __future__ import annotations

from collections.abc import Iterable

from rakuten_assist.carriers.types import Carrier, NumberFormat
from rakuten_assist.i18n import Joined, Message, Term

__all__ = ["carrier_name", "carrier_names", "format_name", "format_names"]


def carrier_name(carrier: Carrier) -> Term:
    """The carrier's display name, to say in the reader's language."""
    return Term(f"carrier_names.{carrier.name}", carrier.name)


def carrier_names(carriers: Iterable[Carrier], separator: str = ", ") -> Joined:
    """Several carriers' display names in a row."""
    return Joined(tuple(carrier_name(c) for c in carriers), separator)


def format_name(fmt: NumberFormat) -> Term:
    """A number format's name, to say in the reader's language."""
    return Term(f"carrier_formats.{fmt.name}", fmt.name)


def format_names(formats: Iterable[NumberFormat]) -> Joined:
    """Several number formats' names in a row, separated as the reader's language does."""
    return Joined(tuple(format_name(fmt) for fmt in formats), Message("carriers.number.separator"))

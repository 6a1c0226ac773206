"""What the engine extracts from one question: the carriers it names and all the rest."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rakuten_assist.support.errors_catalogue import ErrorMatch

if TYPE_CHECKING:
    from rakuten_assist.carriers import Carrier

__all__ = ["CarrierMention", "Entities"]


@dataclass(frozen=True)
class CarrierMention:
    """A carrier named in the text: the words used and the registry entry they mean.

    When the registry finds the words ambiguous ("DHL"), ``candidates`` lists every carrier
    they can mean and ``carrier`` is only the first of them: answers ask which one.
    """

    text: str
    carrier: Carrier
    score: float
    candidates: tuple[Carrier, ...] = ()

    @property
    def ambiguous(self) -> bool:
        """The words can mean several carriers (``carriers check`` says so too)."""
        return len(self.candidates) > 1


@dataclass
class Entities:
    """Everything extracted from one question."""

    carriers: list[CarrierMention] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    postcode: str | None = None
    #: the buyer's country the message says ("B-1050", "pays NL", "Belgique"), for links
    #: that need it (PostNL)
    country: str | None = None
    item_id: str | None = None
    purchase_id: str | None = None
    error: ErrorMatch | None = None
    #: an error code named alone that several errors share (``ParameterError``)
    error_code: str | None = None
    #: the question with any recognised error text removed, for language detection
    residue: str = ""
    #: something that looks like a token or password was pasted (never kept, never echoed)
    secret_pasted: bool = False
    #: names given as a carrier that the registry does not know ("Vinted Go")
    unknown_carriers: list[str] = field(default_factory=list)
    #: shipping platforms named ("Packlink"): not carriers, they ship with one
    platforms: list[str] = field(default_factory=list)
    #: other marketplaces named ("Cdiscount"): outside what the engine knows
    marketplaces: list[str] = field(default_factory=list)
    #: the message's own words speak of carriers or shipping ("transporteur", "ship"...)
    shipping_talk: bool = False
    #: Rakuten item statuses named ("REMINDED", "on_hold"), as Rakuten spells them
    statuses: list[str] = field(default_factory=list)
    #: the merchant delivers the parcels himself, no carrier ("avec notre camionnette")
    own_delivery: bool = False
    #: a short question opens with a name no lookup knows ("Omniva pour les pays baltes ?"),
    #: or names one with its country in brackets ("Nexive (Italy)"): what it asks is about
    #: that name, most likely a carrier
    named_first: bool = False

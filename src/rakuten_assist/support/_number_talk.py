"""A tracking number and the carrier spoken of: whose number is it?

A number sent after a carrier was named (or with it) is that carrier's only when its
formats take it and no other carrier is proven by the number's own check digit; otherwise
it is detected afresh, and never given the set-aside carrier's link.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from rakuten_assist.support import answers as build
from rakuten_assist.support._carrier_answers import number_fits, set_aside_key, shown
from rakuten_assist.support._entity_types import CarrierMention
from rakuten_assist.support._lang import Lang
from rakuten_assist.support._sources import Source
from rakuten_assist.support._texts import say
from rakuten_assist.support.answers import Answer

if TYPE_CHECKING:
    from rakuten_assist.carriers import Candidate, Carrier

__all__ = [
    "MARGIN",
    "PROVEN",
    "afresh",
    "answer_ask_detect_number",
    "brand_set_aside",
    "fits_spoken_carrier",
    "proven_candidate",
    "proven_in_detection",
    "proven_other",
]

#: a detection this sure, with its check digit right, names the carrier by itself
PROVEN = 0.9
MARGIN = 0.1


def proven_candidate(candidates: Sequence[Candidate]) -> Candidate | None:
    """The candidate the number itself proves: check digit right, very likely, well ahead."""
    if not candidates or not candidates[0].checksum or candidates[0].confidence < PROVEN:
        return None
    if len(candidates) > 1 and candidates[1].confidence > candidates[0].confidence - MARGIN:
        return None
    return candidates[0]


def proven_by(number: str) -> Candidate | None:
    """The candidate ``number``'s own check digit proves among every carrier's formats."""
    from rakuten_assist.carriers import detect_carrier

    return proven_candidate(detect_carrier(number))


def proven_in_detection(facts: Mapping[str, Any]) -> str | None:
    """The carrier id a detection answer's facts prove (check digit right, very likely,
    well ahead of the next candidate), if any."""
    candidates = facts.get("candidates") or []
    top = candidates[0] if candidates else None
    runner_up = candidates[1]["confidence"] if len(candidates) > 1 else 0.0
    if top and top["checksum"] and top["confidence"] >= PROVEN:
        if runner_up <= top["confidence"] - MARGIN:
            return str(top["carrier"])
    return None


def proven_other(number: str, carrier: Carrier) -> bool:
    """Whether the number's own check digit proves a carrier other than ``carrier``."""
    from rakuten_assist.carriers import detect_carrier

    found = proven_candidate([c for c in detect_carrier(number) if c.carrier.id != carrier.id])
    return found is not None


def fits_spoken_carrier(carrier: Carrier, number: str) -> bool:
    """Whether a number sent after speaking of ``carrier`` is taken as that carrier's.

    Its formats must accept it (a carrier without formats cannot vouch for it), and no other
    carrier may be proven by the number itself (a GB S10 check digit is Royal Mail's, even if
    Chronopost's catch-all S10 shape accepts it).
    """

    if number_fits(carrier, number) is not True:
        return False
    found = proven_by(number)
    return found is None or found.carrier.id == carrier.id


def afresh(number: str, refused: Carrier, postcode: str | None, lang: Lang) -> Answer:
    """A number the carrier spoken of does not take, detected afresh: the carrier the number
    proves gets its link (saying the first carrier was set aside); otherwise the candidates,
    never the carrier set aside."""
    from rakuten_assist.carriers import detect_carrier

    candidates = [c for c in detect_carrier(number) if c.carrier.id != refused.id]
    found = proven_candidate(candidates)
    if found is not None:
        note = say(set_aside_key(refused, number), lang, name=shown(refused, lang), number=number)
        return _proven_link(found.carrier, note, number, postcode, lang, refused_carrier=refused.id)
    return build.answer_detect(number, lang, refused=refused)


def brand_set_aside(
    number: str, mention: CarrierMention, postcode: str | None, lang: Lang, *, link: bool
) -> Answer | None:
    """A brand that can mean several carriers ("DHL", "GLS") named with a number whose own
    check digit proves a carrier that is none of them ("le client dit DHL, le numéro est
    1Z…"): that carrier's link (``link``) or the detection, saying the brand was set aside;
    None when the number proves nothing or proves one of the brand's carriers."""

    found = proven_by(number)
    if found is None or any(c.id == found.carrier.id for c in mention.candidates):
        return None
    note = say("detect.outranked", lang, name=mention.text, number=number)
    if not link:
        answer = build.answer_detect(number, lang)
        return answer.model_copy(update={"text": f"{note}\n\n{answer.text}"})
    return _proven_link(found.carrier, note, number, postcode, lang)


def proven_number_link(number: str, postcode: str | None, lang: Lang) -> Answer | None:
    """The link for a number asked with no carrier ("first parcel is 8R04177352917. link?"),
    when the number's own check digit proves one carrier well ahead of any other; None
    otherwise (the detection then lists the candidates)."""

    found = proven_by(number)
    if found is None:
        return None
    note = say("detect.proven", lang, name=shown(found.carrier, lang), number=number)
    return _proven_link(found.carrier, note, number, postcode, lang)


def _proven_link(
    carrier: Carrier, note: str, number: str, postcode: str | None, lang: Lang, **facts: str
) -> Answer:
    """The link of the carrier ``number`` proves, after ``note`` (why the carrier spoken of
    was set aside), with the number's proof in its facts as a detection gives it."""
    named = CarrierMention(text=carrier.name, carrier=carrier, score=100.0)
    answer = build.answer_tracking_url(named, lang, number=number, postcode=postcode)
    return answer.model_copy(
        update={
            "text": f"{note}\n\n{answer.text}",
            "facts": {**answer.facts, **facts, "candidate_ids": [carrier.id]},
        }
    )


def answer_ask_detect_number(lang: Lang) -> Answer:
    """'Which carrier is my number?' without the number: ask for it, as on the label."""
    return Answer(
        intent="detect_carrier",
        lang=lang,
        text=say("detect.ask_number", lang),
        facts={"number": None, "missing": ["number"]},
        suggestions=[],
        # the detection will read the registry's number formats
        sources=[Source(kind="registry")],
    )

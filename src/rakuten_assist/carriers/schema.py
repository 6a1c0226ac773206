"""The strict rules of carriers.json: every key, type, regex and template checked by hand.

Used by :func:`rakuten_assist.carriers.parse_registry`; each failure is a ``RegistryError``
naming the entry. Hand-written on purpose: pydantic would cost ~100 ms of start-up. The
checking helper is in ``_schema_entry``, the lookup words' section in ``_schema_names``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from rakuten_assist.carriers._schema_entry import Entry, listed, registry_fail
from rakuten_assist.carriers._schema_names import parse_names
from rakuten_assist.carriers.checkdigits import CHECKS, ISO_COUNTRIES
from rakuten_assist.carriers.types import (
    INPUTS,
    PLACEHOLDERS,
    POSTCODE_FORMS,
    Carrier,
    Evidence,
    NumberFormat,
    RakutenAlternate,
    Registry,
    Samples,
    normalise_name,
    optional_parameter,
)
from rakuten_assist.i18n import Message

__all__ = ["parse_document"]

_DEFAULTABLE = frozenset({"postal_code", "country", "lang", "locale"})
_LEVELS = frozenset({"V", "C", "S", "I", "X", "-"})
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_SCHEMA_VERSION = 2
_DATE = re.compile(r"^20\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$")

_CARRIER_KEYS = {
    "id": True,
    "name": True,
    "aliases": True,
    "countries": True,
    "rakuten_name": True,
    "rakuten_alternates": False,
    "url_template": True,
    "url_defaults": False,
    "needs": False,
    "no_url_reason": False,
    "formats": True,
    "samples": True,
    "sample_inputs": False,
    "priority": True,
    "sources": True,
    "written": True,
    "evidence": True,
    "notes": False,
    "postcode_form": False,
}
_FORMAT_KEYS = {"name": True, "pattern": True, "check": True, "strength": True, "url_part": False}
_AGREEMENT = ("agreed", "single", "conflicting", "none")
#: every refusal reason is given in each of these languages (French users never read English)
_REASON_LANGS = ("en", "fr")


def _parse_format(entry: Entry, raw: Any, position: int, check_pattern: bool) -> NumberFormat:
    what = f"formats[{position}]"
    data = entry.keys(raw, _FORMAT_KEYS, what)
    pattern = entry.text(data["pattern"], f"{what}.pattern")
    if not (pattern.startswith("^") and pattern.endswith("$")):
        raise entry.fail("unanchored", what=what, pattern=repr(pattern))
    try:
        if check_pattern:
            re.compile(pattern)
    except re.error as exc:
        raise entry.fail("bad_regex", what=what, reason=exc, pattern=repr(pattern)) from exc
    check = data["check"]
    if check is not None and check not in CHECKS:
        raise entry.fail("bad_check", what=what, check=repr(check), known=listed(sorted(CHECKS)))
    strength = data["strength"]
    if strength not in ("high", "low"):
        raise entry.fail("bad_strength", what=what, strength=repr(strength))
    url_part = data.get("url_part")
    part: tuple[int, int] | None = None
    if url_part is not None:
        if (
            not isinstance(url_part, list)
            or len(url_part) != 2
            or not all(isinstance(x, int) and x >= 0 for x in url_part)
            or url_part[0] >= url_part[1]
        ):
            raise entry.fail("bad_url_part", what=what)
        part = (url_part[0], url_part[1])
    return NumberFormat(
        name=entry.text(data["name"], f"{what}.name"),
        pattern=pattern,
        check=check,
        strength=strength,
        url_part=part,
    )


def _parse_template(
    entry: Entry, template: Any, defaults: Mapping[str, str], needs: tuple[str, ...]
) -> str | None:
    if template is None:
        return None
    url = entry.text(template, "url_template")
    if not url.startswith("https://"):
        raise entry.fail("not_https", url=repr(url))
    host = url[len("https://") :].split("/", 1)[0]
    if not host or "{" in host or any(c in host for c in "?#@:"):
        raise entry.fail("no_fixed_host", url=repr(url))
    names = _PLACEHOLDER.findall(url)
    if names.count("tracking_number") != 1:
        raise entry.fail("number_once", url=repr(url))
    for name in names:
        if name not in PLACEHOLDERS:
            raise entry.fail("unknown_placeholder", name=f"{{{name}}}")
        source = "country" if name == "country_lower" else name
        optional = source not in needs and source not in defaults
        if source != "tracking_number" and optional and not optional_parameter(url, name):
            raise entry.fail("unfilled_placeholder", name=f"{{{name}}}")
    empty = sorted(name for name, value in defaults.items() if not value.strip())
    if empty:
        raise entry.fail("empty_default", names=empty)
    if re.search(r"[{}]", _PLACEHOLDER.sub("", url)):
        raise entry.fail("stray_brace", url=repr(url))
    if re.search(r"[\s<>\"]", url):
        raise entry.fail("unsafe_url", url=repr(url))
    return url


#: the link's evidence level -> the agreements it can go with (one statement, never two)
_LEVEL_AGREEMENTS = {
    "V": ("agreed", "single"),  # read in maintained sources: one or several
    "C": ("agreed", "single"),  # corroborated by public code, one or several listed
    "S": ("single",),
    "I": ("single",),
    "X": ("conflicting",),
    "-": ("none",),
}


def _check_link_evidence(entry: Entry, level: str, agreement: str, sources: int) -> None:
    """The link's level and agreement say the same thing, and what they say is backed by the
    sources listed: 'agreed' and 'conflicting' need two of them at least."""
    if agreement not in _LEVEL_AGREEMENTS[level]:
        raise entry.fail(
            "level_agreement",
            level=repr(level),
            agreement=repr(agreement),
            allowed=listed(_LEVEL_AGREEMENTS[level]),
        )
    if agreement in ("agreed", "conflicting") and sources < 2:
        raise entry.fail("two_sources", agreement=repr(agreement), sources=sources)


def _entry_named(position: int, carrier_id: str) -> Message:
    return Message("errors.registry_where.entry_id", {"position": position, "id": repr(carrier_id)})


def _parse_carrier(raw: Any, position: int, check_patterns: bool) -> Carrier:
    entry = Entry(Message("errors.registry_where.entry", {"position": position}))
    if isinstance(raw, dict) and isinstance(raw.get("id"), str):
        entry.where = _entry_named(position, raw["id"])
    data = entry.keys(raw, _CARRIER_KEYS, "the carrier")
    carrier_id = entry.text(data["id"], "id")
    if not _ID.match(carrier_id):
        raise entry.fail("bad_id", id=repr(carrier_id))
    entry.where = _entry_named(position, carrier_id)

    countries = entry.texts(data["countries"], "countries")
    bad = [c for c in countries if c != "*" and c not in ISO_COUNTRIES]
    if bad:
        raise entry.fail("bad_countries", codes=bad)

    alternates = []
    for alt_position, alt in enumerate(data.get("rakuten_alternates") or []):
        what = f"rakuten_alternates[{alt_position}]"
        alt_data = entry.keys(alt, {"name": True, "aliases": True, "note": True}, what)
        alternates.append(
            RakutenAlternate(
                name=entry.text(alt_data["name"], f"{what}.name"),
                aliases=entry.texts(alt_data["aliases"], f"{what}.aliases"),
                note=entry.text(alt_data["note"], f"{what}.note"),
            )
        )

    needs = entry.texts(data.get("needs") or [], "needs")
    unknown_needs = [n for n in needs if n not in INPUTS]
    if unknown_needs:
        raise entry.fail("bad_needs", known=listed(INPUTS), needs=unknown_needs)
    defaults = entry.mapping(data.get("url_defaults"), "url_defaults", _DEFAULTABLE)
    template = _parse_template(entry, data["url_template"], defaults, needs)
    no_url_reason = data.get("no_url_reason")
    if template is not None and no_url_reason is not None:
        raise entry.fail("reason_with_url")
    reasons: dict[str, str] | None = None
    if template is None:
        # The reason reaches merchants in their language: one text per language, all given.
        if not isinstance(no_url_reason, dict):
            raise entry.fail("no_reason")
        reasons = entry.mapping(no_url_reason, "no_url_reason", frozenset(_REASON_LANGS))
        missing_langs = [lang for lang in _REASON_LANGS if not reasons.get(lang, "").strip()]
        if missing_langs:
            raise entry.fail("reason_langs", langs=listed(missing_langs))

    formats = data["formats"]
    if not isinstance(formats, list):
        raise entry.fail("formats_list")
    parsed_formats = tuple(
        _parse_format(entry, f, i, check_patterns) for i, f in enumerate(formats)
    )

    samples = entry.keys(data["samples"], {"valid": True, "invalid": True}, "samples")
    sample_inputs = entry.mapping(data.get("sample_inputs"), "sample_inputs", frozenset(INPUTS))
    missing_inputs = [n for n in needs if n not in sample_inputs]
    if missing_inputs:
        raise entry.fail("sample_inputs", needs=missing_inputs)

    postcode_form = data.get("postcode_form")
    if postcode_form is not None:
        if postcode_form not in POSTCODE_FORMS:
            raise entry.fail("postcode_form", known=listed(POSTCODE_FORMS))
        if template is None or "{postal_code}" not in template:
            raise entry.fail("postcode_form_unused")
        sample = sample_inputs.get("postal_code")
        if sample is not None and not re.fullmatch(POSTCODE_FORMS[postcode_form], sample):
            raise entry.fail("postcode_sample", sample=repr(sample), form=postcode_form)

    priority = data["priority"]
    if not isinstance(priority, int) or isinstance(priority, bool) or not 0 <= priority <= 99:
        raise entry.fail("priority")
    written = entry.text(data["written"], "written")
    # A pattern rather than datetime.date: importing datetime costs ~1.5 ms of start-up.
    if not _DATE.match(written):
        raise entry.fail("written", written=repr(written))
    evidence = entry.keys(
        data["evidence"], {"url": True, "format": True, "url_agreement": True}, "evidence"
    )
    if not {evidence["url"], evidence["format"]} <= _LEVELS:
        raise entry.fail("levels", known=" ".join(sorted(_LEVELS)))
    agreement = evidence["url_agreement"]
    if agreement not in _AGREEMENT:
        raise entry.fail("agreement", known=listed(_AGREEMENT))
    if (agreement == "none") != (template is None):
        raise entry.fail("agreement_none")
    sources = entry.texts(data["sources"], "sources", allow_empty=False)
    _check_link_evidence(entry, evidence["url"], agreement, len(sources))

    return Carrier(
        id=carrier_id,
        name=entry.text(data["name"], "name"),
        aliases=entry.texts(data["aliases"], "aliases"),
        countries=countries,
        rakuten_name=entry.text(data["rakuten_name"], "rakuten_name"),
        rakuten_alternates=tuple(alternates),
        url_template=template,
        url_defaults=defaults,
        needs=needs,
        no_url_reasons=reasons,
        formats=parsed_formats,
        samples=Samples(
            valid=entry.texts(samples["valid"], "samples.valid", allow_empty=False),
            invalid=entry.texts(samples["invalid"], "samples.invalid", allow_empty=False),
        ),
        sample_inputs=sample_inputs,
        priority=priority,
        sources=sources,
        written=written,
        evidence=Evidence(evidence["url"], evidence["format"], agreement),
        notes=entry.text(data.get("notes"), "notes", optional=True),
        postcode_form=postcode_form,
    )


def _check_cross_entry(
    carriers: tuple[Carrier, ...], ambiguous: Mapping[str, Any]
) -> tuple[frozenset[str], dict[str, str]]:
    """Unique ids, priorities and aliases. Returns every normalised carrier name, and the
    names that designate exactly one carrier with its default Rakuten name (the lookup's
    fast path: no other index is needed to answer them)."""
    seen_ids: set[str] = set()
    priorities: dict[int, str] = {}
    owners: dict[str, str] = {}
    alternates: set[str] = set()
    shared = {normalise_name(name) for name in ambiguous}
    for carrier in carriers:
        where = Message("errors.registry_where.carrier", {"id": repr(carrier.id)})
        if carrier.id in seen_ids:
            raise registry_fail(where, "id_twice")
        seen_ids.add(carrier.id)
        if carrier.priority in priorities:
            raise registry_fail(
                where,
                "priority_twice",
                priority=carrier.priority,
                owner=repr(priorities[carrier.priority]),
            )
        priorities[carrier.priority] = carrier.id
        plain = [carrier.id, carrier.name, *carrier.aliases]
        products = [a for alt in carrier.rakuten_alternates for a in (alt.name, *alt.aliases)]
        alternates.update(normalise_name(name) for name in products)
        for name in (*plain, *products):
            key = normalise_name(name)
            if not key:
                raise registry_fail(where, "alias_empty", alias=repr(name))
            owner = owners.setdefault(key, carrier.id)
            if owner != carrier.id and key not in shared:
                raise registry_fail(where, "alias_taken", alias=repr(name), owner=repr(owner))
    for name, ids in ambiguous.items():
        if (
            not isinstance(ids, list)
            or len(ids) < 2
            or any(not isinstance(i, str) or i not in seen_ids for i in ids)
        ):
            raise registry_fail(
                Message("errors.registry_where.ambiguous", {"name": repr(name)}), "ambiguous"
            )
    exact = {k: v for k, v in owners.items() if k not in shared and k not in alternates}
    return frozenset(owners), exact


def parse_document(
    document: Any, source: str = "carriers.json", *, check_patterns: bool = True
) -> Registry:
    """Build a Registry from the decoded JSON document, checking it strictly.

    ``check_patterns=False`` skips compiling the regexes (they are compiled on first use);
    :func:`load_registry` does so only for a file whose exact content passed before.

    Raises:
        RegistryError: anything wrong, with the entry named.
    """
    top = Entry(Message("errors.registry_where.top"))
    data = top.keys(
        document,
        {"schema_version": True, "carriers": True, "ambiguous_names": False, "names": True},
        "file",
    )
    if data["schema_version"] != _SCHEMA_VERSION:
        raise top.fail(
            "schema_version", expected=_SCHEMA_VERSION, found=repr(data["schema_version"])
        )
    raw_carriers = data["carriers"]
    if not isinstance(raw_carriers, list) or not raw_carriers:
        raise top.fail("carriers_list")
    carriers = tuple(_parse_carrier(raw, i, check_patterns) for i, raw in enumerate(raw_carriers))
    ambiguous = data.get("ambiguous_names") or {}
    if not isinstance(ambiguous, dict):
        raise top.fail("ambiguous_object")
    owners, exact = _check_cross_entry(carriers, ambiguous)
    names = parse_names(data["names"], owners, frozenset(c.id for c in carriers))
    return Registry(carriers, {k: tuple(v) for k, v in ambiguous.items()}, source, names, exact)

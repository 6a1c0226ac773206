"""``carriers list``, ``carriers check``, ``track`` and ``detect``: the carrier registry commands.

Kept light on purpose: the registry and tracking modules are imported inside the handlers, so
``rakuten-assist carriers check colissimo`` never loads pandas, httpx, textual or pydantic.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from rakuten_assist.cli._common import EXIT_NO, EXIT_OK, cli_lang, emit_json

if TYPE_CHECKING:
    from rakuten_assist.carriers import Carrier, CarrierCheck

#: the reference's evidence levels, as the ids of their words in the carriers catalogue
_LEVELS = {"V": "v", "C": "c", "S": "s", "I": "i", "X": "x", "-": "none"}


def _t(msg_id: str, lang: str, **params: Any) -> str:
    from rakuten_assist.i18n import t

    return t(f"carriers.cli.{msg_id}", lang, **params)


def _name(carrier: Carrier, lang: str) -> str:
    """The carrier's display name in ``lang`` (brands as they are)."""
    from rakuten_assist.carriers.words import carrier_name

    return carrier_name(carrier).render(lang)


def register(subparsers: Any) -> None:
    """Add ``carriers``, ``track`` and ``detect`` to the command line."""
    carriers = subparsers.add_parser("carriers", help="cli_help.carriers.help")
    sub = carriers.add_subparsers(dest="carriers_command", metavar="SUBCOMMAND")
    listing = sub.add_parser("list", help="cli_help.carriers.list.help")
    listing.add_argument("--lang", choices=("en", "fr"), help="cli_help.carriers.list.lang")
    listing.add_argument("--json", action="store_true", help="cli_help.carriers.list.json")
    listing.set_defaults(handler=run_list, offline=True)

    check = sub.add_parser("check", help="cli_help.carriers.check.help")
    check.add_argument("text", metavar="TEXT", help="cli_help.carriers.check.text")
    check.add_argument("--number", help="cli_help.carriers.check.number")
    check.add_argument("--postcode", help="cli_help.carriers.check.postcode")
    check.add_argument("--country", help="cli_help.carriers.check.country")
    check.add_argument("--lang", choices=("en", "fr"), help="cli_help.carriers.check.lang")
    check.add_argument("--json", action="store_true", help="cli_help.carriers.check.json")
    check.set_defaults(handler=run_check, offline=True)

    show = sub.add_parser("show", help="cli_help.carriers.show.help")
    show.add_argument("text", metavar="NAME", help="cli_help.carriers.show.text")
    show.add_argument("--lang", choices=("en", "fr"), help="cli_help.carriers.show.lang")
    show.add_argument("--json", action="store_true", help="cli_help.carriers.show.json")
    show.set_defaults(handler=run_show, offline=True)
    carriers.set_defaults(handler=None, parser=carriers)

    track = subparsers.add_parser("track", help="cli_help.track.help")
    track.add_argument("carrier", metavar="CARRIER", help="cli_help.track.carrier")
    track.add_argument("number", metavar="NUMBER", help="cli_help.track.number")
    track.add_argument("--postcode", help="cli_help.track.postcode")
    track.add_argument("--country", help="cli_help.track.country")
    track.add_argument("--lang", choices=("en", "fr"), help="cli_help.track.lang")
    track.add_argument("--json", action="store_true", help="cli_help.track.json")
    track.set_defaults(handler=run_track, offline=True)

    detect = subparsers.add_parser("detect", help="cli_help.detect.help")
    detect.add_argument("number", metavar="NUMBER", help="cli_help.detect.number")
    detect.add_argument("--lang", choices=("en", "fr"), help="cli_help.detect.lang")
    detect.add_argument("--json", action="store_true", help="cli_help.detect.json")
    detect.set_defaults(handler=run_detect, offline=True)


def _needs_text(carrier: Carrier, lang: str) -> str:
    needs = [_t(f"need.{n}", lang) for n in carrier.needs]
    return ", ".join(needs) or _t("need.none", lang)


def carrier_summary(carrier: Carrier) -> dict[str, Any]:
    """One registry entry as ``carriers list --json`` shows it."""
    return {
        "id": carrier.id,
        "name": carrier.name,
        "rakuten_name": carrier.rakuten_name,
        "rakuten_names": list(carrier.rakuten_names),
        "supported": carrier.has_url,
        "url_template": carrier.url_template,
        "no_url_reason": carrier.reason("en"),
        "no_url_reasons": dict(carrier.no_url_reasons or {}),
        "needs": list(carrier.needs),
        "countries": list(carrier.countries),
        "formats": [
            {"name": f.name, "pattern": f.pattern, "check": f.check, "strength": f.strength}
            for f in carrier.formats
        ],
        "evidence": {
            "url": carrier.evidence.url,
            "format": carrier.evidence.format,
            "url_agreement": carrier.evidence.url_agreement,
        },
        "written": carrier.written,
        "sources": list(carrier.sources),
    }


def run_list(args: argparse.Namespace) -> int:
    """Print every carrier of the registry."""
    from rakuten_assist.carriers import registry

    carriers = list(registry())
    if args.json:
        emit_json({"count": len(carriers), "carriers": [carrier_summary(c) for c in carriers]})
        return EXIT_OK
    lang = cli_lang(args)
    header = tuple(
        _t(f"list.{key}", lang) for key in ("id", "name", "rakuten", "link", "needs", "countries")
    )
    rows = [header]
    for c in carriers:
        rows.append(
            (
                c.id,
                _name(c, lang),
                c.rakuten_name,
                _t("list.yes" if c.has_url else "list.no", lang),
                ",".join(c.needs) or "-",
                ",".join(c.countries) or "-",
            )
        )
    # Whole names: a cut name is a wrong name (support agents copy them).
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        line = "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        print(line.rstrip())
    supported = sum(c.has_url for c in carriers)
    print("\n" + _t("list.summary", lang, count=len(carriers), supported=supported))
    return EXIT_OK


def _print_check(result: CarrierCheck, lang: str) -> None:
    from rakuten_assist.carriers import evidence_sentence

    carrier = result.carrier
    if carrier is None:
        kind = result.name.kind if result.name else "unknown"
        print(_t(f"check.headline.{kind}", lang, query=result.query))
        print(f"  {result.message}")
        if result.suggestions:
            names = ", ".join(f"{_name(c, lang)} ({c.id})" for c in result.suggestions)
            print("  " + _t("check.did_you_mean", lang, names=names))
        return
    print(_t("check.yes" if result.supported else "check.no", lang, name=_name(carrier, lang)))
    sent = "check.sent" if result.supported else "check.refused"
    print("  " + _t(sent, lang, rakuten=result.rakuten_name))
    if result.supported:
        if result.tracking_url and result.example:
            sample = carrier.samples.valid[0]
            print("  " + _t("check.example", lang, sample=sample, url=result.tracking_url))
        elif result.tracking_url:
            print("  " + _t("check.link", lang, url=result.tracking_url))
        print("  " + _t("check.needs", lang, needs=_needs_text(carrier, lang)))
        if result.number is not None:
            state = "check.number_valid" if result.number.valid else "check.number_invalid"
            reason = result.number.reason_in(lang)
            print("  " + _t(state, lang, number=result.number.value, reason=reason))
    else:
        print("  " + _t("check.why", lang, reason=carrier.reason(lang) or "-"))
        if result.suggestions:
            names = ", ".join(_name(c, lang) for c in result.suggestions)
            print("  " + _t("check.closest", lang, names=names))
        print("  " + _t("check.what_to_do", lang))
    for warning in result.warnings:
        print("  " + _t("check.note", lang, text=warning))
    print(
        "  "
        + _t(
            "check.sources",
            lang,
            link=evidence_sentence(carrier, lang, short=True),
            formats=_t(f"level.{_LEVELS[carrier.evidence.format]}", lang),
            date=carrier.written,
            id=carrier.id,
        )
    )


def run_show(args: argparse.Namespace) -> int:
    """Print one carrier: its link or refusal, its formats and the sources of its entry."""
    from rakuten_assist.carriers import evidence_sentence, registry, resolve_name
    from rakuten_assist.carriers.words import format_name
    from rakuten_assist.i18n import t

    reg = registry()
    lang = cli_lang(args)
    carrier = reg.get(args.text)
    if carrier is None:
        match = resolve_name(args.text, registry_=reg)
        carrier = match.carrier if match.kind == "carrier" else None
    if carrier is None:
        print(t("carriers.show.not_found", lang, query=args.text), file=sys.stderr)
        return EXIT_NO
    if args.json:
        emit_json(carrier_summary(carrier))
        return EXIT_OK
    print(t("carriers.show.title", lang, name=_name(carrier, lang), id=carrier.id))
    print("  " + t("carriers.show.rakuten", lang, rakuten=carrier.rakuten_name))
    if carrier.url_template:
        print("  " + t("carriers.show.link", lang, url=carrier.url_template))
    else:
        print("  " + t("carriers.show.refused", lang, reason=carrier.reason(lang) or "-"))
    print("  " + t("carriers.show.evidence", lang, evidence=evidence_sentence(carrier, lang)))
    if carrier.aliases:
        print("  " + t("carriers.show.aliases", lang, names=", ".join(carrier.aliases)))
    if carrier.formats:
        print("  " + t("carriers.show.formats", lang))
        for fmt in carrier.formats:
            check = t("carriers.show.check", lang, check=fmt.check) if fmt.check else ""
            strength = t(f"carriers.show.strength.{fmt.strength}", lang)
            name = format_name(fmt).render(lang)
            print(
                "    " + t("carriers.show.format", lang, name=name, strength=strength, check=check)
            )
    print("  " + t("carriers.show.sources", lang))
    for source in carrier.sources:
        print(f"    - {source}")
    print("  " + t("carriers.show.written", lang, date=carrier.written))
    return EXIT_OK


def run_check(args: argparse.Namespace) -> int:
    """Answer "is my carrier supported?"."""
    from rakuten_assist.carriers import check_carrier

    lang = cli_lang(args)
    result = check_carrier(args.text, args.number, args.postcode, args.country, message_lang=lang)
    if args.json:
        emit_json(result.to_dict(lang))
    else:
        _print_check(result, lang)
    return EXIT_OK if result.supported else EXIT_NO


def run_track(args: argparse.Namespace) -> int:
    """Print the tracking URL that would be sent to Rakuten (refusals raise, exit 1)."""
    from rakuten_assist.carriers import tracked_link

    # The carrier is resolved, the number validated and the link built once each.
    link = tracked_link(args.carrier, args.number, args.postcode, args.country)
    carrier, rakuten_name, check, url = link
    if args.json:
        emit_json(
            {
                "carrier": carrier.id,
                "rakuten_name": rakuten_name,
                "tracking_number": check.url_number,
                "tracking_url": url,
                "checksum": check.checksum,
            }
        )
        return EXIT_OK
    lang = cli_lang(args)
    print(url)
    print(
        _t(
            "track.sent", lang, name=_name(carrier, lang), rakuten=rakuten_name,
            number=check.url_number, reason=check.reason_in(lang),
        ),
        file=sys.stderr,
    )  # fmt: skip
    return EXIT_OK


#: what a candidate's number says about its carrier -> the id of its words
_EVIDENCE_WORDS = {
    "proven": "detect.strong",
    "checked_shared": "detect.checked_shared",
    "distinctive": "detect.medium",
    "shape": "detect.weak",
}


def run_detect(args: argparse.Namespace) -> int:
    """Rank the carriers a number can belong to, and name those it is a typo of."""
    from rakuten_assist.carriers import detect_carrier, mistyped_carriers, normalise_number
    from rakuten_assist.carriers.words import format_name

    number = normalise_number(args.number)
    candidates = detect_carrier(number)
    mistyped = mistyped_carriers(number)
    if args.json:
        emit_json(
            {
                "number": number,
                "candidates": [
                    {
                        "carrier": c.carrier.id,
                        "name": c.carrier.name,
                        "confidence": c.confidence,
                        "checksum": c.checksum,
                        "evidence": c.evidence,
                        "format": c.format.name,
                        "supported": c.carrier.has_url,
                    }
                    for c in candidates
                ],
                "check_digit_wrong": [
                    {"carrier": m.carrier.id, "name": m.carrier.name, "format": m.format.name}
                    for m in mistyped
                ],
            }
        )
        return EXIT_OK if candidates else EXIT_NO
    lang = cli_lang(args)
    for m in mistyped:
        print(
            _t(
                "detect.mistyped", lang, number=number, name=_name(m.carrier, lang),
                format=format_name(m.format).render(lang),
            )
        )  # fmt: skip
    if not candidates and not mistyped:
        print(_t("detect.none", lang, number=number))
    elif candidates:
        print(_t("detect.header", lang, number=number))
        for c in candidates:
            note = "" if c.carrier.has_url else "  " + _t("detect.refused", lang)
            strength = _t(_EVIDENCE_WORDS[c.evidence], lang)
            print(
                _t(
                    "detect.line", lang, confidence=f"{c.confidence:.2f}",
                    name=_name(c.carrier, lang), id=c.carrier.id, strength=strength,
                    format=format_name(c.format).render(lang), note=note,
                )
            )  # fmt: skip
    return EXIT_OK if candidates else EXIT_NO

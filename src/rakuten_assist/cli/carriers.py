"""``carriers list``, ``carriers check``, ``track`` and ``detect``: the carrier registry commands.

Kept light on purpose: the registry and tracking modules are imported inside the handlers, so
``rakuten-assist carriers check colissimo`` never loads pandas, httpx, textual or pydantic.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from rakuten_assist.cli._common import EXIT_NO, EXIT_OK, emit_json

if TYPE_CHECKING:
    from rakuten_assist.carriers import Carrier, CarrierCheck

_LEVEL_WORDS = {
    "V": "verified",
    "C": "corroborated",
    "S": "single source",
    "I": "inferred",
    "X": "conflicting sources",
    "-": "none",
}
_NEED_WORDS = {"postal_code": "buyer's postcode (--postcode)", "country": "country (--country)"}


def register(subparsers: Any) -> None:
    """Add ``carriers``, ``track`` and ``detect`` to the command line."""
    carriers = subparsers.add_parser(
        "carriers", help="the carrier registry: list carriers, check one is supported"
    )
    sub = carriers.add_subparsers(dest="carriers_command", metavar="SUBCOMMAND")
    listing = sub.add_parser("list", help="the carriers the registry knows")
    listing.add_argument("--json", action="store_true", help="machine output on stdout")
    listing.set_defaults(handler=run_list, offline=True)

    check = sub.add_parser("check", help='"is my carrier supported?"')
    check.add_argument("text", metavar="TEXT", help="the carrier as the merchant names it")
    check.add_argument("--number", help="a tracking number to check and build the link with")
    check.add_argument("--postcode", help="buyer's delivery postcode (some carriers need it)")
    check.add_argument("--country", help="delivery country, ISO alpha-2 (PostNL needs it)")
    check.add_argument(
        "--lang", choices=("en", "fr"), default="en", help="language of the answer's sentences"
    )
    check.add_argument("--json", action="store_true", help="machine output on stdout")
    check.set_defaults(handler=run_check, offline=True)

    show = sub.add_parser("show", help="one carrier of the registry, with the sources of its entry")
    show.add_argument("text", metavar="NAME", help="the carrier's id or name")
    show.add_argument("--lang", choices=("en", "fr"), default="en", help="language of the text")
    show.add_argument("--json", action="store_true", help="machine output on stdout")
    show.set_defaults(handler=run_show, offline=True)
    carriers.set_defaults(handler=None, parser=carriers)

    track = subparsers.add_parser("track", help="the tracking URL that would be sent to Rakuten")
    track.add_argument("carrier", metavar="CARRIER", help="the carrier as the merchant names it")
    track.add_argument("number", metavar="NUMBER", help="the tracking number")
    track.add_argument("--postcode", help="buyer's delivery postcode (some carriers need it)")
    track.add_argument("--country", help="delivery country, ISO alpha-2 (PostNL needs it)")
    track.add_argument("--json", action="store_true", help="machine output on stdout")
    track.set_defaults(handler=run_track, offline=True)

    detect = subparsers.add_parser(
        "detect", help="which carriers a tracking number can belong to, ranked"
    )
    detect.add_argument("number", metavar="NUMBER", help="the tracking number")
    detect.add_argument("--json", action="store_true", help="machine output on stdout")
    detect.set_defaults(handler=run_detect, offline=True)


def _needs_text(carrier: Carrier) -> str:
    return ", ".join(_NEED_WORDS.get(n, n) for n in carrier.needs) or "nothing else"


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
    rows = [("id", "name", "Rakuten name", "link", "needs", "countries")]
    for c in carriers:
        rows.append(
            (
                c.id,
                c.name,
                c.rakuten_name,
                "yes" if c.has_url else "NO",
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
    print(
        f"\n{len(carriers)} carriers, {supported} with a tracking link; the others are refused "
        "with their reason (`rakuten-assist carriers check NAME`)."
    )
    return EXIT_OK


def _print_check(result: CarrierCheck) -> None:
    carrier = result.carrier
    if carrier is None:
        kind = result.name.kind if result.name else "unknown"
        headline = {
            "ambiguous": "which carrier? The name fits several.",
            "platform": "a shipping platform, not a carrier.",
            "marketplace": "a marketplace, not a carrier.",
            "other": "Rakuten's 'Autre', not a carrier.",
        }.get(kind, "NO, not in our registry.")
        print(f"{result.query!r}: {headline}")
        print(f"  {result.message}")
        if result.suggestions:
            print("  Did you mean: " + ", ".join(f"{c.name} ({c.id})" for c in result.suggestions))
        return
    verdict = "YES, supported" if result.supported else "NO, not supported"
    print(f"{carrier.name}: {verdict}.")
    sent = "the exact value sent" if result.supported else "nothing is sent: refused"
    print(f"  Rakuten transporter name: {result.rakuten_name}   ({sent})")
    if result.supported:
        if result.tracking_url and result.example:
            print(
                f"  Example link (sample number {carrier.samples.valid[0]}, not yours): "
                f"{result.tracking_url}"
            )
        elif result.tracking_url:
            print(f"  Tracking link: {result.tracking_url}")
        print(f"  Extra data needed: {_needs_text(carrier)}")
        if result.number is not None:
            state = "valid" if result.number.valid else "NOT valid"
            print(f"  Number {result.number.value}: {state}. {result.number.reason}")
    else:
        print(f"  Why: {carrier.reason('en')}")
        if result.suggestions:
            print("  Closest supported carriers: " + ", ".join(c.name for c in result.suggestions))
        print(
            "  What you can do: ship with a supported carrier; send 'Autre' with a URL only if "
            "the carrier has a real public per-number tracking page (and tell us, we will add it)."
        )
    for warning in result.warnings:
        print(f"  Note: {warning}")
    print(
        f"  Sources: link {_LEVEL_WORDS[carrier.evidence.url]}, number formats "
        f"{_LEVEL_WORDS[carrier.evidence.format]}; entry written from its sources on "
        f"{carrier.written} (`rakuten-assist carriers show {carrier.id}` lists them)."
    )


def run_show(args: argparse.Namespace) -> int:
    """Print one carrier: its link or refusal, its formats and the sources of its entry."""
    from rakuten_assist.carriers import evidence_sentence, registry, resolve_name
    from rakuten_assist.i18n import t

    reg = registry()
    lang = args.lang
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
    print(t("carriers.show.title", lang, name=carrier.name, id=carrier.id))
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
            check = f", {fmt.check}" if fmt.check else ""
            print(f"    - {fmt.name} ({fmt.strength}{check})")
    print("  " + t("carriers.show.sources", lang))
    for source in carrier.sources:
        print(f"    - {source}")
    print("  " + t("carriers.show.written", lang, date=carrier.written))
    return EXIT_OK


def run_check(args: argparse.Namespace) -> int:
    """Answer "is my carrier supported?"."""
    from rakuten_assist.carriers import check_carrier

    result = check_carrier(
        args.text, args.number, args.postcode, args.country, message_lang=args.lang
    )
    if args.json:
        emit_json(result.to_dict())
    else:
        _print_check(result)
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
    print(url)
    print(
        f"{carrier.name}, sent to Rakuten as {rakuten_name!r} with number {check.url_number}; "
        f"{check.reason}",
        file=sys.stderr,
    )
    return EXIT_OK


def _strength(confidence: float, checksum: bool) -> str:
    if checksum:
        return "strong: check digit fits"
    return "medium: distinctive shape" if confidence >= 0.5 else "weak: length/shape only"


def run_detect(args: argparse.Namespace) -> int:
    """Rank the carriers a number can belong to."""
    from rakuten_assist.carriers import detect_carrier, normalise_number

    number = normalise_number(args.number)
    candidates = detect_carrier(number)
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
                        "format": c.format.name,
                        "supported": c.carrier.has_url,
                    }
                    for c in candidates
                ],
            }
        )
    elif not candidates:
        print(
            f"No carrier in the registry issues numbers like {number}. Check the number, or "
            "name the carrier: `rakuten-assist track CARRIER NUMBER`."
        )
    else:
        print(f"{number} can belong to:")
        for c in candidates:
            note = "" if c.carrier.has_url else "  (no tracking page: refused)"
            print(
                f"  {c.confidence:.2f}  {c.carrier.name} ({c.carrier.id}), "
                f"{_strength(c.confidence, c.checksum)}: {c.format.name}{note}"
            )
    return EXIT_OK if candidates else EXIT_NO

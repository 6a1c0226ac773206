"""The carrier browser: search the registry; the selected carrier's Rakuten name, inputs, link."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from rakuten_assist.errors import RakutenAssistError
from rakuten_assist.tui.i18n import ui
from rakuten_assist.tui.sources import confidence_words

if TYPE_CHECKING:
    from rakuten_assist.carriers import Carrier

__all__ = ["CarrierBrowser", "sample_url"]


def sample_url(carrier: Carrier) -> str | None:
    """The tracking link built from the carrier's first valid sample, or None without a page."""
    if not carrier.url_template or not carrier.samples.valid:
        return None
    from rakuten_assist.carriers import tracking_url

    inputs = dict(carrier.sample_inputs)
    try:
        return tracking_url(
            carrier,
            carrier.samples.valid[0],
            postcode=inputs.get("postal_code"),
            country=inputs.get("country"),
        )
    except RakutenAssistError:
        return None


def _matches(carrier: Carrier, query: str) -> bool:
    from rakuten_assist.carriers import normalise_name

    wanted = normalise_name(query)
    if not wanted:
        return True
    names = (carrier.id, carrier.name, carrier.rakuten_name, *carrier.aliases)
    return any(wanted in normalise_name(name) for name in names)


def _shown(carriers: list[Carrier], query: str) -> list[Carrier]:
    """What the lookup understands first (the carrier, or an ambiguous name's candidates),
    then the carriers whose names contain what is typed so far."""
    if not query.strip():
        return list(carriers)
    from rakuten_assist.carriers import resolve_name

    match = resolve_name(query)
    first_ids = [match.carrier.id] if match.carrier is not None else []
    if match.kind in ("ambiguous", "unknown", "marketplace"):
        first_ids += [c.id for c in match.candidates]
    by_id = {c.id: c for c in carriers}
    first = [by_id[i] for i in dict.fromkeys(first_ids) if i in by_id]
    return first + [c for c in carriers if c not in first and _matches(c, query)]


class CarrierBrowser(Vertical):
    """Search box, matching carriers, details of the highlighted one."""

    def __init__(self, *, lang: str, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lang = lang
        self.carriers: list[Carrier] = []
        self.error: str | None = None
        self._filtered: str | None = None

    def compose(self) -> ComposeResult:
        """The search box, the list, the details."""
        yield Input(placeholder=ui(self.lang, "carrier_search"), id="carrier-search")
        yield OptionList(id="carrier-list")
        with VerticalScroll(id="carrier-detail-box", classes="detail-box"):
            yield Static(ui(self.lang, "carrier_pick"), id="carrier-detail")
            # The example link on rows of its own, folded by character: whole on screen.
            yield Static("", id="carrier-link")
            yield Static("", id="carrier-sources")

    def on_mount(self) -> None:
        """Load the registry (a local file, parsed once and cached)."""
        from rakuten_assist.carriers import registry

        try:
            self.carriers = sorted(registry(), key=lambda c: c.name.casefold())
        except RakutenAssistError as exc:
            self.error = " ".join(exc.render(self.lang))
            self.query_one("#carrier-detail", Static).update(
                ui(self.lang, "carrier_unavailable", error=_escape(self.error))
            )
        self.filter("")

    def set_lang(self, lang: str) -> None:
        """Relabel the fixed texts."""
        self.lang = lang
        self.query_one("#carrier-search", Input).placeholder = ui(lang, "carrier_search")
        options = self.query_one("#carrier-list", OptionList)
        highlighted = options.highlighted
        self.filter(self._filtered or "")  # the names, in the new language
        options.highlighted = highlighted
        if options.highlighted is None:
            self.query_one("#carrier-detail", Static).update(ui(lang, "carrier_pick"))
        else:
            self._describe(options.highlighted)

    def filter(self, query: str) -> list[Carrier]:
        """Show what the carrier lookup understands by ``query``, then substring matches."""
        self._filtered = query
        shown = _shown(self.carriers, query)
        options = self.query_one("#carrier-list", OptionList)
        options.clear_options()
        options.add_options(
            Option(
                f"{_escape(_name(c, self.lang))} [dim]{'' if c.url_template else '⊘'}[/]", id=c.id
            )
            for c in shown
        )
        return shown

    def select(self, query: str) -> Carrier | None:
        """Highlight the carrier with id ``query``; otherwise search for it, first hit."""
        by_id = {c.id: c for c in self.carriers}
        wanted = by_id.get(query)
        text = wanted.name if wanted is not None else query
        self.query_one("#carrier-search", Input).value = text
        shown = self.filter(text)
        if not shown:
            return None
        index = shown.index(wanted) if wanted in shown else 0
        self.query_one("#carrier-list", OptionList).highlighted = index
        return shown[index]

    def on_input_changed(self, event: Input.Changed) -> None:
        """Filter as the user types."""
        event.stop()
        if event.value != self._filtered:  # select() already filtered (and highlighted) it
            self.filter(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the search box highlights the first hit."""
        event.stop()
        options = self.query_one("#carrier-list", OptionList)
        if options.option_count:
            options.highlighted = 0
            options.focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Show the details of the highlighted carrier."""
        event.stop()
        self._describe(event.option_index)

    def _describe(self, index: int) -> None:
        from rakuten_assist.carriers import evidence_sentence

        options = self.query_one("#carrier-list", OptionList)
        carrier_id = options.get_option_at_index(index).id
        carrier = next((c for c in self.carriers if c.id == carrier_id), None)
        if carrier is None:
            return
        lang = self.lang
        needs = ", ".join(
            ui(lang, f"need.{n}" if n in ("postal_code", "country") else "need.other")
            for n in carrier.needs
        ) or ui(lang, "carrier_none")
        colon = ui(lang, "source.colon")
        lines = [
            f"[b]{_escape(_name(carrier, lang))}[/b]  [dim]{carrier.id}[/]",
            f"{ui(lang, 'carrier_rakuten_name')}{colon}[b]{_escape(carrier.rakuten_name)}[/b]",
            f"{ui(lang, 'carrier_needs')}{colon}{_escape(needs)}",
            f"{ui(lang, 'carrier_countries')}{colon}{', '.join(carrier.countries) or '-'}",
        ]
        url = sample_url(carrier)
        if url:
            # On its own line and a terminal hyperlink: the whole link, whatever the width.
            lines.append(f"{ui(lang, 'carrier_sample')}{colon}")
        else:
            reason = carrier.reason(lang) or "-"
            lines.append(f"{ui(lang, 'carrier_no_url')}{colon}{_escape(reason)}")
        source = ui(
            lang,
            "source.backing",
            # The link's backing in the registry's own words (carriers.evidence_sentence), so
            # the browser never says "verified" where the sources say "one source only".
            url=evidence_sentence(carrier, lang, short=True),
            format=confidence_words(carrier.evidence.format, lang),
        )
        self.query_one("#carrier-link", Static).update(
            Text(url, style=Style(link=url), overflow="fold") if url else ""
        )
        self.query_one("#carrier-sources", Static).update(
            f"{ui(lang, 'carrier_confidence')}{source}"
        )
        self.query_one("#carrier-detail", Static).update("\n".join(lines))


def _escape(text: str) -> str:
    return text.replace("[", r"\[")


def _name(carrier: Carrier, lang: str) -> str:
    """The carrier's display name in ``lang`` (the carriers package's catalogue of names)."""
    from rakuten_assist.carriers.words import carrier_name

    return carrier_name(carrier).render(lang)

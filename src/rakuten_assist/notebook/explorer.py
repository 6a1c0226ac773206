"""``OrderExplorer``: filter, sort, page, summarise, chart and export open orders."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets
import pandas as pd
from IPython.display import Image

from rakuten_assist.frames import PII_COLUMNS
from rakuten_assist.i18n import configured_lang, t
from rakuten_assist.notebook._html import frame_html, notice_html
from rakuten_assist.notebook._option_labels import FILTER_COLUMNS, column_option, filter_option
from rakuten_assist.notebook._widgets import MessageArea, figure_png, shows_errors
from rakuten_assist.notebook.loading import load_orders
from rakuten_assist.notebook.views import (
    EXPORT_FORMATS,
    OrderQuery,
    OrderView,
    acceptance_ages,
    export_orders,
    orders_per_country,
    orders_per_day,
    summarise_orders,
    view_orders,
)

if TYPE_CHECKING:
    from rakuten_assist.api import RakutenClient

__all__ = ["PAGE_SIZES", "TABLE_COLUMNS", "OrderExplorer"]

#: Columns of the table, when present (every column is exported).
TABLE_COLUMNS = (
    "purchase_id",
    "purchase_date",
    "item_id",
    "sku",
    "headline",
    "status",
    "match_status",
    "country",
    "price",
    "currency",
    "shipping_type",
    "source",
    "age_hours",
    *PII_COLUMNS,
)
PAGE_SIZES = (10, 25, 50, 100, 250, 1000)
_CHARTS_TAB = 2


def _options(frame: pd.DataFrame, column: str) -> list[str]:
    """The values present in a column, in a stable order (categories keep their order)."""
    if column not in frame.columns:
        return []
    present = set(frame[column].dropna().astype("object"))
    series = frame[column]
    if isinstance(series.dtype, pd.CategoricalDtype):
        return [str(value) for value in series.cat.categories if value in present]
    return sorted(str(value) for value in present)


class OrderExplorer(widgets.VBox):  # type: ignore[misc]  # ipywidgets is untyped
    """Explore open orders: filters, a paged sortable table, a summary, charts and export.

    Every control feeds ``view_orders`` (a pure function of ``rakuten_assist.notebook.views``);
    the frame given is never modified, and errors inside callbacks show in ``message``.

    Args:
        frame: an orders frame (``load_orders``); copied, never modified.
        client: an open ``RakutenClient`` to load the frame from when ``frame`` is None.
        with_pii: with ``client``: load buyer personal data too.
        page_size: rows per page (one of ``PAGE_SIZES`` or any positive number).
        export_path: the default file of the export box.
        lang: the language of the labels ("en" or "fr"; ``notebook.toml``); by default the
            reader's (``RAKUTEN_ASSIST_LANG``, else the locale).

    Example:
        >>> OrderExplorer(load_orders(sandbox=True))  # doctest: +SKIP
    """

    def __init__(
        self,
        frame: pd.DataFrame | None = None,
        *,
        client: RakutenClient | None = None,
        with_pii: bool = False,
        page_size: int = 25,
        export_path: str | Path = "orders_view.csv",
        lang: str | None = None,
    ) -> None:
        self.lang = configured_lang(lang)
        if frame is None:
            if client is None:
                raise ValueError(t("notebook.explorer.no_frame", self.lang))
            frame = load_orders(client=client, with_pii=with_pii)
        self._frame = frame.copy()
        self._frame.attrs = dict(frame.attrs)
        self.message = MessageArea(self.lang)
        self.view: OrderView = view_orders(self._frame, OrderQuery(page_size=page_size))
        self.last_export: Path | None = None
        self._has_pii = any(name in self._frame.columns for name in PII_COLUMNS)
        self._build(page_size, export_path)
        super().__init__(
            children=[
                self.banner,
                self._filters_box,
                self.message,
                self.tabs,
            ]
        )
        self.refresh()

    # --- layout -------------------------------------------------------------------------

    def _select(self, column: str) -> widgets.SelectMultiple:
        # Each option shows its words in the reader's language and filters on its code.
        options = [
            (filter_option(column, value, self.lang), value)
            for value in _options(self._frame, column)
        ]
        if FILTER_COLUMNS[column]:
            options.sort()
        return widgets.SelectMultiple(
            options=options,
            value=(),
            rows=min(6, max(2, len(options))),
            description=self._label(column),
            disabled=not options,
            layout=widgets.Layout(width="250px"),
            style={"description_width": "90px"},
        )

    def _build(self, page_size: int, export_path: str | Path) -> None:
        self.banner = widgets.HTML(self._banner_html())
        self.statuses = self._select("status")
        self.countries = self._select("country")
        self.sources = self._select("source")
        self.match_statuses = self._select("match_status")
        self.date_from = widgets.DatePicker(
            description=self._label("date_from"), style={"description_width": "40px"}
        )
        self.date_to = widgets.DatePicker(
            description=self._label("date_to"), style={"description_width": "40px"}
        )
        self.search = widgets.Text(
            description=self._label("search"),
            placeholder=self._label("search_placeholder"),
            continuous_update=True,
            style={"description_width": "50px"},
        )
        self.clear_button = widgets.Button(description=self._label("clear"), icon="times")
        sortable = [(self._label("as_loaded"), "")] + [
            (column_option(name, self.lang), name) for name in self._frame.columns
        ]
        self.sort_by = widgets.Dropdown(
            options=sortable,
            value="",
            description=self._label("sort_by"),
            style={"description_width": "50px"},
        )
        self.descending = widgets.Checkbox(
            value=False, description=self._label("descending"), indent=False
        )
        sizes = sorted({*PAGE_SIZES, page_size})
        self.page_size = widgets.Dropdown(
            options=sizes,
            value=page_size,
            description=self._label("page_size"),
            layout=widgets.Layout(width="180px"),
        )
        self.previous_button = widgets.Button(
            description=self._label("previous"), icon="arrow-left"
        )
        self.next_button = widgets.Button(description=self._label("next"), icon="arrow-right")
        self.count = widgets.HTML()
        self.table = widgets.HTML()
        self.summary = widgets.HTML()
        self.charts = widgets.Output()
        self.export_path = widgets.Text(
            value=str(export_path),
            description=self._label("file"),
            layout=widgets.Layout(width="420px"),
        )
        self.export_format = widgets.Dropdown(
            options=[("CSV", "csv"), ("Excel", "excel")],
            value="excel" if str(export_path).lower().endswith(".xlsx") else "csv",
            description=self._label("format"),
            layout=widgets.Layout(width="180px"),
        )
        # Unticked even when the frame holds PII: a file leaves the notebook, so personal
        # data goes into it only when the user asks (GDPR data minimisation).
        self.export_pii = widgets.Checkbox(
            value=False,
            disabled=not self._has_pii,
            description=self._label("export_pii"),
            indent=False,
        )
        self.export_button = widgets.Button(
            description=self._label("export"), icon="download", button_style="primary"
        )
        self.export_status = widgets.HTML()

        self._filters_box = widgets.VBox(
            [
                widgets.HBox([self.statuses, self.countries, self.sources, self.match_statuses]),
                widgets.HBox([self.date_from, self.date_to, self.search, self.clear_button]),
            ]
        )
        table_tab = widgets.VBox(
            [
                widgets.HBox(
                    [
                        self.sort_by,
                        self.descending,
                        self.page_size,
                        self.previous_button,
                        self.next_button,
                    ]
                ),
                self.count,
                self.table,
            ]
        )
        export_tab = widgets.VBox(
            [
                widgets.HBox([self.export_path, self.export_format]),
                widgets.HBox([self.export_pii, self.export_button]),
                self.export_status,
            ]
        )
        self.tabs = widgets.Tab(children=[table_tab, self.summary, self.charts, export_tab])
        self.tabs.titles = tuple(
            self._label(f"tab_{name}") for name in ("table", "summary", "charts", "export")
        )
        self._charts_stale = True
        self.tabs.observe(self._on_tab_change, names="selected_index")

        for control in (
            self.statuses,
            self.countries,
            self.sources,
            self.match_statuses,
            self.date_from,
            self.date_to,
            self.search,
            self.sort_by,
            self.descending,
            self.page_size,
        ):
            control.observe(self._on_query_change, names="value")
        self.previous_button.on_click(self._on_previous)
        self.next_button.on_click(self._on_next)
        self.clear_button.on_click(self._on_clear)
        self.export_button.on_click(self._on_export)

    def _label(self, key: str, **values: object) -> str:
        return t(f"notebook.explorer.{key}", self.lang, **values)

    def _hours(self, value: float | None) -> str:
        if value is None:
            return self._label("hours_none")
        if value >= 48:
            return self._label("days", days=f"{value / 24:.1f}")
        return self._label("hours", hours=f"{value:.0f}")

    def _banner_html(self) -> str:
        attrs = self._frame.attrs
        parts = []
        if attrs.get("origin") == "sandbox":
            parts.append(notice_html(self._label("sandbox"), "info"))
        if attrs.get("partial"):
            parts.append(
                notice_html(self._label("partial", resume_token=attrs.get("resume_token")), "warn")
            )
        pii = self._label("pii_shown" if self._has_pii else "pii_hidden")
        parts.append(f"<small>{self._label('items', items=len(self._frame), pii=pii)}</small>")
        return "".join(parts)

    # --- state --------------------------------------------------------------------------

    @property
    def frame(self) -> pd.DataFrame:
        """The explorer's own copy of the frame (every row, unfiltered)."""
        return self._frame

    @property
    def filtered(self) -> pd.DataFrame:
        """The rows passing the current filters, sorted as shown (a copy)."""
        return self.view.rows.copy()

    def query(self, page: int | None = None) -> OrderQuery:
        """The query the controls currently describe."""
        return OrderQuery(
            statuses=tuple(self.statuses.value),
            countries=tuple(self.countries.value),
            sources=tuple(self.sources.value),
            match_statuses=tuple(self.match_statuses.value),
            date_from=self.date_from.value,
            date_to=self.date_to.value,
            text=self.search.value,
            sort_by=self.sort_by.value or None,
            descending=bool(self.descending.value),
            page=self.view.page.number if page is None else page,
            page_size=int(self.page_size.value),
        )

    # --- callbacks ----------------------------------------------------------------------

    @shows_errors
    def refresh(self, page: int = 1) -> None:
        """Recompute the view from the controls and redraw the table, summary and charts."""
        self.message.clear()
        self.view = view_orders(self._frame, self.query(page))
        self._show_table()
        self._show_summary()
        # Charts cost a few hundred milliseconds: draw them only while their tab is open.
        self._charts_stale = True
        if self.tabs.selected_index == _CHARTS_TAB:
            self.draw_charts()

    @shows_errors
    def go_to_page(self, number: int) -> None:
        """Show page ``number`` (clamped) of the current view."""
        self.view = view_orders(self._frame, self.query(number))
        self._show_table()

    def _on_query_change(self, _change: Any) -> None:
        self.refresh(page=1)

    def _on_previous(self, _button: Any) -> None:
        self.go_to_page(self.view.page.number - 1)

    def _on_next(self, _button: Any) -> None:
        self.go_to_page(self.view.page.number + 1)

    @shows_errors
    def _on_clear(self, _button: Any) -> None:
        with self.hold_trait_notifications():
            for select in (self.statuses, self.countries, self.sources, self.match_statuses):
                select.unobserve(self._on_query_change, names="value")
                select.value = ()
                select.observe(self._on_query_change, names="value")
            for picker in (self.date_from, self.date_to):
                picker.unobserve(self._on_query_change, names="value")
                picker.value = None
                picker.observe(self._on_query_change, names="value")
            self.search.unobserve(self._on_query_change, names="value")
            self.search.value = ""
            self.search.observe(self._on_query_change, names="value")
        self.refresh(page=1)

    @shows_errors
    def _on_export(self, _button: Any) -> None:
        self.export_status.value = ""
        self.export(self.export_path.value, format=self.export_format.value)

    def export(self, path: str | Path, *, format: str | None = None) -> Path:
        """Write the filtered view (every filtered row, all columns) and confirm on screen."""
        target = Path(path)
        fmt = format or EXPORT_FORMATS.get(target.suffix.lower()) or self.export_format.value
        suffix = ".xlsx" if fmt == "excel" else ".csv"
        if target.suffix.lower() != suffix:
            target = target.with_suffix(suffix)
        written = export_orders(
            self.view.rows,
            target,
            format="excel" if fmt == "excel" else "csv",
            with_pii=bool(self.export_pii.value) and self._has_pii,
        )
        self.last_export = written
        self.export_status.value = notice_html(
            self._label("exported", rows=len(self.view.rows), path=written),
            "ok",
            title=self._label("exported_title"),
        )
        return written

    # --- rendering ----------------------------------------------------------------------

    def _show_table(self) -> None:
        page = self.view.page
        self.count.value = f"<b>{page.label(self.view.total, self.lang)}</b>"
        self.previous_button.disabled = page.number <= 1
        self.next_button.disabled = page.number >= page.pages
        columns = [name for name in TABLE_COLUMNS if name in page.rows.columns]
        self.table.value = frame_html(page.rows, columns, lang=self.lang)

    def _show_summary(self) -> None:
        rows = self.view.rows
        summary = summarise_orders(rows)
        ages = acceptance_ages(rows)
        if ages.count:
            waiting = notice_html(
                self._label(
                    "awaiting",
                    count=ages.count,
                    oldest=self._hours(ages.oldest_hours),
                    median=self._hours(ages.median_hours),
                ),
                "warn",
                title=self._label("awaiting_title"),
            ) + frame_html(ages.items, lang=self.lang)
        else:
            waiting = notice_html(self._label("none_awaiting"), "ok")
        self.summary.value = (
            f"<b>{self.view.page.count(self.view.total, self.lang)}</b>"
            + f"<h4>{self._label('summary_heading')}</h4>"
            + frame_html(summary, lang=self.lang)
            + f"<h4>{self._label('awaiting_heading')}</h4>"
            + waiting
        )

    @shows_errors
    def draw_charts(self) -> None:
        """Draw orders per country and per day for the current view into the Charts tab."""
        self._show_charts()
        self._charts_stale = False

    def _on_tab_change(self, change: Any) -> None:
        if change["new"] == _CHARTS_TAB and self._charts_stale:
            self.draw_charts()

    def _show_charts(self) -> None:
        from matplotlib.figure import Figure

        rows = self.view.rows
        # Replacing the outputs directly: clear_output() writes terminal codes outside a kernel.
        self.charts.outputs = ()
        if rows.empty:
            self.charts.append_display_data(_html_object(notice_html(self._label("no_rows"))))
            return
        figure = Figure(figsize=(10, 3.2))
        by_country, by_day = figure.subplots(1, 2, width_ratios=[1, 2])
        countries = orders_per_country(rows)
        by_country.bar(countries.index.astype(str), countries.to_numpy(), color="#bf0000")
        by_country.set_title(self._label("chart_country"))
        by_country.set_ylabel(self._label("chart_orders"))
        days = orders_per_day(rows)
        by_day.bar(days.index, days.to_numpy(), color="#1f6feb", width=0.8)
        by_day.set_title(self._label("chart_day"))
        by_day.tick_params(axis="x", labelrotation=45)
        figure.tight_layout()
        image = Image(data=figure_png(figure), format="png")  # type: ignore[no-untyped-call]
        self.charts.append_display_data(image)


def _html_object(markup: str) -> Any:
    from IPython.display import HTML

    return HTML(markup)  # type: ignore[no-untyped-call]

"""``MatchReport``: match order items to a catalogue and list every miss with its cause."""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets
import pandas as pd

from rakuten_assist.i18n import configured_lang
from rakuten_assist.notebook._html import frame_html, match_summary_html, notice_html
from rakuten_assist.notebook._widgets import MessageArea, shows_errors

if TYPE_CHECKING:
    from rakuten_assist.matching.report import MatchResult

__all__ = ["MatchReport", "uploaded_catalog"]

_DETECT = "(detect)"
_FIELD = {"description_width": "110px"}
_ACCEPT = ".csv,.tsv,.txt,.xlsx,.xlsm,.json,.jsonl,.ndjson,.parquet,.xml"


def uploaded_catalog(upload: Any) -> pd.DataFrame:
    """Load the catalogue file held by an ipywidgets ``FileUpload`` value (its first file).

    Raises:
        CatalogError: nothing uploaded, or a file ``load_catalog`` cannot use (with the fix).
    """
    from rakuten_assist.errors import CatalogError
    from rakuten_assist.i18n import Message
    from rakuten_assist.matching.catalog import load_catalog

    files = list(upload or ())
    if not files:
        raise CatalogError(
            Message("notebook.match_report.no_upload"),
            fix=Message("notebook.match_report.no_upload_fix"),
        )
    first = files[0]
    buffer = io.BytesIO(bytes(first["content"]))
    # load_catalog guesses the format from the file name when the bytes do not say it.
    buffer.name = str(first.get("name") or "upload")
    return load_catalog(buffer)


def _shown(misses: pd.DataFrame) -> pd.DataFrame:
    """The misses to show: their ``status`` is the SKU match status (said as such)."""
    return misses.rename(columns={"status": "match_status"})


class MatchReport(widgets.VBox):  # type: ignore[misc]  # ipywidgets is untyped
    """Orders against a catalogue: the match summary, the hints and the table of misses.

    A thin shell over ``rakuten_assist.matching.sku.match_skus``: the catalogue comes from a file
    upload or a path, the SKU and id column pickers list its columns. ``result`` holds the
    last ``MatchResult`` (plain pandas, usable without the widget).

    Args:
        orders: the orders frame (``load_orders``); not modified.
        catalog: a catalogue to load at once (path, or a ``load_catalog`` DataFrame).
        sku_column: the catalogue's SKU column (detected when None).
        id_column: the catalogue's internal product id column (detected when None).
        lang: the language of the labels ("en" or "fr"; ``notebook.toml``); by default the
            reader's (``RAKUTEN_ASSIST_LANG``, else the locale).
    """

    def __init__(
        self,
        orders: pd.DataFrame,
        catalog: str | os.PathLike[str] | pd.DataFrame | None = None,
        *,
        sku_column: str | None = None,
        id_column: str | None = None,
        lang: str | None = None,
    ) -> None:
        self.lang = configured_lang(lang)
        self._orders = orders
        self.catalog_frame: pd.DataFrame | None = None
        self.result: MatchResult | None = None
        self.upload = widgets.FileUpload(
            accept=_ACCEPT, multiple=False, description=self._label("upload")
        )
        self.path = widgets.Text(
            description=self._label("path"),
            placeholder=self._label("path_placeholder"),
            style=_FIELD,
            layout=widgets.Layout(width="520px"),
        )
        self.load_button = widgets.Button(description=self._label("load"), icon="folder-open")
        self.sku_column = widgets.Dropdown(
            options=[self._detect],
            value=_DETECT,
            description=self._label("sku_column"),
            style=_FIELD,
        )
        self.id_column = widgets.Dropdown(
            options=[self._detect],
            value=_DETECT,
            description=self._label("id_column"),
            style=_FIELD,
        )
        self.match_button = widgets.Button(
            description=self._label("match"),
            icon="link",
            button_style="primary",
            disabled=True,
        )
        self.catalog_info = widgets.HTML()
        self.summary = widgets.HTML()
        self.misses_count = widgets.HTML()
        self.misses_table = widgets.HTML(layout=widgets.Layout(max_height="420px", overflow="auto"))
        self.message = MessageArea(self.lang)
        super().__init__(
            children=[
                widgets.HBox([self.upload, self.path, self.load_button]),
                self.catalog_info,
                widgets.HBox([self.sku_column, self.id_column, self.match_button]),
                self.message,
                self.summary,
                self.misses_count,
                self.misses_table,
            ]
        )
        self.upload.observe(self._on_upload, names="value")
        self.load_button.on_click(self._on_load)
        self.match_button.on_click(self._on_match)
        self._filling = False
        self.sku_column.observe(self._on_column, names="value")
        self.id_column.observe(self._on_column, names="value")
        self._wanted = (sku_column, id_column)
        if catalog is not None:
            if isinstance(catalog, pd.DataFrame):
                self.set_catalog(catalog, "the given DataFrame")
            else:
                self.path.value = str(catalog)
                self.load_path()

    def _label(self, key: str, **values: object) -> str:
        from rakuten_assist.i18n import t

        return t(f"notebook.match_report.{key}", self.lang, **values)

    @property
    def _detect(self) -> tuple[str, str]:
        """The column pickers' "detect it" choice: a label in the language, a fixed value."""
        return (self._label("detect"), _DETECT)

    @property
    def misses(self) -> pd.DataFrame:
        """The items that did not match, with reason and suggestion (empty before a match)."""
        if self.result is None:
            return pd.DataFrame()
        return self.result.misses()

    def misses_view(self) -> Any:
        """The misses as a table showing every reason and fix whole, for a notebook cell.

        A DataFrame's own display cuts long text at 50 characters ("..."); the reason and
        the fix are the point of this table.
        """
        from IPython.display import HTML

        columns = ["item_id", "sku", "match_status", "reason", "suggestion"]
        return HTML(frame_html(_shown(self.misses), columns, lang=self.lang))  # type: ignore[no-untyped-call]

    @shows_errors
    def set_catalog(self, catalog: pd.DataFrame, origin: str) -> None:
        """Use this catalogue: fill the column pickers from its columns, then match."""
        self.catalog_frame = catalog
        names = [str(name) for name in catalog.columns]
        columns = [self._detect, *((name, name) for name in names)]
        sku, ids = self._wanted
        self._filling = True
        try:
            self.sku_column.options = columns
            self.id_column.options = columns
            self.sku_column.value = sku if sku in names else _DETECT
            self.id_column.value = ids if ids in names else _DETECT
        finally:
            self._filling = False
        self.match_button.disabled = False
        self.catalog_info.value = notice_html(
            self._label(
                "catalog_info", products=len(catalog), columns=len(catalog.columns), origin=origin
            ),
            "info",
        )
        self.match()

    @shows_errors
    def load_path(self) -> None:
        """Load the catalogue named in the path field."""
        from rakuten_assist.matching.catalog import load_catalog

        path = Path(self.path.value.strip()).expanduser()
        self.set_catalog(load_catalog(path), str(path))

    @shows_errors
    def match(self) -> MatchResult | None:
        """Run ``match_skus`` with the chosen columns and show the summary and the misses."""
        from rakuten_assist.matching.sku import match_skus

        if self.catalog_frame is None:
            self.message.show(self._label("no_catalog"), "info")
            return None
        self.message.clear()
        self.result = match_skus(
            self._orders,
            self.catalog_frame,
            sku_column=None if self.sku_column.value == _DETECT else self.sku_column.value,
            id_column=None if self.id_column.value == _DETECT else self.id_column.value,
            lang=self.lang,
        )
        self.summary.value = match_summary_html(self.result, self.lang)
        misses = self.result.misses()
        self.misses_count.value = (
            f"<b>{self._label('misses', misses=len(misses), items=len(self.result.rows))}</b>"
            f" {self._label('misses_hint')}"
        )
        self.misses_table.value = frame_html(_shown(misses), lang=self.lang)
        return self.result

    def _on_upload(self, change: Any) -> None:
        self._load_upload(change["new"])

    @shows_errors
    def _load_upload(self, value: Any) -> None:
        files = list(value or ())
        name = str(files[0].get("name")) if files else self._label("the_upload")
        self.set_catalog(uploaded_catalog(value), name)

    def _on_load(self, _button: Any) -> None:
        self.load_path()

    def _on_match(self, _button: Any) -> None:
        self.match()

    def _on_column(self, _change: Any) -> None:
        if not self._filling and self.catalog_frame is not None:
            self.match()

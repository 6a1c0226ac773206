"""``CarrierChecker``: "is my carrier supported?" with the same answer as ``carriers check``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import ipywidgets as widgets

from rakuten_assist.i18n import configured_lang
from rakuten_assist.notebook._html import carrier_check_html
from rakuten_assist.notebook._widgets import MessageArea, shows_errors

if TYPE_CHECKING:
    from rakuten_assist.carriers import CarrierCheck

__all__ = ["CarrierChecker"]

_FIELD = {"description_width": "90px"}


def _label(lang: str, key: str) -> str:
    from rakuten_assist.i18n import t

    return t(f"notebook.carrier_checker.{key}", "fr" if lang == "fr" else "en")


class CarrierChecker(widgets.VBox):  # type: ignore[misc]  # ipywidgets is untyped
    """Carrier text, optional tracking number, postcode and country, and the answer.

    A thin shell over ``rakuten_assist.carriers.check_carrier``: the answer (``result``) is
    exactly what ``rakuten-assist carriers check --json`` prints, shown as HTML with a
    clickable tracking link. Pressing Enter in a field or the button runs the check.

    Args:
        carrier: text to check at once (as the merchant wrote it).
        number: a tracking number to validate and build the link with.
        postcode: the buyer's delivery postcode (Mondial Relay, Colis Privé... need it).
        country: the delivery country, ISO alpha-2 (PostNL needs it).
        lang: the language of the labels ("en" or "fr"; ``notebook.toml``); by default the
            reader's (``RAKUTEN_ASSIST_LANG``, else the locale).
    """

    def __init__(
        self,
        carrier: str = "",
        *,
        number: str = "",
        postcode: str = "",
        country: str = "",
        lang: str | None = None,
    ) -> None:
        lang = self.lang = configured_lang(lang)
        self.carrier = widgets.Text(
            value=carrier,
            description=_label(lang, "carrier"),
            placeholder=_label(lang, "carrier_placeholder"),
            continuous_update=False,
            style=_FIELD,
            layout=widgets.Layout(width="460px"),
        )
        self.number = widgets.Text(
            value=number, description=_label(lang, "number"),
            placeholder=_label(lang, "optional"), style=_FIELD,
            continuous_update=False,
        )  # fmt: skip
        self.postcode = widgets.Text(
            value=postcode, description=_label(lang, "postcode"),
            placeholder=_label(lang, "optional"), style=_FIELD,
            continuous_update=False,
        )  # fmt: skip
        self.country = widgets.Text(
            value=country, description=_label(lang, "country"),
            placeholder=_label(lang, "country_placeholder"),
            style=_FIELD, continuous_update=False,
        )  # fmt: skip
        self.check_button = widgets.Button(
            description=_label(lang, "check"), icon="search", button_style="primary"
        )
        self.answer = widgets.HTML()
        self.message = MessageArea(self.lang)
        self.result: CarrierCheck | None = None
        super().__init__(
            children=[
                self.carrier,
                widgets.HBox([self.number, self.postcode, self.country]),
                self.check_button,
                self.message,
                self.answer,
            ]
        )
        self.check_button.on_click(self._on_click)
        for field in (self.carrier, self.number, self.postcode, self.country):
            field.observe(self._on_change, names="value")
        if carrier.strip():
            self.check()

    @shows_errors
    def check(self) -> CarrierCheck | None:
        """Run ``check_carrier`` on the fields and show its answer; returns it."""
        from rakuten_assist.carriers import check_carrier

        self.message.clear()
        text = self.carrier.value.strip()
        if not text:
            self.result = None
            self.answer.value = ""
            self.message.show(_label(self.lang, "type_carrier"), "info")
            return None
        self.result = check_carrier(
            text,
            self.number.value.strip() or None,
            self.postcode.value.strip() or None,
            self.country.value.strip() or None,
            message_lang=self.lang,
        )
        self.answer.value = carrier_check_html(self.result, self.lang)
        return self.result

    def to_dict(self) -> dict[str, Any] | None:
        """The last answer as the ``carriers check --json`` document (None before a check)."""
        return self.result.to_dict(self.lang) if self.result is not None else None

    def _on_click(self, _button: Any) -> None:
        self.check()

    def _on_change(self, _change: Any) -> None:
        if self.carrier.value.strip():
            self.check()

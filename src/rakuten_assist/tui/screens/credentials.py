"""The credentials form: login and masked token; an e-mail login is refused at once."""

from __future__ import annotations

from typing import ClassVar

from pydantic import SecretStr
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from rakuten_assist.config import Credentials, check_login, check_token
from rakuten_assist.errors import ConfigError
from rakuten_assist.tui.i18n import ui

__all__ = ["CredentialsScreen"]


class CredentialsScreen(ModalScreen[Credentials | None]):
    """Dismisses with valid ``Credentials``, or None when cancelled.

    Args:
        lang: "fr" or "en".
        demo_login, demo_token: the sandbox demo account, offered by a button when given.
    """

    # Its own rules, parsed when the screen first opens (not with the first frame).
    DEFAULT_CSS = """
    CredentialsScreen {
        align: center middle;
    }

    #credentials-form {
        width: 72;
        height: auto;
        padding: 1 2;
        border: thick $primary;
        background: $surface;
    }

    #credentials-title {
        margin-bottom: 1;
    }

    .form-error {
        color: $error;
        height: auto;
    }

    #credentials-buttons {
        height: auto;
        margin-top: 1;
    }

    #credentials-buttons Button {
        margin-right: 2;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(
        self, *, lang: str, demo_login: str | None = None, demo_token: str | None = None
    ) -> None:
        super().__init__()
        self.lang = lang
        self.demo_login = demo_login
        self._demo_token = SecretStr(demo_token) if demo_token else None

    def compose(self) -> ComposeResult:
        """Two fields, their explanations, the buttons."""
        lang = self.lang
        with Vertical(id="credentials-form"):
            yield Static(f"[b]{ui(lang, 'cred_title')}[/b]", id="credentials-title")
            yield Label(ui(lang, "cred_login"))
            yield Input(id="login-input", placeholder="ma-boutique")
            yield Static("", id="login-error", classes="form-error")
            yield Label(ui(lang, "cred_token"))
            yield Input(id="token-input", password=True)
            yield Static("", id="token-error", classes="form-error")
            with Horizontal(id="credentials-buttons"):
                yield Button(ui(lang, "cred_ok"), id="cred-ok", variant="primary", compact=True)
                if self.demo_login and self._demo_token is not None:
                    yield Button(ui(lang, "cred_demo"), id="cred-demo", compact=True)
                yield Button(ui(lang, "cred_cancel"), id="cred-cancel", compact=True)

    def on_mount(self) -> None:
        """Follow the app's cursor setting (no blink in screenshots)."""
        if not getattr(self.app, "cursor_blink", True):
            for field in self.query(Input):
                field.cursor_blink = False

    def on_input_changed(self, event: Input.Changed) -> None:
        """Explain an e-mail login as soon as it is typed, not after submitting."""
        if event.input.id == "login-input":
            self._login_error(event.value, quiet_when_empty=True)

    def _login_error(self, value: str, *, quiet_when_empty: bool = False) -> str | None:
        error = self.query_one("#login-error", Static)
        if quiet_when_empty and not value.strip():
            error.update("")
            return None
        try:
            login = check_login(value)
        except ConfigError as exc:
            error.update(" ".join(exc.render(self.lang)))
            return None
        error.update("")
        return login

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the login moves to the token; Enter in the token submits."""
        event.stop()
        if event.input.id == "login-input":
            self.query_one("#token-input", Input).focus()
        else:
            self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Submit, fill the demo account, or cancel."""
        event.stop()
        if event.button.id == "cred-ok":
            self._submit()
        elif event.button.id == "cred-demo" and self._demo_token is not None:
            self.query_one("#login-input", Input).value = self.demo_login or ""
            self.query_one("#token-input", Input).value = self._demo_token.get_secret_value()
            self._submit()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        """Close without changing the connection."""
        self.dismiss(None)

    def _submit(self) -> None:
        login = self._login_error(self.query_one("#login-input", Input).value)
        token_error = self.query_one("#token-error", Static)
        try:
            token = check_token(self.query_one("#token-input", Input).value)
        except ConfigError as exc:
            token_error.update(" ".join(exc.render(self.lang)))
            return
        token_error.update("")
        if login is not None:
            self.dismiss(Credentials(login=login, token=token))

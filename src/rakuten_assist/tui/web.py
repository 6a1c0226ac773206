"""``tui --web``: the same app served to a browser with textual-serve, loopback by default.

textual-serve starts one app process per browser tab (the command below, with Textual's web
driver) and relays the screen and the keys over a websocket; nothing of the app changes.
"""

from __future__ import annotations

import html
import ipaddress
import shlex
import socket
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from string import Template
from typing import Any

from rakuten_assist.tui.i18n import ui

__all__ = ["is_loopback", "page_template", "serve", "served_command"]

_PAGE = Path(__file__).with_name("web_page") / "app_index.html"


def is_loopback(host: str) -> bool:
    """True when only this computer can reach ``host`` (127.0.0.0/8, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def served_command(tui_args: Sequence[str]) -> str:
    """The shell command textual-serve runs for each browser tab: this interpreter's ``tui``."""
    return shlex.join([sys.executable, "-m", "rakuten_assist", "tui", *tui_args])


def page_template(lang: str) -> str:
    """The page of each browser tab, in ``lang``: our words filled in, textual-serve's
    ``{{ ... }}`` left for it to fill per request."""
    words = {
        "lang": "fr" if lang == "fr" else "en",
        "title": ui(lang, "web.title"),
        "ended": ui(lang, "web.ended"),
        "restart": ui(lang, "web.restart"),
    }
    return Template(_PAGE.read_text(encoding="utf-8")).substitute(
        {key: html.escape(value) for key, value in words.items()}
    )


def _check_free(host: str, port: int) -> None:
    """Raise OSError now when the address is taken: the server's start-up lines would
    otherwise announce a URL that then fails to open."""
    family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind((host, port))


def serve(
    tui_args: Sequence[str], *, host: str, port: int, lang: str, say: Callable[[str], None]
) -> None:
    """Serve the app at ``http://host:port`` until interrupted (Ctrl+C).

    Args:
        tui_args: the ``tui`` options each tab's app starts with (never the token: it
            travels in the environment, which the app process inherits).
        host, port: where to listen.
        lang: the language of the lines printed here.
        say: prints one line for the user.

    Raises:
        OSError: the address is taken or cannot be bound.
    """
    from textual_serve.server import Server

    _check_free(host, port)
    url = f"http://{host}:{port}"
    if ":" in host:  # an IPv6 address goes in brackets in a URL
        url = f"http://[{host}]:{port}"

    class _Server(Server):
        async def on_startup(self, app: Any) -> None:
            say(ui(lang, "web_serving", url=url))
            say(ui(lang, "web_loopback" if is_loopback(host) else "web_exposed", host=host))
            say(ui(lang, "web_stop"))

        def initialize_logging(self) -> None:
            # textual-serve logs each connection with a banner; our three lines say it all.
            return None

    with tempfile.TemporaryDirectory(prefix="rakuten-assist-web-") as pages:
        # textual-serve reads its page from a folder: ours, in the user's language (its own
        # is English, asks Google for a font, and has no title).
        Path(pages, "app_index.html").write_text(page_template(lang), encoding="utf-8")
        _Server(served_command(tui_args), host=host, port=port, title=ui(lang, "web.title"),
                public_url=url, templates_path=pages).serve()  # fmt: skip

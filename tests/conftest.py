"""Fixtures for every test: the shipment journal goes to a throw-away file, never ~/.local."""

from __future__ import annotations

import os
import socket
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest

# Derived files (checked-registry stamps, compiled catalogues) go to a throw-away directory,
# never the developer's ~/.cache; set before any test module loads a catalogue.
os.environ.setdefault("RAKUTEN_ASSIST_CACHE_DIR", tempfile.mkdtemp(prefix="rakuten-assist-"))


@pytest.fixture(autouse=True)
def _journal_in_tmp(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Each test writes its shipments to its own journal file."""
    path = tmp_path_factory.mktemp("journal") / "shipments.jsonl"
    monkeypatch.setenv("RAKUTEN_ASSIST_JOURNAL", str(path))
    return path


@pytest.fixture(autouse=True)
def _english_unless_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    """Commands speak English in tests unless a test asks for French (the locale may be fr)."""
    monkeypatch.setenv("RAKUTEN_ASSIST_LANG", "en")


def _english_chunks() -> list[str]:
    """Every run of three words or more that a message of the English catalogue writes itself
    (between its parameters), from the messages that another shipped language translates."""
    import re

    from rakuten_assist import i18n

    english, french = i18n.catalogue("en"), i18n.catalogue("fr")
    chunks: set[str] = set()
    for msg_id, text in english.items():
        if french.get(msg_id, text) == text:
            continue  # the same in both languages (a brand, a format, a placeholder)
        # Commands in backquotes are the same in every language: not sentences to look for.
        for piece in re.split(r"\{[^}]*\}|%\(\w+\)[sr]|%[sr]|`[^`]*`", text):
            words = piece.split()
            if len(words) >= 3:
                chunks.add(" ".join(words))
    return sorted(chunks)


@pytest.fixture(scope="session")
def english_leaks() -> Callable[[str], list[str]]:
    """A function that lists the English catalogue's sentences found in a text."""
    chunks = _english_chunks()

    def leaks(text: str) -> list[str]:
        flat = " ".join(text.split())
        return [chunk for chunk in chunks if chunk in flat]

    return leaks


@contextmanager
def _accepting(handle: Callable[[socket.socket], None]) -> Iterator[int]:
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.05)
    held: list[socket.socket] = []
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            held.append(connection)
            connection.settimeout(5)
            handle(connection)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join(timeout=5)
        listener.close()
        for connection in held:
            connection.close()


@pytest.fixture(scope="session")
def accepting() -> Callable[[Callable[[socket.socket], None]], AbstractContextManager[int]]:
    """A local listener on a free port (the context's value): a thread hands each connection
    to ``handle`` (a misbehaving server's script); every connection is closed at the end."""
    return _accepting

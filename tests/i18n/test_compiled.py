"""The compiled copies of the message catalogues: the same messages as the TOML files, and
never a stale one."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest

from rakuten_assist import i18n
from rakuten_assist.i18n import _compiled

_SHIPPED = Path(i18n.__file__).parent


def _flat(domain: str, path: Path) -> dict[str, str]:
    messages: dict[str, str] = {}

    def walk(prefix: str, table: dict[str, object]) -> None:
        for key, value in table.items():
            if isinstance(value, dict):
                walk(f"{prefix}.{key}", value)
            else:
                messages[f"{prefix}.{key}"] = str(value)

    walk(domain, tomllib.loads(path.read_text(encoding="utf-8")))
    return messages


@pytest.mark.parametrize(
    "path", sorted(_SHIPPED.glob("*/*.toml")), ids=lambda p: p.parent.name + "/" + p.name
)
def test_a_compiled_catalogue_says_what_its_file_says(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Parsed then read back from its compiled copy, every shipped file gives exactly its
    TOML messages."""
    monkeypatch.setenv("RAKUTEN_ASSIST_CACHE_DIR", str(tmp_path))
    content = path.read_bytes()
    first = _compiled(path.stem, content, str(path))
    assert len(list(tmp_path.glob("i18n-*.json"))) == 1
    again = _compiled(path.stem, content, str(path))
    assert first == again == _flat(path.stem, path)


def test_an_edited_catalogue_is_never_served_from_an_old_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A changed file gets a new compiled copy; a corrupt copy is parsed again, not trusted."""
    monkeypatch.setenv("RAKUTEN_ASSIST_CACHE_DIR", str(tmp_path / "cache"))
    before = _compiled("demo", b'hello = "Hello"\n', "demo.toml")
    after = _compiled("demo", b'hello = "Hello again"\n', "demo.toml")
    assert before == {"demo.hello": "Hello"}
    assert after == {"demo.hello": "Hello again"}
    for copy in (tmp_path / "cache").glob("i18n-*.json"):
        copy.write_text('{"demo.hello": 42}', encoding="utf-8")
    assert _compiled("demo", b'hello = "Hello"\n', "demo.toml") == {"demo.hello": "Hello"}


def test_a_read_only_cache_still_gives_the_messages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where the cache cannot be written, the file is parsed at every start, same messages."""
    blocked = tmp_path / "file"
    blocked.write_text("not a directory", encoding="utf-8")
    monkeypatch.setenv("RAKUTEN_ASSIST_CACHE_DIR", os.fspath(blocked / "cache"))
    assert _compiled("demo", b'a = "A"\n', "demo.toml") == {"demo.a": "A"}

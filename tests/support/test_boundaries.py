"""The support engine's boundaries: light imports, no UI, secrets never echoed."""

from __future__ import annotations

import subprocess
import sys

import pytest

from rakuten_assist.support import SupportEngine


def _modules_after(statement: str) -> set[str]:
    code = f"import sys; {statement}; print('\\n'.join(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    return set(out.split())


def test_support_imports_no_ui_and_no_http() -> None:
    """Answering a question loads neither httpx, pandas nor any front end."""
    loaded = _modules_after(
        "from rakuten_assist.support import SupportEngine; "
        "SupportEngine().answer('colissimo ?'); SupportEngine().answer('Quota exceeded.')"
    )
    for heavy in ("httpx", "pandas", "textual", "ipywidgets"):
        assert heavy not in loaded, heavy
    assert not any(name.startswith("rakuten_assist.cli") for name in loaded)
    assert not any(name.startswith("rakuten_assist.tui") for name in loaded)


def test_package_import_is_lazy() -> None:
    """Importing rakuten_assist.support alone loads none of its modules yet."""
    loaded = _modules_after("import rakuten_assist.support")
    assert "rakuten_assist.support.engine" not in loaded
    assert "rapidfuzz" not in loaded


@pytest.mark.parametrize(
    "question",
    [
        "mon token est 9f8e7d6c5b4a39281706 ça marche pas",
        "my api key: a1b2c3d4e5f60718293a is it right?",
        "token=9f8e7d6c5b4a39281706",
    ],
)
def test_a_pasted_token_is_never_echoed(question: str) -> None:
    """A secret pasted after 'token' is not taken for a tracking number nor repeated."""
    secret = question.split("token est ")[-1].split("key: ")[-1].split("=")[-1].split()[0]
    answer = SupportEngine().answer(question)
    assert answer.intent == "token_help"
    assert secret not in answer.text
    assert secret not in str(answer.facts)


def test_support_facts_have_one_home() -> None:
    """The developer page and the test-order words are defined once; no dead entity fields."""
    import dataclasses
    from pathlib import Path

    import rakuten_assist.support as support
    from rakuten_assist.support._entity_types import Entities

    sources = {p.name: p.read_text() for p in Path(support.__file__).parent.glob("*.py")}
    assert [name for name, text in sources.items() if "DEVELOPER_PAGE = " in text] == ["_texts.py"]
    assert not [name for name, text in sources.items() if "_TEST_WORDS" in text]
    assert not [name for name, text in sources.items() if "except ImportError" in text]
    assert "bare_postcode" not in {f.name for f in dataclasses.fields(Entities)}

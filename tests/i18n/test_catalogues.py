"""The message catalogues: every id in every shipped language, with the same parameters."""

from __future__ import annotations

import string
from pathlib import Path

import pytest

from rakuten_assist import i18n

SHIPPED = ("en", "fr")


def _params(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_shipped_languages_have_the_same_ids() -> None:
    """A message written in one shipped language exists in every other."""
    ids = {lang: set(i18n.catalogue(lang)) for lang in SHIPPED}
    for lang in SHIPPED:
        for other in SHIPPED:
            missing = sorted(ids[lang] - ids[other])
            assert not missing, f"in {lang} but not in {other}: {missing[:20]}"


def test_every_message_has_the_same_parameters_in_every_language() -> None:
    """A translation fills in exactly the parameters the English message has."""
    english = i18n.catalogue("en")
    for lang in SHIPPED:
        for msg_id, text in i18n.catalogue(lang).items():
            assert _params(text) == _params(english[msg_id]), msg_id


def test_a_language_is_new_files_with_english_for_what_it_lacks(tmp_path: Path) -> None:
    """A partial German catalogue in a new folder is used at once, English filling its gaps."""
    (tmp_path / "de").mkdir()
    (tmp_path / "de" / "common.toml").write_text('language_name = "Deutsch"\n', encoding="utf-8")
    (tmp_path / "de" / "extra.toml").write_text('[greeting]\nhello = "Hallo {name}"\n', "utf-8")
    try:
        i18n.add_catalogue_dir(tmp_path)
        assert "de" in i18n.languages()
        assert i18n.t("common.language_name", "de") == "Deutsch"
        assert i18n.t("extra.greeting.hello", "de", name="Ana") == "Hallo Ana"
        assert i18n.t("common.language_name", "xx") == "English"
    finally:
        i18n.remove_catalogue_dir(tmp_path)


def test_an_unknown_id_is_an_error() -> None:
    """A message id missing from every catalogue fails loudly instead of showing the id."""
    with pytest.raises(KeyError):
        i18n.t("common.no_such_message", "fr")

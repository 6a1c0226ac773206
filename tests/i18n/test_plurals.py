"""Counts are said in the right number: "1 account failed", "3 accounts failed", and in
French "0 article reçu" (French says 0 in the singular), never "account(s)"."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from rakuten_assist import i18n
from rakuten_assist.i18n import Message

SHIPPED = ("en", "fr")


@pytest.mark.parametrize(
    ("lang", "count", "said"),
    [
        ("en", 0, "0 accounts failed"),
        ("en", 1, "1 account failed"),
        ("en", 2, "2 accounts failed"),
        ("fr", 0, "0 compte en échec"),
        ("fr", 1, "1 compte en échec"),
        ("fr", 2, "2 comptes en échec"),
        ("fr", "1\u202f234", "1\u202f234 comptes en échec"),
        ("en", 2082, "2,082 accounts failed"),
        ("fr", 2082, "2\u00a0082 comptes en échec"),
    ],
)
def test_a_count_takes_the_number_its_language_gives_it(
    lang: str, count: object, said: str
) -> None:
    """English says 0 in the plural, French in the singular; a count is written with the
    language's thousands mark, and one already written with a separator is still a count."""
    assert Message("fleet.orders.failed_header", {"count": count}).render(lang).startswith(said)


def test_a_sentence_agrees_with_its_count_not_only_its_noun() -> None:
    """The verb and the participle follow the count too ("1 article reçu ... est conservé")."""
    one = Message("errors.api.kept_items", {"cause": "X.", "count": 1}).render("fr")
    many = Message("errors.api.kept_items", {"cause": "X.", "count": 7}).render("fr")
    assert one.endswith("1 article reçu avant l'échec est conservé.")
    assert many.endswith("7 articles reçus avant l'échec sont conservés.")


def test_no_message_says_a_count_with_a_parenthesised_plural() -> None:
    """'{count} item(s)' is the shortcut plural fields replace, in every shipped language."""
    shortcut = re.compile(r"\{\w+\}[^{}.;:]{0,40}(?<!http)\((s|x)\)")
    for lang in SHIPPED:
        for msg_id, text in i18n.catalogue(lang).items():
            assert not shortcut.search(text), (lang, msg_id, text)


def test_every_plural_field_has_a_singular_and_a_plural_form() -> None:
    """Two forms each (the shipped languages have two), neither empty: a missing '|' would
    show the singular for every count."""
    for lang in SHIPPED:
        for msg_id, text in i18n.catalogue(lang).items():
            for _, name, spec, _ in string.Formatter().parse(text):
                if spec and spec.startswith("plural:"):
                    forms = spec[len("plural:") :].split("|")
                    assert len(forms) == 2, (lang, msg_id, name, spec)
                    assert all(forms), (lang, msg_id, name, spec)


def test_a_new_language_states_its_singular_counts_in_its_own_files(tmp_path: Path) -> None:
    """A pseudo-locale whose singular is only 1 (as German) uses plural fields from its own
    files; without ``common.plural_one`` it takes English's rule."""
    (tmp_path / "de").mkdir()
    (tmp_path / "de" / "extra.toml").write_text(
        '[x]\nfailed = "{n:plural:# Konto fehlgeschlagen|# Konten fehlgeschlagen}"\n', "utf-8"
    )
    try:
        i18n.add_catalogue_dir(tmp_path)
        said = [i18n.t("extra.x.failed", "de", n=n) for n in (0, 1, 2)]
    finally:
        i18n.remove_catalogue_dir(tmp_path)
    assert said == ["0 Konten fehlgeschlagen", "1 Konto fehlgeschlagen", "2 Konten fehlgeschlagen"]

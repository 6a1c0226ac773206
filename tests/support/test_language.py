"""French users never read English: answers come from the catalogue of their language."""

from __future__ import annotations

import json
from pathlib import Path

from rakuten_assist import i18n
from rakuten_assist.support import Conversation, SupportEngine

ROWS = json.loads(Path(__file__).with_name("questions.json").read_text("utf-8"))["questions"]


def _english_only_sentences() -> list[str]:
    """Every English message of the support domains that its French version does not share."""
    english, french = i18n.catalogue("en"), i18n.catalogue("fr")
    found: list[str] = []
    for msg_id, text in english.items():
        if not msg_id.startswith(("support.", "error_help.")) or french.get(msg_id) == text:
            continue
        # the longest piece between parameters: a fixed part of the sentence
        pieces = [p.strip() for p in text.replace("}", "{").split("{")[::2]]
        longest = max(pieces, key=len)
        if len(longest) >= 25:
            found.append(longest)
    return found


def test_french_answers_hold_no_english_sentence() -> None:
    """No French answer to a tuned French question holds a sentence of the English catalogue."""
    english = _english_only_sentences()
    assert len(english) > 50
    engine = SupportEngine()
    for row in ROWS:
        if row["lang"] != "fr":
            continue
        answer = engine.answer(row["q"])
        if answer.lang != "fr":
            continue
        leaked = [sentence for sentence in english if sentence in answer.text]
        assert not leaked, (row["q"], leaked)


def test_french_heppner_link_says_the_true_reason() -> None:
    """A French Heppner link question gets the real reason (no tracking page), in French."""
    answer = SupportEngine().answer("lien de suivi heppner 87654321")
    assert answer.lang == "fr"
    assert "ne correspond pas" not in answer.text
    assert "page de suivi" in answer.text
    assert answer.facts["problem"] == "no_tracking_page"


def test_a_french_question_quoting_english_is_answered_in_french() -> None:
    """Quoted English (a menu label, an error text) does not switch the answer to English."""
    engine = SupportEngine()
    assert engine.answer("où je trouve « My developer information » ?").lang == "fr"
    assert engine.answer('j\'ai le message "Unknown user or password." que faire ?').lang == "fr"


def test_a_partial_german_catalogue_answers_in_german_with_english_fallback(
    tmp_path: Path,
) -> None:
    """German as new files only: its messages are used, the missing ones fall back to English."""
    (tmp_path / "de").mkdir()
    (tmp_path / "de" / "support.toml").write_text(
        '[token]\ntext = "Das Token steht in Ihrem Verkäuferkonto: **{page}**."\n'
        '[greeting]\nthanks = "Gern geschehen!"\n',
        encoding="utf-8",
    )
    try:
        i18n.add_catalogue_dir(tmp_path)
        engine = SupportEngine(lang="de")
        token = engine.answer("where is the token?")
        assert token.lang == "de"
        assert token.text.startswith("Das Token steht in Ihrem Verkäuferkonto")
        assert "Mes informations développeur" in token.text
        assert engine.answer("thanks").text == "Gern geschehen!"
        # not translated yet: the English message, never a missing id
        login = engine.answer("what is the login?", Conversation())
        assert login.text == SupportEngine(lang="en").answer("what is the login?").text
    finally:
        i18n.remove_catalogue_dir(tmp_path)

"""The answer renderer: plain text a merchant can read, and Markdown."""

from __future__ import annotations

import re

import pytest

from rakuten_assist.support import SupportEngine
from rakuten_assist.support._answer import Answer
from rakuten_assist.support.render import plain_text, render

LONG_URL = (
    "https://www.mondialrelay.fr/suivi-de-colis/?numeroExpedition=12345678900102000750111238"
    "&codePostal=75011"
)


def test_plain_text_removes_every_markdown_mark() -> None:
    """Bold, emphasis, code spans, headings and star bullets leave no syntax behind."""
    text = plain_text(
        "# Carriers\n**Colissimo**: *yes*, send `Colissimo`.\n* one\n* two\n__strong__ word"
    )
    assert text == "Carriers\nColissimo: yes, send Colissimo.\n- one\n- two\nstrong word"
    assert not re.search(r"[*`#]|__", text)


def test_plain_text_keeps_links_whole() -> None:
    """A Markdown link becomes its label and the whole URL; a bare URL is left untouched."""
    text = plain_text(f"See [the tracking page]({LONG_URL}) or {LONG_URL}")
    assert text == f"See the tracking page: {LONG_URL} or {LONG_URL}"


def test_plain_text_keeps_underscores_and_stars_inside_urls() -> None:
    """Underscores and stars that belong to a URL or an identifier are not emphasis."""
    url = "https://example.com/track_parcel/?id=A_1_B*2*"
    assert plain_text(f"Open {url} for `track_id`") == f"Open {url} for track_id"


def test_plain_text_autolink_and_same_label() -> None:
    """``<url>`` and ``[url](url)`` print the URL once."""
    assert plain_text(f"<{LONG_URL}> [{LONG_URL}]({LONG_URL})") == f"{LONG_URL} {LONG_URL}"


def test_plain_text_keeps_code_blocks_verbatim() -> None:
    """A fenced block loses its fences but keeps its content, stars and all."""
    assert plain_text("Paste:\n```\n**raw** `x`\n```\nDone.") == "Paste:\n**raw** `x`\nDone."


def test_plain_text_unescapes_markdown_escapes() -> None:
    """An escaped star prints as a star."""
    assert plain_text(r"2 \* 3 = 6") == "2 * 3 = 6"


def test_render_markdown_is_the_answer_text() -> None:
    """The Markdown rendering is the engine's own text, unchanged."""
    answer = SupportEngine().answer("is Mondial Relay supported?")
    assert render(answer, "markdown") == answer.text.strip()
    assert "**" in answer.text


def test_render_text_of_a_real_answer_has_no_markdown_and_whole_links() -> None:
    """A real carrier answer forwarded as text keeps its links and loses its syntax."""
    answer = SupportEngine().answer("is Mondial Relay supported?")
    text = render(answer, "text")
    urls = re.findall(r"https?://\S+", answer.text)
    assert urls
    for url in urls:
        assert url in text
    assert "**" not in text
    assert "`" not in text


def test_render_joins_every_part_in_order() -> None:
    """A multi-question answer renders each part, in order, separated by a blank line."""
    first = Answer(intent="login_help", lang="en", text="**Login** first")
    second = Answer(intent="token_help", lang="en", text="`Token` second")
    whole = first.model_copy(update={"parts": [first, second]})
    assert render(whole, "text") == "Login first\n\nToken second"
    assert render(whole, "markdown") == "**Login** first\n\n`Token` second"


def test_render_refuses_an_unknown_format() -> None:
    """Only text and markdown exist."""
    with pytest.raises(ValueError, match="text, markdown"):
        render(Answer(intent="greeting", lang="en", text="hi"), "html")  # type: ignore[arg-type]

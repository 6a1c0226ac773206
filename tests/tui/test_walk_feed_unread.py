"""The walkthrough stops at the catalogue step when the feed cannot be read: it says what
failed and how to fix it, and waits for the path again (or `skip`) instead of going on to
the carriers with the SKU mapping unchecked."""

from __future__ import annotations

from pathlib import Path

import pytest

from rakuten_assist.sandbox import DEMO_CATALOGUE, running_sandbox
from rakuten_assist.support.checks import iter_checks
from rakuten_assist.tui.walkthrough import Checklist, Prompt, Step, Walkthrough


def _run(walkthrough: Walkthrough, prompt: Prompt) -> Prompt:
    """Run the checks a prompt asks for, as the app's worker does, and finish the step."""
    assert prompt.run is not None
    for result in iter_checks(prompt.run):
        walkthrough.record(result, prompt.scope)
    return walkthrough.checks_finished()


@pytest.mark.parametrize(
    ("lang", "unread", "fix", "carriers_step"),
    [
        ("en", "could not be read", "save it again", "Step 5/5"),
        ("fr", "n'a pas pu être lu", "enregistrez-le de nouveau", "Étape 5/5"),
    ],
)
def test_an_unreadable_feed_keeps_the_catalogue_step_until_a_readable_one(
    tmp_path: Path, lang: str, unread: str, fix: str, carriers_step: str
) -> None:
    """A broken .xlsx: the step stays, the prompt says the feed was not read with the fix and
    asks for the path again; the demo feed then moves on to the carriers."""
    broken = tmp_path / "feed.xlsx"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")  # an image renamed, not a workbook
    with running_sandbox(seed=42, sales=5) as sandbox:
        walkthrough = Walkthrough(Checklist(), lang=lang, base_url=sandbox.base_url)
        walkthrough.start()
        walkthrough.submit(sandbox.login)
        _run(walkthrough, walkthrough.submit(sandbox.token))
        assert walkthrough.step is Step.CATALOG
        stopped = _run(walkthrough, walkthrough.submit(str(broken)))
        assert walkthrough.step is Step.CATALOG
        assert stopped.error
        assert unread in stopped.text
        assert fix in stopped.text.replace("*", "")
        assert carriers_step not in stopped.text
        assert walkthrough.is_side_question(str(DEMO_CATALOGUE)) is False
        moved_on = _run(walkthrough, walkthrough.submit(str(DEMO_CATALOGUE)))
    assert walkthrough.step is Step.CARRIERS
    assert carriers_step in moved_on.text
    assert not moved_on.error


def test_a_feed_read_with_unmatched_skus_still_moves_on(tmp_path: Path) -> None:
    """Unmatched SKUs are a finding, not a failure to read: the walkthrough goes on."""
    feed = tmp_path / "feed.csv"
    feed.write_text("sku,id\nNOT-SOLD,1\n", encoding="utf-8")
    with running_sandbox(seed=42, sales=5) as sandbox:
        walkthrough = Walkthrough(Checklist(), base_url=sandbox.base_url)
        walkthrough.start()
        walkthrough.submit(sandbox.login)
        _run(walkthrough, walkthrough.submit(sandbox.token))
        prompt = _run(walkthrough, walkthrough.submit(str(feed)))
    sku = walkthrough.checklist.get("sku_mapping")
    assert sku is not None
    assert sku.ok is False
    assert walkthrough.step is Step.CARRIERS
    assert "Step 5/5" in prompt.text

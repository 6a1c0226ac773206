"""SetupChecklist built headless: the doctor checks with their fixes, the token never shown."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from rakuten_assist.notebook import SetupChecklist
from rakuten_assist.notebook.checklist import checklist_report, demo_sandbox
from rakuten_assist.sandbox.server import DEMO_TOKEN
from rakuten_assist.support.checks import CheckResult, SetupRequest, run_checks

pytestmark = pytest.mark.integration


def test_token_field_is_a_password() -> None:
    """The token is typed into a masked Password widget."""
    checklist = SetupChecklist()
    assert type(checklist.token).__name__ == "Password"


def test_email_login_fails_with_its_fix() -> None:
    """An e-mail as login shows a failed check whose fix names the account name."""
    checklist = SetupChecklist("merchant@example.org")
    checklist.run_button.click()
    login = next(result for result in checklist.results if result.id == "login")
    assert login.ok is False
    assert login.fix
    assert login.fix in checklist.report.value
    assert "✘" in checklist.output.value


def test_sandbox_button_fills_the_demo_account_and_checks_pass() -> None:
    """The sandbox button fills login, token and URL; the remote checks then pass."""
    checklist = SetupChecklist()
    checklist.sandbox_button.click()
    assert checklist.login.value == "demo-boutique"
    assert checklist.base_url.value.startswith("http://127.0.0.1:")
    checklist.carriers.value = "Colissimo"
    results = checklist.run()
    by_id = {result.id: result for result in results}
    assert by_id["credentials"].ok is True
    assert by_id["professional_rights"].ok is True
    assert by_id["open_orders"].ok is True
    assert "sandbox" in checklist.mode.value


def test_results_match_run_checks_and_hide_the_token() -> None:
    """The widget shows exactly run_checks' results, and the token is in no output."""
    checklist = SetupChecklist()
    checklist.use_sandbox()
    shown = checklist.run()
    expected = run_checks(checklist.request())
    assert [(r.id, r.ok) for r in shown] == [(r.id, r.ok) for r in expected]
    for text in (checklist.output.value, checklist.report.value, checklist.progress.value):
        assert DEMO_TOKEN not in text


def _widget_states(checklist: SetupChecklist) -> str:
    return json.dumps([child.get_state() for child in (checklist, *checklist.children)])


def test_sandbox_token_stays_out_of_the_widget_state() -> None:
    """After the sandbox button, the demo token is in no synced widget state, only a placeholder."""
    checklist = SetupChecklist()
    checklist.sandbox_button.click()
    assert checklist.token.value == ""
    assert "sandbox" in checklist.token.placeholder
    assert DEMO_TOKEN not in _widget_states(checklist)
    checklist.run()
    assert DEMO_TOKEN not in _widget_states(checklist)


def test_typed_token_is_used_then_cleared_from_the_widget_state() -> None:
    """A typed token passes the checks and is gone from the Password state once used, even twice."""
    box = demo_sandbox()
    checklist = SetupChecklist(box.login, base_url=box.base_url)
    checklist.token.value = box.token
    by_id = {result.id: result for result in checklist.run()}
    assert by_id["credentials"].ok is True
    assert DEMO_TOKEN not in json.dumps(checklist.token.get_state())
    assert checklist.token.value == ""
    again = {result.id: result for result in checklist.run()}
    assert again["credentials"].ok is True


def test_each_result_appears_as_it_arrives() -> None:
    """The output is updated after every check, not only at the end."""
    seen: list[str] = []
    checklist: SetupChecklist

    def slow_checks(request: SetupRequest) -> Iterator[CheckResult]:
        for number in range(3):
            seen.append(checklist.output.value)
            yield CheckResult(id=f"c{number}", title=f"Check {number}", ok=True, detail="fine")

    checklist = SetupChecklist("demo", checks=slow_checks)
    checklist.run()
    assert "Check 0" in seen[1]
    assert "Check 1" in seen[2]


def test_a_crashing_check_is_shown_not_swallowed() -> None:
    """An exception from the checks shows in the widget with its type, and the button recovers."""

    def broken(request: SetupRequest) -> Iterator[CheckResult]:
        raise RuntimeError("the doctor fell over")
        yield  # pragma: no cover

    checklist = SetupChecklist("demo", checks=broken)
    checklist.run_button.click()
    assert isinstance(checklist.message.last_error, RuntimeError)
    assert "the doctor fell over" in checklist.message.value
    assert not checklist.run_button.disabled


def test_report_counts_and_lists_fixes() -> None:
    """The ticket summary counts passes and failures and gives each failure its fix."""
    results = [
        CheckResult(id="a", title="A", ok=True, detail="good", fix="nothing"),
        CheckResult(id="b", title="B", ok=False, detail="bad", fix="do this"),
        CheckResult(id="c", title="C", ok=None, detail="skipped"),
    ]
    report = checklist_report(results)
    assert report.splitlines()[0] == "Rakuten setup checks: 1 passed, 1 failed, 3 in all."
    assert "Fix: do this" in report
    assert "Fix: nothing" not in report


def test_labels_follow_the_language_dropdown() -> None:
    """Choosing Français relabels every field and button, and the ticket summary is French."""
    from rakuten_assist.notebook.checklist import SetupChecklist

    checklist = SetupChecklist()
    assert checklist.run_button.description == "Run the checks"
    checklist.lang.value = "fr"
    assert checklist.login.description == "Identifiant"
    assert checklist.run_button.description == "Lancer les vérifications"
    assert checklist.carriers.placeholder.startswith("facultatif")
    assert checklist_report([], "fr").startswith("Vérifications de la configuration Rakuten")

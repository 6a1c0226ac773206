"""The app driven with Pilot as a person would: keys in, what is on screen and in state out."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pydantic import SecretStr
from textual.widgets import Static

from rakuten_assist.config import Credentials
from rakuten_assist.sandbox import Sandbox
from rakuten_assist.tui.app import Connection, SupportApp
from rakuten_assist.tui.widgets.carriers import CarrierBrowser
from rakuten_assist.tui.widgets.chat import AssistantMessage, QuickReplies
from rakuten_assist.tui.widgets.history_input import HistoryInput

SIZE = (140, 40)
CANARY = "CANARY-TOKEN-7f3a9c1e"

pytestmark = pytest.mark.integration


def _answers(app: SupportApp) -> list[str]:
    return [entry.text for entry in app.transcript if entry.role == "assistant"]


async def _ask(pilot: Any, wait_for: Any, text: str) -> str:
    app: SupportApp = pilot.app
    before = len(_answers(app))
    await pilot.click("#ask")
    app.query_one("#ask", HistoryInput).value = text
    await pilot.press("enter")
    await wait_for(pilot, lambda: len(_answers(app)) > before)
    return _answers(app)[-1]


async def test_supported_carrier_answer_names_colissimo_and_a_laposte_link(
    sandbox: Sandbox, make_app: Callable[..., SupportApp], wait_for: Any
) -> None:
    """ "is Colissimo supported?" gets a yes with a laposte.fr tracking link, rendered."""
    app = make_app(Connection.for_sandbox(sandbox))
    async with app.run_test(size=SIZE) as pilot:
        answer = await _ask(pilot, wait_for, "is Colissimo supported?")
        assert "Colissimo" in answer
        assert "https://www.laposte.fr/" in answer
        assert "**yes**" in answer
        assert len(app.query(AssistantMessage)) == 2  # welcome + answer
        assert app.query_one(QuickReplies).replies  # suggestions under the latest answer
        assert app.latencies  # the answer reached the screen


async def test_quick_replies_are_sent_by_click_and_by_keyboard(
    make_app: Callable[..., SupportApp], wait_for: Any
) -> None:
    """A quick reply clicked, or focused and Enter pressed, is sent as if typed."""
    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: bool(app.query("Footer")))  # the layout is final
        await pilot.pause()
        await pilot.click("#reply-1")  # the welcome's "is Colissimo supported?"
        await wait_for(pilot, lambda: len(_answers(app)) == 2)
        assert "https://www.laposte.fr/" in _answers(app)[-1]
        first = app.query_one(QuickReplies).replies[0]
        app.query_one("#reply-0").focus()
        await pilot.press("enter")
        await wait_for(pilot, lambda: len(_answers(app)) == 3)
        assert [e.text for e in app.transcript if e.role == "user"][-1] == first.text


async def test_unsupported_carrier_gets_a_clear_no(
    make_app: Callable[..., SupportApp], wait_for: Any
) -> None:
    """Amazon Logistics is answered with a clear no and the reason, not a made-up link."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        answer = await _ask(pilot, wait_for, "is Amazon Logistics supported?")
        assert "Amazon Logistics" in answer
        assert "**no**" in answer
        assert "https://" not in answer


async def test_unsupported_carrier_answer_offers_alternatives(
    make_app: Callable[..., SupportApp], wait_for: Any
) -> None:
    """The no for Amazon Logistics names carriers the merchant can use instead."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        answer = await _ask(pilot, wait_for, "is Amazon Logistics supported?")
        assert any(name in answer for name in ("Colissimo", "Chronopost", "Mondial Relay"))


async def test_pasted_rakuten_error_is_explained_with_its_fix(
    make_app: Callable[..., SupportApp], wait_for: Any
) -> None:
    """A pasted "Unknown user or password." names the cause and says where to copy the token."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        answer = await _ask(pilot, wait_for, "Unknown user or password.")
        assert "Fix" in answer
        assert "Mon compte > Mes informations développeur" in answer


async def test_french_question_switches_the_interface_to_french(
    make_app: Callable[..., SupportApp], wait_for: Any
) -> None:
    """A French question gets a French answer and French tab labels."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        answer = await _ask(pilot, wait_for, "Colissimo est-il accepté ?")
        assert "**oui**" in answer
        await pilot.pause()
        assert app.lang == "fr"
        assert str(app.query_one("#side").get_tab("checklist").label) == "Vérifications"


async def test_walkthrough_on_the_sandbox_from_email_to_summary(
    sandbox: Sandbox, make_app: Callable[..., SupportApp], wait_for: Any
) -> None:
    """F2, an e-mail refused, the demo login, masked token, checks, a side question, summary."""
    app = make_app(Connection.for_sandbox(sandbox))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        await wait_for(pilot, lambda: "Step 1/5" in _answers(app)[-1])
        refusal = await _ask(pilot, wait_for, "boutique@example.com")
        assert "not the e-mail" in refusal or "user banner" in refusal
        await _ask(pilot, wait_for, sandbox.login)
        ask = app.query_one("#ask", HistoryInput)
        assert ask.password  # the token is masked on screen
        await _ask(pilot, wait_for, sandbox.token)
        assert sandbox.token not in "".join(entry.text for entry in app.transcript)
        assert sandbox.token not in ask.history
        await wait_for(pilot, lambda: "Step 4/5" in _answers(app)[-1])
        results = {item.id: item.ok for item in app.checks}
        assert results["credentials"] is True
        assert results["professional_rights"] is True
        assert results["open_orders"] is True
        assert not ask.password
        assert "Step 4/5" in ask.placeholder
        side = await _ask(pilot, wait_for, "is DPD supported?")
        assert "DPD" in side
        assert "No file" not in side
        assert app.walkthrough.step.value == "catalog"
        assert "Step 4/5" in str(app.query(AssistantMessage).last().note)
        await _ask(pilot, wait_for, "skip")
        await _ask(pilot, wait_for, "Colissimo, Mondial Relay")
        await wait_for(pilot, lambda: "Next step" in _answers(app)[-1])
        results = {item.id: item.ok for item in app.checks}
        assert results["carrier:colissimo"] is True
        assert results["carrier:mondial-relay"] is True
        summary = _answers(app)[-1]
        assert "test order" in summary
        assert "Never ship it" in summary


async def test_quota_error_mid_walkthrough_shows_a_notice_with_its_fix(
    sandbox: Sandbox, make_app: Callable[..., SupportApp], wait_for: Any
) -> None:
    """Rakuten's quota error during the live checks becomes a notice with the fix; no crash."""
    app = make_app(Connection.for_sandbox(sandbox))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        await _ask(pilot, wait_for, sandbox.login)
        sandbox.faults.fail_next("getnewsales", kind="quota")
        await _ask(pilot, wait_for, app.walkthrough.demo_token_label)
        await wait_for(pilot, lambda: bool(app.notices))
        await wait_for(pilot, lambda: "Step 4/5" in _answers(app)[-1])
        assert "hour" in app.notices[0]  # the quota fix: wait for the next hour
        assert app.query_one("#checklist-list").option_count >= 3
        assert app.is_running


async def test_order_lookup_failure_is_a_notice_with_its_fix(
    sandbox: Sandbox, make_app: Callable[..., SupportApp], wait_for: Any
) -> None:
    """A quota error inside the lookup worker becomes a notice with its fix; the app runs on."""
    app = make_app(Connection.for_sandbox(sandbox))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f4")
        sandbox.faults.fail_next("getnewsales", kind="quota")
        app.query_one("#order-input").value = sandbox.state.sales[0].purchase_id
        await pilot.press("enter")
        await wait_for(pilot, lambda: bool(app.notices))
        assert "Fix: " in app.notices[-1]
        assert "hour" in app.notices[-1]
        assert "hour" in (app.query_one("#order-result").source or "")
        assert app.is_running


async def test_order_lookup_shows_status_and_what_blocks_shipping(
    sandbox: Sandbox, make_app: Callable[..., SupportApp], wait_for: Any
) -> None:
    """A purchase id shows each item with its status in words and what stops it being
    shipped."""
    app = make_app(Connection.for_sandbox(sandbox))
    purchase = next(s for s in sandbox.state.sales if s.items[0].status == "TO_CONFIRM")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f4")
        app.query_one("#order-input").value = purchase.purchase_id
        await pilot.click("#order-button")
        result = app.query_one("#order-result")
        item_id = purchase.items[0].item_id
        await wait_for(pilot, lambda: item_id in (result.source or ""))
        assert "(to confirm, buyer country" in (result.source or "")  # the status in words
        assert "TO_CONFIRM" not in (result.source or "")
        assert "accept it first" in (result.source or "")
        assert not app.notices


async def test_history_walks_back_with_up_and_forward_with_down(
    make_app: Callable[..., SupportApp], wait_for: Any
) -> None:
    """Up shows the previous question, down returns to the empty draft."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _ask(pilot, wait_for, "is Colissimo supported?")
        await _ask(pilot, wait_for, "hello")
        await pilot.press("up")
        assert app.query_one("#ask", HistoryInput).value == "hello"
        await pilot.press("up")
        assert app.query_one("#ask", HistoryInput).value == "is Colissimo supported?"
        await pilot.press("down", "down")
        assert app.query_one("#ask", HistoryInput).value == ""


async def test_credentials_form_refuses_an_email_at_once_and_masks_the_token(
    make_app: Callable[..., SupportApp],
) -> None:
    """Typing an e-mail in the login field explains the account name before submitting."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        screen = app.screen
        await pilot.click("#login-input")
        await pilot.press(*"shop@example.com")
        await pilot.pause()
        assert "user banner" in str(screen.query_one("#login-error").render())
        assert screen.query_one("#token-input").password
        await pilot.press("escape")
        assert app.connection.credentials is None


async def test_header_shows_sandbox_or_the_account_name(
    sandbox: Sandbox, make_app: Callable[..., SupportApp]
) -> None:
    """SANDBOX on the sandbox; the account name with real credentials."""
    async with make_app(Connection.for_sandbox(sandbox)).run_test(size=SIZE) as pilot:
        assert "SANDBOX" in pilot.app.sub_title
    account = Credentials(login="ma-boutique", token=SecretStr(CANARY))
    app = make_app(Connection(base_url="http://127.0.0.1:9", credentials=account))
    async with app.run_test(size=SIZE) as pilot:
        assert "ma-boutique" in pilot.app.sub_title
        assert "SANDBOX" not in pilot.app.sub_title


async def test_exported_report_never_contains_the_token(
    make_app: Callable[..., SupportApp], wait_for: Any
) -> None:
    """Ctrl+S writes the conversation and checklist; a pasted canary token is masked."""
    account = Credentials(login="ma-boutique", token=SecretStr(CANARY))
    app = make_app(Connection(base_url="http://127.0.0.1:9", credentials=account))
    async with app.run_test(size=SIZE) as pilot:
        await _ask(pilot, wait_for, f"my token {CANARY} gives Unknown user or password.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.last_report is not None
        text = app.last_report.read_text(encoding="utf-8")
        assert CANARY not in text
        assert "Unknown user or password." in text
        assert app.clipboard == text


async def test_command_palette_lists_the_main_actions(make_app: Callable[..., SupportApp]) -> None:
    """Ctrl+P offers the walkthrough, carrier check, order lookup, export and language."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"walkthrough")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert app.walkthrough.active


async def test_language_key_switches_the_footer_and_tabs(
    make_app: Callable[..., SupportApp],
) -> None:
    """F6 puts the interface in French: tab labels and key descriptions."""
    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f6")
        await pilot.pause()
        assert app.lang == "fr"
        assert str(app.query_one("#side").get_tab("carriers").label) == "Transporteurs"
        assert app.screen.active_bindings["f2"].binding.description == "Configuration"
        assert app.screen.active_bindings["ctrl+s"].binding.description == "Exporter"


async def test_order_lookup_matches_skus_against_the_walkthrough_catalogue(
    sandbox: Sandbox, make_app: Callable[..., SupportApp], wait_for: Any, tmp_path: Path
) -> None:
    """After the walkthrough read a feed, a lookup says whether each item's SKU matches it."""
    line = next(
        item
        for sale in sandbox.state.sales
        for item in sale.items
        if item.product.sku.strip() and item.status == "ACCEPTED"
    )
    feed = tmp_path / "feed.csv"
    feed.write_text(f"id;sku\nP-1;{line.product.sku}\n", encoding="utf-8")
    app = make_app(Connection.for_sandbox(sandbox))
    app.walkthrough.catalog = feed
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f4")
        app.query_one("#order-input").value = line.item_id
        await pilot.press("enter")
        result = app.query_one("#order-result")
        await wait_for(pilot, lambda: "**matched**" in (result.source or ""))
        assert f"SKU `{line.product.sku}`" in (result.source or "")


async def test_engine_failure_on_an_order_question_is_a_notice_and_an_answer_with_the_fix(
    sandbox: Sandbox, make_app: Callable[..., SupportApp], wait_for: Any
) -> None:
    """When Rakuten refuses the engine's call (quota), the chat says why and how to fix it."""
    from rakuten_assist.api import RakutenClient
    from rakuten_assist.config import Settings
    from rakuten_assist.support import SupportEngine

    purchase_id = sandbox.state.sales[0].purchase_id
    with RakutenClient(sandbox.credentials, settings=Settings(base_url=sandbox.base_url)) as c:
        app = make_app(Connection.for_sandbox(sandbox), engine=SupportEngine(client=c))
        sandbox.faults.fail_next("getnewsales", kind="quota")
        async with app.run_test(size=SIZE) as pilot:
            answer = await _ask(pilot, wait_for, f"where is order {purchase_id}?")
            assert app.notices
            assert "hour" in answer  # the quota's fix, in the conversation too
            assert app.is_running


async def test_walkthrough_signs_the_app_in_with_the_accepted_account(
    sandbox: Sandbox, make_app: Callable[..., SupportApp], wait_for: Any
) -> None:
    """Started without an account, the app uses the login Rakuten accepted in the walkthrough."""
    app = make_app(Connection(base_url=sandbox.base_url))
    async with app.run_test(size=SIZE) as pilot:
        assert "F5" in app.sub_title
        await pilot.press("f2")
        await _ask(pilot, wait_for, sandbox.login)
        await _ask(pilot, wait_for, sandbox.token)
        await wait_for(pilot, lambda: "Step 4/5" in _answers(app)[-1])
        assert app.connection.credentials is not None
        assert app.connection.credentials.login == sandbox.login
        assert sandbox.login in app.sub_title


async def test_signing_in_does_not_wait_for_a_question_in_flight(
    make_app: Callable[..., SupportApp], wait_for: Any
) -> None:
    """Signing in returns at once while a slow engine answers; the swap takes the new engine."""
    import threading
    import time

    from rakuten_assist.support import SupportEngine

    release = threading.Event()
    entered = threading.Event()

    class SlowEngine(SupportEngine):
        def answer(self, question: str, conversation: Any = None, **kwargs: Any) -> Any:
            entered.set()
            release.wait(5)
            return super().answer(question, conversation, **kwargs)

    fresh = SupportEngine()
    app = make_app(engine=SlowEngine(), engine_factory=lambda connection: fresh)
    async with app.run_test(size=SIZE) as pilot:
        app.query_one("#ask", HistoryInput).value = "is Colissimo supported?"
        await pilot.press("enter")
        await wait_for(pilot, entered.is_set)
        begin = time.perf_counter()
        app.use_credentials(Credentials(login="ma-boutique", token=SecretStr(CANARY)))
        spent = time.perf_counter() - begin
        release.set()
        assert spent < 1.0
        assert app.engine is fresh
        await wait_for(pilot, lambda: len(_answers(app)) >= 2)
        assert "Colissimo" in _answers(app)[-1]


async def test_a_token_pasted_in_the_chat_is_masked_in_the_report(
    make_app: Callable[..., SupportApp], wait_for: Any
) -> None:
    """A token the app never knew, pasted in a question, is not in the Ctrl+S report."""
    pasted = "9f8e7d6c5b4a39281706f5e4d3c2b1a0"
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _ask(pilot, wait_for, f"la clé {pasted} ne marche pas")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.last_report is not None
        text = app.last_report.read_text(encoding="utf-8")
        assert pasted not in text
        assert "ne marche pas" in text


async def test_an_unexpected_error_quoting_the_token_is_scrubbed_in_the_chat(
    make_app: Callable[..., SupportApp], wait_for: Any
) -> None:
    """A crash whose text holds the token shows in the chat and the notice without it."""

    class LeakyEngine:
        def answer(self, question: str, conversation: Any = None) -> Any:
            raise RuntimeError(f"GET /sales_ws?login=a&pwd={CANARY} and token {CANARY}")

    account = Credentials(login="ma-boutique", token=SecretStr(CANARY))
    app = make_app(
        Connection(base_url="http://127.0.0.1:9", credentials=account), engine=LeakyEngine()
    )
    async with app.run_test(size=SIZE) as pilot:
        answer = await _ask(pilot, wait_for, "is Colissimo supported?")
        assert "RuntimeError" in answer
        assert CANARY not in answer
        assert all(CANARY not in notice for notice in app.notices)


async def test_language_key_makes_a_bare_carrier_question_answer_in_french(
    make_app: Callable[..., SupportApp], wait_for: Any
) -> None:
    """After F6 to French, "Chronopost ?" (no language clue) is answered in French."""
    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f6")
        answer = await _ask(pilot, wait_for, "Chronopost ?")
        assert "Transporteurs" in answer
        assert app.conversation.lang == "fr"


async def test_cancel_at_the_token_step_returns_the_chat_to_the_bot(
    sandbox: Sandbox, make_app: Callable[..., SupportApp], wait_for: Any
) -> None:
    """Typing "annuler" at the token step leaves the walkthrough; the next question is answered."""
    app = make_app(Connection.for_sandbox(sandbox))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        await _ask(pilot, wait_for, sandbox.login)
        assert app.query_one("#ask", HistoryInput).password
        await _ask(pilot, wait_for, "annuler")
        assert not app.walkthrough.active
        assert not app.query_one("#ask", HistoryInput).password
        answer = await _ask(pilot, wait_for, "is Colissimo supported?")
        assert "Colissimo" in answer


async def test_a_side_question_at_the_token_step_is_shown_without_anything_token_shaped(
    sandbox: Sandbox, make_app: Callable[..., SupportApp], wait_for: Any, screen_text: Any
) -> None:
    """A question typed in the masked token field is answered and shown, its token-shaped
    words masked on screen and in the transcript; the step still waits for the token."""
    pasted = "0123456789abcdef0123456789abcdef"
    app = make_app(Connection.for_sandbox(sandbox))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        await _ask(pilot, wait_for, sandbox.login)
        assert app.query_one("#ask", HistoryInput).password
        await _ask(pilot, wait_for, f"is {pasted} a valid token for Colissimo?")
        assert app.walkthrough.masked
        asked = [entry.text for entry in app.transcript if entry.role == "user"][-1]
        assert pasted not in asked
        assert asked.startswith("is ")
        assert asked.endswith(" a valid token for Colissimo?")
        assert pasted not in screen_text(app)
        assert "a valid token for Colissimo?" in screen_text(app)


async def test_order_lookup_refetches_open_orders_once_a_minute_at_most(
    sandbox: Sandbox,
    make_app: Callable[..., SupportApp],
    wait_for: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Lookups within a minute reuse the open orders; after a minute they are fetched again."""
    import rakuten_assist.api

    fetches: list[object] = []
    real_fetch = rakuten_assist.api.fetch_open_orders

    def counting_fetch(*args: Any, **kwargs: Any) -> Any:
        fetches.append(args)
        return real_fetch(*args, **kwargs)

    monkeypatch.setattr(rakuten_assist.api, "fetch_open_orders", counting_fetch)
    now = [1000.0]
    app = make_app(Connection.for_sandbox(sandbox))
    app.clock = lambda: now[0]
    purchase_id = sandbox.state.sales[0].purchase_id

    async def look_up() -> None:
        result = app.query_one("#order-result")
        result.update("")
        app.query_one("#order-input").value = purchase_id
        await pilot.press("enter")
        await wait_for(pilot, lambda: purchase_id in (result.source or ""))

    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f4")
        await look_up()
        now[0] += 30
        await look_up()
        assert len(fetches) == 1
        now[0] += 31
        await look_up()
        assert len(fetches) == 2


async def test_french_carrier_browser_gives_a_refused_carriers_reason_in_french(
    make_app: Callable[..., SupportApp],
) -> None:
    """In French, the carrier browser explains why Heppner has no link in French."""
    app = make_app(lang="fr")
    async with app.run_test(size=SIZE) as pilot:
        browser = app.query_one(CarrierBrowser)
        assert browser.select("heppner") is not None
        await pilot.pause()
        detail = str(app.query_one("#carrier-detail", Static).render())
        assert "récépissé à 8 chiffres" in detail
        assert "receipt number" not in detail


async def test_an_app_built_without_an_account_says_so_in_french_when_orders_are_needed(
    make_app: Callable[..., SupportApp], wait_for: Any
) -> None:
    """SupportApp() from Python, with no connection: a lookup that reaches the order fetch
    gives a French notice that no account is connected and that F5 connects one."""
    app = make_app(lang="fr")
    async with app.run_test(size=(120, 40)) as pilot:
        app._lookup_order("7120000001", "fr")
        await wait_for(pilot, lambda: bool(app._notifications))
        shown = " ".join(str(notice.message) for notice in app._notifications)
        assert "Aucun compte Rakuten n'est connecté." in shown
        assert "F5" in shown
        assert "No Rakuten account" not in shown

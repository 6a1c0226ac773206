"""A question naming Rakuten's lists of open sales gets what each list holds, not the setup
checklist."""

from __future__ import annotations

from rakuten_assist.support import SupportEngine


def test_an_order_missing_from_getnewsales_is_told_where_accepted_sales_go() -> None:
    """'pourquoi ma commande n'apparaît pas dans getnewsales ?' says accepted sales are in
    getcurrentsales, on every page."""
    answer = SupportEngine().answer("pourquoi ma commande n'apparaît pas dans getnewsales ?")
    assert answer.lang == "fr"
    assert "Une vente acceptée quitte `getnewsales`" in answer.text
    assert "getcurrentsales" in answer.text
    assert "Identifiant :" not in answer.text


def test_a_setup_question_keeps_the_checklist() -> None:
    """'comment configurer la connexion rakuten ?' still gets the numbered checklist."""
    answer = SupportEngine().answer("comment configurer la connexion rakuten ?")
    assert answer.intent == "setup_walkthrough"
    assert "1. Identifiant" in answer.text

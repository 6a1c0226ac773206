"""filter_orders never answers a misspelt filter with 0 rows: it reads case, or says why."""

from __future__ import annotations

import pandas as pd
import pytest

from rakuten_assist.errors import InvalidFilterError
from rakuten_assist.notebook.views import filter_orders


@pytest.fixture
def frame() -> pd.DataFrame:
    """Three items: two French, one Belgian."""
    return pd.DataFrame(
        {
            "item_id": ["1", "2", "3"],
            "status": ["ACCEPTED", "REQUESTED", "ACCEPTED"],
            "country": ["FR", "FR", "BE"],
            "source": ["current", "new", "current"],
        }
    )


def test_a_country_name_says_which_code_to_use(frame: pd.DataFrame) -> None:
    """countries=["France"] names the code FR instead of returning no row."""
    with pytest.raises(ValueError, match="'France' → 'FR'"):
        filter_orders(frame, countries=["France"])


def test_country_codes_and_statuses_are_read_in_any_case(frame: pd.DataFrame) -> None:
    """countries=["fr"] and statuses=["accepted"] keep the rows a person meant."""
    kept = filter_orders(frame, countries=["fr"], statuses=["accepted"])
    assert list(kept["item_id"]) == ["1"]


def test_an_unknown_status_or_source_is_an_error(frame: pd.DataFrame) -> None:
    """A status Rakuten never sends, or a source other than new/current, says so."""
    with pytest.raises(ValueError, match="Unknown item status"):
        filter_orders(frame, statuses=["SHIPPPED"])
    with pytest.raises(ValueError, match="use current, new"):
        filter_orders(frame, sources=["old"])


@pytest.mark.parametrize(
    ("filters", "french"),
    [
        ({"sources": ["old"]}, "Source inconnue ['old'] : utilisez current, new."),
        ({"sources": ["old", "past"]}, "Sources inconnues ['old', 'past'] : utilisez"),
        ({"statuses": ["SHIPPPED"]}, "Statut d'article inconnu ['SHIPPPED'] : ceux de Rakuten"),
        ({"match_statuses": ["bof"]}, "Statut de rapprochement inconnu ['bof'] : utilisez"),
    ],
)
def test_a_filter_error_reads_as_french_in_french(
    frame: pd.DataFrame, filters: dict[str, list[str]], french: str
) -> None:
    """The French message names what was wrong in French, in the number of the values given,
    with no English word ("source(s)", "match status(es)") carried in."""
    with pytest.raises(InvalidFilterError) as info:
        filter_orders(frame, **filters)  # type: ignore[arg-type]
    message, _ = info.value.render("fr")
    assert message.startswith(french)

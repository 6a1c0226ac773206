"""The orders command: output problems are caught before fetching, with exit 2 and a fix."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from rakuten_assist.cli import main
from rakuten_assist.sandbox import running_sandbox

pytestmark = pytest.mark.integration


@pytest.mark.parametrize(
    ("output", "message"),
    [
        ("missing-folder/orders.csv", "does not exist"),
        (".", "is a directory"),
    ],
)
def test_bad_output_path_fails_before_any_request(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], output: str, message: str
) -> None:
    """A -o that cannot be written exits 2 with its fix, and Rakuten is never called."""
    with running_sandbox() as sb:
        code = main(
            ["orders", "--login", sb.login, "--token", sb.token, "--base-url", sb.base_url,
             "--format", "csv", "-o", str(tmp_path / output)]
        )  # fmt: skip
        assert sb.state.count_requests() == 0
    assert code == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Fix:" in err


def test_parquet_to_stdout_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    """Parquet needs a file: exit 2 before any request."""
    assert main(["orders", "--sandbox", "--format", "parquet"]) == 2
    assert "-o orders.parquet" in capsys.readouterr().err


def test_status_filter_and_new_first(capsys: pytest.CaptureFixture[str]) -> None:
    """--status new keeps only the items of sales awaiting acceptance."""
    assert main(["orders", "--sandbox", "--status", "new", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows
    assert {row["source"] for row in rows} == {"new"}
    assert all(row["needs_acceptance"] == "True" for row in rows if row["status"] != "ON_HOLD")

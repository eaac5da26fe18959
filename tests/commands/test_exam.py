"""`studyapp exam` sets, lists and clears exam dates, with plain messages for bad input."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from studyapp.cli import main
from tests.locations import DECK_FIXTURES

DECK = str(DECK_FIXTURES / "good" / "complete.yaml")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["exam", *argv, "--decks", DECK])
    out, err = capsys.readouterr()
    return code, out, err


def test_an_exam_is_set_listed_moved_and_cleared(capsys: pytest.CaptureFixture[str]):
    """The exam shows in the list with its countdown and readiness until it is cleared."""
    day = date.today() + timedelta(days=30)
    code, out, _ = run(capsys, "set", "example-pharmacology", "--on", day.isoformat())
    assert code == 0
    assert f"{day.isoformat()}  exam in " in out and "ready 0% (0 of 5 cards studied)" in out
    later = day + timedelta(days=10)
    code, out, _ = run(capsys, "set", "ketamine pharmacology", "--on", later.isoformat())
    assert later.isoformat() in out and day.isoformat() not in out  # by title; moved
    code, out, _ = run(capsys, "clear")
    assert code == 0 and "cleared 1 exam date" in out and "no exam dates set" in out


def test_unknown_decks_and_bad_dates_get_one_line_errors(capsys: pytest.CaptureFixture[str]):
    """A wrong deck name lists the decks; a wrong date is a usage error, never a traceback."""
    code, _, err = run(capsys, "set", "nope", "--on", "2099-01-15")
    assert (
        code == 1 and err.strip() == "studyapp: error: no deck 'nope' (decks: example-pharmacology)"
    )
    code, _, err = run(capsys, "set", "example-pharmacology", "--on", "2000-01-15")
    assert code == 1 and "has to be after today" in err
    with pytest.raises(SystemExit) as exit_info:
        run(capsys, "set", "example-pharmacology", "--on", "15/01/2099")
    assert exit_info.value.code == 2
    assert "is not a date; write it as YYYY-MM-DD" in capsys.readouterr().err

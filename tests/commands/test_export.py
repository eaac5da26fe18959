"""`studyapp export` writes .apkg or CSV/TSV, and refuses decks with errors."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from studyapp.cli import main
from studyapp.decks.load import load_decks
from tests.locations import DECK_FIXTURES, SHIPPED_DECKS


def test_export_to_apkg_says_what_it_wrote(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The shipped decks become one package; the line names decks, notes and images."""
    out = tmp_path / "shipped.apkg"
    assert main(["export", str(SHIPPED_DECKS), "--to", str(out)]) == 0
    line = capsys.readouterr().out
    notes = sum(len(d.cards) for d in load_decks([SHIPPED_DECKS]).decks)  # one per card
    assert line.startswith(f"wrote {out}: 6 decks as ") and f"{notes} notes, 0 images" in line
    assert zipfile.is_zipfile(out)


def test_export_to_tsv_writes_a_row_a_card(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A TSV export says how many cards it wrote."""
    out = tmp_path / "cards.tsv"
    assert main(["export", str(DECK_FIXTURES / "good" / "complete.yaml"), "--to", str(out)]) == 0
    assert capsys.readouterr().out.strip() == f"wrote {out}: 5 cards from 1 deck"
    assert out.read_text(encoding="utf-8").startswith("#separator:tab\n")


def test_decks_with_errors_are_not_exported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A deck with an error prints the error and writes nothing (exit 1)."""
    out = tmp_path / "bad.apkg"
    code = main(["export", str(DECK_FIXTURES / "bad" / "unknown_key.yaml"), "--to", str(out)])
    printed = capsys.readouterr().out
    assert code == 1 and "nothing exported" in printed and not out.exists()


def test_an_unknown_format_is_bad_usage(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Asking for a .pdf is exit 2 with the formats named."""
    assert main(["export", "--to", str(tmp_path / "x.pdf")]) == 2
    assert "write .apkg, .csv or .tsv" in capsys.readouterr().out

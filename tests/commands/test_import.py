"""`studyapp import` writes decks and brings a package's history into the progress."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyapp import paths
from studyapp.cli import main
from studyapp.store.database import Store
from tests.exchange.anki_packages import HISTORY, build_package


def test_a_package_with_history_imports_into_the_data_folder(
    tmp_path: Path, isolated_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without --out the decks go to the student's own decks; the history to the progress."""
    built = build_package(tmp_path / "anki", "colpkg")
    assert main(["import", str(built.path)]) == 0
    printed = capsys.readouterr().out.splitlines()
    folder = paths.imported_decks_dir(isolated_data_dir)
    assert printed[0].startswith(f"wrote 1 deck to {folder}: 4 cards, 1 image")
    assert (
        printed[1]
        == f"history: {len(HISTORY)} answers of 1 card added to your progress, 1 card suspended"
    )
    with Store.open(paths.database_path(isolated_data_dir)) as store:
        assert len(store.reviews(f"anki-{built.basic_guid}")) == len(HISTORY)


def test_a_refused_file_is_one_line_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A text file named .apkg gets `studyapp: error: ...` and no traceback."""
    fake = tmp_path / "deck.apkg"
    fake.write_text("not a zip", encoding="utf-8")
    assert main(["import", str(fake), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert err == "studyapp: error: deck.apkg is not an Anki package (not a zip file)\n"
    assert not (tmp_path / "out").exists()


def test_a_csv_file_imports_to_the_folder_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A CSV becomes a deck named after the file in --out."""
    source = tmp_path / "words.csv"
    source.write_text("front,back\nchat,cat\n", encoding="utf-8")
    assert main(["import", str(source), "--out", str(tmp_path / "out")]) == 0
    assert capsys.readouterr().out.strip() == f"wrote {tmp_path / 'out' / 'words.yaml'}: 1 card"


def test_cards_the_library_already_has_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Importing an export of the shipped decks next to them says the cards are there."""
    from tests.locations import SHIPPED_DECKS

    package = tmp_path / "shipped.apkg"
    assert main(["export", str(SHIPPED_DECKS), "--to", str(package)]) == 0
    capsys.readouterr()
    code = main(["import", str(package), "--decks", str(SHIPPED_DECKS)])
    assert code == 1
    assert "is already in your library" in capsys.readouterr().err

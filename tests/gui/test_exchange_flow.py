"""File › Import… and File › Export…: Anki packages and CSV in and out of the app."""

from __future__ import annotations

import csv
import zipfile

import pytest
from PySide6.QtGui import QImage

from studyapp import paths
from studyapp.decks.load import load_decks
from tests.gui.test_app import answer_next_dialog

anki_packages = pytest.importorskip("tests.exchange.anki_packages")


def wait(qtbot, window, task) -> None:
    """Wait until the flow's task finished and its outcome reached the GUI thread."""
    assert task is not None
    qtbot.waitUntil(lambda: not window.exchange.busy(), timeout=20_000)
    qtbot.wait(50)


def test_an_anki_package_with_history_appears_in_the_library(
    qtbot, make_window, isolated_data_dir, tmp_path
):
    """The imported deck is listed and selected, its answered card has its FSRS state."""
    built = anki_packages.build_package(tmp_path / "anki", "colpkg")
    window = make_window()
    wait(qtbot, window, window.exchange.import_file(built.path))
    assert window.library.selected_deck_id() == "cardiology"
    card_id = f"anki-{built.basic_guid}"
    state = window.store.card_state(card_id)
    assert state is not None
    assert state.stability == pytest.approx(built.anki_memory["s"], rel=1e-4)
    assert "History: 6 answers of 1 card." in window.statusBar().currentMessage()
    new = window.store.new_card_ids(["cardiology"])
    assert card_id not in new and len(new) == 2  # the two cloze cards; the typed one is suspended
    folder = paths.imported_decks_dir(isolated_data_dir)
    assert (folder / "cardiology.yaml").is_file() and (folder / "media").is_dir()


def test_the_imported_image_shows_in_the_quiz(qtbot, make_window, tmp_path):
    """The imported card's picture is drawn on the card, read from the deck's media folder."""
    built = anki_packages.build_package(tmp_path / "anki", "apkg")
    window = make_window()
    wait(qtbot, window, window.exchange.import_file(built.path))
    deck = window.deck_by_id("cardiology")
    card = next(c for c in deck.cards if c.id == f"anki-{built.basic_guid}")
    window.start_quiz([deck], section=card.section, cram=True)
    quiz = window.quiz
    for _ in range(5):
        if quiz.card is not None and quiz.card.id == card.id:
            break
        quiz.reveal()
        quiz.rate(quiz.proposed)
    assert quiz.card is not None and quiz.card.id == card.id
    assert 'src="data:image/png;base64,' in quiz.card_view.question.text()


def test_a_refused_package_is_explained_and_nothing_is_written(
    qtbot, make_window, isolated_data_dir, tmp_path
):
    """A package whose media climbs out gets a warning with the reason; no file appears."""
    built = anki_packages.build_package(tmp_path / "anki", "apkg", legacy=True)
    evil = tmp_path / "evil.apkg"
    with zipfile.ZipFile(built.path) as old, zipfile.ZipFile(evil, "w") as new:
        for info in old.infolist():
            data = b'{"0": "../../evil.png"}' if info.filename == "media" else old.read(info)
            new.writestr(info, data)
    window = make_window()
    seen: list[str] = []
    answer_next_dialog("OK", seen)
    wait(qtbot, window, window.exchange.import_file(evil))
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert "not a plain file name" in seen[0]
    assert not paths.imported_decks_dir(isolated_data_dir).exists()


def test_export_writes_the_selected_deck_as_apkg_and_csv(qtbot, make_window, tmp_path):
    """Export gives an Anki package of the selected deck, and CSV with a row a card."""
    window = make_window()
    deck = window.decks[0]
    window.library.select_deck(deck.id)
    wait(qtbot, window, window.exchange.export(tmp_path / "out.apkg"))
    message = window.statusBar().currentMessage()
    assert message.startswith(f"Exported 1 deck to out.apkg: {len(deck.cards)} notes")
    with zipfile.ZipFile(tmp_path / "out.apkg") as archive:
        assert "collection.anki2" in archive.namelist()
    wait(qtbot, window, window.exchange.export(tmp_path / "out.csv"))
    lines = (tmp_path / "out.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    rows = list(csv.reader([line for line in lines if not line.startswith("#")]))
    assert len(rows) == len(deck.cards)


def test_the_example_deck_draws_its_image_and_formula(qtbot, make_window, tmp_path):
    """The reader shows the example's picture and typeset formula, not their source."""
    from tests.locations import ROOT

    example = ROOT / "docs" / "examples"
    assert load_decks([example]).errors == []
    window = make_window(decks=[example])
    window.open_reader("example-images-and-math", "heart")
    view = window.reader.view
    image = view.loadResource(2, "images/heart.png")
    assert isinstance(image, QImage) and image.width() > 100
    for refused in ("../README.md", "https://example.com/x.png", "/etc/hostname"):
        assert view.loadResource(2, refused).width() <= 1  # a blank pixel: nothing was read
    window.open_reader("example-images-and-math", "kinetics")
    assert "$$" not in window.reader.view.toPlainText()
    formula = view.loadResource(2, "studyapp-formula:0")
    assert isinstance(formula, QImage) and formula.width() > 20

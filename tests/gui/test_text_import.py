"""File › Make decks from a text…: the student's own outline becomes decks in their library."""

from __future__ import annotations

import shutil
from pathlib import Path

from studyapp import paths
from studyapp.gui.app import build_main_window
from studyapp.review_types import Rating
from tests.gui.test_app import answer_next_dialog
from tests.locations import OUTLINE_FIXTURES, SOURCES

OUTLINES = OUTLINE_FIXTURES
NOTES = OUTLINES / "pharmacology_notes.md"


def import_and_wait(qtbot, window, source: Path) -> None:
    """Start an import as the menu does, and wait until it has finished."""
    window.import_text(source)
    qtbot.waitUntil(lambda: not window.text_importer.is_running(), timeout=10_000)
    qtbot.wait(50)  # the outcome signal is delivered on the GUI thread


def test_a_text_becomes_decks_in_the_library(qtbot, make_window, isolated_data_dir):
    """The new decks appear in the library, the first selected and in view, with a summary."""
    window = make_window(decks=[paths.shipped_decks_dir()])  # enough decks to need scrolling
    before = [row.deck_id for row in window.library.rows]
    import_and_wait(qtbot, window, NOTES)
    ids = [row.deck_id for row in window.library.rows]
    made = [i for i in ids if i not in before]
    assert made and all(i.startswith("pharmacology-") for i in made)
    assert window.library.selected_deck_id() == made[0]
    row = next(r for r in window.library.rows if r.deck_id == made[0])
    qtbot.waitUntil(lambda: row.visibleRegion().boundingRect().height() == row.height())
    assert window.statusBar().currentMessage().startswith(f"Made {len(made)} decks with ")
    folder = paths.imported_decks_dir(isolated_data_dir)
    assert sorted(p.stem for p in folder.glob("*.yaml")) == sorted(made)
    assert window.problems == []


def test_imported_decks_are_there_after_a_restart(qtbot, make_window, deck_dir, isolated_data_dir):
    """The next start shows the imported decks with the others."""
    window = make_window()
    import_and_wait(qtbot, window, NOTES)
    expected = [row.deck_id for row in window.library.rows]
    window.close()
    window.store.close()
    library = paths.library_paths([str(deck_dir)], isolated_data_dir)
    again = build_main_window(library, isolated_data_dir)
    qtbot.addWidget(again)
    try:
        assert [row.deck_id for row in again.library.rows] == expected
    finally:
        again.store.close()


def test_making_decks_again_from_an_edited_text_keeps_progress(qtbot, make_window, clock, tmp_path):
    """A card answered before the text is imported again keeps its schedule."""
    source = tmp_path / "pharmacology_notes.md"
    shutil.copy(NOTES, source)
    window = make_window()
    import_and_wait(qtbot, window, source)
    deck = window.deck_by_id("pharmacology-01-pharmacokinetics")
    card = deck.cards[0]
    state, entry = window.scheduler.review(card.id, None, Rating.GOOD, clock())
    window.store.record_review(state, entry)
    source.write_text(source.read_text(encoding="utf-8") + "\nA closing remark for the end.\n")
    import_and_wait(qtbot, window, source)
    assert window.store.card_states([card.id])[card.id] == state
    assert window.deck_by_id("pharmacology-01-pharmacokinetics") is not None


def test_a_text_that_cannot_be_used_is_explained_and_nothing_changes(qtbot, make_window, tmp_path):
    """A binary file gives a warning naming the file and the reason; the library is unchanged."""
    bad = tmp_path / "scan.txt"
    bad.write_bytes(b"\x00\x01\x02 not text \x00")
    window = make_window()
    before = [row.deck_id for row in window.library.rows]
    seen: list[str] = []
    answer_next_dialog("OK", seen)
    import_and_wait(qtbot, window, bad)
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert "scan.txt" in seen[0] and "binary" in seen[0]
    assert [row.deck_id for row in window.library.rows] == before


def test_decks_already_in_the_library_are_refused(qtbot, make_window, isolated_data_dir):
    """Making decks whose ids the library already has says so and writes nothing."""
    window = make_window(decks=[paths.shipped_decks_dir()])
    shipped_source = SOURCES
    seen: list[str] = []
    answer_next_dialog("OK", seen)
    import_and_wait(qtbot, window, shipped_source / "ketamine-therapeutic-uses.txt")
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert "already in the library" in seen[0] and "Nothing was written" in seen[0]
    assert not paths.imported_decks_dir(isolated_data_dir).exists()


def test_no_decks_are_made_in_a_read_only_session(qtbot, make_window, isolated_data_dir):
    """When progress cannot be saved, making decks is refused with a status note."""
    from studyapp.store.database import Store

    Store.open(paths.database_path(isolated_data_dir)).close()
    window = make_window(read_only=True)
    window.import_text(NOTES)
    assert "Read-only" in window.statusBar().currentMessage()
    assert not paths.imported_decks_dir(isolated_data_dir).exists()

"""Deck files saved by an editor are noticed, even when the editor replaces the file."""

from __future__ import annotations

import os

from studyapp.decks.load import load_decks
from studyapp.gui.deck_watcher import DeckFileWatcher, deck_files, merge_reload


def test_deck_files_lists_yaml_files_in_folders_and_single_files(deck_dir, tmp_path):
    """Folders give their .yaml/.yml files in name order; a named file is taken as is."""
    extra = tmp_path / "extra.yml"
    extra.write_text("format: 1\n", encoding="utf-8")
    (deck_dir / "notes.txt").write_text("not a deck", encoding="utf-8")
    assert [p.name for p in deck_files([deck_dir, extra])] == [
        "ketamine-anesthesia.yaml",
        "ketamine-depression.yaml",
        "extra.yml",
    ]


def test_saving_in_place_is_noticed_once(qtbot, deck_dir):
    """Several quick writes to one file give one change notice."""
    watcher = DeckFileWatcher([deck_dir], delay_ms=50)
    path = deck_dir / "ketamine-depression.yaml"
    with qtbot.waitSignal(watcher.decks_changed, timeout=3000):
        for _ in range(3):
            path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    with qtbot.assertNotEmitted(watcher.decks_changed, wait=200):
        pass


def test_a_file_replaced_by_rename_is_still_watched(qtbot, deck_dir):
    """An editor that writes a temp file and renames it over the deck is noticed, twice."""
    watcher = DeckFileWatcher([deck_dir], delay_ms=50)
    path = deck_dir / "ketamine-anesthesia.yaml"

    def replace() -> None:
        temp = deck_dir / ".ketamine-anesthesia.yaml.tmp"
        temp.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        os.replace(temp, path)

    with qtbot.waitSignal(watcher.decks_changed, timeout=3000):
        replace()
    watcher.rewatch()
    assert str(path) in watcher.watched()
    with qtbot.waitSignal(watcher.decks_changed, timeout=3000):
        replace()


def test_a_broken_file_keeps_its_last_good_deck(deck_dir):
    """After a bad save the deck stays (old version) and its errors are listed."""
    before = load_decks([deck_dir])
    path = deck_dir / "ketamine-depression.yaml"
    path.write_text("format: 1\nid: [unclosed\n", encoding="utf-8")
    decks, problems = merge_reload(before.decks, load_decks([deck_dir]))
    assert sorted(d.id for d in decks) == ["ketamine-anesthesia", "ketamine-depression"]
    assert problems and all(line.startswith(str(path)) for line in problems)
    kept = next(d for d in decks if d.id == "ketamine-depression")
    assert kept == next(d for d in before.decks if d.id == "ketamine-depression")


def test_a_fixed_file_replaces_the_kept_deck(deck_dir):
    """Once the file loads again, its new version is shown and no error is left."""
    before = load_decks([deck_dir])
    path = deck_dir / "ketamine-depression.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "title: Ketamine for depression", "title: Ketamine and mood"
        ),
        encoding="utf-8",
    )
    decks, problems = merge_reload(before.decks, load_decks([deck_dir]))
    assert problems == []
    assert {d.title for d in decks} == {"Ketamine in anesthesia", "Ketamine and mood"}


def test_a_stopped_watcher_reports_no_more_changes(qtbot, deck_dir):
    """After its window closes, a file saved (or the folder removed) reloads nothing: the
    store behind the window is closed by then."""
    watcher = DeckFileWatcher([deck_dir], delay_ms=50)
    path = deck_dir / "ketamine-depression.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # pending
    watcher.stop()
    assert watcher.watched() == []
    with qtbot.assertNotEmitted(watcher.decks_changed, wait=300):
        path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")

"""Where decks and progress are found: the student's own decks join whatever else is shown."""

from __future__ import annotations

from pathlib import Path

from studyapp import paths


def test_own_decks_join_the_library_once_there_are_some(tmp_path, monkeypatch):
    """Before any deck is made the library is just the deck folders; afterwards it adds them."""
    monkeypatch.delenv(paths.DECKS_ENV, raising=False)
    data = tmp_path / "data"
    assert paths.library_paths(None, data) == [paths.shipped_decks_dir()]
    mine = paths.imported_decks_dir(data)
    mine.mkdir(parents=True)
    assert paths.library_paths(None, data) == [paths.shipped_decks_dir()]  # empty: no warning
    (mine / "notes-01-topic.yaml").write_text("format: 1\n")
    assert paths.library_paths(None, data) == [paths.shipped_decks_dir(), mine]


def test_chosen_deck_folders_come_first_and_own_decks_are_not_listed_twice(tmp_path):
    """--decks folders are kept in order; naming the own-decks folder too lists it once."""
    data = tmp_path / "data"
    mine = paths.imported_decks_dir(data)
    mine.mkdir(parents=True)
    (mine / "a.yaml").write_text("format: 1\n")
    chosen = str(tmp_path / "course")
    assert paths.library_paths([chosen], data) == [Path(chosen), mine]
    assert paths.library_paths([str(mine)], data) == [mine]


def test_progress_lives_in_the_platforms_user_data_folder(tmp_path, monkeypatch):
    """Without --data-dir or STUDYAPP_DATA_DIR, progress goes to the desktop's own place for
    application data (on Linux $XDG_DATA_HOME), in a folder named studyapp."""
    import sys

    monkeypatch.delenv(paths.DATA_DIR_ENV, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    found = paths.data_dir()
    assert found.name == paths.APP_NAME
    if sys.platform.startswith("linux"):
        assert found == tmp_path / "share" / "studyapp"
    assert not found.exists()  # only named here; the store creates it

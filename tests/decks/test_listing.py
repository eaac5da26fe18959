"""The decks' listing a big library's start shows before its decks are loaded."""

from __future__ import annotations

import os
from pathlib import Path

from studyapp.decks.listing import listing_path, read_listing
from studyapp.decks.load import deck_files, load_decks
from tests.gui.decks import write_test_decks


def _files(folder: Path) -> list[Path]:
    return deck_files([folder])[0]


def test_a_load_through_the_cache_lists_the_decks_for_the_next_start(tmp_path):
    """The listing holds each deck's id, title, source, notice and sections (without their
    text) and the number of cards, as the load found them."""
    folder = tmp_path / "decks"
    write_test_decks(folder)
    (folder / "broken.yaml").write_text("deck: [\n", encoding="utf-8")
    cache = tmp_path / "deck-cache.json"
    loaded = load_decks([folder], cache)
    listing = read_listing(cache, _files(folder))
    assert listing is not None
    assert [d.id for d in listing.decks] == [d.id for d in loaded.decks]
    assert [d.title for d in listing.decks] == [d.title for d in loaded.decks]
    assert [d.source for d in listing.decks] == [d.source for d in loaded.decks]
    assert [d.notice for d in listing.decks] == [d.notice for d in loaded.decks]
    assert [[s.id for s in d.sections] for d in listing.decks] == [
        [s.id for s in d.sections] for d in loaded.decks
    ]
    assert all(not d.cards for d in listing.decks)
    assert listing.cards == sum(len(d.cards) for d in loaded.decks) == 13
    assert [p.format() for p in listing.problems] == [p.format() for p in loaded.problems]


def test_a_changed_added_or_removed_file_makes_the_listing_unusable(tmp_path):
    """The listing is shown only while every deck file is as it was listed."""
    folder = tmp_path / "decks"
    first, second = write_test_decks(folder)
    cache = tmp_path / "deck-cache.json"
    load_decks([folder], cache)
    info = first.stat()
    os.utime(first, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))
    assert read_listing(cache, _files(folder)) is None
    load_decks([folder], cache)
    assert read_listing(cache, _files(folder)) is not None
    second.unlink()
    assert read_listing(cache, _files(folder)) is None
    (folder / "new.yaml").write_text(second.name, encoding="utf-8")
    assert read_listing(cache, _files(folder)) is None


def test_a_damaged_listing_is_ignored(tmp_path):
    """A listing file of another shape is never shown (the decks load before the paint)."""
    folder = tmp_path / "decks"
    write_test_decks(folder)
    cache = tmp_path / "deck-cache.json"
    load_decks([folder], cache)
    for text in ("{", "[]", '{"format": 1}', ""):
        listing_path(cache).write_text(text, encoding="utf-8")
        assert read_listing(cache, _files(folder)) is None

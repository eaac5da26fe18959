"""A start from the deck cache reads no card text; a card shows its own text when used."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from studyapp import paths
from studyapp.decks.card_texts import CardTexts, LazyCard
from studyapp.decks.load import load_decks
from studyapp.model import Card

SETTLED_NS = 10_000_000_000  # older than the cache's settle time


def copy_decks(tmp_path: Path) -> Path:
    """The shipped decks in a folder of their own, last changed long ago."""
    target = tmp_path / "decks"
    shutil.copytree(paths.shipped_decks_dir(), target)
    for file in target.iterdir():
        old = file.stat().st_mtime_ns - SETTLED_NS
        os.utime(file, ns=(old, old))
    return target


def texts_of(card: Card) -> CardTexts:
    """The text store a cached card reads from."""
    assert isinstance(card, LazyCard)
    return card._texts


def test_cached_cards_read_their_text_only_when_used(tmp_path: Path) -> None:
    """Opening cached decks decodes no card text; the card shown has the file's text."""
    decks = copy_decks(tmp_path)
    cache = tmp_path / "deck-cache.json"
    parsed = load_decks([decks])
    load_decks([decks], cache)
    cached = load_decks([decks], cache)
    card = cached.decks[0].cards[5]
    assert texts_of(card)._decoded == {}
    assert card.question == parsed.decks[0].cards[5].question
    assert len(texts_of(card)._decoded) == 1  # one chunk, not the deck
    assert [d.cards for d in cached.decks] == [d.cards for d in parsed.decks]
    assert hash(card) == hash(parsed.decks[0].cards[5])
    assert card.answer_key() == parsed.decks[0].cards[5].answer_key()


def test_cards_keep_their_text_when_another_deck_is_edited(tmp_path: Path) -> None:
    """After one deck file changes, the other decks' cards still read their text from the
    rewritten cache (not from their YAML files)."""
    decks = copy_decks(tmp_path)
    cache = tmp_path / "deck-cache.json"
    load_decks([decks], cache)
    cached = load_decks([decks], cache)
    files = sorted(decks.glob("*.yaml"))
    edited = files[0].read_text(encoding="utf-8").replace("title:", "title: Edited", 1)
    files[0].write_text(edited, encoding="utf-8")
    old = files[0].stat().st_mtime_ns - SETTLED_NS
    os.utime(files[0], ns=(old, old))
    parsed_last = load_decks([decks]).decks[-1].cards[-1]
    load_decks([decks], cache)  # parses the edited file and writes the cache again...
    files[-1].unlink()  # ...so the last deck's text can only come from the new cache
    card = cached.decks[-1].cards[-1]
    assert texts_of(card)._decoded == {}
    assert card.question == parsed_last.question and card.source == parsed_last.source


def test_a_replaced_cache_file_falls_back_to_the_deck_file(tmp_path: Path) -> None:
    """Should the cache file be replaced under a running app, cards read the YAML instead."""
    decks = copy_decks(tmp_path)
    cache = tmp_path / "deck-cache.json"
    parsed = load_decks([decks])
    load_decks([decks], cache)
    cached = load_decks([decks], cache)
    cache.write_text('{"token": "someoneelse"}\n[]\n', encoding="utf-8")
    card = cached.decks[1].cards[3]
    assert card.plain() == parsed.decks[1].cards[3]
    assert repr(card) == repr(parsed.decks[1].cards[3])

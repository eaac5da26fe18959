"""The library's listing: what the start screen shows of the decks, saved for the next start.

A big library takes a good part of a second to load even from the cache (100,000 cards are
100,000 card values). The start screen needs none of them: per deck its id, title, source,
notice, sections and number of cards, and the problems of the files that did not load. So
:func:`studyapp.decks.load.load_decks` with a cache saves that beside the cache file, with the
size and modification time of every deck file it read, and a start may show the listing
(:func:`read_listing`) while the decks are loaded right after the first paint. The listing is
only shown while every file named is exactly as it was listed; the decks loaded after it are
always the truth, and the screen is brought in line with them at once.

The file is a small JSON document; one of another shape is ignored.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from studyapp.decks.cache import deck_header, file_key, loader_key, source_info
from studyapp.decks.problems import Problem
from studyapp.model import Deck, Section

LISTING_FORMAT = 1


@dataclass(frozen=True)
class Listing:
    """The decks as listed (sections without their text, no cards), their number of cards and
    the problems of the files, as the last load found them."""

    decks: list[Deck]
    cards_by_deck: dict[str, int]
    problems: list[Problem]

    @property
    def cards(self) -> int:
        """Cards in all the listed decks."""
        return sum(self.cards_by_deck.values())


def listing_path(cache_file: Path) -> Path:
    """Where the listing of the decks loaded through ``cache_file`` is kept."""
    return cache_file.with_name(f"{cache_file.stem}-listing.json")


def save_listing(
    cache_file: Path, files: Sequence[Path], decks: Sequence[Deck], problems: Sequence[Problem]
) -> None:
    """Keep the listing of this load (written only when it changed; a failure is silent: the
    listing only lets a start show the library sooner)."""
    keys = [file_key(file) for file in files]
    if any(key is None for key in keys):
        return
    data = {
        "format": LISTING_FORMAT,
        "loader": loader_key(),
        "files": [[str(file), key] for file, key in zip(files, keys, strict=True)],
        "decks": [_encode_deck(deck) for deck in decks],
        "problems": [[str(p.path), p.line, p.column, p.message, p.severity] for p in problems],
    }
    text = json.dumps(data, ensure_ascii=False)
    target = listing_path(cache_file)
    with contextlib.suppress(OSError, UnicodeError):
        if target.read_text(encoding="utf-8") == text:
            return
    temp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        temp.write_text(text, encoding="utf-8")
        os.replace(temp, target)
    except OSError:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)


def read_listing(cache_file: Path, files: Iterable[Path]) -> Listing | None:
    """The saved listing, if it lists exactly ``files`` as they are now (and was written by
    this loader); else None."""
    try:
        raw = json.loads(listing_path(cache_file).read_text(encoding="utf-8"))
        if raw["format"] != LISTING_FORMAT or raw["loader"] != loader_key():
            return None
        listed = [(name, key) for name, key in raw["files"]]
        if listed != [(str(file), file_key(file)) for file in files]:
            return None
        decks = [_decode_deck(entry) for entry in raw["decks"]]
        problems = [
            Problem(Path(path), int(line), int(column), str(message), severity)
            for path, line, column, message, severity in raw["problems"]
            if severity in ("error", "warning")
        ]
        cards = {str(entry["id"]): int(entry["cards"]) for entry in raw["decks"]}
    except (OSError, ValueError, TypeError, KeyError, IndexError):
        return None
    return Listing(decks, cards, problems)


def _encode_deck(deck: Deck) -> dict[str, Any]:
    return {
        **deck_header(deck),
        "sections": [[s.id, s.title, s.level, s.number] for s in deck.sections],
        "path": None if deck.path is None else str(deck.path),
        "tags": list(deck.tags),
        "cards": len(deck.cards),
    }


def _decode_deck(raw: dict[str, Any]) -> Deck:
    """A listed deck: its sections without their text, and no cards."""
    return Deck(
        id=str(raw["id"]),
        title=str(raw["title"]),
        sections=tuple(
            Section(str(i), str(title), int(level), str(number))
            for i, title, level, number in raw["sections"]
        ),
        source=source_info(raw),
        notice=str(raw["notice"]),
        path=None if raw["path"] is None else Path(raw["path"]),
        tags=tuple(str(tag) for tag in raw["tags"]),
    )

"""A JSON cache of loaded deck files, so an unchanged deck opens without parsing YAML.

Each entry is one file's outcome (its deck, its problems, and the deck and card ids read from
it with where they sit, which the checks across files need), stored under the path the file
was named by and valid only while the file has the same size and modification time
(``st_mtime_ns``) and the loader is the same: the key includes studyapp's version, the cache
format and the size and modification time of the loader's own modules, so a changed rule is
never answered from an old cache. The cache is only an accelerator: a missing, unreadable or
foreign cache file is ignored (and rewritten), and a failure to write it is silent.

JSON, not pickle: the cache lives in the data folder and must never execute anything.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from studyapp import __version__
from studyapp.decks.problems import Problem
from studyapp.model import Card, CardType, Deck, Location, Section, SourceInfo

CACHE_FORMAT = 3  # 3: deck and section tags
"""The shape of an entry; a cache of another format is ignored and rebuilt. Format 2 keeps a
file's deck and card ids (``deck_id``, ``card_ids``) also when the file has errors."""
SETTLE_NS = 2_000_000_000
"""A file modified this recently is not cached: file systems keep modification times in
coarse steps, so a same-size edit within one step would otherwise look unchanged."""
_LOADER_MODULES = (
    "deck.py",
    "deck_builder.py",
    "deck_checks.py",
    "deck_cache.py",
    "deck_problems.py",
    "model.py",
    "yaml_nodes.py",
)


@dataclass(frozen=True)
class CachedFile:
    """One deck file's loading outcome as the loader produced it, ids read from it included."""

    deck: Deck | None
    problems: list[Problem]
    deck_id: tuple[str, Location] | None = None
    card_ids: Sequence[tuple[str, Location]] = ()


def loader_key() -> str:
    """What identifies the loader: the version and the state of its source files."""
    here = Path(__file__).parent
    parts = [__version__, str(CACHE_FORMAT)]
    for name in _LOADER_MODULES:
        try:
            info = (here / name).stat()
            parts.append(f"{name}:{info.st_size}:{info.st_mtime_ns}")
        except OSError:
            parts.append(f"{name}:-")
    return "|".join(parts)


def file_key(path: Path) -> list[int] | None:
    """``[size, mtime_ns]`` of ``path`` (None when it cannot be read: never cached)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return [info.st_size, info.st_mtime_ns]


def settled(key: list[int]) -> bool:
    """Whether a file with ``key`` was last modified long enough ago to be cached safely."""
    return key[1] < time.time_ns() - SETTLE_NS


class DeckCache:
    """The cache file: look up a file's outcome, remember new ones, save if anything changed."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._loader = loader_key()
        self._entries: dict[str, Any] = {}
        self._changed = False
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if isinstance(raw, dict) and raw.get("loader") == self._loader:
            entries = raw.get("files")
            if isinstance(entries, dict):
                self._entries = entries

    def get(self, file: Path, key: list[int]) -> CachedFile | None:
        """The cached outcome of ``file`` when its ``key`` still matches, else None."""
        entry = self._entries.get(str(file))
        if not isinstance(entry, dict) or entry.get("key") != key:
            return None
        try:
            return _decode_file(file, entry)
        except (KeyError, TypeError, ValueError):
            return None

    def put(self, file: Path, key: list[int], outcome: CachedFile) -> None:
        """Remember ``file``'s outcome under ``key``."""
        self._entries[str(file)] = {"key": key, **_encode_file(outcome)}
        self._changed = True

    def keep_only(self, files: list[Path]) -> None:
        """Forget entries of files no longer loaded (the cache does not grow forever)."""
        wanted = {str(f) for f in files}
        for name in [n for n in self._entries if n not in wanted]:
            del self._entries[name]
            self._changed = True

    def save(self) -> None:
        """Write the cache if it changed (atomically; a failure leaves no cache, silently)."""
        if not self._changed:
            return
        data = {"loader": self._loader, "files": self._entries}
        temp = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            os.replace(temp, self.path)
        except OSError:
            # On a read-only disk even removing a file that is not there fails (EROFS).
            with contextlib.suppress(OSError):
                temp.unlink(missing_ok=True)
            return
        self._changed = False


def _encode_file(outcome: CachedFile) -> dict[str, Any]:
    """A file's outcome as JSON values.

    A loaded deck's card ids are its cards' ids and locations, so they are stored (twice)
    only when they differ from those: in practice only for a file with errors.
    """
    deck_id = outcome.deck_id
    card_ids: list[list[Any]] | None = None
    if outcome.deck is None or list(outcome.card_ids) != _card_ids_of(outcome.deck):
        card_ids = [[i, where.line, where.column] for i, where in outcome.card_ids]
    return {
        "deck": None if outcome.deck is None else _encode_deck(outcome.deck),
        "problems": [
            [p.line, p.column, p.message, p.severity, str(p.path)] for p in outcome.problems
        ],
        "deck_id": None if deck_id is None else [deck_id[0], deck_id[1].line, deck_id[1].column],
        "card_ids": card_ids,
    }


def _card_ids_of(deck: Deck) -> list[tuple[str, Location]]:
    """The ids of a loaded deck's cards with their locations."""
    return [(card.id, card.location) for card in deck.cards]


def _decode_file(file: Path, entry: dict[str, Any]) -> CachedFile:
    """Inverse of :func:`_encode_file`."""
    deck = None if entry["deck"] is None else _decode_deck(file, entry["deck"])
    problems = [
        Problem(file if where == str(file) else Path(where), line, column, message, severity)
        for line, column, message, severity, where in entry["problems"]
    ]
    raw_deck_id = entry["deck_id"]
    deck_id = None if raw_deck_id is None else (raw_deck_id[0], Location(*raw_deck_id[1:]))
    raw_card_ids = entry["card_ids"]
    if raw_card_ids is None:
        if deck is None:
            raise ValueError("a file without a deck must list its card ids")
        card_ids = _card_ids_of(deck)
    else:
        card_ids = [(i, Location(line, column)) for i, line, column in raw_card_ids]
    return CachedFile(deck, problems, deck_id, card_ids)


def _encode_deck(deck: Deck) -> dict[str, Any]:
    """Every field of ``deck`` (its path is the cache key, not stored)."""
    source = deck.source
    return {
        "id": deck.id,
        "title": deck.title,
        "notice": deck.notice,
        "source": None if source is None else [source.title, source.file, source.topic],
        "sections": [
            [
                s.id,
                s.title,
                s.level,
                s.number,
                s.body,
                s.location.line,
                s.location.column,
                list(s.tags),
            ]
            for s in deck.sections
        ],
        "cards": [
            [
                c.id,
                c.type.value,
                c.question,
                c.answer,
                c.text,
                list(c.items),
                c.ordered,
                list(c.distractors),
                list(c.accept),
                c.section,
                c.source,
                list(c.tags),
                c.location.line,
                c.location.column,
            ]
            for c in deck.cards
        ],
        "has_path": deck.path is not None,
        "tags": list(deck.tags),
    }


def _decode_deck(file: Path, raw: dict[str, Any]) -> Deck:
    """Inverse of :func:`_encode_deck`; the deck's path is ``file``."""
    source = raw["source"]
    return Deck(
        id=raw["id"],
        title=raw["title"],
        notice=raw["notice"],
        source=None if source is None else SourceInfo(*source),
        sections=tuple(
            Section(i, title, level, number, body, Location(line, column), tuple(tags))
            for i, title, level, number, body, line, column, tags in raw["sections"]
        ),
        cards=tuple(
            Card(
                id=c[0],
                type=CardType(c[1]),
                question=c[2],
                answer=c[3],
                text=c[4],
                items=tuple(c[5]),
                ordered=c[6],
                distractors=tuple(c[7]),
                accept=tuple(c[8]),
                section=c[9],
                source=c[10],
                tags=tuple(c[11]),
                location=Location(c[12], c[13]),
            )
            for c in raw["cards"]
        ),
        path=file if raw["has_path"] else None,
        tags=tuple(raw["tags"]),
    )

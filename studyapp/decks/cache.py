"""A cache of loaded deck files, so an unchanged deck opens without parsing YAML.

Each entry is one file's outcome (its deck, its problems, and the deck and card ids read from
it with where they sit, which the checks across files need), stored under the path the file
was named by and valid only while the file has the same size and modification time
(``st_mtime_ns``) and the loader is the same: the key includes studyapp's version, the cache
format and the size and modification time of the loader's own modules, so a changed rule is
never answered from an old cache. The cache is only an accelerator: a missing, unreadable or
foreign cache file is ignored (and rewritten), and a failure to write it is silent.

The file is JSON lines, not pickle (it lives in the data folder and must never execute
anything): the first line is the index, which a start reads (decks, sections, and of each card
only its id, type, section, answer key and location); after it come the cards' texts in chunks
of :data:`~studyapp.decks.card_texts.CHUNK`, one JSON line each, which are read only when a
card is used (:mod:`studyapp.decks.card_texts`). The index names the file by a random token
that each chunk read checks, so a replaced file is never misread.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from studyapp import __version__
from studyapp.decks.card_texts import CHUNK, CardIds, CardTexts, lazy_cards, text_row
from studyapp.decks.problems import Problem
from studyapp.model import CardType, Deck, Location, Section, SourceInfo

CACHE_FORMAT = 4  # 3: deck and section tags; 4: card texts out of the index
"""The shape of an entry; a cache of another format is ignored and rebuilt. Format 2 keeps a
file's deck and card ids (``deck_id``, ``card_ids``) also when the file has errors; format 3
adds deck and section tags; format 4 keeps the cards' texts out of the index."""
SETTLE_NS = 2_000_000_000
"""A file modified this recently is not cached: file systems keep modification times in
coarse steps, so a same-size edit within one step would otherwise look unchanged."""
_LOADER_MODULES = (
    "load.py",
    "builder.py",
    "checks.py",
    "markup.py",
    "cache.py",
    "card_texts.py",
    "problems.py",
    "yaml_nodes.py",
    "../model.py",
)
_TYPES = {card_type.value: card_type for card_type in CardType}
ParseFile = Callable[[Path], tuple[Deck | None, list[Problem]]]
"""How a deck file is read afresh (:func:`studyapp.decks.load.load_deck_file`, passed in)."""
_LIVE: dict[str, weakref.WeakSet[CardTexts]] = {}
"""The card texts handed out from each cache file and still in use: when the file is written
again, they are told where their chunks went (a deck shown since the last start, or a study
session's cards, keep reading from the cache)."""


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

    def __init__(self, path: Path, parse: ParseFile | None = None) -> None:
        self.path = path
        self.parse = parse  # reads a deck file afresh: where card texts come from if need be
        self._loader = loader_key()
        self._entries: dict[str, Any] = {}
        self._changed = False
        self._token = ""
        self._texts_start = 0  # where the text chunks begin in the file read
        self._new_texts: dict[str, list[bytes]] = {}  # chunks of entries put in this run
        try:
            with path.open("rb") as stream:
                index = stream.readline()
            raw = json.loads(index)
        except (OSError, ValueError):
            return
        if isinstance(raw, dict) and raw.get("loader") == self._loader:
            entries = raw.get("files")
            token = raw.get("token")
            if isinstance(entries, dict) and isinstance(token, str) and token.isalnum():
                self._entries = entries
                self._token = token
                self._texts_start = len(index)

    def get(self, file: Path, key: list[int]) -> CachedFile | None:
        """The cached outcome of ``file`` when its ``key`` still matches, else None."""
        name = str(file)
        entry = self._entries.get(name)
        if not isinstance(entry, dict) or entry.get("key") != key:
            return None
        try:
            outcome, texts = _decode_file(file, entry, self)
        except (KeyError, TypeError, ValueError, IndexError):
            return None
        if texts is not None:
            _LIVE.setdefault(str(self.path), weakref.WeakSet()).add(texts)
        return outcome

    def put(self, file: Path, key: list[int], outcome: CachedFile) -> None:
        """Remember ``file``'s outcome under ``key``."""
        name = str(file)
        self._entries[name] = {"key": key, **_encode_file(outcome)}
        self._new_texts[name] = [] if outcome.deck is None else _text_chunks(outcome.deck)
        self._changed = True

    def keep_only(self, files: list[Path]) -> None:
        """Forget entries of files no longer loaded (the cache does not grow forever)."""
        wanted = {str(f) for f in files}
        for name in [n for n in self._entries if n not in wanted]:
            del self._entries[name]
            self._changed = True

    def chunk_places(self, chunks: list[list[int]]) -> list[tuple[int, int]]:
        """Where the chunks an entry lists sit in the file read (offsets from its start)."""
        return [(self._texts_start + offset, length) for offset, length in chunks]

    @property
    def token(self) -> str:
        """The identity of the cache file read (checked before each chunk is read)."""
        return self._token

    def save(self) -> None:
        """Write the cache if it changed (atomically; a failure leaves no cache, silently).

        The texts of entries kept from the file read are copied over as they are; the cards
        handed out from it are told where their texts now are.
        """
        if not self._changed:
            return
        try:
            old = self._old_chunks()
        except OSError:
            old = {}
        token = os.urandom(8).hex()  # as secrets.token_hex, which would import OpenSSL
        parts: list[bytes] = []
        places: dict[str, list[list[int]]] = {}
        at = 0
        for name in list(self._entries):
            entry = self._entries[name]
            if entry.get("deck") is None:
                continue
            chunks = self._new_texts.get(name, old.get(name))
            if chunks is None:  # its texts could not be read: parse the file next time
                del self._entries[name]
                continue
            places[name] = []
            for chunk in chunks:
                places[name].append([at, len(chunk)])
                parts += (chunk, b"\n")
                at += len(chunk) + 1
            entry["deck"]["cards"]["chunks"] = places[name]
        data = {"token": token, "loader": self._loader, "files": self._entries}
        index = json.dumps(data, ensure_ascii=False).encode("utf-8") + b"\n"
        temp = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with temp.open("wb") as out:
                out.write(index)
                out.writelines(parts)
            os.replace(temp, self.path)
        except OSError:
            # On a read-only disk even removing a file that is not there fails (EROFS).
            with contextlib.suppress(OSError):
                temp.unlink(missing_ok=True)
            return
        self._changed = False
        read_token, copied = self._token, set(old)
        self._token, self._texts_start = token, len(index)
        self._new_texts = {}
        for texts in list(_LIVE.get(str(self.path), ())):
            name, key = texts.entry
            entry = self._entries.get(name)
            if texts.token == read_token and name in copied and entry and entry["key"] == key:
                texts.moved(token, self.chunk_places(places[name]))

    def _old_chunks(self) -> dict[str, list[bytes]]:
        """The text chunks of the entries of the file read, as bytes, by file name."""
        wanted = [
            name
            for name, entry in self._entries.items()
            if name not in self._new_texts and entry.get("deck") is not None
        ]
        out: dict[str, list[bytes]] = {}
        if not wanted or not self._token:
            return out
        with self.path.open("rb") as stream:
            if self._token.encode("ascii") not in stream.read(len(self._token) + 12):
                return out  # the file was replaced since it was read
            for name in wanted:
                chunks = []
                for offset, length in self.chunk_places(
                    self._entries[name]["deck"]["cards"]["chunks"]
                ):
                    stream.seek(offset)
                    chunks.append(stream.read(length))
                out[name] = chunks
        return out


def _text_chunks(deck: Deck) -> list[bytes]:
    """The texts of ``deck``'s cards as JSON lines of :data:`CHUNK` cards each."""
    cards = deck.cards
    return [
        json.dumps(
            [text_row(card) for card in cards[start : start + CHUNK]], ensure_ascii=False
        ).encode("utf-8")
        for start in range(0, len(cards), CHUNK)
    ]


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


def _decode_file(
    file: Path, entry: dict[str, Any], cache: DeckCache
) -> tuple[CachedFile, CardTexts | None]:
    """Inverse of :func:`_encode_file`; also the texts of the deck's cards, if it has one."""
    deck, texts = (
        (None, None)
        if entry["deck"] is None
        else _decode_deck(file, entry["deck"], cache, entry["key"])
    )
    problems = [
        Problem(file if where == str(file) else Path(where), line, column, message, severity)
        for line, column, message, severity, where in entry["problems"]
    ]
    raw_deck_id = entry["deck_id"]
    deck_id = None if raw_deck_id is None else (raw_deck_id[0], Location(*raw_deck_id[1:]))
    raw_card_ids = entry["card_ids"]
    card_ids: Sequence[tuple[str, Location]]
    if raw_card_ids is None:
        if deck is None or texts is None:
            raise ValueError("a file without a deck must list its card ids")
        card_ids = CardIds(entry["deck"]["cards"]["ids"], texts)
    else:
        card_ids = [(i, Location(line, column)) for i, line, column in raw_card_ids]
    return CachedFile(deck, problems, deck_id, card_ids), texts


def deck_header(deck: Deck) -> dict[str, Any]:
    """What names a deck, as the cache and the library listing (:mod:`.listing`) store it:
    id, title, notice and source (read back by :func:`source_info`)."""
    source = deck.source
    return {
        "id": deck.id,
        "title": deck.title,
        "notice": deck.notice,
        "source": None if source is None else [source.title, source.file, source.topic],
    }


def source_info(raw: dict[str, Any]) -> SourceInfo | None:
    """The source a :func:`deck_header` stored."""
    source = raw["source"]
    return None if source is None else SourceInfo(*source)


def _encode_deck(deck: Deck) -> dict[str, Any]:
    """Every field of ``deck`` but its cards' texts (its path is the cache key, not stored).

    Cards are columns: what every card needs at start (id, type, section, answer key,
    location); their texts go to chunks after the index (see :meth:`DeckCache.save`).
    """
    section_names = list(dict.fromkeys(c.section for c in deck.cards))
    section_index = {name: n for n, name in enumerate(section_names)}
    cards = deck.cards
    return {
        **deck_header(deck),
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
        "cards": {
            "ids": [c.id for c in cards],
            "types": [c.type.value for c in cards],
            "section_names": section_names,
            "sections": [section_index[c.section] for c in cards],
            "answer_keys": [c.answer_key() for c in cards],
            "lines": [c.location.line for c in cards],
            "columns": [c.location.column for c in cards],
            "chunks": [],  # filled in when saved
        },
        "has_path": deck.path is not None,
        "tags": list(deck.tags),
    }


def _yaml_texts(file: Path, parse: ParseFile | None) -> dict[str, list[Any]]:
    """Every card's text row read from its deck file (when the cache file was replaced)."""
    deck = None if parse is None else parse(file)[0]
    return {} if deck is None else {card.id: text_row(card) for card in deck.cards}


def _decode_deck(
    file: Path, raw: dict[str, Any], cache: DeckCache, key: Any
) -> tuple[Deck, CardTexts]:
    """Inverse of :func:`_encode_deck`; the deck's path is ``file``, its cards read their
    texts from ``cache``'s file when first used."""
    columns = raw["cards"]
    texts = CardTexts(
        cache.path,
        cache.token,
        cache.chunk_places(columns["chunks"]),
        lambda: _yaml_texts(file, cache.parse),
        columns["lines"],
        columns["columns"],
        (str(file), key),
    )
    names = columns["section_names"]
    ids = columns["ids"]
    if not all(
        len(columns[name]) == len(ids)
        for name in ("types", "sections", "answer_keys", "lines", "columns")
    ):
        raise ValueError("the card columns differ in length")
    cards = lazy_cards(
        ids,
        [_TYPES[kind] for kind in columns["types"]],
        [names[section] for section in columns["sections"]],
        columns["answer_keys"],
        texts,
    )
    deck = Deck(
        id=raw["id"],
        title=raw["title"],
        notice=raw["notice"],
        source=source_info(raw),
        sections=tuple(
            Section(i, title, level, number, body, Location(line, column), tuple(tags))
            for i, title, level, number, body, line, column, tags in raw["sections"]
        ),
        cards=cards,
        path=file if raw["has_path"] else None,
        tags=tuple(raw["tags"]),
    )
    return deck, texts

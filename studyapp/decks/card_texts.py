"""Cards of a cached deck whose text is read from the cache file only when a card is used.

At 100,000 cards the text of every card is tens of megabytes: decoding it all at each start
took seconds and most of the memory, while a session shows a few hundred cards. So a cached
deck's cards are :class:`LazyCard` values that carry what the app needs of every card (id,
type, section, answer key, location) and read the rest (question, answer, cloze text, items,
options, source sentence, tags) on first use, a chunk of neighbouring cards at a time, from
the cache file the index was read from (:class:`CardTexts`). Should that file have been
replaced since, the texts come from the deck's YAML file itself, which is where card text
always comes from. A lazy card is equal to, hashes like and prints like the plain
:class:`~studyapp.model.Card` with the same fields, so nothing downstream can tell them apart.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, overload

from studyapp.model import Card, CardType, Location

CHUNK = 64
"""Cards per chunk of text: one read and one small JSON decode when a card is first shown."""

TEXT_FIELDS = (
    "question",
    "answer",
    "text",
    "items",
    "ordered",
    "distractors",
    "accept",
    "source",
    "tags",
)
"""The fields of a card kept out of the index, in the order a text row holds them."""

_TUPLES = frozenset({"items", "distractors", "accept", "tags"})


def text_row(card: Card) -> list[Any]:
    """A card's text fields as one JSON row (see :data:`TEXT_FIELDS`)."""
    return [
        card.question,
        card.answer,
        card.text,
        list(card.items),
        card.ordered,
        list(card.distractors),
        list(card.accept),
        card.source,
        list(card.tags),
    ]


def _from_row(row: list[Any]) -> tuple[Any, ...]:
    """A text row as field values (lists become the tuples the model holds)."""
    return tuple(
        tuple(value) if name in _TUPLES else value
        for name, value in zip(TEXT_FIELDS, row, strict=True)
    )


class CardTexts:
    """The text rows of one deck's cards: chunks at known places of the cache file.

    ``chunks`` are ``(offset, length)`` of each chunk's JSON line in ``cache_file``; ``token``
    is the cache file's identity, read again before each chunk so that a replaced file is
    never misread; ``fallback`` gives every card's text row by id (from the YAML file).
    """

    def __init__(
        self,
        cache_file: Path,
        token: str,
        chunks: list[tuple[int, int]],
        fallback: Callable[[], dict[str, list[Any]]],
        lines: list[int] | None = None,
        columns: list[int] | None = None,
        entry: tuple[str, Any] = ("", None),
    ) -> None:
        self.lines = lines or []  # where each card sits in its deck file
        self.columns = columns or []
        self.entry = entry  # (deck file, its key) of the cache entry the texts belong to
        self._file = cache_file
        self._token = token
        self._chunks = chunks
        self._fallback = fallback
        self._decoded: dict[int, list[tuple[Any, ...]]] = {}
        self._from_yaml: dict[str, list[Any]] | None = None

    @property
    def token(self) -> str:
        """The identity of the cache file the chunks are in."""
        return self._token

    def moved(self, token: str, chunks: list[tuple[int, int]]) -> None:
        """The cache file was written again: the chunks are now at ``chunks`` under ``token``."""
        self._token = token
        self._chunks = chunks

    def fields(self, index: int, card_id: str) -> tuple[Any, ...]:
        """The text fields of the deck's card number ``index`` (whose id is ``card_id``)."""
        chunk = index // CHUNK
        rows = self._decoded.get(chunk)
        if rows is None:
            rows = self._read_chunk(chunk)
            if rows is None:
                return self._fields_from_yaml(card_id)
            self._decoded[chunk] = rows
        return rows[index % CHUNK]

    def _read_chunk(self, chunk: int) -> list[tuple[Any, ...]] | None:
        """Chunk ``chunk`` from the cache file, or None when the file changed or is unreadable."""
        if chunk >= len(self._chunks):
            return None
        offset, length = self._chunks[chunk]
        try:
            with self._file.open("rb") as stream:
                head = stream.read(len(self._token) + 12)
                if self._token.encode("ascii") not in head:
                    return None
                stream.seek(offset)
                raw = stream.read(length)
            return [_from_row(row) for row in json.loads(raw)]
        except (OSError, ValueError, TypeError, UnicodeError):
            return None

    def _fields_from_yaml(self, card_id: str) -> tuple[Any, ...]:
        """The card's text read from its deck file (the cache file was replaced meanwhile)."""
        if self._from_yaml is None:
            self._from_yaml = self._fallback()
        row = self._from_yaml.get(card_id)
        if row is None:  # the card is gone from its file: it shows empty until the reload
            return ("", "", "", (), False, (), (), "", ())
        return _from_row(row)


class CardIds(Sequence[tuple[str, Location]]):
    """A cached deck's card ids with where each sits in its file, made into pairs only when
    asked for: the checks across files first compare the plain ``ids``."""

    def __init__(self, ids: list[str], texts: CardTexts) -> None:
        self.ids = ids
        self._texts = texts

    def __len__(self) -> int:
        return len(self.ids)

    @overload
    def __getitem__(self, index: int) -> tuple[str, Location]: ...
    @overload
    def __getitem__(self, index: slice) -> list[tuple[str, Location]]: ...
    def __getitem__(self, index: int | slice) -> tuple[str, Location] | list[tuple[str, Location]]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self.ids)))]
        texts = self._texts
        return self.ids[index], Location(texts.lines[index], texts.columns[index])

    def __iter__(self) -> Iterator[tuple[str, Location]]:
        return (self[i] for i in range(len(self.ids)))


def _text_property(position: int, name: str) -> property:
    def get(self: LazyCard) -> Any:
        return self._texts.fields(self._index, self.id)[position]

    get.__name__ = name
    return property(get, doc=f"The card's {name}, read from the cache on first use.")


_SET_ID = Card.__dict__["id"].__set__
_SET_TYPE = Card.__dict__["type"].__set__
_SET_SECTION = Card.__dict__["section"].__set__


class LazyCard(Card):
    """A :class:`Card` whose text fields are read when first used (see the module doc)."""

    __slots__ = ("_answer_key", "_index", "_texts")

    _texts: CardTexts
    _index: int
    _answer_key: str

    @property
    def location(self) -> Location:  # type: ignore[override]
        """Where the card sits in its deck file (kept as numbers until asked for)."""
        return Location(self._texts.lines[self._index], self._texts.columns[self._index])

    def answer_key(self) -> str:
        """The answer's hash, kept in the cache: syncing never needs the card's text."""
        return self._answer_key

    def plain(self) -> Card:
        """The same card as a plain :class:`Card` (reads its text)."""
        question, answer, text, items, ordered, distractors, accept, source, tags = (
            self._texts.fields(self._index, self.id)
        )
        return Card(
            id=self.id,
            type=self.type,
            question=question,
            answer=answer,
            text=text,
            items=items,
            ordered=ordered,
            distractors=distractors,
            accept=accept,
            section=self.section,
            source=source,
            tags=tags,
            location=self.location,
        )

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Card):
            return _compared(self) == _compared(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(_compared(self))

    def __repr__(self) -> str:
        return repr(self.plain())


for _position, _name in enumerate(TEXT_FIELDS):
    setattr(LazyCard, _name, _text_property(_position, _name))

_NEW = object.__new__
_SET_TEXTS = LazyCard.__dict__["_texts"].__set__
_SET_INDEX = LazyCard.__dict__["_index"].__set__
_SET_KEY = LazyCard.__dict__["_answer_key"].__set__


def lazy_cards(
    ids: list[str],
    types: list[CardType],
    sections: list[str],
    answer_keys: list[str],
    texts: CardTexts,
) -> tuple[LazyCard, ...]:
    """The lazy cards of one deck from its columns (the dataclass ``__init__`` would set the
    text fields; this runs for every card at every start, so it sets the slots directly)."""
    out = []
    for index, card_id in enumerate(ids):
        card = _NEW(LazyCard)
        _SET_ID(card, card_id)
        _SET_TYPE(card, types[index])
        _SET_SECTION(card, sections[index])
        _SET_KEY(card, answer_keys[index])
        _SET_TEXTS(card, texts)
        _SET_INDEX(card, index)
        out.append(card)
    return tuple(out)


def _compared(card: Card) -> tuple[Any, ...]:
    """What ``Card.__eq__`` compares and ``Card.__hash__`` hashes: every field but the
    location, in the order they are declared."""
    return (
        card.id,
        card.type,
        card.question,
        card.answer,
        card.text,
        card.items,
        card.ordered,
        card.distractors,
        card.accept,
        card.section,
        card.source,
        card.tags,
    )

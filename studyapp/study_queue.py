"""The queue of one study session: which card comes next.

Three lines of card ids: learning cards (shown when their time comes, earliest first), due
reviews (most overdue first) and new cards (source order). Reviews and new cards are mixed
evenly, as Anki's "mix new cards and reviews" does. Two cards made from the same source
sentence are never shown back to back while another card could come in between. A learning
card that is not yet due is shown early only when nothing else is left.

Every operation is O(1) or O(log n) in the queue size (lookahead for spacing is bounded), so a
session over 100,000 cards picks its next card in microseconds. Pure: no store, no clock.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

LOOKAHEAD = 16  # how far down a line to look for a card from another sentence


class Origin(StrEnum):
    """The line a card was taken from (so undo can put it back)."""

    LEARNING = "learning"
    REVIEW = "review"
    NEW = "new"


@dataclass(frozen=True, slots=True)
class Taken:
    """A card taken from the queue: its id, its line, and its learning due time if any."""

    card_id: str
    origin: Origin
    due: datetime | None = None


class _Line:
    """A list consumed from the front; a card may be taken from a little further down."""

    __slots__ = ("items", "pos")

    def __init__(self, items: list[str]) -> None:
        self.items = items
        self.pos = 0

    def __len__(self) -> int:
        return len(self.items) - self.pos

    def indexes(self) -> range:
        return range(self.pos, min(self.pos + LOOKAHEAD, len(self.items)))

    def take(self, index: int) -> str:
        """Take the card at ``index``; the front card moves into its place."""
        items, pos = self.items, self.pos
        items[pos], items[index] = items[index], items[pos]
        self.pos = pos + 1
        return items[pos]

    def put_back(self, card_id: str) -> None:
        """Return a taken card to the front."""
        if self.pos > 0 and self.items[self.pos - 1] == card_id:
            self.pos -= 1
        else:
            self.items.insert(self.pos, card_id)


class StudyQueue:
    """Cards still to show in a session. ``source_of`` gives a card's source sentence."""

    def __init__(
        self,
        learning: list[tuple[datetime, str]],
        reviews: list[str],
        new: list[str],
        source_of: Callable[[str], str],
    ) -> None:
        self._seq = 0
        self._learning: list[tuple[datetime, int, str]] = []
        for due, card_id in learning:
            self.add_learning(card_id, due)
        self._reviews = _Line(list(reviews))
        self._new = _Line(list(new))
        self._source_of = source_of

    # -- counts -------------------------------------------------------------------------------

    @property
    def learning_count(self) -> int:
        return len(self._learning)

    @property
    def review_count(self) -> int:
        return len(self._reviews)

    @property
    def new_count(self) -> int:
        return len(self._new)

    def __len__(self) -> int:
        return len(self._learning) + len(self._reviews) + len(self._new)

    # -- changes ------------------------------------------------------------------------------

    def add_learning(self, card_id: str, due: datetime) -> None:
        """(Re)queue a card in learning, to be shown at ``due``."""
        self._seq += 1
        bisect.insort(self._learning, (due, self._seq, card_id))

    def remove_learning(self, card_id: str) -> None:
        """Drop a card's learning entry (undo of the answer that queued it)."""
        for index, entry in enumerate(self._learning):
            if entry[2] == card_id:
                del self._learning[index]
                return

    def put_back(self, taken: Taken) -> None:
        """Return a card taken by :meth:`take_next` (it will be next again)."""
        if taken.origin is Origin.LEARNING:
            assert taken.due is not None
            self.add_learning(taken.card_id, taken.due)
        elif taken.origin is Origin.REVIEW:
            self._reviews.put_back(taken.card_id)
        else:
            self._new.put_back(taken.card_id)

    # -- choosing -----------------------------------------------------------------------------

    def _mixed_lines(self) -> list[tuple[Origin, _Line]]:
        """Reviews and new cards: the line whose next card's even-spread slot comes first
        (slot of the k-th of n cards: (k + 1/2) / n; reviews first on a tie)."""
        reviews, new = self._reviews, self._new
        new_first = (2 * new.pos + 1) * len(reviews.items) < (2 * reviews.pos + 1) * len(new.items)
        order = [(Origin.REVIEW, reviews), (Origin.NEW, new)]
        return order[::-1] if new_first else order

    def _candidates(self, now: datetime) -> Iterator[tuple[Origin, int]]:
        """Positions in the order they should be shown (bounded lookahead per line)."""
        learning = self._learning
        due_now = bisect.bisect_right(learning, (now, self._seq + 1, ""))
        for index in range(min(due_now, LOOKAHEAD)):
            yield Origin.LEARNING, index
        for origin, line in self._mixed_lines():
            for index in line.indexes():
                yield origin, index
        for index in range(due_now, min(len(learning), due_now + LOOKAHEAD)):
            yield Origin.LEARNING, index  # not yet due: early, when nothing else is left

    def _source(self, origin: Origin, index: int) -> str:
        if origin is Origin.LEARNING:
            return self._source_of(self._learning[index][2])
        line = self._reviews if origin is Origin.REVIEW else self._new
        return self._source_of(line.items[index])

    def take_next(self, now: datetime, avoid_source: str = "") -> Taken | None:
        """Take the card to show next, avoiding one from ``avoid_source`` when possible."""
        first: tuple[Origin, int] | None = None
        chosen: tuple[Origin, int] | None = None
        for candidate in self._candidates(now):
            if first is None:
                first = candidate
                if not avoid_source:
                    chosen = candidate
                    break
            if self._source(*candidate) != avoid_source:
                chosen = candidate
                break
        chosen = chosen or first
        if chosen is None:
            return None
        origin, index = chosen
        if origin is Origin.LEARNING:
            due, _, card_id = self._learning.pop(index)
            return Taken(card_id, origin, due)
        line = self._reviews if origin is Origin.REVIEW else self._new
        return Taken(line.take(index), origin)

"""The queue of one study session: which card comes next.

Three lines of card ids: learning cards (shown when their time comes, earliest first), due
reviews (most overdue first) and new cards (source order). Reviews and new cards are mixed
evenly, as Anki's "mix new cards and reviews" does. Two cards made from the same source
sentence are never shown back to back while another card could come in between. A learning
card that is not yet due is shown early only when nothing else is left, and only if it is due
within :data:`LEARN_AHEAD` (Anki's learn-ahead limit): a card whose next step is an hour away
is not shown now, when the step would mean nothing; the queue is then empty for the moment
and the session ends, to pick the card up in a later session once it is due.

Every operation is O(1) or O(log n) in the queue size (lookahead for spacing is bounded), so a
session over 100,000 cards picks its next card in microseconds. :class:`StudyQueue` is pure;
:func:`review_queue` and :func:`cram_queue` fill one from the store's queries.
"""

from __future__ import annotations

import bisect
import random
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from functools import partial
from typing import Protocol

from studyapp.model import Card
from studyapp.review_types import Phase
from studyapp.store.queries import DueCard
from studyapp.study.exam import new_cards_today
from studyapp.study.scheduler import Scheduler

LOOKAHEAD = 16  # how far down a line to look for a card from another sentence
LEARN_AHEAD = timedelta(minutes=20)  # a learning card due this soon may be shown early (Anki)
_MICROSECOND = timedelta(microseconds=1)
_FAR_FUTURE = datetime(9999, 1, 1, tzinfo=UTC)


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
        """Every learning card still queued, however far off its time."""
        return len(self._learning)

    def learning_due_by(self, moment: datetime) -> int:
        """Learning cards due at or before ``moment`` (those the session can show by then)."""
        return bisect.bisect_right(self._learning, (moment, self._seq + 1, ""))

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
        due_now = self.learning_due_by(now)
        for index in range(min(due_now, LOOKAHEAD)):
            yield Origin.LEARNING, index
        for origin, line in self._mixed_lines():
            for index in line.indexes():
                yield origin, index
        due_soon = self.learning_due_by(now + LEARN_AHEAD)
        for index in range(due_now, min(due_soon, due_now + LOOKAHEAD)):
            yield Origin.LEARNING, index  # not yet due: early, when nothing else is left

    def _source(self, origin: Origin, index: int) -> str:
        if origin is Origin.LEARNING:
            return self._source_of(self._learning[index][2])
        line = self._reviews if origin is Origin.REVIEW else self._new
        return self._source_of(line.items[index])

    def take_next(self, now: datetime, avoid_source: str = "") -> Taken | None:
        """Take the card to show next, avoiding one from ``avoid_source`` when possible; None
        when nothing can be shown now (learning cards due later than :data:`LEARN_AHEAD` stay
        queued)."""
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


class QueueStore(Protocol):
    """The store queries a queue is built from (:class:`studyapp.store.database.Store` has them)."""

    def due_card_ids(
        self, deck_ids: Iterable[str] | None, now: datetime, limit: int | None = None
    ) -> list[str]: ...

    def due_cards(self, deck_ids: Iterable[str], now: datetime) -> list[DueCard]: ...

    def new_card_ids(
        self, deck_ids: Iterable[str], limit: int | None = None, now: datetime | None = None
    ) -> list[str]: ...

    def new_cards_introduced(self, deck_id: str, day_start: datetime) -> int: ...


def review_queue(
    store: QueueStore,
    scheduler: Scheduler,
    deck_ids: list[str],
    scope: Mapping[str, Card],
    now: datetime,
    *,
    whole_decks: bool = True,
) -> tuple[StudyQueue, dict[str, str]]:
    """The queue of a review session over the ``scope`` cards of ``deck_ids``, and the deck
    (id) of each queued card: learning and review cards due before the next study day starts,
    then each deck's new cards up to ``new_per_day`` minus those introduced today.

    ``whole_decks`` False (a section) reads all new ids, then keeps the scope's; True takes
    the decks' cards as the store lists them, without looking each one up in ``scope`` (which
    then need not index every card before the first is shown). No card's state is read here:
    the phase and due time the store lists are all the queue needs.
    """
    day_end = scheduler.next_day_start(now)
    day_start = scheduler.day_start(scheduler.study_day(now))
    placed: dict[str, str] = {}

    def in_scope(ids: list[str], deck_id: str) -> list[str]:
        kept = ids if whole_decks else [i for i in ids if i in scope]
        placed.update(dict.fromkeys(kept, deck_id))
        return kept

    learning: list[tuple[datetime, str]] = []
    reviews: list[str] = []
    # Bury lasts until a day start, so "active at day_end - 1 us" leaves buried cards out.
    for card in store.due_cards(deck_ids, day_end - _MICROSECOND):  # most overdue first
        if not whole_decks and card.card_id not in scope:
            continue
        placed[card.card_id] = card.deck_id
        if card.phase is Phase.REVIEW:
            reviews.append(card.card_id)
        else:
            learning.append((card.due, card.card_id))
    new: list[str] = []
    limit = scheduler.settings.new_per_day
    for deck_id in deck_ids:
        introduced = store.new_cards_introduced(deck_id, day_start)
        if scheduler.exams:
            ids = in_scope(store.new_card_ids([deck_id], None, now), deck_id)
            new.extend(_paced_for_exam(ids, scheduler, introduced, now))
            continue
        allowed = max(0, limit - introduced)
        if allowed == 0:
            continue
        wanted = allowed if whole_decks else None
        ids = in_scope(store.new_card_ids([deck_id], wanted, now), deck_id)
        new.extend(ids[:allowed])
    return StudyQueue(learning, reviews, new, partial(_source, scope)), placed


def _source(scope: Mapping[str, Card], card_id: str) -> str:
    """The card's source sentence ("" for a card the decks no longer have)."""
    card = scope.get(card_id)
    return "" if card is None else card.source


def _paced_for_exam(
    unseen: list[str], scheduler: Scheduler, introduced: int, now: datetime
) -> list[str]:
    """Today's new cards of one deck when exams are set: the cards of its soonest exam first,
    as many as :func:`studyapp.study.exam.new_cards_today` paces (the daily limit otherwise)."""
    limit = scheduler.settings.new_per_day
    today = scheduler.study_day(now)
    exam_of = {i: scheduler.exams.next_exam(i, today) for i in unseen}
    upcoming = [day for day in exam_of.values() if day is not None]
    if not upcoming:
        return unseen[: max(0, limit - introduced)]
    soonest = min(upcoming)
    exam_cards = [i for i in unseen if exam_of[i] == soonest]
    allowed = new_cards_today(limit, len(exam_cards), introduced, today, soonest)
    if allowed >= len(exam_cards):  # the exam's cards all fit today: others may follow
        others = [i for i in unseen if exam_of[i] != soonest]
        allowed = max(allowed, min(limit - introduced, len(unseen)))
        return (exam_cards + others)[:allowed]
    return exam_cards[:allowed]


def cram_queue(
    store: QueueStore, deck_ids: list[str], scope: Mapping[str, Card], rng: random.Random
) -> StudyQueue:
    """Every active (not suspended, not retired) card of the scope once, shuffled by ``rng``."""
    active = set(store.new_card_ids(deck_ids))
    active.update(store.due_card_ids(deck_ids, _FAR_FUTURE))
    ids = [card_id for card_id in scope if card_id in active]
    rng.shuffle(ids)
    return StudyQueue([], ids, [], lambda i: scope[i].source)

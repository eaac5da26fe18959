"""The card browser's table, without Qt: every card with its progress, filtered and sorted fast.

Built once from the decks (the cards' text) and one listing query of the store (their
progress, :meth:`Store.card_progress`), the table is kept as columns of plain Python values
with a lower-cased search text per card, so that filtering and sorting 100,000 cards stays well
under 100 ms (``benchmarks/bench_browser.py``). What "due", "learning", "mastered" and an
active card are is the progress model's (:mod:`studyapp.study.progress`), predicted recall its
formula (:meth:`Scheduler.recall_after`); a leech is :mod:`.leech`'s.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import IntFlag, StrEnum
from typing import Any

from studyapp.model import Card, CardType, Deck
from studyapp.review_types import Phase
from studyapp.store.dbfile import from_micros, to_micros
from studyapp.store.listing import CardProgress
from studyapp.study.leech import is_leech
from studyapp.study.progress import is_active, is_due_today, mastered
from studyapp.study.scheduler import Scheduler
from studyapp.study.study_days import StudyDays

FAILED_RECENTLY = timedelta(days=7)  # "cards I failed this week"


class Status(IntFlag):
    """What a card is now; several can hold at once (a due card may also be a leech)."""

    NEW = 1
    LEARNING = 2
    DUE = 4
    SUSPENDED = 8
    BURIED = 16
    LEECH = 32
    ANSWER_CHANGED = 64
    MASTERED = 128
    FAILED_RECENTLY = 256  # answered Again within the last week


STATUS_NAMES: dict[Status, str] = {
    Status.NEW: "new",
    Status.LEARNING: "learning",
    Status.DUE: "due",
    Status.SUSPENDED: "suspended",
    Status.BURIED: "buried",
    Status.LEECH: "leech",
    Status.ANSWER_CHANGED: "answer changed",
    Status.MASTERED: "mastered",
    Status.FAILED_RECENTLY: "failed this week",
}


class Column(StrEnum):
    """The browser's columns, in order."""

    QUESTION = "Question"
    DECK = "Deck"
    SECTION = "Section"
    TYPE = "Type"
    TAGS = "Tags"
    STATUS = "Status"
    DUE = "Due"
    INTERVAL = "Interval"
    RECALL = "Recall"
    LAPSES = "Lapses"


COLUMNS = tuple(Column)


@dataclass(frozen=True)
class CardFilter:
    """What the browser shows: cards matching every part that is set."""

    text: str = ""  # every word in the question, answer, tags or section title
    deck_id: str = ""
    section_id: str = ""  # with its subsections
    tag: str = ""
    card_type: CardType | None = None
    status: Status | None = None


def question_of(card: Card) -> str:
    """The card's prompt as one line (a cloze shows its text)."""
    return " ".join((card.question or card.text).split())


def answer_of(card: Card) -> str:
    """Everything that counts as the card's answer, as one line."""
    return " ".join([card.answer, *card.items, *card.accept])


class CardTable:
    """Every card with its progress at one moment, as columns; rows are card positions."""

    def __init__(
        self,
        decks: Sequence[Deck],
        progress: Iterable[CardProgress],
        scheduler: Scheduler,
        now: datetime,
    ) -> None:
        self.scheduler = scheduler
        self.now = to_micros(now)
        self.day_end = to_micros(scheduler.next_day_start(now))
        self.week_ago = to_micros(now - FAILED_RECENTLY)
        self._days = StudyDays(scheduler, now)
        by_id = {p.card_id: p for p in progress}
        self.cards: list[Card] = []
        self.decks: list[Deck] = []
        self.section_titles: list[str] = []
        self.search: list[str] = []
        self.status: list[int] = []
        self.due: list[int | None] = []  # microseconds
        self.interval: list[float | None] = []  # days between the last review and the due date
        self.recall: list[float | None] = []
        self.lapses: list[int] = []
        self.tags: set[str] = set()  # every tag of every card
        self.card_tags: list[tuple[str, ...]] = []
        self._keys: dict[tuple[Column, bool], list[Any]] = {}
        for deck in decks:
            titles = {section.id: section.title for section in deck.sections}
            inherited: dict[str, tuple[str, ...]] = {}
            for card in deck.cards:
                row = by_id.get(card.id) or CardProgress(card.id, deck.id, card.section)
                section_title = titles.get(card.section, card.section)
                self.cards.append(card)
                self.decks.append(deck)
                self.section_titles.append(section_title)
                if card.section not in inherited:  # once per section, not per card
                    inherited[card.section] = deck.inherited_tags(card.section)
                tags = inherited[card.section]
                if card.tags:
                    tags = tuple(dict.fromkeys((*tags, *card.tags)))
                self.card_tags.append(tags)
                words = (question_of(card), answer_of(card), " ".join(tags), section_title)
                self.search.append(" ".join(words).casefold())
                self.due.append(None)
                self.interval.append(None)
                self.recall.append(None)
                self.lapses.append(0)
                self.status.append(0)
                self._set(len(self.cards) - 1, row)
                self.tags.update(tags)
        self.index = {card.id: n for n, card in enumerate(self.cards)}

    def __len__(self) -> int:
        return len(self.cards)

    def _set(self, row: int, p: CardProgress) -> None:
        self.due[row] = p.due
        recall = None
        if p.stability is not None and p.last_review is not None:
            recall = self.scheduler.recall_after(self._days.days_ago(p.last_review), p.stability)
        self.recall[row] = recall
        interval = None
        if p.phase == _REVIEW and p.due is not None and p.last_review is not None:
            interval = (p.due - p.last_review) / _MICROS_PER_DAY
        self.interval[row] = interval
        self.lapses[row] = p.lapses
        self.status[row] = _status(p, recall, self.day_end, self.week_ago)

    def update(self, row: int, progress: CardProgress) -> None:
        """Set one row's progress after an action on its card (suspend, reset)."""
        self._set(row, progress)
        self._keys.clear()

    def matching(self, rule: CardFilter) -> list[int]:
        """Rows that match ``rule``, in table order."""
        rows: Iterable[int] = range(len(self.cards))
        cards, decks = self.cards, self.decks
        if rule.deck_id:
            rows = [i for i in rows if decks[i].id == rule.deck_id]
        if rule.section_id:
            section, prefix = rule.section_id, rule.section_id + "."
            rows = [
                i
                for i in rows
                if cards[i].section == section or cards[i].section.startswith(prefix)
            ]
        if rule.card_type is not None:
            rows = [i for i in rows if cards[i].type is rule.card_type]
        if rule.tag:
            tags = self.card_tags
            rows = [i for i in rows if rule.tag in tags[i]]
        if rule.status is not None:
            flag, status = int(rule.status), self.status
            rows = [i for i in rows if status[i] & flag]
        search = self.search
        for word in rule.text.casefold().split():
            rows = [i for i in rows if word in search[i]]
        return list(rows)

    def sorted_rows(
        self, rows: Sequence[int], column: Column, descending: bool = False
    ) -> list[int]:
        """``rows`` sorted by ``column``; cards without a value (no due date, never reviewed)
        come last either way."""
        keys = self._sort_keys(column, descending)
        return sorted(rows, key=keys.__getitem__, reverse=descending)

    def _sort_keys(self, column: Column, descending: bool) -> list[Any]:
        """One sort key per row, missing values mapped to sort last (cached per column)."""
        cached = self._keys.get((column, descending))
        if cached is not None:
            return cached
        values: Sequence[Any]
        if column in _NUMBERS:
            values = getattr(self, _NUMBERS[column])
            last = -math.inf if descending else math.inf
            keys: list[Any] = [last if v is None else float(v) for v in values]  # one type: fast
        else:
            keys = [self.text(i, column).casefold() for i in range(len(self.cards))]
        self._keys[(column, descending)] = keys
        return keys

    def text(self, row: int, column: Column) -> str:
        """What the browser shows in a cell."""
        card = self.cards[row]
        if column is Column.QUESTION:
            return question_of(card)
        if column is Column.DECK:
            return self.decks[row].title
        if column is Column.SECTION:
            return self.section_titles[row]
        if column is Column.TYPE:
            return card.type.value
        if column is Column.TAGS:
            return " ".join(self.card_tags[row])
        if column is Column.STATUS:
            return describe_status(self.status[row])
        if column is Column.DUE:
            due = self.due[row]
            return "" if due is None else from_micros(due).astimezone().strftime("%Y-%m-%d")
        if column is Column.INTERVAL:
            interval = self.interval[row]
            return "" if interval is None else f"{interval:.0f} d"
        if column is Column.RECALL:
            recall = self.recall[row]
            return "" if recall is None else f"{recall:.0%}"
        return str(self.lapses[row])


_REVIEW = int(Phase.REVIEW)
_MICROS_PER_DAY = 86_400_000_000
_NUMBERS = {
    Column.DUE: "due",
    Column.INTERVAL: "interval",
    Column.RECALL: "recall",
    Column.LAPSES: "lapses",
    Column.STATUS: "status",
}


def _status(p: CardProgress, recall: float | None, day_end: int, week_ago: int) -> int:
    """The status flags of one card (the progress model's rules), as a plain int."""
    flags = 0
    active = is_active(p.suspended, p.buried_until, day_end)
    if active and p.phase is None:
        flags |= NEW
    elif active and p.phase != _REVIEW:
        flags |= LEARNING
    if p.suspended:
        flags |= SUSPENDED
    elif not active:
        flags |= BURIED
    if active and is_due_today(p.phase, p.due, day_end):
        flags |= DUE
    if is_leech(p.lapses):
        flags |= LEECH
    if p.answer_changed:
        flags |= ANSWER_CHANGED
    if recall is not None and mastered(p.phase, p.stability, recall):
        flags |= MASTERED
    if p.last_failed is not None and p.last_failed >= week_ago:
        flags |= FAILED
    return flags


# The flags as plain ints: IntFlag arithmetic is ten times slower, and runs per card.
NEW, LEARNING, DUE = int(Status.NEW), int(Status.LEARNING), int(Status.DUE)
SUSPENDED, BURIED, LEECH = int(Status.SUSPENDED), int(Status.BURIED), int(Status.LEECH)
ANSWER_CHANGED, MASTERED = int(Status.ANSWER_CHANGED), int(Status.MASTERED)
FAILED = int(Status.FAILED_RECENTLY)


def describe_status(flags: int) -> str:
    """The status flags as words: "due, leech"."""
    return ", ".join(name for status, name in STATUS_NAMES.items() if flags & status)

"""The numbers the library and the reader show about a deck, computed without Qt.

For each deck: cards due today, new (never reviewed) cards, mastered cards, mean predicted recall
and when the next card falls due; for each section: its mastery. Mastery is the mean predicted
recall (FSRS retrievability) over the cards, where a card never reviewed counts 0. A card is
*mastered* when its predicted recall is at least :data:`MASTERED_RECALL` and its stability
(the days until recall drops to 90 %) is at least :data:`MASTERED_STABILITY_DAYS`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Protocol

from studyapp.model import Card, Deck
from studyapp.review_types import CardState

MASTERED_RECALL = 0.9
MASTERED_STABILITY_DAYS = 21.0


class RecallModel(Protocol):
    """What the overview needs from the scheduler: predicted recall of a card state."""

    def retrievability(self, state: CardState | None, now: datetime) -> float: ...


@dataclass(frozen=True)
class DeckSummary:
    """One row of the library."""

    deck: Deck
    total: int
    due_today: int
    new: int
    mastered: int
    mastery: float  # mean predicted recall, 0..1, new cards count 0
    next_due: datetime | None  # earliest due time of a reviewed card, None if none reviewed
    sections_read: int = 0  # reading sections marked read (of len(deck.sections))


def is_mastered(state: CardState | None, recall: float) -> bool:
    """Whether a card counts as mastered (see the module docstring for the rule)."""
    if state is None or state.stability is None:
        return False
    return recall >= MASTERED_RECALL and state.stability >= MASTERED_STABILITY_DAYS


def study_day_end(now: datetime, rollover_hour: int, tz: tzinfo | None = None) -> datetime:
    """When today's study day ends: the next ``rollover_hour`` o'clock in ``tz`` (UTC-aware)."""
    local = now.astimezone(tz) if tz is not None else now.astimezone()
    boundary = datetime.combine(local.date(), time(hour=rollover_hour), tzinfo=local.tzinfo)
    if local >= boundary:
        boundary += timedelta(days=1)
    return boundary.astimezone(now.tzinfo)


def summarize_deck(
    deck: Deck,
    states: Mapping[str, CardState],
    recall: RecallModel,
    now: datetime,
    day_end: datetime,
    read: Iterable[str] = (),
) -> DeckSummary:
    """The library row of ``deck`` from the cards' stored states at ``now`` and the ids of the
    sections read."""
    due = new = mastered = 0
    recall_sum = 0.0
    next_due: datetime | None = None
    for card in deck.cards:
        state = states.get(card.id)
        if state is None:
            new += 1
            continue
        r = recall.retrievability(state, now)
        recall_sum += r
        if is_mastered(state, r):
            mastered += 1
        if state.due < day_end:
            due += 1
        if next_due is None or state.due < next_due:
            next_due = state.due
    total = len(deck.cards)
    return DeckSummary(
        deck=deck,
        total=total,
        due_today=due,
        new=new,
        mastered=mastered,
        mastery=recall_sum / total if total else 0.0,
        next_due=next_due,
        sections_read=len({s.id for s in deck.sections} & set(read)),
    )


def mastery_of(
    cards: Iterable[Card], states: Mapping[str, CardState], recall: RecallModel, now: datetime
) -> float | None:
    """Mean predicted recall over ``cards`` (new ones count 0); None when there are no cards."""
    values = [
        recall.retrievability(states.get(c.id), now) if c.id in states else 0.0 for c in cards
    ]
    return sum(values) / len(values) if values else None


def section_mastery(
    deck: Deck, states: Mapping[str, CardState], recall: RecallModel, now: datetime
) -> dict[str, float | None]:
    """Mastery of every section of ``deck`` (including its subsections' cards)."""
    return {
        s.id: mastery_of(deck.cards_in_section(s.id), states, recall, now) for s in deck.sections
    }


def describe_due(next_due: datetime | None, now: datetime, tz: tzinfo | None = None) -> str:
    """When the next card is due, as a student would say it: "due now", "in 3 h", "tomorrow"."""
    if next_due is None:
        return "not started"
    delta = next_due - now
    if delta <= timedelta(0):
        return "due now"
    if delta < timedelta(hours=1):
        return f"in {max(1, round(delta.total_seconds() / 60))} min"
    local_now = now.astimezone(tz) if tz is not None else now.astimezone()
    local_due = next_due.astimezone(local_now.tzinfo)
    days = (local_due.date() - local_now.date()).days
    if days == 0 or delta < timedelta(hours=12):
        return f"in {round(delta.total_seconds() / 3600)} h"
    if days == 1:
        return "tomorrow"
    if days < 14:
        return f"in {days} days"
    if days < 60:
        return f"in {round(days / 7)} weeks"
    if days < 730:
        return f"in {round(days / 30.44)} months"
    return f"in {round(days / 365.25)} years"


def group_by_source(summaries: Iterable[DeckSummary]) -> list[tuple[str, list[DeckSummary]]]:
    """Library rows grouped by the title of the source they were generated from, in order."""
    groups: dict[str, list[DeckSummary]] = {}
    for summary in summaries:
        source = summary.deck.source
        title = source.title if source is not None and source.title else "Other decks"
        groups.setdefault(title, []).append(summary)
    return list(groups.items())


def local_date(moment: datetime, tz: tzinfo | None = None) -> date:
    """The calendar date of ``moment`` where the student is."""
    return (moment.astimezone(tz) if tz is not None else moment.astimezone()).date()

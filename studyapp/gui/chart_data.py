"""The numbers behind the progress charts, computed apart from any painting (and from Qt).

Each function turns review-log entries, card states or per-card recall into the bins one chart
draws: reviews per study day laid out as a calendar grid, true retention overall and per week,
the count of cards due on each of the next days, and mastery bars. Days are *study days*
(passed in as a ``day_of`` function, normally ``Scheduler.study_day``) so a review at 01:00
counts for the evening before, as the scheduler sees it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import pairwise

from studyapp.review_types import CardState, Rating, ReviewEntry, ReviewMode

DayOf = Callable[[datetime], date]

HEAT_LEVELS = 4  # shades above "none"; level 0 is a day without reviews


@dataclass(frozen=True, slots=True)
class HeatCell:
    """One day of the calendar: its review count and shade (0 none .. HEAT_LEVELS busiest)."""

    day: date
    count: int
    level: int


@dataclass(frozen=True, slots=True)
class HeatmapGrid:
    """Weeks as columns (oldest first), Monday..Sunday as rows; None for days after today."""

    weeks: tuple[tuple[HeatCell | None, ...], ...]
    total: int  # reviews in the shown span
    active_days: int  # days with at least one review
    busiest: int  # most reviews on one day

    @property
    def is_empty(self) -> bool:
        """True when there is nothing to show in the span."""
        return self.total == 0

    def month_starts(self) -> list[tuple[int, str]]:
        """(column, "Jan") for each week column whose first shown day opens a new month."""
        marks: list[tuple[int, str]] = []
        last_month = None
        for column, week in enumerate(self.weeks):
            first = next((c.day for c in week if c is not None), None)
            if first is None:
                continue
            if first.month != last_month:
                marks.append((column, first.strftime("%b")))
                last_month = first.month
        return marks


@dataclass(frozen=True, slots=True)
class Retention:
    """True retention: the share of reviews after a gap of a day or more that were not Again."""

    passed: int
    total: int

    @property
    def rate(self) -> float | None:
        """passed / total, or None when there were no such reviews yet."""
        return self.passed / self.total if self.total else None


@dataclass(frozen=True, slots=True)
class Bar:
    """One labelled bar: ``value`` in 0..1, ``detail`` a short text shown at its end."""

    label: str
    value: float
    detail: str = ""


def reviews_per_day(entries: Iterable[ReviewEntry], day_of: DayOf) -> dict[date, int]:
    """How many answers were given on each study day (review and cram alike)."""
    return dict(Counter(day_of(entry.reviewed_at) for entry in entries))


def heat_level(count: int, busiest: int) -> int:
    """The shade of a day: 0 without reviews, else 1..HEAT_LEVELS by its share of the busiest."""
    if count <= 0 or busiest <= 0:
        return 0
    return max(1, min(HEAT_LEVELS, -(-count * HEAT_LEVELS // busiest)))


def heatmap_grid(counts: Mapping[date, int], today: date, weeks: int = 26) -> HeatmapGrid:
    """The last ``weeks`` calendar weeks up to ``today``, Monday-first, as a grid of cells."""
    if weeks < 1:
        raise ValueError("weeks must be at least 1")
    first = today - timedelta(days=today.weekday()) - timedelta(weeks=weeks - 1)
    shown = {d: n for d, n in counts.items() if first <= d <= today and n > 0}
    busiest = max(shown.values(), default=0)
    columns = []
    for w in range(weeks):
        column: list[HeatCell | None] = []
        for d in range(7):
            day = first + timedelta(days=7 * w + d)
            if day > today:
                column.append(None)
            else:
                count = shown.get(day, 0)
                column.append(HeatCell(day, count, heat_level(count, busiest)))
        columns.append(tuple(column))
    return HeatmapGrid(tuple(columns), sum(shown.values()), len(shown), busiest)


def _gap_reviews(entries: Iterable[ReviewEntry], day_of: DayOf) -> list[ReviewEntry]:
    """REVIEW-mode answers given on a later study day than the card's previous answer.

    These are the real tests of memory; same-day learning steps and cram are left out.
    """
    by_card: dict[str, list[ReviewEntry]] = defaultdict(list)
    for entry in entries:
        if entry.mode is ReviewMode.REVIEW:
            by_card[entry.card_id].append(entry)
    out: list[ReviewEntry] = []
    for card_entries in by_card.values():
        card_entries.sort(key=lambda e: e.reviewed_at)
        for before, after in pairwise(card_entries):
            if day_of(after.reviewed_at) > day_of(before.reviewed_at):
                out.append(after)
    return out


def true_retention(
    entries: Iterable[ReviewEntry], day_of: DayOf, since: date | None = None
) -> Retention:
    """True retention of answers given on or after ``since`` (all time when None)."""
    tests = [
        e for e in _gap_reviews(entries, day_of) if since is None or day_of(e.reviewed_at) >= since
    ]
    passed = sum(1 for e in tests if e.rating is not Rating.AGAIN)
    return Retention(passed, len(tests))


def weekly_retention(
    entries: Iterable[ReviewEntry], day_of: DayOf, today: date, weeks: int = 12
) -> list[Retention]:
    """True retention per 7-day window, oldest first, the last window ending ``today``."""
    tests = _gap_reviews(entries, day_of)
    out = []
    for w in range(weeks - 1, -1, -1):
        end = today - timedelta(days=7 * w)
        start = end - timedelta(days=6)
        window = [e for e in tests if start <= day_of(e.reviewed_at) <= end]
        out.append(Retention(sum(1 for e in window if e.rating is not Rating.AGAIN), len(window)))
    return out


def due_forecast(
    states: Iterable[CardState], day_of: DayOf, today: date, days: int = 30
) -> list[int]:
    """Cards falling due on each of ``days`` study days from today; overdue ones count today."""
    bins = [0] * days
    for state in states:
        offset = (day_of(state.due) - today).days
        if offset < days:
            bins[max(0, offset)] += 1
    return bins


def mastery(recall: Iterable[float]) -> float:
    """Mean predicted recall of a group of cards (unseen cards count as 0), in 0..1."""
    values = list(recall)
    return sum(values) / len(values) if values else 0.0

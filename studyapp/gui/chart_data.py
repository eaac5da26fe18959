"""The shapes behind the progress charts, computed apart from any painting (and from Qt).

The store counts (reviews per day, due forecast, true retention); these functions lay the
counts out the way a chart draws them: reviews per day as a Monday-first calendar grid with
shade levels, and mastery (mean predicted recall) as labelled bars.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

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

    def caption(self) -> str:
        """ "12 reviews on 3 days", singular where it should be."""
        reviews = "review" if self.total == 1 else "reviews"
        days = "day" if self.active_days == 1 else "days"
        return f"{self.total} {reviews} on {self.active_days} {days}"

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
class Bar:
    """One labelled bar: ``value`` in 0..1, ``detail`` a short text shown at its end."""

    label: str
    value: float
    detail: str = ""


def heat_level(count: int, active_counts: Sequence[int]) -> int:
    """The shade of a day: 0 without reviews, else 1..HEAT_LEVELS by its rank among the
    ``active_counts`` (sorted counts of the days with reviews): the busiest quarter of days
    get the top shade. Ranks, not shares of the maximum, so one marathon day does not fade
    every other day to the palest shade."""
    if count <= 0 or not active_counts:
        return 0
    at_or_below = bisect_right(active_counts, count)
    return max(1, min(HEAT_LEVELS, -(-at_or_below * HEAT_LEVELS // len(active_counts))))


def heatmap_grid(counts: Mapping[date, int], today: date, weeks: int = 26) -> HeatmapGrid:
    """The last ``weeks`` calendar weeks up to ``today``, Monday-first, as a grid of cells."""
    if weeks < 1:
        raise ValueError("weeks must be at least 1")
    first = today - timedelta(days=today.weekday()) - timedelta(weeks=weeks - 1)
    shown = {d: n for d, n in counts.items() if first <= d <= today and n > 0}
    busiest = max(shown.values(), default=0)
    ranked = sorted(shown.values())
    columns = []
    for w in range(weeks):
        column: list[HeatCell | None] = []
        for d in range(7):
            day = first + timedelta(days=7 * w + d)
            if day > today:
                column.append(None)
            else:
                count = shown.get(day, 0)
                column.append(HeatCell(day, count, heat_level(count, ranked)))
        columns.append(tuple(column))
    return HeatmapGrid(tuple(columns), sum(shown.values()), len(shown), busiest)

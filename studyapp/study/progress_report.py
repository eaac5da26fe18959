"""What the progress view and ``studyapp stats`` show of several decks at once: the
:class:`ProgressReport` and the :class:`Totals` of the decks' figures.

The figures themselves are :mod:`studyapp.study.progress`'s (:meth:`ProgressModel.report`
builds the report); they live apart so that the app's start, which shows only the library,
does not build these classes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from studyapp.store.queries import Retention
    from studyapp.study.progress import DeckProgress, TopicMastery


@dataclass(frozen=True)
class Totals:
    """The figures summed over several decks."""

    decks: int
    total: int
    new: int
    learning: int
    due_today: int
    mastered: int
    studied: int


def totals(figures: Iterable[DeckProgress]) -> Totals:
    """Sum of the decks' figures (mastery is per deck and not summed)."""
    rows = list(figures)
    return Totals(
        decks=len(rows),
        total=sum(f.total for f in rows),
        new=sum(f.new for f in rows),
        learning=sum(f.learning for f in rows),
        due_today=sum(f.due_today for f in rows),
        mastered=sum(f.mastered for f in rows),
        studied=sum(f.studied for f in rows),
    )


@dataclass(frozen=True)
class ProgressReport:
    """Everything the progress view shows, at one moment."""

    today: date  # the study day
    cards: int
    studied: int
    due_today: int
    review_count: int  # answers in the log (what the optimizer learns from)
    reviews_per_day: dict[date, int]  # study day -> answers, the last HISTORY_DAYS days
    retention: Retention  # the last RETENTION_DAYS study days
    weekly_retention: list[Retention]  # oldest first, the last week ending today
    forecast: list[int]  # due on each of the next FORECAST_DAYS study days (0: today+overdue)
    topics: list[TopicMastery]  # per deck
    sections: list[tuple[str, list[TopicMastery]]]  # (deck title, per section)
    desired_retention: float = 0.9


__all__ = ["ProgressReport", "Totals", "totals"]

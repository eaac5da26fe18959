"""Studying toward an exam: reviews aimed at the exam day, new cards paced, the countdown.

Until an exam, what counts is recall *on the exam day*. Two rules follow, both pure:

* **No review is pushed past the exam without one shortly before it.** When FSRS would schedule
  a card's next review on or after the exam day, the review moves to a day shortly before it:
  :func:`lead_days` before the exam, fewer for a weak card (a card just failed is seen the day
  before; a strong one up to a week before, which also spreads the last days' load). A review
  already that close to the exam is the one before it, and FSRS's interval stands. Only the due
  date moves: the memory state (stability, difficulty) is FSRS's own, so after the exam the
  card goes on exactly as it would have, with nothing lost.
* **New cards are spread so all are introduced in time**: :func:`new_cards_today` paces the
  exam's unseen cards over the days left until :data:`INTRODUCE_LEAD_DAYS` before the exam,
  never above the student's daily limit; :func:`plan_shortfall` says how many cards that limit
  leaves unseen on the exam day, and :func:`plan_message` says it plainly.

The exam days of each card come from the store (:meth:`Store.exam_days_by_card`) as an
:class:`ExamCalendar`, which :class:`studyapp.study.scheduler.Scheduler` consults. Readiness
and the status of each exam are :mod:`.exam_status`'s.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from datetime import date, timedelta

from studyapp.wording import count

MAX_LEAD_DAYS = 7  # the last review before an exam falls at most this many days before it
LEAD_SHARE_OF_STABILITY = 0.4  # FSRS-6 recall stays >= 95 % for 0.4 x stability days
INTRODUCE_LEAD_DAYS = 3  # new cards are all introduced this many days before the exam


class ExamCalendar:
    """The exam days each card is studied toward (a card without an exam is not in it).

    Given ``load`` instead of the days, it reads them on first use (the app opens without
    reading every card's exams)."""

    def __init__(
        self,
        days_by_card: Mapping[str, Iterable[date]] | None = None,
        *,
        load: Callable[[], Mapping[str, Iterable[date]]] | None = None,
    ) -> None:
        self._load = load
        self._days: dict[str, tuple[date, ...]] | None = None
        if load is None:
            self._days = self._sorted(days_by_card or {})

    @staticmethod
    def _sorted(days_by_card: Mapping[str, Iterable[date]]) -> dict[str, tuple[date, ...]]:
        return {card: tuple(sorted(days)) for card, days in days_by_card.items()}

    @property
    def days(self) -> dict[str, tuple[date, ...]]:
        """Card id -> its exam days, soonest first (read now if it was not yet)."""
        if self._days is None:
            assert self._load is not None
            self._days = self._sorted(self._load())
        return self._days

    def __bool__(self) -> bool:
        return bool(self.days)

    def next_exam(self, card_id: str, today: date) -> date | None:
        """The card's first exam after study day ``today`` (an exam today has begun)."""
        for day in self.days.get(card_id, ()):
            if day > today:
                return day
        return None


def lead_days(stability: float | None) -> int:
    """How many days before the exam a card's last review may fall: 1 for a weak card, up to
    :data:`MAX_LEAD_DAYS` for a strong one (whose recall then stays above 95 % to the exam)."""
    if stability is None:
        return 1
    return max(1, min(MAX_LEAD_DAYS, math.floor(LEAD_SHARE_OF_STABILITY * stability)))


def aim_at_exam(due_day: date, today: date, exam_day: date | None, stability: float) -> date | None:
    """The study day a review-phase card answered on ``today`` should next be reviewed, given
    its exam; None when FSRS's own ``due_day`` stands (no exam ahead, the review falls before
    the exam anyway, or today's review already is the one shortly before it)."""
    if exam_day is None or today >= exam_day or due_day < exam_day:
        return None
    target = exam_day - timedelta(days=lead_days(stability))
    if today >= target:
        return None
    return target


def introduce_by(exam_day: date) -> date:
    """The last study day new cards are introduced on, for an exam on ``exam_day``."""
    return exam_day - timedelta(days=INTRODUCE_LEAD_DAYS)


def new_cards_today(
    limit: int, unseen: int, introduced_today: int, today: date, exam_day: date
) -> int:
    """How many more new cards to introduce today (``introduced_today`` already were): the
    exam's cards unseen this morning spread evenly over the days left to :func:`introduce_by`
    (all of them on the last day), never more than ``limit`` a day."""
    days_left = max(1, (introduce_by(exam_day) - today).days + 1)
    pace = math.ceil((unseen + introduced_today) / days_left)
    return max(0, min(limit, pace) - introduced_today)


def plan_shortfall(
    limit: int, unseen: int, introduced_today: int, today: date, exam_day: date
) -> int:
    """How many of the exam's unseen cards the daily limit leaves unseen on the exam day,
    studying every day from today (0: the plan fits)."""
    days_left = max(0, (exam_day - today).days)
    return max(0, unseen - (limit * days_left - introduced_today))


def plan_message(limit: int, shortfall: int) -> str:
    """What to tell the student when the plan does not fit ('' when it does)."""
    if shortfall <= 0:
        return ""
    return (
        f"at {count(limit, 'new card')} a day, {count(shortfall, 'card')} will not be seen "
        "before the exam: raise the limit or start now"
    )


def days_until(exam_day: date, today: date) -> int:
    """Whole study days from ``today`` to the exam (0 on the day, negative after)."""
    return (exam_day - today).days


def describe_countdown(exam_day: date, today: date) -> str:
    """The countdown as a student says it: "exam today", "exam tomorrow", "exam in 12 days"."""
    days = days_until(exam_day, today)
    if days < 0:
        return f"exam was {exam_day.isoformat()}"
    if days == 0:
        return "exam today"
    if days == 1:
        return "exam tomorrow"
    return f"exam in {days} days"


__all__ = [
    "ExamCalendar",
    "aim_at_exam",
    "describe_countdown",
    "lead_days",
    "new_cards_today",
    "plan_message",
    "plan_shortfall",
]

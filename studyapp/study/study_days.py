"""Which study day a stored time falls in, for many cards at once.

:meth:`Scheduler.study_day` converts one moment through the time zone; over 100,000 cards that
adds up. :class:`StudyDays` computes the day starts once and bisects them, giving the same
answer (the scheduler's own day starts, so daylight-saving changes included).
"""

from __future__ import annotations

import bisect
from datetime import datetime, timedelta

from studyapp.store.dbfile import from_micros, to_micros
from studyapp.study.scheduler import Scheduler


class StudyDays:
    """Study days between stored times and the day of ``now``, by bisecting precomputed day
    starts (the scheduler's, ``back`` days before today and ``ahead`` after it, computed once
    instead of once per card; times outside are converted one by one)."""

    def __init__(
        self, scheduler: Scheduler, now: datetime, back: int = 800, ahead: int = 0
    ) -> None:
        self.scheduler = scheduler
        self.today = scheduler.study_day(now)
        first = self.today - timedelta(days=back)
        self.starts = [
            to_micros(scheduler.day_start(first + timedelta(days=n)))
            for n in range(back + ahead + 2)
        ]
        self.back = back
        self.ahead = ahead
        self.day_end = self.starts[back + 1]  # when today's study day ends, in microseconds

    def offset(self, micros: int) -> int:
        """Study days from today to the one holding ``micros`` (0 today, -1 yesterday, 1
        tomorrow)."""
        i = bisect.bisect_right(self.starts, micros) - 1
        if 0 <= i < len(self.starts) - 1:
            return i - self.back
        return (self.scheduler.study_day(from_micros(micros)) - self.today).days

    def days_ago(self, micros: int) -> int:
        """Study days from the one holding ``micros`` to today (0 today, never negative)."""
        i = bisect.bisect_right(self.starts, micros) - 1  # as offset, one call fewer per card
        if 0 <= i < len(self.starts) - 1:
            return max(0, self.back - i)
        return max(0, -self.offset(micros))

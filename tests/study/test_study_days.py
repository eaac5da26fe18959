"""Study days counted in bulk agree with the scheduler's own, across daylight saving."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from studyapp.store.dbfile import to_micros
from studyapp.study.scheduler import Scheduler, SchedulerSettings
from studyapp.study.study_days import StudyDays

NOW = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)  # a week after Berlin's clocks went back


def test_days_ago_matches_the_scheduler_for_recent_and_old_times():
    """Random moments over three years (older ones converted directly) give the same days."""
    scheduler = Scheduler(SchedulerSettings(), ZoneInfo("Europe/Berlin"))
    days = StudyDays(scheduler, NOW, back=400)
    rng = random.Random(11)
    for _ in range(2000):
        moment = NOW - timedelta(minutes=rng.randint(0, 3 * 365 * 24 * 60))
        expected = (scheduler.study_day(NOW) - scheduler.study_day(moment)).days
        assert days.days_ago(to_micros(moment)) == expected
    assert days.days_ago(to_micros(NOW + timedelta(days=3))) == 0  # never negative

"""Tests for studyapp.study.optimize: personal FSRS parameters from the student's own log."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import fsrs
import pytest

from studyapp.review_types import CardState, Rating, ReviewEntry, ReviewMode
from studyapp.study.optimize import OptimizerError, optimize_parameters, review_histories
from studyapp.study.scheduler import Scheduler, SchedulerSettings

START = datetime(2025, 1, 6, 9, 0, tzinfo=UTC)


def simulated_log(cards: int, reviews_per_card: int, recall_boost: float) -> list[ReviewEntry]:
    """A log of a simulated student who recalls with the predicted probability plus a boost."""
    rng = random.Random(3)
    scheduler = Scheduler(SchedulerSettings(), tz=UTC)
    log: list[ReviewEntry] = []
    for c in range(cards):
        now = START + timedelta(days=rng.randint(0, 20), hours=rng.randint(0, 10))
        state: CardState | None = None
        for _ in range(reviews_per_card):
            chance = 0.75 if state is None else scheduler.retrievability(state, now)
            recalled = rng.random() < min(1.0, chance + recall_boost)
            rating = Rating.GOOD if recalled else Rating.AGAIN
            state, entry = scheduler.review(f"card{c}", state, rating, now)
            log.append(entry)
            now = state.due + timedelta(hours=rng.randint(0, 36))
    return log


def test_too_few_reviews_is_a_clear_error():
    """Asking for personal parameters with a short history says how many reviews are needed."""
    log = simulated_log(cards=10, reviews_per_card=5, recall_boost=0.0)
    cram = [ReviewEntry("card0", START, Rating.GOOD, mode=ReviewMode.CRAM)] * 400
    with pytest.raises(OptimizerError, match="at least 400 reviews; you have 50"):
        optimize_parameters(log + cram, Scheduler(tz=UTC))


def test_histories_use_study_days_and_skip_cram():
    """Training data counts days by the study-day rollover and ignores cram answers."""
    entries = [
        ReviewEntry("a", datetime(2025, 1, 1, 23, 0, tzinfo=UTC), Rating.GOOD),
        ReviewEntry("a", datetime(2025, 1, 2, 3, 0, tzinfo=UTC), Rating.GOOD, mode=ReviewMode.CRAM),
        ReviewEntry("a", datetime(2025, 1, 2, 10, 0, tzinfo=UTC), Rating.AGAIN),
    ]
    histories = review_histories(entries, Scheduler(tz=UTC))
    assert len(histories) == 1
    (first_day, first), (second_day, second) = histories[0]
    assert (second_day - first_day).days == 1
    assert (first, second) == (3, 1)


@pytest.mark.parametrize(("boost", "longer"), [(0.08, True), (-0.15, False)])
def test_fitted_parameters_follow_the_students_memory(boost: float, longer: bool):
    """A student who remembers better than predicted gets longer intervals, a weaker one
    shorter."""
    pytest.importorskip("fsrs_rs_python")
    log = simulated_log(cards=120, reviews_per_card=7, recall_boost=boost)
    weights = optimize_parameters(log, Scheduler(tz=UTC))
    assert len(weights) == 21
    assert tuple(weights) != fsrs.scheduler.DEFAULT_PARAMETERS
    personal = Scheduler(SchedulerSettings(parameters=tuple(weights)), tz=UTC)  # in bounds
    default = Scheduler(SchedulerSettings(), tz=UTC)
    state, _ = default.review("x", None, Rating.GOOD, START)
    state, _ = default.review("x", state, Rating.GOOD, START + timedelta(minutes=10))
    mine = personal.preview("x", state, state.due)[Rating.GOOD]
    theirs = default.preview("x", state, state.due)[Rating.GOOD]
    assert (mine > theirs) is longer
    assert mine != theirs

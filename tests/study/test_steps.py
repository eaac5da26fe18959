"""Tests for studyapp.study.steps: learning steps typed as "1m 10m" and shown back the same way."""

from __future__ import annotations

from datetime import timedelta

import pytest

from studyapp.study.scheduler import SchedulerSettings
from studyapp.study.steps import StepsError, format_steps, parse_steps, steps_problem

MIN = timedelta(minutes=1)


def test_anki_style_steps_are_read():
    """ "1m 10m", "10m, 1h", "30s 5" (a bare number is minutes) and decimals all work."""
    assert parse_steps("1m 10m") == (MIN, 10 * MIN)
    assert parse_steps(" 10m,  1h ") == (10 * MIN, 60 * MIN)
    assert parse_steps("30s 5") == (timedelta(seconds=30), 5 * MIN)
    assert parse_steps("1.5h 0.5d") == (90 * MIN, timedelta(hours=12))
    assert parse_steps("2H") == (120 * MIN,)


def test_empty_text_means_no_steps():
    """Clearing the field is allowed: the scheduler then schedules in days at once."""
    assert parse_steps("") == ()
    assert parse_steps("   ") == ()
    assert SchedulerSettings(learning_steps=(), relearning_steps=()).learning_steps == ()


def test_every_bad_word_is_named():
    """A student sees each mistake in plain words, all at once."""
    with pytest.raises(StepsError) as caught:
        parse_steps("1m 5x 1d 0s")
    assert caught.value.problems == [
        "'5x' is not a step: use numbers with s, m, h or d, like 1m 10m",
        "'1d' is too long: each step must be shorter than a day",
        "'0s' is too short: a step must be at least 1 second",
    ]
    assert steps_problem("1m 5x") == (
        "'5x' is not a step: use numbers with s, m, h or d, like 1m 10m"
    )
    assert steps_problem("1m 10m") == ""


@pytest.mark.parametrize(
    "text", ["m", "-1m", "1 m x", "1mm", "10min", "1e3s", "0.2s", "24h", "9" * 400 + "h"]
)
def test_text_that_is_not_steps_is_refused(text: str):
    """Negative, unitless words, unknown units, under a second, a day or longer: refused."""
    with pytest.raises(StepsError):
        parse_steps(text)


def test_steps_are_shown_in_the_largest_whole_unit():
    """Stored seconds come back as the student would type them."""
    steps = (MIN, 10 * MIN, 90 * MIN, timedelta(hours=2), timedelta(seconds=45))
    assert format_steps(steps) == "1m 10m 90m 2h 45s"
    assert format_steps(()) == ""


@pytest.mark.parametrize(
    "steps",
    [
        (MIN, 10 * MIN),
        (10 * MIN,),
        (timedelta(seconds=1), timedelta(seconds=86399)),
        (timedelta(hours=23, minutes=59),),
        (),
    ],
)
def test_round_trip(steps: tuple[timedelta, ...]):
    """What is shown parses back to the same steps, and the scheduler accepts them."""
    assert parse_steps(format_steps(steps)) == steps
    SchedulerSettings(learning_steps=steps, relearning_steps=steps)

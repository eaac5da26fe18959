"""Numbers and times read the way a person would say them, in the app and on the command line."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from studyapp.wording import count, describe_due

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def test_next_due_reads_like_a_person_would_say_it():
    """ "due now", "in 25 min", "in 3 h", "tomorrow", "in 5 days"."""
    assert describe_due(NOW - timedelta(hours=1), NOW, UTC) == "due now"
    assert describe_due(NOW + timedelta(minutes=25), NOW, UTC) == "in 25 min"
    assert describe_due(NOW + timedelta(hours=3), NOW, UTC) == "in 3 h"
    assert describe_due(NOW + timedelta(hours=22), NOW, UTC) == "tomorrow"
    assert describe_due(NOW + timedelta(days=5), NOW, UTC) == "in 5 days"
    assert describe_due(NOW + timedelta(days=40), NOW, UTC) == "in 6 weeks"
    assert describe_due(None, NOW, UTC) == "not started"


def test_counts_take_a_plural_except_for_one():
    """ "1 card", "3 cards", "0 decks"."""
    assert (count(1, "card"), count(3, "card"), count(0, "deck")) == (
        "1 card",
        "3 cards",
        "0 decks",
    )

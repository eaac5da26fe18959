"""The end-of-session page: numbers, time spent and when to come back, in words."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from studyapp.gui.summary import (
    SummaryFacts,
    SummaryWidget,
    format_duration,
    headline,
    leech_text,
    next_due_text,
)

NOW = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)


def test_time_spent_reads_naturally():
    """Seconds under a minute, minutes under an hour, then hours and minutes."""
    assert format_duration(timedelta(seconds=42)) == "42 s"
    assert format_duration(timedelta(minutes=12, seconds=20)) == "12 min"
    assert format_duration(timedelta(hours=1, minutes=5)) == "1 h 05 min"
    assert format_duration(timedelta(seconds=-3)) == "0 s"


def test_next_due_names_the_day_and_time():
    """Tomorrow with its time, soon with minutes, later with the date, nothing when done."""
    assert next_due_text(NOW + timedelta(hours=19), NOW, UTC) == (
        "Next card due tomorrow at 10:00."
    )
    assert next_due_text(NOW + timedelta(minutes=10), NOW, UTC) == (
        "Next card due in 10 min (at 15:10)."
    )
    assert next_due_text(NOW + timedelta(days=6), NOW, UTC) == (
        "Next card due in 6 days, on Sun 08 Mar."
    )
    assert next_due_text(NOW - timedelta(minutes=1), NOW, UTC) == "More cards are due now."
    assert next_due_text(None, NOW, UTC).startswith("No cards are scheduled")


def test_headline_for_review_cram_and_nothing():
    """A cram run gets a score; an empty session says so."""
    facts = SummaryFacts(10, 7, timedelta(minutes=3), None, NOW)
    assert headline(facts) == "Session complete" and facts.accuracy == 0.7
    assert headline(SummaryFacts(10, 7, timedelta(), None, NOW, cram=True)) == "Score: 7 / 10"
    empty = SummaryFacts(0, 0, timedelta(), None, NOW)
    assert headline(empty) == "Nothing to study right now" and empty.accuracy is None


def test_page_shows_the_facts(qtbot):
    """The page fills its three numbers and the next-due line."""
    page = SummaryWidget(tz=UTC)
    qtbot.addWidget(page)
    page.show_facts(SummaryFacts(42, 37, timedelta(minutes=13), NOW + timedelta(hours=19), NOW))
    assert [page.values[k].text() for k in ("answered", "accuracy", "time")] == [
        "42",
        "88 %",
        "13 min",
    ]
    assert page.next_label.text() == "Next card due tomorrow at 10:00."
    page.show_facts(SummaryFacts(0, 0, timedelta(), None, NOW))
    assert page.values["accuracy"].text() == "—"


def test_the_summary_says_when_cards_became_leeches(qtbot):
    """Leeches of the session are named, with whether they were suspended."""
    now = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
    base = SummaryFacts(
        answered=5, correct=3, time_spent=timedelta(minutes=2), next_due=None, now=now
    )
    assert leech_text(base) == ""
    marked = SummaryFacts(**{**base.__dict__, "leeches": 1})
    assert leech_text(marked).startswith("This card keeps being forgotten (8 lapses or more)")
    assert "is marked as a leech" in leech_text(marked)
    suspended = SummaryFacts(**{**base.__dict__, "leeches": 2, "leeches_suspended": True})
    assert "These 2 cards keep being forgotten" in leech_text(suspended)
    assert "were suspended" in leech_text(suspended)
    widget = SummaryWidget()
    qtbot.addWidget(widget)
    widget.show_facts(suspended)
    assert widget.leech_label.text() == leech_text(suspended)

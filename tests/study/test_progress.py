"""The library's and reader's numbers: due, new, mastered, mastery and "next due" wording."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from studyapp.review_types import Rating
from studyapp.study.progress import (
    describe_due,
    group_by_source,
    section_mastery,
    summarize_deck,
)
from studyapp.study.scheduler import Scheduler, SchedulerSettings
from tests.gui.decks import anesthesia_deck, depression_deck

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def scheduler() -> Scheduler:
    return Scheduler(SchedulerSettings(fuzz=False), tz=UTC)


def test_new_deck_counts_every_card_new_and_nothing_mastered():
    """A deck never studied shows all cards new, none due or mastered, 0 % mastery."""
    deck = anesthesia_deck()
    s = summarize_deck(deck, {}, scheduler(), NOW, NOW + timedelta(hours=16))
    assert (s.total, s.new, s.due_today, s.mastered) == (10, 10, 0, 0)
    assert s.mastery == 0.0 and s.next_due is None


def test_reviewed_cards_count_as_due_and_mastery_grows():
    """Reviewed cards leave "new", fall due today when their due time is before the day ends."""
    deck = anesthesia_deck()
    sched = scheduler()
    states = {}
    for card in deck.cards[:3]:
        state, _ = sched.review(card.id, None, Rating.GOOD, NOW - timedelta(minutes=20))
        states[card.id] = state
    s = summarize_deck(deck, states, sched, NOW, sched.next_day_start(NOW))
    assert s.new == 7
    assert s.due_today == 3  # learning steps of minutes: due again today
    assert 0.0 < s.mastery <= 0.3  # three of ten cards, each at most 1.0
    assert s.next_due is not None and s.next_due <= NOW


def test_mastered_needs_long_stability_and_high_recall():
    """A card counts as mastered only after it has grown a stability of three weeks or more."""
    deck = anesthesia_deck()
    sched = scheduler()
    card = deck.cards[0]
    state, _ = sched.review(card.id, None, Rating.EASY, NOW - timedelta(days=200))
    moment = NOW - timedelta(days=200)
    for _ in range(6):
        moment = state.due
        state, _ = sched.review(card.id, state, Rating.EASY, moment)
    summary = summarize_deck(deck, {card.id: state}, sched, moment, moment)
    assert state.stability is not None and state.stability >= 21
    assert summary.mastered == 1
    first, _ = sched.review(card.id, None, Rating.GOOD, NOW)
    assert summarize_deck(deck, {card.id: first}, sched, NOW, NOW).mastered == 0


def test_section_mastery_covers_subsections_and_none_without_cards():
    """A section's mastery includes its subsections' cards; new cards pull it down."""
    deck = anesthesia_deck()
    sched = scheduler()
    states = {}
    for card in deck.cards_in_section("I.B.1"):
        states[card.id], _ = sched.review(card.id, None, Rating.EASY, NOW)
    mastery = section_mastery(deck, states, sched, NOW)
    assert mastery["I.B.1"] == 1.0
    assert 0.0 < mastery["I.B"] < 1.0  # its own two new cards count 0
    assert mastery["I.C"] == 0.0


def test_next_due_reads_like_a_person_would_say_it():
    """ "due now", "in 25 min", "in 3 h", "tomorrow", "in 5 days"."""
    assert describe_due(NOW - timedelta(hours=1), NOW, UTC) == "due now"
    assert describe_due(NOW + timedelta(minutes=25), NOW, UTC) == "in 25 min"
    assert describe_due(NOW + timedelta(hours=3), NOW, UTC) == "in 3 h"
    assert describe_due(NOW + timedelta(hours=22), NOW, UTC) == "tomorrow"
    assert describe_due(NOW + timedelta(days=5), NOW, UTC) == "in 5 days"
    assert describe_due(None, NOW, UTC) == "not started"


def test_decks_group_under_their_source_title():
    """Decks from one source sit under its title; decks without a source under "Other decks"."""
    sched = scheduler()
    plain = anesthesia_deck().__class__(id="plain", title="Plain")
    rows = [
        summarize_deck(d, {}, sched, NOW, NOW)
        for d in (anesthesia_deck(), plain, depression_deck())
    ]
    groups = group_by_source(rows)
    assert [(title, [r.deck.id for r in group]) for title, group in groups] == [
        ("Ketamine in medicine: a study outline", ["ketamine-anesthesia", "ketamine-depression"]),
        ("Other decks", ["plain"]),
    ]

"""Replaying the review log: the order of answering counts, whatever the clock said."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from studyapp import paths
from studyapp.cli import main
from studyapp.model import Card, CardType, Deck, Section
from studyapp.review_types import Rating
from studyapp.store.database import Store
from studyapp.study.scheduler import Scheduler, SchedulerSettings

T = datetime(2026, 5, 4, 10, 0, tzinfo=UTC)
DECK = Deck(
    "pharma",
    "Pharma",
    sections=(Section("I", "One"),),
    cards=tuple(Card(f"c{i}", CardType.BASIC, f"q{i}?", f"a{i}", section="I") for i in range(3)),
)


def test_clock_set_back_keeps_the_log_in_answer_order_and_replay_agrees(
    tmp_path: Path, capsys
) -> None:
    """After the clock is set back mid-study, doctor finds no disagreement and a rebuild
    changes no schedule: the log keeps the order the cards were answered in."""
    scheduler = Scheduler(SchedulerSettings())  # local time, as `doctor --rebuild` uses
    answers = [  # (card, rating, when): the laptop's clock is corrected back by 5 minutes
        ("c0", Rating.GOOD, T),
        ("c0", Rating.AGAIN, T - timedelta(minutes=5)),
        ("c1", Rating.GOOD, T - timedelta(minutes=4)),
        ("c0", Rating.GOOD, T - timedelta(minutes=3)),
        ("c1", Rating.EASY, T + timedelta(days=3)),
        ("c1", Rating.HARD, T + timedelta(days=1)),  # and once by two days
        ("c0", Rating.GOOD, T + timedelta(days=4)),
    ]
    with Store.open(paths.database_path(tmp_path), now=T) as store:
        store.sync_decks([DECK], T)
        for card_id, rating, at in answers:
            new, entry = scheduler.review(card_id, store.card_state(card_id), rating, at)
            assert new.due >= at  # never a negative interval
            store.record_review(new, entry)
        cached = store.card_states()
        in_log = [(e.card_id, e.rating, e.reviewed_at) for e in store.reviews()]
    assert in_log == answers

    assert main(["doctor", "--data-dir", str(tmp_path)]) == 0
    assert "card state: agrees with the review log" in capsys.readouterr().out
    assert main(["doctor", "--rebuild", "--data-dir", str(tmp_path)]) == 0
    assert "rebuilt the schedule of 2 cards" in capsys.readouterr().out
    with Store.open(paths.database_path(tmp_path), now=T) as store:
        assert store.card_states() == cached

"""The seeded sample history: real reviews through the real scheduler and store, repeatable."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from studyapp.gui.sample_history import write_history
from studyapp.store.database import Store
from studyapp.study.scheduler import Scheduler
from tests.gui.decks import anesthesia_deck, depression_deck

END = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def history(seed: int, **options: object) -> tuple[Store, int]:
    decks = [anesthesia_deck(), depression_deck()]
    store = Store.in_memory()
    store.sync_decks(decks, END - timedelta(days=40))
    scheduler = Scheduler(tz=UTC)
    written = write_history(
        store, scheduler, decks, END - timedelta(days=30), END, random.Random(seed), **options
    )
    return store, written


def test_history_is_written_through_the_store_and_is_repeatable():
    """The same seed writes the same reviews; every review sits in the log before the end."""
    first, count = history(3)
    second, _ = history(3)
    assert count == len(first.reviews()) > 13  # every card at least once, most more often
    assert first.reviews() == second.reviews()
    assert all(entry.reviewed_at < END for entry in first.reviews())


def test_stored_states_are_what_replaying_the_log_gives():
    """Card states match a replay of the log, as if a student had studied them."""
    store, _ = history(5)
    before = store.card_states()
    store.rebuild_states(Scheduler(tz=UTC))
    assert store.card_states() == before


def test_target_stops_the_history_early():
    """With a target the history stops at exactly that many reviews."""
    store, written = history(1, target_reviews=25)
    assert written == 25 == len(store.reviews())

"""Leeches, as in Anki: the 8th lapse marks a card, and by a setting suspends it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from studyapp.review_types import Rating
from studyapp.store.database import Store
from studyapp.study.leech import LEECH_LAPSES, SUSPEND_LEECHES_KEY, is_leech
from studyapp.study.scheduler import Scheduler, SchedulerSettings
from studyapp.study.session import Stage, StudySession
from tests.study.test_session import Clock, FakeView, basic, make_deck

T0 = datetime(2027, 3, 1, 12, 0, tzinfo=UTC)


def test_eight_lapses_make_a_leech():
    """Seven lapses are not yet a leech; eight are."""
    assert LEECH_LAPSES == 8
    assert not is_leech(7) and is_leech(8)


def seven_lapses(store: Store, scheduler: Scheduler, card_id: str) -> None:
    """A card learned long ago and forgotten seven times, now due again."""
    moment = T0 - timedelta(days=300)
    state = None
    for rating in [Rating.GOOD, Rating.GOOD] + [Rating.AGAIN, Rating.GOOD] * 7:
        state, entry = scheduler.review(card_id, state, rating, moment)
        store.record_review(state, entry)
        moment += timedelta(days=5)
    assert store.lapses(card_id) == 7


@pytest.mark.parametrize("suspend", [False, True])
def test_the_eighth_lapse_is_reported_and_suspended_by_the_setting(tmp_path: Path, suspend: bool):
    """Again on a 7-lapse card: the summary names it; with the setting it is suspended,
    not shown again, and undo takes the suspension back."""
    store = Store.open(tmp_path / "p.sqlite3", backups=0)
    deck = make_deck([basic("leechy"), basic("fine")])
    store.sync_decks([deck], T0 - timedelta(days=400))
    scheduler = Scheduler(SchedulerSettings(), tz=UTC)
    seven_lapses(store, scheduler, "leechy")
    store.set_setting(SUSPEND_LEECHES_KEY, suspend)
    clock = Clock(T0)
    view = FakeView()
    session = StudySession(store, scheduler, [deck], view, clock=clock, only={"leechy"})
    session.start()
    assert session.current_card is not None and session.current_card.id == "leechy"
    session.reveal()
    session.rate(Rating.AGAIN)
    assert store.lapses("leechy") == 8
    summary = session.summary()
    assert summary.leeches == ("leechy",) and summary.leeches_suspended is suspend
    assert (store.card_progress_of("leechy").suspended == 1) is suspend  # type: ignore[union-attr]
    assert (session.stage is Stage.FINISHED) is suspend  # a suspended leech is not requeued
    session.undo()
    assert store.card_progress_of("leechy").suspended == 0  # type: ignore[union-attr]
    assert session.summary().leeches == ()
    store.close()

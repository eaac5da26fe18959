"""Durability: killing studyapp at any moment never loses a saved answer or corrupts progress."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from studyapp.store.database import Store
from studyapp.study.scheduler import Scheduler, SchedulerSettings

KILLS = 24
CARDS = 30

# The child answers cards as fast as it can, printing each log id once its commit returned.
CHILD = """
import random, sys
from datetime import timedelta
from studyapp.store.dbfile import from_micros
from studyapp.model import Card, CardType, Deck
from studyapp.review_types import Rating
from studyapp.study.scheduler import Scheduler, SchedulerSettings
from studyapp.store.database import Store

path, seed, cards = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(seed)
store = Store.open(path, backups=0)
ids = [f"c{i}" for i in range(cards)]
deck = Deck("d", "Deck", cards=tuple(Card(i, CardType.BASIC, "q", "a") for i in ids))
last = store.conn.execute("SELECT max(reviewed_at) FROM review_log").fetchone()[0]
now = from_micros(last or 1_780_000_000_000_000)
store.sync_decks([deck], now)
scheduler = Scheduler(SchedulerSettings())
print("ready", flush=True)
while True:
    now += timedelta(minutes=rng.randint(1, 3000), microseconds=rng.randint(1, 999_999))
    card_id = rng.choice(ids)
    rating = Rating(rng.choice([1, 2, 3, 3, 4]))
    state, entry = scheduler.review(card_id, store.card_state(card_id), rating, now, 500)
    print(store.record_review(state, entry), flush=True)
"""


def check_consistent(
    path: Path, reported: set[int], scheduler: Scheduler, *, replay: bool
) -> set[int]:
    """Assert the database is sound and agrees with what was reported; the logged ids.

    Every time: integrity, no reported answer lost, each cached state's last review is its
    card's latest logged answer. With ``replay``: the whole cache equals the log's replay.
    """
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    conn.close()
    with Store.open(path, backups=0) as store:
        logged = {row[0] for row in store.conn.execute("SELECT id FROM review_log")}
        assert reported <= logged, f"lost answers: {sorted(reported - logged)[:5]}"
        assert len(logged - reported) <= 1, "more than the one answer in flight unreported"
        cached = store.card_states()
        latest = dict(
            store.conn.execute("SELECT card_id, max(reviewed_at) FROM review_log GROUP BY card_id")
        )
        assert set(cached) == set(latest)
        for card_id, state in cached.items():
            assert state.last_review is not None
            delta = state.last_review - datetime(1970, 1, 1, tzinfo=UTC)
            assert delta // timedelta(microseconds=1) == latest[card_id]
        if replay:
            store.rebuild_states(scheduler)
            assert store.card_states() == cached, "cached state differs from the log's replay"
        return logged


@pytest.mark.slow
def test_killed_mid_answer_loses_at_most_the_answer_in_flight(tmp_path: Path) -> None:
    """Pulling the plug on the app while answering keeps every saved answer and a sound file."""
    rng = random.Random(20261125)
    path = tmp_path / "progress.sqlite3"
    scheduler = Scheduler(SchedulerSettings())
    known: set[int] = set()  # ids reported by a child or found committed after a kill
    answered_runs = 0
    for run in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(path), str(run), str(CARDS)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        time.sleep(rng.uniform(0.12, 0.6))
        child.send_signal(signal.SIGKILL)
        out, err = child.communicate(timeout=10)
        assert child.returncode == -signal.SIGKILL, err
        lines = out.split()
        ids = {int(x) for x in lines if x != "ready"}
        answered_runs += bool(ids)
        replay = run % 6 == 5 or run == KILLS - 1
        logged = check_consistent(path, known | ids, scheduler, replay=replay)
        assert known <= logged
        known = logged
    assert answered_runs >= KILLS // 2, "the child rarely got to answer: kills too early"
    assert len(known) > 100

"""Background checkpoints: saved answers reach the database file without the student waiting."""

from __future__ import annotations

import shutil
import sqlite3
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from studyapp.model import Card, CardType, Deck
from studyapp.review_types import CardState, Phase, Rating, ReviewEntry
from studyapp.store.database import Store

T0 = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)


def rows_in_main_file(path: Path, scratch: Path) -> int:
    """How many answers the database file holds on its own, ignoring its WAL."""
    shutil.copyfile(path, scratch)
    conn = sqlite3.connect(scratch)
    try:
        return conn.execute("SELECT count(*) FROM review_log").fetchone()[0]
    except sqlite3.OperationalError:  # not even the tables are in the file yet
        return 0
    finally:
        conn.close()
        scratch.unlink()


def test_answers_are_checkpointed_in_the_background(tmp_path: Path) -> None:
    """Soon after answering, the answers are in the database file itself, not only the WAL."""
    path = tmp_path / "progress.sqlite3"
    with Store.open(path, backups=0) as store:
        cards = tuple(Card(f"c{i}", CardType.BASIC, "q", "a") for i in range(50))
        store.sync_decks([Deck("d", "D", cards=cards)], T0)
        for n in range(200):
            at = T0 + timedelta(minutes=n)
            state = CardState(Phase.REVIEW, None, 3.0, 5.0, at + timedelta(days=2), at)
            store.record_review(state, ReviewEntry(f"c{n % 50}", at, Rating.GOOD, 700))
        deadline = time.monotonic() + 5
        while rows_in_main_file(path, tmp_path / "copy.sqlite3") < 200:
            assert time.monotonic() < deadline, "the background checkpoint never ran"
            time.sleep(0.05)
        assert store.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 10_000
    assert not path.with_name(path.name + "-wal").exists()  # closed cleanly, WAL folded in

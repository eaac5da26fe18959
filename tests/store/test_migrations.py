"""Schema migrations: a database from any earlier studyapp opens with its progress intact."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from studyapp.errors import StoreError
from studyapp.model import Card, CardType, Deck
from studyapp.review_types import Phase
from studyapp.store import migrations
from studyapp.store.database import Store
from studyapp.store.dbfile import to_micros

T0 = datetime(2025, 5, 1, 12, 0, tzinfo=UTC)


def shape(conn: sqlite3.Connection) -> dict[str, tuple[list[str], list[str]]]:
    """Each table's column names and index names: what "the schema is current" means."""
    out = {}
    for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
        columns = [row[1] for row in conn.execute(f"PRAGMA table_info('{table}')")]
        indexes = sorted(row[1] for row in conn.execute(f"PRAGMA index_list('{table}')"))
        out[table] = (columns, indexes)
    return out


def fill(db: Database) -> None:
    """Put progress into whatever tables this older version has."""
    tables = set(db.table_names())
    if "cards" in tables:
        db.execute("INSERT INTO decks (id, title) VALUES ('d', 'Deck')")
        db.execute(
            "INSERT INTO cards (id, deck_id, section_id, answer_key, position) "
            "VALUES ('c1', 'd', 'I', ?, 0)",
            [Card("c1", CardType.BASIC, "q", "a").answer_key()],
        )
        state = {
            "card_id": "c1",
            "phase": int(Phase.REVIEW),
            "stability": 4.5,
            "difficulty": 6.0,
            "due": to_micros(T0 + timedelta(days=4)),
            "last_review": to_micros(T0),
        }
        if "deck_id" in db["card_state"].columns_dict:
            state["deck_id"] = "d"
        db["card_state"].insert(state)
        db.execute(
            "INSERT INTO review_log (card_id, reviewed_at, rating, duration_ms, mode) "
            "VALUES ('c1', ?, 3, 800, 'review')",
            [to_micros(T0)],
        )
    if "settings" in tables:
        db.execute("INSERT INTO settings VALUES ('exam', '\"2025-06-01\"')")
        db.execute("INSERT INTO section_reads VALUES ('d', 'I', ?)", [to_micros(T0)])


def current_shape(tmp_path: Path) -> dict[str, tuple[list[str], list[str]]]:
    """The schema a new database gets."""
    with Store.open(tmp_path / "fresh" / "progress.sqlite3") as store:
        return shape(store.conn)


@pytest.mark.parametrize("stop_before", migrations.current_version())
def test_upgrade_from_every_earlier_version(tmp_path: Path, stop_before: str) -> None:
    """Progress saved by any earlier version survives the upgrade to the current schema."""
    path = tmp_path / "old" / "progress.sqlite3"
    path.parent.mkdir()
    old = Database(path)
    migrations.apply(old, stop_before=stop_before)
    fill(old)
    had_cards = "cards" in old.table_names()
    had_settings = "settings" in old.table_names()
    old.close()

    with Store.open(path) as store:
        assert migrations.pending(store.db) == []
        assert shape(store.conn) == current_shape(tmp_path)
        if had_cards:
            assert store.card_state("c1") is not None
            assert store.card_state("c1").due == T0 + timedelta(days=4)
            assert [e.duration_ms for e in store.reviews("c1")] == [800]
            deck = Deck("d", "Deck", cards=(Card("c1", CardType.BASIC, "q", "a", section="I"),))
            assert store.sync_decks([deck], T0).unchanged == 1
            store.set_suspended("c1", True)  # a column the upgrade added
            assert store.due_card_ids(["d"], T0 + timedelta(days=9)) == []
        if had_settings:
            assert store.setting("exam") == "2025-06-01"
            assert store.read_sections("d") == {"I": T0}


def test_every_step_is_recorded_once(tmp_path: Path) -> None:
    """Opening twice applies each migration exactly once, in order."""
    path = tmp_path / "progress.sqlite3"
    Store.open(path).close()
    with Store.open(path) as store:
        applied = [m.name for m in migrations.migrations.applied(store.db)]
    assert applied == migrations.current_version()


def test_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    """A database written by a newer studyapp is not touched by an older one."""
    path = tmp_path / "progress.sqlite3"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('studyapp', 'm999_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer studyapp"):
        Store.open(path)
    with pytest.raises(StoreError, match="newer studyapp"):  # and the lock was let go
        Store.open(path)


def test_current_database_is_recognised_without_sqlite_utils(tmp_path: Path) -> None:
    """Reopening an up-to-date database is quick: it does not even load the migration tool."""
    path = tmp_path / "progress.sqlite3"
    Store.open(path).close()
    code = (
        "import sys; from pathlib import Path; from studyapp.store.database import Store\n"
        f"s = Store.open(Path({str(path)!r}), backups=0); s.set_setting('k', 1); s.close()\n"
        "print('sqlite_utils' in sys.modules)"
    )
    ran = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert ran.stdout.strip() == "False"
    with Store.open(path) as store:
        assert store.setting("k") == 1
        assert migrations.applied_names(store.conn) == migrations.current_version()
        assert migrations.is_current(store.conn)


def test_older_database_is_not_current(tmp_path: Path) -> None:
    """A database one step behind is seen as needing an upgrade, and gets it at open."""
    path = tmp_path / "progress.sqlite3"
    old = Database(path)
    migrations.apply(old, stop_before=migrations.current_version()[-1])
    assert not migrations.is_current(old.conn)
    assert migrations.applied_names(old.conn) == migrations.current_version()[:-1]
    old.close()
    with Store.open(path) as store:
        assert migrations.is_current(store.conn)


def test_the_answer_count_starts_from_the_log_and_follows_it(tmp_path: Path) -> None:
    """An older database learns how many answers it holds; answers and undos keep it exact."""
    from studyapp.review_types import CardState, Rating, ReviewEntry

    path = tmp_path / "progress.sqlite3"
    old = Database(path)
    migrations.apply(old, stop_before="m008_answer_count")
    fill(old)
    logged = old.execute("SELECT count(*) FROM review_log").fetchone()[0]
    old.close()
    assert logged > 0
    with Store.open(path, backups=0) as store:
        assert store.answer_count() == logged
        state = CardState(Phase.REVIEW, None, 3.0, 5.0, T0 + timedelta(days=3), T0)
        row = store.record_review(state, ReviewEntry("c1", T0, Rating.GOOD, 1000))
        assert store.answer_count() == logged + 1
        store.undo_review(row, None)
        assert store.answer_count() == logged

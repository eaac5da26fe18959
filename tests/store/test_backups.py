"""Automatic backups at open: hourly at most, only after changes, the newest five kept."""

from __future__ import annotations

import random
import sqlite3
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from studyapp.errors import StoreError
from studyapp.store.backups import check_file, list_backups, restore_backup
from studyapp.store.database import Store
from studyapp.store.dbfile import StoreCorruptError

T0 = datetime(2026, 5, 4, 10, 30, tzinfo=UTC)


def session(path: Path, at: datetime, value: object | None = None, keep: int = 5) -> None:
    """Open the app at ``at``; change something when ``value`` is given; close it."""
    with Store.open(path, now=at, backups=keep) as store:
        if value is not None:
            store.set_setting("marker", value)


def marker(path: Path) -> object:
    """The ``marker`` setting stored in a database file."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT value FROM settings WHERE key = 'marker'").fetchone()[0]
    finally:
        conn.close()


def test_backup_is_taken_at_open_after_changes_only(tmp_path: Path) -> None:
    """A backup named by its UTC time appears at open when progress changed an hour ago."""
    path = tmp_path / "progress.sqlite3"
    session(path, T0, 1)
    assert list_backups(path) == []  # the very first open has nothing to back up
    session(path, T0 + timedelta(hours=2), 2)
    first = list_backups(path)
    assert [b.path.name for b in first] == ["progress-20260504T123000Z.sqlite3"]
    assert first[0].taken_at == T0 + timedelta(hours=2)
    assert marker(first[0].path) == "1"  # the state before this session's change
    assert check_file(first[0].path) == []
    session(path, T0 + timedelta(hours=2, minutes=30), 3)  # under an hour: none
    assert len(list_backups(path)) == 1
    session(path, T0 + timedelta(hours=4))  # changed since the backup: a new one
    session(path, T0 + timedelta(hours=9))  # nothing changed since: none
    taken = [b.taken_at for b in list_backups(path)]
    assert taken == [T0 + timedelta(hours=4), T0 + timedelta(hours=2)]


def test_only_the_newest_backups_are_kept(tmp_path: Path) -> None:
    """Backups rotate: the newest five stay, older ones go."""
    path = tmp_path / "progress.sqlite3"
    session(path, T0, 0)
    for n in range(1, 9):
        session(path, T0 + timedelta(hours=2 * n), n)
    kept = list_backups(path)
    assert [b.taken_at for b in kept] == [T0 + timedelta(hours=2 * n) for n in (8, 7, 6, 5, 4)]
    assert [marker(b.path) for b in kept] == ["7", "6", "5", "4", "3"]
    assert sorted(p.name for p in kept[0].path.parent.iterdir()) == sorted(
        b.path.name for b in kept
    )


def test_restore_brings_back_a_backup_and_keeps_the_current_file(tmp_path: Path) -> None:
    """Restoring a backup can itself be undone: the replaced database is kept."""
    path = tmp_path / "progress.sqlite3"
    session(path, T0, "old")
    session(path, T0 + timedelta(hours=2), "new")
    backup = list_backups(path)[0].path
    kept = restore_backup(path, backup, T0 + timedelta(hours=3))
    assert marker(path) == '"old"'
    assert marker(kept) == '"new"'
    with Store.open(path, now=T0 + timedelta(hours=3)) as store:
        assert store.setting("marker") == "old"


def test_damaged_backup_is_not_restored(tmp_path: Path) -> None:
    """A damaged backup is refused and the current database is left alone."""
    path = tmp_path / "progress.sqlite3"
    session(path, T0, "current")
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(random.Random(1).randbytes(4096))
    with pytest.raises(StoreError, match="damaged"):
        restore_backup(path, bad, T0)
    assert marker(path) == '"current"'


def test_damaged_database_does_not_push_out_good_backups(tmp_path: Path) -> None:
    """Opening a damaged database never replaces a good backup with a copy of the damage."""
    path = tmp_path / "progress.sqlite3"
    with Store.open(path, now=T0) as store:
        store.conn.executemany(
            "INSERT INTO settings VALUES (?, ?)", [(f"k{n}", "x" * 200) for n in range(3000)]
        )
        store.conn.commit()
    session(path, T0 + timedelta(hours=2), 1)
    good = list_backups(path)
    raw = bytearray(path.read_bytes())
    raw[4096 * 3 :] = random.Random(9).randbytes(len(raw) - 4096 * 3)
    path.write_bytes(bytes(raw))
    with pytest.raises(StoreCorruptError):
        session(path, T0 + timedelta(hours=5), keep=1)
    assert list_backups(path) == good


def test_backup_times_are_read_from_the_names_to_the_second(tmp_path: Path) -> None:
    """Backups are listed newest first with the exact UTC time their names carry."""
    path = tmp_path / "progress.sqlite3"
    folder = tmp_path / "backups"
    folder.mkdir()
    for name in (
        "progress-20261231T235959Z.sqlite3",
        "progress-20270101T000001Z-1.sqlite3",
        "other-20300101T000000Z.sqlite3",
        "progress-latest.sqlite3",
    ):
        (folder / name).write_bytes(b"")
    assert [b.taken_at for b in list_backups(path)] == [
        datetime(2027, 1, 1, 0, 0, 1, tzinfo=UTC),
        datetime(2026, 12, 31, 23, 59, 59, tzinfo=UTC),
    ]


def test_backup_taken_on_another_thread_while_answers_are_saved_is_consistent(
    tmp_path: Path,
) -> None:
    """The app's backup, taken beside the study, holds whole answers only and a sound file."""
    path = tmp_path / "progress.sqlite3"
    session(path, T0, 0)
    later = T0 + timedelta(hours=2)
    with Store.open(path, now=later, defer_backup=True) as store:
        assert list_backups(path) == []  # open left it to the caller
        store.conn.executemany(  # a database big enough that the copy takes a while
            "INSERT INTO settings VALUES (?, ?)", [(f"k{n}", "x" * 500) for n in range(4000)]
        )
        store.conn.commit()
        taken: list[Path | None] = []
        worker = threading.Thread(target=lambda: taken.append(store.take_backup(later)))
        worker.start()
        n = 0
        while worker.is_alive() or n < 50:
            n += 1
            store.set_setting("marker", n)  # one write transaction each
        worker.join()
    [backup] = list_backups(path)
    assert taken == [backup.path]
    assert check_file(backup.path) == []
    conn = sqlite3.connect(backup.path)
    try:
        changes = int(
            conn.execute("SELECT value FROM store_meta WHERE key = 'changes'").fetchone()[0]
        )
        written = conn.execute("SELECT value FROM settings WHERE key = 'marker'").fetchone()
    finally:
        conn.close()
    # Every write bumps the change counter in its own transaction: the copy holds both or neither.
    marker_writes = int(written[0]) if written is not None else 0
    with Store.open(path, backups=0) as store:
        final = store.conn.execute("SELECT value FROM store_meta WHERE key = 'changes'").fetchone()
    assert int(final[0]) - changes == n - marker_writes


def test_a_deferred_backup_is_taken_only_when_due(tmp_path: Path) -> None:
    """Taking the deferred backup follows the hourly rule: none within the hour."""
    path = tmp_path / "progress.sqlite3"
    session(path, T0, 0)
    session(path, T0 + timedelta(hours=2), 1)  # the backup of this hour
    with Store.open(path, now=T0 + timedelta(hours=2, minutes=20), defer_backup=True) as store:
        store.set_setting("marker", 2)
        assert store.take_backup(T0 + timedelta(hours=2, minutes=20)) is None
        assert store.take_backup(T0 + timedelta(hours=4)) is not None
        assert store.take_backup(T0 + timedelta(hours=4, minutes=5)) is None
    assert len(list_backups(path)) == 2

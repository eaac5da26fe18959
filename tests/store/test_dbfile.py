"""Faults opening and writing progress: a clear message, and nothing further damaged."""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from studyapp.errors import StoreError
from studyapp.model import Card, CardType, Deck
from studyapp.review_types import CardState, Phase, Rating, ReviewEntry
from studyapp.store.database import Store
from studyapp.store.dbfile import (
    StoreCorruptError,
    StoreFullError,
    StoreLockedError,
    StoreReadOnlyError,
    from_micros,
    to_micros,
)

T0 = datetime(2026, 4, 1, 8, 0, tzinfo=UTC)


def filled(path: Path, cards: int = 50) -> None:
    """Make a database at ``path`` with ``cards`` cards, each answered once."""
    with Store.open(path, backups=0) as store:
        ids = [f"c{i}" for i in range(cards)]
        store.sync_decks(
            [Deck("d", "D", cards=tuple(Card(i, CardType.BASIC, "q", "a") for i in ids))], T0
        )
        for i in ids:
            state = CardState(Phase.REVIEW, None, 3.0, 5.0, T0 + timedelta(days=3), T0)
            store.record_review(state, ReviewEntry(i, T0, Rating.GOOD, 1000))


def test_time_encoding_is_exact() -> None:
    """Stored times come back to the microsecond, whatever the time zone given."""
    moment = datetime(2031, 12, 31, 23, 59, 59, 999_999, tzinfo=UTC)
    assert from_micros(to_micros(moment)) == moment
    with pytest.raises(ValueError):
        to_micros(datetime(2026, 1, 1))


def test_garbage_file_is_reported_and_left_alone(tmp_path: Path) -> None:
    """A file that is not a database gives a message naming it and `studyapp doctor`."""
    path = tmp_path / "progress.sqlite3"
    garbage = random.Random(3).randbytes(8192)
    path.write_bytes(garbage)
    with pytest.raises(StoreCorruptError) as caught:
        Store.open(path)
    assert str(path) in str(caught.value) and "studyapp doctor" in str(caught.value)
    assert path.read_bytes() == garbage
    assert not path.with_name(path.name + "-wal").exists()
    with pytest.raises(StoreCorruptError):  # the lock was released: same answer again
        Store.open(path)


def test_truncated_header_is_reported_and_left_alone(tmp_path: Path) -> None:
    """A database cut short in its header is reported as damaged, never overwritten."""
    path = tmp_path / "progress.sqlite3"
    filled(path)
    head = path.read_bytes()[:60]
    path.write_bytes(head)
    with pytest.raises(StoreCorruptError, match="doctor"):
        Store.open(path)
    assert path.read_bytes() == head


def test_damage_inside_is_reported_when_read(tmp_path: Path) -> None:
    """Damage deep inside the file surfaces as the same clear error once the data is read."""
    path = tmp_path / "progress.sqlite3"
    filled(path, cards=2000)
    raw = bytearray(path.read_bytes())
    page = 4096
    raw[page * 2 :] = random.Random(5).randbytes(len(raw) - page * 2)
    path.write_bytes(bytes(raw))
    with pytest.raises(StoreCorruptError, match="studyapp doctor"), Store.open(path) as store:
        store.card_progress_rows()
        store.reviews()


def test_second_instance_is_refused_with_the_first_ones_pid(tmp_path: Path) -> None:
    """Starting studyapp twice on one data folder names the one already running."""
    path = tmp_path / "progress.sqlite3"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from studyapp.store.database import Store; s = Store.open(sys.argv[1]); "
            "print('ready', flush=True); sys.stdin.read()",
            str(path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreLockedError) as caught:
            Store.open(path)
        message = str(caught.value)
        assert "already running with this data folder" in message
        assert f"pid {holder.pid}" in message
    finally:
        holder.communicate(input="", timeout=10)
    Store.open(path).close()  # once it quit, the folder is free again


def test_same_process_cannot_open_twice(tmp_path: Path) -> None:
    """Two windows of one process cannot write the same progress file at once."""
    path = tmp_path / "progress.sqlite3"
    with Store.open(path), pytest.raises(StoreLockedError):
        Store.open(path)


def test_disk_full_keeps_earlier_progress_and_the_store_usable(tmp_path: Path) -> None:
    """When the disk fills up the answer is refused cleanly and nothing saved is lost."""
    path = tmp_path / "progress.sqlite3"
    filled(path, cards=400)
    with Store.open(path, backups=0) as store:
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages + 1}")
        saved = 0
        with pytest.raises(StoreFullError, match="disk is full"):
            for n in range(100_000):
                at = T0 + timedelta(days=1, seconds=n)
                state = CardState(Phase.REVIEW, None, 4.0, 5.0, at + timedelta(days=4), at)
                store.record_review(state, ReviewEntry(f"c{n % 400}", at, Rating.GOOD, 9))
                saved += 1
        log_rows = store.conn.execute("SELECT count(*) FROM review_log").fetchone()[0]
        assert log_rows == 400 + saved  # the refused answer left no half behind
        store.conn.execute("PRAGMA max_page_count = 1073741823")
        at = T0 + timedelta(days=9)
        state = CardState(Phase.REVIEW, None, 4.0, 5.0, at, at)
        store.record_review(state, ReviewEntry("c0", at, Rating.GOOD, 9))
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM review_log").fetchone()[0] == 401 + saved
    conn.close()


def _as_unprivileged(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a child without root's power to ignore file permissions."""
    command = [sys.executable, "-c", code, *args]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: permissions cannot be enforced")
        command = [setpriv, "--bounding-set=-dac_override,-dac_read_search", *command]
    return subprocess.run(command, capture_output=True, text=True, timeout=30)


_TRY_OPEN = """
import sys
from studyapp.store.database import Store
from studyapp.errors import StoreError
try:
    Store.open(sys.argv[1], backups=0).close()
except StoreError as error:
    print(type(error).__name__, error)
else:
    print("opened")
"""


def test_read_only_file_gives_a_clear_message(tmp_path: Path) -> None:
    """A write-protected progress file is reported as read-only and left as it was."""
    path = tmp_path / "progress.sqlite3"
    filled(path)
    before = path.read_bytes()
    path.chmod(0o444)
    try:
        result = _as_unprivileged(_TRY_OPEN, str(path))
    finally:
        path.chmod(0o644)
    assert result.stdout.startswith("StoreReadOnlyError"), result.stdout + result.stderr
    assert "read-only" in result.stdout and str(path) in result.stdout
    assert path.read_bytes() == before


def test_read_only_folder_gives_a_clear_message(tmp_path: Path) -> None:
    """A write-protected data folder is reported as read-only, naming the folder."""
    folder = tmp_path / "data"
    folder.mkdir()
    filled(folder / "progress.sqlite3")
    (folder / "progress.sqlite3.lock").unlink()
    folder.chmod(0o555)
    try:
        result = _as_unprivileged(_TRY_OPEN, str(folder / "progress.sqlite3"))
    finally:
        folder.chmod(0o755)
    assert result.stdout.startswith("StoreReadOnlyError"), result.stdout + result.stderr
    assert str(folder) in result.stdout
    assert StoreReadOnlyError.__mro__[1] is StoreError


def test_read_only_open_reads_while_another_instance_runs(tmp_path: Path) -> None:
    """Progress can be browsed read-only while studyapp runs; writing is refused clearly."""
    path = tmp_path / "progress.sqlite3"
    filled(path)
    with Store.open(path, backups=0):
        reader = Store.open_read_only(path)
        try:
            assert len(reader.card_states()) == 50
            with pytest.raises(StoreReadOnlyError):
                reader.set_setting("x", 1)
        finally:
            reader.close()
    with pytest.raises(StoreError, match="no progress database"):
        Store.open_read_only(tmp_path / "missing.sqlite3")


def test_atomic_commits_or_rolls_back_whole_blocks(tmp_path: Path) -> None:
    """A block of writes is saved entirely or not at all, also when blocks nest."""
    from studyapp.store.dbfile import atomic, connect

    conn = connect(tmp_path / "t.sqlite3")
    conn.execute("CREATE TABLE t (x INTEGER)")
    conn.commit()
    with atomic(conn):
        conn.execute("INSERT INTO t VALUES (1)")
        with pytest.raises(RuntimeError), atomic(conn):
            conn.execute("INSERT INTO t VALUES (2)")
            raise RuntimeError("inner block fails")
        conn.execute("INSERT INTO t VALUES (3)")
    with pytest.raises(RuntimeError), atomic(conn):
        conn.execute("INSERT INTO t VALUES (4)")
        raise RuntimeError("outer block fails")
    assert not conn.in_transaction
    conn.close()
    reopened = sqlite3.connect(tmp_path / "t.sqlite3")
    assert [r[0] for r in reopened.execute("SELECT x FROM t ORDER BY x")] == [1, 3]
    reopened.close()

"""Rotating backups of the progress database, and restoring one.

At open the store copies the database with SQLite's online backup API (a consistent snapshot
even in WAL mode) into ``<data folder>/backups/progress-YYYYMMDDTHHMMSSZ.sqlite3`` (UTC),
keeping the newest few; the app instead takes it on a worker thread once its window is up
(:func:`back_up_if_due`, through a connection of its own). No backup is made when the newest one
is under an hour old or the database has not changed since it was taken: every write transaction
of the store bumps a counter (``store_meta``), and the backup holds the counter's value at the
time it was taken. Restoring first keeps a copy of the current file, so a restore can itself be
undone.

Rotation never drops the newest backup that holds more answers than the database (so a
database emptied by accident cannot rotate its own history away, one hourly open at a time),
and :func:`richer_backup` finds that backup for the store's open and for ``studyapp doctor``.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from studyapp.errors import StoreError
from studyapp.store.dbfile import (
    StoreCorruptError,
    StoreHistoryMissingError,
    connect,
    corrupt_message,
    read_only_uri,
    translate,
    translated,
)
from studyapp.wording import count

MIN_AGE = timedelta(hours=1)
_STAMP = "%Y%m%dT%H%M%SZ"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}T\d{6}Z)(?:-(?P<n>\d+))?\.sqlite3$")


@dataclass(frozen=True)
class Backup:
    """One backup file and when it was taken (from its name, UTC)."""

    path: Path
    taken_at: datetime
    size: int


def backup_dir(db_path: Path) -> Path:
    """The folder holding the backups of ``db_path``."""
    return db_path.parent / "backups"


def list_backups(db_path: Path) -> list[Backup]:
    """The rotating backups of ``db_path``, newest first (restore-safety copies excluded)."""
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    found = []
    for candidate in folder.iterdir():
        match = _NAME.match(candidate.name)
        if not match or match["stem"] != db_path.stem:
            continue
        taken = _parse_stamp(match["stamp"])
        found.append(Backup(candidate, taken, candidate.stat().st_size))
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def _parse_stamp(stamp: str) -> datetime:
    """The UTC time of a ``YYYYMMDDTHHMMSSZ`` stamp (what ``strptime(stamp, _STAMP)`` gives,
    without loading ``_strptime``: this runs at every start)."""
    return datetime(
        int(stamp[0:4]),
        int(stamp[4:6]),
        int(stamp[6:8]),
        int(stamp[9:11]),
        int(stamp[11:13]),
        int(stamp[13:15]),
        tzinfo=UTC,
    )


def change_count(conn: sqlite3.Connection) -> int | None:
    """The store's change counter (None for a database older than the counter)."""
    try:
        row = conn.execute("SELECT value FROM store_meta WHERE key = 'changes'").fetchone()
    except sqlite3.OperationalError:
        return None
    return None if row is None else int(row[0])


def _backed_up_count(backup: Path) -> int | None:
    """The change counter inside a backup file (None if unreadable or absent)."""
    try:
        conn = sqlite3.connect(read_only_uri(backup), uri=True)
    except sqlite3.Error:
        return None
    try:
        return change_count(conn)
    except sqlite3.DatabaseError:
        return None
    finally:
        conn.close()


def logged_answers(conn: sqlite3.Connection) -> int:
    """How many answers the review log of ``conn``'s database holds (0 before the schema)."""
    try:
        return int(conn.execute("SELECT count(*) FROM review_log").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def answers_in(path: Path) -> int | None:
    """How many answers the database file ``path`` holds (None when it cannot be read)."""
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
    except sqlite3.Error:
        return None
    try:
        return logged_answers(conn)
    except sqlite3.DatabaseError:
        return None
    finally:
        conn.close()


@dataclass(frozen=True)
class RicherBackup:
    """A backup holding more answers than the database, and how many it holds."""

    backup: Backup
    answers: int


def richer_backup(db_path: Path, answers: int) -> RicherBackup | None:
    """The newest backup of ``db_path`` that holds more than ``answers`` answers, or None."""
    for backup in list_backups(db_path):
        held = answers_in(backup.path)
        if held is not None and held > answers:
            return RicherBackup(backup, held)
    return None


def backup_due(conn: sqlite3.Connection, db_path: Path, now: datetime) -> bool:
    """Whether opening ``db_path`` at ``now`` should take a backup: there is something in it,
    the newest backup is at least an hour old, and the store changed since that backup."""
    if conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0:
        return False
    backups = list_backups(db_path)
    if not backups:
        return True
    newest = backups[0]
    if now - newest.taken_at < MIN_AGE:
        return False
    current = change_count(conn)
    return current is None or current != _backed_up_count(newest.path)


def history_missing_message(db_path: Path, richer: RicherBackup) -> str:
    """What to tell the user whose database is empty or missing beside a backup with answers."""
    what = "is empty" if db_path.exists() else "is missing"
    name = richer.backup.path.name
    taken = richer.backup.taken_at.strftime("%Y-%m-%d %H:%M UTC")
    return (
        f"the progress database {db_path} {what}, but the backup {name} (taken {taken}) holds "
        f"{count(richer.answers, 'answer')}: this is damage, not a fresh start, so nothing was "
        f"changed. Restore the backup with: studyapp doctor --restore {name} "
        "(to start afresh instead, move the backups folder away first)."
    )


def check_history_present(db_path: Path) -> None:
    """Refuse to start afresh from an empty or missing database while a backup holds answers
    (:class:`StoreHistoryMissingError`): opening would bury that history under a new file."""
    if db_path.is_file() and db_path.stat().st_size > 0:
        return
    richer = richer_backup(db_path, 0)
    if richer is not None:
        raise StoreHistoryMissingError(history_missing_message(db_path, richer), richer.backup.path)


def _free_name(folder: Path, stem: str, now: datetime) -> Path:
    """A backup file name for ``now`` that does not exist yet."""
    base = f"{stem}-{now.astimezone(UTC).strftime(_STAMP)}"
    candidate = folder / f"{base}.sqlite3"
    n = 1
    while candidate.exists():
        candidate = folder / f"{base}-{n}.sqlite3"
        n += 1
    return candidate


def make_backup(conn: sqlite3.Connection, db_path: Path, now: datetime, *, keep: int) -> Path:
    """Copy the open database into a new backup file, then drop all but the newest ``keep``."""
    folder = backup_dir(db_path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = _free_name(folder, db_path.stem, now)
        _copy(conn, target)
    except sqlite3.Error as error:
        raise translate(error, db_path) from error
    except OSError as error:
        raise StoreError(f"cannot write a backup in {folder}: {error}") from error
    if check_file(target, quick=True):
        # Never let a copy of a damaged database push a good backup out of the rotation.
        target.unlink(missing_ok=True)
        raise StoreCorruptError(corrupt_message(db_path))
    richer = richer_backup(db_path, logged_answers(conn))
    for old in list_backups(db_path)[keep:]:
        if richer is not None and old.path == richer.backup.path:
            continue  # the history the database lost: kept until it is restored or surpassed
        old.path.unlink(missing_ok=True)
    return target


def back_up_if_due(db_path: Path, now: datetime, *, keep: int) -> Path | None:
    """Take a backup of ``db_path`` if one is due at ``now``; the new file, or None.

    Reads through a connection of its own, so it may run on any thread while the store goes
    on writing: the copy is one read transaction, a consistent snapshot of the committed
    answers (WAL lets the writer go on meanwhile), and is checked before it joins the
    rotation. Raises :class:`StoreError` subclasses as :func:`make_backup` does.
    """
    conn = connect(db_path, read_only=True)
    try:
        with translated(db_path):
            if not backup_due(conn, db_path, now):
                return None
        return make_backup(conn, db_path, now, keep=keep)
    finally:
        conn.close()


def _copy(source: sqlite3.Connection, target: Path) -> None:
    """Snapshot ``source`` into a new single file ``target`` (no WAL side files; removed
    again if the copy fails)."""
    dest = sqlite3.connect(str(target))
    try:
        source.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
    except BaseException:
        dest.close()
        target.unlink(missing_ok=True)
        raise
    dest.close()


def check_file(path: Path, *, quick: bool = False) -> list[str]:
    """``PRAGMA integrity_check`` (or the faster ``quick_check``) of a database file,
    read-only: [] when it is sound, else SQLite's findings."""
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            pragma = "quick_check" if quick else "integrity_check"
            rows = conn.execute(f"PRAGMA {pragma}").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        return [str(error)]
    messages = [str(row[0]) for row in rows]
    return [] if messages == ["ok"] else messages


def restore_backup(db_path: Path, backup: Path, now: datetime) -> Path:
    """Replace the database with ``backup``, keeping the current file first; returns the copy.

    The caller must hold the data folder's lock (no store open). A damaged backup is refused.
    """
    problems = check_file(backup)
    if problems:
        raise StoreError(f"the backup {backup} is damaged ({problems[0]}); choose another one")
    folder = backup_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = now.astimezone(UTC).strftime(_STAMP)
    keep_copy = folder / f"before-restore-{stamp}-{db_path.name}"
    if db_path.exists():
        # A plain file copy: the current file may be damaged, which the backup API would refuse.
        keep_copy.write_bytes(db_path.read_bytes())
        for suffix in ("-wal", "-shm"):
            side = db_path.with_name(db_path.name + suffix)
            if side.exists():
                keep_copy.with_name(keep_copy.name + suffix).write_bytes(side.read_bytes())
                side.unlink()
        db_path.unlink()
    source = sqlite3.connect(read_only_uri(backup), uri=True)
    try:
        _copy(source, db_path)
    except sqlite3.Error as error:
        raise StoreError(corrupt_message(backup)) from error
    finally:
        source.close()
    return keep_copy

"""Checking and repairing the progress database: what ``studyapp doctor`` does.

:func:`examine` only reads (it works on a damaged file, in a read-only folder and while
studyapp runs): what sits where the database goes (a file, nothing, an empty file, a folder),
whether studyapp can write there, integrity, schema version, whether the card-state cache
agrees with the review log, and the backups, including one that holds more answers than the
database.
:func:`restore` puts a backup back (keeping the current file), :func:`rebuild` recomputes
every card state from the log. Both take the data folder's lock, so they never race a running
app.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from studyapp.errors import StoreError, StudyappError
from studyapp.store import backups, migrations
from studyapp.store.backups import RicherBackup
from studyapp.store.dbfile import (
    DataFolderLock,
    StoreLockedError,
    check_is_file,
    folder_writable,
    read_only_uri,
)

if TYPE_CHECKING:
    from studyapp.store.database import Store
    from studyapp.store.replay import ReplayScheduler

# Cards whose cached state does not end at their last counted review-mode answer: the one
# given last (highest log id), whatever the clock said when it was given.
_STALE_STATES = """
    SELECT count(*) FROM cards c
    LEFT JOIN card_state s ON s.card_id = c.id
    WHERE s.last_review IS NOT (
        SELECT r.reviewed_at FROM review_log r
        WHERE r.card_id = c.id AND r.mode = 'review' AND r.id > coalesce(c.reset_log_id, 0)
        ORDER BY r.id DESC LIMIT 1)
"""


@dataclass
class Diagnosis:
    """What :func:`examine` found about one progress database."""

    path: Path
    exists: bool
    not_a_file: bool = False
    empty: bool = False
    writable: bool = True
    problems: list[str] = field(default_factory=list)
    running_pid: str | None = None
    pending: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    cards: int = 0
    reviews: int = 0
    stale_states: int = 0
    backups: list[backups.Backup] = field(default_factory=list)
    richer: RicherBackup | None = None

    @property
    def healthy(self) -> bool:
        """No damage, no migration from a newer version, cache consistent with the log, no
        backup holding history the database lacks, and studyapp can write it."""
        return not (
            self.problems
            or self.unknown
            or self.stale_states
            or self.not_a_file
            or self.richer
            or not self.writable
        )


def running_pid(db_path: Path) -> str | None:
    """The pid of a studyapp holding ``db_path``'s folder, or None when it is free."""
    lock = DataFolderLock(db_path)
    try:
        lock.acquire()
    except StoreLockedError as error:
        text = str(error)
        return text.split("(pid ", 1)[1].split(")", 1)[0] if "(pid " in text else "unknown"
    except StoreError:
        return None
    lock.release()
    return None


def examine(db_path: Path) -> Diagnosis:
    """Check ``db_path`` without writing to it."""
    found = Diagnosis(db_path, db_path.is_file(), backups=backups.list_backups(db_path))
    if not found.exists:
        found.not_a_file = db_path.exists()
        if not found.not_a_file:
            found.richer = backups.richer_backup(db_path, 0)
        return found
    found.writable = folder_writable(db_path)
    found.empty = db_path.stat().st_size == 0
    found.running_pid = running_pid(db_path)
    found.problems = backups.check_file(db_path)
    if found.problems:
        return found
    found = _examine_contents(found)
    if not found.problems:
        found.reviews = backups.answers_in(db_path) or 0  # also for a schema still to upgrade
        found.richer = backups.richer_backup(db_path, found.reviews)
    return found


def _examine_contents(found: Diagnosis) -> Diagnosis:
    """Schema, counts and the cache against the log, of a file that passed the integrity check."""
    conn = sqlite3.connect(read_only_uri(found.path), uri=True)
    try:
        known = migrations.current_version()
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        applied: list[str] = []
        if "_sqlite_migrations" in tables:
            applied = [
                row[0]
                for row in conn.execute(
                    "SELECT name FROM _sqlite_migrations WHERE migration_set = ?",
                    (migrations.MIGRATION_SET,),
                )
            ]
        found.pending = [name for name in known if name not in applied]
        found.unknown = [name for name in applied if name not in known]
        if not found.pending and not found.unknown:
            found.cards = conn.execute("SELECT count(*) FROM cards").fetchone()[0]
            found.reviews = conn.execute("SELECT count(*) FROM review_log").fetchone()[0]
            found.stale_states = conn.execute(_STALE_STATES).fetchone()[0]
    except sqlite3.DatabaseError as error:
        found.problems.append(str(error))
    finally:
        conn.close()
    return found


def find_backup(db_path: Path, name: str) -> Path:
    """The backup called ``name`` (a file name in the backups folder, or a path)."""
    candidate = Path(name).expanduser()
    if candidate.is_file():
        return candidate
    in_folder = backups.backup_dir(db_path) / name
    if in_folder.is_file():
        return in_folder
    raise StudyappError(
        f"no backup {name!r}; `studyapp doctor --list-backups` shows the backups there are"
    )


def restore(db_path: Path, name: str, now: datetime) -> tuple[Path, Path]:
    """Put the backup ``name`` in place of the database; (backup used, copy of the old file)."""
    source = find_backup(db_path, name)
    check_is_file(db_path)
    lock = DataFolderLock(db_path)
    lock.acquire()
    try:
        kept = backups.restore_backup(db_path, source, now)
    finally:
        lock.release()
    return source, kept


def rebuild(db_path: Path, make_scheduler: Callable[[Store], ReplayScheduler]) -> int:
    """Recompute every card state from the review log; the number of cards with a state.

    ``make_scheduler(store)`` gives the scheduler the student's saved settings describe: the
    store keeps those settings but does not interpret them (scheduling is the study layer's).
    """
    from studyapp.store.database import Store

    check_is_file(db_path)
    if not db_path.is_file():
        raise StoreError(f"there is no progress database at {db_path}")
    with Store.open(db_path) as store:
        return store.rebuild_states(make_scheduler(store))

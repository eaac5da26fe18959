"""The progress database as a file: opening it safely, one app per data folder, clear faults.

Owns the connection settings (WAL journal, ``synchronous=NORMAL``, foreign keys, a busy
timeout), transactions on a plain connection (:func:`atomic`), the ``.lock`` file that keeps a
second running studyapp away from the same data folder, and the translation of SQLite's
exceptions into the typed :class:`StoreError` subclasses whose messages a user can act on.

Durability: in WAL mode with ``synchronous=NORMAL`` a committed transaction survives the
process being killed at any moment (the WAL is in the OS's page cache); only a power cut or OS
crash can lose the last few commits, never corrupt the file.
"""

from __future__ import annotations

import contextlib
import errno
import itertools
import os
import sqlite3
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from studyapp.errors import StoreError

BUSY_TIMEOUT_MS = 5000
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def to_micros(moment: datetime) -> int:
    """``moment`` (timezone-aware) as integer microseconds since the epoch: how times are
    stored, exact and indexable."""
    if moment.tzinfo is None:
        raise ValueError("datetime must be timezone-aware (UTC)")
    delta = moment - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def from_micros(micros: int) -> datetime:
    """Inverse of :func:`to_micros`: a UTC datetime."""
    return _EPOCH + timedelta(microseconds=micros)


class StoreCorruptError(StoreError):
    """The database file is not a readable SQLite database (or is damaged inside)."""


class StoreHistoryMissingError(StoreCorruptError):
    """The database is empty or missing while a backup holds answers: damage, not a fresh
    start. ``backup`` is the newest backup holding them, which the app offers to restore."""

    def __init__(self, message: str, backup: Path) -> None:
        super().__init__(message)
        self.backup = backup


class StoreLockedError(StoreError):
    """Another running studyapp uses the same data folder."""


class StoreReadOnlyError(StoreError):
    """The database file or its folder cannot be written."""


class StoreFullError(StoreError):
    """The disk (or the database's size limit) is full; the last change was not saved."""


READ_ONLY_ERRNOS = frozenset({errno.EACCES, errno.EPERM, errno.EROFS})
"""What the operating system says for a protected file or folder, or a read-only medium."""


def not_a_file_message(path: Path) -> str:
    """What to tell the user when something other than a file sits where the database goes."""
    return (
        f"the progress database {path} is a folder, not a file, so studyapp cannot use it. "
        "Move that folder away (studyapp then creates a new database; `studyapp doctor` "
        "shows the backups), or choose another data folder with --data-dir."
    )


def read_only_message(where: Path) -> str:
    """What to tell the user when ``where`` (the database or its folder) cannot be written."""
    return (
        f"cannot write the progress database at {where}: it is read-only (a protected file "
        "or folder, or a read-only disk). Your progress can be read, not added to; make it "
        "writable, or choose another folder with --data-dir."
    )


def check_is_file(path: Path) -> None:
    """Refuse a database path that exists but is not a file (a folder, say): SQLite's own
    message for that is meaningless to a student."""
    if path.exists() and not path.is_file():
        raise StoreCorruptError(not_a_file_message(path))


def folder_writable(path: Path) -> bool:
    """Whether the database at ``path`` and its folder can be written (also False on a
    read-only disk); ``os.access`` only asks, it writes nothing."""
    if not os.access(path.parent, os.W_OK):
        return False
    return not path.exists() or os.access(path, os.W_OK)


def read_only_uri(path: Path) -> str:
    """The URI that opens ``path`` for reading only, leaving no trace and also working in a
    folder nobody can write.

    A WAL database opened read-only needs its ``-wal`` and ``-shm`` side files and creates
    them (and leaves them behind), or fails where it cannot. Without a ``-wal`` file no
    studyapp has the database open and every page is in the file, so it is opened as
    immutable: nothing is created. In a read-only folder an empty ``-wal`` holds nothing
    either. Otherwise (a running studyapp) the ordinary read-only open sees its answers.
    """
    uri = f"{path.resolve().as_uri()}?mode=ro"
    wal = path.with_name(path.name + "-wal")
    try:
        wal_size: int | None = wal.stat().st_size
    except OSError:
        wal_size = None
    if wal_size is None or (wal_size == 0 and not os.access(path.parent, os.W_OK)):
        uri += "&immutable=1"
    return uri


def corrupt_message(path: Path) -> str:
    """What to tell the user about a damaged database at ``path``."""
    return (
        f"the progress database {path} is damaged or not a studyapp database; it was left "
        "untouched. Run `studyapp doctor` to check it and restore a backup."
    )


def translate(error: sqlite3.Error, path: Path) -> StoreError:
    """The typed, user-readable :class:`StoreError` for a SQLite exception on ``path``."""
    text = str(error).lower()
    if "disk is full" in text or "database or disk is full" in text:
        return StoreFullError(
            f"the disk is full: the last change to {path} was not saved. "
            "Free some space and try again."
        )
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return StoreReadOnlyError(read_only_message(path))
    if "locked" in text or "busy" in text:
        return StoreLockedError(
            f"the progress database {path} is busy (another program holds it); try again"
        )
    if isinstance(error, sqlite3.OperationalError | sqlite3.IntegrityError):
        return StoreError(f"progress database {path}: {error}")
    if isinstance(error, sqlite3.DatabaseError):
        return StoreCorruptError(corrupt_message(path))
    return StoreError(f"progress database {path}: {error}")


@contextlib.contextmanager
def translated(path: Path) -> Iterator[None]:
    """Re-raise any SQLite exception inside the block as the matching :class:`StoreError`."""
    try:
        yield
    except sqlite3.Error as error:
        raise translate(error, path) from error


_SAVEPOINTS = itertools.count(1)


@contextlib.contextmanager
def atomic(conn: sqlite3.Connection) -> Iterator[None]:
    """One transaction on ``conn`` (a savepoint when one is already open), committed when the
    block ends and rolled back when it raises: sqlite-utils' ``Database.atomic`` semantics,
    without importing sqlite-utils."""
    if conn.in_transaction:
        savepoint = f"studyapp_{next(_SAVEPOINTS)}"
        conn.execute(f"SAVEPOINT {savepoint}")
        try:
            yield
        except BaseException:
            if conn.in_transaction:  # an error may already have ended the transaction
                conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            raise
        conn.execute(f"RELEASE SAVEPOINT {savepoint}")
        return
    conn.execute("BEGIN")
    try:
        yield
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    """A connection to ``path`` with studyapp's settings; raises typed errors, never creates
    anything when ``read_only``."""
    check_is_file(path)
    if not read_only:
        _check_writable(path)
    try:
        if read_only:
            conn = sqlite3.connect(read_only_uri(path), uri=True)
        else:
            conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as error:
        raise translate(error, path) from error
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if not read_only:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise StoreError(f"cannot use write-ahead logging for {path} (mode {mode})")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        # Reading the schema reads the header and first page: garbage fails here, at open.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as error:
        conn.close()
        raise translate(error, path) from error
    except StoreError:
        conn.close()
        raise
    return conn


def _check_writable(path: Path) -> None:
    """Refuse at open a database (or WAL side file) we could not write: SQLite would quietly
    open it read-only and fail only at the first answer."""
    for candidate in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        try:
            fd = os.open(candidate, os.O_RDWR)
        except FileNotFoundError:
            continue
        except OSError as error:
            if error.errno in READ_ONLY_ERRNOS:
                raise StoreReadOnlyError(read_only_message(candidate)) from error
            raise StoreError(f"cannot open the progress database {candidate}: {error}") from error
        os.close(fd)


class DataFolderLock:
    """An exclusive lock on ``<database>.lock``, held while one studyapp uses the folder.

    The operating system releases it when the process ends, however it ends, so a crash never
    leaves a stale lock. The file holds the owner's pid for the message a second instance shows.
    """

    def __init__(self, db_path: Path) -> None:
        self.path = db_path.with_name(db_path.name + ".lock")
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock or raise :class:`StoreLockedError` naming the running instance's pid."""
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as error:
            if error.errno in READ_ONLY_ERRNOS:
                raise StoreReadOnlyError(read_only_message(self.path.parent)) from error
            raise StoreError(f"cannot use the data folder {self.path.parent}: {error}") from error
        if not _try_lock(fd):
            try:
                owner = os.read(fd, 32).decode("ascii", "replace").strip() or "unknown"
            except OSError:
                owner = "unknown"
            finally:
                os.close(fd)
            raise StoreLockedError(
                f"studyapp is already running with this data folder (pid {owner}): "
                f"{self.path.parent}. Close it first, or use another --data-dir."
            )
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode("ascii"))
        self._fd = fd

    def release(self) -> None:
        """Give the lock up (closing the descriptor releases it)."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    @property
    def held(self) -> bool:
        """Whether this object holds the lock."""
        return self._fd is not None


def _try_lock(fd: int) -> bool:
    """Try to lock ``fd`` exclusively without waiting; False if someone else holds it."""
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True

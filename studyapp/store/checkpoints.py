"""Background WAL checkpoints, so answering a card never waits for a disk sync, and a WAL that
stays small.

In WAL mode a commit only appends to the ``-wal`` file; now and then a *checkpoint* copies
those pages into the database file and syncs it to disk, a pause of several milliseconds.
SQLite normally runs it inside whichever commit crosses 1,000 WAL pages, i.e. inside an answer.
Here a thread with its own connection runs passive checkpoints shortly after writes instead;
a passive checkpoint never blocks the writer. The main connection keeps a larger automatic
checkpoint as a safety net should this thread fall behind.

A passive checkpoint never shrinks the ``-wal`` file, and while answers keep coming it cannot
let SQLite start the file over, so the file grew to tens of megabytes beside a database of one
or two (and on a small disk that space is what the next answers needed). So the store itself
*truncates* the WAL (``wal_checkpoint(TRUNCATE)``: everything copied, the file cut to zero,
see :meth:`Store.checkpoint <studyapp.store.database.Store.checkpoint>`) after a deck sync, at
the end of a study session, when it closes, and after any commit that leaves the WAL past
:data:`WAL_LIMIT_BYTES`. That runs on the store's own connection: a truncating checkpoint
holds the writer's lock while it waits, so from this thread it would make the store's next
write fail instead of wait. ``journal_size_limit`` caps what a WAL that SQLite starts over
keeps on disk. Figures: ``benchmarks/bench_store.py``.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

SAFETY_NET_PAGES = 10_000  # the main connection's own wal_autocheckpoint
WAL_LIMIT_BYTES = 4 * 1024 * 1024
"""A commit that leaves the WAL past this size truncates it (about 300 answers in a burst)."""
TRUNCATE_WAIT_MS = 200
"""How long a truncating checkpoint waits for a reader (another process) to let go; it is
tried again at the next occasion."""
QUIET_WAIT_S = 5.0
"""How long a truncating checkpoint that may wait (a session's end, a sync) waits for this
process's background checkpoint to finish: a passive checkpoint never waits on locks, so only
its disk sync, slow on a loaded machine, can take this long."""


def wal_path(db_path: Path) -> Path:
    """The ``-wal`` file beside the database ``db_path``."""
    return db_path.with_name(db_path.name + "-wal")


def wal_size(db_path: Path) -> int:
    """The size of ``db_path``'s WAL in bytes (0 when there is none)."""
    try:
        return wal_path(db_path).stat().st_size
    except OSError:
        return 0


class BackgroundCheckpointer:
    """A daemon thread checkpointing ``path`` after :meth:`nudge`, at most every ``pause`` s.

    The thread starts at the first nudge: a store that is only read (the app's start, as a
    rule) never waits for it to start nor shares the processor with it.
    """

    def __init__(self, path: Path, *, pause: float = 0.25) -> None:
        self._path = path
        self._pause = pause
        self._wake = threading.Event()
        self._stopping = threading.Event()
        # Held while the thread checkpoints: a truncating checkpoint run meanwhile would find
        # the WAL busy and give up after its short wait, leaving the WAL uncut.
        self._busy = threading.Lock()
        self._thread = threading.Thread(
            target=self._run, name="studyapp-wal-checkpoint", daemon=True
        )

    def nudge(self) -> None:
        """Tell the thread that something was committed (starting it the first time)."""
        if self._thread.ident is None and not self._stopping.is_set():
            self._thread.start()
        self._wake.set()

    @contextmanager
    def quiet(self, wait_s: float) -> Iterator[bool]:
        """Keep the thread from checkpointing inside the block; yields whether its running
        checkpoint (if any) finished within ``wait_s`` seconds (0: do not wait)."""
        got = self._busy.acquire(timeout=wait_s) if wait_s > 0 else self._busy.acquire(False)
        try:
            yield got
        finally:
            if got:
                self._busy.release()

    def close(self) -> None:
        """Stop the thread and close its connection (before the store closes its own)."""
        self._stopping.set()
        self._wake.set()
        if self._thread.ident is not None:
            self._thread.join(timeout=10)

    def _run(self) -> None:
        try:
            conn = sqlite3.connect(str(self._path), timeout=1.0)
        except sqlite3.Error:
            return  # the store's own connection reports any real problem
        try:
            while not self._stopping.is_set():
                self._wake.wait()
                # Let a burst of answers finish, then checkpoint them together.
                if self._stopping.wait(self._pause):
                    break
                self._wake.clear()
                try:
                    with self._busy:
                        conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                except sqlite3.Error:
                    # Harmless: the pages stay in the WAL, where readers find them, and the
                    # main connection's automatic checkpoint still runs at SAFETY_NET_PAGES.
                    continue
        finally:
            conn.close()

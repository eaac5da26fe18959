"""Background WAL checkpoints, so answering a card never waits for a disk sync.

In WAL mode a commit only appends to the ``-wal`` file; now and then a *checkpoint* copies
those pages into the database file and syncs it to disk, a pause of several milliseconds.
SQLite normally runs it inside whichever commit crosses 1,000 WAL pages, i.e. inside an answer.
Here a thread with its own connection runs passive checkpoints shortly after writes instead;
a passive checkpoint never blocks the writer. The main connection keeps a larger automatic
checkpoint as a safety net should this thread fall behind.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

SAFETY_NET_PAGES = 10_000  # the main connection's own wal_autocheckpoint


class BackgroundCheckpointer:
    """A daemon thread checkpointing ``path`` after :meth:`nudge`, at most every ``pause`` s."""

    def __init__(self, path: Path, *, pause: float = 0.25) -> None:
        self._path = path
        self._pause = pause
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread = threading.Thread(
            target=self._run, name="studyapp-wal-checkpoint", daemon=True
        )
        self._thread.start()

    def nudge(self) -> None:
        """Tell the thread that something was committed."""
        self._wake.set()

    def close(self) -> None:
        """Stop the thread and close its connection (before the store closes its own)."""
        self._stopping.set()
        self._wake.set()
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
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                except sqlite3.Error:
                    # Harmless: the pages stay in the WAL, where readers find them, and the
                    # main connection's automatic checkpoint still runs at SAFETY_NET_PAGES.
                    continue
        finally:
            conn.close()

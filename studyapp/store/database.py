"""The progress store: one SQLite file holding everything the student did.

Card text always comes from the YAML decks; this store keeps only progress, keyed by the cards'
stable ids: which cards exist (synced from the decks, never written back), each card's FSRS
state (a cache), the append-only review log (the truth), reading progress and settings.
Writes that belong together run in one transaction. Statistics queries live in
:mod:`studyapp.store.queries`, opening faults in :mod:`studyapp.store.dbfile`, backups in
:mod:`studyapp.store.backups`.

Queries and writes use plain :mod:`sqlite3`; sqlite-utils (slow to import) is loaded only to
run migrations or when a caller asks for :attr:`Store.db`, so opening an up-to-date store at
start-up never imports it.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from studyapp.errors import StoreError
from studyapp.model import Deck
from studyapp.review_types import CardState, Phase, Rating, ReviewEntry, ReviewMode
from studyapp.store import backups as backup_files
from studyapp.store import migrations
from studyapp.store.checkpoints import (
    QUIET_WAIT_S,
    SAFETY_NET_PAGES,
    TRUNCATE_WAIT_MS,
    WAL_LIMIT_BYTES,
    BackgroundCheckpointer,
    wal_size,
)
from studyapp.store.dbfile import (
    BUSY_TIMEOUT_MS,
    DataFolderLock,
    atomic,
    check_is_file,
    connect,
    from_micros,
    to_micros,
    translate,
    translated,
)
from studyapp.store.exams import ExamDates
from studyapp.store.listing import CardListing
from studyapp.store.queries import StoreStats
from studyapp.store.rows import (
    BUMP_CHANGES,
    INSERT_LOG,
    STATE_COLUMNS,
    UPSERT_STATE,
    chunks,
    marks,
    state_from_row,
    state_params,
)

if TYPE_CHECKING:
    from sqlite_utils import Database

    from studyapp.store.replay import ReplayScheduler
    from studyapp.store.sync import SyncReport

__all__ = ["Store"]


class Store(StoreStats, ExamDates, CardListing):
    """The open progress database. Use :meth:`open` (or :meth:`in_memory` in tests)."""

    def __init__(
        self,
        db: Database | sqlite3.Connection,
        path: Path | None,
        lock: DataFolderLock | None,
    ) -> None:
        self._db: Database | None = None
        if isinstance(db, sqlite3.Connection):
            self.conn = db
        else:
            self._db = db
            self.conn = db.conn
        self.path = path
        self._lock = lock
        self._checkpointer: BackgroundCheckpointer | None = None
        self._keep_backups = 0  # rotating backups kept by take_backup (set by open)

    @property
    def db(self) -> Database:
        """The connection wrapped in a sqlite-utils ``Database`` (built, and sqlite-utils
        imported, on first use: the store itself runs on plain ``sqlite3``)."""
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self.conn, execute_plugins=False)
        return self._db

    # -- opening and closing -------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        backups: int = 5,
        now: datetime | None = None,
        defer_backup: bool = False,
    ) -> Store:
        """Open (creating folder and file if needed), lock, back up and migrate the database.

        ``backups`` is how many rotating backups to keep (0: none); ``now`` names the backup
        (default: the wall clock, read here at the edge). With ``defer_backup`` no backup is
        taken here: the caller takes it later with :meth:`take_backup`, which may run on
        another thread (the app does, so a big database never holds up its window).
        Raises :class:`StoreError` subclasses with a message for the user: corrupt, locked,
        read-only, disk full, and empty or missing while a backup holds answers
        (:class:`StoreHistoryMissingError`).
        """
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(f"cannot create the data folder {path.parent}: {error}") from error
        check_is_file(path)
        lock = DataFolderLock(path)
        lock.acquire()
        try:
            backup_files.check_history_present(path)
            moment = now or datetime.now(UTC)
            conn = connect(path)
            try:
                with translated(path):
                    due = (
                        backups > 0
                        and not defer_backup
                        and backup_files.backup_due(conn, path, moment)
                    )
                if due:
                    backup_files.make_backup(conn, path, moment, keep=backups)
                migrations.bring_up_to_date(conn, path)
            except BaseException:
                conn.close()
                raise
        except BaseException:
            lock.release()
            raise
        store = cls(conn, path, lock)
        store._keep_backups = backups
        conn.execute(f"PRAGMA wal_autocheckpoint = {SAFETY_NET_PAGES}")
        conn.execute(f"PRAGMA journal_size_limit = {WAL_LIMIT_BYTES}")
        store._checkpointer = BackgroundCheckpointer(path)
        return store

    def take_backup(self, now: datetime) -> Path | None:
        """Take the backup :meth:`open` left out (``defer_backup``) if one is due at ``now``;
        the new file, or None. Safe on any thread: it reads through a connection of its own
        and never touches the store's."""
        if self.path is None or self._keep_backups <= 0:
            return None
        return backup_files.back_up_if_due(self.path, now, keep=self._keep_backups)

    @classmethod
    def open_read_only(cls, path: Path) -> Store:
        """Open an existing, up-to-date database for reading only: no lock, no backup, no
        migration (for browsing while another studyapp holds the folder). Writes fail with
        :class:`StoreReadOnlyError`."""
        path = Path(path)
        check_is_file(path)
        if not path.is_file():
            raise StoreError(f"there is no progress database at {path}")
        conn = connect(path, read_only=True)
        try:
            with translated(path):
                current = migrations.is_current(conn)
        except BaseException:
            conn.close()
            raise
        if not current:
            conn.close()
            raise StoreError(
                f"the progress database {path} needs an upgrade; open it once without "
                "read-only mode"
            )
        return cls(conn, path, None)

    @classmethod
    def snapshot(cls, path: Path) -> Store:
        """A copy in memory of the database at ``path``, brought up to date there (a fresh one
        when there is none yet): for commands that only read. The file is opened read-only
        and never written, so they work on a full disk, in a read-only folder and while
        studyapp runs; what they change in the copy (a deck sync) is never saved.

        Raises the same :class:`StoreError` subclasses as :meth:`open` for a folder in place
        of the file, damage, and an emptied database beside a backup that holds answers.
        """
        path = Path(path)
        check_is_file(path)
        backup_files.check_history_present(path)
        if not path.exists():
            return cls.in_memory()
        source = connect(path, read_only=True)
        copy = sqlite3.connect(":memory:")
        try:
            with translated(path):
                source.backup(copy)
            copy.execute("PRAGMA foreign_keys = ON")
            migrations.bring_up_to_date(copy, path)
        except BaseException:
            copy.close()
            raise
        finally:
            source.close()
        return cls(copy, None, None)

    @classmethod
    def in_memory(cls) -> Store:
        """A fresh, migrated store in memory: for tests and previews, nothing is saved."""
        from sqlite_utils import Database

        db = Database(memory=True, execute_plugins=False)
        db.execute("PRAGMA foreign_keys = ON")
        migrations.apply(db)
        return cls(db, None, None)

    def close(self) -> None:
        """Fold the WAL into the file (truncating it), close the database and release the
        data folder's lock."""
        if self._checkpointer is not None:
            self._checkpointer.close()
            self._checkpointer = None
            # SQLite removes the WAL as the last connection closes, but not while another
            # process reads the file (a read-only studyapp, `studyapp stats`): cut it anyway.
            self.checkpoint()
        self.conn.close()
        if self._lock is not None:
            self._lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """Turn SQLite exceptions into typed :class:`StoreError` messages."""
        try:
            yield
        except sqlite3.Error as error:
            raise translate(error, self.path or Path(":memory:")) from error

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One transaction: all of the block's writes, or none of them. A block that changed
        something also bumps the change counter (see :mod:`studyapp.store.backups`)."""
        changed = False
        with self._errors(), atomic(self.conn):
            before = self.conn.total_changes
            yield self.conn
            if self.conn.total_changes != before:
                self.conn.execute(BUMP_CHANGES)
                changed = True
        if changed and self._checkpointer is not None:
            assert self.path is not None
            size = wal_size(self.path)
            if size > WAL_LIMIT_BYTES:  # answers faster than a person gives them
                # never sleep in an answer (retried next commit), unless the background
                # checkpoint has kept the WAL busy so long that it is twice the limit
                self.checkpoint(wait_ms=0 if size <= 2 * WAL_LIMIT_BYTES else TRUNCATE_WAIT_MS)
            self._checkpointer.nudge()

    # -- decks and cards -------------------------------------------------------------------

    def sync_decks(self, decks: Iterable[Deck], now: datetime) -> SyncReport:
        """Make the store's cards match ``decks`` (the app never writes deck files).

        New cards are added; cards gone from a synced deck are retired (their progress kept);
        a returning card is revived with its progress; a changed answer on a card with
        progress is flagged. Only differences are written, in one transaction. Decks not
        passed are left alone.
        """
        # Imported here: a big library's start opens its window before any sync.
        from studyapp.store.sync import SyncReport, sync_decks

        report = SyncReport()
        with self._transaction() as conn:
            before = conn.total_changes
            sync_decks(conn, list(decks), to_micros(now), report)
            wrote = conn.total_changes != before
        if wrote:  # a first sync writes thousands of rows: do not leave them in the WAL
            self.checkpoint()
        return report

    def checkpoint(self, *, wait_ms: int = TRUNCATE_WAIT_MS) -> None:
        """Fold the WAL into the database file and cut it to zero: after a burst of writes
        (a deck sync, a study session) and at close, so the WAL never keeps disk space the
        next answers need. Costs one disk sync; never raises. It first lets this process's
        background checkpoint finish (up to :data:`QUIET_WAIT_S`; not at all when ``wait_ms``
        is 0, inside an answer), then waits ``wait_ms`` for another process's reader. If
        either holds on, the pages stay in the WAL, where readers find them, until the next
        occasion. A store without a file (in memory, read-only) has nothing to do."""
        if self._checkpointer is None:
            return
        quiet_s = QUIET_WAIT_S if wait_ms > 0 else 0.0
        with self._checkpointer.quiet(quiet_s) as quiet, contextlib.suppress(sqlite3.Error):
            if not quiet:  # the background checkpoint is still syncing: next occasion
                return
            self.conn.execute(f"PRAGMA busy_timeout = {wait_ms}")
            try:
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
            finally:
                self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")

    def _update_card(self, sql: str, params: tuple[Any, ...], card_id: str) -> None:
        """Run one ``UPDATE cards`` for ``card_id``; an unknown card is an error."""
        with self._transaction() as conn:
            if conn.execute(sql, params).rowcount == 0:
                raise StoreError(f"unknown card {card_id!r}")

    def set_suspended(self, card_id: str, suspended: bool) -> None:
        """Suspend a card (never shown until unsuspended) or unsuspend it."""
        sql = "UPDATE cards SET suspended = ? WHERE id = ?"
        self._update_card(sql, (int(suspended), card_id), card_id)

    def bury_until(self, card_id: str, until: datetime | None) -> None:
        """Keep a card out of sessions until ``until`` (None: unbury)."""
        value = None if until is None else to_micros(until)
        self._update_card(
            "UPDATE cards SET buried_until = ? WHERE id = ?", (value, card_id), card_id
        )

    def reset_card(self, card_id: str) -> None:
        """Start a card afresh: its state goes, its log stays but no longer counts for it."""
        self.resolve_answer_changes([card_id], reset=True)

    def accept_answer_change(self, card_id: str) -> None:
        """Keep a card's progress although its answer changed (clears the flag)."""
        self.resolve_answer_changes([card_id], reset=False)

    def resolve_answer_changes(self, card_ids: Iterable[str], *, reset: bool) -> None:
        """Settle cards whose answer changed, all in one transaction: start them afresh
        (``reset``: state gone, log kept but no longer counted) or keep their progress.
        Either way the new answer becomes the one progress is earned on."""
        ids = list(card_ids)
        keep_progress = """UPDATE cards SET answer_key = coalesce(changed_answer_key, answer_key),
                               changed_answer_key = NULL WHERE id = ?"""
        start_afresh = """UPDATE cards SET reset_log_id =
                              (SELECT max(id) FROM review_log WHERE card_id = cards.id),
                              answer_key = coalesce(changed_answer_key, answer_key),
                              changed_answer_key = NULL
                          WHERE id = ?"""
        with self._transaction() as conn:
            for card_id in ids:
                updated = conn.execute(start_afresh if reset else keep_progress, (card_id,))
                if not updated.rowcount:
                    raise StoreError(f"unknown card {card_id!r}")
                if reset:
                    conn.execute("DELETE FROM card_state WHERE card_id = ?", (card_id,))

    def answer_changed_cards(self, deck_ids: Iterable[str] | None = None) -> list[str]:
        """Ids of cards whose answer changed after progress was made and await a choice."""
        sql = "SELECT id, deck_id FROM cards WHERE changed_answer_key IS NOT NULL AND retired = 0"
        with self._errors():
            rows = self.conn.execute(sql).fetchall()
        if deck_ids is None:
            return [card_id for card_id, _ in rows]
        keep = set(deck_ids)
        return [card_id for card_id, deck_id in rows if deck_id in keep]

    # -- card state and the review log -----------------------------------------------------

    def card_state(self, card_id: str) -> CardState | None:
        """The card's memory state, or None for a card never reviewed (or reset)."""
        with self._errors():
            row = self.conn.execute(
                f"SELECT {STATE_COLUMNS} FROM card_state WHERE card_id = ?", (card_id,)
            ).fetchone()
        return None if row is None else state_from_row(row)

    def card_states(self, card_ids: Iterable[str] | None = None) -> dict[str, CardState]:
        """States of the given cards that have one (all cards' when ``card_ids`` is None)."""
        sql = f"SELECT card_id, {STATE_COLUMNS} FROM card_state"
        with self._errors():
            if card_ids is None:
                return {r[0]: state_from_row(r[1:]) for r in self.conn.execute(sql)}
            out: dict[str, CardState] = {}
            for part in chunks(list(card_ids)):
                query = f"{sql} WHERE card_id IN ({marks(len(part))})"
                out.update({r[0]: state_from_row(r[1:]) for r in self.conn.execute(query, part)})
        return out

    def record_review(self, state: CardState | None, entry: ReviewEntry) -> int:
        """Log one answer and store the card's new state, in one transaction; the log row id.

        A cram answer (``ReviewMode.CRAM``) is logged but leaves the schedule alone, so its
        ``state`` is ignored (pass None).
        """
        review = entry.mode is ReviewMode.REVIEW
        if review and state is None:
            raise ValueError("a review-mode answer needs the card's new state")
        with self._transaction() as conn:
            cursor = conn.execute(
                INSERT_LOG,
                (
                    entry.card_id,
                    to_micros(entry.reviewed_at),
                    int(entry.rating),
                    entry.duration_ms,
                    entry.mode.value,
                    entry.card_id,
                ),
            )
            if review:
                assert state is not None
                conn.execute(UPSERT_STATE, state_params(entry.card_id, state))
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def record_cram(self, entry: ReviewEntry) -> int:
        """Log a cram answer (the schedule is not touched); the log row id."""
        if entry.mode is not ReviewMode.CRAM:
            raise ValueError("record_cram takes cram-mode entries only")
        return self.record_review(None, entry)

    def undo_review(self, log_id: int, previous: CardState | None) -> None:
        """Take back one answer: remove its log row and restore the card's previous state
        (None: the card was new), in one transaction."""
        with self._transaction() as conn:
            row = conn.execute(
                "SELECT card_id, mode FROM review_log WHERE id = ?", (log_id,)
            ).fetchone()
            if row is None:
                raise StoreError(f"there is no answer {log_id} to undo")
            card_id, mode = row
            conn.execute("DELETE FROM review_log WHERE id = ?", (log_id,))
            if mode != ReviewMode.REVIEW.value:
                return
            if previous is None:
                conn.execute("DELETE FROM card_state WHERE card_id = ?", (card_id,))
            else:
                conn.execute(UPSERT_STATE, state_params(card_id, previous))

    def reviews(self, card_id: str | None = None) -> list[ReviewEntry]:
        """Log entries in the order they were given (one card's, or all): the log's order,
        which a clock set back does not change, unlike the timestamps."""
        sql = "SELECT card_id, reviewed_at, rating, duration_ms, mode FROM review_log"
        params: tuple[str, ...] = ()
        if card_id is not None:
            sql += " WHERE card_id = ?"
            params = (card_id,)
        sql += " ORDER BY id"
        with self._errors():
            return [
                ReviewEntry(r[0], from_micros(r[1]), Rating(r[2]), r[3], ReviewMode(r[4]))
                for r in self.conn.execute(sql, params)
            ]

    def rebuild_states(
        self, scheduler: ReplayScheduler, card_ids: Iterable[str] | None = None
    ) -> int:
        """Recompute card states by replaying the log through ``scheduler`` (every card's, or
        only ``card_ids``'); the number of those cards with a state afterwards. The log is the
        truth, the state a cache."""
        from studyapp.store.replay import replay_states

        with self._transaction() as conn:
            return replay_states(conn, scheduler, None if card_ids is None else list(card_ids))

    def review_states(self, deck_ids: Iterable[str]) -> dict[str, CardState]:
        """The states of the decks' cards in the review phase (not learning), by card id."""
        params: dict[str, object] = {"review": int(Phase.REVIEW)}
        names = []
        for n, deck_id in enumerate(dict.fromkeys(deck_ids)):
            params[f"d{n}"] = deck_id
            names.append(f":d{n}")
        sql = (
            f"SELECT card_id, {STATE_COLUMNS} FROM card_state WHERE phase = :review "
            f"AND deck_id IN ({', '.join(names) or 'NULL'})"
        )
        with self._errors():
            return {r[0]: state_from_row(r[1:]) for r in self.conn.execute(sql, params)}

    def set_due_dates(self, due: dict[str, datetime]) -> None:
        """Move when cards are next due (their memory state unchanged), in one transaction."""
        with self._transaction() as conn:
            conn.executemany(
                "UPDATE card_state SET due = ? WHERE card_id = ?",
                [(to_micros(moment), card_id) for card_id, moment in due.items()],
            )

    def import_reviews(self, entries: Iterable[ReviewEntry], scheduler: ReplayScheduler) -> int:
        """Add answers another app logged (an Anki package's history) and rebuild card states
        from the log, all in one transaction; the number of answers added.

        An answer already in the log (same card, same moment) is not added twice, so
        importing the same history again changes nothing.
        """
        from studyapp.store.replay import replay_states

        with self._transaction() as conn:
            seen = set(conn.execute("SELECT card_id, reviewed_at FROM review_log"))
            rows = []
            for entry in entries:
                key = (entry.card_id, to_micros(entry.reviewed_at))
                if key in seen:
                    continue
                seen.add(key)
                rows.append(
                    (*key, int(entry.rating), entry.duration_ms, entry.mode.value, entry.card_id)
                )
            if rows:
                conn.executemany(INSERT_LOG, rows)
                replay_states(conn, scheduler)
        return len(rows)

    # -- reading progress and settings -----------------------------------------------------

    def mark_section_read(self, deck_id: str, section_id: str, now: datetime) -> None:
        """Remember that the student read a section (the latest time counts)."""
        with self._transaction() as conn:
            conn.execute(
                """INSERT INTO section_reads (deck_id, section_id, read_at) VALUES (?, ?, ?)
                   ON CONFLICT(deck_id, section_id) DO UPDATE SET read_at = excluded.read_at""",
                (deck_id, section_id, to_micros(now)),
            )

    def mark_section_unread(self, deck_id: str, section_id: str) -> None:
        """Forget that a section was read."""
        with self._transaction() as conn:
            conn.execute(
                "DELETE FROM section_reads WHERE deck_id = ? AND section_id = ?",
                (deck_id, section_id),
            )

    def read_sections(self, deck_id: str) -> dict[str, datetime]:
        """Section id -> when it was last read, for one deck."""
        with self._errors():
            rows = self.conn.execute(
                "SELECT section_id, read_at FROM section_reads WHERE deck_id = ?", (deck_id,)
            ).fetchall()
        return {section: from_micros(at) for section, at in rows}

    def setting(self, key: str, default: Any = None) -> Any:
        """A setting's value (any JSON value), or ``default`` when it was never set."""
        with self._errors():
            row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return default if row is None else json.loads(row[0])

    def set_setting(self, key: str, value: Any) -> None:
        """Store a setting; ``value`` must be JSON-serialisable."""
        encoded = json.dumps(value, ensure_ascii=False, sort_keys=True)
        with self._transaction() as conn:
            conn.execute(
                """INSERT INTO settings (key, value) VALUES (?, ?)
                   ON CONFLICT(key) DO UPDATE SET value = excluded.value""",
                (key, encoded),
            )

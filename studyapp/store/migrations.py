"""The progress database's schema, built only through named migrations.

Uses sqlite-utils' ``Migrations`` pattern: each ``mNNN_*`` function runs once, in its own
transaction together with the record that it ran (table ``_sqlite_migrations``). A database made
by any earlier version of studyapp is brought up to date by applying the pending ones in order;
never edit a migration that has shipped, add a new one.

Times are stored as integer microseconds since the Unix epoch, UTC (exact round trip of a
``datetime``, and indexable for the "what is due" queries).

Start-up speed: importing sqlite-utils costs tens of milliseconds, so this module does not
import it until a migration must actually run. The steps are listed in :data:`STEPS`;
:func:`is_current` answers "is there anything to do?" with plain :mod:`sqlite3`, and the
sqlite-utils ``Migrations`` registry (:data:`migrations`) is built on first use.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from studyapp.errors import StoreError
from studyapp.store.dbfile import translate

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

MIGRATION_SET = "studyapp"
MIGRATIONS_TABLE = "_sqlite_migrations"  # sqlite-utils' ``Migrations.migrations_table``


def m001_initial(db: Database) -> None:
    """Decks, cards, card state (the cache) and the append-only review log (the truth)."""
    db.executescript(
        """
        CREATE TABLE decks (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            source_title TEXT,
            path TEXT,
            synced_at INTEGER
        );
        CREATE TABLE cards (
            id TEXT PRIMARY KEY,
            deck_id TEXT NOT NULL REFERENCES decks(id),
            section_id TEXT NOT NULL DEFAULT '',
            answer_key TEXT NOT NULL,
            position INTEGER NOT NULL,
            retired INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX cards_deck_position ON cards(deck_id, position);
        CREATE TABLE card_state (
            card_id TEXT PRIMARY KEY REFERENCES cards(id) ON DELETE CASCADE,
            phase INTEGER NOT NULL,
            step INTEGER,
            stability REAL,
            difficulty REAL,
            due INTEGER NOT NULL,
            last_review INTEGER
        );
        CREATE INDEX card_state_due ON card_state(due, card_id);
        CREATE TABLE review_log (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            card_id TEXT NOT NULL REFERENCES cards(id),
            reviewed_at INTEGER NOT NULL,
            rating INTEGER NOT NULL,
            duration_ms INTEGER,
            mode TEXT NOT NULL,
            prior_phase INTEGER
        );
        CREATE INDEX review_log_card_time ON review_log(card_id, reviewed_at);
        CREATE INDEX review_log_time ON review_log(reviewed_at);
        """
    )


def m002_reading_and_settings(db: Database) -> None:
    """Which reading sections the student has read, and the app's settings (JSON values)."""
    db.executescript(
        """
        CREATE TABLE section_reads (
            deck_id TEXT NOT NULL,
            section_id TEXT NOT NULL,
            read_at INTEGER NOT NULL,
            PRIMARY KEY (deck_id, section_id)
        ) WITHOUT ROWID;
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        """
    )


def m003_card_flags(db: Database) -> None:
    """Suspend, bury, flag a changed answer, and reset a card without touching its log.

    ``changed_answer_key`` holds the new answer's key while the student has not yet chosen to
    keep or reset the progress; ``reset_log_id`` is the last log row that no longer counts
    towards the card's state (replay starts after it).
    """
    cards = db.table("cards")
    cards.add_column("suspended", int, not_null_default=0)
    cards.add_column("buried_until", int)
    cards.add_column("changed_answer_key", str)
    cards.add_column("reset_log_id", int)


def m004_card_state_by_deck(db: Database) -> None:
    """Keep each state's deck beside it, indexed by (deck, due): "what is due in these decks"
    then reads only those decks' due cards, however large the other decks' backlog. The table
    becomes WITHOUT ROWID (keyed by card id alone: one index fewer to write per answer)."""
    db.executescript(
        """
        CREATE TABLE card_state_new (
            card_id TEXT PRIMARY KEY REFERENCES cards(id) ON DELETE CASCADE,
            deck_id TEXT NOT NULL,
            phase INTEGER NOT NULL,
            step INTEGER,
            stability REAL,
            difficulty REAL,
            due INTEGER NOT NULL,
            last_review INTEGER
        ) WITHOUT ROWID;
        INSERT INTO card_state_new
            SELECT s.card_id, c.deck_id, s.phase, s.step, s.stability, s.difficulty, s.due,
                   s.last_review
            FROM card_state s JOIN cards c ON c.id = s.card_id;
        DROP TABLE card_state;
        ALTER TABLE card_state_new RENAME TO card_state;
        CREATE INDEX card_state_due ON card_state(due, card_id);
        CREATE INDEX card_state_deck_due ON card_state(deck_id, due, card_id);
        """
    )


def m005_change_counter(db: Database) -> None:
    """A counter every write transaction of the store bumps: tells the backup at open whether
    anything changed since the newest backup (file times are too coarse for that)."""
    db.executescript(
        """
        CREATE TABLE store_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
        INSERT INTO store_meta VALUES ('changes', 1);
        """
    )


def m006_exams(db: Database) -> None:
    """Exam dates: one row per deck, or per section of a deck (``section_id`` '' for the whole
    deck), with the study day of the exam as an ISO date. Several decks sharing a date are one
    exam for the student (a group of decks)."""
    db.executescript(
        """
        CREATE TABLE exams (
            deck_id TEXT NOT NULL,
            section_id TEXT NOT NULL DEFAULT '',
            exam_day TEXT NOT NULL,
            PRIMARY KEY (deck_id, section_id)
        ) WITHOUT ROWID;
        """
    )


def m007_lapse_index(db: Database) -> None:
    """Index the Again answers alone (a tenth of the log): the card browser counts every
    card's lapses from it in one pass, and a session checks a card for a leech in
    microseconds."""
    db.executescript(
        """
        CREATE INDEX review_log_again ON review_log(card_id, prior_phase, reviewed_at)
            WHERE rating = 1 AND mode = 'review';
        """
    )


def m008_answer_count(db: Database) -> None:
    """Keep the number of logged answers beside the change counter, updated by triggers as
    answers are logged or taken back: the progress view shows it (and the optimizer needs a
    minimum of it), and counting a million log rows at every visit took a tenth of a second."""
    db.executescript(
        """
        INSERT INTO store_meta VALUES ('answers', (SELECT count(*) FROM review_log));
        CREATE TRIGGER review_log_answer_added AFTER INSERT ON review_log BEGIN
            UPDATE store_meta SET value = value + 1 WHERE key = 'answers';
        END;
        CREATE TRIGGER review_log_answer_removed AFTER DELETE ON review_log BEGIN
            UPDATE store_meta SET value = value - 1 WHERE key = 'answers';
        END;
        """
    )


def m009_deck_cards_digest(db: Database) -> None:
    """Remember, per deck, a digest of the cards last synced (ids, sections, answer keys, in
    order): a start whose decks did not change then skips comparing 100,000 cards one by one.
    NULL (every deck after this migration) means "compare them"."""
    db.execute("ALTER TABLE decks ADD COLUMN cards_digest TEXT")


def m010_review_log_outcomes_by_time(db: Database) -> None:
    """Index the log by time together with what the retention figures read of each answer
    (mode, the card's phase before it, the rating): the weekly and monthly true retention then
    read the index alone, not a table row per answer. It replaces the plain time index, which
    it starts with, so logging an answer writes no more than before."""
    db.executescript(
        """
        CREATE INDEX review_log_time_outcome
            ON review_log(reviewed_at, mode, prior_phase, rating);
        DROP INDEX review_log_time;
        """
    )


def m011_deck_change_counters(db: Database) -> None:
    """Count, per deck, the changes to what its progress figures are computed from (a card's
    state, suspension, burial, retirement or section; a card added or removed), bumped by
    triggers: the progress figures of a deck whose counter did not move since the last
    computation, on the same study day, are still right and need not be read again."""
    bump = (
        "INSERT INTO deck_changes VALUES ({row}.deck_id, 1) "
        "ON CONFLICT(deck_id) DO UPDATE SET value = value + 1;"
    )
    new, old = bump.format(row="NEW"), bump.format(row="OLD")
    db.executescript(
        f"""
        CREATE TABLE deck_changes (
            deck_id TEXT PRIMARY KEY, value INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TRIGGER card_state_added_counts AFTER INSERT ON card_state BEGIN {new} END;
        CREATE TRIGGER card_state_changed_counts AFTER UPDATE ON card_state BEGIN
            {new}
            {old}
        END;
        CREATE TRIGGER card_state_removed_counts AFTER DELETE ON card_state BEGIN {old} END;
        CREATE TRIGGER card_added_counts AFTER INSERT ON cards BEGIN {new} END;
        CREATE TRIGGER card_removed_counts AFTER DELETE ON cards BEGIN {old} END;
        CREATE TRIGGER card_flags_changed_counts
            AFTER UPDATE OF suspended, buried_until, retired, section_id, deck_id ON cards BEGIN
            {new}
            {old}
        END;
        """
    )


STEPS: tuple[Callable[[Database], None], ...] = (
    m001_initial,
    m002_reading_and_settings,
    m003_card_flags,
    m004_card_state_by_deck,
    m005_change_counter,
    m006_exams,
    m007_lapse_index,
    m008_answer_count,
    m009_deck_cards_digest,
    m010_review_log_outcomes_by_time,
    m011_deck_change_counters,
)
_registry: Migrations | None = None


def _migrations() -> Migrations:
    """The sqlite-utils registry of :data:`STEPS` (imports sqlite-utils on first use)."""
    global _registry
    if _registry is None:
        from sqlite_utils.migrations import Migrations

        registry = Migrations(MIGRATION_SET)
        for step in STEPS:
            registry()(step)
        _registry = registry
    return _registry


def __getattr__(name: str) -> Any:
    """``migrations.migrations``: the sqlite-utils registry, built lazily."""
    if name == "migrations":
        return _migrations()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def current_version() -> list[str]:
    """Names of all migrations this version of studyapp knows, in order."""
    return [step.__name__ for step in STEPS]


def applied_names(conn: sqlite3.Connection) -> list[str]:
    """Names of the migrations recorded as applied in ``conn``'s database, in the order they
    ran (plain SQLite: no sqlite-utils import)."""
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (MIGRATIONS_TABLE,)
    ).fetchone()
    if exists is None:
        return []
    rows = conn.execute(
        f"SELECT name FROM [{MIGRATIONS_TABLE}] WHERE migration_set = ? ORDER BY rowid",
        (MIGRATION_SET,),
    )
    return [row[0] for row in rows]


def is_current(conn: sqlite3.Connection) -> bool:
    """Whether every known migration is already applied to ``conn``'s database."""
    return not set(current_version()) - set(applied_names(conn))


def pending(db: Database) -> list[str]:
    """Names of the migrations not yet applied to ``db``."""
    return [migration.name for migration in _migrations().pending(db)]


def apply(db: Database, *, stop_before: str | None = None) -> None:
    """Bring ``db`` up to date (or up to just before ``stop_before``, used by the tests)."""
    _migrations().apply(db, stop_before=stop_before)


def bring_up_to_date(conn: sqlite3.Connection, path: Path) -> None:
    """Apply pending migrations; refuse a database written by a newer studyapp.

    An up-to-date database (every start but the first after an upgrade) is checked with plain
    SQLite; sqlite-utils is imported only when there is something to apply.
    """
    try:
        applied = set(applied_names(conn))
        unknown = applied - set(current_version())
        if unknown:
            raise StoreError(
                f"the progress database {path} was written by a newer studyapp "
                f"(unknown migrations: {', '.join(sorted(unknown))}); please upgrade studyapp"
            )
        if not is_current(conn):
            from sqlite_utils import Database

            apply(Database(conn, execute_plugins=False))
    except sqlite3.Error as error:
        raise translate(error, path) from error

"""Exam dates in the progress store: which deck (or section of a deck) has its exam on which day.

Only the dates live here; what they mean for the schedule (reviews aimed at the exam day, new
cards paced to be seen in time, readiness) is :mod:`studyapp.study.exam`'s. Mixed into
:class:`studyapp.store.database.Store`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date, datetime

from studyapp.errors import StoreError
from studyapp.store.dbfile import from_micros


@dataclass(frozen=True, order=True)
class ExamDate:
    """One exam: the study day it is on, and the deck (and section, '' for all of it) it
    covers. A section covers its subsections (``II.A`` covers ``II.A.1``)."""

    day: date
    deck_id: str
    section_id: str = ""


# A card is covered by an exam of its deck that is for the whole deck, its section or a parent
# section of it (section ids nest with dots, as Deck.cards_in_section has it).
_COVERED = """
    SELECT c.id, e.exam_day FROM exams e JOIN cards c ON c.deck_id = e.deck_id
    WHERE c.retired = 0 AND (e.section_id = '' OR c.section_id = e.section_id
                             OR substr(c.section_id, 1, length(e.section_id) + 1)
                                = e.section_id || '.')
"""


class ExamDates:
    """Reading and writing exam dates; needs the store's ``conn``, ``_errors`` and
    ``_transaction``."""

    conn: sqlite3.Connection

    def _errors(self) -> AbstractContextManager[None]:  # pragma: no cover - Store provides it
        raise NotImplementedError

    def _transaction(self) -> AbstractContextManager[sqlite3.Connection]:  # pragma: no cover
        raise NotImplementedError

    def exam_dates(self) -> list[ExamDate]:
        """Every exam, soonest first."""
        with self._errors():
            rows = self.conn.execute("SELECT exam_day, deck_id, section_id FROM exams").fetchall()
        return sorted(
            ExamDate(date.fromisoformat(day), deck, section) for day, deck, section in rows
        )

    def set_exam(self, deck_ids: Iterable[str], day: date, section_id: str = "") -> None:
        """Put the exam of each deck (or of its section ``section_id``) on ``day``; an exam
        already set for the same deck and section moves to the new day."""
        rows = [(deck_id, section_id, day.isoformat()) for deck_id in dict.fromkeys(deck_ids)]
        if not rows:
            raise StoreError("an exam needs at least one deck")
        with self._transaction() as conn:
            conn.executemany(
                """INSERT INTO exams (deck_id, section_id, exam_day) VALUES (?, ?, ?)
                   ON CONFLICT(deck_id, section_id) DO UPDATE SET exam_day = excluded.exam_day""",
                rows,
            )

    def clear_exams(
        self, deck_ids: Iterable[str] | None = None, section_id: str | None = None
    ) -> int:
        """Remove exams: of the given decks (all when None), only those of ``section_id`` when
        given ('' is a whole-deck exam). Returns how many were removed."""
        sql = "DELETE FROM exams WHERE 1"
        params: list[str] = []
        if deck_ids is not None:
            ids = list(dict.fromkeys(deck_ids))
            sql += f" AND deck_id IN ({', '.join('?' * len(ids)) or 'NULL'})"
            params.extend(ids)
        if section_id is not None:
            sql += " AND section_id = ?"
            params.append(section_id)
        with self._transaction() as conn:
            return conn.execute(sql, params).rowcount

    def previous_reviews(self, card_ids: Iterable[str]) -> dict[str, datetime]:
        """For each card, when the review-mode answer before its last one was given (since
        its reset, in log order); a card answered once is left out. What the scheduler's
        fuzz draw of the last answer was keyed on, read in one pass over those cards' log."""
        sql = """
            SELECT card_id, reviewed_at FROM (
                SELECT r.card_id, r.reviewed_at,
                       row_number() OVER (PARTITION BY r.card_id ORDER BY r.id DESC) AS back
                FROM review_log r JOIN temp.previous_of p ON p.id = r.card_id
                JOIN cards c ON c.id = r.card_id
                WHERE r.mode = 'review' AND r.id > coalesce(c.reset_log_id, 0)
            ) WHERE back = 2
        """
        with self._errors():
            self.conn.execute("CREATE TEMP TABLE IF NOT EXISTS previous_of (id TEXT PRIMARY KEY)")
            self.conn.execute("DELETE FROM temp.previous_of")
            self.conn.executemany(
                "INSERT OR IGNORE INTO temp.previous_of VALUES (?)", [(i,) for i in card_ids]
            )
            rows = self.conn.execute(sql).fetchall()
            self.conn.execute("DELETE FROM temp.previous_of")
        return {card_id: from_micros(at) for card_id, at in rows}

    def exam_days_by_card(self) -> dict[str, tuple[date, ...]]:
        """For every card some exam covers, the days of those exams, soonest first (one
        query; a card with none is left out)."""
        out: dict[str, list[date]] = {}
        with self._errors():
            for card_id, day in self.conn.execute(_COVERED):
                out.setdefault(card_id, []).append(date.fromisoformat(day))
        return {card_id: tuple(sorted(set(days))) for card_id, days in out.items()}

"""Every card's progress in one query, for the card browser.

One row per card that is not retired: its flags, its memory state (if any) and its lapses
(review-phase cards answered Again, since its last reset), in a single SQL statement so a
100k-card library is read in one pass. Lapses come from the partial index of Again answers
(migration ``m007_lapse_index``), a tenth of the log, so the log itself is never scanned.
Times stay integer microseconds (UTC) as stored: the browser compares them by the hundred
thousand. Mixed into :class:`studyapp.store.database.Store`.
"""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager
from typing import NamedTuple

from studyapp.review_types import CardState, Phase
from studyapp.store.dbfile import from_micros

_FAILED = f"""
    SELECT r.card_id, sum(r.prior_phase = {int(Phase.REVIEW)}) AS lapses,
           max(r.reviewed_at) AS last_failed
    FROM review_log r INDEXED BY review_log_again
    WHERE r.rating = 1 AND r.mode = 'review'
      AND r.id > coalesce((SELECT k.reset_log_id FROM cards k WHERE k.id = r.card_id), 0)
      {{card}}
    GROUP BY r.card_id
"""

_LISTING = f"""
    SELECT c.id, c.deck_id, c.section_id, c.suspended, c.buried_until,
           c.changed_answer_key IS NOT NULL, s.phase, s.step, s.stability, s.difficulty,
           s.due, s.last_review, coalesce(f.lapses, 0), f.last_failed
    FROM cards c
    LEFT JOIN card_state s ON s.card_id = c.id
    LEFT JOIN ({_FAILED}) f ON f.card_id = c.id
    WHERE c.retired = 0
"""


class CardProgress(NamedTuple):
    """One card's row of the listing; times in microseconds since the epoch (UTC), None where
    the card has no state."""

    card_id: str
    deck_id: str
    section_id: str
    suspended: int = 0
    buried_until: int | None = None
    answer_changed: int = 0
    phase: int | None = None  # None: never reviewed (or reset)
    step: int | None = None
    stability: float | None = None
    difficulty: float | None = None
    due: int | None = None
    last_review: int | None = None
    lapses: int = 0
    last_failed: int | None = None  # the card's latest Again (learning steps included)

    def state(self) -> CardState | None:
        """The card's memory state, None when it has none."""
        if self.phase is None or self.due is None:
            return None
        return CardState(
            phase=Phase(self.phase),
            step=self.step,
            stability=self.stability,
            difficulty=self.difficulty,
            due=from_micros(self.due),
            last_review=None if self.last_review is None else from_micros(self.last_review),
        )


class CardListing:
    """The listing query; needs the store's ``conn`` and ``_errors``."""

    conn: sqlite3.Connection

    def _errors(self) -> AbstractContextManager[None]:  # pragma: no cover - Store provides it
        raise NotImplementedError

    def card_progress(self) -> list[CardProgress]:
        """Every active card's progress, in one query."""
        with self._errors():
            rows = self.conn.execute(_LISTING.format(card="")).fetchall()
        return list(map(CardProgress._make, rows))

    def card_progress_of(self, card_id: str) -> CardProgress | None:
        """One card's row of the listing (after an action on it), None if unknown."""
        sql = _LISTING.format(card="AND r.card_id = :card") + " AND c.id = :card"
        with self._errors():
            row = self.conn.execute(sql, {"card": card_id}).fetchone()
        return None if row is None else CardProgress._make(row)

    def lapses(self, card_id: str) -> int:
        """How often the card was forgotten after it had been learned (since its reset)."""
        found = self.card_progress_of(card_id)
        return 0 if found is None else found.lapses

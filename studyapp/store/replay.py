"""Rebuilding the card-state cache from the review log, the truth.

Each card's REVIEW-mode answers (after its last reset) are replayed in the order they were
given (the log's row ids, not its timestamps: a clock set back must not reorder history)
through the scheduler. The scheduler's fuzz is a pure function of the card and the review
time, so the replay reproduces exactly the states the app cached as it went.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from typing import Protocol

from studyapp.review_types import CardState, Rating, ReviewEntry
from studyapp.store.dbfile import from_micros
from studyapp.store.rows import UPSERT_STATE, state_params


class ReplayScheduler(Protocol):
    """What replay needs of :class:`studyapp.study.scheduler.Scheduler`."""

    def review(
        self,
        card_id: str,
        state: CardState | None,
        rating: Rating,
        now: datetime,
        duration_ms: int | None = None,
    ) -> tuple[CardState, ReviewEntry]: ...


_LOG_IN_ORDER = """
    SELECT r.id, r.card_id, r.reviewed_at, r.rating, r.duration_ms, r.prior_phase
    FROM review_log r JOIN cards c ON c.id = r.card_id
    WHERE r.mode = 'review' AND r.id > coalesce(c.reset_log_id, 0){only}
    ORDER BY r.card_id, r.id
"""
_ONLY = " AND r.card_id IN (SELECT id FROM temp.replay_only)"


def replay_states(
    conn: sqlite3.Connection, scheduler: ReplayScheduler, card_ids: list[str] | None = None
) -> int:
    """Rewrite ``card_state`` (and each log row's ``prior_phase``) from the log, for every
    card or only ``card_ids``; runs inside the caller's transaction. Returns how many of
    those cards have a state afterwards."""
    states: dict[str, CardState] = {}
    wrong_prior: list[tuple[int | None, int]] = []
    if card_ids is not None:  # a temporary table: any number of ids, read along the index
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS replay_only (id TEXT PRIMARY KEY)")
        conn.execute("DELETE FROM temp.replay_only")
        conn.executemany(
            "INSERT OR IGNORE INTO temp.replay_only VALUES (?)", [(i,) for i in card_ids]
        )
    rows = conn.execute(_LOG_IN_ORDER.format(only="" if card_ids is None else _ONLY)).fetchall()
    for log_id, card_id, at, rating, duration_ms, prior_phase in rows:
        before = states.get(card_id)
        expected_prior = None if before is None else int(before.phase)
        if prior_phase != expected_prior:
            wrong_prior.append((expected_prior, log_id))
        states[card_id], _ = scheduler.review(
            card_id, before, Rating(rating), from_micros(at), duration_ms
        )
    if card_ids is None:
        conn.execute("DELETE FROM card_state")
    else:
        conn.execute("DELETE FROM card_state WHERE card_id IN (SELECT id FROM temp.replay_only)")
        conn.execute("DELETE FROM temp.replay_only")
    conn.executemany(
        UPSERT_STATE, [state_params(card_id, state) for card_id, state in states.items()]
    )
    conn.executemany("UPDATE review_log SET prior_phase = ? WHERE id = ?", wrong_prior)
    return len(states)

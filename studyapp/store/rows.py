"""Row shapes of the progress store: how a card state and a log entry map to SQL.

Shared by :mod:`studyapp.store.database` and :mod:`studyapp.store.replay` so the two write card
states the same way.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from studyapp.review_types import CardState, Phase
from studyapp.store.dbfile import from_micros, to_micros

_CHUNK = 500  # ids per IN (...) query


def chunks(items: list[str], size: int = _CHUNK) -> Iterator[list[str]]:
    """``items`` in slices small enough for one ``IN (...)`` query."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def marks(n: int) -> str:
    """``?, ?, ...`` for ``n`` parameters."""
    return ", ".join("?" * n)


def state_from_row(row: tuple[Any, ...]) -> CardState:
    """A :class:`CardState` from ``(phase, step, stability, difficulty, due, last_review)``."""
    phase, step, stability, difficulty, due, last_review = row
    return CardState(
        phase=Phase(phase),
        step=step,
        stability=stability,
        difficulty=difficulty,
        due=from_micros(due),
        last_review=None if last_review is None else from_micros(last_review),
    )


def state_params(card_id: str, state: CardState) -> tuple[Any, ...]:
    """The ``card_state`` row of ``state`` (see :func:`state_from_row`)."""
    return (
        card_id,
        int(state.phase),
        state.step,
        state.stability,
        state.difficulty,
        to_micros(state.due),
        None if state.last_review is None else to_micros(state.last_review),
    )


# The card's deck is copied beside its state (for the per-deck due index).
UPSERT_STATE = """
    INSERT INTO card_state
        (card_id, deck_id, phase, step, stability, difficulty, due, last_review)
    VALUES (?1, (SELECT deck_id FROM cards WHERE id = ?1), ?2, ?3, ?4, ?5, ?6, ?7)
    ON CONFLICT(card_id) DO UPDATE SET deck_id = excluded.deck_id,
        phase = excluded.phase, step = excluded.step,
        stability = excluded.stability, difficulty = excluded.difficulty,
        due = excluded.due, last_review = excluded.last_review
"""
INSERT_LOG = """
    INSERT INTO review_log (card_id, reviewed_at, rating, duration_ms, mode, prior_phase)
    VALUES (?, ?, ?, ?, ?, (SELECT phase FROM card_state WHERE card_id = ?))
"""
STATE_COLUMNS = "phase, step, stability, difficulty, due, last_review"
BUMP_CHANGES = "UPDATE store_meta SET value = value + 1 WHERE key = 'changes'"

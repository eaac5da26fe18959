"""Value types of reviewing: ratings, a card's memory state, and one review-log entry.

They are shared by the scheduler (which computes them), the store (which persists them) and the
session (which moves them between the two), so they live apart from all three. Times are
timezone-aware UTC.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import IntEnum, StrEnum
from typing import TypedDict


class Rating(IntEnum):
    """The four answers, numbered as Anki's keys 1-4 (never 1 = Hard)."""

    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4


class Phase(IntEnum):
    """Where a card is in FSRS's life cycle; values equal ``fsrs.State``."""

    LEARNING = 1
    REVIEW = 2
    RELEARNING = 3


class ReviewMode(StrEnum):
    """Why a review happened. Only ``REVIEW`` answers move the schedule; cram leaves it alone."""

    REVIEW = "review"
    CRAM = "cram"


class CardStateDict(TypedDict):
    """The JSON/SQLite shape of a :class:`CardState`."""

    phase: int
    step: int | None
    stability: float | None
    difficulty: float | None
    due: str
    last_review: str | None


def as_utc(moment: datetime) -> datetime:
    """``moment`` as timezone-aware UTC; a naive datetime is refused (it would be a guess)."""
    if moment.tzinfo is None:
        raise ValueError("datetime must be timezone-aware (UTC)")
    return moment.astimezone(UTC)


@dataclass(frozen=True, slots=True)
class CardState:
    """The FSRS memory state of one card after at least one review (None before that).

    ``stability`` and ``difficulty`` may legitimately be 0.0; ``from_dict`` keeps 0.0 as 0.0
    (``fsrs.Card.from_dict`` turns it into None, a pitfall this type avoids).
    """

    phase: Phase
    step: int | None
    stability: float | None
    difficulty: float | None
    due: datetime
    last_review: datetime | None

    def to_dict(self) -> CardStateDict:
        """A JSON-safe dict, times as ISO 8601 UTC."""
        return {
            "phase": int(self.phase),
            "step": self.step,
            "stability": self.stability,
            "difficulty": self.difficulty,
            "due": self.due.isoformat(),
            "last_review": self.last_review.isoformat() if self.last_review else None,
        }

    @classmethod
    def from_dict(cls, data: CardStateDict) -> CardState:
        """Inverse of :meth:`to_dict`; None stays None and 0.0 stays 0.0."""
        stability = data["stability"]
        difficulty = data["difficulty"]
        last_review = data["last_review"]
        reviewed = None if last_review is None else as_utc(datetime.fromisoformat(last_review))
        return cls(
            phase=Phase(int(data["phase"])),
            step=None if data["step"] is None else int(data["step"]),
            stability=None if stability is None else float(stability),
            difficulty=None if difficulty is None else float(difficulty),
            due=as_utc(datetime.fromisoformat(data["due"])),
            last_review=reviewed,
        )


@dataclass(frozen=True, slots=True)
class ReviewEntry:
    """One row of the append-only review log: the truth from which card state can be rebuilt."""

    card_id: str
    reviewed_at: datetime
    rating: Rating
    duration_ms: int | None = None
    mode: ReviewMode = ReviewMode.REVIEW

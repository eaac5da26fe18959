"""A plausible, seeded review history written through the real store and scheduler.

The screenshots (:mod:`studyapp.gui.screenshots`) and the start-up benchmark need a data folder
that looks lived in: weeks of daily study with mostly Good answers, some lapses, new cards
introduced day by day. Every review goes through ``Scheduler.review`` and
``Store.record_review``, exactly as a study session writes it. No Qt here.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import datetime, timedelta

from studyapp.model import Deck
from studyapp.review_types import CardState, Rating

RATING_WEIGHTS = (
    (Rating.AGAIN, 0.12),
    (Rating.HARD, 0.12),
    (Rating.GOOD, 0.66),
    (Rating.EASY, 0.10),
)


def _rating(rng: random.Random, weights: Sequence[tuple[Rating, float]]) -> Rating:
    pick = rng.random()
    total = 0.0
    for rating, weight in weights:
        total += weight
        if pick < total:
            return rating
    return Rating.GOOD


def write_history(
    store: object,
    scheduler: object,
    decks: Sequence[Deck],
    start: datetime,
    end: datetime,
    rng: random.Random,
    *,
    new_per_day: int = 12,
    target_reviews: int | None = None,
    skip_day_chance: float = 0.15,
    weights: Sequence[tuple[Rating, float]] = RATING_WEIGHTS,
) -> int:
    """Simulate daily study from ``start`` up to ``end``; returns how many reviews were written.

    Each study day (at 18:00 UTC) the due cards are answered, then up to ``new_per_day`` new
    ones, with learning steps repeated within the evening. Stops early at ``target_reviews``.
    ``weights`` are the chances of each rating (a forgetful student has more Again).
    The decks must already be synced into ``store``.
    """
    card_ids = [card.id for deck in decks for card in deck.cards]
    states: dict[str, CardState] = {}
    unseen = list(card_ids)
    written = 0
    day = start.replace(hour=18, minute=0, second=0, microsecond=0)
    while day < end:
        if rng.random() >= skip_day_chance:
            moment = day
            introduced = 0
            for _pass in range(4):
                due = [cid for cid, s in states.items() if s.due <= moment]
                rng.shuffle(due)
                fresh: list[str] = []
                while unseen and introduced < new_per_day and _pass == 0:
                    fresh.append(unseen.pop(0))
                    introduced += 1
                if not due and not fresh:
                    break
                for card_id in due + fresh:
                    if moment >= end or (target_reviews is not None and written >= target_reviews):
                        return written
                    state, entry = scheduler.review(  # type: ignore[attr-defined]
                        card_id,
                        states.get(card_id),
                        _rating(rng, weights),
                        moment,
                        duration_ms=rng.randint(2500, 14000),
                    )
                    store.record_review(state, entry)  # type: ignore[attr-defined]
                    states[card_id] = state
                    written += 1
                    moment += timedelta(seconds=rng.randint(6, 25))
                moment += timedelta(minutes=10)
        day += timedelta(days=1)
    return written

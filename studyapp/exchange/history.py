"""An imported package's review history into the progress database, replayed with FSRS.

Anki's log lists every answer (rating and moment). Replaying those answers through
studyapp's scheduler gives each card the state studyapp would have reached itself, so the
student continues where Anki left off and the log stays the one truth studyapp keeps.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from studyapp.exchange.anki_import import ImportResult
from studyapp.store.database import Store
from studyapp.study.scheduler import Scheduler


@dataclass(frozen=True, slots=True)
class HistoryReport:
    """How much history came along."""

    answers: int  # answers added to the log (answers already there are not added again)
    cards: int  # imported cards with at least one answer
    suspended: int


def store_history(
    result: ImportResult, store: Store, scheduler: Scheduler, now: datetime
) -> HistoryReport:
    """Add the imported decks' cards, their answers and suspensions to ``store``."""
    store.sync_decks(result.decks, now)
    added = store.import_reviews(result.reviews, scheduler)
    for card_id in result.suspended:
        store.set_suspended(card_id, True)
    cards = len({entry.card_id for entry in result.reviews})
    return HistoryReport(added, cards, len(result.suspended))

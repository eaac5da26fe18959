"""Personal FSRS parameters fitted on the student's own review log (optional).

Uses ``fsrs-rs-python`` (the Rust FSRS optimizer, the one Anki uses; install the ``optimizer``
extra). Each card's REVIEW-mode answers become FSRS training items with elapsed time in study
days (the same day rollover the scheduler uses). Fitting needs enough data to beat the
defaults: at least :data:`MIN_REVIEWS` answers. The result is 21 weights for
``SchedulerSettings.parameters``, clamped into the bounds ``fsrs`` accepts.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import Any

from fsrs.scheduler import DEFAULT_PARAMETERS, LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS

from studyapp.errors import StudyappError
from studyapp.review_types import ReviewEntry, ReviewMode
from studyapp.study.scheduler import Scheduler

MIN_REVIEWS = 400


class OptimizerError(StudyappError):
    """Personal parameters cannot be fitted (optimizer not installed, or too few reviews)."""


def review_histories(
    entries: Iterable[ReviewEntry], scheduler: Scheduler
) -> list[list[tuple[date, int]]]:
    """Per card, its review-mode answers in the order given (the log's order, which a clock
    set back does not change) as (study day, rating); cram is left out."""
    by_card: defaultdict[str, list[ReviewEntry]] = defaultdict(list)
    for entry in entries:
        if entry.mode is ReviewMode.REVIEW:
            by_card[entry.card_id].append(entry)
    histories = []
    for card_entries in by_card.values():
        histories.append(
            [(scheduler.study_day(e.reviewed_at), int(e.rating)) for e in card_entries]
        )
    return histories


def _training_items(histories: list[list[tuple[date, int]]], rs: Any) -> list[Any]:
    """FSRS items: for each answer on a later day than the one before, the card's history up
    to it (with at least one long-term review), ordered by that answer's day."""
    dated: list[tuple[date, Any]] = []
    for history in histories:
        reviews = []
        last_day = history[0][0]
        for day, rating in history:
            delta = max(0, (day - last_day).days)  # as the scheduler: never negative
            reviews.append(rs.FSRSReview(rating, delta))
            if delta > 0:
                dated.append((day, rs.FSRSItem(list(reviews))))
            last_day = day
    dated.sort(key=lambda pair: pair[0])
    return [item for _, item in dated if item.long_term_review_cnt() > 0]


def optimize_parameters(
    entries: Iterable[ReviewEntry],
    scheduler: Scheduler | None = None,
    *,
    minimum_reviews: int = MIN_REVIEWS,
) -> list[float]:
    """FSRS-6 weights fitted on ``entries`` (the store's review log).

    ``scheduler`` supplies the study-day rollover (default: 4 am local). Raises
    :class:`OptimizerError` when fewer than ``minimum_reviews`` review-mode answers exist or
    when ``fsrs-rs-python`` is not installed.
    """
    scheduler = scheduler or Scheduler()
    entries = list(entries)
    count = sum(1 for e in entries if e.mode is ReviewMode.REVIEW)
    if count < minimum_reviews:
        raise OptimizerError(
            f"personal parameters need at least {minimum_reviews} reviews; you have {count}"
        )
    try:
        import fsrs_rs_python as rs
    except ImportError as error:
        raise OptimizerError(
            "the optimizer is not installed: pip install 'studyapp[optimizer]'"
        ) from error
    items = _training_items(review_histories(entries, scheduler), rs)
    if not items:
        raise OptimizerError("no card was reviewed on two different days yet")
    fitted = rs.FSRS(list(DEFAULT_PARAMETERS)).compute_parameters(items)
    if len(fitted) != len(DEFAULT_PARAMETERS):
        raise OptimizerError(f"the optimizer returned {len(fitted)} weights, expected 21")
    return [
        min(max(float(w), low), high)
        for w, low, high in zip(
            fitted, LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS, strict=True
        )
    ]

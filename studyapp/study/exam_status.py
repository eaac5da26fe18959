"""Where the student stands for each exam: countdown, readiness, and whether the plan fits.

**Readiness** is the predicted share of the exam's cards recalled on the exam day if no
further review happened: the progress model's mastery (:mod:`studyapp.study.progress`: mean
predicted recall, a card never reviewed counting 0, from :meth:`Scheduler.recall_after`),
taken at the exam day instead of today. It is given per deck and per section.

One place computes it for every screen (the command line's ``studyapp exam list``, the
library, the reader and the progress view), from the store's exam dates and the decks. Also
:func:`replan`: after an exam is set, moved or cleared, the stored due dates of its decks are
recomputed from the review log (the truth) so they aim at the exams as they now stand.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from studyapp.model import Card, Deck, Section
from studyapp.store.database import Store
from studyapp.store.exams import ExamDate
from studyapp.study.exam import (
    MAX_LEAD_DAYS,
    ExamCalendar,
    describe_countdown,
    plan_message,
    plan_shortfall,
)
from studyapp.study.scheduler import Scheduler
from studyapp.study.study_days import StudyDays


@dataclass(frozen=True)
class Readiness:
    """Predicted recall of a deck's cards on an exam day, in all and per section."""

    exam_day: date
    sections: dict[str, tuple[float, int, int]] = field(default_factory=dict)
    # per section id the cards name (not rolled up): (sum of predicted recall, cards, studied)

    def _sums(self, section_id: str) -> tuple[float, int, int]:
        prefix = section_id + "."
        total = 0.0
        cards = studied = 0
        for sid, (recall, n, seen) in self.sections.items():
            if not section_id or sid == section_id or sid.startswith(prefix):
                total, cards, studied = total + recall, cards + n, studied + seen
        return total, cards, studied

    def of(self, section_id: str = "") -> float | None:
        """Readiness of the deck ('') or of a section with its subsections; None without
        cards."""
        total, cards, _ = self._sums(section_id)
        return total / cards if cards else None

    def studied(self, section_id: str = "") -> int:
        """How many cards of the deck ('') or section have been studied."""
        return self._sums(section_id)[2]


def readiness(store: Store, scheduler: Scheduler, deck: Deck, exam_day: date) -> Readiness:
    """How ready ``deck`` is for an exam on ``exam_day`` (see the module docstring)."""
    sections: dict[str, list[float]] = {}
    days = StudyDays(scheduler, scheduler.day_start(exam_day), back=400)
    for row in store.card_progress_rows([deck.id]):
        _, section, _, _, phase, stability, _, last_review = row
        acc = sections.setdefault(section, [0.0, 0, 0])
        acc[1] += 1
        if phase is None:
            continue
        acc[2] += 1
        if stability is not None and last_review is not None:
            acc[0] += scheduler.recall_after(days.days_ago(last_review), stability)
    return Readiness(exam_day, {k: (v[0], int(v[1]), int(v[2])) for k, v in sections.items()})


@dataclass(frozen=True)
class ExamStatus:
    """One exam of one deck (or section) as the student sees it."""

    exam: ExamDate
    deck: Deck
    days_left: int  # study days until the exam (0 on the day, negative after)
    countdown: str  # "exam in 12 days"
    readiness: float  # predicted share of the exam's cards recalled on the exam day
    cards: int
    unseen: int  # cards never studied yet
    shortfall: int  # unseen cards the daily new-card limit leaves unseen on the exam day
    message: str  # the plain "plan does not fit" sentence, or ''
    by_section: Readiness = field(default_factory=lambda: Readiness(date.min), compare=False)

    @property
    def scope(self) -> str:
        """What the exam covers, for lists and messages: "Deck" or "Deck › Section"."""
        section = self.deck.section_by_id(self.exam.section_id) if self.exam.section_id else None
        return self.deck.title if section is None else f"{self.deck.title} › {section.title}"

    def sections(self) -> list[tuple[Section, float]]:
        """Readiness of the sections under the exam's scope, at the first outline level where
        the cards spread over several of them (a deck's one topic section is skipped), in
        deck order; sections without cards are left out."""
        scope = self.exam.section_id
        inside = [s for s in self.deck.sections if not scope or s.id.startswith(scope + ".")]
        found: list[tuple[Section, float]] = []
        for level in sorted({s.level for s in inside}):
            found = [
                (s, value)
                for s in inside
                if s.level == level and (value := self.by_section.of(s.id)) is not None
            ]
            if len(found) > 1:
                break
        return found


def exam_cards(deck: Deck, section_id: str) -> list[Card]:
    """The cards an exam of ``deck`` (its section ``section_id``; '' for all) covers."""
    return list(deck.cards) if not section_id else deck.cards_in_section(section_id)


def exam_statuses(
    store: Store, decks: Sequence[Deck], scheduler: Scheduler, now: datetime
) -> list[ExamStatus]:
    """Every exam of the loaded decks, soonest first (exams of decks not loaded are left out)."""
    by_id = {deck.id: deck for deck in decks}
    exams = [exam for exam in store.exam_dates() if exam.deck_id in by_id]
    if not exams:
        return []
    today = scheduler.study_day(now)
    day_start = scheduler.day_start(today)
    limit = scheduler.settings.new_per_day
    out = []
    for exam in exams:
        deck = by_id[exam.deck_id]
        cards = exam_cards(deck, exam.section_id)
        ready_by_section = readiness(store, scheduler, deck, exam.day)
        ready = ready_by_section.of(exam.section_id)
        unseen = max(0, len(cards) - ready_by_section.studied(exam.section_id))
        introduced = store.new_cards_introduced(deck.id, day_start)
        shortfall = plan_shortfall(limit, unseen, introduced, today, exam.day)
        out.append(
            ExamStatus(
                exam=exam,
                deck=deck,
                days_left=(exam.day - today).days,
                countdown=describe_countdown(exam.day, today),
                readiness=ready or 0.0,
                cards=len(cards),
                unseen=unseen,
                shortfall=shortfall,
                message=plan_message(limit, shortfall),
                by_section=ready_by_section,
            )
        )
    return out


def upcoming(statuses: Iterable[ExamStatus]) -> list[ExamStatus]:
    """The statuses of exams still ahead (today's included)."""
    return [status for status in statuses if status.days_left >= 0]


def deck_exam(statuses: Iterable[ExamStatus], deck_id: str) -> ExamStatus | None:
    """The soonest upcoming exam of ``deck_id`` (a whole-deck one before a section's)."""
    mine = [s for s in upcoming(statuses) if s.deck.id == deck_id]
    mine.sort(key=lambda s: (s.exam.day, s.exam.section_id != ""))
    return mine[0] if mine else None


def deck_readiness(
    store: Store, scheduler: Scheduler, deck: Deck, now: datetime
) -> tuple[Readiness | None, str]:
    """The deck's readiness for its soonest upcoming exam (a section's or its own) and that
    exam's countdown; (None, '') when none is set."""
    today = scheduler.study_day(now)
    days = [e.day for e in store.exam_dates() if e.deck_id == deck.id and e.day >= today]
    if not days:
        return None, ""
    day = min(days)
    return readiness(store, scheduler, deck, day), describe_countdown(day, today)


def set_exam(
    store: Store, scheduler: Scheduler, deck_ids: Sequence[str], day: date, section_id: str = ""
) -> None:
    """Put the exam of ``deck_ids`` (or their section) on ``day`` and re-aim their schedule
    (an exam moved frees the reviews aimed at its old day)."""
    ids = set(deck_ids)
    moved = [e.day for e in store.exam_dates() if e.deck_id in ids and e.section_id == section_id]
    store.set_exam(deck_ids, day, section_id)
    replan(store, scheduler, deck_ids, removed=moved)


def clear_exams(
    store: Store,
    scheduler: Scheduler,
    deck_ids: Sequence[str] | None,
    section_id: str | None = None,
) -> int:
    """Remove exams (see :meth:`Store.clear_exams`), give their decks back FSRS's own
    schedule; how many were removed."""
    ids = None if deck_ids is None else set(deck_ids)
    gone = [
        e
        for e in store.exam_dates()
        if (ids is None or e.deck_id in ids) and (section_id is None or e.section_id == section_id)
    ]
    removed = store.clear_exams(deck_ids, section_id)
    decks = list(dict.fromkeys(e.deck_id for e in gone))
    replan(store, scheduler, decks, removed=[e.day for e in gone])
    return removed


def replan(
    store: Store, scheduler: Scheduler, deck_ids: Iterable[str], removed: Iterable[date] = ()
) -> None:
    """Take up the store's exams as they now stand for ``deck_ids``: the scheduler's calendar
    is refreshed; reviews aimed at a ``removed`` exam day go back to FSRS's own due date
    (:meth:`Scheduler.natural_due`); every review FSRS put on or after a card's exam moves
    shortly before it. The result equals replaying the decks' log with the new calendar (a
    test holds it to that) at a fraction of the cost. Memory states never change."""
    scheduler.exams = ExamCalendar(store.exam_days_by_card())
    decks = list(deck_ids)
    windows = [
        (scheduler.day_start(day - timedelta(days=MAX_LEAD_DAYS)), scheduler.day_start(day))
        for day in set(removed)
    ]
    if windows:  # back to FSRS's own due date, from the state and the review before
        aimed = {
            card_id: state
            for card_id, state in store.review_states(decks).items()
            if any(start <= state.due < end for start, end in windows)
        }
        previous = store.previous_reviews(aimed)
        natural = {
            card_id: scheduler.natural_due(card_id, state, previous.get(card_id))
            for card_id, state in aimed.items()
        }
        store.set_due_dates({i: due for i, due in natural.items() if due != aimed[i].due})
    if not scheduler.exams:
        return
    moved: dict[str, datetime] = {}
    for card_id, state in store.review_states(decks).items():
        if state.last_review is None:
            continue
        due = scheduler.aimed_at_exam(card_id, state.due, state.stability, state.last_review)
        if due != state.due:
            moved[card_id] = due
    if moved:
        store.set_due_dates(moved)

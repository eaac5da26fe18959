"""A simulated student, to measure a scheduling policy over months in seconds.

The student studies once a day through the real :class:`~studyapp.study.session.StudySession`
(the real queue, the real :class:`~studyapp.study.scheduler.Scheduler`, a real in-memory
store) and answers every card due. Whether a review is recalled is drawn from FSRS's own
predicted recall of the card at that moment with a seeded :class:`random.Random`; a card seen
for the first time gets a first answer drawn from :data:`FIRST_ANSWERS`. On the exam day the
deck's predicted recall (:func:`studyapp.study.exam.readiness`) is what the student would
score. Used by the tests and by ``benchmarks/bench_exam_plan.py`` to compare studying with
and without the exam plan.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from studyapp.model import Card, CardType, Deck, Section
from studyapp.review_types import Rating
from studyapp.store.database import Store
from studyapp.study.exam import ExamCalendar
from studyapp.study.exam_status import readiness
from studyapp.study.scheduler import Scheduler, SchedulerSettings
from studyapp.study.session import SessionSummary, Stage, StudySession

# How a student answers a card the first time (Again, Hard, Good, Easy): most know it once read.
FIRST_ANSWERS = (
    (Rating.AGAIN, 0.25),
    (Rating.HARD, 0.10),
    (Rating.GOOD, 0.55),
    (Rating.EASY, 0.10),
)
STUDY_TIME = time(18, 0)  # the student sits down at 18:00 UTC every day
SECONDS_PER_ANSWER = 12


@dataclass(frozen=True)
class SimulationResult:
    """What a simulated run up to the exam gave."""

    recall_on_exam_day: float  # predicted share of the deck recalled on the exam day
    answers: int  # every answer given before the exam (learning steps included)
    unseen: int  # cards never studied before the exam


def practice_deck(cards: int, deck_id: str = "sim") -> Deck:
    """A deck of ``cards`` basic cards in ten sections, for simulations and benchmarks."""
    sections = tuple(Section(id=str(n + 1), title=f"Section {n + 1}") for n in range(10))
    return Deck(
        id=deck_id,
        title="Simulated deck",
        sections=sections,
        cards=tuple(
            Card(
                id=f"{deck_id}-{n:06d}",
                type=CardType.BASIC,
                question=f"Question {n}?",
                answer=f"Answer {n}",
                section=str(n * 10 // cards + 1),
                source=f"Sentence {n}.",
            )
            for n in range(cards)
        ),
    )


class _SilentView:
    """The session's view: the simulated student reads the session directly."""

    def show_question(self, card: Card, progress: object) -> None:
        pass

    def show_answer(self, card: Card, intervals: object, check: object) -> None:
        pass

    def show_finished(self, summary: SessionSummary) -> None:
        pass


def _first_answer(rng: random.Random) -> Rating:
    draw = rng.random()
    for rating, share in FIRST_ANSWERS:
        if draw < share:
            return rating
        draw -= share
    return FIRST_ANSWERS[-1][0]


def simulate_student(
    deck: Deck,
    *,
    start: date,
    exam_day: date,
    with_plan: bool,
    seed: int = 0,
    settings: SchedulerSettings | None = None,
) -> SimulationResult:
    """Study ``deck`` every day from ``start`` to the day before ``exam_day``, with the exam
    set in the store (``with_plan``) or not; the same ``seed`` gives the same student."""
    rng = random.Random(seed)
    store = Store.in_memory()
    clock = [datetime.combine(start, STUDY_TIME, tzinfo=UTC)]
    store.sync_decks([deck], clock[0])
    if with_plan:
        store.set_exam([deck.id], exam_day)
    scheduler = Scheduler(
        settings or SchedulerSettings(), UTC, ExamCalendar(store.exam_days_by_card())
    )
    day = start
    while day < exam_day:
        clock[0] = datetime.combine(day, STUDY_TIME, tzinfo=UTC)
        session = StudySession(
            store, scheduler, [deck], _SilentView(), clock=lambda: clock[0], rng=rng
        )
        session.start()
        while session.stage is Stage.QUESTION:
            card = session.current_card
            assert card is not None
            state = store.card_state(card.id)
            if state is None:
                rating = _first_answer(rng)
            else:
                recalled = rng.random() < scheduler.retrievability(state, clock[0])
                rating = Rating.GOOD if recalled else Rating.AGAIN
            session.reveal()
            clock[0] += timedelta(seconds=SECONDS_PER_ANSWER)
            session.rate(rating)
        day += timedelta(days=1)
    states = store.card_states()
    recall = readiness(store, scheduler, deck, exam_day).of()
    result = SimulationResult(
        recall_on_exam_day=recall or 0.0,
        answers=len(store.reviews()),
        unseen=sum(1 for card in deck.cards if card.id not in states),
    )
    store.close()
    return result

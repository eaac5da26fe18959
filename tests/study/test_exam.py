"""Studying toward an exam: reviews aimed at the exam day, new cards paced, readiness."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

from studyapp.review_types import CardState, Phase, Rating
from studyapp.store.database import Store
from studyapp.study.exam import (
    ExamCalendar,
    aim_at_exam,
    describe_countdown,
    lead_days,
    new_cards_today,
    plan_message,
    plan_shortfall,
)
from studyapp.study.exam_status import clear_exams, exam_statuses, readiness, set_exam
from studyapp.study.queue import review_queue
from studyapp.study.scheduler import Scheduler, SchedulerSettings
from studyapp.study.simulation import practice_deck

T0 = datetime(2027, 1, 1, 18, 0, tzinfo=UTC)
EXAM = date(2027, 1, 31)


def strong_card(days_ago: int, stability: float, due_in: int) -> CardState:
    """A review-phase card last seen ``days_ago`` days before T0, due ``due_in`` days after."""
    return CardState(
        phase=Phase.REVIEW,
        step=None,
        stability=stability,
        difficulty=5.0,
        due=T0 + timedelta(days=due_in),
        last_review=T0 - timedelta(days=days_ago),
    )


def test_a_review_that_would_fall_after_the_exam_moves_shortly_before_it():
    """FSRS's 60-day interval becomes a review a few days before a 30-day-away exam."""
    today = T0.date()
    aimed = aim_at_exam(today + timedelta(days=60), today, EXAM, stability=60.0)
    assert aimed == EXAM - timedelta(days=7)
    weak = aim_at_exam(today + timedelta(days=40), today, EXAM, stability=2.0)
    assert weak == EXAM - timedelta(days=1)


def test_reviews_before_the_exam_or_close_to_it_keep_their_interval():
    """A review due before the exam, one already close to it, or after the exam is unchanged."""
    today = T0.date()
    assert aim_at_exam(today + timedelta(days=10), today, EXAM, 30.0) is None
    assert aim_at_exam(EXAM + timedelta(days=20), EXAM - timedelta(days=1), EXAM, 30.0) is None
    assert aim_at_exam(EXAM + timedelta(days=20), EXAM, EXAM, 30.0) is None
    assert aim_at_exam(EXAM + timedelta(days=20), today, None, 30.0) is None


def test_lead_grows_with_stability_up_to_a_week():
    """Weak cards are reviewed the day before the exam, strong ones up to a week before."""
    assert [lead_days(s) for s in (None, 0.5, 5.0, 10.0, 100.0)] == [1, 1, 2, 4, 7]


def test_the_scheduler_aims_a_card_s_next_review_before_its_exam():
    """With an exam set, answering Good on a strong card schedules it before the exam day."""
    settings = SchedulerSettings(fuzz=False)
    plain = Scheduler(settings, UTC)
    aimed = Scheduler(settings, UTC, ExamCalendar({"c1": [EXAM]}))
    state = strong_card(days_ago=20, stability=20.0, due_in=0)
    natural, _ = plain.review("c1", state, Rating.GOOD, T0)
    planned, _ = aimed.review("c1", state, Rating.GOOD, T0)
    assert natural.due.date() > EXAM
    assert plain.study_day(planned.due) < EXAM
    assert planned.due == plain.day_start(EXAM - timedelta(days=lead_days(planned.stability)))
    assert (planned.stability, planned.difficulty) == (natural.stability, natural.difficulty)
    assert aimed.preview("c1", state, T0)[Rating.GOOD] == planned.due - T0
    other, _ = aimed.review("c2", state, Rating.GOOD, T0)  # a card of another deck
    assert other == natural


def test_after_the_exam_scheduling_is_back_to_normal():
    """The day after the exam, the same answer gives the same interval as without any exam."""
    settings = SchedulerSettings(fuzz=False)
    after = datetime(2027, 2, 1, 18, 0, tzinfo=UTC)
    state = strong_card(days_ago=0, stability=20.0, due_in=0)
    state = CardState(state.phase, None, 20.0, 5.0, after, after - timedelta(days=20))
    plain, _ = Scheduler(settings, UTC).review("c1", state, Rating.GOOD, after)
    aimed, _ = Scheduler(settings, UTC, ExamCalendar({"c1": [EXAM]})).review(
        "c1", state, Rating.GOOD, after
    )
    assert aimed == plain


def test_new_cards_are_spread_to_be_introduced_in_time():
    """100 unseen cards, 28 days to the exam: 4 a day (not the limit of 20), all on the last."""
    today = T0.date()
    assert new_cards_today(20, 100, 0, today, EXAM) == 4
    assert new_cards_today(20, 96, 4, today, EXAM) == 0  # today's share is done
    last = EXAM - timedelta(days=3)
    assert new_cards_today(20, 7, 0, last, EXAM) == 7
    assert new_cards_today(3, 100, 0, today, EXAM) == 3  # never above the limit


def test_the_plan_says_plainly_when_it_does_not_fit():
    """At 20 a day, 10 days before the exam, 235 unseen cards leave 35 unseen."""
    today = EXAM - timedelta(days=10)
    shortfall = plan_shortfall(20, 235, 0, today, EXAM)
    assert shortfall == 35
    assert plan_message(20, shortfall) == (
        "at 20 new cards a day, 35 cards will not be seen before the exam: "
        "raise the limit or start now"
    )
    assert plan_shortfall(20, 200, 0, today, EXAM) == 0
    assert plan_message(20, 0) == ""


def test_readiness_is_predicted_recall_on_the_exam_day():
    """Readiness counts unseen cards as 0, is lower for a later exam, and is given per section."""
    deck = practice_deck(20)  # two cards per section
    store = Store.in_memory()
    store.sync_decks([deck], T0)
    scheduler = Scheduler(SchedulerSettings(), UTC)
    state = None
    for card in deck.cards[:2]:  # section 1's two cards, answered Good once
        state, entry = scheduler.review(card.id, None, Rating.GOOD, T0)
        store.record_review(state, entry)
    soon = readiness(store, scheduler, deck, date(2027, 1, 3))
    late = readiness(store, scheduler, deck, date(2027, 3, 5))
    assert soon.of("1") == scheduler.recall_after(2, state.stability)  # type: ignore[union-attr]
    assert soon.of("2") == 0.0
    assert soon.of() == soon.of("1") / 10  # type: ignore[operator]
    assert late.of() < soon.of()  # type: ignore[operator]
    assert soon.of("no-such-section") is None


def test_countdown_reads_naturally():
    """The countdown says today, tomorrow, or in how many days."""
    assert describe_countdown(EXAM, EXAM) == "exam today"
    assert describe_countdown(EXAM, EXAM - timedelta(days=1)) == "exam tomorrow"
    assert describe_countdown(EXAM, EXAM - timedelta(days=12)) == "exam in 12 days"


def test_the_queue_paces_new_cards_and_puts_the_exam_section_first():
    """A section exam: that section's cards come first, paced over the days left."""
    deck = practice_deck(100)
    store = Store.in_memory()
    store.sync_decks([deck], T0)
    store.set_exam([deck.id], EXAM, section_id="10")
    scheduler = Scheduler(SchedulerSettings(), UTC, ExamCalendar(store.exam_days_by_card()))
    scope = {card.id: card for card in deck.cards}
    queue, _ = review_queue(store, scheduler, [deck.id], scope, T0)
    taken = [queue.take_next(T0) for _ in range(queue.new_count)]
    sections = {scope[t.card_id].section for t in taken if t is not None}
    assert len(taken) == 1 and sections == {"10"}  # 10 cards over 27 days: 1 a day


def test_setting_an_exam_re_aims_stored_reviews_and_clearing_it_restores_them():
    """A card due after the exam is pulled before it when the exam is set, and back after."""
    deck = practice_deck(1)
    store = Store.in_memory()
    store.sync_decks([deck], T0 - timedelta(days=40))
    scheduler = Scheduler(SchedulerSettings(), UTC)
    card = deck.cards[0].id
    moment = T0 - timedelta(days=40)
    state = None
    while state is None or state.due.date() <= EXAM:  # Good until FSRS puts it past the exam
        state, entry = scheduler.review(card, state, Rating.GOOD, moment)
        store.record_review(state, entry)
        moment = max(state.due, moment + timedelta(minutes=10))
    natural = store.card_state(card)
    assert natural is not None and natural.due.date() > EXAM
    set_exam(store, scheduler, [deck.id], EXAM)
    aimed = store.card_state(card)
    assert aimed is not None and aimed.due.date() < EXAM
    assert aimed.stability == natural.stability
    set_exam(store, scheduler, [deck.id], EXAM + timedelta(days=20))  # moved: aimed anew
    moved = store.card_state(card)
    assert moved is not None and EXAM <= moved.due.date() < EXAM + timedelta(days=20)
    assert clear_exams(store, scheduler, [deck.id]) == 1
    assert store.card_state(card) == natural


def test_re_aiming_gives_what_replaying_the_log_gives():
    """After exams are set, moved and cleared, the stored schedule equals a full replay."""
    deck = practice_deck(60)
    store = Store.in_memory()
    start = T0 - timedelta(days=120)
    store.sync_decks([deck], start)
    scheduler = Scheduler(SchedulerSettings(), UTC)
    rng = random.Random(4)
    for card in deck.cards:
        state, moment = None, start + timedelta(days=rng.randint(0, 60))
        while moment < T0:
            rating = Rating.AGAIN if rng.random() < 0.15 else Rating.GOOD
            state, entry = scheduler.review(card.id, state, rating, moment)
            store.record_review(state, entry)
            moment = max(state.due, moment + timedelta(minutes=10))
    set_exam(store, scheduler, [deck.id], EXAM)
    set_exam(store, scheduler, [deck.id], EXAM - timedelta(days=9), section_id="3")
    set_exam(store, scheduler, [deck.id], EXAM + timedelta(days=30))  # the deck exam moves
    clear_exams(store, scheduler, [deck.id], section_id="3")
    set_exam(store, scheduler, [deck.id], EXAM - timedelta(days=5), section_id="7")
    incremental = store.card_states()
    store.rebuild_states(scheduler)  # the log replayed with the same exams
    assert store.card_states() == incremental
    store.rebuild_states(Scheduler(SchedulerSettings(), UTC))  # without exams
    without = store.card_states()
    aimed = [i for i in incremental if incremental[i].due != without[i].due]
    assert len(aimed) > 5  # the exams did move reviews
    assert all(incremental[i].stability == without[i].stability for i in incremental)


def test_exam_statuses_give_countdown_readiness_and_the_plan_warning():
    """A 300-card deck 10 days before its exam: ready 0 %, 100 cards will not be seen."""
    deck = practice_deck(300)
    store = Store.in_memory()
    store.sync_decks([deck], T0)
    store.set_exam([deck.id], T0.date() + timedelta(days=10))
    scheduler = Scheduler(SchedulerSettings(), UTC)
    (status,) = exam_statuses(store, [deck], scheduler, T0)
    assert (status.days_left, status.countdown, status.readiness) == (10, "exam in 10 days", 0.0)
    assert (status.cards, status.unseen, status.shortfall) == (300, 300, 100)
    assert status.message.startswith("at 20 new cards a day, 100 cards will not be seen")


def test_an_exam_lists_the_readiness_of_its_sections():
    """A whole-deck exam lists its sections (the level where the cards spread), in order."""
    deck = practice_deck(30)
    store = Store.in_memory()
    store.sync_decks([deck], T0)
    store.set_exam([deck.id], EXAM)
    scheduler = Scheduler(SchedulerSettings(), UTC)
    state, entry = scheduler.review(deck.cards[0].id, None, Rating.EASY, T0)
    store.record_review(state, entry)
    (status,) = exam_statuses(store, [deck], scheduler, T0)
    sections = status.sections()
    assert [s.id for s, _ in sections] == [str(n) for n in range(1, 11)]
    assert sections[0][1] > 0 and all(value == 0 for _, value in sections[1:])


def test_a_calendar_given_a_loader_reads_the_exams_on_first_use():
    """The app's calendar reads the store only when a review or a queue first asks."""
    calls: list[int] = []

    def load() -> dict[str, list[date]]:
        calls.append(1)
        return {"c1": [EXAM, EXAM - timedelta(days=10)]}

    calendar = ExamCalendar(load=load)
    assert calls == []
    assert calendar.next_exam("c1", T0.date()) == EXAM - timedelta(days=10)
    assert calendar.next_exam("c1", EXAM - timedelta(days=10)) == EXAM
    assert bool(calendar) and calls == [1]

"""Tests for studyapp.study.session: the quiz flow over a real store, scheduler and a fake view."""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from studyapp.errors import StoreError
from studyapp.model import Card, CardType, Deck, Section
from studyapp.review_types import CardState, Phase, Rating, ReviewEntry, ReviewMode
from studyapp.store.database import Store
from studyapp.study.answers import AnswerCheck
from studyapp.study.scheduler import Scheduler, SchedulerSettings
from studyapp.study.session import (
    MAX_ANSWER_MS,
    Progress,
    SessionError,
    SessionSummary,
    Stage,
    StudySession,
)

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # a Monday morning, study day 2026-03-02 (UTC)


class Clock:
    """A settable clock standing in for the wall clock."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


class FakeView:
    """Records what the session asked the screen to show."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, object]] = []
        self.questions: list[Card] = []
        self.progress: list[Progress] = []
        self.answers: list[tuple[Card, dict[Rating, timedelta], AnswerCheck | None]] = []
        self.finished: list[SessionSummary] = []

    def show_question(self, card: Card, progress: Progress) -> None:
        self.calls.append(("question", card.id))
        self.questions.append(card)
        self.progress.append(progress)

    def show_answer(
        self, card: Card, intervals: dict[Rating, timedelta], check: AnswerCheck | None
    ) -> None:
        self.calls.append(("answer", card.id))
        self.answers.append((card, intervals, check))

    def show_finished(self, summary: SessionSummary) -> None:
        self.calls.append(("finished", summary.answered))
        self.finished.append(summary)


def basic(card_id: str, source: str = "", section: str = "I") -> Card:
    """A question/answer card."""
    return Card(
        id=card_id,
        type=CardType.BASIC,
        question=f"q {card_id}",
        answer=f"a {card_id}",
        section=section,
        source=source or f"sentence of {card_id}",
    )


def make_deck(cards: list[Card], deck_id: str = "d1") -> Deck:
    """A deck with one section per distinct section id of its cards."""
    section_ids = dict.fromkeys(c.section for c in cards)
    sections = tuple(Section(id=s, title=f"Section {s}") for s in section_ids)
    return Deck(id=deck_id, title=f"Deck {deck_id}", sections=sections, cards=tuple(cards))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A real progress database file."""
    opened = Store.open(tmp_path / "p.sqlite3", backups=0)
    yield opened
    opened.close()


def scheduler(**settings: object) -> Scheduler:
    """A scheduler whose study days roll over at 04:00 UTC."""
    return Scheduler(SchedulerSettings(**settings), tz=UTC)  # type: ignore[arg-type]


def open_session(
    store: Store,
    decks: list[Deck],
    clock: Clock,
    view: FakeView | None = None,
    sched: Scheduler | None = None,
    **kwargs: object,
) -> tuple[StudySession, FakeView]:
    """Sync the decks, then start a session over them."""
    store.sync_decks(decks, clock())
    view = view or FakeView()
    session = StudySession(
        store,
        sched or scheduler(),
        decks,
        view,
        clock=clock,
        rng=random.Random(5),
        **kwargs,  # type: ignore[arg-type]
    )
    session.start()
    return session, view


def test_whole_flow_of_ten_cards(store: Store):
    """Ten new cards: each is answered, returns once from learning, and the summary adds up."""
    deck = make_deck([basic(f"c{i}") for i in range(10)])
    clock = Clock(T0)
    session, view = open_session(store, [deck], clock)
    assert view.questions[0].id == "c0"
    assert view.progress[0] == Progress(done=0, remaining=10, new=10, learning=0, review=0)
    while session.stage is not Stage.FINISHED:
        clock.advance(seconds=5)
        session.reveal()
        _card, intervals, check = view.answers[-1]
        assert list(intervals) == list(Rating)
        assert check is None
        session.rate(Rating.GOOD)
    shown = [c.id for c in view.questions]
    assert shown[:10] == [f"c{i}" for i in range(10)]  # new cards in source order
    assert sorted(shown[10:]) == sorted(shown[:10])  # each came back once from learning
    summary = view.finished[-1]
    assert summary.answered == 20
    assert summary.correct == 20
    assert summary.accuracy == 1.0
    assert summary.time_spent == timedelta(seconds=100)
    states = store.card_states()
    assert len(states) == 10
    assert all(s.phase is Phase.REVIEW for s in states.values())
    assert summary.next_due == min(s.due for s in states.values())
    log = store.reviews()
    assert len(log) == 20
    assert all(e.duration_ms == 5000 and e.mode is ReviewMode.REVIEW for e in log)
    assert view.progress[-1].done == 19


def test_undo_restores_exact_state_and_log(store: Store):
    """Undo takes answers back one by one: earlier state, no log entry, card shown again."""
    deck = make_deck([basic("a"), basic("b")])
    clock = Clock(T0)
    store.sync_decks([deck], clock())
    reviewed = CardState(Phase.REVIEW, None, 4.0, 6.0, T0 - timedelta(days=1), T0 - timedelta(5))
    store.record_review(reviewed, ReviewEntry("a", T0 - timedelta(days=5), Rating.GOOD))
    session, view = open_session(store, [deck], clock)
    assert view.questions[-1].id == "a"  # the due review
    session.reveal()
    session.rate(Rating.AGAIN)
    assert view.questions[-1].id == "b"
    session.reveal()
    session.rate(Rating.GOOD)
    assert len(store.reviews()) == 3
    assert store.card_state("a") != reviewed

    session.undo()
    assert view.questions[-1].id == "b"
    assert store.card_state("b") is None
    assert [e.card_id for e in store.reviews()] == ["a", "a"]
    session.undo()
    assert view.questions[-1].id == "a"
    assert store.card_state("a") == reviewed
    assert len(store.reviews()) == 1
    assert view.progress[-1] == Progress(done=0, remaining=2, new=1, learning=0, review=1)
    assert not session.can_undo
    with pytest.raises(SessionError, match="nothing to undo"):
        session.undo()
    session.reveal()
    session.rate(Rating.GOOD)  # answering again goes on normally
    assert store.card_state("a").phase is Phase.REVIEW
    assert view.questions[-1].id == "b"


def test_undo_after_the_end_reopens_the_session(store: Store):
    """Undoing the last answer after the summary brings that card back on screen."""
    deck = make_deck([basic("only")])
    clock = Clock(T0)
    session, view = open_session(store, [deck], clock)
    session.reveal()
    session.rate(Rating.EASY)
    assert session.stage is Stage.FINISHED
    session.undo()
    assert session.stage is Stage.QUESTION
    assert view.questions[-1].id == "only"
    assert store.card_state("only") is None


def test_daily_new_card_limit_across_sessions_and_rollover(store: Store):
    """Only new_per_day new cards per study day, counted across sessions; more after 04:00."""
    deck = make_deck([basic(f"n{i}") for i in range(10)])
    sched = scheduler(new_per_day=3)
    clock = Clock(T0)

    def run_session() -> list[str]:
        session, view = open_session(store, [deck], clock, sched=sched)
        while session.stage is not Stage.FINISHED:
            session.reveal()
            session.rate(Rating.EASY)  # graduates at once: no learning repeats
        return [c.id for c in view.questions]

    assert run_session() == ["n0", "n1", "n2"]
    clock.advance(hours=2)
    assert run_session() == []  # same study day: the limit is used up
    clock.now = datetime(2026, 3, 3, 3, 30, tzinfo=UTC)  # past midnight, before the rollover
    assert run_session() == []
    clock.now = datetime(2026, 3, 3, 4, 30, tzinfo=UTC)  # a new study day
    assert run_session() == ["n3", "n4", "n5"]


def test_partly_used_new_limit_leaves_the_rest(store: Store):
    """A second session the same day gets the new cards the first one left over."""
    deck = make_deck([basic(f"n{i}") for i in range(6)])
    sched = scheduler(new_per_day=4)
    clock = Clock(T0)
    session, view = open_session(store, [deck], clock, sched=sched)
    assert view.progress[0].new == 4
    session.reveal()
    session.rate(Rating.EASY)
    session.finish()
    assert view.finished[-1].answered == 1
    _session2, view2 = open_session(store, [deck], clock, sched=sched)
    assert view2.progress[0].new == 3
    assert view2.questions[0].id == "n1"


def test_learning_card_returns_when_due(store: Store):
    """A card answered Again comes back once its one-minute step has passed."""
    deck = make_deck([basic("a"), basic("b"), basic("c")])
    clock = Clock(T0)
    session, view = open_session(store, [deck], clock)
    session.reveal()
    session.rate(Rating.AGAIN)  # a: due in 1 minute
    assert view.questions[-1].id == "b"
    clock.advance(seconds=30)
    session.reveal()
    session.rate(Rating.GOOD)  # a not due yet: c comes first
    assert view.questions[-1].id == "c"
    clock.advance(seconds=60)
    session.reveal()
    session.rate(Rating.GOOD)  # a is due now
    assert view.questions[-1].id == "a"
    assert view.progress[-1].learning == 3


def test_learning_card_is_shown_early_when_nothing_else_is_left(store: Store):
    """With only a learning card left, it is shown at once instead of ending the session."""
    deck = make_deck([basic("solo")])
    clock = Clock(T0)
    session, view = open_session(store, [deck], clock)
    session.reveal()
    session.rate(Rating.AGAIN)
    assert session.stage is Stage.QUESTION
    assert [c.id for c in view.questions] == ["solo", "solo"]


def steps_of(minutes: int) -> Scheduler:
    """A scheduler whose only learning step is ``minutes`` long (Again waits that long)."""
    return scheduler(learning_steps=(timedelta(minutes=minutes),))


def test_a_card_due_in_5_minutes_is_shown_early_when_nothing_else_is_left(store: Store):
    """Inside the 20-minute learn-ahead limit the last learning card is asked at once."""
    deck = make_deck([basic("solo")])
    clock = Clock(T0)
    session, view = open_session(store, [deck], clock, sched=steps_of(5))
    session.reveal()
    session.rate(Rating.AGAIN)
    assert store.card_state("solo").due == T0 + timedelta(minutes=5)
    assert session.stage is Stage.QUESTION
    assert [c.id for c in view.questions] == ["solo", "solo"]
    assert view.progress[-1] == Progress(done=1, remaining=1, new=0, learning=1, review=0)


def test_a_card_due_in_45_minutes_ends_the_session_and_comes_back_later(store: Store):
    """Beyond the limit the session ends, its summary says when, and a later session (or one
    started within 20 minutes of the card's time) shows it."""
    deck = make_deck([basic("solo")])
    clock = Clock(T0)
    sched = steps_of(45)
    session, view = open_session(store, [deck], clock, sched=sched)
    session.reveal()
    session.rate(Rating.AGAIN)
    assert session.stage is Stage.FINISHED
    assert [c.id for c in view.questions] == ["solo"]
    assert view.finished[-1].answered == 1
    assert view.finished[-1].next_due == T0 + timedelta(minutes=45)

    clock.advance(minutes=10)  # still 35 minutes early: nothing to show yet
    _, view2 = open_session(store, [deck], clock, sched=sched)
    assert view2.questions == []
    assert view2.finished[-1].next_due == T0 + timedelta(minutes=45)
    clock.advance(minutes=15)  # 20 minutes early: shown
    _, view3 = open_session(store, [deck], clock, sched=sched)
    assert [c.id for c in view3.questions] == ["solo"]
    assert view3.progress[0].learning == 1


def test_learning_cards_beyond_the_limit_are_not_counted_as_left(store: Store):
    """While a card waits 45 minutes, the counts show only what can come in this sitting."""
    deck = make_deck([basic("a"), basic("b")])
    clock = Clock(T0)
    session, view = open_session(store, [deck], clock, sched=steps_of(45))
    session.reveal()
    session.rate(Rating.AGAIN)  # a: due in 45 minutes
    assert view.questions[-1].id == "b"
    assert view.progress[-1] == Progress(done=1, remaining=1, new=1, learning=0, review=0)
    session.reveal()
    session.rate(Rating.AGAIN)
    assert session.stage is Stage.FINISHED
    assert view.finished[-1].next_due == T0 + timedelta(minutes=45)
    assert session.progress == Progress(done=2, remaining=0, new=0, learning=0, review=0)


def test_undo_after_a_learn_ahead_end_brings_the_card_back(store: Store):
    """Undoing the answer that ended the session restores the card and its (empty) history;
    answering again ends the session the same way."""
    deck = make_deck([basic("solo")])
    clock = Clock(T0)
    session, view = open_session(store, [deck], clock, sched=steps_of(45))
    session.reveal()
    session.rate(Rating.AGAIN)
    assert session.stage is Stage.FINISHED
    session.undo()
    assert session.stage is Stage.QUESTION
    assert view.questions[-1].id == "solo"
    assert store.card_state("solo") is None
    assert store.reviews() == []
    assert view.progress[-1] == Progress(done=0, remaining=1, new=1, learning=0, review=0)
    session.reveal()
    session.rate(Rating.AGAIN)
    assert session.stage is Stage.FINISHED
    assert len(store.reviews()) == 1
    assert view.finished[-1].next_due == T0 + timedelta(minutes=45)


def test_a_section_summary_tells_when_that_section_is_next_due(store: Store):
    """After a section session the next-due time is the section's, not another section's
    overdue card (which "Study more" on this section would not show)."""
    deck = make_deck([basic("here", section="I"), basic("elsewhere", section="II")])
    clock = Clock(T0)
    store.sync_decks([deck], clock())
    overdue = T0 - timedelta(days=2)
    state = CardState(Phase.REVIEW, None, 3.0, 5.0, overdue, overdue - timedelta(days=3))
    store.record_review(state, ReviewEntry("elsewhere", overdue - timedelta(days=3), Rating.GOOD))
    session, view = open_session(store, [deck], clock, sched=steps_of(45), section="I")
    session.reveal()
    session.rate(Rating.AGAIN)
    assert session.stage is Stage.FINISHED
    assert view.finished[-1].next_due == T0 + timedelta(minutes=45)
    whole, view2 = open_session(store, [deck], clock, sched=steps_of(45))
    assert view2.questions[0].id == "elsewhere"
    whole.finish()
    assert view2.finished[-1].next_due == overdue  # the whole deck: the overdue card


def test_cards_from_one_sentence_are_never_back_to_back(store: Store):
    """Cards made from the same source sentence are spaced out by other cards."""
    cards = [
        basic("s1a", "Ketamine is an NMDA antagonist."),
        basic("s1b", "Ketamine is an NMDA antagonist."),
        basic("s1c", "Ketamine is an NMDA antagonist."),
        basic("s2a", "It is given intravenously."),
        basic("s2b", "It is given intravenously."),
        basic("s3a", "Doses are low."),
    ]
    deck = make_deck(cards)
    clock = Clock(T0)
    session, view = open_session(store, [deck], clock)
    while session.stage is not Stage.FINISHED:
        session.reveal()
        session.rate(Rating.EASY)
    sources = [c.source for c in view.questions]
    assert len(sources) == 6
    assert all(a != b for a, b in itertools.pairwise(sources))


def test_bury_until_next_day_and_suspend(store: Store):
    """A buried card returns the next study day; a suspended one stays away."""
    deck = make_deck([basic("a"), basic("b"), basic("c")])
    clock = Clock(T0)
    session, view = open_session(store, [deck], clock)
    session.bury()  # a
    assert view.questions[-1].id == "b"
    session.reveal()
    session.suspend()  # b, after revealing
    assert view.questions[-1].id == "c"
    session.finish()
    assert view.finished[-1].answered == 0

    clock.advance(hours=3)
    _, view2 = open_session(store, [deck], clock)
    assert [c.id for c in view2.questions] == ["c"]
    clock.now = datetime(2026, 3, 3, 5, 0, tzinfo=UTC)
    _, view3 = open_session(store, [deck], clock)
    assert view3.questions[0].id == "a"
    assert view3.progress[0].new == 2  # a and c; b stays suspended


def test_undo_bury_brings_the_card_back(store: Store):
    """Undoing a bury shows the card again and it is no longer buried."""
    deck = make_deck([basic("a"), basic("b")])
    clock = Clock(T0)
    session, view = open_session(store, [deck], clock)
    session.bury()
    session.undo()
    assert view.questions[-1].id == "a"
    session.finish()
    _, view2 = open_session(store, [deck], clock)
    assert view2.questions[0].id == "a"


def test_typed_answer_proposes_a_rating_the_student_can_accept(store: Store):
    """A typo is shown as close with Hard proposed; Enter (no rating) accepts Hard."""
    card = Card(id="t", type=CardType.TYPED, question="Drug?", answer="ketamine", source="x")
    deck = make_deck([card])
    clock = Clock(T0)
    session, view = open_session(store, [deck], clock)
    check = session.answer_typed("ketamin")
    assert check.close
    assert view.answers[-1][2] is check
    session.rate()
    assert store.reviews("t")[0].rating is Rating.HARD


def test_choice_answer_can_be_overridden(store: Store):
    """A right pick proposes Good, but the student may rate it Again instead."""
    card = Card(
        id="m",
        type=CardType.CHOICE,
        question="Target?",
        answer="NMDA receptor",
        distractors=("GABA-A receptor", "mu-opioid receptor", "D2 receptor"),
        source="y",
    )
    deck = make_deck([card, basic("other")])
    clock = Clock(T0)
    session, _ = open_session(store, [deck], clock)
    options = session.options
    assert sorted(options) == sorted([card.answer, *card.distractors])
    with pytest.raises(SessionError, match="no option 5"):
        session.answer_choice(4)
    check = session.answer_choice(options.index("NMDA receptor"))
    assert check.correct
    assert check.proposed is Rating.GOOD
    session.rate(Rating.AGAIN)
    assert store.reviews("m")[0].rating is Rating.AGAIN
    assert session.options == ()  # the next card is not a choice card


def test_actions_out_of_turn_are_refused(store: Store):
    """Rating before the answer shows, or revealing twice, raises a clear SessionError."""
    deck = make_deck([basic("a")])
    clock = Clock(T0)
    session, _ = open_session(store, [deck], clock)
    with pytest.raises(SessionError, match="cannot rate now"):
        session.rate(Rating.GOOD)
    session.reveal()
    with pytest.raises(SessionError, match="cannot reveal"):
        session.reveal()
    with pytest.raises(SessionError, match="no proposed"):
        session.rate()
    session.rate(Rating.AGAIN)
    with pytest.raises(SessionError, match="not a multiple-choice"):
        session.answer_choice(0)
    with pytest.raises(SessionError, match="cannot check an answer now"):
        StudySession(store, scheduler(), [deck], FakeView(), clock=clock).answer_typed("a")


def test_answer_time_is_measured_and_capped(store: Store):
    """The time from question to rating is logged, and a long pause counts as one minute."""
    deck = make_deck([basic("a"), basic("b")])
    clock = Clock(T0)
    session, _ = open_session(store, [deck], clock)
    clock.advance(seconds=4.5)
    session.reveal()
    session.rate(Rating.EASY)
    clock.advance(minutes=30)
    session.reveal()
    session.rate(Rating.EASY)
    assert [e.duration_ms for e in store.reviews()] == [4500, MAX_ANSWER_MS]


def test_due_reviews_most_overdue_first_and_section_scope(store: Store):
    """A section session holds only its cards (II.A covers II.A.1), most overdue first."""
    cards = [
        basic("x1", section="II.A"),
        basic("x2", section="II.A.1"),
        basic("x3", section="II.B"),
        basic("x4", section="II.A.1"),
    ]
    deck = make_deck(cards)
    clock = Clock(T0)
    store.sync_decks([deck], clock())
    for card_id, days_overdue in (("x1", 1), ("x2", 3), ("x3", 9)):
        due = T0 - timedelta(days=days_overdue)
        state = CardState(Phase.REVIEW, None, 3.0, 5.0, due, due - timedelta(days=3))
        store.record_review(state, ReviewEntry(card_id, due - timedelta(days=3), Rating.GOOD))
    session, view = open_session(store, [deck], clock, section="II.A")
    while session.stage is not Stage.FINISHED:
        session.reveal()
        session.rate(Rating.EASY)
    assert [c.id for c in view.questions] == ["x2", "x4", "x1"]  # reviews and new mixed evenly
    with pytest.raises(ValueError, match="no cards in section"):
        StudySession(store, scheduler(), [deck], FakeView(), section="IX")


def test_cram_leaves_the_schedule_alone_and_scores(store: Store):
    """Cram goes through every card once, shuffled, logs cram answers and ends with a score."""
    deck = make_deck([basic(f"c{i}") for i in range(8)])
    clock = Clock(T0)
    store.sync_decks([deck], clock())
    state = CardState(Phase.REVIEW, None, 30.0, 5.0, T0 + timedelta(days=20), T0 - timedelta(10))
    store.record_review(state, ReviewEntry("c3", T0 - timedelta(days=10), Rating.GOOD))
    store.set_suspended("c7", True)
    before = store.card_states()
    session, view = open_session(store, [deck], clock, mode=ReviewMode.CRAM)
    answers = iter([Rating.GOOD, Rating.AGAIN, Rating.GOOD, Rating.HARD] * 2)
    while session.stage is not Stage.FINISHED:
        session.reveal()
        assert view.answers[-1][1] == {}
        session.rate(next(answers))
    shown = [c.id for c in view.questions]
    assert sorted(shown) == [f"c{i}" for i in range(7)]  # all but the suspended card
    assert shown != sorted(shown)  # shuffled
    assert store.card_states() == before
    cram_log = [e for e in store.reviews() if e.mode is ReviewMode.CRAM]
    assert len(cram_log) == 7
    summary = view.finished[-1]
    assert summary.mode is ReviewMode.CRAM
    assert (summary.answered, summary.correct) == (7, 5)
    assert summary.score == pytest.approx(71.4)
    session.undo()
    assert len([e for e in store.reviews() if e.mode is ReviewMode.CRAM]) == 6
    assert store.card_states() == before


def test_cram_order_follows_the_injected_rng(store: Store):
    """The same seed gives the same cram order, another seed another order."""
    deck = make_deck([basic(f"c{i}") for i in range(12)])
    clock = Clock(T0)
    store.sync_decks([deck], clock())

    def cram_order(seed: int) -> list[str]:
        view = FakeView()
        session = StudySession(
            store,
            scheduler(),
            [deck],
            view,
            mode=ReviewMode.CRAM,
            clock=clock,
            rng=random.Random(seed),
        )
        session.start()
        while session.stage is not Stage.FINISHED:
            session.reveal()
            session.rate(Rating.GOOD)
        return [c.id for c in view.questions]

    assert cram_order(11) == cram_order(11)
    assert cram_order(11) != cram_order(12)
    assert sorted(cram_order(13)) == sorted(c.id for c in deck.cards)
    assert store.card_states() == {}


def test_several_decks_each_get_their_own_new_card_limit(store: Store):
    """Studying two decks together gives each deck its own daily share of new cards."""
    first = make_deck([basic(f"a{i}") for i in range(5)], "first")
    second = make_deck([basic(f"b{i}") for i in range(5)], "second")
    clock = Clock(T0)
    session, view = open_session(store, [first, second], clock, sched=scheduler(new_per_day=2))
    assert view.progress[0].new == 4
    while session.stage is not Stage.FINISHED:
        session.reveal()
        session.rate(Rating.EASY)
    assert [c.id for c in view.questions] == ["a0", "a1", "b0", "b1"]


def test_reviews_of_several_decks_come_most_overdue_first_ties_by_id(store: Store):
    """Studying decks together shows their due cards by how overdue they are, whatever deck
    each is in (the store's order: due time, then card id), each with its own deck."""
    first = make_deck([basic(f"a{i}", source=f"s a{i}") for i in range(4)], "first")
    second = make_deck([basic(f"b{i}", source=f"s b{i}") for i in range(4)], "second")
    clock = Clock(T0)
    store.sync_decks([first, second], clock())
    overdue = {"a0": 2, "b3": 5, "a2": 5, "b1": 1, "a3": 9, "b0": 2}
    for card_id, days in overdue.items():
        due = T0 - timedelta(days=days)
        state = CardState(Phase.REVIEW, None, 3.0, 5.0, due, due - timedelta(days=3))
        store.record_review(state, ReviewEntry(card_id, due - timedelta(days=3), Rating.GOOD))
    expected = store.due_card_ids(["first", "second"], T0)
    assert expected == ["a3", "a2", "b3", "a0", "b0", "b1"]
    session, view = open_session(store, [first, second], clock, sched=scheduler(new_per_day=0))
    while session.stage is not Stage.FINISHED:
        session.reveal()
        session.rate(Rating.EASY)
    assert [c.id for c in view.questions] == expected
    assert [session.deck_of(c).id for c in view.questions] == [
        "first",
        "first",
        "second",
        "first",
        "second",
        "second",
    ]


def test_a_due_card_its_deck_no_longer_has_is_skipped(store: Store):
    """A card the store lists but the loaded deck lacks (not synced yet) is passed over, not
    shown and not a crash."""
    deck = make_deck([basic("k1"), basic("k2"), basic("k3")])
    clock = Clock(T0)
    store.sync_decks([deck], clock())
    for card_id, days in (("k1", 3), ("k2", 2), ("k3", 1)):
        due = T0 - timedelta(days=days)
        state = CardState(Phase.REVIEW, None, 3.0, 5.0, due, due - timedelta(days=3))
        store.record_review(state, ReviewEntry(card_id, due - timedelta(days=3), Rating.GOOD))
    shrunk = make_deck([basic("k2"), basic("k3")])
    view = FakeView()
    session = StudySession(store, scheduler(), [shrunk], view, clock=clock, rng=random.Random(5))
    session.start()
    while session.stage is not Stage.FINISHED:
        session.reveal()
        session.rate(Rating.EASY)
    assert [c.id for c in view.questions] == ["k2", "k3"]


def test_retired_cards_are_left_out(store: Store):
    """A card removed from the deck file is not asked, even by a stale deck object."""
    old = make_deck([basic("keep"), basic("gone")])
    clock = Clock(T0)
    store.sync_decks([old], clock())
    store.sync_decks([make_deck([basic("keep")])], clock())  # "gone" is now retired
    view = FakeView()
    session = StudySession(store, scheduler(), [old], view, clock=clock)
    session.start()
    assert [c.id for c in view.questions] == ["keep"]
    assert view.progress[0].remaining == 1


def test_a_failed_save_keeps_the_answer_on_screen(store: Store):
    """If the database refuses the write, the card stays answerable and nothing is lost."""
    deck = make_deck([basic("a"), basic("b")])
    clock = Clock(T0)
    session, view = open_session(store, [deck], clock)
    session.reveal()
    store.conn.execute("PRAGMA query_only = ON")
    with pytest.raises(StoreError):
        session.rate(Rating.GOOD)
    assert session.stage is Stage.ANSWER
    assert session.current_card is not None and session.current_card.id == "a"
    assert session.progress.done == 0
    store.conn.execute("PRAGMA query_only = OFF")
    session.rate(Rating.GOOD)
    assert view.questions[-1].id == "b"
    store.conn.execute("PRAGMA query_only = ON")
    with pytest.raises(StoreError):
        session.undo()
    assert session.can_undo
    store.conn.execute("PRAGMA query_only = OFF")
    session.undo()
    assert view.questions[-1].id == "a"
    assert store.reviews() == []


def test_ending_a_session_leaves_no_wal_behind(store: Store):
    """When a session ends, its answers are in the database file and the WAL beside it is
    cut to nothing, so a small disk keeps its space for the next session."""
    from studyapp.store.checkpoints import wal_size

    deck = make_deck([basic(f"c{i}") for i in range(5)])
    clock = Clock(T0)
    session, view = open_session(store, [deck], clock)
    for _ in range(3):
        clock.advance(seconds=5)
        session.reveal()
        session.rate(Rating.GOOD)
    assert store.path is not None and wal_size(store.path) > 0
    session.finish()
    assert view.finished and wal_size(store.path) == 0
    assert len(store.reviews()) == 3

"""The one model of progress: due, new, learning, mastered, mastery, forecast, retention."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from studyapp.review_types import CardState, Phase, Rating, ReviewEntry, ReviewMode
from studyapp.store.database import Store
from studyapp.store.rows import UPSERT_STATE, state_params
from studyapp.study.progress import (
    KEPT_FIGURES_KEY,
    MASTERED_STABILITY_DAYS,
    ProgressModel,
)
from studyapp.study.scheduler import Scheduler, SchedulerSettings
from tests.gui.decks import anesthesia_deck, depression_deck

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)  # a Monday, noon; the study day ends at 4:00


def scheduler(tz=UTC) -> Scheduler:
    return Scheduler(SchedulerSettings(fuzz=False), tz=tz)


@pytest.fixture
def store():
    opened = Store.in_memory()
    opened.sync_decks([anesthesia_deck(), depression_deck()], NOW - timedelta(days=400))
    yield opened
    opened.close()


def review(store: Store, sched: Scheduler, card_id: str, rating: Rating, at: datetime) -> None:
    state, entry = sched.review(card_id, store.card_state(card_id), rating, at)
    store.record_review(state, entry)


def grow_mature(store: Store, sched: Scheduler, card_id: str) -> datetime:
    """Answer a card Easy at each due date from 400 days ago until its stability passes three
    weeks; returns the last review time."""
    at = NOW - timedelta(days=400)
    review(store, sched, card_id, Rating.EASY, at)
    while (state := store.card_state(card_id)) and (state.stability or 0) < 60:
        at = state.due
        review(store, sched, card_id, Rating.EASY, at)
    return at


def test_a_deck_never_studied_is_all_new():
    """A deck never studied shows all cards new, none due, learning or mastered, 0 % mastery."""
    with Store.in_memory() as store:
        deck = anesthesia_deck()
        store.sync_decks([deck], NOW)
        f = ProgressModel(store, scheduler()).deck(deck, NOW)
    assert (f.total, f.new, f.due_today, f.learning, f.mastered, f.studied) == (10, 10, 0, 0, 0, 0)
    assert f.mastery == 0.0 and f.next_due is None


def test_reviewed_cards_leave_new_and_fall_due_today(store):
    """Cards answered minutes ago are learning and due again before the study day ends."""
    sched = scheduler()
    deck = anesthesia_deck()
    for card in deck.cards[:3]:
        review(store, sched, card.id, Rating.GOOD, NOW - timedelta(minutes=20))
    f = ProgressModel(store, sched).deck(deck, NOW)
    assert (f.new, f.learning, f.due_today, f.studied) == (7, 3, 3, 3)
    assert 0.0 < f.mastery <= 0.3  # three of ten cards, each at most 1.0
    assert f.next_due is not None and f.next_due <= NOW + timedelta(minutes=10)


def test_suspended_and_buried_cards_are_not_due_nor_new(store):
    """A suspended or buried card is counted in the deck but never as due, new or learning."""
    sched = scheduler()
    deck = anesthesia_deck()
    a, b, c, d = (card.id for card in deck.cards[:4])
    review(store, sched, a, Rating.AGAIN, NOW - timedelta(minutes=5))
    review(store, sched, b, Rating.AGAIN, NOW - timedelta(minutes=5))
    store.set_suspended(a, True)
    store.bury_until(b, sched.next_day_start(NOW))
    store.set_suspended(c, True)  # new and suspended
    store.bury_until(d, sched.next_day_start(NOW))  # new and buried
    f = ProgressModel(store, sched).deck(deck, NOW)
    assert (f.total, f.suspended, f.buried) == (10, 2, 2)
    assert (f.due_today, f.learning, f.new) == (0, 0, 6)
    tomorrow = ProgressModel(store, sched).deck(deck, NOW + timedelta(days=1))
    assert (tomorrow.due_today, tomorrow.new, tomorrow.buried) == (1, 7, 0)


def test_mastered_needs_review_phase_three_weeks_and_recall(store):
    """A card is mastered with three weeks of stability while its recall stays at 90 % or more;
    overdue past its stability it is no longer mastered."""
    sched = scheduler()
    deck = anesthesia_deck()
    card = deck.cards[0].id
    grow_mature(store, sched, card)
    state = store.card_state(card)
    assert state is not None and state.stability >= MASTERED_STABILITY_DAYS
    assert state.last_review is not None
    right_after = state.last_review + timedelta(hours=1)
    model = ProgressModel(store, sched)
    assert model.deck(deck, right_after).mastered == 1
    much_later = state.last_review + timedelta(days=state.stability * 3)
    assert model.deck(deck, much_later).mastered == 0
    relearning = CardState(Phase.RELEARNING, 0, 40.0, 5.0, NOW, NOW - timedelta(hours=1))
    with store.conn:
        store.conn.execute(UPSERT_STATE, state_params(card, relearning))
    assert model.deck(deck, NOW).mastered == 0  # stable and remembered, but relearning


def test_mastery_is_the_mean_recall_of_the_scheduler(store):
    """Deck mastery equals the mean of the scheduler's predicted recall over all cards."""
    sched = scheduler()
    deck = anesthesia_deck()
    for n, card in enumerate(deck.cards[:5]):
        review(store, sched, card.id, Rating.GOOD, NOW - timedelta(days=n * 3 + 1))
    later = NOW + timedelta(days=2)
    f = ProgressModel(store, sched).deck(deck, later)
    states = store.card_states()
    expected = sum(sched.retrievability(states.get(c.id), later) for c in deck.cards) / 10
    assert f.mastery == pytest.approx(expected)


def test_section_mastery_covers_subsections_and_none_without_cards(store):
    """A section's mastery includes its subsections' cards; new cards pull it down."""
    sched = scheduler()
    deck = anesthesia_deck()
    for card in deck.cards_in_section("I.B.1"):
        review(store, sched, card.id, Rating.EASY, NOW)
    mastery = ProgressModel(store, sched).deck(deck, NOW).sections_mastery()
    assert mastery["I.B.1"] == 1.0
    assert 0.0 < mastery["I.B"] < 1.0  # its own new cards count 0
    assert mastery["I.C"] == 0.0


def test_the_study_day_ends_at_the_rollover_hour(store):
    """At 3:00 with rollover 4 a card due at 3:59 is due today; one due at 4:01 is not."""
    berlin = ZoneInfo("Europe/Berlin")
    sched = Scheduler(SchedulerSettings(fuzz=False, day_rollover_hour=4), tz=berlin)
    deck = depression_deck()
    three = datetime(2026, 3, 3, 3, 0, tzinfo=berlin)
    first, second = deck.cards[0].id, deck.cards[1].id
    for card_id, due in (
        (first, three + timedelta(minutes=59)),
        (second, three + timedelta(minutes=61)),
    ):
        store.record_review(
            CardState(Phase.REVIEW, None, 5.0, 5.0, due, three - timedelta(days=3)),
            ReviewEntry(card_id, three - timedelta(days=3), Rating.GOOD),
        )
    assert ProgressModel(store, sched).deck(deck, three).due_today == 1


def test_forecast_day_zero_is_due_today_and_buried_cards_come_tomorrow(store):
    """The forecast's first day equals "due today"; a card buried today counts tomorrow."""
    sched = scheduler()
    deck = anesthesia_deck()
    ids = [card.id for card in deck.cards[:4]]
    for n, card_id in enumerate(ids):
        due = NOW + timedelta(days=n)  # today, tomorrow, in 2 and 3 days
        store.record_review(
            CardState(Phase.REVIEW, None, 10.0, 5.0, due, NOW - timedelta(days=2)),
            ReviewEntry(card_id, NOW - timedelta(days=2), Rating.GOOD),
        )
    store.bury_until(ids[0], sched.next_day_start(NOW))
    store.set_suspended(ids[3], True)
    forecast = [0] * 5
    f = ProgressModel(store, sched).decks([deck], NOW, forecast=forecast)[0]
    assert forecast == [0, 2, 1, 0, 0]
    assert forecast[0] == f.due_today


def test_reviews_per_day_and_weekly_retention_count_study_days(store):
    """Answers at 3:00 belong to the day before (rollover 4); retention counts only answers
    to cards already in review, week by week (a first answer and cram answers do not)."""
    sched = Scheduler(SchedulerSettings(fuzz=False, day_rollover_hour=4), tz=UTC)
    deck = depression_deck()
    card = deck.cards[0].id
    review_state = CardState(Phase.REVIEW, None, 10.0, 5.0, NOW, NOW - timedelta(days=9))
    store.record_review(review_state, ReviewEntry(card, NOW - timedelta(days=9), Rating.GOOD))
    store.record_review(review_state, ReviewEntry(card, NOW - timedelta(days=8), Rating.GOOD))
    at_three = datetime(2026, 3, 2, 3, 0, tzinfo=UTC)  # still Sunday's study day
    store.record_review(review_state, ReviewEntry(card, at_three, Rating.AGAIN))
    store.record_cram(ReviewEntry(card, NOW, Rating.GOOD, mode=ReviewMode.CRAM))
    model = ProgressModel(store, sched)
    per_day = model.reviews_per_day(NOW)
    assert per_day == {
        (NOW - timedelta(days=9)).date(): 1,
        (NOW - timedelta(days=8)).date(): 1,
        datetime(2026, 3, 1).date(): 1,
        NOW.date(): 1,
    }
    weeks = model.weekly_retention(NOW, weeks=3)
    assert [(w.passed, w.total) for w in weeks] == [(0, 0), (1, 1), (0, 1)]


def test_section_with_nothing_due_or_new_can_only_be_crammed(store):
    """A section whose cards are all reviewed and not due today offers no review session."""
    sched = scheduler()
    deck = anesthesia_deck()
    model = ProgressModel(store, sched)
    assert model.has_cards_to_review(deck, "I.C", NOW)
    for card in deck.cards_in_section("I.C"):
        store.record_review(
            CardState(Phase.REVIEW, None, 10.0, 5.0, NOW + timedelta(days=5), NOW),
            ReviewEntry(card.id, NOW, Rating.GOOD),
        )
    assert not model.has_cards_to_review(deck, "I.C", NOW)
    assert model.has_cards_to_review(deck, "I.C", NOW + timedelta(days=6))


def figures_checked(model: ProgressModel, decks, now: datetime, forecast_days: int = 30):
    """The model's figures and forecast at ``now``, asserted equal to a fresh model's (which
    keeps nothing): the kept figures never differ from computing them again."""
    kept_forecast, fresh_forecast = [0] * forecast_days, [0] * forecast_days
    kept = model.decks(decks, now, forecast=kept_forecast)
    fresh = ProgressModel(model.store, model.scheduler).decks(decks, now, forecast=fresh_forecast)
    assert kept == fresh
    assert [f.section_recall for f in kept] == [f.section_recall for f in fresh]
    assert kept_forecast == fresh_forecast
    return kept


def test_a_refresh_with_nothing_changed_reuses_the_figures(store):
    """Refreshing twice on the same study day with no card changed reads no deck again."""
    sched = scheduler()
    decks = [anesthesia_deck(), depression_deck()]
    review(store, sched, decks[0].cards[0].id, Rating.GOOD, NOW - timedelta(days=3))
    model = ProgressModel(store, sched)
    first = figures_checked(model, decks, NOW)
    again = figures_checked(model, decks, NOW + timedelta(hours=2))
    assert all(a is b for a, b in zip(first, again, strict=True))


def suspend(store: Store, sched: Scheduler, card_id: str) -> None:
    store.set_suspended(card_id, True)


def bury(store: Store, sched: Scheduler, card_id: str) -> None:
    store.bury_until(card_id, NOW + timedelta(days=1))


def answer(store: Store, sched: Scheduler, card_id: str) -> None:
    review(store, sched, card_id, Rating.AGAIN, NOW + timedelta(minutes=1))


def reset(store: Store, sched: Scheduler, card_id: str) -> None:
    store.reset_card(card_id)


@pytest.mark.parametrize("change", [answer, suspend, bury, reset])
def test_changing_a_card_changes_only_its_decks_figures(store, change):
    """Answering, suspending, burying or resetting a card shows at the next refresh in its
    deck's figures, while the other deck's figures are reused unchanged."""
    sched = scheduler()
    decks = [anesthesia_deck(), depression_deck()]
    card_id = decks[1].cards[0].id
    review(store, sched, card_id, Rating.GOOD, NOW - timedelta(days=3))
    review(store, sched, decks[0].cards[0].id, Rating.GOOD, NOW - timedelta(days=3))
    model = ProgressModel(store, sched)
    before = figures_checked(model, decks, NOW)
    change(store, sched, card_id)
    after = figures_checked(model, decks, NOW)
    assert after[0] is before[0]
    assert after[1] != before[1]


def test_a_new_study_day_computes_the_figures_again(store):
    """At the next study day the figures are worked out afresh (recall fades, cards fall due)."""
    sched = scheduler()
    decks = [anesthesia_deck(), depression_deck()]
    review(store, sched, decks[0].cards[0].id, Rating.GOOD, NOW - timedelta(days=3))
    model = ProgressModel(store, sched)
    today = figures_checked(model, decks, NOW)
    tomorrow = figures_checked(model, decks, NOW + timedelta(days=1))
    assert tomorrow[0] is not today[0] and tomorrow[0].mastery < today[0].mastery
    later_today = figures_checked(model, decks, NOW + timedelta(days=1, hours=3))
    assert later_today[0] is tomorrow[0]


def test_the_progress_report_keeps_its_forecast_from_kept_figures(store):
    """The progress view's forecast after a library refresh equals a fresh report's."""
    sched = scheduler()
    decks = [anesthesia_deck(), depression_deck()]
    for card in decks[0].cards[:4]:
        review(store, sched, card.id, Rating.GOOD, NOW - timedelta(days=2))
    model = ProgressModel(store, sched)
    model.decks(decks, NOW)  # the library first, without a forecast
    assert model.report(decks, NOW) == ProgressModel(store, sched).report(decks, NOW)
    assert sum(model.report(decks, NOW).forecast) == 4


def test_reading_a_section_shows_without_a_card_changing(store):
    """Marking a section read shows in the kept figures although no card changed."""
    sched = scheduler()
    deck = anesthesia_deck()
    model = ProgressModel(store, sched)
    assert model.deck(deck, NOW).sections_read == 0
    store.mark_section_read(deck.id, deck.sections[0].id, NOW)
    assert figures_checked(model, [deck], NOW)[0].sections_read == 1


def test_a_second_start_on_the_same_day_shows_the_saved_figures(store, monkeypatch):
    """Figures saved at the end of a session are what the next start shows, equal to a fresh
    pass, without reading a card row; a deck changed since is worked out again."""
    sched = scheduler()
    decks = [anesthesia_deck(), depression_deck()]
    for card in decks[0].cards[:3]:
        review(store, sched, card.id, Rating.GOOD, NOW - timedelta(days=5))
    store.set_suspended(decks[1].cards[0].id, True)
    first = ProgressModel(store, sched)
    fresh = first.decks(decks, NOW)
    first.save_kept()

    second = ProgressModel(store, sched)
    assert second.known(decks, NOW) == [None, None]  # nothing taken up yet
    second.restore_kept()
    with monkeypatch.context() as patched:
        patched.setattr(store, "each_card_progress_row", None)  # reading a row would fail
        shown = second.known(decks, NOW + timedelta(hours=3))
        assert second.decks(decks, NOW) == shown
    assert shown == fresh
    assert shown[0].section_recall == fresh[0].section_recall
    assert second.report(decks, NOW) == ProgressModel(store, sched).report(decks, NOW)

    review(store, sched, decks[1].cards[1].id, Rating.AGAIN, NOW)
    third = ProgressModel(store, sched)
    third.restore_kept()
    assert third.known(decks, NOW) == [fresh[0], None]
    assert third.decks(decks, NOW)[1].studied == 1


@pytest.mark.parametrize(
    "later",
    [
        lambda store, sched: (store, sched, NOW + timedelta(days=1)),
        lambda store, sched: (store, scheduler(ZoneInfo("America/New_York")), NOW),
        lambda store, sched: (
            store,
            Scheduler(SchedulerSettings(fuzz=False, day_rollover_hour=2), tz=UTC),
            NOW,
        ),
    ],
    ids=["next study day", "another time zone", "another rollover hour"],
)
def test_saved_figures_of_another_day_or_settings_are_worked_out_again(store, later):
    """Saved figures are not shown on another study day, in another time zone or under other
    settings: the start works them out again."""
    sched = scheduler()
    decks = [anesthesia_deck(), depression_deck()]
    model = ProgressModel(store, sched)
    model.decks(decks, NOW)
    model.save_kept()
    _store, other_sched, when = later(store, sched)
    next_start = ProgressModel(store, other_sched)
    next_start.restore_kept()
    assert next_start.known(decks, when) == [None, None]


def test_saved_figures_of_another_shape_are_ignored(store):
    """A damaged or foreign value where the figures are saved is ignored, never shown."""
    sched = scheduler()
    decks = [anesthesia_deck(), depression_deck()]
    model = ProgressModel(store, sched)
    model.decks(decks, NOW)
    model.save_kept()
    saved = store.setting(KEPT_FIGURES_KEY)
    saved["decks"][decks[0].id]["counts"] = ["many"]
    saved["decks"][decks[1].id]["sections"] = {"I": [0.5]}
    store.set_setting(KEPT_FIGURES_KEY, saved)
    for value in (saved, {"format": -1}, "figures", None):
        store.set_setting(KEPT_FIGURES_KEY, value)
        next_start = ProgressModel(store, sched)
        next_start.restore_kept()
        assert next_start.known(decks, NOW) == [None, None]
        assert next_start.decks(decks, NOW) == model.decks(decks, NOW)

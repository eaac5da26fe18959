"""Tests for studyapp.study.scheduler: FSRS-6 with study-day elapsed time and deterministic fuzz."""

from __future__ import annotations

import json
import random
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import fsrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyapp.review_types import CardState, Phase, Rating, ReviewMode
from studyapp.study.scheduler import Scheduler, SchedulerSettings, SettingsError, format_interval

T0 = datetime(2026, 3, 2, 23, 0, tzinfo=UTC)


def review_card_state(last_review: datetime, stability: float = 5.0) -> CardState:
    """A card in review with the given last review time."""
    return CardState(
        phase=Phase.REVIEW,
        step=None,
        stability=stability,
        difficulty=5.0,
        due=last_review + timedelta(days=5),
        last_review=last_review,
    )


def raw_fsrs_review(state: CardState, rating: Rating, now: datetime) -> fsrs.Card:
    """What bare fsrs (fuzz off) computes for the same state, counting 24-hour periods."""
    card = fsrs.Card(
        card_id=1,
        state=fsrs.State(int(state.phase)),
        step=state.step,
        stability=state.stability,
        difficulty=state.difficulty,
        due=state.due,
        last_review=state.last_review,
    )
    new, _ = fsrs.Scheduler(enable_fuzzing=False).review_card(card, fsrs.Rating(int(rating)), now)
    return new


def test_settings_round_trip_through_json():
    """Settings saved as JSON in the store come back identical."""
    settings = SchedulerSettings(
        desired_retention=0.85,
        learning_steps=(timedelta(minutes=2),),
        new_per_day=7,
        day_rollover_hour=3,
        fuzz_seed=42,
        parameters=tuple(fsrs.scheduler.DEFAULT_PARAMETERS),
    )
    restored = SchedulerSettings.from_dict(json.loads(json.dumps(settings.to_dict())))
    assert restored == settings
    assert SchedulerSettings.from_dict({}) == SchedulerSettings()


def test_settings_validation_lists_every_problem():
    """Bad settings are refused with one error naming every bad value."""
    with pytest.raises(SettingsError) as caught:
        SchedulerSettings(desired_retention=1.5, new_per_day=-1, day_rollover_hour=24)
    problems = caught.value.problems
    assert len(problems) == 3
    assert any("desired_retention" in p for p in problems)
    assert any("new_per_day" in p for p in problems)
    assert any("day_rollover_hour" in p for p in problems)
    assert isinstance(caught.value, ValueError)


def test_settings_from_dict_reports_bad_steps_and_parameters_together():
    """A corrupt settings record names both the bad steps and the out-of-range weights."""
    bad = {"learning_steps": "1m", "parameters": [0.0] * 21, "maximum_interval": 0}
    with pytest.raises(SettingsError) as caught:
        SchedulerSettings.from_dict(bad)
    text = str(caught.value)
    assert "learning_steps" in text
    assert "parameters" in text
    assert "maximum_interval" in text


def test_review_11_hours_later_across_rollover_counts_as_one_day():
    """A card seen at 23:00 and again at 10:00 next morning is scheduled as a day later."""
    scheduler = Scheduler(SchedulerSettings(fuzz=False), tz=UTC)
    state = review_card_state(T0)
    now = T0 + timedelta(hours=11)
    new_state, entry = scheduler.review("c1", state, Rating.GOOD, now)

    raw_same_day = raw_fsrs_review(state, Rating.GOOD, now)
    shifted = review_card_state(T0 - timedelta(hours=13))  # exactly 24 h before `now`
    raw_one_day = raw_fsrs_review(shifted, Rating.GOOD, now)
    assert new_state.stability == pytest.approx(raw_one_day.stability)
    assert new_state.stability != pytest.approx(raw_same_day.stability)
    assert new_state.last_review == now  # the real review time, not the shifted one
    assert entry.reviewed_at == now
    assert entry.mode is ReviewMode.REVIEW


def test_two_reviews_the_same_study_day_count_as_zero_days():
    """Reviews at 05:00 and 22:00 of one study day use FSRS's same-day (short-term) update."""
    scheduler = Scheduler(SchedulerSettings(fuzz=False), tz=UTC)
    morning = datetime(2026, 3, 3, 5, 0, tzinfo=UTC)
    evening = datetime(2026, 3, 3, 22, 0, tzinfo=UTC)
    state = review_card_state(morning)
    new_state, _ = scheduler.review("c1", state, Rating.GOOD, evening)
    raw = raw_fsrs_review(state, Rating.GOOD, evening)  # also 0 whole days
    assert new_state.stability == pytest.approx(raw.stability)
    assert scheduler.elapsed_days(morning, evening) == 0


def test_rollover_uses_the_local_time_zone():
    """In Berlin, 03:30 local still belongs to the previous study day; 04:00 starts a new one."""
    scheduler = Scheduler(SchedulerSettings(), tz=ZoneInfo("Europe/Berlin"))
    before = datetime(2026, 3, 3, 2, 30, tzinfo=UTC)  # 03:30 CET
    after = datetime(2026, 3, 3, 3, 0, tzinfo=UTC)  # 04:00 CET
    assert scheduler.study_day(before) == date(2026, 3, 2)
    assert scheduler.study_day(after) == date(2026, 3, 3)
    assert scheduler.day_start(date(2026, 3, 3)) == after
    assert scheduler.next_day_start(before) == after
    assert scheduler.elapsed_days(before, after) == 1


def test_retrievability_counts_study_days():
    """Predicted recall drops after the rollover, not after 24 hours."""
    scheduler = Scheduler(SchedulerSettings(), tz=UTC)
    state = review_card_state(T0)
    assert scheduler.retrievability(state, T0 + timedelta(hours=4)) == pytest.approx(1.0)
    next_morning = scheduler.retrievability(state, T0 + timedelta(hours=11))
    assert next_morning < 1.0
    assert next_morning == pytest.approx(scheduler.retrievability(state, T0 + timedelta(hours=24)))
    assert scheduler.retrievability(state, T0 + timedelta(days=5, hours=4)) == pytest.approx(0.9)
    assert scheduler.retrievability(None, T0) == 0.0


@pytest.mark.parametrize("decay_weight", [None, 0.1542, 0.35, 0.8])
@pytest.mark.parametrize("stability", [0.0, 0.4, 3.0, 40.0, 900.0])
def test_predicted_recall_is_fsrs_own(decay_weight, stability):
    """The library's mastery figures are fsrs's own retrievability, default or optimized weights."""
    params = None
    if decay_weight is not None:
        params = (*fsrs.scheduler.DEFAULT_PARAMETERS[:20], decay_weight)
    ours = Scheduler(SchedulerSettings(parameters=params), tz=UTC)
    theirs = fsrs.Scheduler(parameters=params or fsrs.scheduler.DEFAULT_PARAMETERS)
    last = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)  # noon: study days = 24-hour periods
    state = review_card_state(last, stability=stability)
    card = fsrs.Card(
        card_id=1,
        state=fsrs.State.Review,
        stability=max(stability, fsrs.scheduler.STABILITY_MIN),
        difficulty=5.0,
        due=last,
        last_review=last,
    )
    for days in (0, 1, 3, 10, 100, 3000):
        now = last + timedelta(days=days)
        assert ours.retrievability(state, now) == pytest.approx(
            theirs.get_card_retrievability(card, now), rel=1e-12
        )


def test_recall_constants_match_fsrs():
    """The decay and minimum stability kept for start-up are fsrs's own values."""
    from studyapp.study import scheduler

    assert fsrs.scheduler.DEFAULT_PARAMETERS[20] == scheduler.DEFAULT_DECAY_WEIGHT
    assert scheduler.STABILITY_MIN == fsrs.scheduler.STABILITY_MIN


def test_stored_zero_stability_is_not_mistaken_for_a_new_card():
    """A stored stability of 0.0 stays a (weak) learned card instead of restarting as new."""
    scheduler = Scheduler(SchedulerSettings(fuzz=False), tz=UTC)
    state = CardState(
        phase=Phase.LEARNING,
        step=1,
        stability=0.0,
        difficulty=5.0,
        due=T0,
        last_review=T0 - timedelta(minutes=10),
    )
    restored = CardState.from_dict(state.to_dict())
    assert restored.stability == 0.0
    new_state, _ = scheduler.review("c1", restored, Rating.GOOD, T0)
    initial_good = fsrs.scheduler.DEFAULT_PARAMETERS[2]
    assert new_state.stability != pytest.approx(initial_good)
    assert new_state.stability < 0.01
    # fsrs's own from_dict loses the 0.0 and would restart the card from scratch
    assert fsrs.Card.from_dict({**state.to_dict(), "card_id": 1, "state": 1}).stability is None


def test_fuzz_is_deterministic_and_spreads_across_cards():
    """The same history always gives the same due date; different cards spread out."""
    scheduler = Scheduler(SchedulerSettings(fuzz=True, fuzz_seed=7), tz=UTC)
    state = review_card_state(T0, stability=30.0)
    now = T0 + timedelta(days=30)
    first, _ = scheduler.review("card-a", state, Rating.GOOD, now)
    again, _ = Scheduler(SchedulerSettings(fuzz=True, fuzz_seed=7), tz=UTC).review(
        "card-a", state, Rating.GOOD, now
    )
    assert first == again
    unfuzzed, _ = Scheduler(SchedulerSettings(fuzz=False), tz=UTC).review(
        "card-a", state, Rating.GOOD, now
    )
    base = (unfuzzed.due - now).days
    intervals = {
        (scheduler.review(f"card-{i}", state, Rating.GOOD, now)[0].due - now).days
        for i in range(200)
    }
    assert len(intervals) >= 4
    assert base == 85  # fsrs's fuzz range around 85 days is 79-91
    assert min(intervals) >= 79
    assert max(intervals) <= 91
    other_seed = Scheduler(SchedulerSettings(fuzz=True, fuzz_seed=8), tz=UTC)
    seeds_differ = any(
        scheduler.review(f"card-{i}", state, Rating.GOOD, now)[0].due
        != other_seed.review(f"card-{i}", state, Rating.GOOD, now)[0].due
        for i in range(20)
    )
    assert seeds_differ


def test_fuzz_leaves_global_random_alone():
    """Scheduling neither uses nor disturbs Python's global random generator."""
    scheduler = Scheduler(SchedulerSettings(fuzz=True), tz=UTC)
    random.seed(1234)
    before = random.getstate()
    for i in range(20):
        scheduler.review(f"c{i}", review_card_state(T0, 20.0), Rating.EASY, T0 + timedelta(20))
    assert random.getstate() == before


def test_replaying_the_log_reproduces_the_state():
    """Feeding a card's logged answers through review again gives exactly the cached state."""
    scheduler = Scheduler(SchedulerSettings(fuzz=True, fuzz_seed=3), tz=ZoneInfo("Asia/Tokyo"))
    ratings = [Rating.GOOD, Rating.GOOD, Rating.AGAIN, Rating.GOOD, Rating.EASY, Rating.HARD]
    state: CardState | None = None
    log = []
    now = T0
    for rating in ratings:
        state, entry = scheduler.review("x", state, rating, now, duration_ms=1500)
        log.append(entry)
        now = state.due + timedelta(hours=3)
    replayed: CardState | None = None
    for entry in log:
        replayed, _ = scheduler.review(entry.card_id, replayed, entry.rating, entry.reviewed_at)
    assert replayed == state
    assert log[0].duration_ms == 1500


def test_preview_shows_what_each_button_gives():
    """Each button's interval is exactly the one that answer then schedules."""
    scheduler = Scheduler(SchedulerSettings(fuzz=True), tz=UTC)
    state = review_card_state(T0, stability=12.0)
    now = T0 + timedelta(days=12)
    intervals = scheduler.preview("c9", state, now)
    assert list(intervals) == [Rating.AGAIN, Rating.HARD, Rating.GOOD, Rating.EASY]
    for rating, interval in intervals.items():
        assert scheduler.review("c9", state, rating, now)[0].due - now == interval
    assert intervals[Rating.AGAIN] == timedelta(minutes=10)  # relearning step
    assert intervals[Rating.HARD] < intervals[Rating.GOOD] < intervals[Rating.EASY]
    new_card = scheduler.preview("new", None, now)
    assert new_card[Rating.AGAIN] == timedelta(minutes=1)
    assert new_card[Rating.GOOD] == timedelta(minutes=10)


def test_naive_times_and_broken_states_are_refused():
    """A time without a zone or a state missing its memory values raises ValueError."""
    scheduler = Scheduler(SchedulerSettings(), tz=UTC)
    with pytest.raises(ValueError, match="timezone-aware"):
        scheduler.review("c", None, Rating.GOOD, datetime(2026, 1, 1, 12))
    broken = CardState(Phase.REVIEW, None, None, 5.0, T0, T0)
    with pytest.raises(ValueError, match="stability"):
        scheduler.review("c", broken, Rating.GOOD, T0)


def test_non_utc_aware_time_is_converted():
    """An aware time in another zone is accepted and logged in UTC."""
    scheduler = Scheduler(SchedulerSettings(), tz=UTC)
    berlin = datetime(2026, 3, 3, 12, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    state, entry = scheduler.review("c", None, Rating.GOOD, berlin)
    assert entry.reviewed_at.tzinfo is UTC
    assert entry.reviewed_at == berlin
    assert state.last_review == berlin


@pytest.mark.parametrize(
    ("interval", "text"),
    [
        (timedelta(seconds=30), "<1m"),
        (timedelta(minutes=10), "10m"),
        (timedelta(minutes=90), "1.5h"),
        (timedelta(minutes=59, seconds=50), "1h"),
        (timedelta(hours=23, minutes=58), "1d"),
        (timedelta(days=1), "1d"),
        (timedelta(days=12), "12d"),
        (timedelta(days=105), "3.5mo"),
        (timedelta(days=60), "2mo"),
        (timedelta(days=438), "1.2y"),
    ],
)
def test_intervals_are_formatted_like_anki(interval: timedelta, text: str):
    """Buttons show short interval labels such as 10m, 1d, 3.5mo."""
    assert format_interval(interval) == text


@settings(max_examples=60, deadline=None)
@given(
    steps=st.lists(
        st.tuples(st.sampled_from(list(Rating)), st.integers(min_value=0, max_value=60 * 24 * 90)),
        min_size=1,
        max_size=12,
    ),
    seed=st.integers(min_value=0, max_value=2**31),
)
def test_any_history_replays_exactly_and_stays_valid(steps, seed):
    """Whatever the answers and gaps, replaying the log gives the same state, always sane."""
    scheduler = Scheduler(SchedulerSettings(fuzz_seed=seed), tz=ZoneInfo("America/New_York"))
    state: CardState | None = None
    log = []
    now = T0
    for rating, gap_minutes in steps:
        now += timedelta(minutes=gap_minutes)
        state, entry = scheduler.review("card", state, rating, now)
        log.append(entry)
        assert state.due > now
        assert state.stability is not None and state.stability > 0
        assert state.difficulty is not None and 1.0 <= state.difficulty <= 10.0
        assert (state.due - now).days <= scheduler.settings.maximum_interval
    replayed: CardState | None = None
    for entry in log:
        replayed, _ = scheduler.review(entry.card_id, replayed, entry.rating, entry.reviewed_at)
    assert replayed == state


def test_natural_due_is_what_the_last_answer_scheduled():
    """From a review-phase card's state and the review before its last one, the due date is
    recomputed exactly, fuzz included, for many random histories."""
    scheduler = Scheduler(SchedulerSettings(), tz=UTC)
    rng = random.Random(8)
    checked = 0
    for n in range(300):
        card_id = f"c{n}"
        state, moment, times = None, datetime(2026, 1, 1, 9, tzinfo=UTC), []
        for _ in range(rng.randint(1, 9)):
            rating = Rating(rng.choice([1, 2, 3, 3, 3, 4]))
            state, _ = scheduler.review(card_id, state, rating, moment)
            times.append(moment)
            moment = max(state.due, moment + timedelta(minutes=5)) + timedelta(
                hours=rng.randint(0, 90)
            )
        assert state is not None
        if state.phase is not Phase.REVIEW:
            continue
        previous = times[-2] if len(times) > 1 else None
        assert scheduler.natural_due(card_id, state, previous) == state.due
        checked += 1
    assert checked > 100

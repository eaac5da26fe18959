"""The progress screen draws the real store's history and optimizes off the GUI thread."""

from __future__ import annotations

import random
import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from studyapp.gui import stats
from studyapp.gui.stats import ProgressWidget, topic_bars
from studyapp.model import Card, CardType, Deck, Section
from studyapp.review_types import Rating, ReviewEntry, ReviewMode
from studyapp.store.database import Store
from studyapp.study.progress import FORECAST_DAYS, ProgressModel
from studyapp.study.scheduler import Scheduler, SchedulerSettings

NOW = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)  # a Wednesday
TODAY = NOW.date()


def make_deck(deck_id: str, title: str, cards: int = 12) -> Deck:
    """A deck with a topic section and two child sections holding its cards."""
    sections = (
        Section("I", title, 1, number="I."),
        Section("I.A", "Mechanism", 2, number="A."),
        Section("I.B", "Dosing", 2, number="B."),
        Section("I.B.1", "Children", 3, number="1."),
    )
    section_of = ["I.A", "I.B", "I.B.1"]
    deck_cards = tuple(
        Card(f"{deck_id}-{n}", CardType.BASIC, f"Q{n}", f"A{n}", section=section_of[n % 3])
        for n in range(cards)
    )
    return Deck(deck_id, title, sections, deck_cards)


@pytest.fixture
def scheduler() -> Scheduler:
    return Scheduler(SchedulerSettings(), tz=UTC)


@pytest.fixture
def decks() -> list[Deck]:
    return [make_deck("pharm", "Pharmacology"), make_deck("safety", "Safety")]


@pytest.fixture
def store(tmp_path: Path, decks: list[Deck]) -> Iterator[Store]:
    """A real progress database in a fresh folder with both decks synced."""
    opened = Store.open(tmp_path / "progress.db", backups=0, now=NOW)
    opened.sync_decks(decks, NOW - timedelta(days=200))
    yield opened
    opened.close()


def seed_history(store: Store, scheduler: Scheduler, deck: Deck, days: int, seed: int = 3) -> int:
    """Study ``deck`` once a day for ``days`` days before NOW with seeded ratings; returns the
    number of answers logged."""
    rng = random.Random(seed)
    count = 0
    for day in range(days, 0, -1):
        moment = NOW - timedelta(days=day, hours=2)
        for card in deck.cards:
            state = store.card_state(card.id)
            if state is not None and state.due > moment:
                continue
            rating = Rating(rng.choice([1, 3, 3, 3, 4]))
            state, entry = scheduler.review(card.id, state, rating, moment, 5000)
            store.record_review(state, entry)
            count += 1
    return count


def test_progress_report_on_an_empty_store(store, decks, scheduler):
    """Before any study: no reviews, nothing due, zero mastery, but every deck is listed."""
    data = ProgressModel(store, scheduler).report(decks, NOW)
    assert data.reviews_per_day == {} and data.retention.rate is None
    assert data.forecast == [0] * FORECAST_DAYS and data.due_today == 0
    assert (data.cards, data.studied, data.review_count) == (24, 0, 0)
    topics, sections = topic_bars(data)
    assert [b.label for b in topics] == ["Pharmacology", "Safety"]
    assert all(b.value == 0 for b in topics)
    assert [b.label for b in sections[0][1]] == ["A. Mechanism", "B. Dosing"]


def test_progress_report_matches_the_log(store, decks, scheduler):
    """Seeded history: the calendar, retention and forecast agree with the store's own log."""
    answers = seed_history(store, scheduler, decks[0], days=40)
    data = ProgressModel(store, scheduler).report(decks, NOW)
    log = store.reviews()
    assert sum(data.reviews_per_day.values()) == answers == len(log) == data.review_count
    by_day: dict[date, int] = {}
    for entry in log:
        day = scheduler.study_day(entry.reviewed_at)
        by_day[day] = by_day.get(day, 0) + 1
    assert data.reviews_per_day == by_day
    assert data.studied == 12
    # every studied card is due within the forecast span or later, never lost
    states = store.card_states()
    last_day = scheduler.day_start(scheduler.study_day(NOW) + timedelta(days=30))
    assert sum(data.forecast) == sum(1 for s in states.values() if s.due < last_day)
    day_end = scheduler.next_day_start(NOW)
    assert data.due_today == sum(1 for s in states.values() if s.due < day_end)
    # weekly windows add up to the retention since the first window started
    first_start = scheduler.day_start(scheduler.study_day(NOW) - timedelta(days=7 * 12 - 1))
    total = store.true_retention(first_start)
    assert sum(w.total for w in data.weekly_retention) == total.total > 0
    assert sum(w.passed for w in data.weekly_retention) == total.passed
    assert 0 < data.retention.rate <= 1
    # the studied deck has mastery, the other none
    pharm, safety = topic_bars(data)[0]
    assert pharm.value > 0.5 and safety.value == 0 and pharm.detail.endswith("12/12")


def test_section_bars_average_recall_with_subsections(store, decks, scheduler):
    """A section's bar is the mean recall of its cards, subsections included."""
    for card in decks[0].cards:
        if card.section == "I.B.1":
            state, entry = scheduler.review(card.id, None, Rating.EASY, NOW - timedelta(hours=1))
            store.record_review(state, entry)
    data = ProgressModel(store, scheduler).report(decks[:1], NOW)
    mechanism, dosing = topic_bars(data)[1][0][1]
    assert mechanism.value == 0.0
    states = store.card_states()
    dosing_cards = [c for c in decks[0].cards if c.section.startswith("I.B")]
    expected = sum(scheduler.retrievability(states.get(c.id), NOW) for c in dosing_cards)
    assert dosing.value == pytest.approx(expected / 8)  # B and B.1: 8 cards, 4 studied
    assert dosing.detail == f"{round(dosing.value * 100)} % · 8 cards"


def test_cram_answers_count_as_activity_not_retention(store, decks, scheduler):
    """Cram answers show on the calendar but not in true retention."""
    card = decks[0].cards[0]
    store.record_cram(
        ReviewEntry(card.id, NOW - timedelta(hours=1), Rating.AGAIN, 1000, ReviewMode.CRAM)
    )
    data = ProgressModel(store, scheduler).report(decks, NOW)
    assert sum(data.reviews_per_day.values()) == 1 and data.retention.total == 0


def test_widget_shows_history_and_empty_states(qtbot, store, decks, scheduler):
    """The view fills its charts from the store and shows empty messages before any study."""
    widget = ProgressWidget(optimizer=None)
    qtbot.addWidget(widget)
    widget.resize(900, 1200)
    widget.refresh(store, decks, scheduler, NOW)
    widget.show()
    assert widget.heatmap.grid.is_empty and widget.forecast_chart.is_empty()
    assert widget.retention_value.text() == "—"
    widget.grab()
    seed_history(store, scheduler, decks[0], days=30)
    widget.refresh(store, decks, scheduler, NOW)
    assert not widget.heatmap.grid.is_empty and not widget.forecast_chart.is_empty()
    assert widget.retention_value.text().endswith("%")
    assert widget.summary.text().startswith("24 cards · 12 studied")
    assert [b.label for b in widget.topic_bars.bars] == ["Pharmacology", "Safety"]
    assert len(widget.section_charts) == 2
    assert not widget.grab().isNull()


def test_escape_and_back_button_leave(qtbot, store, decks, scheduler):
    """Esc or the back button emit left."""
    widget = ProgressWidget(optimizer=None)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    with qtbot.waitSignal(widget.left):
        qtbot.mouseClick(widget.back_button, Qt.MouseButton.LeftButton)
    widget.activateWindow()
    widget.setFocus()
    with qtbot.waitSignal(widget.left):
        qtbot.keyClick(widget, Qt.Key.Key_Escape)


def test_optimize_is_disabled_with_a_reason(qtbot, store, decks, scheduler, monkeypatch):
    """Without the optimizer, or with too few reviews, the button is off and says why."""
    widget = ProgressWidget(optimizer=None)
    qtbot.addWidget(widget)
    widget.optimizer = None
    widget.refresh(store, decks, scheduler, NOW)
    assert not widget.optimize_button.isEnabled()
    assert "not installed" in widget.optimize_button.toolTip()
    widget.optimizer = lambda reviews, scheduler, control: None
    widget.refresh(store, decks, scheduler, NOW)
    assert not widget.optimize_button.isEnabled()
    assert "at least" in widget.optimize_button.toolTip()


def test_optimize_runs_off_the_gui_thread(qtbot, store, decks, scheduler, monkeypatch):
    """With enough reviews, the optimizer runs on a worker with a busy bar, then reports back."""
    monkeypatch.setattr(stats, "MIN_REVIEWS_TO_OPTIMIZE", 10)
    gui_thread = threading.get_ident()
    ran_on: list[int] = []
    release = threading.Event()

    def optimizer(reviews: list[ReviewEntry], scheduler, control) -> tuple[float, ...]:
        ran_on.append(threading.get_ident())
        release.wait(5)
        return (float(len(reviews)),)

    widget = ProgressWidget(optimizer=optimizer)
    qtbot.addWidget(widget)
    widget.show()
    answers = seed_history(store, scheduler, decks[0], days=20)
    widget.refresh(store, decks, scheduler, NOW)
    assert widget.optimize_button.isEnabled()
    with qtbot.waitSignal(widget.parameters_optimized, timeout=5000) as done:
        qtbot.mouseClick(widget.optimize_button, Qt.MouseButton.LeftButton)
        assert widget.busy.isVisible() and not widget.optimize_button.isEnabled()
        release.set()
    assert done.args == [(float(answers),)]
    assert ran_on and ran_on[0] != gui_thread
    assert not widget.busy.isVisible() and widget.optimize_button.isEnabled()
    assert widget.optimize_status.text().startswith("Done")


def test_optimize_failure_is_shown(qtbot, store, decks, scheduler, monkeypatch):
    """An optimizer error becomes a message next to the button, not a crash."""
    monkeypatch.setattr(stats, "MIN_REVIEWS_TO_OPTIMIZE", 1)

    def optimizer(reviews, scheduler, control):
        raise ValueError("too few distinct days")

    widget = ProgressWidget(optimizer=optimizer)
    qtbot.addWidget(widget)
    seed_history(store, scheduler, decks[0], days=3)
    widget.refresh(store, decks, scheduler, NOW)
    widget.start_optimizing()
    qtbot.waitUntil(lambda: "Could not optimize" in widget.optimize_status.text(), timeout=5000)
    assert "too few distinct days" in widget.optimize_status.text()
    assert not widget.busy.isVisible()


@pytest.mark.skipif(stats.find_optimizer() is None, reason="fsrs-rs-python is not installed")
def test_real_optimizer_fits_21_weights_from_the_log(qtbot, tmp_path, scheduler):
    """With 400+ real reviews, the button runs the real optimizer and hands back 21 weights."""
    deck = make_deck("big", "Big deck", cards=60)
    store = Store.open(tmp_path / "big.db", backups=0, now=NOW)
    try:
        store.sync_decks([deck], NOW - timedelta(days=300))
        answers = seed_history(store, scheduler, deck, days=90)
        assert answers >= stats.MIN_REVIEWS_TO_OPTIMIZE
        widget = ProgressWidget()
        qtbot.addWidget(widget)
        widget.refresh(store, [deck], scheduler, NOW)
        assert widget.optimize_button.isEnabled(), widget.optimize_button.toolTip()
        with qtbot.waitSignal(widget.parameters_optimized, timeout=20000) as done:
            widget.optimize_button.click()
        weights = done.args[0]
        assert len(weights) == 21 and all(isinstance(w, float) for w in weights)
    finally:
        store.close()

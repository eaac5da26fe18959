"""Exams on screen: the ring's share, the countdown, the plan's warning, the reader's badge."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtGui import QImage

from studyapp.gui.exam_views import ExamBadge, ExamPanel, ReadinessRing
from studyapp.review_types import Rating
from studyapp.store.database import Store
from studyapp.study.exam_status import exam_statuses, readiness
from studyapp.study.scheduler import Scheduler, SchedulerSettings
from studyapp.study.simulation import practice_deck

T0 = datetime(2027, 1, 4, 12, 0, tzinfo=UTC)


def test_the_panel_shows_each_exam_with_its_ring_and_the_plan_s_warning(qtbot):
    """300 unseen cards 10 days before the exam: 0 % ready, and the plan says it won't fit."""
    deck = practice_deck(300)
    store = Store.in_memory()
    store.sync_decks([deck], T0)
    store.set_exam([deck.id], (T0 + timedelta(days=10)).date())
    scheduler = Scheduler(SchedulerSettings(), UTC)
    panel = ExamPanel()
    qtbot.addWidget(panel)
    panel.refresh(store, [deck], scheduler, T0)
    (card,) = panel.cards
    assert card.ring.value == 0.0
    assert "exam in 10 days" in card.when.text() and "0 of 300 cards studied" in card.when.text()
    assert card.warning.text().startswith("at 20 new cards a day, 100 cards will not be seen")
    panel.refresh(store, [deck], scheduler, T0 + timedelta(days=11))  # the exam has passed
    assert panel.cards == [] and panel.heading.text() == "NO EXAM DATE SET"


def test_the_reader_badge_follows_the_section_on_screen(qtbot):
    """The badge shows the section's readiness beside the deck's, and hides without an exam."""
    deck = practice_deck(20)
    store = Store.in_memory()
    store.sync_decks([deck], T0)
    scheduler = Scheduler(SchedulerSettings(), UTC)
    for card in deck.cards[:2]:  # section 1
        state, entry = scheduler.review(card.id, None, Rating.EASY, T0)
        store.record_review(state, entry)
    badge = ExamBadge()
    qtbot.addWidget(badge)
    badge.refresh(store, scheduler, deck, T0)
    assert badge.readiness is None and not badge.isVisibleTo(None)
    store.set_exam([deck.id], (T0 + timedelta(days=6)).date())
    badge.refresh(store, scheduler, deck, T0)
    badge.show_section("1")
    ready = readiness(store, scheduler, deck, (T0 + timedelta(days=6)).date())
    assert badge.ring.value == ready.of("1")
    assert f"this section {ready.of('1') * 100:.0f} % ready" in badge.text.text()  # type: ignore[operator]
    assert "exam in 6 days" in badge.text.text()
    assert exam_statuses(store, [deck], scheduler, T0)[0].readiness == ready.of()


def test_the_ring_is_drawn(qtbot, tmp_path):
    """A ring at 75 % paints an arc and its percentage (not a blank square)."""
    ring = ReadinessRing(60)
    qtbot.addWidget(ring)
    ring.set_value(0.75)
    path = tmp_path / "ring.png"
    ring.grab().save(str(path))
    image = QImage(str(path))
    colours = {image.pixelColor(x, y).name() for x in range(0, 60, 3) for y in range(0, 60, 3)}
    assert len(colours) > 5
    assert "75 %" in ring.toolTip()

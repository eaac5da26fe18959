"""Studying toward an exam by keyboard alone: set the date, see readiness everywhere, browse
the cards, start a custom session from the browser and answer it.

Runs on the test decks with the real widgets, store and scheduler, and a fixed clock.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from studyapp.gui.exam_dialog import ExamDialog
from studyapp.gui.main_window import Screen
from studyapp.store.exams import ExamDate
from tests.gui.keyboard import reveal_by_keyboard

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def activate(qtbot, widget) -> None:
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


def test_exam_date_readiness_browser_and_custom_study_by_keyboard(make_window, qtbot):
    """Every step of studying toward an exam works from the keyboard."""
    window = make_window()
    activate(qtbot, window)
    assert window.library.exam_panel.heading.text() == "NO EXAM DATE SET"

    # Study › Exam dates… : tick the first deck with Space, type the day, Enter sets it.
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL_SHIFT)
    dialog = window.findChildren(ExamDialog)[-1]
    qtbot.waitExposed(dialog)
    activate(qtbot, dialog)
    dialog.deck_list.setFocus()
    qtbot.keyClick(dialog.deck_list, Qt.Key.Key_Space)
    deck_id = dialog.checked_decks()[0]
    qtbot.keyClick(dialog.deck_list, Qt.Key.Key_Tab)  # to the section: whole deck
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # to the exam day
    day_edit = dialog.day_edit
    assert QApplication.focusWidget() in (day_edit, day_edit.lineEdit())
    qtbot.keyClick(day_edit, Qt.Key.Key_Home)  # to the year, then type the whole date
    qtbot.keyClicks(day_edit, "2026-03-20")
    qtbot.keyClick(day_edit, Qt.Key.Key_Return)
    assert window.store.exam_dates() == [ExamDate(date(2026, 3, 20), deck_id)]
    assert "exam in 18 days" in dialog.exam_list.item(0).text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    activate(qtbot, window)

    # The library shows the exam as a ring with its countdown.
    (card,) = window.library.exam_panel.cards
    assert card.status.deck.id == deck_id and card.status.countdown == "exam in 18 days"
    assert card.ring.value == 0.0  # nothing studied yet

    # The reader shows readiness per section; the progress view the same ring.
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    assert window.current_screen is Screen.READER
    assert window.reader.exam_badge.isVisible()
    assert "exam in 18 days" in window.reader.exam_badge.text.text()
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    assert window.current_screen is Screen.PROGRESS
    assert [c.status.deck.id for c in window.progress.exam_panel.cards] == [deck_id]

    # The browser: search as you type, then study the cards found (rescheduled).
    qtbot.keyClick(window, Qt.Key.Key_B, CTRL)
    browser = window.exams_and_browser.browser
    qtbot.addWidget(browser)
    qtbot.waitExposed(browser)
    activate(qtbot, browser)
    qtbot.keyClick(browser, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(browser.search, "ketamine")
    found = [c.id for c in browser.model.shown_cards()]
    assert found and len(found) < len(browser.table)
    qtbot.keyClick(browser, Qt.Key.Key_R, CTRL_SHIFT)
    assert window.current_screen is Screen.QUIZ
    quiz = window.quiz
    first = quiz.card.id
    assert first in found
    activate(qtbot, window)
    reveal_by_keyboard(qtbot, quiz)
    qtbot.keyClick(quiz, Qt.Key.Key_3)  # Good
    assert window.store.card_state(first) is not None

    # Answering moved readiness off zero.
    window.show_library()
    (card,) = window.library.exam_panel.cards
    assert card.status.unseen < card.status.cards

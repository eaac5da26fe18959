"""Exam dates in the app: set for ticked decks or a section, moved, cleared with Delete."""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import QDate, Qt

from studyapp.gui.exam_dialog import ExamDialog
from studyapp.store.database import Store
from studyapp.store.exams import ExamDate
from studyapp.study.scheduler import Scheduler, SchedulerSettings
from studyapp.study.simulation import practice_deck

NOW = datetime(2027, 1, 4, 12, 0, tzinfo=UTC)


def make_dialog(qtbot) -> tuple[ExamDialog, Store]:
    decks = [practice_deck(30, "a"), practice_deck(30, "b")]
    store = Store.in_memory()
    store.sync_decks(decks, NOW)
    dialog = ExamDialog(store, decks, Scheduler(SchedulerSettings(), UTC), lambda: NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog, store


def tick(dialog: ExamDialog, row: int) -> None:
    dialog.deck_list.item(row).setCheckState(Qt.CheckState.Checked)


def test_an_exam_is_set_moved_and_cleared(qtbot):
    """Two decks share a day; setting it again moves it; Delete in the list clears one."""
    dialog, store = make_dialog(qtbot)
    changes: list[bool] = []
    dialog.exams_changed.connect(lambda: changes.append(True))
    tick(dialog, 0)
    tick(dialog, 1)
    dialog.day_edit.setDate(QDate(2027, 2, 1))
    dialog.set_button.click()
    assert store.exam_dates() == [
        ExamDate(date(2027, 2, 1), "a"),
        ExamDate(date(2027, 2, 1), "b"),
    ]
    dialog.day_edit.setDate(QDate(2027, 2, 10))
    dialog.set_button.click()
    assert {e.day for e in store.exam_dates()} == {date(2027, 2, 10)}
    assert dialog.exam_list.count() == 2 and "exam in 37 days" in dialog.exam_list.item(0).text()
    dialog.exam_list.setFocus()
    dialog.exam_list.setCurrentRow(0)
    qtbot.keyClick(dialog.exam_list, Qt.Key.Key_Delete)
    assert store.exam_dates() == [ExamDate(date(2027, 2, 10), "b")]
    assert len(changes) == 3


def test_a_section_exam_and_the_refusals(qtbot):
    """One deck ticked offers its sections; no deck, or a past day, is refused plainly."""
    dialog, store = make_dialog(qtbot)
    dialog.set_button.click()
    assert "Tick at least one deck" in dialog.message.text()
    tick(dialog, 0)
    assert dialog.section_box.isEnabled() and dialog.section_box.count() == 11
    dialog.section_box.setCurrentIndex(dialog.section_box.findData("4"))
    dialog.day_edit.setDate(QDate(2027, 1, 4))  # today
    dialog.set_button.click()
    assert dialog.message.text() == "The exam day has to be after today."
    dialog.day_edit.setDate(QDate(2027, 1, 20))
    dialog.set_button.click()
    assert store.exam_dates() == [ExamDate(date(2027, 1, 20), "a", "4")]
    assert "a › Section 4" not in dialog.exam_list.item(0).text()  # titles, not ids
    assert "Simulated deck › Section 4" in dialog.exam_list.item(0).text()
    tick(dialog, 1)
    assert not dialog.section_box.isEnabled()  # a section belongs to one deck

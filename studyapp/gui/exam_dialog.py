"""Study › Exam dates… (Ctrl+Shift+E): set, move and clear exam dates in the app.

The student ticks one or more decks (Space), optionally picks a section of a single deck,
types or picks the day, and presses Enter ("Set exam"); an exam in the list is cleared with
Delete. Each change is saved at once and the decks' schedule re-aimed
(:func:`studyapp.study.exam_status.replan`), as ``studyapp exam`` does on the command line.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studyapp.errors import StudyappError
from studyapp.model import Deck
from studyapp.store.database import Store
from studyapp.store.exams import ExamDate
from studyapp.study.exam_status import clear_exams, exam_statuses, set_exam
from studyapp.study.scheduler import Scheduler


class ExamDialog(QDialog):
    """Exam dates of the loaded decks; ``exams_changed`` after every change saved."""

    exams_changed = Signal()

    def __init__(
        self,
        store: Store,
        decks: Sequence[Deck],
        scheduler: Scheduler,
        clock: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Exam dates")
        self.store = store
        self.decks = list(decks)
        self.scheduler = scheduler
        self.clock = clock
        today = scheduler.study_day(clock())

        self.exam_list = QListWidget()
        self.exam_list.setMinimumHeight(120)
        self.deck_list = QListWidget()
        for deck in self.decks:
            item = QListWidgetItem(deck.title)
            item.setData(Qt.ItemDataRole.UserRole, deck.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.deck_list.addItem(item)
        self.deck_list.setCurrentRow(0)
        self.section_box = QComboBox()
        self.day_edit = QDateEdit()
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("yyyy-MM-dd")
        default = today + timedelta(days=30)
        self.day_edit.setDate(QDate(default.year, default.month, default.day))
        self.message = QLabel("")
        self.message.setProperty("role", "error")
        self.message.setWordWrap(True)
        self.set_button = QPushButton("Set exam")
        self.set_button.setDefault(True)
        self.set_button.setProperty("primary", True)
        self.clear_button = QPushButton("Clear selected exam")
        close = QPushButton("Close")

        form = QFormLayout()
        form.addRow("Decks (Space ticks)", self.deck_list)
        form.addRow("Section", self.section_box)
        form.addRow("Exam day", self.day_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        buttons.addWidget(self.set_button)
        layout = QVBoxLayout(self)
        heading = QLabel(
            "Until the exam, no review is pushed past it without one shortly before, "
            "and new cards are spread so all are seen in time."
        )
        heading.setWordWrap(True)
        heading.setProperty("role", "muted")
        layout.addWidget(heading)
        layout.addWidget(self.exam_list)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(620, 600)

        for widget, name, description in (
            (self.exam_list, "Exams", "Each exam's day, countdown and readiness; Delete clears"),
            (self.deck_list, "Decks", "Tick the decks of the exam with Space"),
            (self.section_box, "Section", "Only this section of the ticked deck"),
            (self.day_edit, "Exam day", "The day of the exam, year-month-day"),
            (self.set_button, "Set exam", "Save the exam for the ticked decks (Enter)"),
            (self.clear_button, "Clear selected exam", "Remove the exam chosen in the list"),
        ):
            widget.setAccessibleName(name)
            widget.setAccessibleDescription(description)
        self.deck_list.itemChanged.connect(lambda _item: self._fill_sections())
        self.set_button.clicked.connect(self.set_exam)
        self.clear_button.clicked.connect(self.clear_selected)
        close.clicked.connect(self.accept)
        QShortcut(
            QKeySequence(QKeySequence.StandardKey.Delete), self.exam_list, self.clear_selected
        )
        self._fill_sections()
        self.refresh()

    def checked_decks(self) -> list[str]:
        """Ids of the ticked decks."""
        items = (self.deck_list.item(n) for n in range(self.deck_list.count()))
        return [
            item.data(Qt.ItemDataRole.UserRole)
            for item in items
            if item is not None and item.checkState() == Qt.CheckState.Checked
        ]

    def _fill_sections(self) -> None:
        chosen = self.checked_decks()
        deck = next((d for d in self.decks if chosen == [d.id]), None)
        self.section_box.clear()
        self.section_box.addItem("Whole deck" if len(chosen) <= 1 else "Whole decks", "")
        for section in deck.sections if deck is not None else ():
            indent = "  " * max(0, section.level - 1)
            self.section_box.addItem(
                f"{indent}{section.number} {section.title}".strip(), section.id
            )
        self.section_box.setEnabled(deck is not None)

    def refresh(self) -> None:
        """List the exams as they stand, with countdown and readiness."""
        self.exam_list.clear()
        for status in exam_statuses(self.store, self.decks, self.scheduler, self.clock()):
            text = (
                f"{status.scope}\n    {status.exam.day.isoformat()}  ·  {status.countdown}  ·  "
                f"ready {status.readiness * 100:.0f} %"
            )
            if status.message and status.days_left > 0:
                text += f"\n    {status.message}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, status.exam)
            self.exam_list.addItem(item)
        self.clear_button.setEnabled(self.exam_list.count() > 0)
        if self.exam_list.count():
            self.exam_list.setCurrentRow(0)

    def exam_day(self) -> date:
        """The day in the date field."""
        chosen = self.day_edit.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def set_exam(self) -> None:
        """Save the exam of the ticked decks (or the section) on the chosen day."""
        deck_ids = self.checked_decks()
        if not deck_ids:
            self.message.setText("Tick at least one deck (Space on a deck in the list).")
            return
        day = self.exam_day()
        if day <= self.scheduler.study_day(self.clock()):
            self.message.setText("The exam day has to be after today.")
            return
        section = self.section_box.currentData() or ""
        self._save(lambda: set_exam(self.store, self.scheduler, deck_ids, day, section))

    def clear_selected(self) -> None:
        """Remove the exam selected in the list."""
        item = self.exam_list.currentItem()
        if item is None:
            return
        exam: ExamDate = item.data(Qt.ItemDataRole.UserRole)
        self._save(lambda: clear_exams(self.store, self.scheduler, [exam.deck_id], exam.section_id))

    def _save(self, change: Callable[[], object]) -> None:
        try:
            change()
        except StudyappError as error:
            self.message.setText(f"Could not save: {error}")
            return
        self.message.setText("")
        self.refresh()
        self.exams_changed.emit()

"""Exams on screen: readiness as a ring, the countdown, and the plan's warning.

* :class:`ReadinessRing` paints readiness (the predicted share of an exam's cards recalled on
  the exam day) as a ring filled to that share, coloured like the reader's mastery dots.
* :class:`ExamPanel` lists the upcoming exams (a ring, the deck or section, "exam in 12
  days", the plan's warning) with an "Exam dates…" button; the library and the progress view
  show it.
* :class:`ExamBadge` is the reader's: the readiness of the section on screen and of the deck.

The figures are :mod:`studyapp.study.exam_status`'s (imported once there is an exam); these
widgets only draw them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from studyapp.gui import theme
from studyapp.model import Deck
from studyapp.store.database import Store
from studyapp.study.scheduler import Scheduler

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent

    from studyapp.study.exam_status import ExamStatus, Readiness


class ReadinessRing(QWidget):
    """A ring filled to ``value`` (0..1) with the percentage in its middle."""

    def __init__(self, diameter: int = 54, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.value: float | None = None
        self.diameter = diameter
        self.setFixedSize(QSize(diameter, diameter))

    def set_value(self, value: float | None) -> None:
        """Show ``value`` (None: no cards, an empty grey ring)."""
        self.value = value
        words = "" if value is None else f"Predicted recall on exam day: {value * 100:.0f} %"
        self.setToolTip(words)
        self.setAccessibleName("Readiness")
        self.setAccessibleDescription(words or "No cards")
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        # Imported here: a library without exams (the usual start) never paints a ring.
        from PySide6.QtCore import QRectF
        from PySide6.QtGui import QPainter, QPen

        colors = theme.colors()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = max(4.0, self.diameter / 9)
        box = QRectF(width / 2, width / 2, self.diameter - width, self.diameter - width)
        track = QPen(colors.qcolor("border"), width)
        painter.setPen(track)
        painter.drawEllipse(box)
        if self.value is not None and self.value > 0:
            arc = QPen(theme.mastery_color(self.value), width)
            arc.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(arc)
            painter.drawArc(box, 90 * 16, -round(360 * 16 * min(1.0, self.value)))
        painter.setPen(colors.qcolor("text"))
        font = painter.font()
        font.setBold(True)
        font.setPointSizeF(max(7.0, self.diameter / 5.5))
        painter.setFont(font)
        text = "—" if self.value is None else f"{self.value * 100:.0f}%"
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, text)
        painter.end()


def _label(text: str = "", role: str = "") -> QLabel:
    label = QLabel(text)
    if role:
        label.setProperty("role", role)
    label.setWordWrap(True)
    return label


class ExamCard(QFrame):
    """One exam: ring, what it covers, the countdown, cards studied, the plan's warning."""

    def __init__(self, status: ExamStatus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.status = status
        self.ring = ReadinessRing()
        self.ring.set_value(status.readiness)
        self.title = _label(status.scope, "subtitle")
        when = f"{status.countdown} ({status.exam.day:%a %d %b})"
        studied = f"{status.cards - status.unseen} of {status.cards} cards studied"
        self.when = _label(f"{when} · {studied}", "muted")
        self.warning = _label(status.message, "error")
        self.warning.setVisible(bool(status.message))
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.title)
        text.addWidget(self.when)
        text.addWidget(self.warning)
        self.setAccessibleName(f"Exam: {status.scope}")
        self.setAccessibleDescription(
            f"{when}; {studied}; {status.readiness * 100:.0f} % ready. {status.message}".strip()
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 10, 14, 10)
        layout.addWidget(self.ring, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(text, 1)


class ExamPanel(QWidget):
    """The upcoming exams, side by side, and a button to set exam dates."""

    edit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cards: list[ExamCard] = []
        self.heading = _label("EXAMS", "group")
        self.edit_button = QPushButton("Exam dates…")
        self.edit_button.setToolTip("Set, move or clear exam dates (Ctrl+Shift+E)")
        self.edit_button.setAccessibleDescription("Set, move or clear exam dates (Ctrl+Shift+E)")
        self.edit_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.edit_button.clicked.connect(lambda: self.edit_requested.emit())
        self.row = QHBoxLayout()
        self.row.setSpacing(10)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addLayout(self.row)

    def refresh(
        self, store: Store, decks: Sequence[Deck], scheduler: Scheduler, now: datetime
    ) -> None:
        """Show the exams of ``decks`` as they stand at ``now``."""
        if not store.exam_dates():  # the usual start: no exam, and their figures not imported
            self.show_statuses([])
            return
        from studyapp.study.exam_status import exam_statuses

        self.show_statuses(exam_statuses(store, decks, scheduler, now))

    def show_statuses(self, statuses: Sequence[ExamStatus]) -> None:
        """Show the exams still ahead (none: only the heading and the button)."""
        for card in self.cards:
            self.row.removeWidget(card)
            card.deleteLater()
        self.cards = [ExamCard(s) for s in statuses if s.days_left >= 0][:4]
        for card in self.cards:
            self.row.addWidget(card, 1)
        if self.cards:
            self.row.addStretch(0)
        self.heading.setText("EXAMS" if self.cards else "NO EXAM DATE SET")


class ExamBadge(QWidget):
    """The reader's exam line: readiness of the section on screen (ring) and of the deck."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.readiness: Readiness | None = None
        self.countdown = ""
        self.ring = ReadinessRing(34)
        self.text = QLabel()
        self.text.setProperty("role", "small")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.ring)
        layout.addWidget(self.text)
        self.hide()

    def refresh(self, store: Store, scheduler: Scheduler, deck: Deck, now: datetime) -> None:
        """Take up ``deck``'s soonest exam as it stands at ``now`` (before the reader opens a
        section of it)."""
        from studyapp.study.exam_status import deck_readiness

        self.set_exam(*deck_readiness(store, scheduler, deck, now))

    def set_exam(self, readiness: Readiness | None, countdown: str = "") -> None:
        """The deck's readiness for its soonest exam (None: no exam, the badge hides)."""
        self.readiness = readiness
        self.countdown = countdown
        self.setVisible(readiness is not None)

    def show_section(self, section_id: str) -> None:
        """Show the readiness of ``section_id`` beside the deck's."""
        if self.readiness is None:
            return
        section = self.readiness.of(section_id)
        deck = self.readiness.of()
        self.ring.set_value(section)
        part = "—" if section is None else f"{section * 100:.0f} %"
        whole = "—" if deck is None else f"{deck * 100:.0f} %"
        self.text.setText(f"{self.countdown}\nthis section {part} ready · deck {whole}")

"""The first-run welcome: how studying works here, in one short page, dismissable for good."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studyapp.gui.theme import colors
from studyapp.study.preferences import WELCOME_DISMISSED_KEY

DONT_SHOW_KEY = WELCOME_DISMISSED_KEY

RATINGS = (
    ("1", "Again", "again", "You forgot. The card comes back in a few minutes."),
    ("2", "Hard", "hard", "You got it, with real effort. A shorter wait than Good."),
    ("3", "Good", "good", "You recalled it after a moment. The usual choice."),
    ("4", "Easy", "easy", "Instant and certain. The card waits much longer."),
)


class WelcomeDialog(QDialog):
    """Read first, then quiz; Space reveals; what the four ratings mean. "Don't show again"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Welcome to studyapp")
        self.setModal(True)
        self.setMinimumWidth(640)
        c = colors()

        title = QLabel("Welcome")
        title.setProperty("role", "title")
        intro = QLabel(
            "Each topic deck pairs a short text with quiz cards made from it. "
            "<b>Read a section first</b>, then quiz yourself: the app schedules every card "
            "again just before you would forget it (FSRS spaced repetition)."
        )
        intro.setWordWrap(True)
        steps = QLabel(
            "<b>Space</b> shows the answer. Then say how well you remembered, "
            "with a key or a button:"
        )
        steps.setWordWrap(True)

        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(8)
        for row, (key, name, color_name, meaning) in enumerate(RATINGS):
            badge = QLabel(key)
            badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
            badge.setFixedSize(30, 30)
            color = getattr(c, color_name)
            badge.setStyleSheet(
                f"background: {color}; color: {c.surface}; border-radius: 15px; font-weight: 700;"
            )
            label = QLabel(f"<b>{name}</b>")
            label.setStyleSheet(f"color: {color};")
            text = QLabel(meaning)
            text.setWordWrap(True)
            text.setProperty("role", "muted")
            grid.addWidget(badge, row, 0)
            grid.addWidget(label, row, 1)
            grid.addWidget(text, row, 2)
        grid.setColumnStretch(2, 1)
        ratings = QFrame()
        ratings.setProperty("role", "card")
        ratings.setLayout(grid)
        grid.setContentsMargins(16, 14, 16, 14)

        more = QLabel(
            "Most answers are just <b>Space</b>, <b>Space</b> (Good). "
            "<b>U</b> undoes the last rating. Press <b>F1</b> for this page again."
        )
        more.setWordWrap(True)
        more.setProperty("role", "muted")

        self.dont_show = QCheckBox("Don't show this again")
        self.dont_show.setChecked(True)
        self.start_button = QPushButton("Start studying")
        self.start_button.setProperty("primary", True)
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.accept)
        self.dont_show.setAccessibleDescription("F1 shows this page again at any time")
        self.start_button.setAccessibleDescription("Close this page and go to the library")

        buttons = QHBoxLayout()
        buttons.addWidget(self.dont_show)
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 22)
        layout.setSpacing(14)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(steps)
        layout.addWidget(ratings)
        layout.addWidget(more)
        layout.addSpacing(4)
        layout.addLayout(buttons)

    def showEvent(self, event: QShowEvent) -> None:
        """Open with Start studying focused: Space starts, as the page says (Tab still goes
        left to right). Set on showing: a dialog picks its first control when it appears."""
        super().showEvent(event)
        self.start_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def dismissed_for_good(self) -> bool:
        """Whether the student asked never to see the welcome again."""
        return self.dont_show.isChecked()

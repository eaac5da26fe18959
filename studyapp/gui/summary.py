"""The end-of-session page: how it went and what comes next.

:class:`SummaryWidget` shows the cards answered, the accuracy, the time spent and when the next
card is due ("tomorrow at 09:30"), or a score out of the cards for a cram/exam run, with
"Back to library" (Esc, B) and "Study more" (Space, Enter, M) buttons. It reads the session's
``SessionSummary`` through :func:`facts_of`; everything shown is computed in plain functions
tested apart from the widget.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studyapp.review_types import ReviewMode
from studyapp.study.leech import LEECH_LAPSES
from studyapp.study.session import SessionSummary
from studyapp.wording import describe_due


@dataclass(frozen=True)
class SummaryFacts:
    """What the summary page shows, taken from a session's summary."""

    answered: int  # answers given (each rating counts)
    correct: int  # answers that were not Again
    time_spent: timedelta
    next_due: datetime | None  # the soonest due card after the session (None: nothing left)
    now: datetime  # when the session ended
    cram: bool = False  # a cram/exam run: a score, no schedule change
    leeches: int = 0  # cards that lapsed as leeches in the session
    leeches_suspended: bool = False

    @property
    def accuracy(self) -> float | None:
        """correct / answered, None when nothing was answered."""
        return self.correct / self.answered if self.answered else None


def facts_of(summary: SessionSummary, now: datetime) -> SummaryFacts:
    """The facts of a session's summary, the session having ended at ``now``."""
    return SummaryFacts(
        answered=summary.answered,
        correct=summary.correct,
        time_spent=summary.time_spent,
        next_due=summary.next_due,
        now=now,
        cram=summary.mode is ReviewMode.CRAM,
        leeches=len(summary.leeches),
        leeches_suspended=summary.leeches_suspended,
    )


def format_duration(spent: timedelta) -> str:
    """A study time as people say it: "45 s", "12 min", "1 h 05 min"."""
    seconds = max(0, round(spent.total_seconds()))
    if seconds < 60:
        return f"{seconds} s"
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d} min"


def next_due_text(next_due: datetime | None, now: datetime, tz: tzinfo | None = None) -> str:
    """When studying resumes: "Next card due tomorrow at 09:30", "… in 10 min", or done."""
    if next_due is None:
        return "No cards are scheduled: every card here is new, buried or suspended."
    when = describe_due(next_due, now, tz)
    if when == "due now":
        return "More cards are due now."
    local = next_due.astimezone(tz) if tz is not None else next_due.astimezone()
    if when == "tomorrow":
        return f"Next card due tomorrow at {local:%H:%M}."
    if when.startswith("in ") and ("min" in when or when.endswith(" h")):
        return f"Next card due {when} (at {local:%H:%M})."
    return f"Next card due {when}, on {local:%a %d %b}."


def leech_text(facts: SummaryFacts) -> str:
    """What the summary says about leeches ('' when there were none)."""
    if not facts.leeches:
        return ""
    which = "This card" if facts.leeches == 1 else f"These {facts.leeches} cards"
    done = "was suspended" if facts.leeches_suspended else "is marked as a leech"
    if facts.leeches > 1:
        done = "were suspended" if facts.leeches_suspended else "are marked as leeches"
    return (
        f"{which} keep{'s' if facts.leeches == 1 else ''} being forgotten "
        f"({LEECH_LAPSES} lapses or more) and {done}: rewording or splitting "
        f"{'it' if facts.leeches == 1 else 'them'} helps. Find "
        f"{'it' if facts.leeches == 1 else 'them'} in Go › Browse cards (status: leech)."
    )


def headline(facts: SummaryFacts) -> str:
    """The big line at the top: a score for cram, otherwise a friendly close."""
    if facts.answered == 0:
        return "Nothing to study right now"
    if facts.cram:
        return f"Score: {facts.correct} / {facts.answered}"
    return "Session complete"


class SummaryWidget(QWidget):
    """The end-of-session page. Signals: ``back_requested()``, ``study_more_requested()``."""

    back_requested = Signal()
    study_more_requested = Signal()

    def __init__(self, tz: tzinfo | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tz = tz
        self.facts: SummaryFacts | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 24, 24, 24)
        outer.addStretch(1)
        card = QFrame()
        card.setProperty("role", "card")
        card.setMaximumWidth(620)
        box = QVBoxLayout(card)
        box.setContentsMargins(36, 30, 36, 30)
        box.setSpacing(14)
        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box.addWidget(self.title)
        box.addSpacing(6)
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        self.values: dict[str, QLabel] = {}
        for column, (key, caption) in enumerate(
            (("answered", "answered"), ("accuracy", "recalled"), ("time", "time spent"))
        ):
            value = QLabel()
            value.setProperty("role", "title")
            value.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label = QLabel(caption)
            label.setProperty("role", "muted")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(value, 0, column)
            grid.addWidget(label, 1, column)
            self.values[key] = value
        box.addLayout(grid)
        self.next_label = QLabel()
        self.next_label.setWordWrap(True)
        self.next_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box.addWidget(self.next_label)
        self.leech_label = QLabel()
        self.leech_label.setWordWrap(True)
        self.leech_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.leech_label.setProperty("role", "muted")
        box.addWidget(self.leech_label)
        buttons = QHBoxLayout()
        buttons.setSpacing(12)
        self.back_button = QPushButton("Back to library  (Esc)")
        self.back_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.back_button.clicked.connect(self.back_requested)
        self.more_button = QPushButton("Study more  (Space)")
        self.more_button.setProperty("primary", True)
        self.more_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.more_button.clicked.connect(self.study_more_requested)
        self.back_button.setAccessibleDescription("Back to the library (Esc)")
        self.more_button.setAccessibleDescription("Study the next cards (Space)")
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.more_button)
        buttons.addStretch(1)
        box.addSpacing(6)
        box.addLayout(buttons)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 100)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

    def show_summary(self, summary: SessionSummary, now: datetime) -> None:
        """Show a session's summary; the session ended at ``now``."""
        self.show_facts(facts_of(summary, now))

    def show_facts(self, facts: SummaryFacts) -> None:
        """Fill the page from :class:`SummaryFacts`."""
        self.facts = facts
        self.title.setText(headline(facts))
        self.values["answered"].setText(str(facts.answered))
        accuracy = facts.accuracy
        self.values["accuracy"].setText("—" if accuracy is None else f"{accuracy * 100:.0f} %")
        self.values["time"].setText(format_duration(facts.time_spent))
        if facts.cram:
            self.next_label.setText("Cram answers do not change your schedule.")
        else:
            self.next_label.setText(next_due_text(facts.next_due, facts.now, self.tz))
        self.leech_label.setText(leech_text(facts))
        self.leech_label.setVisible(bool(facts.leeches))

    def handle_key(self, event: QKeyEvent) -> None:
        """Keys on this page (the quiz screen forwards them): Space/Enter/M study more, B back."""
        text = event.text().lower()
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter) or text == "m":
            self.study_more_requested.emit()
        elif text == "b" or event.key() == Qt.Key.Key_Escape:
            self.back_requested.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.handle_key(event)

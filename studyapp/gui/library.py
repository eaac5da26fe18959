"""The library, the start screen: every topic deck with its progress, and the decks that failed.

Decks are grouped by the title of their source. Each row shows cards due today, new cards,
mastered out of total, a mastery bar and when the next card is due, with Read and Study buttons.
Keyboard: Up/Down move the selection, R or Enter read, S or Space study, A studies everything
due. The widget only shows :class:`DeckProgress` values and emits what the student asked for;
the main window does the rest.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from datetime import datetime, tzinfo
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from studyapp.gui.exam_views import ExamPanel
from studyapp.study.progress import DeckProgress
from studyapp.wording import count, describe_due

KEYS_DESCRIPTION = (
    "Up and Down choose a deck, R or Enter read it, S or Space study it, A study all due."
)


def _label(text: str, role: str = "", *, wrap: bool = False) -> QLabel:
    """A label with a stylesheet role, showing ``text`` as plain text: deck titles, notices
    and file problems come from deck files and are never rendered as HTML."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if role:
        label.setProperty("role", role)
    label.setWordWrap(wrap)
    return label


def _button(text: str, *, primary: bool = False) -> QPushButton:
    """A button that never takes keyboard focus, so the library's keys keep working."""
    button = QPushButton(text)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    if primary:
        button.setProperty("primary", True)
    return button


def group_by_source(summaries: Iterable[DeckProgress]) -> list[tuple[str, list[DeckProgress]]]:
    """Library rows grouped by the title of the source they were generated from, in order."""
    groups: dict[str, list[DeckProgress]] = {}
    for summary in summaries:
        source = summary.deck.source
        title = source.title if source is not None and source.title else "Other decks"
        groups.setdefault(title, []).append(summary)
    return list(groups.items())


class DeckRow(QFrame):
    """One deck in the library: title, numbers, mastery bar, Read and Study."""

    clicked = Signal(str)
    read_clicked = Signal(str)
    study_clicked = Signal(str)

    def __init__(
        self, summary: DeckProgress, now: datetime, tz: tzinfo | None, *, pending: bool = False
    ) -> None:
        super().__init__()
        self.summary = summary
        self.deck_id = summary.deck.id
        self.pending = pending
        self.setProperty("role", "card")
        self.setProperty("selected", False)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

        self.title_label = _label("", "subtitle", wrap=True)
        self.numbers_label = _label("", "muted", wrap=True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.bar.setTextVisible(False)
        self.bar.setToolTip("Mastery: mean predicted recall over the deck's cards (new = 0)")
        self.mastery_label = _label("", "small")
        self.next_label = _label("", "small")
        self.read_button = _button("Read  R")
        self.study_button = _button("Study  S", primary=True)
        self.read_button.clicked.connect(lambda: self.read_clicked.emit(self.deck_id))
        self.study_button.clicked.connect(lambda: self.study_clicked.emit(self.deck_id))

        text = QVBoxLayout()
        text.setSpacing(3)
        text.addWidget(self.title_label)
        text.addWidget(self.numbers_label)
        bar_line = QHBoxLayout()
        bar_line.setSpacing(10)
        bar_line.addWidget(self.bar, 1)
        bar_line.addWidget(self.mastery_label)
        bar_line.addSpacing(12)
        bar_line.addWidget(self.next_label)
        text.addSpacing(2)
        text.addLayout(bar_line)

        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.read_button)
        buttons.addWidget(self.study_button)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(18, 12, 18, 12)
        layout.setSpacing(28)
        layout.addLayout(text, 1)
        layout.addLayout(buttons)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._shown: tuple[object, ...] = ()
        self.show_summary(summary, now, tz, pending=pending)

    def show_summary(
        self, summary: DeckProgress, now: datetime, tz: tzinfo | None, *, pending: bool = False
    ) -> None:
        """Show the deck's figures (``pending``: still being worked out, shown as such).

        Only what differs from what the row shows is set, so a refresh that changed one deck
        touches one row and lays nothing else out again.
        """
        self.summary, self.pending = summary, pending
        s = summary
        title = s.deck.title
        if pending:
            numbers = f"Counting…  ·  {count(len(s.deck.sections), 'section')}"
            mastery_text, next_text, level = "… mastery", "Next: counting…", "low"
        else:
            numbers = (
                f"{s.due_today} due today  ·  {s.new} new  ·  {s.mastered} of {s.total} "
                f"mastered  ·  {s.sections_read} of {len(s.deck.sections)} sections read"
            )
            mastery_text = f"{round(s.mastery * 100)} % mastery"
            next_text = f"Next: {describe_due(s.next_due, now, tz)}"
            level = "low" if s.mastery < 0.4 else "mid" if s.mastery < 0.8 else "high"
        percent = 0 if pending else round(s.mastery * 100)
        studyable = pending or s.due_today > 0 or s.new > 0
        shown = (title, numbers, mastery_text, next_text, level, percent, studyable)
        if shown == self._shown:
            return
        self._shown = shown
        self.title_label.setText(title)
        self.numbers_label.setText(numbers)
        self.mastery_label.setText(mastery_text)
        self.next_label.setText(next_text)
        self.bar.setValue(percent)
        if self.bar.property("level") != level:
            self.bar.setProperty("level", level)
            if self.bar.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
                self.bar.style().unpolish(self.bar)
                self.bar.style().polish(self.bar)
        self.bar.setAccessibleName(f"Mastery of {title}")
        self.bar.setAccessibleDescription(
            f"{mastery_text}: the mean predicted recall of the deck's cards"
        )
        self.study_button.setEnabled(studyable)
        self.read_button.setAccessibleDescription(f"Read {title} (R)")
        self.study_button.setAccessibleDescription(f"Study {title} (S)")
        self.setAccessibleName(title)
        self.setAccessibleDescription(self.spoken())

    def spoken(self) -> str:
        """The row in words, for screen readers: its numbers, mastery and next due card."""
        return (
            f"{self.numbers_label.text().replace('  ·  ', ', ')}, "
            f"{self.mastery_label.text()}. {self.next_label.text()}"
        )

    def set_selected(self, selected: bool) -> None:
        """Draw the row as the keyboard selection (or not)."""
        self.setProperty("selected", selected)
        # Before its first polish (at start-up) the stylesheet will read the property anyway;
        # asking for style() then would only cost the start-up a few ms of Python wrapping.
        if self.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
            self.style().unpolish(self)
            self.style().polish(self)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A click on the row selects it."""
        self.clicked.emit(self.deck_id)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """A double click opens the deck for reading."""
        self.read_clicked.emit(self.deck_id)
        super().mouseDoubleClickEvent(event)


class LibraryWidget(QWidget):
    """The start screen: decks grouped by source, failed decks with their errors, the notice."""

    read_requested = Signal(str)  # deck id
    study_requested = Signal(str)  # deck id
    study_all_requested = Signal()
    message = Signal(str)  # a short note for the status bar
    reset_changed_requested = Signal()  # start the cards whose answer changed afresh
    keep_changed_requested = Signal()  # keep their progress although the answer changed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Library")
        self.setAccessibleDescription(KEYS_DESCRIPTION)
        self.rows: list[DeckRow] = []
        self.error_labels: list[QLabel] = []
        self.changed_box: QFrame | None = None
        self.selected_index = -1
        self._layout_key: tuple[object, ...] | None = None  # what the list was built for

        self.title = _label("Library", "title")
        self.summary_label = _label("", "muted")
        self.study_all_button = _button("Study all due  A", primary=True)
        self.study_all_button.clicked.connect(lambda: self.study_all_requested.emit())
        self.study_all_button.setAccessibleDescription("Study every deck's due cards (A)")

        header = QHBoxLayout()
        heading = QVBoxLayout()
        heading.setSpacing(2)
        heading.addWidget(self.title)
        heading.addWidget(self.summary_label)
        header.addLayout(heading, 1)
        header.addWidget(self.study_all_button, 0, Qt.AlignmentFlag.AlignVCenter)

        self.list_host = QWidget()
        self.list_layout = QVBoxLayout(self.list_host)
        self.list_layout.setContentsMargins(0, 0, 6, 0)
        self.list_layout.setSpacing(10)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll_area.setWidget(self.list_host)
        # New rows are laid out a moment after they are added (and text wraps on resizing):
        # whenever the list's height changes, the selected deck is brought back into view.
        self.scroll_area.verticalScrollBar().rangeChanged.connect(self._keep_selection_in_view)

        self.hint = _label(
            "↑ ↓ choose a deck   ·   R / Enter read   ·   S / Space study   ·   A study all due",
            "small",
        )
        self.notice = _label("", "notice", wrap=True)
        footer = QFrame()
        footer.setProperty("role", "footer")
        footer_layout = QVBoxLayout(footer)
        footer_layout.setContentsMargins(32, 10, 32, 10)
        footer_layout.setSpacing(4)
        footer_layout.addWidget(self.hint)
        footer_layout.addWidget(self.notice)

        body = QVBoxLayout()
        body.setContentsMargins(32, 24, 32, 12)
        body.setSpacing(16)
        body.addLayout(header)
        self.exam_panel = ExamPanel()  # exams: readiness rings and countdowns
        body.addWidget(self.exam_panel)
        body.addWidget(self.scroll_area, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(body, 1)
        layout.addWidget(footer)

    # -- content -------------------------------------------------------------------------------

    def set_content(
        self,
        summaries: Sequence[DeckProgress],
        problems: Sequence[str],
        now: datetime,
        tz: tzinfo | None = None,
        deck_paths: Sequence[Path] = (),
        changed_questions: Sequence[str] = (),
        pending: Collection[str] = (),
    ) -> None:
        """Show these decks and load problems (``file:line:col: error: message`` lines);
        ``deck_paths`` are named when there is no deck at all. ``changed_questions`` are the
        cards whose answer an instructor changed after the student studied them: the student
        chooses whether to start them afresh or keep their progress. ``pending`` are the ids
        of decks whose figures are still being worked out: their rows say so.

        When the same decks are shown in the same groups with the same notes (a refresh after
        studying), the rows are updated in place, and only those whose figures changed.
        """
        groups = group_by_source(summaries)
        layout_key = (
            [(title, [s.deck.id for s in group]) for title, group in groups],
            list(problems),
            list(changed_questions),
            [] if summaries or problems else list(deck_paths),
        )
        if layout_key == self._layout_key and len(self.rows) == len(summaries):
            by_id = {summary.deck.id: summary for summary in summaries}
            for row in self.rows:  # in the order of their groups, not of ``summaries``
                summary = by_id[row.deck_id]
                row.show_summary(summary, now, tz, pending=row.deck_id in pending)
        else:
            self._layout_key = layout_key
            self._rebuild(groups, problems, now, tz, deck_paths, changed_questions, pending)

        notices = {s.deck.notice for s in summaries if s.deck.notice}
        self.notice.setText(" ".join(sorted(notices)))  # the decks' own notices, or none
        self.notice.setVisible(bool(notices))
        due = sum(s.due_today for s in summaries)
        new = sum(s.new for s in summaries)
        decks = count(len(summaries), "deck")
        if pending:
            self.summary_label.setText(f"{decks}  ·  counting cards due and new…")
        else:
            self.summary_label.setText(
                f"{decks}  ·  {count(due, 'card')} due today  ·  "
                f"{new} new {'card' if new == 1 else 'cards'}"
            )
        self.study_all_button.setEnabled(due > 0 or bool(pending))
        selected = self.selected_deck_id()
        if self.rows and selected is None:
            self.select_deck(self.rows[0].deck_id)
        elif selected is not None:
            self.setAccessibleDescription(
                self._selection_description(self.rows[self.selected_index])
            )

    def _rebuild(
        self,
        groups: list[tuple[str, list[DeckProgress]]],
        problems: Sequence[str],
        now: datetime,
        tz: tzinfo | None,
        deck_paths: Sequence[Path],
        changed_questions: Sequence[str],
        pending: Collection[str],
    ) -> None:
        """Build the list afresh: group titles, rows, the changed answers and failed decks."""
        previous = self.selected_deck_id()
        while self.list_layout.count():
            item = self.list_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.rows = []
        self.error_labels = []
        self.changed_box = None
        if changed_questions:
            self.changed_box = self._changed_answers_box(changed_questions)
            self.list_layout.addWidget(self.changed_box)

        for title, group in groups:
            self.list_layout.addWidget(_label(title.upper(), "group", wrap=True))
            for summary in group:
                row = DeckRow(summary, now, tz, pending=summary.deck.id in pending)
                row.clicked.connect(self.select_deck)
                row.read_clicked.connect(self.read_requested)
                row.study_clicked.connect(self.study_requested)
                self.rows.append(row)
                self.list_layout.addWidget(row)
        if problems:
            self.list_layout.addWidget(_label("DECKS THAT COULD NOT BE LOADED", "group"))
            box = QFrame()
            box.setProperty("role", "errorcard")
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(18, 12, 18, 12)
            for line in problems:
                label = _label(line, "error", wrap=True)
                label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self.error_labels.append(label)
                box_layout.addWidget(label)
            box_layout.addWidget(
                _label("Fix the file and save it: the deck reloads by itself.", "small")
            )
            self.list_layout.addWidget(box)
        if not groups and not problems:
            where = ", ".join(str(p) for p in deck_paths) or "the deck folder"
            self.list_layout.addWidget(
                _label(
                    f"No decks found in {where}. Put deck files (.yaml) there, or start "
                    "studyapp with --decks PATH.",
                    "muted",
                    wrap=True,
                )
            )
        self.list_layout.addStretch(1)
        ids = [r.deck_id for r in self.rows]
        self.selected_index = -1
        if self.rows:
            self.select_deck(previous if previous in ids else ids[0])

    def _changed_answers_box(self, questions: Sequence[str]) -> QFrame:
        """A note on cards whose answer changed, with the two ways forward."""
        box = QFrame()
        box.setProperty("role", "errorcard")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(18, 12, 18, 12)
        changed = len(questions)
        cards = count(changed, "card")
        layout.addWidget(
            _label(
                f"The answer of {cards} changed in the deck files since you studied "
                f"{'it' if changed == 1 else 'them'}. Start afresh, or keep your progress?",
                wrap=True,
            )
        )
        for question in questions[:5]:
            layout.addWidget(_label(f"•  {question}", "small", wrap=True))
        if changed > 5:
            layout.addWidget(_label(f"…and {changed - 5} more", "small"))
        buttons = QHBoxLayout()
        reset = _button("Start afresh")
        reset.clicked.connect(lambda: self.reset_changed_requested.emit())
        keep = _button("Keep my progress")
        keep.clicked.connect(lambda: self.keep_changed_requested.emit())
        buttons.addWidget(reset)
        buttons.addWidget(keep)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        box.reset_button = reset  # type: ignore[attr-defined]
        box.keep_button = keep  # type: ignore[attr-defined]
        return box

    # -- selection and keys --------------------------------------------------------------------

    def selected_deck_id(self) -> str | None:
        """The id of the deck under the keyboard selection, if any."""
        if 0 <= self.selected_index < len(self.rows):
            return self.rows[self.selected_index].deck_id
        return None

    def select_deck(self, deck_id: str) -> None:
        """Move the selection to ``deck_id`` (and scroll it into view)."""
        for index, row in enumerate(self.rows):
            row.set_selected(row.deck_id == deck_id)
            if row.deck_id == deck_id:
                self.selected_index = index
                self.scroll_area.ensureWidgetVisible(row, 0, 24)
                self.setAccessibleDescription(self._selection_description(row))
        self.setFocus()

    @staticmethod
    def _selection_description(row: DeckRow) -> str:
        """What a screen reader says of the library: the selected deck and the keys."""
        return f"{row.summary.deck.title} selected: {row.spoken()} {KEYS_DESCRIPTION}"

    def _keep_selection_in_view(self, _minimum: int = 0, _maximum: int = 0) -> None:
        if 0 <= self.selected_index < len(self.rows):
            self.scroll_area.ensureWidgetVisible(self.rows[self.selected_index], 0, 24)

    def move_selection(self, step: int) -> None:
        """Select the deck ``step`` rows below (negative: above), stopping at the ends."""
        if not self.rows:
            return
        index = max(0, min(len(self.rows) - 1, self.selected_index + step))
        self.select_deck(self.rows[index].deck_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Arrows move; R/Enter read; S/Space study; A studies all due."""
        key = event.key()
        if event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.MetaModifier
        ):
            super().keyPressEvent(event)  # Ctrl+letter belongs to the menus, never to a letter key
            return
        deck_id = self.selected_deck_id()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_J):
            self.move_selection(1)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_K):
            self.move_selection(-1)
        elif key in (Qt.Key.Key_R, Qt.Key.Key_Return, Qt.Key.Key_Enter) and deck_id:
            self.read_requested.emit(deck_id)
        elif key in (Qt.Key.Key_S, Qt.Key.Key_Space) and deck_id:
            row = self.rows[self.selected_index]
            if row.study_button.isEnabled():
                self.study_requested.emit(deck_id)
            else:
                self.message.emit(
                    f"Nothing to study in {row.summary.deck.title} now. "
                    f"{row.next_label.text()}. Read it (R) or quiz a section from the reader (Q)."
                )
        elif key == Qt.Key.Key_A and self.study_all_button.isEnabled():
            self.study_all_requested.emit()
        else:
            super().keyPressEvent(event)

"""Reading mode: a deck's outline beside the text of one section, read before quizzing.

The tree lists the sections numbered as in the source and indented by level, each with a
mastery dot (mean predicted recall of its cards) and a check mark once read. A section counts as
read once it is open and scrolled to the bottom (or fits without scrolling); the widget then
emits ``section_read``. Keys: N/J/Alt+Right next, P/K/Alt+Left previous, Q quiz this section,
E edit the deck file, Esc back to the library. :meth:`show_card_source` opens a card's section
with the card's source sentence highlighted.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QIcon,
    QKeyEvent,
    QPainter,
    QPixmap,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studyapp.gui.exam_views import ExamBadge
from studyapp.gui.reading_view import ReadingView
from studyapp.gui.theme import colors, mastery_color
from studyapp.model import Card, Deck, Section

SECTION_ROLE = Qt.ItemDataRole.UserRole
READ_MARK = "✓"
ROW_HEIGHT = 28  # outline rows: room to aim with the mouse, calm to read
KEYS_DESCRIPTION = (
    "N next section, P previous, Q quiz this section, E edit the deck file, Esc library."
)


def mastery_icon(mastery: float | None, size: int = 12) -> QIcon:
    """A small round dot in the mastery colour."""
    pixmap = QPixmap(size * 2, size * 2)
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(mastery_color(mastery)))
    painter.drawEllipse(2, 2, size - 4, size - 4)
    painter.end()
    return QIcon(pixmap)


class ReaderWidget(QWidget):
    """Outline tree beside the reading view, with navigation and "Quiz this section"."""

    section_opened = Signal(str, str)  # deck id, section id
    section_read = Signal(str, str)  # deck id, section id
    quiz_section_requested = Signal(str, str)  # deck id, section id
    edit_deck_requested = Signal(str)  # deck id
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.deck: Deck | None = None
        self.section: Section | None = None
        self.read: set[str] = set()
        self.mastery: dict[str, float | None] = {}
        self._items: dict[str, QTreeWidgetItem] = {}

        self.deck_title = QLabel("")
        self.deck_title.setTextFormat(Qt.TextFormat.PlainText)  # deck text is never HTML
        self.deck_title.setProperty("role", "subtitle")
        self.position_label = QLabel("")
        self.position_label.setProperty("role", "small")

        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderHidden(True)
        self.tree.setIndentation(14)
        self.tree.setIconSize(QSize(12, 12))
        self.tree.setUniformRowHeights(True)
        self.tree.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tree.setMinimumWidth(280)
        self.tree.currentItemChanged.connect(self._item_changed)
        self.tree.setAccessibleName("Outline")
        self.tree.setAccessibleDescription(
            "The deck's sections, each with its mastery and whether it is read. "
            "N and P open the next and previous section."
        )

        self.view = ReadingView()
        self.view.document().setDocumentMargin(0)
        self.view.verticalScrollBar().valueChanged.connect(self._check_read)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.prev_button = self._button("‹ Previous  P")
        self.next_button = self._button("Next  N ›")
        self.quiz_button = self._button("Quiz this section  Q", primary=True)
        self.edit_button = self._button("Edit deck file  E")
        self.back_button = self._button("Library  Esc")
        self.prev_button.clicked.connect(self.previous_section)
        self.next_button.clicked.connect(self.next_section)
        self.quiz_button.clicked.connect(self.request_quiz)
        self.edit_button.clicked.connect(self.request_edit)
        self.back_button.clicked.connect(lambda: self.back_requested.emit())

        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addSpacing(12)
        top.addWidget(self.deck_title, 1)
        self.exam_badge = ExamBadge()  # readiness for the deck's exam, per section
        self.section_opened.connect(lambda _deck, section: self.exam_badge.show_section(section))
        top.addWidget(self.exam_badge)
        top.addWidget(self.edit_button)

        nav = QHBoxLayout()
        nav.addWidget(self.prev_button)
        nav.addStretch(1)
        nav.addWidget(self.position_label)
        nav.addStretch(1)
        nav.addWidget(self.quiz_button)
        nav.addWidget(self.next_button)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(10)
        right_layout.addWidget(self.view, 1)
        right_layout.addLayout(nav)
        self.notice = QLabel("")
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setProperty("role", "notice")
        self.notice.setWordWrap(True)
        right_layout.addWidget(self.notice)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.tree)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([360, 820])
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Reader")
        self.setAccessibleDescription(KEYS_DESCRIPTION)
        for button, does in (
            (self.prev_button, "Open the previous section (P)"),
            (self.next_button, "Open the next section (N)"),
            (self.quiz_button, "Quiz the cards of this section (Q)"),
            (self.edit_button, "Open the deck file in your editor; saving reloads it (E)"),
            (self.back_button, "Back to the library (Esc)"),
        ):
            button.setAccessibleDescription(does)

    @staticmethod
    def _button(text: str, *, primary: bool = False) -> QPushButton:
        button = QPushButton(text)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        if primary:
            button.setProperty("primary", True)
        return button

    # -- content -------------------------------------------------------------------------------

    def open_deck(
        self,
        deck: Deck,
        read: Mapping[str, datetime] | set[str],
        mastery: Mapping[str, float | None],
        section_id: str | None = None,
    ) -> None:
        """Show ``deck``'s outline with read marks and mastery, opened at ``section_id``."""
        self.deck = deck
        self.read = set(read)
        self.mastery = dict(mastery)
        self.deck_title.setText(deck.title)
        self.notice.setText(deck.notice)
        self.notice.setVisible(bool(deck.notice))
        self.tree.blockSignals(True)
        self.tree.clear()
        self._items = {}
        parents: list[tuple[int, QTreeWidgetItem]] = []
        for section in deck.sections:
            label = f"{section.number}  {section.title}" if section.number else section.title
            while parents and parents[-1][0] >= section.level:
                parents.pop()
            item = QTreeWidgetItem([label, ""])
            item.setSizeHint(0, QSize(0, ROW_HEIGHT))
            item.setData(0, SECTION_ROLE, section.id)
            item.setToolTip(0, label)
            if parents:
                parents[-1][1].addChild(item)
            else:
                self.tree.addTopLevelItem(item)
            parents.append((section.level, item))
            self._items[section.id] = item
            self._decorate(section.id)
        self.tree.expandAll()
        self.tree.resizeColumnToContents(1)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, self.tree.header().ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, self.tree.header().ResizeMode.Fixed)
        self.tree.setColumnWidth(1, 22)
        self.tree.blockSignals(False)
        target = section_id if section_id and deck.section_by_id(section_id) else None
        if target is None and deck.sections:
            target = deck.sections[0].id
        self.section = None
        if target is not None:
            self.open_section(target)

    def update_progress(
        self, read: Mapping[str, datetime] | set[str], mastery: Mapping[str, float | None]
    ) -> None:
        """Refresh read marks and mastery dots (after a quiz) without moving."""
        self.read = set(read)
        self.mastery = dict(mastery)
        for section_id in self._items:
            self._decorate(section_id)

    def _decorate(self, section_id: str) -> None:
        """Draw the mastery dot and the read mark of one tree row."""
        item = self._items[section_id]
        value = self.mastery.get(section_id)
        item.setIcon(0, mastery_icon(value))
        done = section_id in self.read
        item.setText(1, READ_MARK if done else "")
        item.setForeground(1, QBrush(QColor(colors().good)))
        share = "no cards" if value is None else f"{round(value * 100)} % mastery"
        item.setToolTip(1, "read" if done else "not read yet")
        item.setToolTip(0, f"{item.text(0)} — {share}")
        # What a screen reader says for the row: the dot and the check mark are pictures.
        spoken = f"{item.text(0)}, {'read' if done else 'not read yet'}, {share}"
        item.setData(0, Qt.ItemDataRole.AccessibleTextRole, spoken)

    def is_read(self, section_id: str) -> bool:
        """Whether the section carries the read mark."""
        return section_id in self.read

    # -- navigation ----------------------------------------------------------------------------

    def open_section(self, section_id: str, highlight: str = "") -> None:
        """Show one section (optionally with a sentence highlighted) and select it in the tree."""
        if self.deck is None:
            return
        section = self.deck.section_by_id(section_id)
        if section is None:
            return
        changed = self.section is None or self.section.id != section.id
        self.section = section
        item = self._items.get(section_id)
        if item is not None and self.tree.currentItem() is not item:
            self.tree.blockSignals(True)
            self.tree.setCurrentItem(item)
            self.tree.blockSignals(False)
            self.tree.scrollToItem(item)
        self._render(section)
        index = self.deck.sections.index(section)
        self.position_label.setText(f"Section {index + 1} of {len(self.deck.sections)}")
        self.setAccessibleName(f"Reading {self.deck.title}")
        self.setAccessibleDescription(
            f"{section.number} {section.title}".strip()
            + f", section {index + 1} of {len(self.deck.sections)}. {KEYS_DESCRIPTION}"
        )
        self.prev_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(self.deck.sections) - 1)
        self.quiz_button.setEnabled(bool(self.deck.cards_in_section(section.id)))
        if highlight:
            self.highlight(highlight)
        else:
            self.view.verticalScrollBar().setValue(0)
        if changed:
            self.section_opened.emit(self.deck.id, section.id)
        QTimer.singleShot(0, lambda sid=section.id: self._check_read_of(sid))

    def _render(self, section: Section) -> None:
        """Heading, then the section's Markdown body (its images from the deck's folder)."""
        self.view.media.folder = self.deck.path.parent if self.deck and self.deck.path else None
        self.view.show_section(section)

    def highlight(self, sentence: str) -> bool:
        """Mark ``sentence`` in the shown text and scroll to it; False when it is not found."""
        return self.view.highlight(sentence)

    def show_card_source(self, card: Card) -> bool:
        """Open the section a card comes from with its source sentence highlighted."""
        if self.deck is None or not card.section:
            return False
        if self.deck.section_by_id(card.section) is None:
            return False
        self.open_section(card.section, highlight=card.source)
        return True

    def current_section_id(self) -> str | None:
        """The id of the section on screen."""
        return self.section.id if self.section else None

    def next_section(self) -> None:
        """Open the next section in source order."""
        self._step(1)

    def previous_section(self) -> None:
        """Open the previous section in source order."""
        self._step(-1)

    def _step(self, step: int) -> None:
        if self.deck is None or self.section is None:
            return
        index = self.deck.sections.index(self.section) + step
        if 0 <= index < len(self.deck.sections):
            self.open_section(self.deck.sections[index].id)

    def _item_changed(self, item: QTreeWidgetItem | None, _previous: object) -> None:
        if item is not None:
            self.open_section(str(item.data(0, SECTION_ROLE)))

    def request_quiz(self) -> None:
        """Ask for a quiz on the open section's cards."""
        if self.deck and self.section and self.deck.cards_in_section(self.section.id):
            self.quiz_section_requested.emit(self.deck.id, self.section.id)

    def request_edit(self) -> None:
        """Ask to open the deck file in the student's editor."""
        if self.deck is not None:
            self.edit_deck_requested.emit(self.deck.id)

    # -- reading progress ----------------------------------------------------------------------

    def _check_read_of(self, section_id: str) -> None:
        """Check the read rule for ``section_id`` if it is still the one on screen."""
        if self.section is not None and self.section.id == section_id:
            self._check_read()

    def _check_read(self, *_args: object) -> None:
        """Mark the section read once its end has been on screen (only while visible)."""
        if self.deck is None or self.section is None or self.section.id in self.read:
            return
        if not self.view.isVisible():
            return
        bar = self.view.verticalScrollBar()
        fits = self.view.document().size().height() <= self.view.viewport().height()
        at_end = bar.maximum() > 0 and bar.value() >= bar.maximum()
        if fits or at_end:
            self.read.add(self.section.id)
            self._decorate(self.section.id)
            self.section_read.emit(self.deck.id, self.section.id)

    def showEvent(self, event: QShowEvent) -> None:
        """A section shown while the reader was hidden is checked once it appears."""
        super().showEvent(event)
        if self.section is not None:
            QTimer.singleShot(0, lambda sid=self.section.id: self._check_read_of(sid))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """N/J/Alt+Right next, P/K/Alt+Left previous, Q quiz, E edit, Esc back; keys scroll."""
        key = event.key()
        if event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.MetaModifier
        ):
            super().keyPressEvent(event)  # Ctrl+letter belongs to the menus, never to a letter key
            return
        alt = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        if key in (Qt.Key.Key_N, Qt.Key.Key_J) or (alt and key == Qt.Key.Key_Right):
            self.next_section()
        elif key in (Qt.Key.Key_P, Qt.Key.Key_K) or (alt and key == Qt.Key.Key_Left):
            self.previous_section()
        elif key == Qt.Key.Key_Q:
            self.request_quiz()
        elif key == Qt.Key.Key_E:
            self.request_edit()
        elif key == Qt.Key.Key_Escape:
            self.back_requested.emit()
        elif key in (
            Qt.Key.Key_Down,
            Qt.Key.Key_Up,
            Qt.Key.Key_PageDown,
            Qt.Key.Key_PageUp,
            Qt.Key.Key_Space,
            Qt.Key.Key_Home,
            Qt.Key.Key_End,
        ):
            self._scroll(key)
        else:
            super().keyPressEvent(event)

    def _scroll(self, key: int) -> None:
        """Scroll the text by a line, a page, or to either end."""
        bar = self.view.verticalScrollBar()
        if key == Qt.Key.Key_Home:
            bar.setValue(0)
        elif key == Qt.Key.Key_End:
            bar.setValue(bar.maximum())
        elif key in (Qt.Key.Key_PageDown, Qt.Key.Key_Space):
            bar.setValue(bar.value() + bar.pageStep())
        elif key == Qt.Key.Key_PageUp:
            bar.setValue(bar.value() - bar.pageStep())
        elif key == Qt.Key.Key_Down:
            bar.setValue(bar.value() + bar.singleStep())
        elif key == Qt.Key.Key_Up:
            bar.setValue(bar.value() - bar.singleStep())


__all__ = ["ReaderWidget", "mastery_icon"]

"""The card browser: every card, searchable as you type, filtered, sorted, acted upon.

A window of its own (Go › Browse cards…, Ctrl+B) so it can stay open beside the study
screens. The search box filters as you type over question, answer, tags and section; the
combo boxes filter by deck, section, tag, type and status; a header click sorts. The panel on
the right shows the chosen card with its review history, and the buttons act on it: suspend
or unsuspend (Ctrl+J, as Anki), reset its progress, show it in its source section (Ctrl+Shift+S),
open its deck file at its line (Ctrl+E). "Custom study" starts a session on the cards shown:
their due and new cards, rescheduled as usual (Ctrl+Shift+R), or the first N of them as cram,
the schedule untouched (Ctrl+Shift+C): "cards I failed this week", "this section's hardest 20".

The table is :class:`~studyapp.study.card_list.CardTable` (no Qt), shown through
:class:`~studyapp.gui.card_table_model.CardTableModel`.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from studyapp.errors import StudyappError
from studyapp.model import Card, CardType, Deck
from studyapp.review_types import Rating
from studyapp.store.database import Store
from studyapp.study.card_list import (
    COLUMNS,
    STATUS_NAMES,
    CardFilter,
    CardTable,
    Column,
    Status,
    answer_of,
    describe_status,
    question_of,
)
from studyapp.study.leech import LEECH_LAPSES
from studyapp.study.scheduler import Scheduler
from studyapp.wording import count

_WIDTHS = {
    Column.DECK: 120,
    Column.SECTION: 130,
    Column.TYPE: 58,
    Column.TAGS: 80,
    Column.STATUS: 100,
    Column.DUE: 96,
    Column.INTERVAL: 72,
    Column.RECALL: 68,
    Column.LAPSES: 68,
}
_RATING_WORDS = {
    Rating.AGAIN: "Again",
    Rating.HARD: "Hard",
    Rating.GOOD: "Good",
    Rating.EASY: "Easy",
}


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


def load_table(
    store: Store, decks: Sequence[Deck], scheduler: Scheduler, now: datetime
) -> CardTable:
    """Every card of ``decks`` with its progress in ``store`` at ``now`` (no Qt: may run on
    a worker thread with a connection of its own)."""
    return CardTable(decks, store.card_progress(), scheduler, now)


class CardBrowser(QWidget):
    """The browser window over ``decks`` and the progress in ``store``."""

    show_in_source_requested = Signal(object)  # Card
    edit_requested = Signal(object)  # Card
    study_requested = Signal(object, bool)  # list of card ids, cram
    card_changed = Signal(str)  # card id: suspended, unsuspended or reset here

    def __init__(
        self,
        store: Store,
        decks: Sequence[Deck],
        scheduler: Scheduler,
        clock: Callable[[], datetime],
        parent: QWidget | None = None,
        table: CardTable | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle("Browse cards")
        self.resize(1100, 680)
        self.store = store
        self.decks = list(decks)
        self.scheduler = scheduler
        self.clock = clock
        self.table = table if table is not None else load_table(store, decks, scheduler, clock())
        from studyapp.gui.card_table_model import CardTableModel

        self.model = CardTableModel(self.table)

        self.search = QLineEdit()
        self.search.setPlaceholderText("Search question, answer, tags, section…")
        self.search.setClearButtonEnabled(True)
        self.deck_box = QComboBox()
        self.section_box = QComboBox()
        self.tag_box = QComboBox()
        self.type_box = QComboBox()
        self.status_box = QComboBox()
        self._fill_filters()

        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setVisible(False)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        for column, width in _WIDTHS.items():
            self.view.setColumnWidth(COLUMNS.index(column), width)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

        self.details = QTextBrowser()
        self.suspend_button = QPushButton("Suspend")
        self.reset_button = QPushButton("Reset progress")
        self.source_button = QPushButton("Show in source")
        self.edit_button = QPushButton("Edit in deck file")
        self.study_button = QPushButton("Study these (due and new)")
        self.cram_button = QPushButton("Cram these")
        self.cram_count = QSpinBox()
        self.cram_count.setRange(0, 9999)
        self.cram_count.setSpecialValueText("all")
        self.cram_count.setPrefix("first ")
        self.cram_count.setToolTip("Cram only the first N cards in the order shown (all: 0)")
        self.count_label = QLabel()
        self._describe_for_screen_readers()
        self._layout()
        self._connect()
        self._filter_changed()

    # -- building -------------------------------------------------------------------------------

    def _fill_filters(self) -> None:
        self.deck_box.addItem("All decks", "")
        for deck in self.decks:
            self.deck_box.addItem(deck.title, deck.id)
        self._fill_sections()
        self.tag_box.addItem("All tags", "")
        for tag in sorted(self.table.tags):
            self.tag_box.addItem(tag, tag)
        self.type_box.addItem("All types", None)
        for card_type in CardType:
            self.type_box.addItem(card_type.value, card_type.value)
        self.status_box.addItem("Any status", None)
        for status, name in STATUS_NAMES.items():
            self.status_box.addItem(name, int(status))

    def _fill_sections(self) -> None:
        deck = next((d for d in self.decks if d.id == self.deck_box.currentData()), None)
        self.section_box.blockSignals(True)
        self.section_box.clear()
        self.section_box.addItem("All sections", "")
        for section in deck.sections if deck is not None else ():
            indent = "  " * max(0, section.level - 1)
            self.section_box.addItem(
                f"{indent}{section.number} {section.title}".rstrip(), section.id
            )
        self.section_box.setEnabled(deck is not None)
        self.section_box.blockSignals(False)

    def _describe_for_screen_readers(self) -> None:
        """Names and the keys of each control, for screen readers."""
        for widget, name, description in (
            (
                self.search,
                "Search cards",
                "Words of the question, answer, tags or section (Ctrl+F)",
            ),
            (self.deck_box, "Deck", "Show the cards of one deck"),
            (self.section_box, "Section", "Show the cards of one section of the deck"),
            (self.tag_box, "Tag", "Show the cards with one tag"),
            (self.type_box, "Card type", "Show the cards of one type"),
            (self.status_box, "Status", "New, learning, due, suspended, buried, leech, ..."),
            (self.view, "Cards", "Click a column header to sort by it"),
            (self.details, "The chosen card", "Its answer, status and review history"),
            (self.suspend_button, "Suspend", "Suspend or unsuspend the card (Ctrl+J)"),
            (self.reset_button, "Reset progress", "Start the card afresh; its history is kept"),
            (
                self.source_button,
                "Show in source",
                "The card's section in the reader (Ctrl+Shift+S)",
            ),
            (self.edit_button, "Edit in deck file", "Open the deck file at the card (Ctrl+E)"),
            (
                self.study_button,
                "Study these",
                "Their due and new cards, rescheduled (Ctrl+Shift+R)",
            ),
            (self.cram_count, "How many to cram", "Only the first cards shown; all when 0"),
            (self.cram_button, "Cram these", "Practise them without scheduling (Ctrl+Shift+C)"),
        ):
            widget.setAccessibleName(name)
            widget.setAccessibleDescription(description)

    def _layout(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.search, 4)
        for box in (self.deck_box, self.section_box, self.tag_box, self.type_box, self.status_box):
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(8)
            filters.addWidget(box, 1)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.details, 1)
        for row in (
            (self.suspend_button, self.reset_button),
            (self.source_button, self.edit_button),
        ):
            line = QHBoxLayout()
            for button in row:
                line.addWidget(button)
            side_layout.addLayout(line)
        split = QSplitter()
        split.addWidget(self.view)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([860, 280])
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(QLabel("Custom study:"))
        bottom.addWidget(self.study_button)
        bottom.addWidget(self.cram_count)
        bottom.addWidget(self.cram_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)

    def _connect(self) -> None:
        self.search.textChanged.connect(self._filter_changed)
        self.deck_box.currentIndexChanged.connect(self._deck_changed)
        for box in (self.section_box, self.tag_box, self.type_box, self.status_box):
            box.currentIndexChanged.connect(self._filter_changed)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.model.modelReset.connect(self._model_reset)
        self.suspend_button.clicked.connect(self.toggle_suspended)
        self.reset_button.clicked.connect(self.reset_progress)
        self.source_button.clicked.connect(self._show_in_source)
        self.edit_button.clicked.connect(self._edit)
        self.study_button.clicked.connect(lambda: self.custom_study(cram=False))
        self.cram_button.clicked.connect(lambda: self.custom_study(cram=True))
        for keys, slot in (
            ("Ctrl+F", self.search.setFocus),
            ("Ctrl+J", self.toggle_suspended),
            ("Ctrl+Shift+S", self._show_in_source),
            ("Ctrl+E", self._edit),
            ("Ctrl+Shift+R", lambda: self.custom_study(cram=False)),
            ("Ctrl+Shift+C", lambda: self.custom_study(cram=True)),
            ("Ctrl+W", self.close),
            ("Escape", self.close),
        ):
            QShortcut(QKeySequence(keys), self, slot)  # type: ignore[call-overload]

    # -- filtering ------------------------------------------------------------------------------

    def _deck_changed(self) -> None:
        self._fill_sections()
        self._filter_changed()

    def current_filter(self) -> CardFilter:
        """The filter the controls describe."""
        return CardFilter(
            text=self.search.text(),
            deck_id=self.deck_box.currentData() or "",
            section_id=self.section_box.currentData() or "",
            tag=self.tag_box.currentData() or "",
            card_type=CardType(kind) if (kind := self.type_box.currentData()) else None,
            status=Status(status) if (status := self.status_box.currentData()) else None,
        )

    def _filter_changed(self) -> None:
        rule = self.current_filter()
        # Room for the question: no Deck column for one deck, no Tags column without tags.
        self.view.setColumnHidden(COLUMNS.index(Column.DECK), bool(rule.deck_id))
        self.view.setColumnHidden(COLUMNS.index(Column.TAGS), not self.table.tags)
        self.model.set_filter(rule)

    def set_status_filter(self, status: Status | None) -> None:
        """Show only cards with ``status`` (None: any)."""
        found = self.status_box.findData(None if status is None else int(status))
        self.status_box.setCurrentIndex(max(0, found))

    def _model_reset(self) -> None:
        shown = len(self.model.rows)
        status, leech = self.table.status, int(Status.LEECH)  # a plain int: per keystroke
        leeches = sum(1 for row in self.model.rows if status[row] & leech)
        text = f"{count(shown, 'card')} of {len(self.table):,}"
        if leeches:
            text += f" · {count(leeches, 'leech')} (lapsed {LEECH_LAPSES}+ times)"
        self.count_label.setText(text)
        if shown:
            self.view.selectionModel().setCurrentIndex(
                self.model.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        else:
            self._show_card(None)

    # -- the chosen card ------------------------------------------------------------------------

    def current_card(self) -> Card | None:
        """The card on the selected row."""
        return self.model.card_at(self.view.currentIndex().row())

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_card(self.model.card_at(current.row()))

    def _show_card(self, card: Card | None) -> None:
        for button in (
            self.suspend_button,
            self.reset_button,
            self.source_button,
            self.edit_button,
        ):
            button.setEnabled(card is not None)
        if card is None:
            self.details.setHtml("<p>No card matches.</p>")
            return
        row = self.table.index[card.id]
        status = self.table.status[row]
        self.suspend_button.setText("Unsuspend" if status & Status.SUSPENDED else "Suspend")
        parts = [
            f"<h3>{_escape(question_of(card))}</h3>",
            f"<p><b>Answer:</b> {_escape(answer_of(card))}</p>",
            f"<p>{_escape(self.table.decks[row].title)} › {_escape(self.table.section_titles[row])}"
            f" · {card.type.value}"
            + (
                f" · tags: {_escape(', '.join(tags))}"
                if (tags := self.table.card_tags[row])
                else ""
            )
            + "</p>",
            f"<p><b>{_escape(describe_status(status) or 'review')}</b>"
            + (f" · recall {self.table.text(row, Column.RECALL)}" if self.table.recall[row] else "")
            + f" · {count(self.table.lapses[row], 'lapse')}</p>",
        ]
        if status & Status.LEECH:
            parts.append(
                "<p><b>Leech:</b> this card keeps being forgotten. Rewording it, or splitting it "
                "into smaller cards, usually helps more than reviewing it again.</p>"
            )
        parts.append(self._history_html(card.id))
        self.details.setHtml("".join(parts))

    def _history_html(self, card_id: str) -> str:
        try:
            entries = self.store.reviews(card_id)
        except StudyappError as error:
            return f"<p>Review history unavailable: {_escape(str(error))}</p>"
        if not entries:
            return "<p>Never reviewed.</p>"
        rows = "".join(
            f"<tr><td>{e.reviewed_at.astimezone().strftime('%Y-%m-%d %H:%M')}</td>"
            f"<td>{_RATING_WORDS[e.rating]}</td><td>{e.mode.value}</td></tr>"
            for e in reversed(entries)
        )
        table = f"<table cellspacing='0' cellpadding='2'>{rows}</table>"
        return f"<p><b>Review history</b> ({len(entries)})</p>{table}"

    # -- actions --------------------------------------------------------------------------------

    def _refresh_card(self, card_id: str) -> None:
        progress = self.store.card_progress_of(card_id)
        if progress is not None:
            self.table.update(self.table.index[card_id], progress)
        self.model.refresh_row(card_id)
        self._show_card(self.current_card())
        self.card_changed.emit(card_id)

    def toggle_suspended(self) -> None:
        """Suspend the chosen card, or unsuspend it."""
        card = self.current_card()
        if card is None:
            return
        suspended = bool(self.table.status[self.table.index[card.id]] & Status.SUSPENDED)
        self._act(lambda: self.store.set_suspended(card.id, not suspended), card.id)

    def reset_progress(self) -> None:
        """Start the chosen card afresh (its history stays in the log)."""
        card = self.current_card()
        if card is not None:
            self._act(lambda: self.store.reset_card(card.id), card.id)

    def _act(self, action: Callable[[], None], card_id: str) -> None:
        try:
            action()
        except StudyappError as error:
            self.count_label.setText(f"Could not save: {error}")
            return
        self._refresh_card(card_id)

    def _show_in_source(self) -> None:
        card = self.current_card()
        if card is not None:
            self.show_in_source_requested.emit(card)

    def _edit(self) -> None:
        card = self.current_card()
        if card is not None:
            self.edit_requested.emit(card)

    def custom_study(self, *, cram: bool) -> None:
        """Study the cards shown: rescheduled (their due and new cards) or crammed (the first
        N in the order shown, or all)."""
        cards = self.model.shown_cards()
        limit = self.cram_count.value()
        if cram and limit:
            cards = cards[:limit]
        if cards:
            self.study_requested.emit([card.id for card in cards], cram)

    def reload(self, decks: Sequence[Deck], table: CardTable | None = None) -> None:
        """Show the decks and progress as they are now (after a session or a deck reload);
        ``table`` when it was already read (on a worker thread)."""
        self.decks = list(decks)
        if table is None:
            table = load_table(self.store, self.decks, self.scheduler, self.clock())
        self.table = table
        self.model.set_table(self.table)

"""The card browser's Qt model: a thin QAbstractTableModel over a :class:`CardTable`.

The table (Qt-free, :mod:`studyapp.study.card_list`) holds every card as columns; the model
only keeps the list of row numbers the current filter and sort give, so a new filter or sort
is one list computation and one model reset, whatever the number of cards.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from studyapp.model import Card
from studyapp.study.card_list import COLUMNS, CardFilter, CardTable, Column

_NUMERIC = {Column.DUE, Column.INTERVAL, Column.RECALL, Column.LAPSES}
_ModelIndex = QModelIndex | QPersistentModelIndex


class CardTableModel(QAbstractTableModel):
    """The rows of a :class:`CardTable` that match the filter, in the chosen order."""

    def __init__(self, table: CardTable | None = None) -> None:
        super().__init__()
        self.table = table
        self.rule = CardFilter()
        self.sort_column: Column | None = None
        self.descending = False
        self.rows: list[int] = list(range(len(table))) if table is not None else []

    # -- what Qt asks ---------------------------------------------------------------------------

    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if self.table is None or not index.isValid():
            return None
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.table.text(self.rows[index.row()], column)
        if role == Qt.ItemDataRole.ToolTipRole and column is Column.QUESTION:
            return self.table.text(self.rows[index.row()], column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section].value
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the shown rows by ``column`` (the view calls this when a header is clicked)."""
        self.sort_column = COLUMNS[column]
        self.descending = order == Qt.SortOrder.DescendingOrder
        self._recompute()

    # -- what the browser asks ------------------------------------------------------------------

    def set_table(self, table: CardTable) -> None:
        """Show a new table (after the decks or progress changed), keeping filter and sort."""
        self.table = table
        self._recompute()

    def set_filter(self, rule: CardFilter) -> None:
        """Show only the cards that match ``rule``."""
        self.rule = rule
        self._recompute()

    def card_at(self, row: int) -> Card | None:
        """The card shown on view row ``row``."""
        if self.table is None or not 0 <= row < len(self.rows):
            return None
        return self.table.cards[self.rows[row]]

    def row_of(self, card_id: str) -> int | None:
        """The view row showing ``card_id``, None when it is filtered out."""
        if self.table is None or card_id not in self.table.index:
            return None
        target = self.table.index[card_id]
        return next((n for n, row in enumerate(self.rows) if row == target), None)

    def shown_cards(self) -> list[Card]:
        """The cards shown, in the order shown."""
        return [] if self.table is None else [self.table.cards[row] for row in self.rows]

    def refresh_row(self, card_id: str) -> None:
        """Repaint the row of ``card_id`` (its table row was updated)."""
        row = self.row_of(card_id)
        if row is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def _recompute(self) -> None:
        self.beginResetModel()
        if self.table is None:
            self.rows = []
        else:
            rows = self.table.matching(self.rule)
            if self.sort_column is not None:
                rows = self.table.sorted_rows(rows, self.sort_column, self.descending)
            self.rows = rows
        self.endResetModel()

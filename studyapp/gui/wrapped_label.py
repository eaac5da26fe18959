"""A word-wrapped label that works out its height for a width once per text.

Qt asks a word-wrapped label for its height at a given width (``heightForWidth``) many times in
one layout pass (the box layouts, the scroll area, the window), and :class:`QLabel` lays its
whole text out again for each answer: with rich text, a full text-document layout every time.
On the quiz screen that was most of the time a reveal took. :class:`WrappedLabel` keeps the
answers for the texts it showed lately; anything that can change how the text is laid out
(font, style sheet, a theme change) arrives as a change event and forgets them.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QWidget

_KEPT = 64  # (text, width) answers kept before starting afresh: a few texts at a few widths


class WrappedLabel(QLabel):
    """A :class:`QLabel` with word wrap on whose ``heightForWidth`` is remembered."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self._heights: dict[tuple[str, int], int] = {}

    def heightForWidth(self, width: int) -> int:
        """The height the text needs at ``width``, computed once per text and width."""
        key = (self.text(), width)
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) >= _KEPT:
                self._heights.clear()
            height = self._heights[key] = super().heightForWidth(width)
        return height

    def changeEvent(self, event: QEvent) -> None:
        """A new font, style sheet or palette may lay the text out differently: forget."""
        self._heights.clear()
        super().changeEvent(event)

    def setTextFormat(self, text_format: Qt.TextFormat) -> None:
        """The same text in another format has another height."""
        self._heights.clear()
        super().setTextFormat(text_format)

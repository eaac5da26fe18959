"""The text of one section as the student reads it: heading, Markdown body, a calm column.

:class:`ReadingView` renders ``Section.body`` (Markdown: paragraphs, lists numbered as in the
source, ``**Term**:`` explanations, tables) under the section's number and title, with
generous line spacing and at most about 75 characters per line however wide the window is,
and can highlight one sentence (a card's ``source``) even where the Markdown put bold marks
inside it.

Deck text is Markdown without HTML: markup in a title or body is shown as the characters it
is, never rendered (a deck could otherwise hide text, restyle the page or show nothing at
all), and nothing is ever loaded on its behalf but its own pictures: an image file inside the
deck's folder and its typeset formulas (:class:`~studyapp.gui.rich_text.ReaderMedia`, by the
rule of :mod:`studyapp.decks.markup`); no other image, style sheet or page, local or remote.
A link opens in the browser only when the student clicks a web address.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QFontInfo,
    QImage,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextTable,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from studyapp.gui.rich_text import ReaderMedia
from studyapp.gui.theme import colors
from studyapp.model import Section

TABLE_COLUMN_EM = 12  # room for each column of a table: a long word fits, cells stay readable
MAX_TEXT_WIDTH_EM = 44  # about 70-75 characters per line of DejaVu Sans-like fonts
EMPTY_BODY = "*This section has no text of its own; see its subsections.*"
MARKDOWN = (
    QTextDocument.MarkdownFeature.MarkdownDialectGitHub
    | QTextDocument.MarkdownFeature.MarkdownNoHTML
)
"""How deck text is read: GitHub Markdown, with any HTML in it kept as plain text."""
WEB_SCHEMES = ("http", "https", "mailto")


def plain_text(markdown: str) -> str:
    """Markdown emphasis and code marks removed, whitespace collapsed (to find a sentence)."""
    text = re.sub(r"[*_`]+", "", markdown)
    return re.sub(r"\s+", " ", text).strip()


def open_web_link(url: QUrl) -> None:
    """Open a clicked web address in the browser; any other link (a file, a page inside the
    app) is ignored."""
    if url.scheme() in WEB_SCHEMES:
        QDesktopServices.openUrl(url)


class ReadingView(QTextBrowser):
    """The section text, kept to a comfortable line length however wide the window is."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.column_em = MAX_TEXT_WIDTH_EM  # the width of the text column, in em
        self.setOpenLinks(False)  # never navigate to a link's target inside the view
        self.anchorClicked.connect(open_web_link)
        self.media = ReaderMedia()  # its folder: the shown deck's, where its images are

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        """Nothing is loaded for deck text but the deck's own pictures (:class:`ReaderMedia`):
        no other image, style sheet or page, local or remote.

        Never None or an empty value: for those Qt reads a local file itself. An image is
        answered with its picture or one transparent pixel, anything else with empty text.
        """
        if kind == QTextDocument.ResourceType.ImageResource.value:
            column = MAX_TEXT_WIDTH_EM * self.fontMetrics().horizontalAdvance("M")
            size = round(QFontInfo(self.document().defaultFont()).pixelSize() * 1.2)
            text = name.toString() if isinstance(name, QUrl) else name
            picture = self.media.load(text, colors().text, size, column)
            if picture is not None:
                return picture
            blank = QImage(1, 1, QImage.Format.Format_ARGB32)
            blank.fill(Qt.GlobalColor.transparent)
            return blank
        return ""

    def show_section(self, section: Section) -> None:
        """Heading (number and title), then the body, with 1.45 line spacing."""
        heading = f"{section.number} {section.title}".strip()
        marks = "#" * min(max(section.level, 1), 3)
        body = self.media.prepare(section.body or EMPTY_BODY)
        self.document().setMarkdown(f"{marks} {heading}\n\n{body}\n", MARKDOWN)
        self.media.align_formulas(self.document())
        self.setExtraSelections([])
        spacing = QTextBlockFormat()
        spacing.setLineHeight(145.0, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        spacing.setBottomMargin(10.0)
        cursor = QTextCursor(self.document())
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.mergeBlockFormat(spacing)
        tables = [f for f in self.document().rootFrame().childFrames() if isinstance(f, QTextTable)]
        widest = max((table.columns() for table in tables), default=0)
        self.column_em = max(MAX_TEXT_WIDTH_EM, TABLE_COLUMN_EM * widest)
        self.fit_column()

    def highlight(self, sentence: str) -> bool:
        """Mark ``sentence`` and scroll to it; False when it is not in the text.

        Markdown marks are ignored, and a long sentence is matched by its beginning when the
        rendered text differs further on.
        """
        target = plain_text(sentence)
        doc = self.document()
        found = QTextCursor()
        for probe in (target, target[:80], target[:40]):
            if not probe:
                continue
            found = doc.find(probe)
            if not found.isNull():
                break
        if found.isNull():
            return False
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(colors().highlight))
        selection = QTextEdit.ExtraSelection()
        selection.cursor = found
        selection.format = fmt
        self.setExtraSelections([selection])
        self.setTextCursor(found)
        self.ensureCursorVisible()
        return True

    def fit_column(self) -> None:
        """Center a column of at most ``MAX_TEXT_WIDTH_EM`` em with the root frame's margins
        (wider for a wide table, so its cells do not break words in the middle)."""
        em = self.fontMetrics().horizontalAdvance("M")
        column = self.column_em * em
        side = max(28, (self.viewport().width() - column) // 2)
        root = self.document().rootFrame()
        fmt = root.frameFormat()
        if fmt.leftMargin() != side or fmt.topMargin() != 24:
            fmt.setLeftMargin(side)
            fmt.setRightMargin(side)
            fmt.setTopMargin(24)
            fmt.setBottomMargin(32)
            root.setFrameFormat(fmt)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep the column centred as the window changes size."""
        super().resizeEvent(event)
        self.fit_column()

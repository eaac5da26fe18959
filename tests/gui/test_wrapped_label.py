"""A wrapped label remembers its heights but always gives the height its text needs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel

from studyapp.gui.wrapped_label import WrappedLabel

SHORT = "A short line."
LONG = " ".join(["Ketamine blocks the <b>NMDA</b> receptor in the spinal cord."] * 6)


def plain_label(text: str, font: QFont) -> QLabel:
    """Qt's own label with the same text and font, the reference."""
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setFont(font)
    label.setText(text)
    return label


def test_heights_follow_text_and_font_as_qlabel_gives_them(qtbot):
    """Long text is taller, the short text's height comes back, a bigger font is taller."""
    label = WrappedLabel()
    qtbot.addWidget(label)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setText(SHORT)
    short = label.heightForWidth(300)
    assert short == plain_label(SHORT, label.font()).heightForWidth(300)
    label.setText(LONG)
    assert label.heightForWidth(300) == plain_label(LONG, label.font()).heightForWidth(300)
    assert label.heightForWidth(300) > 3 * short
    assert label.heightForWidth(600) < label.heightForWidth(300)
    label.setText(SHORT)
    assert label.heightForWidth(300) == short
    bigger = QFont(label.font())
    bigger.setPointSizeF(bigger.pointSizeF() * 2)
    label.setFont(bigger)
    assert label.heightForWidth(300) == plain_label(SHORT, bigger).heightForWidth(300) > short


def test_a_style_sheet_change_is_taken_into_account(qtbot):
    """Padding from a style sheet, as a theme sets it, changes the height at once."""
    label = WrappedLabel()
    qtbot.addWidget(label)
    label.setText(LONG)
    label.show()
    before = label.heightForWidth(400)
    padded = "QLabel { padding: 20px; }"
    label.setStyleSheet(padded)
    reference = plain_label(LONG, label.font())
    qtbot.addWidget(reference)
    reference.setTextFormat(Qt.TextFormat.AutoText)
    reference.setStyleSheet(padded)
    reference.show()
    assert label.heightForWidth(400) == reference.heightForWidth(400) > before + 30

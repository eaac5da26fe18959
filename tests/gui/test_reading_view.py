"""The reading text: a comfortable line length, Markdown rendered, sentences found and marked."""

from __future__ import annotations

from studyapp.gui.reading_view import MAX_TEXT_WIDTH_EM, ReadingView, plain_text
from studyapp.model import Section

BODY = (
    "**NMDA receptor**: ketamine blocks the NMDA receptor. "
    "It keeps airway reflexes and breathing largely intact.\n\n"
    "- **Induction**: 1 to 2 mg/kg intravenously.\n- **Recovery**: usually calm."
)


def view(qtbot, width: int) -> ReadingView:
    widget = ReadingView()
    qtbot.addWidget(widget)
    widget.resize(width, 500)
    widget.show()
    qtbot.waitExposed(widget)
    widget.show_section(Section(id="I.A", number="A.", title="Mechanism", level=2, body=BODY))
    return widget


def test_lines_stay_short_on_a_wide_window(qtbot):
    """On a very wide window the text keeps a column of about 70-75 characters."""
    narrow, wide = view(qtbot, 400), view(qtbot, 1800)
    em = wide.fontMetrics().horizontalAdvance("M")
    wide_column = (
        wide.viewport().width() - 2 * wide.document().rootFrame().frameFormat().leftMargin()
    )
    assert wide_column <= MAX_TEXT_WIDTH_EM * em + 2
    assert narrow.document().rootFrame().frameFormat().leftMargin() == 28


def test_heading_and_markdown_are_rendered(qtbot):
    """The heading shows number and title; bold marks and list dashes are rendered, not shown."""
    text = view(qtbot, 900).toPlainText()
    assert text.startswith("A. Mechanism")
    assert "**" not in text and "- **" not in text
    assert "Induction: 1 to 2 mg/kg intravenously." in text


def test_highlight_marks_a_sentence_across_bold_marks(qtbot):
    """A source sentence written with **bold** in the Markdown is still found and marked."""
    widget = view(qtbot, 900)
    assert widget.highlight("**NMDA receptor**: ketamine blocks the NMDA receptor.")
    [selection] = widget.extraSelections()
    assert selection.cursor.selectedText() == "NMDA receptor: ketamine blocks the NMDA receptor."


def test_highlight_reports_a_sentence_that_is_not_there(qtbot):
    """A sentence that is not in the section is reported as not found, nothing is marked."""
    widget = view(qtbot, 900)
    assert not widget.highlight("Ketamine is a gas at room temperature.")
    assert widget.extraSelections() == []


def test_plain_text_drops_markdown_marks():
    """Stars, underscores and backticks go; runs of spaces become one."""
    assert plain_text("**Term**:  the `code`   and _this_") == "Term: the code and this"

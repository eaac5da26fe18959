"""The reading text: a comfortable line length, Markdown rendered, sentences found and marked."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor

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


def _shown(qtbot, body: str) -> ReadingView:
    widget = ReadingView()
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    qtbot.waitExposed(widget)
    widget.show_section(Section(id="2", number="2", title="Tables and steps", level=1, body=body))
    return widget


def test_a_table_is_shown_as_a_table(qtbot):
    """A table of the source (Markdown in the deck) is a real table with its cells, no pipes."""
    body = "| Class | Solubility |\n| --- | --- |\n| Class I | High |\n| Class II | Low |"
    widget = _shown(qtbot, body)
    cursor = QTextCursor(widget.document())
    tables = []
    while not cursor.atEnd():
        table = cursor.currentTable()
        if table is not None and table not in tables:
            tables.append(table)
        cursor.movePosition(QTextCursor.MoveOperation.NextBlock)
    assert len(tables) == 1
    table = tables[0]
    assert (table.rows(), table.columns()) == (3, 2)
    assert table.cellAt(2, 0).firstCursorPosition().block().text() == "Class II"
    assert "|" not in widget.toPlainText()


def test_numbered_steps_keep_the_numbers_of_the_source(qtbot):
    """Steps 3 to 5 after a paragraph are numbered 3 to 5, not restarted at 1."""
    body = "1. Stain.\n2. Rinse.\n\nThen the iodine.\n\n3. Cover.\n4. Decolorize.\n5. Counterstain."
    widget = _shown(qtbot, body)
    starts = {}
    block = widget.document().begin()
    while block.isValid():
        if block.textList() is not None:
            text_list = block.textList()
            starts[block.text()] = text_list.format().start() + text_list.itemNumber(block)
        block = block.next()
    assert starts == {
        "Stain.": 1,
        "Rinse.": 2,
        "Cover.": 3,
        "Decolorize.": 4,
        "Counterstain.": 5,
    }


def test_a_wide_table_widens_the_column_so_words_are_not_cut(qtbot):
    """A five-column table gets a wider column than prose, so its cells keep whole words."""
    row = "| Nicotinic agonists | Nicotine | Mimic ACh | Mimic ACh | Conflicting signals |"
    body = "| A | B | C | D | E |\n| --- | --- | --- | --- | --- |\n" + row
    wide = _shown(qtbot, body)
    prose = _shown(qtbot, "Just a paragraph of text.")
    assert prose.column_em == MAX_TEXT_WIDTH_EM
    assert wide.column_em > MAX_TEXT_WIDTH_EM
    assert wide.horizontalScrollBar().maximum() == 0

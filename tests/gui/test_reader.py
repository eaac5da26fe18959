"""Reading mode: outline, navigation keys, read marks, quiz and edit requests, show in source."""

from __future__ import annotations

from PySide6.QtCore import Qt

from studyapp.gui.reader import READ_MARK, ReaderWidget
from tests.gui.decks import IMAGE_NAME, anesthesia_deck, html_deck


def reader(qtbot, section: str | None = None, read: set[str] | None = None) -> ReaderWidget:
    """A reader on the anesthesia deck, shown at 900x600."""
    widget = ReaderWidget()
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    qtbot.waitExposed(widget)
    deck = anesthesia_deck()
    widget.open_deck(deck, read or set(), {s.id: 0.0 for s in deck.sections}, section)
    return widget


def test_outline_is_numbered_as_in_the_source_and_nested(qtbot):
    """The tree shows "A.  Mechanism" under "I.  Ketamine in anesthesia", and 1. under B."""
    widget = reader(qtbot)
    top = widget.tree.topLevelItem(0)
    assert top.text(0) == "I.  Ketamine in anesthesia"
    assert [top.child(i).text(0) for i in range(top.childCount())] == [
        "A.  Mechanism",
        "B.  Dosing and monitoring",
        "C.  Side effects",
    ]
    assert top.child(1).child(0).text(0) == "1.  Children"


def test_text_shows_heading_and_markdown_body(qtbot):
    """The section's number and title head its text; **bold** terms render bold, not as stars."""
    widget = reader(qtbot, "I.A")
    text = widget.view.toPlainText()
    assert text.startswith("A. Mechanism")
    assert "NMDA receptor: ketamine blocks" in text
    assert "**" not in text


def test_next_and_previous_keys_move_through_sections(qtbot):
    """N, J and Alt+Right go forward; P, K and Alt+Left go back, in source order."""
    widget = reader(qtbot)
    qtbot.keyClick(widget, Qt.Key.Key_N)
    assert widget.current_section_id() == "I.A"
    qtbot.keyClick(widget, Qt.Key.Key_J)
    assert widget.current_section_id() == "I.B"
    qtbot.keyClick(widget, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert widget.current_section_id() == "I.B.1"
    qtbot.keyClick(widget, Qt.Key.Key_P)
    qtbot.keyClick(widget, Qt.Key.Key_K)
    assert widget.current_section_id() == "I.A"
    qtbot.keyClick(widget, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(widget, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert widget.current_section_id() == "I"
    assert widget.tree.currentItem().text(0) == "I.  Ketamine in anesthesia"


def test_opens_where_the_student_left_off(qtbot):
    """Opening a deck at a saved section shows that section."""
    widget = reader(qtbot, "I.C")
    assert widget.current_section_id() == "I.C"
    assert widget.view.toPlainText().startswith("C. Side effects")


def test_short_section_counts_as_read_once_opened(qtbot):
    """A section that fits without scrolling gets its check mark as soon as it is shown."""
    widget = reader(qtbot)
    qtbot.waitUntil(lambda: widget.is_read("I"))
    with qtbot.waitSignal(widget.section_read) as read:
        qtbot.keyClick(widget, Qt.Key.Key_N)
    assert read.args == ["ketamine-anesthesia", "I.A"]
    assert widget.tree.currentItem().text(1) == READ_MARK


def test_long_section_counts_as_read_only_at_the_bottom(qtbot):
    """A long section is read once scrolled to its end (End key), not just by opening it."""
    widget = reader(qtbot, "I.A")
    with qtbot.assertNotEmitted(widget.section_read, wait=50):
        widget.open_section("I.B")
    assert widget.view.verticalScrollBar().maximum() > 0
    assert not widget.is_read("I.B")
    with qtbot.waitSignal(widget.section_read) as read:
        qtbot.keyClick(widget, Qt.Key.Key_End)
    assert read.args == ["ketamine-anesthesia", "I.B"]
    assert widget.is_read("I.B")


def test_already_read_sections_show_their_mark(qtbot):
    """Sections read in an earlier session carry the check mark in the outline."""
    widget = reader(qtbot, read={"I.C"})
    item = widget.tree.topLevelItem(0).child(2)
    assert item.text(0) == "C.  Side effects" and item.text(1) == READ_MARK


def test_q_asks_to_quiz_the_open_section(qtbot):
    """Q asks for a quiz on the open section's cards."""
    widget = reader(qtbot, "I.C")
    with qtbot.waitSignal(widget.quiz_section_requested) as quiz:
        qtbot.keyClick(widget, Qt.Key.Key_Q)
    assert quiz.args == ["ketamine-anesthesia", "I.C"]


def test_e_asks_to_edit_the_deck_file(qtbot):
    """E asks to open the deck's file in an editor."""
    widget = reader(qtbot)
    with qtbot.waitSignal(widget.edit_deck_requested) as edit:
        qtbot.keyClick(widget, Qt.Key.Key_E)
    assert edit.args == ["ketamine-anesthesia"]


def test_show_card_source_opens_the_section_with_the_sentence_highlighted(qtbot):
    """A card's source sentence is highlighted in its section, even across **bold** marks."""
    widget = reader(qtbot)
    deck = anesthesia_deck()
    card = next(c for c in deck.cards if c.id == "an-1")
    assert widget.show_card_source(card)
    assert widget.current_section_id() == "I"
    [selection] = widget.view.extraSelections()
    assert selection.cursor.selectedText() == card.source
    card = next(c for c in deck.cards if c.id == "an-5")
    assert widget.show_card_source(card)
    assert widget.current_section_id() == "I.B.1"
    [selection] = widget.view.extraSelections()
    assert selection.cursor.selectedText() == card.source


def test_mastery_dots_follow_progress(qtbot):
    """Updating progress recolours a section's dot and adds read marks without moving."""
    widget = reader(qtbot, "I.C")
    item = widget.tree.topLevelItem(0).child(0)
    before = item.icon(0).pixmap(12, 12).toImage()
    widget.update_progress({"I.A"}, {"I.A": 0.95})
    after = item.icon(0).pixmap(12, 12).toImage()
    assert before != after
    assert item.text(1) == READ_MARK
    assert widget.current_section_id() == "I.C"


def test_deck_notice_is_shown_with_the_text(qtbot):
    """The deck's notice (not medical advice) stays visible under the reading text."""
    widget = reader(qtbot)
    assert widget.notice.isVisible()
    assert "not medical advice" in widget.notice.text()


def test_control_letters_are_not_reader_keys(qtbot):
    """Ctrl+Q or Ctrl+E (menu shortcuts elsewhere) neither start a quiz nor open the file."""
    widget = reader(qtbot)
    quiz_signals, edit_signals = [], []
    widget.quiz_section_requested.connect(lambda *args: quiz_signals.append(args))
    widget.edit_deck_requested.connect(lambda *args: edit_signals.append(args))
    qtbot.keyClick(widget, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert quiz_signals == [] and edit_signals == []
    qtbot.keyClick(widget, Qt.Key.Key_Q)
    assert len(quiz_signals) == 1


def test_html_in_a_deck_is_shown_as_text_and_loads_nothing(qtbot, tmp_path):
    """A deck whose title, notice and section are HTML shows that markup as the characters it
    is: the notice cannot be hidden, the page is not blank, and no image is loaded."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QImage, QTextDocument

    image = tmp_path / IMAGE_NAME
    QImage(4, 4, QImage.Format.Format_RGB32).save(str(image))
    deck = html_deck(tmp_path)
    widget = ReaderWidget()
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    qtbot.waitExposed(widget)
    widget.open_deck(deck, set(), {"I": 0.0}, "I")
    for label, text in ((widget.deck_title, deck.title), (widget.notice, deck.notice)):
        assert label.textFormat() is Qt.TextFormat.PlainText and label.text() == text
    assert widget.notice.isVisible()
    shown = widget.view.toPlainText()
    assert shown.startswith('I. <span style="display:none">Hidden</span>Heading')
    assert '<div style="display:none">The whole body.</div>' in shown
    document = widget.view.document()
    loaded = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(image.as_uri()))
    assert loaded.size().width() <= 1  # a blank pixel in its place: the file was not read
    widget.view.anchorClicked.emit(QUrl("file:///etc/hostname"))  # a click on the link
    assert widget.view.source().isEmpty() and widget.view.toPlainText() == shown

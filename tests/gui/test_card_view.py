"""Each card type is drawn as a student expects: blanks, lists, choices and the typed diff."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from studyapp.gui.card_view import CardView, diff_html, inline_html, list_html, verdict_text
from studyapp.model import Card, CardType
from studyapp.study.answers import check_typed


def test_inline_text_is_escaped_with_bold_kept():
    """Markup in card text is shown literally, except **bold**."""
    assert inline_html("a <b>x</b> & **NMDA**") == "a &lt;b&gt;x&lt;/b&gt; &amp; <b>NMDA</b>"


def test_lists_are_numbered_only_when_ordered():
    """Ordered list cards show numbers, unordered ones bullets."""
    assert list_html(["IV", "IM"], ordered=True).startswith("<ol")
    assert list_html(["IV", "IM"], ordered=False).startswith("<ul")
    assert list_html(["IV", "IM"], ordered=True).count("<li") == 2


def test_typed_diff_marks_wrong_and_missing_parts():
    """A wrong letter is struck through in the typed line; a missing one underlined."""
    card = Card("t", CardType.TYPED, "Metabolite?", "norketamine")
    html = diff_html(check_typed("norketamime", card))
    typed_row, expected_row = html.split("</tr>")[:2]
    assert "line-through" in typed_row and "underline" not in typed_row
    assert "underline" in expected_row and "line-through" not in expected_row
    assert verdict_text(check_typed("norketamine", card)) == ("✓ Correct", "good")
    assert verdict_text(check_typed("propofol", card))[1] == "again"


def test_an_answer_typed_as_an_accepted_variant_also_shows_the_card_s_answer():
    """'435' typed for a timeline's 'A.D. 435' is right against the variant, and the view
    adds the card's own answer on a row of its own; an answer typed as the card's has none."""
    card = Card("t", CardType.TYPED, "When did the Goths sack Rome?", "A.D. 435", accept=("435",))
    rows = diff_html(check_typed("435", card)).split("</tr>")
    assert "Answer" in rows[2] and "A.D. 435" in rows[2]
    assert "Answer" not in diff_html(check_typed("A.D. 435", card))


def test_view_shows_and_hides_parts_per_type(qtbot):
    """Question side hides the answer; a list card shows its items on reveal."""
    view = CardView()
    qtbot.addWidget(view)
    view.show()
    card = Card("l", CardType.LIST, "Routes?", items=("IV", "IM"), source="Given IV or IM.")
    view.show_question(card, "Deck")
    assert not view.answer.isVisible() and not view.typed.isVisible()
    view.show_answer(card, None)
    assert view.answer.isVisible() and "IM" in view.answer.text()
    assert view.source.isVisible() and "Given IV or IM." in view.source.text()
    typed = Card("t", CardType.TYPED, "Metabolite?", "norketamine")
    view.show_question(typed, "")
    assert view.typed.isVisible() and not view.context.isVisible()
    with qtbot.waitSignal(view.typed_submitted) as submitted:
        qtbot.keyClicks(view.typed, "norket 2")
        qtbot.keyClick(view.typed, Qt.Key.Key_Return)
    assert submitted.args == ["norket 2"]


def test_source_line_is_left_out_when_it_repeats_the_card(qtbot):
    """A cloze made from its whole source sentence does not show that sentence twice."""
    view = CardView()
    qtbot.addWidget(view)
    view.show()
    sentence = "Ketamine keeps airway reflexes intact."
    same = Card(
        "z", CardType.CLOZE, text="Ketamine keeps {{c1::airway reflexes}} intact.", source=sentence
    )
    view.show_question(same, "")
    view.show_answer(same, None)
    assert not view.source.isVisible()
    other = Card("b", CardType.BASIC, "What stays intact?", "Airway reflexes", source=sentence)
    view.show_question(other, "")
    view.show_answer(other, None)
    assert view.source.isVisible() and sentence in view.source.text()


def test_each_choice_card_shows_only_its_own_plain_options(qtbot, qapp):
    """After a marked four-option card, a two-option card shows two plain options that pick
    their own numbers; a theme change recolours them."""
    from studyapp.gui import theme
    from studyapp.study.answers import check_choice

    view = CardView()
    qtbot.addWidget(view)
    view.show()
    four = Card("m4", CardType.CHOICE, "Enzyme?", "CYP3A4", distractors=("A", "B", "C"))
    view.show_question(four, "", ["A", "CYP3A4", "B", "C"])
    view.show_answer(four, check_choice("A", four))
    assert [b.property("state") for b in view.option_buttons] == ["wrong", "right", "dim", "dim"]
    two = Card("m2", CardType.CHOICE, "Receptor?", "NMDA", distractors=("GABA-A",))
    view.show_question(two, "", ["GABA-A", "NMDA"])
    shown = [b for b in view.findChildren(QPushButton) if b.isVisible()]
    assert (
        [b.text() for b in shown]
        == ["1   GABA-A", "2   NMDA"]
        == [b.text() for b in view.option_buttons]
    )
    assert all(b.property("state") == "" for b in shown)
    with qtbot.waitSignal(view.option_chosen) as chosen:
        qtbot.mouseClick(shown[1], Qt.MouseButton.LeftButton)
    assert chosen.args == [1]
    try:
        dark = theme.apply_theme(qapp, "dark")
        view.show_question(two, "", ["GABA-A", "NMDA"])
        view.show_answer(two, check_choice("GABA-A", two))
        assert dark.good in view.options_box.styleSheet()
    finally:
        theme.apply_theme(qapp, "light")

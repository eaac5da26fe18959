"""Editors' notes of plain-text books never reach a card or the reading material as markup."""

from __future__ import annotations

from studyapp.cards.generate import generate_decks
from studyapp.outline.editorial import editorial_notes
from studyapp.outline.parse import parse_outline

PHYSIOLOGY = """\
CHAPTER I

THE CIRCULATION OF THE BLOOD

The heart is a hollow muscular organ which pumps the blood through the
vessels of the body.[1] It lies in the chest between the lungs.

[Illustration: Fig. 12.--The heart and the great vessels, seen from
the front.]

The arteries carry the blood away from the heart. Their walls are thick
and elastic, so that they can bear the pressure of each beat.[2]

[Footnote 1: Harvey first described the circulation of the blood in 1628.]

[Footnote 2: The pulse is the wave of pressure felt in an artery.]

[Sidenote: Veins.] The veins bring the blood back to the heart. They have
valves which prevent the blood from flowing backwards.
"""

HISTORY = """\
# The Reformation

Luther posted his theses in Wittenberg in 1517.[A] The Diet of Worms
condemned him in 1521.

[Footnote A: The theses were written in Latin
and addressed to the Archbishop of Mainz.]

[Transcriber's Note: Obvious printer's errors have been corrected.]
"""


def test_pictures_and_transcribers_notes_are_blanked_and_lines_keep_their_numbers():
    """'[Illustration: ...]' over two lines and a transcriber's note leave blank lines."""
    lines = PHYSIOLOGY.splitlines()
    out = editorial_notes(lines)
    assert len(out) == len(lines)
    assert out[8:10] == ["", ""]
    assert not any("Illustration" in line or "Transcriber" in line for line in out)
    assert not any("Transcriber" in line for line in editorial_notes(HISTORY.splitlines()))


def test_a_footnote_becomes_a_paragraph_of_its_own_text_and_its_mark_goes():
    """'[Footnote 1: Harvey ...]' reads 'Harvey ...'; 'body.[1] It' reads 'body. It' (physiology
    and history alike)."""
    out = editorial_notes(PHYSIOLOGY.splitlines())
    assert "Harvey first described the circulation of the blood in 1628." in out
    assert "vessels of the body. It lies in the chest between the lungs." in out
    history = editorial_notes(HISTORY.splitlines())
    assert history[2] == "Luther posted his theses in Wittenberg in 1517. The Diet of Worms"
    assert history[5:7] == [
        "The theses were written in Latin",
        "and addressed to the Archbishop of Mainz.",
    ]


def test_a_sidenote_goes_and_the_text_after_it_stays():
    """'[Sidenote: Veins.] The veins bring ...' reads 'The veins bring ...'."""
    out = editorial_notes(PHYSIOLOGY.splitlines())
    assert "The veins bring the blood back to the heart. They have" in out


def test_brackets_that_are_not_notes_are_kept():
    """A list index in code, a link's text and an unclosed bracket are left alone."""
    lines = ["Use `items[1]` for the second item.", "See [the guide](x.md).", "[Note: unclosed"]
    assert editorial_notes(lines) == lines


def test_cards_from_a_book_with_notes_carry_no_brackets_and_ask_the_footnotes():
    """No card of the physiology chapter shows a bracketed note or mark; its footnote is asked."""
    decks = generate_decks(parse_outline(PHYSIOLOGY), prefix="p")
    cards = [c for d in decks for c in d.cards]
    shown = [c.question or c.text for c in cards] + [c.source for c in cards]
    assert not any("[Footnote" in s or "[1]" in s or "Illustration" in s for s in shown)
    assert any("Harvey" in s or "pulse" in s for s in shown)
    bodies = "\n".join(s.body for d in decks for s in d.sections)
    assert "[Illustration" not in bodies and "[Sidenote" not in bodies


def test_html_note_marks_go_and_powers_stay():
    """'Illinois v. Gates.<sup>32</sup> It' reads 'Gates. It' (law), 'Underwood<sup>55</sup>'
    reads 'Underwood'; 'm<sup>2</sup>' and '10<sup>6</sup>' (physics) keep their powers."""
    line = (
        "The court relied on Illinois v. Gates.<sup>32</sup> In U.S. v. Underwood<sup>55</sup>"
        " it agreed. The plate is 5 m<sup>2</sup> with 10<sup>6</sup> cells."
    )
    (out,) = editorial_notes([line])
    assert "Gates. In U.S. v. Underwood it agreed." in out
    assert "m<sup>2</sup>" in out and "10<sup>6</sup>" in out


def test_paragraph_numbers_go_where_the_text_numbers_its_paragraphs():
    """A law book ("1 Jurisprudence is ...", "2 Having laid down ...") and a classic number
    their paragraphs, starting again in each chapter: the numbers go, never reaching a card as
    "What is 1 Jurisprudence?"; the text and the line count stay."""
    for lines in (
        [
            "TITLE I",
            "",
            "Justice is the constant purpose.",
            "",
            "1 Jurisprudence is the",
            "knowledge of things divine.",
            "",
            "2 Having laid down these definitions,",
            "we begin.",
            "",
            "TITLE II",
            "",
            "1 The law of nature is what all animals know.",
            "",
            "2 Civil law takes its name from the state.",
        ],
        [
            "BOOK I",
            "",
            "1 Every art aims at some good.",
            "",
            "2 If there is an end we",
            "desire for itself, it is the chief good.",
            "",
            "3 Our account will be adequate.",
        ],
    ):
        out = editorial_notes(lines)
        assert len(out) == len(lines)
        opened = [line for at, line in enumerate(out) if line and (at == 0 or not out[at - 1])]
        assert not any(line[:1].isdigit() for line in opened), opened
    assert editorial_notes(["1 Jurisprudence is the", "knowledge."])[0] == "1 Jurisprudence is the"


def test_a_count_opening_a_paragraph_is_no_paragraph_number():
    """ "3 Men went out at dawn" once in a text is a count, not a numbering: it stays."""
    lines = ["The raid", "", "3 Men went out at dawn.", "", "They came back at noon."]
    assert editorial_notes(lines) == lines


def test_a_note_printed_at_the_chapter_end_loses_its_mark():
    """ "[8] At the Second Council there were ..." is the note's own text: the mark goes."""
    out = editorial_notes(["The end.", "", "[8] At the Second Council there were two pupils."])
    assert out[2] == "At the Second Council there were two pupils."


def test_a_note_mark_after_emphasis_goes():
    """ "A _Deva_[2] appeared" (a catechism) and "this view?_[6]" lose their note marks."""
    out = editorial_notes(["A  A _Deva_[2] appeared to him.", "Q.  _What made him alter it?_[6]"])
    assert out == ["A  A _Deva_ appeared to him.", "Q.  _What made him alter it?_"]

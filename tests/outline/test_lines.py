"""What a line of an outline is: a ``Term: explanation`` item, or a sentence with emphasis
(whose marks go: a student reads the words)."""

from __future__ import annotations

import pytest

from studyapp.outline.lines import markdown_heading, split_term, strip_inline


@pytest.mark.parametrize(
    ("line", "term", "explanation"),
    [
        (
            "**Atomicity** - Each transaction is all or nothing.",
            "Atomicity",
            "Each transaction is all or nothing.",
        ),
        (
            "**Intercostal block**: the highest plasma levels.",
            "Intercostal block",
            "the highest plasma levels.",
        ),
        (
            "**Osmosis:** the diffusion of water across a membrane.",
            "Osmosis",
            "the diffusion of water across a membrane.",
        ),
    ],
)
def test_a_bold_term_with_a_separator_is_a_term_and_its_explanation(line, term, explanation):
    """A glossary line names its term in bold and explains it after ":", "-" or a dash."""
    assert split_term(line) == (term, explanation)


@pytest.mark.parametrize(
    "line",
    [
        "**On the Fly** projection is a functionality in GIS that overlays layers.",  # GIS
        "**Latency** is the time to perform some action or to produce some result.",  # systems
        "**Motor skills** refer to our ability to move our bodies.",  # psychology
    ],
)
def test_bold_words_opening_a_sentence_are_emphasis_not_a_term(line):
    """ "**On the Fly** projection is ..." is a sentence whose first words are emphasised: not
    the term "On the Fly" explained by "projection is ..."; the sentence gives its own cards."""
    assert split_term(line) == ("", "")


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        (
            "A **bold** word, a __strong__ one and *italic* text.",
            "A bold word, a strong one and italic text.",
        ),
        ("*Lead* word and x *y* z.", "Lead word and x y z."),
        ("***both*** at once", "both at once"),
        ("**Note:** the **bold *and italic* mix**", "Note: the bold and italic mix"),
        # stars that emphasise nothing stay: a product, a word's own stars, unclosed marks
        ("Keep 2*3*4 and a*b* as written.", "Keep 2*3*4 and a*b* as written."),
        ("*not closed and ** open", "*not closed and ** open"),
        ("Stars * alone * here", "Stars * alone * here"),
    ],
)
def test_emphasis_marks_go_and_other_stars_stay(text, plain):
    """'**bold**' and '*italic*' read as their words on a card; '2*3*4' keeps its stars."""
    assert strip_inline(text) == plain


def test_an_old_books_glossary_entry_is_a_term_and_its_explanation():
    """'ALBINISM.--Albinos are ...' (biology), 'FRENUM (pl. FRENA).--A small band ...' and
    'COMPOSITAE or COMPOSITOUS PLANTS.--Plants in which ...' are glossary entries, the term
    written as the text would; a shouted chapter heading and a bare cross-reference are not."""
    from studyapp.outline.lines import split_term

    assert split_term("ALBINISM.--Albinos are animals without pigment.") == (
        "Albinism",
        "Albinos are animals without pigment.",
    )
    assert split_term("FRENUM (pl. FRENA).--A small band or fold of skin.")[0] == (
        "Frenum (pl. frena)"
    )
    assert split_term("COMPOSITAE or COMPOSITOUS PLANTS.--Plants in which the flowers")[0]
    assert split_term("TORT.--A civil wrong for which the law gives damages.")[0] == "Tort"
    assert split_term("CHAPTER XV--ENGLAND UNDER HENRY THE THIRD") == ("", "")
    assert split_term("CHAPTER XIV--England under King John") == ("", "")
    assert split_term("APLACENTAL MAMMALS.--See MAMMALIA.") == ("", "")


def test_a_dictionary_entry_without_a_dash_is_a_term_but_not_a_numbered_heading():
    """'NADIR. The lower pole ...' (a sailor's word-book) and 'NAID. A northern term ...' are
    entries; 'II. Anesthetic Applications' is a numbered heading, not a term."""
    assert split_term("NADIR. The lower pole of the rational horizon.") == (
        "Nadir",
        "The lower pole of the rational horizon.",
    )
    assert split_term("NAID. A northern term for a lamprey.")[0] == "Naid"
    assert split_term("II. Anesthetic Applications") == ("", "")


def test_terms_mostly_in_alphabetical_order_are_a_glossary():
    """A dictionary's headwords run in order, with a slip; a chapter's side heads do not."""
    from studyapp.outline.lines import alphabetical

    assert alphabetical(["Nab", "Nacre", "Nadir", "Naid", "Nail", "Naked", "Nake"])
    assert not alphabetical(["Waves", "Sea caves", "Coves", "Beaches", "Sand reefs"])
    assert not alphabetical(["Algae", "Gland", "Tort"])  # too few to tell


def test_a_plain_text_books_bold_is_markup_but_an_equation_is_not():
    """Project Gutenberg's '=Questions=', '=100  Philosophy.=' and '=  0=' are bold; 'a = b =
    c', 'x=1' and a heading's underline are not."""
    from studyapp.outline.markup import EQUALS_BOLD

    assert EQUALS_BOLD.sub(r"\1", "=Questions=") == "Questions"
    assert EQUALS_BOLD.sub(r"\1", "=100  Philosophy.=") == "100  Philosophy."
    assert EQUALS_BOLD.sub(r"\1", "=  0=").strip() == "0"
    for text in ("a = b = c", "x=1 and y=2", "=====", "x == y"):
        assert EQUALS_BOLD.sub(r"\1", text) == text


def test_a_heading_may_open_on_a_dash_or_a_dot_before_a_word():
    """Grammar notes title a section "#### -ARE Verbs", a software manual "# .NET runtime":
    headings; a code comment "# -*- coding: utf-8 -*-" or a rule "#-------" is not."""
    assert markdown_heading("#### -ARE Verbs") == (4, "-ARE Verbs")
    assert markdown_heading("# .NET runtime") == (1, ".NET runtime")
    assert markdown_heading("# -*- coding: utf-8 -*-") is None
    assert markdown_heading("#----------") is None

"""Sentence splitting and the text normalisation the outline filter and card maker share."""

from __future__ import annotations

import re

from studyapp.outline.sentences import (
    normalise_space,
    plain_lower,
    single_spaced,
    split_sentences,
)


def test_sentences_are_split_verbatim_and_abbreviations_do_not_end_one():
    """Each sentence is kept exactly as written; "e.g." and an initial do not end a sentence."""
    text = "Ketamine (e.g. in anaesthesia) acts fast.  J. Smith said so! Is it safe?"
    assert split_sentences(text) == [
        "Ketamine (e.g. in anaesthesia) acts fast.",
        "J. Smith said so!",
        "Is it safe?",
    ]


def test_an_initialism_before_a_name_does_not_end_a_sentence():
    """'The U.S. Army' (history) and 'the U.S. Constitution' (civics) stay whole, as does 'the
    U.K. Parliament' in the middle of a sentence; 'in the U.S. He ...' and 'Washington, D.C.
    The capital ...' are two sentences each."""
    assert split_sentences("The U.S. Army fought at Belleau Wood. It held the line.") == [
        "The U.S. Army fought at Belleau Wood.",
        "It held the line.",
    ]
    civics = "The Federalist Papers supported the passage of the U.S. Constitution. Name one."
    assert split_sentences(civics)[0].endswith("U.S. Constitution.")
    assert len(split_sentences("Bills went to the U.K. Parliament for a vote.")) == 1
    assert split_sentences("He lived in the U.S. He died there.") == [
        "He lived in the U.S.",
        "He died there.",
    ]
    assert len(split_sentences("It sits in Washington, D.C. The capital is small.")) == 2


def test_a_lower_cased_text_gives_what_a_pattern_finds_ignoring_case():
    """A pattern written in lower case finds in the lower-cased text, reading case, just what
    it finds in the text ignoring case, at the same places (the Kelvin sign is a k); a text with
    a dotless ı, a long ſ or a dotted İ, where that is not so, is not lower-cased."""
    text = "Buy NOW at the SHOP: Free Shipping, 20% OFF, 5 \u212aelvin, É café"
    pattern = r"\bbuy now\b|\bshop\b|\bfree shipping\b|\d+% off|\bkelvin\b|é café"
    lowered = plain_lower(text)
    assert lowered is not None
    expected = [m.span() for m in re.finditer(pattern, text, re.IGNORECASE)]
    assert len(expected) == 6
    assert [m.span() for m in re.finditer(pattern, lowered)] == expected
    for trap in ("ı", "ſ", "İ"):
        assert plain_lower(f"Shop {trap}") is None


def test_every_run_of_whitespace_becomes_one_space():
    """Tabs, line breaks, no-break and double spaces read as one space, and the ends go; a
    line with single spaces only comes back as it is, but for its ends."""
    for text in (
        "  Ketamine\tacts\n fast.\u00a0 ",
        "Ketamine \u2003acts fast.",
        " Ketamine acts fast. ",
    ):
        assert single_spaced(text) == " ".join(text.split()) == normalise_space(text)
    assert single_spaced(" Ketamine acts fast.") == "Ketamine acts fast."
    assert single_spaced("Ketamine acts fast.") == "Ketamine acts fast."


def test_a_case_citation_is_one_sentence():
    """'Smith v. Jones (9th Cir. 2010) 597 F.3d 838.' is one sentence (law), as is a figure
    reference in brackets (biology); a sentence ending with its bracket still ends."""
    text = (
        "In U.S. v. Underwood the court noted that the affidavit was conclusory. "
        "The same holds in Smith v. Jones (9th Cir. 2010) 597 F.3d 838, 845. "
        "Cells divide by mitosis (see Fig. 2. for the phases). "
        "(The spindle forms first.) Then the chromosomes align."
    )
    assert split_sentences(text) == [
        "In U.S. v. Underwood the court noted that the affidavit was conclusory.",
        "The same holds in Smith v. Jones (9th Cir. 2010) 597 F.3d 838, 845.",
        "Cells divide by mitosis (see Fig. 2. for the phases).",
        "(The spindle forms first.)",
        "Then the chromosomes align.",
    ]


def test_an_old_books_stop_and_dash_ends_a_sentence_and_a_run_in_head():
    """'... Bunker Hill.--But Paul Revere was on the watch.' (history) is two sentences, and
    'Specific Heat--The specific heat of a substance is ...' (physics) opens on a side head of
    its own; a dash inside a sentence ('The old method--a slow one--was dropped.') is not a
    boundary."""
    assert split_sentences("Paul Revere; the fight at Concord.--But Revere was on the watch.") == [
        "Paul Revere; the fight at Concord.",
        "But Revere was on the watch.",
    ]
    assert split_sentences("Specific Heat--The specific heat of water is one.") == [
        "Specific Heat",
        "The specific heat of water is one.",
    ]
    assert split_sentences("The old method--a slow one--was dropped. Then came more.") == [
        "The old method--a slow one--was dropped.",
        "Then came more.",
    ]

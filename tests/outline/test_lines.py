"""What a line of an outline is: a ``Term: explanation`` item, or a sentence with emphasis."""

from __future__ import annotations

import pytest

from studyapp.outline.lines import split_term


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

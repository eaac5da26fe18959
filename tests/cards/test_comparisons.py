"""Two terms a text defines as one kind of thing give a 'how do they differ?' card whose
answer is what the text says sets each apart."""

from __future__ import annotations

from studyapp.cards.comparisons import comparison_cards, differentia
from studyapp.cards.generate import generate_decks
from studyapp.model import CardType
from studyapp.outline.parse import parse_outline

# Notes written for these tests, in two subjects.
SEARCH = """# Graph Search

## Traversal

### Depth-first search

Depth-first search is a graph traversal algorithm which explores as far as possible along each
branch before backtracking.

### Breadth-first search

Breadth-first search is a graph traversal algorithm which explores all nodes at the present
depth before moving on to the next depth level.
"""

CELLS = """# Cell Biology

## Cell Division

### Mitosis

Mitosis is a type of cell division that produces two genetically identical daughter cells.

### Meiosis

Meiosis is a type of cell division that produces four genetically distinct gametes.
"""


def _comparisons(text: str):
    decks = generate_decks(parse_outline(text), prefix="t")
    return [c for d in decks for c in d.cards if c.question.startswith("How does ")]


def test_two_algorithms_of_one_kind_are_compared_in_the_texts_words():
    """'How does depth-first search differ from breadth-first search?' -> what each does."""
    [card] = _comparisons(SEARCH)
    assert card.type is CardType.BASIC
    assert card.question == "How does depth-first search differ from breadth-first search?"
    assert card.answer == (
        "depth-first search: explores as far as possible along each branch before "
        "backtracking; breadth-first search: explores all nodes at the present depth before "
        "moving on to the next depth level"
    )


def test_two_kinds_of_cell_division_are_compared():
    """Biology: mitosis and meiosis are both cell division; the answer says what each makes."""
    [card] = _comparisons(CELLS)
    assert card.question == "How does mitosis differ from meiosis?"
    assert "two genetically identical daughter cells" in card.answer
    assert "four genetically distinct gametes" in card.answer


def test_terms_of_different_kinds_or_one_term_alone_are_not_compared():
    """A single definition, or definitions of different kinds, give no comparison."""
    one = SEARCH.split("### Breadth-first search")[0]
    assert _comparisons(one) == []
    mixed = SEARCH.replace(
        "is a graph traversal algorithm which explores all nodes",
        "is a data structure which holds all nodes",
    )
    assert _comparisons(mixed) == []
    assert comparison_cards([]) == []


def test_what_follows_the_kind_is_the_difference():
    """'a graph traversal algorithm which explores ...' -> 'explores ...'; 'a collection of
    data items in tables' keeps its kind, as the words after it need it."""
    assert differentia("a search algorithm which explores far along each branch", "algorithm") == (
        "explores far along each branch"
    )
    assert differentia("a collection of data items in tables", "collection") == (
        "collection of data items in tables"
    )
    assert differentia("a graph traversal algorithm", "algorithm") == ""

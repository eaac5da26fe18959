"""The terms an author marks in running text are known to the card maker."""

from __future__ import annotations

from studyapp.outline.key_terms import marked_terms
from studyapp.outline.parse import parse_outline


def test_terms_marked_by_a_textbook_are_read_as_plain_text():
    """OpenStax's ``**term**{: data-type="term"}``, reStructuredText's ``:term:`` and
    ``:dfn:``, and HTML's ``<dfn>`` mark a term; inner markup is stripped ("G<sub>1</sub>
    phase" -> "G1 phase") and each term is kept once, in order."""
    lines = [
        'The **cell cycle**{: data-type="term"} is an ordered series of events.',
        'The first stage is the **G<sub>1</sub> phase**{: data-type="term"}.',
        "A packet is resent after a :term:`retransmission timeout` expires.",
        "Law: a :dfn:`tort` is a civil wrong; the <dfn>plaintiff</dfn> brings the claim.",
        'Again the **cell cycle**{: data-type="term"} is named.',
    ]
    assert marked_terms(lines) == (
        "cell cycle",
        "G1 phase",
        "retransmission timeout",
        "tort",
        "plaintiff",
    )


def test_plain_bold_and_labels_are_not_terms():
    """Guides set warnings, labels and emphasis in bold ("**Note:**", "**not**"), so plain
    bold is no mark; a marked span opening a list item before a dash is the item's label."""
    lines = [
        "**Note:** back up the database first.",
        "This is **not** the default.",
        '- **Price elasticity**{: data-type="term"} - how demand answers a change of price',
    ]
    assert marked_terms(lines) == ()


def test_an_outline_carries_its_marked_terms():
    """Parsing a text keeps the terms its author marked, for the card maker."""
    text = (
        "# Monopoly\n\n"
        'A **natural monopoly**{: data-type="term"} arises when economies of scale are large.\n'
    )
    assert parse_outline(text).key_terms == ("natural monopoly",)

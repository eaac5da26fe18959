"""Clozes of sentences that lean on the text around them are weak, on every subject."""

from __future__ import annotations

import pytest

from studyapp.cards.drafts import Draft
from studyapp.cards.leaning import leans_on_context
from studyapp.cards.selection import weakness
from studyapp.model import CardType


@pytest.mark.parametrize(
    "sentence",
    [
        "Accordingly, we can perform a nonparametric version of the test with ranks.",  # stats
        "As we get older, our friendships dwindle in number.",  # psychology
        "For example, sending notifications to mobile devices.",  # software
        "Examples include sickle-cell anemia, Tay-Sachs disease and cystic fibrosis.",  # biology
        "However, the Senate refused to ratify the treaty.",  # history
        "Similarly, a contract signed under duress is voidable.",  # law
        "These enzymes break proteins into amino acids.",  # chemistry
        "“In addition, the court may award costs.",
    ],
)
def test_sentences_that_need_their_neighbours_lean_on_context(sentence: str) -> None:
    """'we', an opening example or a pointing-back opener: half a thought."""
    assert leans_on_context(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Pepsin is the enzyme of the gastric juice which digests proteins.",
        "There are two complementary patterns to support high availability.",
        "The Treaty of Versailles was signed in 1919.",
        "Thermal equilibrium is reached when two bodies have the same temperature.",
        "A trust is a relationship in which a trustee holds property for a beneficiary.",
    ],
)
def test_sentences_that_stand_alone_do_not(sentence: str) -> None:
    """A definition, an existential 'There are', a dated fact: no leaning."""
    assert not leans_on_context(sentence)


def test_a_cloze_of_a_leaning_sentence_is_weak_unless_the_card_resolved_it():
    """The selection keeps such a cloze only where its section needs it."""
    cloze = Draft(
        CardType.CLOZE,
        "k",
        "1",
        "However, the Senate refused to ratify the Treaty of Versailles.",
        text="However, the Senate refused to ratify the {{c1::Treaty of Versailles}}.",
    )
    assert weakness(cloze, "") == "leaning"
    resolved = Draft(
        CardType.CLOZE,
        "k2",
        "1",
        "This interaction allows for a synergistic effect.",
        text="Ketamine's interaction allows for a {{c1::synergistic effect}}.",
    )
    assert weakness(resolved, "") == ""  # the card says what "This" was

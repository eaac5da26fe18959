"""A phrase between a subject and its verb is taken out before a question is asked."""

from __future__ import annotations

import pytest

from studyapp.cards.questions import questions
from studyapp.cards.simplify import without_interruption


@pytest.mark.parametrize(
    ("sentence", "plain"),
    [
        (  # history: a participle's phrase holding a list and a date
            "New Jersey, beginning its career under two proprietors, Berkeley and Carteret, in"
            " 1664, passed under the direct government of the crown in 1702",
            "New Jersey passed under the direct government of the crown in 1702",
        ),
        (  # history: a place
            "The Teutonic tribes, from their home beyond the Rhine, poured into the empire",
            "The Teutonic tribes poured into the empire",
        ),
        (  # pharmacology: a preposition's phrase
            "Ketamine, with its rapid onset, is used in emergencies",
            "Ketamine is used in emergencies",
        ),
        (  # chemistry: a relative clause
            "Carbon dioxide, which is a gas at room temperature, sublimes at low pressure",
            "Carbon dioxide sublimes at low pressure",
        ),
        (  # history: a year between subject and verb goes after the predicate
            "A Swedish commercial company in 1638 made the beginnings of a settlement",
            "A Swedish commercial company made the beginnings of a settlement in 1638",
        ),
    ],
)
def test_the_phrase_between_a_subject_and_its_verb_is_taken_out(sentence, plain):
    assert without_interruption(sentence) == plain


@pytest.mark.parametrize(
    "sentence",
    [
        "Apples, pears and plums are fruits",  # a list, not an interruption
        "In 1607, the settlers founded Jamestown",  # a leading adverbial, asked as it is
        "The cell divides, and the daughter cells separate",  # two clauses
    ],
)
def test_a_sentence_without_an_interruption_is_left_alone(sentence):
    assert without_interruption(sentence) == ""


def test_a_sentence_with_an_interruption_gives_a_question():
    """History: 'When did New Jersey pass under ...?' -> '1702', where the sentence as written
    gave no question; the answer is a verbatim piece of the sentence."""
    sentence = (
        "New Jersey, beginning its career under two proprietors, in 1664, passed under the"
        " direct government of the crown in 1702."
    )
    asked = {(qa.question, qa.answer) for qa in questions(sentence, "")}
    assert ("When did New Jersey pass under the direct government of the crown?", "1702") in asked

"""Count questions: 'How many ...?' of the number a sentence gives of things."""

from __future__ import annotations

import pytest

from studyapp.cards.counts import how_many, other_spelling


@pytest.mark.parametrize(
    ("sentence", "question", "answer"),
    [  # anatomy, government, history, geometry, computing, cell biology
        ("London has 33 local authorities.", "How many local authorities does London have?", "33"),
        (
            "The Council of Europe has 47 member countries.",
            "How many member countries does the Council of Europe have?",
            "47",
        ),
        (
            "The Germans lost 2,000 men at Sedan.",
            "How many men did the Germans lose at Sedan?",
            "2,000",
        ),
        (
            "There are 15 members on the UN Security Council.",
            "How many members are there on the UN Security Council?",
            "15",
        ),
        (
            "The Roman legions built 4,000 kilometres of road in Gaul.",
            "How many kilometres of road did the Roman legions build in Gaul?",
            "4,000",
        ),
        (
            "Human cells have 23 pairs of chromosomes and a few other structures.",
            "How many pairs of chromosomes do human cells have?",
            "23",
        ),
    ],
)
def test_a_count_is_asked_how_many(sentence, question, answer):
    qa = how_many(sentence.rstrip("."), "")
    assert qa is not None
    assert (qa.question, qa.answer) == (question, answer)
    assert qa.answer in sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "In 1066 the Normans conquered England.",  # a year: asked when
        "The usual dose is 25 mg per kilogram.",  # a measure, and a copula
        "Over 2,000 men were killed in the battle.",  # the number is in the subject
        "There are three types of rock: igneous, sedimentary and metamorphic.",  # a list card
        "There are three reasons.",  # of what?
        "Now consider four black chips drawn from the urn.",  # a command
        "Most insects beat their wings two hundred times a second.",  # "hundred times"
        "A professional will not wait 50 years for the results.",  # a count of what is not
        # a party of the text's own story or example: which fortress, which experiment?
        "The fortress consisted of three towers.",
        "There were fifty patients in the experiment.",
        "The die will be rolled 20 times.",
        # a pair the text goes on to name: the pair is the fact, not its count
        "The study of law consists of two branches, public and private.",
        # a count cut off from what restricts it
        "The architecture has three features worth highlighting.",
    ],
)
def test_no_count_question_where_the_number_counts_nothing_askable(sentence):
    assert how_many(sentence.rstrip("."), "") is None


def test_a_typed_count_is_right_in_either_spelling():
    """'four' is also right typed '4', and '12' typed 'twelve'; a large count is digits only."""
    assert other_spelling("four") == ("4",)
    assert other_spelling("12") == ("twelve",)
    assert other_spelling("2,000") == ()

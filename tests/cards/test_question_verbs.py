"""Question cards keyed on a verb phrase: 'sets it apart', 'emerged as', 'tailored to' ..."""

from __future__ import annotations

import pytest

from studyapp.cards.questions import questions

CASES = [
    (
        "The short half-life of remifentanil sets it apart from other opioids.",
        "What sets remifentanil apart from other opioids?",
        "The short half-life of remifentanil",
    ),
    (
        "Target-controlled infusion has emerged as a standard technique in neuroanesthesia.",
        "What has emerged as a standard technique in neuroanesthesia?",
        "Target-controlled infusion",
    ),
    (
        "The use of opioids in children must adhere to weight-based dosing and be supervised.",
        "What must the use of opioids in children adhere to?",
        "weight-based dosing",
    ),
    (
        "Remifentanil’s metabolism by plasma esterases contributes to its short duration.",
        "What contributes to remifentanil’s short duration?",
        "metabolism by plasma esterases",
    ),
    (
        "The dose, rate and duration of infusion are tailored to the patient’s weight.",
        "To what are the dose, rate and duration of infusion tailored?",
        "the patient’s weight",
    ),
    (
        "Infusion protocols are carefully designed to avoid accumulation.",
        "What are infusion protocols carefully designed to do?",
        "avoid accumulation",
    ),
    (
        "The block should only be performed by trained anesthetists in theatre.",
        "By whom should the block only be performed?",
        "trained anesthetists",
    ),
    (
        "Research is ongoing to better understand opioid-induced hyperalgesia.",
        "What is research ongoing to better understand?",
        "opioid-induced hyperalgesia",
    ),
    (
        "Remifentanil’s short context-sensitive half-life is particularly valuable in day "
        "surgery where rapid discharge matters.",
        "Where is remifentanil’s short context-sensitive half-life particularly valuable?",
        "day surgery where rapid discharge matters",
    ),
    (
        "After remifentanil infusion, some patients may experience hyperalgesia, shivering, "
        "or rebound pain during recovery.",
        "What may some patients experience during recovery after remifentanil infusion?",
        "hyperalgesia, shivering, or rebound pain",
    ),
    (
        "The combination of remifentanil and propofol may lead to profound hypotension.",
        "What may the combination of remifentanil and propofol lead to?",
        "profound hypotension",
    ),
    (
        "An occlusion alarm indicates a blocked line downstream of the pump.",
        "What does an occlusion alarm indicate?",
        "a blocked line downstream of the pump",
    ),
    (
        "While remifentanil shows promise as a sedative in intensive care, costs remain high.",
        "As what does remifentanil show promise?",
        "a sedative in intensive care",
    ),
    (
        "Mast cell degranulation is implicated in opioid-induced pruritus.",
        "What is implicated in opioid-induced pruritus?",
        "Mast cell degranulation",
    ),
    (
        "Remifentanil may be useful in myasthenia, where muscle weakness and fatigue are "
        "implicated in postoperative complications.",
        "In myasthenia, what are implicated in postoperative complications?",
        "muscle weakness and fatigue",
    ),
    (
        "The infusion runs for an hour, with the rate and volume adjusted to the patient’s weight.",
        "To what are the rate and volume adjusted?",
        "the patient’s weight",
    ),
]


@pytest.mark.parametrize(("sentence", "question", "answer"), CASES)
def test_verb_phrases_give_natural_questions(sentence, question, answer):
    """Each verb phrase gives the expected question with a verbatim answer."""
    found = {qa.question: qa.answer for qa in questions(sentence, "remifentanil")}
    assert found.get(question) == answer, found
    assert answer in sentence


def test_an_absolute_with_phrase_whose_owner_is_unseen_gives_no_question():
    """'..., with its dose adapted to renal function' does not say whose dose: no card."""
    found = questions(
        "The infusion runs for an hour, with its dose adapted to renal function.", "remifentanil"
    )
    assert all(qa.kind != "tailored" for qa in found)


def test_by_whom_after_a_rule_to_follow():
    """'X must comply with W and be given in Z by Y' still asks by whom (oncology, pharmacy)."""
    asked = {
        qa.question: qa.answer
        for qa in questions(
            "Chemotherapy must comply with hospital protocols and be given in an oncology unit"
            " by specialist nurses.",
            "",
        )
    }
    assert asked["By whom must chemotherapy be given?"] == "specialist nurses"
    assert asked["What must chemotherapy comply with?"] == "hospital protocols"


def test_no_where_question_whose_answer_is_an_activity():
    """'important in considering the role ...' names no place: no 'Where ...?' card."""
    sentence = (
        "The effects of nicotine on the autonomic nervous system are important in considering"
        " the role smoking can play in health."
    )
    assert not [qa for qa in questions(sentence, "") if qa.question.startswith("Where")]


def test_important_in_something_that_is_no_place_asks_in_what():
    """'important in medical treatments' (chemistry) is asked 'In what ...?', 'valuable in
    emergency settings' (medicine) 'Where ...?'."""
    chem = questions("Ligands like BAL are important in medical treatments for poisoning.", "")
    assert "In what are ligands like BAL important?" in [qa.question for qa in chem]
    med = questions("Ketamine is particularly valuable in emergency settings.", "")
    assert "Where is ketamine particularly valuable?" in [qa.question for qa in med]

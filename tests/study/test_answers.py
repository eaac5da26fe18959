"""Tests for studyapp.study.answers: lenient typed-answer and multiple-choice checking."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from studyapp.model import Card, CardType
from studyapp.review_types import Rating
from studyapp.study.answers import (
    DiffOp,
    check_choice,
    check_typed,
    choice_options,
    normalize,
    typo_distance,
)


def typed(answer: str, *accept: str) -> Card:
    """A typed-answer card."""
    return Card(id="t1", type=CardType.TYPED, question="?", answer=answer, accept=accept)


@pytest.mark.parametrize(
    ("answer", "given"),
    [
        ("neuropathic pain", "Neuropathic Pain."),
        ("Neuropathic pain", "  neuropathic   pain "),
        ("ketamine", "Kétamine"),
        ("the dorsal horn", "dorsal horn"),
        ("a dissociative anaesthetic", "Dissociative anesthetic"),
        ("N-methyl-D-aspartate", "n methyl d aspartate"),
        ("NMDA", "N.M.D.A."),
        ("Parkinson's disease", "parkinsons disease"),
        ("CRPS", "crps"),
        ("RSI", "rsi"),
        ("0.5 mg/kg", "0.5 mg / kg"),
        ("oedema", "edema"),
        ("wind-up", "windup"),
    ],
)
def test_equivalent_spellings_are_correct(answer: str, given: str):
    """Case, accents, punctuation, spacing, articles and UK spelling never cost a point."""
    check = check_typed(given, typed(answer))
    assert check.correct
    assert not check.close
    assert check.proposed is Rating.GOOD


@pytest.mark.parametrize(
    ("answer", "given"),
    [
        ("ketamine", "ketamin"),
        ("ketamine", "ketmaine"),  # a swap is one edit
        ("Bronchodilation", "bronchodilatation"),  # two insertions on a long word
        ("NMDA receptor antagonist", "NMDA receptr antagonist"),
        ("emergence phenomena", "emergence phenomenon"),
    ],
)
def test_small_typos_are_close_and_proposed_hard(answer: str, given: str):
    """A small typo is shown as close, with Hard proposed."""
    check = check_typed(given, typed(answer))
    assert not check.correct
    assert check.close
    assert check.proposed is Rating.HARD


@pytest.mark.parametrize(
    ("answer", "given"),
    [
        ("CRPS", "CRP"),  # acronyms exact up to case
        ("RSI", "RS"),  # 3 characters: no typo allowed
        ("NMDA receptor antagonist", "AMPA receptor antagonist"),
        ("NMDA receptor", "NMDAR receptor"),
        ("hypertension", "hypotension"),  # opposite prefixes are not typos
        ("abduction", "adduction"),
        ("afferent", "efferent"),
        ("25 mg", "35 mg"),  # numbers are exact
        ("0.5 mg/kg", "5 mg/kg"),
        ("1.5", "15"),
        ("vitamin A", "vitamin"),
        ("ketamine", "morphine"),
        ("ketamine", ""),
        ("ketamine", "   ...  "),
    ],
)
def test_meaningful_differences_are_wrong(answer: str, given: str):
    """Acronyms, numbers, opposite prefixes and other real mistakes propose Again."""
    check = check_typed(given, typed(answer))
    assert not check.correct
    assert not check.close
    assert check.proposed is Rating.AGAIN


def test_accepted_variants_count_and_the_matched_one_is_shown():
    """Any listed variant is accepted; the diff compares against the closest one."""
    card = typed("esketamine", "S-ketamine")
    check = check_typed("s ketamine", card)
    assert check.correct
    assert check.expected == "S-ketamine"
    near = check_typed("S-ketamin", card)
    assert near.close
    assert near.expected == "S-ketamine"
    wrong = check_typed("morphine", card)
    assert wrong.expected == "esketamine"  # the main answer when nothing matches
    assert check.answer == near.answer == "esketamine"  # the card's own answer, shown too
    assert wrong.answer == ""  # judged against it already


def test_a_year_typed_without_its_era_is_right_and_the_era_is_shown():
    """A timeline's 'A.D. 435' accepts '435'; the check keeps 'A.D. 435' to show."""
    check = check_typed("435", typed("A.D. 435", "435"))
    assert check.correct
    assert (check.expected, check.answer) == ("435", "A.D. 435")


def test_diff_marks_wrong_and_missing_letters():
    """The difference shows typed-but-wrong and expected-but-missing letters in order."""
    check = check_typed("ketamne", typed("ketamine"))
    assert check.diff == ((DiffOp.SAME, "ketam"), (DiffOp.MISSING, "i"), (DiffOp.SAME, "ne"))
    swapped = check_typed("morfine", typed("morphine"))
    assert (DiffOp.EXTRA, "f") in swapped.diff
    assert (DiffOp.MISSING, "ph") in swapped.diff
    rebuilt = "".join(text for op, text in swapped.diff if op is not DiffOp.EXTRA)
    assert rebuilt == "morphine"


def test_cloze_card_expects_its_deletion():
    """Typing the hidden part of a cloze card is checked against the deletion, not its hint."""
    card = Card(
        id="c1",
        type=CardType.CLOZE,
        text="Ketamine blocks the {{c1::NMDA receptor::receptor}} non-competitively.",
    )
    assert check_typed("nmda receptor", card).correct
    assert check_typed("nmda receptor", card).expected == "NMDA receptor"
    assert not check_typed("AMPA receptor", card).close


def test_list_answers_need_every_item():
    """A typed list is right when every item is there, in order if the list is ordered."""
    unordered = Card(id="l1", type=CardType.LIST, question="?", items=("nausea", "vomiting"))
    assert check_typed("Vomiting, nausea", unordered).correct
    assert check_typed("vomitting; nausea", unordered).close
    assert not check_typed("nausea", unordered).correct
    assert check_typed("nausea", unordered).proposed is Rating.AGAIN
    ordered = Card(
        id="l2", type=CardType.LIST, question="?", items=("induction", "maintenance"), ordered=True
    )
    assert check_typed("induction\nmaintenance", ordered).correct
    assert check_typed("maintenance, induction", ordered).proposed is Rating.AGAIN


def test_choice_right_and_wrong():
    """Picking the right option proposes Good; a distractor proposes Again."""
    card = Card(
        id="m1",
        type=CardType.CHOICE,
        question="Ketamine's main target?",
        answer="NMDA receptor",
        distractors=("GABA-A receptor", "mu-opioid receptor"),
    )
    right = check_choice("NMDA receptor", card)
    assert right.correct
    assert right.proposed is Rating.GOOD
    wrong = check_choice("GABA-A receptor", card)
    assert not wrong.correct
    assert wrong.proposed is Rating.AGAIN
    assert wrong.expected == "NMDA receptor"
    with pytest.raises(ValueError, match="not one of the options"):
        check_choice("dopamine", card)
    assert choice_options(card, [2, 0, 1]) == [
        "mu-opioid receptor",
        "NMDA receptor",
        "GABA-A receptor",
    ]
    with pytest.raises(ValueError, match="permutation"):
        choice_options(card, [0, 0, 1])


def test_card_without_answer_is_refused():
    """Checking a typed reply against a card with no answer is a precise error."""
    with pytest.raises(ValueError, match="no answer"):
        check_typed("x", typed(""))


def test_normalize_and_distance_basics():
    """Normalisation keeps decimals apart and swaps count as one typo."""
    assert normalize("The  Dorsal-Horn!") == "dorsal horn"
    assert normalize("1.5") != normalize("15")
    assert normalize("A") == "a"  # a lone letter is an answer, not an article
    assert typo_distance("abcd", "abdc") == 1
    assert typo_distance("kitten", "sitting") == 3
    assert typo_distance("", "abc") == 3


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=40).filter(lambda t: normalize(t) != ""))
@example("000aae")  # once folded to "000ae", which a second pass folded again
@example("ῷ")  # its capital spells the iota below it out as a letter
def test_typing_the_answer_itself_is_always_correct(answer: str):
    """Whatever the answer text, typing it exactly (or in other case) counts as correct."""
    card = typed(answer)
    assert check_typed(answer, card).correct
    assert check_typed(answer.upper(), card).correct
    assert normalize(normalize(answer)) == normalize(answer)

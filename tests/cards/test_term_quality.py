"""Which phrases a cloze may hide: key terms of the subject, never generic or evaluative words."""

from __future__ import annotations

import re

import pytest

from studyapp.cards.generate import generate_decks
from studyapp.cards.term_quality import is_technical, is_weak, specificity
from studyapp.cards.text_facts import STOPWORDS
from studyapp.outline.parse import parse_outline

CLOZE = re.compile(r"\{\{c1::(.*?)\}\}")


@pytest.mark.parametrize(
    "phrase",
    [
        "quality",
        "history",
        "a reduction",
        "remarkable results",
        "effective option",
        "healthcare providers",
        "medical purposes",
        "potential side effects",
        "greater therapeutic insights",
        "medication modifications",
        "conversations",
        "adverse effects",
    ],
)
def test_generic_and_evaluative_phrases_are_weak(phrase):
    """'quality', 'remarkable results', 'healthcare providers' are never hidden in a cloze."""
    assert is_weak(phrase, STOPWORDS)


@pytest.mark.parametrize(
    "phrase",
    [
        "NMDA receptor antagonism",
        "bronchodilation",
        "psychotomimetic effects",
        "epileptogenesis",
        "GABAergic",
        "informed consent",
        "multidisciplinary approach",
        "outpatient setting",
        "intravenously",
    ],
)
def test_domain_terms_are_not_weak(phrase):
    """Domain vocabulary, even with a generic head noun ('outpatient setting'), may be hidden."""
    assert not is_weak(phrase, STOPWORDS)


def test_technical_word_shapes_score_higher_than_plain_words():
    """-ergic, -genesis, -plasticity, acronyms and routes earn a bonus that plain words do not."""
    for word in ["GABAergic", "epileptogenesis", "neuroplasticity", "BDNF", "endorphins"]:
        assert is_technical(word), word
    for word in ["continues", "psychologists", "relief", "history"]:
        assert not is_technical(word), word
    assert specificity("intravenously") > specificity("quickly")
    assert specificity("Complex Regional Pain Syndrome") > specificity("regional differences")


NOTES = """# Lidocaine Notes

## Mechanism

Lidocaine blocks voltage-gated sodium channels in the neuronal membrane. The drug has
helped many patients and improved their quality of life in remarkable ways. The effect of
lidocaine begins within minutes of infiltration.

## Clinical Use

Healthcare providers use lidocaine for many medical purposes. Lidocaine is injected
subcutaneously before minor procedures to produce local anesthesia.
"""


def test_clozes_made_from_own_notes_hide_key_terms_only():
    """In notes written for this test, cards ask for 'voltage-gated sodium channels',
    'infiltration' or 'subcutaneously', clozes never hide 'quality', 'healthcare providers' or
    'medical purposes'; a sentence with no key term gives no cloze at all."""
    decks = generate_decks(parse_outline(NOTES), prefix="lido")
    cards = [c for d in decks for c in d.cards]
    hidden = [h for c in cards for h in CLOZE.findall(c.text)]
    assert hidden
    # asked once by "What does lidocaine block?", not again by a second cloze of the sentence
    assert any("voltage-gated sodium channels" in c.answer for c in cards)
    for weak in ["quality", "remarkable ways", "Healthcare providers", "medical purposes"]:
        assert weak not in hidden
    assert not any("quality of life" in c.text for c in cards)  # nothing worth hiding there
    answers = {c.answer for c in cards} | set(hidden)
    assert "subcutaneously" in answers
    # the sentence's own term is hidden, not the everyday "minutes" (a filler blank)
    assert "infiltration" in answers


MANUAL = """Pump Manual

I. Alarms

A. Air-in-Line Alarm

The air-in-line alarm sounds when the ultrasonic sensor detects bubbles larger than 50 microlitres.
"""


def test_quantities_are_hidden_and_verbs_or_comparisons_are_not():
    """'50 microlitres' is hidden; 'alarm sounds' (a verb) and 'larger' (a comparison) never
    are."""
    decks = generate_decks(parse_outline(MANUAL), prefix="pump")
    hidden = {h for d in decks for c in d.cards for h in CLOZE.findall(c.text)}
    assert "50 microlitres" in hidden
    assert not any(h.endswith("sounds") or h == "larger" for h in hidden)

"""How much a phrase is worth hiding in a cloze: key terms up, generic words out.

A cloze teaches when it hides a specific term of the subject (``NMDA receptor antagonism``,
``bronchodilation``, ``psychotomimetic``, ``within hours``), and nothing when it hides a
generic word a student could guess or would not care about (``quality`` of life, a
``reduction`` in pain, ``remarkable results``, ``healthcare providers``). This module owns
that judgement: :func:`is_weak` rejects a phrase, :func:`specificity` scores the rest. Both look
only at the phrase itself; the phrase scorer in :mod:`studyapp.cards.text_facts` adds what the
document says (the document's own terms, rarity, recurrence, titles).
"""

from __future__ import annotations

import re
from functools import lru_cache

from studyapp.cards import lexicon as lx
from studyapp.cards.lexicon import WORD as _WORD
from studyapp.cards.lexicon import words as words
from studyapp.cards.lexicon import words_of
from studyapp.cards.lexicon import wordset as _wordset

# Abstract nouns that say nothing specific on their own (also as the head of a phrase whose
# other words are generic too: "medical purposes", "significant breakthroughs").
WEAK_NOUNS = _wordset(
    """quality history response responses reduction reductions result results option options
    purpose purposes provider providers conversation conversations breakthrough breakthroughs
    insight insights approach approaches effect effects potential adjustment adjustments
    transmission modification modifications complication complications improvement
    improvements outcome outcomes benefit benefits property properties setting settings manner
    process processes scope tool tools choice choices way ways need needs level levels impact
    role area areas aspect aspects factor factors field issue issues concern concerns interest
    subject context frequency intensity severity progression development formation integration
    processing administration duration rate dose dosage individual individuals people person
    patient patients professional professionals team plan plans protocol protocols procedure
    procedures use uses application applications condition conditions disorder disorders
    treatment treatments therapy therapies care management practice practices study studies
    research researchers trial trials evidence finding findings report reports journey avenue
    avenues possibility possibilities promise hope alternative alternatives addition
    combination combinations consideration considerations measure measures risk risks challenge
    challenges implication implications question questions change changes term terms number
    agent agents drug drugs medication medications medicine function functions ability
    abilities capacity value values sense idea part parts range variety kind kinds type types
    form forms case cases example examples step steps stage stages period periods time times
    year years health state states status event events experience experiences system systems
    method methods technique techniques strategy strategies mechanism mechanisms action actions
    interaction interactions modality modalities synergy supervision monitoring transition
    relief abilities extent period manner journey symptom symptoms sign signs directions
    guidelines
    substance substances material materials thing things item items structure structures
    release infusion infusions"""
)
# Evaluative or hedging words: a phrase carrying one is an opinion, not a term
EVALUATIVE = _wordset(
    """potential significant remarkable effective efficacious valuable excellent promising good
    great greater useful important key major novel powerful preferred common attractive
    popular unique better best new positive negative careful close impressive fascinating subject
    transformative comprehensive enduring renewed appropriate adequate certain various several
    particular specific general overall additional further other traditional conventional
    crucial essential necessary considerable substantial notable interesting ongoing recent
    current modern increased improved enhanced reduced greatest distinct direct responsible
    challenging distressing deeper smooth experienced trained skilled qualified"""
)
# Modifiers that add no specificity to a weak head ("medical purposes", "healthcare providers")
GENERIC_MODIFIERS = _wordset(
    """medical clinical healthcare health therapeutic treatment patient patients overall
    individual personal human general daily long-term short-term medication drug care mental
    physical scientific research functional extended adverse side"""
)
_PEOPLE = ("ist", "ists", "ian", "ians", "er", "ers")  # professions: psychologists, clinicians
# A manner adverb of the subject's vocabulary ("intravenously", "subcutaneously", "asexually"):
# an -ly word the lexicon finds rare in everyday English
MANNER = re.compile(r"\b[A-Za-z]{6,}ly\b")


def is_manner(phrase: str) -> bool:
    """Whether ``phrase`` is one rare manner adverb ("intravenously", "anaerobically")."""
    text = phrase.strip()
    if not MANNER.fullmatch(text) or not lx.is_rare(text):
        return False
    kinds = lx.parts_of_speech(text)
    return not kinds or "ADV" in kinds  # "contumely" and "homily" are nouns


@lru_cache(maxsize=65536)  # asked of each word of every phrase a sentence proposes
def is_technical(word: str) -> bool:
    """Whether a word is the subject's own vocabulary (``GABAergic``, ``epileptogenesis``,
    ``mens rea``, ``NMDA``): an abbreviation, or a word rare in everyday English
    (:mod:`studyapp.cards.lexicon`), not a person's role ("psychologist")."""
    if len(word) >= 2 and word.isupper() and word.isalpha():
        return True  # an acronym
    lower = word.lower()
    if len(lower) < 6 or lower.endswith(_PEOPLE):
        return False
    return lx.is_rare(lower)


def is_weak(phrase: str, stopwords: frozenset[str] = frozenset()) -> bool:
    """Whether hiding ``phrase`` would test a generic or evaluative word, not a term.

    Weak: a phrase carrying an evaluative word (``remarkable results``, ``potential side
    effects``); one whose every word is a stop word, weak noun or generic modifier
    (``quality``, ``healthcare providers``, ``medical purposes``).
    """
    every = words_of(phrase)
    if not every or not EVALUATIVE.isdisjoint(every):
        return True
    return _all_generic(every, stopwords)


def is_generic_phrase(phrase: str, stopwords: frozenset[str] = frozenset()) -> bool:
    """Whether every word of ``phrase`` is a weak noun, generic modifier or stop word
    (``adverse effects``, ``medical purposes``): too vague to be an answer."""
    return _all_generic(words_of(phrase), stopwords)


def _all_generic(every: tuple[str, ...], stopwords: frozenset[str]) -> bool:
    """Whether each of the words ``every`` is a weak noun, a generic modifier or one of
    ``stopwords`` (asked of every phrase weighed: the sets are subtracted, not looped over)."""
    return not set(every).difference(WEAK_NOUNS, GENERIC_MODIFIERS, stopwords)


@lru_cache(maxsize=16384)  # a phrase is scored again in each sentence that holds it
def specificity(phrase: str) -> float:
    """A bonus for how term-like a phrase looks: technical word shapes, acronyms, capitalised
    multi-word names (``Complex Regional Pain Syndrome``), routes (``intravenously``)."""
    raw = _WORD.findall(phrase)
    if not raw:
        return 0.0
    bonus = 0.0
    if any(is_technical(w) for w in raw):
        bonus += 1.5
    if is_manner(phrase):
        bonus += 1.5
    if len(raw) >= 2 and all(w[:1].isupper() for w in raw if len(w) > 3):
        bonus += 1.0
    if len(raw) >= 2 and not any(w.lower() in WEAK_NOUNS for w in raw):
        bonus += 0.5  # a compound of specific words ("concentration gradient")
    if words_of(phrase)[-1] in WEAK_NOUNS:
        bonus -= 0.75  # "psychotomimetic effects" is fine, "psychotomimetic" alone is better
    return bonus

"""What every card maker shares: the card draft, the document context and text helpers.

A :class:`Draft` is a card before it has an id; the generator (:mod:`studyapp.cards.generate`) turns
drafts into :class:`~studyapp.model.Card` values with stable ids. The helpers here keep
question wording consistent across the sentence and list card makers.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from studyapp.cards import lexicon as lx
from studyapp.cards import text_facts as tf
from studyapp.cards.phrase_scorer import PhraseScorer
from studyapp.cards.proper_names import NO_NAMES, NameBook
from studyapp.model import CardType
from studyapp.outline.sentences import split_sentences

MAX_ANSWER = 200  # characters; a card asks for one fact, not a paragraph
MAX_TYPED = 60
MAX_QUESTION_QUOTE = 220
SAME_ANSWER_WORDS = 4
"""Two questions of one section whose answer of this many words or more is the same ask the
same thing ("What does X involve?", "How does X reduce Y?"): a deck keeps the first."""


@dataclass(slots=True)
class Draft:
    """A card before it has an id: its type, what it asks and the source sentence."""

    type: CardType
    key: str
    section: str
    source: str
    question: str = ""
    answer: str = ""
    text: str = ""
    items: tuple[str, ...] = ()
    ordered: bool = False
    distractors: tuple[str, ...] = ()
    accept: tuple[str, ...] = ()
    # the answer is the background of its sentence ("While X shows promise as Y, ..."), not
    # its point: the card is kept only where its section has too few others
    background: bool = False
    # a cloze's blank, how surely a key term (:meth:`PhraseScorer.term_rank`, 1 surest):
    # where a deck has too many clozes, the least sure go first
    rank: int = 0
    # a cloze whose blank holds no word a long document comes back to (no term of its own,
    # no number, no name said twice, no word rarer than everyday English used again): a
    # detail of one sentence, kept only where its section has too few other cards
    once: bool = False
    # a cloze whose blank the document says nowhere else, word for word: with a sentence
    # about none of the words of the titles above it, a side detail (see selection)
    said_once: bool = False
    # a question whose answer is all everyday words the document does not come back to
    # (:func:`studyapp.cards.gate.everyday_answer`): weak, kept only where a section needs it
    everyday: bool = False
    # a question about an entry of a dictionary (a list of terms in alphabetical order): its
    # term is the author's headword, which names what is asked whatever its word class
    headword: bool = False


@dataclass(frozen=True, slots=True)
class QA:
    """A question and its verbatim answer; ``kind`` names the sentence pattern it came from
    (part of the card id); ``background`` marks an answer taken from a leading "While ..."
    clause rather than from what the sentence states."""

    kind: str
    question: str
    answer: str
    background: bool = False


@dataclass(slots=True)
class DocContext:
    """What the card maker knows about the whole document."""

    subject: str  # the main subject ("ketamine"), never hidden in a cloze
    scorer: PhraseScorer
    acronyms: dict[str, str] = field(default_factory=dict)  # short -> expansion
    # defined term -> id of the top-level topic defining it (multiple-choice distractors)
    defined_terms: dict[str, str] = field(default_factory=dict)
    terms: frozenset[str] = frozenset()  # the document's own terms, lower case
    sentences: tuple[str, ...] = ()  # every sentence and list item of the document
    # defined term -> what kind of thing its definition says it is ("condition", "procedure")
    term_kinds: dict[str, str] = field(default_factory=dict)
    # the terms the author marked in this text (studyapp.outline.key_terms), as written
    key_terms: tuple[str, ...] = ()
    # which words the text always capitalises (studyapp.cards.proper_names.NameBook)
    names: NameBook = NO_NAMES


def sentence_case(title: str) -> str:
    """A title made readable inside a sentence: ``Advantages of Ketamine`` -> ``advantages
    of ketamine`` (acronyms and words with inner capitals are kept)."""
    out = []
    for word in title.split():
        if word[:1].isupper() and word[1:] == word[1:].lower() and not word[1:2].isdigit():
            out.append(word[:1].lower() + word[1:])
        else:
            out.append(word)
    return " ".join(out)


def lower_first(text: str) -> str:
    """Lower-case the first letter unless the first word is an acronym or has inner capitals,
    or the text is a capitalised name (``Complex Regional Pain Syndrome``)."""
    first = text.split(" ", 1)[0]
    later = [w for w in text.split()[1:] if len(w) > 3 and w[:1].isalpha()]
    if first[1:] != first[1:].lower() or (later and all(w[0].isupper() for w in later)):
        return text
    return text[:1].lower() + text[1:]


def digest(text: str) -> int:
    """A stable integer from text (deterministic choices, no randomness)."""
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=4).digest(), "big")


def stem(word: str) -> str:
    return word.lower()[:6]


def reveals(term: str, text: str) -> bool:
    """Whether ``text`` gives ``term`` away (the whole term, or every longer word's stem)."""
    lowered = text.lower()
    if term.lower() in lowered:
        return True
    long_words = [w for w in tf.words(term) if len(w) >= 5]
    return bool(long_words) and all(stem(w) in lowered for w in long_words)


ATTRIBUTE_TERMS = frozenset(
    [
        "mechanism", "mechanism of action", "example", "examples", "toxicity", "use", "uses",
        "dose", "dosage", "indication", "indications", "side effects", "adverse effects",
        "contraindication", "contraindications", "definition", "cause", "causes", "symptom",
        "symptoms", "treatment", "function", "location", "type", "types", "class", "action",
        "onset", "duration", "half-life", "route", "metabolism", "excretion", "target",
        "effect", "effects", "risk", "risks", "note", "signs", "diagnosis", "prognosis",
    ]
)  # fmt: skip


def is_name(text: str) -> bool:
    """Whether a list item is a short name rather than a sentence (a list worth recalling):
    not a clause with a finite verb or a pronoun for its subject ("You can't copyright the
    recipe" under "Cookbooks" is a rule, not a cookbook)."""
    words = text.rstrip(".").split()
    if not 0 < len(words) <= 6:
        return False
    if words[0].lower() in _SUBJECT_PRONOUNS or any(_CONTRACTED.search(w) for w in words):
        return False
    said = [w.strip(",;:()") for w in words]
    # a clause's verb comes after its subject: "Increased salivation" opens on an adjective
    return said[0].lower() not in lx.FINITE and not lx.holds_finite_verb(said[1:])


_SUBJECT_PRONOUNS = frozenset({"i", "you", "he", "she", "it", "we", "they"})
_CONTRACTED = re.compile(r"n[’']t$|[’'](?:ll|re|ve|d|m)$", re.IGNORECASE)  # not "Newton's"


def first_sentence_within(text: str, limit: int) -> str:
    """``text`` (without its final period) when short enough, else its first sentence."""
    text = text.strip()
    if len(text) > limit:
        first = split_sentences(text)
        text = first[0] if first else ""
    text = text.rstrip(".").strip()
    return text if 0 < len(text) <= limit else ""

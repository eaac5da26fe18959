"""Content checks on deck cards that go beyond structure: cloze syntax and near-duplicates.

:mod:`studyapp.decks.load` reads the YAML structure; this module judges card text: whether a cloze
text has well-formed ``{{c1::hidden}}`` deletions, and which cards of a deck ask the same
thing in slightly different words. Pure functions over strings and cards, no YAML.
"""

from __future__ import annotations

import re

from studyapp.model import Card, CardType

CLOZE_DELETION = re.compile(r"\{\{c(\d+)::(.*?)(?:::([^}]*))?\}\}", re.DOTALL)
"""One deletion: ``{{c1::hidden text}}`` or ``{{c1::hidden text::hint}}``."""

LONG_ANSWER = 200
"""Answers longer than this many characters get a warning: a card should ask for one fact."""

MIN_DISTRACTORS = 3
"""Multiple-choice cards with fewer distractors get a warning: guessing becomes too easy."""

_BRACES = re.compile(r"\{\{|\}\}")
_WORD = re.compile(r"\w+")
_FILLER = frozenset({"a", "an", "the"})


def cloze_problems(text: str) -> list[str]:
    """Messages for what is wrong with a cloze text's deletions; empty when it is fine."""
    problems: list[str] = []
    deletions = list(CLOZE_DELETION.finditer(text))
    for deletion in deletions:
        hidden = deletion.group(2)
        if "{{" in hidden:
            problems.append(
                f"cloze deletion {_snippet(deletion.group(0))} contains another '{{{{': "
                "deletions cannot be nested"
            )
        elif not hidden.strip():
            problems.append(f"cloze deletion {_snippet(deletion.group(0))} hides nothing")
    spans = [deletion.span() for deletion in deletions]
    stray = next(
        (
            brace.start()
            for brace in _BRACES.finditer(text)
            if not any(start <= brace.start() < end for start, end in spans)
        ),
        -1,
    )
    if stray >= 0 and not problems:
        problems.append(
            f"malformed cloze braces at {_snippet(text[stray : stray + 25])}: "
            "write each deletion as {{c1::hidden text}}"
        )
    if not deletions and not problems:
        problems.append("cloze text has no deletion: mark the hidden part as {{c1::hidden text}}")
    return problems


def _snippet(text: str) -> str:
    """A short quoted excerpt for a message."""
    text = " ".join(text.split())
    return repr(text if len(text) <= 40 else text[:37] + "...")


def normalise(text: str) -> str:
    """Text compared loosely: case-folded, whitespace collapsed."""
    return " ".join(text.casefold().split())


def question_keys(card: Card) -> tuple[str, ...]:
    """Keys under which two cards of the same type count as near-duplicates.

    The normalised question (or cloze text) itself, and for questions also the set of its
    words without punctuation and articles, so "What is X?" and "X: what is it" meet.
    A cloze text is only compared whole: one sentence with different deletions is fine.
    """
    if card.type is CardType.CLOZE:
        return (f"{card.type}|{normalise(card.text)}",)
    words = sorted(set(_WORD.findall(card.question.casefold())) - _FILLER)
    return (f"{card.type}|{normalise(card.question)}", f"{card.type}|words|{' '.join(words)}")

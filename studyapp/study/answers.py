"""Lenient checking of typed and multiple-choice answers, with a proposed rating.

A typed answer counts as **correct** when it equals one of the accepted answers after
normalising case, accents, punctuation, spacing, articles and British ae/oe spellings
(anaesthetic = anesthetic); as **close** when it is off by a small typo (Damerau-Levenshtein
distance 1 for short answers, 2 for longer ones); and as wrong otherwise. Some differences are
never typos, because in study material they change the meaning: answers and words of 3
characters or fewer (``vitamin A``), acronyms (``CRPS`` is not ``CRP``), numbers (``25 mg`` is
not ``35 mg``) and opposite prefixes (``hypertension`` is not ``hypotension``).

The proposed rating is Good for correct, Hard for close and Again for wrong; the student can
always override it. Pure functions, no I/O.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from studyapp.model import Card, CardType
from studyapp.review_types import Rating

_PUNCT_IN_NUMBER = re.compile(r"(?<=\d)[.,](?=\d)")
_DROPPED = re.compile(r"['’`.]")  # vanish: "Parkinson's" = "Parkinsons", "N.M.D.A." = "NMDA"
_NOT_WORD = re.compile(r"[^\w\u2027]+")
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]{1,5}\b")
_DIGITS = re.compile(r"\d+(?:\u2027\d+)?")
_CLOZE = re.compile(r"\{\{c\d+::(.*?)(?:::[^}]*)?\}\}", re.DOTALL)
_LIST_SPLIT = re.compile(r"[,;\n]+")
_LEADING_ARTICLES = frozenset({"the", "a", "an"})
# Word beginnings that turn a term into its opposite; one typo apart, never a typo.
_OPPOSITE_PREFIXES = (
    ("hyper", "hypo"),
    ("ab", "ad"),
    ("af", "ef"),
    ("exo", "endo"),
    ("inter", "intra"),
    ("in", "ex"),
    ("pre", "post"),
    ("sub", "supra"),
)


class DiffOp(StrEnum):
    """One segment of the difference between what was typed and what was expected."""

    SAME = "same"  # typed and expected
    EXTRA = "extra"  # typed but not expected (a wrong character)
    MISSING = "missing"  # expected but not typed


@dataclass(frozen=True, slots=True)
class AnswerCheck:
    """The verdict on one answer, what the view shows, and the rating it proposes."""

    correct: bool
    close: bool
    expected: str
    given: str
    diff: tuple[tuple[DiffOp, str], ...]
    proposed: Rating
    # the card's own answer, when the reply was judged against an accepted variant of it
    # ("11" for "A.D. 11"): the student still sees the answer as the text gives it
    answer: str = ""


def normalize(text: str) -> str:
    """Text reduced to what matters for a match: no accents, case, punctuation, extra spaces,
    leading article or "the"; decimal points kept (``1.5`` is not ``15``)."""
    # Case folded before the accents go: folding can spell a mark out as a letter ("ῷ" has
    # an iota below it, its capital an iota beside it), so both must fold the same first.
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    plain = _PUNCT_IN_NUMBER.sub("\u2027", plain)  # keep decimal marks as one neutral sign
    plain = _DROPPED.sub("", plain)
    words = [w for w in _NOT_WORD.sub(" ", plain).replace("_", " ").split() if w != "the"]
    while len(words) > 1 and words[0] in _LEADING_ARTICLES:
        words = words[1:]
    return " ".join(_british_to_american(w) for w in words)


def _british_to_american(word: str) -> str:
    """Fold the ae/oe spellings (anaesthetic, oedema, haemorrhage) into ae/oe-less ones.

    Folded until none is left ("aae" gives "ae" on a first pass), so normalizing twice gives
    what normalizing once does."""
    while len(word) > 4 and ("ae" in word or "oe" in word):
        word = word.replace("ae", "e").replace("oe", "e")
    return word


def typo_distance(a: str, b: str) -> int:
    """Damerau-Levenshtein distance (optimal string alignment): swaps count as one edit."""
    if a == b:
        return 0
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


def allowed_typos(expected_normalized: str) -> int:
    """How many edits still count as a typo: none up to 3 characters, 1 up to 9, then 2."""
    length = len(expected_normalized.replace(" ", ""))
    if length <= 3:
        return 0
    return 1 if length <= 9 else 2


def _opposite_prefix(expected: str, given: str) -> bool:
    """True when some word pair differs by an opposite prefix (hyper-/hypo-, ab-/ad-, ...)."""
    exp_words, giv_words = expected.split(), given.split()
    if len(exp_words) != len(giv_words):
        return False
    for e, g in zip(exp_words, giv_words, strict=True):
        if e == g:
            continue
        for p, q in _OPPOSITE_PREFIXES:
            for x, y in ((p, q), (q, p)):
                if e.startswith(x) and g.startswith(y) and not g.startswith(x):
                    rest_e, rest_g = e[len(x) :], g[len(y) :]
                    if typo_distance(rest_e, rest_g) <= 1:
                        return True
    return False


def _must_match_exactly(expected_raw: str, expected: str, given: str) -> bool:
    """True when acronyms or numbers of the expected answer are not all in the given one."""
    given_words = set(given.split())
    if any(len(word) <= 3 and word not in given_words for word in expected.split()):
        return True  # a short word such as "A" in "vitamin A" is too short for a typo
    for acronym in _ACRONYM.findall(expected_raw):
        if normalize(acronym) not in given_words:
            return True
    return _DIGITS.findall(expected) != _DIGITS.findall(given)


def _grade(given_raw: str, expected_raw: str) -> tuple[bool, bool]:
    """(correct, close) of one typed answer against one accepted answer."""
    given, expected = normalize(given_raw), normalize(expected_raw)
    if not given:
        return False, False
    if given == expected or given.replace(" ", "") == expected.replace(" ", ""):
        return True, False
    limit = allowed_typos(expected)
    if limit == 0 or _must_match_exactly(expected_raw, expected, given):
        return False, False
    if _opposite_prefix(expected, given):
        return False, False
    close = typo_distance(given.replace(" ", ""), expected.replace(" ", "")) <= limit
    return False, close


def character_diff(given: str, expected: str) -> tuple[tuple[DiffOp, str], ...]:
    """Segments showing how the typed text differs from the expected one (case ignored)."""
    given, expected = given.strip(), expected.strip()
    matcher = difflib.SequenceMatcher(
        None, [c.lower() for c in given], [c.lower() for c in expected], autojunk=False
    )
    segments: list[tuple[DiffOp, str]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            segments.append((DiffOp.SAME, expected[j1:j2]))
            continue
        if i2 > i1:
            segments.append((DiffOp.EXTRA, given[i1:i2]))
        if j2 > j1:
            segments.append((DiffOp.MISSING, expected[j1:j2]))
    return tuple(segments)


def expected_answers(card: Card) -> list[str]:
    """The answers accepted for a typed reply to ``card``, the main one first."""
    if card.type is CardType.CLOZE:
        return [", ".join(m.strip() for m in _CLOZE.findall(card.text))]
    if card.type is CardType.LIST:
        return [", ".join(card.items)]
    return [card.answer, *card.accept]


def _proposed(correct: bool, close: bool) -> Rating:
    if correct:
        return Rating.GOOD
    return Rating.HARD if close else Rating.AGAIN


def _check_list(given: str, card: Card) -> AnswerCheck:
    """A typed list: every item present (in order when ``ordered``), each exact or close."""
    expected_text = ", ".join(card.items)
    parts = [p for p in (s.strip() for s in _LIST_SPLIT.split(given)) if normalize(p)]
    grades: list[tuple[bool, bool]] = []
    if len(parts) == len(card.items):
        if card.ordered:
            grades = [_grade(p, item) for p, item in zip(parts, card.items, strict=True)]
        else:
            remaining = list(parts)
            for item in card.items:
                options = [(_grade(p, item), p) for p in remaining]
                best = max(options, key=lambda o: (o[0][0], o[0][1]))
                grades.append(best[0])
                remaining.remove(best[1])
    correct = bool(grades) and all(c for c, _ in grades)
    close = not correct and bool(grades) and all(c or k for c, k in grades)
    return AnswerCheck(
        correct=correct,
        close=close,
        expected=expected_text,
        given=given,
        diff=character_diff(", ".join(parts), expected_text),
        proposed=_proposed(correct, close),
    )


def check_typed(given: str, card: Card) -> AnswerCheck:
    """Judge a typed answer against the card's answer and its accepted variants."""
    if card.type is CardType.LIST:
        return _check_list(given, card)
    candidates = [c for c in expected_answers(card) if c.strip()]
    if not candidates:
        raise ValueError(f"card {card.id} has no answer to check a typed reply against")
    best, best_rank = candidates[0], (False, False, -1)
    for candidate in candidates:
        correct, close = _grade(given, candidate)
        nearness = -typo_distance(normalize(given), normalize(candidate))
        if (correct, close, nearness) > best_rank:
            best, best_rank = candidate, (correct, close, nearness)
    correct, close = best_rank[0], best_rank[1]
    return AnswerCheck(
        correct=correct,
        close=close,
        expected=best,
        given=given,
        diff=character_diff(given, best),
        proposed=_proposed(correct, close),
        answer=candidates[0] if best != candidates[0] else "",
    )


def choice_options(card: Card, order: Sequence[int] | None = None) -> list[str]:
    """The options of a multiple-choice card: the answer then the distractors, or in
    ``order`` (a permutation of their indexes, e.g. drawn by the session's seeded rng)."""
    options = [card.answer, *card.distractors]
    if order is None:
        return options
    if sorted(order) != list(range(len(options))):
        raise ValueError(f"order {list(order)} is not a permutation of {len(options)} options")
    return [options[i] for i in order]


def check_choice(chosen: str, card: Card) -> AnswerCheck:
    """Judge a multiple-choice pick (the option's text). Right is Good, wrong is Again."""
    options = choice_options(card)
    if chosen not in options:
        raise ValueError(f"{chosen!r} is not one of the options of card {card.id}")
    correct = chosen == card.answer
    return AnswerCheck(
        correct=correct,
        close=False,
        expected=card.answer,
        given=chosen,
        diff=((DiffOp.SAME, chosen),) if correct else ((DiffOp.EXTRA, chosen),),
        proposed=Rating.GOOD if correct else Rating.AGAIN,
    )

"""Cards that ask for the terms the author marked, from the sentence that says what each is.

A textbook marks a term where it introduces it (:mod:`studyapp.outline.key_terms`), and the
sentence around the mark usually says what the term names, in one of a few shapes:

* ``<description> is called <term>``: "The first portion of the mitotic phase is called
  karyokinesis" -> "What is the first portion of the mitotic phase called?";
* ``<description>, called <term>``: "Chitinous hairlike extensions, anchored in the
  epidermis, called setae ..." -> "What is the term for chitinous hairlike extensions,
  anchored in the epidermis?";
* ``<term>: <description>`` and ``<term>, the <description> that ...``: "newborn reflexes:
  inborn automatic responses to particular forms of stimulation" -> "What is the term for
  inborn automatic responses to particular forms of stimulation?".

The term is the answer: recalling the author's own vocabulary from what it means is the card
a teacher writes first. The mark makes the shape safe to read: the same shapes around any
phrase would often describe something else. A term too long to type becomes a multiple
choice among the text's other marked terms, the same kind of thing from the same text.
"""

from __future__ import annotations

import re

from studyapp.cards import lexicon as lx
from studyapp.cards.descriptions import is_clause, last_noun_phrase
from studyapp.cards.drafts import MAX_ANSWER, MAX_TYPED, DocContext, Draft, digest, lower_first
from studyapp.cards.from_text import paragraph_sentences
from studyapp.model import CardType
from studyapp.outline.nodes import OutlineSection
from studyapp.outline.sentences import normalise_space, plain_lower

_NAMING_WORDS = ("called", "termed", "known as", "referred to as", "named")
_NAMING = f"(?:{'|'.join(_NAMING_WORDS)})"
_ARTICLES = ("", "the ", "a ", "an ")  # what may stand between a naming word and the term
MIN_DESCRIPTION_WORDS = 5  # "a body of law" names no one thing


def key_term_cards(section: OutlineSection, ctx: DocContext) -> list[Draft]:
    """A card for each marked term of the section whose sentence says what it names."""
    if not ctx.key_terms:
        return []
    drafts: list[Draft] = []
    for sentence, standalone, _before in paragraph_sentences(section, ctx):
        lower = standalone.lower()
        for term in ctx.key_terms:
            if term.lower() not in lower:
                continue
            found = _described(standalone, term)
            if found is None:
                continue
            question, description = found
            if len(description) > MAX_ANSWER or normalise_space(description) not in normalise_space(
                sentence
            ):
                continue  # an answer is verbatim in the source, never made up by resolving
            drafts.append(_draft(term, question, sentence, section.id, ctx))
    return drafts


def _described(sentence: str, term: str) -> tuple[str, str] | None:
    """``(question, description)`` when ``sentence`` says what ``term`` names in one of the
    shapes of the module docstring, else ``None``."""
    text = sentence.rstrip(" .")
    # Each shape is looked for only in a sentence holding what it needs (in lower case, where
    # that finds what the pattern finds ignoring case): its patterns are made for each term,
    # so each is compiled when first used, and most sentences naming a term need none.
    lowered = plain_lower(text) if plain_lower(term) is not None else None
    low = term.lower()
    # the naming word, then the term at once or after an article: rarely both in a sentence
    naming = _may_hold(lowered, *(f"{w} {a}{low}" for w in _NAMING_WORDS for a in _ARTICLES))
    # the whole term, not the head of a longer one ("tort" in "called tort law")
    mark = re.escape(term) + r"(?![\w-])(?! (?!(?:and|or|is|are|was|were|in|of|at|for|to|from|by"
    mark += r"|on|with|because|which|that|who|during|as|so)\b)[a-z])"
    called = (
        re.match(
            rf"^(?P<what>[A-Z][^;:]{{8,160}}?) (?P<verb>is|are|was|were)"
            rf" (?:also |often |sometimes )?(?P<how>{_NAMING}) (?:the |an? )?{mark}\b",
            text,
            re.IGNORECASE,
        )
        if naming
        else None
    )
    if called and _describes(called.group("what")) and not is_clause(called.group("what")):
        what = lower_first(called.group("what"))
        how = "called" if called.group("how") in ("termed", "named") else called.group("how")
        return f"What {called.group('verb')} {what} {how}?", called.group("what")
    comma = (
        re.match(
            rf"^(?P<what>[A-Z][^;:]{{8,160}}?),? (?:also |often |sometimes )?{_NAMING} "
            rf"(?:the |an? )?{mark}\b",
            text,
            re.IGNORECASE,
        )
        if naming
        else None
    )
    if comma:
        what = last_noun_phrase(comma.group("what").rstrip(","))
        if what and _describes(what):
            return f"What is the term for {lower_first(what)}?", what
    colon = (
        re.search(rf"\b{mark}: (?P<what>[a-z][^;:]{{8,200}})$", text, re.IGNORECASE)
        if _may_hold(lowered, f"{low}: ")
        else None
    )
    if colon and _describes(colon.group("what")):
        return f"What is the term for {colon.group('what')}?", colon.group("what")
    apposed = (
        re.search(
            rf"\b{mark}, (?P<what>(?:the|an?) [a-z][^,;:()]{{8,200}}?\b(?:that|which|who|whose)\b"
            rf"[^,;:()]+)(?:,|$)",
            text,
            re.IGNORECASE,
        )
        if _may_hold(lowered, *(f"{low}, {a}" for a in _ARTICLES if a))
        else None
    )
    if apposed and _describes(apposed.group("what")):
        return f"What is the term for {apposed.group('what')}?", apposed.group("what")
    return None


def _may_hold(lowered: str | None, *needles: str) -> bool:
    """Whether a text, lower-cased by :func:`~studyapp.outline.sentences.plain_lower` (None
    where that could miss a match), may hold one of ``needles``."""
    return lowered is None or any(needle in lowered for needle in needles)


def _describes(what: str) -> bool:
    """Whether ``what`` is a description a student can name a term from: enough words, and
    not a pronoun or a pointer ("This", "It")."""
    said = lx.WORD.findall(what)
    if len(said) < MIN_DESCRIPTION_WORDS or lx.is_pronoun(said[0]):
        return False
    return said[0].lower() not in ("this", "these", "that", "those", "it", "such")


def _draft(term: str, question: str, sentence: str, section_id: str, ctx: DocContext) -> Draft:
    """A typed card for a term short enough to type, else a multiple choice among the text's
    other marked terms."""
    answer = re.sub(r"\s*\([^)]*\)$", "", term)  # "glomerular filtration rate (GFR)"
    key = f"name-term|{lower_first(answer)}"
    if len(answer) <= MAX_TYPED and len(answer.split()) <= 3:
        return Draft(CardType.TYPED, key, section_id, sentence, question, answer)
    others = sorted(
        (
            t
            for t in ctx.key_terms
            if t.lower() not in answer.lower() and answer.lower() not in t.lower()
        ),
        key=lambda t: (digest(answer + t), t),
    )[:3]
    if len(others) < 3:
        return Draft(CardType.BASIC, key, section_id, sentence, question, answer)
    return Draft(
        CardType.CHOICE, key, section_id, sentence, question, answer, distractors=tuple(others)
    )

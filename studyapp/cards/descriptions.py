"""Whether words describe a thing a term can be asked from, or are a clause.

"What is the term for <description>?" reads only when the description is a noun phrase
("the apparatus that orchestrates the movement of chromosomes", "a civil wrong that causes
harm"); a clause ("Segmentation is seen in internal anatomy, which", "parents make few
demands") makes the question ungrammatical. Shared by the card makers that ask for a term
from what it means (:mod:`studyapp.cards.from_key_terms`, glossaries in
:mod:`studyapp.cards.from_lists`).
"""

from __future__ import annotations

import re

from studyapp.cards import lexicon as lx


def last_noun_phrase(what: str) -> str:
    """The noun phrase a naming verb follows: all of ``what`` when it holds no clause ("Chitinous
    hairlike extensions, anchored in the epidermis"), else its last phrase opening on an
    article ("Some species bear [a specialized band of segments] known as a clitellum"), or
    ``""``."""
    if not is_clause(what):
        return what
    opening = list(re.finditer(r"\b(?:a|an|the)\b", what, re.IGNORECASE))
    for match in reversed(opening):
        rest = what[match.start() :]
        if "," not in rest and not is_clause(rest):
            return rest
    return ""


def is_clause(words: str) -> bool:
    """Whether ``words`` hold a clause rather than describe a thing: a finite verb outside a
    relative clause ("Segmentation is seen ...", "each organ develops ..."), a relative
    pronoun with nothing after it, or an opening quantifier or preposition ("Some species
    bear ...", "In eukaryotes, ..."). "A civil wrong that causes harm" describes a thing."""
    said = lx.WORD.findall(words)
    if not said or said[0].lower() in _OPENINGS or said[-1].lower() in _RELATIVE:
        return True
    head = _RELATIVE_CLAUSE.split(words, maxsplit=1)[0]  # what a relative clause adds is fine
    if _FINITE.search(head):
        return True
    opening = lx.WORD.findall(head)
    if len(opening) >= 2 and _subject_and_verb(opening[0], opening[1]):
        return True  # "parents make few demands", "individuals learn deviant behavior"
    return any(lx.only_verb(w) and not w.lower().endswith(("ed", "ing", "en")) for w in opening[1:])


def _subject_and_verb(first: str, second: str) -> bool:
    """Whether two opening words read as a plural subject and its verb ("parents give")."""
    plural = first.lower() != lx.lemma(first.lower()) and first.lower().endswith("s")
    base = second.islower() and lx.verb_lemma(second) == second
    return plural and base and "VERB" in lx.parts_of_speech(second)


# a finite verb of being or a modal: the words before a naming verb are a clause, not the
# description of the term ("Segmentation is seen in internal anatomy, which is called ...")
_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|can|may|will|would|should|must|does|do|did)\b",
    re.IGNORECASE,
)
_RELATIVE = lx.wordset("that which who whom whose")
_RELATIVE_CLAUSE = re.compile(r"\b(?:that|which|who|whom|whose|where)\b", re.IGNORECASE)
_OPENINGS = lx.wordset(
    "some many most each every all few several in on at for by with during when where if"
    " whether because while although"
)

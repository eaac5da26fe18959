"""A sentence's main statement without what interrupts it, for the question makers.

Prose sets a phrase between a subject and its verb: an appositive ("Peter Minuit, the
governor of New Netherland, was ..."), a participle's phrase ("New Jersey, beginning its
career under two proprietors, passed ..."), a relative clause ("The Greeks, who ..., carried
...") or a place or a date ("The Teutonic tribes, from their home beyond the Rhine, poured
into ..."; "A Swedish company in 1638 made ..."). The question makers read a subject and
its verb side by side, so such a sentence gave no question; without the interruption it
does ("When did New Jersey pass under the direct government of the crown?"). The removed
words stay out of the question and the answer, which remain verbatim pieces of the sentence.
"""

from __future__ import annotations

import re

from studyapp.cards import lexicon as lx
from studyapp.cards.why_how import noun_phrase

MAX_SUBJECT = 6  # words: a longer opening is a clause, not a subject
MAX_NAME = 4  # words of a name in capitals ("Peter Minuit", "New Jersey")
_RELATIVE = lx.wordset("who which whose")
_ARTICLES = lx.wordset("the a an")
_PREPOSITIONS = lx.wordset(
    "from with in of like unlike among after before during by under at on for since"
)
_YEAR_BETWEEN = re.compile(
    r"^(?P<subject>[A-Z][^,;]{2,60}?) in (?P<year>1\d{3}|[2-9]\d{2}|20\d{2}) "
    r"(?P<verb>[a-z]+) (?P<rest>[^,;]{3,})"
)


def without_interruption(text: str) -> str:
    """``text`` with the phrase between its subject and its verb taken out ("New Jersey,
    beginning its career under two proprietors, in 1664, passed under the crown in 1702" ->
    "New Jersey passed under the crown in 1702"), or a year between them moved after the
    predicate ("A Swedish company in 1638 made a settlement" -> "A Swedish company made a
    settlement in 1638"); ``""`` when the sentence has no such interruption."""
    year = _YEAR_BETWEEN.match(text)
    if year and _finite(year.group("verb")) and noun_phrase(year.group("subject").split()):
        return (
            f"{year.group('subject')} {year.group('verb')} {year.group('rest')} in {year['year']}"
        )
    head, comma, rest = text.partition(", ")
    if not comma or not head[:1].isupper():
        return ""
    words = head.split()
    named = len(words) <= MAX_NAME and all(w[:1].isupper() for w in words)  # "Peter Minuit"
    if len(words) > MAX_SUBJECT or not (named or noun_phrase(words)):
        return ""
    opener = rest.split(" ", 1)[0]
    if not _opens_interruption(opener):
        return ""
    parts = rest.split(", ")
    for at in range(1, len(parts)):
        verb = parts[at].split(" ", 1)[0]
        if _finite(verb) and len(parts[at].split()) >= 3:
            return f"{head} {', '.join(parts[at:])}"
    return ""


def _opens_interruption(word: str) -> bool:
    """Whether a phrase opening on ``word`` after a subject and a comma is set aside from
    the sentence: a relative pronoun, an article (an appositive), a preposition or a
    participle; not a verb of the subject ("X, Y and Z are ...": a list goes on)."""
    low = word.lower()
    if low in _RELATIVE or low in _ARTICLES or low in _PREPOSITIONS:
        return True
    return word.islower() and word.endswith(("ing", "ed")) and bool(lx.verb_lemma(word))


def _finite(word: str) -> bool:
    """Whether ``word`` may be the finite verb of the clause ("passed", "was", "poured"):
    a form of "be" or "have", or a verb of the lexicon in its past or third-person form;
    not a participle in "-ing", a base form or a function word."""
    if not word.islower() or word.endswith("ing"):
        return False
    if word in lx.FINITE:
        return True
    if lx.is_function_word(word):
        return False
    base = lx.verb_lemma(word)
    if not base:
        return False
    return lx.is_past(word, base) or (word != base and word.endswith(("ed", "s")))

"""Sentence splitting and text normalisation shared by the outline filter and the card maker.

Splitting keeps every sentence verbatim (as a span of the input), so a dropped sentence leaves
the rest of a paragraph untouched and a card's ``source`` is exactly the text a student reads.
"""

from __future__ import annotations

import re
from functools import lru_cache

# A sentence ends at . ! or ? (optionally followed by a closing quote or bracket) followed by
# whitespace and something that can start a sentence.
# a stop and a space before a capital; or, as old books print it, a stop and a dash ("...
# Bunker Hill.--But Paul Revere was on the watch")
_BOUNDARY = re.compile(
    r"[.!?][\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])|[.!?][\"”’')\]]*--(?=[\"“‘(\[]?[A-Z])"
)
# a paragraph's run-in side head set off by a dash: "Specific Heat--The specific heat of a
# substance is ...", "Latent Heat--Latent heat is ..."
_RUN_IN_HEAD = re.compile(r"^\s*[A-Z][\w'’]*(?:[ -][A-Za-z][\w'’]*){0,6}--(?=[A-Z])")
# words a period after does not end a sentence (the cards read them too: "[Baker v]. Carr")
ABBREVIATIONS = frozenset(
    [
        "e.g",
        "i.e",
        "etc",
        "vs",
        "v",  # a case name: "Illinois v. Gates"
        "cf",
        "al",
        "dr",
        "mr",
        "mrs",
        "ms",
        "prof",
        "st",
        "no",
        "fig",
        "figs",
        "approx",
        "ca",
        "jr",
        "sr",
        "inc",
        "ltd",
        "co",
        "resp",
        "vol",
        "pp",
        "p",
        "ed",
        "eds",
    ]
)
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.")
# a dotted initialism ("U.S", "D.C", "U.K" before their last stop)
_INITIALISM = re.compile(r"^(?:[A-Z]\.)+[A-Z]$")
# words that open a sentence: after "the U.S." only these start a new one ("... in the U.S.
# They ..."); any other capital goes on the same sentence ("the U.S. Army", "the U.S.
# Constitution")
_OPENING_WORDS = """the a an it its he she they we i you this that these those there here his
    her their our in on at by for from as but and or so yet if when while although though since
    after before during many most some such each every no not however then thus today later also"""
_OPENERS = frozenset(_OPENING_WORDS.split())


MAX_BRACKET = 80  # characters: a bracket closing this soon after a stop holds a citation


def _inside_brackets(text: str, start: int, at: int) -> bool:
    """Whether the stop at ``at`` is inside brackets opened since ``start`` that close soon
    after it ("Smith v. Jones (9th Cir. 2010) 597 F.3d 838"): a sentence does not end there
    (one that ends with the bracket, "... a cell.) After", does)."""
    opened = text.count("(", start, at) - text.count(")", start, at)
    if opened <= 0:
        return False
    close = text.find(")", at, at + MAX_BRACKET)
    return close != -1 and "(" not in text[at:close]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` spans of the sentences of ``text``, trailing spaces excluded.

    Abbreviations (``e.g.``, ``Dr.``, ``et al.``, a case's ``v.``), single initials (``J.
    Smith``), initialisms before a name (``the U.S. Army``) and stops inside brackets that
    close soon (``(9th Cir. 2010)``) do not end a sentence.
    """
    return list(_spans(text))  # one text is split again by several card makers


@lru_cache(maxsize=16384)
def _spans(text: str) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    start = 0
    while start < len(text) and text[start].isspace():
        start += 1
    head = _RUN_IN_HEAD.match(text)
    if head and _title_like(text[start : head.end() - 2]):
        spans.append((start, head.end() - 2))  # the side head, a fragment of its own
        start = head.end()
    for match in _BOUNDARY.finditer(text):
        if match.start() < start:
            continue
        if text[match.start()] == ".":
            word = _word_before(text, start, match.start())
            if word.lower().rstrip(".") in ABBREVIATIONS or (len(word) == 1 and word.isupper()):
                continue
            if _INITIALISM.match(word) and not _opens_sentence(text, match.end()):
                continue  # "the U.S. Army": a name goes on
            if ")" not in match.group() and _inside_brackets(text, start, match.start()):
                continue  # "(9th Cir. 2010)": an abbreviation inside a citation's brackets
        end = match.end()
        while end > start and (text[end - 1].isspace() or text[end - 1] == "-"):
            end -= 1  # "... Bunker Hill.--": the dash joins the next sentence, ends none
        spans.append((start, end))
        start = match.end()
    end = len(text)
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
    return tuple(spans)


def _title_like(head: str) -> bool:
    """Whether a run-in head is a title: most of its words capitalised ("Specific Heat",
    "British Thermal Unit"), not the start of a sentence broken by a dash."""
    words = [w for w in head.split() if len(w) > 3]
    return bool(words) and sum(w[:1].isupper() for w in words) * 2 > len(words)


def _opens_sentence(text: str, at: int) -> bool:
    """Whether the word at ``at`` is one a sentence opens on (see :data:`_OPENERS`)."""
    end = at
    while end < len(text) and text[end].isalpha():
        end += 1
    return text[at:end].lower() in _OPENERS


def _word_before(text: str, start: int, end: int) -> str:
    """The run of ASCII letters and stops ending at ``end`` (not before ``start``): the word
    a stop closes ("e.g", "Dr", "J"). Read back from the stop, a few characters, rather than
    searched for from the sentence's start."""
    begin = end
    while begin > start and text[begin - 1] in _WORD_CHARS:
        begin -= 1
    return text[begin:end]


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text``, each verbatim."""
    return [text[a:b] for a, b in sentence_spans(text)]


# Letters that a pattern read with re.IGNORECASE matches to an ASCII letter although lower()
# does not turn them into it ("ı", "ſ"), or that lower() makes two letters ("İ"): Python's re
# documentation names them.
_CASE_TRAPS = ("İ", "ı", "ſ")


def plain_lower(text: str) -> str | None:
    """``text`` lower-cased, where a pattern written in lower case finds in it, reading case,
    just what it finds in ``text`` ignoring case, at the same places (a faster search); None
    when ``text`` holds one of the few letters for which that is not so."""
    if text.isascii():  # known at once: most text holds none of the traps
        return text.lower()
    return None if any(trap in text for trap in _CASE_TRAPS) else text.lower()


@lru_cache(maxsize=16384)  # the same sentence is normalised at each step that compares it
def normalise_space(text: str) -> str:
    """``text`` with every run of whitespace made one space, ends stripped."""
    return single_spaced(text)


def single_spaced(text: str) -> str:
    """:func:`normalise_space` without its cache, for text normalised once (a line of the
    outline as it is read)."""
    if "  " not in text and text.isprintable():  # its only whitespace is single spaces
        return text.strip()
    return " ".join(text.split())

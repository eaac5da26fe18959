"""What decks are called: their titles and ids, and the id prefix of a source.

A deck's title names its topic (a heading that is a sentence gives its key phrase, one in
capitals is written in title case); its id is ``<prefix>-<number>-<title slug>``, unique.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from studyapp.cards.drafts import DocContext
from studyapp.outline.lines import roman_value
from studyapp.outline.nodes import ItemList, Outline, OutlineSection, Paragraph


def slug(text: str, max_words: int = 6) -> str:
    """A file-name-safe lower-case slug of the first words of ``text``."""
    parts = re.findall(r"[a-z0-9]+", text.lower().replace("’", "").replace("'", ""))
    return "-".join(parts[:max_words]) or "deck"


def default_prefix(source: Path, outline: Outline | None = None) -> str:
    """The deck-id prefix when none is given: the first word of the source file's name.

    A file named like a download or a hash (``000_06ccfb...txt``) says nothing to a student
    who sees deck ids in errors and file names, so then the prefix is the title word the text
    mentions most (``ketamine`` for "Therapeutic Uses of Ketamine in Medicine").
    """
    from_name = slug(source.stem, max_words=1)
    if re.fullmatch(r"[a-z]{3,}", from_name) or outline is None:
        return from_name
    return _topic_word(outline) or from_name


def _topic_word(outline: Outline) -> str:
    """The word of the outline's title (4+ letters) that its sections mention most."""
    words = {w for w in re.findall(r"[a-z]{4,}", outline.title.lower())}
    if not words:
        return ""
    text = " ".join(_all_text(outline.sections)).lower()
    counts = {w: len(re.findall(rf"\b{w}\b", text)) for w in sorted(words)}
    best = max(counts, key=lambda w: (counts[w], w))
    return best if counts[best] > 0 else ""


def _all_text(sections: Sequence[OutlineSection]) -> Iterator[str]:
    """Titles and paragraph text of the sections and their children, in order."""
    for section in sections:
        yield section.title
        for block in section.blocks:
            if isinstance(block, Paragraph):
                yield block.text
            elif isinstance(block, ItemList):
                yield from (item.text for item in block.items)
            else:
                yield from (" ".join(row) for row in block.rows)
        yield from _all_text(section.children)


_SPEAKER = re.compile(r"\b(?:our|we|us|you|your|i|me|my|discussion|talk|look)\b", re.I)
_DISCOURSE = re.compile(
    r"^(?:alright|all right|ok(?:ay)?|so|now|well|let'?s|let’s|here|today|next|in this)\b", re.I
)


_SMALL_WORDS = frozenset(
    ["a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to"]
)


_NUMBER = re.compile(r"^(?:[IVXLC]+|\d+)[.:)]?$")
_ROMAN = re.compile(r"^[IVXLC]+[.:)]?$")  # "VII", "IV.": a number, kept in capitals
_NUMBERED = frozenset(
    [
        "chapter",
        "part",
        "book",
        "section",
        "volume",
        "act",
        "article",
        "canto",
        "lecture",
        "unit",
        "title",
    ]
)


def _title_case(title: str) -> str:
    """``ORDERS, COMMANDS, AND SIGNALS`` -> ``Orders, Commands, and Signals``; ``CHAPTER VII``
    -> ``Chapter VII`` (a Roman number after a word that numbers, not "CIVIL" or "MIX")."""
    words = title.split(" ")
    out: list[str] = []
    for i, word in enumerate(words):
        before = words[i - 1] if i else ""
        # "XIV--ENGLAND": a dash joins the number to the title, each part cased on its own
        parts = word.split("--")
        cased = [_cased_word(parts[0], before, first=not i)]
        cased += [_cased_word(part, "--", first=True) for part in parts[1:]]
        out.append("--".join(cased))
    return " ".join(out)


def _cased_word(word: str, before: str, first: bool) -> str:
    """One word of :func:`_title_case`, after the word ``before`` it."""
    if _ROMAN.match(word) and before.lower() in _NUMBERED:
        return word
    if not first and word.lower() in _SMALL_WORDS and not before.endswith((".", ":")):
        return word.lower()
    return "-".join(p[:1].upper() + p[1:] for p in word.lower().split("-"))


def topic_title(title: str, ctx: DocContext) -> str:
    """A deck title that names a topic: a heading that is a sentence ("Alright, let's keep
    rolling with our search algorithms") gives its key phrase ("Search algorithms"); an
    all-capitals heading ("ORDERS, COMMANDS, AND SIGNALS.") is written in sentence case."""
    title = title.strip()
    letters = [c for c in title if c.isalpha()]
    shouted = len(letters) > 3 and all(c.isupper() for c in letters)
    if shouted and (
        len(title.split()) > 1
        or len(letters) >= 7
        or title.endswith(".")
        or (title.isalpha() and not ctx.names.never_lower(title.lower()))
    ):  # not "HTTP" or "POP3": those are names; "SLEEP" is a word the text writes "sleep"
        title = _title_case(title.rstrip("."))
    words = title.split()
    said = title.split(maxsplit=2)  # "Chapter XVII -- Concerning Cruelty and ...": a
    numbered = len(said) > 1 and said[0].lower() in _NUMBERED and bool(_NUMBER.match(said[1]))
    sentence = (
        not numbered
        and (  # chapter's own title, however long, names its topic
            len(words) > 10
            or (len(words) > 4 and title[-1:] in ".!?;,")
            or bool(_DISCOURSE.match(title))
        )
    )
    if not sentence:
        return title
    phrases = [p for _score, p in ctx.scorer.candidates(title) if not _SPEAKER.search(p)]
    if not phrases:
        return title
    phrase = max(phrases[:3], key=len)  # of the best, the fullest: "cell wall differences"
    return phrase[:1].upper() + phrase[1:]


def deck_ids(prefix: str, topics: list[OutlineSection], titles: list[str]) -> list[str]:
    """``<prefix>-<number>-<title slug>`` for each topic, unique: a repeat (two topics with one
    number and title) gets ``-2``, ``-3``... so no deck ever overwrites another."""
    ids: list[str] = []
    used: set[str] = set()
    for index, (topic, title) in enumerate(zip(topics, titles, strict=True)):
        base = f"{slug(prefix, 3)}-{_ordinal(topic, index):02d}-{slug(title)}"
        candidate, n = base, 2
        while candidate in used:
            candidate, n = f"{base}-{n}", n + 1
        used.add(candidate)
        ids.append(candidate)
    return ids


def _ordinal(topic: OutlineSection, index: int) -> int:
    """The topic's number as an integer (``II`` -> 2), else its position (1-based)."""
    number = topic.number
    if number.isdigit():
        return int(number)
    if roman_value(number):
        return roman_value(number)
    if len(number) == 1 and number.isalpha():
        return ord(number.upper()) - ord("A") + 1
    return index + 1

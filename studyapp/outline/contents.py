"""A table of contents is not content: found by its entries coming back as headings, dropped.

Manuals and long notes list their sections before the body (``I. Introduction`` ...
``IV. Other useful tips``, ``1.1 What is curl?``, ``The battalion 258-326``, bullets linking
to ``#anchors``). Read as content, every topic would appear twice, and the first copy, empty,
would take the real section's place. A contents list is a run of short lines (headings, list
items or bare lines, blank lines between them allowed) most of whose titles the text repeats
later, or that end in page numbers (``Camps .... 661-707``), or that only link to anchors;
:func:`drop_contents` turns such a run into blank lines. So does it with the numbered lines
under a title saying they are contents (``Contents``, ``Analysis of Contents``): a book whose
chapters are headed by their numbers alone (``I`` ... ``XXVI``) repeats none of its entries.
"""

from __future__ import annotations

import re

from studyapp.outline.events import BLANK, HEADING, ITEM, TEXT, LineEvent
from studyapp.outline.lines import strip_inline, title_cased

MIN_ENTRIES = 3  # fewer entries are an ordinary list
FOUND_SHARE = 0.6  # of a run's entries the text must repeat after it
MAX_ENTRY_WORDS = 20

_NUMBERING = re.compile(
    r"^(?:(?:part|chapter|section|lecture|book|title|article)\s+)?(?:[ivxlcdm]+|[a-z]|\d+(?:\.\d+)*)[.):]*\s+"
    r"|^\(?[a-z0-9]\)\s+"
)
_PAGE = re.compile(r"(?:[\s.·…_-]*\b\d+(?:\s*[-–—]\s*\d+)?)$")
_PAGED = re.compile(r"[A-Za-z_)][\s.·…_-]+\d+(?:\s*[-–—]\s*\d+)?\s*$")  # "Camps 661-707"
_NOT_WORD = re.compile(r"[^\w\s]+")
# _NOT_WORD for an ASCII text, as a byte table: every character it finds made a space
_ASCII_NOT_WORD = bytes(32 if i < 128 and _NOT_WORD.match(chr(i)) else i for i in range(256))
_ANCHOR_ONLY = re.compile(r"^\s*\[[^\]]+\]\(#[^)]*\)\s*$")
# one sentence ends, another begins: "[a-z][.!?]\s+[A-Z]", opening on the stop (the letter
# before it is looked back at), so a line is scanned for its few stops, not at every letter
_SENTENCE_BREAK = re.compile(r"[.!?](?<=[a-z].)\s+[A-Z]")
_ASIDE = re.compile(r"\([^()]*\)")
_CONTENTS_TITLE = re.compile(r"^(?:(?:table|analysis|list) of )?contents$")


def entry_key(line: str) -> str:
    """A contents entry or heading reduced to compare them: no numbering, page numbers,
    markup, punctuation or case (``1.2 Consult %APPDATA%... 12`` -> ``consult appdata``)."""
    text = strip_inline(line).lower().strip()
    numbering = _NUMBERING.match(text)  # at the start only: matched, not searched for
    if numbering:
        text = text[numbering.end() :]
    if text[-1:].isdecimal():  # a page number ends the line: most lines are searched no further
        text = _PAGE.sub("", text)
    words = text.replace("_", " ").split()
    if "".join(words).isalnum():  # only letters and digits (as \w reads them): nothing to drop
        return " ".join(words)
    text = " ".join(words)
    if text.isascii():  # most lines: a byte table does what the pattern does, many times faster
        return " ".join(text.encode().translate(_ASCII_NOT_WORD).decode().split())
    return " ".join(_NOT_WORD.sub(" ", text).split())


def drop_contents(events: list[LineEvent], lines: list[str]) -> dict[str, str]:
    """Blank every run of lines that reads as a table of contents (see the module docstring);
    return the titles of numbered entries under a contents title, by number (for
    :func:`title_bare_numbers`).

    A run is a stretch of short lines of one kind (list items, or numbered and bare lines);
    within it, the entries from the first to the last that the text repeats later (or that
    end in page numbers, or link to anchors) are the contents when they are most of that span.
    """
    titles = _drop_titled(events, lines)
    keys = [_key(e, lines) if e.kind in _ENTRY_KINDS and not e.md_level else "" for e in events]
    _join_wrapped(events, lines, keys)
    last_seen: dict[str, int] = {}
    first_seen: dict[str, int] = {}
    for pos, key in enumerate(keys):
        if key:
            last_seen[key] = pos
            first_seen.setdefault(key, pos)
    pos = 0
    while pos < len(events):
        if not keys[pos]:
            pos += 1
            continue
        end, entries, seen = pos, [], set()
        listed = events[pos].kind == ITEM
        while end < len(events) and (keys[end] or events[end].kind == BLANK):
            if keys[end]:
                full = lines[events[end].index].rstrip().lower()
                if full.strip() in seen or (events[end].kind == ITEM) != listed:
                    break  # the body begins (its first heading repeats an entry), or a list ends
                first = first_seen[keys[end]]
                again = first < end and keys[end - 1] != keys[end]
                if (
                    again
                    and events[end].kind != ITEM
                    and _indent(full) < _indent(lines[events[first].index])
                ):
                    break  # "TITLE I. OF JUSTICE AND LAW" at the margin repeats "     I. Of
                    # Justice and Law", an indented entry before it: the body has begun
                entries.append(end)
                seen.add(full.strip())
            end += 1
        _drop_entries(events, entries, keys, last_seen, lines)
        pos = end if end > pos else pos + 1
    return titles


def _indent(line: str) -> int:
    """How many spaces open ``line``."""
    return len(line) - len(line.lstrip(" "))


def _join_wrapped(events: list[LineEvent], lines: list[str], keys: list[str]) -> None:
    """An entry wrapped onto a second line ("II. Of the law of nature, the law of nations,"
    / "and the civil law") is one entry: both lines take the joined key, which the chapter's
    heading repeats whole. A continuation opens in lower case right under a numbered line."""
    for pos in range(1, len(events)):
        if not keys[pos] or not keys[pos - 1] or events[pos].index != events[pos - 1].index + 1:
            continue
        line, before = lines[events[pos].index].strip(), lines[events[pos - 1].index].strip()
        if line[:1].islower() and _NUMBERING.match(before.lower()):
            keys[pos - 1] = keys[pos] = f"{keys[pos - 1]} {keys[pos]}"


def _drop_titled(events: list[LineEvent], lines: list[str]) -> dict[str, str]:
    """Blank every contents title (``Contents``, ``## Table of Contents``: a title, never
    content) and the numbered entries under it, with the lines that continue them (indented,
    unnumbered): at least :data:`MIN_ENTRIES` of them, blank lines between allowed. The first
    other line ends the contents. Returns each numbered entry's title by its number (see
    :func:`title_bare_numbers`)."""
    titles: dict[str, str] = {}
    for pos, event in enumerate(events):
        line = lines[event.index]
        if len(line) > 40 or "contents" not in line.lower() or event.kind == BLANK:
            continue
        if not _CONTENTS_TITLE.match(entry_key(line.strip().strip("#*=_ :"))):
            continue
        entries, end, numbered = [], pos + 1, 0
        while end < len(events):
            kind, line = events[end].kind, lines[events[end].index]
            if kind != BLANK:
                if _NUMBERING.match(line.strip().lower()):
                    numbered += 1
                elif not numbered or not line[:1].isspace():
                    break  # neither an entry nor the indented rest of one
                entries.append(end)
            end += 1
        if numbered >= MIN_ENTRIES:
            titles.update(_titles_by_number(entries, events, lines))
        _blank(events, [pos, *entries] if numbered >= MIN_ENTRIES else [pos])
    return titles


def _titles_by_number(
    entries: list[int], events: list[LineEvent], lines: list[str]
) -> dict[str, str]:
    """``{"III": "The Manner of Imitation"}``: each numbered entry's title, its indented
    continuation lines joined to it."""
    titles: dict[str, str] = {}
    number = ""
    for p in entries:
        line = lines[events[p].index].strip()
        found = _NUMBERING.match(line.lower())
        if found:
            number, line = line[: found.end()].strip().rstrip(".):"), line[found.end() :]
            titles[number] = line.strip()
        elif number:
            titles[number] = f"{titles[number]} {line}"
    # "(Plot continued.) Dramatic Unity": the note to the reader is no part of the topic
    plain = {n: " ".join(_ASIDE.sub(" ", t).split()).rstrip(" .") for n, t in titles.items()}
    return {n: t for n, t in plain.items() if t}


def title_bare_numbers(events: list[LineEvent], titles: dict[str, str]) -> None:
    """Give a chapter headed by its number alone ("III") the title its contents entry gives
    it ("III. The Manner of Imitation"): a bare number says nothing of the topic. Run once
    the headings are known (a bare number is one; a number with its title may not read so)."""
    if not titles:
        return
    for pos, event in enumerate(events):
        if event.kind not in (TEXT, HEADING) or len(event.text) > 8:
            continue
        number = event.text.strip().rstrip(".")
        alone = all(0 <= p < len(events) and events[p].kind == BLANK for p in (pos - 1, pos + 1))
        if number in titles and (event.plain_heading or event.kind == HEADING or alone):
            event.text = f"{number}. {titles[number]}"
            event.plain_heading = event.plain_heading or event.kind == TEXT  # "II." alone


def _blank(events: list[LineEvent], entries: list[int]) -> None:
    """Turn the lines of ``entries`` into blank lines: they are contents, not content."""
    for p in entries:
        events[p].kind, events[p].readings, events[p].md_level = BLANK, [], 0


def _drop_entries(
    events: list[LineEvent],
    entries: list[int],
    keys: list[str],
    last_seen: dict[str, int],
    lines: list[str],
) -> None:
    """Blank the span of ``entries`` that reads as contents, if there is one."""
    if len(entries) < MIN_ENTRIES:  # too few for any test to find enough of them
        return
    tests = (
        lambda p: last_seen[keys[p]] > entries[-1],  # repeated after the list
        lambda p: "](#" in events[p].text and bool(_ANCHOR_ONLY.match(events[p].text)),
        lambda p: _paged(lines[events[p].index]),
    )
    for test in tests:
        hits = [i for i, p in enumerate(entries) if test(p)]
        # the contents are found when, from the first entry the test finds, a stretch of
        # them is mostly found; then the whole run goes: a chapter cut from a book keeps the
        # book's full contents, whose later entries ("11. The Lorentz Transformation") the
        # text never reaches
        found = any(
            count >= MIN_ENTRIES and count >= FOUND_SHARE * (last - hits[0] + 1)
            for count, last in enumerate(hits, start=1)
        )
        if found:
            _blank(events, entries)
            return


def _paged(line: str) -> bool:
    """Whether a line ends in a page number (``Camps .... 661-707``): searched only in a line
    ending on a digit, as every such line does."""
    return line.rstrip()[-1:].isdigit() and bool(_PAGED.search(line))


_ENTRY_KINDS = (HEADING, ITEM, TEXT)


def _key(event: LineEvent, lines: list[str]) -> str:
    """The entry key of a short line that could be a contents entry, else ``""``."""
    if event.kind not in _ENTRY_KINDS or event.md_level:
        return ""  # a Markdown or underlined heading is structure, never an entry
    raw = lines[event.index].strip()
    if event.kind == ITEM or event.plain_heading:  # a heading set over several lines, joined
        raw = event.text
    if event.kind == HEADING and event.md_level:
        raw = event.text
    # split no further than an entry can go: a paragraph's long line is not split in full
    words = raw.split(maxsplit=MAX_ENTRY_WORDS)
    if not words or len(words) > MAX_ENTRY_WORDS or raw.endswith((":", ";", ",")):
        return ""
    titled = event.kind == HEADING and bool(event.readings) and title_cased(event.text)
    if not titled and ((raw.endswith(".") and len(words) > 4) or _sentence_break(raw)):
        return ""  # a sentence: prose, not an entry ("13. Theorem of ... Velocities. The
        # Experiment of Fizeau" is a numbered title)
    if "](#" in raw and _ANCHOR_ONLY.match(raw):
        return entry_key(raw) or "#"
    return entry_key(raw)


def _sentence_break(text: str) -> bool:
    """Whether one sentence of ``text`` ends and another begins (:data:`_SENTENCE_BREAK`),
    searched only in a text holding a stop (most short lines hold none)."""
    return ("." in text or "!" in text or "?" in text) and bool(_SENTENCE_BREAK.search(text))

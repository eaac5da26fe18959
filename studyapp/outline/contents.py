"""A table of contents is not content: found by its entries coming back as headings, dropped.

Manuals and long notes list their sections before the body (``I. Introduction`` ...
``IV. Other useful tips``, ``1.1 What is curl?``, ``The battalion 258-326``, bullets linking
to ``#anchors``). Read as content, every topic would appear twice, and the first copy, empty,
would take the real section's place. A contents list is a run of short lines (headings, list
items or bare lines, blank lines between them allowed) most of whose titles the text repeats
later, or that end in page numbers (``Camps .... 661-707``), or that only link to anchors;
:func:`drop_contents` turns such a run into blank lines.
"""

from __future__ import annotations

import re

from studyapp.outline.events import BLANK, HEADING, ITEM, TEXT, LineEvent
from studyapp.outline.lines import strip_inline

MIN_ENTRIES = 4  # fewer short lines in a row are an ordinary list
FOUND_SHARE = 0.6  # of a run's entries the text must repeat after it
MAX_ENTRY_WORDS = 20

_NUMBERING = re.compile(
    r"^(?:(?:part|chapter|section|lecture|book)\s+)?(?:[ivxlcdm]+|[a-z]|\d+(?:\.\d+)*)[.):]*\s+"
    r"|^\(?[a-z0-9]\)\s+"
)
_PAGE = re.compile(r"(?:[\s.·…_-]*\b\d+(?:\s*[-–—]\s*\d+)?)$")
_PAGED = re.compile(r"[A-Za-z_)][\s.·…_-]+\d+(?:\s*[-–—]\s*\d+)?\s*$")  # "Camps 661-707"
_NOT_WORD = re.compile(r"[^\w\s]+")
_SPACES = re.compile(r"\s+")
_ANCHOR_ONLY = re.compile(r"^\s*\[[^\]]+\]\(#[^)]*\)\s*$")


def entry_key(line: str) -> str:
    """A contents entry or heading reduced to compare them: no numbering, page numbers,
    markup, punctuation or case (``1.2 Consult %APPDATA%... 12`` -> ``consult appdata``)."""
    text = strip_inline(line).lower().strip()
    text = _NUMBERING.sub("", text, count=1)
    text = _PAGE.sub("", text)
    text = _NOT_WORD.sub(" ", text.replace("_", " "))
    return _SPACES.sub(" ", text).strip()


def drop_contents(events: list[LineEvent], lines: list[str]) -> None:
    """Blank every run of lines that reads as a table of contents (see the module docstring)."""
    keys = [_key(e, lines) for e in events]
    last_seen: dict[str, int] = {}
    for pos, key in enumerate(keys):
        if key:
            last_seen[key] = pos
    pos = 0
    while pos < len(events):
        if not keys[pos]:
            pos += 1
            continue
        end, entries, seen = pos, [], set()
        while end < len(events) and (keys[end] or events[end].kind == BLANK):
            full = lines[events[end].index].strip().lower()
            if keys[end] and full in seen:  # the body begins: its first heading repeats an entry
                break
            if keys[end]:
                entries.append(end)
                seen.add(full)
            end += 1
        if len(entries) >= MIN_ENTRIES:
            found = [p for p in entries if last_seen[keys[p]] > entries[-1]]
            anchors = [p for p in entries if _ANCHOR_ONLY.match(events[p].text)]
            paged = [p for p in entries if _PAGED.search(lines[events[p].index])]
            if max(len(found), len(anchors), len(paged)) >= FOUND_SHARE * len(entries):
                for p in entries:
                    events[p].kind, events[p].readings, events[p].md_level = BLANK, [], 0
        pos = end


def _key(event: LineEvent, lines: list[str]) -> str:
    """The entry key of a short line that could be a contents entry, else ``""``."""
    if event.kind not in (HEADING, ITEM, TEXT):
        return ""
    raw = lines[event.index].strip()
    if event.kind == ITEM:
        raw = event.text
    if event.kind == HEADING and event.md_level:
        raw = event.text
    words = raw.split()
    if not words or len(words) > MAX_ENTRY_WORDS or raw.endswith((":", ";", ",")):
        return ""
    if re.search(r"[a-z][.!?]\s+[A-Z]", raw):  # two sentences: prose, not an entry
        return ""
    if _ANCHOR_ONLY.match(raw):
        return entry_key(raw) or "#"
    return entry_key(raw)

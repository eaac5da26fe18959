"""Editors' notes in a text: illustrations, footnotes, sidenotes and their marks.

Plain-text books (Project Gutenberg's tens of thousands among them) mark what the printed
page had around its text in square brackets: ``[Illustration: Fig. 12.--The heart ...]`` for
a picture nobody can see here, ``[Footnote 1: Harvey first described ...]`` for a note,
``[Sidenote: Veins.]`` for a margin heading, and ``[1]`` after the word a note belongs to
(``<sup>32</sup>`` in a text made from HTML); a note printed at the chapter's end opens on
its mark (``[8] At the Second Council ...``). Law books and classics number their paragraphs
(``1 Jurisprudence is the knowledge of things divine and human``, ``2 Having laid down ...``).
Left in, they reach cards as "[Footnote 1: [...] described the circulation in 1628.]" or
"What is 1 Jurisprudence?".
:func:`editorial_notes` blanks pictures and transcribers' notes, unwraps a footnote into a
paragraph of its own text, and drops sidenotes, note marks and paragraph numbers. Lines keep
their numbers.
"""

from __future__ import annotations

import itertools
import re

# an editor's note opening a line: what it is, then its text up to the matching "]"
_NOTE = re.compile(
    r"^(?P<indent>\s*)\[(?P<kind>Illustrations?|Footnote|Sidenote|Transcriber['’]s [Nn]otes?"
    r"|Note)\b(?P<label>[^:\]]{0,12})(?::\s*|\s*(?=\]))",
    re.IGNORECASE,
)
_DROPPED = ("illustration", "transcriber")  # what the page showed, or how it was typed in
MAX_NOTE_LINES = 60  # an unclosed "[" this long is not a note: the text is kept as it is
# a note's mark after a word, a stop or emphasis ("body.[1] It", "gases[12],", "_Deva_[2]"):
# not inside code. The pattern opens on the "[" and looks back at what is before it, so that
# a line is scanned for its brackets, not tried at every character
_MARK = re.compile(r"\[(?<=[a-z.,;:!?)”’\"_*]\[)(?:\d{1,3}|[A-Z])\](?=[\s.,;:!?)”’\"]|$)")
# an HTML note mark ("Gates.<sup>32</sup>", "conclusory<sup>[5]</sup>") after a stop or a word
# of three letters or more; a power ("m<sup>2</sup>", "10<sup>6</sup>") follows a number or
# a symbol and stays
_HTML_MARK = re.compile(
    r"(?:(?<=[.,;:!?)”’\"])|(?<=[A-Za-z]{3}))<sup>\s*(?:<a\b[^>]*>)?\[?(?:\d{1,3}|[a-z*†‡])\]?"
    r"(?:</a>)?\s*</sup>",
    re.IGNORECASE,
)


# a note's mark opening a paragraph ("[8] At the Second Council ..."): the note's own text
_NOTE_OPENING = re.compile(r"^(?P<indent>\s*)\[\d{1,3}\]\s+(?=[A-Z“\"'‘(])")
# a paragraph's number ("1 Jurisprudence is ...", "12 The whole of the law ...")
_PARAGRAPH_NUMBER = re.compile(r"^(?P<indent>\s*)(?P<n>\d{1,3}) (?=[A-Z][a-z]|[A-Z] )")
MIN_NUMBERED = 3  # paragraphs: fewer numbered in sequence may be a count ("3 Men went ...")


def editorial_notes(lines: list[str]) -> list[str]:
    """``lines`` with editors' notes taken out (see the module's docstring): the same
    number of lines."""
    out = list(lines)
    _unnumber_paragraphs(out)
    i = 0
    while i < len(out):
        note = _NOTE.match(out[i]) if "[" in out[i] else None
        if note is None and "[" in out[i] and (i == 0 or not out[i - 1].strip()):
            opening = _NOTE_OPENING.match(out[i])
            if opening:  # "[8] At the Second Council ...": the note's text, as a paragraph
                out[i] = opening.group("indent") + out[i][opening.end() :]
        if note is None:
            if "[" in out[i] and "`" not in out[i]:
                out[i] = _MARK.sub("", out[i])
            if "<sup" in out[i] or "<SUP" in out[i]:
                out[i] = _HTML_MARK.sub("", out[i])
            i += 1
            continue
        end, close = _closing(out, i, note.end())
        if end is None:
            i += 1
            continue
        kind = note.group("kind").lower()
        if kind.startswith(_DROPPED):
            for at in range(i, end + 1):
                out[at] = ""
        elif kind == "sidenote":  # a margin heading: the text after it stays
            out[end] = note.group("indent") + out[end][close + 1 :].lstrip()
            for at in range(i, end):
                out[at] = ""
        else:  # a footnote or note: its own text, as a paragraph
            out[end] = out[end][:close] + out[end][close + 1 :]
            out[i] = note.group("indent") + out[i][note.end() :]
            for at in range(i, end + 1):
                out[at] = _MARK.sub("", out[at])
        i = end + 1
    return out


def _unnumber_paragraphs(lines: list[str]) -> None:
    """Drop the numbers of numbered paragraphs, in place: a paragraph's first line opening on
    a number and a capitalised word, where at least :data:`MIN_NUMBERED` paragraphs are so
    numbered and most of them follow the one before (``1``, ``2``, ``3`` ..., starting again
    in each chapter)."""
    found: list[tuple[int, int]] = []  # (line, number)
    for at, line in enumerate(lines):
        if line[:1].isdigit() or line[:1] == " ":
            if at and lines[at - 1].strip():
                continue  # not a paragraph's first line
            numbered = _PARAGRAPH_NUMBER.match(line)
            if numbered:
                found.append((at, int(numbered.group("n"))))
    following = sum(1 for (_, a), (_, b) in itertools.pairwise(found) if b == a + 1)
    if len(found) < MIN_NUMBERED or following < len(found) / 2:
        return
    for at, _ in found:
        numbered = _PARAGRAPH_NUMBER.match(lines[at])
        if numbered:
            lines[at] = numbered.group("indent") + lines[at][numbered.end() :]


def _closing(lines: list[str], start: int, column: int) -> tuple[int | None, int]:
    """The line and column of the "]" closing the note opened on ``lines[start]`` (brackets
    inside it nest), or ``(None, 0)`` when none comes within ``MAX_NOTE_LINES``."""
    depth = 1
    for at in range(start, min(len(lines), start + MAX_NOTE_LINES)):
        line = lines[at]
        for col in range(column if at == start else 0, len(line)):
            if line[col] == "[":
                depth += 1
            elif line[col] == "]":
                depth -= 1
                if depth == 0:
                    return at, col
    return None, 0

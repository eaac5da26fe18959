"""Editors' notes in a text: illustrations, footnotes, sidenotes and their marks.

Plain-text books (Project Gutenberg's tens of thousands among them) mark what the printed
page had around its text in square brackets: ``[Illustration: Fig. 12.--The heart ...]`` for
a picture nobody can see here, ``[Footnote 1: Harvey first described ...]`` for a note,
``[Sidenote: Veins.]`` for a margin heading, and ``[1]`` after the word a note belongs to
(``<sup>32</sup>`` in a text made from HTML).
Left in, they reach cards as "[Footnote 1: [...] described the circulation in 1628.]".
:func:`editorial_notes` blanks pictures and transcribers' notes, unwraps a footnote into a
paragraph of its own text, and drops sidenotes and note marks. Lines keep their numbers.
"""

from __future__ import annotations

import re

# an editor's note opening a line: what it is, then its text up to the matching "]"
_NOTE = re.compile(
    r"^(?P<indent>\s*)\[(?P<kind>Illustrations?|Footnote|Sidenote|Transcriber['’]s [Nn]otes?"
    r"|Note)\b(?P<label>[^:\]]{0,12})(?::\s*|\s*(?=\]))",
    re.IGNORECASE,
)
_DROPPED = ("illustration", "transcriber")  # what the page showed, or how it was typed in
MAX_NOTE_LINES = 60  # an unclosed "[" this long is not a note: the text is kept as it is
# a note's mark after a word or a stop ("body.[1] It", "gases[12],"): not inside code
_MARK = re.compile(r"(?<=[a-z.,;:!?)”’\"])\[(?:\d{1,3}|[A-Z])\](?=[\s.,;:!?)”’\"]|$)")
# an HTML note mark ("Gates.<sup>32</sup>", "conclusory<sup>[5]</sup>") after a stop or a word
# of three letters or more; a power ("m<sup>2</sup>", "10<sup>6</sup>") follows a number or
# a symbol and stays
_HTML_MARK = re.compile(
    r"(?:(?<=[.,;:!?)”’\"])|(?<=[A-Za-z]{3}))<sup>\s*(?:<a\b[^>]*>)?\[?(?:\d{1,3}|[a-z*†‡])\]?"
    r"(?:</a>)?\s*</sup>",
    re.IGNORECASE,
)


def editorial_notes(lines: list[str]) -> list[str]:
    """``lines`` with editors' notes taken out (see the module's docstring): the same
    number of lines."""
    out = list(lines)
    i = 0
    while i < len(out):
        note = _NOTE.match(out[i]) if "[" in out[i] else None
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

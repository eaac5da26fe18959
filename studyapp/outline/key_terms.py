"""The terms an author marked as the ones to learn: the key terms of a textbook's running text.

Textbooks mark a term where they introduce it: OpenStax's kramdown writes "The ``**cell
cycle**{: data-type="term"}`` is an ordered series of events ...", reStructuredText has the
``:term:`` and ``:dfn:`` roles, HTML ``<dfn>`` and ``data-type="term"``. Plain bold is not
read as a term: guides and manuals set warnings, labels and emphasis in bold too ("**not**",
"**Practice common questions**"). Inline markup is
stripped from the text that reaches a deck (:func:`studyapp.outline.lines.strip_inline`), so
the marks are read here first, from the source lines. A bold span that opens a line and is
followed by a colon or a dash is a label ("- **Term**{: data-type="term"} - explanation"):
list items of that shape are read as ``Term: explanation`` items already.
"""

from __future__ import annotations

import re

from studyapp.outline.lines import strip_inline

_MARKED = re.compile(
    r"\*\*(?=[^\s*])(?P<bold>[^*\n]{1,80}?)(?<=[^\s*])\*\*\{:\s*data-type=\"term\"[^}\n]*\}"
    r"|<dfn\b[^>\n]*>(?P<html>[^<\n]{1,80})</dfn>"
    r"|<(?P<tag>span|strong|em|b|i)\b[^>\n]*data-type=\"term\"[^>\n]*>(?P<span>[^<\n]{1,80})"
    r"</(?P=tag)>"
    r"|:(?:term|dfn):`(?P<role>[^`<\n]{1,80}?)(?:\s*<[^>\n]*>)?`",
    re.IGNORECASE,
)
_LINE_OPENING = re.compile(r"^\s*(?:[-*+•]\s+|\d+[.)]\s+|[A-Za-z][.)]\s+)?$")
_LABEL_AFTER = re.compile(r"^(?:\{[^}\n]*\})?\s*(?:[:.\-–—]|$)")
MAX_WORDS = 6


def marked_terms(lines: list[str]) -> tuple[str, ...]:
    """The terms the lines mark in running text, as plain text, each once in order of first
    mark (labels, whole-line emphasis and spans of more than :data:`MAX_WORDS` words left
    out)."""
    seen: dict[str, str] = {}
    for line in lines:
        if "term" not in line and "dfn" not in line:
            continue
        for match in _MARKED.finditer(line):
            raw = next(g for g in match.group("bold", "html", "span", "role") if g)
            term = strip_inline(raw).strip(" ,;")
            if not term or term.endswith((":", ".", "?", "!")) or len(term.split()) > MAX_WORDS:
                continue
            if not any(c.isalpha() for c in term):
                continue
            opening = _LINE_OPENING.match(line[: match.start()])
            if opening and _LABEL_AFTER.match(line[match.end() :]):
                continue  # "**Note:**", "- **Hashing** - ...", a bold line: a label
            seen.setdefault(term.lower(), term)
    return tuple(seen.values())

"""Plain-text or Markdown outline -> tree of sections (Qt-free, no YAML).

Recognises Roman (``II.``), lettered (``A.``), numbered (``1.``) and decimal (``1.2.3``)
headings, Markdown headings (``## x`` and ``##x``, setext underlines), bullet lists nested by
indentation, ``Term: explanation`` items and list captions ending in a colon. An unnumbered
lead section before the first numbered one becomes a section too (numbered I when the source
jumps straight to II). Notes made only of nested bullets become sections from their top-level
bullets. A ``notice:`` line in YAML front matter is the notice of the decks made from the
text. Site chrome, promotion and author bios are removed first by
:mod:`studyapp.outline.chrome_filter`; line numbers stay those of the source file.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from studyapp.collector import collector_paused
from studyapp.errors import OutlineError
from studyapp.outline.chrome_filter import filter_chrome
from studyapp.outline.classify import classify_lines, front_matter_end
from studyapp.outline.editorial import editorial_notes
from studyapp.outline.key_terms import marked_terms
from studyapp.outline.markup import blank_markup
from studyapp.outline.nodes import Outline
from studyapp.outline.tree import TreeBuilder

MAX_BYTES = 5 * 1024 * 1024


def read_source(path: Path) -> str:
    """The text of a source file; OutlineError when missing, too large, binary or not UTF-8."""
    try:
        if path.is_dir():
            raise OutlineError(f"{path}: is a folder, not a text file")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise OutlineError(f"{path}: too large ({size} bytes; the limit is {MAX_BYTES})")
        data = path.read_bytes()
    except FileNotFoundError:
        raise OutlineError(f"{path}: no such file") from None
    except OSError as error:
        raise OutlineError(f"{path}: cannot be read ({error.strerror or error})") from None
    if b"\x00" in data[:8192]:
        raise OutlineError(f"{path}: looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise OutlineError(f"{path}: is not UTF-8 text (byte {error.start})") from None


def parse_file(path: Path) -> Outline:
    """Read and parse a source file (see :func:`read_source` and :func:`parse_outline`)."""
    try:
        return parse_outline(read_source(path))
    except OutlineError as error:
        if str(path) in str(error):
            raise
        raise OutlineError(f"{path}: {error}") from None


def parse_outline(text: str) -> Outline:
    """The outline tree of ``text``; OutlineError when it is empty, binary or too large.
    Read with the cycle collector paused (:func:`collector_paused`: many lines and words,
    no cycles)."""
    with collector_paused():
        return _parse_outline(text)


def _parse_outline(text: str) -> Outline:
    """:func:`parse_outline`, with the collector paused."""
    if len(text) > MAX_BYTES:
        raise OutlineError(f"the text is too large ({len(text)} characters)")
    if "\x00" in text:
        raise OutlineError("the text looks binary (it contains NUL characters)")
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    written = [line.replace("\u00a0", " ").rstrip() for line in text.split("\n")]
    lines = [line.expandtabs(4) for line in written]
    if not any(line.strip() for line in lines):
        raise OutlineError("the text is empty")
    notice = front_matter_notice(lines)
    for index in range(front_matter_end(lines) + 1):  # front matter is not study text
        lines[index] = ""
    filtered = filter_chrome(editorial_notes(blank_markup(lines, written)))
    title, sections = TreeBuilder(classify_lines(filtered.lines)).build()
    if not any(section.blocks for top in sections for section in top.walk()):
        raise OutlineError("nothing to study: no text remains after removing site chrome")
    return Outline(
        title, sections, filtered.removals, filtered.site_name, notice, marked_terms(lines)
    )


def front_matter_notice(lines: list[str]) -> str:
    """The ``notice:`` of the text's YAML front matter (the lines between ``---`` at the top):
    a notice every deck made from the text shows, such as "not medical advice". ``""`` when
    there is none or the front matter is not YAML; other front-matter keys are ignored."""
    end = front_matter_end(lines)
    if end < 0:
        return ""
    try:
        data = yaml.safe_load("\n".join(lines[1:end]))
    except yaml.YAMLError:
        return ""
    notice = data.get("notice") if isinstance(data, dict) else None
    return " ".join(notice.split()) if isinstance(notice, str) else ""

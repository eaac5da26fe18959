"""Pass one of the outline parser: what each line of a text is, judged with its neighbours.

:func:`classify_lines` tells headings (Markdown, underlined reStructuredText or plain text,
numbered in Roman, letters, numbers or decimals, or short standalone lines), list items, table
rows, blank lines and text apart. A numbered line is a heading when it is short, capitalised,
has no final period, is not part of a run of same-style numbered lines and does not continue
a paragraph; a table of contents is dropped (:mod:`studyapp.outline.contents`). YAML front
matter and fenced code are not prose.
"""

from __future__ import annotations

import re

from studyapp.outline import lines as ol
from studyapp.outline.contents import drop_contents, title_bare_numbers
from studyapp.outline.events import BLANK, HEADING, ITEM, TABLE, TEXT, LineEvent
from studyapp.outline.markup import EQUALS_BOLD


def classify_lines(lines: list[str]) -> list[LineEvent]:
    """Pass one: what each line is (blank, heading, list item or text)."""
    events: list[LineEvent] = []
    in_fence = False
    matter_end = front_matter_end(lines)
    adorned: list[tuple[LineEvent, tuple[str, bool]]] = []  # reST headings and their style
    lines = _without_equals_bold(lines)  # "=Questions=": a plain text's bold, read as words
    glossary = dictionary_entries(lines)
    for i, raw in enumerate(lines):
        line = _QUOTE.sub("", raw) if raw.lstrip().startswith(">") else raw
        stripped = line.strip()
        if not stripped:  # a blank line is blank whatever else is asked below (a third of all)
            events.append(LineEvent(i, BLANK))
            continue
        # A line opening on a letter or digit (prose, mostly) is no underline, fence, bold
        # term, Markdown or AsciiDoc heading, rule or bullet: each of those opens on a mark
        prose = stripped[:1].isalnum()
        prev = events[-1] if events else None
        char = "" if in_fence or prose else ol.adornment(line)
        if char and prev is not None and _underlines(prev, line, lines, events):
            overlined = i >= 2 and ol.adornment(lines[i - 2]) == char
            text = ol.strip_inline(lines[prev.index].strip()).rstrip(":")  # ":index:`X`"
            prev.kind, prev.text, prev.readings, prev.indent = HEADING, text, [], 0
            adorned.append((prev, (char, overlined)))
            events.append(LineEvent(i, BLANK))
            continue
        if char and len(stripped) >= 3 and not ol.is_fence(line):
            events.append(LineEvent(i, BLANK))  # an overline, or a line drawn across the text
            continue
        if not prose and ol.is_fence(line):
            in_fence = not in_fence
            events.append(LineEvent(i, BLANK))
            continue
        if in_fence or i <= matter_end:  # code and YAML front matter are not prose
            events.append(LineEvent(i, BLANK))
            continue
        if not prose and _BOLD_TERM.match(line) and ol.split_term(line)[0]:
            events.append(LineEvent(i, ITEM, 0, line.strip()))
            continue
        if prose and (i in glossary or ("--" in stripped and ol.dash_term(stripped)[0])):
            # "ALBINISM.--Albinos are animals in which ...": an old book's glossary entry
            events.append(LineEvent(i, ITEM, 0, stripped))
            continue
        if "|" in line and _table_line(line, prev, lines):  # every row and rule holds one
            if prev is not None and prev.kind == TEXT and ol.is_table_separator(line):
                prev.kind = TABLE  # the header row of a table without outer pipes
            events.append(LineEvent(i, TABLE, 0, line.strip()))
            continue
        heading = None if prose else ol.markdown_heading(line)
        if heading:
            events.append(LineEvent(i, HEADING, 0, heading[1], md_level=heading[0]))
            continue
        if not prose and ol.is_rule(line):
            events.append(LineEvent(i, BLANK))
            continue
        item = None if prose else ol.bullet(line)
        if item:
            events.append(LineEvent(i, ITEM, item[0], item[1]))
            continue
        number = None if _unnumbered(stripped) else ol.numbered(line)
        if number:
            events.append(LineEvent(i, HEADING, number[0], number[2], readings=number[1]))
            continue
        events.append(LineEvent(i, TEXT, ol.indentation(line), stripped))
    _rank_adorned(adorned)
    _join_shouted_blocks(events)
    titles = drop_contents(events, lines)
    _resolve_numbered(events, lines)
    _drop_index_letters(events)
    _mark_plain_headings(events)
    title_bare_numbers(events, titles)
    return events


def _without_equals_bold(lines: list[str]) -> list[str]:
    """``lines`` with a plain-text book's bold ("=Questions=", "1. =The followers of
    Christ= ...") read as its words, outside fenced code: every later pass, which may go back
    to a line as written (a numbered line turned into text), sees the words alone."""
    out: list[str] = []
    fenced = False
    for line in lines:
        if ol.is_fence(line):
            fenced = not fenced
        elif not fenced and "=" in line:
            line = EQUALS_BOLD.sub(r"\1", line)
        out.append(line)
    return out


def dictionary_entries(lines: list[str]) -> set[int]:
    """The lines that open a dictionary's entry: a term in capitals, a stop and its
    explanation ("NADIR. The lower pole of the rational horizon ...", "NAID. A northern term
    for a lamprey"), or a glossary's paragraph "Term: explanation" ("Macula: a colored mark
    larger than a spot"), at the start of a paragraph. A textbook's shouted side heads have
    the same shape ("SAND REEFS. On many coasts ..."), and so does a note's "Example: ..."
    paragraph; a dictionary lists its terms in alphabetical order
    (:func:`studyapp.outline.lines.alphabetical`), each kind of entry apart."""
    shouted: list[tuple[int, str]] = []
    colon: list[tuple[int, str]] = []
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped[:1].isupper() or (i and lines[i - 1].strip()):
            continue  # not at the start of a paragraph, or no capital
        if stripped[:2].isupper():
            term = ol.dash_term(stripped, dotted=True)[0]
            if term and "--" not in stripped and "—" not in stripped:
                shouted.append((i, term))
                continue
        if ":" in stripped[:_GLOSSARY_TERM]:
            term = ol.split_term(stripped)[0]
            if term and len(term.split()) <= _GLOSSARY_WORDS and term[:1].isupper():
                colon.append((i, term))
    return {
        i for found in (shouted, colon) if ol.alphabetical([t for _, t in found]) for i, _ in found
    }


_GLOSSARY_TERM = 60  # characters before the colon of a glossary's paragraph
_GLOSSARY_WORDS = 4


def _unnumbered(stripped: str) -> bool:
    """Whether a line opens on a word of two letters or more that no number can be
    (:func:`studyapp.outline.lines.numbered` reads a letter as a number only alone before
    "." or ")", and a run of letters only in Roman numerals): most lines of prose."""
    first = stripped[:1]
    return first.isalpha() and stripped[1:2].isalpha() and first not in "IVXLCDMivx"


def _table_line(line: str, prev: LineEvent | None, lines: list[str]) -> bool:
    """Whether ``line`` is a row (or the header rule) of a Markdown table."""
    if not line.strip():
        return False
    if ol.is_table_row(line):
        return True
    if prev is not None and prev.kind == TABLE:
        return "|" in line
    return (
        ol.is_table_separator(line)
        and prev is not None
        and prev.kind == TEXT
        and "|" in lines[prev.index]
    )


def _underlines(prev: LineEvent, line: str, lines: list[str], events: list[LineEvent]) -> bool:
    """Whether ``line`` (an adornment) underlines the line of ``prev``: a short line of text
    (or a numbered line) standing at the start of a block."""
    if prev.kind not in (TEXT, HEADING, ITEM) or prev.md_level or not prev.text:
        return False
    if not _starts_block(events, len(events) - 1):
        return False
    title = lines[prev.index].strip()
    if len(title) > 120 or (title.endswith((".", ",", ";")) and len(title.split()) > 8):
        return False
    char = line.strip()[0]
    return char in "=-" or len(line.strip()) >= 0.6 * len(title)


def _rank_adorned(adorned: list[tuple[LineEvent, tuple[str, bool]]]) -> None:
    """Heading levels of underlined headings: Markdown's ``===`` (1) and ``---`` (2), or, in a
    text using other adornments (reStructuredText), the order each style first appears in."""
    styles = list(dict.fromkeys(style for _e, style in adorned))
    markdown = set(styles) <= {("=", False), ("-", False)}
    for event, style in adorned:
        event.md_level = (1 if style[0] == "=" else 2) if markdown else styles.index(style) + 1


_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_BOLD_TERM = re.compile(r"^(?:\*\*|__)[^*_]+?(?::)?(?:\*\*|__)\s*:?\s*\S")
_FRONT_KEY = re.compile(r"^[\w-]+:|^\s+\S|^\s*-\s|^\s*$")


def front_matter_end(lines: list[str]) -> int:
    """Index of the closing ``---`` of YAML front matter at the top, or -1 when there is none."""
    if not lines or lines[0].strip() != "---":
        return -1
    for j in range(1, min(len(lines), 60)):
        if lines[j].strip() in ("---", "..."):
            return j if all(_FRONT_KEY.match(x) for x in lines[1:j]) else -1
    return -1


def _starts_block(events: list[LineEvent], pos: int) -> bool:
    """Whether the event at ``pos`` follows a blank line (or starts the text)."""
    return pos == 0 or events[pos - 1].kind == BLANK


def _resolve_numbered(events: list[LineEvent], lines: list[str]) -> None:
    """Turn numbered lines that are not headings into list items; find ``1 Chapter`` lines."""
    md_levels = [e.md_level for e in events if e.kind == HEADING and e.md_level]
    # Markdown sections make numbered lines list items; a lone "# Title" does not.
    markdown = len(md_levels) > 1 or any(level > 1 for level in md_levels)
    numbered = [e for e in events if e.kind == HEADING and e.readings]
    styles_seen: dict[str, int] = {}
    for e in numbered:
        for reading in e.readings:
            styles_seen[reading.style] = styles_seen.get(reading.style, 0) + 1
    if not markdown and any(r.style == ol.DECIMAL for e in numbered for r in e.readings):
        for pos, e in enumerate(events):
            if e.kind == TEXT and _standalone(events, pos):
                bare = ol.numbered(lines[e.index], allow_bare=True)
                if bare and ol.heading_like(bare[2]):
                    e.kind, e.readings, e.text = HEADING, bare[1], bare[2]
    for pos, e in enumerate(events):
        if e.kind != HEADING or not e.readings:
            continue
        if _asks_a_marked_question(events, pos, lines):
            e.kind, e.readings, e.text = TEXT, [], lines[e.index].strip()
            continue
        emphasized = ol.emphasized_number(lines[e.index])
        if markdown or not _is_numbered_heading(events, pos, styles_seen, emphasized):
            e.kind = ITEM if markdown or _in_list_run(events, pos) else TEXT
            if e.kind == TEXT:
                e.readings, e.text = [], lines[e.index].strip()


def _asks_a_marked_question(events: list[LineEvent], pos: int, lines: list[str]) -> bool:
    """Whether a numbered line is a catechism's or a review sheet's question ("11. Q. Were
    there other Buddhas before him?") answered by the next paragraph ("A. Yes; ..."): a
    question and its answer in the flow of the text, not a section of its own (a catechism
    of a hundred questions made a hundred one-card topics)."""
    if not ol.QUESTION_MARK.match(lines[events[pos].index].strip()):
        return False
    at = pos + 1
    while at < len(events) and events[at].kind == TEXT and not _starts_block(events, at):
        at += 1  # the question's own wrapped lines
    answer = _nearest_content(events, at - 1, 1)
    return answer is not None and bool(ol.ANSWER_MARK.match(lines[answer.index].strip()))


def _drop_index_letters(events: list[LineEvent]) -> None:
    """A glossary's or an index's letter headings ("## A", "## B", ... "## V") are not its
    topics: each would make a deck titled "A" of the one or two terms under it. Three or
    more headings of one capital letter each, in alphabetical order and not all Roman
    numerals ("## I", "## V", "## X" are numbers), are left out; their terms stay in the
    section around them."""
    letters = [e for e in events if e.kind == HEADING and len(e.text.strip()) == 1]
    said = [e.text.strip() for e in letters]
    if len(said) < 3 or not all(map(str.isupper, said)) or said != sorted(said):
        return
    if all(letter in "IVXLCDM" for letter in said):
        return
    for e in letters:
        e.kind = BLANK


def _opens_decimal_chapter(events: list[LineEvent], pos: int) -> bool:
    """Whether ``3. Documentation`` (any case) is a chapter: the next line is its ``3.1``."""
    e = events[pos]
    reading = next((r for r in e.readings if r.style == ol.ARABIC), None)
    if reading is None:
        return False
    after = _nearest_content(events, pos, 1)
    return bool(
        after is not None
        and after.kind == HEADING
        and any(r.style == ol.DECIMAL and r.label == f"{reading.value}.1" for r in after.readings)
    )


def _standalone_decimal(events: list[LineEvent], pos: int) -> bool:
    """Whether a ``1.10 auto-detect proxy`` line is a heading: a short decimal-numbered line
    standing alone (its case does not matter: manuals name commands and options in lower
    case)."""
    e = events[pos]
    return (
        any(r.style == ol.DECIMAL for r in e.readings)
        and _standalone(events, pos)
        and len(e.text.split()) <= 14
        and not e.text.endswith((".", ",", ";", ":"))
    )


def _is_numbered_heading(
    events: list[LineEvent], pos: int, styles_seen: dict[str, int], emphasized: bool = False
) -> bool:
    """Whether the numbered line at ``pos`` is a heading rather than a list item; a line set
    in emphasis (a handbook's "*1. Use words in their proper sense.*") may end on a stop."""
    e = events[pos]
    if not _THREE_LETTERS.search(e.text):
        return False  # "1. Kt x Kt   B - Kt 4" (a game's moves), "100.0   23.82284": no title
    if _opens_decimal_chapter(events, pos) or _standalone_decimal(events, pos):
        return True
    text = e.text.rstrip(".") if emphasized and _starts_block(events, pos) else e.text
    if not ol.heading_like(text):
        return False
    after = events[pos + 1] if pos + 1 < len(events) else None
    if (
        after is not None
        and after.kind == TEXT
        and (after.indent <= e.indent or not e.text.rstrip().endswith((".", "!", "?", ":")))
        and (after.text[:1].islower() or len(e.text.split()) > 6)
    ):
        return False  # "1. Commanding officers are accountable for the proper" wraps on, at
        # its own indent or, in an outline with a hanging indent, under its text
    prev = events[pos - 1] if pos > 0 else None
    if prev and prev.kind == TEXT and prev.indent <= e.indent:
        return False
    style = e.readings[0].style
    if _continues_a_list(events, pos, style):
        return False  # "9. What forces favored ...?" after the items "1." to "8."
    for other in (prev, events[pos + 1] if pos + 1 < len(events) else None):
        if (
            other is not None
            and other.readings
            and other.indent == e.indent
            and any(r.style == style for r in other.readings)
        ):
            return False
    if styles_seen.get(style, 0) <= 1 and style in (ol.UPPER, ol.ROMAN, ol.LOWER):
        if e.readings[0].value > 1 and len(e.readings) == 1:
            return False  # a lone "J. Rutledge" among signers: a name's initial, no "A."
        return ol.title_cased(e.text)
    return True


MAX_ITEM_LINES = 6  # lines of a list item with its blank lines, looked back over


def _continues_a_list(events: list[LineEvent], pos: int, style: str) -> bool:
    """Whether the numbered line at ``pos`` goes on from a list item numbered one less in the
    same style, with only blank lines between ("8. Account for ...", then "9. What forces
    favored ...?"): the next of a list's questions, not a section of its own because it
    happens to be short and to end without a stop."""
    at = pos - 1
    while at >= 0 and pos - at <= MAX_ITEM_LINES and events[at].kind in (BLANK, TEXT):
        at -= 1  # back over blank lines and the item's own wrapped lines
    before = events[at] if at >= 0 else None
    if before is None or before.kind != ITEM or before.indent != events[pos].indent:
        return False
    value = next((r.value for r in events[pos].readings if r.style == style), None)
    if not any(r.style == style and r.value + 1 == value for r in before.readings):
        return False
    after = pos + 1
    while after < len(events) and events[after].kind == BLANK:
        after += 1
    # a question answered by the paragraph after it ("5. What is an amendment?" then "A
    # change to the Constitution") is a question-and-answer sheet's section, kept as one
    if after == len(events) or events[after].readings:
        return True
    text = events[after].text  # a heading after the list ("Research Topics") ends it
    return _standalone(events, after) and text[:1].isupper() and ol.heading_like(text)


def _in_list_run(events: list[LineEvent], pos: int) -> bool:
    """Whether a numbered line belongs to a list: next to another numbered line, or captioned."""
    styles = {r.style for r in events[pos].readings}
    for other_pos in (pos - 1, pos + 1):
        other = events[other_pos] if 0 <= other_pos < len(events) else None
        if (
            other is not None
            and other.indent == events[pos].indent
            and styles & {r.style for r in other.readings}
        ):
            return True
    before = _nearest_content(events, pos, -1)
    if before and before.kind == TEXT and before.text.endswith(":"):
        return True
    return _numbered_in_turn(events, pos)


MAX_ITEM_LINES = 8  # lines of text an item of a numbered run may run on over


def _numbered_in_turn(events: list[LineEvent], pos: int) -> bool:
    """Whether the numbered lines before or after this one, past the lines its text runs on
    over and a blank line, carry the numbers next to its own ("5. The sob is ...", "6. The
    sigh is ..."): numbered paragraphs of one list, as plain-text books set them."""
    own = {(r.style, r.value) for r in events[pos].readings}
    for step in (-1, 1):
        at, seen = pos + step, 0
        while 0 <= at < len(events) and seen <= MAX_ITEM_LINES:
            other = events[at]
            if other.kind in (HEADING, ITEM) and other.readings:
                if any((r.style, r.value - step) in own for r in other.readings):
                    return True
                break
            if other.kind not in (TEXT, BLANK):
                break
            seen += 1
            at += step
    return False


def _nearest_content(events: list[LineEvent], pos: int, step: int) -> LineEvent | None:
    """The first event that is not a blank line after ``pos`` (``step`` 1) or before it
    (``step`` -1). Walked to from ``pos``, not found in a copy of the events after or before
    it: asked of every numbered line, a copy would make classifying grow with the square of
    the length of a text."""
    end = len(events) if step > 0 else -1
    return next((events[j] for j in range(pos + step, end, step) if events[j].kind != BLANK), None)


def _standalone(events: list[LineEvent], pos: int) -> bool:
    """Whether the line at ``pos`` has a blank line (or the text's edge) on both sides."""
    after = pos + 1 >= len(events) or events[pos + 1].kind == BLANK
    return _starts_block(events, pos) and after


MAX_SHOUTED_LINES = 4
_THREE_CAPITALS = re.compile(r"[A-Z]{3}")
_THREE_LETTERS = re.compile(r"[A-Za-z]{3}")


def _join_shouted_blocks(events: list[LineEvent]) -> None:
    """A block of two to four capitalised lines alone between blank lines is one heading set
    over several lines, as old books print long titles ("THE APPARENT INCOMPATIBILITY OF THE
    / LAW OF PROPAGATION OF LIGHT WITH THE / PRINCIPLE OF RELATIVITY"): its first line takes
    the whole title, the others are blank."""
    pos = 0
    while pos < len(events):
        if events[pos].kind != TEXT:  # what every shouted line is (most events are not)
            pos += 1
            continue
        end = pos
        while end < len(events) and _shouted_line(events[end]) and end - pos < MAX_SHOUTED_LINES:
            end += 1
        block = end - pos
        if (
            block >= 2
            and _starts_block(events, pos)
            and (end >= len(events) or events[end].kind == BLANK)
        ):
            first = events[pos]
            first.text = " ".join(e.text for e in events[pos:end])
            first.plain_heading = True
            for e in events[pos + 1 : end]:
                e.kind, e.text = BLANK, ""
        pos = max(end, pos + 1)


def _shouted_line(e: LineEvent) -> bool:
    """Whether a line of text is set in capitals at the margin ("PRINCIPLE OF RELATIVITY",
    "(IN THE RESTRICTED SENSE)"), short enough to be part of a title."""
    text = e.text
    return (
        e.kind == TEXT
        and e.indent == 0
        and text.upper() == text
        and (len(text.split(maxsplit=8)) <= 8 or _NUMBERED_TITLE.match(text) is not None)
        and _THREE_CAPITALS.search(text) is not None
        and not text.endswith((",", ";"))
    )


_NUMBERED_TITLE = re.compile(
    r"^(?:CHAPTER|TITLE|BOOK|PART|SECTION|ARTICLE|LECTURE) (?:[IVXLC]+|\d+)\.?"
    r"(?: [^.!?]{1,120})?\.?$"
)


def _mark_plain_headings(events: list[LineEvent]) -> None:
    """Flag standalone short capitalised lines: titles and unnumbered section headings.

    Not a question where the text asks its questions as paragraphs (a catechism answering
    each question in the paragraph after it): there a short question ("Is rocking
    necessary?") is one of those paragraphs, not a section of its own, or its answer and
    the questions after it would fall under it."""
    asks_in_prose = _asks_in_paragraphs(events)
    for pos, e in enumerate(events):
        if e.kind == TEXT and e.indent == 0 and _standalone(events, pos):
            words = len(e.text.split(maxsplit=8))  # up to 9: only "8 or fewer" is asked
            text = ol.strip_inline(e.text)
            if asks_in_prose and text.endswith("?"):
                continue
            if text.startswith(("(", "[")) or not _THREE_LETTERS.search(text):
                continue  # "(See plates.)", "1911": a note or a date, not a heading
            if " = " in text:
                continue  # "C = 5/9(F-32deg.) = 5/4R": a formula, not a heading
            shouted = text.upper() == text and not text.endswith(",")
            # "TITLE II. OF THE LAW OF NATURE, THE LAW OF NATIONS, AND THE CIVIL LAW": a
            # numbered title in capitals is a heading at any length a title has
            shouted = shouted and (words <= 8 or bool(_NUMBERED_TITLE.match(text)))
            if shouted or (
                ol.heading_like(text, max_words=12) and (words <= 6 or ol.title_cased(text))
            ):
                e.plain_heading = True


MIN_PROSE_QUESTIONS = 3  # paragraphs that are questions: a text that asks in its prose


def _asks_in_paragraphs(events: list[LineEvent]) -> bool:
    """Whether a text asks questions in paragraphs of more than one line ("How many
    movements daily should an infant have during the first\nweeks of life?"), three or more:
    a catechism or a review sheet. Each block is read once, from its first line."""
    found = 0
    for pos, e in enumerate(events):
        if e.kind != TEXT or not _starts_block(events, pos):
            continue
        end = pos
        while end + 1 < len(events) and events[end + 1].kind == TEXT:
            end += 1
        if end > pos and events[end].text.rstrip(" _*").endswith("?"):  # "life?_": emphasis
            found += 1
            if found >= MIN_PROSE_QUESTIONS:
                return True
    return False

"""The filter for what is not study material in a scraped or pasted source.

Web pages carry a site name, sales pitches, bylines, author biographies and navigation
("Home | About | Contact", "Share this", cookie notices, copyright lines). None of it belongs in
a deck. :func:`filter_chrome` works line by line and keeps the line count, so the outline parser
still reports true source line numbers; within a paragraph it drops only the offending
sentences and keeps the others verbatim.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import islice

from studyapp.outline.lines import is_table_row, is_table_separator
from studyapp.outline.sentences import plain_lower, sentence_spans

PROMOTION = "promotion"
SITE_NAME = "site name"
AUTHOR = "author"
NAVIGATION = "navigation"

_STRONG_PROMO = re.compile(
    r"\bfor sale\b|\bbuy\b[^.!?]{0,40}\b(?:online|now|here|today|cheap)\b"
    r"|\border\b[^.!?]{0,30}\b(?:online|now|today)\b|\b(?:shop|buy|order) now\b"
    r"|\badd to (?:cart|basket)\b|\bcoupons?\b|\bpromo(?:tional)? codes?\b|\bdiscount codes?\b"
    r"|\b\d{1,2}\s?% off\b|\bfree (?:shipping|delivery)\b"
    r"|\b(?:fast|discreet|worldwide|overnight|express) (?:shipping|delivery)\b"
    r"|\bclick here\b|\bsubscribe\b|\bnewsletter\b|\bsign up (?:now|today|for)\b"
    r"|\blimited[- ]time offer\b|\bmoney[- ]back\b|\bvisit our (?:store|shop|website)\b"
    r"|\bbest prices?\b|\bcheapest\b",
    re.IGNORECASE,
)
_WEAK_PROMO = re.compile(
    r"\btop[- ]quality\b|\bdiscount(?:ed|s)?\b|\bcheap\b|\bshipping\b|\bprices?\b|\bonline\b"
    r"|\bshop\b|\bguaranteed?\b",
    re.IGNORECASE,
)
_COOKIE = re.compile(
    r"\bcookies?\b(?=.{0,80}\b(?:accept|consent|policy|settings|experience|browsing|site|website)\b)"
    r"|\b(?:use|uses|accept|allow)\s+(?:of\s+)?cookies\b",
    re.I,
)
# a copyright notice (the cards leave such a sentence out too: studyapp.cards.cloze_rules)
COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|\bcopyright\b\s*(?:©\s*)?\d{4}|all rights reserved", re.I)
_NAV_LINE = re.compile(
    r"^(?:share(?: this)?(?: (?:post|article|page))?(?: on \w+)?|related (?:posts|articles|reading)"
    r"|leave a (?:comment|reply)|skip to (?:main )?content|read more|continue reading"
    r"|(?:previous|next) (?:post|article)|tags?|categories|category|filed under|home|menu"
    r"|print(?: this)?(?: page)?|comments?(?: \(\d+\))?)"
    r"\s*(?:[:»>|.!]\s*(.*))?$",
    re.IGNORECASE,
)
_SEPARATED_ITEMS = re.compile(r"\s+[|•·»/]\s+")
_AUTHOR_HEADING = re.compile(
    r"^#*\s*(?:about the (?:author|writer)|about me|author(?: bio(?:graphy)?)?|the author|"
    r"author information)\s*:?\s*$",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^(?:written|posted|published|reviewed|translated|edited|compiled|annotated)"
    r"(?: (?:and \w+|into \w+|from the \w+))? by\b|^author\s*:|^by\s+[A-Z][\w.'’-]*"
    r"(?:\s+[A-Z][\w.'’-]*){0,3}\s*(?:$|[|,•·]|on\s|\d)",
    re.IGNORECASE,
)
_STRUCTURAL_HEADING = re.compile(r"^\s*(?:#{1,6}\s*\S|[IVXLC]+\.\s+[A-Z]|\d+(?:\.\d+)*\.?\s+[A-Z])")
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|my|me|myself|mine)\b")
_WORD = re.compile(r"[\w’']+")
_TITLE_SEPARATORS = " \t|-–—:·»•"


@dataclass(frozen=True, slots=True)
class Removal:
    """One piece of text the filter took out, and why (for the report the CLI prints)."""

    line: int  # 1-based source line
    text: str
    reason: str


@dataclass(slots=True)
class FilteredText:
    """The source lines with non-study material blanked out (same number of lines)."""

    lines: list[str]
    removals: list[Removal] = field(default_factory=list)
    site_name: str = ""


def is_promotional(sentence: str) -> bool:
    """Whether a sentence sells something or calls to action rather than teaches."""
    if _STRONG_PROMO.search(sentence):
        return True
    return len({m.group(0).lower() for m in _WEAK_PROMO.finditer(sentence)}) >= 2


def is_navigation_line(line: str) -> bool:
    """Whether a whole line is site navigation, sharing widgets, cookie or copyright notices."""
    text = line.strip().lstrip("#").strip()
    return _is_navigation(text, plain_lower(text))


def _is_navigation(text: str, lowered: str | None) -> bool:
    """:func:`is_navigation_line` of a line's ``text`` without its spaces and heading marks;
    ``lowered`` is :func:`plain_lower` of it."""
    if not text:
        return False
    if _has_notice(text, lowered):
        return True
    if len(text) <= 80 and not text.endswith((".", "?")) and _nav_line(text, lowered):
        return True  # the length first: most lines are longer
    if not _spaced_separator(text):
        return False  # no separator: one item (most lines, found without splitting them)
    parts = _SEPARATED_ITEMS.split(text)
    return len(parts) >= 3 and all(0 < len(p.split()) <= 3 for p in parts)


def _spaced_separator(text: str) -> bool:
    """Whether one of :data:`_SEPARATORS` stands after a space, where each separator of
    :data:`_SEPARATED_ITEMS` does: most lines holding one hold it inside words ("and/or",
    "https://"), and are not split to find it out."""
    for mark in _SEPARATORS:
        at = text.find(mark, 1)
        while at > 0:
            if text[at - 1].isspace():  # what re reads as \s
                return True
            at = text.find(mark, at + 1)
    return False


def _nav_line(text: str, lowered: str | None) -> bool:
    """Whether a line is a navigation link (:data:`_NAV_LINE`), read case in its lower-cased
    form where it has one (:func:`plain_lower`): the same lines, found with less work."""
    return bool(_NAV_LINE.match(text) if lowered is None else _LOWER_NAV_LINE.match(lowered))


# What every cookie notice and every copyright notice holds (see _COOKIE and COPYRIGHT): a
# lower-cased line without them is searched no further (most lines of a long text)
_COOKIE_MARK = "cookie"
_COPYRIGHT_MARKS = ("©", "(c)", "copyright", "all rights reserved")
_LOWER_COOKIE = re.compile(_COOKIE.pattern)
_LOWER_NAV_LINE = re.compile(_NAV_LINE.pattern)  # read case, for a lower-cased line
_LOWER_COPYRIGHT = re.compile(COPYRIGHT.pattern)
# the marks of _SEPARATED_ITEMS, each looked for in a line as plain text (far less work than
# a pattern of them tried at every character: see _spaced_separator)
_SEPARATORS = ("|", "/", "•", "·", "»")


def _has_notice(text: str, lowered: str | None) -> bool:
    """Whether ``text`` holds a cookie or copyright notice; ``lowered`` is
    :func:`plain_lower` of it (the patterns, written in lower case, then read case)."""
    if lowered is None:
        return bool(_COOKIE.search(text) or COPYRIGHT.search(text))
    return bool(
        (_COOKIE_MARK in lowered and _LOWER_COOKIE.search(lowered))
        or (_holds_any(lowered, _COPYRIGHT_MARKS) and _LOWER_COPYRIGHT.search(lowered))
    )


def is_byline(line: str) -> bool:
    """Whether a line is an author byline such as ``Written by Jane Roe``, ``Author: X`` or a
    book's credit (``Translated into English by J. B. Moyle, D.C.L. ...``)."""
    text = line.strip().lstrip("#").strip()
    return len(text) <= 90 and not text.endswith((".", "?", "!")) and bool(_BYLINE.match(text))


def find_site_name(lines: Sequence[str], window: int = 15) -> tuple[str, int, str]:
    """A site name prefixed (or suffixed) to a title line that the page repeats.

    Returns ``(site_name, line_index, title)``, or ``("", -1, "")`` when there is none. Only the
    top ``window`` non-blank lines are examined: that is where scraped pages put their header.
    """
    top = list(islice(((i, line.strip()) for i, line in enumerate(lines) if line.strip()), window))
    standalone: dict[str, int] = {}
    for _i, text in top:
        standalone[text] = standalone.get(text, 0) + 1
    for index, text in top[:3]:
        for title in standalone:
            if title == text or len(title.split()) < 2 or title not in text:
                continue
            if text.endswith(title):
                extra = text[: -len(title)]
            elif text.startswith(title):
                extra = text[len(title) :]
            else:
                continue
            name = extra.strip(_TITLE_SEPARATORS)
            if _looks_like_site_name(name):
                return name, index, title
    return "", -1, ""


_NAME_JOINERS = frozenset(["of", "the", "and", "in", "for", "on", "to", "a", "an", "with", "by"])


def _looks_like_site_name(name: str) -> bool:
    """Whether text cut off a title line reads like a brand: 1-5 capitalised words, not a
    phrase that continues into the title (``Importance of``)."""
    words = name.split()
    if not words or len(words) > 5 or len(name) > 40:
        return False
    if words[-1].lower() in _NAME_JOINERS or words[0].lower() in _NAME_JOINERS:
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _NAME_JOINERS for w in words)


# the patterns a line is searched with before it is split into sentences, and the same read
# case-sensitively, for a lower-cased line (every letter of them is written in lower case)
_SENTENCE_PATTERNS = (_STRONG_PROMO, _WEAK_PROMO)
_LOWER_SENTENCE_PATTERNS = tuple(re.compile(p.pattern) for p in _SENTENCE_PATTERNS)


def _may_drop_sentences(
    line: str, text: str, lowered: str | None, site_pattern: re.Pattern[str] | None
) -> bool:
    """Whether a sentence of ``line`` may be promotion or name the site: each pattern finds in
    the whole line what it finds in one of its sentences (a sentence is bounded by spaces
    there), so most lines are kept without being split. ``text`` is the line without its
    spaces and heading marks, where the promotion patterns (each opening on a word) find
    what they find in the line, and ``lowered`` is :func:`plain_lower` of it. A line holding
    a cookie or copyright notice is not asked: it is navigation (:func:`_is_navigation`)."""
    strong, weak = _SENTENCE_PATTERNS if lowered is None else _LOWER_SENTENCE_PATTERNS
    searched = text if lowered is None else lowered
    strong_marked = _holds_any(lowered, _STRONG_PROMO_MARKS)
    # a line without the strong marks holds none of the weak marks that contain one
    weak_marks = _WEAK_PROMO_MARKS if strong_marked else _WEAK_ONLY_PROMO_MARKS
    return bool(
        (strong_marked and strong.search(searched))
        or (site_pattern and site_pattern.search(line))
        or (
            _holds_any(lowered, weak_marks)
            and len({m.group(0).lower() for m in weak.finditer(searched)}) >= 2
        )
    )


# What each alternative of _STRONG_PROMO and of _WEAK_PROMO needs in a lower-cased line (keep
# them with the patterns): a line holding none of them is not searched (most lines)
_STRONG_PROMO_MARKS = (
    *("sale", "buy", "order", "shop", "add to", "coupon", "promo", "discount", "%", "shipping"),
    *("delivery", "click", "subscribe", "newsletter", "sign up", "offer", "money", "visit our"),
    *("best price", "cheapest"),
)
_WEAK_PROMO_MARKS = ("top", "discount", "cheap", "shipping", "price", "online", "shop", "guarantee")
_WEAK_ONLY_PROMO_MARKS = tuple(
    weak for weak in _WEAK_PROMO_MARKS if not any(mark in weak for mark in _STRONG_PROMO_MARKS)
)  # "top", "cheap", "price", "online", "guarantee"


def _holds_any(lowered: str | None, marks: tuple[str, ...]) -> bool:
    """Whether a lower-cased line holds one of ``marks``; ``lowered`` is :func:`plain_lower`
    of it, and ``None`` (a letter the marks might miss) holds them all. Marks without letters
    are looked for in a line as written."""
    if lowered is None:
        return True
    # a loop, not any() over a generator (twice as slow): called for every line
    for mark in marks:  # noqa: SIM110
        if mark in lowered:
            return True
    return False


def _drop_sentences(line: str, should_drop) -> tuple[str, list[str]]:
    """``line`` without the sentences ``should_drop`` flags, and the dropped sentences."""
    spans = sentence_spans(line)
    dropped = [line[a:b] for a, b in spans if should_drop(line[a:b])]
    if not dropped:
        return line, []
    indent = line[: len(line) - len(line.lstrip())]
    kept = [line[a:b] for a, b in spans if not should_drop(line[a:b])]
    return (indent + " ".join(kept)) if kept else "", dropped


def _is_first_person_bio(text: str) -> bool:
    """Whether a paragraph is written in the first person heavily enough to be a biography."""
    words = _WORD.findall(text)
    hits = len(_FIRST_PERSON.findall(text))
    return hits >= 3 and hits >= 0.03 * len(words)


def _author_block_end(lines: Sequence[str], start: int) -> int:
    """Where an author block starting at ``start`` ends: the next structural heading or EOF."""
    for j in range(start + 1, len(lines)):
        if _STRUCTURAL_HEADING.match(lines[j]) and not _AUTHOR_HEADING.match(lines[j].strip()):
            return j
    return len(lines)


def table_lines(lines: Sequence[str]) -> set[int]:
    """Indexes of the lines of Markdown tables: rows between outer pipes, and a header row,
    its rule and the rows after it for tables without outer pipes."""
    out: set[int] = set()
    for i, line in enumerate(lines):
        if "|" not in line:  # every row and rule holds one
            continue
        if is_table_row(line):
            out.add(i)
        if is_table_separator(line):
            j = i - 1
            while j >= 0 and "|" in lines[j] and lines[j].strip():
                out.add(j)
                j -= 1
            j = i
            while j < len(lines) and "|" in lines[j] and lines[j].strip():
                out.add(j)
                j += 1
    return out


def filter_chrome(lines: Sequence[str]) -> FilteredText:
    """Blank out site chrome, promotion, bylines and author bios; keep everything else verbatim."""
    out = list(lines)
    removals: list[Removal] = []

    def remove(index: int, text: str, reason: str) -> None:
        if text.strip():
            removals.append(Removal(index + 1, text.strip(), reason))

    site_name, site_line, title = find_site_name(out)
    if site_name:
        indent = out[site_line][: len(out[site_line]) - len(out[site_line].lstrip())]
        remove(site_line, site_name, SITE_NAME)
        out[site_line] = indent + title
    site_pattern = re.compile(r"\b" + re.escape(site_name) + r"\b") if site_name else None

    tables = table_lines(out)
    index = 0
    while index < len(out):
        text = out[index].strip()
        if not text or index in tables:  # "| Oral | Yes | No |" is a table row, not a menu
            index += 1
            continue
        bare = text.lstrip("#").strip()  # a heading's words
        # an author heading's words open on "about", "author" or "the author"
        if bare[:1] in "aAtT" and _AUTHOR_HEADING.match(text):
            end = _author_block_end(out, index)
            for j in range(index, end):
                remove(j, out[j], AUTHOR)
                out[j] = ""
            index = end
            continue
        lowered = plain_lower(bare)  # lower-cased once for every check below
        opens = index == 0 or not out[index - 1].strip()  # "by Cession of ..." in a paragraph
        if (opens and is_byline(text)) or _is_navigation(bare, lowered):
            byline = opens and is_byline(text)
            remove(index, out[index], AUTHOR if byline else NAVIGATION)
            out[index] = ""
            following = out[index + 1].strip() if index + 1 < len(out) else ""
            if byline and text.endswith(",") and following and len(following) <= 90:
                remove(index + 1, out[index + 1], AUTHOR)  # the credit's titles, wrapped:
                out[index + 1] = ""  # "Barrister-at-Law, Fellow ... of New College, Oxford"
        elif site_pattern and text == site_name:
            remove(index, out[index], SITE_NAME)
            out[index] = ""
        elif _may_drop_sentences(out[index], bare, lowered, site_pattern):
            kept, dropped = _drop_sentences(
                out[index],
                lambda s: (
                    is_promotional(s)
                    or bool(site_pattern and site_pattern.search(s))
                    or bool(_COOKIE.search(s) or COPYRIGHT.search(s))
                ),
            )
            for sentence in dropped:
                reason = (
                    SITE_NAME
                    if site_pattern
                    and site_pattern.search(sentence)
                    and not is_promotional(sentence)
                    else PROMOTION
                )
                remove(index, sentence, reason)
            out[index] = kept
        index += 1

    _drop_trailing_bio(out, removals)
    removals.sort(key=lambda r: r.line)
    return FilteredText(out, removals, site_name)


def _drop_trailing_bio(out: list[str], removals: list[Removal]) -> None:
    """Blank the first-person paragraphs at the very end of the text (an author's bio)."""
    end = len(out)
    while end > 0:
        while end > 0 and not out[end - 1].strip():
            end -= 1
        start = end
        while start > 0 and out[start - 1].strip():
            start -= 1
        block = out[start:end]
        if not block or any(_STRUCTURAL_HEADING.match(line) for line in block):
            return
        if not _is_first_person_bio(" ".join(line.strip() for line in block)):
            return
        for j in range(start, end):
            removals.append(Removal(j + 1, out[j].strip(), AUTHOR))
            out[j] = ""
        end = start

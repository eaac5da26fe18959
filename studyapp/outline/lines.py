"""What one line of an outline is: heading candidate, list item, caption or plain text.

The outline parser (:mod:`studyapp.outline.parse`) asks this module how each line looks on its own
(numbering style and value, indentation, bullet marker, heading-like wording) and decides with
the surrounding lines whether a numbered line is a heading or a list item. Inline Markdown
(emphasis, links, code spans, HTML tags) is stripped here, so the text that reaches a deck is
plain and a card's source sentence is verbatim in its section's body.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from studyapp.outline.markup import first_group, plain_inline
from studyapp.outline.sentences import single_spaced

ROMAN = "roman"
UPPER = "upper"
ARABIC = "arabic"
LOWER = "lower"
LOWER_ROMAN = "lower-roman"
DECIMAL = "decimal"
MARKDOWN = "markdown"

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_ROMAN_RE = re.compile(r"^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")

# A question a text asks and answers itself, as a catechism or a review sheet marks it
# ("2. Q. What is Buddhism?", "Question: ...") and the answer after it ("A. It is ...")
# "Q. ...", "Question: ...", "212. Q.--How is ...?" (an old catechism's dash after its mark)
_MARK_END = r"\s*[.:)](?:\s*(?:--|—|–)\s*|\s+)"
QUESTION_MARK = re.compile(rf"^(?:\d{{1,3}}[.)]\s+)?(?:Q|Ques|Question){_MARK_END}")
ANSWER_MARK = re.compile(rf"^(?:A|Ans|Answer){_MARK_END}")

_MD_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:\s+|(?=[^\s#]))(.*?)\s*#*\s*$")
# an AsciiDoc section title ("== Security Principles"): the level is the count of "="
_ADOC_HEADING = re.compile(r"^(={1,6})\s+([^\s=].*?)\s*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")
_ADORNMENT = re.compile(r"^ {0,3}([=\-~^\"'`#*+:.<>_])\1{2,}\s*$")
_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*$")
_RULE = re.compile(r"^\s*([-*_])(?:\s*\1){2,}\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_BULLET = re.compile(r"^(\s*)([•\-*+‣◦▪●○■–·])\s+(\S.*)$")
_NUMBERED = re.compile(
    r"^(\s*)(?:\(([a-z]|[ivx]+|\d+)\)|(\d+(?:\.\d+)+)\.?|([IVXLCDM]+|[A-Z]|\d{1,3}|[a-z]|[ivx]+)"
    r"[.)])\s+(\S.*)$"
)
_EMPHASIZED_NUMBER = re.compile(r"^(\s*)(\*{1,2}|_{1,2})((?:\d{1,3}|[IVXLC]+)\.\s+\S.*)$")
_DECIMAL_BARE = re.compile(r"^(\s*)(\d{1,2})\s+([A-Z]\S*(?:\s+\S+){0,12})$")
_TERM_BOLD = re.compile(r"^(?:\*\*|__)(.+?)(?::)?(?:\*\*|__)\s*(?::|–|—|-)?\s*([^\s:–—-].*)$")
_TERM_PLAIN = re.compile(r"^([^:]{1,60}?):\s+(\S.*)$")
# a glossary entry of an old book: the term in capitals, a stop and a dash, its explanation
# as a sentence ("ALBINISM.--Albinos are animals ...", "ALGAE.--A class of plants ..."); not a
# shouted heading ("CHAPTER XV--ENGLAND UNDER HENRY THE THIRD": no sentence follows)
DASH_TERM = re.compile(
    r"^(?P<term>[A-Z][A-Z'’ -]*[A-Z](?:(?:,? or |, )[A-Z][A-Z'’ -]*[A-Z])*(?: \([^)]{1,30}\))?)"
    r"\.?(?:--|—)\s*(?P<explanation>[A-Z]\S*(?: \S+)*)$"
)
# ... or a dictionary's, with a stop and no dash ("NADIR. The lower pole of the rational
# horizon"): the same shape as a shouted side head ("SAND REEFS. On many coasts ..."), so
# only a run of them in alphabetical order is a glossary (studyapp.outline.classify)
DOT_TERM = re.compile(
    r"^(?P<term>[A-Z][A-Z'’ -]*[A-Z](?:(?:,? OR |, )[A-Z][A-Z'’ -]*[A-Z])*(?: \([^)]{1,30}\))?)"
    r"[.!] (?P<explanation>[A-Z][a-z]*[\w'’-]*(?: \S+)+)$"
)
_ROMAN = re.compile(r"^[IVXLCDM]+$")
_NOT_TERMS = frozenset(
    ["note", "notes", "e.g", "i.e", "see", "source", "sources", "warning", "tip"]
)

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")
# "**bold**", "__bold__", "*italic*" (not "2*3*4"): a single star is found first and the
# character before it looked back at, not looked back at from every character of a line
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|\*(?<![\w*]\*)(?=\S)([^*]+?)(?<=\S)\*(?!\w)")
_CODE = re.compile(r"`([^`]*)`")


@dataclass(frozen=True, slots=True)
class Numbering:
    """The number in front of a numbered line: its style, value and label as written."""

    style: str  # one of ROMAN, UPPER, ARABIC, LOWER, LOWER_ROMAN, DECIMAL
    value: int
    label: str  # "II", "A", "1", "1.2.3"
    depth: int = 1  # decimal numbers: how many parts


def roman_value(token: str) -> int:
    """The value of an upper-case Roman numeral, or 0 when ``token`` is not one."""
    token = token.upper()
    if not token or not _ROMAN_RE.match(token):
        return 0
    total = 0
    for i, char in enumerate(token):
        value = _ROMAN_VALUES[char]
        nxt = _ROMAN_VALUES[token[i + 1]] if i + 1 < len(token) else 0
        total += -value if value < nxt else value
    return total


def to_roman(value: int) -> str:
    """``value`` (1-3999) as an upper-case Roman numeral."""
    pairs = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC")]
    pairs += [(50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = []
    for number, letters in pairs:
        while value >= number:
            out.append(letters)
            value -= number
    return "".join(out)


def label_for(style: str, value: int) -> str:
    """The label of ``value`` in a numbering style (used to number a lead section)."""
    if style == ROMAN:
        return to_roman(value)
    if style == UPPER:
        return chr(ord("A") + value - 1) if 1 <= value <= 26 else str(value)
    if style == LOWER:
        return chr(ord("a") + value - 1) if 1 <= value <= 26 else str(value)
    if style == LOWER_ROMAN:
        return to_roman(value).lower()
    return str(value)


def indentation(line: str) -> int:
    """Leading whitespace width (tabs are expanded before parsing)."""
    return len(line) - len(line.lstrip())


@lru_cache(maxsize=16384)  # a line is read as a heading, an entry and a list item in turn
def strip_inline(text: str) -> str:
    """Plain text of a line: links, emphasis, code spans, HTML tags and the inline markup of
    other formats (:func:`studyapp.outline.markup.plain_inline`) removed."""
    text = plain_inline(text)
    if "[" in text:  # each pattern only where its mark is: most lines have none
        text = _LINK.sub(first_group, text)
    if "<" in text:
        text = _HTML_TAG.sub("", text)
    if "`" in text:
        text = _CODE.sub(first_group, text)
    if "*" in text or "__" in text:
        for _ in range(2):  # again for emphasis inside emphasis, if the first pass found any
            text, found = _EMPHASIS.subn(lambda m: m.group(2) or m.group(3) or "", text)
            if not found:
                break
    return single_spaced(text)


def markdown_heading(line: str) -> tuple[int, str] | None:
    """``(level, title)`` when the line is an ATX heading (``## Title`` or ``##Title``) or an
    AsciiDoc section title (``== Title``)."""
    match = _MD_HEADING.match(line) or _ADOC_HEADING.match(line)
    if not match:
        return None
    title = strip_inline(match.group(2)).rstrip(":").strip()
    if not title or not (
        title[0].isalnum()
        or title[0] in "“\"'("
        or (title[0] in "-–.$@+" and title[1:2].isalnum())  # "-ARE Verbs", ".NET", "$PATH"
    ):
        return None
    return len(match.group(1)), title


def is_setext_underline(line: str) -> int:
    """1 for a ``===`` underline, 2 for ``---``, 0 otherwise."""
    match = _SETEXT.match(line)
    if not match:
        return 0
    return 1 if match.group(1).startswith("=") else 2


def adornment(line: str) -> str:
    """The character of a reStructuredText (or plain-text) heading underline or overline
    (``====``, ``----``, ``~~~~``, ``****``...), or ``""``."""
    match = _ADORNMENT.match(line)
    return match.group(1) if match else ""


def is_rule(line: str) -> bool:
    """Whether the line is a horizontal rule (``---``, ``***``)."""
    return bool(_RULE.match(line))


def is_fence(line: str) -> bool:
    """Whether the line opens or closes a fenced code block."""
    return bool(_FENCE.match(line))


def is_table_row(line: str) -> bool:
    """Whether the line is a Markdown table row between outer pipes (``| a | b |``)."""
    text = line.strip()
    return len(text) > 1 and text.startswith("|") and text.endswith("|")


def is_table_separator(line: str) -> bool:
    """Whether the line is the rule under a Markdown table's header (``|---|:--:|``)."""
    return "|" in line and "-" in line and bool(_TABLE_SEPARATOR.match(line))  # marks first


def table_cells(line: str) -> list[str]:
    """The cells of a table row as plain text (outer pipes optional, ``\\|`` kept as ``|``)."""
    text = line.strip()
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    cells = re.split(r"(?<!\\)\|", text)
    return [strip_inline(cell.replace("\\|", "|")) for cell in cells]


def bullet(line: str) -> tuple[int, str] | None:
    """``(indent, text)`` when the line is a bullet item."""
    match = _BULLET.match(line)
    if not match:
        return None
    if match.group(2) in "-*" and is_rule(line):
        return None
    return len(match.group(1)), match.group(3)


def _unwrapped(line: str) -> str:
    """A numbered line without the emphasis around it: ``*1. Use words in their proper
    sense.*`` (a plain-text handbook's rule) reads as ``1. Use words in their proper sense.``;
    a footnote mark after the closing marker (``*[5]``) goes with it."""
    match = _EMPHASIZED_NUMBER.match(line)
    if not match:
        return line
    indent, marker, rest = match.groups()
    rest = re.sub(rf"{re.escape(marker)}(?:\[\d+\])?\s*$", "", rest)
    return f"{indent}{rest}"


def emphasized_number(line: str) -> bool:
    """Whether a numbered line is set in emphasis (``*1. Use words in their proper sense.*``):
    a handbook's rule, a heading even when it ends on a full stop."""
    return bool(_EMPHASIZED_NUMBER.match(line))


def numbered(line: str, allow_bare: bool = False) -> tuple[int, list[Numbering], str] | None:
    """``(indent, readings, text)`` when the line starts with a number such as ``II.``.

    A single letter such as ``I`` or ``C`` may be a Roman numeral or a letter; every reading is
    returned (most likely first) and the parser picks by context. ``allow_bare`` also accepts a
    chapter number without a dot (``1 Introduction``), for documents numbered ``1.2.3``.
    """
    match = _NUMBERED.match(line)
    if not match and line.lstrip()[:1] in "*_":  # set in emphasis: read without it
        match = _NUMBERED.match(_unwrapped(line))
    if match:
        indent, paren, dec, token, text = match.groups()
        token = paren or token
        if dec:
            parts = dec.split(".")
            return len(indent), [Numbering(DECIMAL, int(parts[-1]), dec, len(parts))], text
        assert token is not None
        readings: list[Numbering] = []
        if token.isdigit():
            readings.append(Numbering(ARABIC, int(token), token))
        elif token.isupper():
            if roman_value(token) and (len(token) > 1 or token in "IVX"):
                readings.append(Numbering(ROMAN, roman_value(token), token))
            if len(token) == 1:
                readings.append(Numbering(UPPER, ord(token) - ord("A") + 1, token))
            if roman_value(token) and len(token) == 1 and token not in "IVX":
                readings.append(Numbering(ROMAN, roman_value(token), token))
        else:
            if roman_value(token) and (len(token) > 1 or token == "i"):
                readings.append(Numbering(LOWER_ROMAN, roman_value(token), token))
            if len(token) == 1:
                readings.append(Numbering(LOWER, ord(token) - ord("a") + 1, token))
        return (len(indent), readings, text) if readings else None
    if allow_bare:
        bare = _DECIMAL_BARE.match(line)
        if bare:
            return (
                len(bare.group(1)),
                [Numbering(DECIMAL, int(bare.group(2)), bare.group(2))],
                (bare.group(3)),
            )
    return None


def heading_like(text: str, max_words: int = 14) -> bool:
    """Whether ``text`` reads like a heading: short, capitalised, no sentence punctuation."""
    text = text.strip()
    if len(text) > 120:  # before splitting it: a paragraph is one long line in Markdown
        return False
    words = text.split()
    if not words or len(words) > max_words:
        return False
    if text[-1] in ".,;:!" or not (text[0].isupper() or text[0].isdigit() or text[0] in "“\"'("):
        return False
    return not re.search(r"[.!?]\s+[A-Z]", text)


def title_cased(text: str) -> bool:
    """Whether most longer words are capitalised (a heading rather than a sentence)."""
    long_words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", text) if len(w) > 3]
    if len(long_words) <= 1:
        return True
    capitals = sum(1 for w in long_words if w[0].isupper())
    return capitals / len(long_words) >= 0.6


_NUMBERING_WORD = re.compile(
    r"^(?:CHAPTER|PART|BOOK|SECTION|LECTURE|LESSON|UNIT|CANTO|ACT|VOLUME|ARTICLE)\b"
)


MIN_SORTED_TERMS = 5  # a run of terms in alphabetical order: fewer may be so by chance
SORTED_SHARE = 0.8  # of neighbouring terms in order (a dictionary has a slip or two)


def alphabetical(terms: list[str]) -> bool:
    """Whether ``terms`` are a dictionary's or a glossary's headwords: :data:`MIN_SORTED_TERMS`
    or more, most of them in alphabetical order ("Nab", "Nacre", "Nadir", ...), as a
    glossary lists its entries and a text's side heads ("Waves", "Sea caves", "Coves") or a
    subject's notes rarely do."""
    if len(terms) < MIN_SORTED_TERMS:
        return False
    keys = [t.casefold() for t in terms]
    ordered = sum(1 for a, b in itertools.pairwise(keys) if a <= b)
    return ordered >= SORTED_SHARE * (len(keys) - 1)


def dash_term(text: str, dotted: bool = False) -> tuple[str, str]:
    """``(term, explanation)`` of an old book's glossary entry ("ALBINISM.--Albinos are
    animals ..." gives "Albinism", as the text would write it), else ``("", "")``: the
    explanation is a sentence, so a shouted heading ("CHAPTER XV--ENGLAND UNDER HENRY THE
    THIRD", "CHAPTER XIV--England under King John") is none. ``dotted`` also reads a
    dictionary's entry without the dash ("NADIR. The lower pole ...")."""
    dashed = DASH_TERM.match(text.strip()) or (DOT_TERM.match(text.strip()) if dotted else None)
    if not dashed or _NUMBERING_WORD.match(dashed.group("term")):
        return "", ""
    if _ROMAN.match(dashed.group("term")):
        return "", ""  # "II. Anesthetic Applications": a numbered heading
    explained = dashed.group("explanation").strip()
    if sum(map(str.islower, explained)) <= sum(map(str.isupper, explained)):
        return "", ""  # "See MAMMALIA.": a pointer, no explanation
    return dashed.group("term").capitalize(), explained


def split_term(text: str) -> tuple[str, str]:
    """``(term, explanation)`` for a ``Term: explanation`` item, else ``("", "")``."""
    raw = text.strip()
    match = _TERM_BOLD.match(raw)
    if match:
        term, explanation = strip_inline(match.group(1)).rstrip(":"), strip_inline(match.group(2))
        joined = raw[match.end(1) :].lstrip("*_").lstrip()[:1] not in (":", "–", "—", "-")
        if joined and explanation[:1].islower() and not raw[: match.end(1)].endswith(":"):
            return "", ""  # "**On the Fly** projection is ...": emphasis inside a sentence
    else:
        plain = strip_inline(raw)
        match = _TERM_PLAIN.match(plain)
        if not match:
            return dash_term(plain, dotted=True)  # "ALBINISM.--Albinos are ...", or ("", "")
        term, explanation = match.group(1).strip(), match.group(2).strip()
    words = term.split()
    if not words or len(words) > 7 or term.lower().rstrip(".") in _NOT_TERMS:
        return "", ""
    if re.search(r"[.!?;]\s", term) or term.endswith((".", ",")) or not explanation:
        return "", ""
    return term, explanation

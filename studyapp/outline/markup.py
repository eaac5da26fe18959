"""The markup of source formats that is not study text: found, and taken out.

Study texts come as Markdown, reStructuredText, LaTeX-flavoured notes and HTML-laden pages.
Their markup must never reach a card or the reading material: reST directives and comments
(``.. figure::``, ``.. _label:``, ``.. index::``), literal blocks, Markdown link reference
definitions, HTML comments, display math and grid tables are blanked line by line by
:func:`blank_markup` (the line count stays, so line numbers stay those of the source);
inline markup (roles such as ``:ref:`text <label>```, images, LaTeX, entities, footnote
marks) is reduced to its plain text by :func:`plain_inline`.
"""

from __future__ import annotations

import html
import itertools
import re
from html.parser import HTMLParser

# reST directives whose body is prose a student reads (their options are dropped)
_PROSE_DIRECTIVES = frozenset(
    [
        "note",
        "warning",
        "tip",
        "important",
        "hint",
        "caution",
        "attention",
        "danger",
        "error",
        "admonition",
        "seealso",
        "topic",
        "sidebar",
        "epigraph",
        "highlights",
        "pull-quote",
        "rubric",
        "versionadded",
        "versionchanged",
        "deprecated",
        "container",
        "compound",
        "glossary",
        "definition",
        "theorem",
        "lemma",
        "proof",
        "example",
        "exercise",
        "only",
    ]
)
_DIRECTIVE = re.compile(r"^(\s*)\.\.\s+([\w:-]+)::(.*)$")
_EXPLICIT = re.compile(r"^(\s*)\.\.(?:\s|$)")  # comments, targets, footnotes, substitutions
_OPTION = re.compile(r"^\s*:[\w -]+:(?:\s|$)")
_LINK_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S+")
_SIMPLE_BORDER = re.compile(r"^\s*=+(?:\s+=+)+\s*$")  # "======  ======": a reST simple table
_GRID_BORDER = re.compile(r"^\s*\+(?:[-=]+\+)+\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_DISPLAY_OPEN = re.compile(r"^\s*(\$\$|\\\[|\\begin\{([a-zA-Z*]+)\})")

_LETTER_RUN = re.compile(r"[^\W\d_]{4}")
_MARK = re.compile(r"[^\w\s]|_")
_ALNUM = re.compile(r"[^\W_]")
_HTML_BLOCK = re.compile(r"^<(table|math|head|script|style|svg|figure)\b", re.IGNORECASE)
_MDX_LINE = re.compile(r"^(?::::\s*\w*.*|(?:import|export)\s+[\w{}, *]+\s+from\s+['\"].*)$")
# a line that is only HTML block tags ("<div data-type=\"title\">", "</div>"): a break
# between blocks, so a box's title ("An Immunocompromised Host") is not read into its text
_BLOCK_TAG_LINE = re.compile(
    r"^\s*(?:</?(?:div|section|aside|header|footer|details|summary|figure|figcaption|center"
    r"|blockquote|article|nav|main|p)\b[^>]*>\s*)+$",
    re.IGNORECASE,
)
# A MyST block of practice (Jupyter Book textbooks): an exercise, a worked example, a
# checkpoint question and its answer or solution. Its sentences are a problem's data ("A mass,
# M, is placed on the piston with the larger diameter"), which no card should ask as a fact
# (rated bad in round T1); it runs to the first closing fence, which in such books often
# closes a solution nested in the example without a fence of its own.
_PRACTICE_BLOCK = re.compile(
    r"^\s*:{3,}\s*\{(?:exercise|solution|answer)\b[^}]*\}"
    r"|^\s*:{3,}\s*\{[\w-]+\}\s*(?:Worked )?(?:Example|Exercise|Problem|Solution|Answer"
    r"|Checkpoint|Practice|Quiz)\b",
    re.IGNORECASE,
)
_COLON_CLOSE = re.compile(r"^\s*:{3,}\s*$")
_IAL_LINE = re.compile(r"^\s*(?:\{:[^}]*\}|\^)\s*$")  # kramdown: "{: .class}", "^"
# an AsciiDoc anchor or block attribute line: "[[ch11]]", "[source,python]", "[NOTE]"
_ADOC_ATTRIBUTE_LINE = re.compile(
    r"^\[(?:\[[\w:.-]+(?:,[^\]]*)?\]|[A-Za-z#.][\w\s,=\"'.#-]*)\]\s*$"
)
_TRAILING_RULE = re.compile(r"\s*\*(?: \*){2,}\s*$")  # "phases.* * *": a rule glued on
# bold in a plain-text book, as Project Gutenberg writes it ("=Questions=", "=The Trading
# Company.=--English pioneers ..."): words between two equals signs, none against a word
EQUALS_BOLD = re.compile(r"(?<![\w=])=(?=[ \w])([^=\n]{0,80}?[\w.?!)’'\"])=(?![\w=])")
_IAL = re.compile(r"\{:[^}]*\}")
# a heading's attributes at its end (Pandoc, kramdown, MkDocs): "## Overview {#overview}",
# "### Setup {.unnumbered}", "## Pitfalls { #sec:xtocid157909725 }" (spaces inside, as Pandoc
# allows), "## Notes {#notes .unlisted key=value}"
_HEADING_ATTRIBUTES = re.compile(
    r"\s*\{\s*[#.][\w.:-]+(?:\s+(?:[#.][\w.:-]+|[\w-]+=\S+))*\s*\}\s*$"
)
# a Pandoc/Quarto citation in brackets, its keys after "@" (not an address: "a@b.org"); its
# key often spells the answer ("[@termanMeasurementIntelligence1916]" after "[Terman] was")
_PANDOC_CITATION = re.compile(r"\s?\[[^\[\]]*?(?<![\w.])-?@[A-Za-z0-9_][^\[\]]*\]")
_DEFINITION = re.compile(r"^:\s+\S")  # kramdown/PHP Markdown definition: ": explanation"
_ANNOTATION = re.compile(r"<annotation[^>]*>.*?</annotation>", re.IGNORECASE | re.DOTALL)
_CROSS_REFERENCE = re.compile(
    r"\s?\(\[\\?\[link\\?\]\]\([^)]*\)\)|\s?\[\\?\[link\\?\]\]\([^)]*\)", re.IGNORECASE
)
# a bookdown / R Markdown label opening a caption: "(\#tab:viruschar)Clinically important ..."
# AsciiDoc index terms: '((("security", "principles")))' is hidden, '((term))' shows "term"
_ADOC_HIDDEN_INDEX = re.compile(r"\(\(\((?:[^()]|\([^()]*\))*\)\)\)")
_ADOC_INDEX = re.compile(r"(?<![\w)])\(\(([A-Za-z][^()]*)\)\)")
_ADOC_ANCHOR = re.compile(r"\[\[[\w:.-]+(?:,[^\]]*)?\]\](?!\()")
_BOOKDOWN_LABEL = re.compile(r"\(\\?#(?:tab|fig|eq|thm|lem|def|exm|exr|sec|ref):[\w:.-]*\)\s?")
# runs of plain characters taken whole (possessive "++"): a link's text and target are read
# in one step each, not one character at a time
_NESTED_LINK = re.compile(r"\[((?:[^\[\]]++|\[[^\]]*\])*)\]\((?:[^()\s]++|\([^)]*\))*\)")
# "[video][1]", "[the guide][guide]"; not "[CoCl6][Br]", a formula
# a Pandoc bracketed span with attributes: "[Airborne transmission]{#airborne}", "[x]{.sc}"
_SPAN = re.compile(r"\[([^\[\]]+)\]\{[#.][^{}]*\}")
_REFERENCE_LINK = re.compile(r"(?<!!)\[([^\[\]]*[a-z][^\[\]]*)\]\[(?:\d+|[a-z][\w -]*)?\]")
_TASK_BOX = re.compile(r"^\s*\[[ xX]\]\s+")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)\s]*(?:\s+\"[^\"]*\")?\)|!\[[^\]]*\]\[[^\]]*\]")
# a reference to the bibliography goes, like LaTeX's \cite, with the space before it
_CITE = re.compile(r"\s*:(?:cite|citep|citet|footcite)(?::[a-z]+)?:`[^`]*`")
_LABEL = re.compile(r"^[~!]?[\w-]+[_:][\w:-]+$")
_LABEL_ROLES = frozenset({"ref", "numref", "eqref", "label"})
_LABEL_KINDS = {
    "fig": "the figure",
    "figure": "the figure",
    "tab": "the table",
    "table": "the table",
    "eq": "the equation",
    "equation": "the equation",
    "lst": "the listing",
    "code": "the listing",
}
_ROLE = re.compile(r":(?:[\w-]+:)*([\w-]+):`([^`]*)`")
_REST_LINK = re.compile(r"`([^`<]*?)\s*<[^`>]*>`__?")
# "_The sob_ is ...": italics in Markdown and in plain-text books (Project Gutenberg); the
# opening "_" is found first and the character before it looked back at
_UNDERSCORED = re.compile(r"_(?<![\w_]_)(?=[^\s_])([^_\n]+?)(?<=[^\s_])_(?![\w_])")
_QUOTED_REF = r"`([^`]+)`__?"  # "`the guide`_"
_REST_REF = re.compile(_QUOTED_REF + r"|(?<![\w_])([A-Za-z][\w-]*)_(?=[\s.,;:)]|$)")
_REF_END = re.compile(r"_(?=[\s.,;:)]|$)")  # what a "word_" reference ends on (see _REST_REF)
# _REST_REF in a text where _REF_END finds nothing: trying "word_" at every word of a long
# paragraph (most of the work) is left out there
_REST_QUOTED_REF = re.compile(_QUOTED_REF)
_FOOTNOTE = re.compile(r"\s?\[\^[^\]]+\]|\s?\[(?:#[\w-]*|\*|\d+)\]_")
_SUBSTITUTION = re.compile(r"(?<!\$)\|[\w -]+\|(?!\$)")  # not "$|V|$": a formula's bars
_INLINE_MATH = re.compile(r"\$\$(.+?)\$\$|\$(?=[^\s$])([^$]*?[^\s$\\])\$(?!\d)|\\\((.+?)\\\)")
_LATEX_TEXT = re.compile(
    r"\\(?:textbf|textit|emph|text|mathrm|mathbf|mathit|operatorname)\{([^{}]*)\}"
)
_LATEX_DROP = re.compile(r"\\(?:cite[pt]?|ref|eqref|label|footnote|index)\{[^{}]*\}")
_LATEX_FRAC = re.compile(r"\\[dt]?frac\{([^{}]*)\}\{([^{}]*)\}")
_LATEX_COMMAND = re.compile(r"\\([A-Za-z]+)")
_LATEX_SYMBOLS = {
    "times": "×",
    "equiv": "≡",  # "HC \equiv CH": a triple bond
    "rightleftharpoons": "⇌",
    "leftrightarrow": "↔",
    "Rightarrow": "⇒",
    "propto": "∝",
    "partial": "∂",
    "cdot": "·",
    "leq": "≤",
    "le": "≤",
    "geq": "≥",
    "ge": "≥",
    "neq": "≠",
    "approx": "≈",
    "pm": "±",
    "rightarrow": "→",
    "to": "→",
    "leftarrow": "←",
    "infty": "∞",
    "sum": "Σ",
    "sqrt": "√",
    "alpha": "α",
    "beta": "β",
    "gamma": "γ",
    "delta": "δ",
    "Delta": "Δ",
    "epsilon": "ε",
    "theta": "θ",
    "lambda": "λ",
    "mu": "μ",
    "pi": "π",
    "sigma": "σ",
    "tau": "τ",
    "phi": "φ",
    "omega": "ω",
    "Omega": "Ω",
    "log": "log",
    "ln": "ln",
    "sin": "sin",
    "cos": "cos",
    "exp": "exp",
    "max": "max",
    "min": "min",
}


def blank_markup(lines: list[str], written: list[str] | None = None) -> list[str]:
    """``lines`` with every line of non-prose markup made blank (same number of lines).

    The bodies of reST admonitions (``.. note::``) are kept, moved left to the directive's
    indentation so that they read as paragraphs of their own. ``written`` are the lines as
    written, tabs and all: a reST simple table's columns line up with tabs of 8 (reST's rule),
    whatever width the rest of the text is read with.
    """
    out = list(lines)
    i = 0
    in_fence = False
    while i < len(out):
        line = out[i]
        stripped = line.strip()
        if not stripped:  # a blank line is markup of no kind, and opens nothing
            i += 1
            continue
        if (
            stripped[0] in "`~"
            and _FENCE.match(line)
            and not (set(stripped) == {"~"} and i and out[i - 1].strip())
        ):
            in_fence = not in_fence
            i += 1
            continue
        if in_fence:
            i += 1
            continue
        if _is_drawing(stripped):
            out[i] = ""
            i += 1
            continue
        if stripped[0] in _MARKUP_OPENERS or line.startswith(("import", "export")):
            after = _markup_lines(out, i, written)
            if after is not None:
                i = after
                continue
        if stripped.endswith("::") and not stripped.startswith(".."):
            out[i] = line[: len(line) - 2].rstrip() + (":" if not line[:-2].endswith(" ") else "")
            if out[i].strip() in (":", ""):
                out[i] = ""
            i = _blank_literal(out, i + 1, _indent(line))
            continue
        i += 1
    _definition_lists(out)
    return out


MIN_DEFINITIONS = 3  # a reST definition list is a pattern of the text, not one indented line
MAX_TERM_WORDS = 6


def _definition_lists(out: list[str]) -> None:
    """reST definition lists rewritten in place as ``- term: definition`` items: a short line
    after a blank one, with its definition indented on the lines right below it::

        Accuracy
          Percentage of correct predictions made by the model.

    Read as prose, the term ran into its definition ("Accuracy Percentage of correct
    predictions ..."). Only a text with :data:`MIN_DEFINITIONS` such entries or more is
    read so: one indented line after a short one is a lazy continuation of a paragraph."""
    entries: list[tuple[int, int]] = []  # (term line, line after its definition)
    for i in range(len(out) - 1):
        term, below = out[i], out[i + 1]
        if (i and out[i - 1].strip()) or not below.strip() or not _is_term(term.strip()):
            continue
        indent = _indent(term)
        if _indent(below) <= indent:
            continue
        end = i + 1
        while end < len(out) and out[end].strip() and _indent(out[end]) > indent:
            end += 1
        entries.append((i, end))
    if len(entries) < MIN_DEFINITIONS:
        return
    for at, end in entries:
        definition = " ".join(line.strip() for line in out[at + 1 : end])
        out[at] = f"{' ' * _indent(out[at])}- {out[at].strip()}: {definition}"
        for line_at in range(at + 1, end):
            out[line_at] = ""


# a term's words: letters, digits, hyphens, apostrophes, slashes and a bracketed aside ("ROC
# (Receiver Operating Characteristic) Curve"); no stop, brace or backslash (code, a chart's
# row "II. Conc.  1-II", an annal's "A.D. 938. Here")
_TERM = re.compile(r"^[A-Za-z][\w'’/&+-]*(?: [\w'’/&+-]+| \([\w'’/&+, -]+\))*$")


def _is_term(text: str) -> bool:
    """Whether a line may be a definition list's term: a few plain words, no sentence, no
    mark of a list, heading, directive, table or code."""
    return len(text.split()) <= MAX_TERM_WORDS and bool(_TERM.match(text))


# The first character (after the indentation) of every line :func:`_markup_lines` acts on,
# but an MDX import or export (which opens with the word; see each of its patterns): a line
# opening otherwise, as prose does, is not matched against the patterns one by one.
_MARKUP_OPENERS = frozenset("<{^:[$\\.=+")


def _markup_lines(out: list[str], i: int, written: list[str] | None) -> int | None:
    """Blank (or rewrite) the markup line ``out[i]`` and the lines that go with it
    (see :func:`blank_markup`): where to read on, or ``None`` when it is no such line."""
    line = out[i]
    stripped = line.strip()
    if stripped.startswith("<!--"):
        return _blank_until(out, i, lambda text: "-->" in text)
    block = _HTML_BLOCK.match(stripped)
    if block:
        name = block.group(1).lower()
        if name == "table":
            return _html_table(out, i)
        return _blank_until(out, i, lambda text, n=name: f"</{n}>" in text.lower())
    if _PRACTICE_BLOCK.match(line):
        return _blank_until(out, i, _COLON_CLOSE.match, first_counts=False)
    if (
        _IAL_LINE.match(line)
        or _MDX_LINE.match(line)
        or _ADOC_ATTRIBUTE_LINE.match(line)
        or (stripped.startswith("<") and _BLOCK_TAG_LINE.match(line))
    ):
        out[i] = ""
        return i + 1
    if _DEFINITION.match(line):
        _definition_item(out, i)
        return i + 1
    display = _DISPLAY_OPEN.match(line)
    if display and not _closes_on_same_line(stripped, display.group(1)):
        closing = {"$$": "$$", "\\[": "\\]"}.get(display.group(1), f"\\end{{{display.group(2)}}}")
        return _blank_until(out, i, lambda text, c=closing: c in text, first_counts=False)
    if display:  # "$$ x = 1 $$" alone on its line
        out[i] = ""
        return i + 1
    directive = _DIRECTIVE.match(line)
    if directive:
        return _directive(out, i, len(directive.group(1)), directive.group(2).lower())
    explicit = _EXPLICIT.match(line)
    if explicit:
        return _blank_block(out, i, len(explicit.group(1)))
    if _SIMPLE_BORDER.match(line) and i + 1 < len(out) and out[i + 1].strip():
        return _simple_table(out, i, written)
    if _GRID_BORDER.match(line):
        while i < len(out) and out[i].strip()[:1] in ("+", "|"):
            out[i] = ""
            i += 1
        return i
    if _LINK_DEFINITION.match(line):
        out[i] = ""
        return i + 1
    return None


def _is_drawing(text: str) -> bool:
    """Whether a line is ASCII art (a banner, a box drawing): mostly punctuation of several
    kinds, not a table's header rule or a heading underline."""
    if len(text) < 6 or _LETTER_RUN.search(text) or set(text) <= set("|-:+= "):
        return False  # a word of four letters: text, not a drawing
    marks = _MARK.findall(text)
    alnum = len(_ALNUM.findall(text))
    return alnum < 0.3 * (alnum + len(marks)) and len(set(marks)) >= 3


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _closes_on_same_line(stripped: str, opener: str) -> bool:
    rest = stripped[len(opener) :]
    closer = {"$$": "$$", "\\[": "\\]"}.get(opener)
    return bool(closer and closer in rest)


def _blank_until(out: list[str], start: int, closes, first_counts: bool = True) -> int:
    """Blank lines from ``start`` through the first that ``closes`` (or to the end)."""
    i = start
    while i < len(out):
        text = out[i]
        out[i] = ""
        i += 1
        if closes(text) and (first_counts or i - 1 > start):
            break
    return i


def _block_end(out: list[str], start: int, indent: int) -> int:
    """The end of the block opened at ``start``: the lines indented deeper, blank lines
    inside it included."""
    end = start + 1
    last = start
    while end < len(out):
        if out[end].strip():
            if _indent(out[end]) <= indent:
                break
            last = end
        end += 1
    return last + 1


def _blank_block(out: list[str], start: int, indent: int) -> int:
    end = _block_end(out, start, indent)
    for j in range(start, end):
        out[j] = ""
    return end


def _blank_literal(out: list[str], start: int, indent: int) -> int:
    """Blank the indented literal block after a ``::`` line (blank lines may precede it)."""
    i = start
    while i < len(out) and not out[i].strip():
        i += 1
    if i >= len(out) or _indent(out[i]) <= indent:
        return start
    return _blank_block(out, i - 1, indent)


def _directive(out: list[str], start: int, indent: int, name: str) -> int:
    """Blank a directive; keep the body of a prose one (options dropped, text moved left),
    returning where to read on."""
    end = _block_end(out, start, indent)
    out[start] = ""
    if name not in _PROSE_DIRECTIVES:
        for j in range(start + 1, end):
            out[j] = ""
        return end
    body = [j for j in range(start + 1, end) if out[j].strip()]
    options = True
    shift = min((_indent(out[j]) for j in body), default=indent) - indent
    for j in range(start + 1, end):
        if options and out[j].strip() and _OPTION.match(out[j]):
            out[j] = ""
            continue
        if out[j].strip():
            options = False
        out[j] = out[j][shift:] if out[j][:shift].isspace() else out[j].lstrip()
    return start + 1  # the body is read on: it may hold directives of its own


def _html_table(out: list[str], start: int) -> int:
    """Rewrite an HTML table as Markdown table rows on the lines it took (a caption row
    spanning the whole table becomes the caption line above); blank it when it has no room."""
    end = start
    while end < len(out) and "</table>" not in out[end].lower():
        end += 1
    end = min(end, len(out) - 1)
    reader = _TableReader()
    reader.feed("\n".join(out[start : end + 1]))
    reader.close()
    rows = [cells for cells in reader.rows if any(cells)]
    width = max((len(cells) for cells in rows), default=0)
    caption = reader.caption
    while rows and len(set(rows[0])) == 1 and width > 1:  # a title row spanning the table
        caption = caption or rows.pop(0)[0]
    rows = _one_header(rows, reader.header_rows)
    # "(\#tab:viruschar)... characteristics.:": a label, and two stops
    caption = _BOOKDOWN_LABEL.sub("", caption).strip().rstrip(".")
    lines: list[str] = [f"{caption}:"] if caption else []
    if rows and width > 1:
        lines.append(_pipe_row(rows[0], width))
        lines.append("|" + "---|" * width)
        lines.extend(_pipe_row(cells, width) for cells in rows[1:])
    if len(lines) > end - start + 1 or not rows:
        lines = []
    for j in range(start, end + 1):
        out[j] = lines[j - start] if j - start < len(lines) else ""
    return end + 1


def _simple_table(out: list[str], start: int, written: list[str] | None) -> int:
    """Rewrite a reStructuredText simple table (columns under ``====  ====`` borders, the
    header between the first two) as Markdown table rows on the lines it took."""
    columns = [m.start() for m in re.finditer(r"=+", out[start])]
    borders = [start]
    end = start + 1
    while end < len(out) and out[end].strip():
        if _SIMPLE_BORDER.match(out[end]):
            borders.append(end)
        end += 1
    rows: list[list[str]] = []
    header: list[str] = []
    for j in range(start + 1, end):
        if j in borders:
            if len(borders) >= 3 and j == borders[1] and not header and rows:
                header, rows = rows[0], []
            continue
        row = written[j].expandtabs(8) if written is not None and j < len(written) else out[j]
        cells = _cells(row, columns)
        if rows and not cells[0] and any(cells):  # a row that goes on over several lines
            rows[-1] = [f"{old} {new}".strip() for old, new in zip(rows[-1], cells, strict=True)]
        elif any(cells):
            rows.append(cells)
    if not header and rows:
        header, rows = rows[0], rows[1:]
    lines = [_pipe_row(header, len(columns)), "|" + "---|" * len(columns)] if rows else []
    lines.extend(_pipe_row(cells, len(columns)) for cells in rows)
    for j in range(start, end):
        out[j] = lines[j - start] if j - start < len(lines) else ""
    return end


def _cells(line: str, columns: list[int]) -> list[str]:
    """A simple table's row cut at its columns; a cut inside a word (tabs of another width
    than the author's) moves to that word's start."""
    cuts = []
    for column in columns[1:]:
        cut = min(column, len(line))
        while 0 < cut < len(line) and not line[cut - 1].isspace() and not line[cut].isspace():
            cut -= 1
        cuts.append(cut)
    bounds = [0, *cuts, len(line)]
    return [line[a:b].strip() for a, b in itertools.pairwise(bounds)][: len(columns)]


def _pipe_row(cells: list[str], width: int) -> str:
    cells = cells + [""] * (width - len(cells))
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"


def _one_header(rows: list[list[str]], header_rows: list[list[str]]) -> list[list[str]]:
    """Two header rows (a heading spanning columns over the units of each, such as "Critical
    temperature" over "K" and "°C") become one: "Critical temperature (K)", so every value
    keeps the column it belongs to."""
    if len(rows) < 2 or len(header_rows) < 2 or rows[0] is not header_rows[0]:
        return rows
    if rows[1] is not header_rows[1] or len(rows[0]) != len(rows[1]):
        return rows
    merged = [
        top if not sub or sub == top else (f"{top} ({sub})" if top else sub)
        for top, sub in zip(rows[0], rows[1], strict=True)
    ]
    return [merged, *rows[2:]]


class _TableReader(HTMLParser):
    """The caption and the rows of cell texts of an HTML table; a cell spanning columns is
    repeated in each, and one spanning rows in each of its rows ("Primary immunodeficiencies"
    beside the four diseases it groups), so the values line up with their heading."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self.header_rows: list[list[str]] = []  # the rows made of header cells only
        self.caption = ""
        self._cell: list[str] | None = None
        self._span = 1
        self._rows_spanned = 1
        self._below: dict[int, list] = {}  # column -> [text, rows still to fill] (rowspan)
        self._data_cell = False  # a <td> in the current row
        self._in_caption = False
        self._annotation = False

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "tr":
            self._end_row()
            self.rows.append([])
            self._data_cell = False
        elif tag in ("td", "th"):
            self._cell = []
            named = dict(attrs)
            span, down = named.get("colspan") or "1", named.get("rowspan") or "1"
            self._span = max(1, min(20, int(span))) if span.isdigit() else 1
            self._rows_spanned = max(1, min(200, int(down))) if down.isdigit() else 1
            self._data_cell = self._data_cell or tag == "td"
        elif tag == "caption":
            self._in_caption = True
        elif tag == "annotation":
            self._annotation = True

    def _end_row(self) -> None:
        if self.rows and self.rows[-1]:
            self._fill_spanned()
        if self.rows and self.rows[-1] and not self._data_cell:
            self.header_rows.append(self.rows[-1])

    def _fill_spanned(self) -> None:
        """Put the cells that span down from rows above into the current row, where its next
        column is one of theirs."""
        row = self.rows[-1]
        while len(row) in self._below:
            column = len(row)
            text, left = self._below[column]
            row.append(text)
            if left <= 1:
                del self._below[column]
            else:
                self._below[column][1] = left - 1

    def close(self) -> None:
        super().close()
        self._end_row()

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            if not self.rows:
                self.rows.append([])
            self._fill_spanned()
            text = " ".join("".join(self._cell).split())
            start = len(self.rows[-1])
            self.rows[-1].extend([text] * self._span)
            if self._rows_spanned > 1:
                for column in range(start, start + self._span):
                    self._below[column] = [text, self._rows_spanned - 1]
            self._cell = None
        elif tag == "tr":
            self._end_row()
            self._data_cell = True  # ended: a second </tr> or <tr> adds it no more
        elif tag == "caption":
            self._in_caption = False
        elif tag == "annotation":
            self._annotation = False

    def handle_data(self, data: str) -> None:
        if self._annotation:
            return
        if self._cell is not None:
            self._cell.append(data)
        elif self._in_caption:
            self.caption = " ".join(f"{self.caption} {data}".split())


def _definition_item(out: list[str], at: int) -> None:
    """``term`` then ``: explanation`` (a definition list) becomes ``- term: explanation``."""
    explanation = out[at].strip()[1:].strip()
    term_at = at - 1
    while term_at >= 0 and not out[term_at].strip():
        term_at -= 1
    term = out[term_at].strip() if term_at >= 0 else ""
    if term and len(term.split()) <= 8 and not term.startswith(("-", "*", ":")):
        out[term_at] = ""
        out[at] = f"- {term}: {explanation}"
    else:
        out[at] = explanation


def first_group(match: re.Match[str]) -> str:
    """What ``pattern.sub(r"\\1", text)`` puts for a match (its first group, or nothing), as a
    function: Python 3.11 hands a template string back to its template reader on every
    ``sub`` call, a function it calls directly."""
    return match.group(1) or ""


def plain_inline(text: str) -> str:
    """Inline markup of the common formats reduced to the words it shows: images dropped,
    reST roles and links to their text, LaTeX to plain symbols, entities decoded."""
    if "!" in text:
        text = _IMAGE.sub("", text)
    if "#" in text:
        text = _BOOKDOWN_LABEL.sub("", text)
    if "((" in text:
        text = _ADOC_INDEX.sub(first_group, _ADOC_HIDDEN_INDEX.sub("", text))
    if "[" in text:
        if "@" in text:  # a Pandoc citation: "[@terman1916]", "[see @rubin_2001, p. 3]"
            text = _PANDOC_CITATION.sub("", text)
        if "]](" in text:  # what every cross-reference holds: "[[link]](...)"
            text = _CROSS_REFERENCE.sub("", text)
        text = _TASK_BOX.sub("", text)
        if "](" in text:  # each link pattern only where its mark is: most lines have none
            text = _NESTED_LINK.sub(first_group, text)
        if "][" in text:
            text = _REFERENCE_LINK.sub(first_group, text)
        if "]{" in text:
            text = _SPAN.sub(first_group, text)
        if "[[" in text:
            text = _ADOC_ANCHOR.sub("", text)  # "[[ch11]]": an AsciiDoc anchor
    if "=" in text:
        text = EQUALS_BOLD.sub(r"\1", text)  # over a line's end too: "=General Aspects of the ...="
    if "{:" in text:
        text = _IAL.sub("", text)
    if text.endswith("}") or text.rstrip().endswith("}"):  # "## Setup {.unnumbered}"
        text = _HEADING_ATTRIBUTES.sub("", text)
    if "* * *" in text:
        text = _TRAILING_RULE.sub("", text)
    if "<annotation" in text:
        text = _ANNOTATION.sub("", text)
    if "_" in text:
        text = _UNDERSCORED.sub(first_group, text)
    if "`" in text:
        if ":cit" in text or ":footcit" in text:
            text = _CITE.sub("", text)
        text = _ROLE.sub(lambda m: _role_text(m.group(1), m.group(2)), text)
        if "<" in text:
            text = _REST_LINK.sub(first_group, text)
        if "_" in text and _REF_END.search(text):
            text = _REST_REF.sub(lambda m: m.group(1) or m.group(2), text)
        elif "`" in text:  # roles are read: only quoted references may be left
            text = _REST_QUOTED_REF.sub(first_group, text)
    elif "_" in text and _REF_END.search(text):  # without a backtick, only "word_" refers
        text = _REST_REF.sub(lambda m: m.group(1) or m.group(2), text)
    if "[^" in text or "]_" in text:  # what every footnote mark holds: "[^1]", "[#]_"
        text = _FOOTNOTE.sub("", text)
    if "|" in text:
        text = _SUBSTITUTION.sub("", text)
    if "$" in text or "\\" in text:
        text = _INLINE_MATH.sub(lambda m: latex_plain(m.group(1) or m.group(2) or m.group(3)), text)
        text = latex_plain(text) if "\\" in text else text
    if "&" in text:
        text = html.unescape(text)
    if not text.isascii():
        text = _PICTOGRAPH.sub("", text)
    return text


# emoji and pictographs set before a line as decoration ("📚 An articulation point is ...",
# "❗ Watch out for ...", "🄳 A 409A valuation"); check marks, which a table may mean, stay
_PICTOGRAPH = re.compile("[\U0001f000-\U0001faff\u2600-\u26ff\u2753-\u2757\ufe0f\u200d]\\s?")


def _role_text(role: str, content: str) -> str:
    """The text a reST role shows: ``:ref:`Label <target>``` -> ``Label``."""
    if role == "math":
        return latex_plain(content)
    if role in ("rfc", "pep"):
        return f"{role.upper()} {content}"
    if role in _LABEL_ROLES and _LABEL.match(content):
        # a bare label ("sec_calculus"): the builder shows the target's number, which this
        # text cannot know; say what kind of thing it points to, never the label itself
        # (a label of one word, "statistics", reads as the target's name and stays)
        prefix = re.split(r"[_:-]", content.lstrip("~!"), maxsplit=1)[0].lower()
        return _LABEL_KINDS.get(prefix, "another section")
    match = re.match(r"^(.*?)\s*<[^<>]*>$", content, re.S)
    shown = match.group(1) if match and match.group(1) else content
    return shown.lstrip("~!")


def latex_plain(text: str) -> str:
    """LaTeX commands made plain: ``\\frac{a}{b}`` -> ``a/b``, ``\\alpha`` -> ``α``,
    ``\\cite{x}`` dropped, braces removed."""
    text = _LATEX_DROP.sub("", text)
    for _ in range(3):
        text = _LATEX_TEXT.sub(first_group, text)
        text = _LATEX_FRAC.sub(r"\1/\2", text)
    text = _LATEX_COMMAND.sub(lambda m: _LATEX_SYMBOLS.get(m.group(1), ""), text)
    return text.replace("{", "").replace("}", "").replace("\\", "")

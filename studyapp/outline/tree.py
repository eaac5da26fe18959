"""Pass two of the outline parser: the section tree of the classified lines.

:class:`TreeBuilder` nests headings by their numbering style (the order styles first appear
in gives the depth; Markdown levels and decimal depths nest by rank), gathers paragraphs,
lists and tables, and numbers the sections. Pass one is :mod:`studyapp.outline.classify`.
"""

from __future__ import annotations

import re

from studyapp.outline import lines as ol
from studyapp.outline.events import BLANK, HEADING, ITEM, TABLE, LineEvent
from studyapp.outline.nodes import ItemList, ListItem, OutlineSection, Paragraph, Table

_CAPTION = re.compile(r"^(?:table\s+[\w.-]+\b|.*:$)", re.IGNORECASE)


class TreeBuilder:
    """Pass two: nest headings, collect paragraphs and lists, number the sections."""

    def __init__(self, events: list[LineEvent]) -> None:
        self.events = events
        self.root = OutlineSection("", "", 0, 0)
        self.stack: list[tuple[tuple[str, int], OutlineSection, int]] = []
        self.section: OutlineSection | None = None
        self.paragraph: list[str] = []
        self.paragraph_line = 0
        self.list: ItemList | None = None
        self.item_stack: list[tuple[int, ListItem]] = []
        self.blank_since_item = False
        self.title = ""
        self.lead_title = ""
        self.table: Table | None = None
        self.item_raw: dict[int, str] = {}  # list items' text as written, markup included
        self.table_separated = False

    def build(self) -> tuple[str, list[OutlineSection]]:
        """``(title, top-level sections)`` of the events."""
        start = self._take_title()
        has_headings = any(e.kind == HEADING for e in self.events[start:])
        for e in self.events[start:]:
            if e.kind != TABLE:
                self._close_table()
            if e.kind == BLANK:
                self._flush_paragraph()
                self.blank_since_item = True
            elif e.kind == HEADING:
                self._close_blocks()
                self._open_heading(e)
            elif e.kind == TABLE:
                self._add_table_row(e)
            elif e.kind == ITEM:
                self._add_item(e)
            elif e.plain_heading and not has_headings:
                self._close_blocks()
                self._place(("plain", 1), OutlineSection("", _plain_title(e.text), 0, e.index + 1))
            elif e.plain_heading and self.section is None and not self.lead_title:
                self.lead_title = _plain_title(e.text)
                self.lead_line = e.index + 1
            else:
                self._add_text(e)
        self._close_blocks()
        sections = self.root.children
        for top in sections:
            for section in top.walk():
                for block in section.lists:
                    _fold_labels(block.items)
        if not has_headings and not any(not s.lead for s in sections):
            sections = _sections_from_bullets(sections)
        _number(self.root, sections)
        return self.title, sections

    def _take_title(self) -> int:
        """Consume the title line(s) at the top; returns the index of the first other event."""
        pos = next((p for p, e in enumerate(self.events) if e.kind != BLANK), len(self.events))
        if pos == len(self.events):
            return pos
        first = self.events[pos]
        h1_count = sum(1 for e in self.events if e.kind == HEADING and e.md_level == 1)
        rest = [e for e in self.events[pos + 1 :] if e.kind != BLANK]
        if not rest:
            return pos
        if _first_of_its_kind(first.text, rest):
            return pos  # "CHAPTER XIV ..." then "CHAPTER XV ...": the first chapter, no title
        if (first.kind == HEADING and first.md_level == 1 and h1_count == 1) or first.plain_heading:
            self.title = (
                _plain_title(first.text) if first.plain_heading else ol.strip_inline(first.text)
            )
            pos += 1
            while pos < len(self.events) and (
                self.events[pos].kind == BLANK or _plain_title(self.events[pos].text) == self.title
            ):
                pos += 1
        return pos

    def _current(self, line: int) -> OutlineSection:
        """The section content goes to, creating the lead section when there is none yet."""
        if self.section is None:
            title = self.lead_title or "Introduction"
            lead_line = getattr(self, "lead_line", line) if self.lead_title else line
            self.section = OutlineSection("", title, 1, lead_line, lead=True)
            self.root.children.append(self.section)
        return self.section

    def _open_heading(self, e: LineEvent) -> None:
        """Place a heading in the tree by its numbering style."""
        if e.md_level:
            number = ol.numbered(e.text + " ", allow_bare=True) if e.text[:1].isdigit() else None
            section = OutlineSection("", e.text, 0, e.index + 1)
            if number and number[2].strip():
                section.title = number[2].strip()
                section.number = number[1][0].label
            self._place(("markdown", e.md_level), section)
            return
        reading = self._pick_reading(e.readings)
        section = OutlineSection("", ol.strip_inline(e.text), 0, e.index + 1, number=reading.label)
        if reading.style == ol.DECIMAL:
            self._place(("decimal", reading.depth), section, reading.value)
        else:
            self._place((reading.style, 0), section, reading.value)

    def _pick_reading(self, readings: list[ol.Numbering]) -> ol.Numbering:
        """The reading of an ambiguous number (``I``: Roman one or the letter after H)."""
        open_styles = {key[0]: value for key, _s, value in self.stack}
        for reading in readings:  # continues an open sequence (H. then I.)
            if open_styles.get(reading.style) == reading.value - 1:
                return reading
        for reading in readings:  # starts a new, deeper sequence (b. then i.)
            if reading.style not in open_styles and reading.value == 1:
                return reading
        for reading in readings:
            if reading.style in open_styles:
                return reading
        return readings[0]

    def _place(self, key: tuple[str, int], section: OutlineSection, value: int = 0) -> None:
        """Nest ``section`` under the open heading it belongs to and make it current."""
        ranked = key[0] in ("markdown", "decimal", "plain")
        if ranked:
            while self.stack and self.stack[-1][0][0] == key[0] and self.stack[-1][0][1] >= key[1]:
                self.stack.pop()
        elif any(k == key for k, _s, _v in self.stack):
            while self.stack[-1][0] != key:
                self.stack.pop()
            self.stack.pop()
        parent = self.stack[-1][1] if self.stack else self.root
        parent.children.append(section)
        self.stack.append((key, section, value))
        self.section = section

    def _add_text(self, e: LineEvent) -> None:
        """A text line: continues a list item, or starts/continues a paragraph."""
        if self.list is not None and self.item_stack:
            indent, item = self.item_stack[-1]
            if not self.blank_since_item or e.indent > indent:
                raw = f"{self.item_raw.get(id(item), item.text)} {e.text}"
                self.item_raw[id(item)] = raw  # markup may span lines: strip it whole
                item.text = ol.strip_inline(raw)
                if item.term:
                    item.explanation = ol.split_term(raw)[1] or item.explanation
                return
        self.list = None
        self.item_stack = []
        if not self.paragraph:
            self.paragraph_line = e.index + 1
            self._current(e.index + 1)
        self.paragraph.append(e.text)

    def _add_item(self, e: LineEvent) -> None:
        """A bullet or numbered item: joins the open list, nested by indentation."""
        self._flush_paragraph()
        section = self._current(e.index + 1)
        raw = e.text
        term, explanation = ol.split_term(raw)
        item = ListItem(ol.strip_inline(raw), e.index + 1, term, explanation)
        self.item_raw[id(item)] = raw
        item.number = e.readings[0].label if e.readings else ""
        if self.list is None:
            caption = ""
            last = section.blocks[-1] if section.blocks else None
            if isinstance(last, Paragraph) and last.text.endswith(":") and len(last.text) < 200:
                section.blocks.pop()
                caption = last.text.rstrip(":").strip()
            self.list = ItemList([], e.index + 1, caption, ordered=bool(e.readings))
            section.blocks.append(self.list)
        while self.item_stack and self.item_stack[-1][0] >= e.indent:
            self.item_stack.pop()
        (self.item_stack[-1][1].children if self.item_stack else self.list.items).append(item)
        self.item_stack.append((e.indent, item))
        self.blank_since_item = False

    def _flush_paragraph(self) -> None:
        """End the paragraph being gathered."""
        if self.paragraph:
            text = ol.strip_inline(" ".join(self.paragraph))
            section = self._current(self.paragraph_line)
            if not section.blocks:
                text = _without_repeated_title(text, section.title)
            if text:
                section.blocks.append(Paragraph(text, self.paragraph_line))
            self.paragraph = []

    def _add_table_row(self, e: LineEvent) -> None:
        """A table row: starts a table (captioned by a paragraph ending in a colon or naming
        the table) or adds a row; the rule under the header row is dropped."""
        if self.table is None:
            self._close_blocks()
            section = self._current(e.index + 1)
            caption = ""
            last = section.blocks[-1] if section.blocks else None
            if isinstance(last, Paragraph) and len(last.text) < 200 and _CAPTION.match(last.text):
                section.blocks.pop()
                caption = last.text.rstrip(":").strip()
            self.table = Table([], [], e.index + 1, caption)
            self.table_separated = False
            section.blocks.append(self.table)
        if ol.is_table_separator(e.text):
            if len(self.table.rows) == 1 and not self.table.header:
                self.table.header = self.table.rows.pop()
            return
        self.table.rows.append(ol.table_cells(e.text))

    def _close_blocks(self) -> None:
        """End the open paragraph and list (a heading follows)."""
        self._flush_paragraph()
        self.list = None
        self.item_stack = []
        self._close_table()

    def _close_table(self) -> None:
        """End the open table: every row as wide as the widest, empty tables dropped."""
        table, self.table = self.table, None
        if table is None:
            return
        width = max([len(table.header)] + [len(row) for row in table.rows])
        columns = len(table.header)  # a one-cell row is a note or a group's label
        table.short_rows = sum(1 for row in table.rows if any(row) and 1 < len(row) < columns)
        table.header = table.header + [""] * (width - len(table.header)) if table.header else []
        table.rows = [row + [""] * (width - len(row)) for row in table.rows if any(row)]
        if not table.rows and self.section is not None and table in self.section.blocks:
            self.section.blocks.remove(table)


def _without_repeated_title(text: str, title: str) -> str:
    """A section's first paragraph without its heading said again at its start ("Computer
    System Operations Peripheral devices such as ..." under "Computer System Operations"), as
    a page converted from print or the web repeats it: the title is not part of the first
    sentence. A paragraph that goes on with the title as its subject ("Osmosis is ...") or
    with lower case keeps it."""
    words = len(title.split())
    if words < 2 or not text.startswith(f"{title} "):
        return text
    rest = text[len(title) + 1 :]
    return rest if rest[:1].isupper() else text


def _sections_from_bullets(sections: list[OutlineSection]) -> list[OutlineSection]:
    """Notes made only of nested bullets: top-level bullets with bullets under them become
    sections; a top-level bullet with none is a fact of the section before it (kept in a list
    there), or of the lead when it comes first."""
    out: list[OutlineSection] = []
    for lead in sections:
        kept: list = []
        for block in lead.blocks:
            if (
                isinstance(block, ItemList)
                and any(i.children for i in block.items)
                and not _a_glossary(block)
            ):
                loose: ItemList | None = None
                for item in block.items:
                    if item.children:
                        out.append(_item_section(item, 1))
                        loose = None
                        continue
                    if loose is None:
                        loose = ItemList([], item.line)
                        (out[-1].blocks if out else kept).append(loose)
                    loose.items.append(item)
            else:
                kept.append(block)
        lead.blocks = kept
        if kept:
            out.insert(0, lead)
    return out or sections


def _a_glossary(block: ItemList) -> bool:
    """Whether a list is mostly terms with their explanations and nothing under them (a
    glossary where a few terms have examples below): it stays one list, not a section for
    each term that has bullets under it."""
    defined = sum(1 for item in block.items if item.term and not item.children)
    return defined * 2 > len(block.items)


def _fold_labels(items: list[ListItem]) -> None:
    """A label bullet with bullets under it (``Medicine:`` then ``- Morphine``) is a term and
    its explanation, as if written ``Medicine: Morphine; Codeine``, so its content is asked."""
    for item in items:
        _fold_labels(item.children)
        label = item.text.rstrip()
        if (
            label.endswith(":")
            and not item.term
            and item.children
            and all(not child.children for child in item.children)
            and 1 <= len(label.split()) <= 6
        ):
            item.term = label.rstrip(":").strip()
            item.explanation = "; ".join(child.text.rstrip(".;") for child in item.children)
            item.text = f"{item.term}: {item.explanation}"
            item.children = []


def _item_section(item: ListItem, level: int) -> OutlineSection:
    """A section made of a bullet: its text is the title, nested bullets its content."""
    title = item.term or item.text
    section = OutlineSection("", title, level, item.line)
    if item.term:
        section.blocks.append(Paragraph(item.explanation, item.line))
    leaves = [c for c in item.children if not c.children]
    if leaves:
        section.blocks.append(ItemList(leaves, leaves[0].line))
    section.children = [_item_section(c, level + 1) for c in item.children if c.children]
    return section


def _number(root: OutlineSection, sections: list[OutlineSection]) -> None:
    """Give every section its id (number path), level and lead number."""
    root.children = sections
    numbered = [s for s in sections if not s.lead and s.number]
    if sections and sections[0].lead and numbered:
        from studyapp.outline.lines import label_for, roman_value

        first = numbered[0].number
        style = (
            ol.ROMAN
            if roman_value(first) and (len(first) > 1 or first in "IVX")
            else ol.UPPER
            if first.isalpha()
            else ol.ARABIC
        )
        value = roman_value(first) if style == ol.ROMAN else _value(first)
        if value == 2:
            sections[0].number = label_for(style, 1)
    used: set[str] = set()

    def visit(section: OutlineSection, parent: OutlineSection, position: int, depth: int) -> None:
        if section.number and "." in section.number:
            own = section.number
        else:
            comp = section.number or ("intro" if section.lead else str(position))
            own = f"{parent.id}.{comp}" if parent.id else comp
        candidate, n = own, 2
        while candidate in used:
            candidate, n = f"{own}-{n}", n + 1
        used.add(candidate)
        section.id, section.level = candidate, depth
        for pos, child in enumerate(section.children, start=1):  # leads are top-level only
            visit(child, section, pos, depth + 1)

    for pos, section in enumerate((s for s in sections if not s.lead), start=1):
        visit(section, root, pos, 1)
    for section in sections:
        if section.lead:
            visit(section, root, 0, 1)


def _value(label: str) -> int:
    """The value of a letter or number label (``B`` -> 2, ``3`` -> 3)."""
    if label.isdigit():
        return int(label)
    return ord(label.upper()) - ord("A") + 1 if len(label) == 1 else 0


# a heading that numbers a part of a book: "CHAPTER XIV--ENGLAND UNDER KING JOHN", "Part 2."
_NUMBERED_PART = re.compile(
    r"^(?P<word>chapter|part|book|lecture|lesson|unit|section|canto|act)\s+(?:[ivxlc]+|\d+)\b",
    re.IGNORECASE,
)


def _first_of_its_kind(text: str, rest: list[LineEvent]) -> bool:
    """Whether the document's first line is the heading of its first numbered part, not its
    title: a later heading numbers a part with the same word ("CHAPTER XIV ..." at the top of
    an extract whose "CHAPTER XV ..." comes later). Taken as the title, the first chapter's
    text became an "Introduction" and its deck was named after the second chapter."""
    first = _NUMBERED_PART.match(text.strip())
    if not first:
        return False
    word = first.group("word").lower()
    return any(
        (e.kind == HEADING or e.plain_heading)
        and (later := _NUMBERED_PART.match(e.text.strip())) is not None
        and later.group("word").lower() == word
        for e in rest
    )


def _plain_title(text: str) -> str:
    """A plain-text heading as a title: "GEOGRAPHY." (an old book's shouted heading) loses
    its full stop; a heading that is a sentence keeps its words as they are."""
    title = ol.strip_inline(text)
    if title.isupper() and title.endswith(".") and not title.endswith(".."):
        return title[:-1].rstrip()
    return title

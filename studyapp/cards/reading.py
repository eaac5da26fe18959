"""The reading material of a deck: an outline section as a deck section with a Markdown body.

Paragraphs, lists (numbered as in the source, ``**Term**:`` items in bold) and tables, in the
order of the source, so the reader shows the text as the source does.
"""

from __future__ import annotations

from collections import Counter

from studyapp.cards import from_tables as cftab
from studyapp.model import Location, Section
from studyapp.outline.nodes import ListItem, Outline, OutlineSection, Paragraph, Table


def deck_section(section: OutlineSection, title: str = "") -> Section:
    """The reading section of an outline section, with a Markdown body; ``title`` replaces
    the section's own (see :func:`qualified_titles`)."""
    return Section(
        id=section.id,
        title=title or section.title,
        level=section.level,
        number=section.number,
        body=section_body(section),
        location=Location(section.line, 1),
    )


def qualified_titles(outline: Outline) -> dict[str, str]:
    """Titles that say which section they belong to, by section id, for the sections whose
    title the document uses more than once ("Facts & Procedural History" under each case of
    a law outline, "Problems", "Summary"): the quiz shows a card's section title above it,
    and "Holding" alone does not say which case. Such a title gets its parent's in front:
    "Pennoyer v. Neff (US 1878): Holding"."""
    counts = Counter(_plain(s.title) for s in outline.walk() if s.title)
    out: dict[str, str] = {}

    def visit(section: OutlineSection, parent: str) -> None:
        if parent and counts[_plain(section.title)] > 1:
            out[section.id] = f"{parent}: {section.title}"
        for child in section.children:
            visit(child, section.title)

    for top in outline.sections:
        visit(top, "")
    return out


def _plain(title: str) -> str:
    return " ".join(title.casefold().split())


def section_body(section: OutlineSection) -> str:
    """Markdown of a section's own blocks: paragraphs, bold captions, ``**Term**:`` items,
    tables."""
    parts: list[str] = []
    for block in section.blocks:
        if isinstance(block, Paragraph):
            parts.append(block.text)
        elif isinstance(block, Table):
            parts.append(cftab.table_markdown(block))
        else:
            lines = [f"**{block.caption}:**", ""] if block.caption else []
            lines.extend(_item_lines(block.items, 0, block.ordered))
            parts.append("\n".join(lines))
    return "\n\n".join(parts)


def _item_lines(items: list[ListItem], depth: int, ordered: bool) -> list[str]:
    """Markdown lines of list items, nested by three spaces per level. Numbered items keep the
    source's numbers (steps 4 to 6 stay 4 to 6; Markdown continues from the first number),
    lettered ones their letters."""
    lines: list[str] = []
    for number, item in enumerate(items, start=1):
        if item.number.isdigit():
            marker = f"{item.number}."
        elif item.number:
            marker = f"- {item.number})"
        else:
            marker = f"{number}." if ordered and depth == 0 else "-"
        if item.term and item.text.startswith(item.term):  # the term in bold, as written
            text = f"**{item.term}**{item.text[len(item.term) :]}"
        else:
            text = f"**{item.term}**: {item.explanation}" if item.term else item.text
        lines.append(f"{'   ' * depth}{marker} {text}")
        lines.extend(_item_lines(item.children, depth + 1, False))
    return lines

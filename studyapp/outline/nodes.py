"""The outline's value types: sections with their paragraphs and lists, and the whole outline.

Shared by the parser's passes (:mod:`studyapp.outline.tree` builds them) and by the card
generator, which reads them; they hold text and source line numbers only.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from studyapp.outline.chrome_filter import Removal


@dataclass(slots=True)
class Paragraph:
    """A paragraph of plain text (wrapped lines joined with one space)."""

    text: str
    line: int


@dataclass(slots=True)
class ListItem:
    """A list item; ``term``/``explanation`` are set for ``Term: explanation`` items."""

    text: str
    line: int
    term: str = ""
    explanation: str = ""
    children: list[ListItem] = field(default_factory=list)
    number: str = ""  # the item's number as the source shows it ("3", "b"); "" for bullets


@dataclass(slots=True)
class ItemList:
    """A bullet or numbered list with its caption (``Advantages``, colon dropped)."""

    items: list[ListItem]
    line: int
    caption: str = ""
    ordered: bool = False


@dataclass(slots=True)
class Table:
    """A table: its header cells, its rows (each as many cells as the header) and caption.

    The first column usually names what each row is about (a class, a drug, a route), the
    header what each column tells of it: the card maker asks row x column."""

    header: list[str]
    rows: list[list[str]]
    line: int
    caption: str = ""
    # rows written with fewer cells than its header, other than one-cell notes: a
    # table converted from HTML whose merged cells were lost, so its cells no longer stand
    # under their headings
    short_rows: int = 0


Block = Paragraph | ItemList | Table


@dataclass(slots=True)
class OutlineSection:
    """A section of the outline: number path id, title, content blocks in order, children."""

    id: str
    title: str
    level: int
    line: int
    number: str = ""  # as the source shows it ("II", "A", "1.2"); "" when unnumbered
    blocks: list[Block] = field(default_factory=list)
    children: list[OutlineSection] = field(default_factory=list)
    lead: bool = False  # the unnumbered lead section before the first numbered one

    @property
    def paragraphs(self) -> list[Paragraph]:
        """The section's own paragraphs, in order."""
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    @property
    def lists(self) -> list[ItemList]:
        """The section's own lists, in order."""
        return [b for b in self.blocks if isinstance(b, ItemList)]

    @property
    def tables(self) -> list[Table]:
        """The section's own tables, in order."""
        return [b for b in self.blocks if isinstance(b, Table)]

    def walk(self) -> Iterator[OutlineSection]:
        """This section and all its descendants, depth first in source order."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(slots=True)
class Outline:
    """A parsed source: its title, top-level sections and what the chrome filter removed."""

    title: str
    sections: list[OutlineSection]
    removals: list[Removal] = field(default_factory=list)
    site_name: str = ""
    notice: str = ""  # the source's own notice (``notice:`` in its front matter), if any
    # the terms the author marked in running text (bold, ``:term:``): see outline.key_terms
    key_terms: tuple[str, ...] = ()

    def walk(self) -> Iterator[OutlineSection]:
        """Every section, depth first in source order."""
        for section in self.sections:
            yield from section.walk()

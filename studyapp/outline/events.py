"""What pass one of the outline parser says each line is (:class:`LineEvent`).

Shared by the classifier (:mod:`studyapp.outline.tree`) and the passes that refine its
verdicts, such as dropping a table of contents (:mod:`studyapp.outline.contents`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from studyapp.outline.lines import Numbering

BLANK = "blank"
HEADING = "heading"
ITEM = "item"
TEXT = "text"
TABLE = "table"  # a row of a Markdown table (or the rule under its header)


@dataclass(slots=True)
class LineEvent:
    """One classified line."""

    index: int  # 0-based line index
    kind: str
    indent: int = 0
    text: str = ""
    readings: list[Numbering] = field(default_factory=list)
    md_level: int = 0
    plain_heading: bool = False

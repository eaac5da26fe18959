"""The deck model: topic decks, their reading sections and their quiz cards.

These are plain, immutable value types shared by every layer: the generator builds them, the
YAML loader (:mod:`studyapp.decks.load`) reads them from files, the store keys progress by their ids
and the GUI shows them. Card text always comes from here (the YAML); progress never does.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from studyapp.digest import blake2b

FORMAT_VERSION = 1


class CardType(StrEnum):
    """The kinds of quiz card; the value is what the YAML ``type`` key holds."""

    BASIC = "basic"  # question -> answer
    CLOZE = "cloze"  # ``text`` with {{c1::...}} deletions
    LIST = "list"  # question -> ``items`` (``ordered`` says whether order matters)
    CHOICE = "choice"  # question, ``answer`` and ``distractors``: multiple choice
    TYPED = "typed"  # question -> short ``answer`` typed in; ``accept`` lists variants


@dataclass(frozen=True, slots=True)
class Location:
    """Where a value sits in its file, 1-based, so errors can say ``file:line:col``."""

    line: int = 0
    column: int = 0


@dataclass(frozen=True, slots=True)
class Section:
    """One section of the reading material, in source order.

    ``id`` is stable and unique within the deck (the number path such as ``II.A.1`` when the
    source numbers its sections). ``number`` is shown to the student as the source shows it
    (may be empty). ``level`` is the depth in the outline, 1 for the deck's own topic.
    ``body`` is Markdown: paragraphs, lists, ``**Term**: explanation`` items and tables.
    """

    id: str
    title: str
    level: int = 1
    number: str = ""
    body: str = ""
    location: Location = field(default=Location(), compare=False)
    tags: tuple[str, ...] = ()  # inherited by the section's cards and its subsections' cards

    def to_dict(self) -> dict[str, object]:
        """The YAML mapping for this section (keys in the documented order)."""
        out: dict[str, object] = {"id": self.id}
        if self.number:
            out["number"] = self.number
        out["title"] = self.title
        out["level"] = self.level
        if self.body:
            out["body"] = self.body
        if self.tags:
            out["tags"] = list(self.tags)
        return out


@dataclass(frozen=True, slots=True)
class Card:
    """One quiz card. Which fields matter depends on ``type`` (see docs/deck-format.md).

    ``source`` is the sentence of the reading material the card was made from: it grounds the
    answer, lets "show in source" highlight it, and keeps two cards of one sentence apart in a
    session. ``id`` is stable across edits, so progress survives an instructor's typo fix.
    """

    id: str
    type: CardType
    question: str = ""
    answer: str = ""
    text: str = ""  # cloze only
    items: tuple[str, ...] = ()  # list only
    ordered: bool = False  # list only
    distractors: tuple[str, ...] = ()  # choice only
    accept: tuple[str, ...] = ()  # typed only: other accepted answers
    section: str = ""  # id of the Section the card belongs to
    source: str = ""
    tags: tuple[str, ...] = ()
    location: Location = field(default=Location(), compare=False)

    def answer_key(self) -> str:
        """A hash of what counts as the right answer.

        When it changes the store flags the card so the student can reset it; when only the
        wording of the question changes, progress is kept silently.
        """
        if self.type is CardType.CLOZE:
            payload: object = self.text
        elif self.type is CardType.LIST:
            payload = [list(self.items), self.ordered]
        elif self.type is CardType.TYPED:
            payload = [self.answer, sorted(self.accept)]
        else:
            payload = self.answer
        raw = json.dumps(payload, ensure_ascii=False, sort_keys=True)
        return blake2b(raw.encode("utf-8"), digest_size=8).hexdigest()

    def to_dict(self) -> dict[str, object]:
        """The YAML mapping for this card: only the keys its type uses, in a fixed order."""
        out: dict[str, object] = {"id": self.id, "type": self.type.value}
        if self.section:
            out["section"] = self.section
        if self.type is CardType.CLOZE:
            out["text"] = self.text
        else:
            out["question"] = self.question
        if self.type in (CardType.BASIC, CardType.CHOICE, CardType.TYPED):
            out["answer"] = self.answer
        if self.type is CardType.LIST:
            out["items"] = list(self.items)
            if self.ordered:
                out["ordered"] = True
        if self.type is CardType.CHOICE:
            out["distractors"] = list(self.distractors)
        if self.type is CardType.TYPED and self.accept:
            out["accept"] = list(self.accept)
        if self.source:
            out["source"] = self.source
        if self.tags:
            out["tags"] = list(self.tags)
        return out


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """The document a deck was generated from (shown in the library, grouped by title)."""

    title: str
    file: str = ""  # path relative to the project, e.g. assets/sources/....txt
    topic: str = ""  # the topic's number in the source, e.g. "II"


@dataclass(frozen=True, slots=True)
class Deck:
    """A topic deck: its reading sections in order and its cards."""

    id: str
    title: str
    sections: tuple[Section, ...] = ()
    cards: tuple[Card, ...] = ()
    source: SourceInfo | None = None
    notice: str = ""  # shown with the deck; its source's notice (``notice:`` front matter)
    path: Path | None = field(default=None, compare=False)
    tags: tuple[str, ...] = ()  # inherited by every card of the deck

    def tags_of(self, card: Card) -> tuple[str, ...]:
        """The card's tags with those it inherits: the deck's, then its section's and that
        section's parents' (``II`` and ``II.A`` for a card of ``II.A.1``), then its own."""
        return tuple(dict.fromkeys((*self.inherited_tags(card.section), *card.tags)))

    def inherited_tags(self, section_id: str) -> tuple[str, ...]:
        """The tags a card of ``section_id`` inherits: the deck's, then those of the section
        and of the sections above it, in outline order."""
        inherited = [
            tag
            for section in self.sections
            if section.tags
            and (section_id == section.id or section_id.startswith(section.id + "."))
            for tag in section.tags
        ]
        return tuple(dict.fromkeys((*self.tags, *inherited)))

    def section_by_id(self, section_id: str) -> Section | None:
        """The section with this id, or None."""
        for section in self.sections:
            if section.id == section_id:
                return section
        return None

    def cards_in_section(self, section_id: str) -> list[Card]:
        """Cards of a section and of its subsections (ids such as ``II.A`` cover ``II.A.1``)."""
        prefix = section_id + "."
        return [c for c in self.cards if c.section == section_id or c.section.startswith(prefix)]

    def to_dict(self) -> dict[str, object]:
        """The YAML document for this deck, in the documented key order."""
        out: dict[str, object] = {"format": FORMAT_VERSION, "id": self.id, "title": self.title}
        if self.source is not None:
            src: dict[str, object] = {"title": self.source.title}
            if self.source.file:
                src["file"] = self.source.file
            if self.source.topic:
                src["topic"] = self.source.topic
            out["source"] = src
        if self.notice:
            out["notice"] = self.notice
        if self.tags:
            out["tags"] = list(self.tags)
        out["sections"] = [s.to_dict() for s in self.sections]
        out["cards"] = [c.to_dict() for c in self.cards]
        return out

"""Building one :class:`~studyapp.model.Deck` from a deck file's YAML nodes.

This module owns the deck format's keys (which a deck, its source, its sections and each type
of card have, and which are required) and the checks inside one file: types, unknown keys with
a did-you-mean, empty texts, cloze syntax, unique section and card ids, card sections that
exist, near-duplicates. Every problem is collected with its ``line:col`` before deciding;
:mod:`studyapp.decks.load` is the public API around it.
"""

from __future__ import annotations

import re
from pathlib import Path

from yaml.nodes import Node, ScalarNode

from studyapp.decks.checks import (
    LONG_ANSWER,
    MIN_DISTRACTORS,
    cloze_problems,
    normalise,
    question_keys,
)
from studyapp.decks.markup import formula_problem, formulas, image_problem, images
from studyapp.decks.problems import Problem, Severity
from studyapp.decks.yaml_nodes import INT, STR, NodeReader, did_you_mean, position
from studyapp.model import FORMAT_VERSION, Card, CardType, Deck, Location, Section, SourceInfo

DECK_KEYS = ("format", "id", "title", "source", "notice", "tags", "sections", "cards")
SOURCE_KEYS = ("title", "file", "topic")
SECTION_KEYS = ("id", "number", "title", "level", "body", "tags")
CARD_KEYS = (
    "id",
    "type",
    "section",
    "question",
    "text",
    "answer",
    "items",
    "ordered",
    "distractors",
    "accept",
    "source",
    "tags",
)
_COMMON = ("id", "type", "section", "source", "tags")
TYPE_KEYS: dict[CardType, tuple[str, ...]] = {
    CardType.BASIC: ("question", "answer"),
    CardType.CLOZE: ("text",),
    CardType.LIST: ("question", "items", "ordered"),
    CardType.CHOICE: ("question", "answer", "distractors"),
    CardType.TYPED: ("question", "answer", "accept"),
}
REQUIRED_KEYS: dict[CardType, tuple[str, ...]] = {
    CardType.BASIC: ("id", "type", "question", "answer"),
    CardType.CLOZE: ("id", "type", "text"),
    CardType.LIST: ("id", "type", "question", "items"),
    CardType.CHOICE: ("id", "type", "question", "answer", "distractors"),
    CardType.TYPED: ("id", "type", "question", "answer"),
}
_ALLOWED = {t: frozenset(_COMMON + keys) for t, keys in TYPE_KEYS.items()}
_REQUIRED = {t: frozenset(keys) for t, keys in REQUIRED_KEYS.items()}
_TEXT_FIELDS = {
    t: tuple(k for k in ("question", "answer", "text") if k in keys)
    for t, keys in TYPE_KEYS.items()
}
_LIST_FIELDS = {
    t: (*(k for k in ("items", "distractors", "accept") if k in keys), "tags")
    for t, keys in TYPE_KEYS.items()
}
_SECTION_KEY_SET = frozenset(SECTION_KEYS)
_ID = re.compile(r"[^\s]+")
_TYPE_NAMES = ", ".join(t.value for t in CardType)


def location_of(node: Node) -> Location:
    """The 1-based position of a node."""
    return Location(node.start_mark.line + 1, node.start_mark.column + 1)


class DeckBuilder:
    """Builds one Deck from a file's root node, reporting every problem on the way."""

    def __init__(self, path: Path, text: str = "") -> None:
        self.path = path
        self.text = text  # the file's text: where an image or formula sits inside a value
        self.r = NodeReader(path)
        # every id the checks across files need, also in a file with errors: the deck's id
        # and each readable card id, with where they sit (a card at its mapping's start)
        self.deck_id: tuple[str, Location] | None = None
        self.card_ids: list[tuple[str, Location]] = []
        self.section_ids: dict[str, Node] = {}
        # every card whose id could be read: (id, id node, section, section node)
        self.card_refs: list[tuple[str, Node, str, Node | None]] = []
        self.valid_cards: list[tuple[Card, Node]] = []  # with their id nodes

    def build(self, root: Node) -> Deck | None:
        """The deck, or None when the file has any error (all of them in ``r.problems``)."""
        r = self.r
        entries = r.mapping(root, "the deck")
        if entries is None:
            return None
        r.check_keys(entries, root, "the deck", DECK_KEYS, ("format", "id", "title"))
        if "format" in entries:
            self._check_format(entries["format"][1])
        deck_id = self._id(entries, "the deck")
        title = self._required_text(entries, "title", "the deck")
        source = self._source(entries["source"][1]) if "source" in entries else None
        notice = r.text(entries["notice"][1], "'notice'") if "notice" in entries else ""
        tags = r.text_list(entries["tags"][1], "'tags' of the deck") if "tags" in entries else ()
        sections: list[Section] = []
        if "sections" in entries:
            for index, node in enumerate(r.sequence(entries["sections"][1], "'sections'") or ()):
                section = self._section(node, index + 1)
                if section is not None:
                    sections.append(section)
        cards: list[Card] = []
        if "cards" in entries:
            for index, node in enumerate(r.sequence(entries["cards"][1], "'cards'") or ()):
                card = self._card(node, index + 1)
                if card is not None:
                    cards.append(card)
        self._check_cards()
        if r.errors or deck_id is None or title is None or notice is None:
            return None
        return Deck(
            id=deck_id,
            title=title,
            sections=tuple(sections),
            cards=tuple(cards),
            source=source,
            notice=notice,
            path=self.path,
            tags=tuple(tags or ()),
        )

    def _check_format(self, node: Node) -> None:
        """``format`` must be the version this code reads."""
        if node.tag == INT and isinstance(node, ScalarNode) and node.value.isdigit():
            if int(node.value) != FORMAT_VERSION:
                self.r.report(
                    node,
                    f"unsupported deck format {int(node.value)}: this version of studyapp "
                    f"reads format {FORMAT_VERSION}",
                )
            return
        self.r.wrong_type(node, "'format'", f"the number {FORMAT_VERSION}")

    def _id(self, entries: dict[str, tuple[Node, Node]], what: str) -> str | None:
        """The ``id`` value, checked to be non-empty text without spaces."""
        if "id" not in entries:
            return None
        node = entries["id"][1]
        value = self.r.text(node, f"the id of {what}")
        if value is None:
            return None
        if not _ID.fullmatch(value):
            message = "is empty" if not value.strip() else f"'{value}' contains spaces"
            self.r.report(node, f"the id of {what} {message}: ids are text without spaces")
            return None
        if what == "the deck":
            self.deck_id = (value, location_of(node))
        return value

    def _required_text(
        self, entries: dict[str, tuple[Node, Node]], key: str, what: str
    ) -> str | None:
        """A required, non-empty text value (its absence is reported by ``check_keys``)."""
        if key not in entries:
            return None
        node = entries[key][1]
        if node.tag == STR and type(node) is ScalarNode and node.value.strip():
            return node.value
        value = self.r.text(node, f"'{key}' of {what}")
        if value is not None and not value.strip():
            self.r.report(node, f"{what} has an empty '{key}'")
            return None
        return value

    def _optional_text(self, entries: dict[str, tuple[Node, Node]], key: str, what: str) -> str:
        """An optional text value ('' when absent or of the wrong type, which is reported)."""
        if key not in entries:
            return ""
        node = entries[key][1]
        if node.tag == STR and type(node) is ScalarNode:
            return node.value
        return self.r.text(node, f"'{key}' of {what}") or ""

    def _source(self, node: Node) -> SourceInfo | None:
        """The ``source`` mapping: the document the deck was made from."""
        entries = self.r.mapping(node, "'source'")
        if entries is None:
            return None
        self.r.check_keys(entries, node, "'source'", SOURCE_KEYS, ("title",))
        title = self._required_text(entries, "title", "'source'")
        file = self._optional_text(entries, "file", "'source'")
        topic = self._optional_text(entries, "topic", "'source'")
        return SourceInfo(title=title, file=file, topic=topic) if title is not None else None

    def _section(self, node: Node, index: int) -> Section | None:
        """One section, or None when it has errors."""
        r = self.r
        errors = r.errors
        entries = r.mapping(node, f"section {index}")
        if entries is None:
            return None
        section_id = self._id(entries, f"section {index}")
        what = f"section '{section_id}'" if section_id else f"section {index}"
        if not _SECTION_KEY_SET.issuperset(entries) or "title" not in entries:
            r.check_keys(entries, node, what, SECTION_KEYS, ("id", "title"))
        if section_id is not None:
            first = self.section_ids.get(section_id)
            if first is not None:
                r.report(
                    entries["id"][1],
                    f"duplicate section id '{section_id}' (first at line "
                    f"{first.start_mark.line + 1}); section ids must be unique in a deck",
                )
            else:
                self.section_ids[section_id] = entries["id"][1]
        title = self._required_text(entries, "title", what)
        level = r.integer(entries["level"][1], f"'level' of {what}", 1) if "level" in entries else 1
        number = self._optional_text(entries, "number", what)
        body = self._optional_text(entries, "body", what)
        tags = r.text_list(entries["tags"][1], f"'tags' of {what}") if "tags" in entries else ()
        if body:
            self._check_markup(entries["body"][1], body, what)
        if r.errors != errors or section_id is None or title is None or level is None:
            return None
        return Section(section_id, title, level, number, body, location_of(node), tuple(tags or ()))

    def _card(self, node: Node, index: int) -> Card | None:
        """One card, or None when it has errors."""
        r = self.r
        errors = r.errors
        entries = r.mapping(node, f"card {index}")
        if entries is None:
            return None
        card_id = self._id(entries, f"card {index}")
        location = location_of(node)
        if card_id is not None:
            self.card_ids.append((card_id, location))
        what = f"card '{card_id}'" if card_id else f"card {index}"
        card_type = self._card_type(entries, what)
        if card_type is None:
            r.check_keys(entries, node, what, CARD_KEYS, ("id", "type"))
            if card_id is not None:  # its id still counts: a duplicate is reported now
                self.card_refs.append((card_id, entries["id"][1], "", None))
            return None
        allowed = _ALLOWED[card_type]
        if not allowed.issuperset(entries) or not entries.keys() >= _REQUIRED[card_type]:
            self._check_card_keys(entries, node, what, card_type)
        fields: dict[str, object] = {}
        for text_key in _TEXT_FIELDS[card_type]:
            fields[text_key] = self._required_text(entries, text_key, what)
        for list_key in _LIST_FIELDS[card_type]:
            if list_key in entries:
                fields[list_key] = r.text_list(entries[list_key][1], f"'{list_key}' of {what}")
        if "ordered" in entries and card_type is CardType.LIST:
            fields["ordered"] = r.boolean(entries["ordered"][1], f"'ordered' of {what}")
        section = self._optional_text(entries, "section", what)
        source = self._optional_text(entries, "source", what)
        if card_id is not None:
            section_node = entries["section"][1] if "section" in entries else None
            self.card_refs.append((card_id, entries["id"][1], section, section_node))
        if r.errors != errors or card_id is None:
            return None
        card = Card(
            id=card_id,
            type=card_type,
            section=section,
            source=source,
            location=location,
            **fields,  # type: ignore[arg-type]
        )
        self._check_content(card, entries, node, what)
        if r.errors != errors:
            return None
        self.valid_cards.append((card, entries["id"][1]))
        return card

    def _check_card_keys(
        self, entries: dict[str, tuple[Node, Node]], node: Node, what: str, card_type: CardType
    ) -> None:
        """Report keys another card type uses, unknown keys and missing required keys."""
        allowed = _COMMON + TYPE_KEYS[card_type]
        for key, (key_node, _) in entries.items():
            if key in CARD_KEYS and key not in allowed:
                self.r.report(
                    key_node,
                    f"'{key}' is not used by {card_type} cards (they use: {', '.join(allowed)})",
                )
        unknown = {k: v for k, v in entries.items() if k not in CARD_KEYS}
        self.r.check_keys(unknown, node, what, allowed)
        known = {k: v for k, v in entries.items() if k in CARD_KEYS}
        self.r.check_keys(known, node, what, CARD_KEYS, REQUIRED_KEYS[card_type])

    def _card_type(self, entries: dict[str, tuple[Node, Node]], what: str) -> CardType | None:
        """The card's type, or None after reporting a missing or unknown one."""
        if "type" not in entries:
            return None
        node = entries["type"][1]
        value = self.r.text(node, f"'type' of {what}")
        if value is None:
            return None
        try:
            return CardType(value)
        except ValueError:
            hint = did_you_mean(value, [t.value for t in CardType])
            self.r.report(
                node, f"unknown card type '{value}' in {what}{hint} (types: {_TYPE_NAMES})"
            )
            return None

    def _check_content(
        self, card: Card, entries: dict[str, tuple[Node, Node]], node: Node, what: str
    ) -> None:
        """Checks on a structurally valid card's text: cloze syntax, choices, lengths."""
        r = self.r
        for key in ("question", "answer", "text", "items", "distractors"):
            if key in entries:
                value = getattr(card, key)
                shown = "\n".join(value) if isinstance(value, tuple) else value
                self._check_markup(entries[key][1], shown, what)
        if card.type is CardType.CLOZE:
            for message in cloze_problems(card.text):
                r.report(entries["text"][1], f"{what}: {message}")
        if card.type is CardType.LIST and not card.items:
            r.report(entries["items"][1], f"{what} has no items: a list card needs at least one")
        if card.type is CardType.CHOICE:
            distractors_node = entries["distractors"][1]
            answer = normalise(card.answer)
            if not card.distractors:
                r.report(
                    distractors_node, f"{what} has no distractors: add wrong answers to choose from"
                )
            elif any(normalise(d) == answer for d in card.distractors):
                r.report(
                    distractors_node,
                    f"{what}: the answer '{card.answer}' is also one of the distractors",
                )
            elif len(card.distractors) < MIN_DISTRACTORS:
                r.report(
                    distractors_node,
                    f"{what} has only {len(card.distractors)} distractor(s); "
                    f"{MIN_DISTRACTORS} or more make guessing harder",
                    "warning",
                )
        longest, key = len(card.answer), "answer"
        if card.items:
            longest, key = max(map(len, card.items)), "items"
        if longest > LONG_ANSWER:
            r.report(
                entries[key][1],
                f"{what}: the {key} is long ({longest} characters); a card should ask for "
                f"one fact (under {LONG_ANSWER} characters)",
                "warning",
            )
        if not card.section:
            r.report(
                node,
                f"{what} has no 'section': it will not be linked to its place in the reading",
                "warning",
            )

    def _check_markup(self, node: Node, value: str, what: str) -> None:
        """Images that cannot be shown are errors, formulas that cannot be rendered warnings;
        each is reported where it sits in the file (see :mod:`studyapp.decks.markup`)."""
        for image in images(value):
            message = image_problem(self.path.parent, image.group(2))
            if message is not None:
                self._report_inside(node, "](" + image.group(2), f"{what}: {message}", "error")
        for formula in formulas(value):
            message = formula_problem(formula.source)
            if message is not None:
                self._report_inside(node, formula.source, f"{what}: {message}", "warning")

    def _report_inside(self, node: Node, needle: str, message: str, severity: Severity) -> None:
        """Report at ``needle``'s place inside ``node``'s text in the file (at the node when
        the file spells the value differently, e.g. folded over two lines)."""
        start, end = node.start_mark.index, node.end_mark.index
        found = self.text.find(needle, start, end) if self.text else -1
        if found < 0:
            self.r.report(node, message, severity)
            return
        if needle.startswith("]("):  # point at the image's '![', which is on the same line
            found = self.text.rfind("![", start, found)
        else:  # a formula: point at its opening dollar(s)
            while found > start and self.text[found - 1] == "$":
                found -= 1
        line, column = position(self.text, found)
        if severity == "error":
            self.r.errors += 1
        self.r.problems.append(Problem(self.path, line, column, message, severity))

    def _check_cards(self) -> None:
        """Checks across the deck's cards: unique ids, known sections, near-duplicates."""
        r = self.r
        first_ids: dict[str, int] = {}
        for index, (card_id, id_node, section, section_node) in enumerate(self.card_refs):
            first = first_ids.setdefault(card_id, index)
            if first != index:
                line = self.card_refs[first][1].start_mark.line + 1
                r.report(
                    id_node,
                    f"duplicate card id '{card_id}' (first at line {line}); "
                    "card ids must be unique, progress is kept by id",
                )
            if section_node is not None and section not in self.section_ids:
                hint = did_you_mean(section, self.section_ids)
                r.report(
                    section_node,
                    f"card '{card_id}': section '{section}' is not a section of this deck{hint}",
                )
        first_questions: dict[str, Card] = {}
        compared: set[str] = set()
        for card, id_node in self.valid_cards:
            if card.id in compared:
                continue  # already an error: a duplicate id
            compared.add(card.id)
            for key in question_keys(card):
                other = first_questions.setdefault(key, card)
                if other is not card:
                    r.report(
                        id_node,
                        f"card '{card.id}' looks like a duplicate of card '{other.id}' "
                        f"(line {other.location.line}): same {card.type} question",
                        "warning",
                    )
                    break

"""Deck files load into the model exactly, and every mistake in one is reported at its line:col."""

from __future__ import annotations

import os
import textwrap
import time
from pathlib import Path

import pytest
import yaml

from studyapp.decks.load import LoadResult, Problem, load_deck_file, load_decks
from studyapp.decks.yaml_nodes import MAX_FILE_BYTES
from studyapp.model import Card, CardType, Deck, Location, Section, SourceInfo
from tests.locations import DECK_FIXTURES, ROOT

FIXTURES = DECK_FIXTURES


class _LiteralDumper(yaml.SafeDumper):
    """Dumps multi-line strings as literal blocks, as the deck generator does."""


_LiteralDumper.add_representer(
    str,
    lambda dumper, value: dumper.represent_scalar(
        "tag:yaml.org,2002:str", value, style="|" if "\n" in value else None
    ),
)


def dump_deck(deck: Deck) -> str:
    """The YAML the generator writes for ``deck``: a schema comment, then ``to_dict()``."""
    body = yaml.dump(
        deck.to_dict(), Dumper=_LiteralDumper, sort_keys=False, allow_unicode=True, width=100
    )
    return "# yaml-language-server: $schema=../docs/deck.schema.json\n" + body


def write(folder: Path, name: str, text: str) -> Path:
    """Write a dedented deck file and return its path."""
    path = folder / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def messages(problems: list[Problem]) -> list[str]:
    """``line:col: severity: message`` of each problem, for exact comparisons."""
    return [f"{p.line}:{p.column}: {p.severity}: {p.message}" for p in problems]


def every_type_deck() -> Deck:
    """A deck using every key of the format and every card type."""
    return Deck(
        id="roundtrip",
        title="Round trip",
        sections=(
            Section("II", "Pharmacology", 1, "II", "First paragraph.\n\n- a list item\n"),
            Section("II.A", "Mechanism", 2, "A", "One line, no newline"),
            Section("II.B", "Plain"),
        ),
        cards=(
            Card("rt-1", CardType.BASIC, question="Q?", answer="A", section="II", tags=("x",)),
            Card("rt-2", CardType.CLOZE, text="It blocks {{c1::NMDA::receptor}}.", section="II.A"),
            Card("rt-3", CardType.LIST, question="L?", items=("a", "b"), ordered=True),
            Card("rt-4", CardType.LIST, question="Unordered?", items=("one",), section="II"),
            Card(
                "rt-5",
                CardType.CHOICE,
                question="Pick?",
                answer="yes",
                distractors=("no", "null", "42"),
                section="II.B",
                source="The sentence: it says 'yes'.",
            ),
            Card("rt-6", CardType.TYPED, question="T?", answer="2.50", accept=("2.5",)),
        ),
        source=SourceInfo("A source", "assets/sources/x.txt", "II"),
        notice="Not medical advice.",
    )


def test_a_dumped_deck_loads_back_equal_with_locations(tmp_path: Path) -> None:
    """A deck written as the generator writes it loads back as the very same deck."""
    deck = every_type_deck()
    path = tmp_path / "roundtrip.yaml"
    path.write_text(dump_deck(deck), encoding="utf-8")
    loaded, problems = load_deck_file(path)
    assert loaded == deck
    assert loaded is not None and loaded.path == path
    lines = path.read_text(encoding="utf-8").splitlines()
    for card in loaded.cards:
        assert lines[card.location.line - 1][card.location.column - 1 :] == f"id: {card.id}"
    for section in loaded.sections:
        assert lines[section.location.line - 1][section.location.column - 1 :] == (
            f"id: {section.id}"
        )
    assert all(p.severity == "warning" for p in problems)


def test_the_complete_example_deck_loads_without_problems() -> None:
    """The documented example deck (every card type) loads cleanly."""
    deck, problems = load_deck_file(FIXTURES / "good" / "complete.yaml")
    assert problems == []
    assert deck is not None
    assert [c.type for c in deck.cards] == list(CardType)
    assert deck.cards[1].text.startswith("Ketamine blocks the {{c1::NMDA::receptor}}")
    assert deck.cards[2].ordered is True
    assert deck.cards[4].accept == ("glutamic acid",)
    assert deck.sections[0].body.endswith("it blocks the NMDA receptor.\n")
    assert deck.source == SourceInfo(
        "Therapeutic Uses of Ketamine in Medicine",
        "assets/sources/ketamine-therapeutic-uses.txt",
        "II",
    )


def test_the_example_in_the_format_docs_is_the_valid_fixture_deck(tmp_path: Path) -> None:
    """The complete example in docs/deck-format.md loads cleanly and matches the fixture."""
    docs = (ROOT / "docs" / "deck-format.md").read_text("utf-8")
    example = docs.split("```yaml\n", 1)[1].split("```", 1)[0]
    deck, problems = load_deck_file(write(tmp_path, "example.yaml", example))
    assert problems == []
    assert deck == load_deck_file(FIXTURES / "good" / "complete.yaml")[0]


def test_every_error_in_a_file_is_reported_with_its_position(tmp_path: Path) -> None:
    """One pass reports all mistakes of a deck, each at the offending node, and it is not loaded."""
    path = write(
        tmp_path,
        "bad.yaml",
        """
        format: 1
        id: demo
        title: Demo
        sections:
          - id: I
            title: One
            level: two
          - id: I
            title: Again
        cards:
          - id: c1
            type: basic
            section: I
            question: What?
            anwser: This
          - id: c2
            type: clozee
            text: hi
          - id: c3
            type: cloze
            section: II
            text: No deletion here
          - id: c4
            type: choice
            section: I
            question: Pick
            answer: A
            distractors: [a, B, C]
          - id: c1
            type: list
            section: I
            question: Items?
            items: "x"
          - id: c5
            type: basic
            section: I
            question: "  "
            answer: x
            answer: y
        """,
    )
    deck, problems = load_deck_file(path)
    assert deck is None
    assert messages(problems) == [
        "7:12: error: 'level' of section 'I' must be a whole number of at least 1, got text 'two'",
        "8:9: error: duplicate section id 'I' (first at line 5); section ids must be unique in "
        "a deck",
        "11:5: error: card 'c1' is missing the required key 'answer'",
        "15:5: error: unknown key 'anwser' in card 'c1'; did you mean 'answer'?",
        "17:11: error: unknown card type 'clozee' in card 'c2'; did you mean 'cloze'? "
        "(types: basic, cloze, list, choice, typed)",
        "21:14: error: card 'c3': section 'II' is not a section of this deck; did you mean 'I'?",
        "22:11: error: card 'c3': cloze text has no deletion: mark the hidden part as "
        "{{c1::hidden text}}",
        "28:18: error: card 'c4': the answer 'A' is also one of the distractors",
        "29:9: error: duplicate card id 'c1' (first at line 11); card ids must be unique, "
        "progress is kept by id",
        "33:12: error: 'items' of card 'c1' must be a list of text, got text 'x'",
        "37:15: error: card 'c5' has an empty 'question'",
        "39:5: error: duplicate key 'answer' in card 6 (first at line 38); keep one",
    ]
    assert all(p.path == path for p in problems)
    assert problems[0].format() == (
        f"{path}:7:12: error: 'level' of section 'I' must be a whole number of at least 1, "
        "got text 'two'"
    )


def test_deck_level_mistakes_are_reported(tmp_path: Path) -> None:
    """Format version, missing title, bad source and unknown top-level keys are all named."""
    path = write(
        tmp_path,
        "top.yaml",
        """
        format: 2
        id: top
        source: {file: x.txt}
        sectoins: []
        """,
    )
    deck, problems = load_deck_file(path)
    assert deck is None
    assert messages(problems) == [
        "1:1: error: the deck is missing the required key 'title'",
        "1:9: error: unsupported deck format 2: this version of studyapp reads format 1",
        "3:9: error: 'source' is missing the required key 'title'",
        "4:1: error: unknown key 'sectoins' in the deck; did you mean 'sections'?",
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Ketamine blocks NMDA.", "cloze text has no deletion"),
        ("Blocks {{c1:NMDA}}.", "malformed cloze braces at '{{c1:NMDA}}.'"),
        ("Blocks {{c1::NMDA}} and {{c2:AMPA}}.", "malformed cloze braces at '{{c2:AMPA}}.'"),
        ("Blocks {{c1::NMDA} receptors.", "malformed cloze braces at '{{c1::NMDA} receptors.'"),
        ("Blocks {{c1::}} receptors.", "cloze deletion '{{c1::}}' hides nothing"),
        ("Blocks {{c1::a {{c2::b}} c}}.", "deletions cannot be nested"),
        ("Blocks NMDA}} receptors {{c1::x}}.", "malformed cloze braces at '}} receptors"),
    ],
)
def test_malformed_cloze_text_is_an_error(tmp_path: Path, text: str, message: str) -> None:
    """A cloze card needs at least one well-formed {{c1::...}} deletion."""
    path = write(
        tmp_path,
        "cloze.yaml",
        f"""
        format: 1
        id: cloze
        title: Cloze
        cards:
        - id: cloze-1
          type: cloze
          text: '{text}'
        """,
    )
    deck, problems = load_deck_file(path)
    assert deck is None
    problems = [p for p in problems if p.severity == "error"]
    assert len(problems) == 1
    assert (problems[0].line, problems[0].column) == (7, 9)
    assert message in problems[0].message


def test_keys_of_other_card_types_are_named_with_what_the_type_uses(tmp_path: Path) -> None:
    """An 'answer' on a cloze card says cloze cards do not use it and lists what they use."""
    deck, problems = load_deck_file(FIXTURES / "bad" / "key_of_other_type.yaml")
    assert deck is None
    assert messages(problems) == [
        "8:3: error: 'answer' is not used by cloze cards (they use: id, type, section, source, "
        "tags, text)"
    ]


def test_wrong_scalar_types_say_what_was_found(tmp_path: Path) -> None:
    """Numbers, booleans and dates where text belongs are errors that suggest quoting."""
    path = write(
        tmp_path,
        "types.yaml",
        """
        format: one
        id: types
        title: 2024-01-01
        cards:
        - id: types-1
          type: typed
          question: How many?
          answer: 42
          accept: 42
          tags: [ok, [nested]]
        - id: types-2
          type: list
          question: Which?
          items: [a, '']
          ordered: maybe
        - just text
        """,
    )
    deck, problems = load_deck_file(path)
    assert deck is None
    assert messages(problems) == [
        "1:9: error: 'format' must be the number 1, got text 'one'",
        "3:8: error: 'title' of the deck must be text (put it in quotes), got a date (2024-01-01)",
        "8:11: error: 'answer' of card 'types-1' must be text (put it in quotes), "
        "got a number (42)",
        "9:11: error: 'accept' of card 'types-1' must be a list of text, got a number (42)",
        "10:14: error: item 2 of 'tags' of card 'types-1' must be text, got a list",
        "14:14: error: item 2 of 'items' of card 'types-2' is empty",
        "15:12: error: 'ordered' of card 'types-2' must be true or false, got text 'maybe'",
        "16:3: error: card 3 must be a mapping of keys, got text 'just text'",
    ]


def test_python_tags_are_rejected_and_never_run(tmp_path: Path) -> None:
    """A !!python tag is an error naming the tag; nothing in it is executed."""
    marker = tmp_path / "ran"
    path = write(
        tmp_path,
        "evil.yaml",
        f"""
        format: 1
        id: evil
        title: !!python/object/apply:os.system ["touch {marker}"]
        notice: !!python/name:os.system
        """,
    )
    deck, problems = load_deck_file(path)
    assert deck is None
    assert not marker.exists()
    assert [p.line for p in problems] == [3, 4]
    assert "tag !!python/object/apply:os.system is not allowed" in problems[0].message
    assert "tag !!python/name:os.system is not allowed" in problems[1].message


def test_warnings_do_not_stop_a_deck_from_loading(tmp_path: Path) -> None:
    """Near-duplicates, long answers, few distractors and missing sections only warn."""
    long_answer = "word " * 50
    path = write(
        tmp_path,
        "warn.yaml",
        f"""
        format: 1
        id: warn
        title: Warnings
        sections:
        - id: s
          title: S
        cards:
        - id: w1
          type: basic
          section: s
          question: What does ketamine block?
          answer: NMDA
        - id: w2
          type: basic
          section: s
          question: "what does KETAMINE   block"
          answer: The NMDA receptor
        - id: w3
          type: choice
          section: s
          question: Pick one
          answer: A
          distractors: [B, C]
        - id: w4
          type: basic
          question: Long?
          answer: {long_answer.strip()}
        """,
    )
    deck, problems = load_deck_file(path)
    assert deck is not None and [c.id for c in deck.cards] == ["w1", "w2", "w3", "w4"]
    assert messages(problems) == [
        "13:7: warning: card 'w2' looks like a duplicate of card 'w1' (line 8): same basic "
        "question",
        "23:16: warning: card 'w3' has only 2 distractor(s); 3 or more make guessing harder",
        "24:3: warning: card 'w4' has no 'section': it will not be linked to its place in the "
        "reading",
        "27:11: warning: card 'w4': the answer is long (249 characters); a card should ask for "
        "one fact (under 200 characters)",
    ]


@pytest.mark.parametrize(
    ("content", "message", "position"),
    [
        (b"", "the file is empty: a deck needs at least 'format', 'id' and 'title'", (0, 0)),
        (b"   \n\n", "the file is empty", (0, 0)),
        (b"# only a comment\n", "the file has no YAML content, only comments", (0, 0)),
        (b"format: 1\nid: \xff\xfe\n", "the file is not UTF-8 text (byte 0xff)", (2, 5)),
        (b"format: 1\n\x00\x01binary", "this is a binary file, not a YAML deck", (2, 1)),
        ("format: 1".encode("utf-16"), "the file is saved as UTF-16; save it as UTF-8", (1, 1)),
        (b"- a\n- b\n", "the deck must be a mapping of keys, got a list", (1, 1)),
        (b"format: 1\nid: [a\n", "invalid YAML: did not find expected ',' or ']'", (3, 1)),
        (b"a: 1\n---\nb: 2\n", "invalid YAML: but found another document", (2, 1)),
        (b"a: *nowhere\n", "invalid YAML: found undefined alias", (1, 4)),
        (b"a: \x07\n", "invalid character U+0007 in YAML: control characters", (1, 4)),
        (b"[" * 2000 + b"]" * 2000, "invalid YAML: exceeded maximum nesting depth", (1, 1001)),
    ],
)
def test_unusable_files_get_one_clear_error(
    tmp_path: Path, content: bytes, message: str, position: tuple[int, int]
) -> None:
    """Empty, binary, non-UTF-8, deeply nested and invalid YAML files are errors, not crashes."""
    path = tmp_path / "deck.yaml"
    path.write_bytes(content)
    deck, problems = load_deck_file(path)
    assert deck is None
    assert len(problems) == 1
    assert problems[0].severity == "error"
    assert message in problems[0].message
    assert (problems[0].line, problems[0].column) == position


def test_a_billion_laughs_deck_is_refused_without_expanding(tmp_path: Path) -> None:
    """Nested aliases ('billion laughs') are refused at once; nothing is expanded."""
    lines = ["format: 1", "id: bomb", "title: Bomb", "x0: &a0 [lol, lol, lol, lol, lol]"]
    for level in range(1, 10):
        lines.append(f"x{level}: &a{level} [{', '.join([f'*a{level - 1}'] * 10)}]")
    lines += ["cards:", "- {id: b, type: list, question: q, items: *a9, tags: *a9}"]
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    start = time.perf_counter()
    deck, problems = load_deck_file(path)
    assert time.perf_counter() - start < 2
    assert deck is None
    assert "item 1 of 'items' of card 'b' must be text, got a list" in [p.message for p in problems]


def test_an_alias_bomb_past_the_budget_is_stopped(tmp_path: Path) -> None:
    """Aliases that would expand to millions of values stop the file with one clear error."""
    tags = ", ".join(["*t"] * 2000)
    cards = "\n".join(["- *c"] * 2000)
    text = (
        "format: 1\nid: bomb\ntitle: Bomb\nx: &t tag\n"
        f"y: &c {{id: c, type: basic, question: q, answer: a, tags: [{tags}]}}\ncards:\n{cards}\n"
    )
    path = tmp_path / "bomb.yaml"
    path.write_text(text, encoding="utf-8")
    start = time.perf_counter()
    deck, problems = load_deck_file(path)
    assert time.perf_counter() - start < 2
    assert deck is None
    assert problems[-1].message == (
        "the file expands to too many values (aliases are counted each time they are used); "
        "it looks like an alias bomb and is not loaded"
    )


def test_aliases_to_cards_are_expanded_within_the_budget(tmp_path: Path) -> None:
    """An alias used for a whole card counts as a second card with the same id."""
    path = write(
        tmp_path,
        "alias.yaml",
        """
        format: 1
        id: alias
        title: Alias
        cards:
        - &card {id: a1, type: basic, section: s, question: Q?, answer: A}
        - *card
        sections: [{id: s, title: S}]
        """,
    )
    deck, problems = load_deck_file(path)
    assert deck is None
    assert [p.message for p in problems] == [
        "duplicate card id 'a1' (first at line 5); card ids must be unique, progress is kept by id"
    ]


def test_oversized_files_are_refused_before_reading(tmp_path: Path) -> None:
    """A deck file over the size limit is an error naming the limit."""
    path = tmp_path / "huge.yaml"
    path.write_bytes(b"# padding\n" * (MAX_FILE_BYTES // 10 + 1))
    deck, problems = load_deck_file(path)
    assert deck is None
    assert [p.message for p in problems] == [
        "the file is over the 5 MB limit for a deck file; split it into smaller decks"
    ]


def test_missing_folder_and_unreadable_paths_are_errors(tmp_path: Path) -> None:
    """A missing file, a folder and an unreadable file each give a message, not a traceback."""
    assert load_deck_file(tmp_path / "nope.yaml")[1][0].message == "no such file"
    assert load_deck_file(tmp_path)[1][0].message == "is a folder, not a deck file"
    if os.name == "posix" and os.geteuid() != 0:
        locked = write(tmp_path, "locked.yaml", "format: 1\n")
        locked.chmod(0)
        try:
            deck, problems = load_deck_file(locked)
        finally:
            locked.chmod(0o644)
        assert deck is None
        assert problems[0].message == "cannot read the file: Permission denied"


def test_load_decks_reads_folders_sorted_and_keeps_good_decks(tmp_path: Path) -> None:
    """A folder's *.yaml and *.yml load in name order; a broken deck does not stop the others."""
    good = (FIXTURES / "good" / "minimal.yaml").read_text(encoding="utf-8")
    write(tmp_path, "b.yml", good.replace("example-minimal", "bee"))
    write(tmp_path, "a.yaml", good.replace("example-minimal", "ay"))
    write(tmp_path, "c.yaml", "format: 1\nid: broken\n")
    write(tmp_path, "notes.txt", "not a deck")
    write(tmp_path, ".hidden.yaml", "not: [a deck")
    result = load_decks([tmp_path])
    assert isinstance(result, LoadResult)
    assert [d.id for d in result.decks] == ["ay", "bee"]
    assert [f.name for f in result.files] == ["a.yaml", "b.yml", "c.yaml"]
    assert [p.format() for p in result.errors] == [
        f"{tmp_path / 'c.yaml'}:1:1: error: the deck is missing the required key 'title'"
    ]


def test_ids_must_be_unique_across_deck_files(tmp_path: Path) -> None:
    """A card or deck id used in an earlier file is an error in the later one, naming the first."""
    first = write(
        tmp_path,
        "1-first.yaml",
        """
        format: 1
        id: shared
        title: First
        cards:
        - id: same-card
          type: basic
          question: Q1?
          answer: A1
        """,
    )
    second = write(
        tmp_path,
        "2-second.yaml",
        """
        format: 1
        id: shared
        title: Second
        cards:
        - id: other-card
          type: basic
          question: Q2?
          answer: A2
        - id: same-card
          type: basic
          question: Q3?
          answer: A3
        """,
    )
    result = load_decks([tmp_path])
    assert [d.title for d in result.decks] == ["First"]
    assert [p.format() for p in result.problems if p.severity == "error"] == [
        f"{second}:2:5: error: deck id 'shared' is already used by {first}:2; deck ids must "
        "be unique",
        f"{second}:9:3: error: card id 'same-card' is already used in {first}:5; card ids must "
        "be unique across decks",
    ]


FIRST_DECK = """
format: 1
id: shared
title: First
cards:
- id: same-card
  type: basic
  question: Q1?
  answer: A1
"""


def test_a_reused_deck_id_is_reported_with_the_files_other_errors(tmp_path: Path) -> None:
    """A deck reusing another's id and with a broken card shows both errors in one run."""
    first = write(tmp_path, "1-first.yaml", FIRST_DECK)
    second = write(
        tmp_path,
        "2-second.yaml",
        """
        format: 1
        id: shared
        title: Second
        cards:
        - id: second-1
          type: basic
          question: Q2?
        """,
    )
    result = load_decks([tmp_path])
    assert [d.title for d in result.decks] == ["First"]
    assert [p.format() for p in result.errors] == [
        f"{second}:2:5: error: deck id 'shared' is already used by {first}:2; deck ids must "
        "be unique",
        f"{second}:5:3: error: card 'second-1' is missing the required key 'answer'",
    ]


def test_a_reused_card_id_is_reported_in_a_deck_with_other_errors(tmp_path: Path) -> None:
    """A broken deck's reused card ids are named at once, each once, along with its own errors."""
    first = write(tmp_path, "1-first.yaml", FIRST_DECK)
    second = write(
        tmp_path,
        "2-second.yaml",
        """
        format: 1
        id: second
        title: Second
        cards:
        - id: same-card
          type: basic
          question: Q2?
        - id: other-card
          type: basc
          question: Q3?
          answer: A3
        - id: same-card
          type: basic
          question: Q4?
          answer: A4
        - id: other-card
          type: basic
          question: Q5?
          answer: A5
        """,
    )
    result = load_decks([tmp_path])
    assert [d.title for d in result.decks] == ["First"]
    assert [p.format() for p in result.errors] == [
        f"{second}:5:3: error: card 'same-card' is missing the required key 'answer'",
        f"{second}:5:3: error: card id 'same-card' is already used in {first}:5; card ids must "
        "be unique across decks",
        f"{second}:9:9: error: unknown card type 'basc' in card 'other-card'; did you mean "
        "'basic'? (types: basic, cloze, list, choice, typed)",
        f"{second}:12:7: error: duplicate card id 'same-card' (first at line 5); card ids must "
        "be unique, progress is kept by id",
        f"{second}:16:7: error: duplicate card id 'other-card' (first at line 8); card ids must "
        "be unique, progress is kept by id",
    ]


SECOND_DECK = """
        format: 1
        id: shared
        title: Second
        cards:
        - id: same-card
          type: basic
          question: Q2?
          answer: A2
        """


def test_a_deck_clashing_only_with_a_broken_file_loads_with_warnings(tmp_path: Path) -> None:
    """Ids reused from a file left out for its errors are warned about; the valid deck loads."""
    first = write(tmp_path, "1-first.yaml", FIRST_DECK.replace("  answer: A1\n", ""))
    second = write(tmp_path, "2-second.yaml", SECOND_DECK)
    result = load_decks([tmp_path])
    assert [d.id for d in result.decks] == ["shared"]
    assert [p.format() for p in result.problems if "section" not in p.message] == [
        f"{first}:5:3: error: card 'same-card' is missing the required key 'answer'",
        f"{second}:2:5: warning: deck id 'shared' is already used by {first}:2 (a file left "
        "out for its errors); deck ids must be unique",
        f"{second}:5:3: warning: card id 'same-card' is already used in {first}:5 (a file left "
        "out for its errors); card ids must be unique across decks",
    ]


def test_a_third_file_clashes_with_the_deck_that_loaded(tmp_path: Path) -> None:
    """After a broken and a valid file share ids, a third copy is an error against the valid one."""
    write(tmp_path, "1-first.yaml", FIRST_DECK.replace("  answer: A1\n", ""))
    second = write(tmp_path, "2-second.yaml", SECOND_DECK)
    third = write(tmp_path, "3-third.yaml", SECOND_DECK.replace("title: Second", "title: Third"))
    result = load_decks([tmp_path])
    assert [d.title for d in result.decks] == ["Second"]
    third_problems = [
        p.format() for p in result.problems if p.path == third and "already used" in p.message
    ]
    assert third_problems == [
        f"{third}:2:5: error: deck id 'shared' is already used by {second}:2; deck ids must "
        "be unique",
        f"{third}:5:3: error: card id 'same-card' is already used in {second}:5; card ids must "
        "be unique across decks",
    ]


@pytest.mark.parametrize(
    ("id_line", "card_id", "expected"),
    [
        (
            "",
            "'a b'",
            [
                "1:1: error: the deck is missing the required key 'id'",
                "4:8: error: the id of card 1 'a b' contains spaces: ids are text without spaces",
            ],
        ),
        (
            "id: ''\n",
            "''",
            [
                "2:5: error: the id of the deck is empty: ids are text without spaces",
                "5:8: error: the id of card 1 is empty: ids are text without spaces",
            ],
        ),
        (
            "id: my deck\n",
            "12",
            [
                "2:5: error: the id of the deck 'my deck' contains spaces: ids are text without "
                "spaces",
                "5:8: error: the id of card 1 must be text (put it in quotes), got a number (12)",
            ],
        ),
    ],
    ids=["missing", "empty", "spaces-and-number"],
)
def test_unreadable_ids_are_not_reported_as_duplicates(
    tmp_path: Path, id_line: str, card_id: str, expected: list[str]
) -> None:
    """Two files with the same missing or invalid ids get only those errors, no duplicates."""
    text = (
        f"format: 1\n{id_line}title: T\n"
        f"cards:\n- {{id: {card_id}, type: basic, section: s, question: Q?, answer: A}}\n"
        "sections: [{id: s, title: S}]\n"
    )
    one = write(tmp_path, "one.yaml", text)
    two = write(tmp_path, "two.yaml", text)
    result = load_decks([tmp_path])
    assert result.decks == []
    assert [p.path for p in result.problems] == [one] * 2 + [two] * 2
    assert messages(result.problems) == expected * 2


def test_a_card_of_unknown_type_still_counts_for_duplicate_ids(tmp_path: Path) -> None:
    """A card id used twice is reported even when one of the cards has a misspelt type."""
    path = write(
        tmp_path,
        "typo.yaml",
        """
        format: 1
        id: typo
        title: Typo
        cards:
        - {id: t1, type: basc, question: Q1?, answer: A1}
        - {id: t1, type: basic, question: Q2?, answer: A2}
        """,
    )
    deck, problems = load_deck_file(path)
    assert deck is None
    assert [p.message.split(";")[0] for p in problems if p.severity == "error"] == [
        "unknown card type 'basc' in card 't1'",
        "duplicate card id 't1' (first at line 5)",
    ]


def test_missing_paths_and_empty_folders_are_reported(tmp_path: Path) -> None:
    """A path that does not exist is an error; a folder without decks a warning."""
    empty = tmp_path / "empty"
    empty.mkdir()
    result = load_decks([tmp_path / "missing", empty])
    assert [p.format() for p in result.problems] == [
        f"{tmp_path / 'missing'}: error: no such file or folder",
        f"{empty}: warning: no deck files (*.yaml, *.yml) in this folder",
    ]
    assert result.decks == []


def test_a_file_named_twice_is_read_once(tmp_path: Path) -> None:
    """Naming a deck and its folder does not report its ids as duplicates of themselves."""
    path = write(tmp_path, "m.yaml", (FIXTURES / "good" / "minimal.yaml").read_text("utf-8"))
    result = load_decks([tmp_path, path])
    assert len(result.decks) == 1 and result.problems == []


@pytest.mark.parametrize("path", sorted((FIXTURES / "bad").glob("*.yaml")), ids=lambda p: p.stem)
def test_every_bad_fixture_is_refused(path: Path) -> None:
    """Each deliberately broken fixture deck is refused with at least one located error."""
    deck, problems = load_deck_file(path)
    assert deck is None
    assert problems and all(p.line > 0 for p in problems if p.severity == "error")


def test_location_defaults_are_not_compared() -> None:
    """Locations and paths do not take part in deck equality (so round trips compare equal)."""
    assert Card("x", CardType.BASIC, location=Location(3, 4)) == Card("x", CardType.BASIC)


@pytest.mark.skipif(os.name != "posix", reason="symlinks")
def test_a_symlink_loop_is_reported_not_raised(tmp_path: Path) -> None:
    """A deck file that is a symlink to itself is an error for that file."""
    loop = tmp_path / "loop.yaml"
    loop.symlink_to(loop)
    result = load_decks([tmp_path, loop])
    assert [p.format() for p in result.problems] == [
        f"{loop}: error: cannot read the file: Too many levels of symbolic links"
    ]


def test_explicitly_tagged_values_are_judged_by_what_they_are(tmp_path: Path) -> None:
    """Explicit YAML tags cannot smuggle a wrong value in: each is named for what it holds."""
    path = write(
        tmp_path,
        "odd.yaml",
        """
        format: !!int "x1"
        id: odd
        title: !!str {a: b}
        ? !!str [k]
        : v
        notice: !!binary aGVsbG8=
        cards:
        - {id: o1, type: list, section: s, question: q, items: [a], ordered: !!bool "maybe"}
        """,
    )
    deck, problems = load_deck_file(path)
    assert deck is None
    assert messages(problems) == [
        "1:9: error: 'format' must be the number 1, got a number (x1)",
        "3:8: error: 'title' of the deck must be text, got a mapping",
        "4:3: error: a key in the deck must be text, got a list",
        "6:9: error: 'notice' must be text, got binary data (aGVsbG8=)",
        "8:33: error: card 'o1': section 's' is not a section of this deck",
        "8:70: error: 'ordered' of card 'o1' must be true or false, got true/false (maybe)",
    ]


def test_cards_inherit_the_tags_of_their_deck_and_sections() -> None:
    """A card of II.A has the deck's tag, II.A's tag and its own; a card of II only the deck's."""
    deck, problems = load_deck_file(FIXTURES / "good" / "complete.yaml")
    assert problems == [] and deck is not None
    assert deck.tags == ("pharmacology",)
    assert deck.section_by_id("II.A").tags == ("receptors",)  # type: ignore[union-attr]
    by_id = {card.id: card for card in deck.cards}
    assert deck.tags_of(by_id["example-pharmacology-basic-1"]) == (
        "pharmacology",
        "receptors",
        "mechanism",
    )
    assert deck.tags_of(by_id["example-pharmacology-list-1"]) == ("pharmacology",)


def test_tags_that_are_not_a_list_of_text_are_reported(tmp_path: Path) -> None:
    """Deck and section tags are checked like a card's, with their position."""
    path = write(
        tmp_path,
        "bad-tags.yaml",
        "format: 1\nid: d\ntitle: D\ntags: pharmacology\nsections:\n"
        "- id: s\n  title: S\n  tags:\n  - ''\ncards: []\n",
    )
    deck, problems = load_deck_file(path)
    assert deck is None
    messages = [p.format() for p in problems]
    assert any(":4:7: error: 'tags' of the deck" in m for m in messages), messages
    assert any(":9:5: error:" in m for m in messages), messages

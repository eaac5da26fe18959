"""Whatever is in a deck file, loading it returns a deck or problems and never raises."""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studyapp.decks.checks import normalise
from studyapp.decks.load import Problem, load_deck_file
from studyapp.model import Card, CardType, Deck, Section, SourceInfo
from tests.decks.test_load import dump_deck, every_type_deck

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def load_bytes(content: bytes) -> tuple[Deck | None, list[Problem]]:
    """Write ``content`` to a fresh deck file and load it."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "deck.yaml"
        path.write_bytes(content)
        deck, problems = load_deck_file(path)
    assert all(isinstance(p, Problem) and p.path == path for p in problems)
    assert all(p.line >= 0 and p.column >= 0 for p in problems)
    has_errors = any(p.severity == "error" for p in problems)
    assert (deck is None) == has_errors
    assert deck is None or isinstance(deck, Deck)
    return deck, problems


DECK_WORDS = [
    "format", "id", "title", "source", "notice", "sections", "cards", "type", "question",
    "answer", "text", "items", "ordered", "distractors", "accept", "section", "tags", "level",
    "number", "body", "file", "topic", "basic", "cloze", "list", "choice", "typed", "{{c1::x}}",
]  # fmt: skip

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 5),
    st.floats(allow_nan=False),
    st.sampled_from(DECK_WORDS),
    st.text(max_size=20),
)
keys = st.one_of(st.sampled_from(DECK_WORDS), st.text(max_size=8), st.integers(0, 3))
yamlish = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(keys, children, max_size=6)
    ),
    max_leaves=30,
)


@SETTINGS
@given(st.binary(max_size=400))
def test_arbitrary_bytes_never_raise(content: bytes) -> None:
    """Random bytes give problems (or, rarely, a deck), never an exception."""
    load_bytes(content)


@SETTINGS
@given(st.text(max_size=400))
def test_arbitrary_text_never_raises(content: str) -> None:
    """Random text gives problems (or, rarely, a deck), never an exception."""
    load_bytes(content.encode("utf-8"))


@SETTINGS
@given(yamlish, st.booleans())
def test_arbitrary_yaml_documents_never_raise(document: object, flow: bool) -> None:
    """Any YAML document of lists, mappings and scalars gives a deck or problems."""
    load_bytes(yaml.safe_dump(document, default_flow_style=flow, allow_unicode=True).encode())


@SETTINGS
@given(st.data())
def test_damaged_decks_never_raise(data: st.DataObject) -> None:
    """A valid deck with values replaced by random YAML loads or reports, never raises."""
    document = every_type_deck().to_dict()
    for _ in range(data.draw(st.integers(1, 4))):
        target: object = document
        while True:
            if isinstance(target, dict) and target:
                key = data.draw(st.sampled_from(sorted(target, key=str)))
            elif isinstance(target, list) and target:
                key = data.draw(st.integers(0, len(target) - 1))
            else:
                break
            if data.draw(st.booleans()) or not isinstance(target[key], (dict, list)):
                target[key] = data.draw(yamlish)
                break
            target = target[key]
    load_bytes(yaml.safe_dump(document, sort_keys=False, allow_unicode=True).encode())


# NEL (U+0085) is left out: PyYAML's emitter writes it as a bare line break, which every YAML
# loader (PyYAML's own included) reads back as a space: a dumper bug, not the loader's.
chars = st.characters(blacklist_characters="\x85", blacklist_categories=("Cs",))
ids = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._-]{0,12}", fullmatch=True)
words = st.text(chars, min_size=1, max_size=30).filter(str.strip)
texts = st.text(chars, max_size=60)
cloze_part = st.text(
    st.characters(blacklist_characters="{}\x85", blacklist_categories=("Cs",)), max_size=20
)
cloze_hidden = cloze_part.filter(lambda s: s.strip() and not s.startswith(":"))


@st.composite
def valid_decks(draw: st.DrawFn) -> Deck:
    """Random decks that satisfy every rule of the format."""
    section_ids = draw(st.lists(ids, max_size=4, unique=True))
    sections = tuple(
        Section(sid, draw(words), draw(st.integers(1, 9)), draw(texts), draw(texts))
        for sid in section_ids
    )
    cards = []
    for index in range(draw(st.integers(0, 6))):
        card_type = draw(st.sampled_from(list(CardType)))
        fields: dict = {
            "section": draw(st.sampled_from(["", *section_ids])),
            "source": draw(texts),
            "tags": tuple(draw(st.lists(words, max_size=2))),
        }
        if card_type is CardType.CLOZE:
            hidden = draw(cloze_hidden)
            fields["text"] = f"{draw(cloze_part)}{{{{c1::{hidden}}}}}{draw(cloze_part)}"
        else:
            fields["question"] = draw(words)
        if card_type in (CardType.BASIC, CardType.CHOICE, CardType.TYPED):
            fields["answer"] = draw(words)
        if card_type is CardType.LIST:
            fields["items"] = tuple(draw(st.lists(words, min_size=1, max_size=3)))
            fields["ordered"] = draw(st.booleans())
        if card_type is CardType.CHOICE:
            answer = normalise(fields["answer"])
            wrong = words.filter(lambda w, answer=answer: normalise(w) != answer)
            fields["distractors"] = tuple(draw(st.lists(wrong, min_size=1, max_size=4)))
        if card_type is CardType.TYPED:
            fields["accept"] = tuple(draw(st.lists(words, max_size=2)))
        cards.append(Card(f"card-{index}", card_type, **fields))
    source = draw(st.none() | st.builds(SourceInfo, words, texts, texts))
    return Deck(draw(ids), draw(words), sections, tuple(cards), source, draw(texts))


@SETTINGS
@given(valid_decks())
def test_any_valid_deck_survives_a_round_trip(deck: Deck) -> None:
    """Writing a deck as the generator does and loading it gives back the same deck."""
    loaded, problems = load_bytes(dump_deck(deck).encode("utf-8"))
    assert [p for p in problems if p.severity == "error"] == []
    assert loaded == deck

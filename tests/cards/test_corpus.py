"""The whole pipeline on every real study text of the corpus (and the shipped source).

Each text is made into decks once (about 0.2-2 s each: these are the real, long texts the
generator must handle, which is the point of the corpus) and written the way
`studyapp generate` writes them; the checks then read the result as a student would meet it.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from studyapp.cards.deck_making import MadeDecks, make_decks
from studyapp.cli import main
from studyapp.outline.nodes import ItemList, Outline, Paragraph, Table
from studyapp.outline.parse import parse_file
from studyapp.outline.sentences import normalise_space
from tests.locations import ROOT

CORPUS = ROOT / "tests" / "corpus"
SEED = ROOT / "assets" / "sources" / "ketamine-therapeutic-uses.txt"
TEXTS = [
    *sorted(p for p in CORPUS.iterdir() if p.suffix in (".md", ".rst", ".txt")),
    SEED,
]
TEXTS = [p for p in TEXTS if p.stem != "README"]

# markup of the source formats that must never reach a card
CARD_MARKUP = {
    "reST directive or comment": re.compile(r"(?:^|\s)\.\. [\w|_\[]"),
    "reST role": re.compile(r":[a-z]+:`"),
    "reST link": re.compile(r"`_\b|>`_"),
    "LaTeX command": re.compile(r"\\(?:frac|begin|end|cite|ref|label|textbf|emph|alpha|mathrm)\b"),
    "HTML tag": re.compile(r"</?(?:div|span|table|tr|td|th|img|math|mi|mo|mn|br|p|a|sup|sub)\b"),
    "image link": re.compile(r"!\["),
    "Markdown link": re.compile(r"\]\((?:https?:|#|/|\.)|\]\[(?:\d+|[a-z][\w -]*)\]"),
    "kramdown attribute": re.compile(r"\{:\s"),
    "cross-reference": re.compile(r"\[\\?\[?link\\?\]"),
}
# the reading material holds Markdown of our own (emphasis, lists, tables), never these
BODY_MARKUP = CARD_MARKUP
NOTICE_WORDS = re.compile(r"not medical advice|prescription medicine", re.IGNORECASE)


@cache
def made(path: Path, out: Path) -> MadeDecks:
    return make_decks(path, out, label=path.name, command=f"studyapp generate {path.name}")


@cache
def outline(path: Path) -> Outline:
    return parse_file(path)


@pytest.fixture(scope="module")
def out_root(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("corpus-decks")


def _made(path: Path, out_root: Path) -> MadeDecks:
    return made(path, out_root / path.stem)


def _card_texts(card) -> list[str]:
    return [card.question, card.answer, card.text, *card.items, *card.distractors]


def test_the_corpus_is_there():
    """The corpus holds at least ten real texts of several formats."""
    texts = [p for p in TEXTS if p != SEED]
    assert len(texts) >= 10
    assert {p.suffix for p in texts} == {".md", ".rst", ".txt"}


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_every_text_makes_decks_that_validate(path, out_root, capsys):
    """Each text gives decks with unique ids, which `studyapp validate` accepts."""
    result = _made(path, out_root)
    ids = [deck.id for deck in result.decks]
    assert ids and len(ids) == len(set(ids))
    assert sorted(p.name for p in result.paths) == sorted(f"{i}.yaml" for i in ids)
    assert main(["validate", str(out_root / path.stem)]) == 0, capsys.readouterr().out


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_no_markup_or_notice_leaks_into_cards(path, out_root):
    """No directive, role, LaTeX, HTML, image or link markup in a card or the reading, and no
    medical notice on a text that did not ask for one."""
    result = _made(path, out_root)
    for deck in result.decks:
        for card in deck.cards:
            for text in _card_texts(card):
                for kind, pattern in CARD_MARKUP.items():
                    assert not pattern.search(text), f"{kind} in {card.id}: {text!r}"
                if path != SEED:
                    assert not NOTICE_WORDS.search(text)
        for section in deck.sections:
            for kind, pattern in BODY_MARKUP.items():
                assert not pattern.search(section.body), f"{kind} in {deck.id} {section.id}"
        assert deck.notice == ("" if path != SEED else outline(SEED).notice)


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_every_section_with_study_text_is_in_the_reading_material(path, out_root):
    """Each section that has text of its own is read in some deck, with its first words."""
    result = _made(path, out_root)
    bodies: dict[str, str] = {}
    for deck in result.decks:
        for section in deck.sections:
            plain = normalise_space(section.body.replace("*", ""))  # without our emphasis
            bodies[section.id] = bodies.get(section.id, "") + plain
    for section in outline(path).walk():
        if not section.blocks:
            continue
        assert section.id in bodies, f"section {section.id} {section.title!r} is not read"
        first = section.blocks[0]
        if isinstance(first, Paragraph):
            words = first.text
        elif isinstance(first, ItemList):
            words = first.items[0].text
        else:
            assert isinstance(first, Table)
            words = (first.header or first.rows[0])[0]
        assert normalise_space(words.replace("*", ""))[:40] in bodies[section.id]

"""Reading a text and making its decks leave Python's cycle collector as they found it."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from studyapp.cards.deck_files import deck_yaml
from studyapp.cards.generate import generate_decks
from studyapp.collector import collector_paused
from studyapp.errors import OutlineError
from studyapp.outline.parse import parse_outline

TEXT = "# Cells\n\nThe nucleus holds the genome of the cell. Mitochondria make most of its ATP.\n"


@pytest.fixture
def collecting() -> Iterator[None]:
    """The collector on, whatever a test does to it."""
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_collector_is_back_on_after_parsing_generating_and_writing(collecting: None) -> None:
    """An app that parses, generates and writes decks keeps collecting cycles afterwards."""
    decks = generate_decks(parse_outline(TEXT), prefix="cells")
    for deck in decks:
        deck_yaml(deck, "cells.txt", "studyapp generate cells.txt")
    assert decks and gc.isenabled()


def test_collector_stays_off_when_the_caller_paused_it(collecting: None) -> None:
    """A caller that turned the collector off finds it still off."""
    with collector_paused():
        generate_decks(parse_outline(TEXT), prefix="cells")
        assert not gc.isenabled()
    assert gc.isenabled()


def test_collector_is_back_on_when_reading_fails(collecting: None) -> None:
    """A text that cannot be read does not leave the collector off."""
    with pytest.raises(OutlineError, match="empty"):
        parse_outline("   \n")
    assert gc.isenabled()

"""A session finds each of its cards and their decks, whichever way its scope was chosen."""

from __future__ import annotations

import pytest

from studyapp.model import Card, CardType, Deck, Section
from studyapp.study.scope import ChosenCards, DeckCards, session_cards


def make_deck(deck_id: str, count: int) -> Deck:
    """A deck of ``count`` basic cards in two sections."""
    sections = (Section("S1", "One", 1), Section("S2", "Two", 1))
    cards = tuple(
        Card(f"{deck_id}-{n}", CardType.BASIC, f"Q{n}?", f"A{n}", section=f"S{1 + n % 2}")
        for n in range(count)
    )
    return Deck(deck_id, deck_id.title(), sections, cards)


DECKS = [make_deck("a", 5), make_deck("b", 4), make_deck("c", 3)]


def test_whole_decks_find_every_card_and_its_deck_in_deck_order():
    """Every card of the decks is there, in deck order, with its own deck."""
    cards = session_cards(DECKS)
    assert isinstance(cards, DeckCards)
    assert list(cards) == [card.id for deck in DECKS for card in deck.cards]
    assert len(cards) == 12
    for deck in DECKS:
        for card in deck.cards:
            assert cards[card.id] == card and cards.deck_of(card.id) is deck
    assert "x-1" not in cards and cards.deck_of("x-1") is None
    with pytest.raises(KeyError):
        cards["x-1"]


def test_whole_decks_index_only_the_decks_of_the_cards_looked_up():
    """A card placed in its deck is found without indexing the other decks."""
    cards = DeckCards(DECKS)
    cards.place({"c-2": "c", "b-0": "b"})
    assert cards["c-2"].id == "c-2" and cards.deck_of("b-0") is DECKS[1]
    assert set(cards._indexes) == {"b", "c"}


def test_a_wrong_place_is_only_a_hint():
    """A card placed in the wrong deck (or an unknown one) is still found in its own deck."""
    cards = DeckCards(DECKS)
    cards.place({"a-1": "b", "b-1": "gone"})
    assert cards.deck_of("a-1") is DECKS[0] and cards["a-1"].id == "a-1"
    assert cards.deck_of("b-1") is DECKS[1]


def test_a_section_or_chosen_cards_hold_only_those():
    """A section session holds that section's cards; a custom one only the chosen cards."""
    section = session_cards([DECKS[0]], section="S1")
    assert isinstance(section, ChosenCards)
    assert list(section) == ["a-0", "a-2", "a-4"]
    assert section.deck_of("a-2") is DECKS[0] and "a-1" not in section
    chosen = session_cards(DECKS, only={"b-2", "c-0", "zz"})
    assert list(chosen) == ["b-2", "c-0"] and len(chosen) == 2
    assert chosen.deck_of("c-0") is DECKS[2] and chosen.deck_of("a-0") is None

"""The cards one study session covers, looked up by id, with the deck each belongs to.

A session over whole decks (say "study all decks" at 100,000 cards) shows a few hundred of
them, yet building an index of every card by id took about half the time before its first
card was painted. :class:`DeckCards` indexes a deck only when one of its cards is first
needed: the queue says which deck each queued card comes from (:meth:`DeckCards.place`), so
showing a card indexes just its deck; a card whose deck is not known yet is looked for deck
by deck, in the session's order. :class:`ChosenCards` is the index of a smaller scope (a
section, the browser's chosen cards), built at once. :func:`session_cards` picks the one.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from operator import attrgetter

from studyapp.model import Card, Deck

_card_id = attrgetter("id")


class SessionCards(Mapping[str, Card]):
    """The session's cards by id (in deck order), and the deck of each."""

    def deck_of(self, card_id: str) -> Deck | None:  # pragma: no cover - abstract
        """The deck of a card of the scope (None for a card from elsewhere)."""
        raise NotImplementedError

    def place(self, decks_of_cards: Mapping[str, str]) -> None:
        """Learn which deck (by id) each of some cards is in; a hint only, never required."""


class DeckCards(SessionCards):
    """Every card of ``decks``; each deck is indexed when one of its cards is first looked up."""

    def __init__(self, decks: Sequence[Deck]) -> None:
        self._decks = {deck.id: deck for deck in decks}
        self._indexes: dict[str, dict[str, Card]] = {}
        self._placed: dict[str, str] = {}  # card id -> deck id, as far as known

    def place(self, decks_of_cards: Mapping[str, str]) -> None:
        """Learn which deck each of some cards is in (the queue knows it from the store)."""
        self._placed.update(decks_of_cards)

    def _index(self, deck_id: str) -> dict[str, Card]:
        index = self._indexes.get(deck_id)
        if index is None:
            cards = self._decks[deck_id].cards
            index = self._indexes[deck_id] = dict(zip(map(_card_id, cards), cards, strict=True))
        return index

    def _deck_id(self, card_id: str) -> str | None:
        deck_id = self._placed.get(card_id)
        if deck_id is not None and deck_id in self._decks and card_id in self._index(deck_id):
            return deck_id
        for deck_id in self._decks:  # not placed (or placed wrongly): look for it
            if card_id in self._index(deck_id):
                self._placed[card_id] = deck_id
                return deck_id
        return None

    def deck_of(self, card_id: str) -> Deck | None:
        deck_id = self._deck_id(card_id)
        return None if deck_id is None else self._decks[deck_id]

    def __getitem__(self, card_id: str) -> Card:
        deck_id = self._deck_id(card_id)
        if deck_id is None:
            raise KeyError(card_id)
        return self._indexes[deck_id][card_id]

    def __contains__(self, card_id: object) -> bool:
        return isinstance(card_id, str) and self._deck_id(card_id) is not None

    def __iter__(self) -> Iterator[str]:
        for deck in self._decks.values():
            yield from map(_card_id, deck.cards)

    def __len__(self) -> int:
        return sum(len(deck.cards) for deck in self._decks.values())


class ChosenCards(SessionCards):
    """The cards of a section of one deck, or the chosen ones of some decks, indexed at once."""

    def __init__(self, cards: dict[str, Card], decks: dict[str, Deck]) -> None:
        self._cards = cards
        self._decks = decks  # card id -> deck

    def deck_of(self, card_id: str) -> Deck | None:
        return self._decks.get(card_id)

    def __getitem__(self, card_id: str) -> Card:
        return self._cards[card_id]

    def __contains__(self, card_id: object) -> bool:
        return card_id in self._cards

    def __iter__(self) -> Iterator[str]:
        return iter(self._cards)

    def __len__(self) -> int:
        return len(self._cards)


def session_cards(
    decks: Sequence[Deck], section: str | None = None, only: Collection[str] | None = None
) -> SessionCards:
    """The cards a session covers: whole ``decks`` (indexed lazily), one ``section`` of the
    single deck (and its subsections), or just the cards ``only`` names."""
    if section is None and only is None:
        return DeckCards(decks)
    cards: dict[str, Card] = {}
    deck_of: dict[str, Deck] = {}
    for deck in decks:
        scoped = deck.cards if section is None else deck.cards_in_section(section)
        chosen = scoped if only is None else [card for card in scoped if card.id in only]
        ids = list(map(_card_id, chosen))
        cards.update(zip(ids, chosen, strict=True))
        deck_of.update(dict.fromkeys(ids, deck))
    return ChosenCards(cards, deck_of)

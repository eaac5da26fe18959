"""How numbers of things are written for people, the same in the app and on the command line."""

from __future__ import annotations


def count(number: int, noun: str) -> str:
    """``1 card``, ``3 cards``, ``0 decks`` (nouns that take a plain -s)."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"

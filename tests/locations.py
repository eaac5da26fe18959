"""Where the tests find the checkout's files: the repository root, fixtures and shipped decks."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
DECK_FIXTURES = FIXTURES / "decks"
OUTLINE_FIXTURES = FIXTURES / "outlines"
SHIPPED_DECKS = ROOT / "decks"
SOURCES = ROOT / "assets" / "sources"

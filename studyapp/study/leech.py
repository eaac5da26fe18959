"""Leeches, as in Anki: a card forgotten again and again costs more time than it is worth.

A card that has lapsed (been answered Again after it was learned) :data:`LEECH_LAPSES` times
is a leech: the browser and the session summary mark it, and with the setting
:data:`SUSPEND_LEECHES_KEY` on, the session suspends it when it lapses that often (Anki's
"Tag and suspend"), so the student can rewrite the card instead of failing it again.
"""

from __future__ import annotations

LEECH_LAPSES = 8  # Anki's default leech threshold
SUSPEND_LEECHES_KEY = "study.suspend_leeches"  # store setting (bool); default off, as marked only


def is_leech(lapses: int) -> bool:
    """Whether a card with ``lapses`` lapses is a leech."""
    return lapses >= LEECH_LAPSES

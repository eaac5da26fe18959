"""How numbers and times are written for people, the same in the app and on the command line."""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo


def count(number: int, noun: str) -> str:
    """``1 card``, ``3 cards``, ``0 decks`` (nouns that take a plain -s)."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def describe_due(next_due: datetime | None, now: datetime, tz: tzinfo | None = None) -> str:
    """When the next card is due, as a student would say it: "due now", "in 3 h", "tomorrow"."""
    if next_due is None:
        return "not started"
    delta = next_due - now
    if delta <= timedelta(0):
        return "due now"
    if delta < timedelta(hours=1):
        return f"in {max(1, round(delta.total_seconds() / 60))} min"
    local_now = now.astimezone(tz) if tz is not None else now.astimezone()
    local_due = next_due.astimezone(local_now.tzinfo)
    days = (local_due.date() - local_now.date()).days
    if days == 0 or delta < timedelta(hours=12):
        return f"in {round(delta.total_seconds() / 3600)} h"
    if days == 1:
        return "tomorrow"
    if days < 14:
        return f"in {days} days"
    if days < 60:
        return f"in {round(days / 7)} weeks"
    if days < 730:
        return f"in {round(days / 30.44)} months"
    return f"in {round(days / 365.25)} years"

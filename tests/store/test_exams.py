"""Exam dates are kept in the progress store: set, moved, listed, cleared, and per card."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from studyapp.errors import StoreError
from studyapp.store.database import Store
from studyapp.store.exams import ExamDate
from studyapp.study.simulation import practice_deck

T0 = datetime(2027, 1, 1, tzinfo=UTC)


@pytest.fixture
def store() -> Store:
    store = Store.in_memory()
    store.sync_decks([practice_deck(20, "a"), practice_deck(20, "b")], T0)
    return store


def test_an_exam_is_set_for_several_decks_and_moved(store: Store):
    """Setting a date again for the same deck moves its exam instead of adding one."""
    store.set_exam(["a", "b"], date(2027, 2, 1))
    store.set_exam(["b"], date(2027, 3, 1))
    store.set_exam(["a"], date(2027, 1, 20), section_id="2")
    assert store.exam_dates() == [
        ExamDate(date(2027, 1, 20), "a", "2"),
        ExamDate(date(2027, 2, 1), "a", ""),
        ExamDate(date(2027, 3, 1), "b", ""),
    ]


def test_each_card_knows_the_exams_that_cover_it(store: Store):
    """A deck exam covers all its cards; a section exam only that section's."""
    store.set_exam(["a"], date(2027, 2, 1))
    store.set_exam(["a"], date(2027, 1, 20), section_id="2")
    days = store.exam_days_by_card()
    assert days["a-000000"] == (date(2027, 2, 1),)
    assert days["a-000002"] == (date(2027, 1, 20), date(2027, 2, 1))  # section 2
    assert not any(card.startswith("b-") for card in days)


def test_exams_are_cleared_by_deck_section_or_all(store: Store):
    """Clearing removes what was asked and says how many went."""
    store.set_exam(["a", "b"], date(2027, 2, 1))
    store.set_exam(["a"], date(2027, 1, 20), section_id="2")
    assert store.clear_exams(["a"], section_id="2") == 1
    assert store.clear_exams(["b"]) == 1
    assert store.clear_exams() == 1
    assert store.exam_dates() == []


def test_an_exam_needs_a_deck(store: Store):
    """Setting an exam for no deck is refused with a clear error."""
    with pytest.raises(StoreError, match="at least one deck"):
        store.set_exam([], date(2027, 2, 1))

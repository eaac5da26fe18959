"""Tests for studyapp.study.queue: the order in which a session shows its cards."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from studyapp.study.queue import LEARN_AHEAD, LOOKAHEAD, Origin, StudyQueue

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def drain(queue: StudyQueue, now: datetime, sources: dict[str, str]) -> list[str]:
    """Take every card, avoiding the previous card's source each time."""
    shown: list[str] = []
    last = ""
    while (taken := queue.take_next(now, last)) is not None:
        shown.append(taken.card_id)
        last = sources.get(taken.card_id, "")
    return shown


def test_new_cards_are_spread_evenly_among_reviews():
    """With 6 reviews and 2 new cards, the new ones come spread out, not all at the end."""
    queue = StudyQueue([], [f"r{i}" for i in range(6)], ["n0", "n1"], lambda _: "")
    shown = drain(queue, T0, {})
    assert shown == ["r0", "r1", "n0", "r2", "r3", "r4", "n1", "r5"]


def test_due_learning_cards_come_first_and_future_ones_last():
    """A learning card due now goes before reviews; one due later waits until the end."""
    learning = [(T0 + timedelta(minutes=5), "later"), (T0 - timedelta(minutes=1), "due")]
    queue = StudyQueue(learning, ["r0", "r1"], [], lambda _: "")
    assert queue.learning_count == 2
    assert drain(queue, T0, {}) == ["due", "r0", "r1", "later"]


def test_put_back_restores_the_front():
    """A card put back (undo) is the next one taken again, from any line."""
    queue = StudyQueue([(T0, "l")], ["r0", "r1"], ["n0"], lambda _: "")
    first = queue.take_next(T0)
    assert first is not None and first.origin is Origin.LEARNING
    second = queue.take_next(T0)
    assert second is not None and second.card_id == "r0"
    queue.put_back(second)
    queue.put_back(first)
    assert len(queue) == 4
    assert [queue.take_next(T0).card_id for _ in range(2)] == ["l", "r0"]  # type: ignore[union-attr]


def test_same_source_is_avoided_within_the_lookahead():
    """Cards of one sentence are separated while a card of another sentence is in reach."""
    ids = [f"a{i}" for i in range(4)] + ["b0", "b1", "b2"]
    sources = {i: i[0] for i in ids}
    queue = StudyQueue([], [], ids, sources.__getitem__)
    shown = drain(queue, T0, sources)
    assert sorted(shown) == sorted(ids)
    assert [sources[i] for i in shown] == ["a", "b", "a", "b", "a", "b", "a"]


def test_lookahead_is_bounded():
    """When every card within reach shares the source, the front card is shown anyway."""
    ids = [f"a{i}" for i in range(LOOKAHEAD + 1)] + ["b"]
    sources = {i: i[0] for i in ids}
    queue = StudyQueue([], [], ids, sources.__getitem__)
    first = queue.take_next(T0)
    assert first is not None and first.card_id == "a0"
    second = queue.take_next(T0, "a")
    assert second is not None and second.card_id == "a1"  # "b" is out of reach


def test_remove_learning_drops_only_that_card():
    """Undoing an answer removes that card's learning entry and keeps the others."""
    queue = StudyQueue([(T0, "x"), (T0, "y")], [], [], lambda _: "")
    queue.remove_learning("x")
    assert queue.learning_count == 1
    taken = queue.take_next(T0)
    assert taken is not None and taken.card_id == "y"
    assert queue.take_next(T0) is None


def test_learning_cards_are_taken_early_only_within_the_learn_ahead_limit():
    """With nothing else left, a card due in 5 minutes is shown; one due in 45 is not (yet)."""
    soon, later = T0 + timedelta(minutes=5), T0 + timedelta(minutes=45)
    queue = StudyQueue([(later, "later"), (soon, "soon")], [], [], lambda _: "")
    taken = queue.take_next(T0)
    assert taken is not None and (taken.card_id, taken.due) == ("soon", soon)
    assert queue.take_next(T0) is None  # nothing to show now ...
    assert queue.learning_count == 1  # ... but the card is still queued
    taken = queue.take_next(later - timedelta(minutes=20))  # exactly 20 minutes early
    assert taken is not None and taken.card_id == "later"


def test_a_card_just_past_the_limit_waits_even_behind_others_of_its_source():
    """Source spacing never pulls in a learning card that is more than 20 minutes off."""
    outside = T0 + LEARN_AHEAD + timedelta(seconds=1)
    queue = StudyQueue([(outside, "far")], [], ["n0"], lambda _: "same")
    taken = queue.take_next(T0, avoid_source="same")
    assert taken is not None and taken.card_id == "n0"
    assert queue.take_next(T0, avoid_source="same") is None


def test_learning_due_by_counts_cards_up_to_a_moment():
    """The session counts the learning cards it could show within the limit."""
    learning = [(T0 + timedelta(minutes=m), f"l{m}") for m in (0, 5, 20, 45)]
    queue = StudyQueue(learning, [], [], lambda _: "")
    assert queue.learning_due_by(T0) == 1
    assert queue.learning_due_by(T0 + LEARN_AHEAD) == 3
    assert queue.learning_count == 4

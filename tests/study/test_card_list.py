"""The browser's table: each card's status by the progress model's rules, filters and sorts."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

from studyapp.model import CardType
from studyapp.review_types import Rating
from studyapp.store.database import Store
from studyapp.study.card_list import CardFilter, CardTable, Column, Status, describe_status
from studyapp.study.scheduler import Scheduler, SchedulerSettings
from studyapp.study.simulation import practice_deck

T0 = datetime(2027, 1, 10, 12, 0, tzinfo=UTC)


def build() -> tuple[Store, Scheduler, CardTable]:
    """Ten cards: c0 reviewed and due, c1 learning, c2 suspended, c3 buried, c4 a leech."""
    deck = practice_deck(10, "d")
    cards = list(deck.cards)
    cards[5] = dataclasses.replace(cards[5], tags=("hard", "week1"), type=CardType.TYPED)
    deck = dataclasses.replace(deck, cards=tuple(cards))
    store = Store.in_memory()
    store.sync_decks([deck], T0 - timedelta(days=100))
    scheduler = Scheduler(SchedulerSettings(fuzz=False), UTC)

    def answer(card_id: str, ratings: list[Rating], start: datetime) -> None:
        state, moment = None, start
        for rating in ratings:
            state, entry = scheduler.review(card_id, state, rating, moment)
            store.record_review(state, entry)
            moment = max(state.due, moment + timedelta(minutes=1))

    answer("d-000000", [Rating.GOOD, Rating.GOOD], T0 - timedelta(days=30))
    answer("d-000001", [Rating.AGAIN], T0 - timedelta(hours=1))
    store.set_suspended("d-000002", True)
    store.bury_until("d-000003", T0 + timedelta(days=1))
    answer(
        "d-000004",
        [Rating.GOOD, Rating.GOOD] + [Rating.AGAIN, Rating.GOOD] * 8,
        T0 - timedelta(days=90),
    )
    table = CardTable([deck], store.card_progress(), scheduler, T0)
    return store, scheduler, table


def status_of(table: CardTable, card_id: str) -> int:
    return table.status[table.index[card_id]]


def test_each_card_gets_the_status_a_student_expects():
    """Due, learning, suspended, buried, leech and new as the progress model defines them."""
    _, _, table = build()
    assert status_of(table, "d-000000") & Status.DUE
    assert status_of(table, "d-000001") & Status.LEARNING
    assert status_of(table, "d-000001") & Status.FAILED_RECENTLY
    assert describe_status(status_of(table, "d-000002")) == "suspended"
    assert describe_status(status_of(table, "d-000003")) == "buried"
    assert status_of(table, "d-000004") & Status.LEECH
    assert table.lapses[table.index["d-000004"]] == 8
    assert describe_status(status_of(table, "d-000009")) == "new"


def test_filters_combine_and_search_every_word():
    """Search needs every word somewhere in the card; tag, type and status narrow further."""
    _, _, table = build()
    cards = table.cards
    assert [cards[i].id for i in table.matching(CardFilter(text="QUESTION 5?"))] == ["d-000005"]
    assert [cards[i].id for i in table.matching(CardFilter(text="week1 answer"))] == ["d-000005"]
    assert [cards[i].id for i in table.matching(CardFilter(tag="hard"))] == ["d-000005"]
    assert len(table.matching(CardFilter(card_type=CardType.TYPED))) == 1
    assert len(table.matching(CardFilter(status=Status.NEW))) == 5
    assert table.matching(CardFilter(section_id="3")) == [2]
    assert table.matching(CardFilter(deck_id="other")) == []


def test_sorting_puts_cards_without_a_value_last_either_way():
    """Sorting by recall or due: never-reviewed cards come last, ascending or descending."""
    _, _, table = build()
    rows = list(range(len(table)))
    for column in (Column.RECALL, Column.DUE, Column.INTERVAL):
        for descending in (False, True):
            ordered = table.sorted_rows(rows, column, descending)
            values = [getattr(table, column.name.lower())[i] for i in ordered]
            present = [v for v in values if v is not None]
            assert values[: len(present)] == present
            assert present == sorted(present, reverse=descending)
    by_lapses = table.sorted_rows(rows, Column.LAPSES, descending=True)
    assert table.cards[by_lapses[0]].id == "d-000004"


def test_a_row_is_updated_after_an_action():
    """After a reset the row shows a new card with no lapses."""
    store, _, table = build()
    store.reset_card("d-000004")
    row = table.index["d-000004"]
    progress = store.card_progress_of("d-000004")
    assert progress is not None
    table.update(row, progress)
    assert table.lapses[row] == 0 and describe_status(table.status[row]) == "new"
    assert table.text(row, Column.RECALL) == "" and table.text(row, Column.LAPSES) == "0"


def test_inherited_tags_are_searched_and_filtered():
    """A deck's and a section's tags count as the card's in the browser."""
    deck = practice_deck(20, "t")
    sections = tuple(
        dataclasses.replace(s, tags=("anatomy",)) if s.id == "2" else s for s in deck.sections
    )
    deck = dataclasses.replace(deck, sections=sections, tags=("semester-1",))
    store = Store.in_memory()
    store.sync_decks([deck], T0)
    table = CardTable([deck], store.card_progress(), Scheduler(tz=UTC), T0)
    assert table.tags == {"semester-1", "anatomy"}
    assert len(table.matching(CardFilter(tag="semester-1"))) == 20
    section_two = [table.cards[i].id for i in table.matching(CardFilter(tag="anatomy"))]
    assert section_two == ["t-000002", "t-000003"]
    assert table.matching(CardFilter(text="anatomy")) == table.matching(CardFilter(tag="anatomy"))
    assert table.text(2, Column.TAGS) == "semester-1 anatomy"

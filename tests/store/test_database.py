"""The progress store: deck sync, answers and undo, queues, statistics, settings, replay."""

from __future__ import annotations

import random
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyapp.errors import StoreError
from studyapp.model import Card, CardType, Deck, SourceInfo
from studyapp.review_types import CardState, Phase, Rating, ReviewEntry, ReviewMode
from studyapp.store.database import Store
from studyapp.study.scheduler import Scheduler, SchedulerSettings

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def card(card_id: str, answer: str = "answer", question: str = "question?", **kw) -> Card:
    """A basic card."""
    return Card(id=card_id, type=CardType.BASIC, question=question, answer=answer, **kw)


def deck(deck_id: str, cards: list[Card], title: str = "A deck") -> Deck:
    """A deck of ``cards``."""
    return Deck(id=deck_id, title=title, cards=tuple(cards), source=SourceInfo("Source"))


def state(due: datetime, phase: Phase = Phase.REVIEW, stability: float | None = 5.0) -> CardState:
    """A card state due at ``due``."""
    return CardState(phase, None, stability, 5.0, due, due - timedelta(days=1))


@pytest.fixture
def store(tmp_path: Path):
    """A store on a real file, closed after the test."""
    opened = Store.open(tmp_path / "data" / "progress.sqlite3")
    yield opened
    opened.close()


def answer(store: Store, card_id: str, at: datetime, due: datetime | None = None) -> int:
    """Record a GOOD review-mode answer giving the card a state due at ``due``."""
    entry = ReviewEntry(card_id, at, Rating.GOOD, 1200)
    return store.record_review(state(due or at + timedelta(days=3)), entry)


def test_open_creates_folder_and_uses_wal(tmp_path: Path) -> None:
    """Opening a store in a new folder creates it, with a crash-safe journal."""
    path = tmp_path / "new" / "deeper" / "progress.sqlite3"
    with Store.open(path) as store:
        assert path.exists()
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_progress_survives_reopening(tmp_path: Path) -> None:
    """Answers, reading progress and settings are still there after closing the app."""
    path = tmp_path / "progress.sqlite3"
    with Store.open(path) as store:
        store.sync_decks([deck("d", [card("c1")])], T0)
        answer(store, "c1", T0)
        store.mark_section_read("d", "I.A", T0)
        store.set_setting("theme", {"dark": True})
    with Store.open(path) as store:
        assert store.card_state("c1") == state(T0 + timedelta(days=3))
        assert store.read_sections("d") == {"I.A": T0}
        assert store.setting("theme") == {"dark": True}
        assert [e.card_id for e in store.reviews()] == ["c1"]


def test_sync_adds_then_reports_unchanged(store: Store) -> None:
    """Syncing new decks adds their cards; syncing again changes nothing."""
    decks = [deck("a", [card("a1"), card("a2")]), deck("b", [card("b1")])]
    first = store.sync_decks(decks, T0)
    assert sorted(first.added) == ["a1", "a2", "b1"]
    second = store.sync_decks(decks, T0 + timedelta(hours=1))
    assert (second.added, second.retired, second.revived, second.answer_changed) == (
        [],
        [],
        [],
        [],
    )
    assert second.unchanged == 3


def test_a_start_on_unchanged_decks_writes_nothing(store: Store) -> None:
    """Syncing decks unchanged since the last sync writes nothing (no backup is due for it);
    an edited deck is compared again while the others are not."""
    decks = [deck("a", [card("a1"), card("a2")]), deck("b", [card("b1")])]
    store.sync_decks(decks, T0)
    changes = store.conn.execute("SELECT value FROM store_meta WHERE key = 'changes'").fetchone()
    again = store.sync_decks(decks, T0 + timedelta(hours=1))
    assert again.unchanged == 3
    assert store.conn.execute("SELECT value FROM store_meta WHERE key = 'changes'").fetchone() == (
        changes
    )
    answer(store, "a1", T0)
    edited = [deck("a", [card("a1", answer="new"), card("a2")]), decks[1]]
    report = store.sync_decks(edited, T0 + timedelta(hours=2))
    assert (report.answer_changed, report.unchanged) == (["a1"], 2)
    assert store.sync_decks(edited, T0 + timedelta(hours=3)).answer_changed == []
    assert store.answer_changed_cards() == ["a1"]  # still waiting for the student's choice


def test_removed_card_is_retired_and_revived_with_progress(store: Store) -> None:
    """A card deleted from the YAML keeps its history and comes back with its progress."""
    store.sync_decks([deck("d", [card("c1"), card("c2")])], T0)
    answer(store, "c2", T0)
    gone = store.sync_decks([deck("d", [card("c1")])], T0)
    assert gone.retired == ["c2"]
    assert store.card_state("c2") is not None
    assert store.due_card_ids(["d"], T0 + timedelta(days=30)) == []
    assert len(store.card_progress_rows(["d"])) == 1  # a retired card is not counted
    back = store.sync_decks([deck("d", [card("c1"), card("c2")])], T0)
    assert back.revived == ["c2"]
    assert store.card_state("c2") == state(T0 + timedelta(days=3))
    assert store.due_card_ids(["d"], T0 + timedelta(days=30)) == ["c2"]


def test_wording_change_keeps_progress_silently(store: Store) -> None:
    """Fixing a typo in a question keeps the card's progress and raises no flag."""
    store.sync_decks([deck("d", [card("c1", question="Waht is it?")])], T0)
    answer(store, "c1", T0)
    report = store.sync_decks([deck("d", [card("c1", question="What is it?")])], T0)
    assert report.unchanged == 1 and report.answer_changed == []
    assert store.card_state("c1") is not None


def test_changed_answer_is_flagged_then_reset(store: Store) -> None:
    """A changed answer on a studied card is flagged; resetting starts the card afresh."""
    store.sync_decks([deck("d", [card("c1", "old"), card("c2", "old")])], T0)
    answer(store, "c1", T0)
    report = store.sync_decks([deck("d", [card("c1", "new"), card("c2", "new")])], T0)
    assert report.answer_changed == ["c1"]  # c2 had no progress: updated silently
    assert store.answer_changed_cards() == ["c1"]
    again = store.sync_decks([deck("d", [card("c1", "new"), card("c2", "new")])], T0)
    assert again.unchanged == 2 and again.answer_changed == []
    store.reset_card("c1")
    assert store.card_state("c1") is None
    assert store.answer_changed_cards() == []
    assert store.new_card_ids(["d"]) == ["c1", "c2"]
    assert len(store.reviews("c1")) == 1  # the log is never rewritten


def test_accepting_a_changed_answer_keeps_progress(store: Store) -> None:
    """Keeping progress after an answer change clears the flag for good."""
    store.sync_decks([deck("d", [card("c1", "old")])], T0)
    answer(store, "c1", T0)
    store.sync_decks([deck("d", [card("c1", "new")])], T0)
    store.accept_answer_change("c1")
    assert store.answer_changed_cards() == []
    assert store.card_state("c1") is not None
    assert store.sync_decks([deck("d", [card("c1", "new")])], T0).unchanged == 1


def test_card_moved_to_another_deck_keeps_progress(store: Store) -> None:
    """A card moved between decks keeps its id and progress and is not retired."""
    store.sync_decks([deck("a", [card("c1")]), deck("b", [])], T0)
    answer(store, "c1", T0)
    report = store.sync_decks([deck("a", []), deck("b", [card("c1")])], T0)
    assert report.retired == [] and report.added == []
    assert store.due_card_ids(["b"], T0 + timedelta(days=5)) == ["c1"]


def test_state_round_trips_exactly(store: Store) -> None:
    """A card's state reads back exactly as stored, 0.0 and microseconds included."""
    store.sync_decks([deck("d", [card("c1")])], T0)
    exact = CardState(Phase.LEARNING, 0, 0.0, 0.0, T0 + timedelta(microseconds=7), None)
    store.record_review(exact, ReviewEntry("c1", T0, Rating.AGAIN))
    assert store.card_state("c1") == exact
    assert store.card_states(["c1", "unknown"]) == {"c1": exact}


def test_cram_answers_are_logged_but_do_not_schedule(store: Store) -> None:
    """Cramming a card leaves its schedule alone but shows in the history."""
    store.sync_decks([deck("d", [card("c1")])], T0)
    log_id = store.record_cram(ReviewEntry("c1", T0, Rating.AGAIN, mode=ReviewMode.CRAM))
    assert store.card_state("c1") is None
    assert store.reviews("c1")[0].mode is ReviewMode.CRAM
    store.undo_review(log_id, None)
    assert store.reviews("c1") == []


def test_undo_restores_the_previous_state(store: Store) -> None:
    """Undoing an answer puts the card back exactly as it was."""
    store.sync_decks([deck("d", [card("c1")])], T0)
    first = answer(store, "c1", T0)
    before = store.card_state("c1")
    second = answer(store, "c1", T0 + timedelta(days=3), due=T0 + timedelta(days=10))
    assert second > first
    store.undo_review(second, before)
    assert store.card_state("c1") == before
    store.undo_review(first, None)
    assert store.card_state("c1") is None and store.reviews() == []
    with pytest.raises(StoreError, match="no answer"):
        store.undo_review(first, None)
    # ids are never reused, so an old undo cannot hit a newer answer
    assert answer(store, "c1", T0) > second


def test_unknown_card_gives_a_store_error(store: Store) -> None:
    """Answering or suspending a card the store never saw is a clear error."""
    with pytest.raises(StoreError):
        answer(store, "ghost", T0)
    with pytest.raises(StoreError, match="unknown card"):
        store.set_suspended("ghost", True)
    assert store.reviews() == []


def test_due_queue_order_and_exclusions(store: Store) -> None:
    """Due cards come most overdue first; suspended and buried cards stay out."""
    store.sync_decks([deck("d", [card(f"c{i}") for i in range(5)]), deck("e", [card("e1")])], T0)
    for i, days in enumerate([3, 1, 2, 9, 1]):
        answer(store, f"c{i}", T0, due=T0 + timedelta(days=days))
    answer(store, "e1", T0, due=T0)
    later = T0 + timedelta(days=4)
    assert store.due_card_ids(["d"], later) == ["c1", "c4", "c2", "c0"]
    assert store.due_card_ids(["d"], later, limit=2) == ["c1", "c4"]
    assert store.due_card_ids(None, later)[0] == "e1"
    store.set_suspended("c1", True)
    store.bury_until("c4", later + timedelta(hours=1))
    assert store.due_card_ids(["d"], later) == ["c2", "c0"]
    assert "c4" in store.due_card_ids(["d"], later + timedelta(hours=2))
    store.set_suspended("c1", False)
    store.bury_until("c4", None)
    assert store.due_card_ids(["d"], later) == ["c1", "c4", "c2", "c0"]


def test_due_cards_carry_deck_phase_and_due_in_the_due_order(store: Store) -> None:
    """What a study queue is built from: the due cards in the same order as their ids, each
    with its deck, phase and due time; suspended cards stay out."""
    store.sync_decks([deck("d", [card(f"c{i}") for i in range(3)]), deck("e", [card("e1")])], T0)
    for card_id, days in (("c0", 2), ("c1", 1), ("e1", 1), ("c2", 3)):
        answer(store, card_id, T0, due=T0 + timedelta(days=days))
    relearning = CardState(Phase.RELEARNING, 0, 2.0, 6.0, T0 + timedelta(hours=30), T0)
    store.record_review(relearning, ReviewEntry("c1", T0, Rating.AGAIN, 900))
    later = T0 + timedelta(days=2, hours=1)
    due = store.due_cards(["d", "e"], later)
    assert [c.card_id for c in due] == store.due_card_ids(["d", "e"], later) == ["e1", "c1", "c0"]
    assert [(c.deck_id, c.phase) for c in due] == [
        ("e", Phase.REVIEW),
        ("d", Phase.RELEARNING),
        ("d", Phase.REVIEW),
    ]
    assert due[1].due == T0 + timedelta(hours=30) and due[2].due == T0 + timedelta(days=2)
    store.set_suspended("e1", True)
    assert [c.card_id for c in store.due_cards(["e", "d"], later)] == ["c1", "c0"]


def test_new_cards_come_in_deck_order(store: Store) -> None:
    """New cards are offered in the order of the decks and of the cards in them."""
    store.sync_decks([deck("a", [card("a2"), card("a1")]), deck("b", [card("b1")])], T0)
    answer(store, "a2", T0)
    assert store.new_card_ids(["b", "a"]) == ["b1", "a1"]
    assert store.new_card_ids(["a", "b"], limit=1) == ["a1"]
    store.bury_until("a1", T0 + timedelta(days=1))
    assert store.new_card_ids(["a", "b"], now=T0) == ["b1"]


def test_decks_without_unseen_cards_offer_none_after_cards_move(store: Store) -> None:
    """A deck whose every card was answered offers no new card, also after cards moved between
    decks, and a card added to it is offered."""
    store.sync_decks([deck("a", [card("a1"), card("a2")]), deck("b", [card("b1")])], T0)
    for card_id in ("a1", "a2", "b1"):
        answer(store, card_id, T0)
    assert store.new_card_ids(["a", "b"]) == []
    store.sync_decks([deck("a", [card("a1"), card("a3")]), deck("b", [card("b1"), card("a2")])], T0)
    assert store.new_card_ids(["a", "b"]) == ["a3"]
    assert store.new_card_ids(["b"]) == []
    answer(store, "a3", T0)
    assert store.new_card_ids(["a", "b"]) == []


def test_new_cards_introduced_counts_first_reviews_only(store: Store) -> None:
    """Only cards first seen today count against the new-cards-per-day limit."""
    store.sync_decks([deck("d", [card("old"), card("n1"), card("n2")])], T0)
    day = T0 + timedelta(days=1)
    answer(store, "old", T0)
    answer(store, "old", day + timedelta(hours=1))
    answer(store, "n1", day + timedelta(hours=2))
    answer(store, "n1", day + timedelta(hours=3))
    store.record_cram(ReviewEntry("n2", day, Rating.GOOD, mode=ReviewMode.CRAM))
    assert store.new_cards_introduced("d", day) == 1
    assert store.new_cards_introduced("other", day) == 0


def test_statistics(store: Store) -> None:
    """Card rows, answers per window and true retention match what was answered."""
    store.sync_decks([deck("d", [card(f"c{i}") for i in range(4)])], T0)
    review = Phase.REVIEW
    store.record_review(state(T0, review, 30.0), ReviewEntry("c0", T0, Rating.GOOD))
    store.record_review(state(T0 + timedelta(days=1)), ReviewEntry("c0", T0, Rating.AGAIN))
    store.record_review(state(T0 + timedelta(days=2)), ReviewEntry("c1", T0, Rating.GOOD))
    store.record_review(
        state(T0 + timedelta(days=1)), ReviewEntry("c1", T0 + timedelta(days=1), Rating.EASY)
    )
    store.set_suspended("c3", True)
    rows = sorted(store.card_progress_rows(["d"]), key=lambda r: (r[4] is None, r[6] or 0))
    day = 86_400_000_000
    t0 = int(T0.timestamp() * 1_000_000)
    assert [(r[2], r[4], r[6]) for r in rows] == [
        (0, int(review), t0 + day),
        (0, int(review), t0 + day),
        (0, None, None),
        (1, None, None),
    ]
    assert store.card_progress_rows(["elsewhere"]) == []
    assert store.next_due(["d"]) == {"d": T0 + timedelta(days=1)}
    bounds = [T0 - timedelta(days=1), T0, T0 + timedelta(days=1), T0 + timedelta(days=2)]
    assert store.reviews_between(bounds) == [0, 3, 1]
    assert store.review_counts() == {"d": 4}
    retention = store.true_retention()  # the two answers given while the card was in review
    assert (retention.passed, retention.total) == (1, 2)
    assert retention.rate == 0.5


def test_settings_and_reading_progress(store: Store) -> None:
    """Settings keep any JSON value; reading marks record the latest read."""
    assert store.setting("missing", 7) == 7
    store.set_setting("exam", "2026-06-01")
    store.set_setting("exam", {"date": "2026-06-02"})
    assert store.setting("exam") == {"date": "2026-06-02"}
    store.mark_section_read("d", "I", T0)
    store.mark_section_read("d", "I", T0 + timedelta(hours=1))
    store.mark_section_read("d", "II", T0)
    store.mark_section_unread("d", "II")
    assert store.read_sections("d") == {"I": T0 + timedelta(hours=1)}
    assert store.read_sections("other") == {}


def test_rebuild_from_the_log_reproduces_the_cache(store: Store) -> None:
    """Rebuilding progress from the answer history gives back exactly the same schedule."""
    rng = random.Random(11)
    scheduler = Scheduler(SchedulerSettings())
    ids = [f"c{i}" for i in range(40)]
    store.sync_decks([deck("d", [card(i) for i in ids])], T0)
    now = T0
    for _ in range(400):
        card_id = rng.choice(ids)
        now += timedelta(minutes=rng.randint(1, 60 * 24 * 3))
        if rng.random() < 0.1:
            store.record_cram(ReviewEntry(card_id, now, Rating.AGAIN, mode=ReviewMode.CRAM))
            continue
        rating = Rating(rng.choice([1, 2, 3, 3, 3, 4]))
        new_state, entry = scheduler.review(card_id, store.card_state(card_id), rating, now, 900)
        store.record_review(new_state, entry)
    store.reset_card("c0")
    cached = store.card_states()
    retention = store.true_retention()
    store.conn.execute("UPDATE card_state SET stability = 99.0")  # damage the cache
    store.conn.commit()
    assert store.rebuild_states(scheduler) == len(cached)
    assert store.card_states() == cached
    assert store.true_retention() == retention
    assert "c0" not in cached


def test_syncing_many_unchanged_cards_is_fast(store: Store) -> None:
    """Starting the app with 10,000 unchanged cards does not keep the student waiting."""
    decks = [deck(f"d{n}", [card(f"d{n}-{i}", f"a{i}") for i in range(1000)]) for n in range(10)]
    assert len(store.sync_decks(decks, T0).added) == 10_000
    started = time.perf_counter()
    report = store.sync_decks(decks, T0)
    elapsed = time.perf_counter() - started
    assert report.unchanged == 10_000
    assert elapsed < 0.5, f"sync of 10,000 unchanged cards took {elapsed:.3f} s"


def test_answers_are_counted_between_any_bounds_across_dst(store: Store) -> None:
    """Windows given as local day starts count each answer once, also across a clock change."""
    berlin = ZoneInfo("Europe/Berlin")  # clocks go forward on 2026-03-29
    store.sync_decks([deck("d", [card("c1")])], T0)
    times = [
        datetime(2026, 3, 28, 23, 30, tzinfo=berlin),
        datetime(2026, 3, 29, 0, 30, tzinfo=berlin),
        datetime(2026, 3, 29, 23, 30, tzinfo=berlin),
        datetime(2026, 3, 30, 0, 15, tzinfo=berlin),
    ]
    for at in times:
        store.record_cram(ReviewEntry("c1", at, Rating.GOOD, mode=ReviewMode.CRAM))
    days = [datetime(2026, 3, d, tzinfo=berlin) for d in (28, 29, 30, 31)]
    assert store.reviews_between(days) == [1, 2, 1]
    assert store.reviews_between([times[3] + timedelta(seconds=1), days[-1]]) == [0]


@settings(max_examples=60, deadline=None)
@given(
    versions=st.lists(
        st.dictionaries(
            st.sampled_from([f"c{i}" for i in range(8)]), st.sampled_from(["x", "y"]), max_size=8
        ),
        min_size=1,
        max_size=6,
    ),
    studied=st.lists(st.sets(st.sampled_from([f"c{i}" for i in range(8)])), min_size=6),
)
def test_sync_never_loses_progress(versions: list[dict[str, str]], studied: list[set[str]]) -> None:
    """However a deck file is edited, cards are never deleted and progress is never lost."""
    store = Store.in_memory()
    accepted: dict[str, str] = {}  # the answer each card's progress was earned on
    seen: set[str] = set()
    for n, version in enumerate(versions):
        report = store.sync_decks([deck("d", [card(i, a) for i, a in version.items()])], T0)
        assert set(report.added) == set(version) - seen
        seen |= set(version)
        stored = dict(store.conn.execute("SELECT id, retired FROM cards").fetchall())
        assert set(stored) == seen  # nothing is ever deleted
        assert {i for i, retired in stored.items() if retired} == seen - set(version)
        flagged = set(store.answer_changed_cards())
        for card_id, answer_text in version.items():
            has_progress = card_id in accepted
            changed = has_progress and accepted[card_id] != answer_text
            assert (card_id in flagged) == changed
            assert (store.card_state(card_id) is not None) == has_progress
        for card_id in sorted(studied[n] & set(version)):
            if card_id in flagged:
                store.accept_answer_change(card_id)
            answer(store, card_id, T0 + timedelta(minutes=n))
            accepted[card_id] = version[card_id]
    store.close()


def test_imported_answers_join_the_log_once_and_rebuild_the_state(store: Store) -> None:
    """Another app's answers are added in order, a second import adds nothing, and the card's
    state is the one replaying them gives."""
    store.sync_decks([deck("d", [card("c1")])], T0)
    scheduler = Scheduler(SchedulerSettings(fuzz=False), tz=UTC)
    entries = [
        ReviewEntry("c1", T0 + timedelta(days=day), rating, 3000)
        for day, rating in ((0, Rating.GOOD), (2, Rating.AGAIN), (3, Rating.GOOD))
    ]
    assert store.import_reviews(entries, scheduler) == 3
    assert store.import_reviews(entries, scheduler) == 0
    expected = None
    for entry in entries:
        expected, _ = scheduler.review("c1", expected, entry.rating, entry.reviewed_at)
    assert store.card_state("c1") == expected
    assert [e.rating for e in store.reviews("c1")] == [Rating.GOOD, Rating.AGAIN, Rating.GOOD]

"""The library, the progress view and `studyapp stats` show the same numbers on one store."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from studyapp.cli import main
from studyapp.decks.load import load_decks
from studyapp.review_types import CardState, Phase, Rating, ReviewEntry
from studyapp.store.database import Store
from studyapp.study.scheduler import Scheduler


def stats_rows(capsys, deck_dir: Path, data_dir: Path) -> dict[str, list[int]]:
    """`studyapp stats` as {deck title: [cards, due, new, learning, mastered, answers]}."""
    assert main(["stats", "--decks", str(deck_dir), "--data-dir", str(data_dir)]) == 0
    out = capsys.readouterr().out.splitlines()
    rows = {}
    for line in out[1:]:
        parts = line.rsplit(None, 6)
        if len(parts) == 7 and parts[1].isdigit():
            rows[parts[0].strip()] = [int(p) for p in parts[1:]]
    return rows


def test_library_progress_view_and_stats_agree(make_window, capsys, deck_dir, isolated_data_dir):
    """With suspended, buried, learning, due, mastered and new cards, every screen agrees."""
    now = datetime.now(UTC)  # `studyapp stats` reads the real clock
    scheduler = Scheduler()  # local time, as the command and a window with tz None
    decks = load_decks([deck_dir]).decks
    anesthesia = next(d for d in decks if d.id == "ketamine-anesthesia")
    ids = [card.id for card in anesthesia.cards]
    with Store.open(isolated_data_dir / "progress.sqlite3", backups=0, now=now) as store:
        store.sync_decks(decks, now)

        def put(card_id: str, phase: Phase, due: datetime, stability: float, ago: float) -> None:
            at = now - timedelta(days=ago)
            state = CardState(
                phase, 0 if phase is not Phase.REVIEW else None, stability, 5.0, due, at
            )
            store.record_review(state, ReviewEntry(card_id, at, Rating.GOOD))

        put(ids[0], Phase.REVIEW, now - timedelta(hours=1), 4.0, 4)  # due
        put(ids[1], Phase.REVIEW, now - timedelta(hours=1), 4.0, 4)  # due, but suspended
        put(ids[2], Phase.REVIEW, now - timedelta(hours=1), 4.0, 4)  # due, but buried
        put(ids[3], Phase.LEARNING, now - timedelta(minutes=1), 0.5, 0.01)  # learning, due
        put(ids[4], Phase.REVIEW, now + timedelta(days=30), 45.0, 2)  # mastered
        put(ids[5], Phase.REVIEW, now + timedelta(days=3), 5.0, 1)  # studied, not due
        store.set_suspended(ids[1], True)
        store.bury_until(ids[2], scheduler.next_day_start(now))
        store.set_suspended(ids[6], True)  # a new card, suspended

    window = make_window(clock=lambda: now, tz=None)
    row = next(r for r in window.library.rows if r.deck_id == anesthesia.id)
    library = (row.summary.due_today, row.summary.new, row.summary.mastered, row.summary.total)
    assert library == (2, 3, 1, 10)
    assert row.numbers_label.text().startswith("2 due today  ·  3 new  ·  1 of 10 mastered")

    window.show_progress()
    report = window.progress.data
    all_due = sum(r.summary.due_today for r in window.library.rows)
    assert report.due_today == all_due
    assert report.forecast[0] == all_due
    assert window.progress.summary.text().endswith(f"{all_due} due today")
    window.store.close()

    rows = stats_rows(capsys, deck_dir, isolated_data_dir)
    cards, due, new, learning, mastered, answers = rows[anesthesia.title]
    assert (due, new, mastered, cards) == library
    assert learning == 1 and answers == 6

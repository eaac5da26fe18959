"""How fast a quiz step is on a big collection: 100,000 cards and 1,000,000 review-log rows.

Builds a real progress database in a temporary folder: 10 decks of 10,000 cards synced through
``Store.sync_decks``, then card states and the review log bulk-inserted with SQL (90% of the
cards reviewed, ~11 log rows each, about 3,000 due today). Then runs one review session over all
decks and times ``~2,000`` quiz steps. A step is ``session.rate(rating)``: schedule the answer
(FSRS), write state + log in one transaction, pick the next card, compute the four button
intervals (``Scheduler.preview``) and hand the card to the view. Ratings are drawn from a seeded
rng (10% Again, 5% Hard, 75% Good, 10% Easy).

Baselines measured in the same run: one bare ``fsrs.Scheduler.review_card`` call, and one bare
SQLite ``INSERT`` + ``COMMIT`` into the same database file. Target: step median < 0.5 ms and
p99 < 5 ms (Anki's Rust backend: ~0.6 ms median, 5.6 ms p99 on such a collection).

Through the real widgets (``--part widgets``): the 100k-card library of ``make_library.py``
(1M answers made by the real scheduler) opened with ``build_main_window`` on the offscreen Qt
platform, "study all decks", then for each card: Space pressed on the quiz widget until the
answer is painted, and 3 (Good) pressed until the next card is painted ("painted": the events
the key posted processed, then a synchronous ``repaint()`` of the window). Baseline in the
same run: a bare repaint of the same window. Target: both under 5 ms (median). The same
steps' CPU time in this thread is printed too: on a shared machine the wall clock's tail
(p99) is mostly other processes.

Run: ``.venv/bin/python benchmarks/bench_session.py [--steps 2000] [--part core|widgets]``
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import fsrs

from studyapp.model import Card, CardType, Deck, Section
from studyapp.review_types import Phase, Rating
from studyapp.store.database import Store
from studyapp.store.dbfile import to_micros
from studyapp.study.answers import AnswerCheck
from studyapp.study.scheduler import Scheduler, SchedulerSettings
from studyapp.study.session import Progress, SessionSummary, Stage, StudySession

DECKS = 10
CARDS_PER_DECK = 10_000
LOG_ROWS = 1_000_000
REVIEWED_SHARE = 0.9
DUE_TODAY = 3_000
NOW = datetime(2026, 6, 1, 10, 0, tzinfo=UTC)


class NullView:
    """A view that only keeps the last card, as a real widget would just repaint."""

    def __init__(self) -> None:
        self.card: Card | None = None

    def show_question(self, card: Card, progress: Progress) -> None:
        self.card = card

    def show_answer(
        self, card: Card, intervals: dict[Rating, timedelta], check: AnswerCheck | None
    ) -> None:
        self.card = card

    def show_finished(self, summary: SessionSummary) -> None:
        self.card = None


def build_decks() -> list[Deck]:
    """10 decks x 10,000 basic cards, 4 cards per source sentence."""
    decks = []
    for d in range(DECKS):
        sections = tuple(Section(id=f"S{s}", title=f"Section {s}") for s in range(50))
        cards = tuple(
            Card(
                id=f"d{d}-c{c}",
                type=CardType.BASIC,
                question=f"Question {c} of deck {d}?",
                answer=f"answer {c}",
                section=f"S{c // 200}",
                source=f"Sentence {c // 4} of deck {d}.",
            )
            for c in range(CARDS_PER_DECK)
        )
        decks.append(Deck(id=f"deck{d}", title=f"Deck {d}", sections=sections, cards=cards))
    return decks


def fill_progress(store: Store, decks: list[Deck], rng: random.Random) -> None:
    """Bulk-insert plausible card states and a 1M-row review log with plain SQL."""
    ids = [card.id for deck in decks for card in deck.cards]
    reviewed = [i for i in ids if rng.random() < REVIEWED_SHARE]
    per_card = LOG_ROWS // len(reviewed)
    extra = LOG_ROWS - per_card * len(reviewed)
    due_today = set(rng.sample(reviewed, DUE_TODAY))
    states = []
    log = []
    for n, card_id in enumerate(reviewed):
        rows = per_card + (1 if n < extra else 0)
        last = NOW - timedelta(days=rng.uniform(1, 60))
        stability = rng.uniform(1, 200)
        if card_id in due_today:
            due = NOW - timedelta(days=rng.uniform(0, 20))
        else:
            due = NOW + timedelta(days=rng.uniform(1, 300))
        states.append(
            (
                card_id,
                int(Phase.REVIEW),
                None,
                stability,
                rng.uniform(1, 10),
                to_micros(due),
                to_micros(last),
            )
        )
        at = last - timedelta(days=2 * rows)
        for r in range(rows):
            prior = None if r == 0 else int(Phase.REVIEW)
            rating = 1 if rng.random() < 0.1 else 3
            log.append((card_id, to_micros(at), rating, 4000, "review", prior))
            at += timedelta(days=2)
    with store.db.atomic():
        # card_state carries its card's deck (migration m004), taken from the cards table.
        store.conn.executemany(
            "INSERT INTO card_state (card_id, deck_id, phase, step, stability, difficulty, "
            "due, last_review) SELECT ?, deck_id, ?, ?, ?, ?, ?, ? FROM cards WHERE id = ?",
            [(*row, row[0]) for row in states],
        )
        store.conn.executemany(
            "INSERT INTO review_log (card_id, reviewed_at, rating, duration_ms, mode, "
            "prior_phase) VALUES (?, ?, ?, ?, ?, ?)",
            log,
        )


def percentile(values: list[float], share: float) -> float:
    """The ``share`` quantile (nearest rank) of ``values``."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def time_calls(call: Callable[[], object], count: int) -> list[float]:
    """Per-call wall times in ms."""
    times = []
    for _ in range(count):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return times


def baselines(store: Store) -> tuple[float, float]:
    """Median ms of one bare fsrs review and of one bare SQLite insert + commit."""
    bare = fsrs.Scheduler(enable_fuzzing=False)
    card = fsrs.Card(
        card_id=1,
        state=fsrs.State.Review,
        stability=20.0,
        difficulty=5.0,
        due=NOW,
        last_review=NOW - timedelta(days=20),
    )
    fsrs_ms = statistics.median(
        time_calls(lambda: bare.review_card(card, fsrs.Rating.Good, NOW), 2000)
    )
    conn = store.conn
    conn.execute("CREATE TABLE bench_scratch (id INTEGER PRIMARY KEY, at INTEGER, v TEXT)")
    conn.commit()

    def insert_commit() -> None:
        conn.execute("INSERT INTO bench_scratch (at, v) VALUES (?, ?)", (1, "x"))
        conn.commit()

    sqlite_ms = statistics.median(time_calls(insert_commit, 2000))
    conn.execute("DROP TABLE bench_scratch")
    conn.commit()
    return fsrs_ms, sqlite_ms


def spread(values: list[float]) -> str:
    """min / median / p99 / max of ``values`` in ms."""
    return (
        f"min {min(values):6.2f}  median {statistics.median(values):6.2f}  "
        f"p99 {percentile(values, 0.99):6.2f}  max {max(values):7.2f} ms"
    )


def widget_steps(steps: int) -> bool:
    """Time Space -> answer painted and 3 -> next card painted on the 100k library."""
    import os
    import sys

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from make_library import library
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from studyapp.gui.app import build_main_window

    lib = library("100k")
    qapp = QApplication.instance() or QApplication(["bench"])
    with tempfile.TemporaryDirectory(prefix="studyapp-session-") as tmp:
        data = lib.copy_data(Path(tmp))
        window = build_main_window([lib.decks_dir], data)
        window.show()
        qapp.processEvents()

        def painted() -> None:
            qapp.processEvents()
            window.repaint()

        bare = time_calls(painted, 200)
        window.study_all_due()
        painted()
        quiz = window.quiz
        assert quiz is not None
        reveal: list[float] = []
        rate: list[float] = []
        cpu: dict[str, list[float]] = {"reveal": [], "rate": []}

        def step(key: Qt.Key, wall: list[float], thread: list[float]) -> None:
            began, began_cpu = time.perf_counter(), time.thread_time()
            QTest.keyClick(quiz, key)
            painted()
            wall.append((time.perf_counter() - began) * 1000)
            thread.append((time.thread_time() - began_cpu) * 1000)

        for _ in range(steps):
            if quiz.phase != "question":
                break
            step(Qt.Key.Key_Space, reveal, cpu["reveal"])
            if quiz.phase != "answer":
                break
            step(Qt.Key.Key_3, rate, cpu["rate"])
        window.store.close()
    base = statistics.median(bare)
    print(f"through the widgets, 100k cards / {lib.reviews:,} answers, {len(rate)} cards:")
    print(f"  bare repaint (baseline)       {spread(bare)}")
    for name, values in (("Space -> answer painted", reveal), ("3 -> next card painted", rate)):
        ratio = statistics.median(values) / base
        print(f"  {name:<29} {spread(values)}  = {ratio:.1f}x bare repaint")
    # On a shared machine the wall clock's tail is mostly other processes: this thread's CPU
    # time over the same steps tells how much of it was the app's own work.
    for name, values in (("Space, CPU time", cpu["reveal"]), ("3, CPU time", cpu["rate"])):
        print(f"  {name:<29} {spread(values)}")
    ok = statistics.median(reveal) < 5.0 and statistics.median(rate) < 5.0
    print(f"target: both medians under 5 ms: {'met' if ok else 'NOT met'}")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=2000)
    parser.add_argument("--part", choices=["core", "widgets", "both"], default="both")
    args = parser.parse_args()
    ok = True
    if args.part in ("widgets", "both"):
        ok = widget_steps(min(args.steps, 500)) and ok
    if args.part in ("core", "both"):
        ok = core_steps(args.steps) and ok
    return 0 if ok else 1


def core_steps(step_count: int) -> bool:
    """The core-only figure: ``session.rate`` against a view that does nothing."""
    rng = random.Random(42)
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "progress.sqlite3", backups=0)
        decks = build_decks()
        started = time.perf_counter()
        store.sync_decks(decks, NOW - timedelta(days=400))
        synced = time.perf_counter()
        fill_progress(store, decks, rng)
        filled = time.perf_counter()
        log_rows = store.conn.execute("SELECT count(*) FROM review_log").fetchone()[0]
        print(
            f"built: {sum(len(d.cards) for d in decks):,} cards, {log_rows:,} log rows "
            f"(sync {synced - started:.1f} s, bulk fill {filled - synced:.1f} s)"
        )

        clock_now = [NOW]

        def clock() -> datetime:
            return clock_now[0]

        scheduler = Scheduler(SchedulerSettings(), tz=UTC)
        view = NullView()
        session = StudySession(store, scheduler, decks, view, clock=clock, rng=random.Random(1))
        start_ms = time_calls(session.start, 1)[0]
        print(f"session start (queue build): {start_ms:.1f} ms, {session.progress}")

        ratings = [Rating.AGAIN] * 10 + [Rating.HARD] * 5 + [Rating.GOOD] * 75 + [Rating.EASY] * 10
        step_ms: list[float] = []
        for _ in range(step_count):
            if session.stage is Stage.FINISHED:
                break
            session.reveal()
            clock_now[0] += timedelta(seconds=3)
            rating = rng.choice(ratings)
            begin = time.perf_counter()
            session.rate(rating)
            step_ms.append((time.perf_counter() - begin) * 1000)
        fsrs_ms, sqlite_ms = baselines(store)
        store.close()

    median = statistics.median(step_ms)
    p99 = percentile(step_ms, 0.99)
    print(f"quiz steps: {len(step_ms)}")
    print(
        f"  median {median:.3f} ms   p99 {p99:.3f} ms   mean {statistics.fmean(step_ms):.3f} ms"
        f"   max {max(step_ms):.3f} ms"
    )
    print(
        f"baseline bare fsrs review_card: median {fsrs_ms * 1000:.1f} us "
        f"-> step/fsrs = {median / fsrs_ms:.1f}x"
    )
    print(
        f"baseline bare SQLite insert+commit: median {sqlite_ms * 1000:.1f} us "
        f"-> step/sqlite = {median / sqlite_ms:.1f}x"
    )
    ok = median < 0.5 and p99 < 5.0
    print(f"target median < 0.5 ms and p99 < 5 ms: {'met' if ok else 'NOT met'}")
    return ok


if __name__ == "__main__":
    raise SystemExit(main())

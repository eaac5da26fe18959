"""Benchmark the progress store at scale: 100,000 cards and 1,000,000 logged answers.

Prints the time to open the store, to sync 10,000 unchanged cards, and the store's part of a
quiz step (record an answer, find the next due card, read its state), with a baseline measured
in the same run: a bare sqlite3 INSERT + COMMIT in the same WAL / synchronous=NORMAL mode.

Then the size of the ``-wal`` file beside a fresh database of 10,000 cards: after the first
deck sync, at its largest while answers come as fast as the store takes them, at the end, and
after the session's checkpoint; the baseline is the same writes on a bare sqlite3 connection
with SQLite's default automatic checkpoint.

    .venv/bin/python benchmarks/bench_store.py [--cards 100000] [--log 1000000] [--steps 2000]
        [--wal-answers 8232]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from studyapp.model import Card, CardType, Deck
from studyapp.review_types import CardState, Phase, Rating, ReviewEntry
from studyapp.store.database import Store
from studyapp.store.dbfile import to_micros

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
DECK_SIZE = 1000


def make_decks(cards: int) -> list[Deck]:
    """``cards`` basic cards in decks of 1,000."""
    return [
        Deck(
            f"deck{d:03d}",
            f"Deck {d}",
            cards=tuple(
                Card(f"deck{d:03d}-{i:04d}", CardType.BASIC, f"q{i}?", f"answer {i}")
                for i in range(DECK_SIZE)
            ),
        )
        for d in range(cards // DECK_SIZE)
    ]


def fill(store: Store, decks: list[Deck], log_rows: int, rng: random.Random) -> None:
    """Give 80% of the cards a state and spread ``log_rows`` answers over them, in bulk."""
    ids = [card.id for deck in decks for card in deck.cards]
    studied = ids[: len(ids) * 4 // 5]
    start = to_micros(NOW - timedelta(days=365))
    span = to_micros(NOW) - start
    day = 86_400_000_000
    with store.db.atomic():
        store.conn.executemany(
            "INSERT INTO card_state VALUES (?, ?, 2, NULL, ?, 5.0, ?, ?)",
            (
                (
                    card_id,
                    card_id.split("-")[0],
                    rng.uniform(1, 200),
                    to_micros(NOW) + rng.randint(-20, 60) * day,
                    to_micros(NOW) - rng.randint(1, 60) * day,
                )
                for card_id in studied
            ),
        )
        times = sorted(start + rng.randrange(span) for _ in range(log_rows))
        store.conn.executemany(
            "INSERT INTO review_log (card_id, reviewed_at, rating, duration_ms, mode, "
            "prior_phase) VALUES (?, ?, ?, ?, 'review', 2)",
            ((rng.choice(studied), at, rng.choice((1, 3, 3, 3, 4)), 4000) for at in times),
        )


def timed(action: Callable[[], object], repeat: int) -> list[float]:
    """Wall-clock seconds of ``repeat`` runs of ``action``."""
    out = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        out.append(time.perf_counter() - started)
    return out


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.3f} ms"


def percentile(samples: list[float], share: float) -> float:
    """The ``share`` quantile (nearest rank) of ``samples``."""
    return sorted(samples)[max(0, int(len(samples) * share) - 1)]


def baseline_step(folder: Path, steps: int) -> list[float]:
    """A bare INSERT + COMMIT per step in WAL / synchronous=NORMAL: the floor of any write."""
    conn = sqlite3.connect(folder / "baseline.sqlite3")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, card TEXT, at INTEGER, rating INT)")
    conn.commit()

    def step() -> None:
        conn.execute("INSERT INTO t (card, at, rating) VALUES ('c', 1, 3)")
        conn.commit()

    samples = timed(step, steps)
    conn.close()
    return samples


def mib(size: int) -> str:
    """A byte count in MiB, for the WAL figures."""
    return f"{size / 2**20:6.2f} MiB"


def wal_figures(folder: Path, answers: int) -> None:
    """Print the WAL's size over a first sync and ``answers`` answers given back to back."""
    from studyapp.store.checkpoints import wal_size

    path = folder / "wal" / "progress.sqlite3"
    decks = make_decks(10_000)
    ids = [card.id for deck in decks for card in deck.cards]

    def answer(n: int) -> tuple[CardState, ReviewEntry]:
        at = NOW + timedelta(seconds=7 * n)
        state = CardState(Phase.REVIEW, None, 3.0, 5.0, at + timedelta(days=4), at)
        return state, ReviewEntry(ids[n * 7919 % len(ids)], at, Rating.GOOD, 3000)

    store = Store.open(path, backups=0)
    store.sync_decks(decks, NOW)
    after_sync = wal_size(path)
    largest, times = 0, []
    for n in range(answers):
        state, entry = answer(n)
        started = time.perf_counter()
        store.record_review(state, entry)
        times.append(time.perf_counter() - started)
        largest = max(largest, wal_size(path))
    at_end = wal_size(path)
    store.checkpoint()  # what the end of a session does
    after_session = wal_size(path)
    database = path.stat().st_size
    store.close()

    # The baseline: the same rows through a bare connection, SQLite's defaults otherwise.
    bare_path = folder / "wal" / "bare.sqlite3"
    source = sqlite3.connect(path)
    bare = sqlite3.connect(bare_path)
    bare.execute("PRAGMA journal_mode = WAL")
    bare.execute("PRAGMA synchronous = NORMAL")
    source.backup(bare)
    source.close()
    bare.execute("DELETE FROM review_log")
    bare.commit()
    bare_largest = 0
    for n in range(answers):
        state, entry = answer(n)
        bare.execute(
            "INSERT INTO review_log (card_id, reviewed_at, rating, duration_ms, mode) "
            "VALUES (?, ?, 3, 3000, 'review')",
            (entry.card_id, to_micros(entry.reviewed_at)),
        )
        bare.execute(
            "UPDATE card_state SET due = ?, last_review = ? WHERE card_id = ?",
            (to_micros(state.due), to_micros(entry.reviewed_at), entry.card_id),
        )
        bare.commit()
        bare_largest = max(bare_largest, wal_size(bare_path))
    bare.close()
    print(f"WAL after first sync     {mib(after_sync)}   (10,000 cards; database {mib(database)})")
    print(
        f"WAL largest, {answers:,} answers {mib(largest)}   (SQLite default alone "
        f"{mib(bare_largest)}; ratio {largest / max(bare_largest, 1):.1f}x)"
    )
    print(f"WAL at the end           {mib(at_end)}")
    print(f"WAL after the session    {mib(after_session)}")
    print(
        f"answer while truncating  p99 {ms(percentile(times, 0.99))}   "
        f"max {ms(max(times))}   median {ms(statistics.median(times))}"
    )


def main() -> None:
    """Build the big store, measure, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--log", type=int, default=1_000_000)
    parser.add_argument("--steps", type=int, default=2000)
    parser.add_argument("--wal-answers", type=int, default=8232)
    parser.add_argument("--only-wal", action="store_true", help="print the WAL figures only")
    args = parser.parse_args()
    rng = random.Random(42)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        wal_figures(folder, args.wal_answers)
        if args.only_wal:
            return
        path = folder / "progress.sqlite3"
        decks = make_decks(args.cards)
        started = time.perf_counter()
        with Store.open(path, backups=0) as store:
            store.sync_decks(decks, NOW)
            fill(store, decks, args.log, rng)
        built = time.perf_counter() - started
        size = path.stat().st_size / 2**20
        print(
            f"built {args.cards:,} cards, {args.log:,} log rows in {built:.1f} s ({size:.0f} MiB)"
        )

        opens = timed(lambda: Store.open(path, backups=0).close(), 20)
        taking = timed(lambda: Store.open(path, now=NOW).close(), 1)  # the first backup
        with_backups = timed(lambda: Store.open(path, now=NOW).close(), 20)  # one < 1 h old
        later = NOW + timedelta(hours=2)
        unchanged = timed(lambda: Store.open(path, now=later).close(), 5)  # nothing changed
        print(f"Store.open median        {ms(statistics.median(opens))}   (target < 50 ms)")
        print(f"Store.open, backup fresh {ms(statistics.median(with_backups))}")
        print(f"Store.open, no changes   {ms(statistics.median(unchanged))}")
        print(f"Store.open taking backup {ms(taking[0])}   (at most hourly)")

        store = Store.open(path, backups=0)
        sample = decks[:10]
        syncs = timed(lambda: store.sync_decks(sample, NOW), 10)
        print(f"sync 10,000 unchanged    {ms(statistics.median(syncs))}   (target < 100 ms)")

        deck_ids = [deck.id for deck in decks[:20]]
        clock = [NOW]

        def quiz_step() -> None:
            clock[0] += timedelta(seconds=7)
            card_id = store.due_card_ids(deck_ids, clock[0], limit=1)[0]
            state = store.card_state(card_id)
            assert state is not None
            new = CardState(
                Phase.REVIEW, None, state.stability, 5.0, clock[0] + timedelta(days=9), clock[0]
            )
            store.record_review(new, ReviewEntry(card_id, clock[0], Rating.GOOD, 3000))

        steps = timed(quiz_step, args.steps)
        base = baseline_step(folder, args.steps)
        step_med, base_med = statistics.median(steps), statistics.median(base)
        slow = sum(sample > 0.001 for sample in steps)
        print(
            f"quiz step (store) median {ms(step_med)}   p95 {ms(percentile(steps, 0.95))}   "
            f"p99 {ms(percentile(steps, 0.99))}   (targets: median < 0.5 ms, p99 < 5 ms); "
            f"{slow} of {len(steps)} steps over 1 ms"
        )
        print(
            f"baseline INSERT+COMMIT   {ms(base_med)}   p95 {ms(percentile(base, 0.95))}   "
            f"p99 {ms(percentile(base, 0.99))}   median ratio {step_med / base_med:.1f}x"
        )

        queries: dict[str, Callable[[], object]] = {
            "card_progress_rows (all decks)": lambda: store.card_progress_rows(),
            "new_card_ids (20 decks)": lambda: store.new_card_ids(deck_ids, 20, NOW),
            "new_cards_introduced": lambda: store.new_cards_introduced("deck000", NOW),
            "next_due (all decks)": lambda: store.next_due(),
            "reviews_between (30 days)": lambda: store.reviews_between(
                [NOW - timedelta(days=30 - d) for d in range(31)]
            ),
            "true_retention (all)": lambda: store.true_retention(),
            "true_retention (30 d)": lambda: store.true_retention(NOW - timedelta(days=30)),
            "review_counts (all)": lambda: store.review_counts(),
            "card_states (all)": lambda: store.card_states(),
        }
        for name, query in queries.items():
            print(f"{name:<24} {ms(statistics.median(timed(query, 5)))}")
        store.close()
        from studyapp.store.doctor import examine

        print(f"{'doctor examine':<24} {ms(statistics.median(timed(lambda: examine(path), 1)))}")


if __name__ == "__main__":
    main()

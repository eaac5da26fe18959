"""How fast decks go out to and come in from Anki, and our reader against the anki library.

Builds, in the same run:

- a 100,000-note Anki package (basic and cloze notes in 20 subdecks, 50,000 answers in the
  review log) by exporting 100,000 studyapp cards with ``export_apkg`` (timed: the export);
- then times (a) ``read_anki_package`` (unzip, read the SQLite collection, convert every note
  to a card, collect the history), (b) ``import_anki_package`` (the same plus writing the YAML
  and validating it with the app's loader), and the baseline (c) the official ``anki``
  library opening a fresh collection and importing the same package (what using it as the
  reader would cost before reading a single note), when it is installed;
- (d) storing that history: syncing the cards into a new progress database and replaying
  the 50,000 answers through the FSRS scheduler (what follows an import with scheduling);
- the shipped decks: export to .apkg and import back (a user's ordinary case).

Prints medians and the ratios (a)/(c), (b)/(c). Targets: 100,000 notes import in under 10 s.

Run: ``.venv/bin/python benchmarks/bench_exchange.py [--runs 3] [--notes 100000]``
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from studyapp.decks.load import load_decks
from studyapp.exchange.anki_export import export_apkg
from studyapp.exchange.anki_import import ImportResult, import_anki_package, read_anki_package
from studyapp.exchange.history import store_history
from studyapp.model import Card, CardType, Deck, Section
from studyapp.store.database import Store
from studyapp.study.scheduler import Scheduler, SchedulerSettings

ROOT = Path(__file__).resolve().parent.parent


def make_decks(notes: int) -> list[Deck]:
    sections = tuple(Section(f"s{i}", f"Section {i}", level=1 + (i > 0)) for i in range(20))
    cards = []
    for n in range(notes):
        section = f"s{n % 20}"
        if n % 4 == 0:
            cards.append(
                Card(
                    f"big-{n}",
                    CardType.CLOZE,
                    text=f"Fact {{{{c1::{n}}}}} is true.",
                    section=section,
                    tags=("bench",),
                )
            )
        else:
            cards.append(
                Card(
                    f"big-{n}",
                    CardType.BASIC,
                    question=f"What is number {n}?",
                    answer=f"It is {n}",
                    section=section,
                )
            )
    return [Deck("big", "Big deck", sections, tuple(cards))]


def add_history(package: Path, answers: int) -> None:
    """Give the package's collection a review log, as an export with scheduling has."""
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "collection.anki2"
        with zipfile.ZipFile(package) as archive:
            db.write_bytes(archive.read("collection.anki2"))
            media = archive.read("media")
        with sqlite3.connect(db) as conn:
            ids = [row[0] for row in conn.execute("SELECT id FROM cards LIMIT ?", (answers,))]
            start = int(datetime(2026, 1, 1, tzinfo=UTC).timestamp() * 1000)
            conn.executemany(
                "INSERT INTO revlog VALUES (?, ?, -1, 3, 1, 0, 0, 3000, 0)",
                [(start + i, cid) for i, cid in enumerate(ids)],
            )
        with zipfile.ZipFile(package, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.write(db, "collection.anki2")
            archive.writestr("media", media)


def store_history_fresh(result: ImportResult, folder: Path) -> None:
    """Sync the imported cards into a new store and replay their history."""
    with tempfile.TemporaryDirectory(dir=folder) as data:
        store = Store.open(Path(data) / "progress.sqlite3", backups=0)
        try:
            store_history(result, store, Scheduler(SchedulerSettings(), tz=UTC), datetime.now(UTC))
        finally:
            store.close()


def import_time(module: str) -> float:
    """Seconds a fresh interpreter takes to import ``module`` (median of three)."""
    times = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", f"import {module}"], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def timed(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def anki_library_import(package: Path) -> Callable[[], object] | None:
    try:
        from anki.collection import (
            Collection,
            ImportAnkiPackageOptions,
            ImportAnkiPackageRequest,
        )
    except ImportError:
        return None

    def work() -> None:
        with tempfile.TemporaryDirectory() as folder:
            col = Collection(str(Path(folder) / "c.anki2"))
            request = ImportAnkiPackageRequest(
                package_path=str(package), options=ImportAnkiPackageOptions(with_scheduling=True)
            )
            col.import_anki_package(request)
            col.close()

    return work


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--notes", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        decks = make_decks(args.notes)
        package = tmp / "big.apkg"
        start = time.perf_counter()
        export_apkg(decks, package)
        export_s = time.perf_counter() - start
        add_history(package, args.notes // 2)
        size = package.stat().st_size / 1e6
        print(f"export of {args.notes:,} cards to .apkg: {export_s:.2f} s ({size:.1f} MB)")
        read_s = timed(lambda: read_anki_package(package), args.runs)
        counter = iter(range(1000))
        import_s = timed(
            lambda: import_anki_package(package, tmp / f"out{next(counter)}"), args.runs
        )
        print(f"(a) read + convert {args.notes:,} notes, 50 % with history: {read_s:.2f} s")
        result, _media = read_anki_package(package)
        history_s = timed(lambda: store_history_fresh(result, tmp), args.runs)
        print(
            f"(d) history into a new progress database ({len(result.reviews):,} answers "
            f"replayed with FSRS, {args.notes:,} cards synced): {history_s:.2f} s"
        )
        print(f"(b) full import (+ write YAML + validate): {import_s:.2f} s")
        baseline = anki_library_import(package)
        if baseline is not None:
            anki_s = timed(baseline, args.runs)
            print(f"(c) anki library: new collection + import the package: {anki_s:.2f} s")
            print(f"ratio (a)/(c): {read_s / anki_s:.2f}   (b)/(c): {import_s / anki_s:.2f}")
        anki_import_s = import_time("anki.collection")
        print(
            f"starting Python and importing the anki library: {anki_import_s:.2f} s "
            f"(zstandard, our reader's one dependency: {import_time('zstandard'):.2f} s; "
            f"bare Python: {import_time('sys'):.2f} s)"
        )

        shipped = load_decks([ROOT / "decks"]).decks
        count = sum(len(d.cards) for d in shipped)
        out = tmp / "shipped.apkg"
        export_s = timed(lambda: export_apkg(shipped, out), args.runs)
        back = iter(range(1000))
        import_s = timed(lambda: import_anki_package(out, tmp / f"s{next(back)}"), args.runs)
        print(
            f"shipped decks ({count} cards): export {export_s * 1000:.0f} ms, "
            f"import back {import_s * 1000:.0f} ms"
        )


if __name__ == "__main__":
    main()

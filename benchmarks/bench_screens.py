"""How fast each screen is on big libraries, through the real widgets, against a bare repaint.

For each library built by ``make_library.py`` (1k cards / 10k answers, 10k / 100k, 100k / 1M,
10k / 1M; real decks with reading text, histories made by the real scheduler) a fresh process
on the offscreen Qt platform times, on its own copy of the data folder:

- **deck load through the app's cache**: ``load_decks`` with the data folder's deck cache,
  as every start does (the cache is warmed first);
- **main window built and painted**: ``build_main_window`` (load, open the store, sync, the
  library's numbers, the widgets), shown and painted, up to every library figure painted (a
  big library loads its decks and counts what it must right after its first paint:
  ``studyapp.gui.library_flow``; ``bench_startup.py`` times the first paint);
- **library refresh**: the library's numbers recomputed from the store and painted, with
  nothing changed since the last refresh (the window keeps each deck's figures for the day);
- **library refresh, one card answered**: the same right after one card of one deck was
  answered (a different deck each run): the refresh a student sees after studying;
- **progress view**: the progress screen computed and painted (nothing changed);
- **progress view, one card answered**: the same after answering one card;
- **"study all decks"**: a session over every deck started and its first card painted.

"Painted" is: the action, the events it posted (layouts) processed, then a synchronous
``repaint()`` of the whole window. The baseline, measured in the same process, is that last
part alone: a bare repaint of the same window with nothing recomputed. Prints min / median /
max of each and the median's ratio to the baseline, and the process's peak RSS.

Run: ``.venv/bin/python benchmarks/bench_screens.py [--library 100k ...] [--runs 7]``
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGETS_MS = {
    "library refresh": 50,
    "library refresh, one card answered": 50,
    "progress view": 150,
    "progress view, one card answered": 150,
    '"study all decks"': 100,
}


def _timed(action: Callable[[], object], runs: int) -> list[float]:
    """Wall-clock milliseconds of ``runs`` calls."""
    out = []
    for _ in range(runs):
        began = time.perf_counter()
        action()
        out.append((time.perf_counter() - began) * 1000)
    return out


def child(name: str, runs: int) -> None:
    """Measure one library in this process; prints one JSON line of samples."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    sys.path.insert(0, str(HERE))
    from make_library import library
    from PySide6.QtWidgets import QApplication

    from studyapp.decks.load import load_decks
    from studyapp.gui import app as gui_app
    from studyapp.gui.main_window import MainWindow
    from studyapp.review_types import Rating

    lib = library(name, quiet=True)
    qapp = QApplication(["bench"])
    with tempfile.TemporaryDirectory(prefix="studyapp-screens-") as tmp:
        data = lib.copy_data(Path(tmp))
        deck_paths = [lib.decks_dir]
        cache = data / gui_app.DECK_CACHE_NAME
        samples: dict[str, list[float]] = {}

        def painted(window: MainWindow, action: Callable[[], object]) -> Callable[[], None]:
            def run() -> None:
                action()
                qapp.processEvents()
                window.repaint()

            return run

        def build() -> MainWindow:
            window = gui_app.build_main_window(deck_paths, data)
            window.show()
            qapp.processEvents()
            window.repaint()
            while window.library_flow.counting:  # a big library loads its decks after the
                qapp.processEvents()  # first paint: timed until every figure is painted
            window.repaint()
            return window

        def close(window: MainWindow) -> None:
            window.store.close()
            window.deleteLater()
            qapp.processEvents()

        close(build())  # warms the deck cache and the disk cache
        samples["deck load through the app's cache"] = _timed(
            lambda: load_decks(deck_paths, cache), runs
        )
        builds = []
        for _ in range(runs):
            began = time.perf_counter()
            window = build()
            builds.append((time.perf_counter() - began) * 1000)
            close(window)
        samples["main window built and painted"] = builds

        window = build()
        samples["bare repaint (baseline)"] = _timed(painted(window, lambda: None), runs * 3)
        answered = iter(range(10**6))

        def answer_one() -> None:
            """Answer (Good) the first card of the next deck, as a study session would."""
            deck = window.decks[next(answered) % len(window.decks)]
            card_id = deck.cards[0].id
            state, entry = window.scheduler.review(
                card_id, window.store.card_state(card_id), Rating.GOOD, window.ctx.clock()
            )
            window.store.record_review(state, entry)

        def after_answering(action: Callable[[], object]) -> list[float]:
            out = []
            for _ in range(runs):
                answer_one()
                out.extend(_timed(painted(window, action), 1))
            return out

        samples["library refresh"] = _timed(painted(window, window.refresh_library), runs)
        samples["library refresh, one card answered"] = after_answering(window.refresh_library)
        samples["progress view"] = _timed(painted(window, window.show_progress), runs)
        samples["progress view, one card answered"] = after_answering(window.show_progress)
        window.show_library()

        study = []
        for _ in range(runs):
            began = time.perf_counter()
            window.study_all_due()
            qapp.processEvents()
            window.repaint()
            study.append((time.perf_counter() - began) * 1000)
            window.show_library()
        samples['"study all decks"'] = study
        close(window)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"samples": samples, "maxrss_kib": rss, "cards": lib.size.cards}))


def main() -> int:
    """Run each library in its own process and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--library", action="append", choices=["1k", "10k", "100k", "10k-1m"])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.runs)
        return 0
    sys.path.insert(0, str(HERE))
    from make_library import SIZES, library

    names = args.library or ["1k", "10k", "100k", "10k-1m"]
    failed = False
    for name in names:
        lib = library(name)  # built here, once, before anything is timed
        size = SIZES[name]
        result = subprocess.run(
            [sys.executable, __file__, "--child", name, "--runs", str(args.runs)],
            capture_output=True,
            text=True,
            check=False,
            env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        )
        if result.returncode != 0:
            print(result.stderr[-3000:])
            return 1
        report = json.loads(result.stdout.strip().splitlines()[-1])
        samples = report["samples"]
        base = statistics.median(samples["bare repaint (baseline)"])
        print(
            f"\n{size.cards:,} cards / {lib.reviews:,} answers ({name}), "
            f"{args.runs} runs, peak RSS {report['maxrss_kib'] / 1024:.0f} MiB"
        )
        for row, values in samples.items():
            median = statistics.median(values)
            target = TARGETS_MS.get(row)
            verdict = ""
            if target is not None and name in ("100k",):
                met = median < target
                failed |= not met
                verdict = f"  target < {target} ms: {'met' if met else 'NOT met'}"
            print(
                f"  {row:<36} min {min(values):8.1f}  median {median:8.1f}  "
                f"max {max(values):8.1f} ms  = {median / base:6.1f}x bare repaint{verdict}"
            )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())

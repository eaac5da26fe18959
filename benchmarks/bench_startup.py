"""How fast the app opens: process start to the main window painted, against a bare window.

Libraries (``--library``, repeatable; default all three): ``shipped``, the shipped decks with a
data folder built here (a review history of 10,000 entries written through ``Scheduler.review``
and ``Store.record_review``); ``10k`` and ``100k``, 10,000 cards with 100,000 answers and
100,000 cards with 1,000,000 answers, built by ``make_library.py`` (decks with reading text,
histories made by the real scheduler over simulated months; cached between runs). Each run gets
its own copy of the data folder. Then, alternating, starts fresh Python processes that either
(a) run the real ``studyapp gui`` command line on that folder (``studyapp.cli.main``: argument
parsing, ``run_app``, the theme, ``build_main_window``, the event loop) or (b) open a bare
PySide6 ``QMainWindow`` that does nothing, and time each from just before the process is spawned
to the end of the window's first paint pass (a zero timer queued at its first paint event fires
once the whole window is painted). The probe is an event filter on the top-level window alone,
the same in both. Prints min / median / max of both, the ratio of the medians (a)/(b) and each
child's peak RSS (``ru_maxrss``). A library whose figures are worked out after the first
paint (``studyapp.gui.library_flow``) shows "Counting…" at first, and a big one loads its
decks after the first paint: the stages also give when every figure was painted (no row says
"Counting…") and when the decks were loaded and synced; the peak RSS is taken after both.
Without ``--new-day`` the app starts as it does a second time in a study day (the warm-up run
saved the library's figures); with it, the saved figures are dropped before each run, as on the
first start of a study day. Targets:
ratio at most 2 for the shipped decks and the 10k library, at most 4 for the 100k library; peak
memory under 120 MiB (shipped) and 150 MiB (100k).

Run: ``.venv/bin/python benchmarks/bench_startup.py [--library 100k] [--runs 7] [--new-day]``
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

CHILD = r"""
import json, os, resource, sys, time
stages = [("start", time.time())]
os.environ["QT_QPA_PLATFORM"] = "offscreen"
mode, data, decks = sys.argv[1], sys.argv[2], sys.argv[3]


app_window = None  # the app's main window, once built


def painted():
    stages.append(("first paint done", time.time()))
    figures_shown()


def figures_shown():
    # The library may show "Counting…" at its first paint and its figures a moment later, and
    # a big library loads its decks after the first paint (studyapp.gui.library_flow): the
    # child notes when no row says "Counting…" any more and ends once the decks are loaded
    # too (its peak RSS includes them).
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    if app_window is not None:
        if any(row.pending for row in app_window.library.rows):
            QTimer.singleShot(0, figures_shown)
            return
        if not any(name == "every library figure painted" for name, _ in stages):
            app_window.repaint()
            stages.append(("every library figure painted", time.time()))
        if app_window.library_flow.counting:
            QTimer.singleShot(0, figures_shown)
            return
        stages.append(("decks loaded and synced (after the first paint for a big library)",
                       time.time()))
    usage = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    painted_at = next(t for name, t in stages if name == "first paint done")
    print(json.dumps({"painted": painted_at, "maxrss_kib": usage, "stages": stages}),
          flush=True)
    QApplication.instance().quit()


def paint_probe():
    # An event filter for the top-level window only: an application-wide Python filter would
    # make shiboken wrap every widget that gets any event, a cost neither program has without
    # the probe.
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                stages.append(("first paint starts", time.time()))
                QTimer.singleShot(0, painted)  # after the whole window's paint pass
                obj.removeEventFilter(self)
            return False

    return FirstPaint()


if mode == "app":
    import importlib.machinery

    def build_and_watch(real_build):
        def build(*args, **kwargs):
            stages.append(("command line parsed, PySide6 imported, theme applied", time.time()))
            global app_window
            app_window = real_build(*args, **kwargs)
            stages.append(("decks loaded, store opened, window built", time.time()))
            app_window.installEventFilter(spy)
            return app_window

        return build

    class WatchGuiApp:  # a meta path finder
        # Wraps build_main_window when the command imports studyapp.gui.app, so the command
        # runs exactly as it would (it imports what it needs in its own order).
        def find_spec(self, name, path, target=None):
            if name != "studyapp.gui.app":
                return None
            sys.meta_path.remove(self)
            spec = importlib.machinery.PathFinder.find_spec(name, path)
            real_exec = spec.loader.exec_module

            def exec_module(module):
                real_exec(module)
                global spy
                spy = paint_probe()
                module.build_main_window = build_and_watch(module.build_main_window)

            spec.loader.exec_module = exec_module
            return spec

    sys.meta_path.insert(0, WatchGuiApp())
    from studyapp.cli import main

    deck_options = ["--decks", decks] if decks else []
    main(["gui", *deck_options, "--data-dir", data])  # the real `studyapp gui`: run_app, exec
else:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(["bench"])
    stages.append(("PySide6 imported, QApplication", time.time()))
    spy = paint_probe()
    window = QMainWindow()
    window.resize(1120, 760)
    window.installEventFilter(spy)
    window.show()
    app.exec()
"""


def build_data(folder: Path, reviews: int) -> int:
    """Shipped decks + ``reviews`` review-log entries in a real store in ``folder``."""
    from studyapp import paths
    from studyapp.decks.load import load_decks
    from studyapp.gui import sample_history
    from studyapp.review_types import Rating
    from studyapp.store.database import Store
    from studyapp.study.scheduler import Scheduler

    decks = load_decks(paths.decks_dirs()).decks
    now = datetime.now(UTC)
    store = Store.open(paths.database_path(folder), backups=0)
    try:
        store.sync_decks(decks, now - timedelta(days=3000))
        scheduler = Scheduler(tz=UTC)
        rng = random.Random(1)
        start = now - timedelta(days=2900)
        # A forgetful student: many lapses keep cards coming back, so the log grows long.
        forgetful = (
            (Rating.AGAIN, 0.45),
            (Rating.HARD, 0.15),
            (Rating.GOOD, 0.35),
            (Rating.EASY, 0.05),
        )
        written = sample_history.write_history(
            store,
            scheduler,
            decks,
            start,
            now,
            rng,
            new_per_day=30,
            target_reviews=reviews,
            skip_day_chance=0.0,
            weights=forgetful,
        )
        store.set_setting("ui.welcome_dismissed", True)
        return written
    finally:
        store.close()


def forget_kept_figures(data: Path) -> None:
    """Drop the library figures an earlier start saved, as on the first start of a study day
    (they hold for one study day): the app then works every deck's figures out again."""
    from studyapp import paths
    from studyapp.study.progress import KEPT_FIGURES_KEY

    with sqlite3.connect(paths.database_path(data)) as conn:
        conn.execute("DELETE FROM settings WHERE key = ?", (KEPT_FIGURES_KEY,))
    conn.close()


def run_child(
    mode: str, data: Path, decks: Path | None = None, *, new_day: bool = False
) -> tuple[float, int, list[tuple[str, float]]]:
    """Seconds from spawn to first paint, the child's peak RSS in KiB, and its stages
    (name, seconds since spawn). ``new_day``: as the first start of a study day."""
    if new_day and mode == "app":
        forget_kept_figures(data)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", STUDYAPP_DATA_DIR=str(data))
    started = time.time()
    result = subprocess.run(
        [sys.executable, "-c", CHILD, mode, str(data), str(decks or "")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    line = next(x for x in result.stdout.splitlines() if x.startswith("{"))
    report = json.loads(line)
    stages = [(name, moment - started) for name, moment in report["stages"]]
    return report["painted"] - started, int(report["maxrss_kib"]), stages


TARGETS = {"shipped": (2.0, 120), "10k": (2.0, None), "100k": (4.0, 150)}


def measure(name: str, data: Path, decks: Path | None, runs: int, new_day: bool = False) -> bool:
    """Time both kinds of start-up on one library, print the figures; True if on target."""
    run_child("bare", data)  # warm the disk cache for both (and the app's deck cache)
    run_child("app", data, decks)
    times: dict[str, list[float]] = {"app": [], "bare": []}
    rss: dict[str, list[int]] = {"app": [], "bare": []}
    stages: dict[str, list[float]] = {}
    for _ in range(runs):
        for mode in ("bare", "app"):
            seconds, kib, marks = run_child(
                mode, data, decks if mode == "app" else None, new_day=new_day
            )
            times[mode].append(seconds)
            rss[mode].append(kib)
            if mode == "app":
                for stage, at in marks:
                    stages.setdefault(stage, []).append(at)
    app_s, bare_s = statistics.median(times["app"]), statistics.median(times["bare"])
    app_mib, bare_mib = max(rss["app"]) / 1024, max(rss["bare"]) / 1024

    def spread(values: list[float]) -> str:
        ms = sorted(v * 1000 for v in values)
        return f"min {ms[0]:5.0f}  median {statistics.median(ms):5.0f}  max {ms[-1]:5.0f} ms"

    ratio_target, memory_target = TARGETS[name]
    print(f"-- {name} library, {runs} runs each{', first start of a study day' if new_day else ''}")
    print(f"bare PySide6 window : {spread(times['bare'])}, peak RSS {bare_mib:.0f} MiB")
    print(f"studyapp main window: {spread(times['app'])}, peak RSS {app_mib:.0f} MiB")
    print("studyapp stages (median ms since spawn):")
    for stage, values in stages.items():
        print(f"  {statistics.median(values) * 1000:6.0f}  {stage}")
    ok = app_s / bare_s <= ratio_target
    print(f"ratio app/bare      : {app_s / bare_s:.2f}  (target <= {ratio_target})")
    if memory_target is not None:
        print(f"peak memory         : {app_mib:.0f} MiB  (target <= {memory_target} MiB)")
        ok = ok and app_mib <= memory_target
    return ok


def main() -> int:
    """Build or find the libraries, time both kinds of start-up on each, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--reviews", type=int, default=10_000, help="for the shipped decks")
    parser.add_argument("--library", action="append", choices=sorted(TARGETS))
    parser.add_argument(
        "--new-day",
        action="store_true",
        help="start as on the first start of a study day (no library figures kept from earlier)",
    )
    args = parser.parse_args()
    # An installed app has its bytecode (pip compiles wheels on install, dev.sh compiles the
    # checkout), as PySide6 has in site-packages; compile ours so both sides start alike, even
    # where PYTHONDONTWRITEBYTECODE keeps Python from caching it on first import.
    compiled = compileall.compile_dir(
        str(Path(__file__).resolve().parents[1] / "studyapp"), quiet=1, force=False
    )
    print(f"studyapp bytecode: {'ready' if compiled else 'could not be compiled'}")
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from make_library import library

    ok = True
    for name in args.library or ["shipped", "10k", "100k"]:
        with tempfile.TemporaryDirectory(prefix="studyapp-bench-") as tmp:
            if name == "shipped":
                data, decks = Path(tmp), None
                began = time.perf_counter()
                written = build_data(data, args.reviews)
                print(
                    f"data folder: {written} reviews written in {time.perf_counter() - began:.1f} s"
                )
            else:
                lib = library(name)
                data, decks = lib.copy_data(Path(tmp)), lib.decks_dir
                print(f"library: {lib.size.cards:,} cards, {lib.reviews:,} answers")
            ok = measure(name, data, decks, args.runs, args.new_day) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())

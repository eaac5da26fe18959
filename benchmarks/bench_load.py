"""How fast decks load: parsing with validation against a bare ``yaml.load``, and the cached
load every start does against a bare ``json.loads`` of the same decks.

Writes 20 decks of 500 mixed cards (10,000 cards, made and written by ``make_library.py``, as
the generator writes them) to a temporary folder (or, with
``--library 100k``, uses the deck folder of that ``make_library.py`` library), then times, in
the same run, (a) ``studyapp.decks.load.load_decks`` on the folder (read + compose + validate +
build the model) and (b) reading the same files and ``yaml.load(text, Loader=CSafeLoader)``;
then (c) ``load_decks`` answered by its cache, as the app opens (the cache written by a first
load), and (d) reading a JSON file of every deck's ``to_dict()`` and ``json.loads`` of it: the
least any cache holding the decks as JSON costs. The loader pauses the cyclic garbage
collector while it builds a deck (it makes many objects and no cycles), so both baselines run
with it paused too. Prints min / median / max and the ratios (a)/(b) and (c)/(d). Targets: (a)
under 0.5 s and (a)/(b) at most 1.5 (10,000 cards); (c) a few milliseconds per 1,000 cards.

Run: ``.venv/bin/python benchmarks/bench_load.py [--runs 7] [--library 100k]``
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from studyapp.collector import collector_paused
from studyapp.decks.load import load_decks

DECKS = 20
CARDS_PER_DECK = 500
SECTIONS_PER_DECK = 25


def timed(action: Callable[[], object], runs: int) -> list[float]:
    """Wall seconds of ``runs`` calls."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


def spread(values: list[float]) -> str:
    """min / median / max in ms."""
    ms = sorted(v * 1000 for v in values)
    return f"min {ms[0]:8.1f}  median {statistics.median(ms):8.1f}  max {ms[-1]:8.1f} ms"


def main() -> None:
    """Write (or find) the decks, time the loaders and their baselines, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs per loader")
    parser.add_argument("--library", choices=["1k", "10k", "100k", "10k-1m"])
    args = parser.parse_args()
    rng = random.Random(20240501)
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from make_library import dump_deck, library, make_deck

        if args.library:
            root = library(args.library).decks_dir
        else:  # the same decks as the libraries, smaller: 20 decks of 500 cards
            root = scratch / "decks"
            root.mkdir()
            for number in range(DECKS):
                deck = make_deck(rng, number, CARDS_PER_DECK, SECTIONS_PER_DECK, prefix="bench")
                (root / f"bench-{number:02d}.yaml").write_text(dump_deck(deck), encoding="utf-8")
        files = sorted(root.glob("*.yaml"))
        size_mb = sum(f.stat().st_size for f in files) / 1e6

        result = load_decks([root])
        cards = sum(len(d.cards) for d in result.decks)
        if result.errors:
            raise SystemExit(f"benchmark decks did not load: {result.errors[:3]}")

        def bare_yaml() -> None:
            for file in files:
                text = file.read_text(encoding="utf-8")
                with collector_paused():
                    yaml.load(text, Loader=yaml.CSafeLoader)

        cache = scratch / "deck-cache.json"
        load_decks([root], cache)  # writes the cache, as the app's first start does
        as_json = scratch / "decks.json"
        as_json.write_text(
            json.dumps({deck.id: deck.to_dict() for deck in result.decks}), encoding="utf-8"
        )

        def bare_json() -> None:
            text = as_json.read_text(encoding="utf-8")
            with collector_paused():
                json.loads(text)

        parsed = timed(lambda: load_decks([root]), args.runs)
        plain = timed(bare_yaml, args.runs)
        cached = timed(lambda: load_decks([root], cache), args.runs)
        plain_json = timed(bare_json, args.runs)
    print(f"{len(files)} files, {cards:,} cards, {size_mb:.1f} MB, {args.runs} runs each")
    print(f"(a) load_decks, parsing and validating  {spread(parsed)}")
    print(f"(b) read + yaml.load(CSafeLoader)       {spread(plain)}")
    print(f"(c) load_decks from its cache           {spread(cached)}")
    print(f"(d) read + json.loads of all the decks  {spread(plain_json)}")
    median = statistics.median
    print(f"(a)/(b) = {median(parsed) / median(plain):.2f}  (target <= 1.5)")
    print(f"(c)/(d) = {median(cached) / median(plain_json):.2f}")
    print(f"warnings in the benchmark decks: {len(result.warnings)}")


if __name__ == "__main__":
    main()

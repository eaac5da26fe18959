"""Time to turn the shipped source into its decks: parse + generate + YAML text.

Prints the median of N runs (target: under 100 ms) and ratios against two baselines measured
in the same run: reading and splitting the file into sentences, and a bare ``yaml.dump`` of the
same decks. Run: ``.venv/bin/python benchmarks/bench_generate.py [N]``.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import yaml

from studyapp.cards.generate import deck_yaml, generate_decks
from studyapp.outline.parse import parse_outline, read_source
from studyapp.outline.sentences import split_sentences

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "assets" / "sources" / "ketamine-therapeutic-uses.txt"
LABEL = "assets/sources/ketamine-therapeutic-uses.txt"


def full_pipeline() -> int:
    """Read, parse, generate and serialise; returns the number of cards."""
    outline = parse_outline(read_source(SOURCE))
    decks = generate_decks(outline, prefix="ketamine", source_file=LABEL, notice="n")
    for deck in decks:
        deck_yaml(deck, LABEL, "studyapp generate")
    return sum(len(d.cards) for d in decks)


def read_and_split() -> int:
    """Baseline 1: read the file and split it into sentences."""
    return sum(len(split_sentences(line)) for line in read_source(SOURCE).splitlines())


def make_dumper():
    """Baseline 2: a bare ``yaml.dump`` of the decks (generated once, outside the timing)."""
    decks = generate_decks(parse_outline(read_source(SOURCE)), prefix="ketamine")
    dicts = [d.to_dict() for d in decks]

    def dump() -> int:
        return sum(len(yaml.dump(d, sort_keys=False, allow_unicode=True, width=100)) for d in dicts)

    return dump


def median_ms(func, runs: int) -> float:
    """Median wall time of ``func`` over ``runs`` runs, in milliseconds (one warm-up run)."""
    func()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    cards = full_pipeline()
    pipeline = median_ms(full_pipeline, runs)
    split = median_ms(read_and_split, runs)
    dump = median_ms(make_dumper(), runs)
    print(f"source: {SOURCE.name} ({SOURCE.stat().st_size} bytes), {cards} cards, {runs} runs")
    print(f"parse + generate + YAML text: median {pipeline:.1f} ms (target < 100 ms)")
    print(f"baseline read + sentence split: median {split:.2f} ms -> ratio {pipeline / split:.0f}x")
    print(f"baseline bare yaml.dump of the decks: median {dump:.1f} ms", end=" ")
    print(f"-> ratio {pipeline / dump:.2f}x")


if __name__ == "__main__":
    main()

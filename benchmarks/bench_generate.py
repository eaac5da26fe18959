"""Time to turn outlines into decks: parse + generate + YAML text, against same-run baselines.

Two cases:

* the shipped source (17 KB): median of N runs (target: under 100 ms), with ratios against
  reading and splitting the file into sentences and against a bare ``yaml.dump`` of the decks;
* large outlines made of the corpus of real texts (``tests/corpus`` and ``benchmarks/corpus``:
  varied subjects and formats, each text once, in file-name order, cut to the size asked),
  at 0.3 MB and 1 MB by default: time against a bare ``yaml.dump`` of the same decks (target:
  at most 3x at 1 MB). Generation must grow linearly: the ratio must not grow with the size.

Times are CPU times (see :func:`median_ms`); each large case runs in a fresh process, as
``studyapp generate`` does, so that no run reuses what an earlier one learnt of the words.

Run: ``.venv/bin/python benchmarks/bench_generate.py [--runs N] [--sizes 0.3,1.0]``;
``--profile 1.0`` instead profiles one cold run of the 1 MB outline (no timing).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from studyapp.cards.deck_files import deck_yaml
from studyapp.cards.generate import generate_decks
from studyapp.cards.lexicon import settle_tables
from studyapp.model import Deck
from studyapp.outline.parse import parse_outline, read_source
from studyapp.outline.sentences import split_sentences

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "assets" / "sources" / "ketamine-therapeutic-uses.txt"
LABEL = "assets/sources/ketamine-therapeutic-uses.txt"
CORPUS_FOLDERS = (ROOT / "tests" / "corpus", ROOT / "benchmarks" / "corpus")
CORPUS_SUFFIXES = (".md", ".rst", ".txt")
MB = 1_000_000


def corpus_texts() -> list[tuple[str, str]]:
    """``(file name, text)`` of every corpus text (READMEs and licences left out)."""
    out: list[tuple[str, str]] = []
    for folder in CORPUS_FOLDERS:
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if path.suffix in CORPUS_SUFFIXES and path.is_file() and path.stem != "README":
                out.append((path.name, path.read_text(encoding="utf-8")))
    return out


def large_outline(texts: list[tuple[str, str]], size: int) -> str | None:
    """The corpus texts one after another, cut at a line once ``size`` bytes are reached;
    ``None`` when the whole corpus is smaller (no text is ever repeated)."""
    parts: list[str] = []
    total = 0
    for _name, text in texts:
        for line in text.splitlines():
            parts.append(line)
            total += len(line.encode("utf-8")) + 1
            if total >= size:
                return "\n".join(parts)
        parts.extend(["", ""])
    return None


def pipeline(text: str, prefix: str) -> Callable[[], list[Deck]]:
    """Parse, generate and write the YAML text of every deck (as ``studyapp generate`` does,
    without the disk)."""

    def run() -> list[Deck]:
        settle_tables()  # as the command does (a no-op past the first run but the freeze)
        decks = generate_decks(parse_outline(text), prefix=prefix, source_file=LABEL)
        for deck in decks:
            deck_yaml(deck, LABEL, "studyapp generate")
        return decks

    return run


def bare_dump(decks: list[Deck]) -> Callable[[], int]:
    """Baseline: a bare ``yaml.dump`` of the decks (made once, outside the timing)."""
    dicts = [d.to_dict() for d in decks]

    def dump() -> int:
        return sum(len(yaml.dump(d, sort_keys=False, allow_unicode=True, width=100)) for d in dicts)

    return dump


def read_and_split() -> int:
    """Baseline: read the shipped source and split it into sentences."""
    return sum(len(split_sentences(line)) for line in read_source(SOURCE).splitlines())


def median_ms(func: Callable[[], object], runs: int) -> float:
    """Median CPU time of ``func`` over ``runs`` runs, in milliseconds (one warm-up run).

    CPU time of this process, not wall time: on a machine shared with other work, wall time
    swings with their load and the ratios with it; the work done here does not."""
    func()
    times = []
    for _ in range(runs):
        start = time.process_time()
        func()
        times.append((time.process_time() - start) * 1000)
    return statistics.median(times)


def shipped_source(runs: int) -> None:
    """The small case: the shipped source."""
    run = pipeline(read_source(SOURCE), "ketamine")
    decks = run()
    cards = sum(len(d.cards) for d in decks)
    total = median_ms(run, runs)
    split = median_ms(read_and_split, runs)
    dump = median_ms(bare_dump(decks), runs)
    print(f"source: {SOURCE.name} ({SOURCE.stat().st_size} bytes), {cards} cards, {runs} runs")
    print(f"parse + generate + YAML text: median {total:.1f} ms (target < 100 ms)")
    print(f"baseline read + sentence split: median {split:.2f} ms -> ratio {total / split:.0f}x")
    print(f"baseline bare yaml.dump of the decks: median {dump:.1f} ms -> {total / dump:.2f}x")


def large_outlines(sizes: list[float], runs: int) -> None:
    """The large cases: outlines of ``sizes`` MB made of the corpus, each run in a fresh
    process (:func:`cold_run`), as ``studyapp generate`` runs: the generator keeps what it
    learnt of words and sentences for the rest of a process, so a second run in the same
    process (or the 1 MB outline after the 0.3 MB one, which it starts with) would be timed
    partly warm."""
    texts = corpus_texts()
    available = sum(len(text.encode("utf-8")) for _n, text in texts)
    print(f"\ncorpus: {len(texts)} texts, {available / MB:.2f} MB in all, {runs} run(s) each")
    for size in sizes:
        if large_outline(texts, int(size * MB)) is None:
            print(f"{size:.2f} MB: the corpus is smaller ({available / MB:.2f} MB), skipped")
            continue
        results = [_child(size) for _ in range(runs)]
        total = statistics.median(r["total_ms"] for r in results)
        dump = statistics.median(r["dump_ms"] for r in results)
        first = results[0]
        print(
            f"{first['bytes'] / MB:.2f} MB outline: {first['decks']} decks, {first['cards']} "
            f"cards; parse + generate + YAML text {total / 1000:.2f} s (fresh process, median "
            f"of {runs}); bare yaml.dump {dump / 1000:.2f} s -> ratio {total / dump:.2f}x "
            "(target <= 3x at 1 MB)"
        )


def _child(size: float) -> dict[str, float]:
    """One cold run of the ``size`` MB case in a fresh Python process (see :func:`cold_run`)."""
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--cold", str(size)],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def cold_run(size: float) -> dict[str, float]:
    """Parse, generate and write the YAML of the ``size`` MB outline once in this (fresh)
    process, then time a bare ``yaml.dump`` of the same decks (median of 3): CPU times."""
    text = large_outline(corpus_texts(), int(size * MB)) or ""
    run = pipeline(text, "corpus")
    start = time.process_time()
    decks = run()
    total = (time.process_time() - start) * 1000
    dump = median_ms(bare_dump(decks), 3)
    return {
        "total_ms": total,
        "dump_ms": dump,
        "decks": len(decks),
        "cards": sum(len(d.cards) for d in decks),
        "bytes": len(text.encode("utf-8")),
    }


def profile(size: float, top: int = 30) -> None:
    """Where the time of one cold run of the ``size`` MB outline goes: the functions of most
    time, with and without what they call (cProfile, in this fresh process; the profiler
    slows calls down unevenly, so it says where to look, and the timings above say how fast)."""
    text = large_outline(corpus_texts(), int(size * MB))
    if text is None:
        print(f"{size:.2f} MB: the corpus is smaller, nothing to profile")
        return
    run = pipeline(text, "corpus")
    profiler = cProfile.Profile()
    profiler.runcall(run)
    stats = pstats.Stats(profiler).strip_dirs()
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description="Time `studyapp generate` (without the disk) on the shipped source and on "
        "large outlines made of the corpus of real texts, against a bare yaml.dump of the "
        "same decks measured in the same run."
    )
    parser.add_argument("--runs", type=int, default=20, help="runs of the small case (median)")
    parser.add_argument(
        "--large-runs",
        type=int,
        default=3,
        help="runs of each large case, each in a fresh process (median; default 3)",
    )
    parser.add_argument("--cold", type=float, help=argparse.SUPPRESS)  # one run, as a child
    parser.add_argument(
        "--sizes",
        default="0.3,1.0",
        help="sizes of the large outlines in MB, comma-separated (default: 0.3,1.0; '' skips)",
    )
    parser.add_argument(
        "--profile",
        type=float,
        metavar="MB",
        help="profile one cold run of the outline of this size instead of timing (e.g. 1.0)",
    )
    args = parser.parse_args(argv)
    if args.profile is not None:
        profile(args.profile)
        return
    if args.cold is not None:
        print(json.dumps(cold_run(args.cold)))
        return
    shipped_source(args.runs)
    sizes = [float(part) for part in args.sizes.split(",") if part.strip()]
    if sizes:
        large_outlines(sizes, max(1, args.large_runs))


if __name__ == "__main__":
    main()

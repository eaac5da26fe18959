"""How fast decks load: ``load_decks`` with validation against a bare ``yaml.load``.

Writes 20 decks of 500 mixed cards (10,000 cards, as ``yaml.dump`` of ``Deck.to_dict()`` with
bodies in literal block style, as the generator writes them) to a temporary folder, then times,
in the same run, (a) ``studyapp.decks.load.load_decks`` on the folder (read + compose + validate +
build the model) and (b) reading the same files and ``yaml.load(text, Loader=CSafeLoader)``.
Prints the medians and the ratio (a)/(b). Targets: (a) under 0.5 s and (a)/(b) at most 1.5.

Run: ``.venv/bin/python benchmarks/bench_load.py [--runs 7]``
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from studyapp.decks.load import load_decks
from studyapp.model import MEDICAL_NOTICE, Card, CardType, Deck, Section, SourceInfo

DECKS = 20
CARDS_PER_DECK = 500
SECTIONS_PER_DECK = 25

WORDS = [
    "ketamine",
    "dose",
    "receptor",
    "NMDA",
    "antagonist",
    "analgesia",
    "dissociation",
    "infusion",
    "clearance",
    "hepatic",
    "renal",
    "patient",
    "clinical",
    "effect",
    "anaesthesia",
    "depression",
    "rapid",
    "onset",
    "glutamate",
    "esketamine",
    "intranasal",
    "emergence",
    "delirium",
    "tolerance",
    "opioid",
    "sparing",
    "perioperative",
    "chronic",
    "pain",
    "trial",
    "placebo",
    "response",
    "remission",
    "suicidal",
    "ideation",
    "monitoring",
    "blood",
    "pressure",
    "heart",
    "rate",
]


class _DeckDumper(yaml.SafeDumper):
    """Writes multi-line strings in literal block style, as the deck generator does."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_DeckDumper.add_representer(str, _represent_str)


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def make_deck(rng: random.Random, number: int) -> Deck:
    """One realistic deck: sections with bodies and 500 cards of all five types."""
    deck_id = f"bench-{number:02d}"
    sections = tuple(
        Section(
            id=f"{number}.{s}",
            number=f"{number}.{s}",
            title=_sentence(rng, 4)[:-1],
            level=2,
            body="\n\n".join(_sentence(rng, rng.randint(30, 60)) for _ in range(3)) + "\n",
        )
        for s in range(1, SECTIONS_PER_DECK + 1)
    )
    types = list(CardType)
    cards = []
    for c in range(CARDS_PER_DECK):
        card_type = types[c % len(types)]
        fields: dict = {
            "id": f"{deck_id}-{c:04d}",
            "type": card_type,
            "section": sections[c % len(sections)].id,
            "source": _sentence(rng, 18),
            "tags": ("bench", card_type.value),
        }
        if card_type is CardType.CLOZE:
            fields["text"] = (
                f"{_sentence(rng, 6)} {{{{c1::{_sentence(rng, 2)}}}}} {_sentence(rng, 5)}"
            )
        else:
            fields["question"] = f"Question {c}: {_sentence(rng, 10)[:-1]}?"
        if card_type in (CardType.BASIC, CardType.CHOICE, CardType.TYPED):
            fields["answer"] = _sentence(rng, 6)
        if card_type is CardType.LIST:
            fields["items"] = tuple(_sentence(rng, 3) for _ in range(4))
            fields["ordered"] = c % 2 == 0
        if card_type is CardType.CHOICE:
            fields["distractors"] = tuple(f"Option {k}: {_sentence(rng, 5)}" for k in range(3))
        if card_type is CardType.TYPED:
            fields["accept"] = (f"variant {c}",)
        cards.append(Card(**fields))
    return Deck(
        id=deck_id,
        title=f"Bench deck {number}",
        sections=sections,
        cards=tuple(cards),
        source=SourceInfo("Benchmark source", "assets/sources/bench.txt", str(number)),
        notice=MEDICAL_NOTICE,
    )


def dump_deck(deck: Deck) -> str:
    """The deck's YAML text, as the generator writes it."""
    header = "# yaml-language-server: $schema=../docs/deck.schema.json\n"
    body = yaml.dump(
        deck.to_dict(), Dumper=_DeckDumper, sort_keys=False, allow_unicode=True, width=100
    )
    return header + body


def median_seconds(action: Callable[[], object], runs: int) -> float:
    """The median wall time of ``runs`` calls."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    """Write the decks, time both loaders, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs per loader (median)")
    args = parser.parse_args()
    rng = random.Random(20240501)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for number in range(DECKS):
            (root / f"bench-{number:02d}.yaml").write_text(
                dump_deck(make_deck(rng, number)), encoding="utf-8"
            )
        files = sorted(root.glob("*.yaml"))
        size_mb = sum(f.stat().st_size for f in files) / 1e6

        result = load_decks([root])
        cards = sum(len(d.cards) for d in result.decks)
        if result.errors or cards != DECKS * CARDS_PER_DECK:
            raise SystemExit(f"benchmark decks did not load: {result.errors[:3]}")

        def bare() -> None:
            for file in files:
                yaml.load(file.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)

        ours = median_seconds(lambda: load_decks([root]), args.runs)
        plain = median_seconds(bare, args.runs)
    print(f"{len(files)} files, {cards} cards, {size_mb:.1f} MB, median of {args.runs} runs")
    print(f"(a) load_decks with validation:     {ours:.3f} s  (target < 0.5 s)")
    print(f"(b) read + yaml.load(CSafeLoader):   {plain:.3f} s")
    print(f"(a)/(b) = {ours / plain:.2f}  (target <= 1.5)")
    print(f"warnings in the benchmark decks: {len(result.warnings)}")


if __name__ == "__main__":
    main()

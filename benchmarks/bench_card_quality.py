"""Card quality figures per text: what the generator makes from the corpus and the seed.

For each text (the shipped seed, then ``tests/corpus/``, ``benchmarks/corpus/`` and
``benchmarks/heldout/``; the texts the corpus READMEs list as ``held-out:`` come last, in a
table of their own, because the generator was never tuned on them) it prints:

* cards by type (basic, typed, choice, list, cloze) and in all;
* how many drafts the quality gate dropped, and for which rule;
* the share of sections with study text (15 words or more) that have cards;
* the share of cards that are clozes (the target is at most 50 % per deck: the worst deck is
  shown too).

With ``--sample N`` it prints instead a fixed random sample of N cards per text
(``random.Random(SEED)`` over the cards in file order, decks sorted by id) as a rater reads
them: deck, section, what the student sees, and the answer; nothing says how a card was made.

Run: ``.venv/bin/python benchmarks/bench_card_quality.py [--sample N --seed 42] [TEXT...]``.
Without the corpus folders it falls back to the outline fixtures of the tests.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from studyapp.cards.deck_names import default_prefix
from studyapp.cards.generate import generate_decks
from studyapp.model import Card, CardType, Deck
from studyapp.outline.parse import parse_file

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "assets" / "sources" / "ketamine-therapeutic-uses.txt"
CORPUS_DIRS = (
    ROOT / "tests" / "corpus",
    ROOT / "benchmarks" / "corpus",
    ROOT / "benchmarks" / "heldout",
)
FIXTURES = ROOT / "tests" / "fixtures" / "outlines"
SUFFIXES = {".txt", ".md", ".rst", ".markdown", ".adoc"}  # .adoc: a held-out AsciiDoc chapter
TYPES = (CardType.BASIC, CardType.TYPED, CardType.CHOICE, CardType.LIST, CardType.CLOZE)
_CLOZE = re.compile(r"\{\{c\d+::(.*?)(?:::[^}]*)?\}\}")
_WORD = re.compile(r"[A-Za-z0-9]+")
STUDY_WORDS = 15  # a section with this many words of its own text is study text


@dataclass
class TextResult:
    """The decks made from one text and what the quality gate dropped on the way."""

    path: Path
    decks: list[Deck]
    dropped: Counter[str]
    error: str = ""


def held_out_names() -> set[str]:
    """File names the corpus READMEs list under ``held-out:`` (never tuned on)."""
    names: set[str] = set()
    for folder in CORPUS_DIRS:
        readme = folder / "README.md"
        if not readme.is_file():
            continue
        listing = False
        for line in readme.read_text(encoding="utf-8").splitlines():
            stripped = line.strip()
            if re.match(r"^[#*\s]*held-out\s*:", stripped, re.I):
                listing = True
                rest = stripped.split(":", 1)[1]
                names.update(n.strip(" `*,") for n in re.split(r"[,\s]+", rest) if n.strip(" `*,"))
                continue
            if listing:
                item = re.match(r"^[-*]\s+`?([^`\s]+)`?", stripped)
                if item:
                    names.add(Path(item.group(1)).name)
                elif stripped:
                    listing = False
    return names


def default_texts() -> list[Path]:
    """The seed, then every corpus text (or the outline fixtures when there is no corpus)."""
    found = sorted(
        p
        for folder in CORPUS_DIRS
        if folder.is_dir()
        for p in folder.iterdir()  # top-level files: LICENSES/ holds no corpus text
        if p.is_file() and p.suffix.lower() in SUFFIXES and p.name.lower() != "readme.md"
    )
    if not found:
        found = sorted(p for p in FIXTURES.iterdir() if p.suffix.lower() in SUFFIXES)
    return [SEED, *found]


def run(path: Path) -> TextResult:
    """Generate the decks of one text the way ``studyapp generate`` does."""
    dropped: Counter[str] = Counter()
    try:
        outline = parse_file(path)
        decks = generate_decks(
            outline, prefix=default_prefix(path, outline), source_file=path.name, gate_log=dropped
        )
    except Exception as error:  # a benchmark reports a failing text and goes on
        return TextResult(path, [], dropped, f"{type(error).__name__}: {error}")
    return TextResult(path, sorted(decks, key=lambda d: d.id), dropped)


def coverage(decks: list[Deck]) -> tuple[int, int]:
    """``(sections with study text that have cards, sections with study text)``."""
    studied = covered = 0
    for deck in decks:
        with_cards = {c.section for c in deck.cards}
        for section in deck.sections:
            if len(_WORD.findall(section.body)) >= STUDY_WORDS:
                studied += 1
                covered += section.id in with_cards
    return covered, studied


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "-"


def table(results: list[TextResult]) -> list[str]:
    """One row per text: cards by type, gate drops, coverage, clozes."""
    head = (
        f"{'text':34} {'cards':>5} {'basic':>5} {'typed':>5} {'choice':>6} {'list':>4} "
        f"{'cloze':>5} {'cloze%':>6} {'worst':>5} {'covered':>8} {'dropped':>7}  by rule"
    )
    lines = [head]
    for result in results:
        name = result.path.name[:34]
        if result.error:
            lines.append(f"{name:34} failed: {result.error[:80]}")
            continue
        cards = [c for d in result.decks for c in d.cards]
        by_type = Counter(c.type for c in cards)
        worst = max(
            (
                sum(c.type is CardType.CLOZE for c in d.cards) / len(d.cards)
                for d in result.decks
                if d.cards
            ),
            default=0.0,
        )
        covered, studied = coverage(result.decks)
        rules = ", ".join(f"{rule} {n}" for rule, n in sorted(result.dropped.items()))
        lines.append(
            f"{name:34} {len(cards):5} {by_type[CardType.BASIC]:5} {by_type[CardType.TYPED]:5} "
            f"{by_type[CardType.CHOICE]:6} {by_type[CardType.LIST]:4} "
            f"{by_type[CardType.CLOZE]:5} {percent(by_type[CardType.CLOZE], len(cards)):>6} "
            f"{100 * worst:4.0f}% {percent(covered, studied):>8} "
            f"{sum(result.dropped.values()):7}  {rules}"
        )
    return lines


def shown(card: Card) -> tuple[str, str]:
    """``(what the student sees, the answer)`` of a card, as plain text."""
    if card.type is CardType.CLOZE:
        front = _CLOZE.sub("[...]", card.text)
        return front, "; ".join(_CLOZE.findall(card.text))
    if card.type is CardType.LIST:
        return card.question, "; ".join(card.items)
    if card.type is CardType.CHOICE:
        options = sorted([card.answer, *card.distractors], key=str.casefold)
        letters = "abcdefgh"
        listed = "\n".join(f"     ({letters[i]}) {o}" for i, o in enumerate(options))
        return f"{card.question}\n{listed}", card.answer
    return card.question, card.answer


def sample(result: TextResult, count: int, seed: int) -> list[str]:
    """A fixed random sample of ``count`` cards of one text, as a rater reads them."""
    cards = [(deck, card) for deck in result.decks for card in deck.cards]
    rng = random.Random(seed)
    picked = sorted(rng.sample(range(len(cards)), min(count, len(cards))))
    lines = [f"## {result.path.name} ({len(picked)} of {len(cards)} cards)", ""]
    for number, index in enumerate(picked, start=1):
        deck, card = cards[index]
        titles = {s.id: s.title for s in deck.sections}
        front, answer = shown(card)
        lines += [
            f"{number}. deck: {deck.title}",
            f"   section: {titles.get(card.section, '')}",
            f"   card: {front}",
            f"   answer: {answer}",
            "",
        ]
    return lines


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("texts", nargs="*", type=Path, help="texts (default: seed and corpus)")
    parser.add_argument("--sample", type=int, default=0, help="print N sampled cards per text")
    parser.add_argument("--seed", type=int, default=42, help="seed of the sample")
    args = parser.parse_args(argv)
    texts = args.texts or default_texts()
    held = held_out_names()
    results = [run(p) for p in texts]
    tuned = [r for r in results if r.path.name not in held]
    kept_out = [r for r in results if r.path.name in held]
    if args.sample:
        for result in tuned + kept_out:
            print("\n".join(sample(result, args.sample, args.seed)))
        return 0
    print("Texts tuned on (seed and corpus):")
    print("\n".join(table(tuned)))
    if kept_out:
        print("\nHeld-out texts (never tuned on):")
        print("\n".join(table(kept_out)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

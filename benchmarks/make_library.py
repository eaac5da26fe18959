"""Big study libraries with real histories, for the benchmarks: built once, then reused.

A library is (a) a folder of deck YAML files, written as the generator writes them: several
decks, each with reading sections (titles and paragraphs of text) and cards of all five types
pointing into them, and (b) a data folder whose progress database holds a review history made
by the real scheduler: simulated months of evening study (the due cards, then the day's new
ones, learning steps repeated within the evening), each answer given by
``Scheduler.review`` and written by ``Store.record_review``, exactly as a study session does.
Nothing is bulk-inserted, so the log, the card states and the change counter are what a
student who studied that long would have.

Built libraries are kept in the system's temporary folder (``studyapp-benchmarks/``) and
reused while they are less than a week old (the history ends at the time of building, so an
old one would be all overdue). ``copy_data`` gives each benchmark run its own copy of the
data folder, so runs never change the cached one.

Run on its own to build (or show) the libraries the benchmarks use::

    .venv/bin/python benchmarks/make_library.py [--size 100k] [--rebuild]
"""

from __future__ import annotations

import argparse
import heapq
import json
import math
import random
import shutil
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import yaml

from studyapp.model import Card, CardType, Deck, Section, SourceInfo
from studyapp.review_types import CardState, Rating

# A deck notice, as a source may give one (decks here are made up for timing).
NOTICE = "Generated for benchmarks: made-up study text, not advice of any kind."

LIBRARY_FORMAT = 1  # bump when the shape of a library changes: cached ones are rebuilt
MAX_AGE = timedelta(days=7)
ROOT = Path(tempfile.gettempdir()) / "studyapp-benchmarks"

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
    "cortex",
    "synapse",
    "plasticity",
    "neuron",
    "dendrite",
    "cardiac",
    "output",
    "vascular",
    "resistance",
    "sodium",
    "potassium",
    "channel",
    "membrane",
    "potential",
    "kidney",
    "nephron",
    "filtration",
    "glomerulus",
    "tubule",
    "insulin",
    "glucose",
    "liver",
    "pancreas",
    "antibody",
    "antigen",
    "lymphocyte",
    "macrophage",
    "cytokine",
    "inflammation",
]

# Card types as a medical student's decks hold them: mostly question/answer and cloze.
TYPE_MIX = (
    (CardType.BASIC, 0.45),
    (CardType.CLOZE, 0.35),
    (CardType.LIST, 0.08),
    (CardType.CHOICE, 0.07),
    (CardType.TYPED, 0.05),
)
# A steady student: mostly Good, some lapses (Anki's reported averages are about 10 % Again).
RATINGS = ((Rating.AGAIN, 0.12), (Rating.HARD, 0.10), (Rating.GOOD, 0.68), (Rating.EASY, 0.10))


@dataclass(frozen=True)
class Size:
    """One library shape: how many cards in how many decks, and how many logged answers."""

    name: str
    cards: int
    reviews: int
    decks: int
    sections_per_deck: int

    @property
    def cards_per_deck(self) -> int:
        return self.cards // self.decks


SIZES = {
    size.name: size
    for size in (
        Size("1k", 1_000, 10_000, 4, 20),
        Size("10k", 10_000, 100_000, 10, 40),
        Size("100k", 100_000, 1_000_000, 20, 100),
        Size("10k-1m", 10_000, 1_000_000, 10, 40),
    )
}


@dataclass(frozen=True)
class Library:
    """A built library: its deck folder, its data folder and what it holds."""

    size: Size
    decks_dir: Path
    data_dir: Path
    built_at: datetime
    reviews: int
    build_seconds: float

    def copy_data(self, target: Path) -> Path:
        """A private copy of the data folder in ``target`` (the cached one stays untouched)."""
        out = target / f"data-{self.size.name}"
        if out.exists():
            shutil.rmtree(out)
        shutil.copytree(self.data_dir, out)
        return out


class _Dumper(yaml.SafeDumper):
    """Multi-line strings in literal block style, as the deck generator writes them."""


_Dumper.add_representer(
    str,
    lambda dumper, value: dumper.represent_scalar(
        "tag:yaml.org,2002:str", value, style="|" if "\n" in value else None
    ),
)


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _card_type(rng: random.Random) -> CardType:
    pick = rng.random()
    for card_type, share in TYPE_MIX:
        pick -= share
        if pick < 0:
            return card_type
    return CardType.BASIC


def make_deck(
    rng: random.Random, number: int, cards: int, sections: int, prefix: str = "lib"
) -> Deck:
    """One deck: a topic section with ``sections - 1`` subsections of reading text, and
    ``cards`` cards of all five types spread over them, each quoting a source sentence."""
    deck_id = f"{prefix}-{number:03d}"
    parts = [Section(id=f"{number}", number=f"{number}", title=_sentence(rng, 3)[:-1], level=1)]
    for s in range(1, sections):
        paragraphs = [_sentence(rng, rng.randint(25, 50)) for _ in range(rng.randint(2, 4))]
        parts.append(
            Section(
                id=f"{number}.{s}",
                number=f"{number}.{s}",
                title=_sentence(rng, 4)[:-1],
                level=2,
                body="\n\n".join(paragraphs) + "\n",
            )
        )
    body_sections = parts[1:] or parts
    made = []
    for c in range(cards):
        card_type = _card_type(rng)
        fields: dict = {
            "id": f"{deck_id}-{c:05d}",
            "type": card_type,
            "section": body_sections[c * len(body_sections) // cards].id,
            "source": _sentence(rng, 16),
            "tags": (card_type.value,),
        }
        if card_type is CardType.CLOZE:
            fields["text"] = f"{_sentence(rng, 6)} {{{{c1::{_sentence(rng, 2)}}}}} " + _sentence(
                rng, 5
            )
        else:
            fields["question"] = f"Question {c}: {_sentence(rng, 10)[:-1]}?"
        if card_type in (CardType.BASIC, CardType.CHOICE, CardType.TYPED):
            fields["answer"] = _sentence(rng, 5)
        if card_type is CardType.LIST:
            fields["items"] = tuple(_sentence(rng, 3) for _ in range(4))
            fields["ordered"] = c % 2 == 0
        if card_type is CardType.CHOICE:
            fields["distractors"] = tuple(f"Option {k}: {_sentence(rng, 5)}" for k in range(3))
        if card_type is CardType.TYPED:
            fields["answer"] = rng.choice(WORDS)
            fields["accept"] = (f"{fields['answer']}s",)
        made.append(Card(**fields))
    return Deck(
        id=deck_id,
        title=f"Topic {number}: {_sentence(rng, 3)[:-1]}",
        sections=tuple(parts),
        cards=tuple(made),
        source=SourceInfo(f"Source text {number % 4 + 1}", f"sources/text-{number}.txt", ""),
        notice=NOTICE,
    )


def dump_deck(deck: Deck) -> str:
    """The deck's YAML text, as the generator writes it."""
    body = yaml.dump(deck.to_dict(), Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    return "# yaml-language-server: $schema=../docs/deck.schema.json\n" + body


def _rating(rng: random.Random) -> Rating:
    pick = rng.random()
    for rating, share in RATINGS:
        pick -= share
        if pick < 0:
            return rating
    return Rating.GOOD


def simulate(
    store: object,
    scheduler: object,
    card_ids: list[str],
    start: datetime,
    end: datetime,
    reviews: int,
    rng: random.Random,
) -> int:
    """Evening study from ``start`` to ``end`` until ``reviews`` answers were given.

    Each day at 18:00 UTC: every due card (most overdue first), then the day's new cards in
    deck order; cards in learning come back within the evening (four passes, ten minutes
    apart). New cards per day are set so the whole library is introduced in about 80 % of the
    days; the study day is skipped now and then. Returns the answers written.
    """
    days = max(1, (end - start).days)
    new_per_day = max(1, math.ceil(len(card_ids) / (days * 0.8)))
    due: list[tuple[datetime, str]] = []  # (due, card id), a heap
    states: dict[str, CardState] = {}
    unseen = iter(card_ids)
    written = 0
    day = start.replace(hour=18, minute=0, second=0, microsecond=0)
    while day < end and written < reviews:
        if rng.random() < 0.08:  # a day off
            day += timedelta(days=1)
            continue
        moment = day
        fresh = [cid for _, cid in zip(range(new_per_day), unseen, strict=False)]
        for _pass in range(4):
            batch = []
            while due and due[0][0] <= moment:
                batch.append(heapq.heappop(due)[1])
            batch += fresh
            fresh = []
            if not batch:
                break
            for card_id in batch:
                if written >= reviews or moment >= end:
                    return written
                state, entry = scheduler.review(  # type: ignore[attr-defined]
                    card_id,
                    states.get(card_id),
                    _rating(rng),
                    moment,
                    duration_ms=rng.randint(2500, 14000),
                )
                store.record_review(state, entry)  # type: ignore[attr-defined]
                states[card_id] = state
                heapq.heappush(due, (state.due, card_id))
                written += 1
                moment += timedelta(seconds=rng.randint(4, 20))
            moment += timedelta(minutes=10)
        day += timedelta(days=1)
    return written


class _NoStore:
    """Takes the answers of a calibration run and keeps none."""

    def record_review(self, state: object, entry: object) -> int:
        return 0


def _history_days(size: Size, now: datetime) -> int:
    """Days of history after which this student has given ``size.reviews`` answers.

    Found on a scaled-down library (500 cards, the same answers per card) with the same
    scheduler and pace, a few rounds of ``days * wanted / got``: the real history then ends
    about now rather than weeks ago or short of its answers.
    """
    from studyapp.study.scheduler import Scheduler, SchedulerSettings

    cards = 500
    wanted = size.reviews * cards // size.cards
    scheduler = Scheduler(SchedulerSettings(), tz=UTC)
    ids = [f"calibration-{n}" for n in range(cards)]
    days = 240
    for _round in range(4):
        rng = random.Random(f"calibrate-{size.name}")
        start = now - timedelta(days=days)
        got = simulate(_NoStore(), scheduler, ids, start, now, 10**9, rng)
        if abs(got - wanted) < wanted * 0.02:
            break
        days = max(30, round(days * wanted / max(got, 1)))
    return days


def build(size: Size, folder: Path, now: datetime) -> Library:
    """Write the decks and the history of ``size`` into ``folder`` (replacing it)."""
    from studyapp import paths
    from studyapp.decks.load import load_decks
    from studyapp.store.database import Store
    from studyapp.study.scheduler import Scheduler, SchedulerSettings

    began = time.perf_counter()
    if folder.exists():
        shutil.rmtree(folder)
    decks_dir, data_dir = folder / "decks", folder / "data"
    decks_dir.mkdir(parents=True)
    rng = random.Random(f"studyapp-library-{size.name}")
    for number in range(1, size.decks + 1):
        deck = make_deck(rng, number, size.cards_per_deck, size.sections_per_deck)
        (decks_dir / f"{deck.id}.yaml").write_text(dump_deck(deck), encoding="utf-8")
    loaded = load_decks([decks_dir])
    if loaded.errors:
        raise SystemExit(f"the generated decks do not load: {loaded.errors[0].format()}")
    # The history ends at the start of today: today's study is still to be done.
    end = now.replace(hour=0, minute=0, second=0, microsecond=0)
    start = end - timedelta(days=_history_days(size, end))
    store = Store.open(paths.database_path(data_dir), backups=0)
    try:
        store.sync_decks(loaded.decks, start - timedelta(days=1))
        scheduler = Scheduler(SchedulerSettings(), tz=UTC)
        ids = [card.id for deck in loaded.decks for card in deck.cards]
        written = simulate(store, scheduler, ids, start, end, size.reviews, rng)
        store.set_setting("ui.welcome_dismissed", True)
    finally:
        store.close()
    seconds = time.perf_counter() - began
    library = Library(size, decks_dir, data_dir, now, written, seconds)
    manifest = {
        "format": LIBRARY_FORMAT,
        "size": size.name,
        "built_at": now.isoformat(),
        "reviews": written,
        "build_seconds": round(seconds, 1),
    }
    (folder / "library.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return library


def library(name: str, *, rebuild: bool = False, quiet: bool = False) -> Library:
    """The library of size ``name`` (``1k``, ``10k``, ``100k``, ``10k-1m``), built if needed."""
    size = SIZES[name]
    folder = ROOT / f"library-{name}"
    now = datetime.now(UTC)
    try:
        manifest = json.loads((folder / "library.json").read_text(encoding="utf-8"))
        built_at = datetime.fromisoformat(manifest["built_at"])
        fresh = manifest["format"] == LIBRARY_FORMAT and now - built_at < MAX_AGE
    except (OSError, ValueError, KeyError):
        fresh = False
    if fresh and not rebuild:
        return Library(
            size,
            folder / "decks",
            folder / "data",
            built_at,
            int(manifest["reviews"]),
            float(manifest["build_seconds"]),
        )
    if not quiet:
        print(f"building the {name} library in {folder} (once; a few minutes for the big ones)")
    return build(size, folder, now)


def main() -> None:
    """Build (or show) the benchmark libraries."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=sorted(SIZES), action="append")
    parser.add_argument("--rebuild", action="store_true", help="build again even if cached")
    args = parser.parse_args()
    for name in args.size or list(SIZES):
        lib = library(name, rebuild=args.rebuild)
        print(
            f"{name:>7}: {lib.size.cards:,} cards in {lib.size.decks} decks, "
            f"{lib.reviews:,} answers, built {lib.built_at:%Y-%m-%d %H:%M} UTC "
            f"in {lib.build_seconds:.0f} s; decks {lib.decks_dir}, data {lib.data_dir}"
        )


if __name__ == "__main__":
    main()

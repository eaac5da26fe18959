"""Real Anki packages for the tests, built with the official ``anki`` library.

A small collection as a student would have it: a deck with a subdeck, a basic note with an
image, a cloze note with two deletions, a "type in the answer" note, tags, a suspended card
and a review history whose FSRS memory state Anki itself computes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

anki_collection = pytest.importorskip("anki.collection")
from anki import cards_pb2  # noqa: E402

PNG = (  # a 1x1 red PNG
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
    b"\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef"
    b"\x00\x00\x00\x00IEND\xaeB`\x82"
)
FIRST_REVIEW = datetime(2026, 1, 5, 15, 0, tzinfo=UTC)
HISTORY = ((0, 3), (1, 3), (4, 3), (12, 1), (13, 3), (20, 4))
"""(day after FIRST_REVIEW, ease) of the basic card's answers."""


@dataclass
class Built:
    """A built package and what the tests compare against."""

    path: Path
    basic_guid: str = ""
    cloze_guid: str = ""
    anki_memory: dict[str, float] = field(default_factory=dict)  # Anki's FSRS for the basic card


def new_collection(folder: Path) -> anki_collection.Collection:
    """An empty Anki collection in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    return anki_collection.Collection(str(folder / "collection.anki2"))


def build_package(folder: Path, kind: str = "apkg", legacy: bool = False) -> Built:
    """A package of the small collection: ``kind`` "apkg" (with scheduling) or "colpkg"."""
    col = new_collection(folder / "anki")
    try:
        picture = folder / "heart diagram.png"
        picture.write_bytes(PNG)
        media_name = col.media.add_file(str(picture))
        deck = col.decks.id("Cardiology::Drugs")
        basic = col.new_note(col.models.by_name("Basic"))
        basic["Front"] = f'Which organ is this? <img src="{media_name}">'
        basic["Back"] = "The <b>heart</b> &amp; its valves"
        basic.tags = ["anatomy", "organ"]
        col.add_note(basic, deck)
        cloze = col.new_note(col.models.by_name("Cloze"))
        cloze["Text"] = r"{{c1::Digoxin}} slows the heart; \(E = mc^2\) is {{c2::physics}}."
        col.add_note(cloze, deck)
        typed = col.new_note(col.models.by_name("Basic (type in the answer)"))
        typed["Front"] = "Chemical symbol of potassium?"
        typed["Back"] = "K"
        col.add_note(typed, col.decks.id("Cardiology"))
        card_id = basic.cards()[0].id
        for index, (day, ease) in enumerate(HISTORY):
            at = FIRST_REVIEW + timedelta(days=day)
            col.db.execute(
                "INSERT INTO revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) "
                "VALUES (?, ?, -1, ?, 1, 0, 0, 4000, ?)",
                int(at.timestamp() * 1000),
                card_id,
                ease,
                0 if index == 0 else 1,
            )
        state = col.compute_memory_state(card_id)
        card = col.get_card(card_id)
        card.memory_state = cards_pb2.FsrsMemoryState(
            stability=state.stability, difficulty=state.difficulty
        )
        card.type = card.queue = 2
        card.ivl = round(state.stability)
        col.update_card(card)
        col.sched.suspend_cards([typed.cards()[0].id])
        built = Built(
            folder / f"student.{kind}",
            basic.guid,
            cloze.guid,
            {"s": state.stability, "d": state.difficulty},
        )
        if kind == "colpkg":
            col.export_collection_package(str(built.path), include_media=True, legacy=legacy)
            col = None
        else:
            options = anki_collection.ExportAnkiPackageOptions(
                with_scheduling=True, with_media=True, legacy=legacy
            )
            limit = anki_collection.DeckIdLimit(col.decks.id("Cardiology"))
            col.export_anki_package(out_path=str(built.path), options=options, limit=limit)
        return built
    finally:
        if col is not None:
            col.close()


def import_into_anki(package: Path, folder: Path) -> anki_collection.Collection:
    """A fresh Anki collection with ``package`` imported (updating notes that exist)."""
    col = new_collection(folder)
    add_package(col, package)
    return col


def add_package(col: anki_collection.Collection, package: Path) -> None:
    """Import ``package`` into ``col`` as Anki's File › Import does by default (a note it
    has is updated when the package's copy is newer)."""
    options = anki_collection.ImportAnkiPackageOptions(with_scheduling=False, merge_notetypes=True)
    request = anki_collection.ImportAnkiPackageRequest(package_path=str(package), options=options)
    col.import_anki_package(request)

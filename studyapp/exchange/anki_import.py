"""An Anki package becomes YAML decks (and, with scheduling, the student's history).

Each top-level Anki deck becomes a studyapp deck, its subdecks its sections. Each Anki card
becomes a card: a cloze note's card keeps its own deletion (the others show as text), a
"type in the answer" note becomes a typed card, any other note a basic card (its second
template, the reversed card, asks the back). Images become files in ``media/`` beside the
decks. Card ids come from the note GUID, so importing again keeps the student's progress;
notes studyapp exported carry its own card ids back.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from studyapp.decks.checks import CLOZE_DELETION, cloze_problems
from studyapp.decks.markup import IMAGE, IMAGE_SUFFIXES
from studyapp.errors import ExchangeError
from studyapp.exchange.collection import AnkiCard, Collection, Note, NoteType, read_collection
from studyapp.exchange.deck_writer import MEDIA_FOLDER, safe_file_name, slug, write_imported
from studyapp.exchange.html import from_html
from studyapp.exchange.package import Limits, open_package
from studyapp.model import Card, CardType, Deck, Section
from studyapp.review_types import Rating, ReviewEntry, ReviewMode

STUDYAPP_NOTETYPE = "studyapp"
"""Note types studyapp exports start with this name; their GUIDs are studyapp card ids."""

CARDS_PER_FILE = 5_000
"""Cards per deck file at most: a larger Anki deck is split into parts (about 1 MB each)."""

_RESET = 4  # revlog type "manual": with ease 0 and interval 0 the card was reset (Forget)
_RATINGS = {int(rating): rating for rating in Rating}
_WHITE = re.compile(r"\s+")


@dataclass
class ImportResult:
    """What an import made: decks, files written, history, and what it left out and why."""

    decks: list[Deck]
    files: list[Path] = field(default_factory=list)
    reviews: list[ReviewEntry] = field(default_factory=list)
    suspended: list[str] = field(default_factory=list)
    anki_memory: dict[str, tuple[float, float]] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)  # one line per card left out
    images: int = 0
    seconds: float = 0.0


@dataclass
class _Plan:
    cards: dict[tuple[str, ...], list[Card]] = field(default_factory=dict)
    media: dict[str, str] = field(default_factory=dict)  # package name -> file name
    taken: set[str] = field(default_factory=set)  # file names given out


def read_anki_package(
    path: Path, limits: Limits | None = None
) -> tuple[ImportResult, dict[str, bytes]]:
    """The decks, history and images of the package at ``path``, nothing written yet.

    Raises :class:`ExchangeError` for a file that is not a usable Anki package.
    """
    started = time.perf_counter()
    with open_package(path, limits) as package:
        collection = read_collection(package.collection_path, path.name)
        result, plan = _convert(collection, set(package.media))
        media = {}
        for name, file_name in plan.media.items():
            media[file_name] = package.media_bytes(name)
    result.images = len(media)
    result.seconds = time.perf_counter() - started
    return result, media


def import_anki_package(
    path: Path,
    out_dir: Path,
    limits: Limits | None = None,
    in_use: Mapping[str, Path] | None = None,
) -> ImportResult:
    """Import ``path`` into ``out_dir`` as validated YAML decks and images, all or nothing.

    The history (``result.reviews``) is not stored here: see :mod:`studyapp.exchange.history`.
    ``in_use``: ids of the library's other deck files (see :func:`write_imported`).
    """
    started = time.perf_counter()
    result, media = read_anki_package(path, limits)
    if not result.decks:
        raise ExchangeError(f"{path.name} has no cards studyapp can import")
    result.files = write_imported(result.decks, media, out_dir, path.name, in_use)
    result.seconds = time.perf_counter() - started
    return result


def _convert(collection: Collection, media_names: set[str]) -> tuple[ImportResult, _Plan]:
    plan = _Plan()
    result = ImportResult(decks=[])
    notes = {note.id: note for note in collection.notes}
    cards_of_note: dict[int, int] = {}
    for counted in collection.cards:
        cards_of_note[counted.note_id] = cards_of_note.get(counted.note_id, 0) + 1
    by_card: dict[int, str] = {}
    sections: dict[tuple[str, ...], str] = {}

    def image_path(name: str) -> str:
        if name not in media_names or Path(name).suffix.lower() not in IMAGE_SUFFIXES:
            return name  # reported below: a missing picture is left out of the card
        if name not in plan.media:
            plan.media[name] = _unique(safe_file_name(name), plan.taken)
        return f"{MEDIA_FOLDER}/{plan.media[name]}"

    for anki_card in collection.cards:
        note = notes.get(anki_card.note_id)
        notetype = collection.notetypes.get(note.notetype_id) if note else None
        if note is None or notetype is None:
            result.skipped.append(f"card {anki_card.id}: its note or note type is missing")
            continue
        deck_path = collection.decks.get(anki_card.deck_id, ("Default",))
        section = sections.get(deck_path)
        if section is None:
            section = sections[deck_path] = section_id(deck_path)
        made = _card(
            note, notetype, anki_card, cards_of_note[note.id] > 1, image_path, result, section
        )
        if made is None:
            continue
        plan.cards.setdefault(deck_path, []).append(made)
        by_card[anki_card.id] = made.id
        if anki_card.queue == -1:
            result.suspended.append(made.id)
        if "s" in anki_card.memory and "d" in anki_card.memory:
            result.anki_memory[made.id] = (anki_card.memory["s"], anki_card.memory["d"])
    result.decks = _decks(plan.cards)
    result.reviews = _reviews(collection, by_card)
    return result, plan


def _unique(name: str, taken: set[str]) -> str:
    """``name``, or ``name-2``, ``name-3``... when two media names make the same file name."""
    stem, dot, suffix = name.rpartition(".")
    candidate, number = name, 2
    while candidate in taken:
        candidate = f"{stem}-{number}{dot}{suffix}" if dot else f"{name}-{number}"
        number += 1
    taken.add(candidate)
    return candidate


def _card(
    note: Note,
    notetype: NoteType,
    anki_card: AnkiCard,
    several: bool,
    image_path: Callable[[str], str],
    result: ImportResult,
    section: str,
) -> Card | None:
    """One studyapp card of an Anki card, or None (with the reason in ``result.skipped``)."""
    ours = notetype.name.startswith(STUDYAPP_NOTETYPE)
    guid = (
        note.guid
        if note.guid.isprintable() and " " not in note.guid
        else _WHITE.sub("_", note.guid)
    )
    card_id = guid if ours else f"anki-{guid}"
    if several:
        card_id += f"-{anki_card.ord + 1}"
    fields = note.fields

    def text(index: int) -> str:
        return _field_text(fields[index] if index < len(fields) else "", image_path)

    source = ""
    if ours and "Source" in notetype.fields:
        source = text(notetype.fields.index("Source"))
    tags = tuple(tag for tag in note.tags if tag)
    if notetype.cloze:
        cloze = _one_deletion(text(0), anki_card.ord + 1)
        if not ours and len(note.fields) > 1:
            source = text(1)
        if cloze_problems(cloze):
            result.skipped.append(f"note {note.guid}: cloze {anki_card.ord + 1} is not usable")
            return None
        return Card(card_id, CardType.CLOZE, text=cloze, section=section, source=source, tags=tags)
    front, back = (1, 0) if anki_card.ord == 1 else (0, 1)
    if anki_card.ord > 1 or len(note.fields) < 2:
        result.skipped.append(f"note {note.guid}: card {anki_card.ord + 1} has no front/back")
        return None
    question, answer = text(front), text(back)
    if not question.strip() or not answer.strip():
        result.skipped.append(f"note {note.guid}: an empty question or answer")
        return None
    kind = CardType.TYPED if notetype.typed and anki_card.ord == 0 else CardType.BASIC
    return Card(
        card_id,
        kind,
        question=question,
        answer=answer,
        section=section,
        source=source,
        tags=tags,
    )


def _field_text(value: str, image_path: Callable[[str], str]) -> str:
    """A field's text; a picture the package lacks is named instead of shown."""
    converted = from_html(value, image_path)
    if "![" in converted:
        for image in IMAGE.finditer(converted):
            if not image.group(2).startswith(f"{MEDIA_FOLDER}/"):
                converted = converted.replace(image.group(0), f"[image {image.group(2)}]")
    return converted


def section_id(deck_path: tuple[str, ...]) -> str:
    """The section id of an Anki deck path: its names as slugs joined by dots, so
    ``A::B`` lies inside ``A`` as studyapp's section ids nest."""
    return ".".join(slug(part) for part in deck_path)


def _one_deletion(text: str, number: int) -> str:
    """The cloze text of card ``number``: its own deletions kept, the others shown as text."""

    def keep(match: re.Match[str]) -> str:
        return match.group(0) if int(match.group(1)) == number else match.group(2)

    return CLOZE_DELETION.sub(keep, text)


def _decks(cards: dict[tuple[str, ...], list[Card]]) -> list[Deck]:
    """One deck per top-level Anki deck; its subdecks (those with cards, and the decks on the
    way to them) as sections in name order."""
    tops: dict[str, list[tuple[str, ...]]] = {}
    for path in cards:
        tops.setdefault(path[0], []).append(path)
    decks: list[Deck] = []
    used: set[str] = set()
    for top in sorted(tops):
        deck_id = slug(top)
        while deck_id in used:
            deck_id += "-2"
        used.add(deck_id)
        paths = sorted({path[:depth] for path in tops[top] for depth in range(1, len(path) + 1)})
        sections = tuple(Section(section_id(path), path[-1], level=len(path)) for path in paths)
        deck_cards = [card for path in sorted(tops[top]) for card in cards[path]]
        decks.extend(_parts(Deck(deck_id, top, sections), deck_cards))
    return decks


def _parts(deck: Deck, cards: list[Card]) -> list[Deck]:
    """``deck`` with ``cards``, in parts of :data:`CARDS_PER_FILE` cards when it has more
    (a deck file must stay small enough to load quickly: the loader refuses over 5 MB)."""
    if len(cards) <= CARDS_PER_FILE:
        return [replace(deck, cards=tuple(cards))]
    count = -(-len(cards) // CARDS_PER_FILE)
    parts = []
    for index in range(count):
        chunk = cards[index * CARDS_PER_FILE : (index + 1) * CARDS_PER_FILE]
        used = {card.section for card in chunk}
        sections = tuple(
            s for s in deck.sections if any(u == s.id or u.startswith(s.id + ".") for u in used)
        )
        parts.append(
            Deck(
                f"{deck.id}-part-{index + 1}",
                f"{deck.title} (part {index + 1} of {count})",
                sections,
                tuple(chunk),
            )
        )
    return parts


def _reviews(collection: Collection, by_card: dict[int, str]) -> list[ReviewEntry]:
    """The answers of imported cards, in order, after each card's last reset."""
    entries: list[ReviewEntry] = []
    kept: list[ReviewEntry] = []
    current = None
    for review in collection.reviews:  # ordered by card, then time
        card_id = by_card.get(review.card_id)
        if card_id != current:
            entries.extend(kept)
            kept, current = [], card_id
        if card_id is None:
            continue
        if review.kind == _RESET and review.ease == 0 and review.interval == 0:
            kept = []  # Anki's "Forget": what came before no longer counts
            continue
        if not 1 <= review.ease <= 4 or review.kind > 3:
            continue  # a manual change of the due date is not an answer
        at = datetime.fromtimestamp(review.at_ms / 1000, UTC)
        kept.append(
            ReviewEntry(
                card_id, at, _RATINGS[review.ease], max(review.time_ms, 0), ReviewMode.REVIEW
            )
        )
    entries.extend(kept)
    return entries

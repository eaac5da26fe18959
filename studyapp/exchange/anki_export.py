"""studyapp decks → an Anki package (``.apkg``), written with genanki.

One Anki deck per topic deck and a subdeck per section (``Deck::Section::Subsection``), so a
card sits where its source text is. Card types map to what Anki has: basic and cloze as they
are (our ``{{c1::...}}`` is Anki's syntax), typed as "type in the answer", a list as a basic
card whose back lists the items, multiple choice as a basic card showing the options. The
source sentence and the section go into fields of their own, tags as tags, images as media.

Each note's GUID is the card's stable id, so importing a re-exported deck into Anki updates
its notes instead of adding copies, and an import back into studyapp keeps the ids.
"""

from __future__ import annotations

import hashlib
import html
import tempfile
import time
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from studyapp.decks.markup import resolve_image
from studyapp.errors import ExchangeError
from studyapp.exchange.html import to_html
from studyapp.model import Card, CardType, Deck, Section

# Fixed ids: Anki knows a note type by its id, so each export must use the same ones.
BASIC_MODEL_ID = 1_607_392_319
TYPED_MODEL_ID = 1_607_392_320
CLOZE_MODEL_ID = 1_607_392_321
_CSS = """.card { font-family: sans-serif; font-size: 20px; text-align: left; }
.source { margin-top: 1em; font-size: 0.8em; color: #666; }
.section { font-size: 0.7em; color: #888; margin-bottom: 0.5em; }
img { max-width: 100%; }"""
_SECTION = '{{#Section}}<div class="section">{{Section}}</div>{{/Section}}'
_SOURCE = '{{#Source}}<div class="source">{{Source}}</div>{{/Source}}'


@dataclass(frozen=True, slots=True)
class ExportResult:
    """What went into the package."""

    path: Path
    decks: int
    notes: int
    media: int
    seconds: float


def _models() -> dict[str, object]:
    import genanki

    basic = genanki.Model(
        BASIC_MODEL_ID,
        "studyapp Basic",
        fields=[{"name": n} for n in ("Front", "Back", "Section", "Source")],
        templates=[
            {
                "name": "Card 1",
                "qfmt": _SECTION + "{{Front}}",
                "afmt": '{{FrontSide}}<hr id="answer">{{Back}}' + _SOURCE,
            }
        ],
        css=_CSS,
    )
    typed = genanki.Model(
        TYPED_MODEL_ID,
        "studyapp Typed",
        fields=[{"name": n} for n in ("Front", "Back", "Section", "Source")],
        templates=[
            {
                "name": "Card 1",
                "qfmt": _SECTION + "{{Front}}<br>{{type:Back}}",
                "afmt": _SECTION + '{{Front}}<hr id="answer">{{type:Back}}' + _SOURCE,
            }
        ],
        css=_CSS,
    )
    cloze = genanki.Model(
        CLOZE_MODEL_ID,
        "studyapp Cloze",
        fields=[{"name": n} for n in ("Text", "Section", "Source")],
        templates=[
            {
                "name": "Cloze",
                "qfmt": _SECTION + "{{cloze:Text}}",
                "afmt": _SECTION + "{{cloze:Text}}" + _SOURCE,
            }
        ],
        css=_CSS,
        model_type=genanki.Model.CLOZE,
    )
    return {"basic": basic, "typed": typed, "cloze": cloze}


def anki_deck_id(*names: str) -> int:
    """A stable Anki deck id for a deck path (Anki matches decks by name, genanki by id)."""
    digest = hashlib.blake2b("\x1f".join(names).encode("utf-8"), digest_size=8).digest()
    return (1 << 30) + int.from_bytes(digest, "big") % (1 << 30)


def section_paths(deck: Deck) -> dict[str, tuple[str, ...]]:
    """Section id → the titles from the deck down to it, following the outline levels."""
    paths: dict[str, tuple[str, ...]] = {}
    stack: list[Section] = []
    for section in deck.sections:
        while stack and stack[-1].level >= section.level:
            stack.pop()
        stack.append(section)
        titles = tuple(s.title for s in stack if not (s.level == 1 and s.title == deck.title))
        paths[section.id] = (deck.title, *titles)
    return paths


class _Media:
    """Images of the exported decks: one media file name for each distinct file."""

    def __init__(self) -> None:
        self.files: dict[Path, str] = {}
        self.taken: set[str] = set()

    def name(self, deck: Deck, reference: str) -> str:
        if deck.path is None:
            return reference
        target = resolve_image(deck.path.parent, reference)
        if target is None or not target.is_file():
            raise ExchangeError(
                f"{deck.path}: image '{reference}' cannot be exported (run studyapp validate)"
            )
        if target not in self.files:
            name = target.name
            if name in self.taken:
                digest = hashlib.blake2b(str(target).encode(), digest_size=4).hexdigest()
                name = f"{digest}-{name}"
            self.taken.add(name)
            self.files[target] = name
        return self.files[target]


def _note_fields(card: Card, html_of: object) -> tuple[str, list[str]]:
    """The model key and the fields (without Section and Source) of a card."""
    convert = html_of  # a callable: text -> html
    assert callable(convert)
    if card.type is CardType.CLOZE:
        return "cloze", [convert(card.text)]
    if card.type is CardType.TYPED:
        return "typed", [convert(card.question), convert(card.answer)]
    if card.type is CardType.LIST:
        tag = "ol" if card.ordered else "ul"
        items = "".join(f"<li>{convert(item)}</li>" for item in card.items)
        return "basic", [convert(card.question), f"<{tag}>{items}</{tag}>"]
    if card.type is CardType.CHOICE:
        options = sorted([card.answer, *card.distractors], key=str.casefold)
        shown = "".join(f"<li>{convert(option)}</li>" for option in options)
        return "basic", [f"{convert(card.question)}<ul>{shown}</ul>", convert(card.answer)]
    return "basic", [convert(card.question), convert(card.answer)]


def export_apkg(decks: Sequence[Deck], out: Path, timestamp: float | None = None) -> ExportResult:
    """Write ``decks`` to the Anki package ``out``; raises :class:`ExchangeError`.

    ``timestamp`` (default: now) is the notes' modification time: Anki updates a note it has
    only from a newer one, which a later export is.
    """
    import genanki

    started = time.perf_counter()
    models = _models()
    media = _Media()
    anki_decks: dict[tuple[str, ...], genanki.Deck] = {}
    notes = 0
    for deck in decks:
        paths = section_paths(deck)
        for card in deck.cards:
            path = paths.get(card.section, (deck.title,))
            if path not in anki_decks:
                anki_decks[path] = genanki.Deck(anki_deck_id(deck.id, *path[1:]), "::".join(path))

            def convert(text: str, deck: Deck = deck) -> str:
                return to_html(text, lambda ref: media.name(deck, ref))

            kind, fields = _note_fields(card, convert)
            section = html.escape(" › ".join(path[1:]))
            fields += [section, convert(card.source)]
            note = genanki.Note(
                model=models[kind],
                fields=fields,
                tags=[tag.replace(" ", "_") for tag in card.tags],
                guid=card.id,
            )
            anki_decks[path].add_note(note)
            notes += 1
    if not anki_decks:
        raise ExchangeError("nothing to export: the decks have no cards")
    files = media.files
    try:
        with tempfile.TemporaryDirectory(prefix="studyapp-export-") as folder:
            package = genanki.Package(
                list(anki_decks.values()), media_files=_media_files(files, Path(folder))
            )
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # genanki warns about the HTML we made
                package.write_to_file(str(out), timestamp=timestamp)
    except OSError as error:
        raise ExchangeError(f"cannot write {out}: {error.strerror or error}") from None
    return ExportResult(out, len(anki_decks), notes, len(files), time.perf_counter() - started)


def _media_files(files: dict[Path, str], folder: Path) -> list[str]:
    """Paths genanki packs: the images themselves, or copies in ``folder`` under their media
    names where two images share a file name (genanki names a media file by its base name)."""
    paths = []
    for path, name in files.items():
        if path.name == name:
            paths.append(str(path))
            continue
        copy = folder / name
        copy.write_bytes(path.read_bytes())
        paths.append(str(copy))
    return paths

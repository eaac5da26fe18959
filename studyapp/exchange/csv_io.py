"""Cards as CSV/TSV rows, both ways: what Anki's and Quizlet's importers and exporters use.

Written: Anki's file header (``#separator``, ``#html:false``, ``#columns``, ``#tags column``,
``#guid column``), then one row a card: front, back, tags (space-separated), the card id as
GUID. Anki maps the columns from the header and updates notes by the GUID; Quizlet takes the
first two columns.
A cloze card keeps its ``{{c1::...}}`` text in front with an empty back, so it comes back a
cloze card; a list card's back holds its items one a line, a choice card's its answer.

Read: such a file, Anki's note export (``#`` header lines), Quizlet's export (term, definition,
no header) or a file with a header row naming ``front``/``back`` (or ``term``/``definition``,
``question``/``answer``) and optionally ``tags`` and ``id``.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from studyapp.decks.checks import CLOZE_DELETION
from studyapp.errors import ExchangeError
from studyapp.exchange.deck_writer import slug, write_imported
from studyapp.exchange.html import from_html
from studyapp.model import Card, CardType, Deck, Section

MAX_CSV_BYTES = 50 * 1024 * 1024
_FRONT = ("front", "term", "question", "text")
_BACK = ("back", "definition", "answer", "extra")


def delimiter_for(path: Path) -> str:
    """Tab for ``.tsv`` and ``.txt`` files (Anki's and Quizlet's default), else a comma."""
    return "\t" if path.suffix.lower() in (".tsv", ".txt") else ","


def card_row(card: Card) -> list[str]:
    """front, back, tags, id of a card."""
    if card.type is CardType.CLOZE:
        front, back = card.text, ""
    elif card.type is CardType.LIST:
        front, back = card.question, "\n".join(card.items)
    else:
        front, back = card.question, card.answer
    return [front, back, " ".join(t.replace(" ", "_") for t in card.tags), card.id]


def export_csv(decks: Sequence[Deck], out: Path) -> int:
    """Write every card of ``decks`` to ``out`` (CSV, or TSV for .tsv/.txt); the rows written."""
    delimiter = delimiter_for(out)
    name = "tab" if delimiter == "\t" else "comma"
    buffer = io.StringIO()
    buffer.write(
        # Anki maps a column to the note field of the same name: Front, Back (case matters)
        f"#separator:{name}\n#html:false\n#columns:Front{delimiter}Back{delimiter}Tags"
        f"{delimiter}GUID\n#tags column:3\n#guid column:4\n"
    )
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    rows = 0
    for deck in decks:
        for card in deck.cards:
            writer.writerow(card_row(card))
            rows += 1
    try:
        out.write_text(buffer.getvalue(), encoding="utf-8")
    except OSError as error:
        raise ExchangeError(f"cannot write {out}: {error.strerror or error}") from None
    return rows


@dataclass
class CsvImport:
    """A deck read from a CSV/TSV file, and the rows left out with why."""

    deck: Deck
    skipped: list[str]
    files: list[Path]


def read_csv(path: Path, deck_id: str | None = None, title: str | None = None) -> CsvImport:
    """The deck in ``path`` (nothing written); raises :class:`ExchangeError`."""
    try:
        if path.stat().st_size > MAX_CSV_BYTES:
            raise ExchangeError(f"{path.name} is larger than 50 MB")
        raw = path.read_bytes()
    except OSError as error:
        raise ExchangeError(f"{path.name} cannot be read: {error.strerror or error}") from None
    if b"\x00" in raw[:4096]:
        raise ExchangeError(f"{path.name} is a binary file, not CSV or TSV")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    lines = text.splitlines(keepends=True)
    options = {}
    while lines and lines[0].startswith("#") and ":" in lines[0]:
        key, _, value = lines.pop(0)[1:].partition(":")
        options[key.strip().lower()] = value.strip()
    body = "".join(lines)
    delimiter = _delimiter(options.get("separator", ""), body, path)
    rows = [row for row in csv.reader(io.StringIO(body), delimiter=delimiter) if any(row)]
    html = options.get("html", "false").lower() == "true"
    columns = _columns(options, rows, delimiter)
    deck_id = deck_id or slug(path.stem)
    cards, skipped = [], []
    seen: set[str] = set()
    for number, row in enumerate(rows, start=1):
        card = _card(row, columns, html, deck_id)
        if card is None:
            skipped.append(f"row {number}: no front or back")
            continue
        if card.id in seen:
            skipped.append(f"row {number}: the same card as an earlier row")
            continue
        seen.add(card.id)
        cards.append(card)
    if not cards:
        raise ExchangeError(f"{path.name} has no rows with a front and a back")
    section = Section(deck_id, title or path.stem)
    deck = Deck(
        deck_id,
        title or path.stem,
        (section,),
        tuple(replace(card, section=deck_id) for card in cards),
    )
    return CsvImport(deck, skipped, [])


def import_csv(path: Path, out_dir: Path, in_use: Mapping[str, Path] | None = None) -> CsvImport:
    """Read ``path`` and write it as a validated deck into ``out_dir``, all or nothing
    (``in_use``: ids of the library's other deck files, see :func:`write_imported`)."""
    result = read_csv(path)
    result.files = write_imported([result.deck], {}, out_dir, path.name, in_use)
    return result


def _delimiter(separator: str, body: str, path: Path) -> str:
    named = {"tab": "\t", "comma": ",", "semicolon": ";", "pipe": "|", "space": " "}
    if separator:
        return named.get(separator.lower(), separator[:1])
    first = body.split("\n", 1)[0]
    if "\t" in first:
        return "\t"
    if first.count(";") > first.count(","):
        return ";"
    return delimiter_for(path) if "," not in first else ","


@dataclass(frozen=True)
class _Columns:
    front: int
    back: int
    tags: int | None
    id: int | None


def _columns(options: dict[str, str], rows: list[list[str]], delimiter: str) -> _Columns:
    """Where front, back, tags and id are: from Anki's header, a header row, or positions."""
    labels: list[str] = []
    if "columns" in options:
        labels = [c.strip().lower() for c in options["columns"].split(delimiter)]
    elif rows and {c.strip().lower() for c in rows[0]} & set(_FRONT):
        labels = [c.strip().lower() for c in rows.pop(0)]

    def find(names: Sequence[str], default: int | None) -> int | None:
        return next((labels.index(n) for n in names if n in labels), default)

    tags = int(options["tags column"]) - 1 if options.get("tags column", "").isdigit() else None
    guid = int(options["guid column"]) - 1 if options.get("guid column", "").isdigit() else None
    front = find(_FRONT, 0)
    back = find(_BACK, 1)
    return _Columns(
        front if front is not None else 0,
        back if back is not None else 1,
        tags if tags is not None else find(("tags",), None),
        guid if guid is not None else find(("id", "guid"), None),
    )


def _card(row: list[str], columns: _Columns, html: bool, deck_id: str) -> Card | None:
    def cell(index: int | None) -> str:
        if index is None or index >= len(row):
            return ""
        value = row[index]
        return from_html(value) if html else value.strip()

    front, back = cell(columns.front), cell(columns.back)
    tags = tuple(cell(columns.tags).split())
    card_id = re.sub(r"\s+", "_", cell(columns.id))
    if not front:
        return None
    if not card_id:  # the same row always gets the same id, so importing again keeps progress
        digest = hashlib.blake2b(front.encode("utf-8"), digest_size=6).hexdigest()
        card_id = f"{deck_id}-{digest}"
    if not back and CLOZE_DELETION.search(front):
        return Card(card_id, CardType.CLOZE, text=front, tags=tags)
    if not back:
        return None
    return Card(card_id, CardType.BASIC, question=front, answer=back, tags=tags)

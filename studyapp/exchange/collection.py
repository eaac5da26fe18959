"""Reading an Anki collection's SQLite tables: note types, decks, notes, cards, review log.

Two schemas exist. Schema 11 (legacy packages, and what genanki writes) keeps note types and
decks as JSON in the ``col`` row; schema 18 (Anki 2.1.50+) has ``notetypes``, ``fields``,
``templates`` and ``decks`` tables whose settings are protobuf. Both keep notes, cards and the
review log in the same tables. The file is opened read-only; a missing table or column is an
:class:`ExchangeError` naming it, never a traceback.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from studyapp.errors import ExchangeError

FIELD_SEPARATOR = "\x1f"
REQUIRED_TABLES = ("col", "notes", "cards", "revlog")
SCHEMA_18_TABLES = ("notetypes", "fields", "templates", "decks")


@dataclass(frozen=True, slots=True)
class NoteType:
    """A note type: its fields in order, whether it is a cloze type, whether it types in."""

    id: int
    name: str
    fields: tuple[str, ...]
    cloze: bool = False
    typed: bool = False


@dataclass(frozen=True, slots=True)
class Note:
    id: int
    guid: str
    notetype_id: int
    fields: tuple[str, ...]
    tags: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AnkiCard:
    """A card: ``ord`` is its template (or cloze number - 1); ``queue`` -1 means suspended."""

    id: int
    note_id: int
    deck_id: int
    ord: int
    queue: int
    memory: dict[str, float] = field(default_factory=dict)  # FSRS state when Anki had one


@dataclass(frozen=True, slots=True)
class Review:
    """One review log row: ``at_ms`` epoch milliseconds, ``ease`` 1-4 (0: a manual change),
    ``kind`` 0 learn, 1 review, 2 relearn, 3 filtered, 4 manual, 5 rescheduled."""

    card_id: int
    at_ms: int
    ease: int
    kind: int
    interval: int
    time_ms: int


@dataclass
class Collection:
    """Everything studyapp takes from a collection."""

    notetypes: dict[int, NoteType]
    decks: dict[int, tuple[str, ...]]  # deck id -> name path ("A::B" as ("A", "B"))
    notes: list[Note]
    cards: list[AnkiCard]
    reviews: list[Review]


def read_collection(path: Path, label: str) -> Collection:
    """Read the collection at ``path``; ``label`` names the package in messages."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error as error:
        raise ExchangeError(f"{label}: its collection cannot be opened ({error})") from None
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        missing = [t for t in REQUIRED_TABLES if t not in tables]
        if missing:
            raise ExchangeError(
                f"{label}: its collection has no '{missing[0]}' table (damaged, or not an "
                "Anki collection); nothing was imported"
            )
        if "notetypes" in tables:
            absent = [t for t in SCHEMA_18_TABLES if t not in tables]
            if absent:
                raise ExchangeError(
                    f"{label}: its collection has no '{absent[0]}' table (damaged); "
                    "nothing was imported"
                )
            notetypes, decks = _schema_18(conn)
        else:
            notetypes, decks = _schema_11(conn, label)
        return Collection(notetypes, decks, _notes(conn), _cards(conn), _reviews(conn))
    except sqlite3.DatabaseError as error:
        raise ExchangeError(f"{label}: its collection is damaged ({error})") from None
    finally:
        conn.close()


def _schema_11(
    conn: sqlite3.Connection, label: str
) -> tuple[dict[int, NoteType], dict[int, tuple[str, ...]]]:
    row = conn.execute("SELECT models, decks FROM col").fetchone()
    if row is None:
        raise ExchangeError(f"{label}: its collection is empty (no 'col' row)")
    try:
        models, decks = json.loads(row[0] or "{}"), json.loads(row[1] or "{}")
    except (json.JSONDecodeError, TypeError):
        raise ExchangeError(f"{label}: its note types or decks are damaged") from None
    notetypes = {}
    for key, model in models.items():
        fields = tuple(f["name"] for f in sorted(model.get("flds", []), key=lambda f: f["ord"]))
        typed = any("{{type:" in t.get("qfmt", "") for t in model.get("tmpls", []))
        notetypes[int(key)] = NoteType(
            int(key), str(model.get("name", "")), fields, model.get("type") == 1, typed
        )
    names = {int(key): tuple(str(d.get("name", "")).split("::")) for key, d in decks.items()}
    return notetypes, names


def _schema_18(
    conn: sqlite3.Connection,
) -> tuple[dict[int, NoteType], dict[int, tuple[str, ...]]]:
    fields: dict[int, list[str]] = {}
    for ntid, name in conn.execute("SELECT ntid, name FROM fields ORDER BY ntid, ord"):
        fields.setdefault(ntid, []).append(name)
    typed = {
        ntid
        for ntid, config in conn.execute("SELECT ntid, config FROM templates")
        if b"{{type:" in bytes(config or b"")
    }
    notetypes = {}
    for ntid, name, config in conn.execute("SELECT id, name, config FROM notetypes"):
        raw = bytes(config or b"")
        cloze = raw[:2] == b"\x08\x01"  # NotetypeConfig.kind (field 1) = KIND_CLOZE
        notetypes[ntid] = NoteType(ntid, name, tuple(fields.get(ntid, ())), cloze, ntid in typed)
    decks = {
        did: tuple(name.split(FIELD_SEPARATOR))
        for did, name in conn.execute("SELECT id, name FROM decks")
    }
    return notetypes, decks


def _notes(conn: sqlite3.Connection) -> list[Note]:
    return [
        Note(nid, str(guid), mid, tuple(str(flds).split(FIELD_SEPARATOR)), tuple(str(tags).split()))
        for nid, guid, mid, flds, tags in conn.execute(
            "SELECT id, guid, mid, flds, tags FROM notes ORDER BY id"
        )
    ]


def _cards(conn: sqlite3.Connection) -> list[AnkiCard]:
    cards = []
    for cid, nid, did, odid, ord_, queue, data in conn.execute(
        "SELECT id, nid, did, odid, ord, queue, data FROM cards ORDER BY nid, ord"
    ):
        memory: dict[str, float] = {}
        if data and data != "{}":
            try:
                parsed = json.loads(data)
                memory = {k: float(parsed[k]) for k in ("s", "d") if k in parsed}
            except (json.JSONDecodeError, TypeError, ValueError):
                memory = {}
        # a card in a filtered deck belongs to its original deck
        cards.append(AnkiCard(cid, nid, odid or did, ord_, queue, memory))
    return cards


def _reviews(conn: sqlite3.Connection) -> list[Review]:
    return [
        Review(*row)
        for row in conn.execute(
            "SELECT cid, id, ease, type, ivl, time FROM revlog ORDER BY cid, id"
        )
    ]

"""Syncing the decks' cards into the progress store (the app never writes deck files).

Fast for the common case of nothing changed: each deck's cards (ids, sections, answer keys, in
order) are summed up in a digest, and a deck whose digest is the one stored at its last sync is
not looked at further. The stored cards of the other decks are read in one query, compared in
memory, and only differences are written (the caller holds one transaction). Cards are keyed
by their stable ids, so progress follows a card across edits.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import NamedTuple

from studyapp.digest import blake2b
from studyapp.model import Deck


@dataclass
class SyncReport:
    """What :meth:`Store.sync_decks` changed: card ids per kind, and how many were unchanged.

    ``answer_changed`` lists cards with progress whose answer differs from the one the
    progress was earned on; the UI offers :meth:`Store.reset_card` or
    :meth:`Store.accept_answer_change` for them.
    """

    added: list[str] = field(default_factory=list)
    retired: list[str] = field(default_factory=list)
    answer_changed: list[str] = field(default_factory=list)
    revived: list[str] = field(default_factory=list)
    unchanged: int = 0


_CHUNK = 500


class _Stored(NamedTuple):
    """A card as the store has it."""

    deck_id: str
    section_id: str
    answer_key: str
    changed_answer_key: str | None
    position: int
    retired: int


class _Wanted(NamedTuple):
    """A card as the decks have it."""

    deck_id: str
    section_id: str
    answer_key: str
    position: int


_CARD_COLUMNS = "id, deck_id, section_id, answer_key, changed_answer_key, position, retired"


def _marks(n: int) -> str:
    return ", ".join("?" * n)


def _stored_cards(
    conn: sqlite3.Connection, deck_ids: list[str], wanted: dict[str, _Wanted]
) -> dict[str, _Stored]:
    """The stored rows of the synced decks' cards, plus wanted cards stored in another deck."""
    stored: dict[str, _Stored] = {}
    for start in range(0, len(deck_ids), _CHUNK):
        part = deck_ids[start : start + _CHUNK]
        sql = f"SELECT {_CARD_COLUMNS} FROM cards WHERE deck_id IN ({_marks(len(part))})"
        for row in conn.execute(sql, part):
            stored[row[0]] = _Stored(*row[1:])
    elsewhere = [card_id for card_id in wanted if card_id not in stored]
    for start in range(0, len(elsewhere), _CHUNK):
        part = elsewhere[start : start + _CHUNK]
        sql = f"SELECT {_CARD_COLUMNS} FROM cards WHERE id IN ({_marks(len(part))})"
        for row in conn.execute(sql, part):
            stored[row[0]] = _Stored(*row[1:])
    return stored


def _with_progress(conn: sqlite3.Connection, card_ids: list[str]) -> set[str]:
    """Which of ``card_ids`` have a state or any logged answer (progress worth protecting)."""
    found: set[str] = set()
    for start in range(0, len(card_ids), _CHUNK):
        part = card_ids[start : start + _CHUNK]
        in_list = _marks(len(part))
        sql = (
            f"SELECT card_id FROM card_state WHERE card_id IN ({in_list}) "
            f"UNION SELECT DISTINCT card_id FROM review_log WHERE card_id IN ({in_list})"
        )
        found.update(row[0] for row in conn.execute(sql, part + part))
    return found


def _sync_deck_rows(conn: sqlite3.Connection, decks: list[Deck], now_us: int) -> None:
    """Insert new decks and update those whose title, source or path changed."""
    ids = [deck.id for deck in decks]
    known: dict[str, tuple[str, str | None, str | None]] = {}
    for start in range(0, len(ids), _CHUNK):
        part = ids[start : start + _CHUNK]
        sql = f"SELECT id, title, source_title, path FROM decks WHERE id IN ({_marks(len(part))})"
        known.update({row[0]: tuple(row[1:]) for row in conn.execute(sql, part)})  # type: ignore[misc]
    changed = []
    for deck in decks:
        row = (
            deck.title,
            deck.source.title if deck.source else None,
            None if deck.path is None else str(deck.path),
        )
        if known.get(deck.id) != row:
            changed.append((deck.id, *row, now_us))
    conn.executemany(
        """INSERT INTO decks (id, title, source_title, path, synced_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT(id) DO UPDATE SET title = excluded.title,
               source_title = excluded.source_title, path = excluded.path,
               synced_at = excluded.synced_at""",
        changed,
    )


def cards_digest(deck: Deck) -> str:
    """A digest of what syncing stores of ``deck``'s cards: ids, sections, answer keys, order.

    Joined strings hashed once: a few milliseconds for 100,000 cards (a cached deck keeps its
    answer keys, so no card text is needed)."""
    cards = deck.cards
    digest = blake2b(digest_size=16)
    for part in (
        "\x1f".join([card.id for card in cards]),
        "\x1f".join([card.section for card in cards]),
        "\x1f".join([card.answer_key() for card in cards]),
    ):
        digest.update(part.encode("utf-8"))
        digest.update(b"\x1e")
    return digest.hexdigest()


def _stored_digests(conn: sqlite3.Connection, deck_ids: list[str]) -> dict[str, str | None]:
    """The cards digest each deck had at its last sync (None: not known)."""
    out: dict[str, str | None] = {}
    for start in range(0, len(deck_ids), _CHUNK):
        part = deck_ids[start : start + _CHUNK]
        sql = f"SELECT id, cards_digest FROM decks WHERE id IN ({_marks(len(part))})"
        out.update({row[0]: row[1] for row in conn.execute(sql, part)})
    return out


def sync_decks(
    conn: sqlite3.Connection, decks: list[Deck], now_us: int, report: SyncReport
) -> None:
    """Make the stored cards of ``decks`` match them, filling ``report`` (see
    :meth:`studyapp.store.database.Store.sync_decks`). Runs inside the caller's transaction.

    A deck whose cards digest equals the one stored at its last sync is left as it is: the
    stored cards already match it (answers, resets, suspending and burying never change what
    syncing compares)."""
    digests = {deck.id: cards_digest(deck) for deck in decks}
    stored_digests = _stored_digests(conn, list(digests))
    _sync_deck_rows(conn, decks, now_us)
    unchanged = [deck for deck in decks if stored_digests.get(deck.id) == digests[deck.id]]
    report.unchanged += sum(len(deck.cards) for deck in unchanged)
    skip = {deck.id for deck in unchanged}
    changed = [deck for deck in decks if deck.id not in skip]
    if changed:
        _sync_cards(conn, changed, report)
        conn.executemany(
            "UPDATE decks SET cards_digest = ? WHERE id = ?",
            [(digests[deck.id], deck.id) for deck in changed],
        )


def _sync_cards(conn: sqlite3.Connection, decks: list[Deck], report: SyncReport) -> None:
    """Compare the stored cards of ``decks`` with theirs, one by one, and write differences."""
    wanted: dict[str, _Wanted] = {}
    for deck in decks:
        for position, card in enumerate(deck.cards):
            wanted[card.id] = _Wanted(deck.id, card.section, card.answer_key(), position)
    stored = _stored_cards(conn, [deck.id for deck in decks], wanted)

    inserts: list[tuple[str, str, str, str, int]] = []
    updates: list[tuple[str, str, str, str | None, int, str]] = []
    key_changed: list[str] = []
    for card_id, want in wanted.items():
        have = stored.get(card_id)
        if have is None:
            inserts.append((card_id, want.deck_id, want.section_id, want.answer_key, want.position))
            report.added.append(card_id)
            continue
        if want.answer_key in (have.answer_key, have.changed_answer_key):
            flag = None if want.answer_key == have.answer_key else have.changed_answer_key
            target = (want.deck_id, want.section_id, have.answer_key, flag, want.position, 0)
            if target == have:
                report.unchanged += 1
                continue
            if have.retired:
                report.revived.append(card_id)
            updates.append((*target[:5], card_id))
        else:
            key_changed.append(card_id)

    protected = _with_progress(conn, key_changed) if key_changed else set()
    for card_id in key_changed:
        want, have = wanted[card_id], stored[card_id]
        if have.retired:
            report.revived.append(card_id)
        if card_id in protected:
            report.answer_changed.append(card_id)
            key, flag = have.answer_key, want.answer_key
        else:
            key, flag = want.answer_key, None
        updates.append((want.deck_id, want.section_id, key, flag, want.position, card_id))

    synced = {deck.id for deck in decks}
    retire = [
        (card_id,)
        for card_id, have in stored.items()
        if card_id not in wanted and have.deck_id in synced and not have.retired
    ]
    report.retired.extend(card_id for (card_id,) in retire)
    conn.executemany(
        """INSERT INTO cards (id, deck_id, section_id, answer_key, position)
           VALUES (?, ?, ?, ?, ?)""",
        inserts,
    )
    conn.executemany(
        """UPDATE cards SET deck_id = ?, section_id = ?, answer_key = ?, changed_answer_key = ?,
               position = ?, retired = 0 WHERE id = ?""",
        updates,
    )
    conn.executemany("UPDATE cards SET retired = 1 WHERE id = ?", retire)
    moved = [
        (want.deck_id, card_id)
        for card_id, want in wanted.items()
        if card_id in stored and stored[card_id].deck_id != want.deck_id
    ]
    conn.executemany("UPDATE card_state SET deck_id = ? WHERE card_id = ?", moved)

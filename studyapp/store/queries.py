"""The store's read-only queries: what is due, what is new, and the statistics the GUI shows.

Written for 100k cards and a million log rows: "due" walks the ``card_state(due, card_id)``
index, "new" the ``cards(deck_id, position)`` index, and per-day figures read only the log
rows since the given time through ``review_log(reviewed_at)``. Mixed into
:class:`studyapp.store.database.Store`.
"""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from studyapp.review_types import Phase, ReviewMode
from studyapp.store.dbfile import from_micros, to_micros

_ACTIVE = "c.retired = 0 AND c.suspended = 0 AND (c.buried_until IS NULL OR c.buried_until <= :now)"
_DUE = f"s.due <= :now AND {_ACTIVE}"  # a card due at :now (card_state s of cards c)


CardRow = tuple[str, str, int, int | None, int | None, float | None, int | None, int | None]
# (deck_id, section_id, suspended, buried_until, phase, stability, due, last_review)


class DueCard(NamedTuple):
    """A card due for review, as a study queue needs it: id, deck, phase and due time."""

    card_id: str
    deck_id: str
    phase: Phase
    due: datetime


@dataclass(frozen=True)
class Retention:
    """True retention: of review-mode answers on cards in the review phase, the share not
    answered Again."""

    passed: int
    total: int

    @property
    def rate(self) -> float | None:
        """``passed / total``, or None before any such answer."""
        return self.passed / self.total if self.total else None


def _deck_filter(deck_ids: Iterable[str] | None, params: dict[str, object]) -> str:
    """``AND c.deck_id IN (...)`` for the given decks (nothing for all decks)."""
    if deck_ids is None:
        return ""
    names = []
    for n, deck_id in enumerate(deck_ids):
        params[f"d{n}"] = deck_id
        names.append(f":d{n}")
    return f" AND c.deck_id IN ({', '.join(names) or 'NULL'})"


class StoreStats:
    """Queries over cards, states and the log; needs ``conn`` and ``_errors`` of the store."""

    conn: sqlite3.Connection

    def _errors(self) -> AbstractContextManager[None]:  # pragma: no cover - Store provides it
        raise NotImplementedError

    def _rows(self, sql: str, params: dict[str, object]) -> Iterator[tuple]:
        with self._errors():
            yield from self.conn.execute(sql, params).fetchall()

    def due_card_ids(
        self, deck_ids: Iterable[str] | None, now: datetime, limit: int | None = None
    ) -> list[str]:
        """Cards due at ``now`` (not suspended, buried or retired), most overdue first.

        Each deck is read along its ``(deck_id, due)`` index, so a backlog in other decks
        costs nothing; with ``limit`` each deck stops after that many rows.
        """
        params: dict[str, object] = {"now": to_micros(now), "limit": -1 if limit is None else limit}
        # CROSS JOIN keeps card_state the outer loop: rows come in index (due) order.
        head = "SELECT s.due, s.card_id FROM card_state s CROSS JOIN cards c ON c.id = s.card_id "
        tail = f"{_DUE} ORDER BY s.due, s.card_id LIMIT :limit"
        if deck_ids is None:
            rows = list(self._rows(head + "WHERE " + tail, params))
        else:
            rows = []
            for deck_id in dict.fromkeys(deck_ids):
                params["deck"] = deck_id
                rows.extend(self._rows(head + "WHERE s.deck_id = :deck AND " + tail, params))
            rows.sort()
        return [card_id for _, card_id in (rows if limit is None else rows[:limit])]

    def due_cards(self, deck_ids: Iterable[str], now: datetime) -> list[DueCard]:
        """The cards :meth:`due_card_ids` lists, in its order, with their deck, phase and due
        time: what a study queue is built from, without reading each card's whole state."""
        sql = (
            "SELECT s.due, s.card_id, s.deck_id, s.phase FROM card_state s CROSS JOIN cards c "
            f"ON c.id = s.card_id WHERE s.deck_id = :deck AND {_DUE} ORDER BY s.due, s.card_id"
        )
        params: dict[str, object] = {"now": to_micros(now)}
        rows: list[tuple[int, str, str, int]] = []
        for deck_id in dict.fromkeys(deck_ids):
            params["deck"] = deck_id
            rows.extend(self._rows(sql, params))
        rows.sort()
        phases = {int(phase): phase for phase in Phase}
        return [DueCard(i, deck, phases[phase], from_micros(due)) for due, i, deck, phase in rows]

    def new_card_ids(
        self, deck_ids: Iterable[str], limit: int | None = None, now: datetime | None = None
    ) -> list[str]:
        """Never-reviewed cards in deck order (the decks' order, then each deck's order).

        Pass ``now`` to leave out buried cards (without it, burying is not considered).
        """
        out: list[str] = []
        # A deck whose every card has a state has none to find: two index counts tell it,
        # where the search below would look each of its cards up (40 ms at 100k cards).
        unseen_sql = (
            "SELECT (SELECT count(*) FROM cards WHERE deck_id = :deck) "
            "- (SELECT count(*) FROM card_state WHERE deck_id = :deck)"
        )
        for deck_id in deck_ids:
            remaining = -1 if limit is None else limit - len(out)
            if remaining == 0:
                break
            if next(self._rows(unseen_sql, {"deck": deck_id}))[0] <= 0:
                continue
            params: dict[str, object] = {"deck": deck_id, "limit": remaining}
            bury = ""
            if now is not None:
                params["now"] = to_micros(now)
                bury = " AND (c.buried_until IS NULL OR c.buried_until <= :now)"
            sql = (
                "SELECT c.id FROM cards c WHERE c.deck_id = :deck AND c.retired = 0 "
                f"AND c.suspended = 0{bury} "
                "AND NOT EXISTS (SELECT 1 FROM card_state s WHERE s.card_id = c.id) "
                "ORDER BY c.position LIMIT :limit"
            )
            out.extend(row[0] for row in self._rows(sql, params))
        return out

    def new_cards_introduced(self, deck_id: str, day_start: datetime) -> int:
        """How many of the deck's cards had their first review at or after ``day_start``
        (for the new-cards-per-day limit)."""
        # CROSS JOIN keeps the log outer: today's answers are read through the reviewed_at
        # index, rather than every card of the deck being looked up in the log.
        sql = (
            "SELECT count(DISTINCT r.card_id) FROM review_log r CROSS JOIN cards c "
            "ON c.id = r.card_id WHERE r.reviewed_at >= :start AND r.mode = 'review' "
            "AND c.deck_id = :deck "
            "AND NOT EXISTS (SELECT 1 FROM review_log e WHERE e.card_id = r.card_id "
            "AND e.mode = 'review' AND e.reviewed_at < :start)"
        )
        params: dict[str, object] = {"start": to_micros(day_start), "deck": deck_id}
        return int(next(self._rows(sql, params))[0])

    def next_due(self, deck_ids: Iterable[str] | None = None) -> dict[str, datetime]:
        """Per deck, when its next reviewed card falls due (decks with none are left out)."""
        if deck_ids is None:
            deck_ids = [row[0] for row in self._rows("SELECT id FROM decks", {})]
        sql = (
            "SELECT s.due FROM card_state s CROSS JOIN cards c ON c.id = s.card_id "
            "WHERE s.deck_id = :deck AND c.retired = 0 AND c.suspended = 0 "
            "ORDER BY s.due LIMIT 1"
        )
        out: dict[str, datetime] = {}
        for deck_id in dict.fromkeys(deck_ids):
            for (due,) in self._rows(sql, {"deck": deck_id}):
                out[deck_id] = from_micros(due)
        return out

    def review_counts(self, since: datetime | None = None) -> dict[str, int]:
        """Per deck, how many answers were logged (since ``since``, if given)."""
        params: dict[str, object] = {"since": to_micros(since) if since else None}
        sql = (
            "SELECT c.deck_id, count(*) FROM review_log r JOIN cards c ON c.id = r.card_id "
            "WHERE :since IS NULL OR r.reviewed_at >= :since GROUP BY c.deck_id"
        )
        return {deck: int(n) for deck, n in self._rows(sql, params)}

    def _counts_between(self, sql: str, params: dict[str, object], bounds: list[int]) -> list[int]:
        """``sql`` (a count with ``:lo`` / ``:hi`` bounds) for each consecutive pair of
        ``bounds``: one index range count per bucket, no rows brought into Python."""
        out = []
        for lo, hi in itertools.pairwise(bounds):
            out.append(int(next(self._rows(sql, {**params, "lo": lo, "hi": hi}))[0]))
        return out

    def reviews_between(self, bounds: Sequence[datetime]) -> list[int]:
        """Answers logged in each window ``[bounds[i], bounds[i + 1])``: one index range count
        per window, no rows brought into Python (the caller decides what a day is)."""
        sql = "SELECT count(*) FROM review_log WHERE reviewed_at >= :lo AND reviewed_at < :hi"
        return self._counts_between(sql, {}, [to_micros(b) for b in bounds])

    def answer_count(self) -> int:
        """How many answers the log holds (kept up to date as answers are logged)."""
        (count,) = next(self._rows("SELECT value FROM store_meta WHERE key = 'answers'", {}))
        return int(count)

    def deck_change_counts(self) -> dict[str, int]:
        """Per deck id, a counter that moves whenever a card of the deck changes in a way its
        progress figures depend on (kept by triggers; a deck never changed is absent)."""
        return dict(self._rows("SELECT deck_id, value FROM deck_changes", {}))

    def card_progress_rows(self, deck_ids: Iterable[str] | None = None) -> list[CardRow]:
        """The rows of :meth:`each_card_progress_row` as a list."""
        return list(self.each_card_progress_row(deck_ids))

    def each_card_progress_row(self, deck_ids: Iterable[str] | None = None) -> Iterator[CardRow]:
        """Every card of ``deck_ids`` (all decks when None) that is not retired, as
        (deck_id, section_id, suspended, buried_until, phase, stability, due, last_review):
        times in microseconds, the state columns None for a card never reviewed. What
        progress figures are computed from (:mod:`studyapp.study.progress`). The rows come
        one at a time as SQLite reads them: 100,000 of them are never held at once (about
        25 MB at the app's start)."""
        params: dict[str, object] = {}
        sql = (
            "SELECT c.deck_id, c.section_id, c.suspended, c.buried_until, "
            "s.phase, s.stability, s.due, s.last_review "
            "FROM cards c LEFT JOIN card_state s ON s.card_id = c.id "
            f"WHERE c.retired = 0{_deck_filter(deck_ids, params)}"
        )
        with self._errors():
            yield from self.conn.execute(sql, params)

    def true_retention(
        self, since: datetime | None = None, until: datetime | None = None
    ) -> Retention:
        """True retention over review-mode answers on review-phase cards, logged from ``since``
        and before ``until`` (each bound when given)."""
        params: dict[str, object] = {
            "mode": ReviewMode.REVIEW.value,
            "review": int(Phase.REVIEW),
        }
        sql = (
            "SELECT coalesce(sum(rating != 1), 0), count(*) FROM review_log "
            "WHERE mode = :mode AND prior_phase = :review"
        )
        if since is not None:  # a plain range, so the reviewed_at index is used
            params["since"] = to_micros(since)
            sql += " AND reviewed_at >= :since"
        if until is not None:
            params["until"] = to_micros(until)
            sql += " AND reviewed_at < :until"
        passed, total = next(self._rows(sql, params))
        return Retention(int(passed), int(total))

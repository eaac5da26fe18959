"""The one model of progress: every figure a screen or ``studyapp stats`` shows, defined once.

The library, the reader, the progress view and ``studyapp stats`` all read their numbers here,
so they cannot disagree. The rules:

* **The study day** is the scheduler's: it starts at the rollover hour (4 am by default) in the
  student's time zone, as in Anki. "Today", "due today", reviews per day, weekly retention and
  the forecast all count in study days.
* **Active** cards are the deck's cards that are not suspended and not buried (a buried card
  waits for the next study day). Retired cards (gone from the deck file) never count.
* **New**: active, never reviewed. **Learning**: active, in a learning or relearning step.
* **Due today**: active, reviewed, and due before the study day ends; this is what a study
  session of the deck would show (besides today's new cards).
* **Mastered**: in the review phase with a stability of three weeks or more (Anki's "mature")
  and a predicted recall of at least 90 % now. Since FSRS defines stability as the days until
  recall falls to 90 %, a mastered card is one not yet overdue past its stability.
* **Mastery** of a group of cards: their mean predicted recall now, a new card counting 0.
* **Forecast**: reviewed, non-suspended cards due on each coming study day (day 0 is today,
  with everything overdue, and equals "due today"; a card buried today counts tomorrow).
* **True retention**: of review-mode answers to cards in the review phase, the share not
  answered Again.

The figures come from one pass over the store's card rows (:meth:`Store.each_card_progress_row`),
with day boundaries computed once per call, so a refresh costs the same per card whatever the
history. A :class:`ProgressModel` keeps each deck's figures from that pass for the study day and
reads a deck again only when the store's change counter of the deck moved (a card answered,
suspended, buried, reset, added or retired): keep one model per window and a refresh after
answering a card reads that card's deck alone. The kept figures are also saved in the store
(:meth:`ProgressModel.save_kept`, :meth:`ProgressModel.restore_kept`) with what they hold for,
so a start on the same study day with nothing changed shows the library without reading a
single card row; a figure that does not match is worked out again, never shown. The store
stores; this module says what the stored numbers mean.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from itertools import pairwise
from typing import TYPE_CHECKING, Any, Protocol

from studyapp import __version__
from studyapp.model import Deck, Section
from studyapp.review_types import CardState, Phase, as_utc
from studyapp.store.dbfile import from_micros, to_micros
from studyapp.store.queries import CardRow, Retention
from studyapp.study.scheduler import Scheduler
from studyapp.study.study_days import StudyDays

if TYPE_CHECKING:
    from studyapp.study.progress_report import ProgressReport

MASTERED_RECALL = 0.9
MASTERED_STABILITY_DAYS = 21.0  # Anki's "mature": an interval of three weeks or more
FORECAST_DAYS = 30
RETENTION_DAYS = 30  # the headline true retention: the last 30 study days
RETENTION_WEEKS = 12
HISTORY_DAYS = 26 * 7  # reviews per day: about half a year, for the calendar
KEPT_FIGURES_KEY = "progress.kept_figures"  # the store setting that keeps them between starts
KEPT_FIGURES_FORMAT = 1  # the shape of what is saved; another is ignored (worked out again)
_REVIEW = int(Phase.REVIEW)
_COUNTS = ("total", "new", "learning", "due_today", "mastered", "suspended", "buried", "studied")


class ProgressStore(Protocol):
    """The store queries progress is computed from (:class:`studyapp.store.database.Store`)."""

    def each_card_progress_row(
        self, deck_ids: Iterable[str] | None = None
    ) -> Iterator[CardRow]: ...

    def read_sections(self, deck_id: str) -> dict[str, datetime]: ...

    def answer_count(self) -> int: ...

    def deck_change_counts(self) -> dict[str, int]: ...

    def reviews_between(self, bounds: Sequence[datetime]) -> list[int]: ...

    def true_retention(
        self, since: datetime | None = None, until: datetime | None = None
    ) -> Retention: ...

    def setting(self, key: str, default: Any = None) -> Any: ...

    def set_setting(self, key: str, value: Any) -> None: ...


def mastered(phase: int | None, stability: float | None, recall: float) -> bool:
    """The mastered rule on a card's stored numbers (see the module docstring)."""
    return (
        phase == _REVIEW
        and stability is not None
        and stability >= MASTERED_STABILITY_DAYS
        and recall >= MASTERED_RECALL
    )


def is_mastered(state: CardState | None, recall: float) -> bool:
    """Whether a card with ``state`` and predicted ``recall`` now counts as mastered."""
    return state is not None and mastered(int(state.phase), state.stability, recall)


def is_active(suspended: int, buried_until: int | None, day_end: int) -> bool:
    """Whether a card takes part in today's study: not suspended, not buried past today.

    Times in microseconds since the epoch, as the store keeps them."""
    return not suspended and (buried_until is None or buried_until < day_end)


def is_due_today(phase: int | None, due: int | None, day_end: int) -> bool:
    """Whether an active card is due today: reviewed, and due before the study day ends."""
    return phase is not None and due is not None and due < day_end


@dataclass(frozen=True)
class TopicMastery:
    """Mastery of one deck or one section, with the counts a bar's label shows."""

    title: str
    mastery: float
    studied: int
    cards: int


@dataclass(frozen=True)
class DeckProgress:
    """One deck's figures at one moment (see the module docstring for each rule)."""

    deck: Deck
    total: int = 0  # cards in the deck, suspended ones included
    new: int = 0
    learning: int = 0
    due_today: int = 0
    mastered: int = 0
    suspended: int = 0
    buried: int = 0
    studied: int = 0  # reviewed at least once
    mastery: float = 0.0  # mean predicted recall, 0..1, new cards count 0
    next_due: datetime | None = None  # earliest due time of a reviewed, unsuspended card
    sections_read: int = 0  # reading sections marked read (of len(deck.sections))
    section_recall: dict[str, tuple[float, int, int]] = field(default_factory=dict, compare=False)
    # per section id the cards name (not rolled up): (sum of predicted recall, cards, studied)
    _rolled_up: dict[str, list[float]] = field(default_factory=dict, compare=False, repr=False)

    def _with_subsections(self) -> dict[str, list[float]]:
        """``section_recall`` summed into every section that contains it (``II`` and ``II.A``
        both count the cards of ``II.A.1``), worked out once rather than once per section:
        the progress view asks for every section of every deck."""
        if not self._rolled_up and self.section_recall:
            for sid, values in self.section_recall.items():
                parts = sid.split(".")
                for depth in range(1, len(parts) + 1):
                    sums = self._rolled_up.setdefault(".".join(parts[:depth]), [0.0, 0, 0])
                    for n, value in enumerate(values):
                        sums[n] += value
        return self._rolled_up

    def section(self, section_id: str) -> TopicMastery | None:
        """Mastery of a section with its subsections (ids such as ``II.A`` cover ``II.A.1``);
        None when it has no cards."""
        recall, cards, studied = self._with_subsections().get(section_id, (0.0, 0, 0))
        if not cards:
            return None
        found = self.deck.section_by_id(section_id)
        title = f"{found.number} {found.title}".strip() if found else section_id
        return TopicMastery(title, recall / cards, int(studied), int(cards))

    def sections_mastery(self) -> dict[str, float | None]:
        """Mastery of every reading section of the deck (None for a section without cards)."""
        return {
            s.id: (m.mastery if (m := self.section(s.id)) else None) for s in self.deck.sections
        }


class ProgressModel:
    """Progress figures of one store under one scheduler (its study day and forgetting curve)."""

    def __init__(self, store: ProgressStore, scheduler: Scheduler) -> None:
        self.store = store
        self.scheduler = scheduler
        # per deck id: (what the figures hold for, the figures, due on each coming study day)
        self._kept: dict[str, tuple[list[Any], DeckProgress, list[int]]] = {}
        # per deck id: figures saved by an earlier start, as saved (see restore_kept)
        self._saved: dict[str, Any] = {}
        self._unsaved = False  # figures worked out since the last save_kept
        self._days: StudyDays | None = None  # today's day starts, worked out once a day

    def day_end(self, now: datetime) -> datetime:
        """When today's study day ends (a due time before it is "due today")."""
        return self.scheduler.next_day_start(now)

    def decks(
        self, decks: Sequence[Deck], now: datetime, *, forecast: list[int] | None = None
    ) -> list[DeckProgress]:
        """The figures of each deck at ``now``, in the given order.

        Pass a list as ``forecast`` to have it filled with the cards due on each of the next
        ``len(forecast)`` study days over these decks (in the same pass).

        Within one study day a deck's figures change only when one of its cards does (recall
        counts whole study days, "due today" ends with the day), so a deck's figures are kept
        with the study day, the scheduler settings they depend on and the deck's change counter
        in the store (:meth:`Store.deck_change_counts`); only the decks where one of those
        moved are read again, by the one pass of :meth:`_compute`.
        """
        slots = max(FORECAST_DAYS, len(forecast or ()))
        keys, days = self._keys(decks, now, slots)
        stale = [d for d in decks if self._known(d, keys[d.id]) is None]
        if stale:
            fresh = self._compute(stale, days, slots)
            for deck in stale:
                self._kept[deck.id] = (keys[deck.id], *fresh[deck.id])
            self._unsaved = True
        out = [self._with_reading(deck) for deck in decks]
        if forecast is not None:
            for deck in decks:
                due_on_day = self._kept[deck.id][2]
                for slot in range(len(forecast)):
                    forecast[slot] += due_on_day[slot]
        return out

    def known(self, decks: Sequence[Deck], now: datetime) -> list[DeckProgress | None]:
        """The figures of each deck at ``now`` where they are at hand without reading the
        deck's cards (kept, or saved by an earlier start and still true); None where they are
        not: :meth:`decks` works those out. What a window shows before its first paint."""
        keys, _days = self._keys(decks, now, FORECAST_DAYS)
        return [
            None if self._known(deck, keys[deck.id]) is None else self._with_reading(deck)
            for deck in decks
        ]

    def _keys(
        self, decks: Sequence[Deck], now: datetime, slots: int
    ) -> tuple[dict[str, list[Any]], StudyDays]:
        """What each deck's figures must hold for to be true at ``now`` (a JSON value: the
        study day and its boundaries, the scheduler's settings and time zone, the forecast's
        length and the deck's change counter in the store), and today's study days."""
        now = as_utc(now)
        days = self._days
        if days is None or days.today != self.scheduler.study_day(now) or days.ahead != slots:
            days = self._days = StudyDays(self.scheduler, now, back=400, ahead=slots)
        when = [
            days.today.isoformat(),
            hash(tuple(days.starts)),  # ints hash alike in every run: the day boundaries
            repr(self.scheduler.settings),
            repr(self.scheduler.tz),
            slots,
        ]
        counters = self.store.deck_change_counts()
        return {deck.id: [*when, counters.get(deck.id, 0)] for deck in decks}, days

    def _known(self, deck: Deck, key: list[Any]) -> DeckProgress | None:
        """The deck's kept figures if they hold for ``key`` (taken from the saved ones when
        those do), else None."""
        kept = self._kept.get(deck.id)
        if kept is not None and kept[0] == key:
            return kept[1]
        saved = self._saved.pop(deck.id, None)
        if saved is None:
            return None
        try:
            figures, due_on_day = _decoded(deck, saved, key)
        except (TypeError, ValueError, KeyError, IndexError):
            return None  # not what save_kept writes: worked out again
        if figures is None:
            return None
        self._kept[deck.id] = (key, figures, due_on_day)
        return figures

    def _with_reading(self, deck: Deck) -> DeckProgress:
        """The deck's kept figures with ``deck`` itself and its sections read filled in."""
        key, figures, due_on_day = self._kept[deck.id]
        read = len({s.id for s in deck.sections} & set(self.store.read_sections(deck.id)))
        if figures.deck is not deck or figures.sections_read != read:
            figures = replace(figures, deck=deck, sections_read=read)
            self._kept[deck.id] = (key, figures, due_on_day)
        return figures

    def save_kept(self) -> None:
        """Save the kept figures in the store (when any was worked out since the last save),
        for the next start: see :meth:`restore_kept`."""
        if not self._unsaved:
            return
        decks = {deck_id: _encoded(*kept) for deck_id, kept in self._kept.items()}
        self.store.set_setting(
            KEPT_FIGURES_KEY,
            {"format": KEPT_FIGURES_FORMAT, "version": __version__, "decks": decks},
        )
        self._unsaved = False

    def restore_kept(self) -> None:
        """Take up the figures an earlier start saved. Each is used only while what it holds
        for is still true (the same study day, settings and change counter); a saved value
        of another shape is ignored."""
        saved = self.store.setting(KEPT_FIGURES_KEY, None)
        if (
            isinstance(saved, dict)
            and saved.get("format") == KEPT_FIGURES_FORMAT
            and saved.get("version") == __version__
            and isinstance(saved.get("decks"), dict)
        ):
            self._saved = dict(saved["decks"])

    def _compute(
        self, decks: Sequence[Deck], days: StudyDays, slots: int
    ) -> dict[str, tuple[DeckProgress, list[int]]]:
        """The figures of ``decks`` and each one's cards due on the next ``slots`` study days,
        in one pass over their card rows (``sections_read`` is filled in by :meth:`decks`)."""
        day_end = days.day_end
        horizon = days.starts[-2]  # the start of the study day after the last slot
        recall_after, days_ago, offset = self.scheduler.recall_after, days.days_ago, days.offset
        acc: dict[str, list] = {deck.id: [0, 0, 0, 0, 0, 0, 0, 0, 0.0, None, {}] for deck in decks}
        # [total, new, learning, due, mastered, suspended, buried, studied, recall, next, sects]
        due_on: dict[str, list[int]] = {deck.id: [0] * slots for deck in decks}
        for row in self.store.each_card_progress_row(list(acc)):
            deck_id, section, suspended, buried_until, phase, stability, due, last_review = row
            a = acc[deck_id]
            a[0] += 1
            active = is_active(suspended, buried_until, day_end)
            if suspended:
                a[5] += 1
            elif not active:
                a[6] += 1
            sect = a[10].setdefault(section, [0.0, 0, 0])
            sect[1] += 1
            if phase is None:
                a[1] += active
                continue
            assert due is not None  # card_state.due is NOT NULL: a reviewed card has one
            a[7] += 1
            sect[2] += 1
            recall = 0.0
            if stability is not None and last_review is not None:
                recall = recall_after(days_ago(last_review), stability)
            a[8] += recall
            sect[0] += recall
            a[4] += mastered(phase, stability, recall)
            if suspended:
                continue
            if active:
                a[2] += phase != _REVIEW
                a[3] += is_due_today(phase, due, day_end)
            if a[9] is None or due < a[9]:
                a[9] = due
            if due < horizon:  # a card buried today comes back tomorrow
                slot = max(0 if active else 1, offset(due))
                if slot < slots:
                    due_on[deck_id][slot] += 1
        out = {}
        for deck in decks:
            a = acc[deck.id]
            figures = DeckProgress(
                deck=deck,
                total=a[0],
                new=a[1],
                learning=a[2],
                due_today=a[3],
                mastered=a[4],
                suspended=a[5],
                buried=a[6],
                studied=a[7],
                mastery=a[8] / a[0] if a[0] else 0.0,
                next_due=from_micros(a[9]) if a[9] is not None else None,
                sections_read=-1,
                section_recall={k: (v[0], v[1], v[2]) for k, v in a[10].items()},
            )
            out[deck.id] = (figures, due_on[deck.id])
        return out

    def deck(self, deck: Deck, now: datetime) -> DeckProgress:
        """The figures of one deck."""
        return self.decks([deck], now)[0]

    def has_cards_to_review(self, deck: Deck, section_id: str, now: datetime) -> bool:
        """Whether a section has new cards or cards due today (else it can only be crammed)."""
        day_end = to_micros(self.day_end(now))
        prefix = section_id + "."
        for (
            _,
            section,
            suspended,
            buried_until,
            phase,
            _s,
            due,
            _l,
        ) in self.store.each_card_progress_row([deck.id]):
            in_scope = section == section_id or section.startswith(prefix)
            if not in_scope or not is_active(suspended, buried_until, day_end):
                continue
            if phase is None or is_due_today(phase, due, day_end):
                return True
        return False

    def study_day_bounds(self, now: datetime, back: int) -> list[datetime]:
        """The starts of the last ``back`` study days and of tomorrow (``back + 1`` bounds)."""
        today = self.scheduler.study_day(now)
        days = [today - timedelta(days=n) for n in range(back - 1, -2, -1)]
        return [self.scheduler.day_start(day) for day in days]

    def reviews_per_day(self, now: datetime, days: int = HISTORY_DAYS) -> dict[date, int]:
        """Answers per study day over the last ``days`` days (days without any left out)."""
        bounds = self.study_day_bounds(now, days)
        today = self.scheduler.study_day(now)
        counts = self.store.reviews_between(bounds)
        first = today - timedelta(days=days - 1)
        return {first + timedelta(days=i): n for i, n in enumerate(counts) if n}

    def weekly_retention(self, now: datetime, weeks: int = RETENTION_WEEKS) -> list[Retention]:
        """True retention per 7-study-day window, oldest first, the last one ending today."""
        bounds = self.study_day_bounds(now, 7 * weeks)[::7]  # the last one: tomorrow's start
        return [self.store.true_retention(lo, hi) for lo, hi in pairwise(bounds)]

    def report(self, decks: Sequence[Deck], now: datetime) -> ProgressReport:
        """Everything the progress view shows about ``decks`` at ``now``."""
        from studyapp.study.progress_report import ProgressReport, totals

        forecast = [0] * FORECAST_DAYS
        figures = self.decks(decks, now, forecast=forecast)
        topics: list[TopicMastery] = []
        sections: list[tuple[str, list[TopicMastery]]] = []
        for f in figures:
            if not f.total:
                continue
            topics.append(TopicMastery(f.deck.title, f.mastery, f.studied, f.total))
            bars = [m for s in _listed_sections(f) if (m := f.section(s.id)) is not None]
            if bars:
                sections.append((f.deck.title, bars))
        sum_all = totals(figures)
        start = self.study_day_bounds(now, RETENTION_DAYS)[0]
        return ProgressReport(
            today=self.scheduler.study_day(now),
            cards=sum_all.total,
            studied=sum_all.studied,
            due_today=sum_all.due_today,
            review_count=self.store.answer_count(),
            reviews_per_day=self.reviews_per_day(now),
            retention=self.store.true_retention(start),
            weekly_retention=self.weekly_retention(now),
            forecast=forecast,
            topics=topics,
            sections=sections,
            desired_retention=self.scheduler.settings.desired_retention,
        )


def _encoded(key: list[Any], figures: DeckProgress, due_on_day: list[int]) -> dict[str, Any]:
    """A deck's kept figures as JSON values (the deck itself is not saved: it is the file's)."""
    return {
        "key": key,
        "counts": [getattr(figures, name) for name in _COUNTS],
        "mastery": figures.mastery,
        "next_due": None if figures.next_due is None else to_micros(figures.next_due),
        "sections": {sid: list(values) for sid, values in figures.section_recall.items()},
        "due_on_day": due_on_day,
    }


def _decoded(
    deck: Deck, saved: dict[str, Any], key: list[Any]
) -> tuple[DeckProgress | None, list[int]]:
    """Inverse of :func:`_encoded` for ``deck``; None when the figures do not hold for ``key``.
    Raises TypeError, ValueError, KeyError or IndexError for a value of another shape."""
    if saved["key"] != key:
        return None, []
    counts = [int(n) for n in saved["counts"]]
    next_due = saved["next_due"]
    sections = {
        str(sid): (float(recall), int(cards), int(studied))
        for sid, (recall, cards, studied) in saved["sections"].items()
    }
    due_on_day = [int(n) for n in saved["due_on_day"]]
    if len(due_on_day) < key[4]:
        raise ValueError("due_on_day")
    total, new, learning, due_today, mastered_, suspended, buried, studied = counts
    figures = DeckProgress(
        deck,
        total=total,
        new=new,
        learning=learning,
        due_today=due_today,
        mastered=mastered_,
        suspended=suspended,
        buried=buried,
        studied=studied,
        mastery=float(saved["mastery"]),
        next_due=None if next_due is None else from_micros(int(next_due)),
        sections_read=-1,
        section_recall=sections,
    )
    return figures, due_on_day


def _listed_sections(figures: DeckProgress) -> list[Section]:
    """The sections the progress view lists: the topic's children when there are any."""
    deck = figures.deck
    levels = sorted({s.level for s in deck.sections if figures.section(s.id) is not None})
    if not levels:
        return []
    level = levels[1] if len(levels) > 1 else levels[0]
    return [s for s in deck.sections if s.level == level]


__all__ = [
    "FORECAST_DAYS",
    "MASTERED_RECALL",
    "MASTERED_STABILITY_DAYS",
    "DeckProgress",
    "ProgressModel",
    "TopicMastery",
    "is_active",
    "is_due_today",
    "is_mastered",
    "mastered",
]

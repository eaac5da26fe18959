"""The study session: the quiz flow over one scope, driving a passive :class:`SessionView`.

A session covers one deck, one section of a deck (``II.A`` covers ``II.A.1``) or several decks.
In review mode it shows learning cards when due, due reviews and up to the day's new cards
(:mod:`studyapp.study.queue` decides the order), records every answer through the scheduler
into the store (state and log in one transaction) and can undo answers, one after the other.
Buried (until the next study day), suspended and retired cards are left out. When only
learning cards due later than the learn-ahead limit (20 minutes) are left, the session ends;
its summary says when the next card is due, and a later session shows them.

Cram mode (exam practice) goes once through every active card of the scope in a shuffled order
and ends with a score. It leaves the schedule alone: answers are logged with
``ReviewMode.CRAM`` (so statistics can show the practice) but never change a card's state.

The view is passive (Mnemosyne's pattern): the session calls ``show_question``,
``show_answer`` and ``show_finished``; the GUI forwards clicks and keys to :meth:`reveal`,
:meth:`answer_typed`, :meth:`answer_choice`, :meth:`rate`, :meth:`undo`, :meth:`bury` and
:meth:`suspend`. Tests drive the whole flow headless with a fake view. Time comes from an
injected clock, randomness from an injected ``random.Random``.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Protocol

from studyapp.errors import StudyappError
from studyapp.model import Card, CardType, Deck
from studyapp.review_types import CardState, Phase, Rating, ReviewEntry, ReviewMode, as_utc
from studyapp.store.database import Store
from studyapp.study.answers import AnswerCheck, check_choice, check_typed, choice_options
from studyapp.study.leech import SUSPEND_LEECHES_KEY, is_leech
from studyapp.study.queue import (
    LEARN_AHEAD,
    Origin,
    StudyQueue,
    Taken,
    cram_queue,
    review_queue,
)
from studyapp.study.scheduler import Scheduler
from studyapp.study.scope import session_cards

MAX_ANSWER_MS = 60_000  # longer thinking counts as a minute (Anki's cap), so a break is no data
_FAR_FUTURE = datetime(9999, 1, 1, tzinfo=UTC)


class SessionError(StudyappError):
    """A session action that does not fit the moment (e.g. rating before the answer shows)."""


@dataclass(frozen=True, slots=True)
class Progress:
    """Where the session stands; the counts include the card on screen. Learning cards count
    once they are due within the learn-ahead limit (as in Anki): one whose next step is an
    hour away is not "left" in this sitting."""

    done: int
    remaining: int
    new: int
    learning: int
    review: int


@dataclass(frozen=True, slots=True)
class SessionSummary:
    """Shown at the end: how it went and when to come back."""

    mode: ReviewMode
    answered: int
    correct: int  # answers other than Again
    time_spent: timedelta
    next_due: datetime | None  # review mode: the scope's next due card (None: none has a state)
    leeches: tuple[str, ...] = ()  # cards that lapsed as leeches this session (study.leech)
    leeches_suspended: bool = False  # and were suspended for it (the setting)

    @property
    def accuracy(self) -> float | None:
        """Share of answers other than Again (0..1), None when nothing was answered."""
        return self.correct / self.answered if self.answered else None

    @property
    def score(self) -> float | None:
        """Cram mode's exam score: the same share, as a percentage."""
        return None if self.accuracy is None else round(100 * self.accuracy, 1)


class SessionView(Protocol):
    """What the session needs of the quiz screen (the GUI's quiz widget; a fake in tests).

    ``show_question``: a new card is on screen. For a choice card the options in their shown
    order are :attr:`StudySession.options`. ``show_answer``: the answer is revealed; ``intervals``
    has the next interval for each of the four buttons (empty in cram mode); ``check`` is the
    verdict on a typed or chosen answer (None after a plain reveal), whose ``proposed`` rating
    the view preselects. ``show_finished``: nothing is left (or the student ended the session).
    """

    def show_question(self, card: Card, progress: Progress) -> None: ...

    def show_answer(
        self, card: Card, intervals: dict[Rating, timedelta], check: AnswerCheck | None
    ) -> None: ...

    def show_finished(self, summary: SessionSummary) -> None: ...


class Stage(StrEnum):
    """What the screen shows."""

    IDLE = "idle"  # before start()
    QUESTION = "question"
    ANSWER = "answer"
    FINISHED = "finished"


@dataclass(frozen=True, slots=True)
class _Done:
    """One step that undo can take back."""

    action: str  # "answer", "bury" or "suspend"
    taken: Taken
    previous: CardState | None = None
    log_id: int | None = None
    requeued: bool = False
    correct: bool = False
    duration_ms: int = 0
    leech: bool = False  # the answer made the card a leech (suspended if the setting says)


def utc_now() -> datetime:
    """The wall clock in UTC: the production clock, read only at the edge."""
    return datetime.now(UTC)


class StudySession:
    """One sitting of study over ``decks`` (or one ``section`` of a single deck; or, with
    ``only``, just those cards of them: the browser's custom study).

    The decks must have been synced into ``store`` (:meth:`Store.sync_decks`).
    """

    def __init__(
        self,
        store: Store,
        scheduler: Scheduler,
        decks: Sequence[Deck],
        view: SessionView,
        *,
        section: str | None = None,
        mode: ReviewMode = ReviewMode.REVIEW,
        clock: Callable[[], datetime] = utc_now,
        rng: random.Random | None = None,
        only: Collection[str] | None = None,
    ) -> None:
        if not decks:
            raise ValueError("a session needs at least one deck")
        if section is not None and len(decks) != 1:
            raise ValueError("a section belongs to one deck; pass exactly one deck")
        if section is not None and not decks[0].cards_in_section(section):
            raise ValueError(f"deck {decks[0].id} has no cards in section {section!r}")
        self.store = store
        self.scheduler = scheduler
        self.view = view
        self.mode = mode
        self.section = section
        self._decks = list(decks)
        self._clock = clock
        self._rng = rng if rng is not None else random.Random()
        self._cards = session_cards(decks, section, only)  # whole decks: indexed when needed
        self._whole_decks = section is None and only is None
        self._states: dict[str, CardState | None] = {}
        self._queue = StudyQueue([], [], [], lambda _: "")
        self.stage = Stage.IDLE
        self._current: Taken | None = None
        self._shown_at: datetime | None = None
        self._intervals: dict[Rating, timedelta] = {}
        self._options: tuple[str, ...] = ()
        self._check: AnswerCheck | None = None
        self._last_source = ""
        self._history: list[_Done] = []
        self._answered = 0
        self._correct = 0
        self._time_ms = 0
        self._leeches: dict[str, None] = {}  # in the order they lapsed
        self._suspend_leeches = bool(store.setting(SUSPEND_LEECHES_KEY, False))

    def deck_of(self, card: Card) -> Deck | None:
        """The deck of a card of this session (None for a card from elsewhere)."""
        return self._cards.deck_of(card.id)

    # -- building the queue -------------------------------------------------------------------

    def _now(self) -> datetime:
        return as_utc(self._clock())

    # -- the flow -----------------------------------------------------------------------------

    def start(self) -> None:
        """Build the queue and show the first card (or the summary if nothing is due)."""
        if self.stage is not Stage.IDLE:
            raise SessionError("the session has already started")
        now = self._now()
        deck_ids = [deck.id for deck in self._decks]
        if self.mode is ReviewMode.CRAM:
            self._queue = cram_queue(self.store, deck_ids, self._cards, self._rng)
        else:
            self._queue, placed = review_queue(
                self.store,
                self.scheduler,
                deck_ids,
                self._cards,
                now,
                whole_decks=self._whole_decks,
            )
            self._cards.place(placed)
        self._show_next(now)

    def _show_next(self, now: datetime) -> None:
        taken = self._queue.take_next(now, self._last_source)
        while taken is not None and taken.card_id not in self._cards:
            # A card the store still lists but the decks no longer have (they were not synced
            # since): whole decks are not checked card by card up front, so skip it here.
            taken = self._queue.take_next(now, self._last_source)
        if taken is None:
            self._finish()
            return
        self._show(taken, now)

    def _show(self, taken: Taken, now: datetime) -> None:
        """Put ``taken`` on screen, with its button intervals ready."""
        self._current = taken
        card = self.current_card
        assert card is not None
        self._shown_at = now
        self._check = None
        self._last_source = card.source
        if self.mode is ReviewMode.REVIEW:
            state = self._state(taken.card_id)
            self._intervals = self.scheduler.preview(taken.card_id, state, now)
        else:
            self._intervals = {}
        self._options = ()
        if card.type is CardType.CHOICE:
            count = 1 + len(card.distractors)
            order = self._rng.sample(range(count), count)
            self._options = tuple(choice_options(card, order))
        self.stage = Stage.QUESTION
        self.view.show_question(card, self._progress(now))

    def _require(self, stage: Stage, doing: str) -> None:
        if self.stage is not stage:
            raise SessionError(f"cannot {doing} now: the session shows {self.stage.value}")

    def reveal(self) -> None:
        """Show the answer and the four buttons with their next intervals."""
        self._require(Stage.QUESTION, "reveal the answer")
        self._reveal(None)

    def _reveal(self, check: AnswerCheck | None) -> None:
        card = self.current_card
        assert card is not None
        self._check = check
        self.stage = Stage.ANSWER
        self.view.show_answer(card, dict(self._intervals), check)

    def answer_typed(self, text: str) -> AnswerCheck:
        """Check a typed answer and reveal with the verdict; the student then confirms or
        overrides the proposed rating with :meth:`rate`."""
        self._require(Stage.QUESTION, "check an answer")
        card = self.current_card
        assert card is not None
        check = check_typed(text, card)
        self._reveal(check)
        return check

    def answer_choice(self, choice: int | str) -> AnswerCheck:
        """Check a multiple-choice pick, by its index in :attr:`options` or its text."""
        self._require(Stage.QUESTION, "check an answer")
        card = self.current_card
        assert card is not None
        if card.type is not CardType.CHOICE:
            raise SessionError(f"card {card.id} is not a multiple-choice card")
        if isinstance(choice, int):
            if not 0 <= choice < len(self._options):
                raise SessionError(f"there is no option {choice + 1}")
            choice = self._options[choice]
        check = check_choice(choice, card)
        self._reveal(check)
        return check

    def rate(self, rating: Rating | None = None) -> None:
        """Record the answer (None: accept the proposed rating) and show the next card."""
        self._require(Stage.ANSWER, "rate")
        if rating is None:
            if self._check is None:
                raise SessionError("choose a rating: there is no proposed one")
            rating = self._check.proposed
        rating = Rating(rating)
        leech = False
        taken = self._current
        assert taken is not None and self._shown_at is not None
        now = self._now()
        elapsed = (now - self._shown_at).total_seconds() * 1000
        duration_ms = max(0, min(MAX_ANSWER_MS, round(elapsed)))
        previous = self._state(taken.card_id) if self.mode is ReviewMode.REVIEW else None
        requeued = False
        if self.mode is ReviewMode.CRAM:
            entry = ReviewEntry(taken.card_id, now, rating, duration_ms, ReviewMode.CRAM)
            log_id = self.store.record_cram(entry)
        else:
            state, entry = self.scheduler.review(taken.card_id, previous, rating, now, duration_ms)
            log_id = self.store.record_review(state, entry)
            self._states[taken.card_id] = state
            leech = self._lapsed_as_leech(taken.card_id, previous, rating)
            learning_today = state.due < self.scheduler.next_day_start(now)
            if state.phase is not Phase.REVIEW and learning_today and not self._leech_gone(leech):
                self._queue.add_learning(taken.card_id, state.due)
                requeued = True
        correct = rating is not Rating.AGAIN
        self._history.append(
            _Done("answer", taken, previous, log_id, requeued, correct, duration_ms, leech)
        )
        self._answered += 1
        self._correct += int(correct)
        self._time_ms += duration_ms
        self._show_next(now)

    def _lapsed_as_leech(self, card_id: str, previous: CardState | None, rating: Rating) -> bool:
        """Whether this Again on a learned card makes it a leech (:mod:`.leech`); suspends it
        when the student's setting says so."""
        if rating is not Rating.AGAIN or previous is None or previous.phase is not Phase.REVIEW:
            return False
        if not is_leech(self.store.lapses(card_id)):
            return False
        self._leeches[card_id] = None
        if self._suspend_leeches:
            self.store.set_suspended(card_id, True)
        return True

    def _leech_gone(self, leech: bool) -> bool:
        """Whether a leech just answered was suspended (so it is not requeued)."""
        return leech and self._suspend_leeches

    def bury(self) -> None:
        """Hide the card on screen until the next study day."""
        self._set_aside("bury")

    def suspend(self) -> None:
        """Hide the card on screen until it is unsuspended (in the library)."""
        self._set_aside("suspend")

    def _set_aside(self, action: str) -> None:
        if self.stage not in (Stage.QUESTION, Stage.ANSWER):
            raise SessionError(f"cannot {action} now: no card is on screen")
        taken = self._current
        assert taken is not None
        now = self._now()
        if action == "bury":
            self.store.bury_until(taken.card_id, self.scheduler.next_day_start(now))
        else:
            self.store.set_suspended(taken.card_id, True)
        self._history.append(_Done(action, taken))
        self._show_next(now)

    @property
    def can_undo(self) -> bool:
        """Whether there is an answer, bury or suspend to take back."""
        return bool(self._history)

    def undo(self) -> None:
        """Take back the last answer (or bury/suspend): the card's earlier state returns, its
        log entry goes, and it is shown again. Can be repeated back to the first answer."""
        if not self._history:
            raise SessionError("there is nothing to undo")
        done = self._history[-1]
        card_id = done.taken.card_id
        # The store first: if it fails (StoreError), the session is left exactly as it was.
        if done.action == "answer":
            assert done.log_id is not None
            if done.leech and self._suspend_leeches:
                self.store.set_suspended(card_id, False)
            self.store.undo_review(done.log_id, done.previous)
        elif done.action == "bury":
            self.store.bury_until(card_id, None)
        else:
            self.store.set_suspended(card_id, False)
        self._history.pop()
        if self._current is not None and self.stage is not Stage.FINISHED:
            self._queue.put_back(self._current)
        if done.action == "answer":
            if self.mode is ReviewMode.REVIEW:
                self._states[card_id] = done.previous
            if done.requeued:
                self._queue.remove_learning(card_id)
            if done.leech and not any(
                d.leech and d.taken.card_id == card_id for d in self._history
            ):
                self._leeches.pop(card_id, None)
            self._answered -= 1
            self._correct -= int(done.correct)
            self._time_ms -= done.duration_ms
        self._last_source = ""
        self._show(done.taken, self._now())

    def finish(self) -> None:
        """End the session now (the student closes it); shows the summary."""
        if self.stage is not Stage.FINISHED:
            self._finish()

    def _finish(self) -> None:
        self.stage = Stage.FINISHED
        self._current = None
        self.store.checkpoint()  # the session's answers leave the WAL, which shrinks to 0
        self.view.show_finished(self.summary())

    # -- what the view may ask --------------------------------------------------------------

    @property
    def current_card(self) -> Card | None:
        """The card on screen (None before start and after the end)."""
        return None if self._current is None else self._cards[self._current.card_id]

    @property
    def options(self) -> tuple[str, ...]:
        """The current choice card's options in the order shown (empty for other cards)."""
        return self._options

    @property
    def intervals(self) -> dict[Rating, timedelta]:
        """The current card's next interval per button (empty in cram mode)."""
        return dict(self._intervals)

    @property
    def progress(self) -> Progress:
        """Counts of done and remaining cards; remaining includes the card on screen."""
        return self._progress(self._now())

    def _progress(self, now: datetime) -> Progress:
        queue = self._queue
        learning = queue.learning_due_by(now + LEARN_AHEAD)
        counts = {Origin.NEW: queue.new_count, Origin.LEARNING: learning}
        counts[Origin.REVIEW] = queue.review_count
        if self._current is not None and self.stage is not Stage.FINISHED:
            counts[self._kind(self._current.card_id)] += 1
        return Progress(
            done=self._answered,
            remaining=sum(counts.values()),
            new=counts[Origin.NEW],
            learning=counts[Origin.LEARNING],
            review=counts[Origin.REVIEW],
        )

    def _state(self, card_id: str) -> CardState | None:
        """The card's state (None: never reviewed), read from the store when first needed:
        a session over 100,000 cards shows a few hundred of them. Answers and undo keep it
        up to date from then on."""
        if card_id not in self._states:
            self._states[card_id] = self.store.card_state(card_id)
        return self._states[card_id]

    def _kind(self, card_id: str) -> Origin:
        if self.mode is ReviewMode.CRAM:
            return Origin.REVIEW
        state = self._state(card_id)
        if state is None:
            return Origin.NEW
        return Origin.REVIEW if state.phase is Phase.REVIEW else Origin.LEARNING

    def summary(self) -> SessionSummary:
        """How the session went so far, and (review mode) when the scope is next due."""
        next_due = self._next_due() if self.mode is ReviewMode.REVIEW else None
        return SessionSummary(
            mode=self.mode,
            answered=self._answered,
            correct=self._correct,
            time_spent=timedelta(milliseconds=self._time_ms),
            next_due=next_due,
            leeches=tuple(self._leeches),
            leeches_suspended=bool(self._leeches) and self._suspend_leeches,
        )

    def _next_due(self) -> datetime | None:
        """When the session's scope next has a card due (suspended and retired cards aside).

        For a section, only its cards: "More cards are due now" about another section would
        send the student back to a section with nothing to show.
        """
        deck_ids = [deck.id for deck in self._decks]
        if self.section is None:
            return min(self.store.next_due(deck_ids).values(), default=None)
        active = self.store.due_card_ids(deck_ids, _FAR_FUTURE)  # earliest due first
        first = next((card_id for card_id in active if card_id in self._cards), None)
        state = None if first is None else self.store.card_state(first)
        return None if state is None else state.due

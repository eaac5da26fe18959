"""FSRS-6 scheduling: a pure transition from (state, rating, time) to (new state, log entry).

Wraps the ``fsrs`` package (6.3.x) and fixes three things it gets wrong for us:

* **Elapsed time in study days.** ``fsrs`` counts whole 24-hour periods since the last review
  (a card seen at 23:00 and again at 10:00 the next morning counts as 0 days), but FSRS was
  fitted on calendar days with a day rollover (Anki: 4 am local). We compute elapsed days as the
  difference of *study days* and hand ``fsrs`` a ``last_review`` shifted so that its own
  ``(now - last_review).days`` equals that difference; the new state keeps the real review time.
* **Stored 0.0 stays 0.0.** ``fsrs.Card.from_dict`` turns a stability or difficulty of 0.0 into
  None (a new card); we build ``fsrs.Card`` directly, always with an int ``card_id`` (without one
  ``fsrs.Card()`` sleeps a millisecond to make its id unique).
* **Deterministic fuzz.** ``fsrs`` fuzzes with the module-global ``random``; we review with fuzz
  off and apply its documented fuzz ranges ourselves, with a draw that is a pure function of
  (``fuzz_seed``, card id, the card's previous review time). Replaying the log therefore
  reproduces the state exactly, and the interval a button previews is the interval it gives.

No I/O, no clock: every time is passed in and must be timezone-aware.

``fsrs`` is imported on the first review or preview, not with this module: the library and the
reader only need predicted recall, which is FSRS-6's forgetting curve (a line of arithmetic, see
:meth:`Scheduler.retrievability`), and the app opens about 10 ms sooner without it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING, Any

from studyapp.digest import blake2b
from studyapp.errors import StudyappError
from studyapp.review_types import CardState, Phase, Rating, ReviewEntry, as_utc
from studyapp.study.exam import ExamCalendar, aim_at_exam

if TYPE_CHECKING:
    import fsrs

# FSRS-6's default decay (``fsrs.scheduler.DEFAULT_PARAMETERS[20]``) and smallest stability
# (``fsrs.scheduler.STABILITY_MIN``), for predicted recall without importing fsrs. A test keeps
# them equal to fsrs's own.
DEFAULT_DECAY_WEIGHT = 0.1542
STABILITY_MIN = 0.001

_DAY = timedelta(days=1)


class SettingsError(StudyappError, ValueError):
    """Scheduler settings are invalid; ``problems`` lists every problem found."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("invalid scheduler settings: " + "; ".join(problems))
        self.problems = list(problems)


@dataclass(frozen=True)
class SchedulerSettings:
    """How cards are scheduled. Persisted as JSON (``to_dict``) in the store's settings.

    ``day_rollover_hour`` is the local hour at which a new study day starts (Anki's default 4).
    ``parameters`` None means the FSRS-6 defaults; otherwise 21 weights (e.g. from
    :mod:`studyapp.study.optimize`).
    """

    desired_retention: float = 0.90
    maximum_interval: int = 36500
    learning_steps: tuple[timedelta, ...] = (timedelta(minutes=1), timedelta(minutes=10))
    relearning_steps: tuple[timedelta, ...] = (timedelta(minutes=10),)
    new_per_day: int = 20
    day_rollover_hour: int = 4
    fuzz: bool = True
    fuzz_seed: int = 0
    parameters: tuple[float, ...] | None = field(default=None)

    def __post_init__(self) -> None:
        problems = _settings_problems(self)
        if problems:
            raise SettingsError(problems)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dict; steps in seconds."""
        return {
            "desired_retention": self.desired_retention,
            "maximum_interval": self.maximum_interval,
            "learning_steps": [int(s.total_seconds()) for s in self.learning_steps],
            "relearning_steps": [int(s.total_seconds()) for s in self.relearning_steps],
            "new_per_day": self.new_per_day,
            "day_rollover_hour": self.day_rollover_hour,
            "fuzz": self.fuzz,
            "fuzz_seed": self.fuzz_seed,
            "parameters": None if self.parameters is None else list(self.parameters),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SchedulerSettings:
        """Inverse of :meth:`to_dict`. Missing keys take their defaults; unknown keys are
        ignored (settings written by a newer version still open). Bad values raise
        :class:`SettingsError` listing all of them."""
        known = {f.name for f in fields(cls)}
        kwargs: dict[str, Any] = {k: v for k, v in data.items() if k in known}
        problems: list[str] = []
        for key in ("learning_steps", "relearning_steps"):
            if key in kwargs:
                raw = kwargs[key]
                if not isinstance(raw, list | tuple) or not all(
                    isinstance(s, int | float) and not isinstance(s, bool) for s in raw
                ):
                    problems.append(f"{key} must be a list of seconds, got {raw!r}")
                    del kwargs[key]
                else:
                    kwargs[key] = tuple(timedelta(seconds=s) for s in raw)
        if kwargs.get("parameters") is not None:
            raw = kwargs["parameters"]
            if isinstance(raw, list | tuple):
                kwargs["parameters"] = tuple(raw)
        try:
            settings = cls(**kwargs)
        except SettingsError as error:
            raise SettingsError(problems + error.problems) from None
        if problems:
            raise SettingsError(problems)
        return settings


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _settings_problems(s: SchedulerSettings) -> list[str]:
    """Every problem of ``s`` (validation collects them all, then raises once)."""
    problems: list[str] = []
    if not _is_number(s.desired_retention) or not 0.7 <= s.desired_retention <= 0.99:
        problems.append(f"desired_retention must be 0.70-0.99, got {s.desired_retention!r}")
    if not isinstance(s.maximum_interval, int) or isinstance(s.maximum_interval, bool):
        problems.append(f"maximum_interval must be a whole number, got {s.maximum_interval!r}")
    elif s.maximum_interval < 1:
        problems.append(f"maximum_interval must be at least 1 day, got {s.maximum_interval}")
    for name in ("learning_steps", "relearning_steps"):
        steps = getattr(s, name)
        if not isinstance(steps, tuple) or not all(isinstance(x, timedelta) for x in steps):
            problems.append(f"{name} must be a tuple of timedeltas, got {steps!r}")
        elif any(x <= timedelta(0) or x >= _DAY for x in steps):
            problems.append(f"{name} must each be longer than 0 and shorter than a day")
    if not isinstance(s.new_per_day, int) or isinstance(s.new_per_day, bool) or s.new_per_day < 0:
        problems.append(f"new_per_day must be a whole number >= 0, got {s.new_per_day!r}")
    hour = s.day_rollover_hour
    if not isinstance(hour, int) or isinstance(hour, bool) or not 0 <= hour <= 23:
        problems.append(f"day_rollover_hour must be 0-23, got {hour!r}")
    if not isinstance(s.fuzz, bool):
        problems.append(f"fuzz must be true or false, got {s.fuzz!r}")
    if not isinstance(s.fuzz_seed, int) or isinstance(s.fuzz_seed, bool):
        problems.append(f"fuzz_seed must be a whole number, got {s.fuzz_seed!r}")
    if s.parameters is not None:
        if not isinstance(s.parameters, tuple) or not all(_is_number(p) for p in s.parameters):
            problems.append(f"parameters must be a tuple of numbers, got {s.parameters!r}")
        else:
            import fsrs

            try:
                fsrs.Scheduler(parameters=s.parameters)
            except ValueError as error:
                problems.append("parameters: " + str(error).replace("\n", " "))
    return problems


def _stable_int(text: str) -> int:
    """A stable 63-bit int for a string id (fsrs wants int card ids; Python's hash() varies)."""
    digest = blake2b(text.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1


class Scheduler:
    """FSRS-6 with study-day elapsed time and deterministic fuzz. Pure and cheap to call.

    ``tz`` is the zone whose ``day_rollover_hour`` starts a study day; None means the
    computer's local time (with its daylight-saving rules at each moment). ``exams`` are the
    exam days cards are studied toward: a review FSRS would put on or after a card's exam day
    is moved shortly before it (:func:`studyapp.study.exam.aim_at_exam`); replace it when
    exams change.
    """

    def __init__(
        self,
        settings: SchedulerSettings | None = None,
        tz: tzinfo | None = None,
        exams: ExamCalendar | None = None,
    ):
        self.settings = settings if settings is not None else SchedulerSettings()
        self.tz = tz
        self.exams = exams if exams is not None else ExamCalendar()
        params = self.settings.parameters
        # The forgetting curve R(t, S) = (1 + factor * t / S) ** -decay, with R(S, S) = 0.9.
        self._decay = -(params[20] if params is not None else DEFAULT_DECAY_WEIGHT)
        self._factor = 0.9 ** (1 / self._decay) - 1
        self._engine: fsrs.Scheduler | None = None

    @property
    def _fsrs(self) -> fsrs.Scheduler:
        """fsrs's scheduler for these settings, made (and fsrs imported) on first use."""
        if self._engine is None:
            import fsrs

            self._engine = fsrs.Scheduler(
                parameters=self.settings.parameters or fsrs.scheduler.DEFAULT_PARAMETERS,
                desired_retention=self.settings.desired_retention,
                learning_steps=self.settings.learning_steps,
                relearning_steps=self.settings.relearning_steps,
                maximum_interval=self.settings.maximum_interval,
                enable_fuzzing=False,
            )
        return self._engine

    # -- study days ---------------------------------------------------------------------------

    def _local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.tz) if self.tz is not None else moment.astimezone()

    def study_day(self, now: datetime) -> date:
        """The study day ``now`` belongs to: the local date, with the rollover hour applied
        (at 03:00 with rollover 4 it is still yesterday)."""
        local = self._local(as_utc(now))
        return (local - timedelta(hours=self.settings.day_rollover_hour)).date()

    def day_start(self, day: date) -> datetime:
        """The UTC moment study day ``day`` begins (its local rollover hour)."""
        moment = datetime.combine(day, time(self.settings.day_rollover_hour))
        if self.tz is not None:
            return moment.replace(tzinfo=self.tz).astimezone(UTC)
        return moment.astimezone().astimezone(UTC)

    def next_day_start(self, now: datetime) -> datetime:
        """The UTC moment the study day after ``now``'s begins (when buried cards return)."""
        return self.day_start(self.study_day(now) + _DAY)

    def elapsed_days(self, last_review: datetime, now: datetime) -> int:
        """Whole study days between two reviews (0 on the same study day, never negative)."""
        return max(0, (self.study_day(now) - self.study_day(last_review)).days)

    # -- the transition -----------------------------------------------------------------------

    def _fsrs_card(self, card_id: str, state: CardState | None, now: datetime) -> fsrs.Card:
        """An ``fsrs.Card`` for ``state`` whose ``last_review`` is shifted so that fsrs's
        24-hour-period count equals our study-day count."""
        import fsrs

        int_id = _stable_int(card_id)
        if state is None:
            return fsrs.Card(card_id=int_id, state=fsrs.State.Learning, step=0, due=now)
        stability, difficulty = state.stability, state.difficulty
        if stability is None or difficulty is None or state.last_review is None:
            raise ValueError(
                f"card {card_id}: a reviewed card needs stability, difficulty and last_review"
            )
        if state.phase is not Phase.REVIEW and state.step is None:
            raise ValueError(f"card {card_id}: a (re)learning card needs a step")
        # 0.0 is kept (never turned into None), but fsrs divides by both: use its own minimums.
        if stability is not None:
            stability = max(stability, fsrs.scheduler.STABILITY_MIN)
        if difficulty is not None:
            difficulty = max(difficulty, fsrs.scheduler.MIN_DIFFICULTY)
        shifted = now - timedelta(days=self.elapsed_days(state.last_review, now))
        return fsrs.Card(
            card_id=int_id,
            state=fsrs.State(int(state.phase)),
            step=state.step,
            stability=stability,
            difficulty=difficulty,
            due=as_utc(state.due),
            last_review=shifted,
        )

    def _fuzz_draw(self, card_id: str, state: CardState | None) -> float:
        """A number in [0, 1), a pure function of (fuzz_seed, card id, previous review time)."""
        return self._fuzz_draw_after(card_id, None if state is None else state.last_review)

    def _fuzz_draw_after(self, card_id: str, previous_review: datetime | None) -> float:
        previous = "new" if previous_review is None else previous_review
        key = f"{self.settings.fuzz_seed}\x1f{card_id}\x1f{previous}"
        digest = blake2b(key.encode("utf-8"), digest_size=8).digest()
        return (int.from_bytes(digest, "big") >> 11) / float(1 << 53)

    def _fuzzed_days(self, days: int, draw: float) -> int:
        """fsrs's fuzz ranges applied with ``draw``; result within [min_ivl, max_ivl]."""
        if days < 2.5:
            return days
        from fsrs.scheduler import FUZZ_RANGES

        delta = 1.0
        for fuzz_range in FUZZ_RANGES:
            delta += fuzz_range["factor"] * max(
                min(float(days), fuzz_range["end"]) - fuzz_range["start"], 0.0
            )
        maximum = self.settings.maximum_interval
        max_ivl = min(round(days + delta), maximum)
        min_ivl = min(max(2, round(days - delta)), max_ivl)
        return min(min_ivl + math.floor(draw * (max_ivl - min_ivl + 1)), max_ivl)

    def _next_states(
        self, card_id: str, state: CardState | None, ratings: tuple[Rating, ...], now: datetime
    ) -> list[CardState]:
        """The new state for each of ``ratings`` (one fsrs card and one fuzz draw for all)."""
        import fsrs

        before = self._fsrs_card(card_id, state, now)
        draw = self._fuzz_draw(card_id, state) if self.settings.fuzz else 0.0
        out = []
        for rating in ratings:
            card, _ = self._fsrs.review_card(before, fsrs.Rating(int(rating)), now)
            due = card.due
            if self.settings.fuzz and card.state == fsrs.State.Review:
                due = now + timedelta(days=self._fuzzed_days((due - now).days, draw))
            if card.state == fsrs.State.Review and self.exams:
                due = self.aimed_at_exam(card_id, due, card.stability, now)
            out.append(
                CardState(
                    phase=Phase(card.state.value),
                    step=card.step,
                    stability=card.stability,
                    difficulty=card.difficulty,
                    due=due,
                    last_review=now,
                )
            )
        return out

    def aimed_at_exam(
        self, card_id: str, due: datetime, stability: float | None, now: datetime
    ) -> datetime:
        """``due`` of a review-phase card answered at ``now``, or the start of the day shortly
        before the card's exam when ``due`` is on or after it."""
        today = self.study_day(now)
        exam_day = self.exams.next_exam(card_id, today)
        aimed = aim_at_exam(self.study_day(due), today, exam_day, stability or 0.0)
        return due if aimed is None else self.day_start(aimed)

    def natural_due(
        self, card_id: str, state: CardState, previous_review: datetime | None
    ) -> datetime:
        """When FSRS itself, without any exam, put the next review of a review-phase card:
        from its state after its last review and the time of the review before that (the
        fuzz draw's key; None when the last review was the card's first). Equals what
        replaying the card's log gives, without replaying it (a test holds it to that)."""
        if state.stability is None or state.last_review is None:
            raise ValueError(f"card {card_id}: a reviewed card needs stability and last_review")
        days = self._fsrs._next_interval(stability=state.stability)
        if self.settings.fuzz:
            days = self._fuzzed_days(days, self._fuzz_draw_after(card_id, previous_review))
        return state.last_review + timedelta(days=days)

    def review(
        self,
        card_id: str,
        state: CardState | None,
        rating: Rating,
        now: datetime,
        duration_ms: int | None = None,
    ) -> tuple[CardState, ReviewEntry]:
        """The card's new memory state after answering ``rating`` at ``now``, and the log entry
        to append. ``state`` None is a new card. Raises ValueError for a naive ``now``."""
        now = as_utc(now)
        (new_state,) = self._next_states(card_id, state, (Rating(rating),), now)
        entry = ReviewEntry(
            card_id=card_id, reviewed_at=now, rating=Rating(rating), duration_ms=duration_ms
        )
        return new_state, entry

    def preview(
        self, card_id: str, state: CardState | None, now: datetime
    ) -> dict[Rating, timedelta]:
        """The interval each of the four buttons would give, answering at ``now``."""
        now = as_utc(now)
        ratings = tuple(Rating)
        states = self._next_states(card_id, state, ratings, now)
        return {r: s.due - now for r, s in zip(ratings, states, strict=True)}

    def retrievability(self, state: CardState | None, now: datetime) -> float:
        """Predicted probability of recall at ``now`` (0.0 for a card never reviewed)."""
        if state is None or state.stability is None or state.last_review is None:
            return 0.0
        return self.recall_after(self.elapsed_days(state.last_review, as_utc(now)), state.stability)

    def recall_after(self, elapsed_days: int, stability: float) -> float:
        """FSRS-6's forgetting curve: predicted recall ``elapsed_days`` study days after a
        review that left ``stability`` (the one formula every screen's recall comes from)."""
        ratio = elapsed_days / max(stability, STABILITY_MIN)
        return float((1 + self._factor * ratio) ** self._decay)


def format_interval(interval: timedelta) -> str:
    """An interval as Anki's buttons show it: "<1m", "10m", "1.5h", "1d", "3.5mo", "1.2y"."""
    seconds = interval.total_seconds()
    if seconds < 60:
        return "<1m"
    if round(seconds / 60) < 60:
        return f"{round(seconds / 60)}m"
    if round(seconds / 3600, 1) < 24:
        return _one_decimal(seconds / 3600) + "h"
    days = seconds / 86400
    if days < 30:
        return f"{round(days)}d"
    if days < 365:
        return _one_decimal(days / 30) + "mo"
    return _one_decimal(days / 365) + "y"


def _one_decimal(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


__all__ = [
    "Scheduler",
    "SchedulerSettings",
    "SettingsError",
    "format_interval",
]

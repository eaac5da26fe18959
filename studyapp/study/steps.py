"""Learning steps as a student types them: ``"1m 10m"`` to and from a tuple of timedeltas.

The Settings dialog shows the (re)learning steps of
:class:`studyapp.study.scheduler.SchedulerSettings` as Anki writes them: numbers with a unit
(``s``, ``m``, ``h``, ``d``), separated by spaces or commas; a bare number means minutes, as in
Anki. The rules are the scheduler's: every step is
longer than 0 and shorter than a day, and an empty list is allowed (no steps: a new or
forgotten card is scheduled in days at once, which ``fsrs`` supports). Steps are stored in
whole seconds, so parsing rounds to the second and refuses what would round to nothing.

No Qt here, so the rules are tested headless and the dialog only shows the messages.
"""

from __future__ import annotations

import re
from datetime import timedelta

from studyapp.errors import StudyappError

UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_DAY_SECONDS = 86400
_STEP = re.compile(r"(?P<number>\d+(?:\.\d*)?|\.\d+)(?P<unit>[smhd]?)")
_SEPARATORS = re.compile(r"[\s,;]+")


class StepsError(StudyappError, ValueError):
    """Text that is not a list of steps; ``problems`` has one plain sentence per bad step."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = list(problems)


def parse_steps(text: str) -> tuple[timedelta, ...]:
    """The steps written in ``text`` (``"1m 10m"``, ``"10m, 1h"``, ``"30s 5"``).

    Raises :class:`StepsError` naming every word that is not a usable step, so the student can
    fix them all at once.
    """
    steps: list[timedelta] = []
    problems: list[str] = []
    for word in _SEPARATORS.split(text.strip()):
        if not word:
            continue
        match = _STEP.fullmatch(word.lower())
        if match is None:
            problems.append(f"'{word}' is not a step: use numbers with s, m, h or d, like 1m 10m")
            continue
        seconds = float(match["number"]) * UNIT_SECONDS[match["unit"] or "m"]
        whole = round(seconds) if seconds < _DAY_SECONDS else _DAY_SECONDS  # 400 digits: inf
        if whole < 1:
            problems.append(f"'{word}' is too short: a step must be at least 1 second")
        elif whole >= _DAY_SECONDS:
            problems.append(f"'{word}' is too long: each step must be shorter than a day")
        else:
            steps.append(timedelta(seconds=whole))
    if problems:
        raise StepsError(problems)
    return tuple(steps)


def format_steps(steps: tuple[timedelta, ...]) -> str:
    """``steps`` as the student would type them: each in the largest unit that divides it
    (``1m 10m``, ``90m``, ``1h``, ``45s``); the inverse of :func:`parse_steps`."""
    words = []
    for step in steps:
        seconds = round(step.total_seconds())
        for unit in ("d", "h", "m", "s"):
            size = UNIT_SECONDS[unit]
            if unit == "s" or (seconds >= size and seconds % size == 0):
                words.append(f"{seconds // size}{unit}")
                break
    return " ".join(words)


def steps_problem(text: str) -> str:
    """What to show under a steps field: one line per problem ("" when ``text`` is fine)."""
    try:
        parse_steps(text)
    except StepsError as error:
        return "\n".join(error.problems)
    return ""


__all__ = ["StepsError", "format_steps", "parse_steps", "steps_problem"]

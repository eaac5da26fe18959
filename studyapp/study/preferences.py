"""The student's preferences: what exists, the defaults, the allowed ranges, and where they live.

They are kept in the progress store's settings (``store.setting`` / ``store.set_setting``), so
they travel with the data folder: the scheduling ones inside the stored
:class:`SchedulerSettings` (key ``scheduler``), the look under ``ui.*``. This module has no Qt,
so the composition root can read them before any window exists.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Any, Protocol

from studyapp.study.leech import SUSPEND_LEECHES_KEY
from studyapp.study.scheduler import SchedulerSettings, SettingsError

THEMES = ("system", "light", "dark")
MAX_INTERVAL_DAYS = 36500  # the scheduler's default: 100 years, i.e. no limit in practice
_DEFAULT_SCHEDULER = SchedulerSettings()
WELCOME_DISMISSED_KEY = "ui.welcome_dismissed"  # "Don't show again" on the welcome


class SettingsStore(Protocol):
    """The part of :class:`studyapp.store.database.Store` preferences use."""

    def setting(self, key: str, default: Any = None) -> Any: ...

    def set_setting(self, key: str, value: Any) -> None: ...


@dataclass(frozen=True)
class Preferences:
    """Everything the Settings dialog edits.

    ``maximum_interval`` is in days; the steps are the scheduler's (re)learning steps.
    """

    new_per_day: int = 20
    desired_retention: float = 0.90
    day_rollover_hour: int = 4
    theme: str = "system"
    font_size: int = 11
    maximum_interval: int = _DEFAULT_SCHEDULER.maximum_interval
    learning_steps: tuple[timedelta, ...] = _DEFAULT_SCHEDULER.learning_steps
    relearning_steps: tuple[timedelta, ...] = _DEFAULT_SCHEDULER.relearning_steps
    suspend_leeches: bool = False  # a card lapsing 8 times is suspended, not only marked

    def clamped(self) -> Preferences:
        """The same preferences with every value brought into its allowed range."""
        theme = self.theme if self.theme in THEMES else "system"
        return replace(
            self,
            new_per_day=max(0, min(9999, int(self.new_per_day))),
            desired_retention=round(max(0.70, min(0.99, float(self.desired_retention))), 2),
            day_rollover_hour=max(0, min(23, int(self.day_rollover_hour))),
            theme=theme,
            font_size=max(8, min(20, int(self.font_size))),
            maximum_interval=max(1, min(MAX_INTERVAL_DAYS, int(self.maximum_interval))),
            learning_steps=_clamped_steps(self.learning_steps),
            relearning_steps=_clamped_steps(self.relearning_steps),
        )


def _clamped_steps(steps: tuple[timedelta, ...]) -> tuple[timedelta, ...]:
    """Each step in whole seconds between 1 second and just under a day.

    Whole seconds because the store keeps steps in seconds: a 0.4 s step would be saved as 0,
    which the scheduler refuses on the next start (and every scheduler setting would fall back
    to its default).
    """
    return tuple(
        timedelta(seconds=max(1, min(86399, round(step.total_seconds())))) for step in steps
    )


SCHEDULER_KEY = "scheduler"  # SchedulerSettings.to_dict(), as scheduler.py documents
UI_KEYS = {
    "theme": "ui.theme",
    "font_size": "ui.font_size",
    "suspend_leeches": SUSPEND_LEECHES_KEY,  # not only the look: stored the same way
}


def stored_scheduler_settings(store: SettingsStore) -> SchedulerSettings:
    """The scheduler settings kept in the store; defaults when missing or unreadable."""
    raw = store.setting(SCHEDULER_KEY, None)
    if isinstance(raw, dict):
        try:
            return SchedulerSettings.from_dict(raw)
        except SettingsError:
            pass
    return SchedulerSettings()


def load_preferences(store: SettingsStore) -> Preferences:
    """The stored preferences; a missing or unreadable value falls back to its default."""
    defaults = Preferences()
    sched = stored_scheduler_settings(store)
    values: dict[str, Any] = {
        "new_per_day": sched.new_per_day,
        "desired_retention": sched.desired_retention,
        "day_rollover_hour": sched.day_rollover_hour,
        "maximum_interval": sched.maximum_interval,
        "learning_steps": sched.learning_steps,
        "relearning_steps": sched.relearning_steps,
    }
    for name, key in UI_KEYS.items():
        raw = store.setting(key, getattr(defaults, name))
        kind = type(getattr(defaults, name))
        try:
            values[name] = kind(raw)
        except (TypeError, ValueError):
            values[name] = getattr(defaults, name)
    return Preferences(**values).clamped()


def save_preferences(store: SettingsStore, prefs: Preferences) -> SchedulerSettings:
    """Store every preference (clamped); returns the scheduler settings now in force.

    Scheduler settings the dialog does not show (optimized parameters, fuzz and its seed) are
    kept.
    """
    clean = prefs.clamped()
    sched = replace(
        stored_scheduler_settings(store),
        new_per_day=clean.new_per_day,
        desired_retention=clean.desired_retention,
        day_rollover_hour=clean.day_rollover_hour,
        maximum_interval=clean.maximum_interval,
        learning_steps=clean.learning_steps,
        relearning_steps=clean.relearning_steps,
    )
    store.set_setting(SCHEDULER_KEY, sched.to_dict())
    for name, key in UI_KEYS.items():
        store.set_setting(key, getattr(clean, name))
    return sched

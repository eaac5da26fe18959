"""The student's preferences: what exists, the defaults, the allowed ranges, and where they live.

They are kept in the progress store's settings (``store.setting`` / ``store.set_setting``), so
they travel with the data folder; the scheduling ones become :class:`SchedulerSettings`. This
module has no Qt, so the composition root can read them before any window exists.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Protocol

THEMES = ("system", "light", "dark")


class SettingsStore(Protocol):
    """The part of :class:`studyapp.store.Store` preferences use."""

    def setting(self, key: str, default: Any = None) -> Any: ...

    def set_setting(self, key: str, value: Any) -> None: ...


@dataclass(frozen=True)
class Preferences:
    """Everything the Settings dialog edits."""

    new_per_day: int = 20
    desired_retention: float = 0.90
    day_rollover_hour: int = 4
    theme: str = "system"
    font_size: int = 11

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
        )


KEYS = {
    "new_per_day": "scheduler.new_per_day",
    "desired_retention": "scheduler.desired_retention",
    "day_rollover_hour": "scheduler.day_rollover_hour",
    "theme": "ui.theme",
    "font_size": "ui.font_size",
}


def load_preferences(store: SettingsStore) -> Preferences:
    """The stored preferences; a missing or unreadable value falls back to its default."""
    defaults = Preferences()
    values: dict[str, Any] = {}
    for name, key in KEYS.items():
        raw = store.setting(key, getattr(defaults, name))
        kind = type(getattr(defaults, name))
        try:
            values[name] = kind(raw)
        except (TypeError, ValueError):
            values[name] = getattr(defaults, name)
    return Preferences(**values).clamped()


def save_preferences(store: SettingsStore, prefs: Preferences) -> None:
    """Store every preference (clamped to its range)."""
    clean = prefs.clamped()
    for name, key in KEYS.items():
        store.set_setting(key, getattr(clean, name))


def scheduler_settings(prefs: Preferences) -> Any:
    """The :class:`studyapp.scheduler.SchedulerSettings` these preferences ask for."""
    from studyapp.scheduler import SchedulerSettings

    return SchedulerSettings(
        desired_retention=prefs.desired_retention,
        new_per_day=prefs.new_per_day,
        day_rollover_hour=prefs.day_rollover_hour,
    )

"""Preferences: kept in the progress store, clamped to sane ranges, scheduler extras preserved."""

from __future__ import annotations

import fsrs

from studyapp.gui.preferences import (
    SCHEDULER_KEY,
    Preferences,
    load_preferences,
    save_preferences,
    stored_scheduler_settings,
)
from studyapp.scheduler import SchedulerSettings
from studyapp.store import Store


def test_fresh_store_gives_the_defaults():
    """A new data folder starts with 20 new cards a day, 90 % retention, 4:00, system theme."""
    store = Store.in_memory()
    assert load_preferences(store) == Preferences()
    assert stored_scheduler_settings(store) == SchedulerSettings()


def test_saved_preferences_come_back():
    """What the Settings dialog saves is what the next start reads."""
    store = Store.in_memory()
    prefs = Preferences(
        new_per_day=7, desired_retention=0.93, day_rollover_hour=2, theme="dark", font_size=14
    )
    settings = save_preferences(store, prefs)
    assert load_preferences(store) == prefs
    assert (settings.new_per_day, settings.desired_retention, settings.day_rollover_hour) == (
        7,
        0.93,
        2,
    )
    assert store.setting(SCHEDULER_KEY)["desired_retention"] == 0.93


def test_out_of_range_values_are_brought_into_range():
    """Nonsense values never reach the scheduler: retention 1.5 becomes 0.99, hour 30 becomes 23."""
    store = Store.in_memory()
    save_preferences(
        store,
        Preferences(
            new_per_day=-3, desired_retention=1.5, day_rollover_hour=30, theme="neon", font_size=99
        ),
    )
    assert load_preferences(store) == Preferences(
        new_per_day=0, desired_retention=0.99, day_rollover_hour=23, theme="system", font_size=20
    )


def test_optimized_parameters_survive_a_settings_change():
    """Changing the daily limit keeps FSRS weights the optimizer stored."""
    store = Store.in_memory()
    weights = tuple(round(w * 1.05, 4) for w in fsrs.scheduler.DEFAULT_PARAMETERS)
    store.set_setting(SCHEDULER_KEY, SchedulerSettings(parameters=weights).to_dict())
    save_preferences(store, Preferences(new_per_day=5))
    assert stored_scheduler_settings(store).parameters == weights


def test_unreadable_stored_values_fall_back_to_defaults():
    """A damaged settings value (wrong type) gives the default instead of an error."""
    store = Store.in_memory()
    store.set_setting(SCHEDULER_KEY, {"desired_retention": "lots"})
    store.set_setting("ui.font_size", "big")
    prefs = load_preferences(store)
    assert prefs.desired_retention == 0.90
    assert prefs.font_size == 11

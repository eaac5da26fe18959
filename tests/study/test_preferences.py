"""Preferences: kept in the progress store, clamped to sane ranges, scheduler extras preserved."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import fsrs

from studyapp.store.database import Store
from studyapp.study.preferences import (
    SCHEDULER_KEY,
    Preferences,
    load_preferences,
    save_preferences,
    stored_scheduler_settings,
)
from studyapp.study.scheduler import SchedulerSettings


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


MIN = timedelta(minutes=1)


def test_scheduling_settings_survive_a_restart(tmp_path: Path):
    """Maximum interval and (re)learning steps saved in Settings are there after reopening."""
    path = tmp_path / "progress.sqlite3"
    prefs = Preferences(
        maximum_interval=180,
        learning_steps=(timedelta(seconds=30), 5 * MIN, 60 * MIN),
        relearning_steps=(),
    )
    with Store.open(path, backups=0) as store:
        settings = save_preferences(store, prefs)
    assert settings.maximum_interval == 180
    assert settings.learning_steps == (timedelta(seconds=30), 5 * MIN, 60 * MIN)
    assert settings.relearning_steps == ()
    with Store.open(path, backups=0) as store:
        assert load_preferences(store) == prefs
        assert store.setting(SCHEDULER_KEY)["learning_steps"] == [30, 300, 3600]
        assert stored_scheduler_settings(store) == settings


def test_saving_keeps_what_the_dialog_does_not_show():
    """Optimized weights, fuzz and its seed are untouched by a change of steps or interval."""
    store = Store.in_memory()
    weights = tuple(round(w * 1.05, 4) for w in fsrs.scheduler.DEFAULT_PARAMETERS)
    kept = SchedulerSettings(parameters=weights, fuzz=False, fuzz_seed=42)
    store.set_setting(SCHEDULER_KEY, kept.to_dict())
    settings = save_preferences(
        store, Preferences(maximum_interval=365, learning_steps=(10 * MIN,))
    )
    assert (settings.parameters, settings.fuzz, settings.fuzz_seed) == (weights, False, 42)
    assert stored_scheduler_settings(store) == settings
    assert settings.learning_steps == (10 * MIN,)


def test_unusable_steps_and_intervals_are_brought_into_range():
    """A 0.4 s step becomes 1 s, a 2-day step just under a day, interval 0 one day: the next
    start still reads them (a step saved as 0 seconds would reset every scheduling setting)."""
    store = Store.in_memory()
    save_preferences(
        store,
        Preferences(
            maximum_interval=0,
            learning_steps=(timedelta(milliseconds=400), timedelta(days=2)),
            relearning_steps=(timedelta(seconds=-5),),
        ),
    )
    prefs = load_preferences(store)
    assert prefs.maximum_interval == 1
    assert prefs.learning_steps == (timedelta(seconds=1), timedelta(seconds=86399))
    assert prefs.relearning_steps == (timedelta(seconds=1),)
    save_preferences(store, Preferences(maximum_interval=10**6))
    assert load_preferences(store).maximum_interval == 36500


def test_suspending_leeches_is_kept_with_the_preferences():
    """The leech setting is off by default, saved, and read back."""
    store = Store.in_memory()
    assert load_preferences(store).suspend_leeches is False
    save_preferences(store, Preferences(suspend_leeches=True))
    assert load_preferences(store).suspend_leeches is True

"""Fixtures for the GUI tests: real deck files, a fixed clock, and windows on a fresh folder."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from studyapp.gui.pyside_fixes import keep_singletons_alive
from tests.gui.decks import write_test_decks

keep_singletons_alive()  # every GUI test emits signals; see studyapp/gui/pyside_fixes.py

START = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


class Clock:
    """A settable UTC clock handed to the app instead of the wall clock."""

    def __init__(self, now: datetime = START) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        """Move time forward."""
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    """A clock fixed at 2026-03-02 12:00 UTC."""
    return Clock()


@pytest.fixture
def deck_dir(tmp_path: Path) -> Path:
    """A folder holding the two test decks as YAML files."""
    folder = tmp_path / "decks"
    write_test_decks(folder)
    return folder


@pytest.fixture
def opened_files() -> list[Path]:
    """Files the app asked the desktop to open (instead of launching an editor)."""
    return []


@pytest.fixture
def make_window(
    qtbot, deck_dir: Path, isolated_data_dir: Path, clock: Clock, opened_files: list[Path]
) -> Iterator[Callable[..., object]]:
    """Build a main window the way the app does, on the test decks and a fresh data folder."""
    from studyapp.gui.app import build_main_window

    windows: list = []

    def build(decks: list[Path] | None = None, **kwargs: object):
        options = {
            "clock": clock,
            "rng": random.Random(7),
            "tz": UTC,
            "open_file": opened_files.append,
        }
        options.update(kwargs)
        window = build_main_window(decks or [deck_dir], isolated_data_dir, **options)
        qtbot.addWidget(window)
        windows.append(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    yield build
    for window in windows:
        window.store.close()  # closing twice is harmless

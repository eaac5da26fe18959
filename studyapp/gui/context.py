"""What the main window works with: which screen shows, and the collaborators it is given.

:class:`AppContext` is built by the composition root (:mod:`studyapp.gui.app`) with the real
store, loader, scheduler and session factories, and by the tests with their own, so the window
and the flows it delegates to never construct storage themselves.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from studyapp.decks.listing import Listing
    from studyapp.decks.load import LoadResult
    from studyapp.store.database import Store
    from studyapp.study.scheduler import Scheduler, SchedulerSettings
    from studyapp.study.session import StudySession


class Screen(StrEnum):
    """What the window shows."""

    LIBRARY = "library"
    READER = "reader"
    QUIZ = "quiz"
    PROGRESS = "progress"


@dataclass
class AppContext:
    """The collaborators the window works with; :mod:`studyapp.gui.app` builds the real ones.

    ``load_decks(paths)`` returns a ``deck.LoadResult``; ``make_scheduler(settings)`` a
    ``Scheduler``; ``make_session(...)`` a ``StudySession``; ``open_file(path)`` shows a
    deck file in the student's editor. ``clock`` gives the current UTC time. ``imports_dir``
    is where File › Make decks from a text… writes (None: not offered). ``deck_listing``: the
    window was given the decks' listing, not the decks, which it loads after its first paint
    (:mod:`studyapp.gui.library_flow`).
    """

    store: Store
    deck_paths: list[Path]
    load_decks: Callable[[list[Path]], LoadResult]
    make_scheduler: Callable[[SchedulerSettings], Scheduler]
    make_session: Callable[..., StudySession]
    clock: Callable[[], datetime]
    open_file: Callable[[Path], None]
    tz: tzinfo | None = None
    rng: random.Random = field(default_factory=lambda: random.Random(0))
    read_only: bool = False
    imports_dir: Path | None = None  # where decks made from the student's texts go
    deck_listing: Listing | None = None  # a big library's listing, its decks loaded later

"""Keeping the library up to date, from the first paint on.

The library shows each deck's figures from the one model of progress
(:class:`~studyapp.study.progress.ProgressModel`), which keeps them for the study day and saves
them in the store when the window closes. At start-up the window shows what the model has at
hand without reading card rows (the figures an earlier start saved, while still true); the
decks whose figures must be worked out again (the first start of a study day, a deck changed
since) are counted after the window's first paint when that is a long pass (at 100,000 cards
about a third of a second), their rows saying "Counting…" until then. A short pass is done
before the first paint, so a small library never shows a placeholder.

A big library also loads its decks after the first paint (:func:`listing_for_first_paint`): the
window opens on the decks' listing that the last load saved (titles, sections, problems; no
cards), then loads and syncs the decks as a start always does and brings the library in line.
This is done only when the library is the first screen and nothing on it needs the cards (no
exam dates); cards whose answer changed in a deck file are listed once the decks are loaded.
The load is queued right behind the first paint (behind the missing figures, which need only
the store and the listing and are painted first); a key press or click that comes before it
runs it first, so no action ever sees the listing in place of the decks.
"""

from __future__ import annotations

import contextlib
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from studyapp.errors import StudyappError
from studyapp.gui.context import Screen
from studyapp.gui.first_paint import UNPAINTED_WAIT_MS, FirstPaint
from studyapp.study.progress import DeckProgress

if TYPE_CHECKING:
    from pathlib import Path

    from studyapp.decks.listing import Listing
    from studyapp.gui.main_window import MainWindow
    from studyapp.model import Card
    from studyapp.store.database import Store

COUNT_AFTER_PAINT_CARDS = 5_000
"""Decks without figures holding more cards than this are counted after the first paint (about
3 µs a card: below this the pass costs less than a frame); a library of more cards than this
loads its decks after the first paint (about 2 µs a card from the cache)."""


def listing_for_first_paint(
    deck_paths: list[Path], cache_file: Path, store: Store, first_screen: str
) -> Listing | None:
    """The decks' listing to open the window on, when the decks can be loaded after the first
    paint (see the module docstring); None to load them first. ``first_screen`` is the
    :class:`~studyapp.gui.context.Screen` value the window will open on."""
    from studyapp.decks.listing import read_listing
    from studyapp.decks.load import deck_files

    if first_screen != Screen.LIBRARY.value:
        return None  # the reader or the progress view needs the cards
    listing = read_listing(cache_file, deck_files(deck_paths)[0])
    if listing is None or listing.cards <= COUNT_AFTER_PAINT_CARDS:
        return None
    try:
        if store.exam_dates():
            return None  # the library shows each exam's readiness, worked out from the cards
    except StudyappError:
        return None
    return listing


class LibraryFlow:
    """Fills the main window's library: at start-up, after studying and after changes."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.counting = False  # something is filled in after the first paint (figures, decks)
        self.loading = False  # the window shows the decks' listing until they are loaded
        self._watcher: FirstPaint | None = None

    def show_first(self) -> None:
        """The library for the window's first paint: every figure that is at hand, and the
        others worked out now or, for a long pass, right after the first paint (as are the
        decks, when the window was given their listing)."""
        window = self.window
        listing = window.ctx.deck_listing
        if listing is not None:
            self.loading = self.counting = True
            self._after_paint()
        model = window.progress_model
        model.restore_kept()
        known = model.known(window.decks, window.ctx.clock())
        missing = [d for d, f in zip(window.decks, known, strict=True) if f is None]
        cards = listing.cards_by_deck if listing is not None else {}
        if sum(cards.get(d.id, len(d.cards)) for d in missing) <= COUNT_AFTER_PAINT_CARDS:
            self.refresh()
            return
        self.counting = True
        shown = [
            figures if figures is not None else DeckProgress(deck)
            for deck, figures in zip(window.decks, known, strict=True)
        ]
        self._show(shown, pending={deck.id for deck in missing})
        now = window.ctx.clock()
        window.library.exam_panel.refresh(window.store, window.decks, window.scheduler, now)
        self._after_paint()

    def _after_paint(self) -> None:
        """Have :meth:`_count_after_paint` run once the window's first paint is done (or after
        :data:`UNPAINTED_WAIT_MS` if no paint comes, as for a window started minimized)."""
        if self._watcher is None:
            self._watcher = FirstPaint(self._count_after_paint)
            self.window.installEventFilter(self._watcher)
            QTimer.singleShot(UNPAINTED_WAIT_MS, self.window, self._count_after_paint)

    def _count_after_paint(self) -> None:
        """What the first paint left out, once the window is on screen: the figures still
        missing, then the decks when the window shows their listing. The figures need only
        the store and the listed decks, so they are worked out and painted first, and the
        decks load in the next call (a key press or click in between loads them at once).
        The figures are saved for the next start (figures worked out later in the session
        are saved when the window closes)."""
        if self.loading and any(row.pending for row in self.window.library.rows):
            self.refresh()  # the figures: counting goes on while the decks are to load
            # A timer, not a queued call: Qt first lays the rows out again and paints them.
            QTimer.singleShot(1, self.window, self._count_after_paint)
            return
        if self._watcher is not None:
            self.window.removeEventFilter(self._watcher)
            self._watcher.stop()
            self._watcher = None
        if self.loading:
            self._load_decks()
        elif not self.counting:
            return  # a refresh came first
        self.refresh()
        self.save_figures()

    def _load_decks(self) -> None:
        """Load and sync the decks the window was opened on the listing of."""
        window = self.window
        self.loading = False
        loaded = window.ctx.load_decks(window.ctx.deck_paths)
        window.decks = list(loaded.decks)
        window.problems = [problem.format() for problem in loaded.errors]
        if window.ctx.read_only:
            return
        try:
            window.store.sync_decks(window.decks, window.ctx.clock())
        except StudyappError as error:
            window.statusBar().showMessage(f"Could not save the deck changes: {error}", 8000)

    def refresh(self) -> None:
        """Recompute the library numbers from the store (only decks that changed are read)."""
        window = self.window
        self.counting = self.loading  # the decks' listing is still shown
        now = window.ctx.clock()
        self._show(window.progress_model.decks(window.decks, now))
        window.library.exam_panel.refresh(window.store, window.decks, window.scheduler, now)

    def _show(self, figures: Sequence[DeckProgress], pending: Collection[str] = ()) -> None:
        window = self.window
        window.library.set_content(
            figures,
            window.problems,
            window.ctx.clock(),
            window.ctx.tz,
            window.ctx.deck_paths,
            [card.question or card.text for card in self.answer_changed_cards()],
            pending,
        )

    def save_figures(self) -> None:
        """Keep the figures worked out this session in the store for the next start."""
        if self.window.ctx.read_only:
            return
        with contextlib.suppress(StudyappError):  # an accelerator: the next start counts
            self.window.progress_model.save_kept()

    def answer_changed_cards(self) -> list[Card]:
        """Cards whose answer changed in a deck file after they were studied (none while the
        decks are not loaded: the library lists them once they are)."""
        window = self.window
        if window.ctx.read_only or self.loading:
            return []
        try:
            ids = set(window.store.answer_changed_cards())
        except StudyappError:
            return []
        if not ids:  # the usual case: no need to look through every card
            return []
        return [card for deck in window.decks for card in deck.cards if card.id in ids]

    def resolve_changed_answers(self, *, reset: bool) -> None:
        """Start the changed cards afresh (``reset``) or keep their progress."""
        window = self.window
        try:
            window.store.resolve_answer_changes(
                [card.id for card in self.answer_changed_cards()], reset=reset
            )
        except StudyappError as error:
            window.statusBar().showMessage(f"Could not save: {error}", 8000)
        self.refresh()

"""The exam dates dialog and the card browser, opened from the main window.

Study › Exam dates… (Ctrl+Shift+E) and the "Exam dates…" buttons open
:class:`~studyapp.gui.exam_dialog.ExamDialog`; Go › Browse cards… (Ctrl+B) opens
:class:`~studyapp.gui.card_browser.CardBrowser`, one window kept for the session and brought
up to date each time, whose requests go to the window's screens: show in source, the deck
file at the card's line, custom study (a session on just the cards found).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from studyapp.model import Card
from studyapp.study.card_list import CardTable

if TYPE_CHECKING:
    from studyapp.gui.card_browser import CardBrowser
    from studyapp.gui.main_window import MainWindow
    from studyapp.gui.workers import BackgroundTask, TaskControl

BACKGROUND_CARDS = 20_000  # from this many cards the browser's table is read on a worker


class ExamBrowserFlow:
    """Exam dates and the card browser for one main window."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.browser: CardBrowser | None = None  # built the first time it is opened
        self.loading: BackgroundTask | None = None  # a big library being read for it

    def edit_exams(self) -> None:
        """Open the exam dates dialog; the library follows every change."""
        from studyapp.gui.exam_dialog import ExamDialog

        w = self.window
        dialog = ExamDialog(w.store, w.decks, w.scheduler, w.ctx.clock, w)
        dialog.exams_changed.connect(w.refresh_library)
        dialog.open()

    def browse_cards(self) -> CardBrowser | None:
        """Show the card browser (built on first use, else brought up to date). A library of
        :data:`BACKGROUND_CARDS` or more is read on a worker thread, with a connection of its
        own, so the window stays responsive; the browser then appears (None until then)."""
        w = self.window
        cards = sum(len(deck.cards) for deck in w.decks)
        if w.store.path is None or cards < BACKGROUND_CARDS:
            from studyapp.gui.card_browser import load_table

            return self._show(load_table(w.store, w.decks, w.scheduler, w.ctx.clock()))
        if self.loading is None:
            self.loading = self._load_in_background(w.store.path, cards)
        return None

    def _load_in_background(self, path: Path, cards: int) -> BackgroundTask:
        from studyapp.gui.card_browser import load_table
        from studyapp.gui.workers import run_in_background
        from studyapp.store.database import Store

        w = self.window
        decks, scheduler, now = list(w.decks), w.scheduler, w.ctx.clock()

        def work(_control: TaskControl) -> CardTable:
            with Store.open_read_only(path) as store:
                return load_table(store, decks, scheduler, now)

        w.statusBar().showMessage(f"Reading {cards:,} cards for the browser…")
        return run_in_background(work, on_success=self._loaded, on_failure=self._failed)

    def _loaded(self, table: object) -> None:
        self.loading = None
        self.window.statusBar().clearMessage()
        assert isinstance(table, CardTable)
        self._show(table)

    def _failed(self, error: object) -> None:
        self.loading = None
        self.window.statusBar().showMessage(f"Could not read the cards: {error}", 8000)

    def _show(self, table: CardTable) -> CardBrowser:
        """The browser on ``table``, in front."""
        w = self.window
        if self.browser is None:
            from studyapp.gui.card_browser import CardBrowser

            browser = CardBrowser(w.store, w.decks, w.scheduler, w.ctx.clock, table=table)
            browser.show_in_source_requested.connect(self._show_in_source)
            browser.edit_requested.connect(self._edit_at_line)
            browser.study_requested.connect(self._custom_study)
            browser.card_changed.connect(lambda _card_id: w.refresh_library())
            w.decks_reloaded.connect(lambda: browser.reload(w.decks))
            self.browser = browser
        else:
            self.browser.scheduler = w.scheduler
            self.browser.reload(w.decks, table)
        self.browser.show()
        self.browser.raise_()
        self.browser.activateWindow()
        return self.browser

    def _to_window(self) -> None:
        self.window.raise_()
        self.window.activateWindow()

    def _show_in_source(self, card: Card) -> None:
        self.window.study.show_card_source(card)
        self._to_window()

    def _edit_at_line(self, card: Card) -> None:
        from studyapp.gui.editor import open_at_line

        w = self.window
        deck = next((d for d in w.decks if any(c.id == card.id for c in d.cards)), None)
        if deck is None or deck.path is None:
            w.statusBar().showMessage("This card's deck has no file to edit.", 5000)
            return
        open_at_line(Path(deck.path), card.location.line, os.environ, w.ctx.open_file)

    def _custom_study(self, card_ids: list[str], cram: bool) -> None:
        wanted = set(card_ids)
        decks = [d for d in self.window.decks if any(c.id in wanted for c in d.cards)]
        if decks:
            self.window.study.start_quiz(decks, cram=cram, only=wanted)
            self._to_window()

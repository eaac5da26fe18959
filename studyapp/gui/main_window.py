"""The main window: which screen is showing, the menus, and keeping decks and progress in step.

The screen is an explicit state (:class:`Screen`: library, reader, quiz, progress) on a
QStackedWidget. The window owns no storage itself: it gets the open store, the deck loader and
the other collaborators in an :class:`AppContext` built by :mod:`studyapp.gui.app`. It saves
the window geometry, the screen and the reading position in the store's settings and restores
them on the next start. A QFileSystemWatcher reloads a deck file when an instructor saves it:
the store syncs (progress kept) and a deck that no longer loads shows its errors in the library
while its last good version stays usable (:mod:`studyapp.gui.deck_watcher`). The reader,
quiz and progress screens are built the first time they are used, so start-up stays lean.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget, QWidget

from studyapp.errors import StudyappError
from studyapp.gui import theme
from studyapp.gui.deck_watcher import DeckFileWatcher, merge_reload
from studyapp.gui.library import LibraryWidget
from studyapp.gui.menus import build_menus
from studyapp.model import Card, Deck
from studyapp.study import preferences
from studyapp.study.preferences import WELCOME_DISMISSED_KEY
from studyapp.study.progress import DeckProgress, ProgressModel

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from studyapp.cards.deck_making import MadeDecks
    from studyapp.decks.load import LoadResult
    from studyapp.gui.quiz import QuizWidget
    from studyapp.gui.reader import ReaderWidget
    from studyapp.gui.stats import ProgressWidget
    from studyapp.gui.text_import import TextImporter
    from studyapp.gui.welcome import WelcomeDialog
    from studyapp.store.database import Store
    from studyapp.study.scheduler import Scheduler, SchedulerSettings
    from studyapp.study.session import StudySession

GEOMETRY_KEY = "ui.window_geometry"
SCREEN_KEY = "ui.screen"
READER_DECK_KEY = "ui.reader_deck"
POSITION_PREFIX = "reader.position."  # + deck id -> section id


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
    is where File › Make decks from a text… writes (None: not offered).
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


class MainWindow(QMainWindow):
    """Library, reader, quiz and progress on one stack, with menus and saved state."""

    screen_changed = Signal(str)  # Screen value
    decks_reloaded = Signal()

    def __init__(self, ctx: AppContext, loaded: LoadResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.store = ctx.store
        self.setWindowTitle("studyapp")
        self.resize(1120, 760)
        self.setMinimumSize(760, 520)
        self.scheduler = ctx.make_scheduler(preferences.stored_scheduler_settings(self.store))
        self.decks: list[Deck] = list(loaded.decks)
        self.problems: list[str] = [p.format() for p in loaded.errors]
        self.current_screen = Screen.LIBRARY
        self.return_screen = Screen.LIBRARY  # where a finished quiz goes back to
        self.quiz: QuizWidget | None = None
        self.session: StudySession | None = None
        self.progress: ProgressWidget | None = None
        self.welcome: WelcomeDialog | None = None  # while it is open
        self._importer: TextImporter | None = None  # built on first use (``import_text``)
        self._quiz_paused = False  # the reader was opened from a quiz ("show in source")
        self._session_scope: tuple[list[Deck], str | None, bool] = ([], None, False)

        self.stack = QStackedWidget()
        self.library = LibraryWidget()
        self._reader: ReaderWidget | None = None  # built on first use (``reader``)
        self.stack.addWidget(self.library)
        self.setCentralWidget(self.stack)

        self.library.read_requested.connect(self.open_reader)
        self.library.study_requested.connect(self.study_deck)
        self.library.reset_changed_requested.connect(
            lambda: self.resolve_changed_answers(reset=True)
        )
        self.library.keep_changed_requested.connect(
            lambda: self.resolve_changed_answers(reset=False)
        )
        self.library.study_all_requested.connect(self.study_all_due)
        self.library.message.connect(lambda text: self.statusBar().showMessage(text, 6000))

        build_menus(self)
        self.deck_watcher = DeckFileWatcher(ctx.deck_paths, self)
        self.deck_watcher.decks_changed.connect(self.reload_decks)
        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(self.follow_system_scheme)
        if ctx.read_only:
            self.statusBar().showMessage("Read-only: progress cannot be saved this session.")
        self.refresh_library()
        self.restore_state()

    @property
    def reader(self) -> ReaderWidget:
        """The reading screen, built the first time it is needed (start-up stays lean)."""
        if self._reader is None:
            from studyapp.gui.reader import ReaderWidget

            reader = ReaderWidget()
            reader.section_opened.connect(self._remember_position)
            reader.section_read.connect(self._section_read)
            reader.quiz_section_requested.connect(self.study_section)
            reader.edit_deck_requested.connect(self.edit_deck)
            reader.back_requested.connect(self._leave_reader)
            self.stack.addWidget(reader)
            self._reader = reader
        return self._reader

    def _reader_deck(self) -> Deck | None:
        """The deck open in the reader, without building the reader."""
        return self._reader.deck if self._reader is not None else None

    # -- screens -------------------------------------------------------------------------------

    def set_screen(self, screen: Screen) -> None:
        """Show ``screen`` and remember it (a quiz is not restored: its caller screen is)."""
        widget: QWidget | None
        if screen is Screen.READER:
            widget = self.reader
            deck = self._reader_deck()
            self.setWindowTitle(f"{deck.title} — studyapp" if deck else "studyapp")
        else:
            widget = {
                Screen.LIBRARY: self.library,
                Screen.QUIZ: self.quiz,
                Screen.PROGRESS: self.progress,
            }[screen]
            titles = {Screen.LIBRARY: "Library", Screen.QUIZ: "Study", Screen.PROGRESS: "Progress"}
            self.setWindowTitle(f"{titles[screen]} — studyapp")
        if widget is None:  # quiz or progress before they were built: nothing to show
            return
        self.stack.setCurrentWidget(widget)
        self.current_screen = screen
        widget.setFocus()
        if screen is not Screen.QUIZ:
            self._save_setting(SCREEN_KEY, screen.value)
        self.screen_changed.emit(screen.value)

    def show_library(self) -> None:
        """Back to the library, with fresh numbers."""
        self.refresh_library()
        self.set_screen(Screen.LIBRARY)

    def open_reader(self, deck_id: str, section_id: str | None = None) -> None:
        """Open a deck in reading mode at ``section_id`` or where the student left off."""
        deck = self.deck_by_id(deck_id)
        if deck is None:
            return
        if section_id is None:
            section_id = self.store.setting(POSITION_PREFIX + deck_id, None)
        self.reader.open_deck(
            deck,
            self.store.read_sections(deck_id),
            self.progress_model.deck(deck, self.ctx.clock()).sections_mastery(),
            section_id,
        )
        self._save_setting(READER_DECK_KEY, deck_id)
        self.set_screen(Screen.READER)

    def resume_reading(self) -> None:
        """Open the reader on the deck read last (or the one selected in the library)."""
        deck_id = self.store.setting(READER_DECK_KEY, None) or self.library.selected_deck_id()
        if deck_id:
            self.open_reader(deck_id)

    def show_progress(self) -> None:
        """The progress screen (built on first use)."""
        if self.progress is None:
            from studyapp.gui.stats import ProgressWidget

            self.progress = ProgressWidget()
            self.progress.left.connect(self.show_library)
            self.progress.parameters_optimized.connect(self._parameters_optimized)
            self.stack.addWidget(self.progress)
        self.progress.refresh(self.store, self.decks, self.scheduler, self.ctx.clock())
        self.set_screen(Screen.PROGRESS)

    def _parameters_optimized(self, weights: Sequence[float]) -> None:
        """Keep optimized FSRS weights (21 numbers) in the stored settings and use them."""
        from dataclasses import replace

        try:
            params = tuple(float(w) for w in weights)
            settings = replace(preferences.stored_scheduler_settings(self.store), parameters=params)
        except (TypeError, ValueError, StudyappError) as error:
            self.statusBar().showMessage(f"Optimized parameters not used: {error}", 8000)
            return
        self._save_setting(preferences.SCHEDULER_KEY, settings.to_dict())
        self.scheduler = self.ctx.make_scheduler(settings)
        self.statusBar().showMessage("Scheduling now uses your optimized parameters.", 8000)

    # -- library -------------------------------------------------------------------------------

    def deck_by_id(self, deck_id: str) -> Deck | None:
        """The loaded deck with this id."""
        return next((d for d in self.decks if d.id == deck_id), None)

    @property
    def progress_model(self) -> ProgressModel:
        """The figures every screen shows, under the scheduler now in force."""
        return ProgressModel(self.store, self.scheduler)

    def summaries(self, now: datetime) -> list[DeckProgress]:
        """The library rows of every loaded deck at ``now``."""
        return self.progress_model.decks(self.decks, now)

    def refresh_library(self) -> None:
        """Recompute the library numbers from the store."""
        now = self.ctx.clock()
        self.library.set_content(
            self.summaries(now),
            self.problems,
            now,
            self.ctx.tz,
            self.ctx.deck_paths,
            [card.question or card.text for card in self.answer_changed_cards()],
        )

    def answer_changed_cards(self) -> list[Card]:
        """Cards whose answer changed in a deck file after they were studied."""
        if self.ctx.read_only:
            return []
        try:
            ids = set(self.store.answer_changed_cards())
        except StudyappError:
            return []
        return [card for deck in self.decks for card in deck.cards if card.id in ids]

    def resolve_changed_answers(self, *, reset: bool) -> None:
        """Start the changed cards afresh (``reset``) or keep their progress."""
        try:
            self.store.resolve_answer_changes(
                [card.id for card in self.answer_changed_cards()], reset=reset
            )
        except StudyappError as error:
            self.statusBar().showMessage(f"Could not save: {error}", 8000)
        self.refresh_library()

    # -- studying ------------------------------------------------------------------------------

    def study_deck(self, deck_id: str) -> None:
        """Study a deck's due cards and today's new ones."""
        deck = self.deck_by_id(deck_id)
        if deck is not None:
            self.start_quiz([deck])

    def study_section(self, deck_id: str, section_id: str) -> None:
        """Quiz the cards of one section (and its subsections).

        With nothing due or new there, the section is practised without scheduling (cram).
        """
        deck = self.deck_by_id(deck_id)
        if deck is None or not deck.cards_in_section(section_id):
            return
        pending = self.progress_model.has_cards_to_review(deck, section_id, self.ctx.clock())
        self.start_quiz([deck], section=section_id, cram=not pending)

    def study_all_due(self) -> None:
        """Study every deck's due cards (and today's new ones) together."""
        if self.decks:
            self.start_quiz(list(self.decks))

    def start_quiz(
        self, decks: Sequence[Deck], *, section: str | None = None, cram: bool = False
    ) -> None:
        """Open the quiz screen on a new study session over ``decks`` (or one section)."""
        if self.ctx.read_only:
            from PySide6.QtWidgets import QMessageBox  # imported when needed

            QMessageBox.information(
                self,
                "Read-only",
                "Progress cannot be saved in this session, so studying is off. "
                "Close the other studyapp window (or fix the data folder) and start again.",
            )
            return
        from studyapp.review_types import ReviewMode

        quiz = self._quiz_screen()
        if self.current_screen is not Screen.QUIZ:
            self.return_screen = self.current_screen
        self.session = self.ctx.make_session(
            self.store,
            self.scheduler,
            list(decks),
            quiz,
            section=section,
            mode=ReviewMode.CRAM if cram else ReviewMode.REVIEW,
            clock=self.ctx.clock,
            rng=self.ctx.rng,
        )
        self._session_scope = (list(decks), section, cram)
        self.set_screen(Screen.QUIZ)
        quiz.start(self.session, list(decks))

    def _quiz_screen(self) -> QuizWidget:
        """The quiz widget, built on first use (start-up does not load it)."""
        if self.quiz is None:
            from studyapp.gui.quiz import QuizWidget

            self.quiz = QuizWidget(clock=self.ctx.clock, tz=self.ctx.tz)
            self.quiz.left.connect(self.leave_quiz)
            self.quiz.study_more_requested.connect(self._study_more)
            self.quiz.show_in_source_requested.connect(self.show_card_source)
            self.quiz.edit_deck_requested.connect(self._edit_deck_of_card)
            self.stack.addWidget(self.quiz)
        return self.quiz

    def _study_more(self) -> None:
        decks, section, cram = self._session_scope
        self.start_quiz(decks, section=section, cram=cram)

    def leave_quiz(self) -> None:
        """Back from the quiz to where it was started, with the numbers brought up to date."""
        deck = self._reader_deck()
        if self.return_screen is Screen.READER and deck is not None:
            self.open_reader(deck.id, self.reader.current_section_id())
        else:
            self.show_library()

    def _deck_of_card(self, card: Card) -> Deck | None:
        return next((d for d in self.decks if any(c.id == card.id for c in d.cards)), None)

    def _edit_deck_of_card(self, card: Card) -> None:
        deck = self._deck_of_card(card)
        if deck is not None:
            self.edit_deck(deck.id)

    def show_card_source(self, card: Card) -> None:
        """Open the reader on the card's section with its source sentence highlighted."""
        deck = self._deck_of_card(card)
        if deck is None:
            return
        self._quiz_paused = self.current_screen is Screen.QUIZ
        self.open_reader(deck.id, card.section or None)
        self.reader.show_card_source(card)

    def _leave_reader(self) -> None:
        """Esc in the reader: back to a quiz paused for "show in source", else the library."""
        if self._quiz_paused and self.quiz is not None and self.quiz.phase != "finished":
            self._quiz_paused = False
            self.set_screen(Screen.QUIZ)
        else:
            self._quiz_paused = False
            self.show_library()

    # -- reading progress ----------------------------------------------------------------------

    def _remember_position(self, deck_id: str, section_id: str) -> None:
        self._save_setting(POSITION_PREFIX + deck_id, section_id)

    def _section_read(self, deck_id: str, section_id: str) -> None:
        if self.ctx.read_only:
            return
        try:
            self.store.mark_section_read(deck_id, section_id, self.ctx.clock())
        except StudyappError as error:
            self.statusBar().showMessage(f"Could not save reading progress: {error}", 8000)

    def edit_deck(self, deck_id: str) -> None:
        """Open the deck's file in the student's editor; saving it reloads the deck."""
        deck = self.deck_by_id(deck_id)
        if deck is None or deck.path is None:
            self.statusBar().showMessage("This deck has no file to edit.", 5000)
            return
        self.ctx.open_file(Path(deck.path))
        self.statusBar().showMessage(f"Opened {deck.path}; saving it reloads the deck.", 8000)

    # -- deck files ----------------------------------------------------------------------------

    def reload_decks(self) -> None:
        """Load the deck files again and sync the store; progress is kept by card id.

        A file that no longer loads keeps its last good deck on screen and its errors are
        listed in the library until it is fixed.
        """
        result = self.ctx.load_decks(self.ctx.deck_paths)
        self.decks, self.problems = merge_reload(self.decks, result)
        if not self.ctx.read_only:
            try:
                self.store.sync_decks(self.decks, self.ctx.clock())
            except StudyappError as error:
                self.statusBar().showMessage(f"Could not save the deck changes: {error}", 8000)
        self.deck_watcher.rewatch()
        self.refresh_library()
        shown = self._reader_deck()
        on_reader = self.current_screen is Screen.READER
        if shown is not None and on_reader and self.deck_by_id(shown.id) is not None:
            self.open_reader(shown.id, self.reader.current_section_id())
        if self.problems:
            self.statusBar().showMessage(f"A deck file has errors: {self.problems[0]}", 15000)
        else:
            self.statusBar().showMessage("Decks reloaded.", 4000)
        self.decks_reloaded.emit()

    # -- decks from the student's own texts -----------------------------------------------------

    def import_text(self, source: Path | None = None) -> None:
        """Make decks from a text file (asked for when not given), off the GUI thread."""
        if self.ctx.read_only or self.ctx.imports_dir is None:
            self.statusBar().showMessage("Read-only: new decks cannot be made this session.", 8000)
            return
        importer = self.text_importer
        if importer.is_running():
            self.statusBar().showMessage("Still making decks from the last text…", 5000)
            return
        if source is None:
            source = importer.ask_for_file()
            if source is None:
                return
        importer.start(source)
        self.statusBar().showMessage(f"Making decks from {source.name}…")

    @property
    def text_importer(self) -> TextImporter:
        """What makes decks from texts for this window (built on first use)."""
        if self._importer is None:
            from studyapp.gui.text_import import TextImporter

            assert self.ctx.imports_dir is not None
            importer = TextImporter(self, self.ctx.imports_dir, self._decks_in_other_files)
            importer.made.connect(self._text_imported)
            importer.failed.connect(self._text_import_failed)
            self._importer = importer
        return self._importer

    def _decks_in_other_files(self) -> dict[str, Path]:
        """Deck ids loaded from files outside the imports folder (a new deck may not reuse
        one); decks inside it may be made again from their text, keeping their progress."""
        mine = self.ctx.imports_dir.resolve() if self.ctx.imports_dir else None
        return {
            deck.id: Path(deck.path)
            for deck in self.decks
            if deck.path is not None and Path(deck.path).resolve().parent != mine
        }

    def _text_imported(self, made: MadeDecks) -> None:
        """New decks are on disk: add their folder to the library and show the first one."""
        from studyapp.gui.text_import import describe

        folder = self.ctx.imports_dir
        if folder is not None and folder not in self.ctx.deck_paths:
            self.ctx.deck_paths.append(folder)
            self.deck_watcher.paths.append(folder)
        self.reload_decks()
        if made.decks and self.deck_by_id(made.decks[0].id) is not None:
            self.library.select_deck(made.decks[0].id)
        self.statusBar().showMessage(describe(made), 15000)

    def _text_import_failed(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        self.statusBar().clearMessage()
        QMessageBox.warning(self, "No decks made", message)

    # -- settings, welcome ---------------------------------------------------------------------

    def open_settings(self) -> None:
        """The Settings dialog; saving applies the theme and rebuilds the scheduler."""
        from studyapp.gui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(preferences.load_preferences(self.store), self)
        if dialog.exec() == SettingsDialog.DialogCode.Accepted:
            self.apply_preferences(dialog.preferences())

    def apply_preferences(self, prefs: preferences.Preferences) -> None:
        """Save preferences, restyle the app and schedule with the new settings."""
        try:
            settings = preferences.save_preferences(self.store, prefs)
        except StudyappError as error:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self, "Settings not saved", str(error))
            return
        self.scheduler = self.ctx.make_scheduler(settings)
        self.restyle(prefs)

    def restyle(self, prefs: preferences.Preferences) -> None:
        """Apply the theme and text size, and redraw the screens that cache colours."""
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply_theme(app, prefs.theme, prefs.font_size)
        self.refresh_library()
        shown = self._reader_deck()
        if self.current_screen is Screen.READER and shown is not None:
            self.open_reader(shown.id, self.reader.current_section_id())

    def follow_system_scheme(self, _scheme: object = None) -> None:
        """The desktop switched light/dark: follow it if the student chose "system"."""
        if not self.isVisible():  # closed: the signal is application-wide and outlives it
            return
        try:
            prefs = preferences.load_preferences(self.store)
        except StudyappError:  # settings unreadable (or the store closed): keep the look
            return
        if prefs.theme == theme.ThemeChoice.SYSTEM.value:
            self.restyle(prefs)

    def start(self) -> None:
        """Show the window and, on a first run, the welcome."""
        self.show()
        if not self.store.setting(WELCOME_DISMISSED_KEY, False):
            QTimer.singleShot(0, self._first_run_welcome)

    def _first_run_welcome(self) -> None:
        self.show_welcome()

    def show_welcome(self) -> WelcomeDialog:
        """The welcome page (non-blocking); "Don't show again" is remembered."""
        from studyapp.gui.welcome import WelcomeDialog

        welcome = WelcomeDialog(self)
        welcome.finished.connect(self._welcome_closed)
        welcome.open()
        self.welcome = welcome
        return welcome

    def _welcome_closed(self, _result: int) -> None:
        if self.welcome is not None and self.welcome.dismissed_for_good():
            self._save_setting(WELCOME_DISMISSED_KEY, True)
        self.welcome = None
        current = self.stack.currentWidget()
        if current is not None:
            current.setFocus()

    # -- saved state ---------------------------------------------------------------------------

    def _save_setting(self, key: str, value: Any) -> None:
        if self.ctx.read_only:
            return
        try:
            self.store.set_setting(key, value)
        except StudyappError as error:
            self.statusBar().showMessage(f"Could not save: {error}", 8000)

    def restore_state(self) -> None:
        """Window geometry, screen and reading position from the last session."""
        geometry = self.store.setting(GEOMETRY_KEY, None)
        if isinstance(geometry, str):
            self.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii")))
        screen = self.store.setting(SCREEN_KEY, Screen.LIBRARY.value)
        deck_id = self.store.setting(READER_DECK_KEY, None)
        if screen == Screen.READER.value and deck_id and self.deck_by_id(deck_id):
            self.open_reader(deck_id)
            if deck_id:
                self.library.select_deck(deck_id)
        elif screen == Screen.PROGRESS.value:
            self.show_progress()
        else:
            self.set_screen(Screen.LIBRARY)

    def save_state(self) -> None:
        """Remember the window geometry (the screen and position are saved as they change)."""
        encoded = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        self._save_setting(GEOMETRY_KEY, encoded)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save the window state before closing."""
        self.save_state()
        super().closeEvent(event)


__all__ = ["AppContext", "MainWindow", "Screen"]

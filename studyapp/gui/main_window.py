"""The main window: which screen is showing, the menus, and keeping decks and progress in step.

The screen is an explicit state (:class:`Screen`: library, reader, quiz, progress) on a
QStackedWidget. The window owns no storage itself: it gets the open store, the deck loader and
the other collaborators in an :class:`AppContext` built by :mod:`studyapp.gui.app`. It saves
the window geometry, the screen and the reading position in the store's settings and restores
them on the next start. A QFileSystemWatcher reloads a deck file when an instructor saves it:
the store syncs (progress kept) and a deck that no longer loads shows its errors in the library
while its last good version stays usable (:mod:`studyapp.gui.deck_watcher`). The reader,
quiz and progress screens are built the first time they are used, so start-up stays lean.
Studying (:mod:`~studyapp.gui.study_flow`), decks from the student's texts
(:mod:`~studyapp.gui.text_import`) and settings with the welcome
(:mod:`~studyapp.gui.appearance`) are flows of their own that the window delegates to.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from studyapp.errors import StudyappError
from studyapp.gui.appearance import AppearanceFlow
from studyapp.gui.context import AppContext, Screen
from studyapp.gui.deck_watcher import DeckFileWatcher, merge_reload
from studyapp.gui.geometry import place_window
from studyapp.gui.library import LibraryWidget
from studyapp.gui.library_flow import LibraryFlow
from studyapp.gui.menus import build_menus
from studyapp.gui.study_flow import StudyFlow
from studyapp.model import Card, Deck
from studyapp.study import preferences
from studyapp.study.preferences import WELCOME_DISMISSED_KEY
from studyapp.study.progress import ProgressModel

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from studyapp.decks.load import LoadResult
    from studyapp.gui.exam_browser_flow import ExamBrowserFlow
    from studyapp.gui.exchange_flow import ExchangeFlow
    from studyapp.gui.quiz import QuizWidget
    from studyapp.gui.reader import ReaderWidget
    from studyapp.gui.stats import ProgressWidget
    from studyapp.gui.text_import import TextImporter, TextImportFlow
    from studyapp.gui.welcome import WelcomeDialog
    from studyapp.study.session import StudySession

GEOMETRY_KEY = "ui.window_geometry"
SCREEN_KEY = "ui.screen"
READER_DECK_KEY = "ui.reader_deck"
POSITION_PREFIX = "reader.position."  # + deck id -> section id


class MainWindow(QMainWindow):
    """Library, reader, quiz and progress on one stack, with menus and saved state."""

    screen_changed = Signal(str)  # Screen value
    decks_reloaded = Signal()

    def __init__(self, ctx: AppContext, loaded: LoadResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.store = ctx.store
        self.setWindowTitle("studyapp")
        self.scheduler = ctx.make_scheduler(preferences.stored_scheduler_settings(self.store))
        self.decks: list[Deck] = list(loaded.decks)
        self.problems: list[str] = [p.format() for p in loaded.errors]
        self.current_screen = Screen.LIBRARY
        self.return_screen = Screen.LIBRARY  # where a finished quiz goes back to
        self.quiz: QuizWidget | None = None  # built by the study flow on first use
        self.session: StudySession | None = None
        self.study = StudyFlow(self)
        self.appearance = AppearanceFlow(self)
        self.progress: ProgressWidget | None = None
        self._progress_model: ProgressModel | None = None
        self.welcome: WelcomeDialog | None = None  # while it is open

        self.stack = QStackedWidget()
        self.library = LibraryWidget()
        self._reader: ReaderWidget | None = None  # built on first use (``reader``)
        self.stack.addWidget(self.library)
        self.setCentralWidget(self.stack)

        self.library.read_requested.connect(self.open_reader)
        self.library.study_requested.connect(self.study_deck)
        library = self.library
        library.reset_changed_requested.connect(lambda: self.resolve_changed_answers(reset=True))
        library.keep_changed_requested.connect(lambda: self.resolve_changed_answers(reset=False))
        self.library.study_all_requested.connect(self.study_all_due)
        self.library.exam_panel.edit_requested.connect(lambda: self.exams_and_browser.edit_exams())
        self.library.message.connect(lambda text: self.statusBar().showMessage(text, 6000))

        build_menus(self)
        self.deck_watcher = DeckFileWatcher(ctx.deck_paths, self)
        self.deck_watcher.decks_changed.connect(self.reload_decks)
        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(self.follow_system_scheme)
        if ctx.read_only:
            self.statusBar().showMessage("Read-only: progress cannot be saved this session.")
        self.library_flow = LibraryFlow(self)  # the library's figures, from the first paint on
        self.library_flow.show_first()
        self.restore_state()

    @property
    def reader(self) -> ReaderWidget:
        """The reading screen, built the first time it is needed (start-up stays lean)."""
        if self._reader is None:
            from studyapp.gui.reader import ReaderWidget

            reader = ReaderWidget()
            reader.section_opened.connect(self._remember_position)
            reader.section_read.connect(self._section_read)
            reader.quiz_section_requested.connect(self.study.study_section)
            reader.edit_deck_requested.connect(self.edit_deck)
            reader.back_requested.connect(self.study.leave_reader)
            self.stack.addWidget(reader)
            self._reader = reader
        return self._reader

    # The flows below are built (and their modules imported) the first time they are used.

    @cached_property
    def exchange(self) -> ExchangeFlow:
        """File › Import… and Export…."""
        from studyapp.gui.exchange_flow import ExchangeFlow

        return ExchangeFlow(self)

    @cached_property
    def exams_and_browser(self) -> ExamBrowserFlow:
        """Study › Exam dates… and Go › Browse cards…."""
        from studyapp.gui.exam_browser_flow import ExamBrowserFlow

        return ExamBrowserFlow(self)

    @cached_property
    def text_imports(self) -> TextImportFlow:
        """File › Make decks from a text…."""
        from studyapp.gui.text_import import TextImportFlow

        return TextImportFlow(self)

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
        self.reader.exam_badge.refresh(self.store, self.scheduler, deck, self.ctx.clock())
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
            self.progress.parameters_optimized.connect(self.appearance.use_optimized_parameters)
            self.progress.exam_panel.edit_requested.connect(self.exams_and_browser.edit_exams)
            self.stack.addWidget(self.progress)
        model, now = self.progress_model, self.ctx.clock()
        self.progress.refresh(self.store, self.decks, self.scheduler, now, model)
        self.set_screen(Screen.PROGRESS)

    # -- library -------------------------------------------------------------------------------

    def deck_by_id(self, deck_id: str) -> Deck | None:
        """The loaded deck with this id."""
        return next((d for d in self.decks if d.id == deck_id), None)

    @property
    def progress_model(self) -> ProgressModel:
        """The figures every screen shows; kept while store and scheduler stay (see progress)."""
        model = self._progress_model
        if model is None or model.store is not self.store or model.scheduler is not self.scheduler:
            model = self._progress_model = ProgressModel(self.store, self.scheduler)
        return model

    def refresh_library(self) -> None:
        """Recompute the library numbers from the store (studyapp.gui.library_flow)."""
        self.library_flow.refresh()

    def answer_changed_cards(self) -> list[Card]:
        """Cards whose answer changed in a deck file after they were studied."""
        return self.library_flow.answer_changed_cards()

    def resolve_changed_answers(self, *, reset: bool) -> None:
        """Start the changed cards afresh (``reset``) or keep their progress."""
        self.library_flow.resolve_changed_answers(reset=reset)

    # -- studying: studyapp.gui.study_flow ---------------------------------------------------

    def study_deck(self, deck_id: str) -> None:
        """Study a deck's due cards and today's new ones."""
        self.study.study_deck(deck_id)

    def study_section(self, deck_id: str, section_id: str) -> None:
        """Quiz one section (crammed when nothing there is due or new)."""
        self.study.study_section(deck_id, section_id)

    def study_all_due(self) -> None:
        """Study every deck's due cards (and today's new ones) together."""
        self.study.study_all_due()

    def start_quiz(
        self, decks: Sequence[Deck], *, section: str | None = None, cram: bool = False
    ) -> None:
        """Open the quiz screen on a new study session over ``decks`` (or one section)."""
        self.study.start_quiz(decks, section=section, cram=cram)

    def leave_quiz(self) -> None:
        """Back from the quiz to where it was started."""
        self.study.leave_quiz()

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

    # -- decks from the student's own texts: studyapp.gui.text_import ----------------------

    def import_text(self, source: Path | None = None) -> None:
        """Make decks from a text file (asked for when not given), off the GUI thread."""
        self.text_imports.start(source)

    @property
    def text_importer(self) -> TextImporter:
        """What makes decks from texts for this window (built on first use)."""
        return self.text_imports.text_importer

    # -- settings, look, welcome: studyapp.gui.appearance ---------------------------------------

    def open_settings(self) -> None:
        """The Settings dialog; saving applies the theme and rebuilds the scheduler."""
        self.appearance.open_settings()

    def apply_preferences(self, prefs: preferences.Preferences) -> None:
        """Save preferences, restyle the app and schedule with the new settings."""
        self.appearance.apply_preferences(prefs)

    def show_welcome(self) -> WelcomeDialog:
        """The welcome page (non-blocking); "Don't show again" is remembered."""
        return self.appearance.show_welcome()

    def follow_system_scheme(self, _scheme: object = None) -> None:
        """The desktop switched light/dark (a slot of the window, so Qt drops the connection
        when the window goes)."""
        self.appearance.follow_system_scheme()

    def start(self) -> None:
        """Show the window and, on a first run, the welcome."""
        self.show()
        if not self.store.setting(WELCOME_DISMISSED_KEY, False):
            QTimer.singleShot(0, self.show_welcome)

    # -- saved state ---------------------------------------------------------------------------

    def _save_setting(self, key: str, value: Any) -> None:
        if self.ctx.read_only:
            return
        try:
            if self.store.setting(key, None) != value:  # a read is cheaper than a write
                self.store.set_setting(key, value)
        except StudyappError as error:
            self.statusBar().showMessage(f"Could not save: {error}", 8000)

    def restore_state(self) -> None:
        """Window geometry, screen and reading position from the last session."""
        place_window(self, self.store.setting(GEOMETRY_KEY, None))  # inside the screen
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
        self.library_flow.save_figures()  # the next start shows them without counting

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save the window state, and stop watching the deck files, before closing."""
        self.save_state()
        self.deck_watcher.stop()
        super().closeEvent(event)


__all__ = ["AppContext", "MainWindow", "Screen"]

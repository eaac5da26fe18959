"""File › Make decks from a text…: the student's own outline becomes decks in their library.

:class:`TextImporter` asks for a text file, runs :func:`studyapp.cards.deck_making.make_decks` on a
pool thread (the window stays responsive; a progress dialog appears only if the work takes a
while) and reports the outcome on the GUI thread: ``made(MadeDecks)`` or ``failed(message)``.
The decks go to the data folder's ``decks/`` (:func:`studyapp.paths.imported_decks_dir`),
never into the shipped or an instructor's folder, and a deck id another file already uses is
refused rather than written twice.
"""

from __future__ import annotations

import shlex
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QWidget

from studyapp.cards.deck_making import STEPS, MadeDecks, make_decks
from studyapp.errors import StudyappError
from studyapp.gui.workers import BackgroundTask, TaskControl, run_in_background
from studyapp.wording import count

if TYPE_CHECKING:
    from studyapp.gui.main_window import MainWindow

TEXT_FILTER = "Texts and outlines (*.txt *.md *.markdown *.rst *.text);;All files (*)"
PROGRESS_DELAY_MS = 400  # quicker imports finish without a dialog flashing up


class TextImporter(QObject):
    """Makes decks from text files for one window, one import at a time."""

    made = Signal(object)  # MadeDecks
    failed = Signal(str)  # what went wrong, for the student

    def __init__(
        self,
        parent: QWidget,
        out_dir: Path,
        in_use: Callable[[], Mapping[str, Path]],
    ) -> None:
        super().__init__(parent)
        self.window = parent
        self.out_dir = out_dir
        self.in_use = in_use
        self.task: BackgroundTask | None = None
        self.progress: QProgressDialog | None = None

    def ask_for_file(self, start_folder: Path | None = None) -> Path | None:
        """The text file the student picks (None when they cancel)."""
        chosen, _ = QFileDialog.getOpenFileName(
            self.window,
            "Make decks from a text",
            str(start_folder or Path.home()),
            TEXT_FILTER,
        )
        return Path(chosen) if chosen else None

    def is_running(self) -> bool:
        """True while an import is being made."""
        return self.task is not None and self.task.is_running()

    def start(self, source: Path) -> BackgroundTask:
        """Make decks from ``source`` off the GUI thread; ``made`` or ``failed`` follows."""
        if self.task is not None and self.task.is_running():
            raise RuntimeError("an import is already running")
        in_use = dict(self.in_use())
        out_dir = self.out_dir
        command = f"studyapp generate {shlex.quote(str(source))} --out {shlex.quote(str(out_dir))}"

        def work(control: TaskControl) -> MadeDecks:
            return make_decks(
                source,
                out_dir,
                label=source.name,
                command=command,
                in_use=in_use,
                report=control.report,
            )

        self.progress = self._progress_dialog(source)
        self.task = run_in_background(
            work,
            on_success=self._succeeded,
            on_failure=self._failed,
            on_progress=self._progressed,
        )
        return self.task

    def _progress_dialog(self, source: Path) -> QProgressDialog:
        dialog = QProgressDialog(f"Making decks from {source.name}…", "", 0, STEPS, self.window)
        dialog.setWindowTitle("Making decks")
        dialog.setCancelButton(None)  # the steps are short; it cannot stop halfway
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(PROGRESS_DELAY_MS)
        dialog.setValue(0)
        return dialog

    def _progressed(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.setMaximum(total)
            self.progress.setValue(done)

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None

    def _succeeded(self, result: object) -> None:
        self._close_progress()
        self.made.emit(result)

    def _failed(self, error: BaseException) -> None:
        self._close_progress()
        if isinstance(error, StudyappError):
            self.failed.emit(str(error))
        else:  # a bug: say so plainly, with what it was
            self.failed.emit(f"studyapp hit an unexpected error: {error!r}")


def describe(made: MadeDecks) -> str:
    """One status-bar line: what was made, and what was left out of the text."""
    line = f"Made {count(len(made.decks), 'deck')} with {count(made.card_count, 'card')}."
    if made.left_out:
        line += f" Left out as not study material: {made.left_out_summary()}."
    return line


class TextImportFlow:
    """File › Make decks from a text… for one main window: asks, imports, then shows the decks."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self._importer: TextImporter | None = None  # built on first use

    def start(self, source: Path | None = None) -> None:
        """Make decks from a text file (asked for when not given), off the GUI thread."""
        if self.window.ctx.read_only or self.window.ctx.imports_dir is None:
            message = "Read-only: new decks cannot be made this session."
            self.window.statusBar().showMessage(message, 8000)
            return
        importer = self.text_importer
        if importer.is_running():
            self.window.statusBar().showMessage("Still making decks from the last text…", 5000)
            return
        if source is None:
            source = importer.ask_for_file()
            if source is None:
                return
        importer.start(source)
        self.window.statusBar().showMessage(f"Making decks from {source.name}…")

    @property
    def text_importer(self) -> TextImporter:
        """What makes decks from texts for this window (built on first use)."""
        if self._importer is None:
            assert self.window.ctx.imports_dir is not None
            importer = TextImporter(
                self.window, self.window.ctx.imports_dir, self._decks_in_other_files
            )
            importer.made.connect(self._text_imported)
            importer.failed.connect(self._text_import_failed)
            self._importer = importer
        return self._importer

    def _decks_in_other_files(self) -> dict[str, Path]:
        """Deck ids loaded from files outside the imports folder (a new deck may not reuse
        one); decks inside it may be made again from their text, keeping their progress."""
        mine = self.window.ctx.imports_dir.resolve() if self.window.ctx.imports_dir else None
        return {
            deck.id: Path(deck.path)
            for deck in self.window.decks
            if deck.path is not None and Path(deck.path).resolve().parent != mine
        }

    def _text_imported(self, made: MadeDecks) -> None:
        """New decks are on disk: add their folder to the library and show the first one."""
        folder = self.window.ctx.imports_dir
        if folder is not None and folder not in self.window.ctx.deck_paths:
            self.window.ctx.deck_paths.append(folder)
            self.window.deck_watcher.paths.append(folder)
        self.window.reload_decks()
        if made.decks and self.window.deck_by_id(made.decks[0].id) is not None:
            self.window.library.select_deck(made.decks[0].id)
        self.window.statusBar().showMessage(describe(made), 15000)

    def _text_import_failed(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        self.window.statusBar().clearMessage()
        QMessageBox.warning(self.window, "No decks made", message)

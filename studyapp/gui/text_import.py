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

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QWidget

from studyapp.cards.deck_making import STEPS, MadeDecks, make_decks
from studyapp.errors import StudyappError
from studyapp.gui.workers import BackgroundTask, TaskControl, run_in_background
from studyapp.wording import count

TEXT_FILTER = "Texts and outlines (*.txt *.md *.markdown *.text);;All files (*)"
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

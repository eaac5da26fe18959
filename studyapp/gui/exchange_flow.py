"""File › Export… and File › Import…: decks to and from Anki packages and CSV/TSV files.

Export writes the deck selected in the library (all decks when none is) as ``.apkg``,
``.csv`` or ``.tsv``. Import turns an ``.apkg``, ``.colpkg``, ``.csv``, ``.tsv`` or ``.txt``
into decks in the student's own decks folder, refusing ids other deck files use; a package's
review history then goes into the progress database on the GUI thread (the store's
connection lives there), replayed through the window's scheduler. The file work itself runs
on a pool thread (:mod:`studyapp.gui.workers`); the outcome is a status-bar line or, when
refused, a message box with the one-line reason.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from studyapp.errors import StudyappError
from studyapp.gui.workers import BackgroundTask, TaskControl, run_in_background
from studyapp.model import Deck
from studyapp.wording import count

if TYPE_CHECKING:
    from studyapp.gui.main_window import MainWindow

EXPORT_FILTER = "Anki package (*.apkg);;CSV, one card a row (*.csv);;TSV, tab-separated (*.tsv)"
IMPORT_FILTER = (
    "Anki packages and CSV/TSV (*.apkg *.colpkg *.csv *.tsv *.txt);;"
    "Anki packages (*.apkg *.colpkg);;CSV/TSV (*.csv *.tsv *.txt);;All files (*)"
)
_SUFFIX_OF_FILTER = {"Anki": ".apkg", "CSV,": ".csv", "TSV,": ".tsv"}


class ExchangeFlow:
    """Export and import for one main window, one file at a time."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.task: BackgroundTask | None = None

    def busy(self) -> bool:
        """True while an export or import is running."""
        return self.task is not None and self.task.is_running()

    # -- export ------------------------------------------------------------------------------

    def decks_to_export(self) -> list[Deck]:
        """The deck selected in the library, or every deck when none is."""
        selected = self.window.library.selected_deck_id()
        chosen = [d for d in self.window.decks if d.id == selected]
        return chosen or list(self.window.decks)

    def export(self, target: Path | None = None) -> BackgroundTask | None:
        """Export (asking where when ``target`` is None); the task, or None if nothing runs."""
        decks = self.decks_to_export()
        if not decks or self.busy():
            self._say("Nothing to export." if not decks else "Still working on the last file…")
            return None
        if target is None:
            suggested = decks[0].id if len(decks) == 1 else "studyapp-decks"
            chosen, picked = QFileDialog.getSaveFileName(
                self.window, "Export decks", str(Path.home() / f"{suggested}.apkg"), EXPORT_FILTER
            )
            if not chosen:
                return None
            target = Path(chosen)
            if target.suffix.lower() not in (".apkg", ".csv", ".tsv"):
                suffix = next((v for k, v in _SUFFIX_OF_FILTER.items() if picked.startswith(k)), "")
                target = target.with_name(target.name + (suffix or ".apkg"))
        out = target

        def work(_control: TaskControl) -> str:
            if out.suffix.lower() == ".apkg":
                from studyapp.exchange.anki_export import export_apkg

                result = export_apkg(decks, out)
                return (
                    f"Exported {count(len(decks), 'deck')} to {out.name}: "
                    f"{count(result.notes, 'note')}, {count(result.media, 'image')}."
                )
            from studyapp.exchange.csv_io import export_csv

            rows = export_csv(decks, out)
            return f"Exported {count(rows, 'card')} to {out.name}."

        self._say(f"Exporting to {out.name}…", 0)
        self.task = run_in_background(
            work, on_success=lambda line: self._say(str(line), 15000), on_failure=self._failed
        )
        return self.task

    # -- import ------------------------------------------------------------------------------

    def import_file(self, source: Path | None = None) -> BackgroundTask | None:
        """Import (asking which file when ``source`` is None) into the own-decks folder."""
        folder = self.window.ctx.imports_dir
        if self.window.ctx.read_only or folder is None:
            self._say("Read-only: nothing can be imported this session.")
            return None
        if self.busy():
            self._say("Still working on the last file…")
            return None
        if source is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self.window, "Import decks", str(Path.home()), IMPORT_FILTER
            )
            if not chosen:
                return None
            source = Path(chosen)
        path = source
        in_use = {
            some_id: Path(deck.path)
            for deck in self.window.decks
            if deck.path is not None
            for some_id in (deck.id, *(card.id for card in deck.cards))
        }

        def work(_control: TaskControl) -> object:
            if path.suffix.lower() in (".csv", ".tsv", ".txt"):
                from studyapp.exchange.csv_io import import_csv

                return import_csv(path, folder, in_use)
            from studyapp.exchange.anki_import import import_anki_package

            return import_anki_package(path, folder, in_use=in_use)

        self._say(f"Importing {path.name}…", 0)
        self.task = run_in_background(work, on_success=self._imported, on_failure=self._failed)
        return self.task

    def _imported(self, result: object) -> None:
        """The decks are on disk: show them, then bring their history into the progress."""
        from studyapp.exchange.anki_import import ImportResult
        from studyapp.exchange.csv_io import CsvImport

        window = self.window
        folder = window.ctx.imports_dir
        if folder is not None and folder not in window.ctx.deck_paths:
            window.ctx.deck_paths.append(folder)
            window.deck_watcher.paths.append(folder)
        window.reload_decks()
        if isinstance(result, CsvImport):
            decks, line = [result.deck], f"Imported {count(len(result.deck.cards), 'card')}."
        else:
            assert isinstance(result, ImportResult)
            decks = result.decks
            cards = sum(len(d.cards) for d in decks)
            line = f"Imported {count(len(decks), 'deck')} with {count(cards, 'card')}."
            if result.reviews:
                line += " " + self._store_history(result)
            if result.skipped:
                left = count(len(result.skipped), "card")
                line += f" Left out {left}, e.g. {result.skipped[0]}."
        if decks and window.deck_by_id(decks[0].id) is not None:
            window.library.select_deck(decks[0].id)
        self._say(line, 20000)

    def _store_history(self, result: object) -> str:
        from studyapp.exchange.anki_import import ImportResult
        from studyapp.exchange.history import store_history

        assert isinstance(result, ImportResult)
        window = self.window
        # on the GUI thread, where the store's connection lives: about 1 s per 10,000 answers
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            report = store_history(result, window.store, window.scheduler, window.ctx.clock())
        except StudyappError as error:
            return f"The review history could not be saved: {error}"
        finally:
            QApplication.restoreOverrideCursor()
        window.refresh_library()
        return f"History: {count(report.answers, 'answer')} of {count(report.cards, 'card')}."

    # -- both --------------------------------------------------------------------------------

    def _failed(self, error: BaseException) -> None:
        self.window.statusBar().clearMessage()
        message = (
            str(error)
            if isinstance(error, StudyappError)
            else (f"studyapp hit an unexpected error: {error!r}")
        )
        QMessageBox.warning(self.window, "Nothing was imported or exported", message)

    def _say(self, text: str, timeout: int = 6000) -> None:
        self.window.statusBar().showMessage(text, timeout)

"""Composition root of the desktop app: the only place that builds the real objects.

It loads the decks (``paths.library_paths``), opens the progress store in the data folder, syncs
the decks into it, builds the scheduler from the stored settings, applies the theme and opens
the main window. A store that cannot be opened (damaged, locked by another studyapp, read-only)
is explained in a dialog that says what to do; a locked or read-only store can still be opened
read-only. An unexpected error is written to ``studyapp.log`` in the data folder and shown in a
dialog instead of a crash.
"""

from __future__ import annotations

import random
import sys
import traceback
from collections.abc import Callable
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QApplication, QWidget

from studyapp import paths
from studyapp.errors import StoreError, StudyappError
from studyapp.gui import theme
from studyapp.gui.main_window import AppContext, MainWindow
from studyapp.gui.pyside_fixes import keep_singletons_alive
from studyapp.study import preferences

if TYPE_CHECKING:
    from studyapp.decks.load import LoadResult
    from studyapp.store.database import Store
    from studyapp.study.scheduler import Scheduler, SchedulerSettings
    from studyapp.study.session import StudySession

DECK_CACHE_NAME = "deck-cache.json"  # in the data folder: see studyapp.decks.cache
ERROR_LOG_NAME = "studyapp.log"  # in the data folder: unexpected errors, for a bug report


def append_to_error_log(log_file: Path, text: str) -> None:
    """Add a dated entry to the error log. Never raises: the dialog still shows the error.

    A plain append rather than :mod:`logging`: one writer, errors only, and the app opens
    about 6 ms sooner without importing it.
    """
    stamp = datetime.now().astimezone().isoformat(sep=" ", timespec="seconds")
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        with log_file.open("a", encoding="utf-8") as out:
            out.write(f"{stamp} ERROR {text.rstrip()}\n")
    except OSError:
        pass


def utc_now() -> datetime:
    """The wall clock in UTC: read here, at the edge, and passed in everywhere else."""
    return datetime.now(UTC)


def open_in_editor(path: Path) -> None:
    """Open a file with the desktop's default application."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def make_scheduler(settings: SchedulerSettings, tz: tzinfo | None = None) -> Scheduler:
    """The real FSRS scheduler for ``settings``."""
    from studyapp.study.scheduler import Scheduler

    return Scheduler(settings, tz)


def make_session(*args: Any, **kwargs: Any) -> StudySession:
    """A real study session (imported on first use: the library does not need it)."""
    from studyapp.study.session import StudySession

    return StudySession(*args, **kwargs)


def open_store(data_folder: Path, *, read_only: bool = False) -> Store:
    """Open the progress store in ``data_folder`` (read-only: no lock, no writes, no backup)."""
    from studyapp.store.database import Store

    db_path = paths.database_path(data_folder)
    if not read_only:
        return Store.open(db_path)
    from studyapp.store.dbfile import connect

    return Store(connect(db_path, read_only=True), db_path, None)


def build_main_window(
    deck_paths: list[Path],
    data_folder: Path,
    *,
    clock: Callable[[], datetime] = utc_now,
    tz: tzinfo | None = None,
    open_file: Callable[[Path], None] = open_in_editor,
    store: Store | None = None,
    read_only: bool = False,
    rng: random.Random | None = None,
) -> MainWindow:
    """Load decks, open (or use) the store, sync, theme the app and build the main window.

    Raises :class:`StoreError` when the store cannot be opened or written.
    """
    from studyapp.decks.load import load_decks

    keep_singletons_alive()
    cache_file = data_folder / DECK_CACHE_NAME

    def load_cached(paths: list[Path]) -> LoadResult:
        """The decks, unchanged files from the cache (a start without parsing YAML)."""
        return load_decks(paths, cache_file)

    loaded = load_cached(deck_paths)
    if store is None:
        store = open_store(data_folder, read_only=read_only)
    if not read_only:
        store.sync_decks(loaded.decks, clock())
    prefs = preferences.load_preferences(store)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        theme.apply_theme(app, prefs.theme, prefs.font_size)
    ctx = AppContext(
        store=store,
        deck_paths=deck_paths,
        load_decks=load_cached,
        make_scheduler=lambda settings: make_scheduler(settings, tz),
        make_session=make_session,
        clock=clock,
        open_file=open_file,
        tz=tz,
        rng=rng if rng is not None else random.Random(),  # tests pass a seeded one
        read_only=read_only,
        imports_dir=paths.imported_decks_dir(data_folder),
    )
    return MainWindow(ctx, loaded)


def store_error_choice(error: StoreError, parent: QWidget | None = None) -> bool:
    """Explain a store error; True when the student chose to continue read-only."""
    from PySide6.QtWidgets import QMessageBox

    from studyapp.store.dbfile import StoreLockedError, StoreReadOnlyError

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle("studyapp cannot open your progress")
    box.setText(f"studyapp cannot open your progress.\n\n{error}")
    can_read = isinstance(error, StoreLockedError | StoreReadOnlyError)
    box.setInformativeText(
        "If another studyapp window is open, close it and start again. "
        "To check or repair the progress database, run:  studyapp doctor"
        + (
            "\n\nYou can also open it read-only: you can read and browse, not study."
            if can_read
            else ""
        )
    )
    read_button = None
    if can_read:
        read_button = box.addButton("Open read-only", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return read_button is not None and box.clickedButton() is read_button


def install_excepthook(
    parent: Callable[[], QWidget | None] = lambda: None, log_file: Path | None = None
) -> None:
    """Show unexpected errors in a dialog instead of ending the app, and add them to
    ``log_file`` (the data folder's ``studyapp.log``) when one is given."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        text = "".join(traceback.format_exception(kind, error, tb))
        if log_file is not None:
            append_to_error_log(log_file, f"unexpected error:\n{text}")
        if QApplication.instance() is None:
            return
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(parent())
        box.setIcon(QMessageBox.Icon.Warning)
        if isinstance(error, StudyappError):  # a known problem: its message says what to do
            box.setWindowTitle("studyapp")
            box.setText(str(error))
            if isinstance(error, StoreError):
                box.setInformativeText(
                    "Your earlier answers are safe. To check the progress database, run: "
                    "studyapp doctor"
                )
        else:
            box.setWindowTitle("Something went wrong")
            box.setText(f"studyapp hit an unexpected error: {error}")
            box.setInformativeText("Your progress up to the last answer is saved.")
            box.setDetailedText(text)
        box.exec()

    sys.excepthook = hook


def identify_application(app: QApplication) -> None:
    """Name the app and give it its icon, so docks and task bars show studyapp, not "python".

    The desktop file name (the Wayland app id) is the launcher's, so a dock groups the
    window with the launcher that started it.
    """
    from studyapp.gui.app_icon import app_icon

    app.setApplicationName(paths.APP_NAME)
    app.setApplicationDisplayName(paths.APP_NAME)
    app.setDesktopFileName(paths.APP_ID)
    app.setWindowIcon(app_icon())


def run_app(decks: list[str] | None = None, data_dir: str | None = None) -> int:
    """Open the main window on the given decks and data folder; returns the exit code."""
    keep_singletons_alive()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else theme.create_application(sys.argv)
    identify_application(app)
    theme.apply_theme(app, theme.ThemeChoice.SYSTEM)  # until the stored choice is known
    window: MainWindow | None = None
    folder = paths.data_dir(data_dir)
    deck_paths = paths.library_paths(decks, folder)
    install_excepthook(lambda: window, folder / ERROR_LOG_NAME)
    try:
        window = build_main_window(deck_paths, folder)
    except StoreError as error:
        if not store_error_choice(error):
            return 1
        try:
            window = build_main_window(deck_paths, folder, read_only=True)
        except StoreError as second:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.critical(None, "studyapp cannot open your progress", str(second))
            return 1
    window.start()
    code = app.exec()
    window.store.close()
    return int(code)

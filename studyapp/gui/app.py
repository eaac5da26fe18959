"""Composition root of the desktop app: the only place that builds the real objects.

It loads the decks (``paths.library_paths``), opens the progress store in the data folder, syncs
the decks into it, builds the scheduler from the stored settings, applies the theme and opens
the main window. A big library's window opens on the listing of its decks and loads and syncs
them right after its first paint (:mod:`studyapp.gui.library_flow`).

The hourly backup of the progress database is taken once the window is up, on a worker thread
(:func:`back_up_in_background`): it copies the whole file, which at 100,000 cards takes a good
part of a second that the window would otherwise freeze for. A store that cannot be opened
(damaged, emptied, locked by another studyapp) is explained in a dialog that says what to do:
a locked store can be opened read-only, an emptied one can have the backup holding its history
restored. One in a folder that cannot be written (a protected folder, a read-only disk)
opens read-only at once, with a notice. An unexpected error is written to ``studyapp.log`` in
the data folder and shown in a dialog instead of a crash.
"""

from __future__ import annotations

import gc
import random
import sys
import traceback
from collections.abc import Callable
from datetime import UTC, datetime, tzinfo
from enum import Enum
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from studyapp import paths
from studyapp.errors import StoreError, StudyappError
from studyapp.gui import theme
from studyapp.gui.first_paint import after_first_paint
from studyapp.gui.main_window import SCREEN_KEY, AppContext, MainWindow, Screen
from studyapp.gui.pyside_fixes import keep_singletons_alive
from studyapp.study import preferences

if TYPE_CHECKING:
    from studyapp.gui.workers import BackgroundTask
    from studyapp.store.database import Store
    from studyapp.study.scheduler import Scheduler, SchedulerSettings
    from studyapp.study.session import StudySession

DECK_CACHE_NAME = "deck-cache.json"  # in the data folder: see studyapp.decks.cache
ERROR_LOG_NAME = "studyapp.log"  # in the data folder: unexpected errors, for a bug report
BACKUP_DELAY_MS = 500  # the backup starts this long after the window is shown
COLLECT_AFTER_MS = 1000
"""The garbage collector comes back this long after the window is shown: after the first
paint and a big library's work right behind it, so its first round over all the start made
(a few ms) comes when the app is idle."""
EXIT_WAIT_MS = 2000  # at exit, background jobs get this long to end before the process does


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


def resume_collection() -> None:
    """Turn the cyclic garbage collector back on once the start has settled (``studyapp gui``
    turns it off before it imports the app, see :data:`COLLECT_AFTER_MS`).

    The start makes some 40,000 tracked objects that mostly live as long as the app
    (modules, classes, Qt's enums, the widgets): collecting while they were made walked them
    again and again, about 9 ms of a 10k-card library's start. Nothing is frozen
    (``gc.freeze``): the app lives on, and what the start made may become garbage later.
    """
    gc.enable()


def open_in_editor(path: Path) -> None:
    """Open a file with the desktop's default application."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def make_scheduler(
    settings: SchedulerSettings, tz: tzinfo | None = None, store: Store | None = None
) -> Scheduler:
    """The real FSRS scheduler for ``settings``, aiming at the exams set in ``store``."""
    from studyapp.study.exam import ExamCalendar
    from studyapp.study.scheduler import Scheduler

    exams = ExamCalendar(load=store.exam_days_by_card) if store is not None else None
    return Scheduler(settings, tz, exams)


def make_session(*args: Any, **kwargs: Any) -> StudySession:
    """A real study session (imported on first use: the library does not need it)."""
    from studyapp.study.session import StudySession

    return StudySession(*args, **kwargs)


def open_store(data_folder: Path, *, read_only: bool = False) -> Store:
    """Open the progress store in ``data_folder`` (read-only: no lock, no writes, no backup)."""
    from studyapp.store.database import Store

    db_path = paths.database_path(data_folder)
    if not read_only:
        return Store.open(db_path, defer_backup=True)  # see back_up_in_background
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
    from studyapp.decks.load import LoadResult, load_decks
    from studyapp.gui.library_flow import listing_for_first_paint

    keep_singletons_alive()
    cache_file = data_folder / DECK_CACHE_NAME

    def load_cached(paths: list[Path]) -> LoadResult:
        """The decks, unchanged files from the cache (a start without parsing YAML)."""
        return load_decks(paths, cache_file)

    if store is None:
        store = open_store(data_folder, read_only=read_only)
    first_screen = store.setting(SCREEN_KEY, Screen.LIBRARY.value)
    listing = listing_for_first_paint(deck_paths, cache_file, store, first_screen)
    if listing is not None:  # a big library: its decks load after the first paint
        loaded = LoadResult(decks=listing.decks, problems=listing.problems)
    else:
        loaded = load_cached(deck_paths)
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
        make_scheduler=lambda settings: make_scheduler(settings, tz, store),
        make_session=make_session,
        clock=clock,
        open_file=open_file,
        tz=tz,
        rng=rng if rng is not None else random.Random(),  # tests pass a seeded one
        read_only=read_only,
        imports_dir=paths.imported_decks_dir(data_folder),
        deck_listing=listing,
    )
    return MainWindow(ctx, loaded)


def back_up_in_background(
    store: Store,
    on_failure: Callable[[BaseException], None],
    clock: Callable[[], datetime] = utc_now,
) -> BackgroundTask:
    """Take the store's hourly backup (if one is due) on a pool thread, never on the GUI's.

    The copy reads through its own connection, a consistent snapshot while answers go on
    being saved. ``on_failure`` gets the error on the GUI thread; wait for the returned task
    before closing the store.
    """
    from studyapp.gui.workers import run_in_background

    now = clock()
    return run_in_background(lambda _control: store.take_backup(now), on_failure=on_failure)


class StoreChoice(Enum):
    """What the student chose in the dialog about a progress database that cannot be opened."""

    QUIT = "quit"
    READ_ONLY = "read-only"
    RESTORE = "restore"


def store_error_choice(error: StoreError, parent: QWidget | None = None) -> StoreChoice:
    """Explain a store error; offer what can be done about it: open read-only (another
    studyapp holds the folder) or restore the backup that holds the lost history."""
    from PySide6.QtWidgets import QMessageBox

    from studyapp.store.dbfile import (
        StoreHistoryMissingError,
        StoreLockedError,
        StoreReadOnlyError,
    )

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle("studyapp cannot open your progress")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(f"studyapp cannot open your progress.\n\n{error}")
    can_read = isinstance(error, StoreLockedError | StoreReadOnlyError)
    backup = error.backup if isinstance(error, StoreHistoryMissingError) else None
    if backup is not None:
        advice = (
            f"Restore {backup.name} to continue where you were; the current file is kept "
            "beside the backups."
        )
    else:
        advice = (
            "If another studyapp window is open, close it and start again. "
            "To check or repair the progress database, run:  studyapp doctor"
        )
    if can_read:
        advice += "\n\nYou can also open it read-only: you can read and browse, not study."
    box.setInformativeText(advice)
    buttons: dict[object, StoreChoice] = {}
    if backup is not None:
        restore = box.addButton("Restore backup", QMessageBox.ButtonRole.AcceptRole)
        buttons[restore] = StoreChoice.RESTORE
    if can_read:
        read = box.addButton("Open read-only", QMessageBox.ButtonRole.AcceptRole)
        buttons[read] = StoreChoice.READ_ONLY
    box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return buttons.get(box.clickedButton(), StoreChoice.QUIT)


def show_read_only_notice(window: MainWindow, reason: str) -> None:
    """A lasting mark in the status bar that nothing is saved, with why in its tooltip."""
    from PySide6.QtWidgets import QLabel

    mark = QLabel("Read-only: progress is not saved")
    mark.setTextFormat(Qt.TextFormat.PlainText)
    mark.setProperty("role", "notice")
    mark.setToolTip(reason)
    mark.setObjectName("read_only_mark")
    window.statusBar().addPermanentWidget(mark)
    window.statusBar().showMessage(reason)


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
    """Name the app, so docks and task bars show studyapp, not "python" (its icon comes with
    :func:`give_icon`).

    The desktop file name (the Wayland app id) is the launcher's, so a dock groups the
    window with the launcher that started it.
    """
    app.setApplicationName(paths.APP_NAME)
    app.setApplicationDisplayName(paths.APP_NAME)
    app.setDesktopFileName(paths.APP_ID)


def give_icon(app: QApplication) -> None:
    """Give the app (every window of it) its icon.

    The start does this right after the window's first paint: the icon is not part of what
    the window paints, and loading it costs the start about 3 ms. A desktop that takes the
    icon from the launcher's desktop file (Wayland) has it at once anyway; the others update
    the window's icon when it is set.
    """
    from studyapp.gui.app_icon import app_icon

    app.setWindowIcon(app_icon())


def _open_after_store_error(
    error: StoreError, deck_paths: list[Path], folder: Path
) -> MainWindow | None:
    """The main window after the store failed to open: read-only at once for a folder that
    cannot be written (nothing to choose), else as the student chooses; None to quit."""
    from PySide6.QtWidgets import QMessageBox

    from studyapp.store.dbfile import StoreReadOnlyError

    choice = StoreChoice.READ_ONLY
    if not isinstance(error, StoreReadOnlyError):
        choice = store_error_choice(error)
    try:
        if choice is StoreChoice.RESTORE:
            from studyapp.store import doctor
            from studyapp.store.dbfile import StoreHistoryMissingError

            assert isinstance(error, StoreHistoryMissingError)
            doctor.restore(paths.database_path(folder), str(error.backup), utc_now())
            return build_main_window(deck_paths, folder)
        if choice is StoreChoice.READ_ONLY:
            window = build_main_window(deck_paths, folder, read_only=True)
            show_read_only_notice(window, str(error))
            return window
    except StudyappError as second:
        QMessageBox.critical(None, "studyapp cannot open your progress", str(second))
    return None


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
        opened = _open_after_store_error(error, deck_paths, folder)
        if opened is None:
            return 1
        window = opened
    window.start()
    QTimer.singleShot(COLLECT_AFTER_MS, resume_collection)
    after_first_paint(window, lambda: give_icon(app))
    backups: list[BackgroundTask] = []
    if not window.ctx.read_only:
        shown = window

        def backup_failed(error: BaseException) -> None:
            append_to_error_log(folder / ERROR_LOG_NAME, f"backup not taken: {error}")
            shown.statusBar().showMessage(f"The hourly backup was not taken: {error}", 15000)

        def start_backup() -> None:
            backups.append(back_up_in_background(shown.store, backup_failed))

        QTimer.singleShot(BACKUP_DELAY_MS, start_backup)
    code = app.exec()
    for task in backups:
        task.wait()  # a backup still copying finishes before its store closes
    # A pool job that has just finished its work may still be emitting its last signals:
    # ending the process under it crashes (seen when the app quits as a backup completes).
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(EXIT_WAIT_MS)
    window.store.close()
    return int(code)

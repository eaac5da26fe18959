"""The main window's menu bar: every command with its shortcut, in one place."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from studyapp import __version__


def _add(
    window: QMainWindow, menu: QMenu, text: str, slot: Callable[[], Any], keys: str = ""
) -> None:
    """One menu entry; its slot's return value is dropped (Qt slots return nothing)."""
    action = QAction(text, window)
    if keys:
        action.setShortcut(QKeySequence(keys))

    def run() -> None:
        slot()

    action.triggered.connect(run)
    menu.addAction(action)


def show_about(window: QMainWindow) -> None:
    """The About box: version and what the app does (a deck's own notice is shown with it)."""
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.about(
        window,
        "About studyapp",
        f"<b>studyapp {__version__}</b><p>Read, then quiz yourself with FSRS spaced "
        f"repetition. Progress stays on this computer.</p><p>Decks are study aids made from "
        "texts; a deck whose source carries a notice (such as not being medical advice) "
        "shows it beside the cards.</p>",
    )


def build_menus(window: Any) -> None:
    """File, Go, Study and Help menus for a :class:`~studyapp.gui.main_window.MainWindow`."""
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    _add(window, file_menu, "Make decks from a text…", window.import_text, "Ctrl+O")
    _add(window, file_menu, "Import Anki or CSV…", lambda: window.exchange.import_file(), "Ctrl+I")
    _add(window, file_menu, "Export…", lambda: window.exchange.export(), "Ctrl+E")
    _add(window, file_menu, "Reload decks", window.reload_decks, "Ctrl+R")
    _add(window, file_menu, "Settings…", window.open_settings, "Ctrl+,")
    file_menu.addSeparator()
    _add(window, file_menu, "Quit", window.close, "Ctrl+Q")
    go = bar.addMenu("&Go")
    _add(window, go, "Library", window.show_library, "Ctrl+1")
    _add(window, go, "Reader", window.resume_reading, "Ctrl+2")
    _add(window, go, "Progress", window.show_progress, "Ctrl+3")
    _add(window, go, "Browse cards…", lambda: window.exams_and_browser.browse_cards(), "Ctrl+B")
    study = bar.addMenu("&Study")
    _add(window, study, "Study all due", window.study_all_due, "Ctrl+Shift+A")
    _add(
        window, study, "Exam dates…", lambda: window.exams_and_browser.edit_exams(), "Ctrl+Shift+E"
    )
    help_menu = bar.addMenu("&Help")
    _add(window, help_menu, "How studying works", window.show_welcome, "F1")
    _add(window, help_menu, "About studyapp", lambda: show_about(window))

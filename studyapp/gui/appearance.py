"""Settings, the look of the app and the welcome page, for one main window.

Optimized FSRS parameters from the progress view are kept in the settings here as well.

Saving settings restyles the app (theme, text size) and rebuilds the scheduler; the app follows
the desktop's light/dark switch when the student chose "Follow the system"; the welcome page
explains studying on a first run and remembers "Don't show again".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from studyapp.errors import StudyappError
from studyapp.gui import theme
from studyapp.gui.context import Screen
from studyapp.study import preferences
from studyapp.study.preferences import WELCOME_DISMISSED_KEY

if TYPE_CHECKING:
    from studyapp.gui.main_window import MainWindow
    from studyapp.gui.welcome import WelcomeDialog


class AppearanceFlow:
    """The Settings dialog, theme changes and the welcome of one main window."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def open_settings(self) -> None:
        """The Settings dialog; saving applies the theme and rebuilds the scheduler."""
        from studyapp.gui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(preferences.load_preferences(self.window.store), self.window)
        if dialog.exec() == SettingsDialog.DialogCode.Accepted:
            self.apply_preferences(dialog.preferences())

    def apply_preferences(self, prefs: preferences.Preferences) -> None:
        """Save preferences, restyle the app and schedule with the new settings."""
        try:
            settings = preferences.save_preferences(self.window.store, prefs)
        except StudyappError as error:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self.window, "Settings not saved", str(error))
            return
        self.window.scheduler = self.window.ctx.make_scheduler(settings)
        self.restyle(prefs)

    def restyle(self, prefs: preferences.Preferences) -> None:
        """Apply the theme and text size, and redraw the screens that cache colours."""
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply_theme(app, prefs.theme, prefs.font_size)
        self.window.refresh_library()
        shown = self.window._reader_deck()
        if self.window.current_screen is Screen.READER and shown is not None:
            self.window.open_reader(shown.id, self.window.reader.current_section_id())

    def follow_system_scheme(self, _scheme: object = None) -> None:
        """The desktop switched light/dark: follow it if the student chose "system"."""
        if not self.window.isVisible():  # closed: the signal is application-wide and outlives it
            return
        try:
            prefs = preferences.load_preferences(self.window.store)
        except StudyappError:  # settings unreadable (or the store closed): keep the look
            return
        if prefs.theme == theme.ThemeChoice.SYSTEM.value:
            self.restyle(prefs)

    def show_welcome(self) -> WelcomeDialog:
        from studyapp.gui.welcome import WelcomeDialog

        """The welcome page (non-blocking); "Don't show again" is remembered."""
        welcome = WelcomeDialog(self.window)
        welcome.finished.connect(self._welcome_closed)
        welcome.open()
        self.window.welcome = welcome
        return welcome

    def _welcome_closed(self, _result: int) -> None:
        if self.window.welcome is not None and self.window.welcome.dismissed_for_good():
            self.window._save_setting(WELCOME_DISMISSED_KEY, True)
        self.window.welcome = None
        # the window takes the keyboard back: without a window manager that returns it (a
        # bare X server, some tiling setups), the first keys after the welcome went nowhere
        self.window.activateWindow()
        current = self.window.stack.currentWidget()
        if current is not None:
            current.setFocus()

    def use_optimized_parameters(self, weights: Sequence[float]) -> None:
        """Keep optimized FSRS weights (21 numbers) in the stored settings and use them."""
        from dataclasses import replace

        try:
            params = tuple(float(w) for w in weights)
            stored = preferences.stored_scheduler_settings(self.window.store)
            settings = replace(stored, parameters=params)
        except (TypeError, ValueError, StudyappError) as error:
            self.window.statusBar().showMessage(f"Optimized parameters not used: {error}", 8000)
            return
        self.window._save_setting(preferences.SCHEDULER_KEY, settings.to_dict())
        self.window.scheduler = self.window.ctx.make_scheduler(settings)
        self.window.statusBar().showMessage("Scheduling now uses your optimized parameters.", 8000)

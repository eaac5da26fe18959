"""The first-run welcome: read first, Space reveals, the four ratings, "Don't show again"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from studyapp.gui.welcome import WelcomeDialog


def test_welcome_explains_reading_space_and_the_four_ratings(qtbot):
    """The page names Read first, Space, and 1 Again, 2 Hard, 3 Good, 4 Easy with meanings."""
    dialog = WelcomeDialog()
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    joined = " ".join(texts)
    assert "Read a section first" in joined and "Space" in joined
    for key, name in (("1", "Again"), ("2", "Hard"), ("3", "Good"), ("4", "Easy")):
        assert key in texts and f"<b>{name}</b>" in texts
    assert "You forgot" in joined


def test_start_button_closes_and_remembers_the_choice(qtbot):
    """Enter starts; with the box unticked the welcome is not dismissed for good."""
    dialog = WelcomeDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.dismissed_for_good()
    dialog.dont_show.setChecked(False)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert not dialog.dismissed_for_good()


def test_the_welcome_opens_with_start_studying_focused(make_window, qtbot):
    """Space on the welcome starts studying: the keyboard focus is on that button, not the box."""
    window = make_window()
    welcome = window.show_welcome()
    qtbot.waitExposed(welcome)
    assert welcome.focusWidget() is welcome.start_button


def test_closing_the_welcome_gives_the_keyboard_back_to_the_library(make_window, qtbot):
    """Enter on the welcome closes it and the library window is active again, so the next
    key (S to study, Ctrl+Q to quit) reaches it; Enter does not also open a deck."""
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    library = window.stack.currentWidget()
    welcome = window.show_welcome()
    qtbot.waitExposed(welcome)
    qtbot.keyClick(welcome.start_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.welcome is None)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    assert window.stack.currentWidget() is library

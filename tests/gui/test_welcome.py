"""The first-run welcome: read first, Space reveals, the four ratings, "Don't show again"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

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

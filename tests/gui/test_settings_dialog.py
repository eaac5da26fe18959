"""The Settings dialog shows the stored preferences and returns what the student changed."""

from __future__ import annotations

from PySide6.QtCore import Qt

from studyapp.gui.preferences import Preferences
from studyapp.gui.settings_dialog import SettingsDialog


def test_dialog_shows_the_current_preferences(qtbot):
    """Each field starts at the stored value."""
    prefs = Preferences(
        new_per_day=12, desired_retention=0.87, day_rollover_hour=5, theme="dark", font_size=13
    )
    dialog = SettingsDialog(prefs)
    qtbot.addWidget(dialog)
    assert dialog.new_per_day.value() == 12
    assert round(dialog.retention.value(), 2) == 0.87
    assert dialog.rollover.value() == 5
    assert dialog.theme.currentData() == "dark"
    assert dialog.font_size.value() == 13
    assert dialog.preferences() == prefs


def test_edited_values_come_back_as_preferences(qtbot):
    """Typing new values and picking a theme gives those preferences."""
    dialog = SettingsDialog(Preferences())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.new_per_day.selectAll()
    qtbot.keyClicks(dialog.new_per_day, "35")
    dialog.retention.setValue(0.95)
    dialog.theme.setCurrentIndex(dialog.theme.findData("light"))
    qtbot.keyClick(dialog.font_size, Qt.Key.Key_Up)
    assert dialog.preferences() == Preferences(
        new_per_day=35, desired_retention=0.95, day_rollover_hour=4, theme="light", font_size=12
    )


def test_retention_cannot_leave_its_range(qtbot):
    """The retention field stops at 0.70 and 0.99."""
    dialog = SettingsDialog(Preferences())
    qtbot.addWidget(dialog)
    dialog.retention.setValue(1.5)
    assert round(dialog.retention.value(), 2) == 0.99
    dialog.retention.setValue(0.1)
    assert round(dialog.retention.value(), 2) == 0.70

"""The Settings dialog shows the stored preferences and returns what the student changed."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from studyapp.gui.settings_dialog import SettingsDialog, interval_hint, interval_span
from studyapp.study.preferences import Preferences


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


MIN = timedelta(minutes=1)


def test_scheduling_fields_show_the_current_settings(qtbot):
    """Maximum interval in days and the steps as the student would type them."""
    prefs = Preferences(maximum_interval=400, learning_steps=(MIN, 90 * MIN), relearning_steps=())
    dialog = SettingsDialog(prefs)
    qtbot.addWidget(dialog)
    assert dialog.max_interval.value() == 400
    assert dialog.max_interval.text() == "400 days"
    assert "about 1.1 years" in dialog.max_interval_hint.text()
    assert dialog.learning_steps.text() == "1m 90m"
    assert dialog.relearning_steps.text() == ""
    assert "later day" in dialog.relearning_steps.placeholderText()
    assert dialog.preferences() == prefs


def test_typed_steps_and_interval_come_back_as_preferences(qtbot):
    """Typing "10m 1h", clearing relearning steps and 90 days gives those settings."""
    dialog = SettingsDialog(Preferences())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.learning_steps.clear()
    qtbot.keyClicks(dialog.learning_steps, "10m 1h")
    dialog.relearning_steps.clear()
    dialog.max_interval.selectAll()
    qtbot.keyClicks(dialog.max_interval, "90")
    assert "about 3 months" in dialog.max_interval_hint.text()
    assert dialog.save_button.isEnabled()
    prefs = dialog.preferences()
    assert prefs.learning_steps == (10 * MIN, 60 * MIN)
    assert prefs.relearning_steps == ()
    assert prefs.maximum_interval == 90


def test_wrong_steps_are_explained_and_cannot_be_saved(qtbot):
    """ "1m 5x" shows what is wrong under the field, Save is off, Enter does not close the
    dialog and nothing typed is lost; fixing the text brings Save back."""
    dialog = SettingsDialog(Preferences())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    field = dialog.learning_steps
    field.clear()
    qtbot.keyClicks(field, "1m 5x")
    assert field.error.isVisible()
    assert field.error.text() == "'5x' is not a step: use numbers with s, m, h or d, like 1m 10m"
    assert not dialog.save_button.isEnabled()
    qtbot.keyClick(field, Qt.Key.Key_Return)
    dialog.accept()  # as a click on a disabled Save would, were it possible
    assert dialog.isVisible()
    assert dialog.result() != SettingsDialog.DialogCode.Accepted
    assert field.text() == "1m 5x"
    assert dialog.preferences().learning_steps == Preferences().learning_steps  # as opened
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    assert not field.error.isVisible()
    assert dialog.save_button.isEnabled()
    assert dialog.preferences().learning_steps == (MIN, 5 * MIN)
    dialog.accept()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted


def test_a_wrong_field_keeps_save_off_while_the_other_is_fixed(qtbot):
    """Save comes back only when both steps fields are right; each shows its own problem."""
    dialog = SettingsDialog(Preferences())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.learning_steps.setText("2d")
    dialog.relearning_steps.setText("0m")
    assert "shorter than a day" in dialog.learning_steps.error.text()
    assert "at least 1 second" in dialog.relearning_steps.error.text()
    dialog.learning_steps.setText("1m")
    assert not dialog.save_button.isEnabled()
    dialog.relearning_steps.setText("10m")
    assert dialog.save_button.isEnabled()


def test_a_shown_error_grows_the_dialog_instead_of_cutting_text(qtbot):
    """The dialog is always as tall as its contents need, with or without an error shown."""
    dialog = SettingsDialog(Preferences())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    before = dialog.height()
    assert before >= dialog.heightForWidth(dialog.width())
    dialog.learning_steps.setText("5x 1d")
    qtbot.waitUntil(lambda: dialog.height() > before)
    assert dialog.height() >= dialog.heightForWidth(dialog.width())


@pytest.mark.parametrize(
    ("days", "span"),
    [
        (36500, "about 100 years"),
        (365, "about 1 year"),
        (400, "about 1.1 years"),
        (200, "about 7 months"),
        (21, "about 3 weeks"),
        (10, ""),
    ],
)
def test_long_intervals_are_put_in_years_months_or_weeks(days: int, span: str):
    """The hint under the maximum interval says 36500 days is about 100 years."""
    assert interval_span(days) == span
    assert (f"({span})" in interval_hint(days)) == bool(span)


def test_on_a_netbook_screen_the_fields_scroll_and_save_stays_in_view(qtbot):
    """On 1024×600 (less a panel) the dialog fits the screen: fields scroll, Save is shown."""
    from PySide6.QtCore import QRect

    from studyapp.gui.geometry import usable_area

    dialog = SettingsDialog(Preferences())
    qtbot.addWidget(dialog)
    tall = dialog.sizeHint().height()
    netbook = QRect(0, 0, 1024, 600 - 27)
    dialog.fit_to_screen(netbook)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert tall > usable_area(netbook).height()  # it did not fit before
    assert dialog.height() <= usable_area(netbook).height()
    assert dialog.fields_area.verticalScrollBar().maximum() > 0
    assert dialog.save_button.isVisible()
    dialog.fields_area.verticalScrollBar().setValue(10_000)  # scrolled to the end
    assert dialog.font_size.visibleRegion().boundingRect().height() > 0

"""The Settings dialog: daily new cards, desired retention, maximum interval, (re)learning
steps, day rollover, theme, font size.

The steps are typed as text (``1m 10m``). Text that is not a list of steps is never saved: the
field's problem shows in plain words under it and Save stays off until it is fixed, so nothing
typed is lost and no error dialog interrupts. The rules and messages live in
:mod:`studyapp.study.steps` (no Qt).

Hints and errors wrap at a fixed column width and the dialog takes exactly its layout's size:
Qt sizes a word-wrapped label as if it were about 80 characters wide and does not apply
height-for-width to windows, so otherwise, on a small screen, the dialog opened too short and
cut the hints off. Where the screen is shorter than the fields (a 1024×600 netbook), they
scroll between the title and the buttons, which stay in view.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from studyapp.study.preferences import MAX_INTERVAL_DAYS, Preferences
from studyapp.study.steps import StepsError, format_steps, parse_steps, steps_problem

THEME_LABELS = (("system", "Follow the system"), ("light", "Light"), ("dark", "Dark"))
COLUMN_CHARS = 50  # width of the fields and their hints, in average characters of the font


def _note(text: str, role: str, width: int) -> QLabel:
    """A label under a field, wrapping at ``width`` pixels."""
    label = QLabel(text)
    label.setProperty("role", role)
    label.setWordWrap(True)
    label.setFixedWidth(width)
    return label


def interval_span(days: int) -> str:
    """``days`` as a student pictures it when it is long: "about 100 years", "about 6 months",
    "about 3 weeks"; "" when plain days say it best (under two weeks)."""
    if days >= 365:
        years = days / 365
        text = f"{years:.0f}" if years >= 10 or years == round(years) else f"{years:.1f}"
        return f"about {text} year{'' if text == '1' else 's'}"
    if days >= 60:
        return f"about {round(days / 30.44)} months"
    if days >= 14:
        return f"about {round(days / 7)} weeks"
    return ""


def interval_hint(days: int) -> str:
    """The hint under the maximum interval, with ``days`` in years or months when long."""
    span = interval_span(days)
    return (
        f"The longest wait between two reviews of a card{f' ({span})' if span else ''}. "
        "Lower it to see well-known cards more often."
    )


class StepsField(QLineEdit):
    """A line of steps (``1m 10m``) with its own error label, shown while the text is wrong."""

    def __init__(
        self, steps: tuple[timedelta, ...], empty_means: str, hint: str, width: int
    ) -> None:
        super().__init__(format_steps(steps))
        self._saved = steps
        self.setPlaceholderText(empty_means)
        self.error = _note("", "error", width)
        self.error.hide()
        self.notes = QWidget()  # the error (while the text is wrong) above the hint
        notes = QVBoxLayout(self.notes)
        notes.setContentsMargins(0, 0, 0, 0)
        notes.setSpacing(2)
        notes.addWidget(self.error)
        notes.addWidget(_note(hint, "small", width))
        self._hint = hint
        self.setAccessibleDescription(hint)
        self.textChanged.connect(self._check)

    def problem(self) -> str:
        """What is wrong with the text, one line per problem ("" when it is fine)."""
        return steps_problem(self.text())

    def steps(self) -> tuple[timedelta, ...]:
        """The steps typed; the steps the dialog opened with while the text is wrong."""
        try:
            return parse_steps(self.text())
        except StepsError:
            return self._saved

    def _check(self) -> None:
        problem = self.problem()
        self.error.setText(problem)
        self.error.setVisible(bool(problem))
        self.setAccessibleDescription(f"{problem} {self._hint}".strip())


class SettingsDialog(QDialog):
    """Edits a :class:`Preferences`; :meth:`preferences` returns what the student chose."""

    def __init__(self, prefs: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        column = self.fontMetrics().averageCharWidth() * COLUMN_CHARS

        def hint(text: str) -> QLabel:
            return _note(text, "small", column)

        new_hint = "How many unseen cards each deck introduces per study day."
        retention_hint = "The recall chance to aim for. Higher means more reviews (0.90 is usual)."
        rollover_hint = "Reviews before this hour count for the previous day."

        self.new_per_day = QSpinBox()
        self.new_per_day.setRange(0, 9999)
        self.new_per_day.setValue(prefs.new_per_day)
        self.new_per_day.setSuffix(" cards")

        self.retention = QDoubleSpinBox()
        self.retention.setRange(0.70, 0.99)
        self.retention.setSingleStep(0.01)
        self.retention.setDecimals(2)
        self.retention.setValue(prefs.desired_retention)

        self.max_interval = QSpinBox()
        self.max_interval.setRange(1, MAX_INTERVAL_DAYS)
        self.max_interval.setValue(prefs.maximum_interval)
        self.max_interval.setSuffix(" days")
        self.max_interval.setGroupSeparatorShown(False)
        self.max_interval_hint = hint(interval_hint(prefs.maximum_interval))
        self.max_interval.valueChanged.connect(self._interval_changed)

        self.learning_steps = StepsField(
            prefs.learning_steps,
            "none: new cards come back on a later day",
            "Waits before a new card comes back the same day, step by step: 1m 10m is "
            "1 minute, then 10 minutes. Units: s, m, h.",
            column,
        )
        self.relearning_steps = StepsField(
            prefs.relearning_steps,
            "none: forgotten cards come back on a later day",
            "The same for a card you forgot (answered Again).",
            column,
        )

        self.rollover = QSpinBox()
        self.rollover.setRange(0, 23)
        self.rollover.setValue(prefs.day_rollover_hour)
        self.rollover.setSuffix(":00")

        self.theme = QComboBox()
        for value, label in THEME_LABELS:
            self.theme.addItem(label, value)
        self.theme.setCurrentIndex(max(0, self.theme.findData(prefs.theme)))

        self.suspend_leeches = QCheckBox("Suspend cards forgotten 8 times (leeches)")
        leech_hint = "Otherwise they are only marked; find them in Browse cards."
        self.suspend_leeches.setChecked(prefs.suspend_leeches)
        self.font_size = QSpinBox()
        self.font_size.setRange(8, 20)
        self.font_size.setValue(prefs.font_size)
        self.font_size.setSuffix(" pt")

        title = QLabel("Settings")
        title.setProperty("role", "subtitle")

        study = QFormLayout()
        study.setVerticalSpacing(6)
        study.setHorizontalSpacing(18)
        study.addRow("New cards per day", self.new_per_day)
        study.addRow("", hint(new_hint))
        study.addRow("Desired retention", self.retention)
        study.addRow("", hint(retention_hint))
        study.addRow("Maximum interval", self.max_interval)
        study.addRow("", self.max_interval_hint)
        study.addRow("Learning steps", self.learning_steps)
        study.addRow("", self.learning_steps.notes)
        study.addRow("Relearning steps", self.relearning_steps)
        study.addRow("", self.relearning_steps.notes)
        study.addRow("New day starts at", self.rollover)
        study.addRow("", hint(rollover_hint))
        study.addRow("Leeches", self.suspend_leeches)
        study.addRow("", hint(leech_hint))
        study.addRow("Theme", self.theme)
        study.addRow("Text size", self.font_size)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Save")
        ok.setProperty("primary", True)
        self.save_button: QPushButton = ok
        buttons.accepted.connect(self.accept)
        for field in self._steps_fields():
            field.textChanged.connect(self._update_save)
        buttons.rejected.connect(self.reject)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        for widget, description in (
            (self.new_per_day, new_hint),
            (self.retention, retention_hint),
            (self.max_interval, self.max_interval_hint.text()),
            (self.rollover, rollover_hint),
            (self.suspend_leeches, leech_hint),
            (self.theme, "Light, dark, or whichever the desktop uses"),
            (self.font_size, "The size of the text on every screen, in points"),
            (ok, "Save the settings and use them now"),
            (cancel, "Close without saving"),
        ):
            widget.setAccessibleDescription(description)

        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        layout.setContentsMargins(26, 22, 26, 20)
        layout.setSpacing(16)
        study.setContentsMargins(0, 0, 0, 0)
        fields = QWidget()
        fields.setLayout(study)
        self.fields_area = QScrollArea()
        self.fields_area.setWidget(fields)
        self.fields_area.setWidgetResizable(True)
        self.fields_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.fields_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields
        self.fields_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(title)
        layout.addWidget(self.fields_area)
        layout.addWidget(buttons)
        self._title, self._buttons, self._fields, self._column = title, buttons, fields, layout
        screen = parent.screen() if parent is not None else self.screen()
        self.fit_to_screen(screen.availableGeometry())
        for field in self._steps_fields():  # a shown error makes the fields taller
            field.textChanged.connect(lambda _text: self.fit_to_screen(self._available))

    def fit_to_screen(self, available: QRect) -> None:
        """Show every field when they fit ``available`` (the screen less its panels), else as
        many as fit, scrolling, with the title and the buttons still on screen."""
        from studyapp.gui.geometry import usable_area

        self._available = available
        fields = self._fields.sizeHint()
        layout = self._column
        margins = layout.contentsMargins()
        chrome = (
            margins.top()
            + margins.bottom()
            + 2 * layout.spacing()
            + self._title.sizeHint().height()
            + self._buttons.sizeHint().height()
        )
        room = usable_area(available).height() - chrome
        height = max(120, min(fields.height(), room))
        scrollbar = 0
        if height < fields.height():
            scrollbar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self.fields_area.setFixedSize(fields.width() + scrollbar, height)

    def _interval_changed(self, days: int) -> None:
        self.max_interval_hint.setText(interval_hint(days))
        self.max_interval.setAccessibleDescription(interval_hint(days))

    def _steps_fields(self) -> tuple[StepsField, StepsField]:
        return (self.learning_steps, self.relearning_steps)

    def _update_save(self) -> None:
        self.save_button.setEnabled(not any(f.problem() for f in self._steps_fields()))

    def accept(self) -> None:
        """Close with Save, unless a steps field is wrong: then its text stays to be fixed."""
        wrong = next((f for f in self._steps_fields() if f.problem()), None)
        if wrong is not None:
            wrong.setFocus()
            return
        super().accept()

    def preferences(self) -> Preferences:
        """The values on screen, clamped to their ranges (steps still wrong: as they were)."""
        return Preferences(
            new_per_day=self.new_per_day.value(),
            desired_retention=round(self.retention.value(), 2),
            day_rollover_hour=self.rollover.value(),
            theme=str(self.theme.currentData()),
            font_size=self.font_size.value(),
            maximum_interval=self.max_interval.value(),
            learning_steps=self.learning_steps.steps(),
            relearning_steps=self.relearning_steps.steps(),
            suspend_leeches=self.suspend_leeches.isChecked(),
        ).clamped()

"""The Settings dialog: daily new cards, desired retention, day rollover, theme, font size."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from studyapp.gui.preferences import Preferences

THEME_LABELS = (("system", "Follow the system"), ("light", "Light"), ("dark", "Dark"))


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "small")
    label.setWordWrap(True)
    return label


class SettingsDialog(QDialog):
    """Edits a :class:`Preferences`; :meth:`preferences` returns what the student chose."""

    def __init__(self, prefs: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.setMinimumWidth(500)

        self.new_per_day = QSpinBox()
        self.new_per_day.setRange(0, 9999)
        self.new_per_day.setValue(prefs.new_per_day)
        self.new_per_day.setSuffix(" cards")

        self.retention = QDoubleSpinBox()
        self.retention.setRange(0.70, 0.99)
        self.retention.setSingleStep(0.01)
        self.retention.setDecimals(2)
        self.retention.setValue(prefs.desired_retention)

        self.rollover = QSpinBox()
        self.rollover.setRange(0, 23)
        self.rollover.setValue(prefs.day_rollover_hour)
        self.rollover.setSuffix(":00")

        self.theme = QComboBox()
        for value, label in THEME_LABELS:
            self.theme.addItem(label, value)
        self.theme.setCurrentIndex(max(0, self.theme.findData(prefs.theme)))

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
        study.addRow("", _hint("How many unseen cards each deck introduces per study day."))
        study.addRow("Desired retention", self.retention)
        study.addRow(
            "", _hint("The recall chance to aim for. Higher means more reviews (0.90 is usual).")
        )
        study.addRow("New day starts at", self.rollover)
        study.addRow("", _hint("Reviews before this hour count for the previous day."))
        study.addRow("Theme", self.theme)
        study.addRow("Text size", self.font_size)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Save")
        ok.setProperty("primary", True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(26, 22, 26, 20)
        layout.setSpacing(16)
        layout.addWidget(title)
        layout.addLayout(study)
        layout.addWidget(buttons)

    def preferences(self) -> Preferences:
        """The values on screen, clamped to their ranges."""
        return Preferences(
            new_per_day=self.new_per_day.value(),
            desired_retention=round(self.retention.value(), 2),
            day_rollover_hour=self.rollover.value(),
            theme=str(self.theme.currentData()),
            font_size=self.font_size.value(),
        ).clamped()

"""The four rating buttons under a revealed card: Again, Hard, Good, Easy.

Each :class:`RatingButton` shows its key and name in the rating's theme colour and, under it,
the interval that answer would give (Anki's layout); the rating an answer check proposes is
outlined and tinted, so Space/Enter visibly accepts it.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from studyapp.gui import theme
from studyapp.review_types import Rating
from studyapp.study.scheduler import format_interval

RATING_NAMES = {r: r.name.capitalize() for r in Rating}  # Again, Hard, Good, Easy
RATING_COLORS = {r: r.name.lower() for r in Rating}  # theme colour names


class RatingButton(QPushButton):
    """A rating button: its key and name on top, the interval it would give underneath."""

    def __init__(self, rating: Rating, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rating = rating
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumSize(96, 58)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        layout = self._layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(0)
        self.name = QLabel()
        self.interval = QLabel()
        for label in (self.name, self.interval):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(label)
        self.interval.setProperty("role", "small")
        self.proposed = False
        self._look: tuple[bool, object] | None = None  # what the style sheet was made for
        self.set_interval(None)
        self.set_proposed(False)

    def set_interval(self, interval: timedelta | None) -> None:
        """Show the next interval this rating gives (blank when unknown, e.g. in cram)."""
        self.interval.setText(format_interval(interval) if interval is not None else " ")
        self.setToolTip(f"{RATING_NAMES[self.rating]} ({int(self.rating)})")
        self._describe()

    def _describe(self) -> None:
        """Name and description for screen readers: the button's text is in child labels."""
        name = RATING_NAMES[self.rating]
        after = self.interval.text().strip()
        self.setAccessibleName(f"{name}, proposed" if self.proposed else name)
        self.setAccessibleDescription(
            f"Key {int(self.rating)}. "
            + (f"Next review in {after}." if after else "Practice only: no schedule change.")
        )

    def set_proposed(self, proposed: bool) -> None:
        """Highlight the rating the answer check proposes (Space/Enter accepts it).

        Restyled only when the highlight or the theme changed: setting a style sheet makes Qt
        polish the button again, most of the time a reveal took."""
        c = theme.colors()
        color = getattr(c, RATING_COLORS[self.rating])
        self.proposed = proposed
        look = (proposed, c)
        if look == self._look:
            return
        self._look = look
        self.name.setText(
            f'<span style="color:{c.muted}">{int(self.rating)}</span>&nbsp;&nbsp;'
            f'<b style="color:{color}">{RATING_NAMES[self.rating]}</b>'
        )
        border = f"2px solid {color}" if proposed else f"1px solid {c.border}"
        # A margin makes up for the thinner border, so a button is as tall proposed or not and
        # the row never changes height (which would move the card above it).
        margin = "0px" if proposed else "1px 0px"
        inset = 0 if proposed else 1  # and keeps the text where it was inside the border
        self._layout.setContentsMargins(8, 6 + inset, 8, 6 + inset)
        tint = QColor(color)
        alpha = theme.PROPOSED_TINT_ALPHA
        fill = f"rgba({tint.red()},{tint.green()},{tint.blue()},{alpha})" if proposed else c.surface
        self._describe()
        self.setStyleSheet(
            f"RatingButton {{ background:{fill}; border:{border}; border-radius:9px;"
            f" padding:0px; margin:{margin}; min-height:58px; }}"
            f"RatingButton:hover {{ border:2px solid {color}; }}"
        )

"""Small charts painted with QPainter: a calendar heatmap, vertical bars and labelled bars.

Each chart takes already-binned data (see :mod:`studyapp.gui.chart_data`), paints it with the
widget's palette (so the light and dark themes both work), labels its axes, explains itself
in a tooltip under the mouse, and shows a short message instead of an empty frame when there is
nothing to draw yet.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from studyapp.gui.chart_data import HEAT_LEVELS, Bar, HeatCell, HeatmapGrid
from studyapp.gui.theme import CHART_LABEL_ALPHA


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    """``a`` moved a fraction ``t`` of the way to ``b``."""
    return QColor(
        round(a.red() + (b.red() - a.red()) * t),
        round(a.green() + (b.green() - a.green()) * t),
        round(a.blue() + (b.blue() - a.blue()) * t),
    )


class _Chart(QWidget):
    """Shared palette helpers, the empty-state message and hover tooltips of every chart."""

    def __init__(self, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.empty_text = empty_text
        self.setMouseTracking(True)
        self.setAccessibleDescription(empty_text)  # the text alternative, until there is data
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    # colours taken from the palette so dark mode works
    def _text(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.WindowText)

    def _muted(self, alpha: int = CHART_LABEL_ALPHA) -> QColor:
        color = QColor(self._text())
        color.setAlpha(alpha)
        return color

    def _accent(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.Highlight)

    def _background(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.Window)

    def _small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        return font

    def _paint_empty(self, painter: QPainter) -> None:
        """The empty-state message, centred in a dashed frame."""
        painter.setPen(self._muted(60))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 8, 8)
        painter.setPen(self._muted())
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.empty_text)

    def tip_at(self, x: float, y: float) -> str:
        """The tooltip text for a point (empty when nothing is under it)."""
        return ""

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Show what is under the mouse."""
        pos = event.position()
        tip = self.tip_at(pos.x(), pos.y())
        if tip:
            QToolTip.showText(event.globalPosition().toPoint(), tip, self)
        else:
            QToolTip.hideText()
        super().mouseMoveEvent(event)


class HeatmapChart(_Chart):
    """Reviews per day as a calendar of small squares: weeks left to right, Monday on top."""

    GAP = 3
    LEFT = 34  # room for the weekday labels
    TOP = 18  # room for the month labels

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("No reviews yet — answer a few cards and your days show up here.", parent)
        self.grid: HeatmapGrid | None = None
        self.setMinimumHeight(self.sizeHint().height())

    def set_grid(self, grid: HeatmapGrid) -> None:
        """Show this calendar."""
        self.grid = grid
        if grid.is_empty:
            self.setAccessibleDescription(self.empty_text)
        else:
            weeks = len(grid.weeks)
            self.setAccessibleDescription(
                f"{grid.caption()} in the last {weeks} weeks; at most {grid.busiest} on one day."
            )
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(640, self.TOP + 7 * (20 + self.GAP) + 30)

    def cell_size(self) -> float:
        """Side of one day's square, fitted to the width (between 6 and 20 px)."""
        weeks = len(self.grid.weeks) if self.grid else 26
        usable = self.width() - self.LEFT - 8
        return max(6.0, min(20.0, usable / weeks - self.GAP))

    def cell_rect(self, column: int, row: int) -> QRectF:
        """Where the square of week ``column``, weekday ``row`` is painted."""
        size = self.cell_size()
        return QRectF(
            self.LEFT + column * (size + self.GAP), self.TOP + row * (size + self.GAP), size, size
        )

    def level_color(self, level: int) -> QColor:
        """The shade of a heat level: faint track for 0, then towards the accent colour."""
        if level <= 0:
            return self._muted(28)
        return _mix(self._background(), self._accent(), 0.25 + 0.75 * level / HEAT_LEVELS)

    def cell_at(self, x: float, y: float) -> HeatCell | None:
        """The day under a point, if any."""
        if not self.grid:
            return None
        for column, week in enumerate(self.grid.weeks):
            for row, cell in enumerate(week):
                if cell is not None and self.cell_rect(column, row).contains(QPointF(x, y)):
                    return cell
        return None

    def tip_at(self, x: float, y: float) -> str:
        cell = self.cell_at(x, y)
        if cell is None:
            return ""
        noun = "review" if cell.count == 1 else "reviews"
        return f"{cell.count} {noun} on {cell.day:%a %d %b %Y}"

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.grid is None or self.grid.is_empty:
            self._paint_empty(painter)
            return
        painter.setFont(self._small_font())
        painter.setPen(self._muted())
        size = self.cell_size()
        for row, name in ((0, "Mon"), (2, "Wed"), (4, "Fri"), (6, "Sun")):
            rect = self.cell_rect(0, row)
            painter.drawText(
                QRectF(0, rect.top() - 4, self.LEFT - 6, size + 8),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                name,
            )
        for column, name in self.grid.month_starts():
            x = self.cell_rect(column, 0).left()
            painter.drawText(QRectF(x, 0, 40, self.TOP - 4), Qt.AlignmentFlag.AlignLeft, name)
        painter.setPen(Qt.PenStyle.NoPen)
        for column, week in enumerate(self.grid.weeks):
            for row, cell in enumerate(week):
                if cell is None:
                    continue
                painter.setBrush(self.level_color(cell.level))
                painter.drawRoundedRect(self.cell_rect(column, row), 2.5, 2.5)
        # legend: less ■■■■■ more, right-aligned under the grid
        bottom = self.cell_rect(0, 6).bottom() + 10
        right = self.cell_rect(len(self.grid.weeks) - 1, 0).right()
        swatch = 10.0
        x = right - (HEAT_LEVELS + 1) * (swatch + 3)
        for level in range(HEAT_LEVELS + 1):
            painter.setBrush(self.level_color(level))
            painter.drawRoundedRect(QRectF(x + level * (swatch + 3), bottom, swatch, swatch), 2, 2)
        painter.setPen(self._muted())
        metrics = painter.fontMetrics()
        painter.drawText(
            QRectF(x - 60, bottom - 3, 54, swatch + 6),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            "Less",
        )
        painter.drawText(
            QRectF(right + 6, bottom - 3, metrics.horizontalAdvance("More") + 4, swatch + 6),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            "More",
        )
        painter.drawText(
            QRectF(self.LEFT, bottom - 3, x - 70 - self.LEFT, swatch + 6),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            self.grid.caption(),
        )


class ColumnChart(_Chart):
    """Vertical bars over a row of x labels, with a labelled y scale (0 and the top value).

    ``values`` may hold None for a bar with no data (drawn as a small dash).
    """

    LEFT = 40
    BOTTOM = 22
    TOP = 12

    def __init__(
        self,
        empty_text: str,
        value_text: Callable[[float], str] = lambda v: f"{v:g}",
        height: int = 150,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(empty_text, parent)
        self.values: list[float | None] = []
        self.x_labels: dict[int, str] = {}
        self.tips: list[str] = []
        self.top_value: float | None = None
        self.target: float | None = None
        self.value_text = value_text
        self._height = height
        self.setMinimumHeight(height)

    def sizeHint(self) -> QSize:
        return QSize(480, self._height)

    def set_values(
        self,
        values: Sequence[float | None],
        x_labels: dict[int, str] | None = None,
        tips: Sequence[str] | None = None,
        top_value: float | None = None,
        target: float | None = None,
        description: str = "",
    ) -> None:
        """Show these bars; ``top_value`` fixes the scale (e.g. 1.0 for a share) and
        ``target`` draws a dashed reference line (e.g. the desired retention). ``description``
        says in words what they show (default: every bar's tip)."""
        self.values = list(values)
        self.target = target
        self.x_labels = dict(x_labels or {})
        self.tips = list(tips or [])
        self.top_value = top_value
        words = description or "; ".join(self.tips)
        self.setAccessibleDescription(self.empty_text if self.is_empty() else words)
        self.update()

    def is_empty(self) -> bool:
        """True when no bar has a value above zero."""
        return not any(v for v in self.values if v)

    def scale_top(self) -> float:
        """The value at the top of the plot: the fixed top, else a round number above the max."""
        if self.top_value is not None:
            return self.top_value
        peak = max((v for v in self.values if v is not None), default=0.0)
        for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
            if peak <= step * 4:
                return float(-(-peak // step) * step) or 1.0
        return float(peak)

    def plot_rect(self) -> QRectF:
        """The area the bars are drawn in."""
        return QRectF(
            self.LEFT,
            self.TOP,
            max(1.0, self.width() - self.LEFT - 8),
            max(1.0, self.height() - self.TOP - self.BOTTOM),
        )

    def bar_rect(self, index: int) -> QRectF:
        """The full-height slot of bar ``index``."""
        plot = self.plot_rect()
        slot = plot.width() / max(1, len(self.values))
        return QRectF(plot.left() + index * slot, plot.top(), slot, plot.height())

    def tip_at(self, x: float, y: float) -> str:
        for index in range(len(self.values)):
            if self.bar_rect(index).contains(QPointF(x, y)):
                return self.tips[index] if index < len(self.tips) else ""
        return ""

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.is_empty():
            self._paint_empty(painter)
            return
        plot = self.plot_rect()
        top = self.scale_top()
        painter.setFont(self._small_font())
        for fraction in (0.0, 0.5, 1.0):
            y = plot.bottom() - fraction * plot.height()
            painter.setPen(self._muted(70 if fraction == 0 else 30))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(self._muted())
            painter.drawText(
                QRectF(0, y - 8, self.LEFT - 6, 16),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                self.value_text(top * fraction),
            )
        accent = self._accent()
        for index, value in enumerate(self.values):
            slot = self.bar_rect(index)
            width = max(2.0, slot.width() * 0.7)
            x = slot.center().x() - width / 2
            if value is None:
                painter.setPen(self._muted(90))
                y = plot.bottom() - 2
                painter.drawLine(QPointF(x, y), QPointF(x + width, y))
                continue
            height = plot.height() * min(1.0, value / top) if top else 0.0
            if value > 0:
                height = max(height, 2.0)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(accent)
            painter.drawRoundedRect(QRectF(x, plot.bottom() - height, width, height), 2, 2)
        if self.target is not None and top:
            y = plot.bottom() - plot.height() * min(1.0, self.target / top)
            pen = QPen(self._text())
            pen.setStyle(Qt.PenStyle.DashLine)
            pen.setWidthF(1.2)
            painter.setPen(pen)
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(self._muted())
        metrics = painter.fontMetrics()
        for index, label in self.x_labels.items():
            width = metrics.horizontalAdvance(label) + 6
            left = self.bar_rect(index).center().x() - width / 2
            left = max(0.0, min(left, self.width() - width))  # keep the end labels inside
            painter.drawText(
                QRectF(left, plot.bottom() + 4, width, self.BOTTOM - 4),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                label,
            )


class BarList(_Chart):
    """Horizontal bars, one per row: a label on the left, a 0..100 % bar, a detail on the right."""

    ROW = 26
    DETAIL_SAMPLE = "100 % · 999 cards"

    def __init__(self, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(empty_text, parent)
        self.bars: list[Bar] = []
        self.setMinimumHeight(self.ROW * 2)

    def set_bars(self, bars: Sequence[Bar]) -> None:
        """Show these bars (their order is kept)."""
        self.bars = list(bars)
        self.setFixedHeight(max(2, len(self.bars)) * self.ROW + 4)
        words = "; ".join(f"{b.label}: {b.detail}" if b.detail else b.label for b in self.bars)
        self.setAccessibleDescription(words or self.empty_text)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(480, max(2, len(self.bars)) * self.ROW + 4)

    def _columns(self) -> tuple[QRect, QRect, QRect]:
        """Label, bar and detail columns of the first row."""
        width = self.width()
        metrics = self.fontMetrics()
        widths = [metrics.horizontalAdvance(b.detail) for b in self.bars]
        # at least a typical detail's width, so the bars of several lists line up
        detail_w = max([metrics.horizontalAdvance(self.DETAIL_SAMPLE), *widths]) + 8
        label_w = min(int(width * 0.42), 300)
        bar_w = max(40, width - label_w - detail_w - 24)
        return (
            QRect(0, 0, label_w, self.ROW),
            QRect(label_w + 12, 0, bar_w, self.ROW),
            QRect(label_w + 24 + bar_w, 0, detail_w, self.ROW),
        )

    def tip_at(self, x: float, y: float) -> str:
        index = int(y // self.ROW)
        if 0 <= index < len(self.bars):
            bar = self.bars[index]
            return f"{bar.label}: {bar.detail}" if bar.detail else bar.label
        return ""

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if not self.bars:
            self._paint_empty(painter)
            return
        label_col, bar_col, detail_col = self._columns()
        metrics = painter.fontMetrics()
        for index, bar in enumerate(self.bars):
            dy = index * self.ROW
            painter.setPen(self._text())
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_col.width())
            painter.drawText(
                label_col.translated(0, dy),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
            track = QRectF(bar_col.translated(0, dy)).adjusted(0, 8, 0, -8)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self._muted(28))
            painter.drawRoundedRect(track, track.height() / 2, track.height() / 2)
            value = min(1.0, max(0.0, bar.value))
            if value > 0:
                fill = QRectF(track)
                fill.setWidth(max(track.height(), track.width() * value))
                painter.setBrush(self._accent())
                painter.drawRoundedRect(fill, track.height() / 2, track.height() / 2)
            painter.setPen(self._muted(190))
            painter.drawText(
                detail_col.translated(0, dy),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                bar.detail,
            )

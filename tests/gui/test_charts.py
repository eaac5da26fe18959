"""The progress charts bin the history correctly and paint it (or an empty message) cleanly."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from PySide6.QtGui import QColor, QImage, QPalette

from studyapp.gui import chart_data
from studyapp.gui.chart_data import Bar, HeatmapGrid
from studyapp.gui.charts import BarList, ColumnChart, HeatmapChart

NOW = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)  # a Wednesday
TODAY = NOW.date()


def test_heatmap_grid_is_monday_first_weeks_ending_today():
    """The calendar has whole Monday-first weeks, today in the last column, future days blank."""
    counts = {TODAY: 4, TODAY - timedelta(days=1): 1, TODAY - timedelta(days=400): 99}
    grid = chart_data.heatmap_grid(counts, TODAY, weeks=4)
    assert len(grid.weeks) == 4 and all(len(w) == 7 for w in grid.weeks)
    first = grid.weeks[0][0]
    assert first is not None and first.day.weekday() == 0
    assert first.day == date(2026, 11, 2)
    last = grid.weeks[-1]
    assert last[2] is not None and last[2].day == TODAY and last[2].count == 4
    assert last[3:] == (None, None, None, None)  # Thursday..Sunday have not happened yet
    assert last[1] is not None and last[1].count == 1
    # the day 400 days ago is outside the span and does not count
    assert (grid.total, grid.active_days, grid.busiest) == (5, 2, 4)
    assert last[2].level == chart_data.HEAT_LEVELS and last[1].level == 2
    assert grid.month_starts() == [(0, "Nov")]
    assert grid.caption() == "5 reviews on 2 days"
    one = chart_data.heatmap_grid({TODAY: 1}, TODAY, weeks=1)
    assert one.caption() == "1 review on 1 day"


def test_heat_levels_rank_the_active_days():
    """Shades go by rank: the busiest quarter of days darkest, a day with reviews never blank."""
    active = sorted([1, 2, 3, 4, 5, 6, 7, 200])
    assert chart_data.heat_level(0, active) == 0
    assert [chart_data.heat_level(n, active) for n in active] == [1, 1, 2, 2, 3, 3, 4, 4]
    # one marathon day does not fade all the others to the palest shade
    assert chart_data.heat_level(6, [5, 6, 6, 500]) == 3
    assert chart_data.heat_level(3, []) == 0


def _paint(widget, width: int = 600) -> QImage:
    widget.resize(width, max(widget.sizeHint().height(), widget.minimumHeight()))
    return widget.grab().toImage()


def _has_color_near(image: QImage, color: QColor) -> bool:
    for x in range(0, image.width(), 2):
        for y in range(0, image.height(), 2):
            c = image.pixelColor(x, y)
            if (
                abs(c.red() - color.red())
                + abs(c.green() - color.green())
                + abs(c.blue() - color.blue())
                < 12
            ):
                return True
    return False


def test_heatmap_paints_busy_days_in_the_accent_colour(qtbot):
    """The busiest day is painted in the palette's accent colour; an empty grid shows a note."""
    chart = HeatmapChart()
    qtbot.addWidget(chart)
    accent = chart.palette().color(QPalette.ColorRole.Highlight)
    empty = _paint(chart)
    assert not _has_color_near(empty, accent)
    chart.set_grid(chart_data.heatmap_grid({TODAY: 9, TODAY - timedelta(days=30): 2}, TODAY))
    painted = _paint(chart)
    assert _has_color_near(painted, accent)
    cell = chart.grid.weeks[-1][2]
    rect = chart.cell_rect(len(chart.grid.weeks) - 1, 2)
    assert chart.cell_at(rect.center().x(), rect.center().y()) == cell
    assert chart.tip_at(rect.center().x(), rect.center().y()) == "9 reviews on Wed 25 Nov 2026"


def test_empty_grid_counts_as_empty():
    """A span without reviews is reported empty, so the chart shows its message."""
    grid: HeatmapGrid = chart_data.heatmap_grid({}, TODAY, weeks=2)
    assert grid.is_empty and grid.month_starts() == [(0, "Nov")]


def test_column_chart_scales_and_labels(qtbot):
    """Bars get a round top value; tooltips name the bar under the mouse; None bars are gaps."""
    chart = ColumnChart("nothing")
    qtbot.addWidget(chart)
    assert chart.is_empty()
    _paint(chart)
    chart.set_values([3, 0, 17, None], x_labels={0: "Today"}, tips=["a", "b", "c", "d"])
    assert not chart.is_empty()
    assert chart.scale_top() == 20.0
    image = _paint(chart, 400)
    assert _has_color_near(image, chart.palette().color(QPalette.ColorRole.Highlight))
    third = chart.bar_rect(2)
    assert chart.tip_at(third.center().x(), third.center().y()) == "c"
    chart.set_values([0.5, 0.9], top_value=1.0)
    assert chart.scale_top() == 1.0


def test_bar_list_sizes_to_its_rows_and_paints(qtbot):
    """Each bar gets one row; the fill is drawn in the accent colour and the tooltip names it."""
    bars = BarList("none")
    qtbot.addWidget(bars)
    _paint(bars)
    bars.set_bars([Bar("Topic one", 0.8, "80 %"), Bar("Topic two", 0.0, "0 %"), Bar("x", 1, "")])
    assert bars.height() == 3 * BarList.ROW + 4
    image = _paint(bars)
    assert _has_color_near(image, bars.palette().color(QPalette.ColorRole.Highlight))
    assert bars.tip_at(10, BarList.ROW * 1.5) == "Topic two: 0 %"
    assert bars.tip_at(10, BarList.ROW * 2.5) == "x"

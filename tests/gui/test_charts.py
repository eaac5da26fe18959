"""The progress charts bin the history correctly and paint it (or an empty message) cleanly."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtGui import QColor, QImage, QPalette

from studyapp.gui import chart_data
from studyapp.gui.chart_data import Bar, HeatmapGrid
from studyapp.gui.charts import BarList, ColumnChart, HeatmapChart
from studyapp.review_types import CardState, Phase, Rating, ReviewEntry, ReviewMode

NOW = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)  # a Wednesday
TODAY = NOW.date()


def utc_day(moment: datetime) -> date:
    """Study day without rollover, in UTC (the real scheduler's is tested in test_stats)."""
    return moment.astimezone(UTC).date()


def entry(card: str, days_ago: float, rating: Rating = Rating.GOOD, mode=ReviewMode.REVIEW):
    """A log entry ``days_ago`` days before NOW."""
    return ReviewEntry(card, NOW - timedelta(days=days_ago), rating, 1000, mode)


def state_due(moment: datetime) -> CardState:
    """A review-phase card state falling due at ``moment``."""
    return CardState(Phase.REVIEW, None, 5.0, 5.0, moment, moment - timedelta(days=5))


def test_reviews_per_day_counts_each_study_day():
    """Answers are counted on the day they were given, cram included."""
    entries = [
        entry("a", 0),
        entry("b", 0.1),
        entry("a", 2, mode=ReviewMode.CRAM),
        entry("c", 2),
        entry("c", 9),
    ]
    counts = chart_data.reviews_per_day(entries, utc_day)
    assert counts == {
        TODAY: 2,
        TODAY - timedelta(days=2): 2,
        TODAY - timedelta(days=9): 1,
    }


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
    assert last[2].level == chart_data.HEAT_LEVELS and last[1].level == 1
    assert grid.month_starts() == [(0, "Nov")]


def test_heat_levels_scale_with_the_busiest_day():
    """Shades go from 0 (no reviews) to the top level on the busiest day, never 0 for one review."""
    assert chart_data.heat_level(0, 10) == 0
    assert chart_data.heat_level(1, 100) == 1
    assert chart_data.heat_level(50, 100) == 2
    assert chart_data.heat_level(51, 100) == 3
    assert chart_data.heat_level(100, 100) == 4


def test_true_retention_counts_only_answers_after_a_gap():
    """Same-day learning steps and cram are left out; Again is a failure, Hard a pass."""
    entries = [
        entry("a", 10, Rating.AGAIN),  # first sight: not a test
        entry("a", 9.99, Rating.GOOD),  # same day: learning step
        entry("a", 5, Rating.HARD),  # after a gap: pass
        entry("a", 1, Rating.AGAIN),  # after a gap: fail
        entry("b", 3, Rating.GOOD),
        entry("b", 2, Rating.GOOD, ReviewMode.CRAM),  # cram: ignored
        entry("b", 0, Rating.EASY),  # after a gap: pass
    ]
    overall = chart_data.true_retention(entries, utc_day)
    assert (overall.passed, overall.total) == (2, 3)
    assert overall.rate == pytest.approx(2 / 3)
    recent = chart_data.true_retention(entries, utc_day, since=TODAY - timedelta(days=1))
    assert (recent.passed, recent.total) == (1, 2)
    assert chart_data.true_retention([], utc_day).rate is None


def test_weekly_retention_windows_end_today():
    """Each 7-day window holds its own answers, the last window ending today."""
    entries = [entry("a", 20), entry("a", 10, Rating.AGAIN), entry("a", 3), entry("a", 0)]
    weeks = chart_data.weekly_retention(entries, utc_day, TODAY, weeks=3)
    assert [(w.passed, w.total) for w in weeks] == [(0, 0), (0, 1), (2, 2)]


def test_due_forecast_puts_overdue_cards_on_today():
    """Overdue cards count today, later ones on their day, beyond the span not at all."""
    states = [
        state_due(NOW - timedelta(days=3)),
        state_due(NOW + timedelta(hours=1)),
        state_due(NOW + timedelta(days=1)),
        state_due(NOW + timedelta(days=29)),
        state_due(NOW + timedelta(days=30)),
    ]
    bins = chart_data.due_forecast(states, utc_day, TODAY, days=30)
    assert len(bins) == 30
    assert bins[0] == 2 and bins[1] == 1 and bins[29] == 1 and sum(bins) == 4


def test_mastery_is_mean_recall_with_unseen_as_zero():
    """A group's mastery is its cards' mean recall; an empty group is 0."""
    assert chart_data.mastery([1.0, 0.5, 0.0, 0.5]) == pytest.approx(0.5)
    assert chart_data.mastery([]) == 0.0


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

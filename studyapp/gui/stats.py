"""The progress screen: what you did, how well you remember, what is coming, what you master.

:class:`ProgressWidget` shows reviews per day as a calendar, true retention with its weekly
trend, the cards due over the next 30 days and mastery per topic and per section, as pictures
(:mod:`studyapp.gui.charts`). The figures come from the one model of progress
(:class:`studyapp.study.progress.ProgressModel`), the same as the library's and
``studyapp stats``'s. The
"Optimize my parameters" button runs the optimizer (``studyapp.study.optimize``, when installed) off
the GUI thread with :mod:`studyapp.gui.workers`.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from studyapp.gui import chart_data
from studyapp.gui.chart_data import Bar
from studyapp.gui.charts import BarList, ColumnChart, HeatmapChart
from studyapp.gui.exam_views import ExamPanel
from studyapp.gui.workers import BackgroundTask, TaskControl, run_in_background
from studyapp.model import Deck
from studyapp.review_types import ReviewEntry
from studyapp.store.database import Store
from studyapp.study.optimize import MIN_REVIEWS
from studyapp.study.progress import ProgressModel
from studyapp.study.progress_report import ProgressReport
from studyapp.study.scheduler import Scheduler

HEATMAP_WEEKS = 26
MIN_REVIEWS_TO_OPTIMIZE = MIN_REVIEWS  # below this the optimizer has too little to learn from


def _percent(value: float) -> str:
    return f"{round(value * 100)} %"


def forecast_words(forecast: Sequence[int], days: Sequence[date]) -> str:
    """The forecast chart in words: today, the next week, the month and its busiest day."""
    if not any(forecast):
        return ""
    busiest = max(range(len(forecast)), key=lambda i: forecast[i])
    return (
        f"{forecast[0]} due today (with overdue cards), {sum(forecast[:7])} in the next 7 days, "
        f"{sum(forecast)} in the next {len(forecast)} days; the busiest day is "
        f"{days[busiest]:%A %d %B} with {forecast[busiest]}."
    )


def topic_bars(report: ProgressReport) -> tuple[list[Bar], list[tuple[str, list[Bar]]]]:
    """The mastery bars of the report: one per deck, and per deck one per listed section."""
    topics = [
        Bar(t.title, t.mastery, f"{_percent(t.mastery)} · {t.studied}/{t.cards}")
        for t in report.topics
    ]
    sections = [
        (deck, [Bar(s.title, s.mastery, f"{_percent(s.mastery)} · {s.cards} cards") for s in rows])
        for deck, rows in report.sections
    ]
    return topics, sections


Optimizer = Callable[[list[ReviewEntry], Scheduler, TaskControl], Any]


def find_optimizer() -> Optimizer | None:
    """``studyapp.study.optimize.optimize_parameters`` when fsrs-rs-python is installed."""
    if importlib.util.find_spec("fsrs_rs_python") is None:
        return None
    from studyapp.study.optimize import optimize_parameters

    return lambda reviews, scheduler, control: optimize_parameters(reviews, scheduler)


def _panel(title: str, subtitle: str = "") -> tuple[QFrame, QVBoxLayout]:
    """A rounded card with a title line (and a muted explanation), returning its layout."""
    frame = QFrame()
    frame.setProperty("role", "card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(18, 14, 18, 16)
    layout.setSpacing(8)
    heading = QLabel(title)
    heading.setTextFormat(Qt.TextFormat.PlainText)  # may be a deck's title: never HTML
    heading.setProperty("role", "subtitle")
    layout.addWidget(heading)
    if subtitle:
        note = QLabel(subtitle)
        note.setProperty("role", "small")
        note.setWordWrap(True)
        layout.addWidget(note)
    return frame, layout


class ProgressWidget(QWidget):
    """The progress view. Call ``refresh(store, decks, scheduler, now)`` each time it is shown.

    Signals: ``left()`` when the student goes back (the Back button or Esc);
    ``parameters_optimized(object)`` with the optimizer's result (the composition root saves
    it in the settings: a list of 21 FSRS weights). ``optimizer`` is the function run by
    "Optimize my parameters", ``fn(reviews, scheduler, control)``; by default
    ``studyapp.study.optimize.optimize_parameters`` when fsrs-rs-python is installed.
    """

    left = Signal()
    parameters_optimized = Signal(object)

    def __init__(self, optimizer: Optimizer | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.optimizer = optimizer if optimizer is not None else find_optimizer()
        self.data: ProgressReport | None = None
        self.task: BackgroundTask | None = None
        self.store: Store | None = None
        self.scheduler: Scheduler | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        header.setContentsMargins(24, 16, 24, 8)
        self.back_button = QPushButton("← Library")
        self.back_button.setToolTip("Back to the library (Esc)")
        self.back_button.clicked.connect(self.left)
        title_box = QVBoxLayout()
        self.title = QLabel("Your progress")
        self.title.setProperty("role", "title")
        self.summary = QLabel("")
        self.summary.setProperty("role", "muted")
        title_box.addWidget(self.title)
        title_box.addWidget(self.summary)
        header.addLayout(title_box, 1)
        header.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(header)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setAccessibleName("Progress charts")
        scroll.setAccessibleDescription("Arrow keys and Page Up or Down scroll the charts")
        body = QWidget()
        self.body_layout = QVBoxLayout(body)
        self.body_layout.setContentsMargins(24, 8, 24, 24)
        self.body_layout.setSpacing(14)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        self.exam_panel = ExamPanel()  # exams: readiness rings and countdowns
        self.body_layout.addWidget(self.exam_panel)

        frame, layout = _panel(
            "Reviews per day", "The last 26 weeks; the stronger the colour, the more you reviewed."
        )
        self.heatmap = HeatmapChart()
        self.heatmap.setAccessibleName("Reviews per day")
        layout.addWidget(self.heatmap)
        self.body_layout.addWidget(frame)

        frame, layout = _panel(
            "True retention",
            "Of the cards you met again after a day or more, the share you still knew "
            "(not “Again”). The dashed line is the retention your schedule aims for.",
        )
        row = QHBoxLayout()
        self.retention_value = QLabel("—")
        self.retention_value.setProperty("role", "title")
        self.retention_note = QLabel("")
        self.retention_note.setProperty("role", "small")
        number_box = QVBoxLayout()
        number_box.addWidget(self.retention_value)
        number_box.addWidget(self.retention_note)
        number_box.addStretch(1)
        row.addLayout(number_box)
        self.retention_chart = ColumnChart(
            "Retention shows once you review cards on a later day.",
            value_text=lambda v: f"{round(v * 100)}%",
            height=120,
        )
        self.retention_chart.setAccessibleName("True retention per week")
        row.addWidget(self.retention_chart, 1)
        layout.addLayout(row)
        self.body_layout.addWidget(frame)

        frame, layout = _panel("Due in the next 30 days", "Cards coming back each day.")
        self.forecast_chart = ColumnChart("Nothing is scheduled yet: study some cards first.")
        self.forecast_chart.setAccessibleName("Cards due in the next 30 days")
        layout.addWidget(self.forecast_chart)
        self.body_layout.addWidget(frame)

        frame, layout = _panel(
            "Mastery by topic", "How much of each topic you would recall right now."
        )
        self.topic_bars = BarList("No decks yet.")
        self.topic_bars.setAccessibleName("Mastery by topic")
        layout.addWidget(self.topic_bars)
        self.body_layout.addWidget(frame)

        frame, self.sections_layout = _panel("Mastery by section")
        self.body_layout.addWidget(frame)
        self.section_charts: list[BarList] = []

        frame, layout = _panel(
            "Personal scheduling",
            "FSRS can fit its memory model to your own review history, so intervals match "
            "how you actually forget.",
        )
        row = QHBoxLayout()
        self.optimize_button = QPushButton("Optimize my parameters")
        self.optimize_button.clicked.connect(self.start_optimizing)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setVisible(False)
        self.busy.setFixedWidth(160)
        self.busy.setAccessibleName("Optimizing")
        self.busy.setAccessibleDescription("Fitting the scheduler to your reviews")
        self.optimize_status = QLabel("")
        self.optimize_status.setProperty("role", "muted")
        self.optimize_status.setWordWrap(True)
        row.addWidget(self.optimize_button)
        row.addWidget(self.busy)
        row.addWidget(self.optimize_status, 1)
        layout.addLayout(row)
        self.body_layout.addWidget(frame)
        self.body_layout.addStretch(1)

        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Progress")
        self.setAccessibleDescription("Esc goes back to the library")
        self._update_optimize_button()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc goes back."""
        if event.key() == Qt.Key.Key_Escape:
            self.left.emit()
            event.accept()
        else:
            super().keyPressEvent(event)

    # -- data ------------------------------------------------------------------------------
    def refresh(
        self,
        store: Store,
        decks: Sequence[Deck],
        scheduler: Scheduler,
        now: datetime,
        model: ProgressModel | None = None,
    ) -> None:
        """Recompute and redraw everything from the store at ``now`` (through ``model`` when
        given: the window's, which keeps the figures of decks that did not change)."""
        self.store = store
        self.scheduler = scheduler
        model = model if model is not None else ProgressModel(store, scheduler)
        self.show_data(model.report(decks, now))
        self.exam_panel.refresh(store, decks, scheduler, now)

    def show_data(self, data: ProgressReport) -> None:
        """Draw already gathered progress (``refresh`` calls this)."""
        self.data = data
        self.summary.setText(
            f"{data.cards} cards · {data.studied} studied · {data.due_today} due today"
        )
        self.setAccessibleDescription(
            f"{data.cards} cards, {data.studied} studied, {data.due_today} due today. "
            "Esc goes back to the library"
        )
        self.heatmap.set_grid(
            chart_data.heatmap_grid(data.reviews_per_day, data.today, HEATMAP_WEEKS)
        )
        rate = data.retention.rate
        self.retention_value.setText("—" if rate is None else f"{rate * 100:.0f} %")
        self.retention_note.setText(
            f"last 30 days\n{data.retention.passed} of {data.retention.total} recalled"
            if data.retention.total
            else "last 30 days\nno reviews after a gap yet"
        )
        weeks = data.weekly_retention
        self.retention_chart.set_values(
            [w.rate for w in weeks],
            x_labels={0: f"{len(weeks)} wk ago", len(weeks) - 1: "this wk"},
            tips=[
                f"{w.passed} of {w.total} recalled" if w.total else "no reviews after a gap"
                for w in weeks
            ],
            top_value=1.0,
            target=data.desired_retention,
            description="Share recalled per week, oldest first: "
            + ", ".join("no reviews" if w.rate is None else _percent(w.rate) for w in weeks)
            + f". The schedule aims for {_percent(data.desired_retention)}.",
        )
        days = [data.today + timedelta(days=i) for i in range(len(data.forecast))]
        labels = {0: "Today", 7: f"{days[7]:%d %b}", 14: f"{days[14]:%d %b}"}
        labels[21] = f"{days[21]:%d %b}"
        labels[len(days) - 1] = f"{days[-1]:%d %b}"
        self.forecast_chart.set_values(
            data.forecast,
            x_labels={i: t for i, t in labels.items() if i < len(days)},
            tips=[f"{n} due {d:%a %d %b}" for n, d in zip(data.forecast, days, strict=True)],
            description=forecast_words(data.forecast, days),
        )
        topics, sections = topic_bars(data)
        self.topic_bars.set_bars(topics)
        self._show_sections(sections)
        self._update_optimize_button()

    def _show_sections(self, groups: list[tuple[str, list[Bar]]]) -> None:
        """One labelled bar list per deck (rebuilt on each refresh)."""
        while self.sections_layout.count() > 1:
            item = self.sections_layout.takeAt(1)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.section_charts = []
        if not groups:
            empty = BarList("No sections with cards yet.")
            empty.setAccessibleName("Mastery by section")
            self.sections_layout.addWidget(empty)
            self.section_charts.append(empty)
            return
        for title, bars in groups:
            heading = QLabel(title.upper())
            heading.setTextFormat(Qt.TextFormat.PlainText)  # a deck's title: never HTML
            heading.setProperty("role", "group")
            self.sections_layout.addWidget(heading)
            chart = BarList("")
            chart.setAccessibleName(f"Mastery by section: {title}")
            chart.set_bars(bars)
            self.sections_layout.addWidget(chart)
            self.section_charts.append(chart)

    # -- optimizing --------------------------------------------------------------------------
    def _update_optimize_button(self) -> None:
        """Enable the button only when it can work, and say why not in its tooltip."""
        count = self.data.review_count if self.data else 0
        running = self.task is not None and self.task.is_running()
        if self.optimizer is None:
            reason = "The optimizer is not installed (pip install 'studyapp[optimizer]')."
        elif count < MIN_REVIEWS_TO_OPTIMIZE:
            reason = (
                f"Needs at least {MIN_REVIEWS_TO_OPTIMIZE} reviews to learn from; you have {count}."
            )
        elif running:
            reason = "Optimizing…"
        else:
            reason = f"Fit FSRS to your {count} reviews (takes a little while)."
            if not self.optimize_status.text().startswith(("Done", "Could not")):
                self.optimize_status.setText(f"Ready: {count} reviews to learn from.")
        self.optimize_button.setEnabled(
            self.optimizer is not None and count >= MIN_REVIEWS_TO_OPTIMIZE and not running
        )
        self.optimize_button.setToolTip(reason)
        if not running and not self.optimize_button.isEnabled():
            self.optimize_status.setText(reason)

    def start_optimizing(self) -> None:
        """Run the optimizer on a worker thread, showing a busy bar until it is done."""
        if self.optimizer is None or self.store is None or self.scheduler is None:
            return
        if self.task is not None and self.task.is_running():
            return
        # read on this thread: the database connection belongs to the GUI thread
        optimizer, reviews, scheduler = self.optimizer, self.store.reviews(), self.scheduler
        self.busy.setVisible(True)
        self.optimize_status.setText("Optimizing… you can keep using the app.")
        self.task = run_in_background(
            lambda control: optimizer(reviews, scheduler, control),
            on_success=self._optimized,
            on_failure=self._optimize_failed,
        )
        self._update_optimize_button()

    def _optimized(self, result: object) -> None:
        self.busy.setVisible(False)
        self.optimize_status.setText("Done: your parameters now fit your own reviews.")
        self.parameters_optimized.emit(result)
        self._update_optimize_button()

    def _optimize_failed(self, error: BaseException) -> None:
        self.busy.setVisible(False)
        self.optimize_status.setText(f"Could not optimize: {error}")
        self._update_optimize_button()

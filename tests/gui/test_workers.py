"""Slow work runs on a pool thread while its results arrive on the GUI thread."""

from __future__ import annotations

import threading

from studyapp.gui.workers import BackgroundTask, TaskControl, run_in_background


def test_result_arrives_on_gui_thread_from_another_thread(qtbot):
    """The callable runs off the GUI thread and its result is delivered back on the GUI thread."""
    gui_thread = threading.get_ident()
    seen: dict[str, int] = {}

    def work(control: TaskControl) -> int:
        seen["work"] = threading.get_ident()
        return sum(range(1000))

    delivered: list[tuple[int, int]] = []
    task = BackgroundTask(work)
    task.succeeded.connect(lambda r: delivered.append((r, threading.get_ident())))
    with qtbot.waitSignal(task.finished, timeout=5000):
        task.start()
    assert seen["work"] != gui_thread
    assert delivered == [(499500, gui_thread)]
    assert task.result == 499500 and task.error is None and not task.is_running()


def test_progress_reports_reach_the_gui_in_order(qtbot):
    """Each progress report of the work reaches the GUI, in order, before the result."""
    events: list[object] = []

    def work(control: TaskControl) -> str:
        for i in range(1, 4):
            control.report(i, 3)
        return "done"

    task = BackgroundTask(work)
    task.progressed.connect(lambda d, t: events.append((d, t)))
    task.succeeded.connect(events.append)
    with qtbot.waitSignal(task.finished, timeout=5000):
        task.start()
    assert events == [(1, 3), (2, 3), (3, 3), "done"]


def test_an_exception_is_reported_not_raised(qtbot):
    """A failing job emits failed with its exception and never succeeded."""

    def work(control: TaskControl) -> None:
        raise ValueError("not enough reviews")

    failures: list[BaseException] = []
    successes: list[object] = []
    task = run_in_background(work, on_success=successes.append, on_failure=failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert str(failures[0]) == "not enough reviews" and successes == []
    assert isinstance(task.error, ValueError)


def test_cancel_is_seen_by_the_work(qtbot):
    """Cancelling a running job lets the callable notice and stop early."""
    started = threading.Event()

    def work(control: TaskControl) -> int:
        started.set()
        steps = 0
        while not control.cancelled() and steps < 500:
            threading.Event().wait(0.01)
            steps += 1
        return steps

    task = run_in_background(work)
    assert started.wait(5)
    task.cancel()
    assert task.wait(5)
    assert task.result is not None and task.result < 500


def test_several_jobs_all_deliver(qtbot):
    """Several jobs started together each deliver their own result."""
    count = 3
    results: list[int] = []
    tasks = [
        run_in_background(lambda c, n=n: n * n, on_success=results.append) for n in range(count)
    ]
    qtbot.waitUntil(lambda: len(results) == count, timeout=5000)
    assert sorted(results) == [0, 1, 4]
    assert all(not t.is_running() for t in tasks)

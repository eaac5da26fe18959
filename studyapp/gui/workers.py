"""Run slow work (optimizing FSRS parameters, big imports) off the GUI thread.

:func:`run_in_background` hands a callable to a ``QThreadPool`` and returns a
:class:`BackgroundTask` whose signals arrive on the GUI thread: ``progressed(done, total)``
while it runs, then exactly one of ``succeeded(result)`` or ``failed(error)``, then
``finished()``. The window stays responsive, and the callable itself stays Qt-free: it gets a
plain ``report(done, total)`` function and a ``cancelled()`` check.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

_running: set[BackgroundTask] = set()  # keeps started tasks alive until they finish


class TaskControl(Protocol):
    """What the background callable may use: report progress and ask whether to stop."""

    def report(self, done: int, total: int) -> None:
        """Tell the GUI how far the work is (``done`` of ``total`` steps)."""

    def cancelled(self) -> bool:
        """True once the user asked to stop; the callable should return soon after."""


class BackgroundTask(QObject):
    """One piece of work running on a pool thread; its signals are delivered on the GUI thread.

    Signals: ``progressed(int, int)`` (done, total), ``succeeded(object)`` (the callable's
    return value), ``failed(object)`` (the exception it raised), ``finished()`` (always last).
    ``result`` and ``error`` keep the outcome for callers that look after ``finished``.
    """

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(self, work: Callable[[TaskControl], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._cancel = threading.Event()
        self._done = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None

    # -- what the callable sees (called on the pool thread) --------------------------------
    def report(self, done: int, total: int) -> None:
        """Emit ``progressed``; safe from the worker thread (Qt queues it to the GUI)."""
        self.progressed.emit(int(done), int(total))

    def cancelled(self) -> bool:
        """True once :meth:`cancel` was called."""
        return self._cancel.is_set()

    # -- what the GUI uses -----------------------------------------------------------------
    def start(self, pool: QThreadPool | None = None) -> None:
        """Queue the work on ``pool`` (the global pool by default).

        Connect to the signals before calling this: a quick job may finish at once.
        """
        _running.add(self)
        self.finished.connect(self._forget)
        (pool or QThreadPool.globalInstance()).start(_Job(self))

    def cancel(self) -> None:
        """Ask the work to stop; it is cooperative, so the callable must check ``cancelled``."""
        self._cancel.set()

    def is_running(self) -> bool:
        """True until the callable has returned or raised."""
        return not self._done.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the work is done (for shutdown and tests); False on timeout."""
        return self._done.wait(timeout)

    def _run(self) -> None:
        """Body of the pool job: run the callable and emit the outcome."""
        try:
            self.result = self._work(self)
        except Exception as exc:  # reported to the GUI, which shows a message
            self.error = exc
            self._done.set()
            self.failed.emit(exc)
        else:
            self._done.set()
            self.succeeded.emit(self.result)
        self.finished.emit()

    def _forget(self) -> None:
        """Drop the keep-alive reference (runs on the GUI thread, after ``finished``)."""
        _running.discard(self)


class _Job(QRunnable):
    """The QRunnable that carries a :class:`BackgroundTask` onto a pool thread."""

    def __init__(self, task: BackgroundTask) -> None:
        super().__init__()
        self._task = task
        self.setAutoDelete(True)

    def run(self) -> None:
        """Called by the pool on its own thread."""
        self._task._run()


def run_in_background(
    work: Callable[[TaskControl], Any],
    *,
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    pool: QThreadPool | None = None,
) -> BackgroundTask:
    """Start ``work(control)`` on ``pool`` (the global pool by default) and return its task.

    The optional callbacks are connected before the work starts, so no signal is missed. The
    task is kept alive until it finishes even if the caller drops its reference.
    """
    task = BackgroundTask(work)
    if on_progress is not None:
        task.progressed.connect(on_progress)
    if on_success is not None:
        task.succeeded.connect(on_success)
    if on_failure is not None:
        task.failed.connect(on_failure)
    task.start(pool)
    return task

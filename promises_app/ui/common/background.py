"""Long work off the GUI thread: a function run in a QThreadPool, its result sent back by signal.

What runs here is CPU-bound rendering and, for a report, its one read transaction before it
(``services.reports.source``; docs/architecture.md, "Follow-up and annual reports"). A read is
safe in a pool thread: every session opens its own SQLite connection in the thread that uses
it (the engine keeps no pool of shared connections) and a read transaction never writes.
Writes stay on the GUI thread, one user action at a time. The window waits for the pool
before it closes the database.

The result or the error arrives on the GUI thread through a queued signal, tagged with the
task's number, so a caller that gave up waiting (the person pressed Cancel) can tell a late
result and drop it. A task made of steps can also stop early: ``TaskControl.step`` raises
``TaskCancelled`` once the caller has cancelled, so a cancelled report is not laid out after
its read.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Signal

_numbers = itertools.count(1)


class TaskSignals(QObject):
    finished = Signal(int, object)
    failed = Signal(int, str)
    #: The same failure as ``failed``, with the exception itself (its kind, message and
    #: traceback): for a caller that tells a person's error (AppError) from a bug.
    raised = Signal(int, object)


class TaskCancelled(Exception):
    """Raised inside a task at its next step once it was cancelled: nothing more is done."""


class TaskControl(QObject):
    """Between the window and one task in the pool: the steps the task reaches, and a cancel the
    task checks at each of them (a thread cannot be stopped from outside, nor ReportLab half way).

    Made on the GUI thread; ``stepped(number, step)`` emitted from the pool thread arrives there
    queued, with the task's number (set by whoever starts the task) to tell an old task's step.
    """

    stepped = Signal(int, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancelled = threading.Event()
        #: The number of the task this controls (``BackgroundTask.number``).
        self.number = 0

    def cancel(self) -> None:
        self._cancelled.set()

    def is_cancelled(self) -> bool:
        return self._cancelled.is_set()

    def step(self, name: str) -> None:
        """The task starts step ``name``; raises TaskCancelled instead when it was cancelled."""
        if self._cancelled.is_set():
            raise TaskCancelled(name)
        self.stepped.emit(self.number, name)


class BackgroundTask(QRunnable):
    """Runs ``work()`` once in a pool thread and emits ``signals.finished(number, result)``, or
    ``signals.raised(number, error)`` and ``signals.failed(number, message)``.

    The caller keeps a reference to the task until it is ``done`` (PySide must not collect a
    runnable the pool still holds), so auto-delete is off.
    """

    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.number = next(_numbers)
        self.signals = TaskSignals()
        self.done = False
        self._work: Callable[[], Any] | None = work

    def run(self) -> None:
        work, self._work = self._work, None  # let go of the input as soon as it is used
        try:
            assert work is not None, "a BackgroundTask runs once"
            result = work()
        except Exception as error:  # noqa: BLE001 - any failure is reported to the window
            self.done = True
            self.signals.raised.emit(self.number, error)
            self.signals.failed.emit(self.number, str(error) or type(error).__name__)
            return
        self.done = True
        self.signals.finished.emit(self.number, result)

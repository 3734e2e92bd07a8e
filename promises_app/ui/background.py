"""Long work off the GUI thread: a function run in a QThreadPool, its result sent back by signal.

Only pure work belongs here (rendering a PDF from a snapshot already read): nothing that opens
a database session, which stays on the GUI thread with the services. The result or the error
arrives on the GUI thread through a queued signal, tagged with the task's number, so a caller
that gave up waiting (the person pressed Cancel) can tell a late result and drop it.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Signal

_numbers = itertools.count(1)


class TaskSignals(QObject):
    finished = Signal(int, object)
    failed = Signal(int, str)


class BackgroundTask(QRunnable):
    """Runs ``work()`` once in a pool thread and emits ``signals.finished(number, result)`` or
    ``signals.failed(number, message)``.

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
            self.signals.failed.emit(self.number, str(error) or type(error).__name__)
            return
        self.done = True
        self.signals.finished.emit(self.number, result)

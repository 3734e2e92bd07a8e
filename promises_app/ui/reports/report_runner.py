"""Making a report's PDF off the GUI thread, behind a progress dialog with a working Cancel.

The whole report runs in the pool: its one read transaction (``services.reports.source``), the
content built from it, and the CPU-bound render; the work reports its steps
(``ReportStep``), which the progress dialog names. Cancel drops the result, and the work stops
at its next step (``TaskControl``): a report cancelled while it reads is never laid out.
ReportLab cannot be stopped half way, so a render already under way finishes on its own and
its late result is recognised by its task number and ignored.

A failure reaches the widget the report was started over as the exception itself
(``failed``), so it can show a person's error (AppError) in its own words and a bug in the
error dialog.

The window owns one runner, so reports never render two at a time (ReportLab is not
promised to be thread-safe) and the window can wait for the pool before it closes the
database or renders on the GUI thread (signing).
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget
from shiboken6 import isValid

from promises_app.ui.common.background import BackgroundTask, TaskControl
from promises_app.ui.common.pdf_preview import PdfPreviewDialog

#: A render quicker than this shows no flash of a progress dialog.
PROGRESS_DELAY_MS = 300


class ReportStep(StrEnum):
    """The steps of making a report, as the work reports them (``TaskControl.step``)."""

    READING = "reading"  # the one read transaction, and the content built from it
    RENDERING = "rendering"  # laying out the pages
    WRITING = "writing"  # writing the files (the publication's folder)


class ReportRunner(QObject):
    """Runs one PDF render at a time and shows the result in a ``PdfPreviewDialog``."""

    #: The preview of the render just finished is open.
    previewShown = Signal(object)  # noqa: N815 - Qt's naming
    #: The report failed: the widget it was started over, and the exception (an AppError for
    #: the person, anything else a bug).
    failed = Signal(object, object)
    #: The person pressed Cancel: the render's result will be dropped.
    canceled = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._tasks: list[tuple[BackgroundTask, TaskControl]] = []
        #: (task number, file name, the widget the preview opens over) of the render awaited.
        self._pending: tuple[int, str, QWidget] | None = None
        #: What receives the awaited work's result instead of a preview (``start(done=…)``).
        self._done: Callable[[object], None] | None = None
        self._progress: QProgressDialog | None = None
        self._preview: PdfPreviewDialog | None = None
        self._database: Path | None = None

    # The dialogs belong to the widget the render was started over (a report dialog the window
    # may have deleted since): a deleted one reads as None.
    @property
    def progress_dialog(self) -> QProgressDialog | None:
        return self._progress if self._progress is not None and isValid(self._progress) else None

    @property
    def preview_dialog(self) -> PdfPreviewDialog | None:
        return self._preview if self._preview is not None and isValid(self._preview) else None

    def start(
        self,
        make: Callable[[TaskControl], object],
        *,
        file_name: str,
        title: str,
        parent: QWidget,
        database: Path | None,
        done: Callable[[object], None] | None = None,
        label: str | None = None,
    ) -> int:
        """Run ``make(control)`` in the pool behind a progress dialog over ``parent``; returns the task number.

        ``make`` calls ``control.step(ReportStep…)`` as it goes. ``database`` is the open
        database, which the preview's "Save as…" never writes over. ``done``: work whose result
        is not a PDF to preview (the publication's folder) hands it to ``done`` instead, on the
        GUI thread; ``label``: the progress dialog's first line then.

        A report already awaited is overtaken: it stops at its next step, and a result that
        arrives all the same is dropped.
        """
        self._cancel_running()
        control = TaskControl()
        task = BackgroundTask(lambda: make(control))
        control.number = task.number
        task.signals.finished.connect(self._ready)
        task.signals.raised.connect(self._failed)
        control.stepped.connect(self._stepped)
        self._tasks = [(t, c) for t, c in self._tasks if not t.done] + [(task, control)]
        if self.progress_dialog is not None:
            self._finish_progress()
            self.progress_dialog.deleteLater()
        self._pending = (task.number, file_name, parent)
        self._done = done
        self._database = database
        self._preview = None

        progress = QProgressDialog(label or self.tr("Creating the report…"), self.tr("Cancel"), 0, 0, parent)
        progress.setWindowTitle(title)
        progress.setAccessibleName(self.tr("Creating the report"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(PROGRESS_DELAY_MS)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.canceled.connect(self.cancel)
        progress.setValue(0)
        self._progress = progress
        self._pool.start(task)
        return task.number

    def busy(self) -> bool:
        """A render is awaited (started and neither finished, failed nor cancelled)."""
        self._notice_cancel()
        return self._pending is not None

    def _notice_cancel(self) -> None:
        """The progress dialog's ``cancel()`` slot (Esc, a close) does not emit ``canceled``: ask it."""
        if self._pending is not None and self.progress_dialog is not None and self.progress_dialog.wasCanceled():
            self.cancel()

    def cancel(self) -> None:
        """Drop the awaited report's result; its work stops at its next step."""
        if self._pending is None:
            return
        self._pending = None
        self._cancel_running()
        self._finish_progress()
        self.canceled.emit()

    def _cancel_running(self) -> None:
        """Every task not done yet stops at its next step (only the awaited one is wanted, if any)."""
        for task, control in self._tasks:
            if not task.done:
                control.cancel()

    def wait_for_background_work(self, msecs: int = 30_000) -> bool:
        """Wait for a render still running (also a cancelled one). True when none is left."""
        return self._pool.waitForDone(msecs)

    def _finish_progress(self) -> None:
        progress = self.progress_dialog
        if progress is not None:
            progress.blockSignals(True)  # hiding it is not the person cancelling
            progress.reset()
            progress.hide()
            progress.blockSignals(False)

    def _still_wanted(self, number: int) -> bool:
        """False for a render that was cancelled, or an older one overtaken by a newer one."""
        self._notice_cancel()
        return self._pending is not None and self._pending[0] == number

    def _stepped(self, number: int, step: str) -> None:
        progress = self.progress_dialog
        if progress is None or self._pending is None or self._pending[0] != number:
            return  # an older task's step, or nothing awaited any more
        if step == ReportStep.READING:
            progress.setLabelText(self.tr("Reading the agreement’s data…"))
        elif step == ReportStep.RENDERING:
            progress.setLabelText(self.tr("Laying out the pages…"))
        elif step == ReportStep.WRITING:
            progress.setLabelText(self.tr("Writing the files…"))

    def _ready(self, number: int, data: object) -> None:
        if not self._still_wanted(number):
            return
        assert self._pending is not None
        _number, file_name, parent = self._pending
        self._pending = None
        self._finish_progress()
        if not isValid(parent):
            return
        if self._done is not None:
            self._done(data)
            return
        assert isinstance(data, bytes)
        dialog = PdfPreviewDialog(data, file_name, parent, database=self._database)
        self._preview = dialog
        dialog.open()
        self.previewShown.emit(dialog)

    def _failed(self, number: int, error: object) -> None:
        if not self._still_wanted(number):
            return  # also a task that stopped because it was cancelled (TaskCancelled)
        assert self._pending is not None  # _still_wanted says so
        parent = self._pending[2]
        self._pending = None
        self._finish_progress()
        self.failed.emit(parent, error)

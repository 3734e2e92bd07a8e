"""Rendering a report's PDF off the GUI thread, behind a progress dialog with a working Cancel.

The content is built beforehand on the GUI thread (it reads the database through the
services); only the pure, CPU-bound ``render(content, options) -> bytes`` runs in the pool.
Cancel cannot stop ReportLab half way, so it drops the result instead: the render thread
finishes on its own and its late result is recognised by its task number and ignored.

The window owns one runner, so reports never render two at a time (ReportLab is not
promised to be thread-safe) and the window can wait for the pool before it closes the
database or renders on the GUI thread (signing).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget
from shiboken6 import isValid

from promises_app.ui.background import BackgroundTask
from promises_app.ui.pdf_preview import PdfPreviewDialog

#: A render quicker than this shows no flash of a progress dialog.
PROGRESS_DELAY_MS = 300


class ReportRunner(QObject):
    """Runs one PDF render at a time and shows the result in a ``PdfPreviewDialog``."""

    #: The preview of the render just finished is open.
    previewShown = Signal(object)  # noqa: N815 - Qt's naming
    #: The render failed: the widget it was started over, and the reason for the person.
    failed = Signal(object, str)
    #: The person pressed Cancel: the render's result will be dropped.
    canceled = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._tasks: list[BackgroundTask] = []
        #: (task number, file name, the widget the preview opens over) of the render awaited.
        self._pending: tuple[int, str, QWidget] | None = None
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
        self, render: Callable[[], bytes], *, file_name: str, title: str, parent: QWidget, database: Path | None
    ) -> int:
        """Run ``render()`` in the pool behind a progress dialog over ``parent``; returns the task number.

        ``database`` is the open database, which the preview's "Save as…" never writes over.

        A render already awaited is overtaken: its result is dropped when it arrives.
        """
        task = BackgroundTask(render)
        task.signals.finished.connect(self._ready)
        task.signals.failed.connect(self._failed)
        self._tasks = [t for t in self._tasks if not t.done] + [task]
        if self.progress_dialog is not None:
            self._finish_progress()
            self.progress_dialog.deleteLater()
        self._pending = (task.number, file_name, parent)
        self._database = database
        self._preview = None

        progress = QProgressDialog(self.tr("Creating the report…"), self.tr("Cancel"), 0, 0, parent)
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
        """Drop the awaited render's result; the thread finishes in the background."""
        if self._pending is None:
            return
        self._pending = None
        self._finish_progress()
        self.canceled.emit()

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

    def _ready(self, number: int, data: object) -> None:
        if not self._still_wanted(number):
            return
        assert self._pending is not None and isinstance(data, bytes)
        _number, file_name, parent = self._pending
        self._pending = None
        self._finish_progress()
        if not isValid(parent):
            return
        dialog = PdfPreviewDialog(data, file_name, parent, database=self._database)
        self._preview = dialog
        dialog.open()
        self.previewShown.emit(dialog)

    def _failed(self, number: int, message: str) -> None:
        if not self._still_wanted(number):
            return
        assert self._pending is not None  # _still_wanted says so
        parent = self._pending[2]
        self._pending = None
        self._finish_progress()
        self.failed.emit(parent, message)

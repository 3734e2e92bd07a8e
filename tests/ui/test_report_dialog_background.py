"""The report dialog makes the whole report off the GUI thread: one read, the content, the PDF.

Driven from the real window over a real demo database. What is observed is observed where it
happens: SQLAlchemy's ``begin`` event on the window's engine (every transaction), the thread
the report's builder runs on, and the error line and error dialog a person sees. The builder
and the renderer are only wrapped to note their thread or to hold them back; each wrapper
hands on to the real function.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QPushButton
from sqlalchemy import event

from promises_app.ui.common.error_dialog import ErrorDialog
from promises_app.ui.reports import report_dialog as report_module
from promises_app.ui.reports.report_dialog import ReportDialog, ReportKind
from promises_app.ui.shell.main_window import MainWindow
from tests.reports.pdf_text import flat_text
from tests.ui.conftest import DEMO_TODAY

SOLNA_PROMISE = "Solna – medborgarlöften 2022"
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def window(qtbot, demo_ui_services, swedish_app) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    shown = MainWindow(demo_ui_services, today=lambda: DEMO_TODAY)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    assert shown.title_label.text() == SOLNA_PROMISE
    yield shown
    shown.report_runner.cancel()
    shown.report_runner.wait_for_background_work()


@pytest.fixture
def dialog(qtbot, window: MainWindow) -> ReportDialog:  # type: ignore[no-untyped-def]
    opened = window.open_report_dialog()
    assert opened is not None
    qtbot.waitExposed(opened)
    return opened


def _wrap(monkeypatch: pytest.MonkeyPatch, name: str, before: Callable[[], None]) -> None:
    """``report_dialog.<name>`` calls ``before()`` first, then the real function."""
    real = getattr(report_module, name)

    def wrapped(*args: Any, **kwargs: Any) -> Any:
        before()
        return real(*args, **kwargs)

    monkeypatch.setattr(report_module, name, wrapped)


@pytest.mark.parametrize(("kind", "builder", "heading"), [
    (ReportKind.FOLLOW_UP, "build_followup", "Tertial 2 2022"),
    (ReportKind.ANNUAL, "build_annual", "Årsrapport 2022"),
])
def test_the_report_is_read_once_and_built_off_the_gui_thread(  # type: ignore[no-untyped-def]
    qtbot, window, dialog, monkeypatch, kind, builder, heading
):
    dialog.set_kind(kind)
    built_on: list[threading.Thread] = []
    _wrap(monkeypatch, builder, lambda: built_on.append(threading.current_thread()))
    begun_on: list[threading.Thread] = []

    def note(_connection: Any) -> None:
        begun_on.append(threading.current_thread())

    event.listen(window.services.db.engine, "begin", note)
    try:
        qtbot.mouseClick(dialog.create_button, LEFT)
        qtbot.waitUntil(lambda: dialog.preview_dialog is not None, timeout=30_000)
    finally:
        event.remove(window.services.db.engine, "begin", note)

    assert len(begun_on) == 1, "one report, one read transaction"
    assert begun_on[0] is not threading.main_thread()
    assert len(built_on) == 1 and built_on[0] is not threading.main_thread()
    assert heading in flat_text(dialog.preview_dialog.data)
    assert not dialog.error_label.isVisible()


def test_the_window_stays_responsive_while_the_report_reads_and_cancel_stops_it_before_the_render(  # type: ignore[no-untyped-def]
    qtbot, dialog, monkeypatch
):
    reading = threading.Event()
    release = threading.Event()

    def hold_back() -> None:
        reading.set()
        release.wait(10)

    _wrap(monkeypatch, "build_followup", hold_back)
    rendered: list[threading.Thread] = []
    _wrap(monkeypatch, "render_followup", lambda: rendered.append(threading.current_thread()))

    qtbot.mouseClick(dialog.create_button, LEFT)
    assert reading.wait(10), "the read has started, in the background"
    progress = dialog.runner.progress_dialog
    assert progress is not None
    qtbot.waitUntil(progress.isVisible, timeout=5_000)  # the GUI thread runs its event loop meanwhile
    reading_text = QCoreApplication.translate("ReportRunner", "Reading the agreement’s data…")
    qtbot.waitUntil(lambda: progress.labelText() == reading_text, timeout=5_000)
    cancel = progress.findChildren(QPushButton)
    assert len(cancel) == 1
    qtbot.mouseClick(cancel[0], LEFT)
    assert not progress.isVisible() and not dialog.runner.busy()

    release.set()
    assert dialog.runner.wait_for_background_work()
    qtbot.wait(100)  # anything queued from the task arrives, and is dropped
    assert rendered == [], "a report cancelled while it read is never laid out"
    assert dialog.preview_dialog is None
    assert not dialog.error_label.isVisible() and dialog.error_dialog is None

    qtbot.mouseClick(dialog.create_button, LEFT)  # and the next one is made at once
    qtbot.waitUntil(lambda: dialog.preview_dialog is not None, timeout=30_000)
    assert len(rendered) == 1


def test_a_persons_error_in_the_background_is_said_in_the_dialog(qtbot, window, dialog):  # type: ignore[no-untyped-def]
    """The database file moved away after the dialog opened: the read refuses it (an AppError),
    and the dialog says so in its error line; no error dialog, no preview."""
    path = window.services.db.path
    moved = path.with_name("flyttad.sqlite")
    path.rename(moved)
    try:
        qtbot.mouseClick(dialog.create_button, LEFT)
        qtbot.waitUntil(dialog.error_label.isVisible, timeout=10_000)
    finally:
        moved.rename(path)
    assert str(path) in dialog.error_label.text()
    assert dialog.error_dialog is None
    assert not [d for d in dialog.findChildren(ErrorDialog) if d.isVisible()]
    assert dialog.preview_dialog is None and not dialog.runner.busy()

    qtbot.mouseClick(dialog.create_button, LEFT)  # back in place: the report is made
    qtbot.waitUntil(lambda: dialog.preview_dialog is not None, timeout=30_000)
    assert not dialog.error_label.isVisible()


def test_an_unexpected_failure_is_logged_and_shown_in_the_error_dialog(  # type: ignore[no-untyped-def]
    qtbot, window, dialog, monkeypatch, caplog
):
    def fail() -> None:
        raise ZeroDivisionError("division by zero in the layout")

    _wrap(monkeypatch, "render_followup", fail)
    with caplog.at_level(logging.ERROR, logger="promises_app.ui.reports.report_dialog"):
        qtbot.mouseClick(dialog.create_button, LEFT)
        qtbot.waitUntil(lambda: dialog.error_dialog is not None, timeout=10_000)

    shown = dialog.error_dialog
    assert shown.isVisible() and shown.parent() is dialog
    assert "ZeroDivisionError" in shown.details() and str(window.services.db.path) in shown.details()
    assert "division by zero in the layout" in dialog.error_label.text(), "the dialog says no report was made"
    records = [r for r in caplog.records if r.exc_info and r.exc_info[0] is ZeroDivisionError]
    assert len(records) == 1, "the traceback is in the log"
    assert dialog.preview_dialog is None and not dialog.runner.busy()
    qtbot.mouseClick(shown.close_button, LEFT)

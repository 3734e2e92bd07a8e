"""The measurements themselves; each returns the seconds of every run (the caller takes medians).

Start-up runs in fresh processes (``promises_app.bench.startup``); everything else runs in
the benchmark's own process through the same code the window and the command line use:
the main window's measure filter, ``services.plan.update_measure``, the follow-up report's
builder and renderer, the agreement PDF, ``services.exchange``.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from promises_app.bench.startup import READY, STARTED

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QLineEdit

    from promises_app.services import Services
    from promises_app.ui.shell.main_window import MainWindow

#: The report date of every report run: after every generated agreement, so nothing is "running".
REPORT_DAY = date(2030, 1, 1)
#: Words the filter bench types, one character at a time (each word is cleared before the next).
FILTER_WORDS = ("trygghet", "belysning", "kameror", "polisen", "skola")


@dataclass(frozen=True)
class StartupRun:
    seconds: float
    peak_mb: float
    agreements: int = 0
    selected_measures: int = 0
    #: When the pages were built and the selected agreement shown (after the first paint).
    complete_seconds: float = 0.0
    #: When the start-up check beside the window had passed (edits are saved from then on).
    checked_seconds: float = 0.0


def startup_once(args: Sequence[str], *, timeout: float = 120) -> StartupRun:
    """One start-up in a fresh process (``--floor`` or a database), as the child measured it."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", STARTED: repr(time.monotonic())}
    result = subprocess.run(
        [sys.executable, "-m", "promises_app.bench.startup", *args],
        capture_output=True, text=True, timeout=timeout, env=env,
    )
    for line in result.stdout.splitlines():
        if line.startswith(READY):
            data = json.loads(line[len(READY):])
            return StartupRun(
                seconds=float(data["seconds"]), peak_mb=float(data["peak_mb"]),
                agreements=int(data.get("agreements", 0)), selected_measures=int(data.get("selected_measures", 0)),
                complete_seconds=float(data.get("complete_seconds", 0.0)),
                checked_seconds=float(data.get("checked_seconds", 0.0)),
            )
    raise RuntimeError(f"start-up {' '.join(args)} failed ({result.returncode}): {result.stderr.strip()[-300:]}")


def startups_side_by_side(targets: dict[str, list[str]], rounds: int) -> dict[str, list[StartupRun]]:
    """Every target once per round, in turn, so a busy moment hits all of them alike."""
    runs: dict[str, list[StartupRun]] = {name: [] for name in targets}
    for _round in range(rounds):
        for name, args in targets.items():
            runs[name].append(startup_once(args))
    return runs


def timed(
    action: Callable[[], object], runs: int, *, warm_up: int = 1, between: Callable[[], object] | None = None
) -> list[float]:
    """Seconds of ``runs`` calls of ``action`` after ``warm_up`` untimed ones."""
    for _ in range(warm_up):
        action()
        if between:
            between()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
        if between:
            between()
    return times


# --- the window -----------------------------------------------------------------------------
_translators_installed = False


#: The window's size while measured: the size it opens at (``MainWindow``) on a common laptop screen.
#: Set after showing it, because the offscreen platform's screen is 800 px wide and Qt fits a new
#: window to its screen, which would measure every page squeezed to its minimum width.
WINDOW_SIZE = (1366, 768)


def open_window(db_path: Path | str) -> MainWindow:
    """The real main window on ``db_path`` (offscreen, shown at :data:`WINDOW_SIZE`); close it with
    ``close_window``. ``db_path`` may be a PostgreSQL URL (the bench's PostgreSQL figures)."""
    from promises_app.services import open_services
    from promises_app.storage.server import is_server_address
    from promises_app.ui.shell.app import application, install_translators, open_for_desktop
    from promises_app.ui.shell.main_window import MainWindow

    global _translators_installed
    app = application()
    if not _translators_installed:  # once per process, as the one QApplication is
        install_translators(app)
        _translators_installed = True
    if is_server_address(db_path):
        services = open_services(db_path, exclusive=True)
    else:
        services = open_for_desktop(Path(db_path), first_run_demo=False)
    window = MainWindow(services)
    window.show()
    window.resize(*WINDOW_SIZE)
    app.processEvents()
    return window


def close_window(window: MainWindow) -> None:
    """Let go of the database without the backup a person's close makes (not what is measured)."""
    window.hide()
    window.services.db.close()
    window.deleteLater()
    _app().processEvents()


def _app() -> QApplication:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert isinstance(app, QApplication)  # open_window made it
    return app


def reopen_agreement(window: MainWindow, runs: int) -> list[float]:
    """Seconds for the window to read the agreement list again and show the selected agreement."""
    app = _app()

    def action() -> None:
        window.reload()
        app.processEvents()

    return timed(action, runs)


def first_page_painted(window: MainWindow, tab: int, runs: int, *, timeout: float = 60) -> list[float]:
    """Seconds from selecting the agreement (``window.reload``: the list read again, the agreement
    selected anew, so each page reads it afresh) until the page on show at ``tab`` has painted: every
    item view on it that holds rows has had a paint event (its viewport)."""
    import shiboken6
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QAbstractItemView, QHeaderView

    app = _app()
    window.tabs.setCurrentIndex(tab)
    app.processEvents()
    page = window.tabs.widget(tab)
    assert page is not None, f"no page at tab {tab}"

    class Painted(QObject):
        """Notes which viewports got a paint event."""

        def __init__(self) -> None:
            super().__init__()
            self.painted: set[int] = set()

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint:
                self.painted.add(id(watched))
            return False

    def views() -> list[QAbstractItemView]:
        """The page's item views (not their headers), as they are now (a page may make new ones)."""
        return [v for v in page.findChildren(QAbstractItemView) if not isinstance(v, QHeaderView)]

    times: list[float] = []
    for _ in range(runs + 1):  # the first is a warm-up
        watcher = Painted()
        watched: set[int] = set()
        started = time.perf_counter()
        window.reload()
        while True:
            waiting = []
            for view in views():
                viewport = view.viewport()
                if id(viewport) not in watched:
                    viewport.installEventFilter(watcher)
                    watched.add(id(viewport))
                model = view.model()
                if view.isVisible() and model is not None and model.rowCount() > 0 \
                        and id(viewport) not in watcher.painted:
                    waiting.append(view)
            if not waiting:
                break
            if time.perf_counter() - started > timeout:
                raise RuntimeError(f"{len(waiting)} views of the page did not paint within {timeout} s")
            app.processEvents()
        times.append(time.perf_counter() - started)
        for view in views():
            if shiboken6.isValid(view):
                view.viewport().removeEventFilter(watcher)
        app.processEvents()
    return times[1:]


def select_agreement(window: MainWindow, agreement_id: int, other_id: int | None, runs: int) -> list[float]:
    """Seconds to show ``agreement_id`` after another one was shown (measures, pages, details)."""
    app = _app()

    def action() -> None:
        window.select_agreement(agreement_id)
        app.processEvents()

    def back() -> None:
        if other_id is not None:
            window.select_agreement(other_id)
            app.processEvents()

    back()
    return timed(action, runs, between=back)


def filter_edits(window: MainWindow) -> dict[str, tuple[int, QLineEdit]]:
    """The search fields a person types into, by page: the plan's tree, the follow-up grid and the
    flat list of all measures. Each page is shown first, as it is when someone types there."""
    return {
        "Plan": (window.plan_tab, window.plan_page.search_edit),
        "Uppföljning": (window.followup_tab, window.followup_page.search_edit),
        "Alla åtgärder": (window.measures_tab, window.all_measures_page.search_edit),
    }


def filter_keystrokes(
    window: MainWindow, page: str = "Alla åtgärder", words: Sequence[str] = FILTER_WORDS, passes: int = 3
) -> list[float]:
    """Seconds per keystroke typing each word into ``page``'s search field (and clearing it): for
    each keystroke the median of ``passes`` passes over the same words, so a pause of the machine
    that hits one pass is not counted as that keystroke's cost (a keystroke slow in every pass is)."""
    app = _app()
    tab, edit = filter_edits(window)[page]
    window.tabs.setCurrentIndex(tab)
    app.processEvents()
    runs: list[list[float]] = []
    for _pass in range(passes):
        times = []
        for word in words:
            for end in [*range(1, len(word) + 1), 0]:
                started = time.perf_counter()
                edit.setText(word[:end])
                app.processEvents()
                times.append(time.perf_counter() - started)
        runs.append(times)
    return [statistics.median(each) for each in zip(*runs, strict=True)]


# --- services -------------------------------------------------------------------------------
def synchronous_mode(services: Services) -> str:
    """How a commit reaches the disk (asked of storage, which alone speaks SQLite)."""
    from promises_app.storage.sqlite_file import synchronous_mode as of_database

    return of_database(services.db)


def save_one_field(services: Services, measure_id: int, period: str, runs: int) -> list[float]:
    """Seconds to save one edited field, a follow-up's comment, through the services.

    A follow-up and not the plan: follow-ups may be edited on signed agreements too (the demo's
    are signed), so the same edit is measured on every database.
    """
    from promises_app.domain.enums import FollowUpStatus

    comments = ["Arbetet pågår enligt plan.", "Arbetet pågår; nästa steg är bokat."]
    count = iter(range(10 ** 6))

    def action() -> None:
        services.follow_ups.record(
            measure_id, period=period, status=FollowUpStatus.IN_PROGRESS, comment=comments[next(count) % 2]
        )

    return timed(action, runs, warm_up=2)


def export_json(services: Services, agreement_id: int, runs: int) -> tuple[list[float], str]:
    text = services.exchange.export_json(agreement_id)
    return timed(lambda: services.exchange.export_json(agreement_id), runs, warm_up=0), text


def import_json(text: str, empty_db: Path, work: Path, runs: int) -> list[float]:
    """Seconds to import ``text`` into a fresh copy of the empty database (one per run)."""
    from promises_app.services import open_services

    times = []
    for index in range(runs + 1):
        target = work / f"import-{index}.sqlite"
        _remove_database(target)
        shutil.copyfile(empty_db, target)
        services = open_services(target, create=False)
        try:
            started = time.perf_counter()
            services.exchange.import_json(text, backup=False)
            elapsed = time.perf_counter() - started
        finally:
            services.db.close()
            _remove_database(target)
        if index:  # the first is the warm-up
            times.append(elapsed)
    return times


def _remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal", ".lock"):
        Path(str(path) + suffix).unlink(missing_ok=True)


# --- the spreadsheet LibreOffice converts ---------------------------------------------------
def period_sheet(services: Services, agreement_id: int, period: str, path: Path) -> int:
    """Write the report's rows (each measure in ``period``) as an XLSX with the project's export."""
    from promises_app.reports.spreadsheets import COLUMNS, measure_rows, write_xlsx

    sheet = measure_rows(services, agreement_id)
    at = COLUMNS.index("Period") if "Period" in COLUMNS else None
    rows = tuple(r for r in sheet.rows if at is None or r[at] == period)
    path.write_bytes(write_xlsx(replace(sheet, rows=rows)))
    return len(rows)

"""The program's start: the window and its list first, the pages after the first paint, and the
database's start-up check beside it, with nothing written until the check has passed (P6).

The damaged files are those of tests/storage/test_corruption.py, opened the way the program
opens them (``run_desktop``, the event loop running): the window may show, but no write reaches
the file (same bytes, same mtime, no ``-wal``, no backup of it, no lock left), and the restore
of the newest backup is offered as for a file refused at start.
"""

from __future__ import annotations

import gc
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from promises_app.domain.errors import AppError
from promises_app.services import Services
from promises_app.storage import backups as storage_backups
from promises_app.ui.shell.app import check_result, run_desktop
from promises_app.ui.shell.main_window import MainWindow
from promises_app.ui.shell.settings import AppSettings
from tests.storage._support import DAMAGE, demo_copy, sidecars
from tests.ui.conftest import DEMO_TODAY

ROOT = Path(__file__).resolve().parents[2]
BACKUP_MADE = datetime(2024, 5, 17, 9, 30, 12)
OLD_MTIME_NS = 1_500_000_000_000_000_000
#: A bound on the event loop of one test, so a hang fails the test instead of the run (never a speed check).
HANG_MS = 120_000


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "settings" / "settings.ini"), QSettings.Format.IniFormat))


def test_the_window_shows_its_list_first_and_builds_the_pages_after_the_first_paint(
    qtbot, demo_ui_services: Services, settings: AppSettings, swedish_app  # type: ignore[no-untyped-def]
) -> None:
    window = MainWindow(demo_ui_services, today=lambda: DEMO_TODAY, settings=settings, pages_after_show=True)
    qtbot.addWidget(window)
    assert not window.pages_built() and window.tabs.count() == 0
    assert window.agreement_model.agreements == demo_ui_services.agreement_list.list_agreements()
    assert window.title_label.text() == "Solna – medborgarlöften 2022"  # the selected one, from the list
    assert window.check_label.text() == "Kontrollerar databasen…"

    window.show()
    qtbot.waitUntil(window.pages_built)  # right after the first paint, without anyone asking
    assert window.tabs.count() == 7 and window.tabs.tabText(1) == "Plan"
    window.tabs.setCurrentIndex(window.measures_tab)  # the list of all measures is read when shown
    assert window.all_measures_page.model.total_rows() == 7
    assert "Parter: Solna stad, Lokalpolisområde Solna" in window.details_label.text()
    assert len(window.page_actions) == 7 and all(menu.actions() for menu in window.page_menus)
    assert check_result(demo_ui_services) is None
    qtbot.waitUntil(window.check_label.isHidden)  # the check passed: the status bar says nothing more


def test_before_the_first_paint_no_page_report_or_orm_module_is_loaded(tmp_path: Path, _templates: dict[str, Path]) -> None:
    """What the first window needs, and nothing more: the rest loads after it is on screen."""
    path = tmp_path / "demo.sqlite"
    shutil.copyfile(_templates["demo"], path)
    code = """
import json, sys
from promises_app.ui.shell.app import application, check_result, first_window, install_translators, open_for_desktop
app = application()
install_translators(app)
services = open_for_desktop(sys.argv[1], first_run_demo=False)
window = first_window(services, settings=None)
heavy = ("sqlalchemy.orm", "promises_app.storage.models", "promises_app.ui.plan.plan_page", "promises_app.ui.reports.report_dialog",
         "promises_app.services.exchange", "reportlab", "openpyxl", "pyhanko", "alembic", "PIL")
before = sorted(name for name in heavy if name in sys.modules)
window.show()
window.complete()
after = sorted(name for name in heavy if name in sys.modules)
print(json.dumps({"listed": window.agreement_model.rowCount(), "before": before, "after": after,
                  "check": str(check_result(services))}))
services.db.close()
"""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", code, str(path)], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout.strip().splitlines()[-1])
    assert shown["listed"] == 2 and shown["check"] == "None"
    assert shown["before"] == []
    assert {"sqlalchemy.orm", "promises_app.storage.models", "promises_app.ui.plan.plan_page"} <= set(shown["after"])


def _damaged(templates: dict[str, Path], folder: Path, damage: str) -> tuple[Path, storage_backups.BackupInfo]:
    path = demo_copy(templates, folder / "kommun" / "medborgarloften.sqlite")
    backup = storage_backups.make_backup(path, "daily", now=BACKUP_MADE)
    DAMAGE[damage](path)
    os.utime(path, ns=(OLD_MTIME_NS, OLD_MTIME_NS))
    return path, backup


def _state(path: Path) -> tuple[bytes, int, list[str]]:
    return path.read_bytes(), path.stat().st_mtime_ns, sorted(os.listdir(path.parent))


def _while_running(action: Callable[[], None], delay_ms: int = 0) -> QTimer:
    timer = QTimer()
    timer.setSingleShot(True)
    timer.setInterval(delay_ms)
    timer.timeout.connect(action)
    timer.start()
    return timer


def _windows(path: Path) -> list[MainWindow]:
    """The program's windows on ``path`` (windows of earlier tests may not have been deleted yet)."""
    return [widget for widget in QApplication.topLevelWidgets()
            if isinstance(widget, MainWindow) and widget.services.db.path == path]


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_the_window_on_a_damaged_file_writes_nothing_and_offers_the_restore(
    damage: str, _templates: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, swedish_app  # type: ignore[no-untyped-def]
) -> None:
    path, backup = _damaged(_templates, tmp_path, damage)
    before = _state(path)
    asked: list[str] = []
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _parent, _title, text, *_rest: asked.append(text) or QMessageBox.StandardButton.No)
    for kind in ("warning", "critical"):
        monkeypatch.setattr(QMessageBox, kind, lambda _parent, _title, text, *_rest: told.append(text))
    attempts: list[str] = []

    def try_to_write() -> None:
        """What a person might do the moment the window shows: an edit, then Arkiv → Säkerhetskopiera nu."""
        for window in _windows(path):
            try:
                window.services.register.create_organisation(name="Under kontrollen", kind="other")
                attempts.append("sparad")
            except AppError as error:
                attempts.append(str(error))
            window.backup_action.trigger()

    writer = _while_running(try_to_write)
    hang = _while_running(lambda: QApplication.exit(2), HANG_MS)
    try:
        assert run_desktop(path, first_run_demo=False) == 1  # the restore declined: the program ends
    finally:
        writer.stop()
        hang.stop()
        for window in _windows(path):
            window.deleteLater()

    assert len(asked) == 1 and "skadad" in asked[0] and f"{BACKUP_MADE:%Y-%m-%d %H:%M}" in asked[0]
    # Half a file cannot even list its agreements: refused before a window, as before. The other
    # two show the window, and the edit and the backup were tried while it was open.
    assert (attempts == []) == (damage == "cut-in-half")
    assert all("skadad" in text for text in attempts + told), attempts + told  # every write refused, saying why
    assert _state(path) == before  # same bytes, same mtime, nothing new beside it (no -wal, no lock)
    assert not any(s.exists() for s in sidecars(path))
    assert [b.path for b in storage_backups.list_backups(path)] == [backup.path]  # no backup of the damage


def test_restoring_from_the_offer_keeps_the_damaged_file_and_the_window_works_on(
    _templates: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, swedish_app  # type: ignore[no-untyped-def]
) -> None:
    path, _backup = _damaged(_templates, tmp_path, "random-page")
    damaged_bytes = path.read_bytes()
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda *_args: pytest.fail(f"unexpected warning {_args[2]}"))
    saved: list[str] = []

    def work_on() -> None:
        """Once the window works on the restored file (its check passed), save something and quit."""
        for window in _windows(path):
            aside = list(path.parent.glob(path.name + ".damaged-*"))
            if not aside or window.services.db.startup_check is None or check_result(window.services) is not None:
                continue
            saved.append(window.services.register.create_organisation(name="Efter återställningen", kind="other").name)
            window.close()
            return
        poll.start()

    poll = _while_running(work_on, 50)
    hang = _while_running(lambda: QApplication.exit(2), HANG_MS)
    try:
        assert run_desktop(path, first_run_demo=False) == 0
    finally:
        poll.stop()
        hang.stop()
        for window in _windows(path):
            window.deleteLater()

    assert saved == ["Efter återställningen"]
    aside = list(path.parent.glob(path.name + ".damaged-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == damaged_bytes  # the evidence is kept


def test_collection_paused_for_the_start_up_resumes_once_the_pages_are_built(
    tmp_path: Path, _templates: dict[str, Path], swedish_app  # type: ignore[no-untyped-def]
) -> None:
    """cli.main pauses the garbage collector while the window builds itself; the window turns it
    back on once its pages are built, not only when the program ends."""
    path = tmp_path / "demo.sqlite"
    shutil.copyfile(_templates["demo"], path)
    gc.disable()
    try:
        assert run_desktop(path, first_run_demo=False, smoke=True) == 0
        assert gc.isenabled()
    finally:
        gc.enable()

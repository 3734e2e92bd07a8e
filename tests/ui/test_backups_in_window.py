"""Backups and restore from the window; one writer; a damaged file at start-up."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QDialog

from promises_app.services import open_services
from promises_app.services.backups import backups_of
from promises_app.services.errors import DatabaseInUseError
from promises_app.ui.shell.main_window import MainWindow
from promises_app.ui.shell.restore_dialog import RestoreDialog
from tests.storage._support import helsingborg_document
from tests.ui.conftest import DEMO_TODAY

ROOT = Path(__file__).resolve().parents[2]


def _window(qtbot, services) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(services, today=lambda: DEMO_TODAY)
    qtbot.addWidget(window)
    window.show()
    return window


def test_back_up_now_from_the_file_menu(qtbot, tmp_path, swedish_app):
    path = tmp_path / "db.sqlite"
    services = open_services(path, exclusive=True)
    services.maintenance.load_demo()
    window = _window(qtbot, services)
    assert window.backup_action.text() == "&Säkerhetskopiera nu"
    window.backup_action.trigger()
    made = backups_of(path)
    assert len(made) == 1 and made[0].reason == "manual" and made[0].agreements == 3
    assert "Säkerhetskopia gjord och kontrollerad" in window.statusBar().currentMessage()


def test_restore_from_the_window_undoes_a_mistaken_import(qtbot, tmp_path, swedish_app, monkeypatch):
    path = tmp_path / "db.sqlite"
    services = open_services(path, exclusive=True)
    services.maintenance.load_demo()
    good = services.backups.backup_now()
    services.exchange.import_document(helsingborg_document("Helsingborg, inläst av misstag"), backup=False)
    window = _window(qtbot, services)
    assert window.agreement_model.rowCount() == 3

    monkeypatch.setattr(RestoreDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(RestoreDialog, "chosen", lambda self: good.path)
    window.restore_action.trigger()

    assert window.agreement_model.rowCount() == 2  # the signed mistake is gone with the restore
    reasons = [b.reason for b in backups_of(path)]
    assert "restore" in reasons  # the state before the restore was kept
    assert window.services.db.lock is not None and window.services.db.lock.held


def test_closing_the_window_backs_up_and_lets_go_of_the_database(qtbot, tmp_path, swedish_app):
    path = tmp_path / "db.sqlite"
    services = open_services(path, exclusive=True)
    services.maintenance.load_demo()
    window = _window(qtbot, services)
    try:
        open_services(path, exclusive=True)
        raise AssertionError("a second writer must be refused while the window is open")
    except DatabaseInUseError as error:
        assert f"process {os.getpid()}" in str(error)
    window.close()
    assert [b.reason for b in backups_of(path)] == ["close"]
    again = open_services(path, exclusive=True)  # the lock was released
    again.db.close()


def test_a_second_copy_of_the_program_is_refused_naming_who_has_the_database(tmp_path):
    path = tmp_path / "db.sqlite"
    services = open_services(path, exclusive=True)
    try:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        result = subprocess.run(
            [sys.executable, "-m", "promises_app", "--db", str(path), "--smoke"],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
        )
    finally:
        services.db.close()
    assert result.returncode == 1
    assert "används redan av" in result.stderr and f"process {os.getpid()}" in result.stderr


def test_a_damaged_database_is_refused_at_start_naming_the_newest_backup(tmp_path):
    path = tmp_path / "db.sqlite"
    services = open_services(path)
    services.maintenance.load_demo()
    backup = services.backups.backup_now()
    services.db.close()
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    for offset in range(2 * page_size, len(data), page_size):  # scribble over every page but the first two
        data[offset + 8 : offset + 64] = os.urandom(56)
    path.write_bytes(bytes(data))
    damaged = path.read_bytes()

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-m", "promises_app", "--db", str(path), "--smoke"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 1
    assert "är skadad" in result.stderr
    assert f"{backup.made:%Y-%m-%d %H:%M}" in result.stderr
    assert path.read_bytes() == damaged  # nothing written, no silent new database


def test_an_unsafe_location_is_pointed_out_when_the_window_opens(tmp_path, monkeypatch, capsys, swedish_app):
    import promises_app.storage.database as database_module
    from promises_app.storage.location_safety import LocationAssessment, LocationKind
    from promises_app.ui.shell.app import run_desktop

    reason = f"Databasen ligger i en molnsynkad mapp (OneDrive): {tmp_path}."
    monkeypatch.setattr(
        database_module, "assess_location", lambda path: LocationAssessment(LocationKind.CLOUD_SYNC, reason)
    )
    path = tmp_path / "db.sqlite"
    services = open_services(path)
    services.maintenance.load_demo()
    services.db.close()
    assert run_desktop(path, first_run_demo=False, smoke=True) == 0
    assert f"varning: {reason}" in capsys.readouterr().err

"""The database-file manager on its own (ui/shell/database_files.py), under a bare QMainWindow: a switch
lets the window finish its work while the old file is still open, then backs it up, closes it and
says once that the services changed; a file that cannot be opened changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow, QMessageBox

from promises_app.services import Services, open_services
from promises_app.services.backups import backups_of
from promises_app.services.errors import DatabaseInUseError
from promises_app.ui.shell.database_files import DatabaseFiles
from promises_app.ui.shell.settings import AppSettings


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "settings" / "settings.ini"), QSettings.Format.IniFormat))


class Seen:
    """What the window would have been told, in order."""

    def __init__(self) -> None:
        self.events: list[str] = []
        self.services: list[Services] = []


def _files(qtbot, path: Path, settings: AppSettings, seen: Seen) -> tuple[DatabaseFiles, Services, QMainWindow]:  # type: ignore[no-untyped-def]
    window = QMainWindow()
    qtbot.addWidget(window)
    services = open_services(path, exclusive=True)
    services.maintenance.load_demo()

    def before_closing() -> None:
        # The old file is still open and still ours: a last read works, nothing backed up yet.
        held = services.db.lock is not None and services.db.lock.held
        agreements = len(services.agreements.list_agreements())
        seen.events.append(f"before_closing held={held} agreements={agreements} backups={len(backups_of(path))}")

    files = DatabaseFiles(window, services, settings, before_closing=before_closing)
    files.services_changed.connect(lambda new: (seen.events.append("services_changed"), seen.services.append(new)))
    return files, services, window


def test_a_switch_finishes_the_work_first_then_closes_the_old_file_and_says_so_once(qtbot, tmp_path, settings):  # type: ignore[no-untyped-def]
    first, second = tmp_path / "forsta.sqlite", tmp_path / "andra.sqlite"
    open_services(second).db.close()  # an empty database
    seen = Seen()
    files, _old, window = _files(qtbot, first, settings, seen)
    files.remember()

    assert files.open_database(second)

    assert seen.events == ["before_closing held=True agreements=3 backups=0", "services_changed"]
    assert seen.services == [files.services] and files.services.db.path == second
    assert files.services.db.lock is not None and files.services.db.lock.held
    assert [b.reason for b in backups_of(first)] == ["close"]
    open_services(first, exclusive=True).db.close()  # the old lock was released
    assert str(second) in window.statusBar().currentMessage()
    assert settings.recent_files()[:2] == [second.resolve(), first.resolve()]
    assert settings.last_database() == second.resolve()

    files.close()  # as the window closes: the file it ended in is backed up and let go of
    assert [b.reason for b in backups_of(second)] == ["close"]
    open_services(second, exclusive=True).db.close()


def test_a_file_that_cannot_be_opened_leaves_everything_as_it_was(qtbot, tmp_path, settings, monkeypatch):  # type: ignore[no-untyped-def]
    first, foreign = tmp_path / "forsta.sqlite", tmp_path / "inte-var.sqlite"
    foreign.write_bytes(b"%PDF-1.7\n" + b"x" * 200)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: told.append(text))
    seen = Seen()
    files, old, _window = _files(qtbot, first, settings, seen)

    assert not files.open_database(foreign)

    assert seen.events == [] and files.services is old
    assert len(told) == 1 and str(foreign) in told[0] and str(first) in told[0]
    with pytest.raises(DatabaseInUseError):  # still ours
        open_services(first, exclusive=True)
    assert backups_of(first) == []
    files.close()

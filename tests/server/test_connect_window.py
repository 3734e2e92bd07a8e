"""The window on a shared database (ui/shell/database_files.py, ui/shell/connect_dialog.py): Arkiv →
Anslut till delad databas…, the recent-files entry that reopens it, the title and status bar
naming it, backups left to the server, and a password asked for and kept nowhere."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import logging
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox, QWidget

from promises_app.services import open_services
from promises_app.ui.shell.connect_dialog import ConnectDialog, PasswordDialog
from promises_app.ui.shell.main_window import MainWindow
from promises_app.ui.shell.settings import AppSettings
from tests.pg_passwords import PASSWORD, password_role
from tests.pg_server import PgServer
from tests.ui.conftest import DEMO_TODAY

Answer = Callable[[QWidget], None]


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "settings" / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def demo_url(pg_server: PgServer, _pg_templates: dict[str, str]) -> Iterator[str]:
    name = pg_server.new_name("window")
    url = pg_server.create_database(name, template=_pg_templates["demo"])
    try:
        yield url
    finally:
        pg_server.drop_database(name)


@pytest.fixture
def window(qtbot, tmp_path: Path, settings: AppSettings, _templates: dict[str, Path]) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    """The window on a file (the demo, copied), as a person has it before connecting."""
    path = tmp_path / "lokal.sqlite"
    shutil.copyfile(_templates["demo"], path)
    shown = MainWindow(open_services(path, exclusive=True), today=lambda: DEMO_TODAY, settings=settings)
    qtbot.addWidget(shown)
    shown.show()
    yield shown
    shown.close()


class DialogAnswers:
    """Answers the modal dialogs the next action opens, in order, each once (as a person would)."""

    def __init__(self, answers: list[Answer]) -> None:
        self.answers = answers
        self._handled: list[QWidget] = []
        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._look)
        self._timer.start()

    def done(self) -> bool:
        """Every answer given."""
        return not self.answers

    def _look(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog in self._handled or not self.answers:
            return
        self._handled.append(dialog)
        self.answers.pop(0)(dialog)
        if not self.answers:
            self._timer.stop()


def fill_connect(host: str, database: str, user: str, tls: str) -> Answer:
    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, ConnectDialog)
        dialog.host_edit.setText(host)
        dialog.database_edit.setText(database)
        dialog.user_edit.setText(user)
        dialog.tls_combo.setCurrentIndex(dialog.tls_combo.findData(tls))
        assert dialog.connect_button.isEnabled()
        dialog.connect_button.click()
    return answer


def type_password(password: str, seen: list[str]) -> Answer:
    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, PasswordDialog)
        seen.append(" ".join(label.text() for label in dialog.findChildren(QLabel)))
        dialog.password_edit.setText(password)
        dialog.accept()
    return answer


def _database(url: str) -> str:
    return url.split("@/", 1)[1].split("?", 1)[0]


def _socket(url: str) -> str:
    return url.split("host=", 1)[1]


def test_connect_through_the_dialog_then_back_from_recent_files(
    qtbot, window: MainWindow, settings: AppSettings, demo_url: str  # type: ignore[no-untyped-def]
) -> None:
    local = window.services.db.path
    assert local is not None
    answers = DialogAnswers([fill_connect(_socket(demo_url), _database(demo_url), "promises_owner", "prefer")])
    window.connect_action.trigger()
    assert answers.done()

    address = window.services.db.shared_address
    assert address is not None and address.startswith("postgresql://promises_owner@/" + _database(demo_url))
    assert "sslmode=prefer" in address
    assert window.windowTitle() == f"Medborgarlöften – {window.services.db.address}"
    assert window.services.db.address in window.statusBar().currentMessage()
    assert window.agreement_model.rowCount() == 2  # the demo's agreements, read from the server
    assert not window.backup_action.isEnabled() and not window.restore_action.isEnabled()
    assert "docs/shared-database.md" in window.backup_action.toolTip()
    assert "pg_dump" in window.restore_action.statusTip()
    assert settings.recent_databases()[:2] == [address, local.resolve()]

    # back to the file through the recent files, then to the server again the same way
    window.database_files.recent_file_actions()[1].trigger()
    assert window.services.db.path == local.resolve() and window.services.db.shared_address is None
    assert window.windowTitle() == "Medborgarlöften" and window.backup_action.isEnabled()
    entry = next(a for a in window.database_files.recent_file_actions() if a.data() == address)
    entry.trigger()
    assert window.services.db.shared_address == address
    assert window.agreement_model.rowCount() == 2


def test_backup_and_restore_on_a_shared_database_point_to_the_servers_backups(
    qtbot, window: MainWindow, demo_url: str, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: told.append(text))
    assert window.database_files.connect_to_server(demo_url)
    window.database_files.backup_now()  # e.g. from a shortcut: no backup, the reason instead
    window.database_files.choose_and_restore()
    assert len(told) == 2 and all("pg_dump" in text and "docs/shared-database.md" in text for text in told)


def test_a_refused_connection_leaves_the_window_where_it_was(
    qtbot, window: MainWindow, pg_url: str, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: told.append(text))
    local = window.services.db.path
    answers = DialogAnswers([fill_connect(_socket(pg_url), _database(pg_url), "promises_owner", "verify-full")])
    window.connect_action.trigger()
    assert answers.done()
    assert window.services.db.path == local and window.agreement_model.rowCount() == 2
    assert len(told) == 1 and "sslmode=verify-full" in told[0] and "inte krypterad" in told[0]


def test_a_password_is_asked_for_and_kept_nowhere(
    qtbot, window: MainWindow, settings: AppSettings, pg_server: PgServer, demo_url: str, tmp_path: Path,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    role = password_role(pg_server)
    guarded = demo_url.replace("promises_owner@", f"{role}@")
    asked: list[str] = []
    answers = DialogAnswers([type_password("fel-lösen", asked), type_password(PASSWORD, asked)])
    assert window.database_files.connect_to_server(guarded)
    assert answers.done()
    assert window.services.db.shared_address is not None and window.agreement_model.rowCount() == 2
    assert "kräver ett lösenord" in asked[0] or "asks for a password" in asked[0]
    assert "lösenordet" in asked[1] or "did not accept" in asked[1]

    window.close()  # the settings are written as the window closes
    settings.sync()
    stored = Path(settings.path).read_text(encoding="utf-8")
    assert role in stored and "postgresql" in stored
    assert PASSWORD not in stored and "fel-l" not in stored
    assert PASSWORD not in caplog.text

    # Reopened from the recent files, it asks again: nothing kept the password.
    again = MainWindow(open_services(tmp_path / "lokal.sqlite", exclusive=True), today=lambda: DEMO_TODAY,
                       settings=settings)
    qtbot.addWidget(again)
    entry = next(a for a in again.database_files.recent_file_actions() if role in str(a.data()))
    cancelled: list[QDialog] = []
    answers = DialogAnswers([lambda dialog: (cancelled.append(dialog), dialog.reject())])  # type: ignore[arg-type, func-returns-value]
    entry.trigger()
    assert answers.done() and isinstance(cancelled[0], PasswordDialog)
    assert again.services.db.shared_address is None  # cancelled: still on the file
    again.close()


def test_a_password_written_in_the_address_is_used_but_not_remembered(
    qtbot, window: MainWindow, settings: AppSettings, pg_server: PgServer, demo_url: str, tmp_path: Path,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))
    role = password_role(pg_server)
    pasted = demo_url.replace("promises_owner@", f"{role}:{PASSWORD}@")

    def paste(dialog: QWidget) -> None:
        assert isinstance(dialog, ConnectDialog)
        dialog.url_edit.setText(pasted)
        assert not dialog.host_edit.isEnabled() and dialog.connect_button.isEnabled()
        dialog.connect_button.click()

    answers = DialogAnswers([paste])
    window.connect_action.trigger()
    assert answers.done() and window.services.db.shared_address is not None
    assert PASSWORD not in window.windowTitle() + window.statusBar().currentMessage()
    settings.sync()
    stored = Path(settings.path).read_text(encoding="utf-8")
    assert f"{role}@" in stored and PASSWORD not in stored


def test_the_window_starts_on_a_shared_database_given_with_db(demo_url: str, tmp_path: Path) -> None:
    """`promises-app --db postgresql://…` opens the window on the server (--smoke quits at once),
    and makes no backup of it on closing (the server's job)."""
    data = tmp_path / "data"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MEDBORGARLOFTEN_DATA_DIR=str(data))
    result = subprocess.run(
        [sys.executable, "-m", "promises_app", "--db", demo_url, "--smoke"],
        cwd=Path(__file__).resolve().parents[2], env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Solna – medborgarlöften 2022" in result.stdout
    assert "Åtgärder i vald överenskommelse: 7" in result.stdout
    assert not list(data.rglob("*.sqlite"))  # neither a default database nor a backup was made

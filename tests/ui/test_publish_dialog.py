"""Rapporter → Publicera för medborgarna…: the dialog, the background work and the folder it writes.

Driven as a person would (the menu, typing, clicks); only the system's folder dialog and the
file manager that "Öppna mappen" starts are stood in for, since they leave the program.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from promises_app.ui.reports.publish_dialog import PublishDialog
from promises_app.ui.shell.main_window import MainWindow
from tests.ui.conftest import DEMO_TODAY

SOLNA_PROMISE = "Solna – medborgarlöften 2022"
LEFT = Qt.MouseButton.LeftButton
FILES = {"index.html", "uppfoljning-2022-T2.pdf", "data.csv", "data.json", "schema.json"}


@pytest.fixture
def window(qtbot, demo_ui_services, swedish_app):  # type: ignore[no-untyped-def]
    shown = MainWindow(demo_ui_services, today=lambda: DEMO_TODAY)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    assert shown.title_label.text() == SOLNA_PROMISE
    yield shown
    shown.report_runner.cancel()
    shown.report_runner.wait_for_background_work()


@pytest.fixture
def dialog(qtbot, window) -> PublishDialog:  # type: ignore[no-untyped-def]
    window.publish_action.trigger()
    opened = window.publish_dialog
    assert isinstance(opened, PublishDialog) and opened.isVisible()
    qtbot.waitExposed(opened)
    return opened


def test_the_menu_offers_publishing_in_swedish(window) -> None:  # type: ignore[no-untyped-def]
    reports = next(a.menu() for a in window.menuBar().actions() if a.menu() and window.publish_action in a.menu().actions())
    assert window.publish_action.text() == "&Publicera för medborgarna…"
    assert window.publish_action in window.report_actions and window.publish_action.isEnabled()
    assert reports.title() == "Ra&pporter"


def test_publish_writes_the_folder_and_offers_to_open_it(qtbot, dialog, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    assert dialog.windowTitle() == "Publicera för medborgarna"
    assert dialog.period_label() == "2022-T2", "the tertial ended last before 1 September 2022"
    assert not dialog.publish_button.isEnabled(), "no folder yet"
    target = tmp_path / "webbplats" / "medborgarloften"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(target))
    qtbot.mouseClick(dialog.choose_button, LEFT)
    assert dialog.folder_edit.text() == str(target)
    qtbot.keyClicks(dialog.next_steps_edit, "Två trygghetsvandringar återstår.")
    dialog.grab().save(str(tmp_path / "publish-dialog.png"))
    assert dialog.publish_button.isEnabled()

    qtbot.mouseClick(dialog.publish_button, LEFT)
    qtbot.waitUntil(lambda: dialog.published is not None, timeout=60_000)
    assert {p.name for p in target.iterdir()} == FILES
    page = (target / "index.html").read_text(encoding="utf-8")
    assert "Så går det med medborgarlöftena" in page and "Två trygghetsvandringar återstår." in page
    assert json.loads((target / "data.json").read_text(encoding="utf-8"))["period"]["label"] == "2022-T2"
    assert dialog.done_label.isVisible() and "Publicerade 7 åtgärder" in dialog.done_label.text()
    assert dialog.open_button.isEnabled()
    dialog.grab().save(str(tmp_path / "publish-dialog-done.png"))

    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    qtbot.mouseClick(dialog.open_button, LEFT)
    assert [url.toLocalFile() for url in opened] == [str(target)]


def test_the_backup_folder_is_refused_in_the_dialog(qtbot, dialog, window) -> None:  # type: ignore[no-untyped-def]
    backups = Path(str(window.services.db.path) + "-backups") / "webb"
    qtbot.keyClicks(dialog.folder_edit, str(backups))
    qtbot.mouseClick(dialog.publish_button, LEFT)
    assert dialog.error_label.isVisible() and "säkerhetskopior" in dialog.error_label.text()
    assert not window.report_runner.busy() and not backups.exists()


def test_a_report_date_that_is_no_date_is_said_under_it(qtbot, dialog, tmp_path) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(dialog.folder_edit, str(tmp_path / "webb"))
    dialog.date_edit.line_edit.clear()
    qtbot.keyClicks(dialog.date_edit.line_edit, "31 februari")
    qtbot.mouseClick(dialog.publish_button, LEFT)
    assert dialog.date_error.isVisible() and dialog.date_error.text()
    assert not (tmp_path / "webb").exists()


def test_a_failure_while_writing_is_named_in_the_dialog(qtbot, dialog, tmp_path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "skrivskyddad"
    folder.mkdir()
    (folder / "index.html").write_text("gammal", encoding="utf-8")
    (folder / "index.html").chmod(0o444)  # a read-only page is not replaced
    qtbot.keyClicks(dialog.folder_edit, str(folder))
    qtbot.mouseClick(dialog.publish_button, LEFT)
    assert dialog.error_label.isVisible() and "skrivskyddad" in dialog.error_label.text()
    assert (folder / "index.html").read_text(encoding="utf-8") == "gammal"

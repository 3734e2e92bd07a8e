"""The window under the attacks of issue 12 point 9: a read-only database, a huge or endless
import file, a signing date of 1900-01-01.

Driven as a person would (menus, buttons, keys); only the system's file dialogs and blocking
message boxes are replaced. The read-only database is a real read-only bind mount (root is not
stopped by file permissions; see tests/read_only_support.py).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from promises_app.domain.validation import shown_path
from promises_app.paths import resource
from promises_app.storage.lock import lock_path
from promises_app.ui.shell.app import open_for_desktop
from promises_app.ui.shell.main_window import MainWindow
from promises_app.ui.shell.settings import AppSettings
from tests.read_only_support import listing, read_only_view
from tests.ui.conftest import DEMO_TODAY

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "settings" / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *_a, **_k: shown.append(text))
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    return shown


def _show(qtbot, window: MainWindow) -> MainWindow:  # type: ignore[no-untyped-def]
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


# --- a read-only database opens for viewing ---------------------------------------------------------


def test_a_database_on_a_read_only_drive_opens_for_viewing_and_writes_nothing(
    qtbot, swedish_app, tmp_path: Path, _templates: dict[str, Path], settings: AppSettings, warnings: list[str]  # type: ignore[no-untyped-def]
) -> None:
    folder = tmp_path / "delad"
    folder.mkdir()
    shutil.copyfile(_templates["demo"], folder / "demo.sqlite")
    before = listing(folder)
    with read_only_view(folder) as view:
        path = view / "demo.sqlite"
        services = open_for_desktop(path, first_run_demo=False)  # before: "attempt to write a readonly database"
        window = _show(qtbot, MainWindow(services, today=lambda: DEMO_TODAY, settings=settings))

        assert window.windowTitle() == "Medborgarlöften (skrivskyddad)"
        assert window.read_only_label.isVisible()
        assert window.read_only_label.text() == f"Skrivskyddad: mappen {shown_path(view)} är skrivskyddad " \
                                                "(där kan inga logg- eller låsfiler skapas)"
        assert window.agreement_model.rowCount() == 2
        window.tabs.setCurrentIndex(window.measures_tab)  # the list of all measures is read when shown
        assert window.all_measures_page.proxy.rowCount() == 7  # everything shows
        for action in (window.import_json_action, window.backup_action, window.restore_action,
                       window.new_agreement_action, window.carry_over_action):
            assert not action.isEnabled(), action.text()

        # The pages' edits are greyed out (ui/common/write_access.py); one started anyway (a key the
        # page handles itself) is refused by the services, naming the folder that blocks.
        tab_bar = window.tabs.tabBar()
        qtbot.mouseClick(tab_bar, LEFT, pos=tab_bar.tabRect(window.versions_tab).center())
        assert not window.versions_page.new_revision_button.isEnabled()
        assert "Databasen är öppnad skrivskyddad." in window.versions_page.new_revision_action.toolTip()
        window.versions_page.start_new_revision()
        assert len(warnings) == 1, warnings
        assert f"mappen {shown_path(view)} är skrivskyddad" in warnings[0]
        assert "inget som sparats tidigare har gått förlorat" in warnings[0]
        assert window.undo_stack.count() == 0

        window.close()  # no backup on close, no lock to remove
        assert len(warnings) == 1, warnings
        assert listing(view) == before
        assert not lock_path(path).exists()
    assert listing(folder) == before
    assert not (tmp_path / "delad-backups").exists()


def test_opening_a_read_only_database_from_the_menu_says_so_and_a_writable_one_is_editable_again(
    qtbot, swedish_app, tmp_path: Path, _templates: dict[str, Path], settings: AppSettings,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch, warnings: list[str],
) -> None:
    writable = tmp_path / "skrivbar.sqlite"
    shutil.copyfile(_templates["demo"], writable)
    window = _show(qtbot, MainWindow(open_for_desktop(writable, first_run_demo=False), settings=settings))
    assert window.windowTitle() == "Medborgarlöften" and not window.read_only_label.isVisible()
    folder = tmp_path / "arkiv"
    folder.mkdir()
    shutil.copyfile(_templates["demo"], folder / "arkiv.sqlite")
    with read_only_view(folder) as view:
        monkeypatch.setattr(QFileDialog, "getOpenFileName",
                            lambda *a, **k: (str(view / "arkiv.sqlite"), ""))
        window.open_database_action.trigger()
        assert window.services.db.path == view / "arkiv.sqlite"
        assert window.windowTitle() == "Medborgarlöften (skrivskyddad)"
        assert not window.import_json_action.isEnabled()
        assert window.database_files.open_database(writable)
        assert window.windowTitle() == "Medborgarlöften" and window.import_json_action.isEnabled()
        assert not window.read_only_label.isVisible()
    assert warnings == []
    window.close()


# --- the import reads at most its limit --------------------------------------------------------------


def _import_message(qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, chosen: Path) -> str:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(chosen), ""))
    assert window.exchange.import_json() == []
    boxes = [w for w in window.findChildren(QMessageBox) if w.isVisible()]
    assert len(boxes) == 1
    text = f"{boxes[0].text()}\n{boxes[0].detailedText()}"
    boxes[0].close()
    return text


def test_the_window_import_refuses_dev_zero_and_a_huge_file_at_once(
    qtbot, swedish_app, demo_ui_services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    window = _show(qtbot, MainWindow(demo_ui_services, today=lambda: DEMO_TODAY))
    before = window.agreement_model.agreements
    if Path("/dev/zero").exists():
        assert "/dev/zero är för stor för att importeras (högst 20 MB). Dela upp filen" in _import_message(
            qtbot, window, monkeypatch, Path("/dev/zero"))
    huge = tmp_path / "stor.json"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    assert "stor.json är för stor för att importeras (50,0 MB; högst 20 MB)" in _import_message(
        qtbot, window, monkeypatch, huge)
    assert window.services.agreements.list_agreements() == before


def test_the_window_import_shows_swedish_problems_quoted_short(
    qtbot, swedish_app, demo_ui_services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    window = _show(qtbot, MainWindow(demo_ui_services, today=lambda: DEMO_TODAY))
    document = json.loads(resource("demo", "solna-2022.json").read_text(encoding="utf-8"))
    document["agreement"]["documents"][0]["signing_date"] = "x" * (10 * 1024 * 1024)
    text = json.dumps(document, ensure_ascii=False)
    text = text.replace('"revision": 1,', '"revision": 1, "revision": 99999999999999999999999,', 1)
    bad = tmp_path / "angrepp.json"
    bad.write_text(text, encoding="utf-8")
    message = _import_message(qtbot, window, monkeypatch, bad)
    assert "$.agreement: fältet 'revision' står flera gånger i samma objekt" in message
    assert "$.agreement.revision: talet 99999999999999999999999 är för stort" in message
    assert len(message) < 2000, len(message)


# --- the signing date ---------------------------------------------------------------------------------


def test_the_sign_off_dialog_refuses_1900_at_the_date_field(
    qtbot, swedish_app, demo_ui_services, warnings: list[str]  # type: ignore[no-untyped-def]
) -> None:
    window = _show(qtbot, MainWindow(demo_ui_services, today=lambda: DEMO_TODAY))
    tab_bar = window.tabs.tabBar()
    qtbot.mouseClick(tab_bar, LEFT, pos=tab_bar.tabRect(window.versions_tab).center())
    page = window.versions_page
    qtbot.mouseClick(page.new_revision_button, LEFT)
    agreement_id = window.current_agreement_id()
    before = window.services.signoff.list_revisions(agreement_id)
    qtbot.mouseClick(page.sign_button, LEFT)
    dialog = page.signoff_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.date_edit.line_edit.clear()
    qtbot.keyClicks(dialog.date_edit.line_edit, "1900-01-01")
    qtbot.mouseClick(dialog.sign_button, LEFT)

    error = dialog.field_errors["signed_on"]
    assert error.isVisible()
    assert error.text().startswith("Datum för undertecknande (1900-01-01) är för tidigt")
    assert dialog.isVisible() and dialog.date_edit.text() == "1900-01-01"
    assert window.services.signoff.list_revisions(agreement_id) == before
    dialog.close()
    assert warnings == []

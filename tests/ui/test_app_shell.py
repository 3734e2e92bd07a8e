"""The application shell: database files from the File menu, settings, the error dialog, the hook."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox

from promises_app import __version__, logging_setup
from promises_app.services import open_services
from promises_app.services.errors import DatabaseInUseError
from promises_app.ui.common import error_dialog as error_dialog_module
from promises_app.ui.common.error_dialog import ErrorDialog, error_details, unexpected_message
from promises_app.ui.shell.app import ExceptionHook, install_excepthook, install_translators, start_database
from promises_app.ui.shell.main_window import MainWindow
from promises_app.ui.shell.settings import MAX_RECENT_FILES, AppSettings
from promises_app.ui.shell.settings_dialog import SettingsDialog
from tests.ui.conftest import DEMO_TODAY

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "settings" / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def demo_path(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "demo.sqlite"
    services = open_services(path)
    services.maintenance.load_demo()
    services.db.close()
    yield path


def _window(qtbot, path: Path, settings: AppSettings) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(open_services(path, exclusive=True), today=lambda: DEMO_TODAY, settings=settings)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # so its shortcuts work
    return window


def _files(tmp_path: Path, count: int) -> list[Path]:
    made = []
    for number in range(count):
        path = tmp_path / f"db{number}.sqlite"
        path.write_bytes(b"")
        made.append(path)
    return made


# --- settings without a window -------------------------------------------------------------
def test_recent_files_newest_first_once_each_at_most_eight_and_only_existing(tmp_path, settings):
    files = _files(tmp_path, 10)
    for path in files:
        settings.add_recent_file(path)
    assert settings.recent_files() == list(reversed(files))[:MAX_RECENT_FILES]

    settings.add_recent_file(tmp_path / "sub" / ".." / "db5.sqlite")  # the same file, spelt otherwise
    recent = settings.recent_files()
    assert recent[0] == files[5] and recent.count(files[5]) == 1 and len(recent) == MAX_RECENT_FILES

    files[9].unlink()
    assert files[9] not in settings.recent_files()
    again = AppSettings(QSettings(settings.path.as_posix(), QSettings.Format.IniFormat))  # read back from the file
    settings.sync()
    assert again.recent_files() == settings.recent_files()

    settings.remove_recent_file(files[5])
    assert files[5] not in settings.recent_files()
    settings.clear_recent_files()
    assert settings.recent_files() == []


def test_the_last_database_is_opened_at_start_when_it_still_exists(tmp_path, settings):
    default = tmp_path / "default.sqlite"
    last = tmp_path / "last.sqlite"
    assert start_database(default, first_run_demo=True, settings=settings) == (default, True)
    last.write_bytes(b"")
    settings.set_last_database(last)
    assert start_database(default, first_run_demo=True, settings=settings) == (last.resolve(), False)
    given = tmp_path / "given.sqlite"  # --db given: that one, always
    assert start_database(given, first_run_demo=False, settings=settings) == (given, False)
    last.unlink()
    assert start_database(default, first_run_demo=True, settings=settings) == (default, True)


def test_the_program_starts_on_the_last_database_and_logs_it(demo_path, _private_data_dir, capsys, swedish_app):
    from promises_app.storage.locations import default_database_path
    from promises_app.ui.shell.app import run_desktop

    remembered = AppSettings.in_folder()  # the settings file in the (test's own) data folder
    assert remembered.path == _private_data_dir / "settings.ini"
    remembered.set_last_database(demo_path)
    remembered.sync()
    default = default_database_path()

    assert run_desktop(default, first_run_demo=True, smoke=True) == 0
    assert "Solna – medborgarlöften 2022" in capsys.readouterr().out
    assert not default.exists()  # not the default database, and no demo loaded into one
    log = (_private_data_dir / "logs" / "medborgarloften.log").read_text(encoding="utf-8")
    assert f"startar med databasen {demo_path.resolve()}" in log
    assert logging_setup.current_log_file() is None  # the handler was taken down at the end


def test_the_language_is_chosen_in_the_settings_dialog_and_stored(qtbot, settings, swedish_app):
    assert settings.language() == "sv"
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.language_combo.currentText() == "Svenska"
    assert not dialog.language_changed()
    dialog.language_combo.setFocus()
    qtbot.keyClick(dialog.language_combo, Qt.Key.Key_Down)  # Svenska → English
    assert dialog.chosen_language() == "en" and dialog.language_changed()
    assert "English" in dialog.language_note.text()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert settings.language() == "en"
    again = AppSettings(QSettings(settings.path.as_posix(), QSettings.Format.IniFormat))
    assert again.language() == "en"
    settings.qsettings.setValue("general/language", "klingon")  # a wrong stored value reads as the default
    assert settings.language() == "sv"


def test_swedish_puts_qts_own_words_and_the_locale_in_swedish(qapp):
    translators = install_translators(qapp, "sv")
    try:
        assert len(translators) == 2  # ours and Qt's qtbase_sv
        assert QLocale().name() == "sv_SE"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Avbryt"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


# --- the window ----------------------------------------------------------------------------
def test_geometry_and_splitter_are_saved_on_close_and_restored(qtbot, demo_path, settings):
    # The offscreen screen (800 × 800) is narrower than the window's smallest size: Qt fits a
    # restored window to the screen and the list then gets only what the pages leave. So the
    # window's state (maximised or not) shows the geometry, and the list's width is checked
    # with the window at its first size.
    window = _window(qtbot, demo_path, settings)
    assert not window.isMaximized()
    window.splitter.setSizes([150, window.splitter.width() - 150])
    assert window.splitter.sizes()[0] == 150
    window.showMaximized()
    window.close()
    assert settings.geometry() is not None and settings.window_state() is not None
    assert settings.splitter_state() is not None

    again = _window(qtbot, demo_path, settings)
    assert again.isMaximized()
    again.showNormal()
    again.close()
    third = _window(qtbot, demo_path, settings)
    assert not third.isMaximized()
    third.close()

    settings.qsettings.remove("window/geometry")
    fourth = _window(qtbot, demo_path, settings)
    assert fourth.splitter.sizes()[0] == 150  # the agreement list as wide as it was left
    fourth.close()


def test_opening_a_second_database_from_the_file_menu(qtbot, tmp_path, demo_path, settings, monkeypatch):
    second = tmp_path / "second.sqlite"
    other = open_services(second)
    other.db.close()  # an empty database
    window = _window(qtbot, demo_path, settings)
    assert window.agreement_model.rowCount() == 2

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(second), ""))
    qtbot.keyClick(window, Qt.Key.Key_O, CTRL)

    assert window.services.db.path == second
    assert window.agreement_model.rowCount() == 0
    assert window.title_label.text() == QCoreApplication.translate("MainWindow", "No agreements yet")
    assert str(second) in window.statusBar().currentMessage()
    assert window.services.db.lock is not None and window.services.db.lock.held
    first_again = open_services(demo_path, exclusive=True)  # the first was let go of, lock and all
    first_again.db.close()
    assert settings.recent_files()[:2] == [second.resolve(), demo_path.resolve()]
    assert settings.last_database() == second.resolve()
    recent = [Path(action.data()) for action in window.database_files.recent_file_actions()]
    assert recent[:2] == [second.resolve(), demo_path.resolve()]

    # and back through "Senaste filer"
    window.database_files.recent_file_actions()[1].trigger()
    assert window.services.db.path == demo_path.resolve()
    assert window.agreement_model.rowCount() == 2
    window.close()


def test_a_file_that_cannot_be_opened_is_explained_and_the_window_stays(
    qtbot, tmp_path, demo_path, settings, monkeypatch
):
    foreign = tmp_path / "not-ours.sqlite"
    foreign.write_bytes(b"%PDF-1.7\n" + b"x" * 200)
    window = _window(qtbot, demo_path, settings)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: told.append(text))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(foreign), ""))
    window.open_database_action.trigger()

    assert len(told) == 1 and str(foreign) in told[0] and str(demo_path) in told[0]
    assert window.services.db.path == demo_path
    assert window.agreement_model.rowCount() == 2
    with pytest.raises(DatabaseInUseError):  # still ours
        open_services(demo_path, exclusive=True)
    assert foreign.read_bytes().startswith(b"%PDF-1.7")
    window.close()


def test_a_new_database_is_created_empty_and_an_existing_file_is_never_overwritten(
    qtbot, tmp_path, demo_path, settings, monkeypatch
):
    window = _window(qtbot, demo_path, settings)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: told.append(text))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(demo_path), ""))
    assert window.database_files.new_database() is False
    assert told and str(demo_path) in told[0] and window.services.db.path == demo_path
    assert demo_path.stat().st_size > 0

    fresh = tmp_path / "fresh"  # the suffix is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(fresh), ""))
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    assert window.services.db.path == tmp_path / "fresh.sqlite"
    assert window.agreement_model.rowCount() == 0
    window.close()


def test_export_then_import_json_through_the_window_into_a_fresh_database(
    qtbot, tmp_path, demo_path, settings, monkeypatch
):
    window = _window(qtbot, demo_path, settings)
    assert window.title_label.text() == "Solna – medborgarlöften 2022"
    expected = window.services.exchange.export_json(window.current_agreement_id())
    exported = tmp_path / "out" / "solna"
    exported.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(exported), ""))
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    written = exported.with_name("solna.json")
    assert written.read_text(encoding="utf-8") == expected
    assert "solna.json" in window.statusBar().currentMessage()

    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "fresh.sqlite"), "")
    )
    window.new_database_action.trigger()
    assert window.agreement_model.rowCount() == 0
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(written), ""))
    qtbot.keyClick(window, Qt.Key.Key_I, CTRL)

    assert window.services.db.path == tmp_path / "fresh.sqlite"
    assert window.title_label.text() == "Solna – medborgarlöften 2022"
    window.tabs.setCurrentIndex(window.measures_tab)  # the list of all measures is read when shown
    assert window.all_measures_page.proxy.rowCount() == 7
    assert window.services.exchange.export_json(window.current_agreement_id()) == expected
    window.close()


def test_a_broken_json_file_is_refused_naming_the_problem(qtbot, tmp_path, demo_path, settings, monkeypatch):
    window = _window(qtbot, demo_path, settings)
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "medborgarloften-agreement",', encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(broken), ""))
    assert window.exchange.import_json() == []
    boxes = [w for w in window.findChildren(QMessageBox) if w.isVisible()]
    assert len(boxes) == 1 and "inte giltig JSON" in boxes[0].text()
    boxes[0].close()
    assert window.agreement_model.rowCount() == 2
    window.close()


def test_open_the_data_folder_shows_the_folder_of_the_open_database(qtbot, demo_path, settings, monkeypatch):
    window = _window(qtbot, demo_path, settings)
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    window.open_data_folder_action.trigger()
    assert [Path(url.toLocalFile()) for url in opened] == [demo_path.parent]
    window.close()


def test_every_file_edit_and_help_action_has_a_shortcut_and_none_is_used_twice(qtbot, demo_path, settings):
    window = _window(qtbot, demo_path, settings)
    menus = {menu.title(): menu for menu in window.menuBar().findChildren(QMenu) if menu.parent() is window.menuBar()}
    keyed = [
        window.new_database_action, window.open_database_action, window.import_json_action,
        window.export_json_action, window.settings_action, window.quit_action,
        window.undo_action, window.redo_action, window.user_guide_action,
    ]
    assert all(not action.shortcut().isEmpty() for action in keyed)
    assert window.open_database_action.shortcut() == QKeySequence("Ctrl+O")
    assert window.quit_action.shortcut() == QKeySequence("Ctrl+Q")
    assert window.user_guide_action.shortcut() == QKeySequence("F1"), "F1 is the user guide, not About"
    seen: dict[str, str] = {}
    actions = {id(action): action for menu in menus.values() for action in _all_actions(menu)}
    for action in actions.values():
            if action.shortcutContext() not in (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut):
                continue  # a page's own key, active only on its page (tests/ui/test_workspace.py)
            for shortcut in action.shortcuts():
                key = shortcut.toString()
                assert key not in seen, f"{key}: {seen.get(key)} and {action.text()}"
                seen[key] = action.text()
    window.close()


def _all_actions(menu: QMenu) -> list[QAction]:
    found = []
    for action in menu.actions():
        if action.menu() is not None:
            found.extend(_all_actions(action.menu()))
        else:
            found.append(action)
    return found


def test_the_settings_action_opens_the_dialog_and_a_language_change_is_announced(
    qtbot, demo_path, settings
):
    window = _window(qtbot, demo_path, settings)
    dialog = window.open_settings()
    assert dialog.isVisible()
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert settings.language() == "en"
    assert "English" in window.statusBar().currentMessage()
    window.close()


# --- when something goes wrong -----------------------------------------------------------------
def _failure() -> ZeroDivisionError:
    try:
        1 / 0  # noqa: B018
    except ZeroDivisionError as error:
        return error
    raise AssertionError("unreachable")


def test_the_error_dialogs_copy_button_fills_the_clipboard(qtbot, tmp_path, monkeypatch):
    database = tmp_path / "db.sqlite"
    dialog = ErrorDialog("Något gick fel.", error_details(_failure(), database=database), logs=tmp_path / "logs")
    qtbot.addWidget(dialog)
    dialog.show()
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert "ZeroDivisionError" in copied and "Traceback" in copied
    assert f"Medborgarlöften {__version__}" in copied
    assert str(database) in copied

    assert not dialog.details_view.isVisible()
    qtbot.mouseClick(dialog.details_button, Qt.MouseButton.LeftButton)
    assert dialog.details_view.isVisible() and "ZeroDivisionError" in dialog.details_view.toPlainText()

    opened: list[QUrl] = []
    monkeypatch.setattr(error_dialog_module.QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    qtbot.mouseClick(dialog.logs_button, Qt.MouseButton.LeftButton)
    assert [Path(url.toLocalFile()) for url in opened] == [tmp_path / "logs"]


def test_the_excepthook_logs_the_traceback_and_shows_the_dialog(qtbot, tmp_path, demo_path, settings, monkeypatch):
    handler = logging_setup.configure(tmp_path / "data")
    assert handler is not None
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back whatever was there afterwards
    try:
        window = _window(qtbot, demo_path, settings)
        hook = install_excepthook(window)
        assert sys.excepthook is hook
        error = _failure()
        hook(type(error), error, error.__traceback__)

        handler.flush()
        text = (tmp_path / "data" / "logs" / "medborgarloften.log").read_text(encoding="utf-8")
        assert "ERROR promises_app.ui.shell.app [pid" in text and "Oväntat fel" in text and "ZeroDivisionError" in text
        dialog = hook.dialog
        assert isinstance(dialog, ErrorDialog) and dialog.isVisible() and dialog.parent() is window
        assert dialog.windowModality() == Qt.WindowModality.WindowModal  # open(), not a blocking exec()
        assert str(demo_path) in dialog.details()
        assert dialog.message_label.text() == unexpected_message()

        hook(type(error), error, error.__traceback__)  # a repeat is logged, not shown twice
        assert len([d for d in window.findChildren(ErrorDialog) if d.isVisible()]) == 1
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
        assert hook.dialog is None
        window.close()
    finally:
        logging_setup.shutdown()


def test_the_hook_without_a_window_still_logs(tmp_path, qapp, caplog):
    hook = ExceptionHook()
    error = _failure()
    with caplog.at_level(logging.ERROR, logger="promises_app.ui.shell.app"):
        hook(type(error), error, error.__traceback__)
    assert any(record.exc_info and record.exc_info[0] is ZeroDivisionError for record in caplog.records)
    assert hook.dialog is not None
    hook.dialog.close()

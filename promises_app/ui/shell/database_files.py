"""The database file the window works in: new, open, switch, recent files, backups, restore, the
daily backup, and the folders of the data and the log.

One object owns the open ``Services`` (``services``) and every change of it, so the window never
replaces its database behind the pages' backs. Switching closes the old file cleanly (the
window's background work first, through ``before_closing``; then a backup, reason "close", and
the lock released) and emits ``services_changed``; the window then puts its pages on the new
services and reads them again. A file that cannot be opened is explained, and the window stays
on the one it had (docs/data-safety.md). A read-only database (storage/read_only.py) is never
written: no backup on closing, none once a day; nor is a file whose start-up check failed
(storage/startup_check.py: it is damaged). Like the window, this module loads the dialogs and
services behind its actions when they are first used, not before the first paint.

The window keeps the menus and their actions (ui/shell/main_window.py); their slots are here. The
recent files submenu is built here, since its content is this object's (the settings' list,
the open file checked).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QMainWindow, QMenu, QMessageBox

from promises_app.domain.errors import AppError
from promises_app.services import CheckState, Services, open_services
from promises_app.ui.common.formatting import fill
from promises_app.ui.shell.settings import AppSettings

if TYPE_CHECKING:
    from promises_app.ui.common.error_dialog import ErrorDialog

#: How often the window checks whether the daily backup is due.
DAILY_CHECK_MS = 60 * 60 * 1000
DATABASE_SUFFIX = ".sqlite"

_log = logging.getLogger(__name__)

#: The demo's own database in the data folder (the start view's "Öppna demo").
DEMO_DATABASE_NAME = "demo.sqlite"


class DatabaseFiles(QObject):
    #: The window works in other services now (another file, or the same one reopened after a
    #: restore); the old ones are closed. Argument: the new ``Services``.
    services_changed = Signal(object)

    def __init__(
        self,
        window: QMainWindow,
        services: Services,
        settings: AppSettings,
        *,
        before_closing: Callable[[], None],
    ) -> None:
        """``window``: the parent of the dialogs, whose status bar tells what was done.
        ``before_closing``: finishes the window's work on the open database (background
        renders, an open report) before it is closed; a required callback rather than a signal,
        so the file can never be closed under work nobody waited for."""
        super().__init__(window)
        self.services = services
        self.settings = settings
        self._window = window
        self._before_closing = before_closing
        self.recent_menu = QMenu(self.tr("Recent &files"), window)
        self.recent_menu.menuAction().setStatusTip(self.tr("The database files opened lately"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self._daily_timer = QTimer(self)
        self._daily_timer.setInterval(DAILY_CHECK_MS)
        self._daily_timer.timeout.connect(self._daily_backup)
        self._daily_timer.start()
        self._fill_recent_menu()

    def is_read_only(self) -> bool:
        """Whether the open database is shown read-only (it cannot be written; see storage/read_only.py)."""
        return self.services.db.read_only is not None

    # --- opening and switching ----------------------------------------------------------------
    def choose_and_open_database(self) -> bool:
        chosen, _filter = QFileDialog.getOpenFileName(
            self._window, self.tr("Open database"), self._database_folder(),
            self.tr("Medborgarlöften databases (*.sqlite *.db);;All files (*)"),
        )
        return self.open_database(Path(chosen)) if chosen else False

    def open_database(self, path: Path) -> bool:
        """Work in the database at ``path`` from now on; if it cannot be opened, say why and stay."""
        path = Path(path).expanduser()
        current = self.services.db.path
        if current is not None and _same_file(path, current):
            self._status(fill(self.tr("%1 is already open."), path), 10_000)
            return True
        try:
            services = open_services(path, create=False, exclusive=True, allow_read_only=True)
        except AppError as error:
            _log.warning("Databasen %s kunde inte öppnas: %s", path, error)
            if not path.exists():
                self.settings.remove_recent_file(path)
            QMessageBox.warning(
                self._window, self.tr("Open database"),
                fill(self.tr("%1\n\nYou are still working in %2."), error, current or "–"),
            )
            return False
        self.switch_to(services)
        return True

    def open_demo(self) -> bool:
        """Work in the demo database (``demo.sqlite`` in the data folder, made with the demo the first
        time, its missing demo agreements loaded again later), leaving the open one as it is."""
        from promises_app.services import default_database_path

        path = default_database_path().parent / DEMO_DATABASE_NAME  # beside the default database
        current = self.services.db.path
        if current is not None and _same_file(path, current):
            self._status(fill(self.tr("%1 is already open."), path), 10_000)
            return True
        services: Services | None = None
        try:
            services = open_services(path, create=True, exclusive=True)
            present = {a.title for a in services.agreements.list_agreements()}
            services.maintenance.load_demo(skip_titles=present)
        except AppError as error:
            if services is not None:
                services.db.close()
            QMessageBox.warning(self._window, self.tr("Open the demo"),
                                fill(self.tr("%1\n\nYou are still working in %2."), error, current or "–"))
            return False
        _log.info("Demodatabasen öppnad: %s", path)
        self.switch_to(services)
        return True

    def new_database(self) -> bool:
        """Ask for a new file name, create an empty database there and work in it."""
        from promises_app.files import safe_file_name
        from promises_app.services.output_paths import OutputPathRefused, refuse_protected

        suggestion = Path(self._database_folder()) / (
            safe_file_name(self.tr("New database"), "medborgarloften") + DATABASE_SUFFIX
        )
        chosen, _filter = QFileDialog.getSaveFileName(
            self._window, self.tr("New database"), str(suggestion),
            self.tr("Medborgarlöften databases (*.sqlite)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if not chosen:
            return False
        path = _database_name(Path(chosen).expanduser())
        if not path.exists():
            try:  # e.g. inside the open database's backup folder
                refuse_protected(path, self.services.db.path)
            except OutputPathRefused as error:
                QMessageBox.warning(self._window, self.tr("New database"), str(error))
                return False
        if path.exists():
            QMessageBox.warning(
                self._window, self.tr("New database"),
                fill(self.tr("%1 already exists. Choose another name, or open it with File → Open database."), path),
            )
            return False
        try:
            services = open_services(path, create=True, exclusive=True)
        except AppError as error:
            QMessageBox.warning(self._window, self.tr("New database"), str(error))
            return False
        _log.info("Ny databas skapad: %s", path)
        self.switch_to(services)
        return True

    def switch_to(self, services: Services) -> None:
        """Let go of the open database (backed up, lock released) and work in ``services``'s
        (also ui/shell/app.py's, after a failed start-up check and the restore it offered)."""
        old = self.services.db.path
        self.let_go()
        self.services = services
        self.services_changed.emit(services)
        self.show_path()
        self.remember()
        _log.info("Bytte databas från %s till %s", old, services.db.path)

    def let_go(self) -> None:
        """Finish the window's work on the database, back up (reason "close") and close the
        database and its lock.

        A file whose start-up check failed gets no backup (it is damaged; nothing is written), nor
        does a shared database on a server, whose backups are the server's job."""
        self._before_closing()
        check = self.services.db.startup_check
        damaged = check is not None and check.state is CheckState.FAILED
        on_server = self.services.db.path is None  # a shared database: the server backs it up (pg_dump)
        if self.services.db.read_only is None and not damaged and not on_server:  # read-only: nothing is written
            try:
                self.services.backups.backup_now(reason="close")
            except AppError as error:
                QMessageBox.warning(self._window, self.tr("Backup"), str(error))
        self.services.db.close()

    def close(self) -> None:
        """The window closes: no more daily backups; remember the file, then let go of it."""
        self._daily_timer.stop()
        self.remember()
        self.let_go()

    def show_path(self) -> None:
        """The status bar names the open database."""
        path = self.services.db.path
        self._status(self.tr("Database: %1").replace("%1", str(path) if path else ""))

    def remember(self) -> None:
        """The open database is the last one and first among the recent files."""
        path = self.services.db.path
        if path is None:
            return
        self.settings.set_last_database(path)
        self.settings.add_recent_file(path)
        self.settings.sync()
        self._fill_recent_menu()

    # --- recent files -------------------------------------------------------------------------
    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        current = self.services.db.path
        recent = self.settings.recent_files()
        for number, path in enumerate(recent, start=1):
            prefix = f"&{number} " if number < 10 else ""
            action = self.recent_menu.addAction(f"{prefix}{path.name} ({path.parent})")
            action.setData(str(path))
            action.setStatusTip(str(path))
            if current is not None and _same_file(path, current):
                action.setCheckable(True)
                action.setChecked(True)
            action.triggered.connect(lambda _checked=False, chosen=path: self.open_database(chosen))
        if not recent:
            empty = self.recent_menu.addAction(self.tr("No recent files"))
            empty.setEnabled(False)
        self.recent_menu.addSeparator()
        clear = self.recent_menu.addAction(self.tr("&Clear the list"))
        clear.setEnabled(bool(recent))
        clear.triggered.connect(self._clear_recent_files)

    def recent_file_actions(self) -> list[QAction]:
        """The recent files as the submenu lists them (each action's data is its path)."""
        self._fill_recent_menu()
        return [action for action in self.recent_menu.actions() if action.data()]

    def _clear_recent_files(self) -> None:
        self.settings.clear_recent_files()
        self._fill_recent_menu()

    # --- backups and the check ----------------------------------------------------------------
    def backup_now(self) -> None:
        try:
            backup = self.services.backups.backup_now()
        except AppError as error:
            QMessageBox.warning(self._window, self.tr("Backup"), str(error))
            return
        self._status(self.tr("Backup made and checked: %1").replace("%1", str(backup.path)), 10_000)

    def _daily_backup(self) -> None:
        if self.is_read_only():
            return
        try:
            self.services.backups.backup_if_due()
        except AppError as error:
            self._status(self.tr("The daily backup failed: %1").replace("%1", str(error)))

    def choose_and_restore(self) -> None:
        from promises_app.services.backups import backups_of, restore_database
        from promises_app.ui.shell.restore_dialog import RestoreDialog

        path = self.services.db.path
        assert path is not None
        dialog = RestoreDialog(backups_of(path), self._window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        chosen = dialog.chosen()
        if chosen is None:
            return
        self.services.db.close()  # releases the lock so restore can take it
        try:
            restore_database(path, chosen)
        except AppError as error:
            QMessageBox.warning(self._window, self.tr("Restore"), str(error))
        try:
            services = open_services(path, exclusive=True)
        except AppError as error:
            self._show_unexpected_error(
                error, fill(self.tr("The database %1 could not be opened again after the restore:\n%2"), path, error)
            )
            return
        self.services = services
        self.services_changed.emit(services)
        self._status(self.tr("Restored from %1").replace("%1", chosen.name), 10_000)

    def check_database(self) -> None:
        """Arkiv → Kontrollera databasen…: verify-db in the window (ui/reports/verify_dialog.py)."""
        from promises_app.ui.reports.verify_dialog import VerifyDialog

        dialog = VerifyDialog(self.services, self._window)
        dialog.run_check()
        dialog.exec()

    # --- folders ------------------------------------------------------------------------------
    def open_data_folder(self) -> bool:
        return self._open_folder(Path(self._database_folder()))

    def open_log_folder(self) -> bool:
        from promises_app.ui.common.error_dialog import current_log_folder

        return self._open_folder(current_log_folder())

    def _open_folder(self, folder: Path) -> bool:
        opened = QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
        if not opened:
            self._status(fill(self.tr("The folder %1 could not be opened."), folder), 10_000)
        return opened

    def _database_folder(self) -> str:
        path = self.services.db.path
        if path is not None:
            return str(path.parent)
        return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())

    # --- telling ------------------------------------------------------------------------------
    def _status(self, message: str, timeout: int = 0) -> None:
        self._window.statusBar().showMessage(message, timeout)

    def _show_unexpected_error(self, error: BaseException, message: str = "") -> ErrorDialog:
        """Log ``error`` and show the error dialog (not blocking); returns it."""
        from promises_app.ui.common.error_dialog import show_error

        _log.error("Oväntat fel", exc_info=(type(error), error, error.__traceback__))
        return show_error(self._window, message or None, error=error, database=self.services.db.path)


def _same_file(one: Path, other: Path) -> bool:
    try:
        return one.expanduser().resolve() == other.expanduser().resolve()
    except OSError:
        return False


def _database_name(path: Path) -> Path:
    """A new database's file name: ``.sqlite`` added unless it ends in ``.sqlite`` or ``.db``."""
    return path if path.suffix.lower() in (DATABASE_SUFFIX, ".db") else path.with_name(path.name + DATABASE_SUFFIX)

"""Starting the desktop application: the log, the settings, Qt and its Swedish catalogues,
the database (the one open last time, if it still exists), the main window, and the hook that
turns an unexpected error into a logged traceback and the error dialog instead of a crash.

The window shows as soon as it has its agreement list: the database's start-up check runs
beside it (storage/startup_check.py; every write waits for it) and the pages are built right
after the first paint (``MainWindow(pages_after_show=True)``). Only what that needs is imported
here; the rest loads when used. A check that fails leads to the same offer as a file refused
at start: restore the newest backup (the damaged file kept aside), or quit without writing.
"""

from __future__ import annotations

import gc
import logging
import sys
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QModelIndex,
    QTranslator,
)
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from promises_app import __version__, logging_setup
from promises_app.domain.errors import AppError
from promises_app.paths import resource
from promises_app.services import Services, open_services
from promises_app.services.errors import (
    CorruptDatabaseError,
    PasswordRequiredError,
)
from promises_app.ui.shell.main_window import MainWindow
from promises_app.ui.shell.settings import DEFAULT_LANGUAGE, AppSettings, data_folder

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

    from promises_app.services.backups import BackupInfo
    from promises_app.ui.common.error_dialog import ErrorDialog

APP_NAME = "Medborgarlöften"
_log = logging.getLogger(__name__)


def application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("Medborgarloften")
    return app


def install_translators(app: QApplication, language: str = DEFAULT_LANGUAGE) -> list[QTranslator]:
    """Load our catalogue and Qt's own (qtbase_sv, so standard dialogs and buttons speak the same
    language), and make the default locale match (Swedish: sv_SE dates and numbers)."""
    QLocale.setDefault(QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden)
                       if language == "sv" else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    installed: list[QTranslator] = []
    if language == "en":
        return installed
    catalogues = [
        (f"promises_app_{language}", str(resource("translations"))),
        (f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    ]
    for name, folder in catalogues:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def open_for_desktop(
    db_path: Path | URL, *, first_run_demo: bool, check_later: bool = True, password: str | None = None
) -> Services:
    """Open the database with the one-writer lock; on the very first start (the default
    database missing, and no backups of it, so it was never there) fill it with the demo.

    A database that cannot be written (read-only drive, folder or file) opens for viewing
    instead of failing; ``services.db.read_only`` says what blocks, and the window shows it.
    ``check_later``: the start-up check runs in the background (``services.db.startup_check``)
    and every write waits for it. ``db_path`` may be a shared database's URL (``--db``), and
    ``password`` one the person typed for it."""
    first_run = (first_run_demo and isinstance(db_path, Path) and not db_path.exists()
                 and not _backups_of(db_path))
    services = open_services(db_path, exclusive=True, allow_read_only=True, check_later=check_later,
                             password=password)
    if first_run:
        services.maintenance.load_demo()
    return services


def _backups_of(db_path: Path) -> list[BackupInfo]:
    from promises_app.services.backups import backups_of

    return backups_of(db_path)


def start_database(
    db_path: Path | URL, *, first_run_demo: bool, settings: AppSettings
) -> tuple[Path | URL, bool]:
    """The database to open at start, and whether it may get the demo.

    ``first_run_demo`` means no ``--db`` was given: then the database open when the program
    last closed is opened again, if it still exists; otherwise ``db_path`` (the default).
    """
    if not first_run_demo:
        return db_path, False
    last = settings.last_database()
    if last is not None and isinstance(db_path, Path) and last != db_path.expanduser().resolve():
        return last, False
    return db_path, True


class ExceptionHook:
    """``sys.excepthook`` while the window runs: log the traceback, then show the error dialog
    (not blocking, one at a time) instead of letting the program crash."""

    def __init__(
        self,
        parent: Callable[[], QWidget | None] = lambda: None,
        database: Callable[[], Path | None] = lambda: None,
    ) -> None:
        self._parent = parent
        self._database = database
        self.dialog: ErrorDialog | None = None
        self._busy = False
        #: The window has closed: log only (a dialog would have no window to stand over).
        self.closing = False

    def __call__(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        _log.error("Oväntat fel", exc_info=(kind, error, trace))
        if self.closing or self._busy or self.dialog is not None or QApplication.instance() is None:
            return  # logged; one dialog at a time (an error in a paint event repeats)
        self._busy = True
        try:
            from promises_app.ui.common.error_dialog import show_error

            database = self._database()
            self.dialog = show_error(self._parent(), error=(kind, error, trace), database=database)
            self.dialog.finished.connect(self._closed)
        except Exception:  # noqa: BLE001 - the hook itself must never raise
            traceback.print_exc()
        finally:
            self._busy = False

    def _closed(self, _result: int) -> None:
        self.dialog = None


def install_excepthook(window: MainWindow | None = None) -> ExceptionHook:
    """Install the hook (over ``window``, naming its open database); returns it."""
    hook = ExceptionHook(
        parent=lambda: window,
        database=lambda: window.services.db.path if window is not None else None,
    )
    sys.excepthook = hook
    return hook


def run_desktop(db_path: Path | URL, *, first_run_demo: bool, smoke: bool = False) -> int:
    """Run the window until it closes. ``smoke``: show it, report what it shows, and quit."""
    folder = data_folder()
    logging_setup.configure(folder)
    previous_hook = sys.excepthook
    app = application()
    settings = AppSettings.in_folder(folder)
    translators = install_translators(app, settings.language())
    try:
        return _run(app, db_path, first_run_demo=first_run_demo, smoke=smoke, settings=settings)
    finally:
        sys.excepthook = previous_hook
        for translator in translators:
            app.removeTranslator(translator)
        logging_setup.shutdown()


def _run(
    app: QApplication, db_path: Path | URL, *, first_run_demo: bool, smoke: bool, settings: AppSettings
) -> int:
    db_path, first_run_demo = start_database(db_path, first_run_demo=first_run_demo, settings=settings)
    _log.info("Medborgarlöften %s startar med databasen %s", __version__, db_path)
    services = _open_or_explain(db_path, first_run_demo=first_run_demo, smoke=smoke)
    if services is None:
        return 1
    window = first_window(services, settings=settings, smoke=smoke)
    if window is None:
        return 1
    if not gc.isenabled():  # paused for the start-up (cli.main): collect again once the pages are built
        window.pagesBuilt.connect(gc.enable)
    services = window.services
    hook = None if smoke else install_excepthook(window)
    if not smoke:
        window.startupCheckFailed.connect(lambda failure: _after_failed_check(app, window, failure))
    window.show()
    if services.db.location is not None and not services.db.location.safe:
        if smoke:
            print(f"varning: {services.db.location.reason}", file=sys.stderr)
        else:
            QMessageBox.warning(window, APP_NAME, services.db.location.reason)
    if smoke:
        app.processEvents()
        window.complete()
        failure = check_result(services)
        if failure is not None:  # refused as at start: nothing written, no backup on closing
            _explain(str(failure), smoke=smoke)
            window.close()
            return 1
        model = window.agreement_model
        titles = [index.data().replace("\n", " ") for index in _all_indexes(model)]
        print(f"Fönstret visar {len(titles)} överenskommelser:")
        for title in titles:
            print(f"  {title}")
        window.tabs.setCurrentIndex(window.measures_tab)  # the list of all measures is read when shown
        print(f"Åtgärder i vald överenskommelse: {window.all_measures_page.model.total_rows()}")
        if services.db.read_only is not None:
            print(f"Fönstrets titel: {window.windowTitle()}; {services.db.read_only.describe()}")
        window.close()  # backs up and releases the database, as a person closing it would
        return 0 if titles else 1
    result = app.exec()
    _log.info("Medborgarlöften avslutas")
    take_down(window, hook)
    return result


def take_down(window: MainWindow, hook: ExceptionHook | None) -> None:
    """Delete the closed window now, while ``hook`` still logs what goes wrong (and shows nothing):
    left to Python, it would go after the hook is gone, and any error on the way to stderr."""
    if hook is not None:
        hook.closing = True
    shiboken6.delete(window)


def first_window(services: Services, *, settings: AppSettings | None, smoke: bool = False) -> MainWindow | None:
    """The main window with its agreement list, the pages to follow after its first paint.

    If the list cannot even be read and the start-up check then finds the file damaged, the
    person is told (and offered the restore) as for a file refused at start; None if nothing
    can be shown."""
    try:
        return MainWindow(services, settings=settings, pages_after_show=True)
    except Exception:
        failure = check_result(services)
        if failure is None:  # not the file's damage: a bug, for the log and the error dialog
            services.db.close()
            raise
        _log.warning("Överenskommelserna gick inte att läsa, och startkontrollen underkände filen", exc_info=True)
    path = services.db.path
    services.db.close()  # nothing was written; the lock goes (after a crash its sign stays)
    assert path is not None
    again = _refused(path, failure, smoke=smoke)
    return None if again is None else MainWindow(again, settings=settings, pages_after_show=True)


def check_result(services: Services) -> AppError | None:
    """Wait for the database's start-up check (if one runs); what it found, or None if it passed."""
    check = services.db.startup_check
    if check is None:
        return None
    check.wait()
    return check.failure


def _after_failed_check(app: QApplication, window: MainWindow, failure: AppError) -> None:
    """The start-up check failed with the window open: nothing was written; as at start, offer the
    restore (the damaged file kept aside) or quit."""
    path = window.services.db.path
    assert path is not None
    window.services.db.close()  # nothing was written; the lock goes (after a crash its sign stays)
    services = _refused(path, failure, smoke=False)
    if services is None:
        window.close()  # no backup of a damaged file
        app.exit(1)
        return
    window.database_files.switch_to(services)


def _open_or_explain(db_path: Path | URL, *, first_run_demo: bool, smoke: bool) -> Services | None:
    """Open the database, or tell the person why not; a damaged file gets the offer to restore,
    and a shared database whose server wants a password libpq did not find asks for it."""
    password: str | None = None
    while True:
        try:
            return open_for_desktop(db_path, first_run_demo=first_run_demo, password=password)
        except PasswordRequiredError as error:
            password = None if smoke else _ask_password(str(db_path), rejected=error.rejected)
            if password is None:
                return _refused(db_path, error, smoke=smoke)
        except AppError as error:
            return _refused(db_path, error, smoke=smoke)


def _ask_password(address: str, *, rejected: bool) -> str | None:
    """The password for the shared database given with ``--db`` (never kept); None if cancelled."""
    from promises_app.ui.shell.connect_dialog import PasswordDialog

    dialog = PasswordDialog(address, rejected=rejected)
    return dialog.password() if dialog.exec() == QDialog.DialogCode.Accepted else None


def _refused(db_path: Path | URL, error: AppError, *, smoke: bool) -> Services | None:
    """Tell why the database cannot be used; for a damaged one, offer to restore its newest backup
    (then open that). None when there is nothing to work in."""
    if not isinstance(error, CorruptDatabaseError) or not isinstance(db_path, Path):
        _explain(str(error), smoke=smoke)
        return None
    available = _backups_of(db_path)
    if smoke or not available:
        _explain(str(error), smoke=smoke)
        return None
    newest = available[0]
    question = QCoreApplication.translate(
        "App", "%1\n\nRestore the backup from %2 now? The damaged file is kept aside."
    ).replace("%1", str(error)).replace("%2", f"{newest.made:%Y-%m-%d %H:%M}")
    answer = QMessageBox.question(None, APP_NAME, question)
    if answer != QMessageBox.StandardButton.Yes:
        return None
    from promises_app.services.backups import restore_database

    try:
        restore_database(db_path, newest.path)
        return open_for_desktop(db_path, first_run_demo=False)
    except AppError as again:
        _explain(str(again), smoke=smoke)
        return None


def _explain(message: str, *, smoke: bool) -> None:
    _log.warning("Databasen kunde inte öppnas: %s", message)
    if smoke:
        print(f"fel: {message}", file=sys.stderr)
    else:
        QMessageBox.critical(None, APP_NAME, message)


def _all_indexes(model: QAbstractItemModel) -> Iterator[QModelIndex]:
    pending = [model.index(row, 0) for row in range(model.rowCount())]
    while pending:
        index = pending.pop(0)
        yield index
        pending.extend(model.index(row, 0, index) for row in range(model.rowCount(index)))

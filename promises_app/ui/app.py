"""Starting the desktop application: Qt, the Swedish catalogues, the database, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from promises_app.paths import resource
from promises_app.services import Services, open_services
from promises_app.services.backups import backups_of, restore_database
from promises_app.services.errors import (
    BackupError,
    CorruptDatabaseError,
    DatabaseOpenError,
    ServiceError,
    StorageFailure,
)
from promises_app.ui.main_window import MainWindow

APP_NAME = "Medborgarlöften"
DEFAULT_LANGUAGE = "sv"


def application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("Medborgarloften")
    return app


def install_translators(app: QApplication, language: str = DEFAULT_LANGUAGE) -> list[QTranslator]:
    """Load our catalogue and Qt's own (so standard dialogs speak the same language)."""
    QLocale.setDefault(QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden)
                       if language == "sv" else QLocale(language))
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


def open_for_desktop(db_path: Path, *, first_run_demo: bool) -> Services:
    """Open the database with the one-writer lock; on the very first start (the default
    database missing, and no backups of it, so it was never there) fill it with the demo."""
    first_run = first_run_demo and not db_path.exists() and not backups_of(db_path)
    services = open_services(db_path, exclusive=True)
    if first_run:
        services.maintenance.load_demo()
    return services


def run_desktop(db_path: Path, *, first_run_demo: bool, smoke: bool = False) -> int:
    """Run the window until it closes. ``smoke``: show it, report what it shows, and quit."""
    app = application()
    install_translators(app)
    services = _open_or_explain(db_path, first_run_demo=first_run_demo, smoke=smoke)
    if services is None:
        return 1
    window = MainWindow(services)
    window.show()
    if services.db.location is not None and not services.db.location.safe:
        if smoke:
            print(f"varning: {services.db.location.reason}", file=sys.stderr)
        else:
            QMessageBox.warning(window, APP_NAME, services.db.location.reason)
    if smoke:
        app.processEvents()
        model = window.agreement_model
        titles = [index.data().replace("\n", " ") for index in _all_indexes(model)]
        print(f"Fönstret visar {len(titles)} överenskommelser:")
        for title in titles:
            print(f"  {title}")
        print(f"Åtgärder i vald överenskommelse: {window.measure_proxy.rowCount()}")
        window.close()  # backs up and releases the database, as a person closing it would
        return 0 if titles else 1
    return app.exec()


def _open_or_explain(db_path: Path, *, first_run_demo: bool, smoke: bool) -> Services | None:
    """Open the database, or tell the person why not; a damaged file gets the offer to restore."""
    try:
        return open_for_desktop(db_path, first_run_demo=first_run_demo)
    except CorruptDatabaseError as error:
        available = backups_of(db_path)
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
        try:
            restore_database(db_path, newest.path)
            return open_for_desktop(db_path, first_run_demo=False)
        except (DatabaseOpenError, ServiceError, StorageFailure, BackupError) as again:
            _explain(str(again), smoke=smoke)
            return None
    except (DatabaseOpenError, ServiceError, StorageFailure, BackupError) as error:
        _explain(str(error), smoke=smoke)
        return None


def _explain(message: str, *, smoke: bool) -> None:
    if smoke:
        print(f"fel: {message}", file=sys.stderr)
    else:
        QMessageBox.critical(None, APP_NAME, message)


def _all_indexes(model):  # type: ignore[no-untyped-def]
    pending = [model.index(row, 0) for row in range(model.rowCount())]
    while pending:
        index = pending.pop(0)
        yield index
        pending.extend(model.index(row, 0, index) for row in range(model.rowCount(index)))

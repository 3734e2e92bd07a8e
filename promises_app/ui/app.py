"""Starting the desktop application: Qt, the Swedish catalogues, the database, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from promises_app.paths import resource
from promises_app.services import Services, open_services
from promises_app.services.errors import DatabaseOpenError, ServiceError
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
    """Open the database; on the very first start (default database missing) fill it with the demo."""
    first_run = first_run_demo and not db_path.exists()
    services = open_services(db_path)
    if first_run:
        services.maintenance.load_demo()
    return services


def run_desktop(db_path: Path, *, first_run_demo: bool, smoke: bool = False) -> int:
    """Run the window until it closes. ``smoke``: show it, report what it shows, and quit."""
    app = application()
    install_translators(app)
    try:
        services = open_for_desktop(db_path, first_run_demo=first_run_demo)
    except (DatabaseOpenError, ServiceError) as error:
        if smoke:
            print(f"fel: {error}", file=sys.stderr)
        else:
            QMessageBox.critical(None, APP_NAME, str(error))
        return 1
    window = MainWindow(services)
    window.show()
    if smoke:
        app.processEvents()
        model = window.agreement_model
        titles = [index.data() for index in _all_indexes(model)]
        print(f"Fönstret visar {len(titles)} överenskommelser:")
        for title in titles:
            print(f"  {title}")
        print(f"Åtgärder i vald överenskommelse: {window.measure_proxy.rowCount()}")
        window.close()
        services.db.close()
        return 0 if titles else 1
    code = app.exec()
    services.db.close()
    return code


def _all_indexes(model):  # type: ignore[no-untyped-def]
    pending = [model.index(row, 0) for row in range(model.rowCount())]
    while pending:
        index = pending.pop(0)
        yield index
        pending.extend(model.index(row, 0, index) for row in range(model.rowCount(index)))

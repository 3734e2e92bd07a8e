"""Files in and out of the window: the exchange format (JSON) imported and exported, and the
selected agreement's measures exported as an Excel workbook or a CSV file.

Each action asks for a file, makes one service call and writes the result atomically, never onto
the database or what protects it (files.py, storage/output_guard.py); a refusal or a failure is
told in Swedish naming the file, and nothing half-written is left. An import is all or nothing
(services/exchange.py) and reads at most its size limit (input_files.py). The folder last used
is offered again, for every one of these files alike. The modules behind each action load when
it is first used, not before the window's first paint.

The window keeps the menus and their actions (ui/shell/main_window.py); it gives this object the open
services and the selected agreement as functions, so both are always the current ones, and
reads its list again when ``imported`` says new agreements came.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QMessageBox

from promises_app import os_errors
from promises_app.domain.errors import AppError
from promises_app.services import Services
from promises_app.ui.common.formatting import fill

_log = logging.getLogger(__name__)


class ExchangeActions(QObject):
    #: Agreements were imported (argument: their ids, the first the one to select).
    imported = Signal(list)

    def __init__(
        self,
        window: QMainWindow,
        *,
        services: Callable[[], Services],
        current_agreement: Callable[[], int | None],
    ) -> None:
        """``window``: the parent of the dialogs, whose status bar tells what was written."""
        super().__init__(window)
        self._window = window
        self._services = services
        self._current_agreement = current_agreement
        self._export_folder = ""

    def _folder(self) -> str:
        """Where the file dialogs start: the folder last used, else the documents folder."""
        return self._export_folder or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        ) or str(Path.home())

    # --- the exchange format (JSON) ------------------------------------------------------------
    def export_json(self) -> Path | None:
        """Ask where, then write the selected agreement with everything under it as JSON (atomically)."""
        from promises_app.files import safe_file_name, write_atomically
        from promises_app.services.output_paths import OutputPathRefused
        from promises_app.ui.common.save_target import ask_save_path, with_suffix

        agreement_id = self._current_agreement()
        services = self._services()
        title = self.tr("Export (JSON)")
        if agreement_id is None:
            QMessageBox.information(self._window, title, self.tr("Select the agreement to export first."))
            return None
        try:
            agreement = services.agreements.get_agreement(agreement_id)
            text = services.exchange.export_json(agreement_id)
        except AppError as error:
            QMessageBox.warning(self._window, title, str(error))
            return None
        name = safe_file_name(agreement.title, self.tr("agreement")) + ".json"
        path = ask_save_path(
            self._window, title, Path(self._folder()) / name, self.tr("JSON files (*.json)"),
            database=services.db.path, complete=with_suffix(".json"),
        )
        if path is None:
            return None
        self._export_folder = str(path.parent)
        try:
            write_atomically(path, text, database=services.db.path)
        except OutputPathRefused as error:
            QMessageBox.warning(self._window, title, str(error))
            return None
        except OSError as error:  # named as chosen (files.py), the reason in Swedish
            reason = os_errors.reason(error)
            QMessageBox.warning(self._window, title, fill(self.tr("%1 could not be written: %2"), path, reason))
            return None
        self._status(fill(self.tr("%1 exported to %2"), agreement.title, path), 10_000)
        return path

    def import_json(self) -> list[int]:
        """Ask for a file in the exchange format and import it (all or nothing); returns the new ids."""
        title = self.tr("Import (JSON)")
        chosen, _filter = QFileDialog.getOpenFileName(
            self._window, title, self._folder(), self.tr("JSON files (*.json);;All files (*)")
        )
        if not chosen:
            return []
        path = Path(chosen)
        services = self._services()
        from promises_app.services.exchange import ExchangeError
        from promises_app.services.exchange import read_file as read_exchange_file

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            # At most the import's size limit is read: a huge file or a device is refused at once.
            result = services.exchange.import_json(read_exchange_file(path))
        except ExchangeError as error:
            QApplication.restoreOverrideCursor()
            box = QMessageBox(
                QMessageBox.Icon.Warning, title, error.summary, QMessageBox.StandardButton.Ok, self._window
            )
            if error.problems:
                box.setInformativeText(fill(self.tr("Problems found in %1: %2"), path.name, len(error.problems)))
                box.setDetailedText("\n".join(error.problems))
            box.open()
            return []
        except AppError as error:
            QApplication.restoreOverrideCursor()
            QMessageBox.warning(self._window, title, str(error))
            return []
        QApplication.restoreOverrideCursor()
        ids = list(result.agreement_ids)
        _log.info("Importerade %s från %s", ids, path)
        self.imported.emit(ids)
        titles = ", ".join(services.agreements.get_agreement(i).title for i in ids)
        self._status(fill(self.tr("Imported from %1: %2"), path.name, titles), 15_000)
        return ids

    # --- the measures as a spreadsheet ----------------------------------------------------------
    def export_measures(self, *, xlsx: bool) -> Path | None:
        """Ask where, then write the selected agreement's measures and follow-ups there (atomically)."""
        from promises_app.files import safe_file_name, write_atomically
        from promises_app.services.output_paths import OutputPathRefused
        from promises_app.ui.common.save_target import ask_save_path, with_suffix

        agreement_id = self._current_agreement()
        if agreement_id is None:
            return None
        services = self._services()
        title = self.tr("Export measures to Excel") if xlsx else self.tr("Export measures as CSV")
        suffix = ".xlsx" if xlsx else ".csv"
        try:
            agreement = services.agreements.get_agreement(agreement_id)
        except AppError as error:
            QMessageBox.warning(self._window, title, str(error))
            return None
        name = safe_file_name(fill(self.tr("%1 measures"), agreement.title), self.tr("measures")) + suffix
        path = ask_save_path(
            self._window, title, Path(self._folder()) / name,
            self.tr("Excel workbooks (*.xlsx)") if xlsx else self.tr("CSV files (*.csv)"),
            database=services.db.path, complete=with_suffix(suffix),
        )
        if path is None:
            return None
        self._export_folder = str(path.parent)
        from promises_app.reports.spreadsheets import (  # openpyxl: when used
            measure_rows,
            write_csv,
            write_xlsx,
        )

        problem = ""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            sheet = measure_rows(services, agreement_id)
            write_atomically(path, write_xlsx(sheet) if xlsx else write_csv(sheet), database=services.db.path)
        except OutputPathRefused as error:
            problem = str(error)
        except OSError as error:
            problem = fill(self.tr("%1 could not be written: %2"), path, os_errors.reason(error))
        except AppError as error:
            problem = str(error)
        finally:
            QApplication.restoreOverrideCursor()
        if problem:
            QMessageBox.warning(self._window, title, problem)
            return None
        self._status(fill(self.tr("Measures exported to %1"), path), 10_000)
        return path

    def _status(self, message: str, timeout: int) -> None:
        self._window.statusBar().showMessage(message, timeout)

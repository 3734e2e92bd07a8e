"""Importing indicator values from a CSV or XLSX file: the preview, then the import.

The page reads the file and asks the services for a preview (nothing written); this dialog
shows it: what the file would add (a summary and every parsed row), or what is wrong with it
(every problem with its line and column). "Import" is enabled only for a file without errors.

The import is not an undo command, on purpose. The services write it as one transaction after
a checked backup; taking it back would mean deleting the indicators it created and the values
it inserted and putting back the values it replaced, in several transactions, which cannot be
done reliably once anything else has changed (a value edited, an indicator followed). So it
runs outside the window's QUndoStack and the stack is left as it is (nothing is cleared): the
commands on it still name their own rows, and undoing one of them may overwrite a value the
import set. The way back from an import is the backup made just before it (File → Restore
from backup).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from promises_app.domain.errors import AppError
from promises_app.services import Services
from promises_app.services.indicator_import import ImportPreview, IndicatorImportError, IndicatorImportResult
from promises_app.ui.common.formatting import fill
from promises_app.ui.common.forms import ERROR_STYLE
from promises_app.ui.common.operations import perform_long
from promises_app.ui.situation.situation_models import ImportErrorTableModel, ImportRowTableModel


class IndicatorImportDialog(QDialog):
    def __init__(
        self, services: Services, preview: ImportPreview, parent: QWidget | None = None, *,
        operations: QUndoStack | None = None,
    ) -> None:
        super().__init__(parent)
        #: The window's runner: the import runs off the GUI thread and its changes reach the pages.
        self.operations = operations
        self.services = services
        self.preview = preview
        self.result_of_import: IndicatorImportResult | None = None
        self.setWindowTitle(fill(self.tr("Import indicator values from %1"), preview.file_name))
        self.resize(820, 520)

        self.summary_label = QLabel()
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary_label.setAccessibleName(self.tr("What the import does"))
        self.error_label = QLabel()
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)

        self.row_model = ImportRowTableModel(self)
        self.row_view = self._table(self.row_model, self.tr("Values in the file"))
        header = self.row_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ImportRowTableModel.INDICATOR, QHeaderView.ResizeMode.Stretch)
        self.error_model = ImportErrorTableModel(self)
        self.error_view = self._table(self.error_model, self.tr("Problems in the file"))
        self.error_view.setWordWrap(True)
        header = self.error_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ImportErrorTableModel.MESSAGE, QHeaderView.ResizeMode.Stretch)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(self.tr("&Import"))
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("Cancel"))
        buttons.accepted.connect(self.import_values)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.row_view, 1)
        layout.addWidget(self.error_view, 1)
        layout.addWidget(buttons)
        self._show(preview.errors, preview.more_errors)

    def _table(self, model: ImportRowTableModel | ImportErrorTableModel, name: str) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setAccessibleName(name)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().setVisible(False)
        view.setTabKeyNavigation(False)
        return view

    def _show(self, errors: tuple, more_errors: int) -> None:
        preview = self.preview
        self.row_model.set_rows(list(preview.rows) if not errors else [])
        self.error_model.set_rows(list(errors))
        if errors:
            count = len(errors) + more_errors
            self.summary_label.setText(preview.file_name)
            if count == 1:
                text = self.tr("The file has 1 problem and cannot be imported. Nothing has been changed. "
                               "Correct the file and import it again.")
            else:
                text = fill(self.tr("The file has %1 problems and cannot be imported. Nothing has been changed. "
                                    "Correct the file and import it again."), count)
            if more_errors:
                text += "\n" + fill(self.tr("The first %1 are listed."), len(errors))
            self.error_label.setText(text)
        else:
            self.summary_label.setText("\n".join(preview.summary_lines()))
            self.error_label.clear()
        self.error_label.setVisible(bool(errors))
        self.row_view.setVisible(not errors)
        self.error_view.setVisible(bool(errors))
        self.import_button.setEnabled(not errors and bool(preview.rows))
        (self.cancel_button if errors else self.import_button).setFocus()

    def import_values(self) -> IndicatorImportResult | None:
        """Write the previewed values (one transaction, after a checked backup)."""
        if not self.import_button.isEnabled():
            return None
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = perform_long(self.operations, lambda: self.services.indicator_import.commit(self.preview),
                                  parent=self, title=self.windowTitle(), label=self.tr("Importing the values…"))
        except IndicatorImportError as error:
            self.error_label.setText(error.summary)
            self.error_model.set_rows(list(error.errors))
            self.row_view.setVisible(False)
            self.error_view.setVisible(True)
            self.error_label.setVisible(True)
            self.import_button.setEnabled(False)
            return None
        except (OSError, AppError) as error:
            self.error_label.setText(str(error))
            self.error_label.setVisible(True)
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.result_of_import = result
        self.accept()
        return result

"""Uppföljning → Läs in rapportunderlag…: the preview of the owners' packs, then reading them in.

The page reads the chosen files and asks the services for one preview of them all
(services/owner_reports.py, nothing written); this dialog shows it: every change (file,
measure, field, now → in the report), every problem (file, sheet, row, column), and every
conflict, a follow-up changed in the database after the pack was made, with a choice for each:
the report's values or the database's. Nothing is chosen for the person: "Read in" stays
disabled until every conflict has a choice. Reading in is all or nothing, after a checked
backup; the page pushes it as one undo step (followup_commands.ReadOwnerReportsCommand).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from promises_app.domain.errors import AppError
from promises_app.services import Services
from promises_app.services.owner_reports import OwnerReportPreview, OwnerReportResult, Resolution
from promises_app.ui.common.formatting import fill
from promises_app.ui.common.forms import ERROR_STYLE

#: The longest text a preview cell shows (the whole text is its tooltip).
CELL_TEXT_MAX = 120


def _short(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= CELL_TEXT_MAX else line[: CELL_TEXT_MAX - 1] + "…"


class OwnerReportDialog(QDialog):
    def __init__(self, services: Services, preview: OwnerReportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.preview = preview
        self.result_of_reading: OwnerReportResult | None = None
        self.setWindowTitle(self.tr("Read report packs"))
        self.resize(980, 620)

        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_label.setAccessibleName(self.tr("What reading the packs does"))
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setStyleSheet(ERROR_STYLE)

        self.change_table = self._table(
            [self.tr("From"), self.tr("Measure"), self.tr("Field"), self.tr("Now"), self.tr("In the report")],
            self.tr("Changes in the packs"), stretch=(1, 3, 4))
        self.conflict_label = QLabel(self.tr(
            "These follow-ups were changed in the program after the pack was made. Choose for each which values "
            "apply:"))
        self.conflict_label.setWordWrap(True)
        self.conflict_table = self._table(
            [self.tr("Measure"), self.tr("In the database now"), self.tr("In the report"), self.tr("Keep")],
            self.tr("Conflicts"), stretch=(0, 1, 2))
        self.error_table = self._table(
            [self.tr("File"), self.tr("Sheet"), self.tr("Row"), self.tr("Column"), self.tr("Problem")],
            self.tr("Problems in the packs"), stretch=(4,))
        self.choices: dict[int, QComboBox] = {}

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.read_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.read_button.setText(self.tr("&Read in"))
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("Cancel"))
        buttons.accepted.connect(self.read_in)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.change_table, 2)
        layout.addWidget(self.conflict_label)
        layout.addWidget(self.conflict_table, 1)
        layout.addWidget(self.error_table, 1)
        layout.addWidget(buttons)
        self._show()

    def _table(self, headers: list[str], name: str, *, stretch: tuple[int, ...]) -> QTableWidget:
        """A read-only table: the ``stretch`` columns share the width (their text wraps), the rest fit."""
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setAccessibleName(name)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.setTabKeyNavigation(False)
        table.setWordWrap(True)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return table

    @staticmethod
    def _put(table: QTableWidget, row: int, texts: list[str], *, whole: bool = False, tip: str = "") -> None:
        """A row of texts, each shortened to CELL_TEXT_MAX unless ``whole``; the whole text is the tooltip."""
        for column, text in enumerate(texts):
            item = QTableWidgetItem(text if whole else _short(text))
            item.setToolTip(tip or text)
            table.setItem(row, column, item)

    def _show(self) -> None:
        preview = self.preview
        errors = preview.errors
        self.summary_label.setText(
            "\n".join(preview.summary_lines()) if preview.agreement_title else "\n".join(preview.files))
        if errors:
            text = fill(self.tr("The packs have %1 problem(s) and cannot be read in. Nothing has been changed. "
                                "Correct them and read them in again."), preview.error_count)
            self.error_label.setText(text)
        elif not preview.changes:
            self.error_label.setText(self.tr("The packs change nothing: every follow-up is already as reported."))
        self.error_label.setVisible(bool(errors) or not preview.changes)
        rows = [(change, field) for change in preview.changes for field in change.fields]
        self.change_table.setRowCount(len(rows))
        for index, (change, field) in enumerate(rows):
            title = change.measure_title + (self.tr(" (conflict)") if change.conflict else "")
            empty = self.tr("(empty)")
            self._put(self.change_table, index,
                      [change.owner_name, title, field.label, field.old or empty, field.new or empty],
                      tip=change.file_name)
        conflicts = preview.conflicts
        self.conflict_table.setRowCount(len(conflicts))
        for index, change in enumerate(conflicts):
            empty = self.tr("(empty)")
            now = "\n".join(_short(f"{f.label}: {f.old or empty}") for f in change.fields)
            reported = "\n".join(_short(f"{f.label}: {f.new or empty}") for f in change.fields)
            self._put(self.conflict_table, index, [change.measure_title, now, reported], whole=True)
            choice = QComboBox()
            choice.setAccessibleName(fill(self.tr("Keep for %1"), change.measure_title))
            choice.addItem(self.tr("Choose…"), "")
            choice.addItem(self.tr("The report's values"), Resolution.PACK.value)
            choice.addItem(self.tr("The database's values"), Resolution.DATABASE.value)
            choice.currentIndexChanged.connect(self._update_button)
            self.conflict_table.setCellWidget(index, 3, choice)
            self.choices[change.measure_id] = choice
        self.conflict_label.setVisible(bool(conflicts) and not errors)
        self.conflict_table.setVisible(bool(conflicts) and not errors)
        self.change_table.setVisible(not errors)
        self.error_table.setRowCount(len(errors))
        for index, error in enumerate(errors):
            self._put(self.error_table, index,
                      [error.file_name, error.sheet, str(error.row or ""), error.column, error.message], whole=True)
        self.error_table.setVisible(bool(errors))
        self._update_button()
        (self.cancel_button if errors else self.read_button).setFocus()

    def resolutions(self) -> dict[int, Resolution]:
        return {measure_id: Resolution(box.currentData()) for measure_id, box in self.choices.items()
                if box.currentData()}

    def _update_button(self, *_args: object) -> None:
        settled = len(self.resolutions()) == len(self.choices)
        self.read_button.setEnabled(self.preview.ok and bool(self.preview.changes) and settled)

    def read_in(self) -> OwnerReportResult | None:
        """Write the previewed changes as chosen (one transaction, after a checked backup)."""
        if not self.read_button.isEnabled():
            return None
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = self.services.owner_reports.commit(self.preview, resolutions=self.resolutions())
        except (OSError, AppError) as error:
            self.error_label.setText(str(error))
            self.error_label.setVisible(True)
            self.read_button.setEnabled(False)
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.result_of_reading = result
        self.accept()
        return result

"""Klistra in åtgärder: measures copied in Excel or Word, previewed before they are added.

The clipboard's text is read as one measure a line (columns: åtgärd, ansvarig, klart senast, mål;
services/measure_paste.py). The preview shows which promise they go to (another can be chosen),
each row's fields, and every problem naming its row and column; "Lägg till" adds the rows without
problems, all in one transaction, and the page pushes them as one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from promises_app.domain.errors import AppError
from promises_app.services import Services
from promises_app.services.measure_paste import PastePreview
from promises_app.services.records import MeasureRecord, PromiseRecord
from promises_app.ui.common.formatting import fill, format_date

ERROR_COLOUR = "#b71c1c"


class PasteMeasuresDialog(QDialog):
    def __init__(self, services: Services, promises: list[PromiseRecord], promise_id: int, text: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.text = text
        self.preview: PastePreview | None = None
        #: The measures added (set when "Lägg till" succeeded).
        self.added: tuple[MeasureRecord, ...] = ()
        self.setWindowTitle(self.tr("Paste measures"))
        self.resize(900, 480)

        self.promise_combo = QComboBox()
        self.promise_combo.setAccessibleName(self.tr("Promise the measures go to"))
        for promise in promises:
            self.promise_combo.addItem(" ".join(promise.text.split()), promise.id)
        self.promise_combo.setCurrentIndex(max(0, self.promise_combo.findData(promise_id)))
        self.promise_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.promise_combo.setMinimumContentsLength(40)

        self.table = QTableWidget(0, 6)
        self.table.setAccessibleName(self.tr("Pasted rows"))
        self.table.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Measure"), self.tr("Responsible"),
                                              self.tr("Deadline"), self.tr("Target"), self.tr("Problem")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.problems = QPlainTextEdit()
        self.problems.setReadOnly(True)
        self.problems.setAccessibleName(self.tr("Problems"))
        self.problems.setMaximumHeight(6 * self.fontMetrics().lineSpacing())
        self.problems.setStyleSheet(f"color: {ERROR_COLOUR};")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.add_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.add)
        buttons.rejected.connect(self.reject)

        form = QFormLayout()
        caption = QLabel(self.tr("&Add to promise:"))
        caption.setBuddy(self.promise_combo)
        form.addRow(caption, self.promise_combo)
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("One measure a line; columns (tab between them, as Excel and Word copy them): "
                              "measure, responsible, deadline, target such as \"4 trygghetsvandringar\". "
                              "A header row may name them in another order."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)
        self.promise_combo.currentIndexChanged.connect(self.read)
        self.read()

    def read(self, *_args: object) -> None:
        """Read the text again for the chosen promise and show the rows and their problems."""
        self.table.setRowCount(0)
        self.problems.clear()
        try:
            self.preview = self.services.measure_paste.preview(self.promise_combo.currentData(), self.text)
        except AppError as error:
            self.preview = None
            self.summary.setText(str(error))
            self.add_button.setEnabled(False)
            self.add_button.setText(self.tr("Add"))
            return
        preview = self.preview
        self.table.setRowCount(len(preview.rows))
        for row, pasted in enumerate(preview.rows):
            target = f"{pasted.target_count} {pasted.target_unit}".strip() if pasted.target_count else \
                pasted.target_text
            cells = [str(pasted.line), pasted.title, pasted.responsible_name or pasted.responsible_text,
                     format_date(pasted.deadline) if pasted.deadline else pasted.deadline_text, target,
                     "; ".join(f"{e.column}: {e.message}" for e in pasted.errors)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if pasted.errors:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        good, bad = len(preview.good), len(preview.rows) - len(preview.good)
        summary = fill(self.tr("%1 measure(s) will be added; %2 row(s) have problems and are left out."), good, bad)
        if preview.extra_columns:
            summary += " " + fill(self.tr("%1 row(s) had more than four columns: the rest is left out."),
                                  preview.extra_columns)
        self.summary.setText(summary)
        self.problems.setPlainText("\n".join(str(error) for error in preview.errors))
        self.problems.setVisible(bool(preview.errors))
        self.add_button.setText(fill(self.tr("Add %1 measure(s)"), good))
        self.add_button.setEnabled(good > 0)

    def add(self) -> None:
        """Add the good rows (one transaction); a refusal is shown and the dialog stays."""
        if self.preview is None or not self.preview.good:
            return
        try:
            self.added = self.services.measure_paste.add(self.preview)
        except AppError as error:
            self.summary.setText(str(error))
            return
        self.accept()

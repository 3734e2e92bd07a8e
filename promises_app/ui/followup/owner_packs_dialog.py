"""Uppföljning → Skicka ut rapportunderlag…: a report pack (Excel) per owner, written to a folder.

The person chooses the period (the running one first), whether there is one pack per
responsible organisation or per contact person, and the folder; "Write" makes the packs
(services/owner_packs.py) and writes each file atomically, never over the database or what
guards it (promises_app/files.py). The dialog then lists what it wrote, for the e-mails the
secretary sends. Nothing in the database changes, so there is nothing to undo.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from promises_app import os_errors
from promises_app.domain import periods as period_rules
from promises_app.domain.errors import AppError
from promises_app.services import Services
from promises_app.services.output_paths import OutputPathRefused
from promises_app.services.owner_packs import OwnerPack, PackOwner
from promises_app.ui.common.formatting import fill
from promises_app.ui.common.forms import ERROR_STYLE, heading_label


class OwnerPacksDialog(QDialog):
    def __init__(
        self, services: Services, agreement_id: int, *, current_period: str | None = None,
        folder: str = "", parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.agreement_id = agreement_id
        self.written: list[Path] = []
        agreement = services.agreements.get_agreement(agreement_id)
        self.setWindowTitle(self.tr("Send out report packs"))
        self.resize(760, 520)

        self.period_combo = QComboBox()
        self.period_combo.setAccessibleName(self.tr("Reporting period"))
        for period in services.agreements.periods(agreement_id):
            self.period_combo.addItem(f"{period_rules.describe(period)} ({period.label})", period.label)
        if current_period is not None and self.period_combo.findData(current_period) >= 0:
            self.period_combo.setCurrentIndex(self.period_combo.findData(current_period))
        self.per_organisation = QRadioButton(self.tr("One per responsible &organisation"))
        self.per_person = QRadioButton(self.tr("One per contact &person"))
        self.per_organisation.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.per_organisation)
        group.addButton(self.per_person)
        per_row = QHBoxLayout()
        per_row.addWidget(self.per_organisation)
        per_row.addWidget(self.per_person)
        per_row.addStretch(1)
        self.folder_edit = QLineEdit(folder or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation))
        self.folder_edit.setAccessibleName(self.tr("Folder"))
        self.choose_button = QPushButton(self.tr("&Choose…"))
        self.choose_button.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.choose_button)

        form = QFormLayout()
        form.addRow(self.tr("&Period:"), self.period_combo)
        form.addRow(self.tr("Packs:"), per_row)
        folder_label = QLabel(self.tr("&Folder:"))
        folder_label.setBuddy(self.folder_edit)
        form.addRow(folder_label, folder_row)
        explanation = QLabel(self.tr(
            "Each owner gets an Excel workbook with their measures: what was promised, the deadline, the target "
            "and what was reported last. They fill in status, traffic light, count and comment and send it back; "
            "read it in with Follow-up → Read report packs…"))
        explanation.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setVisible(False)
        self.result_view = QPlainTextEdit()
        self.result_view.setReadOnly(True)
        self.result_view.setAccessibleName(self.tr("Packs written"))
        self.result_view.setPlaceholderText(self.tr("The packs written are listed here."))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close)
        self.write_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.write_button.setText(self.tr("&Write packs"))
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.accepted.connect(self.write_packs)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading_label(agreement.title))
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.result_view, 1)
        layout.addWidget(buttons)

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for the report packs"), self.folder_edit.text())
        if chosen:
            self.folder_edit.setText(chosen)

    def per(self) -> PackOwner:
        return PackOwner.PERSON if self.per_person.isChecked() else PackOwner.ORGANISATION

    def write_packs(self) -> list[Path]:
        """Make every owner's pack and write it in the folder (made if missing); list what was written."""
        from promises_app.files import write_atomically

        self.error_label.setVisible(False)
        period = str(self.period_combo.currentData())
        folder = Path(self.folder_edit.text().strip()).expanduser()
        if not self.folder_edit.text().strip():
            return self._fail(self.tr("Choose a folder for the packs."))
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        written: list[tuple[Path, OwnerPack]] = []
        try:
            result = self.services.owner_packs.packs(self.agreement_id, period, per=self.per())
            if not result.packs:
                return self._fail(self.tr("No measure has an owner of that kind: there are no packs to write."))
            folder.mkdir(parents=True, exist_ok=True)
            for pack in result.packs:
                target = folder / pack.file_name
                write_atomically(target, pack.content, database=self.services.db.path)
                written.append((target, pack))
        except (AppError, OutputPathRefused) as error:
            return self._fail(str(error))
        except OSError as error:
            return self._fail(os_errors.describe(error, error.filename or folder, doing="skrivas"))
        finally:
            QGuiApplication.restoreOverrideCursor()
        lines = [fill(self.tr("%1 report packs for %2 written to %3:"), len(written), period, str(folder))]
        lines += [fill(self.tr("%1 (%2: %3 measures)"), target.name, pack.owner_name, len(pack.measure_ids))
                  for target, pack in written]
        if result.without_owner:
            lines.append(fill(self.tr("Without an owner (in no pack): %1"),
                              ", ".join(m.title for m in result.without_owner)))
        self.result_view.setPlainText("\n".join(lines))
        self.written = [target for target, _pack in written]
        return self.written

    def _fail(self, message: str) -> list[Path]:
        self.error_label.setText(message)
        self.error_label.setVisible(True)
        return []

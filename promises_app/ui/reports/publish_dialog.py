"""Reports → Publish for citizens…: the publication's folder for the municipality's website.

The person picks the period, the day the page is made as of, "Next steps" and a folder;
"Publish" checks every file of the folder first (never the database, its kin or its backups:
services/output_paths.py) and then hands the whole work to the window's ``ReportRunner``: one
read, the page, the follow-up report's PDF, the open data, and the files written, off the GUI
thread behind a progress dialog with Cancel (reports/publication.py; docs/publication.md). When
it is done the dialog says what was written and offers to open the folder.

What is published is said in the dialog itself, and what never is: contact persons, e-mail
addresses, telephone numbers, safety-walk participants.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
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
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from promises_app import os_errors
from promises_app.domain.errors import AppError
from promises_app.domain.validation import shorten, shown_path
from promises_app.reports.publication import PublicationOptions, file_names
from promises_app.services import Services
from promises_app.services.errors import ValidationError
from promises_app.services.followups import reporting_period
from promises_app.services.output_paths import OutputPathRefused
from promises_app.ui.common.background import TaskControl
from promises_app.ui.common.connections import connect_while_alive
from promises_app.ui.common.date_input import DateInput, read_dates
from promises_app.ui.common.error_dialog import ErrorDialog, show_error
from promises_app.ui.common.formatting import fill
from promises_app.ui.common.forms import ERROR_STYLE, heading_label
from promises_app.ui.reports.report_dialog import NEXT_STEPS_LINES, fill_period_choice
from promises_app.ui.reports.report_runner import ReportRunner, ReportStep

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Published:
    """What the background work wrote: the folder and its files."""

    folder: Path
    files: tuple[Path, ...]
    measures: int


def publish_work(
    services: Services, agreement_id: int, options: PublicationOptions, folder: Path, *, today: date,
    database: Path | None,
) -> Callable[[TaskControl], Published]:
    """The publication as the runner's work: read, make every file, then (unless cancelled) write them."""

    def make(control: TaskControl) -> Published:
        from promises_app.reports.publication import build_publication, write_publication

        publication = build_publication(services, agreement_id, options, today=today, step=control.step)
        control.step(ReportStep.WRITING)
        written = write_publication(publication, folder, database=database)
        return Published(folder, tuple(written), publication.content.total)

    return make


class PublishDialog(QDialog):
    """The choices for the publication of one agreement's period, "Publish", and "Open folder"."""

    def __init__(
        self,
        services: Services,
        agreement_id: int,
        *,
        today: date,
        runner: ReportRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.agreement_id = agreement_id
        self.today = today
        self.agreement = services.agreements.get_agreement(agreement_id)
        self.periods = services.agreements.periods(agreement_id)
        self.runner = runner if runner is not None else ReportRunner(self)
        # The window's runner outlives the dialog (a new one is made for every publication).
        connect_while_alive(self, self.runner, self.runner.failed, self._failed, until_finished=False)
        #: What the last publication wrote (None before one is done).
        self.published: Published | None = None
        #: The error dialog shown for the last unexpected failure (None when there was none).
        self.error_dialog: ErrorDialog | None = None
        self.setWindowTitle(self.tr("Publish for citizens"))
        self.setMinimumWidth(600)

        heading = heading_label(self.agreement.title)
        about = QLabel(self.tr(
            "Writes a folder to put on the municipality's website as it is: an accessible page, “How the "
            "promises are going” (index.html), the period's follow-up report as a tagged PDF, and the same "
            "facts as open data (data.csv, data.json with its schema). Only the signatories are named; "
            "contact persons, e-mail addresses, telephone numbers and safety-walk participants are never "
            "published."
        ))
        about.setWordWrap(True)
        about.setTextFormat(Qt.TextFormat.PlainText)

        self.period_combo = QComboBox()
        self.period_combo.setAccessibleName(self.tr("Reporting period"))
        fill_period_choice(self.period_combo, self.periods, today)

        self.date_edit = DateInput(today, self.tr("Report date"))
        self.date_edit.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.date_edit.line_edit.setToolTip(
            self.tr("The page says the facts are as of this day; overdue is judged on it.")
        )
        self.date_error = self._error_label(self.tr("Why the report date is refused"))
        date_column = QVBoxLayout()
        date_column.setSpacing(2)
        date_column.addWidget(self.date_edit)
        date_column.addWidget(self.date_error)

        self.next_steps_edit = QPlainTextEdit()
        self.next_steps_edit.setAccessibleName(self.tr("Next steps"))
        self.next_steps_edit.setPlaceholderText(
            self.tr("What the parties will do next, in words a citizen understands.")
        )
        self.next_steps_edit.setTabChangesFocus(True)
        self.next_steps_edit.setFixedHeight(
            NEXT_STEPS_LINES * self.next_steps_edit.fontMetrics().lineSpacing()
            + 2 * int(self.next_steps_edit.document().documentMargin()) + 8
        )
        #: The text last filled in from the period's stored follow-up (what the person has not changed).
        self._filled_next_steps = ""
        self._fill_next_steps()
        self.period_combo.currentIndexChanged.connect(lambda _index: self._fill_next_steps())

        self.folder_edit = QLineEdit()
        self.folder_edit.setAccessibleName(self.tr("Folder to publish in"))
        self.folder_edit.setPlaceholderText(self.tr("A folder; it is created if missing"))
        self.folder_edit.textChanged.connect(lambda _text: self._update_enabled())
        self.choose_button = QPushButton(self.tr("C&hoose…"))
        self.choose_button.setAccessibleName(self.tr("Choose the folder to publish in"))
        self.choose_button.clicked.connect(lambda _checked=False: self.choose_folder())
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.choose_button)

        self.error_label = self._error_label(self.tr("Why the publication could not be made"))
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.done_label = QLabel()
        self.done_label.setWordWrap(True)
        self.done_label.setTextFormat(Qt.TextFormat.PlainText)
        self.done_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.done_label.setAccessibleName(self.tr("What was published"))
        self.done_label.setVisible(False)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self._caption(self.tr("&Period:"), self.period_combo), self.period_combo)
        form.addRow(self._caption(self.tr("Report &date:"), self.date_edit), date_column)
        form.addRow(self._caption(self.tr("&Next steps:"), self.next_steps_edit), self.next_steps_edit)
        form.addRow(self._caption(self.tr("&Folder:"), self.folder_edit), folder_row)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("Close"))
        self.publish_button = QPushButton(self.tr("P&ublish"))
        self.publish_button.setDefault(True)
        self.publish_button.setAccessibleName(self.tr("Write the publication into the folder"))
        self.publish_button.clicked.connect(lambda _checked=False: self.publish())
        buttons.addButton(self.publish_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button = QPushButton(self.tr("&Open folder"))
        self.open_button.setAccessibleName(self.tr("Open the folder just published"))
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(lambda _checked=False: self.open_folder())
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.done_label)
        layout.addStretch(1)
        layout.addWidget(buttons)

        chain: list[QWidget] = [
            self.period_combo, self.date_edit, self.next_steps_edit, self.folder_edit, self.choose_button,
            self.publish_button, self.open_button, self.close_button,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        self._update_enabled()
        self.period_combo.setFocus()

    def _fill_next_steps(self) -> None:
        """The "Next steps" stored with the period's follow-up (from the report dialog), unless the
        person has typed their own here."""
        if self.next_steps_edit.toPlainText() != self._filled_next_steps:
            return
        try:
            text = self.services.period_follow_ups.next_steps(self.agreement_id, self.period_label())
        except AppError:  # a period the agreement lacks is said when publishing
            text = ""
        self._filled_next_steps = text
        self.next_steps_edit.setPlainText(text)

    @staticmethod
    def _caption(text: str, buddy: QWidget) -> QLabel:
        caption = QLabel(text)
        caption.setBuddy(buddy)
        return caption

    @staticmethod
    def _error_label(accessible_name: str) -> QLabel:
        label = QLabel()
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setAccessibleName(accessible_name)
        label.setVisible(False)
        return label

    # --- the choices -------------------------------------------------------------------------
    def period_label(self) -> str:
        return str(self.period_combo.currentData() or "")

    def select_period(self, label: str) -> None:
        self.period_combo.setCurrentIndex(self.period_combo.findData(label))

    def folder(self) -> Path | None:
        text = self.folder_edit.text().strip()
        return Path(text).expanduser() if text else None

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder to publish in"), self.folder_edit.text())
        if chosen:
            self.folder_edit.setText(chosen)

    def _update_enabled(self) -> None:
        self.publish_button.setEnabled(bool(self.periods) and self.folder() is not None)

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    # --- publishing --------------------------------------------------------------------------
    def publish(self) -> int | None:
        """Check the choices and every target file, then start the work in the background; its task number.

        A report date that is no date, a period the agreement lacks, or a folder whose files must
        not be written is said at once, and nothing starts.
        """
        if self.runner.busy():
            return None
        self.show_error("")
        self.date_error.setVisible(False)
        folder = self.folder()
        if folder is None:
            return None
        try:
            report_date = read_dates({"report_date": self.date_edit})["report_date"]
        except ValidationError as error:
            self.date_error.setText("\n".join(e.message for e in error.errors))
            self.date_error.setVisible(True)
            self.date_edit.setFocus()
            return None
        period = self.period_label()
        try:
            reporting_period(self.agreement, period)
        except ValidationError as error:
            self.show_error(error.message)
            return None
        if folder.exists() and not folder.is_dir():
            self.show_error(
                fill(self.tr("%1 is a file, not a folder. Nothing has been written."), shown_path(folder))
            )
            return None
        from promises_app.reports.publication import check_targets

        try:
            check_targets(folder, file_names(period), self.services.db.path)
        except OutputPathRefused as error:
            self.show_error(str(error))
            return None
        options = PublicationOptions(period, report_date=report_date, next_steps=self.next_steps_edit.toPlainText())
        self.done_label.setVisible(False)
        self.open_button.setEnabled(False)
        make = publish_work(self.services, self.agreement_id, options, folder, today=self.today,
                            database=self.services.db.path)
        return self.runner.start(
            make, file_name="", title=self.tr("Publish for citizens"), parent=self, database=self.services.db.path,
            done=self._published, label=self.tr("Publishing…"),
        )

    def _published(self, result: object) -> None:
        assert isinstance(result, Published)
        self.published = result
        self.done_label.setText(fill(
            self.tr("Published %1 measures in %2: %3. Put the folder's files on the website as they are."),
            result.measures, str(result.folder), ", ".join(path.name for path in result.files),
        ))
        self.done_label.setVisible(True)
        self.open_button.setEnabled(True)
        self.open_button.setFocus()

    def open_folder(self) -> bool:
        """Open the folder just published in the system's file manager."""
        if self.published is None:
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.published.folder)))

    def _failed(self, started_over: object, error: object) -> None:
        if started_over is not self:
            return
        if isinstance(error, AppError | OutputPathRefused):  # the person's error: said here, in its own words
            self.show_error(str(error))
            return
        if isinstance(error, OSError):  # the disk is full, the folder read-only: named, nothing half-written
            where = error.filename or self.folder_edit.text()
            self.show_error(f"{os_errors.describe(error, where)} {self.tr('Nothing is half-written.')}")
            return
        if not isinstance(error, BaseException):
            error = RuntimeError(str(error))
        _log.error("Publiceringen kunde inte göras", exc_info=(type(error), error, error.__traceback__))
        self.show_error(
            fill(self.tr("The publication could not be made: %1"), shorten(str(error) or type(error).__name__))
        )
        self.error_dialog = show_error(self, error=error, database=self.services.db.path)

    def reject(self) -> None:
        """Closing drops the work still awaited: it stops at its next step."""
        self.runner.cancel()
        super().reject()

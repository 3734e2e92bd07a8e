"""Uppföljning → Påminnelser…: the reminders for one period, seen first, then written as files.

The person picks the period, how many days ahead a deadline counts as "soon" and the day the report
is wanted; the table shows at once who gets a reminder and how many measures of each kind it lists
(``services.reminders.plan``, one read), who has no e-mail address (their .eml has no To address,
to be filled in in the mail program) and which measures have no contact person (no reminder
goes out for them). "Write files…" asks for a folder, writes one .eml per person and the
calendar (services/reminder_files.py) through promises_app/files.py, and offers to open the folder.

Nothing is sent and nothing in the database changes, so there is nothing to undo.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QBrush, QColor, QDesktopServices, QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from promises_app import os_errors
from promises_app.domain.errors import AppError
from promises_app.domain.swedish_dates import long_date
from promises_app.files import write_atomically
from promises_app.services import Services
from promises_app.services.errors import ValidationError
from promises_app.services.output_paths import OutputPathRefused, check_output_path
from promises_app.services.reminder_files import ReminderFile, pack_attachments, reminder_files
from promises_app.services.reminders import DEFAULT_DAYS, MAX_DAYS, DueKind, ReminderPlan, default_reply_by
from promises_app.ui.common.date_input import DateInput, read_dates
from promises_app.ui.common.formatting import fill
from promises_app.ui.common.forms import error_label, heading_label, note_label
from promises_app.ui.reports.report_dialog import fill_period_choice

#: The most measures without a contact person named in the dialog; the rest are counted.
WITHOUT_CONTACT_SHOWN = 8
MISSING_ADDRESS_COLOUR = "#b71c1c"


class RemindersDialog(QDialog):
    """``written`` holds the files of the last write (empty before); ``folder`` where they went."""

    def __init__(
        self, services: Services, agreement_id: int, *, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.agreement_id = agreement_id
        self.today = today
        self.agreement = services.agreements.get_agreement(agreement_id)
        self.periods = services.agreements.periods(agreement_id)
        self.plan: ReminderPlan | None = None
        self.written: tuple[ReminderFile, ...] = ()
        self.folder: Path | None = None
        self.setWindowTitle(self.tr("Reminders"))
        self.setMinimumWidth(720)

        heading = heading_label(self.agreement.title)
        explanation = note_label(self.tr(
            "One ready e-mail per contact person (.eml) with their measures that need a follow-up, have a "
            "deadline soon or are overdue, and a calendar file (.ics) with the reporting day and the deadlines. "
            "Nothing is sent: open each e-mail in your mail program, read it and send it."
        ))

        self.period_combo = QComboBox()
        self.period_combo.setAccessibleName(self.tr("Reporting period"))
        fill_period_choice(self.period_combo, self.periods, today)
        self.days_spin = QSpinBox()
        self.days_spin.setRange(0, MAX_DAYS)
        self.days_spin.setValue(DEFAULT_DAYS)
        self.days_spin.setSuffix(self.tr(" days"))
        self.days_spin.setAccessibleName(self.tr("Deadlines within this many days"))
        self.days_spin.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.reply_edit = DateInput(self._default_reply_by(), self.tr("Report wanted by"))
        self.reply_edit.line_edit.setToolTip(self.tr("The day the report is wanted by; it is in every e-mail."))
        #: Typed by the person: it no longer follows the period.
        self._reply_typed = False

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for text, widget in (
            (self.tr("&Period:"), self.period_combo),
            (self.tr("&Deadline within:"), self.days_spin),
            (self.tr("Report wanted &by:"), self.reply_edit),
        ):
            caption = QLabel(text)
            caption.setBuddy(widget)
            form.addRow(caption, widget)

        self.banner = error_label()
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.model = QStandardItemModel(0, 5, self)
        self.model.setHorizontalHeaderLabels([
            self.tr("Contact person"), self.tr("E-mail"), self.tr("Follow-up missing"), self.tr("Deadline soon"),
            self.tr("Overdue"),
        ])
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Who gets a reminder"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (2, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.without_label = error_label()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close)
        self.write_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.write_button.setText(self.tr("&Write files…"))
        self.write_button.setAccessibleName(self.tr("Choose a folder and write the e-mails and the calendar"))
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("Close"))
        for button in (self.write_button, self.close_button):
            button.setAutoDefault(False)
        buttons.accepted.connect(self.write_files)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.banner)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.without_label)
        layout.addWidget(buttons)
        chain: list[QWidget] = [self.period_combo, self.days_spin, self.reply_edit.line_edit, self.table,
                                self.write_button, self.close_button]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

        self.period_combo.currentIndexChanged.connect(self._period_changed)
        self.days_spin.valueChanged.connect(lambda _value: self.refresh())
        self.reply_edit.line_edit.textEdited.connect(self._reply_typed_now)
        self.reply_edit.line_edit.editingFinished.connect(self.refresh)
        self.refresh()
        self.resize(820, 520)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Enter in a field shows the table for what was typed; writing is a click of its own, so
        it never starts by a key pressed to confirm a date."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not isinstance(self.focusWidget(), QPushButton):
            self.refresh()
            event.accept()
            return
        super().keyPressEvent(event)

    # --- what is shown ---------------------------------------------------------------------------
    def period_label(self) -> str:
        return str(self.period_combo.currentData() or "")

    def _default_reply_by(self) -> date:
        index = self.period_combo.currentIndex()
        return default_reply_by(self.periods[index], self.today) if index >= 0 else self.today

    def _period_changed(self, _index: int) -> None:
        if not self._reply_typed:
            self.reply_edit.setDate(self._default_reply_by())
        self.refresh()

    def _reply_typed_now(self, _text: str) -> None:
        self._reply_typed = True

    def refresh(self) -> ReminderPlan | None:
        """Read who gets what with the choices as they stand; a refusal is shown above the table."""
        self.banner.setVisible(False)
        try:
            reply_by = read_dates({"reply_by": self.reply_edit})["reply_by"]
            plan = self.services.reminders.plan(
                self.agreement_id, self.period_label(), today=self.today, days=self.days_spin.value(),
                reply_by=reply_by,
            )
        except (ValidationError, AppError) as error:
            self.plan = None
            self.banner.setText(str(error))
            self.banner.setVisible(True)
            self._show(None)
            return None
        self.plan = plan
        self._show(plan)
        return plan

    def _show(self, plan: ReminderPlan | None) -> None:
        self.model.removeRows(0, self.model.rowCount())
        self.write_button.setEnabled(plan is not None)
        if plan is None:
            self.summary_label.setText("")
            self.without_label.setVisible(False)
            return
        for recipient in plan.recipients:
            name = QStandardItem(recipient.contact.name)
            name.setToolTip(", ".join(filter(None, (recipient.contact.title, recipient.contact.organisation_name))))
            address = QStandardItem(recipient.contact.usable_email or self.tr("None: fill in the recipient yourself"))
            if not recipient.has_address:
                address.setForeground(QBrush(QColor(MISSING_ADDRESS_COLOUR)))
                if recipient.contact.email:
                    address.setToolTip(fill(self.tr("The register's address cannot be used: %1"),
                                            recipient.contact.email))
            counts = [QStandardItem(str(recipient.count(kind)) if recipient.count(kind) else "") for kind in DueKind]
            for count in counts:
                count.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.model.appendRow([name, address, *counts])
        for column in (0, 2, 3, 4):  # now, not when the header next lays itself out: nothing cut off
            self.table.resizeColumnToContents(column)
        without_address = sum(1 for r in plan.recipients if not r.has_address)
        if plan.recipients:
            summary = fill(self.tr("%1 reminders and a calendar file; the report is wanted by %2."),
                           len(plan.recipients), long_date(plan.reply_by))
            if without_address:
                summary += " " + fill(self.tr("%1 of them without an e-mail address."), without_address)
        else:
            summary = self.tr("No contact person has anything due for this period: only the calendar is written.")
        self.summary_label.setText(summary)
        without = plan.without_contact
        if without:
            names = [f"• {item.title}" + (f" ({item.responsible_name})" if item.responsible_name else "")
                     for item in without[:WITHOUT_CONTACT_SHOWN]]
            if len(without) > WITHOUT_CONTACT_SHOWN:
                names.append(fill(self.tr("… and %1 more"), len(without) - WITHOUT_CONTACT_SHOWN))
            self.without_label.setText("\n".join(
                [fill(self.tr("Without a contact person (no reminder is written for these %1):"), len(without)),
                 *names]))
        self.without_label.setVisible(bool(without))

    # --- writing ---------------------------------------------------------------------------------
    def write_files(self) -> tuple[ReminderFile, ...]:
        """Ask for a folder and write the reminders there; then offer to open it."""
        plan = self.refresh()
        if plan is None:
            return ()
        title = self.tr("Write reminders")
        chosen = QFileDialog.getExistingDirectory(self, title, str(self.folder or Path.home()))
        if not chosen:
            return ()
        folder = Path(chosen)
        database = self.services.db.path
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            attachments = pack_attachments(self.services, self.agreement_id, plan.period.label,
                                            [r.person_id for r in plan.recipients])
            files = reminder_files(plan, attachments, stamp=datetime.now(UTC).replace(microsecond=0))
            for file in files:  # every file may be written, before the first one is
                check_output_path(folder / file.file_name, database)
            for file in files:
                write_atomically(folder / file.file_name, file.content, database=database)
        except (OutputPathRefused, AppError) as error:
            QApplication.restoreOverrideCursor()
            QMessageBox.warning(self, title, str(error))
            return ()
        except OSError as error:  # named as chosen (files.py), the reason in Swedish
            QApplication.restoreOverrideCursor()
            QMessageBox.warning(self, title, fill(self.tr("%1 could not be written: %2"),
                                                  error.filename or folder, os_errors.reason(error)))
            return ()
        QApplication.restoreOverrideCursor()
        self.written, self.folder = files, folder
        answer = QMessageBox.question(
            self, title,
            fill(self.tr("%1 files were written to %2. Nothing has been sent. Open the folder?"), len(files), folder),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes,
        )
        if answer == QMessageBox.StandardButton.Yes:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
        return files

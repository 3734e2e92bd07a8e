"""Recording that a council or the board adopted (fastställde) a period's follow-up report.

The person picks the period and types who adopted it, the day, the protocol's paragraph and the
case number (and the report date, which follows the adoption's day unless changed). "Adopt"
keeps the follow-up report as it stands now, with the report dialog's choices, as version N of
the period: an archival PDF that never changes (reports/adopted_document.py). A refusal is shown
under its field and keeps everything typed; nothing is saved and the dialog stays open.

Adopting is not undoable, like signing: an adopted report may already be in the minutes and on
the web. It runs outside the window's undo stack and leaves the stack as it is (it changes no
row anything on the stack touches).
"""

from __future__ import annotations

from datetime import date
from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from promises_app.domain.enums import ReportingScheme
from promises_app.domain.errors import AppError
from promises_app.domain.periods import describe
from promises_app.reports.report_options import FollowUpOptions
from promises_app.services import Services
from promises_app.services.errors import ValidationError
from promises_app.services.records import AdoptedReportRecord
from promises_app.ui.common.date_input import DateInput, read_dates
from promises_app.ui.common.formatting import fill, format_long_date
from promises_app.ui.common.forms import ERROR_STYLE, clear_field_errors, heading_label, put_field_errors
from promises_app.ui.reports.report_dialog import default_period_index

#: The longest texts the service accepts (services/adoptions.py).
BODY_MAX, PARAGRAPH_MAX, CASE_NUMBER_MAX = 200, 40, 100
#: Offered in "Adopted by" besides the bodies named before (Swedish names of Swedish bodies: data, not words
#: of the interface).
USUAL_BODIES = ("Kommunstyrelsen", "Trygghetsrådet")
#: The fields in the order they stand (a refusal puts the focus on the first one named).
FIELDS = ("period", "adopted_by", "adopted_on", "paragraph", "case_number", "report_date")


class AdoptDialog(QDialog):
    """``adopted`` holds the new AdoptedReportRecord once the dialog is accepted."""

    def __init__(
        self,
        services: Services,
        agreement_id: int,
        *,
        today: date,
        period: str | None = None,
        options: FollowUpOptions | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.agreement_id = agreement_id
        self.today = today
        self.options = options or FollowUpOptions()
        self.agreement = services.agreements.get_agreement(agreement_id)
        self.periods = services.agreements.periods(agreement_id)
        self.earlier = services.adoptions.list_adopted(agreement_id)
        self.adopted: AdoptedReportRecord | None = None
        self.setWindowTitle(self.tr("Adopt the follow-up"))
        self.setMinimumWidth(560)

        heading = heading_label(self.agreement.title)
        self.explanation = QLabel(self.tr(
            "Record that the follow-up report was adopted, as in the minutes. The report is kept as it "
            "stands now, as an archival PDF that cannot change afterwards. A correction made later is "
            "published by adopting the period again, as its next version."
        ))
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)
        self.explanation.setWordWrap(True)
        self.choices_label = QLabel(self.tr(
            "The report is made with the usual choices: portrait pages, every section, grouped by promise. "
            "For other choices, open the follow-up report (Create report) and adopt it from there."
        ))
        self.choices_label.setTextFormat(Qt.TextFormat.PlainText)
        self.choices_label.setWordWrap(True)
        self.choices_label.setVisible(options is None)

        self.period_combo = QComboBox()
        self.period_combo.setAccessibleName(self.tr("Reporting period"))
        for item in self.periods:
            described = describe(item)
            text = described if item.scheme is ReportingScheme.WHOLE_PERIOD else f"{described} ({item.label})"
            self.period_combo.addItem(text, item.label)
        chosen = self.period_combo.findData(period) if period else -1
        self.period_combo.setCurrentIndex(chosen if chosen >= 0 else default_period_index(self.periods, today))
        self.version_label = QLabel()
        self.version_label.setTextFormat(Qt.TextFormat.PlainText)
        self.version_label.setWordWrap(True)

        self.body_combo = QComboBox()
        self.body_combo.setEditable(True)
        self.body_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.body_combo.setAccessibleName(self.tr("Adopted by"))
        bodies = [record.adopted_by for record in reversed(self.earlier)]
        for body in dict.fromkeys([*bodies, *USUAL_BODIES]):
            self.body_combo.addItem(body)
        self.body_combo.setCurrentText(bodies[0] if bodies else "")
        body_edit = self.body_combo.lineEdit()
        assert body_edit is not None  # an editable combo box has one
        body_edit.setMaxLength(BODY_MAX)
        body_edit.setPlaceholderText(self.tr("e.g. Kommunstyrelsen"))
        self.date_edit = DateInput(today, self.tr("Date of adoption"))
        self.paragraph_edit = QLineEdit()
        self.paragraph_edit.setMaxLength(PARAGRAPH_MAX)
        self.paragraph_edit.setPlaceholderText(self.tr("e.g. § 45"))
        self.paragraph_edit.setAccessibleName(self.tr("Paragraph in the minutes"))
        self.case_edit = QLineEdit(self.earlier[-1].case_number if self.earlier else self.agreement.case_number)
        self.case_edit.setMaxLength(CASE_NUMBER_MAX)
        self.case_edit.setPlaceholderText(self.tr("e.g. KS 2022/123 (if there is one)"))
        self.case_edit.setAccessibleName(self.tr("Case number"))
        #: Given by the report dialog, the report date stays; otherwise it follows the adoption's day.
        self._report_date_given = self.options.report_date is not None
        self.report_date_edit = DateInput(self.options.report_date or today, self.tr("Report date"))
        self.report_date_edit.line_edit.setToolTip(
            self.tr("The day the report is made as of; on or before the day it was adopted.")
        )
        self.date_edit.line_edit.textChanged.connect(self._adoption_day_typed)
        self.report_date_edit.line_edit.textEdited.connect(self._report_date_typed)

        self.banner = self._error_label()
        self.field_errors = {name: self._error_label() for name in FIELDS}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.captions: dict[str, QLabel] = {}
        for field, text, widget in (
            ("period", self.tr("&Period:"), self.period_combo),
            ("adopted_by", self.tr("Adopted &by:"), self.body_combo),
            ("adopted_on", self.tr("&Date:"), self.date_edit),
            ("paragraph", self.tr("Pa&ragraph:"), self.paragraph_edit),
            ("case_number", self.tr("&Case number:"), self.case_edit),
            ("report_date", self.tr("Report da&te:"), self.report_date_edit),
        ):
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(widget)
            if field == "period":
                column.addWidget(self.version_label)
            column.addWidget(self.field_errors[field])
            caption = QLabel(text)
            caption.setBuddy(widget)
            self.captions[field] = caption
            form.addRow(caption, column)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.adopt_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.adopt_button.setText(self.tr("&Adopt"))
        self.adopt_button.setAccessibleName(self.tr("Record the adoption and keep the report"))
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("Cancel"))
        buttons.accepted.connect(self.try_adopt)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.explanation)
        layout.addWidget(self.choices_label)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(buttons)
        chain: list[QWidget] = [self.period_combo, self.body_combo, self.date_edit.line_edit, self.paragraph_edit,
                                self.case_edit, self.report_date_edit.line_edit, self.adopt_button, self.cancel_button]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.period_combo.currentIndexChanged.connect(lambda _index: self._show_version())
        self._show_version()
        (self.paragraph_edit if self.body_combo.currentText() else self.body_combo).setFocus()

    def _error_label(self) -> QLabel:
        error = QLabel()
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.setTextFormat(Qt.TextFormat.PlainText)
        error.setVisible(False)
        return error

    # --- what is shown ---------------------------------------------------------------------------
    def period_label(self) -> str:
        return str(self.period_combo.currentData() or "")

    def _show_version(self) -> None:
        """Which version the adoption will be, and the one it replaces."""
        versions = [record for record in self.earlier if record.period == self.period_label()]
        if not versions:
            self.version_label.setText(self.tr("Not adopted yet: this will be version 1."))
            return
        latest = versions[-1]
        self.version_label.setText(fill(
            self.tr("Version %1 was adopted by %2 on %3 (%4). This will be version %5 and replace it."),
            latest.report_version, latest.adopted_by, format_long_date(latest.adopted_on), latest.paragraph,
            latest.report_version + 1,
        ))

    def _adoption_day_typed(self, text: str) -> None:
        if not self._report_date_given:
            self.report_date_edit.setText(text)

    def _report_date_typed(self, _text: str) -> None:
        self._report_date_given = True  # typed by the person: it no longer follows the adoption's day

    # --- adopting --------------------------------------------------------------------------------
    def try_adopt(self) -> None:
        """Record the adoption and keep the report; a refusal is shown at its fields and the dialog stays open."""
        clear_field_errors(self.banner, self.field_errors)
        from promises_app.reports.adopted_document import adopt_followup  # the document engine: loaded when used

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            days = read_dates({"adopted_on": self.date_edit, "report_date": self.report_date_edit})
            self.adopted = adopt_followup(
                self.services,
                self.agreement_id,
                self.period_label(),
                adopted_by=self.body_combo.currentText(),
                adopted_on=days["adopted_on"] or "",
                paragraph=self.paragraph_edit.text(),
                case_number=self.case_edit.text(),
                report_date=days["report_date"],
                options=self.options,
                today=self.today,
            )
        except ValidationError as error:
            put_field_errors(self.banner, self.field_errors, error.errors)
            self._focus_first([field_error.field for field_error in error.errors])
            self.adjustSize()  # room for the messages, nothing cut off
            return
        except AppError as error:
            self.banner.setText(str(error))
            self.banner.setVisible(True)
            self.adjustSize()
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.accept()

    def _focus_first(self, fields: list[str]) -> None:
        widgets: dict[str, QWidget] = {
            "period": self.period_combo, "adopted_by": self.body_combo, "adopted_on": self.date_edit,
            "paragraph": self.paragraph_edit, "case_number": self.case_edit, "report_date": self.report_date_edit,
        }
        for field in FIELDS:
            if field in fields:
                widgets[field].setFocus()
                return

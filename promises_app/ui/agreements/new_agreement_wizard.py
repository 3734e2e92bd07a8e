"""The wizard "Ny överenskommelse från förra årets": next year's draft from last year's agreement.

Three pages: choose the previous agreement; the new title, dates and reporting scheme; the
measures to carry over (the unfinished ones are ticked) with a summary of what is copied.
"Skapa" makes the draft through ``services.carry_over.create_from`` (one transaction) and pushes
an undo command already done: undo deletes the new draft, redo makes it again (under a new id
perhaps; the command keeps the record it last made). A refused creation shows each message at
its field, on the page where the field is, and the wizard stays open with what was typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from promises_app.domain.enums import ReportingScheme
from promises_app.domain.errors import AppError
from promises_app.services import Services
from promises_app.services.base import FieldValues
from promises_app.services.carry_over import CarriedMeasure, CarryOverPreview
from promises_app.services.errors import FieldError, ValidationError
from promises_app.services.records import AgreementRecord
from promises_app.ui.common.date_input import DateInput, read_dates
from promises_app.ui.common.formatting import fill, format_date
from promises_app.ui.common.labels import label
from promises_app.ui.common.operations import Operations
from promises_app.ui.common.record_table_model import Index, RecordTableModel
from promises_app.ui.common.undo_commands import DoneOnPush, Report

ERROR_STYLE = "color: #b71c1c;"
FINISHED_COLOUR = QColor("#777777")
#: The role holding a row's measure id.
MEASURE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: Fields shown on the details page; any other field's message goes with the measures.
DETAIL_FIELDS = ("title", "start_date", "end_date", "reporting_scheme")
#: The promise column is cut to this width (its tooltip has the whole text).
PROMISE_COLUMN_MAX = 220


def _error_label() -> QLabel:
    error = QLabel()
    error.setStyleSheet(ERROR_STYLE)
    error.setWordWrap(True)
    error.setTextFormat(Qt.TextFormat.PlainText)
    error.setVisible(False)
    return error


@dataclass(frozen=True)
class CarryOverRequest:
    """What the person chose: enough to make the new agreement again (redo)."""

    previous_agreement_id: int
    title: str
    start: date
    end: date
    reporting_scheme: ReportingScheme
    carried_measure_ids: frozenset[int]


class CreateFromPreviousCommand(DoneOnPush):
    """Undo deletes the new draft; redo makes it again from the previous agreement (a new id perhaps)."""

    def __init__(
        self,
        services: Services,
        request: CarryOverRequest,
        created: AgreementRecord,
        report: Report | None = None,
    ) -> None:
        text = QCoreApplication.translate("NewAgreementWizard", "New agreement from last year's: %1")
        super().__init__(fill(text, created.title), report)
        self.services = services
        self.request = request
        self.record = created

    def revert(self) -> None:
        self.services.agreements.delete_agreement(self.record.id)

    def apply(self) -> None:
        self.record = create(self.services, self.request)


def create(services: Services, request: CarryOverRequest) -> AgreementRecord:
    return services.carry_over.create_from(
        request.previous_agreement_id,
        title=request.title,
        start=request.start,
        end=request.end,
        reporting_scheme=request.reporting_scheme,
        carried_measure_ids=set(request.carried_measure_ids),
    )


class CarryMeasureModel(RecordTableModel[CarriedMeasure]):
    """Last year's measures with a tick box each: ticked ones are carried over.

    Finished ones (done, cancelled/postponed) are greyed and unticked, but can be ticked (a
    yearly event held again)."""

    TITLE, PROMISE, STATUS, RESPONSIBLE = range(4)
    checked_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._checked: set[int] = set()

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("NewAgreementWizard", "Measure"),
            QCoreApplication.translate("NewAgreementWizard", "Promise"),
            QCoreApplication.translate("NewAgreementWizard", "Latest status"),
            QCoreApplication.translate("NewAgreementWizard", "Responsible"),
        ]

    def set_rows(self, rows: list[CarriedMeasure]) -> None:
        super().set_rows(rows)
        self._checked = {r.measure.id for r in rows if r.carried}
        self.checked_changed.emit()

    def record_at(self, row: int) -> CarriedMeasure:
        return self._rows[row]

    def checked_ids(self) -> frozenset[int]:
        return frozenset(self._checked)

    def set_checked(self, ids: set[int] | frozenset[int]) -> None:
        self._checked = set(ids) & {r.measure.id for r in self._rows}
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0),
                                  [Qt.ItemDataRole.CheckStateRole])
        self.checked_changed.emit()

    def unfinished_ids(self) -> frozenset[int]:
        return frozenset(r.measure.id for r in self._rows if r.carried)

    def all_ids(self) -> frozenset[int]:
        return frozenset(r.measure.id for r in self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == self.TITLE:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.record_at(index.row())
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == Qt.ItemDataRole.CheckStateRole and column == self.TITLE:
            checked = item.measure.id in self._checked
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        if role == MEASURE_ID_ROLE:
            return item.measure.id
        if role == Qt.ItemDataRole.ForegroundRole and not item.carried:
            return QBrush(FINISHED_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.TITLE:
                return item.measure.title
            if column == self.PROMISE:
                return item.promise_text
            if not item.carried:
                return QCoreApplication.translate("NewAgreementWizard",
                                                  "Finished: not carried over unless you tick it.")
        return None

    def _display(self, item: CarriedMeasure, column: int) -> str:
        if column == self.TITLE:
            return item.measure.title
        if column == self.PROMISE:
            return item.promise_text
        if column == self.STATUS:
            if item.latest_status is None:
                return QCoreApplication.translate("NewAgreementWizard", "No follow-up")
            template = QCoreApplication.translate("NewAgreementWizard", "%1 (%2)")
            return fill(template, label(item.latest_status), item.latest_period or "")
        return item.measure.responsible_name

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole or index.column() != self.TITLE:
            return False
        measure_id = self.record_at(index.row()).measure.id
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self._checked.add(measure_id)
        else:
            self._checked.discard(measure_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checked_changed.emit()
        return True


class ChoosePreviousPage(QWizardPage):
    """Page 1: which agreement the new one continues."""

    def __init__(self, services: Services, previous_agreement_id: int | None) -> None:
        super().__init__()
        self.setTitle(self.tr("Last year's agreement"))
        self.setSubTitle(self.tr("Choose the agreement the new one continues. Its parties, focus areas, "
                                 "promises and unfinished measures are copied into a new draft."))
        self.agreement_list = QListWidget()
        self.agreement_list.setAccessibleName(self.tr("Previous agreement"))
        self.agreement_list.setSpacing(2)
        for summary in services.agreements.list_agreements():
            text = fill(self.tr("%1   (%2 – %3, %4)"), summary.title, format_date(summary.start_date),
                        format_date(summary.end_date), label(summary.state))
            if summary.parent_id is not None:
                text = "    " + text
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, summary.id)
            item.setToolTip(summary.title)
            self.agreement_list.addItem(item)
            if summary.id == previous_agreement_id:
                self.agreement_list.setCurrentItem(item)
        self.agreement_list.currentItemChanged.connect(lambda *_: self.completeChanged.emit())
        self.error = _error_label()
        caption = QLabel(self.tr("&Previous agreement:"))
        caption.setBuddy(self.agreement_list)
        layout = QVBoxLayout(self)
        layout.addWidget(caption)
        layout.addWidget(self.agreement_list)
        layout.addWidget(self.error)

    def selected_id(self) -> int | None:
        item = self.agreement_list.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return self.selected_id() is not None

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        self.error.setVisible(False)
        wizard = self.wizard()
        assert isinstance(wizard, NewAgreementWizard)
        try:
            wizard.load_preview(self.selected_id())
        except AppError as error:
            self.error.setText(str(error))
            self.error.setVisible(True)
            return False
        return True


class DetailsPage(QWizardPage):
    """Page 2: the new agreement's title, dates and reporting scheme."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("The new agreement"))
        self._loaded_for: int | None = None
        self.kind_label = QLabel()
        self.kind_label.setWordWrap(True)
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName(self.tr("Title"))
        self.start_edit = DateInput(accessible_name=self.tr("Start date"))
        self.end_edit = DateInput(accessible_name=self.tr("End date"))
        self.scheme_combo = QComboBox()
        self.scheme_combo.setAccessibleName(self.tr("Reporting periods"))
        for scheme in ReportingScheme:
            self.scheme_combo.addItem(label(scheme), scheme.value)
        self.field_errors = {name: _error_label() for name in DETAIL_FIELDS}
        self.banner = _error_label()
        self.field_widgets: dict[str, QWidget] = {
            "title": self.title_edit, "start_date": self.start_edit, "end_date": self.end_edit,
            "reporting_scheme": self.scheme_combo,
        }
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.kind_label)
        for field, caption_text in (
            ("title", self.tr("&Title:")),
            ("start_date", self.tr("&Start date:")),
            ("end_date", self.tr("&End date:")),
            ("reporting_scheme", self.tr("&Reporting periods:")),
        ):
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(self.field_widgets[field])
            column.addWidget(self.field_errors[field])
            caption = QLabel(caption_text)
            caption.setBuddy(self.field_widgets[field])
            form.addRow(caption, column)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addStretch(1)
        QWidget.setTabOrder(self.title_edit, self.start_edit)
        QWidget.setTabOrder(self.start_edit, self.end_edit)
        QWidget.setTabOrder(self.end_edit, self.scheme_combo)

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        """Fill in the suggestions, once per chosen previous agreement (what was typed stays)."""
        wizard = self.wizard()
        assert isinstance(wizard, NewAgreementWizard)
        preview = wizard.preview
        if preview is None or self._loaded_for == preview.agreement.id:
            return
        self._loaded_for = preview.agreement.id
        previous = preview.agreement
        self.setSubTitle(fill(self.tr("A new draft that continues «%1» (%2 – %3)."), previous.title,
                              format_date(previous.start_date), format_date(previous.end_date)))
        self.kind_label.setText(wizard.kind_text(preview))
        self.title_edit.setText(preview.suggested_title)
        self.start_edit.setDate(preview.suggested_start)
        self.end_edit.setDate(preview.suggested_end)
        self.scheme_combo.setCurrentIndex(max(0, self.scheme_combo.findData(previous.reporting_scheme.value)))
        self.clear_errors()

    def cleanupPage(self) -> None:  # noqa: N802 - Qt's name
        """Going back keeps what was typed (Qt would reset the page)."""

    def values(self) -> FieldValues:
        """What the page holds; a typed date that is no date is a ValidationError at its field."""
        dates = read_dates({"start_date": self.start_edit, "end_date": self.end_edit})
        return {
            "title": self.title_edit.text(),
            "start": dates["start_date"],
            "end": dates["end_date"],
            "reporting_scheme": ReportingScheme(self.scheme_combo.currentData()),
        }

    def clear_errors(self) -> None:
        for error in [self.banner, *self.field_errors.values()]:
            error.clear()
            error.setVisible(False)

    def show_errors(self, errors: list[FieldError] | tuple[FieldError, ...]) -> None:
        for field_error in errors:
            target = self.field_errors.get(field_error.field, self.banner)
            target.setText("\n".join(filter(None, [target.text(), field_error.message])))
            target.setVisible(True)
        first = next((e.field for e in errors if e.field in self.field_widgets), None)
        if first is not None:
            self.field_widgets[first].setFocus()

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        wizard = self.wizard()
        assert isinstance(wizard, NewAgreementWizard) and wizard.preview is not None
        self.clear_errors()
        try:
            wizard.services.carry_over.check_new(wizard.preview.agreement.id, **self.values())
        except ValidationError as error:
            self.show_errors(error.errors)
            return False
        except AppError as error:
            self.banner.setText(str(error))
            self.banner.setVisible(True)
            return False
        return True


class MeasuresPage(QWizardPage):
    """Page 3: the measures to carry over, and what else is copied."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Measures to carry over"))
        self.setSubTitle(self.tr("Ticked measures are copied into the new agreement and linked to last "
                                 "year's, so their history can be shown. Finished ones are greyed."))
        self._loaded_for: int | None = None
        self.model = CarryMeasureModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Measures to carry over"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(CarryMeasureModel.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(CarryMeasureModel.PROMISE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(CarryMeasureModel.STATUS, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CarryMeasureModel.RESPONSIBLE, QHeaderView.ResizeMode.ResizeToContents)
        self.all_button = QPushButton(self.tr("Tick &all"))
        self.unfinished_button = QPushButton(self.tr("&Unfinished only"))
        self.none_button = QPushButton(self.tr("Tick &none"))
        self.all_button.clicked.connect(lambda: self.model.set_checked(self.model.all_ids()))
        self.unfinished_button.clicked.connect(lambda: self.model.set_checked(self.model.unfinished_ids()))
        self.none_button.clicked.connect(lambda: self.model.set_checked(set()))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setAccessibleName(self.tr("What is copied"))
        self.error = _error_label()
        self.model.checked_changed.connect(self._update_summary)
        caption = QLabel(self.tr("&Measures:"))
        caption.setBuddy(self.table)
        buttons = QHBoxLayout()
        for button in (self.all_button, self.unfinished_button, self.none_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(caption)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        layout.addWidget(self.summary)

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        """The measures of the chosen agreement, once per choice (ticks the person set stay)."""
        wizard = self.wizard()
        assert isinstance(wizard, NewAgreementWizard)
        preview = wizard.preview
        if preview is None or self._loaded_for == preview.agreement.id:
            self._update_summary()
            return
        self._loaded_for = preview.agreement.id
        self.model.set_rows(list(preview.measures))
        self.table.resizeColumnToContents(CarryMeasureModel.PROMISE)
        promise_width = min(self.table.columnWidth(CarryMeasureModel.PROMISE), PROMISE_COLUMN_MAX)
        self.table.setColumnWidth(CarryMeasureModel.PROMISE, promise_width)
        self.error.setVisible(False)
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))

    def cleanupPage(self) -> None:  # noqa: N802 - Qt's name
        """Going back keeps the ticks."""

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(True)

    def _update_summary(self) -> None:
        wizard = self.wizard()
        preview = wizard.preview if isinstance(wizard, NewAgreementWizard) else None
        if preview is None:
            self.summary.clear()
            return
        lines = [
            self.tr("Copied into the new draft:"),
            fill(self.tr("• Parties: %1 (%2)"), len(preview.parties),
                 ", ".join(p.organisation_name for p in preview.parties)),
            fill(self.tr("• Signatories: %1"), preview.signatory_count),
            fill(self.tr("• Focus areas: %1"), len(preview.focus_areas)),
            fill(self.tr("• Promises: %1"), len(preview.promises)),
            fill(self.tr("• Measures: %1 of %2"), len(self.model.checked_ids()), self.model.rowCount()),
            self.tr("• The goals and texts, as a starting point to rewrite."),
            self.tr("Not copied: follow-ups, the indicators, sources and safety walks of the situation, "
                    "and the measures' start and end dates (set new ones in the plan)."),
        ]
        self.summary.setText("\n".join(lines))


class NewAgreementWizard(QWizard):
    """The wizard. ``created_id`` is the new agreement's id once "Create" succeeded."""

    CHOOSE, DETAILS, MEASURES = range(3)

    def __init__(
        self,
        services: Services,
        undo_stack: QUndoStack,
        previous_agreement_id: int | None = None,
        parent: QWidget | None = None,
        *,
        report: Report | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.undo_stack = undo_stack
        self.report = report
        self.preview: CarryOverPreview | None = None
        self.created_id: int | None = None
        self.setWindowTitle(self.tr("New agreement from last year's"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Back"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next >"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Create"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self.choose_page = ChoosePreviousPage(services, previous_agreement_id)
        self.details_page = DetailsPage()
        self.measures_page = MeasuresPage()
        self.setPage(self.CHOOSE, self.choose_page)
        self.setPage(self.DETAILS, self.details_page)
        self.setPage(self.MEASURES, self.measures_page)
        self.setMinimumSize(820, 560)

    def load_preview(self, agreement_id: int | None) -> None:
        if agreement_id is None:
            return
        if self.preview is None or self.preview.agreement.id != agreement_id:
            self.preview = self.services.carry_over.preview(agreement_id)

    def kind_text(self, preview: CarryOverPreview) -> str:
        kind = label(preview.agreement.kind)
        if preview.agreement.parent_id is None:
            return fill(self.tr("Kind: %1, a draft."), kind)
        parent = next((a.title for a in self.services.agreements.list_agreements()
                       if a.id == preview.agreement.parent_id), "")
        return fill(self.tr("Kind: %1, a draft under «%2»."), kind, parent)

    def request(self) -> CarryOverRequest:
        assert self.preview is not None
        values = self.details_page.values()
        return CarryOverRequest(
            previous_agreement_id=self.preview.agreement.id,
            title=values["title"],
            start=values["start"],
            end=values["end"],
            reporting_scheme=values["reporting_scheme"],
            carried_measure_ids=self.measures_page.model.checked_ids(),
        )

    def validateCurrentPage(self) -> bool:  # noqa: N802 - Qt's name
        """On the last page "Create" makes the agreement; a refusal keeps the wizard open."""
        if self.currentId() != self.MEASURES:
            return super().validateCurrentPage()
        if self.created_id is not None:
            return True
        self.measures_page.error.setVisible(False)
        try:
            request = self.request()
            created = self._create(request)
        except ValidationError as error:
            self._show_refusal(error.errors)
            return False
        except AppError as error:
            self.measures_page.show_error(str(error))
            return False
        self.created_id = created.id
        return True

    def _create(self, request: CarryOverRequest) -> AgreementRecord:
        """The new agreement, made off the GUI thread (a big plan takes a while), pushed as one step."""
        def command(created: AgreementRecord) -> CreateFromPreviousCommand:
            return CreateFromPreviousCommand(self.services, request, created, self.report)

        if isinstance(self.undo_stack, Operations):
            return self.undo_stack.perform_long(
                lambda: create(self.services, request), parent=self, title=self.windowTitle(),
                label=self.tr("Creating the agreement…"), undo=command,
            )
        created = create(self.services, request)  # a bare stack: a test of the wizard alone
        self.undo_stack.push(command(created))
        return created

    def _show_refusal(self, errors: tuple[FieldError, ...] | list[FieldError]) -> None:
        """Each message at its field: details on page 2 (going back there), the rest here."""
        details = [e for e in errors if e.field in DETAIL_FIELDS]
        others = [e for e in errors if e.field not in DETAIL_FIELDS]
        if others:
            self.measures_page.show_error("\n".join(e.message for e in others))
        if details:
            while self.currentId() == self.MEASURES:
                self.back()
            self.details_page.clear_errors()
            self.details_page.show_errors(details)


def run_new_agreement_wizard(
    parent: QWidget | None, services: Services, undo_stack: QUndoStack, previous_agreement_id: int | None
) -> int | None:
    """Show the wizard (modal); the new agreement's id, or None if cancelled."""

    def report(message: str) -> None:
        title = QCoreApplication.translate("NewAgreementWizard", "New agreement from last year's")
        QMessageBox.warning(parent, title, message)

    wizard = NewAgreementWizard(services, undo_stack, previous_agreement_id, parent, report=report)
    try:
        wizard.exec()
        return wizard.created_id
    finally:
        wizard.deleteLater()


__all__ = [
    "CarryMeasureModel",
    "CarryOverRequest",
    "CreateFromPreviousCommand",
    "MEASURE_ID_ROLE",
    "NewAgreementWizard",
    "run_new_agreement_wizard",
]

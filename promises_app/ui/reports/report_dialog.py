"""Choosing and making a report: a follow-up report for one period, or the annual report.

The person picks what the report covers and how it looks (``reports.report_options``); "Create
report" then hands the whole report to the window's ``ReportRunner``, which makes it off the GUI
thread behind a progress dialog with Cancel: one read transaction (``services.reports.source``,
so the report shows one moment of the data), the content built from it, and the render; then
it opens the PDF in a preview with "Save as…". The window stays responsive all the while.

A period the agreement lacks is refused here at once, before anything starts. What the
background work refuses comes back as the exception: a person's error (``AppError``: the
agreement deleted meanwhile, the database moved or unreadable) is shown in the dialog's error
line; anything else is a bug, logged and shown in the error dialog as well. The dialog stays
open, so another period or other choices can follow without starting over.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import date
from enum import StrEnum
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from promises_app.domain.enums import ReportingScheme
from promises_app.domain.errors import AppError
from promises_app.domain.periods import Period, describe
from promises_app.domain.validation import shorten
from promises_app.files import safe_file_name
from promises_app.reports.report_options import (
    AnnualOptions,
    AnnualSection,
    FollowUpOptions,
    FollowUpSection,
    Grouping,
    Orientation,
)
from promises_app.services import Services
from promises_app.services.errors import ValidationError
from promises_app.services.followups import reporting_period
from promises_app.services.period_follow_ups import PeriodFollowUpRecord
from promises_app.ui.common.background import TaskControl
from promises_app.ui.common.connections import connect_while_alive
from promises_app.ui.common.date_input import DateInput, read_dates
from promises_app.ui.common.error_dialog import ErrorDialog, show_error
from promises_app.ui.common.formatting import fill, format_long_date
from promises_app.ui.common.forms import ERROR_STYLE, heading_label
from promises_app.ui.common.operations import Operations
from promises_app.ui.common.pdf_preview import PdfPreviewDialog
from promises_app.ui.reports.report_runner import ReportRunner, ReportStep

if TYPE_CHECKING:  # the report modules are loaded when a report is made
    from promises_app.reports.annual_content import AnnualContent
    from promises_app.reports.followup_content import FollowUpContent
    from promises_app.ui.reports.adopt_dialog import AdoptDialog
    from promises_app.ui.shell.settings import AppSettings

_log = logging.getLogger(__name__)

#: Lines of "Next steps" visible without scrolling.
NEXT_STEPS_LINES = 4


class ReportKind(StrEnum):
    FOLLOW_UP = "follow_up"  # uppföljningsrapport, one period
    ANNUAL = "annual"  # årsrapport (slutrapport), every period


DEFAULT_ORIENTATION = {ReportKind.FOLLOW_UP: Orientation.PORTRAIT, ReportKind.ANNUAL: Orientation.LANDSCAPE}


def default_period_index(periods: Sequence[Period], today: date) -> int:
    """The latest period that has ended by ``today`` (the one a follow-up report is usually due
    for); before the first period has ended, the first one. -1 when there are none."""
    ended = [index for index, period in enumerate(periods) if period.end < today]
    if ended:
        return ended[-1]
    return 0 if periods else -1


def fill_period_choice(combo: QComboBox, periods: Sequence[Period], today: date) -> None:
    """``combo`` offers ``periods`` ("Tertial 2 2022 (2022-T2)"; a whole-period agreement by its
    dates only), each with its label as data, the one a report is usually due for chosen."""
    for period in periods:
        described = describe(period)
        text = described if period.scheme is ReportingScheme.WHOLE_PERIOD else f"{described} ({period.label})"
        combo.addItem(text, period.label)
    combo.setCurrentIndex(default_period_index(periods, today))


def build_followup(
    services: Services, agreement_id: int, period: str, *, today: date, options: FollowUpOptions
) -> FollowUpContent:
    """Runs in the pool: the follow-up report's content, from one read transaction."""
    from promises_app.reports.followup_content import build_followup_content

    return build_followup_content(services, agreement_id, period, today=today, options=options)


def build_annual(services: Services, agreement_id: int, *, today: date, options: AnnualOptions) -> AnnualContent:
    """Runs in the pool: the annual report's content, from one read transaction."""
    from promises_app.reports.annual_content import build_annual_content

    return build_annual_content(services, agreement_id, today=today, options=options)


def render_followup(content: FollowUpContent, options: FollowUpOptions) -> bytes:
    """Runs in the pool: the follow-up report's PDF from its content (no database)."""
    from promises_app.reports.followup_pdf import render_followup_pdf  # the document engine: loaded when used

    return render_followup_pdf(content, options)


def render_annual(content: AnnualContent, options: AnnualOptions) -> bytes:
    """Runs in the pool: the annual report's PDF from its content (no database)."""
    from promises_app.reports.annual_pdf import render_annual_pdf  # the document engine: loaded when used

    return render_annual_pdf(content, options)


def followup_work(
    services: Services, agreement_id: int, period: str, *, today: date, options: FollowUpOptions
) -> Callable[[TaskControl], bytes]:
    """The follow-up report as the runner's work: read and build, then (unless cancelled) render."""

    def make(control: TaskControl) -> bytes:
        control.step(ReportStep.READING)
        content = build_followup(services, agreement_id, period, today=today, options=options)
        control.step(ReportStep.RENDERING)
        return render_followup(content, options)

    return make


def annual_work(
    services: Services, agreement_id: int, *, today: date, options: AnnualOptions
) -> Callable[[TaskControl], bytes]:
    """The annual report as the runner's work: read and build, then (unless cancelled) render."""

    def make(control: TaskControl) -> bytes:
        control.step(ReportStep.READING)
        content = build_annual(services, agreement_id, today=today, options=options)
        control.step(ReportStep.RENDERING)
        return render_annual(content, options)

    return make


class ReportDialog(QDialog):
    """The choices for a report of one agreement, and "Create report"."""

    def __init__(
        self,
        services: Services,
        agreement_id: int,
        *,
        today: date,
        kind: ReportKind = ReportKind.FOLLOW_UP,
        runner: ReportRunner | None = None,
        parent: QWidget | None = None,
        settings: AppSettings | None = None,
        undo_stack: QUndoStack | None = None,
    ) -> None:
        """``settings``: where the choices are remembered per agreement (none: nothing remembered).
        ``undo_stack``: the window's, on which a changed "Next steps" is an undo step."""
        super().__init__(parent)
        self.services = services
        self.settings = settings
        self.undo_stack = undo_stack
        #: The period whose stored "Next steps" the field shows, and that follow-up as read (None: none yet).
        self._next_steps_period: str | None = None
        self._stored_next_steps: PeriodFollowUpRecord | None = None
        self.agreement_id = agreement_id
        self.today = today
        self.agreement = services.agreements.get_agreement(agreement_id)
        self.periods = services.agreements.periods(agreement_id)
        self.runner = runner if runner is not None else ReportRunner(self)
        # The window's runner outlives the dialog (a new one is made for every report).
        connect_while_alive(self, self.runner, self.runner.failed, self._report_failed, until_finished=False)
        #: The error dialog shown for the last unexpected failure (None when there was none).
        self.error_dialog: ErrorDialog | None = None
        self.setWindowTitle(self.tr("Create report"))
        self.setMinimumWidth(600)

        heading = heading_label(self.agreement.title)

        # What kind of report.
        self.followup_radio = QRadioButton(self.tr("&Follow-up report for one period"))
        self.followup_radio.setAccessibleName(self.tr("Follow-up report for one period"))
        self.annual_radio = QRadioButton(self.tr("&Annual or final report"))
        self.annual_radio.setAccessibleName(self.tr("Annual or final report, the periods side by side"))
        kinds = self._row(self.followup_radio, self.annual_radio)

        self.period_combo = QComboBox()
        self.period_combo.setAccessibleName(self.tr("Reporting period"))
        fill_period_choice(self.period_combo, self.periods, today)
        # Whether the chosen period's follow-up has been adopted (a report made here is then a working copy).
        self.adopted = services.adoptions.list_adopted(agreement_id)
        self.adopted_label = QLabel()
        self.adopted_label.setTextFormat(Qt.TextFormat.PlainText)
        self.adopted_label.setWordWrap(True)
        self.adopted_label.setAccessibleName(self.tr("Adoption of the period's follow-up"))
        self.period_combo.currentIndexChanged.connect(lambda _index: self._show_adopted())
        self.period_combo.currentIndexChanged.connect(lambda _index: self._period_changed())
        period_column = QVBoxLayout()
        period_column.setSpacing(2)
        period_column.addWidget(self.period_combo)
        period_column.addWidget(self.adopted_label)
        #: The dialog recording an adoption, and the preview of the report kept (the last ones opened).
        self.adopt_dialog: AdoptDialog | None = None
        self.adopted_preview: PdfPreviewDialog | None = None

        # The annual report's year: by default the report day's year while the agreement runs, the
        # whole agreement once it has ended (reports/annual_content.py, report_scope).
        self.year_combo = QComboBox()
        self.year_combo.setAccessibleName(self.tr("Year the annual report covers"))
        self.year_combo.addItem(self.tr("As of the report date"), 0)
        for year in range(self.agreement.start_date.year, self.agreement.end_date.year + 1):
            self.year_combo.addItem(str(year), year)
        self.year_combo.setToolTip(self.tr(
            "While the agreement runs: the year of the report date. Once it has ended: the whole "
            "agreement (a final report). Or one calendar year of it."
        ))

        self.portrait_radio = QRadioButton(self.tr("P&ortrait"))
        self.portrait_radio.setAccessibleName(self.tr("Portrait pages"))
        self.landscape_radio = QRadioButton(self.tr("&Landscape"))
        self.landscape_radio.setAccessibleName(self.tr("Landscape pages"))
        orientations = self._row(self.portrait_radio, self.landscape_radio)

        self.grouping_combo = QComboBox()
        self.grouping_combo.setAccessibleName(self.tr("Group the measures"))
        self.grouping_combo.addItem(self.tr("By promise"), Grouping.PROMISE.value)
        self.grouping_combo.addItem(self.tr("By focus area"), Grouping.FOCUS_AREA.value)

        self.date_edit = DateInput(today, self.tr("Report date"))
        self.date_edit.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.date_edit.line_edit.setToolTip(" ".join((
            self.tr("The report is dated and made as of this day: overdue is judged on it."),
            self.date_edit.line_edit.toolTip(),
        )))
        self.date_error = QLabel()
        self.date_error.setStyleSheet(ERROR_STYLE)
        self.date_error.setWordWrap(True)
        self.date_error.setTextFormat(Qt.TextFormat.PlainText)
        self.date_error.setVisible(False)
        date_column = QVBoxLayout()
        date_column.setSpacing(2)
        date_column.addWidget(self.date_edit)
        date_column.addWidget(self.date_error)

        self.logos_box = QCheckBox(self.tr("&Include the parties' logos"))
        self.logos_box.setChecked(True)
        self.logos_box.setAccessibleName(self.tr("Include the parties' logos in the page header"))

        # The sections, one page of check boxes per kind of report.
        section_words = {
            "summary": self.tr("Summary"),
            "measures": self.tr("The measures in the period"),
            "matrix": self.tr("Status per measure and period"),
            "completed": self.tr("Completed"),
            "carry_over": self.tr("Carried over to next year"),
            "moved": self.tr("Changed since signing"),
            "indicators": self.tr("Indicators"),
            "next_steps": self.tr("Next steps"),
        }
        self.section_boxes: dict[ReportKind, dict[str, QCheckBox]] = {}
        self.sections_stack = QStackedWidget()
        self.sections_stack.setAccessibleName(self.tr("Sections of the report"))
        for kind_shown, sections in (
            (ReportKind.FOLLOW_UP, [s.value for s in FollowUpSection]),
            (ReportKind.ANNUAL, [s.value for s in AnnualSection]),
        ):
            page = QWidget()
            grid = QGridLayout(page)
            grid.setContentsMargins(0, 0, 0, 0)
            boxes: dict[str, QCheckBox] = {}
            rows = (len(sections) + 1) // 2
            for number, section in enumerate(sections):
                box = QCheckBox(section_words[section])
                box.setChecked(True)
                box.setAccessibleName(fill(self.tr("Include the section “%1”"), section_words[section]))
                grid.addWidget(box, number % rows, number // rows)
                boxes[section] = box
            grid.setColumnStretch(2, 1)
            grid.setRowStretch(rows, 1)  # the shorter page keeps its rows together at the top
            self.sections_stack.addWidget(page)
            self.section_boxes[kind_shown] = boxes

        self.next_steps_edit = QPlainTextEdit()
        self.next_steps_edit.setAccessibleName(self.tr("Next steps"))
        self.next_steps_edit.setPlaceholderText(
            self.tr("What the parties will do next. Printed under “Next steps”; left out when empty.")
        )
        self.next_steps_edit.setTabChangesFocus(True)
        self.next_steps_edit.setFixedHeight(
            NEXT_STEPS_LINES * self.next_steps_edit.fontMetrics().lineSpacing()
            + 2 * int(self.next_steps_edit.document().documentMargin()) + 8
        )
        for boxes in self.section_boxes.values():
            boxes["next_steps"].toggled.connect(self._update_enabled)

        self.error_label = QLabel()
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.setAccessibleName(self.tr("Why the report could not be made"))
        self.error_label.setVisible(False)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Report:"), kinds)
        form.addRow(self._caption(self.tr("&Period:"), self.period_combo), period_column)
        form.addRow(self._caption(self.tr("&Year:"), self.year_combo), self.year_combo)
        form.addRow(self.tr("Pages:"), orientations)
        form.addRow(self._caption(self.tr("&Group measures:"), self.grouping_combo), self.grouping_combo)
        form.addRow(self._caption(self.tr("Report &date:"), self.date_edit), date_column)
        form.addRow(self.tr("Page header:"), self.logos_box)
        sections_caption = QLabel(self.tr("Sections:"))
        form.addRow(sections_caption, self.sections_stack)
        form.addRow(self._caption(self.tr("&Next steps:"), self.next_steps_edit), self.next_steps_edit)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("Close"))
        self.create_action = QAction(self.tr("&Create report"), self)
        self.create_action.setShortcut(QKeySequence("Ctrl+Return"))
        self.create_action.triggered.connect(lambda _checked=False: self.create_report())
        self.addAction(self.create_action)
        self.create_button = QPushButton(self.create_action.text())
        self.create_button.setDefault(True)
        self.create_button.setAccessibleName(self.tr("Create the report"))
        self.create_button.setToolTip(
            fill(
                self.tr("Make the PDF and show it before it is saved (%1)"),
                self.create_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText),
            )
        )
        self.create_button.clicked.connect(self.create_action.trigger)
        buttons.addButton(self.create_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.adopt_button = QPushButton(self.tr("Adop&t…"))
        self.adopt_button.setAccessibleName(self.tr("Record that the period's follow-up was adopted"))
        self.adopt_button.setToolTip(self.tr(
            "Record that a council or the board adopted this period's follow-up (date, paragraph, case number), "
            "and keep the report with these choices as it is now, as an archival PDF"
        ))
        self.adopt_button.clicked.connect(lambda _checked=False: self.adopt())
        buttons.addButton(self.adopt_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addWidget(buttons)

        chain: list[QWidget] = [
            self.followup_radio, self.annual_radio, self.period_combo, self.year_combo, self.portrait_radio,
            self.landscape_radio, self.grouping_combo, self.date_edit, self.logos_box,
            *self.section_boxes[ReportKind.FOLLOW_UP].values(), *self.section_boxes[ReportKind.ANNUAL].values(),
            self.next_steps_edit, self.create_button, self.adopt_button, self.close_button,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

        #: The orientation chosen per kind of report (a switch of kind brings back that kind's).
        self._orientation = dict(DEFAULT_ORIENTATION)
        self._kind = kind
        (self.annual_radio if kind is ReportKind.ANNUAL else self.followup_radio).setChecked(True)
        self._show_orientation(self._orientation[kind])
        self.followup_radio.toggled.connect(self._kind_toggled)
        self._restore_choices()
        self._update_enabled()
        self._load_next_steps()
        (self.period_combo if kind is ReportKind.FOLLOW_UP else self.annual_radio).setFocus()

    # --- layout helpers ----------------------------------------------------------------------
    @staticmethod
    def _row(*widgets: QWidget) -> QWidget:
        """Radio buttons side by side in a widget of their own (arrow keys move within it)."""
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            line.addWidget(widget)
        line.addStretch(1)
        return row

    @staticmethod
    def _caption(text: str, buddy: QWidget) -> QLabel:
        caption = QLabel(text)
        caption.setBuddy(buddy)
        return caption

    # --- the choices -------------------------------------------------------------------------
    def kind(self) -> ReportKind:
        return ReportKind.FOLLOW_UP if self.followup_radio.isChecked() else ReportKind.ANNUAL

    def set_kind(self, kind: ReportKind) -> None:
        (self.annual_radio if kind is ReportKind.ANNUAL else self.followup_radio).setChecked(True)

    def orientation(self) -> Orientation:
        return Orientation.LANDSCAPE if self.landscape_radio.isChecked() else Orientation.PORTRAIT

    def _show_orientation(self, orientation: Orientation) -> None:
        (self.landscape_radio if orientation is Orientation.LANDSCAPE else self.portrait_radio).setChecked(True)

    def period_label(self) -> str:
        return str(self.period_combo.currentData() or "")

    def select_period(self, label: str) -> None:
        self.period_combo.setCurrentIndex(self.period_combo.findData(label))

    def report_date(self) -> date:
        """The typed report date; a ValidationError for ``report_date`` if the text is no date."""
        day = read_dates({"report_date": self.date_edit})["report_date"]
        assert day is not None
        return day

    def chosen_sections(self) -> list[str]:
        return [name for name, box in self.section_boxes[self.kind()].items() if box.isChecked()]

    def options(self) -> FollowUpOptions | AnnualOptions:
        common: dict[str, Any] = {
            "orientation": self.orientation(),
            "logos": self.logos_box.isChecked(),
            "report_date": self.report_date(),
            "next_steps": self.next_steps_edit.toPlainText(),
        }
        chosen = self.chosen_sections()
        if self.kind() is ReportKind.ANNUAL:
            return AnnualOptions(sections=frozenset(AnnualSection(s) for s in chosen),
                                 year=int(self.year_combo.currentData()) or None, **common)
        return FollowUpOptions(
            sections=frozenset(FollowUpSection(s) for s in chosen),
            group_by=Grouping(self.grouping_combo.currentData()),
            **common,
        )

    def file_name(self) -> str:
        """The name offered by "Save as…": "Solna – medborgarlöften 2022 uppföljning 2022-T2.pdf"."""
        if self.kind() is ReportKind.ANNUAL:
            name = fill(self.tr("%1 annual report.pdf"), self.agreement.title)
        else:
            name = fill(self.tr("%1 follow-up %2.pdf"), self.agreement.title, self.period_label())
        return safe_file_name(name, self.tr("report.pdf"))

    def _kind_toggled(self, _checked: bool) -> None:
        kind = self.kind()
        if kind is self._kind:
            return
        self._orientation[self._kind] = self.orientation()
        self._kind = kind
        self._show_orientation(self._orientation[kind])
        self.show_error("")
        self._update_enabled()
        if kind is ReportKind.ANNUAL:
            self.store_next_steps()  # the period's text is kept; the annual report starts from it
            self._next_steps_period = None
        else:
            self._load_next_steps()

    # --- remembered: the choices per agreement (settings), "Next steps" per period (database) --
    def _restore_choices(self) -> None:
        """The choices last used for this agreement; the period too, unless another period has ended
        since (then the one now due, as for a first report)."""
        path = self.services.db.path
        if self.settings is None or path is None:
            return
        choices = self.settings.report_choices(path, self.agreement_id)
        period = self.period_combo.findData(choices.get("period"))
        if period >= 0 and choices.get("due") == self.period_label():  # else a period has ended since: that one
            self.period_combo.setCurrentIndex(period)
        year = self.year_combo.findData(choices.get("year"))
        if year >= 0:
            self.year_combo.setCurrentIndex(year)
        orientations = choices.get("orientation")
        if isinstance(orientations, dict):
            for kind_name, value in orientations.items():
                if kind_name in ReportKind._value2member_map_ and value in Orientation._value2member_map_:
                    self._orientation[ReportKind(kind_name)] = Orientation(value)
            self._show_orientation(self._orientation[self._kind])
        grouping = self.grouping_combo.findData(choices.get("grouping"))
        if grouping >= 0:
            self.grouping_combo.setCurrentIndex(grouping)
        if isinstance(choices.get("logos"), bool):
            self.logos_box.setChecked(choices["logos"])
        sections = choices.get("sections")
        if isinstance(sections, dict):
            for kind_name, chosen in sections.items():
                if kind_name in self.section_boxes and isinstance(chosen, list):
                    for name, box in self.section_boxes[kind_name].items():
                        box.setChecked(name in chosen)

    def save_choices(self) -> None:
        """Remember the choices for this agreement (the report date is always the day's, so not kept)."""
        path = self.services.db.path
        if self.settings is None or path is None:
            return
        self._orientation[self._kind] = self.orientation()
        due = default_period_index(self.periods, self.today)
        self.settings.set_report_choices(path, self.agreement_id, {
            "period": self.period_label(),
            "due": self.periods[due].label if due >= 0 else "",
            "year": int(self.year_combo.currentData()),
            "orientation": {kind.value: orientation.value for kind, orientation in self._orientation.items()},
            "grouping": str(self.grouping_combo.currentData()),
            "logos": self.logos_box.isChecked(),
            "sections": {kind.value: [name for name, box in boxes.items() if box.isChecked()]
                         for kind, boxes in self.section_boxes.items()},
        })

    def _period_changed(self) -> None:
        if self.kind() is ReportKind.FOLLOW_UP:
            self.store_next_steps()  # what was typed for the period left stays with it
            self._load_next_steps()

    def _load_next_steps(self) -> None:
        """The follow-up report's "Next steps": the text stored with the chosen period's follow-up."""
        period = self.period_label()
        if self.kind() is not ReportKind.FOLLOW_UP or not period:
            return
        try:
            self._stored_next_steps = self.services.period_follow_ups.get(self.agreement_id, period)
        except AppError as error:
            self.show_error(error.message)
            return
        self._next_steps_period = period
        self.next_steps_edit.setPlainText(self._stored_next_steps.next_steps if self._stored_next_steps else "")

    def store_next_steps(self) -> bool:
        """The text typed for the period, stored with its follow-up if it changed: one undo step,
        in the change log. False if that was refused (the reason is shown)."""
        period = self._next_steps_period
        if period is None or self.services.db.read_only is not None:
            return True
        stored = self._stored_next_steps
        before = stored.next_steps if stored is not None else ""
        text = self.next_steps_edit.toPlainText()
        if text.strip() == before:
            return True
        from promises_app.ui.reports.report_commands import SetNextStepsCommand

        def action() -> PeriodFollowUpRecord:
            return self.services.period_follow_ups.set_next_steps(
                self.agreement_id, period, text, expected_version=stored.version if stored is not None else 0
            )

        record: PeriodFollowUpRecord | None
        if isinstance(self.undo_stack, Operations):
            record = self.undo_stack.perform(
                action, parent=self, title=self.tr("Next steps"),
                undo=lambda done: SetNextStepsCommand(self.services, before, done),
            )
        else:
            try:
                record = action()
            except AppError as error:
                self.show_error(error.message)
                return False
            if self.undo_stack is not None:
                self.undo_stack.push(SetNextStepsCommand(self.services, before, record))
        if record is None:
            return False
        self._stored_next_steps = record
        return True

    def _update_enabled(self) -> None:
        follow_up = self.kind() is ReportKind.FOLLOW_UP
        self.period_combo.setEnabled(follow_up and bool(self.periods))
        self.year_combo.setEnabled(not follow_up)
        self.adopt_button.setEnabled(follow_up and bool(self.periods))
        self._show_adopted()
        self.grouping_combo.setEnabled(follow_up)
        self.sections_stack.setCurrentIndex(0 if follow_up else 1)
        self.next_steps_edit.setEnabled(self.section_boxes[self.kind()]["next_steps"].isChecked())

    def _show_adopted(self) -> None:
        """Under the period: its adopted version, if any (what a report made here is not)."""
        versions = [record for record in self.adopted if record.period == self.period_label()]
        if not versions or self.kind() is not ReportKind.FOLLOW_UP:
            self.adopted_label.setVisible(False)
            return
        latest = versions[-1]
        self.adopted_label.setText(fill(
            self.tr("Adopted as version %1 by %2 on %3 (%4). A report created here is a working copy; the "
                    "adopted one is kept on the Versions page."),
            latest.report_version, latest.adopted_by, format_long_date(latest.adopted_on), latest.paragraph,
        ))
        self.adopted_label.setVisible(True)

    def adopt(self) -> AdoptDialog | None:
        """Open the dialog recording the adoption of the chosen period's follow-up, with this dialog's choices."""
        if self.kind() is not ReportKind.FOLLOW_UP or not self.periods:
            return None
        self.show_error("")
        self.date_error.setVisible(False)
        try:
            options = self.options()
        except ValidationError as error:  # the report date is no date: said under it
            self.date_error.setText("\n".join(e.message for e in error.errors))
            self.date_error.setVisible(True)
            self.date_edit.setFocus()
            return None
        assert isinstance(options, FollowUpOptions)  # the follow-up report is chosen
        self.save_choices()
        if not self.store_next_steps():
            return None
        from promises_app.ui.reports.adopt_dialog import AdoptDialog  # it uses this module's period default

        self.runner.wait_for_background_work()  # the report's columns are measured with ReportLab's font metrics
        try:
            dialog = AdoptDialog(self.services, self.agreement_id, today=self.today, period=self.period_label(),
                                 options=options, parent=self)
        except AppError as error:
            self.show_error(error.message)
            return None
        dialog.accepted.connect(lambda: self._adopted(dialog))
        self.adopt_dialog = dialog
        dialog.open()
        return dialog

    def _adopted(self, dialog: AdoptDialog) -> None:
        """The adoption is recorded: say so, and show the report kept (to save and publish)."""
        record = dialog.adopted
        if record is None:
            return
        try:
            self.adopted = self.services.adoptions.list_adopted(self.agreement_id)
            kept = self.services.adoptions.printable(self.agreement_id, record.period, record.report_version)
        except AppError as error:
            self.show_error(error.message)
            return
        self._show_adopted()
        name = fill(self.tr("%1 follow-up %2 adopted version %3.pdf"), self.agreement.title, record.period,
                    record.report_version)
        preview = PdfPreviewDialog(kept.pdf, safe_file_name(name, self.tr("report.pdf")), self,
                                   database=self.services.db.path)
        self.adopted_preview = preview
        preview.open()

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    # --- making the report -------------------------------------------------------------------
    @property
    def preview_dialog(self) -> PdfPreviewDialog | None:
        """The preview of the last report made from this dialog (None while rendering or cancelled)."""
        preview = self.runner.preview_dialog
        return preview if preview is not None and preview.parent() is self else None

    def create_report(self) -> int | None:
        """Start making the report in the background; returns the task's number.

        Nothing is read here: the read, the content and the render all run in the runner's
        pool. A report date that is no date, or a period the agreement lacks, is said at once
        and nothing starts; what the background work refuses arrives in ``_report_failed``.
        """
        if self.runner.busy():
            return None
        self.show_error("")
        self.date_error.setVisible(False)
        self.save_choices()
        if self.kind() is ReportKind.FOLLOW_UP and not self.store_next_steps():
            return None
        try:
            options = self.options()
        except ValidationError as error:  # the report date is no date: said under it, nothing made
            self.date_error.setText("\n".join(e.message for e in error.errors))
            self.date_error.setVisible(True)
            self.date_edit.setFocus()
            return None
        make: Callable[[TaskControl], bytes]
        if isinstance(options, AnnualOptions):
            title = self.tr("Annual report")
            make = annual_work(self.services, self.agreement_id, today=self.today, options=options)
        else:
            period = self.period_label()
            try:
                reporting_period(self.agreement, period)
            except ValidationError as error:  # a period the agreement lacks: nothing started
                self.show_error(error.message)
                return None
            title = self.tr("Follow-up report")
            make = followup_work(self.services, self.agreement_id, period, today=self.today, options=options)
        return self.runner.start(
            make, file_name=self.file_name(), title=title, parent=self, database=self.services.db.path
        )

    def _report_failed(self, started_over: object, error: object) -> None:
        if started_over is not self:
            return  # another dialog's report
        if isinstance(error, AppError):  # the person's error: said here, in its own words
            self.show_error(error.message)
            return
        if not isinstance(error, BaseException):  # the runner always sends the exception
            error = RuntimeError(str(error))
        _log.error("Rapporten kunde inte skapas", exc_info=(type(error), error, error.__traceback__))
        self.show_error(
            fill(self.tr("The report could not be made: %1"), shorten(str(error) or type(error).__name__))
        )
        self.error_dialog = show_error(self, error=error, database=self.services.db.path)

    def reject(self) -> None:
        """Closing drops the report still awaited: its work stops at its next step (a render under
        way finishes in the background, unseen). The choices are remembered for the agreement."""
        self.runner.cancel()
        self.save_choices()
        super().reject()

"""The "Lägesbild och indikatorer" page: what the agreement rests on, in words and in numbers.

Three parts, each fed by the services and edited through undo commands on the window's one
QUndoStack (situation_commands.py):

- the lägesbild: the agreement's situation text (read only here) and the sources it rests on;
- the indicators the agreement follows: baseline, target, latest value and trend, a chart of
  the selected one, the indicator register and the import of values from a file;
- the safety walks (trygghetsvandringar) with their findings, a finding made into a measure
  of one of the agreement's promises ("Gör till åtgärd").

The page reads everything again whenever the stack changes (an edit, an undo, a redo), so
what it shows is always what the database holds. Not undoable, and said so where it happens:
the import of values (indicator_import_dialog.py) and deleting a finding that became a measure.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QAction, QGuiApplication, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from promises_app import os_errors
from promises_app.domain.changes import Changes
from promises_app.domain.errors import AppError
from promises_app.services import Services
from promises_app.services.base import FieldValues
from promises_app.services.records import (
    AgreementIndicatorRecord,
    AgreementRecord,
    OrganisationRecord,
    SafetyWalkRecord,
    SituationSourceRecord,
    WalkFindingRecord,
)
from promises_app.ui.common.formatting import fill
from promises_app.ui.common.operations import report_error, run_command
from promises_app.ui.common.page_changes import behind_other_tab, follow_changes
from promises_app.ui.common.page_parts import (
    ActionNotice,
    action_button,
    arrow_button,
    button_row,
    notice_label,
    page_action,
    record_table,
)
from promises_app.ui.common.save_target import ask_save_path, with_suffix
from promises_app.ui.common.write_access import WriteAccess
from promises_app.ui.situation.indicator_chart import IndicatorChart
from promises_app.ui.situation.indicator_dialogs import IndicatorRegisterDialog, LinkForm
from promises_app.ui.situation.indicator_import_dialog import IndicatorImportDialog
from promises_app.ui.situation.situation_commands import (
    AddFindingCommand,
    AddSourceCommand,
    CreateWalkCommand,
    DeleteFindingCommand,
    DeleteSourceCommand,
    DeleteWalkCommand,
    FollowIndicatorCommand,
    MakeMeasureCommand,
    MoveSourceCommand,
    Refs,
    StopFollowingCommand,
    UpdateFindingCommand,
    UpdateLinkCommand,
    UpdateSourceCommand,
    UpdateWalkCommand,
    short,
    walk_name,
)
from promises_app.ui.situation.situation_models import (
    FindingTableModel,
    IndicatorLinkTableModel,
    SourceTableModel,
    WalkTableModel,
)
from promises_app.ui.situation.walk_dialogs import FindingForm, MakeMeasureDialog, SourceForm, WalkForm

if TYPE_CHECKING:  # loaded when the starter set is first opened
    from promises_app.ui.plan.starter_set_dialog import StarterSetDialog

IMPORT_FILTER_EXTENSIONS = "*.csv *.xlsx"


#: What the page shows: a change to any other table leaves it as it is.
SITUATION_TABLES = ("agreements", "situation_sources", "indicator_definitions", "indicator_values",
                    "agreement_indicators", "safety_walks", "walk_findings", "measures", "promises")


class SituationPage(QWidget):
    def __init__(
        self,
        services: Services,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.undo_stack = undo_stack
        self.refs = Refs()
        self._today = today
        self.agreement_id: int | None = None
        self.agreement: AgreementRecord | None = None
        self.register_dialog: IndicatorRegisterDialog | None = None
        self.import_dialog: IndicatorImportDialog | None = None
        self._folder = ""

        self.notice_label = notice_label()
        self.action_notice = ActionNotice(self, undo_stack, self.show_notice)

        # --- the views
        self.situation_text = QPlainTextEdit()
        self.situation_text.setReadOnly(True)
        self.situation_text.setTabChangesFocus(True)
        self.situation_text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.situation_text.setAccessibleName(self.tr("Situational picture"))
        self.situation_text.setPlaceholderText(self.tr("The agreement has no situational picture text yet."))

        self.source_model = SourceTableModel(self)
        self.source_view = record_table(self.source_model, self.tr("Sources of the situational picture"))
        self.source_view.horizontalHeader().setVisible(False)
        self.source_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.source_view.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())

        self.link_model = IndicatorLinkTableModel(self)
        self.link_view = record_table(self.link_model, self.tr("Indicators followed by the agreement"))
        self.link_view.setWordWrap(True)
        self.link_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.link_view.verticalHeader().setDefaultSectionSize(2 * self.link_view.fontMetrics().lineSpacing() + 8)
        header = self.link_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(IndicatorLinkTableModel.NAME, QHeaderView.ResizeMode.Stretch)
        # The words wrap onto the row's two lines, so the name keeps room on a narrow screen.
        em = self.link_view.fontMetrics().horizontalAdvance("M")
        for column, width in ((IndicatorLinkTableModel.UNIT, 5), (IndicatorLinkTableModel.SOURCE, 7),
                              (IndicatorLinkTableModel.DIRECTION, 6)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width * em)
        header.setMinimumSectionSize(3 * em)
        self.link_view.selectionModel().selectionChanged.connect(lambda *_: self._link_selected())

        self.chart = IndicatorChart()

        self.walk_model = WalkTableModel(self)
        self.walk_view = record_table(self.walk_model, self.tr("Safety walks"))
        header = self.walk_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(WalkTableModel.PARTICIPANTS, QHeaderView.ResizeMode.Stretch)
        # A stretched column gets what is left; never less than its own heading.
        header.setMinimumSectionSize(header.fontMetrics().horizontalAdvance(self.tr("Participants")) + 24)
        self.walk_view.selectionModel().selectionChanged.connect(lambda *_: self._walk_selected())

        self.finding_model = FindingTableModel(self)
        self.finding_view = record_table(self.finding_model, self.tr("Findings of the selected safety walk"))
        header = self.finding_view.horizontalHeader()
        header.setSectionResizeMode(FindingTableModel.TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(FindingTableModel.MEASURE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(FindingTableModel.MEASURE, 170)
        self.finding_view.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())

        self._build_actions()
        self.write_access = WriteAccess(self, edits=[
            self.add_source_action, self.edit_source_action, self.remove_source_action, self.source_up_action,
            self.source_down_action, self.follow_action, self.edit_link_action, self.unfollow_action,
            self.import_action, self.starter_action, self.new_walk_action, self.edit_walk_action,
            self.delete_walk_action, self.new_finding_action, self.edit_finding_action, self.delete_finding_action,
            self.measure_action,
        ])
        self.source_view.doubleClicked.connect(lambda _index: self.edit_source())
        self.link_view.doubleClicked.connect(lambda _index: self.edit_link())
        self.walk_view.doubleClicked.connect(lambda _index: self.edit_walk())
        self.finding_view.doubleClicked.connect(lambda _index: self.edit_finding())

        # --- the buttons
        # (the buttons of the second rank say only "Change…" or "Delete": the group tells what;
        # their accessible names and the menu's actions say it in full)
        self.add_source_button = action_button(self.add_source_action)
        self.edit_source_button = action_button(self.edit_source_action, self.tr("Change…"))
        self.remove_source_button = action_button(self.remove_source_action, self.tr("Remove"))
        self.source_up_button = arrow_button(self.source_up_action, Qt.ArrowType.UpArrow)
        self.source_down_button = arrow_button(self.source_down_action, Qt.ArrowType.DownArrow)
        self.follow_button = action_button(self.follow_action)
        self.edit_link_button = action_button(self.edit_link_action)
        self.unfollow_button = action_button(self.unfollow_action)
        self.register_button = action_button(self.register_action)
        self.import_button = action_button(self.import_action)
        self.new_walk_button = action_button(self.new_walk_action)
        self.edit_walk_button = action_button(self.edit_walk_action, self.tr("Change…"))
        self.delete_walk_button = action_button(self.delete_walk_action, self.tr("Delete"))
        self.new_finding_button = action_button(self.new_finding_action)
        self.edit_finding_button = action_button(self.edit_finding_action, self.tr("Change…"))
        self.delete_finding_button = action_button(self.delete_finding_action, self.tr("Delete"))
        self.measure_button = action_button(self.measure_action)
        self.geojson_button = action_button(self.geojson_action)

        # --- the lägesbild
        self.situation_box = QGroupBox(self.tr("Situational picture"))
        situation_layout = QVBoxLayout(self.situation_box)
        situation_layout.addWidget(self.situation_text, 3)
        sources_caption = QLabel(self.tr("S&ources:"))
        sources_caption.setBuddy(self.source_view)
        situation_layout.addWidget(sources_caption)
        situation_layout.addWidget(self.source_view, 2)
        situation_layout.addLayout(button_row(self.add_source_button, self.edit_source_button,
                                             self.remove_source_button, self.source_up_button,
                                             self.source_down_button))

        # --- the safety walks
        self.walks_box = QGroupBox(self.tr("Safety walks"))
        walks_layout = QVBoxLayout(self.walks_box)
        walks_layout.addWidget(self.walk_view, 2)
        walks_layout.addLayout(button_row(self.new_walk_button, self.edit_walk_button, self.delete_walk_button))
        self.findings_caption = QLabel(self.tr("&Findings of the selected walk:"))
        self.findings_caption.setBuddy(self.finding_view)
        self.findings_caption.setWordWrap(True)
        walks_layout.addWidget(self.findings_caption)
        walks_layout.addWidget(self.finding_view, 3)
        walks_layout.addLayout(button_row(self.new_finding_button, self.edit_finding_button,
                                         self.delete_finding_button))
        walks_layout.addLayout(button_row(self.geojson_button, after=(self.measure_button,)))

        # --- the indicators
        self.indicators_box = QGroupBox(self.tr("Indicators followed by the agreement"))
        indicators_layout = QVBoxLayout(self.indicators_box)
        indicators_layout.addLayout(button_row(after=(self.register_button, self.import_button)))
        indicators_layout.addWidget(self.link_view, 1)
        indicators_layout.addLayout(button_row(self.follow_button, self.edit_link_button, self.unfollow_button))
        indicators_layout.addWidget(self.chart, 2)

        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.situation_box)
        left.addWidget(self.walks_box)
        left.setChildrenCollapsible(False)
        left.setSizes([260, 300])
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.indicators_box)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 6)
        self._sized = False
        self.splitter.setSizes([360, 680])

        layout = QVBoxLayout(self)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.splitter, 1)

        chain: list[QWidget] = [
            self.situation_text, self.source_view, self.add_source_button, self.edit_source_button,
            self.remove_source_button, self.source_up_button, self.source_down_button,
            self.walk_view, self.new_walk_button, self.edit_walk_button, self.delete_walk_button,
            self.finding_view, self.new_finding_button, self.edit_finding_button, self.delete_finding_button,
            self.geojson_button, self.measure_button,
            self.link_view, self.follow_button, self.edit_link_button, self.unfollow_button,
            self.register_button, self.import_button,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

        follow_changes(undo_stack, self, self.apply_changes)
        self._update_actions()

    # --- building -----------------------------------------------------------------------------


    def _build_actions(self) -> None:
        action = partial(page_action, self)

        self.add_source_action = action(
            self.tr("&Add source…"), self.tr("Add a source the situational picture rests on"),
            self.add_source, "Ctrl+Shift+K")
        self.edit_source_action = action(
            self.tr("&Change source…"), self.tr("Change the selected source"), self.edit_source, "F2",
            self.source_view)
        self.remove_source_action = action(
            self.tr("&Remove source"), self.tr("Remove the selected source"), self.remove_source, "Del",
            self.source_view)
        self.source_up_action = action(
            self.tr("Move &up"), self.tr("Move the selected source up"), lambda: self.move_source(-1), "Alt+Up",
            self.source_view)
        self.source_down_action = action(
            self.tr("Move do&wn"), self.tr("Move the selected source down"), lambda: self.move_source(1),
            "Alt+Down", self.source_view)
        self.follow_action = action(
            self.tr("&Follow an indicator…"),
            self.tr("Follow an indicator from the register, with its baseline and target"),
            self.follow_indicator, "Ctrl+Shift+F")
        self.edit_link_action = action(
            self.tr("Change &baseline and target…"),
            self.tr("Change the baseline and target of the selected indicator"), self.edit_link, "Ctrl+Shift+B")
        self.unfollow_action = action(
            self.tr("&Stop following"),
            self.tr("Stop following the selected indicator (the indicator and its values stay in the register)"),
            self.stop_following, "Del", self.link_view)
        self.register_action = action(
            self.tr("Indicator &register…"),
            self.tr("Every indicator, and its values per period"), self.open_register, "Ctrl+Shift+L")
        self.import_action = action(
            self.tr("&Import values…"), self.tr("Import indicator values from a CSV or Excel file"),
            self.import_values, "Ctrl+Shift+I")
        self.starter_action = action(
            self.tr("Pick from the &starter set…"),
            self.tr("Common indicators (and, while the plan is open, promises and measures) to start from"),
            self.open_starter_set)
        self.new_walk_action = action(
            self.tr("New safety &walk…"), self.tr("Log a safety walk: when, where and who took part"),
            self.add_walk, "Ctrl+Shift+W")
        self.edit_walk_action = action(
            self.tr("C&hange walk…"), self.tr("Change the selected safety walk"), self.edit_walk, "F2",
            self.walk_view)
        self.delete_walk_action = action(
            self.tr("&Delete walk"), self.tr("Delete the selected safety walk with its findings"),
            self.delete_walk, "Del", self.walk_view)
        self.new_finding_action = action(
            self.tr("New fi&nding…"), self.tr("Add a finding to the selected safety walk"),
            self.add_finding, "Ctrl+Shift+G")
        self.edit_finding_action = action(
            self.tr("Chan&ge finding…"), self.tr("Change the selected finding"), self.edit_finding, "F2",
            self.finding_view)
        self.delete_finding_action = action(
            self.tr("Dele&te finding"), self.tr("Delete the selected finding"), self.delete_finding, "Del",
            self.finding_view)
        self.measure_action = action(
            self.tr("Make into &measure…"),
            self.tr("Make the selected finding into a measure of one of the agreement's promises"),
            self.make_measure, "Ctrl+Alt+G")
        self.geojson_action = action(
            self.tr("Export findings as &GeoJSON…"),
            self.tr("Write the findings that have coordinates as GeoJSON, for the municipality's map service"),
            self.export_geojson)

    def actions_for_menu(self) -> list[QAction | None]:
        """The page's main actions for the window's menu (None: a separator)."""
        return [self.add_source_action, None, self.follow_action, self.edit_link_action, self.unfollow_action,
                self.register_action, self.import_action, self.starter_action, None, self.new_walk_action,
                self.new_finding_action,
                self.measure_action, self.geojson_action]




    def _update_actions(self) -> None:
        has_agreement = self.agreement is not None
        source = self.selected_source()
        link = self.selected_link()
        walk = self.selected_walk()
        finding = self.selected_finding()
        self.add_source_action.setEnabled(has_agreement)
        self.edit_source_action.setEnabled(source is not None)
        self.remove_source_action.setEnabled(source is not None)
        self.source_up_action.setEnabled(source is not None and source.position > 0)
        self.source_down_action.setEnabled(source is not None and source.position < self.source_model.rowCount() - 1)
        self.follow_action.setEnabled(has_agreement)
        self.starter_action.setEnabled(has_agreement and self.services.db.read_only is None)
        self.edit_link_action.setEnabled(link is not None)
        self.unfollow_action.setEnabled(link is not None)
        self.register_action.setEnabled(True)
        self.import_action.setEnabled(True)
        self.new_walk_action.setEnabled(has_agreement)
        self.edit_walk_action.setEnabled(walk is not None)
        self.delete_walk_action.setEnabled(walk is not None)
        self.new_finding_action.setEnabled(walk is not None)
        self.edit_finding_action.setEnabled(finding is not None)
        self.delete_finding_action.setEnabled(finding is not None)
        self.measure_action.setEnabled(finding is not None and finding.measure_id is None)
        self.geojson_action.setEnabled(has_agreement and self.walk_model.rowCount() > 0)

    # --- showing ------------------------------------------------------------------------------
    def set_services(self, services: Services) -> None:
        """The window opened the database again (after a restore)."""
        self.services = services
        self.agreement_id = None
        self.agreement = None
        self.register_dialog = None
        self.import_dialog = None
        self.refs.clear()

    def set_agreement(self, agreement_id: int | None) -> None:
        if agreement_id != self.agreement_id:
            self.agreement_id = agreement_id
            self.show_notice("")
            for model in (self.source_model, self.link_model, self.walk_model, self.finding_model):
                model.set_rows([])
        self.refresh()

    def apply_changes(self, changes: Changes) -> None:
        """After an edit, undo or redo: read again only when the situation's tables changed."""
        if self.agreement_id is not None and not behind_other_tab(self) and changes.touches(*SITUATION_TABLES):
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """On first show, share the width 2:3, so the walks' four columns fit beside the indicators."""
        super().showEvent(event)
        if not self._sized and self.splitter.width() > 0:
            self._sized = True
            total = sum(self.splitter.sizes())
            self.splitter.setSizes([total * 2 // 5, total - total * 2 // 5])

    def refresh(self) -> None:
        """Read the agreement's situation, sources, indicators and walks again; keep what was selected."""
        keep_source, keep_link = self.selected_source(), self.selected_link()
        keep_walk, keep_finding = self.selected_walk(), self.selected_finding()
        self.agreement = None
        sources: list[SituationSourceRecord] = []
        links: list[AgreementIndicatorRecord] = []
        walks: list[SafetyWalkRecord] = []
        if self.agreement_id is not None:
            try:
                self.agreement = self.services.agreements.get_agreement(self.agreement_id)
                sources = self.services.walks.list_sources(self.agreement_id)
                links = self.services.indicators.list_for_agreement(self.agreement_id)
                walks = self.services.walks.list_walks(self.agreement_id)
            except AppError as error:
                self.agreement = None
                self.show_notice(str(error))
        self.situation_text.setPlainText(self.agreement.situation if self.agreement else "")
        self.source_model.set_rows(sources)
        self.link_model.set_rows(links)
        self.walk_model.set_rows(walks)
        self._select(self.source_view, self.source_model, keep_source, first=False)
        self._select(self.link_view, self.link_model, keep_link, first=True)
        self._select(self.walk_view, self.walk_model, keep_walk, first=True)
        self._walk_selected(keep_finding)
        self._link_selected()

    def _select(self, view: QTableView, model: Any, keep: Any, *, first: bool) -> None:
        row = model.row_of(keep.id) if keep is not None else -1
        if row < 0 and first and model.rowCount():
            row = 0
        if row >= 0:
            view.selectRow(row)
        else:
            view.clearSelection()

    def show_notice(self, text: str) -> None:
        self.notice_label.setText(text)
        self.notice_label.setVisible(bool(text))

    def open_starter_set(self) -> StarterSetDialog | None:
        """The starter set (ui/plan/starter_set_dialog.py), for the indicators above all; one undo step."""
        if self.agreement is None:
            return None
        from promises_app.services.starter_set import plan_locked
        from promises_app.ui.plan.starter_set_dialog import StarterSetDialog

        dialog = StarterSetDialog(self.services, self.undo_stack, self.agreement.id,
                                  plan_locked=plan_locked(self.agreement.state), parent=self, report=self._report)
        dialog.exec()
        return dialog

    def _report(self, message: str) -> None:
        """An undo or redo the services refused (the command has left the stack)."""
        QMessageBox.warning(self, self.tr("Situational picture and indicators"), message)
        self.refresh()

    def _warn(self, title: str, error: AppError) -> None:
        report_error(self, title, error)

    def _selected(self, view: QTableView, model: Any) -> Any:
        rows = view.selectionModel().selectedRows()
        return model.record_at(rows[0].row()) if rows else None

    def selected_source(self) -> SituationSourceRecord | None:
        return self._selected(self.source_view, self.source_model)

    def selected_link(self) -> AgreementIndicatorRecord | None:
        return self._selected(self.link_view, self.link_model)

    def selected_walk(self) -> SafetyWalkRecord | None:
        return self._selected(self.walk_view, self.walk_model)

    def selected_finding(self) -> WalkFindingRecord | None:
        return self._selected(self.finding_view, self.finding_model)

    def _link_selected(self) -> None:
        self.chart.set_indicator(self.selected_link())
        self._update_actions()

    def _walk_selected(self, keep_finding: WalkFindingRecord | None = None) -> None:
        walk = self.selected_walk()
        self.finding_model.set_rows(list(walk.findings) if walk else [])
        self.findings_caption.setText(
            fill(self.tr("&Findings of the walk %1:"), walk_name(walk)) if walk
            else self.tr("&Findings of the selected walk:")
        )
        if keep_finding is not None:
            row = self.finding_model.row_of(keep_finding.id)
            if row >= 0:
                self.finding_view.selectRow(row)
        self._update_actions()

    def select_link(self, link_id: int) -> None:
        row = self.link_model.row_of(link_id)
        if row >= 0:
            self.link_view.selectRow(row)

    def select_walk(self, walk_id: int) -> None:
        row = self.walk_model.row_of(walk_id)
        if row >= 0:
            self.walk_view.selectRow(row)

    def select_finding(self, finding_id: int) -> None:
        row = self.finding_model.row_of(finding_id)
        if row >= 0:
            self.finding_view.selectRow(row)

    # --- sources ------------------------------------------------------------------------------
    def add_source(self) -> SourceForm | None:
        agreement_id = self.agreement_id
        if agreement_id is None or self.agreement is None:
            return None
        form = SourceForm(lambda values: self.services.walks.add_source(agreement_id, **values), parent=self)

        def created() -> None:
            self.undo_stack.push(AddSourceCommand(self.services, self.refs, form.saved, self._report))
            self.source_view.selectRow(self.source_model.row_of(form.saved.id))

        form.accepted.connect(created)
        form.open()
        return form

    def edit_source(self) -> SourceForm | None:
        before = self.selected_source()
        if before is None:
            return None
        form = SourceForm(
            lambda values: self.services.walks.update_source(before.id, expected_version=before.version, **values),
            initial=before, parent=self,
        )
        form.accepted.connect(lambda: self.undo_stack.push(
            UpdateSourceCommand(self.services, self.refs, before, form.saved, self._report)
        ))
        form.open()
        return form

    def remove_source(self) -> bool:
        record = self.selected_source()
        if record is None:
            return False
        return self._do_then_push(DeleteSourceCommand(self.services, self.refs, record, self._report),
                                  self.tr("Remove source"))

    def move_source(self, step: int) -> bool:
        record = self.selected_source()
        if record is None:
            return False
        new_index = record.position + step
        if not 0 <= new_index < self.source_model.rowCount():
            return False
        done = self._do_then_push(MoveSourceCommand(self.services, self.refs, record, new_index, self._report),
                                  self.tr("Move source"))
        if done:
            self.source_view.selectRow(self.source_model.row_of(record.id))
        return done

    def _do_then_push(self, command: Any, title: str) -> bool:
        """Carry out a command that needs no form (delete, move), then push it already done."""
        def refused(error: AppError) -> None:
            self._warn(title, error)
            self.refresh()

        return run_command(self.undo_stack, command, parent=self, title=title, on_error=refused)

    # --- indicators ---------------------------------------------------------------------------
    def follow_indicator(self) -> LinkForm | None:
        agreement_id = self.agreement_id
        if agreement_id is None or self.agreement is None:
            return None
        try:
            followed = {link.indicator.id for link in self.services.indicators.list_for_agreement(agreement_id)}
            choices = [i for i in self.services.indicators.list_indicators() if i.id not in followed]
        except AppError as error:
            self._warn(self.tr("Follow an indicator"), error)
            return None
        if not choices:
            QMessageBox.information(
                self, self.tr("Follow an indicator"),
                self.tr("The register has no indicator that the agreement does not follow already. "
                        "Add one in the indicator register (or import values from a file) first."),
            )
            return None

        def save(values: FieldValues) -> AgreementIndicatorRecord:
            indicator_id = values.pop("indicator_id")
            return self.services.indicators.link_to_agreement(agreement_id, indicator_id, **values)

        form = LinkForm(save, choices=choices, parent=self)

        def followed_now() -> None:
            self.undo_stack.push(FollowIndicatorCommand(self.services, self.refs, form.saved, self._report))
            self.select_link(form.saved.id)

        form.accepted.connect(followed_now)
        form.open()
        return form

    def edit_link(self) -> LinkForm | None:
        before = self.selected_link()
        if before is None:
            return None

        def save(values: FieldValues) -> AgreementIndicatorRecord:
            values.pop("indicator_id")
            return self.services.indicators.update_link(before.id, expected_version=before.version, **values)

        form = LinkForm(save, initial=before, parent=self)
        form.accepted.connect(lambda: self.undo_stack.push(
            UpdateLinkCommand(self.services, self.refs, before, form.saved, self._report)
        ))
        form.open()
        return form

    def stop_following(self) -> bool:
        record = self.selected_link()
        if record is None:
            return False
        return self._do_then_push(StopFollowingCommand(self.services, self.refs, record, self._report),
                                  self.tr("Stop following"))

    def open_register(self) -> IndicatorRegisterDialog:
        """The indicator register (window-modal, not blocking); its edits are on the same stack."""
        dialog = IndicatorRegisterDialog(self.services, self.undo_stack, self.refs, self)
        link = self.selected_link()
        if link is not None:
            dialog.select_indicator(link.indicator.id)
        self.register_dialog = dialog
        dialog.open()
        return dialog

    def _start_folder(self) -> str:
        return self._folder or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        ) or str(Path.home())

    def import_values(self) -> IndicatorImportDialog | None:
        """Choose a CSV or XLSX file, preview it, and show the import dialog (window-modal)."""
        title = self.tr("Import indicator values")
        chosen, _filter = QFileDialog.getOpenFileName(
            self, title, self._start_folder(),
            ";;".join([
                fill(self.tr("CSV files and Excel workbooks (%1)"), IMPORT_FILTER_EXTENSIONS),
                self.tr("CSV files (*.csv)"),
                self.tr("Excel workbooks (*.xlsx)"),
            ]),
        )
        if not chosen:
            return None
        path = Path(chosen)
        self._folder = str(path.parent)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            preview = self.services.indicator_import.preview(path.read_bytes(), path.name)
        except OSError as error:
            QGuiApplication.restoreOverrideCursor()
            QMessageBox.warning(self, title, fill(self.tr("%1 could not be read: %2"), path, os_errors.reason(error)))
            return None
        except AppError as error:
            QGuiApplication.restoreOverrideCursor()
            self._warn(title, error)
            return None
        QGuiApplication.restoreOverrideCursor()
        dialog = IndicatorImportDialog(self.services, preview, self, operations=self.undo_stack)
        dialog.accepted.connect(lambda: self._imported(dialog))
        self.import_dialog = dialog
        dialog.open()
        return dialog

    def _imported(self, dialog: IndicatorImportDialog) -> None:
        result = dialog.result_of_import
        self.refresh()
        if self.register_dialog is not None and self.register_dialog.isVisible():
            self.register_dialog.refresh()
        if result is None:
            return
        text = fill(
            self.tr("Imported from %1: %2 new values, %3 replaced, %4 unchanged; %5 new indicators."),
            dialog.preview.file_name, result.values_inserted, result.values_replaced, result.values_unchanged,
            result.indicators_created,
        )
        if result.backup is not None:
            text += " " + fill(self.tr("A backup was made first: %1"), result.backup.name)
        self.show_notice(text)

    # --- safety walks and findings --------------------------------------------------------------
    def add_walk(self) -> WalkForm | None:
        agreement_id = self.agreement_id
        if agreement_id is None or self.agreement is None:
            return None
        form = WalkForm(lambda values: self.services.walks.create_walk(agreement_id, **values),
                        today=self._today(), parent=self)

        def created() -> None:
            self.undo_stack.push(CreateWalkCommand(self.services, self.refs, form.saved, self._report))
            self.select_walk(form.saved.id)

        form.accepted.connect(created)
        form.open()
        return form

    def edit_walk(self) -> WalkForm | None:
        before = self.selected_walk()
        if before is None:
            return None
        form = WalkForm(
            lambda values: self.services.walks.update_walk(before.id, expected_version=before.version, **values),
            initial=before, parent=self,
        )
        form.accepted.connect(lambda: self.undo_stack.push(
            UpdateWalkCommand(self.services, self.refs, before, form.saved, self._report)
        ))
        form.open()
        return form

    def delete_walk(self) -> bool:
        """Delete the selected walk with its findings: undoable, unless a finding became a measure."""
        record = self.selected_walk()
        if record is None:
            return False
        title = self.tr("Delete safety walk")
        if any(f.measure_id is not None for f in record.findings):
            answer = QMessageBox.question(
                self, title,
                fill(self.tr("Delete the safety walk %1 with its %2 findings?\n\n"
                             "Some of its findings were made into measures. The measures stay in the plan, "
                             "but their link to the findings cannot be made again: this cannot be undone."),
                     walk_name(record), len(record.findings)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
            try:
                self.services.walks.delete_walk(record.id)
            except AppError as error:
                self._warn(title, error)
                return False
            self.refresh()
            self.action_notice.say(fill(self.tr("The safety walk %1 is deleted."), walk_name(record)))
            return True
        return self._do_then_push(DeleteWalkCommand(self.services, self.refs, record, self._report), title)

    def add_finding(self) -> FindingForm | None:
        walk = self.selected_walk()
        if walk is None:
            return None
        owners = self._owners()
        if owners is None:
            return None
        form = FindingForm(lambda values: self.services.walks.add_finding(walk.id, today=self._today(), **values),
                           owners=owners, today=self._today(), parent=self)

        def created() -> None:
            self.undo_stack.push(AddFindingCommand(self.services, self.refs, form.saved, self._report))
            self.select_finding(form.saved.id)

        form.accepted.connect(created)
        form.open()
        return form

    def edit_finding(self) -> FindingForm | None:
        before = self.selected_finding()
        if before is None:
            return None
        owners = self._owners()
        if owners is None:
            return None
        form = FindingForm(
            lambda values: self.services.walks.update_finding(
                before.id, expected_version=before.version, today=self._today(), **values
            ),
            initial=before, owners=owners, today=self._today(), parent=self,
        )
        form.accepted.connect(lambda: self.undo_stack.push(
            UpdateFindingCommand(self.services, self.refs, before, form.saved, self._report)
        ))
        form.open()
        return form

    def export_geojson(self) -> Path | None:
        """Ask where, then write the findings with coordinates as GeoJSON (RFC 7946), atomically.

        Only what a map shows about a finding goes into the file (services/finding_map.py): never
        the walk's participants. Findings without coordinates are counted and said, not written.
        """
        from promises_app.files import safe_file_name, write_atomically
        from promises_app.services.output_paths import OutputPathRefused

        agreement = self.agreement
        if agreement is None:
            return None
        title = self.tr("Export findings as GeoJSON")
        try:
            mapped = self.services.walks.finding_map(agreement.id)
        except AppError as error:
            self._warn(title, error)
            return None
        if mapped.exported == 0:
            QMessageBox.information(self, title, fill(self.tr(
                "None of the findings has coordinates, so there is nothing to put on a map. "
                "Add them to the findings (%1 without coordinates) and export again."
            ), mapped.without_coordinates))
            return None
        name = safe_file_name(agreement.title, self.tr("findings")) + "-" + self.tr("findings") + ".geojson"
        path = ask_save_path(
            self, title, Path(self._start_folder()) / name, self.tr("GeoJSON files (*.geojson)"),
            database=self.services.db.path, complete=with_suffix(".geojson"),
        )
        if path is None:
            return None
        self._folder = str(path.parent)
        try:
            write_atomically(path, mapped.to_bytes(), database=self.services.db.path)
        except OutputPathRefused as error:
            QMessageBox.warning(self, title, str(error))
            return None
        except OSError as error:
            QMessageBox.warning(self, title, fill(self.tr("%1 could not be written: %2"), path,
                                                  os_errors.reason(error)))
            return None
        text = fill(self.tr("%1 findings exported to %2."), mapped.exported, path)
        if mapped.without_coordinates:
            text += " " + fill(self.tr("%1 findings have no coordinates and were left out."),
                               mapped.without_coordinates)
        self.show_notice(text)
        return path

    def _owners(self) -> list[OrganisationRecord] | None:
        """The register's organisations, a finding's possible owners (None: they could not be read)."""
        try:
            return self.services.register.list_organisations()
        except AppError as error:
            self._warn(self.tr("Finding"), error)
            return None

    def delete_finding(self) -> bool:
        """Delete the selected finding: undoable, unless it became a measure (then asked first)."""
        record = self.selected_finding()
        if record is None:
            return False
        title = self.tr("Delete finding")
        if record.measure_id is not None:
            answer = QMessageBox.question(
                self, title,
                fill(self.tr("Delete the finding «%1»?\n\nIt was made into the measure «%2», which stays in the "
                             "plan; its link to the finding cannot be made again: this cannot be undone."),
                     short(record.text), record.measure_title),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
            try:
                self.services.walks.delete_finding(record.id)
            except AppError as error:
                self._warn(title, error)
                return False
            self.refresh()
            return True
        return self._do_then_push(DeleteFindingCommand(self.services, self.refs, record, self._report), title)

    def make_measure(self) -> MakeMeasureDialog | None:
        """"Gör till åtgärd": choose the promise and the title, then make the measure (undoable)."""
        finding = self.selected_finding()
        agreement_id = self.agreement_id
        if finding is None or agreement_id is None or finding.measure_id is not None:
            return None
        try:
            promises = self.services.plan.list_promises(agreement_id)
        except AppError as error:
            self._warn(self.tr("Make into measure"), error)
            return None

        def save(values: FieldValues) -> Any:
            return self.services.walks.turn_finding_into_measure(
                finding.id, promise_id=values["promise_id"], title=values["title"]
            )

        dialog = MakeMeasureDialog(save, finding, promises, parent=self)

        def made() -> None:
            self.undo_stack.push(MakeMeasureCommand(self.services, self.refs, dialog.saved, self._report))
            self.select_finding(dialog.saved.finding.id)
            self.show_notice(fill(self.tr("The finding is now the measure «%1»."), dialog.saved.measure.title))

        dialog.accepted.connect(made)
        dialog.open()
        return dialog

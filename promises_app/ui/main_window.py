"""The main window: the agreements on the left, the selected agreement on the right.

The right-hand side has a page per subject: the measures (read-only for now) and the versions
(signed revisions, the changes since the last one, signing and the PDF). The Reports menu
opens the report dialog (ui/report_dialog.py; the window's one ReportRunner renders in the
background) and exports the measures as Excel or CSV.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QItemSelection, QSortFilterProxyModel, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from promises_app import __version__
from promises_app.domain.periods import periods_for
from promises_app.files import safe_file_name, write_atomically
from promises_app.services import Services, open_services
from promises_app.services.backups import backups_of, restore_database
from promises_app.services.errors import (
    BackupError,
    DatabaseOpenError,
    ServiceError,
    StorageFailure,
    ValidationError,
)
from promises_app.ui.agreement_tree_model import AGREEMENT_ID_ROLE, AgreementTreeModel
from promises_app.ui.formatting import fill, format_date
from promises_app.ui.labels import label
from promises_app.ui.measure_table_model import SORT_ROLE, MeasureTableModel
from promises_app.ui.register_dialog import RegisterDialog
from promises_app.ui.report_dialog import ReportDialog, ReportKind
from promises_app.ui.report_runner import ReportRunner
from promises_app.ui.restore_dialog import RestoreDialog
from promises_app.ui.situation_page import SituationPage
from promises_app.ui.versions_page import VersionsPage

#: How often the window checks whether the daily backup is due.
DAILY_CHECK_MS = 60 * 60 * 1000


class MainWindow(QMainWindow):
    def __init__(self, services: Services, *, today: Callable[[], date] = date.today) -> None:
        super().__init__()
        self.services = services
        self._today = today
        self.setWindowTitle(self.tr("Medborgarlöften"))
        self.resize(1366, 768)

        self.agreement_model = AgreementTreeModel(self)
        self.agreement_view = QTreeView()
        self.agreement_view.setModel(self.agreement_model)
        self.agreement_view.setAccessibleName(self.tr("Agreements"))
        self.agreement_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.agreement_view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.agreement_view.selectionModel().selectionChanged.connect(self._agreement_selected)

        self.title_label = QLabel()
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title_label.setWordWrap(True)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title_label.setFont(font)
        self.details_label = QLabel()
        self.details_label.setTextFormat(Qt.TextFormat.PlainText)
        self.details_label.setWordWrap(True)

        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter measures…"))
        self.filter_edit.setAccessibleName(self.tr("Filter measures"))
        self.filter_edit.setClearButtonEnabled(True)

        self.measure_model = MeasureTableModel(self)
        self.measure_proxy = QSortFilterProxyModel(self)
        self.measure_proxy.setSourceModel(self.measure_model)
        self.measure_proxy.setFilterKeyColumn(-1)
        self.measure_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.measure_proxy.setSortRole(SORT_ROLE)
        self.filter_edit.textChanged.connect(self.measure_proxy.setFilterFixedString)
        self.measure_view = QTableView()
        self.measure_view.setModel(self.measure_proxy)
        self.measure_view.setAccessibleName(self.tr("Measures"))
        self.measure_view.setSortingEnabled(True)
        self.measure_view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.measure_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Two wrapped lines per row at a fixed height: long titles stay readable, and no
        # per-row measuring is needed however many measures there are.
        self.measure_view.setWordWrap(True)
        self.measure_view.verticalHeader().setVisible(False)
        self.measure_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.measure_view.verticalHeader().setDefaultSectionSize(
            2 * self.measure_view.fontMetrics().lineSpacing() + 10
        )
        header = self.measure_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(MeasureTableModel.TITLE, QHeaderView.ResizeMode.Stretch)
        for column, width in ((MeasureTableModel.RESPONSIBLE, 150), (MeasureTableModel.FOCUS_AREA, 130)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)

        self.undo_stack = QUndoStack(self)
        measures_page = QWidget()
        measures_layout = QVBoxLayout(measures_page)
        measures_layout.addWidget(self.filter_edit)
        measures_layout.addWidget(self.measure_view, 1)
        self.versions_page = VersionsPage(services, self.undo_stack, today=today)
        self.versions_page.agreementChanged.connect(self._agreement_state_changed)
        self.situation_page = SituationPage(services, self.undo_stack, today=today)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Pages of the agreement"))
        self.measures_tab = self.tabs.addTab(measures_page, self.tr("Measures"))
        self.situation_tab = self.tabs.addTab(self.situation_page, self.tr("Situation and indicators"))
        self.versions_tab = self.tabs.addTab(self.versions_page, self.tr("Versions"))

        right = QWidget()
        layout = QVBoxLayout(right)
        layout.addWidget(self.title_label)
        layout.addWidget(self.details_label)
        layout.addWidget(self.tabs, 1)

        splitter = QSplitter()
        splitter.addWidget(self.agreement_view)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 1066])
        self.setCentralWidget(splitter)

        self.undo_stack.indexChanged.connect(self._after_undo_or_redo)
        self.report_runner = ReportRunner(self)
        self.report_dialog: ReportDialog | None = None
        self._export_folder = ""
        # Signing renders on the GUI thread: a cancelled report may still be rendering.
        self.versions_page.sign_action.triggered.connect(lambda: self.report_runner.wait_for_background_work())
        self._build_menus()
        self._daily_timer = QTimer(self)
        self._daily_timer.setInterval(DAILY_CHECK_MS)
        self._daily_timer.timeout.connect(self._daily_backup)
        self._daily_timer.start()
        path = services.db.path
        self.statusBar().showMessage(self.tr("Database: %1").replace("%1", str(path) if path else ""))
        self.reload()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.backup_action = QAction(self.tr("&Back up now"), self)
        self.backup_action.triggered.connect(self.backup_now)
        file_menu.addAction(self.backup_action)
        self.restore_action = QAction(self.tr("&Restore from backup…"), self)
        self.restore_action.triggered.connect(self.choose_and_restore)
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        agreement_menu = self.menuBar().addMenu(self.tr("&Agreement"))
        for action in self.versions_page.actions_for_menu():
            if action is None:
                agreement_menu.addSeparator()
            else:
                agreement_menu.addAction(action)
        situation_menu = self.menuBar().addMenu(self.tr("&Situation"))
        for action in self.situation_page.actions_for_menu():
            if action is None:
                situation_menu.addSeparator()
            else:
                situation_menu.addAction(action)
        self._build_reports_menu()
        register_menu = self.menuBar().addMenu(self.tr("&Register"))
        self.organisations_action = QAction(self.tr("&Organisations…"), self)
        self.organisations_action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.organisations_action.triggered.connect(self.open_register)
        register_menu.addAction(self.organisations_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about_action = QAction(self.tr("&About Medborgarlöften"), self)
        about_action.triggered.connect(self._about)
        help_menu.addAction(about_action)

    def _build_reports_menu(self) -> None:
        # "Re&ports": Alt+R is taken by &Register (and in Swedish by &Redigera).
        reports_menu = self.menuBar().addMenu(self.tr("Re&ports"))
        self.followup_report_action = QAction(self.tr("&Follow-up report…"), self)
        self.followup_report_action.setShortcut(QKeySequence("Ctrl+R"))
        self.followup_report_action.setStatusTip(self.tr("A report on the measures for one reporting period"))
        self.followup_report_action.triggered.connect(lambda: self.open_report_dialog(ReportKind.FOLLOW_UP))
        self.annual_report_action = QAction(self.tr("&Annual report…"), self)
        self.annual_report_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.annual_report_action.setStatusTip(self.tr("A report over every period of the agreement"))
        self.annual_report_action.triggered.connect(lambda: self.open_report_dialog(ReportKind.ANNUAL))
        self.export_xlsx_action = QAction(self.tr("Export measures to &Excel…"), self)
        self.export_xlsx_action.setStatusTip(self.tr("The measures and their follow-ups as an Excel workbook"))
        self.export_xlsx_action.triggered.connect(lambda: self.export_measures(xlsx=True))
        self.export_csv_action = QAction(self.tr("Export measures as &CSV…"), self)
        self.export_csv_action.setStatusTip(self.tr("The measures and their follow-ups as a CSV file"))
        self.export_csv_action.triggered.connect(lambda: self.export_measures(xlsx=False))
        reports_menu.addAction(self.followup_report_action)
        reports_menu.addAction(self.annual_report_action)
        reports_menu.addSeparator()
        reports_menu.addAction(self.export_xlsx_action)
        reports_menu.addAction(self.export_csv_action)
        self.report_actions = [
            self.followup_report_action, self.annual_report_action, self.export_xlsx_action, self.export_csv_action,
        ]

    def _after_undo_or_redo(self, _index: int) -> None:
        self._show_agreement(self.current_agreement_id())

    def open_register(self) -> RegisterDialog:
        dialog = RegisterDialog(self.services, self.undo_stack, self)
        dialog.open()
        return dialog

    # --- reports and exports -----------------------------------------------------------------
    def open_report_dialog(self, kind: ReportKind = ReportKind.FOLLOW_UP) -> ReportDialog | None:
        """The report dialog for the selected agreement (window-modal, not blocking); returns it."""
        agreement_id = self.current_agreement_id()
        if agreement_id is None:
            return None
        # ReportLab is not promised to be thread-safe: a cancelled PDF preview finishes first.
        self.versions_page.wait_for_background_work()
        if self.report_dialog is not None:
            self.report_dialog.deleteLater()
            self.report_dialog = None
        try:
            dialog = ReportDialog(
                self.services, agreement_id, today=self._today(), kind=kind, runner=self.report_runner, parent=self
            )
        except (ServiceError, StorageFailure) as error:
            QMessageBox.warning(self, self.tr("Create report"), str(error))
            return None
        self.report_dialog = dialog
        dialog.open()
        return dialog

    def export_measures(self, *, xlsx: bool) -> Path | None:
        """Ask where, then write the selected agreement's measures and follow-ups there (atomically)."""
        agreement_id = self.current_agreement_id()
        if agreement_id is None:
            return None
        title = self.tr("Export measures to Excel") if xlsx else self.tr("Export measures as CSV")
        suffix = ".xlsx" if xlsx else ".csv"
        try:
            agreement = self.services.agreements.get_agreement(agreement_id)
        except (ServiceError, StorageFailure) as error:
            QMessageBox.warning(self, title, str(error))
            return None
        folder = self._export_folder or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        ) or str(Path.home())
        name = safe_file_name(fill(self.tr("%1 measures"), agreement.title), self.tr("measures")) + suffix
        chosen, _filter = QFileDialog.getSaveFileName(
            self, title, str(Path(folder) / name),
            self.tr("Excel workbooks (*.xlsx)") if xlsx else self.tr("CSV files (*.csv)"),
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        self._export_folder = str(path.parent)
        from promises_app.reports.spreadsheets import (  # openpyxl: when used
            measure_rows,
            write_csv,
            write_xlsx,
        )

        problem = ""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            sheet = measure_rows(self.services, agreement_id)
            write_atomically(path, write_xlsx(sheet) if xlsx else write_csv(sheet))
        except OSError as error:
            problem = fill(self.tr("%1 could not be written: %2"), path, error)
        except (ServiceError, StorageFailure, ValidationError) as error:
            problem = str(error)
        finally:
            QApplication.restoreOverrideCursor()
        if problem:
            QMessageBox.warning(self, title, problem)
            return None
        self.statusBar().showMessage(fill(self.tr("Measures exported to %1"), path), 10_000)
        return path

    def _update_report_actions(self, agreement_id: int | None) -> None:
        for action in self.report_actions:
            action.setEnabled(agreement_id is not None)

    # --- backups ---------------------------------------------------------------------------
    def backup_now(self) -> None:
        try:
            backup = self.services.backups.backup_now()
        except (BackupError, StorageFailure, ServiceError) as error:
            QMessageBox.warning(self, self.tr("Backup"), str(error))
            return
        self.statusBar().showMessage(
            self.tr("Backup made and checked: %1").replace("%1", str(backup.path)), 10_000
        )

    def _daily_backup(self) -> None:
        try:
            self.services.backups.backup_if_due()
        except (BackupError, StorageFailure, ServiceError) as error:
            self.statusBar().showMessage(self.tr("The daily backup failed: %1").replace("%1", str(error)))

    def choose_and_restore(self) -> None:
        path = self.services.db.path
        assert path is not None
        dialog = RestoreDialog(backups_of(path), self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen() is None:
            return
        chosen = dialog.chosen()
        self.services.db.close()  # releases the lock so restore can take it
        try:
            restore_database(path, chosen)
        except (BackupError, StorageFailure, DatabaseOpenError) as error:
            QMessageBox.warning(self, self.tr("Restore"), str(error))
        self.services = open_services(path, exclusive=True)
        self.versions_page.set_services(self.services)
        self.situation_page.set_services(self.services)
        self.undo_stack.clear()  # the history belonged to the database as it was before
        self.reload()
        self.statusBar().showMessage(self.tr("Restored from %1").replace("%1", chosen.name), 10_000)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        """Back up on close (checked), then let go of the database and its lock."""
        self._daily_timer.stop()
        self.versions_page.wait_for_background_work()
        self.report_runner.cancel()
        self.report_runner.wait_for_background_work()
        try:
            self.services.backups.backup_now(reason="close")
        except (BackupError, StorageFailure, ServiceError) as error:
            QMessageBox.warning(self, self.tr("Backup"), str(error))
        self.services.db.close()
        super().closeEvent(event)

    def reload(self) -> None:
        """Read the agreements again and select the first citizen promise (or the first agreement)."""
        agreements = self.services.agreements.list_agreements()
        self.agreement_model.set_agreements(agreements)
        self.agreement_view.expandAll()
        preferred = next((a for a in agreements if a.parent_id is not None), agreements[0] if agreements else None)
        if preferred is not None:
            self.select_agreement(preferred.id)
        else:
            self._show_agreement(None)

    def _agreement_state_changed(self, agreement_id: int) -> None:
        """Signed, or a new revision: the list shows state and revision, so read it again."""
        selection = self.agreement_view.selectionModel()
        selection.blockSignals(True)  # no passing "nothing selected" while the tree is rebuilt
        try:
            self.agreement_model.set_agreements(self.services.agreements.list_agreements())
            self.agreement_view.expandAll()
        finally:
            selection.blockSignals(False)
        self.select_agreement(agreement_id)
        self._show_agreement(agreement_id)

    def select_agreement(self, agreement_id: int) -> None:
        index = self.agreement_model.index_of(agreement_id)
        if index.isValid():
            self.agreement_view.setCurrentIndex(index)

    def current_agreement_id(self) -> int | None:
        index = self.agreement_view.currentIndex()
        return index.data(AGREEMENT_ID_ROLE) if index.isValid() else None

    def _agreement_selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        self._show_agreement(indexes[0].data(AGREEMENT_ID_ROLE) if indexes else None)

    def _show_agreement(self, agreement_id: int | None) -> None:
        self._update_report_actions(agreement_id)
        if agreement_id is None:
            self.title_label.setText(self.tr("No agreements yet"))
            self.details_label.setText(
                self.tr("Import an agreement (promises-app import FILE.json) or load the demo data.")
            )
            self.measure_model.set_rows([])
            self.versions_page.set_agreement(None)
            self.situation_page.set_agreement(None)
            return
        agreement = self.services.agreements.get_agreement(agreement_id)
        parties = self.services.agreements.list_parties(agreement_id)
        periods = periods_for(agreement.start_date, agreement.end_date, agreement.reporting_scheme)
        self.title_label.setText(agreement.title)
        lines = [
            " · ".join(
                [
                    label(agreement.kind),
                    f"{format_date(agreement.start_date)} – {format_date(agreement.end_date)}",
                    self.tr("follow-up: %1 (%2 periods)")
                    .replace("%1", label(agreement.reporting_scheme).lower())
                    .replace("%2", str(len(periods))),
                    self.tr("%1, revision %2")
                    .replace("%1", label(agreement.state))
                    .replace("%2", str(agreement.revision)),
                ]
            ),
            self.tr("Parties: %1").replace("%1", ", ".join(p.organisation_name for p in parties) or "–"),
        ]
        if agreement.case_number:
            lines.append(self.tr("Case number: %1").replace("%1", agreement.case_number))
        for goal in agreement.goals:
            lines.append("• " + goal.text)
        self.details_label.setText("\n".join(lines))
        rows = self.services.follow_ups.status_rows(agreement_id, today=self._today())
        self.measure_model.set_rows(rows)
        self.versions_page.set_agreement(agreement_id)
        self.situation_page.set_agreement(agreement_id)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Medborgarlöften"),
            self.tr("Medborgarlöften %1\nPlan, follow up and report citizen promises.").replace(
                "%1", __version__
            ),
        )

"""The main window, a shell: the agreements on the left, the selected agreement on the right.

The right-hand side has a page per task (ui/shell/page_protocol.py: the window knows each only as an
``AgreementPage``). The window holds the menus and their actions, the tabs, the agreement tree,
the layout and the settings, and wires them to the parts that do the work:
- ``database_files`` (ui/shell/database_files.py): new, open, recent, backup, restore, the daily
  backup, the folders. It owns the open ``Services``; when they change (``services_changed``)
  the window puts every page on the new ones through ``_use_services``.
- ``exchange`` (ui/shell/exchange_actions.py): the exchange format's JSON in and out, and the
  measures as Excel or CSV.
- the pages, the report dialog (ui/reports/report_dialog.py; the window's one ReportRunner renders in
  the background) and the register and settings dialogs.
Unexpected errors go to the one error dialog (ui/common/error_dialog.py), logged.

A database that cannot be written (a read-only drive, folder or file) is shown read-only: the
title bar says so, the status bar names the folder or file that blocks, the window's own edit
actions (new agreement, import, backup, restore) are off, and an edit started on a page is
refused by the services with a message naming what blocks. Nothing is written: no lock, no
backup on closing or once a day.

At start (``pages_after_show``) the window is first only its shell and the agreement list (one
cheap query, no ORM); the pages, their modules and the selected agreement follow right after the
first paint (``complete``). While the database's start-up check still runs beside it
(storage/startup_check.py) the status bar says "Kontrollerar databasen…" and every write waits
for the check; if it fails, ``startupCheckFailed`` hands the failure to ui/shell/app.py, which offers
the restore as for a file refused at start. Dialogs and pages load their modules when first used.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelection, QObject, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from promises_app import __version__
from promises_app.domain.changes import Changes
from promises_app.domain.enums import AgreementKind
from promises_app.domain.errors import AppError
from promises_app.domain.permissions import Level
from promises_app.services import CheckState, Services, StartupCheck
from promises_app.ui.agreements.agreement_tree_model import AGREEMENT_ID_ROLE, SEARCH_ROLE, AgreementTreeModel
from promises_app.ui.common.collector import reading_rows
from promises_app.ui.common.columns import kept_widths, restore_widths, whole_text_tooltips
from promises_app.ui.common.formatting import fill, format_date
from promises_app.ui.common.labels import label
from promises_app.ui.common.operations import Operations
from promises_app.ui.shell.database_files import DatabaseFiles
from promises_app.ui.shell.exchange_actions import ExchangeActions
from promises_app.ui.shell.live_updates import LiveUpdates
from promises_app.ui.shell.page_tabs import PageTabs
from promises_app.ui.shell.settings import AppSettings
from promises_app.ui.shell.start_view import StartView

if TYPE_CHECKING:
    from promises_app.ui.parties.register_dialog import RegisterDialog
    from promises_app.ui.reports.publish_dialog import PublishDialog
    from promises_app.ui.reports.report_dialog import ReportDialog, ReportKind
    from promises_app.ui.shell.page_protocol import AgreementPage
    from promises_app.ui.shell.settings_dialog import SettingsDialog
    from promises_app.ui.shell.user_guide import UserGuideDialog

#: What this module offers by name but loads only when first used (PEP 562): the dialogs and
#: the services behind the window's own actions are not needed for the first window.
_LOADED_WHEN_USED = {
    "PublishDialog": "promises_app.ui.reports.publish_dialog",
    "RegisterDialog": "promises_app.ui.parties.register_dialog",
    "ReportDialog": "promises_app.ui.reports.report_dialog",
    "ReportKind": "promises_app.ui.reports.report_dialog",
    "SettingsDialog": "promises_app.ui.shell.settings_dialog",
}

#: The keys of standard actions on platforms that have none for them.
FALLBACK_KEYS = {
    QKeySequence.StandardKey.New: "Ctrl+N",
    QKeySequence.StandardKey.Open: "Ctrl+O",
    QKeySequence.StandardKey.Quit: "Ctrl+Q",
    QKeySequence.StandardKey.HelpContents: "F1",
    QKeySequence.StandardKey.Print: "Ctrl+P",
}

_log = logging.getLogger(__name__)


#: Tables the agreement list and the heading above the pages show.
AGREEMENT_TABLES = ("agreements", "parties", "goals", "organisations")


def __getattr__(name: str) -> Any:
    """The names of ``_LOADED_WHEN_USED``, imported on first use."""
    if name in _LOADED_WHEN_USED:
        import importlib

        return getattr(importlib.import_module(_LOADED_WHEN_USED[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class _CheckEnded(QObject):
    """Brings the end of the start-up check (in its own thread) to the window's thread."""

    ended = Signal()


class MainWindow(QMainWindow):
    #: The database's start-up check failed (the AppError it raised): ui/shell/app.py offers the restore.
    startupCheckFailed = Signal(object)  # noqa: N815 - Qt's naming
    #: The pages are built (``complete``): the window is whole.
    pagesBuilt = Signal()  # noqa: N815 - Qt's naming

    def __init__(
        self,
        services: Services,
        *,
        today: Callable[[], date] = date.today,
        settings: AppSettings | None = None,
        pages_after_show: bool = False,
    ) -> None:
        """``settings``: default, the settings file in the data folder (ui/shell/settings.py).

        ``pages_after_show`` (the start of the program): build the pages right after the first
        paint instead of now, so the window and its agreement list show first (``complete``)."""
        super().__init__()
        self._today = today
        self.settings = settings if settings is not None else AppSettings.in_folder()
        self.database_files = DatabaseFiles(
            self, services, self.settings, before_closing=self._finish_work_on_database
        )
        self.database_files.services_changed.connect(self._use_services)
        self.exchange = ExchangeActions(
            self, services=lambda: self.services, current_agreement=self.current_agreement_id
        )
        self.exchange.imported.connect(self._show_imported)
        self._pages_built = False
        self._pages_scheduled = not pages_after_show
        self._listed = False
        self.read_only_label = QLabel()
        self.read_only_label.setTextFormat(Qt.TextFormat.PlainText)
        #: "Ansluten som anna (läsa)": the account of a shared database and what it may do.
        self.account_label = QLabel()
        self.account_label.setTextFormat(Qt.TextFormat.PlainText)
        self.check_label = QLabel(self.tr("Checking the database…"))
        self.check_label.setToolTip(self.tr("Nothing can be saved until the check has passed."))
        self._check_ended: _CheckEnded | None = None
        self.resize(1366, 768)

        self.agreement_model = AgreementTreeModel(self)
        # The search above the list: a promise document shows with its cooperation agreement.
        self.agreement_proxy = QSortFilterProxyModel(self)
        self.agreement_proxy.setSourceModel(self.agreement_model)
        self.agreement_proxy.setFilterRole(SEARCH_ROLE)
        self.agreement_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.agreement_proxy.setRecursiveFilteringEnabled(True)
        self.agreement_filter = QLineEdit()
        self.agreement_filter.setPlaceholderText(self.tr("Search agreements…"))
        self.agreement_filter.setAccessibleName(self.tr("Search agreements"))
        self.agreement_filter.setClearButtonEnabled(True)
        self.agreement_filter.textChanged.connect(self._filter_agreements)
        self.agreement_view = QTreeView()
        self.agreement_view.setModel(self.agreement_proxy)
        self.agreement_view.setAccessibleName(self.tr("Agreements"))
        whole_text_tooltips(self.agreement_view)  # a long title cut off in the list shows whole
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

        #: The one undo stack, and the runner every user action goes through (ui/common/operations.py).
        self.undo_stack = Operations(self)
        self.undo_stack.watch(services)
        #: What others save in a shared database, into the runner; who, in the status bar.
        self.live_updates = LiveUpdates(self.undo_stack, self)
        self.tabs = PageTabs()
        self.tabs.setAccessibleName(self.tr("Pages of the agreement"))
        #: The agreement the window shows; a page reads it when it is shown (``_page_shown``).
        self._agreement_id: int | None = None

        agreement_side = QWidget()
        layout = QVBoxLayout(agreement_side)
        layout.addWidget(self.title_label)
        layout.addWidget(self.details_label)
        layout.addWidget(self.tabs, 1)
        # An empty database shows the start view instead of empty pages (ui/shell/start_view.py).
        self.start_view = StartView()
        self.start_view.newAgreement.connect(self.create_agreement)
        self.start_view.openDemo.connect(self.database_files.open_demo)
        self.start_view.importFile.connect(self.exchange.import_json)
        self.start_view.showGuide.connect(self.show_user_guide)
        self.right_stack = QStackedWidget()
        self.right_stack.addWidget(agreement_side)
        self.right_stack.addWidget(self.start_view)
        right = self.right_stack

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.agreement_filter)
        left_layout.addWidget(self.agreement_view, 1)
        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([270, 1096])  # the pages' tables get the room at 1280 px
        self.setCentralWidget(self.splitter)

        self.undo_stack.changed.connect(self._apply_changes)
        self.report_dialog: ReportDialog | None = None
        self.publish_dialog: PublishDialog | None = None
        self.page_names: dict[int, str] = {}
        self.user_guide: UserGuideDialog | None = None
        self._build_menus()
        self.statusBar().addPermanentWidget(self.check_label)
        self.statusBar().addPermanentWidget(self.read_only_label)
        self.statusBar().addPermanentWidget(self.account_label)
        self.statusBar().addPermanentWidget(self.live_updates.label)
        self.live_updates.follow(services)
        self.database_files.show_path()
        self._show_read_only()
        self._restore_layout()
        self._watch_startup_check()
        if pages_after_show:
            self.reload()  # the list now; the pages and the selected agreement after the first paint
        else:
            self.complete()  # the pages, then the list

    @property
    def services(self) -> Services:
        """The open database's services (``database_files`` owns them and says when they change)."""
        return self.database_files.services

    def complete(self) -> None:
        """Build the pages (loading their modules) and show the selected agreement on them.

        Called at once by the constructor, or right after the first paint (``pages_after_show``);
        calling it again does nothing."""
        if self._pages_built:
            return
        self._pages_built = self._pages_scheduled = True
        self._start_startup_check()
        from promises_app.ui.all_measures.all_measures_page import AllMeasuresPage
        from promises_app.ui.followup.followup_page import FollowUpPage
        from promises_app.ui.overview.overview_page import OverviewPage
        from promises_app.ui.parties.parties_page import PartiesPage
        from promises_app.ui.plan.plan_page import PlanPage
        from promises_app.ui.reports.report_runner import ReportRunner
        from promises_app.ui.situation.situation_page import SituationPage
        from promises_app.ui.versions.versions_page import VersionsPage

        services, today = self.services, self._today
        self.versions_page = VersionsPage(services, self.undo_stack, today=today)
        self.versions_page.agreementChanged.connect(self._agreement_state_changed)
        self.situation_page = SituationPage(services, self.undo_stack, today=today)
        self.overview_page = OverviewPage(services, self.undo_stack, today=today)
        self.plan_page = PlanPage(services, self.undo_stack, today=today)
        self.followup_page = FollowUpPage(services, self.undo_stack, today=today)
        self.parties_page = PartiesPage(services, self.undo_stack, today=today)
        self.all_measures_page = AllMeasuresPage(services, self.undo_stack, today=today)
        self.overview_page.measure_activated.connect(self.open_measure)
        self.plan_page.measure_activated.connect(self.follow_up_measure)
        self.overview_tab = self.tabs.addTab(self.overview_page, self.tr("Overview"))
        self.plan_tab = self.tabs.addTab(self.plan_page, self.tr("Plan"))
        self.followup_tab = self.tabs.addTab(self.followup_page, self.tr("Follow-up"))
        self.parties_tab = self.tabs.addTab(self.parties_page, self.tr("Parties and signatories"))
        self.situation_tab = self.tabs.addTab(self.situation_page, self.tr("Situation and indicators"))
        self.versions_tab = self.tabs.addTab(self.versions_page, self.tr("Versions"))
        self.measures_tab = self.tabs.addTab(self.all_measures_page, self.tr("All measures"))
        #: Each page's name in the settings (where the person was: ``save_place``).
        self.page_names = {
            self.overview_tab: "overview", self.plan_tab: "plan", self.followup_tab: "followup",
            self.parties_tab: "parties", self.situation_tab: "situation", self.versions_tab: "versions",
            self.measures_tab: "measures",
        }
        self._restore_page()
        self.tabs.currentChanged.connect(self._page_shown)
        self.report_runner = ReportRunner(self)
        # Signing renders on the GUI thread: a cancelled report may still be rendering.
        self.versions_page.sign_action.triggered.connect(lambda: self.report_runner.wait_for_background_work())
        self._build_page_menus()
        self._show_permissions()
        self.database_files.remember()  # the settings file is written once the window is whole
        try:
            if self._listed:
                self._show_agreement(self._agreement_id)
            else:
                self.reload()
        except Exception:
            check = self.services.db.startup_check
            if check is None or check.wait() is not CheckState.FAILED:
                raise
            # The file is damaged: its start-up check says so (startupCheckFailed), not this read.
            _log.warning("Överenskommelsen gick inte att läsa i en skadad databas", exc_info=True)
        self.pagesBuilt.emit()

    def pages_built(self) -> bool:
        """Whether the pages exist yet (see ``complete``)."""
        return self._pages_built

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        """After the first paint (``pages_after_show``), with the list on screen: start the database's
        start-up check and build the rest."""
        super().paintEvent(event)
        if not self._pages_scheduled:
            self._pages_scheduled = True
            self._start_startup_check()
            QTimer.singleShot(0, self.complete)

    def _start_startup_check(self) -> None:
        check = self.services.db.startup_check
        if check is not None:
            check.start()

    def _build_menus(self) -> None:
        """The menus in their order; what the pages offer is added when they are built."""
        self._build_file_menu()
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        self.view_menu = self.menuBar().addMenu(self.tr("&View"))
        agreement_menu = self.menuBar().addMenu(self.tr("&Agreement"))
        self.agreement_menu = agreement_menu
        self.new_agreement_action = self._menu_action(
            agreement_menu, self.tr("&New agreement…"), self.create_agreement, "Ctrl+Alt+N",
            tip=self.tr("A new, empty agreement (a draft)"),
        )
        self.carry_over_action = self._menu_action(
            agreement_menu, self.tr("New agreement from &last year's…"), self.create_from_previous, "Ctrl+Alt+F",
            tip=self.tr("Copy parties, promises and unfinished measures of the selected agreement into a new one"),
        )
        self.edit_agreement_action = self._menu_action(
            agreement_menu, self.tr("Agreement &details…"), self.edit_selected_agreement, "Ctrl+Alt+D",
            tip=self.tr("Title, dates, reporting periods, text sections and goals"),
        )
        self.page_menus = [
            self.menuBar().addMenu(title) for title in (self.tr("Pla&n"), self.tr("F&ollow-up"), self.tr("&Situation"))
        ]
        self._build_reports_menu()
        register_menu = self.menuBar().addMenu(self.tr("&Register"))
        self.organisations_action = QAction(self.tr("&Organisations…"), self)
        self.organisations_action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.organisations_action.triggered.connect(self.open_register)
        register_menu.addAction(self.organisations_action)
        self.people_action = QAction(self.tr("&People…"), self)
        self.people_action.setShortcut(QKeySequence("Ctrl+Alt+P"))
        self.people_action.triggered.connect(self.open_people)
        register_menu.addAction(self.people_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.user_guide_action = self._menu_action(
            help_menu, self.tr("&User guide"), self.show_user_guide, QKeySequence.StandardKey.HelpContents,
            tip=self.tr("The first steps: database, agreement, parties, plan, follow-up, reports, sign-off, backups"),
        )
        self.about_action = self._menu_action(
            help_menu, self.tr("&About Medborgarlöften"), self._about, tip=self.tr("The program's version"),
        )
        self.open_log_folder_action = self._menu_action(
            help_menu, self.tr("Open the &log folder"), self.database_files.open_log_folder,
            tip=self.tr("The folder of the program's log, for whoever supports it"),
        )

    @staticmethod
    def _add_page_actions(menu: QMenu, actions: list[QAction | None]) -> None:
        for action in actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)

    def _build_page_menus(self) -> None:
        """What the pages offer, in the menus ``_build_menus`` made (Agreement, Plan, Follow-up, Situation)."""
        self._build_view_menu()
        self.agreement_menu.aboutToShow.connect(lambda: self._ensure_loaded(self.parties_page))
        self.agreement_menu.addSeparator()
        self._add_page_actions(self.agreement_menu, self.parties_page.actions_for_menu())
        self.agreement_menu.addSeparator()
        self._add_page_actions(self.agreement_menu, self.versions_page.actions_for_menu())
        pages: tuple[AgreementPage, ...] = (self.plan_page, self.followup_page, self.situation_page)
        for menu, page in zip(self.page_menus, pages, strict=True):
            menu.aboutToShow.connect(lambda page=page: self._ensure_loaded(page))
            self._add_page_actions(menu, page.actions_for_menu())

    def _build_view_menu(self) -> None:
        """Visa: a page per Ctrl+1 … Ctrl+7, and the overview's own actions."""
        view_menu = self.view_menu
        view_menu.aboutToShow.connect(lambda: self._ensure_loaded(self.overview_page))
        self.page_actions: list[QAction] = []
        for index in range(self.tabs.count()):
            action = self._menu_action(
                view_menu, self.tabs.tabText(index), partial(self.tabs.setCurrentIndex, index),
                f"Ctrl+{index + 1}",
            )
            self.page_actions.append(action)
        view_menu.addSeparator()
        self._add_page_actions(view_menu, self.overview_page.actions_for_menu())

    def _menu_action(
        self,
        menu: QMenu,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence.StandardKey | str | None = None,
        *,
        tip: str = "",
    ) -> QAction:
        """An action of the window in ``menu``: a standard key if the platform has one, else ``shortcut``."""
        action = QAction(text, self)
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)
            if action.shortcut().isEmpty() and shortcut in FALLBACK_KEYS:  # e.g. Quit on Windows
                action.setShortcut(QKeySequence(FALLBACK_KEYS[shortcut]))
        elif shortcut:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def _build_file_menu(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.file_menu = file_menu
        self.new_database_action = self._menu_action(
            file_menu, self.tr("&New database…"), self.database_files.new_database, QKeySequence.StandardKey.New,
            tip=self.tr("Create a new, empty database file and work in it"),
        )
        self.open_database_action = self._menu_action(
            file_menu, self.tr("&Open database…"), self.database_files.choose_and_open_database,
            QKeySequence.StandardKey.Open,
            tip=self.tr("Work in another database file"),
        )
        self.connect_action = self._menu_action(
            file_menu, self.tr("Connect to s&hared database…"), self.database_files.choose_and_connect,
            tip=self.tr("Work in the municipality's shared database on a PostgreSQL server"),
        )
        file_menu.addMenu(self.database_files.recent_menu)
        file_menu.addSeparator()
        self.import_json_action = self._menu_action(
            file_menu, self.tr("&Import (JSON)…"), self.exchange.import_json, "Ctrl+I",
            tip=self.tr("Import agreements from a file in the exchange format (all or nothing)"),
        )
        self.export_json_action = self._menu_action(
            file_menu, self.tr("&Export (JSON)…"), self.exchange.export_json, "Ctrl+E",
            tip=self.tr("Export the selected agreement with everything under it in the exchange format"),
        )
        file_menu.addSeparator()
        self.print_action = self._menu_action(
            file_menu, self.tr("&Print agreement…"), self.print_agreement, QKeySequence.StandardKey.Print,
            tip=self.tr("Print the selected agreement's document (on the Versions page: the selected revision)"),
        )
        file_menu.addSeparator()
        self.backup_action = self._menu_action(
            file_menu, self.tr("&Back up now"), self.database_files.backup_now,
            tip=self.tr("Make a checked backup of the database now"),
        )
        # Ctrl+S saves the open form (ui/common/forms.save_key); in the window, where every edit is
        # saved as it is made, it only says so (a Word user's habit should not surprise).
        self.save_hint_action = QAction(self.tr("Save"), self)
        self.save_hint_action.setShortcuts(QKeySequence.StandardKey.Save)
        self.save_hint_action.triggered.connect(lambda _checked=False: self.statusBar().showMessage(
            self.tr("Every change is saved as you make it; nothing needs saving. A backup: File → Back up now."),
            10_000))
        self.addAction(self.save_hint_action)
        self.restore_action = self._menu_action(
            file_menu, self.tr("&Restore from backup…"), self.database_files.choose_and_restore,
            tip=self.tr("Replace the database with one of its backups"),
        )
        self._backup_tip, self._restore_tip = self.backup_action.statusTip(), self.restore_action.statusTip()
        file_menu.setToolTipsVisible(True)  # the reason backup and restore are greyed out on a shared database
        self.verify_action = self._menu_action(
            file_menu, self.tr("&Check the database…"), self.database_files.check_database,
            tip=self.tr("Check that the database is what the program wrote, also against printouts"),
        )
        file_menu.addSeparator()
        self.open_data_folder_action = self._menu_action(
            file_menu, self.tr("Open the &data folder"), self.database_files.open_data_folder,
            tip=self.tr("Show the folder of the open database"),
        )
        self.settings_action = self._menu_action(
            file_menu, self.tr("Se&ttings…"), self.open_settings, "Ctrl+,",
            tip=self.tr("The program's language, and where its files are"),
        )
        file_menu.addSeparator()
        self.quit_action = self._menu_action(file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)

    # --- the database files (ui/shell/database_files.py) --------------------------------------------
    def _finish_work_on_database(self) -> None:
        """Before the database is closed: others' changes no longer followed, where the person was
        remembered, background renders finished, the report dialog closed."""
        self.live_updates.stop()
        self.save_place()
        if self._pages_built:
            self.versions_page.wait_for_background_work()
            self.report_runner.cancel()
            self.report_runner.wait_for_background_work()
        if self.report_dialog is not None:
            self.report_dialog.close()
            self.report_dialog.deleteLater()
            self.report_dialog = None
        if self.publish_dialog is not None:
            self.publish_dialog.close()
            self.publish_dialog.deleteLater()
            self.publish_dialog = None

    def _use_services(self, services: Services) -> None:
        """Every page on ``services`` from now on (a reopened, restored or other database)."""
        for page in self._pages():
            page.set_services(services)
        self.undo_stack.clear()  # the history belonged to the database as it was before
        self.undo_stack.watch(services)
        self.live_updates.follow(services)
        if self._pages_built:
            self._restore_page()
        self.reload()
        self._show_read_only()
        self._watch_startup_check()
        if self._pages_built:
            self._start_startup_check()

    def _watch_startup_check(self) -> None:
        """"Kontrollerar databasen…" in the status bar while the start-up check runs; its end comes
        back to this thread, and a failure goes out as ``startupCheckFailed``."""
        check = self.services.db.startup_check
        self.check_label.setVisible(check is not None and check.state is CheckState.RUNNING)
        if check is None:
            return
        # Queued, also when the check has already ended: whoever connects to startupCheckFailed
        # right after the constructor still hears of a failure.
        ended = _CheckEnded(self)
        ended.ended.connect(lambda: self._startup_check_ended(check), Qt.ConnectionType.QueuedConnection)
        self._check_ended = ended
        check.when_done(lambda _check: ended.ended.emit())

    def _startup_check_ended(self, check: StartupCheck) -> None:
        if check is not self.services.db.startup_check:
            return  # a database let go of meanwhile
        self.check_label.setVisible(False)
        if check.failure is not None:
            self.startupCheckFailed.emit(check.failure)

    def _show_read_only(self) -> None:
        """Title bar, status bar and the window's edit actions for a read-only (or writable) database;
        on a shared database the title names it, backup and restore are the server's, and the account's label
        says who is connected and what it may do (domain/permissions.py)."""
        reason = self.services.db.read_only
        permissions = self.services.db.permissions
        shared = self.services.db.shared_address
        if shared is not None:
            title = self.tr("Medborgarlöften – %1 (read-only)") if reason else self.tr("Medborgarlöften – %1")
            self.setWindowTitle(fill(title, self.services.db.address))
        else:
            self.setWindowTitle(self.tr("Medborgarlöften (read-only)") if reason else self.tr("Medborgarlöften"))
        # On a shared database the account's label says it: "Ansluten som anna (läsa)".
        shown_reason = reason if permissions.account is None else None
        self.read_only_label.setText(fill(self.tr("Read-only: %1"), shown_reason.describe()) if shown_reason else "")
        self.read_only_label.setToolTip(shown_reason.refusal() if shown_reason else "")
        self.read_only_label.setVisible(shown_reason is not None)
        for action in (self.new_agreement_action, self.import_json_action, self.backup_action, self.restore_action):
            action.setEnabled(reason is None)
        for action, tip in ((self.backup_action, self._backup_tip), (self.restore_action, self._restore_tip)):
            if shared is not None:  # greyed out, saying why (the file menu shows this tooltip)
                action.setEnabled(False)
                action.setToolTip(self.database_files.server_backups_text())
                action.setStatusTip(self.database_files.server_backups_text())
            else:
                action.setToolTip("")
                action.setStatusTip(tip)
        self._show_permissions()
        self._update_agreement_actions(self.current_agreement_id())

    def _show_permissions(self) -> None:
        """The account of a shared database in the status bar, and every page's writing actions greyed
        out as far as it may not write (ui/common/write_access.py)."""
        permissions = self.services.db.permissions
        reason = self.services.db.read_only
        levels = {Level.READ: self.tr("read"), Level.EDIT: self.tr("edit"), Level.SIGN: self.tr("sign"),
                  Level.OWNER: self.tr("owner")}
        self.account_label.setText(
            fill(self.tr("Connected as %1 (%2)"), permissions.account, levels[permissions.level])
            if permissions.account is not None else ""
        )
        self.account_label.setToolTip(
            reason.refusal() if reason is not None
            else fill(self.tr("Signing and adopting needs the role %1."), permissions.roles.signer)
            if not permissions.sign else ""
        )
        self.account_label.setVisible(permissions.account is not None)
        for page in self._pages():
            page.write_access.follow(permissions)

    def _show_imported(self, ids: list[int]) -> None:
        """Agreements came in (ui/shell/exchange_actions.py): the list again, the first of them selected."""
        self.reload()
        if ids:
            self.select_agreement(ids[0])

    # --- settings and errors -----------------------------------------------------------------
    def open_settings(self) -> SettingsDialog:
        """The settings dialog (window-modal, not blocking); returns it."""
        from promises_app.ui.common.error_dialog import current_log_folder
        from promises_app.ui.shell.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self, database=self.services.db.path, logs=current_log_folder())
        dialog.accepted.connect(lambda: self._settings_saved(dialog))
        dialog.open()
        return dialog

    def _settings_saved(self, dialog: SettingsDialog) -> None:
        if dialog.language_changed():
            self.statusBar().showMessage(
                fill(self.tr("The language changes to %1 when the program is started again."),
                     dialog.language_combo.currentText()),
                15_000,
            )

    def save_place(self) -> None:
        """Remember the agreement and page shown in the open database, for the next start (or the
        next time this database is opened)."""
        path = self.services.db.path
        if path is None or not self._listed:
            return
        page = self.page_names.get(self.tabs.currentIndex(), "") if self._pages_built else ""
        agreement_id = self.current_agreement_id() if self._pages_built else self._agreement_id
        if not self._pages_built:  # closed before the pages came: keep the page remembered before
            page = self.settings.last_place(path)[1]
        self.settings.set_last_place(path, agreement_id, page)
        self.settings.sync()

    def _remembered_place(self) -> tuple[int | None, str]:
        path = self.services.db.path
        return self.settings.last_place(path) if path is not None else (None, "")

    def _restore_page(self) -> None:
        """The page the person was on in this database last time (if it was remembered)."""
        _agreement, name = self._remembered_place()
        index = next((index for index, page in self.page_names.items() if page == name), None)
        if index is not None:
            self.tabs.setCurrentIndex(index)

    def _restore_layout(self) -> None:
        geometry = self.settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)
        splitter = self.settings.splitter_state()
        if splitter is not None:
            self.splitter.restoreState(splitter)
        restore_widths(self.settings.column_widths())  # before the pages size their columns

    def save_layout(self) -> None:
        self.settings.set_geometry(self.saveGeometry())
        self.settings.set_window_state(self.saveState())
        self.settings.set_splitter_state(self.splitter.saveState())
        self.settings.set_column_widths(kept_widths())
        self.settings.sync()

    def _build_reports_menu(self) -> None:
        # "Re&ports": Alt+R is taken by &Register (and in Swedish by &Redigera).
        reports_menu = self.menuBar().addMenu(self.tr("Re&ports"))
        self.followup_report_action = QAction(self.tr("&Follow-up report…"), self)
        self.followup_report_action.setShortcut(QKeySequence("Ctrl+R"))
        self.followup_report_action.setStatusTip(self.tr("A report on the measures for one reporting period"))
        self.followup_report_action.triggered.connect(lambda: self.open_report_dialog())
        self.annual_report_action = QAction(self.tr("&Annual report…"), self)
        self.annual_report_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.annual_report_action.setStatusTip(self.tr("A report over every period of the agreement"))
        self.annual_report_action.triggered.connect(lambda: self.open_report_dialog(annual=True))
        self.publish_action = QAction(self.tr("&Publish for citizens…"), self)
        self.publish_action.setStatusTip(
            self.tr("A page for the municipality's website, the follow-up report and open data, in one folder")
        )
        self.publish_action.triggered.connect(lambda: self.open_publish_dialog())
        self.export_xlsx_action = QAction(self.tr("Export measures to &Excel…"), self)
        self.export_xlsx_action.setStatusTip(self.tr("The measures and their follow-ups as an Excel workbook"))
        self.export_xlsx_action.triggered.connect(lambda: self.exchange.export_measures(xlsx=True))
        self.export_csv_action = QAction(self.tr("Export measures as &CSV…"), self)
        self.export_csv_action.setStatusTip(self.tr("The measures and their follow-ups as a CSV file"))
        self.export_csv_action.triggered.connect(lambda: self.exchange.export_measures(xlsx=False))
        reports_menu.addAction(self.followup_report_action)
        reports_menu.addAction(self.annual_report_action)
        reports_menu.addAction(self.publish_action)
        reports_menu.addSeparator()
        reports_menu.addAction(self.export_xlsx_action)
        reports_menu.addAction(self.export_csv_action)
        self.report_actions = [
            self.followup_report_action, self.annual_report_action, self.publish_action, self.export_xlsx_action,
            self.export_csv_action,
        ]

    def _apply_changes(self, changes: Changes) -> None:
        """An edit, undo or redo (``Operations.changed``): the window's own parts read only what
        the Changes name; each page follows the same signal itself (ui/common/page_changes.py), but the
        measure list is handed them here, once the window knows the agreement itself is unchanged
        (else it is shown again, the list with it, and one read is enough)."""
        if not self._pages_built:
            return  # nothing is written before the pages are (the start-up check holds writes)
        if changes.touches(*AGREEMENT_TABLES):
            self._after_undo_or_redo(pages=False)  # the agreement shown again, the measure list with it
            return
        self.all_measures_page.apply_changes(changes)

    def _after_undo_or_redo(self, _index: int = 0, *, pages: bool = True) -> None:
        """The list again if agreements came or went, then the selected one."""
        current = self.current_agreement_id()
        agreements = self.services.agreements.list_agreements()
        ids = [agreement.id for agreement in agreements]
        if agreements != self.agreement_model.agreements:
            selection = self.agreement_view.selectionModel()
            selection.blockSignals(True)
            try:
                self.agreement_model.set_agreements(agreements)
                self.agreement_view.expandAll()
            finally:
                selection.blockSignals(False)
            if current not in ids:
                current = ids[-1] if ids else None
            if current is not None:
                self.select_agreement(current)
        self._show_agreement(current, pages=pages)

    def _pages(self) -> list[AgreementPage]:
        if not self._pages_built:
            return []
        return [self.overview_page, self.plan_page, self.followup_page, self.parties_page,
                self.situation_page, self.versions_page, self.all_measures_page]

    def _update_agreement_actions(self, agreement_id: int | None) -> None:
        writable = self.services.db.read_only is None
        self.carry_over_action.setEnabled(writable and agreement_id is not None)
        self.edit_agreement_action.setEnabled(agreement_id is not None)  # shows the details; saving is refused

    # --- agreements ---------------------------------------------------------------------------
    def create_agreement(self) -> int | None:
        """Ask for a new agreement (a citizen promise under the selected cooperation agreement, if any)."""
        self.complete()
        selected = self.current_agreement_id()
        parent_id = None
        if selected is not None:
            record = self.services.agreements.get_agreement(selected)
            if record.kind == AgreementKind.COOPERATION_AGREEMENT:
                parent_id = record.id
        from promises_app.ui.parties.agreement_dialog import new_agreement

        created = new_agreement(self, self.services, self.undo_stack, today=self._today, parent_id=parent_id)
        if created is not None:
            self._after_undo_or_redo(self.undo_stack.index())
            self.select_agreement(created)
            # The next step: who takes part, unless the form's municipality and police area made the
            # parties already (an agreement is between two at least); then the plan's promises.
            has_parties = len(self.services.agreements.list_parties(created)) >= 2
            self.tabs.setCurrentIndex(self.plan_tab if has_parties else self.parties_tab)
        return created

    def create_from_previous(self) -> int | None:
        """The wizard: a new agreement from the selected one (last year's)."""
        self.complete()
        previous = self.current_agreement_id()
        if previous is None:
            return None
        from promises_app.ui.agreements.new_agreement_wizard import run_new_agreement_wizard

        created = run_new_agreement_wizard(self, self.services, self.undo_stack, previous)
        if created is not None:
            self._after_undo_or_redo(self.undo_stack.index())
            self.select_agreement(created)
            self.tabs.setCurrentIndex(self.plan_tab)
        return created

    def edit_selected_agreement(self) -> bool:
        from promises_app.ui.parties.agreement_dialog import edit_agreement

        agreement_id = self.current_agreement_id()
        return agreement_id is not None and edit_agreement(self, self.services, self.undo_stack, agreement_id)

    def open_measure(self, measure_id: int) -> None:
        """Show a measure in the plan (from the overview)."""
        self.tabs.setCurrentIndex(self.plan_tab)
        self.plan_page.select_measure(measure_id)

    def follow_up_measure(self, measure_id: int) -> None:
        """Show a measure in the follow-up grid (opened in the plan of a signed agreement)."""
        self.tabs.setCurrentIndex(self.followup_tab)
        self.followup_page.select_measure(measure_id)

    def open_people(self) -> RegisterDialog:
        dialog = self.open_register()
        dialog.show_people()
        return dialog

    def open_register(self) -> RegisterDialog:
        from promises_app.ui.parties.register_dialog import RegisterDialog

        dialog = RegisterDialog(self.services, self.undo_stack, self)
        dialog.open()
        return dialog

    # --- reports and exports -----------------------------------------------------------------
    def open_report_dialog(self, kind: ReportKind | None = None, *, annual: bool = False) -> ReportDialog | None:
        """The report dialog for the selected agreement (window-modal, not blocking); returns it.
        ``kind``: the follow-up report unless given (or ``annual``)."""
        from promises_app.ui.reports.report_dialog import ReportDialog, ReportKind

        kind = kind or (ReportKind.ANNUAL if annual else ReportKind.FOLLOW_UP)
        self.complete()
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
                self.services, agreement_id, today=self._today(), kind=kind, runner=self.report_runner, parent=self,
                settings=self.settings, undo_stack=self.undo_stack,
            )
        except AppError as error:
            QMessageBox.warning(self, self.tr("Create report"), str(error))
            return None
        self.report_dialog = dialog
        dialog.open()
        return dialog

    def open_publish_dialog(self) -> PublishDialog | None:
        """Reports → Publish for citizens… for the selected agreement (window-modal, not blocking); returns it."""
        from promises_app.ui.reports.publish_dialog import PublishDialog

        self.complete()
        agreement_id = self.current_agreement_id()
        if agreement_id is None:
            return None
        self.versions_page.wait_for_background_work()  # the report's PDF is laid out as the previews are
        if self.publish_dialog is not None:
            self.publish_dialog.deleteLater()
            self.publish_dialog = None
        try:
            dialog = PublishDialog(self.services, agreement_id, today=self._today(), runner=self.report_runner,
                                   parent=self)
        except AppError as error:
            QMessageBox.warning(self, self.tr("Publish for citizens"), str(error))
            return None
        self.publish_dialog = dialog
        dialog.open()
        return dialog

    def print_agreement(self) -> int | None:
        """Ctrl+P, as in Word: the agreement's document as it stands, in the preview with the printer
        dialog over it; on the Versions page, the revision selected there. Returns the render's task number."""
        self.complete()
        if self.current_agreement_id() is None:
            return None
        on_versions = self.tabs.currentWidget() is self.versions_page
        return self.versions_page.print_pdf(current=not on_versions)

    def _update_report_actions(self, agreement_id: int | None) -> None:
        for action in self.report_actions:
            action.setEnabled(agreement_id is not None)
        self.print_action.setEnabled(agreement_id is not None)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        """Remember the layout and the database, back up on close (checked), then let go of the
        database and its lock; the undo stack falls silent (``Operations.shut_down``), so nothing
        reaches a page or a dialog as the window is taken down."""
        self.save_layout()
        self.database_files.close()
        self.undo_stack.shut_down()
        super().closeEvent(event)

    def reload(self) -> None:
        """Read the agreements again and select the one the person was on in this database last time,
        else the first citizen promise (or the first agreement)."""
        agreements = self.services.agreement_list.list_agreements()  # one query, no ORM (the first paint)
        self._listed = True
        self.agreement_model.set_agreements(agreements)
        self.agreement_view.expandAll()
        remembered, _page = self._remembered_place()  # where the person was in this database last time
        preferred = next((a for a in agreements if a.id == remembered), None) or next(
            (a for a in agreements if a.parent_id is not None), agreements[0] if agreements else None
        )
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
        source = self.agreement_model.index_of(agreement_id)
        if not source.isValid():
            return
        index = self.agreement_proxy.mapFromSource(source)
        if not index.isValid():  # hidden by the search: show every agreement again
            self.agreement_filter.clear()
            index = self.agreement_proxy.mapFromSource(source)
        self.agreement_view.setCurrentIndex(index)

    def _filter_agreements(self, text: str) -> None:
        self.agreement_proxy.setFilterFixedString(text.strip())
        self.agreement_view.expandAll()

    def current_agreement_id(self) -> int | None:
        index = self.agreement_view.currentIndex()
        return index.data(AGREEMENT_ID_ROLE) if index.isValid() else None

    def _agreement_selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        self._show_agreement(indexes[0].data(AGREEMENT_ID_ROLE) if indexes else None)

    def _show_agreement(self, agreement_id: int | None, *, pages: bool = True) -> None:
        self._update_report_actions(agreement_id)
        if agreement_id is not None and not self._pages_built:
            # The first paint: the title from the list; the rest comes with the pages (``complete``).
            self._agreement_id = agreement_id
            self.title_label.setText(
                next((a.title for a in self.agreement_model.agreements if a.id == agreement_id), "")
            )
            self.details_label.setText("")
            self._update_agreement_actions(agreement_id)
            return
        self._show_start_view(agreement_id is None and not self.agreement_model.agreements)
        if agreement_id is None:
            self.title_label.setText(self.tr("No agreements yet"))
            self.details_label.setText(
                self.tr("Import an agreement (File → Import (JSON)…) or load the demo data (promises-app demo).")
            )
            self._agreement_id = None
            for page in self._pages():
                page.set_agreement(None)
            self._update_agreement_actions(None)
            return
        agreement = self.services.agreements.get_agreement(agreement_id)
        parties = self.services.agreements.list_parties(agreement_id)
        from promises_app.domain.periods import periods_for

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
        self._agreement_id = agreement_id
        with reading_rows():
            if self.tabs.currentWidget() is self.all_measures_page:
                self.all_measures_page.set_agreement(agreement_id)
            else:
                self.all_measures_page.set_agreement_later(agreement_id)  # read when shown (_page_shown)
            if not pages and agreement_id == self.versions_page.agreement_id:
                self._update_agreement_actions(agreement_id)
                return  # each page follows the change itself
            self.versions_page.set_agreement(agreement_id)  # its keys (sign, new revision) work on every page
            for page in self._lazy_pages():
                if page is self.tabs.currentWidget():
                    page.set_agreement(agreement_id)
                elif page.agreement_id not in (None, agreement_id):
                    page.set_agreement(None)  # forgotten now, read when shown
        self._update_agreement_actions(agreement_id)

    def _show_start_view(self, empty: bool) -> None:
        """The start view while the database holds no agreement, the pages otherwise."""
        reason = self.services.db.read_only
        self.start_view.set_read_only(reason.describe() if reason is not None else None)
        self.right_stack.setCurrentIndex(1 if empty else 0)

    def show_user_guide(self) -> UserGuideDialog:
        """Hjälp → Användarguide (F1): docs/anvandarguide.md in a window of its own (not modal)."""
        from promises_app.ui.shell.user_guide import UserGuideDialog

        if self.user_guide is None:
            self.user_guide = UserGuideDialog(self)
        self.user_guide.show()
        self.user_guide.raise_()
        self.user_guide.activateWindow()
        return self.user_guide

    def _lazy_pages(self) -> list[AgreementPage]:
        """The pages that read the selected agreement only when they are shown (or their menu opens):
        selecting an agreement reads one page, not six."""
        if not self._pages_built:
            return []
        return [self.overview_page, self.plan_page, self.followup_page, self.parties_page, self.situation_page]

    def _page_shown(self, index: int) -> None:
        """A page comes into view: it reads the agreement again (another page's edits, another day)."""
        shown: object = self.tabs.widget(index)  # compared by identity with the pages (AgreementPage)
        with reading_rows():
            for page in self._lazy_pages():
                if page is shown:
                    page.set_agreement(self._agreement_id)
            if shown is self.all_measures_page:
                self.all_measures_page.refresh_if_stale()

    def _ensure_loaded(self, page: AgreementPage) -> None:
        """Before a page's actions are offered in a menu, the page knows the selected agreement."""
        if page.agreement_id != self._agreement_id:
            with reading_rows():
                page.set_agreement(self._agreement_id)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Medborgarlöften"),
            self.tr("Medborgarlöften %1\nPlan, follow up and report citizen promises.").replace(
                "%1", __version__
            ),
        )


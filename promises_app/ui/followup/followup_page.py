"""The "Uppföljning" page: every measure of the agreement by reporting period, followed up in place.

A filter bar over a grid (followup_grid_model.py) of the agreement's measures, grouped by promise
or by focus area, with one column per reporting period; the period running "today" stands out.
The period being followed up (the running one, or the one picked above the grid) is typed into
in place: its status, light, count and comment columns have editors (followup_delegate.py; F2 or
typing starts, Enter saves and moves down, Tab moves right, Esc cancels). Enter, F2 or a
double-click on any other cell, or "Följ upp…", opens the compact editor (followup_editor.py).
Setting the status or light with several measures selected sets it for all of them, as one
undo step; Ctrl+C copies the selected rows as tab-separated text with a header row (Excel
pastes it into columns). "Kopiera förra periodens status" fills the chosen period for the
selected measures from the period before.
Every edit is one undo command (followup_commands.py) on the window's QUndoStack, and the page
reads the grid again whenever the stack changes. Beside the grid: the selected measure's history,
every period's status, light, count and comment, newest first.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QSize,
    QStandardPaths,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from promises_app import os_errors
from promises_app.domain.changes import Changes
from promises_app.domain.enums import FollowUpStatus, TrafficLight
from promises_app.domain.errors import AppError
from promises_app.services import Services
from promises_app.services.base import FieldValues
from promises_app.services.carry_over import LineageEntry
from promises_app.services.errors import ConflictError
from promises_app.services.followups import FollowUpEntry, FollowUpGrid, GridMeasure
from promises_app.services.records import FollowUpRecord
from promises_app.ui.common.columns import FittedColumns, whole_text_tooltips
from promises_app.ui.common.conflict_dialog import Choice, ConflictDialog
from promises_app.ui.common.count_words import count_line
from promises_app.ui.common.formatting import fill, format_date
from promises_app.ui.common.labels import label
from promises_app.ui.common.page_changes import behind_other_tab, follow_changes, shared_read
from promises_app.ui.common.page_parts import ActionNotice, action_button, notice_label, page_action
from promises_app.ui.common.paged_filter import reveal_while_scrolling
from promises_app.ui.common.write_access import WriteAccess
from promises_app.ui.followup.follow_up_conflict import follow_up_conflict
from promises_app.ui.followup.followup_commands import (
    CopyPreviousPeriodCommand,
    ReadOwnerReportsCommand,
    RecordFollowUpCommand,
    SetFollowUpsCommand,
)
from promises_app.ui.followup.followup_delegate import FollowUpDelegate
from promises_app.ui.followup.followup_editor import FollowUpEditor, light_icon
from promises_app.ui.followup.followup_grid_model import (
    LIGHT_COLOURS,
    FollowUpFilterProxy,
    FollowUpGridModel,
    GroupBy,
    HistoryTableModel,
    cell_text,
)
from promises_app.ui.followup.grid_clipboard import rows_as_tsv
from promises_app.ui.followup.owner_packs_dialog import OwnerPacksDialog
from promises_app.ui.followup.owner_report_dialog import OwnerReportDialog

if TYPE_CHECKING:  # the dialog is loaded when first opened
    from promises_app.ui.followup.reminders_dialog import RemindersDialog

EDIT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
#: The widest a period's column is made (in em): "Pågående (hittills 2 av 4, denna period 1)" is
#: elided (whole in the tooltip) so that the titles and three periods fit at 1280 px.
PERIOD_MAX_EM = 15


#: What the grid shows: a change to any other table leaves it as it is.
GRID_TABLES = ("agreements", "promises", "measures", "follow_ups", "organisations", "people", "focus_areas",
               "parties")


class FollowUpPage(QWidget):
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
        self._today = today
        self.agreement_id: int | None = None
        self.editor: FollowUpEditor | None = None
        #: The conflict dialog of a typed cell while it is open (someone else saved the follow-up).
        self.conflict_dialog: ConflictDialog | None = None
        self.report_dialog: OwnerReportDialog | None = None
        #: The folder the report packs were last written to or read from.
        self._pack_folder = ""
        self.reminders_dialog: RemindersDialog | None = None

        self.notice_label = notice_label()
        self.action_notice = ActionNotice(self, undo_stack, self.show_notice)

        # --- the filter bar
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("Title, description or comment"))
        self.search_edit.setAccessibleName(self.tr("Search measures"))
        self.search_edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 18)  # never a slit
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(self.tr("Filter by latest status"))
        self.status_filter.addItem(self.tr("All statuses"), "")
        for status in FollowUpStatus:
            self.status_filter.addItem(label(status), status.value)
        self.status_filter.addItem(self.tr("Not followed up"), FollowUpFilterProxy.NO_FOLLOW_UP)
        self.light_filter = QComboBox()
        self.light_filter.setAccessibleName(self.tr("Filter by latest traffic light"))
        self.light_filter.addItem(self.tr("All lights"), "")
        for light in TrafficLight:
            self.light_filter.addItem(light_icon(light), label(light), light.value)
        self.party_filter = QComboBox()
        self.party_filter.setAccessibleName(self.tr("Filter by party or responsible"))
        # As wide as a name of about 24 characters, however long the parties' names (the list shows
        # them whole).
        self.party_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.party_filter.setMinimumContentsLength(24)
        self.overdue_check = QCheckBox(self.tr("Only o&verdue"))
        self.overdue_check.setAccessibleName(self.tr("Only overdue measures"))
        self.group_combo = QComboBox()
        self.group_combo.setAccessibleName(self.tr("Group measures by"))
        self.group_combo.addItem(self.tr("Promise"), GroupBy.PROMISE.value)
        self.group_combo.addItem(self.tr("Focus area"), GroupBy.FOCUS_AREA.value)
        self.period_combo = QComboBox()
        self.period_combo.setAccessibleName(self.tr("Period to follow up in the grid"))
        self.period_combo.setToolTip(self.tr("The period whose status, light, count and comment you type into"))

        # --- the grid
        self.model = FollowUpGridModel(self, editable=True)
        self.proxy = FollowUpFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTreeView()
        self.view.setModel(self.proxy)
        self.view.setAccessibleName(self.tr("Follow-up of the measures by period"))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # Typing, F2 or a double-click edits a cell of the period followed up (followup_delegate.py).
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.delegate = FollowUpDelegate(self.commit_cell, self.view)
        self.view.setItemDelegate(self.delegate)
        self.delegate.enterPressed.connect(self.move_down)
        self.delegate.tabPressed.connect(self.move_along)
        self.view.setUniformRowHeights(True)
        self.view.setIconSize(QSize(11, 11))
        self.view.setAllColumnsShowFocus(False)
        self.view.setRootIsDecorated(True)
        self.view.setItemsExpandable(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionsMovable(False)
        header.setMinimumSectionSize(self.fontMetrics().horizontalAdvance("M") * 6)
        # The measure's title fills what the periods leave, never under 22 em (then the grid scrolls
        # sideways); widths the person drags are kept (ui/common/columns.py).
        self.columns = FittedColumns(self.view, "followup", first=FollowUpGridModel.TITLE,
                                     minimum=self.fontMetrics().horizontalAdvance("M") * 22)
        whole_text_tooltips(self.view)
        self.view.installEventFilter(self)
        # Long grids come a page at a time (ui/common/paged_filter.py): more as the person scrolls down.
        self.proxy.headingsRevealed.connect(self._groups_revealed)
        reveal_while_scrolling(self.view, self.proxy)
        self.view.doubleClicked.connect(self._double_clicked)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        # After the view's own scrolling to the new current cell (connected before this).
        self.view.selectionModel().currentChanged.connect(lambda *_: self._titles_in_view())
        self.view.selectionModel().selectionChanged.connect(self._update_actions)

        # --- the history panel
        self.history_model = HistoryTableModel(self)
        # the history reads as text: each period's heading (status, light, count), its comment below
        self.history_view = QTextBrowser()
        self.history_view.setOpenLinks(False)
        self.history_view.setAccessibleName(self.tr("History of the selected measure"))
        self.history_view.setTabChangesFocus(True)
        self._history_shown: str | None = None
        self.history_title = QLabel()
        self.history_title.setWordWrap(True)
        self.history_title.setTextFormat(Qt.TextFormat.PlainText)
        self.history_box = QGroupBox(self.tr("History"))
        history_layout = QVBoxLayout(self.history_box)
        history_layout.addWidget(self.history_title)
        history_layout.addWidget(self.history_view, 1)

        self._build_actions()
        self.write_access = WriteAccess(self, edits=[
            self.edit_action, self.copy_action, self.set_status_action, self.set_light_action, self.read_packs_action,
        ])
        self.write_access.followed.connect(self._follow_write_access)
        self.edit_button = action_button(self.edit_action)
        self.copy_button = action_button(self.copy_action)
        self.history_button = action_button(self.history_action)
        self.history_button.setCheckable(True)
        self.history_button.setChecked(True)
        self.history_button.toggled.connect(self.history_action.setChecked)
        self.history_action.toggled.connect(self.history_button.setChecked)

        # The filter bar in two rows: the search field keeps room to type in on a 1366-pixel screen,
        # and the page is not laid out at its least width (where any label changing its width as
        # you type moves everything else).
        search_row = QHBoxLayout()
        filters = QHBoxLayout()
        for row, text, widget in (
            (search_row, self.tr("&Search:"), self.search_edit),
            (filters, self.tr("S&tatus:"), self.status_filter),
            (filters, self.tr("&Light:"), self.light_filter),
            (filters, self.tr("&Party:"), self.party_filter),
        ):
            caption = QLabel(text)
            caption.setBuddy(widget)
            row.addWidget(caption)
            row.addWidget(widget, 1 if widget is self.search_edit else 0)
        filters.addWidget(self.overdue_check)
        filters.addStretch(1)
        group_caption = QLabel(self.tr("&Group by:"))
        group_caption.setBuddy(self.group_combo)
        search_row.addSpacing(12)
        search_row.addWidget(group_caption)
        search_row.addWidget(self.group_combo)
        period_caption = QLabel(self.tr("F&ollow up:"))
        period_caption.setBuddy(self.period_combo)
        search_row.addSpacing(12)
        search_row.addWidget(period_caption)
        search_row.addWidget(self.period_combo)

        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.copy_button)
        self.count_label = QLabel()
        # Takes the room between the buttons whatever its text, so the count changing as you type
        # does not lay the page out again.
        self.count_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        buttons.addWidget(self.count_label, 1)
        buttons.addWidget(self.history_button)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.history_box)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        # The grid first: at 1280 px its measure titles need the room more than the history does.
        self.history_view.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 14)
        self.splitter.setSizes([1080, 260])

        layout = QVBoxLayout(self)
        layout.addLayout(search_row)
        layout.addLayout(filters)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(buttons)

        chain: list[QWidget] = [self.search_edit, self.status_filter, self.light_filter, self.party_filter,
                                self.overdue_check, self.group_combo, self.period_combo, self.view,
                                self.history_view,
                                self.edit_button, self.copy_button, self.history_button]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

        self.search_edit.textChanged.connect(self._filter_changed)
        self.status_filter.currentIndexChanged.connect(self._filter_changed)
        self.light_filter.currentIndexChanged.connect(self._filter_changed)
        self.party_filter.currentIndexChanged.connect(self._filter_changed)
        self.overdue_check.toggled.connect(self._filter_changed)
        self.group_combo.currentIndexChanged.connect(self._group_changed)
        self.period_combo.currentIndexChanged.connect(self._edit_period_changed)
        follow_changes(undo_stack, self, self.apply_changes)
        self._update_actions()

    # --- building ---------------------------------------------------------------------------------
    def _build_actions(self) -> None:
        action = partial(page_action, self)

        self.edit_action = action(
            self.tr("&Follow up…"), self.tr("Record or change the follow-up of the selected cell"),
            self.edit_follow_up, ("F2",), self.view)
        self.copy_action = action(
            self.tr("&Copy previous period's status"),
            self.tr("Copy the status, light and count of the period before into the chosen period, "
                    "for the selected measures"),
            self.copy_previous_period, ("Ctrl+Alt+K",))
        self.history_action = action(
            self.tr("Show &history"), self.tr("Show the selected measure's follow-ups, newest first"),
            lambda: None, ("Ctrl+Shift+H",))
        self.history_action.setCheckable(True)
        self.history_action.setChecked(True)
        self.history_action.toggled.connect(self.history_box.setVisible)
        self.copy_rows_action = action(
            self.tr("Copy &rows"),
            self.tr("Copy the selected rows as tab-separated text with a header row (Excel pastes it into columns)"),
            self.copy_rows, (QKeySequence(QKeySequence.StandardKey.Copy).toString(),), self.view)
        self.set_status_menu = QMenu(self.tr("Set &status of selected"), self)
        self.set_light_menu = QMenu(self.tr("Set traffic &light of selected"), self)
        for status in FollowUpStatus:
            made = self.set_status_menu.addAction(label(status))
            made.setData(status.value)
            made.triggered.connect(partial(self.set_for_selected, "status", status.value))
        for light in TrafficLight:
            made = self.set_light_menu.addAction(light_icon(light), label(light))
            made.setData(light.value)
            made.triggered.connect(partial(self.set_for_selected, "light", light.value))
        # Actions of the page's own that hold the menus: the menus' own actions (menuAction) were
        # found deleted in the window after the first edit, the menus themselves still alive.
        self.set_status_action = QAction(self.set_status_menu.title(), self)
        self.set_status_action.setMenu(self.set_status_menu)
        self.set_status_action.setStatusTip(self.tr("Set the status of every selected measure in the period, "
                                                    "as one step to undo"))
        self.set_light_action = QAction(self.set_light_menu.title(), self)
        self.set_light_action.setMenu(self.set_light_menu)
        self.set_light_action.setStatusTip(self.tr("Set the traffic light of every selected measure in the "
                                                   "period, as one step to undo"))
        self.send_packs_action = action(
            self.tr("&Send out report packs…"),
            self.tr("Write an Excel workbook per owner with their measures, for them to fill in and send back"),
            self.send_packs)
        self.read_packs_action = action(
            self.tr("&Read report packs…"),
            self.tr("Read in the report packs the owners filled in: a preview of every change first"),
            self.read_packs)
        self.reminders_action = action(
            self.tr("&Reminders…"),
            self.tr("Ready e-mails to the contact persons who have something due, and a calendar file"),
            self.open_reminders)


    def actions_for_menu(self) -> list[QAction | None]:
        """The page's actions for the window's menu (None: a separator)."""
        return [self.edit_action, self.set_status_action, self.set_light_action, self.copy_action,
                self.copy_rows_action, None, self.send_packs_action, self.read_packs_action, self.reminders_action,
                None, self.history_action]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Enter on a cell typed into edits it there; on any other cell it opens the follow-up form.
        F2 is the form's shortcut, except on a cell typed into, where the view starts editing."""
        if watched is self.view and isinstance(event, QKeyEvent):
            plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            in_place = self._editable(self.view.currentIndex())
            if event.type() == QEvent.Type.ShortcutOverride and plain and in_place \
                    and event.key() == Qt.Key.Key_F2:
                event.accept()  # the view's own F2 (EditKeyPressed), not the form's shortcut
                return True
            if event.type() == QEvent.Type.KeyPress and event.key() in EDIT_KEYS and plain:
                if in_place:
                    self.view.edit(self.view.currentIndex())
                else:
                    self.edit_follow_up()
                return True
        return super().eventFilter(watched, event)

    def _editable(self, index: QModelIndex) -> bool:
        return (self.write_access.may_edit and index.isValid()
                and bool(self.proxy.flags(index) & Qt.ItemFlag.ItemIsEditable))

    def _follow_write_access(self) -> None:
        """An account that may only read types nothing into the grid (ui/common/write_access.py)."""
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed if self.write_access.may_edit
            else QAbstractItemView.EditTrigger.NoEditTriggers
        )

    # --- the page API -----------------------------------------------------------------------------
    def set_services(self, services: Services) -> None:
        """The window opened the database again: forget ids and what was shown."""
        self.services = services
        self.agreement_id = None
        self.model.set_grid(None)
        self.show_notice("")
        self._current_changed()

    def set_agreement(self, agreement_id: int | None) -> None:
        """Show the agreement (None: nothing); another agreement starts on its running period."""
        changed = agreement_id != self.agreement_id
        if changed:
            self.agreement_id = agreement_id
            self.show_notice("")
            self.model.set_grid(None)
        self.refresh(first=changed)

    def _gone(self) -> bool:
        """The page is being taken down (its widgets deleted before it): signals then change nothing."""
        return not (shiboken6.isValid(self.count_label) and shiboken6.isValid(self.history_title)
                    and shiboken6.isValid(self.view) and shiboken6.isValid(self.set_status_menu)
                    and shiboken6.isValid(self.set_light_menu))

    def apply_changes(self, changes: Changes) -> None:
        """After an edit, undo or redo: only the follow-ups named are read again, and only their
        rows repainted; anything that changes the grid's rows or columns reads it all again."""
        if self.agreement_id is None or self._gone() or behind_other_tab(self):
            return
        if changes.only("follow_ups"):
            ids = frozenset(changes.keys_of("follow_ups", "measure_id"))
            states = shared_read(self.undo_stack, ("measure_states", ids),
                                 lambda: self.services.follow_ups.measure_states(ids, today=self._today()))
            updated = self.model.update_measures(states)
            item = self.current_measure()
            if item is not None and item.measure.id in updated:
                self._current_changed()  # the history beside the grid
            else:
                self._update_actions()
            return
        if changes.touches(*GRID_TABLES):
            self.refresh()

    def refresh(self, *, first: bool = False) -> None:
        """Read the grid again; keep the current cell and the selection."""
        current = self._cell_key(self.view.currentIndex())
        selected = [self._cell_key(i) for i in self.view.selectionModel().selectedIndexes()]
        grid: FollowUpGrid | None = None
        if self.agreement_id is not None:
            try:
                grid = self.services.follow_ups.grid(self.agreement_id, today=self._today())
            except AppError as error:
                self.show_notice(str(error))
        self.model.set_grid(grid)
        self._fill_period_choice(grid)
        self._fill_party_filter(grid)
        self.view.expandToDepth(0)  # the groups; measures have no children
        self._span_groups()
        self._size_columns()
        if first or current is None:
            current = self._default_cell()
        self._restore(current, [k for k in selected if k is not None])
        self._current_changed()

    def select_measure(self, measure_id: int) -> None:
        """Make the measure's cell of the current (or last) period current and selected."""
        period = self.model.current_period() or (self.model.periods()[-1] if self.model.periods() else None)
        column = self.model.period_column(period) if period else FollowUpGridModel.TITLE
        index = self._shown_cell(measure_id, column)
        if not index.isValid():  # hidden by the filters: show every measure again
            self.clear_filters()
            index = self._shown_cell(measure_id, column)
        if index.isValid():
            self.view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.view.scrollTo(index)

    def clear_filters(self) -> None:
        self.search_edit.clear()
        self.status_filter.setCurrentIndex(0)
        self.light_filter.setCurrentIndex(0)
        self.party_filter.setCurrentIndex(0)
        self.overdue_check.setChecked(False)

    def show_notice(self, text: str) -> None:
        self.notice_label.setText(text)
        self.notice_label.setVisible(bool(text))

    # --- what is selected -------------------------------------------------------------------------
    def _shown_cell(self, measure_id: int, column: int) -> QModelIndex:
        """The view's index of a measure's cell, handing the view the rows up to it if it passes the
        filters but lies further down than the view has yet (invalid when the filters hide it)."""
        source = self.model.index_of(measure_id, column)
        self.proxy.reveal_measure(source)
        return self.proxy.mapFromSource(source)

    def _cell_key(self, index: QModelIndex) -> tuple[int, int] | None:
        item = self.model.measure_at(self.proxy.mapToSource(index)) if index.isValid() else None
        return (item.measure.id, index.column()) if item is not None else None

    def _default_cell(self) -> tuple[int, int] | None:
        grid = self.model.grid()
        if grid is None or not grid.measures:
            return None
        period = grid.current_period or grid.periods[-1].label
        return grid.measures[0].measure.id, self.model.period_column(period)

    def _restore(self, current: tuple[int, int] | None, selected: list[tuple[int, int]]) -> None:
        selection_model = self.view.selectionModel()
        selection = QItemSelection()
        for measure_id, column in selected:
            index = self.proxy.mapFromSource(self.model.index_of(measure_id, column))
            if index.isValid():
                selection.select(index, index)
        if current is not None:
            index = self._shown_cell(*current)
            if index.isValid():
                selection_model.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
                if selection.isEmpty():
                    selection.select(index, index)
        selection_model.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def current_measure(self) -> GridMeasure | None:
        index = self.view.currentIndex()
        return self.model.measure_at(self.proxy.mapToSource(index)) if index.isValid() else None

    def current_period(self) -> str | None:
        """The period of the current cell; the running period when the current cell is no period's."""
        index = self.view.currentIndex()
        period = self.model.period_of_column(index.column()) if index.isValid() else None
        return period or self.model.current_period()

    def selected_measures(self) -> list[GridMeasure]:
        """The measures of the selected cells (and the current one), in grid order, once each."""
        indexes = [*self.view.selectionModel().selectedIndexes(), self.view.currentIndex()]
        wanted = {item.measure.id for i in indexes if i.isValid()
                  and (item := self.model.measure_at(self.proxy.mapToSource(i))) is not None}
        grid = self.model.grid()
        return [g for g in grid.measures if g.measure.id in wanted] if grid else []

    def _double_clicked(self, index: QModelIndex) -> None:
        if not self._editable(index):  # (a cell typed into is edited in place by the view)
            self.edit_follow_up()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        # The view scrolls to a cell made current while it was hidden once it shows (Qt does so
        # after this event): then bring the titles back.
        QTimer.singleShot(0, self._titles_in_view)

    def _titles_in_view(self) -> None:
        """Scroll back to the measures' titles when the current cell is in view from there too.

        The view scrolls a late period's cell into view by pushing the titles out of it (at
        1280 px the running tertial's cell sits beyond the window's edge): a row without its
        title says nothing. When at least a status word's width of the cell shows with the
        titles, they stay; a cell further right (the comment column) is scrolled to as before.
        """
        if self._gone():
            return
        index = self.view.currentIndex()
        bar = self.view.horizontalScrollBar()
        if not index.isValid() or bar.value() == 0 or index.column() == FollowUpGridModel.TITLE:
            return
        header = self.view.header()
        shown = min(header.sectionSize(index.column()), 9 * self.fontMetrics().horizontalAdvance("M"))
        if header.sectionPosition(index.column()) + shown <= self.view.viewport().width():
            bar.setValue(0)

    def _current_changed(self, *_args: object) -> None:
        if self._gone():
            return
        item = self.current_measure()
        earlier: list[LineageEntry] = []
        if item is None:
            self.history_title.setText(self.tr("Select a measure to see its follow-ups."))
            self.history_model.set_history(None, [])
        else:
            self.history_title.setText(item.measure.title)
            self.history_model.set_history(item, self.model.follow_ups_of(item.measure.id))
            if item.measure.previous_measure_id is not None:
                try:
                    earlier = self.services.carry_over.measure_lineage(item.measure.id)
                except AppError:
                    earlier = []  # the history of this year still shows
        history = self._history_html() + self._earlier_html(earlier)
        if history != self._history_shown:  # laid out again only when it changed (not per keystroke)
            self._history_shown = history
            self.history_view.setHtml(history)
        self._update_actions()

    def _earlier_html(self, earlier: list[LineageEntry]) -> str:
        """The same measure in earlier agreements (carried over), each with its follow-ups, newest first."""
        parts = []
        for entry in earlier:
            heading = fill(self.tr("Earlier: %1 (%2 – %3)"), entry.agreement_title,
                           format_date(entry.agreement_start), format_date(entry.agreement_end))
            parts.append(f"<h4>{html.escape(heading)}</h4>")
            if not entry.follow_ups:
                nothing = self.tr("No follow-up recorded.")
                parts.append(f"<p><i>{html.escape(nothing)}</i></p>")
            for record in reversed(entry.follow_ups):
                colour = LIGHT_COLOURS[record.light].name()
                line = [f"<b>{html.escape(record.period)}</b>", html.escape(label(record.status)),
                        f"<span style='color:{colour}'>&#9632;</span> {html.escape(label(record.light))}"]
                if record.count_achieved is not None:
                    line.append(html.escape(fill(self.tr("count %1"), record.count_achieved)))
                comment = html.escape(record.comment or "").replace("\n", "<br>")
                parts.append(f"<p>{' · '.join(line)}{'<br>' + comment if comment else ''}</p>")
        return "".join(parts)

    def _history_html(self) -> str:
        """The history model's rows as text: period, status, light (a coloured square and its word),
        count, then the comment."""
        model = self.history_model
        if model.rowCount() == 0:
            if self.current_measure() is None:
                return ""
            none_yet = self.tr("No follow-up recorded yet.")
            return f"<p><i>{html.escape(none_yet)}</i></p>"
        parts = []
        for row, record in enumerate(model.records()):
            def cell(column: int, at: int = row) -> str:
                return html.escape(str(model.index(at, column).data() or ""))

            colour = LIGHT_COLOURS[record.light].name()
            heading = [f"<b>{cell(HistoryTableModel.PERIOD)}</b>", cell(HistoryTableModel.STATUS),
                       f"<span style='color:{colour}'>&#9632;</span> {cell(HistoryTableModel.LIGHT)}"]
            item = self.current_measure()
            counted = "" if item is None else count_line(
                self.model.count(item, record.period), item.measure.target_count, item.measure.target_unit)
            if counted:  # the one count rule (domain/counts.py), the source said
                heading.append(html.escape(counted))
            elif record.count_achieved is not None:
                heading.append(html.escape(fill(self.tr("count %1"), record.count_achieved)))
            comment = cell(HistoryTableModel.COMMENT).replace("\n", "<br>")
            parts.append(f"<p>{' · '.join(heading)}{'<br>' + comment if comment else ''}</p>")
        return "".join(parts)

    def _update_actions(self, *_args: object) -> None:
        if self._gone():
            return
        has_cell = self.current_measure() is not None and self.current_period() is not None
        self.edit_action.setEnabled(has_cell)
        self.copy_action.setEnabled(has_cell)
        self.copy_rows_action.setEnabled(has_cell)
        self.set_status_action.setEnabled(has_cell)
        self.set_light_action.setEnabled(has_cell)
        self.send_packs_action.setEnabled(self.agreement_id is not None)
        self.read_packs_action.setEnabled(self.agreement_id is not None)
        self.reminders_action.setEnabled(self.agreement_id is not None)
        shown = self.proxy.shown_measure_count()
        grid = self.model.grid()
        total = len(grid.measures) if grid else 0
        self.count_label.setText(
            fill(self.tr("%1 of %2 measures shown"), shown, total) if self.proxy.is_filtering() else ""
        )

    # --- filters ------------------------------------------------------------------------------------
    def _fill_party_filter(self, grid: FollowUpGrid | None) -> None:
        names: set[str] = set()
        for item in grid.measures if grid else ():
            names.update(filter(None, (item.measure.responsible_name, *item.measure.participant_names,
                                       *item.promise_makers)))
        keep = self.party_filter.currentData() or ""
        self.party_filter.blockSignals(True)
        self.party_filter.clear()
        self.party_filter.addItem(self.tr("All parties"), "")
        for name in sorted(names, key=str.casefold):
            self.party_filter.addItem(name, name)
        self.party_filter.setCurrentIndex(max(0, self.party_filter.findData(keep)) if keep else 0)
        self.party_filter.blockSignals(False)
        self.proxy.set_party(self.party_filter.currentData() or "")

    def _filter_changed(self, *_args: object) -> None:
        current = self._cell_key(self.view.currentIndex())
        changed = self.proxy.set_filters(
            text=self.search_edit.text(),
            status=self.status_filter.currentData() or None,
            light=self.light_filter.currentData() or None,
            party=self.party_filter.currentData() or "",
            only_overdue=self.overdue_check.isChecked(),
        )
        if not changed:
            self._update_actions()  # the same rows: only the count changes
            return
        self.view.expandToDepth(0)
        self._span_groups()
        self._restore(current, [])  # the cell stays current while it is still shown
        if self.current_measure() is None:
            self._select_first_visible()
        self._current_changed()

    def _select_first_visible(self) -> None:
        """The filters hid the current cell: the first measure still shown, in the running period."""
        if self.proxy.rowCount() == 0 or self.proxy.rowCount(self.proxy.index(0, 0)) == 0:
            self.view.selectionModel().clear()
            return
        period = self.model.current_period() or self.model.periods()[-1]
        index = self.proxy.index(0, self.model.period_column(period), self.proxy.index(0, 0))
        self.view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _fill_period_choice(self, grid: FollowUpGrid | None) -> None:
        """The periods to follow up in the grid; the one shown stays chosen while it exists."""
        self.period_combo.blockSignals(True)
        self.period_combo.clear()
        for period in grid.periods if grid else ():
            self.period_combo.addItem(period.label, period.label)
        self.period_combo.setCurrentIndex(max(0, self.period_combo.findData(self.model.edit_period())))
        self.period_combo.blockSignals(False)

    def _edit_period_changed(self, *_args: object) -> None:
        """Another period to type into: its columns open, the cell stays on the measure."""
        period = self.period_combo.currentData()
        if not period or period == self.model.edit_period():
            return
        current = self.current_measure()
        self.model.set_edit_period(period)
        self.view.expandToDepth(0)
        self._span_groups()
        self._size_columns()
        if current is not None:
            self.select_cell(current.measure.id, period)
        self._current_changed()

    def _group_changed(self, *_args: object) -> None:
        current = self._cell_key(self.view.currentIndex())
        self.model.set_group_by(GroupBy(self.group_combo.currentData()))
        self.view.expandToDepth(0)
        self._span_groups()
        self._restore(current, [])
        self._current_changed()

    def _span_groups(self) -> None:
        for row in range(self.proxy.rowCount()):
            self.view.setFirstColumnSpanned(row, QModelIndex(), True)

    def _groups_revealed(self, groups: list[tuple[int, int]]) -> None:
        """Groups handed to the view as the person scrolls span the row and come open, as the first
        page's did."""
        for group, _heading in groups:
            index = self.proxy.mapFromSource(self.model.index(group, 0))
            if index.isValid():
                self.view.setFirstColumnSpanned(index.row(), QModelIndex(), True)
                self.view.expand(index)

    def _size_columns(self) -> None:
        header = self.view.header()
        em = self.fontMetrics().horizontalAdvance("M")
        with self.columns.sizing():  # then the person's own widths, and the title fitted
            header.setSectionResizeMode(FollowUpGridModel.OWNER, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(FollowUpGridModel.OWNER, 9 * em)  # elided, whole in the tooltip
            width = self._period_width()
            # The period typed into has its light, count and comment beside its status (grid typing).
            detail_widths = {"light": 9 * em, "count_achieved": 5 * em, "comment": 16 * em}
            for column in range(FollowUpGridModel.FIRST_PERIOD, self.model.columnCount()):
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(column, detail_widths.get(self.model.field_of_column(column) or "", width))

    def _period_width(self) -> int:
        """Room for the longest cell any period shows (every period alike), within 9–15 em: at 1280 px
        the titles and three periods fit side by side; a longer cell is elided, whole in its tooltip.

        Measured over the different texts the grid's follow-ups make, each once: not by asking the
        view for every cell. A measure without a target shows its status word only; a counted
        measure's cells ("Pågående (hittills 2 av 4, denna period 1)") are worked out one at a
        time only until one fills the 15 em (they nearly always do), since the counts of every
        measure of a large agreement take a while (domain/counts.py).
        """
        metrics = self.view.fontMetrics()
        em = metrics.horizontalAdvance("M")
        padding = self.view.iconSize().width() + em * 2
        widest_allowed = PERIOD_MAX_EM * em - padding
        grid = self.model.grid()
        widest = 0
        if grid is not None:
            measures = {item.measure.id: item for item in grid.measures}
            words: set[str] = set()
            for follow_up in grid.follow_ups:
                item = measures.get(follow_up.measure_id)
                if item is None:
                    continue
                if item.measure.target_count is None:
                    words.add(cell_text(follow_up, item))
                elif widest < widest_allowed:
                    text = cell_text(follow_up, item, self.model.count(item, follow_up.period))
                    widest = max(widest, metrics.horizontalAdvance(text))
            widest = max([widest, *(metrics.horizontalAdvance(word) for word in words)])
        return max(9 * em, min(PERIOD_MAX_EM * em, widest + padding))

    # --- editing ------------------------------------------------------------------------------------
    def edit_follow_up(self) -> FollowUpEditor | None:
        """Open the editor for the current cell (a title cell: the running period)."""
        item, period = self.current_measure(), self.current_period()
        if item is None or period is None or not self.write_access.may_edit:
            return None
        measure = item.measure
        before = self.model.follow_up(measure.id, period)

        def save(values: FieldValues, expected_version: int) -> FollowUpRecord:
            return self.services.follow_ups.record(
                measure.id, period=period, expected_version=expected_version,
                status=values["status"], light=values["light"],
                count_achieved=values["count_achieved"], comment=values["comment"],
            )

        def reload() -> FollowUpRecord | None:
            self.refresh()
            return self.model.follow_up(measure.id, period)

        editor = FollowUpEditor(measure, period, before, save, reload, parent=self,
                                count_for=lambda typed: self.model.count_if_typed(item, period, typed))

        def saved() -> None:
            assert editor.saved is not None
            # (after a conflict the editor's base is what the save replaced, not what it opened with)
            self.undo_stack.push(RecordFollowUpCommand(self.services, measure.title, editor.base, editor.saved,
                                                       self._report))
            self.select_cell(measure.id, period)

        editor.accepted.connect(saved)
        self.editor = editor
        editor.open()
        return editor

    def select_cell(self, measure_id: int, period: str) -> None:
        index = self.proxy.mapFromSource(self.model.index_of(measure_id, self.model.period_column(period)))
        if index.isValid():
            self.view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    # --- typed into the grid (followup_delegate.py) -------------------------------------------------
    def commit_cell(self, index: QModelIndex, field: str, value: object) -> None:
        """What was typed into a cell: saved as one undo step. A status or light typed into one of
        several selected measures is set for all of them."""
        item = self.model.measure_at(self.proxy.mapToSource(index)) if index.isValid() else None
        period = self.model.period_of_column(index.column()) if index.isValid() else None
        if item is None or period is None:
            return
        targets = [item]
        if field in ("status", "light"):
            selected = self.selected_measures()
            if len(selected) > 1 and any(g.measure.id == item.measure.id for g in selected):
                targets = selected
        self._set_field(targets, period, field, value)

    def set_for_selected(self, field: str, value: object) -> None:
        """The status or light of every selected measure in the chosen period: one undo step."""
        period = self.current_period()
        measures = self.selected_measures()
        if period is not None and measures:
            self._set_field(measures, period, field, value)

    def _set_field(self, measures: list[GridMeasure], period: str, field: str, value: object) -> None:
        """One field of each measure's follow-up for ``period``, the rest as it was: one transaction."""
        entries: list[FollowUpEntry] = []
        for item in measures:
            if field == "count_achieved" and item.measure.target_count is None:
                continue
            entry = _entry_with(item.measure.id, period, self.model.follow_up(item.measure.id, period), field, value)
            if entry is not None:
                entries.append(entry)
        if not entries:
            return
        try:
            if len(entries) == 1:
                item = next(g for g in measures if g.measure.id == entries[0].measure_id)
                self._record_typed(item, entries[0], field, value, self.model.follow_up(item.measure.id, period))
            else:
                written = self.services.follow_ups.record_many(entries)
                self.undo_stack.push(SetFollowUpsCommand(
                    self.services, self._many_text(field, value, period, len(written)), written, self._report))
        except AppError as error:
            self.show_notice(fill(self.tr("Not saved: %1"), str(error)))
            self.refresh()

    def _record_typed(self, item: GridMeasure, entry: FollowUpEntry, field: str, value: object,
                      before: FollowUpRecord | None) -> None:
        """One typed follow-up saved as one undo step; someone else's save meanwhile opens the conflict
        dialog (ui/common/conflict_dialog.py). ``before``: the follow-up the save replaces."""
        try:
            saved = self.services.follow_ups.record(
                entry.measure_id, period=entry.period, status=entry.status, light=entry.light,
                count_achieved=entry.count_achieved, comment=entry.comment,
                expected_version=entry.expected_version)
        except ConflictError as error:
            if error.now is None:
                raise
            self.refresh()  # the grid shows theirs, whatever is chosen
            theirs = error.now.record if isinstance(error.now.record, FollowUpRecord) else None
            # Yours is theirs with the one field typed: the rest the person never touched.
            again = _entry_with(item.measure.id, entry.period, theirs, field, value)
            if again is None:  # they saved what was typed: nothing to choose
                return
            typed = {"status": again.status.value, "light": again.light.value,
                     "count_achieved": again.count_achieved, "comment": again.comment}
            dialog = ConflictDialog(follow_up_conflict(
                item.measure.title, entry.period, theirs, typed, counted=item.measure.target_count is not None,
                last_change=error.now.last_change), self)
            self.conflict_dialog = dialog
            dialog.chosen.connect(lambda choice: self._typed_conflict(choice, item, again, field, value, theirs))
            dialog.open()
            return
        self.undo_stack.push(RecordFollowUpCommand(self.services, item.measure.title, before, saved, self._report))

    def _typed_conflict(self, choice: Choice, item: GridMeasure, entry: FollowUpEntry, field: str, value: object,
                        theirs: FollowUpRecord | None) -> None:
        """Ta deras: the grid shows theirs (read already). Behåll mitt: the typed value saved over theirs,
        one undo step back to theirs. Avbryt: nothing saved; the cell opens again holding what was typed."""
        self.conflict_dialog = None
        if choice is Choice.MINE:
            try:
                self._record_typed(item, entry, field, value, theirs)
            except AppError as error:
                self.show_notice(fill(self.tr("Not saved: %1"), str(error)))
                self.refresh()
            return
        if choice is Choice.CANCEL:
            column = self.model.edit_column(field)
            index = self.proxy.mapFromSource(self.model.index_of(item.measure.id, column))
            if column >= 0 and index.isValid():
                self.view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
                self.delegate.typed_again = (field, value)
                self.view.edit(index)
                self.delegate.typed_again = None

    def _many_text(self, field: str, value: object, period: str, count: int) -> str:
        """The undo step's name: "set status «Genomförd» of 3 measures in 2022-T3"."""
        if field == "status":
            return fill(self.tr("set status «%1» of %2 measures in %3"), label(FollowUpStatus(str(value))),
                        count, period)
        if field == "light":
            return fill(self.tr("set traffic light «%1» of %2 measures in %3"), label(TrafficLight(str(value))),
                        count, period)
        return fill(self.tr("follow up %1 measures in %2"), count, period)

    def move_down(self) -> None:
        """To the same column of the next measure (past a group's heading), as Enter does in Excel."""
        index = self.view.currentIndex()
        if not index.isValid():
            return
        below = self.view.indexBelow(index)
        while below.isValid() and not self.proxy.flags(below) & Qt.ItemFlag.ItemIsSelectable:
            below = self.view.indexBelow(below)
        if not below.isValid() and self.proxy.has_more():
            self.proxy.reveal_more()  # the next page of a long grid
            self.move_down()
            return
        if below.isValid():
            target = below.siblingAtColumn(index.column())
            self.view.selectionModel().setCurrentIndex(target, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.view.scrollTo(target)
        self.view.setFocus()  # typing goes on in the grid (the editor that had the focus is gone)

    def move_along(self, right: bool) -> None:
        """To the next (previous) column of the row, editing it if it is typed into, as Tab does in Excel."""
        index = self.view.currentIndex()
        column = index.column() + (1 if right else -1)
        if index.isValid() and 0 <= column < self.proxy.columnCount():
            target = index.siblingAtColumn(column)
            self.view.selectionModel().setCurrentIndex(target, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.view.scrollTo(target)
            self.view.setFocus()
            if self._editable(target):
                self.view.edit(target)
            return
        self.view.setFocus()

    def copy_rows(self) -> str:
        """The selected measures' rows as tab-separated text with a header row, on the clipboard."""
        measures = {g.measure.id for g in self.selected_measures()}
        model = self.model
        columns = range(model.columnCount())
        horizontal = Qt.Orientation.Horizontal
        group_word = self.tr("Promise") if model.group_by() is GroupBy.PROMISE else self.tr("Focus area")
        header = [group_word, *(model.headerData(c, horizontal) for c in columns)]
        rows: list[list[object]] = []
        for group_row, group in enumerate(model.groups()):
            parent = model.index(group_row, 0)
            for row, item in enumerate(group.measures):
                if item.measure.id in measures:
                    rows.append([group.title, *(model.index(row, c, parent).data() for c in columns)])
        text = rows_as_tsv(header, rows)
        QGuiApplication.clipboard().setText(text)
        self.show_notice(fill(self.tr("Copied %1 row(s): paste them into Excel or Word."), len(rows)))
        return text

    def copy_previous_period(self) -> str | None:
        """Copy the period before into the chosen period for the selected measures; returns what it says."""
        period = self.current_period()
        measures = self.selected_measures()
        if period is None or not measures:
            return None
        try:
            result = self.services.follow_ups.copy_previous_period([g.measure.id for g in measures], period=period)
        except AppError as error:
            QMessageBox.warning(self, self.tr("Follow-up"), str(error))
            return None
        if result.copied:
            self.undo_stack.push(CopyPreviousPeriodCommand(self.services, period, result, self._report))
        if result.skipped:
            template = self.tr("Copied the previous period's status into %1 for %2 measure(s); skipped %3 "
                               "without a follow-up the period before.")
        else:
            template = self.tr("Copied the previous period's status into %1 for %2 measure(s).")
        message = fill(template, period, len(result.copied), len(result.skipped))
        self.action_notice.say(message)
        return message

    # --- report packs (docs/owner-packs.md) ----------------------------------------------------------
    def _start_folder(self) -> str:
        return self._pack_folder or QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)

    def send_packs(self) -> OwnerPacksDialog | None:
        """Open the dialog that writes a report pack per owner (window-modal; nothing to undo)."""
        if self.agreement_id is None:
            return None
        dialog = OwnerPacksDialog(self.services, self.agreement_id, current_period=self.model.current_period(),
                                  folder=self._pack_folder, parent=self)
        dialog.finished.connect(lambda _result: self._remember_folder(dialog.folder_edit.text()))
        dialog.open()
        return dialog

    def _remember_folder(self, folder: str) -> None:
        self._pack_folder = folder.strip()

    def read_packs(self) -> OwnerReportDialog | None:
        """Choose filled packs (one or several), preview them as one, and read them in as one undo step."""
        if self.agreement_id is None:
            return None
        title = self.tr("Read report packs")
        chosen, _filter = QFileDialog.getOpenFileNames(
            self, title, self._start_folder(), self.tr("Excel workbooks (*.xlsx)"))
        if not chosen:
            return None
        from promises_app.input_files import read_at_most
        from promises_app.services.indicator_import import MAX_FILE_BYTES

        self._pack_folder = str(Path(chosen[0]).parent)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            files = [(Path(name).name, read_at_most(name, MAX_FILE_BYTES)) for name in chosen]
            preview = self.services.owner_reports.preview(files, agreement_id=self.agreement_id)
        except OSError as error:
            QGuiApplication.restoreOverrideCursor()
            QMessageBox.warning(self, title, os_errors.describe(error, error.filename or chosen[0], doing="läsas"))
            return None
        except AppError as error:
            QGuiApplication.restoreOverrideCursor()
            QMessageBox.warning(self, title, str(error))
            return None
        QGuiApplication.restoreOverrideCursor()
        dialog = OwnerReportDialog(self.services, preview, parent=self)

        def read() -> None:
            result = dialog.result_of_reading
            if result is None:
                return
            if result.written:
                self.undo_stack.push(ReadOwnerReportsCommand(self.services, preview.period, result, self._report))
            message = fill(self.tr("Read in %1 follow-up(s) from %2 report pack(s)."), len(result.written),
                           len(preview.files))
            if result.backup is not None:
                message += " " + fill(self.tr("Backup from before: %1"), str(result.backup))
            self.action_notice.say(message)

        dialog.accepted.connect(read)
        self.report_dialog = dialog
        dialog.open()
        return dialog

    def open_reminders(self) -> RemindersDialog | None:
        """Uppföljning → Påminnelser…: who gets a reminder for a period, written as files."""
        if self.agreement_id is None:
            return None
        from promises_app.ui.followup.reminders_dialog import RemindersDialog  # loaded when first used

        try:
            dialog = RemindersDialog(self.services, self.agreement_id, today=self._today(), parent=self)
        except AppError as error:
            QMessageBox.warning(self, self.tr("Reminders"), str(error))
            return None
        self.reminders_dialog = dialog
        dialog.open()
        return dialog

    def _report(self, message: str) -> None:
        """An undo or redo the services refused (the command has left the stack)."""
        QMessageBox.warning(self, self.tr("Follow-up"), message)
        self.refresh()


def _entry_with(measure_id: int, period: str, before: FollowUpRecord | None, field: str,
                value: object) -> FollowUpEntry | None:
    """``before`` with ``field`` set to ``value`` (a new follow-up starts as the form's does), or None
    when that changes nothing."""
    status = before.status if before else FollowUpStatus.IN_PROGRESS
    light = before.light if before else TrafficLight.NOT_ASSESSED
    count = before.count_achieved if before else None
    comment = before.comment if before else ""
    if field == "status":
        status = FollowUpStatus(str(value))
    elif field == "light":
        light = TrafficLight(str(value))
    elif field == "count_achieved":
        count = value if isinstance(value, int) else None
    else:
        comment = str(value or "")
    entry = FollowUpEntry(measure_id, period, status, light, count, comment,
                          expected_version=before.version if before else 0)
    if before is not None and (before.status, before.light, before.count_achieved, before.comment) == (
            status, light, count, comment):
        return None
    if before is None and field in ("count_achieved", "comment") and not value:
        return None  # an empty cell left empty
    return entry

"""The Plan page: the agreement's promises (grouped by who makes them) and their measures, as a tree.

Search and filters narrow the tree as the person types (plan_filter.py). New, change, delete and
move act on the selected promise or measure; focus areas have their own small list. Every edit
is an undo command on the window's one QUndoStack (plan_commands.py), and the page reads the
plan again whenever the stack changes. While the agreement is signed or closed its plan is
locked (storage/signed_guard.py): the page says so and offers no edits, except the occurrence
log of counted measures, which is not part of the signed document. Follow-ups are recorded on
another page.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from promises_app.domain.changes import Changes
from promises_app.domain.enums import AgreementState, FollowUpStatus, TrafficLight
from promises_app.domain.errors import AppError
from promises_app.services import Services
from promises_app.services.base import FieldValues
from promises_app.services.records import (
    AgreementRecord,
    FocusAreaRecord,
    MeasureRecord,
    PartyRecord,
    PromiseRecord,
)
from promises_app.ui.common.columns import FittedColumns, whole_text_tooltips
from promises_app.ui.common.formatting import fill, format_date
from promises_app.ui.common.labels import label
from promises_app.ui.common.operations import report_error, run_command
from promises_app.ui.common.page_changes import behind_other_tab, follow_changes, shared_read
from promises_app.ui.common.page_parts import ActionNotice, action_button, notice_label, page_action
from promises_app.ui.common.paged_filter import reveal_while_scrolling
from promises_app.ui.common.undo_commands import Refs, short
from promises_app.ui.common.write_access import WriteAccess
from promises_app.ui.parties.agreement_commands import CreatePersonCommand
from promises_app.ui.parties.person_dialog import PersonForm, new_person_form
from promises_app.ui.plan.empty_plan_hint import EmptyPlanHint
from promises_app.ui.plan.focus_area_dialog import FocusAreaListDialog
from promises_app.ui.plan.measure_dialog import MeasureForm
from promises_app.ui.plan.occurrence_dialog import OccurrenceLog, OccurrenceLogDialog, widgets_alive
from promises_app.ui.plan.paste_measures_dialog import PasteMeasuresDialog
from promises_app.ui.plan.plan_commands import (
    CreateMeasureCommand,
    CreatePromiseCommand,
    DeleteMeasureCommand,
    DeletePromiseCommand,
    MoveMeasureCommand,
    MovePromiseCommand,
    PasteMeasuresCommand,
    UpdateMeasureCommand,
    UpdatePromiseCommand,
)
from promises_app.ui.plan.plan_filter import NO_FOCUS_AREA, NOT_FOLLOWED_UP, PlanFilter, PlanFilterProxy
from promises_app.ui.plan.plan_models import GROUP, MEASURE, PROMISE, PlanNode, PlanTreeModel, read_plan
from promises_app.ui.plan.promise_dialog import PromiseForm
from promises_app.ui.plan.starter_set_dialog import StarterSetDialog

#: The date the deadline column is sized for (wide digits, two-digit month and day).
WIDE_DATE = date(2088, 12, 28)
LOCKED_STYLE = "background: #fff4e5; border: 1px solid #f0c36d; border-radius: 3px; padding: 4px;"


#: What the page shows: a change to any other table leaves it as it is.
PLAN_TABLES = ("agreements", "promises", "measures", "follow_ups", "organisations", "people", "focus_areas",
               "occurrences", "parties")


class PlanPage(QWidget):
    #: A measure the person wants to open elsewhere (not emitted by this page's own editing).
    measure_activated = Signal(int)

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
        self.parties: list[PartyRecord] = []
        self.focus_areas: list[FocusAreaRecord] = []
        self._collapsed: set[tuple[str, Any]] = set()
        self.focus_area_dialog: FocusAreaListDialog | None = None

        self.lock_label = QLabel()
        self.lock_label.setWordWrap(True)
        self.lock_label.setStyleSheet(LOCKED_STYLE)
        self.lock_label.setTextFormat(Qt.TextFormat.PlainText)
        self.lock_label.setVisible(False)
        self.notice_label = notice_label()
        self.action_notice = ActionNotice(self, undo_stack, self.show_notice)

        # --- the tree
        self.model = PlanTreeModel(self)
        self.proxy = PlanFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.tree = QTreeView()
        self.tree.setModel(self.proxy)
        self.tree.setAccessibleName(self.tr("Promises and measures"))
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setExpandsOnDoubleClick(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.tree.header()
        em = self.tree.fontMetrics().horizontalAdvance("M")
        # The title fills what the other columns leave, never under 24 em; widths the person drags
        # are kept (ui/common/columns.py).
        self.columns = FittedColumns(self.tree, "plan", first=PlanTreeModel.TITLE, minimum=24 * em)
        whole_text_tooltips(self.tree)
        # The status column holds the longest status word beside its light ("Delvis genomförd").
        status_width = 3 * em + max(self.tree.fontMetrics().horizontalAdvance(label(s)) for s in FollowUpStatus)
        with self.columns.sizing():
            for column, width in ((PlanTreeModel.RESPONSIBLE, 15 * em), (PlanTreeModel.STATUS, status_width),
                                  (PlanTreeModel.FOCUS_AREA, 13 * em)):
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(column, width)
            # Sized once from a sample date and the heading, not measured over every row after each change.
            header.setSectionResizeMode(PlanTreeModel.DEADLINE, QHeaderView.ResizeMode.Interactive)
            deadline_heading = str(self.model.headerData(PlanTreeModel.DEADLINE, Qt.Orientation.Horizontal))
            header.resizeSection(PlanTreeModel.DEADLINE, 2 * em + max(
                self.tree.fontMetrics().horizontalAdvance(format_date(WIDE_DATE)),
                header.fontMetrics().horizontalAdvance(deadline_heading),
            ))
        self.tree.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        # Enter activates; a double-click is caught as such (platforms differ in whether it activates).
        self.tree.activated.connect(self._activated)
        self.tree.doubleClicked.connect(self._activated)
        self.tree.collapsed.connect(lambda index: self._collapsed.add(self._key(index)))
        self.tree.expanded.connect(lambda index: self._collapsed.discard(self._key(index)))
        # Long plans come a page at a time (ui/common/paged_filter.py): more as the person scrolls down.
        self.proxy.headingsRevealed.connect(self._headings_revealed)
        reveal_while_scrolling(self.tree, self.proxy)

        # --- the filter bar
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Titles, descriptions, follow-up comments …"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAccessibleName(self.tr("Search the plan"))
        search_caption = QLabel(self.tr("Searc&h:"))
        search_caption.setBuddy(self.search_edit)
        self.party_combo = self._filter_combo(self.tr("Filter by party"))
        self.owner_combo = self._filter_combo(self.tr("Filter by responsible"))
        self.status_combo = self._filter_combo(self.tr("Filter by status"))
        self.light_combo = self._filter_combo(self.tr("Filter by traffic light"))
        self.focus_combo = self._filter_combo(self.tr("Filter by focus area"))
        self.overdue_box = QCheckBox(self.tr("Only &overdue"))
        self.overdue_box.setAccessibleName(self.tr("Show only overdue measures"))
        self.clear_button = QPushButton(self.tr("C&lear filters"))
        self.clear_button.setAccessibleName(self.tr("Clear search and filters"))
        self.clear_button.clicked.connect(self.clear_filters)
        self.count_label = QLabel()
        self._fill_fixed_filters()
        self.search_edit.textChanged.connect(lambda _text: self._apply_filter())
        for combo in (self.party_combo, self.owner_combo, self.status_combo, self.light_combo, self.focus_combo):
            combo.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.overdue_box.toggled.connect(lambda _on: self._apply_filter())

        # --- the actions and their buttons
        self._build_actions()
        self.write_access = WriteAccess(self, edits=[
            self.new_measure_action, self.paste_action, self.new_promise_action, self.edit_action, self.delete_action,
            self.up_action, self.down_action, self.occurrences_action, self.focus_areas_action, self.starter_action,
        ])
        self.new_measure_button = action_button(self.new_measure_action)
        self.new_promise_button = action_button(self.new_promise_action)
        self.edit_button = action_button(self.edit_action)
        self.delete_button = action_button(self.delete_action)
        self.up_button = action_button(self.up_action)
        self.down_button = action_button(self.down_action)
        self.occurrences_button = action_button(self.occurrences_action)
        self.focus_areas_button = action_button(self.focus_areas_action)
        self.empty_hint = EmptyPlanHint(self.starter_action, self.new_promise_action)

        buttons = QHBoxLayout()
        for button in (self.new_measure_button, self.new_promise_button, self.edit_button, self.delete_button,
                       self.up_button, self.down_button, self.occurrences_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.focus_areas_button)

        # The filter bar in two rows: the search field keeps room to type in on a 1366-pixel screen,
        # and the page is not laid out at its least width.
        search_row = QHBoxLayout()
        search_row.addWidget(search_caption)
        search_row.addWidget(self.search_edit, 1)
        search_row.addWidget(self.clear_button)
        filters = QHBoxLayout()
        for combo in (self.party_combo, self.owner_combo, self.status_combo, self.light_combo, self.focus_combo):
            filters.addWidget(combo, 1)
        filters.addWidget(self.overdue_box)

        layout = QVBoxLayout(self)
        layout.addWidget(self.lock_label)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.empty_hint)
        layout.addLayout(buttons)
        layout.addLayout(search_row)
        layout.addLayout(filters)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.count_label)

        chain: list[QWidget] = [
            self.new_measure_button, self.new_promise_button, self.edit_button, self.delete_button,
            self.up_button, self.down_button, self.occurrences_button, self.focus_areas_button,
            self.search_edit, self.party_combo, self.owner_combo, self.status_combo, self.light_combo,
            self.focus_combo, self.overdue_box, self.clear_button, self.tree,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

        follow_changes(undo_stack, self, self.apply_changes)
        self._update_actions()

    # --- building -----------------------------------------------------------------------------
    def _filter_combo(self, name: str) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        combo.setToolTip(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        return combo

    def _fill_fixed_filters(self) -> None:
        self.status_combo.addItem(self.tr("Every status"), None)
        for status in FollowUpStatus:
            self.status_combo.addItem(label(status), status.value)
        self.status_combo.addItem(self.tr("Not followed up"), NOT_FOLLOWED_UP)
        self.light_combo.addItem(self.tr("Every traffic light"), None)
        for light in TrafficLight:
            self.light_combo.addItem(label(light), light.value)

    def _build_actions(self) -> None:
        action = partial(page_action, self)

        self.new_measure_action = action(
            self.tr("New &measure…"), self.tr("Add a measure to the selected promise"), self.new_measure,
            "Ctrl+Shift+M")
        self.new_promise_action = action(
            self.tr("New &promise…"), self.tr("Add a promise: what is promised and who promises it"),
            self.new_promise, "Ctrl+Shift+P")
        self.edit_action = action(
            self.tr("&Change…"), self.tr("Change the selected promise or measure"), self.edit_selected, "F2",
            self.tree)
        self.delete_action = action(
            self.tr("&Delete"), self.tr("Delete the selected measure, or the promise with all its measures"),
            self.delete_selected, "Del", self.tree)
        self.up_action = action(
            self.tr("Move &up"), self.tr("Move the selected promise or measure up"), lambda: self.move_selected(-1),
            "Alt+Up", self.tree)
        self.down_action = action(
            self.tr("Move do&wn"), self.tr("Move the selected promise or measure down"),
            lambda: self.move_selected(1), "Alt+Down", self.tree)
        self.occurrences_action = action(
            self.tr("Occu&rrences…"), self.tr("The log of each time the selected counted measure was carried out"),
            self.open_occurrences, "Ctrl+Shift+T")
        self.focus_areas_action = action(
            self.tr("&Focus areas…"), self.tr("Add, rename, delete and reorder the agreement's focus areas"),
            self.open_focus_areas, "Ctrl+Alt+O")
        self.paste_action = action(
            self.tr("P&aste measures…"),
            self.tr("Add measures copied in Excel or Word (one a line: measure, responsible, deadline, target) "
                    "to the selected promise, after a preview"),
            self.paste_measures, QKeySequence(QKeySequence.StandardKey.Paste).toString(), self.tree)
        self.starter_action = action(
            self.tr("Pick from the &starter set…"),
            self.tr("Common promises, measures and indicators to start the plan and the situational picture from"),
            self.open_starter_set)


    def actions_for_menu(self) -> list[QAction | None]:
        """The page's actions for the window's menu (None: a separator)."""
        return [self.new_measure_action, self.new_promise_action, self.paste_action, None, self.edit_action,
                self.delete_action,
                self.up_action, self.down_action, None, self.occurrences_action, self.focus_areas_action,
                None, self.starter_action]

    # --- state --------------------------------------------------------------------------------
    def locked(self) -> bool:
        return self.agreement is not None and self.agreement.state in (AgreementState.SIGNED, AgreementState.CLOSED)

    def _update_actions(self) -> None:
        node = self.selected_node()
        editable = self.agreement is not None and not self.locked()
        kind = node.kind if node is not None else None
        self.new_measure_action.setEnabled(editable and bool(self.model.promise_records()))
        self.paste_action.setEnabled(editable and bool(self.model.promise_records()))
        self.new_promise_action.setEnabled(editable and bool(self.parties))
        self.edit_action.setEnabled(editable and kind in (PROMISE, MEASURE))
        self.delete_action.setEnabled(editable and kind in (PROMISE, MEASURE))
        self.up_action.setEnabled(editable and node is not None and self._neighbour(node, -1) is not None)
        self.down_action.setEnabled(editable and node is not None and self._neighbour(node, 1) is not None)
        counted = kind == MEASURE and node is not None and node.status is not None \
            and node.status.measure.target_count is not None
        self.occurrences_action.setEnabled(counted)
        self.focus_areas_action.setEnabled(self.agreement is not None)
        self.starter_action.setEnabled(self.agreement is not None and self.services.db.read_only is None)
        self.empty_hint.show_for(agreement=self.agreement is not None, editable=editable,
                                 has_parties=bool(self.parties), has_promises=bool(self.model.promise_records()))
        shown = self.proxy.matching_measure_count()
        total = sum(len(p.children) for g in self.model.groups() for p in g.children)
        self.count_label.setText(
            fill(self.tr("Measures shown: %1 of %2"), shown, total) if self.agreement is not None else ""
        )

    # --- showing ------------------------------------------------------------------------------
    def set_services(self, services: Services) -> None:
        """The window opened the database again: forget ids and caches."""
        self.services = services
        self.refs.clear()
        self.agreement_id = None
        self.agreement = None
        self.parties, self.focus_areas = [], []
        self._collapsed.clear()
        self.model.set_content([], [], {}, {})
        self.show_notice("")
        self._show_lock()
        self._update_actions()

    def set_agreement(self, agreement_id: int | None) -> None:
        if agreement_id != self.agreement_id:
            self.agreement_id = agreement_id
            self._collapsed.clear()
            self.show_notice("")
        self.refresh()

    def apply_changes(self, changes: Changes) -> None:
        """After an edit, undo or redo: a follow-up recorded repaints its measure's row only; a
        change to the plan itself reads the plan again."""
        if self.agreement_id is None or not widgets_alive(self) or behind_other_tab(self):
            return
        if changes.only("follow_ups"):
            ids = frozenset(changes.keys_of("follow_ups", "measure_id"))
            states = shared_read(self.undo_stack, ("measure_states", ids),
                                 lambda: self.services.follow_ups.measure_states(ids, today=self._today()))
            self.model.update_measures(states)
            return
        if changes.touches(*PLAN_TABLES):
            self.refresh()

    def refresh(self) -> None:
        """Read the plan again; keep the selection and what was collapsed."""
        keep = self.selected_node()
        keep_key = (keep.kind, keep.record_id) if keep is not None and keep.kind != GROUP else None
        self.agreement = None
        self.parties, self.focus_areas = [], []
        content = None
        if self.agreement_id is not None:
            try:
                self.agreement = self.services.agreements.get_agreement(self.agreement_id)
                self.parties = self.services.agreements.list_parties(self.agreement_id)
                self.focus_areas = self.services.plan.list_focus_areas(self.agreement_id)
                content = read_plan(self.services, self.agreement_id, self._today(), self.parties)
            except AppError as error:
                self.agreement = None
                self.show_notice(str(error))
        if content is not None:
            self.model.show(content)
        else:
            self.model.set_content([], [], {}, {})
        self._fill_dynamic_filters()
        self._restore_tree(keep_key)
        self._show_lock()
        self._update_actions()

    def _fill_dynamic_filters(self) -> None:
        """The party, responsible and focus-area filters offer the agreement's own; the choice stays."""
        organisations = [(p.organisation_name, p.organisation_id) for p in self.parties]
        areas = [(f.name, f.id) for f in self.focus_areas]
        for combo, everything, items in (
            (self.party_combo, self.tr("Every party"), organisations),
            (self.owner_combo, self.tr("Every responsible"), organisations),
            (self.focus_combo, self.tr("Every focus area"),
             [*areas, (self.tr("No focus area"), NO_FOCUS_AREA)]),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for text, value in items:
                combo.addItem(text, value)
            combo.setCurrentIndex(max(0, combo.findData(current)) if current is not None else 0)
            combo.blockSignals(False)
        self._apply_filter(restore=False)

    def _show_lock(self) -> None:
        if self.agreement is not None and self.locked():
            state = label(self.agreement.state).lower()
            self.lock_label.setText(fill(
                self.tr("This agreement is %1 (revision %2): its plan cannot be changed here. Start a new "
                        "revision to change it. Follow-ups and the occurrence log of counted measures go on."),
                state, self.agreement.revision,
            ))
            self.lock_label.setVisible(True)
        else:
            self.lock_label.setVisible(False)

    def _key(self, proxy_index: QModelIndex) -> tuple[str, Any]:
        node = self.model.node(self.proxy.mapToSource(proxy_index))
        return (node.kind, node.record_id if node.kind != GROUP else node.maker_ids)

    def _restore_tree(self, keep_key: tuple[str, int | None] | None) -> None:
        self.tree.expandToDepth(1)  # groups and promises; measures have no children
        collapsed = set(self._collapsed)
        self._walk_proxy(QModelIndex(), lambda index: self.tree.collapse(index)
                         if self._key(index) in collapsed else None, depth=1)
        self._collapsed = collapsed
        if keep_key is not None and keep_key[1] is not None:
            if keep_key[0] == MEASURE:
                self.select_measure(keep_key[1])
            else:
                self.select_promise(keep_key[1])
        self._update_actions()

    def _walk_proxy(self, parent: QModelIndex, visit: Callable[[QModelIndex], object], depth: int) -> None:
        """Visit the rows under ``parent`` down to ``depth`` (0: only its children)."""
        for row in range(self.proxy.rowCount(parent)):
            index = self.proxy.index(row, 0, parent)
            visit(index)
            if depth > 0:
                self._walk_proxy(index, visit, depth - 1)

    def _headings_revealed(self, nodes: list[PlanNode]) -> None:
        """Headings and promises handed to the tree as the person scrolls come open, as the first
        page's did (unless the person had closed them)."""
        collapsed = set(self._collapsed)
        for node in nodes:
            index = self.proxy.mapFromSource(self.model.index_of_node(node))
            if index.isValid() and self._key(index) not in collapsed:
                self.tree.expand(index)
        self._collapsed = collapsed

    def _select_source(self, source: QModelIndex) -> bool:
        if source.isValid():
            self.proxy.reveal(self.model.node(source))  # it may be further down than the tree has yet
        index = self.proxy.mapFromSource(source)
        if not index.isValid():
            return False
        parent = index.parent()
        while parent.isValid():
            self.tree.expand(parent)
            parent = parent.parent()
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        return True

    def select_measure(self, measure_id: int) -> None:
        """Show and select the measure (clearing the filters if they hide it)."""
        source = self.model.index_of_measure(measure_id)
        if source.isValid() and not self._select_source(source):
            self.clear_filters()
            self._select_source(self.model.index_of_measure(measure_id))

    def select_promise(self, promise_id: int) -> None:
        source = self.model.index_of_promise(promise_id)
        if source.isValid() and not self._select_source(source):
            self.clear_filters()
            self._select_source(self.model.index_of_promise(promise_id))

    def show_notice(self, text: str) -> None:
        self.notice_label.setText(text)
        self.notice_label.setVisible(bool(text))

    # --- filters ------------------------------------------------------------------------------
    def current_filter(self) -> PlanFilter:
        status = self.status_combo.currentData()
        light = self.light_combo.currentData()
        return PlanFilter(
            text=self.search_edit.text(),
            party_id=self.party_combo.currentData(),
            owner_id=self.owner_combo.currentData(),
            status=status,
            light=TrafficLight(light) if light is not None else None,
            focus_area_id=self.focus_combo.currentData(),
            only_overdue=self.overdue_box.isChecked(),
        )

    def _apply_filter(self, *, restore: bool = True) -> None:
        keep = self.selected_node()
        if not self.proxy.set_filter(self.current_filter()):
            self._update_actions()  # the same rows: only the count changes
            return
        if restore:
            self.tree.expandToDepth(1)
            if keep is not None and keep.kind == MEASURE and keep.record_id is not None:
                self._select_source(self.model.index_of_measure(keep.record_id))
        self._update_actions()

    def clear_filters(self) -> None:
        for widget in (self.search_edit, self.party_combo, self.owner_combo, self.status_combo, self.light_combo,
                       self.focus_combo, self.overdue_box):
            widget.blockSignals(True)
        self.search_edit.clear()
        for combo in (self.party_combo, self.owner_combo, self.status_combo, self.light_combo, self.focus_combo):
            combo.setCurrentIndex(0)
        self.overdue_box.setChecked(False)
        for widget in (self.search_edit, self.party_combo, self.owner_combo, self.status_combo, self.light_combo,
                       self.focus_combo, self.overdue_box):
            widget.blockSignals(False)
        self._apply_filter()

    # --- the selection ------------------------------------------------------------------------
    def selected_node(self) -> PlanNode | None:
        rows = self.tree.selectionModel().selectedRows() if self.tree.selectionModel() else []
        if not rows:
            return None
        return self.model.node(self.proxy.mapToSource(rows[0]))

    def selected_promise(self) -> PromiseRecord | None:
        """The selected promise, or the promise of the selected measure."""
        node = self.selected_node()
        if node is None:
            return None
        if node.kind == MEASURE and node.parent is not None:
            node = node.parent
        return node.promise if node.kind == PROMISE else None

    def selected_measure(self) -> MeasureRecord | None:
        node = self.selected_node()
        return node.status.measure if node is not None and node.kind == MEASURE and node.status else None

    def _neighbour(self, node: PlanNode, step: int) -> PlanNode | None:
        """The promise (in the same group) or measure (in the same promise) ``step`` away, or None."""
        if node.kind not in (PROMISE, MEASURE) or node.parent is None:
            return None
        siblings = node.parent.children
        index = siblings.index(node) + step
        return siblings[index] if 0 <= index < len(siblings) else None

    def _activated(self, index: QModelIndex) -> None:
        if any(dialog.isVisible() for dialog in self.findChildren(QDialog)):
            return  # the same double-click, reported twice
        node = self.model.node(self.proxy.mapToSource(index))
        if node.kind == MEASURE and node.record_id is not None:
            if self.locked() or not self.write_access.may_edit:
                if node.status is not None and node.status.measure.target_count is not None:
                    self.open_occurrences()
                else:
                    self.measure_activated.emit(node.record_id)
            else:
                self.edit_measure()
        elif node.kind == PROMISE and not self.locked() and self.write_access.may_edit:
            self.edit_promise()
        elif node.kind == GROUP:
            self.tree.setExpanded(index, not self.tree.isExpanded(index))

    # --- promises -----------------------------------------------------------------------------
    def new_promise(self) -> PromiseForm | None:
        agreement_id = self.agreement_id
        if agreement_id is None or self.agreement is None or self.locked():
            return None
        form = PromiseForm(lambda values: self.services.plan.create_promise(agreement_id, **values),
                           self.parties, parent=self)

        def created() -> None:
            self.undo_stack.push(CreatePromiseCommand(self.services, self.refs, form.saved, self._report))
            self.select_promise(form.saved.id)

        form.accepted.connect(created)
        form.open()
        return form

    def edit_promise(self) -> PromiseForm | None:
        before = self.selected_promise()
        if before is None or self.locked():
            return None
        form = PromiseForm(
            lambda values: self.services.plan.update_promise(before.id, expected_version=form.expected_version,
                                                             **values),
            self.parties, initial=before, parent=self,
        )
        form.accepted.connect(lambda: self.undo_stack.push(
            UpdatePromiseCommand(self.services, self.refs, form.replaced or before, form.saved, self._report)
        ))
        form.open()
        return form

    # --- measures -----------------------------------------------------------------------------
    def _measure_form(self, save: Callable[[FieldValues], Any], initial: MeasureRecord | None,
                      promise_id: int | None,
                      saved_and_new: Callable[[MeasureRecord], None] | None = None) -> MeasureForm | None:
        assert self.agreement is not None
        try:
            people = self.services.register.list_people()
        except AppError as error:
            QMessageBox.warning(self, self.tr("Measure"), str(error))
            return None
        return MeasureForm(
            save, agreement=self.agreement, promises=self.model.promise_records(), parties=self.parties,
            focus_areas=self.focus_areas, people=people, initial=initial, promise_id=promise_id,
            occurrence_log=lambda measure: OccurrenceLog(
                self.services, self.undo_stack, self.refs, measure, today=self._today, report=self._report
            ),
            new_person=self.new_contact_person, saved_and_new=saved_and_new,
            parent=self,
        )

    def new_contact_person(self, measure_form: MeasureForm) -> PersonForm:
        """"Ny person…" in the measure form: the person form, for the responsible organisation; the
        new person is in the register at once (its own undo step) and chosen as the contact."""
        form = new_person_form(self.services, measure_form,
                               organisation_id=measure_form.responsible_combo.currentData())

        def created() -> None:
            self.undo_stack.push(CreatePersonCommand(self.services, form.saved, self._report))
            measure_form.person_added(form.saved)

        form.accepted.connect(created)
        form.open()
        return form

    def new_measure(self) -> MeasureForm | None:
        if self.agreement is None or self.locked() or not self.model.promise_records():
            return None
        promise = self.selected_promise()

        def created(record: MeasureRecord) -> None:
            self.undo_stack.push(CreateMeasureCommand(self.services, self.refs, record, self._report))
            self.select_measure(record.id)

        form = self._measure_form(lambda values: self.services.plan.create_measure(**values), None,
                                  promise.id if promise else None, saved_and_new=created)
        if form is None:
            return None
        form.accepted.connect(lambda: created(form.saved))
        form.open()
        return form

    def paste_measures(self) -> PasteMeasuresDialog | None:
        """The clipboard's measures, previewed, then added to the selected promise as one undo step."""
        if self.agreement is None or self.locked() or not self.model.promise_records():
            return None
        text = QGuiApplication.clipboard().text()
        promises = self.model.promise_records()
        promise = self.selected_promise() or promises[0]
        dialog = PasteMeasuresDialog(self.services, promises, promise.id, text, parent=self)

        def added() -> None:
            if dialog.added:
                self.undo_stack.push(PasteMeasuresCommand(self.services, self.refs, dialog.added, self._report))
                self.select_measure(dialog.added[0].id)
                self.show_notice(fill(self.tr("Pasted %1 measure(s)."), len(dialog.added)))

        dialog.accepted.connect(added)
        self.paste_dialog = dialog
        dialog.open()
        return dialog

    def edit_measure(self) -> MeasureForm | None:
        before = self.selected_measure()
        if before is None or self.agreement is None or self.locked():
            return None
        def save(values: FieldValues) -> MeasureRecord:
            # (the version the form expects: the one it opened with, or theirs after a conflict)
            assert form is not None
            return self.services.plan.update_measure(before.id, expected_version=form.expected_version, **values)

        form = self._measure_form(save, before, None)
        if form is None:
            return None

        def changed() -> None:
            replaced = form.replaced or before  # theirs, after "Behåll mitt": what undo puts back
            if form.saved != replaced:
                self.undo_stack.push(UpdateMeasureCommand(self.services, self.refs, replaced, form.saved,
                                                          self._report))
            self.select_measure(form.saved.id)

        form.accepted.connect(changed)
        form.open()
        return form

    def edit_selected(self) -> Any:
        node = self.selected_node()
        if node is None:
            return None
        return self.edit_measure() if node.kind == MEASURE else self.edit_promise()

    # --- delete and move ----------------------------------------------------------------------
    def delete_selected(self) -> bool:
        """Delete the selected measure, or the promise with all its measures: one undoable step."""
        node = self.selected_node()
        if node is None or self.locked():
            return False
        if node.kind == MEASURE and node.status is not None:
            record = node.status.measure
            done = self._do_then_push(DeleteMeasureCommand(self.services, self.refs, record, self._report),
                                      self.tr("Delete measure"))
            if done:
                self.action_notice.say(fill(self.tr("The measure «%1» is deleted (Undo brings it back)."),
                                      short(record.title)))
            return done
        if node.kind == PROMISE and node.promise is not None:
            promise = node.promise
            count = len(node.children)
            done = self._do_then_push(DeletePromiseCommand(self.services, self.refs, promise, self._report),
                                      self.tr("Delete promise"))
            if done:
                self.action_notice.say(fill(
                    self.tr("The promise «%1» is deleted with its %2 measures (Undo brings all of it back)."),
                    short(promise.text), count,
                ))
            return done
        return False

    def move_selected(self, step: int) -> bool:
        node = self.selected_node()
        if node is None or self.locked():
            return False
        neighbour = self._neighbour(node, step)
        if neighbour is None:
            return False
        if node.kind == MEASURE and node.status is not None and neighbour.status is not None:
            record = node.status.measure
            command: Any = MoveMeasureCommand(self.services, self.refs, record, neighbour.status.measure.position,
                                              self._report)
            done = self._do_then_push(command, self.tr("Move measure"))
            if done:
                self.select_measure(record.id)
            return done
        if node.kind == PROMISE and node.promise is not None and neighbour.promise is not None:
            promise = node.promise
            command = MovePromiseCommand(self.services, self.refs, promise, neighbour.promise.position, self._report)
            done = self._do_then_push(command, self.tr("Move promise"))
            if done:
                self.select_promise(promise.id)
            return done
        return False

    def _do_then_push(self, command: Any, title: str) -> bool:
        """Carry out a command that needs no form (delete, move), then push it already done."""
        def refused(error: AppError) -> None:
            self._warn(title, error)
            self.refresh()

        return run_command(self.undo_stack, command, parent=self, title=title, on_error=refused)

    # --- occurrences and focus areas --------------------------------------------------------------
    def open_occurrences(self) -> OccurrenceLogDialog | None:
        measure = self.selected_measure()
        if measure is None or measure.target_count is None:
            return None
        dialog = OccurrenceLogDialog(self.services, self.undo_stack, self.refs, measure, today=self._today,
                                     report=self._report, parent=self)
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        dialog.open()
        return dialog

    def open_focus_areas(self) -> FocusAreaListDialog | None:
        if self.agreement_id is None or self.agreement is None:
            return None
        dialog = FocusAreaListDialog(self.services, self.undo_stack, self.refs, self.agreement_id,
                                     locked=self.locked(), report=self._report, parent=self)
        dialog.finished.connect(lambda _result: self._focus_areas_closed(dialog))
        self.focus_area_dialog = dialog
        dialog.open()
        return dialog

    def _focus_areas_closed(self, dialog: FocusAreaListDialog) -> None:
        """Forget the closed dialog before it goes: a page holding a deleted widget is taken for one
        being torn down (``widgets_alive``) and would stop following the plan's changes."""
        if self.focus_area_dialog is dialog:
            self.focus_area_dialog = None
        dialog.deleteLater()

    # --- messages -----------------------------------------------------------------------------
    def open_starter_set(self) -> StarterSetDialog | None:
        """Pick common promises, measures and indicators (one undo step); returns the dialog once closed."""
        if self.agreement is None:
            return None
        dialog = StarterSetDialog(self.services, self.undo_stack, self.agreement.id, plan_locked=self.locked(),
                                  parent=self, report=self._report)
        dialog.exec()
        return dialog

    def _report(self, message: str) -> None:
        """An undo or redo the services refused (the command has left the stack)."""
        QMessageBox.warning(self, self.tr("Plan"), message)
        self.refresh()

    def _warn(self, title: str, error: AppError) -> None:
        report_error(self, title, error)

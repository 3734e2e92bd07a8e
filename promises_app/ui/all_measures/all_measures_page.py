"""The Alla åtgärder page: every measure of the selected agreement in one flat, sortable list,
with where each stands (latest follow-up, overdue, traffic light) and a filter over all columns.

Read-only. Like the other pages it reads the agreement the window shows when it is on show:
chosen while another tab covers it, the agreement is only noted and read when the page is shown
(``set_agreement_later``, ``refresh_if_stale``), so opening an agreement of 10 000 measures does
not read them a second time for a page nobody looks at; the command line's ``--smoke`` and the
benchmarks show the page before they count its rows. After an edit, undo or redo the window
hands it the ``Changes`` (``apply_changes``)
unless the agreement itself changed, when it is shown again anyway: a recorded follow-up
repaints only its measures' rows (one read shared with the other pages, ``shared_read``), any
other change of what the list shows reads it again, and while another tab covers the page it
only notes that it is stale and reads when shown (``refresh_if_stale``). The model hands rows
to the view in batches and the proxy filters on one pre-joined text per row
(ui/all_measures/measure_table_model.py), so typing in the filter stays fast at 10 000 measures.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTableView, QVBoxLayout, QWidget

from promises_app.domain.changes import Changes
from promises_app.domain.errors import AppError
from promises_app.services import Services
from promises_app.ui.all_measures.measure_table_model import MeasureFilterProxyModel, MeasureTableModel
from promises_app.ui.common.columns import FittedColumns, whole_text_tooltips
from promises_app.ui.common.page_changes import behind_other_tab, shared_read
from promises_app.ui.common.page_parts import notice_label
from promises_app.ui.common.write_access import WriteAccess

#: Tables the list shows: a change to any other table leaves it as it is.
MEASURE_LIST_TABLES = ("promises", "measures", "follow_ups", "people", "focus_areas")


class AllMeasuresPage(QWidget):
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
        #: A change came while another tab covered the page: read again when it is shown.
        self._stale = False
        self.write_access = WriteAccess(self)  # the list only shows; nothing on it writes

        self.notice_label = notice_label()
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Filter measures…"))
        self.search_edit.setAccessibleName(self.tr("Filter measures"))
        self.search_edit.setClearButtonEnabled(True)

        self.model = MeasureTableModel(self)
        self.proxy = MeasureFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.search_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setAccessibleName(self.tr("Measures"))
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Two wrapped lines per row at a fixed height: long titles stay readable, and no
        # per-row measuring is needed however many measures there are.
        self.view.setWordWrap(True)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(2 * self.view.fontMetrics().lineSpacing() + 10)
        header = self.view.horizontalHeader()
        em = self.view.fontMetrics().horizontalAdvance("M")
        # The title fills what the others leave, never under 20 em; dragged widths are kept.
        self.columns = FittedColumns(self.view, "all-measures", first=MeasureTableModel.TITLE,
                                     minimum=18 * em)
        whole_text_tooltips(self.view)
        with self.columns.sizing():
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            # Names beyond these are elided, whole in the tooltip: the title needs the room at 1280 px.
            for column, width in ((MeasureTableModel.RESPONSIBLE, 13 * em), (MeasureTableModel.FOCUS_AREA, 11 * em)):
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(column, width)

        layout = QVBoxLayout(self)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.view, 1)

    # --- the page API (ui/shell/page_protocol.py) ---------------------------------------------------
    def actions_for_menu(self) -> list[QAction | None]:
        """None: the list has no actions of its own (sorting and the filter are in the page)."""
        return []

    def set_services(self, services: Services) -> None:
        """The window works in another database: forget the old one's rows."""
        self.services = services
        self.agreement_id = None
        self._stale = False
        self.show_notice("")
        self.model.set_rows([])

    def set_agreement(self, agreement_id: int | None) -> None:
        self.agreement_id = agreement_id
        self.refresh()

    def set_agreement_later(self, agreement_id: int | None) -> None:
        """The window chose ``agreement_id`` while another tab covers the page: read it when shown."""
        self.agreement_id = agreement_id
        self._stale = True

    def refresh(self) -> None:
        """Read the measures and where they stand again (the filter and the sort order stay)."""
        self._stale = False
        self.show_notice("")
        if self.agreement_id is None:
            self.model.set_rows([])
            return
        try:
            self.model.set_rows(self.services.follow_ups.status_rows(self.agreement_id, today=self._today()))
        except AppError as error:
            self.show_notice(str(error))

    # --- after an edit ------------------------------------------------------------------------
    def apply_changes(self, changes: Changes) -> None:
        """An edit, undo or redo that left the agreement itself as it was (the window decides)."""
        if self.agreement_id is None or not changes.touches(*MEASURE_LIST_TABLES):
            return
        if behind_other_tab(self):
            self._stale = True  # read when the list is shown
        elif changes.only("follow_ups"):
            ids = frozenset(changes.keys_of("follow_ups", "measure_id"))
            states = shared_read(
                self.undo_stack, ("measure_states", ids),
                lambda: self.services.follow_ups.measure_states(ids, today=self._today()),
            )
            self.model.update_rows(states.status_rows)
        else:
            self.refresh()

    def refresh_if_stale(self) -> None:
        """The page comes into view: read it again if a change came while it was covered."""
        if self._stale:
            self.refresh()

    def show_notice(self, text: str) -> None:
        self.notice_label.setText(text)
        self.notice_label.setVisible(bool(text))

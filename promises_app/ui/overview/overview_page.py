"""The Översikt page: the start page of the selected agreement, what needs attention today.

Three headline numbers (overdue, due within 14 days, lacking a follow-up for the current
period), the three lists behind them, the counts by status and by responsible party, and the
progress per reporting period as a chart. Read only: it reads the overview again whenever the
window's undo stack changes (an edit, an undo, a redo anywhere). Enter or a double-click on a
measure in any list asks the window to open it (``measure_activated``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from itertools import pairwise

import shiboken6
from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from promises_app.domain.changes import Changes
from promises_app.domain.errors import AppError
from promises_app.services import Services
from promises_app.services.overview import DUE_SOON_DAYS, AgreementOverview
from promises_app.ui.common.columns import FittedColumns, whole_text_tooltips
from promises_app.ui.common.formatting import fill, format_date
from promises_app.ui.common.page_changes import behind_other_tab, follow_changes
from promises_app.ui.common.page_parts import notice_label
from promises_app.ui.common.write_access import WriteAccess
from promises_app.ui.overview.overview_models import (
    ID_ROLE,
    LATE_COLOUR,
    PROGRESS_ORDER,
    MeasureListModel,
    OpenFindingModel,
    PartyCountModel,
    StatusCountModel,
)
from promises_app.ui.overview.progress_chart import ProgressChart

HEADLINE_STYLE = "QLabel { border: 0px; border-left: 5px solid %s; padding: 2px 8px; }"
EMPTY_STYLE = "QLabel { color: palette(mid); padding: 6px; }"
#: Rows the lists' columns are sized from (Qt's default is 1 000).
SIZING_ROWS = 50
#: The page's content never gets smaller than this; below it, the page scrolls.
CONTENT_MINIMUM = (900, 540)


#: What the page shows: a change to any other table leaves it as it is.
OVERVIEW_TABLES = ("agreements", "promises", "measures", "follow_ups", "organisations", "people", "focus_areas",
                   "occurrences", "parties", "safety_walks", "walk_findings")


class MeasureList(QWidget):
    """One list of measures with its empty-state sentence shown instead when it has no rows."""

    def __init__(self, model: MeasureListModel, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.view = QTableView()
        self.view.setModel(model)
        self.view.setAccessibleName(name)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTabKeyNavigation(False)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.verticalHeader().setVisible(False)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Sized from the first rows, not measured over every row of a list that may hold thousands.
        header.setResizeContentsPrecision(SIZING_ROWS)
        em = header.fontMetrics().horizontalAdvance("M")
        header.setMinimumSectionSize(em * 4)
        # The measure's title gets the room the others leave (at least 14 em); a long party name is
        # cut short at 11 em, whole in the tooltip; a status word fits whole ("Delvis genomförd").
        header.setSectionResizeMode(MeasureListModel.OWNER, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(MeasureListModel.OWNER, em * 11)
        self.columns = FittedColumns(self.view, f"overview:{name}", first=MeasureListModel.TITLE,
                                     minimum=em * 14)
        whole_text_tooltips(self.view)
        self.view.setMinimumHeight(self.view.verticalHeader().defaultSectionSize() * 3 + header.sizeHint().height())
        self.empty = QLabel()
        # (no word wrap: a height-for-width label would make the scroll area scroll needlessly)
        self.empty.setStyleSheet(EMPTY_STYLE)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty, 1)
        self.empty.setVisible(False)

    def set_rows(self, rows: list, empty_text: str) -> None:
        keep = self.selected_measure()
        self.model.set_rows(rows)
        self.empty.setText(empty_text)
        self.view.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        if keep is not None:
            self.select(keep)

    def selected_measure(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.record_at(rows[0].row()).measure_id if rows else None

    def select(self, measure_id: int) -> bool:
        row = self.model.row_of(measure_id)
        if row < 0:
            return False
        self.view.selectRow(row)
        self.view.scrollTo(self.model.index(row, 0))
        return True


class OverviewPage(QWidget):
    #: A measure the user wants to open (its id): Enter or a double-click on a list row.
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
        self._today = today
        self.agreement_id: int | None = None
        self.overview: AgreementOverview | None = None

        self.notice_label = notice_label()

        # --- the three headline numbers, and the day they are counted on
        self.as_of_label = QLabel()
        self.as_of_label.setTextFormat(Qt.TextFormat.PlainText)

        self.overdue_headline = self._headline(LATE_COLOUR.name())
        self.due_soon_headline = self._headline("#E69F00")
        self.missing_headline = self._headline("#0072B2")
        headlines = QHBoxLayout()
        for headline in (self.overdue_headline, self.due_soon_headline, self.missing_headline):
            headlines.addWidget(headline)
        headlines.addStretch(1)
        headlines.addWidget(self.as_of_label, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        # --- the three lists
        self.overdue_list = MeasureList(MeasureListModel(MeasureListModel.OVERDUE, self),
                                        self.tr("Overdue measures"))
        self.due_soon_list = MeasureList(MeasureListModel(MeasureListModel.DUE_SOON, self),
                                         fill(self.tr("Measures due within %1 days"), DUE_SOON_DAYS))
        self.missing_list = MeasureList(MeasureListModel(MeasureListModel.MISSING, self),
                                        self.tr("Measures lacking a follow-up for the current period"))
        self.overdue_box = self._box(self.tr("&Overdue"), self.overdue_list)
        self.due_soon_box = self._box(fill(self.tr("&Due within %1 days"), DUE_SOON_DAYS), self.due_soon_list)
        self.missing_box = self._box(self.tr("&Missing follow-up"), self.missing_list)
        for measure_list in self.lists():
            measure_list.view.activated.connect(self._activated)

        # --- the counts and the chart
        self.status_model = StatusCountModel(self)
        self.status_view = self._count_table(self.status_model, self.tr("Measures by status"), wrap=False)
        self.status_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.party_model = PartyCountModel(self)
        self.party_view = self._count_table(self.party_model, self.tr("Measures by responsible party"), wrap=True)
        party_header = self.party_view.horizontalHeader()
        party_header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        party_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Wide enough for the longest word of the numbers' headings (they wrap between words).
        words = [word for heading in self.party_model.headers()[1:] for word in heading.split()]
        number_width = max(party_header.fontMetrics().horizontalAdvance(word) for word in words) + 12
        for column in range(1, 5):
            party_header.resizeSection(column, number_width)
        # --- safety-walk findings open more than six months (the box is shown only when there are some)
        self.findings_model = OpenFindingModel(self)
        self.findings_view = self._count_table(
            self.findings_model, self.tr("Findings from safety walks open for more than six months"), wrap=False
        )
        findings_header = self.findings_view.horizontalHeader()
        findings_header.setSectionResizeMode(OpenFindingModel.TEXT, QHeaderView.ResizeMode.Stretch)
        self.findings_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.findings_box = self._box(
            self.tr("Findings from safet&y walks open for more than six months"), self.findings_view
        )
        self.findings_box.setVisible(False)
        self.chart = ProgressChart()
        self.chart_box = self._box(self.tr("&Progress per reporting period"), self.chart)
        self.status_box = self._box(self.tr("By s&tatus"), self.status_view)
        self.party_box = self._box(self.tr("By &responsible party"), self.party_view)

        # --- the layout: lists on the left, numbers and chart on the right, all in a scroll area
        self.lists_layout = lists = QVBoxLayout()
        lists.setContentsMargins(0, 0, 0, 0)
        for box in (self.overdue_box, self.due_soon_box, self.missing_box):
            lists.addWidget(box, 1)
        lists.addStretch(0)
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.addLayout(lists, 1)
        left.addWidget(self.findings_box)
        left.addWidget(self.party_box)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.chart_box, 1)
        right.addWidget(self.status_box)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(left, 6)
        body.addLayout(right, 5)

        content = QWidget()
        content.setMinimumSize(*CONTENT_MINIMUM)
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(6, 6, 6, 6)
        content_layout.addLayout(headlines)
        content_layout.addLayout(body, 1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(content)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.scroll_area, 1)

        self._build_actions()
        self.write_access = WriteAccess(self)  # the overview only shows; nothing on it writes
        chain: list[QWidget] = [self.overdue_list.view, self.due_soon_list.view, self.missing_list.view,
                                self.findings_view, self.party_view, self.chart, self.status_view]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        follow_changes(undo_stack, self, self.apply_changes)
        self._show(None)

    # --- building -----------------------------------------------------------------------------
    def _headline(self, colour: str) -> QLabel:
        headline = QLabel()
        headline.setTextFormat(Qt.TextFormat.PlainText)
        font = QFont(headline.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.35)
        headline.setFont(font)
        headline.setStyleSheet(HEADLINE_STYLE % colour)
        headline.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        return headline

    def _box(self, title: str, widget: QWidget) -> QGroupBox:
        """A titled box; the title's mnemonic (Alt+letter) moves the focus into it."""
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.addWidget(widget)
        return box

    def _count_table(
        self, model: StatusCountModel | PartyCountModel | OpenFindingModel, name: str, *, wrap: bool
    ) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setAccessibleName(name)
        view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setTabKeyNavigation(False)
        view.setWordWrap(False)
        view.verticalHeader().setVisible(False)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 6)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        if wrap:
            # Long headings wrap onto two lines, so the numbers' columns stay narrow.
            header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
            header.setMinimumHeight(2 * view.fontMetrics().height() + 8)
        view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        return view

    def _build_actions(self) -> None:
        self.open_action = QAction(self.tr("&Open measure"), self)
        self.open_action.setStatusTip(self.tr("Open the selected measure of the overview's lists"))
        self.open_action.setShortcut(QKeySequence("Ctrl+Shift+Return"))
        self.open_action.triggered.connect(lambda _checked=False: self.open_selected())
        self.refresh_action = QAction(self.tr("&Refresh overview"), self)
        self.refresh_action.setStatusTip(self.tr("Read the overview again"))
        self.refresh_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_action.triggered.connect(lambda _checked=False: self.refresh())
        for action in (self.open_action, self.refresh_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)

    def actions_for_menu(self) -> list[QAction | None]:
        """The page's actions for the window's menu (None: a separator)."""
        return [self.open_action, None, self.refresh_action]

    def lists(self) -> tuple[MeasureList, MeasureList, MeasureList]:
        return (self.overdue_list, self.due_soon_list, self.missing_list)

    # --- the page API -------------------------------------------------------------------------
    def set_services(self, services: Services) -> None:
        """The window opened the database again (after a restore): forget what was shown."""
        self.services = services
        self.agreement_id = None
        self._show(None)

    def set_agreement(self, agreement_id: int | None) -> None:
        if agreement_id != self.agreement_id:
            self.agreement_id = agreement_id
            self._show(None)
        self.refresh()

    def refresh(self) -> None:
        """Read the overview again; keep the selected rows."""
        self.show_notice("")
        overview = None
        if self.agreement_id is not None:
            try:
                overview = self.services.overview.overview(self.agreement_id, today=self._today())
            except AppError as error:
                self.show_notice(str(error))
        self._show(overview)

    def select_measure(self, measure_id: int) -> bool:
        """Select the measure in the first list that holds it (False: it is in none)."""
        return any(measure_list.select(measure_id) for measure_list in self.lists())

    def selected_measure(self) -> int | None:
        """The selected measure of the list that has (or last had) the focus, else of any list."""
        focused = [lst for lst in self.lists() if lst.view.hasFocus()]
        for measure_list in (*focused, *self.lists()):
            chosen = measure_list.selected_measure()
            if chosen is not None:
                return chosen
        return None

    def open_selected(self) -> None:
        chosen = self.selected_measure()
        if chosen is not None:
            self.measure_activated.emit(chosen)

    def show_notice(self, text: str) -> None:
        self.notice_label.setText(text)
        self.notice_label.setVisible(bool(text))

    def apply_changes(self, changes: Changes) -> None:
        """After an edit, undo or redo: the overview is a summary, read again when its rows changed."""
        # (a change while the window is taken down may reach a page already half gone)
        if (self.agreement_id is not None and shiboken6.isValid(self.as_of_label) and not behind_other_tab(self)
                and changes.touches(*OVERVIEW_TABLES)):
            self.refresh()

    def _activated(self, index: QModelIndex) -> None:
        measure_id = index.data(ID_ROLE)
        if measure_id is not None:
            self.measure_activated.emit(int(measure_id))

    # --- showing ------------------------------------------------------------------------------
    def _show(self, overview: AgreementOverview | None) -> None:
        self.overview = overview
        if overview is None:
            self.as_of_label.setText("")
            for headline in (self.overdue_headline, self.due_soon_headline, self.missing_headline):
                headline.setText("")
                headline.setVisible(False)
            for measure_list in self.lists():
                measure_list.set_rows([], self.tr("Choose an agreement to see its overview."))
            self.status_model.set_rows([])
            self.party_model.set_rows([])
            _fit_rows(self.status_view)
            _fit_rows(self.party_view)
            self.chart.set_progress([])
            self.findings_model.set_rows([])
            self.findings_box.setVisible(False)
            self.missing_box.setTitle(self.tr("&Missing follow-up"))
            self._share_height()
            return
        period = overview.current_period
        self.as_of_label.setText(fill(self.tr("As of %1"), format_date(overview.today)))
        self.overdue_headline.setText(
            self.tr("1 overdue") if len(overview.overdue) == 1 else fill(self.tr("%1 overdue"), len(overview.overdue))
        )
        self.due_soon_headline.setText(
            fill(self.tr("%1 due within %2 days"), len(overview.due_soon), overview.due_soon_days)
        )
        if period is None:
            self.missing_headline.setText(self.tr("No reporting period running"))
            self.missing_box.setTitle(self.tr("&Missing follow-up"))
        else:
            self.missing_headline.setText(fill(self.tr("%1 lack a follow-up for %2"), len(overview.missing), period))
            self.missing_box.setTitle(fill(self.tr("&Missing follow-up for %1"), period))
        for headline in (self.overdue_headline, self.due_soon_headline, self.missing_headline):
            headline.setVisible(True)
            headline.setAccessibleName(headline.text())

        self.overdue_list.set_rows(list(overview.overdue), self.tr("No overdue measures."))
        self.due_soon_list.set_rows(
            list(overview.due_soon), fill(self.tr("No measures are due within %1 days."), overview.due_soon_days)
        )
        if period is None:
            missing_text = self.tr("Today lies outside the agreement's period: no follow-up is due.")
        else:
            missing_text = fill(self.tr("Every measure has its follow-up for %1."), period)
        self.missing_list.set_rows(list(overview.missing), missing_text)
        order = {status: i for i, status in enumerate(PROGRESS_ORDER)}
        self.status_model.set_rows(sorted(overview.by_status, key=lambda row: order[row.status]))
        self.party_model.set_rows(list(overview.by_party))
        _fit_rows(self.status_view)
        _fit_rows(self.party_view)
        self.chart.set_progress(overview.progress)
        self.findings_model.set_rows(list(overview.long_open_findings))
        self.findings_box.setVisible(bool(overview.long_open_findings))
        _fit_rows(self.findings_view)
        self._share_height()

    def _share_height(self) -> None:
        """The lists share the height by their rows; an empty one takes only its sentence's."""
        sizes = [measure_list.model.rowCount() for measure_list in self.lists()]
        for position, rows in enumerate(sizes):
            self.lists_layout.setStretch(position, min(rows, 8) + 1 if rows else 0)
        self.lists_layout.setStretch(len(sizes), 0 if any(sizes) else 1)


def _fit_rows(view: QTableView, *, most: int = 8) -> None:
    """Make a small table exactly as tall as its rows (at least one, at most ``most``: then it scrolls)."""
    rows = min(max(1, view.model().rowCount()), most)
    header = view.horizontalHeader()
    height = max(header.minimumHeight(), header.sizeHint().height())
    view.setFixedHeight(height + rows * view.verticalHeader().defaultSectionSize() + 2 * view.frameWidth() + 2)

"""The measures of one agreement with where each stands, as a table (sorted/filtered by a proxy).

Fast at any size: an agreement may hold 10 000 measures. The model therefore
- hands its rows to the view in batches (``canFetchMore``/``fetchMore``): the view asks for
  the next batch when the person scrolls to the end, or while a filter leaves the view
  half-empty, so opening a big agreement lays out one batch, not every measure;
- works out a row's cells once, the first time the row is shown, and answers ``data`` from
  that tuple (a view asks for a dozen roles per cell, and a filter asks every cell);
- has a fixed column count and headers translated once per reset, not per call.
A proxy that sorts (or any caller that needs every row) calls ``fetch_all()`` first;
:class:`MeasureFilterProxyModel` does that when it sorts, and filters on one
pre-joined search text per row (``SEARCH_ROLE``) instead of asking every column.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from promises_app.domain.enums import TrafficLight
from promises_app.ui.common.count_words import count_line, so_far_text, this_period_text
from promises_app.ui.common.formatting import format_date
from promises_app.ui.common.labels import label
from promises_app.ui.common.record_table_model import Index, RecordTableModel

if TYPE_CHECKING:
    from promises_app.services.records import MeasureStatusRow

MEASURE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: The raw value to sort by (dates as ISO text, so empty deadlines sort first).
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
#: The row's shown texts joined and case-folded: what a filter matches against (any column).
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3

#: Rows handed to the view at a time (a screenful is about 20; the rest comes on scrolling).
FETCH_BATCH = 200

OVERDUE_BACKGROUND = QColor("#fde2e1")
LIGHT_COLOURS = {
    TrafficLight.GREEN: QColor("#2e7d32"),
    TrafficLight.YELLOW: QColor("#b58900"),
    TrafficLight.RED: QColor("#c62828"),
}

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_SORT = int(SORT_ROLE)
_SEARCH = int(SEARCH_ROLE)
_ID = int(MEASURE_ID_ROLE)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
#: The roles this model answers; every other role (font, alignment, decoration …) is None at once.
_ANSWERED = frozenset({_DISPLAY, _SORT, _SEARCH, _ID, _BACKGROUND, _FOREGROUND, _TOOLTIP})


class MeasureTableModel(RecordTableModel):
    TITLE, RESPONSIBLE, FOCUS_AREA, DEADLINE, PERIOD, STATUS, LIGHT, TARGET = range(8)
    COLUMN_COUNT = 8

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[MeasureStatusRow] = []
        self._cells: list[tuple[str, ...] | None] = []
        self._header_texts: list[str] | None = None
        self._words: dict[str, str] = {}

    def headers(self) -> list[str]:
        return [
            self.tr("Measure"),
            self.tr("Responsible"),
            self.tr("Focus area"),
            self.tr("Deadline"),
            self.tr("Reported"),
            self.tr("Status"),
            self.tr("Traffic light"),
            self.tr("Actual"),
        ]

    def header_tooltips(self) -> dict[int, str]:
        return {
            self.PERIOD: self.tr("The reporting period of the latest follow-up"),
            self.TARGET: self.tr("Count achieved so far of the counted target, and in the current period"),
        }

    # --- rows, handed out in batches ---------------------------------------------------------
    def set_rows(self, rows: list[Any]) -> None:
        """Replace every row; the view gets the first batch, the rest on demand."""
        self.beginResetModel()
        self._all = list(rows)
        self._rows = self._all[:FETCH_BATCH]
        self._cells = [None] * len(self._all)
        self._header_texts = None
        self._words = {}
        self.endResetModel()

    def update_rows(self, rows: Sequence[MeasureStatusRow]) -> int:
        """Some measures changed (a follow-up recorded): replace their rows, repaint only those.

        Rows of measures not listed here are ignored. Returns how many rows were replaced."""
        by_id = {row.measure.id: row for row in rows}
        replaced = 0
        last = self.COLUMN_COUNT - 1
        for number, row in enumerate(self._all):
            new = by_id.get(row.measure.id)
            if new is None:
                continue
            self._all[number] = new
            self._cells[number] = None
            replaced += 1
            if number < len(self._rows):
                self._rows[number] = new
                self.dataChanged.emit(self.index(number, 0), self.index(number, last))
        return replaced

    def total_rows(self) -> int:
        """Every measure of the agreement, fetched or not."""
        return len(self._all)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802 - Qt's name
        return not parent.isValid() and len(self._rows) < len(self._all)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802 - Qt's name
        if parent.isValid():
            return
        self._fetch(FETCH_BATCH)

    def fetch_all(self) -> None:
        """Hand every remaining row to the view (before sorting, exporting or counting)."""
        self._fetch(len(self._all))

    def _fetch(self, count: int) -> None:
        start = len(self._rows)
        end = min(len(self._all), start + count)
        if end <= start:
            return
        self.beginInsertRows(QModelIndex(), start, end - 1)
        self._rows = self._all[:end]
        self.endInsertRows()

    def row_at(self, row: int) -> MeasureStatusRow:
        return self._all[row]

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's name
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(  # noqa: N802 - Qt's name
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if self._header_texts is None:
                self._header_texts = self.headers()
            return self._header_texts[section]
        return super().headerData(section, orientation, role)

    # --- cells ------------------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        role = int(role)
        if role not in _ANSWERED or not index.isValid():
            return None
        row_number = index.row()
        if role == _DISPLAY:
            return self._cells_of(row_number)[index.column()]
        if role == _SEARCH:
            return self._cells_of(row_number)[self.COLUMN_COUNT]
        row = self._all[row_number]
        column = index.column()
        if role == _SORT:
            if column == self.DEADLINE:
                return row.measure.deadline.isoformat() if row.measure.deadline else ""
            return self._cells_of(row_number)[column]
        if role == _ID:
            return row.measure.id
        if role == _BACKGROUND:
            return QBrush(OVERDUE_BACKGROUND) if row.overdue else None
        if role == _FOREGROUND:
            if column == self.LIGHT and row.latest_light in LIGHT_COLOURS:
                return QBrush(LIGHT_COLOURS[row.latest_light])
            return None
        return self._tooltip(row, column)

    def _tooltip(self, row: MeasureStatusRow, column: int) -> str | None:
        if column == self.TITLE:
            return "\n".join(filter(None, [row.measure.title, row.promise_text, row.measure.description]))
        if column == self.TARGET and row.measure.target_count is not None:
            # with the period's result and where it came from (domain/counts.py)
            return count_line(row.count, row.measure.target_count, row.measure.target_unit)
        if row.overdue:
            return self.tr("Overdue: the deadline has passed and the measure is not done.")
        return None

    def _cells_of(self, row_number: int) -> tuple[str, ...]:
        """The row's shown texts (and, last, its search text), worked out on first use."""
        cells = self._cells[row_number]
        if cells is None:
            row = self._all[row_number]
            shown = tuple(self._display(row, column) for column in range(self.COLUMN_COUNT))
            cells = (*shown, "\n".join(shown).casefold())
            self._cells[row_number] = cells
        return cells

    def _display(self, row: MeasureStatusRow, column: int) -> str:
        measure = row.measure
        if column == self.TITLE:
            return measure.title
        if column == self.RESPONSIBLE:
            return measure.responsible_name
        if column == self.FOCUS_AREA:
            return measure.focus_area_name
        if column == self.DEADLINE:
            text = format_date(measure.deadline)
            return self._overdue_template().replace("%1", text) if row.overdue else text
        if column == self.PERIOD:
            return row.latest_period or self._none_yet()
        if column == self.STATUS:
            return label(row.latest_status) if row.latest_status else ""
        if column == self.LIGHT:
            return label(row.latest_light) if row.latest_light else ""
        if column == self.TARGET:
            if measure.target_count is None:
                return ""
            # two lines, as the rows are two lines high: "hittills 3 av 4" over "denna period 1"
            return "\n".join((so_far_text(row.count, measure.target_count),
                              this_period_text(row.count, with_source=False)))
        return ""

    # The fixed texts, each written out in its own tr() so lupdate finds the source.
    def _overdue_template(self) -> str:
        if "overdue" not in self._words:
            self._words["overdue"] = self.tr("%1 (overdue)")
        return self._words["overdue"]

    def _none_yet(self) -> str:
        if "none" not in self._words:
            self._words["none"] = self.tr("none yet")
        return self._words["none"]


class MeasureFilterProxyModel(QSortFilterProxyModel):
    """Sorts and filters a :class:`MeasureTableModel` the way the measures tab needs at any size.

    The filter matches the typed text, case-insensitively, against every shown column at
    once (one search text per row, ``SEARCH_ROLE``), so each keystroke asks one value per
    row. Sorting first fetches every row, so the order is the order of all measures.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setFilterKeyColumn(MeasureTableModel.TITLE)
        self.setFilterRole(SEARCH_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setSortRole(SORT_ROLE)

    def setSourceModel(self, model: QAbstractItemModel) -> None:  # noqa: N802 - Qt's name
        super().setSourceModel(model)
        if isinstance(model, MeasureTableModel):
            model.modelReset.connect(self._after_reset)

    def _after_reset(self) -> None:
        """A new agreement while sorted: every row first, or the top would be the first batch's."""
        source = self.sourceModel()
        if self.sortColumn() >= 0 and isinstance(source, MeasureTableModel):
            source.fetch_all()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if column >= 0 and isinstance(source, MeasureTableModel):
            source.fetch_all()
        super().sort(column, order)

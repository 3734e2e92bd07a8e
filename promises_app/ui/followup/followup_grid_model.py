"""The item models of the "Uppföljning" page: the follow-up grid, its filter, and one measure's history.

The grid is a two-level tree: group rows (a promise with who makes it, or a focus area) hold the
agreement's measures. Columns are the measure, its owner (ansvarig), then one column per
reporting period; a cell shows that period's status word, the traffic light as a coloured square
(its word in the tooltip and the accessible text: never colour alone) and, for a counted
measure, the count. The period containing "today" is tinted and its heading bold.
Everything comes from one service call (``services.follow_ups.grid``).

On the page the grid is also typed into (followup_delegate.py): the period being followed up
(``edit_period``, the running one unless the person picks another) is its status column and, right
after it, three columns of its own (traffic light, count, comment), each edited in the cell.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, replace
from enum import Enum
from itertools import compress, groupby, repeat
from operator import contains, itemgetter
from typing import Any, cast

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from promises_app.domain.counts import CountSource, PeriodCount, period_counts
from promises_app.domain.enums import FollowUpStatus, TrafficLight
from promises_app.services.followups import FollowUpGrid, GridMeasure, MeasureStates
from promises_app.services.records import FollowUpRecord
from promises_app.ui.common.count_words import count_line
from promises_app.ui.common.formatting import fill
from promises_app.ui.common.labels import label
from promises_app.ui.common.paged_filter import PagedFilterProxy, role_data_items

Index = QModelIndex | QPersistentModelIndex

#: The measure's id (int) on every cell of a measure row; None on group rows.
MEASURE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: The period label (str) of a period cell; None elsewhere.
PERIOD_ROLE = Qt.ItemDataRole.UserRole + 2
#: The cell's FollowUpRecord, or None.
FOLLOW_UP_ROLE = Qt.ItemDataRole.UserRole + 3
#: True on group rows.
GROUP_ROLE = Qt.ItemDataRole.UserRole + 4
#: The field of the follow-up a cell edits in place ("status", "light", "count_achieved",
#: "comment"), or None for a cell that is not typed into.
FIELD_ROLE = Qt.ItemDataRole.UserRole + 5

#: The fields the edit period's columns show, in column order (the first is the period's own column).
EDIT_FIELDS = ("status", "light", "count_achieved", "comment")

LIGHT_COLOURS: dict[TrafficLight, QColor] = {
    TrafficLight.GREEN: QColor("#2e7d32"),
    TrafficLight.YELLOW: QColor("#f9a825"),
    TrafficLight.RED: QColor("#c62828"),
    TrafficLight.NOT_ASSESSED: QColor("#9e9e9e"),
}
DISPLAY, DECORATION, FONT, BACKGROUND, FOREGROUND = (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole,
)
#: The roles a cell's delegate paints (``FollowUpGridModel._painted`` has those the grid fills:
#: never an alignment or a check box).
_PAINTED = frozenset((DISPLAY, DECORATION, FONT, BACKGROUND, FOREGROUND,
                      Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.CheckStateRole))
_GROUP_FLAGS = Qt.ItemFlag.ItemIsEnabled
_MEASURE_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
_EDITABLE_FLAGS = _MEASURE_FLAGS | Qt.ItemFlag.ItemIsEditable
CURRENT_TINT = QColor("#e3f0fc")
GROUP_TINT = QColor("#eeeeee")
OVERDUE_COLOUR = QColor("#b71c1c")


class GroupBy(Enum):
    PROMISE = "promise"
    FOCUS_AREA = "focus_area"


@dataclass(frozen=True)
class Group:
    title: str
    measures: tuple[GridMeasure, ...]


_BOLD: list[QFont] = []


def _bold() -> QFont:
    """The group rows' bold font (made once, when a QGuiApplication exists)."""
    if not _BOLD:
        font = QFont()
        font.setBold(True)
        _BOLD.append(font)
    return _BOLD[0]


def one_line(text: str) -> str:
    return " ".join(text.split())


def count_text(count: PeriodCount | None, measure: GridMeasure, *, with_source: bool = False) -> str:
    """"hittills 2 av 4, denna period 1" for a counted measure (domain/counts.py), "" otherwise."""
    target = measure.measure.target_count
    if target is None:
        return ""
    return count_line(count, target, with_source=with_source)


def cell_text(follow_up: FollowUpRecord | None, measure: GridMeasure, count: PeriodCount | None = None) -> str:
    """The status word with the count; a period with logged occurrences but no follow-up shows the count."""
    logged = count is not None and count.source is CountSource.LOGGED
    if follow_up is None and not logged:
        return ""
    counted = count_text(count, measure)
    if follow_up is None:
        return counted
    word = label(follow_up.status)
    return f"{word} ({counted})" if counted else word


def accessible_text(
    follow_up: FollowUpRecord | None, measure: GridMeasure, period: str, count: PeriodCount | None = None
) -> str:
    """What a screen reader says for a cell: status, light in words, count, period."""
    counted = count_text(count, measure, with_source=True)
    if follow_up is None:
        text = fill(QCoreApplication.translate("FollowUpGridModel", "%1: no follow-up"), period)
        return f"{text}, {counted}" if counted and count is not None and count.source else text
    parts = [
        label(follow_up.status),
        fill(
            QCoreApplication.translate("FollowUpGridModel", "traffic light %1"),
            label(follow_up.light).lower(),
        ),
    ]
    if counted:
        parts.append(counted)
    return fill(QCoreApplication.translate("FollowUpGridModel", "%1: %2"), period, ", ".join(parts))


def tooltip_text(
    follow_up: FollowUpRecord | None, measure: GridMeasure, period: str, count: PeriodCount | None = None
) -> str:
    counted = count_text(count, measure, with_source=True)
    if follow_up is None:
        text = fill(
            QCoreApplication.translate(
                "FollowUpGridModel", "%1: no follow-up recorded. Press Enter to record one."
            ),
            period,
        )
        return f"{text}\n{counted}" if counted and count is not None and count.source else text
    lines = [
        fill(QCoreApplication.translate("FollowUpGridModel", "Period: %1"), period),
        fill(QCoreApplication.translate("FollowUpGridModel", "Status: %1"), label(follow_up.status)),
        fill(QCoreApplication.translate("FollowUpGridModel", "Traffic light: %1"), label(follow_up.light)),
    ]
    if counted:
        target = measure.measure.target_count
        lines.append(
            fill(
                QCoreApplication.translate("FollowUpGridModel", "Achieved: %1 %2"),
                count_line(count, target, measure.measure.target_unit), "",
            ).rstrip()
        )
    if follow_up.comment:
        lines.append(follow_up.comment)
    return "\n".join(lines)


def detail_text(field: str, follow_up: FollowUpRecord | None) -> str:
    """What the edit period's light, count or comment cell shows (and copies)."""
    if follow_up is None:
        return ""
    if field == "light":
        return label(follow_up.light)
    if field == "count_achieved":
        return "" if follow_up.count_achieved is None else str(follow_up.count_achieved)
    return one_line(follow_up.comment)


def _detail_painted(field: str, follow_up: FollowUpRecord | None) -> dict[int, Any]:
    painted: dict[int, Any] = {DISPLAY: detail_text(field, follow_up)}
    if field == "light" and follow_up is not None:
        painted[DECORATION] = LIGHT_COLOURS[follow_up.light]
    elif field == "count_achieved":
        painted[Qt.ItemDataRole.TextAlignmentRole] = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return painted


def detail_accessible_text(
    field: str, follow_up: FollowUpRecord | None, measure: GridMeasure, period: str, count: PeriodCount | None = None
) -> str:
    """What a screen reader says for the edit period's light, count or comment cell (the count as
    the one count rule reads it, domain/counts.py, with where it came from)."""
    if field == "light":
        template = QCoreApplication.translate("FollowUpGridModel", "%1: traffic light %2")
    elif field == "count_achieved":
        template = QCoreApplication.translate("FollowUpGridModel", "%1: count %2")
        if counted := count_text(count, measure, with_source=True):
            return fill(template, period, counted)
    else:
        template = QCoreApplication.translate("FollowUpGridModel", "%1: comment %2")
    text = detail_text(field, follow_up) or QCoreApplication.translate("FollowUpGridModel", "none")
    return fill(template, period, text.lower() if field == "light" else text)


class FollowUpGridModel(QAbstractItemModel):
    """Groups of measures by periods; ``set_grid`` fills it from ``services.follow_ups.grid``."""

    TITLE = 0
    OWNER = 1
    FIRST_PERIOD = 2

    def __init__(self, parent: QObject | None = None, *, editable: bool = False) -> None:
        super().__init__(parent)
        self._grid: FollowUpGrid | None = None
        self._periods: list[str] = []
        #: Whether the period being followed up gets its edit columns (the page's grid does).
        self._editable = editable
        #: The period the person chose to follow up (None: the running one, else the last).
        self._chosen_period: str | None = None
        self._edit_period: str | None = None
        #: Each column from FIRST_PERIOD on: (its period, the field it edits or None).
        self._layout: list[tuple[str, str | None]] = []
        #: The edit period's columns, first and last (-1, -1: none): asked for every cell painted.
        self._edit_span = (-1, -1)
        self._group_by = GroupBy.PROMISE
        self._groups: list[Group] = []
        self._cells: dict[tuple[int, str], FollowUpRecord] = {}
        #: Each counted measure's count per period (domain/counts.py), made when first asked.
        self._counts: dict[int, dict[str, PeriodCount]] = {}

    # --- data in ---------------------------------------------------------------------------------
    def set_grid(self, grid: FollowUpGrid | None, group_by: GroupBy | None = None) -> None:
        self.beginResetModel()
        self._grid = grid
        self._periods = [p.label for p in grid.periods] if grid else []
        if group_by is not None:
            self._group_by = group_by
        self._cells = {(f.measure_id, f.period): f for f in grid.follow_ups} if grid else {}
        self._counts = {}
        self._groups = self._make_groups()
        self._lay_out_columns()
        self.endResetModel()

    def set_edit_period(self, period: str | None) -> None:
        """Follow up ``period`` in place (None: the running period, else the last)."""
        if period == self._chosen_period:
            return
        self.beginResetModel()
        self._chosen_period = period
        self._lay_out_columns()
        self.endResetModel()

    def edit_period(self) -> str | None:
        """The period whose status, light, count and comment are typed into (None: none is)."""
        return self._edit_period

    def _lay_out_columns(self) -> None:
        periods = self._periods
        chosen = self._chosen_period if self._chosen_period in periods else None
        running = self._grid.current_period if self._grid else None
        self._edit_period = (chosen or running or (periods[-1] if periods else None)) if self._editable else None
        self._layout = []
        self._edit_span = (-1, -1)
        for period in periods:
            if period == self._edit_period:
                first = self.FIRST_PERIOD + len(self._layout)
                self._layout.extend((period, field) for field in EDIT_FIELDS)
                self._edit_span = (first, first + len(EDIT_FIELDS) - 1)
            else:
                self._layout.append((period, None))

    def field_of_column(self, column: int) -> str | None:
        """The follow-up field a column edits in place, or None."""
        first, last = self._edit_span
        return EDIT_FIELDS[column - first] if first <= column <= last else None

    def edit_column(self, field: str) -> int:
        """The column that edits ``field`` of the edit period (-1: there is none)."""
        first, _last = self._edit_span
        return first + EDIT_FIELDS.index(field) if first >= 0 else -1

    def update_measures(self, states: MeasureStates) -> list[int]:
        """Some measures' follow-ups changed: take them in and repaint only their rows.

        No reset: the view keeps its scroll position, selection and open groups, and the filter
        proxy re-checks just these rows. Returns the ids of the measures shown here that were
        updated (a measure this grid does not show is ignored)."""
        if self._grid is None:
            return []
        shown = {item.measure.id for item in self._grid.measures}
        ids = set(states.measure_ids) & shown
        if not ids:
            return []
        for key in [key for key in self._cells if key[0] in ids]:
            del self._cells[key]
        for measure_id in ids:
            self._counts.pop(measure_id, None)
        for follow_up in states.follow_ups:
            if follow_up.measure_id in ids:
                self._cells[(follow_up.measure_id, follow_up.period)] = follow_up
        overdue = {row.measure.id: row.overdue for row in states.status_rows}

        def now(item: GridMeasure) -> GridMeasure:
            late = overdue.get(item.measure.id, item.overdue)
            return item if late == item.overdue else replace(item, overdue=late)

        self._grid = replace(
            self._grid,
            measures=tuple(now(item) for item in self._grid.measures),
            follow_ups=tuple(self._cells.values()),
        )
        last = self.columnCount() - 1
        for group_row, group in enumerate(self._groups):
            rows = [row for row, item in enumerate(group.measures) if item.measure.id in ids]
            if not rows:
                continue
            self._groups[group_row] = Group(group.title, tuple(now(item) for item in group.measures))
            for row in rows:
                self.dataChanged.emit(
                    self.createIndex(row, 0, group_row + 1), self.createIndex(row, last, group_row + 1)
                )
        return sorted(ids)

    def set_group_by(self, group_by: GroupBy) -> None:
        if group_by is not self._group_by:
            self.set_grid(self._grid, group_by)

    def group_by(self) -> GroupBy:
        return self._group_by

    def _make_groups(self) -> list[Group]:
        if self._grid is None:
            return []
        keyed: dict[object, list[GridMeasure]] = {}
        titles: dict[object, str] = {}
        for item in self._grid.measures:
            measure = item.measure
            if self._group_by is GroupBy.PROMISE:
                key: object = measure.promise_id
                makers = ", ".join(item.promise_makers)
                title = one_line(item.promise_text)
                titles[key] = (
                    fill(QCoreApplication.translate("FollowUpGridModel", "%1 promise: %2"), makers, title)
                    if makers
                    else title
                )
            else:
                key = measure.focus_area_id
                titles[key] = measure.focus_area_name or QCoreApplication.translate(
                    "FollowUpGridModel", "Without focus area"
                )
            keyed.setdefault(key, []).append(item)
        # measures without a focus area come last
        order = (
            sorted(keyed, key=lambda k: k is None) if self._group_by is GroupBy.FOCUS_AREA else list(keyed)
        )
        return [Group(titles[k], tuple(keyed[k])) for k in order]

    # --- what the page asks ---------------------------------------------------------------------
    def grid(self) -> FollowUpGrid | None:
        return self._grid

    def periods(self) -> list[str]:
        return list(self._periods)

    def current_period(self) -> str | None:
        return self._grid.current_period if self._grid else None

    def period_column(self, period: str) -> int:
        """The period's own column (its status; the edit period's detail columns follow it)."""
        return self.FIRST_PERIOD + self._layout.index((period, "status" if period == self._edit_period else None))

    def period_of_column(self, column: int) -> str | None:
        layout = self._layout  # (not a copy: asked for every cell painted)
        offset = column - self.FIRST_PERIOD
        return layout[offset][0] if 0 <= offset < len(layout) else None

    def groups(self) -> list[Group]:
        return list(self._groups)

    def measure_at(self, index: Index) -> GridMeasure | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        return self._groups[index.internalId() - 1].measures[index.row()]

    def follow_up(self, measure_id: int, period: str) -> FollowUpRecord | None:
        return self._cells.get((measure_id, period))

    def count(self, item: GridMeasure, period: str) -> PeriodCount | None:
        """The counted measure's count in ``period`` by the one rule (None for a measure not counted)."""
        if item.measure.target_count is None or self._grid is None:
            return None
        counts = self._counts.get(item.measure.id)
        if counts is None:
            typed = {p: f.count_achieved for p in self._periods if (f := self._cells.get((item.measure.id, p)))}
            counts = self._counts[item.measure.id] = period_counts(self._grid.periods, typed, item.occurrences)
        return counts.get(period)

    def count_if_typed(self, item: GridMeasure, period: str, typed: int | None) -> PeriodCount | None:
        """The count in ``period`` were ``typed`` the running total typed for it (the editor's summary)."""
        if item.measure.target_count is None or self._grid is None:
            return None
        counts = {p: f.count_achieved for p in self._periods if (f := self._cells.get((item.measure.id, p)))}
        counts[period] = typed
        return period_counts(self._grid.periods, counts, item.occurrences).get(period)

    def follow_ups_of(self, measure_id: int) -> list[FollowUpRecord]:
        """The measure's follow-ups in period order."""
        return [f for p in self.periods() if (f := self._cells.get((measure_id, p))) is not None]

    def latest(self, measure_id: int) -> FollowUpRecord | None:
        recorded = self.follow_ups_of(measure_id)
        return recorded[-1] if recorded else None

    def index_of(self, measure_id: int, column: int = 0) -> QModelIndex:
        for group_row, group in enumerate(self._groups):
            for row, item in enumerate(group.measures):
                if item.measure.id == measure_id:
                    return self.createIndex(row, column, group_row + 1)
        return QModelIndex()

    # --- the tree ---------------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        # Bounds checked here rather than with hasIndex (which calls back into Python twice): views
        # ask for every row's index when they lay out, so this is the hot path of filtering.
        if row < 0 or column < 0 or column >= self.FIRST_PERIOD + len(self._layout):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < len(self._groups) else QModelIndex()
        if parent.internalId() != 0 or parent.column() != 0 or row >= len(self._groups[parent.row()].measures):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008 - Qt's parent(child), not QObject.parent()
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._groups[parent.row()].measures)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return self.FIRST_PERIOD + len(self._layout)

    def flags(self, index: Index) -> Qt.ItemFlag:
        # Asked twice for every row the view lays out: constants, and a measure says it never has
        # children (so the view does not ask for them).
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == 0:
            return _GROUP_FLAGS
        first, last = self._edit_span
        column = index.column()
        if first <= column <= last:
            if column == first + EDIT_FIELDS.index("count_achieved"):
                item = self._groups[index.internalId() - 1].measures[index.row()]
                if item.measure.target_count is None:
                    return _MEASURE_FLAGS  # only a counted measure has a count to type
            return _EDITABLE_FLAGS
        return _MEASURE_FLAGS

    def headerData(  # noqa: N802 - Qt's name
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        period = self.period_of_column(section)
        current = period is not None and period == self.current_period()
        field = self.field_of_column(section)
        if field not in (None, "status"):
            return self._detail_header(field, period, role)
        if role == Qt.ItemDataRole.DisplayRole:
            if section == self.TITLE:
                return QCoreApplication.translate("FollowUpGridModel", "Measure")
            if section == self.OWNER:
                return QCoreApplication.translate("FollowUpGridModel", "Responsible")
            return period
        if role == Qt.ItemDataRole.FontRole and current:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and current:
            return QBrush(CURRENT_TINT)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole) and current:
            return fill(QCoreApplication.translate("FollowUpGridModel", "%1 (current period)"), period)
        return None

    def _detail_header(self, field: str | None, period: str | None, role: int) -> Any:
        """The heading of the edit period's light, count and comment columns (its own column is
        headed by the period)."""
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                "light": QCoreApplication.translate("FollowUpGridModel", "Light"),
                "count_achieved": QCoreApplication.translate("FollowUpGridModel", "Count"),
                "comment": QCoreApplication.translate("FollowUpGridModel", "Comment"),
            }.get(field or "")
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return fill({
                "light": QCoreApplication.translate("FollowUpGridModel", "Traffic light for %1"),
                "count_achieved": QCoreApplication.translate(
                    "FollowUpGridModel", "Count achieved so far (the running total) as of %1"),
                "comment": QCoreApplication.translate("FollowUpGridModel", "Comment for %1"),
            }.get(field or "", "%1"), period)
        if role == Qt.ItemDataRole.BackgroundRole and period == self.current_period():
            return QBrush(CURRENT_TINT)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in _PAINTED:
            return self._painted(index).get(role)
        if index.internalId() == 0:
            return self._group_data(index, role)
        item = self.measure_at(index)
        assert item is not None
        column = index.column()
        period = self.period_of_column(column)
        if role == MEASURE_ID_ROLE:
            return item.measure.id
        if role == PERIOD_ROLE:
            return period
        if role == GROUP_ROLE:
            return False
        if role == FIELD_ROLE:
            return self.field_of_column(column) if self.flags(index) & Qt.ItemFlag.ItemIsEditable else None
        if period is None:
            return self._measure_data(item, column, role)
        follow_up = self._cells.get((item.measure.id, period))
        if role == FOLLOW_UP_ROLE:
            return follow_up
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip_text(follow_up, item, period, self.count(item, period))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            field = self.field_of_column(column)
            if field in ("light", "count_achieved", "comment"):
                return detail_accessible_text(field, follow_up, item, period, self.count(item, period))
            return accessible_text(follow_up, item, period, self.count(item, period))
        return None

    def multiData(self, index: Index, role_data_span: QModelRoleDataSpan | QModelRoleData) -> None:  # noqa: N802
        """All a delegate asks to paint a cell (text, icon, colours, font), worked out once."""
        if not index.isValid():
            return
        painted = self._painted(index)
        for role_data in role_data_items(role_data_span):
            role = role_data.role()
            value = painted.get(role) if role in _PAINTED else self.data(index, role)
            # Each role is set or cleared: the delegate hands the same span from cell to cell, so a
            # role left alone keeps the last cell's value. (setData(None) unbalances None's
            # reference count in PySide 6.12, hence clearData.)
            if value is None:
                role_data.clearData()
            else:
                role_data.setData(value)

    def _painted(self, index: Index) -> dict[int, Any]:
        """A cell's text, icon, colours and font (the roles a delegate paints), missing ones None."""
        column = index.column()
        if index.internalId() == 0:
            if column != self.TITLE:
                return {}
            return {DISPLAY: self._groups[index.row()].title, FONT: _bold(), BACKGROUND: QBrush(GROUP_TINT)}
        item = self._groups[index.internalId() - 1].measures[index.row()]
        period = self.period_of_column(column)
        if period is None:
            if column != self.TITLE:
                return {DISPLAY: item.measure.responsible_name}
            if item.overdue:
                return {DISPLAY: one_line(item.measure.title), FOREGROUND: QBrush(OVERDUE_COLOUR)}
            return {DISPLAY: one_line(item.measure.title)}
        follow_up = self._cells.get((item.measure.id, period))
        first, last = self._edit_span
        if first < column <= last:  # the edit period's light, count or comment
            painted = _detail_painted(EDIT_FIELDS[column - first], follow_up)
        else:
            painted = {DISPLAY: cell_text(follow_up, item, self.count(item, period))}
            if follow_up is not None:
                painted[DECORATION] = LIGHT_COLOURS[follow_up.light]
        if period == self.current_period():
            painted[BACKGROUND] = QBrush(CURRENT_TINT)
        return painted

    def _measure_data(self, item: GridMeasure, column: int, role: int) -> Any:
        measure = item.measure
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if column == self.TITLE:
                text = one_line(measure.title)
                if item.overdue:
                    return fill(QCoreApplication.translate("FollowUpGridModel", "%1 (overdue)"), text)
                return text
            return measure.responsible_name
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [measure.title]
            if measure.responsible_name:
                lines.append(
                    fill(
                        QCoreApplication.translate("FollowUpGridModel", "Responsible: %1"),
                        measure.responsible_name,
                    )
                )
            if measure.deadline is not None:
                lines.append(
                    fill(
                        QCoreApplication.translate("FollowUpGridModel", "Deadline: %1"),
                        measure.deadline.isoformat(),
                    )
                )
            if measure.target_count is not None:
                lines.append(
                    fill(
                        QCoreApplication.translate("FollowUpGridModel", "Target: %1 %2"),
                        measure.target_count,
                        measure.target_unit,
                    ).rstrip()
                )
            if item.overdue:
                lines.append(
                    QCoreApplication.translate(
                        "FollowUpGridModel",
                        "Overdue: the deadline has passed and the measure is not finished.",
                    )
                )
            return "\n".join(lines)
        return None

    def _group_data(self, index: Index, role: int) -> Any:
        if role == GROUP_ROLE:
            return True
        if index.column() == self.TITLE and role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._groups[index.row()].title
        return None


class FollowUpFilterProxy(PagedFilterProxy):
    """The filter bar's filters, as you type. A group row stays only while one of its measures matches.

    Status and traffic light are the measure's latest follow-up ("" status = no follow-up yet);
    the party matches the responsible, a participant or one who makes the promise. Decided in one
    pass over the grid's measures, with each measure's search text and latest follow-up read once
    (until the grid changes); the view gets its rows a page at a time (ui/common/paged_filter.py).
    """

    NO_FOLLOW_UP = "none"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._status: str | None = None
        self._light: TrafficLight | None = None
        self._party = ""
        self._only_overdue = False
        #: Each measure's search text (casefolded title, description, responsible and comments,
        #: one per line) and latest follow-up, by measure id: read from the grid once.
        self._search: dict[int, str] = {}
        self._rows_search: list[list[str]] | None = None
        self._latest: dict[int, FollowUpRecord | None] = {}
        #: The (group, row) of each measure that passed, and the filters that chose them.
        self._hits: list[tuple[int, int]] = []
        self._hit_texts: list[str] = []
        #: Every measure's (group, row) and search text, in order (from ``_rows_search``).
        self._flat: tuple[list[tuple[int, int]], list[str]] | None = None
        self._hits_for: tuple[str, str | None, TrafficLight | None, str, bool] | None = None

    def set_text(self, text: str) -> bool:
        return self._refilter_with(lambda: setattr(self, "_text", text.strip().casefold()))

    def set_status(self, status: FollowUpStatus | str | None) -> bool:
        return self._refilter_with(lambda: setattr(self, "_status", status or None))

    def set_light(self, light: TrafficLight | str | None) -> bool:
        return self._refilter_with(lambda: setattr(self, "_light", TrafficLight(light) if light else None))

    def set_party(self, name: str) -> bool:
        return name != self._party and self._refilter_with(lambda: setattr(self, "_party", name))

    def set_only_overdue(self, only: bool) -> bool:
        return self._refilter_with(lambda: setattr(self, "_only_overdue", only))

    def set_filters(
        self,
        *,
        text: str,
        status: FollowUpStatus | str | None,
        light: TrafficLight | str | None,
        party: str,
        only_overdue: bool,
    ) -> bool:
        """Every filter at once (the page's filter bar): one pass over the rows, and none if nothing
        changed. False when the rows the view holds stay the same."""
        wanted = (text.strip().casefold(), status or None, TrafficLight(light) if light else None, party, only_overdue)
        if wanted == self._settings():
            return False

        def change() -> None:
            self._text, self._status, self._light, self._party, self._only_overdue = wanted

        return self._refilter_with(change)

    def _settings(self) -> tuple[str, str | None, TrafficLight | None, str, bool]:
        return (self._text, self._status, self._light, self._party, self._only_overdue)

    def _refilter_with(self, change: Callable[[], None]) -> bool:
        """Apply ``change`` to the filters and filter again (PagedFilterProxy.change_filter)."""
        return self.change_filter(change)

    def is_filtering(self) -> bool:
        return bool(self._text or self._status or self._light or self._party or self._only_overdue)

    # --- PagedFilterProxy: items are (group, row) of a measure and (group, -1) of a group ----------
    def item_at(self, source_row: int, source_parent: Index) -> tuple[int, int]:
        if not source_parent.isValid():
            return (source_row, -1)
        return (source_parent.row(), source_row)

    def is_heading(self, item: object) -> bool:
        return isinstance(item, tuple) and item[1] == -1

    def filtering(self) -> bool:
        return self.is_filtering()

    def parent_item(self, item: Hashable) -> tuple[int, int] | None:
        group, row = cast(tuple[int, int], item)
        return None if row == -1 else (group, -1)

    def item_flags(self, item: Hashable) -> Qt.ItemFlag:
        return _GROUP_FLAGS if cast(tuple[int, int], item)[1] == -1 else _MEASURE_FLAGS

    def flags(self, index: Index) -> Qt.ItemFlag:
        # The row's flags, but a cell typed into (the edit period's columns) asks the grid.
        model = self.sourceModel()
        if index.isValid() and isinstance(model, FollowUpGridModel) and model.field_of_column(index.column()):
            return model.flags(self.mapToSource(index))
        return super().flags(index)

    def source_index(self, item: Hashable, column: int) -> QModelIndex:
        model = self.sourceModel()
        group, row = cast(tuple[int, int], item)
        if row == -1:
            return model.index(group, column)
        return model.index(row, column, model.index(group, 0))

    def shown_items(self) -> list[tuple[int, int]]:
        model = self.sourceModel()
        assert isinstance(model, FollowUpGridModel)
        groups = model.groups()
        if self._hits_for is not None and self._narrowed_by(self._hits_for):
            keys, texts = self._hits, self._hit_texts  # typing on: only what matched the shorter text can match
        else:
            keys, texts = self._all_rows(model, groups)
        settings = self._settings()
        if self._text and not (self._status or self._light or self._party or self._only_overdue):
            # the text looked for in each measure's search text by map() and compress(): C speed
            found = list(map(contains, texts, repeat(self._text)))
        elif self.is_filtering():
            found = [self.accepts(model, groups[g].measures[r]) for g, r in keys]
        else:
            found = None
        if found is not None:
            keys, texts = list(compress(keys, found)), list(compress(texts, found))
        self._hits, self._hit_texts, self._hits_for = keys, texts, settings
        shown: list[tuple[int, int]] = []
        for group, rows in groupby(keys, key=itemgetter(0)):
            shown.append((group, -1))
            shown.extend(rows)
        return shown

    def _all_rows(self, model: FollowUpGridModel, groups: list[Group]) -> tuple[list[tuple[int, int]], list[str]]:
        """Every measure's (group, row) and its search text, in the grid's order."""
        if self._flat is None:
            search = self._search_rows(model, groups)
            self._flat = ([(g, r) for g, rows in enumerate(search) for r in range(len(rows))],
                          [text for rows in search for text in rows])
        return self._flat

    def _search_rows(self, model: FollowUpGridModel, groups: list[Group]) -> list[list[str]]:
        """Each measure's search text by group and row (read once until the grid changes)."""
        if self._rows_search is None:
            # Every measure's comments in one pass over the grid's follow-ups, not one look-up per period.
            comments: dict[int, list[str]] = {}
            grid = model.grid()
            for follow_up in grid.follow_ups if grid is not None else ():
                if follow_up.comment:
                    comments.setdefault(follow_up.measure_id, []).append(follow_up.comment)
            search = self._search
            for group in groups:
                for item in group.measures:
                    measure = item.measure
                    if measure.id not in search:
                        search[measure.id] = "\n".join(
                            (measure.title, measure.description, measure.responsible_name,
                             *comments.get(measure.id, ()))
                        ).casefold()
            self._rows_search = [[search[item.measure.id] for item in group.measures] for group in groups]
        return self._rows_search

    def _search_text(self, model: FollowUpGridModel, item: GridMeasure) -> str:
        """The casefolded title, description, responsible and comments, one per line: a typed text
        holds no line break, so it is found in one of them, as each is looked through alone."""
        measure = item.measure
        search = self._search.get(measure.id)
        if search is None:
            search = self._search[measure.id] = "\n".join(
                (measure.title, measure.description, measure.responsible_name,
                 *(f.comment for f in model.follow_ups_of(measure.id) if f.comment))
            ).casefold()
        return search

    def _narrowed_by(self, before: tuple[str, str | None, TrafficLight | None, str, bool]) -> bool:
        """Only the text changed, and it grew around what it was (the person typed on)."""
        now = self._settings()
        return before[1:] == now[1:] and before[0] in now[0]

    def _source_reset(self) -> None:
        self._forget()
        model = self.sourceModel()
        if isinstance(model, FollowUpGridModel):
            # Each measure's search text now, with the grid (a few tens of ms at 10 000 measures),
            # rather than on the first keystroke.
            self._search_rows(model, model.groups())
        super()._source_reset()

    def _before_source_change(self) -> None:
        self._forget()  # rows came, went or moved

    def _forget(self) -> None:
        """The grid changed: its search texts, latest follow-ups and rows are read again."""
        self._search, self._latest, self._hits_for, self._rows_search, self._flat = {}, {}, None, None, None

    def forget_rows(self, top_left: QModelIndex, bottom_right: QModelIndex) -> None:
        """Measures' follow-ups changed in place (a recorded follow-up): their search text and
        latest follow-up are read again, the others' kept."""
        model = self.sourceModel()
        if not isinstance(model, FollowUpGridModel) or not top_left.isValid():
            return
        if top_left.internalId() == 0:  # group rows: read all of it again
            self._forget()
            return
        group = top_left.internalId() - 1
        self._hits_for, self._flat = None, None
        for row in range(top_left.row(), bottom_right.row() + 1):
            item = model.measure_at(model.index(row, 0, model.index(group, 0)))
            if item is None:
                continue
            self._search.pop(item.measure.id, None)
            self._latest.pop(item.measure.id, None)
            if self._rows_search is not None and group < len(self._rows_search):
                self._rows_search[group][row] = self._search_text(model, item)

    # --- the rule ---------------------------------------------------------------------------------
    def accepts(self, model: FollowUpGridModel, item: GridMeasure) -> bool:
        measure = item.measure
        if self._only_overdue and not item.overdue:
            return False
        if self._party and self._party not in (
            measure.responsible_name,
            *measure.participant_names,
            *item.promise_makers,
        ):
            return False
        if self._status is not None or self._light is not None:
            latest = self._latest.get(measure.id, _UNREAD)
            if latest is _UNREAD:
                latest = self._latest[measure.id] = model.latest(measure.id)
            if self._status is not None:
                if self._status == self.NO_FOLLOW_UP:
                    if latest is not None:
                        return False
                elif latest is None or latest.status != self._status:
                    return False
            if self._light is not None and (latest is None or latest.light is not self._light):
                return False
        return not self._text or self._text in self._search_text(model, item)

    # --- for the page -----------------------------------------------------------------------------
    def shown_measure_count(self) -> int:
        """How many measures pass the filters (handed to the view or not yet)."""
        return len(self._hits)

    def reveal_measure(self, source: QModelIndex) -> None:
        """Hand the view every row up to the measure at ``source`` (to select it), if it passes."""
        if source.isValid() and source.internalId() != 0:
            self.reveal((source.internalId() - 1, source.row()))


#: "Not read yet" in the latest follow-up cache (None there means "no follow-up").
_UNREAD: Any = object()


class HistoryTableModel(QAbstractTableModel):
    """One measure's follow-ups, newest period first: period, status, light, count, comment."""

    PERIOD, STATUS, LIGHT, COUNT, COMMENT = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[FollowUpRecord] = []
        self._measure: GridMeasure | None = None

    def set_history(self, measure: GridMeasure | None, follow_ups: list[FollowUpRecord]) -> None:
        """``follow_ups`` in period order (oldest first); shown newest first."""
        self.beginResetModel()
        self._measure = measure
        self._rows = list(reversed(follow_ups))
        self.endResetModel()

    def records(self) -> list[FollowUpRecord]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 5

    def headerData(  # noqa: N802 - Qt's name
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            QCoreApplication.translate("FollowUpGridModel", "Period"),
            QCoreApplication.translate("FollowUpGridModel", "Status"),
            QCoreApplication.translate("FollowUpGridModel", "Light"),
            QCoreApplication.translate("FollowUpGridModel", "Count"),
            QCoreApplication.translate("FollowUpGridModel", "Comment"),
        )[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self._rows[index.row()]
        column = index.column()
        if role == FOLLOW_UP_ROLE:
            return record
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            if column == self.PERIOD:
                return record.period
            if column == self.STATUS:
                return label(record.status)
            if column == self.LIGHT:
                return label(record.light)
            if column == self.COUNT:
                return "" if record.count_achieved is None else str(record.count_achieved)
            return record.comment
        if role == Qt.ItemDataRole.DecorationRole and column == self.LIGHT:
            return LIGHT_COLOURS[record.light]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

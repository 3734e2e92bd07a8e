"""The item models of the Översikt page: the three lists of measures, and the counts by status and party.

Each is a :class:`RecordTableModel` over the overview's frozen records (services/overview.py);
the id role carries the measure id so the page can open the measure. The colours of the
statuses are shared with the progress chart (progress_chart.py), so a count and its bar match.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPixmap

from promises_app.domain.enums import FollowUpStatus
from promises_app.services.overview import DUE_SOON_DAYS, OverviewMeasure, PartyCount, StatusCount
from promises_app.services.records import OpenFindingRecord
from promises_app.ui.common.formatting import fill, format_date
from promises_app.ui.common.labels import QT_TRANSLATE_NOOP, label
from promises_app.ui.common.record_table_model import Index, RecordTableModel

#: The measure id of the row (lists) on every column.
ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: The row's record itself.
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2

NUMBER_ALIGNMENT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LATE_COLOUR = QColor("#b71c1c")

#: Status colours (Okabe–Ito, told apart with colour blindness) and a pattern over some, for print.
STATUS_COLOURS: dict[FollowUpStatus | None, QColor] = {
    FollowUpStatus.DONE: QColor("#009E73"),
    FollowUpStatus.PARTLY_DONE: QColor("#56B4E9"),
    FollowUpStatus.IN_PROGRESS: QColor("#0072B2"),
    FollowUpStatus.NOT_STARTED: QColor("#F0E442"),
    FollowUpStatus.NOT_DONE: QColor("#D55E00"),
    FollowUpStatus.CANCELLED_OR_POSTPONED: QColor("#CC79A7"),
    None: QColor("#f5f5f5"),
}
STATUS_PATTERNS: dict[FollowUpStatus | None, Qt.BrushStyle] = {
    FollowUpStatus.NOT_DONE: Qt.BrushStyle.FDiagPattern,
    FollowUpStatus.CANCELLED_OR_POSTPONED: Qt.BrushStyle.HorPattern,
    None: Qt.BrushStyle.BDiagPattern,
}
#: The order the chart stacks (from the bottom) and the legend lists: finished work first.
PROGRESS_ORDER: tuple[FollowUpStatus | None, ...] = (
    FollowUpStatus.DONE,
    FollowUpStatus.PARTLY_DONE,
    FollowUpStatus.IN_PROGRESS,
    FollowUpStatus.NOT_STARTED,
    FollowUpStatus.NOT_DONE,
    FollowUpStatus.CANCELLED_OR_POSTPONED,
    None,
)

CONTEXT = "OverviewModels"
_NO_FOLLOW_UP = QT_TRANSLATE_NOOP("OverviewModels", "No follow-up")
_NO_RESPONSIBLE = QT_TRANSLATE_NOOP("OverviewModels", "No responsible party")


def status_name(status: FollowUpStatus | None) -> str:
    """The status in the interface language; None (nothing reported) as "No follow-up"."""
    return label(status) if status is not None else QCoreApplication.translate(CONTEXT, _NO_FOLLOW_UP)


def owner_name(name: str) -> str:
    return name or QCoreApplication.translate(CONTEXT, _NO_RESPONSIBLE)


def status_swatch(status: FollowUpStatus | None, size: int = 12) -> QIcon:
    """A small square in the status's colour and pattern, as the chart draws it."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    fill_status(painter, status, 0, 0, size - 1, size - 1)
    painter.setPen(QColor("#424242"))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(0, 0, size - 1, size - 1)
    painter.end()
    return QIcon(pixmap)


def fill_status(painter: QPainter, status: FollowUpStatus | None, x: float, y: float, w: float, h: float) -> None:
    """Fill a rectangle in the status's colour, with its pattern (if any) drawn over it in dark grey."""
    painter.fillRect(int(x), int(y), max(0, round(w)), max(0, round(h)), STATUS_COLOURS[status])
    pattern = STATUS_PATTERNS.get(status)
    if pattern is not None:
        painter.fillRect(int(x), int(y), max(0, round(w)), max(0, round(h)), QBrush(QColor("#424242"), pattern))


class MeasureListModel(RecordTableModel[OverviewMeasure]):
    """One of the overview's lists: overdue, due soon, or missing a follow-up.

    The last column says what matters for that list: days late, days left (0 = "today"), or
    the latest status reported.
    """

    OVERDUE, DUE_SOON, MISSING = "overdue", "due_soon", "missing"
    TITLE, OWNER, DEADLINE, LAST = range(4)

    def __init__(self, kind: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        if kind not in (self.OVERDUE, self.DUE_SOON, self.MISSING):
            raise ValueError(kind)
        self.kind = kind

    def headers(self) -> list[str]:
        last = {
            self.OVERDUE: self.tr("Days late"),
            self.DUE_SOON: self.tr("Days left"),
            self.MISSING: self.tr("Latest status"),
        }[self.kind]
        return [self.tr("Measure"), self.tr("Responsible"), self.tr("Deadline"), last]

    def record_at(self, row: int) -> OverviewMeasure:
        return self._rows[row]

    def row_of(self, measure_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.measure_id == measure_id), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record: OverviewMeasure = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(record, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.TITLE:
                return record.title + "\n" + self.tr("Promise:") + " " + record.promise_text
            return self._display(record, column) or None
        if role == ID_ROLE:
            return record.measure_id
        if role == RECORD_ROLE:
            return record
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.LAST and self.kind != self.MISSING:
            return NUMBER_ALIGNMENT
        if role == Qt.ItemDataRole.ForegroundRole and self.kind == self.OVERDUE and column == self.LAST:
            return QBrush(LATE_COLOUR)
        if role == Qt.ItemDataRole.DecorationRole and column == self.LAST and self.kind == self.MISSING:
            return status_swatch(record.status)
        return None

    def _display(self, record: OverviewMeasure, column: int) -> str:
        if column == self.TITLE:
            return record.title
        if column == self.OWNER:
            return owner_name(record.responsible_name)
        if column == self.DEADLINE:
            return format_date(record.deadline)
        if self.kind == self.MISSING:
            return status_name(record.status)
        if record.days_late is None:
            return ""
        if self.kind == self.DUE_SOON:
            return self.tr("today") if record.days_late == 0 else str(-record.days_late)
        return str(record.days_late)


class StatusCountModel(RecordTableModel[StatusCount]):
    """How many measures stand at each status (the latest reported), with the chart's colour."""

    STATUS, COUNT = range(2)

    def headers(self) -> list[str]:
        return [self.tr("Status"), self.tr("Measures")]

    def record_at(self, row: int) -> StatusCount:
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record: StatusCount = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return status_name(record.status) if index.column() == self.STATUS else str(record.count)
        if role == Qt.ItemDataRole.DecorationRole and index.column() == self.STATUS:
            return status_swatch(record.status)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.COUNT:
            return NUMBER_ALIGNMENT
        if role == RECORD_ROLE:
            return record
        return None


class PartyCountModel(RecordTableModel[PartyCount]):
    """Each responsible party's measures, and how many are overdue, due soon, or lack a report."""

    NAME, MEASURES, OVERDUE, DUE_SOON, MISSING = range(5)

    def headers(self) -> list[str]:
        return [self.tr("Responsible"), self.tr("Measures"), self.tr("Overdue"), self.tr("Due soon"),
                self.tr("No follow-up")]

    def header_tooltips(self) -> dict[int, str]:
        return {
            self.DUE_SOON: fill(self.tr("Due within %1 days"), DUE_SOON_DAYS),
            self.MISSING: self.tr("Lacking a follow-up for the current period"),
        }

    def record_at(self, row: int) -> PartyCount:
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record: PartyCount = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAME:
                return owner_name(record.name)
            return str((record.measures, record.overdue, record.due_soon, record.missing)[column - 1])
        if role == Qt.ItemDataRole.ToolTipRole and column == self.NAME:
            return owner_name(record.name)
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.NAME:
            return NUMBER_ALIGNMENT
        if role == Qt.ItemDataRole.ForegroundRole and column == self.OVERDUE and record.overdue:
            return QBrush(LATE_COLOUR)
        if role == RECORD_ROLE:
            return record
        return None


class OpenFindingModel(RecordTableModel[OpenFindingRecord]):
    """Safety-walk findings open more than six months: the finding, its place, the walk's date, its owner."""

    TEXT, PLACE, WALKED_ON, OWNER = range(4)

    def headers(self) -> list[str]:
        return [self.tr("Finding"), self.tr("Place"), self.tr("Walk date"), self.tr("Owner")]

    def record_at(self, row: int) -> OpenFindingRecord:
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record: OpenFindingRecord = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            shown = (
                " ".join(record.text.split()),
                record.place,
                format_date(record.walked_on),
                record.owner_name or self.tr("No owner"),
            )[index.column()]
            return shown if role == Qt.ItemDataRole.DisplayRole or shown else None
        if role == RECORD_ROLE:
            return record
        return None

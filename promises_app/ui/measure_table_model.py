"""The measures of one agreement with where each stands, as a table (sorted/filtered by a proxy)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from promises_app.domain.enums import TrafficLight
from promises_app.services.records import MeasureStatusRow
from promises_app.ui.formatting import format_date
from promises_app.ui.labels import label
from promises_app.ui.record_table_model import Index, RecordTableModel

MEASURE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: The raw value to sort by (dates as ISO text, so empty deadlines sort first).
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

OVERDUE_BACKGROUND = QColor("#fde2e1")
LIGHT_COLOURS = {
    TrafficLight.GREEN: QColor("#2e7d32"),
    TrafficLight.YELLOW: QColor("#b58900"),
    TrafficLight.RED: QColor("#c62828"),
}


class MeasureTableModel(RecordTableModel):
    TITLE, RESPONSIBLE, FOCUS_AREA, DEADLINE, PERIOD, STATUS, LIGHT, TARGET = range(8)

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
            self.TARGET: self.tr("Count achieved so far of the counted target"),
        }

    def row_at(self, row: int) -> MeasureStatusRow:
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            if column == self.DEADLINE:
                return row.measure.deadline.isoformat() if row.measure.deadline else ""
            return self._display(row, column)
        if role == MEASURE_ID_ROLE:
            return row.measure.id
        if role == Qt.ItemDataRole.BackgroundRole and row.overdue:
            return QBrush(OVERDUE_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.LIGHT and row.latest_light in LIGHT_COLOURS:
            return QBrush(LIGHT_COLOURS[row.latest_light])
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.TITLE:
                return "\n".join(filter(None, [row.measure.title, row.promise_text, row.measure.description]))
            if column == self.TARGET and row.measure.target_count is not None:
                return f"{row.measure.target_count} {row.measure.target_unit}"
            if row.overdue:
                return self.tr("Overdue: the deadline has passed and the measure is not done.")
        return None

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
            return self.tr("%1 (overdue)").replace("%1", text) if row.overdue else text
        if column == self.PERIOD:
            return row.latest_period or self.tr("none yet")
        if column == self.STATUS:
            return label(row.latest_status) if row.latest_status else ""
        if column == self.LIGHT:
            return label(row.latest_light) if row.latest_light else ""
        if column == self.TARGET:
            if measure.target_count is None:
                return ""
            achieved = row.latest_count if row.latest_count is not None else 0
            return self.tr("%1 of %2").replace("%1", str(achieved)).replace("%2", str(measure.target_count))
        return ""

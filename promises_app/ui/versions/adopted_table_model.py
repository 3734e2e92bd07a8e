"""The adopted follow-ups of one agreement as a table: period, version, who adopted it, when, § and dnr.

The last column says whether a period's latest version still shows the data: the page works it
out in the background (reports/adopted_document.compare_with_data) and hands it in with
``set_states``; until then it says "Checking…". An earlier version says which one replaced it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from promises_app.services.records import AdoptedReportRecord
from promises_app.ui.common.formatting import fill, format_date, format_size
from promises_app.ui.common.record_table_model import Index, RecordTableModel
from promises_app.ui.versions.revision_table_model import short_hash, stored_timestamp

if TYPE_CHECKING:  # the document engine is loaded when a comparison is made
    from promises_app.reports.adopted_document import AdoptedState

#: The row's AdoptedReportRecord.
ADOPTED_ROLE = Qt.ItemDataRole.UserRole + 1
#: The colour of "No longer matches the data".
CHANGED_COLOUR = QColor("#b71c1c")


class AdoptedTableModel(RecordTableModel[AdoptedReportRecord]):
    PERIOD, VERSION, ADOPTED_BY, DATE, PARAGRAPH, CASE, REPORT_DATE, FINGERPRINT, NOW = range(9)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        #: Each period's latest version against the data now (None: not worked out yet).
        self._states: dict[str, AdoptedState] | None = None

    def headers(self) -> list[str]:
        return [
            self.tr("Period"),
            self.tr("Version"),
            self.tr("Adopted by"),
            self.tr("Adopted on"),
            self.tr("Paragraph"),
            self.tr("Case number"),
            self.tr("Report date"),
            self.tr("Fingerprint"),
            self.tr("Compared with the data now"),
        ]

    def header_tooltips(self) -> dict[int, str]:
        return {
            self.FINGERPRINT: self.tr(
                "The first 12 characters of the SHA-256 checksum of the adopted report's content, as its "
                "footer prints it."
            ),
            self.NOW: self.tr(
                "Whether the report made from the data now would still be the one adopted. If a follow-up "
                "was corrected since, adopt the period again to publish the correction."
            ),
        }

    def set_rows(self, rows: list[AdoptedReportRecord]) -> None:
        super().set_rows(rows)
        self._states = None

    def set_states(self, states: dict[str, AdoptedState] | None) -> None:
        """The comparison with the data now, by period (None: being worked out)."""
        self._states = states
        if self._rows:
            self.dataChanged.emit(self.index(0, self.NOW), self.index(len(self._rows) - 1, self.NOW))

    def rows(self) -> list[AdoptedReportRecord]:
        return list(self._rows)

    def record_at(self, row: int) -> AdoptedReportRecord:
        return self._rows[row]

    def row_of(self, period: str, version: int) -> int:
        return next((i for i, r in enumerate(self._rows) if (r.period, r.report_version) == (period, version)), -1)

    def state_of(self, record: AdoptedReportRecord) -> AdoptedState | None:
        if self._states is None or not record.latest:
            return None
        return self._states.get(record.period)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(record, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(record, column)
        if role == ADOPTED_ROLE:
            return record
        if role == Qt.ItemDataRole.ForegroundRole and column == self.NOW:
            state = self.state_of(record)
            return CHANGED_COLOUR if state is not None and state.matches is False else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.VERSION:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _display(self, record: AdoptedReportRecord, column: int) -> str:
        values = {
            self.PERIOD: record.period,
            self.VERSION: str(record.report_version),
            self.ADOPTED_BY: record.adopted_by,
            self.DATE: format_date(record.adopted_on),
            self.PARAGRAPH: record.paragraph,
            self.CASE: record.case_number,
            self.REPORT_DATE: format_date(record.report_date),
            self.FINGERPRINT: short_hash(record.content_sha256),
        }
        if column in values:
            return values[column]
        if column == self.NOW:
            return self.comparison_text(record)
        return ""

    def comparison_text(self, record: AdoptedReportRecord) -> str:
        if not record.latest:
            later = max((r.report_version for r in self._rows if r.period == record.period), default=0)
            return fill(self.tr("Replaced by version %1"), later)
        if self._states is None:
            return self.tr("Checking…")
        state = self._states.get(record.period)
        if state is None or state.matches is None:
            return self.tr("Cannot be compared")
        if state.matches:
            return self.tr("Matches the data")
        return self.tr("Changed since adoption: adopt again")

    def _tooltip(self, record: AdoptedReportRecord, column: int) -> str | None:
        if column == self.FINGERPRINT:
            return "\n\n".join([
                fill(self.tr("Fingerprint of the adopted content, SHA-256:\n%1"), record.content_sha256),
                fill(self.tr("Checksum of the PDF kept at the adoption, SHA-256 (%1):\n%2"),
                     format_size(record.pdf_size), record.pdf_sha256),
                fill(self.tr("Recorded %1 by %2"), stored_timestamp(record.recorded_at), record.recorded_by),
            ])
        if column == self.NOW:
            state = self.state_of(record)
            if state is None:
                return None
            if state.matches is None:
                return state.problem
            if state.matches is False:
                return "\n".join([self.tr("What the report made now says differently:"), *state.differences])
        return None

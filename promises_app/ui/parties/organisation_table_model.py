"""The register of organisations as a table (name, kind, short name)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from promises_app.services.records import OrganisationRecord
from promises_app.ui.common.labels import label
from promises_app.ui.common.record_table_model import Index, RecordTableModel

ORGANISATION_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class OrganisationTableModel(RecordTableModel[OrganisationRecord]):
    NAME, KIND, SHORT_NAME = range(3)

    def record_at(self, row: int) -> OrganisationRecord:
        return self._rows[row]

    def row_of(self, organisation_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == organisation_id), -1)

    def headers(self) -> list[str]:
        return [self.tr("Name"), self.tr("Kind"), self.tr("Short name")]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return [record.name, label(record.kind), record.short_name][index.column()]
        if role == ORGANISATION_ID_ROLE:
            return record.id
        return None

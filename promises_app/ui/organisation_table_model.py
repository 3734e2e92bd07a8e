"""The register of organisations as a table (name, kind, short name)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from promises_app.services.records import OrganisationRecord
from promises_app.ui.labels import label

ORGANISATION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class OrganisationTableModel(QAbstractTableModel):
    NAME, KIND, SHORT_NAME = range(3)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[OrganisationRecord] = []

    def set_rows(self, rows: list[OrganisationRecord]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def record_at(self, row: int) -> OrganisationRecord:
        return self._rows[row]

    def row_of(self, organisation_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == organisation_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [self.tr("Name"), self.tr("Kind"), self.tr("Short name")][section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return [record.name, label(record.kind), record.short_name][index.column()]
        if role == ORGANISATION_ID_ROLE:
            return record.id
        return None

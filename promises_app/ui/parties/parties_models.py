"""The item models of the "Parter och undertecknare" page and of the register's people.

An agreement's parties in signing order (with who signs for each), one party's signatories in
order, the people of the register, and an agreement's goals while its form is open. Each is a
plain :class:`RecordTableModel` of frozen service records (the goals: of plain strings).
"""

from __future__ import annotations

from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt

from promises_app.services.records import PartyRecord, PersonRecord, SignatoryRecord
from promises_app.ui.common.labels import label
from promises_app.ui.common.record_table_model import Index, RecordTableModel

#: The id of the row's record (an int), on every column.
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class _HasId(Protocol):
    @property
    def id(self) -> int: ...


_R = TypeVar("_R", bound=_HasId)


class _Records(RecordTableModel[_R]):
    """Rows of records with an ``id``: found by row or by id."""

    def record_at(self, row: int) -> _R:
        return self._rows[row]

    def records(self) -> list[_R]:
        return list(self._rows)

    def row_of(self, record_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == record_id), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.display(record, index.column())
        if role == ID_ROLE:
            return record.id
        return None

    def display(self, record: _R, column: int) -> str:
        raise NotImplementedError


def signatories_in_order(party: PartyRecord) -> list[SignatoryRecord]:
    return sorted(party.signatories, key=lambda s: s.position)


class PartyTableModel(_Records[PartyRecord]):
    """The agreement's parties in signing order: the organisation, its kind, who signs for it."""

    NUMBER, ORGANISATION, KIND, SIGNATORIES = range(4)

    def set_rows(self, rows: list[PartyRecord]) -> None:
        super().set_rows(sorted(rows, key=lambda p: p.position))

    def headers(self) -> list[str]:
        return [self.tr("No."), self.tr("Party"), self.tr("Kind"), self.tr("Signatories")]

    def record_at(self, row: int) -> PartyRecord:
        return self._rows[row]

    def display(self, record: PartyRecord, column: int) -> str:
        if column == self.NUMBER:
            return str(record.position + 1)
        if column == self.ORGANISATION:
            return record.organisation_name
        if column == self.KIND:
            return label(record.organisation_kind)
        return ", ".join(s.name for s in signatories_in_order(record))


class SignatoryTableModel(_Records[SignatoryRecord]):
    """Who signs for one party, in order: name and title."""

    NAME, TITLE = range(2)

    def set_rows(self, rows: list[SignatoryRecord]) -> None:
        super().set_rows(sorted(rows, key=lambda s: s.position))

    def headers(self) -> list[str]:
        return [self.tr("Name"), self.tr("Title")]

    def record_at(self, row: int) -> SignatoryRecord:
        return self._rows[row]

    def display(self, record: SignatoryRecord, column: int) -> str:
        return record.name if column == self.NAME else record.title


class PersonTableModel(_Records[PersonRecord]):
    """The people of the register: name, title, organisation, e-mail and phone."""

    NAME, TITLE, ORGANISATION, EMAIL, PHONE = range(5)

    def headers(self) -> list[str]:
        return [self.tr("Name"), self.tr("Title"), self.tr("Organisation"), self.tr("E-mail"), self.tr("Phone")]

    def record_at(self, row: int) -> PersonRecord:
        return self._rows[row]

    def display(self, record: PersonRecord, column: int) -> str:
        return [record.name, record.title, record.organisation_name, record.email, record.phone][column]


class GoalListModel(QAbstractListModel):
    """The goals (övergripande mål) being edited in the agreement form: texts in order, editable in place."""

    def __init__(self, goals: list[str] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._goals: list[str] = list(goals or [])

    def goals(self) -> list[str]:
        return list(self._goals)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's name
        return 0 if parent.isValid() else len(self._goals)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole):
            return self._goals[index.row()]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.isValid() else base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        self._goals[index.row()] = str(value)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
        return True

    def append(self, text: str) -> int:
        row = len(self._goals)
        self.beginInsertRows(QModelIndex(), row, row)
        self._goals.append(text)
        self.endInsertRows()
        return row

    def remove(self, row: int) -> None:
        if 0 <= row < len(self._goals):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._goals[row]
            self.endRemoveRows()

    def move(self, row: int, step: int) -> int:
        """Move the goal at ``row`` by ``step`` (−1 up, +1 down); its new row (unchanged at an end)."""
        target = row + step
        if not (0 <= row < len(self._goals) and 0 <= target < len(self._goals)):
            return row
        # beginMoveRows wants the row *before which* the moved row lands.
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), target + 1 if step > 0 else target)
        self._goals.insert(target, self._goals.pop(row))
        self.endMoveRows()
        return target

"""What changed since the last signed revision, field by field: Vad / Fält / Före / Efter.

The cells show a long text (a situation description, a measure's description) shortened to
one line; the tooltip has all of it, so the table stays scannable and nothing is lost.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtGui import Qt as GuiQt

from promises_app.domain.snapshot_diff import ChangeKind, Difference
from promises_app.ui.common.record_table_model import Index, RecordTableModel
from promises_app.ui.versions.change_labels import field_label, what_changed

#: The row's Difference (entity, entity_id, field, old, new as the domain gives them).
DIFFERENCE_ROLE = Qt.ItemDataRole.UserRole + 1
#: Characters a cell shows before it is shortened with "…".
CELL_TEXT_LIMIT = 90
ADDED_BACKGROUND = QColor("#e6f4ea")
REMOVED_BACKGROUND = QColor("#fde2e1")


def shorten(text: str, limit: int = CELL_TEXT_LIMIT) -> str:
    """``text`` on one line, cut at a word with "…" when longer than ``limit``."""
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    cut = line[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,.;:") + "…"


def tooltip_text(text: str) -> str:
    """Plain text for a tooltip; a long one as rich text, so Qt wraps it instead of one endless line."""
    if len(text) <= CELL_TEXT_LIMIT and "\n" not in text:
        return text
    return GuiQt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpacePre if "\n" in text
                                      else Qt.WhiteSpaceMode.WhiteSpaceNormal)


class ChangesTableModel(RecordTableModel[Difference]):
    WHAT, FIELD, BEFORE, AFTER = range(4)

    def headers(self) -> list[str]:
        return [self.tr("What"), self.tr("Field"), self.tr("Before"), self.tr("After")]

    def difference_at(self, row: int) -> Difference:
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        difference = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return shorten(self.full_text(difference, index.column()))
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self.full_text(difference, index.column())
            return tooltip_text(text) if text else None
        if role == DIFFERENCE_ROLE:
            return difference
        if role == Qt.ItemDataRole.BackgroundRole:
            if difference.change is ChangeKind.ADDED:
                return QBrush(ADDED_BACKGROUND)
            if difference.change is ChangeKind.REMOVED:
                return QBrush(REMOVED_BACKGROUND)
        return None

    def full_text(self, difference: Difference, column: int) -> str:
        """The cell's whole text (the display shortens it)."""
        if column == self.WHAT:
            return what_changed(difference)
        if column == self.FIELD:
            return field_label(difference.entity, difference.field)
        if column == self.BEFORE:
            return difference.old
        if column == self.AFTER:
            return difference.new
        return ""

"""Typing into the follow-up grid: the editors of the period's status, light, count and comment.

Keyboard first, as in a spreadsheet: F2 or any typed letter starts editing the cell, Enter saves
and moves down to the same column of the next measure, Tab saves and moves right, Esc leaves the
cell as it was. The status and the light are picked by typing the start of the word ("gen" →
Genomförd), with no timer to beat; the count is a spin box, the comment a text field (Shift+Enter
for a new line). The delegate only reads the cell and hands what was typed to ``commit`` (the
page): every save is one service call and one undo step there.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QComboBox,
    QPlainTextEdit,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from promises_app.domain.enums import FollowUpStatus, TrafficLight
from promises_app.services.records import FollowUpRecord
from promises_app.ui.common.labels import label
from promises_app.ui.followup.followup_editor import light_icon
from promises_app.ui.followup.followup_grid_model import FIELD_ROLE, FOLLOW_UP_ROLE

Index = QModelIndex | QPersistentModelIndex
#: commit(index, field, value): the page saves one typed value (value None: "no count").
Commit = Callable[[QModelIndex, str, object], None]

#: The largest count the spin box takes, and its value for "no count" (shown as a dash).
COUNT_MAX = 999_999
NO_COUNT = -1
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class PrefixComboBox(QComboBox):
    """A choice picked by typing the start of its word: "g", "ge", "gen" → Genomförd.

    What was typed is kept until the editor closes (not for a moment, as QComboBox's own search),
    so a slow typist gets the same choice; a letter that fits nothing starts the word again.
    Backspace takes back the last letter; the arrow keys step through the choices as usual.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.typed = ""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        text = event.text()
        modified = event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        if event.key() == Qt.Key.Key_Backspace and self.typed:
            self.typed = self.typed[:-1]
            self.pick(self.typed)
            event.accept()
            return
        if text and text.isprintable() and not modified and (text != " " or self.typed):
            wanted = self.typed + text
            if not self.pick(wanted):
                wanted = text
                self.pick(wanted)
            self.typed = wanted
            event.accept()
            return
        super().keyPressEvent(event)

    def pick(self, typed: str) -> bool:
        """Make the first choice whose word starts with ``typed`` current; False if none does."""
        folded = typed.casefold()
        if not folded:
            return False
        for row in range(self.count()):
            if self.itemText(row).casefold().startswith(folded):
                self.setCurrentIndex(row)
                return True
        return False


class FollowUpDelegate(QStyledItemDelegate):
    """The editors of the cells the grid says are typed into (``FIELD_ROLE``)."""

    #: Enter saved a cell: the page moves down to the next measure, same column.
    enterPressed = Signal()  # noqa: N815 - Qt's naming of signals
    #: Tab (True) or Shift+Tab (False) saved a cell: the page moves right (left) along the row.
    tabPressed = Signal(bool)  # noqa: N815 - Qt's naming of signals

    def __init__(self, commit: Commit, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._commit = commit
        #: What the next editor opened starts with instead of the cell's value: what the person typed
        #: before a conflict they cancelled (the page sets it and opens the cell again).
        self.typed_again: tuple[str, object] | None = None

    # --- the editors ------------------------------------------------------------------------------
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:  # noqa: N802
        field = index.data(FIELD_ROLE)
        editor: QWidget
        if field == "status":
            combo = PrefixComboBox(parent)
            for status in FollowUpStatus:
                combo.addItem(label(status), status.value)
            combo.setAccessibleName(self.tr("Status"))
            editor = combo
        elif field == "light":
            combo = PrefixComboBox(parent)
            for light in TrafficLight:
                combo.addItem(light_icon(light), label(light), light.value)
            combo.setAccessibleName(self.tr("Traffic light"))
            editor = combo
        elif field == "count_achieved":
            spin = QSpinBox(parent)
            spin.setRange(NO_COUNT, COUNT_MAX)
            spin.setSpecialValueText("–")  # below 0: no count recorded
            spin.setAccessibleName(self.tr("Achieved (count)"))
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            editor = spin
        elif field == "comment":
            text = QPlainTextEdit(parent)
            text.setAccessibleName(self.tr("Comment"))
            text.setToolTip(self.tr("Enter saves, Shift+Enter starts a new line, Esc leaves it as it was"))
            text.setTabChangesFocus(True)
            editor = text
        else:
            return super().createEditor(parent, option, index)
        editor.setProperty("follow_up_field", field)
        editor.setAutoFillBackground(True)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802 - Qt's name
        follow_up: FollowUpRecord | None = index.data(FOLLOW_UP_ROLE)
        field = editor.property("follow_up_field")
        again, self.typed_again = self.typed_again, None
        if again is not None and again[0] == field:
            self._put_typed(editor, again[1])
            return
        if isinstance(editor, PrefixComboBox):
            value = None
            if follow_up is not None:
                value = follow_up.status.value if field == "status" else follow_up.light.value
            editor.setCurrentIndex(editor.findData(value) if value is not None else -1)
            editor.typed = ""
        elif isinstance(editor, QSpinBox):
            count = follow_up.count_achieved if follow_up is not None else None
            editor.setValue(NO_COUNT if count is None else count)
            editor.selectAll()  # a typed number replaces it
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText(follow_up.comment if follow_up is not None else "")
            editor.selectAll()
        else:
            super().setEditorData(editor, index)

    @staticmethod
    def _put_typed(editor: QWidget, value: object) -> None:
        """An editor holding ``value`` as typed (not the cell's saved value)."""
        if isinstance(editor, PrefixComboBox):
            editor.setCurrentIndex(editor.findData(value))
            editor.typed = ""
        elif isinstance(editor, QSpinBox):
            editor.setValue(NO_COUNT if not isinstance(value, int) else value)
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText(str(value or ""))
            editor.moveCursor(QTextCursor.MoveOperation.End)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:  # noqa: N802
        field = editor.property("follow_up_field")
        value: object
        if isinstance(editor, PrefixComboBox):
            if editor.currentIndex() < 0:
                return  # nothing picked
            value = editor.currentData()
        elif isinstance(editor, QSpinBox):
            editor.interpretText()
            value = None if editor.value() == NO_COUNT else editor.value()
        elif isinstance(editor, QPlainTextEdit):
            value = editor.toPlainText()
        else:
            super().setModelData(editor, model, index)
            return
        plain = index if isinstance(index, QModelIndex) else model.index(index.row(), index.column(), index.parent())
        self._commit(plain, str(field), value)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: Index) -> None:  # noqa: N802
        super().updateEditorGeometry(editor, option, index)
        if isinstance(editor, QPlainTextEdit):
            # Room for a few lines and a sentence: the cell alone is one short line.
            rect = editor.geometry()
            metrics = editor.fontMetrics()
            rect.setHeight(max(rect.height(), 4 * metrics.lineSpacing()))
            rect.setWidth(max(rect.width(), 28 * metrics.horizontalAdvance("M")))
            viewport = editor.parentWidget()
            if viewport is not None and rect.right() > viewport.width():
                rect.moveRight(viewport.width() - 1)
            editor.setGeometry(rect)

    # --- the keys -----------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Enter saves and moves down (Shift+Enter is a new line in the comment); Tab saves and moves
        right, Shift+Tab left."""
        editor = watched if isinstance(watched, QWidget) else None
        if editor is not None and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            shifted = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            if key in ENTER_KEYS and not (shifted and isinstance(editor, QPlainTextEdit)):
                self.commitData.emit(editor)
                self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
                self.enterPressed.emit()
                return True
            if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                # (a tree view's "next item" is the row below: the page moves along the row itself)
                self.commitData.emit(editor)
                self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
                self.tabPressed.emit(key == Qt.Key.Key_Tab and not shifted)
                return True
        return super().eventFilter(watched, event)

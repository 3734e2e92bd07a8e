"""Focus areas (fokusområden): the form for one, and the small list to add, rename, delete and reorder.

Every change is an undo command on the window's stack (plan_commands.py); the list reads the
focus areas again whenever the stack changes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from promises_app.domain.errors import AppError
from promises_app.services import Services
from promises_app.services.base import FieldValues
from promises_app.services.records import FocusAreaRecord
from promises_app.ui.common.forms import RecordForm, note_label, plain_text_edit
from promises_app.ui.common.operations import report_error, run_command
from promises_app.ui.common.undo_commands import Refs, Report
from promises_app.ui.plan.occurrence_dialog import widgets_alive
from promises_app.ui.plan.plan_commands import (
    CreateFocusAreaCommand,
    DeleteFocusAreaCommand,
    MoveFocusAreaCommand,
    UpdateFocusAreaCommand,
)


class FocusAreaForm(RecordForm):
    """A focus area: a place ("Hagalund"), a group ("Ungdomar i riskzonen") or a theme ("Trafik")."""

    def __init__(self, save: Callable[[FieldValues], Any], initial: FocusAreaRecord | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(save, parent)
        self.setWindowTitle(self.tr("Change focus area") if initial else self.tr("New focus area"))
        self.name_edit = QLineEdit(initial.name if initial else "")
        self.name_edit.setPlaceholderText(self.tr("e.g. Hagalund, Young people at risk, Traffic"))
        self.description_edit = plain_text_edit(initial.description if initial else "")
        self.add_field("name", self.tr("&Name:"), self.name_edit)
        self.add_field("description", self.tr("&Description:"), self.description_edit)

    def values(self) -> FieldValues:
        return {"name": self.name_edit.text(), "description": self.description_edit.toPlainText()}


class FocusAreaListDialog(QDialog):
    """The agreement's focus areas in order, with buttons to add, change, delete and move them."""

    def __init__(self, services: Services, undo_stack: QUndoStack, refs: Refs, agreement_id: int, *,
                 locked: bool = False, report: Report | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.undo_stack = undo_stack
        self.refs = refs
        self.agreement_id = agreement_id
        self.locked = locked
        self._report = report
        self.records: list[FocusAreaRecord] = []
        self.setWindowTitle(self.tr("Focus areas"))
        self.setMinimumWidth(460)

        self.list_widget = QListWidget()
        self.list_widget.setAccessibleName(self.tr("Focus areas of the agreement"))
        self.list_widget.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.list_widget.itemActivated.connect(lambda _item: self.edit_area())
        self.add_button = QPushButton(self.tr("&New…"))
        self.add_button.setAccessibleName(self.tr("New focus area"))
        self.edit_button = QPushButton(self.tr("&Rename…"))
        self.edit_button.setAccessibleName(self.tr("Rename focus area"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.delete_button.setAccessibleName(self.tr("Delete focus area"))
        self.up_button = QPushButton(self.tr("Move &up"))
        self.down_button = QPushButton(self.tr("Move do&wn"))
        self.add_button.clicked.connect(self.add_area)
        self.edit_button.clicked.connect(self.edit_area)
        self.delete_button.clicked.connect(self.delete_area)
        self.up_button.clicked.connect(lambda: self.move_area(-1))
        self.down_button.clicked.connect(lambda: self.move_area(1))
        QShortcut(QKeySequence("Del"), self.list_widget, self.delete_area,
                  context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence("Alt+Up"), self.list_widget, lambda: self.move_area(-1),
                  context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence("Alt+Down"), self.list_widget, lambda: self.move_area(1),
                  context=Qt.ShortcutContext.WidgetShortcut)

        buttons = QVBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list_widget, 1)
        row.addLayout(buttons)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if locked:
            layout.addWidget(note_label(self.tr(
                "The agreement is signed: its focus areas cannot be changed. Start a new revision to change them."
            )))
        layout.addLayout(row)
        layout.addWidget(note_label(self.tr(
            "Deleting a focus area leaves its measures without one; undo gives it back to them."
        )))
        layout.addWidget(close)
        undo_stack.indexChanged.connect(self._stack_changed)
        self.finished.connect(lambda _result: self._detach())
        self.refresh()

    def _detach(self) -> None:
        try:
            self.undo_stack.indexChanged.disconnect(self._stack_changed)
        except (RuntimeError, TypeError):  # already detached
            pass

    def _stack_changed(self, _index: int) -> None:
        if widgets_alive(self):
            self.refresh()

    def refresh(self) -> None:
        keep = self.selected()
        try:
            self.records = self.services.plan.list_focus_areas(self.agreement_id)
        except AppError as error:
            self.records = []
            QMessageBox.warning(self, self.tr("Focus areas"), str(error))
        self.list_widget.clear()
        for record in self.records:
            item = QListWidgetItem(record.name)
            item.setToolTip(record.description or record.name)
            self.list_widget.addItem(item)
        if keep is not None:
            self.select(keep.id)
        elif self.records:
            self.list_widget.setCurrentRow(0)
        self._update_buttons()

    def select(self, focus_area_id: int) -> None:
        row = next((i for i, r in enumerate(self.records) if r.id == focus_area_id), -1)
        if row >= 0:
            self.list_widget.setCurrentRow(row)

    def selected(self) -> FocusAreaRecord | None:
        row = self.list_widget.currentRow()
        return self.records[row] if 0 <= row < len(self.records) else None

    def _update_buttons(self) -> None:
        record = self.selected()
        editable = not self.locked
        self.add_button.setEnabled(editable)
        for button in (self.edit_button, self.delete_button):
            button.setEnabled(editable and record is not None)
        self.up_button.setEnabled(editable and record is not None and record.position > 0)
        self.down_button.setEnabled(editable and record is not None and record.position < len(self.records) - 1)

    def add_area(self) -> FocusAreaForm | None:
        if self.locked:
            return None
        agreement_id = self.agreement_id
        form = FocusAreaForm(lambda values: self.services.plan.create_focus_area(agreement_id, **values), parent=self)

        def created() -> None:
            self.undo_stack.push(CreateFocusAreaCommand(self.services, self.refs, form.saved, self._report))
            self.select(form.saved.id)

        form.accepted.connect(created)
        form.open()
        return form

    def edit_area(self) -> FocusAreaForm | None:
        before = self.selected()
        if before is None or self.locked:
            return None
        form = FocusAreaForm(
            lambda values: self.services.plan.update_focus_area(before.id, expected_version=before.version, **values),
            initial=before, parent=self,
        )
        form.accepted.connect(lambda: self.undo_stack.push(
            UpdateFocusAreaCommand(self.services, self.refs, before, form.saved, self._report)
        ))
        form.open()
        return form

    def delete_area(self) -> bool:
        record = self.selected()
        if record is None or self.locked:
            return False
        return self._do_then_push(DeleteFocusAreaCommand(self.services, self.refs, record, self._report))

    def move_area(self, step: int) -> bool:
        record = self.selected()
        if record is None or self.locked or not 0 <= record.position + step < len(self.records):
            return False
        done = self._do_then_push(
            MoveFocusAreaCommand(self.services, self.refs, record, record.position + step, self._report)
        )
        if done:
            self.select(record.id)
        return done

    def _do_then_push(self, command: Any) -> bool:
        def refused(error: AppError) -> None:
            report_error(self, self.tr("Focus areas"), error)
            self.refresh()

        return run_command(self.undo_stack, command, parent=self, title=self.tr("Focus areas"), on_error=refused)

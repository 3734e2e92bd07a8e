"""The occurrence log of a counted measure ("fyra trygghetsvandringar"): each time it was carried out.

The log is not part of the signed document (storage/signed_guard.py), so it can be kept up also
after signing. Each added, changed or deleted occurrence is one undo command on the window's stack.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from promises_app.domain.counts import is_walk_unit
from promises_app.domain.errors import AppError
from promises_app.services import Services
from promises_app.services.base import FieldValues
from promises_app.services.records import MeasureRecord, OccurrenceRecord
from promises_app.ui.common.count_words import count_line
from promises_app.ui.common.date_input import DateInput, read_dates
from promises_app.ui.common.formatting import fill, format_date
from promises_app.ui.common.forms import RecordForm, plain_text_edit
from promises_app.ui.common.undo_commands import Refs, Report
from promises_app.ui.plan.plan_commands import (
    AddOccurrenceCommand,
    DeleteOccurrenceCommand,
    UpdateOccurrenceCommand,
)


def widgets_alive(widget: QWidget) -> bool:
    """Whether ``widget`` and every widget it holds still exist.

    The window's undo stack outlives the pages and dialogs that listen to it: while they are
    being torn down (children first) a late signal must not reach half-deleted widgets.
    """
    return isValid(widget) and all(
        isValid(value) for value in vars(widget).values() if isinstance(value, QObject)
    )


class OccurrenceForm(RecordForm):
    """One occurrence: when, where, and a note (how many took part, what came of it)."""

    def __init__(self, save: Callable[[FieldValues], Any], initial: OccurrenceRecord | None = None,
                 today: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(save, parent)
        self.setWindowTitle(self.tr("Change occurrence") if initial else self.tr("Log an occurrence"))
        self.date_edit = DateInput(initial.occurred_on if initial else (today or date.today()))
        self.place_edit = QLineEdit(initial.place if initial else "")
        self.place_edit.setPlaceholderText(self.tr("e.g. Hagalund centre"))
        self.note_edit = plain_text_edit(initial.note if initial else "")
        self.note_edit.setPlaceholderText(self.tr("e.g. 14 took part; two dark paths reported"))
        self.add_field("occurred_on", self.tr("&Date:"), self.date_edit)
        self.add_field("place", self.tr("&Place:"), self.place_edit)
        self.add_field("note", self.tr("&Note:"), self.note_edit)

    def values(self) -> FieldValues:
        return {
            **read_dates({"occurred_on": self.date_edit}),
            "place": self.place_edit.text(),
            "note": self.note_edit.toPlainText(),
        }


class OccurrenceLog(QWidget):
    """The log of one measure: a list with buttons to log, change and delete occurrences."""

    def __init__(self, services: Services, undo_stack: QUndoStack, refs: Refs, measure: MeasureRecord, *,
                 today: Callable[[], date] = date.today, report: Report | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.undo_stack = undo_stack
        self.refs = refs
        self.measure = measure
        self._today = today
        self._report = report
        self.records: list[OccurrenceRecord] = []

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.view = QTreeWidget()
        self.view.setRootIsDecorated(False)
        self.view.setColumnCount(3)
        self.view.setHeaderLabels([self.tr("Date"), self.tr("Place"), self.tr("Note")])
        self.view.setAccessibleName(self.tr("Occurrences of the measure"))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.view.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.view.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.view.setMinimumHeight(110)
        self.view.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.view.itemActivated.connect(lambda *_: self.edit_occurrence())
        self.add_button = QPushButton(self.tr("Log &occurrence…"))
        self.edit_button = QPushButton(self.tr("C&hange…"))
        self.edit_button.setAccessibleName(self.tr("Change occurrence"))
        self.delete_button = QPushButton(self.tr("De&lete"))
        self.delete_button.setAccessibleName(self.tr("Delete occurrence"))
        self.add_button.clicked.connect(self.add_occurrence)
        self.edit_button.clicked.connect(self.edit_occurrence)
        self.delete_button.clicked.connect(self.delete_occurrence)
        QShortcut(QKeySequence("Del"), self.view, self.delete_occurrence, context=Qt.ShortcutContext.WidgetShortcut)
        row = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        undo_stack.indexChanged.connect(self._stack_changed)
        self.refresh()

    def detach(self) -> None:
        """Stop following the stack (the dialog holding the log is closing)."""
        try:
            self.undo_stack.indexChanged.disconnect(self._stack_changed)
        except (RuntimeError, TypeError):
            pass

    def _stack_changed(self, _index: int) -> None:
        if widgets_alive(self):
            self.refresh()

    def refresh(self) -> None:
        keep = self.selected()
        measure_id = self.refs.of("measure", self.measure.id).id
        try:
            self.records = self.services.plan.list_occurrences(measure_id)
        except AppError:
            self.records = []
        self.view.clear()
        for record in self.records:
            item = QTreeWidgetItem([format_date(record.occurred_on), record.place, " ".join(record.note.split())])
            item.setToolTip(2, record.note)
            self.view.addTopLevelItem(item)
        target = self.measure.target_count
        lines = [fill(self.tr("Logged: %1"), len(self.records))]
        if target:
            # The count every view shows, by the one rule (domain/counts.py): what is logged in a
            # period wins over the figure typed in its follow-up.
            try:
                rows = self.services.follow_ups.measure_states([measure_id], today=self._today()).status_rows
            except AppError:
                rows = ()
            counted = count_line(rows[0].count if rows else None, target, self.measure.target_unit)
            if counted:
                lines[0] = fill(self.tr("%1 · %2"), lines[0], counted)
            if is_walk_unit(self.measure.target_unit):
                lines.append(self.tr("Safety walks held for the agreement count as occurrences too, when this is "
                                     "its only measure counting safety walks."))
        self.summary.setText("\n".join(lines))
        if keep is not None:
            self.select(keep.id)
        self._update_buttons()

    def select(self, occurrence_id: int) -> None:
        row = next((i for i, r in enumerate(self.records) if r.id == occurrence_id), -1)
        item = self.view.topLevelItem(row) if row >= 0 else None
        if item is not None:
            self.view.setCurrentItem(item)

    def selected(self) -> OccurrenceRecord | None:
        item = self.view.currentItem()
        if item is None:
            return None
        row = self.view.indexOfTopLevelItem(item)
        return self.records[row] if 0 <= row < len(self.records) else None

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def add_occurrence(self) -> OccurrenceForm:
        ref = self.refs.of("measure", self.measure.id)
        form = OccurrenceForm(lambda values: self.services.plan.add_occurrence(ref.id, **values),
                              today=self._today(), parent=self)

        def logged() -> None:
            self.undo_stack.push(AddOccurrenceCommand(self.services, self.refs, form.saved, self._report))
            self.select(form.saved.id)

        form.accepted.connect(logged)
        form.open()
        return form

    def edit_occurrence(self) -> OccurrenceForm | None:
        before = self.selected()
        if before is None:
            return None
        form = OccurrenceForm(
            lambda values: self.services.plan.update_occurrence(before.id, expected_version=before.version, **values),
            initial=before, parent=self,
        )
        form.accepted.connect(lambda: self.undo_stack.push(
            UpdateOccurrenceCommand(self.services, self.refs, before, form.saved, self._report)
        ))
        form.open()
        return form

    def delete_occurrence(self) -> bool:
        record = self.selected()
        if record is None:
            return False
        command = DeleteOccurrenceCommand(self.services, self.refs, record, self._report)
        try:
            command.apply()
        except AppError as error:
            QMessageBox.warning(self, self.tr("Delete occurrence"), str(error))
            self.refresh()
            return False
        self.undo_stack.push(command)
        return True


class OccurrenceLogDialog(QDialog):
    """The log of one measure on its own (from the Plan page, also after signing)."""

    def __init__(self, services: Services, undo_stack: QUndoStack, refs: Refs, measure: MeasureRecord, *,
                 today: Callable[[], date] = date.today, report: Report | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(fill(self.tr("Occurrences: %1"), measure.title))
        self.setMinimumSize(560, 340)
        self.log = OccurrenceLog(services, undo_stack, refs, measure, today=today, report=report)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.log, 1)
        layout.addWidget(close)
        self.finished.connect(lambda _result: self.log.detach())

"""People in the register: the form for one person, and the list of people (the register's second tab).

The form is a :class:`~promises_app.ui.situation.indicator_dialogs.RecordForm`: ``save(values)`` does the
user action, a refused save shows its message at the field and keeps what was typed. Adding,
changing and deleting a person are undo commands on the window's one QUndoStack.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from promises_app.domain.errors import AppError
from promises_app.services import Services
from promises_app.services.base import FieldValues
from promises_app.services.errors import ValidationError
from promises_app.services.records import OrganisationRecord, PersonRecord
from promises_app.ui.common.forms import RecordForm, error_label
from promises_app.ui.parties.agreement_commands import CreatePersonCommand, DeletePersonCommand, UpdatePersonCommand
from promises_app.ui.parties.parties_models import PersonTableModel

Report = Callable[[str], None]


class PersonForm(RecordForm):
    """A person: name, title (role), organisation, e-mail and phone."""

    def __init__(
        self,
        save: Callable[[FieldValues], Any],
        organisations: list[OrganisationRecord],
        initial: PersonRecord | None = None,
        *,
        organisation_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(save, parent)
        self.setWindowTitle(self.tr("Change person") if initial else self.tr("New person"))
        self.name_edit = QLineEdit(initial.name if initial else "")
        self.title_edit = QLineEdit(initial.title if initial else "")
        self.title_edit.setPlaceholderText(self.tr("e.g. Chair of the municipal executive board"))
        self.organisation_combo = QComboBox()
        self.organisation_combo.addItem(self.tr("(no organisation)"), None)
        for organisation in organisations:
            self.organisation_combo.addItem(organisation.name, organisation.id)
        chosen = initial.organisation_id if initial else organisation_id
        self.organisation_combo.setCurrentIndex(max(0, self.organisation_combo.findData(chosen)))
        self.email_edit = QLineEdit(initial.email if initial else "")
        self.phone_edit = QLineEdit(initial.phone if initial else "")
        self.add_field("name", self.tr("&Name:"), self.name_edit)
        self.add_field("title", self.tr("&Title:"), self.title_edit)
        self.add_field("organisation_id", self.tr("&Organisation:"), self.organisation_combo)
        self.add_field("email", self.tr("&E-mail:"), self.email_edit)
        self.add_field("phone", self.tr("&Phone:"), self.phone_edit)

    def values(self) -> FieldValues:
        return {
            "name": self.name_edit.text(),
            "title": self.title_edit.text(),
            "organisation_id": self.organisation_combo.currentData(),
            "email": self.email_edit.text(),
            "phone": self.phone_edit.text(),
        }


def new_person_form(services: Services, parent: QWidget, *, organisation_id: int | None = None) -> PersonForm:
    """The form for a new person (not shown yet); on save the person is in the register."""
    return PersonForm(lambda values: services.register.create_person(**values),
                      services.register.list_organisations(), organisation_id=organisation_id, parent=parent)


class PeoplePanel(QWidget):
    """The people of the register: the list, and adding, changing or deleting one (each undoable).

    Whoever shows the panel calls ``refresh()`` when the undo stack changes (the register dialog does).
    """

    def __init__(self, services: Services, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.undo_stack = undo_stack
        self.model = PersonTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setAccessibleName(self.tr("People"))
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(PersonTableModel.NAME, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTabKeyNavigation(False)
        self.view.verticalHeader().setVisible(False)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PersonTableModel.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(self.view.fontMetrics().horizontalAdvance("M") * 6)
        self.view.doubleClicked.connect(lambda _index: self.edit_selected())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

        self.message = error_label()
        self.add_button = QPushButton(self.tr("New &person…"))
        self.edit_button = QPushButton(self.tr("C&hange person…"))
        self.delete_button = QPushButton(self.tr("&Delete person"))
        for button in (self.add_button, self.edit_button, self.delete_button):
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        delete = QAction(self.tr("Delete person"), self.view)
        delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(lambda _checked=False: self.delete_selected())
        self.view.addAction(delete)

        row = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addLayout(row)
        self.refresh()

    def _report(self, message: str) -> None:
        self.show_message(message)
        self.refresh()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def refresh(self) -> None:
        keep = self.selected()
        try:
            self.model.set_rows(self.services.register.list_people())
        except AppError as error:
            self.show_message(str(error))
        if keep is not None:
            self.select_person(keep.id)
        self._update_buttons()

    def select_person(self, person_id: int) -> None:
        row = self.model.row_of(person_id)
        if row >= 0:
            self.view.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())

    def selected(self) -> PersonRecord | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.record_at(self.proxy.mapToSource(rows[0]).row()) if rows else None

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def add(self) -> PersonForm:
        """Open the form for a new person (window-modal, not blocking)."""
        form = new_person_form(self.services, self)

        def created() -> None:
            self.undo_stack.push(CreatePersonCommand(self.services, form.saved, self._report))
            self.select_person(form.saved.id)

        form.accepted.connect(created)
        form.open()
        return form

    def edit_selected(self) -> PersonForm | None:
        before = self.selected()
        if before is None:
            return None
        form = PersonForm(
            lambda values: self.services.register.update_person(before.id, expected_version=before.version, **values),
            self.services.register.list_organisations(), initial=before, parent=self,
        )
        form.accepted.connect(lambda: self.undo_stack.push(
            UpdatePersonCommand(self.services, before, form.saved, self._report)
        ))
        form.open()
        return form

    def delete_selected(self) -> bool:
        """Delete the selected person (undoable); a signatory or contact person is refused, and said why."""
        record = self.selected()
        if record is None:
            return False
        self.show_message("")
        command = DeletePersonCommand(self.services, record, self._report)
        try:
            command.apply()
        except ValidationError as error:
            self.show_message("\n".join(e.message for e in error.errors))
            return False
        except AppError as error:
            self.show_message(str(error))
            return False
        self.undo_stack.push(command)
        return True


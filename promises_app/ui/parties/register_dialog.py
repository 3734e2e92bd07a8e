"""The register: organisations and (second tab) people; the lists, and adding or changing one (each edit undoable)."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from promises_app.services import Services
from promises_app.ui.common.undo_commands import CreateOrganisationCommand, UpdateOrganisationCommand
from promises_app.ui.parties.organisation_form import OrganisationForm
from promises_app.ui.parties.organisation_table_model import OrganisationTableModel
from promises_app.ui.parties.person_dialog import PeoplePanel


class RegisterDialog(QDialog):
    def __init__(self, services: Services, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.undo_stack = undo_stack
        self.setWindowTitle(self.tr("Organisations"))
        self.resize(1040, 500)
        self.model = OrganisationTableModel(self)
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.model)
        self.proxy = proxy
        self.view = QTableView()
        self.view.setModel(proxy)
        self.view.setAccessibleName(self.tr("Organisations"))
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(OrganisationTableModel.NAME, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.doubleClicked.connect(lambda _index: self.edit_selected())

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.add_button = QPushButton(self.tr("&New organisation…"))
        self.edit_button = QPushButton(self.tr("&Change…"))
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        buttons.rejected.connect(self.reject)
        organisations_tab = QWidget()
        organisations_layout = QVBoxLayout(organisations_tab)
        organisations_layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.edit_button)
        row.addStretch(1)
        organisations_layout.addLayout(row)
        # The people of the register, on a second tab (person_dialog.py).
        self.people = PeoplePanel(services, undo_stack)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Register"))
        self.tabs.addTab(organisations_tab, self.tr("&Organisations"))
        self.tabs.addTab(self.people, self.tr("&People"))
        self.tabs.currentChanged.connect(self._tab_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        # The window's undo and redo work here too (the dialog is modal over the window).
        undo = undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcuts(QKeySequence.StandardKey.Undo)
        redo = undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.addActions([undo, redo])
        undo_stack.indexChanged.connect(self.refresh)
        self.refresh()

    def _tab_changed(self, index: int) -> None:
        self.setWindowTitle(self.tr("People") if self.tabs.widget(index) is self.people else self.tr("Organisations"))

    def show_people(self) -> PeoplePanel:
        """Turn to the people of the register."""
        self.tabs.setCurrentWidget(self.people)
        return self.people

    def _report(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Organisations"), message)

    def refresh(self) -> None:
        self.model.set_rows(self.services.register.list_organisations())
        self.people.refresh()

    def add(self) -> OrganisationForm:
        """Open the form for a new organisation (window-modal, not blocking)."""
        form = OrganisationForm(lambda values: self.services.register.create_organisation(**values), parent=self)

        def created() -> None:
            assert form.saved is not None
            self.undo_stack.push(CreateOrganisationCommand(self.services, form.saved, self._report))
            self.refresh()

        form.accepted.connect(created)
        form.open()
        return form

    def edit_selected(self) -> OrganisationForm | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        before = self.model.record_at(self.proxy.mapToSource(index).row())
        form = OrganisationForm(
            lambda values: self.services.register.update_organisation(
                before.id, expected_version=before.version, **values
            ),
            initial=before,
            parent=self,
        )

        def changed() -> None:
            assert form.saved is not None
            self.undo_stack.push(UpdateOrganisationCommand(self.services, before, form.saved, self._report))
            self.refresh()

        form.accepted.connect(changed)
        form.open()
        return form

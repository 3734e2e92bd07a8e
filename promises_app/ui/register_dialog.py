"""The register of organisations: the list, and adding or changing one (each edit undoable)."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from promises_app.services import Services
from promises_app.ui.organisation_form import OrganisationForm
from promises_app.ui.organisation_table_model import OrganisationTableModel
from promises_app.ui.undo_commands import CreateOrganisationCommand, UpdateOrganisationCommand


class RegisterDialog(QDialog):
    def __init__(self, services: Services, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.undo_stack = undo_stack
        self.setWindowTitle(self.tr("Organisations"))
        self.resize(640, 420)
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
        buttons.addButton(self.add_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.edit_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        # The window's undo and redo work here too (the dialog is modal over the window).
        undo = undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcuts(QKeySequence.StandardKey.Undo)
        redo = undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.addActions([undo, redo])
        undo_stack.indexChanged.connect(self.refresh)
        self.refresh()

    def _report(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Organisations"), message)

    def refresh(self) -> None:
        self.model.set_rows(self.services.register.list_organisations())

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

"""The register: organisations and (second tab) people; the lists, and adding or changing one (each edit undoable)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, QStandardPaths, Qt
from PySide6.QtGui import QKeySequence, QPixmap, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from promises_app import os_errors
from promises_app.domain.errors import AppError
from promises_app.input_files import read_at_most
from promises_app.services import Services
from promises_app.services.logos import MAX_FILE_BYTES
from promises_app.services.records import OrganisationRecord
from promises_app.ui.common.connections import connect_while_alive
from promises_app.ui.common.formatting import fill
from promises_app.ui.common.undo_commands import (
    CreateOrganisationCommand,
    SetLogoCommand,
    UpdateOrganisationCommand,
)
from promises_app.ui.parties.organisation_form import OrganisationForm
from promises_app.ui.parties.organisation_table_model import OrganisationTableModel
from promises_app.ui.parties.person_dialog import PeoplePanel

#: The height of the selected organisation's logo beside its buttons.
LOGO_PREVIEW_HEIGHT = 32


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
        # The logo printed in the header of every document (docs/accessibility.md).
        self.logo_button = QPushButton(self.tr("&Logo…"))
        self.logo_button.setAccessibleName(self.tr("Choose the organisation's logo"))
        self.remove_logo_button = QPushButton(self.tr("&Remove logo"))
        self.logo_button.clicked.connect(lambda: self.choose_logo())
        self.remove_logo_button.clicked.connect(self.remove_logo)
        self.logo_label = QLabel()
        self.logo_label.setFixedHeight(LOGO_PREVIEW_HEIGHT)
        self.logo_label.setAccessibleName(self.tr("The organisation's logo"))
        self._logo_folder = ""
        buttons.rejected.connect(self.reject)
        organisations_tab = QWidget()
        organisations_layout = QVBoxLayout(organisations_tab)
        organisations_layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.edit_button)
        row.addSpacing(16)
        row.addWidget(self.logo_button)
        row.addWidget(self.remove_logo_button)
        row.addWidget(self.logo_label)
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
        # Until the dialog closes: the window's stack outlives it (and it used to refresh, and fail,
        # as the window was taken down).
        connect_while_alive(self, undo_stack, undo_stack.indexChanged, self._stack_changed)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_logo())
        self.refresh()

    def _tab_changed(self, index: int) -> None:
        self.setWindowTitle(self.tr("People") if self.tabs.widget(index) is self.people else self.tr("Organisations"))

    def show_people(self) -> PeoplePanel:
        """Turn to the people of the register."""
        self.tabs.setCurrentWidget(self.people)
        return self.people

    def _report(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Organisations"), message)

    def _stack_changed(self, _index: int) -> None:
        self.refresh()

    def refresh(self) -> None:
        selected = self._selected()
        self.model.set_rows(self.services.register.list_organisations())
        if selected is not None and (row := self.model.row_of(selected.id)) >= 0:  # the same one stays selected
            self.view.setCurrentIndex(self.proxy.mapFromSource(self.model.index(row, 0)))
        self.people.refresh()
        self._show_logo()

    def _selected(self) -> OrganisationRecord | None:
        index = self.view.currentIndex()
        return self.model.record_at(self.proxy.mapToSource(index).row()) if index.isValid() else None

    def _show_logo(self) -> None:
        """The selected organisation's logo beside its buttons (none: the buttons say what can be done)."""
        selected = self._selected()
        png = self.services.logos.get_logo(selected.id) if selected is not None else None
        pixmap = QPixmap()
        if png is not None and pixmap.loadFromData(png):
            smooth = Qt.TransformationMode.SmoothTransformation
            self.logo_label.setPixmap(pixmap.scaledToHeight(LOGO_PREVIEW_HEIGHT, smooth))
        else:
            self.logo_label.clear()
        self.logo_button.setEnabled(selected is not None)
        self.remove_logo_button.setEnabled(png is not None)

    def choose_logo(self, path: Path | None = None) -> bool:
        """Ask for a picture (or take ``path``) and make it the selected organisation's logo (undoable)."""
        selected = self._selected()
        if selected is None:
            return False
        title = self.tr("Logo")
        if path is None:
            folder = self._logo_folder or QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.PicturesLocation) or str(Path.home())
            chosen, _filter = QFileDialog.getOpenFileName(
                self, fill(self.tr("Logo of %1"), selected.name), folder,
                self.tr("Pictures (*.png *.jpg *.jpeg *.gif *.bmp *.webp)"),
            )
            if not chosen:
                return False
            path = Path(chosen)
            self._logo_folder = str(path.parent)
        try:
            data = read_at_most(path, MAX_FILE_BYTES)
        except OSError as error:
            QMessageBox.warning(self, title, fill(self.tr("%1 could not be read: %2"), path, os_errors.reason(error)))
            return False
        before = self.services.logos.get_logo(selected.id)
        try:  # checked and re-encoded by the service; a refused picture stores nothing
            self.services.logos.set_logo(selected.id, data, expected_version=selected.version)
        except AppError as error:
            QMessageBox.warning(self, title, str(error))
            return False
        after = self.services.logos.get_logo(selected.id)
        self.undo_stack.push(SetLogoCommand(self.services, selected, before, after, self._report))
        self.refresh()
        return True

    def remove_logo(self) -> bool:
        selected = self._selected()
        before = self.services.logos.get_logo(selected.id) if selected is not None else None
        if selected is None or before is None:
            return False
        try:
            self.services.logos.remove_logo(selected.id, expected_version=selected.version)
        except AppError as error:
            QMessageBox.warning(self, self.tr("Logo"), str(error))
            return False
        self.undo_stack.push(SetLogoCommand(self.services, selected, before, None, self._report))
        self.refresh()
        return True

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

"""The "Parter och undertecknare" page: the agreement's details, its parties and who signs for each.

- the agreement: a summary (kind, period, reporting periods, state) and its details form
  (agreement_dialog.py);
- the parties, in signing order: add one from the organisation register, remove, move up or down;
- the selected party's signatories, in order: add a person of that organisation from the
  register, or make a new person on the spot; remove, move up or down.

Every edit is an undo command on the window's one QUndoStack (agreement_commands.py); the page
reads everything again whenever the stack changes, so undo and redo anywhere show up here. A
signed or closed agreement's parties cannot change (the services refuse): the page says so and
its edit buttons are off; a refusal that still happens is shown in the notice at the top.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from itertools import pairwise
from typing import Any

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from promises_app.domain.changes import Changes
from promises_app.domain.enums import AgreementState
from promises_app.domain.errors import AppError
from promises_app.services import Services
from promises_app.services.base import FieldValues
from promises_app.services.errors import (
    FieldError,
    ValidationError,
)
from promises_app.services.records import AgreementRecord, PartyRecord, SignatoryRecord
from promises_app.ui.common.formatting import fill, format_date
from promises_app.ui.common.forms import RecordForm
from promises_app.ui.common.labels import label
from promises_app.ui.common.operations import run_command
from promises_app.ui.common.page_changes import behind_other_tab, follow_changes
from promises_app.ui.common.page_parts import (
    NOTICE_STYLE,
    action_button,
    arrow_button,
    button_row,
    notice_label,
    page_action,
    record_table,
)
from promises_app.ui.common.undo_commands import CreateOrganisationCommand
from promises_app.ui.common.write_access import WriteAccess
from promises_app.ui.parties.agreement_commands import (
    AddPartyCommand,
    AddSignatoryCommand,
    CreatePersonCommand,
    MovePartyCommand,
    MoveSignatoryCommand,
    RemovePartyCommand,
    RemoveSignatoryCommand,
)
from promises_app.ui.parties.agreement_dialog import AgreementDialog
from promises_app.ui.parties.organisation_form import OrganisationForm
from promises_app.ui.parties.parties_models import PartyTableModel, SignatoryTableModel, signatories_in_order
from promises_app.ui.parties.person_dialog import PersonForm, new_person_form
from promises_app.ui.parties.register_dialog import RegisterDialog

REFUSAL_STYLE = "background: #fdecea; border: 1px solid #e0a39c; border-radius: 3px; padding: 4px; color: #8c1d18;"


#: What the page shows: a change to any other table leaves it as it is.
PARTIES_TABLES = ("agreements", "parties", "signatories", "organisations", "people")


#: The data of a chooser's last entry, "Ny organisation…" or "Ny person…".
NEW_ENTRY = -1


class ChoiceForm(RecordForm):
    """Choose one thing from a list (an organisation to add as a party, a person to sign), or,
    with ``new_entry``, make a new one right here: choosing that entry (or Add while it is
    chosen) calls ``on_new``, which opens the form for it."""

    def __init__(self, save: Callable[[FieldValues], Any], title: str, caption: str, field: str,
                 choices: list[tuple[str, int]], parent: QWidget | None = None, *,
                 new_entry: str = "", on_new: Callable[[], object] | None = None) -> None:
        super().__init__(save, parent)
        self.setWindowTitle(title)
        self._field = field
        self._on_new = on_new
        self._new_form: QWidget | None = None
        self.unsaved.enabled = False  # a choice is no typed work: Esc just closes
        self.combo = QComboBox()
        for text, value in choices:
            self.combo.addItem(text, value)
        if new_entry:
            if choices:
                self.combo.insertSeparator(self.combo.count())
            self.combo.addItem(new_entry, NEW_ENTRY)
            self.combo.activated.connect(lambda _index: self._new_chosen())
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(30)
        self.add_field(field, caption, self.combo)
        self.save_button.setText(self.tr("&Add"))

    def _new_chosen(self) -> None:
        """Open the form for a new one (once: choosing the entry and then Add opens no second)."""
        if self._new_form is not None and shiboken6.isValid(self._new_form) and self._new_form.isVisible():
            return
        if self.combo.currentData() == NEW_ENTRY and self._on_new is not None:
            made = self._on_new()
            self._new_form = made if isinstance(made, QWidget) else None

    def back_to_first(self) -> None:
        """The new thing was not made: show the first choice again."""
        if self.combo.currentData() == NEW_ENTRY and self.combo.count() > 1:
            self.combo.setCurrentIndex(0)

    def try_save(self) -> None:
        if self.combo.currentData() == NEW_ENTRY:
            self._new_chosen()
            return
        super().try_save()

    def values(self) -> FieldValues:
        if self.combo.currentData() is None:
            raise ValidationError([FieldError(self._field, self.tr("Nothing to choose."))])
        return {self._field: self.combo.currentData()}


class PartiesPage(QWidget):
    def __init__(
        self,
        services: Services,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.undo_stack = undo_stack
        self._today = today
        self.agreement_id: int | None = None
        self.agreement: AgreementRecord | None = None
        self.people_dialog: RegisterDialog | None = None
        self.new_organisation_form: OrganisationForm | None = None

        self.notice_label = notice_label()
        self.summary_label = QLabel()
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary_label.setAccessibleName(self.tr("The agreement"))

        self.party_model = PartyTableModel(self)
        self.party_view = record_table(self.party_model, self.tr("Parties of the agreement"))
        header = self.party_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PartyTableModel.SIGNATORIES, QHeaderView.ResizeMode.Stretch)
        self.party_view.selectionModel().selectionChanged.connect(lambda *_: self._party_selected())

        self.signatory_model = SignatoryTableModel(self)
        self.signatory_view = record_table(self.signatory_model, self.tr("Signatories of the selected party"))
        header = self.signatory_view.horizontalHeader()
        header.setSectionResizeMode(SignatoryTableModel.NAME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SignatoryTableModel.TITLE, QHeaderView.ResizeMode.Stretch)
        self.signatory_view.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())

        self._build_actions()
        self.write_access = WriteAccess(self, edits=[
            self.add_party_action, self.remove_party_action, self.party_up_action, self.party_down_action,
            self.add_signatory_action, self.new_person_action, self.remove_signatory_action,
            self.signatory_up_action, self.signatory_down_action,
        ])
        self.details_button = action_button(self.details_action)
        self.people_button = action_button(self.people_action)
        self.add_party_button = action_button(self.add_party_action)
        self.remove_party_button = action_button(self.remove_party_action, self.tr("Remove"))
        self.party_up_button = arrow_button(self.party_up_action, Qt.ArrowType.UpArrow)
        self.party_down_button = arrow_button(self.party_down_action, Qt.ArrowType.DownArrow)
        self.add_signatory_button = action_button(self.add_signatory_action)
        self.new_person_button = action_button(self.new_person_action)
        self.remove_signatory_button = action_button(self.remove_signatory_action, self.tr("Remove"))
        self.signatory_up_button = arrow_button(self.signatory_up_action, Qt.ArrowType.UpArrow)
        self.signatory_down_button = arrow_button(self.signatory_down_action, Qt.ArrowType.DownArrow)

        self.agreement_box = QGroupBox(self.tr("The agreement"))
        agreement_layout = QHBoxLayout(self.agreement_box)
        agreement_layout.addWidget(self.summary_label, 1)
        agreement_layout.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignTop)

        self.parties_box = QGroupBox(self.tr("Parties, in signing order"))
        parties_layout = QVBoxLayout(self.parties_box)
        parties_layout.addWidget(self.party_view, 1)
        parties_layout.addLayout(button_row(self.add_party_button, self.remove_party_button,
                                           self.party_up_button, self.party_down_button))

        self.signatories_box = QGroupBox(self.tr("Signatories"))
        signatories_layout = QVBoxLayout(self.signatories_box)
        signatories_layout.addWidget(self.signatory_view, 1)
        signatories_layout.addLayout(button_row(self.add_signatory_button, self.new_person_button,
                                               self.remove_signatory_button, self.signatory_up_button,
                                               self.signatory_down_button))
        signatories_layout.addLayout(button_row(after=(self.people_button,)))

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.parties_box)
        self.splitter.addWidget(self.signatories_box)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.agreement_box)
        layout.addWidget(self.splitter, 1)

        chain: list[QWidget] = [
            self.details_button, self.party_view, self.add_party_button, self.remove_party_button,
            self.party_up_button, self.party_down_button, self.signatory_view, self.add_signatory_button,
            self.new_person_button, self.remove_signatory_button, self.signatory_up_button,
            self.signatory_down_button, self.people_button,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

        follow_changes(undo_stack, self, self.apply_changes)
        self.refresh()

    # --- building -----------------------------------------------------------------------------


    def _build_actions(self) -> None:
        action = partial(page_action, self)

        self.details_action = action(
            self.tr("Agreement &details…"),
            self.tr("Kind, title, dates, reporting periods, goals and the texts of the agreement"),
            self.edit_details)  # the window's Agreement menu has it (Ctrl+Alt+D)
        self.people_action = action(
            self.tr("Register of p&eople…"), self.tr("Every person in the register: add, change or delete"),
            self.open_people)
        self.add_party_action = action(
            self.tr("Add &party…"), self.tr("Add an organisation from the register, or a new one, as a party"),
            self.add_party, "Ctrl+Alt+L")
        self.remove_party_action = action(
            self.tr("&Remove party"), self.tr("Remove the selected party and its signatories"),
            self.remove_party, "Del", self.party_view)
        self.party_up_action = action(
            self.tr("Move party &up"), self.tr("Move the selected party up"), lambda: self.move_party(-1),
            "Alt+Up", self.party_view)
        self.party_down_action = action(
            self.tr("Move party do&wn"), self.tr("Move the selected party down"), lambda: self.move_party(1),
            "Alt+Down", self.party_view)
        self.add_signatory_action = action(
            self.tr("Add &signatory…"),
            self.tr("Add a person of the selected party's organisation as a signatory"),
            self.add_signatory, "Ctrl+Shift+U")
        self.new_person_action = action(
            self.tr("&New person as signatory…"),
            self.tr("Add a new person to the register and let them sign for the selected party"),
            self.new_person_signatory, "Ctrl+Shift+J")
        self.remove_signatory_action = action(
            self.tr("Remove si&gnatory"), self.tr("Remove the selected signatory"), self.remove_signatory,
            "Del", self.signatory_view)
        self.signatory_up_action = action(
            self.tr("Move signatory u&p"), self.tr("Move the selected signatory up"),
            lambda: self.move_signatory(-1), "Alt+Up", self.signatory_view)
        self.signatory_down_action = action(
            self.tr("Move signatory dow&n"), self.tr("Move the selected signatory down"),
            lambda: self.move_signatory(1), "Alt+Down", self.signatory_view)

    def actions_for_menu(self) -> list[QAction | None]:
        """The page's main actions for the window's menu (None: a separator)."""
        # Not the details (the window's own "Agreement details…" stands above them) nor the people
        # (Register → People…): a menu lists each thing once (tests/ui/test_keys.py).
        return [self.add_party_action, self.remove_party_action, None,
                self.add_signatory_action, self.new_person_action, self.remove_signatory_action]




    def is_locked(self) -> bool:
        return self.agreement is not None and self.agreement.state is not AgreementState.DRAFT

    def _update_actions(self) -> None:
        editable = self.agreement is not None and not self.is_locked()
        party = self.selected_party()
        signatory = self.selected_signatory()
        parties = self.party_model.rowCount()
        signatories = self.signatory_model.rowCount()
        self.details_action.setEnabled(self.agreement is not None)
        self.people_action.setEnabled(True)
        self.add_party_action.setEnabled(editable)
        self.remove_party_action.setEnabled(editable and party is not None)
        self.party_up_action.setEnabled(editable and party is not None and party.position > 0)
        self.party_down_action.setEnabled(editable and party is not None and party.position < parties - 1)
        self.add_signatory_action.setEnabled(editable and party is not None)
        self.new_person_action.setEnabled(editable and party is not None)
        self.remove_signatory_action.setEnabled(editable and signatory is not None)
        row = self.signatory_model.row_of(signatory.id) if signatory is not None else -1
        self.signatory_up_action.setEnabled(editable and row > 0)
        self.signatory_down_action.setEnabled(editable and 0 <= row < signatories - 1)

    # --- showing ------------------------------------------------------------------------------
    def set_services(self, services: Services) -> None:
        """The window opened the database again (after a restore): forget what was shown."""
        self.services = services
        self.agreement_id = None
        self.agreement = None
        self.party_model.set_rows([])
        self.signatory_model.set_rows([])
        self.show_notice("")
        self.refresh()

    def set_agreement(self, agreement_id: int | None) -> None:
        if agreement_id != self.agreement_id:
            self.agreement_id = agreement_id
            self.show_notice("")
            self.party_model.set_rows([])
            self.signatory_model.set_rows([])
        self.refresh()

    def apply_changes(self, changes: Changes) -> None:
        """After an edit, undo or redo: read again only when the parties' tables changed."""
        if self.agreement_id is not None and not behind_other_tab(self) and changes.touches(*PARTIES_TABLES):
            self.refresh()

    def refresh(self) -> None:
        """Read the agreement and its parties again; keep the selected party and signatory."""
        keep_party, keep_signatory = self.selected_party(), self.selected_signatory()
        self.agreement = None
        parties: list[PartyRecord] = []
        if self.agreement_id is not None:
            try:
                self.agreement = self.services.agreements.get_agreement(self.agreement_id)
                parties = self.services.agreements.list_parties(self.agreement_id)
            except AppError as error:
                self.agreement = None
                self.show_notice(str(error), refusal=True)
        self.party_model.set_rows(parties)
        self.summary_label.setText(self._summary())
        if self.is_locked() and not self.notice_label.text():
            assert self.agreement is not None
            self.show_notice(self.locked_text(self.agreement))
        elif not self.is_locked() and self.notice_label.property("locked"):
            self.show_notice("")
        row = self.party_model.row_of(keep_party.id) if keep_party is not None else -1
        if row < 0 and self.party_model.rowCount():
            row = 0
        if row >= 0:
            self.party_view.selectRow(row)
        else:
            self.party_view.clearSelection()
        self._party_selected(keep_signatory)

    def locked_text(self, agreement: AgreementRecord) -> str:
        return fill(
            self.tr("«%1» is %2 (revision %3): its parties and signatories cannot be changed. Start a new "
                    "revision on the Versions page to change them; the signed revision stays as it was."),
            agreement.title, label(agreement.state).lower(), agreement.revision,
        )

    def _summary(self) -> str:
        agreement = self.agreement
        if agreement is None:
            return self.tr("No agreement is chosen.")
        return "\n".join([
            agreement.title,
            fill(self.tr("%1 · %2 – %3 · reporting periods: %4 · %5, revision %6"),
                 label(agreement.kind), format_date(agreement.start_date), format_date(agreement.end_date),
                 label(agreement.reporting_scheme).lower(), label(agreement.state), agreement.revision),
        ])

    def _party_selected(self, keep_signatory: SignatoryRecord | None = None) -> None:
        party = self.selected_party()
        self.signatory_model.set_rows(list(party.signatories) if party else [])
        self.signatories_box.setTitle(
            fill(self.tr("Signatories for %1"), party.organisation_name) if party else self.tr("Signatories")
        )
        if keep_signatory is not None:
            row = self.signatory_model.row_of(keep_signatory.id)
            if row >= 0:
                self.signatory_view.selectRow(row)
        self._update_actions()

    def show_notice(self, text: str, *, refusal: bool = False) -> None:
        self.notice_label.setText(text)
        self.notice_label.setStyleSheet(REFUSAL_STYLE if refusal else NOTICE_STYLE)
        self.notice_label.setProperty("locked", bool(text) and self.is_locked() and not refusal)
        self.notice_label.setVisible(bool(text))

    def _report(self, message: str) -> None:
        """An undo or redo the services refused (the command has left the stack)."""
        self.refresh()
        self.show_notice(message, refusal=True)

    def _refused(self, error: AppError) -> None:
        """A refused action is shown as the page's notice (the form-less actions of this page)."""
        self.refresh()
        self.show_notice(error.message, refusal=True)

    def selected_party(self) -> PartyRecord | None:
        rows = self.party_view.selectionModel().selectedRows()
        return self.party_model.record_at(rows[0].row()) if rows else None

    def selected_signatory(self) -> SignatoryRecord | None:
        rows = self.signatory_view.selectionModel().selectedRows()
        return self.signatory_model.record_at(rows[0].row()) if rows else None

    def select_party(self, party_id: int) -> None:
        row = self.party_model.row_of(party_id)
        if row >= 0:
            self.party_view.selectRow(row)

    def select_signatory(self, signatory_id: int) -> None:
        row = self.signatory_model.row_of(signatory_id)
        if row >= 0:
            self.signatory_view.selectRow(row)

    def _do_then_push(self, command: Any) -> bool:
        """Carry out a command that needs no form (remove, move), then push it already done."""
        done = run_command(self.undo_stack, command, parent=self, title=self.tr("Parties and signatories"),
                           on_error=self._refused)
        if done and not self.is_locked():
            self.show_notice("")
        return done

    # --- the agreement's details ----------------------------------------------------------------
    def edit_details(self) -> AgreementDialog | None:
        """The agreement's details form (window-modal, not blocking); read-only when signed."""
        if self.agreement_id is None:
            return None
        try:
            dialog = AgreementDialog(self.services, self.undo_stack, self.agreement_id, parent=self,
                                     today=self._today, report=lambda message: self._report(message))
        except AppError as error:
            self._refused(error)
            return None
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        dialog.open()
        return dialog

    def open_people(self) -> RegisterDialog:
        """The register, turned to its people (window-modal, not blocking)."""
        # One dialog per page, kept: it follows the undo stack, so it is not deleted while the stack lives.
        if self.people_dialog is None or self.people_dialog.services is not self.services:
            self.people_dialog = RegisterDialog(self.services, self.undo_stack, self)
        self.people_dialog.refresh()
        self.people_dialog.show_people()
        self.people_dialog.open()
        return self.people_dialog

    # --- parties --------------------------------------------------------------------------------
    def add_party(self) -> ChoiceForm | None:
        """The chooser of organisations in the register, ending in "Ny organisation…"."""
        agreement_id = self.agreement_id
        if agreement_id is None or self.agreement is None:
            return None
        try:
            taken = {p.organisation_id for p in self.services.agreements.list_parties(agreement_id)}
            choices = [(o.name, o.id) for o in self.services.register.list_organisations() if o.id not in taken]
        except AppError as error:
            self._refused(error)
            return None
        form = ChoiceForm(
            lambda values: self.services.agreements.add_party(agreement_id, **values),
            self.tr("Add party"), self.tr("&Organisation:"), "organisation_id", choices, parent=self,
            new_entry=self.tr("New organisation…"), on_new=lambda: self.new_organisation_party(form),
        )
        def refused(message: str) -> None:
            form.discard()
            self._report(message)

        form.refused = refused  # type: ignore[method-assign]  # this form's refusal goes to the page

        def added() -> None:
            self.undo_stack.push(AddPartyCommand(self.services, form.saved, self._report))
            self.select_party(form.saved.id)

        form.accepted.connect(added)
        form.open()
        if not choices:  # every organisation is a party already: straight to the new one
            form._new_chosen()
        return form

    def new_organisation_party(self, chooser: ChoiceForm | None = None) -> OrganisationForm | None:
        """A new organisation in the register that becomes a party at once: one service call
        (one transaction), one undo step ("Lägg till part …") for both."""
        agreement_id = self.agreement_id
        if agreement_id is None:
            return None
        form = OrganisationForm(lambda values: self.services.agreements.add_new_party(agreement_id, **values),
                                parent=chooser or self)
        form.setWindowTitle(self.tr("New organisation as party"))

        def created() -> None:
            saved: Any = form.saved
            organisation, party = saved
            self.undo_stack.beginMacro(fill(self.tr("add party %1"), organisation.name))
            self.undo_stack.push(CreateOrganisationCommand(self.services, organisation, self._report))
            self.undo_stack.push(AddPartyCommand(self.services, party, self._report))
            self.undo_stack.endMacro()
            if chooser is not None:
                chooser.discard()
            self.select_party(party.id)

        form.accepted.connect(created)
        if chooser is not None:
            form.rejected.connect(chooser.back_to_first)
        form.open()
        self.new_organisation_form = form
        return form

    def remove_party(self) -> bool:
        record = self.selected_party()
        if record is None:
            return False
        return self._do_then_push(RemovePartyCommand(self.services, record, self._report))

    def move_party(self, step: int) -> bool:
        record = self.selected_party()
        if record is None:
            return False
        new_index = record.position + step
        if not 0 <= new_index < self.party_model.rowCount():
            return False
        done = self._do_then_push(MovePartyCommand(self.services, record, new_index, self._report))
        if done:
            self.select_party(record.id)
        return done

    # --- signatories ----------------------------------------------------------------------------
    def add_signatory(self) -> ChoiceForm | None:
        party = self.selected_party()
        if party is None:
            return None
        try:
            signing = {s.person_id for s in party.signatories}
            people = self.services.register.list_people(organisation_id=party.organisation_id)
        except AppError as error:
            self._refused(error)
            return None
        choices = [(f"{p.name}, {p.title}" if p.title else p.name, p.id) for p in people if p.id not in signing]
        if not choices:  # no one else of the organisation in the register: straight to a new person
            self.new_person_signatory()
            return None

        def save(values: FieldValues) -> SignatoryRecord:
            saved = self.services.agreements.add_signatory(party.id, **values)
            return next(s for s in saved.signatories if s.person_id == values["person_id"])

        form = ChoiceForm(save, fill(self.tr("Add signatory for %1"), party.organisation_name),
                          self.tr("&Person:"), "person_id", choices, parent=self,
                          new_entry=self.tr("New person…"), on_new=lambda: self.new_person_signatory(form))
        def refused(message: str) -> None:
            form.discard()
            self._report(message)

        form.refused = refused  # type: ignore[method-assign]  # this form's refusal goes to the page

        def added() -> None:
            self.undo_stack.push(AddSignatoryCommand(self.services, form.saved, self._report))
            self.select_signatory(form.saved.id)

        form.accepted.connect(added)
        form.open()
        return form

    def new_person_signatory(self, chooser: ChoiceForm | None = None) -> PersonForm | None:
        """A new person of the party's organisation, who signs for it: one undo step for both."""
        party = self.selected_party()
        if party is None:
            return None
        form = new_person_form(self.services, chooser or self, organisation_id=party.organisation_id)
        if chooser is not None:
            form.rejected.connect(chooser.back_to_first)
        form.setWindowTitle(fill(self.tr("New signatory for %1"), party.organisation_name))

        def created() -> None:
            person = form.saved
            self.undo_stack.beginMacro(fill(self.tr("add signatory %1"), person.name))
            self.undo_stack.push(CreatePersonCommand(self.services, person, self._report))
            try:
                saved = self.services.agreements.add_signatory(party.id, person_id=person.id)
            except AppError as error:
                self.undo_stack.endMacro()
                self._refused(error)
                return
            signatory = next(s for s in saved.signatories if s.person_id == person.id)
            self.undo_stack.push(AddSignatoryCommand(self.services, signatory, self._report))
            self.undo_stack.endMacro()
            if chooser is not None:
                chooser.discard()
            self.select_signatory(signatory.id)

        form.accepted.connect(created)
        form.open()
        return form

    def remove_signatory(self) -> bool:
        record = self.selected_signatory()
        if record is None:
            return False
        return self._do_then_push(RemoveSignatoryCommand(self.services, record, self._report))

    def move_signatory(self, step: int) -> bool:
        record = self.selected_signatory()
        party = self.selected_party()
        if record is None or party is None:
            return False
        ordered = signatories_in_order(party)
        new_index = ordered.index(next(s for s in ordered if s.id == record.id)) + step
        if not 0 <= new_index < len(ordered):
            return False
        done = self._do_then_push(MoveSignatoryCommand(self.services, record, new_index, self._report))
        if done:
            self.select_signatory(record.id)
        return done

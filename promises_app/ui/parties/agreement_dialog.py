"""The form for an agreement's own details: a new agreement, or a change to one.

Kind (medborgarlöfte or samverkansöverenskommelse), the cooperation agreement a citizen promise
lies under, title, municipality, local police area, case number, start and end dates, the
reporting scheme (kvartal, tertial …), the overarching goals (a list: add, remove, reorder, edit
in place) and the text sections of the document (inledning, lägesbild, what we will achieve,
how to follow it), each on a tab.

Saving is one service call (one transaction, goals included); a refused save shows each message
at its field (turning to its tab) and keeps everything typed. A saved change is pushed on the
window's QUndoStack: creating is undone by deleting the new agreement, a change by putting the
old details and goals back. A signed or closed agreement is shown read-only, with why.

``new_agreement(...)`` and ``edit_agreement(...)`` are what the window calls.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from itertools import pairwise

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from promises_app.domain.enums import AgreementKind, AgreementState, ReportingScheme
from promises_app.domain.errors import AppError
from promises_app.domain.place_parties import PlaceParty, missing_parties
from promises_app.services import Services
from promises_app.services.base import FieldValues
from promises_app.services.errors import (
    FieldError,
    ValidationError,
)
from promises_app.services.records import AgreementRecord, PartyRecord
from promises_app.ui.common.date_input import DateInput, read_dates
from promises_app.ui.common.formatting import fill
from promises_app.ui.common.forms import UnsavedWork, clear_errors_on_edit, error_label, note_label, save_key
from promises_app.ui.common.labels import label
from promises_app.ui.common.page_parts import NOTICE_STYLE
from promises_app.ui.common.undo_commands import CreateOrganisationCommand
from promises_app.ui.parties.agreement_commands import (
    AddPartyCommand,
    CreateAgreementCommand,
    UpdateAgreementCommand,
    details_of,
    goal_texts,
)
from promises_app.ui.parties.parties_models import GoalListModel

#: The text sections of the document, each on its own tab.
TEXT_FIELDS = ("introduction", "situation", "intended_effects", "follow_up_text")
DETAIL_TAB, GOALS_TAB = 0, 1
#: The offer to make the municipality and police area parties: right under the police area's row.
PLACE_PARTIES_ROW = 5


class GoalLineEdit(QLineEdit):
    """The line where a new goal is typed: Enter adds it (instead of saving the whole form)."""

    def __init__(self, on_enter: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._on_enter = on_enter

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._on_enter()
            event.accept()
            return
        super().keyPressEvent(event)


class AgreementDialog(QDialog):
    """A new agreement (``agreement_id`` None) or the details of an existing one.

    On a successful save ``saved`` holds the record and the undo command is on ``undo_stack``.
    """

    def __init__(
        self,
        services: Services,
        undo_stack: QUndoStack,
        agreement_id: int | None = None,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
        parent_id: int | None = None,
        report: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.undo_stack = undo_stack
        self._report = report
        self.before: AgreementRecord | None = (
            services.agreements.get_agreement(agreement_id) if agreement_id is not None else None
        )
        self.saved: AgreementRecord | None = None
        #: The parties the last save added for the municipality and police area.
        self.added_parties: tuple[PartyRecord, ...] = ()
        before = self.before
        self.setWindowTitle(
            fill(self.tr("Agreement details – %1"), before.title) if before else self.tr("New agreement")
        )
        self.setMinimumSize(720, 560)

        self.banner = error_label()
        self.notice = note_label("")
        self.notice.setStyleSheet(NOTICE_STYLE)
        self.notice.setVisible(False)
        self.field_errors: dict[str, QLabel] = {}
        self.field_widgets: dict[str, QWidget] = {}
        self.field_tabs: dict[str, int] = {}
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Parts of the agreement"))

        # --- details
        self.kind_combo = QComboBox()
        for kind in (AgreementKind.CITIZEN_PROMISE, AgreementKind.COOPERATION_AGREEMENT):
            self.kind_combo.addItem(label(kind), kind.value)
        self.parent_combo = QComboBox()
        self.parent_combo.addItem(self.tr("(none)"), None)
        for summary in services.agreements.list_agreements():
            if summary.kind is AgreementKind.COOPERATION_AGREEMENT and (before is None or summary.id != before.id):
                self.parent_combo.addItem(summary.title, summary.id)
        self.parent_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.parent_combo.setMinimumContentsLength(30)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("e.g. Solna – citizen promises 2023"))
        self.municipality_edit = QLineEdit()
        self.police_area_edit = QLineEdit()
        self.case_number_edit = QLineEdit()
        self.start_edit = DateInput()
        self.end_edit = DateInput()
        self.scheme_combo = QComboBox()
        for scheme in ReportingScheme:
            self.scheme_combo.addItem(label(scheme), scheme.value)

        details = QWidget()
        self.details_form = QFormLayout(details)
        self.details_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for field, caption, widget in (
            ("kind", self.tr("&Kind:"), self.kind_combo),
            ("parent_id", self.tr("&Under the cooperation agreement:"), self.parent_combo),
            ("title", self.tr("&Title:"), self.title_edit),
            ("municipality", self.tr("&Municipality:"), self.municipality_edit),
            ("police_area", self.tr("Local &police area:"), self.police_area_edit),
            ("case_number", self.tr("&Case number:"), self.case_number_edit),
            ("start_date", self.tr("&Start date:"), self.start_edit),
            ("end_date", self.tr("&End date:"), self.end_edit),
            ("reporting_scheme", self.tr("&Reporting periods:"), self.scheme_combo),
        ):
            self._add_row(self.details_form, field, caption, widget, DETAIL_TAB)
        self._build_place_parties(services, before)
        self.details_form.addRow(note_label(self.tr(
            "Measures are followed up once per reporting period (quarter, tertial, half-year, year "
            "or the whole period), clipped to the agreement's dates."
        )))
        self.tabs.addTab(details, self.tr("Details"))

        # --- goals
        self.goal_model = GoalListModel([], self)
        self.goal_view = QListView()
        self.goal_view.setModel(self.goal_model)
        self.goal_view.setAccessibleName(self.tr("Overarching goals"))
        self.goal_view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.goal_view.setWordWrap(True)
        self.goal_view.setSpacing(3)
        self.goal_view.setAlternatingRowColors(True)
        self.goal_view.selectionModel().selectionChanged.connect(lambda *_: self._update_goal_buttons())
        self.goal_edit = GoalLineEdit(self.add_goal)
        self.goal_edit.setAccessibleName(self.tr("New goal"))
        self.goal_edit.setPlaceholderText(self.tr("Type a goal and press Enter"))
        self.add_goal_button = QPushButton(self.tr("&Add goal"))
        self.remove_goal_button = QPushButton(self.tr("Re&move goal"))
        self.goal_up_button = self._arrow(Qt.ArrowType.UpArrow, self.tr("Move goal up (Alt+Up)"), -1)
        self.goal_down_button = self._arrow(Qt.ArrowType.DownArrow, self.tr("Move goal down (Alt+Down)"), 1)
        self.add_goal_button.clicked.connect(self.add_goal)
        self.remove_goal_button.clicked.connect(self.remove_goal)
        self.goal_error = error_label()
        self.field_errors["goals"] = self.goal_error
        self.field_widgets["goals"] = self.goal_view
        self.field_tabs["goals"] = GOALS_TAB
        goals = QWidget()
        goals_layout = QVBoxLayout(goals)
        goals_caption = QLabel(self.tr("Overarching &goals (double-click or F2 to change one):"))
        goals_caption.setBuddy(self.goal_view)
        goals_layout.addWidget(goals_caption)
        goals_layout.addWidget(self.goal_view, 1)
        goals_layout.addWidget(self.goal_error)
        new_row = QHBoxLayout()
        new_row.addWidget(self.goal_edit, 1)
        new_row.addWidget(self.add_goal_button)
        goals_layout.addLayout(new_row)
        button_row = QHBoxLayout()
        for button in (self.remove_goal_button, self.goal_up_button, self.goal_down_button):
            button_row.addWidget(button)
        button_row.addStretch(1)
        goals_layout.addLayout(button_row)
        self.tabs.addTab(goals, self.tr("Goals"))

        # --- the text sections
        self.text_edits: dict[str, QPlainTextEdit] = {}
        titles = {
            "introduction": (self.tr("Introduction"), self.tr("What the agreement is and why it is made.")),
            "situation": (self.tr("Situational picture"),
                          self.tr("The situation today: what the police, the municipality and the residents see.")),
            "intended_effects": (self.tr("What we will achieve"),
                                 self.tr("The effects the parties want to achieve together.")),
            "follow_up_text": (self.tr("Follow-up"), self.tr("How the parties follow up and tell how it goes.")),
        }
        for field in TEXT_FIELDS:
            title, hint = titles[field]
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setAccessibleName(title)
            edit.setPlaceholderText(hint)
            self.text_edits[field] = edit
            page = QWidget()
            page_layout = QVBoxLayout(page)
            page_layout.addWidget(note_label(hint))
            page_layout.addWidget(edit, 1)
            error = error_label()
            page_layout.addWidget(error)
            self.field_errors[field] = error
            self.field_widgets[field] = edit
            self.field_tabs[field] = self.tabs.addTab(page, title)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Save") if before else self.tr("&Create agreement"))
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.try_save)
        self.buttons.rejected.connect(self.reject)
        save_key(self, self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)

        chain: list[QWidget] = [
            self.tabs, self.kind_combo, self.parent_combo, self.title_edit, self.municipality_edit,
            self.police_area_edit, self.case_number_edit, self.start_edit, self.end_edit, self.scheme_combo,
            self.goal_view, self.goal_edit, self.add_goal_button, self.remove_goal_button, self.goal_up_button,
            self.goal_down_button, *self.text_edits.values(), self.save_button, self.cancel_button,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

        self._fill(before, today(), parent_id)
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.parent_combo.currentIndexChanged.connect(lambda _i: self._parent_changed())
        self._kind_changed()
        self._update_goal_buttons()
        if before is not None and before.state is not AgreementState.DRAFT:
            self._lock(before)
        self._show_place_parties()
        self.title_edit.setFocus()
        clear_errors_on_edit(self.field_widgets, self.field_errors)
        self.goal_model.dataChanged.connect(lambda *_: self._clear_goal_error())
        self.goal_model.rowsRemoved.connect(lambda *_: self._clear_goal_error())
        self.unsaved = UnsavedWork(self, self.try_save, self.discard)
        self.unsaved.remember()

    def reject(self) -> None:
        """Esc, the close button, Avbryt: ask first when something typed is not saved."""
        if self.unsaved.holds_changes():
            self.unsaved.ask()
            return
        super().reject()

    def discard(self) -> None:
        """Close without saving and without asking."""
        super().reject()

    def _clear_goal_error(self) -> None:
        self.goal_error.clear()
        self.goal_error.setVisible(False)

    # --- building -------------------------------------------------------------------------------
    def _arrow(self, arrow: Qt.ArrowType, tip: str, step: int) -> QToolButton:
        button = QToolButton()
        button.setArrowType(arrow)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        button.setShortcut("Alt+Up" if step < 0 else "Alt+Down")
        button.clicked.connect(lambda _checked=False: self.move_goal(step))
        return button

    def _add_row(self, form: QFormLayout, field: str, caption: str, widget: QWidget, tab: int) -> None:
        error = error_label()
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(error)
        caption_label = QLabel(caption)
        caption_label.setBuddy(widget)
        form.addRow(caption_label, column)
        widget.setAccessibleName(caption.replace("&", "").rstrip(":"))
        self.field_errors[field] = error
        self.field_widgets[field] = widget
        self.field_tabs[field] = tab

    def _fill(self, record: AgreementRecord | None, today: date, parent_id: int | None) -> None:
        if record is None:
            start, end = date(today.year, 1, 1), date(today.year, 12, 31)
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(AgreementKind.CITIZEN_PROMISE.value))
            self.scheme_combo.setCurrentIndex(self.scheme_combo.findData(ReportingScheme.TERTIAL.value))
            self.parent_combo.setCurrentIndex(max(0, self.parent_combo.findData(parent_id)))
            self.start_edit.setDate(start)
            self.end_edit.setDate(end)
            if parent_id is not None:
                self._parent_changed()
            return
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(record.kind.value))
        self.parent_combo.setCurrentIndex(max(0, self.parent_combo.findData(record.parent_id)))
        self.title_edit.setText(record.title)
        self.title_edit.setCursorPosition(0)
        self.municipality_edit.setText(record.municipality)
        self.police_area_edit.setText(record.police_area)
        self.case_number_edit.setText(record.case_number)
        self.start_edit.setDate(record.start_date)
        self.end_edit.setDate(record.end_date)
        self.scheme_combo.setCurrentIndex(self.scheme_combo.findData(record.reporting_scheme.value))
        for field, edit in self.text_edits.items():
            edit.setPlainText(getattr(record, field))
        for text in goal_texts(record):
            self.goal_model.append(text)

    def _lock(self, record: AgreementRecord) -> None:
        """A signed or closed agreement: shown, not changed (the services would refuse anyway)."""
        self.show_notice(fill(
            self.tr("«%1» is %2 (revision %3): its details cannot be changed. Start a new revision on the "
                    "Versions page to change them; the signed revision stays as it was."),
            record.title, label(record.state).lower(), record.revision,
        ))
        texts: tuple[QLineEdit | QPlainTextEdit, ...] = (
            self.title_edit, self.municipality_edit, self.police_area_edit, self.case_number_edit,
            self.goal_edit, *self.text_edits.values(),
        )
        for text in texts:
            text.setReadOnly(True)
        for widget in (self.kind_combo, self.parent_combo, self.start_edit, self.end_edit, self.scheme_combo,
                       self.add_goal_button, self.remove_goal_button, self.goal_up_button, self.goal_down_button):
            widget.setEnabled(False)
        self.goal_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.save_button.setEnabled(False)
        self.cancel_button.setText(self.tr("Close"))

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    # --- the municipality and the police area as parties ---------------------------------------
    def _build_place_parties(self, services: Services, before: AgreementRecord | None) -> None:
        """The offer under the two fields: "Lägg till som parter när du sparar" with who that is."""
        self._register = [(o.id, o.name, o.kind) for o in services.register.list_organisations()]
        self._parties = ([(p.organisation_name, p.organisation_kind) for p in
                          services.agreements.list_parties(before.id)] if before is not None else [])
        self.place_parties_box = QCheckBox(self.tr("Make them p&arties when saving"))
        self.place_parties_box.setChecked(True)
        self.place_parties_note = note_label("")
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(self.place_parties_box)
        column.addWidget(self.place_parties_note)
        self.place_parties_row = QWidget()
        self.place_parties_row.setLayout(column)
        column.setContentsMargins(0, 0, 0, 0)
        self.details_form.insertRow(PLACE_PARTIES_ROW, "", self.place_parties_row)
        for edit in (self.municipality_edit, self.police_area_edit):
            edit.textChanged.connect(lambda _text: self._show_place_parties())

    def place_parties(self) -> list[PlaceParty]:
        """The parties the municipality and police area call for that the agreement lacks."""
        return missing_parties(self.municipality_edit.text(), self.police_area_edit.text(), self._parties,
                               self._register)

    def _show_place_parties(self) -> None:
        missing = self.place_parties()
        new_one = self.tr("%1 (new in the register)")
        names = [fill(new_one, p.name) if p.organisation_id is None else p.name for p in missing] or [""]
        text = names[0] if len(names) <= 1 else fill(self.tr("%1 and %2"), ", ".join(names[:-1]), names[-1])
        template = (self.tr("%1 will be a party of the agreement.") if len(missing) == 1
                    else self.tr("%1 will be parties of the agreement."))
        self.place_parties_note.setText(fill(template, text) if missing else "")
        self.place_parties_row.setVisible(bool(missing) and not self.title_edit.isReadOnly())

    # --- kind and parent ------------------------------------------------------------------------
    def _kind_changed(self) -> None:
        promise = self.kind_combo.currentData() == AgreementKind.CITIZEN_PROMISE.value
        locked = self.before is not None and self.before.state is not AgreementState.DRAFT
        self.parent_combo.setEnabled(promise and not locked)
        if not promise:
            self.parent_combo.setCurrentIndex(0)

    def _parent_changed(self) -> None:
        """A new citizen promise under a cooperation agreement takes its municipality and police area."""
        parent_id = self.parent_combo.currentData()
        if parent_id is None or self.before is not None:
            return
        try:
            parent = self.services.agreements.get_agreement(parent_id)
        except AppError:
            return
        if not self.municipality_edit.text().strip():
            self.municipality_edit.setText(parent.municipality)
        if not self.police_area_edit.text().strip():
            self.police_area_edit.setText(parent.police_area)

    # --- goals ------------------------------------------------------------------------------------
    def _goal_row(self) -> int:
        index = self.goal_view.currentIndex()
        return index.row() if index.isValid() and self.goal_view.selectionModel().hasSelection() else -1

    def _update_goal_buttons(self) -> None:
        if self.before is not None and self.before.state is not AgreementState.DRAFT:
            return
        row = self._goal_row()
        self.remove_goal_button.setEnabled(row >= 0)
        self.goal_up_button.setEnabled(row > 0)
        self.goal_down_button.setEnabled(0 <= row < self.goal_model.rowCount() - 1)

    def _select_goal(self, row: int) -> None:
        if 0 <= row < self.goal_model.rowCount():
            self.goal_view.setCurrentIndex(self.goal_model.index(row, 0))
        self._update_goal_buttons()

    def add_goal(self) -> None:
        """Add what is typed in the new-goal line as the last goal."""
        text = self.goal_edit.text()
        if not text.strip() or self.goal_edit.isReadOnly():
            return
        row = self.goal_model.append(text.strip())
        self.goal_edit.clear()
        self._select_goal(row)
        self.goal_edit.setFocus()

    def remove_goal(self) -> None:
        row = self._goal_row()
        if row < 0:
            return
        self.goal_model.remove(row)
        self._select_goal(min(row, self.goal_model.rowCount() - 1))

    def move_goal(self, step: int) -> None:
        row = self._goal_row()
        if row < 0:
            return
        self._select_goal(self.goal_model.move(row, step))

    def goals(self) -> list[str]:
        return self.goal_model.goals()

    # --- saving -----------------------------------------------------------------------------------
    def values(self) -> FieldValues:
        """What the form holds; a typed date that is no date is a ValidationError at its field."""
        dates = read_dates({"start_date": self.start_edit, "end_date": self.end_edit})
        values: FieldValues = {
            "kind": self.kind_combo.currentData(),
            "parent_id": self.parent_combo.currentData()
            if self.kind_combo.currentData() == AgreementKind.CITIZEN_PROMISE.value else None,
            "title": self.title_edit.text(),
            "municipality": self.municipality_edit.text(),
            "police_area": self.police_area_edit.text(),
            "case_number": self.case_number_edit.text(),
            "start_date": dates["start_date"],
            "end_date": dates["end_date"],
            "reporting_scheme": self.scheme_combo.currentData(),
        }
        for field, edit in self.text_edits.items():
            values[field] = edit.toPlainText()
        return values

    def clear_errors(self) -> None:
        for error in {id(e): e for e in [self.banner, *self.field_errors.values()]}.values():
            error.clear()
            error.setVisible(False)

    def show_errors(self, errors: tuple[FieldError, ...] | list[FieldError]) -> None:
        first: str | None = None
        for field_error in errors:
            field = "goals" if field_error.field.startswith("goals[") else field_error.field
            target = self.field_errors.get(field, self.banner)
            target.setText("\n".join(filter(None, [target.text(), field_error.message])))
            target.setVisible(True)
            if first is None and field in self.field_widgets:
                first = field
                if field == "goals":
                    self._select_goal(int(field_error.field[len("goals["):-1]))
        if first is not None:
            self.tabs.setCurrentIndex(self.field_tabs[first])
            self.field_widgets[first].setFocus()

    def try_save(self) -> None:
        """Save through the services; on success push the undo command and close, else say why and stay."""
        self.clear_errors()
        goals = self.goals()
        place_parties = not self.place_parties_row.isHidden() and self.place_parties_box.isChecked()
        try:
            values = self.values()
            saved, added = self.services.agreements.save_details(
                None if self.before is None else self.before.id,
                expected_version=None if self.before is None else self.before.version,
                goals=goals, place_parties=place_parties, **values,
            )
        except ValidationError as error:
            self.show_errors(error.errors)
            return
        except AppError as error:
            self.banner.setText(str(error))
            self.banner.setVisible(True)
            return
        self.saved = saved
        self.added_parties = added.parties
        # One save, one undo step: the agreement, and the parties its places made (with new organisations).
        macro = bool(added.parties)
        if macro:
            self.undo_stack.beginMacro(
                fill(self.tr("%1 with the parties %2"), saved.title, ", ".join(p.organisation_name
                                                                                for p in added.parties)))
        if self.before is None:
            self.undo_stack.push(CreateAgreementCommand(self.services, saved, self._report))
        elif details_of(self.before) != details_of(saved):
            self.undo_stack.push(UpdateAgreementCommand(self.services, self.before, saved, self._report))
        for organisation in added.organisations:
            self.undo_stack.push(CreateOrganisationCommand(self.services, organisation, self._report))
        for party in added.parties:
            self.undo_stack.push(AddPartyCommand(self.services, party, self._report))
        if macro:
            self.undo_stack.endMacro()
        self.accept()


def _warn(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.warning(parent, title, message)


def new_agreement(
    parent: QWidget | None,
    services: Services,
    undo_stack: QUndoStack,
    *,
    today: Callable[[], date] = date.today,
    parent_id: int | None = None,
) -> int | None:
    """Ask for a new agreement (modal); its id once created (undoable), or None if cancelled."""
    title = QCoreApplication.translate("AgreementDialog", "New agreement")

    def report(message: str) -> None:
        _warn(parent, title, message)

    dialog = AgreementDialog(services, undo_stack, parent=parent, today=today, parent_id=parent_id, report=report)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    return dialog.saved.id if accepted and dialog.saved is not None else None


def edit_agreement(parent: QWidget | None, services: Services, undo_stack: QUndoStack, agreement_id: int) -> bool:
    """Show the agreement's details for change (modal); True if a change was saved (undoable)."""
    title = QCoreApplication.translate("AgreementDialog", "Agreement details")
    try:
        dialog = AgreementDialog(services, undo_stack, agreement_id, parent=parent,
                                 report=lambda message: _warn(parent, title, message))
    except AppError as error:
        _warn(parent, title, str(error))
        return False
    return dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved is not None

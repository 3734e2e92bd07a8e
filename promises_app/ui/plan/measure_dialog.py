"""The form for one measure (åtgärd): what, under which promise, who is responsible, when, how many.

A :class:`~promises_app.ui.situation.indicator_dialogs.RecordForm`: ``save(values)`` creates or changes the
measure through the services; a refused save shows each message at its field and keeps what was
typed. The contact person list follows the responsible organisation (from the register), and
"Ny person…" beside it adds a person to the register and chooses them. For a counted measure
that exists already, the form also shows its occurrence log (occurrence_dialog.py), whose
entries are saved (and undoable) one by one, at once. A change refused because someone else saved
the measure meanwhile shows the conflict dialog (``conflict_of``, ui/common/forms.py).

A new measure starts from what is most likely (issue 16, point 1): its deadline is the
agreement's end, the promise's other makers are ticked as taking part (a joint promise is done
together), and "Spara och ny" saves it and starts the next under the same promise and focus area.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from promises_app.services.base import FieldValues
from promises_app.services.records import (
    AgreementRecord,
    FocusAreaRecord,
    MeasureRecord,
    PartyRecord,
    PersonRecord,
    PromiseRecord,
    RowNow,
)
from promises_app.ui.common.conflict_dialog import Conflict, ConflictField
from promises_app.ui.common.date_input import OptionalDateInput, read_dates
from promises_app.ui.common.formatting import fill, format_date
from promises_app.ui.common.forms import OUTSIDE_FORM, RecordForm, plain_text_edit
from promises_app.ui.common.undo_commands import short
from promises_app.ui.plan.occurrence_dialog import OccurrenceLog
from promises_app.ui.plan.promise_dialog import CheckList

#: The most a counted target can be (domain validation's upper bound).
TARGET_MAX = 1_000_000


class MeasureForm(RecordForm):
    """A new measure, or a change to one."""

    def __init__(
        self,
        save: Callable[[FieldValues], Any],
        *,
        agreement: AgreementRecord,
        promises: Sequence[PromiseRecord],
        parties: Sequence[PartyRecord],
        focus_areas: Sequence[FocusAreaRecord],
        people: Sequence[PersonRecord],
        initial: MeasureRecord | None = None,
        promise_id: int | None = None,
        occurrence_log: Callable[[MeasureRecord], OccurrenceLog] | None = None,
        new_person: Callable[[MeasureForm], object] | None = None,
        saved_and_new: Callable[[MeasureRecord], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(save, parent)
        self._agreement = agreement
        self._makers = {p.id: p.maker_ids for p in promises}
        self._party_names = {p.organisation_id: p.organisation_name for p in parties}
        self.expected_version = initial.version if initial else None
        self.replaced = initial
        self._saved_and_new = saved_and_new
        self.setWindowTitle(fill(self.tr("Change measure %1"), initial.title) if initial else self.tr("New measure"))
        self.setMinimumWidth(900)
        self._people = list(people)
        self.occurrence_log: OccurrenceLog | None = None

        self.title_edit = QLineEdit(initial.title if initial else "")
        self.title_edit.setPlaceholderText(self.tr("What will be done, e.g. Four safety walks in Hagalund"))
        self.promise_combo = QComboBox()
        for promise in promises:
            self.promise_combo.addItem(promise.text, promise.id)
        self.promise_combo.setMinimumContentsLength(30)
        self.promise_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        chosen_promise = initial.promise_id if initial else promise_id
        if chosen_promise is not None:
            self.promise_combo.setCurrentIndex(max(0, self.promise_combo.findData(chosen_promise)))
        self.description_edit = plain_text_edit(initial.description if initial else "", lines=3)
        self.cause_edit = plain_text_edit(initial.cause if initial else "", lines=2)
        self.cause_edit.setPlaceholderText(self.tr("The problem the measure addresses"))
        self.focus_combo = QComboBox()
        self.focus_combo.addItem(self.tr("(no focus area)"), None)
        for area in focus_areas:
            self.focus_combo.addItem(area.name, area.id)
        if initial and initial.focus_area_id is not None:
            self.focus_combo.setCurrentIndex(max(0, self.focus_combo.findData(initial.focus_area_id)))

        self.responsible_combo = QComboBox()
        self.responsible_combo.addItem(self.tr("(nobody yet)"), None)
        for party in parties:
            self.responsible_combo.addItem(party.organisation_name, party.organisation_id)
        if initial and initial.responsible_id is not None:
            self.responsible_combo.setCurrentIndex(max(0, self.responsible_combo.findData(initial.responsible_id)))
        self.contact_combo = QComboBox()
        self.new_person_button = QPushButton(self.tr("New pers&on…"))
        self.new_person_button.setToolTip(self.tr("Add a person to the register and make them the contact person"))
        self.new_person_button.setVisible(new_person is not None)
        if new_person is not None:
            self.new_person_button.clicked.connect(lambda _checked=False: new_person(self))
        contact_row = QWidget()
        contact_layout = QHBoxLayout(contact_row)
        contact_layout.setContentsMargins(0, 0, 0, 0)
        contact_layout.addWidget(self.contact_combo, 1)
        contact_layout.addWidget(self.new_person_button)
        contact_row.setFocusProxy(self.contact_combo)
        self._fill_contacts(initial.contact_id if initial else None)
        self.responsible_combo.currentIndexChanged.connect(
            lambda _i: self._fill_contacts(self.contact_combo.currentData())
        )
        self.participants_list = CheckList(
            ((p.organisation_name, p.organisation_id) for p in parties),
            initial.participant_ids if initial else self._makers.get(self.promise_combo.currentData(), ()),
        )
        # The responsible party does the measure; it is never also listed as taking part.
        self._exclude_owner()
        self.responsible_combo.currentIndexChanged.connect(lambda _i: self._exclude_owner())
        fallback = min(max(date.today(), agreement.start_date), agreement.end_date)
        self.start_field = OptionalDateInput(initial.start_date if initial else None, agreement.start_date,
                                             self.tr("Start date"))
        # A new measure is due when the agreement ends, unless said otherwise.
        self.deadline_field = OptionalDateInput(initial.deadline if initial else agreement.end_date,
                                                fallback if initial is None
                                                else (initial.deadline or agreement.end_date), self.tr("Deadline"))
        self.outside_box = QCheckBox(self.tr("Allow dates outside the agreement"))
        self.outside_box.setToolTip(fill(
            self.tr("The measure may start before or end after the agreement (%1 – %2)"),
            format_date(agreement.start_date), format_date(agreement.end_date),
        ))
        self.target_spin = QSpinBox()
        self.target_spin.setRange(0, TARGET_MAX)
        self.target_spin.setSpecialValueText(self.tr("No counted target"))
        self.target_spin.setValue(initial.target_count or 0 if initial else 0)
        self.unit_edit = QLineEdit(initial.target_unit if initial else "")
        self.unit_edit.setPlaceholderText(self.tr("e.g. safety walks"))

        # Long names (a contact with title and unit) must not squeeze the labels beside them.
        for combo in (self.promise_combo, self.focus_combo, self.responsible_combo, self.contact_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(18)
        left, right = QFormLayout(), QFormLayout()
        for column in (left, right):
            column.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        columns = QHBoxLayout()
        columns.addLayout(left, 5)
        columns.addSpacing(12)
        columns.addLayout(right, 4)
        self.body.addLayout(columns)
        self.form_layout = left
        self.add_field("title", self.tr("&Title:"), self.title_edit)
        self.add_field("promise_id", self.tr("&Promise:"), self.promise_combo)
        self.add_field("description", self.tr("&Description:"), self.description_edit)
        self.add_field("cause", self.tr("Problem or ca&use:"), self.cause_edit)
        self.add_field("focus_area_id", self.tr("&Focus area:"), self.focus_combo)
        self.form_layout = right
        self.add_field("responsible_id", self.tr("&Responsible:"), self.responsible_combo)
        self.contact_combo.setAccessibleName(self.tr("Contact person"))
        self.add_field("contact_id", self.tr("&Contact person:"), contact_row)
        self.field_widgets["contact_id"] = self.contact_combo
        self._chain(self.new_person_button)
        self.add_field("participant_ids", self.tr("Also t&aking part:"), self.participants_list)
        self.add_field("start_date", self.tr("Starts o&n:"), self.start_field)
        self.add_field("deadline", self.tr("D&eadline:"), self.deadline_field)
        self.add_field("allow_outside_agreement", "", self.outside_box)
        self.add_field("target_count", self.tr("Counted tar&get:"), self.target_spin)
        self.add_field("target_unit", self.tr("Un&it:"), self.unit_edit)
        self.outside_box.setAccessibleName(self.outside_box.text())
        self.title_edit.setCursorPosition(0)  # the start of a long title in view

        if initial is not None and initial.target_count and occurrence_log is not None:
            box = QGroupBox(self.tr("Occurrences (saved at once, each undoable)"))
            box_layout = QVBoxLayout(box)
            self.occurrence_log = occurrence_log(initial)
            box_layout.addWidget(self.occurrence_log)
            outer = self.layout()
            assert isinstance(outer, QVBoxLayout)
            outer.insertWidget(outer.count() - 1, box, 1)
            box.setProperty(OUTSIDE_FORM, True)  # saved entry by entry: not the form's unsaved work
            self.finished.connect(lambda _result: self.occurrence_log.detach() if self.occurrence_log else None)
        if initial is None:
            self.promise_combo.currentIndexChanged.connect(lambda _i: self._tick_makers())
            self._exclude_owner()
        self.save_new_button: QPushButton | None = None
        if initial is None and saved_and_new is not None:
            self.save_new_button = self.buttons.addButton(self.tr("Save and ne&w"),
                                                          QDialogButtonBox.ButtonRole.ActionRole)
            self.save_new_button.setToolTip(self.tr("Save this measure and start the next one under the same "
                                                    "promise and focus area"))
            self.save_new_button.clicked.connect(lambda _checked=False: self.save_and_new())

    # --- a new measure ------------------------------------------------------------------------
    def _tick_makers(self) -> None:
        """The promise's makers take part in its measure (a joint promise is done together)."""
        makers = set(self._makers.get(self.promise_combo.currentData(), ()))
        for row in range(self.participants_list.count()):
            item_id = self.participants_list.item(row).data(Qt.ItemDataRole.UserRole)
            self.participants_list.set_checked(item_id, item_id in makers)
        self._exclude_owner()

    def save_and_new(self) -> bool:
        """Save, hand the new measure over, and start the next: the promise and focus area stay,
        the rest starts again, the title has the focus. False (the form as it was) when refused."""
        if not self.store():
            return False
        if self._saved_and_new is not None:
            self._saved_and_new(self.saved)
        for edit in (self.title_edit, self.unit_edit):
            edit.clear()
        for text in (self.description_edit, self.cause_edit):
            text.clear()
        self.responsible_combo.setCurrentIndex(0)
        self._fill_contacts(None)
        self.start_field.none_box.setChecked(True)
        self.deadline_field.none_box.setChecked(False)
        self.deadline_field.date_input.setDate(self._agreement.end_date)
        self.outside_box.setChecked(False)
        self.target_spin.setValue(0)
        self._tick_makers()
        self.clear_errors()
        self.unsaved.remember()
        self.title_edit.setFocus()
        return True

    def person_added(self, person: PersonRecord) -> None:
        """A person just added to the register ("Ny person…"): listed, and chosen as the contact."""
        self._people.append(person)
        if person.organisation_id is not None and self.responsible_combo.currentData() is None:
            self.responsible_combo.setCurrentIndex(max(0, self.responsible_combo.findData(person.organisation_id)))
        self._fill_contacts(person.id)
        self.contact_combo.setFocus()

    def _exclude_owner(self) -> None:
        self.participants_list.exclude(self.responsible_combo.currentData(), self.tr("Responsible for the measure"))

    def _fill_contacts(self, keep: int | None) -> None:
        organisation = self.responsible_combo.currentData()
        self.contact_combo.blockSignals(True)
        self.contact_combo.clear()
        self.contact_combo.addItem(self.tr("(no contact person)"), None)
        for person in self._people:
            if organisation is not None and person.organisation_id == organisation or person.id == keep:
                text = f"{person.name}, {person.title}" if person.title else person.name
                self.contact_combo.addItem(text, person.id)
        self.contact_combo.setCurrentIndex(max(0, self.contact_combo.findData(keep)) if keep is not None else 0)
        self.contact_combo.setEnabled(organisation is not None or keep is not None)
        self.contact_combo.blockSignals(False)

    # --- someone else saved the measure meanwhile (ui/common/conflict_dialog.py) ------------------------
    def conflict_of(self, now: RowNow, typed: FieldValues) -> Conflict | None:
        """The measure saved now beside what the form holds, field by field, in the form's words."""
        theirs = now.record
        if not isinstance(theirs, MeasureRecord):
            return None

        def caption(text: str) -> str:
            return text.replace("&", "").rstrip(":")

        def choice(combo: QComboBox, value: object) -> str:
            index = combo.findData(value)
            return combo.itemText(index) if index >= 0 else ""

        def names(ids: Sequence[int]) -> str:
            return ", ".join(sorted(self._party_names.get(i, str(i)) for i in ids))

        def target(count: object) -> str:
            return str(count) if count else self.target_spin.specialValueText()

        no_contact = self.contact_combo.itemText(0)
        fields = (
            (self.tr("&Title:"), theirs.title, typed["title"]),
            (self.tr("&Promise:"), choice(self.promise_combo, theirs.promise_id),
             choice(self.promise_combo, typed["promise_id"])),
            (self.tr("&Description:"), theirs.description, typed["description"]),
            (self.tr("Problem or ca&use:"), theirs.cause, typed["cause"]),
            (self.tr("&Focus area:"), choice(self.focus_combo, theirs.focus_area_id),
             choice(self.focus_combo, typed["focus_area_id"])),
            (self.tr("&Responsible:"), choice(self.responsible_combo, theirs.responsible_id),
             choice(self.responsible_combo, typed["responsible_id"])),
            (self.tr("&Contact person:"), theirs.contact_name or no_contact,
             self.contact_combo.currentText() if typed["contact_id"] is not None else no_contact),
            (self.tr("Also t&aking part:"), names(theirs.participant_ids), names(typed["participant_ids"])),
            (self.tr("Starts o&n:"), format_date(theirs.start_date), format_date(typed["start_date"])),
            (self.tr("D&eadline:"), format_date(theirs.deadline), format_date(typed["deadline"])),
            (self.tr("Counted tar&get:"), target(theirs.target_count), target(typed["target_count"])),
            (self.tr("Un&it:"), theirs.target_unit, typed["target_unit"]),
        )
        return Conflict(
            what=fill(self.tr("The measure «%1»"), short(theirs.title)),
            fields=tuple(ConflictField(caption(name), str(a), str(b)) for name, a, b in fields),
            last_change=now.last_change,
        )

    def show_record(self, record: Any) -> None:
        """Ta deras: the measure as saved now, in every field."""
        if not isinstance(record, MeasureRecord):
            return
        self.title_edit.setText(record.title)
        self.title_edit.setCursorPosition(0)
        self.promise_combo.setCurrentIndex(max(0, self.promise_combo.findData(record.promise_id)))
        self.description_edit.setPlainText(record.description)
        self.cause_edit.setPlainText(record.cause)
        self.focus_combo.setCurrentIndex(max(0, self.focus_combo.findData(record.focus_area_id)))
        self.responsible_combo.setCurrentIndex(max(0, self.responsible_combo.findData(record.responsible_id)))
        self._fill_contacts(record.contact_id)
        for row in range(self.participants_list.count()):
            item_id = self.participants_list.item(row).data(Qt.ItemDataRole.UserRole)
            self.participants_list.set_checked(item_id, item_id in record.participant_ids)
        self._exclude_owner()
        for field, day in ((self.start_field, record.start_date), (self.deadline_field, record.deadline)):
            field.none_box.setChecked(day is None)
            if day is not None:
                field.date_input.setDate(day)
        self.target_spin.setValue(record.target_count or 0)
        self.unit_edit.setText(record.target_unit)

    def values(self) -> FieldValues:
        """What the form holds; a typed date that is no date is a ValidationError at its field."""
        dates = read_dates({"start_date": self.start_field, "deadline": self.deadline_field})
        count = self.target_spin.value()
        return {
            "promise_id": self.promise_combo.currentData(),
            "title": self.title_edit.text(),
            "description": self.description_edit.toPlainText(),
            "cause": self.cause_edit.toPlainText(),
            "focus_area_id": self.focus_combo.currentData(),
            "responsible_id": self.responsible_combo.currentData(),
            "contact_id": self.contact_combo.currentData(),
            "participant_ids": self.participants_list.checked_ids(),
            "start_date": dates["start_date"],
            "deadline": dates["deadline"],
            "target_count": count or None,
            "target_unit": self.unit_edit.text(),
            "allow_outside_agreement": self.outside_box.isChecked(),
        }

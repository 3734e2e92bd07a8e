"""Creation where you stand (issue 16, point 1), driven with keys and clicks on the real widgets:
a new organisation from "Lägg till part…", a new person from every person field, the
agreement's municipality and police area made parties on save, and the measure form's
defaults and "Spara och ny". Screenshots of each changed dialog go to $SHOTS when set."""

from __future__ import annotations

import os
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from promises_app.services import Services
from promises_app.ui.common.operations import Operations
from promises_app.ui.parties.agreement_dialog import AgreementDialog
from promises_app.ui.parties.organisation_form import OrganisationForm
from promises_app.ui.parties.parties_page import NEW_ENTRY, ChoiceForm, PartiesPage
from promises_app.ui.parties.person_dialog import PersonForm
from promises_app.ui.plan.measure_dialog import MeasureForm
from promises_app.ui.plan.plan_page import PlanPage
from tests.ui.conftest import DEMO_TODAY

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def stack(services: Services) -> Operations:
    ops = Operations()
    ops.watch(services)
    return ops


def shot(widget: QWidget, name: str) -> None:
    folder = os.environ.get("SHOTS")
    if folder:
        widget.grab().save(os.path.join(folder, name))


def visible(parent: QWidget, kind: type) -> Any:
    shown = [w for w in parent.findChildren(kind) if w.isVisible()]
    assert len(shown) == 1, shown
    return shown[0]


def click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, LEFT)


def draft(services: Services, **values: Any) -> int:
    return services.agreements.create_agreement(
        kind="citizen_promise", title="Kungälv – medborgarlöften 2027", start_date=date(2027, 1, 1),
        end_date=date(2027, 12, 31), reporting_scheme="tertial", **values,
    ).id


def parties_page(qtbot, services, stack, agreement_id: int) -> PartiesPage:  # type: ignore[no-untyped-def]
    page = PartiesPage(services, stack, today=lambda: DEMO_TODAY)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.set_agreement(agreement_id)
    page.show()
    qtbot.waitExposed(page)
    return page


def choose_new_entry(qtbot, chooser: ChoiceForm) -> None:
    """Pick the chooser's last entry ("Ny organisation…" / "Ny person…") with the keyboard."""
    chooser.combo.setFocus()
    qtbot.keyClick(chooser.combo, Qt.Key.Key_End)
    assert chooser.combo.currentData() == NEW_ENTRY
    click(qtbot, chooser.save_button)


def test_a_new_organisation_from_the_party_chooser_is_the_party_in_one_undo_step(
        qtbot, services, stack, swedish_app):  # type: ignore[no-untyped-def]
    agreement_id = draft(services)
    page = parties_page(qtbot, services, stack, agreement_id)
    click(qtbot, page.add_party_button)
    chooser = visible(page, ChoiceForm)
    assert chooser.combo.itemText(chooser.combo.count() - 1) == "Ny organisation…"
    choose_new_entry(qtbot, chooser)
    form = visible(chooser, OrganisationForm)
    qtbot.keyClicks(form.name_edit, "Ale kommun")
    shot(form, "new-organisation-as-party.png")
    click(qtbot, form.save_button)
    assert not form.isVisible() and not chooser.isVisible()
    assert [p.organisation_name for p in services.agreements.list_parties(agreement_id)] == ["Ale kommun"]
    assert page.selected_party().organisation_name == "Ale kommun"
    assert stack.count() == 1 and stack.undoText() == "lägg till parten Ale kommun"
    stack.undo()
    assert services.agreements.list_parties(agreement_id) == []
    assert "Ale kommun" not in [o.name for o in services.register.list_organisations()]
    stack.redo()
    assert [p.organisation_name for p in services.agreements.list_parties(agreement_id)] == ["Ale kommun"]


def test_cancelling_the_new_organisation_goes_back_to_the_chooser(
        qtbot, services, stack, swedish_app):  # type: ignore[no-untyped-def]
    services.register.create_organisation(name="Lokalpolisområde Kungälv", kind="police")
    page = parties_page(qtbot, services, stack, draft(services))
    click(qtbot, page.add_party_button)
    chooser = visible(page, ChoiceForm)
    choose_new_entry(qtbot, chooser)
    form = visible(chooser, OrganisationForm)
    qtbot.keyClick(form, Qt.Key.Key_Escape)  # nothing typed: closes without asking
    assert not form.isVisible() and chooser.isVisible()
    assert chooser.combo.currentText() == "Lokalpolisområde Kungälv"
    assert stack.count() == 0


def test_a_new_person_from_the_signatory_chooser_signs_for_the_party(
        qtbot, services, stack, swedish_app):  # type: ignore[no-untyped-def]
    town = services.register.create_organisation(name="Kungälvs kommun", kind="municipality")
    services.register.create_person(name="Anna Exempel", title="Kommundirektör", organisation_id=town.id)
    agreement_id = draft(services)
    services.agreements.add_party(agreement_id, organisation_id=town.id)
    page = parties_page(qtbot, services, stack, agreement_id)
    click(qtbot, page.add_signatory_button)
    chooser = visible(page, ChoiceForm)
    assert chooser.combo.itemText(chooser.combo.count() - 1) == "Ny person…"
    choose_new_entry(qtbot, chooser)
    form = visible(chooser, PersonForm)
    assert form.organisation_combo.currentText() == "Kungälvs kommun"
    qtbot.keyClicks(form.name_edit, "Bo Exempel")
    click(qtbot, form.save_button)
    assert not chooser.isVisible()
    party = services.agreements.list_parties(agreement_id)[0]
    assert [s.name for s in party.signatories] == ["Bo Exempel"]


def test_the_agreements_municipality_and_police_area_become_parties_on_save(
        qtbot, services, stack, swedish_app):  # type: ignore[no-untyped-def]
    services.register.create_organisation(name="Ale kommun", kind="municipality")
    dialog = AgreementDialog(services, stack, today=lambda: DEMO_TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.place_parties_row.isHidden(), "nothing to offer before anything is typed"
    qtbot.keyClicks(dialog.title_edit, "Ale medborgarloften 2027")
    qtbot.keyClicks(dialog.municipality_edit, "ale  Kommun")
    qtbot.keyClicks(dialog.police_area_edit, "Ale")
    assert dialog.place_parties_row.isVisible() and dialog.place_parties_box.isChecked()
    assert dialog.place_parties_note.text() == (
        "Ale kommun och Lokalpolisområde Ale (ny i registret) blir parter i överenskommelsen.")
    shot(dialog, "agreement-dialog-place-parties.png")
    click(qtbot, dialog.save_button)
    assert not dialog.isVisible() and dialog.saved is not None
    agreement_id = dialog.saved.id
    assert [(p.organisation_name, p.organisation_kind.value) for p in services.agreements.list_parties(agreement_id)] \
        == [("Ale kommun", "municipality"), ("Lokalpolisområde Ale", "police")]
    assert stack.count() == 1, "one save, one undo step"
    stack.undo()
    assert agreement_id not in [a.id for a in services.agreements.list_agreements()]
    names = [o.name for o in services.register.list_organisations()]
    assert "Lokalpolisområde Ale" not in names and "Ale kommun" in names
    stack.redo()
    assert len(services.agreements.list_parties(agreement_id)) == 2


def test_a_party_already_there_is_not_added_again_and_the_offer_can_be_declined(
        qtbot, services, stack, swedish_app):  # type: ignore[no-untyped-def]
    town = services.register.create_organisation(name="Ale kommun", kind="municipality")
    agreement_id = draft(services)
    services.agreements.add_party(agreement_id, organisation_id=town.id)
    dialog = AgreementDialog(services, stack, agreement_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.municipality_edit, "Ale kommun")
    assert dialog.place_parties_row.isHidden(), "the municipality is a party already"
    qtbot.keyClicks(dialog.police_area_edit, "Polisregion Vast")
    assert dialog.place_parties_row.isVisible()
    click(qtbot, dialog.place_parties_box)  # no thanks
    click(qtbot, dialog.save_button)
    assert [p.organisation_name for p in services.agreements.list_parties(agreement_id)] == ["Ale kommun"]


@pytest.fixture
def joint(services: Services) -> dict[str, Any]:
    reg, agr, plan = services.register, services.agreements, services.plan
    town = reg.create_organisation(name="Kungälvs kommun", kind="municipality")
    police = reg.create_organisation(name="Lokalpolisområde Kungälv", kind="police")
    housing = reg.create_organisation(name="Kungälvsbostäder", kind="housing_company")
    agreement_id = draft(services)
    for org in (town, police, housing):
        agr.add_party(agreement_id, organisation_id=org.id)
    area = plan.create_focus_area(agreement_id, name="Trygg stadskärna")
    promise = plan.create_promise(agreement_id, text="öka tryggheten i centrum", maker_ids=[town.id, police.id])
    return {"agreement_id": agreement_id, "town": town, "police": police, "housing": housing, "area": area,
            "promise": promise}


def plan_page(qtbot, services, stack, agreement_id: int) -> PlanPage:  # type: ignore[no-untyped-def]
    page = PlanPage(services, stack, today=lambda: DEMO_TODAY)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.set_agreement(agreement_id)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_a_new_measure_starts_from_the_agreements_end_and_the_promises_makers_and_saves_and_starts_the_next(
        qtbot, services, stack, joint, swedish_app):  # type: ignore[no-untyped-def]
    page = plan_page(qtbot, services, stack, joint["agreement_id"])
    page.select_promise(joint["promise"].id)
    click(qtbot, page.new_measure_button)
    form = visible(page, MeasureForm)
    assert form.deadline_field.value() == date(2027, 12, 31), "due when the agreement ends, not 'Inget datum'"
    assert sorted(form.participants_list.checked_ids()) == sorted([joint["town"].id, joint["police"].id])
    form.focus_combo.setFocus()
    form.focus_combo.setCurrentIndex(form.focus_combo.findData(joint["area"].id))
    form.title_edit.setFocus()
    qtbot.keyClicks(form.title_edit, "Trygghetsvandring i centrum")
    form.responsible_combo.setCurrentIndex(form.responsible_combo.findData(joint["town"].id))
    assert form.participants_list.checked_ids() == [joint["police"].id], "the responsible does not also take part"
    shot(form, "measure-form-new.png")
    click(qtbot, form.save_new_button)
    assert form.isVisible(), "Spara och ny keeps the form open"
    assert form.title_edit.text() == "" and form.focusWidget() is form.title_edit
    assert form.promise_combo.currentData() == joint["promise"].id
    assert form.focus_combo.currentData() == joint["area"].id
    assert form.responsible_combo.currentData() is None and form.deadline_field.value() == date(2027, 12, 31)
    qtbot.keyClicks(form.title_edit, "Trafikkontroller vid skolan")
    qtbot.keyClick(form.title_edit, Qt.Key.Key_Return)  # Enter saves (and closes) as in every form
    assert not form.isVisible()
    measures = services.plan.list_measures(joint["agreement_id"])
    assert [(m.title, m.focus_area_id, m.deadline) for m in measures] == [
        ("Trygghetsvandring i centrum", joint["area"].id, date(2027, 12, 31)),
        ("Trafikkontroller vid skolan", joint["area"].id, date(2027, 12, 31)),
    ]
    assert sorted(measures[1].participant_ids) == sorted([joint["town"].id, joint["police"].id])
    assert stack.count() == 2, "each saved measure is its own undo step"


def test_new_person_from_the_contact_field_is_chosen_as_contact(
        qtbot, services, stack, joint, swedish_app):  # type: ignore[no-untyped-def]
    page = plan_page(qtbot, services, stack, joint["agreement_id"])
    page.select_promise(joint["promise"].id)
    click(qtbot, page.new_measure_button)
    form = visible(page, MeasureForm)
    form.responsible_combo.setCurrentIndex(form.responsible_combo.findData(joint["police"].id))
    assert form.new_person_button.text() == "Ny pers&on…"
    click(qtbot, form.new_person_button)
    person_form = visible(form, PersonForm)
    assert person_form.organisation_combo.currentData() == joint["police"].id
    qtbot.keyClicks(person_form.name_edit, "Kalle Kommunpolis")
    click(qtbot, person_form.save_button)
    assert not person_form.isVisible()
    assert form.contact_combo.currentText() == "Kalle Kommunpolis"
    qtbot.keyClicks(form.title_edit, "Grannsamverkan")
    click(qtbot, form.save_button)
    measure = services.plan.list_measures(joint["agreement_id"])[0]
    person = next(p for p in services.register.list_people() if p.name == "Kalle Kommunpolis")
    assert measure.contact_id == person.id
    assert stack.count() == 2, "the person and the measure: two clearly named steps"

"""The "Parter och undertecknare" page driven like a person would (clicks on its buttons and rows,
typed text in its forms), undo and redo on the one stack; the people of the register; and the
page's item models on real service records without any widget."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from promises_app.domain.enums import AgreementState
from promises_app.services import Services
from promises_app.ui.parties.agreement_commands import MovePartyCommand
from promises_app.ui.parties.parties_models import (
    ID_ROLE,
    PartyTableModel,
    PersonTableModel,
    SignatoryTableModel,
)
from promises_app.ui.parties.parties_page import ChoiceForm, PartiesPage
from promises_app.ui.parties.person_dialog import PersonForm
from promises_app.ui.parties.register_dialog import RegisterDialog
from tests.ui.conftest import DEMO_TODAY

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def swedish(swedish_app):  # type: ignore[no-untyped-def]
    return swedish_app


@pytest.fixture
def stack() -> QUndoStack:
    return QUndoStack()


def draft(services: Services) -> int:
    """A new draft agreement (the demo agreements are signed, so their parties are locked)."""
    return services.agreements.create_agreement(
        kind="citizen_promise", title="Solna – medborgarlöften 2023", start_date=date(2023, 1, 1),
        end_date=date(2023, 12, 31), reporting_scheme="tertial",
    ).id


@pytest.fixture
def page(qtbot, demo_services, stack, swedish):  # type: ignore[no-untyped-def]
    shown = PartiesPage(demo_services, stack, today=lambda: DEMO_TODAY)
    qtbot.addWidget(shown)
    shown.resize(1366, 700)
    shown.set_agreement(draft(demo_services))
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, LEFT)


def visible(parent: QWidget, kind: type) -> QWidget:
    shown = [w for w in parent.findChildren(kind) if w.isVisible()]
    assert len(shown) == 1, shown
    return shown[0]


def click_row(qtbot, view, row: int) -> None:  # type: ignore[no-untyped-def]
    rect = view.visualRect(view.model().index(row, 1))
    qtbot.mouseClick(view.viewport(), LEFT, pos=rect.center())


def choose(qtbot, page: PartiesPage, button, text: str, expected: str | None = None) -> None:  # type: ignore[no-untyped-def]
    """Click ``button``, pick the entry by typing ``text`` (then Down until ``expected``), and click Add."""
    click(qtbot, button)
    form = visible(page, ChoiceForm)
    form.combo.setFocus()
    qtbot.keyClicks(form.combo, text)
    while expected is not None and not form.combo.currentText().startswith(expected):
        before = form.combo.currentIndex()
        qtbot.keyClick(form.combo, Qt.Key.Key_Down)
        assert form.combo.currentIndex() != before, f"no {expected} to choose"
    assert form.combo.currentText().startswith(expected or text), form.combo.currentText()
    click(qtbot, form.save_button)
    assert not form.isVisible()


def parties(services: Services, agreement_id: int) -> list[tuple[str, list[str]]]:
    return [(p.organisation_name, [s.name for s in sorted(p.signatories, key=lambda s: s.position)])
            for p in services.agreements.list_parties(agreement_id)]


def shown(page: PartiesPage) -> list[tuple[str, str]]:
    model = page.party_model
    return [(model.index(r, PartyTableModel.ORGANISATION).data(), model.index(r, PartyTableModel.SIGNATORIES).data())
            for r in range(model.rowCount())]


def test_add_two_parties_and_a_signatory_each_then_undo_and_redo_every_step(qtbot, page, demo_services, stack):
    agreement_id = page.agreement_id
    assert page.add_party_button.isEnabled() and not page.add_signatory_button.isEnabled()
    choose(qtbot, page, page.add_party_button, "Solna")
    choose(qtbot, page, page.add_party_button, "Lokalpolis", "Lokalpolisområde Solna")
    assert parties(demo_services, agreement_id) == [("Solna stad", []), ("Lokalpolisområde Solna", [])]
    assert page.selected_party().organisation_name == "Lokalpolisområde Solna", "the new party is selected"

    click_row(qtbot, page.party_view, 0)
    assert page.selected_party().organisation_name == "Solna stad"
    choose(qtbot, page, page.add_signatory_button, "Pehr")
    click_row(qtbot, page.party_view, 1)
    choose(qtbot, page, page.add_signatory_button, "Karin")
    after = [("Solna stad", ["Pehr Granfalk"]), ("Lokalpolisområde Solna", ["Karin Exempelsson"])]
    assert parties(demo_services, agreement_id) == after
    assert shown(page) == [("Solna stad", "Pehr Granfalk"), ("Lokalpolisområde Solna", "Karin Exempelsson")]
    assert page.signatory_model.index(0, SignatoryTableModel.NAME).data() == "Karin Exempelsson"
    assert stack.count() == 4

    steps = [
        [("Solna stad", ["Pehr Granfalk"]), ("Lokalpolisområde Solna", [])],
        [("Solna stad", []), ("Lokalpolisområde Solna", [])],
        [("Solna stad", [])],
        [],
    ]
    for expected in steps:
        stack.undo()
        assert parties(demo_services, agreement_id) == expected
        assert [name for name, _signing in shown(page)] == [name for name, _signing in expected]
    for expected in [*reversed(steps[:-1]), after]:
        stack.redo()
        assert parties(demo_services, agreement_id) == expected
        assert [name for name, _signing in shown(page)] == [name for name, _signing in expected]
    assert stack.count() == 4 and stack.index() == 4


def test_remove_and_move_a_party_then_undo(qtbot, page, demo_services, stack):
    agreement_id = page.agreement_id
    choose(qtbot, page, page.add_party_button, "Solna")
    choose(qtbot, page, page.add_party_button, "Lokalpolis", "Lokalpolisområde Solna")
    click_row(qtbot, page.party_view, 0)
    choose(qtbot, page, page.add_signatory_button, "Pehr")
    choose(qtbot, page, page.add_signatory_button, "Lina")

    click_row(qtbot, page.party_view, 1)
    click(qtbot, page.party_up_button)
    assert [n for n, _s in parties(demo_services, agreement_id)] == ["Lokalpolisområde Solna", "Solna stad"]
    assert page.selected_party().organisation_name == "Lokalpolisområde Solna", "the moved party stays selected"
    stack.undo()
    assert [n for n, _s in parties(demo_services, agreement_id)] == ["Solna stad", "Lokalpolisområde Solna"]

    click_row(qtbot, page.party_view, 0)
    click_row(qtbot, page.signatory_view, 1)
    click(qtbot, page.signatory_up_button)
    assert parties(demo_services, agreement_id)[0][1] == ["Lina Exempeldotter", "Pehr Granfalk"]
    stack.undo()
    assert parties(demo_services, agreement_id)[0][1] == ["Pehr Granfalk", "Lina Exempeldotter"]

    click_row(qtbot, page.party_view, 0)
    click(qtbot, page.remove_party_button)
    assert parties(demo_services, agreement_id) == [("Lokalpolisområde Solna", [])]
    stack.undo()
    assert parties(demo_services, agreement_id) == [
        ("Solna stad", ["Pehr Granfalk", "Lina Exempeldotter"]), ("Lokalpolisområde Solna", [])
    ], "back at its place, with its signatories"

    click_row(qtbot, page.party_view, 0)
    click_row(qtbot, page.signatory_view, 0)
    click(qtbot, page.remove_signatory_button)
    assert parties(demo_services, agreement_id)[0][1] == ["Lina Exempeldotter"]
    stack.undo()
    assert parties(demo_services, agreement_id)[0][1] == ["Pehr Granfalk", "Lina Exempeldotter"]


def test_a_new_person_signs_in_one_undo_step(qtbot, page, demo_services, stack):
    agreement_id = page.agreement_id
    choose(qtbot, page, page.add_party_button, "Solna")
    click(qtbot, page.new_person_button)
    form = visible(page, PersonForm)
    assert form.organisation_combo.currentText() == "Solna stad", "the party's organisation is preset"
    qtbot.keyClicks(form.name_edit, "Ulla Ordforande")
    qtbot.keyClicks(form.title_edit, "Kommunstyrelsens ordforande")
    click(qtbot, form.save_button)
    assert parties(demo_services, agreement_id) == [("Solna stad", ["Ulla Ordforande"])]
    person = next(p for p in demo_services.register.list_people() if p.name == "Ulla Ordforande")
    assert person.organisation_name == "Solna stad"
    assert stack.count() == 2

    stack.undo()
    assert parties(demo_services, agreement_id) == [("Solna stad", [])]
    assert "Ulla Ordforande" not in [p.name for p in demo_services.register.list_people()]
    stack.redo()
    assert parties(demo_services, agreement_id) == [("Solna stad", ["Ulla Ordforande"])]
    assert demo_services.register.get_person(person.id).name == "Ulla Ordforande"


def test_a_bad_email_is_refused_at_the_field_and_the_form_keeps_it(qtbot, page, demo_services, stack):
    choose(qtbot, page, page.add_party_button, "Solna")
    click(qtbot, page.new_person_button)
    form = visible(page, PersonForm)
    qtbot.keyClicks(form.name_edit, "Ulla")
    qtbot.keyClicks(form.email_edit, "ulla at solna")
    click(qtbot, form.save_button)
    assert form.isVisible()
    assert form.field_errors["email"].isVisible() and "E-post" in form.field_errors["email"].text()
    assert not form.field_errors["name"].isVisible()
    assert form.email_edit.text() == "ulla at solna" and form.name_edit.text() == "Ulla"
    assert stack.count() == 1, "only the party"
    assert "Ulla" not in [p.name for p in demo_services.register.list_people()]


def test_a_signed_agreement_cannot_change_its_parties(qtbot, page, demo_services):
    signed = next(a for a in demo_services.agreements.list_agreements() if a.state is AgreementState.SIGNED)
    records = demo_services.agreements.list_parties(signed.id)
    page.set_agreement(signed.id)
    assert page.notice_label.isVisible() and signed.title in page.notice_label.text()
    assert page.party_model.rowCount() >= 2
    assert page.selected_party() is not None
    for button in (page.add_party_button, page.remove_party_button, page.add_signatory_button,
                   page.new_person_button, page.party_down_button):
        assert not button.isEnabled()
    assert page.details_button.isEnabled(), "the details can still be read"
    # Were an edit tried anyway, the service's refusal is shown in the notice.
    assert not page.remove_party()  # nothing pushed: the action is off, but the method is guarded too
    assert not page._do_then_push(MovePartyCommand(demo_services, page.selected_party(), 1))
    assert "undertecknad" in page.notice_label.text()
    assert [p.id for p in demo_services.agreements.list_parties(signed.id)] == [p.id for p in records]


def test_no_agreement_disables_the_page(page):
    page.set_agreement(None)
    assert page.party_model.rowCount() == 0
    assert not page.add_party_button.isEnabled()
    assert not page.details_button.isEnabled()
    assert page.people_button.isEnabled()


def test_page_has_names_shortcuts_and_menu_actions(page):
    for view in (page.party_view, page.signatory_view, page.summary_label):
        assert view.accessibleName()
    shortcuts = {a.shortcut().toString() for a in page.actions_for_menu() if a is not None}
    assert {"Ctrl+Alt+L", "Ctrl+Shift+U", "Ctrl+Shift+J"} <= shortcuts
    assert not {"Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+O", "Ctrl+N", "Ctrl+S", "Ctrl+Q", "Ctrl+F"} & shortcuts


def test_details_dialog_from_the_page_changes_the_summary(qtbot, page, demo_services, stack):
    from promises_app.ui.parties.agreement_dialog import AgreementDialog

    click(qtbot, page.details_button)
    dialog = visible(page, AgreementDialog)
    dialog.title_edit.clear()
    qtbot.keyClicks(dialog.title_edit, "Solna 2023")
    click(qtbot, dialog.save_button)
    assert "Solna 2023" in page.summary_label.text()
    stack.undo()
    assert "medborgarlöften 2023" in page.summary_label.text()


# --- the people of the register -----------------------------------------------------------------------
@pytest.fixture
def register(qtbot, demo_services, stack, swedish):  # type: ignore[no-untyped-def]
    dialog = RegisterDialog(demo_services, stack)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    yield dialog
    # This test's stack outlives the dialog: closed, the dialog stops following it
    # (ui/common/connections.connect_while_alive).
    dialog.close()


def test_register_people_add_change_delete_with_undo(qtbot, register, demo_services, stack):
    assert register.windowTitle() == "Organisationer"
    people = register.show_people()
    assert people.model.rowCount() == len(demo_services.register.list_people())
    click(qtbot, people.add_button)
    form = visible(people, PersonForm)
    qtbot.keyClicks(form.name_edit, "Kalle Kustbevakare")
    qtbot.keyClicks(form.phone_edit, "070-123")
    click(qtbot, form.save_button)
    person = next(p for p in demo_services.register.list_people() if p.name == "Kalle Kustbevakare")
    assert people.selected().id == person.id

    click(qtbot, people.edit_button)
    form = visible(people, PersonForm)
    form.title_edit.setText("Samordnare")
    click(qtbot, form.save_button)
    assert demo_services.register.get_person(person.id).title == "Samordnare"

    click(qtbot, people.delete_button)
    assert person.id not in [p.id for p in demo_services.register.list_people()]
    stack.undo()
    assert demo_services.register.get_person(person.id).title == "Samordnare", "back under the same id"
    stack.undo()
    assert demo_services.register.get_person(person.id).title == ""
    stack.undo()
    assert person.id not in [p.id for p in demo_services.register.list_people()]
    stack.redo()
    assert demo_services.register.get_person(person.id).name == "Kalle Kustbevakare"


def test_a_signatory_cannot_be_deleted_from_the_register(qtbot, register, demo_services, stack):
    people = register.show_people()
    people.select_person(next(p.id for p in demo_services.register.list_people() if p.name == "Pehr Granfalk"))
    click(qtbot, people.delete_button)
    assert people.message.isVisible() and "undertecknare" in people.message.text()
    assert stack.count() == 0
    assert "Pehr Granfalk" in [p.name for p in demo_services.register.list_people()]


# --- the models, without widgets ------------------------------------------------------------------------
def test_party_and_signatory_models_on_the_demo(demo_services, swedish):
    agreement = next(a for a in demo_services.agreements.list_agreements() if a.title.startswith("Samverkans")
                     and "Helsingborg" in a.title)
    records = demo_services.agreements.list_parties(agreement.id)
    model = PartyTableModel()
    model.set_rows(list(reversed(records)))  # shown in signing order whatever the order given
    assert model.columnCount() == 4 and model.rowCount() == 3
    assert [model.index(r, PartyTableModel.NUMBER).data() for r in range(3)] == ["1", "2", "3"]
    assert model.index(0, PartyTableModel.ORGANISATION).data() == "Helsingborgs stad"
    assert model.index(0, PartyTableModel.KIND).data() == "Kommun"
    assert model.index(2, PartyTableModel.KIND).data() == "Bostadsbolag"
    assert model.index(1, PartyTableModel.SIGNATORIES).data() == "Lars Exempelsson"
    assert model.index(0, 0).data(ID_ROLE) == records[0].id
    assert model.row_of(records[2].id) == 2 and model.row_of(-1) == -1

    signatories = SignatoryTableModel()
    signatories.set_rows(list(records[0].signatories))
    assert [signatories.index(0, c).data() for c in range(2)] == ["Anna Exempeldotter", "Kommundirektör"]


def test_person_model_on_the_demo(demo_services, swedish):
    model = PersonTableModel()
    model.set_rows(demo_services.register.list_people())
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "Lina Exempeldotter")
    assert [model.index(row, c).data() for c in range(5)] == [
        "Lina Exempeldotter", "Trygghetssamordnare", "Solna stad", "lina.exempeldotter@solna.example",
        "08-465 004 20",
    ]
    assert model.record_at(row).organisation_id is not None


def test_keys_move_and_remove_in_the_lists(qtbot, page, demo_services, stack):
    agreement_id = page.agreement_id
    choose(qtbot, page, page.add_party_button, "Solna")
    choose(qtbot, page, page.add_party_button, "Lokalpolis", "Lokalpolisområde Solna")
    click_row(qtbot, page.party_view, 1)
    page.party_view.setFocus()
    qtbot.keyClick(page.party_view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [n for n, _s in parties(demo_services, agreement_id)] == ["Lokalpolisområde Solna", "Solna stad"]
    qtbot.keyClick(page.party_view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert [n for n, _s in parties(demo_services, agreement_id)] == ["Solna stad", "Lokalpolisområde Solna"]
    click_row(qtbot, page.party_view, 0)
    choose(qtbot, page, page.add_signatory_button, "Pehr")
    click_row(qtbot, page.signatory_view, 0)
    page.signatory_view.setFocus()
    qtbot.keyClick(page.signatory_view, Qt.Key.Key_Delete)
    assert parties(demo_services, agreement_id)[0] == ("Solna stad", [])
    stack.undo()
    assert parties(demo_services, agreement_id)[0] == ("Solna stad", ["Pehr Granfalk"])


def test_the_register_of_people_opens_from_the_page(qtbot, page, demo_services, stack):
    click(qtbot, page.people_button)
    dialog = page.people_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.tabs.currentWidget() is dialog.people
    assert dialog.people.model.rowCount() == len(demo_services.register.list_people())
    dialog.close()
    click(qtbot, page.people_button)
    assert page.people_dialog is dialog, "the same dialog again"
    dialog.close()  # and stops following this test's stack, which outlives the page

"""The Plan page driven like a person would: clicks on its buttons, keys in its tree and forms, undo
and redo on the one stack. Edits happen on a draft agreement made here (the demo's are signed)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from promises_app.ui.plan.focus_area_dialog import FocusAreaForm, FocusAreaListDialog
from promises_app.ui.plan.measure_dialog import MeasureForm
from promises_app.ui.plan.occurrence_dialog import OccurrenceForm, OccurrenceLogDialog
from promises_app.ui.plan.plan_page import PlanPage
from promises_app.ui.plan.promise_dialog import PromiseForm
from tests.ui.conftest import DEMO_TODAY

LEFT = Qt.MouseButton.LeftButton


@dataclass
class Draft:
    agreement_id: int
    municipality: Any
    police: Any
    officer: Any
    clerk: Any


@pytest.fixture
def stack() -> QUndoStack:
    return QUndoStack()


@pytest.fixture
def draft(services) -> Draft:  # type: ignore[no-untyped-def]
    reg, agr = services.register, services.agreements
    municipality = reg.create_organisation(name="Exempelstads kommun", kind="municipality")
    police = reg.create_organisation(name="LPO Exempelstad", kind="police")
    officer = reg.create_person(name="Erik Exempelsson", title="Kommunpolis", organisation_id=police.id)
    clerk = reg.create_person(name="Lina Exempeldotter", title="Trygghetssamordnare",
                              organisation_id=municipality.id)
    agreement = agr.create_agreement(kind="citizen_promise", title="Exempelstad 2022", start_date="2022-01-01",
                                     end_date="2022-12-31", reporting_scheme="tertial")
    for org in (municipality, police):
        agr.add_party(agreement.id, organisation_id=org.id)
    return Draft(agreement.id, municipality, police, officer, clerk)


def make_page(qtbot, services, stack) -> PlanPage:  # type: ignore[no-untyped-def]
    page = PlanPage(services, stack, today=lambda: DEMO_TODAY)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


@pytest.fixture
def page(qtbot, services, stack, draft) -> PlanPage:  # type: ignore[no-untyped-def]
    shown = make_page(qtbot, services, stack)
    shown.set_agreement(draft.agreement_id)
    return shown


@pytest.fixture
def warnings(monkeypatch):  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *_a, **_k: shown.append(text))
    return shown


def click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, LEFT)


def visible(parent: QWidget, kind: type) -> Any:
    shown = [w for w in parent.findChildren(kind) if w.isVisible()]
    assert len(shown) == 1, shown
    return shown[0]


def type_into(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    qtbot.keyClicks(widget, text)


def titles(services, draft: Draft) -> list[str]:  # type: ignore[no-untyped-def]
    return [m.title for m in services.plan.list_measures(draft.agreement_id)]


def tree_rows(page: PlanPage) -> list[str]:
    """What the tree shows, top to bottom, indented by depth."""
    rows: list[str] = []

    def walk(parent, depth: int) -> None:  # type: ignore[no-untyped-def]
        for row in range(page.proxy.rowCount(parent)):
            index = page.proxy.index(row, 0, parent)
            rows.append("  " * depth + index.data())
            walk(index, depth + 1)

    from PySide6.QtCore import QModelIndex
    walk(QModelIndex(), 0)
    return rows


def add_promise_by_form(qtbot, page: PlanPage, text: str) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, page.new_promise_button)
    form = visible(page, PromiseForm)
    qtbot.keyClicks(form.text_edit, text)
    click(qtbot, form.save_button)
    assert not form.isVisible()


def test_add_a_promise_and_a_measure_then_edit_it_with_undo_and_redo(  # type: ignore[no-untyped-def]
    qtbot, page, services, stack, draft
):
    assert not page.new_measure_button.isEnabled(), "a measure needs a promise first"
    add_promise_by_form(qtbot, page, "synas mer i centrum")
    assert tree_rows(page) == ["The police and the municipality promise to …", "  synas mer i centrum"]
    promise = services.plan.list_promises(draft.agreement_id)[0]
    assert set(promise.maker_ids) == {draft.municipality.id, draft.police.id}
    stack.undo()
    assert services.plan.list_promises(draft.agreement_id) == [] and tree_rows(page) == []
    stack.redo()
    assert tree_rows(page)[1] == "  synas mer i centrum"

    # a new measure: title, responsible (the contact list follows it), deadline, OK
    page.select_promise(promise.id)
    click(qtbot, page.new_measure_button)
    form = visible(page, MeasureForm)
    qtbot.keyClicks(form.title_edit, "Fotpatrullering i centrum")
    form.responsible_combo.setFocus()
    qtbot.keyClick(form.responsible_combo, Qt.Key.Key_Down)
    assert form.responsible_combo.currentText() == "Exempelstads kommun"
    qtbot.keyClick(form.responsible_combo, Qt.Key.Key_Down)
    assert form.responsible_combo.currentText() == "LPO Exempelstad"
    contacts = [form.contact_combo.itemText(i) for i in range(form.contact_combo.count())]
    assert contacts == ["(no contact person)", "Erik Exempelsson, Kommunpolis"]
    form.contact_combo.setFocus()
    qtbot.keyClick(form.contact_combo, Qt.Key.Key_Down)
    assert form.deadline_field.value() == date(2022, 12, 31), "due when the agreement ends (issue 16)"
    type_into(qtbot, form.deadline_field.date_input.line_edit, "2022-06-30")
    click(qtbot, form.save_button)
    assert not form.isVisible()
    measure = services.plan.list_measures(draft.agreement_id)[0]
    assert (measure.title, measure.responsible_id, measure.contact_id, measure.deadline) == (
        "Fotpatrullering i centrum", draft.police.id, draft.officer.id, date(2022, 6, 30))
    assert page.selected_measure() is not None and page.selected_measure().id == measure.id
    assert stack.undoText() == "Add measure «Fotpatrullering i centrum»"
    stack.undo()
    assert titles(services, draft) == []
    stack.redo()
    assert titles(services, draft) == ["Fotpatrullering i centrum"]
    assert services.plan.list_measures(draft.agreement_id)[0].deadline == date(2022, 6, 30)

    # change it: Enter on the measure opens the form
    page.select_measure(measure.id)
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_Return)
    form = visible(page, MeasureForm)
    assert form.title_edit.text() == "Fotpatrullering i centrum"
    type_into(qtbot, form.title_edit, "Fotpatrullering sent")
    click(qtbot, form.save_button)
    assert titles(services, draft) == ["Fotpatrullering sent"]
    assert stack.undoText() == "Change measure «Fotpatrullering sent»"
    stack.undo()
    assert titles(services, draft) == ["Fotpatrullering i centrum"]
    stack.redo()
    assert titles(services, draft) == ["Fotpatrullering sent"]
    assert "    Fotpatrullering sent" in tree_rows(page)


def test_double_click_on_a_measure_edits_it(qtbot, page, services, draft) -> None:  # type: ignore[no-untyped-def]
    promise = services.plan.create_promise(draft.agreement_id, text="synas mer", maker_ids=[draft.police.id])
    measure = services.plan.create_measure(promise_id=promise.id, title="Fotpatrullering")
    page.refresh()
    page.select_measure(measure.id)
    rect = page.tree.visualRect(page.tree.currentIndex())
    qtbot.mouseClick(page.tree.viewport(), LEFT, pos=rect.center())
    qtbot.mouseDClick(page.tree.viewport(), LEFT, pos=rect.center())
    assert visible(page, MeasureForm).title_edit.text() == "Fotpatrullering"


def test_deleting_a_promise_with_two_measures_is_one_step_that_undo_takes_back(  # type: ignore[no-untyped-def]
    qtbot, page, services, stack, draft
):
    plan = services.plan
    promise = plan.create_promise(draft.agreement_id, text="öka tryggheten", maker_ids=[draft.police.id])
    other = plan.create_promise(draft.agreement_id, text="minska klottret", maker_ids=[draft.municipality.id])
    first = plan.create_measure(promise_id=promise.id, title="Fotpatrullering", responsible_id=draft.police.id,
                                deadline="2022-06-30", target_count=10, target_unit="pass")
    second = plan.create_measure(promise_id=promise.id, title="Trygghetsvandring", contact_id=draft.clerk.id)
    plan.add_occurrence(first.id, occurred_on="2022-02-02", note="Kväll")
    services.follow_ups.record(first.id, period="2022-T1", status="in_progress", light="yellow", comment="Igång")
    page.refresh()
    before = tree_rows(page)

    page.select_promise(promise.id)
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_Delete)
    assert [p.id for p in plan.list_promises(draft.agreement_id)] == [other.id]
    assert titles(services, draft) == []
    assert stack.count() == 1 and stack.undoText() == "Delete promise «öka tryggheten»"
    assert "2 measures" in page.notice_label.text()

    stack.undo()
    assert tree_rows(page) == before
    assert [(m.id, m.title) for m in plan.list_measures(draft.agreement_id)] == [
        (first.id, "Fotpatrullering"), (second.id, "Trygghetsvandring")]
    assert plan.get_measure(second.id).contact_id == draft.clerk.id
    assert [o.note for o in plan.list_occurrences(first.id)] == ["Kväll"]
    assert [f.comment for f in services.follow_ups.list_for_measure(first.id)] == ["Igång"]
    stack.redo()
    assert titles(services, draft) == []
    stack.undo()
    assert tree_rows(page) == before


def test_delete_and_move_a_measure_with_keys(qtbot, page, services, stack, draft) -> None:  # type: ignore[no-untyped-def]
    promise = services.plan.create_promise(draft.agreement_id, text="synas mer", maker_ids=[draft.police.id])
    made = [services.plan.create_measure(promise_id=promise.id, title=t) for t in ("Ett", "Två", "Tre")]
    page.refresh()
    page.select_measure(made[0].id)
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert titles(services, draft) == ["Två", "Ett", "Tre"]
    assert page.selected_measure().id == made[0].id
    click(qtbot, page.down_button)
    assert titles(services, draft) == ["Två", "Tre", "Ett"]
    assert not page.down_button.isEnabled()
    stack.undo()
    stack.undo()
    assert titles(services, draft) == ["Ett", "Två", "Tre"]
    page.select_measure(made[1].id)
    click(qtbot, page.delete_button)
    assert titles(services, draft) == ["Ett", "Tre"]
    stack.undo()
    assert titles(services, draft) == ["Ett", "Två", "Tre"]


def test_filter_to_overdue_and_by_free_text_as_you_type(qtbot, page, services, draft) -> None:  # type: ignore[no-untyped-def]
    plan = services.plan
    promise = plan.create_promise(draft.agreement_id, text="öka tryggheten", maker_ids=[draft.police.id])
    late = plan.create_measure(promise_id=promise.id, title="Belysning i parken", deadline="2022-06-30")
    done = plan.create_measure(promise_id=promise.id, title="Klottersanering", deadline="2022-05-31")
    later = plan.create_measure(promise_id=promise.id, title="Trygghetsvandring", deadline="2022-12-31")
    services.follow_ups.record(done.id, period="2022-T2", status="done", light="green")
    services.follow_ups.record(later.id, period="2022-T2", status="in_progress", comment="Väntar på lampor")
    page.refresh()
    assert page.proxy.visible_measure_ids() == [late.id, done.id, later.id]

    click(qtbot, page.overdue_box)
    assert page.proxy.visible_measure_ids() == [late.id]
    assert tree_rows(page) == ["The police promise to …", "  öka tryggheten", "    Belysning i parken"]
    assert page.count_label.text() == "Measures shown: 1 of 3"
    click(qtbot, page.overdue_box)

    page.search_edit.setFocus()
    qtbot.keyClicks(page.search_edit, "LAMP")  # a word of a follow-up's comment
    assert page.proxy.visible_measure_ids() == [later.id]
    qtbot.keyClicks(page.search_edit, "or som inte finns")
    assert page.proxy.visible_measure_ids() == [] and tree_rows(page) == []
    click(qtbot, page.clear_button)
    assert page.search_edit.text() == "" and len(page.proxy.visible_measure_ids()) == 3


def test_an_empty_title_is_refused_at_the_field_and_what_was_typed_stays(  # type: ignore[no-untyped-def]
    qtbot, page, services, draft
):
    services.plan.create_promise(draft.agreement_id, text="synas mer", maker_ids=[draft.police.id])
    page.refresh()
    click(qtbot, page.new_measure_button)
    form = visible(page, MeasureForm)
    qtbot.keyClicks(form.description_edit, "Pass varje fredag")
    qtbot.keyClicks(form.unit_edit, "pass")
    click(qtbot, form.save_button)
    assert form.isVisible(), "the form stays open"
    assert form.field_errors["title"].isVisible()
    assert "Åtgärd" in form.field_errors["title"].text()
    assert form.field_errors["target_count"].isVisible(), "a unit without a count is refused too"
    assert form.description_edit.toPlainText() == "Pass varje fredag"
    assert form.unit_edit.text() == "pass"
    assert titles(services, draft) == []
    qtbot.keyClicks(form.title_edit, "Fotpatrullering")
    form.unit_edit.clear()
    click(qtbot, form.save_button)
    assert not form.isVisible() and titles(services, draft) == ["Fotpatrullering"]


def test_focus_areas_are_added_renamed_and_deleted_with_undo(qtbot, page, services, stack, draft) -> None:  # type: ignore[no-untyped-def]
    promise = services.plan.create_promise(draft.agreement_id, text="synas mer", maker_ids=[draft.police.id])
    click(qtbot, page.focus_areas_button)
    dialog = visible(page, FocusAreaListDialog)
    click(qtbot, dialog.add_button)
    form = visible(dialog, FocusAreaForm)
    qtbot.keyClicks(form.name_edit, "Hagalund")
    click(qtbot, form.save_button)
    area = services.plan.list_focus_areas(draft.agreement_id)[0]
    measure = services.plan.create_measure(promise_id=promise.id, title="X", focus_area_id=area.id)
    click(qtbot, dialog.edit_button)
    form = visible(dialog, FocusAreaForm)
    type_into(qtbot, form.name_edit, "Hagalund centrum")
    click(qtbot, form.save_button)
    assert [dialog.list_widget.item(i).text() for i in range(dialog.list_widget.count())] == ["Hagalund centrum"]
    click(qtbot, dialog.delete_button)
    assert services.plan.list_focus_areas(draft.agreement_id) == []
    assert services.plan.get_measure(measure.id).focus_area_id is None
    stack.undo()
    assert services.plan.get_measure(measure.id).focus_area_name == "Hagalund centrum"
    assert dialog.list_widget.count() == 1
    stack.undo()
    assert services.plan.list_focus_areas(draft.agreement_id)[0].name == "Hagalund"


def test_a_signed_agreement_is_shown_locked_but_its_occurrence_log_goes_on(  # type: ignore[no-untyped-def]
    qtbot, demo_services, stack, warnings
):
    page = make_page(qtbot, demo_services, stack)
    solna = next(a.id for a in demo_services.agreements.list_agreements() if a.title.startswith("Solna –"))
    page.set_agreement(solna)
    assert page.lock_label.isVisible() and "revision 1" in page.lock_label.text()
    for button in (page.new_measure_button, page.new_promise_button, page.edit_button, page.delete_button):
        assert not button.isEnabled()
    counted = next(m for m in demo_services.plan.list_measures(solna) if m.target_count)
    page.select_measure(counted.id)
    assert not page.delete_button.isEnabled()
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_Delete)
    assert counted.id in [m.id for m in demo_services.plan.list_measures(solna)]

    before = len(demo_services.plan.list_occurrences(counted.id))
    click(qtbot, page.occurrences_button)
    dialog = visible(page, OccurrenceLogDialog)
    click(qtbot, dialog.log.add_button)
    form = visible(dialog, OccurrenceForm)
    qtbot.keyClicks(form.place_edit, "Solna centrum")
    click(qtbot, form.save_button)
    assert len(demo_services.plan.list_occurrences(counted.id)) == before + 1
    assert dialog.log.view.topLevelItemCount() == before + 1
    stack.undo()
    assert len(demo_services.plan.list_occurrences(counted.id)) == before
    assert warnings == []


def test_a_refusal_because_the_agreement_was_signed_meanwhile_is_shown(  # type: ignore[no-untyped-def]
    qtbot, page, services, stack, draft, warnings
):
    from promises_app.reports.agreement_document import sign_agreement

    promise = services.plan.create_promise(draft.agreement_id, text="synas mer", maker_ids=[draft.police.id])
    page.refresh()
    page.select_promise(promise.id)
    for party, person in zip(services.agreements.list_parties(draft.agreement_id), (draft.clerk, draft.officer),
                             strict=True):
        services.agreements.add_signatory(party.id, person_id=person.id)
    sign_agreement(services, draft.agreement_id, place="Exempelstad", signed_on="2022-01-10")
    assert page.delete_button.isEnabled(), "the page has not read the agreement again yet"
    click(qtbot, page.delete_button)
    assert len(warnings) == 1 and "undertecknad" in warnings[0]
    assert services.plan.list_promises(draft.agreement_id) and stack.count() == 0
    assert page.lock_label.isVisible() and not page.delete_button.isEnabled()


def test_edit_a_promise_and_move_it_within_its_group(qtbot, page, services, stack, draft) -> None:  # type: ignore[no-untyped-def]
    plan = services.plan
    both = [draft.police.id, draft.municipality.id]
    first = plan.create_promise(draft.agreement_id, text="synas mer", maker_ids=both)
    plan.create_promise(draft.agreement_id, text="klottra mindre", maker_ids=[draft.municipality.id])
    third = plan.create_promise(draft.agreement_id, text="lyssna mer", maker_ids=both)
    page.refresh()
    page.select_promise(third.id)
    assert page.up_button.isEnabled() and not page.down_button.isEnabled(), "moves stay within the group"
    click(qtbot, page.up_button)
    assert [p.text for p in plan.list_promises(draft.agreement_id)] == ["lyssna mer", "synas mer", "klottra mindre"]
    assert tree_rows(page)[:3] == ["The police and the municipality promise to …", "  lyssna mer", "  synas mer"]
    stack.undo()
    assert [p.text for p in plan.list_promises(draft.agreement_id)] == ["synas mer", "klottra mindre", "lyssna mer"]

    page.select_promise(first.id)
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_F2)
    form = visible(page, PromiseForm)
    assert form.values()["maker_ids"] == both, "the saved order of the makers is kept"
    type_into(qtbot, form.text_edit, "synas mer i centrum")
    form.makers_list.setFocus()
    form.makers_list.setCurrentRow(0)  # Exempelstads kommun: Space unticks it
    qtbot.keyClick(form.makers_list, Qt.Key.Key_Space)
    click(qtbot, form.save_button)
    changed = plan.list_promises(draft.agreement_id)[0]
    assert (changed.text, changed.maker_ids) == ("synas mer i centrum", (draft.police.id,))
    assert "The police promise to …" in tree_rows(page)
    stack.undo()
    restored = plan.list_promises(draft.agreement_id)[0]
    assert (restored.text, set(restored.maker_ids)) == ("synas mer", set(both))


def test_a_promise_written_as_a_whole_is_kept_as_written(qtbot, page, services, stack, draft) -> None:  # type: ignore[no-untyped-def]
    """Issue 13: "Polisen lovar synlig närvaro …" is not forced into "Polisen lovar att …"."""
    click(qtbot, page.new_promise_button)
    form = visible(page, PromiseForm)
    assert form.text_caption.text() == "… &promise to:" and not form.as_written_box.isChecked()
    form.makers_list.setFocus()
    form.makers_list.setCurrentRow(0)  # Exempelstads kommun: Space unticks it, the police promise alone
    qtbot.keyClick(form.makers_list, Qt.Key.Key_Space)
    form.as_written_box.setFocus()
    qtbot.keyClick(form.as_written_box, Qt.Key.Key_Space)
    assert form.text_caption.text() == "&Promise:" and form.text_edit.accessibleName() == "Promise"
    form.text_edit.setPlainText("synlig närvaro vid stationen på helgkvällar")  # QTest types ASCII only
    click(qtbot, form.save_button)
    (made,) = services.plan.list_promises(draft.agreement_id)
    assert (made.text, made.as_written) == ("synlig närvaro vid stationen på helgkvällar", True)
    assert tree_rows(page) == ["The police promise", "  synlig närvaro vid stationen på helgkvällar"]

    page.select_promise(made.id)
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_F2)
    form = visible(page, PromiseForm)
    assert form.as_written_box.isChecked() and form.text_caption.text() == "&Promise:"
    form.as_written_box.setFocus()
    qtbot.keyClick(form.as_written_box, Qt.Key.Key_Space)
    click(qtbot, form.save_button)
    assert services.plan.list_promises(draft.agreement_id)[0].as_written is False
    assert tree_rows(page)[0] == "The police promise to …"
    stack.undo()
    assert services.plan.list_promises(draft.agreement_id)[0].as_written is True
    assert tree_rows(page)[0] == "The police promise"


def test_a_promise_needs_a_maker_and_says_so_at_the_field(qtbot, page, services, draft) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, page.new_promise_button)
    form = visible(page, PromiseForm)
    qtbot.keyClicks(form.text_edit, "synas mer")
    for row in range(form.makers_list.count()):
        form.makers_list.setCurrentRow(row)
        qtbot.keyClick(form.makers_list, Qt.Key.Key_Space)
    click(qtbot, form.save_button)
    assert form.isVisible() and form.field_errors["maker_ids"].isVisible()
    assert form.text_edit.toPlainText() == "synas mer"
    assert services.plan.list_promises(draft.agreement_id) == []


def test_commands_follow_a_row_that_came_back_under_a_new_id(services, draft) -> None:  # type: ignore[no-untyped-def]
    from promises_app.ui.common.undo_commands import Refs
    from promises_app.ui.plan.plan_commands import CreateMeasureCommand, UpdateMeasureCommand

    plan, refs, stack = services.plan, Refs(), QUndoStack()
    promise = plan.create_promise(draft.agreement_id, text="synas mer", maker_ids=[draft.police.id])
    made = plan.create_measure(promise_id=promise.id, title="Fotpatrullering")
    stack.push(CreateMeasureCommand(services, refs, made))
    changed = plan.update_measure(made.id, title="Fotpatrullering sent")
    stack.push(UpdateMeasureCommand(services, refs, made, changed))
    stack.undo()
    stack.undo()
    assert plan.list_measures(draft.agreement_id) == []
    squatter = plan.create_measure(promise_id=promise.id, title="Annan")  # outside the stack: takes the old id
    assert squatter.id == made.id
    stack.redo()
    stack.redo()
    by_title = {m.title: m.id for m in plan.list_measures(draft.agreement_id)}
    assert by_title == {"Annan": squatter.id, "Fotpatrullering sent": by_title["Fotpatrullering sent"]}
    assert by_title["Fotpatrullering sent"] != made.id


def test_undo_of_a_change_of_promise_puts_the_measure_back_at_its_place(services, draft) -> None:  # type: ignore[no-untyped-def]
    from promises_app.ui.common.undo_commands import Refs
    from promises_app.ui.plan.plan_commands import UpdateMeasureCommand

    plan, stack = services.plan, QUndoStack()
    home = plan.create_promise(draft.agreement_id, text="synas mer", maker_ids=[draft.police.id])
    away = plan.create_promise(draft.agreement_id, text="lyssna mer", maker_ids=[draft.police.id])
    first = plan.create_measure(promise_id=home.id, title="Ett")
    plan.create_measure(promise_id=home.id, title="Två")
    moved = plan.update_measure(first.id, promise_id=away.id)
    stack.push(UpdateMeasureCommand(services, Refs(), first, moved))
    assert [m.title for m in plan.list_measures(draft.agreement_id)] == ["Två", "Ett"]
    stack.undo()
    assert [(m.title, m.promise_id) for m in plan.list_measures(draft.agreement_id)] == [
        ("Ett", home.id), ("Två", home.id)]

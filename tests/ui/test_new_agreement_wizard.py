"""The wizard "new agreement from last year's", driven like a person would: clicks on Next and
Create, a typed title, Space on a measure; then undo and redo on the one stack. The measures'
model is also tested without any widget.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QUndoStack
from PySide6.QtWidgets import QApplication, QWidget, QWizard

from promises_app.domain.enums import AgreementState, FollowUpStatus
from promises_app.services.errors import FieldError, ValidationError
from promises_app.ui.agreements.new_agreement_wizard import (
    MEASURE_ID_ROLE,
    CarryMeasureModel,
    NewAgreementWizard,
    run_new_agreement_wizard,
)
from promises_app.ui.common.date_input import DateInput

LEFT = Qt.MouseButton.LeftButton
SOLNA_PROMISE = "Solna – medborgarlöften 2022"
HELSINGBORG = (
    "Samverkansöverenskommelse mellan Helsingborgs stad och lokalpolisområde Helsingborg 2018–2022"
)
NEW_TITLE = "Solna medborgarloften 2023 (utkast)"  # QTest types ASCII only


def type_date(qtbot, field: DateInput, text: str) -> None:  # type: ignore[no-untyped-def]
    """A click into the date (which selects all of it), then the keys."""
    qtbot.mouseClick(field.line_edit, LEFT)
    qtbot.keyClicks(field.line_edit, text)
    assert field.text() == text


def agreement_id(services, title: str) -> int:  # type: ignore[no-untyped-def]
    return next(a.id for a in services.agreements.list_agreements() if a.title == title)


@pytest.fixture
def stack() -> QUndoStack:
    return QUndoStack()


@pytest.fixture
def wizard(qtbot, demo_ui_services, stack, swedish_app):  # type: ignore[no-untyped-def]
    shown = NewAgreementWizard(demo_ui_services, stack, agreement_id(demo_ui_services, SOLNA_PROMISE))
    qtbot.addWidget(shown)
    shown.resize(1000, 640)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def click(qtbot, wizard: QWizard, which: QWizard.WizardButton) -> None:  # type: ignore[no-untyped-def]
    button = wizard.button(which)
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, LEFT)


def type_title(qtbot, wizard: NewAgreementWizard, title: str) -> None:  # type: ignore[no-untyped-def]
    edit = wizard.details_page.title_edit
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, title)


def new_agreements(services, before: set[int]) -> list:  # type: ignore[no-untyped-def]
    return [a for a in services.agreements.list_agreements() if a.id not in before]


# --- the measures' model, without widgets ----------------------------------------------------
def test_model_ticks_the_unfinished_and_greys_the_finished(  # type: ignore[no-untyped-def]
    demo_ui_services, swedish_app
) -> None:
    preview = demo_ui_services.carry_over.preview(agreement_id(demo_ui_services, SOLNA_PROMISE))
    model = CarryMeasureModel()
    ticks: list[bool] = []
    model.checked_changed.connect(lambda: ticks.append(True))
    model.set_rows(list(preview.measures))

    assert (model.rowCount(), model.columnCount()) == (7, 4)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)][0]
    assert model.checked_ids() == preview.carried_ids and len(model.checked_ids()) == 5
    for row in range(model.rowCount()):
        item = preview.measures[row]
        title = model.index(row, CarryMeasureModel.TITLE)
        assert title.data(MEASURE_ID_ROLE) == item.measure.id
        assert title.flags() & Qt.ItemFlag.ItemIsUserCheckable
        expected = Qt.CheckState.Checked if item.carried else Qt.CheckState.Unchecked
        assert Qt.CheckState(title.data(Qt.ItemDataRole.CheckStateRole)) == expected
        greyed = isinstance(title.data(Qt.ItemDataRole.ForegroundRole), QBrush)
        assert greyed is (item.latest_status is FollowUpStatus.DONE)
    done_row = next(r for r, c in enumerate(preview.measures) if not c.carried)
    assert model.index(done_row, CarryMeasureModel.STATUS).data() == "Genomförd (2022-T2)"
    assert model.index(0, CarryMeasureModel.STATUS).data() == "Pågående (2022-T2)"

    checked, role = Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    assert model.setData(model.index(done_row, 0), checked, role)
    assert len(model.checked_ids()) == 6
    assert not model.setData(model.index(done_row, 1), checked, role), "only the first column has a tick box"
    model.set_checked(set())
    assert model.checked_ids() == frozenset()
    model.set_checked(model.all_ids() | {999_999})
    assert model.checked_ids() == model.all_ids()
    model.set_checked(model.unfinished_ids())
    assert model.checked_ids() == preview.carried_ids
    assert len(ticks) == 5


# --- the wizard ------------------------------------------------------------------------------
def test_next_next_create_makes_the_draft_and_undo_redo_remove_and_restore_it(  # type: ignore[no-untyped-def]
    qtbot, wizard, demo_ui_services, stack
) -> None:
    services = demo_ui_services
    previous_id = agreement_id(services, SOLNA_PROMISE)
    before = {a.id for a in services.agreements.list_agreements()}
    assert wizard.currentId() == NewAgreementWizard.CHOOSE
    assert wizard.choose_page.selected_id() == previous_id, "the given agreement is preselected"

    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentId() == NewAgreementWizard.DETAILS
    page = wizard.details_page
    assert page.title_edit.text() == "Solna – medborgarlöften 2023"
    assert page.start_edit.date() == date(2023, 1, 1) and page.end_edit.date() == date(2023, 12, 31)
    assert page.scheme_combo.currentData() == "tertial"
    type_title(qtbot, wizard, NEW_TITLE)

    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentId() == NewAgreementWizard.MEASURES
    measures = wizard.measures_page
    assert len(measures.model.checked_ids()) == 5
    assert "5 av 7" in measures.summary.text() or "5 of 7" in measures.summary.text()

    click(qtbot, wizard, QWizard.WizardButton.FinishButton)

    assert wizard.result() == QWizard.DialogCode.Accepted and not wizard.isVisible()
    created = new_agreements(services, before)
    assert [a.title for a in created] == [NEW_TITLE] and created[0].id == wizard.created_id
    assert created[0].state is AgreementState.DRAFT
    carried = services.plan.list_measures(wizard.created_id)
    preview = services.carry_over.preview(previous_id)
    assert {m.previous_measure_id for m in carried} == set(preview.carried_ids)
    unfinished = next(c.measure for c in preview.measures if c.carried)
    assert any(m.previous_measure_id == unfinished.id and m.title == unfinished.title for m in carried)

    assert stack.count() == 1 and NEW_TITLE in stack.undoText()
    stack.undo()
    assert new_agreements(services, before) == []
    stack.redo()
    again = new_agreements(services, before)
    assert [a.title for a in again] == [NEW_TITLE]
    assert stack.command(0).record.id == again[0].id
    relinked = {m.previous_measure_id for m in services.plan.list_measures(again[0].id)}
    assert relinked == set(preview.carried_ids)
    stack.undo()
    assert new_agreements(services, before) == []
    assert services.maintenance.verify_database().ok


def test_space_and_the_tick_buttons_choose_what_is_carried(  # type: ignore[no-untyped-def]
    qtbot, wizard, demo_ui_services
) -> None:
    services = demo_ui_services
    previous_id = agreement_id(services, SOLNA_PROMISE)
    before = {a.id for a in services.agreements.list_agreements()}
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    page = wizard.measures_page
    preview = services.carry_over.preview(previous_id)
    done_row = next(r for r, c in enumerate(preview.measures) if not c.carried)

    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Space)  # the first (unfinished) measure: not carried
    page.table.setCurrentIndex(page.model.index(done_row, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Space)  # a done one: carried after all
    first, done = preview.measures[0].measure.id, preview.measures[done_row].measure.id
    expected = (preview.carried_ids - {first}) | {done}
    assert page.model.checked_ids() == expected
    assert "5 av 7" in page.summary.text() or "5 of 7" in page.summary.text()

    qtbot.mouseClick(page.none_button, LEFT)
    assert page.model.checked_ids() == frozenset()
    qtbot.mouseClick(page.all_button, LEFT)
    assert len(page.model.checked_ids()) == 7
    qtbot.mouseClick(page.unfinished_button, LEFT)
    assert page.model.checked_ids() == preview.carried_ids
    page.table.setCurrentIndex(page.model.index(0, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Space)

    click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    created = new_agreements(services, before)[0]
    carried = {m.previous_measure_id for m in services.plan.list_measures(created.id)}
    assert carried == preview.carried_ids - {preview.measures[0].measure.id}


def test_a_refused_title_or_dates_show_at_the_field_and_the_wizard_stays(  # type: ignore[no-untyped-def]
    qtbot, wizard, demo_ui_services
) -> None:
    before = {a.id for a in demo_ui_services.agreements.list_agreements()}
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    page = wizard.details_page
    type_title(qtbot, wizard, "   ")
    type_date(qtbot, page.start_edit, "2023-06-01")
    type_date(qtbot, page.end_edit, "31/1 2023")
    click(qtbot, wizard, QWizard.WizardButton.NextButton)

    assert wizard.currentId() == NewAgreementWizard.DETAILS and wizard.isVisible()
    assert page.field_errors["title"].isVisible() and "Titel" in page.field_errors["title"].text()
    assert page.field_errors["end_date"].isVisible()
    assert not page.field_errors["start_date"].isVisible()
    assert page.title_edit.text() == "   " and page.start_edit.date() == date(2023, 6, 1)
    assert page.title_edit.hasFocus()

    type_title(qtbot, wizard, NEW_TITLE)
    type_date(qtbot, page.end_edit, "2024-05-31")
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentId() == NewAgreementWizard.MEASURES
    assert not page.field_errors["title"].isVisible()
    assert new_agreements(demo_ui_services, before) == []


def test_a_refusal_on_create_goes_back_to_the_field_keeping_everything(  # type: ignore[no-untyped-def]
    qtbot, wizard, demo_ui_services, stack, monkeypatch
) -> None:
    """Something changed between Next and Create: the refusal is shown where it belongs."""
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    type_title(qtbot, wizard, NEW_TITLE)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    page = wizard.measures_page
    page.table.setCurrentIndex(page.model.index(0, 0))
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Space)
    ticked = page.model.checked_ids()

    def refuse(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise ValidationError([FieldError("start_date", "Startdatum: refused."),
                               FieldError("carried_measure_ids", "Åtgärder: refused.")])

    monkeypatch.setattr(demo_ui_services.carry_over, "create_from", refuse)
    click(qtbot, wizard, QWizard.WizardButton.FinishButton)

    assert wizard.isVisible() and wizard.created_id is None and stack.count() == 0
    assert wizard.currentId() == NewAgreementWizard.DETAILS
    details = wizard.details_page
    assert details.field_errors["start_date"].text() == "Startdatum: refused."
    assert details.title_edit.text() == NEW_TITLE
    assert page.error.text() == "Åtgärder: refused."

    monkeypatch.undo()
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert page.model.checked_ids() == ticked, "the ticks stay when going back and forth"
    click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert wizard.created_id is not None and stack.count() == 1
    carried = {m.previous_measure_id for m in demo_ui_services.plan.list_measures(wizard.created_id)}
    assert carried == set(ticked)


def test_choosing_another_agreement_suggests_its_next_period(  # type: ignore[no-untyped-def]
    qtbot, wizard, demo_ui_services
) -> None:
    chooser = wizard.choose_page.agreement_list
    target = agreement_id(demo_ui_services, HELSINGBORG)
    row = next(r for r in range(chooser.count()) if chooser.item(r).data(Qt.ItemDataRole.UserRole) == target)
    qtbot.mouseClick(chooser.viewport(), LEFT, pos=chooser.visualItemRect(chooser.item(row)).center())
    assert wizard.choose_page.selected_id() == target
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    page = wizard.details_page
    assert page.title_edit.text().endswith("Helsingborg 2023–2027")
    assert (page.start_edit.date(), page.end_edit.date()) == (date(2023, 1, 1), date(2027, 12, 31))
    assert page.scheme_combo.currentData() == "year"
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.measures_page.model.rowCount() == 5

    # Back to the first page and to Solna again: its own suggestions and measures.
    click(qtbot, wizard, QWizard.WizardButton.BackButton)
    click(qtbot, wizard, QWizard.WizardButton.BackButton)
    solna = agreement_id(demo_ui_services, SOLNA_PROMISE)
    row = next(r for r in range(chooser.count()) if chooser.item(r).data(Qt.ItemDataRole.UserRole) == solna)
    chooser.setCurrentRow(row)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert page.title_edit.text() == "Solna – medborgarlöften 2023"
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.measures_page.model.rowCount() == 7


def test_fields_are_named_and_tabbed_in_order(qtbot, wizard) -> None:  # type: ignore[no-untyped-def]
    assert wizard.choose_page.agreement_list.accessibleName()
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    page = wizard.details_page
    chain = [page.title_edit, page.start_edit, page.end_edit, page.scheme_combo]
    for widget in chain:
        assert widget.accessibleName()
    page.title_edit.setFocus()
    for widget, following in zip(chain, chain[1:], strict=False):
        assert widget.hasFocus()
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # a date is one stop (no sections)
        assert following.hasFocus(), (following, QApplication.focusWidget())
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.measures_page.table.accessibleName()


def test_run_new_agreement_wizard_returns_the_new_id_or_none(  # type: ignore[no-untyped-def]
    qtbot, demo_ui_services, stack
) -> None:
    services = demo_ui_services
    previous_id = agreement_id(services, SOLNA_PROMISE)
    parent = QWidget()
    qtbot.addWidget(parent)

    def drive(finish: bool) -> None:
        shown = QApplication.activeModalWidget()
        assert isinstance(shown, NewAgreementWizard)
        if not finish:
            qtbot.mouseClick(shown.button(QWizard.WizardButton.CancelButton), LEFT)
            return
        qtbot.mouseClick(shown.button(QWizard.WizardButton.NextButton), LEFT)
        qtbot.mouseClick(shown.button(QWizard.WizardButton.NextButton), LEFT)
        qtbot.mouseClick(shown.button(QWizard.WizardButton.FinishButton), LEFT)

    QTimer.singleShot(0, lambda: drive(False))
    assert run_new_agreement_wizard(parent, services, stack, previous_id) is None
    assert stack.count() == 0

    QTimer.singleShot(0, lambda: drive(True))
    created = run_new_agreement_wizard(parent, services, stack, previous_id)
    assert created is not None and stack.count() == 1
    record = services.agreements.get_agreement(created)
    assert (record.title, record.start_date) == ("Solna – medborgarlöften 2023", date(2023, 1, 1))


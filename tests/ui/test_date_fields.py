"""Typed dates in the window: what a person types is the date saved, or the field says why not.

Issue 12, point 4: in the measure form, a click into "Klart senast" and a typed 2027-03-31 saved
a different date; a double-click on the year and a typed 2026-12-31 saved 2026-02-12; the
signing date did the same. Here each attack is made with real clicks and keys on the real form,
saved through the services into a real database, and the saved row read back.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QWizard

from promises_app.domain.enums import AgreementState
from promises_app.ui.agreements.new_agreement_wizard import NewAgreementWizard
from promises_app.ui.common.date_input import DateInput
from promises_app.ui.parties.agreement_dialog import AgreementDialog
from promises_app.ui.plan.measure_dialog import MeasureForm
from promises_app.ui.plan.occurrence_dialog import OccurrenceForm
from promises_app.ui.plan.plan_page import PlanPage
from promises_app.ui.reports.report_dialog import ReportDialog
from promises_app.ui.situation.walk_dialogs import WalkForm
from promises_app.ui.versions.signoff_dialog import SignOffDialog
from tests.ui.conftest import DEMO_TODAY

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def stack() -> QUndoStack:
    return QUndoStack()


@pytest.fixture(autouse=True)
def swedish(swedish_app):  # type: ignore[no-untyped-def]
    """Every test here runs in Swedish, as the window does (the messages are read in Swedish)."""
    return swedish_app


@pytest.fixture
def plan(services):  # type: ignore[no-untyped-def]
    """A draft agreement 2026–2027 with one promise and one measure due 2026-09-30."""
    reg, agr = services.register, services.agreements
    police = reg.create_organisation(name="LPO Exempelstad", kind="police")
    agreement = agr.create_agreement(kind="citizen_promise", title="Exempelstad 2026-2027",
                                     start_date="2026-01-01", end_date="2027-12-31", reporting_scheme="tertial")
    agr.add_party(agreement.id, organisation_id=police.id)
    promise = services.plan.create_promise(agreement.id, text="synas mer", maker_ids=[police.id])
    measure = services.plan.create_measure(promise_id=promise.id, title="Fotpatrullering", deadline="2026-09-30")
    return agreement, promise, measure


@pytest.fixture
def page(qtbot, services, stack, plan) -> PlanPage:  # type: ignore[no-untyped-def]
    shown = PlanPage(services, stack, today=lambda: DEMO_TODAY)
    qtbot.addWidget(shown)
    shown.resize(1366, 700)
    shown.show()
    qtbot.waitExposed(shown)
    shown.set_agreement(plan[0].id)
    return shown


def open_form(qtbot, page: PlanPage, *, new: bool, plan: Any) -> MeasureForm:  # type: ignore[no-untyped-def]
    _agreement, promise, measure = plan
    if new:
        page.select_promise(promise.id)
        qtbot.mouseClick(page.new_measure_button, LEFT)
    else:
        page.select_measure(measure.id)
        page.tree.setFocus()
        qtbot.keyClick(page.tree, Qt.Key.Key_Return)
    form = next(w for w in page.findChildren(MeasureForm) if w.isVisible())
    qtbot.waitExposed(form)
    activate(qtbot, form)
    return form


def activate(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """As the window manager does when a dialog opens: its focus is then real, as on a desktop."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2_000)


def x_of(edit, position: int) -> int:  # type: ignore[no-untyped-def]
    """Where in ``edit`` the boundary before character ``position`` of its text is drawn."""
    metrics, text = edit.fontMetrics(), edit.text()
    return (edit.cursorRect().center().x() + metrics.horizontalAdvance(text[:position])
            - metrics.horizontalAdvance(text[:edit.cursorPosition()]))


def click_into(qtbot, field: DateInput, position: int = 6) -> None:  # type: ignore[no-untyped-def]
    """A click into the text at the boundary before character ``position`` (6: in the month)."""
    edit = field.line_edit
    qtbot.mouseClick(edit, LEFT, pos=QPoint(x_of(edit, position) + 1, edit.height() // 2))


def double_click_the_year(qtbot, field: DateInput) -> None:  # type: ignore[no-untyped-def]
    edit = field.line_edit
    qtbot.mouseDClick(edit, LEFT, pos=QPoint(x_of(edit, 2), edit.height() // 2))


def deadlines(services, plan) -> list[date | None]:  # type: ignore[no-untyped-def]
    return [m.deadline for m in services.plan.list_measures(plan[0].id)]


# --- the attacks on "Klart senast" -------------------------------------------------------------------
def test_click_into_the_deadline_then_type_saves_the_typed_date(qtbot, page, services, plan):  # type: ignore[no-untyped-def]
    form = open_form(qtbot, page, new=False, plan=plan)
    assert form.deadline_field.date_input.text() == "2026-09-30"
    click_into(qtbot, form.deadline_field.date_input)
    qtbot.keyClicks(form.deadline_field.date_input.line_edit, "2027-03-31")
    assert form.deadline_field.date_input.text() == "2027-03-31", "shows exactly what was typed"
    qtbot.mouseClick(form.save_button, LEFT)
    assert not form.isVisible()
    assert deadlines(services, plan) == [date(2027, 3, 31)]


def test_new_measure_deadline_starts_on_and_takes_a_click_and_typing(qtbot, page, services, plan):  # type: ignore[no-untyped-def]
    form = open_form(qtbot, page, new=True, plan=plan)
    qtbot.keyClicks(form.title_edit, "Trygghetsvandring")
    assert not form.deadline_field.none_box.isChecked(), "a new measure is due when the agreement ends (issue 16)"
    click_into(qtbot, form.deadline_field.date_input)
    qtbot.keyClicks(form.deadline_field.date_input.line_edit, "2027-03-31")
    qtbot.mouseClick(form.save_button, LEFT)
    assert not form.isVisible()
    assert sorted(deadlines(services, plan)) == [date(2026, 9, 30), date(2027, 3, 31)]


def test_double_click_on_the_year_then_type_a_whole_date_saves_that_date(qtbot, page, services, plan):  # type: ignore[no-untyped-def]
    form = open_form(qtbot, page, new=False, plan=plan)
    field = form.deadline_field.date_input
    click_into(qtbot, field)  # the field has the focus already, as in the attack
    double_click_the_year(qtbot, field)
    assert field.line_edit.selectedText() == "2026-09-30", "a double-click selects the whole date"
    qtbot.keyClicks(field.line_edit, "2026-12-31")
    qtbot.mouseClick(form.save_button, LEFT)
    assert not form.isVisible()
    assert deadlines(services, plan) == [date(2026, 12, 31)]


def test_a_second_click_places_the_cursor_to_mend_one_character(qtbot, page, services, plan):  # type: ignore[no-untyped-def]
    form = open_form(qtbot, page, new=False, plan=plan)
    field = form.deadline_field.date_input
    click_into(qtbot, field)
    assert field.line_edit.selectedText() == "2026-09-30", "the first click selects the whole date"
    qtbot.keyClick(field.line_edit, Qt.Key.Key_End)
    qtbot.keyClick(field.line_edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(field.line_edit, "1")  # 2026-09-31: no such day
    qtbot.mouseClick(form.save_button, LEFT)
    assert form.isVisible() and deadlines(services, plan) == [date(2026, 9, 30)]
    assert "september 2026 har dagarna 1–30" in form.field_errors["deadline"].text()
    click_into(qtbot, field, position=9)  # the focus came back with the refusal: selects all
    click_into(qtbot, field, position=9)  # now the cursor goes between the 3 and the 1
    qtbot.keyClick(field.line_edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(field.line_edit, "2")
    assert field.text() == "2026-09-21"
    qtbot.mouseClick(form.save_button, LEFT)
    assert deadlines(services, plan) == [date(2026, 9, 21)]


def test_swedish_day_first_is_saved_as_that_day(qtbot, page, services, plan):  # type: ignore[no-untyped-def]
    form = open_form(qtbot, page, new=False, plan=plan)
    qtbot.mouseClick(form.start_field.none_box, LEFT)  # a start date too
    qtbot.keyClicks(form.start_field.date_input.line_edit, "1/2-2026")
    click_into(qtbot, form.deadline_field.date_input)
    qtbot.keyClicks(form.deadline_field.date_input.line_edit, "31/3 2027")
    assert form.deadline_field.date_input.text() == "31/3 2027", "not reformatted"
    qtbot.mouseClick(form.save_button, LEFT)
    assert not form.isVisible()
    saved = services.plan.list_measures(plan[0].id)[0]
    assert (saved.start_date, saved.deadline) == (date(2026, 2, 1), date(2027, 3, 31))


@pytest.mark.parametrize(("typed", "reason"), [
    ("31/3", "skriv också året"),
    ("2026-02-30", "februari 2026 har dagarna 1–28"),
    ("2026-12-31-09-30", "kan inte läsas som ett datum"),
    ("", "Skriv ett datum, eller kryssa i ”Inget datum”."),
])
def test_what_is_no_date_is_refused_at_the_field_and_kept(qtbot, page, services, plan, stack, typed, reason):  # type: ignore[no-untyped-def]
    form = open_form(qtbot, page, new=False, plan=plan)
    qtbot.keyClick(form.title_edit, Qt.Key.Key_End)
    qtbot.keyClicks(form.title_edit, " sent")
    click_into(qtbot, form.deadline_field.date_input)
    qtbot.keyClick(form.deadline_field.date_input.line_edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(form.deadline_field.date_input.line_edit, typed)
    before = services.plan.list_measures(plan[0].id)
    qtbot.mouseClick(form.save_button, LEFT)

    assert form.isVisible(), "the form stays open"
    error = form.field_errors["deadline"]
    assert error.isVisible() and reason in error.text(), error.text()
    assert form.deadline_field.date_input.text() == typed, "what was typed is kept"
    assert form.title_edit.text() == "Fotpatrullering sent"
    assert form.focusWidget() is form.deadline_field.date_input.line_edit
    assert services.plan.list_measures(plan[0].id) == before, "nothing saved"
    assert stack.count() == 0


def test_the_calendar_sets_the_field(qtbot, page, services, plan):  # type: ignore[no-untyped-def]
    form = open_form(qtbot, page, new=False, plan=plan)
    field = form.deadline_field.date_input
    assert field.calendar_button.accessibleName() == "Klart senast: välj i en kalender"
    qtbot.mouseClick(field.calendar_button, LEFT)
    popup = field.popup
    assert popup is not None and popup.isVisible()
    assert popup.calendar.selectedDate().toPython() == date(2026, 9, 30), "opens at the typed date"
    view = popup.calendar.findChild(QAbstractItemView)
    cell = next(view.model().index(row, column) for row in range(3, 5) for column in range(7)
                if view.model().index(row, column).data() == 15)  # 15 September, mid-month
    qtbot.mouseClick(view.viewport(), LEFT, pos=view.visualRect(cell).center())
    assert not popup.isVisible()
    assert field.text() == "2026-09-15"
    qtbot.mouseClick(form.save_button, LEFT)
    assert deadlines(services, plan) == [date(2026, 9, 15)]


def test_the_calendar_by_keyboard(qtbot, page, services, plan):  # type: ignore[no-untyped-def]
    form = open_form(qtbot, page, new=False, plan=plan)
    field = form.deadline_field.date_input
    field.line_edit.setFocus()
    qtbot.keyClick(field.line_edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    popup = field.popup
    assert popup is not None and popup.isVisible()
    qtbot.keyClick(popup.calendar.focusWidget(), Qt.Key.Key_Escape)
    assert not popup.isVisible() and field.text() == "2026-09-30", "Escape leaves the field as it was"
    qtbot.keyClick(field.line_edit, Qt.Key.Key_F4)
    assert popup.isVisible()
    qtbot.keyClick(popup.calendar.focusWidget(), Qt.Key.Key_Right)
    qtbot.keyClick(popup.calendar.focusWidget(), Qt.Key.Key_Return)
    assert not popup.isVisible() and field.text() == "2026-10-01"
    assert form.isVisible(), "Enter in the calendar picks the day; it does not save the form"


def test_a_date_that_cannot_be_read_opens_the_calendar_at_the_last_date(qtbot):  # type: ignore[no-untyped-def]
    field = DateInput(date(2026, 9, 30), "Datum")
    qtbot.addWidget(field)
    field.show()
    field.setText("snart")
    popup = field.open_calendar()
    assert popup.calendar.selectedDate().toPython() == date(2026, 9, 30)
    popup.close()


# --- the signing date ------------------------------------------------------------------------------
@pytest.fixture
def draft_revision(demo_ui_services):  # type: ignore[no-untyped-def]
    """Solna's signed agreement, made a draft again (revision 2) to be signed."""
    services = demo_ui_services
    solna = next(a for a in services.agreements.list_agreements() if a.state is AgreementState.SIGNED)
    services.signoff.new_revision(solna.id)
    return services, solna.id


def open_signoff(qtbot, services, agreement_id: int) -> SignOffDialog:  # type: ignore[no-untyped-def]
    dialog = SignOffDialog(services, agreement_id, today=DEMO_TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    activate(qtbot, dialog)
    assert dialog.date_edit.text() == "2022-09-01", "today by default"
    return dialog


def signed_on(services, agreement_id: int) -> date | None:  # type: ignore[no-untyped-def]
    return services.signoff.list_revisions(agreement_id)[-1].signed_on


def test_signing_date_click_then_type(qtbot, draft_revision):  # type: ignore[no-untyped-def]
    services, agreement_id = draft_revision
    dialog = open_signoff(qtbot, services, agreement_id)
    click_into(qtbot, dialog.date_edit)
    qtbot.keyClicks(dialog.date_edit.line_edit, "2022-03-31")
    qtbot.mouseClick(dialog.sign_button, LEFT)
    assert not dialog.isVisible()
    assert signed_on(services, agreement_id) == date(2022, 3, 31)


def test_signing_date_double_click_on_the_year_then_type(qtbot, draft_revision):  # type: ignore[no-untyped-def]
    services, agreement_id = draft_revision
    dialog = open_signoff(qtbot, services, agreement_id)
    click_into(qtbot, dialog.date_edit)
    double_click_the_year(qtbot, dialog.date_edit)
    qtbot.keyClicks(dialog.date_edit.line_edit, "2021-12-31")
    qtbot.mouseClick(dialog.sign_button, LEFT)
    assert not dialog.isVisible()
    assert signed_on(services, agreement_id) == date(2021, 12, 31)


def test_signing_date_that_is_no_date_is_refused_at_the_field(qtbot, draft_revision):  # type: ignore[no-untyped-def]
    services, agreement_id = draft_revision
    revisions = services.signoff.list_revisions(agreement_id)
    dialog = open_signoff(qtbot, services, agreement_id)
    click_into(qtbot, dialog.date_edit)
    qtbot.keyClicks(dialog.date_edit.line_edit, "31/3 22")
    qtbot.mouseClick(dialog.sign_button, LEFT)
    assert dialog.isVisible()
    error = dialog.field_errors["signed_on"]
    assert error.isVisible() and "skriv året med fyra siffror" in error.text()
    assert dialog.date_edit.text() == "31/3 22"
    assert services.signoff.list_revisions(agreement_id) == revisions, "nothing signed"
    assert services.agreements.get_agreement(agreement_id).state is AgreementState.DRAFT

    click_into(qtbot, dialog.date_edit)
    qtbot.keyClicks(dialog.date_edit.line_edit, "31/3 2022")
    qtbot.mouseClick(dialog.sign_button, LEFT)
    assert not dialog.isVisible()
    assert signed_on(services, agreement_id) == date(2022, 3, 31)



# --- every other date field of the window: refused at the field, or saved as typed -----------------
def test_agreement_dates_refused_at_the_field_then_saved_as_typed(qtbot, services, stack):  # type: ignore[no-untyped-def]
    dialog = AgreementDialog(services, stack, today=lambda: DEMO_TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    activate(qtbot, dialog)
    qtbot.keyClicks(dialog.title_edit, "Exempelstad 2023")
    click_into(qtbot, dialog.start_edit)
    qtbot.keyClicks(dialog.start_edit.line_edit, "1/1 23")
    click_into(qtbot, dialog.end_edit)
    qtbot.keyClicks(dialog.end_edit.line_edit, "2023-02-29")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.isVisible() and services.agreements.list_agreements() == []
    assert "fyra siffror" in dialog.field_errors["start_date"].text()
    assert "februari 2023 har dagarna 1–28" in dialog.field_errors["end_date"].text()
    assert (dialog.start_edit.text(), dialog.end_edit.text()) == ("1/1 23", "2023-02-29")
    assert dialog.focusWidget() is dialog.start_edit.line_edit

    click_into(qtbot, dialog.start_edit)
    qtbot.keyClicks(dialog.start_edit.line_edit, "1/1 2023")
    click_into(qtbot, dialog.end_edit)
    qtbot.keyClicks(dialog.end_edit.line_edit, "31 december 2023")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert not dialog.isVisible()
    saved = services.agreements.list_agreements()[0]
    assert (saved.start_date, saved.end_date) == (date(2023, 1, 1), date(2023, 12, 31))


def test_wizard_dates_refused_at_the_field(qtbot, demo_ui_services, stack):  # type: ignore[no-untyped-def]
    solna = next(a for a in demo_ui_services.agreements.list_agreements() if a.state is AgreementState.SIGNED)
    wizard = NewAgreementWizard(demo_ui_services, stack, solna.id)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), LEFT)
    page = wizard.details_page
    click_into(qtbot, page.start_edit)
    qtbot.keyClicks(page.start_edit.line_edit, "2023-01-01-01-01")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), LEFT)
    assert wizard.currentId() == NewAgreementWizard.DETAILS
    assert "kan inte läsas som ett datum" in page.field_errors["start_date"].text()
    assert page.start_edit.text() == "2023-01-01-01-01"
    click_into(qtbot, page.start_edit)
    qtbot.keyClicks(page.start_edit.line_edit, "1.2.2023")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), LEFT)
    assert wizard.currentId() == NewAgreementWizard.MEASURES
    assert wizard.request().start == date(2023, 2, 1)


def test_report_date_refused_at_the_field_and_nothing_made(qtbot, demo_ui_services):  # type: ignore[no-untyped-def]
    solna = next(a for a in demo_ui_services.agreements.list_agreements() if a.state is AgreementState.SIGNED)
    dialog = ReportDialog(demo_ui_services, solna.id, today=DEMO_TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    click_into(qtbot, dialog.date_edit)
    qtbot.keyClicks(dialog.date_edit.line_edit, "31/8")
    assert dialog.create_report() is None
    assert dialog.date_error.isVisible() and "skriv också året" in dialog.date_error.text()
    assert not dialog.runner.busy() and dialog.preview_dialog is None
    assert dialog.date_edit.text() == "31/8"
    click_into(qtbot, dialog.date_edit)
    qtbot.keyClicks(dialog.date_edit.line_edit, "31/8 2022")
    assert dialog.report_date() == date(2022, 8, 31)


@pytest.mark.parametrize("form_kind", ["walk", "occurrence"])
def test_walk_and_occurrence_dates_refused_at_the_field_then_saved(qtbot, services, plan, form_kind):  # type: ignore[no-untyped-def]
    agreement, _promise, measure = plan
    if form_kind == "walk":
        form: Any = WalkForm(lambda values: services.walks.create_walk(agreement.id, **values), today=DEMO_TODAY)
        field, listed = "walked_on", lambda: [w.walked_on for w in services.walks.list_walks(agreement.id)]
    else:
        form = OccurrenceForm(lambda values: services.plan.add_occurrence(measure.id, **values), today=DEMO_TODAY)
        field, listed = "occurred_on", lambda: [o.occurred_on for o in services.plan.list_occurrences(measure.id)]
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    click_into(qtbot, form.date_edit)
    qtbot.keyClicks(form.date_edit.line_edit, "12/10 21")
    qtbot.mouseClick(form.save_button, LEFT)
    assert form.isVisible() and listed() == []
    assert "fyra siffror" in form.field_errors[field].text()
    click_into(qtbot, form.date_edit)
    qtbot.keyClicks(form.date_edit.line_edit, "12/10 2021")
    qtbot.mouseClick(form.save_button, LEFT)
    assert listed() == [date(2021, 10, 12)]

"""Forms keep work (issue 16, point 6), driven with keys and clicks: closing a form with unsaved
changes (Esc, the close button, Avbryt) asks "Spara ändringarna?"; a field's error goes as soon as
the field is changed; a page's message about an action goes after undo or when the page is left."""

from __future__ import annotations

import os
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from promises_app.services import Services
from promises_app.ui.common.operations import Operations
from promises_app.ui.parties.agreement_dialog import AgreementDialog
from promises_app.ui.plan.measure_dialog import MeasureForm
from promises_app.ui.plan.plan_page import PlanPage
from promises_app.ui.plan.promise_dialog import PromiseForm
from tests.ui.conftest import DEMO_TODAY

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def stack(services: Services) -> Operations:
    ops = Operations()
    ops.watch(services)
    return ops


@pytest.fixture
def agreement_id(services: Services) -> int:
    town = services.register.create_organisation(name="Ale kommun", kind="municipality")
    agreement = services.agreements.create_agreement(
        kind="citizen_promise", title="Ale 2027", start_date=date(2027, 1, 1), end_date=date(2027, 12, 31),
        reporting_scheme="tertial")
    services.agreements.add_party(agreement.id, organisation_id=town.id)
    promise = services.plan.create_promise(agreement.id, text="öka tryggheten", maker_ids=[town.id])
    services.plan.create_measure(promise_id=promise.id, title="Trygghetsvandring")
    return agreement.id


@pytest.fixture
def page(qtbot, services, stack, agreement_id, swedish_app) -> PlanPage:  # type: ignore[no-untyped-def]
    shown = PlanPage(services, stack, today=lambda: DEMO_TODAY)
    qtbot.addWidget(shown)
    shown.resize(1280, 720)
    shown.set_agreement(agreement_id)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def visible(parent: QWidget, kind: type) -> Any:
    shown = [w for w in parent.findChildren(kind) if w.isVisible()]
    assert len(shown) == 1, shown
    return shown[0]


def click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, LEFT)


def answer(qtbot, form, which: QMessageBox.StandardButton) -> None:  # type: ignore[no-untyped-def]
    question = form.unsaved.question
    assert question is not None and question.isVisible(), "the form asks first"
    assert question.text() == "Spara ändringarna?"
    assert [question.button(b).text() for b in (QMessageBox.StandardButton.Save, QMessageBox.StandardButton.Discard,
                                                 QMessageBox.StandardButton.Cancel)] == \
        ["&Spara", "Spara &inte", "Avbryt"]
    if os.environ.get("SHOTS"):
        form.grab().save(os.path.join(os.environ["SHOTS"], "unsaved-form.png"))
        question.grab().save(os.path.join(os.environ["SHOTS"], "unsaved-question.png"))
    click(qtbot, question.button(which))


def new_measure(qtbot, page: PlanPage) -> MeasureForm:
    page.select_promise(page.model.promise_records()[0].id)
    click(qtbot, page.new_measure_button)
    return visible(page, MeasureForm)


def test_esc_on_an_untouched_form_closes_it_without_asking(qtbot, page):  # type: ignore[no-untyped-def]
    form = new_measure(qtbot, page)
    qtbot.keyClick(form.title_edit, Qt.Key.Key_Escape)
    assert not form.isVisible() and form.unsaved.question is None


def test_esc_with_changes_asks_and_avbryt_keeps_the_form_and_what_was_typed(  # type: ignore[no-untyped-def]
        qtbot, page, services, agreement_id):
    form = new_measure(qtbot, page)
    qtbot.keyClicks(form.title_edit, "Trafikkontroller")
    qtbot.keyClick(form.title_edit, Qt.Key.Key_Escape)
    assert form.isVisible()
    answer(qtbot, form, QMessageBox.StandardButton.Cancel)
    assert form.isVisible() and form.title_edit.text() == "Trafikkontroller"
    assert len(services.plan.list_measures(agreement_id)) == 1


def test_the_close_button_with_changes_asks_and_spara_saves(  # type: ignore[no-untyped-def]
        qtbot, page, services, agreement_id, stack):
    form = new_measure(qtbot, page)
    qtbot.keyClicks(form.title_edit, "Trafikkontroller")
    form.close()  # the window's close button
    assert form.isVisible()
    answer(qtbot, form, QMessageBox.StandardButton.Save)
    assert not form.isVisible()
    assert [m.title for m in services.plan.list_measures(agreement_id)] == ["Trygghetsvandring", "Trafikkontroller"]
    assert stack.count() == 1


def test_avbryt_with_changes_asks_and_spara_inte_throws_them_away(  # type: ignore[no-untyped-def]
        qtbot, page, services, agreement_id):
    click(qtbot, page.new_promise_button)
    form = visible(page, PromiseForm)
    qtbot.keyClicks(form.text_edit, "lysa upp parken")
    click(qtbot, form.cancel_button)
    answer(qtbot, form, QMessageBox.StandardButton.Discard)
    assert not form.isVisible()
    assert len(services.plan.list_promises(agreement_id)) == 1


def test_spara_that_is_refused_keeps_the_form_open_with_the_message(qtbot, page):  # type: ignore[no-untyped-def]
    form = new_measure(qtbot, page)
    qtbot.keyClicks(form.unit_edit, "vandringar")
    qtbot.keyClick(form.unit_edit, Qt.Key.Key_Escape)
    answer(qtbot, form, QMessageBox.StandardButton.Save)
    assert form.isVisible() and form.field_errors["title"].isVisible(), "no title: nothing saved, said why"


def test_a_field_error_goes_as_soon_as_the_field_is_changed(qtbot, page):  # type: ignore[no-untyped-def]
    form = new_measure(qtbot, page)
    click(qtbot, form.save_button)
    error = form.field_errors["title"]
    assert error.isVisible() and error.text() == "Åtgärd måste fyllas i."
    qtbot.keyClicks(form.title_edit, "T")
    assert not error.isVisible() and error.text() == ""


def test_the_agreements_end_date_error_goes_after_the_fix_and_closing_it_asks(  # type: ignore[no-untyped-def]
        qtbot, services, stack, agreement_id, swedish_app):
    dialog = AgreementDialog(services, stack, agreement_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    line = dialog.end_edit.line_edit
    line.setFocus()
    line.selectAll()
    qtbot.keyClicks(line, "2026-06-30")
    click(qtbot, dialog.save_button)
    error = dialog.field_errors["end_date"]
    assert dialog.isVisible() and error.isVisible(), "an end before the start is refused"
    line.selectAll()
    qtbot.keyClicks(line, "2027-12-3")
    assert not error.isVisible(), "the end-date error goes as soon as the date is changed"
    qtbot.keyClick(line, Qt.Key.Key_Escape)
    answer(qtbot, dialog, QMessageBox.StandardButton.Discard)
    assert not dialog.isVisible()
    assert services.agreements.get_agreement(agreement_id).end_date == date(2027, 12, 31)


def test_the_deleted_message_goes_after_undo_and_when_the_page_is_left(  # type: ignore[no-untyped-def]
        qtbot, page, stack):
    page.select_measure(page.model.promise_records() and next(
        m.id for m in page.services.plan.list_measures(page.agreement_id)))
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_Delete)
    assert page.notice_label.isVisible() and "är borttagen" in page.notice_label.text()
    stack.undo()
    assert not page.notice_label.isVisible(), "the measure is back: the message is no longer true"

    page.select_measure(next(m.id for m in page.services.plan.list_measures(page.agreement_id)))
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_Delete)
    assert page.notice_label.isVisible()
    page.hide()  # another tab
    page.show()
    assert not page.notice_label.isVisible(), "a later visit does not hear about an old action"


def test_the_copied_status_message_goes_after_undo(qtbot, demo_services, swedish_app):  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QUndoStack

    from promises_app.ui.followup.followup_page import FollowUpPage
    from tests.ui.test_situation_models import solna

    stack = QUndoStack()
    page = FollowUpPage(demo_services, stack, today=lambda: DEMO_TODAY)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.set_agreement(solna(demo_services))
    page.show()
    qtbot.waitExposed(page)
    patrol = next(g.measure.id for g in page.model.grid().measures if "Fotpatrullering" in g.measure.title)
    index = page.proxy.mapFromSource(page.model.index_of(patrol, page.model.period_column("2022-T3")))
    page.view.scrollTo(index)
    qtbot.mouseClick(page.view.viewport(), LEFT, pos=page.view.visualRect(index).center())
    click(qtbot, page.copy_button)
    assert page.notice_label.isVisible() and page.notice_label.text().startswith("Förra periodens status kopierades")
    stack.undo()
    assert not page.notice_label.isVisible(), "undone: the status is no longer copied"

"""The agreement form driven like a person would: typed text, dates typed into the date fields,
a reporting scheme picked by keyboard, goals added with Enter and reordered; then undo and redo
on the one stack. Message boxes are never reached (the form shows refusals itself)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from promises_app.domain.enums import AgreementKind, AgreementState, ReportingScheme
from promises_app.services import Services
from promises_app.ui.common.date_input import DateInput
from promises_app.ui.parties.agreement_dialog import AgreementDialog
from promises_app.ui.parties.parties_models import GoalListModel
from tests.ui.conftest import DEMO_TODAY

LEFT = Qt.MouseButton.LeftButton
TITLE = "Exempelstad - medborgarloften 2023"  # (QTest types ASCII only)


@pytest.fixture
def stack() -> QUndoStack:
    return QUndoStack()


@pytest.fixture
def swedish(swedish_app):  # type: ignore[no-untyped-def]
    return swedish_app


def open_dialog(qtbot, services: Services, stack: QUndoStack, agreement_id: int | None = None) -> AgreementDialog:  # type: ignore[no-untyped-def]
    dialog = AgreementDialog(services, stack, agreement_id, today=lambda: DEMO_TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def type_date(qtbot, field: DateInput, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type a date as a person does: a click into the field (which selects the whole date), then the keys."""
    qtbot.mouseClick(field.line_edit, LEFT)
    qtbot.keyClicks(field.line_edit, text)
    assert field.text() == text


def pick(qtbot, combo, text: str) -> None:  # type: ignore[no-untyped-def]
    """Choose an entry of a combo box by typing its first letters."""
    combo.setFocus()
    qtbot.keyClicks(combo, text)
    assert combo.currentText().startswith(text), combo.currentText()


def test_create_an_agreement_then_undo_and_redo(qtbot, services, stack, swedish):
    dialog = open_dialog(qtbot, services, stack)
    assert dialog.start_edit.date() == date(2022, 1, 1), "this year by default"
    pick(qtbot, dialog.kind_combo, "Medborgar")
    qtbot.keyClicks(dialog.title_edit, TITLE)
    qtbot.keyClicks(dialog.municipality_edit, "Exempelstad")
    type_date(qtbot, dialog.start_edit, "20230101")
    type_date(qtbot, dialog.end_edit, "31/12 2023")
    pick(qtbot, dialog.scheme_combo, "Kvartal")
    dialog.tabs.setCurrentIndex(1)
    qtbot.keyClicks(dialog.goal_edit, "Fewer burglaries")
    qtbot.keyClick(dialog.goal_edit, Qt.Key.Key_Return)
    assert dialog.isVisible(), "Enter in the goal line adds the goal; it does not save the form"
    qtbot.keyClicks(dialog.goal_edit, "A safer centre")
    qtbot.mouseClick(dialog.add_goal_button, LEFT)
    qtbot.mouseClick(dialog.goal_up_button, LEFT)  # the new goal, selected, goes first
    assert dialog.goals() == ["A safer centre", "Fewer burglaries"]
    dialog.tabs.setCurrentIndex(3)
    qtbot.keyClicks(dialog.text_edits["situation"], "Otrygghet vid torget")
    qtbot.mouseClick(dialog.save_button, LEFT)

    assert not dialog.isVisible()
    created = dialog.saved
    assert created is not None
    record = services.agreements.get_agreement(created.id)
    assert record.title == TITLE and record.kind is AgreementKind.CITIZEN_PROMISE
    assert (record.start_date, record.end_date) == (date(2023, 1, 1), date(2023, 12, 31))
    assert record.reporting_scheme is ReportingScheme.QUARTER
    assert record.municipality == "Exempelstad" and record.situation == "Otrygghet vid torget"
    assert [g.text for g in record.goals] == ["A safer centre", "Fewer burglaries"]
    assert stack.count() == 1

    stack.undo()
    assert created.id not in [a.id for a in services.agreements.list_agreements()]
    stack.redo()
    again = services.agreements.get_agreement(created.id)  # back under the same id
    assert again.title == TITLE and [g.text for g in again.goals] == ["A safer centre", "Fewer burglaries"]


def test_a_refused_save_shows_at_the_field_and_keeps_what_was_typed(qtbot, services, stack, swedish):
    dialog = open_dialog(qtbot, services, stack)
    qtbot.keyClicks(dialog.municipality_edit, "Exempelstad")
    type_date(qtbot, dialog.start_edit, "20231231")
    type_date(qtbot, dialog.end_edit, "20230101")
    dialog.tabs.setCurrentIndex(2)
    qtbot.keyClicks(dialog.text_edits["introduction"], "Inledande text")
    qtbot.mouseClick(dialog.save_button, LEFT)

    assert dialog.isVisible(), "the form stays open"
    assert dialog.field_errors["title"].isVisible()
    assert "Titel måste fyllas i." in dialog.field_errors["title"].text()
    assert dialog.field_errors["end_date"].isVisible()
    assert "Slutdatum" in dialog.field_errors["end_date"].text()
    assert dialog.tabs.currentIndex() == 0, "turned to the tab of the first field in error"
    assert dialog.municipality_edit.text() == "Exempelstad"
    assert dialog.text_edits["introduction"].toPlainText() == "Inledande text"
    assert services.agreements.list_agreements() == []
    assert stack.count() == 0

    qtbot.keyClicks(dialog.title_edit, TITLE)
    type_date(qtbot, dialog.end_edit, "20241231")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert not dialog.isVisible()
    assert [a.title for a in services.agreements.list_agreements()] == [TITLE]


def test_an_empty_goal_edited_in_place_is_refused_at_the_goals(qtbot, services, stack, swedish):
    agreement = services.agreements.create_agreement(
        kind="cooperation_agreement", title="Samverkan 2023", start_date="2023-01-01", end_date="2023-12-31",
        reporting_scheme="year", goals=["Ett", "Två"],
    )
    dialog = open_dialog(qtbot, services, stack, agreement.id)
    dialog.goal_model.setData(dialog.goal_model.index(1, 0), "   ")  # what an in-place edit does
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.isVisible()
    assert dialog.goal_error.isVisible() and "Mål 2" in dialog.goal_error.text()
    assert dialog.tabs.currentIndex() == 1
    assert dialog.goal_view.currentIndex().row() == 1, "the goal in error is selected"
    assert stack.count() == 0


def test_change_details_and_goals_then_undo_and_redo(qtbot, services, stack, swedish):
    agreement = services.agreements.create_agreement(
        kind="cooperation_agreement", title="Samverkan 2023", start_date="2023-01-01", end_date="2023-12-31",
        reporting_scheme="year", goals=["Ett", "Två"],
    )
    dialog = open_dialog(qtbot, services, stack, agreement.id)
    assert dialog.title_edit.text() == "Samverkan 2023"
    assert dialog.goals() == ["Ett", "Två"]
    dialog.title_edit.clear()
    qtbot.keyClicks(dialog.title_edit, "Samverkan 2023-2024")
    type_date(qtbot, dialog.end_edit, "20241231")
    pick(qtbot, dialog.scheme_combo, "Halv")
    dialog.tabs.setCurrentIndex(1)
    dialog.goal_view.setCurrentIndex(dialog.goal_model.index(0, 0))
    qtbot.mouseClick(dialog.remove_goal_button, LEFT)
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert not dialog.isVisible()

    def now():  # type: ignore[no-untyped-def]
        record = services.agreements.get_agreement(agreement.id)
        return record.title, record.end_date, record.reporting_scheme, [g.text for g in record.goals]

    changed = ("Samverkan 2023-2024", date(2024, 12, 31), ReportingScheme.HALF_YEAR, ["Två"])
    assert now() == changed
    stack.undo()
    assert now() == ("Samverkan 2023", date(2023, 12, 31), ReportingScheme.YEAR, ["Ett", "Två"])
    stack.redo()
    assert now() == changed


def test_saving_without_a_change_pushes_nothing(qtbot, services, stack, swedish):
    agreement = services.agreements.create_agreement(
        kind="cooperation_agreement", title="Samverkan 2023", start_date="2023-01-01", end_date="2023-12-31",
        reporting_scheme="year",
    )
    dialog = open_dialog(qtbot, services, stack, agreement.id)
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert not dialog.isVisible()
    assert stack.count() == 0


def test_a_cooperation_agreement_lies_under_nothing(qtbot, services, stack, swedish):
    parent = services.agreements.create_agreement(
        kind="cooperation_agreement", title="Samverkan 2023", start_date="2023-01-01", end_date="2023-12-31",
        reporting_scheme="year", municipality="Exempelstad", police_area="LPO Exempelstad",
    )
    dialog = open_dialog(qtbot, services, stack)
    pick(qtbot, dialog.parent_combo, "Samverkan")
    assert dialog.municipality_edit.text() == "Exempelstad", "a promise takes its cooperation agreement's"
    assert dialog.police_area_edit.text() == "LPO Exempelstad"
    pick(qtbot, dialog.kind_combo, "Samverkans")
    assert not dialog.parent_combo.isEnabled()
    assert dialog.parent_combo.currentData() is None
    assert dialog.values()["parent_id"] is None
    assert parent.id  # the list held it


def test_a_signed_agreement_is_shown_read_only(qtbot, demo_services, stack, swedish):
    signed = next(a for a in demo_services.agreements.list_agreements() if a.state is AgreementState.SIGNED)
    dialog = open_dialog(qtbot, demo_services, stack, signed.id)
    assert dialog.notice.isVisible() and signed.title in dialog.notice.text()
    assert not dialog.save_button.isEnabled()
    assert dialog.title_edit.isReadOnly()
    assert not dialog.scheme_combo.isEnabled()
    assert not dialog.add_goal_button.isEnabled()


def test_every_input_has_an_accessible_name(qtbot, services, stack, swedish):
    dialog = open_dialog(qtbot, services, stack)
    for widget in (dialog.kind_combo, dialog.parent_combo, dialog.title_edit, dialog.municipality_edit,
                   dialog.police_area_edit, dialog.case_number_edit, dialog.start_edit, dialog.end_edit,
                   dialog.scheme_combo, dialog.goal_view, dialog.goal_edit, *dialog.text_edits.values()):
        assert widget.accessibleName(), widget


# --- the goals' model, without any widget ------------------------------------------------------------
def test_goal_model_adds_removes_moves_and_edits():
    model = GoalListModel(["Ett", "Två"])
    assert model.append("Tre") == 2
    assert model.move(2, -1) == 1
    assert model.goals() == ["Ett", "Tre", "Två"]
    assert model.move(0, -1) == 0, "the first stays first"
    assert model.move(1, 1) == 2
    assert model.goals() == ["Ett", "Två", "Tre"]
    assert model.setData(model.index(0, 0), "Ett!")
    model.remove(1)
    assert model.goals() == ["Ett!", "Tre"]
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert model.data(model.index(1, 0)) == "Tre"


# --- what the window calls ----------------------------------------------------------------------------
def test_new_agreement_returns_the_id_of_what_was_made(qtbot, services, stack, swedish):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from promises_app.ui.parties.agreement_dialog import new_agreement

    def fill_in() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, AgreementDialog) and w.isVisible())
        qtbot.keyClicks(dialog.title_edit, TITLE)
        qtbot.mouseClick(dialog.save_button, LEFT)

    QTimer.singleShot(0, fill_in)
    made = new_agreement(None, services, stack, today=lambda: DEMO_TODAY)
    assert made is not None
    assert services.agreements.get_agreement(made).title == TITLE
    assert stack.count() == 1


def test_edit_agreement_of_a_missing_agreement_says_so(qtbot, services, stack, swedish, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from promises_app.ui.parties.agreement_dialog import edit_agreement

    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *_a, **_k: said.append(text))
    assert edit_agreement(None, services, stack, 999) is False
    assert said and "finns inte" in said[0]

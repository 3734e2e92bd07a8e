"""The "Uppföljning" page driven like a person would: clicks on cells, Enter, typing in the editor,
the save button, undo and redo on the one stack. """

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QPushButton

from promises_app.domain.enums import FollowUpStatus, TrafficLight
from promises_app.ui.followup.followup_editor import FollowUpEditor
from promises_app.ui.followup.followup_grid_model import FollowUpGridModel, HistoryTableModel
from promises_app.ui.followup.followup_page import FollowUpPage
from tests.ui.conftest import DEMO_TODAY
from tests.ui.test_situation_models import solna, swedish  # noqa: F401 - the fixture is used by name

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def stack() -> QUndoStack:
    return QUndoStack()


@pytest.fixture
def page(qtbot, demo_services, stack, swedish):  # type: ignore[no-untyped-def]  # noqa: F811
    shown = FollowUpPage(demo_services, stack, today=lambda: DEMO_TODAY)
    qtbot.addWidget(shown)
    shown.resize(1366, 700)
    shown.set_agreement(solna(demo_services))
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def measure_id(page: FollowUpPage, word: str) -> int:
    return next(g.measure.id for g in page.model.grid().measures if word in g.measure.title)


def click_cell(qtbot, page: FollowUpPage, measure: int, period: str, modifier=Qt.KeyboardModifier.NoModifier):  # type: ignore[no-untyped-def]
    index = page.proxy.mapFromSource(page.model.index_of(measure, page.model.period_column(period)))
    assert index.isValid()
    page.view.scrollTo(index)
    qtbot.mouseClick(page.view.viewport(), LEFT, modifier, page.view.visualRect(index).center())
    return index


def shown_text(page: FollowUpPage, measure: int, period: str) -> str:
    return page.model.index_of(measure, page.model.period_column(period)).data()


def open_editor(page: FollowUpPage) -> FollowUpEditor:
    editors = [w for w in page.findChildren(FollowUpEditor) if w.isVisible()]
    assert len(editors) == 1, editors
    return editors[0]


def test_page_has_names_shortcuts_and_starts_on_the_current_period(page):
    assert page.current_period() == "2022-T3"
    assert page.current_measure() is not None
    shortcuts = {a.shortcut().toString() for a in page.actions_for_menu() if a is not None}
    assert {"Ctrl+Alt+K", "Ctrl+Shift+H"} <= shortcuts
    # The grid's own keys: F2 follows up the cell, Ctrl+C copies the selected rows (docs/keys.md).
    assert [key.toString() for action in page.view.actions() for key in action.shortcuts()] == ["F2", "Ctrl+C"]
    for widget in (page.search_edit, page.status_filter, page.light_filter, page.party_filter,
                   page.overdue_check, page.group_combo, page.view, page.history_view):
        assert widget.accessibleName(), widget
    page.set_agreement(None)
    assert page.model.rowCount() == 0
    assert not page.edit_action.isEnabled()


def test_follow_up_button_on_a_cell_edits_it_in_the_form_then_undo_and_redo(qtbot, page, demo_services, stack):
    walks = measure_id(page, "trygghetsvandringar")
    click_cell(qtbot, page, walks, "2022-T3")
    # (Enter on the period followed up edits the cell in place: test_followup_typing.py)
    qtbot.mouseClick(page.edit_button, LEFT)
    editor = open_editor(page)
    assert editor.period == "2022-T3" and editor.count_edit.isVisible(), "a counted measure asks for the count"
    editor.status_combo.setCurrentIndex(editor.status_combo.findData(FollowUpStatus.DONE.value))
    editor.light_combo.setCurrentIndex(editor.light_combo.findData(TrafficLight.GREEN.value))
    qtbot.keyClicks(editor.count_edit, "4")
    qtbot.keyClicks(editor.comment_edit, "Alla fyra vandringarna klara.")
    qtbot.mouseClick(editor.save_button, LEFT)
    assert not editor.isVisible()

    # 4 typed as the running total; 2 walks were logged before T3 (domain/counts.py)
    assert shown_text(page, walks, "2022-T3") == "Genomförd (hittills 4 av 4, denna period 2)"
    saved = demo_services.follow_ups.list_for_measure(walks)[-1]
    assert (saved.period, saved.status, saved.count_achieved, saved.comment) == (
        "2022-T3", FollowUpStatus.DONE, 4, "Alla fyra vandringarna klara.")
    assert stack.count() == 1
    assert "2022-T3" in stack.undoText()

    stack.undo()
    assert [f.period for f in demo_services.follow_ups.list_for_measure(walks)] == ["2022-T1", "2022-T2"]
    assert shown_text(page, walks, "2022-T3") == ""
    stack.redo()
    again = demo_services.follow_ups.list_for_measure(walks)[-1]
    assert (again.period, again.status, again.comment, again.updated_at) == (
        "2022-T3", FollowUpStatus.DONE, saved.comment, saved.updated_at)
    assert shown_text(page, walks, "2022-T3").startswith("Genomförd")


def test_undo_of_a_change_restores_the_previous_follow_up_exactly(qtbot, page, demo_services, stack):
    patrol = measure_id(page, "Fotpatrullering")
    before = demo_services.follow_ups.list_for_measure(patrol)[1]
    click_cell(qtbot, page, patrol, "2022-T2")
    qtbot.keyClick(page.view, Qt.Key.Key_F2)
    editor = open_editor(page)
    assert not editor.count_edit.isVisible(), "not a counted measure"
    assert editor.comment_edit.toPlainText() == before.comment
    editor.light_combo.setCurrentIndex(editor.light_combo.findData(TrafficLight.RED.value))
    qtbot.mouseClick(editor.save_button, LEFT)
    assert demo_services.follow_ups.list_for_measure(patrol)[1].light is TrafficLight.RED
    stack.undo()
    restored = demo_services.follow_ups.list_for_measure(patrol)[1]
    assert (restored.id, restored.light, restored.status, restored.comment, restored.updated_at) == (
        before.id, before.light, before.status, before.comment, before.updated_at)


def test_a_refused_count_shows_at_the_field_and_the_text_stays(qtbot, page, demo_services, stack):
    walks = measure_id(page, "trygghetsvandringar")
    click_cell(qtbot, page, walks, "2022-T3")
    qtbot.mouseClick(page.edit_button, LEFT)
    editor = open_editor(page)
    qtbot.keyClicks(editor.count_edit, "fyra")
    qtbot.keyClicks(editor.comment_edit, "Snart klart")
    qtbot.mouseClick(editor.save_button, LEFT)
    assert editor.isVisible(), "the editor stays open"
    error = editor.field_errors["count_achieved"]
    assert error.isVisible() and "heltal" in error.text()
    assert editor.count_edit.text() == "fyra" and editor.comment_edit.toPlainText() == "Snart klart"
    assert stack.count() == 0
    editor.reject()


def test_a_conflict_shows_theirs_and_keep_mine_replaces_it(qtbot, page, demo_services, stack):
    """(Every choice of the conflict dialog, on a shared PostgreSQL database: tests/ui/test_conflicts.py.)"""
    patrol = measure_id(page, "Fotpatrullering")
    click_cell(qtbot, page, patrol, "2022-T3")
    qtbot.mouseClick(page.edit_button, LEFT)
    editor = open_editor(page)
    # meanwhile, someone records the same follow-up
    demo_services.follow_ups.record(patrol, period="2022-T3", status="not_done", comment="annan")
    qtbot.keyClicks(editor.comment_edit, "min text")
    qtbot.mouseClick(editor.save_button, LEFT)
    assert editor.isVisible() and editor.conflict_dialog is not None and editor.conflict_dialog.isVisible()
    assert editor.comment_edit.toPlainText() == "min text"
    assert shown_text(page, patrol, "2022-T3") == "Ej genomförd", "the grid shows the other person's follow-up"
    qtbot.mouseClick(editor.conflict_dialog.mine_button, LEFT)  # Behåll mitt
    assert not editor.isVisible()
    assert demo_services.follow_ups.list_for_measure(patrol)[-1].comment == "min text"
    stack.undo()
    assert demo_services.follow_ups.list_for_measure(patrol)[-1].comment == "annan"


def test_copy_the_previous_period_for_two_selected_measures(qtbot, page, demo_services, stack):
    patrol = measure_id(page, "Fotpatrullering")
    traffic = measure_id(page, "trafikfrågor")
    click_cell(qtbot, page, patrol, "2022-T3")
    click_cell(qtbot, page, traffic, "2022-T3", Qt.KeyboardModifier.ControlModifier)
    assert {g.measure.id for g in page.selected_measures()} == {patrol, traffic}
    qtbot.mouseClick(page.copy_button, LEFT)
    assert shown_text(page, patrol, "2022-T3") == shown_text(page, patrol, "2022-T2") == "Pågående"
    t2 = demo_services.follow_ups.list_for_measure(traffic)[1]
    t3 = demo_services.follow_ups.list_for_measure(traffic)[2]
    assert (t3.period, t3.status, t3.light) == ("2022-T3", t2.status, t2.light)
    assert stack.count() == 1, "one step to undo"
    assert page.notice_label.isVisible() and "2022-T3" in page.notice_label.text()
    stack.undo()
    assert shown_text(page, patrol, "2022-T3") == shown_text(page, traffic, "2022-T3") == ""
    assert len(demo_services.follow_ups.list_for_agreement(solna(demo_services), period="2022-T3")) == 0
    stack.redo()
    assert len(demo_services.follow_ups.list_for_agreement(solna(demo_services), period="2022-T3")) == 2


def test_copy_into_the_first_period_skips_and_says_so(qtbot, page, stack):
    patrol = measure_id(page, "Fotpatrullering")
    click_cell(qtbot, page, patrol, "2022-T1")
    message = page.copy_previous_period()
    assert message is not None and page.notice_label.text() == message
    assert stack.count() == 0


def test_history_shows_the_selected_measures_comments_newest_first(qtbot, page, demo_services):
    lights = measure_id(page, "belysning")
    click_cell(qtbot, page, lights, "2022-T1")
    history = page.history_model
    comments = [f.comment for f in reversed(demo_services.follow_ups.list_for_measure(lights))]
    assert [history.index(r, HistoryTableModel.COMMENT).data() for r in range(history.rowCount())] == comments
    assert history.index(0, HistoryTableModel.PERIOD).data() == "2022-T2"
    text = page.history_view.toPlainText()
    assert text.index(comments[0]) < text.index(comments[1]), "the newest first, every comment in full"
    assert "2022-T2 · Delvis genomförd" in text
    assert page.history_box.isVisible()
    qtbot.keyClick(page.view, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not page.history_box.isVisible()
    qtbot.mouseClick(page.history_button, LEFT)
    assert page.history_box.isVisible()


def test_filtering_as_you_type_and_by_overdue(qtbot, page):
    def titles() -> list[str]:
        proxy = page.proxy
        return [proxy.index(r, 0, proxy.index(g, 0)).data()
                for g in range(proxy.rowCount()) for r in range(proxy.rowCount(proxy.index(g, 0)))]

    assert len(titles()) == 7
    qtbot.keyClicks(page.search_edit, "skollovet")
    assert titles() == ["Fotpatrullering på publika platser"]
    page.search_edit.clear()
    qtbot.keyClicks(page.search_edit, "belysning")
    assert len(titles()) == 1 and "belysning" in titles()[0]
    assert "belysning" in page.current_measure().measure.title, "the hidden current cell gives way"
    assert page.history_title.text() == page.current_measure().measure.title
    page.search_edit.clear()
    qtbot.mouseClick(page.overdue_check, LEFT)
    assert titles() and all(title in {g.measure.title for g in page.model.grid().measures if g.overdue}
                            for title in titles())
    page.select_measure(measure_id(page, "Fotpatrullering"))
    assert not page.overdue_check.isChecked(), "selecting a hidden measure clears the filters"
    assert page.current_measure().measure.title == "Fotpatrullering på publika platser"
    page.group_combo.setCurrentIndex(1)
    assert page.proxy.rowCount() == 4 and page.current_measure().measure.title.startswith("Fotpatrullering")
    assert page.model.headerData(FollowUpGridModel.FIRST_PERIOD, Qt.Orientation.Horizontal) == "2022-T1"


def test_double_click_opens_the_editor_and_cancel_changes_nothing(qtbot, page, stack):
    lights = measure_id(page, "belysning")
    index = click_cell(qtbot, page, lights, "2022-T2")
    qtbot.mouseDClick(page.view.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, page.view.visualRect(index).center())
    editor = open_editor(page)
    assert editor.period == "2022-T2"
    assert editor.light_combo.currentData() == TrafficLight.RED.value
    qtbot.mouseClick(editor.findChildren(QPushButton)[-1], LEFT)  # Cancel
    assert not editor.isVisible() and stack.count() == 0


def test_refresh_keeps_the_selection_and_set_services_forgets(qtbot, page, demo_services):
    traffic = measure_id(page, "trafikfrågor")
    click_cell(qtbot, page, traffic, "2022-T1")
    page.refresh()
    assert page.current_measure().measure.id == traffic and page.current_period() == "2022-T1"
    page.set_agreement(solna(demo_services))  # the same agreement again: the selection stays
    assert page.current_measure().measure.id == traffic
    page.set_services(demo_services)
    assert page.model.rowCount() == 0 and page.current_measure() is None
    assert page.history_view.toPlainText() == ""
    page.set_agreement(solna(demo_services))
    assert page.model.rowCount() == 1 and page.current_period() == "2022-T3"


def test_a_carried_measure_shows_last_years_follow_ups_below_its_own(qtbot, page, demo_services):
    from datetime import date

    from promises_app.domain.enums import ReportingScheme

    lights = measure_id(page, "belysning")
    last_year = [f.comment for f in demo_services.follow_ups.list_for_measure(lights)]
    created = demo_services.carry_over.create_from(
        solna(demo_services), title="Solna 2023", start=date(2023, 1, 1), end=date(2023, 12, 31),
        reporting_scheme=ReportingScheme.TERTIAL,
    )
    carried = next(m for m in demo_services.plan.list_measures(created.id) if m.previous_measure_id == lights)
    page.set_agreement(created.id)
    click_cell(qtbot, page, carried.id, "2023-T1")

    text = page.history_view.toPlainText()
    assert text.startswith("Ingen uppföljning registrerad än."), "nothing yet this year"
    assert "Tidigare: Solna – medborgarlöften 2022 (2022-01-01 – 2022-12-31)" in text
    assert all(comment in text for comment in last_year)
    assert text.index(last_year[1]) < text.index(last_year[0]), "last year's newest first too"

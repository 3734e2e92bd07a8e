"""Typing into the Uppföljning grid as into a spreadsheet, with real keys and clicks: the period
followed up has its status, light, count and comment edited in the cell; several selected rows
take one status as one undo step; Ctrl+C copies the selected rows as tab-separated text."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QComboBox, QPlainTextEdit, QSpinBox

from promises_app.domain.enums import FollowUpStatus, TrafficLight
from promises_app.ui.common.operations import Operations
from promises_app.ui.followup.followup_delegate import PrefixComboBox
from promises_app.ui.followup.followup_page import FollowUpPage
from tests.ui.conftest import DEMO_TODAY
from tests.ui.test_followup_page import open_editor
from tests.ui.test_situation_models import solna, swedish  # noqa: F401 - the fixture is used by name

LEFT = Qt.MouseButton.LeftButton
PERIOD = "2022-T3"  # the period running on DEMO_TODAY: the one typed into
SCREENSHOTS = os.environ.get("GRID_SCREENSHOTS", "")


@pytest.fixture
def stack(demo_services) -> Operations:  # type: ignore[no-untyped-def]
    """The window's runner, as the window has it: an edit repaints its rows, no reset."""
    ops = Operations()
    ops.watch(demo_services)
    return ops


@pytest.fixture
def page(qtbot, demo_services, stack, swedish):  # type: ignore[no-untyped-def]  # noqa: F811
    shown = FollowUpPage(demo_services, stack, today=lambda: DEMO_TODAY)
    qtbot.addWidget(shown)
    shown.resize(1280, 620)
    shown.set_agreement(solna(demo_services))
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    qtbot.waitActive(shown)
    return shown


def rows(page: FollowUpPage) -> list[int]:
    """The measures in the order the grid shows them."""
    return [item.measure.id for group in page.model.groups() for item in group.measures]


def cell(page: FollowUpPage, measure: int, field: str):  # type: ignore[no-untyped-def]
    index = page.proxy.mapFromSource(page.model.index_of(measure, page.model.edit_column(field)))
    assert index.isValid()
    return index


def click(qtbot, page: FollowUpPage, measure: int, field: str,  # type: ignore[no-untyped-def]
          modifier=Qt.KeyboardModifier.NoModifier):
    index = cell(page, measure, field)
    page.view.scrollTo(index)
    qtbot.mouseClick(page.view.viewport(), LEFT, modifier, page.view.visualRect(index).center())
    return index


def type_keys(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Each character to whichever widget has the focus, as a keyboard sends them."""
    for character in text:
        qtbot.keyClick(QApplication.focusWidget(), character)


def press(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def follow_up(services, measure: int, period: str = PERIOD):  # type: ignore[no-untyped-def]
    return next((f for f in services.follow_ups.list_for_measure(measure) if f.period == period), None)


def current_key(page: FollowUpPage) -> tuple[int, str | None]:
    index = page.view.currentIndex()
    item = page.model.measure_at(page.proxy.mapToSource(index))
    assert item is not None
    return item.measure.id, page.model.field_of_column(index.column())


def shot(widget, name: str) -> None:  # type: ignore[no-untyped-def]
    if SCREENSHOTS:
        widget.grab().save(str(Path(SCREENSHOTS) / name))


def test_typing_gen_and_enter_in_a_status_cell_saves_genomford_and_moves_down(qtbot, page, demo_services, stack):
    first, second = rows(page)[:2]
    assert follow_up(demo_services, first) is None
    click(qtbot, page, first, "status")
    type_keys(qtbot, "gen")
    editor = QApplication.focusWidget()
    assert isinstance(editor, PrefixComboBox) and editor.currentText() == "Genomförd"
    shot(page, "grid-typing-status.png")
    press(qtbot, Qt.Key.Key_Return)

    saved = follow_up(demo_services, first)
    assert saved is not None and saved.status is FollowUpStatus.DONE
    assert saved.light is TrafficLight.NOT_ASSESSED and saved.comment == ""
    assert current_key(page) == (second, "status"), "Enter moved one row down, same column"
    assert stack.count() == 1 and PERIOD in stack.undoText()
    assert page.model.index_of(first, page.model.period_column(PERIOD)).data() == "Genomförd"

    # the next row straight away: typing a word's start again picks by prefix ("del" → Delvis genomförd)
    type_keys(qtbot, "del")
    press(qtbot, Qt.Key.Key_Enter)
    assert follow_up(demo_services, second).status is FollowUpStatus.PARTLY_DONE
    assert stack.count() == 2

    stack.undo()
    assert follow_up(demo_services, second) is None
    assert follow_up(demo_services, first).status is FollowUpStatus.DONE


def test_count_and_comment_are_edited_in_the_cell_tab_moves_right_and_esc_cancels(qtbot, page, demo_services, stack):
    walks = next(g.measure.id for g in page.model.grid().measures if "trygghetsvandringar" in g.measure.title)
    patrol = next(g.measure.id for g in page.model.grid().measures if "Fotpatrullering" in g.measure.title)
    assert not page.proxy.flags(cell(page, patrol, "count_achieved")) & Qt.ItemFlag.ItemIsEditable, \
        "only a counted measure has a count to type"

    click(qtbot, page, walks, "count_achieved")
    type_keys(qtbot, "3")
    assert isinstance(QApplication.focusWidget(), QSpinBox)
    press(qtbot, Qt.Key.Key_Return)
    saved = follow_up(demo_services, walks)
    assert saved is not None and saved.count_achieved == 3 and saved.status is FollowUpStatus.IN_PROGRESS
    assert page.model.index_of(walks, page.model.edit_column("count_achieved")).data() == "3"

    click(qtbot, page, walks, "comment")
    press(qtbot, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QPlainTextEdit)
    type_keys(qtbot, "Tre av fyra")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)  # a new line, not saved yet
    type_keys(qtbot, "klara.")
    shot(page, "grid-typing-comment.png")
    assert follow_up(demo_services, walks).comment == ""
    press(qtbot, Qt.Key.Key_Return)
    assert follow_up(demo_services, walks).comment == "Tre av fyra\nklara."
    assert stack.count() == 2

    # Esc leaves the cell as it was
    click(qtbot, page, walks, "comment")
    type_keys(qtbot, "fel")
    press(qtbot, Qt.Key.Key_Escape)
    assert follow_up(demo_services, walks).comment == "Tre av fyra\nklara." and stack.count() == 2

    # Tab saves and moves right: status → light, whose editor opens
    click(qtbot, page, walks, "status")
    type_keys(qtbot, "gen")
    press(qtbot, Qt.Key.Key_Tab)
    assert follow_up(demo_services, walks).status is FollowUpStatus.DONE
    assert current_key(page) == (walks, "light")
    light_editor = QApplication.focusWidget()
    assert isinstance(light_editor, QComboBox)
    type_keys(qtbot, "grö")
    press(qtbot, Qt.Key.Key_Return)
    done = follow_up(demo_services, walks)
    assert (done.status, done.light, done.count_achieved, done.comment) == (
        FollowUpStatus.DONE, TrafficLight.GREEN, 3, "Tre av fyra\nklara.")
    assert stack.count() == 4


def test_enter_on_a_cell_not_typed_into_opens_the_form(qtbot, page):
    first = rows(page)[0]
    index = page.proxy.mapFromSource(page.model.index_of(first, page.model.period_column("2022-T2")))
    qtbot.mouseClick(page.view.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, page.view.visualRect(index).center())
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    editor = open_editor(page)
    assert editor.period == "2022-T2"
    editor.reject()


def test_a_status_typed_with_several_rows_selected_sets_them_all_as_one_undo_step(qtbot, page, demo_services, stack):
    first, second, third, fourth = rows(page)[:4]
    click(qtbot, page, first, "status")
    click(qtbot, page, third, "status", Qt.KeyboardModifier.ShiftModifier)
    assert [g.measure.id for g in page.selected_measures()] == [first, second, third]
    type_keys(qtbot, "ej g")
    assert QApplication.focusWidget().currentText() == "Ej genomförd"
    press(qtbot, Qt.Key.Key_Return)

    for measure in (first, second, third):
        assert follow_up(demo_services, measure).status is FollowUpStatus.NOT_DONE, measure
    assert follow_up(demo_services, fourth) is None
    assert stack.count() == 1, "one undo step for the three"
    assert "3" in stack.undoText()
    stack.undo()
    assert [follow_up(demo_services, m) for m in (first, second, third)] == [None, None, None]
    stack.redo()
    assert all(follow_up(demo_services, m).status is FollowUpStatus.NOT_DONE for m in (first, second, third))

    # the menu's "Sätt trafikljus för markerade": all selected, one step; undo puts each back
    click(qtbot, page, second, "light")
    click(qtbot, page, fourth, "light", Qt.KeyboardModifier.ShiftModifier)
    red = next(a for a in page.set_light_action.menu().actions() if a.data() == TrafficLight.RED.value)
    assert page.set_light_action in page.actions_for_menu() and page.set_status_action in page.actions_for_menu()
    red.trigger()
    assert [follow_up(demo_services, m).light for m in (second, third, fourth)] == [TrafficLight.RED] * 3
    assert follow_up(demo_services, fourth).status is FollowUpStatus.IN_PROGRESS, "a new one starts as the form's"
    assert stack.count() == 2
    stack.undo()
    assert follow_up(demo_services, fourth) is None
    assert follow_up(demo_services, second).light is TrafficLight.NOT_ASSESSED
    assert follow_up(demo_services, second).status is FollowUpStatus.NOT_DONE


def test_ctrl_c_copies_the_selected_rows_as_tab_separated_text_with_a_header(qtbot, page, demo_services):
    first, second = rows(page)[:2]
    demo_services.follow_ups.record(first, period=PERIOD, status="done", light="green",
                                    comment="Klart.\tMed tabb\noch ny rad")
    page.refresh()
    click(qtbot, page, first, "comment")
    click(qtbot, page, second, "comment", Qt.KeyboardModifier.ShiftModifier)
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(page.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)

    text = QGuiApplication.clipboard().text()
    lines = text.split("\n")
    assert lines[-1] == "" and len(lines) == 4, "a header and two rows, each ending in a line break"
    header, row1, row2 = (line.split("\t") for line in lines[:3])
    assert header == ["Löfte", "Åtgärd", "Ansvarig", "2022-T1", "2022-T2", "2022-T3", "Trafikljus", "Antal", "Kommentar"]
    measures = {g.measure.id: g.measure for g in page.model.grid().measures}
    assert row1[1] == measures[first].title and row1[2] == measures[first].responsible_name
    assert row1[0] == page.model.groups()[0].title
    assert row1[5:] == ["Genomförd", "Grön", "", "Klart. Med tabb och ny rad"]
    assert row2[1] == measures[second].title and row2[5:] == ["", "", "", ""]
    assert len(row1) == len(row2) == len(header)

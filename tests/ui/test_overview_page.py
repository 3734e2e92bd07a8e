"""The Översikt page: its item models without widgets, and the page on the demo, driven by keys and clicks."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication

from promises_app.domain.enums import FollowUpStatus
from promises_app.services.overview import OverviewMeasure, PartyCount, PeriodProgress, StatusCount
from promises_app.ui.overview.overview_models import (
    ID_ROLE,
    LATE_COLOUR,
    MeasureListModel,
    PartyCountModel,
    StatusCountModel,
)
from promises_app.ui.overview.overview_page import OverviewPage
from promises_app.ui.overview.progress_chart import ProgressChart, integer_step
from tests.ui.conftest import DEMO_TODAY

SOLNA_PROMISE = "Solna – medborgarlöften 2022"


def item(measure_id: int, days_late: int | None, *, status: FollowUpStatus | None = None,
         owner: str = "Solna stad") -> OverviewMeasure:
    deadline = None if days_late is None else date(2022, 9, 1) - timedelta(days=days_late)
    return OverviewMeasure(measure_id=measure_id, title=f"Åtgärd {measure_id}", promise_text="Ett löfte",
                           responsible_name=owner, deadline=deadline, status=status, days_late=days_late)


def cells(model, row: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [model.index(row, c).data() for c in range(model.columnCount())]


def headers(model) -> list[str]:  # type: ignore[no-untyped-def]
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


# --- the models, without widgets -----------------------------------------------------------------
def test_overdue_list_model_shows_days_late_in_red(qapp) -> None:  # type: ignore[no-untyped-def]
    model = MeasureListModel(MeasureListModel.OVERDUE)
    model.set_rows([item(7, 63), item(9, 1, owner="")])
    assert headers(model) == ["Measure", "Responsible", "Deadline", "Days late"]
    assert model.rowCount() == 2
    assert cells(model, 0)[0:2] == ["Åtgärd 7", "Solna stad"] and cells(model, 0)[3] == "63"
    assert cells(model, 1)[1] == "No responsible party"
    assert model.index(1, 0).data(ID_ROLE) == 9
    assert model.index(0, MeasureListModel.LAST).data(Qt.ItemDataRole.ForegroundRole).color() == LATE_COLOUR
    assert "Ett löfte" in model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert model.row_of(9) == 1 and model.row_of(1) == -1


def test_due_soon_list_model_counts_days_left(qapp) -> None:  # type: ignore[no-untyped-def]
    model = MeasureListModel(MeasureListModel.DUE_SOON)
    model.set_rows([item(1, 0), item(2, -14)])
    assert headers(model)[3] == "Days left"
    assert [cells(model, r)[3] for r in range(2)] == ["today", "14"]
    assert model.index(0, MeasureListModel.LAST).data(Qt.ItemDataRole.ForegroundRole) is None


def test_missing_list_model_shows_the_latest_status(qapp) -> None:  # type: ignore[no-untyped-def]
    model = MeasureListModel(MeasureListModel.MISSING)
    model.set_rows([item(1, -100, status=FollowUpStatus.IN_PROGRESS), item(2, None)])
    assert headers(model)[3] == "Latest status"
    assert [cells(model, r)[3] for r in range(2)] == ["In progress", "No follow-up"]
    assert cells(model, 1)[2] == "" and cells(model, 0)[2] != ""  # the second has no deadline
    with pytest.raises(ValueError):
        MeasureListModel("late")


def test_count_models(qapp) -> None:  # type: ignore[no-untyped-def]
    statuses = StatusCountModel()
    statuses.set_rows([StatusCount(FollowUpStatus.DONE, 2), StatusCount(None, 5)])
    assert [cells(statuses, r) for r in range(2)] == [["Done", "2"], ["No follow-up", "5"]]
    assert statuses.index(0, 0).data(Qt.ItemDataRole.DecorationRole) is not None
    parties = PartyCountModel()
    parties.set_rows([PartyCount("Solna stad", 5, 1, 0, 4), PartyCount("", 1, 0, 0, 0)])
    assert headers(parties) == ["Responsible", "Measures", "Overdue", "Due soon", "No follow-up"]
    assert cells(parties, 0) == ["Solna stad", "5", "1", "0", "4"]
    assert cells(parties, 1)[0] == "No responsible party"
    assert parties.index(0, PartyCountModel.OVERDUE).data(Qt.ItemDataRole.ForegroundRole).color() == LATE_COLOUR
    assert parties.index(1, PartyCountModel.OVERDUE).data(Qt.ItemDataRole.ForegroundRole) is None


def test_chart_in_words_and_its_axis(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = ProgressChart()
    qtbot.addWidget(chart)
    assert chart.summary_text() == "No reporting period has begun yet."
    counts = tuple(StatusCount(s, n) for s, n in ((FollowUpStatus.DONE, 2), (FollowUpStatus.IN_PROGRESS, 4),
                                                  (None, 1)))
    chart.set_progress([
        PeriodProgress("2022-T2", date(2022, 5, 1), date(2022, 8, 31), counts, current=False),
        PeriodProgress("2022-T3", date(2022, 9, 1), date(2022, 12, 31), counts, current=True),
    ])
    assert chart.summary_text().splitlines() == [
        "2022-T2: Done 2, In progress 4, No follow-up 1",
        "2022-T3 (running): Done 2, In progress 4, No follow-up 1",
    ]
    assert chart.accessibleDescription() == chart.summary_text()
    chart.resize(500, 280)
    assert not chart.grab().isNull()
    assert [integer_step(n) for n in (0, 3, 7, 12, 40)] == [1, 1, 2, 5, 10]


# --- the page on the demo --------------------------------------------------------------------------
def solna(services) -> int:  # type: ignore[no-untyped-def]
    return next(a.id for a in services.agreements.list_agreements() if a.title == SOLNA_PROMISE)


@pytest.fixture
def stack() -> Iterator[QUndoStack]:
    made = QUndoStack()
    yield made
    made.blockSignals(True)  # its clearing on deletion must not reach the page, which goes first


@pytest.fixture
def page(qtbot, demo_services, stack):  # type: ignore[no-untyped-def]
    shown = OverviewPage(demo_services, stack, today=lambda: DEMO_TODAY)
    qtbot.addWidget(shown)
    shown.resize(1000, 600)
    shown.set_agreement(solna(demo_services))
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def test_the_page_shows_the_demo_numbers(page) -> None:  # type: ignore[no-untyped-def]
    assert page.overdue_headline.text() == "1 overdue"
    assert page.due_soon_headline.text() == "0 due within 14 days"
    assert page.missing_headline.text() == "5 lack a follow-up for 2022-T3"
    assert page.overdue_list.model.rowCount() == 1 and page.overdue_list.view.isVisible()
    assert "belysning" in page.overdue_list.model.record_at(0).title
    assert page.missing_list.model.rowCount() == 5
    assert not page.due_soon_list.view.isVisible()
    assert page.due_soon_list.empty.isVisible()
    assert page.due_soon_list.empty.text() == "No measures are due within 14 days."
    assert [p.period for p in page.chart.progress()] == ["2022-T1", "2022-T2", "2022-T3"]
    counts = {page.status_model.record_at(r).status: page.status_model.record_at(r).count
              for r in range(page.status_model.rowCount())}
    assert counts[FollowUpStatus.IN_PROGRESS] == 4 and counts[FollowUpStatus.DONE] == 2
    assert sorted(cells(page.party_model, r)[0] for r in range(page.party_model.rowCount())) == [
        "Lokalpolisområde Solna", "Solna stad"]
    # It fits a tab of a 1366×768 window without scrolling.
    assert not page.scroll_area.verticalScrollBar().isVisible()
    assert not page.scroll_area.horizontalScrollBar().isVisible()


def test_enter_on_an_overdue_row_opens_the_measure(page, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = page.overdue_list.view
    expected = page.overdue_list.model.record_at(0).measure_id
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(view.model().index(0, 0)).center())
    assert page.selected_measure() == expected
    with qtbot.waitSignal(page.measure_activated, timeout=1000) as signal:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert signal.args == [expected]


def test_double_click_on_a_missing_row_opens_the_measure(page, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = page.missing_list.view
    expected = page.missing_list.model.record_at(2).measure_id
    centre = view.visualRect(view.model().index(2, 0)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    with qtbot.waitSignal(page.measure_activated, timeout=1000) as signal:
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert signal.args == [expected]


def test_the_mnemonic_moves_into_the_overdue_list(page, qtbot) -> None:  # type: ignore[no-untyped-def]
    page.missing_list.view.setFocus()
    qtbot.keyClick(page.missing_list.view, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    assert page.overdue_list.view.hasFocus()


def test_the_page_reads_again_when_the_stack_changes(page, demo_services, stack) -> None:  # type: ignore[no-untyped-def]
    chosen = page.missing_list.model.record_at(0).measure_id
    page.missing_list.select(chosen)
    other = page.missing_list.model.record_at(1).measure_id
    page.missing_list.select(other)
    demo_services.follow_ups.record(chosen, period="2022-T3", status="done")
    stack.push(QUndoCommand("Registrera uppföljning"))  # what the follow-up page's command would do
    assert page.missing_list.model.rowCount() == 4
    assert page.missing_headline.text() == "4 lack a follow-up for 2022-T3"
    assert page.missing_list.selected_measure() == other, "the selection is kept"
    assert page.select_measure(page.overdue_list.model.record_at(0).measure_id)


def test_no_agreement_and_a_gone_agreement(page, demo_services) -> None:  # type: ignore[no-untyped-def]
    page.set_agreement(None)
    assert page.overdue_list.model.rowCount() == 0
    assert page.overdue_list.empty.text() == "Choose an agreement to see its overview."
    assert not page.overdue_headline.isVisible()
    page.set_agreement(123456)
    assert page.notice_label.isVisible() and "123456" in page.notice_label.text()
    page.set_services(demo_services)
    assert page.agreement_id is None


def test_tab_goes_from_list_to_list_skipping_an_empty_one(page, qtbot) -> None:  # type: ignore[no-untyped-def]
    page.overdue_list.view.setFocus()
    qtbot.keyClick(page.overdue_list.view, Qt.Key.Key_Tab)
    assert page.missing_list.view.hasFocus(), "the empty due-soon list is hidden behind its sentence"
    for expected in (page.party_view, page.chart, page.status_view):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert expected.hasFocus(), expected.accessibleName()


def test_f5_reads_the_overview_again(page, demo_services, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert page.refresh_action in page.actions_for_menu() and page.open_action in page.actions_for_menu()
    late = page.overdue_list.model.record_at(0).measure_id
    demo_services.follow_ups.record(late, period="2022-T3", status="done")
    assert page.overdue_list.model.rowCount() == 1  # nothing changed on the stack: not read yet
    page.overdue_list.view.setFocus()
    qtbot.keyClick(page.overdue_list.view, Qt.Key.Key_F5)
    assert page.overdue_list.model.rowCount() == 0
    assert page.overdue_list.empty.isVisible() and page.overdue_list.empty.text() == "No overdue measures."
    assert page.overdue_headline.text() == "0 overdue"


def test_open_action_opens_the_selected_measure(page, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = page.missing_list.view
    expected = page.missing_list.model.record_at(1).measure_id
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(view.model().index(1, 0)).center())
    with qtbot.waitSignal(page.measure_activated, timeout=1000) as signal:
        qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert signal.args == [expected]

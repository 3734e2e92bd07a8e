"""The Alla åtgärder page on its own (ui/all_measures/all_measures_page.py): it reads its agreement, keeps its
filter over a refresh, and forgets the old database's rows when the window switches."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QTabWidget, QWidget

from promises_app.domain.changes import Changes
from promises_app.services import open_services
from promises_app.services.changes import listen, stop_listening
from promises_app.ui.all_measures.all_measures_page import AllMeasuresPage
from promises_app.ui.all_measures.measure_table_model import MEASURE_ID_ROLE, MeasureTableModel
from tests.ui.conftest import DEMO_TODAY

SOLNA = "Solna – medborgarlöften 2022"


def _cells(page: AllMeasuresPage, column: int) -> list[str]:
    return [page.proxy.index(row, column).data() for row in range(page.proxy.rowCount())]


def test_the_page_shows_its_agreement_and_a_refresh_keeps_the_filter(qtbot, demo_ui_services, swedish_app):  # type: ignore[no-untyped-def]
    services = demo_ui_services
    solna = next(a.id for a in services.agreements.list_agreements() if a.title == SOLNA)
    page = AllMeasuresPage(services, QUndoStack(), today=lambda: DEMO_TODAY)
    qtbot.addWidget(page)
    page.set_agreement(solna)
    assert page.agreement_id == solna and page.model.total_rows() == 7
    assert page.actions_for_menu() == []

    qtbot.keyClicks(page.search_edit, "skogen")
    assert 0 < page.proxy.rowCount() < 7
    overdue = next(r for r in services.follow_ups.status_rows(solna, today=DEMO_TODAY) if r.overdue)
    shown = [page.proxy.index(row, 0).data(MEASURE_ID_ROLE) for row in range(page.proxy.rowCount())]
    assert overdue.measure.id in shown, "the overdue lighting measure is in Västra skogen"
    assert "2022-T3" not in _cells(page, MeasureTableModel.PERIOD)

    services.follow_ups.record(overdue.measure.id, period="2022-T3", status="done")
    page.refresh()

    assert page.search_edit.text() == "skogen" and 0 < page.proxy.rowCount() < 7
    row = next(r for r in range(page.proxy.rowCount()) if page.proxy.index(r, 0).data(MEASURE_ID_ROLE)
               == overdue.measure.id)
    assert page.proxy.index(row, MeasureTableModel.PERIOD).data() == "2022-T3"
    assert page.proxy.index(row, MeasureTableModel.STATUS).data() == "Genomförd"


def test_another_database_empties_the_page_until_an_agreement_is_chosen(qtbot, demo_ui_services, tmp_path: Path):  # type: ignore[no-untyped-def]
    solna = next(a.id for a in demo_ui_services.agreements.list_agreements() if a.title == SOLNA)
    page = AllMeasuresPage(demo_ui_services, QUndoStack(), today=lambda: DEMO_TODAY)
    qtbot.addWidget(page)
    page.set_agreement(solna)
    assert page.model.total_rows() == 7
    empty = open_services(tmp_path / "tom.sqlite")
    try:
        page.set_services(empty)
        assert page.agreement_id is None and page.model.total_rows() == 0
        page.refresh()  # nothing to read: no agreement of the old database is asked for
        assert page.model.total_rows() == 0
    finally:
        empty.db.close()


def _recorded(services, measure_id: int) -> Changes:  # type: ignore[no-untyped-def]
    """The Changes of one recorded follow-up, as the operations runner is told them."""
    seen: list[Changes] = []
    listen(services.db, seen.append)
    try:
        services.follow_ups.record(measure_id, period="2022-T3", status="done")
    finally:
        stop_listening(services.db, seen.append)
    assert len(seen) == 1
    return seen[0]


def test_a_recorded_follow_up_repaints_only_its_row(qtbot, demo_ui_services, swedish_app):  # type: ignore[no-untyped-def]
    services = demo_ui_services
    solna = next(a.id for a in services.agreements.list_agreements() if a.title == SOLNA)
    page = AllMeasuresPage(services, QUndoStack(), today=lambda: DEMO_TODAY)
    qtbot.addWidget(page)
    page.set_agreement(solna)
    overdue = next(r for r in services.follow_ups.status_rows(solna, today=DEMO_TODAY) if r.overdue)
    resets: list[int] = []
    painted: list[tuple[int, int]] = []
    page.model.modelReset.connect(lambda: resets.append(1))
    page.model.dataChanged.connect(lambda top, bottom, *_a: painted.append((top.row(), bottom.row())))

    page.apply_changes(_recorded(services, overdue.measure.id))

    row = next(r for r in range(page.model.rowCount()) if page.model.index(r, 0).data(MEASURE_ID_ROLE)
               == overdue.measure.id)
    assert resets == [] and painted == [(row, row)]
    assert page.model.index(row, MeasureTableModel.PERIOD).data() == "2022-T3"


def test_behind_another_tab_the_list_reads_only_when_shown(qtbot, demo_ui_services, swedish_app):  # type: ignore[no-untyped-def]
    services = demo_ui_services
    solna = next(a.id for a in services.agreements.list_agreements() if a.title == SOLNA)
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    page = AllMeasuresPage(services, QUndoStack(), today=lambda: DEMO_TODAY)
    tabs.addTab(QWidget(), "Översikt")
    tabs.addTab(page, "Alla åtgärder")
    page.set_agreement(solna)
    overdue = next(r for r in services.follow_ups.status_rows(solna, today=DEMO_TODAY) if r.overdue)
    row = next(r for r in range(page.model.rowCount()) if page.model.index(r, 0).data(MEASURE_ID_ROLE)
               == overdue.measure.id)

    page.apply_changes(_recorded(services, overdue.measure.id))
    assert page.model.index(row, MeasureTableModel.PERIOD).data() == "2022-T2", "covered: not read yet"

    tabs.setCurrentWidget(page)
    page.refresh_if_stale()  # as the window does when the tab is shown
    row = next(r for r in range(page.model.rowCount()) if page.model.index(r, 0).data(MEASURE_ID_ROLE)
               == overdue.measure.id)
    assert page.model.index(row, MeasureTableModel.PERIOD).data() == "2022-T3"

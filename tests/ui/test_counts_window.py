"""One truth for counts in the window (docs/counts.md): an occurrence logged in Plan's occurrence log is
counted for its period in the log's summary, the Plan tree, the follow-up grid and form, and Alla
åtgärder, all saying "hittills X av Y" and "denna period Z" with where Z came from.

Driven like a person would: clicks on the tabs and buttons, keys in the fields.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from promises_app.ui.all_measures.measure_table_model import MeasureTableModel
from promises_app.ui.followup.followup_editor import FollowUpEditor
from promises_app.ui.plan.occurrence_dialog import OccurrenceForm, OccurrenceLogDialog
from promises_app.ui.plan.plan_models import PlanTreeModel
from promises_app.ui.shell.main_window import MainWindow
from tests.ui.conftest import DEMO_TODAY

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def window(qtbot, demo_ui_services, swedish_app, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QMessageBox, "warning", lambda *_args, **_kwargs: pytest.fail("no warning expected"))
    shown = MainWindow(demo_ui_services, today=lambda: DEMO_TODAY)
    qtbot.addWidget(shown)
    shown.resize(1280, 720)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    shown.report_runner.cancel()
    shown.report_runner.wait_for_background_work()


def _tab(qtbot, window: MainWindow, tab: int) -> None:  # type: ignore[no-untyped-def]
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(tab).center())
    assert window.tabs.currentIndex() == tab


def _visible(parent: QWidget, kind: type) -> Any:
    shown = [w for w in parent.findChildren(kind) if w.isVisible()]
    assert len(shown) == 1, shown
    return shown[0]


def test_a_logged_walk_is_the_periods_count_everywhere(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    services = window.services
    agreement_id = window.current_agreement_id()
    walks = next(m for m in services.plan.list_measures(agreement_id) if m.target_unit == "trygghetsvandringar")

    # Plan: the walk measure, its occurrence log (Ctrl+Shift+T), one walk logged today (T3) by keys.
    _tab(qtbot, window, window.plan_tab)
    plan = window.plan_page
    plan.select_measure(walks.id)
    plan.tree.setFocus()
    qtbot.keyClick(plan.tree, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = _visible(plan, OccurrenceLogDialog)
    # The demo logged one walk in T1 and one in T2; T2's follow-up typed 2: T3 has nothing yet.
    assert "Loggade: 2 · hittills 2 av 4 trygghetsvandringar, denna period –" in dialog.log.summary.text()
    assert "Trygghetsvandringar som hållits" in dialog.log.summary.text()
    qtbot.mouseClick(dialog.log.add_button, LEFT)
    form = _visible(dialog, OccurrenceForm)
    qtbot.keyClicks(form.place_edit, "Solna centrum")
    qtbot.mouseClick(form.save_button, LEFT)
    qtbot.waitUntil(lambda: not form.isVisible())
    assert dialog.log.summary.text().startswith(
        "Loggade: 3 · hittills 3 av 4 trygghetsvandringar, denna period 1 (från loggade tillfällen)")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    row = plan.model.index_of_measure(walks.id)
    status = row.siblingAtColumn(PlanTreeModel.STATUS)
    assert status.data().endswith("(hittills 3 av 4, denna period 1)")
    assert "från loggade tillfällen" in status.data(Qt.ItemDataRole.ToolTipRole)

    # Uppföljning: the T3 cell has no follow-up but shows the logged count; the form says what counts.
    _tab(qtbot, window, window.followup_tab)
    page = window.followup_page
    cell = page.model.index_of(walks.id, page.model.period_column("2022-T3"))
    assert cell.data() == "hittills 3 av 4, denna period 1"
    index = page.proxy.mapFromSource(cell)
    page.view.scrollTo(index)
    qtbot.mouseClick(page.view.viewport(), LEFT, pos=page.view.visualRect(index).center())
    qtbot.mouseClick(page.edit_button, LEFT)  # the whole form ("Följ upp…"); Enter types into the cell
    editor = _visible(page, FollowUpEditor)
    assert editor.count_summary.text() == "hittills 3 av 4 trygghetsvandringar, denna period 1 (från loggade tillfällen)"
    qtbot.keyClicks(editor.count_edit, "9")
    assert "de räknas, inte den inskrivna siffran" in editor.count_summary.text()
    assert editor.count_summary.text().startswith("hittills 3 av 4 trygghetsvandringar")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)

    # Typed into the grid's count cell: saved as the running total, but the logged walk still counts.
    count_cell = page.proxy.mapFromSource(page.model.index_of(walks.id, page.model.edit_column("count_achieved")))
    page.view.scrollTo(count_cell)
    qtbot.mouseClick(page.view.viewport(), LEFT, pos=page.view.visualRect(count_cell).center())
    qtbot.keyClicks(page.view, "9")
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: services.follow_ups.list_for_measure(walks.id)[-1].period == "2022-T3")
    assert services.follow_ups.list_for_measure(walks.id)[-1].count_achieved == 9
    status_cell = page.model.index_of(walks.id, page.model.period_column("2022-T3"))
    assert status_cell.data().endswith("(hittills 3 av 4, denna period 1)")
    assert "från loggade tillfällen" in page.model.index_of(
        walks.id, page.model.edit_column("count_achieved")).data(Qt.ItemDataRole.AccessibleTextRole)
    window.undo_stack.undo()

    # Alla åtgärder: the same count in the Utfall column.
    _tab(qtbot, window, window.measures_tab)
    measures = window.all_measures_page
    qtbot.waitUntil(lambda: measures.model.rowCount() > 0)
    texts = [measures.model.index(r, MeasureTableModel.TARGET).data() for r in range(measures.model.rowCount())]
    assert "hittills 3 av 4\ndenna period 1" in texts

    # Undo the logged walk: back to nothing this period, everywhere.
    window.undo_stack.undo()
    _tab(qtbot, window, window.followup_tab)
    qtbot.waitUntil(lambda: page.model.index_of(walks.id, page.model.period_column("2022-T3")).data() == "")

"""The window fits 1280×720 and 1366×768: titles readable, headers whole, widths kept, one name per column.

Before: the Uppföljning title column came to "Ge…" at 1280 px (and to ten characters after the
first save), the Plan's status to "Delvis genomf…", and a measure's deadline was "Klart senast"
in the Plan but "Slutdatum" in Alla åtgärder.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication, QHeaderView

from promises_app.services.errors import ValidationError
from promises_app.ui.common.columns import elided_tip
from promises_app.ui.followup.followup_editor import FollowUpEditor
from promises_app.ui.followup.followup_grid_model import FollowUpGridModel
from promises_app.ui.shell.main_window import MainWindow
from promises_app.ui.shell.settings import AppSettings
from tests.ui.conftest import DEMO_TODAY

SOLNA = "Solna – medborgarlöften 2022"
SIZES = [(1280, 720), (1366, 768)]


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "settings" / "settings.ini"), QSettings.Format.IniFormat))


def open_window(qtbot, services, settings: AppSettings, size: tuple[int, int]) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(services, settings=settings, today=lambda: DEMO_TODAY)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.complete()
    window.resize(*size)
    solna = next(a for a in services.agreements.list_agreements() if a.title == SOLNA)
    window.select_agreement(solna.id)
    QApplication.processEvents()
    return window


def show(window: MainWindow, page) -> None:  # type: ignore[no-untyped-def]
    window.tabs.setCurrentWidget(page)
    QApplication.processEvents()


def cut_headers(header: QHeaderView) -> list[str]:
    """Headings wider than their column (a wrapped heading is measured by its longest word)."""
    model = header.model()
    cut = []
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        text = str(model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
        words = text.split() if header.defaultAlignment() & Qt.TextFlag.TextWordWrap else [text]
        widest = max((header.fontMetrics().horizontalAdvance(word) for word in words), default=0)
        if widest + 8 > header.sectionSize(section):
            cut.append(text)
    return cut


def em(widget) -> int:  # type: ignore[no-untyped-def]
    return widget.fontMetrics().horizontalAdvance("M")


@pytest.mark.parametrize("size", SIZES)
def test_titles_are_readable_and_headings_whole_on_every_table_page(qtbot, demo_ui_services, settings, swedish_app,
                                                                     size):
    window = open_window(qtbot, demo_ui_services, settings, size)
    followup, plan, measures = window.followup_page, window.plan_page, window.all_measures_page
    show(window, followup)
    header = followup.view.header()
    assert header.sectionSize(FollowUpGridModel.TITLE) >= 22 * em(followup)
    assert followup.search_edit.width() >= 18 * em(followup), "the search box is a field, not a slit"
    assert cut_headers(header) == []
    show(window, plan)
    assert plan.tree.header().sectionSize(0) >= 24 * em(plan.tree)
    assert cut_headers(plan.tree.header()) == []
    status = plan.tree.header().sectionSize(3)
    assert status >= plan.tree.fontMetrics().horizontalAdvance("Delvis genomförd") + 20, "the status word fits whole"
    show(window, measures)
    assert measures.view.horizontalHeader().sectionSize(0) >= 18 * em(measures.view)
    assert cut_headers(measures.view.horizontalHeader()) == []
    show(window, window.overview_page)
    for measure_list in (m for m in window.overview_page.lists() if m.view.isVisible()):
        assert cut_headers(measure_list.view.horizontalHeader()) == []
        assert measure_list.view.horizontalHeader().sectionSize(0) >= 14 * em(measure_list.view)


def test_the_follow_up_title_keeps_its_width_after_a_save(qtbot, demo_ui_services, settings, swedish_app):
    """It came down to ten characters after the first follow-up was saved."""
    window = open_window(qtbot, demo_ui_services, settings, (1280, 720))
    page = window.followup_page
    show(window, page)
    header = page.view.header()
    before = header.sectionSize(FollowUpGridModel.TITLE)
    page.view.setFocus()
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)  # the follow-up form ("Följ upp…")
    editor = next(w for w in page.findChildren(FollowUpEditor) if w.isVisible())
    editor.try_save()
    QApplication.processEvents()
    header = page.view.header()
    assert header.sectionSize(FollowUpGridModel.TITLE) >= min(before, 22 * em(page))
    assert header.sectionSize(FollowUpGridModel.TITLE) >= 22 * em(page)


def drag_right_edge(qtbot, header: QHeaderView, section: int, by: int) -> None:  # type: ignore[no-untyped-def]
    """Drag the right edge of ``section``'s heading ``by`` pixels with the mouse, as a person does."""
    edge = header.sectionViewportPosition(section) + header.sectionSize(section) - 2
    start = QPoint(edge, header.height() // 2)
    qtbot.mousePress(header.viewport(), Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 5):
        qtbot.mouseMove(header.viewport(), QPoint(edge + by * step // 4, start.y()))
    qtbot.mouseRelease(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(edge + by, start.y()))


def test_a_column_the_person_widens_stays_so_after_a_new_agreement_and_a_restart(
    qtbot, demo_ui_services, settings, swedish_app
):
    window = open_window(qtbot, demo_ui_services, settings, (1366, 768))
    page = window.followup_page
    show(window, page)
    header = page.view.header()
    owner = header.sectionSize(FollowUpGridModel.OWNER)
    drag_right_edge(qtbot, header, FollowUpGridModel.OWNER, 40)
    widened = header.sectionSize(FollowUpGridModel.OWNER)
    assert widened > owner + 20, (owner, widened)
    page.set_agreement(page.agreement_id)  # read again: the page sizes its columns anew
    assert header.sectionSize(FollowUpGridModel.OWNER) == widened
    window.close()  # saves the layout
    from promises_app.ui.common import columns

    columns.restore_widths({})  # what a new process starts with
    again = open_window(qtbot, demo_ui_services,
                        AppSettings(QSettings(settings.path.as_posix(), QSettings.Format.IniFormat)), (1366, 768))
    assert "followup" in again.settings.column_widths()
    show(again, again.followup_page)
    assert again.followup_page.view.header().sectionSize(FollowUpGridModel.OWNER) == widened


def test_a_cut_off_cell_shows_its_whole_text_as_tooltip(qtbot, demo_ui_services, settings, swedish_app):
    window = open_window(qtbot, demo_ui_services, settings, (1280, 720))
    plan = window.plan_page
    show(window, plan)
    proxy = plan.tree.model()
    promise = proxy.index(0, 0, proxy.index(0, 0))
    areas = {}
    for row in range(proxy.rowCount(promise)):
        index = proxy.index(row, 4, promise)  # Fokusområde
        areas[index.data()] = elided_tip(plan.tree, index)
    assert areas["Ungdomar i riskzonen"] == "Ungdomar i riskzonen", "cut off: whole in the tooltip"
    assert areas["Trafik"] == "", "whole already: no tooltip"


def test_a_measures_deadline_is_klart_senast_everywhere(qtbot, demo_ui_services, settings, swedish_app):
    window = open_window(qtbot, demo_ui_services, settings, (1366, 768))
    headings = {
        "plan": window.plan_page.model.headerData(2, Qt.Orientation.Horizontal),
        "all measures": window.all_measures_page.model.headerData(3, Qt.Orientation.Horizontal),
        "overview": window.overview_page.overdue_list.view.model().headerData(2, Qt.Orientation.Horizontal),
    }
    assert headings == {"plan": "Klart senast", "all measures": "Klart senast", "overview": "Klart senast"}
    services = demo_ui_services
    solna = next(a for a in services.agreements.list_agreements() if a.title == SOLNA)
    services.signoff.new_revision(solna.id)
    promise = services.plan.list_promises(solna.id)[0]
    with pytest.raises(ValidationError) as refused:  # after the agreement's end (2022-12-31)
        services.plan.create_measure(promise_id=promise.id, title="Belysning", deadline="2030-01-01")
    assert "Klart senast" in str(refused.value)
    assert "Slutdatum" not in str(refused.value)
    window.close()


@pytest.mark.parametrize("size", SIZES)
def test_the_running_period_is_shown_beside_the_titles_not_instead_of_them(
    qtbot, demo_ui_services, settings, swedish_app, size  # type: ignore[no-untyped-def]
) -> None:
    """The view scrolled the running tertial's cell into view by pushing the titles out of it (with
    the agreement list widened a little, as a person may leave it)."""
    window = open_window(qtbot, demo_ui_services, settings, size)
    window.splitter.setSizes([330, size[0] - 330])
    page = window.followup_page
    show(window, page)
    qtbot.wait(10)  # the view's own scroll to the current cell comes after the page is shown
    view, header = page.view, page.view.header()
    current = view.currentIndex()
    assert current.isValid() and current.column() >= FollowUpGridModel.FIRST_PERIOD
    assert view.horizontalScrollBar().value() == 0, "the titles are in view"
    right_of_cell = header.sectionViewportPosition(current.column()) + 6 * em(page)
    assert right_of_cell <= view.viewport().width(), "and the running period's status beside them"

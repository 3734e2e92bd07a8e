"""The workspace as one window: its pages, the agreement actions, undo across pages, and keys.

The pages are tested one by one in their own files; here they are driven through the window,
as the secretary meets them: a new agreement from the menu key, last year's carried into a new
one, undo and redo reaching the list of agreements, and the overview opening a measure.
"""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QWizard

from promises_app.ui.agreements.new_agreement_wizard import NewAgreementWizard
from promises_app.ui.parties.agreement_dialog import AgreementDialog
from promises_app.ui.shell.main_window import MainWindow
from tests.ui.conftest import DEMO_TODAY

LEFT = Qt.MouseButton.LeftButton
SOLNA = "Solna – medborgarlöften 2022"


@pytest.fixture
def window(qtbot, demo_ui_services, swedish_app) -> MainWindow:  # type: ignore[no-untyped-def]
    made = MainWindow(demo_ui_services, today=lambda: DEMO_TODAY)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    made.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is made)
    return made


def titles(window: MainWindow) -> list[str]:
    return [agreement.title for agreement in window.agreement_model.agreements]


def test_the_pages_are_in_the_order_of_the_work_and_ctrl_digit_opens_each(qtbot, window):
    names = [window.tabs.tabText(index) for index in range(window.tabs.count())]
    assert names == [
        "Översikt", "Plan", "Uppföljning", "Parter och undertecknare", "Lägesbild och indikatorer",
        "Versioner", "Alla åtgärder",
    ]
    assert window.tabs.currentIndex() == window.overview_tab, "the start page is the overview"
    for index in (3, 1, 0):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_1 + index), Qt.KeyboardModifier.ControlModifier)
        assert window.tabs.currentIndex() == index


def test_no_key_does_two_things_on_any_page(window):
    """A window-wide key and a key of the page on show must differ, or Qt runs neither."""
    window_keys = Counter(
        key.toString()
        for action in window.findChildren(QAction)
        if action.shortcutContext() in (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut)
        for key in action.shortcuts()
        if not key.isEmpty()
    )
    assert [key for key, count in window_keys.items() if count > 1] == []
    for page in window._pages():
        page_keys = Counter(
            key.toString()
            for action in page.findChildren(QAction)
            if action.shortcutContext()
            in (Qt.ShortcutContext.WidgetWithChildrenShortcut, Qt.ShortcutContext.WidgetShortcut)
            for key in action.shortcuts()
            if not key.isEmpty()
        )
        clashes = sorted(set(page_keys) & set(window_keys))
        assert clashes == [], f"{type(page).__name__}: {clashes}"


def test_a_new_agreement_from_the_menu_key_is_selected_and_undo_takes_it_away(qtbot, window):
    services = window.services
    before = titles(window)

    def fill_in() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, AgreementDialog)
        qtbot.keyClicks(dialog.title_edit, "Exempelstad 2023")
        qtbot.keyClicks(dialog.municipality_edit, "Exempelstad")
        qtbot.mouseClick(dialog.save_button, LEFT)

    QTimer.singleShot(0, fill_in)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)

    assert titles(window) == [*before, "Exempelstad 2023"] or set(titles(window)) == {*before, "Exempelstad 2023"}
    created = window.current_agreement_id()
    assert services.agreements.get_agreement(created).title == "Exempelstad 2023"
    assert window.title_label.text() == "Exempelstad 2023"
    assert window.tabs.currentIndex() == window.parties_tab, "the next step: who takes part"
    assert window.undo_action.text().startswith("&Ångra"), window.undo_action.text()

    window.activateWindow()  # as the window manager does when the dialog closes
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Exempelstad 2023" not in titles(window)
    assert window.title_label.text() != "Exempelstad 2023"

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert "Exempelstad 2023" in titles(window)


def test_last_years_agreement_carried_into_a_new_one_from_the_window(qtbot, window):
    services = window.services
    solna = next(a.id for a in window.agreement_model.agreements if a.title == SOLNA)
    window.select_agreement(solna)
    unfinished = {
        row.measure.id for row in services.follow_ups.status_rows(solna, today=DEMO_TODAY)
        if row.latest_status is None or not row.latest_status.is_finished
    }
    assert unfinished, "the demo has unfinished measures"

    def finish() -> None:
        wizard = QApplication.activeModalWidget()
        assert isinstance(wizard, NewAgreementWizard)
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), LEFT)
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), LEFT)
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), LEFT)

    QTimer.singleShot(0, finish)
    window.carry_over_action.trigger()

    created = window.current_agreement_id()
    assert created != solna
    assert window.title_label.text() == "Solna – medborgarlöften 2023"
    carried = {m.previous_measure_id for m in services.plan.list_measures(created)}
    assert unfinished <= carried
    assert window.tabs.currentIndex() == window.plan_tab
    assert window.plan_page.agreement_id == created

    window.undo_action.trigger()
    assert "Solna – medborgarlöften 2023" not in titles(window)
    assert window.current_agreement_id() is not None


def test_an_overdue_measure_on_the_overview_opens_in_the_plan(qtbot, window):
    page = window.overview_page
    overdue = page.overdue_list.view
    assert overdue.model().rowCount() == 1
    overdue.setFocus()
    overdue.setCurrentIndex(overdue.model().index(0, 0))
    with qtbot.waitSignal(page.measure_activated) as signal:
        qtbot.keyClick(overdue, Qt.Key.Key_Return)
    assert window.tabs.currentIndex() == window.plan_tab
    selected = window.plan_page.selected_measure()
    assert selected is not None and selected.id == signal.args[0]


def test_every_menu_action_has_a_name_and_the_edit_menu_names_the_last_edit(window):
    for action in window.menuBar().actions():
        assert action.text(), "every menu has a title"
        for item in action.menu().actions():
            assert item.isSeparator() or item.menu() is not None or item.text().strip()
    assert QKeySequence("Ctrl+Z") in window.undo_action.shortcuts()


def test_a_page_reads_the_agreement_when_it_is_shown_or_its_menu_opens(qtbot, window):
    """Selecting an agreement reads the page on show (and the versions page, whose keys work
    everywhere), not all six: the others read it when their tab or their menu is opened."""
    helsingborg = next(a.id for a in window.agreement_model.agreements if "Helsingborg" in a.title)
    window.select_agreement(helsingborg)
    assert window.overview_page.agreement_id == helsingborg
    assert window.versions_page.agreement_id == helsingborg
    assert window.plan_page.agreement_id is None and window.followup_page.agreement_id is None

    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.plan_page.agreement_id == helsingborg
    assert window.plan_page.model.rowCount() > 0

    follow_up_menu = next(m.menu() for m in window.menuBar().actions() if m.text() == "&Uppföljning")
    follow_up_menu.aboutToShow.emit()
    assert window.followup_page.agreement_id == helsingborg

    solna = next(a.id for a in window.agreement_model.agreements if a.title == SOLNA)
    window.select_agreement(solna)
    assert window.plan_page.agreement_id == solna, "the page on show follows the selection"
    assert window.followup_page.agreement_id is None, "a hidden page forgets the old agreement"

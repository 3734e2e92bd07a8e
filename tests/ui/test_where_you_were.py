"""Where you were: a restart returns to the last database, agreement and page; the report dialog
remembers its choices per agreement; "Nästa steg" is stored with the period's follow-up and is in
the next report. Two window starts share one settings folder, as two runs of the program would."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from promises_app.services import default_database_path
from promises_app.ui.reports.report_dialog import ReportDialog, ReportKind
from promises_app.ui.shell.app import open_for_desktop, start_database
from promises_app.ui.shell.main_window import MainWindow
from promises_app.ui.shell.settings import AppSettings
from tests.reports.pdf_text import flat_text
from tests.ui.conftest import DEMO_TODAY

LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier
NEXT_STEPS = "Belysningen i Råsunda prioriteras; ny trygghetsvandring i oktober."


@pytest.fixture
def settings_folder(tmp_path: Path) -> Path:
    return tmp_path / "inställningar"


def _start(qtbot, settings_folder: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    """The program's start as ui/shell/app.py makes it: the last database (or the default, with the
    demo only if it never existed), then the window; active, so its shortcuts work."""
    settings = AppSettings.in_folder(settings_folder)
    path, first_run_demo = start_database(default_database_path(), first_run_demo=True, settings=settings)
    services = open_for_desktop(path, first_run_demo=first_run_demo, check_later=False)
    window = MainWindow(services, today=lambda: DEMO_TODAY, settings=settings)
    qtbot.addWidget(window)
    window.show()
    # The offscreen screen is small: the geometry restored from the first start is clamped to it.
    window.resize(1366, 768)
    window.splitter.setSizes([300, 1066])
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def _close(window: MainWindow) -> None:
    window.report_runner.cancel()
    window.report_runner.wait_for_background_work()
    window.close()


def _click_agreement(qtbot, window: MainWindow, title: str) -> int:  # type: ignore[no-untyped-def]
    agreement = next(a for a in window.agreement_model.agreements if a.title == title)
    index = window.agreement_proxy.mapFromSource(window.agreement_model.index_of(agreement.id))
    view = window.agreement_view
    view.scrollTo(index)
    qtbot.wait(1)  # the view laid out at the window's restored size
    qtbot.mouseClick(view.viewport(), LEFT, pos=view.visualRect(index).center())
    assert window.current_agreement_id() == agreement.id
    return agreement.id


def _click_tab(qtbot, window: MainWindow, index: int) -> None:  # type: ignore[no-untyped-def]
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(index).center())
    assert window.tabs.currentIndex() == index


def _agreement_count(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        return int(connection.execute("SELECT count(*) FROM agreements").fetchone()[0])


def test_a_restart_returns_to_the_database_agreement_and_page(qtbot, swedish_app, settings_folder, tmp_path) -> None:  # type: ignore[no-untyped-def]
    first = _start(qtbot, settings_folder)
    default = first.services.db.path
    assert default is not None and _agreement_count(default) == 3, "the very first start has the demo"
    titles = [a.title for a in first.agreement_model.agreements]
    chosen = _click_agreement(qtbot, first, titles[0])
    _click_tab(qtbot, first, first.followup_tab)
    # Another database, and another place in it.
    other = tmp_path / "kommunen.sqlite"
    shutil.copyfile(default, other)
    first.save_place()  # (what closing the file does; copied while open, the copy must not carry it)
    assert first.database_files.open_database(other)
    other_chosen = _click_agreement(qtbot, first, titles[-1])
    _click_tab(qtbot, first, first.plan_tab)
    _close(first)

    again = _start(qtbot, settings_folder)
    assert again.services.db.path == other.resolve()
    assert again.current_agreement_id() == other_chosen
    assert again.tabs.currentIndex() == again.plan_tab
    assert again.title_label.text() == titles[-1]
    # The default database, opened again, is where it was left too, and the demo was not loaded again.
    assert again.database_files.open_database(default)
    assert again.current_agreement_id() == chosen
    assert again.tabs.currentIndex() == again.followup_tab
    assert _agreement_count(default) == 3
    _close(again)


def _open_report(qtbot, window: MainWindow) -> ReportDialog:  # type: ignore[no-untyped-def]
    before = window.report_dialog
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.agreement_view, Qt.Key.Key_R, CTRL)  # Rapporter → Uppföljningsrapport…
    dialog = window.report_dialog
    assert dialog is not None and dialog is not before
    qtbot.waitExposed(dialog)
    assert dialog.agreement_id == window.current_agreement_id()
    return dialog


def _toggle(qtbot, box) -> None:  # type: ignore[no-untyped-def]
    """A check box ticked or unticked with the space bar, as from the keyboard."""
    box.setFocus()
    was = box.isChecked()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert box.isChecked() is not was


def _choose_period(qtbot, dialog: ReportDialog, label: str) -> None:  # type: ignore[no-untyped-def]
    combo = dialog.period_combo
    combo.setFocus()
    steps = combo.findData(label) - combo.currentIndex()
    for _ in range(abs(steps)):
        qtbot.keyClick(combo, Qt.Key.Key_Down if steps > 0 else Qt.Key.Key_Up)
    assert dialog.period_label() == label


def test_the_report_dialog_remembers_its_choices_per_agreement(qtbot, swedish_app, settings_folder) -> None:  # type: ignore[no-untyped-def]
    window = _start(qtbot, settings_folder)
    titles = [a.title for a in window.agreement_model.agreements]
    solna = _click_agreement(qtbot, window, "Solna – medborgarlöften 2022")
    dialog = _open_report(qtbot, window)
    default_period = dialog.period_label()
    first_period = dialog.period_combo.itemData(0)
    assert default_period != first_period
    _choose_period(qtbot, dialog, first_period)
    qtbot.mouseClick(dialog.landscape_radio, LEFT)
    _toggle(qtbot, dialog.logos_box)
    _toggle(qtbot, dialog.section_boxes[ReportKind.FOLLOW_UP]["summary"])
    dialog.grouping_combo.setFocus()
    qtbot.keyClick(dialog.grouping_combo, Qt.Key.Key_Down)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()

    # Another agreement: its own (default) choices.
    _click_agreement(qtbot, window, next(t for t in titles if t != "Solna – medborgarlöften 2022"))
    other = _open_report(qtbot, window)
    assert not other.landscape_radio.isChecked() and other.logos_box.isChecked()
    qtbot.keyClick(other, Qt.Key.Key_Escape)
    _close(window)

    # After a restart, the first agreement's choices are back.
    again = _start(qtbot, settings_folder)
    assert again.current_agreement_id() != solna  # the last one shown was the other agreement
    _click_agreement(qtbot, again, "Solna – medborgarlöften 2022")
    remembered = _open_report(qtbot, again)
    assert remembered.period_label() == first_period
    assert remembered.landscape_radio.isChecked()
    assert not remembered.logos_box.isChecked()
    assert not remembered.section_boxes[ReportKind.FOLLOW_UP]["summary"].isChecked()
    assert remembered.grouping_combo.currentIndex() == 1
    qtbot.keyClick(remembered, Qt.Key.Key_Escape)
    _close(again)


def _create(qtbot, dialog: ReportDialog) -> bytes:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dialog.create_button, LEFT)
    qtbot.waitUntil(lambda: dialog.preview_dialog is not None, timeout=30_000)
    preview = dialog.preview_dialog
    assert preview is not None
    data = preview.data
    preview.reject()
    return data


def test_next_steps_are_stored_with_the_period_and_in_the_next_report(qtbot, swedish_app, settings_folder) -> None:  # type: ignore[no-untyped-def]
    window = _start(qtbot, settings_folder)
    agreement_id = _click_agreement(qtbot, window, "Solna – medborgarlöften 2022")
    dialog = _open_report(qtbot, window)
    period = dialog.period_label()
    assert dialog.next_steps_edit.toPlainText() == ""
    dialog.next_steps_edit.setFocus()
    qtbot.keyClicks(dialog.next_steps_edit, NEXT_STEPS)
    first = _create(qtbot, dialog)
    assert NEXT_STEPS in flat_text(first)
    services = window.services
    assert services.period_follow_ups.next_steps(agreement_id, period) == NEXT_STEPS
    assert window.undo_stack.undoText() == f"nästa steg för {period}"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    # The next report of the period: the field is filled in, and the PDF has the text again.
    again = _open_report(qtbot, window)
    assert again.next_steps_edit.toPlainText() == NEXT_STEPS
    assert NEXT_STEPS in flat_text(_create(qtbot, again))
    # Another period has its own (none yet); back on the first, its text again.
    other = again.period_combo.itemData(0)
    _choose_period(qtbot, again, other)
    assert again.error_label.text() == ""
    assert again.next_steps_edit.toPlainText() == ""
    _choose_period(qtbot, again, period)
    assert again.next_steps_edit.toPlainText() == NEXT_STEPS
    qtbot.keyClick(again, Qt.Key.Key_Escape)

    # In the change log, and one undo step (Ctrl+Z in the window).
    path = services.db.path
    with sqlite3.connect(path) as connection:
        logged = connection.execute(
            "SELECT action, field, new FROM change_log WHERE entity = 'period_follow_ups'"
        ).fetchall()
    assert any(action == "insert" for action, _field, _new in logged)
    assert any(NEXT_STEPS in (new or "") for _action, _field, new in logged), "the text itself is logged"
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.agreement_view, Qt.Key.Key_Z, CTRL)
    assert services.period_follow_ups.next_steps(agreement_id, period) == ""
    qtbot.keyClick(window.agreement_view, Qt.Key.Key_Y, CTRL)
    assert services.period_follow_ups.next_steps(agreement_id, period) == NEXT_STEPS

    # "Publicera för medborgarna…" starts from the same text for the period.
    publish = window.open_publish_dialog()
    assert publish is not None and publish.period_label() == period
    assert publish.next_steps_edit.toPlainText() == NEXT_STEPS
    publish.reject()
    _close(window)

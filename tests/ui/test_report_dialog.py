"""Reports from the window: the Rapporter menu, the report dialog, the background render, the exports.

Driven like a person would (mouse clicks, the menu's shortcut); only the system's file dialogs
and message boxes are replaced, since they block. The tests check behaviour rather than the
dialog's words, so they hold whether or not the Swedish catalogue has the report strings yet.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton

from promises_app.domain.enums import ReportingScheme
from promises_app.domain.periods import Period, periods_for
from promises_app.domain.vocabulary import swedish
from promises_app.reports.report_options import (
    AnnualOptions,
    AnnualSection,
    FollowUpOptions,
    FollowUpSection,
    Grouping,
    Orientation,
)
from promises_app.ui.reports import report_dialog as report_module
from promises_app.ui.reports.report_dialog import ReportDialog, ReportKind, default_period_index
from promises_app.ui.shell.main_window import MainWindow
from tests.reports.pdf_text import assert_in_order, flat_text
from tests.ui.conftest import DEMO_TODAY

ROOT = Path(__file__).resolve().parents[2]
SOLNA_PROMISE = "Solna – medborgarlöften 2022"
LEFT = Qt.MouseButton.LeftButton
UTF8_BOM = b"\xef\xbb\xbf"


@pytest.fixture
def window(qtbot, demo_ui_services, swedish_app):  # type: ignore[no-untyped-def]
    shown = MainWindow(demo_ui_services, today=lambda: DEMO_TODAY)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    assert shown.title_label.text() == SOLNA_PROMISE
    yield shown
    shown.report_runner.cancel()
    shown.report_runner.wait_for_background_work()


@pytest.fixture
def dialog(qtbot, window):  # type: ignore[no-untyped-def]
    opened = window.open_report_dialog()
    assert opened is not None
    qtbot.waitExposed(opened)
    return opened


@pytest.fixture
def warnings(monkeypatch):  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *_a, **_k: shown.append(text))
    return shown


def _save_to(monkeypatch, target: Path) -> list[str]:  # type: ignore[no-untyped-def]
    """The save dialog answers ``target``; returns the names it was offered."""
    offered: list[str] = []

    def save_file(_parent, _caption, proposed, file_filter, *_a, **_k):  # type: ignore[no-untyped-def]
        offered.append(proposed)
        return str(target), file_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_file)
    return offered


def _click(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    assert widget.isEnabled(), widget.text()
    qtbot.mouseClick(widget, LEFT)


def _tick(qtbot, box) -> None:  # type: ignore[no-untyped-def]
    """Click a check box on its box (a stretched check box's middle may be empty space)."""
    assert box.isEnabled(), box.text()
    qtbot.mouseClick(box, LEFT, pos=QPoint(box.height() // 2, box.height() // 2))


def _slow_render(monkeypatch, name: str) -> threading.Event:  # type: ignore[no-untyped-def]
    """The report's render waits for the returned event (at most 10 s) before it renders."""
    release = threading.Event()
    real = getattr(report_module, name)

    def slow(content, options):  # type: ignore[no-untyped-def]
        release.wait(10)
        return real(content, options)

    monkeypatch.setattr(report_module, name, slow)
    return release


# --- the choices ---------------------------------------------------------------------------------
def test_dialog_lists_the_tertials_and_defaults_to_the_one_ended_last(qtbot, dialog):  # type: ignore[no-untyped-def]
    combo = dialog.period_combo
    assert [combo.itemData(i) for i in range(combo.count())] == ["2022-T1", "2022-T2", "2022-T3"]
    assert combo.itemText(1) == "Tertial 2 2022 (2022-T2)"
    assert dialog.period_label() == "2022-T2", "today is 2022-09-01: T2 ended on 31 August"
    assert dialog.kind() is ReportKind.FOLLOW_UP
    assert dialog.orientation() is Orientation.PORTRAIT
    assert dialog.report_date() == DEMO_TODAY
    assert dialog.logos_box.isChecked()
    assert set(dialog.chosen_sections()) == {s.value for s in FollowUpSection}
    assert dialog.period_combo.isEnabled() and dialog.grouping_combo.isEnabled()
    assert dialog.file_name().startswith(SOLNA_PROMISE) and dialog.file_name().endswith(" 2022-T2.pdf")
    for widget in (dialog.period_combo, dialog.grouping_combo, dialog.date_edit, dialog.next_steps_edit,
                   dialog.followup_radio, dialog.annual_radio, dialog.portrait_radio, dialog.landscape_radio):
        assert widget.accessibleName(), widget


def test_switching_to_the_annual_report_disables_the_period_and_turns_the_pages(qtbot, dialog):  # type: ignore[no-untyped-def]
    _click(qtbot, dialog.annual_radio)

    assert dialog.kind() is ReportKind.ANNUAL
    assert not dialog.period_combo.isEnabled()
    assert not dialog.grouping_combo.isEnabled()
    assert dialog.orientation() is Orientation.LANDSCAPE
    assert set(dialog.chosen_sections()) == {s.value for s in AnnualSection}
    assert "2022-T" not in dialog.file_name()

    _click(qtbot, dialog.portrait_radio)  # the person's own choice for the annual report …
    _click(qtbot, dialog.followup_radio)
    assert dialog.orientation() is Orientation.PORTRAIT and dialog.period_combo.isEnabled()
    _click(qtbot, dialog.landscape_radio)
    _click(qtbot, dialog.annual_radio)
    assert dialog.orientation() is Orientation.PORTRAIT, "… is kept when coming back to it"


def test_the_choices_become_the_report_options(qtbot, dialog):  # type: ignore[no-untyped-def]
    dialog.select_period("2022-T1")
    dialog.grouping_combo.setCurrentIndex(dialog.grouping_combo.findData(Grouping.FOCUS_AREA.value))
    _click(qtbot, dialog.landscape_radio)
    _tick(qtbot, dialog.logos_box)
    _tick(qtbot, dialog.section_boxes[ReportKind.FOLLOW_UP][FollowUpSection.INDICATORS.value])
    dialog.next_steps_edit.setPlainText("Trygghetsvandring i oktober.")

    options = dialog.options()
    assert options == FollowUpOptions(
        orientation=Orientation.LANDSCAPE,
        logos=False,
        report_date=DEMO_TODAY,
        next_steps="Trygghetsvandring i oktober.",
        sections=frozenset(FollowUpSection) - {FollowUpSection.INDICATORS},
        group_by=Grouping.FOCUS_AREA,
    )
    assert dialog.period_label() == "2022-T1"

    _tick(qtbot, dialog.section_boxes[ReportKind.FOLLOW_UP][FollowUpSection.NEXT_STEPS.value])
    assert not dialog.next_steps_edit.isEnabled(), "no text to type for a section left out"
    _click(qtbot, dialog.annual_radio)
    assert isinstance(dialog.options(), AnnualOptions)
    assert dialog.next_steps_edit.isEnabled(), "the annual report has its own choice"


def test_the_annual_report_year_is_chosen_in_the_dialog(qtbot, dialog):  # type: ignore[no-untyped-def]
    assert not dialog.year_combo.isEnabled(), "a follow-up report has its period, not a year"
    _click(qtbot, dialog.annual_radio)
    assert dialog.year_combo.isEnabled()
    assert [dialog.year_combo.itemText(i) for i in range(dialog.year_combo.count())] == ["Efter rapportdatumet", "2022"]
    options = dialog.options()
    assert isinstance(options, AnnualOptions) and options.year is None
    dialog.year_combo.setCurrentIndex(dialog.year_combo.findData(2022))
    options = dialog.options()
    assert isinstance(options, AnnualOptions) and options.year == 2022


def test_default_period_is_the_latest_ended_or_else_the_first():
    tertials = periods_for(date(2022, 1, 1), date(2022, 12, 31), ReportingScheme.TERTIAL)
    assert default_period_index(tertials, date(2022, 3, 1)) == 0  # none ended yet
    assert default_period_index(tertials, date(2022, 4, 30)) == 0  # T1's last day: not over yet
    assert default_period_index(tertials, date(2022, 5, 1)) == 0
    assert default_period_index(tertials, date(2022, 9, 1)) == 1
    assert default_period_index(tertials, date(2023, 2, 1)) == 2
    assert default_period_index([], date(2022, 9, 1)) == -1
    assert all(isinstance(p, Period) for p in tertials)


# --- making the report ---------------------------------------------------------------------------
def test_create_report_renders_in_the_background_then_previews_and_saves(  # type: ignore[no-untyped-def]
    qtbot, window, dialog, tmp_path, monkeypatch
):
    threads: list[threading.Thread] = []
    real = report_module.render_followup

    def render_and_note(content, options):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        return real(content, options)

    monkeypatch.setattr(report_module, "render_followup", render_and_note)
    _click(qtbot, dialog.create_button)

    assert dialog.runner.progress_dialog is not None
    qtbot.waitUntil(lambda: dialog.preview_dialog is not None, timeout=30_000)
    assert threads and threads[0] is not threading.main_thread()
    assert not dialog.error_label.isVisible()
    preview = dialog.preview_dialog
    qtbot.waitExposed(preview)
    assert len(preview.page_labels) >= 1
    assert not preview.page_labels[0].pixmap().isNull()

    offered = _save_to(monkeypatch, tmp_path / "rapport")
    _click(qtbot, preview.save_button)

    assert Path(offered[0]).name == dialog.file_name()
    saved = tmp_path / "rapport.pdf"
    data = saved.read_bytes()
    assert data.startswith(b"%PDF")
    text = flat_text(data)
    assert "Tertial 2 2022" in text
    squashed = "".join(text.split())
    facts = window.services.follow_ups.measure_facts(window.current_agreement_id())
    statuses = ["".join(swedish(m.follow_ups["2022-T2"].status).split()) for m in facts.measures]
    assert len(statuses) == 7
    assert_in_order(squashed, statuses)
    _click(qtbot, preview.close_button)
    assert dialog.isVisible(), "the dialog stays for another report"


def test_the_annual_report_renders_too(qtbot, dialog):  # type: ignore[no-untyped-def]
    _click(qtbot, dialog.annual_radio)
    _click(qtbot, dialog.create_button)
    qtbot.waitUntil(lambda: dialog.preview_dialog is not None, timeout=30_000)
    preview = dialog.preview_dialog
    assert preview.data.startswith(b"%PDF")
    assert "Årsrapport 2022" in flat_text(preview.data)
    assert preview.file_name == dialog.file_name()


def test_a_period_the_agreement_lacks_is_refused_in_the_dialog(qtbot, dialog):  # type: ignore[no-untyped-def]
    dialog.period_combo.addItem("2023-T1", "2023-T1")
    dialog.select_period("2023-T1")
    _click(qtbot, dialog.create_button)

    assert dialog.error_label.isVisible()
    assert "2023-T1" in dialog.error_label.text()
    assert not dialog.runner.busy(), "nothing is rendered"
    assert dialog.runner.progress_dialog is None
    assert dialog.isVisible()

    dialog.select_period("2022-T2")
    _click(qtbot, dialog.create_button)
    assert not dialog.error_label.isVisible(), "a new try clears the message"
    qtbot.waitUntil(lambda: dialog.preview_dialog is not None, timeout=30_000)


def test_a_failed_render_is_shown_in_the_dialog(qtbot, dialog, monkeypatch):  # type: ignore[no-untyped-def]
    def broken(_content, _options):  # type: ignore[no-untyped-def]
        raise RuntimeError("the font is missing")

    monkeypatch.setattr(report_module, "render_followup", broken)
    _click(qtbot, dialog.create_button)
    qtbot.waitUntil(dialog.error_label.isVisible, timeout=10_000)
    assert "the font is missing" in dialog.error_label.text()
    assert dialog.preview_dialog is None and not dialog.runner.busy()


def test_cancelling_right_after_the_start_shows_no_preview(qtbot, dialog, monkeypatch):  # type: ignore[no-untyped-def]
    release = _slow_render(monkeypatch, "render_followup")
    _click(qtbot, dialog.create_button)
    progress = dialog.runner.progress_dialog
    assert progress is not None and dialog.runner.busy()
    progress.cancel()  # at once: before the progress dialog has even shown itself

    assert not dialog.runner.busy()
    release.set()
    assert dialog.runner.wait_for_background_work()
    qtbot.wait(100)  # the queued "finished" arrives, and is dropped
    assert dialog.preview_dialog is None
    assert not progress.isVisible()
    assert not dialog.error_label.isVisible()


def test_the_cancel_button_of_the_progress_drops_the_result_and_a_new_try_works(  # type: ignore[no-untyped-def]
    qtbot, dialog, monkeypatch
):
    release = _slow_render(monkeypatch, "render_followup")
    _click(qtbot, dialog.create_button)
    progress = dialog.runner.progress_dialog
    qtbot.waitUntil(progress.isVisible, timeout=5_000)  # shown while the render takes its time
    cancel = progress.findChildren(QPushButton)
    assert len(cancel) == 1
    qtbot.mouseClick(cancel[0], LEFT)
    assert not progress.isVisible()
    release.set()
    assert dialog.runner.wait_for_background_work()
    qtbot.wait(100)
    assert dialog.preview_dialog is None

    _click(qtbot, dialog.create_button)
    qtbot.waitUntil(lambda: dialog.preview_dialog is not None, timeout=30_000)


# --- the menu and the exports --------------------------------------------------------------------
def test_report_actions_follow_the_selection(qtbot, window):  # type: ignore[no-untyped-def]
    actions = window.report_actions
    assert len(actions) == 5
    menu = next(a.menu() for a in window.menuBar().actions() if a.menu() and actions[0] in a.menu().actions())
    assert set(actions) <= set(menu.actions())
    assert all(a.isEnabled() for a in actions)
    assert window.followup_report_action.shortcut().toString() == "Ctrl+R"

    window.agreement_view.selectionModel().clear()
    assert window.current_agreement_id() is None
    assert not any(a.isEnabled() for a in actions)
    assert window.open_report_dialog() is None

    view = window.agreement_view
    index = window.agreement_proxy.mapFromSource(window.agreement_model.index_of(
        next(a.id for a in window.services.agreements.list_agreements() if a.title == SOLNA_PROMISE)
    ))
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), LEFT, pos=view.visualRect(index).center())
    assert window.current_agreement_id() is not None
    assert all(a.isEnabled() for a in actions)


def test_ctrl_r_opens_the_follow_up_report_and_the_menu_the_annual_one(qtbot, window):  # type: ignore[no-untyped-def]
    QTest.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dialog = window.report_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.kind() is ReportKind.FOLLOW_UP
    dialog.reject()

    window.annual_report_action.trigger()
    assert window.report_dialog is not None and window.report_dialog is not dialog
    assert window.report_dialog.kind() is ReportKind.ANNUAL
    assert window.report_dialog.orientation() is Orientation.LANDSCAPE
    assert not window.report_dialog.period_combo.isEnabled()


def test_csv_export_writes_a_file_with_the_utf8_bom(qtbot, window, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    offered = _save_to(monkeypatch, tmp_path / "åtgärder")
    window.export_csv_action.trigger()

    path = tmp_path / "åtgärder.csv"
    data = path.read_bytes()
    assert data.startswith(UTF8_BOM)
    assert SOLNA_PROMISE in data.decode("utf-8-sig")
    assert Path(offered[0]).name.startswith(SOLNA_PROMISE) and offered[0].endswith(".csv")
    assert str(path) in window.statusBar().currentMessage()


def test_xlsx_export_writes_a_zip(qtbot, window, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    offered = _save_to(monkeypatch, tmp_path / "åtgärder.xlsx")
    window.export_xlsx_action.trigger()

    path = tmp_path / "åtgärder.xlsx"
    assert path.read_bytes().startswith(b"PK")
    assert offered[0].endswith(".xlsx")
    assert str(path) in window.statusBar().currentMessage()


def test_an_export_that_cannot_be_written_names_the_file(qtbot, window, tmp_path, monkeypatch, warnings):  # type: ignore[no-untyped-def]
    target = tmp_path / "saknas" / "åtgärder.csv"  # the folder does not exist
    _save_to(monkeypatch, target)
    before = window.statusBar().currentMessage()
    window.export_csv_action.trigger()

    assert len(warnings) == 1 and str(target) in warnings[0]
    assert not target.exists()
    assert window.statusBar().currentMessage() == before


def test_cancelled_save_dialog_writes_nothing(qtbot, window, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: ("", ""))
    assert window.exchange.export_measures(xlsx=True) is None
    assert list(tmp_path.glob("*.xlsx")) == []


def test_the_window_loads_reportlab_and_openpyxl_only_when_used():
    code = (
        "import sys, promises_app.ui.shell.main_window, promises_app.ui.reports.report_dialog\n"
        "loaded = [m for m in sys.modules if m.split('.')[0] in ('reportlab', 'openpyxl', 'pypdfium2')]\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


def test_the_dialog_opens_without_the_window(qtbot, demo_ui_services, swedish_app):  # type: ignore[no-untyped-def]
    agreement_id = next(a.id for a in demo_ui_services.agreements.list_agreements() if a.title == SOLNA_PROMISE)
    dialog = ReportDialog(demo_ui_services, agreement_id, today=date(2022, 3, 1), kind=ReportKind.ANNUAL)
    qtbot.addWidget(dialog)
    assert dialog.kind() is ReportKind.ANNUAL
    assert dialog.period_label() == "2022-T1", "no period has ended yet: the first"


def test_a_second_dialog_after_the_first_is_closed_makes_its_report(qtbot, window, dialog):  # type: ignore[no-untyped-def]
    _click(qtbot, dialog.create_button)
    qtbot.waitUntil(lambda: dialog.preview_dialog is not None, timeout=30_000)
    dialog.preview_dialog.reject()
    dialog.reject()

    again = window.open_report_dialog(ReportKind.FOLLOW_UP)
    assert again is not None and again is not dialog
    qtbot.wait(10)  # the first dialog (and its progress and preview) is deleted now
    assert again.preview_dialog is None
    again.select_period("2022-T1")
    _click(qtbot, again.create_button)
    qtbot.waitUntil(lambda: again.preview_dialog is not None, timeout=30_000)
    assert again.preview_dialog.file_name.endswith(" 2022-T1.pdf")


def test_keyboard_moves_through_the_fields_in_order_and_ctrl_return_creates(qtbot, dialog):  # type: ignore[no-untyped-def]
    dialog.activateWindow()
    dialog.followup_radio.setFocus()
    qtbot.waitUntil(dialog.followup_radio.hasFocus, timeout=2_000)
    seen = [dialog.focusWidget()]
    for _ in range(16):
        QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        seen.append(dialog.focusWidget())
    order = [dialog.followup_radio, dialog.period_combo, dialog.portrait_radio, dialog.grouping_combo,
             dialog.date_edit.line_edit, dialog.logos_box, dialog.next_steps_edit, dialog.create_button]
    positions = [seen.index(widget) for widget in order]
    assert positions == sorted(positions), [w.accessibleName() or type(w).__name__ for w in seen]

    dialog.next_steps_edit.setFocus()
    QTest.keyClick(dialog.next_steps_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.runner.busy() or dialog.preview_dialog is not None
    qtbot.waitUntil(lambda: dialog.preview_dialog is not None, timeout=30_000)

"""Adopting a period's follow-up from the window: the adopt dialog, the Versions page's list, the preview.

Driven like a person would (clicks on the buttons, keys in the fields); only message boxes are
replaced, since they block.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from promises_app.reports.adopted_document import adopt_followup
from promises_app.ui.reports.adopt_dialog import AdoptDialog
from promises_app.ui.shell.main_window import MainWindow
from promises_app.ui.versions.adopted_table_model import AdoptedTableModel
from promises_app.ui.versions.versions_page import VersionsPage
from tests.reports.pdf_text import flat_text, reader
from tests.ui.conftest import DEMO_TODAY

SOLNA_PROMISE = "Solna – medborgarlöften 2022"
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def window(qtbot, demo_ui_services, swedish_app, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QMessageBox, "warning", lambda *_args, **_kwargs: pytest.fail("no warning expected"))
    shown = MainWindow(demo_ui_services, today=lambda: DEMO_TODAY)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    assert shown.title_label.text() == SOLNA_PROMISE
    tab_bar = shown.tabs.tabBar()
    qtbot.mouseClick(tab_bar, LEFT, pos=tab_bar.tabRect(shown.versions_tab).center())
    assert shown.tabs.currentWidget() is shown.versions_page
    yield shown
    shown.versions_page.wait_for_background_work()
    shown.report_runner.cancel()
    shown.report_runner.wait_for_background_work()


def _agreement_id(window: MainWindow) -> int:
    agreement_id = window.current_agreement_id()
    assert agreement_id is not None
    return agreement_id


def _click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, LEFT)


def _fill(qtbot, dialog: AdoptDialog, *, body: str = "", paragraph: str = "") -> None:  # type: ignore[no-untyped-def]
    line = dialog.body_combo.lineEdit()
    assert line is not None
    if body:
        line.clear()
        qtbot.keyClicks(line, body)
    if paragraph:
        dialog.paragraph_edit.clear()
        qtbot.keyClicks(dialog.paragraph_edit, paragraph)


def _now_column(page: VersionsPage, row: int) -> str:
    return str(page.adopted_model.index(row, AdoptedTableModel.NOW).data())


def _compared(qtbot, page: VersionsPage) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: all(_now_column(page, row) != "Kontrollerar…"
                                for row in range(page.adopted_model.rowCount())), timeout=30_000)


def _click_adopted_row(qtbot, page: VersionsPage, row: int) -> None:  # type: ignore[no-untyped-def]
    rect = page.adopted_view.visualRect(page.adopted_model.index(row, AdoptedTableModel.ADOPTED_BY))
    qtbot.mouseClick(page.adopted_view.viewport(), LEFT, pos=rect.center())
    assert page.selected_adopted() is not None


def test_adopting_from_the_versions_page_shows_refusals_at_their_fields_then_keeps_version_1(  # type: ignore[no-untyped-def]
    qtbot, window, tmp_path: Path
):
    page = window.versions_page
    assert page.adopted_box.title() == "Fastställda uppföljningar" and page.adopted_model.rowCount() == 0
    assert not page.preview_adopted_button.isEnabled()
    _click(qtbot, page.adopt_button)
    dialog = page.adopt_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "Fastställ uppföljningen"
    assert dialog.period_label() == "2022-T2", "the period ended last"
    assert dialog.version_label.text() == "Inte fastställd ännu: det här blir version 1."
    assert dialog.choices_label.isVisible()
    assert dialog.captions["adopted_by"].text() == "Fastställd a&v:"
    # Nothing typed but the body: the paragraph is refused at its field, nothing is kept.
    _fill(qtbot, dialog, body="Kommunstyrelsen")
    dialog.date_edit.setText("2022-09-02")
    _click(qtbot, dialog.adopt_button)
    assert dialog.isVisible()
    assert dialog.field_errors["paragraph"].text() == "Paragraf måste fyllas i."
    assert dialog.field_errors["adopted_on"].text() == "Datum för fastställandet (2022-09-02) ligger i framtiden."
    assert dialog.report_date_edit.text() == "2022-09-02", "the report date follows the adoption's day"
    assert window.services.adoptions.list_adopted(_agreement_id(window)) == []
    dialog.grab().save(str(tmp_path / "fastställ-fel.png"))
    # Corrected: adopted and kept.
    dialog.date_edit.setText("2022-09-01")
    _fill(qtbot, dialog, paragraph="45")
    dialog.case_edit.setText("KS 2022/123")
    _click(qtbot, dialog.adopt_button)
    assert not dialog.isVisible()
    (record,) = window.services.adoptions.list_adopted(_agreement_id(window))
    assert (record.period, record.report_version, record.adopted_by, record.paragraph, record.case_number) == (
        "2022-T2", 1, "Kommunstyrelsen", "§ 45", "KS 2022/123")
    assert page.adopted_model.rowCount() == 1
    assert page.notice_label.text().startswith("Uppföljningen 2022-T2 är fastställd och sparad som version 1.")
    assert page.adopted_model.index(0, AdoptedTableModel.PARAGRAPH).data() == "§ 45"
    _compared(qtbot, page)
    assert _now_column(page, 0) == "Stämmer med uppgifterna"
    # The preview shows the bytes kept, which say who adopted it.
    _click_adopted_row(qtbot, page, 0)
    _click(qtbot, page.preview_adopted_button)
    assert page.preview_dialog is not None
    kept = window.services.adoptions.printable(_agreement_id(window), "2022-T2", 1).pdf
    assert page.preview_dialog.data == kept
    assert "Fastställd av Kommunstyrelsen 1 september 2022, § 45, dnr KS 2022/123" in flat_text(kept)
    page.preview_dialog.close()


def test_a_corrected_follow_up_is_shown_and_published_as_version_2(qtbot, window):  # type: ignore[no-untyped-def]
    page = window.versions_page
    services = window.services
    agreement_id = _agreement_id(window)
    adopt_followup(services, agreement_id, "2022-T2", adopted_by="Trygghetsrådet", adopted_on="2022-09-01",
                   paragraph="§ 7", today=DEMO_TODAY)
    qtbot.waitUntil(lambda: page.adopted_model.rowCount() == 1)
    _compared(qtbot, page)
    assert _now_column(page, 0) == "Stämmer med uppgifterna"
    # A follow-up of T2 corrected afterwards (here through the services, as another page would).
    measure = services.plan.list_measures(agreement_id)[0]
    services.follow_ups.record(measure.id, period="2022-T2", status="done", light="green", comment="Rättat.")
    qtbot.waitUntil(lambda: _now_column(page, 0).startswith("Ändrad sedan fastställandet"),
                    timeout=30_000)
    tooltip = str(page.adopted_model.index(0, AdoptedTableModel.NOW).data(Qt.ItemDataRole.ToolTipRole))
    assert f"Åtgärden «{measure.title}»: Status «Pågående» → «Genomförd»" in tooltip
    # Published again as version 2, with the body named before offered first.
    _click_adopted_row(qtbot, page, 0)
    _click(qtbot, page.adopt_button)
    dialog = page.adopt_dialog
    assert dialog is not None
    assert dialog.version_label.text() == (
        "Version 1 fastställdes av Trygghetsrådet den 1 september 2022 (§ 7). Det här blir version 2 och ersätter den.")
    assert dialog.body_combo.currentText() == "Trygghetsrådet"
    _fill(qtbot, dialog, paragraph="§ 9")
    _click(qtbot, dialog.adopt_button)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: page.adopted_model.rowCount() == 2)
    _compared(qtbot, page)
    assert _now_column(page, 0) == "Ersatt av version 2"
    assert _now_column(page, 1) == "Stämmer med uppgifterna"


def test_the_comparison_waits_while_the_page_is_behind_another_tab(qtbot, window):  # type: ignore[no-untyped-def]
    page = window.versions_page
    agreement_id = _agreement_id(window)
    adopt_followup(window.services, agreement_id, "2022-T2", adopted_by="Trygghetsrådet", adopted_on="2022-09-01",
                   paragraph="§ 7", today=DEMO_TODAY)
    qtbot.waitUntil(lambda: page.adopted_model.rowCount() == 1)
    _compared(qtbot, page)
    tab_bar = window.tabs.tabBar()
    qtbot.mouseClick(tab_bar, LEFT, pos=tab_bar.tabRect(window.followup_tab).center())
    measure = window.services.plan.list_measures(agreement_id)[0]
    window.services.follow_ups.record(measure.id, period="2022-T2", status="done", light="green", comment="Rättat.")
    qtbot.wait(50)  # the change reaches the page on the next turn of the event loop
    assert page._compare_due and _now_column(page, 0) == "Stämmer med uppgifterna", "not read behind a tab"
    qtbot.mouseClick(tab_bar, LEFT, pos=tab_bar.tabRect(window.versions_tab).center())
    qtbot.waitUntil(lambda: _now_column(page, 0).startswith("Ändrad sedan fastställandet"), timeout=30_000)


def test_adopting_from_the_report_dialog_keeps_its_choices_and_previews_the_kept_pdf(  # type: ignore[no-untyped-def]
    qtbot, window
):
    report = window.open_report_dialog()
    assert report is not None
    qtbot.waitExposed(report)
    assert not report.adopted_label.isVisible()
    _click(qtbot, report.landscape_radio)
    _click(qtbot, report.adopt_button)
    dialog = report.adopt_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert not dialog.choices_label.isVisible(), "the report dialog's choices are used"
    assert dialog.period_label() == report.period_label()
    assert dialog.report_date_edit.text() == DEMO_TODAY.isoformat()
    _fill(qtbot, dialog, body="Kommunstyrelsen", paragraph="§ 45")
    _click(qtbot, dialog.adopt_button)
    assert not dialog.isVisible()
    preview = report.adopted_preview
    assert preview is not None
    kept = window.services.adoptions.printable(_agreement_id(window), "2022-T2", 1).pdf
    assert preview.data == kept
    assert preview.file_name == "Solna – medborgarlöften 2022 uppföljning 2022-T2 fastställd version 1.pdf"
    page = reader(kept).pages[0]
    assert page.mediabox.width > page.mediabox.height, "landscape, as chosen in the report dialog"
    preview.close()
    assert report.adopted_label.isVisible()
    assert report.adopted_label.text().startswith(
        "Fastställd som version 1 av Kommunstyrelsen den 1 september 2022 (§ 45).")
    report.close()


def test_the_database_check_counts_the_adopted_follow_ups_and_takes_one_as_a_printout(  # type: ignore[no-untyped-def]
    qtbot, swedish_app, demo_ui_services, tmp_path: Path
):
    from promises_app.ui.reports.verify_dialog import VerifyDialog

    agreement_id = next(a.id for a in demo_ui_services.agreements.list_agreements() if a.title == SOLNA_PROMISE)
    adopt_followup(demo_ui_services, agreement_id, "2022-T2", adopted_by="Kommunstyrelsen", adopted_on="2022-09-01",
                   paragraph="§ 45", today=DEMO_TODAY)
    printed = tmp_path / "fastställd.pdf"
    printed.write_bytes(demo_ui_services.adoptions.printable(agreement_id, "2022-T2").pdf)
    dialog = VerifyDialog(demo_ui_services)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.add_pdf(printed)
    assert dialog.run_check() is True
    text = dialog.report.toPlainText()
    assert "De fastställda uppföljningarna är oförändrade (1 st, alla kontrollsummor stämmer)." in text
    assert "fastställd.pdf: databasen har kvar ändringsloggen som den var när den skrevs." in text

"""Arkiv → Kontrollera databasen…: the window's verify-db, with printed documents as anchors."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt

from promises_app.reports.agreement_document import agreement_pdf
from promises_app.ui.reports.verify_dialog import VerifyDialog


def _dialog(qtbot, services) -> VerifyDialog:  # type: ignore[no-untyped-def]
    dialog = VerifyDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_an_untouched_database_checks_clean_also_against_a_printout(  # type: ignore[no-untyped-def]
    qtbot, swedish_app, demo_ui_services, tmp_path: Path
):
    pdf, _content = agreement_pdf(demo_ui_services, 2)
    printed = tmp_path / "avtal.pdf"
    printed.write_bytes(pdf)
    dialog = _dialog(qtbot, demo_ui_services)
    dialog.add_pdf(printed)
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert dialog.verdict.text() == "Databasen är den som programmet skrev."
    text = dialog.report.toPlainText()
    assert "Varje rad stämmer med ändringsloggen." in text
    assert "avtal.pdf: databasen har kvar ändringsloggen som den var när den skrevs." in text


def test_a_direct_edit_is_named(qtbot, swedish_app, demo_ui_services) -> None:  # type: ignore[no-untyped-def]
    with sqlite3.connect(demo_ui_services.db.path) as raw:
        raw.execute("DROP TRIGGER measures_signed_no_update")
        raw.execute("UPDATE measures SET title = 'POLISEN LOVAR INGENTING' WHERE id = 1")
    dialog = _dialog(qtbot, demo_ui_services)
    assert dialog.run_check() is False
    assert dialog.verdict.text().startswith("Databasen har ändrats utanför programmet.")
    assert "Titel: nu «POLISEN LOVAR INGENTING»" in dialog.report.toPlainText()


def test_a_typed_value_that_is_no_log_value_is_said_so(qtbot, swedish_app, demo_ui_services) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, demo_ui_services)
    qtbot.keyClicks(dialog.typed_edit, "sida 3")
    assert dialog.run_check() is None
    assert "är inget loggvärde som 1234:9f2c1a0b7e3d" in dialog.verdict.text()
    dialog.typed_edit.clear()
    anchor = demo_ui_services.maintenance.log_anchor()
    qtbot.keyClicks(dialog.typed_edit, f"Logg {anchor.short()}")
    assert dialog.run_check() is True
    assert f"Loggvärdet {anchor.short()}: databasen har kvar" in dialog.report.toPlainText()


def test_a_printout_of_another_database_is_refused_as_such(  # type: ignore[no-untyped-def]
    qtbot, swedish_app, demo_ui_services, tmp_path: Path
):
    from promises_app.services import open_services

    other = open_services(tmp_path / "annan.sqlite")
    try:
        other.maintenance.load_demo()
        pdf, _content = agreement_pdf(other, 2)
    finally:
        other.db.close()
    (tmp_path / "annan.pdf").write_bytes(pdf)
    dialog = _dialog(qtbot, demo_ui_services)
    dialog.add_pdf(tmp_path / "annan.pdf")
    assert dialog.run_check() is None
    assert dialog.verdict.text().startswith("annan.pdf är utskriven från en annan databas")


def test_the_file_menu_opens_it_with_the_check_already_made(  # type: ignore[no-untyped-def]
    qtbot, swedish_app, demo_ui_services, monkeypatch
):
    from promises_app.ui.shell.main_window import MainWindow

    shown: list[VerifyDialog] = []
    monkeypatch.setattr(VerifyDialog, "exec", lambda dialog: shown.append(dialog) or 0)
    window = MainWindow(demo_ui_services)
    qtbot.addWidget(window)
    assert window.verify_action.text() == "&Kontrollera databasen…"
    window.verify_action.trigger()
    (dialog,) = shown
    assert dialog.verdict.text() == "Databasen är den som programmet skrev."

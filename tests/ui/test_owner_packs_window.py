"""Uppföljning → Skicka ut rapportunderlag… and Läs in rapportunderlag…, driven as a person would."""

from __future__ import annotations

import io
import os
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFileDialog

from promises_app.domain.enums import FollowUpStatus
from promises_app.services.owner_packs import HEADER_ROW, SHEET
from promises_app.ui.followup.followup_page import FollowUpPage
from tests.ui.conftest import DEMO_TODAY
from tests.ui.test_situation_models import solna, swedish  # noqa: F401 - the fixture is used by name

SCREENSHOTS = os.environ.get("OWNER_PACK_SCREENSHOTS", "")


@pytest.fixture
def stack() -> QUndoStack:
    return QUndoStack()


@pytest.fixture
def page(qtbot, demo_services, stack, swedish):  # type: ignore[no-untyped-def]  # noqa: F811
    shown = FollowUpPage(demo_services, stack, today=lambda: DEMO_TODAY)
    qtbot.addWidget(shown)
    shown.resize(1366, 700)
    shown.set_agreement(solna(demo_services))
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def _shot(widget, name: str) -> None:  # type: ignore[no-untyped-def]
    if SCREENSHOTS:
        widget.grab().save(str(Path(SCREENSHOTS) / name))


def _status(services, measure_id: int, period: str) -> FollowUpStatus | None:  # type: ignore[no-untyped-def]
    found = [f for f in services.follow_ups.list_for_measure(measure_id) if f.period == period]
    return found[0].status if found else None


def test_send_out_writes_a_pack_per_contact_person(qtbot, page, demo_services, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    assert page.send_packs_action in page.actions_for_menu()
    assert page.send_packs_action.text() == "&Skicka ut rapportunderlag…"
    dialog = page.send_packs()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.period_combo.currentData() == "2022-T3"  # the period running on DEMO_TODAY
    folder = tmp_path / "underlag"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: str(folder))
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    assert dialog.folder_edit.text() == str(folder)
    dialog.period_combo.setCurrentIndex(dialog.period_combo.findData("2022-T2"))
    dialog.per_person.setChecked(True)
    qtbot.mouseClick(dialog.write_button, Qt.MouseButton.LeftButton)
    written = sorted(folder.glob("*.xlsx"))
    assert len(written) == 5 and dialog.written == sorted(dialog.written) and set(dialog.written) == set(written)
    assert "5 rapportunderlag för 2022-T2" in dialog.result_view.toPlainText()
    for path in written:
        assert openpyxl.load_workbook(path)[SHEET]["A1"].value.startswith("Rapportunderlag Tertial 2 2022")
    _shot(dialog, "owner_packs_dialog.png")
    dialog.reject()


def _filled(pack, rows: dict[int, str], folder: Path) -> Path:  # type: ignore[no-untyped-def]
    workbook = openpyxl.load_workbook(io.BytesIO(pack.content))
    for measure_id, status in rows.items():
        workbook[SHEET][f"H{HEADER_ROW + 1 + pack.measure_ids.index(measure_id)}"] = status
    path = folder / pack.file_name
    workbook.save(path)
    return path


def test_read_in_previews_settles_a_conflict_and_is_one_undo_step(  # type: ignore[no-untyped-def]
    qtbot, page, demo_services, stack, tmp_path, monkeypatch
) -> None:
    agreement = solna(demo_services)
    packs = {p.owner_name: p for p in demo_services.owner_packs.packs(agreement, "2022-T2").packs}
    police, city = packs["Lokalpolisområde Solna"], packs["Solna stad"]
    first, conflicted = police.measure_ids
    third = city.measure_ids[0]
    paths = [_filled(police, {first: "Ej genomförd", conflicted: "Delvis genomförd"}, tmp_path),
             _filled(city, {third: "Pågående"}, tmp_path)]
    demo_services.follow_ups.record(conflicted, period="2022-T2", status=FollowUpStatus.NOT_STARTED)
    before = {m: _status(demo_services, m, "2022-T2") for m in (first, conflicted, third)}
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args, **kwargs: ([str(p) for p in paths], ""))

    dialog = page.read_packs()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    shown = [[dialog.change_table.item(r, c).text() for c in range(5)] for r in range(dialog.change_table.rowCount())]
    assert [police.owner_name, next(row[1] for row in shown if row[1].endswith("(konflikt)")), "Status",
            "Ej påbörjad", "Delvis genomförd"] in shown
    assert any(row[2] == "Status" and row[4] == "Ej genomförd" for row in shown)
    assert any(row[0] == city.owner_name and row[4] == "Pågående" for row in shown)
    assert dialog.conflict_table.rowCount() == 1 and dialog.conflict_table.isVisible()
    assert not dialog.read_button.isEnabled()  # a conflict is never settled for the person
    _shot(dialog, "owner_report_dialog.png")
    choice = dialog.choices[conflicted]
    choice.setCurrentIndex(choice.findData("pack"))
    assert dialog.read_button.isEnabled()
    qtbot.mouseClick(dialog.read_button, Qt.MouseButton.LeftButton)
    assert dialog.result_of_reading is not None
    after = {first: FollowUpStatus.NOT_DONE, conflicted: FollowUpStatus.PARTLY_DONE, third: FollowUpStatus.IN_PROGRESS}
    assert {m: _status(demo_services, m, "2022-T2") for m in after} == after
    assert stack.count() == 1 and "rapportunderlag" in stack.undoText()
    assert "Läste in 3 uppföljningar" in page.notice_label.text()
    stack.undo()
    assert {m: _status(demo_services, m, "2022-T2") for m in before} == before
    stack.redo()
    assert {m: _status(demo_services, m, "2022-T2") for m in after} == after


def test_read_in_names_the_bad_cell_and_cannot_be_applied(  # type: ignore[no-untyped-def]
    qtbot, page, demo_services, tmp_path, monkeypatch
) -> None:
    pack = demo_services.owner_packs.packs(solna(demo_services), "2022-T2").packs[0]
    path = _filled(pack, {pack.measure_ids[0]: "Nästan klar"}, tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args, **kwargs: ([str(path)], ""))
    dialog = page.read_packs()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.error_table.rowCount() == 1 and not dialog.read_button.isEnabled()
    row = [dialog.error_table.item(0, c).text() for c in range(5)]
    assert row[:4] == [pack.file_name, SHEET, str(HEADER_ROW + 1), "Status"] and "Nästan klar" in row[4]
    assert "kan inte läsas in" in dialog.error_label.text()
    _shot(dialog, "owner_report_errors.png")
    dialog.reject()


def test_read_in_refuses_a_pack_of_another_agreement(  # type: ignore[no-untyped-def]
    qtbot, page, demo_services, tmp_path, monkeypatch
) -> None:
    other = next(a.id for a in demo_services.agreements.list_agreements() if a.id != solna(demo_services)
                 and demo_services.owner_packs.packs(a.id, demo_services.agreements.periods(a.id)[0].label).packs)
    period = demo_services.agreements.periods(other)[0].label
    pack = demo_services.owner_packs.packs(other, period).packs[0]
    path = tmp_path / pack.file_name
    path.write_bytes(pack.content)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args, **kwargs: ([str(path)], ""))
    dialog = page.read_packs()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    problem = dialog.error_table.item(0, 4).text()
    assert "annan överenskommelse" in problem and f"(id {other})" in problem
    assert not dialog.read_button.isEnabled()
    dialog.reject()

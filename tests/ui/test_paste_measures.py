"""Measures pasted into the Plan from Excel or Word: Ctrl+V, the preview naming a bad row, and the
good rows added as one undo step (real keys and clicks; a draft agreement made here)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from promises_app.domain.pasted_measures import parse_pasted, parse_target
from promises_app.ui.common.operations import Operations
from promises_app.ui.plan.paste_measures_dialog import PasteMeasuresDialog
from promises_app.ui.plan.plan_page import PlanPage
from tests.ui.test_plan_page import Draft, draft, make_page  # noqa: F401 - the fixture is used by name
from tests.ui.test_situation_models import swedish  # noqa: F401 - the fixture is used by name

SCREENSHOTS = os.environ.get("GRID_SCREENSHOTS", "")

EXCEL = (
    "Åtgärd\tAnsvarig\tKlart senast\tMål\n"
    "Trygghetsvandring i centrum\tExempelstads kommun\t2022-10-31\t4 trygghetsvandringar\n"
    "Trafikkontroller vid skolorna\tLPO Exempelstad\t31/8 2022\t\n"
    "Belysning i gångtunneln\tOkänd förening\t2022-13-01\t\n"
    "• Fältarbete helgkvällar\n"
)


@pytest.fixture
def stack(services) -> Operations:  # type: ignore[no-untyped-def]
    ops = Operations()
    ops.watch(services)
    return ops


@pytest.fixture
def page(qtbot, services, stack, draft, swedish) -> PlanPage:  # type: ignore[no-untyped-def]  # noqa: F811
    services.plan.create_promise(draft.agreement_id, text="Vi ska öka tryggheten i centrum",
                                 maker_ids=[draft.municipality.id, draft.police.id])
    shown = make_page(qtbot, services, stack)
    shown.set_agreement(draft.agreement_id)
    return shown


def test_the_text_is_read_a_measure_a_line_with_a_header_naming_the_columns() -> None:
    pasted = parse_pasted("Mål\tÅtgärd\n\n3 kontroller\tKontroll\r\n- Punktlista\n")
    assert pasted.has_header
    assert [(r.line, r.cells) for r in pasted.rows] == [
        (3, {"target": "3 kontroller", "title": "Kontroll"}), (4, {"target": "Punktlista"})]
    plain = parse_pasted("1. Första\tSolna stad\n2) Andra")
    assert not plain.has_header and [r.cell("title") for r in plain.rows] == ["Första", "Andra"]
    assert plain.rows[0].cell("responsible") == "Solna stad"
    assert parse_target("150 kontroller") == (150, "kontroller") and parse_target("många") is None


def test_ctrl_v_previews_names_the_bad_row_and_adds_the_good_ones_as_one_undo_step(
        qtbot, page, services, stack, draft):  # type: ignore[no-untyped-def]  # noqa: F811
    QGuiApplication.clipboard().setText(EXCEL)
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    dialog = page.findChild(PasteMeasuresDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitExposed(dialog)
    assert dialog.promise_combo.currentText() == "Vi ska öka tryggheten i centrum"

    preview = dialog.preview
    assert preview is not None and preview.has_header
    assert [r.line for r in preview.good] == [2, 3, 5]
    problems = dialog.problems.toPlainText()
    assert "Rad 4, Ansvarig: «Okänd förening» är inte en part" in problems
    assert "Rad 4, Klart senast:" in problems
    assert dialog.table.rowCount() == 4
    assert dialog.table.item(0, 4).text() == "4 trygghetsvandringar"
    assert dialog.table.item(2, 0).text() == "4" and "Okänd förening" in dialog.table.item(2, 5).text()
    assert dialog.add_button.text() == "Lägg till 3 åtgärd(er)"
    if SCREENSHOTS:
        dialog.resize(1280 * 3 // 4, 480)
        dialog.grab().save(str(Path(SCREENSHOTS) / "paste-preview.png"))
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

    measures = services.plan.list_measures(draft.agreement_id)
    assert [m.title for m in measures] == ["Trygghetsvandring i centrum", "Trafikkontroller vid skolorna",
                                           "Fältarbete helgkvällar"]
    walk = measures[0]
    assert (walk.responsible_id, str(walk.deadline), walk.target_count, walk.target_unit) == (
        draft.municipality.id, "2022-10-31", 4, "trygghetsvandringar")
    assert str(measures[1].deadline) == "2022-08-31" and measures[1].responsible_id == draft.police.id
    assert stack.count() == 1 and "3" in stack.undoText()

    stack.undo()
    assert services.plan.list_measures(draft.agreement_id) == []
    stack.redo()
    assert [m.id for m in services.plan.list_measures(draft.agreement_id)] == [m.id for m in measures]

"""The item models on their own, without any widget."""

from __future__ import annotations

from PySide6.QtCore import Qt

from promises_app.domain.enums import FollowUpStatus
from promises_app.ui.agreements.agreement_tree_model import AGREEMENT_ID_ROLE, AgreementTreeModel
from promises_app.ui.all_measures.measure_table_model import (
    MEASURE_ID_ROLE,
    OVERDUE_BACKGROUND,
    SORT_ROLE,
    MeasureTableModel,
)
from tests.ui.conftest import DEMO_TODAY


def _solna_promise(services):  # type: ignore[no-untyped-def]
    return next(a for a in services.agreements.list_agreements() if a.title == "Solna – medborgarlöften 2022")


def test_agreement_tree_puts_promise_documents_under_their_cooperation_agreement(demo_ui_services, swedish_app):
    model = AgreementTreeModel()
    agreements = demo_ui_services.agreements.list_agreements()
    model.set_agreements(agreements)

    assert model.rowCount() == 2  # two cooperation agreements at the top
    promise = _solna_promise(demo_ui_services)
    index = model.index_of(promise.id)
    assert index.isValid()
    assert index.parent().isValid(), "the citizen promise sits under its cooperation agreement"
    assert index.parent().data(AGREEMENT_ID_ROLE) == promise.parent_id
    assert index.data().replace("\n", " ") == promise.title
    assert "2022-01-01 – 2022-12-31" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Överenskommelser"


def test_measure_model_shows_latest_follow_up_and_marks_the_overdue_measure(demo_ui_services, swedish_app):
    promise = _solna_promise(demo_ui_services)
    rows = demo_ui_services.follow_ups.status_rows(promise.id, today=DEMO_TODAY)
    model = MeasureTableModel()
    model.set_rows(rows)

    assert model.rowCount() == 7
    assert model.columnCount() == 8
    assert model.headerData(MeasureTableModel.TITLE, Qt.Orientation.Horizontal) == "Åtgärd"
    overdue = [r for r in range(model.rowCount()) if model.index(r, 0).data(Qt.ItemDataRole.BackgroundRole)]
    assert len(overdue) == 1
    row = overdue[0]
    assert "belysning" in model.index(row, MeasureTableModel.TITLE).data()
    assert model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole).color() == OVERDUE_BACKGROUND
    assert model.index(row, MeasureTableModel.DEADLINE).data() == "2022-06-30 (försenad)"
    assert model.index(row, MeasureTableModel.STATUS).data() == "Delvis genomförd"
    assert model.index(row, MeasureTableModel.LIGHT).data() == "Röd"
    assert model.index(row, MeasureTableModel.PERIOD).data() == "2022-T2"
    assert model.index(row, 0).data(MEASURE_ID_ROLE) == rows[row].measure.id

    walks = next(r for r in range(7) if "trygghetsvandringar" in model.index(r, 0).data())
    # The running total, and this period's (T3 on DEMO_TODAY) result: nothing logged or typed yet.
    assert model.index(walks, MeasureTableModel.TARGET).data() == "hittills 2 av 4\ndenna period –"
    assert "trygghetsvandringar" in model.index(walks, MeasureTableModel.TARGET).data(Qt.ItemDataRole.ToolTipRole)
    done = sum(1 for r in rows if r.latest_status is FollowUpStatus.DONE)
    assert sum(1 for r in range(7) if model.index(r, MeasureTableModel.STATUS).data() == "Genomförd") == done


def test_measure_model_sorts_deadlines_as_dates_and_resets_cleanly(demo_ui_services, swedish_app):
    promise = _solna_promise(demo_ui_services)
    model = MeasureTableModel()
    model.set_rows(demo_ui_services.follow_ups.status_rows(promise.id, today=DEMO_TODAY))
    keys = [model.index(r, MeasureTableModel.DEADLINE).data(SORT_ROLE) for r in range(model.rowCount())]
    assert all(k == "" or len(k) == 10 for k in keys)  # ISO dates sort as text
    model.set_rows([])
    assert model.rowCount() == 0

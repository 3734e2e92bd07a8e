"""The measure table at size: rows handed out in batches, filtering and sorting over all of them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from promises_app.bench.generator import Size, generate
from promises_app.services import open_services
from promises_app.ui.all_measures.measure_table_model import (
    FETCH_BATCH,
    SEARCH_ROLE,
    SORT_ROLE,
    MeasureFilterProxyModel,
    MeasureTableModel,
)
from tests.ui.conftest import DEMO_TODAY

MEASURES = 2 * FETCH_BATCH + 50


@pytest.fixture(scope="module")
def status_rows(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list]:
    path: Path = tmp_path_factory.mktemp("fetch") / "one.sqlite"
    generate(path, Size(agreements=1, measures=MEASURES, follow_ups=MEASURES, indicators=1), seed=5)
    services = open_services(path, create=False)
    try:
        agreement = services.agreements.list_agreements()[0]
        yield services.follow_ups.status_rows(agreement.id, today=DEMO_TODAY)
    finally:
        services.db.close()


def test_rows_are_handed_to_the_view_in_batches(status_rows, swedish_app):
    model = MeasureTableModel()
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    model.set_rows(status_rows)

    assert model.total_rows() == MEASURES
    assert model.rowCount() == FETCH_BATCH
    assert model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert inserted == [(FETCH_BATCH, 2 * FETCH_BATCH - 1), (2 * FETCH_BATCH, MEASURES - 1)]
    assert model.rowCount() == MEASURES
    assert not model.canFetchMore()
    model.fetchMore()  # nothing left: no signal, no change
    assert len(inserted) == 2

    model.set_rows(status_rows[:3])
    assert (model.rowCount(), model.canFetchMore()) == (3, False)


def test_cells_show_the_same_texts_and_one_search_text_per_row(status_rows, swedish_app):
    model = MeasureTableModel()
    model.set_rows(status_rows)
    last = FETCH_BATCH - 1
    row = status_rows[last]
    assert model.columnCount() == 8
    assert model.headerData(MeasureTableModel.TITLE, Qt.Orientation.Horizontal) == "Åtgärd"
    assert model.index(last, MeasureTableModel.TITLE).data() == row.measure.title
    assert model.index(last, MeasureTableModel.RESPONSIBLE).data() == row.measure.responsible_name
    search = model.index(last, MeasureTableModel.TITLE).data(SEARCH_ROLE)
    assert row.measure.title.casefold() in search
    assert row.measure.responsible_name.casefold() in search
    assert model.index(last, MeasureTableModel.TITLE).data(Qt.ItemDataRole.FontRole) is None
    assert model.row_at(MEASURES - 1) is status_rows[-1]  # every row is reachable, fetched or not


def test_the_filter_matches_any_column_case_insensitively(status_rows, swedish_app):
    model = MeasureTableModel()
    proxy = MeasureFilterProxyModel()
    proxy.setSourceModel(model)
    model.set_rows(status_rows)
    model.fetch_all()
    responsible = status_rows[0].measure.responsible_name
    proxy.setFilterFixedString(responsible.upper())
    expected = sum(1 for r in status_rows if responsible.casefold() in r.measure.responsible_name.casefold()
                   or responsible.casefold() in r.measure.title.casefold())
    assert 0 < proxy.rowCount() <= expected
    for row in range(proxy.rowCount()):
        assert responsible.casefold() in proxy.index(row, 0).data(SEARCH_ROLE)
    proxy.setFilterFixedString("ingen åtgärd heter så här")
    assert proxy.rowCount() == 0


def test_sorting_orders_every_measure_not_only_the_first_batch(status_rows, swedish_app):
    model = MeasureTableModel()
    proxy = MeasureFilterProxyModel()
    proxy.setSourceModel(model)
    model.set_rows(status_rows)
    proxy.sort(MeasureTableModel.DEADLINE, Qt.SortOrder.AscendingOrder)
    assert model.rowCount() == MEASURES
    keys = [proxy.index(r, MeasureTableModel.DEADLINE).data(SORT_ROLE) for r in range(proxy.rowCount())]
    assert keys == sorted(r.measure.deadline.isoformat() if r.measure.deadline else "" for r in status_rows)

    model.set_rows(list(reversed(status_rows)))  # a new agreement while sorted: all of it again
    assert model.rowCount() == MEASURES
    assert proxy.index(0, MeasureTableModel.DEADLINE).data(SORT_ROLE) == keys[0]


def test_a_view_scrolled_to_the_end_fetches_the_next_batch(qtbot, status_rows, swedish_app):
    model = MeasureTableModel()
    proxy = MeasureFilterProxyModel()
    proxy.setSourceModel(model)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.resize(800, 400)
    view.show()
    qtbot.waitExposed(view)
    model.set_rows(status_rows)
    qtbot.wait(20)
    assert model.rowCount() == FETCH_BATCH
    view.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > FETCH_BATCH)

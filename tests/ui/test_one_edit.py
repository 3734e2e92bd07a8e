"""One edit, from key press to database and back (docs/architecture.md, "One edit").

Recording one follow-up in the grid, with every page of the agreement visited before, goes
through the operations runner (ui/common/operations.py): the views take in only the rows the edit
changed (``dataChanged``, never a model reset), at most three read transactions are made, and
afterwards every page shows exactly what a page built from scratch shows. An undo after
someone else changed the same follow-up reports the conflict and overwrites nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from promises_app.domain.enums import FollowUpStatus, TrafficLight
from promises_app.services import Services, open_services
from promises_app.ui.common.operations import Operations
from promises_app.ui.followup.followup_page import FollowUpPage
from promises_app.ui.overview.overview_page import OverviewPage
from promises_app.ui.plan.plan_page import PlanPage
from promises_app.ui.shell.main_window import MainWindow
from promises_app.ui.versions.versions_page import VersionsPage
from tests.ui.conftest import DEMO_TODAY
from tests.ui.test_followup_page import click_cell, measure_id, open_editor
from tests.ui.test_situation_models import solna

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def window(qtbot, demo_ui_services, swedish_app) -> MainWindow:  # type: ignore[no-untyped-def]
    made = MainWindow(demo_ui_services, today=lambda: DEMO_TODAY)
    qtbot.addWidget(made)
    made.resize(1366, 768)
    made.show()
    qtbot.waitExposed(made)
    made.select_agreement(solna(demo_ui_services))
    for index in range(made.tabs.count()):  # every page visited, so each holds the agreement
        made.tabs.setCurrentIndex(index)
        qtbot.wait(5)
    made.tabs.setCurrentIndex(made.followup_tab)
    qtbot.wait(5)
    return made


def texts(model: QAbstractItemModel, parent: QModelIndex | None = None) -> list[Any]:
    """Every cell's shown text, depth first: what a person sees in the view."""
    parent = parent or QModelIndex()
    rows = []
    for row in range(model.rowCount(parent)):
        cells = [model.index(row, column, parent).data() for column in range(model.columnCount(parent))]
        rows.append(cells)
        first = model.index(row, 0, parent)
        if first.isValid() and model.rowCount(first) > 0:
            rows.append(texts(model, first))
    return rows


class Watched:
    """Resets and repaints of the models, and read transactions, while an edit happens."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.models: dict[str, QAbstractItemModel] = {
            "grid": window.followup_page.model,
            "plan": window.plan_page.model,
            "measure list": window.all_measures_page.model,
            **{f"overview {i}": lst.model for i, lst in enumerate(window.overview_page.lists())},
        }
        self.resets: dict[str, int] = dict.fromkeys(self.models, 0)
        self.repainted: dict[str, set[int]] = {name: set() for name in self.models}
        self.reads = 0
        for name, model in self.models.items():
            model.modelReset.connect(lambda name=name: self._reset(name))
            model.dataChanged.connect(lambda top, bottom, *_a, name=name: self._painted(name, top, bottom))

    def _reset(self, name: str) -> None:
        self.resets[name] += 1

    def _painted(self, name: str, top: QModelIndex, bottom: QModelIndex) -> None:
        self.repainted[name].update(range(top.row(), bottom.row() + 1))

    @contextmanager
    def counting_reads(self, services: Services) -> Iterator[None]:
        original = services.db.read

        @contextmanager
        def counted() -> Iterator[Any]:
            self.reads += 1
            with original() as session:
                yield session

        services.db.read = counted  # type: ignore[method-assign]
        try:
            yield
        finally:
            services.db.read = original  # type: ignore[method-assign]


def record_done(qtbot, window: MainWindow, measure: int, period: str, comment: str) -> None:  # type: ignore[no-untyped-def]
    page = window.followup_page
    click_cell(qtbot, page, measure, period)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)  # the form ("Följ upp…")
    editor = open_editor(page)
    editor.status_combo.setCurrentIndex(editor.status_combo.findData(FollowUpStatus.DONE.value))
    editor.light_combo.setCurrentIndex(editor.light_combo.findData(TrafficLight.GREEN.value))
    if editor.count_edit.isVisible():
        editor.count_edit.clear()
        qtbot.keyClicks(editor.count_edit, "4")
    editor.comment_edit.clear()
    qtbot.keyClicks(editor.comment_edit, comment)
    qtbot.mouseClick(editor.save_button, LEFT)
    assert not editor.isVisible()


def fresh_texts(services: Services, agreement_id: int) -> dict[str, list[Any]]:
    """What pages built from scratch show for the agreement now."""
    today: Callable[[], Any] = lambda: DEMO_TODAY  # noqa: E731
    stack = Operations()
    followup = FollowUpPage(services, stack, today=today)
    plan = PlanPage(services, stack, today=today)
    overview = OverviewPage(services, stack, today=today)
    versions = VersionsPage(services, stack, today=today)
    for page in (followup, plan, overview, versions):
        page.set_agreement(agreement_id)
    shown = {
        "grid": texts(followup.model),
        "plan": texts(plan.model),
        "measure list": texts_of_rows(services.follow_ups.status_rows(agreement_id, today=DEMO_TODAY)),
        **{f"overview {i}": texts(lst.model) for i, lst in enumerate(overview.lists())},
        "changes since signing": texts(versions.changes_model),
    }
    for page in (followup, plan, overview, versions):
        page.deleteLater()
    return shown


def texts_of_rows(rows: list[Any]) -> list[Any]:
    from promises_app.ui.all_measures.measure_table_model import MeasureTableModel

    model = MeasureTableModel()
    model.set_rows(rows)
    model.fetch_all()
    return texts(model)


def window_texts(window: MainWindow, qtbot) -> dict[str, list[Any]]:  # type: ignore[no-untyped-def]
    shown: dict[str, list[Any]] = {}
    for index in range(window.tabs.count()):  # each page shown, as a person would look at it
        window.tabs.setCurrentIndex(index)
        qtbot.wait(5)
    window.all_measures_page.model.fetch_all()
    shown["grid"] = texts(window.followup_page.model)
    shown["plan"] = texts(window.plan_page.model)
    shown["measure list"] = texts(window.all_measures_page.model)
    for i, lst in enumerate(window.overview_page.lists()):
        shown[f"overview {i}"] = texts(lst.model)
    shown["changes since signing"] = texts(window.versions_page.changes_model)
    return shown


def test_recording_a_follow_up_repaints_only_its_rows_with_few_reads_and_every_page_shows_the_truth(
    qtbot, window: MainWindow  # type: ignore[no-untyped-def]
) -> None:
    services = window.services
    page = window.followup_page
    walks = measure_id(page, "trygghetsvandringar")
    watched = Watched(window)
    with watched.counting_reads(services):
        record_done(qtbot, window, walks, "2022-T3", "Alla fyra klara.")
        QApplication.processEvents()
    saved = services.follow_ups.list_for_measure(walks)[-1]
    assert (saved.period, saved.status, saved.comment) == ("2022-T3", FollowUpStatus.DONE, "Alla fyra klara.")

    assert watched.resets == dict.fromkeys(watched.models, 0), "no view was reset for one cell"
    grid_row = page.model.index_of(walks).row()
    assert watched.repainted["grid"] == {grid_row}, "only the measure's own row is repainted"
    assert page.model.index_of(walks, page.model.period_column("2022-T3")).data().startswith("Genomförd")
    assert watched.reads <= 3, f"{watched.reads} read transactions for one cell"

    assert window_texts(window, qtbot) == fresh_texts(services, solna(services)), (
        "every page shows what a page read from scratch shows"
    )


def test_an_undo_after_someone_else_changed_the_row_shows_the_conflict_and_overwrites_nothing(
    qtbot, window: MainWindow, monkeypatch  # type: ignore[no-untyped-def]
) -> None:
    services = window.services
    page = window.followup_page
    walks = measure_id(page, "trygghetsvandringar")
    record_done(qtbot, window, walks, "2022-T3", "Mitt eget.")
    assert window.undo_stack.count() == 1

    # Someone else (another program on the same file) corrects the same follow-up.
    other = open_services(services.db.path, create=False)
    try:
        mine = other.follow_ups.list_for_measure(walks)[-1]
        other.follow_ups.record(walks, period="2022-T3", status=FollowUpStatus.IN_PROGRESS, comment="Deras värde.",
                                expected_version=mine.version)
    finally:
        other.db.close()

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a, **k: warnings.append(text))
    from promises_app.ui.common.conflict_dialog import Choice
    from tests.ui.test_conflicts import Answer

    with Answer(qtbot, Choice.THEIRS) as answer:  # the conflict dialog (tests/ui/test_conflicts.py): Ta deras
        window.undo_stack.undo()

    now = services.follow_ups.list_for_measure(walks)[-1]
    assert (now.status, now.comment) == (FollowUpStatus.IN_PROGRESS, "Deras värde."), "their edit is kept"
    assert len(answer.seen) == 1 and answer.rows["Kommentar"] == ("Deras värde.", "(borttagen)")
    assert warnings == []
    assert window.undo_stack.count() == 0, "the undo taken back left the stack"
    cell = page.model.index_of(walks, page.model.period_column("2022-T3")).data()
    assert cell.startswith("Pågående"), f"the grid shows what the database holds: {cell!r}"


def test_undo_and_redo_of_two_edits_of_the_same_row_in_this_window_are_no_conflict(
    qtbot, window: MainWindow  # type: ignore[no-untyped-def]
) -> None:
    services = window.services
    walks = measure_id(window.followup_page, "trygghetsvandringar")
    record_done(qtbot, window, walks, "2022-T3", "Forsta.")
    record_done(qtbot, window, walks, "2022-T3", "Andra.")
    stack = window.undo_stack
    stack.undo()
    assert services.follow_ups.list_for_measure(walks)[-1].comment == "Forsta."
    stack.undo()
    assert [f.period for f in services.follow_ups.list_for_measure(walks)] == ["2022-T1", "2022-T2"]
    stack.redo()
    stack.redo()
    assert services.follow_ups.list_for_measure(walks)[-1].comment == "Andra."
    assert stack.count() == 2 and stack.index() == 2

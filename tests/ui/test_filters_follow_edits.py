"""While the plan and the follow-up grid are filtered, an edit takes a measure in or out as the
filters say, without a reset of the grid's view, and the headings stay right.

The filter proxies decide in one pass (ui/common/paged_filter.py); an edit refreshes only the changed
rows of the page on show (``dataChanged``, ui/common/operations.py), the others read when shown. Here a
follow-up is recorded in the grid for a measure shown under "status: in progress": afterwards it
is done, so the grid leaves it out at once (and a heading left with nothing under it goes too),
and the plan when it is shown.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex

from promises_app.domain.enums import FollowUpStatus
from promises_app.ui.shell.main_window import MainWindow
from tests.ui.conftest import DEMO_TODAY
from tests.ui.test_long_agreements import grid_groups, tree_measures
from tests.ui.test_one_edit import record_done
from tests.ui.test_situation_models import solna


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
    return made


def test_a_recorded_follow_up_takes_the_measure_out_of_a_status_filter_on_both_pages(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    plan, grid = window.plan_page, window.followup_page
    plan.status_combo.setCurrentIndex(plan.status_combo.findData(FollowUpStatus.IN_PROGRESS))
    window.tabs.setCurrentIndex(window.followup_tab)
    grid.group_combo.setCurrentIndex(1)  # by focus area: small groups
    grid.status_filter.setCurrentIndex(grid.status_filter.findData(FollowUpStatus.IN_PROGRESS.value))
    in_progress = [i for _title, ids in grid_groups(grid) for i in ids]
    assert in_progress and plan.proxy.visible_measure_ids() == [
        i for i in plan.proxy.visible_measure_ids() if i in in_progress]
    groups_before = grid_groups(grid)
    # a measure alone in its group if there is one, so its heading has to go too
    title, ids = min(groups_before, key=lambda group: len(group[1]))
    chosen = ids[0]
    resets = []
    grid.proxy.modelReset.connect(lambda: resets.append("grid"))

    record_done(qtbot, window, chosen, "2022-T3", "Klart.")

    assert resets == [], "the edit refreshed the grid's rows, not the whole view"
    after = grid_groups(grid)  # checks each heading: spanned, open, not empty, its own measures
    assert [i for _t, group in after for i in group] == [i for i in in_progress if i != chosen]
    if len(ids) == 1:
        assert title not in [t for t, _group in after]
    assert grid.count_label.text().startswith(f"{len(in_progress) - 1} ")
    window.tabs.setCurrentIndex(window.plan_tab)  # (a page behind another tab reads when shown)
    assert chosen not in plan.proxy.visible_measure_ids()
    assert chosen not in tree_measures(plan)
    assert tree_measures(plan) == plan.proxy.visible_measure_ids()
    assert all(grid.model.latest(i).status is FollowUpStatus.IN_PROGRESS  # type: ignore[union-attr]
               for _t, group in after for i in group)
    assert grid.view.isFirstColumnSpanned(0, QModelIndex())

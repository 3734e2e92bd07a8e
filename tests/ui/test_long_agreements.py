"""The plan and the follow-up grid on an agreement of 600 measures (a real generated database).

The trees get their rows a page at a time (ui/common/paged_filter.py) and the filters decide in one pass;
what they show must still be the whole truth: every measure reachable by scrolling, in plan order,
a measure further down selectable, the filters finding by title, responsible, promise and status
as the person types, and the group headings right (present, spanned, open) while filtering.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QModelIndex
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QTreeView

from promises_app.bench.generator import Size, generate
from promises_app.services import Services, open_services
from promises_app.services.records import MeasureStatusRow
from promises_app.ui.common.paged_filter import PAGE_ROWS
from promises_app.ui.followup.followup_grid_model import GROUP_ROLE, FollowUpFilterProxy
from promises_app.ui.followup.followup_page import FollowUpPage
from promises_app.ui.plan.plan_filter import NOT_FOLLOWED_UP
from promises_app.ui.plan.plan_models import GROUP, MEASURE, PROMISE, PlanNode
from promises_app.ui.plan.plan_page import PlanPage

MEASURES = 600
#: Within the generated agreement (2016–2017), so follow-ups and deadlines are as on a working day.
TODAY = date(2017, 6, 1)


@pytest.fixture(scope="module")
def long_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("long") / "long.sqlite"
    generate(path, Size(agreements=1, measures=MEASURES, follow_ups=900), seed=3)
    return path


@pytest.fixture
def long_services(long_template: Path, tmp_path: Path) -> Iterator[Services]:
    path = tmp_path / "long.sqlite"
    shutil.copyfile(long_template, path)
    services = open_services(path, create=False)
    yield services
    services.db.close()


def agreement_of(services: Services) -> int:
    return services.agreements.list_agreements()[0].id


def shown(qtbot, page: PlanPage | FollowUpPage) -> None:  # type: ignore[no-untyped-def]
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    qtbot.waitExposed(page)


def settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def scroll_to_the_end(view: QTreeView) -> None:
    """Scroll down as a person does, until the view grows no more."""
    bar = view.verticalScrollBar()
    for _ in range(30):
        before = bar.maximum()
        bar.setValue(bar.maximum())
        settle()
        if bar.maximum() == before:
            return
    raise AssertionError("the view kept growing")


def typed(qtbot, page: PlanPage | FollowUpPage, text: str) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """Type ``text`` into the page's search field a key at a time, yielding what is typed so far."""
    page.search_edit.clear()
    page.search_edit.setFocus()
    for end in range(1, len(text) + 1):
        if text[end - 1].isascii():
            qtbot.keyClicks(page.search_edit, text[end - 1])
        else:  # QTest types ASCII only: å, ä, ö as an input method puts them in
            page.search_edit.insert(text[end - 1])
        yield text[:end]


# --- the plan -------------------------------------------------------------------------------------
def plan_page(qtbot, services: Services) -> PlanPage:  # type: ignore[no-untyped-def]
    page = PlanPage(services, QUndoStack(), today=lambda: TODAY)
    shown(qtbot, page)
    page.set_agreement(agreement_of(services))
    return page


def plan_order(page: PlanPage) -> list[int]:
    """Every measure of the plan in the tree's order (headings, promises, measures), from the model."""
    return [node.record_id for group in page.model.groups() for promise in group.children
            for node in promise.children if node.record_id is not None]


def tree_measures(page: PlanPage) -> list[int]:
    """The measures the tree holds, top to bottom; each checked to sit under its own promise and heading."""
    found: list[int] = []

    def node(index: QModelIndex) -> PlanNode:
        return page.model.node(page.proxy.mapToSource(index))

    for g in range(page.proxy.rowCount()):
        heading = page.proxy.index(g, 0)
        assert node(heading).kind == GROUP and page.proxy.rowCount(heading) > 0, "a heading with nothing under it"
        for p in range(page.proxy.rowCount(heading)):
            promise = page.proxy.index(p, 0, heading)
            assert node(promise).kind == PROMISE and node(promise).parent is node(heading)
            assert page.tree.isExpanded(promise) and page.tree.isExpanded(heading)
            for m in range(page.proxy.rowCount(promise)):
                measure = node(page.proxy.index(m, 0, promise))
                assert measure.kind == MEASURE and measure.parent is node(promise)
                assert measure.record_id is not None
                found.append(measure.record_id)
    return found


def searched(services: Services, agreement: int, text: str) -> set[int]:
    """The measures whose own texts, names, follow-up comments or promise hold every word of ``text``."""
    promises = {p.id: p for p in services.plan.list_promises(agreement)}
    comments: dict[int, list[str]] = {}
    for follow_up in services.follow_ups.list_for_agreement(agreement):
        comments.setdefault(follow_up.measure_id, []).append(follow_up.comment)
    result = set()
    for row in services.follow_ups.status_rows(agreement, today=TODAY):
        m = row.measure
        promise = promises[m.promise_id]
        haystack = " ".join([m.title, m.description, m.cause, m.responsible_name, m.contact_name, m.focus_area_name,
                             *m.participant_names, *comments.get(m.id, []), promise.text, promise.description])
        if all(word in haystack.casefold() for word in text.casefold().split()):
            result.add(m.id)
    return result


def test_a_long_plan_comes_a_page_at_a_time_and_scrolling_reaches_every_measure(qtbot, long_services) -> None:  # type: ignore[no-untyped-def]
    page = plan_page(qtbot, long_services)
    everything = plan_order(page)
    assert len(everything) == MEASURES
    first = tree_measures(page)
    assert 0 < len(first) < PAGE_ROWS <= MEASURES, "the tree holds a first page, not all 600"
    assert first == everything[: len(first)]
    assert page.count_label.text() == f"Measures shown: {MEASURES} of {MEASURES}"
    scroll_to_the_end(page.tree)
    assert tree_measures(page) == everything


def test_a_measure_further_down_is_selected_and_shown(qtbot, long_services) -> None:  # type: ignore[no-untyped-def]
    page = plan_page(qtbot, long_services)
    last = plan_order(page)[-1]
    assert last not in tree_measures(page)
    page.select_measure(last)
    selected = page.selected_measure()
    assert selected is not None and selected.id == last
    assert page.tree.viewport().rect().intersects(page.tree.visualRect(page.tree.currentIndex()))
    assert tree_measures(page) == plan_order(page)[: len(tree_measures(page))], "everything above it, in order"


def test_the_plan_filter_finds_by_title_responsible_promise_and_status(qtbot, long_services) -> None:  # type: ignore[no-untyped-def]
    services = long_services
    agreement = agreement_of(services)
    page = plan_page(qtbot, services)
    everything = plan_order(page)
    rows: dict[int, MeasureStatusRow] = {
        r.measure.id: r for r in services.follow_ups.status_rows(agreement, today=TODAY)}

    def check(expected: set[int]) -> None:
        assert page.proxy.visible_measure_ids() == [i for i in everything if i in expected]
        assert page.count_label.text() == f"Measures shown: {len(expected)} of {MEASURES}"
        scroll_to_the_end(page.tree)
        assert tree_measures(page) == [i for i in everything if i in expected]

    # a title's words, as they are typed (each key narrows what the last one found)
    title = rows[everything[-1]].measure.title
    for so_far in typed(qtbot, page, " ".join(title.split()[:2]).upper()):
        found_now = searched(services, agreement, so_far)
        assert page.proxy.visible_measure_ids() == [i for i in everything if i in found_now]
    check(searched(services, agreement, " ".join(title.split()[:2])))

    # the responsible, by name and by the filter
    page.clear_filters()
    owner = rows[everything[0]].measure.responsible_name
    for _so_far in typed(qtbot, page, owner):
        pass
    check(searched(services, agreement, owner))
    page.clear_filters()
    page.owner_combo.setCurrentIndex(page.owner_combo.findText(owner))
    check({i for i, r in rows.items() if r.measure.responsible_name == owner})

    # a promise's words show the promise with all its measures
    page.clear_filters()
    promise = services.plan.list_promises(agreement)[-1]
    for _so_far in typed(qtbot, page, promise.text):
        pass
    found = searched(services, agreement, promise.text)
    assert {i for i, r in rows.items() if r.measure.promise_id == promise.id} <= found
    check(found)

    # the latest status, and none yet
    page.clear_filters()
    page.status_combo.setCurrentIndex(page.status_combo.findData(NOT_FOLLOWED_UP))
    check({i for i, r in rows.items() if r.latest_status is None})
    page.status_combo.setCurrentIndex(page.status_combo.findData("done"))
    check({i for i, r in rows.items() if r.latest_status is not None and r.latest_status.value == "done"})

    page.clear_filters()
    assert page.proxy.visible_measure_ids() == everything


# --- the follow-up grid ------------------------------------------------------------------------------
def grid_page(qtbot, services: Services) -> FollowUpPage:  # type: ignore[no-untyped-def]
    page = FollowUpPage(services, QUndoStack(), today=lambda: TODAY)
    shown(qtbot, page)
    page.set_agreement(agreement_of(services))
    return page


def grid_groups(page: FollowUpPage) -> list[tuple[str, list[int]]]:
    """The grid's groups, top to bottom, with their measures; each group row checked to be a heading
    that spans the row, is open and holds what its group in the model holds (in its order)."""
    groups = page.model.groups()
    found = []
    for g in range(page.proxy.rowCount()):
        heading = page.proxy.index(g, 0)
        source = page.proxy.mapToSource(heading)
        assert heading.data(GROUP_ROLE) is True
        assert page.view.isFirstColumnSpanned(g, QModelIndex()), "a group heading spans the row"
        assert page.view.isExpanded(heading), "a group heading is open"
        assert page.proxy.rowCount(heading) > 0, "a group heading with nothing under it"
        ids = []
        for r in range(page.proxy.rowCount(heading)):
            item = page.model.measure_at(page.proxy.mapToSource(page.proxy.index(r, 0, heading)))
            assert item is not None
            ids.append(item.measure.id)
        group = groups[source.row()]
        assert heading.data() == group.title
        in_group = [m.measure.id for m in group.measures]
        assert ids == [i for i in in_group if i in set(ids)], "in the group's own order"
        found.append((group.title, ids))
    return found


def grid_searched(page: FollowUpPage, text: str) -> list[int]:
    """The grid's measures whose title, description, responsible or a comment holds ``text``."""
    grid = page.model.grid()
    assert grid is not None
    comments: dict[int, list[str]] = {}
    for follow_up in grid.follow_ups:
        comments.setdefault(follow_up.measure_id, []).append(follow_up.comment)
    wanted = text.strip().casefold()
    return [g.measure.id for group in page.model.groups() for g in group.measures
            if any(wanted in t.casefold() for t in (g.measure.title, g.measure.description,
                                                    g.measure.responsible_name, *comments.get(g.measure.id, [])))]


def test_group_headings_stay_right_while_filtering_and_scrolling(qtbot, long_services) -> None:  # type: ignore[no-untyped-def]
    page = grid_page(qtbot, long_services)
    everything = grid_searched(page, "")
    assert len(everything) == MEASURES
    first = [i for _title, ids in grid_groups(page) for i in ids]
    assert 0 < len(first) < MEASURES and first == everything[: len(first)]
    scroll_to_the_end(page.view)
    assert [i for _title, ids in grid_groups(page) for i in ids] == everything

    word = page.model.grid().measures[-1].measure.title.split()[0]  # type: ignore[union-attr]
    for so_far in typed(qtbot, page, word.upper()):
        expected = grid_searched(page, so_far)
        shown_now = [i for _title, ids in grid_groups(page) for i in ids]
        assert shown_now == expected[: len(shown_now)] and shown_now, so_far
        assert page.count_label.text() == QCoreApplication.translate(
            "FollowUpPage", "%1 of %2 measures shown").replace("%1", str(len(expected))).replace("%2", str(MEASURES))
    scroll_to_the_end(page.view)
    assert [i for _title, ids in grid_groups(page) for i in ids] == grid_searched(page, word)

    page.group_combo.setCurrentIndex(1)  # by focus area, still filtered
    settle()
    scroll_to_the_end(page.view)
    assert [i for _title, ids in grid_groups(page) for i in ids] == grid_searched(page, word)

    page.status_filter.setCurrentIndex(page.status_filter.findData(FollowUpFilterProxy.NO_FOLLOW_UP))
    scroll_to_the_end(page.view)
    none_yet = {g.measure.id for g in page.model.grid().measures  # type: ignore[union-attr]
                if page.model.latest(g.measure.id) is None}
    assert [i for _title, ids in grid_groups(page) for i in ids] == [
        i for i in grid_searched(page, word) if i in none_yet]

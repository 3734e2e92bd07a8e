"""The follow-up grid's models on real service records, without any widget."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor

from promises_app.domain.enums import FollowUpStatus, TrafficLight
from promises_app.ui.common.formatting import fill
from promises_app.ui.followup.followup_grid_model import (
    CURRENT_TINT,
    FOLLOW_UP_ROLE,
    GROUP_ROLE,
    LIGHT_COLOURS,
    MEASURE_ID_ROLE,
    PERIOD_ROLE,
    FollowUpFilterProxy,
    FollowUpGridModel,
    GroupBy,
    HistoryTableModel,
)
from tests.ui.test_situation_models import solna, swedish  # noqa: F401 - the fixture is used by name

TODAY = date(2022, 9, 1)
ROLE = Qt.ItemDataRole


def t(source: str, *values: object) -> str:
    """The page's own words in the interface language (Swedish once the catalogue has them)."""
    return fill(QCoreApplication.translate("FollowUpGridModel", source), *values)


@pytest.fixture
def model(demo_services, swedish):  # type: ignore[no-untyped-def]  # noqa: F811
    made = FollowUpGridModel()
    made.set_grid(demo_services.follow_ups.grid(solna(demo_services), today=TODAY))
    return made


def cell(model, measure_id: int, period: str):  # type: ignore[no-untyped-def]
    return model.index_of(measure_id, model.period_column(period))


def measure_id(model, word: str) -> int:  # type: ignore[no-untyped-def]
    return next(g.measure.id for g in model.grid().measures if word in g.measure.title)


def test_columns_are_measure_owner_and_the_periods_with_the_current_one_standing_out(model):
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == [t("Measure"), t("Responsible"), "2022-T1", "2022-T2", "2022-T3"]
    assert model.current_period() == "2022-T3"
    current = model.period_column("2022-T3")
    assert model.headerData(current, Qt.Orientation.Horizontal, ROLE.FontRole).bold()
    assert model.headerData(current, Qt.Orientation.Horizontal, ROLE.BackgroundRole).color() == CURRENT_TINT
    assert model.headerData(current - 1, Qt.Orientation.Horizontal, ROLE.FontRole) is None
    patrol = measure_id(model, "Fotpatrullering")
    assert cell(model, patrol, "2022-T3").data(ROLE.BackgroundRole).color() == CURRENT_TINT
    assert cell(model, patrol, "2022-T2").data(ROLE.BackgroundRole) is None


def test_rows_are_measures_grouped_by_promise_or_by_focus_area(model, demo_services):
    assert model.rowCount() == 1, "Solna has one promise"
    group = model.index(0, 0)
    assert group.data(GROUP_ROLE) is True
    assert group.data() == t("%1 promise: %2", "Lokalpolisområde Solna, Solna stad",
                             "öka tryggheten i den offentliga miljön i Solna, med särskilt fokus på "
                             "brottsutsatta platser")
    assert model.rowCount(group) == 7
    titles = [model.index(r, 0, group).data() for r in range(7)]
    assert titles == [m.title for m in demo_services.plan.list_measures(solna(demo_services))]
    assert model.index(0, 1, group).data() == "Lokalpolisområde Solna"
    assert model.parent(model.index(3, 2, group)) == group
    assert model.parent(group) == QModelIndex()
    assert not model.flags(group) & Qt.ItemFlag.ItemIsSelectable

    model.set_group_by(GroupBy.FOCUS_AREA)
    groups = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert groups == ["Hagalund", "Västra skogen", "Trafik", "Ungdomar i riskzonen"]
    assert model.rowCount(model.index(0, 0)) == 3


def test_a_cell_shows_status_light_and_count_in_words_and_colour(model):
    walks = measure_id(model, "trygghetsvandringar")
    index = cell(model, walks, "2022-T2")
    # The demo logs one walk in T1 and one in T2 (domain/counts.py: logged occurrences count).
    assert index.data() == "Pågående (hittills 2 av 4, denna period 1)"
    assert index.data(ROLE.DecorationRole) == LIGHT_COLOURS[TrafficLight.GREEN]
    assert index.data(ROLE.AccessibleTextRole) == t(
        "%1: %2", "2022-T2",
        f"Pågående, {t('traffic light %1', 'grön')}, hittills 2 av 4, denna period 1 (från loggade tillfällen)")
    tooltip = index.data(ROLE.ToolTipRole)
    assert t("Traffic light: %1", "Grön") in tooltip
    assert "Utfall: hittills 2 av 4 trygghetsvandringar, denna period 1 (från loggade tillfällen)" in tooltip
    assert index.data(MEASURE_ID_ROLE) == walks and index.data(PERIOD_ROLE) == "2022-T2"
    assert index.data(FOLLOW_UP_ROLE).count_achieved == 2

    lights = measure_id(model, "belysning")
    red = cell(model, lights, "2022-T2")
    assert red.data() == "Delvis genomförd"
    assert red.data(ROLE.DecorationRole) == QColor(LIGHT_COLOURS[TrafficLight.RED])
    assert t("Traffic light: %1", "Röd") in red.data(ROLE.ToolTipRole)
    empty = cell(model, lights, "2022-T3")
    assert empty.data() == "" and empty.data(ROLE.DecorationRole) is None
    assert empty.data(ROLE.AccessibleTextRole) == t("%1: no follow-up", "2022-T3")
    # the overdue measure's title is red, and says so in words
    title = model.index_of(lights, 0)
    assert title.data(ROLE.ForegroundRole) is not None
    assert title.data(ROLE.AccessibleTextRole) == t("%1 (overdue)", title.data())


def proxy_titles(proxy) -> list[str]:  # type: ignore[no-untyped-def]
    return [proxy.index(r, 0, proxy.index(g, 0)).data()
            for g in range(proxy.rowCount()) for r in range(proxy.rowCount(proxy.index(g, 0)))]


def test_the_filters_keep_matching_measures_and_their_groups(model):
    proxy = FollowUpFilterProxy()
    proxy.setSourceModel(model)
    model.set_group_by(GroupBy.FOCUS_AREA)
    assert len(proxy_titles(proxy)) == 7 and proxy.rowCount() == 4

    proxy.set_text("SKOLLOVET")  # a word only in a comment (the patrol's T2 comment)
    assert proxy_titles(proxy) == ["Fotpatrullering på publika platser"]
    assert proxy.rowCount() == 1 and proxy.index(0, 0).data() == "Hagalund", "only the group with a match stays"
    proxy.set_text("")

    proxy.set_status(FollowUpStatus.DONE)
    assert len(proxy_titles(proxy)) == 2
    proxy.set_status(None)
    proxy.set_light(TrafficLight.RED)
    assert proxy_titles(proxy) == [t for t in proxy_titles(proxy) if "belysning" in t] and proxy_titles(proxy)
    proxy.set_light(None)
    proxy.set_party("Lokalpolisområde Solna")
    assert proxy_titles(proxy) and len(proxy_titles(proxy)) == 7, "the police makes the promise"
    proxy.set_party("Nobody")
    assert proxy_titles(proxy) == [] and proxy.rowCount() == 0
    proxy.set_party("")
    proxy.set_only_overdue(True)
    assert all("belysning" in t or "Samverkan om" in t for t in proxy_titles(proxy))
    assert any("belysning" in t for t in proxy_titles(proxy))
    proxy.set_only_overdue(False)
    proxy.set_status(FollowUpFilterProxy.NO_FOLLOW_UP)
    assert proxy_titles(proxy) == []


def test_history_lists_a_measures_follow_ups_newest_first(model):
    walks = measure_id(model, "trygghetsvandringar")
    history = HistoryTableModel()
    item = model.measure_at(model.index_of(walks))
    history.set_history(item, model.follow_ups_of(walks))
    assert history.rowCount() == 2
    assert [history.index(r, HistoryTableModel.PERIOD).data() for r in range(2)] == ["2022-T2", "2022-T1"]
    assert history.index(0, HistoryTableModel.STATUS).data() == "Pågående"
    assert history.index(0, HistoryTableModel.LIGHT).data() == "Grön"
    assert history.index(0, HistoryTableModel.COUNT).data() == "2"
    assert history.index(0, HistoryTableModel.COMMENT).data().startswith("Den andra vandringen")
    headers = [history.headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
    assert headers == [t("Period"), t("Status"), t("Light"), t("Count"), t("Comment")]


def test_each_cell_paints_its_own_text_light_and_colours_through_the_proxy(model):
    """A view paints a cell from one ``multiData`` call (the delegate's), cell after cell, row by
    row: each must paint what ``data`` says of it, none keep what the cell before had (the
    delegate hands the same roles from cell to cell)."""
    from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

    proxy = FollowUpFilterProxy()
    proxy.setSourceModel(model)
    delegate = QStyledItemDelegate()
    painted = 0
    for g in range(proxy.rowCount()):
        group = proxy.index(g, 0)
        rows = [group] + [proxy.index(r, c, group) for r in range(proxy.rowCount(group))
                          for c in range(proxy.columnCount())]
        for index in rows:
            option = QStyleOptionViewItem()
            delegate.initStyleOption(option, index)
            text = index.data(ROLE.DisplayRole)
            assert option.text == (text or ""), (index.row(), index.column())
            decorated = bool(option.features & QStyleOptionViewItem.ViewItemFeature.HasDecoration)
            assert decorated == (index.data(ROLE.DecorationRole) is not None), (index.row(), index.column())
            background = index.data(ROLE.BackgroundRole)
            assert option.backgroundBrush.color() == (background.color() if background is not None
                                                      else option.backgroundBrush.color())
            assert (option.backgroundBrush.style() == Qt.BrushStyle.NoBrush) == (background is None)
            assert option.font.bold() == (index.data(ROLE.FontRole) is not None)
            foreground = index.data(ROLE.ForegroundRole)
            if foreground is not None:
                assert option.palette.color(option.palette.ColorRole.Text) == foreground.color()
            painted += 1
    overdue = [proxy.index(r, 0, proxy.index(g, 0)) for g in range(proxy.rowCount())
               for r in range(proxy.rowCount(proxy.index(g, 0)))]
    assert painted > 20 and any(i.data(ROLE.ForegroundRole) is not None for i in overdue), "an overdue title"

"""Search and filters over the plan tree (plan_models.py), as the person types.

Free text looks through titles, descriptions, causes, names and the follow-ups' comments (every
word must occur; case does not matter). A measure also matches when its promise's text does, so
searching for a promise's words shows the promise with its measures. The other filters (party,
responsible, status, traffic light, focus area, only overdue) are about measures; a promise or a
heading stays visible while one of its measures matches (recursive filtering).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from promises_app.domain.enums import FollowUpStatus, TrafficLight
from promises_app.ui.plan.plan_models import GROUP, MEASURE, PROMISE, PlanNode, PlanTreeModel

Index = QModelIndex | QPersistentModelIndex

#: Status filter value for measures that have no follow-up yet.
NOT_FOLLOWED_UP = "not_followed_up"
#: Focus-area filter value for measures without a focus area.
NO_FOCUS_AREA = -1


@dataclass(frozen=True)
class PlanFilter:
    text: str = ""
    #: A party that promises, is responsible for or takes part in the measure.
    party_id: int | None = None
    #: The organisation responsible (ansvarig) for the measure.
    owner_id: int | None = None
    #: A FollowUpStatus of the latest follow-up, or NOT_FOLLOWED_UP.
    status: FollowUpStatus | str | None = None
    #: The traffic light of the latest follow-up (NOT_ASSESSED also matches "no follow-up").
    light: TrafficLight | None = None
    #: A focus area's id, or NO_FOCUS_AREA.
    focus_area_id: int | None = None
    only_overdue: bool = False

    def words(self) -> list[str]:
        return self.text.casefold().split()

    def about_measures(self) -> bool:
        """A filter only a measure can meet is on (so a promise does not match by itself)."""
        return (
            self.owner_id is not None or self.status is not None or self.light is not None
            or self.focus_area_id is not None or self.only_overdue
        )

    def is_empty(self) -> bool:
        return not self.words() and self.party_id is None and not self.about_measures()


def _contains_all(haystack: str, words: list[str]) -> bool:
    return all(word in haystack for word in words)


def measure_matches(node: PlanNode, plan_filter: PlanFilter) -> bool:
    status = node.status
    assert status is not None
    measure = status.measure
    if plan_filter.only_overdue and not status.overdue:
        return False
    if plan_filter.owner_id is not None and measure.responsible_id != plan_filter.owner_id:
        return False
    if plan_filter.party_id is not None and plan_filter.party_id not in (
        {measure.responsible_id, *measure.participant_ids} | set(node.maker_ids)
    ):
        return False
    if plan_filter.status is not None:
        wanted = None if plan_filter.status == NOT_FOLLOWED_UP else FollowUpStatus(plan_filter.status)
        if status.latest_status != wanted:
            return False
    if plan_filter.light is not None:
        light = status.latest_light or TrafficLight.NOT_ASSESSED
        if light != plan_filter.light:
            return False
    if plan_filter.focus_area_id is not None:
        wanted_area = None if plan_filter.focus_area_id == NO_FOCUS_AREA else plan_filter.focus_area_id
        if measure.focus_area_id != wanted_area:
            return False
    words = plan_filter.words()
    if not words:
        return True
    promise_text = node.parent.haystack if node.parent is not None else ""
    return _contains_all(node.haystack + "\n" + promise_text, words)


def promise_matches(node: PlanNode, plan_filter: PlanFilter) -> bool:
    """A promise by itself (its measures are judged on their own)."""
    if plan_filter.about_measures():
        return False
    if plan_filter.party_id is not None and plan_filter.party_id not in node.maker_ids:
        return False
    return _contains_all(node.haystack, plan_filter.words())


class PlanFilterProxy(QSortFilterProxyModel):
    """Keeps the plan's order; hides what does not match; parents stay while a child matches."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._filter = PlanFilter()
        self.setRecursiveFilteringEnabled(True)
        self.setDynamicSortFilter(True)

    def plan_filter(self) -> PlanFilter:
        return self._filter

    def set_filter(self, plan_filter: PlanFilter) -> None:
        if plan_filter == self._filter:
            return
        # A reset, not an incremental filter change: the tree view then lays out only what it shows,
        # where row-by-row removals cost it seconds at a few thousand measures.
        self.beginResetModel()
        self._filter = plan_filter
        self.endResetModel()

    def plan_model(self) -> PlanTreeModel:
        model = self.sourceModel()
        assert isinstance(model, PlanTreeModel)
        return model

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802 - Qt's name
        if self._filter.is_empty():
            return True
        model = self.plan_model()
        node = model.node(model.index(source_row, 0, source_parent))
        if node.kind == GROUP:
            return False  # shown only for a matching promise or measure under it
        if node.kind == PROMISE:
            return promise_matches(node, self._filter)
        if node.kind == MEASURE:
            return measure_matches(node, self._filter)
        return False

    def visible_measure_ids(self) -> list[int]:
        """The ids of the measures shown, top to bottom (for tests and the status line).

        Read from the plan's own nodes with the same rule as ``filterAcceptsRow`` (a measure shows
        when it matches), not by walking the proxy: that costs a Qt call per row on every keystroke.
        """
        empty = self._filter.is_empty()
        return [
            node.record_id
            for group in self.plan_model().groups()
            for promise in group.children
            for node in promise.children
            if node.kind == MEASURE and node.record_id is not None and (empty or measure_matches(node, self._filter))
        ]

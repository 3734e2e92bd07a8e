"""Search and filters over the plan tree (plan_models.py), as the person types.

Free text looks through titles, descriptions, causes, names and the follow-ups' comments (every
word must occur; case does not matter). A measure also matches when its promise's text does, so
searching for a promise's words shows the promise with its measures. The other filters (party,
responsible, status, traffic light, focus area, only overdue) are about measures; a promise or a
heading stays visible while one of its measures matches. The proxy decides all of it in one pass
over the plan's nodes and hands the tree its rows a page at a time (ui/common/paged_filter.py).
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from promises_app.domain.enums import FollowUpStatus, TrafficLight
from promises_app.ui.common.paged_filter import PagedFilterProxy
from promises_app.ui.plan.plan_models import GROUP, MEASURE, PlanNode, PlanTreeModel

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
    return _measure_passes(node, plan_filter, plan_filter.words())


def _measure_passes(node: PlanNode, plan_filter: PlanFilter, words: list[str]) -> bool:
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
    return _has_words(node, words)


def _has_words(node: PlanNode, words: list[str]) -> bool:
    """Every word is in the measure's own text or its promise's (a word holds no line break, so
    looking in each is looking in both joined)."""
    promise_text = node.parent.haystack if node.parent is not None else ""
    return all(word in node.haystack or word in promise_text for word in words)


def promise_matches(node: PlanNode, plan_filter: PlanFilter) -> bool:
    """A promise by itself (its measures are judged on their own)."""
    if plan_filter.about_measures():
        return False
    if plan_filter.party_id is not None and plan_filter.party_id not in node.maker_ids:
        return False
    return _contains_all(node.haystack, plan_filter.words())


def _narrows(wider: PlanFilter, narrower: PlanFilter) -> bool:
    """Whatever ``narrower`` lets through, ``wider`` does too: the same other filters, and each of
    the wider filter's words is part of one of the narrower's (the person typed on)."""
    if replace(wider, text="") != replace(narrower, text=""):
        return False
    words = narrower.words()
    return all(any(old in new for new in words) for old in wider.words())


class PlanFilterProxy(PagedFilterProxy):
    """Keeps the plan's order; hides what does not match; a heading or promise stays while a measure
    under it matches. Decided in one pass over the plan's nodes (ui/common/paged_filter.py says why)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._filter = PlanFilter()
        self._root = PlanNode(GROUP, None)
        #: Each promise (in plan order) with its measures that match, and the filter that chose
        #: them (typing on only looks among them).
        self._hits: list[tuple[PlanNode, list[PlanNode]]] = []
        self._hits_for: tuple[PlanFilter, PlanNode] | None = None
        self._hit_count = 0

    def plan_filter(self) -> PlanFilter:
        return self._filter

    def set_filter(self, plan_filter: PlanFilter) -> bool:
        """Filter with ``plan_filter``; False when the rows the tree holds stay the same."""
        if plan_filter == self._filter:
            return False
        return self.change_filter(lambda: setattr(self, "_filter", plan_filter))

    def plan_model(self) -> PlanTreeModel:
        model = self.sourceModel()
        assert isinstance(model, PlanTreeModel)
        return model

    # --- PagedFilterProxy ---------------------------------------------------------------------------
    def item_at(self, source_row: int, source_parent: Index) -> PlanNode:
        parent: PlanNode = source_parent.internalPointer() if source_parent.isValid() else self._root
        return parent.children[source_row]

    def is_heading(self, item: object) -> bool:
        return isinstance(item, PlanNode) and item.kind != MEASURE

    def filtering(self) -> bool:
        return not self._filter.is_empty()

    def parent_item(self, item: Hashable) -> PlanNode | None:
        assert isinstance(item, PlanNode)
        above = item.parent
        return None if above is None or above.parent is None else above  # the root's children are on top

    def item_flags(self, item: Hashable) -> Qt.ItemFlag:
        assert isinstance(item, PlanNode)
        return PlanTreeModel.node_flags(item)

    def source_index(self, item: Hashable, column: int) -> QModelIndex:
        assert isinstance(item, PlanNode)
        return self.plan_model().index_of_node(item, column)

    def shown_items(self) -> list[PlanNode]:
        """Headings, promises and measures that pass, in plan order."""
        root = self.plan_model().node(QModelIndex())
        plan_filter = self._filter
        self._hits = self._matching_measures(root, plan_filter)
        self._hits_for = (plan_filter, root)
        self._hit_count = sum(len(hits) for _promise, hits in self._hits)
        self._root = root
        empty = plan_filter.is_empty()
        shown: list[PlanNode] = []
        group: PlanNode | None = None
        for promise, hits in self._hits:
            if hits or empty or promise_matches(promise, plan_filter):
                if promise.parent is not group and promise.parent is not None:
                    group = promise.parent
                    shown.append(group)
                shown.append(promise)
                shown.extend(hits)
        return shown

    def _matching_measures(self, root: PlanNode, plan_filter: PlanFilter) -> list[tuple[PlanNode, list[PlanNode]]]:
        """Each promise with its measures that match (promises in plan order, none left out)."""
        if self._hits_for is not None and self._hits_for[1] is root and _narrows(self._hits_for[0], plan_filter):
            candidates = self._hits  # typing on: only what matched the shorter text can match
        else:
            candidates = [(promise, promise.children) for group in root.children for promise in group.children]
        if plan_filter.is_empty():
            return candidates
        words = plan_filter.words()
        if plan_filter.party_id is not None or plan_filter.about_measures():
            return [(promise, [node for node in measures if _measure_passes(node, plan_filter, words)])
                    for promise, measures in candidates]
        matching: list[tuple[PlanNode, list[PlanNode]]] = []
        for promise, measures in candidates:
            # A word in the promise's text is in each of its measures' (measure_matches); the
            # others must be in the measure's own.
            rest = [word for word in words if word not in promise.haystack]
            if not rest:
                matching.append((promise, measures))
            elif len(rest) == 1:
                word = rest[0]
                matching.append((promise, [node for node in measures if word in node.haystack]))
            else:
                matching.append((promise, [node for node in measures if all(w in node.haystack for w in rest)]))
        return matching

    def _source_reset(self) -> None:
        self._hits_for = None  # new nodes: look through all of them
        super()._source_reset()

    def _before_source_change(self) -> None:
        self._hits_for = None

    def forget_rows(self, top_left: QModelIndex, bottom_right: QModelIndex) -> None:
        self._hits_for = None  # a measure's text or status changed: look through all of them again

    # --- for the page -------------------------------------------------------------------------------
    def visible_measure_ids(self) -> list[int]:
        """The ids of the measures that match, top to bottom (revealed to the view or not yet)."""
        return [node.record_id for _promise, hits in self._hits for node in hits if node.record_id is not None]

    def matching_measure_count(self) -> int:
        return self._hit_count

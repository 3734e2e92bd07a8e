"""The plan of one agreement as a tree: who promises ("Polisen lovar att …") → promises → measures.

Fed by the services once per refresh (:meth:`PlanTreeModel.set_content`): the promises, each
measure with where it stands (``follow_ups.status_rows``), the organisations (for the headings)
and the follow-ups' comments (for the search). The filter proxy (plan_filter.py) reads the
nodes directly. Columns: title, responsible (ansvarig), deadline, status, focus area.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from promises_app.domain.enums import TrafficLight
from promises_app.domain.who_promises import Maker, MakersForm, heading_continues, maker_names, makers_form
from promises_app.services.followups import MeasureStates
from promises_app.services.records import (
    MeasureRecord,
    MeasureStatusRow,
    OrganisationRecord,
    PartyRecord,
    PromiseRecord,
)
from promises_app.ui.common.count_words import count_line
from promises_app.ui.common.formatting import fill, format_date
from promises_app.ui.common.labels import label

Index = QModelIndex | QPersistentModelIndex

GROUP, PROMISE, MEASURE = "group", "promise", "measure"
#: The node's kind ("group", "promise", "measure").
KIND_ROLE = Qt.ItemDataRole.UserRole + 1
#: The id of the promise or measure (None for a group).
ID_ROLE = Qt.ItemDataRole.UserRole + 2
#: The PromiseRecord, or the MeasureStatusRow of a measure.
RECORD_ROLE = Qt.ItemDataRole.UserRole + 3

OVERDUE_BACKGROUND = QColor("#fde2e1")
GROUP_BACKGROUND = QColor("#eef2f7")
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_LEAF_FLAGS = _FLAGS | Qt.ItemFlag.ItemNeverHasChildren
LIGHT_COLOURS = {
    TrafficLight.GREEN: QColor("#2e7d32"),
    TrafficLight.YELLOW: QColor("#e0a800"),
    TrafficLight.RED: QColor("#c62828"),
    TrafficLight.NOT_ASSESSED: QColor("#9e9e9e"),
}


def join_words(words: Sequence[str]) -> str:
    """ "A", "A and B", "A, B and C" in the interface language."""
    if len(words) <= 1:
        return "".join(words)
    return fill(QCoreApplication.translate("PlanModels", "%1 and %2"), ", ".join(words[:-1]), words[-1])


def promise_heading(
    makers: Sequence[Maker], parties: Sequence[Maker] = (), *, continues: bool = True
) -> str:
    """Who promises, as the documents say it (reports/agreement_content.promise_heading; the rule is
    domain/who_promises.py): "Polisen lovar att …", "Kommunen lovar att …", "Polisen och kommunen
    lovar att …", otherwise every maker by name ("Norrstads parkeringsbolag och Norrstads kommun
    lovar att …"); without "att …" (``continues`` false) when a promise under it stands as written."""
    form = makers_form(makers, parties)
    if form is MakersForm.POLICE:
        if continues:
            return QCoreApplication.translate("PlanModels", "The police promise to …")
        return QCoreApplication.translate("PlanModels", "The police promise")
    if form is MakersForm.MUNICIPALITY:
        if continues:
            return QCoreApplication.translate("PlanModels", "The municipality promises to …")
        return QCoreApplication.translate("PlanModels", "The municipality promises")
    if form is MakersForm.POLICE_AND_MUNICIPALITY:
        if continues:
            return QCoreApplication.translate("PlanModels", "The police and the municipality promise to …")
        return QCoreApplication.translate("PlanModels", "The police and the municipality promise")
    names = join_words(maker_names(makers)) or QCoreApplication.translate("PlanModels", "(nobody)")
    if continues:
        return fill(QCoreApplication.translate("PlanModels", "%1 promise to …"), names)
    return fill(QCoreApplication.translate("PlanModels", "%1 promise"), names)


@dataclass(eq=False)
class PlanNode:
    kind: str
    parent: PlanNode | None
    #: What the row says: a group's heading ("Polisen lovar att …"), a promise as printed under it.
    heading: str = ""
    maker_ids: frozenset[int] = frozenset()
    promise: PromiseRecord | None = None
    status: MeasureStatusRow | None = None
    children: list[PlanNode] = field(default_factory=list)
    #: Casefolded words the free-text search looks through.
    haystack: str = ""
    #: The node's place among its siblings (set by ``adopt``; the tree is rebuilt, never edited).
    row: int = 0

    def adopt(self, child: PlanNode) -> PlanNode:
        child.row = len(self.children)
        self.children.append(child)
        return child

    @property
    def record_id(self) -> int | None:
        if self.kind == PROMISE and self.promise is not None:
            return self.promise.id
        if self.kind == MEASURE and self.status is not None:
            return self.status.measure.id
        return None


def _haystack(*texts: str) -> str:
    return "\n".join(t for t in texts if t).casefold()


def _measure_haystack(measure: MeasureRecord, comments: Sequence[str]) -> str:
    """What the plan's search looks in for a measure (its follow-ups' comments too)."""
    return _haystack(
        measure.title,
        measure.description,
        measure.cause,
        measure.responsible_name,
        measure.contact_name,
        measure.focus_area_name,
        *measure.participant_names,
        *comments,
    )


class PlanTreeModel(QAbstractItemModel):
    TITLE, RESPONSIBLE, DEADLINE, STATUS, FOCUS_AREA = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._root = PlanNode(GROUP, None)
        self._measures: dict[int, PlanNode] = {}
        self._promises: dict[int, PlanNode] = {}

    # --- content ------------------------------------------------------------------------------
    def show(self, content: PlanContent) -> None:
        self.set_content(content.promises, content.status_rows, content.organisations, content.comments,
                         party_ids=content.party_ids)

    def set_content(
        self,
        promises: Sequence[PromiseRecord],
        status_rows: Sequence[MeasureStatusRow],
        organisations: Mapping[int, OrganisationRecord],
        comments: Mapping[int, Sequence[str]] | None = None,
        *,
        party_ids: Sequence[int] = (),
    ) -> None:
        """The whole plan, read again: groups in the order of their first promise, as in the document.
        ``party_ids``: the agreement's parties (a heading says "Kommunen" only if it has one)."""
        comments = comments or {}
        self.beginResetModel()
        root = PlanNode(GROUP, None)
        groups: dict[frozenset[int], PlanNode] = {}
        self._promises, self._measures = {}, {}
        parties = [organisations[i] for i in party_ids if i in organisations]
        ordered = sorted(promises, key=lambda p: p.position)
        as_written: dict[frozenset[int], list[bool]] = {}
        for promise in ordered:
            as_written.setdefault(frozenset(promise.maker_ids), []).append(promise.as_written)
        for promise in ordered:
            key = frozenset(promise.maker_ids)
            group = groups.get(key)
            if group is None:
                makers = [organisations[i] for i in promise.maker_ids if i in organisations]
                heading = promise_heading(makers, parties, continues=heading_continues(as_written[key]))
                group = groups[key] = PlanNode(GROUP, root, heading=heading, maker_ids=key)
                root.adopt(group)
            node = PlanNode(
                PROMISE,
                group,
                promise=promise,
                maker_ids=key,
                haystack=_haystack(promise.text, promise.description),
                # A promise continuing a heading that only groups reads "to …" ("att …"), as printed.
                heading=promise.text if heading_continues(as_written[key]) or promise.as_written
                else fill(QCoreApplication.translate("PlanModels", "to %1"), promise.text),
            )
            group.adopt(node)
            self._promises[promise.id] = node
        for status in sorted(status_rows, key=lambda r: r.measure.position):
            measure = status.measure
            parent = self._promises.get(measure.promise_id)
            if parent is None:
                continue
            node = PlanNode(
                MEASURE,
                parent,
                status=status,
                maker_ids=parent.maker_ids,
                haystack=_measure_haystack(measure, comments.get(measure.id, ())),
            )
            parent.adopt(node)
            self._measures[measure.id] = node
        self._root = root
        self.endResetModel()

    def update_measures(self, states: MeasureStates) -> list[int]:
        """Some measures' follow-ups changed: their status and search text, repainted in place.

        No reset (the tree keeps what is collapsed and selected); returns the ids updated."""
        comments: dict[int, list[str]] = {}
        for follow_up in states.follow_ups:
            if follow_up.comment:
                comments.setdefault(follow_up.measure_id, []).append(follow_up.comment)
        updated = []
        for status in states.status_rows:
            node = self._measures.get(status.measure.id)
            if node is None:
                continue
            node.status = status
            node.haystack = _measure_haystack(status.measure, comments.get(status.measure.id, ()))
            updated.append(status.measure.id)
            self.dataChanged.emit(self.index_of_node(node, 0), self.index_of_node(node, 4))
        return updated

    def node(self, index: Index) -> PlanNode:
        if not index.isValid():
            return self._root
        return index.internalPointer()

    def groups(self) -> list[PlanNode]:
        return list(self._root.children)

    def index_of_node(self, node: PlanNode, column: int = 0) -> QModelIndex:
        if node.parent is None:
            return QModelIndex()
        return self.createIndex(node.row, column, node)

    def index_of_measure(self, measure_id: int) -> QModelIndex:
        node = self._measures.get(measure_id)
        return self.index_of_node(node) if node is not None else QModelIndex()

    def index_of_promise(self, promise_id: int) -> QModelIndex:
        node = self._promises.get(promise_id)
        return self.index_of_node(node) if node is not None else QModelIndex()

    def promise_records(self) -> list[PromiseRecord]:
        """The promises in plan order."""
        return sorted(
            (n.promise for n in self._promises.values() if n.promise is not None), key=lambda p: p.position
        )

    def measure_count(self, promise_id: int) -> int:
        node = self._promises.get(promise_id)
        return len(node.children) if node is not None else 0

    # --- QAbstractItemModel -------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        # Bounds checked here rather than with hasIndex (which calls back into Python twice): views
        # ask for every row's index when they lay out, so this is the hot path of filtering.
        if parent.isValid():
            if parent.column() != 0:
                return QModelIndex()
            children = parent.internalPointer().children
        else:
            children = self._root.children
        if not (0 <= row < len(children) and 0 <= column < 5):
            return QModelIndex()
        return self.createIndex(row, column, children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008 - Qt's parent(child), not QObject.parent()
        if not index.isValid():
            return QModelIndex()
        parent = self.node(index).parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.row, 0, parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's name
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.node(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's name
        return 5

    def headerData(  # noqa: N802 - Qt's name
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [
            self.tr("Promise or measure"),
            self.tr("Responsible"),
            self.tr("Deadline"),
            self.tr("Status"),
            self.tr("Focus area"),
        ][section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        # Asked twice for every row the tree lays out: constants, and a measure says it never has
        # children (so the view does not ask for them).
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return self.node_flags(index.internalPointer())

    @staticmethod
    def node_flags(node: PlanNode) -> Qt.ItemFlag:
        return _LEAF_FLAGS if node.kind == MEASURE else _FLAGS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self.node(index)
        column = index.column()
        if role == KIND_ROLE:
            return node.kind
        if role == ID_ROLE:
            return node.record_id
        if role == RECORD_ROLE:
            return node.promise if node.kind == PROMISE else node.status
        if node.kind == GROUP:
            return self._group_data(node, column, role)
        if node.kind == PROMISE:
            return self._promise_data(node, column, role)
        return self._measure_data(node, column, role)

    def _group_data(self, node: PlanNode, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole) and column == self.TITLE:
            return node.heading
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(GROUP_BACKGROUND)
        return None

    def _promise_data(self, node: PlanNode, column: int, role: int) -> Any:
        promise = node.promise
        assert promise is not None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.TITLE:
                return node.heading or promise.text
            if column == self.STATUS:
                count = len(node.children)
                return fill(self.tr("Measures: %1"), count) if count else self.tr("No measures yet")
            return ""
        if role == Qt.ItemDataRole.ToolTipRole and column == self.TITLE:
            return "\n\n".join(filter(None, [promise.text, promise.description]))
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS:
            return QBrush(QColor("#555555"))
        return None

    def _measure_data(self, node: PlanNode, column: int, role: int) -> Any:
        status = node.status
        assert status is not None
        measure = status.measure
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.TITLE:
                return measure.title
            if column == self.RESPONSIBLE:
                return measure.responsible_name
            if column == self.DEADLINE:
                return format_date(measure.deadline)
            if column == self.STATUS:
                word = label(status.latest_status) if status.latest_status is not None else self.tr("Not followed up")
                # A counted measure: "hittills 3 av 12, denna period 1" (domain/counts.py); the source
                # is in the tooltip.
                counted = count_line(status.count, measure.target_count, with_source=False)
                return fill(self.tr("%1 (%2)"), word, counted) if counted else word
            if column == self.FOCUS_AREA:
                return measure.focus_area_name
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._measure_tooltip(status, column)
        if role == Qt.ItemDataRole.BackgroundRole and status.overdue:
            return QBrush(OVERDUE_BACKGROUND)
        if role == Qt.ItemDataRole.DecorationRole and column == self.STATUS:
            return LIGHT_COLOURS[status.latest_light or TrafficLight.NOT_ASSESSED]
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS and status.latest_status is None:
            return QBrush(QColor("#757575"))
        return None

    def _measure_tooltip(self, status: MeasureStatusRow, column: int) -> str | None:
        measure = status.measure
        if column == self.TITLE:
            return "\n\n".join(filter(None, [measure.title, measure.description]))
        if column == self.RESPONSIBLE and measure.contact_name:
            return fill(self.tr("Contact person: %1"), measure.contact_name)
        if column in (self.DEADLINE, self.STATUS):
            parts = []
            if status.latest_light is not None:
                parts.append(fill(self.tr("Traffic light: %1"), label(status.latest_light)))
            if status.latest_period:
                parts.append(fill(self.tr("Latest follow-up: %1"), status.latest_period))
            counted = count_line(status.count, measure.target_count, measure.target_unit)
            if counted:
                parts.append(counted)
            if status.overdue:
                parts.append(self.tr("Overdue: the deadline has passed and the measure is not finished."))
            return "\n".join(parts) or None
        return None


@dataclass(frozen=True)
class PlanContent:
    """What the plan tree shows, read from the services in one go (one refresh)."""

    promises: list[PromiseRecord]
    status_rows: list[MeasureStatusRow]
    organisations: dict[int, OrganisationRecord]
    comments: dict[int, list[str]]
    #: The agreement's parties' organisations, in party order (for the headings).
    party_ids: tuple[int, ...] = ()


def read_plan(
    services: Any, agreement_id: int, today: date, parties: Sequence[PartyRecord] | None = None
) -> PlanContent:
    """The promises, measures with their latest follow-up, organisations, follow-up comments and the
    parties (``parties``: already read by the caller, or read here)."""
    comments: dict[int, list[str]] = {}
    for follow_up in services.follow_ups.list_for_agreement(agreement_id):
        if follow_up.comment:
            comments.setdefault(follow_up.measure_id, []).append(follow_up.comment)
    if parties is None:
        parties = services.agreements.list_parties(agreement_id)
    return PlanContent(
        promises=services.plan.list_promises(agreement_id),
        status_rows=services.follow_ups.status_rows(agreement_id, today=today),
        organisations={o.id: o for o in services.register.list_organisations()},
        comments=comments,
        party_ids=tuple(p.organisation_id for p in parties),
    )

"""A filter proxy for a long tree that decides in one pass and hands the view its rows a page at a time.

Why: a ``QTreeView`` lays out every row it holds after each change of its model, and with a
model written in Python each row costs it a few calls back into Python (``index``, ``flags``;
about 10 µs a row). At 10 000 measures that is far over what one keystroke may take, whatever
the filter costs. A ``QSortFilterProxyModel`` adds its own price: to show one row of a parent it
asks ``filterAcceptsRow`` (Python) for *every* row under that parent, so opening a promise of
9 000 measures after each keystroke cost 10–20 ms before anything was painted, and each cell
painted went through it twice (its ``index`` into the source, then ``data``). So the pages that
show a whole agreement as a tree (the plan, the follow-up grid) filter with this proxy instead:

- The filter is decided once per change, in plain Python over the model's own records
  (``shown_items``, in document order: a heading before what it holds).
- Of the rows that pass, the first :data:`PAGE_ROWS` (headings count) are handed to the view;
  the rest follow as the person scrolls near the end (:func:`reveal_while_scrolling`), the way
  ``fetchMore`` feeds the flat list of all measures. Selecting a row further down reveals
  everything up to it (:meth:`PagedFilterProxy.reveal`). Counts ("12 of 10 000 shown") come from
  :meth:`PagedFilterProxy.shown_count`, not from the view.
- The proxy is a ``QAbstractProxyModel`` whose tree *is* the rows handed to the view: a parent's
  rows are a Python list, so nothing is ever asked of rows the view does not hold, and a cell's
  data is one call into Python (``data``, or ``multiData`` for everything the delegate paints).
- A new filter is a model reset of the proxy (the view then lays out only the first page);
  revealing more inserts rows at the ends of their parents; a change of the source's data that
  changes what passes is a layout change (persistent indexes follow their rows), so the view
  keeps its scroll position, selection and what is expanded. A structural change of the source
  (rows or columns come or go, a reset) resets the proxy: the models here only ever reset.

Subclasses say what passes (``shown_items``), how a source row maps to its item (``item_at``),
an item's parent item (``parent_item``) and source index (``source_index``); items are any
hashable key of one row (a node object, a tuple of rows).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Any, cast

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView

Index = QModelIndex | QPersistentModelIndex

#: Rows handed to the view first: a few screens, laid out in a few milliseconds. Each time the
#: person scrolls near the end as many again are added as it holds (so reaching the end of
#: 10 000 rows takes a handful of steps, not a hundred).
PAGE_ROWS = 100

#: The source's signals that change its rows or columns: the proxy resets around them.
_STRUCTURE_SIGNALS = (
    ("rowsAboutToBeInserted", "rowsInserted"),
    ("rowsAboutToBeRemoved", "rowsRemoved"),
    ("rowsAboutToBeMoved", "rowsMoved"),
    ("columnsAboutToBeInserted", "columnsInserted"),
    ("columnsAboutToBeRemoved", "columnsRemoved"),
    ("columnsAboutToBeMoved", "columnsMoved"),
    ("layoutAboutToBeChanged", "layoutChanged"),
    ("modelAboutToBeReset", "modelReset"),
)


class PagedFilterProxy(QAbstractProxyModel):
    """Filters by a list decided in one pass; hands the view the rows that pass a page at a time."""

    #: Headings handed to the view by a reveal or a change of the source's data (not by a new
    #: filter, which resets): sent once the proxy is done, for the page to open them.
    headingsRevealed = Signal(list)  # noqa: N815 - Qt's naming of signals

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source: QAbstractItemModel | None = None
        self._columns = 0
        #: Every item that passes, in document order; the first ``_limit`` are the view's.
        self._order: list[Hashable] = []
        self._position: dict[Hashable, int] | None = None
        self._limit = PAGE_ROWS
        # The tree the view holds: each parent item's rows (None: the top level), each item's
        # parent and row, and its id (the indexes' internal id; 0 is never used).
        self._rows: dict[Hashable | None, list[Hashable]] = {None: []}
        self._place: dict[Hashable, tuple[Hashable | None, int]] = {}
        self._ids: dict[Hashable, int] = {}
        self._items: list[Hashable] = []
        #: Source index of each (id, column) asked for since the tree was built.
        self._sources: dict[tuple[int, int], QModelIndex] = {}
        self._connections: list[tuple[Any, Any]] = []

    # --- what subclasses say ------------------------------------------------------------------
    def shown_items(self) -> Sequence[Hashable]:
        """Every item that passes the filter, in the order the view shows them (parents first)."""
        raise NotImplementedError

    def item_at(self, source_row: int, source_parent: Index) -> Hashable:
        """The item of a source row."""
        raise NotImplementedError

    def parent_item(self, item: Hashable) -> Hashable | None:
        """The item ``item`` is shown under (None: the top level)."""
        raise NotImplementedError

    def source_index(self, item: Hashable, column: int) -> QModelIndex:
        """The source model's index of ``item`` in ``column``."""
        raise NotImplementedError

    def is_heading(self, item: Hashable) -> bool:
        """The item holds others (a page never ends on one: it would look empty)."""
        return False

    def item_flags(self, item: Hashable) -> Qt.ItemFlag | None:
        """The item's flags (the same in every column), if known without asking the source."""
        return None

    def filtering(self) -> bool:
        """A filter is set (with none, a change of rows' data changes nothing that passes)."""
        return True

    def forget_rows(self, top_left: QModelIndex, bottom_right: QModelIndex) -> None:
        """These source rows' data changed: drop anything read from them (subclasses that keep some)."""

    # --- the filter -----------------------------------------------------------------------------
    def shown_count(self) -> int:
        """How many items pass the filter (revealed to the view or not yet)."""
        return len(self._order)

    def is_shown(self, item: Hashable) -> bool:
        """The item passes the filter (it may not be revealed to the view yet)."""
        return item in self._positions()

    def has_more(self) -> bool:
        return self._limit < len(self._order)

    def revealed_count(self) -> int:
        return len(self._items)

    def change_filter(self, change: Callable[[], None]) -> bool:
        """Apply ``change`` to the filter's settings and decide again; False when the rows the view
        holds stay the same (typing on while the first page still matches: nothing to lay out or
        paint again). Otherwise a reset: the view then lays out only the first page (row-by-row
        removals would cost it far more)."""
        change()
        revealed = self._decide(PAGE_ROWS)
        if revealed == self._items:
            return False
        self.beginResetModel()
        self._build(revealed)
        self.endResetModel()
        return True

    def reveal_more(self) -> None:
        """Hand the view as many more rows as it holds (the person scrolled near the end)."""
        if self.has_more():
            self._reveal_to(2 * self._limit)

    def reveal(self, item: Hashable) -> bool:
        """Reveal every row up to ``item`` (to select it); False when it does not pass the filter."""
        if item in self._ids:
            return True
        at = self._positions().get(item)
        if at is None:
            return False
        self._reveal_to(at + 1 + PAGE_ROWS // 4)  # with some rows after it, so it is not last
        return True

    # --- the tree the view holds: QAbstractItemModel --------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid():
            if parent.column() != 0:
                return QModelIndex()
            key = self._item(parent)
            if key is None:
                return QModelIndex()
        else:
            key = None
        rows = self._rows.get(key)
        if rows is None or not (0 <= row < len(rows) and 0 <= column < self._columns):
            return QModelIndex()
        return self.createIndex(row, column, self._ids[rows[row]])

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008 - Qt's parent(child), not QObject.parent()
        item = self._item(child) if child.isValid() else None
        if item is None:
            return QModelIndex()
        above = self._place[item][0]
        if above is None:
            return QModelIndex()
        return self.createIndex(self._place[above][1], 0, self._ids[above])

    def sibling(self, row: int, column: int, index: Index) -> QModelIndex:
        if index.isValid() and row == index.row() and 0 <= column < self._columns:
            return self.createIndex(row, column, index.internalId())  # the view asks this per cell
        return self.index(row, column, self.parent(index))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.isValid():
            if parent.column() != 0:
                return 0
            key = self._item(parent)
            if key is None:
                return 0
            rows = self._rows.get(key)
        else:
            rows = self._rows.get(None)
        return len(rows) if rows else 0

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return self.rowCount(parent) > 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return self._columns

    def mapToSource(self, proxy_index: Index) -> QModelIndex:  # noqa: N802 - Qt's name
        if not proxy_index.isValid():
            return QModelIndex()
        key = (proxy_index.internalId(), proxy_index.column())
        source = self._sources.get(key)
        if source is None:
            item = self._item(proxy_index)
            if item is None:
                return QModelIndex()
            source = self._sources[key] = self.source_index(item, proxy_index.column())
        return source

    def mapFromSource(self, source_index: Index) -> QModelIndex:  # noqa: N802 - Qt's name
        if not source_index.isValid():
            return QModelIndex()
        item = self.item_at(source_index.row(), source_index.parent())
        return self._index_of(item, source_index.column())

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        source = self.mapToSource(index)
        if not source.isValid() or self._source is None:
            return None
        return self._source.data(source, role)

    def multiData(self, index: Index, role_data_span: QModelRoleDataSpan | QModelRoleData) -> None:  # noqa: N802
        # What a delegate paints (font, alignment, colours, check state, icon, text, background) in
        # one call into Python instead of one per role (a source may work them out at once).
        source = self.mapToSource(index)
        if not source.isValid() or self._source is None:
            return
        self._source.multiData(source, role_data_span)

    def flags(self, index: Index) -> Qt.ItemFlag:
        # Asked for every row laid out and every cell painted: from the item when the subclass can.
        item = self._item(index) if index.isValid() else None
        if item is not None and (known := self.item_flags(item)) is not None:
            return known
        source = self.mapToSource(index)
        if not source.isValid() or self._source is None:
            return Qt.ItemFlag.NoItemFlags
        return self._source.flags(source)

    def headerData(  # noqa: N802 - Qt's name
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        # The columns are the source's own (the default maps a section through row 0, which an
        # empty filter result does not have).
        if self._source is None:
            return None
        return self._source.headerData(section, orientation, role)

    # --- keeping up with the source -----------------------------------------------------------------
    def setSourceModel(self, model: QAbstractItemModel) -> None:  # noqa: N802 - Qt's name
        for signal, slot in self._connections:
            signal.disconnect(slot)
        self._connections = []
        self.beginResetModel()
        super().setSourceModel(model)
        self._source = model
        if model is not None:
            for about, done in _STRUCTURE_SIGNALS:
                self._connections += [(getattr(model, about), self._source_changing),
                                      (getattr(model, done), self._source_changed)]
            self._connections.append((model.dataChanged, self._source_data_changed))
            self._connections.append((model.headerDataChanged, self.headerDataChanged))
            for signal, slot in self._connections:
                signal.connect(slot)
        self._columns = model.columnCount() if model is not None else 0
        self._build(self._decide(PAGE_ROWS) if model is not None else [])
        self.endResetModel()

    def _source_changing(self, *_args: object) -> None:
        self.beginResetModel()
        self._before_source_change()

    def _source_changed(self, *_args: object) -> None:
        assert self._source is not None
        self._columns = self._source.columnCount()
        self._source_reset()
        self.endResetModel()

    def _before_source_change(self) -> None:
        """The source's rows are about to change (subclasses drop what they read from them)."""

    def _source_reset(self) -> None:
        """The source's rows changed: decide again (subclasses may read the new rows first)."""
        self._build(self._decide(PAGE_ROWS))

    def _source_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex,
                             roles: Sequence[int] = ()) -> None:
        """Rows changed in place (an edit): decided again only while a filter is set (a recorded
        follow-up may take a measure out of "not followed up"), else nothing that passes changes;
        then the rows the view holds are repainted."""
        self.forget_rows(top_left, bottom_right)
        if self.filtering():
            revealed = self._decide(self._limit)
            if revealed != self._items:
                self._relayout(revealed)
        if not top_left.isValid() or self._source is None:
            return
        parent = top_left.parent()
        last = bottom_right.column()
        for row in range(top_left.row(), bottom_right.row() + 1):
            first = self.mapFromSource(self._source.index(row, top_left.column(), parent))
            if first.isValid():
                self.dataChanged.emit(first, self.createIndex(first.row(), last, first.internalId()), list(roles))

    # --- inside ---------------------------------------------------------------------------------------
    def _item(self, index: Index) -> Hashable | None:
        at = index.internalId() - 1
        return self._items[at] if 0 <= at < len(self._items) else None

    def _index_of(self, item: Hashable | None, column: int) -> QModelIndex:
        at = self._ids.get(item) if item is not None else None
        if at is None or not 0 <= column < self._columns:
            return QModelIndex()
        return self.createIndex(self._place[item][1], column, at)

    def _decide(self, limit: int) -> list[Hashable]:
        """Decide what passes; the first ``limit`` items (at least a page) are what the view should hold."""
        self._order = list(self.shown_items())
        self._position = None
        return self._cut(max(PAGE_ROWS, limit))

    def _cut(self, limit: int) -> list[Hashable]:
        """The first ``limit`` items, and the first of what a heading ending them holds."""
        while 0 < limit < len(self._order) and self.is_heading(self._order[limit - 1]):
            limit += 1
        self._limit = limit
        return self._order[:limit]

    def _positions(self) -> dict[Hashable, int]:
        if self._position is None:
            self._position = {item: at for at, item in enumerate(self._order)}
        return self._position

    def _build(self, revealed: Sequence[Hashable]) -> None:
        """Make the view's tree of ``revealed`` (parents before what they hold)."""
        self._rows, self._place, self._ids, self._items, self._sources = {None: []}, {}, {}, [], {}
        self._append(revealed)

    def _append(self, items: Sequence[Hashable]) -> None:
        rows, place, ids, known = self._rows, self._place, self._ids, self._items
        parent_item = self.parent_item
        for item in items:
            above = parent_item(item)
            siblings = rows.get(above)
            if siblings is None:
                siblings = rows[above] = []
            place[item] = (above, len(siblings))
            siblings.append(item)
            known.append(item)
            ids[item] = len(known)

    def _reveal_to(self, limit: int) -> None:
        """Hand the view the first ``limit`` items: the new ones are inserted at the ends of their
        parents (in document order a parent's earlier rows are all revealed already)."""
        held = len(self._items)
        new = self._cut(limit)[held:]
        at = 0
        while at < len(new):
            above = self.parent_item(new[at])
            end = at + 1
            while end < len(new) and self.parent_item(new[end]) == above:
                end += 1
            parent_index = self._index_of(above, 0) if above is not None else QModelIndex()
            first = len(self._rows.get(above, ()))
            self.beginInsertRows(parent_index, first, first + end - at - 1)
            self._append(new[at:end])
            self.endInsertRows()
            at = end
        headings = [item for item in new if self.is_heading(item)]
        if headings:
            self.headingsRevealed.emit(headings)

    def _relayout(self, revealed: list[Hashable]) -> None:
        """The view's rows become ``revealed``: a layout change, its persistent indexes (selection,
        current row, what is open) moved to their items' new places or dropped with them."""
        before = set(self._items)
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        items = [(self._item(index), index.column()) for index in old]
        self._build(revealed)
        self.changePersistentIndexList(old, [self._index_of(item, column) for item, column in items])
        self.layoutChanged.emit()
        headings = [item for item in revealed if item not in before and self.is_heading(item)]
        if headings:
            self.headingsRevealed.emit(headings)


def role_data_items(role_data_span: QModelRoleDataSpan | QModelRoleData) -> Iterable[QModelRoleData]:
    """The roles asked of one ``multiData`` call."""
    if isinstance(role_data_span, QModelRoleData):
        return [role_data_span]
    return cast("Iterable[QModelRoleData]", role_data_span)  # iterable in PySide, not in its stubs


def reveal_while_scrolling(view: QAbstractItemView, proxy: PagedFilterProxy) -> None:
    """Reveal more of ``proxy`` whenever ``view`` is scrolled (or shrinks) to within a screen of its end.

    Checked again after each reveal once the view has laid out (the new rows may all sit under a
    collapsed heading and not lengthen the view).
    """
    bar = view.verticalScrollBar()

    def near_end() -> bool:
        return bar.value() >= bar.maximum() - bar.pageStep()

    def check(*_args: object) -> None:
        if proxy.has_more() and view.isVisible() and near_end():
            proxy.reveal_more()
            QTimer.singleShot(0, view, check)

    bar.valueChanged.connect(check)
    bar.rangeChanged.connect(check)

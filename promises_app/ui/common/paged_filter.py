"""A filter proxy for a long tree that decides in one pass and hands the view its rows a page at a time.

Why: a ``QTreeView`` lays out every row it holds after each change of its model, and with a
model written in Python each row costs it a few calls back into Python (``index``, ``flags``;
about 10 µs a row). At 10 000 measures that is far over what one keystroke may take, whatever
the filter costs. So the pages that show a whole agreement as a tree (the plan, the follow-up
grid) filter like this:

- The filter is decided once per change, in plain Python over the model's own records
  (``shown_items``, in document order: a heading before what it holds), not by Qt asking
  ``filterAcceptsRow`` row by row with formatting and look-ups each time. ``filterAcceptsRow``
  is then one set look-up, and recursive filtering is off (a heading is in the set when
  something under it is).
- Of the rows that pass, the first :data:`PAGE_ROWS` (headings count) are handed to the view;
  the rest follow as the person scrolls near the end (:func:`reveal_while_scrolling`), the way
  ``fetchMore`` feeds the flat list of all measures. Selecting a row further down reveals
  everything up to it (:meth:`PagedFilterProxy.reveal`). Counts ("12 of 10 000 shown") come from
  :meth:`PagedFilterProxy.shown_count`, not from the view.
- A new filter is a model reset of the proxy (the view then lays out only the first page);
  revealing more, and a change of the source's data that changes what passes, are an
  incremental filter change (``beginFilterChange``/``endFilterChange``), so the view keeps its
  scroll position, selection and what is expanded.

Subclasses say what passes (``shown_items``) and how a source row maps to its item
(``item_at``); items are any hashable key of one row (a node object, a tuple of rows).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView

Index = QModelIndex | QPersistentModelIndex

#: Rows handed to the view first: a few screens, laid out in a few milliseconds. Each time the
#: person scrolls near the end as many again are added as it holds (so reaching the end of
#: 10 000 rows takes a handful of steps, not a hundred).
PAGE_ROWS = 100


class PagedFilterProxy(QSortFilterProxyModel):
    """Filters by a set decided in one pass; reveals the rows that pass a page at a time."""

    #: Headings handed to the view by a reveal or a change of the source (not by a new filter,
    #: which resets): sent once the proxy is done, for the page to open them. (Not from the
    #: proxy's own ``rowsInserted``: opening a heading there makes the proxy map its rows while it
    #: is still going through its own, which Qt does not survive.)
    headingsRevealed = Signal(list)  # noqa: N815 - Qt's naming of signals

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(False)  # headings are in the set when something under them is
        self._order: list[Hashable] = []
        self._position: dict[Hashable, int] | None = None
        self._revealed: set[Hashable] = set()
        #: What the proxy filtered with before the source changed (see ``_after_source_change``).
        self._handed: set[Hashable] = set()
        self._limit = PAGE_ROWS

    # --- what subclasses say ------------------------------------------------------------------
    def shown_items(self) -> Sequence[Hashable]:
        """Every item that passes the filter, in the order the view shows them (parents first)."""
        raise NotImplementedError

    def item_at(self, source_row: int, source_parent: Index) -> Hashable:
        """The item of a source row (cheap: this runs once per row the view's parents hold)."""
        raise NotImplementedError

    def is_heading(self, item: Hashable) -> bool:
        """The item holds others (a page never ends on one: it would look empty)."""
        return False

    # --- the filter -----------------------------------------------------------------------------
    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802 - Qt's name
        return self.item_at(source_row, source_parent) in self._revealed

    def shown_count(self) -> int:
        """How many items pass the filter (revealed to the view or not yet)."""
        return len(self._order)

    def is_shown(self, item: Hashable) -> bool:
        """The item passes the filter (it may not be revealed to the view yet)."""
        return item in self._positions()

    def has_more(self) -> bool:
        return self._limit < len(self._order)

    def revealed_count(self) -> int:
        return min(self._limit, len(self._order))

    def change_filter(self, change: Callable[[], None]) -> bool:
        """Apply ``change`` to the filter's settings and decide again; False when the rows the view
        holds stay the same (typing on while the first page still matches: nothing to lay out or
        paint again). Otherwise a reset: the view then lays out only the first page (row-by-row
        removals would cost it far more)."""
        handed = self._revealed
        change()
        self._decide(PAGE_ROWS)
        if self._revealed == handed:
            return False
        revealed, self._revealed = self._revealed, handed  # what the view holds, until the reset begins
        self.beginResetModel()
        self._revealed = revealed
        self.endResetModel()
        return True

    def reveal_more(self) -> None:
        """Hand the view as many more rows as it holds (the person scrolled near the end)."""
        if self.has_more():
            self._refilter(2 * self._limit)

    def reveal(self, item: Hashable) -> bool:
        """Reveal every row up to ``item`` (to select it); False when it does not pass the filter."""
        if item in self._revealed:
            return True
        at = self._positions().get(item)
        if at is None:
            return False
        if at >= self._limit:
            self._refilter(at + 1 + PAGE_ROWS // 4)  # with some rows after it, so it is not last
        return True

    # --- keeping up with the source -----------------------------------------------------------------
    def filtering(self) -> bool:
        """A filter is set (with none, a change of rows' data changes nothing that passes)."""
        return True

    def forget_rows(self, top_left: QModelIndex, bottom_right: QModelIndex) -> None:
        """These source rows' data changed: drop anything read from them (subclasses that keep some)."""

    def setSourceModel(self, model: QAbstractItemModel) -> None:  # noqa: N802 - Qt's name
        # The set is decided again before the proxy's own handlers run (connected first), so the
        # proxy filters new or changed rows with it; a heading that comes or goes with them is
        # seen to after them (connected last).
        old = self.sourceModel()
        if old is not None:
            old.modelReset.disconnect(self._source_reset)
            old.dataChanged.disconnect(self._before_data_change)
            for signal in (old.layoutChanged, old.rowsInserted, old.rowsRemoved):
                signal.disconnect(self._before_source_change)
            for signal in (old.layoutChanged, old.rowsInserted, old.rowsRemoved, old.dataChanged):
                signal.disconnect(self._after_source_change)
        model.modelReset.connect(self._source_reset)
        model.dataChanged.connect(self._before_data_change)
        for signal in (model.layoutChanged, model.rowsInserted, model.rowsRemoved):
            signal.connect(self._before_source_change)
        super().setSourceModel(model)
        for signal in (model.layoutChanged, model.rowsInserted, model.rowsRemoved, model.dataChanged):
            signal.connect(self._after_source_change)
        self._decide(PAGE_ROWS)

    def _source_reset(self) -> None:
        self._decide(PAGE_ROWS)

    def _before_source_change(self, *_args: object) -> None:
        self._handed = self._revealed
        self._decide(self._limit)

    def _before_data_change(self, top_left: QModelIndex, bottom_right: QModelIndex, *_roles: object) -> None:
        """Rows changed in place (an edit): decided again only while a filter is set (a recorded
        follow-up may take a measure out of "not followed up"), else nothing that passes changes."""
        self._handed = self._revealed
        self.forget_rows(top_left, bottom_right)
        if self.filtering():
            self._decide(self._limit)

    def _after_source_change(self, *_args: object) -> None:
        if self._revealed != self._handed:
            self._refilter(self._limit)
        self._handed = self._revealed

    # --- inside ---------------------------------------------------------------------------------------
    def _decide(self, limit: int) -> None:
        self._order = list(self.shown_items())
        self._position = None
        self._cut(max(PAGE_ROWS, limit))

    def _cut(self, limit: int) -> None:
        """Reveal the first ``limit`` items, and the first of what a heading ending them holds."""
        while 0 < limit < len(self._order) and self.is_heading(self._order[limit - 1]):
            limit += 1
        self._limit = limit
        self._revealed = set(self._order[:limit])

    def _positions(self) -> dict[Hashable, int]:
        if self._position is None:
            self._position = {item: at for at, item in enumerate(self._order)}
        return self._position

    def _refilter(self, limit: int) -> None:
        """Reveal the first ``limit`` items: an incremental filter change (rows come, none go)."""
        handed = self._revealed
        begin = getattr(self, "beginFilterChange", None)
        if begin is not None:  # Qt 6.10 and later
            begin()
            self._cut(limit)
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._cut(limit)
            self.invalidateRowsFilter()
        headings = [item for item in self._order[: self._limit] if item not in handed and self.is_heading(item)]
        if headings:
            self.headingsRevealed.emit(headings)


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

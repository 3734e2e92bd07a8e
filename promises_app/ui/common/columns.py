"""Columns that fit a 1280-px screen and stay as the person leaves them.

A table's first column (what a row *is*: a measure's title) fills what the other columns leave,
but never less than a readable minimum; below it, the table scrolls sideways rather than show
"Ge…". A column the person drags wider or narrower keeps that width, per table and column name,
in the settings (the window saves them with its layout and hands them back at start), also after
the page sizes its columns again for another agreement or after an edit. Text that does not fit is
elided, and its tooltip shows the whole of it (:func:`whole_text_tooltips`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QGuiApplication, QHelpEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QToolTip, QTreeView

#: Widths the person chose: table name → column name → pixels (kept in the settings).
_KEPT: dict[str, dict[str, int]] = {}


def kept_widths() -> dict[str, dict[str, int]]:
    """What to save with the window's layout (a copy)."""
    return {table: dict(columns) for table, columns in _KEPT.items()}


def restore_widths(widths: dict[str, dict[str, int]]) -> None:
    """The widths saved last time (before the pages size their columns)."""
    _KEPT.clear()
    for table, columns in widths.items():
        _KEPT[table] = {str(name): int(width) for name, width in columns.items() if int(width) > 0}


class FittedColumns(QObject):
    """``view``'s columns: ``first`` fills the room the others leave, at least ``minimum`` pixels;
    widths the person sets are kept under ``table``. The page sizes its columns inside
    :meth:`sizing`, after which the kept widths are put back."""

    def __init__(self, view: QTreeView | QTableView, table: str, *, first: int = 0, minimum: int) -> None:
        super().__init__(view)
        self.view = view
        self.table = table
        self.first = first
        self.minimum = minimum
        self._busy = 0
        header = self.header
        header.setObjectName(f"columns:{table}")
        header.setStretchLastSection(False)
        header.sectionResized.connect(self._resized)
        view.viewport().installEventFilter(self)

    @property
    def header(self) -> QHeaderView:
        """Asked of the view each time: a wrapper kept from before may have been let go of by PySide."""
        return self.view.header() if isinstance(self.view, QTreeView) else self.view.horizontalHeader()

    @contextmanager
    def sizing(self) -> Iterator[None]:
        """The page sets its columns' widths (not the person); then the kept ones, then the fit."""
        self._busy += 1
        try:
            yield
        finally:
            self._busy -= 1
        self.apply_kept()

    def name(self, section: int) -> str:
        model = self.header.model()
        if model is None:
            return str(section)
        value = model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        return str(value) if value is not None else str(section)

    def apply_kept(self) -> None:
        """The widths the person chose, then the first column fitted to what is left."""
        kept = _KEPT.get(self.table, {})
        self._busy += 1
        try:
            self.header.setSectionResizeMode(self.first, QHeaderView.ResizeMode.Interactive)
            for section in range(self.header.count()):
                width = kept.get(self.name(section))
                if width is not None and section != self.first:
                    self.header.setSectionResizeMode(section, QHeaderView.ResizeMode.Interactive)
                    self.header.resizeSection(section, width)
        finally:
            self._busy -= 1
        self.fit()

    def fit(self) -> None:
        """The first column: the person's width if they chose one, else what the others leave,
        never under the minimum."""
        if self.header.count() <= self.first:
            return
        chosen = _KEPT.get(self.table, {}).get(self.name(self.first))
        others = sum(self.header.sectionSize(s) for s in range(self.header.count())
                     if s != self.first and not self.header.isSectionHidden(s))
        room = self.view.viewport().width() - others
        width = max(self.minimum, chosen if chosen is not None else room)
        interactive = QHeaderView.ResizeMode.Interactive
        if width != self.header.sectionSize(self.first) or self.header.sectionResizeMode(self.first) != interactive:
            self._busy += 1
            try:
                self.header.setSectionResizeMode(self.first, interactive)  # sized here, not by Qt
                self.header.resizeSection(self.first, width)
            finally:
                self._busy -= 1

    def _resized(self, section: int, _old: int, new: int) -> None:
        if self._busy:
            return  # the page's own sizing
        dragged = bool(QGuiApplication.mouseButtons() & Qt.MouseButton.LeftButton)
        if not dragged or self.header.sectionResizeMode(section) != QHeaderView.ResizeMode.Interactive:
            # Qt's own sizing (a column fitting its contents, a new model): not the person's choice
            if section != self.first:
                self.fit()
            return
        if section == self.first and new < self.minimum:
            new = self.minimum
        _KEPT.setdefault(self.table, {})[self.name(section)] = new
        if section != self.first:
            self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return super().eventFilter(watched, event)


class _WholeTextTips(QObject):
    """Shows a cell's whole text as its tooltip when the view elides it (and the model has no tip)."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.view = view
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.view.indexAt(event.pos())
            tip = elided_tip(self.view, index)
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.view.viewport(), self.view.visualRect(index))
                return True
        return super().eventFilter(watched, event)


def elided_tip(view: QAbstractItemView, index: QModelIndex) -> str:
    """The whole text of ``index`` when it does not fit its cell (and the model has no tip of its own)."""
    if not index.isValid() or index.data(Qt.ItemDataRole.ToolTipRole):
        return ""
    text = index.data(Qt.ItemDataRole.DisplayRole)
    if not isinstance(text, str) or not text:
        return ""
    room = view.visualRect(index).width() - 8  # the cell's margins
    icon = index.data(Qt.ItemDataRole.DecorationRole)
    if icon is not None:
        room -= view.iconSize().width() + 4 if view.iconSize().isValid() else 20
    widest = max(view.fontMetrics().horizontalAdvance(line) for line in text.splitlines() or [text])
    return text if widest > room else ""


def whole_text_tooltips(view: QAbstractItemView) -> None:
    """Every cell of ``view`` that is cut off shows its whole text when the pointer rests on it."""
    _WholeTextTips(view)

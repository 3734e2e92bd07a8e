"""The window's page tabs: a ``QTabWidget`` that does not repaint every page when one changes inside.

Qt's ``QTabWidget`` answers every ``LayoutRequest`` by placing its tab bar and pages again and
repainting all of itself (``QTabWidget::setUpLayout`` ends with ``update()``). A page sends one up
whenever a widget on it changes what it asks for (``QLayout::activate`` calls the parent's
``updateGeometry()`` unconditionally), and a label does that each time its text is set: typing in
a page's search field, which changes its "12 of 10 000 shown" count, repainted the whole page
(tree, history panel, filter bar) on every keystroke, about 10 ms at 1366×768.

Where the tab bar and the pages go depends only on the tab widget's own size, its tab bar's and
its corner widgets' size hints (the pages fill what is left, whatever they ask for). So a request
that changes none of those only passes on the pages' new size hints to the window
(``updateGeometry``); the page itself has already been laid out again by its own layout.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import QTabWidget, QWidget

_CORNERS = (Qt.Corner.TopLeftCorner, Qt.Corner.TopRightCorner, Qt.Corner.BottomLeftCorner,
            Qt.Corner.BottomRightCorner)


class PageTabs(QTabWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._placed_for: tuple[object, ...] | None = None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest and self.isVisible():
            placing = self._placing()
            if placing == self._placed_for:
                self.updateGeometry()  # the window still learns what the pages now ask for
                return True
            self._placed_for = placing
        return super().event(event)

    def _placing(self) -> tuple[object, ...]:
        """What the places of the tab bar and the pages are worked out from."""
        corners: list[QSize | None] = []
        for corner in _CORNERS:
            widget = self.cornerWidget(corner)
            corners.append(widget.sizeHint() if widget is not None and widget.isVisible() else None)
        bar = self.tabBar()
        return (self.size(), bar.sizeHint(), bar.isVisibleTo(self), self.tabPosition(), self.documentMode(), *corners)

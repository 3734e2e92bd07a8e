"""The window's page tabs (ui/shell/page_tabs.py): a label changing its text on a page (the
"12 of 10 000 shown" count as you type) must not repaint the whole page, and a page that needs more
room must still get it."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QTabWidget, QVBoxLayout, QWidget

from promises_app.ui.shell.page_tabs import PageTabs


class PaintCounter(QObject):
    def __init__(self, watched: QWidget) -> None:
        super().__init__(watched)
        self.paints = 0
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def page_with_a_count(tabs: QTabWidget) -> tuple[QLabel, QComboBox]:
    page = QWidget()
    layout = QVBoxLayout(page)
    combo = QComboBox()
    combo.addItem("Alla statusar")
    count = QLabel()
    layout.addWidget(combo)
    layout.addWidget(count)
    tabs.addTab(page, "Uppföljning")
    tabs.resize(900, 500)
    tabs.show()
    return count, combo


def combo_paints_while_counting(qtbot, tabs: QTabWidget) -> int:  # type: ignore[no-untyped-def]
    qtbot.addWidget(tabs)
    count, combo = page_with_a_count(tabs)
    qtbot.waitExposed(tabs)
    QApplication.processEvents()
    counter = PaintCounter(combo)
    for shown in (10000, 7353, 412, 9, 10000):
        count.setText(f"{shown} av 10000 åtgärder visas")
        QApplication.processEvents()
        QApplication.processEvents()
    return counter.paints


def test_a_label_changing_on_a_page_does_not_repaint_the_rest_of_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    # Qt's own tab widget repaints all of itself when a page's label changes (why PageTabs exists) …
    assert combo_paints_while_counting(qtbot, QTabWidget()) > 0
    # … ours leaves the rest of the page alone.
    assert combo_paints_while_counting(qtbot, PageTabs()) == 0


def places(tabs_class: type[QTabWidget]) -> list[tuple[object, ...]]:
    """Where the tab bar, the page and its widgets end up, and what the window is asked for, after
    each of a series of changes on a page and of the tabs."""
    holder = QWidget()
    tabs = tabs_class()
    QVBoxLayout(holder).addWidget(tabs)
    page = QWidget()
    inner = QVBoxLayout(page)
    count = QLabel()
    wide = QLabel("Trygghetsvandring")
    inner.addWidget(count)
    inner.addWidget(wide)
    tabs.addTab(page, "Plan")
    tabs.addTab(QWidget(), "Uppföljning")
    holder.resize(500, 300)
    holder.show()
    changes = [
        lambda: count.setText("12 av 10000 åtgärder visas"),
        lambda: count.setText("3 av 10000 åtgärder visas"),
        lambda: wide.setMinimumWidth(700),  # the page needs more room than the window has
        lambda: holder.resize(900, 400),
        lambda: tabs.setTabText(1, "Uppföljning av åtgärderna"),  # the tab bar asks for more
        lambda: wide.setMinimumHeight(500),
        lambda: count.setText(""),
        lambda: holder.resize(1000, 700),
    ]
    seen = []
    for change in changes:
        change()
        for _ in range(3):
            QApplication.processEvents()
        seen.append((tabs.tabBar().geometry(), page.geometry(), wide.geometry(), count.geometry(),
                     tabs.minimumSizeHint(), holder.minimumSizeHint()))
    holder.close()
    holder.deleteLater()
    return seen


def test_pages_and_tabs_are_placed_as_qt_places_them(qtbot) -> None:  # type: ignore[no-untyped-def]
    assert places(PageTabs) == places(QTabWidget)

"""The agreements of the database as a tree: cooperation agreements with their promise documents.

The tree is filled once per list, and a list of a thousand agreements must not cost much more
than an empty one (docs/architecture.md, "The window"): the words for kinds and states and the
dates are put into words once per distinct value, and a title is wrapped by a plain greedy
wrap where that gives what ``textwrap`` gives (single spaces, no hyphens, no over-long word).
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Hashable
from datetime import date
from typing import TypeVar

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from promises_app.services.agreement_list import AgreementSummary
from promises_app.ui.common.formatting import format_date
from promises_app.ui.common.labels import label

#: Characters per line of an agreement's title in the tree.
TITLE_LINE_LENGTH = 40
#: The agreement's id on every item of its row.
AGREEMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: What the search above the tree looks in: the title unwrapped, the kind, the dates and the state.
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2


class AgreementTreeModel(QStandardItemModel):
    """One column: the title (period and state in the tooltip; the page beside it shows the rest)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        #: What the tree shows, as read (so a caller can tell whether the list changed).
        self.agreements: list[AgreementSummary] = []
        self._items: dict[int, QStandardItem] = {}
        self._headers()

    def _headers(self) -> None:
        self.setHorizontalHeaderLabels([self.tr("Agreements")])

    def set_agreements(self, agreements: list[AgreementSummary]) -> None:
        """Replace the tree (agreements come in tree order: parents before their documents)."""
        self.clear()
        self._headers()
        self.agreements = list(agreements)
        self._items = {}
        words: Callable[[object], str] = _once(label)
        dates: Callable[[date], str] = _once(format_date)
        tip = self.tr("%1\n%2 – %3\n%4, revision %5")
        top: list[QStandardItem] = []
        for agreement in agreements:
            kind, state = words(agreement.kind), words(agreement.state)
            item = QStandardItem(wrapped_title(agreement.title))
            item.setEditable(False)
            item.setData(agreement.id, AGREEMENT_ID_ROLE)
            item.setData(
                f"{agreement.title} {kind} {agreement.start_date.year} {agreement.end_date.year} {state}", SEARCH_ROLE
            )
            item.setToolTip(
                tip.replace("%1", kind).replace("%2", dates(agreement.start_date))
                .replace("%3", dates(agreement.end_date)).replace("%4", state).replace("%5", str(agreement.revision))
            )
            container = self._items.get(agreement.parent_id) if agreement.parent_id else None
            if container is not None:
                container.appendRow(item)  # not in the model yet: no signal per row
            else:
                top.append(item)
            self._items[agreement.id] = item
        self.invisibleRootItem().appendRows(top)  # one insertion for the proxy and the view to follow

    def index_of(self, agreement_id: int) -> QModelIndex:
        item = self._items.get(agreement_id)
        return self.indexFromItem(item) if item is not None else QModelIndex()


def wrapped_title(title: str) -> str:
    """The title broken onto lines of at most TITLE_LINE_LENGTH characters, as ``textwrap.wrap``
    breaks it (tree views do not re-wrap their first column)."""
    words = title.split(" ")
    # (the checks in C: this runs for every agreement listed before the first window)
    if "" in words or "-" in title or max(map(len, words)) > TITLE_LINE_LENGTH or not title.isprintable():
        return "\n".join(textwrap.wrap(title, TITLE_LINE_LENGTH)) or title  # the general case
    lines = [words[0]]
    for word in words[1:]:
        if len(lines[-1]) + 1 + len(word) <= TITLE_LINE_LENGTH:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines)


_Key = TypeVar("_Key", bound=Hashable)


def _once(make: Callable[[_Key], str]) -> Callable[[_Key], str]:
    """``make`` remembered per value (a list repeats a few kinds, states and dates many times)."""
    made: dict[_Key, str] = {}

    def text(value: _Key) -> str:
        found = made.get(value)
        if found is None:
            found = made[value] = make(value)
        return found

    return text

"""The agreements of the database as a tree: cooperation agreements with their promise documents."""

from __future__ import annotations

import textwrap

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from promises_app.services.records import AgreementSummary
from promises_app.ui.formatting import format_date
from promises_app.ui.labels import label

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
        self._headers()

    def _headers(self) -> None:
        self.setHorizontalHeaderLabels([self.tr("Agreements")])

    def set_agreements(self, agreements: list[AgreementSummary]) -> None:
        """Replace the tree (agreements come in tree order: parents before their documents)."""
        self.clear()
        self._headers()
        self.agreements = list(agreements)
        parents: dict[int, QStandardItem] = {}
        for agreement in agreements:
            row = self._row(agreement)
            container = parents.get(agreement.parent_id) if agreement.parent_id else None
            (container or self.invisibleRootItem()).appendRow(row)
            parents[agreement.id] = row[0]

    def _row(self, agreement: AgreementSummary) -> list[QStandardItem]:
        # Tree views do not re-wrap their first column, so long titles are broken onto lines here.
        item = QStandardItem("\n".join(textwrap.wrap(agreement.title, TITLE_LINE_LENGTH)) or agreement.title)
        item.setEditable(False)
        item.setData(agreement.id, AGREEMENT_ID_ROLE)
        item.setData(
            " ".join([agreement.title, label(agreement.kind), str(agreement.start_date.year),
                      str(agreement.end_date.year), label(agreement.state)]),
            SEARCH_ROLE,
        )
        item.setToolTip(
            self.tr("%1\n%2 – %3\n%4, revision %5")
            .replace("%1", label(agreement.kind))
            .replace("%2", format_date(agreement.start_date))
            .replace("%3", format_date(agreement.end_date))
            .replace("%4", label(agreement.state))
            .replace("%5", str(agreement.revision))
        )
        return [item]

    def index_of(self, agreement_id: int) -> QModelIndex:
        matches = self.match(
            self.index(0, 0), AGREEMENT_ID_ROLE, agreement_id, 1,
            Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive,
        )
        return matches[0] if matches else QModelIndex()

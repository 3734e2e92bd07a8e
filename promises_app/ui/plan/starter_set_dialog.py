"""Pick from the starter set: common promises, measures and indicators, ticked in one list.

The list has two groups, "Löften och åtgärder" (each promise with its measures: ticking a
promise ticks its measures) and "Indikatorer". "Lägg till" writes the ticked ones through
``services.starter_set.add`` (one transaction) and pushes one undo step
(starter_set_commands.py). While the agreement is signed its plan is locked: the promises
cannot be picked (the dialog says why), the indicators still can, since they are not part of
the signed document.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from promises_app.domain.errors import AppError
from promises_app.services import Services
from promises_app.services.starter_set import StarterAdded, StarterCatalogue
from promises_app.ui.common.forms import ERROR_STYLE
from promises_app.ui.common.undo_commands import Report
from promises_app.ui.plan.starter_set_commands import AddFromStarterSetCommand

#: The key of a measure or an indicator, on its item.
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
CHECKABLE = Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class StarterSetDialog(QDialog):
    def __init__(
        self, services: Services, undo_stack: QUndoStack, agreement_id: int, *, plan_locked: bool,
        parent: QWidget | None = None, report: Report | None = None,
    ) -> None:
        """``report``: where a later undo or redo that is refused says why (the page's notice)."""
        super().__init__(parent)
        self._report = report
        self.services = services
        self.undo_stack = undo_stack
        self.agreement_id = agreement_id
        self.added: StarterAdded | None = None
        self.setWindowTitle(self.tr("Pick from the starter set"))
        self.resize(900, 580)
        catalogue = services.starter_set.catalogue()

        intro = QLabel(self.tr(
            "Tick the promises, measures and indicators that fit your agreement. They are added as drafts "
            "you can change: the measures run over the agreement's whole period, owned by the party of the "
            "kind that usually carries them out. One undo (Ctrl+Z) takes them all back."))
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setVisible(False)

        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(self.tr("The starter set"))
        self.tree.setUniformRowHeights(True)
        self._fill(catalogue, plan_locked=plan_locked)
        self.tree.itemChanged.connect(lambda _item, _column: self._update())

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.add_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.add_button.setText(self.tr("&Add"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.add_picked)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self._update()

    def _fill(self, catalogue: StarterCatalogue, *, plan_locked: bool) -> None:
        self._measure_items: list[QTreeWidgetItem] = []
        self._indicator_items: list[QTreeWidgetItem] = []
        self.promises_group = QTreeWidgetItem(self.tree, [self.tr("Promises and measures")])
        if plan_locked:
            self.promises_group.setText(0, self.tr(
                "Promises and measures (the agreement is signed: its plan is locked)"))
            self.promises_group.setFlags(Qt.ItemFlag.NoItemFlags)
        for promise in catalogue.promises:
            item = QTreeWidgetItem(self.promises_group, [self.tr("… promise to %1").replace("%1", promise.text)])
            item.setToolTip(0, promise.text)
            if plan_locked:
                item.setFlags(Qt.ItemFlag.NoItemFlags)
            else:
                item.setFlags(CHECKABLE | Qt.ItemFlag.ItemIsAutoTristate)
                item.setCheckState(0, Qt.CheckState.Unchecked)
            for measure in promise.measures:
                child = QTreeWidgetItem(item, [measure.title])
                child.setData(0, KEY_ROLE, measure.key)
                self._measure_items.append(child)
                child.setToolTip(0, measure.description or measure.title)
                if plan_locked:
                    child.setFlags(Qt.ItemFlag.NoItemFlags)
                else:
                    child.setFlags(CHECKABLE)
                    child.setCheckState(0, Qt.CheckState.Unchecked)
        self.indicators_group = QTreeWidgetItem(self.tree, [self.tr("Indicators for the situational picture")])
        for indicator in catalogue.indicators:
            shown = indicator.name if indicator.unit.casefold() in indicator.name.casefold() else \
                f"{indicator.name} ({indicator.unit})"
            item = QTreeWidgetItem(self.indicators_group, [shown])
            item.setData(0, KEY_ROLE, indicator.key)
            self._indicator_items.append(item)
            item.setToolTip(0, indicator.description)
            item.setFlags(CHECKABLE)
            item.setCheckState(0, Qt.CheckState.Unchecked)
        self.tree.expandAll()

    def measure_items(self) -> list[QTreeWidgetItem]:
        return list(self._measure_items)

    def indicator_items(self) -> list[QTreeWidgetItem]:
        return list(self._indicator_items)

    @staticmethod
    def _ticked(items: list[QTreeWidgetItem]) -> list[str]:
        return [str(item.data(0, KEY_ROLE)) for item in items if item.checkState(0) == Qt.CheckState.Checked]

    def picked(self) -> tuple[list[str], list[str]]:
        """The ticked measures' and indicators' keys."""
        return self._ticked(self.measure_items()), self._ticked(self.indicator_items())

    def _update(self) -> None:
        measures, indicators = self.picked()
        self.add_button.setEnabled(bool(measures or indicators))
        self.add_button.setText(
            self.tr("&Add (measures: %1, indicators: %2)").replace("%1", str(len(measures)))
            .replace("%2", str(len(indicators)))
        )

    def add_picked(self) -> None:
        """Add the ticked items (one transaction), then push them as one undo step already done; a
        refusal is shown here and the dialog stays open with the ticks."""
        measures, indicators = self.picked()
        try:
            added = self.services.starter_set.add(self.agreement_id, measure_keys=measures, indicator_keys=indicators)
        except AppError as error:
            self.error_label.setText(str(error))
            self.error_label.setVisible(True)
            return
        self.undo_stack.push(AddFromStarterSetCommand(self.services, added, self._report))
        self.added = added
        self.accept()

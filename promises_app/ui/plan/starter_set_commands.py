"""The undo step of the starter set: everything picked in the dialog comes and goes as one."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from promises_app.services import Services
from promises_app.services.starter_set import StarterAdded
from promises_app.ui.common.formatting import fill
from promises_app.ui.common.undo_commands import DoneOnPush, Report


class AddFromStarterSetCommand(DoneOnPush):
    """Undo takes back what the starter set added (``starter_set.take_back``, one transaction);
    redo adds the same picks again (``starter_set.add``), under new ids: a later command that
    names one of those rows is refused with its message rather than changing another row."""

    def __init__(self, services: Services, added: StarterAdded, report: Report | None = None) -> None:
        super().__init__(
            fill(QCoreApplication.translate("StarterSetCommands", "Add from the starter set (measures: %1, "
                                            "indicators: %2)"), len(added.measure_keys), len(added.indicator_keys)),
            report,
        )
        self.services = services
        self.added = added

    def revert(self) -> None:
        self.services.starter_set.take_back(self.added)

    def apply(self) -> None:
        self.added = self.services.starter_set.add(
            self.added.agreement_id, measure_keys=self.added.measure_keys, indicator_keys=self.added.indicator_keys
        )

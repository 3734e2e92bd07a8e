"""Undo commands of the report dialog: a period's "Nästa steg" stored with its follow-up.

Follows :class:`~promises_app.ui.common.undo_commands.DoneOnPush`: the text is stored through the
services first, then pushed already done. Undo and redo put back the text before and after
(``services.period_follow_ups.set_next_steps``), each checking that the row is still as this window
left it. The row stays once made (an empty text is "none"), so undo never has to follow a row
made again under another id.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from promises_app.services import Services
from promises_app.services.period_follow_ups import PeriodFollowUpRecord
from promises_app.ui.common.formatting import fill
from promises_app.ui.common.undo_commands import DoneOnPush, Report


class SetNextStepsCommand(DoneOnPush):
    """A period's "Nästa steg" changed from ``before`` to what ``after`` holds."""

    def __init__(
        self, services: Services, before: str, after: PeriodFollowUpRecord, report: Report | None = None
    ) -> None:
        super().__init__(
            fill(QCoreApplication.translate("ReportCommands", "next steps for %1"), after.period), report
        )
        self.services = services
        self.agreement_id = after.agreement_id
        self.period = after.period
        self.before = before
        self.after = after.next_steps
        #: The row as this command last left it: its id and version.
        self.row_id = after.id
        self.version = after.version

    def apply(self) -> None:
        self._put(self.after)

    def revert(self) -> None:
        self._put(self.before)

    def _put(self, text: str) -> None:
        expected = self.known_version("period_follow_ups", self.row_id, self.version)
        record = self.services.period_follow_ups.set_next_steps(
            self.agreement_id, self.period, text, expected_version=expected
        )
        self.row_id, self.version = record.id, record.version

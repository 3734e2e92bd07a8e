"""Undo commands of the "Uppföljning" page, on the window's one QUndoStack.

Each follows :class:`~promises_app.ui.common.undo_commands.DoneOnPush`: the edit is made through the
services first, then pushed already done. An undo or redo of one follow-up that finds it changed
by someone else shows the conflict dialog (``RecordFollowUpCommand.conflict``). Undo and redo put
the follow-ups back exactly as they were (values and time stamp; a follow-up that did not exist
is removed) with one service call, ``services.follow_ups.put_back``, keyed by measure and period,
so a follow-up removed by undo and made again by redo needs no id to be followed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from promises_app.services import Services
from promises_app.services.followups import CopiedFollowUp, CopyResult, FollowUpState
from promises_app.services.records import FollowUpRecord, RowNow
from promises_app.ui.common.conflict_dialog import Conflict
from promises_app.ui.common.formatting import fill
from promises_app.ui.common.undo_commands import DoneOnPush, Report, short
from promises_app.ui.followup.follow_up_conflict import follow_up_conflict, values_of

if TYPE_CHECKING:
    from promises_app.services.owner_reports import OwnerReportResult


class RecordFollowUpCommand(DoneOnPush):
    """One follow-up recorded or changed; undo restores the one before (or removes the new one)."""

    def __init__(
        self,
        services: Services,
        measure_title: str,
        before: FollowUpRecord | None,
        after: FollowUpRecord,
        report: Report | None = None,
    ) -> None:
        super().__init__(
            fill(
                QCoreApplication.translate("FollowUpCommands", "follow up «%1» for %2"),
                short(measure_title), after.period,
            ),
            report,
        )
        self.services = services
        self.measure_title = measure_title
        self.measure_id = after.measure_id
        self.period = after.period
        self.before = before
        self.after = after
        #: The follow-up as this command last left it: its id and version (None and 0: none).
        self.row_id: int | None = after.id
        self.version = after.version

    def revert(self) -> None:
        self._put(self.before)

    def apply(self) -> None:
        self._put(self.after)

    def conflict(self, now: RowNow, *, undoing: bool) -> Conflict | None:
        """Their follow-up beside the one this undo (redo) would put back."""
        if now.table != "follow_ups":
            return None
        theirs = now.record if isinstance(now.record, FollowUpRecord) else None
        wanted = self.before if undoing else self.after
        counted = any(r is not None and r.count_achieved is not None for r in (theirs, wanted))
        return follow_up_conflict(self.measure_title, self.period, theirs, values_of(wanted), counted=counted,
                                  last_change=now.last_change, mine_gone=wanted is None, step=True)

    def take_version(self, now: RowNow) -> None:
        """Behåll mitt: put back over the follow-up as it is now."""
        record = now.record if isinstance(now.record, FollowUpRecord) else None
        self.row_id, self.version = (record.id, record.version) if record is not None else (None, 0)

    def _put(self, wanted: FollowUpRecord | None) -> None:
        """The follow-up to ``wanted``, if it is still as this command left it (else ConflictError)."""
        expected = self.known_version("follow_ups", self.row_id, self.version)
        (now,) = self.services.follow_ups.put_back(
            [FollowUpState(self.measure_id, self.period, wanted, expected_version=expected)]
        )
        self.row_id, self.version = (now.id, now.version) if now is not None else (None, 0)


class CopyPreviousPeriodCommand(DoneOnPush):
    """The previous period's status copied into one period for several measures: one step to undo."""

    def __init__(self, services: Services, period: str, result: CopyResult, report: Report | None = None) -> None:
        count = len(result.copied)
        text = (
            QCoreApplication.translate("FollowUpCommands", "copy the previous period's status into %1 (1 measure)")
            if count == 1
            else QCoreApplication.translate(
                "FollowUpCommands", "copy the previous period's status into %1 (%2 measures)"
            )
        )
        super().__init__(fill(text, period, count), report)
        self.services = services
        self.result = result
        #: Each copied follow-up as this command last left it: id and version (None and 0: none).
        self.row_ids: list[int | None] = [c.after.id for c in result.copied]
        self.versions = [c.after.version for c in result.copied]

    def revert(self) -> None:
        self._put([c.before for c in self.result.copied])

    def apply(self) -> None:
        self._put([c.after for c in self.result.copied])

    def _put(self, wanted: list[FollowUpRecord | None]) -> None:
        """Each copied follow-up to ``wanted``, if all are still as this command left them."""
        copied = self.result.copied
        expected = [self.known_version("follow_ups", row_id, version)
                    for row_id, version in zip(self.row_ids, self.versions, strict=True)]
        now = self.services.follow_ups.put_back(
            [FollowUpState(c.measure_id, c.period, w, expected_version=v)
             for c, w, v in zip(copied, wanted, expected, strict=True)]
        )
        self.row_ids = [r.id if r is not None else None for r in now]
        self.versions = [r.version if r is not None else 0 for r in now]


class SetFollowUpsCommand(DoneOnPush):
    """One field set for several measures' follow-ups at once (the status of the selected rows):
    one step to undo, each follow-up put back as it was (or removed, if the step made it)."""

    def __init__(self, services: Services, text: str, written: tuple[CopiedFollowUp, ...],
                 report: Report | None = None) -> None:
        super().__init__(text, report)
        self.services = services
        self.written = written
        self.row_ids: list[int | None] = [c.after.id for c in written]
        self.versions = [c.after.version for c in written]

    def revert(self) -> None:
        self._put([c.before for c in self.written])

    def apply(self) -> None:
        self._put([c.after for c in self.written])

    def _put(self, wanted: list[FollowUpRecord | None]) -> None:
        """Each follow-up to ``wanted``, if all are still as this command left them (one transaction)."""
        expected = [self.known_version("follow_ups", row_id, version)
                    for row_id, version in zip(self.row_ids, self.versions, strict=True)]
        now = self.services.follow_ups.put_back(
            [FollowUpState(c.measure_id, c.period, w, expected_version=v)
             for c, w, v in zip(self.written, wanted, expected, strict=True)]
        )
        self.row_ids = [r.id if r is not None else None for r in now]
        self.versions = [r.version if r is not None else 0 for r in now]


class ReadOwnerReportsCommand(SetFollowUpsCommand):
    """The owners' report packs read in: every follow-up they wrote is one step to undo.

    Undo puts each follow-up back as it was before the packs were read (or removes one they
    made), redo writes the owners' values again; both with ``put_back``, refused when any of
    them changed since (nothing is then written).
    """

    def __init__(self, services: Services, period: str, result: OwnerReportResult,
                 report: Report | None = None) -> None:
        text = fill(QCoreApplication.translate("FollowUpCommands", "read report packs for %1 (%2 follow-ups)"),
                    period, len(result.written))
        super().__init__(services, text, result.written, report)

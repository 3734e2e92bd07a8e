"""Every edit is a QUndoCommand on the window's one QUndoStack.

An edit is carried out first (so a refused edit never reaches the stack and its form can
show why), then pushed already done: the first ``redo()`` Qt makes on push is skipped.
Undo and redo call the same services again, each as one transaction. An undo or redo that finds
a row changed by someone else shows the conflict dialog when its command can say what it would
write (``DoneOnPush.conflict``; ui/common/operations.py, ``replay``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from promises_app.domain.changes import Changes
from promises_app.domain.errors import AppError
from promises_app.services import Services
from promises_app.services.records import OrganisationRecord

if TYPE_CHECKING:
    from promises_app.services.records import RowNow
    from promises_app.ui.common.conflict_dialog import Conflict
    from promises_app.ui.common.operations import Operations

Report = Callable[[str], None]


#: How much of a text an undo label quotes.
LABEL_LENGTH = 40


class Ref:
    """The id of a row as the undo history knows it; redo making the row again moves it."""

    __slots__ = ("id",)

    def __init__(self, row_id: int) -> None:
        self.id = row_id

    def __repr__(self) -> str:
        return f"Ref({self.id})"


class Refs:
    """One Ref per live row and kind, so every command about the same row shares it."""

    def __init__(self) -> None:
        self._live: dict[tuple[str, int], Ref] = {}

    def of(self, kind: str, row_id: int) -> Ref:
        ref = self._live.get((kind, row_id))
        if ref is None:
            ref = self._live[(kind, row_id)] = Ref(row_id)
        return ref

    def moved(self, kind: str, ref: Ref, new_id: int) -> None:
        """The row was made again under ``new_id``."""
        if self._live.get((kind, ref.id)) is ref:
            del self._live[(kind, ref.id)]
        ref.id = new_id
        self._live[(kind, new_id)] = ref

    def forget(self, kind: str, ref: Ref) -> None:
        """The row was deleted: a new row that gets the same id is another row, with a Ref of its own."""
        if self._live.get((kind, ref.id)) is ref:
            del self._live[(kind, ref.id)]

    def clear(self) -> None:
        self._live.clear()


def short(text: str) -> str:
    """The first line of ``text``, its spaces evened out, shortened for an undo label."""
    line = next((" ".join(line.split()) for line in text.splitlines() if line.strip()), "")
    return line if len(line) <= LABEL_LENGTH else line[: LABEL_LENGTH - 1].rstrip() + "…"


class DoneOnPush(QUndoCommand):
    """A command whose action was already carried out when it is pushed.

    Subclasses implement ``apply`` (do it again) and ``revert`` (take it back). Pushed on the
    window's :class:`~promises_app.ui.common.operations.Operations`, the command learns which rows its
    action wrote (``touched``); its undo and redo then run through the runner, which checks that
    those rows are still as this window left them, collects what changed and emits it once. If
    either is refused (a conflict, or say the organisation is now in use), ``report`` is told
    why and the command is made obsolete, so the stack drops it instead of claiming a state
    that is not so.
    """

    def __init__(self, text: str, report: Report | None = None) -> None:
        super().__init__(text)
        self._pushed = False
        self._report = report
        self._ops: Operations | None = None
        #: The rows (table, id) this command's action, undo or redo wrote.
        self.touched: set[tuple[str, int]] = set()
        self._skip_once = False

    def attach(self, ops: Operations, changes: Changes) -> None:
        """Pushed on the runner, right after its action wrote ``changes``."""
        self._ops = ops
        self.touched = {(row.table, row.row_id) for row in changes.rows}

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        if self._skip_once:
            self._skip_once = False
            return
        self._run(self.apply, undoing=False)

    def undo(self) -> None:
        if self._skip_once:
            self._skip_once = False
            return
        self._run(self.revert, undoing=True)

    def skip_once(self, skip: bool = True) -> None:
        """The next undo or redo only moves the stack's index: a cancelled conflict puts the
        command back where it was (``Operations.replay``) without writing anything."""
        self._skip_once = skip

    def _run(self, action: Callable[[], None], *, undoing: bool) -> None:
        if self._ops is not None:
            self._ops.replay(self, action, undoing=undoing)
            return
        try:  # a stack without the runner (a test of a command alone)
            action()
        except AppError as error:
            self.refused(error)

    def known_version(self, table: str, row_id: int | None, fallback: int) -> int:
        """The version this window last wrote of a row (``fallback`` outside the runner, or for a
        row it never wrote): what an undo or redo expects to find, 0 for no row."""
        if row_id is None:
            return fallback
        if self._ops is not None:
            known = self._ops.known_version(table, row_id)
            if known is not None:
                return known
        return fallback

    def refused(self, error: AppError) -> None:
        """The undo or redo could not be carried out: leave the stack, say why."""
        self.setObsolete(True)
        if self._report is not None:
            self._report(str(error))

    def conflict(self, now: RowNow, *, undoing: bool) -> Conflict | None:
        """What the conflict dialog shows when this undo (``undoing``) or redo finds ``now`` changed
        by someone else: their values beside what this step would write. None (the default): the
        step is refused as before, with the message only."""
        return None

    def take_version(self, now: RowNow) -> None:
        """Behåll mitt: the next try writes over the row as it is ``now`` (a command that keeps its
        own idea of the row's version updates it here)."""

    def apply(self) -> None:  # pragma: no cover - every command overrides it
        raise NotImplementedError

    def revert(self) -> None:  # pragma: no cover - every command overrides it
        raise NotImplementedError


class CreateOrganisationCommand(DoneOnPush):
    """Undo deletes the new organisation; redo puts it back under the same id."""

    def __init__(self, services: Services, created: OrganisationRecord, report: Report | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("UndoCommands", "Add organisation %1").replace("%1", created.name),
            report,
        )
        self.services = services
        self.record = created

    def revert(self) -> None:
        self.services.register.delete_organisation(self.record.id)

    def apply(self) -> None:
        self.record = self.services.register.recreate_organisation(self.record)


class UpdateOrganisationCommand(DoneOnPush):
    """Undo puts the old values back; redo the new ones."""

    def __init__(
        self,
        services: Services,
        before: OrganisationRecord,
        after: OrganisationRecord,
        report: Report | None = None,
    ) -> None:
        super().__init__(
            QCoreApplication.translate("UndoCommands", "Change organisation %1").replace("%1", after.name),
            report,
        )
        self.services = services
        self.before = before
        self.after = after

    def revert(self) -> None:
        self._set(self.before)

    def apply(self) -> None:
        self._set(self.after)

    def _set(self, values: OrganisationRecord) -> None:
        self.services.register.update_organisation(
            values.id, name=values.name, kind=values.kind, short_name=values.short_name
        )


class SetLogoCommand(DoneOnPush):
    """Undo puts the organisation's earlier logo back (or none); redo the new one (or none)."""

    def __init__(
        self,
        services: Services,
        organisation: OrganisationRecord,
        before: bytes | None,
        after: bytes | None,
        report: Report | None = None,
    ) -> None:
        text = (QCoreApplication.translate("UndoCommands", "Logo of %1") if after is not None
                else QCoreApplication.translate("UndoCommands", "Remove the logo of %1"))
        super().__init__(text.replace("%1", organisation.name), report)
        self.services = services
        self.organisation_id = organisation.id
        self.before = before
        self.after = after

    def revert(self) -> None:
        self._set(self.before)

    def apply(self) -> None:
        self._set(self.after)

    def _set(self, png: bytes | None) -> None:
        if png is None:
            self.services.logos.remove_logo(self.organisation_id)
        else:  # already checked and re-encoded when it was stored: stored again as it was
            self.services.logos.set_logo(self.organisation_id, png)

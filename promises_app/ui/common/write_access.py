"""A page's actions that write, greyed out as one when the person may not (domain/permissions.py).

A database open for reading only (a read-only file, or an account of a shared database that may
only read) cannot be changed, and an account that may edit but not sign cannot sign, attach a
signed copy or adopt a report. Each page hands its writing actions to a ``WriteAccess``: they
go into a ``QActionGroup``, and a disabled group keeps its actions disabled whatever the page's
own ``setEnabled`` says about the selection; enabled again, each action is as its page left it.
A disabled action's tooltip says which role would allow it, so the person knows whom to ask.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QActionGroup

from promises_app.domain.permissions import Permissions
from promises_app.ui.common.formatting import fill


class WriteAccess(QObject):
    """The actions that edit (``edits``) and those that sign (``signing``) of one page."""

    #: ``follow`` was called: what the page does beside its actions (editing in a grid) follows too.
    followed = Signal()

    def __init__(self, parent: QObject, *, edits: Iterable[QAction] = (), signing: Iterable[QAction] = ()) -> None:
        super().__init__(parent)
        self._edits = self._group(edits)
        self._signing = self._group(signing)
        self._tips = {action: action.toolTip() for action in (*self._edits.actions(), *self._signing.actions())}
        self.permissions = Permissions.everything()

    def _group(self, actions: Iterable[QAction]) -> QActionGroup:
        group = QActionGroup(self)
        group.setExclusionPolicy(QActionGroup.ExclusionPolicy.None_)  # not a choice of one: just a switch
        for action in actions:
            group.addAction(action)
        return group

    @property
    def may_edit(self) -> bool:
        return self.permissions.edit

    def follow(self, permissions: Permissions) -> None:
        """Grey out what ``permissions`` do not allow, with a tooltip naming the role that would."""
        self.permissions = permissions
        self._edits.setEnabled(permissions.edit)
        self._signing.setEnabled(permissions.edit and permissions.sign)
        if not permissions.edit:
            why = (fill(self.tr("Your account may only read. Changing needs the role %1."), permissions.roles.editor)
                   if permissions.account else self.tr("The database is open for reading only."))
            for action in (*self._edits.actions(), *self._signing.actions()):
                action.setToolTip(f"{self._tips[action]}\n{why}".strip())
        else:
            for action in self._edits.actions():
                action.setToolTip(self._tips[action])
            why = fill(self.tr("Signing and adopting needs the role %1."), permissions.roles.signer)
            for action in self._signing.actions():
                action.setToolTip(self._tips[action] if permissions.sign else f"{self._tips[action]}\n{why}".strip())
        self.followed.emit()

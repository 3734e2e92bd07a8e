"""How a page takes the runner's ``changed(Changes)`` (ui/common/operations.py): the small shared part.

A page connects once with :func:`follow_changes`; its handler refreshes only the rows the
Changes name. A page behind another tab does nothing: the window has it read the agreement
again when it is shown (``MainWindow._page_shown``), so it never shows stale rows and an edit
on one page costs no reads for the pages nobody is looking at.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

import shiboken6
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QStackedWidget, QWidget

from promises_app.domain.changes import Changes
from promises_app.ui.common.connections import connect_while_alive
from promises_app.ui.common.operations import Operations

T = TypeVar("T")


def follow_changes(stack: QUndoStack, page: QWidget, handler: Callable[[Changes], None]) -> None:
    """Call ``handler`` with the Changes of every user action while ``page`` exists (a plain
    stack, in a test of one page: everything, on every step)."""

    def deliver(changes: Changes) -> None:
        if shiboken6.isValid(page):
            handler(changes)

    # Undone when the page goes (ui/common/connections.py); the window also silences the stack on closing.
    if isinstance(stack, Operations):
        connect_while_alive(page, stack, stack.changed, deliver)
    else:
        connect_while_alive(page, stack, stack.indexChanged, lambda _index: deliver(Changes.everything()))


def behind_other_tab(widget: QWidget) -> bool:
    """Whether ``widget`` is a tab page that another tab covers (it is read again when shown)."""
    stack = widget.parentWidget()
    return isinstance(stack, QStackedWidget) and stack.currentWidget() is not widget


def shared_read(stack: QUndoStack, key: Hashable, compute: Callable[[], T]) -> T:
    """One read for every page handling the same ``changed`` (see ``Operations.shared``)."""
    return stack.shared(key, compute) if isinstance(stack, Operations) else compute()

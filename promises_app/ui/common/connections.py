"""Connections from the window's long-lived parts to a page's or a dialog's slots, undone in time.

The undo stack (the runner, ``Operations``), the report runner and the database files outlive
every dialog and are taken down with the window. A signal of theirs that still reaches a slot of a
dialog closed long ago, or of a page half taken down with the window, runs Python against
widgets whose C++ side is gone ("libshiboken: Internal C++ object … already deleted"). So every
such connection is made here and undone when its owner finishes (a dialog) or is destroyed, and
the stack itself falls silent when the window closes (``Operations.shut_down``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, SignalInstance
from PySide6.QtWidgets import QDialog


def connect_while_alive(
    owner: QObject,
    sender: QObject,
    signal: SignalInstance,
    slot: Callable[..., Any],
    *,
    until_finished: bool = True,
) -> Callable[[], None]:
    """Connect ``signal`` (of ``sender``) to ``slot`` until ``owner`` is destroyed or, for a dialog,
    finishes (``until_finished``); returns the function that disconnects (safe to call twice, or
    after the sender is gone, which takes its connections with it)."""
    signal.connect(slot)
    connected = [True]

    def detach(*_args: object) -> None:
        if not connected[0]:
            return
        connected[0] = False
        if not shiboken6.isValid(sender):
            return  # taken down first (with the window), its connections with it
        try:
            signal.disconnect(slot)
        except (RuntimeError, TypeError):  # already disconnected by the sender (Operations.shut_down)
            pass

    receiver = getattr(slot, "__self__", None)

    def destroyed(*_args: object) -> None:
        if isinstance(receiver, QObject):
            connected[0] = False  # Qt ends a connection to a QObject's method when the object goes
        else:
            detach()  # a plain function (a closure over the page) would outlive it

    owner.destroyed.connect(destroyed)
    if until_finished and isinstance(owner, QDialog):
        owner.finished.connect(detach)
    return detach

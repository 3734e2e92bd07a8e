"""What the window needs to follow changes: the storage side of the operations runner.

``ui/common/operations.py`` wraps each user action in :func:`collecting` (the Changes of every
transaction it commits), makes undo and redo check their rows with :func:`expecting`, and is
told of every other write by :func:`listen`. On a shared database, :func:`follow_others`
hands it what *other* people save (storage/live_changes.py), as the same Changes. The capture
itself is storage's (``storage/change_capture.py``); this module keeps ``ui → services → storage``.
"""

from __future__ import annotations

from collections.abc import Callable

from promises_app.domain.changes import Changes
from promises_app.storage.change_capture import RowChangedError, collecting, expecting, merged
from promises_app.storage.database import Database
from promises_app.storage.live_changes import ChangeFollower, OthersChanges, follow_others

__all__ = [
    "ChangeFollower", "Changes", "OthersChanges", "RowChangedError", "collecting", "expecting", "follow_others",
    "listen", "merged", "stop_listening",
]


def listen(db: Database, listener: Callable[[Changes], None]) -> None:
    """Tell ``listener`` the Changes of every write transaction ``db`` commits (on the committing thread)."""
    if listener not in db.listeners:
        db.listeners.append(listener)


def stop_listening(db: Database, listener: Callable[[Changes], None]) -> None:
    if listener in db.listeners:
        db.listeners.remove(listener)

"""What the window needs to follow changes: the storage side of the operations runner.

``ui/common/operations.py`` wraps each user action in :func:`collecting` (the Changes of every
transaction it commits), makes undo and redo check their rows with :func:`expecting`, and is
told of every other write by :func:`listen`. On a shared database, :func:`follow_others`
hands it what *other* people save (storage/live_changes.py), as the same Changes. The capture
itself is storage's (``storage/change_capture.py``); this module keeps ``ui → services → storage``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from promises_app.domain.changes import Changes
from promises_app.storage.change_capture import RowChangedError, collecting, expecting, merged
from promises_app.storage.database import Database

if TYPE_CHECKING:  # the follower is loaded only for a shared database, not at every start-up
    from promises_app.storage.live_changes import ChangeFollower, OthersChanges

__all__ = [
    "ChangeFollower", "Changes", "OthersChanges", "RowChangedError", "collecting", "expecting", "follow_others",
    "listen", "merged", "stop_listening",
]


def follow_others(db: Database, deliver: Callable[[OthersChanges], None]) -> ChangeFollower | None:
    """A started follower of what others save (storage/live_changes.py); None for a SQLite file."""
    if db.shared_address is None:
        return None  # one writer per file: nothing to follow (and nothing more to load)
    from promises_app.storage import live_changes

    return live_changes.follow_others(db, deliver)


def listen(db: Database, listener: Callable[[Changes], None]) -> None:
    """Tell ``listener`` the Changes of every write transaction ``db`` commits (on the committing thread)."""
    if listener not in db.listeners:
        db.listeners.append(listener)


def stop_listening(db: Database, listener: Callable[[Changes], None]) -> None:
    if listener in db.listeners:
        db.listeners.remove(listener)

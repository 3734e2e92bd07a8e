"""Backups as user actions: back up now, daily while open, on close; list; restore.

The copying, checking and rotating is storage's (storage/backups.py); this module decides
when, and makes restore safe to call: it takes the one-writer lock first, so a database
that is open in the window (or another command), under this name or another name for the same
file (a symlink, a hard link), is never replaced under it.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from promises_app.services.base import Service
from promises_app.services.errors import ServiceError
from promises_app.storage import backups as storage_backups
from promises_app.storage.backups import BackupError, BackupInfo
from promises_app.storage.lock import DatabaseLock

__all__ = ["BackupError", "BackupInfo", "BackupService", "backups_of", "restore_database"]

DAILY = timedelta(hours=24)


class BackupService(Service):
    def _path(self) -> Path:
        if self.db.path is None:
            raise ServiceError("Den här databasen är inte en fil och kan inte säkerhetskopieras.")
        return self.db.path

    def backup_now(self, *, reason: str = "manual") -> BackupInfo:
        """A checked backup made now (reasons: manual, close, daily, import)."""
        self.db.refuse_writes()  # opened read-only: nothing is written beside it either
        return storage_backups.make_backup(self._path(), reason)

    def list_backups(self) -> list[BackupInfo]:
        return storage_backups.list_backups(self._path())

    def backup_if_due(self, *, now: datetime | None = None) -> BackupInfo | None:
        """The daily backup while the program is open: made when the newest is a day old."""
        now = now or datetime.now()
        self.db.refuse_writes()
        newest = self.list_backups()
        if newest and now - newest[0].made < DAILY:
            return None
        return storage_backups.make_backup(self._path(), "daily", now=now)


def backups_of(database: Path) -> list[BackupInfo]:
    """The backups of a database that need not be open (or openable), newest first."""
    return storage_backups.list_backups(database)


def restore_database(database: Path, backup: Path) -> Path | None:
    """Replace ``database`` with ``backup`` while nobody has it open; returns what was kept aside.

    The current file is backed up first (or, if damaged, kept as ``*.damaged-<time>``);
    through a symlink, the real file is restored. Raises DatabaseInUseError (naming who has
    it) or BackupError (a damaged backup, a backup of another database or of a newer
    version); nothing is changed then.
    """
    lock = DatabaseLock(database)
    lock.acquire()
    try:
        return storage_backups.restore(database, backup)
    finally:
        lock.release()

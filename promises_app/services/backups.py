"""Backups as user actions: back up now, daily while open, on close; list; restore.

The copying, checking and rotating is storage's (storage/backups.py), and so is the file they
belong to (storage/sqlite_file.py): this module only decides when. Restore and the list of a
database's backups work on a database that is not open (the window and the command line name
it), so they are storage's functions, passed up here for callers who reach storage only
through the services.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from promises_app.services.base import Service
from promises_app.storage.backups import BackupError, BackupInfo
from promises_app.storage.sqlite_file import backups_of, restore_database

__all__ = ["BackupError", "BackupInfo", "BackupService", "backups_of", "restore_database"]

DAILY = timedelta(hours=24)


class BackupService(Service):
    def backup_now(self, *, reason: str = "manual") -> BackupInfo:
        """A checked backup made now (reasons: manual, close, daily, import); refused read-only."""
        return self.db.backup(reason)

    def list_backups(self) -> list[BackupInfo]:
        return self.db.backups()

    def backup_if_due(self, *, now: datetime | None = None) -> BackupInfo | None:
        """The daily backup while the program is open: made when the newest is a day old."""
        now = now or datetime.now()
        self.db.refuse_writes()
        if not self.db.keeps_backups:  # a shared database: the server's backups
            return None
        newest = self.list_backups()
        if newest and now - newest[0].made < DAILY:
            return None
        return self.db.backup("daily", now=now)

"""What a Database needs from the place its data lives, as one small interface.

``storage/database.Database`` holds an engine, read and write sessions (each one transaction)
and the hooks on them (signed guard, change log). Everything that depends on *where* the data
is (a file on this computer today, a shared database server later) it asks of its ``Store``:
is it still the one that was opened, may it be written, what does a driver error mean to a
person, is it intact, make and list backups, let go of it. ``storage/sqlite_file.SqliteFile``
is the store for a SQLite file; a shared mode plugs in another one (docs/architecture.md).

Services never see the store: they ask the Database (``db.backup("import")``,
``db.require_intact("Importen")``), so no file path, PRAGMA or lock reaches ``services/``.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Protocol

from sqlalchemy import Connection, Engine

from promises_app.storage.backups import BackupInfo
from promises_app.storage.errors import StorageFailure
from promises_app.storage.read_only import ReadOnlyReason


class Store(Protocol):
    """The place a Database's data lives: identity, write permission, checks, backups."""

    @property
    def path(self) -> Path | None:
        """The database file, for the window to show and exports to keep away from (None: not a file)."""

    @property
    def read_only(self) -> ReadOnlyReason | None:
        """Why the data can only be read (None: it can be written)."""

    def before_transaction(self) -> None:
        """Refuse (StorageFailure) to start a transaction on anything but what was opened."""

    def refuse_writes(self) -> None:
        """Raise ReadOnlyError, naming what blocks, if the data can only be read."""

    def failure(self, error: BaseException) -> StorageFailure | None:
        """The failure a person can act on for a driver error (full disk, busy, gone), or None."""

    def check_on_open(self, engine: Engine, *, full: bool) -> None:
        """Refuse damaged data before anything writes to it (``full``: the thorough check)."""

    def require_intact(self, engine: Engine, action: str) -> None:
        """Refuse ``action`` (Swedish, e.g. "Importen") unless the thorough check finds nothing."""

    def integrity_problems(self, connection: Connection) -> list[str]:
        """Everything the thorough checks find, one Swedish line each (empty: intact)."""

    def backup(self, reason: str, *, now: datetime | None = None) -> BackupInfo:
        """A checked backup of the data as it is now (storage/backups.REASONS names the reasons)."""

    def backups(self) -> list[BackupInfo]:
        """This data's backups, newest first."""

    def close(self) -> None:
        """Let go of the data (the one-writer lock); the engine is disposed of by the Database."""

"""Errors raised while opening a database file. Messages are for the user (Swedish) and name the path."""

from __future__ import annotations

from pathlib import Path

from promises_app.domain.errors import AppError


class DatabaseOpenError(AppError):
    """The file could not be opened as a Medborgarlöften database; it was left untouched."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(message)
        self.path = path


class NotOurDatabaseError(DatabaseOpenError):
    """Empty, not SQLite at all, or another program's SQLite database."""


class NewerSchemaError(DatabaseOpenError):
    """Made by a newer version of the program; opening it here could damage it."""


class DatabaseMissingError(DatabaseOpenError):
    """The file does not exist and the caller asked not to create it."""


class CorruptDatabaseError(DatabaseOpenError):
    """SQLite's check found damage. Nothing was written; restore from a backup."""


class PasswordRequiredError(DatabaseOpenError):
    """The shared database's server asks for a password that libpq found nowhere (``~/.pgpass``,
    ``PGPASSFILE``, a service file), or refused the one given (``rejected``): the window and a
    command line at a terminal ask for it and try again (storage/server.py)."""

    def __init__(self, path: Path, message: str, *, rejected: bool) -> None:
        super().__init__(path, message)
        self.rejected = rejected


class DatabaseInUseError(DatabaseOpenError):
    """Another running copy of the program holds the database."""


class StorageFailure(AppError):
    """A save (or read) failed in the storage itself: disk full, read-only, moved, busy, damaged.

    Nothing was saved by the failed action and nothing saved earlier is lost; the message
    says what happened and what to do. The caller keeps what the person typed.
    """

    def __init__(self, path: Path | None, message: str) -> None:
        super().__init__(message)
        self.path = path


class DiskFullError(StorageFailure):
    pass


class ReadOnlyError(StorageFailure):
    pass


class DatabaseBusyError(StorageFailure):
    pass


class DatabaseMovedError(StorageFailure):
    pass


class StorageIOError(StorageFailure):
    pass


class SignedRecordError(AppError):
    """An edit would change a signed revision, or the plan of an agreement while it is signed.

    Nothing was saved. The message names the agreement and says what to do instead (start a
    new revision). Raised by storage/signed_guard.py for every write session, so no service
    can forget the rule; raw SQL meets the triggers of migration 0004 instead.
    """

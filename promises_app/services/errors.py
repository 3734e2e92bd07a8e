"""Errors the services raise. Every message is for the user (Swedish) and says what to do."""

from __future__ import annotations

from typing import TYPE_CHECKING

from promises_app.domain.errors import AppError
from promises_app.domain.validation import FieldError, ValidationError
from promises_app.storage.backups import BackupError
from promises_app.storage.errors import (
    CorruptDatabaseError,
    DatabaseInUseError,
    DatabaseOpenError,
    PasswordRequiredError,
    SignedRecordError,
    StorageFailure,
)

if TYPE_CHECKING:
    from promises_app.services.records import RowNow

__all__ = [
    "AppError",
    "BackupError",
    "ConflictError",
    "CorruptDatabaseError",
    "DatabaseInUseError",
    "DatabaseOpenError",
    "FieldError",
    "NotFoundError",
    "PasswordRequiredError",
    "ServiceError",
    "SignedRecordError",
    "StorageFailure",
    "ValidationError",
]


class ServiceError(AppError):
    """A user action could not be carried out; nothing was saved."""


class NotFoundError(ServiceError):
    """The row no longer exists (deleted meanwhile, or a wrong id)."""


class ConflictError(ServiceError):
    """The row changed since it was read (optimistic concurrency): reload and try again.

    ``now`` is the row as it is now (its record, who changed it last and when), read in the refused
    transaction, so the window can show "their value and yours" without a read of its own (None
    when the service could not tell, e.g. a refusal of several rows at once)."""

    def __init__(self, message: str, *, now: RowNow | None = None) -> None:
        super().__init__(message)
        self.now = now

"""Errors the services raise. Every message is for the user (Swedish) and says what to do."""

from __future__ import annotations

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
    """The row changed since it was read (optimistic concurrency): reload and try again."""

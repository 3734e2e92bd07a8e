"""The one root of every error a person is shown (docs/architecture.md, "Errors").

Seven kinds of failure grew up apart (a service refusing, storage failing, a file that will
not open, a signed record, a backup, a typed value, a signature); each is now an
:class:`AppError`, so the window catches user-facing errors in one place
(``ui/common/operations.py``) and the command line in one ``except``. Anything else that escapes is a
bug: it reaches the unexpected-error dialog and the log with its traceback.

``str(error)`` (and :attr:`AppError.message`) is the Swedish sentence for the user: what
happened, naming the field, file or row, and what to do. :meth:`AppError.details` is for the
log and the "copy details" button: the kind of error and the chain of causes.
"""

from __future__ import annotations


class AppError(Exception):
    """A failure a person can act on. Nothing the failed action would have saved was saved."""

    @property
    def message(self) -> str:
        """The Swedish message for the user."""
        return str(self)

    def details(self) -> str:
        """For the log: the error's kind, its message, and what caused it, one line each."""
        lines = [f"{type(self).__module__}.{type(self).__qualname__}: {self}"]
        cause = self.__cause__ or self.__context__
        seen: set[int] = {id(self)}
        while cause is not None and id(cause) not in seen:
            seen.add(id(cause))
            lines.append(f"orsakat av {type(cause).__qualname__}: {cause}")
            cause = cause.__cause__ or cause.__context__
        return "\n".join(lines)


class SnapshotFormatError(ValueError):
    """Stored snapshot text that is not a snapshot this version can read (here, not in
    domain/snapshot.py, so the command line can catch it without loading snapshots)."""

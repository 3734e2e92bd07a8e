"""A database that can be read but not written: on a read-only drive, in a folder without write
permission, or a file marked read-only. It opens for viewing instead of failing.

What blocks is named, because that is what the person can change: the folder (no ``-wal``,
``-shm`` or lock file can be made beside the database, so SQLite cannot write even where the
file itself could be) or the file. Opened read-only, nothing is written at all: no lock file,
no backup, no ``-wal``/``-shm``, so the folder is exactly as it was.

How SQLite is asked to read (see :func:`read_only_uri`):

* ``immutable=1`` when no ``-wal`` or ``-journal`` with content lies beside the file: SQLite
  then reads the file alone and makes nothing beside it. (With only ``mode=ro`` it creates
  ``-wal`` and ``-shm`` in a writable folder and leaves them there, and cannot open a WAL file
  at all in a read-only folder.) The file is assumed not to change while it is shown; a writer
  would need the write permission that is missing here.
* ``mode=ro`` when a ``-wal`` holds changes not yet in the file (the last session crashed, or a
  writer elsewhere has it open): ``immutable`` would ignore them and show an older state.
  SQLite then needs the ``-shm``; where it cannot have it, opening is refused with a message
  that says why, rather than showing data without its last changes.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from promises_app.domain.validation import shown_path

NOTHING_SAVED = "Ingenting har sparats; inget som sparats tidigare har gått förlorat."


class ReadOnly(Protocol):
    """Why a database can only be read, as the window and every refusal say it: a file
    (``ReadOnlyReason``) or an account that may only read a shared database
    (domain/permissions.ReadingOnly)."""

    def describe(self) -> str:
        """The reason in Swedish, for the window's status bar."""

    def refusal(self) -> str:
        """The message for a write refused for this reason."""


@dataclass(frozen=True)
class ReadOnlyReason:
    """Why a database can only be read: ``blocker`` is the folder or the file that is read-only."""

    database: Path
    blocker: Path
    is_folder: bool

    def describe(self) -> str:
        """The reason in Swedish, naming what blocks (for the window's title and every refusal)."""
        if self.is_folder:
            return (f"mappen {shown_path(self.blocker)} är skrivskyddad (där kan inga logg- eller "
                    "låsfiler skapas)")
        return f"databasfilen {shown_path(self.blocker)} är skrivskyddad"

    def refusal(self) -> str:
        """The message for an edit (or an import, a backup, a restore) refused in read-only mode."""
        return (f"Databasen {shown_path(self.database)} är öppnad skrivskyddad och kan bara visas: "
                f"{self.describe()}. {NOTHING_SAVED} Flytta eller kopiera databasen till en mapp där "
                "du får skriva, eller ändra behörigheterna, och öppna den igen.")


def read_only_reason(database: Path) -> ReadOnlyReason | None:
    """Why ``database`` (an existing file) cannot be written, or None when it can.

    ``os.access`` asks the system itself, so a read-only mount (``EROFS``) counts even for an
    administrator, for whom plain file permissions do not.
    """
    folder = database.parent
    if not os.access(folder, os.W_OK):
        return ReadOnlyReason(database, folder, is_folder=True)
    if not os.access(database, os.W_OK):
        return ReadOnlyReason(database, database, is_folder=False)
    return None


def unmerged_changes(database: Path) -> Path | None:
    """The ``-wal`` or ``-journal`` beside ``database`` that holds changes not yet in the file."""
    for suffix in ("-wal", "-journal"):
        sidecar = database.with_name(database.name + suffix)
        try:
            if sidecar.stat().st_size > 0:
                return sidecar
        except OSError:
            continue
    return None


def read_only_uri(database: Path) -> str:
    """The SQLite URI that reads ``database`` without writing anything (see the module's note)."""
    uri = database.absolute().as_uri() + "?mode=ro"
    return uri if unmerged_changes(database) is not None else uri + "&immutable=1"

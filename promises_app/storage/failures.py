"""Turn SQLite's errors into failures a person can act on (docs/reliability.md, P8).

SQLite reports a full disk, a read-only file, a busy database or a damaged file through a
handful of messages; the session has already rolled back when we see them, so the message
can truthfully say that nothing earlier was lost.
"""

from __future__ import annotations

from pathlib import Path

from promises_app.storage.errors import (
    DatabaseBusyError,
    DatabaseMovedError,
    DiskFullError,
    ReadOnlyError,
    StorageFailure,
    StorageIOError,
)
from promises_app.storage.read_only import read_only_reason

_NOTHING_LOST = "Ändringen sparades inte; inget som sparats tidigare har gått förlorat."


def translate(error: BaseException, path: Path | None) -> StorageFailure | None:
    """The StorageFailure for a driver error, or None when it is not a storage failure."""
    original = getattr(error, "orig", None) or error
    text = str(original).lower()
    where = str(path) if path else "databasen"
    # SQLITE_IOERR_SHMSIZE: the WAL's -shm file could not be grown, which SQLite documents as
    # a sign of a full volume; it reads "disk I/O error", and is the first thing to fail (even a
    # read) on a full disk when no connection is open.
    shm_full = getattr(original, "sqlite_errorname", None) == "SQLITE_IOERR_SHMSIZE"
    if "database or disk is full" in text or "disk is full" in text or shm_full:
        return DiskFullError(path, f"Disken är full, så {where} kunde inte skrivas. {_NOTHING_LOST} "
                                   "Frigör utrymme och försök igen.")
    if "readonly database" in text or "read-only" in text:
        blocked = read_only_reason(path) if path is not None and path.exists() else None
        why = (f"{where} kan inte skrivas: {blocked.describe()}" if blocked is not None
               else f"{where} är skrivskyddad (filen eller mappen får inte ändras)")
        return ReadOnlyError(path, f"{why}. {_NOTHING_LOST} Kontrollera behörigheterna eller spara en kopia "
                                   "på en annan plats.")
    if "database is locked" in text or "database table is locked" in text or "busy" in text:
        return DatabaseBusyError(path, f"{where} är upptagen av ett annat program just nu. {_NOTHING_LOST} "
                                       "Vänta en stund och försök igen.")
    if "unable to open database file" in text:
        return DatabaseMovedError(path, f"{where} går inte att öppna: den kan ha flyttats, tagits bort "
                                        f"eller sakna behörighet. {_NOTHING_LOST}")
    if "disk i/o error" in text:
        return StorageIOError(path, f"Läs- eller skrivfel på disken för {where}. {_NOTHING_LOST} "
                                    "Kontrollera disken och kör en kontroll (promises-app check).")
    return None

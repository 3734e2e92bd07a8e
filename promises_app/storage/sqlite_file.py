"""The SQLite file a Database lives in: everything about the file rather than the data in it.

``storage/database.Database`` knows an engine and its sessions; it asks its store
(storage/store.py) for the rest, and ``SqliteFile`` is that store for a file on this computer:

* **header** (``open_file``): an existing file's 100-byte header is read before anything
  connects; a foreign or newer file is refused untouched (storage/file_identity.py);
* **creation** (``open_file``): a new file is built beside the target (``.NAME.creating-PID``,
  owner-only), filled by the caller and renamed into place, so a crash never leaves a half-made
  database under the real name;
* **read-only** (storage/read_only.py): a file that cannot be written opens for reading only
  where the caller allows it, and then every write (and every backup) is refused naming what
  blocks;
* **lock** (storage/lock.py): the one-writer lock, taken when asked;
* **location and journal mode** (storage/location_safety.py): WAL on local disks, the DELETE
  journal where WAL is unsafe (network, removable, cloud-synced folders);
* **identity**: before every transaction the file must still be the one that was opened;
* **checks**: ``quick_check`` on opening (the full ``integrity_check`` after a crash), the full
  check before the actions that build on the content (storage/integrity.py), and the full and
  foreign-key checks for ``promises-app check``;
* **backups** (storage/backups.py): this file's checked backups, and restoring one under the lock.

The data-safety properties these keep are described in docs/data-safety.md.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError

from promises_app import os_errors
from promises_app.domain.validation import shown_path
from promises_app.storage import backups
from promises_app.storage.backups import BackupInfo
from promises_app.storage.errors import (
    CorruptDatabaseError,
    DatabaseMissingError,
    DatabaseMovedError,
    DatabaseOpenError,
    NewerSchemaError,
    ReadOnlyError,
    StorageFailure,
)
from promises_app.storage.failures import translate
from promises_app.storage.file_identity import read_header
from promises_app.storage.integrity import DatabaseDamagedError, found, restore_offer
from promises_app.storage.location_safety import LocationAssessment
from promises_app.storage.locations import PRIVATE_DIR_MODE, PRIVATE_FILE_MODE
from promises_app.storage.lock import DatabaseLock
from promises_app.storage.migrate import SCHEMA_VERSION
from promises_app.storage.read_only import ReadOnlyReason, read_only_reason, unmerged_changes

if TYPE_CHECKING:
    from promises_app.storage.database import Database

__all__ = ["SqliteFile", "backups_of", "open_file", "restore_database", "synchronous_mode"]

#: What SQLite's ``PRAGMA synchronous`` numbers mean.
_SYNCHRONOUS = {0: "OFF", 1: "NORMAL", 2: "FULL", 3: "EXTRA"}


class SqliteFile:
    """One open SQLite database file: where it is, whether it may be written, its lock, its backups."""

    def __init__(
        self,
        path: Path,
        *,
        lock: DatabaseLock | None = None,
        location: LocationAssessment | None = None,
        read_only: ReadOnlyReason | None = None,
        schema_version: int = SCHEMA_VERSION,
    ) -> None:
        self.path: Path = path
        self.lock = lock
        #: Where the file lives (network, removable, cloud-synced or local), for the window to warn.
        self.location = location
        #: Why the file is open for reading only (None: it can be written).
        self.read_only = read_only
        #: ``user_version`` in the header when it was opened (older: it is migrated after a backup).
        self.schema_version = schema_version
        self._identity = _identity(path)

    @property
    def url(self) -> str:
        return f"sqlite:///{self.path}"

    @property
    def journal_mode(self) -> str:
        """WAL on a local disk, the DELETE journal where WAL is unsafe (and unknown: WAL)."""
        return self.location.journal_mode if self.location is not None else "WAL"

    @property
    def previous_session_crashed(self) -> bool:
        """The lock file shows the last session did not end: the opening check reads everything."""
        return bool(self.lock and self.lock.previous_session_crashed)

    # --- before each transaction --------------------------------------------------------------
    def before_transaction(self) -> None:
        """A file moved or deleted while open keeps working through its old handle: refuse.

        Checked for reads too: SQLite would otherwise create a new, empty file at the old path."""
        if _identity(self.path) != self._identity:
            raise DatabaseMovedError(
                self.path,
                f"Databasfilen {self.path} har flyttats, bytts ut eller tagits bort medan programmet "
                "var öppet. Ändringen sparades inte. Öppna databasen på dess nya plats.",
            )

    def refuse_writes(self) -> None:
        """Raise ReadOnlyError, naming the folder or file that blocks, if opened for reading only."""
        if self.read_only is not None:
            raise ReadOnlyError(self.path, self.read_only.refusal())

    def failure(self, error: BaseException) -> StorageFailure | None:
        """SQLite's full disk, read-only file, busy or unreadable database, in words (storage/failures.py)."""
        return translate(error, self.path)

    # --- checks -----------------------------------------------------------------------------------
    def check_on_open(self, engine: Engine, *, full: bool) -> None:
        """Refuse a damaged file before anything writes to it (no repair, no new empty file).

        ``quick_check`` reads every page; ``full`` (after a crash) runs ``integrity_check``,
        which also compares every index with its table.
        """
        try:
            problems = self._problems(engine, full=full)
        except StorageFailure as error:
            pending = unmerged_changes(self.path) if self.read_only is not None else None
            if self.read_only is None or pending is None:
                raise
            raise ReadOnlyError(
                self.path, f"Databasen {shown_path(self.path)} har ändringar i {shown_path(pending.name)} som ännu "
                f"inte förts in i filen, och de kan inte läsas när {self.read_only.describe()}. Ingenting har "
                "ändrats. Öppna den en gång där den kan skrivas (då förs ändringarna in), eller kopiera båda "
                "filerna till en mapp där du får skriva.",
            ) from error
        if problems:
            raise CorruptDatabaseError(
                self.path,
                f"Databasen {self.path} är skadad ({'; '.join(problems[:2])}). Ingenting har skrivits till den. "
                f"{restore_offer(self.path)}",
            )

    def require_intact(self, engine: Engine, action: str) -> None:
        """Refuse ``action`` unless the full ``integrity_check`` is ok (storage/integrity.py says why).

        Raises DatabaseDamagedError naming the file, what SQLite found and what to do (restore
        the newest backup); a storage failure (busy, gone) comes through as that failure.
        """
        problems = self._problems(engine, full=True)
        if problems:
            raise DatabaseDamagedError(
                self.path,
                f"Databasen {self.path} är skadad ({found(problems)}). {action} gjordes inte; ingenting har "
                f"skrivits. {restore_offer(self.path)}",
            )

    def integrity_problems(self, connection: Connection) -> list[str]:
        """SQLite's full integrity check and foreign-key check, one Swedish line per finding."""
        problems = [
            f"Integritetskontroll: {line}"
            for (line,) in connection.exec_driver_sql("PRAGMA integrity_check")
            if line != "ok"
        ]
        for row in connection.exec_driver_sql("PRAGMA foreign_key_check"):
            problems.append(f"Trasig referens i tabellen {row[0]} (rad {row[1]}) till {row[2]}")
        return problems

    def _problems(self, engine: Engine, *, full: bool) -> list[str]:
        """What ``quick_check`` (or ``integrity_check``) finds, on a connection of its own (empty: ok).

        An error that is not a storage failure (not a database, malformed) counts as damage."""
        self.before_transaction()
        pragma = "integrity_check" if full else "quick_check"
        try:
            with engine.connect() as connection:
                rows = [str(r[0]) for r in connection.exec_driver_sql(f"PRAGMA {pragma}")]
                connection.rollback()
        except DBAPIError as error:
            failure = self.failure(error)
            if failure is not None:  # read-only, busy, gone: not damage, and restoring would not help
                raise failure from error
            rows = [str(error.orig)]
        return [] if rows == ["ok"] else rows

    # --- backups ----------------------------------------------------------------------------------
    def backup(self, reason: str, *, now: datetime | None = None) -> BackupInfo:
        """A checked backup in the file's backup folder; refused for a read-only file (nothing beside it)."""
        self.refuse_writes()
        return backups.make_backup(self.path, reason, now=now)

    def backups(self) -> list[BackupInfo]:
        return backups.list_backups(self.path)

    # --- letting go -------------------------------------------------------------------------------
    def close(self) -> None:
        if self.lock is not None:
            self.lock.release()

    def abandon(self) -> None:
        """Let go of a file refused while opening; after a crash the lock file keeps the sign of it,
        so the next start checks fully again."""
        if self.lock is not None:
            self.lock.release(keep_file=self.lock.previous_session_crashed)


def open_file(
    path: Path,
    *,
    location: LocationAssessment,
    create: bool,
    exclusive: bool,
    allow_read_only: bool,
    build: Callable[[SqliteFile], None],
) -> SqliteFile:
    """The file at ``path`` (absolute), ready for an engine: nothing has connected to it yet.

    A missing file is created when ``create`` (``build`` fills it: storage/database migrates);
    an existing one is refused untouched when its header is not ours or newer. A file that
    cannot be written is returned read-only, unless the caller writes (``exclusive``) and does
    not allow that (``allow_read_only``), or it needs an upgrade. Otherwise, with ``exclusive``
    the one-writer lock is taken (raises DatabaseInUseError naming the holder).
    """
    if not path.exists():
        if not create:
            raise DatabaseMissingError(path, f"Databasen {path} finns inte.")
        try:
            _create(path, location=location, build=build)
        except OSError as error:  # named as asked for, never the hidden file it is built in
            raise ReadOnlyError(
                path, f"Databasen {shown_path(path)} kunde inte skapas: {os_errors.reason(error)} (i mappen "
                f"{shown_path(path.parent)}). Ingenting har skapats; välj en mapp där du får skriva.",
            ) from error
        header_version = SCHEMA_VERSION
    else:
        header_version = _header_version(path)
        blocked = read_only_reason(path)
        if blocked is not None:
            return _read_only_file(
                path, blocked, header_version=header_version, location=location,
                refuse=exclusive and not allow_read_only,
            )
    lock = DatabaseLock(path) if exclusive else None
    if lock is not None:
        lock.acquire()
    return SqliteFile(path, lock=lock, location=location, schema_version=header_version)


def _header_version(path: Path) -> int:
    """The schema version in the header, read without connecting; a newer one is refused."""
    try:
        header_version = read_header(path).user_version
    except OSError as error:  # e.g. no permission to read it: say so, in Swedish, untouched
        raise DatabaseOpenError(
            path,
            f"Databasfilen {path} går inte att läsa ({os_errors.reason(error)}). Kontrollera "
            "behörigheterna för filen och mappen. Filen har inte ändrats.",
        ) from error
    if header_version > SCHEMA_VERSION:
        raise NewerSchemaError(
            path,
            f"Databasen {path} är skapad med en nyare version av Medborgarlöften "
            f"(schemaversion {header_version}; den här versionen läser till och med "
            f"{SCHEMA_VERSION}). Uppdatera programmet. Filen har inte ändrats.",
        )
    return header_version


def _read_only_file(
    path: Path, blocked: ReadOnlyReason, *, header_version: int, location: LocationAssessment, refuse: bool
) -> SqliteFile:
    """A file that cannot be written, for reading only: no lock, no backup, nothing written."""
    if refuse:
        raise ReadOnlyError(
            path, f"Databasen {shown_path(path)} kan inte öppnas för ändringar: {blocked.describe()}. "
            "Ingenting har ändrats; flytta databasen till en mapp där du får skriva, eller ändra "
            "behörigheterna.",
        )
    if header_version < SCHEMA_VERSION:
        raise ReadOnlyError(
            path, f"Databasen {shown_path(path)} är gjord av en äldre version av programmet och måste "
            f"uppgraderas innan den kan öppnas, men {blocked.describe()}. Ingenting har ändrats; öppna den "
            "där den kan skrivas en gång, så uppgraderas den (en säkerhetskopia görs först).",
        )
    return SqliteFile(path, location=location, read_only=blocked, schema_version=header_version)


def _create(path: Path, *, location: LocationAssessment, build: Callable[[SqliteFile], None]) -> None:
    """Build a new database beside ``path`` (``build`` fills it) and rename it into place."""
    _make_private_dir(path.parent)
    building = path.with_name(f".{path.name}.creating-{os.getpid()}")
    # Files left by a creation that was killed: ours by name, or another process's that is gone
    # (one still building has its file open, and on Windows that makes the delete fail).
    prefix = f".{path.name}.creating-"
    for leftover in path.parent.glob(prefix + "*"):
        pid = leftover.name[len(prefix):].split("-")[0]  # ".x.creating-123", "-123-wal", "-123-shm"
        if leftover.name.startswith(building.name) or not _process_alive(pid):
            with contextlib.suppress(OSError):
                leftover.unlink()
    fd = os.open(building, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE_MODE)
    os.close(fd)
    try:
        build(SqliteFile(building, location=location))  # closed when it returns: no -wal/-shm left
        os.replace(building, path)
    except BaseException:
        for leftover in _with_sidecars(building):
            leftover.unlink(missing_ok=True)
        raise


# --- the file's backups, for whoever names a database that need not be open ----------------------
def backups_of(database: Path) -> list[BackupInfo]:
    """The backups of a database that need not be open (or openable), newest first."""
    return backups.list_backups(database)


def restore_database(database: Path, backup: Path) -> Path | None:
    """Replace ``database`` with ``backup`` while nobody has it open; returns what was kept aside.

    The one-writer lock is taken first, so a database that is open in the window (or another
    command), under this name or another name for the same file (a symlink, a hard link), is
    never replaced under it. The current file is backed up first (or, if damaged, kept as
    ``*.damaged-<time>``); through a symlink, the real file is restored. Raises
    DatabaseInUseError (naming who has it) or BackupError (a damaged backup, a backup of another
    database or of a newer version); nothing is changed then.
    """
    lock = DatabaseLock(database)
    lock.acquire()
    try:
        return backups.restore(database, backup)
    finally:
        lock.release()


def synchronous_mode(database: Database) -> str:
    """How a commit reaches the disk on a write connection of ``database`` (``PRAGMA synchronous``:
    storage/engine.py sets FULL), for ``make bench`` to print beside the save figure."""
    with database.write() as session:
        value = session.connection().exec_driver_sql("PRAGMA synchronous").scalar()
    return _SYNCHRONOUS.get(value, str(value)) if isinstance(value, int) else str(value)


def _process_alive(pid_text: str) -> bool:
    try:
        pid = int(pid_text)
    except ValueError:
        return False
    if os.name != "posix":
        return True  # cannot tell cheaply; the delete itself fails while the file is in use
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_dev, stat.st_ino)


def _make_private_dir(folder: Path) -> None:
    if not folder.exists():
        folder.mkdir(parents=True, mode=PRIVATE_DIR_MODE)


def _with_sidecars(path: Path) -> list[Path]:
    return [path, *(path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal"))]

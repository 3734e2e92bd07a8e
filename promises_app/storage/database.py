"""Opening a database file safely, and the two kinds of transaction the services use.

``open_database``:
1. checks the file's header before connecting (a foreign or newer file is refused untouched);
2. takes the one-writer lock when asked (the window and commands that write);
3. checks the file (``quick_check``; the full ``integrity_check`` when the last session
   crashed) and refuses a damaged file without writing to it;
4. backs the file up (checked) before migrating it, then migrates in one transaction;
5. creates a new file atomically (built beside the target, renamed into place), owner-only;
6. uses WAL on local disks and the DELETE journal where WAL is unsafe (network, removable,
   cloud-synced folders), keeping the assessment for the window to warn about;
7. opens a file that cannot be written (a read-only drive, folder or file) for reading only,
   where the caller allows it (storage/read_only.py): no lock, no backup, nothing written, and
   every write refused with a message that names what blocks.

The window opens with ``check_later=True``: step 3 then runs beside it, started by the window
once it is on screen (storage/startup_check.py), and every write waits for it to pass. The ORM and the mapped models load with the first
session, not with the file, so the window's first list (``Database.read_rows``) needs neither.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, event, text
from sqlalchemy.exc import DBAPIError

from promises_app import os_errors
from promises_app.domain.validation import shown_path
from promises_app.storage import backups
from promises_app.storage.engine import create_database_engine, create_read_only_engine, write_engine
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
from promises_app.storage.integrity import restore_offer
from promises_app.storage.location_safety import LocationAssessment, assess_location
from promises_app.storage.lock import DatabaseLock
from promises_app.storage.migrate import SCHEMA_VERSION, upgrade_to_head
from promises_app.storage.read_only import (
    ReadOnlyReason,
    read_only_reason,
    read_only_uri,
    unmerged_changes,
)
from promises_app.storage.startup_check import CheckState, StartupCheck

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


class Database:
    """An open database: read sessions and write sessions (each one transaction)."""

    def __init__(
        self,
        engine: Engine,
        path: Path | None = None,
        *,
        lock: DatabaseLock | None = None,
        location: LocationAssessment | None = None,
        read_only: ReadOnlyReason | None = None,
    ) -> None:
        self.engine = engine
        self.path = path
        self.lock = lock
        #: Why the database is open for reading only (None: it can be written).
        self.read_only = read_only
        #: Where the file lives (network, removable, cloud-synced or local), for the window to warn.
        self.location = location
        #: The start-up check still running beside the window (``check_later``), or None.
        self.startup_check: StartupCheck | None = None
        self._identity = _identity(path) if path else None
        self._sessions: tuple[sessionmaker[Session], sessionmaker[Session]] | None = None

    def _session_makers(self) -> tuple[sessionmaker[Session], sessionmaker[Session]]:
        """The read and write session factories, made with the first session (the ORM loads then)."""
        if self._sessions is None:
            from sqlalchemy.orm import sessionmaker

            from promises_app.storage.changelog import record_changes, remember_deleted
            from promises_app.storage.models import Base
            from promises_app.storage.signed_guard import (
                refuse_signed_edits,
                remember_created_agreements,
            )

            read = sessionmaker(self.engine, expire_on_commit=False)
            write = sessionmaker(write_engine(self.engine), expire_on_commit=False)
            event.listen(write, "before_flush", refuse_signed_edits)  # signed means signed (P9)
            event.listen(write, "after_flush", remember_created_agreements)
            event.listen(write, "after_flush", record_changes)  # every edit, in its transaction
            if not event.contains(Base, "after_delete", remember_deleted):  # orphans too (mapper-wide)
                event.listen(Base, "after_delete", remember_deleted, propagate=True)
            self._sessions = (read, write)
        return self._sessions

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        """A read transaction: one consistent snapshot, never commits."""
        # Checked for reads too: SQLite would otherwise create a new, empty file at the old path.
        self._check_still_there()
        make_read, _ = self._session_makers()
        with self._translated():
            with make_read() as session, session.begin():
                yield session
                session.rollback()

    @contextlib.contextmanager
    def read_rows(self) -> Iterator[Connection]:
        """A read transaction on a plain connection, for SQLAlchemy Core queries without the ORM
        (the window's first agreement list is shown before the ORM has loaded)."""
        self._check_still_there()
        with self._translated(), self.engine.connect() as connection:
            connection.begin()
            yield connection
            connection.rollback()

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """One unit of work: ``BEGIN IMMEDIATE``, commit on success, roll back on any error."""
        self.refuse_writes()
        self._check_still_there()
        _, make_write = self._session_makers()
        with self._translated():
            with make_write() as session, session.begin():
                yield session

    def refuse_writes(self) -> None:
        """Raise ReadOnlyError, naming the folder or file that blocks, if opened for reading only;
        wait for the start-up check, and refuse if it failed (storage/startup_check.py).

        Every write session asks, and so does whatever writes beside the database (a backup)."""
        if self.read_only is not None:
            raise ReadOnlyError(self.path, self.read_only.refusal())
        if self.startup_check is not None:
            self.startup_check.hold_writes()

    def close(self) -> None:
        check = self.startup_check
        if check is not None:
            check.stop()
        self.engine.dispose()
        if self.lock is not None:
            # A check after a crash that did not pass leaves the sign of the crash: the next start checks fully.
            unchecked = check is not None and check.state is not CheckState.PASSED
            self.lock.release(keep_file=unchecked and self.lock.previous_session_crashed)

    @contextlib.contextmanager
    def _translated(self) -> Iterator[None]:
        try:
            yield
        except DBAPIError as error:
            failure = translate(error, self.path)
            if failure is None:
                raise
            raise failure from error

    def _check_still_there(self) -> None:
        """A file moved or deleted while open keeps working through its old handle: refuse."""
        if self.path is not None and _identity(self.path) != self._identity:
            raise DatabaseMovedError(
                self.path,
                f"Databasfilen {self.path} har flyttats, bytts ut eller tagits bort medan programmet "
                "var öppet. Ändringen sparades inte. Öppna databasen på dess nya plats.",
            )


def open_database(
    path: Path | str,
    *,
    create: bool = True,
    exclusive: bool = False,
    allow_read_only: bool = False,
    check_later: bool = False,
) -> Database:
    """Open (or create) the database file at ``path``, checked and migrated to the current schema.

    ``exclusive`` takes the one-writer lock (raises DatabaseInUseError naming the holder). A file
    that cannot be written (storage/read_only.py) is opened for reading only when the caller only
    reads (not ``exclusive``) or allows it (``allow_read_only``: the window, which then says so);
    otherwise it is refused with ReadOnlyError naming the folder or file that blocks.
    ``check_later`` (the window): a current file is checked in the background instead
    (``Database.startup_check``, started by ``start()`` or by the first write, backup or ``wait``);
    every write waits for that check and is refused if it fails.
    A file to be upgraded is always checked first, before its backup and the migration.
    """
    path = Path(path).expanduser().absolute()
    location = assess_location(path)  # WAL on local disks, the DELETE journal where WAL is unsafe
    if not path.exists():
        if not create:
            raise DatabaseMissingError(path, f"Databasen {path} finns inte.")
        try:
            _create(path, journal_mode=location.journal_mode)
        except OSError as error:  # named as asked for, never the hidden file it is built in
            raise ReadOnlyError(
                path, f"Databasen {shown_path(path)} kunde inte skapas: {os_errors.reason(error)} (i mappen "
                f"{shown_path(path.parent)}). Ingenting har skapats; välj en mapp där du får skriva.",
            ) from error
        header_version = SCHEMA_VERSION
    else:
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
        blocked = read_only_reason(path)
        if blocked is not None:
            if exclusive and not allow_read_only:
                raise ReadOnlyError(
                    path, f"Databasen {shown_path(path)} kan inte öppnas för ändringar: {blocked.describe()}. "
                    "Ingenting har ändrats; flytta databasen till en mapp där du får skriva, eller ändra "
                    "behörigheterna.",
                )
            return _open_read_only(path, blocked, header_version=header_version, location=location)
    lock = DatabaseLock(path) if exclusive else None
    if lock is not None:
        lock.acquire()
    try:
        database = Database(
            create_database_engine(_sqlite_url(path), journal_mode=location.journal_mode),
            path,
            lock=lock,
            location=location,
        )
        try:
            full = bool(lock and lock.previous_session_crashed)
            if check_later and header_version == SCHEMA_VERSION:
                database.startup_check = StartupCheck(path, lambda: _check(database, full=full), full=full)
            else:
                _check(database, full=full)
            if header_version < SCHEMA_VERSION:
                backups.make_backup(path, "migration")
                _migrate(database)
        except BaseException:
            if database.startup_check is not None:
                database.startup_check.stop()
            database.engine.dispose()
            raise
        return database
    except BaseException:
        if lock is not None:  # refused after a crash: keep the sign of it, so the next start checks fully
            lock.release(keep_file=lock.previous_session_crashed)
        raise


def _open_read_only(
    path: Path, blocked: ReadOnlyReason, *, header_version: int, location: LocationAssessment
) -> Database:
    """Open a file that cannot be written, for reading only: no lock, no backup, nothing written."""
    if header_version < SCHEMA_VERSION:
        raise ReadOnlyError(
            path, f"Databasen {shown_path(path)} är gjord av en äldre version av programmet och måste "
            f"uppgraderas innan den kan öppnas, men {blocked.describe()}. Ingenting har ändrats; öppna den "
            "där den kan skrivas en gång, så uppgraderas den (en säkerhetskopia görs först).",
        )
    database = Database(create_read_only_engine(read_only_uri(path)), path, location=location, read_only=blocked)
    try:
        _check(database, full=False)
    except StorageFailure as error:
        database.engine.dispose()
        pending = unmerged_changes(path)
        if pending is None:
            raise
        raise ReadOnlyError(
            path, f"Databasen {shown_path(path)} har ändringar i {shown_path(pending.name)} som ännu inte förts "
            f"in i filen, och de kan inte läsas när {blocked.describe()}. Ingenting har ändrats. Öppna den "
            "en gång där den kan skrivas (då förs ändringarna in), eller kopiera båda filerna till en "
            "mapp där du får skriva.",
        ) from error
    except BaseException:
        database.engine.dispose()
        raise
    return database


def _check(database: Database, *, full: bool) -> None:
    """Refuse a damaged file before anything writes to it (no repair, no new empty file)."""
    assert database.path is not None
    pragma = "integrity_check" if full else "quick_check"
    try:
        with database.engine.connect() as connection:
            rows = [r[0] for r in connection.exec_driver_sql(f"PRAGMA {pragma}")]
            connection.rollback()
    except DBAPIError as error:
        failure = translate(error, database.path)
        if failure is not None:  # read-only, busy, gone: not damage, and restoring would not help
            raise failure from error
        rows = [str(error.orig)]
    if rows == ["ok"]:
        return
    raise CorruptDatabaseError(
        database.path,
        f"Databasen {database.path} är skadad ({'; '.join(rows[:2])}). Ingenting har skrivits till den. "
        f"{restore_offer(database.path)}",
    )


def _create(path: Path, *, journal_mode: str) -> None:
    """Build a new, migrated database beside ``path`` and rename it into place."""
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
        database = Database(create_database_engine(_sqlite_url(building), journal_mode=journal_mode), building)
        try:
            _migrate(database)
        finally:
            database.close()  # the last connection checkpoints and removes -wal/-shm
        os.replace(building, path)
    except BaseException:
        for leftover in _with_sidecars(building):
            leftover.unlink(missing_ok=True)
        raise


def _migrate(database: Database) -> None:
    with write_engine(database.engine).begin() as connection:
        upgrade_to_head(connection)
        version = connection.execute(text("PRAGMA user_version")).scalar_one()
        if version != SCHEMA_VERSION:  # a migration forgot to set it: refuse to commit
            raise RuntimeError(f"schema version {version} after migrating, expected {SCHEMA_VERSION}")


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


def _sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"

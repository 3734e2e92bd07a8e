"""An open database, and opening one from a SQLite file.

``Database`` is the data as the services see it: an engine, read sessions and write sessions
(each one transaction) and the hooks on write sessions (the signed guard, the change log). What
depends on where the data lives it asks of its store (storage/store.py): the SQLite file
(storage/sqlite_file.py) checks before every transaction that it is still the file that was
opened, refuses writes when it is read-only, checks itself, and keeps the backups. A shared
database server would be another store behind the same Database.

``open_database`` opens (or creates) a database file:
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
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, event, text
from sqlalchemy.exc import DBAPIError

from promises_app.domain.changes import Changes
from promises_app.storage.backups import BackupInfo
from promises_app.storage.engine import create_database_engine, create_read_only_engine, write_engine
from promises_app.storage.location_safety import LocationAssessment, assess_location
from promises_app.storage.lock import DatabaseLock
from promises_app.storage.migrate import SCHEMA_VERSION, MigrationError, migration_transaction, upgrade_to_head
from promises_app.storage.read_only import ReadOnlyReason, read_only_uri
from promises_app.storage.sqlite_file import SqliteFile, open_file
from promises_app.storage.startup_check import CheckState, StartupCheck
from promises_app.storage.store import Store

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker


class Database:
    """An open database: read sessions and write sessions (each one transaction) over ``store``."""

    def __init__(self, engine: Engine, store: Store) -> None:
        self.engine = engine
        self.store = store
        #: The start-up check still running beside the window (``check_later``), or None.
        self.startup_check: StartupCheck | None = None
        #: Told the Changes of every committed write transaction (the window's undo versions).
        self.listeners: list[Callable[[Changes], None]] = []
        self._sessions: tuple[sessionmaker[Session], sessionmaker[Session]] | None = None

    def _session_makers(self) -> tuple[sessionmaker[Session], sessionmaker[Session]]:
        """The read and write session factories, made with the first session (the ORM loads then)."""
        if self._sessions is None:
            from sqlalchemy.orm import sessionmaker

            from promises_app.storage.change_capture import capture_rows
            from promises_app.storage.changelog import record_changes, remember_deleted
            from promises_app.storage.models import Base
            from promises_app.storage.signed_guard import refuse_signed_edits, remember_created_agreements

            read = sessionmaker(self.engine, expire_on_commit=False)
            write = sessionmaker(write_engine(self.engine), expire_on_commit=False)
            event.listen(write, "before_flush", refuse_signed_edits)  # signed means signed (P9)
            event.listen(write, "after_flush", remember_created_agreements)
            event.listen(write, "after_flush", capture_rows)  # what changed, for the views
            event.listen(write, "after_flush", record_changes)  # every edit, in its transaction
            if not event.contains(Base, "after_delete", remember_deleted):  # orphans too (mapper-wide)
                event.listen(Base, "after_delete", remember_deleted, propagate=True)
            self._sessions = (read, write)
        return self._sessions

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        """A read transaction: one consistent snapshot, never commits."""
        self.store.before_transaction()
        make_read, _ = self._session_makers()
        with self._translated():
            with make_read() as session, session.begin():
                yield session
                session.rollback()

    @contextlib.contextmanager
    def read_rows(self) -> Iterator[Connection]:
        """A read transaction on a plain connection, for SQLAlchemy Core queries without the ORM
        (the window's first agreement list is shown before the ORM has loaded)."""
        self.store.before_transaction()
        with self._translated(), self.engine.connect() as connection:
            connection.begin()
            yield connection
            connection.rollback()

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """One unit of work: ``BEGIN IMMEDIATE``, commit on success, roll back on any error."""
        from promises_app.storage.change_capture import check_expected, publish, taken

        self.refuse_writes()
        self.store.before_transaction()
        _, make_write = self._session_makers()
        with self._translated():
            with make_write() as session, session.begin():
                check_expected(session)  # an undo: the rows must be as this window left them
                yield session
            changes = taken(session)
        if changes:
            publish(changes)
            for listener in self.listeners:
                listener(changes)

    def refuse_writes(self) -> None:
        """Raise ReadOnlyError, naming the folder or file that blocks, if opened for reading only;
        wait for the start-up check, and refuse if it failed (storage/startup_check.py).

        Every write session asks, and so does whatever writes beside the database (a backup)."""
        self.store.refuse_writes()
        if self.startup_check is not None:
            self.startup_check.hold_writes()

    def require_intact(self, action: str) -> None:
        """Refuse ``action`` (Swedish, e.g. "Undertecknandet") unless the full integrity check
        finds nothing (storage/integrity.py says why the quick check at start is not enough)."""
        self.store.require_intact(self.engine, action)

    def integrity_problems(self) -> list[str]:
        """What the full integrity and reference checks find, one Swedish line each (empty: intact)."""
        with self.read() as session:
            return self.store.integrity_problems(session.connection())

    def backup(self, reason: str, *, now: datetime | None = None) -> BackupInfo:
        """A checked backup now (reasons: storage/backups.REASONS); refused when opened read-only."""
        self.refuse_writes()
        return self.store.backup(reason, now=now)

    def backups(self) -> list[BackupInfo]:
        """This database's backups, newest first."""
        return self.store.backups()

    @property
    def keeps_backups(self) -> bool:
        """Whether the program backs this database up itself (a file). A shared database's backups
        are its server's (storage/server.py): the backups before an import or on closing are skipped."""
        return self.file is not None

    def close(self) -> None:
        check = self.startup_check
        if check is not None:
            check.stop()
        self.engine.dispose()
        # A check after a crash that did not pass leaves the sign of the crash: the next start checks fully.
        if check is not None and check.state is not CheckState.PASSED and isinstance(self.store, SqliteFile):
            self.store.abandon()
        else:
            self.store.close()

    # Read-only views of the store, for the window and the command line (which show the file and
    # warn about it) and for storage's own tests; services do not use them (tests/storage/test_layering.py).
    @property
    def path(self) -> Path | None:
        """The database file (None: the data is not in a file)."""
        return self.store.path

    @property
    def read_only(self) -> ReadOnlyReason | None:
        """Why the database is open for reading only (None: it can be written)."""
        return self.store.read_only

    @property
    def file(self) -> SqliteFile | None:
        """The SQLite file behind this database (None: another kind of store)."""
        return self.store if isinstance(self.store, SqliteFile) else None

    @property
    def lock(self) -> DatabaseLock | None:
        return self.file.lock if self.file is not None else None

    @property
    def location(self) -> LocationAssessment | None:
        """Where the file lives (network, removable, cloud-synced or local), for the window to warn."""
        return self.file.location if self.file is not None else None

    @contextlib.contextmanager
    def _translated(self) -> Iterator[None]:
        try:
            yield
        except DBAPIError as error:
            failure = self.store.failure(error)
            if failure is None:
                raise
            raise failure from error


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

    ``path`` may instead be a PostgreSQL URL (``postgresql://user@host/dbname``): the shared
    database (storage/server.py), which has no file, lock or read-only mode of its own.
    """
    from promises_app.storage.server import is_server_address, open_server_database

    if is_server_address(path):
        database: Database = open_server_database(str(path), create=create)
        return database
    path = Path(path).expanduser().absolute()
    location = assess_location(path)  # WAL on local disks, the DELETE journal where WAL is unsafe
    file = open_file(
        path, location=location, create=create, exclusive=exclusive, allow_read_only=allow_read_only,
        build=_build,
    )
    try:
        database = Database(_engine(file), file)
        try:
            full = file.previous_session_crashed
            if check_later and file.schema_version == SCHEMA_VERSION and file.read_only is None:
                database.startup_check = StartupCheck(file.path, lambda: _check(database, full=full), full=full)
            else:
                _check(database, full=full)
            if file.schema_version < SCHEMA_VERSION:
                database.backup("migration")
                _migrate(database)
        except BaseException:
            if database.startup_check is not None:
                database.startup_check.stop()
            database.engine.dispose()
            raise
        return database
    except BaseException:
        file.abandon()  # refused after a crash: the lock file keeps the sign of it
        raise


def _engine(file: SqliteFile) -> Engine:
    """The engine over ``file``: read-only (storage/read_only.py) or in its journal mode."""
    if file.read_only is not None:
        return create_read_only_engine(read_only_uri(file.path))
    return create_database_engine(file.url, journal_mode=file.journal_mode)


def _check(database: Database, *, full: bool) -> None:
    """Refuse a damaged file before anything writes to it (no repair, no new empty file)."""
    database.store.check_on_open(database.engine, full=full)


def _build(file: SqliteFile) -> None:
    """Fill a new file (built beside its real name) with the current schema."""
    database = Database(_engine(file), file)
    try:
        _migrate(database)
    finally:
        database.close()  # the last connection checkpoints and removes -wal/-shm


def _migrate(database: Database) -> None:
    """Every pending migration in one transaction (storage/migrate.migration_transaction)."""
    with migration_transaction(database.engine) as connection:
        upgrade_to_head(connection)
        version = connection.execute(text("PRAGMA user_version")).scalar_one()
        if version != SCHEMA_VERSION:  # a migration forgot to set it: refuse to commit
            raise MigrationError(f"schema version {version} after migrating, expected {SCHEMA_VERSION}")

"""Opening a database file safely, and the two kinds of transaction the services use.

``open_database`` checks the file's header before connecting (a foreign or newer file is
refused untouched), creates a new file atomically (built beside the target, then renamed, so
a crash never leaves a half-made database under the real name), owner-only on POSIX, and
applies pending migrations in one transaction.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session, sessionmaker

from promises_app.storage.engine import create_database_engine, write_engine
from promises_app.storage.errors import DatabaseMissingError, NewerSchemaError
from promises_app.storage.file_identity import read_header
from promises_app.storage.migrate import SCHEMA_VERSION, upgrade_to_head

PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


class Database:
    """An open database: read sessions and write sessions (each one transaction)."""

    def __init__(self, engine: Engine, path: Path | None = None) -> None:
        self.engine = engine
        self.path = path
        self._read = sessionmaker(engine, expire_on_commit=False)
        self._write = sessionmaker(write_engine(engine), expire_on_commit=False)

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        """A read transaction: one consistent snapshot, never commits."""
        with self._read() as session, session.begin():
            yield session
            session.rollback()

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """One unit of work: ``BEGIN IMMEDIATE``, commit on success, roll back on any error."""
        with self._write() as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()


def open_database(path: Path | str, *, create: bool = True) -> Database:
    """Open (or create) the database file at ``path``, migrated to the current schema."""
    path = Path(path).expanduser().absolute()
    if path.exists():
        header = read_header(path)
        if header.user_version > SCHEMA_VERSION:
            raise NewerSchemaError(
                path,
                f"Databasen {path} är skapad med en nyare version av Medborgarlöften "
                f"(schemaversion {header.user_version}; den här versionen läser till och med "
                f"{SCHEMA_VERSION}). Uppdatera programmet. Filen har inte ändrats.",
            )
        database = Database(create_database_engine(_sqlite_url(path)), path)
        if header.user_version < SCHEMA_VERSION:
            _migrate(database)
        return database
    if not create:
        raise DatabaseMissingError(path, f"Databasen {path} finns inte.")
    _create(path)
    return Database(create_database_engine(_sqlite_url(path)), path)


def _create(path: Path) -> None:
    """Build a new, migrated database beside ``path`` and rename it into place."""
    _make_private_dir(path.parent)
    building = path.with_name(f".{path.name}.creating-{os.getpid()}")
    for stale in _with_sidecars(building):
        stale.unlink(missing_ok=True)
    fd = os.open(building, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE_MODE)
    os.close(fd)
    try:
        database = Database(create_database_engine(_sqlite_url(building)), building)
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


def _make_private_dir(folder: Path) -> None:
    if not folder.exists():
        folder.mkdir(parents=True, mode=PRIVATE_DIR_MODE)


def _with_sidecars(path: Path) -> list[Path]:
    return [path, *(path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal"))]


def _sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"

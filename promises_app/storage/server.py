"""The shared database: the same program on a PostgreSQL server (docs/shared-database.md).

A database is named by a file path (SQLite, the embedded default) or by a URL
(``postgresql://user@host/dbname``, driven by psycopg 3). ``is_server_address`` tells them
apart; ``open_server_database`` is the URL's ``open_database``:

1. connects (passwords come from libpq: ``~/.pgpass``, ``PGPASSFILE``, a service file, or
   the ``password`` the window asked for; none is ever written to settings or logs);
2. refuses a database that holds another program's tables, or one made by a newer version of
   this program, untouched (storage/server_schema.py);
3. creates the schema in an empty database, or migrates an older one, in one transaction.

``ServerStore`` is the ``Store`` (storage/store.py) of such a database: there is no file to
watch, no one-writer lock (the server serialises writers; storage/changelog.py takes the
change log's lock), and no backups of its own: backups of a server are the server's job
(``pg_dump``), and asking for one here says so.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError, OperationalError

from promises_app.storage.backups import BackupError, BackupInfo
from promises_app.storage.errors import DatabaseOpenError, StorageFailure
from promises_app.storage.read_only import ReadOnlyReason

#: Where a shared database's backups are explained (restore and backup say so).
BACKUPS_ON_A_SERVER = (
    "Den delade databasen säkerhetskopieras av servern (pg_dump), inte av programmet. Be den som sköter "
    "servern om en kopia eller en återställning; docs/shared-database.md beskriver hur."
)

_SCHEMES = ("postgresql", "postgres")


def is_server_address(target: object) -> bool:
    """A URL of a PostgreSQL database rather than a file path."""
    return isinstance(target, (str, URL)) and str(target).split(":", 1)[0].split("+", 1)[0] in _SCHEMES


def server_url(target: str | URL, *, password: str | None = None) -> URL:
    """The SQLAlchemy URL with the psycopg 3 driver (``postgresql://`` means psycopg here)."""
    url = make_url(target)
    url = url.set(drivername="postgresql+psycopg")
    if password is not None:
        url = url.set(password=password)
    return url


def shown_address(url: str | URL) -> str:
    """The URL as shown to a person and written in logs: never with a password."""
    return make_url(url).render_as_string(hide_password=True)


def create_server_engine(url: str | URL, *, password: str | None = None) -> Engine:
    """An engine over the server: reads see one snapshot (REPEATABLE READ), writes use READ
    COMMITTED with row versions and locks (Database.write; storage/changelog.py)."""
    return create_engine(
        server_url(url, password=password),
        isolation_level="REPEATABLE READ",
        pool_pre_ping=True,
        pool_size=2,
        max_overflow=4,
        connect_args={"application_name": "medborgarloften", "connect_timeout": 10},
    )


def write_options(engine: Engine) -> Engine:
    """Write transactions: READ COMMITTED, so a row another writer committed is seen (and its
    newer version refused: optimistic concurrency) rather than failing the whole transaction."""
    return engine.execution_options(isolation_level="READ COMMITTED")


class ServerStore:
    """The Store of a database on a PostgreSQL server."""

    def __init__(self, url: str | URL) -> None:
        self.url = make_url(url)

    @property
    def path(self) -> Path | None:
        return None

    @property
    def address(self) -> str:
        """What the window and messages show for this database."""
        return shown_address(self.url)

    @property
    def read_only(self) -> ReadOnlyReason | None:
        return None

    def before_transaction(self) -> None:
        return None

    def refuse_writes(self) -> None:
        return None

    def failure(self, error: BaseException) -> StorageFailure | None:
        """A lost or refused connection, in words; other errors are the caller's."""
        if isinstance(error, OperationalError):
            return StorageFailure(
                None,
                f"Förbindelsen med den delade databasen {self.address} bröts eller nekades ({_first_line(error)}). "
                "Ingenting av den senaste ändringen sparades; det som sparats tidigare finns kvar på servern. "
                "Försök igen när förbindelsen fungerar.",
            )
        return None

    def check_on_open(self, engine: Engine, *, full: bool) -> None:
        """The server checks its own pages; nothing to do here."""
        return None

    def require_intact(self, engine: Engine, action: str) -> None:
        return None

    def integrity_problems(self, connection: Connection) -> list[str]:
        """The server keeps its pages and constraints intact itself; the change log is checked apart."""
        return []

    def backup(self, reason: str, *, now: datetime | None = None) -> BackupInfo:
        raise BackupError(BACKUPS_ON_A_SERVER)

    def backups(self) -> list[BackupInfo]:
        return []

    def close(self) -> None:
        return None


def _first_line(error: DBAPIError) -> str:
    original: Any = error.orig
    return str(original).strip().splitlines()[0] if original is not None else str(error)


def open_server_database(url: str | URL, *, create: bool = True, password: str | None = None) -> Any:
    """Open (or create the schema in) the PostgreSQL database at ``url``: a checked, current Database."""
    from promises_app.storage.database import Database
    from promises_app.storage.server_schema import prepare

    engine = create_server_engine(url, password=password)
    store = ServerStore(url)
    try:
        try:
            with engine.connect() as connection:
                connection.exec_driver_sql("SELECT 1")
        except OperationalError as error:
            raise DatabaseOpenError(
                Path(store.address),
                f"Den delade databasen {store.address} kunde inte nås ({_first_line(error)}). Kontrollera adressen, "
                "att servern är igång och att ditt konto får ansluta (lösenord i ~/.pgpass eller en tjänstefil; "
                "docs/shared-database.md).",
            ) from error
        prepare(engine, store.address, create=create)
    except BaseException:
        engine.dispose()
        raise
    return Database(engine, store)

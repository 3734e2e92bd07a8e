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
from urllib.parse import unquote

from sqlalchemy import Connection, Engine, create_engine
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError, OperationalError

from promises_app.domain.permissions import Permissions, ReadingOnly
from promises_app.storage.backups import BackupError, BackupInfo
from promises_app.storage.errors import DatabaseOpenError, PasswordRequiredError, ReadOnlyError, StorageFailure
from promises_app.storage.read_only import ReadOnly

#: Where a shared database's backups are explained (restore and backup say so).
BACKUPS_ON_A_SERVER = (
    "Den delade databasen säkerhetskopieras av servern (pg_dump), inte av programmet. Be den som sköter "
    "servern om en kopia eller en återställning; docs/shared-database.md beskriver hur."
)

_SCHEMES = ("postgresql", "postgres")
#: The ``sslmode`` values that demand TLS. Over the network libpq refuses a server without it; on a
#: Unix socket libpq never uses TLS and connects anyway, so the program refuses that itself.
TLS_MODES = ("require", "verify-ca", "verify-full")
#: Where a missing password is looked for, named in the messages (libpq reads them itself).
PASSWORD_PLACES = "~/.pgpass (eller filen som PGPASSFILE anger) eller en tjänstefil (?service=namn)"


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
    """The URL as shown to a person and written in logs: never with a password (neither the
    URL's own nor libpq's ``password=`` in its query)."""
    url = make_url(url)
    if "password" in url.query:
        url = url.update_query_dict({"password": "***"})
    # The query as a person wrote it: a socket folder reads /var/run/postgresql, not %2Fvar%2Frun….
    base, _, query = url.render_as_string(hide_password=True).partition("?")
    return f"{base}?{unquote(query)}" if query else base


def remembered_address(url: str | URL) -> str:
    """The URL to remember (recent files, the last database): no password in it at all, so
    reopening it asks libpq (``~/.pgpass``, a service file) or the person again."""
    given = make_url(url)
    # URL.set() ignores None, so the URL is made again without its password.
    bare = URL.create(given.drivername, username=given.username, host=given.host, port=given.port,
                      database=given.database, query=given.query).difference_update_query(["password"])
    return bare.render_as_string(hide_password=False)


def server_address(host: str, database: str, *, user: str = "", port: int | None = None, sslmode: str = "") -> str:
    """The URL of a database from its parts (the window's connect dialog): never with a password.

    A ``host`` that is a folder (``/var/run/postgresql``) is a local server's socket: libpq takes
    it in the query, where a URL's host part cannot hold a path."""
    query = {"sslmode": sslmode} if sslmode else {}
    if host.startswith("/"):
        query = {"host": host, **query}
        host, port = "", None
    url = URL.create("postgresql", username=user or None, host=host or None, port=port, database=database,
                     query=query)
    return url.render_as_string(hide_password=False)


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

    def __init__(self, url: str | URL, *, permissions: Permissions | None = None) -> None:
        self.url = make_url(url)
        #: What the connected account may do, asked of the server on connecting (storage/server_permissions.py).
        self.permissions = permissions if permissions is not None else Permissions.everything()

    @property
    def path(self) -> Path | None:
        return None

    @property
    def address(self) -> str:
        """What the window and messages show for this database."""
        return shown_address(self.url)

    @property
    def read_only(self) -> ReadOnly | None:
        """An account that may only read sees the database as read-only (the window greys out edits)."""
        return None if self.permissions.edit else ReadingOnly(self.permissions, self.address)

    def before_transaction(self) -> None:
        return None

    def refuse_writes(self) -> None:
        """Refuse a write before it reaches the server when the account may only read."""
        reason = self.read_only
        if reason is not None:
            raise ReadOnlyError(None, reason.refusal())

    def failure(self, error: BaseException) -> StorageFailure | None:
        """A lost or refused connection, or a write the account's roles do not allow, in words;
        other errors are the caller's."""
        from promises_app.storage.server_permissions import is_permission_denied, refusal

        if is_permission_denied(error):
            return ReadOnlyError(None, refusal(error, self.permissions, self.address))
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


def _raise_for_password(error: OperationalError, address: str, *, given: bool) -> None:
    """PasswordRequiredError when the server asked for a password libpq found nowhere, or
    refused the one given: the window and a command line at a terminal ask for it then.

    Told by libpq's connection state (``needs_password``, ``used_password``), not by its words,
    which the server may send in another language."""
    connection: Any = getattr(error.orig, "pgconn", None)
    if connection is None or not connection.used_password:
        return
    if connection.needs_password:
        raise PasswordRequiredError(
            Path(address),
            f"Den delade databasen {address} kräver ett lösenord, och inget fanns i {PASSWORD_PLACES}. "
            "Lägg lösenordet där, eller ange det när programmet frågar (docs/shared-database.md).",
            rejected=False,
        ) from error
    if given:
        raise PasswordRequiredError(
            Path(address),
            f"Servern godtog inte lösenordet för {address} ({_first_line(error)}).",
            rejected=True,
        ) from error


def _refuse_without_tls(connection: Connection, address: str) -> None:
    """Honour an ``sslmode`` that demands TLS where libpq does not: on a Unix socket.

    libpq refuses a network connection without TLS itself under those modes, but never uses TLS
    on a local socket and connects regardless; a person who asked for TLS is told instead."""
    raw: Any = connection.connection.dbapi_connection
    pgconn = raw.pgconn
    mode = next((option.val for option in pgconn.info if option.keyword == b"sslmode"), None)
    wanted = mode.decode() if mode else ""
    if wanted in TLS_MODES and not pgconn.ssl_in_use:
        raise DatabaseOpenError(
            Path(address),
            f"Adressen {address} kräver TLS (sslmode={wanted}), men förbindelsen är inte krypterad: den går "
            "genom en lokal socket, där PostgreSQL aldrig använder TLS. Ange serverns namn (host) för att "
            "ansluta över nätverket med TLS, eller ta bort sslmode för en lokal server. Ingenting har lästs "
            "eller skrivits.",
        )


def open_server_database(url: str | URL, *, create: bool = True, password: str | None = None) -> Any:
    """Open (or create the schema in) the PostgreSQL database at ``url``: a checked, current Database.

    ``password``: one the person typed (never stored); without it libpq looks in ``~/.pgpass``,
    ``PGPASSFILE`` and a service file. PasswordRequiredError when the server wants one that was
    not found, or refused the one given."""
    from promises_app.storage.database import Database
    from promises_app.storage.server_permissions import is_permission_denied, server_permissions
    from promises_app.storage.server_schema import prepare

    engine = create_server_engine(url, password=password)
    store = ServerStore(url)
    try:
        try:
            with engine.connect() as connection:
                connection.exec_driver_sql("SELECT 1")
                _refuse_without_tls(connection, store.address)
        except OperationalError as error:
            _raise_for_password(error, store.address, given=password is not None or make_url(url).password is not None)
            raise DatabaseOpenError(
                Path(store.address),
                f"Den delade databasen {store.address} kunde inte nås ({_first_line(error)}). Kontrollera adressen, "
                "att servern är igång och att ditt konto får ansluta (lösenord i ~/.pgpass eller en tjänstefil; "
                "docs/shared-database.md).",
            ) from error
        try:
            prepare(engine, store.address, create=create)
        except DBAPIError as error:
            if not is_permission_denied(error):
                raise
            raise DatabaseOpenError(
                Path(store.address),
                f"Den delade databasen {store.address} behöver tabeller eller en uppgradering som bara dess ägare får "
                "göra, och ditt konto är inte ägaren. Ingenting har ändrats. Be den som sköter databasen "
                "(kommunens IT) köra `promises-app server-init` med ägarens konto (docs/shared-database.md).",
            ) from error
        with engine.connect() as connection:
            store.permissions = server_permissions(connection)
    except BaseException:
        engine.dispose()
        raise
    return Database(engine, store)

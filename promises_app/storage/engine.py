"""The one engine factory, and the per-connection settings the data-safety properties rest on.

pysqlite's own transaction handling is switched off (SQLAlchemy's documented recipe for the
SQLite dialect): we emit ``BEGIN`` ourselves so that a read transaction really is one, and so
that write transactions start with ``BEGIN IMMEDIATE``. A deferred transaction that reads and
then writes fails with "database is locked" at once, ignoring the busy timeout; an immediate
one waits out contention for ``busy_timeout`` instead.
"""

from __future__ import annotations

import sqlite3
from typing import Any

import sqlalchemy.dialects.sqlite.pysqlite  # noqa: F401 - see below
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.pool import NullPool

# The SQLite dialect is imported here, with this module, rather than by the first create_engine:
# the window's start-up imports this module before Qt, and PySide6 reads the source of every
# module whose import runs after it is loaded (to see whether the module uses it), which cost the
# dialect's ~30 modules about 9 ms before the first window.

#: Written into the SQLite header so our files are recognised (and others' refused): "MBLF".
APPLICATION_ID = 0x4D424C46

#: Milliseconds a writer waits for another writer before "database is locked".
BUSY_TIMEOUT_MS = 5000

#: Execution option naming how a transaction begins: "DEFERRED" (reads) or "IMMEDIATE" (writes).
BEGIN_MODE_OPTION = "promises_begin_mode"


def create_database_engine(url: str | URL, *, journal_mode: str = "WAL") -> Engine:
    """Create the engine for a database URL, configured for crash-safe use.

    For SQLite every connection gets ``foreign_keys=ON``, the given journal mode (WAL on
    local disks; DELETE where WAL is unsafe), ``synchronous=FULL`` and a busy timeout.
    Other dialects are passed through unchanged (reserved for a later shared-database mode).
    """
    url = make_url(url)
    if url.get_backend_name() != "sqlite":
        return create_engine(url)
    # NullPool: a desktop app holds few connections, and closing them promptly lets the
    # last one checkpoint the WAL and remove the -wal/-shm files on exit.
    engine = create_engine(url, poolclass=NullPool)
    _configure_sqlite(engine, journal_mode=journal_mode)
    return engine


def create_read_only_engine(uri: str) -> Engine:
    """An engine over a SQLite URI that can only read (``mode=ro``, perhaps ``immutable=1``; see
    storage/read_only.py): no journal mode is set, and ``query_only`` refuses any write."""

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(uri, uri=True, check_same_thread=False)

    engine = create_engine("sqlite://", creator=connect, poolclass=NullPool)
    _configure_sqlite(engine, journal_mode=None)
    return engine


def sqlite_library_version() -> str:
    """The SQLite library's version (not the driver's), for the bench's machine table."""
    return sqlite3.sqlite_version


def write_engine(engine: Engine) -> Engine:
    """The same engine, but every transaction begins with ``BEGIN IMMEDIATE`` (SQLite), or runs at
    READ COMMITTED (a PostgreSQL server: storage/server.py)."""
    if engine.dialect.name == "postgresql":
        return engine.execution_options(isolation_level="READ COMMITTED")
    return engine.execution_options(**{BEGIN_MODE_OPTION: "IMMEDIATE"})


def _configure_sqlite(engine: Engine, *, journal_mode: str | None) -> None:
    """``journal_mode`` None: a read-only connection, which must not try to change the file."""
    if journal_mode is not None and journal_mode.upper() not in {"WAL", "DELETE", "TRUNCATE", "PERSIST"}:
        raise ValueError(f"unsupported journal mode {journal_mode!r}")

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take transaction control away from the driver (SQLAlchemy's pysqlite recipe).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA foreign_keys = ON")
            if journal_mode is None:
                cursor.execute("PRAGMA query_only = ON")
            else:
                cursor.execute(f"PRAGMA journal_mode = {journal_mode.upper()}")
                cursor.execute("PRAGMA synchronous = FULL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        mode = conn.get_execution_options().get(BEGIN_MODE_OPTION, "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

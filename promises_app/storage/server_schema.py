"""The schema on a PostgreSQL server: recognised, created and kept current (docs/shared-database.md).

SQLite files carry the program's application id and schema version in their header (PRAGMA
``application_id`` / ``user_version``). A server database carries the same two facts in a
one-row table, ``application_identity``, checked on every connect before anything is written:

- a database with tables but no such row (another program's) is refused untouched;
- a database whose schema version is newer than this program's is refused untouched;
- an empty database gets the current schema: the models' tables, the guards that SQLite has
  as triggers written in PL/pgSQL (storage/server_guards.py), the database's own id and the
  change log's head, and Alembic's version stamped at the head;
- an older one is migrated with Alembic, in one transaction (migrations after schema 11 are
  written for both engines; SQLite's history before it is not replayed on a server, whose
  first schema is schema 11).

Creating and migrating hold a transaction-scoped advisory lock, so two programs connecting
to a new database at once do not both create it.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, inspect, text

from promises_app.storage.engine import APPLICATION_ID
from promises_app.storage.errors import DatabaseMissingError, NewerSchemaError, NotOurDatabaseError

#: Advisory lock key (pg_advisory_xact_lock) held while the schema is created or migrated.
SCHEMA_LOCK = APPLICATION_ID
GENESIS = "0" * 64

#: The tables whose rows must all have a logged insert (as in a new SQLite file).
LOGGED_TABLES = (
    "adopted_reports", "agreement_indicators", "agreements", "focus_areas", "follow_ups", "goals",
    "indicator_definitions", "indicator_values", "measures", "occurrences", "organisations", "parties",
    "people", "period_follow_ups", "promises", "safety_walks", "signatories", "signed_copies",
    "signed_revisions", "situation_sources", "walk_findings",
)


def schema_version_of(connection: Connection) -> int | None:
    """The schema version the database says it has (None: not one of ours, or empty)."""
    if not inspect(connection).has_table("application_identity"):
        return None
    row = connection.execute(text("SELECT application_id, schema_version FROM application_identity")).first()
    if row is None or row[0] != APPLICATION_ID:
        return None
    return int(row[1])


def prepare(engine: Engine, address: str, *, create: bool) -> None:
    """Check the database at ``address`` and bring it to the current schema (or refuse it untouched)."""
    from pathlib import Path

    from promises_app.storage.migrate import SCHEMA_VERSION

    where = Path(address)
    with engine.connect() as connection:
        version = schema_version_of(connection)
        tables = [t for t in inspect(connection).get_table_names() if t != "alembic_version"]
    if version is None and tables:
        raise NotOurDatabaseError(
            where, f"Databasen {address} innehåller redan tabeller som inte är Medborgarlöftens "
            f"({', '.join(sorted(tables)[:3])}…). Ingenting har ändrats i den. Ange en tom databas eller en som "
            "programmet har skapat.",
        )
    if version is not None and version > SCHEMA_VERSION:
        raise NewerSchemaError(
            where, f"Databasen {address} har skapats av en nyare version av programmet (schemaversion {version}; "
            f"den här versionen känner till {SCHEMA_VERSION}). Ingenting har ändrats i den. Uppdatera programmet.",
        )
    if version == SCHEMA_VERSION:
        return
    if version is None and not create:
        raise DatabaseMissingError(where, f"Databasen {address} är tom: den har inget Medborgarlöften-schema.")
    with engine.connect().execution_options(isolation_level="READ COMMITTED") as connection:
        with connection.begin():
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK})
            again = schema_version_of(connection)  # another program may have done it meanwhile
            if again is None:
                create_schema(connection)
            elif again < SCHEMA_VERSION:
                _migrate(connection)


def create_schema(connection: Connection, *, database_id: str | None = None, created_at: str | None = None) -> None:
    """The current schema in an empty database, inside the caller's transaction.

    ``database_id``/``created_at``: a database moved in from a file keeps the file's identity
    (storage/server_copy.py); otherwise a new random id, made now."""
    from promises_app.storage.migrate import SCHEMA_VERSION, head_revision
    from promises_app.storage.models import Base
    from promises_app.storage.server_guards import install_guards
    from promises_app.storage.server_notify import install_notify

    Base.metadata.create_all(connection)
    connection.execute(text(
        "CREATE TABLE application_identity (id integer PRIMARY KEY CHECK (id = 1), "
        "application_id integer NOT NULL, schema_version integer NOT NULL)"
    ))
    connection.execute(
        text("INSERT INTO application_identity (id, application_id, schema_version) VALUES (1, :app, :version)"),
        {"app": APPLICATION_ID, "version": SCHEMA_VERSION},
    )
    now = created_at or datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    connection.execute(
        text("INSERT INTO database_identity (id, database_id, created_at) VALUES (1, :id, :at)"),
        {"id": database_id or str(uuid.uuid4()), "at": now},
    )
    connection.execute(text("INSERT INTO change_log_head (id, entries, hash) VALUES (1, 0, :hash)"), {"hash": GENESIS})
    for table in LOGGED_TABLES:
        connection.execute(
            text("INSERT INTO change_log_coverage (table_name, unlogged_up_to) VALUES (:table, 0)"), {"table": table}
        )
    install_guards(connection)
    install_notify(connection)
    connection.execute(text("CREATE TABLE alembic_version (version_num varchar(32) NOT NULL PRIMARY KEY)"))
    connection.execute(text("INSERT INTO alembic_version (version_num) VALUES (:v)"), {"v": head_revision()})


def _migrate(connection: Connection) -> None:
    from promises_app.storage.migrate import SCHEMA_VERSION, upgrade_to_head

    upgrade_to_head(connection)
    connection.execute(text("UPDATE application_identity SET schema_version = :v"), {"v": SCHEMA_VERSION})

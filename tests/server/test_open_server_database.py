"""Opening a shared database on a PostgreSQL server (storage/server.py, storage/server_schema.py)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from promises_app.services import Services
from promises_app.storage.backups import BackupError
from promises_app.storage.changelog import verify_chain
from promises_app.storage.database import Database, open_database
from promises_app.storage.errors import NewerSchemaError, NotOurDatabaseError
from promises_app.storage.migrate import SCHEMA_VERSION
from tests.pg_server import PgServer


def test_a_new_database_gets_the_schema_and_keeps_what_is_saved(pg_server: PgServer) -> None:
    name = pg_server.new_name("fresh")
    url = pg_server.create_database(name)
    database = open_database(url)
    try:
        services = Services(database)
        services.maintenance.load_demo()
        titles = [a.title for a in services.agreements.list_agreements()]
    finally:
        database.close()
    again = open_database(url, create=False)
    try:
        assert [a.title for a in Services(again).agreements.list_agreements()] == titles
        assert titles
        with again.read() as session:
            assert verify_chain(session.connection()) == []
            version = session.execute(text("SELECT schema_version FROM application_identity")).scalar_one()
        assert version == SCHEMA_VERSION
    finally:
        again.close()
        pg_server.drop_database(name)


def test_another_programs_database_is_refused_untouched(pg_server: PgServer) -> None:
    name = pg_server.new_name("foreign")
    url = pg_server.create_database(name)
    pg_server.sql("CREATE TABLE invoices (id integer PRIMARY KEY)", database=name)
    with pytest.raises(NotOurDatabaseError, match="invoices"):
        open_database(url)
    import psycopg

    with psycopg.connect(host=str(pg_server.socket_dir), dbname=name, user="promises_owner") as conn:
        tables = [r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]
    assert tables == ["invoices"]
    pg_server.drop_database(name)


def test_a_newer_schema_is_refused_untouched(pg_db: Database, pg_url: str) -> None:
    with pg_db.engine.begin() as connection:
        connection.execute(text("UPDATE application_identity SET schema_version = :v"), {"v": SCHEMA_VERSION + 1})
    with pytest.raises(NewerSchemaError, match="nyare version"):
        open_database(pg_url)


def test_backups_are_the_servers_job(pg_db: Database) -> None:
    with pytest.raises(BackupError, match="pg_dump"):
        pg_db.backup("manual")
    assert pg_db.backups() == []

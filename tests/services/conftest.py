"""The services suite runs on both engines: a SQLite file and a throwaway PostgreSQL server.

``db`` (and so ``services`` and ``demo_services``) is parametrised by engine. A test about the
SQLite file itself (its path, backups, raw-SQL attacks on it) is marked ``sqlite_only``: its
PostgreSQL run is deselected at collection, so the output does not fill with skips. Where the
property such a test checks must hold on a server too, a twin beside it makes the same attack
with raw SQL on ``pg_db.engine``.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect, text

from promises_app.services import Services
from promises_app.storage.database import Database, open_database
from tests.conftest import BOOKKEEPING_TABLES

ENGINES = ("sqlite", "postgresql")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Leave out the PostgreSQL run of the tests about the SQLite file itself."""
    here = Path(__file__).parent
    kept, left_out = [], []
    for item in items:
        callspec = getattr(item, "callspec", None)
        on_server = callspec is not None and callspec.params.get("engine_name") == "postgresql"
        if on_server and item.path.is_relative_to(here) and item.get_closest_marker("sqlite_only"):
            left_out.append(item)
        else:
            kept.append(item)
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = kept


@pytest.fixture(params=ENGINES)
def engine_name(request: pytest.FixtureRequest) -> str:
    if request.param == "postgresql" and request.node.get_closest_marker("sqlite_only"):
        pytest.skip("about the SQLite file itself")
    return str(request.param)


@pytest.fixture
def db(request: pytest.FixtureRequest, engine_name: str, db_path: Path, _templates: dict[str, Path]) -> Iterator[Database]:
    """The test's database, on the engine of this run of the test."""
    if engine_name == "postgresql":
        yield request.getfixturevalue("pg_db")
        return
    shutil.copyfile(_templates["demo" if "demo_services" in request.fixturenames else "empty"], db_path)
    database = open_database(db_path)
    try:
        yield database
    finally:
        database.close()


def database_dump(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in primary-key order, read on a connection of its own (either engine)."""
    with db.engine.connect() as connection:
        found = inspect(connection)
        dump = {}
        for table in sorted(found.get_table_names()):
            key = found.get_pk_constraint(table)["constrained_columns"]
            order = ", ".join(f'"{column}"' for column in key) or "1"
            dump[table] = [tuple(row) for row in connection.execute(text(f'SELECT * FROM "{table}" ORDER BY {order}'))]
        return dump


@pytest.fixture
def snapshot(db: Database) -> Callable[[], dict[str, Any]]:
    """The whole database state, every row and every agreement's export (tests/conftest.py's, on both engines)."""

    def take() -> dict[str, Any]:
        services = Services(db)
        exports = {  # a cooperation agreement's export carries its promise documents
            summary.id: services.exchange.export_json(summary.id)
            for summary in services.agreements.list_agreements()
            if summary.parent_id is None
        }
        return {"rows": database_dump(db), "exports": exports}

    return take


@pytest.fixture
def counts(db: Database) -> Callable[[], dict[str, int]]:
    """The number of rows in each table of the data (bookkeeping tables left out), on both engines."""
    return lambda: {
        table: len(rows) for table, rows in database_dump(db).items()
        if table not in BOOKKEEPING_TABLES | {"application_identity"}
    }


#: ``tamper(sql, params, unguarded=(table, …))``: raw SQL behind the program's back.
Tamper = Callable[..., None]


@pytest.fixture
def tamper(db: Database, engine_name: str, db_path: Path) -> Tamper:
    """Raw SQL as someone with the database and an SQL tool would run it, on either engine.

    ``unguarded``: tables whose triggers the attacker gets out of the way first (dropped in the
    SQLite file; disabled for the statement as the server's superuser). ``params`` are named
    (``:name``), which both drivers take.
    """

    def run(sql: str, params: Mapping[str, object] | None = None, *, unguarded: Sequence[str] = ()) -> None:
        if engine_name == "sqlite":
            with sqlite3.connect(db_path) as raw:
                for table in unguarded:
                    for (name,) in raw.execute(
                        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", (table,)
                    ).fetchall():
                        raw.execute(f'DROP TRIGGER "{name}"')
                raw.execute(sql, dict(params or {}))
            return
        with db.engine.begin() as connection:
            for table in unguarded:
                connection.execute(text(f'ALTER TABLE "{table}" DISABLE TRIGGER USER'))
            connection.execute(text(sql), dict(params or {}))
            for table in unguarded:
                connection.execute(text(f'ALTER TABLE "{table}" ENABLE TRIGGER USER'))

    return run

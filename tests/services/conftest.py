"""The services suite runs on both engines: a SQLite file and a throwaway PostgreSQL server.

``db`` (and so ``services`` and ``demo_services``) is parametrised by engine. A test about the
SQLite file itself (its path, backups, raw-SQL attacks on it) is marked ``sqlite_only``.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from promises_app.storage.database import Database, open_database

ENGINES = ("sqlite",)  # the pg-suite work turns PostgreSQL on: ("sqlite", "postgresql")


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

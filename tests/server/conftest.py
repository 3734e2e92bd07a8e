"""Fixtures of the server tests: the demo on the throwaway PostgreSQL server."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from promises_app.storage.database import Database, open_database
from tests.pg_server import PgServer


@pytest.fixture
def pg_demo(pg_server: PgServer, _pg_templates: dict[str, str]) -> Iterator[Database]:
    """A database of the test's own on the server holding the demo (three signed agreements)."""
    name = pg_server.new_name("demo")
    database = open_database(pg_server.create_database(name, template=_pg_templates["demo"]))
    try:
        yield database
    finally:
        database.close()
        pg_server.drop_database(name)

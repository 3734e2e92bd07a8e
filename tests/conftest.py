"""Shared fixtures: a fresh database per test, the service layer on it, and the demo data.

No test may touch the real user folder: ``MEDBORGARLOFTEN_DATA_DIR`` points into the test's
own temporary directory for every test.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import contextlib
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from promises_app.services import Services
from promises_app.storage.database import Database, open_database
from promises_app.storage.locations import DATA_DIR_ENV
from tests.cli_support import demo_db  # noqa: F401 - the `demo_db` fixture, for every CLI test
from tests.pg_server import PgServer, running_server

# Property tests are pure and fast; a per-example deadline only makes them flaky on a busy machine.
settings.register_profile("medborgarloften", deadline=None)
settings.load_profile("medborgarloften")


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "user-data"
    monkeypatch.setenv(DATA_DIR_ENV, str(folder))
    return folder


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.sqlite"


def _template(folder: Path, name: str, *, demo: bool) -> Path:
    path = folder / name
    database = open_database(path)
    try:
        if demo:
            Services(database).maintenance.load_demo()
    finally:
        database.close()  # checkpoints: everything is in the main file, no -wal left
    return path


@pytest.fixture(scope="session")
def _templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A new database and one with the demo loaded, each made once per run by the program itself.

    Running the migrations and loading the demo take a noticeable moment; copying a closed,
    checkpointed file gives each test the same database in a fraction of it.
    """
    folder = tmp_path_factory.mktemp("templates")
    return {"empty": _template(folder, "empty.sqlite", demo=False), "demo": _template(folder, "demo.sqlite", demo=True)}


@pytest.fixture
def db(request: pytest.FixtureRequest, db_path: Path, _templates: dict[str, Path]) -> Iterator[Database]:
    """The test's database, opened with open_database (new, or with the demo if the test uses it)."""
    shutil.copyfile(_templates["demo" if "demo_services" in request.fixturenames else "empty"], db_path)
    database = open_database(db_path)
    try:
        yield database
    finally:
        database.close()


@pytest.fixture
def services(db: Database) -> Services:
    return Services(db)


# --- a throwaway PostgreSQL server (tests/pg_server.py) --------------------------------------------------------
@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """One server for the whole run, started when a test first asks for it.

    Without PostgreSQL's binaries the test is skipped on a developer's machine and fails in CI
    (CI=true), where `make test` has installed them (scripts/ensure-test-packages.sh)."""
    folder = Path(tempfile.mkdtemp(prefix="medborgarloften-pg-"))
    try:
        try:
            context = running_server(folder)
            server = context.__enter__()
        except LookupError as error:
            if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
                pytest.fail(str(error))
            pytest.skip(str(error))
        try:
            yield server
        finally:
            context.__exit__(None, None, None)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def _pg_templates(pg_server: PgServer) -> dict[str, str]:
    """Databases with the program's schema (and one with the demo), copied for each test."""
    names = {}
    for kind in ("empty", "demo"):
        name = f"template_{kind}"
        pg_server.create_database(name)
        database = open_database(pg_server.url(name))
        try:
            if kind == "demo":
                Services(database).maintenance.load_demo()
        finally:
            database.close()
        names[kind] = name
    return names


class _Spares:
    """One copy of each template made ahead, on a thread of its own, while the tests run.

    ``CREATE DATABASE … TEMPLATE`` takes the server a few hundred milliseconds on a busy
    machine, most of the setup of a test on PostgreSQL; made while the previous test runs, it
    is mostly ready when the next one asks.
    """

    def __init__(self, server: PgServer, templates: dict[str, str]) -> None:
        self.server, self.templates = server, templates
        self.maker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pg-spares")
        self.ready: dict[str, Future[str]] = {}

    def take(self, kind: str) -> str:
        """The name of a fresh copy of template ``kind``, the caller's to drop."""
        made = self.ready.pop(kind, None)
        name = made.result() if made is not None else self._copy(kind)
        self.ready[kind] = self.maker.submit(self._copy, kind)
        return name

    def _copy(self, kind: str) -> str:
        name = self.server.new_name()
        self.server.create_database(name, template=self.templates[kind])
        return name

    def close(self) -> None:
        self.maker.shutdown(wait=True)
        for made in self.ready.values():
            with contextlib.suppress(Exception):
                self.server.drop_database(made.result())


@pytest.fixture(scope="session")
def _pg_spares(pg_server: PgServer, _pg_templates: dict[str, str]) -> Iterator[_Spares]:
    spares = _Spares(pg_server, _pg_templates)
    try:
        yield spares
    finally:
        spares.close()


@pytest.fixture
def pg_url(request: pytest.FixtureRequest, pg_server: PgServer, _pg_spares: _Spares) -> Iterator[str]:
    """A fresh database of the test's own on the server (new, or with the demo for ``demo_services``)."""
    name = _pg_spares.take("demo" if "demo_services" in request.fixturenames else "empty")
    try:
        yield pg_server.url(name)
    finally:
        pg_server.drop_database(name)


@pytest.fixture
def pg_db(pg_url: str) -> Iterator[Database]:
    """The test's own database on the throwaway server, opened by open_database as the program does."""
    database = open_database(pg_url)
    try:
        yield database
    finally:
        database.close()


@pytest.fixture
def pg_demo(pg_server: PgServer, _pg_templates: dict[str, str]) -> Iterator[Database]:
    """A database of the test's own on the server holding the demo (three signed agreements), for
    server tests that want the demo without the ``services`` of a SQLite file."""
    name = pg_server.new_name("demo")
    database = open_database(pg_server.create_database(name, template=_pg_templates["demo"]))
    try:
        yield database
    finally:
        database.close()
        pg_server.drop_database(name)


@pytest.fixture
def demo_services(services: Services) -> Services:
    """Services on a database holding the demo agreements (``maintenance.load_demo()`` done)."""
    assert services.maintenance.has_demo_data()
    return services


def table_dump(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table of the database at ``path`` (read with a separate connection)."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        return {
            table: connection.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall()
            for table in tables
        }
    finally:
        connection.close()


#: Tables the program keeps about the database itself (schema version, identity, the log's
#: head and coverage); they have their rows from the start.
BOOKKEEPING_TABLES = frozenset({"alembic_version", "database_identity", "change_log_head", "change_log_coverage"})


def row_counts(path: Path) -> dict[str, int]:
    """Rows per table of the data (bookkeeping tables left out)."""
    return {table: len(rows) for table, rows in table_dump(path).items() if table not in BOOKKEEPING_TABLES}


@pytest.fixture
def snapshot(db: Database, db_path: Path) -> Callable[[], dict[str, Any]]:
    """A function returning the whole database state: every row, and the export of every agreement.

    Compare one taken before an action with one taken after to prove nothing changed.
    """

    def take() -> dict[str, Any]:
        services = Services(db)
        exports = {  # a cooperation agreement's export carries its promise documents
            summary.id: services.exchange.export_json(summary.id)
            for summary in services.agreements.list_agreements()
            if summary.parent_id is None
        }
        return {"rows": table_dump(db_path), "exports": exports}

    return take


@pytest.fixture
def counts(db: Database, db_path: Path) -> Callable[[], dict[str, int]]:
    """A function returning the number of rows in each table of the test database."""
    return lambda: row_counts(db_path)

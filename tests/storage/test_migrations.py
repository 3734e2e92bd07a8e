"""Schema versions and migrations (docs/reliability.md, P3): the head migration and SCHEMA_VERSION agree,
every released schema's fixture database opens and reaches the current schema with its data,
and the models and the migrations describe the same schema."""

from __future__ import annotations

import re
import shutil
import sqlite3
import struct
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Column, Integer, MetaData, Table, text

from promises_app.services import Services
from promises_app.storage.database import Database, open_database
from promises_app.storage.engine import APPLICATION_ID
from promises_app.storage.migrate import (
    MIGRATIONS_DIR,
    SCHEMA_VERSION,
    _config,
    current_revision,
    head_revision,
)
from promises_app.storage.models import Base

FIXTURES_DIR = Path(__file__).resolve().parents[1] / "fixtures"
FIXTURE_NAME = re.compile(r"schema-v(\d+)\.sqlite")
FIXTURES = sorted(FIXTURES_DIR.glob("schema-v*.sqlite"))
DEMO_TITLES = {
    "Samverkansöverenskommelse mellan Solna stad och lokalpolisområde Solna 2022–2024",
    "Solna – medborgarlöften 2022",
    "Samverkansöverenskommelse mellan Helsingborgs stad och lokalpolisområde Helsingborg 2018–2022",
}


def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(_config())


def test_head_migration_matches_schema_version() -> None:
    script = _script()
    heads = script.get_heads()
    assert len(heads) == 1, f"the migrations have several heads: {heads}"
    head = script.get_revision(heads[0])
    assert head is not None
    assert head.module.schema_version == SCHEMA_VERSION
    assert head_revision() == head.revision == heads[0]


def test_every_migration_raises_the_schema_version_by_one() -> None:
    revisions = list(reversed(list(_script().walk_revisions())))
    assert [r.module.schema_version for r in revisions] == list(range(1, SCHEMA_VERSION + 1))
    for revision in revisions:
        assert revision.revision == f"{revision.module.schema_version:04d}"
        source = Path(revision.path).read_text(encoding="utf-8")
        assert "PRAGMA user_version" in source, revision.path


def test_migrations_dir_holds_only_revisions() -> None:
    names = sorted(p.name for p in (MIGRATIONS_DIR / "versions").glob("*.py") if p.name != "__init__.py")
    assert len(names) == SCHEMA_VERSION
    assert all(re.fullmatch(r"\d{4}_\w+\.py", n) for n in names), names


def test_fresh_database_is_at_head(db: Database) -> None:
    with db.engine.connect() as connection:
        assert current_revision(connection) == head_revision()
        assert connection.exec_driver_sql("PRAGMA user_version").scalar() == SCHEMA_VERSION
        assert connection.exec_driver_sql("PRAGMA application_id").scalar() == APPLICATION_ID


def test_models_and_migrations_do_not_drift(db: Database) -> None:
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    assert differences == [], f"models differ from the migrated schema: {differences}"


def test_drift_check_would_notice_a_change(db: Database) -> None:
    """Control: the comparison above really compares (an extra table and column are found)."""
    changed = MetaData(naming_convention=Base.metadata.naming_convention)
    for table in Base.metadata.tables.values():
        table.to_metadata(changed)
    Table("indicators", changed, Column("id", Integer, primary_key=True))
    changed.tables["measures"].append_column(Column("weight", Integer))
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, changed)
    kinds = {d[0] if isinstance(d, tuple) else d[0][0] for d in differences}
    assert {"add_table", "add_column"} <= kinds


def _header_user_version(path: Path) -> int:
    with path.open("rb") as handle:
        header = handle.read(100)
    return struct.unpack(">I", header[60:64])[0]


def test_a_fixture_exists_for_every_schema_version() -> None:
    versions = set()
    for path in FIXTURES:
        match = FIXTURE_NAME.fullmatch(path.name)
        assert match, path
        versions.add(int(match.group(1)))
        assert _header_user_version(path) == int(match.group(1)), f"{path.name} is mislabelled"
    missing = set(range(1, SCHEMA_VERSION + 1)) - versions
    assert not missing, (
        f"no fixture database for schema version(s) {sorted(missing)}: "
        "run `python -m tests.fixtures.make_fixture` and commit the file"
    )


def test_fixtures_are_small() -> None:
    for path in FIXTURES:
        assert path.stat().st_size < 200_000, path


@pytest.mark.parametrize("fixture", FIXTURES, ids=[p.name for p in FIXTURES])
def test_fixture_database_opens_and_reaches_current_schema(fixture: Path, tmp_path: Path) -> None:
    original = fixture.read_bytes()
    path = tmp_path / "migrated.sqlite"
    shutil.copyfile(fixture, path)

    database = open_database(path, create=False)
    try:
        services = Services(database)
        with database.read() as session:
            assert session.execute(text("PRAGMA user_version")).scalar() == SCHEMA_VERSION
            assert session.execute(text("PRAGMA application_id")).scalar() == APPLICATION_ID
            assert current_revision(session.connection()) == head_revision()
        result = services.maintenance.check()
        assert result.ok, result.problems
        assert result.agreements == 3 and result.measures == 12 and result.follow_ups == 22
        assert {a.title for a in services.agreements.list_agreements()} == DEMO_TITLES
        # Still usable for writing after the upgrade.
        services.register.create_organisation(name="Ny efter uppgradering", kind="other")
    finally:
        database.close()

    assert fixture.read_bytes() == original  # the committed fixture itself is never touched
    raw = sqlite3.connect(path)
    try:
        assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        raw.close()


def _empty_schema_zero_file(path: Path) -> None:
    """Our header with schema version 0: everything from the first migration on is pending."""
    raw = sqlite3.connect(path)
    try:
        raw.execute("PRAGMA journal_mode = WAL")
        raw.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        raw.commit()
    finally:
        raw.close()


def _tables(path: Path) -> list[str]:
    raw = sqlite3.connect(path)
    try:
        return [r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    finally:
        raw.close()


def test_migration_failing_midway_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import promises_app.storage.database as database_module

    path = tmp_path / "old.sqlite"
    _empty_schema_zero_file(path)
    real_upgrade = database_module.upgrade_to_head

    def upgrade_then_fail(connection: object) -> None:
        real_upgrade(connection)  # every table created ...
        raise RuntimeError("killed during migration")  # ... then the step fails

    monkeypatch.setattr(database_module, "upgrade_to_head", upgrade_then_fail)
    with pytest.raises(RuntimeError, match="killed during migration"):
        open_database(path, create=False)
    assert _tables(path) == []
    assert _header_user_version(path) == 0

    monkeypatch.setattr(database_module, "upgrade_to_head", real_upgrade)
    database = open_database(path, create=False)
    try:
        assert Services(database).maintenance.check().ok
    finally:
        database.close()
    assert _header_user_version(path) == SCHEMA_VERSION
    assert "measures" in _tables(path)

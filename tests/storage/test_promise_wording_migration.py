"""Schema 8 (migration 0008): a promise's ``as_written`` and the two new organisation kinds.

A released schema-7 file is upgraded: every promise keeps its meaning (it continues "… lovar
att"), the organisations table is built anew with the wider CHECK and the same rows, the
database still verifies (change log, signed revisions, plan triggers), and a state agency can
be stored. The migration runs with foreign keys off, so it checks them itself: a migration
that leaves one dangling commits nothing.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import Connection, text

import promises_app.storage.database as database_module
from promises_app.domain.enums import OrganisationKind
from promises_app.domain.snapshot import content_sha256, from_json
from promises_app.services import Services
from promises_app.storage.database import open_database
from promises_app.storage.migrate import SCHEMA_VERSION, MigrationError

from ._support import FIXTURES_DIR, header_user_version

V7_FIXTURE = FIXTURES_DIR / "schema-v7.sqlite"


def _rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    raw = sqlite3.connect(path)
    try:
        return raw.execute(sql).fetchall()
    finally:
        raw.close()


@pytest.fixture
def v7(tmp_path: Path) -> Path:
    path = tmp_path / "v7.sqlite"
    shutil.copyfile(V7_FIXTURE, path)
    assert header_user_version(path) == 7
    return path


def test_a_schema_7_file_keeps_its_promises_meaning_and_takes_the_new_kinds(v7: Path) -> None:
    organisations = _rows(v7, "SELECT id, name, kind, short_name, version, logo_png FROM organisations ORDER BY id")
    triggers = _rows(v7, "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
    database = open_database(v7, create=False)
    try:
        services = Services(database)
        assert header_user_version(v7) == SCHEMA_VERSION >= 8
        agreements = services.agreements.list_agreements()
        promises = [p for a in agreements for p in services.plan.list_promises(a.id)]
        assert promises and all(p.as_written is False for p in promises)
        verified = services.maintenance.verify_database()
        assert verified.ok, verified.problems
        assert verified.revisions >= 1
        agency = services.register.create_organisation(name="Tullverket", kind="state_agency")
        company = services.register.create_organisation(name="Norrstads parkeringsbolag", kind="municipal_company")
        assert (agency.kind, company.kind) == (OrganisationKind.STATE_AGENCY, OrganisationKind.MUNICIPAL_COMPANY)
        with database.read() as session:
            # A signed revision made before still reads back to the very text its hash was taken of.
            for content, digest in session.execute(text("SELECT content, content_sha256 FROM signed_revisions")):
                assert content_sha256(from_json(content)) == digest
    finally:
        database.close()
    assert _rows(v7, "SELECT id, name, kind, short_name, version, logo_png FROM organisations "
                     f"WHERE id <= {max(o[0] for o in organisations)} ORDER BY id") == organisations
    after = _rows(v7, "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
    assert set(triggers) <= set(after)  # every trigger kept (later migrations add their own)
    assert _rows(v7, "PRAGMA foreign_key_check") == []
    assert _rows(v7, "PRAGMA integrity_check") == [("ok",)]
    # The CHECK constraint still refuses a kind nobody knows.
    raw = sqlite3.connect(v7)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            raw.execute("INSERT INTO organisations (name, kind, short_name, version) VALUES ('X', 'agency', '', 1)")
    finally:
        raw.close()


def test_foreign_keys_are_enforced_again_after_the_upgrade(v7: Path) -> None:
    database = open_database(v7, create=False)
    try:
        with database.read() as session:
            assert session.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
    finally:
        database.close()


def test_a_migration_that_leaves_a_reference_dangling_commits_nothing(
    v7: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_upgrade = database_module.upgrade_to_head

    def upgrade_then_dangle(connection: Connection) -> None:
        real_upgrade(connection)
        connection.execute(text(
            "INSERT INTO people (name, title, organisation_id, email, phone, version) "
            "VALUES ('Ingen', '', 999999, '', '', 1)"
        ))

    monkeypatch.setattr(database_module, "upgrade_to_head", upgrade_then_dangle)
    with pytest.raises(MigrationError, match="foreign key of people"):
        open_database(v7, create=False)
    assert header_user_version(v7) == 7
    assert _rows(v7, "SELECT count(*) FROM people WHERE name = 'Ingen'") == [(0,)]
    assert "as_written" not in [row[1] for row in _rows(v7, "PRAGMA table_info(promises)")]

"""Schema versions are handled safely (docs/reliability.md, P3).

* A newer schema is refused and left byte-identical: shown in
  ``tests/storage/test_file_identity.py::test_newer_schema_refused_and_byte_identical``
  (header ``user_version`` = SCHEMA_VERSION + 1), not repeated here.
* Opening the released schema-v1 fixture first makes a "migration" backup that verifies, is
  still a v1 file and holds exactly the original content (``iterdump``).
* A migration step that fails midway (after it changed the schema inside the transaction)
  leaves the original intact; the backup is there.
* A kill during the migration (SIGKILL while its transaction is open) leaves a v1 file that
  passes ``integrity_check``, and a normal open afterwards migrates it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from alembic.operations import Operations

import promises_app.storage.database as database_module
from promises_app.services import Services
from promises_app.storage import backups
from promises_app.storage.database import open_database
from promises_app.storage.migrate import SCHEMA_VERSION

from ._support import (
    FIXTURES_DIR,
    columns,
    dump,
    header_user_version,
    integrity,
    user_version,
)

V1_FIXTURE = FIXTURES_DIR / "schema-v1.sqlite"
#: What schema 2 added; its absence shows a file is still schema 1.
V2_COLUMN = ("organisations", "logo_png")


@pytest.fixture
def v1(tmp_path: Path) -> tuple[Path, list[str]]:
    """A copy of the released v1 database to open, and the ``iterdump`` of an untouched copy."""
    assert header_user_version(V1_FIXTURE) == 1
    reference = tmp_path / "reference" / "v1.sqlite"
    reference.parent.mkdir()
    shutil.copyfile(V1_FIXTURE, reference)
    path = tmp_path / "work" / "medborgarloften.sqlite"
    path.parent.mkdir()
    shutil.copyfile(V1_FIXTURE, path)
    original = dump(reference)
    assert any('CREATE TABLE "organisations"' in line or "CREATE TABLE organisations" in line for line in original)
    assert V2_COLUMN[1] not in columns(reference, V2_COLUMN[0])
    return path, original


def _only_migration_backup(path: Path) -> backups.BackupInfo:
    found = backups.list_backups(path)
    assert [b.reason for b in found] == ["migration"], found
    return found[0]


def test_schema_v1_is_backed_up_before_migration(v1: tuple[Path, list[str]]) -> None:
    path, original = v1
    assert backups.list_backups(path) == []

    database = open_database(path, create=False)
    try:
        assert Services(database).maintenance.check().ok
    finally:
        database.close()

    assert user_version(path) == SCHEMA_VERSION
    assert V2_COLUMN[1] in columns(path, V2_COLUMN[0])
    backup = _only_migration_backup(path)
    assert backups.verify(backup.path) is None
    assert header_user_version(backup.path) == 1  # made before the migration, not after
    assert dump(backup.path) == original
    assert (backup.agreements, backup.measures, backup.follow_ups) == (3, 12, 22)


def test_current_schema_makes_no_migration_backup(tmp_path: Path) -> None:
    """Control: the backup above comes from the upgrade, not from every open."""
    path = tmp_path / "current.sqlite"
    shutil.copyfile(FIXTURES_DIR / f"schema-v{SCHEMA_VERSION}.sqlite", path)
    open_database(path, create=False).close()
    assert backups.list_backups(path) == []


def test_migration_step_failing_midway_leaves_the_original(
    v1: tuple[Path, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Migration 0002 adds a column (batch mode: copy, drop, rename the table), then sets
    ``user_version``; the second step is made to fail, after the first really ran."""
    path, original = v1
    seen_midway: list[list[str]] = []
    real_execute = Operations.execute

    def execute_fails(self: Operations, sqltext: object, *args: object, **kwargs: object) -> None:
        if "user_version" in str(sqltext):
            connection = self.get_bind()
            seen_midway.append([r[1] for r in connection.exec_driver_sql("PRAGMA table_info(organisations)")])
            raise RuntimeError("migration step failed midway")
        real_execute(self, sqltext, *args, **kwargs)

    monkeypatch.setattr(Operations, "execute", execute_fails)
    with pytest.raises(RuntimeError, match="failed midway"):
        open_database(path, create=False)

    assert seen_midway and V2_COLUMN[1] in seen_midway[0], "the failure was not after a real change"
    assert dump(path) == original
    assert header_user_version(path) == 1 and user_version(path) == 1
    assert integrity(path) == ["ok"]
    backup = _only_migration_backup(path)
    assert backups.verify(backup.path) is None
    assert dump(backup.path) == original

    monkeypatch.setattr(Operations, "execute", real_execute)
    database = open_database(path, create=False)
    database.close()
    assert user_version(path) == SCHEMA_VERSION
    assert V2_COLUMN[1] in columns(path, V2_COLUMN[0])


def test_failure_after_the_whole_upgrade_commits_nothing(
    v1: tuple[Path, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every step ran (user_version already raised inside the transaction), then a failure."""
    path, original = v1
    real_upgrade = database_module.upgrade_to_head

    def upgrade_then_fail(connection: object) -> None:
        real_upgrade(connection)
        raise RuntimeError("killed after the last step")

    monkeypatch.setattr(database_module, "upgrade_to_head", upgrade_then_fail)
    with pytest.raises(RuntimeError, match="after the last step"):
        open_database(path, create=False)
    assert dump(path) == original
    assert integrity(path) == ["ok"]
    assert backups.verify(_only_migration_backup(path).path) is None


# The child patches the name open_database really calls (storage.database imported
# upgrade_to_head from storage.migrate, so patching storage.migrate's name would not reach it).
_MIGRATE_SLOWLY = r"""
import sys, time
import promises_app.storage.database as database_module
import promises_app.storage.migrate as migrate_module

real_upgrade = migrate_module.upgrade_to_head

def upgrade_then_stall(connection):
    real_upgrade(connection)                 # every step done, the transaction still open
    version = connection.exec_driver_sql("PRAGMA user_version").scalar()
    print("MIGRATING", version, flush=True)
    time.sleep(60)                           # killed here

database_module.upgrade_to_head = upgrade_then_stall
migrate_module.upgrade_to_head = upgrade_then_stall
database_module.open_database(sys.argv[1], create=False)
print("DONE", flush=True)
"""


def test_kill_during_migration_leaves_v1_that_migrates_later(v1: tuple[Path, list[str]], spawn) -> None:
    path, original = v1
    child = spawn(_MIGRATE_SLOWLY, str(path))
    line = child.wait_for("MIGRATING")
    assert line == f"MIGRATING {SCHEMA_VERSION}"  # inside the transaction, it was already migrated
    assert child.kill() != 0

    assert header_user_version(path) == 1
    assert user_version(path) == 1  # WAL included: the open transaction never committed
    assert integrity(path) == ["ok"]
    assert dump(path) == original
    backup = _only_migration_backup(path)
    assert backups.verify(backup.path) is None and dump(backup.path) == original

    database = open_database(path, create=False)
    try:
        result = Services(database).maintenance.check()
        assert result.ok, result.problems
        assert (result.agreements, result.measures, result.follow_ups) == (3, 12, 22)
    finally:
        database.close()
    assert user_version(path) == SCHEMA_VERSION
    assert header_user_version(path) == SCHEMA_VERSION
    # The killed attempt's backup and this one's are the same file: kept once (storage/backups.py).
    assert [b.reason for b in backups.list_backups(path)] == ["migration"]

"""Backups follow the database *file*, not the name it is reached by (issue 12, point 6).

Each test reproduces an attack that worked before, with real files (the lock: see
test_lock_follows_the_file.py):

* ``restore`` through a symlinked database replaced the link with a regular file and never
  restored the real file. Now the real file is restored, the link stays a link, and backups
  made through the link are the real file's.
* ``arbete.db`` and ``arbete.sqlite`` shared ``arbete-backups/``: restoring one installed the
  other's content, and rotation deleted the other's backups. Now the folder is named by the
  whole file name, each database carries its id, and a backup of another database (or of a
  newer version) is refused, naming both, with nothing changed. Backups in the old shared
  folder stay reachable when they surely are the database's own.
* Eleven failed imports in a row pushed every older backup out (the ten left were the same).
  Now identical backups are kept once, so the older distinct ones stay.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sqlite3
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from promises_app.cli import main
from promises_app.services import Services, open_services
from promises_app.services.backups import restore_database
from promises_app.storage import backups
from promises_app.storage.backups import KEEP_BACKUPS, BackupError, backup_dir
from promises_app.storage.database import open_database
from promises_app.storage.migrate import SCHEMA_VERSION

from ._support import FIXTURES_DIR, demo_copy, dump, helsingborg_document, integrity, read_only

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges on Windows")


def _organisations(path: Path) -> list[str]:
    with contextlib.closing(read_only(path)) as connection:
        return [r[0] for r in connection.execute("SELECT name FROM organisations ORDER BY id")]


def _database_id(path: Path) -> str:
    with contextlib.closing(read_only(path)) as connection:
        return connection.execute("SELECT database_id FROM database_identity").fetchone()[0]


def _new_database(path: Path, *organisations: str) -> Path:
    """A database made by the program (so with an id of its own) holding these organisations."""
    services = open_services(path)
    try:
        for name in organisations:
            services.register.create_organisation(name=name, kind="other")
    finally:
        services.db.close()
    return path


def _listing(folder: Path) -> list[str]:
    """The folder's names, but the test's data folder (conftest puts it in tmp_path)."""
    return sorted(n for n in os.listdir(folder) if n != "user-data") if folder.exists() else []


def _state(path: Path) -> tuple[bytes, list[str], list[str]]:
    return path.read_bytes(), _listing(path.parent), _listing(backup_dir(path))


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- restore and back up through a symlink --------------------------------------------------------


@posix_only
def test_restore_through_a_symlink_restores_the_real_file(
    _templates: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    real = demo_copy(_templates, tmp_path / "lagring" / "medborgarloften.sqlite")
    link = tmp_path / "genväg.sqlite"
    link.symlink_to(real)
    assert main(["--db", str(link), "backup"]) == 0
    (made,) = backups.list_backups(real)
    assert made.path.parent == backup_dir(real) == real.with_name("medborgarloften.sqlite-backups")
    assert backups.list_backups(link) == [made]
    at_backup = dump(real)
    services = open_services(link, exclusive=True)
    try:
        services.register.create_organisation(name="Efter kopian", kind="other")
    finally:
        services.db.close()
    capsys.readouterr()

    assert main(["--db", str(link), "restore", "1"]) == 0
    assert "återställd" in capsys.readouterr().out
    assert link.is_symlink() and os.readlink(link) == str(real)  # still a link, to the same file
    assert dump(real) == at_backup  # the real file is restored
    assert "Efter kopian" not in _organisations(real)
    assert integrity(real) == ["ok"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["genväg.sqlite", "lagring", "user-data"]
    reasons = sorted(b.reason for b in backups.list_backups(real))
    assert reasons == ["manual", "restore"]  # the state before the restore kept, in the real file's folder
    assert "Efter kopian" in _organisations(next(b.path for b in backups.list_backups(real) if b.reason == "restore"))


# --- one backup folder per database -------------------------------------------------------------


def test_two_databases_with_one_stem_keep_their_backups_apart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _new_database(tmp_path / "arbete.db", "Bara i arbete.db")
    sqlite = _new_database(tmp_path / "arbete.sqlite", "Bara i arbete.sqlite")
    assert _database_id(db) != _database_id(sqlite)
    assert main(["--db", str(sqlite), "backup"]) == 0
    (theirs,) = backups.list_backups(sqlite)
    assert theirs.path.parent == tmp_path / "arbete.sqlite-backups"

    # Twelve distinct backups of arbete.db: its rotation must not touch arbete.sqlite's.
    start = datetime(2024, 3, 1, 8, 0)
    with contextlib.closing(open_database(db, exclusive=True)) as database:
        for number in range(KEEP_BACKUPS + 2):
            Services(database).register.create_organisation(name=f"Sparning {number}", kind="other")
            backups.make_backup(db, "daily", now=start + timedelta(hours=number))
    ours = backups.list_backups(db)
    assert len(ours) == KEEP_BACKUPS and all(b.path.parent == tmp_path / "arbete.db-backups" for b in ours)
    assert backups.list_backups(sqlite) == [theirs] and theirs.path.exists()

    capsys.readouterr()
    assert main(["--db", str(db), "restore"]) == 0
    listing = capsys.readouterr().out
    assert listing.count("(daglig)") == KEEP_BACKUPS and "manuell" not in listing
    assert main(["--db", str(db), "restore", "1"]) == 0
    assert "Bara i arbete.db" in _organisations(db) and "Bara i arbete.sqlite" not in _organisations(db)

    # Restoring arbete.sqlite's backup into arbete.db, by its path: refused, naming both.
    before = _state(db)
    assert main(["--db", str(db), "restore", str(theirs.path)]) == 1
    err = capsys.readouterr().err
    assert "annan databas" in err and str(theirs.path) in err and str(db) in err
    assert _database_id(theirs.path) in err and _database_id(db) in err
    assert "Traceback" not in err
    assert _state(db) == before
    with pytest.raises(BackupError, match="annan databas"):
        restore_database(db, theirs.path)
    assert _state(db) == before


def test_restore_refuses_a_backup_made_by_a_newer_version(
    db, db_path: Path, services: Services, capsys: pytest.CaptureFixture[str]  # type: ignore[no-untyped-def]
) -> None:
    made = services.backups.backup_now()
    services.register.create_organisation(name="Efter kopian", kind="other")
    db.close()
    with contextlib.closing(sqlite3.connect(made.path)) as connection:  # as a newer version would write it
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    assert backups.verify(made.path) is None  # whole: only its version is wrong
    before = _state(db_path)

    capsys.readouterr()
    assert main(["--db", str(db_path), "restore", "1"]) == 1
    err = capsys.readouterr().err
    assert "nyare version" in err and f"schemaversion {SCHEMA_VERSION + 1}" in err
    assert str(made.path) in err and str(db_path) in err
    assert _state(db_path) == before
    assert "Efter kopian" in _organisations(db_path)


def _legacy_name(folder: Path, stem: str, made: datetime, reason: str) -> Path:
    """Where a version before this one put a backup: ``<stem>-backups/<stem>-<time>-<reason>.sqlite``."""
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder / f"{stem}-{made:%Y%m%d-%H%M%S-%f}-{reason}.sqlite"


def _copy_as_legacy(backup: Path, folder: Path, stem: str, made: datetime) -> Path:
    target = _legacy_name(folder, stem, made, "daily")
    shutil.copyfile(backup, target)
    return target


def test_backups_in_the_old_shared_folder_are_listed_only_for_their_own_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The old ``arbete-backups/`` holds backups of ``arbete.db`` and ``arbete.sqlite`` (told
    apart by their ids) and one from before ids (which cannot be told apart)."""
    db = _new_database(tmp_path / "arbete.db", "Bara i arbete.db")
    sqlite = _new_database(tmp_path / "arbete.sqlite", "Bara i arbete.sqlite")
    old = tmp_path / "arbete-backups"
    of_db = _copy_as_legacy(backups.make_backup(db, "manual").path, old, "arbete", datetime(2024, 1, 1, 9))
    of_sqlite = _copy_as_legacy(backups.make_backup(sqlite, "manual").path, old, "arbete", datetime(2024, 1, 2, 9))
    before_ids = _legacy_name(old, "arbete", datetime(2023, 12, 1, 9), "manual")
    shutil.copyfile(FIXTURES_DIR / "schema-v5.sqlite", before_ids)
    old_content = {p.name: p.read_bytes() for p in old.iterdir()}

    assert [b.path for b in backups.list_backups(db) if b.path.parent == old] == [of_db]
    assert [b.path for b in backups.list_backups(sqlite) if b.path.parent == old] == [of_sqlite]

    # Its own old backup restores; the other's, and the one from before ids, are refused.
    restore_database(sqlite, of_sqlite)
    assert "Bara i arbete.sqlite" in _organisations(sqlite)
    for foreign, reason in [(of_db, "annan databas"), (before_ids, "äldre version")]:
        before = _state(sqlite)
        capsys.readouterr()
        assert main(["--db", str(sqlite), "restore", str(foreign)]) == 1
        err = capsys.readouterr().err
        assert reason in err and str(foreign) in err and str(sqlite) in err
        assert _state(sqlite) == before

    # Rotation never deletes from the old folder, whatever is made in the new ones.
    with contextlib.closing(open_database(db, exclusive=True)) as database:
        for number in range(KEEP_BACKUPS + 2):
            Services(database).register.create_organisation(name=f"Sparning {number}", kind="other")
            backups.make_backup(db, "daily")
    assert {p.name: p.read_bytes() for p in old.iterdir()} == old_content


def test_the_old_folder_of_a_database_alone_with_its_stem_stays_reachable(tmp_path: Path) -> None:
    """With no other database named ``arbete.*`` beside it, the old folder is surely
    ``arbete.sqlite``'s: its backup from before ids is listed and restores."""
    path = tmp_path / "arbete.sqlite"
    shutil.copyfile(FIXTURES_DIR / "schema-v5.sqlite", path)
    os.chmod(path, 0o600)
    old_backup = _legacy_name(tmp_path / "arbete-backups", "arbete", datetime(2023, 12, 1, 9), "close")
    shutil.copyfile(path, old_backup)
    with contextlib.closing(open_database(path)) as database:  # upgraded to 6: an id from now on
        Services(database).register.create_organisation(name="Efter uppgraderingen", kind="other")

    listed = backups.list_backups(path)
    assert old_backup in [b.path for b in listed]
    assert next(b for b in listed if b.path == old_backup).database_id is None
    restore_database(path, old_backup)
    assert "Efter uppgraderingen" not in _organisations(path)

    # A database named arbete.db turns up beside it: the old backup is no longer surely its own.
    _new_database(tmp_path / "arbete.db")
    assert old_backup not in [b.path for b in backups.list_backups(path)]
    assert old_backup not in [b.path for b in backups.list_backups(tmp_path / "arbete.db")]


def test_a_backup_from_before_ids_restores_as_the_same_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Restoring the backup made before the upgrade to ids keeps the database's id, so the
    backup made just before that restore (and every later one) can still be restored."""
    path = tmp_path / "arbete.sqlite"
    shutil.copyfile(FIXTURES_DIR / "schema-v5.sqlite", path)
    os.chmod(path, 0o600)
    with contextlib.closing(open_database(path)) as database:
        Services(database).register.create_organisation(name="Efter uppgraderingen", kind="other")
    identity = _database_id(path)
    (before_upgrade,) = backups.list_backups(path)
    assert before_upgrade.reason == "migration" and before_upgrade.database_id is None
    after_upgrade = dump(path)

    assert main(["--db", str(path), "restore", str(before_upgrade.path)]) == 0
    assert "Efter uppgraderingen" not in _organisations(path)
    assert _database_id(path) == identity  # the same database, upgraded already
    with contextlib.closing(open_database(path)) as database:
        assert Services(database).maintenance.check().ok
    assert _database_id(path) == identity

    (kept,) = [b for b in backups.list_backups(path) if b.reason == "restore"]
    assert kept.database_id == identity
    capsys.readouterr()
    assert main(["--db", str(path), "restore", str(kept.path)]) == 0  # the way back still works
    assert dump(path) == after_upgrade


# --- failed operations cannot push distinct history out ------------------------------------------


def test_eleven_failed_imports_keep_the_older_distinct_backups(
    _templates: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = demo_copy(_templates, tmp_path / "medborgarloften.sqlite")
    states = []
    with contextlib.closing(open_database(path, exclusive=True)) as database:
        for number in range(KEEP_BACKUPS):  # ten backups of ten different days' work
            Services(database).register.create_organisation(name=f"Dag {number}", kind="other")
            made = backups.make_backup(path, "daily", now=datetime(2024, 3, 1, 8) + timedelta(days=number))
            states.append(_organisations(made.path))
    # An import that passes the schema but fails inside, after its backup is made.
    document = helsingborg_document("Fel slutdatum")
    document["agreement"]["end_date"] = "2010-01-01"
    bad = tmp_path / "fel.json"
    bad.write_text(json.dumps(document), encoding="utf-8")
    before = dump(path)

    for _ in range(11):
        assert main(["--db", str(path), "import", str(bad)]) == 1
        assert "Slutdatum" in capsys.readouterr().err
    assert dump(path) == before

    kept = backups.list_backups(path)
    assert len({_sha(b.path) for b in kept}) == len(kept)  # no two alike
    assert sorted(_organisations(b.path) for b in kept) == sorted(states)  # every state still there
    assert [b.reason for b in kept].count("import") == 1  # the unchanged state, kept once
    assert all(backups.verify(b.path) is None for b in kept)

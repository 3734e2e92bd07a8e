"""Verified, rotated backups; safe restore (docs/reliability.md, P5).

* Ten backups taken while another thread keeps saving: each one passes ``integrity_check``,
  opens with ``open_database`` and holds a whole prefix of the saves (no half state).
* Rotation keeps the KEEP_BACKUPS newest ordinary backups plus KEEP_MIGRATION_BACKUPS.
* A backup of a damaged database is refused (BackupError) and never pushes a good one out.
* Restore round trip: the restored file's ``iterdump`` equals the one at backup time, with a
  stale ``-wal`` (a real one, from another copy; and garbage) planted beside the target.
* Restore over a damaged file keeps it as ``*.damaged-<time>``, byte for byte.
* Restore while the database is open exclusively elsewhere is refused and changes nothing.
* Import makes an "import" backup first when the database holds agreements.
* Backups are owner-only (0600 files, 0700 folder) on POSIX.
* The command line: ``backup``, ``restore`` (list with dates and counts), ``restore 1``.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import sqlite3
import stat
import sys
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest

import promises_app.storage.backups as backups_module
from promises_app.cli import main
from promises_app.services import Services, open_services
from promises_app.services.backups import restore_database
from promises_app.storage import backups
from promises_app.storage.backups import (
    KEEP_BACKUPS,
    KEEP_MIGRATION_BACKUPS,
    BackupError,
    backup_dir,
)
from promises_app.storage.database import Database, open_database
from promises_app.storage.errors import DatabaseInUseError

from ._support import (
    DAMAGE,
    Child,
    cut_in_half,
    demo_copy,
    dump,
    helsingborg_document,
    integrity,
    read_only,
    sidecars,
)

HANG_S = 120  # a safety net for a stuck writer thread, never a speed assertion

HOLD = r"""
import sys
from promises_app.storage.database import open_database
database = open_database(sys.argv[1], exclusive=True)
print("HOLDING", flush=True)
sys.stdin.readline()
database.close()
"""


def _folder_listing(path: Path) -> list[str]:
    """What is in the folder, but the test's own data folder (conftest puts it in tmp_path; the
    one-writer lock keeps its identity locks there, see storage/lock.py)."""
    return sorted(n for n in os.listdir(path) if n != "user-data") if path.exists() else []


def _organisation_names(path: Path) -> list[str]:
    connection = read_only(path)
    try:
        return [r[0] for r in connection.execute("SELECT name FROM organisations ORDER BY id")]
    finally:
        connection.close()


# --- backups while saving -------------------------------------------------------------------------


def test_backups_during_continuous_writes_all_verify_and_open(
    db: Database, db_path: Path, services: Services, tmp_path: Path
) -> None:
    saved: list[str] = []
    errors: list[BaseException] = []
    stop = threading.Event()
    progress = threading.Condition()

    def keep_saving() -> None:
        number = 0
        try:
            while not stop.is_set():
                name = f"Skrivare {number:05d}"
                services.register.create_organisation(name=name, kind="other")
                number += 1
                with progress:
                    saved.append(name)
                    progress.notify_all()
        except Exception as error:  # noqa: BLE001 (reported by the main thread)
            errors.append(error)
            with progress:
                progress.notify_all()

    writer = threading.Thread(target=keep_saving, daemon=True)
    writer.start()
    made = []
    try:
        for _ in range(10):
            with progress:  # at least one more save between two backups: they really interleave
                seen = len(saved)
                moved_on = progress.wait_for(lambda seen=seen: len(saved) > seen or errors, timeout=HANG_S)
                assert moved_on, "writer stuck"
            assert not errors, errors
            made.append(services.backups.backup_now())
    finally:
        stop.set()
        writer.join(HANG_S)
    assert not writer.is_alive()
    assert not errors, errors

    listed = services.backups.list_backups()
    assert sorted(b.path for b in listed) == sorted(b.path for b in made)  # ten kept, none rotated
    assert len(made) == 10 <= KEEP_BACKUPS

    counts = []
    for number, backup in enumerate(made):
        assert backups.verify(backup.path) is None, backup.path
        assert integrity(backup.path) == ["ok"]
        copy = tmp_path / "opened" / f"{number}.sqlite"
        copy.parent.mkdir(exist_ok=True)
        shutil.copyfile(backup.path, copy)
        opened = open_database(copy, create=False)
        try:
            assert Services(opened).maintenance.check().ok
            names = [o.name for o in Services(opened).register.list_organisations()]
        finally:
            opened.close()
        assert names == saved[: len(names)]  # a whole prefix of the saves, in order
        counts.append(len(names))
    assert counts == sorted(counts)
    assert counts[-1] > counts[0]  # the saves went on between the first and the last backup
    assert integrity(db_path) == ["ok"]


# --- rotation -----------------------------------------------------------------------------------


def test_rotation_keeps_the_newest_and_the_migration_backups(db: Database, db_path: Path) -> None:
    """(Each backup holds a different state: identical ones are kept once, see test_file_not_path.py.)"""
    start = datetime(2024, 3, 1, 8, 0)
    reasons = ["manual", "daily", "close", "import", "restore"]
    ordinary, migration = [], []
    for number in range(KEEP_BACKUPS + 5):
        Services(db).register.create_organisation(name=f"Före kopia {number}", kind="other")
        ordinary.append(backups.make_backup(db_path, reasons[number % 5], now=start + timedelta(hours=number)).path)
        if number % 4 == 0:
            Services(db).register.create_organisation(name=f"Före uppgradering {number}", kind="other")
            migration.append(
                backups.make_backup(db_path, "migration", now=start + timedelta(hours=number, minutes=30)).path
            )
    assert len(migration) > KEEP_MIGRATION_BACKUPS

    kept = backups.list_backups(db_path)
    assert [b.path for b in kept if b.reason != "migration"] == ordinary[::-1][:KEEP_BACKUPS]
    assert [b.path for b in kept if b.reason == "migration"] == migration[::-1][:KEEP_MIGRATION_BACKUPS]
    for path in ordinary[:-KEEP_BACKUPS] + migration[:-KEEP_MIGRATION_BACKUPS]:
        assert not path.exists(), path
    assert [b.made for b in kept] == sorted((b.made for b in kept), reverse=True)
    assert all(backups.verify(b.path) is None for b in kept)
    assert not [n for n in os.listdir(backup_dir(db_path)) if n.endswith(".partial")]


@pytest.mark.parametrize("damage", ["random-page", "cut-in-half", "broken-index"])
def test_damaged_database_never_rotates_a_good_backup_out(
    _templates: dict[str, Path], tmp_path: Path, damage: str
) -> None:
    path = demo_copy(_templates, tmp_path / "medborgarloften.sqlite")
    start = datetime(2024, 3, 1, 8, 0)
    good = []
    with contextlib.closing(open_database(path)) as database:  # a day's work between two backups
        for day in range(KEEP_BACKUPS):
            Services(database).register.create_organisation(name=f"Dag {day}", kind="other")
            good.append(backups.make_backup(path, "daily", now=start + timedelta(days=day)).path)
    contents = {p: p.read_bytes() for p in good}
    DAMAGE[damage](path)
    damaged = path.read_bytes()

    for attempt in range(2):
        with pytest.raises(BackupError) as caught:
            backups.make_backup(path, "manual", now=start + timedelta(days=30 + attempt))
        assert str(path) in str(caught.value)
        assert "behållits" in str(caught.value)

    assert sorted(backup_dir(path).iterdir()) == sorted(good)  # no new file, no partial, none rotated
    assert {p: p.read_bytes() for p in good} == contents
    assert all(backups.verify(p) is None for p in good)
    assert path.read_bytes() == damaged


def test_a_backup_that_cannot_be_written_is_a_backup_error(
    db: Database, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk while copying is reported as BackupError (a message), not a driver error."""
    good = backups.make_backup(db_path, "manual")

    def disk_full(source: Path, target: Path) -> None:
        target.write_bytes(b"SQLite format 3\x00 half")
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(backups_module, "_copy_database", disk_full)
    with pytest.raises(BackupError, match="kunde inte göras"):
        backups.make_backup(db_path, "manual")
    assert [b.path for b in backups.list_backups(db_path)] == [good.path]
    assert os.listdir(backup_dir(db_path)) == [good.path.name]


# --- restore ------------------------------------------------------------------------------------


def _real_stale_wal(database: Path, scratch: Path) -> bytes:
    """A valid WAL with a committed change, made on another copy of ``database``."""
    scratch.mkdir()
    other = scratch / database.name
    shutil.copyfile(database, other)
    connection = sqlite3.connect(other, isolation_level=None)
    try:
        assert connection.execute("PRAGMA journal_mode = WAL").fetchone() == ("wal",)
        connection.execute("PRAGMA wal_autocheckpoint = 0")
        connection.execute(
            "INSERT INTO organisations (name, kind, short_name, version) VALUES ('PLANTERAD', 'other', '', 1)"
        )
        wal = other.with_name(other.name + "-wal").read_bytes()
    finally:
        connection.close()
    assert len(wal) > 32
    return wal


@pytest.mark.parametrize("stale", ["real-wal", "real-wal-database-gone", "garbage-wal-and-shm"])
def test_restore_round_trip_with_a_stale_wal_beside_the_target(
    db: Database, db_path: Path, services: Services, tmp_path: Path, stale: str
) -> None:
    """``real-wal``: a valid WAL with a committed change, made on another copy of the database.
    ``real-wal-database-gone``: the same, but the database file itself was moved away first
    (only its WAL is left at the path). ``garbage-wal-and-shm``: random bytes."""
    services.register.create_organisation(name="Före kopian", kind="other")
    backup = services.backups.backup_now()
    at_backup = dump(db_path)
    assert dump(backup.path) == at_backup
    services.register.create_organisation(name="Efter kopian", kind="other")
    assert dump(db_path) != at_backup
    db.close()
    assert not any(s.exists() for s in sidecars(db_path))
    wal_path = db_path.with_name(db_path.name + "-wal")

    if stale.startswith("real-wal"):
        wal = _real_stale_wal(db_path, tmp_path / "annan")
        # Control: that WAL is live. Beside a copy of the backup SQLite replays it into the copy.
        control = tmp_path / "kontroll" / db_path.name
        control.parent.mkdir()
        shutil.copyfile(backup.path, control)
        control.with_name(control.name + "-wal").write_bytes(wal)
        assert "PLANTERAD" in _organisation_names(control)
        if stale == "real-wal-database-gone":
            db_path.rename(tmp_path / "flyttad.sqlite")
        wal_path.write_bytes(wal)
    else:
        wal_path.write_bytes(os.urandom(4096 * 3 + 32))
        db_path.with_name(db_path.name + "-shm").write_bytes(os.urandom(32768))

    kept = restore_database(db_path, backup.path)

    assert not wal_path.exists()
    assert dump(db_path) == at_backup
    assert "PLANTERAD" not in _organisation_names(db_path)
    assert integrity(db_path) == ["ok"]
    if stale == "real-wal-database-gone":
        assert kept is None
    else:  # the replaced database was backed up first
        assert kept is not None and kept.exists() and backups.verify(kept) is None
        assert "Efter kopian" in _organisation_names(kept)
    opened = open_database(db_path, create=False)
    try:
        assert Services(opened).maintenance.check().ok
    finally:
        opened.close()
    assert dump(db_path) == at_backup


@pytest.mark.parametrize("damage", ["random-page", "cut-in-half", "broken-index"])
def test_restore_over_a_damaged_database_keeps_it_aside(
    _templates: dict[str, Path], tmp_path: Path, damage: str
) -> None:
    path = demo_copy(_templates, tmp_path / "medborgarloften.sqlite")
    backup = backups.make_backup(path, "daily")
    at_backup = dump(path)
    DAMAGE[damage](path)
    damaged = path.read_bytes()

    kept = restore_database(path, backup.path)

    assert kept is not None
    assert kept.parent == path.parent
    assert re.fullmatch(re.escape(path.name) + r"\.damaged-\d{8}-\d{6}", kept.name), kept.name
    assert kept.read_bytes() == damaged
    assert dump(path) == at_backup
    assert integrity(path) == ["ok"]
    assert [b.path for b in backups.list_backups(path)] == [backup.path]  # a damaged file is not "backed up"


def test_restore_refuses_a_damaged_backup_and_changes_nothing(db: Database, db_path: Path, services: Services) -> None:
    services.register.create_organisation(name="Nuvarande", kind="other")
    backup = services.backups.backup_now()
    cut_in_half(backup.path)
    db.close()
    before, listing = dump(db_path), _folder_listing(db_path.parent)
    backups_before = _folder_listing(backup_dir(db_path))

    with pytest.raises(BackupError, match="kan inte användas"):
        restore_database(db_path, backup.path)
    assert dump(db_path) == before
    assert _folder_listing(db_path.parent) == listing
    assert _folder_listing(backup_dir(db_path)) == backups_before


@pytest.mark.parametrize("current", ["whole", "damaged"])
def test_restore_that_cannot_copy_changes_nothing(
    _templates: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, current: str
) -> None:
    """The disk fills up while the backup is copied into place: a message, and the current
    file (whole or damaged) is still where it was, so the next start cannot silently make a
    new, empty database there."""
    path = demo_copy(_templates, tmp_path / "medborgarloften.sqlite")
    backup = backups.make_backup(path, "daily")
    if current == "damaged":
        cut_in_half(path)
    content = path.read_bytes()
    listing, backups_before = _folder_listing(path.parent), _folder_listing(backup_dir(path))
    real_copy = backups_module._copy_database

    def copy_fails_when_restoring(source: Path, target: Path) -> None:
        if target.name.endswith(".restoring"):
            target.write_bytes(b"SQLite format 3\x00 half")
            raise sqlite3.OperationalError("database or disk is full")
        real_copy(source, target)

    monkeypatch.setattr(backups_module, "_copy_database", copy_fails_when_restoring)
    with pytest.raises(BackupError) as caught:
        restore_database(path, backup.path)
    assert "Ingenting har ändrats" in str(caught.value)
    assert path.read_bytes() == content
    assert _folder_listing(path.parent) == listing
    assert _folder_listing(backup_dir(path)) == backups_before


def test_restore_is_refused_while_the_database_is_open_elsewhere(
    db: Database, db_path: Path, services: Services, spawn: Callable[..., Child], capsys: pytest.CaptureFixture[str]
) -> None:
    backup = services.backups.backup_now()
    services.register.create_organisation(name="Efter kopian", kind="other")
    db.close()
    before = dump(db_path)
    backups_before = _folder_listing(backup_dir(db_path))

    holder = spawn(HOLD, str(db_path))
    holder.wait_for("HOLDING")
    content = db_path.read_bytes()
    with pytest.raises(DatabaseInUseError) as caught:
        restore_database(db_path, backup.path)
    assert f"process {holder.pid}" in str(caught.value)
    assert main(["--db", str(db_path), "restore", "1"]) == 1
    assert "används redan" in capsys.readouterr().err
    assert db_path.read_bytes() == content
    assert _folder_listing(backup_dir(db_path)) == backups_before
    assert not [n for n in os.listdir(db_path.parent) if "restoring" in n or "damaged" in n]
    holder.send("stop")
    assert holder.finish()[0] == 0
    assert dump(db_path) == before

    in_this_process = open_database(db_path, exclusive=True)
    try:
        with pytest.raises(DatabaseInUseError):
            restore_database(db_path, backup.path)
    finally:
        in_this_process.close()
    assert dump(db_path) == before


# --- automatic backups ------------------------------------------------------------------------


def test_import_makes_an_import_backup_first(demo_services: Services, db_path: Path) -> None:
    before = dump(db_path)
    assert backups.list_backups(db_path) == []
    demo_services.exchange.import_json(json.dumps(helsingborg_document("Importerad överenskommelse")))
    found = backups.list_backups(db_path)
    assert [b.reason for b in found] == ["import"]
    assert backups.verify(found[0].path) is None
    assert dump(found[0].path) == before
    assert dump(db_path) != before


def test_import_into_an_empty_database_makes_no_backup(services: Services, db_path: Path) -> None:
    services.exchange.import_json(json.dumps(helsingborg_document("Den första")))
    assert backups.list_backups(db_path) == []


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_backups_are_owner_only(db: Database, db_path: Path, services: Services) -> None:
    old_umask = os.umask(0o022)
    try:
        first = services.backups.backup_now()
        services.register.create_organisation(name="Mellan kopiorna", kind="other")  # not identical
        second = services.backups.backup_now(reason="close")
        services.register.create_organisation(name="Efter kopiorna", kind="other")
        db.close()
        restore_database(db_path, first.path)
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(backup_dir(db_path).stat().st_mode) == 0o700
    files = list(backup_dir(db_path).iterdir())
    assert len(files) == 3 and second.path in files  # two made, one before the restore
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


# --- the command line -----------------------------------------------------------------------------


def test_cli_backup_list_and_restore_round_trip(
    demo_services: Services, db: Database, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db.close()
    capsys.readouterr()
    assert main(["--db", str(db_path), "backup"]) == 0
    out = capsys.readouterr().out
    assert "kontrollerad" in out
    (made,) = backups.list_backups(db_path)
    assert str(made.path) in out
    at_backup = dump(db_path)

    assert main(["--db", str(db_path), "restore"]) == 0
    listing = capsys.readouterr().out
    line = f"1. {made.made:%Y-%m-%d %H:%M} (manuell): 3 överenskommelser, 12 åtgärder, 22 uppföljningar"
    assert line in listing
    assert re.search(r"\b1\. \d{4}-\d{2}-\d{2} \d{2}:\d{2} ", listing)

    services = open_services(db_path, exclusive=True)
    try:
        services.register.create_organisation(name="Ändrad efter kopian", kind="other")
    finally:
        services.db.close()
    assert dump(db_path) != at_backup

    assert main(["--db", str(db_path), "restore", "1"]) == 0
    out = capsys.readouterr().out
    assert "återställd" in out and str(made.path) in out
    assert dump(db_path) == at_backup
    assert integrity(db_path) == ["ok"]

    assert main(["--db", str(db_path), "restore"]) == 0
    listing = capsys.readouterr().out
    assert "1. " in listing and "(före återställning)" in listing and "2. " in listing
    assert main(["--db", str(db_path), "restore", "9"]) == 1
    assert "nummer 9" in capsys.readouterr().err


def test_cli_restore_without_backups_says_so(db: Database, db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db.close()
    assert main(["--db", str(db_path), "restore"]) == 0
    assert "inga säkerhetskopior" in capsys.readouterr().out
    with contextlib.suppress(FileNotFoundError):
        assert list(backup_dir(db_path).iterdir()) == []

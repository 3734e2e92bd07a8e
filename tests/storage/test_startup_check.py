"""The start-up check beside the window: nothing is written until it has passed (P6).

``open_database(..., check_later=True)`` (the window) returns before SQLite's check has read
the file; the check runs in its own thread, and every write and every backup waits for it:

* while it still runs (here: another program holds the file, so it cannot even start) a write
  is refused with a Swedish message once it has waited ``write_wait_s`` (0 here), and goes
  through once the other program lets go and the check passes;
* when it finds damage, every write and backup is refused with the check's message, the file
  stays byte for byte as it was, and after a crash the sign of the crash is kept, so the next
  start checks fully again.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from promises_app.services import Services
from promises_app.services.errors import CorruptDatabaseError
from promises_app.storage import backups
from promises_app.storage.database import open_database
from promises_app.storage.lock import lock_path
from promises_app.storage.startup_check import CheckState, DatabaseCheckPending

from ._support import (
    DAMAGE,
    FIXTURES_DIR,
    cut_in_half,
    demo_copy,
    put_index_out_of_step,
    sidecars,
)

OLD_MTIME_NS = 1_500_000_000_000_000_000


@contextlib.contextmanager
def held_by_another_program(path: Path) -> Iterator[None]:
    """Another program holding the file exclusively: nobody else can read it, the check cannot start."""
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("PRAGMA locking_mode = EXCLUSIVE")
        other.execute("BEGIN EXCLUSIVE")
        yield
        other.execute("ROLLBACK")
    finally:
        other.close()


def _file(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def test_a_write_while_the_check_runs_is_held_back_then_goes_through(
    _templates: dict[str, Path], tmp_path: Path
) -> None:
    path = demo_copy(_templates, tmp_path / "medborgarloften.sqlite")
    with held_by_another_program(path):
        database = open_database(path, exclusive=True, check_later=True)  # returns: the check runs beside
        check = database.startup_check
        assert check is not None and check.state is CheckState.RUNNING
        check.write_wait_s = 0  # refuse at once instead of waiting for the other program
        services = Services(database)
        with pytest.raises(DatabaseCheckPending) as refused:
            services.register.create_organisation(name="Före kontrollen", kind="other")
        message = str(refused.value)
        assert path.name in message and "kontrolleras fortfarande" in message and "sparades inte" in message
        with pytest.raises(DatabaseCheckPending):
            services.backups.backup_now()
        assert backups.list_backups(path) == []
    try:
        assert check.wait() is CheckState.PASSED
        made = services.register.create_organisation(name="Efter kontrollen", kind="other")
        assert made.name == "Efter kontrollen"
        assert [o.name for o in services.register.list_organisations() if o.name.endswith("kontrollen")] == [
            "Efter kontrollen"
        ]
    finally:
        database.close()
    assert not lock_path(path).exists()


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_file_checked_beside_the_window_is_never_written(
    damage: str, _templates: dict[str, Path], tmp_path: Path
) -> None:
    path = demo_copy(_templates, tmp_path / "kommun" / "medborgarloften.sqlite")
    good_backup = backups.make_backup(path, "daily")
    DAMAGE[damage](path)
    os.utime(path, ns=(OLD_MTIME_NS, OLD_MTIME_NS))
    before = _file(path)

    database = open_database(path, exclusive=True, check_later=True)
    check = database.startup_check
    assert check is not None
    try:
        assert check.wait() is CheckState.FAILED
        failure = check.failure
        assert isinstance(failure, CorruptDatabaseError)
        assert str(path) in str(failure) and "skadad" in str(failure) and "Ingenting har skrivits" in str(failure)
        assert f"{good_backup.made:%Y-%m-%d %H:%M}" in str(failure)  # the restore is offered
        services = Services(database)
        for write in (
            lambda: services.register.create_organisation(name="Efter skadan", kind="other"),
            lambda: services.backups.backup_now(),
            lambda: services.backups.backup_if_due(),
        ):
            with pytest.raises(CorruptDatabaseError) as refused:
                write()
            assert str(refused.value) == str(failure)
    finally:
        database.close()
    assert _file(path) == before  # no write reached it: same bytes, same mtime
    assert not any(s.exists() for s in sidecars(path))
    assert not lock_path(path).exists()
    assert [b.path for b in backups.list_backups(path)] == [good_backup.path]  # no backup of the damage


def test_after_a_crash_the_full_check_runs_beside_and_keeps_the_sign_of_the_crash(
    _templates: dict[str, Path], tmp_path: Path
) -> None:
    path = demo_copy(_templates, tmp_path / "medborgarloften.sqlite")
    put_index_out_of_step(path)  # only the full integrity_check sees it
    lock_path(path).write_text(
        json.dumps({"user": "anna", "host": "kommunen-pc", "pid": 999999, "since": "2024-05-17 09:00"}),
        encoding="utf-8",
    )
    before = path.read_bytes()
    database = open_database(path, exclusive=True, check_later=True)
    check = database.startup_check
    assert check is not None and check.full
    try:
        assert check.wait() is CheckState.FAILED
        assert "ix_measures_deadline" in str(check.failure)
        with pytest.raises(CorruptDatabaseError):
            Services(database).register.create_organisation(name="Efter kraschen", kind="other")
    finally:
        database.close()
    assert path.read_bytes() == before
    assert lock_path(path).exists()  # the next start still knows the last session crashed
    closed_unchecked = open_database(path, exclusive=True, check_later=True)
    closed_unchecked.close()  # let go of before its check even started: still not checked
    assert lock_path(path).exists()
    again = open_database(path, exclusive=True, check_later=True)
    try:
        assert again.startup_check is not None and again.startup_check.full
        assert again.startup_check.wait() is CheckState.FAILED
    finally:
        again.close()


def test_a_file_to_upgrade_is_checked_before_its_backup_and_migration(tmp_path: Path) -> None:
    """``check_later`` never lets a migration write to a file nobody has checked."""
    path = tmp_path / "gammal.sqlite"
    shutil.copyfile(FIXTURES_DIR / "schema-v5.sqlite", path)
    cut_in_half(path)
    before = path.read_bytes()
    with pytest.raises(CorruptDatabaseError):
        open_database(path, exclusive=True, check_later=True)  # refused at once, as without check_later
    assert path.read_bytes() == before and backups.list_backups(path) == []

    shutil.copyfile(FIXTURES_DIR / "schema-v5.sqlite", path)
    database = open_database(path, exclusive=True, check_later=True)
    try:
        assert database.startup_check is None  # checked, backed up and upgraded before it returned
    finally:
        database.close()

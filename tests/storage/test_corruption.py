"""Corruption is found at start, and the evidence is never destroyed (docs/reliability.md, P6).

Three damaged files, each made from a closed, checkpointed demo database:

* ``random-page``:  a data page of a table b-tree in the middle overwritten with random bytes;
* ``cut-in-half``:  the file truncated to half its length (the header survives);
* ``broken-index``: the root page of ``ix_measures_deadline`` overwritten with random bytes.

For each, through the product's open function (plain and exclusive) and the command line:
CorruptDatabaseError naming the path; the file byte-identical afterwards (mtime too) and
nothing new beside it (no empty database, no ``-wal``, no lock file); with a backup, the
message names its date; ``promises-app check`` exits 1 with a message; ``restore`` puts back
a good database and keeps the damaged file aside, byte for byte.

A fourth, quieter damage (an index whose entries no longer match its table, which
``quick_check`` does not look at) is found by ``check`` and by the full check after a crash.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from promises_app.cli import main
from promises_app.services import Services, open_services
from promises_app.storage import backups
from promises_app.storage.backups import backup_dir
from promises_app.storage.database import open_database
from promises_app.storage.errors import CorruptDatabaseError
from promises_app.storage.lock import lock_path

from ._support import DAMAGE, demo_copy, dump, integrity, put_index_out_of_step, sidecars

BACKUP_MADE = datetime(2024, 5, 17, 9, 30, 12)
OLD_MTIME_NS = 1_500_000_000_000_000_000


def _state(path: Path) -> tuple[bytes, int, list[str], list[str]]:
    folder = backup_dir(path)
    return (
        path.read_bytes(),
        path.stat().st_mtime_ns,
        sorted(os.listdir(path.parent)),
        sorted(os.listdir(folder)) if folder.exists() else [],
    )


@pytest.fixture(params=list(DAMAGE), ids=list(DAMAGE))
def damaged(request: pytest.FixtureRequest, _templates: dict[str, Path], tmp_path: Path) -> tuple[Path, Path, list[str]]:
    """(damaged database, its backup made before the damage, the backup's dump)."""
    path = demo_copy(_templates, tmp_path / "kommun" / "medborgarloften.sqlite")
    backup = backups.make_backup(path, "daily", now=BACKUP_MADE)
    good = dump(path)
    DAMAGE[request.param](path)
    assert not any(s.exists() for s in sidecars(path))
    os.utime(path, ns=(OLD_MTIME_NS, OLD_MTIME_NS))
    return path, backup.path, good


def _opening_is_refused(path: Path, open_it: Callable[[Path], object]) -> str:
    before = _state(path)
    with pytest.raises(CorruptDatabaseError) as caught:
        open_it(path)
    assert caught.value.path == path
    assert _state(path) == before  # no write, nothing new beside it, no backup rotated
    assert not any(s.exists() for s in sidecars(path))
    assert not lock_path(path).exists()
    return str(caught.value)


def test_open_refuses_a_damaged_file_and_names_the_backup(damaged: tuple[Path, Path, list[str]]) -> None:
    path, _, _ = damaged
    message = _opening_is_refused(path, lambda p: open_database(p, create=False))
    assert str(path) in message
    assert "skadad" in message and "Ingenting har skrivits" in message
    assert f"{BACKUP_MADE:%Y-%m-%d %H:%M}" in message
    assert "promises-app restore" in message


def test_exclusive_open_refuses_it_too_and_releases_the_lock(damaged: tuple[Path, Path, list[str]]) -> None:
    path, _, _ = damaged
    message = _opening_is_refused(path, lambda p: open_services(p, exclusive=True))
    assert str(path) in message and f"{BACKUP_MADE:%Y-%m-%d %H:%M}" in message


def test_open_with_create_never_makes_a_new_empty_database(damaged: tuple[Path, Path, list[str]]) -> None:
    path, _, _ = damaged
    _opening_is_refused(path, lambda p: open_database(p))  # create=True, as the window opens it


def test_without_a_backup_the_message_says_there_is_none(
    _templates: dict[str, Path], tmp_path: Path
) -> None:
    for name, damage in DAMAGE.items():
        path = demo_copy(_templates, tmp_path / name / "medborgarloften.sqlite")
        damage(path)
        message = _opening_is_refused(path, lambda p: open_database(p, create=False))
        assert str(path) in message and "ingen säkerhetskopia" in message, name


def test_check_command_reports_it(damaged: tuple[Path, Path, list[str]], capsys: pytest.CaptureFixture[str]) -> None:
    path, _, _ = damaged
    before = _state(path)
    assert main(["--db", str(path), "check"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert str(path) in captured.err and "skadad" in captured.err
    assert "Traceback" not in captured.err
    assert _state(path) == before


def test_backup_command_refuses_and_keeps_the_good_backup(
    damaged: tuple[Path, Path, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    path, backup, _ = damaged
    content = backup.read_bytes()
    assert main(["--db", str(path), "backup"]) == 1
    assert str(path) in capsys.readouterr().err
    assert [b.path for b in backups.list_backups(path)] == [backup]
    assert backup.read_bytes() == content


def test_restore_puts_back_a_good_database_and_keeps_the_damaged_one(
    damaged: tuple[Path, Path, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    path, backup, good = damaged
    damaged_bytes = path.read_bytes()

    assert main(["--db", str(path), "restore"]) == 0
    assert f"1. {BACKUP_MADE:%Y-%m-%d %H:%M}" in capsys.readouterr().out
    assert main(["--db", str(path), "restore", "1"]) == 0
    out = capsys.readouterr().out
    assert "återställd" in out

    aside = [p for p in path.parent.iterdir() if p.name.startswith(path.name + ".damaged-")]
    assert len(aside) == 1 and re.fullmatch(r".*\.damaged-\d{8}-\d{6}", aside[0].name)
    assert str(aside[0]) in out
    assert aside[0].read_bytes() == damaged_bytes
    assert dump(path) == good
    assert integrity(path) == ["ok"]
    assert backup.exists()  # the backup used stays a backup

    assert main(["--db", str(path), "check"]) == 0
    assert "är hel (3 överenskommelser, 12 åtgärder, 22 uppföljningar)" in capsys.readouterr().out
    database = open_database(path, create=False, exclusive=True)
    try:
        Services(database).register.create_organisation(name="Efter återställningen", kind="other")
    finally:
        database.close()


# --- damage quick_check does not see -------------------------------------------------------------


@pytest.fixture
def index_out_of_step(_templates: dict[str, Path], tmp_path: Path) -> Path:
    path = demo_copy(_templates, tmp_path / "medborgarloften.sqlite")
    put_index_out_of_step(path)
    with contextlib.closing(sqlite3.connect(path)) as connection:
        assert connection.execute("PRAGMA quick_check").fetchall() == [("ok",)]  # why this case is apart
        assert connection.execute("PRAGMA integrity_check").fetchone() != ("ok",)
    return path


def test_check_command_finds_an_index_out_of_step(index_out_of_step: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = index_out_of_step
    assert main(["--db", str(path), "check"]) == 1
    err = capsys.readouterr().err
    assert "Integritetskontroll" in err and "ix_measures_deadline" in err
    assert str(path) in err


def test_after_a_crash_the_full_check_refuses_an_index_out_of_step(index_out_of_step: Path) -> None:
    path = index_out_of_step
    # What a session killed while holding the database leaves behind (see test_lock.py for a real kill).
    lock_path(path).write_text(
        json.dumps({"user": "anna", "host": "kommunen-pc", "pid": 999999, "since": "2024-05-17 09:00"}),
        encoding="utf-8",
    )
    content = path.read_bytes()
    with pytest.raises(CorruptDatabaseError) as caught:
        open_database(path, create=False, exclusive=True)
    assert "ix_measures_deadline" in str(caught.value) and str(path) in str(caught.value)
    assert path.read_bytes() == content
    # Refusing must not erase the sign of the crash: the next start checks fully again.
    with pytest.raises(CorruptDatabaseError):
        open_database(path, create=False, exclusive=True)
    assert path.read_bytes() == content

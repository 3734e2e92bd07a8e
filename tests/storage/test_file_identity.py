"""Only our file is opened, and a file we refuse is never changed (docs/reliability.md, P2, P3, P15)."""

from __future__ import annotations

import os
import sqlite3
import stat
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from promises_app.storage.database import open_database
from promises_app.storage.errors import (
    DatabaseMissingError,
    NewerSchemaError,
    NotOurDatabaseError,
)
from promises_app.storage.migrate import SCHEMA_VERSION

SIDECARS = ("-wal", "-shm", "-journal")
OLD_MTIME_NS = 1_500_000_000_000_000_000  # 2017: any write by the open would move it


def _zero_bytes(path: Path) -> None:
    path.write_bytes(b"")


def _random_bytes(path: Path) -> None:
    path.write_bytes(os.urandom(8192))


def _pdf(path: Path) -> None:
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + b"0" * 300)


def _short_sqlite_magic(path: Path) -> None:
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 20)


def _other_programs_sqlite(path: Path) -> None:
    connection = sqlite3.connect(path)
    try:
        connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        connection.execute("INSERT INTO notes (body) VALUES ('inte vår')")
        connection.commit()
        assert connection.execute("PRAGMA application_id").fetchone() == (0,)
    finally:
        connection.close()


def _other_programs_wal_sqlite(path: Path) -> None:
    """Another program's database in WAL mode, with our schema version number by chance."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA user_version = 1")
        connection.execute("CREATE TABLE t (x)")
        connection.commit()
    finally:
        connection.close()


FOREIGN_FILES: dict[str, Callable[[Path], None]] = {
    "zero-byte": _zero_bytes,
    "random-bytes": _random_bytes,
    "pdf-renamed": _pdf,
    "truncated-sqlite-header": _short_sqlite_magic,
    "other-programs-sqlite": _other_programs_sqlite,
    "other-programs-wal-sqlite": _other_programs_wal_sqlite,
}


def _sidecars(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in SIDECARS]


def _freeze(path: Path) -> tuple[bytes, int, list[str]]:
    os.utime(path, ns=(OLD_MTIME_NS, OLD_MTIME_NS))
    return path.read_bytes(), path.stat().st_mtime_ns, sorted(os.listdir(path.parent))


@pytest.mark.parametrize("make", FOREIGN_FILES.values(), ids=FOREIGN_FILES.keys())
def test_foreign_file_refused_and_untouched(tmp_path: Path, make: Callable[[Path], None]) -> None:
    path = tmp_path / "folder with spaces" / "medborgarloften.sqlite"
    path.parent.mkdir()
    make(path)
    for sidecar in _sidecars(path):
        assert not sidecar.exists()
    content, mtime, listing = _freeze(path)

    with pytest.raises(NotOurDatabaseError) as caught:
        open_database(path)

    assert str(path) in str(caught.value)
    assert caught.value.path == path
    assert path.read_bytes() == content
    assert path.stat().st_mtime_ns == mtime
    assert sorted(os.listdir(path.parent)) == listing
    for sidecar in _sidecars(path):
        assert not sidecar.exists(), sidecar


def test_zero_byte_file_message_says_it_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "medborgarloften.sqlite"
    path.write_bytes(b"")
    with pytest.raises(NotOurDatabaseError, match=r"är tom \(0 byte\)"):
        open_database(path)


def test_other_programs_database_message_says_so(tmp_path: Path) -> None:
    path = tmp_path / "medborgarloften.sqlite"
    _other_programs_sqlite(path)
    with pytest.raises(NotOurDatabaseError, match="annat program"):
        open_database(path)


def _make_newer(path: Path) -> None:
    open_database(path).close()
    raw = sqlite3.connect(path)
    try:
        raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        raw.commit()
    finally:
        raw.close()
    assert not any(sidecar.exists() for sidecar in _sidecars(path))


def test_newer_schema_refused_and_byte_identical(tmp_path: Path) -> None:
    path = tmp_path / "nyare.sqlite"
    _make_newer(path)
    content, mtime, listing = _freeze(path)

    with pytest.raises(NewerSchemaError) as caught:
        open_database(path)

    message = str(caught.value)
    assert "nyare version" in message
    assert str(path) in message
    assert str(SCHEMA_VERSION + 1) in message
    assert path.read_bytes() == content
    assert path.stat().st_mtime_ns == mtime
    assert sorted(os.listdir(path.parent)) == listing


def test_our_current_database_opens_again(tmp_path: Path) -> None:
    """The control case: the header check accepts our own file (so the refusals above mean something)."""
    path = tmp_path / "vår.sqlite"
    open_database(path).close()
    database = open_database(path, create=False)
    try:
        with database.read() as session:
            from sqlalchemy import text

            assert session.execute(text("PRAGMA user_version")).scalar() == SCHEMA_VERSION
    finally:
        database.close()


def test_missing_file_without_create(tmp_path: Path) -> None:
    path = tmp_path / "saknas" / "medborgarloften.sqlite"
    with pytest.raises(DatabaseMissingError) as caught:
        open_database(path, create=False)
    assert str(path) in str(caught.value)
    assert not path.exists()
    assert not path.parent.exists()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_new_database_is_private(tmp_path: Path) -> None:
    folder = tmp_path / "ny" / "mapp"
    path = folder / "medborgarloften.sqlite"
    old_umask = os.umask(0o022)  # a typical, permissive umask must not leak into the modes
    try:
        database = open_database(path)
    finally:
        os.umask(old_umask)
    database.close()

    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_creation_leaves_nothing_beside_the_database(tmp_path: Path) -> None:
    path = tmp_path / "medborgarloften.sqlite"
    open_database(path).close()
    assert sorted(os.listdir(tmp_path)) == ["medborgarloften.sqlite"]
    assert not [name for name in os.listdir(tmp_path) if ".creating" in name]


def test_failed_creation_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import promises_app.storage.database as database_module

    def broken_migration(connection: object) -> None:
        raise RuntimeError("migration failed")

    monkeypatch.setattr(database_module, "upgrade_to_head", broken_migration)
    path = tmp_path / "medborgarloften.sqlite"
    with pytest.raises(RuntimeError, match="migration failed"):
        open_database(path)
    assert os.listdir(tmp_path) == []


def test_files_left_by_a_creation_that_was_killed_are_cleared_on_the_next_creation(tmp_path: Path) -> None:
    """A crash while a new database is built leaves `.NAME.creating-PID` (+ -wal/-shm) behind."""
    import subprocess

    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()  # its pid is now free: the process that "was building" is gone
    target = tmp_path / "new.sqlite"
    leftovers = [tmp_path / f".new.sqlite.creating-{dead.pid}{suffix}" for suffix in ("", "-wal", "-shm")]
    for leftover in leftovers:
        leftover.write_bytes(b"half made")
    database = open_database(target)
    database.close()
    assert not any(p.exists() for p in leftovers)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.sqlite"]

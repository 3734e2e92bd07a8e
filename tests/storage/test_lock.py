"""One writer; a clear "in use"; contention waited out or reported (docs/reliability.md, P4).

* A second exclusive open (same process, or another process) is refused with
  DatabaseInUseError naming the holder's user, host and pid.
* A holder killed with SIGKILL leaves a lock file nobody holds: the next exclusive open
  succeeds, knows the last session crashed, and runs the full ``integrity_check``.
* A clean close removes the lock file; the next open does not think anything crashed.
* An outside process holding SQLite's write lock for 1 s is waited out (busy_timeout 5 s);
  for 10 s the save fails with DatabaseBusyError (Swedish, "upptagen"), nothing changed,
  and the caller's form values are untouched (and can be saved once it is free).
"""

from __future__ import annotations

import contextlib
import copy
import getpass
import json
import os
import socket
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

import promises_app.storage.database as database_module
import promises_app.storage.lock as lock_module
from promises_app.services import Services, open_services
from promises_app.storage.database import Database, open_database
from promises_app.storage.engine import BUSY_TIMEOUT_MS
from promises_app.storage.errors import (
    DatabaseBusyError,
    DatabaseInUseError,
    StorageFailure,
)
from promises_app.storage.lock import DatabaseLock, lock_path

from ._support import Child, integrity, read_only

HOLD = r"""
import sys
from promises_app.storage.database import open_database
database = open_database(sys.argv[1], exclusive=True)
print("HOLDING", flush=True)
sys.stdin.readline()        # until told (or stdin closed)
database.close()
print("CLOSED", flush=True)
"""

TRY_OPEN = r"""
import json, sys
from promises_app.storage.database import open_database
from promises_app.storage.errors import DatabaseInUseError
try:
    open_database(sys.argv[1], exclusive=True).close()
    print("RESULT " + json.dumps({"opened": True}), flush=True)
except DatabaseInUseError as error:
    print("RESULT " + json.dumps({"opened": False, "message": str(error)}), flush=True)
"""

#: Holds SQLite's write lock (BEGIN IMMEDIATE) from outside the product, for argv[2] seconds or
#: until a line arrives on stdin, then rolls back.
OUTSIDE_WRITER = r"""
import select, sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=0)
connection.execute("BEGIN IMMEDIATE")
connection.execute("INSERT INTO organisations (name, kind, short_name, version) VALUES ('utifrån', 'other', '', 1)")
print("LOCKED", flush=True)
select.select([sys.stdin], [], [], float(sys.argv[2]))
connection.execute("ROLLBACK")
connection.close()
print("RELEASED", flush=True)
"""


def _holder_named(message: str, *, pid: int) -> None:
    assert getpass.getuser() in message
    assert socket.gethostname() in message
    assert f"process {pid}" in message


@pytest.fixture
def path(tmp_path: Path) -> Path:
    path = tmp_path / "delad mapp" / "medborgarloften.sqlite"
    open_database(path).close()
    return path


@pytest.fixture
def checks_run(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every PRAGMA *_check the product's engines run from now on (a spy on the engine factory)."""
    seen: list[str] = []
    real_factory = database_module.create_database_engine

    def spying_factory(*args: Any, **kwargs: Any):  # type: ignore[no-untyped-def]
        engine = real_factory(*args, **kwargs)

        @event.listens_for(engine, "before_cursor_execute")
        def _spy(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
            if statement.upper().startswith("PRAGMA") and "_CHECK" in statement.upper():
                seen.append(statement.split()[1].lower())

        return engine

    monkeypatch.setattr(database_module, "create_database_engine", spying_factory)
    return seen


# --- one writer ---------------------------------------------------------------------------------


def test_second_exclusive_open_in_the_same_process_is_refused(path: Path) -> None:
    first = open_database(path, exclusive=True)
    try:
        with pytest.raises(DatabaseInUseError) as caught:
            open_database(path, exclusive=True)
        message = str(caught.value)
        assert str(path) in message and "används redan" in message
        _holder_named(message, pid=os.getpid())
        assert caught.value.path == path
        assert first.lock is not None and first.lock.held  # the refusal did not disturb the holder
        with pytest.raises(DatabaseInUseError):
            open_services(path, exclusive=True)
    finally:
        first.close()


def test_second_instance_in_another_process_is_refused(path: Path, spawn: Callable[..., Child]) -> None:
    first = open_database(path, exclusive=True)
    try:
        child = spawn(TRY_OPEN, str(path))
        result = json.loads(child.wait_for("RESULT ")[len("RESULT "):])
        assert child.finish()[0] == 0
    finally:
        first.close()
    assert result["opened"] is False
    _holder_named(result["message"], pid=os.getpid())
    assert str(path) in result["message"]


def test_holder_in_another_process_is_named(path: Path, spawn: Callable[..., Child]) -> None:
    holder = spawn(HOLD, str(path))
    holder.wait_for("HOLDING")
    with pytest.raises(DatabaseInUseError) as caught:
        open_database(path, exclusive=True)
    _holder_named(str(caught.value), pid=holder.pid)
    holder.send("stop")
    holder.wait_for("CLOSED")
    assert holder.finish()[0] == 0
    assert not lock_path(path).exists()  # a clean close removes the file
    database = open_database(path, exclusive=True)  # ... and the database is free again
    try:
        assert database.lock is not None and not database.lock.previous_session_crashed
    finally:
        database.close()


def test_non_exclusive_open_needs_no_lock(path: Path) -> None:
    """Read-only commands (list, check, export) open without the lock, beside the window."""
    holder = open_database(path, exclusive=True)
    try:
        reader = open_database(path)
        try:
            assert reader.lock is None
            assert Services(reader).maintenance.check().ok
        finally:
            reader.close()
        assert lock_path(path).exists() and holder.lock is not None and holder.lock.held
    finally:
        holder.close()


# --- a crash leaves a lock that clears itself ----------------------------------------------------


def test_stale_lock_after_sigkill_clears_itself_and_forces_full_check(
    path: Path, spawn: Callable[..., Child], checks_run: list[str]
) -> None:
    holder = spawn(HOLD, str(path))
    holder.wait_for("HOLDING")
    with pytest.raises(DatabaseInUseError):
        open_database(path, exclusive=True)
    assert holder.kill() != 0
    stale = json.loads(lock_path(path).read_text(encoding="utf-8"))
    assert stale["pid"] == holder.pid  # the file is still there, naming the dead holder

    checks_run.clear()
    database = open_database(path, exclusive=True)
    try:
        assert database.lock is not None
        assert database.lock.previous_session_crashed is True
        assert checks_run == ["integrity_check"]  # the full check, not the quick one
        now_held_by = json.loads(lock_path(path).read_text(encoding="utf-8"))
        assert now_held_by["pid"] == os.getpid()
        Services(database).register.create_organisation(name="Efter kraschen", kind="other")
    finally:
        database.close()

    assert not lock_path(path).exists()
    checks_run.clear()
    database = open_database(path, exclusive=True)
    try:
        assert database.lock is not None and database.lock.previous_session_crashed is False
        assert checks_run == ["quick_check"]
    finally:
        database.close()
    assert integrity(path) == ["ok"]


def test_clean_close_removes_the_lock_file(path: Path, checks_run: list[str]) -> None:
    services = open_services(path, exclusive=True)
    assert lock_path(path).exists()
    assert services.db.lock is not None and not services.db.lock.previous_session_crashed
    services.db.close()
    assert not lock_path(path).exists()

    checks_run.clear()
    again = open_database(path, exclusive=True)
    try:
        assert again.lock is not None and again.lock.previous_session_crashed is False
        assert checks_run == ["quick_check"]
    finally:
        again.close()


def test_refused_open_leaves_the_holders_lock_file(path: Path) -> None:
    holder = open_database(path, exclusive=True)
    try:
        before = lock_path(path).read_bytes()
        with pytest.raises(DatabaseInUseError):
            open_database(path, exclusive=True)
        assert lock_path(path).read_bytes() == before
    finally:
        holder.close()


def test_lock_released_between_open_and_lock_is_not_shared(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The holder closes (removing the lock file) after a second copy opened that file but
    before it locked it: the second copy must not end up holding a file nobody else can see,
    or a third copy would get a lock too (two writers)."""
    first = DatabaseLock(path)
    first.acquire()
    real_lock = lock_module._lock
    released = []

    def lock_after_holder_released(handle: Any) -> None:
        if not released:
            released.append(True)
            first.release()  # unlinks the file our handle was opened on
        real_lock(handle)

    monkeypatch.setattr(lock_module, "_lock", lock_after_holder_released)
    second = DatabaseLock(path)
    second.acquire()
    monkeypatch.setattr(lock_module, "_lock", real_lock)
    try:
        assert released
        assert not second.previous_session_crashed  # the first closed cleanly
        third = DatabaseLock(path)
        with pytest.raises(DatabaseInUseError):
            third.acquire()
    finally:
        second.release()


# --- contention with an outside writer -----------------------------------------------------------


@contextlib.contextmanager
def _open(path: Path) -> Iterator[Database]:
    database = open_database(path, exclusive=True)
    try:
        yield database
    finally:
        database.close()


def _write_lock_is_held(path: Path) -> bool:
    probe = sqlite3.connect(path, isolation_level=None, timeout=0)
    try:
        probe.execute("BEGIN IMMEDIATE")
        probe.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError as error:
        assert "locked" in str(error)
        return True
    finally:
        probe.close()


def _organisations(path: Path) -> list[tuple[Any, ...]]:
    probe = read_only(path)
    try:
        return probe.execute("SELECT name, kind, short_name FROM organisations ORDER BY id").fetchall()
    finally:
        probe.close()


def test_short_contention_is_waited_out(path: Path, spawn: Callable[..., Child]) -> None:
    assert BUSY_TIMEOUT_MS >= 5000
    form = {"name": "Räddningstjänsten Syd", "kind": "other", "short_name": "RSyd"}
    typed = copy.deepcopy(form)
    with _open(path) as database:
        outside = spawn(OUTSIDE_WRITER, str(path), "1")
        outside.wait_for("LOCKED")
        assert _write_lock_is_held(path)  # there really is contention when the save starts
        record = Services(database).register.create_organisation(**form)
        outside.wait_for("RELEASED")
        assert outside.finish()[0] == 0
    assert record.name == form["name"]
    assert form == typed
    assert _organisations(path) == [("Räddningstjänsten Syd", "other", "RSyd")]  # not the outside row


@pytest.mark.slow
def test_long_contention_gives_a_clear_message_and_keeps_the_form(
    path: Path, spawn: Callable[..., Child]
) -> None:
    form = {"name": "Räddningstjänsten Syd", "kind": "other", "short_name": "RSyd"}
    typed = copy.deepcopy(form)
    with _open(path) as database:
        services = Services(database)
        services.register.create_organisation(name="Sparad tidigare", kind="other")
        before = _organisations(path)
        outside = spawn(OUTSIDE_WRITER, str(path), "10")
        outside.wait_for("LOCKED")
        with pytest.raises(DatabaseBusyError) as caught:
            services.register.create_organisation(**form)
        assert _write_lock_is_held(path)  # still held: the save gave up, it was not let through
        outside.send("release")
        outside.wait_for("RELEASED")
        assert outside.finish()[0] == 0

        message = str(caught.value)
        assert isinstance(caught.value, StorageFailure)
        assert "upptagen" in message and str(path) in message
        assert form == typed
        assert _organisations(path) == before
        assert integrity(path) == ["ok"]

        services.register.create_organisation(**form)  # what was typed can be saved once it is free
    assert _organisations(path) == [*before, ("Räddningstjänsten Syd", "other", "RSyd")]

"""The one-writer lock follows the database *file*, not the name it is reached by (issue 12, point 6).

The attack: while one process held ``link.db`` (a symlink), ``--db real.db import x.json``
succeeded, because the lock was per path. Now a symlink and its target share one lock (the
lock file beside the real file), and so do two hard links (an identity lock named by the
file's device and inode); the second writer is refused naming the holder and the name it
used. A lock left by a holder killed through a link still clears itself, and the next open,
by either name, checks the whole file. Real files, real processes.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from promises_app.cli import main
from promises_app.services.backups import restore_database
from promises_app.storage.database import open_database
from promises_app.storage.errors import DatabaseInUseError
from promises_app.storage.lock import lock_path

from ._support import Child, demo_copy, dump, helsingborg_document

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges on Windows")

HOLD = r"""
import sys
from promises_app.storage.database import open_database
database = open_database(sys.argv[1], exclusive=True)
print("HOLDING", flush=True)
sys.stdin.readline()
database.close()
print("CLOSED", flush=True)
"""


@posix_only
@pytest.mark.parametrize("held_as", ["link", "real"])
def test_a_symlink_and_its_target_share_one_lock(
    _templates: dict[str, Path], tmp_path: Path, spawn: Callable[..., Child],
    capsys: pytest.CaptureFixture[str], held_as: str,
) -> None:
    real = demo_copy(_templates, tmp_path / "data" / "real.db")
    link = tmp_path / "link.db"
    link.symlink_to(real)
    document = tmp_path / "x.json"
    document.write_text(json.dumps(helsingborg_document("Inläst av en andra skrivare")), encoding="utf-8")
    holder_name, writer_name = (link, real) if held_as == "link" else (real, link)
    before = dump(real)

    holder = spawn(HOLD, str(holder_name))
    holder.wait_for("HOLDING")
    try:
        assert main(["--db", str(writer_name), "import", str(document)]) == 1
        err = capsys.readouterr().err
        assert "används redan" in err and f"process {holder.pid}" in err and str(writer_name) in err
        assert f"öppnad som {holder_name}" in err  # the name the holder used, not only "someone"
        assert dump(real) == before
        assert lock_path(link) == lock_path(real) == real.with_name("real.db.lock")
        with pytest.raises(DatabaseInUseError):
            restore_database(writer_name, real)  # restore takes the same lock
    finally:
        holder.send("stop")
        holder.wait_for("CLOSED")
        assert holder.finish()[0] == 0
    assert link.is_symlink() and dump(real) == before
    assert main(["--db", str(writer_name), "import", str(document)]) == 0  # free again


@posix_only
def test_two_hard_links_share_one_lock(
    _templates: dict[str, Path], tmp_path: Path, spawn: Callable[..., Child]
) -> None:
    first = demo_copy(_templates, tmp_path / "one" / "arbete.sqlite")
    second = tmp_path / "two" / "kopia.sqlite"
    second.parent.mkdir()
    os.link(first, second)
    holder = spawn(HOLD, str(first))
    holder.wait_for("HOLDING")
    try:
        with pytest.raises(DatabaseInUseError) as caught:
            open_database(second, exclusive=True)
        message = str(caught.value)
        assert f"process {holder.pid}" in message and f"öppnad som {first}" in message
        assert not lock_path(second).exists()  # refused: it left nothing behind
    finally:
        holder.send("stop")
        holder.wait_for("CLOSED")
        assert holder.finish()[0] == 0
    open_database(second, exclusive=True).close()


@posix_only
def test_a_holder_killed_through_a_link_leaves_a_lock_that_clears_itself(
    _templates: dict[str, Path], tmp_path: Path, spawn: Callable[..., Child]
) -> None:
    real = demo_copy(_templates, tmp_path / "real.sqlite")
    link = tmp_path / "länk.sqlite"
    link.symlink_to(real)
    holder = spawn(HOLD, str(link))
    holder.wait_for("HOLDING")
    assert holder.kill() != 0
    left = json.loads(lock_path(real).read_text(encoding="utf-8"))
    assert left["pid"] == holder.pid
    assert set(left) == {"user", "host", "pid", "since"}  # as versions before this one read it

    database = open_database(real, exclusive=True)  # by the other name
    try:
        assert database.lock is not None and database.lock.previous_session_crashed
    finally:
        database.close()
    assert not lock_path(real).exists()
    again = open_database(link, exclusive=True)
    try:
        assert again.lock is not None and not again.lock.previous_session_crashed
    finally:
        again.close()

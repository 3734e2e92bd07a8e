"""Small helpers shared by the data-safety tests of tests/storage (P3–P8).

Every helper reads the file with its own plain ``sqlite3`` connection, never the product's
engine, so what it reports is what is on disk, not what the product believes.
"""

from __future__ import annotations

import contextlib
import copy
import json
import os
import queue
import random
import shutil
import signal
import sqlite3
import struct
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

from promises_app.paths import resource

PROJECT_ROOT = Path(__file__).resolve().parents[2]
FIXTURES_DIR = PROJECT_ROOT / "tests" / "fixtures"
SIDECARS = ("-wal", "-shm", "-journal")


def read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot change the data (``query_only``) but, being the last one to
    close, checkpoints the WAL and removes ``-wal``/``-shm`` as the program does (a ``mode=ro``
    connection would leave them behind, holding committed saves)."""
    assert path.exists(), path  # never let a helper create an empty database
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA query_only = ON")
    return connection


def dump(path: Path) -> list[str]:
    """``iterdump()`` of the database at ``path`` (its WAL included, if one is beside it)."""
    with contextlib.closing(read_only(path)) as connection:
        return list(connection.iterdump())


def integrity(path: Path) -> list[str]:
    with contextlib.closing(read_only(path)) as connection:
        return [row[0] for row in connection.execute("PRAGMA integrity_check")]


def user_version(path: Path) -> int:
    """What SQLite says (the WAL included)."""
    with contextlib.closing(read_only(path)) as connection:
        return connection.execute("PRAGMA user_version").fetchone()[0]


def header_user_version(path: Path) -> int:
    """What the file's own 100-byte header says (bytes 60–63), without SQLite."""
    with path.open("rb") as handle:
        return struct.unpack(">I", handle.read(100)[60:64])[0]


def columns(path: Path, table: str) -> list[str]:
    with contextlib.closing(read_only(path)) as connection:
        return [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]


def sidecars(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in SIDECARS]


def demo_copy(templates: dict[str, Path], target: Path) -> Path:
    """A closed, checkpointed demo database (made by the program) at ``target``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(templates["demo"], target)
    os.chmod(target, 0o600)
    return target


def helsingborg_document(title: str, *, text_size: int = 0) -> dict[str, Any]:
    """The Helsingborg demo agreement as an import document under a new ``title``.

    ``text_size`` > 0 makes every measure's description that long (a big save).
    """
    document = copy.deepcopy(json.loads(resource("demo", "helsingborg-2018-2022.json").read_bytes()))
    document["agreement"]["title"] = title
    if text_size:
        for promise in document["agreement"]["promises"]:
            for number, measure in enumerate(promise["measures"]):
                measure["description"] = (f"Åtgärd {number}: " + "lång beskrivning " * text_size)[:text_size]
    return document


class Child:
    """``python -c code args...`` with the project importable; its stdout read line by line.

    A reader thread queues the lines, so waiting for one can give up (a hung child fails the
    test instead of hanging the run); the bound is a safety net, never a speed assertion.
    """

    HANG_S = 120

    def __init__(self, code: str, *args: str) -> None:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PROJECT_ROOT), env.get("PYTHONPATH")]))
        self.process = subprocess.Popen(
            [sys.executable, "-c", code, *args],
            cwd=PROJECT_ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        self.pid = self.process.pid
        self._lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self._lines.put(line.rstrip("\n"))
        self._lines.put(None)

    def wait_for(self, prefix: str) -> str:
        """The first line starting with ``prefix``; fails (with the child's stderr) if it ends first."""
        while True:
            try:
                line = self._lines.get(timeout=self.HANG_S)
            except queue.Empty:
                self.kill()
                raise AssertionError(f"the child printed no {prefix!r} line (hung?)") from None
            if line is None:
                self.process.wait()
                error = self.process.stderr.read() if self.process.stderr else ""
                raise AssertionError(f"the child ended (code {self.process.returncode}) before {prefix!r}:\n{error}")
            if line.startswith(prefix):
                return line

    def send(self, line: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()

    def finish(self) -> tuple[int, str]:
        """Close its stdin, wait for it to end; (exit code, stderr)."""
        with contextlib.suppress(OSError):
            assert self.process.stdin is not None
            self.process.stdin.close()
        code = self.process.wait(timeout=self.HANG_S)
        return code, self.process.stderr.read() if self.process.stderr else ""

    def kill(self) -> int:
        """SIGKILL (no clean-up of any kind in the child); its exit status."""
        self.process.send_signal(signal.SIGKILL)
        return self.process.wait(timeout=self.HANG_S)

    def close(self) -> None:
        if self.process.poll() is None:
            self.kill()
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            with contextlib.suppress(OSError):
                if stream is not None:
                    stream.close()


# --- damage, done to a closed, checkpointed database file -----------------------------------------


def _page_size(path: Path) -> int:
    with path.open("rb") as handle:
        size = struct.unpack(">H", handle.read(100)[16:18])[0]
    return 65536 if size == 1 else size


def _overwrite_page(path: Path, page: int, seed: int) -> None:
    size = _page_size(path)
    data = bytearray(path.read_bytes())
    assert page * size <= len(data)
    data[(page - 1) * size : page * size] = random.Random(seed).randbytes(size)
    path.write_bytes(bytes(data))


def middle_table_page(path: Path) -> int:
    """A leaf page of a table b-tree (agreement data), the one nearest the middle of the file."""
    with contextlib.closing(read_only(path)) as connection:
        page_count = connection.execute("PRAGMA page_count").fetchone()[0]
        pages = [
            row[0]
            for row in connection.execute(
                "SELECT d.pageno FROM dbstat AS d JOIN sqlite_master AS m ON m.name = d.name "
                "WHERE m.type = 'table' AND d.pagetype = 'leaf' AND d.ncell > 0"
            )
        ]
    assert pages
    return min(pages, key=lambda page: abs(page - page_count // 2))


def index_root_page(path: Path, index: str = "ix_measures_deadline") -> int:
    with contextlib.closing(read_only(path)) as connection:
        row = connection.execute("SELECT rootpage FROM sqlite_master WHERE type = 'index' AND name = ?", (index,))
        found = row.fetchone()
    assert found, index
    return found[0]


def damage_random_page(path: Path) -> None:
    """A page of random bytes in the middle of the file (a table's data page)."""
    _overwrite_page(path, middle_table_page(path), seed=5)


def cut_in_half(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def break_index(path: Path) -> None:
    """The root page of the index on measures' deadlines overwritten with random bytes."""
    _overwrite_page(path, index_root_page(path), seed=7)


DAMAGE = {"random-page": damage_random_page, "cut-in-half": cut_in_half, "broken-index": break_index}


def put_index_out_of_step(path: Path) -> None:
    """Re-declare ix_measures_deadline as an index on start_date: its entries (deadlines) no
    longer match the table. The b-tree pages are all well formed, so ``quick_check`` says ok and
    only ``integrity_check`` finds it ("row N missing from index ix_measures_deadline")."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA writable_schema = ON")
        changed = connection.execute(
            "UPDATE sqlite_master SET sql = replace(sql, '(deadline)', '(start_date)') "
            "WHERE type = 'index' AND name = 'ix_measures_deadline'"
        ).rowcount
        connection.execute("PRAGMA writable_schema = OFF")
    finally:
        connection.close()
    assert changed == 1

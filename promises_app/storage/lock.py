"""One writer per database: a lock file that says who holds it (RELIABILITY.md P4).

The lock is an operating-system lock (``fcntl.flock`` / ``msvcrt.locking``) on
``<database>.lock``, held for as long as the program has the database open. The kernel drops
it when the process ends, however it ends, so a lock left by a crash clears itself: the
file is still there, but nobody holds it. Inside the file the holder writes who it is
(user, host, process, since when), so a second copy can say who has the database, and the
next start can tell that the last session did not end cleanly.
"""

from __future__ import annotations

import errno
import getpass
import json
import os
import socket
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO

from promises_app.storage.errors import (
    DatabaseInUseError,
    ReadOnlyError,
    StorageIOError,
)


@dataclass(frozen=True)
class LockHolder:
    user: str
    host: str
    pid: int
    since: str

    def describe(self) -> str:
        return f"{self.user} på datorn {self.host} (process {self.pid}, sedan {self.since})"


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + ".lock")


class DatabaseLock:
    """Hold with ``acquire()``; ``release()`` on a clean close removes the file."""

    def __init__(self, database: Path) -> None:
        self.database = database
        self.path = lock_path(database)
        self._handle: IO[str] | None = None
        #: True when a lock file was left by a session that did not close cleanly.
        self.previous_session_crashed = False

    def acquire(self) -> None:
        while True:
            leftover = self.path.exists()
            handle = self._open()
            try:
                _lock(handle)
            except OSError:
                holder = _read_holder(handle)
                handle.close()
                who = holder.describe() if holder else "ett annat program"
                raise DatabaseInUseError(
                    self.database,
                    f"Databasen {self.database} används redan av {who}. Stäng programmet där "
                    "först, eller öppna en annan databas.",
                ) from None
            if _same_file(handle, self.path):
                break
            # The holder released (and removed) the file between our open and our lock: what we
            # locked is no longer the lock file, and a third copy could lock the new one. Again.
            _unlock(handle)
            handle.close()
        self.previous_session_crashed = leftover and _read_holder(handle) is not None
        me = LockHolder(
            user=getpass.getuser(),
            host=socket.gethostname(),
            pid=os.getpid(),
            since=datetime.now().strftime("%Y-%m-%d %H:%M"),
        )
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps(me.__dict__, ensure_ascii=False))
        handle.flush()
        if hasattr(os, "fchmod"):
            os.fchmod(handle.fileno(), 0o600)
        self._handle = handle

    def release(self, *, keep_file: bool = False) -> None:
        """Clean close: remove the file (so the next start knows this session ended well).

        ``keep_file`` unlocks but leaves the file, so the next start still treats the last
        session as crashed (used when an open after a crash was refused).
        """
        if self._handle is None:
            return
        handle, self._handle = self._handle, None
        if sys.platform == "win32":  # pragma: no cover - Windows cannot delete an open file
            # Empty the holder text instead: a lock file without a holder means "ended cleanly".
            if not keep_file:
                handle.seek(0)
                handle.truncate()
                handle.flush()
            _unlock(handle)
            handle.close()
            return
        try:
            if not keep_file:
                # Deleted while still locked: a waiting copy then sees a new file (see acquire).
                self.path.unlink(missing_ok=True)
        finally:
            _unlock(handle)
            handle.close()

    @property
    def held(self) -> bool:
        return self._handle is not None

    def _open(self) -> IO[str]:
        try:
            return open(self.path, "a+", encoding="utf-8")
        except OSError as error:  # a read-only folder, no permission: a message, not a crash
            failure = ReadOnlyError if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS) else StorageIOError
            raise failure(
                self.database,
                f"Databasen {self.database} kan inte öppnas för ändringar: låsfilen {self.path} "
                f"kunde inte skapas ({error.strerror or error}). Mappen är skrivskyddad eller saknar "
                "behörighet. Ingenting har ändrats; flytta databasen till en mapp där du får skriva.",
            ) from error


def _same_file(handle: IO[str], path: Path) -> bool:
    """Whether the open ``handle`` is still the file at ``path`` (not one removed meanwhile)."""
    try:
        here, there = os.fstat(handle.fileno()), os.stat(path)
    except OSError:
        return False
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


def _read_holder(handle: IO[str]) -> LockHolder | None:
    try:
        handle.seek(0)
        data = json.loads(handle.read() or "null")
        return LockHolder(**data) if isinstance(data, dict) else None
    except (ValueError, TypeError, OSError):
        return None


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    # Windows locks are mandatory: lock one byte far past the text so the holder stays readable.
    _LOCK_OFFSET = 1 << 20

    def _lock(handle: IO[str]) -> None:
        handle.seek(_LOCK_OFFSET)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle: IO[str]) -> None:
        handle.seek(_LOCK_OFFSET)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)

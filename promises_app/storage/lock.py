"""One writer per database *file*: a lock that says who holds it (docs/reliability.md, P4).

The lock is an operating-system lock (``fcntl.flock`` / ``msvcrt.locking``) held for as long
as the program has the database open. The kernel drops it when the process ends, however it
ends, so a lock left by a crash clears itself: the file is still there, but nobody holds it.
Inside the file the holder writes who it is (user, host, process, since when), so a second
copy can say who has the database, and the next start can tell that the last session did not
end cleanly.

The lock follows the file, not the name it was opened by. Two locks are taken:

* ``<real file>.lock`` beside the real file (symlinks followed, storage/locations.real_file),
  so a symlink and its target share it, also between computers on a shared folder;
* an identity lock named by the file's device and inode number, in the ``locks`` folder of
  the user's data folder, so two hard links (two names of one file, which no path comparison
  can see) share one too. It is skipped, and the first lock still holds, when the file system
  gives no inode number or the data folder cannot be written.
"""

from __future__ import annotations

import errno
import getpass
import json
import logging
import os
import socket
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO

from promises_app.storage.errors import (
    DatabaseInUseError,
    ReadOnlyError,
    StorageIOError,
)
from promises_app.storage.locations import PRIVATE_FILE_MODE, data_dir, make_private_folder, real_file

IDENTITY_LOCK_FOLDER = "locks"
_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LockHolder:
    user: str
    host: str
    pid: int
    since: str
    #: The name the holder opened the database by: in the identity lock only, since versions
    #: before it read ``<database>.lock`` as exactly the four fields above.
    database: str = ""

    def describe(self) -> str:
        return f"{self.user} på datorn {self.host} (process {self.pid}, sedan {self.since})"


def lock_path(database: Path) -> Path:
    """``<real file>.lock``: the lock file of ``database``, whichever name (symlink) it is reached by."""
    real = real_file(database)
    return real.with_name(real.name + ".lock")


def identity_lock_path(database: Path) -> Path | None:
    """The identity lock of the file ``database`` names, or None when it has no inode number."""
    try:
        status = os.stat(database)
    except OSError:
        return None
    if not status.st_ino:
        return None
    return data_dir() / IDENTITY_LOCK_FOLDER / f"{status.st_dev:x}-{status.st_ino:x}.lock"


class DatabaseLock:
    """Hold with ``acquire()``; ``release()`` on a clean close removes the lock files."""

    def __init__(self, database: Path) -> None:
        self.database = database
        self.path = lock_path(database)
        self._held: list[_LockFile] = []
        #: True when a lock file was left by a session that did not close cleanly.
        self.previous_session_crashed = False

    def acquire(self) -> None:
        by_name = _LockFile(self.path, self.database, names_database=False)
        by_name.acquire(self._refusal)
        self._held = [by_name]
        try:
            by_identity = self._identity_lock()
            if by_identity is not None:
                by_identity.acquire(self._refusal)
                self._held.append(by_identity)
        except BaseException:
            self.release(keep_file=by_name.left_by_crash)
            raise
        self.previous_session_crashed = any(lock.left_by_crash for lock in self._held)
        me = LockHolder(
            user=getpass.getuser(),
            host=socket.gethostname(),
            pid=os.getpid(),
            since=datetime.now().strftime("%Y-%m-%d %H:%M"),
            database=str(self.database),
        )
        for lock in self._held:
            lock.write_holder(me)

    def release(self, *, keep_file: bool = False) -> None:
        """Clean close: remove the files (so the next start knows this session ended well).

        ``keep_file`` unlocks but leaves the files, so the next start still treats the last
        session as crashed (used when an open after a crash was refused).
        """
        held, self._held = self._held, []
        for lock in reversed(held):
            lock.release(keep_file=keep_file)

    @property
    def held(self) -> bool:
        return bool(self._held)

    def _identity_lock(self) -> _LockFile | None:
        path = identity_lock_path(self.database)
        if path is None:
            return None
        try:
            make_private_folder(data_dir())  # created here first, it is owner-only too
            make_private_folder(path.parent)
        except OSError as error:  # the lock beside the file still holds; say so in the log
            _log.warning("Identitetslåset för %s kunde inte tas (%s)", self.database, error)
            return None
        return _LockFile(path, self.database, names_database=True)

    def _refusal(self, holder: LockHolder | None) -> DatabaseInUseError:
        who = holder.describe() if holder else "ett annat program"
        through = ""
        opened_as = self._opened_as(holder) if holder is not None else ""
        if opened_as and not _same_name(opened_as, self.database):
            through = f" (öppnad som {opened_as}, samma fil)"
        return DatabaseInUseError(
            self.database,
            f"Databasen {self.database} används redan av {who}{through}. Stäng programmet där "
            "först, eller öppna en annan databas.",
        )

    def _opened_as(self, holder: LockHolder) -> str:
        """The name the holder opened the file by (its identity lock says, when it has one)."""
        if holder.database:
            return holder.database
        path = identity_lock_path(self.database)
        if path is None:
            return ""
        try:
            data = json.loads(path.read_text(encoding="utf-8") or "null")
        except (OSError, ValueError):
            return ""
        database = data.get("database") if isinstance(data, dict) and data.get("pid") == holder.pid else None
        return database if isinstance(database, str) else ""


def _same_name(one: str, other: Path) -> bool:
    return os.path.abspath(one) == os.path.abspath(other)


class _LockFile:
    """One OS-locked file naming its holder."""

    def __init__(self, path: Path, database: Path, *, names_database: bool) -> None:
        self.path = path
        self.database = database
        self.names_database = names_database
        self.left_by_crash = False
        self._handle: IO[str] | None = None

    def acquire(self, refusal: Callable[[LockHolder | None], DatabaseInUseError]) -> None:
        while True:
            leftover = self.path.exists()
            handle = self._open()
            try:
                _lock(handle)
            except OSError:
                holder = _read_holder(handle)
                handle.close()
                raise refusal(holder) from None
            if _same_file(handle, self.path):
                break
            # The holder released (and removed) the file between our open and our lock: what we
            # locked is no longer the lock file, and a third copy could lock the new one. Again.
            _unlock(handle)
            handle.close()
        self.left_by_crash = leftover and _read_holder(handle) is not None
        self._handle = handle

    def write_holder(self, me: LockHolder) -> None:
        handle = self._handle
        assert handle is not None
        fields = dict(me.__dict__)
        if not self.names_database:
            del fields["database"]
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps(fields, ensure_ascii=False))
        handle.flush()
        if hasattr(os, "fchmod"):
            os.fchmod(handle.fileno(), PRIVATE_FILE_MODE)

    def release(self, *, keep_file: bool) -> None:
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

    def _open(self) -> IO[str]:
        try:
            return open(self.path, "a+", encoding="utf-8", opener=_private_opener)
        except OSError as error:  # a read-only folder, no permission: a message, not a crash
            failure = ReadOnlyError if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS) else StorageIOError
            raise failure(
                self.database,
                f"Databasen {self.database} kan inte öppnas för ändringar: låsfilen {self.path} "
                f"kunde inte skapas ({error.strerror or error}). Mappen är skrivskyddad eller saknar "
                "behörighet. Ingenting har ändrats; flytta databasen till en mapp där du får skriva.",
            ) from error


def _private_opener(path: str, flags: int) -> int:
    return os.open(path, flags, PRIVATE_FILE_MODE)


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
        if not isinstance(data, dict):
            return None
        known = {name: data[name] for name in LockHolder.__dataclass_fields__ if name in data}
        return LockHolder(**known)
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

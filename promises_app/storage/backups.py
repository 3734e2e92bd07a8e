"""Verified, rotated backups and safe restore (RELIABILITY.md P3, P5, P6).

A backup is made with SQLite's online backup API (never a file copy of a live database),
written under a temporary name, switched to the DELETE journal mode (so it is one
self-contained file), checked with ``integrity_check`` and only then renamed into the
backup folder; rotation runs only after a good new backup exists, so a damaged database
can never push a good backup out. Restore checks the backup, keeps the current file aside,
removes a stale ``-wal``/``-shm`` (which SQLite would otherwise replay into the restored
file) and renames the restored copy into place.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from promises_app.storage.engine import APPLICATION_ID

#: How many automatic backups are kept (the newest); backups made before a migration are
#: kept in addition (the newest two), since they are the way back from an upgrade.
KEEP_BACKUPS = 10
KEEP_MIGRATION_BACKUPS = 2

REASONS = {
    "manual": "manuell",
    "close": "vid stängning",
    "daily": "daglig",
    "migration": "före uppgradering",
    "import": "före import",
    "restore": "före återställning",
}
#: <stem>-YYYYMMDD-HHMMSS-ffffff-<reason>.sqlite: names sort by the time they were made.
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}-\d{6})-(?P<reason>[a-z]+)\.sqlite$")
_STAMP = "%Y%m%d-%H%M%S-%f"


class BackupError(Exception):
    """A backup could not be made or used; nothing was replaced. Message for the user (Swedish)."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made: datetime
    reason: str
    size: int
    agreements: int
    measures: int
    follow_ups: int
    newest_titles: tuple[str, ...]

    @property
    def reason_text(self) -> str:
        return REASONS.get(self.reason, self.reason)

    def describe(self) -> str:
        return (
            f"{self.made:%Y-%m-%d %H:%M} ({self.reason_text}): {self.agreements} överenskommelser, "
            f"{self.measures} åtgärder, {self.follow_ups} uppföljningar"
        )


def backup_dir(database: Path) -> Path:
    """Backups live beside the database, in ``<name>-säkerhetskopior``-like ASCII folder."""
    return database.with_name(f"{database.stem}-backups")


def make_backup(database: Path, reason: str, *, now: datetime | None = None) -> BackupInfo:
    """Back up ``database`` (which may be open elsewhere in this process), verify, rotate."""
    if reason not in REASONS:
        raise ValueError(f"unknown backup reason {reason!r}")
    folder = backup_dir(database)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    made = now or datetime.now()
    target = folder / f"{database.stem}-{made.strftime(_STAMP)}-{reason}.sqlite"
    while target.exists():  # same microsecond (or a clock set back): take the next one
        made = made.replace(microsecond=(made.microsecond + 1) % 1_000_000)
        target = folder / f"{database.stem}-{made.strftime(_STAMP)}-{reason}.sqlite"
    partial = folder / f".{target.name}.partial"
    partial.unlink(missing_ok=True)
    try:
        try:
            _copy_database(database, partial)
        except (sqlite3.Error, OSError) as error:  # a damaged source, a full disk: not a crash
            raise BackupError(
                f"Säkerhetskopian av {database} kunde inte göras ({error}). Databasen har inte "
                "ändrats; de tidigare säkerhetskopiorna har behållits."
            ) from error
        problem = verify(partial)
        if problem:
            raise BackupError(
                f"Säkerhetskopian av {database} blev inte hel ({problem}). Databasen kan vara skadad; "
                "de tidigare säkerhetskopiorna har behållits. Kör en kontroll (promises-app check)."
            )
        _fsync(partial)
        os.replace(partial, target)
        _fsync_dir(folder)
    finally:
        partial.unlink(missing_ok=True)
    rotate(database)
    return describe(target)


def verify(path: Path) -> str | None:
    """None when ``path`` is a whole Medborgarlöften database, else what is wrong."""
    try:
        with contextlib.closing(_connect_read_only(path)) as connection:
            if connection.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                return "inte en Medborgarlöften-databas"
            rows = [r[0] for r in connection.execute("PRAGMA integrity_check")]
            if rows != ["ok"]:
                return "; ".join(rows[:3])
            if connection.execute("PRAGMA foreign_key_check").fetchone() is not None:
                return "trasiga referenser"
    except sqlite3.DatabaseError as error:
        return str(error)
    return None


def list_backups(database: Path) -> list[BackupInfo]:
    """The backups of ``database``, newest first, each with its content summary."""
    folder = backup_dir(database)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob(f"{database.stem}-*.sqlite"):
        if _NAME.match(path.name):
            with contextlib.suppress(sqlite3.DatabaseError, OSError):
                found.append(describe(path))
    return sorted(found, key=lambda b: (b.made, b.path.name), reverse=True)


def describe(path: Path) -> BackupInfo:
    match = _NAME.match(path.name)
    made = datetime.strptime(match["stamp"], _STAMP) if match else datetime.fromtimestamp(path.stat().st_mtime)
    with contextlib.closing(_connect_read_only(path)) as connection:
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}

        def count(table: str) -> int:  # an old schema may not have the table yet
            return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0] if table in tables else 0

        titles = tuple(
            r[0] for r in connection.execute("SELECT title FROM agreements ORDER BY id DESC LIMIT 3")
        ) if "agreements" in tables else ()
        return BackupInfo(
            path=path,
            made=made,
            reason=match["reason"] if match else "manual",
            size=path.stat().st_size,
            agreements=count("agreements"),
            measures=count("measures"),
            follow_ups=count("follow_ups"),
            newest_titles=titles,
        )


def rotate(database: Path) -> list[Path]:
    """Delete the oldest backups beyond the limits; returns what was deleted."""
    backups = list_backups(database)
    migrations = [b for b in backups if b.reason == "migration"]
    others = [b for b in backups if b.reason != "migration"]
    doomed = [b.path for b in others[KEEP_BACKUPS:]] + [b.path for b in migrations[KEEP_MIGRATION_BACKUPS:]]
    for path in doomed:
        path.unlink(missing_ok=True)
    return doomed


def restore(database: Path, backup: Path, *, now: datetime | None = None) -> Path | None:
    """Replace ``database`` with ``backup``. The database must not be open anywhere.

    The current file is first backed up (if it is whole) or kept aside as
    ``<name>.damaged-<time>`` (if it is not), never deleted. Returns the path of what was
    kept aside, if anything.
    """
    problem = verify(backup)
    if problem:
        raise BackupError(f"Säkerhetskopian {backup} kan inte användas ({problem}). Ingenting har ändrats.")
    kept: Path | None = None
    folder = database.parent
    incoming = folder / f".{database.name}.restoring"
    incoming.unlink(missing_ok=True)
    try:
        # The copy is made and checked before the current file is touched: a failure here (a
        # full disk) must leave the current file in place, never an empty path.
        try:
            _copy_database(backup, incoming)
        except (sqlite3.Error, OSError) as error:
            raise BackupError(
                f"Återställningen från {backup} kunde inte göras ({error}). Ingenting har ändrats."
            ) from error
        if verify(incoming):
            raise BackupError(f"Återställningen från {backup} blev inte hel. Ingenting har ändrats.")
        _fsync(incoming)
        if database.exists():
            if verify(database) is None:
                kept = make_backup(database, "restore", now=now).path
            else:
                kept = keep_damaged(database, now=now)
        for stale in _sidecars(database):
            stale.unlink(missing_ok=True)  # a stale WAL would be replayed into the restored file
        os.replace(incoming, database)
        os.chmod(database, 0o600)
        _fsync_dir(folder)
    finally:
        incoming.unlink(missing_ok=True)
    return kept


def keep_damaged(database: Path, *, now: datetime | None = None) -> Path:
    """Move a damaged database (and its -wal/-shm) aside as evidence: ``<name>.damaged-<time>``."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    aside = database.with_name(f"{database.name}.damaged-{stamp}")
    for source in [database, *_sidecars(database)]:
        if source.exists():
            os.replace(source, aside.with_name(aside.name + source.name[len(database.name):]))
    return aside


def _copy_database(source: Path, target: Path) -> None:
    """Copy with SQLite's backup API; the copy is a single file in DELETE journal mode."""
    with contextlib.closing(sqlite3.connect(source)) as src, \
            contextlib.closing(sqlite3.connect(target)) as dst:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode = DELETE")
        dst.commit()
    if hasattr(os, "chmod"):
        os.chmod(target, 0o600)


def _connect_read_only(path: Path) -> sqlite3.Connection:
    # immutable: a backup is never written, and a read-only open of a WAL file would need -shm.
    return sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)


def _sidecars(database: Path) -> list[Path]:
    return [database.with_name(database.name + s) for s in ("-wal", "-shm", "-journal")]


def _fsync(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def _fsync_dir(folder: Path) -> None:
    if os.name == "posix":
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


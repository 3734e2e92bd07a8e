"""Verified, rotated backups and safe restore (docs/reliability.md, P3, P5, P6).

A backup is made with SQLite's online backup API (never a file copy of a live database),
written under a temporary name, switched to the DELETE journal mode (so it is one
self-contained file), checked with ``integrity_check`` and only then renamed into the
backup folder; rotation runs only after a good new backup exists, so a damaged database
can never push a good backup out. Restore checks the backup, keeps the current file aside,
removes a stale ``-wal``/``-shm`` (which SQLite would otherwise replay into the restored
file) and renames the restored copy into place.

Backups belong to a database *file*:

* The folder is ``<whole file name>-backups`` beside the real file (a symlink is followed,
  storage/locations.real_file), so ``arbete.db`` and ``arbete.sqlite`` never share one, and a
  backup made or restored through a link is the real file's.
* Every database carries its own id (``database_identity``, schema 6), and so does every
  backup of it. A backup whose id is not the database's is never listed, rotated or restored
  for it. Which database a path holds is the id in the file, or, when the file is missing or
  damaged, the id of the newest backup in its own folder.
* Versions before this one kept backups in ``<stem>-backups`` (shared by ``arbete.db`` and
  ``arbete.sqlite``). A backup there is listed only when its id is the database's, or, made
  before ids existed, when no other Medborgarlöften database beside it has that stem. Those
  old folders are never rotated: what cannot be told apart is kept.
* A backup identical to another (the same bytes) is kept once, the newest, so
  a run of failed or killed operations (each backing up the same, unchanged database) cannot
  push distinct older backups out.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from promises_app.domain.errors import AppError
from promises_app.storage.engine import APPLICATION_ID
from promises_app.storage.errors import NotOurDatabaseError
from promises_app.storage.file_identity import read_header
from promises_app.storage.locations import PRIVATE_DIR_MODE, PRIVATE_FILE_MODE, real_file
from promises_app.storage.migrate import SCHEMA_VERSION

#: How many automatic backups are kept (the newest); backups made before a migration are
#: kept in addition (the newest two), since they are the way back from an upgrade.
KEEP_BACKUPS = 10
KEEP_MIGRATION_BACKUPS = 2
BACKUP_FOLDER_SUFFIX = "-backups"

REASONS = {
    "manual": "manuell",
    "close": "vid stängning",
    "daily": "daglig",
    "migration": "före uppgradering",
    "import": "före import",
    "restore": "före återställning",
}
#: <file name>-YYYYMMDD-HHMMSS-ffffff-<reason>.sqlite: names sort by the time they were made.
#: (Versions before this one wrote <stem>-… instead; the ``stem`` group is either.)
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}-\d{6})-(?P<reason>[a-z]+)\.sqlite$")
_STAMP = "%Y%m%d-%H%M%S-%f"
_COMPARE_CHUNK = 1024 * 1024


class BackupError(AppError):
    """A backup could not be made or used; nothing was replaced. Message for the user (Swedish)."""


@dataclass(frozen=True)
class Identity:
    """Which database a file is: its schema version, and its id (None before schema 6)."""

    schema: int
    database_id: str | None
    created_at: str | None = None


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
    #: The id of the database it is a copy of (None: made before databases had ids).
    database_id: str | None = None
    schema: int = SCHEMA_VERSION

    @property
    def reason_text(self) -> str:
        return REASONS.get(self.reason, self.reason)

    def describe(self) -> str:
        return (
            f"{self.made:%Y-%m-%d %H:%M} ({self.reason_text}): {self.agreements} överenskommelser, "
            f"{self.measures} åtgärder, {self.follow_ups} uppföljningar"
        )


def backup_dir(database: Path) -> Path:
    """The backup folder of ``database``: ``<whole file name>-backups`` beside the real file (ASCII suffix)."""
    real = real_file(database)
    return real.with_name(f"{real.name}{BACKUP_FOLDER_SUFFIX}")


def legacy_backup_dir(database: Path) -> Path | None:
    """``<stem>-backups``, where versions before this one put the backups (None if it is ``backup_dir``)."""
    real = real_file(database)
    folder = real.with_name(f"{real.stem}{BACKUP_FOLDER_SUFFIX}")
    return None if folder == backup_dir(database) else folder


def make_backup(
    database: Path, reason: str, *, now: datetime | None = None, keep: Collection[Path] = ()
) -> BackupInfo:
    """Back up ``database`` (which may be open elsewhere in this process), verify, rotate.

    Older backups identical to the new one are dropped (the newest is kept), then the oldest
    beyond the limits; ``keep`` are never deleted (the backup a restore is reading from).
    Returns the backup that holds this state (the new one, unless an identical one is newer).
    """
    if reason not in REASONS:
        raise ValueError(f"unknown backup reason {reason!r}")
    real = real_file(database)
    folder = backup_dir(real)
    folder.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    made = now or datetime.now()
    target = folder / f"{real.name}-{made.strftime(_STAMP)}-{reason}.sqlite"
    while target.exists():  # same microsecond (or a clock set back): take the next one
        made = made.replace(microsecond=(made.microsecond + 1) % 1_000_000)
        target = folder / f"{real.name}-{made.strftime(_STAMP)}-{reason}.sqlite"
    partial = folder / f".{target.name}.partial"
    partial.unlink(missing_ok=True)
    try:
        try:
            _copy_database(real, partial)
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
    kept_apart = {_real(p) for p in keep}
    kept = _drop_identical(real, target, kept_apart)
    rotate(real, keep=kept_apart)
    return describe(kept)


def verify(path: Path) -> str | None:
    """None when ``path`` is a whole Medborgarlöften database, else what is wrong.

    The full ``integrity_check`` (every index compared with its table), not ``quick_check``.
    """
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
    """The backups of ``database``, newest first, each with its content summary.

    From its own folder every backup but those of another database (another id); from the
    folder of older versions (``<stem>-backups``) only those that are surely its own.
    """
    real = real_file(database)
    expected = database_identity(real)
    found = [b for b in _own_backups(real) if _may_be_of(b, expected)]
    legacy = legacy_backup_dir(real)
    if legacy is not None and legacy.is_dir():
        sole_owner: bool | None = None
        for backup in _backups_in(legacy, real.stem):
            if backup.database_id is not None:
                if expected is not None and backup.database_id == expected.database_id:
                    found.append(backup)
                continue
            if sole_owner is None:
                sole_owner = _sole_owner_of_stem(real)
            if sole_owner:
                found.append(backup)
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
        identity = _identity_of(connection, tables)
        return BackupInfo(
            path=path,
            made=made,
            reason=match["reason"] if match else "manual",
            size=path.stat().st_size,
            agreements=count("agreements"),
            measures=count("measures"),
            follow_ups=count("follow_ups"),
            newest_titles=titles,
            database_id=identity.database_id,
            schema=identity.schema,
        )


def rotate(database: Path, *, keep: Collection[Path | str] = ()) -> list[Path]:
    """Delete the oldest backups beyond the limits; returns what was deleted.

    Only the database's own folder is rotated, and only its own backups there (another
    database's, by id, are left alone); the folder of older versions never is.
    """
    real = real_file(database)
    expected = database_identity(real)
    backups = sorted(
        (b for b in _own_backups(real) if _may_be_of(b, expected)),
        key=lambda b: (b.made, b.path.name),
        reverse=True,
    )
    migrations = [b for b in backups if b.reason == "migration"]
    others = [b for b in backups if b.reason != "migration"]
    doomed = [b.path for b in others[KEEP_BACKUPS:]] + [b.path for b in migrations[KEEP_MIGRATION_BACKUPS:]]
    keep = {_real(p) for p in keep}
    doomed = [path for path in doomed if _real(path) not in keep]
    for path in doomed:
        path.unlink(missing_ok=True)
    return doomed


def restore(database: Path, backup: Path, *, now: datetime | None = None) -> Path | None:
    """Replace ``database`` with ``backup``. The database must not be open anywhere.

    ``database`` may be a symlink: the real file is replaced and the link stays a link.
    The backup must be whole (the full integrity check), of this database (its id; a backup
    from before ids, only from this database's own backups), and of a schema this version
    reads. The current file is first backed up (if it is whole) or kept aside as
    ``<name>.damaged-<time>`` (if it is not), never deleted. Returns the path of what was
    kept aside, if anything.
    """
    target = real_file(database)
    backup = Path(backup)
    problem = verify(backup)
    if problem:
        raise BackupError(
            f"Säkerhetskopian {backup} kan inte användas ({problem}). Ingenting har ändrats; "
            "välj en annan säkerhetskopia."
        )
    incoming_identity = read_identity(backup)
    assert incoming_identity is not None  # verify() read it
    expected = database_identity(target)
    _refuse_foreign(database, backup, incoming_identity, expected)
    kept: Path | None = None
    folder = target.parent
    incoming = folder / f".{target.name}.restoring"
    incoming.unlink(missing_ok=True)
    try:
        # The copy is made and checked before the current file is touched: a failure here (a
        # full disk) must leave the current file in place, never an empty path.
        try:
            _copy_database(backup, incoming)
            if incoming_identity.database_id is None and expected is not None:
                _upgrade_as(incoming, expected)
        except (sqlite3.Error, OSError) as error:
            raise BackupError(
                f"Återställningen från {backup} kunde inte göras ({error}). Ingenting har ändrats."
            ) from error
        if verify(incoming):
            raise BackupError(f"Återställningen från {backup} blev inte hel. Ingenting har ändrats.")
        _fsync(incoming)
        if target.exists():
            if verify(target) is None:
                kept = make_backup(target, "restore", now=now, keep={backup}).path
            else:
                kept = keep_damaged(target, now=now)
        for stale in _sidecars(target):
            stale.unlink(missing_ok=True)  # a stale WAL would be replayed into the restored file
        os.replace(incoming, target)
        os.chmod(target, PRIVATE_FILE_MODE)
        _fsync_dir(folder)
    finally:
        for leftover in [incoming, *_sidecars(incoming)]:
            leftover.unlink(missing_ok=True)
    return kept


def keep_damaged(database: Path, *, now: datetime | None = None) -> Path:
    """Move a damaged database (and its -wal/-shm) aside as evidence: ``<name>.damaged-<time>``."""
    database = real_file(database)
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    aside = database.with_name(f"{database.name}.damaged-{stamp}")
    for source in [database, *_sidecars(database)]:
        if source.exists():
            os.replace(source, aside.with_name(aside.name + source.name[len(database.name):]))
    return aside


# --- which database a file is ----------------------------------------------------------------


def read_identity(path: Path) -> Identity | None:
    """The schema version and id of the Medborgarlöften database at ``path``; None when it is
    missing, not ours or cannot be read (damaged).

    Read without writing and without leaving anything beside the file: the main file as it is
    (immutable), and its ``-wal`` too only when a running copy has it open (``-wal`` and
    ``-shm`` both there), where the id of a database upgraded a moment ago may still be.
    """
    try:
        read_header(path)
    except (NotOurDatabaseError, OSError):
        return None
    found = _read_identity(path, immutable=True)
    if (found is None or found.database_id is None) and all(s.exists() for s in _sidecars(path)[:2]):
        found = _read_identity(path, immutable=False) or found
    return found


def _read_identity(path: Path, *, immutable: bool) -> Identity | None:
    try:
        with contextlib.closing(
            _connect_read_only(path) if immutable else sqlite3.connect(f"{_uri(path)}?mode=ro", uri=True)
        ) as connection:
            tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            return _identity_of(connection, tables)
    except sqlite3.Error:
        return None


def database_identity(database: Path) -> Identity | None:
    """Which database ``database`` holds: the id in the file (None for a file made before ids);
    when the file is missing or cannot be read, the id of the newest backup in its own folder."""
    real = real_file(database)
    identity = read_identity(real)
    if identity is not None:
        return identity if identity.database_id is not None else None
    for backup in sorted(_own_backups(real), key=lambda b: (b.made, b.path.name), reverse=True):
        if backup.database_id is not None:
            with contextlib.closing(_connect_read_only(backup.path)) as connection:
                return _identity_of(connection, {"database_identity"})
    return None


def _identity_of(connection: sqlite3.Connection, tables: set[str]) -> Identity:
    schema = connection.execute("PRAGMA user_version").fetchone()[0]
    if "database_identity" not in tables:
        return Identity(schema, None)
    row = connection.execute("SELECT database_id, created_at FROM database_identity WHERE id = 1").fetchone()
    return Identity(schema, row[0], row[1]) if row else Identity(schema, None)


def _may_be_of(backup: BackupInfo, expected: Identity | None) -> bool:
    """A backup in the database's own folder is its own unless its id says otherwise."""
    return backup.database_id is None or expected is None or backup.database_id == expected.database_id


def _refuse_foreign(database: Path, backup: Path, incoming: Identity, expected: Identity | None) -> None:
    """Refuse a backup of a newer schema, of another database, or one that cannot be told apart."""
    if incoming.schema > SCHEMA_VERSION:
        raise BackupError(
            f"Säkerhetskopian {backup} är gjord av en nyare version av Medborgarlöften (schemaversion "
            f"{incoming.schema}; den här versionen läser till och med {SCHEMA_VERSION}), så den kan inte "
            f"återställas till {database}. Uppdatera programmet först. Ingenting har ändrats."
        )
    if expected is None or expected.database_id is None:
        return  # nothing to compare with: a new path, or a database from before ids
    if incoming.database_id is not None:
        if incoming.database_id != expected.database_id:
            raise BackupError(
                f"Säkerhetskopian {backup} är en kopia av en annan databas (databas-id "
                f"{incoming.database_id}) än {database} (databas-id {expected.database_id}), så den "
                f"återställs inte. Ingenting har ändrats. Välj en säkerhetskopia av {database} "
                f"(promises-app --db {database} restore listar dem)."
            )
        return
    if not any(_same_file(backup, listed.path) for listed in list_backups(database)):
        raise BackupError(
            f"Säkerhetskopian {backup} är gjord av en äldre version (schemaversion {incoming.schema}) "
            f"som inte märkte databaserna, så det går inte att avgöra att den är en kopia av {database}; "
            "den återställs inte. Ingenting har ändrats. Äldre säkerhetskopior återställs bara från "
            f"databasens egna ({backup_dir(database)}). Vill du se vad den innehåller: kopiera den och "
            "öppna kopian med --db."
        )


def _own_backups(real: Path) -> list[BackupInfo]:
    return _backups_in(backup_dir(real), real.name)


def _backups_in(folder: Path, prefix: str) -> list[BackupInfo]:
    """The readable backups in ``folder`` whose names begin with ``prefix`` (the database's name)."""
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    found = []
    for name in names:
        match = _NAME.match(name)
        if match and _same_name(match["stem"], prefix):
            with contextlib.suppress(sqlite3.DatabaseError, OSError):
                found.append(describe(folder / name))
    return found


def _sole_owner_of_stem(real: Path) -> bool:
    """Whether no other Medborgarlöften database beside ``real`` has its stem (``arbete.db``
    and ``arbete.sqlite`` both used ``arbete-backups`` before this version)."""
    try:
        siblings = list(real.parent.iterdir())
    except OSError:
        return False
    for sibling in siblings:
        if not _same_name(sibling.stem, real.stem) or _same_file(sibling, real):
            continue
        try:
            if sibling.is_file():
                read_header(sibling)
                return False
        except (NotOurDatabaseError, OSError):
            continue
    return True


def _drop_identical(real: Path, new: Path, keep: Collection[str]) -> Path:
    """Keep one of the backups identical to ``new`` (the newest); returns the one kept.

    Identical means the same bytes (the same SHA-256): SQLite's backup of an unchanged
    database is the same file every time, and any saved change makes it differ.
    """
    size = new.stat().st_size
    group = [describe(new)]
    for backup in _own_backups(real):
        if backup.path != new and backup.size == size and _same_bytes(backup.path, new):
            group.append(backup)
    newest = max(group, key=lambda b: (b.made, b.path.name))
    for backup in group:
        if backup is not newest and _real(backup.path) not in keep:
            backup.path.unlink(missing_ok=True)
    return newest.path


def _upgrade_as(path: Path, identity: Identity) -> None:
    """Bring a copy made before ids up to this schema as the database ``identity`` names.

    Restoring a backup from before ids over a database that has one: left as it is, the next
    start would upgrade it and give it a new, random id, and every later backup of this same
    database (the one made just before this restore, too) would then look like another
    database's. So the copy is upgraded here and keeps the id of the database it goes back to.
    """
    from sqlalchemy import text
    from sqlalchemy.exc import SQLAlchemyError

    from promises_app.storage.engine import create_database_engine
    from promises_app.storage.migrate import MigrationError, migration_transaction, upgrade_to_head

    engine = create_database_engine(f"sqlite:///{path}", journal_mode="DELETE")
    try:
        with migration_transaction(engine) as connection:
            upgrade_to_head(connection)
            # The id never changes once made (triggers); this copy's was made a moment ago by the
            # upgrade, so the triggers step aside for this one update, in the same transaction.
            guards = connection.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'database_identity'"
            ).all()
            for name, _sql in guards:
                connection.exec_driver_sql(f'DROP TRIGGER "{name}"')
            connection.execute(
                text("UPDATE database_identity SET database_id = :id, created_at = coalesce(:at, created_at)"),
                {"id": identity.database_id, "at": identity.created_at},
            )
            for _name, sql in guards:
                connection.exec_driver_sql(sql)
            version = connection.execute(text("PRAGMA user_version")).scalar_one()
            if version != SCHEMA_VERSION:
                raise sqlite3.DatabaseError(f"schemaversion {version} efter uppgraderingen, väntade {SCHEMA_VERSION}")
    except (SQLAlchemyError, MigrationError) as error:  # the upgrade failed: rolled back, the copy is dropped
        reason = getattr(error, "orig", None) or error
        raise sqlite3.DatabaseError(f"uppgraderingen av kopian misslyckades: {reason}") from error
    finally:
        engine.dispose()
    os.chmod(path, PRIVATE_FILE_MODE)


# --- files -------------------------------------------------------------------------------------


def _copy_database(source: Path, target: Path) -> None:
    """Copy with SQLite's backup API; the copy is a single file in DELETE journal mode."""
    with contextlib.closing(sqlite3.connect(source)) as src, \
            contextlib.closing(sqlite3.connect(target)) as dst:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode = DELETE")
        dst.commit()
    if hasattr(os, "chmod"):
        os.chmod(target, PRIVATE_FILE_MODE)


def _connect_read_only(path: Path) -> sqlite3.Connection:
    # immutable: a backup is never written, and a read-only open of a WAL file would need -shm.
    return sqlite3.connect(f"{_uri(path)}?mode=ro&immutable=1", uri=True)


def _uri(path: Path) -> str:
    """``file:`` URI of ``path``, with ``?``, ``#`` and ``%`` in names escaped."""
    return Path(os.path.abspath(path)).as_uri()


def _sidecars(database: Path) -> list[Path]:
    return [database.with_name(database.name + s) for s in ("-wal", "-shm", "-journal")]


def _real(path: Path | str) -> str:
    return os.path.normcase(os.path.realpath(path))


def _same_name(one: str, other: str) -> bool:
    return one.casefold() == other.casefold() if os.name == "nt" else one == other


def _same_file(one: Path, other: Path) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:
        return False


def _same_bytes(one: Path, other: Path) -> bool:
    """Whether two files of one size hold the same bytes (read side by side, stopping at the
    first difference, so a distinct backup costs little)."""
    with open(one, "rb") as first, open(other, "rb") as second:
        while True:
            chunk = first.read(_COMPARE_CHUNK)
            if chunk != second.read(_COMPARE_CHUNK):
                return False
            if not chunk:
                return True


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

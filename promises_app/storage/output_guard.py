"""Where an export, a PDF or a saved copy may be written: never over the database or what guards it.

A file the person names (`-o FILE`, a save dialog) is written by renaming a finished temporary
file over it (promises_app/files.py). Pointed at the open database, that rename replaces every
agreement, signed revision and log entry with a report; pointed at its ``-wal`` it feeds SQLite
a torn log; at its ``.lock`` it lets a second writer in; in its backup folder it replaces the
way back. So every output path is checked here first, and refused with a Swedish message that
names the file and says why.

The check compares *files*, not spellings: a relative path, ``~``, a symlinked folder, a chain
of symlinks and a hard link all reach the same file, so an existing file is compared by its
identity (``os.path.samefile``: device and inode), and a file that does not exist yet (a
``-wal`` SQLite would read as the log once it appears) by its name in the same folder (the
folder again by identity, the name without regard to case, as Windows and macOS see it).
The database is known by the path it was opened with *and* by its real path, and its lock and
backup folder are asked of ``storage/lock.lock_path`` and ``storage/backups.backup_dir`` for
both, so the rules stay right when those change.

Any other Medborgarlöften database (a second database, a backup copied elsewhere under any
name) is recognised by its 100-byte header (``storage/file_identity``), and the ``-wal``,
``-shm``, ``-journal`` and ``.lock`` beside one by that database. A read-only file is not
replaced (the folder being writable would let the rename do it), nor is a folder, a device or
a symlink loop.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from promises_app.domain.validation import QUOTE_LIMIT, shown_path
from promises_app.storage.backups import backup_dir, legacy_backup_dir
from promises_app.storage.errors import NotOurDatabaseError
from promises_app.storage.file_identity import read_header
from promises_app.storage.lock import identity_lock_path, lock_path

#: What SQLite keeps beside a database file (write-ahead log, its index, rollback journal).
SIDECAR_SUFFIXES = ("-wal", "-shm", "-journal")
#: SQLite's super-journal of a transaction over several databases: ``<database>-mjXXXXXXXX``.
SUPER_JOURNAL_INFIX = "-mj"
#: Paths in messages keep at most this many characters (the end, where the file name is).
SHOWN_PATH_CHARACTERS = QUOTE_LIMIT  # domain/validation.shown_path cuts them


class Refusal(Enum):
    """Why an output path is refused; the value is the Swedish reason, ``{path}`` the target."""

    DATABASE = "{path} är den öppna databasen"
    DATABASE_SAME_FILE = "{path} är samma fil som den öppna databasen {database}"
    SIDECAR = "{path} är en fil som SQLite använder för den öppna databasen {database}"
    LOCK = "{path} är låsfilen som håller en andra användare borta från den öppna databasen {database}"
    BACKUP_FOLDER = "{path} är mappen med säkerhetskopior av den öppna databasen"
    IN_BACKUP_FOLDER = "{path} ligger i mappen med säkerhetskopior av den öppna databasen ({folder})"
    OUR_DATABASE = "{path} är en Medborgarlöften-databas"
    OUR_DATABASE_FILE = "{path} hör till Medborgarlöften-databasen {database}"
    FOLDER = "{path} är en mapp, inte en fil"
    NOT_A_FILE = "{path} är ingen vanlig fil"
    READ_ONLY = "{path} är skrivskyddad och ersätts inte"
    UNREADABLE = "{path} går inte att läsa, så det går inte att se om den är en databas"
    LINK_LOOP = "{path} är en symbolisk länk som pekar i en slinga"
    CHANGED = "{path} leder nu till en annan fil än när skrivningen började"

    @property
    def protects_data(self) -> bool:
        """Overwriting it would lose data (not merely fail or surprise): the database and its kin."""
        return self in _PROTECTS_DATA


_PROTECTS_DATA = frozenset({
    Refusal.DATABASE, Refusal.DATABASE_SAME_FILE, Refusal.SIDECAR, Refusal.LOCK, Refusal.BACKUP_FOLDER,
    Refusal.IN_BACKUP_FOLDER, Refusal.OUR_DATABASE, Refusal.OUR_DATABASE_FILE,
})


class OutputPathRefused(Exception):
    """An output path that must not be written; nothing was written. The message is for the user."""

    def __init__(self, path: Path, reason: Refusal, **names: object) -> None:
        shown = {key: shown_path(Path(str(value))) for key, value in names.items()}
        sentence = reason.value.format(path=shown_path(path), **shown)
        super().__init__(f"{sentence}; välj ett annat filnamn. Ingenting har skrivits.")
        self.path = path
        self.reason = reason


def check_output_path(target: Path | str, database: Path | None) -> Path:
    """Refuse ``target`` (``OutputPathRefused``) or return the real file to write: symlinks followed.

    ``database`` is the open database (``None`` when none is open from a file); the checks that
    do not need it (another of our databases, a folder, a read-only file) run regardless.
    """
    given = Path(target).expanduser()
    final = _real_target(given)
    _refuse_protected(given, final, database)
    _refuse_unwritable(given, final)
    return final


def refuse_protected(target: Path | str, database: Path | None) -> None:
    """Only the refusals that keep data from being lost (the database and its kin, our databases).

    For a name the person chose that will not be written as it is (a save dialog adds ``.json``
    to ``d.sqlite``): choosing the database was a mistake worth telling, a read-only file is not.
    """
    given = Path(target).expanduser()
    _refuse_protected(given, _real_target(given), database)


# --- the checks ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Protected:
    path: Path
    reason: Refusal


def _refuse_protected(given: Path, final: Path, database: Path | None) -> None:
    if database is not None:
        database = Path(database).expanduser()
        for protected in _protected_files(database):
            if _is(final, protected.path):
                reason = protected.reason
                if reason is Refusal.DATABASE and _absolute(given) != _absolute(database):
                    reason = Refusal.DATABASE_SAME_FILE  # a link, another spelling: say which file it is
                raise OutputPathRefused(given, reason, database=database)
        for folder in _backup_folders(database):
            if _is(final, folder):
                raise OutputPathRefused(given, Refusal.BACKUP_FOLDER)
            if any(_is(parent, folder) for parent in (*final.parents, *_absolute(given).parents)):
                raise OutputPathRefused(given, Refusal.IN_BACKUP_FOLDER, folder=folder)
    if final.is_file():
        if _is_our_database(given, final):
            raise OutputPathRefused(given, Refusal.OUR_DATABASE)
    other = _database_beside(final)
    if other is not None:
        raise OutputPathRefused(given, Refusal.OUR_DATABASE_FILE, database=other)


def _refuse_unwritable(given: Path, final: Path) -> None:
    try:
        status = final.stat()
    except FileNotFoundError:
        return  # a new file: the write itself says if the folder is missing or read-only
    except OSError:
        raise OutputPathRefused(given, Refusal.UNREADABLE) from None
    if stat.S_ISDIR(status.st_mode):
        raise OutputPathRefused(given, Refusal.FOLDER)
    if not stat.S_ISREG(status.st_mode):
        raise OutputPathRefused(given, Refusal.NOT_A_FILE)
    # Checked by the mode bits too: an administrator may write anything, a read-only mark still counts.
    if not status.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(final, os.W_OK):
        raise OutputPathRefused(given, Refusal.READ_ONLY)


def _real_target(given: Path) -> Path:
    """The file a write through ``given`` reaches: every symlink followed, even a dangling one."""
    final = Path(os.path.realpath(_absolute(given)))
    if os.path.islink(final) or any(os.path.islink(parent) for parent in final.parents):
        raise OutputPathRefused(given, Refusal.LINK_LOOP)  # realpath stops where a loop begins
    return final


def _absolute(path: Path) -> Path:
    return Path(os.path.abspath(path))


def _database_forms(database: Path) -> list[Path]:
    """The database as it was opened and as it really is (a symlinked database has both)."""
    forms = [_absolute(database)]
    real = Path(os.path.realpath(forms[0]))
    if real != forms[0]:
        forms.append(real)
    return forms


def _protected_files(database: Path) -> Iterator[_Protected]:
    for form in _database_forms(database):
        yield _Protected(form, Refusal.DATABASE)
        for suffix in SIDECAR_SUFFIXES:
            yield _Protected(form.with_name(form.name + suffix), Refusal.SIDECAR)
        yield _Protected(lock_path(form), Refusal.LOCK)
    identity = identity_lock_path(database)  # the second lock, by the file's identity
    if identity is not None:
        yield _Protected(identity, Refusal.LOCK)


def _backup_folders(database: Path) -> list[Path]:
    """The database's backup folder, and the folder older versions shared by stem (still read)."""
    folders = [backup_dir(form) for form in _database_forms(database)]
    legacy = legacy_backup_dir(database)
    return folders + ([legacy] if legacy is not None else [])


def _is(candidate: Path, protected: Path) -> bool:
    """Whether ``candidate`` is (or would be created as) the file ``protected``."""
    try:
        if os.path.samefile(candidate, protected):
            return True
    except OSError:
        pass  # one of them does not exist (yet): compare the name within the same folder
    if candidate.name.casefold() != protected.name.casefold() and not _super_journal(candidate, protected):
        return False
    try:
        return os.path.samefile(candidate.parent, protected.parent)
    except OSError:
        return False


def _super_journal(candidate: Path, protected: Path) -> bool:
    """``d.db-mj1A2B3C4D`` is SQLite's super-journal of ``d.db`` (matched when ``protected`` is its -journal)."""
    if not protected.name.endswith("-journal"):
        return False
    database_name = protected.name.removesuffix("-journal")
    return candidate.name.casefold().startswith((database_name + SUPER_JOURNAL_INFIX).casefold())


def _is_our_database(given: Path, final: Path) -> bool:
    try:
        read_header(final)
    except NotOurDatabaseError:
        return False
    except OSError:
        raise OutputPathRefused(given, Refusal.UNREADABLE) from None
    return True


def _database_beside(final: Path) -> Path | None:
    """The Medborgarlöften database whose ``-wal``/``-shm``/``-journal``/``.lock`` ``final`` is, if any."""
    name = final.name
    candidates = [name.removesuffix(suffix) for suffix in (*SIDECAR_SUFFIXES, ".lock") if name.endswith(suffix)]
    infix = name.rfind(SUPER_JOURNAL_INFIX)
    if infix > 0:
        candidates.append(name[:infix])
    for candidate in candidates:
        database = final.with_name(candidate)
        if database.is_file():
            try:
                read_header(database)
            except (NotOurDatabaseError, OSError):
                continue
            return database
    return None

"""Where things live: the user's data folder (found without Qt), the real file behind a
database path, and owner-only folders.

A database may be reached through a symlink (``link.db`` → ``real.db``). Everything that
belongs to the *file* (its one-writer lock, its backup folder, the file a restore replaces)
is placed by the real file, so every name for it finds the same lock and the same backups,
and a restore replaces the real file instead of turning the link into a regular file.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

#: Set to a folder to keep all data somewhere else (tests, portable installs).
DATA_DIR_ENV = "MEDBORGARLOFTEN_DATA_DIR"
DEFAULT_DATABASE_NAME = "medborgarloften.sqlite"
PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


def data_dir() -> Path:
    """The per-user data folder (e.g. ~/.local/share/Medborgarloften, %LOCALAPPDATA%\\Medborgarloften)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    return Path(user_data_dir("Medborgarloften", appauthor=False))


def default_database_path() -> Path:
    return data_dir() / DEFAULT_DATABASE_NAME


def real_file(path: Path | str) -> Path:
    """The file ``path`` names: absolute, and, when ``path`` is a symlink, every link followed.

    A path that is not a link keeps its folder as given (a symlinked folder reaches the same
    folder either way), so messages show the path the person knows.
    """
    absolute = Path(os.path.abspath(Path(path).expanduser()))
    return Path(os.path.realpath(absolute)) if os.path.islink(absolute) else absolute


def make_private_folder(folder: Path) -> Path:
    """Create ``folder`` (and missing parents) with the new folder itself owner-only (0700).

    An existing folder keeps its mode: it may be one the person chose (a portable install).
    """
    if not folder.is_dir():
        folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
        if hasattr(os, "chmod"):
            os.chmod(folder, PRIVATE_DIR_MODE)  # mkdir's mode is masked by the umask
    return folder

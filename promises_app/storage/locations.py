"""Where the database lives by default: the user's data folder, found without Qt."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

#: Set to a folder to keep all data somewhere else (tests, portable installs).
DATA_DIR_ENV = "MEDBORGARLOFTEN_DATA_DIR"
DEFAULT_DATABASE_NAME = "medborgarloften.sqlite"


def data_dir() -> Path:
    """The per-user data folder (e.g. ~/.local/share/Medborgarloften, %LOCALAPPDATA%\\Medborgarloften)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    return Path(user_data_dir("Medborgarloften", appauthor=False))


def default_database_path() -> Path:
    return data_dir() / DEFAULT_DATABASE_NAME

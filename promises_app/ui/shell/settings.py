"""The program's settings, declared once, over one ``QSettings`` (an INI file).

The file lives in the data folder (``settings.ini`` beside the default database), so a
portable install or a test that points ``MEDBORGARLOFTEN_DATA_DIR`` elsewhere takes its
settings with it and never reads or writes the real user's. It names the databases last
opened, so it is the owner's only: a data folder made here is 0700 and the file 0600 (made
before Qt first writes it: Qt keeps the mode of the file it replaces).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from promises_app.services import default_database_path
from promises_app.services.shared_database import is_server_address, remembered_address

SETTINGS_FILE_NAME = "settings.ini"
MAX_RECENT_FILES = 8
#: The languages the program speaks: code → the language's own name (not translated).
LANGUAGES: dict[str, str] = {"sv": "Svenska", "en": "English"}
DEFAULT_LANGUAGE = "sv"

GEOMETRY = "window/geometry"
WINDOW_STATE = "window/state"
SPLITTER_STATE = "window/splitter"
COLUMN_WIDTHS = "window/columns"
LAST_DATABASE = "files/last_database"
RECENT_FILES = "files/recent"
LANGUAGE = "general/language"
#: Per database (a group named by ``database_key``): the agreement and page the window showed last,
#: and the report dialog's choices per agreement.
PLACES = "places"
PLACE_AGREEMENT = "agreement"
PLACE_PAGE = "page"
REPORT_CHOICES = "report_choices"


def data_folder() -> Path:
    """The per-user data folder (the default database's; ``MEDBORGARLOFTEN_DATA_DIR`` moves it)."""
    return default_database_path().parent


class AppSettings:
    """Typed access to the settings; every value has a default and a wrong stored type reads as it."""

    def __init__(self, qsettings: QSettings) -> None:
        self.qsettings = qsettings

    @classmethod
    def in_folder(cls, folder: Path | None = None) -> AppSettings:
        """The settings file in ``folder`` (default: the data folder)."""
        folder = folder if folder is not None else data_folder()
        with contextlib.suppress(OSError):  # a read-only folder: Qt then keeps the settings in memory
            _make_private_file(folder, SETTINGS_FILE_NAME)
        return cls(QSettings(str(folder / SETTINGS_FILE_NAME), QSettings.Format.IniFormat))

    @property
    def path(self) -> Path:
        return Path(self.qsettings.fileName())

    def sync(self) -> None:
        self.qsettings.sync()

    # --- the window ----------------------------------------------------------------------
    def geometry(self) -> QByteArray | None:
        return self._bytes(GEOMETRY)

    def set_geometry(self, value: QByteArray) -> None:
        self.qsettings.setValue(GEOMETRY, value)

    def window_state(self) -> QByteArray | None:
        return self._bytes(WINDOW_STATE)

    def set_window_state(self, value: QByteArray) -> None:
        self.qsettings.setValue(WINDOW_STATE, value)

    def splitter_state(self) -> QByteArray | None:
        return self._bytes(SPLITTER_STATE)

    def set_splitter_state(self, value: QByteArray) -> None:
        self.qsettings.setValue(SPLITTER_STATE, value)

    def column_widths(self) -> dict[str, dict[str, int]]:
        """The column widths the person chose, per table and column name (ui/common/columns.py);
        anything unreadable counts as none."""
        raw = self.qsettings.value(COLUMN_WIDTHS)
        try:
            data = json.loads(raw) if isinstance(raw, str) else {}
            return {str(table): {str(name): int(width) for name, width in columns.items()}
                    for table, columns in data.items() if isinstance(columns, dict)}
        except (ValueError, TypeError, AttributeError):
            return {}

    def set_column_widths(self, widths: dict[str, dict[str, int]]) -> None:
        self.qsettings.setValue(COLUMN_WIDTHS, json.dumps(widths, ensure_ascii=False, sort_keys=True))

    # --- files ---------------------------------------------------------------------------
    def last_database(self) -> Path | None:
        """The database open when the program last closed, if that file still exists."""
        value = self.qsettings.value(LAST_DATABASE)
        if not isinstance(value, str) or not value:
            return None
        path = Path(value)
        return path if path.is_file() else None

    def set_last_database(self, path: Path) -> None:
        self.qsettings.setValue(LAST_DATABASE, str(_normal(path)))

    def recent_databases(self) -> list[Path | str]:
        """Newest first, at most eight: files that still exist, and shared databases' addresses
        (URLs, stored without a password: services/shared_database.remembered_address)."""
        value = self.qsettings.value(RECENT_FILES)
        if isinstance(value, str):
            stored = [value]
        elif isinstance(value, list):
            stored = [item for item in value if isinstance(item, str)]
        else:
            stored = []
        recent: list[Path | str] = []
        for item in stored:
            if is_server_address(item):
                recent.append(remembered_address(item))
            elif item and Path(item).is_file():
                recent.append(Path(item))
        return recent[:MAX_RECENT_FILES]

    def recent_files(self) -> list[Path]:
        """The recent database files (newest first, only files that still exist)."""
        return [item for item in self.recent_databases() if isinstance(item, Path)]

    def add_recent_file(self, path: Path) -> list[Path | str]:
        """Put ``path`` first (once); returns the new list."""
        normal = _normal(path)
        return self._put_first(normal, [item for item in self.recent_databases() if _normal(item) != normal])

    def add_recent_server(self, address: str) -> list[Path | str]:
        """Put a shared database's address first (once, and without its password); the new list."""
        address = remembered_address(address)
        return self._put_first(address, [item for item in self.recent_databases() if item != address])

    def remove_recent_file(self, path: Path) -> None:
        normal = _normal(path)
        self._store_recent([item for item in self.recent_databases() if _normal(item) != normal])

    def clear_recent_files(self) -> None:
        self.qsettings.remove(RECENT_FILES)

    def _put_first(self, first: Path | str, others: list[Path | str]) -> list[Path | str]:
        recent = [first, *others][:MAX_RECENT_FILES]
        self._store_recent(recent)
        return recent

    def _store_recent(self, recent: list[Path | str]) -> None:
        self.qsettings.setValue(RECENT_FILES, [str(item) for item in recent])

    # --- where the person was, per database ------------------------------------------------
    def last_place(self, database: Path) -> tuple[int | None, str]:
        """The agreement (id) and page (its name) the window showed last in ``database``."""
        group = _place_group(database)
        agreement = self.qsettings.value(f"{group}/{PLACE_AGREEMENT}")
        page = self.qsettings.value(f"{group}/{PLACE_PAGE}")
        try:
            agreement_id = int(agreement) if agreement not in (None, "") else None
        except (TypeError, ValueError):
            agreement_id = None
        return agreement_id, page if isinstance(page, str) else ""

    def set_last_place(self, database: Path, agreement_id: int | None, page: str) -> None:
        group = _place_group(database)
        self.qsettings.setValue(f"{group}/{PLACE_AGREEMENT}", "" if agreement_id is None else str(agreement_id))
        self.qsettings.setValue(f"{group}/{PLACE_PAGE}", page)

    def report_choices(self, database: Path, agreement_id: int) -> dict[str, Any]:
        """The report dialog's choices last used for the agreement (``{}`` when none, or unreadable)."""
        value = self.qsettings.value(f"{_place_group(database)}/{REPORT_CHOICES}/{agreement_id}")
        if not isinstance(value, str):
            return {}
        try:
            choices = json.loads(value)
        except ValueError:
            return {}
        return choices if isinstance(choices, dict) else {}

    def set_report_choices(self, database: Path, agreement_id: int, choices: dict[str, Any]) -> None:
        self.qsettings.setValue(f"{_place_group(database)}/{REPORT_CHOICES}/{agreement_id}",
                                json.dumps(choices, ensure_ascii=False, sort_keys=True))

    # --- language ------------------------------------------------------------------------
    def language(self) -> str:
        value = self.qsettings.value(LANGUAGE)
        return value if isinstance(value, str) and value in LANGUAGES else DEFAULT_LANGUAGE

    def set_language(self, code: str) -> None:
        if code not in LANGUAGES:
            raise ValueError(f"unknown language {code!r}")
        self.qsettings.setValue(LANGUAGE, code)

    def _bytes(self, key: str) -> QByteArray | None:
        value = self.qsettings.value(key)
        if isinstance(value, (bytes, bytearray)):
            value = QByteArray(bytes(value))
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def _make_private_file(folder: Path, name: str) -> None:
    """``folder`` (0700 if made now) with the file ``name`` in it, owner-only (0600)."""
    if not folder.is_dir():
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.chmod(folder, 0o700)  # mkdir's mode is masked by the umask
    fd = os.open(folder / name, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, 0o600)  # a file an older version made 0644
    finally:
        os.close(fd)


def database_key(path: Path) -> str:
    """A database's name in the settings: a digest of its full path (a path has characters an INI key has not)."""
    return hashlib.sha256(str(_normal(path)).encode("utf-8")).hexdigest()[:16]


def _place_group(database: Path) -> str:
    return f"{PLACES}/{database_key(database)}"


def _normal(path: Path | str) -> Path | str:
    """One spelling per file, so the same file is listed once (a shared database's address as it is)."""
    if isinstance(path, str) and is_server_address(path):
        return path
    return Path(path).expanduser().resolve()

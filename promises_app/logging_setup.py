"""The program's log: a rotating file in the data folder (no Qt here).

``configure(data_folder)`` at start sends the root logger's records to
``<data folder>/logs/medborgarloften.log`` (the program's own loggers from INFO, other
libraries' from WARNING), 1 MB per file and five older files kept, so the
log can never fill the disk. Configuring again (a second window, a test) replaces the handler
this module installed before; nothing else's handlers are touched.

The log names databases, files and people's accounts, so it is the owner's only, as the
database is: a data folder made here is 0700, ``logs/`` 0700, and every log file (the rotated
ones too) 0600, whatever the umask. Files left readable by an older version are tightened.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from io import TextIOWrapper
from logging.handlers import RotatingFileHandler
from pathlib import Path

from promises_app.storage.locations import PRIVATE_DIR_MODE, PRIVATE_FILE_MODE, make_private_folder

LOG_FOLDER_NAME = "logs"
LOG_FILE_NAME = "medborgarloften.log"
MAX_BYTES = 1024 * 1024
BACKUP_COUNT = 5
APP_LOGGER = "promises_app"
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s [pid %(process)d]: %(message)s"

_installed: RotatingFileHandler | None = None


class PrivateRotatingFileHandler(RotatingFileHandler):
    """A RotatingFileHandler whose files are created owner-only (0600), also after a rollover."""

    def _open(self) -> TextIOWrapper:
        stream = open(  # noqa: SIM115 - the handler owns and closes the stream
            self.baseFilename, self.mode, encoding=self.encoding, errors=self.errors, opener=_private_opener
        )
        if hasattr(os, "fchmod"):
            os.fchmod(stream.fileno(), PRIVATE_FILE_MODE)  # a file made before, by an older version
        assert isinstance(stream, TextIOWrapper)  # a text mode ("a"), as every log handler here has
        return stream


def _private_opener(path: str, flags: int) -> int:
    return os.open(path, flags, PRIVATE_FILE_MODE)


def log_folder(data_folder: Path) -> Path:
    """Where the log files of the data folder ``data_folder`` are."""
    return Path(data_folder) / LOG_FOLDER_NAME


def log_file(data_folder: Path) -> Path:
    return log_folder(data_folder) / LOG_FILE_NAME


def configure(data_folder: Path, *, level: int = logging.INFO) -> RotatingFileHandler | None:
    """Log to the rotating file in ``data_folder``; returns the handler, or None if the folder
    cannot be written (the program still runs, and says so on stderr)."""
    global _installed
    shutdown()
    path = log_file(data_folder)
    try:
        make_private_folder(Path(data_folder))
        make_private_folder(path.parent)
        _tighten(path.parent)
        handler = PrivateRotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8")
    except OSError as error:
        print(f"Loggfilen {path} kan inte skrivas: {error}", file=sys.stderr)
        return None
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    handler.setLevel(level)
    logging.getLogger().addHandler(handler)  # other libraries: their warnings and errors
    logging.getLogger(APP_LOGGER).setLevel(level)  # the program's own: from ``level`` up
    _installed = handler
    return handler


def _tighten(folder: Path) -> None:
    """The log folder and the log files in it owner-only (an older version left them 0755/0644)."""
    if not hasattr(os, "fchmod"):  # Windows: the folder's access list decides
        return
    os.chmod(folder, PRIVATE_DIR_MODE)
    for old in folder.glob(LOG_FILE_NAME + "*"):
        with contextlib.suppress(OSError):
            os.chmod(old, PRIVATE_FILE_MODE)


def current_log_file() -> Path | None:
    """The file the log goes to now, if ``configure`` has been called."""
    return Path(_installed.baseFilename) if _installed is not None else None


def shutdown() -> None:
    """Remove and close the handler ``configure`` installed (if any)."""
    global _installed
    if _installed is None:
        return
    logging.getLogger().removeHandler(_installed)
    _installed.close()
    _installed = None

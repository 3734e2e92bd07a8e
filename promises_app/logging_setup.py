"""The program's log: a rotating file in the data folder (no Qt here).

``configure(data_folder)`` at start sends the root logger's records to
``<data folder>/logs/medborgarloften.log`` (the program's own loggers from INFO, other
libraries' from WARNING), 1 MB per file and five older files kept, so the
log can never fill the disk. Configuring again (a second window, a test) replaces the handler
this module installed before; nothing else's handlers are touched.
"""

from __future__ import annotations

import logging
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_FOLDER_NAME = "logs"
LOG_FILE_NAME = "medborgarloften.log"
MAX_BYTES = 1024 * 1024
BACKUP_COUNT = 5
APP_LOGGER = "promises_app"
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s [pid %(process)d]: %(message)s"

_installed: RotatingFileHandler | None = None


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
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8")
    except OSError as error:
        print(f"Loggfilen {path} kan inte skrivas: {error}", file=sys.stderr)
        return None
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    handler.setLevel(level)
    logging.getLogger().addHandler(handler)  # other libraries: their warnings and errors
    logging.getLogger(APP_LOGGER).setLevel(level)  # the program's own: from ``level`` up
    _installed = handler
    return handler


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

"""Writing a file the person asked for (an export, a PDF, a hand-signed copy) so it is never half written.

Used by the command line and the window alike: data goes to a temporary file beside the
target (owner-only, 0600, from ``mkstemp``), is flushed to disk, and only then renamed over
the target. A crash or a full disk leaves the old file (or none), never a torn one.

Before the temporary file is made, and again just before the rename, the target is checked
(services/output_paths.py): never the open database, its ``-wal``/``-shm``/``-journal``, its
lock or its backups, never another Medborgarlöften database, never a read-only file or a
folder. A symlink is written through: the temporary file goes beside the file the link leads
to and is renamed onto that file, so the link stays a link.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from promises_app.services.output_paths import OutputPathRefused, Refusal, check_output_path

__all__ = ["safe_file_name", "write_atomically"]


def write_atomically(path: Path | str, data: str | bytes, *, database: Path | None = None) -> Path:
    """Write ``data`` (text as UTF-8 with ``\\n`` line ends, or bytes as they are) to ``path`` atomically.

    ``database`` is the open database, never to be overwritten (nor what belongs to it). Raises
    ``OutputPathRefused`` (nothing written) for a path that must not be written, ``OSError``
    when the write fails. Returns the file written: ``path``'s final target when it is a symlink.
    """
    final = check_output_path(path, database)
    folder = final.parent
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise _naming(error, path) from error
    try:
        if isinstance(data, bytes):
            with os.fdopen(fd, "wb") as binary:
                binary.write(data)
                binary.flush()
                os.fsync(binary.fileno())
        else:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        # Again at the last moment: the database's -wal may have appeared, a link may have moved.
        if check_output_path(path, database) != final:
            raise OutputPathRefused(Path(path), Refusal.CHANGED)
        os.replace(temporary, final)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise _naming(error, path) from error
        raise
    _sync_folder(folder)
    return final


def _naming(error: OSError, path: Path | str) -> OSError:
    """The same failure (same errno, same subclass), naming the file the person asked for: the
    hidden temporary file beside it is nothing they chose or could find."""
    return OSError(error.errno, error.strerror, str(path))


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no directory handles to sync)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def safe_file_name(name: str, fallback: str) -> str:
    """``name`` usable as a file name on Windows, macOS and Linux (no / \\ : * ? " < > |)."""
    cleaned = "".join("-" if ch in '/\\:*?"<>|' or ord(ch) < 32 else ch for ch in name)
    return " ".join(cleaned.split()).strip(" .") or fallback

"""Writing a file the person asked for (an export, a PDF, a hand-signed copy) so it is never half written.

Used by the command line and the window alike: data goes to a temporary file beside the
target (owner-only, 0600, from ``mkstemp``), is flushed to disk, and only then renamed over
the target. A crash or a full disk leaves the old file (or none), never a torn one.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(path: Path, data: str | bytes) -> None:
    """Write ``data`` (text as UTF-8 with ``\\n`` line ends, or bytes as they are) to ``path`` atomically."""
    path = Path(path).expanduser()
    folder = path.parent if str(path.parent) else Path(".")
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
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
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def safe_file_name(name: str, fallback: str) -> str:
    """``name`` usable as a file name on Windows, macOS and Linux (no / \\ : * ? " < > |)."""
    cleaned = "".join("-" if ch in '/\\:*?"<>|' or ord(ch) < 32 else ch for ch in name)
    return " ".join(cleaned.split()).strip(" .") or fallback

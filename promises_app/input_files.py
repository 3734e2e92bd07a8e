"""Reading a file the person chose (an import, a PDF, a certificate), never more than a limit.

Used by the command line and the JSON import alike: at most ``limit`` + 1 bytes are read, so
``/dev/zero``, a pipe that never ends or a huge file is known to be too big as soon as the
limit is passed. OSErrors pass through for the caller to name the
file in Swedish (os_errors.py). No Qt here.
"""

from __future__ import annotations

from pathlib import Path


def read_at_most(path: Path | str, limit: int) -> bytes:
    """The file's bytes, or ``limit`` + 1 of them when it is bigger (the caller refuses it)."""
    with open(Path(path).expanduser(), "rb") as handle:
        return handle.read(limit + 1)

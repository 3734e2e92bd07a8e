"""Recognise our database file from its 100-byte SQLite header, before any connection.

Connecting is not harmless: SQLite opens a zero-byte file as an empty database, and a
connection in WAL mode leaves ``-wal``/``-shm`` files beside whatever it opened. So the
header is read as plain bytes first, and anything that is not ours is refused untouched.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

from promises_app.storage.engine import APPLICATION_ID
from promises_app.storage.errors import NotOurDatabaseError

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100


@dataclass(frozen=True)
class HeaderInfo:
    application_id: int
    user_version: int


def read_header(path: Path) -> HeaderInfo:
    """Read and check the header of an existing file; raise NotOurDatabaseError if it is not ours."""
    with path.open("rb") as handle:
        header = handle.read(HEADER_SIZE)
    if not header:
        raise NotOurDatabaseError(
            path, f"Filen {path} är tom (0 byte) och är ingen Medborgarlöften-databas."
        )
    if len(header) < HEADER_SIZE or not header.startswith(SQLITE_MAGIC):
        raise NotOurDatabaseError(
            path,
            f"Filen {path} är ingen databasfil (den börjar inte som en SQLite-databas). "
            "Välj en Medborgarlöften-databas.",
        )
    (user_version,) = struct.unpack(">I", header[60:64])
    (application_id,) = struct.unpack(">I", header[68:72])
    if application_id != APPLICATION_ID:
        raise NotOurDatabaseError(
            path,
            f"Filen {path} är en SQLite-databas från ett annat program, inte från Medborgarlöften. "
            "Den har inte ändrats.",
        )
    return HeaderInfo(application_id=application_id, user_version=user_version)

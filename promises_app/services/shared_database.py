"""The shared database's addresses, for the window and the command line (docs/shared-database.md).

What a URL is, how it is shown (never with a password) and how it is remembered (without one)
is storage's (storage/server.py); this is the way up to callers who reach storage only through
the services.
"""

from __future__ import annotations

from promises_app.storage.server import (
    BACKUPS_ON_A_SERVER,
    PASSWORD_PLACES,
    TLS_MODES,
    is_server_address,
    remembered_address,
    server_address,
    shown_address,
)

__all__ = [
    "BACKUPS_ON_A_SERVER", "PASSWORD_PLACES", "TLS_MODES", "is_server_address", "remembered_address",
    "server_address", "shown_address",
]

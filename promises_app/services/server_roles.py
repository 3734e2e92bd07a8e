"""Who may do what in a shared database, for the command line (``server-init``) and the window.

The command line and the window reach storage only through services (docs/architecture.md):
``prepare_server`` is ``promises-app server-init URL`` (storage/server_init.py makes the roles), and
``is_server_address`` / ``shown_address`` tell a URL from a file and show it without a password.
What an open database's account may do is ``services.db.permissions`` (domain/permissions.py).
"""

from __future__ import annotations

from promises_app.domain.permissions import DEFAULT_ROLE_PREFIX
from promises_app.storage.server import is_server_address, shown_address
from promises_app.storage.server_init import InitReport, ServerInitError, run_server_init

__all__ = ["InitReport", "ServerInitError", "is_server_address", "prepare_server", "shown_address"]


def prepare_server(url: str, prefix: str = DEFAULT_ROLE_PREFIX) -> InitReport:
    """The schema (if the database is empty), the three group roles and their privileges: what was done.

    Raises ServerInitError (a DatabaseOpenError) for an account that does not own the database, or may not
    create the roles, and DatabaseOpenError for a database that cannot be reached or is not ours."""
    return run_server_init(url, prefix)

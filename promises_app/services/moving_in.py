"""Moving in: ``promises-app copy --from FILE.sqlite --to URL`` (docs/shared-database.md).

A coordinator's file becomes the municipality's shared database with all its history: the
rows and the change log are copied by storage/server_copy.py in one transaction on the
server, and the result is then checked exactly as ``verify-db`` checks a database, on the
server itself, so what IT is told is what the shared database now holds.

The file is opened with the one-writer lock: nobody can change it while it is copied (a
change made after the copy would not be on the server). It is only read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from promises_app.services.errors import ServiceError
from promises_app.services.maintenance import MaintenanceService, VerifyResult
from promises_app.services.signoff import PdfRenderer
from promises_app.storage.database import open_database
from promises_app.storage.server import create_server_engine, is_server_address, shown_address
from promises_app.storage.server_copy import CopyRefusedError, CopyResult, copy_rows


@dataclass(frozen=True)
class MoveResult:
    copied: CopyResult
    #: ``verify-db``'s checks, run on the shared database after the copy.
    verification: VerifyResult


def move_in(
    source: Path, target_url: str, *, render_pdf: PdfRenderer | None = None,
    progress: Callable[[str, int], None] | None = None,
) -> MoveResult:
    """Copy the database file ``source`` into the PostgreSQL database at ``target_url``, then verify it there.

    Raises ServiceError (Swedish) when the target is not a server address, already holds data
    (the same agreements are named), or refuses a row; the server is then as it was.
    """
    if is_server_address(source):
        raise ServiceError(
            f"--from ska vara en databasfil (.sqlite), inte en serveradress ({shown_address(str(source))})."
        )
    if not is_server_address(target_url):
        raise ServiceError("--to ska vara adressen till en PostgreSQL-databas "
                           f"(postgresql://användare@server/databas), inte {target_url}.")
    address = shown_address(target_url)
    file = open_database(source, create=False, exclusive=True)
    try:
        engine = create_server_engine(target_url)
        try:
            with file.read_rows() as connection:
                copied = copy_rows(connection, engine, address, progress)
        except CopyRefusedError as error:
            raise ServiceError(str(error)) from error
        finally:
            engine.dispose()
    finally:
        file.close()
    target = open_database(target_url, create=False)
    try:
        verification = MaintenanceService(target).verify_database(render_pdf=render_pdf)
    finally:
        target.close()
    return MoveResult(copied, verification)

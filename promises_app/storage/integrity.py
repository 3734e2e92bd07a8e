"""The full integrity check before the actions that build on what is in the file.

Every start runs SQLite's ``quick_check``: it reads every page, but it does not compare an
index with its table, so an index out of step with its table ("row 1 missing from index …")
passes it, and a query through that index then answers wrongly. Signing freezes the content,
a new revision starts from it, an import adds to it and a restore copies it, so each of them
first runs the full ``integrity_check`` (``require_intact``) and is refused, with nothing
written, when it finds anything. (Restore checks the backup it copies from, and the copy,
with the same pragma: ``storage/backups.verify``.)
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.exc import DBAPIError

from promises_app.storage import backups
from promises_app.storage.errors import StorageFailure
from promises_app.storage.failures import translate

if TYPE_CHECKING:
    from promises_app.storage.database import Database

#: SQLite's own lines are English and can be long: at most this many characters of them are shown.
SHOWN_CHARACTERS = 80


class DatabaseDamagedError(StorageFailure):
    """The full integrity check found damage; the action was not carried out, nothing was written."""


def require_intact(database: Database, action: str) -> None:
    """Refuse ``action`` (Swedish, e.g. "Undertecknandet") unless ``PRAGMA integrity_check`` is ok.

    Raises DatabaseDamagedError naming the file, what SQLite found and what to do (restore
    the newest backup); a storage failure (busy, gone) comes through as that failure.
    """
    try:
        with database.engine.connect() as connection:
            rows = [str(r[0]) for r in connection.exec_driver_sql("PRAGMA integrity_check")]
            connection.rollback()
    except DBAPIError as error:
        failure = translate(error, database.path)
        if failure is not None:
            raise failure from error
        rows = [str(error.orig)]
    if rows == ["ok"]:
        return
    where = str(database.path) if database.path is not None else "databasen"
    raise DatabaseDamagedError(
        database.path,
        f"Databasen {where} är skadad ({found(rows)}). {action} gjordes inte; ingenting har skrivits. "
        f"{restore_offer(database.path)}",
    )


def found(rows: list[str]) -> str:
    """What SQLite found, shortened for a message (its first lines, at most ~80 characters)."""
    text = "; ".join(rows[:2])
    if len(rows) > 2:
        text += f" och {len(rows) - 2} fel till"
    return text if len(text) <= SHOWN_CHARACTERS else text[: SHOWN_CHARACTERS - 1] + "…"


def restore_offer(path: Path | None) -> str:
    """What to do about a damaged file: restore its newest backup (naming its date), or get help."""
    newest = backups.list_backups(path) if path is not None else []
    if not newest:
        return "Det finns ingen säkerhetskopia av den; kontakta IT-stöd innan du gör något mer med filen."
    return (
        f"Den senaste säkerhetskopian är från {newest[0].made:%Y-%m-%d %H:%M}; återställ den (Arkiv → "
        "Återställ från säkerhetskopia…, eller promises-app restore) så läggs den skadade filen åt sidan."
    )

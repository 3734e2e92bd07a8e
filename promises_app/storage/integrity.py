"""The full integrity check before the actions that build on what is in the file.

Every start runs SQLite's ``quick_check``: it reads every page, but it does not compare an
index with its table, so an index out of step with its table ("row 1 missing from index …")
passes it, and a query through that index then answers wrongly. Signing freezes the content,
a new revision starts from it, an import adds to it and a restore copies it, so each of them
first runs the full ``integrity_check`` (``Database.require_intact``, which the file carries
out: storage/sqlite_file.py) and is refused, with nothing written, when it finds anything.
(Restore checks the backup it copies from, and the copy, with the same pragma:
``storage/backups.verify``.) This module holds what the refusals say.
"""

from __future__ import annotations

from pathlib import Path

from promises_app.storage import backups
from promises_app.storage.errors import StorageFailure

#: SQLite's own lines are English and can be long: at most this many characters of them are shown.
SHOWN_CHARACTERS = 80


class DatabaseDamagedError(StorageFailure):
    """The full integrity check found damage; the action was not carried out, nothing was written."""


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

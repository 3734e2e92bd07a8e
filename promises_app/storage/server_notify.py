"""Live updates on a shared database: every committed change-log append is announced (NOTIFY).

Several people keep the same agreements on one PostgreSQL server (docs/shared-database.md); a
window that is open should show what another person saved without being asked. Every write
transaction appends its entries to the change log (storage/changelog.py), so one trigger on
that table is enough to announce every write, whatever service made it:

- a statement-level ``AFTER INSERT`` trigger on ``change_log`` sends
  ``pg_notify('medborgarloften_changes', payload)`` with the first and last entry numbers the
  statement appended and the database user who appended them (``session_user``: the account
  that logged in, which the status bar names);
- PostgreSQL delivers a notification only when the transaction commits, and never for one
  that rolls back, so a listener hears only of what is really saved, in commit order.

The payload is small JSON (``{"from": 41, "head": 43, "user": "anna.berg"}``), far below
PostgreSQL's 8000-byte limit; the listener reads what the entries touched from the log itself
(storage/live_changes.py). SQLite needs none of this: one writer per file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import Connection, text

#: The channel the change log's trigger notifies and the window listens on.
CHANNEL = "medborgarloften_changes"


def notify_statements() -> list[str]:
    """The CREATE FUNCTION and CREATE TRIGGER statements, in order."""
    return [
        "CREATE FUNCTION change_log_notify() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "DECLARE first_entry bigint; last_entry bigint; "
        "BEGIN "
        "SELECT min(id), max(id) INTO first_entry, last_entry FROM appended; "
        "IF last_entry IS NOT NULL THEN "
        f"PERFORM pg_notify('{CHANNEL}', json_build_object("
        "'from', first_entry, 'head', last_entry, 'user', session_user)::text); "
        "END IF; "
        "RETURN NULL; END $$",
        "CREATE TRIGGER change_log_notify AFTER INSERT ON change_log REFERENCING NEW TABLE AS appended "
        "FOR EACH STATEMENT EXECUTE FUNCTION change_log_notify()",
    ]


def install_notify(connection: Connection) -> None:
    """Create the trigger (inside the caller's transaction: storage/server_schema.create_schema)."""
    for statement in notify_statements():
        connection.execute(text(statement))


@dataclass(frozen=True)
class Appended:
    """One notification: entries ``first``..``head`` were committed by ``user`` from backend ``pid``."""

    first: int
    head: int
    user: str
    pid: int


def parse_payload(payload: str, pid: int) -> Appended | None:
    """The notification's content (None: not one this program sent, e.g. a hand-made NOTIFY)."""
    try:
        data = json.loads(payload)
        return Appended(int(data["from"]), int(data["head"]), str(data["user"]), pid)
    except (ValueError, KeyError, TypeError):
        return None

"""The change log: every edit recorded, hash-chained, and checked (docs/reliability.md, P10).

``record_changes`` is attached to write sessions (storage/database.py): after each flush it
writes one entry per inserted or deleted row and one per changed field (old and new value),
with the time, the user account, and a SHA-256 over the entry and the previous entry's hash.
Because it hangs on the session, no service can forget it; because it is written in the same
transaction, an edit and its log entry are saved together or not at all.

``verify_chain`` recomputes the chain and names the first entry that does not match: an
edited field, a deleted or reordered entry, a changed stored hash, and a log that no longer
ends where its head (``change_log_head``, kept by a trigger) says it did. ``current_anchor``
is the head as printed in every PDF; ``check_anchor`` proves the log still holds it
(domain/log_anchor.py says why an anchor outside the database is needed).
"""

from __future__ import annotations

import getpass
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import Connection, insert, inspect, select, text
from sqlalchemy.orm import InstanceState, Session, UOWTransaction, object_session

from promises_app.domain.log_anchor import LogAnchor
from promises_app.storage.models import ChangeLogEntry, ChangeLogHead, DatabaseIdentity, table_of

GENESIS = "0" * 64
_TABLE = table_of(ChangeLogEntry)
#: Columns that say nothing a person changed (the concurrency counter).
_SKIPPED = {"version"}
#: Personal data is logged as changed but not by value, so erasing a person (P15) really
#: erases them: an append-only log must not keep the name and contact details for ever.
PERSONAL_FIELDS = {"people": {"name", "title", "email", "phone"}}
REDACTED = "(personuppgift)"
#: Large texts logged by their fingerprint (a signed revision's frozen content, an adopted
#: report's: its hash is stored beside it, and the log need not hold a second copy of it).
DIGESTED_FIELDS = {"signed_revisions": {"content"}, "adopted_reports": {"content"}}


@dataclass(frozen=True)
class Change:
    action: str  # insert, update, delete
    entity: str  # table name
    entity_id: int
    field: str | None = None
    old: Any = None
    new: Any = None


#: session.info key: rows this flush deleted that are not in ``session.deleted`` (orphans).
_DELETED = "changelog.deleted_rows"


def record_changes(session: Session, _flush: UOWTransaction) -> None:
    """after_flush hook: log what this flush wrote."""
    changes = [_redacted(change) for change in _changes_of(session)]
    if changes:
        append(session.connection(), changes)


def remember_deleted(_mapper: Any, _connection: Connection, target: object) -> None:
    """Mapper ``after_delete`` hook: note every deleted row, for ``record_changes`` to log.

    A row removed from a ``delete-orphan`` collection (an agreement's old goals, a promise's
    measures) is deleted by the flush without ever being in ``session.deleted``.
    """
    session = object_session(target)
    if session is not None:
        session.info.setdefault(_DELETED, []).append(target)


#: Advisory transaction lock (PostgreSQL) serialising appends: several writers make one chain.
APPEND_LOCK = 0x4D4C_4C47  # "MLLG"


def append(connection: Connection, changes: Iterable[Change]) -> None:
    """Append entries to the chain (inside the caller's write transaction).

    On a server, appends of several writers are serialised until each one's transaction ends, so
    each reads the hash of the entry truly before its own (SQLite's BEGIN IMMEDIATE already does)."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": APPEND_LOCK})
    previous = connection.execute(select(_TABLE.c.hash).order_by(_TABLE.c.id.desc()).limit(1)).scalar()
    previous = previous or GENESIS
    at = utc_timestamp()
    account = current_account()
    rows = []
    for change in changes:
        row = {
            "at": at,
            "account": account,
            "action": change.action,
            "entity": change.entity,
            "entity_id": change.entity_id,
            "field": change.field,
            "old": _json(change.old),
            "new": _json(change.new),
            "prev_hash": previous,
        }
        row["hash"] = entry_hash(row)
        previous = row["hash"]
        rows.append(row)
    connection.execute(insert(_TABLE), rows)


def entry_hash(row: dict[str, Any]) -> str:
    """SHA-256 over the entry's content and the previous hash (not over its id: order is in the chain)."""
    canonical = json.dumps(
        [row["prev_hash"], row["at"], row["account"], row["action"], row["entity"],
         row["entity_id"], row["field"], row["old"], row["new"]],
        ensure_ascii=False, separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def verify_chain(connection: Connection) -> list[str]:
    """Problems with the change log, first break first (empty when the chain is whole)."""
    problems: list[str] = []
    previous_hash = GENESIS
    previous_id = 0
    for row in connection.execute(select(_TABLE).order_by(_TABLE.c.id)).mappings():
        entry = dict(row)
        where = f"Ändringsloggens post {entry['id']} ({entry['at']}, {entry['entity']} {entry['entity_id']})"
        if entry["id"] != previous_id + 1:
            missing = f"{previous_id + 1}" if entry["id"] == previous_id + 2 else f"{previous_id + 1}–{entry['id'] - 1}"
            problems.append(f"Ändringsloggens post {missing} saknas (borttagen).")
        if entry["prev_hash"] != previous_hash:
            problems.append(f"{where}: kedjan är bruten (den pekar inte på posten före).")
        if entry_hash(entry) != entry["hash"]:
            problems.append(f"{where}: innehållet stämmer inte med kontrollsumman (ändrat i efterhand).")
        previous_hash, previous_id = entry["hash"], entry["id"]
    return problems + _head_problems(connection, previous_id, previous_hash)


def _head_problems(connection: Connection, last_id: int, last_hash: str) -> list[str]:
    """Does the log end where its head says it did when the last entry was appended?"""
    head = connection.execute(select(ChangeLogHead.entries, ChangeLogHead.hash)).first()
    if head is None:
        return ["Ändringsloggens huvud (hur många poster den har och den sista postens kontrollsumma) saknas."]
    entries, head_hash = head
    if entries > last_id:
        gone = f"post {entries}" if entries == last_id + 1 else f"posterna {last_id + 1}–{entries}"
        return [f"Ändringsloggen är avkortad: den hade {entries} poster men slutar vid post {last_id}; "
                f"{gone} har tagits bort."]
    if entries < last_id:
        return [f"Ändringsloggen har poster efter den sista som skrevs av programmet (post {entries}): "
                f"posterna {entries + 1}–{last_id} har lagts till utanför programmet."]
    if head_hash != last_hash:
        return [f"Ändringsloggens post {last_id} är inte den som skrevs: kedjan har räknats om i efterhand "
                "(kontrollsumman skiljer sig från den som sparades när posten skrevs)."]
    return []


def current_anchor(connection: Connection) -> LogAnchor:
    """The log's head now (entries, hash of the last entry) with the database's id: what a PDF carries."""
    last = connection.execute(select(_TABLE.c.id, _TABLE.c.hash).order_by(_TABLE.c.id.desc()).limit(1)).first()
    database_id = connection.execute(select(DatabaseIdentity.database_id)).scalar() or ""
    return LogAnchor(entries=last[0] if last else 0, head=last[1] if last else GENESIS, database_id=database_id)


def check_anchor(connection: Connection, anchor: LogAnchor) -> str | None:
    """Why the log does not hold ``anchor`` (None when it does; the chain itself is checked apart)."""
    database_id = connection.execute(select(DatabaseIdentity.database_id)).scalar() or ""
    if anchor.database_id and anchor.database_id != database_id:
        return (f"kommer från en annan databas (id {anchor.database_id}; den här har id {database_id}), "
                "så den kan inte pröva den här")
    if anchor.entries == 0:
        return None
    stored = connection.execute(select(_TABLE.c.hash).where(_TABLE.c.id == anchor.entries)).scalar()
    if stored is None:
        return (f"ändringsloggen hade minst {anchor.entries} poster när dokumentet skrevs, men post "
                f"{anchor.entries} finns inte längre: loggen har kortats av")
    if not stored.startswith(anchor.head):
        return (f"post {anchor.entries} i ändringsloggen är inte längre den som fanns när dokumentet skrevs: "
                "loggen har skrivits om fram till dit")
    return None


def field_form(entity: str, field: str, value: Any) -> Any:
    """One field's value as the log holds it (personal data hidden, large texts digested), as parsed JSON."""
    if field in DIGESTED_FIELDS.get(entity, ()):
        value = _digest(value)
    if field in PERSONAL_FIELDS.get(entity, ()) and value:
        value = REDACTED
    text = _json(value)
    return None if text is None else json.loads(text)


def _changes_of(session: Session) -> Iterable[Change]:
    for obj in session.new:
        if isinstance(obj, ChangeLogEntry):
            continue
        state = inspect(obj)
        yield Change("insert", state.mapper.local_table.name, _key(state), None, None, _row_values(state))
    for obj in session.dirty:
        if isinstance(obj, ChangeLogEntry) or not session.is_modified(obj, include_collections=False):
            continue
        state = inspect(obj)
        for attr in state.mapper.column_attrs:
            if attr.key in _SKIPPED:
                continue
            history = state.attrs[attr.key].history
            if history.has_changes() and history.deleted != history.added:
                old = history.deleted[0] if history.deleted else None
                new = history.added[0] if history.added else None
                # A deferred column set without being loaded (a logo removed) has no old value
                # to compare with: logged as set.
                if old != new or not history.deleted:
                    yield Change("update", state.mapper.local_table.name, _key(state), attr.key, old, new)
    deleted = list(session.deleted)
    seen = {id(obj) for obj in deleted}
    deleted += [obj for obj in session.info.pop(_DELETED, []) if id(obj) not in seen]
    for obj in deleted:
        state = inspect(obj)
        yield Change("delete", state.mapper.local_table.name, _key(state), None, _row_values(state), None)


def _redacted(change: Change) -> Change:
    digested = DIGESTED_FIELDS.get(change.entity)
    if digested and isinstance(change.new, dict):
        change = Change(change.action, change.entity, change.entity_id, change.field, change.old,
                        {k: (_digest(v) if k in digested else v) for k, v in change.new.items()})
    personal = PERSONAL_FIELDS.get(change.entity)
    if not personal:
        return change

    def hide(value: Any, field: str | None) -> Any:
        if isinstance(value, dict):
            return {k: (REDACTED if k in personal and v else v) for k, v in value.items()}
        return REDACTED if field in personal and value else value

    return Change(change.action, change.entity, change.entity_id, change.field,
                  hide(change.old, change.field), hide(change.new, change.field))


def _digest(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    return {"sha256": hashlib.sha256(value.encode("utf-8")).hexdigest(), "chars": len(value)}


def _key(state: InstanceState[Any]) -> int:
    return int(state.mapper.primary_key_from_instance(state.obj())[0])


def _row_values(state: InstanceState[Any]) -> dict[str, Any]:
    """The row's values as held in memory (no loading: a deleted row cannot be read again)."""
    return {
        attr.key: state.dict[attr.key]
        for attr in state.mapper.column_attrs
        if attr.key not in _SKIPPED and attr.key != "id" and attr.key in state.dict
    }


def _json(value: object) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=_plain)


def _plain(value: object) -> object:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, bytes):  # a logo: its fingerprint, not its bytes
        return {"sha256": hashlib.sha256(value).hexdigest(), "bytes": len(value)}
    return str(value)


def utc_timestamp() -> str:
    """Now, as the log writes it: ISO 8601 UTC to the second."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def current_account() -> str:
    """The operating-system account making the change (who, in the log)."""
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in this environment: still log the change
        return "okänd"

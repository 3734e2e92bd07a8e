"""Which rows each write transaction changed, and the versions an undo expects to find.

Three small pieces, all used by ``storage/database.Database``:

* ``capture_rows`` (an ``after_flush`` hook on write sessions, beside the change log's
  ``record_changes``, seeing the same rows) notes every inserted, updated and deleted row with
  its new version and foreign keys; when the transaction commits, ``Database.write`` turns them
  into one ``domain.changes.Changes`` and tells its listeners and whoever is collecting.
* ``collecting()`` gathers the ``Changes`` of every transaction committed inside it on this
  thread (a ``ContextVar``): the operations runner wraps one user action in it.
* ``expecting(versions)`` makes the next write transaction on this thread first check, inside
  that same transaction, that each named row still has the version the caller expects (or is
  still gone); otherwise it raises :class:`RowChangedError` and writes nothing. Undo and redo
  use it, so they never overwrite an edit made meanwhile by someone else.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

from sqlalchemy import Table, inspect, select

from promises_app.domain.changes import Action, Changes, RowChange
from promises_app.domain.errors import AppError

if TYPE_CHECKING:  # the ORM loads with the first session, not with the window (storage/database.py)
    from sqlalchemy.orm import InstanceState, Session, UOWTransaction

#: session.info key: the RowChanges this transaction's flushes wrote.
ROWS = "change_capture.rows"
#: session.info key shared with storage/changelog.py: rows deleted as orphans.
_ORPHANS = "changelog.deleted_rows"
#: Tables that are bookkeeping, not content a view shows.
_IGNORED = {"change_log", "change_log_head", "change_log_coverage", "database_identity"}

_collected: ContextVar[list[Changes] | None] = ContextVar("change_capture.collected", default=None)
_expected: ContextVar[Mapping[tuple[str, int], int | None] | None] = ContextVar(
    "change_capture.expected", default=None
)

#: What a row is called in a message (definite form), by table.
_WORDS = {
    "organisations": "Organisationen", "people": "Personen", "agreements": "Överenskommelsen",
    "goals": "Målet", "parties": "Parten", "signatories": "Undertecknaren", "focus_areas": "Fokusområdet",
    "promises": "Löftet", "measures": "Åtgärden", "occurrences": "Tillfället", "follow_ups": "Uppföljningen",
    "indicator_definitions": "Indikatorn", "indicator_values": "Indikatorvärdet",
    "agreement_indicators": "Den följda indikatorn", "situation_sources": "Lägesbildens källa",
    "safety_walks": "Trygghetsvandringen", "walk_findings": "Iakttagelsen",
    "period_follow_ups": "Periodens uppföljning",
}


class RowChangedError(AppError):
    """An undo or redo found a row changed since this window last wrote it: nothing was written."""

    def __init__(self, table: str, row_id: int, found: int | None, expected: int | None) -> None:
        self.table, self.row_id, self.found, self.expected = table, row_id, found, expected
        what = _WORDS.get(table, f"Raden i {table}")
        if found is None:
            reason = f"{what} (id {row_id}) har tagits bort av någon annan sedan dess."
        elif expected is None:
            reason = f"{what} (id {row_id}) har lagts till igen av någon annan sedan dess."
        else:
            reason = (f"{what} (id {row_id}) har ändrats av någon annan sedan dess "
                      f"(version {found}, här senast version {expected}).")
        super().__init__(f"{reason} Ingenting ändrades; läs in och gör om ändringen för hand om den behövs.")


def capture_rows(session: Session, _flush: UOWTransaction) -> None:
    """after_flush hook: note the rows this flush wrote (before the change log takes its orphans)."""
    rows: list[RowChange] = session.info.setdefault(ROWS, [])
    for obj in session.new:
        _note(rows, inspect(obj), Action.INSERT)
    for obj in session.dirty:
        if session.is_modified(obj):  # a promise whose makers changed counts too
            _note(rows, inspect(obj), Action.UPDATE)
    deleted = list(session.deleted)
    seen = {id(obj) for obj in deleted}
    deleted += [obj for obj in session.info.get(_ORPHANS, []) if id(obj) not in seen]
    for obj in deleted:
        _note(rows, inspect(obj), Action.DELETE)


def _note(rows: list[RowChange], state: InstanceState[Any], action: Action) -> None:
    mapper = state.mapper
    local_table = mapper.local_table
    assert isinstance(local_table, Table)  # every model here maps one table
    table = local_table.name
    if table in _IGNORED:
        return
    # (in after_flush a new row has its id but not yet its identity key)
    identity = mapper.primary_key_from_instance(state.obj())
    if not identity or identity[0] is None:
        return
    keys: dict[str, int | None] = {}
    for column in mapper.local_table.columns:
        if column.foreign_keys:
            attr = mapper.get_property_by_column(column)
            value = state.dict.get(attr.key)  # as written; never loads anything
            keys[attr.key] = value if isinstance(value, int) else None
    version = getattr(state.obj(), "version", None) if action is not Action.DELETE else None
    rows.append(RowChange(table, int(identity[0]), action, version if isinstance(version, int) else None, keys))


def note_update(session: Session, table: str, row_id: int) -> None:
    """A row changed without the ORM seeing it (a link list written with Core statements)."""
    rows: list[RowChange] = session.info.setdefault(ROWS, [])
    rows.append(RowChange(table, row_id, Action.UPDATE))


def taken(session: Session) -> Changes:
    """The rows the session's transaction wrote (after it committed), emptied from the session."""
    rows: list[RowChange] = session.info.pop(ROWS, [])
    return Changes.of(rows)


def publish(changes: Changes) -> None:
    """Hand a committed transaction's changes to whoever collects on this thread."""
    collected = _collected.get()
    if collected is not None:
        collected.append(changes)


@contextlib.contextmanager
def collecting() -> Iterator[list[Changes]]:
    """The Changes of every transaction committed on this thread inside the block."""
    collected: list[Changes] = []
    token = _collected.set(collected)
    try:
        yield collected
    finally:
        _collected.reset(token)


def merged(collected: list[Changes]) -> Changes:
    result = Changes()
    for changes in collected:
        result = result | changes
    return result


@contextlib.contextmanager
def expecting(versions: Mapping[tuple[str, int], int | None]) -> Iterator[None]:
    """The next write transaction on this thread checks these rows first (see the module)."""
    token = _expected.set(dict(versions))
    try:
        yield
    finally:
        _expected.reset(token)


def check_expected(session: Session) -> None:
    """At the start of a write transaction: refuse it if a row is not what the caller expects.

    Only the first write transaction inside ``expecting`` checks: an undo that takes two
    transactions finds its own first one's changes in the second."""
    expected = _expected.get()
    if not expected:
        return
    _expected.set(None)
    from promises_app.storage.models import Base
    for (table_name, row_id), version in expected.items():
        table = Base.metadata.tables.get(table_name)
        if table is None:
            continue
        column = table.c.version if "version" in table.c else table.c.id
        found = session.execute(select(column).where(table.c.id == row_id)).scalar()
        if version is None:
            if found is not None:
                raise RowChangedError(table_name, row_id, found if "version" in table.c else 0, None)
        elif found is None or ("version" in table.c and found != version):
            raise RowChangedError(table_name, row_id, found, version)

"""A row as it is now, with who changed it last: what a conflict shows ("their value and yours").

When a save or an undo finds a row changed by someone else (optimistic concurrency,
docs/architecture.md), the window shows the row's values as saved now beside what the person
typed, and who saved them when the change log knows. ``row_now`` reads that inside the caller's
transaction (``services/base.check_version`` calls it in the refused transaction);
:class:`RowNowService` is the same as a read of its own, for an undo refused by
``storage/change_capture.expecting``, which names only the table and the id.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from promises_app.services import convert
from promises_app.services.base import Service
from promises_app.services.records import LastChange, RowNow
from promises_app.storage import models as m

#: The plain record of a row, by its table: the rows a person edits in a form or the grid.
_RECORDS: dict[str, tuple[type[m.Base], Callable[[Any], object]]] = {
    "follow_ups": (m.FollowUp, convert.follow_up),
    "measures": (m.Measure, convert.measure),
    "promises": (m.Promise, convert.promise),
    "focus_areas": (m.FocusArea, convert.focus_area),
    "organisations": (m.Organisation, convert.organisation),
    "people": (m.Person, convert.person),
    "occurrences": (m.Occurrence, convert.occurrence),
    "agreements": (m.Agreement, convert.agreement),
}


def table_name(row: object) -> str:
    """The table a mapped row lives in ("measures")."""
    table = inspect(row).mapper.local_table
    return str(getattr(table, "name", ""))


def last_change(session: Session, table: str, row_id: int) -> LastChange | None:
    """The change log's last entry for the row: who (account) and when (UTC), or None."""
    log = m.table_of(m.ChangeLogEntry)
    found = session.execute(
        select(log.c.account, log.c.at)
        .where(log.c.entity == table, log.c.entity_id == row_id)
        .order_by(log.c.id.desc())
        .limit(1)
    ).first()
    return None if found is None else LastChange(str(found.account), str(found.at))


def row_now(session: Session, table: str, row_id: int | None, row: object | None = None) -> RowNow:
    """``table``'s row ``row_id`` as it is now (``row``: the mapped row, when the caller holds it)."""
    if row_id is None:
        return RowNow(table, None, None, None)
    known = _RECORDS.get(table)
    record: object | None = None
    if known is not None:
        model, to_record = known
        mapped = row if row is not None else session.get(model, row_id)
        record = to_record(mapped) if mapped is not None else None
    return RowNow(table, row_id, record, last_change(session, table, row_id))


class RowNowService(Service):
    def row(self, table: str, row_id: int) -> RowNow:
        """The row as it is now (record None: gone), with the change log's last word on it."""
        with self.db.read() as s:
            return row_now(s, table, row_id)

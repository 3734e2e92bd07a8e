"""What one user action changed, so each view refreshes only that (docs/architecture.md, "One edit").

Every write transaction collects the rows its flushes inserted, updated or deleted
(``storage/change_capture.py``, beside the change log, which sees the same rows); the
operations runner (``ui/common/operations.py``) hands the :class:`Changes` of one user action to every
page in one ``changed`` signal. A page that shows follow-ups asks ``changes.ids("follow_ups")``
and re-reads those rows only; a page whose rows are not named does nothing.

Each :class:`RowChange` also carries the row's new version (the optimistic-concurrency
counter; ``None`` for a deleted row) and the row's foreign keys as they were written (a
follow-up's ``measure_id``), so a page finds the row it shows without another read, and an
undo can say which version it expects to find.

``Changes.everything()`` stands for "anything may have changed": another database opened,
a restore, or a write the capture could not follow (raw SQL). Pages then read all again.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class Action(StrEnum):
    INSERT = "insert"
    UPDATE = "update"
    DELETE = "delete"


@dataclass(frozen=True)
class RowChange:
    """One row one transaction wrote."""

    table: str
    row_id: int
    action: Action
    #: The row's version after the write (None: deleted, or a table without versions).
    version: int | None = None
    #: The row's foreign keys as written ("measure_id" → 12), for finding it without a read.
    keys: Mapping[str, int | None] = field(default_factory=dict)

    def key(self, name: str) -> int | None:
        return self.keys.get(name)


@dataclass(frozen=True)
class Changes:
    """The rows one user action changed, in the order they were written (empty: nothing)."""

    rows: tuple[RowChange, ...] = ()
    #: True: anything may have changed (a database opened or restored): read all again.
    all: bool = False

    @classmethod
    def everything(cls) -> Changes:
        return cls(all=True)

    @classmethod
    def of(cls, rows: Iterable[RowChange]) -> Changes:
        return cls(tuple(rows))

    def __bool__(self) -> bool:
        return self.all or bool(self.rows)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.rows + other.rows, self.all or other.all)

    def tables(self) -> frozenset[str]:
        return frozenset(row.table for row in self.rows)

    def touches(self, *tables: str) -> bool:
        """Whether any of ``tables`` changed (always, for :meth:`everything`)."""
        return self.all or any(row.table in tables for row in self.rows)

    def only(self, *tables: str) -> bool:
        """Whether every changed row is in ``tables`` (False for :meth:`everything`)."""
        return not self.all and all(row.table in tables for row in self.rows)

    def rows_of(self, table: str) -> list[RowChange]:
        return [row for row in self.rows if row.table == table]

    def ids(self, table: str) -> set[int]:
        return {row.row_id for row in self.rows if row.table == table}

    def keys_of(self, table: str, key: str) -> set[int]:
        """The values of one foreign key over the changed rows of ``table`` (the measures of
        changed follow-ups: ``keys_of("follow_ups", "measure_id")``)."""
        return {value for row in self.rows if row.table == table and (value := row.key(key)) is not None}

    def structural(self, table: str) -> bool:
        """Whether rows of ``table`` were added or removed (a list must then be read again)."""
        return self.all or any(row.table == table and row.action is not Action.UPDATE for row in self.rows)

    def latest_versions(self) -> dict[tuple[str, int], int | None]:
        """What each changed row is after the action: its version, or None when it was deleted.

        Rows of tables without a version (link rows) are left out when they still exist: there
        is nothing to compare them by."""
        latest: dict[tuple[str, int], int | None] = {}
        for row in self.rows:
            key = (row.table, row.row_id)
            if row.action is Action.DELETE:
                latest[key] = None
            elif row.version is not None:
                latest[key] = row.version
            else:
                latest.pop(key, None)
        return latest

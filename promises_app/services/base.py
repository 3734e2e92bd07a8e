"""What every service shares: the database handle, fetching a row by id, version checks, order."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Protocol, TypeAlias, TypeVar

from promises_app.domain.validation import INTEGER_MAX, INTEGER_MIN, shorten
from promises_app.services.errors import ConflictError, NotFoundError
from promises_app.services.records import RowNow
from promises_app.storage.database import Database

if TYPE_CHECKING:  # only in annotations: services.backups (and the command line) load no ORM
    from sqlalchemy.orm import Session


def object_session(row: object) -> Session | None:
    """The session holding a mapped row (the ORM is loaded by then: the row came from it)."""
    from sqlalchemy.orm import object_session as of_row

    return of_row(row)

T = TypeVar("T")

#: A row's field values by name: what an update method takes (``**changes``) and what the
#: validators check and return cleaned. Each field has its own type, which its validator checks
#: at run time; to the type checker the values are Any (a TypedDict per kind of row would be next).
FieldValues: TypeAlias = dict[str, Any]


class Positioned(Protocol):
    position: int


class Versioned(Protocol):
    @property
    def version(self) -> int: ...


P = TypeVar("P", bound=Positioned)
V = TypeVar("V", bound=Versioned)


class Service:
    def __init__(self, db: Database) -> None:
        self.db = db


def get_row(session: Session, model: type[T], row_id: int, what: str, *, lock: bool = False) -> T:
    """The row with ``row_id``, or NotFoundError naming ``what`` ("Åtgärden", "Parten" …).

    ``lock``: read it again from the database and lock it until the transaction ends (``SELECT …
    FOR UPDATE`` on a server, where another writer waits for it; SQLite's ``BEGIN IMMEDIATE``
    already keeps every other writer out), so what is checked on it stays true until commit.
    """
    if isinstance(row_id, int) and not INTEGER_MIN <= row_id <= INTEGER_MAX:  # no such id can exist
        raise NotFoundError(f"{what} (id {shorten(row_id)}) finns inte.")
    if lock:
        row = session.get(model, row_id, with_for_update=True, populate_existing=True)
    else:
        row = session.get(model, row_id)
    if row is None:
        raise NotFoundError(f"{what} (id {row_id}) finns inte längre.")
    return row


def check_version(row: Versioned | None, expected_version: int | None, what: str, *, table: str = "") -> None:
    """Refuse to overwrite a row someone else changed since the caller read it.

    ``row`` None stands for a row that does not exist (version 0; ``table`` then names its
    table); ``expected_version`` None skips the check. The ConflictError carries the row as it
    is now and who changed it last (``services/row_now.py``), read in this same transaction.
    """
    current = 0 if row is None else row.version
    if expected_version is not None and current != expected_version:
        from promises_app.services.row_now import row_now, table_name

        now = None
        session = object_session(row) if row is not None else None
        if session is not None:
            now = row_now(session, table_name(row), getattr(row, "id", None), row)
        elif table:
            now = row_now_gone(table)
        raise ConflictError(
            f"{what} har ändrats sedan du öppnade den (version {current}, "
            f"du utgick från {expected_version}). Läs in den igen och gör om ändringen.",
            now=now,
        )


def row_now_gone(table: str) -> RowNow:
    """A row of ``table`` that is not there (deleted, or a follow-up not recorded)."""
    return RowNow(table, None, None, None)


def update_row(
    session: Session,
    model: type[V],
    row_id: int,
    what: str,
    *,
    expected_version: int | None,
    fields: Sequence[str],
    changes: FieldValues,
    validate: Callable[[FieldValues, V], FieldValues],
) -> V:
    """The edit of one row: fetch, check its version, validate old values merged with ``changes``, assign."""
    reject_unknown(changes, fields)
    row = get_row(session, model, row_id, what)
    check_version(row, expected_version, what)
    values = {field: getattr(row, field) for field in fields} | changes
    for field, value in validate(values, row).items():
        setattr(row, field, value)
    session.flush()
    return row


def next_position(siblings: Sequence[Positioned]) -> int:
    return max((s.position for s in siblings), default=-1) + 1


def move_to(siblings: Sequence[P], item: P, new_index: int) -> None:
    """Reorder ``siblings`` so that ``item`` stands at ``new_index`` (clamped); positions 0..n-1."""
    ordered = sorted(siblings, key=lambda s: s.position)
    ordered.remove(item)
    new_index = max(0, min(new_index, len(ordered)))
    ordered.insert(new_index, item)
    for index, sibling in enumerate(ordered):
        if sibling.position != index:
            sibling.position = index


def remove_from(siblings: list[P], item: P) -> None:
    """Take ``item`` out of an ordered relationship list and renumber the rest 0..n-1."""
    siblings.remove(item)
    for index, sibling in enumerate(siblings):
        if sibling.position != index:
            sibling.position = index


def reject_unknown(changes: FieldValues, allowed: Sequence[str]) -> None:
    unknown = sorted(set(changes) - set(allowed))
    if unknown:
        raise TypeError(f"unknown field(s): {', '.join(unknown)}")

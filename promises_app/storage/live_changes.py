"""What other people save in a shared database, as the same Changes the window's own edits produce.

On a PostgreSQL server every committed change-log append is announced
(storage/server_notify.py). :class:`ChangeFollower` listens for those announcements on a
connection of its own (autocommit, ``LISTEN``) in a background thread and, for entries
committed by *another* connection, reads from the change log which rows they touched
(``entity``, ``entity_id``) and what those rows are now (their version and foreign keys): a
``domain.changes.Changes`` like the one ``storage/change_capture.py`` makes for this program's
own writes. The window hands it to its operations runner (ui/shell/live_updates.py), so the open
pages refresh exactly what changed, as after one of their own edits.

- **Own writes are not announced twice.** This program's writes already reach the window
  (``Database.listeners``). A notification names the server process that committed it; the
  follower knows the processes behind this database's own connections (a pool ``checkout``
  event notes each one before it is used), and skips theirs.
- **Quiet reconnection.** If the connection drops (the server restarts, the network goes), the
  follower tries again every few seconds without a word to the person; once back, it reads
  the entries appended meanwhile and hands them on as one Changes (who wrote them is then not
  known: ``user`` is None).
- **A rolled-back write is never announced**: PostgreSQL delivers notifications at commit.
- **Stopping** (the window closes or opens another database) ends the thread within a fraction
  of a second (it waits for notifications in short slices) and closes its connection.

Nothing here applies to SQLite: one writer per file, so nobody else writes while it is open.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, Table, event, func, select
from sqlalchemy.exc import OperationalError

from promises_app.domain.changes import Action, Changes, RowChange
from promises_app.storage.server_notify import CHANNEL, Appended, parse_payload

if TYPE_CHECKING:
    from promises_app.storage.database import Database

_log = logging.getLogger(__name__)

#: Tables that are bookkeeping, not content a view shows (as in storage/change_capture.py).
_IGNORED = {"change_log", "change_log_head", "change_log_coverage", "database_identity"}
#: How long the listener waits for notifications before it looks whether it should stop.
POLL_SECONDS = 0.2
#: How long it waits before trying again after the connection dropped.
RETRY_SECONDS = 3.0
#: Above this many entries at once, the pages read everything again (``read_changes``).
MOST_ENTRIES = 2000


@dataclass(frozen=True)
class OthersChanges:
    """Rows another connection changed: what, who (the database user; None after a reconnection,
    when it is not known) and when (the last entry's time, UTC)."""

    changes: Changes
    user: str | None
    at: datetime
    head: int


def read_changes(connection: Connection, first: int, last: int, *, most: int = MOST_ENTRIES) -> Changes:
    """The rows change-log entries ``first``..``last`` touched, each as it is now.

    A row that still exists is an insert (if one of the entries inserted it) or an update, with
    its current version and foreign keys; a row that is gone is a delete, with the foreign keys
    the log kept of it (the deleted row's values, or the inserted one's). More than ``most``
    entries (an import, an agreement carried over) are ``Changes.everything()``: the pages read
    all again, which is cheaper than following thousands of rows one by one."""
    from promises_app.storage.models import Base, ChangeLogEntry

    if last - first + 1 > most:
        return Changes.everything()
    log = ChangeLogEntry.__table__
    entries = connection.execute(
        select(log.c.action, log.c.entity, log.c.entity_id, log.c.old, log.c.new)
        .where(log.c.id.between(first, last)).order_by(log.c.id)
    ).all()
    touched: dict[tuple[str, int], bool] = {}  # (table, id) → inserted within the range
    logged: dict[tuple[str, int], dict[str, Any]] = {}  # the row's values as the log holds them
    for action, entity, entity_id, old, new in entries:
        if entity in _IGNORED or entity not in Base.metadata.tables:
            continue
        key = (entity, int(entity_id))
        touched[key] = touched.get(key, False) or action == "insert"
        values = _parsed(new if action == "insert" else old if action == "delete" else None)
        if values:
            logged[key] = values
    rows: list[RowChange] = []
    for table_name, ids in _by_table(touched).items():
        table = Base.metadata.tables[table_name]
        assert isinstance(table, Table)
        foreign = [column for column in table.columns if column.foreign_keys]
        versioned = "version" in table.c
        columns = [table.c.id, *([table.c.version] if versioned else []), *foreign]
        now = {row.id: row for row in connection.execute(select(*columns).where(table.c.id.in_(ids)))}
        for row_id in ids:
            current = now.get(row_id)
            if current is None:
                kept = logged.get((table_name, row_id), {})
                keys = {c.name: _int_or_none(kept.get(c.name)) for c in foreign}
                rows.append(RowChange(table_name, row_id, Action.DELETE, None, keys))
                continue
            mapping = current._mapping
            action = Action.INSERT if touched[(table_name, row_id)] else Action.UPDATE
            version = mapping["version"] if versioned else None
            rows.append(RowChange(table_name, row_id, action, version, {c.name: mapping[c.name] for c in foreign}))
    return Changes.of(rows)


def _by_table(keys: Iterable[tuple[str, int]]) -> dict[str, list[int]]:
    tables: dict[str, list[int]] = {}
    for table, row_id in keys:
        tables.setdefault(table, []).append(row_id)
    return tables


def _parsed(value: str | None) -> dict[str, Any]:
    if not value:
        return {}
    try:
        parsed = json.loads(value)
    except ValueError:
        return {}
    return parsed if isinstance(parsed, dict) else {}


def _int_or_none(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _when(at: str | None) -> datetime:
    """An entry's time (ISO 8601 UTC, storage/changelog.utc_timestamp) as an aware datetime."""
    if at:
        try:
            return datetime.fromisoformat(at.replace("Z", "+00:00"))
        except ValueError:
            pass
    return datetime.now(UTC)


def _backend_pid(dbapi_connection: Any) -> int | None:
    try:
        pid = dbapi_connection.info.backend_pid
    except Exception:  # noqa: BLE001 - a connection already closed or broken has none
        return None
    return pid if isinstance(pid, int) else None


class ChangeFollower:
    """Listens for other connections' writes to the database behind ``engine`` (see the module).

    ``deliver`` is called on the follower's own thread with each :class:`OthersChanges`; the
    caller brings it to wherever it is needed (the window: a queued Qt signal)."""

    def __init__(
        self, engine: Engine, deliver: Callable[[OthersChanges], None], *,
        retry_seconds: float = RETRY_SECONDS,
    ) -> None:
        self._engine = engine
        self._deliver = deliver
        self._retry = retry_seconds
        self._stop = threading.Event()
        #: Set while the follower is connected and listening (tests wait for it).
        self.listening = threading.Event()
        #: Server processes behind this program's own connections to the database.
        self._own: set[int] = set()
        #: The last change-log entry the follower has accounted for (None: not yet connected).
        self._seen: int | None = None
        self._params = self._connect_params(engine)
        self.thread = threading.Thread(target=self._run, name="medborgarloften-live-updates", daemon=True)

    @staticmethod
    def _connect_params(engine: Engine) -> dict[str, Any]:
        """psycopg's connection arguments for the engine's URL (password included, never logged)."""
        _args, params = engine.dialect.create_connect_args(engine.url)
        params = {key: value for key, value in params.items() if key != "context"}
        params.update(autocommit=True, application_name="medborgarloften-live", connect_timeout=10)
        return params

    def start(self) -> None:
        event.listen(self._engine, "checkout", self._note_own)
        event.listen(self._engine, "close", self._forget_own)
        self.thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """End the thread (and its connection); waits for it up to ``timeout`` seconds."""
        self._stop.set()
        for name, listener in (("checkout", self._note_own), ("close", self._forget_own)):
            if event.contains(self._engine, name, listener):
                event.remove(self._engine, name, listener)
        if self.thread.is_alive() and self.thread is not threading.current_thread():
            self.thread.join(timeout)

    def _note_own(self, dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        """Pool event (any thread): a connection of this program's is about to be used."""
        pid = _backend_pid(dbapi_connection)
        if pid is not None:
            self._own.add(pid)

    def _forget_own(self, dbapi_connection: Any, _record: Any) -> None:
        """Pool event: the connection closes; its process number may later be another client's."""
        pid = _backend_pid(dbapi_connection)
        if pid is not None:
            self._own.discard(pid)

    # --- the thread ---------------------------------------------------------------------------
    def _run(self) -> None:
        import psycopg

        while not self._stop.is_set():
            try:
                with psycopg.connect(**self._params) as connection:
                    if self._stop.is_set():  # stopped while connecting: the database may be closed
                        break
                    connection.execute(f"LISTEN {CHANNEL}")
                    self._catch_up()
                    self.listening.set()
                    while not self._stop.is_set():
                        for notification in connection.notifies(timeout=POLL_SECONDS):
                            self._handle(notification.payload, notification.pid)
            except Exception as error:  # noqa: BLE001 - the follower never takes the window down
                self.listening.clear()
                if self._stop.is_set():
                    break
                if isinstance(error, (psycopg.OperationalError, OperationalError)):  # dropped: quietly
                    _log.info("Den delade databasens ändringar följs inte just nu (%s); försöker igen.",
                              type(error).__name__)
                else:
                    _log.warning("Fel när den delade databasens ändringar lästes; försöker igen.", exc_info=True)
                self._stop.wait(self._retry)
        self.listening.clear()

    def _catch_up(self) -> None:
        """On (re)connecting: the head now; entries appended while not listening are handed on."""
        from promises_app.storage.models import ChangeLogEntry

        log = ChangeLogEntry.__table__
        with self._engine.connect() as connection:
            head = int(connection.execute(select(func.coalesce(func.max(log.c.id), 0))).scalar_one())
            if self._seen is not None and head > self._seen:
                self._hand_on(connection, self._seen + 1, head, None)
        self._seen = head if self._seen is None else max(self._seen, head)

    def _handle(self, payload: str, pid: int) -> None:
        appended = parse_payload(payload, pid)
        if appended is None:
            return
        if appended.pid not in self._own:
            with self._engine.connect() as connection:
                self._hand_on(connection, appended.first, appended.head, appended.user)
        self._seen = appended.head if self._seen is None else max(self._seen, appended.head)

    def _hand_on(self, connection: Connection, first: int, last: int, user: str | None) -> None:
        """Read what entries ``first``..``last`` touched (one snapshot) and deliver it."""
        from promises_app.storage.models import ChangeLogEntry

        log = ChangeLogEntry.__table__
        at = connection.execute(select(log.c.at).where(log.c.id == last)).scalar()
        changes = read_changes(connection, first, last)
        if changes and not self._stop.is_set():
            self._deliver(OthersChanges(changes, user, _when(at), last))


def follow_others(db: Database, deliver: Callable[[OthersChanges], None]) -> ChangeFollower | None:
    """A started follower for a database on a server; None for a SQLite file (one writer per file)."""
    from promises_app.storage.server import ServerStore

    if not isinstance(db.store, ServerStore):
        return None
    follower = ChangeFollower(db.engine, deliver)
    follower.start()
    return follower


__all__ = ["Appended", "ChangeFollower", "OthersChanges", "follow_others", "read_changes"]

"""Live updates on a shared database (storage/server_notify.py, storage/live_changes.py).

Every committed change-log append is announced with NOTIFY (never a rolled-back one); the
follower hands on, as Changes, what *other* connections wrote, and reconnects by itself.
Nothing here waits for a fixed time: each wait is for an event, with a limit.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from promises_app.domain.changes import Action, Changes
from promises_app.domain.enums import FollowUpStatus, OrganisationKind
from promises_app.domain.periods import periods_for
from promises_app.services import Services
from promises_app.storage.database import Database, open_database
from promises_app.storage.live_changes import ChangeFollower, OthersChanges, follow_others, read_changes
from promises_app.storage.models import Organisation
from promises_app.storage.server_notify import CHANNEL
from tests.pg_server import SUPERUSER, PgServer

LIMIT = 10.0  # seconds; a limit on a wait, not a timing


def wait_for(condition: Callable[[], bool], limit: float = LIMIT) -> None:
    done = threading.Event()
    deadline = threading.Event()
    timer = threading.Timer(limit, deadline.set)
    timer.start()
    try:
        while not condition():
            assert not deadline.is_set(), "the condition did not come true within the limit"
            done.wait(0.02)
    finally:
        timer.cancel()


def database_name(url: str) -> str:
    name = make_url(url).database
    assert name is not None
    return name


@pytest.fixture
def listening(pg_server: PgServer, pg_url: str) -> Iterator[psycopg.Connection]:
    connection = psycopg.connect(host=str(pg_server.socket_dir), dbname=database_name(pg_url), user=SUPERUSER,
                                 autocommit=True)
    connection.execute(f"LISTEN {CHANNEL}")
    yield connection
    connection.close()


@pytest.fixture
def other_db(pg_url: str) -> Iterator[Database]:
    """A second program on the same database (its own engine and connections)."""
    database = open_database(pg_url)
    yield database
    database.close()


def head(db: Database) -> int:
    with db.read() as session:
        return int(session.execute(text("SELECT coalesce(max(id), 0) FROM change_log")).scalar_one())


def test_a_committed_write_announces_its_entries_and_the_database_user(
    pg_db: Database, listening: psycopg.Connection
) -> None:
    before = head(pg_db)
    Services(pg_db).register.create_organisation(name="Bostadsbolaget", kind=OrganisationKind.HOUSING_COMPANY)
    after = head(pg_db)
    notes = list(listening.notifies(timeout=LIMIT, stop_after=1))
    assert len(notes) == 1
    assert json.loads(notes[0].payload) == {"from": before + 1, "head": after, "user": SUPERUSER}


def test_a_rolled_back_write_announces_nothing(pg_db: Database, listening: psycopg.Connection) -> None:
    class Refused(Exception):
        pass

    services = Services(pg_db)
    with pytest.raises(Refused), pg_db.write() as session:
        session.add(Organisation(name="Ångrat", kind=OrganisationKind.MUNICIPALITY, short_name=""))
        session.flush()  # the change log's entries are written (and the trigger has run) …
        assert session.execute(text("SELECT count(*) FROM change_log WHERE new LIKE '%Ångrat%'")).scalar() == 1
        raise Refused  # … and rolled back
    services.register.create_organisation(name="Sparat", kind=OrganisationKind.MUNICIPALITY)
    with pg_db.read() as session:
        saved = session.execute(text("SELECT min(id), max(id) FROM change_log WHERE new LIKE '%Sparat%'")).one()
    # The first announcement to arrive is the committed write's: the rolled-back one sent none.
    notes = list(listening.notifies(timeout=LIMIT, stop_after=1))
    assert [(json.loads(n.payload)["from"], json.loads(n.payload)["head"]) for n in notes] == [tuple(saved)]
    assert list(listening.notifies(timeout=0.05)) == []


def test_the_follower_hands_on_other_connections_writes_only(
    pg_db: Database, other_db: Database
) -> None:
    delivered: list[OthersChanges] = []
    follower = follow_others(pg_db, delivered.append)
    assert follower is not None
    try:
        assert follower.listening.wait(LIMIT)
        mine = Services(pg_db).register.create_organisation(name="Min egen", kind=OrganisationKind.MUNICIPALITY)
        theirs = Services(other_db).register.create_organisation(name="Deras", kind=OrganisationKind.POLICE)
        # Announcements come in commit order: by the time theirs is handed on, mine was passed over.
        wait_for(lambda: bool(delivered))
        assert [(r.table, r.row_id, r.action) for d in delivered for r in d.changes.rows] == [
            ("organisations", theirs.id, Action.INSERT)
        ]
        assert delivered[0].user == SUPERUSER
        assert mine.id != theirs.id
    finally:
        follower.stop()
    assert not follower.thread.is_alive()


def test_a_follow_up_recorded_elsewhere_comes_with_its_measure_and_version(
    pg_server: PgServer, _pg_templates: dict[str, str]
) -> None:
    name = pg_server.new_name("live")
    url = pg_server.create_database(name, template=_pg_templates["demo"])
    first, second = open_database(url), open_database(url)
    delivered: list[OthersChanges] = []
    follower = follow_others(first, delivered.append)
    assert follower is not None
    try:
        assert follower.listening.wait(LIMIT)
        services = Services(second)
        agreement = next(a for a in services.agreements.list_agreements() if services.plan.list_measures(a.id))
        measure = services.plan.list_measures(agreement.id)[0]
        period = periods_for(agreement.start_date, agreement.end_date, agreement.reporting_scheme)[0]
        saved = services.follow_ups.record(measure.id, period=period.label, status=FollowUpStatus.IN_PROGRESS)
        wait_for(lambda: bool(delivered))
        (row,) = delivered[0].changes.rows
        assert (row.table, row.row_id, row.version, row.key("measure_id")) == (
            "follow_ups", saved.id, saved.version, measure.id)
        assert delivered[0].changes.keys_of("follow_ups", "measure_id") == {measure.id}
    finally:
        follower.stop()
        first.close()
        second.close()
        pg_server.drop_database(name)


def test_a_large_write_elsewhere_has_the_pages_read_everything_again(pg_db: Database, other_db: Database) -> None:
    before = head(other_db)
    services = Services(other_db)
    for name in ("Ett", "Två", "Tre"):
        services.register.create_organisation(name=name, kind=OrganisationKind.POLICE)
    with pg_db.read() as session:
        connection = session.connection()
        assert read_changes(connection, before + 1, head(other_db), most=3).ids("organisations")
        assert read_changes(connection, before + 1, head(other_db), most=2) == Changes.everything()


def test_a_dropped_connection_is_taken_up_again_and_nothing_is_missed(
    pg_db: Database, other_db: Database, pg_url: str
) -> None:
    delivered: list[OthersChanges] = []
    follower = ChangeFollower(pg_db.engine, delivered.append, retry_seconds=0.05)
    follower.start()
    try:
        assert follower.listening.wait(LIMIT)

        def listener_pids() -> list[int]:
            with other_db.engine.connect() as connection:
                return list(connection.execute(text(
                    "SELECT pid FROM pg_stat_activity WHERE application_name = 'medborgarloften-live' "
                    "AND datname = current_database()")).scalars())

        (old,) = listener_pids()
        with other_db.engine.connect() as connection:
            connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": old})
        # Written while the follower may still be reconnecting: handed on either way.
        theirs = Services(other_db).register.create_organisation(name="Under avbrottet", kind="police")
        wait_for(lambda: any(theirs.id in d.changes.ids("organisations") for d in delivered))
        wait_for(lambda: len(listener_pids()) == 1 and listener_pids() != [old])
    finally:
        follower.stop()
    assert not follower.thread.is_alive()


def test_a_sqlite_file_has_no_follower(db: Database) -> None:
    assert follow_others(db, lambda _changes: None) is None

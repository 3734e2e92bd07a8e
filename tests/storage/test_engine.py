"""The engine factory's per-connection settings and the two kinds of session (docs/reliability.md,
"What they rest on"): pragmas read back, BEGIN IMMEDIATE for writes, full rollback, FKs."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from promises_app.domain.enums import OrganisationKind
from promises_app.storage import models as m
from promises_app.storage.database import Database
from promises_app.storage.engine import APPLICATION_ID, BUSY_TIMEOUT_MS, create_database_engine
from promises_app.storage.migrate import SCHEMA_VERSION

EXPECTED_PRAGMAS = {
    "foreign_keys": 1,
    "journal_mode": "wal",
    "synchronous": 2,  # FULL
    "busy_timeout": 5000,
    "application_id": 0x4D424C46,
    "user_version": SCHEMA_VERSION,
}


def test_constants_are_the_documented_ones() -> None:
    assert APPLICATION_ID == 0x4D424C46  # "MBLF"
    assert BUSY_TIMEOUT_MS == 5000


@pytest.mark.parametrize("pragma", sorted(EXPECTED_PRAGMAS))
def test_every_connection_from_the_engine_has_the_pragma(db: Database, pragma: str) -> None:
    # Two connections: the settings are per connection, so each new one must get them.
    for _ in range(2):
        with db.engine.connect() as connection:
            value = connection.exec_driver_sql(f"PRAGMA {pragma}").scalar()
        assert value == EXPECTED_PRAGMAS[pragma], pragma


@pytest.mark.parametrize("session_kind", ["read", "write"])
def test_sessions_run_on_configured_connections(db: Database, session_kind: str) -> None:
    with getattr(db, session_kind)() as session:
        values = {p: session.execute(text(f"PRAGMA {p}")).scalar() for p in EXPECTED_PRAGMAS}
    assert values == EXPECTED_PRAGMAS


def test_engine_without_wal_uses_the_journal_mode_asked_for(tmp_path: Path) -> None:
    engine = create_database_engine(f"sqlite:///{tmp_path / 'plain.sqlite'}", journal_mode="DELETE")
    try:
        with engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2
    finally:
        engine.dispose()


def test_unknown_journal_mode_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        create_database_engine(f"sqlite:///{tmp_path / 'x.sqlite'}", journal_mode="OFF")


def _outside_writer_can_begin(path: Path) -> bool:
    """Whether a separate plain connection can start a write transaction right now."""
    raw = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        raw.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as error:
        assert "database is locked" in str(error)
        return False
    else:
        raw.execute("ROLLBACK")
        return True
    finally:
        raw.close()


def test_write_session_begins_immediate(db: Database, db_path: Path) -> None:
    assert _outside_writer_can_begin(db_path)
    with db.write() as session:
        session.scalar(select(func.count()).select_from(m.Agreement))
        # Only a SELECT so far: a deferred transaction would hold no write lock yet.
        assert not _outside_writer_can_begin(db_path)
    assert _outside_writer_can_begin(db_path)


def test_read_session_takes_no_write_lock(db: Database, db_path: Path) -> None:
    with db.read() as session:
        session.scalar(select(func.count()).select_from(m.Agreement))
        assert _outside_writer_can_begin(db_path)


def test_read_session_is_one_snapshot(db: Database, db_path: Path) -> None:
    """A read session is a real transaction: a commit from outside is not seen inside it."""
    with db.read() as session:
        before = session.scalar(select(func.count()).select_from(m.Organisation))
        raw = sqlite3.connect(db_path, timeout=1, isolation_level=None)
        try:
            raw.execute(
                "INSERT INTO organisations (name, kind, short_name, version) "
                "VALUES ('Utifrån', 'other', '', 1)"
            )
        finally:
            raw.close()
        assert session.scalar(select(func.count()).select_from(m.Organisation)) == before
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(m.Organisation)) == before + 1


def test_read_session_never_commits(db: Database) -> None:
    with db.read() as session:
        session.add(m.Organisation(name="Bara läst", kind=OrganisationKind.OTHER))
        session.flush()
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(m.Organisation)) == 0


def test_write_session_commits(db: Database) -> None:
    with db.write() as session:
        session.add(m.Organisation(name="Solna stad", kind=OrganisationKind.MUNICIPALITY))
    with db.read() as session:
        assert session.scalars(select(m.Organisation.name)).all() == ["Solna stad"]


def test_failed_write_session_rolls_back_completely(db: Database, db_path: Path) -> None:
    with pytest.raises(RuntimeError, match="midway"):
        with db.write() as session:
            session.add(m.Organisation(name="Första", kind=OrganisationKind.OTHER))
            session.flush()
            session.add(m.Person(name="Anna Andersson"))
            session.flush()
            session.execute(
                text("INSERT INTO organisations (name, kind, short_name, version) VALUES ('Rå', 'other', '', 1)")
            )
            raise RuntimeError("midway")
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(m.Organisation)) == 0
        assert session.scalar(select(func.count()).select_from(m.Person)) == 0
    # And the lock is released: nothing is left half-open.
    assert _outside_writer_can_begin(db_path)


def test_write_session_failing_on_a_constraint_rolls_back_earlier_rows(db: Database) -> None:
    with pytest.raises(IntegrityError):
        with db.write() as session:
            session.add(m.Organisation(name="Dubbel", kind=OrganisationKind.OTHER))
            session.flush()
            session.add(m.Organisation(name="Ensam", kind=OrganisationKind.OTHER))
            session.flush()
            session.add(m.Organisation(name="Dubbel", kind=OrganisationKind.OTHER))
            session.flush()
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(m.Organisation)) == 0


def test_foreign_keys_enforced(db: Database) -> None:
    with pytest.raises(IntegrityError, match="FOREIGN KEY"):
        with db.write() as session:
            session.execute(
                text(
                    "INSERT INTO people (name, title, organisation_id, email, phone, version) "
                    "VALUES ('Ingen', '', 9999, '', '', 1)"
                )
            )
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(m.Person)) == 0


def test_check_constraint_refuses_unknown_enum_code(db: Database) -> None:
    with pytest.raises(IntegrityError, match="CHECK"):
        with db.write() as session:
            session.execute(
                text(
                    "INSERT INTO organisations (name, kind, short_name, version) "
                    "VALUES ('Okänd', 'pirates', '', 1)"
                )
            )

"""The guards on a PostgreSQL server are SQLite's (storage/server_guards.py): raw SQL is refused alike.

Each attack is made as someone with an SQL prompt on the shared database would make it, and
must be refused with the message SQLite's trigger gives (docs/reliability.md, P9 and P10).
"""

from __future__ import annotations

import importlib
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from promises_app.services import Services
from promises_app.storage import server_guards
from promises_app.storage.database import Database, open_database

PLAN = "the plan of a signed or closed agreement cannot change"

#: Plan table → the rows of it that belong to agreement :a.
ROWS_OF = {
    "goals": "agreement_id = :a",
    "parties": "agreement_id = :a",
    "focus_areas": "agreement_id = :a",
    "promises": "agreement_id = :a",
    "signatories": "party_id IN (SELECT id FROM parties WHERE agreement_id = :a)",
    "promise_makers": "promise_id IN (SELECT id FROM promises WHERE agreement_id = :a)",
    "measures": "promise_id IN (SELECT id FROM promises WHERE agreement_id = :a)",
    "measure_participants": (
        "measure_id IN (SELECT x.id FROM measures x JOIN promises p ON p.id = x.promise_id WHERE p.agreement_id = :a)"
    ),
}


def _sql(db: Database, statement: str, **params: Any) -> None:
    with db.engine.begin() as connection:
        connection.execute(text(statement), params)


def _refused(db: Database, message: str, statement: str, **params: Any) -> None:
    with pytest.raises(IntegrityError, match=message):
        _sql(db, statement, **params)


def _signed(db: Database) -> int:
    with db.engine.connect() as connection:
        return int(connection.execute(text(
            "SELECT min(id) FROM agreements WHERE state = 'signed' AND kind = 'citizen_promise'"
        )).scalar_one())


def _insert_copy(db: Database, table: str, agreement: int) -> None:
    """A new row made from one of the agreement's (a fresh id where the table has one)."""
    with db.engine.begin() as connection:
        row = dict(connection.execute(
            text(f"SELECT * FROM {table} WHERE {ROWS_OF[table]} LIMIT 1"), {"a": agreement}
        ).mappings().one())
        if "id" in row:
            row["id"] = connection.execute(text(f"SELECT max(id) + 1 FROM {table}")).scalar_one()
        columns = ", ".join(row)
        connection.execute(text(f"INSERT INTO {table} ({columns}) VALUES ({', '.join(':' + c for c in row)})"), row)


def test_the_server_has_every_trigger_a_sqlite_file_has(pg_db: Database, tmp_path: Path) -> None:
    file = open_database(tmp_path / "new.sqlite")
    file.close()
    with sqlite3.connect(tmp_path / "new.sqlite") as raw:
        on_file = {(name, table) for name, table in raw.execute("SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger'")}
    with pg_db.engine.connect() as connection:
        on_server = {(name, table) for name, table in connection.execute(text(
            "SELECT tgname, tgrelid::regclass::text FROM pg_trigger WHERE NOT tgisinternal"
        ))}
    assert on_file <= on_server
    assert {name for name, _ in on_server - on_file} == {
        "change_log_no_truncate", "signed_revisions_no_truncate", "signed_copies_no_truncate",
        "adopted_reports_no_truncate",
        "change_log_notify",  # live updates between users (storage/server_notify.py): a server's own
    }


def test_the_rules_are_those_of_migration_0006() -> None:
    migration = importlib.import_module("promises_app.storage.migrations.versions.0006_trust_anchors")
    assert server_guards.AGREEMENT_OF == migration.AGREEMENT_OF
    assert server_guards.MEASURE_DOCUMENT_COLUMNS == migration.MEASURE_DOCUMENT_COLUMNS
    assert server_guards.AGREEMENT_DOCUMENT_COLUMNS == migration.AGREEMENT_DOCUMENT_COLUMNS
    assert server_guards.PLAN_MESSAGE == migration.PLAN_MESSAGE
    for module, table in (("0004_signed_revisions", "signed_revisions"), ("0004_signed_revisions", "signed_copies"),
                          ("0009_adopted_followups", "adopted_reports")):
        immutable = importlib.import_module(f"promises_app.storage.migrations.versions.{module}").IMMUTABLE
        assert server_guards.IMMUTABLE[table] == immutable[table]


def test_a_signed_revision_is_never_changed_deleted_or_truncated(pg_demo: Database) -> None:
    message = "a signed revision cannot be changed or deleted"
    _refused(pg_demo, message, "UPDATE signed_revisions SET content = 'forged'")
    _refused(pg_demo, message, "DELETE FROM signed_revisions")
    _refused(pg_demo, message, "TRUNCATE signed_revisions CASCADE")
    with pg_demo.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM signed_revisions")).scalar_one() == 3


def test_a_hand_signed_copy_is_never_changed_or_deleted(pg_demo: Database) -> None:
    _sql(pg_demo, "INSERT INTO signed_copies (signed_revision_id, file_name, sha256, size, data, attached_at, "
         "attached_by) SELECT min(id), 'scan.pdf', repeat('a', 64), 3, 'pdf', '2026-01-01T00:00:00Z', 'x' "
         "FROM signed_revisions")
    message = "a hand-signed copy cannot be changed or deleted"
    _refused(pg_demo, message, "UPDATE signed_copies SET data = 'forged'")
    _refused(pg_demo, message, "DELETE FROM signed_copies")
    _refused(pg_demo, message, "TRUNCATE signed_copies")


def test_an_adopted_report_is_never_changed_or_deleted(pg_demo: Database) -> None:
    _sql(pg_demo, "INSERT INTO adopted_reports (agreement_id, period, report_version, adopted_by, adopted_on, "
         "paragraph, case_number, report_date, options, content, content_sha256, pdf, pdf_sha256, pdf_size, "
         "recorded_at, recorded_by, log_entries, log_head) SELECT min(id), '2022', 1, 'KS', '2023-01-10', '§ 4', "
         "'', '2023-01-05', '{}', '{}', repeat('b', 64), 'pdf', repeat('c', 64), 3, '2026-01-01T00:00:00Z', 'x', "
         "0, repeat('0', 64) FROM agreements")
    message = "an adopted follow-up report cannot be changed or deleted"
    _refused(pg_demo, message, "UPDATE adopted_reports SET paragraph = '§ 5'")
    _refused(pg_demo, message, "DELETE FROM adopted_reports")
    _refused(pg_demo, message, "TRUNCATE adopted_reports")


@pytest.mark.parametrize("table", list(ROWS_OF))
def test_the_plan_of_a_signed_agreement_refuses_raw_inserts_updates_and_deletes(pg_demo: Database, table: str) -> None:
    agreement = _signed(pg_demo)
    with pytest.raises(IntegrityError, match=PLAN):
        _insert_copy(pg_demo, table, agreement)
    change = "title = title || '!'" if table == "measures" else "position = position + 0"
    _refused(pg_demo, PLAN, f"UPDATE {table} SET {change} WHERE {ROWS_OF[table]}", a=agreement)
    _refused(pg_demo, PLAN, f"DELETE FROM {table} WHERE {ROWS_OF[table]}", a=agreement)


def test_a_measure_of_a_signed_agreement_keeps_only_its_document_columns_locked(pg_demo: Database) -> None:
    agreement = _signed(pg_demo)
    measures = ROWS_OF["measures"]
    _sql(pg_demo, f"UPDATE measures SET contact_id = NULL, previous_measure_id = NULL, version = version + 1 "
         f"WHERE {measures}", a=agreement)
    for change in ("deadline = deadline + 1", "responsible_id = NULL", "target_count = coalesce(target_count, 0) + 1",
                   "position = position + 1"):
        _refused(pg_demo, PLAN, f"UPDATE measures SET {change} WHERE {measures}", a=agreement)


def test_a_row_moved_into_a_signed_agreement_is_refused(pg_demo: Database) -> None:
    signed = _signed(pg_demo)
    Services(pg_demo).signoff.new_revision(signed)  # a draft now
    with pg_demo.engine.connect() as connection:
        other = connection.execute(text(
            "SELECT min(id) FROM agreements WHERE state = 'signed' AND id <> :a"), {"a": signed}).scalar_one()
    _refused(pg_demo, PLAN, "UPDATE goals SET agreement_id = :other WHERE agreement_id = :a", a=signed, other=other)


def test_the_plan_of_a_draft_is_free_again(pg_demo: Database) -> None:
    agreement = _signed(pg_demo)
    Services(pg_demo).signoff.new_revision(agreement)
    for table in ROWS_OF:
        change = "title = title || '!'" if table == "measures" else "position = position + 0"
        _sql(pg_demo, f"UPDATE {table} SET {change} WHERE {ROWS_OF[table]}", a=agreement)
    _insert_copy(pg_demo, "goals", agreement)
    _sql(pg_demo, "DELETE FROM measure_participants WHERE " + ROWS_OF["measure_participants"], a=agreement)


def test_a_signed_agreement_changes_only_by_closing_or_a_new_revision(pg_demo: Database) -> None:
    a = _signed(pg_demo)
    _refused(pg_demo, PLAN, "UPDATE agreements SET title = 'forged' WHERE id = :a", a=a)
    _refused(pg_demo, PLAN, "UPDATE agreements SET end_date = end_date + 365 WHERE id = :a", a=a)
    _refused(pg_demo, PLAN, "UPDATE agreements SET signing_place = 'Oslo' WHERE id = :a", a=a)
    _refused(pg_demo, PLAN, "UPDATE agreements SET signing_date = NULL WHERE id = :a", a=a)
    _refused(pg_demo, PLAN, "UPDATE agreements SET state = 'draft' WHERE id = :a", a=a)  # same revision
    _refused(pg_demo, "a signed or closed agreement cannot be deleted", "DELETE FROM agreements WHERE id = :a", a=a)
    _sql(pg_demo, "UPDATE agreements SET state = 'closed' WHERE id = :a", a=a)
    _refused(pg_demo, PLAN, "UPDATE agreements SET revision = revision + 1 WHERE id = :a", a=a)
    _sql(pg_demo, "UPDATE agreements SET state = 'signed' WHERE id = :a", a=a)
    _sql(pg_demo, "UPDATE agreements SET state = 'draft', revision = revision + 1, signing_date = NULL WHERE id = :a",
         a=a)
    _sql(pg_demo, "UPDATE agreements SET title = 'A draft again' WHERE id = :a", a=a)


def test_the_change_log_and_the_database_id_refuse_raw_sql(pg_demo: Database) -> None:
    _refused(pg_demo, "append-only", "UPDATE change_log SET field = 'x' WHERE id = 1")
    _refused(pg_demo, "append-only", "DELETE FROM change_log WHERE id = (SELECT max(id) FROM change_log)")
    _refused(pg_demo, "append-only", "TRUNCATE change_log")
    _refused(pg_demo, "the database id never changes", "UPDATE database_identity SET database_id = 'x'")
    _refused(pg_demo, "the database id never changes", "DELETE FROM database_identity")


def test_an_agreement_with_signed_revisions_stays_even_with_its_guard_off(pg_demo: Database) -> None:
    a = _signed(pg_demo)
    with pytest.raises(IntegrityError, match="signed_revisions"), pg_demo.engine.begin() as connection:
        connection.execute(text("ALTER TABLE agreements DISABLE TRIGGER agreements_signed_no_delete"))
        connection.execute(text("DELETE FROM agreements WHERE id = :a"), {"a": a})

"""The plan of a signed agreement is locked in SQL too (migration 0006): raw SQL on every plan
table of a signed or closed agreement is refused, the same statements on a draft go through,
and the changes that stay possible after signing (follow-ups, a measure's contact person, a
new revision, signed ↔ closed) still do."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from promises_app.services import Services
from tests.conftest import table_dump

SOLNA = "Solna – medborgarlöften 2022"
LOCKED = "cannot change: start a new revision"


def _agreement(services: Services, title: str) -> int:
    (found,) = [a.id for a in services.agreements.list_agreements() if a.title == title]
    return found


@pytest.fixture
def raw(db_path: Path) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(db_path, isolation_level=None)
    connection.execute("PRAGMA foreign_keys = ON")
    yield connection
    connection.close()


def _ids(raw: sqlite3.Connection, agreement_id: int) -> dict[str, int]:
    """One row of each plan table under the agreement (its first of each)."""
    def one(sql: str) -> int:
        return int(raw.execute(sql, (agreement_id,)).fetchone()[0])

    return {
        "goal": one("SELECT min(id) FROM goals WHERE agreement_id = ?"),
        "party": one("SELECT min(id) FROM parties WHERE agreement_id = ?"),
        "signatory": one("SELECT min(s.id) FROM signatories s JOIN parties p ON p.id = s.party_id "
                         "WHERE p.agreement_id = ?"),
        "focus_area": one("SELECT min(id) FROM focus_areas WHERE agreement_id = ?"),
        "promise": one("SELECT min(id) FROM promises WHERE agreement_id = ?"),
        "measure": one("SELECT min(x.id) FROM measures x JOIN promises p ON p.id = x.promise_id "
                       "WHERE p.agreement_id = ?"),
        "organisation": one("SELECT min(organisation_id) FROM parties WHERE agreement_id = ?"),
        "person": one("SELECT min(s.person_id) FROM signatories s JOIN parties p ON p.id = s.party_id "
                      "WHERE p.agreement_id = ?"),
    }


#: (what, SQL) on a row of the agreement's plan; each names its rows by the ids from _ids.
PLAN_EDITS = [
    ("agreement title", "UPDATE agreements SET title = 'Förfalskad' WHERE id = {agreement}"),
    ("agreement text", "UPDATE agreements SET introduction = 'ny inledning' WHERE id = {agreement}"),
    ("agreement dates", "UPDATE agreements SET end_date = '2030-12-31' WHERE id = {agreement}"),
    ("signing date while signed", "UPDATE agreements SET signing_date = '2021-01-01' WHERE id = {agreement}"),
    ("draft at the same revision", "UPDATE agreements SET state = 'draft' WHERE id = {agreement}"),
    ("goal text", "UPDATE goals SET text = 'x' WHERE id = {goal}"),
    ("new goal", "INSERT INTO goals (agreement_id, position, text, version) VALUES ({agreement}, 99, 'x', 1)"),
    ("goal deleted", "DELETE FROM goals WHERE id = {goal}"),
    ("party moved", "UPDATE parties SET position = 7 WHERE id = {party}"),
    ("party deleted", "DELETE FROM parties WHERE id = {party}"),
    ("signatory deleted", "DELETE FROM signatories WHERE id = {signatory}"),
    ("new signatory", "INSERT INTO signatories (party_id, person_id, position, version) "
                      "SELECT {party}, id, 9, 1 FROM people WHERE id NOT IN "
                      "(SELECT person_id FROM signatories WHERE party_id = {party}) LIMIT 1"),
    ("focus area renamed", "UPDATE focus_areas SET name = 'x' WHERE id = {focus_area}"),
    ("focus area deleted", "DELETE FROM focus_areas WHERE id = {focus_area}"),
    ("promise text", "UPDATE promises SET text = 'POLISEN LOVAR INGENTING' WHERE id = {promise}"),
    ("promise deleted", "DELETE FROM promises WHERE id = {promise}"),
    ("promise maker removed", "DELETE FROM promise_makers WHERE promise_id = {promise}"),
    ("promise maker added", "INSERT OR IGNORE INTO promise_makers (promise_id, organisation_id, position) "
                            "SELECT {promise}, id, 9 FROM organisations WHERE id NOT IN "
                            "(SELECT organisation_id FROM promise_makers WHERE promise_id = {promise}) LIMIT 1"),
    ("measure title", "UPDATE measures SET title = 'Förfalskad' WHERE id = {measure}"),
    ("measure deadline", "UPDATE measures SET deadline = '2099-01-01' WHERE id = {measure}"),
    ("measure owner", "UPDATE measures SET responsible_id = NULL WHERE id = {measure}"),
    ("measure deleted", "DELETE FROM measures WHERE id = {measure}"),
    ("new measure", "INSERT INTO measures (promise_id, position, title, description, cause, target_unit, version) "
                    "VALUES ({promise}, 99, 'x', '', '', '', 1)"),
    ("participant added", "INSERT INTO measure_participants (measure_id, organisation_id, position) "
                          "SELECT {measure}, id, 9 FROM organisations WHERE id NOT IN "
                          "(SELECT organisation_id FROM measure_participants WHERE measure_id = {measure}) LIMIT 1"),
]


def _run(raw: sqlite3.Connection, sql: str, ids: dict[str, int]) -> None:
    raw.execute(sql.format(**ids))


@pytest.mark.parametrize(("what", "sql"), PLAN_EDITS, ids=[what for what, _ in PLAN_EDITS])
@pytest.mark.parametrize("state", ["signed", "closed"])
def test_raw_sql_cannot_change_the_plan_of_a_signed_agreement(
    demo_services: Services, db_path: Path, raw: sqlite3.Connection, what: str, sql: str, state: str
) -> None:
    agreement = _agreement(demo_services, SOLNA)
    if state == "closed":
        raw.execute("UPDATE agreements SET state = 'closed' WHERE id = ?", (agreement,))
    ids = {"agreement": agreement, **_ids(raw, agreement)}
    before = table_dump(db_path)
    with pytest.raises(sqlite3.IntegrityError, match="signed or closed agreement"):
        _run(raw, sql, ids)
    assert table_dump(db_path) == before


@pytest.mark.parametrize(("what", "sql"), PLAN_EDITS, ids=[what for what, _ in PLAN_EDITS])
def test_the_same_statements_change_a_draft(
    demo_services: Services, raw: sqlite3.Connection, what: str, sql: str
) -> None:
    agreement = _agreement(demo_services, SOLNA)
    demo_services.signoff.new_revision(agreement)  # a draft of revision 3
    ids = {"agreement": agreement, **_ids(raw, agreement)}
    if what == "draft at the same revision":
        return  # already a draft: nothing to refuse
    changes = raw.total_changes
    _run(raw, sql, ids)
    assert raw.total_changes > changes, what


def test_what_goes_on_after_signing_still_goes_through_raw_sql(
    demo_services: Services, raw: sqlite3.Connection
) -> None:
    agreement = _agreement(demo_services, SOLNA)
    ids = _ids(raw, agreement)
    raw.execute("UPDATE measures SET contact_id = NULL, version = version + 1 WHERE id = ?", (ids["measure"],))
    raw.execute("UPDATE follow_ups SET comment = 'ny kommentar' WHERE measure_id = ?", (ids["measure"],))
    raw.execute("UPDATE agreements SET state = 'closed' WHERE id = ?", (agreement,))
    raw.execute("UPDATE agreements SET state = 'signed' WHERE id = ?", (agreement,))
    raw.execute(  # a new revision: back to draft, one revision up, signing date cleared
        "UPDATE agreements SET state = 'draft', revision = revision + 1, signing_date = NULL WHERE id = ?",
        (agreement,),
    )
    assert raw.execute("SELECT state FROM agreements WHERE id = ?", (agreement,)).fetchone() == ("draft",)


def test_a_signed_agreement_cannot_be_deleted(demo_services: Services, raw: sqlite3.Connection) -> None:
    with pytest.raises(sqlite3.IntegrityError, match="cannot be deleted"):
        raw.execute("DELETE FROM agreements WHERE id = ?", (_agreement(demo_services, SOLNA),))


def test_the_program_itself_still_signs_revises_and_edits(demo_services: Services) -> None:
    """The services' own paths (new revision, edits of the draft, signing again) pass the triggers."""
    from tests.services.test_signoff import fake_render

    agreement = _agreement(demo_services, SOLNA)
    signed = demo_services.signoff.new_revision(agreement).revision
    measure = demo_services.plan.list_measures(agreement)[0]
    demo_services.plan.update_measure(measure.id, title="Ny titel")
    record = demo_services.signoff.sign(agreement, place="Solna", signed_on="2022-03-01", render_pdf=fake_render,
                                        today=None)
    assert record.revision == signed + 1


def test_the_database_id_and_the_log_head_are_kept(demo_services: Services, raw: sqlite3.Connection) -> None:
    (database_id,) = raw.execute("SELECT database_id FROM database_identity").fetchone()
    assert len(database_id) == 36
    with pytest.raises(sqlite3.IntegrityError, match="never changes"):
        raw.execute("UPDATE database_identity SET database_id = 'x'")
    with pytest.raises(sqlite3.IntegrityError, match="never changes"):
        raw.execute("DELETE FROM database_identity")
    last = raw.execute("SELECT id, hash FROM change_log ORDER BY id DESC LIMIT 1").fetchone()
    assert raw.execute("SELECT entries, hash FROM change_log_head").fetchone() == last
    agreement = _agreement(demo_services, SOLNA)
    demo_services.signoff.new_revision(agreement)
    last = raw.execute("SELECT id, hash FROM change_log ORDER BY id DESC LIMIT 1").fetchone()
    assert raw.execute("SELECT entries, hash FROM change_log_head").fetchone() == last

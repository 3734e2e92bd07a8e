"""The party responsible for a measure is never also listed as taking part in it: refused from
the form's service call and from an import, left out when a measure is carried or a new
revision starts, and cleaned out of existing drafts by the schema 6 migration (logged)."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from promises_app.domain.validation import ValidationError
from promises_app.services import Services
from promises_app.services.exchange import ExchangeError
from promises_app.storage.changelog import verify_chain
from promises_app.storage.database import open_database

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SOLNA = "Solna – medborgarlöften 2022"


def _agreement(services: Services, title: str) -> int:
    (found,) = [a.id for a in services.agreements.list_agreements() if a.title == title]
    return found


def _draft_with_two_parties(services: Services) -> tuple[int, int, list[int]]:
    agreement = _agreement(services, SOLNA)
    services.signoff.new_revision(agreement)
    parties = [p.organisation_id for p in services.agreements.list_parties(agreement)]
    promise = services.plan.list_promises(agreement)[0].id
    return agreement, promise, parties


def test_creating_a_measure_with_its_owner_taking_part_is_refused(demo_services: Services) -> None:
    agreement, promise, (first, second) = _draft_with_two_parties(demo_services)
    before = len(demo_services.plan.list_measures(agreement))
    with pytest.raises(ValidationError) as caught:
        demo_services.plan.create_measure(promise_id=promise, title="Ny", responsible_id=first,
                                          participant_ids=[second, first])
    (error,) = caught.value.errors
    assert error.field == "participant_ids" and "ansvariga parten" in error.message
    assert len(demo_services.plan.list_measures(agreement)) == before
    made = demo_services.plan.create_measure(promise_id=promise, title="Ny", responsible_id=first,
                                             participant_ids=[second])
    assert made.participant_ids == (second,)


def test_changing_the_owner_to_a_party_taking_part_is_refused(demo_services: Services) -> None:
    agreement, promise, (first, second) = _draft_with_two_parties(demo_services)
    made = demo_services.plan.create_measure(promise_id=promise, title="Ny", responsible_id=first,
                                             participant_ids=[second])
    with pytest.raises(ValidationError, match="ansvariga parten"):
        demo_services.plan.update_measure(made.id, responsible_id=second)
    with pytest.raises(ValidationError, match="ansvariga parten"):
        demo_services.plan.update_measure(made.id, participant_ids=[first, second])
    assert demo_services.plan.get_measure(made.id).responsible_id == first


def test_an_import_naming_the_owner_as_taking_part_is_refused(services: Services) -> None:
    document = json.loads((Path(__file__).resolve().parents[2] / "resources" / "demo" /
                           "helsingborg-2018-2022.json").read_text(encoding="utf-8"))
    measure = document["agreement"]["promises"][0]["measures"][0]
    measure["participants"] = [measure["responsible"]]
    with pytest.raises(ExchangeError) as caught:
        services.exchange.import_json(json.dumps(document).encode())
    assert "$.agreement.promises[0].measures[0].participants: Deltar: den ansvariga parten" in str(caught.value)
    assert services.agreements.list_agreements() == []


def test_a_new_revision_and_a_carried_measure_leave_the_owner_out(tmp_path: Path) -> None:
    """An older signed plan that lists the owner as taking part keeps it (it was signed so); the
    next revision's draft, and next year's copy, do not."""
    path = tmp_path / "old.sqlite"
    shutil.copyfile(FIXTURES / "schema-v6.sqlite", path)
    with sqlite3.connect(path) as raw:  # as schema 5 allowed: owner 2 also taking part in measure 1
        raw.execute("DROP TRIGGER measure_participants_signed_no_insert")
        raw.execute("INSERT INTO measure_participants VALUES (1, 2, 5)")
    services = Services(open_database(path))
    try:
        measure = services.plan.get_measure(1)
        assert measure.responsible_id == 2 and 2 in measure.participant_ids
        services.plan.update_measure(1, contact_id=None)  # an edit of something else still goes through
        carried = services.carry_over.create_from(measure.agreement_id, title="Solna 2023", start="2023-01-01",
                                                  end="2023-12-31", reporting_scheme="tertial")
        (copy,) = [x for x in services.plan.list_measures(carried.id) if x.previous_measure_id == 1]
        assert copy.responsible_id == 2 and 2 not in copy.participant_ids
        services.signoff.new_revision(measure.agreement_id)
        assert 2 not in services.plan.get_measure(1).participant_ids
        with services.db.read() as s:
            assert verify_chain(s.connection()) == []
    finally:
        services.db.close()


def test_the_migration_cleans_drafts_and_logs_it(tmp_path: Path) -> None:
    path = tmp_path / "v5.sqlite"
    shutil.copyfile(FIXTURES / "schema-v5.sqlite", path)
    with sqlite3.connect(path) as raw:
        raw.execute("UPDATE agreements SET state = 'draft', revision = 2 WHERE id = 3")  # Helsingborg: a draft
        draft_measure, draft_owner = raw.execute(
            "SELECT x.id, x.responsible_id FROM measures x JOIN promises p ON p.id = x.promise_id "
            "WHERE p.agreement_id = 3 AND x.responsible_id IS NOT NULL ORDER BY x.id LIMIT 1").fetchone()
        raw.execute("INSERT INTO measure_participants VALUES (?, ?, 9)", (draft_measure, draft_owner))
        raw.execute("INSERT INTO measure_participants VALUES (1, 2, 9)")  # measure 1: Solna, signed
    services = Services(open_database(path))
    try:
        assert draft_owner not in services.plan.get_measure(draft_measure).participant_ids
        assert 2 in services.plan.get_measure(1).participant_ids  # signed: kept as signed
        with services.db.read() as s:
            connection = s.connection()
            assert verify_chain(connection) == []
            (old, new) = connection.exec_driver_sql(  # the last change of the list: the migration's
                "SELECT old, new FROM change_log WHERE entity = 'measures' AND entity_id = ? "
                "AND field = 'participant_ids' ORDER BY id DESC LIMIT 1", (draft_measure,)).one()
        assert draft_owner in json.loads(old) and draft_owner not in json.loads(new)
    finally:
        services.db.close()

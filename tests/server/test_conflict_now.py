"""What a refused save carries (services/errors.ConflictError.now, services/row_now.py): the row as it
is now and who changed it last, read in the refused transaction, on PostgreSQL and on SQLite: two
connections to one database acting as two people."""

from __future__ import annotations

import getpass
from collections.abc import Iterator
from pathlib import Path

import pytest

from promises_app.domain.enums import FollowUpStatus
from promises_app.services import Services
from promises_app.services.errors import ConflictError
from promises_app.services.records import FollowUpRecord, MeasureRecord
from promises_app.storage.database import open_database
from tests.pg_server import SUPERUSER


@pytest.fixture(params=["postgresql", "sqlite"])
def two(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Services, Services]]:
    """Two people on one database with the demo: two Database objects, two connections."""
    if request.param == "postgresql":
        server = request.getfixturevalue("pg_server")
        templates = request.getfixturevalue("_pg_templates")
        name = server.new_name("now")
        where: str | Path = server.create_database(name, template=templates["demo"])
    else:
        import shutil

        where = tmp_path / "shared.sqlite"
        shutil.copyfile(request.getfixturevalue("_templates")["demo"], where)
    first, second = open_database(where), open_database(where)
    try:
        yield Services(first), Services(second)
    finally:
        first.close()
        second.close()
        if request.param == "postgresql":
            server.drop_database(name)


def a_measure(services: Services) -> MeasureRecord:
    agreement = services.agreements.list_agreements()[0]
    return services.plan.list_measures(agreement.id)[0]


def test_a_refused_follow_up_save_carries_theirs_and_who_saved_it(two: tuple[Services, Services]) -> None:
    mine, theirs = two
    measure = a_measure(mine)
    agreement = mine.agreements.get_agreement(measure.agreement_id)
    period = mine.follow_ups.grid(agreement.id, today=agreement.start_date).periods[0].label
    before = next((f for f in mine.follow_ups.list_for_measure(measure.id) if f.period == period), None)
    expected = before.version if before else 0
    saved = theirs.follow_ups.record(measure.id, period=period, status=FollowUpStatus.DONE, comment="B",
                                     expected_version=expected)
    with pytest.raises(ConflictError) as refused:
        mine.follow_ups.record(measure.id, period=period, status=FollowUpStatus.NOT_DONE, comment="A",
                               expected_version=expected)
    now = refused.value.now
    assert now is not None and now.table == "follow_ups" and now.row_id == saved.id
    assert isinstance(now.record, FollowUpRecord) and now.record.comment == "B"
    assert now.version == saved.version
    # (the computer's account, or on a server the database account: issue 17, point 5)
    assert now.last_change is not None and now.last_change.account in (getpass.getuser(), SUPERUSER)
    assert str(refused.value).startswith("Uppföljningen har ändrats")  # the message as before
    assert next(f for f in theirs.follow_ups.list_for_measure(measure.id) if f.period == period).comment == "B"


def test_a_refused_measure_save_and_the_row_now_read(two: tuple[Services, Services]) -> None:
    mine, theirs = two
    # (the demo's agreements are signed and their plans locked: a measure of a draft)
    police = mine.register.create_organisation(name="LPO Exempelstad", kind="police")
    draft = mine.agreements.create_agreement(kind="citizen_promise", title="Utkast", start_date="2022-01-01",
                                             end_date="2022-12-31", reporting_scheme="tertial")
    mine.agreements.add_party(draft.id, organisation_id=police.id)
    promise = mine.plan.create_promise(draft.id, text="öka tryggheten", maker_ids=[police.id])
    measure = mine.plan.create_measure(promise_id=promise.id, title="Fotpatrullering")
    theirs.plan.update_measure(measure.id, expected_version=measure.version, title="Fotpatrullering kvällstid")
    with pytest.raises(ConflictError) as refused:
        mine.plan.update_measure(measure.id, expected_version=measure.version, title="Fotpatrullering helger")
    now = refused.value.now
    assert now is not None and now.table == "measures"
    assert isinstance(now.record, MeasureRecord) and now.record.title == "Fotpatrullering kvällstid"
    assert now.version == measure.version + 1

    read = mine.rows_now.row("measures", measure.id)
    assert read == now
    mine.plan.delete_measure(measure.id)
    gone = theirs.rows_now.row("measures", measure.id)
    assert gone.record is None and gone.version == 0
    assert gone.last_change is not None, "the change log says who deleted it"

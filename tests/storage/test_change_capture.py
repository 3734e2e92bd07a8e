"""What each write transaction changed, and undo's expected versions (storage/change_capture.py).

The operations runner (ui/common/operations.py) builds on these: every committed transaction reports
the rows it inserted, updated and deleted with their new versions and foreign keys (a measure
deleted with its follow-ups reports them too), a rolled-back one reports nothing, and a write
made under ``expecting`` refuses, writing nothing, when a row is not at the version expected.
"""

from __future__ import annotations

import pytest

from promises_app.domain.changes import Action, Changes
from promises_app.domain.enums import FollowUpStatus
from promises_app.services import Services
from promises_app.services.changes import RowChangedError, collecting, expecting, listen, merged
from promises_app.services.errors import ValidationError


def _measure(services: Services) -> int:
    agreement = services.agreements.list_agreements()[-1]
    return services.plan.list_measures(agreement.id)[0].id


def test_a_recorded_follow_up_is_reported_with_its_version_and_measure(demo_services: Services) -> None:
    measure = _measure(demo_services)
    heard: list[Changes] = []
    listen(demo_services.db, heard.append)
    with collecting() as collected:
        made = demo_services.follow_ups.record(measure, period=_period(demo_services, measure), status="in_progress")
    changes = merged(collected)
    assert [(r.table, r.row_id, r.action, r.version, r.key("measure_id")) for r in changes.rows] == [
        ("follow_ups", made.id, Action.INSERT, made.version, measure)
    ]
    assert heard == [changes], "listeners hear the same, once"
    assert changes.only("follow_ups") and changes.keys_of("follow_ups", "measure_id") == {measure}

    with collecting() as collected:
        again = demo_services.follow_ups.record(measure, period=made.period, status="done", expected_version=made.version)
    (row,) = merged(collected).rows
    assert (row.action, row.version) == (Action.UPDATE, again.version) and again.version == made.version + 1


def test_deleting_a_measure_reports_its_follow_ups_too_and_a_refused_write_reports_nothing(
    demo_services: Services,
) -> None:
    measure = _measure(demo_services)
    agreement = demo_services.agreements.list_agreements()[-1]
    demo_services.signoff.new_revision(agreement.id)  # a draft again: its plan may change
    follow_ups = {f.id for f in demo_services.follow_ups.list_for_measure(measure)}
    assert follow_ups, "the demo measure has follow-ups"
    with collecting() as collected:
        with pytest.raises(ValidationError):
            demo_services.follow_ups.record(measure, period="1999-T1", status="done")
    assert merged(collected) == Changes(), "a rolled-back transaction changed nothing"

    with collecting() as collected:
        demo_services.plan.delete_measure(measure)
    changes = merged(collected)
    deleted = {r.row_id for r in changes.rows_of("measures") if r.action is Action.DELETE}
    assert deleted == {measure}, "the measure is gone; the others moved up (their positions changed)"
    assert changes.ids("follow_ups") == follow_ups
    assert all(r.action is Action.DELETE for r in changes.rows_of("follow_ups"))
    assert changes.latest_versions()[("measures", measure)] is None


def test_a_write_expecting_an_older_version_is_refused_and_writes_nothing(demo_services: Services) -> None:
    measure = _measure(demo_services)
    made = demo_services.follow_ups.record(measure, period=_period(demo_services, measure), status="in_progress")
    demo_services.follow_ups.record(measure, period=made.period, status="done")  # someone else, meanwhile
    with expecting({("follow_ups", made.id): made.version}), pytest.raises(RowChangedError) as refused:
        demo_services.follow_ups.record(measure, period=made.period, status="not_started")
    assert "Uppföljningen" in str(refused.value) and "ändrats av någon annan" in str(refused.value)
    assert demo_services.follow_ups.list_for_measure(measure)[-1].status is FollowUpStatus.DONE

    with expecting({("follow_ups", made.id): None}), pytest.raises(RowChangedError):
        demo_services.follow_ups.record(measure, period=made.period, status="not_started")  # expected gone

    current = demo_services.follow_ups.list_for_measure(measure)[-1]
    with expecting({("follow_ups", made.id): current.version}):
        demo_services.follow_ups.record(measure, period=made.period, status="not_started")
    assert demo_services.follow_ups.list_for_measure(measure)[-1].status is FollowUpStatus.NOT_STARTED


def _period(services: Services, measure: int) -> str:
    """A period of the measure's agreement with no follow-up yet."""
    from promises_app.domain.periods import periods_for

    agreement = next(a for a in services.agreements.list_agreements()
                     if any(m.id == measure for m in services.plan.list_measures(a.id)))
    taken = {f.period for f in services.follow_ups.list_for_measure(measure)}
    return next(p.label for p in periods_for(agreement.start_date, agreement.end_date, agreement.reporting_scheme)
                if p.label not in taken)

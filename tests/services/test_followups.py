"""Follow-up: one record per measure and reporting period, its history, and the status overview."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import pytest

from promises_app.domain.enums import FollowUpStatus, TrafficLight
from promises_app.services import Services
from promises_app.services.errors import ConflictError, NotFoundError, ValidationError

SOLNA_PROMISE = "Solna – medborgarlöften 2022"


def _agreement(services: Services, title: str) -> Any:
    return next(a for a in services.agreements.list_agreements() if a.title == title)


@pytest.fixture
def measure(services: Services) -> Any:
    """A measure of a tertial agreement (2022) with a counted target and no follow-ups yet."""
    police = services.register.create_organisation(name="LPO Exempelstad", kind="police")
    agreement = services.agreements.create_agreement(
        kind="citizen_promise", title="Exempel 2022", start_date="2022-01-01", end_date="2022-12-31",
        reporting_scheme="tertial",
    )
    services.agreements.add_party(agreement.id, organisation_id=police.id)
    promise = services.plan.create_promise(agreement.id, text="lova", maker_ids=[police.id])
    return services.plan.create_measure(
        promise_id=promise.id, title="Fyra vandringar", responsible_id=police.id,
        target_count=4, target_unit="trygghetsvandringar", deadline="2022-06-30",
    )


def test_record_and_read_back(services: Services, measure: Any) -> None:
    stamp = datetime(2022, 5, 2, 8, 30, 0)
    record = services.follow_ups.record(
        measure.id, period="2022-T1", status="in_progress", light="yellow", count_achieved=1,
        comment=" En vandring genomförd.\r\nNästa i maj. ", updated_at=stamp,
    )
    assert (record.period, record.status, record.light, record.count_achieved) == (
        "2022-T1", FollowUpStatus.IN_PROGRESS, TrafficLight.YELLOW, 1,
    )
    assert record.comment == "En vandring genomförd.\nNästa i maj."
    assert record.updated_at == stamp
    assert services.follow_ups.list_for_measure(measure.id) == [record]


def test_recording_twice_updates_the_one_follow_up(services: Services, measure: Any, counts: Any) -> None:
    first = services.follow_ups.record(measure.id, period="2022-T1", status="in_progress", count_achieved=1)
    second = services.follow_ups.record(measure.id, period="2022-T1", status="done", light="green",
                                        count_achieved=4, comment="Klart")
    assert second.id == first.id
    assert second.version == first.version + 1
    assert (second.status, second.light, second.count_achieved, second.comment) == (
        FollowUpStatus.DONE, TrafficLight.GREEN, 4, "Klart",
    )
    assert services.follow_ups.list_for_measure(measure.id) == [second]
    assert counts()["follow_ups"] == 1


@pytest.mark.parametrize("typed", [" 2022-t2", "2022-T2 ", "2022-t2", "2022-T2"])
def test_period_label_is_normalised(services: Services, measure: Any, typed: str) -> None:
    record = services.follow_ups.record(measure.id, period=typed, status="in_progress")
    assert record.period == "2022-T2"
    # The same period typed differently is the same follow-up.
    again = services.follow_ups.record(measure.id, period="2022-T2", status="done")
    assert again.id == record.id


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"period": "2022-Q2"}, "period"),  # a quarter on a tertial agreement
        ({"period": "2023-T1"}, "period"),  # after the agreement
        ({"period": "2022-T4"}, "period"),
        ({"period": "T2"}, "period"),
        ({"period": ""}, "period"),
        ({"status": "finished"}, "status"),
        ({"light": "blue"}, "light"),
        ({"count_achieved": -1}, "count_achieved"),
        ({"count_achieved": 2.5}, "count_achieved"),
        ({"count_achieved": 1_000_001}, "count_achieved"),
        ({"comment": "ok\u202e"}, "comment"),
        ({"comment": "ok\x00"}, "comment"),
        ({"comment": "x" * 20001}, "comment"),
    ],
)
def test_follow_up_validation(
    services: Services, measure: Any, snapshot: Callable[[], Any], values: dict[str, Any], field: str
) -> None:
    services.follow_ups.record(measure.id, period="2022-T1", status="in_progress")
    before = snapshot()
    with pytest.raises(ValidationError) as caught:
        services.follow_ups.record(measure.id, **({"period": "2022-T1", "status": "done"} | values))
    assert caught.value.for_field(field), caught.value.errors
    assert snapshot() == before


def test_quarter_on_tertial_message_explains(services: Services, measure: Any) -> None:
    with pytest.raises(ValidationError) as caught:
        services.follow_ups.record(measure.id, period="2022-Q3", status="done")
    (message,) = caught.value.for_field("period")
    assert "2022-Q3" in message and "tertial" in message


def test_optimistic_concurrency(services: Services, measure: Any, snapshot: Callable[[], Any]) -> None:
    mine = services.follow_ups.record(measure.id, period="2022-T1", status="in_progress")
    services.follow_ups.record(measure.id, period="2022-T1", status="done", expected_version=mine.version)
    before = snapshot()
    with pytest.raises(ConflictError):
        services.follow_ups.record(measure.id, period="2022-T1", status="not_done", expected_version=mine.version)
    # Version 0 means "I am creating it": someone else recorded it meanwhile.
    with pytest.raises(ConflictError):
        services.follow_ups.record(measure.id, period="2022-T1", status="not_done", expected_version=0)
    # Editing one that was deleted meanwhile.
    with pytest.raises(ConflictError):
        services.follow_ups.record(measure.id, period="2022-T2", status="done", expected_version=1)
    with pytest.raises(ConflictError):
        services.follow_ups.delete(mine.id, expected_version=mine.version)
    assert snapshot() == before
    created = services.follow_ups.record(measure.id, period="2022-T2", status="done", expected_version=0)
    assert created.version == 1


def test_delete(services: Services, measure: Any) -> None:
    record = services.follow_ups.record(measure.id, period="2022-T1", status="in_progress")
    services.follow_ups.delete(record.id, expected_version=record.version)
    assert services.follow_ups.list_for_measure(measure.id) == []
    with pytest.raises(NotFoundError):
        services.follow_ups.delete(record.id)


def test_history_in_period_order(services: Services, measure: Any) -> None:
    for period in ["2022-T3", "2022-T1", "2022-T2"]:
        services.follow_ups.record(measure.id, period=period, status="in_progress")
    assert [f.period for f in services.follow_ups.list_for_measure(measure.id)] == ["2022-T1", "2022-T2", "2022-T3"]


def test_history_of_a_demo_measure(demo_services: Services) -> None:
    agreement = _agreement(demo_services, SOLNA_PROMISE)
    lighting = next(x for x in demo_services.plan.list_measures(agreement.id) if "belysning" in x.title)
    history = demo_services.follow_ups.list_for_measure(lighting.id)
    assert [(f.period, f.status) for f in history] == [
        ("2022-T1", FollowUpStatus.IN_PROGRESS), ("2022-T2", FollowUpStatus.PARTLY_DONE),
    ]


def test_list_for_agreement_by_period(demo_services: Services) -> None:
    agreement = _agreement(demo_services, SOLNA_PROMISE)
    everything = demo_services.follow_ups.list_for_agreement(agreement.id)
    t2 = demo_services.follow_ups.list_for_agreement(agreement.id, period="2022-t2")
    assert len(everything) == 14 and len(t2) == 7
    assert {f.period for f in t2} == {"2022-T2"}


def test_year_and_whole_period_schemes(services: Services) -> None:
    org = services.register.create_organisation(name="Polisen", kind="police")
    results = {}
    for scheme, period in [("year", "2019"), ("whole_period", "2018-07-01/2020-06-30"), ("half_year", "2019-h2")]:
        agreement = services.agreements.create_agreement(
            kind="citizen_promise", title=scheme, start_date="2018-07-01", end_date="2020-06-30",
            reporting_scheme=scheme,
        )
        services.agreements.add_party(agreement.id, organisation_id=org.id)
        promise = services.plan.create_promise(agreement.id, text="lova", maker_ids=[org.id])
        measure = services.plan.create_measure(promise_id=promise.id, title="x")
        results[scheme] = services.follow_ups.record(measure.id, period=period, status="done").period
        with pytest.raises(ValidationError) as caught:
            services.follow_ups.record(measure.id, period="2021", status="done")
        assert caught.value.for_field("period")
    assert results == {"year": "2019", "whole_period": "2018-07-01/2020-06-30", "half_year": "2019-H2"}


# --- the status overview ------------------------------------------------------------------------
def test_solna_status_on_first_of_september(demo_services: Services) -> None:
    agreement = _agreement(demo_services, SOLNA_PROMISE)
    rows = demo_services.follow_ups.status_rows(agreement.id, today=date(2022, 9, 1))
    assert len(rows) == 7
    overdue = [row for row in rows if row.overdue]
    assert len(overdue) == 1
    (row,) = overdue
    assert "belysning" in row.measure.title and "röjning" in row.measure.title
    assert (row.latest_period, row.latest_status) == ("2022-T2", FollowUpStatus.PARTLY_DONE)
    assert row.measure.deadline == date(2022, 6, 30)
    # Measures whose deadline passed but that are done are not overdue.
    done_past_deadline = [r for r in rows if r.measure.deadline and r.measure.deadline < date(2022, 9, 1)]
    assert len(done_past_deadline) == 3
    assert all(r.latest_status is FollowUpStatus.DONE for r in done_past_deadline if not r.overdue)


def test_status_rows_follow_the_latest_period(services: Services, measure: Any) -> None:
    agreement_id = measure.agreement_id
    (row,) = services.follow_ups.status_rows(agreement_id, today=date(2022, 7, 1))
    assert row.overdue and row.latest_status is None  # deadline 2022-06-30, nothing reported
    (row,) = services.follow_ups.status_rows(agreement_id, today=date(2022, 6, 20))
    assert row.due_soon and not row.overdue
    services.follow_ups.record(measure.id, period="2022-T2", status="done", count_achieved=4)
    services.follow_ups.record(measure.id, period="2022-T1", status="in_progress", count_achieved=2)
    (row,) = services.follow_ups.status_rows(agreement_id, today=date(2022, 7, 1))
    assert (row.latest_period, row.latest_status, row.latest_count, row.overdue) == (
        "2022-T2", FollowUpStatus.DONE, 4, False,
    )
    (row,) = services.follow_ups.status_rows(agreement_id, today=date(2022, 6, 20))
    assert row.due_soon is False  # finished measures are not due


def test_recording_a_period_someone_else_just_recorded_is_a_conflict(demo_services) -> None:  # type: ignore[no-untyped-def]
    """expected_version=0 means "I saw no follow-up for this period"."""
    from promises_app.services.errors import ConflictError

    promise = next(a for a in demo_services.agreements.list_agreements() if a.title == "Solna – medborgarlöften 2022")
    measure = demo_services.plan.list_measures(promise.id)[0]
    first = demo_services.follow_ups.record(measure.id, period="2022-T3", status="in_progress", expected_version=0)
    assert first.version == 1
    with pytest.raises(ConflictError):
        demo_services.follow_ups.record(measure.id, period="2022-T3", status="done", expected_version=0)
    again = demo_services.follow_ups.record(measure.id, period="2022-T3", status="done", expected_version=1)
    assert again.status.value == "done" and again.version == 2


def test_an_edit_reads_the_walks_for_the_walk_measure_only(services: Services, measure: Any) -> None:
    """What the views take in after an edit (measure_states) counts the agreement's safety walks for
    its walk measure (domain/counts.py), read for the edited measures only."""
    other = services.plan.create_measure(
        promise_id=measure.promise_id, title="Kontroller", responsible_id=measure.responsible_id,
        target_count=100, target_unit="kontroller",
    )
    services.walks.create_walk(_agreement(services, "Exempel 2022").id, walked_on="2022-02-10")
    today = date(2022, 3, 1)
    walked = services.follow_ups.measure_states([measure.id], today=today).status_rows[0].count
    assert walked is not None and (walked.so_far, walked.this_period) == (1, 1)
    counted = services.follow_ups.measure_states([other.id], today=today).status_rows[0].count
    assert counted is not None and counted.so_far is None  # nothing done, nothing typed
    both = services.follow_ups.measure_states([measure.id, other.id], today=today)
    assert [row.count.so_far for row in both.status_rows if row.count] == [1, None]

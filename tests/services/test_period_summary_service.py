"""`follow_ups.period_summary` on the demo: the numbers the report and the overview share."""

from __future__ import annotations

from datetime import date

import pytest

from promises_app.domain.enums import FollowUpStatus, TrafficLight
from promises_app.services import Services
from promises_app.services.errors import ValidationError

SOLNA = "Solna – medborgarlöften 2022"


def test_demo_t2_as_reported(demo_services: Services) -> None:
    agreement_id = demo_services.agreements.find_agreements(SOLNA)[0].id
    summary = demo_services.follow_ups.period_summary(agreement_id, "2022-T2", today=date(2022, 9, 1))
    assert summary.total == 7 and summary.as_of == date(2022, 8, 31)
    assert dict(summary.by_status) == {
        FollowUpStatus.IN_PROGRESS: 4, FollowUpStatus.DONE: 2, FollowUpStatus.PARTLY_DONE: 1,
    }
    assert dict(summary.by_light) == {TrafficLight.GREEN: 5, TrafficLight.YELLOW: 1, TrafficLight.RED: 1}
    assert [m.facts.title for m in summary.overdue] == [
        "Genomföra trygghetsåtgärder i stadsmiljön såsom förbättrad belysning och röjning av buskage"
    ]
    assert summary.moved == ()


def test_a_later_period_does_not_change_an_earlier_one(demo_services: Services) -> None:
    agreement_id = demo_services.agreements.find_agreements(SOLNA)[0].id
    before = demo_services.follow_ups.period_summary(agreement_id, "2022-T2", today=date(2022, 12, 31))
    for measure in demo_services.plan.list_measures(agreement_id):
        demo_services.follow_ups.record(measure.id, period="2022-T3", status="done", light="green",
                                        comment="Klart under hösten.")
    after = demo_services.follow_ups.period_summary(agreement_id, "2022-T2", today=date(2022, 12, 31))
    assert [m.reported for m in after.measures] == [m.reported for m in before.measures]
    assert after.by_status == before.by_status
    t3 = demo_services.follow_ups.period_summary(agreement_id, "2022-T3", today=date(2022, 12, 31))
    assert dict(t3.by_status) == {FollowUpStatus.DONE: 7} and t3.overdue == ()


def test_moved_since_the_first_signing(demo_services: Services) -> None:
    agreement_id = demo_services.agreements.find_agreements(SOLNA)[0].id
    demo_services.signoff.new_revision(agreement_id)
    measure = demo_services.plan.list_measures(agreement_id)[0]
    demo_services.plan.update_measure(measure.id, deadline="2022-11-30")
    summary = demo_services.follow_ups.period_summary(agreement_id, "2022-T2", today=date(2022, 9, 1))
    (moved,) = summary.moved
    assert moved.facts.measure_id == measure.id and moved.deadline_moved
    assert moved.facts.planned is not None and moved.facts.planned.deadline == measure.deadline


def test_a_period_outside_the_agreement_is_refused(demo_services: Services) -> None:
    agreement_id = demo_services.agreements.find_agreements(SOLNA)[0].id
    with pytest.raises(ValidationError) as caught:
        demo_services.follow_ups.period_summary(agreement_id, "2023-T1", today=date(2023, 3, 1))
    assert caught.value.for_field("period") and "2023-T1" in str(caught.value)

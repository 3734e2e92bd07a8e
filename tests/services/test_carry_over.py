"""A new agreement from last year's (services/carry_over.py), on the demo's signed agreements."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from sqlalchemy import event

from promises_app.domain.enums import AgreementKind, AgreementState, FollowUpStatus
from promises_app.services import Services
from promises_app.services.carry_over import suggested_dates, suggested_title
from promises_app.services.errors import NotFoundError, ValidationError
from promises_app.storage import models as m

DEMO_PROMISE = "Solna – medborgarlöften 2022"
DEMO_COOPERATION = "Samverkansöverenskommelse mellan Solna stad och lokalpolisområde Solna 2022–2024"


def _agreement_id(services: Services, title: str) -> int:
    return next(a.id for a in services.agreements.list_agreements() if a.title == title)


def _plan_of(services: Services, agreement_id: int) -> dict[str, Any]:
    """Everything a carry-over could touch on an agreement, as records."""
    return {
        "agreement": services.agreements.get_agreement(agreement_id),
        "parties": services.agreements.list_parties(agreement_id),
        "focus_areas": services.plan.list_focus_areas(agreement_id),
        "promises": services.plan.list_promises(agreement_id),
        "measures": services.plan.list_measures(agreement_id),
        "follow_ups": services.follow_ups.list_for_agreement(agreement_id),
    }


def _create(services: Services, previous_id: int, **overrides: Any) -> Any:
    values = {
        "title": "Solna – medborgarlöften 2023",
        "start": date(2023, 1, 1),
        "end": date(2023, 12, 31),
        "reporting_scheme": "tertial",
    } | overrides
    return services.carry_over.create_from(previous_id, **values)


def test_preview_lists_what_is_copied_and_carries_the_unfinished(demo_services: Services) -> None:
    previous_id = _agreement_id(demo_services, DEMO_PROMISE)
    preview = demo_services.carry_over.preview(previous_id)

    assert preview.agreement.title == DEMO_PROMISE
    assert [p.organisation_name for p in preview.parties] == ["Solna stad", "Lokalpolisområde Solna"]
    assert preview.signatory_count == 2
    assert [f.name for f in preview.focus_areas] == [
        "Hagalund", "Västra skogen", "Ungdomar i riskzonen", "Trafik",
    ]
    assert len(preview.promises) == 1
    assert len(preview.measures) == 7
    for item in preview.measures:
        assert item.latest_period == "2022-T2"
        assert item.carried is (not item.latest_status.is_finished)
    done = [c for c in preview.measures if c.latest_status is FollowUpStatus.DONE]
    assert len(done) == 2 and not any(c.carried for c in done)
    assert len(preview.carried_ids) == 5
    assert (preview.suggested_title, preview.suggested_start, preview.suggested_end) == (
        "Solna – medborgarlöften 2023", date(2023, 1, 1), date(2023, 12, 31),
    )


def test_create_from_copies_the_plan_into_a_draft_and_links_the_carried_measures(
    demo_services: Services,
) -> None:
    services = demo_services
    previous_id = _agreement_id(services, DEMO_PROMISE)
    before = _plan_of(services, previous_id)
    assert before["agreement"].state is AgreementState.SIGNED

    created = _create(services, previous_id)

    # A draft of the same kind, under the same cooperation agreement, with the new title and dates.
    assert created.state is AgreementState.DRAFT and created.revision == 1
    assert created.kind is AgreementKind.CITIZEN_PROMISE
    assert created.parent_id == before["agreement"].parent_id is not None
    assert (created.title, created.start_date, created.end_date) == (
        "Solna – medborgarlöften 2023", date(2023, 1, 1), date(2023, 12, 31),
    )
    assert created.case_number == "" and created.signing_date is None
    assert [g.text for g in created.goals] == [g.text for g in before["agreement"].goals]
    assert created.introduction == before["agreement"].introduction

    new = _plan_of(services, created.id)
    # Parties: the same organisations in the same order, each with the same signatories.
    assert [(p.organisation_id, p.position) for p in new["parties"]] == [
        (p.organisation_id, p.position) for p in before["parties"]
    ]
    assert [[s.person_id for s in p.signatories] for p in new["parties"]] == [
        [s.person_id for s in p.signatories] for p in before["parties"]
    ]
    assert {p.id for p in new["parties"]}.isdisjoint({p.id for p in before["parties"]})
    assert [(f.name, f.description) for f in new["focus_areas"]] == [
        (f.name, f.description) for f in before["focus_areas"]
    ]
    assert [(p.text, p.description, p.maker_ids) for p in new["promises"]] == [
        (p.text, p.description, p.maker_ids) for p in before["promises"]
    ]

    # The unfinished measures, linked to last year's, with their fields but without dates.
    old_by_id = {x.id: x for x in before["measures"]}
    preview = services.carry_over.preview(previous_id)
    assert {x.previous_measure_id for x in new["measures"]} == set(preview.carried_ids)
    finished = {c.measure.id for c in preview.measures if c.latest_status and c.latest_status.is_finished}
    assert finished and finished.isdisjoint({x.previous_measure_id for x in new["measures"]})
    new_areas = {f.id: f.name for f in new["focus_areas"]}
    for measure in new["measures"]:
        old = old_by_id[measure.previous_measure_id]
        assert measure.agreement_id == created.id
        assert measure.promise_id == new["promises"][0].id
        for field in ("title", "description", "cause", "responsible_id", "contact_id", "participant_ids",
                      "focus_area_name", "target_count", "target_unit"):
            assert getattr(measure, field) == getattr(old, field), field
        assert new_areas[measure.focus_area_id] == old.focus_area_name
        assert measure.start_date is None and measure.deadline is None
    assert [x.position for x in new["measures"]] == list(range(len(new["measures"])))
    assert [x.previous_measure_id for x in new["measures"]] == [
        x.id for x in before["measures"] if x.id in preview.carried_ids
    ]
    assert new["follow_ups"] == []

    # The signed previous agreement is untouched, and the change log and signatures still verify.
    assert _plan_of(services, previous_id) == before
    result = services.maintenance.verify_database()
    assert result.ok, result.problems
    assert services.maintenance.check().ok


def test_chosen_measures_are_carried_even_a_done_one(demo_services: Services) -> None:
    previous_id = _agreement_id(demo_services, DEMO_PROMISE)
    preview = demo_services.carry_over.preview(previous_id)
    done = next(c.measure.id for c in preview.measures if c.latest_status is FollowUpStatus.DONE)
    unfinished = sorted(preview.carried_ids)[0]

    created = _create(demo_services, previous_id, carried_measure_ids={done, unfinished})

    carried = [x.previous_measure_id for x in demo_services.plan.list_measures(created.id)]
    assert sorted(carried) == sorted([done, unfinished])
    empty = _create(demo_services, previous_id, title="Utan åtgärder", carried_measure_ids=set())
    assert demo_services.plan.list_measures(empty.id) == []
    assert len(demo_services.plan.list_promises(empty.id)) == 1


def test_a_cooperation_agreement_is_copied_without_its_documents(demo_services: Services) -> None:
    previous_id = _agreement_id(demo_services, DEMO_COOPERATION)
    preview = demo_services.carry_over.preview(previous_id)
    assert (preview.suggested_start, preview.suggested_end) == (date(2025, 1, 1), date(2027, 12, 31))
    assert preview.suggested_title.endswith("Solna 2025–2027")

    created = demo_services.carry_over.create_from(
        previous_id, title=preview.suggested_title, start=preview.suggested_start,
        end=preview.suggested_end, reporting_scheme="year",
    )
    assert created.kind is AgreementKind.COOPERATION_AGREEMENT and created.parent_id is None
    assert len(demo_services.agreements.list_parties(created.id)) == 2
    children = [a for a in demo_services.agreements.list_agreements() if a.parent_id == created.id]
    assert children == []


@pytest.mark.parametrize(
    ("overrides", "fields"),
    [
        ({"title": "  "}, {"title"}),
        ({"title": "x" * 400}, {"title"}),
        ({"start": date(2023, 6, 1), "end": date(2023, 1, 1)}, {"end_date"}),
        ({"start": None}, {"start_date"}),
        ({"start": "inte ett datum"}, {"start_date"}),
        ({"reporting_scheme": "weekly"}, {"reporting_scheme"}),
        ({"title": "", "carried_measure_ids": {999_999}}, {"title", "carried_measure_ids"}),
    ],
)
def test_validation_names_the_field_and_writes_nothing(
    demo_services: Services, counts: Callable[[], dict[str, int]], overrides: dict[str, Any], fields: set[str]
) -> None:
    previous_id = _agreement_id(demo_services, DEMO_PROMISE)
    before = counts()
    with pytest.raises(ValidationError) as caught:
        _create(demo_services, previous_id, **overrides)
    assert {e.field for e in caught.value.errors} == fields
    assert counts() == before
    if "carried_measure_ids" not in overrides:
        check_values = {"title": "T", "start": date(2023, 1, 1), "end": date(2023, 12, 31),
                        "reporting_scheme": "tertial"} | overrides
        with pytest.raises(ValidationError) as checked:
            demo_services.carry_over.check_new(previous_id, **check_values)
        assert {e.field for e in checked.value.errors} == fields


def test_a_measure_of_another_agreement_is_not_carried(demo_services: Services) -> None:
    previous_id = _agreement_id(demo_services, DEMO_PROMISE)
    other = next(
        x.id
        for a in demo_services.agreements.list_agreements() if a.id != previous_id
        for x in demo_services.plan.list_measures(a.id)
    )
    with pytest.raises(ValidationError) as caught:
        _create(demo_services, previous_id, carried_measure_ids={other})
    assert caught.value.for_field("carried_measure_ids")


def test_unknown_previous_agreement(demo_services: Services) -> None:
    with pytest.raises(NotFoundError):
        demo_services.carry_over.preview(999_999)
    with pytest.raises(NotFoundError):
        _create(demo_services, 999_999)


def test_creating_is_one_transaction(demo_services: Services, snapshot: Callable[[], Any]) -> None:
    """A failure at the last carried measure (after the agreement, parties and promises) leaves nothing."""
    previous_id = _agreement_id(demo_services, DEMO_PROMISE)
    before = snapshot()
    inserted: list[int] = []

    def fail(*_: Any) -> None:
        inserted.append(1)
        if len(inserted) == 5:
            raise RuntimeError("disk full")

    event.listen(m.Measure, "after_insert", fail)
    try:
        with pytest.raises(RuntimeError, match="disk full"):
            _create(demo_services, previous_id)
    finally:
        event.remove(m.Measure, "after_insert", fail)
    assert snapshot() == before
    assert demo_services.maintenance.verify_database().ok


def test_lineage_follows_the_links_back_with_the_follow_ups(demo_services: Services) -> None:
    services = demo_services
    first_id = _agreement_id(services, DEMO_PROMISE)
    second = _create(services, first_id)
    walk = next(x for x in services.plan.list_measures(second.id) if "trygghetsvandringar" in x.title)
    services.follow_ups.record(walk.id, period="2023-T1", status="in_progress", comment="Två av fyra")
    third = _create(services, second.id, title="Solna – medborgarlöften 2024",
                    start=date(2024, 1, 1), end=date(2024, 12, 31))
    latest = next(x for x in services.plan.list_measures(third.id) if x.previous_measure_id == walk.id)

    lineage = services.carry_over.measure_lineage(latest.id)

    assert [e.agreement_title for e in lineage] == ["Solna – medborgarlöften 2023", DEMO_PROMISE]
    assert [e.measure.id for e in lineage] == [walk.id, walk.previous_measure_id]
    assert [(f.period, f.comment) for f in lineage[0].follow_ups] == [("2023-T1", "Två av fyra")]
    assert [f.period for f in lineage[1].follow_ups] == ["2022-T1", "2022-T2"]
    assert lineage[1].agreement_start == date(2022, 1, 1)
    assert services.carry_over.measure_lineage(walk.previous_measure_id) == []

    # A deleted earlier agreement ends the chain (the link is set to nothing).
    services.agreements.delete_agreement(second.id)
    assert services.carry_over.measure_lineage(latest.id) == []
    with pytest.raises(NotFoundError):
        services.carry_over.measure_lineage(walk.id)


def test_undoing_by_deleting_the_new_draft_keeps_the_log_sound(demo_services: Services) -> None:
    previous_id = _agreement_id(demo_services, DEMO_PROMISE)
    created = _create(demo_services, previous_id)
    demo_services.agreements.delete_agreement(created.id)
    again = _create(demo_services, previous_id)
    assert len(demo_services.plan.list_measures(again.id)) == 5
    assert [a.title for a in demo_services.agreements.list_agreements()].count(created.title) == 1
    assert demo_services.maintenance.verify_database().ok


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (date(2022, 1, 1), date(2022, 12, 31), (date(2023, 1, 1), date(2023, 12, 31))),
        (date(2018, 1, 1), date(2022, 12, 31), (date(2023, 1, 1), date(2027, 12, 31))),
        (date(2022, 7, 1), date(2023, 6, 30), (date(2023, 7, 1), date(2024, 6, 30))),
        (date(2022, 3, 1), date(2022, 5, 31), (date(2022, 6, 1), date(2023, 5, 31))),
        (date(2023, 2, 1), date(2024, 2, 28), (date(2024, 2, 29), date(2025, 2, 27))),
    ],
)
def test_suggested_dates(start: date, end: date, expected: tuple[date, date]) -> None:
    assert suggested_dates(start, end) == expected


@pytest.mark.parametrize(
    ("title", "last_year", "expected"),
    [
        ("Solna – medborgarlöften 2022", 2022, "Solna – medborgarlöften 2023"),
        ("Samverkan 2022–2024", 2024, "Samverkan 2025–2027"),
        ("Medborgarlöften", 2022, "Medborgarlöften"),
        ("Diarienr 120223 år 2022", 2022, "Diarienr 120223 år 2023"),
    ],
)
def test_suggested_title(title: str, last_year: int, expected: str) -> None:
    start, end = date(2022, 1, 1), date(last_year, 12, 31)
    new_start, new_end = suggested_dates(start, end)
    assert suggested_title(title, start, end, new_start, new_end) == expected

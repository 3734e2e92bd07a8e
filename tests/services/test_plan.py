"""The plan: focus areas, promises, measures and occurrences."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from sqlalchemy import event

from promises_app.services import Services
from promises_app.services.errors import ConflictError, NotFoundError, ValidationError
from promises_app.storage import models as m


@dataclass
class Plan:
    agreement: Any
    municipality: Any
    police: Any
    housing: Any
    outsider: Any
    promise: Any


@pytest.fixture
def plan(services: Services) -> Plan:
    reg, agr = services.register, services.agreements
    municipality = reg.create_organisation(name="Exempelstads kommun", kind="municipality")
    police = reg.create_organisation(name="LPO Exempelstad", kind="police")
    housing = reg.create_organisation(name="Exempelhem", kind="housing_company")
    outsider = reg.create_organisation(name="Kustbevakningen", kind="other")
    agreement = agr.create_agreement(
        kind="citizen_promise",
        title="Exempelstad – medborgarlöften 2022",
        start_date="2022-01-01",
        end_date="2022-12-31",
        reporting_scheme="tertial",
    )
    for org in (municipality, police, housing):
        agr.add_party(agreement.id, organisation_id=org.id)
    promise = services.plan.create_promise(
        agreement.id, text="öka tryggheten", maker_ids=[police.id, municipality.id]
    )
    return Plan(agreement, municipality, police, housing, outsider, promise)


# --- focus areas ------------------------------------------------------------------------------
def test_focus_area_crud_and_order(services: Services, plan: Plan) -> None:
    p = services.plan
    a = p.create_focus_area(plan.agreement.id, name=" Hagalund ", description="Ett område\r\nmed två rader")
    b = p.create_focus_area(plan.agreement.id, name="Ungdomar i riskzonen")
    c = p.create_focus_area(plan.agreement.id, name="Trafik")
    assert (a.name, a.description, a.position) == ("Hagalund", "Ett område\nmed två rader", 0)
    assert [f.position for f in (a, b, c)] == [0, 1, 2]

    p.move_focus_area(c.id, 0)
    assert [f.name for f in p.list_focus_areas(plan.agreement.id)] == ["Trafik", "Hagalund", "Ungdomar i riskzonen"]

    fresh = next(f for f in p.list_focus_areas(plan.agreement.id) if f.id == a.id)
    updated = p.update_focus_area(a.id, expected_version=fresh.version, name="Hagalund centrum")
    assert updated.name == "Hagalund centrum" and updated.version == fresh.version + 1
    with pytest.raises(ConflictError):
        p.update_focus_area(a.id, expected_version=fresh.version, name="Gammal")

    p.delete_focus_area(c.id)
    listed = p.list_focus_areas(plan.agreement.id)
    assert [(f.name, f.position) for f in listed] == [("Hagalund centrum", 0), ("Ungdomar i riskzonen", 1)]


def test_focus_area_validation(services: Services, plan: Plan, snapshot: Callable[[], Any]) -> None:
    area = services.plan.create_focus_area(plan.agreement.id, name="Hagalund")
    before = snapshot()
    for changes, field in [({"name": ""}, "name"), ({"name": "x" * 201}, "name"),
                           ({"description": "a\u2069b"}, "description")]:
        with pytest.raises(ValidationError) as caught:
            services.plan.create_focus_area(plan.agreement.id, **({"name": "Ny"} | changes))
        assert caught.value.for_field(field)
        with pytest.raises(ValidationError) as caught:
            services.plan.update_focus_area(area.id, **changes)
        assert caught.value.for_field(field)
    assert snapshot() == before


def test_deleting_a_focus_area_keeps_its_measures(services: Services, plan: Plan) -> None:
    area = services.plan.create_focus_area(plan.agreement.id, name="Hagalund")
    measure = services.plan.create_measure(promise_id=plan.promise.id, title="Trygghetsvandring", focus_area_id=area.id)
    assert services.plan.get_measure(measure.id).focus_area_name == "Hagalund"
    services.plan.delete_focus_area(area.id)
    kept = services.plan.get_measure(measure.id)
    assert (kept.focus_area_id, kept.focus_area_name, kept.title) == (None, "", "Trygghetsvandring")
    assert services.maintenance.check().ok


# --- promises ---------------------------------------------------------------------------------
def test_promise_crud(services: Services, plan: Plan) -> None:
    p = services.plan
    assert plan.promise.maker_names == ("LPO Exempelstad", "Exempelstads kommun")
    second = p.create_promise(plan.agreement.id, text="minska narkotikahandeln", maker_ids=[plan.police.id],
                              description="Mer text")
    assert second.position == 1
    assert [x.text for x in p.list_promises(plan.agreement.id)] == ["öka tryggheten", "minska narkotikahandeln"]

    updated = p.update_promise(second.id, expected_version=second.version,
                               maker_ids=[plan.housing.id, plan.police.id])
    assert updated.maker_ids == (plan.housing.id, plan.police.id)
    assert updated.version == second.version + 1
    text_only = p.update_promise(second.id, expected_version=updated.version, text="bekämpa narkotikahandeln")
    assert text_only.maker_ids == updated.maker_ids and text_only.text == "bekämpa narkotikahandeln"

    p.move_promise(second.id, 0)
    assert [x.text for x in p.list_promises(plan.agreement.id)] == ["bekämpa narkotikahandeln", "öka tryggheten"]

    p.delete_promise(second.id)
    listed = p.list_promises(plan.agreement.id)
    assert [(x.text, x.position) for x in listed] == [("öka tryggheten", 0)]


def test_promise_makers_must_be_parties(services: Services, plan: Plan, snapshot: Callable[[], Any]) -> None:
    before = snapshot()
    with pytest.raises(ValidationError) as caught:
        services.plan.create_promise(plan.agreement.id, text="lova", maker_ids=[plan.outsider.id])
    assert caught.value.for_field("maker_ids")
    with pytest.raises(ValidationError) as caught:
        services.plan.create_promise(plan.agreement.id, text="lova", maker_ids=[])
    assert caught.value.for_field("maker_ids")
    with pytest.raises(ValidationError) as caught:
        services.plan.update_promise(plan.promise.id, maker_ids=[plan.police.id, plan.outsider.id])
    assert caught.value.for_field("maker_ids")
    with pytest.raises(ValidationError) as caught:
        services.plan.update_promise(plan.promise.id, text=" ")
    assert caught.value.for_field("text")
    assert snapshot() == before


def test_stale_promise_update_conflicts(services: Services, plan: Plan, snapshot: Callable[[], Any]) -> None:
    services.plan.update_promise(plan.promise.id, text="ny")
    before = snapshot()
    with pytest.raises(ConflictError):
        services.plan.update_promise(plan.promise.id, expected_version=plan.promise.version,
                                     maker_ids=[plan.police.id])
    assert snapshot() == before


def _promise_with_history(services: Services, plan: Plan) -> list[Any]:
    measures = [
        services.plan.create_measure(promise_id=plan.promise.id, title=f"Åtgärd {i}",
                                     responsible_id=plan.police.id, participant_ids=[plan.housing.id],
                                     target_count=4, target_unit="vandringar")
        for i in range(3)
    ]
    for measure in measures:
        services.plan.add_occurrence(measure.id, occurred_on="2022-03-01", place="Hagalund")
        for period in ("2022-T1", "2022-T2"):
            services.follow_ups.record(measure.id, period=period, status="in_progress", count_achieved=1)
    return measures


def test_deleting_a_promise_deletes_its_measures_and_follow_ups(
    services: Services, plan: Plan, counts: Callable[[], dict[str, int]]
) -> None:
    other = services.plan.create_promise(plan.agreement.id, text="annat", maker_ids=[plan.municipality.id])
    kept = services.plan.create_measure(promise_id=other.id, title="Blir kvar")
    services.follow_ups.record(kept.id, period="2022-T1", status="done")
    _promise_with_history(services, plan)
    assert services.maintenance.check().follow_ups == 7

    services.plan.delete_promise(plan.promise.id)

    result = services.maintenance.check()
    assert result.ok, result.problems
    assert (result.measures, result.follow_ups) == (1, 1)
    assert [x.title for x in services.plan.list_measures(plan.agreement.id)] == ["Blir kvar"]
    rows = counts()
    assert rows["occurrences"] == 0
    assert rows["measure_participants"] == 0
    assert rows["promise_makers"] == 1
    assert services.plan.list_promises(plan.agreement.id)[0].position == 0


def test_deleting_a_promise_is_one_transaction(
    services: Services, plan: Plan, snapshot: Callable[[], Any]
) -> None:
    """A failure at the very end (after measures and follow-ups are gone) undoes everything."""
    _promise_with_history(services, plan)
    before = snapshot()

    def fail(*_: Any) -> None:
        raise RuntimeError("disk full")

    event.listen(m.Promise, "after_delete", fail)
    try:
        with pytest.raises(RuntimeError, match="disk full"):
            services.plan.delete_promise(plan.promise.id)
    finally:
        event.remove(m.Promise, "after_delete", fail)
    assert snapshot() == before


# --- measures ---------------------------------------------------------------------------------
def test_measure_crud(services: Services, plan: Plan) -> None:
    contact = services.register.create_person(name="Kim Kontakt", organisation_id=plan.police.id)
    area = services.plan.create_focus_area(plan.agreement.id, name="Hagalund")
    created = services.plan.create_measure(
        promise_id=plan.promise.id,
        title=" Genomföra fyra trygghetsvandringar ",
        description="Tillsammans med bostadsbolaget",
        cause="Otrygghet kvällstid",
        responsible_id=plan.municipality.id,
        contact_id=contact.id,
        participant_ids=[plan.police.id, plan.housing.id, plan.police.id],
        focus_area_id=area.id,
        start_date="2022-03-01",
        deadline=date(2022, 12, 31),
        target_count=4,
        target_unit="trygghetsvandringar",
    )
    assert created.title == "Genomföra fyra trygghetsvandringar"
    assert created.agreement_id == plan.agreement.id
    assert created.participant_ids == (plan.police.id, plan.housing.id)  # repeats dropped, order kept
    assert created.participant_names == ("LPO Exempelstad", "Exempelhem")
    assert (created.responsible_name, created.contact_name, created.focus_area_name) == (
        "Exempelstads kommun", "Kim Kontakt", "Hagalund",
    )
    assert (created.start_date, created.deadline) == (date(2022, 3, 1), date(2022, 12, 31))
    assert services.plan.get_measure(created.id) == created

    updated = services.plan.update_measure(
        created.id, expected_version=created.version, participant_ids=[plan.housing.id], target_count=5
    )
    assert updated.participant_ids == (plan.housing.id,)
    assert updated.target_count == 5
    assert updated.version == created.version + 1
    cleared = services.plan.update_measure(created.id, target_count=None, target_unit="")
    assert (cleared.target_count, cleared.target_unit) == (None, "")

    second = services.plan.create_measure(promise_id=plan.promise.id, title="Andra")
    services.plan.move_measure(second.id, 0)
    assert [x.title for x in services.plan.list_measures(plan.agreement.id)] == [
        "Andra", "Genomföra fyra trygghetsvandringar",
    ]

    services.plan.delete_measure(second.id)
    listed = services.plan.list_measures(plan.agreement.id)
    assert [(x.title, x.position) for x in listed] == [("Genomföra fyra trygghetsvandringar", 0)]
    with pytest.raises(NotFoundError):
        services.plan.get_measure(second.id)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": ""}, "title"),
        ({"title": "x" * 301}, "title"),
        ({"title": "Vandring\u202a"}, "title"),
        ({"cause": "orsak\x00"}, "cause"),
        ({"target_count": 4}, "target_unit"),  # a count needs a unit
        ({"target_unit": "vandringar"}, "target_count"),  # and a unit a count
        ({"target_count": 0, "target_unit": "st"}, "target_count"),
        ({"target_count": -3, "target_unit": "st"}, "target_count"),
        ({"target_count": "fyra", "target_unit": "st"}, "target_count"),
        ({"target_count": True, "target_unit": "st"}, "target_count"),
        ({"start_date": "2022-06-01", "deadline": "2022-05-31"}, "deadline"),
        ({"start_date": "2021-12-31"}, "start_date"),  # before the agreement
        ({"deadline": "2023-01-01"}, "deadline"),  # after it
        ({"deadline": "2022-13-01"}, "deadline"),
        ({"responsible_id": "outsider"}, "responsible_id"),
        ({"participant_ids": ["outsider"]}, "participant_ids"),
        ({"contact_id": 99999}, "contact_id"),
        ({"focus_area_id": 99999}, "focus_area_id"),
    ],
)
def test_measure_validation(
    services: Services, plan: Plan, snapshot: Callable[[], Any], changes: dict[str, Any], field: str
) -> None:
    changes = {
        k: (plan.outsider.id if v == "outsider" else [plan.outsider.id] if v == ["outsider"] else v)
        for k, v in changes.items()
    }
    existing = services.plan.create_measure(promise_id=plan.promise.id, title="Befintlig")
    before = snapshot()
    with pytest.raises(ValidationError) as caught:
        services.plan.create_measure(**({"promise_id": plan.promise.id, "title": "Ny"} | changes))
    assert caught.value.for_field(field), caught.value.errors
    with pytest.raises(ValidationError) as caught:
        services.plan.update_measure(existing.id, **changes)
    assert caught.value.for_field(field), caught.value.errors
    assert snapshot() == before


def test_validation_reports_every_field_at_once(services: Services, plan: Plan) -> None:
    with pytest.raises(ValidationError) as caught:
        services.plan.create_measure(promise_id=plan.promise.id, title="", target_count=3,
                                     start_date="2022-05-01", deadline="2022-04-01")
    assert {e.field for e in caught.value.errors} == {"title", "target_unit", "deadline"}


def test_focus_area_of_another_agreement_refused(services: Services, plan: Plan) -> None:
    other = services.agreements.create_agreement(kind="citizen_promise", title="Annat", start_date="2022-01-01",
                                                 end_date="2022-12-31", reporting_scheme="year")
    foreign_area = services.plan.create_focus_area(other.id, name="Annanstans")
    with pytest.raises(ValidationError) as caught:
        services.plan.create_measure(promise_id=plan.promise.id, title="x", focus_area_id=foreign_area.id)
    assert caught.value.for_field("focus_area_id")


def test_dates_outside_the_agreement_when_confirmed(services: Services, plan: Plan) -> None:
    measure = services.plan.create_measure(
        promise_id=plan.promise.id, title="Förarbete", start_date="2021-11-01", deadline="2023-02-28",
        allow_outside_agreement=True,
    )
    assert (measure.start_date, measure.deadline) == (date(2021, 11, 1), date(2023, 2, 28))
    # Dates must still be in order.
    with pytest.raises(ValidationError) as caught:
        services.plan.update_measure(measure.id, deadline="2021-10-01", allow_outside_agreement=True)
    assert caught.value.for_field("deadline")
    # Editing another field without confirming again is refused while the dates lie outside.
    with pytest.raises(ValidationError) as caught:
        services.plan.update_measure(measure.id, title="Förarbete 2")
    assert caught.value.for_field("start_date") and caught.value.for_field("deadline")


def test_moving_a_measure_to_another_promise(services: Services, plan: Plan) -> None:
    other = services.plan.create_promise(plan.agreement.id, text="annat", maker_ids=[plan.municipality.id])
    services.plan.create_measure(promise_id=other.id, title="Redan där")
    measure = services.plan.create_measure(promise_id=plan.promise.id, title="Flyttas")
    services.follow_ups.record(measure.id, period="2022-T1", status="in_progress")

    moved = services.plan.update_measure(measure.id, expected_version=measure.version, promise_id=other.id)

    assert moved.promise_id == other.id
    assert moved.position == 1  # at the end of its new promise
    assert [x.title for x in services.plan.list_measures(plan.agreement.id)] == ["Redan där", "Flyttas"]
    assert [f.period for f in services.follow_ups.list_for_measure(measure.id)] == ["2022-T1"]


def test_measure_cannot_move_to_a_promise_of_another_agreement(
    services: Services, plan: Plan, snapshot: Callable[[], Any]
) -> None:
    other_agreement = services.agreements.create_agreement(
        kind="citizen_promise", title="Annat", start_date="2022-01-01", end_date="2022-12-31",
        reporting_scheme="year",
    )
    services.agreements.add_party(other_agreement.id, organisation_id=plan.police.id)
    foreign = services.plan.create_promise(other_agreement.id, text="annat", maker_ids=[plan.police.id])
    measure = services.plan.create_measure(promise_id=plan.promise.id, title="Stannar")
    before = snapshot()
    with pytest.raises(ValidationError) as caught:
        services.plan.update_measure(measure.id, promise_id=foreign.id)
    assert caught.value.for_field("promise_id")
    with pytest.raises(ValidationError) as caught:
        services.plan.update_measure(measure.id, promise_id=99999)
    assert caught.value.for_field("promise_id")
    assert snapshot() == before


def test_stale_measure_update_conflicts(services: Services, plan: Plan, snapshot: Callable[[], Any]) -> None:
    measure = services.plan.create_measure(promise_id=plan.promise.id, title="Åtgärd")
    services.plan.update_measure(measure.id, title="Ändrad av någon annan")
    before = snapshot()
    with pytest.raises(ConflictError):
        services.plan.update_measure(measure.id, expected_version=measure.version, title="Min ändring")
    with pytest.raises(ConflictError):
        services.plan.update_measure(measure.id, expected_version=measure.version,
                                     participant_ids=[plan.police.id])
    assert snapshot() == before


def test_unknown_measure_field_refused(services: Services, plan: Plan) -> None:
    measure = services.plan.create_measure(promise_id=plan.promise.id, title="Åtgärd")
    with pytest.raises(TypeError):
        services.plan.update_measure(measure.id, colour="blue")


# --- occurrences ------------------------------------------------------------------------------
def test_occurrences(services: Services, plan: Plan, snapshot: Callable[[], Any]) -> None:
    measure = services.plan.create_measure(promise_id=plan.promise.id, title="Fyra vandringar",
                                           target_count=4, target_unit="trygghetsvandringar")
    late = services.plan.add_occurrence(measure.id, occurred_on="2022-09-14", place="Västra skogen")
    early = services.plan.add_occurrence(measure.id, occurred_on=date(2022, 4, 2), place=" Hagalund ",
                                         note="20 deltagare\r\nbra väder")
    assert (early.place, early.note) == ("Hagalund", "20 deltagare\nbra väder")
    assert [o.id for o in services.plan.list_occurrences(measure.id)] == [early.id, late.id]  # by date

    changed = services.plan.update_occurrence(late.id, expected_version=late.version, occurred_on="2022-03-01")
    assert changed.occurred_on == date(2022, 3, 1)
    assert [o.id for o in services.plan.list_occurrences(measure.id)] == [late.id, early.id]

    before = snapshot()
    with pytest.raises(ConflictError):
        services.plan.update_occurrence(late.id, expected_version=late.version, place="x")
    for changes, field in [({"occurred_on": ""}, "occurred_on"), ({"occurred_on": "14/9"}, "occurred_on"),
                           ({"place": "x" * 201}, "place"), ({"note": "a\x08"}, "note")]:
        with pytest.raises(ValidationError) as caught:
            services.plan.update_occurrence(late.id, **changes)
        assert caught.value.for_field(field)
    with pytest.raises(ValidationError) as caught:
        services.plan.add_occurrence(measure.id, occurred_on=None)
    assert caught.value.for_field("occurred_on")
    assert snapshot() == before

    services.plan.delete_occurrence(early.id)
    assert [o.id for o in services.plan.list_occurrences(measure.id)] == [late.id]

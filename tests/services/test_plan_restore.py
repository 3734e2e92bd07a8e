"""Undo of the plan's deletes: what delete_* returns puts the rows back as they were."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest

from promises_app.services import Services
from promises_app.services.errors import SignedRecordError


@dataclass
class Draft:
    agreement: Any
    municipality: Any
    police: Any
    first: Any
    second: Any


@pytest.fixture
def draft(services: Services) -> Draft:
    reg, agr, plan = services.register, services.agreements, services.plan
    municipality = reg.create_organisation(name="Exempelstads kommun", kind="municipality")
    police = reg.create_organisation(name="LPO Exempelstad", kind="police")
    agreement = agr.create_agreement(
        kind="citizen_promise", title="Exempelstad 2022", start_date="2022-01-01", end_date="2022-12-31",
        reporting_scheme="tertial",
    )
    for org in (municipality, police):
        agr.add_party(agreement.id, organisation_id=org.id)
    first = plan.create_promise(agreement.id, text="öka tryggheten", maker_ids=[police.id, municipality.id])
    second = plan.create_promise(agreement.id, text="minska skadegörelsen", maker_ids=[municipality.id])
    return Draft(agreement, municipality, police, first, second)


def _plan_state(services: Services, agreement_id: int) -> tuple[Any, ...]:
    """Everything a person sees of the plan (no versions: a restored row starts at 1 again)."""
    plan = services.plan

    def strip(record: Any) -> dict[str, Any]:
        return {k: v for k, v in vars(record).items() if k != "version"}

    measures = plan.list_measures(agreement_id)
    return (
        [strip(p) for p in plan.list_promises(agreement_id)],
        [strip(x) for x in measures],
        [strip(f) for f in plan.list_focus_areas(agreement_id)],
        {x.id: [strip(o) for o in plan.list_occurrences(x.id)] for x in measures},
        sorted((strip(f) for f in services.follow_ups.list_for_agreement(agreement_id)), key=lambda f: f["id"]),
    )


def test_a_deleted_promise_comes_back_with_its_measures_occurrences_and_follow_ups(
    services: Services, draft: Draft
) -> None:
    plan = services.plan
    area = plan.create_focus_area(draft.agreement.id, name="Hagalund")
    walks = plan.create_measure(
        promise_id=draft.first.id, title="Trygghetsvandringar", responsible_id=draft.municipality.id,
        participant_ids=[draft.police.id], focus_area_id=area.id, deadline=date(2022, 12, 31),
        target_count=4, target_unit="trygghetsvandringar",
    )
    patrol = plan.create_measure(promise_id=draft.first.id, title="Fotpatrullering", responsible_id=draft.police.id)
    plan.create_measure(promise_id=draft.second.id, title="Klottersanering")
    plan.add_occurrence(walks.id, occurred_on="2022-03-02", place="Hagalund", note="Tolv deltog")
    services.follow_ups.record(walks.id, period="2022-T1", status="in_progress", light="green", comment="Bra start")
    walk = services.walks.create_walk(draft.agreement.id, walked_on=date(2022, 3, 2), place="Hagalund")
    finding = services.walks.add_finding(walk.id, text="Mörk gångväg")
    services.walks.turn_finding_into_measure(finding.id, promise_id=draft.first.id, title="Belysning")
    before = _plan_state(services, draft.agreement.id)

    backup = plan.delete_promise(draft.first.id)
    assert [p.text for p in plan.list_promises(draft.agreement.id)] == ["minska skadegörelsen"]
    assert services.follow_ups.list_for_agreement(draft.agreement.id) == []
    assert len(backup.measures) == 3

    restored, ids = plan.restore_promise(backup)
    assert restored.id == draft.first.id and ids[("measure", patrol.id)] == patrol.id
    assert _plan_state(services, draft.agreement.id) == before
    linked = services.walks.list_walks(draft.agreement.id)[0].findings[0]
    assert linked.measure_title == "Belysning", "the finding is linked to its measure again"


def test_a_deleted_measure_comes_back_at_its_place(services: Services, draft: Draft) -> None:
    plan = services.plan
    titles = ["Ett", "Två", "Tre"]
    made = [plan.create_measure(promise_id=draft.first.id, title=t) for t in titles]
    plan.add_occurrence(made[1].id, occurred_on="2022-02-01")
    before = _plan_state(services, draft.agreement.id)
    backup = plan.delete_measure(made[1].id)
    assert [x.title for x in plan.list_measures(draft.agreement.id)] == ["Ett", "Tre"]
    record, _ids = plan.restore_measure(backup)
    assert record.position == 1
    assert _plan_state(services, draft.agreement.id) == before


def test_a_restore_takes_a_new_id_when_the_old_one_is_taken(services: Services, draft: Draft) -> None:
    plan = services.plan
    measure = plan.create_measure(promise_id=draft.second.id, title="Klottersanering")
    backup = plan.delete_measure(measure.id)
    other = plan.create_measure(promise_id=draft.second.id, title="Annan")  # SQLite hands out the same id
    restored, ids = plan.restore_measure(backup)
    assert restored.id != other.id and ids[("measure", measure.id)] == restored.id
    assert [x.title for x in plan.list_measures(draft.agreement.id)] == ["Klottersanering", "Annan"]


def test_focus_area_and_occurrence_restores(services: Services, draft: Draft) -> None:
    plan = services.plan
    a = plan.create_focus_area(draft.agreement.id, name="A")
    b = plan.create_focus_area(draft.agreement.id, name="B")
    measure = plan.create_measure(promise_id=draft.first.id, title="X", focus_area_id=a.id)
    occurrence = plan.add_occurrence(measure.id, occurred_on="2022-05-05", note="n")
    before = _plan_state(services, draft.agreement.id)

    backup = plan.delete_focus_area(a.id)
    assert plan.get_measure(measure.id).focus_area_id is None
    plan.restore_focus_area(backup)
    gone = plan.delete_occurrence(occurrence.id)
    plan.restore_occurrence(gone)
    assert _plan_state(services, draft.agreement.id) == before
    assert [f.name for f in plan.list_focus_areas(draft.agreement.id)] == ["A", "B"] and b.position == 1


def test_a_restore_into_a_signed_agreement_is_refused(services: Services, draft: Draft) -> None:
    from promises_app.reports.agreement_document import sign_agreement

    backup = services.plan.delete_promise(draft.second.id)
    for party in services.agreements.list_parties(draft.agreement.id):
        person = services.register.create_person(name=f"Undertecknare {party.id}", organisation_id=party.organisation_id)
        services.agreements.add_signatory(party.id, person_id=person.id)
    sign_agreement(services, draft.agreement.id, place="Exempelstad", signed_on="2022-01-10")
    with pytest.raises(SignedRecordError):
        services.plan.restore_promise(backup)
    assert [p.text for p in services.plan.list_promises(draft.agreement.id)] == ["öka tryggheten"]

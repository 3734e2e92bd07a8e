"""The lägesbild's sources, safety walks and their findings, and turning a finding into a measure."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest

from promises_app.services import Services
from promises_app.services.errors import ConflictError, NotFoundError, SignedRecordError, ValidationError

SOLNA = "Solna – medborgarlöften 2022"


@dataclass
class Draft:
    agreement: Any
    police: Any
    promise: Any


def _draft(services: Services, title: str = "Exempelstad – medborgarlöften 2023") -> Draft:
    reg, agr = services.register, services.agreements
    municipality = reg.create_organisation(name=f"Kommunen ({title})", kind="municipality")
    police = reg.create_organisation(name=f"Polisen ({title})", kind="police")
    agreement = agr.create_agreement(
        kind="citizen_promise", title=title, start_date="2023-01-01", end_date="2023-12-31",
        reporting_scheme="tertial",
    )
    for org in (municipality, police):
        agr.add_party(agreement.id, organisation_id=org.id)
    promise = services.plan.create_promise(agreement.id, text="öka tryggheten i centrum", maker_ids=[police.id])
    return Draft(agreement, police, promise)


@pytest.fixture
def draft(services: Services) -> Draft:
    return _draft(services)


# --- sources ----------------------------------------------------------------------------------
def test_sources_of_the_situational_picture(services: Services, draft: Draft, snapshot: Callable[[], Any]) -> None:
    walks = services.walks
    a = walks.add_source(draft.agreement.id, text=" Polisens trygghetsmätning 2021 ")
    b = walks.add_source(draft.agreement.id, text="Anmälda brott 2019–2021")
    c = walks.add_source(draft.agreement.id, text="Medborgardialog i Hagalund")
    assert (a.text, [s.position for s in (a, b, c)]) == ("Polisens trygghetsmätning 2021", [0, 1, 2])
    walks.move_source(c.id, 0)
    assert [s.text for s in walks.list_sources(draft.agreement.id)] == [
        "Medborgardialog i Hagalund", "Polisens trygghetsmätning 2021", "Anmälda brott 2019–2021",
    ]
    b = next(s for s in walks.list_sources(draft.agreement.id) if s.id == b.id)  # moved: a new version
    changed = walks.update_source(b.id, expected_version=b.version, text="Anmälda brott 2019–2022")
    assert changed.version == b.version + 1
    with pytest.raises(ConflictError):
        walks.update_source(b.id, expected_version=b.version, text="x")
    walks.delete_source(a.id)
    assert [(s.text, s.position) for s in walks.list_sources(draft.agreement.id)] == [
        ("Medborgardialog i Hagalund", 0), ("Anmälda brott 2019–2022", 1),
    ]

    before = snapshot()
    for text in ["", "Brå\u2066NTU", "rad ett\nrad två", "x" * 2001]:
        with pytest.raises(ValidationError) as caught:
            walks.add_source(draft.agreement.id, text=text)
        assert caught.value.for_field("text")
    with pytest.raises(NotFoundError):
        walks.add_source(999, text="Källa")
    assert snapshot() == before


# --- walks and findings -----------------------------------------------------------------------
def test_safety_walks_and_findings(services: Services, draft: Draft) -> None:
    walks = services.walks
    late = walks.create_walk(draft.agreement.id, walked_on="2022-10-12", place="Hagalund",
                             participants="Polisen, Solnabostäder,\r\n12 boende")
    early = walks.create_walk(draft.agreement.id, walked_on=date(2022, 9, 3), place="Centrum")
    assert late.participants == "Polisen, Solnabostäder,\n12 boende"
    dark = walks.add_finding(late.id, text="Trasig belysning i gångtunneln vid skolan")
    bushes = walks.add_finding(late.id, text="Buskage skymmer sikten vid busshållplatsen")
    assert (dark.position, bushes.position, dark.measure_id, dark.measure_title) == (0, 1, None, "")

    listed = walks.list_walks(draft.agreement.id)
    assert [(w.place, w.walked_on) for w in listed] == [("Centrum", date(2022, 9, 3)), ("Hagalund", date(2022, 10, 12))]
    assert [f.text for f in listed[1].findings] == [dark.text, bushes.text]

    walks.move_finding(bushes.id, 0)
    dark = walks.get_walk(late.id).findings[1]  # moved down: a new version
    edited = walks.update_finding(dark.id, expected_version=dark.version, text="Trasig belysning i gångtunneln")
    assert [(f.text, f.position) for f in walks.get_walk(late.id).findings] == [
        (bushes.text, 0), ("Trasig belysning i gångtunneln", 1),
    ]
    with pytest.raises(ConflictError):
        walks.update_finding(dark.id, expected_version=dark.version, text="x")
    moved = walks.update_walk(early.id, expected_version=early.version, walked_on="2022-09-04", place="Centrum, torget")
    assert (moved.walked_on, moved.place) == (date(2022, 9, 4), "Centrum, torget")

    walks.delete_finding(bushes.id)
    assert [(f.id, f.position) for f in walks.get_walk(late.id).findings] == [(edited.id, 0)]
    walks.delete_walk(late.id)
    assert [w.id for w in walks.list_walks(draft.agreement.id)] == [early.id]
    with pytest.raises(NotFoundError):
        walks.add_finding(late.id, text="x")
    assert services.maintenance.check().ok


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"walked_on": ""}, "walked_on"),
        ({"walked_on": "12 oktober"}, "walked_on"),
        ({"place": "Haga\x1blund"}, "place"),
        ({"place": "x" * 201}, "place"),
        ({"participants": "Polisen\u202e"}, "participants"),
    ],
)
def test_walk_validation_names_the_field_and_changes_nothing(
    services: Services, draft: Draft, snapshot: Callable[[], Any], values: dict[str, Any], field: str
) -> None:
    walk = services.walks.create_walk(draft.agreement.id, walked_on="2022-10-12")
    before = snapshot()
    with pytest.raises(ValidationError) as caught:
        services.walks.create_walk(draft.agreement.id, **({"walked_on": "2022-10-12"} | values))
    assert caught.value.for_field(field)
    with pytest.raises(ValidationError) as caught:
        services.walks.update_walk(walk.id, **values)
    assert caught.value.for_field(field)
    for text in ["   ", "a\x00b"]:
        with pytest.raises(ValidationError) as caught:
            services.walks.add_finding(walk.id, text=text)
        assert caught.value.for_field("text")
    assert snapshot() == before


# --- finding → measure ------------------------------------------------------------------------
def test_a_finding_becomes_a_measure_and_is_linked_to_it(
    services: Services, draft: Draft, snapshot: Callable[[], Any]
) -> None:
    walks = services.walks
    walk = walks.create_walk(draft.agreement.id, walked_on="2022-10-12", place="Hagalund")
    finding = walks.add_finding(walk.id, text="Trasig belysning i gångtunneln\nMånga undviker tunneln efter mörkrets inbrott.")
    existing = services.plan.create_measure(promise_id=draft.promise.id, title="Trygghetsvandringar")

    made = walks.turn_finding_into_measure(finding.id, promise_id=draft.promise.id)
    measure = made.measure
    assert measure.title == "Trasig belysning i gångtunneln"
    assert measure.description == measure.cause == finding.text
    assert (measure.promise_id, measure.agreement_id, measure.position) == (draft.promise.id, draft.agreement.id, 1)
    assert (made.finding.id, made.finding.measure_id, made.finding.measure_title) == (finding.id, measure.id, measure.title)
    assert services.plan.get_measure(measure.id) == measure
    assert [m.id for m in services.plan.list_measures(draft.agreement.id)] == [existing.id, measure.id]
    assert walks.get_walk(walk.id).findings[0].measure_id == measure.id

    # Once is enough: the second time is refused with a message, and nothing changes.
    before = snapshot()
    with pytest.raises(ValidationError) as caught:
        walks.turn_finding_into_measure(finding.id, promise_id=draft.promise.id)
    assert "redan gjord till åtgärden «Trasig belysning i gångtunneln»" in caught.value.for_field("measure_id")[0]
    assert snapshot() == before

    # Deleting the measure unlinks the finding (the finding stays).
    services.plan.delete_measure(measure.id)
    assert walks.get_walk(walk.id).findings[0].measure_id is None
    again = walks.turn_finding_into_measure(finding.id, promise_id=draft.promise.id, title="Byt belysning i tunneln")
    assert again.measure.title == "Byt belysning i tunneln"
    # Deleting the walk keeps the measure in the plan.
    walks.delete_walk(walk.id)
    assert services.plan.get_measure(again.measure.id).title == "Byt belysning i tunneln"
    assert services.maintenance.check().ok


def test_turning_a_finding_into_a_measure_uses_the_plans_validation(
    services: Services, draft: Draft, snapshot: Callable[[], Any]
) -> None:
    walks = services.walks
    walk = walks.create_walk(draft.agreement.id, walked_on="2022-10-12")
    finding = walks.add_finding(walk.id, text="Nedskräpning vid stationen " + "x" * 400)
    other = _draft(services, "Annanstad – medborgarlöften 2023")
    before = snapshot()
    for kwargs, field in [
        ({"title": " "}, "title"),
        ({"title": "Åtgärd\x07"}, "title"),
        ({"title": "x" * 301}, "title"),
        ({"promise_id": other.promise.id}, "promise_id"),
    ]:
        with pytest.raises(ValidationError) as caught:
            walks.turn_finding_into_measure(finding.id, **({"promise_id": draft.promise.id} | kwargs))
        assert caught.value.for_field(field), caught.value.errors
    with pytest.raises(NotFoundError):
        walks.turn_finding_into_measure(finding.id, promise_id=12345)
    with pytest.raises(NotFoundError):
        walks.turn_finding_into_measure(12345, promise_id=draft.promise.id)
    assert snapshot() == before
    # A long finding gives a title cut to fit (the whole text stays in description and cause).
    made = walks.turn_finding_into_measure(finding.id, promise_id=draft.promise.id)
    assert len(made.measure.title) == 300 and made.measure.title.endswith("…")
    assert made.measure.cause == finding.text


def test_a_finding_cannot_become_a_measure_of_a_signed_agreement(
    demo_services: Services, snapshot: Callable[[], Any]
) -> None:
    solna = demo_services.agreements.find_agreements(SOLNA)[0]
    promise = demo_services.plan.list_promises(solna.id)[0]
    walk = demo_services.walks.create_walk(solna.id, walked_on="2021-10-05", place="Hagalund")
    finding = demo_services.walks.add_finding(walk.id, text="Mörkt vid Hagalunds centrum")
    demo_services.walks.add_source(solna.id, text="Polisens trygghetsmätning 2021")
    before = snapshot()
    with pytest.raises(SignedRecordError, match="är undertecknad"):
        demo_services.walks.turn_finding_into_measure(finding.id, promise_id=promise.id)
    assert snapshot() == before
    assert demo_services.walks.get_walk(walk.id).findings[0].measure_id is None
    assert demo_services.signoff.changes_since_signing(solna.id) == []

"""The starter set: the picked promises, measures and indicators in one transaction, and taken back."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from promises_app.services import Services
from promises_app.services.errors import ValidationError
from promises_app.services.starter_set import load_catalogue
from promises_app.storage.database import Database
from promises_app.storage.errors import SignedRecordError
from tests.services.conftest import database_dump


def _draft(services: Services, *, kinds: tuple[str, ...] = ("municipality", "police")) -> Any:
    reg, agr = services.register, services.agreements
    agreement = agr.create_agreement(kind="citizen_promise", title="Exempelstad – medborgarlöften 2026",
                                     start_date="2026-01-01", end_date="2026-12-31", reporting_scheme="tertial")
    names = {"municipality": "Exempelstads kommun", "police": "LPO Exempelstad", "housing_company": "Exempelhem"}
    for kind in kinds:
        organisation = reg.create_organisation(name=names[kind], kind=kind)
        agr.add_party(agreement.id, organisation_id=organisation.id)
    return agreement


def test_the_catalogue_has_the_common_promises_and_indicators_in_swedish() -> None:
    catalogue = load_catalogue()
    titles = " ".join(x.title.lower() for p in catalogue.promises for x in p.measures)
    for word in ("trygghetsvandringar", "trafikkontroller", "belysning", "fältassistenter", "grannsamverkan"):
        assert word in titles, word
    names = [i.name for i in catalogue.indicators]
    assert "Polisens trygghetsmätning: problemindex" in names
    assert {"Polisens trygghetsmätning: svarsfrekvens", "Polisens trygghetsmätning: antal svar (n)"} <= set(names)
    assert sum("per 100 000 invånare" in n for n in names) >= 4
    assert any(i.source == "municipal_survey" for i in catalogue.indicators)
    keys = [x.key for p in catalogue.promises for x in p.measures] + [i.key for i in catalogue.indicators]
    assert len(keys) == len(set(keys))


def test_picked_measures_and_indicators_are_added_and_taken_back(services: Services, db: Database) -> None:
    agreement = _draft(services)
    before = database_dump(db)
    added = services.starter_set.add(
        agreement.id,
        measure_keys=["trafik.kontroller", "trygghetsvandringar.vandringar", "trygghetsvandringar.atgardslista"],
        indicator_keys=["polisen.problemindex", "brott.skadegorelse"],
    )
    promises = services.plan.list_promises(agreement.id)
    assert [p.text for p in promises] == [
        "genomföra trygghetsvandringar och medborgardialoger för att ta reda på var och när invånarna känner sig "
        "otrygga",
        "öka trafiksäkerheten och minska drog- och rattfylleriet",
    ]
    parties = {p.organisation_name: p.organisation_id for p in services.agreements.list_parties(agreement.id)}
    police, municipality = parties["LPO Exempelstad"], parties["Exempelstads kommun"]
    assert list(promises[0].maker_ids) == [police, municipality]
    measures = services.plan.list_measures(agreement.id)
    walks = next(x for x in measures if x.title.startswith("Genomföra fyra trygghetsvandringar"))
    assert (walks.responsible_id, list(walks.participant_ids)) == (municipality, [police])
    assert (walks.target_count, walks.target_unit) == (4, "trygghetsvandringar")
    assert (walks.start_date, walks.deadline) == (date(2026, 1, 1), date(2026, 12, 31))
    controls = next(x for x in measures if x.title.startswith("Genomföra trafikkontroller"))
    assert controls.responsible_id == police and controls.target_count == 100
    assert len(measures) == 3 and len(added.measure_ids) == 3
    followed = [link.indicator.name for link in services.indicators.list_for_agreement(agreement.id)]
    assert followed == ["Polisens trygghetsmätning: problemindex", "Anmälda skadegörelsebrott per 100 000 invånare"]

    services.starter_set.take_back(added)
    after = database_dump(db)
    changed = {t for t in before if t not in ("change_log", "change_log_head") and before[t] != after[t]}
    assert changed == set(), changed

    again = services.starter_set.add(agreement.id, measure_keys=added.measure_keys, indicator_keys=added.indicator_keys)
    assert len(services.plan.list_measures(agreement.id)) == 3 and len(again.link_ids) == 2


def test_an_indicator_already_in_the_register_is_followed_and_kept(services: Services) -> None:
    agreement = _draft(services)
    own = services.indicators.create_indicator(name="anmälda våldsbrott per 100 000 invånare", unit="per 100 000")
    services.indicators.set_value(own.id, period="2025", value=812)
    added = services.starter_set.add(agreement.id, indicator_keys=["brott.vald"])
    assert added.created_indicator_ids == ()
    (link,) = services.indicators.list_for_agreement(agreement.id)
    assert link.indicator.id == own.id
    assert services.starter_set.add(agreement.id, indicator_keys=["brott.vald"]).link_ids == ()  # followed already
    services.starter_set.take_back(added)
    assert services.indicators.list_for_agreement(agreement.id) == []
    assert [v.value for v in services.indicators.list_values(own.id)] == [812]


def test_a_police_only_agreement_makes_every_promise_a_police_one(services: Services) -> None:
    agreement = _draft(services, kinds=("police",))
    services.starter_set.add(agreement.id, measure_keys=["fysisk-miljo.belysning"])
    (promise,) = services.plan.list_promises(agreement.id)
    (measure,) = services.plan.list_measures(agreement.id)
    (party,) = services.agreements.list_parties(agreement.id)
    assert list(promise.maker_ids) == [party.organisation_id] and measure.responsible_id == party.organisation_id


def test_no_parties_no_pick_and_unknown_keys_are_refused_writing_nothing(services: Services, db: Database) -> None:
    agreement = _draft(services, kinds=())
    before = database_dump(db)
    with pytest.raises(ValidationError, match="inga parter ännu"):
        services.starter_set.add(agreement.id, measure_keys=["trafik.kontroller"], indicator_keys=["brott.vald"])
    with pytest.raises(ValidationError, match="minst ett"):
        services.starter_set.add(agreement.id)
    with pytest.raises(ValidationError, match="inget som heter trafik.finns-inte"):
        services.starter_set.add(agreement.id, measure_keys=["trafik.finns-inte"])
    assert database_dump(db) == before


def test_a_signed_plan_is_refused_by_the_guard(demo_services: Services, db: Database) -> None:
    solna = next(a for a in demo_services.agreements.list_agreements() if a.title == "Solna – medborgarlöften 2022")
    before = database_dump(db)
    with pytest.raises(SignedRecordError):
        demo_services.starter_set.add(solna.id, measure_keys=["trafik.kontroller"])
    assert database_dump(db) == before
    # the indicators are not part of the signed document: they can be added
    demo_services.starter_set.add(solna.id, indicator_keys=["kommunen.trygga"])
    assert [x.indicator.name for x in demo_services.indicators.list_for_agreement(solna.id)] == [
        "Kommunens trygghetsmätning: andel som känner sig trygga"
    ]

"""Putting things back for undo: an agreement, a party, a signatory and a person under their old ids,
and the agreement's fields and goals changed in one transaction."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from promises_app.services import Services
from promises_app.services.errors import SignedRecordError, ValidationError


def _draft(services: Services) -> int:
    return services.agreements.create_agreement(
        kind="citizen_promise", title="Exempelstad – medborgarlöften 2023", start_date=date(2023, 1, 1),
        end_date=date(2023, 12, 31), reporting_scheme="tertial", goals=["Tryggare centrum", "Färre inbrott"],
    ).id


def _organisations(services: Services) -> tuple[int, int]:
    town = services.register.create_organisation(name="Exempelstad", kind="municipality")
    police = services.register.create_organisation(name="LPO Exempelstad", kind="police")
    return town.id, police.id


def test_recreate_agreement_puts_it_back_under_its_id_with_goals(services: Services) -> None:
    agreement_id = _draft(services)
    record = services.agreements.get_agreement(agreement_id)
    services.agreements.delete_agreement(agreement_id)
    again = services.agreements.recreate_agreement(record)
    assert again.id == agreement_id
    assert again.title == record.title and again.reporting_scheme == record.reporting_scheme
    assert [g.text for g in again.goals] == ["Tryggare centrum", "Färre inbrott"]
    with pytest.raises(ValidationError):
        services.agreements.recreate_agreement(record)


def test_update_agreement_with_goals_is_one_change_and_reports_every_field(services: Services) -> None:
    agreement_id = _draft(services)
    changed = services.agreements.update_agreement(agreement_id, title="Ny titel", goals=["Ett", "Två", "Tre"])
    assert changed.title == "Ny titel"
    assert [g.text for g in changed.goals] == ["Ett", "Två", "Tre"]
    with pytest.raises(ValidationError) as refused:
        services.agreements.update_agreement(agreement_id, title="", goals=["Ett", "  "])
    fields = {e.field for e in refused.value.errors}
    assert fields == {"title", "goals[1]"}
    kept = services.agreements.get_agreement(agreement_id)
    assert kept.title == "Ny titel" and [g.text for g in kept.goals] == ["Ett", "Två", "Tre"]


def test_restore_party_and_signatory_under_their_ids_and_places(services: Services) -> None:
    agreement_id = _draft(services)
    town, police = _organisations(services)
    first = services.agreements.add_party(agreement_id, organisation_id=town)
    second = services.agreements.add_party(agreement_id, organisation_id=police)
    chair = services.register.create_person(name="Åsa Ordförande", organisation_id=town)
    clerk = services.register.create_person(name="Bo Sekreterare", organisation_id=town)
    services.agreements.add_signatory(first.id, person_id=chair.id)
    party = services.agreements.add_signatory(first.id, person_id=clerk.id)

    services.agreements.remove_party(first.id)
    assert [p.id for p in services.agreements.list_parties(agreement_id)] == [second.id]
    restored = services.agreements.restore_party(party)
    assert restored.id == first.id
    parties = services.agreements.list_parties(agreement_id)
    assert [p.id for p in parties] == [first.id, second.id], "back at its old place"
    assert [(s.id, s.name) for s in parties[0].signatories] == [(s.id, s.name) for s in party.signatories]

    signatory = parties[0].signatories[0]
    services.agreements.remove_signatory(signatory.id)
    services.agreements.restore_signatory(signatory)
    names = [s.name for s in services.agreements.list_parties(agreement_id)[0].signatories]
    assert names == ["Åsa Ordförande", "Bo Sekreterare"]
    with pytest.raises(ValidationError):
        services.agreements.restore_signatory(signatory)
    with pytest.raises(ValidationError):
        services.agreements.restore_party(party)


def test_restoring_a_party_of_a_signed_agreement_is_refused(demo_services: Services) -> None:
    agreement = next(a for a in demo_services.agreements.list_agreements() if a.state == "signed")
    party = demo_services.agreements.list_parties(agreement.id)[0]
    other = demo_services.register.create_organisation(name="Kustbevakningen", kind="other")
    with pytest.raises(SignedRecordError):
        demo_services.agreements.restore_party(
            replace(party, id=9999, organisation_id=other.id, position=0, signatories=())
        )
    assert 9999 not in [p.id for p in demo_services.agreements.list_parties(agreement.id)]


def test_recreate_person_under_the_old_id(services: Services) -> None:
    town, _police = _organisations(services)
    person = services.register.create_person(name="Åsa Ordförande", title="Ordförande", organisation_id=town,
                                             email="asa@exempelstad.example", phone="070-1")
    services.register.delete_person(person.id)
    again = services.register.recreate_person(person)
    assert again == person
    with pytest.raises(ValidationError):
        services.register.recreate_person(person)

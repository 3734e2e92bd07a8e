"""The agreement's municipality and local police area made parties in the save's one transaction
(services/agreements.py ``save_details``, domain/place_parties.py)."""

from __future__ import annotations

from promises_app.domain.enums import OrganisationKind
from promises_app.domain.place_parties import missing_parties, wanted
from promises_app.services import Services


def test_a_bare_place_is_read_as_the_local_police_area_and_blank_fields_name_nobody():
    assert wanted("  Ale   kommun ", "Ale") == [("Ale kommun", OrganisationKind.MUNICIPALITY),
                                              ("Lokalpolisområde Ale", OrganisationKind.POLICE)]
    assert wanted("", "Polisregion Väst") == [("Polisregion Väst", OrganisationKind.POLICE)]
    assert wanted(" ", "") == []


def test_a_party_of_the_kind_already_there_is_not_asked_for_and_the_register_is_used():
    register = [(7, "Ale kommun", OrganisationKind.MUNICIPALITY)]
    missing = missing_parties("ale kommun", "Ale", [], register)
    assert [(p.name, p.organisation_id) for p in missing] == [("Ale kommun", 7), ("Lokalpolisområde Ale", None)]
    assert missing_parties("Ale kommun", "", [("Annan kommun", OrganisationKind.MUNICIPALITY)], register) == []


def test_save_details_makes_the_parties_and_the_missing_organisation_in_one_save(services: Services):
    town = services.register.create_organisation(name="Ale kommun", kind="municipality")
    saved, added = services.agreements.save_details(
        None, kind="citizen_promise", title="Ale 2027", start_date="2027-01-01", end_date="2027-12-31",
        reporting_scheme="tertial", municipality="Ale kommun", police_area="Ale")
    assert [o.name for o in added.organisations] == ["Lokalpolisområde Ale"]
    assert [(p.organisation_id, p.organisation_name) for p in added.parties] == [
        (town.id, "Ale kommun"), (added.organisations[0].id, "Lokalpolisområde Ale")]
    assert [p.id for p in services.agreements.list_parties(saved.id)] == [p.id for p in added.parties]
    again, more = services.agreements.save_details(saved.id, expected_version=saved.version, title="Ale 2027 b")
    assert again.title == "Ale 2027 b" and more.parties == () and more.organisations == ()

"""The pure builder: what the printed agreement says, in a Swedish agreement's usual order, as plain data."""

from __future__ import annotations

import json
from dataclasses import asdict, replace
from datetime import date

from promises_app.domain.enums import OrganisationKind
from promises_app.reports.agreement_content import (
    build_agreement_content,
    canonical_json,
    compute_fingerprint,
    promise_heading,
)
from promises_app.reports.formatting import date_range, long_date, place_and_date
from promises_app.services.records import OrganisationRecord
from tests.reports.builders import make_four_party

SOLNA = "Solna – medborgarlöften 2022"


def _org(kind: OrganisationKind, name: str, short: str = "") -> OrganisationRecord:
    return OrganisationRecord(id=hash(name) % 1000, name=name, kind=kind, short_name=short, version=1)


POLICE = _org(OrganisationKind.POLICE, "Lokalpolisområde Solna", "LPO Solna")
TOWN = _org(OrganisationKind.MUNICIPALITY, "Solna stad")
HOUSING = _org(OrganisationKind.HOUSING_COMPANY, "AB Solnahem", "Solnahem")
OWNERS = _org(OrganisationKind.PROPERTY_OWNERS, "Fastighetsägarna Stockholm")


def _solna(services):  # type: ignore[no-untyped-def]
    return next(a for a in services.agreements.list_agreements() if a.title == SOLNA)


def test_who_promises_headings() -> None:
    parties = [TOWN, POLICE, HOUSING, OWNERS]
    assert promise_heading([POLICE], parties) == "Polisen lovar att …"
    assert promise_heading([TOWN], parties) == "Kommunen lovar att …"
    assert promise_heading([POLICE, TOWN], parties) == "Polisen och kommunen lovar att …"
    assert promise_heading([TOWN, POLICE], parties) == "Polisen och kommunen lovar att …"
    # Any other maker: every maker by its name, in the promise's order, never "… och kommunen".
    assert promise_heading([TOWN, POLICE, HOUSING], parties) == (
        "Solna stad, Lokalpolisområde Solna och AB Solnahem lovar att …")
    assert promise_heading([HOUSING], parties) == "AB Solnahem lovar att …"
    assert promise_heading([HOUSING, OWNERS], parties) == "AB Solnahem och Fastighetsägarna Stockholm lovar att …"
    other_town = _org(OrganisationKind.MUNICIPALITY, "Sundbybergs stad")
    assert promise_heading([TOWN, other_town], parties) == "Solna stad och Sundbybergs stad lovar att …"
    # "Kommunen" would not say which of two municipal parties.
    assert promise_heading([TOWN], [*parties, other_town]) == "Solna stad lovar att …"
    assert promise_heading([POLICE], [*parties, other_town]) == "Polisen lovar att …"
    # A heading over a promise that stands as written only groups.
    assert promise_heading([POLICE], parties, continues=False) == "Polisen lovar"


def test_a_state_agency_and_a_municipal_company_are_named() -> None:
    customs = _org(OrganisationKind.STATE_AGENCY, "Tullverket")
    parking = _org(OrganisationKind.MUNICIPAL_COMPANY, "Norrstads parkeringsbolag", "Parkeringsbolaget")
    town = _org(OrganisationKind.MUNICIPALITY, "Norrstads kommun")
    parties = [town, POLICE, parking, customs]
    assert promise_heading([parking, town], parties) == "Norrstads parkeringsbolag och Norrstads kommun lovar att …"
    assert promise_heading([customs], parties) == "Tullverket lovar att …"
    assert promise_heading([customs, POLICE], parties, continues=False) == "Tullverket och Lokalpolisområde Solna lovar"


def test_swedish_dates() -> None:
    assert long_date(date(2022, 1, 18)) == "18 januari 2022"
    assert place_and_date("Solna", date(2022, 1, 18)) == "Solna den 18 januari 2022"
    assert place_and_date("", None) == "Ort och datum: ________"
    assert place_and_date("Solna", None) == "Solna den ________"
    assert date_range(date(2018, 7, 1), date(2020, 6, 30)) == "1 juli 2018 – 30 juni 2020"
    assert date_range(date(2022, 3, 1), date(2022, 12, 31)) == "1 mars – 31 december 2022"
    assert date_range(None, date(2022, 12, 31)) == "senast 31 december 2022"


def test_demo_solna_content_follows_the_document(demo_services) -> None:  # type: ignore[no-untyped-def]
    content = build_agreement_content(demo_services, _solna(demo_services).id)
    assert content.title == SOLNA
    assert content.kind == "Medborgarlöfte"
    assert content.state == "Undertecknad" and content.revision == 1
    assert content.introduction.startswith("Polisen och Solna stad har kommit överens")
    assert [f.name for f in content.focus_areas] == ["Hagalund", "Västra skogen", "Ungdomar i riskzonen", "Trafik"]
    assert [g.heading for g in content.promise_groups] == ["Polisen och kommunen lovar att …"]
    measures = content.promise_groups[0].promises[0].measures
    assert len(measures) == 7
    walks = next(m for m in measures if "trygghetsvandringar" in m.title)
    assert walks.details == ("Mål: 4 trygghetsvandringar", "Ansvarig: Solna stad", "Klart senast: 31 december 2022")
    assert content.validity == "1 januari – 31 december 2022"
    assert content.case_number == "KS/2021:0512"
    assert content.place_and_date == "Solna den 18 januari 2022"
    assert [(b.party, [(s.name, s.title) for s in b.signatories]) for b in content.signature_blocks] == [
        ("Solna stad", [("Pehr Granfalk", "Kommunstyrelsens ordförande")]),
        ("Lokalpolisområde Solna", [("Karin Exempelsson", "Lokalpolisområdeschef")]),
    ]
    assert len(content.action_plan) == 7
    walk_row = content.action_plan[4]
    assert walk_row.target == "4 trygghetsvandringar"
    assert walk_row.when == "1 mars – 31 december 2022"
    assert walk_row.who == "Solna stad (ansvarig), Lokalpolisområde Solna"


def test_content_is_plain_data_with_a_stable_fingerprint(demo_services) -> None:  # type: ignore[no-untyped-def]
    agreement_id = _solna(demo_services).id
    first = build_agreement_content(demo_services, agreement_id)
    again = build_agreement_content(demo_services, agreement_id)
    assert first == again and first.fingerprint == again.fingerprint
    assert len(first.fingerprint) == 12 and int(first.fingerprint, 16) >= 0
    # The fingerprint is the start of the content hash, the one stored with the signed revision.
    assert first.content_sha256.startswith(first.fingerprint)
    assert first.content_sha256 == demo_services.signoff.list_revisions(agreement_id)[-1].content_sha256
    json.loads(canonical_json(first))  # JSON all the way down: nothing but plain data
    assert "fingerprint" not in json.loads(canonical_json(first))
    assert compute_fingerprint(replace(first, title=first.title + ".")) != first.fingerprint
    assert asdict(first)["title"] == SOLNA


def test_a_changed_measure_changes_the_fingerprint(demo_services) -> None:  # type: ignore[no-untyped-def]
    agreement_id = _solna(demo_services).id
    demo_services.signoff.new_revision(agreement_id)
    before = build_agreement_content(demo_services, agreement_id)
    measure = demo_services.plan.list_measures(agreement_id)[0]
    demo_services.plan.update_measure(measure.id, title="Fotpatrullering på torg")
    after = build_agreement_content(demo_services, agreement_id)
    assert after.fingerprint != before.fingerprint


def test_four_parties_group_promises_by_who_makes_them(services) -> None:  # type: ignore[no-untyped-def]
    made = make_four_party(services)
    content = build_agreement_content(services, made.agreement_id)
    assert [g.heading for g in content.promise_groups] == [
        "Polisen lovar att …",
        "Kommunen lovar att …",
        "Polisen och kommunen lovar att …",
        "Lokalpolisområde Ängelholm och AB Ängelholmshem lovar att …",
        "Ängelholms kommun, Lokalpolisområde Ängelholm, AB Ängelholmshem och Fastighetsägarna Nordvästra Skåne "
        "lovar att …",
    ]
    assert content.state == "Utkast" and content.is_draft
    assert [len(b.signatories) for b in content.signature_blocks] == [2, 2, 2, 2]
    assert content.validity == "1 januari 2023 – 31 december 2024"


def test_promises_of_the_same_makers_share_one_heading(services) -> None:  # type: ignore[no-untyped-def]
    made = make_four_party(services)
    ids = made.organisation_ids
    services.plan.create_promise(made.agreement_id, text="svara på frågor", maker_ids=[ids["police"]])
    content = build_agreement_content(services, made.agreement_id)
    police = content.promise_groups[0]
    assert police.heading == "Polisen lovar att …"
    assert [p.text for p in police.promises] == [
        "vara synliga vid resecentrum på kvällar och helger",
        "svara på frågor",
    ]


def test_unsigned_agreement_leaves_place_and_date_to_fill_in(services) -> None:  # type: ignore[no-untyped-def]
    made = make_four_party(services)
    services.agreements.update_agreement(made.agreement_id, signing_place="", signing_date=None)
    content = build_agreement_content(services, made.agreement_id)
    assert content.place_and_date == "Ort och datum: ________"

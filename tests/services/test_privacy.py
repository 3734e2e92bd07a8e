"""One person's data (P15): export everything about them; erase or pseudonymise where allowed."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import inspect

from promises_app.services import Services
from promises_app.services.errors import NotFoundError
from promises_app.services.privacy import (
    PersonInSignedRecordError,
    mention_pattern,
    pseudonym,
)
from promises_app.storage import models as m
from promises_app.storage.database import Database

SOLNA_AGREEMENT = "Samverkansöverenskommelse mellan Solna stad och lokalpolisområde Solna 2022–2024"
SOLNA_PROMISE = "Solna – medborgarlöften 2022"
HELSINGBORG = "Samverkansöverenskommelse mellan Helsingborgs stad och lokalpolisområde Helsingborg 2018–2022"
WALKS = "Genomföra fyra trygghetsvandringar i kombination med fyra medborgardialoger"
PATROL = "Fotpatrullering på publika platser"


def _person(services: Services, name: str) -> Any:
    return next(p for p in services.register.list_people() if p.name == name)


def _agreement(services: Services, title: str) -> Any:
    return next(a for a in services.agreements.list_agreements() if a.title == title)


def _measure(services: Services, agreement_title: str, measure_title: str) -> Any:
    agreement = _agreement(services, agreement_title)
    return next(x for x in services.plan.list_measures(agreement.id) if x.title == measure_title)


def _columns(db: Database, table: str) -> list[str]:
    """The table's columns in their order in the database (the order ``snapshot`` gives its rows in)."""
    with db.engine.connect() as connection:
        return [column["name"] for column in inspect(connection).get_columns(table)]


# --- export ------------------------------------------------------------------------------


def test_export_holds_every_kind_of_item(demo_services: Services) -> None:
    services = demo_services
    erik = _person(services, "Erik Exempelsson")
    pehr = _person(services, "Pehr Granfalk")
    walks = _measure(services, SOLNA_PROMISE, WALKS)
    patrol = _measure(services, SOLNA_PROMISE, PATROL)
    # Free text that names them: any letter case, a line break inside, the genitive, the e-mail.
    services.follow_ups.record(
        patrol.id, period="2022-T3", status="in_progress",
        comment="Avstämt med erik exempelsson om kvällspassen.",
    )
    services.plan.add_occurrence(
        walks.id, occurred_on="2022-09-14", place="Råsunda",
        note="Erik\nExempelssons grupp deltog. Frågor till erik.exempelsson@polisen.example.",
    )
    services.plan.add_occurrence(
        walks.id, occurred_on="2022-10-12", place="Hagalund", note="Pehr Granfalk invigde vandringen.",
    )
    services.plan.add_occurrence(  # not a mention: another Erik, and a longer word
        walks.id, occurred_on="2022-11-09", place="Solna centrum", note="Erik Exempelssonsson och Erik deltog.",
    )

    export = services.privacy.export_person(erik.id)
    assert export["person"] == {
        "id": erik.id, "name": "Erik Exempelsson", "title": "Kommunpolis",
        "email": "erik.exempelsson@polisen.example", "phone": "08-465 004 10",
        "organisation": "Lokalpolisområde Solna",
    }
    assert export["signatory_of"] == []
    assert [(c["agreement_title"], c["measure_title"]) for c in export["contact_for"]] == [
        (SOLNA_PROMISE, PATROL),
        (SOLNA_PROMISE, "Punktinsatser mot brottsutsatta platser såsom Hagalund och Västra skogen"),
    ]
    assert [
        (f["agreement_title"], f["measure_title"], f["period"], f["comment"])
        for f in export["mentioned_in_follow_ups"]
    ] == [(SOLNA_PROMISE, PATROL, "2022-T3", "Avstämt med erik exempelsson om kvällspassen.")]
    assert [(o["agreement_title"], o["measure_title"], o["date"], o["place"]) for o in export["mentioned_in_occurrences"]] == [
        (SOLNA_PROMISE, WALKS, "2022-09-14", "Råsunda")
    ]

    signer = services.privacy.export_person(pehr.id)
    assert signer["person"]["organisation"] == "Solna stad"
    assert [
        (s["agreement_title"], s["party_organisation"], s["agreement_state"], s["agreement_revision"])
        for s in signer["signatory_of"]
    ] == [(SOLNA_AGREEMENT, "Solna stad", "signed", 1), (SOLNA_PROMISE, "Solna stad", "signed", 1)]
    assert signer["contact_for"] == []
    assert [o["date"] for o in signer["mentioned_in_occurrences"]] == ["2022-10-12"]


def test_export_json_is_utf8_text_of_the_same_dict(demo_services: Services) -> None:
    pehr = _person(demo_services, "Pehr Granfalk")
    text = demo_services.privacy.export_person_json(pehr.id)
    assert "Solna – medborgarlöften 2022" in text  # not \u escapes
    assert text.startswith("{\n  ")
    assert json.loads(text) == demo_services.privacy.export_person(pehr.id)
    text.encode("utf-8")


def test_export_of_a_person_nobody_refers_to(services: Services) -> None:
    alone = services.register.create_person(name="Åsa Öberg")
    export = services.privacy.export_person(alone.id)
    assert export["person"]["name"] == "Åsa Öberg" and export["person"]["organisation"] is None
    assert export["signatory_of"] == export["contact_for"] == []
    assert export["mentioned_in_follow_ups"] == export["mentioned_in_occurrences"] == []


@pytest.mark.parametrize(
    ("name", "text", "found"),
    [
        ("Pehr Granfalk", "PEHR GRANFALK skrev", True),
        ("Pehr Granfalk", "enligt Pehr  Granfalks förslag", True),
        ("Åsa Öberg", "åsa öberg ringde", True),
        ("Person 7", "Person 70 deltog", False),
        ("Eva", "Evald deltog", False),
        ("Pehr Granfalk", "Pehr deltog", False),
    ],
)
def test_mentions_are_whole_words_in_any_case(name: str, text: str, found: bool) -> None:
    pattern = mention_pattern(m.Person(name=name, email=""))
    assert pattern is not None
    assert bool(pattern.search(text)) is found


# --- erase -------------------------------------------------------------------------------


def test_erase_removes_the_person_and_their_references_only(
    demo_services: Services, snapshot: Callable[[], dict[str, Any]], db: Database
) -> None:
    services = demo_services
    solna = next(o for o in services.register.list_organisations() if o.name == "Solna stad")
    pehr = _person(services, "Pehr Granfalk")
    tova = services.register.create_person(
        name="Tova Testdotter", title="Utredare", organisation_id=solna.id, email="tova@solna.example"
    )
    draft = services.agreements.create_agreement(
        kind="citizen_promise", title="Solna – medborgarlöften 2023 (utkast)",
        start_date="2023-01-01", end_date="2023-12-31", reporting_scheme="tertial",
    )
    party = services.agreements.add_party(draft.id, organisation_id=solna.id)
    services.agreements.add_signatory(party.id, person_id=tova.id)  # first: Pehr moves up
    services.agreements.add_signatory(party.id, person_id=pehr.id)
    promise = services.plan.create_promise(draft.id, text="lova", maker_ids=[solna.id])
    draft_measure = services.plan.create_measure(promise_id=promise.id, title="Ny åtgärd", contact_id=tova.id)
    # A contact in the signed promise is not part of its signature block: no protection.
    signed_measure = services.plan.update_measure(
        _measure(services, SOLNA_PROMISE, WALKS).id, contact_id=tova.id
    )
    (tova_signatory, pehr_signatory) = services.agreements.list_parties(draft.id)[0].signatories
    before = snapshot()

    services.privacy.erase_person(tova.id)

    after = snapshot()
    with pytest.raises(NotFoundError):
        services.register.get_person(tova.id)
    changed = {"people", "signatories", "measures", "change_log", "change_log_head"}
    new_log = [row for row in after["rows"]["change_log"] if row not in before["rows"]["change_log"]]
    assert new_log, "the erasure itself is logged"
    assert all(tova.name not in str(row) for row in after["rows"]["change_log"]), "the log keeps no name"
    assert {t: r for t, r in after["rows"].items() if t not in changed} == {
        t: r for t, r in before["rows"].items() if t not in changed
    }
    assert after["rows"]["people"] == [row for row in before["rows"]["people"] if row[0] != tova.id]

    sig = _columns(db, "signatories")
    expected_signatories = []
    for row in before["rows"]["signatories"]:
        if row[sig.index("id")] == tova_signatory.id:
            continue
        if row[sig.index("id")] == pehr_signatory.id:  # renumbered from 1 to 0
            row = list(row)
            row[sig.index("position")] = 0
            row[sig.index("version")] += 1
            row = tuple(row)
        expected_signatories.append(row)
    assert after["rows"]["signatories"] == expected_signatories

    mea = _columns(db, "measures")
    expected_measures = []
    for row in before["rows"]["measures"]:
        if row[mea.index("id")] in (draft_measure.id, signed_measure.id):
            row = list(row)
            row[mea.index("contact_id")] = None
            row[mea.index("version")] += 1
            row = tuple(row)
        expected_measures.append(row)
    assert after["rows"]["measures"] == expected_measures

    helsingborg = _agreement(services, HELSINGBORG).id
    assert after["exports"][helsingborg] == before["exports"][helsingborg]
    assert services.plan.get_measure(signed_measure.id).contact_id is None
    assert [s.name for s in services.agreements.list_parties(draft.id)[0].signatories] == ["Pehr Granfalk"]


@pytest.mark.parametrize("action", ["erase_person", "pseudonymise_person"])
def test_signatory_of_a_signed_agreement_is_refused(
    demo_services: Services, snapshot: Callable[[], dict[str, Any]], action: str
) -> None:
    pehr = _person(demo_services, "Pehr Granfalk")
    before = snapshot()
    with pytest.raises(PersonInSignedRecordError) as caught:
        getattr(demo_services.privacy, action)(pehr.id)
    message = str(caught.value)
    assert message.startswith("Pehr Granfalk är undertecknare av de undertecknade överenskommelserna")
    assert f'"{SOLNA_AGREEMENT}" (revision 1)' in message
    assert f'"{SOLNA_PROMISE}" (revision 1)' in message
    assert "Undertecknade versioner behåller namnen på dem som skrev under" in message
    assert "kan inte raderas eller pseudonymiseras" in message
    assert snapshot() == before


def test_a_closed_agreement_protects_its_signatories_too(
    demo_services: Services, snapshot: Callable[[], dict[str, Any]]
) -> None:
    services = demo_services
    services.agreements.set_state(_agreement(services, SOLNA_PROMISE).id, "closed")
    pehr = _person(services, "Pehr Granfalk")
    before = snapshot()
    with pytest.raises(PersonInSignedRecordError) as caught:
        services.privacy.erase_person(pehr.id)
    assert f'"{SOLNA_PROMISE}" (revision 1)' in str(caught.value)
    assert snapshot() == before


def test_signed_revisions_keep_protecting_after_a_new_revision(
    demo_services: Services, snapshot: Callable[[], dict[str, Any]]
) -> None:
    """A new draft revision may drop a signatory, but revision 1 was signed by them, frozen."""
    services = demo_services
    pehr = _person(services, "Pehr Granfalk")
    for title in (SOLNA_AGREEMENT, SOLNA_PROMISE):
        agreement_id = _agreement(services, title).id
        services.signoff.new_revision(agreement_id)
        party = next(p for p in services.agreements.list_parties(agreement_id) if p.organisation_name == "Solna stad")
        services.agreements.remove_signatory(next(s.id for s in party.signatories if s.person_id == pehr.id))
    before = snapshot()
    for action in ("erase_person", "pseudonymise_person"):
        with pytest.raises(PersonInSignedRecordError) as caught:
            getattr(services.privacy, action)(pehr.id)
        assert f'"{SOLNA_AGREEMENT}" (revision 1)' in str(caught.value)
        assert f'"{SOLNA_PROMISE}" (revision 1)' in str(caught.value)
    assert snapshot() == before


def test_pseudonymise_keeps_the_references(demo_services: Services) -> None:
    services = demo_services
    erik = _person(services, "Erik Exempelsson")
    contact_of = [x.id for x in services.plan.list_measures(_agreement(services, SOLNA_PROMISE).id)
                  if x.contact_id == erik.id]
    assert len(contact_of) == 2

    record = services.privacy.pseudonymise_person(erik.id)

    assert record.name == pseudonym(erik.id) == f"Person {erik.id}"
    assert (record.title, record.email, record.phone) == ("", "", "")
    assert record.organisation_name == "Lokalpolisområde Solna"
    assert record.version == erik.version + 1
    assert services.register.get_person(erik.id) == record
    for measure_id in contact_of:
        measure = services.plan.get_measure(measure_id)
        assert (measure.contact_id, measure.contact_name) == (erik.id, f"Person {erik.id}")
    assert "Erik Exempelsson" not in services.privacy.export_person_json(erik.id)
    # Stable: doing it again gives the same name.
    assert services.privacy.pseudonymise_person(erik.id).name == record.name


def test_pseudonymised_signatory_of_a_draft_stays_a_signatory(demo_services: Services) -> None:
    services = demo_services
    solna = next(o for o in services.register.list_organisations() if o.name == "Solna stad")
    tova = services.register.create_person(name="Tova Testdotter", title="Utredare", organisation_id=solna.id)
    draft = services.agreements.create_agreement(
        kind="citizen_promise", title="Solna – medborgarlöften 2023 (utkast)",
        start_date="2023-01-01", end_date="2023-12-31", reporting_scheme="tertial",
    )
    party = services.agreements.add_party(draft.id, organisation_id=solna.id)
    services.agreements.add_signatory(party.id, person_id=tova.id)
    services.privacy.pseudonymise_person(tova.id)
    parties = services.agreements.list_parties(draft.id)
    assert [[s.name for s in p.signatories] for p in parties] == [[f"Person {tova.id}"]]


@pytest.mark.parametrize("action", ["export_person", "export_person_json", "erase_person", "pseudonymise_person"])
def test_unknown_person(services: Services, action: str) -> None:
    with pytest.raises(NotFoundError) as caught:
        getattr(services.privacy, action)(4711)
    assert "4711" in str(caught.value)


def test_export_lists_safety_walks_that_name_the_person(demo_services: Services) -> None:
    services = demo_services
    erik = _person(services, "Erik Exempelsson")
    agreement_id = _agreement(services, SOLNA_PROMISE).id
    named = services.walks.create_walk(agreement_id, walked_on="2022-05-18", place="Hagalund",
                                       participants="Erik Exempelsson, fem boende")
    other = services.walks.create_walk(agreement_id, walked_on="2022-06-01", place="Råsunda", participants="boende")
    services.walks.add_finding(other.id, text="Mörk passage; erik.exempelsson@polisen.example följer upp.")
    services.walks.add_finding(other.id, text="Klotter vid busshållplatsen.")
    walks = services.privacy.export_person(erik.id)["mentioned_in_safety_walks"]
    assert [(w["walk_id"], w["findings"]) for w in walks] == [
        (named.id, []),
        (other.id, ["Mörk passage; erik.exempelsson@polisen.example följer upp."]),
    ]
    assert all(w["agreement_title"] == SOLNA_PROMISE for w in walks)

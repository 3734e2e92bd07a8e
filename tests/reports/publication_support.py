"""Publications made for the tests: the demo's Solna promises, and an agreement full of hostile text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from promises_app.reports.publication import PublicationOptions, build_publication, write_publication
from promises_app.services import Services
from promises_app.storage.database import open_database
from tests.reports.findings_support import nine_findings

#: Markup, template syntax and an attribute break-out, each typed into every field a person can type in.
HOSTILE = (
    "<script>window.__pwned = 1</script>",
    '"><img src=x onerror="window.__pwned = 2">',
    "{{ 7 * 7 }}",
    "{% if true %}mall{% endif %}",
)
HOSTILE_TEXT = " ".join(HOSTILE)

DEMO_NEXT_STEPS = ("Belysningen längs gångstråket i Västra skogen ska vara på plats i oktober.\n"
                   "Två trygghetsvandringar återstår under hösten.")
#: The demo publication: Solna's promises for tertial 2 2022, as of 1 September 2022.
DEMO_OPTIONS = PublicationOptions("2022-T2", report_date=date(2022, 9, 1), next_steps=DEMO_NEXT_STEPS)
SOLNA_PROMISES = "Solna – medborgarlöften 2022"


def agreement_id(services: Services, title: str) -> int:
    return next(a.id for a in services.agreements.list_agreements() if a.title == title)


def make_hostile(services: Services) -> int:
    """A draft agreement with the hostile strings in its titles, names, texts, comments and units."""
    h = HOSTILE_TEXT
    agreement = services.agreements.create_agreement(
        kind="citizen_promise", title=f"Löften {h}", start_date="2024-01-01", end_date="2024-12-31",
        reporting_scheme="tertial", municipality=f"Kommun {h}", police_area=f"LPO {h}", case_number=f"KS {HOSTILE[1]}",
        follow_up_text=f"Uppföljning {h}",
    )
    organisation = services.register.create_organisation(name=f"Kommunen {h}", kind="municipality")
    party = services.agreements.add_party(agreement.id, organisation_id=organisation.id)
    person = services.register.create_person(name=f"Namn {h}", title=f"Titel {h}", organisation_id=organisation.id)
    services.agreements.add_signatory(party.id, person_id=person.id)
    promise = services.plan.create_promise(agreement.id, text=f"lova {h}", maker_ids=[organisation.id])
    late = services.plan.create_measure(
        promise_id=promise.id, title=f"Åtgärd {h}", responsible_id=organisation.id, deadline="2024-03-31",
        target_count=150, target_unit=f"st {HOSTILE[0]}",
    )
    services.follow_ups.record(late.id, period="2024-T1", status="in_progress", light="red", count_achieved=37,
                               comment=f"Kommentar {h}\nandra raden")
    services.plan.create_measure(promise_id=promise.id, title=f"Ej rapporterad {h}", responsible_id=organisation.id)
    return agreement.id


def hostile_options() -> PublicationOptions:
    return PublicationOptions("2024-T1", report_date=date(2024, 5, 2), next_steps=f"Nästa {HOSTILE_TEXT}")


def publish(database: Path, folder: Path, *, hostile: bool = False) -> Path:
    """The demo database at ``database`` (made with the demo when new) published into ``folder``."""
    db = open_database(database)
    try:
        services = Services(db)
        if hostile:
            chosen, options = make_hostile(services), hostile_options()
        else:
            if not services.maintenance.has_demo_data():
                services.maintenance.load_demo()
                nine_findings(services, agreement_id(services, SOLNA_PROMISES))
            chosen, options = agreement_id(services, SOLNA_PROMISES), DEMO_OPTIONS
        publication = build_publication(services, chosen, options, today=date(2026, 1, 1))
        write_publication(publication, folder, database=database)
    finally:
        db.close()
    return folder / "index.html"

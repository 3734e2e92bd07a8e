"""The demo shows everything the program does: indicators with baseline and target, a many-party
lägesbild with its sources, safety walks with findings (some turned into measures), all from the
source articles the product was described from, and loaded in the demo's one transaction."""

from __future__ import annotations

from datetime import date

import pytest

from promises_app.domain.enums import FindingStatus
from promises_app.domain.indicators import Verdict
from promises_app.paths import resource
from promises_app.reports.followup_content import build_followup_content
from promises_app.reports.report_options import FollowUpOptions
from promises_app.services import Services
from promises_app.services.errors import ValidationError
from promises_app.services.exchange import check_document, parse
from promises_app.services.maintenance import DEMO_FILES
from promises_app.storage.database import Database
from tests.services.conftest import database_dump

HELSINGBORG = "Samverkansöverenskommelse mellan Helsingborgs stad och lokalpolisområde Helsingborg 2018–2022"
SOLNA = "Solna – medborgarlöften 2022"


def _id(services: Services, title: str) -> int:
    return next(a.id for a in services.agreements.list_agreements() if a.title == title)


def test_helsingborg_follows_the_crime_trends_and_the_housing_survey(demo_services: Services) -> None:
    links = {x.indicator.name: x for x in demo_services.indicators.list_for_agreement(_id(demo_services, HELSINGBORG))}
    damage = links["Skadegörelse, Helsingborg"]
    assert [(v.period, v.value) for v in damage.values] == [("2020", 100.0), ("2022", 85.0)]  # down 15 % from 2020
    assert (damage.baseline_period, damage.baseline_value) == ("2020", 100.0)
    assert damage.trend.verdict is Verdict.BETTER
    theft = links["Stöld mot person, Helsingborg"]
    assert theft.values[-1].value < theft.values[0].value / 2  # "mer än halverats"
    tenants = links["Trygga hyresgäster, Helsingborgshem"]
    assert [(v.period, v.value) for v in tenants.values] == [("2018", 57.0), ("2022", 67.0)]
    assert (tenants.baseline_value, tenants.target_value) == (57.0, 70.0)
    district = links["Trygga hyresgäster, Drottninghög"]
    assert [v.value for v in district.values] == [46.0, 64.0] and district.indicator.area == "Drottninghög"
    assert district.baseline_value == 46.0 and district.target_value is not None
    assert "Frihetsberövanden för narkotikabrott, Helsingborg" in links
    assert {x.indicator.category for x in links.values()} >= {"Anmälda brott", "Trygghet"}


def test_the_lagesbild_has_its_many_parties_sources(demo_services: Services) -> None:
    sources = [s.text for s in demo_services.walks.list_sources(_id(demo_services, HELSINGBORG))]
    text = " ".join(sources)
    for party in ("Polisen", "Helsingborgshem", "räddningstjänsten", "bevakningsbolag", "HBG City", "fastighetsägare"):
        assert party in text, party
    assert len(sources) >= 5
    assert len(demo_services.walks.list_sources(_id(demo_services, SOLNA))) >= 3


def test_the_walks_have_findings_followed_to_the_end_and_some_became_measures(demo_services: Services) -> None:
    for title in (SOLNA, HELSINGBORG):
        walks = demo_services.walks.list_walks(_id(demo_services, title))
        findings = [f for w in walks for f in w.findings]
        assert len(walks) >= 2 and len(findings) >= 5
        assert {f.status for f in findings} >= {FindingStatus.OPEN, FindingStatus.DEALT_WITH}
        assert all(f.place and f.latitude is not None for f in findings)
        assert all(f.dealt_on is not None for f in findings if f.status is not FindingStatus.OPEN)
        assert any(f.owner_name for f in findings)
        linked = [f for f in findings if f.measure_id is not None]
        assert linked and len(linked) < len(findings), "some, not all, turned into measures"
    solna = [f for w in demo_services.walks.list_walks(_id(demo_services, SOLNA)) for f in w.findings]
    assert any(f.status is FindingStatus.DECLINED and f.reason for f in solna)
    lighting = next(f for f in solna if f.text.startswith("Dålig belysning"))
    assert "belysning" in lighting.measure_title


def test_the_solna_report_counts_the_demo_findings(demo_services: Services) -> None:
    content = build_followup_content(demo_services, _id(demo_services, SOLNA), "2022-T2", today=date(2022, 9, 1),
                                     options=FollowUpOptions())
    assert content.walk_findings == "Från trygghetsvandringarna: 2 av 6 åtgärdade, 1 avböjd."


def test_the_demo_keeps_its_agreements_and_loads_a_missing_one_with_its_lagesbild_only(services: Services) -> None:
    services.maintenance.load_demo(skip_titles=[HELSINGBORG])
    assert {a.title for a in services.agreements.list_agreements()} == {
        SOLNA, "Samverkansöverenskommelse mellan Solna stad och lokalpolisområde Solna 2022–2024"}
    assert services.indicators.list_indicators() == []  # Helsingborg's indicators came not
    solna_sources = len(services.walks.list_sources(_id(services, SOLNA)))
    existing = {a.title for a in services.agreements.list_agreements()}
    services.maintenance.load_demo(skip_titles=existing)
    assert len(services.walks.list_sources(_id(services, SOLNA))) == solna_sources  # not twice
    assert len(services.indicators.list_for_agreement(_id(services, HELSINGBORG))) == 5


def test_an_indicator_of_the_same_name_keeps_its_values(services: Services) -> None:
    own = services.indicators.create_indicator(name="skadegörelse, helsingborg", unit="antal")
    services.indicators.set_value(own.id, period="2022", value=1234)
    services.maintenance.load_demo()
    values = {(v.period, v.value) for v in services.indicators.list_values(own.id)}
    assert values == {("2020", 100.0), ("2022", 1234.0)}, "only the missing period filled in"


def test_a_failure_after_the_documents_leaves_nothing(services: Services, db: Database) -> None:
    before = database_dump(db)
    documents = [check_document(parse(resource("demo", name).read_bytes())) for name in DEMO_FILES]

    def refuse(_session, _results) -> None:  # type: ignore[no-untyped-def]
        raise ValidationError([])

    with pytest.raises(ValidationError):
        services.exchange.import_documents(documents, backup=False, also=refuse)
    assert database_dump(db) == before

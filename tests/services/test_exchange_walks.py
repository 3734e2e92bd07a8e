"""Exchange format 1.2: an agreement's safety walks and their findings, followed to the end, travel
with it; an agreement without walks is still written as 1.1, and 1.1 and 1.0 files still read."""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from promises_app.domain.enums import FindingStatus
from promises_app.services import Services
from promises_app.services.exchange import ExchangeError
from promises_app.storage.database import open_database
from tests.reports.builders import make_norrstad

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_1_2 = ROOT / "resources" / "schemas" / "agreement-exchange-1.2.schema.json"
SCHEMA_1_1 = ROOT / "resources" / "schemas" / "agreement-exchange-1.1.schema.json"
#: The version 1.1 schema as published: a published minor version is never changed.
SCHEMA_1_1_SHA256 = "71712b9eed9a84236ab456ae913c754670e3bf8cbc70b83dcc04765fbb60c9fb"


@pytest.fixture
def other_services(tmp_path: Path) -> Iterator[Services]:
    database = open_database(tmp_path / "other" / "other.sqlite")
    try:
        yield Services(database)
    finally:
        database.close()


def _with_walks(services: Services) -> int:
    made = make_norrstad(services)
    walks = services.walks
    owner = services.register.create_organisation(name="Norrstads kommun, gatukontoret", kind="municipality")
    measure = services.plan.list_measures(made.agreement_id)[-1]
    walk = walks.create_walk(made.agreement_id, walked_on="2024-09-10", place="Stationsområdet",
                             participants="Boende, polisen och gatukontoret")
    walks.add_finding(walk.id, text="Mörk passage under järnvägen", place="Stationsgatan", owner_id=owner.id,
                      status="dealt_with", dealt_on="2024-10-01", latitude=62.3908, longitude=17.3069,
                      today=date(2025, 1, 1))
    walks.add_finding(walk.id, text="Buskage vid parkeringen", status="declined", dealt_on="2024-09-20",
                      reason="Privat mark", today=date(2025, 1, 1))
    linked = walks.add_finding(walk.id, text="Klotter på bron")
    services.walks.turn_finding_into_measure(linked.id, promise_id=measure.promise_id, title="Sanera klottret")
    walks.create_walk(made.agreement_id, walked_on="2024-11-05")  # a walk with no findings
    return made.agreement_id


def test_walks_travel_as_1_2_and_come_back_byte_for_byte(services: Services, other_services: Services) -> None:
    agreement_id = _with_walks(services)
    text = services.exchange.export_json(agreement_id)
    document = json.loads(text)
    assert (document["format_version"], document["format_minor_version"]) == (1, 2)
    schema = json.loads(SCHEMA_1_2.read_text(encoding="utf-8"))
    assert list(Draft202012Validator(schema, format_checker=FormatChecker()).iter_errors(document)) == []
    walks = document["agreement"]["safety_walks"]
    assert [w["date"] for w in walks] == ["2024-09-10", "2024-11-05"]
    first = walks[0]["findings"][0]
    owner_key = first["owner"]
    assert {o["key"]: o["name"] for o in document["organisations"]}[owner_key] == "Norrstads kommun, gatukontoret"
    assert (first["status"], first["dealt_on"], first["latitude"], first["longitude"]) == (
        "dealt_with", "2024-10-01", 62.3908, 17.3069)
    assert walks[0]["findings"][1]["reason"] == "Privat mark"
    promise_index, measure_index = walks[0]["findings"][2]["measure"].values()
    assert document["agreement"]["promises"][promise_index]["measures"][measure_index]["title"] == "Sanera klottret"

    (again,) = other_services.exchange.import_json(text).agreement_ids
    assert other_services.exchange.export_json(again) == text
    findings = other_services.walks.list_walks(again)[0].findings
    assert [(f.status, f.owner_name, f.measure_title) for f in findings] == [
        (FindingStatus.DEALT_WITH, "Norrstads kommun, gatukontoret", ""),
        (FindingStatus.DECLINED, "", ""),
        (FindingStatus.OPEN, "", "Sanera klottret"),
    ]


def test_an_agreement_without_walks_is_still_written_as_1_1(services: Services) -> None:
    made = make_norrstad(services)
    document = services.exchange.export_document(made.agreement_id)
    assert document["format_minor_version"] == 1
    assert "safety_walks" not in document["agreement"]
    assert hashlib.sha256(SCHEMA_1_1.read_bytes()).hexdigest() == SCHEMA_1_1_SHA256


def _refused(services: Services, document: Any) -> list[str]:
    before = services.agreements.list_agreements()
    with pytest.raises(ExchangeError) as caught:
        services.exchange.import_document(document)
    assert services.agreements.list_agreements() == before
    return [caught.value.summary, *caught.value.problems]


def test_a_1_1_file_cannot_carry_walks(services: Services, other_services: Services) -> None:
    document = services.exchange.export_document(_with_walks(services))
    document["format_minor_version"] = 1
    said = _refused(other_services, document)
    assert any("$.agreement: okänt fält 'safety_walks'" in line for line in said), said


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda f: f.update(status="declined", reason=""), "$.agreement.safety_walks[0].findings[0].reason: Skäl:"),
        (lambda f: f.update(dealt_on="2024-09-01"),
         "$.agreement.safety_walks[0].findings[0].dealt_on: Hanterad den (2024-09-01) får inte vara före"),
        (lambda f: f.update(latitude=95), "$.agreement.safety_walks[0].findings[0].latitude"),
        (lambda f: f.update(longitude=None), "$.agreement.safety_walks[0].findings[0].longitude: Koordinater:"),
        (lambda f: f.update(owner="o99"), "$.agreement.safety_walks[0].findings[0].owner: okänd organisation"),
        (lambda f: f.update(measure={"promise": 0, "measure": 40}),
         "$.agreement.safety_walks[0].findings[0].measure: åtgärd 40 under löfte 0 finns inte"),
        (lambda f: f.update(status="done"), "$.agreement.safety_walks[0].findings[0].status"),
    ],
)
def test_a_bad_finding_is_named_by_its_path_and_nothing_is_imported(
    services: Services, other_services: Services, change: Any, expected: str
) -> None:
    document = copy.deepcopy(services.exchange.export_document(_with_walks(services)))
    change(document["agreement"]["safety_walks"][0]["findings"][0])
    said = _refused(other_services, document)
    assert any(expected in line for line in said), said

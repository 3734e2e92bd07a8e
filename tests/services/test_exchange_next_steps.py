"""Exchange format 1.3: a period's "Nästa steg" travels with its agreement; an agreement without any
is still written as before (1.1, or 1.2 with walks), and the 1.3 schema describes what is written."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from promises_app.services import Services
from promises_app.services.exchange import ExchangeError
from promises_app.storage.database import open_database
from tests.reports.builders import make_norrstad

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_1_3 = ROOT / "resources" / "schemas" / "agreement-exchange-1.3.schema.json"
NEXT_STEPS = "Belysningen vid stationen byts före december.\nNy trygghetsvandring i mars."


@pytest.fixture
def other_services(tmp_path: Path) -> Iterator[Services]:
    database = open_database(tmp_path / "other" / "other.sqlite")
    try:
        yield Services(database)
    finally:
        database.close()


def test_next_steps_travel_as_1_3_and_come_back_byte_for_byte(services: Services, other_services: Services) -> None:
    agreement_id = make_norrstad(services).agreement_id
    before = services.exchange.export_json(agreement_id)
    assert json.loads(before)["format_minor_version"] == 1, "nothing of 1.3 yet: written as before"
    period = services.agreements.periods(agreement_id)[1].label
    services.period_follow_ups.set_next_steps(agreement_id, period, NEXT_STEPS)
    services.period_follow_ups.set_next_steps(agreement_id, services.agreements.periods(agreement_id)[0].label, "")

    text = services.exchange.export_json(agreement_id)
    document = json.loads(text)
    assert document["format_minor_version"] == 3
    assert document["agreement"]["period_follow_ups"] == [{"period": period, "next_steps": NEXT_STEPS}]
    assert document["agreement"]["safety_walks"] == []
    schema = json.loads(SCHEMA_1_3.read_text(encoding="utf-8"))
    assert not list(Draft202012Validator(schema, format_checker=FormatChecker()).iter_errors(document))

    (again,) = other_services.exchange.import_json(text).agreement_ids
    assert other_services.period_follow_ups.next_steps(again, period) == NEXT_STEPS
    assert other_services.exchange.export_json(again) == text


def test_an_unknown_or_repeated_period_is_refused_naming_its_path(services: Services) -> None:
    agreement_id = make_norrstad(services).agreement_id
    period = services.agreements.periods(agreement_id)[0].label
    services.period_follow_ups.set_next_steps(agreement_id, period, NEXT_STEPS)
    document = json.loads(services.exchange.export_json(agreement_id))
    wrong = copy.deepcopy(document)
    wrong["agreement"]["period_follow_ups"].append({"period": "1999-T1", "next_steps": "x"})
    wrong["agreement"]["period_follow_ups"].append({"period": period, "next_steps": "igen"})
    with pytest.raises(ExchangeError) as raised:
        services.exchange.import_document(wrong)
    messages = "\n".join(raised.value.problems)
    assert "$.agreement.period_follow_ups[1].period" in messages
    assert "$.agreement.period_follow_ups[2].period" in messages and "finns redan" in messages

"""The exchange format's versions (docs/exchange-format.md, "Versions"): export writes 1.1, with a
promise's ``as_written`` and the kinds state_agency and municipal_company; a 1.0 file, as the
program wrote them before, still imports unchanged; a newer or a malformed version is refused."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from promises_app.domain.enums import OrganisationKind
from promises_app.reports.agreement_content import build_agreement_content
from promises_app.services import Services
from promises_app.services.exchange import ExchangeError
from promises_app.storage.database import open_database
from tests.reports.builders import NORRSTAD_PROMISES, make_norrstad

ROOT = Path(__file__).resolve().parents[2]
#: resources/demo/solna-2022.json exactly as it was published in format version 1.0.
V1_0_FILE = ROOT / "tests" / "fixtures" / "exchange-1.0-solna-2022.json"
DOCS = ROOT / "docs" / "exchange-format.md"


@pytest.fixture
def other_services(tmp_path: Path) -> Iterator[Services]:
    database = open_database(tmp_path / "other" / "other.sqlite")
    try:
        yield Services(database)
    finally:
        database.close()


def _as_1_1(document: dict[str, Any]) -> dict[str, Any]:
    """What 1.1 adds to a 1.0 document that uses none of it: the minor version, and every promise
    continuing "… lovar att" (``as_written`` false), each member where the exporter writes it."""
    upgraded: dict[str, Any] = {}
    for key, value in document.items():
        upgraded[key] = value
        if key == "format_version":
            upgraded["format_minor_version"] = 1

    def agreement(item: dict[str, Any]) -> None:
        item["promises"] = [
            {k: v for key, value in promise.items() for k, v in
             ([(key, value), ("as_written", False)] if key == "text" else [(key, value)])}
            for promise in item["promises"]
        ]
        for child in item["documents"]:
            agreement(child)

    agreement(upgraded["agreement"])
    return upgraded


def test_a_1_0_file_imports_unchanged(services: Services) -> None:
    """Every promise of a 1.0 file continues "… lovar att", as it did; a new export writes the same
    agreement as 1.1, differing only in what 1.1 adds."""
    old = json.loads(V1_0_FILE.read_text(encoding="utf-8"))
    assert "format_minor_version" not in old
    result = services.exchange.import_json(V1_0_FILE.read_bytes())
    promises = [p for i in result.agreement_ids for p in services.plan.list_promises(i)]
    assert promises and not any(p.as_written for p in promises)
    content = build_agreement_content(services, result.agreement_ids[1])
    assert [g.heading for g in content.promise_groups] == ["Polisen och kommunen lovar att …"]
    exported = services.exchange.export_document(result.agreement_ids[0])
    assert exported["format_minor_version"] == 1
    assert exported == _as_1_1(old)


def test_export_writes_1_1_and_a_second_database_reads_it_back(services: Services, other_services: Services) -> None:
    made = make_norrstad(services)
    text = services.exchange.export_json(made.agreement_id)
    document = json.loads(text)
    assert (document["format_version"], document["format_minor_version"]) == (1, 1)
    assert {o["name"]: o["kind"] for o in document["organisations"]} == {
        "Lokalpolisområde Norrstad": "police", "Norrstads kommun": "municipality",
        "Norrstads parkeringsbolag": "municipal_company", "Tullverket": "state_agency",
    }
    assert [(p["text"], p["as_written"]) for p in document["agreement"]["promises"]] == [
        (text_, as_written) for text_, as_written, _makers, _measure in NORRSTAD_PROMISES
    ]
    # The text of a promise as written comes first in the promise, right after its text.
    assert list(document["agreement"]["promises"][0])[:2] == ["text", "as_written"]

    result = other_services.exchange.import_json(text)
    (agreement_id,) = result.agreement_ids
    assert [(p.text, p.as_written) for p in other_services.plan.list_promises(agreement_id)] == [
        (text_, as_written) for text_, as_written, _makers, _measure in NORRSTAD_PROMISES
    ]
    kinds = {o.name: o.kind for o in other_services.register.list_organisations()}
    assert kinds["Tullverket"] is OrganisationKind.STATE_AGENCY
    assert kinds["Norrstads parkeringsbolag"] is OrganisationKind.MUNICIPAL_COMPANY
    assert other_services.exchange.export_json(agreement_id) == text
    headings = [g.heading for g in build_agreement_content(other_services, agreement_id).promise_groups]
    assert headings == [g.heading for g in build_agreement_content(services, made.agreement_id).promise_groups]


def _v1_0() -> dict[str, Any]:
    return json.loads(V1_0_FILE.read_text(encoding="utf-8"))


def _refused(services: Services, document: object) -> str:
    with pytest.raises(ExchangeError) as caught:
        services.exchange.import_document(document)
    assert services.agreements.list_agreements() == []
    return str(caught.value)


def test_a_1_0_file_cannot_use_what_1_1_adds(services: Services) -> None:
    with_as_written = _v1_0()
    with_as_written["agreement"]["documents"][0]["promises"][0]["as_written"] = True
    message = _refused(services, with_as_written)
    assert "$.agreement.documents[0].promises[0]: okänt fält 'as_written'" in message
    with_agency = _v1_0()
    with_agency["organisations"][0]["kind"] = "state_agency"
    assert '$.organisations[0].kind: ogiltigt värde "state_agency"' in _refused(services, with_agency)


def test_a_1_1_file_must_say_how_each_promise_is_printed(services: Services) -> None:
    document = _as_1_1(_v1_0())
    del document["agreement"]["documents"][0]["promises"][0]["as_written"]
    assert "saknar fältet 'as_written'" in _refused(services, document)


@pytest.mark.parametrize(("version", "minor", "shown"), [(1, 4, "1.4"), (2, None, "2"), (2, 1, "2")])
def test_a_newer_version_is_refused_with_a_clear_message(
    services: Services, version: int, minor: int | None, shown: str
) -> None:
    document = _as_1_1(_v1_0())
    document["format_version"] = version
    if minor is None:
        del document["format_minor_version"]
    else:
        document["format_minor_version"] = minor
    message = _refused(services, document)
    assert f"nyare version av Medborgarlöften (formatversion {shown}; den här versionen läser till och med 1.3)" in message


@pytest.mark.parametrize("minor", [0, -1, True, "1", 1.5, None])
def test_a_malformed_minor_version_is_refused(services: Services, minor: object) -> None:
    document = _as_1_1(_v1_0())
    document["format_minor_version"] = minor
    assert 'Fältet "format_minor_version" är ogiltigt' in _refused(services, document)


def test_the_documented_example_is_a_1_1_file_that_imports(services: Services) -> None:
    example = re.search(r"## Example\n.*?```json\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.DOTALL)
    assert example is not None
    document = json.loads(example.group(1))
    assert (document["format_version"], document["format_minor_version"]) == (1, 1)
    (agreement_id,) = services.exchange.import_document(copy.deepcopy(document)).agreement_ids
    assert services.exchange.export_document(agreement_id) == document

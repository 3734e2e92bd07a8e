"""The JSON exchange format: stable export, import into empty and non-empty databases, and
import that refuses a bad file cleanly and all-or-nothing (docs/reliability.md, P14; docs/exchange-format.md)."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from promises_app.services import Services
from promises_app.services.exchange import ExchangeError
from promises_app.storage import models as m
from promises_app.storage.database import open_database

ROOT = Path(__file__).resolve().parents[2]
DEMO_DIR = ROOT / "resources" / "demo"
SOLNA_FILE = DEMO_DIR / "solna-2022.json"
HELSINGBORG_FILE = DEMO_DIR / "helsingborg-2018-2022.json"
SOLNA_TITLE = "Samverkansöverenskommelse mellan Solna stad och lokalpolisområde Solna 2022–2024"
SOLNA_PROMISE_TITLE = "Solna – medborgarlöften 2022"
HELSINGBORG_TITLE = "Samverkansöverenskommelse mellan Helsingborgs stad och lokalpolisområde Helsingborg 2018–2022"


@pytest.fixture
def other_services(tmp_path: Path) -> Iterator[Services]:
    """A second, empty database."""
    database = open_database(tmp_path / "other" / "other.sqlite")
    try:
        yield Services(database)
    finally:
        database.close()


def _id(services: Services, title: str) -> int:
    (match,) = [a.id for a in services.agreements.list_agreements() if a.title == title]
    return match


def _solna() -> dict[str, Any]:
    return json.loads(SOLNA_FILE.read_text(encoding="utf-8"))


# --- export and round trips -------------------------------------------------------------------
@pytest.mark.parametrize("title", [SOLNA_TITLE, HELSINGBORG_TITLE, SOLNA_PROMISE_TITLE])
def test_export_import_export_is_identical(demo_services: Services, other_services: Services, title: str) -> None:
    exported = demo_services.exchange.export_json(_id(demo_services, title))
    result = other_services.exchange.import_json(exported)
    again = other_services.exchange.export_json(result.agreement_ids[0])
    assert again == exported
    assert json.loads(again)["agreement"]["title"] == title


def test_solna_export_carries_its_promise_document(demo_services: Services) -> None:
    document = demo_services.exchange.export_document(_id(demo_services, SOLNA_TITLE))
    (nested,) = document["agreement"]["documents"]
    assert nested["kind"] == "citizen_promise"
    assert nested["title"] == SOLNA_PROMISE_TITLE
    assert len(nested["promises"][0]["measures"]) == 7
    assert sum(len(x["follow_ups"]) for x in nested["promises"][0]["measures"]) == 14


@pytest.mark.parametrize("path", [SOLNA_FILE, HELSINGBORG_FILE], ids=lambda p: p.name)
def test_demo_file_imports_and_exports_to_the_same_bytes(services: Services, path: Path) -> None:
    result = services.exchange.import_json(path.read_bytes())
    assert services.exchange.export_json(result.agreement_ids[0]).encode("utf-8") == path.read_bytes()


def test_import_result_of_an_empty_database(services: Services) -> None:
    result = services.exchange.import_json(SOLNA_FILE.read_bytes())
    assert len(result.agreement_ids) == 2
    assert (result.organisations_created, result.organisations_reused) == (2, 0)
    assert (result.people_created, result.people_reused) == (7, 0)
    solna, promise_doc = (services.agreements.get_agreement(i) for i in result.agreement_ids)
    assert (solna.title, promise_doc.title, promise_doc.parent_id) == (SOLNA_TITLE, SOLNA_PROMISE_TITLE, solna.id)


def test_import_reuses_organisations_and_people(demo_services: Services, counts: Callable[[], dict[str, int]]) -> None:
    before = counts()
    result = demo_services.exchange.import_json(SOLNA_FILE.read_text(encoding="utf-8"))
    assert (result.organisations_created, result.organisations_reused) == (0, 2)
    assert (result.people_created, result.people_reused) == (0, 7)
    after = counts()
    assert after["organisations"] == before["organisations"]
    assert after["people"] == before["people"]
    assert after["agreements"] == before["agreements"] + 2
    # The copy is a new agreement that refers to the very same organisations.
    copies = [a for a in demo_services.agreements.list_agreements() if a.title == SOLNA_TITLE]
    assert len(copies) == 2
    party_orgs = [tuple(p.organisation_id for p in demo_services.agreements.list_parties(a.id)) for a in copies]
    assert party_orgs[0] == party_orgs[1]


def test_import_reuses_part_of_the_register(services: Services) -> None:
    services.register.create_organisation(name="Solna stad", kind="municipality", short_name="Eget kortnamn")
    services.register.create_organisation(name="Lokalpolisområde Solna", kind="other")  # other kind: no match
    result = services.exchange.import_json(SOLNA_FILE.read_bytes())
    assert (result.organisations_created, result.organisations_reused) == (1, 1)
    solna = next(o for o in services.register.list_organisations() if o.kind == "municipality")
    assert solna.short_name == "Eget kortnamn"  # a matched record is used as it is


# --- refused files --------------------------------------------------------------------------------
def _as_bytes(document: Any) -> bytes:
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


def _edit(change: Callable[[dict[str, Any]], None]) -> bytes:
    document = _solna()
    change(document)
    return _as_bytes(document)


def _promise_doc(document: dict[str, Any]) -> dict[str, Any]:
    return document["agreement"]["documents"][0]


def _add_outsider(document: dict[str, Any]) -> None:
    document["organisations"].append({"key": "o3", "name": "Kustbevakningen", "kind": "other", "short_name": ""})


def _responsible_not_party(document: dict[str, Any]) -> None:
    _add_outsider(document)
    _promise_doc(document)["promises"][0]["measures"][2]["responsible"] = "o3"


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    """A change that sets the member at a simple path like 'agreement.documents.0.title'."""

    def change(document: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = document
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        target[int(last) if last.isdigit() else last] = value

    return change


SOLNA_BYTES = SOLNA_FILE.read_bytes()
MEASURE_2 = "agreement.documents.0.promises.0.measures.2"
BAD_FILES: dict[str, tuple[Callable[[], bytes | str], str]] = {
    "truncated-json": (lambda: SOLNA_BYTES[: len(SOLNA_BYTES) // 2], "inte giltig JSON"),
    "empty-file": (lambda: b"", "inte giltig JSON"),
    "format-version-2": (lambda: _edit(_set("format_version", 2)), "nyare version"),
    "pdf-bytes": (lambda: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< >>\nendobj\n", "UTF-8"),
    "pdf-ascii-only": (lambda: b"%PDF-1.4\n1 0 obj\n<< >>\nendobj\n", "inte giltig JSON"),
    "latin-1": (lambda: SOLNA_BYTES.decode("utf-8").replace("–", "-").encode("latin-1"), "UTF-8"),
    "json-array": (lambda: b"[" + SOLNA_BYTES + b"]", "ingen överenskommelse"),
    "json-string": (lambda: b'"medborgarloften-agreement"', "ingen överenskommelse"),
    "too-deep": (lambda: b"[" * 100_000 + b"]" * 100_000, "JSON"),
    "schema-missing-member": (
        lambda: _edit(lambda d: _promise_doc(d)["promises"][0]["measures"][2].pop("deadline")),
        "$.agreement.documents[0].promises[0].measures[2]: saknar fältet 'deadline'",
    ),
    "schema-impossible-date": (
        lambda: _edit(_set(f"{MEASURE_2}.deadline", "2022-02-30")),
        "$.agreement.documents[0].promises[0].measures[2].deadline",
    ),
    "broken-organisation-key": (
        lambda: _edit(_set("agreement.documents.0.promises.0.made_by.1", "o9")),
        "$.agreement.documents[0].promises[0].made_by[1]: okänd organisation 'o9'",
    ),
    "broken-person-key": (
        lambda: _edit(_set("agreement.parties.0.signatories.0", "p99")),
        "$.agreement.parties[0].signatories[0]: okänd person 'p99'",
    ),
    "broken-focus-area-key": (
        lambda: _edit(_set(f"{MEASURE_2}.focus_area", "f99")),
        "$.agreement.documents[0].promises[0].measures[2].focus_area",
    ),
    "period-not-in-agreement": (
        lambda: _edit(_set("agreement.documents.0.promises.0.measures.2.follow_ups.1.period", "2022-Q2")),
        "$.agreement.documents[0].promises[0].measures[2].follow_ups[1].period",
    ),
    "period-after-agreement": (
        lambda: _edit(_set("agreement.documents.0.promises.0.measures.0.follow_ups.0.period", "2023-T1")),
        "$.agreement.documents[0].promises[0].measures[0].follow_ups[0].period",
    ),
    "two-follow-ups-for-one-period": (
        lambda: _edit(_set("agreement.documents.0.promises.0.measures.0.follow_ups.1.period", "2022-t1")),
        "$.agreement.documents[0].promises[0].measures[0].follow_ups[1].period",
    ),
    "responsible-not-a-party": (
        lambda: _edit(_responsible_not_party),
        "$.agreement.documents[0].promises[0].measures[2].responsible:",
    ),
    "participant-not-a-party": (
        lambda: _edit(lambda d: (_add_outsider(d), _set(f"{MEASURE_2}.participants", ["o3"])(d))),
        "$.agreement.documents[0].promises[0].measures[2].participants:",
    ),
    "maker-not-a-party": (
        lambda: _edit(lambda d: (_add_outsider(d), _set("agreement.documents.0.promises.0.made_by", ["o3"])(d))),
        "$.agreement.documents[0].promises[0].made_by:",
    ),
    "duplicate-made-by": (
        lambda: _edit(_set("agreement.documents.0.promises.0.made_by", ["o2", "o1", "o2"])),
        "$.agreement.documents[0].promises[0].made_by[2]: 'o2' står två gånger",
    ),
    "duplicate-organisation-key": (
        lambda: _edit(lambda d: d["organisations"].append(dict(d["organisations"][0], name="Annan"))),
        "$.organisations[2].key",
    ),
    "duplicate-party": (
        lambda: _edit(_set("agreement.parties.1.organisation", "o1")),
        "$.agreement.parties[1].organisation",
    ),
    "deadline-before-start": (
        lambda: _edit(_set(f"{MEASURE_2}.start_date", "2022-09-01")),
        "$.agreement.documents[0].promises[0].measures[2].deadline",
    ),
    "agreement-ends-before-it-starts": (
        lambda: _edit(_set("agreement.documents.0.end_date", "2021-12-31")),
        "$.agreement.documents[0].end_date",
    ),
    "agreement-year-out-of-range": (
        lambda: _edit(_set("agreement.start_date", "0022-01-01")),
        "$.agreement.start_date",
    ),
    "bidi-override-in-title": (
        lambda: _edit(_set(f"{MEASURE_2}.title", "Punktinsatser \u202eläsas baklänges")),
        "$.agreement.documents[0].promises[0].measures[2].title",
    ),
    "nul-in-section": (
        lambda: _edit(_set("agreement.documents.0.sections.follow_up", "Följ\x00upp")),
        "$.agreement.documents[0].sections.follow_up:",
    ),
    "control-in-target-unit": (
        lambda: _edit(_set(f"{MEASURE_2}.target", {"count": 3, "unit": "st\x07"})),
        "$.agreement.documents[0].promises[0].measures[2].target.unit:",
    ),
    "person-of-unknown-organisation": (
        lambda: _edit(_set("people.0.organisation", "o7")),
        "$.people[0].organisation: okänd organisation 'o7'",
    ),
    "lone-surrogate-in-text": (
        lambda: SOLNA_BYTES.replace(b'"Solna stad"', b'"Solna \\ud800stad"', 1),
        "$.organisations[0].name: ogiltigt tecken",
    ),
    "lone-surrogate-in-member-name": (
        lambda: SOLNA_BYTES.replace(b'"short_name"', b'"short\\udfffname"', 1),
        "$.organisations[0].short\\udfffname (fältnamnet)",
    ),
    "bad-email": (
        lambda: _edit(_set("people.0.email", "inte en adress")),
        "$.people[0].email",
    ),
}


@pytest.mark.parametrize("make, expected", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_bad_file_refused_and_database_unchanged(
    demo_services: Services, snapshot: Callable[[], Any], make: Callable[[], bytes], expected: str
) -> None:
    data = make()
    before = snapshot()
    with pytest.raises(ExchangeError) as caught:
        demo_services.exchange.import_json(data)
    message = str(caught.value)
    assert expected in message, message
    assert "Traceback" not in message
    assert snapshot() == before
    # The database still takes writes: nothing was left locked or half-done.
    demo_services.register.create_organisation(name="Efteråt", kind="other")


def test_every_problem_is_reported(services: Services, counts: Callable[[], dict[str, int]]) -> None:
    def many(document: dict[str, Any]) -> None:
        _responsible_not_party(document)
        promise = _promise_doc(document)["promises"][0]
        promise["made_by"] = ["o1", "o1"]
        promise["measures"][0]["follow_ups"][0]["period"] = "2022-Q1"
        promise["measures"][6]["deadline"] = "2021-01-01"

    with pytest.raises(ExchangeError) as caught:
        services.exchange.import_json(_edit(many))
    paths = [p.split(": ")[0] for p in caught.value.problems]
    prefix = "$.agreement.documents[0].promises[0]"
    assert paths == [
        f"{prefix}.made_by[1]",
        f"{prefix}.measures[0].follow_ups[0].period",
        f"{prefix}.measures[2].responsible",
        f"{prefix}.measures[6].deadline",
    ]
    assert "Ingenting har ändrats" in str(caught.value)
    assert set(counts().values()) == {0}


def test_import_is_all_or_nothing(services: Services, counts: Callable[[], dict[str, int]]) -> None:
    """An error in the very last measure of the file leaves none of the rows made before it."""
    document = json.loads(HELSINGBORG_FILE.read_text(encoding="utf-8"))
    last_promise = document["agreement"]["promises"][-1]
    last_promise["measures"][-1]["participants"] = ["o1", "o3", "o1"]
    with pytest.raises(ExchangeError) as caught:
        services.exchange.import_json(_as_bytes(document))
    assert "$.agreement.promises[1].measures[2].participants[2]" in str(caught.value)
    empty = counts()
    assert set(empty.values()) == {0}, empty
    # The same file without the mistake imports in full.
    last_promise["measures"][-1]["participants"] = ["o2"]
    services.exchange.import_json(_as_bytes(document))
    assert counts()["measures"] == 5


def test_failure_while_writing_leaves_nothing(
    demo_services: Services, snapshot: Callable[[], Any]
) -> None:
    """Fault injection: the k-th measure insert raises (as a full disk would) → database as before."""
    inserted = []

    def fail_on_fifth(*_: Any) -> None:
        inserted.append(1)
        if len(inserted) == 5:
            raise OSError("disk full")

    before = snapshot()
    event.listen(m.Measure, "before_insert", fail_on_fifth)
    try:
        with pytest.raises(OSError, match="disk full"):
            demo_services.exchange.import_json(SOLNA_BYTES)
    finally:
        event.remove(m.Measure, "before_insert", fail_on_fifth)
    assert snapshot() == before


def test_schema_errors_are_all_listed_with_paths(services: Services) -> None:
    document = _solna()
    document["agreement"]["colour"] = "blue"
    document["organisations"][0]["kind"] = "pirates"
    with pytest.raises(ExchangeError) as caught:
        services.exchange.import_document(copy.deepcopy(document))
    problems = caught.value.problems
    assert any(p.startswith("$.agreement: okänt fält 'colour'") for p in problems), problems
    assert any(p.startswith("$.organisations[0].kind") for p in problems), problems

"""The JSON exchange format, versions 1.0 and 1.1: the schemas, their documented copies and the demo data.

The importer and exporter have their own tests; these check the published artefacts:
that the demo documents are valid 1.2 documents (1.1 without their walks), that the copies in ``docs/`` are the same
files, that the 1.0 schema is still the one published, and that the schema really refuses the
mistakes it is meant to refuse.
"""

from __future__ import annotations

import copy
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_NAMES = [
    "agreement-exchange-1.schema.json", "agreement-exchange-1.1.schema.json", "agreement-exchange-1.2.schema.json",
    "agreement-exchange-1.3.schema.json",
]
SCHEMA_PATH = ROOT / "resources" / "schemas" / "agreement-exchange-1.1.schema.json"
V1_0_SCHEMA_PATH = ROOT / "resources" / "schemas" / "agreement-exchange-1.schema.json"
#: The version 1.0 schema as published: "Version 1 is never changed" (docs/exchange-format.md).
V1_0_SCHEMA_SHA256 = "3a5c637aeee64ced66a5bd87dbc18d7f84cd0bbefb093ad3a7d08deb73822f42"
V1_0_DOCUMENT = ROOT / "tests" / "fixtures" / "exchange-1.0-solna-2022.json"
DEMO_DIR = ROOT / "resources" / "demo"
DEMO_FILES = ["solna-2022.json", "helsingborg-2018-2022.json"]


def _validator(path: Path) -> Draft202012Validator:
    schema = json.loads(path.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    return _validator(SCHEMA_PATH)


def _load_demo(name: str) -> dict[str, Any]:
    return json.loads((DEMO_DIR / name).read_text(encoding="utf-8"))


def _error_paths(validator: Draft202012Validator, document: Any) -> list[str]:
    return [error.json_path for error in validator.iter_errors(document)]


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_docs_copy_is_byte_identical(name: str) -> None:
    assert (ROOT / "docs" / name).read_bytes() == (ROOT / "resources" / "schemas" / name).read_bytes()


def test_schema_identifies_itself() -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == "https://medborgarloften.invalid/schemas/agreement-exchange-1.1.schema.json"
    assert schema["properties"]["format_version"]["const"] == 1
    assert schema["properties"]["format_minor_version"]["const"] == 1


def test_the_version_1_0_schema_is_unchanged_and_still_valid() -> None:
    assert hashlib.sha256(V1_0_SCHEMA_PATH.read_bytes()).hexdigest() == V1_0_SCHEMA_SHA256
    old = _validator(V1_0_SCHEMA_PATH)
    assert _error_paths(old, json.loads(V1_0_DOCUMENT.read_text(encoding="utf-8"))) == []
    # 1.0 knows neither the minor version nor a promise's as_written: a 1.1 document is no 1.0 one.
    assert "$" in _error_paths(old, _solna())


def test_what_1_1_adds() -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    promise = schema["$defs"]["Promise"]
    assert "as_written" in promise["required"] and promise["properties"]["as_written"]["type"] == "boolean"
    kinds = schema["$defs"]["Organisation"]["properties"]["kind"]["enum"]
    assert {"state_agency", "municipal_company"} <= set(kinds)


@pytest.mark.parametrize("name", DEMO_FILES)
def test_demo_document_is_valid(name: str) -> None:
    """Each demo file is valid against the schema of the version it says it is (the demo has
    safety walks, so 1.2), and it is 1.2 because it has them."""
    document = _load_demo(name)
    minor = document["format_minor_version"]
    schema = ROOT / "resources" / "schemas" / f"agreement-exchange-1.{minor}.schema.json"
    assert _error_paths(_validator(schema), document) == []
    assert minor == 2 and _walks(document["agreement"])


@pytest.mark.parametrize("name", DEMO_FILES)
def test_demo_document_is_in_canonical_form(name: str) -> None:
    """The demo files are byte-for-byte what an export writes (see docs/exchange-format.md)."""
    raw = (DEMO_DIR / name).read_bytes()
    document = json.loads(raw.decode("utf-8"))
    assert raw == (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _walks(agreement: dict[str, Any]) -> list[Any]:
    return [*agreement.get("safety_walks", []), *(w for child in agreement["documents"] for w in _walks(child))]


def _without_walks(agreement: dict[str, Any]) -> None:
    agreement.pop("safety_walks", None)
    for child in agreement["documents"]:
        _without_walks(child)


def _solna() -> dict[str, Any]:
    """The Solna demo as a 1.1 document: without its safety walks, as the exporter writes an
    agreement that has none."""
    document = _load_demo("solna-2022.json")
    document["format_minor_version"] = 1
    _without_walks(document["agreement"])
    return document


def _first_measure(document: dict[str, Any]) -> dict[str, Any]:
    return document["agreement"]["documents"][0]["promises"][0]["measures"][0]


def _add_unknown_property(document: dict[str, Any]) -> None:
    _first_measure(document)["priority"] = "high"


def _bad_enum(document: dict[str, Any]) -> None:
    _first_measure(document)["follow_ups"][0]["status"] = "finished"


def _bad_date_pattern(document: dict[str, Any]) -> None:
    _first_measure(document)["deadline"] = "2022-12-1"


def _impossible_date(document: dict[str, Any]) -> None:
    _first_measure(document)["deadline"] = "2022-02-30"


def _key_with_space(document: dict[str, Any]) -> None:
    document["organisations"][0]["key"] = "o 1"


def _missing_required(document: dict[str, Any]) -> None:
    del document["agreement"]["documents"][0]["sections"]["follow_up"]


def _newer_version(document: dict[str, Any]) -> None:
    document["format_version"] = 2


def _wrong_format(document: dict[str, Any]) -> None:
    document["format"] = "something-else"


def _bad_timestamp(document: dict[str, Any]) -> None:
    _first_measure(document)["follow_ups"][0]["updated_at"] = "2022-04-29 14:05:00"


def _empty_made_by(document: dict[str, Any]) -> None:
    document["agreement"]["documents"][0]["promises"][0]["made_by"] = []


def _zero_target(document: dict[str, Any]) -> None:
    _first_measure(document)["target"] = {"count": 0, "unit": "trygghetsvandringar"}


def _documents_under_citizen_promise(document: dict[str, Any]) -> None:
    child = document["agreement"]["documents"][0]
    child["documents"] = [copy.deepcopy(child)]


def _cooperation_agreement_as_document(document: dict[str, Any]) -> None:
    document["agreement"]["documents"][0]["kind"] = "cooperation_agreement"


def _too_long_title(document: dict[str, Any]) -> None:
    document["agreement"]["title"] = "x" * 301


@pytest.mark.parametrize(
    ("mutate", "expected_path"),
    [
        (_add_unknown_property, "$.agreement.documents[0].promises[0].measures[0]"),
        (_bad_enum, "$.agreement.documents[0].promises[0].measures[0].follow_ups[0].status"),
        (_bad_date_pattern, "$.agreement.documents[0].promises[0].measures[0].deadline"),
        (_impossible_date, "$.agreement.documents[0].promises[0].measures[0].deadline"),
        (_key_with_space, "$.organisations[0].key"),
        (_missing_required, "$.agreement.documents[0].sections"),
        (_newer_version, "$.format_version"),
        (_wrong_format, "$.format"),
        (_bad_timestamp, "$.agreement.documents[0].promises[0].measures[0].follow_ups[0].updated_at"),
        (_empty_made_by, "$.agreement.documents[0].promises[0].made_by"),
        (_zero_target, "$.agreement.documents[0].promises[0].measures[0].target"),
        (_documents_under_citizen_promise, "$.agreement.documents[0].documents"),
        (_cooperation_agreement_as_document, "$.agreement.documents[0].kind"),
        (_too_long_title, "$.agreement.title"),
    ],
    ids=lambda value: value.__name__.strip("_") if callable(value) else None,
)
def test_invalid_document_is_rejected(
    validator: Draft202012Validator, mutate: Any, expected_path: str
) -> None:
    document = _solna()
    mutate(document)
    paths = _error_paths(validator, document)
    assert paths, "the schema accepted an invalid document"
    assert expected_path in paths


def test_a_1_1_promise_must_say_how_it_is_printed(validator: Draft202012Validator) -> None:
    document = _solna()
    promise = document["agreement"]["documents"][0]["promises"][0]
    del promise["as_written"]
    assert "$.agreement.documents[0].promises[0]" in _error_paths(validator, document)
    promise["as_written"] = "ja"
    assert "$.agreement.documents[0].promises[0].as_written" in _error_paths(validator, document)


def test_unknown_top_level_property_is_rejected(validator: Draft202012Validator) -> None:
    document = _solna()
    document["exported_by"] = "someone"
    assert "$" in _error_paths(validator, document)

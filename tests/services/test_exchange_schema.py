"""The JSON exchange format, version 1: the schema, its documented copy and the demo data.

The importer and exporter have their own tests; these check the published artefacts:
that the demo documents are valid, that the copy in ``docs/`` is the same file, and that
the schema really refuses the mistakes it is meant to refuse.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_PATH = ROOT / "resources" / "schemas" / "agreement-exchange-1.schema.json"
DOCS_SCHEMA_PATH = ROOT / "docs" / "agreement-exchange-1.schema.json"
DEMO_DIR = ROOT / "resources" / "demo"
DEMO_FILES = ["solna-2022.json", "helsingborg-2018-2022.json"]


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


def _load_demo(name: str) -> dict[str, Any]:
    return json.loads((DEMO_DIR / name).read_text(encoding="utf-8"))


def _error_paths(validator: Draft202012Validator, document: Any) -> list[str]:
    return [error.json_path for error in validator.iter_errors(document)]


def test_docs_copy_is_byte_identical() -> None:
    assert DOCS_SCHEMA_PATH.read_bytes() == SCHEMA_PATH.read_bytes()


def test_schema_identifies_itself() -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == "https://medborgarloften.invalid/schemas/agreement-exchange-1.schema.json"
    assert schema["properties"]["format_version"]["const"] == 1


@pytest.mark.parametrize("name", DEMO_FILES)
def test_demo_document_is_valid(validator: Draft202012Validator, name: str) -> None:
    assert _error_paths(validator, _load_demo(name)) == []


@pytest.mark.parametrize("name", DEMO_FILES)
def test_demo_document_is_in_canonical_form(name: str) -> None:
    """The demo files are byte-for-byte what an export writes (see docs/exchange-format.md)."""
    raw = (DEMO_DIR / name).read_bytes()
    document = json.loads(raw.decode("utf-8"))
    assert raw == (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _solna() -> dict[str, Any]:
    return _load_demo("solna-2022.json")


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


def test_unknown_top_level_property_is_rejected(validator: Draft202012Validator) -> None:
    document = _solna()
    document["exported_by"] = "someone"
    assert "$" in _error_paths(validator, document)

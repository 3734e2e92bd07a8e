"""The JSON exchange format: one agreement with everything under it, out and back in.

Export is deterministic (keys numbered in order of first use, arrays in document order), so
export → import into an empty database → export gives the same bytes. Import validates the
whole document first (JSON Schema, then the rules the schema cannot express, each error
named by its JSON path) and writes everything in one transaction, or nothing.
The format is documented in docs/exchange-format.md; its schemas are in resources/schemas/.

Versions: export writes 1.1 (``format_version`` 1, ``format_minor_version`` 1: a promise's
``as_written``, two more organisation kinds), or 1.2 when an agreement in the document has safety
walks (``safety_walks`` with their findings followed to the end: place, owner, status, date,
coordinates), or 1.3 when an agreement in it has a period's next steps stored
(``period_follow_ups``: "Nästa steg" per period). A document with nothing of 1.2 or 1.3 is written
as before, byte for byte, so a program that reads up to 1.1 (or 1.2) still reads it. Import reads
1.3, 1.2, 1.1 and 1.0 (no minor version: read with the unchanged version 1 schema, every promise
continuing "… lovar att" as it always did).
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from promises_app import os_errors
from promises_app.domain import periods as period_rules
from promises_app.domain.enums import AgreementState
from promises_app.domain.validation import (
    INTEGER_MAX,
    INTEGER_MIN,
    LONG_TEXT_MAX,
    Checker,
    FieldError,
    ValidationError,
    quoted,
    shorten,
    shown_path,
)
from promises_app.input_files import read_at_most
from promises_app.paths import resource
from promises_app.services.agreements import validate_agreement, validate_goals
from promises_app.services.base import Service, get_row
from promises_app.services.errors import ServiceError
from promises_app.services.followups import validate_follow_up
from promises_app.services.period_follow_ups import checked_period
from promises_app.services.plan import (
    _set_organisations,
    validate_focus_area,
    validate_measure,
    validate_occurrence,
    validate_promise,
)
from promises_app.services.register import validate_organisation, validate_person
from promises_app.services.signoff import freeze_imported
from promises_app.services.walks import validate_finding, validate_walk
from promises_app.storage import models as m
from promises_app.storage.signed_guard import LOCKED_STATES

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError as SchemaFailure

#: A JSON object as ``parse`` reads it. What is in it is checked at run time, by the JSON Schema
#: and then by the services' validators; to the type checker its members are Any.
JsonObject: TypeAlias = dict[str, Any]

FORMAT_NAME = "medborgarloften-agreement"
FORMAT_VERSION = 1
#: The newest minor version of FORMAT_VERSION this program reads, and the one it writes for an
#: agreement with a period's next steps.
FORMAT_MINOR_VERSION = 3
#: The minor version written for an agreement with safety walks but no period's next steps.
WITH_WALKS_MINOR_VERSION = 2
#: The minor version written for an agreement without safety walks (nothing of 1.2 to say).
WITHOUT_WALKS_MINOR_VERSION = 1
#: The schema of each minor version (1.0 documents have no ``format_minor_version``).
SCHEMA_FILES = {
    0: "agreement-exchange-1.schema.json",
    1: "agreement-exchange-1.1.schema.json",
    2: "agreement-exchange-1.2.schema.json",
    3: "agreement-exchange-1.3.schema.json",
}
TIMESTAMP_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
MAX_REPORTED_ERRORS = 25
#: The largest file the import reads, as the indicator import's limit: the biggest agreement of
#: the benchmark's city (bench/generator.py) exports to 240 KB, so 20 MB is far beyond any real
#: agreement, while a 50 MB file took 38 s and 4 GB of memory to refuse.
MAX_FILE_BYTES = 20 * 1024 * 1024


class ExchangeError(ServiceError):
    """The document cannot be imported; nothing was written. ``problems`` name JSON paths."""

    def __init__(self, summary: str, problems: list[str] | None = None) -> None:
        self.summary = summary
        self.problems = problems or []
        shown = self.problems[:MAX_REPORTED_ERRORS]
        more = len(self.problems) - len(shown)
        lines = [summary, *(f"  {p}" for p in shown)]
        if more > 0:
            lines.append(f"  … och {more} fel till.")
        super().__init__("\n".join(lines))


@dataclass(frozen=True)
class ImportResult:
    agreement_ids: tuple[int, ...]
    organisations_created: int
    organisations_reused: int
    people_created: int
    people_reused: int


class ExchangeService(Service):
    # --- export --------------------------------------------------------------------------
    def export_document(self, agreement_id: int) -> JsonObject:
        with self.db.read() as s:
            agreement = get_row(s, m.Agreement, agreement_id, "Överenskommelsen")
            return _Exporter().document(agreement)

    def export_json(self, agreement_id: int) -> str:
        return dumps(self.export_document(agreement_id))

    # --- import --------------------------------------------------------------------------
    def import_json(self, text: str | bytes, *, backup: bool = True) -> ImportResult:
        return self.import_document(parse(text), backup=backup)

    def import_document(self, document: object, *, backup: bool = True) -> ImportResult:
        """Import after full validation, in one transaction; a checked backup is made first
        (``backup``) when the database already holds agreements."""
        return self.import_documents([document], backup=backup)[0]

    def import_documents(
        self, documents: Sequence[object], *, backup: bool = True,
        also: Callable[[Session, list[ImportResult]], None] | None = None,
    ) -> list[ImportResult]:
        """Import several documents in one transaction: all of them, or none.

        ``also`` (the demo's lägesbild, which the format does not carry) writes more in the same
        transaction once the documents are in, so a failure there leaves nothing behind either."""
        self.db.refuse_writes()  # before the backup a read-only database could not take either
        self.db.require_intact("Importen")
        checked = [check_document(document) for document in documents]
        if backup and self.db.keeps_backups and self._has_agreements():
            self.db.backup("import")
        results = []
        with self.db.write() as s:
            for document in checked:
                importer = _Importer(s)
                ids = importer.run(document)
                if importer.problems:
                    s.rollback()
                    raise ExchangeError(
                        "Filen kunde inte importeras. Ingenting har ändrats i databasen.",
                        importer.problems,
                    )
                for agreement_id in ids:  # signed in the file: frozen as that signed revision
                    agreement = s.get(m.Agreement, agreement_id)
                    if agreement is not None and agreement.state in LOCKED_STATES:
                        freeze_imported(s, agreement)
                results.append(
                    ImportResult(
                        agreement_ids=tuple(ids),
                        organisations_created=importer.counts["org_new"],
                        organisations_reused=importer.counts["org_old"],
                        people_created=importer.counts["person_new"],
                        people_reused=importer.counts["person_old"],
                    )
                )
            if also is not None:
                also(s, results)
        return results


    def _has_agreements(self) -> bool:
        with self.db.read() as s:
            return s.scalar(select(m.Agreement.id).limit(1)) is not None


def dumps(document: JsonObject) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def read_file(path: Path | str) -> bytes:
    """The bytes of the file to import, for the command line and the window alike.

    Never reads more than :data:`MAX_FILE_BYTES` + 1 bytes (input_files.read_at_most), so a
    huge file, ``/dev/zero`` or a pipe that never ends is refused as soon as the limit is
    passed. Raises ExchangeError naming the file (and a regular file's size), in Swedish.
    """
    try:
        data = read_at_most(path, MAX_FILE_BYTES)
    except FileNotFoundError:
        raise ExchangeError(f"Filen {shown_path(path)} finns inte.") from None
    except OSError as error:
        raise ExchangeError(os_errors.describe(error, path, doing="läsas")) from None
    if len(data) > MAX_FILE_BYTES:
        info = os.stat(path)
        raise _too_big(path, info.st_size if stat.S_ISREG(info.st_mode) else None)
    return data


def _too_big(path: Path | str | None, size: int | None) -> ExchangeError:
    limit = MAX_FILE_BYTES // 1_048_576
    name = f"Filen {shown_path(path)}" if path is not None else "Filen"
    how_big = "" if size is None else f"{size / 1_048_576:.1f} MB; ".replace(".", ",")
    return ExchangeError(
        f"{name} är för stor för att importeras ({how_big}högst {limit} MB). Dela upp filen i "
        "flera, en överenskommelse i varje. Ingenting har importerats."
    )


def parse(text: str | bytes) -> object:
    """Parse JSON text, with a Swedish message that says what is wrong and where.

    Refused here: more than :data:`MAX_FILE_BYTES`, bytes that are not UTF-8, and what is not
    JSON (with line and column). Numbers too big for the database, ``NaN``/``Infinity`` and
    members named twice in one object are read as markers and refused by
    :func:`check_document`, which can name their JSON path.
    """
    if len(text) > MAX_FILE_BYTES:
        raise _too_big(None, len(text) if isinstance(text, bytes) else None)
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line, column = _line_and_column(error.object, error.start)
            raise ExchangeError(
                f"Filen är inte en JSON-fil i UTF-8 (rad {line}, kolumn {column}: ogiltig byte "
                f"vid position {error.start})."
            ) from None
    try:
        return json.loads(
            text, object_pairs_hook=_json_object, parse_int=_json_integer, parse_constant=_NotJson
        )
    except json.JSONDecodeError as error:
        raise ExchangeError(
            f"Filen är inte giltig JSON. Rad {error.lineno}, kolumn {error.colno}: {_json_reason(error.msg)}."
        ) from None
    except RecursionError:
        raise ExchangeError("Filen är inte giltig JSON: den är för djupt nästlad.") from None


def _line_and_column(data: bytes, position: int) -> tuple[int, int]:
    before = data[:position]
    return before.count(b"\n") + 1, position - (before.rfind(b"\n") + 1) + 1


#: The json module's messages (English) in Swedish, by their beginning.
_JSON_REASONS = (
    ("Expecting value", 'här ska ett värde stå (text inom "", ett tal, true, false, null, [ eller {)'),
    ("Expecting property name enclosed in double quotes",
     "här ska ett fältnamn inom dubbla citattecken stå (eller står ett kommatecken för mycket före })"),
    ("Expecting ':' delimiter", "här ska ett kolon (:) stå efter fältnamnet"),
    ("Expecting ',' delimiter", "här ska ett kommatecken (,) stå"),
    ("Unterminated string starting at", 'texten som börjar här slutar aldrig med "'),
    ("Invalid control character at", "ett kontrolltecken (t.ex. en radbrytning) står direkt i en text; skriv \\n"),
    ("Invalid \\uXXXX escape", "ogiltig \\u-sekvens (skriv \\u och fyra hexadecimala siffror)"),
    ("Invalid \\escape", "ogiltig sekvens med omvänt snedstreck (\\)"),
    ("Extra data", "efter JSON-värdet står mer text"),
    ("Illegal trailing comma", "ett kommatecken för mycket före } eller ]"),
)


def _json_reason(message: str) -> str:
    for english, swedish in _JSON_REASONS:
        if message.startswith(english):
            return swedish
    return "texten följer inte JSON-formatet"


class _NotJson:
    """``NaN``, ``Infinity`` or ``-Infinity``: Python's json reads them, JSON has no such values."""

    def __init__(self, text: str) -> None:
        self.text = text


class _HugeNumber:
    """A whole number with more digits than any the database stores, kept as its digits (Python
    refuses to convert more than 4 300 digits, and converts slowly below that)."""

    def __init__(self, text: str) -> None:
        self.text = text


def _json_integer(text: str) -> int | _HugeNumber:
    return int(text) if len(text.lstrip("-")) <= 20 else _HugeNumber(text)


class _RepeatedMembers(dict[str, Any]):
    """A JSON object that names a member more than once (json keeps the last one, silently)."""

    repeated: list[str]


def _json_object(pairs: list[tuple[str, Any]]) -> JsonObject:
    document = dict(pairs)
    if len(document) == len(pairs):
        return document
    marked = _RepeatedMembers(document)
    marked.repeated = []
    seen: set[str] = set()
    for key, _value in pairs:
        if key in seen and key not in marked.repeated:
            marked.repeated.append(key)
        seen.add(key)
    return marked


def check_document(document: object) -> JsonObject:
    """Check the document's type, version and schema, and return it as the JSON object it is.
    Raises ExchangeError listing every problem."""
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise ExchangeError(
            "Filen är ingen överenskommelse från Medborgarlöften "
            f'(fältet "format" ska vara "{FORMAT_NAME}").'
        )
    problems = _value_problems(document)
    if problems:
        raise ExchangeError("Filen kan inte importeras. Ingenting har importerats.", problems)
    minor = _minor_version(document)
    from jsonschema import Draft202012Validator, FormatChecker

    validator = Draft202012Validator(_schema(minor), format_checker=FormatChecker())
    failures: list[tuple[list[str], str]] = []
    for error in validator.iter_errors(document):
        for failure in _closest(error):
            problem = (list(map(str, failure.absolute_path)), f"{_json_path(failure.absolute_path)}: "
                                                             f"{_schema_message(failure)}")
            if problem not in failures:  # a bad date fails its pattern and its format alike
                failures.append(problem)
    if failures:
        raise ExchangeError(
            "Filen följer inte formatet. Ingenting har importerats.",
            [message for _path, message in sorted(failures)],
        )
    return document


def _minor_version(document: JsonObject) -> int:
    """The document's minor version (0 for a 1.0 document, which has none), after refusing a
    version this program cannot read: a newer one with a message that says to update."""
    version = document.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ExchangeError(f'Fältet "format_version" är ogiltigt: {quoted(version)}.')
    minor: int = document.get("format_minor_version", 0)
    if version == FORMAT_VERSION and "format_minor_version" in document and (
        isinstance(minor, bool) or not isinstance(minor, int) or minor < 1
    ):
        raise ExchangeError(f'Fältet "format_minor_version" är ogiltigt: {quoted(minor)}.')
    if version > FORMAT_VERSION or (version == FORMAT_VERSION and minor > FORMAT_MINOR_VERSION):
        shown = f"{version}.{minor}" if version == FORMAT_VERSION else str(version)
        raise ExchangeError(
            f"Filen är gjord av en nyare version av Medborgarlöften (formatversion {shown}; "
            f"den här versionen läser till och med {FORMAT_VERSION}.{FORMAT_MINOR_VERSION}). Uppdatera programmet. "
            "Ingenting har importerats."
        )
    return minor


def _closest(error: SchemaFailure) -> list[SchemaFailure]:
    """The failures to report for one: an ``anyOf``/``oneOf`` whose value has the type of just
    one alternative (a target object with a bad count, a date that is no date) is reported as
    that alternative's own failures, at their own paths; otherwise as itself."""
    if error.validator not in ("anyOf", "oneOf") or not error.context:
        return [error]
    by_alternative: dict[str | int, list[SchemaFailure]] = {}
    for failure in error.context:
        by_alternative.setdefault(failure.relative_schema_path[0], []).append(failure)
    fitting = [
        failures for failures in by_alternative.values()
        if not any(f.validator in ("type", "const") and f.absolute_path == error.absolute_path for f in failures)
    ]
    if len(fitting) != 1:
        return [error]
    return [closest for failure in fitting[0] for closest in _closest(failure)]


def _value_problems(document: object) -> list[str]:
    """What no schema can see, each with its JSON path: members named twice in one object,
    whole numbers outside the database's range, ``NaN``/``Infinity``, and texts (member names
    included) holding a lone UTF-16 surrogate, which JSON can write ("\\ud800") but no database
    or PDF can store."""
    found: list[tuple[str, str]] = []
    stack: list[tuple[str, object]] = [("$", document)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            if any("\ud800" <= char <= "\udfff" for char in value):
                found.append((path, "ogiltigt tecken (ensamt surrogattecken)"))
        elif isinstance(value, bool):
            continue
        elif isinstance(value, int | _HugeNumber):
            if isinstance(value, _HugeNumber) or not INTEGER_MIN <= value <= INTEGER_MAX:
                digits = value.text if isinstance(value, _HugeNumber) else str(value)
                size = "litet" if digits.startswith("-") else "stort"
                found.append((path, f"talet {shorten(digits)} är för {size} (ett heltal ska ligga mellan "
                                    f"{INTEGER_MIN} och {INTEGER_MAX})"))
        elif isinstance(value, _NotJson):
            found.append((path, f"{value.text} är inget tal i JSON"))
        elif isinstance(value, dict):
            for key in getattr(value, "repeated", ()):
                found.append((path, f"fältet {quoted(key)} står flera gånger i samma objekt"))
            for key, item in value.items():
                member = f"{path}.{shorten(key)}"
                stack.append((member, item))
                stack.append((f"{member} (fältnamnet)", key))
        elif isinstance(value, list):
            stack.extend((f"{path}[{i}]", item) for i, item in enumerate(value))
    return [f"{path}: {message}" for path, message in sorted(found)]


@cache
def _schema(minor: int) -> JsonObject:
    schema: JsonObject = json.loads(resource("schemas", SCHEMA_FILES[minor]).read_text(encoding="utf-8"))
    return schema


def _json_path(parts: Iterable[str | int]) -> str:
    path = "$"
    for part in parts:
        path += f"[{part}]" if isinstance(part, int) else f".{shorten(part)}"
    return path


#: What a JSON type is called in a message.
_TYPE_WORDS = {"string": "text", "integer": "ett heltal", "array": "en lista", "object": "ett objekt",
               "null": "null", "number": "ett tal", "boolean": "sant eller falskt (true/false)"}

#: The schema's definitions ($defs) an anyOf/oneOf alternative can name, in words.
_DEFINITION_WORDS = {"Date": "ett datum (ÅÅÅÅ-MM-DD)", "Key": "en nyckel (A–Z, 0–9, _ . -)", "Text": "text"}


@dataclass(frozen=True)
class _Failure:
    """What one JSON Schema failure says. ``iter_errors`` sets every part (jsonschema's stubs
    also allow an "unset" marker, which never reaches here); the values are any JSON."""

    kind: str | None  # the keyword ("type", "maxLength" …); None for the schema ``false``
    value: Any  # that keyword's value in the schema
    instance: Any  # the value from the file
    schema: Mapping[str, Any]  # the part of the schema the keyword stands in
    context: Sequence[SchemaFailure]

    @classmethod
    def of(cls, error: SchemaFailure) -> _Failure:
        schema = error.schema if isinstance(error.schema, Mapping) else {}
        kind = error.validator if isinstance(error.validator, str) else None
        return cls(kind, error.validator_value, error.instance, schema, error.context)


def _schema_message(failure: SchemaFailure) -> str:
    """The Swedish message for one JSON Schema failure (jsonschema's own are English).

    Every keyword our schema uses has its own text, and so do JSON Schema's other keywords, so
    that a later schema cannot bring an English message back. Values from the file are quoted
    at most ~80 characters (domain/validation.shorten).
    """
    error = _Failure.of(failure)
    kind, value, instance = error.kind, error.value, error.instance
    if kind is None:  # the schema ``false``: nothing is allowed here
        return "får inte finnas här"
    if kind in ("anyOf", "oneOf"):
        return _alternatives_message(error)
    if kind == "required":
        missing = [name for name in value if name not in (instance if isinstance(instance, dict) else {})]
        return f"saknar fältet {', '.join(quoted(n) for n in missing)}"
    if kind in ("additionalProperties", "unevaluatedProperties"):
        known = set(error.schema.get("properties", {}))
        extra = sorted(set(instance) - known) if isinstance(instance, dict) else []
        return f"okänt fält {', '.join(quoted(n) for n in extra[:5])}" + (" …" if len(extra) > 5 else "")
    if kind == "type":
        wanted = value if isinstance(value, list) else [value]
        return f"ska vara {' eller '.join(str(_TYPE_WORDS.get(t, t)) for t in wanted)}, inte {_json_value(instance)}"
    if kind == "enum":
        return f"ogiltigt värde {_json_value(instance)}; tillåtna: {', '.join(map(str, value))}"
    if kind == "const":
        return f"ska vara {_json_value(value)}, inte {_json_value(instance)}"
    if kind == "maxLength":
        return f"för lång text (högst {value} tecken, nu {len(instance)})"
    if kind == "minLength":
        return "får inte vara tom" if value == 1 else f"för kort text (minst {value} tecken)"
    if kind in ("pattern", "format"):
        return f"ogiltig{_pattern_words(error)}: {_json_value(instance)}"
    return _bounds_message(kind, value, instance)


def _bounds_message(kind: str, value: Any, instance: Any) -> str:
    """Numbers, lists, objects and the rarer keywords (see _schema_message)."""
    shown = _json_value(instance)
    plural = "" if value == 1 else "n"
    messages = {
        "minimum": f"måste vara minst {value}, inte {shown}",
        "maximum": f"får vara högst {value}, inte {shown}",
        "exclusiveMinimum": f"måste vara större än {value}, inte {shown}",
        "exclusiveMaximum": f"måste vara mindre än {value}, inte {shown}",
        "multipleOf": f"måste vara en multipel av {value}, inte {shown}",
        "minItems": f"måste ha minst {value} värde{plural}",
        "maxItems": "ska vara tom" if value == 0 else f"får ha högst {value} värde{plural}",
        "uniqueItems": "samma värde står flera gånger i listan",
        "minProperties": f"måste ha minst {value} fält",
        "maxProperties": f"får ha högst {value} fält",
        "dependentRequired": "saknar ett fält som krävs tillsammans med ett annat fält",
        "dependencies": "saknar ett fält som krävs tillsammans med ett annat fält",
        "dependentSchemas": "följer inte reglerna för fälten som finns",
        "not": "har ett värde som inte är tillåtet här",
        "contains": "listan saknar ett värde som krävs",
        "minContains": "listan saknar värden som krävs",
        "maxContains": "listan har för många värden av ett slag",
        "propertyNames": "har ett ogiltigt fältnamn",
        "unevaluatedItems": "har värden som inte är tillåtna i listan",
        "prefixItems": "listans första värden följer inte formatet",
        "items": "listans värden följer inte formatet",
    }
    return messages.get(kind, f"följer inte formatet (regeln «{shorten(kind)}»)")


def _alternatives_message(error: _Failure) -> str:
    """``anyOf``/``oneOf``: what each alternative asks for ("ska vara ett datum … eller null")."""
    wanted: list[str] = []
    for alternative in error.value:
        words = _expected(alternative)
        if words and words not in wanted:
            wanted.append(words)
    shown = _json_value(error.instance)
    if error.kind == "oneOf" and not error.context:  # valid under more than one
        return f"passar in på flera av alternativen ({' eller '.join(wanted)}): {shown}"
    return f"ska vara {' eller '.join(wanted) or 'något annat'}, inte {shown}"


def _expected(alternative: object) -> str:
    """What one alternative of an anyOf/oneOf asks for, in words."""
    if not isinstance(alternative, dict):
        return ""
    if "$ref" in alternative:
        name = alternative["$ref"].rsplit("/", 1)[-1]
        return _DEFINITION_WORDS.get(name, f"ett värde av typen {shorten(name)}")
    if "const" in alternative:
        return _json_value(alternative["const"])
    if "type" in alternative:
        types = alternative["type"] if isinstance(alternative["type"], list) else [alternative["type"]]
        return " eller ".join(str(_TYPE_WORDS.get(t, t)) for t in types)
    return ""


def _pattern_words(error: _Failure) -> str:
    """The end of "ogiltig…" for a pattern or format failure: what the value should look like."""
    rule = f"{error.value} {error.schema.get('format', '')}"
    if "T\\d{2}" in rule or "date-time" in rule:
        return " tidpunkt (skriv ÅÅÅÅ-MM-DDTtt:mm:ssZ)"
    if "date" in rule or "\\d{4}-" in rule:
        return "t datum (skriv ÅÅÅÅ-MM-DD)"
    if "A-Za-z0-9" in rule:
        return " nyckel (bokstäverna A–Z, siffror och _ . -, högst 40 tecken)"
    return "t format"


def _json_value(value: object) -> str:
    """A value from the file as JSON writes it (``"text"``, ``null``, ``12``), at most ~80 characters."""
    if isinstance(value, str):
        return f'"{shorten(value)}"'
    if isinstance(value, dict):
        return "ett objekt"
    if isinstance(value, list):
        return "en lista"
    try:
        return shorten(json.dumps(value, ensure_ascii=False))
    except (TypeError, ValueError):
        return shorten(value)


# --- export ---------------------------------------------------------------------------------
class _Exporter:
    def __init__(self) -> None:
        self.org_keys: dict[int, str] = {}
        self.person_keys: dict[int, str] = {}
        self.organisations: list[JsonObject] = []
        self.people: list[JsonObject] = []
        self.focus_count = 0
        self.has_walks = False
        self.has_next_steps = False

    def document(self, agreement: m.Agreement) -> JsonObject:
        body = self.agreement(agreement)
        minor = FORMAT_MINOR_VERSION
        if not self.has_next_steps:  # nothing 1.3 adds: written as 1.2 or 1.1, exactly as before
            _without(body, "period_follow_ups")
            minor = WITH_WALKS_MINOR_VERSION
            if not self.has_walks:
                _without(body, "safety_walks")
                minor = WITHOUT_WALKS_MINOR_VERSION
        return {
            "format": FORMAT_NAME,
            "format_version": FORMAT_VERSION,
            "format_minor_version": minor,
            "organisations": self.organisations,
            "people": self.people,
            "agreement": body,
        }

    def safety_walks(self, row: m.Agreement, measure_index: dict[int, tuple[int, int]]) -> list[JsonObject]:
        """The agreement's safety walks, oldest first, with their findings (``measure_index``: a
        measure's id → its place among the agreement's promises and measures)."""
        session = object_session(row)
        assert session is not None
        walks = session.scalars(
            select(m.SafetyWalk).where(m.SafetyWalk.agreement_id == row.id)
            .order_by(m.SafetyWalk.walked_on, m.SafetyWalk.id)
        ).all()
        self.has_walks = self.has_walks or bool(walks)
        exported = []
        for walk in walks:
            findings = []
            for finding in walk.findings:
                at = measure_index.get(finding.measure_id) if finding.measure_id is not None else None
                findings.append({
                    "text": finding.text,
                    "place": finding.place,
                    "owner": self.org(finding.owner),
                    "status": finding.status.value,
                    "reason": finding.reason,
                    "dealt_on": finding.dealt_on.isoformat() if finding.dealt_on else None,
                    "latitude": finding.latitude,
                    "longitude": finding.longitude,
                    "measure": {"promise": at[0], "measure": at[1]} if at is not None else None,
                })
            exported.append({
                "date": walk.walked_on.isoformat(), "place": walk.place, "participants": walk.participants,
                "findings": findings,
            })
        return exported

    def period_follow_ups(self, row: m.Agreement, order: dict[str, int]) -> list[JsonObject]:
        """The periods' next steps, in the order of the periods; a period with none is left out."""
        stored = sorted((r for r in row.period_follow_ups if r.next_steps),
                        key=lambda r: (order.get(r.period, len(order)), r.period))
        self.has_next_steps = self.has_next_steps or bool(stored)
        return [{"period": r.period, "next_steps": r.next_steps} for r in stored]

    def org(self, organisation: m.Organisation | None) -> str | None:
        if organisation is None:
            return None
        if organisation.id not in self.org_keys:
            key = f"o{len(self.org_keys) + 1}"
            self.org_keys[organisation.id] = key
            self.organisations.append(
                {"key": key, "name": organisation.name, "kind": organisation.kind.value,
                 "short_name": organisation.short_name}
            )
        return self.org_keys[organisation.id]

    def person(self, person: m.Person | None) -> str | None:
        if person is None:
            return None
        if person.id not in self.person_keys:
            organisation_key = self.org(person.organisation)
            key = f"p{len(self.person_keys) + 1}"
            self.person_keys[person.id] = key
            self.people.append(
                {"key": key, "name": person.name, "title": person.title,
                 "organisation": organisation_key, "email": person.email, "phone": person.phone}
            )
        return self.person_keys[person.id]

    def agreement(self, row: m.Agreement) -> JsonObject:
        parties = []
        for party in row.parties:
            parties.append(
                {"organisation": self.org(party.organisation),
                 "signatories": [self.person(s.person) for s in party.signatories]}
            )
        focus_keys = {f.id: f"f{self.focus_count + i + 1}" for i, f in enumerate(row.focus_areas)}
        self.focus_count += len(focus_keys)
        order = {
            p.label: i
            for i, p in enumerate(period_rules.periods_for(row.start_date, row.end_date, row.reporting_scheme))
        }
        promises = []
        for promise in row.promises:
            promises.append(
                {
                    "text": promise.text,
                    "as_written": promise.as_written,
                    "description": promise.description,
                    "made_by": [self.org(o) for o in promise.makers],
                    "measures": [self.measure(x, focus_keys, order) for x in promise.measures],
                }
            )
        return {
            "kind": row.kind.value,
            "title": row.title,
            "municipality": row.municipality,
            "police_area": row.police_area,
            "start_date": row.start_date.isoformat(),
            "end_date": row.end_date.isoformat(),
            "reporting_scheme": row.reporting_scheme.value,
            "case_number": row.case_number,
            "signing_place": row.signing_place,
            "signing_date": row.signing_date.isoformat() if row.signing_date else None,
            "state": row.state.value,
            "revision": row.revision,
            "sections": {
                "introduction": row.introduction,
                "situation": row.situation,
                "intended_effects": row.intended_effects,
                "follow_up": row.follow_up_text,
            },
            "goals": [g.text for g in row.goals],
            "parties": parties,
            "focus_areas": [
                {"key": focus_keys[f.id], "name": f.name, "description": f.description}
                for f in row.focus_areas
            ],
            "promises": promises,
            "safety_walks": self.safety_walks(row, {
                x.id: (i, j) for i, promise in enumerate(row.promises) for j, x in enumerate(promise.measures)
            }),
            "period_follow_ups": self.period_follow_ups(row, order),
            "documents": [self.agreement(child) for child in row.documents],
        }

    def measure(self, row: m.Measure, focus_keys: dict[int, str], order: dict[str, int]) -> JsonObject:
        follow_ups = sorted(row.follow_ups, key=lambda f: (order.get(f.period, len(order)), f.period))
        return {
            "title": row.title,
            "description": row.description,
            "cause": row.cause,
            "responsible": self.org(row.responsible),
            "contact": self.person(row.contact),
            "participants": [self.org(o) for o in row.participants],
            "focus_area": focus_keys.get(row.focus_area_id) if row.focus_area_id else None,
            "start_date": row.start_date.isoformat() if row.start_date else None,
            "deadline": row.deadline.isoformat() if row.deadline else None,
            "target": {"count": row.target_count, "unit": row.target_unit}
            if row.target_count is not None
            else None,
            "occurrences": [
                {"date": o.occurred_on.isoformat(), "place": o.place, "note": o.note}
                for o in row.occurrences
            ],
            "follow_ups": [
                {
                    "period": f.period,
                    "status": f.status.value,
                    "light": f.light.value,
                    "count_achieved": f.count_achieved,
                    "comment": f.comment,
                    "updated_at": f.updated_at.strftime(TIMESTAMP_FORMAT),
                }
                for f in follow_ups
            ],
        }


def _without(agreement: JsonObject, member: str) -> None:
    """Take the (empty) ``member`` of a newer minor version out of an agreement and its documents."""
    del agreement[member]
    for child in agreement["documents"]:
        _without(child, member)


# --- import ---------------------------------------------------------------------------------
#: The validators name the stored fields; an import error must name the member in the file.
_DOCUMENT_MEMBERS = {
    "responsible_id": "responsible",
    "contact_id": "contact",
    "participant_ids": "participants",
    "focus_area_id": "focus_area",
    "target_count": "target.count",
    "target_unit": "target.unit",
    "maker_ids": "made_by",
    "occurred_on": "date",
    "organisation_id": "organisation",
    "introduction": "sections.introduction",
    "situation": "sections.situation",
    "intended_effects": "sections.intended_effects",
    "follow_up_text": "sections.follow_up",
    "walked_on": "date",
    "owner_id": "owner",
}


def _document_path(field: str) -> str:
    """``$.x.measures[2].responsible_id`` → ``$.x.measures[2].responsible`` (the JSON member)."""
    head, dot, last = field.rpartition(".")
    if dot and last in _DOCUMENT_MEMBERS:
        return f"{head}.{_DOCUMENT_MEMBERS[last]}"
    return field


class _Importer:
    """Builds rows from a schema-valid document, collecting every problem with its JSON path."""

    def __init__(self, session: Session) -> None:
        self.s = session
        self.problems: list[str] = []
        self.orgs: dict[str, m.Organisation] = {}
        self.people: dict[str, m.Person] = {}
        self.focus_keys: set[str] = set()
        self.counts = {"org_new": 0, "org_old": 0, "person_new": 0, "person_old": 0}

    def run(self, document: JsonObject) -> list[int]:
        for i, item in enumerate(document["organisations"]):
            self.organisation(item, f"$.organisations[{i}]")
        for i, item in enumerate(document["people"]):
            self.person(item, f"$.people[{i}]")
        ids: list[int] = []
        if not self.problems:
            self.agreement(document["agreement"], "$.agreement", None, ids)
        return ids

    def fail(self, error: ValidationError | FieldError) -> None:
        errors = error.errors if isinstance(error, ValidationError) else (error,)
        for e in errors:
            self.problems.append(f"{_document_path(e.field)}: {e.message}")

    def organisation(self, item: JsonObject, path: str) -> None:
        if item["key"] in self.orgs:
            self.fail(FieldError(f"{path}.key", f"nyckeln {quoted(item['key'])} finns redan"))
            return
        existing = self.s.scalar(
            select(m.Organisation).where(m.Organisation.name == item["name"].strip(),
                                         m.Organisation.kind == item["kind"])
        )
        if existing is not None:
            self.orgs[item["key"]] = existing
            self.counts["org_old"] += 1
            return
        try:
            values = validate_organisation(self.s, item, current_id=None, prefix=f"{path}.")
        except ValidationError as error:
            self.fail(error)
            return
        row = m.Organisation(**values)
        self.s.add(row)
        self.s.flush()
        self.orgs[item["key"]] = row
        self.counts["org_new"] += 1

    def person(self, item: JsonObject, path: str) -> None:
        if item["key"] in self.people:
            self.fail(FieldError(f"{path}.key", f"nyckeln {quoted(item['key'])} finns redan"))
            return
        organisation = self.org_ref(item["organisation"], f"{path}.organisation")
        values = {k: item[k] for k in ("name", "title", "email", "phone")}
        values["organisation_id"] = organisation.id if organisation else None
        try:
            values = validate_person(self.s, values, prefix=f"{path}.")
        except ValidationError as error:
            self.fail(error)
            return
        existing = self.s.scalar(
            select(m.Person).where(m.Person.name == values["name"],
                                   m.Person.organisation_id.is_(values["organisation_id"])
                                   if values["organisation_id"] is None
                                   else m.Person.organisation_id == values["organisation_id"])
            .order_by(m.Person.id).limit(1)
        )
        if existing is not None:
            self.people[item["key"]] = existing
            self.counts["person_old"] += 1
            return
        row = m.Person(**values)
        self.s.add(row)
        self.s.flush()
        self.people[item["key"]] = row
        self.counts["person_new"] += 1

    def no_repeats(self, keys: list[str], path: str) -> None:
        for i, key in enumerate(keys):
            if key in keys[:i]:
                self.fail(FieldError(f"{path}[{i}]", f"{quoted(key)} står två gånger"))

    def org_ref(self, key: str | None, path: str) -> m.Organisation | None:
        if key is None:
            return None
        if key not in self.orgs:
            self.fail(FieldError(path, f"okänd organisation {quoted(key)} (finns inte under $.organisations)"))
            return None
        return self.orgs[key]

    def person_ref(self, key: str | None, path: str) -> m.Person | None:
        if key is None:
            return None
        if key not in self.people:
            self.fail(FieldError(path, f"okänd person {quoted(key)} (finns inte under $.people)"))
            return None
        return self.people[key]

    def agreement(self, item: JsonObject, path: str, parent: m.Agreement | None, ids: list[int]) -> None:
        values = {
            "kind": item["kind"], "parent_id": parent.id if parent else None,
            "title": item["title"], "municipality": item["municipality"],
            "police_area": item["police_area"], "start_date": item["start_date"],
            "end_date": item["end_date"], "reporting_scheme": item["reporting_scheme"],
            "case_number": item["case_number"], "signing_place": item["signing_place"],
            "signing_date": item["signing_date"],
            "introduction": item["sections"]["introduction"],
            "situation": item["sections"]["situation"],
            "intended_effects": item["sections"]["intended_effects"],
            "follow_up_text": item["sections"]["follow_up"],
        }
        try:
            cleaned = validate_agreement(self.s, values, current=None, prefix=f"{path}.")
            goals = validate_goals(item["goals"], prefix=f"{path}.goals")
        except ValidationError as error:
            self.fail(error)
            return
        if item["documents"] and cleaned["kind"].value != "cooperation_agreement":
            self.fail(FieldError(
                f"{path}.documents", "bara en samverkansöverenskommelse kan ha medborgarlöften under sig"
            ))
            return
        # Made as a draft and given its state once its plan is in: the database refuses plan
        # rows under a signed agreement (migration 0006), and the log then shows the signing.
        row = m.Agreement(**cleaned, state=AgreementState.DRAFT, revision=item["revision"])
        row.goals = [m.Goal(position=i, text=t) for i, t in enumerate(goals)]
        self.s.add(row)
        self.s.flush()
        ids.append(row.id)
        self.parties(row, item["parties"], path)
        focus = self.focus_areas(row, item["focus_areas"], path)
        self.s.flush()
        self.s.refresh(row)
        measures = [self.promise(row, promise, f"{path}.promises[{i}]", focus)
                    for i, promise in enumerate(item["promises"])]
        self.s.flush()
        # 1.0 and 1.1 have no safety walks; 1.0 to 1.2 no period's next steps.
        for i, walk in enumerate(item.get("safety_walks", [])):
            self.safety_walk(row, walk, f"{path}.safety_walks[{i}]", measures)
        self.period_follow_ups(row, item.get("period_follow_ups", []), f"{path}.period_follow_ups")
        row.state = AgreementState(item["state"])
        for i, child in enumerate(item["documents"]):
            self.agreement(child, f"{path}.documents[{i}]", row, ids)

    def period_follow_ups(self, agreement: m.Agreement, items: list[JsonObject], path: str) -> None:
        """Each period's next steps: a period of the agreement, once, with a text."""
        seen: set[str] = set()
        for i, item in enumerate(items):
            where = f"{path}[{i}]"
            check = Checker(f"{where}.")
            text = check.text("next_steps", item["next_steps"], label="Nästa steg", max_length=LONG_TEXT_MAX,
                              required=True, multiline=True)
            try:
                check.raise_if_any()
            except ValidationError as error:
                self.fail(error)
                continue
            try:
                label = checked_period(agreement, item["period"])
            except ValidationError as error:
                self.fail(FieldError(f"{where}.period", "; ".join(e.message for e in error.errors)))
                continue
            if label in seen:
                self.fail(FieldError(f"{where}.period", f"perioden {quoted(label)} finns redan"))
                continue
            seen.add(label)
            self.s.add(m.PeriodFollowUp(agreement_id=agreement.id, period=label, next_steps=text,
                                        updated_at=datetime.now(UTC).replace(tzinfo=None, microsecond=0)))

    def parties(self, agreement: m.Agreement, parties: list[JsonObject], path: str) -> None:
        seen: set[int] = set()
        for i, item in enumerate(parties):
            organisation = self.org_ref(item["organisation"], f"{path}.parties[{i}].organisation")
            if organisation is None:
                continue
            if organisation.id in seen:
                self.fail(FieldError(f"{path}.parties[{i}].organisation", f"{organisation.name} är part två gånger"))
                continue
            seen.add(organisation.id)
            party = m.Party(organisation=organisation, position=i)
            agreement.parties.append(party)
            signed: set[int] = set()
            for j, key in enumerate(item["signatories"]):
                person = self.person_ref(key, f"{path}.parties[{i}].signatories[{j}]")
                if person is None:
                    continue
                if person.id in signed:
                    self.fail(FieldError(f"{path}.parties[{i}].signatories[{j}]", f"{person.name} finns två gånger"))
                    continue
                signed.add(person.id)
                party.signatories.append(m.Signatory(person=person, position=j))

    def focus_areas(self, agreement: m.Agreement, areas: list[JsonObject], path: str) -> dict[str, m.FocusArea]:
        keys: dict[str, m.FocusArea] = {}
        for i, item in enumerate(areas):
            where = f"{path}.focus_areas[{i}]"
            if item["key"] in self.focus_keys:
                self.fail(FieldError(f"{where}.key", f"nyckeln {quoted(item['key'])} finns redan"))
                continue
            self.focus_keys.add(item["key"])
            try:
                values = validate_focus_area(item, prefix=f"{where}.")
            except ValidationError as error:
                self.fail(error)
                continue
            area = m.FocusArea(**values, position=i)
            agreement.focus_areas.append(area)
            keys[item["key"]] = area
        return keys

    def safety_walk(self, agreement: m.Agreement, item: JsonObject, path: str,
                    measures: list[list[m.Measure | None]]) -> None:
        """A safety walk with its findings; a finding's measure is named by its place in the promises."""
        try:
            values = validate_walk({"walked_on": item["date"], "place": item["place"],
                                    "participants": item["participants"]}, prefix=f"{path}.")
        except ValidationError as error:
            self.fail(error)
            return
        walk = m.SafetyWalk(agreement_id=agreement.id, **values)
        self.s.add(walk)
        today = date.today()
        for i, finding in enumerate(item["findings"]):
            where = f"{path}.findings[{i}]"
            owner = self.org_ref(finding["owner"], f"{where}.owner")
            measure = None
            if finding["measure"] is not None:
                at = finding["measure"]
                promise_measures = measures[at["promise"]] if at["promise"] < len(measures) else []
                measure = promise_measures[at["measure"]] if at["measure"] < len(promise_measures) else None
                if measure is None:
                    self.fail(FieldError(f"{where}.measure", (
                        f"åtgärd {at['measure']} under löfte {at['promise']} finns inte i överenskommelsen"
                    )))
                    continue
            try:
                cleaned = validate_finding(
                    {key: finding[key] for key in ("text", "place", "status", "reason", "dealt_on", "latitude",
                                                   "longitude")} | {"owner_id": owner.id if owner else None},
                    session=self.s, walked_on=values["walked_on"], today=today, prefix=f"{where}.",
                )
            except ValidationError as error:
                self.fail(error)
                continue
            walk.findings.append(m.WalkFinding(**cleaned, position=len(walk.findings),
                                               measure_id=measure.id if measure else None))
        self.s.flush()

    def promise(self, agreement: m.Agreement, item: JsonObject, path: str,
                focus: dict[str, m.FocusArea]) -> list[m.Measure | None]:
        """The promise and its measures (the measures made, in order; None where one was refused)."""
        self.no_repeats(item["made_by"], f"{path}.made_by")
        makers = [self.org_ref(k, f"{path}.made_by[{i}]") for i, k in enumerate(item["made_by"])]
        try:
            values = validate_promise(
                self.s, agreement,
                {"text": item["text"], "description": item["description"],
                 "maker_ids": [o.id for o in makers if o is not None],
                 # 1.0 has no as_written: its every promise continues "… lovar att"
                 "as_written": item.get("as_written", False)},
                prefix=f"{path}.",
            )
        except ValidationError as error:
            self.fail(error)
            return []
        row = m.Promise(text=values["text"], description=values["description"], as_written=values["as_written"],
                        position=len(agreement.promises))
        agreement.promises.append(row)
        self.s.flush()
        _set_organisations(self.s, m.promise_makers, "promise_id", row.id, values["maker_ids"])
        return [self.measure(agreement, row, measure, f"{path}.measures[{i}]", focus, i)
                for i, measure in enumerate(item["measures"])]

    def measure(self, agreement: m.Agreement, promise: m.Promise, item: JsonObject, path: str,
                focus: dict[str, m.FocusArea], position: int) -> m.Measure | None:
        responsible = self.org_ref(item["responsible"], f"{path}.responsible")
        contact = self.person_ref(item["contact"], f"{path}.contact")
        self.no_repeats(item["participants"], f"{path}.participants")
        participants = [self.org_ref(k, f"{path}.participants[{i}]") for i, k in enumerate(item["participants"])]
        area = None
        if item["focus_area"] is not None:
            area = focus.get(item["focus_area"])
            if area is None:
                self.fail(FieldError(f"{path}.focus_area", f"okänt fokusområde {quoted(item['focus_area'])}"))
        target = item["target"] or {}
        values = {
            "promise_id": promise.id, "title": item["title"], "description": item["description"],
            "cause": item["cause"], "responsible_id": responsible.id if responsible else None,
            "contact_id": contact.id if contact else None,
            "participant_ids": [o.id for o in participants if o is not None],
            "focus_area_id": area.id if area else None,
            "start_date": item["start_date"], "deadline": item["deadline"],
            "target_count": target.get("count"), "target_unit": target.get("unit", ""),
            "previous_measure_id": None,
        }
        try:
            # A transferred plan keeps its dates even where they lie outside the agreement.
            cleaned = validate_measure(self.s, agreement, values, allow_outside_agreement=True, prefix=f"{path}.")
        except ValidationError as error:
            self.fail(error)
            return None
        participant_ids = cleaned.pop("participant_ids")
        row = m.Measure(**cleaned, position=position)
        self.s.add(row)
        self.s.flush()
        _set_organisations(self.s, m.measure_participants, "measure_id", row.id, participant_ids)
        for i, occurrence in enumerate(item["occurrences"]):
            try:
                values = validate_occurrence(
                    {"occurred_on": occurrence["date"], "place": occurrence["place"], "note": occurrence["note"]},
                    prefix=f"{path}.occurrences[{i}].",
                )
            except ValidationError as error:
                self.fail(error)
                continue
            row.occurrences.append(m.Occurrence(**values))
        seen: set[str] = set()
        for i, follow_up in enumerate(item["follow_ups"]):
            where = f"{path}.follow_ups[{i}]"
            try:
                values = validate_follow_up(agreement, follow_up, prefix=f"{where}.")
            except ValidationError as error:
                self.fail(error)
                continue
            if values["period"] in seen:
                self.fail(FieldError(f"{where}.period", f"två uppföljningar för perioden {values['period']}"))
                continue
            seen.add(values["period"])
            try:
                stamp = datetime.strptime(follow_up["updated_at"], TIMESTAMP_FORMAT)
            except ValueError:
                self.fail(FieldError(f"{where}.updated_at", f"ogiltig tidpunkt {quoted(follow_up['updated_at'])}"))
                continue
            row.follow_ups.append(m.FollowUp(**values, updated_at=stamp))
        self.s.flush()
        return row

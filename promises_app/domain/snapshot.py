"""An agreement's content frozen as plain data: what a signed revision is (docs/reliability.md, P9–P11).

``AgreementSnapshot`` holds everything the printed agreement says and everything a later
revision is compared with: the agreement's own fields and text sections, its goals, the
parties with their logos and the signatories who signed, the focus areas, and the promises
with their measures. Rows keep their database ids, so a measure is the same measure in
revision 1 and revision 2 even when its title changed.

``to_json`` is the canonical form (sorted keys, no whitespace, UTF-8 as is): the same content
always gives the same text, and ``content_sha256`` of that text is the content hash stored
with a signed revision and printed (shortened) in the PDF's footer. ``from_json`` reads it
back; the PDF of a signed revision is rendered from that, never from the live rows.

A member added after format 1 has a default and is written only when it differs from it
(``SnapshotPromise.as_written``): content that does not use it keeps the very text, and so
the hash, it had before the member existed, and a revision signed before reads back as it was.

No SQLAlchemy and no Qt here: the services build snapshots, the reports render them.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import MISSING, dataclass, fields, is_dataclass
from datetime import date
from typing import TYPE_CHECKING, TypeVar, get_args, get_origin, get_type_hints

from promises_app.domain.enums import AgreementKind, AgreementState, OrganisationKind, ReportingScheme
from promises_app.domain.errors import SnapshotFormatError
from promises_app.domain.validation import quoted

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

_T = TypeVar("_T", bound="DataclassInstance")

#: Bumped when the snapshot's shape changes; old snapshots keep their own format number.
SNAPSHOT_FORMAT = 1


@dataclass(frozen=True)
class SnapshotOrganisation:
    id: int
    name: str
    short_name: str
    kind: OrganisationKind


@dataclass(frozen=True)
class SnapshotSignatory:
    person_id: int
    name: str
    title: str


@dataclass(frozen=True)
class SnapshotParty:
    organisation: SnapshotOrganisation
    #: The organisation's logo as printed (re-encoded PNG, base64), or "".
    logo_png_base64: str
    signatories: tuple[SnapshotSignatory, ...]


@dataclass(frozen=True)
class SnapshotFocusArea:
    id: int
    name: str
    description: str


@dataclass(frozen=True)
class SnapshotMeasure:
    id: int
    title: str
    description: str
    cause: str
    responsible_id: int | None
    responsible_name: str
    participant_names: tuple[str, ...]
    focus_area_id: int | None
    focus_area_name: str
    start_date: date | None
    deadline: date | None
    target_count: int | None
    target_unit: str


@dataclass(frozen=True)
class SnapshotPromise:
    id: int
    text: str
    description: str
    makers: tuple[SnapshotOrganisation, ...]
    measures: tuple[SnapshotMeasure, ...]
    #: The text is printed as written, not as the continuation of "… lovar att" (domain/who_promises.py).
    as_written: bool = False


@dataclass(frozen=True)
class AgreementSnapshot:
    format: int
    agreement_id: int
    kind: AgreementKind
    state: AgreementState
    revision: int
    title: str
    municipality: str
    police_area: str
    start_date: date
    end_date: date
    reporting_scheme: ReportingScheme
    case_number: str
    signing_place: str
    signing_date: date | None
    introduction: str
    situation: str
    intended_effects: str
    follow_up_text: str
    goals: tuple[str, ...]
    parties: tuple[SnapshotParty, ...]
    focus_areas: tuple[SnapshotFocusArea, ...]
    promises: tuple[SnapshotPromise, ...]

    @property
    def measures(self) -> tuple[SnapshotMeasure, ...]:
        """Every measure, in promise order."""
        return tuple(measure for promise in self.promises for measure in promise.measures)


# --- canonical text and hash ------------------------------------------------------------------
def to_json(snapshot: AgreementSnapshot) -> str:
    """The canonical JSON text: equal content, equal text (and so equal hash)."""
    return json.dumps(_members(snapshot), sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=_plain)


def content_sha256(snapshot: AgreementSnapshot) -> str:
    return sha256_text(to_json(snapshot))


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def from_json(text: str) -> AgreementSnapshot:
    """Read a snapshot back from its canonical text (SnapshotFormatError if it is not one)."""
    try:
        data = json.loads(text)
    except (TypeError, ValueError) as error:
        where = f" (rad {error.lineno}, kolumn {error.colno})" if isinstance(error, json.JSONDecodeError) else ""
        raise SnapshotFormatError(f"Den sparade revisionen är inte giltig JSON{where}.") from error
    if not isinstance(data, dict) or data.get("format") != SNAPSHOT_FORMAT:
        found = data.get("format") if isinstance(data, dict) else None
        raise SnapshotFormatError(f"Den sparade revisionen har ett okänt format ({quoted(found)}).")
    try:
        return _build(AgreementSnapshot, data)
    except (KeyError, TypeError, ValueError) as error:
        raise SnapshotFormatError(f"Den sparade revisionen går inte att läsa ({error}).") from error


def _members(value: object) -> object:
    """The snapshot as JSON values (as ``dataclasses.asdict``), leaving out a member that has a
    default and holds it (see the module: such members came after format 1)."""
    if is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: _members(getattr(value, f.name))
            for f in fields(value)
            if f.default is MISSING or getattr(value, f.name) != f.default
        }
    if isinstance(value, tuple | list):
        return [_members(item) for item in value]
    return value


def _plain(value: object) -> str:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} kan inte sparas i en revision")


def _build(cls: type[_T], data: object) -> _T:
    """Rebuild a (nested) snapshot dataclass from its JSON form, converting by the type hints."""
    if not isinstance(data, dict):
        raise TypeError(f"{cls.__name__}: väntade ett objekt")
    hints = get_type_hints(cls)
    names = {f.name for f in fields(cls)}
    required = {f.name for f in fields(cls) if f.default is MISSING}
    if not required <= set(data) <= names:
        raise KeyError(", ".join(sorted((set(data) - names) | (required - set(data)))))
    return cls(**{name: _convert(hints[name], data[name]) for name in data})


def _convert(hint: object, value: object) -> object:
    origin = get_origin(hint)
    if origin is tuple:
        item_type = get_args(hint)[0]
        if not isinstance(value, list):
            raise TypeError("väntade en lista")
        return tuple(_convert(item_type, item) for item in value)
    args = get_args(hint)
    if args and type(None) in args:  # X | None
        if value is None:
            return None
        hint = next(arg for arg in args if arg is not type(None))
    if isinstance(hint, type) and is_dataclass(hint):
        return _build(hint, value)
    if hint is date:
        if not isinstance(value, str):
            raise TypeError(f"väntade ett datum, fick {value!r}")
        return date.fromisoformat(value)
    if isinstance(hint, type) and issubclass(hint, (AgreementKind, AgreementState, OrganisationKind, ReportingScheme)):
        if not isinstance(value, str):
            raise TypeError(f"väntade ett kodord, fick {value!r}")
        return hint(value)
    if hint is bool and not isinstance(value, bool):
        raise TypeError(f"väntade sant eller falskt, fick {value!r}")
    if hint is int and (isinstance(value, bool) or not isinstance(value, int)):
        raise TypeError(f"väntade ett heltal, fick {value!r}")
    if hint is str and not isinstance(value, str):
        raise TypeError(f"väntade text, fick {value!r}")
    return value

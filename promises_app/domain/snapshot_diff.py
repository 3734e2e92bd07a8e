"""What changed between two snapshots of an agreement, field by field (the versions page).

``differences(old, new)`` compares a signed revision with a later draft (or two signed
revisions). Rows are matched by their database ids, not by position or title, so renaming a
measure is one changed field rather than a removed and an added measure. Every value is
given as the plain text a person reads (ISO dates, the domain's Swedish words for codes), so
the window, the command line and a report all show the same thing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum, StrEnum
from typing import TypeVar

from promises_app.domain.snapshot import (
    AgreementSnapshot,
    SnapshotFocusArea,
    SnapshotMeasure,
    SnapshotParty,
    SnapshotPromise,
    SnapshotSignatory,
    sha256_text,
)
from promises_app.domain.vocabulary import AS_WRITTEN_WORDS, swedish


class ChangeKind(StrEnum):
    CHANGED = "changed"
    ADDED = "added"
    REMOVED = "removed"
    REORDERED = "reordered"


@dataclass(frozen=True)
class Difference:
    change: ChangeKind
    entity: str  # agreement, goal, party, signatory, focus_area, promise, measure
    #: The row's id where it has one (a measure's id, a party's organisation id), else None.
    entity_id: int | None
    #: Which row, in the user's words: a measure's title, a party's name, "Mål 2".
    label: str
    field: str | None = None
    old: str = ""
    new: str = ""


#: The compared fields of each entity, in the order they are listed.
AGREEMENT_FIELDS = (
    "title", "kind", "municipality", "police_area", "start_date", "end_date", "reporting_scheme",
    "case_number", "introduction", "situation", "intended_effects", "follow_up_text",
)
FOCUS_AREA_FIELDS = ("name", "description")
PROMISE_FIELDS = ("text", "as_written", "description", "makers")
MEASURE_FIELDS = (
    "title", "promise", "description", "cause", "responsible_name", "participant_names",
    "focus_area_name", "start_date", "deadline", "target",
)
PARTY_FIELDS = ("name", "logo")
SIGNATORY_FIELDS = ("name", "title")

_Row = TypeVar("_Row")


def differences(old: AgreementSnapshot, new: AgreementSnapshot) -> list[Difference]:
    """Every difference from ``old`` to ``new``, agreement fields first, then in document order."""
    found: list[Difference] = []
    found += _fields("agreement", None, new.title, old, new, AGREEMENT_FIELDS, _agreement_value)
    found += _goals(old.goals, new.goals)
    found += _parties(old.parties, new.parties)
    found += _rows(
        "focus_area", old.focus_areas, new.focus_areas, lambda f: f.id, lambda f: f.name,
        FOCUS_AREA_FIELDS, _plain_value,
    )
    found += _rows(
        "promise", old.promises, new.promises, lambda p: p.id, lambda p: p.text, PROMISE_FIELDS, _promise_value,
    )
    found += _rows(
        "measure", _placed(old), _placed(new), lambda pm: pm.measure.id, lambda pm: pm.measure.title,
        MEASURE_FIELDS, _placed_measure_value,
    )
    return found


@dataclass(frozen=True)
class _PlacedMeasure:
    """A measure with the text of the promise it stands under (moving it is a change)."""

    promise: str
    measure: SnapshotMeasure


def _placed(snapshot: AgreementSnapshot) -> list[_PlacedMeasure]:
    return [_PlacedMeasure(p.text, m) for p in snapshot.promises for m in p.measures]


# --- generic comparisons ------------------------------------------------------------------------
def _fields(
    entity: str,
    entity_id: int | None,
    label: str,
    old: _Row,
    new: _Row,
    names: Sequence[str],
    value: Callable[[_Row, str], str],
) -> Iterator[Difference]:
    for name in names:
        before, after = value(old, name), value(new, name)
        if before != after:
            yield Difference(ChangeKind.CHANGED, entity, entity_id, label, name, before, after)


def _rows(
    entity: str,
    old_rows: Sequence[_Row],
    new_rows: Sequence[_Row],
    key: Callable[[_Row], int],
    label: Callable[[_Row], str],
    names: Sequence[str],
    value: Callable[[_Row, str], str],
) -> Iterator[Difference]:
    """Rows matched by id: removed ones, then changed and added ones in the new order, then order."""
    old_by_id = {key(row): row for row in old_rows}
    new_ids = {key(row) for row in new_rows}
    for row in old_rows:
        if key(row) not in new_ids:
            yield Difference(ChangeKind.REMOVED, entity, key(row), label(row), old=label(row))
    for row in new_rows:
        before = old_by_id.get(key(row))
        if before is None:
            yield Difference(ChangeKind.ADDED, entity, key(row), label(row), new=label(row))
        else:
            yield from _fields(entity, key(row), label(row), before, row, names, value)
    kept_old = [key(row) for row in old_rows if key(row) in new_ids]
    kept_new = [key(row) for row in new_rows if key(row) in old_by_id]
    if kept_old != kept_new:
        names_old = ", ".join(label(old_by_id[i]) for i in kept_old)
        by_id_new = {key(row): row for row in new_rows}
        names_new = ", ".join(label(by_id_new[i]) for i in kept_new)
        yield Difference(ChangeKind.REORDERED, entity, None, "", "order", names_old, names_new)


def _goals(old: Sequence[str], new: Sequence[str]) -> Iterator[Difference]:
    for index in range(max(len(old), len(new))):
        label = f"Mål {index + 1}"
        before = old[index] if index < len(old) else None
        after = new[index] if index < len(new) else None
        if before is None:
            yield Difference(ChangeKind.ADDED, "goal", None, label, new=after or "")
        elif after is None:
            yield Difference(ChangeKind.REMOVED, "goal", None, label, old=before)
        elif before != after:
            yield Difference(ChangeKind.CHANGED, "goal", None, label, "text", before, after)


def _parties(old: Sequence[SnapshotParty], new: Sequence[SnapshotParty]) -> Iterator[Difference]:
    yield from _rows(
        "party", old, new, lambda p: p.organisation.id, lambda p: p.organisation.name, PARTY_FIELDS, _party_value,
    )
    old_by_id = {p.organisation.id: p for p in old}
    for party in new:
        before = old_by_id.get(party.organisation.id)
        if before is None:
            continue
        for difference in _rows(
            "signatory", before.signatories, party.signatories, lambda s: s.person_id,
            lambda s: s.name, SIGNATORY_FIELDS, _plain_value,
        ):
            # Say for which party: "Anna Svensson (Polisen)".
            label = f"{difference.label} ({party.organisation.name})" if difference.label else party.organisation.name
            yield Difference(
                difference.change, difference.entity, difference.entity_id, label,
                difference.field, difference.old, difference.new,
            )


# --- values as text ------------------------------------------------------------------------------
def as_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Enum):
        return swedish(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return ", ".join(as_text(item) for item in value)
    return str(value)


def _plain_value(row: SnapshotFocusArea | SnapshotSignatory, field: str) -> str:
    return as_text(getattr(row, field))


def _agreement_value(snapshot: AgreementSnapshot, field: str) -> str:
    return as_text(getattr(snapshot, field))


def _party_value(party: SnapshotParty, field: str) -> str:
    if field == "name":
        return party.organisation.name
    # A logo is compared by its fingerprint; the text says whether there is one and which.
    if not party.logo_png_base64:
        return "Ingen logotyp"
    return f"Logotyp {sha256_text(party.logo_png_base64)[:8]}"


def _promise_value(promise: SnapshotPromise, field: str) -> str:
    if field == "makers":
        return ", ".join(o.name for o in promise.makers)
    if field == "as_written":
        return AS_WRITTEN_WORDS[promise.as_written]
    return as_text(getattr(promise, field))


def _placed_measure_value(placed: _PlacedMeasure, field: str) -> str:
    if field == "promise":
        return placed.promise
    return _measure_value(placed.measure, field)


def _measure_value(measure: SnapshotMeasure, field: str) -> str:
    if field == "target":
        if measure.target_count is None:
            return ""
        return f"{measure.target_count} {measure.target_unit}".strip()
    return as_text(getattr(measure, field))

"""Measures pasted from Excel or Word into a promise: a preview first, then all added at once.

``preview`` reads the text (domain/pasted_measures.py) and checks every row as the measure form
would (the same ``validate_measure``), naming the row and the column of each problem: an
organisation that is not a party, a date that is no date or lies outside the agreement, a goal
without a count. ``add`` writes the rows without errors in one transaction; ``remove`` and
``restore`` take them away and put them back (undo, redo), one transaction each.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from promises_app.domain import typed_dates
from promises_app.domain.pasted_measures import COLUMN_NAMES, PastedRow, parse_pasted, parse_target
from promises_app.domain.validation import FieldError, ValidationError
from promises_app.services import convert
from promises_app.services.base import Service, get_row, next_position, remove_from
from promises_app.services.plan import IdMap, MeasureBackup, _measure_backup, _restore_measure, validate_measure
from promises_app.services.records import MeasureRecord
from promises_app.storage import models as m

#: The most rows one paste takes (a whole plan is a few hundred measures at most).
MAX_ROWS = 2000
#: The measure's fields and the pasted column each comes from.
_FIELD_COLUMNS = {
    "title": "title", "responsible_id": "responsible", "start_date": "deadline", "deadline": "deadline",
    "target_count": "target", "target_unit": "target",
}


@dataclass(frozen=True)
class RowError:
    """A problem with one pasted row: its line in the pasted text, the column, and why."""

    line: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"Rad {self.line}, {self.column}: {self.message}"


@dataclass(frozen=True)
class PastedMeasure:
    """One pasted row as it would become a measure, with what is wrong with it (if anything)."""

    line: int
    title: str
    responsible_text: str
    responsible_id: int | None
    responsible_name: str
    deadline_text: str
    deadline: date | None
    target_text: str
    target_count: int | None
    target_unit: str
    errors: tuple[RowError, ...]


@dataclass(frozen=True)
class PastePreview:
    """What pasting would add to a promise, row by row."""

    promise_id: int
    promise_text: str
    rows: tuple[PastedMeasure, ...]
    has_header: bool
    #: Lines with more cells than the four columns (the rest is left out).
    extra_columns: int

    @property
    def good(self) -> tuple[PastedMeasure, ...]:
        return tuple(row for row in self.rows if not row.errors)

    @property
    def errors(self) -> tuple[RowError, ...]:
        return tuple(error for row in self.rows for error in row.errors)


class MeasurePasteService(Service):
    def preview(self, promise_id: int, text: str) -> PastePreview:
        """Every pasted row checked against the promise's agreement; nothing is written."""
        pasted = parse_pasted(text)
        if not pasted.rows:
            raise ValidationError([FieldError("text", "Urklippet innehåller inga rader att klistra in.")])
        if len(pasted.rows) > MAX_ROWS:
            raise ValidationError([FieldError("text", f"Urklippet har {len(pasted.rows)} rader; högst {MAX_ROWS} "
                                                      "åtgärder kan klistras in åt gången.")])
        with self.db.read() as s:
            promise = get_row(s, m.Promise, promise_id, "Löftet")
            agreement = promise.agreement
            parties = {p.organisation.name.casefold(): p.organisation for p in agreement.parties}
            parties |= {p.organisation.short_name.casefold(): p.organisation for p in agreement.parties
                        if p.organisation.short_name and p.organisation.short_name.casefold() not in parties}
            rows = tuple(_checked_row(s, agreement, promise_id, row, parties) for row in pasted.rows)
            return PastePreview(promise_id, promise.text, rows, pasted.has_header, pasted.extra_columns)

    def add(self, preview: PastePreview) -> tuple[MeasureRecord, ...]:
        """The preview's rows without errors, added at the end of the promise in one transaction.

        Each is checked again as it is written (the plan may have changed since the preview): one
        refused row refuses them all (ValidationError naming its row), and nothing is written."""
        made: list[m.Measure] = []
        with self.db.write() as s:
            promise = get_row(s, m.Promise, preview.promise_id, "Löftet")
            for row in preview.good:
                values = _values(preview.promise_id, row)
                try:
                    cleaned = validate_measure(s, promise.agreement, values, allow_outside_agreement=False)
                except ValidationError as error:
                    raise ValidationError([FieldError(e.field, f"Rad {row.line}: {e.message}")
                                           for e in error.errors]) from None
                cleaned.pop("participant_ids")
                measure = m.Measure(**cleaned, position=next_position(promise.measures))
                promise.measures.append(measure)
                made.append(measure)
            s.flush()
            for measure in made:
                s.refresh(measure)
            return tuple(convert.measure(measure) for measure in made)

    def remove(self, measure_ids: Sequence[int]) -> tuple[MeasureBackup, ...]:
        """Take the pasted measures away again (undo), with all that hangs on them, in one transaction."""
        with self.db.write() as s:
            backups = []
            for measure_id in reversed(measure_ids):  # the last first: each keeps its position for restore
                row = get_row(s, m.Measure, measure_id, "Åtgärden")
                backups.append(_measure_backup(s, row))
                remove_from(row.promise.measures, row)
                s.flush()
            return tuple(reversed(backups))

    def restore(self, backups: Sequence[MeasureBackup]) -> IdMap:
        """Put removed measures back at their places (redo), in one transaction."""
        ids: IdMap = {}
        with self.db.write() as s:
            for backup in backups:
                promise = get_row(s, m.Promise, backup.measure.promise_id, "Löftet")
                _restore_measure(s, promise, backup, ids)
            s.flush()
        return ids


def _values(promise_id: int, row: PastedMeasure) -> dict[str, object]:
    return {
        "promise_id": promise_id, "title": row.title, "description": "", "cause": "",
        "responsible_id": row.responsible_id, "contact_id": None, "participant_ids": [],
        "focus_area_id": None, "start_date": None, "deadline": row.deadline,
        "target_count": row.target_count, "target_unit": row.target_unit, "previous_measure_id": None,
    }


def _checked_row(session: Session, agreement: m.Agreement, promise_id: int, row: PastedRow,
                 parties: dict[str, m.Organisation]) -> PastedMeasure:
    """One row read and checked: each problem names the row and the column."""
    errors: list[RowError] = []

    def problem(column: str, message: str) -> None:
        errors.append(RowError(row.line, COLUMN_NAMES[column], message))

    responsible_text = row.cell("responsible")
    organisation = parties.get(responsible_text.casefold()) if responsible_text else None
    if responsible_text and organisation is None:
        names = ", ".join(sorted(o.name for o in {id(o): o for o in parties.values()}.values())) or "inga"
        problem("responsible", f"«{responsible_text}» är inte en part i överenskommelsen (parter: {names}).")
    deadline_text = row.cell("deadline")
    deadline: date | None = None
    if deadline_text:
        try:
            deadline = typed_dates.parse_typed_date(deadline_text)
        except typed_dates.DateTextError as error:
            problem("deadline", str(error))
    target_text = row.cell("target")
    target = parse_target(target_text) if target_text else None
    if target_text and target is None:
        problem("target", f"«{target_text}» börjar inte med ett antal (skriv t.ex. «4 trygghetsvandringar»).")
    measure = PastedMeasure(
        line=row.line, title=row.cell("title"), responsible_text=responsible_text,
        responsible_id=organisation.id if organisation else None,
        responsible_name=organisation.name if organisation else "",
        deadline_text=deadline_text, deadline=deadline, target_text=target_text,
        target_count=target[0] if target else None, target_unit=target[1] if target else "",
        errors=(),
    )
    if not errors:  # the form's own rules: title, dates inside the agreement, a unit with a count
        try:
            validate_measure(session, agreement, _values(promise_id, measure), allow_outside_agreement=False)
        except ValidationError as error:
            for field_error in error.errors:
                column = _FIELD_COLUMNS.get(field_error.field, "title")
                problem(column, field_error.message)
    return PastedMeasure(**{**measure.__dict__, "errors": tuple(errors)})

"""The lägesbild's sources and the safety walks (trygghetsvandringar) with their findings.

The lägesbild text itself is the agreement's ``situation`` field; here are the sources it
rests on ("Polisens trygghetsmätning 2021") and the log of safety walks: when, where, who
took part, and what was found. A finding can be turned into a measure of one of the
agreement's promises, so the plan is tied to the problems found (Brå: Orsak → Åtgärd).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from promises_app.domain.validation import (
    LONG_TEXT_MAX,
    NAME_MAX,
    SHORT_TEXT_MAX,
    TITLE_MAX,
    Checker,
    FieldError,
    ValidationError,
)
from promises_app.services import convert
from promises_app.services.base import (
    FieldValues,
    Service,
    get_row,
    move_to,
    next_position,
    remove_from,
    update_row,
)
from promises_app.services.plan import MEASURE_FIELDS, validate_measure
from promises_app.services.records import (
    FindingMeasureRecord,
    SafetyWalkRecord,
    SituationSourceRecord,
    WalkFindingRecord,
)
from promises_app.storage import models as m

SOURCE_FIELDS = ("text",)
WALK_FIELDS = ("walked_on", "place", "participants")
FINDING_FIELDS = ("text",)


class WalkService(Service):
    # --- sources of the lägesbild --------------------------------------------------------
    def list_sources(self, agreement_id: int) -> list[SituationSourceRecord]:
        with self.db.read() as s:
            get_row(s, m.Agreement, agreement_id, "Överenskommelsen")
            return [source_record(r) for r in _sources_of(s, agreement_id)]

    def add_source(self, agreement_id: int, *, text: str) -> SituationSourceRecord:
        """Add a source at the end of the agreement's list."""
        with self.db.write() as s:
            get_row(s, m.Agreement, agreement_id, "Överenskommelsen")
            row = m.SituationSource(
                agreement_id=agreement_id,
                position=next_position(_sources_of(s, agreement_id)),
                **validate_source({"text": text}),
            )
            s.add(row)
            s.flush()
            return source_record(row)

    def update_source(
        self, source_id: int, *, expected_version: int | None = None, **changes: Any
    ) -> SituationSourceRecord:
        with self.db.write() as s:
            row = update_row(
                s, m.SituationSource, source_id, "Källan",
                expected_version=expected_version, fields=SOURCE_FIELDS, changes=changes,
                validate=lambda values, _row: validate_source(values),
            )
            return source_record(row)

    def delete_source(self, source_id: int) -> None:
        with self.db.write() as s:
            row = get_row(s, m.SituationSource, source_id, "Källan")
            remove_from(_sources_of(s, row.agreement_id), row)
            s.delete(row)

    def move_source(self, source_id: int, new_index: int) -> None:
        with self.db.write() as s:
            row = get_row(s, m.SituationSource, source_id, "Källan")
            move_to(_sources_of(s, row.agreement_id), row, new_index)

    # --- safety walks --------------------------------------------------------------------
    def list_walks(self, agreement_id: int) -> list[SafetyWalkRecord]:
        """The agreement's safety walks, oldest first, each with its findings."""
        with self.db.read() as s:
            get_row(s, m.Agreement, agreement_id, "Överenskommelsen")
            rows = s.scalars(
                select(m.SafetyWalk)
                .where(m.SafetyWalk.agreement_id == agreement_id)
                .options(selectinload(m.SafetyWalk.findings).selectinload(m.WalkFinding.measure))
                .order_by(m.SafetyWalk.walked_on, m.SafetyWalk.id)
            )
            return [walk_record(r) for r in rows]

    def get_walk(self, walk_id: int) -> SafetyWalkRecord:
        with self.db.read() as s:
            return walk_record(get_row(s, m.SafetyWalk, walk_id, "Trygghetsvandringen"))

    def create_walk(
        self, agreement_id: int, *, walked_on: date | str, place: str = "", participants: str = ""
    ) -> SafetyWalkRecord:
        """Log a safety walk (often held before the agreement's period: it feeds its lägesbild)."""
        with self.db.write() as s:
            get_row(s, m.Agreement, agreement_id, "Överenskommelsen")
            values = validate_walk({"walked_on": walked_on, "place": place, "participants": participants})
            row = m.SafetyWalk(agreement_id=agreement_id, **values)
            s.add(row)
            s.flush()
            return walk_record(row)

    def update_walk(
        self, walk_id: int, *, expected_version: int | None = None, **changes: Any
    ) -> SafetyWalkRecord:
        with self.db.write() as s:
            row = update_row(
                s, m.SafetyWalk, walk_id, "Trygghetsvandringen",
                expected_version=expected_version, fields=WALK_FIELDS, changes=changes,
                validate=lambda values, _row: validate_walk(values),
            )
            return walk_record(row)

    def delete_walk(self, walk_id: int) -> None:
        """Delete a walk with its findings; measures made from them stay in the plan."""
        with self.db.write() as s:
            s.delete(get_row(s, m.SafetyWalk, walk_id, "Trygghetsvandringen"))

    # --- findings ------------------------------------------------------------------------
    def add_finding(self, walk_id: int, *, text: str) -> WalkFindingRecord:
        with self.db.write() as s:
            walk = get_row(s, m.SafetyWalk, walk_id, "Trygghetsvandringen")
            row = m.WalkFinding(position=next_position(walk.findings), **validate_finding({"text": text}))
            walk.findings.append(row)
            s.flush()
            return finding_record(row)

    def update_finding(
        self, finding_id: int, *, expected_version: int | None = None, **changes: Any
    ) -> WalkFindingRecord:
        with self.db.write() as s:
            row = update_row(
                s, m.WalkFinding, finding_id, "Iakttagelsen",
                expected_version=expected_version, fields=FINDING_FIELDS, changes=changes,
                validate=lambda values, _row: validate_finding(values),
            )
            return finding_record(row)

    def delete_finding(self, finding_id: int) -> None:
        """Delete a finding; a measure made from it stays in the plan."""
        with self.db.write() as s:
            row = get_row(s, m.WalkFinding, finding_id, "Iakttagelsen")
            remove_from(row.walk.findings, row)

    def move_finding(self, finding_id: int, new_index: int) -> None:
        with self.db.write() as s:
            row = get_row(s, m.WalkFinding, finding_id, "Iakttagelsen")
            move_to(row.walk.findings, row, new_index)

    def turn_finding_into_measure(
        self, finding_id: int, *, promise_id: int, title: str | None = None
    ) -> FindingMeasureRecord:
        """Make a measure of the promise from the finding, and link the finding to it.

        The measure gets the finding's text as its description and as the problem it addresses
        (cause); its title is ``title``, or the finding's first line. The measure goes through
        the plan's own validation (``plan.validate_measure``), and the measure and the link are
        written in one transaction. A signed agreement's plan is locked: the guard's
        ``SignedRecordError`` comes through unchanged and nothing is written.
        """
        with self.db.write() as s:
            finding = get_row(s, m.WalkFinding, finding_id, "Iakttagelsen")
            promise = get_row(s, m.Promise, promise_id, "Löftet")
            if finding.measure_id is not None:
                raise ValidationError([FieldError(
                    "measure_id",
                    f"Iakttagelsen är redan gjord till åtgärden «{finding.measure.title}»"
                    if finding.measure is not None
                    else "Iakttagelsen är redan gjord till en åtgärd.",
                )])
            if promise.agreement_id != finding.walk.agreement_id:
                raise ValidationError([FieldError(
                    "promise_id",
                    "Löfte: välj ett löfte i samma överenskommelse som trygghetsvandringen.",
                )])
            values: FieldValues = dict.fromkeys(MEASURE_FIELDS)
            values |= {
                "promise_id": promise.id,
                "title": _first_line(finding.text) if title is None else title,
                "description": finding.text,
                "cause": finding.text,
                "target_unit": "",
                "participant_ids": (),
            }
            cleaned = validate_measure(s, promise.agreement, values, allow_outside_agreement=False)
            cleaned.pop("participant_ids")  # none: a new measure from a finding has no participants yet
            measure = m.Measure(**cleaned, position=next_position(promise.measures))
            s.add(measure)
            s.flush()  # the signed-agreement guard runs here
            finding.measure_id = measure.id
            s.flush()
            s.refresh(measure)
            s.refresh(finding)
            return FindingMeasureRecord(finding=finding_record(finding), measure=convert.measure(measure))


def _sources_of(session: Session, agreement_id: int) -> list[m.SituationSource]:
    return list(
        session.scalars(
            select(m.SituationSource)
            .where(m.SituationSource.agreement_id == agreement_id)
            .order_by(m.SituationSource.position)
        )
    )


def _first_line(text: str) -> str:
    """A measure's title from a finding: its first line, shortened to fit."""
    line = text.strip().splitlines()[0].strip() if text.strip() else ""
    return line if len(line) <= TITLE_MAX else line[: TITLE_MAX - 1].rstrip() + "…"


# --- validation ----------------------------------------------------------------------------
def validate_source(values: FieldValues, *, prefix: str = "") -> FieldValues:
    check = Checker(prefix)
    cleaned = {"text": check.text("text", values["text"], label="Källa", max_length=SHORT_TEXT_MAX, required=True)}
    check.raise_if_any()
    return cleaned


def validate_walk(values: FieldValues, *, prefix: str = "") -> FieldValues:
    check = Checker(prefix)
    cleaned = {
        "walked_on": check.date_value("walked_on", values["walked_on"], label="Datum", required=True),
        "place": check.text("place", values["place"], label="Plats", max_length=NAME_MAX),
        "participants": check.text(
            "participants", values["participants"], label="Deltagare", max_length=SHORT_TEXT_MAX, multiline=True
        ),
    }
    check.raise_if_any()
    return cleaned


def validate_finding(values: FieldValues, *, prefix: str = "") -> FieldValues:
    check = Checker(prefix)
    cleaned = {
        "text": check.text(
            "text", values["text"], label="Iakttagelse", max_length=LONG_TEXT_MAX, required=True, multiline=True
        )
    }
    check.raise_if_any()
    return cleaned


# --- rows → records ------------------------------------------------------------------------
def source_record(row: m.SituationSource) -> SituationSourceRecord:
    return SituationSourceRecord(row.id, row.agreement_id, row.position, row.text, row.version)


def finding_record(row: m.WalkFinding) -> WalkFindingRecord:
    return WalkFindingRecord(
        id=row.id,
        walk_id=row.walk_id,
        position=row.position,
        text=row.text,
        measure_id=row.measure_id,
        measure_title=row.measure.title if row.measure is not None else "",
        version=row.version,
    )


def walk_record(row: m.SafetyWalk) -> SafetyWalkRecord:
    return SafetyWalkRecord(
        id=row.id,
        agreement_id=row.agreement_id,
        walked_on=row.walked_on,
        place=row.place,
        participants=row.participants,
        findings=tuple(finding_record(f) for f in row.findings),
        version=row.version,
    )

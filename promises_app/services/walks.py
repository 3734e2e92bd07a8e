"""The lägesbild's sources and the safety walks (trygghetsvandringar) with their findings.

The lägesbild text itself is the agreement's ``situation`` field; here are the sources it
rests on ("Polisens trygghetsmätning 2021") and the log of safety walks: when, where, who
took part, and what was found. A finding can be turned into a measure of one of the
agreement's promises, so the plan is tied to the problems found (Brå: Orsak → Åtgärd).
"""

from __future__ import annotations

import math
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from promises_app.domain.enums import FindingStatus
from promises_app.domain.findings import (
    LATITUDE_RANGE,
    LONGITUDE_RANGE,
    FindingCount,
    count_dealt,
    open_too_long,
)
from promises_app.domain.validation import (
    LONG_TEXT_MAX,
    NAME_MAX,
    SHORT_TEXT_MAX,
    TITLE_MAX,
    Checker,
    FieldError,
    ValidationError,
    quoted,
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
from promises_app.services.finding_map import FindingMap, finding_map
from promises_app.services.plan import MEASURE_FIELDS, validate_measure
from promises_app.services.records import (
    FindingMeasureRecord,
    OpenFindingRecord,
    SafetyWalkRecord,
    SituationSourceRecord,
    WalkFindingRecord,
)
from promises_app.storage import models as m

SOURCE_FIELDS = ("text",)
WALK_FIELDS = ("walked_on", "place", "participants")
FINDING_FIELDS = ("text", "place", "owner_id", "status", "reason", "dealt_on", "latitude", "longitude")


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
                .options(
                    selectinload(m.SafetyWalk.findings).selectinload(m.WalkFinding.measure),
                    selectinload(m.SafetyWalk.findings).selectinload(m.WalkFinding.owner),
                )
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
                validate=lambda values, row: validate_walk(values, findings=row.findings),
            )
            return walk_record(row)

    def delete_walk(self, walk_id: int) -> None:
        """Delete a walk with its findings; measures made from them stay in the plan."""
        with self.db.write() as s:
            s.delete(get_row(s, m.SafetyWalk, walk_id, "Trygghetsvandringen"))

    # --- findings ------------------------------------------------------------------------
    def add_finding(
        self,
        walk_id: int,
        *,
        text: str,
        place: str = "",
        owner_id: int | None = None,
        status: FindingStatus | str = FindingStatus.OPEN,
        reason: str = "",
        dealt_on: date | str | None = None,
        latitude: float | None = None,
        longitude: float | None = None,
        today: date | None = None,
    ) -> WalkFindingRecord:
        """Add a finding at the end of the walk's list (open unless said otherwise)."""
        with self.db.write() as s:
            walk = get_row(s, m.SafetyWalk, walk_id, "Trygghetsvandringen")
            values = validate_finding(
                {"text": text, "place": place, "owner_id": owner_id, "status": status, "reason": reason,
                 "dealt_on": dealt_on, "latitude": latitude, "longitude": longitude},
                session=s, walked_on=walk.walked_on, today=today or date.today(),
            )
            row = m.WalkFinding(position=next_position(walk.findings), **values)
            walk.findings.append(row)
            s.flush()
            return finding_record(row)

    def update_finding(
        self, finding_id: int, *, expected_version: int | None = None, today: date | None = None, **changes: Any
    ) -> WalkFindingRecord:
        """Change a finding's fields. Reopening it (status öppen) clears its date and reason."""
        with self.db.write() as s:
            row = update_row(
                s, m.WalkFinding, finding_id, "Iakttagelsen",
                expected_version=expected_version, fields=FINDING_FIELDS, changes=changes,
                validate=lambda values, row: validate_finding(
                    values, session=s, walked_on=row.walk.walked_on, today=today or date.today()
                ),
            )
            return finding_record(row)

    def finding_map(self, agreement_id: int) -> FindingMap:
        """The agreement's findings with coordinates as GeoJSON (services/finding_map.py)."""
        return finding_map(self.list_walks(agreement_id))

    def open_too_long(self, agreement_id: int, *, today: date) -> list[OpenFindingRecord]:
        """The agreement's findings still open more than six months after their walk, oldest walk first."""
        with self.db.read() as s:
            get_row(s, m.Agreement, agreement_id, "Överenskommelsen")
            rows = s.execute(
                select(m.WalkFinding, m.SafetyWalk)
                .join(m.SafetyWalk, m.WalkFinding.walk_id == m.SafetyWalk.id)
                .where(m.SafetyWalk.agreement_id == agreement_id, m.WalkFinding.status == FindingStatus.OPEN)
                .options(selectinload(m.WalkFinding.owner))
                .order_by(m.SafetyWalk.walked_on, m.SafetyWalk.id, m.WalkFinding.position)
            ).all()
            return [
                OpenFindingRecord(
                    finding_id=finding.id,
                    walk_id=walk.id,
                    text=finding.text,
                    place=finding.place or walk.place,
                    walked_on=walk.walked_on,
                    owner_name=finding.owner.name if finding.owner is not None else "",
                )
                for finding, walk in rows
                if open_too_long(finding.status, walk.walked_on, today)
            ]

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


def validate_walk(
    values: FieldValues, *, prefix: str = "", findings: list[m.WalkFinding] | None = None
) -> FieldValues:
    check = Checker(prefix)
    cleaned = {
        "walked_on": check.date_value("walked_on", values["walked_on"], label="Datum", required=True),
        "place": check.text("place", values["place"], label="Plats", max_length=NAME_MAX),
        "participants": check.text(
            "participants", values["participants"], label="Deltagare", max_length=SHORT_TEXT_MAX, multiline=True
        ),
    }
    walked_on = cleaned["walked_on"]
    for finding in findings or ():
        if isinstance(walked_on, date) and finding.dealt_on is not None and finding.dealt_on < walked_on:
            check.add("walked_on", (
                f"Datum: iakttagelsen {quoted(finding.text)} hanterades {finding.dealt_on.isoformat()}, "
                "före det nya datumet för vandringen."
            ))
    check.raise_if_any()
    return cleaned


def validate_finding(
    values: FieldValues, *, session: Session, walked_on: date, today: date, prefix: str = ""
) -> FieldValues:
    """A finding's fields, cleaned: the text, place, owner, status with its reason and date, coordinates.

    Åtgärdad and avböjd need the date it was dealt with (not before the walk, not after today);
    avböjd needs the reason. Reopening (öppen) clears the date and the reason. The coordinates
    are WGS84 degrees, both or neither.
    """
    check = Checker(prefix)
    cleaned: FieldValues = {
        "text": check.text(
            "text", values["text"], label="Iakttagelse", max_length=LONG_TEXT_MAX, required=True, multiline=True
        ),
        "place": check.text("place", values["place"], label="Plats", max_length=NAME_MAX),
    }
    owner_id = values["owner_id"]
    if owner_id is not None and (
        isinstance(owner_id, bool) or not isinstance(owner_id, int) or session.get(m.Organisation, owner_id) is None
    ):
        check.add("owner_id", f"Ägare: organisationen {quoted(owner_id)} finns inte i registret.")
        owner_id = None
    cleaned["owner_id"] = owner_id
    try:
        status = FindingStatus(values["status"])
    except ValueError:
        check.add("status", f"Status: okänd status {quoted(values['status'])} (öppen, åtgärdad eller avböjd).")
        status = FindingStatus.OPEN
    cleaned["status"] = status
    reason = check.text("reason", values["reason"], label="Skäl", max_length=LONG_TEXT_MAX, multiline=True)
    dealt_on = check.date_value("dealt_on", values["dealt_on"], label="Hanterad den", required=False)
    if status is FindingStatus.OPEN:
        reason, dealt_on = "", None
    else:
        if status is FindingStatus.DECLINED and not reason:
            check.add("reason", "Skäl: skriv varför iakttagelsen avböjdes.")
        if status is FindingStatus.DEALT_WITH:
            reason = ""
        if dealt_on is None and values["dealt_on"] in (None, ""):
            word = "åtgärdades" if status is FindingStatus.DEALT_WITH else "avböjdes"
            check.add("dealt_on", f"Hanterad den: skriv datumet då iakttagelsen {word}.")
        elif dealt_on is not None and dealt_on < walked_on:
            check.add("dealt_on", (
                f"Hanterad den ({dealt_on.isoformat()}) får inte vara före trygghetsvandringen "
                f"({walked_on.isoformat()})."
            ))
        elif dealt_on is not None and dealt_on > today:
            check.add("dealt_on", f"Hanterad den ({dealt_on.isoformat()}) får inte vara ett datum i framtiden.")
    cleaned["reason"] = reason
    cleaned["dealt_on"] = dealt_on
    latitude = _degrees(check, "latitude", values["latitude"], label="Latitud", bounds=LATITUDE_RANGE)
    longitude = _degrees(check, "longitude", values["longitude"], label="Longitud", bounds=LONGITUDE_RANGE)
    if (values["latitude"] is None) != (values["longitude"] is None):
        check.add(
            "latitude" if values["latitude"] is None else "longitude",
            "Koordinater: skriv både latitud och longitud, eller ingen av dem.",
        )
    cleaned["latitude"], cleaned["longitude"] = latitude, longitude
    check.raise_if_any()
    return cleaned


def _degrees(check: Checker, field: str, value: object, *, label: str, bounds: tuple[float, float]) -> float | None:
    """A WGS84 latitude or longitude in decimal degrees (a number, or text with a decimal point or comma)."""
    if value is None or value == "":
        return None
    number: float | None = None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value.strip().replace(",", "."))
        except ValueError:
            number = None
    if number is None or not math.isfinite(number):
        check.add(field, f"{label}: måste vara ett tal i decimala grader (WGS84), inte {quoted(value)}.")
        return None
    low, high = bounds
    if not low <= number <= high:
        check.add(field, f"{label}: måste vara mellan {low:g} och {high:g} grader (nu {number:g}).")
        return None
    return number


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
        place=row.place,
        owner_id=row.owner_id,
        owner_name=row.owner.name if row.owner is not None else "",
        status=FindingStatus(row.status),
        reason=row.reason,
        dealt_on=row.dealt_on,
        latitude=row.latitude,
        longitude=row.longitude,
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


# --- counted for the reports -----------------------------------------------------------------
def walk_findings_summary(source: Any, agreement_id: int, until: date) -> tuple[int, int]:
    """``(dealt, total)`` for "Från trygghetsvandringarna: 7 av 9 åtgärdade".

    ``total`` is every finding of the agreement's walks held on or before ``until``; ``dealt``
    those åtgärdade by then (avböjda are not dealt with: :func:`walk_findings_count` tells them
    apart). ``source`` is the ``Services`` (or a ``WalkService``) or an open ``Session``, so the
    follow-up report and the citizens' publication can both ask inside their own read.
    """
    counted = walk_findings_count(source, agreement_id, until)
    return counted.dealt, counted.total


def walk_findings_count(source: Any, agreement_id: int, until: date) -> FindingCount:
    """The findings of walks held up to ``until``: dealt with, declined and in all, as they stood then."""
    if isinstance(source, Session):
        return _count(source, agreement_id, until)
    walks = getattr(source, "walks", source)
    with walks.db.read() as session:
        return _count(session, agreement_id, until)


def _count(session: Session, agreement_id: int, until: date) -> FindingCount:
    return count_dealt(finding_states(session, agreement_id), until)


def finding_states(session: Session, agreement_id: int) -> tuple[tuple[date, FindingStatus, date | None], ...]:
    """Each finding of the agreement's walks as (walk date, status, date dealt with): what
    ``domain.findings.count_dealt`` counts. The report source reads it in its own transaction."""
    rows = session.execute(
        select(m.SafetyWalk.walked_on, m.WalkFinding.status, m.WalkFinding.dealt_on)
        .join(m.WalkFinding, m.WalkFinding.walk_id == m.SafetyWalk.id)
        .where(m.SafetyWalk.agreement_id == agreement_id)
        .order_by(m.SafetyWalk.walked_on, m.WalkFinding.id)
    ).all()
    return tuple((walked_on, FindingStatus(status), dealt_on) for walked_on, status, dealt_on in rows)

"""The plan of an agreement: focus areas, promises (by who makes them), measures, occurrences."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from promises_app.domain.validation import (
    INTEGER_MAX,
    INTEGER_MIN,
    LONG_TEXT_MAX,
    NAME_MAX,
    SHORT_TEXT_MAX,
    TITLE_MAX,
    Checker,
)
from promises_app.services import convert
from promises_app.services.base import (
    FieldValues,
    Service,
    check_version,
    get_row,
    move_to,
    next_position,
    reject_unknown,
    remove_from,
    update_row,
)
from promises_app.services.records import (
    FocusAreaRecord,
    FollowUpRecord,
    MeasureRecord,
    OccurrenceRecord,
    PromiseRecord,
)
from promises_app.storage import models as m
from promises_app.storage.change_capture import note_update
from promises_app.storage.changelog import Change, append

FOCUS_AREA_FIELDS = ("name", "description")
PROMISE_FIELDS = ("text", "description", "maker_ids", "as_written")
MEASURE_FIELDS = (
    "promise_id",
    "title",
    "description",
    "cause",
    "responsible_id",
    "contact_id",
    "participant_ids",
    "focus_area_id",
    "start_date",
    "deadline",
    "target_count",
    "target_unit",
    "previous_measure_id",
)
OCCURRENCE_FIELDS = ("occurred_on", "place", "note")

MEASURE_LOAD = (
    selectinload(m.Measure.promise),
    selectinload(m.Measure.responsible),
    selectinload(m.Measure.contact),
    selectinload(m.Measure.focus_area),
    selectinload(m.Measure.participants),
)


@dataclass(frozen=True)
class MeasureBackup:
    """All that deleting a measure takes away, to put it back (undo): the measure, its
    occurrences and follow-ups, and the rows that pointed at it (walk findings made into it,
    later measures carrying it on)."""

    measure: MeasureRecord
    occurrences: tuple[OccurrenceRecord, ...]
    follow_ups: tuple[FollowUpRecord, ...]
    finding_ids: tuple[int, ...]
    successor_ids: tuple[int, ...]


@dataclass(frozen=True)
class PromiseBackup:
    """A promise with all its measures, as deleting it would take them away."""

    promise: PromiseRecord
    measures: tuple[MeasureBackup, ...]


@dataclass(frozen=True)
class FocusAreaBackup:
    """A focus area and the measures that had it (deleting it leaves them without one)."""

    focus_area: FocusAreaRecord
    measure_ids: tuple[int, ...]


#: What a restore made: (kind, old id) → new id, kinds "promise", "measure", "occurrence",
#: "follow_up", "focus_area". The old id is kept whenever it is free, so mostly id → same id.
IdMap = dict[tuple[str, int], int]


class PlanService(Service):
    # --- focus areas ---------------------------------------------------------------------
    def list_focus_areas(self, agreement_id: int) -> list[FocusAreaRecord]:
        with self.db.read() as s:
            agreement = get_row(s, m.Agreement, agreement_id, "Överenskommelsen")
            return [convert.focus_area(f) for f in agreement.focus_areas]

    def create_focus_area(self, agreement_id: int, *, name: str, description: str = "") -> FocusAreaRecord:
        with self.db.write() as s:
            agreement = get_row(s, m.Agreement, agreement_id, "Överenskommelsen", lock=True)
            values = validate_focus_area({"name": name, "description": description})
            row = m.FocusArea(**values, position=next_position(agreement.focus_areas))
            agreement.focus_areas.append(row)
            s.flush()
            return convert.focus_area(row)

    def update_focus_area(
        self, focus_area_id: int, *, expected_version: int | None = None, **changes: Any
    ) -> FocusAreaRecord:
        with self.db.write() as s:
            lock_plan_of(s, m.FocusArea, focus_area_id)
            row = update_row(
                s, m.FocusArea, focus_area_id, "Fokusområdet",
                expected_version=expected_version, fields=FOCUS_AREA_FIELDS, changes=changes,
                validate=lambda values, _row: validate_focus_area(values),
            )
            return convert.focus_area(row)

    def delete_focus_area(self, focus_area_id: int) -> FocusAreaBackup:
        """Delete a focus area; its measures stay, without a focus area. Returns what undo needs."""
        with self.db.write() as s:
            lock_plan_of(s, m.FocusArea, focus_area_id)
            row = get_row(s, m.FocusArea, focus_area_id, "Fokusområdet")
            measures = list(
                s.scalars(select(m.Measure).where(m.Measure.focus_area_id == row.id).order_by(m.Measure.id))
            )
            backup = FocusAreaBackup(convert.focus_area(row), tuple(x.id for x in measures))
            for measure in measures:
                measure.focus_area_id = None
            remove_from(row.agreement.focus_areas, row)
            return backup

    def restore_focus_area(self, backup: FocusAreaBackup) -> FocusAreaRecord:
        """Put a deleted focus area back at its place (its old id if free), with the measures that had it."""
        record = backup.focus_area
        with self.db.write() as s:
            agreement = get_row(s, m.Agreement, record.agreement_id, "Överenskommelsen", lock=True)
            values = validate_focus_area({"name": record.name, "description": record.description})
            row = m.FocusArea(
                id=_free_id(s, m.FocusArea, record.id), **values, position=next_position(agreement.focus_areas)
            )
            agreement.focus_areas.append(row)
            s.flush()
            move_to(agreement.focus_areas, row, record.position)
            for measure in s.scalars(select(m.Measure).where(m.Measure.id.in_(backup.measure_ids))):
                if measure.focus_area_id is None and measure.promise.agreement_id == agreement.id:
                    measure.focus_area_id = row.id
            s.flush()
            return convert.focus_area(row)

    def move_focus_area(self, focus_area_id: int, new_index: int) -> None:
        with self.db.write() as s:
            lock_plan_of(s, m.FocusArea, focus_area_id)
            row = get_row(s, m.FocusArea, focus_area_id, "Fokusområdet")
            move_to(row.agreement.focus_areas, row, new_index)

    # --- promises ------------------------------------------------------------------------
    def list_promises(self, agreement_id: int) -> list[PromiseRecord]:
        with self.db.read() as s:
            get_row(s, m.Agreement, agreement_id, "Överenskommelsen")
            rows = s.scalars(
                select(m.Promise)
                .where(m.Promise.agreement_id == agreement_id)
                .options(selectinload(m.Promise.makers))
                .order_by(m.Promise.position)
            )
            return [convert.promise(r) for r in rows]

    def create_promise(
        self, agreement_id: int, *, text: str, maker_ids: Sequence[int], description: str = "",
        as_written: bool = False,
    ) -> PromiseRecord:
        """A new promise. ``as_written``: its text is printed as written, not after "… lovar att"."""
        with self.db.write() as s:
            agreement = get_row(s, m.Agreement, agreement_id, "Överenskommelsen", lock=True)
            values = validate_promise(
                s, agreement,
                {"text": text, "description": description, "maker_ids": maker_ids, "as_written": as_written},
            )
            row = m.Promise(
                text=values["text"],
                description=values["description"],
                as_written=values["as_written"],
                position=next_position(agreement.promises),
            )
            agreement.promises.append(row)
            s.flush()
            _set_organisations(s, m.promise_makers, "promise_id", row.id, values["maker_ids"])
            s.refresh(row)
            return convert.promise(row)

    def update_promise(
        self, promise_id: int, *, expected_version: int | None = None, **changes: Any
    ) -> PromiseRecord:
        reject_unknown(changes, PROMISE_FIELDS)
        with self.db.write() as s:
            lock_plan_of(s, m.Promise, promise_id)
            row = get_row(s, m.Promise, promise_id, "Löftet")
            check_version(row, expected_version, "Löftet")
            values = {
                "text": row.text,
                "description": row.description,
                "maker_ids": [o.id for o in row.makers],
                "as_written": row.as_written,
            } | changes
            cleaned = validate_promise(s, row.agreement, values)
            row.text, row.description = cleaned["text"], cleaned["description"]
            row.as_written = cleaned["as_written"]
            if "maker_ids" in changes:
                row.version += 1  # the makers are part of the promise as a person sees it
            s.flush()
            _set_organisations(s, m.promise_makers, "promise_id", row.id, cleaned["maker_ids"])
            s.refresh(row)
            return convert.promise(row)

    def delete_promise(self, promise_id: int) -> PromiseBackup:
        """Delete a promise with its measures and their follow-ups (one transaction).

        Returns all it took away, for :meth:`restore_promise` (undo).
        """
        with self.db.write() as s:
            lock_plan_of(s, m.Promise, promise_id)
            row = get_row(s, m.Promise, promise_id, "Löftet")
            backup = PromiseBackup(
                promise=convert.promise(row), measures=tuple(_measure_backup(s, x) for x in row.measures)
            )
            remove_from(row.agreement.promises, row)
            return backup

    def restore_promise(self, backup: PromiseBackup) -> tuple[PromiseRecord, IdMap]:
        """Put a deleted promise back at its place with its measures, their occurrences and
        follow-ups (one transaction). Old ids are kept where free; the map says where each went."""
        record = backup.promise
        ids: IdMap = {}
        with self.db.write() as s:
            agreement = get_row(s, m.Agreement, record.agreement_id, "Överenskommelsen", lock=True)
            values = validate_promise(
                s, agreement,
                {"text": record.text, "description": record.description, "maker_ids": list(record.maker_ids),
                 "as_written": record.as_written},
            )
            row = m.Promise(
                id=_free_id(s, m.Promise, record.id),
                text=values["text"],
                description=values["description"],
                as_written=values["as_written"],
                position=next_position(agreement.promises),
            )
            agreement.promises.append(row)
            s.flush()
            ids[("promise", record.id)] = row.id
            _set_organisations(s, m.promise_makers, "promise_id", row.id, values["maker_ids"])
            move_to(agreement.promises, row, record.position)
            for measure in sorted(backup.measures, key=lambda b: b.measure.position):
                _restore_measure(s, row, measure, ids)
            s.flush()
            s.refresh(row)
            return convert.promise(row), ids

    def move_promise(self, promise_id: int, new_index: int) -> None:
        with self.db.write() as s:
            lock_plan_of(s, m.Promise, promise_id)
            row = get_row(s, m.Promise, promise_id, "Löftet")
            move_to(row.agreement.promises, row, new_index)

    # --- measures ------------------------------------------------------------------------
    def list_measures(self, agreement_id: int) -> list[MeasureRecord]:
        """The agreement's measures in plan order (by promise, then position)."""
        with self.db.read() as s:
            get_row(s, m.Agreement, agreement_id, "Överenskommelsen")
            return [convert.measure(r) for r in measures_of(s, agreement_id)]

    def get_measure(self, measure_id: int) -> MeasureRecord:
        with self.db.read() as s:
            return convert.measure(get_row(s, m.Measure, measure_id, "Åtgärden"))

    def create_measure(
        self,
        *,
        promise_id: int,
        title: str,
        description: str = "",
        cause: str = "",
        responsible_id: int | None = None,
        contact_id: int | None = None,
        participant_ids: Sequence[int] = (),
        focus_area_id: int | None = None,
        start_date: date | str | None = None,
        deadline: date | str | None = None,
        target_count: int | None = None,
        target_unit: str = "",
        previous_measure_id: int | None = None,
        allow_outside_agreement: bool = False,
    ) -> MeasureRecord:
        """Add a measure at the end of its promise.

        Dates must lie inside the agreement unless ``allow_outside_agreement`` (the person
        confirmed a measure that starts before or ends after the agreement).
        """
        values = {k: v for k, v in locals().items() if k in MEASURE_FIELDS}
        with self.db.write() as s:
            lock_plan_of(s, m.Promise, promise_id)
            promise = get_row(s, m.Promise, promise_id, "Löftet")
            cleaned = validate_measure(
                s, promise.agreement, values, allow_outside_agreement=allow_outside_agreement
            )
            participants = cleaned.pop("participant_ids")
            row = m.Measure(**cleaned, position=next_position(promise.measures))
            s.add(row)
            s.flush()
            _set_organisations(s, m.measure_participants, "measure_id", row.id, participants)
            s.refresh(row)
            return convert.measure(row)

    def update_measure(
        self,
        measure_id: int,
        *,
        expected_version: int | None = None,
        allow_outside_agreement: bool = False,
        **changes: Any,
    ) -> MeasureRecord:
        reject_unknown(changes, MEASURE_FIELDS)
        with self.db.write() as s:
            lock_plan_of(s, m.Measure, measure_id)
            row = get_row(s, m.Measure, measure_id, "Åtgärden")
            check_version(row, expected_version, "Åtgärden")
            values = {f: getattr(row, f) for f in MEASURE_FIELDS if f != "participant_ids"}
            values["participant_ids"] = [o.id for o in row.participants]
            values |= changes
            agreement = row.promise.agreement
            cleaned = validate_measure(
                s, agreement, values, allow_outside_agreement=allow_outside_agreement,
                check_owner=bool({"participant_ids", "responsible_id"} & changes.keys()),
            )
            participants = cleaned.pop("participant_ids")
            if cleaned["promise_id"] != row.promise_id:
                new_promise = s.get(m.Promise, cleaned["promise_id"])
                assert new_promise is not None  # checked by validate_measure
                cleaned["position"] = next_position(new_promise.measures)
            for field, value in cleaned.items():
                setattr(row, field, value)
            if "participant_ids" in changes:
                row.version += 1
            s.flush()
            _set_organisations(s, m.measure_participants, "measure_id", row.id, participants)
            s.refresh(row)
            return convert.measure(row)

    def delete_measure(self, measure_id: int) -> MeasureBackup:
        """Delete a measure with its occurrences and follow-ups; returns all it took away (for undo)."""
        with self.db.write() as s:
            lock_plan_of(s, m.Measure, measure_id)
            row = get_row(s, m.Measure, measure_id, "Åtgärden")
            backup = _measure_backup(s, row)
            remove_from(row.promise.measures, row)
            return backup

    def restore_measure(self, backup: MeasureBackup) -> tuple[MeasureRecord, IdMap]:
        """Put a deleted measure back at its place in its promise, with its occurrences and follow-ups."""
        ids: IdMap = {}
        with self.db.write() as s:
            lock_plan_of(s, m.Promise, backup.measure.promise_id)
            promise = get_row(s, m.Promise, backup.measure.promise_id, "Löftet")
            row = _restore_measure(s, promise, backup, ids)
            s.flush()
            s.refresh(row)
            return convert.measure(row), ids

    def move_measure(self, measure_id: int, new_index: int) -> None:
        with self.db.write() as s:
            lock_plan_of(s, m.Measure, measure_id)
            row = get_row(s, m.Measure, measure_id, "Åtgärden")
            move_to(row.promise.measures, row, new_index)

    # --- occurrences (the log of a counted, recurring measure) ---------------------------
    def list_occurrences(self, measure_id: int) -> list[OccurrenceRecord]:
        with self.db.read() as s:
            row = get_row(s, m.Measure, measure_id, "Åtgärden")
            return [convert.occurrence(o) for o in row.occurrences]

    def add_occurrence(
        self, measure_id: int, *, occurred_on: date | str, place: str = "", note: str = ""
    ) -> OccurrenceRecord:
        with self.db.write() as s:
            measure = get_row(s, m.Measure, measure_id, "Åtgärden")
            values = validate_occurrence({"occurred_on": occurred_on, "place": place, "note": note})
            row = m.Occurrence(**values)
            measure.occurrences.append(row)
            s.flush()
            return convert.occurrence(row)

    def update_occurrence(
        self, occurrence_id: int, *, expected_version: int | None = None, **changes: Any
    ) -> OccurrenceRecord:
        with self.db.write() as s:
            row = update_row(
                s, m.Occurrence, occurrence_id, "Tillfället",
                expected_version=expected_version, fields=OCCURRENCE_FIELDS, changes=changes,
                validate=lambda values, _row: validate_occurrence(values),
            )
            return convert.occurrence(row)

    def delete_occurrence(self, occurrence_id: int) -> OccurrenceRecord:
        """Delete one logged occurrence; returns it (for undo)."""
        with self.db.write() as s:
            row = get_row(s, m.Occurrence, occurrence_id, "Tillfället")
            record = convert.occurrence(row)
            s.delete(row)
            return record

    def restore_occurrence(self, record: OccurrenceRecord) -> OccurrenceRecord:
        """Put a deleted occurrence back (under its old id if free)."""
        with self.db.write() as s:
            measure = get_row(s, m.Measure, record.measure_id, "Åtgärden")
            values = validate_occurrence(
                {"occurred_on": record.occurred_on, "place": record.place, "note": record.note}
            )
            row = m.Occurrence(id=_free_id(s, m.Occurrence, record.id), **values)
            measure.occurrences.append(row)
            s.flush()
            return convert.occurrence(row)


def lock_plan_of(session: Session, model: type[m.FocusArea | m.Promise | m.Measure], row_id: int) -> None:
    """Lock the agreement whose plan holds the row (services/base.get_row's ``lock``) before the row is read.

    Every change to a plan locks its agreement first, as signing does (services/signoff.py): the two
    cannot interleave, so an edit either is in the signed plan or is refused by the signed guard
    (storage/signed_guard.py). Locking first, before anything is written, also keeps the order of
    locks the same in every transaction (the agreement, then the change log's head). A row that does
    not exist locks nothing; ``get_row`` says it is gone.
    """
    if not isinstance(row_id, int) or not INTEGER_MIN <= row_id <= INTEGER_MAX:
        return
    if model is m.Measure:
        query = select(m.Promise.agreement_id).join(m.Measure, m.Measure.promise_id == m.Promise.id)
        agreement_id = session.scalar(query.where(m.Measure.id == row_id))
    elif model is m.Promise:
        agreement_id = session.scalar(select(m.Promise.agreement_id).where(m.Promise.id == row_id))
    else:
        agreement_id = session.scalar(select(m.FocusArea.agreement_id).where(m.FocusArea.id == row_id))
    if agreement_id is not None:
        get_row(session, m.Agreement, agreement_id, "Överenskommelsen", lock=True)


def _free_id(session: Session, model: type, row_id: int) -> int | None:
    """``row_id`` if no row of ``model`` has it (so a restored row keeps its id), else None (a new id)."""
    return row_id if session.get(model, row_id) is None else None


def _measure_backup(session: Session, row: m.Measure) -> MeasureBackup:
    return MeasureBackup(
        measure=convert.measure(row),
        occurrences=tuple(convert.occurrence(o) for o in row.occurrences),
        follow_ups=tuple(convert.follow_up(f) for f in sorted(row.follow_ups, key=lambda f: f.id)),
        finding_ids=tuple(session.scalars(select(m.WalkFinding.id).where(m.WalkFinding.measure_id == row.id))),
        successor_ids=tuple(session.scalars(select(m.Measure.id).where(m.Measure.previous_measure_id == row.id))),
    )


def _restore_measure(session: Session, promise: m.Promise, backup: MeasureBackup, ids: IdMap) -> m.Measure:
    """Insert a backed-up measure into ``promise`` at its old position, with all that hung on it."""
    record = backup.measure
    values: FieldValues = {f: getattr(record, f) for f in MEASURE_FIELDS if f != "participant_ids"}
    values["participant_ids"] = list(record.participant_ids)
    values["promise_id"] = promise.id
    previous = values["previous_measure_id"]
    if previous is not None and session.get(m.Measure, previous) is None:
        values["previous_measure_id"] = None  # last year's measure is gone meanwhile
    # The dates were accepted when the measure was made (perhaps confirmed outside the agreement).
    cleaned = validate_measure(session, promise.agreement, values, allow_outside_agreement=True)
    participants = cleaned.pop("participant_ids")
    cleaned.pop("promise_id")
    row = m.Measure(id=_free_id(session, m.Measure, record.id), **cleaned, position=next_position(promise.measures))
    promise.measures.append(row)
    session.flush()
    ids[("measure", record.id)] = row.id
    _set_organisations(session, m.measure_participants, "measure_id", row.id, participants)
    move_to(promise.measures, row, record.position)
    restored: list[tuple[str, int, Any]] = []
    for occurrence in backup.occurrences:
        made = m.Occurrence(
            id=_free_id(session, m.Occurrence, occurrence.id),
            occurred_on=occurrence.occurred_on, place=occurrence.place, note=occurrence.note,
        )
        row.occurrences.append(made)
        restored.append(("occurrence", occurrence.id, made))
    for follow_up in backup.follow_ups:
        made_follow_up = m.FollowUp(
            id=_free_id(session, m.FollowUp, follow_up.id),
            period=follow_up.period, status=follow_up.status, light=follow_up.light,
            count_achieved=follow_up.count_achieved, comment=follow_up.comment, updated_at=follow_up.updated_at,
        )
        row.follow_ups.append(made_follow_up)
        restored.append(("follow_up", follow_up.id, made_follow_up))
    session.flush()
    for kind, old_id, made_row in restored:
        ids[(kind, old_id)] = made_row.id
    if backup.finding_ids:
        for finding in session.scalars(
            select(m.WalkFinding).where(m.WalkFinding.id.in_(backup.finding_ids), m.WalkFinding.measure_id.is_(None))
        ):
            finding.measure_id = row.id
    if backup.successor_ids:
        for successor in session.scalars(
            select(m.Measure).where(m.Measure.id.in_(backup.successor_ids), m.Measure.previous_measure_id.is_(None))
        ):
            successor.previous_measure_id = row.id
    return row


def measures_of(session: Session, agreement_id: int) -> list[m.Measure]:
    return list(
        session.scalars(
            select(m.Measure)
            .join(m.Promise)
            .where(m.Promise.agreement_id == agreement_id)
            .options(*MEASURE_LOAD)
            .order_by(m.Promise.position, m.Measure.position)
        )
    )


#: link table → (owner table, field name in the change log)
_LINK_FIELDS = {"promise_makers": ("promises", "maker_ids"), "measure_participants": ("measures", "participant_ids")}


def _set_organisations(
    session: Session, table: Any, owner_column: str, owner_id: int, organisation_ids: Sequence[int]
) -> None:
    """Replace an ordered many-to-many list (promise makers, measure participants), logged.

    These link tables are written without the ORM, so the change log gets the whole list
    as one field change of its owner (old list, new list).
    """
    before = list(
        session.scalars(
            select(table.c.organisation_id).where(table.c[owner_column] == owner_id).order_by(table.c.position)
        )
    )
    if before == list(organisation_ids):
        return
    owner, field = _LINK_FIELDS[table.name]
    append(session.connection(), [Change("update", owner, owner_id, field, before, list(organisation_ids))])
    note_update(session, owner, owner_id)  # the views' Changes: the ORM does not see this write
    session.execute(table.delete().where(table.c[owner_column] == owner_id))
    if organisation_ids:
        session.execute(
            table.insert(),
            [
                {owner_column: owner_id, "organisation_id": org_id, "position": index}
                for index, org_id in enumerate(organisation_ids)
            ],
        )


def drop_owner_from_participants(session: Session, agreement_id: int) -> None:
    """Take each measure's responsible party out of those also taking part (logged).

    Older plans could list both; a new revision starts without that (schema 6 cleaned drafts).
    """
    for measure in measures_of(session, agreement_id):
        ids = [o.id for o in measure.participants]
        if measure.responsible_id in ids:
            _set_organisations(session, m.measure_participants, "measure_id", measure.id,
                               [i for i in ids if i != measure.responsible_id])


def _party_ids(agreement: m.Agreement) -> set[int]:
    return {p.organisation_id for p in agreement.parties}


def validate_focus_area(values: FieldValues, *, prefix: str = "") -> FieldValues:
    check = Checker(prefix)
    cleaned = {
        "name": check.text("name", values["name"], label="Namn", max_length=NAME_MAX, required=True),
        "description": check.text(
            "description", values["description"], label="Beskrivning", max_length=LONG_TEXT_MAX, multiline=True
        ),
    }
    check.raise_if_any()
    return cleaned


def validate_promise(
    session: Session, agreement: m.Agreement, values: FieldValues, *, prefix: str = ""
) -> FieldValues:
    check = Checker(prefix)
    cleaned: FieldValues = {
        "text": check.text("text", values["text"], label="Löfte", max_length=SHORT_TEXT_MAX, required=True),
        "description": check.text(
            "description", values["description"], label="Beskrivning", max_length=LONG_TEXT_MAX, multiline=True
        ),
    }
    as_written = values.get("as_written", False)
    if not isinstance(as_written, bool):
        check.add("as_written", "Löftets text: ange sant eller falskt (skrivs som den står eller efter ”… lovar att”).")
    cleaned["as_written"] = as_written is True
    makers = list(dict.fromkeys(values["maker_ids"]))
    if not makers:
        check.add("maker_ids", "Vem lovar: välj minst en part.")
    not_parties = [i for i in makers if i not in _party_ids(agreement)]
    if not_parties:
        check.add("maker_ids", "Vem lovar: bara överenskommelsens parter kan ge ett löfte.")
    cleaned["maker_ids"] = makers
    check.raise_if_any()
    return cleaned


def validate_measure(
    session: Session,
    agreement: m.Agreement,
    values: FieldValues,
    *,
    allow_outside_agreement: bool,
    prefix: str = "",
    check_owner: bool = True,
) -> FieldValues:
    """The measure's values checked and cleaned (ValidationError naming each bad field).

    ``check_owner`` refuses the responsible party among those also taking part; an edit that
    changes neither leaves an older measure that lists both as it is.
    """
    check = Checker(prefix)
    cleaned: FieldValues = {
        "title": check.text("title", values["title"], label="Åtgärd", max_length=TITLE_MAX, required=True),
        "description": check.text(
            "description", values["description"], label="Beskrivning", max_length=LONG_TEXT_MAX, multiline=True
        ),
        "cause": check.text(
            "cause", values["cause"], label="Problem eller orsak", max_length=LONG_TEXT_MAX, multiline=True
        ),
        "target_unit": check.text("target_unit", values["target_unit"], label="Enhet", max_length=60),
        "target_count": check.optional_int(
            "target_count", values["target_count"], label="Målvärde", minimum=1
        ),
        "promise_id": values["promise_id"],
        "previous_measure_id": values["previous_measure_id"],
    }
    if cleaned["target_count"] is not None and not cleaned["target_unit"]:
        check.add("target_unit", "Enhet: ange vad som räknas (t.ex. trygghetsvandringar).")
    if cleaned["target_count"] is None and cleaned["target_unit"]:
        check.add("target_count", "Målvärde: ange ett antal, eller töm enheten.")
    start = check.date_value("start_date", values["start_date"], label="Startdatum", required=False)
    # "Klart senast": a measure's deadline has the one name everywhere (domain/vocabulary.py);
    # "Slutdatum" is the agreement's end.
    deadline = check.date_value("deadline", values["deadline"], label="Klart senast", required=False)
    check.dates_in_order(start, deadline, field="deadline", first_label="Startdatum", second_label="Klart senast")
    if not allow_outside_agreement:
        check.within(start, agreement.start_date, agreement.end_date, field="start_date", label="Startdatum")
        check.within(deadline, agreement.start_date, agreement.end_date, field="deadline", label="Klart senast")
    cleaned["start_date"], cleaned["deadline"] = start, deadline

    promise = session.get(m.Promise, values["promise_id"]) if values["promise_id"] is not None else None
    if promise is None or promise.agreement_id != agreement.id:
        check.add("promise_id", "Löfte: välj ett av överenskommelsens löften.")
    parties = _party_ids(agreement)
    responsible = values["responsible_id"]
    if responsible is not None and responsible not in parties:
        check.add("responsible_id", "Ansvarig: bara överenskommelsens parter kan vara ansvariga.")
    cleaned["responsible_id"] = responsible
    participants = list(dict.fromkeys(values["participant_ids"]))
    if any(p not in parties for p in participants):
        check.add("participant_ids", "Deltar: bara överenskommelsens parter kan delta.")
    elif check_owner and responsible is not None and responsible in participants:
        check.add("participant_ids", "Deltar: den ansvariga parten kan inte också stå som medverkande. "
                                     "Ta bort bocken för den, eller välj en annan ansvarig.")
    cleaned["participant_ids"] = participants
    contact = values["contact_id"]
    if contact is not None and session.get(m.Person, contact) is None:
        check.add("contact_id", "Kontaktperson: den valda personen finns inte.")
    cleaned["contact_id"] = contact
    focus = values["focus_area_id"]
    if focus is not None and focus not in {f.id for f in agreement.focus_areas}:
        check.add("focus_area_id", "Fokusområde: välj ett av överenskommelsens fokusområden.")
    cleaned["focus_area_id"] = focus
    check.raise_if_any()
    return cleaned


def validate_occurrence(values: FieldValues, *, prefix: str = "") -> FieldValues:
    check = Checker(prefix)
    cleaned = {
        "occurred_on": check.date_value("occurred_on", values["occurred_on"], label="Datum", required=True),
        "place": check.text("place", values["place"], label="Plats", max_length=NAME_MAX),
        "note": check.text("note", values["note"], label="Anteckning", max_length=LONG_TEXT_MAX, multiline=True),
    }
    check.raise_if_any()
    return cleaned

"""An agreement's measures and follow-ups read as rows: a few column statements, no mapped objects.

Why: the pages of an agreement read all its measures whenever one of them is shown (the
overview, the plan, the follow-up grid, the list of all measures). Loading 10 000 mapped
``Measure`` objects with their promise, responsible, contact, focus area and participants, and
20 000 ``FollowUp`` objects, takes the ORM seconds; the same columns read as rows take a
fraction of that. The records are the ones ``convert.measure`` and ``convert.follow_up`` make
from mapped objects (tests/services/test_measure_reads.py holds the two to the same values).

Each function reads inside the caller's session, so a service still reads in one transaction.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import Integer, String, cast, literal, select, type_coerce, union_all
from sqlalchemy.orm import Session

from promises_app.domain.counts import occurrence_days, walk_measure
from promises_app.domain.enums import FollowUpStatus, TrafficLight
from promises_app.domain.period_summary import Reported
from promises_app.services.records import FollowUpRecord, MeasureRecord
from promises_app.storage import models as m

#: The stored codes and their values: a dictionary look-up, and the dates and times parsed with
#: ``fromisoformat`` (as SQLite stores them), are much faster than the column types' conversions
#: row by row.
_STATUSES = {status.value: status for status in FollowUpStatus}
_LIGHTS = {light.value: light for light in TrafficLight}


def _day(text: str | date | None) -> date | None:
    """A stored day: SQLite gives its text, PostgreSQL a date."""
    if not text:
        return None
    return text if isinstance(text, date) else date.fromisoformat(text)


def _moment(text: str | datetime) -> datetime:
    """A stored time: SQLite gives its text, PostgreSQL a datetime."""
    return text if isinstance(text, datetime) else datetime.fromisoformat(text)


def agreement_measures(session: Session, agreement_id: int) -> tuple[list[MeasureRecord], dict[int, str]]:
    """The agreement's measures in plan order (promise by promise), and each promise's text by id."""
    measure, promise = m.Measure, m.Promise
    participants: dict[int, list[tuple[int, str]]] = {}
    link = m.measure_participants.c
    # On the session's connection (Core): rows as tuples, without the ORM's row handling.
    connection = session.connection()
    for measure_id, organisation_id, name in connection.execute(
        select(link.measure_id, m.Organisation.id, m.Organisation.name)
        .join(m.Organisation, m.Organisation.id == link.organisation_id)
        .join(measure, measure.id == link.measure_id)
        .join(promise, promise.id == measure.promise_id)
        .where(promise.agreement_id == agreement_id)
        .order_by(link.measure_id, link.position)
    ).all():
        participants.setdefault(measure_id, []).append((organisation_id, name))
    records: list[MeasureRecord] = []
    texts: dict[int, str] = {}
    none: list[tuple[int, str]] = []
    for row in connection.execute(
        select(
            measure.id, promise.agreement_id, measure.promise_id, measure.position, measure.title,
            measure.description, measure.cause, measure.responsible_id, m.Organisation.name,
            measure.contact_id, m.Person.name, measure.focus_area_id, m.FocusArea.name,
            type_coerce(measure.start_date, String), type_coerce(measure.deadline, String),
            measure.target_count, measure.target_unit,
            measure.previous_measure_id, measure.version, promise.text,
        )
        .join(promise, promise.id == measure.promise_id)
        .outerjoin(m.Organisation, m.Organisation.id == measure.responsible_id)
        .outerjoin(m.Person, m.Person.id == measure.contact_id)
        .outerjoin(m.FocusArea, m.FocusArea.id == measure.focus_area_id)
        .where(promise.agreement_id == agreement_id)
        .order_by(promise.position, measure.position, measure.id)
    ).all():
        (id_, agreement, promise_id, position, title, description, cause, responsible_id, responsible,
         contact_id, contact, focus_area_id, focus_area, start_date, deadline, target_count, target_unit,
         previous_id, version, promise_text) = row
        taking_part = participants.get(id_, none)
        records.append(MeasureRecord(
            id=id_,
            agreement_id=agreement,
            promise_id=promise_id,
            position=position,
            title=title,
            description=description,
            cause=cause,
            responsible_id=responsible_id,
            responsible_name=responsible or "",
            contact_id=contact_id,
            contact_name=contact or "",
            participant_ids=tuple(i for i, _ in taking_part),
            participant_names=tuple(n for _, n in taking_part),
            focus_area_id=focus_area_id,
            focus_area_name=focus_area or "",
            start_date=_day(start_date),
            deadline=_day(deadline),
            target_count=target_count,
            target_unit=target_unit,
            previous_measure_id=previous_id,
            version=version,
        ))
        texts[promise_id] = promise_text
    return records, texts


def agreement_follow_ups(session: Session, agreement_id: int, *, period: str | None = None) -> list[FollowUpRecord]:
    """Every follow-up of the agreement's measures (of one period, given ``period``), in the order made."""
    follow_up = m.FollowUp
    query = (
        select(
            follow_up.id, follow_up.measure_id, follow_up.period, type_coerce(follow_up.status, String),
            type_coerce(follow_up.light, String), follow_up.count_achieved, follow_up.comment,
            type_coerce(follow_up.updated_at, String), follow_up.version,
        )
        .join(m.Measure, m.Measure.id == follow_up.measure_id)
        .join(m.Promise, m.Promise.id == m.Measure.promise_id)
        .where(m.Promise.agreement_id == agreement_id)
        .order_by(follow_up.id)
    )
    if period is not None:
        query = query.where(follow_up.period == period)
    statuses, lights, moment = _STATUSES, _LIGHTS, _moment
    return [
        FollowUpRecord(
            id=id_, measure_id=measure_id, period=label, status=statuses[status], light=lights[light],
            count_achieved=count, comment=comment, updated_at=moment(updated_at), version=version,
        )
        for id_, measure_id, label, status, light, count, comment, updated_at, version
        in session.connection().execute(query).all()
    ]


def agreement_reports(session: Session, agreement_id: int) -> dict[int, dict[str, Reported]]:
    """What was reported for each of the agreement's measures, by measure id and period label:
    status, light, count and comment (not the follow-ups' ids, versions and time stamps)."""
    follow_up = m.FollowUp
    statuses, lights = _STATUSES, _LIGHTS
    reports: dict[int, dict[str, Reported]] = {}
    for measure_id, label, status, light, count, comment in session.connection().execute(
        select(
            follow_up.measure_id, follow_up.period, type_coerce(follow_up.status, String),
            type_coerce(follow_up.light, String), follow_up.count_achieved, follow_up.comment,
        )
        .join(m.Measure, m.Measure.id == follow_up.measure_id)
        .join(m.Promise, m.Promise.id == m.Measure.promise_id)
        .where(m.Promise.agreement_id == agreement_id)
    ).all():
        reports.setdefault(measure_id, {})[label] = Reported(statuses[status], lights[light], count, comment)
    return reports


def agreement_occurrence_days(
    session: Session, agreement_id: int, *, only: Collection[int] | None = None
) -> dict[int, tuple[date, ...]]:
    """The days each of the agreement's measures was carried out, by measure id: its logged
    occurrences, and the agreement's safety walks for its walk measure (the one count rule,
    domain/counts.py: ``walk_measure`` and ``occurrence_days``). Measures never carried out are
    left out. ``only``: the days of these measures only (what an edit of them needs), the walk
    measure still found among all of the agreement's.

    One statement, whatever the data: the occurrences, the walks and the counted measures (to find
    the walk measure) as the rows of one UNION ALL, so the pages' statement budgets hold
    (tests/services/test_overview.py, tests/ui/test_statement_counts.py)."""
    measure, promise = m.Measure, m.Promise
    in_agreement = promise.agreement_id == agreement_id
    occurrences = (
        select(literal("o").label("kind"), m.Occurrence.measure_id.label("measure_id"),
               cast(m.Occurrence.occurred_on, String).label("day"),  # text on both engines
               literal(None, Integer).label("target"), literal("").label("unit"))
        .join(measure, measure.id == m.Occurrence.measure_id)
        .join(promise, promise.id == measure.promise_id)
        .where(in_agreement)
    )
    if only is not None:
        occurrences = occurrences.where(m.Occurrence.measure_id.in_(sorted(set(only))))
    walks = select(literal("w"), literal(None, Integer), cast(m.SafetyWalk.walked_on, String),
                   literal(None, Integer), literal("")).where(m.SafetyWalk.agreement_id == agreement_id)
    counted = (
        select(literal("m"), measure.id, literal(None, String), measure.target_count, measure.target_unit)
        .join(promise, promise.id == measure.promise_id)
        # Only units that may be safety walks (counts.is_walk_unit decides): not every counted measure.
        .where(in_agreement, measure.target_count.is_not(None), measure.target_unit.ilike("%vandring%"))
    )
    logged: dict[int, list[date]] = {}
    walked: list[date] = []
    measures: list[tuple[int, int | None, str]] = []
    rows: Sequence[Any] = session.connection().execute(union_all(occurrences, walks, counted)).all()
    for kind, measure_id, day, target, unit in rows:
        if kind == "o":
            logged.setdefault(measure_id, []).append(date.fromisoformat(day))
        elif kind == "w":
            walked.append(date.fromisoformat(day))
        else:
            measures.append((measure_id, target, unit))
    days = {measure_id: tuple(sorted(found)) for measure_id, found in logged.items()}
    walk_for = walk_measure(measures)
    if walk_for is not None and walked and (only is None or walk_for in only):
        days[walk_for] = occurrence_days(logged.get(walk_for, ()), walked)
    return days

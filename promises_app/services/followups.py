"""Follow-up (uppföljning): one record per measure and reporting period, as it was reported then."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from promises_app.domain import deadlines, snapshot
from promises_app.domain import periods as period_rules
from promises_app.domain.counts import period_counts
from promises_app.domain.enums import FollowUpStatus, TrafficLight
from promises_app.domain.period_summary import MeasureFacts, PeriodSummary, Planned, Reported, summarise
from promises_app.domain.validation import LONG_TEXT_MAX, Checker, FieldError, ValidationError, quoted
from promises_app.services import convert
from promises_app.services.base import FieldValues, Service, check_version, get_row
from promises_app.services.measure_reads import (
    agreement_follow_ups,
    agreement_measures,
    agreement_occurrence_days,
    agreement_reports,
)
from promises_app.services.plan import MEASURE_LOAD
from promises_app.services.records import (
    AgreementRecord,
    FollowUpRecord,
    MeasureRecord,
    MeasureStatusRow,
)
from promises_app.storage import models as m

#: "Due soon" on the overview: deadlines within this many days.
DUE_SOON_DAYS = 14

#: A follow-up as read: a mapped row or its record.
Recorded = TypeVar("Recorded", m.FollowUp, FollowUpRecord)


def utc_now() -> datetime:
    """Now in UTC, naive, to the second (what follow_ups.updated_at stores)."""
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


class FollowUpService(Service):
    def list_for_measure(self, measure_id: int) -> list[FollowUpRecord]:
        """A measure's follow-ups in period order: its history, period by period."""
        with self.db.read() as s:
            measure = get_row(s, m.Measure, measure_id, "Åtgärden")
            order = _period_order(measure.promise.agreement)
            rows = sorted(measure.follow_ups, key=lambda f: order.get(f.period, len(order)))
            return [convert.follow_up(f) for f in rows]

    def list_for_agreement(self, agreement_id: int, *, period: str | None = None) -> list[FollowUpRecord]:
        with self.db.read() as s:
            agreement = get_row(s, m.Agreement, agreement_id, "Överenskommelsen")
            label = _find_period(agreement, period).label if period is not None else None
            return agreement_follow_ups(s, agreement_id, period=label)

    def record(
        self,
        measure_id: int,
        *,
        period: str,
        status: FollowUpStatus | str,
        light: TrafficLight | str = TrafficLight.NOT_ASSESSED,
        count_achieved: int | None = None,
        comment: str = "",
        expected_version: int | None = None,
        updated_at: datetime | None = None,
    ) -> FollowUpRecord:
        """Record (or correct) the follow-up of one measure for one period: one per period.

        ``expected_version`` is the version of the follow-up the person edited, 0 when they saw
        none for this period (one recorded meanwhile is then a conflict), or None for no check.
        """
        with self.db.write() as s:
            # Locked (on a server): two saves of the same measure's follow-up take turns, so the
            # second checks its version against the first's and is refused (ConflictError), rather
            # than failing on the row or the unique period as the two write at once.
            measure = get_row(s, m.Measure, measure_id, "Åtgärden", lock=True)
            values = validate_follow_up(
                measure.promise.agreement,
                {"period": period, "status": status, "light": light,
                 "count_achieved": count_achieved, "comment": comment},
            )
            row = s.scalar(
                select(m.FollowUp).where(
                    m.FollowUp.measure_id == measure_id, m.FollowUp.period == values["period"]
                )
            )
            check_version(row, expected_version, "Uppföljningen", table="follow_ups")
            if row is None:
                row = m.FollowUp(measure_id=measure_id, **values, updated_at=updated_at or utc_now())
                s.add(row)
            else:
                for field, value in values.items():
                    setattr(row, field, value)
                row.updated_at = updated_at or utc_now()
            s.flush()
            return convert.follow_up(row)

    def record_many(
        self, entries: Sequence[FollowUpEntry], *, updated_at: datetime | None = None
    ) -> tuple[CopiedFollowUp, ...]:
        """Record several follow-ups in one transaction, all or nothing: ``record`` for each.

        What reading back the owners' report packs writes (services/owner_reports.py). Each
        entry's ``expected_version`` is checked as ``record`` checks it (ConflictError, nothing
        written); the result holds each follow-up before and after, for one undo step.
        """
        done: list[CopiedFollowUp] = []
        with self.db.write() as s:
            stamp = updated_at or utc_now()
            for entry in entries:
                measure = get_row(s, m.Measure, entry.measure_id, "Åtgärden", lock=True)  # as ``record``
                values = validate_follow_up(
                    measure.promise.agreement,
                    {"period": entry.period, "status": entry.status, "light": entry.light,
                     "count_achieved": entry.count_achieved, "comment": entry.comment},
                )
                row = s.scalar(
                    select(m.FollowUp).where(
                        m.FollowUp.measure_id == entry.measure_id, m.FollowUp.period == values["period"]
                    )
                )
                check_version(row, entry.expected_version, "Uppföljningen", table="follow_ups")
                before = convert.follow_up(row) if row is not None else None
                if row is None:
                    row = m.FollowUp(measure_id=entry.measure_id, **values, updated_at=stamp)
                    s.add(row)
                else:
                    for field, value in values.items():
                        setattr(row, field, value)
                    row.updated_at = stamp
                s.flush()
                done.append(CopiedFollowUp(entry.measure_id, values["period"], before, convert.follow_up(row)))
        return tuple(done)

    def delete(self, follow_up_id: int, *, expected_version: int | None = None) -> None:
        with self.db.write() as s:
            row = get_row(s, m.FollowUp, follow_up_id, "Uppföljningen")
            check_version(row, expected_version, "Uppföljningen")
            s.delete(row)

    def status_rows(self, agreement_id: int, *, today: date) -> list[MeasureStatusRow]:
        """Every measure of an agreement with its latest follow-up and deadline state on ``today``."""
        with self.db.read() as s:
            agreement = get_row(s, m.Agreement, agreement_id, "Överenskommelsen")
            periods = period_rules.periods_for(
                agreement.start_date, agreement.end_date, agreement.reporting_scheme
            )
            measures, promise_texts = agreement_measures(s, agreement_id)
            reports = agreement_reports(s, agreement_id)
            occurrences = agreement_occurrence_days(s, agreement_id)
            return [
                _record_status_row(measure, promise_texts[measure.promise_id], reports.get(measure.id, {}),
                                   periods, today, occurrences.get(measure.id, ()))
                for measure in measures
            ]

    def measure_states(self, measure_ids: Collection[int], *, today: date) -> MeasureStates:
        """What the views show of some measures' follow-ups, after an edit of them: one read.

        Each measure's follow-ups (every period) and where it stands on ``today`` (the row the
        measure list and the plan show); measures that no longer exist are left out. The
        operations runner reads this once for every page (ui/common/operations.py, ``shared``).
        """
        ids = sorted(set(measure_ids))
        with self.db.read() as s:
            measures = list(
                s.scalars(
                    select(m.Measure)
                    .where(m.Measure.id.in_(ids))
                    .options(*MEASURE_LOAD, selectinload(m.Measure.promise).selectinload(m.Promise.agreement))
                )
            )
            rows = list(s.scalars(select(m.FollowUp).where(m.FollowUp.measure_id.in_(ids)).order_by(m.FollowUp.id)))
            recorded: dict[int, dict[str, m.FollowUp]] = {}
            for row in rows:
                recorded.setdefault(row.measure_id, {})[row.period] = row
            status_rows = []
            occurrences: dict[int, dict[int, tuple[date, ...]]] = {}
            for measure in sorted(measures, key=lambda x: x.id):
                agreement = measure.promise.agreement
                periods = period_rules.periods_for(agreement.start_date, agreement.end_date, agreement.reporting_scheme)
                if agreement.id not in occurrences:
                    occurrences[agreement.id] = agreement_occurrence_days(s, agreement.id, only=ids)
                status_rows.append(_status_row(measure, recorded.get(measure.id, {}), periods, today,
                                               occurrences[agreement.id].get(measure.id, ())))
            return MeasureStates(
                measure_ids=frozenset(ids),
                status_rows=tuple(status_rows),
                follow_ups=tuple(convert.follow_up(row) for row in rows),
            )

    def period_summary(self, agreement_id: int, period: str, *, today: date) -> PeriodSummary:
        """Where the agreement stood in ``period`` ("2022-T2"), as reported then (domain/period_summary).

        The one computation behind the follow-up report and the window's overview. Raises
        ValidationError (field "period") for a label that is not one of the agreement's periods.
        """
        facts = self.measure_facts(agreement_id)
        chosen = reporting_period(facts.agreement, period)
        return summarise(chosen, facts.periods, facts.measures, today=today, signed=facts.signed)

    def measure_facts(self, agreement_id: int, *, occurrences: bool = True) -> AgreementFacts:
        """The agreement, its periods, and each measure with every follow-up and its plan at signing.

        "At signing" is the first signed revision: what the parties originally promised.
        ``occurrences`` False leaves out the days the measures were carried out (one statement
        less) for a caller that shows no counts (the overview).
        """
        with self.db.read() as s:
            return agreement_facts(s, agreement_id, first_signed=first_signed_snapshot(s, agreement_id),
                                   occurrences=occurrences)

    # --- the follow-up grid (ui/followup/followup_page.py) --------------------------------------------------
    def grid(self, agreement_id: int, *, today: date) -> FollowUpGrid:
        """Everything the follow-up grid shows, read in one transaction with a handful of queries.

        The agreement's periods (and the one containing ``today``), each measure in plan order
        with its promise, makers and deadline state on ``today``, and every follow-up recorded.
        """
        with self.db.read() as s:
            agreement = get_row(s, m.Agreement, agreement_id, "Överenskommelsen")
            periods = tuple(
                period_rules.periods_for(agreement.start_date, agreement.end_date, agreement.reporting_scheme)
            )
            current = next((p.label for p in periods if p.contains(today)), None)
            promises = {
                p.id: p
                for p in s.scalars(
                    select(m.Promise)
                    .where(m.Promise.agreement_id == agreement_id)
                    .options(selectinload(m.Promise.makers))
                )
            }
            measures, _promise_texts = agreement_measures(s, agreement_id)
            rows = agreement_follow_ups(s, agreement_id)
            occurrences = agreement_occurrence_days(s, agreement_id)
            by_measure: dict[int, dict[str, FollowUpRecord]] = {}
            for row in rows:
                by_measure.setdefault(row.measure_id, {})[row.period] = row
            items = []
            for measure in measures:
                latest = _latest(by_measure.get(measure.id, {}), list(periods))
                promise = promises[measure.promise_id]
                items.append(
                    GridMeasure(
                        measure=measure,
                        promise_text=promise.text,
                        promise_makers=tuple(o.name for o in promise.makers),
                        overdue=deadlines.is_overdue(measure.deadline, latest.status if latest else None, today),
                        occurrences=occurrences.get(measure.id, ()),
                    )
                )
            return FollowUpGrid(
                agreement=convert.agreement(agreement),
                periods=periods,
                current_period=current,
                measures=tuple(items),
                follow_ups=tuple(rows),
            )

    def put_back(self, states: Sequence[FollowUpState]) -> list[FollowUpRecord | None]:
        """Set each (measure, period) to exactly ``follow_up`` (None: no follow-up), in one transaction.

        What undo and redo of follow-up edits use: the values and time stamp are put back as they
        were, and a follow-up made again keeps its old id when that is free. A state's
        ``expected_version`` is checked first (ConflictError, nothing written, when the
        follow-up changed since).
        """
        result: list[FollowUpRecord | None] = []
        with self.db.write() as s:
            for state in states:
                measure = get_row(s, m.Measure, state.measure_id, "Åtgärden")
                label = _checked_period(measure.promise.agreement, state.period).label
                row = s.scalar(
                    select(m.FollowUp).where(m.FollowUp.measure_id == state.measure_id, m.FollowUp.period == label)
                )
                check_version(row, state.expected_version, "Uppföljningen", table="follow_ups")
                wanted = state.follow_up
                if wanted is None:
                    if row is not None:
                        s.delete(row)
                        s.flush()
                    result.append(None)
                    continue
                values = validate_follow_up(
                    measure.promise.agreement,
                    {"period": label, "status": wanted.status, "light": wanted.light,
                     "count_achieved": wanted.count_achieved, "comment": wanted.comment},
                )
                if row is None:
                    row = m.FollowUp(measure_id=state.measure_id, **values, updated_at=wanted.updated_at)
                    if s.get(m.FollowUp, wanted.id) is None:
                        row.id = wanted.id
                    s.add(row)
                else:
                    for field, value in values.items():
                        setattr(row, field, value)
                    row.updated_at = wanted.updated_at
                s.flush()
                result.append(convert.follow_up(row))
        return result

    def copy_previous_period(
        self, measure_ids: Sequence[int], *, period: str, updated_at: datetime | None = None
    ) -> CopyResult:
        """Copy each measure's status, light and count from the period before ``period`` into it.

        One user action, one transaction. A measure with no follow-up in the period before (or
        ``period`` being the first) is skipped. A follow-up already in ``period`` keeps its comment.
        """
        copied: list[CopiedFollowUp] = []
        skipped: list[int] = []
        with self.db.write() as s:
            stamp = updated_at or utc_now()
            for measure_id in measure_ids:
                measure = get_row(s, m.Measure, measure_id, "Åtgärden")
                agreement = measure.promise.agreement
                target = _checked_period(agreement, period)
                labels = [p.label for p in period_rules.periods_for(
                    agreement.start_date, agreement.end_date, agreement.reporting_scheme)]
                index = labels.index(target.label)
                recorded = {f.period: f for f in measure.follow_ups}
                source = recorded.get(labels[index - 1]) if index > 0 else None
                if source is None:
                    skipped.append(measure_id)
                    continue
                row = recorded.get(target.label)
                before = convert.follow_up(row) if row is not None else None
                if row is None:
                    row = m.FollowUp(measure_id=measure_id, period=target.label, comment="", updated_at=stamp,
                                     status=source.status, light=source.light,
                                     count_achieved=source.count_achieved)
                    s.add(row)
                else:
                    row.status, row.light, row.count_achieved = source.status, source.light, source.count_achieved
                    row.updated_at = stamp
                s.flush()
                copied.append(CopiedFollowUp(measure_id, target.label, before, convert.follow_up(row)))
        return CopyResult(tuple(copied), tuple(skipped))

@dataclass(frozen=True)
class AgreementFacts:
    agreement: AgreementRecord
    periods: tuple[period_rules.Period, ...]
    #: Whether the agreement has been signed (so "added since signing" means something).
    signed: bool
    measures: tuple[MeasureFacts, ...]


@dataclass(frozen=True)
class GridMeasure:
    """One measure of the follow-up grid: the measure, its promise and makers, late on ``today``."""

    measure: MeasureRecord
    promise_text: str
    promise_makers: tuple[str, ...]
    overdue: bool
    #: The days the measure was carried out (logged occurrences and, for the walk measure, the
    #: safety walks): with the follow-ups, what its count per period is made of (domain/counts.py).
    occurrences: tuple[date, ...] = ()


@dataclass(frozen=True)
class FollowUpGrid:
    """The follow-up grid of one agreement: its periods, measures and every follow-up recorded."""

    agreement: AgreementRecord
    periods: tuple[period_rules.Period, ...]
    #: The label of the period containing "today", or None outside the agreement.
    current_period: str | None
    measures: tuple[GridMeasure, ...]
    follow_ups: tuple[FollowUpRecord, ...]


@dataclass(frozen=True)
class MeasureStates:
    """Some measures' follow-ups and where each stands (``FollowUpService.measure_states``)."""

    #: The measures asked about (those gone since are in it, but have no status row).
    measure_ids: frozenset[int]
    status_rows: tuple[MeasureStatusRow, ...]
    follow_ups: tuple[FollowUpRecord, ...]


@dataclass(frozen=True)
class FollowUpState:
    """What one measure's follow-up for one period is to be: ``follow_up`` None means none."""

    measure_id: int
    period: str
    follow_up: FollowUpRecord | None
    #: The version the caller expects the (measure, period) follow-up to have now: 0 for "none",
    #: None for no check. Undo and redo pass it, so they never overwrite an edit made meanwhile.
    expected_version: int | None = None


@dataclass(frozen=True)
class FollowUpEntry:
    """One follow-up to record with ``FollowUpService.record_many``."""

    measure_id: int
    period: str
    status: FollowUpStatus
    light: TrafficLight
    count_achieved: int | None
    comment: str
    #: As ``record``'s: the version the caller saw (0: none), or None for no check.
    expected_version: int | None = None


@dataclass(frozen=True)
class CopiedFollowUp:
    measure_id: int
    period: str
    before: FollowUpRecord | None
    after: FollowUpRecord


@dataclass(frozen=True)
class CopyResult:
    """What "copy the previous period's status" did: the follow-ups copied, the measures skipped."""

    copied: tuple[CopiedFollowUp, ...]
    skipped: tuple[int, ...]


def _status_row(
    measure: m.Measure, recorded: dict[str, m.FollowUp], periods: list[period_rules.Period], today: date,
    occurrences: tuple[date, ...] = (),
) -> MeasureStatusRow:
    return _record_status_row(
        convert.measure(measure), measure.promise.text,
        {label: Reported(row.status, row.light, row.count_achieved, row.comment) for label, row in recorded.items()},
        periods, today, occurrences,
    )


def count_period(periods: Sequence[period_rules.Period], today: date) -> period_rules.Period | None:
    """The period a view's "denna period" is: the one containing ``today``, the last one once the
    agreement has ended, none before it starts."""
    if not periods or today < periods[0].start:
        return None
    return next((p for p in periods if p.contains(today)), periods[-1])


def _record_status_row(
    measure: MeasureRecord, promise_text: str, recorded: Mapping[str, Reported],
    periods: list[period_rules.Period], today: date, occurrences: tuple[date, ...] = (),
) -> MeasureStatusRow:
    """Where a measure stands: its latest report (by period order), the deadline rules on ``today``,
    and a counted measure's count in the period of ``today`` (domain/counts.py)."""
    label = next((p.label for p in reversed(periods) if p.label in recorded), None)
    latest = recorded[label] if label is not None else None
    status = latest.status if latest else None
    now = count_period(periods, today)
    count = None
    if measure.target_count is not None and now is not None:
        count = period_counts(
            periods, {key: value.count_achieved for key, value in recorded.items()}, occurrences
        )[now.label]
    return MeasureStatusRow(
        measure=measure,
        promise_text=promise_text,
        latest_period=label,
        latest_status=status,
        latest_light=latest.light if latest else None,
        latest_count=latest.count_achieved if latest else None,
        overdue=deadlines.is_overdue(measure.deadline, status, today),
        due_soon=deadlines.is_due_within(measure.deadline, status, today, DUE_SOON_DAYS),
        count=count,
    )


def reporting_period(agreement: AgreementRecord, label: str) -> period_rules.Period:
    """The agreement's period called ``label`` ("2022-T2"), or ValidationError (field "period")
    naming the agreement's first and last period.

    Needs no session: the report dialog checks the period chosen with it before any work starts.
    """
    try:
        return period_rules.find_period(agreement.start_date, agreement.end_date, agreement.reporting_scheme, label)
    except period_rules.PeriodLabelError as error:
        raise ValidationError([FieldError("period", f"Period: {error}")]) from None


def first_signed_snapshot(session: Session, agreement_id: int) -> snapshot.AgreementSnapshot | None:
    """The agreement's first signed revision (what the parties originally promised), or None."""
    content = session.scalar(
        select(m.SignedRevision.content)
        .where(m.SignedRevision.agreement_id == agreement_id)
        .order_by(m.SignedRevision.revision)
        .limit(1)
    )
    return None if content is None else snapshot.from_json(content)


def agreement_facts(
    session: Session, agreement_id: int, *, first_signed: snapshot.AgreementSnapshot | None,
    occurrences: bool = True,
) -> AgreementFacts:
    """``FollowUpService.measure_facts`` inside the caller's transaction (``first_signed``: what
    ``first_signed_snapshot`` read, so a caller that needs it too parses it once)."""
    agreement = get_row(session, m.Agreement, agreement_id, "Överenskommelsen")
    periods = period_rules.periods_for(agreement.start_date, agreement.end_date, agreement.reporting_scheme)
    measures, promise_texts = agreement_measures(session, agreement_id)
    follow_ups = agreement_reports(session, agreement_id)
    days = agreement_occurrence_days(session, agreement_id) if occurrences else {}
    planned: dict[int, Planned] = {}
    if first_signed is not None:
        for item in first_signed.measures:
            planned[item.id] = Planned(item.deadline, item.target_count, item.target_unit)
    return AgreementFacts(
        agreement=convert.agreement(agreement),
        periods=tuple(periods),
        signed=first_signed is not None,
        measures=tuple(
            MeasureFacts(
                measure_id=x.id,
                title=x.title,
                promise_text=promise_texts[x.promise_id],
                focus_area_name=x.focus_area_name,
                responsible_name=x.responsible_name,
                start_date=x.start_date,
                deadline=x.deadline,
                target_count=x.target_count,
                target_unit=x.target_unit,
                follow_ups=follow_ups.get(x.id, {}),
                planned=planned.get(x.id),
                occurrences=days.get(x.id, ()),
            )
            for x in measures
        ),
    )


def _latest(recorded: Mapping[str, Recorded], periods: Sequence[period_rules.Period]) -> Recorded | None:
    for period in reversed(periods):
        if period.label in recorded:
            return recorded[period.label]
    return None


def _period_order(agreement: m.Agreement) -> dict[str, int]:
    periods = period_rules.periods_for(agreement.start_date, agreement.end_date, agreement.reporting_scheme)
    return {p.label: i for i, p in enumerate(periods)}


def _find_period(agreement: m.Agreement, label: str) -> period_rules.Period:
    return period_rules.find_period(
        agreement.start_date, agreement.end_date, agreement.reporting_scheme, label
    )


def _checked_period(agreement: m.Agreement, label: str) -> period_rules.Period:
    """The agreement's period called ``label``, or ValidationError (field "period")."""
    try:
        return _find_period(agreement, label)
    except period_rules.PeriodLabelError as error:
        raise ValidationError([FieldError("period", f"Period: {error}")]) from None


def validate_follow_up(agreement: m.Agreement, values: FieldValues, *, prefix: str = "") -> FieldValues:
    check = Checker(prefix)
    cleaned: FieldValues = {}
    try:
        cleaned["period"] = _find_period(agreement, str(values["period"])).label
    except period_rules.PeriodLabelError as error:
        check.add("period", f"Period: {error}")
    try:
        cleaned["status"] = FollowUpStatus(values["status"])
    except ValueError:
        check.add("status", f"Status: okänd status {quoted(values['status'])}.")
    try:
        cleaned["light"] = TrafficLight(values["light"])
    except ValueError:
        check.add("light", f"Trafikljus: okänt värde {quoted(values['light'])}.")
    cleaned["count_achieved"] = check.optional_int(
        "count_achieved", values["count_achieved"], label="Utfall (antal)", minimum=0
    )
    cleaned["comment"] = check.text(
        "comment", values["comment"], label="Kommentar", max_length=LONG_TEXT_MAX, multiline=True
    )
    check.raise_if_any()
    return cleaned


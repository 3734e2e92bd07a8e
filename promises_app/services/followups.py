"""Follow-up (uppföljning): one record per measure and reporting period, as it was reported then."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select

from promises_app.domain import deadlines, snapshot
from promises_app.domain import periods as period_rules
from promises_app.domain.enums import FollowUpStatus, TrafficLight
from promises_app.domain.period_summary import MeasureFacts, PeriodSummary, Planned, Reported, summarise
from promises_app.domain.validation import LONG_TEXT_MAX, Checker, FieldError, ValidationError
from promises_app.services import convert
from promises_app.services.base import Service, check_version, get_row
from promises_app.services.plan import measures_of
from promises_app.services.records import AgreementRecord, FollowUpRecord, MeasureStatusRow
from promises_app.storage import models as m

#: "Due soon" on the overview: deadlines within this many days.
DUE_SOON_DAYS = 14


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
            query = (
                select(m.FollowUp)
                .join(m.Measure)
                .join(m.Promise)
                .where(m.Promise.agreement_id == agreement_id)
            )
            if period is not None:
                label = _find_period(agreement, period).label
                query = query.where(m.FollowUp.period == label)
            return [convert.follow_up(f) for f in s.scalars(query.order_by(m.FollowUp.id))]

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
            measure = get_row(s, m.Measure, measure_id, "Åtgärden")
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
            check_version(row, expected_version, "Uppföljningen")
            if row is None:
                row = m.FollowUp(measure_id=measure_id, **values, updated_at=updated_at or utc_now())
                s.add(row)
            else:
                for field, value in values.items():
                    setattr(row, field, value)
                row.updated_at = updated_at or utc_now()
            s.flush()
            return convert.follow_up(row)

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
            measures = measures_of(s, agreement_id)
            follow_ups: dict[int, dict[str, m.FollowUp]] = {}
            for row in s.scalars(
                select(m.FollowUp).where(m.FollowUp.measure_id.in_([x.id for x in measures]))
            ):
                follow_ups.setdefault(row.measure_id, {})[row.period] = row
            result = []
            for measure in measures:
                recorded = follow_ups.get(measure.id, {})
                latest = _latest(recorded, periods)
                status = latest.status if latest else None
                result.append(
                    MeasureStatusRow(
                        measure=convert.measure(measure),
                        promise_text=measure.promise.text,
                        latest_period=latest.period if latest else None,
                        latest_status=status,
                        latest_light=latest.light if latest else None,
                        latest_count=latest.count_achieved if latest else None,
                        overdue=deadlines.is_overdue(measure.deadline, status, today),
                        due_soon=deadlines.is_due_within(measure.deadline, status, today, DUE_SOON_DAYS),
                    )
                )
            return result

    def period_summary(self, agreement_id: int, period: str, *, today: date) -> PeriodSummary:
        """Where the agreement stood in ``period`` ("2022-T2"), as reported then (domain/period_summary).

        The one computation behind the follow-up report and the window's overview. Raises
        ValidationError (field "period") for a label that is not one of the agreement's periods.
        """
        facts = self.measure_facts(agreement_id)
        try:
            chosen = period_rules.find_period(
                facts.agreement.start_date, facts.agreement.end_date, facts.agreement.reporting_scheme, period
            )
        except period_rules.PeriodLabelError as error:
            raise ValidationError([FieldError("period", f"Period: {error}")]) from None
        return summarise(chosen, facts.periods, facts.measures, today=today, signed=facts.signed)

    def measure_facts(self, agreement_id: int) -> AgreementFacts:
        """The agreement, its periods, and each measure with every follow-up and its plan at signing.

        "At signing" is the first signed revision: what the parties originally promised.
        """
        with self.db.read() as s:
            agreement = get_row(s, m.Agreement, agreement_id, "Överenskommelsen")
            periods = period_rules.periods_for(agreement.start_date, agreement.end_date, agreement.reporting_scheme)
            measures = measures_of(s, agreement_id)
            follow_ups: dict[int, dict[str, Reported]] = {}
            for row in s.scalars(select(m.FollowUp).where(m.FollowUp.measure_id.in_([x.id for x in measures]))):
                follow_ups.setdefault(row.measure_id, {})[row.period] = Reported(
                    row.status, row.light, row.count_achieved, row.comment
                )
            first_signed = s.scalar(
                select(m.SignedRevision.content)
                .where(m.SignedRevision.agreement_id == agreement_id)
                .order_by(m.SignedRevision.revision)
                .limit(1)
            )
            planned: dict[int, Planned] = {}
            if first_signed is not None:
                for item in snapshot.from_json(first_signed).measures:
                    planned[item.id] = Planned(item.deadline, item.target_count, item.target_unit)
            return AgreementFacts(
                agreement=convert.agreement(agreement),
                periods=tuple(periods),
                signed=first_signed is not None,
                measures=tuple(
                    MeasureFacts(
                        measure_id=x.id,
                        title=x.title,
                        promise_text=x.promise.text,
                        focus_area_name=x.focus_area.name if x.focus_area else "",
                        responsible_name=x.responsible.name if x.responsible else "",
                        start_date=x.start_date,
                        deadline=x.deadline,
                        target_count=x.target_count,
                        target_unit=x.target_unit,
                        follow_ups=follow_ups.get(x.id, {}),
                        planned=planned.get(x.id),
                    )
                    for x in measures
                ),
            )


@dataclass(frozen=True)
class AgreementFacts:
    agreement: AgreementRecord
    periods: tuple[period_rules.Period, ...]
    #: Whether the agreement has been signed (so "added since signing" means something).
    signed: bool
    measures: tuple[MeasureFacts, ...]


def _latest(recorded: dict[str, m.FollowUp], periods: list[period_rules.Period]) -> m.FollowUp | None:
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


def validate_follow_up(agreement: m.Agreement, values: dict[str, Any], *, prefix: str = "") -> dict[str, Any]:
    check = Checker(prefix)
    cleaned: dict[str, Any] = {}
    try:
        cleaned["period"] = _find_period(agreement, str(values["period"])).label
    except period_rules.PeriodLabelError as error:
        check.add("period", f"Period: {error}")
    try:
        cleaned["status"] = FollowUpStatus(values["status"])
    except ValueError:
        check.add("status", f"Status: okänd status {values['status']!r}.")
    try:
        cleaned["light"] = TrafficLight(values["light"])
    except ValueError:
        check.add("light", f"Trafikljus: okänt värde {values['light']!r}.")
    cleaned["count_achieved"] = check.optional_int(
        "count_achieved", values["count_achieved"], label="Utfall (antal)", minimum=0
    )
    cleaned["comment"] = check.text(
        "comment", values["comment"], label="Kommentar", max_length=LONG_TEXT_MAX, multiline=True
    )
    check.raise_if_any()
    return cleaned


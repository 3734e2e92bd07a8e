"""Follow-up (uppföljning): one record per measure and reporting period, as it was reported then."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select

from promises_app.domain import deadlines
from promises_app.domain import periods as period_rules
from promises_app.domain.enums import FollowUpStatus, TrafficLight
from promises_app.domain.validation import LONG_TEXT_MAX, Checker
from promises_app.services import convert
from promises_app.services.base import Service, check_version, get_row
from promises_app.services.plan import measures_of
from promises_app.services.records import FollowUpRecord, MeasureStatusRow
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


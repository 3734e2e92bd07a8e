"""A period's follow-up beside its measures' follow-ups: its "Nästa steg" (next steps).

The text the parties agree on for what comes next is kept per agreement and period
(``period_follow_ups``), so the next follow-up report of that period prints it again, in the
window (the report dialog fills it in) and on the command line (``report followup`` uses it
unless ``--next-steps`` is given). A row, once made, stays (an empty text is "none"): undo and
redo then only ever update it, so the undo history never has to follow a row made again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from promises_app.domain import periods as period_rules
from promises_app.domain.validation import LONG_TEXT_MAX, Checker, FieldError, ValidationError
from promises_app.services.base import Service, check_version, get_row
from promises_app.storage import models as m

WHAT = "Periodens uppföljning"


@dataclass(frozen=True)
class PeriodFollowUpRecord:
    """An agreement's follow-up of one period: its next steps (``""`` for none) and its version."""

    id: int
    agreement_id: int
    period: str
    next_steps: str
    version: int


class PeriodFollowUpService(Service):
    def get(self, agreement_id: int, period: str) -> PeriodFollowUpRecord | None:
        """The period's follow-up, or None when nothing was ever stored for it."""
        with self.db.read() as s:
            get_row(s, m.Agreement, agreement_id, "Överenskommelsen")
            row = _row(s, agreement_id, period)
            return None if row is None else _record(row)

    def next_steps(self, agreement_id: int, period: str) -> str:
        """The period's stored "Nästa steg" (``""`` when none)."""
        record = self.get(agreement_id, period)
        return "" if record is None else record.next_steps

    def list_for_agreement(self, agreement_id: int) -> list[PeriodFollowUpRecord]:
        """Every period of the agreement with a stored follow-up, in the order of the periods."""
        with self.db.read() as s:
            agreement = get_row(s, m.Agreement, agreement_id, "Överenskommelsen")
            order = {p.label: i for i, p in enumerate(_periods(agreement))}
            rows = sorted(agreement.period_follow_ups, key=lambda r: (order.get(r.period, len(order)), r.period))
            return [_record(row) for row in rows]

    def set_next_steps(
        self, agreement_id: int, period: str, text: str, *, expected_version: int | None = None
    ) -> PeriodFollowUpRecord:
        """Store the period's "Nästa steg" (one transaction; in the change log like every edit).

        ``expected_version``: the version the person saw, 0 for none (ConflictError if it changed)."""
        with self.db.write() as s:
            agreement = get_row(s, m.Agreement, agreement_id, "Överenskommelsen")
            check = Checker()
            cleaned = check.text("next_steps", text, label="Nästa steg", max_length=LONG_TEXT_MAX, multiline=True)
            check.raise_if_any()
            label = checked_period(agreement, period)
            row = _row(s, agreement_id, label)
            check_version(row, expected_version, WHAT)
            if row is None:
                row = m.PeriodFollowUp(agreement_id=agreement_id, period=label, next_steps=cleaned,
                                       updated_at=_now())
                s.add(row)
            elif row.next_steps != cleaned:
                row.next_steps = cleaned
                row.updated_at = _now()
            s.flush()
            return _record(row)


def checked_period(agreement: m.Agreement, label: str) -> str:
    """The label of the agreement's period ``label``, or ValidationError (field "period")."""
    try:
        return period_rules.find_period(
            agreement.start_date, agreement.end_date, agreement.reporting_scheme, label
        ).label
    except period_rules.PeriodLabelError as error:
        raise ValidationError([FieldError("period", f"Period: {error}")]) from None


def _periods(agreement: m.Agreement) -> list[period_rules.Period]:
    return period_rules.periods_for(agreement.start_date, agreement.end_date, agreement.reporting_scheme)


def _row(session: Session, agreement_id: int, period: str) -> m.PeriodFollowUp | None:
    return session.scalar(
        select(m.PeriodFollowUp).where(m.PeriodFollowUp.agreement_id == agreement_id,
                                       m.PeriodFollowUp.period == period)
    )


def _record(row: m.PeriodFollowUp) -> PeriodFollowUpRecord:
    return PeriodFollowUpRecord(row.id, row.agreement_id, row.period, row.next_steps, row.version)


def _now() -> datetime:
    """Now in UTC, naive, to the second (as follow_ups.updated_at)."""
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)

"""The overview (Översikt) of one agreement on ``today``: what is late, what is due, what lacks a report.

Read only. Built on the same facts and rules as the follow-up report (``follow_ups.measure_facts``,
domain/period_summary.py and domain/deadlines.py), so the start page and the paper never
disagree: one read transaction, a handful of queries whatever the number of measures. The
safety-walk findings still open more than six months after their walk (domain/findings.py) come
from one more small read.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import date

from promises_app.domain import deadlines
from promises_app.domain import periods as period_rules
from promises_app.domain.enums import FollowUpStatus
from promises_app.domain.period_summary import STATUS_ORDER, MeasureFacts, MeasureInPeriod, summarise
from promises_app.services.base import Service
from promises_app.services.followups import DUE_SOON_DAYS, AgreementFacts, FollowUpService
from promises_app.services.records import OpenFindingRecord

__all__ = [
    "DUE_SOON_DAYS",
    "AgreementOverview",
    "OverviewMeasure",
    "OverviewService",
    "PartyCount",
    "PeriodProgress",
    "StatusCount",
]


@dataclass(frozen=True)
class OverviewMeasure:
    """One measure in one of the overview's lists."""

    measure_id: int
    title: str
    promise_text: str
    #: The responsible organisation's name ("" when none is named).
    responsible_name: str
    deadline: date | None
    #: The latest status reported (any period), None when nothing was reported yet.
    status: FollowUpStatus | None
    #: Days from the deadline to today: positive = late, 0 = due today, negative = days left.
    days_late: int | None


@dataclass(frozen=True)
class StatusCount:
    #: None: no follow-up recorded yet.
    status: FollowUpStatus | None
    count: int


@dataclass(frozen=True)
class PartyCount:
    """The measures one responsible organisation has, and how many of them need attention."""

    #: "" for measures without a responsible organisation.
    name: str
    measures: int
    overdue: int
    due_soon: int
    missing: int


@dataclass(frozen=True)
class PeriodProgress:
    """How the measures stood in one reporting period, as reported then.

    Each measure counts once: the status reported for the period; a measure finished in an
    earlier period keeps that status; one that had not started by the period's end counts as
    not started; one that should have been reported but was not counts under None.
    """

    period: str
    start: date
    end: date
    #: Every status in STATUS_ORDER (None last), zeros included.
    counts: tuple[StatusCount, ...]
    #: The period contains today (still running: its reports may be on the way).
    current: bool

    @property
    def total(self) -> int:
        return sum(c.count for c in self.counts)


@dataclass(frozen=True)
class AgreementOverview:
    agreement_id: int
    title: str
    today: date
    #: The label of the period containing today (None: today lies outside the agreement).
    current_period: str | None
    total_measures: int
    due_soon_days: int
    overdue: tuple[OverviewMeasure, ...]
    due_soon: tuple[OverviewMeasure, ...]
    #: Measures that lack a follow-up for the current period (empty without one).
    missing: tuple[OverviewMeasure, ...]
    #: Every status in STATUS_ORDER (None last), by the latest status reported, zeros included.
    by_status: tuple[StatusCount, ...]
    #: In first-seen (plan) order.
    by_party: tuple[PartyCount, ...]
    #: The periods begun by today, in order.
    progress: tuple[PeriodProgress, ...]
    #: Safety-walk findings still open more than six months after their walk, oldest walk first.
    long_open_findings: tuple[OpenFindingRecord, ...] = ()


class OverviewService(Service):
    def overview(self, agreement_id: int, *, today: date) -> AgreementOverview:
        """Where the agreement stands on ``today`` (NotFoundError for an agreement that is gone)."""
        from promises_app.services.walks import WalkService  # (walks imports the plan, the overview need not)

        # No counts on the overview: the days measures were carried out are not read.
        facts = FollowUpService(self.db).measure_facts(agreement_id, occurrences=False)
        findings = WalkService(self.db).open_too_long(agreement_id, today=today)
        return replace(build_overview(facts, today=today), long_open_findings=tuple(findings))


def build_overview(facts: AgreementFacts, *, today: date) -> AgreementOverview:
    """The overview from the agreement's facts (pure: no database)."""
    agreement, periods = facts.agreement, facts.periods
    current = period_rules.current_period(agreement.start_date, agreement.end_date, agreement.reporting_scheme, today)
    statuses = {x.measure_id: {label: r.status for label, r in x.follow_ups.items()} for x in facts.measures}
    latest = {x.measure_id: deadlines.latest_status(statuses[x.measure_id], periods) for x in facts.measures}

    def item(x: MeasureFacts) -> OverviewMeasure:
        return OverviewMeasure(
            measure_id=x.measure_id,
            title=x.title,
            promise_text=x.promise_text,
            responsible_name=x.responsible_name,
            deadline=x.deadline,
            status=latest[x.measure_id],
            days_late=(today - x.deadline).days if x.deadline is not None else None,
        )

    overdue = [x for x in facts.measures if deadlines.is_overdue(x.deadline, latest[x.measure_id], today)]
    due_soon = [
        x for x in facts.measures
        if deadlines.is_due_within(x.deadline, latest[x.measure_id], today, DUE_SOON_DAYS)
    ]
    missing: list[MeasureFacts] = []
    if current is not None:
        now = summarise(current, periods, facts.measures, today=today, signed=facts.signed)
        missing = [row.facts for row in now.missing]

    status_counts = Counter(latest.values())
    late_ids = {x.measure_id for x in overdue}
    soon_ids = {x.measure_id for x in due_soon}
    missing_ids = {x.measure_id for x in missing}
    parties: dict[str, list[int]] = {}
    for x in facts.measures:
        parties.setdefault(x.responsible_name or "", []).append(x.measure_id)

    progress = tuple(
        _progress(summarise(period, periods, facts.measures, today=today, signed=facts.signed).measures,
                  period, current=period == current)
        for period in periods
        if period.start <= today
    )
    return AgreementOverview(
        agreement_id=agreement.id,
        title=agreement.title,
        today=today,
        current_period=current.label if current else None,
        total_measures=len(facts.measures),
        due_soon_days=DUE_SOON_DAYS,
        # The most overdue first; the soonest due first.
        overdue=tuple(sorted((item(x) for x in overdue), key=lambda i: -(i.days_late or 0))),
        due_soon=tuple(sorted((item(x) for x in due_soon), key=lambda i: -(i.days_late or 0))),
        missing=tuple(item(x) for x in missing),
        by_status=tuple(StatusCount(s, status_counts[s]) for s in STATUS_ORDER),
        by_party=tuple(
            PartyCount(
                name=name,
                measures=len(ids),
                overdue=len(late_ids.intersection(ids)),
                due_soon=len(soon_ids.intersection(ids)),
                missing=len(missing_ids.intersection(ids)),
            )
            for name, ids in parties.items()
        ),
        progress=progress,
    )


def _progress(rows: tuple[MeasureInPeriod, ...], period: period_rules.Period, *, current: bool) -> PeriodProgress:
    def category(row: MeasureInPeriod) -> FollowUpStatus | None:
        if row.reported is not None:
            return row.reported.status
        if row.missing:
            return None
        if row.standing is not None and row.standing.is_finished:
            return row.standing
        return FollowUpStatus.NOT_STARTED  # not begun by the period's end: nothing to report yet

    counts = Counter(category(row) for row in rows)
    return PeriodProgress(
        period=period.label,
        start=period.start,
        end=period.end,
        counts=tuple(StatusCount(s, counts[s]) for s in STATUS_ORDER),
        current=current,
    )

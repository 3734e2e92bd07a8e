"""Where an agreement stood in one reporting period: the numbers a follow-up report prints.

One pure computation for the paper and the screen (the follow-up report's summary page and
the window's overview), so the two never disagree. Everything is "as reported for that
period": the status, light, count and comment recorded for the period, never a later one;
"overdue" is judged on the period's report day (its last day, or ``today`` while the
period is still running).

Each measure may carry what was planned at signing (its deadline and target in the signed
baseline), so a report can show what moved since.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from promises_app.domain import deadlines
from promises_app.domain.counts import CountSource, last_period_count
from promises_app.domain.enums import FollowUpStatus, TrafficLight
from promises_app.domain.periods import Period


@dataclass(frozen=True)
class Reported:
    """One follow-up as recorded: status, traffic light, count achieved, comment."""

    status: FollowUpStatus
    light: TrafficLight
    count_achieved: int | None
    comment: str


@dataclass(frozen=True)
class Planned:
    """A measure as it stood in the signed baseline."""

    deadline: date | None
    target_count: int | None
    target_unit: str


@dataclass(frozen=True)
class MeasureFacts:
    """What the computation needs to know about one measure (plain data, from the services)."""

    measure_id: int
    title: str
    promise_text: str
    focus_area_name: str
    responsible_name: str
    start_date: date | None
    deadline: date | None
    target_count: int | None
    target_unit: str
    #: Follow-ups by period label.
    follow_ups: Mapping[str, Reported]
    #: As signed (None: added since signing, or the agreement was never signed).
    planned: Planned | None
    #: The days the measure was carried out: its logged occurrences, and the agreement's safety walks
    #: when it is the walk measure (domain/counts.py, ``occurrence_days``).
    occurrences: tuple[date, ...] = ()

    @cached_property
    def typed_counts(self) -> dict[str, int]:
        """The counts typed in the follow-ups, by period label (only those that have one); worked out
        once, as the overview sums up every period."""
        return {label: r.count_achieved for label, r in self.follow_ups.items() if r.count_achieved is not None}


@dataclass(frozen=True)
class MeasureInPeriod:
    facts: MeasureFacts
    #: What was reported for this period (None: nothing was).
    reported: Reported | None
    #: The latest status reported up to and including this period.
    standing: FollowUpStatus | None
    overdue: bool
    #: Expected to be reported this period but was not.
    missing: bool
    deadline_moved: bool
    target_changed: bool
    added_since_signing: bool
    #: The count achieved so far (cumulative, *utfall*) as of this period: reported for it, or else
    #: the latest reported before it; None when none was counted yet.
    count_so_far: int | None = None
    #: The earlier period ``count_so_far`` was reported for; None when it was reported for this one
    #: (or nothing was counted).
    count_earlier: str | None = None
    #: The period's own result (*denna period*, domain/counts.py) and where it came from.
    count_this_period: int | None = None
    count_source: CountSource | None = None


@dataclass(frozen=True)
class PeriodSummary:
    period: Period
    #: The day "overdue" is judged on: the period's last day, or today while it runs.
    as_of: date
    measures: tuple[MeasureInPeriod, ...]
    #: How many measures have each status reported for this period (None: not reported).
    by_status: tuple[tuple[FollowUpStatus | None, int], ...]
    by_light: tuple[tuple[TrafficLight | None, int], ...]
    #: How many measures each responsible party has (in first-seen order).
    by_party: tuple[tuple[str, int], ...]

    @property
    def overdue(self) -> tuple[MeasureInPeriod, ...]:
        return tuple(m for m in self.measures if m.overdue)

    @property
    def missing(self) -> tuple[MeasureInPeriod, ...]:
        return tuple(m for m in self.measures if m.missing)

    @property
    def moved(self) -> tuple[MeasureInPeriod, ...]:
        """Measures whose deadline or target changed since signing, or that were added."""
        return tuple(m for m in self.measures if m.deadline_moved or m.target_changed or m.added_since_signing)

    @property
    def total(self) -> int:
        return len(self.measures)


STATUS_ORDER: tuple[FollowUpStatus | None, ...] = (*FollowUpStatus, None)
LIGHT_ORDER: tuple[TrafficLight | None, ...] = (*TrafficLight, None)


def summarise(
    period: Period, periods: Sequence[Period], measures: Sequence[MeasureFacts], *, today: date,
    signed: bool,
) -> PeriodSummary:
    """The summary of ``period`` (one of ``periods``, the agreement's periods in order).

    ``signed``: whether the agreement has a signed baseline (otherwise nothing counts as
    added or moved since signing).
    """
    as_of = min(period.end, today)
    ordered = list(periods)
    if measures and period not in ordered:
        deadlines.is_follow_up_missing(period, {}, ordered, None)  # raises: a mix-up between agreements
    upto = [p for p in ordered if p.start <= period.start]
    # deadlines.latest_status and deadlines.is_follow_up_missing, with the periods' labels listed
    # once per summary rather than once per measure (the overview sums up every period of an
    # agreement that may have 10 000 measures); tests/domain/test_period_summary.py holds the two
    # to the same answers.
    upto_labels = [p.label for p in reversed(upto)]
    earlier_labels = [p.label for p in reversed(ordered[: ordered.index(period)])] if measures else []
    rows = []
    for facts in measures:
        follow_ups = facts.follow_ups
        standing = _latest(follow_ups, upto_labels)
        reported = follow_ups.get(period.label)
        if reported is not None or (facts.start_date is not None and facts.start_date > period.end):
            missing = False
        else:
            before = _latest(follow_ups, earlier_labels)
            missing = not (before is not None and before.is_finished)
        # The one count rule (domain/counts.py): logged occurrences win over the typed total.
        counted = last_period_count(upto, earlier_labels, facts.typed_counts, facts.occurrences)
        planned = facts.planned
        rows.append(
            MeasureInPeriod(
                facts=facts,
                reported=reported,
                standing=standing,
                overdue=deadlines.is_overdue(facts.deadline, standing, as_of),
                missing=missing,
                deadline_moved=planned is not None and planned.deadline != facts.deadline,
                target_changed=planned is not None
                and (planned.target_count, planned.target_unit) != (facts.target_count, facts.target_unit),
                added_since_signing=signed and planned is None,
                count_so_far=counted.so_far if counted else None,
                count_earlier=counted.carried_from if counted else None,
                count_this_period=counted.this_period if counted else None,
                count_source=counted.source if counted else None,
            )
        )
    status_counts = Counter(row.reported.status if row.reported else None for row in rows)
    light_counts = Counter(row.reported.light if row.reported else None for row in rows)
    party_counts = Counter(row.facts.responsible_name or "" for row in rows)
    return PeriodSummary(
        period=period,
        as_of=as_of,
        measures=tuple(rows),
        by_status=tuple((s, status_counts[s]) for s in STATUS_ORDER if status_counts[s]),
        by_light=tuple((light, light_counts[light]) for light in LIGHT_ORDER if light_counts[light]),
        by_party=tuple(party_counts.items()),
    )


def _latest(follow_ups: Mapping[str, Reported], labels: Sequence[str]) -> FollowUpStatus | None:
    """The status of the first of ``labels`` (newest first) that has a report (latest_status)."""
    for label in labels:
        reported = follow_ups.get(label)
        if reported is not None:
            return reported.status
    return None

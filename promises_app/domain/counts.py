"""One truth for the count of a counted measure ("150 kontroller"): hittills X av Y, denna period Z.

A counted measure's count used to live in three places that did not meet: the follow-up's typed
"Utfall" (a running total), the occurrence log, and the safety walks. This module is the one rule
every view and report asks (docs/counts.md):

* A period's result (*denna period*) is the number of occurrences logged in it, when there are any:
  the log wins over what was typed, because each logged occurrence has a date and can be checked.
* Without occurrences in the period it is what was typed in the period's follow-up. A typed count
  is the running total as of the period (*utfall hittills*; it always was), so the period's result
  is the typed total less the total before the period.
* The running total (*hittills*) is the total before the period plus the logged occurrences, or the
  typed total. A period with neither keeps the total of the latest period that had one (and says
  which: ``carried_from``).

Safety walks are held for the agreement, not for a measure: the model has no link from a walk to a
measure. The smallest honest rule is :func:`walk_measure`: when the agreement has exactly one
counted measure whose unit is safety walks ("4 trygghetsvandringar"), each walk held counts as an
occurrence of it, unless an occurrence of that measure is already logged on the walk's day (then it
is the same walk, counted once). With none or several such measures, walks count for none, as the
program cannot tell which one they belong to.

Pure: no clock, no database; dates and labels in, numbers out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from promises_app.domain.periods import Period

__all__ = [
    "CountSource",
    "PeriodCount",
    "is_walk_unit",
    "last_period_count",
    "occurrence_days",
    "period_count",
    "period_counts",
    "walk_measure",
]


class CountSource(StrEnum):
    """Where a period's result came from (said beside it: "från loggade tillfällen" / "inskrivet")."""

    LOGGED = "logged"
    TYPED = "typed"


@dataclass(frozen=True)
class PeriodCount:
    """A counted measure's count in one period."""

    label: str
    #: The running total as of the period's end (None: nothing counted yet).
    so_far: int | None
    #: The period's own result (None: nothing logged or typed for the period, or a typed total
    #: smaller than the total before it, which gives no honest difference).
    this_period: int | None
    #: Where the period's result came from; None when the period has none.
    source: CountSource | None
    #: The earlier period ``so_far`` was last set in, when the period itself set nothing.
    carried_from: str | None = None


def period_counts(
    periods: Sequence[Period], typed: Mapping[str, int | None], occurrences: Iterable[date]
) -> dict[str, PeriodCount]:
    """The count of every period (``periods`` in order), by label.

    ``typed``: the count typed in each period's follow-up (the running total), by label;
    ``occurrences``: the day of each logged occurrence (walks included, see ``occurrence_days``).
    Occurrences outside every period count for none.
    """
    days = sorted(occurrences)
    result: dict[str, PeriodCount] = {}
    so_far: int | None = None
    set_in: str | None = None
    for period in periods:
        logged = sum(1 for day in days if period.start <= day <= period.end)
        entered = typed.get(period.label)
        if logged:
            before = so_far or 0
            so_far, set_in = before + logged, period.label
            result[period.label] = PeriodCount(period.label, so_far, logged, CountSource.LOGGED)
        elif entered is not None:
            before = so_far or 0
            so_far, set_in = entered, period.label
            this = entered - before if entered >= before else None
            result[period.label] = PeriodCount(period.label, so_far, this, CountSource.TYPED)
        else:
            result[period.label] = PeriodCount(period.label, so_far, None, None, set_in)
    return result


def period_count(
    periods: Sequence[Period], label: str, typed: Mapping[str, int | None], occurrences: Iterable[date]
) -> PeriodCount | None:
    """The count of the period ``label`` (None: not one of ``periods``)."""
    return period_counts(periods, typed, occurrences).get(label)


def last_period_count(
    upto: Sequence[Period], earlier: Sequence[str], typed: Mapping[str, int], occurrences: Sequence[date],
) -> PeriodCount | None:
    """The count of the last of ``upto`` (the periods up to it, in order; ``earlier``: the labels of
    the ones before it, newest first), or None while nothing is counted. ``typed``: the counts typed,
    by label (only the periods that have one).

    ``period_counts`` for one period, for a measure with nothing logged (almost all) without walking
    every period: the overview sums up every period of an agreement that may have 10 000 measures.
    tests/domain/test_counts.py holds the two to the same answers."""
    label = upto[-1].label
    if occurrences:
        return period_counts(upto, typed, occurrences)[label]
    if not typed:
        return None
    entered = typed.get(label)
    before: int | None = None
    before_label: str | None = None
    for earlier_label in earlier:
        before = typed.get(earlier_label)
        if before is not None:
            before_label = earlier_label
            break
    if entered is None:
        return None if before is None else PeriodCount(label, before, None, None, before_label)
    base = before or 0
    return PeriodCount(label, entered, entered - base if entered >= base else None, CountSource.TYPED)


def is_walk_unit(unit: str) -> bool:
    """Whether a target's unit counts safety walks ("trygghetsvandringar", "Trygghetsvandring")."""
    return "trygghetsvandring" in unit.casefold()


def walk_measure(measures: Iterable[tuple[int, int | None, str]]) -> int | None:
    """The measure the agreement's safety walks count for: of ``measures`` as (id, target count,
    unit), the only counted one whose unit is safety walks; None when there is none or several."""
    found = [measure_id for measure_id, target, unit in measures if target is not None and is_walk_unit(unit)]
    return found[0] if len(found) == 1 else None


def occurrence_days(logged: Iterable[date], walks: Iterable[date]) -> tuple[date, ...]:
    """The days a measure was carried out: each logged occurrence, and each walk on a day with
    fewer logged occurrences than walks (a walk logged as an occurrence too is counted once)."""
    logged_on = Counter(logged)
    walked_on = Counter(walks)
    days = Counter({day: max(logged_on[day], walked_on[day]) for day in logged_on.keys() | walked_on.keys()})
    return tuple(sorted(days.elements()))

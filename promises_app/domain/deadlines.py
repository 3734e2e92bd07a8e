"""Deadline and follow-up rules for measures (åtgärder).

Brå notes that measures in local action plans are seldom followed up; these rules are
what lets the product point at the gaps: which measures are overdue (försenade), which
are due soon, and which periods still lack a follow-up. They are pure functions of the
data plus an explicit ``today``, so a report "as of" any day gives the same answer
every time it is produced.

Follow-ups are passed as a mapping from canonical period label (as produced by
:func:`promises_app.domain.periods.periods_for`) to the status recorded for that
period. Keys are matched exactly; labels that are not among the agreement's periods
(e.g. left over after the agreement's dates changed) are ignored rather than guessed at.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from promises_app.domain.enums import FollowUpStatus
from promises_app.domain.periods import Period
from promises_app.domain.validation import quoted

__all__ = [
    "is_due_within",
    "is_follow_up_missing",
    "is_overdue",
    "latest_status",
]


def latest_status(
    follow_ups: Mapping[str, FollowUpStatus], periods: Sequence[Period]
) -> FollowUpStatus | None:
    """The status recorded for the latest period (in ``periods`` order) that has one.

    This is "where the measure stands now" as far as reports go: a later report
    supersedes an earlier one even when it says less (Pågående after Genomförd means the
    measure was reopened). None when no period of the agreement has a follow-up.
    """
    for period in reversed(periods):
        status = follow_ups.get(period.label)
        if status is not None:
            return status
    return None


def _is_finished(status: FollowUpStatus | None) -> bool:
    """No follow-up yet counts as not finished: silence must never hide a late measure."""
    return status is not None and status.is_finished


def is_overdue(deadline: date | None, status: FollowUpStatus | None, today: date) -> bool:
    """True when the deadline has passed and the measure is not finished.

    The deadline day itself is still on time (only ``deadline < today`` is overdue). A
    measure without a deadline can never be late, and a done or cancelled/postponed one
    is never overdue.
    """
    if deadline is None or _is_finished(status):
        return False
    return deadline < today


def is_due_within(
    deadline: date | None, status: FollowUpStatus | None, today: date, days: int
) -> bool:
    """True when an unfinished measure's deadline is ``today`` or within ``days`` days after.

    ``days=0`` means "due today". Already overdue measures are not "due within" (they
    are :func:`is_overdue`), so the two lists in a report never overlap. A negative
    window is a programming error and raises ValueError even when there is no deadline,
    so the mistake shows up regardless of the data.
    """
    if days < 0:
        raise ValueError(f"Antalet dagar kan inte vara negativt (fick {days}).")
    if deadline is None or _is_finished(status):
        return False
    # Compare the difference rather than computing today + days, which could overflow
    # date.max for a very large window.
    return 0 <= (deadline - today).days <= days


def is_follow_up_missing(
    period: Period,
    follow_ups: Mapping[str, FollowUpStatus],
    periods: Sequence[Period],
    measure_start: date | None,
) -> bool:
    """True when ``period`` should have a follow-up for this measure but has none.

    A follow-up is expected when the measure has started by the period's last day (no
    start date counts as started) and it was not already finished: a measure reported
    done or cancelled/postponed in T1 needs no T2 report. "Already finished" is judged by
    the latest follow-up recorded for an earlier period (in ``periods`` order), so a
    measure that was reported finished and later reopened is expected to be reported
    again.

    Whether the period has ended yet is the caller's choice (pass only past periods for
    "missing", or the current one too for "to do"). ``period`` must be one of
    ``periods``; anything else is a mix-up between agreements and raises ValueError.
    """
    ordered = list(periods)
    try:
        index = ordered.index(period)
    except ValueError:
        raise ValueError(
            f"Perioden {quoted(period.label)} hör inte till överenskommelsens perioder."
        ) from None
    if period.label in follow_ups:
        return False
    if measure_start is not None and measure_start > period.end:
        return False
    return not _is_finished(latest_status(follow_ups, ordered[:index]))

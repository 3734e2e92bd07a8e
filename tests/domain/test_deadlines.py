"""Tests for the deadline and follow-up rules of measures."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from promises_app.domain.deadlines import (
    is_due_within,
    is_follow_up_missing,
    is_overdue,
    latest_status,
)
from promises_app.domain.enums import FollowUpStatus, ReportingScheme
from promises_app.domain.periods import periods_for

S = FollowUpStatus
FINISHED = [S.DONE, S.CANCELLED_OR_POSTPONED]
UNFINISHED = [S.NOT_STARTED, S.IN_PROGRESS, S.PARTLY_DONE, S.NOT_DONE]

TODAY = date(2022, 6, 15)
# The calendar year 2022 followed up per tertial: 2022-T1, 2022-T2, 2022-T3.
TERTIALS = periods_for(date(2022, 1, 1), date(2022, 12, 31), ReportingScheme.TERTIAL)
T1, T2, T3 = TERTIALS


# --------------------------------------------------------------------------- latest_status


def test_latest_status_none_without_follow_ups() -> None:
    assert latest_status({}, TERTIALS) is None


def test_latest_status_takes_the_latest_period_in_order() -> None:
    follow_ups = {"2022-T2": S.DONE, "2022-T1": S.IN_PROGRESS}
    assert latest_status(follow_ups, TERTIALS) == S.DONE


def test_latest_status_skips_periods_without_follow_up() -> None:
    assert latest_status({"2022-T1": S.NOT_STARTED}, TERTIALS) == S.NOT_STARTED


def test_latest_status_later_report_supersedes_finished_one() -> None:
    follow_ups = {"2022-T1": S.DONE, "2022-T3": S.IN_PROGRESS}
    assert latest_status(follow_ups, TERTIALS) == S.IN_PROGRESS


def test_latest_status_ignores_labels_outside_the_periods() -> None:
    follow_ups = {"2022-T1": S.IN_PROGRESS, "2023-T1": S.DONE, "2022-Q4": S.DONE}
    assert latest_status(follow_ups, TERTIALS) == S.IN_PROGRESS
    assert latest_status({"2023-T1": S.DONE}, TERTIALS) is None


def test_latest_status_follows_the_given_order() -> None:
    follow_ups = {"2022-T1": S.DONE, "2022-T3": S.NOT_DONE}
    assert latest_status(follow_ups, [T3, T1]) == S.DONE


def test_latest_status_no_periods() -> None:
    assert latest_status({"2022-T1": S.DONE}, []) is None


# --------------------------------------------------------------------------- is_overdue


@pytest.mark.parametrize("status", [None, *UNFINISHED])
def test_overdue_boundaries(status: FollowUpStatus | None) -> None:
    assert is_overdue(TODAY - timedelta(days=1), status, TODAY)
    assert not is_overdue(TODAY, status, TODAY)  # the deadline day itself is on time
    assert not is_overdue(TODAY + timedelta(days=1), status, TODAY)


@pytest.mark.parametrize("status", FINISHED)
def test_finished_measure_is_never_overdue(status: FollowUpStatus) -> None:
    assert not is_overdue(date(2000, 1, 1), status, TODAY)


@pytest.mark.parametrize("status", [None, *list(S)])
def test_no_deadline_is_never_overdue(status: FollowUpStatus | None) -> None:
    assert not is_overdue(None, status, TODAY)


def test_overdue_across_a_leap_day() -> None:
    assert is_overdue(date(2024, 2, 28), S.IN_PROGRESS, date(2024, 2, 29))
    assert not is_overdue(date(2024, 2, 29), S.IN_PROGRESS, date(2024, 2, 29))


# --------------------------------------------------------------------------- is_due_within


@pytest.mark.parametrize("status", [None, *UNFINISHED])
def test_due_within_zero_days_is_today_only(status: FollowUpStatus | None) -> None:
    assert is_due_within(TODAY, status, TODAY, 0)
    assert not is_due_within(TODAY + timedelta(days=1), status, TODAY, 0)
    assert not is_due_within(TODAY - timedelta(days=1), status, TODAY, 0)


@pytest.mark.parametrize("status", [None, *UNFINISHED])
def test_due_within_window_boundaries(status: FollowUpStatus | None) -> None:
    assert is_due_within(TODAY, status, TODAY, 14)
    assert is_due_within(TODAY + timedelta(days=14), status, TODAY, 14)
    assert not is_due_within(TODAY + timedelta(days=15), status, TODAY, 14)
    # Already overdue is not "due within": the two lists never overlap.
    assert not is_due_within(TODAY - timedelta(days=1), status, TODAY, 14)


@pytest.mark.parametrize("status", FINISHED)
def test_finished_measure_is_never_due(status: FollowUpStatus) -> None:
    assert not is_due_within(TODAY, status, TODAY, 30)


def test_due_within_without_deadline() -> None:
    assert not is_due_within(None, None, TODAY, 30)


def test_due_within_negative_days_raises() -> None:
    with pytest.raises(ValueError):
        is_due_within(TODAY, None, TODAY, -1)
    with pytest.raises(ValueError):
        is_due_within(None, None, TODAY, -1)


def test_due_within_huge_window_does_not_overflow() -> None:
    assert is_due_within(date(9999, 12, 31), None, TODAY, 10**9)


@given(
    st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)),
    st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)),
    st.sampled_from([None, *list(S)]),
    st.integers(0, 400),
)
def test_overdue_and_due_within_never_overlap(
    deadline: date, today: date, status: FollowUpStatus | None, days: int
) -> None:
    overdue = is_overdue(deadline, status, today)
    due = is_due_within(deadline, status, today, days)
    assert not (overdue and due)
    if status is not None and status.is_finished:
        assert not overdue and not due
    else:
        assert overdue == (deadline < today)
        assert due == (today <= deadline <= today + timedelta(days=days))


# --------------------------------------------------------------------------- is_follow_up_missing


def test_missing_when_nothing_reported() -> None:
    assert is_follow_up_missing(T1, {}, TERTIALS, None)
    assert is_follow_up_missing(T2, {}, TERTIALS, date(2022, 1, 1))


def test_not_missing_when_reported_even_if_not_finished() -> None:
    assert not is_follow_up_missing(T2, {"2022-T2": S.NOT_STARTED}, TERTIALS, None)


def test_not_missing_before_the_measure_starts() -> None:
    # Starts in September: nothing is expected for T1 or T2.
    start = date(2022, 9, 1)
    assert not is_follow_up_missing(T1, {}, TERTIALS, start)
    assert not is_follow_up_missing(T2, {}, TERTIALS, start)
    assert is_follow_up_missing(T3, {}, TERTIALS, start)


def test_start_on_last_day_of_period_counts_as_started() -> None:
    assert is_follow_up_missing(T2, {}, TERTIALS, T2.end)
    assert not is_follow_up_missing(T2, {}, TERTIALS, T2.end + timedelta(days=1))


@pytest.mark.parametrize("status", FINISHED)
def test_not_missing_after_an_earlier_period_finished(status: FollowUpStatus) -> None:
    follow_ups = {"2022-T1": status}
    assert not is_follow_up_missing(T2, follow_ups, TERTIALS, None)
    assert not is_follow_up_missing(T3, follow_ups, TERTIALS, None)


@pytest.mark.parametrize("status", UNFINISHED)
def test_missing_after_an_earlier_unfinished_report(status: FollowUpStatus) -> None:
    follow_ups = {"2022-T1": status}
    assert is_follow_up_missing(T2, follow_ups, TERTIALS, None)


def test_finished_later_does_not_excuse_an_earlier_gap() -> None:
    # Done in T3, but T2 was never reported: T2 is still missing.
    follow_ups = {"2022-T1": S.IN_PROGRESS, "2022-T3": S.DONE}
    assert is_follow_up_missing(T2, follow_ups, TERTIALS, None)


def test_reopened_measure_is_expected_again() -> None:
    # Postponed in T1, resumed in T2: T3 needs a report again.
    follow_ups = {"2022-T1": S.CANCELLED_OR_POSTPONED, "2022-T2": S.IN_PROGRESS}
    assert is_follow_up_missing(T3, follow_ups, TERTIALS, None)


def test_finished_after_gap_still_counts_as_finished() -> None:
    # Done in T1, nothing in T2: T3 is not missing either.
    assert not is_follow_up_missing(T3, {"2022-T1": S.DONE}, TERTIALS, None)


def test_missing_with_clipped_periods() -> None:
    periods = periods_for(date(2018, 7, 1), date(2020, 6, 30), ReportingScheme.TERTIAL)
    first, last = periods[0], periods[-1]
    assert first.label == "2018-T2"
    assert is_follow_up_missing(first, {}, periods, date(2018, 8, 31))
    assert not is_follow_up_missing(last, {"2019-T3": S.DONE}, periods, None)


def test_whole_period_follow_up() -> None:
    periods = periods_for(date(2022, 6, 1), date(2022, 8, 31), ReportingScheme.WHOLE_PERIOD)
    (whole,) = periods
    assert is_follow_up_missing(whole, {}, periods, None)
    assert not is_follow_up_missing(whole, {whole.label: S.IN_PROGRESS}, periods, None)


def test_period_of_another_agreement_is_an_error() -> None:
    other = periods_for(date(2023, 1, 1), date(2023, 12, 31), ReportingScheme.TERTIAL)[0]
    with pytest.raises(ValueError):
        is_follow_up_missing(other, {}, TERTIALS, None)


def test_accepts_any_sequence() -> None:
    assert is_follow_up_missing(T2, {}, tuple(TERTIALS), None)
    assert not is_follow_up_missing(T2, {"2022-T1": S.DONE}, tuple(TERTIALS), None)

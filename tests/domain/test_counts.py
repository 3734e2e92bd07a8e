"""The one count rule: logged occurrences win over the typed total; none → typed; period boundaries."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from promises_app.domain.counts import (
    CountSource,
    is_walk_unit,
    last_period_count,
    occurrence_days,
    period_count,
    period_counts,
    walk_measure,
)
from promises_app.domain.enums import FollowUpStatus, ReportingScheme, TrafficLight
from promises_app.domain.period_summary import MeasureFacts, Reported, summarise
from promises_app.domain.periods import periods_for

PERIODS = periods_for(date(2022, 1, 1), date(2022, 12, 31), ReportingScheme.TERTIAL)
T1, T2, T3 = PERIODS


def test_logged_occurrences_win_over_what_was_typed() -> None:
    counts = period_counts(PERIODS, {"2022-T1": 10}, [date(2022, 2, 1), date(2022, 3, 1)])
    t1 = counts["2022-T1"]
    assert (t1.so_far, t1.this_period, t1.source) == (2, 2, CountSource.LOGGED)


def test_without_occurrences_the_typed_running_total_counts() -> None:
    counts = period_counts(PERIODS, {"2022-T1": 3, "2022-T2": 7}, [])
    assert (counts["2022-T1"].so_far, counts["2022-T1"].this_period) == (3, 3)
    assert (counts["2022-T2"].so_far, counts["2022-T2"].this_period, counts["2022-T2"].source) == (
        7, 4, CountSource.TYPED)


def test_a_period_with_nothing_keeps_the_total_and_says_where_from() -> None:
    counts = period_counts(PERIODS, {"2022-T1": 3}, [])
    t2 = counts["2022-T2"]
    assert (t2.so_far, t2.this_period, t2.source, t2.carried_from) == (3, None, None, "2022-T1")


def test_logged_and_typed_periods_add_up_in_order() -> None:
    # T1 logged twice, T2 typed as a running total of 5 (3 this period), T3 logged once.
    counts = period_counts(PERIODS, {"2022-T2": 5, "2022-T3": 99}, [date(2022, 1, 5), date(2022, 4, 30),
                                                                      date(2022, 12, 31)])
    assert [(c.so_far, c.this_period, c.source) for c in counts.values()] == [
        (2, 2, CountSource.LOGGED), (5, 3, CountSource.TYPED), (6, 1, CountSource.LOGGED)]


def test_period_boundaries_first_and_last_day_belong_to_the_period() -> None:
    # T1 is 1 January – 30 April; T2 starts 1 May.
    counts = period_counts(PERIODS, {}, [date(2022, 1, 1), date(2022, 4, 30), date(2022, 5, 1)])
    assert counts["2022-T1"].this_period == 2
    assert counts["2022-T2"].this_period == 1
    assert counts["2022-T3"].this_period is None and counts["2022-T3"].so_far == 3


def test_occurrences_outside_the_agreement_count_for_no_period() -> None:
    counts = period_counts(PERIODS, {}, [date(2021, 12, 31), date(2023, 1, 1)])
    assert all(c.so_far is None and c.this_period is None for c in counts.values())


def test_a_typed_total_below_the_total_before_gives_no_period_result() -> None:
    count = period_count(PERIODS, "2022-T2", {"2022-T2": 1}, [date(2022, 1, 5), date(2022, 1, 6)])
    assert count is not None
    assert (count.so_far, count.this_period, count.source) == (1, None, CountSource.TYPED)


def test_walks_count_for_the_only_walk_measure_once_per_walk() -> None:
    assert is_walk_unit("Trygghetsvandringar") and not is_walk_unit("kontroller")
    assert walk_measure([(1, 150, "kontroller"), (2, 4, "trygghetsvandringar"), (3, None, "trygghetsvandring")]) == 2
    assert walk_measure([(1, 4, "trygghetsvandringar"), (2, 2, "trygghetsvandringar")]) is None
    assert walk_measure([(1, 150, "kontroller")]) is None
    # The walk of 3 May was logged as an occurrence too: counted once; the walk of 9 May adds one.
    assert occurrence_days([date(2022, 5, 3)], [date(2022, 5, 3), date(2022, 5, 9)]) == (
        date(2022, 5, 3), date(2022, 5, 9))


def test_the_period_summary_uses_the_rule() -> None:
    facts = MeasureFacts(
        measure_id=1, title="Trafikkontroller", promise_text="Löfte", focus_area_name="", responsible_name="Polisen",
        start_date=None, deadline=None, target_count=150, target_unit="kontroller",
        follow_ups={"2022-T2": Reported(FollowUpStatus.IN_PROGRESS, TrafficLight.GREEN, 40, "")}, planned=None,
        occurrences=(date(2022, 2, 1), date(2022, 6, 1)),
    )
    row = summarise(T2, PERIODS, [facts], today=date(2022, 12, 31), signed=False).measures[0]
    # T2 has a logged occurrence: it wins over the typed 40.
    assert (row.count_so_far, row.count_this_period, row.count_source) == (2, 1, CountSource.LOGGED)
    t3 = summarise(T3, PERIODS, [facts], today=date(2022, 12, 31), signed=False).measures[0]
    assert (t3.count_so_far, t3.count_this_period, t3.count_earlier) == (2, None, "2022-T2")


@given(
    typed=st.dictionaries(st.sampled_from([p.label for p in PERIODS]), st.integers(0, 20), max_size=3),
    days=st.lists(st.dates(date(2021, 12, 1), date(2023, 1, 31)), max_size=4),
    index=st.integers(0, 2),
)
def test_the_one_period_shortcut_gives_the_same_answers(typed: dict[str, int], days: list[date], index: int) -> None:
    upto = PERIODS[: index + 1]
    earlier = [p.label for p in reversed(upto[:-1])]
    full = period_counts(PERIODS, typed, days)[upto[-1].label]
    short = last_period_count(upto, earlier, typed, tuple(days))
    if short is None:
        assert full.so_far is None and full.this_period is None and full.source is None
    else:
        assert short == full

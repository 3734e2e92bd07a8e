"""The period summary: what was reported for a period, overdue on its report day, moved since signing."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from promises_app.domain.enums import FollowUpStatus, ReportingScheme, TrafficLight
from promises_app.domain.period_summary import MeasureFacts, Planned, Reported, summarise
from promises_app.domain.periods import periods_for

PERIODS = periods_for(date(2022, 1, 1), date(2022, 12, 31), ReportingScheme.TERTIAL)
T1, T2, T3 = PERIODS


def facts(
    measure_id: int = 1, *, deadline: date | None = date(2022, 6, 30), follow_ups: dict[str, Reported] | None = None,
    planned: Planned | None = None, responsible: str = "Solna stad", start: date | None = None,
) -> MeasureFacts:
    return MeasureFacts(
        measure_id=measure_id, title=f"Åtgärd {measure_id}", promise_text="Löfte", focus_area_name="",
        responsible_name=responsible, start_date=start, deadline=deadline, target_count=4,
        target_unit="trygghetsvandringar", follow_ups=follow_ups or {}, planned=planned,
    )


def reported(status: FollowUpStatus, light: TrafficLight = TrafficLight.GREEN, comment: str = "") -> Reported:
    return Reported(status, light, None, comment)


def test_the_period_shows_what_was_reported_for_it_not_later() -> None:
    measure = facts(follow_ups={
        "2022-T1": reported(FollowUpStatus.IN_PROGRESS, comment="T1"),
        "2022-T2": reported(FollowUpStatus.PARTLY_DONE, TrafficLight.YELLOW, "T2"),
        "2022-T3": reported(FollowUpStatus.DONE, comment="T3"),
    })
    summary = summarise(T2, PERIODS, [measure], today=date(2022, 12, 31), signed=False)
    (row,) = summary.measures
    assert row.reported is not None and row.reported.comment == "T2"
    assert row.standing is FollowUpStatus.PARTLY_DONE
    # Overdue as of T2's last day: deadline 30 June passed, partly done is not finished.
    assert summary.as_of == T2.end and row.overdue
    assert summary.by_status == ((FollowUpStatus.PARTLY_DONE, 1),)
    assert summary.by_light == ((TrafficLight.YELLOW, 1),)


def test_a_running_period_is_judged_on_today() -> None:
    summary = summarise(T2, PERIODS, [facts(deadline=date(2022, 7, 15))], today=date(2022, 7, 1), signed=False)
    assert summary.as_of == date(2022, 7, 1)
    assert not summary.measures[0].overdue
    assert summary.measures[0].missing
    assert summary.by_status == ((None, 1),)


def test_moved_and_added_since_signing() -> None:
    moved = facts(1, deadline=date(2022, 9, 30), planned=Planned(date(2022, 6, 30), 4, "trygghetsvandringar"))
    retargeted = facts(2, planned=Planned(date(2022, 6, 30), 6, "trygghetsvandringar"))
    same = facts(3, planned=Planned(date(2022, 6, 30), 4, "trygghetsvandringar"))
    added = facts(4)
    summary = summarise(T1, PERIODS, [moved, retargeted, same, added], today=date(2022, 4, 30), signed=True)
    flags = [(m.deadline_moved, m.target_changed, m.added_since_signing) for m in summary.measures]
    assert flags == [(True, False, False), (False, True, False), (False, False, False), (False, False, True)]
    assert [m.facts.measure_id for m in summary.moved] == [1, 2, 4]
    unsigned = summarise(T1, PERIODS, [added], today=date(2022, 4, 30), signed=False)
    assert unsigned.moved == ()


def test_counts_by_party_in_first_seen_order() -> None:
    rows = [facts(1, responsible="Solna stad"), facts(2, responsible="Lokalpolisområde Solna"),
            facts(3, responsible="Solna stad")]
    summary = summarise(T1, PERIODS, rows, today=date(2022, 4, 30), signed=False)
    assert summary.by_party == (("Solna stad", 2), ("Lokalpolisområde Solna", 1))


_STATUS = st.sampled_from([*FollowUpStatus])


@given(st.lists(st.dictionaries(st.sampled_from([p.label for p in PERIODS]), _STATUS), max_size=12),
       st.sampled_from(PERIODS))
def test_counts_always_add_up_to_the_measures(histories: list[dict[str, FollowUpStatus]], period) -> None:  # type: ignore[no-untyped-def]
    rows = [facts(i, follow_ups={k: reported(v) for k, v in h.items()}) for i, h in enumerate(histories)]
    summary = summarise(period, PERIODS, rows, today=date(2023, 1, 1), signed=False)
    assert sum(n for _s, n in summary.by_status) == summary.total == len(rows)
    assert sum(n for _s, n in summary.by_light) == len(rows)
    assert all(not m.overdue or (m.standing is None or not m.standing.is_finished) for m in summary.measures)


@given(st.lists(st.tuples(st.dictionaries(st.sampled_from([p.label for p in PERIODS]), _STATUS),
                          st.sampled_from([None, date(2022, 3, 1), date(2022, 7, 1), date(2022, 11, 30)]),
                          st.sampled_from([None, date(2022, 2, 1), date(2022, 6, 30), date(2022, 12, 31)])),
                max_size=12),
       st.sampled_from(PERIODS), st.sampled_from([date(2022, 5, 15), date(2022, 9, 1), date(2023, 1, 1)]))
def test_each_measure_follows_the_deadline_rules(histories, period, today) -> None:  # type: ignore[no-untyped-def]
    """Standing, missing and overdue are the rules of domain/deadlines.py, measure by measure."""
    from promises_app.domain import deadlines

    rows = [facts(i, follow_ups={k: reported(v) for k, v in h.items()}, start=start, deadline=deadline)
            for i, (h, start, deadline) in enumerate(histories)]
    summary = summarise(period, PERIODS, rows, today=today, signed=False)
    upto = [p for p in PERIODS if p.start <= period.start]
    for row, (history, start, deadline) in zip(summary.measures, histories, strict=True):
        assert row.standing == deadlines.latest_status(history, upto)
        assert row.missing == deadlines.is_follow_up_missing(period, history, PERIODS, start)
        assert row.overdue == deadlines.is_overdue(deadline, row.standing, min(period.end, today))
        assert row.reported == (reported(history[period.label]) if period.label in history else None)

"""The follow-up grid's service methods: the grid in one read, putting follow-ups back, copying a period."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from promises_app.domain.enums import FollowUpStatus
from promises_app.services import Services
from promises_app.services.errors import ValidationError
from promises_app.services.followups import FollowUpState

SOLNA_PROMISE = "Solna – medborgarlöften 2022"
TODAY = date(2022, 9, 1)


def solna(services: Services) -> int:
    return next(a.id for a in services.agreements.list_agreements() if a.title == SOLNA_PROMISE)


def test_the_grid_has_periods_measures_and_every_follow_up(demo_services: Services) -> None:
    agreement_id = solna(demo_services)
    grid = demo_services.follow_ups.grid(agreement_id, today=TODAY)
    assert [p.label for p in grid.periods] == ["2022-T1", "2022-T2", "2022-T3"]
    assert grid.current_period == "2022-T3"
    assert [g.measure.id for g in grid.measures] == [m.id for m in demo_services.plan.list_measures(agreement_id)]
    assert set(grid.follow_ups) == set(demo_services.follow_ups.list_for_agreement(agreement_id))
    first = grid.measures[0]
    assert first.promise_text.startswith("öka tryggheten")
    assert first.promise_makers == ("Lokalpolisområde Solna", "Solna stad")
    # the lighting measure (deadline 2022-06-30, partly done in T2) is late on 2022-09-01
    late = {g.measure.title for g in grid.measures if g.overdue}
    assert any("belysning" in title for title in late)
    assert demo_services.follow_ups.grid(agreement_id, today=date(2023, 1, 5)).current_period is None


def test_put_back_restores_removes_and_makes_again(demo_services: Services) -> None:
    measure = demo_services.plan.list_measures(solna(demo_services))[0]
    follow_ups = demo_services.follow_ups
    before = follow_ups.list_for_measure(measure.id)[1]  # 2022-T2
    follow_ups.record(measure.id, period="2022-T2", status="done", light="red", comment="ändrad")
    [restored] = follow_ups.put_back([FollowUpState(measure.id, "2022-T2", before)])
    assert restored is not None
    assert (restored.id, restored.status, restored.light, restored.comment, restored.updated_at) == (
        before.id, before.status, before.light, before.comment, before.updated_at)

    follow_ups.put_back([FollowUpState(measure.id, "2022-T2", None)])
    assert [f.period for f in follow_ups.list_for_measure(measure.id)] == ["2022-T1"]
    [again] = follow_ups.put_back([FollowUpState(measure.id, "2022-T2", before)])
    assert again is not None and again.id == before.id and again.comment == before.comment


def test_put_back_checks_the_values(demo_services: Services) -> None:
    measure = demo_services.plan.list_measures(solna(demo_services))[0]
    before = demo_services.follow_ups.list_for_measure(measure.id)[0]
    with pytest.raises(ValidationError):
        demo_services.follow_ups.put_back([FollowUpState(measure.id, "2031-T1", before)])


def test_copy_previous_period_copies_and_skips(demo_services: Services) -> None:
    agreement_id = solna(demo_services)
    measures = demo_services.plan.list_measures(agreement_id)
    follow_ups = demo_services.follow_ups
    stamp = datetime(2022, 9, 1, 10, 0, 0)
    follow_ups.record(measures[1].id, period="2022-T3", status="not_done", comment="behåll")
    result = follow_ups.copy_previous_period([measures[0].id, measures[1].id], period="2022-T3",
                                             updated_at=stamp)
    assert result.skipped == ()
    first, second = result.copied
    t2 = {f.measure_id: f for f in follow_ups.list_for_agreement(agreement_id, period="2022-T2")}
    assert first.before is None
    assert (first.after.status, first.after.light, first.after.period) == (
        t2[measures[0].id].status, t2[measures[0].id].light, "2022-T3")
    assert first.after.updated_at == stamp
    assert second.before is not None and second.before.status is FollowUpStatus.NOT_DONE
    assert second.after.status is FollowUpStatus.DONE and second.after.comment == "behåll"

    # the first period has no period before it: everything is skipped
    skipped = follow_ups.copy_previous_period([measures[0].id], period="2022-T1")
    assert skipped.copied == () and skipped.skipped == (measures[0].id,)


def test_copy_skips_a_measure_without_a_follow_up_the_period_before(demo_services: Services) -> None:
    measure = demo_services.plan.list_measures(solna(demo_services))[0]
    demo_services.follow_ups.put_back([FollowUpState(measure.id, "2022-T2", None)])
    result = demo_services.follow_ups.copy_previous_period([measure.id], period="2022-T3")
    assert result.skipped == (measure.id,)
    assert [f.period for f in demo_services.follow_ups.list_for_measure(measure.id)] == ["2022-T1"]


def test_the_grid_is_read_with_a_fixed_number_of_queries(demo_services: Services) -> None:
    """More measures and follow-ups do not mean more queries (no query per measure)."""
    from sqlalchemy import event

    agreement_id = solna(demo_services)

    def queries() -> int:
        statements: list[str] = []

        def count(*args: object) -> None:
            statements.append(str(args[2]))

        event.listen(demo_services.db.engine, "before_cursor_execute", count)
        try:
            demo_services.follow_ups.grid(agreement_id, today=TODAY)
        finally:
            event.remove(demo_services.db.engine, "before_cursor_execute", count)
        return len(statements)

    before = queries()
    assert before <= 15
    measure = demo_services.plan.list_measures(agreement_id)[0]
    demo_services.follow_ups.record(measure.id, period="2022-T3", status="done")
    demo_services.follow_ups.copy_previous_period(
        [m.id for m in demo_services.plan.list_measures(agreement_id)], period="2022-T3")
    assert queries() == before

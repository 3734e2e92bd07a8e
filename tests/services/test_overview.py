"""The overview (Översikt): overdue, due soon, missing follow-ups, counts and progress, on hand-made data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from sqlalchemy import event

from promises_app.domain.enums import FollowUpStatus
from promises_app.services import Services
from promises_app.services.errors import NotFoundError
from promises_app.services.overview import AgreementOverview, StatusCount

TODAY = date(2022, 6, 15)  # in 2022-T2 (May–August)
S = FollowUpStatus


@dataclass
class Plan:
    agreement_id: int
    promise_id: int
    police_id: int
    municipality_id: int
    ids: dict[str, int]


@pytest.fixture
def plan(services: Services) -> Plan:
    """A draft tertial agreement for 2022 with seven measures around TODAY (see each line)."""
    reg, agr = services.register, services.agreements
    police = reg.create_organisation(name="LPO Exempelstad", kind="police")
    municipality = reg.create_organisation(name="Exempelstads kommun", kind="municipality")
    agreement = agr.create_agreement(
        kind="citizen_promise", title="Exempelstad – medborgarlöften 2022",
        start_date="2022-01-01", end_date="2022-12-31", reporting_scheme="tertial",
    )
    for org in (police, municipality):
        agr.add_party(agreement.id, organisation_id=org.id)
    promise = services.plan.create_promise(agreement.id, text="öka tryggheten", maker_ids=[police.id])

    def measure(title: str, owner: Any, **dates: Any) -> int:
        return services.plan.create_measure(
            promise_id=promise.id, title=title, responsible_id=owner.id if owner else None, **dates
        ).id

    ids = {
        "A": measure("A: en dag sen", police, deadline="2022-06-14"),
        "B": measure("B: klar senast i dag", police, deadline="2022-06-15"),
        "C": measure("C: om 14 dagar", municipality, deadline="2022-06-29"),
        "D": measure("D: om 15 dagar", municipality, deadline="2022-06-30"),
        "E": measure("E: genomförd i T1", municipality, deadline="2022-03-01"),
        "F": measure("F: inställd i T2", municipality, deadline="2022-05-01"),
        "G": measure("G: börjar i T3", None, start_date="2022-09-10"),
    }
    record = services.follow_ups.record
    record(ids["A"], period="2022-T1", status="in_progress")
    record(ids["B"], period="2022-T2", status="in_progress")
    record(ids["E"], period="2022-T1", status="done")
    record(ids["F"], period="2022-T2", status="cancelled_or_postponed")
    return Plan(agreement.id, promise.id, police.id, municipality.id, ids)


def overview(services: Services, plan: Plan, today: date = TODAY) -> AgreementOverview:
    return services.overview.overview(plan.agreement_id, today=today)


def titles(items: Any) -> list[str]:
    return [item.title[0] for item in items]


def counts(rows: tuple[StatusCount, ...]) -> dict[FollowUpStatus | None, int]:
    return {row.status: row.count for row in rows}


def test_overdue_is_past_the_deadline_and_not_finished(services: Services, plan: Plan) -> None:
    shown = overview(services, plan)
    assert titles(shown.overdue) == ["A"]  # E is done and F cancelled: past their deadline, not late
    (late,) = shown.overdue
    assert (late.measure_id, late.days_late, late.status) == (plan.ids["A"], 1, S.IN_PROGRESS)
    assert late.responsible_name == "LPO Exempelstad" and late.deadline == date(2022, 6, 14)


def test_due_soon_includes_today_and_day_14_but_not_day_15(services: Services, plan: Plan) -> None:
    shown = overview(services, plan)
    assert titles(shown.due_soon) == ["B", "C"]  # soonest first; D (in 15 days) is not due soon
    assert [item.days_late for item in shown.due_soon] == [0, -14]
    assert shown.due_soon_days == 14


def test_a_finished_measure_is_never_due_or_late(services: Services, plan: Plan) -> None:
    services.follow_ups.record(plan.ids["C"], period="2022-T2", status="done")
    services.follow_ups.record(plan.ids["A"], period="2022-T2", status="done")
    shown = overview(services, plan)
    assert titles(shown.overdue) == []
    assert titles(shown.due_soon) == ["B"]


def test_missing_follow_ups_for_the_current_period(services: Services, plan: Plan) -> None:
    shown = overview(services, plan)
    assert shown.current_period == "2022-T2"
    # B and F were reported in T2, E was done in T1, G has not started: A, C and D lack a report.
    assert titles(shown.missing) == ["A", "C", "D"]
    services.follow_ups.record(plan.ids["C"], period="2022-T2", status="not_started")
    assert titles(overview(services, plan).missing) == ["A", "D"]


def test_no_current_period_outside_the_agreement(services: Services, plan: Plan) -> None:
    after = overview(services, plan, date(2023, 1, 10))
    assert after.current_period is None and after.missing == ()
    assert [p.period for p in after.progress] == ["2022-T1", "2022-T2", "2022-T3"]
    assert not any(p.current for p in after.progress)
    before = overview(services, plan, date(2021, 12, 1))
    assert before.current_period is None and before.missing == () and before.progress == ()


def test_counts_by_latest_status(services: Services, plan: Plan) -> None:
    shown = overview(services, plan)
    assert shown.total_measures == 7
    assert [row.status for row in shown.by_status] == [*FollowUpStatus, None]
    assert counts(shown.by_status) == {
        S.NOT_STARTED: 0, S.IN_PROGRESS: 2, S.DONE: 1, S.PARTLY_DONE: 0, S.NOT_DONE: 0,
        S.CANCELLED_OR_POSTPONED: 1, None: 3,
    }


def test_counts_by_party(services: Services, plan: Plan) -> None:
    shown = overview(services, plan)
    assert [(p.name, p.measures, p.overdue, p.due_soon, p.missing) for p in shown.by_party] == [
        ("LPO Exempelstad", 2, 1, 1, 1),
        ("Exempelstads kommun", 4, 0, 1, 2),
        ("", 1, 0, 0, 0),
    ]


def test_progress_per_period_as_reported_then(services: Services, plan: Plan) -> None:
    shown = overview(services, plan)
    assert [(p.period, p.current) for p in shown.progress] == [("2022-T1", False), ("2022-T2", True)]
    first, second = shown.progress

    def nonzero(progress: Any) -> dict[FollowUpStatus | None, int]:
        return {k: v for k, v in counts(progress.counts).items() if v}

    # T1: A in progress, E done, G not begun; B, C, D and F were not reported.
    assert nonzero(first) == {S.IN_PROGRESS: 1, S.DONE: 1, S.NOT_STARTED: 1, None: 4}
    # T2: B in progress, E still done, F cancelled, G not begun; A, C and D not (yet) reported.
    assert nonzero(second) == {S.IN_PROGRESS: 1, S.DONE: 1, S.CANCELLED_OR_POSTPONED: 1, S.NOT_STARTED: 1, None: 3}
    assert first.total == second.total == 7
    assert (second.start, second.end) == (date(2022, 5, 1), date(2022, 8, 31))


def test_an_empty_agreement(services: Services) -> None:
    agreement = services.agreements.create_agreement(
        kind="citizen_promise", title="Tom", start_date="2022-01-01", end_date="2022-12-31",
        reporting_scheme="half_year",
    )
    shown = services.overview.overview(agreement.id, today=TODAY)
    assert (shown.total_measures, shown.overdue, shown.due_soon, shown.missing, shown.by_party) == (0, (), (), (), ())
    assert shown.current_period == "2022-H1" and shown.title == "Tom"
    assert [p.total for p in shown.progress] == [0]


def test_unknown_agreement(services: Services) -> None:
    with pytest.raises(NotFoundError):
        services.overview.overview(999, today=TODAY)


def test_few_queries_whatever_the_number_of_measures(services: Services, plan: Plan) -> None:
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(args[2])

    def queries() -> int:
        statements.clear()
        event.listen(services.db.engine, "before_cursor_execute", count)
        try:
            overview(services, plan)
        finally:
            event.remove(services.db.engine, "before_cursor_execute", count)
        return len(statements)

    seven = queries()
    for number in range(10):
        measure = services.plan.create_measure(promise_id=plan.promise_id, title=f"Fler {number}",
                                               responsible_id=plan.police_id, deadline="2022-06-01")
        services.follow_ups.record(measure.id, period="2022-T1", status="in_progress")
    assert queries() == seven <= 10


def test_the_demo_promise_on_the_first_of_september(demo_services: Services) -> None:
    agreement = next(a for a in demo_services.agreements.list_agreements() if a.title == "Solna – medborgarlöften 2022")
    shown = demo_services.overview.overview(agreement.id, today=date(2022, 9, 1))
    assert (len(shown.overdue), len(shown.due_soon), len(shown.missing)) == (1, 0, 5)
    assert shown.current_period == "2022-T3"
    (late,) = shown.overdue
    assert late.days_late == (date(2022, 9, 1) - date(2022, 6, 30)).days

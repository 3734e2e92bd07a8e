"""The measures and follow-ups read as rows (services/measure_reads.py) are the records the ORM makes.

The pages read an agreement's measures as plain rows because loading them as mapped objects is
slow at city size; what they get must not differ in any field: the names looked up (responsible,
contact, focus area, participants in their order), dates, versions, the plan order, and every
follow-up with its codes and time stamp. Checked against ``convert`` over the mapped objects, on
the demo and on a generated agreement whose measures have participants, contacts and focus areas.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select

from promises_app.bench.generator import Size, generate
from promises_app.services import Services, convert, open_services
from promises_app.services.measure_reads import agreement_follow_ups, agreement_measures
from promises_app.services.plan import measures_of
from promises_app.storage import models as m


def same_as_the_orm(services: Services) -> int:
    """Compare the two reads for every agreement; return how many measures were compared."""
    compared = 0
    for agreement in services.agreements.list_agreements():
        with services.db.read() as s:
            mapped = measures_of(s, agreement.id)
            expected = [convert.measure(x) for x in mapped]
            expected_texts = {x.promise_id: x.promise.text for x in mapped}
            expected_follow_ups = [
                convert.follow_up(f) for f in s.scalars(
                    select(m.FollowUp).join(m.Measure).join(m.Promise)
                    .where(m.Promise.agreement_id == agreement.id).order_by(m.FollowUp.id)
                )
            ]
            records, texts = agreement_measures(s, agreement.id)
            follow_ups = agreement_follow_ups(s, agreement.id)
            one_period = agreement_follow_ups(s, agreement.id, period=expected_follow_ups[0].period) \
                if expected_follow_ups else []
        assert records == expected
        assert texts == expected_texts
        assert follow_ups == expected_follow_ups
        assert one_period == [f for f in expected_follow_ups if f.period == expected_follow_ups[0].period]
        compared += len(records)
    return compared


def test_the_demo_reads_the_same_as_rows(demo_services: Services) -> None:
    assert same_as_the_orm(demo_services) > 0


def test_a_generated_agreement_reads_the_same_as_rows(tmp_path: Path) -> None:
    path = tmp_path / "generated.sqlite"
    generate(path, Size(agreements=2, measures=300, follow_ups=700), seed=5)
    services = open_services(path, create=False)
    try:
        assert same_as_the_orm(services) == 300
        rows = services.follow_ups.status_rows(services.agreements.list_agreements()[0].id, today=date(2030, 1, 1))
        assert any(r.measure.participant_ids for r in rows), "participants were compared"
        assert any(r.measure.contact_name for r in rows) and any(r.measure.focus_area_name for r in rows)
        assert any(r.latest_status is not None for r in rows)
    finally:
        services.db.close()

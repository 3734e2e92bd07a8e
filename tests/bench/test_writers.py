"""The bench's concurrent writers (bench/writers.py) on a throwaway PostgreSQL: counted saves against the database."""

from __future__ import annotations

from sqlalchemy import select

from promises_app.bench.writers import run_writers
from promises_app.services import Services
from promises_app.storage import models as m
from promises_app.storage.database import open_database


def test_eight_writers_lose_nothing_and_save_nothing_twice(pg_url: str) -> None:
    database = open_database(pg_url)
    try:
        services = Services(database)
        services.maintenance.load_demo()
        cells = []  # every measure of the demo, in its agreement's first period
        for agreement in services.agreements.list_agreements():
            period = services.agreements.periods(agreement.id)[0].label
            with database.read() as s:
                cells += [(i, period) for i in s.scalars(
                    select(m.Measure.id).join(m.Promise).where(m.Promise.agreement_id == agreement.id))]
    finally:
        database.close()
    assert len(cells) >= 8

    result = run_writers(pg_url, cells, writers=8, duration=3.0)

    assert result.saves > 8 and result.lost == 0 and result.duplicated == 0
    assert result.chain_problems == []
    for counted, versions, logged in result.per_writer.values():
        assert counted == versions == logged
    assert result.ok

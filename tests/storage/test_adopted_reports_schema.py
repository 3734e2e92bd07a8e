"""Migration 0009 on a file of schema 7: the adopted reports' table, append-only and covered by the change log."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from promises_app.reports.adopted_document import adopt_followup
from promises_app.services import Services
from promises_app.storage.database import open_database

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "schema-v7.sqlite"


@pytest.fixture
def upgraded(tmp_path: Path) -> Path:
    path = tmp_path / "v7.sqlite"
    shutil.copyfile(FIXTURE, path)
    open_database(path, create=False).close()
    return path


def test_the_upgrade_makes_the_table_its_triggers_and_its_coverage(upgraded: Path) -> None:
    with sqlite3.connect(upgraded) as raw:
        triggers = {name for (name,) in raw.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'adopted_reports'")}
        assert triggers == {"adopted_reports_no_update", "adopted_reports_no_delete"}
        assert raw.execute(
            "SELECT unlogged_up_to FROM change_log_coverage WHERE table_name = 'adopted_reports'").fetchone() == (0,)
        assert raw.execute("SELECT count(*) FROM adopted_reports").fetchone() == (0,)


def test_an_upgraded_file_adopts_and_verifies(upgraded: Path) -> None:
    database = open_database(upgraded, create=False)
    try:
        services = Services(database)
        agreement_id = services.agreements.find_agreements("Solna – medborgarlöften 2022")[0].id
        record = adopt_followup(services, agreement_id, "2022-T3", adopted_by="Trygghetsrådet", adopted_on="2023-01-20",
                                paragraph="§ 3")
        assert record.report_version == 1
        result = services.maintenance.verify_database()
        assert result.ok and result.adopted == 1, result.problems
    finally:
        database.close()

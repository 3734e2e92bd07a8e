"""Schema 10 (migration 0010): safety-walk findings get place, owner, status, date and coordinates.

A released schema-9 file, with findings written the way schema 9 wrote them, is upgraded: every
finding is kept word for word and becomes open (no date, no owner, no coordinates), the link to
its measure stays, and the new CHECK constraints refuse what the services refuse.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from promises_app.domain.enums import FindingStatus
from promises_app.services import Services
from promises_app.storage.database import open_database
from promises_app.storage.migrate import SCHEMA_VERSION

from ._support import FIXTURES_DIR, header_user_version

V9_FIXTURE = FIXTURES_DIR / "schema-v9.sqlite"


@pytest.fixture
def v9_with_findings(tmp_path: Path) -> Path:
    path = tmp_path / "v9.sqlite"
    shutil.copyfile(V9_FIXTURE, path)
    assert header_user_version(path) == 9
    raw = sqlite3.connect(path)
    try:
        measure_id = raw.execute("SELECT min(id) FROM measures").fetchone()[0]
        raw.execute("INSERT INTO safety_walks (id, agreement_id, walked_on, place, participants, version) "
                    "VALUES (900, 1, '2021-10-05', 'Centrum', 'Anna Andersson', 1)")
        raw.executemany(
            "INSERT INTO walk_findings (id, walk_id, position, text, measure_id, version) VALUES (?, 900, ?, ?, ?, ?)",
            [(901, 0, "Mörk gångväg vid skolan", None, 1), (902, 1, "Klotter\npå två rader", measure_id, 3)],
        )
        raw.commit()
    finally:
        raw.close()
    return path


def _rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    raw = sqlite3.connect(path)
    try:
        return raw.execute(sql).fetchall()
    finally:
        raw.close()


def test_schema_9_findings_are_kept_and_become_open(v9_with_findings: Path) -> None:
    path = v9_with_findings
    measure_id = _rows(path, "SELECT min(id) FROM measures")[0][0]
    database = open_database(path, create=False)
    try:
        assert header_user_version(path) == SCHEMA_VERSION >= 10
        (walk,) = [w for w in Services(database).walks.list_walks(1) if w.id == 900]
        assert [(f.id, f.text, f.measure_id, f.version) for f in walk.findings] == [
            (901, "Mörk gångväg vid skolan", None, 1), (902, "Klotter\npå två rader", measure_id, 3)]
        assert all(
            (f.status, f.place, f.owner_id, f.reason, f.dealt_on, f.latitude, f.longitude)
            == (FindingStatus.OPEN, "", None, "", None, None, None)
            for f in walk.findings
        )
    finally:
        database.close()
    assert _rows(path, "PRAGMA foreign_key_check") == []
    assert _rows(path, "PRAGMA integrity_check") == [("ok",)]
    assert _rows(path, "SELECT name FROM sqlite_master WHERE tbl_name = 'walk_findings' AND type = 'index' "
                       "ORDER BY name") == [
        ("ix_walk_findings_measure_id",), ("ix_walk_findings_owner_id",), ("ix_walk_findings_walk_id",)]


@pytest.mark.parametrize(
    "assignment",
    [
        "status = 'fixed'",
        "latitude = 91, longitude = 18",
        "latitude = 59, longitude = 181",
        "latitude = 59",
        "status = 'dealt_with'",  # no date
        "status = 'declined', dealt_on = '2021-11-01', reason = '  '",
        "dealt_on = '2021-11-01'",  # a date on an open finding
    ],
)
def test_the_constraints_refuse_what_the_services_refuse(v9_with_findings: Path, assignment: str) -> None:
    open_database(v9_with_findings, create=False).close()
    raw = sqlite3.connect(v9_with_findings)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            raw.execute(f"UPDATE walk_findings SET {assignment} WHERE id = 901")
        raw.execute("UPDATE walk_findings SET status = 'declined', dealt_on = '2021-11-01', reason = 'Privat mark', "
                    "latitude = 57.7, longitude = 11.97 WHERE id = 901")
    finally:
        raw.close()

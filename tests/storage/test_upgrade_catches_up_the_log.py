"""Upgrading to schema 6 logs what older versions left out of the change log (rows deleted as
orphans, a logo removed without being read), so verify-db does not take the old program's own
gaps for edits made outside it; a signed revision missing is still named."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from promises_app.services import Services
from promises_app.storage.database import open_database

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


#: Made by the program as released with schema 5 (commit 5d944ea): an organisation whose logo
#: was set and removed, an agreement whose two goals were replaced by one, and a promise with
#: a measure and its follow-up deleted. That program logged none of those deletes (they were
#: orphans of their collections) nor the removal of the logo.
OLD_PROGRAM = FIXTURES / "old-program-v5-log-gaps.sqlite"


def test_the_upgrade_logs_what_the_old_program_did_not(tmp_path: Path) -> None:
    path = tmp_path / "v5.sqlite"
    shutil.copyfile(OLD_PROGRAM, path)
    services = Services(open_database(path))
    try:
        result = services.maintenance.verify_database()
        assert result.ok, result.problems
        with services.db.read() as s:
            caught_up = s.connection().exec_driver_sql(
                "SELECT action, entity, field, old FROM change_log WHERE id > 11 ORDER BY id").all()
        assert sorted((action, entity, field) for action, entity, field, _old in caught_up) == [
            ("delete", "follow_ups", None), ("delete", "goals", None), ("delete", "goals", None),
            ("delete", "measures", None), ("delete", "promises", None), ("update", "organisations", "logo_png"),
        ]
        goals = [json.loads(old)["text"] for action, entity, _field, old in caught_up if entity == "goals"]
        assert goals == ["Ett mål", "Ett till"]
    finally:
        services.db.close()


def test_a_signed_revision_missing_before_the_upgrade_is_still_named(tmp_path: Path) -> None:
    path = tmp_path / "v5.sqlite"
    shutil.copyfile(FIXTURES / "schema-v5.sqlite", path)
    with sqlite3.connect(path) as raw:
        raw.execute("DROP TRIGGER signed_revisions_no_delete")
        raw.execute("DELETE FROM signed_revisions WHERE id = (SELECT max(id) FROM signed_revisions)")
    services = Services(open_database(path))
    try:
        result = services.maintenance.verify_database()
        assert not result.ok
        assert any("finns i ändringsloggen men har tagits bort" in p for p in result.problems), result.problems
    finally:
        services.db.close()

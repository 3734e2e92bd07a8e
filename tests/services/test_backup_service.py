"""The backup schedule the window relies on, and owner-only exports (P5, P15)."""

from __future__ import annotations

import os
import stat
from datetime import datetime, timedelta

import pytest

from promises_app.cli import main


@pytest.mark.sqlite_only  # a server's backups are its keeper's: tests/server/test_server_backups.py
def test_the_daily_backup_is_made_when_the_newest_is_a_day_old(demo_services) -> None:  # type: ignore[no-untyped-def]
    start = datetime(2026, 11, 22, 9, 0)
    first = demo_services.backups.backup_if_due(now=start)
    assert first is not None and first.reason == "daily"
    assert demo_services.backups.backup_if_due(now=start + timedelta(hours=23)) is None
    demo_services.register.create_organisation(name="En dags arbete", kind="other")  # else the same backup
    second = demo_services.backups.backup_if_due(now=start + timedelta(hours=24, minutes=1))
    assert second is not None and second.path != first.path
    assert [b.reason for b in demo_services.backups.list_backups()] == ["daily", "daily"]


@pytest.mark.sqlite_only
def test_a_manual_backup_counts_as_recent(demo_services) -> None:  # type: ignore[no-untyped-def]
    demo_services.backups.backup_now()
    assert demo_services.backups.backup_if_due() is None


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_exports_are_written_owner_only(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "x.sqlite"
    assert main(["--db", str(db), "demo"]) == 0
    out = tmp_path / "solna.json"
    old_umask = os.umask(0o022)  # a typical umask would make a plain open() 0644
    try:
        assert main(["--db", str(db), "export-json", "2", "-o", str(out)]) == 0
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600

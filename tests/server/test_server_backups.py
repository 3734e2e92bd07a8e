"""On a shared database the server's own backups apply (docs/shared-database.md): the program makes none.

An action that takes a backup first on a SQLite file (an import) goes ahead without one; the
daily backup is not due; a backup asked for by name is refused, saying whose job it is.
"""

from __future__ import annotations

import pytest

from promises_app.services import Services
from promises_app.storage.backups import BackupError
from promises_app.storage.database import Database


def test_a_backup_asked_for_is_refused_saying_the_server_keeps_them(pg_demo: Database) -> None:
    services = Services(pg_demo)
    assert not pg_demo.keeps_backups
    with pytest.raises(BackupError, match="säkerhetskopieras av servern"):
        services.backups.backup_now()
    assert services.backups.list_backups() == []


def test_the_daily_backup_is_never_due_on_a_server(pg_demo: Database) -> None:
    assert Services(pg_demo).backups.backup_if_due() is None


def test_an_import_into_a_database_with_data_goes_ahead_without_a_backup(pg_demo: Database) -> None:
    services = Services(pg_demo)
    data = "Indikator;Period;Värde\nAnmälda skadegörelsebrott;2021;1310\n".encode()
    preview = services.indicator_import.preview(data, "brott.csv")
    assert preview.ok, preview.error_lines()
    result = services.indicator_import.commit(preview)
    assert result.backup is None and result.values_inserted == 1
    (agreement,) = [a for a in services.agreements.list_agreements() if a.parent_id is None][:1]
    again = services.exchange.import_json(services.exchange.export_json(agreement.id))
    assert again.agreement_ids

"""Damage ``quick_check`` cannot see is never built on (issue 12, point 7).

The attack: an index out of step with its table (``PRAGMA writable_schema`` re-declares
``ix_measures_deadline`` on another column, so ``integrity_check`` reports "row N missing
from index" while ``quick_check``, run at every start, says ok). ``new-revision`` then
succeeded. Now signing, a new revision, a JSON import, an indicator import and a restore
*from* such a file run the full ``integrity_check`` first and are refused with a Swedish
message naming the file and what to do; the database (and its backup folder) is byte for
byte as it was.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from pathlib import Path

import pytest

from promises_app.cli import main
from promises_app.services import Services
from promises_app.storage.backups import backup_dir, make_backup
from promises_app.storage.database import open_database
from promises_app.storage.integrity import DatabaseDamagedError

from ._support import demo_copy, dump, helsingborg_document, put_index_out_of_step, read_only

SOLNA = "1"  # signed (revision 1) in the demo
DRAFT = "3"  # Helsingborg: made a draft again below, so it can be signed


def _quick_and_full(path: Path) -> tuple[list[str], list[str]]:
    with contextlib.closing(read_only(path)) as connection:
        quick = [r[0] for r in connection.execute("PRAGMA quick_check")]
        full = [r[0] for r in connection.execute("PRAGMA integrity_check")]
    return quick, full


def _state(path: Path) -> tuple[bytes, list[str], list[str]]:
    folder = backup_dir(path)
    return (
        path.read_bytes(),
        sorted(n for n in os.listdir(path.parent) if n != "user-data"),
        sorted(os.listdir(folder)) if folder.exists() else [],
    )


@pytest.fixture
def damaged(_templates: dict[str, Path], tmp_path: Path) -> Path:
    """The demo with one agreement back to draft and a good backup, then its index put out of step."""
    path = demo_copy(_templates, tmp_path / "kommun" / "medborgarloften.sqlite")
    with contextlib.closing(open_database(path, exclusive=True)) as database:
        Services(database).signoff.new_revision(int(DRAFT))
    make_backup(path, "manual")
    put_index_out_of_step(path)
    quick, full = _quick_and_full(path)
    assert quick == ["ok"]  # what every start runs: it sees nothing
    assert full[0].startswith("row ") and "missing from index ix_measures_deadline" in full[0]
    return path


def _refused(path: Path, capsys: pytest.CaptureFixture[str], *argv: str, action: str) -> None:
    before, content = _state(path), dump(path)
    capsys.readouterr()
    assert main(["--db", str(path), *argv]) == 1
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    assert str(path) in err and "är skadad" in err and "ix_measures_deadline" in err
    assert f"{action} gjordes inte; ingenting har skrivits" in err
    assert "återställ" in err and "promises-app restore" in err
    assert _state(path) == before and dump(path) == content  # not written, no backup made


def test_new_revision_is_refused(damaged: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _refused(damaged, capsys, "new-revision", SOLNA, action="Den nya revisionen")


def test_signing_is_refused(damaged: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    _refused(damaged, capsys, "sign", DRAFT, "--place", "Helsingborg", "--date", "2022-05-01",
             "-o", str(tmp_path / "signerad.pdf"), action="Undertecknandet")
    assert not (tmp_path / "signerad.pdf").exists()


def test_json_import_is_refused(damaged: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    document = tmp_path / "ny.json"
    document.write_text(json.dumps(helsingborg_document("Ny överenskommelse")), encoding="utf-8")
    _refused(damaged, capsys, "import", str(document), action="Importen")


def test_indicator_import_is_refused(damaged: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    table = tmp_path / "indikatorer.csv"
    table.write_text("Indikator;Period;Värde\nAnmälda brott;2023;12\n", encoding="utf-8")
    _refused(damaged, capsys, "import-indicators", str(table), action="Indikatorimporten")


def test_the_services_refuse_with_a_storage_failure(damaged: Path) -> None:
    """The window catches StorageFailure for these actions: the same refusal reaches it."""
    with contextlib.closing(open_database(damaged, exclusive=True)) as database:
        services = Services(database)
        with pytest.raises(DatabaseDamagedError) as caught:
            services.signoff.new_revision(int(SOLNA))
        assert str(damaged) in str(caught.value)
        with pytest.raises(DatabaseDamagedError):
            services.exchange.import_document(helsingborg_document("Ny"))
    assert _quick_and_full(damaged)[0] == ["ok"]


def test_restoring_from_a_backup_with_the_damage_is_refused(
    _templates: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = demo_copy(_templates, tmp_path / "medborgarloften.sqlite")
    backup = make_backup(path, "manual").path
    put_index_out_of_step(backup)
    with contextlib.closing(sqlite3.connect(f"file:{backup}?mode=ro", uri=True)) as connection:
        assert connection.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    before, content = _state(path), dump(path)

    assert main(["--db", str(path), "restore", "1"]) == 1
    err = capsys.readouterr().err
    assert str(backup) in err and "kan inte användas" in err and "ix_measures_deadline" in err
    assert "välj en annan säkerhetskopia" in err
    assert _state(path) == before and dump(path) == content

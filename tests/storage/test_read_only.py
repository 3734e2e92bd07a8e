"""A database that cannot be written opens for viewing, names what blocks, and is not written to
(issue 12 point 9: "a read-only database opens for viewing … and the message names the file that
blocks").

Two ways to make it read-only, since the tests run as root, whom permissions do not stop:

* a read-only bind mount of the folder (tests/read_only_support.py): ``EROFS`` for root too, so
  these run in-process, like a person's read-only network share or write-protected stick;
* ``chmod 0444`` on the file and ``0555`` on its folder, checked in a forked child that has
  dropped root (``_as_nobody`` from tests/storage/test_resource_failures.py).

Each checks: the read-only commands (list, export-*, report, verify, verify-db, check) work; the
writing commands say which folder or file blocks (exit 1); nothing is written (no lock, no
backup, no ``-wal``/``-shm``: the folder's files are byte-identical afterwards).
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from promises_app.cli import main
from promises_app.domain.validation import shown_path
from promises_app.paths import resource
from promises_app.services import open_services
from promises_app.storage.database import open_database
from promises_app.storage.errors import DatabaseMovedError, ReadOnlyError
from tests.cli_support import run_cli
from tests.read_only_support import listing, read_only_view

from .test_resource_failures import _as_nobody, shared_folder  # noqa: F401 - the fixture, and the fork helper

SOLNA = "2"


@pytest.fixture
def demo_folder(tmp_path: Path, _templates: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> Path:
    """A folder holding a demo database (clean: no -wal) and a signed revision's PDF beside it."""
    folder = tmp_path / "data"
    folder.mkdir()
    database = folder / "d.sqlite"
    shutil.copyfile(_templates["demo"], database)
    code, _out, err = run_cli(capsys, "--db", str(database), "report", "agreement", SOLNA, "-o",
                              str(tmp_path / "revision.pdf"))
    assert code == 0, err
    return folder


READING_COMMANDS = {
    "list": ["list"],
    "check": ["check"],
    "verify-db": ["verify-db"],
    "people": ["people"],
    "versions": ["versions", SOLNA],
    "export-json": ["export-json", SOLNA, "-o", "{out}/ut.json"],
    "export-csv": ["export-csv", SOLNA, "-o", "{out}/ut.csv"],
    "export-xlsx": ["export-xlsx", SOLNA, "-o", "{out}/ut.xlsx"],
    "report-agreement": ["report", "agreement", SOLNA, "-o", "{out}/ut.pdf"],
    "report-followup": ["report", "followup", SOLNA, "--period", "2022-T2", "-o", "{out}/ut.pdf"],
    "verify": ["verify", "{out}/revision.pdf"],
}


@pytest.mark.parametrize("argv", READING_COMMANDS.values(), ids=READING_COMMANDS.keys())
def test_reading_commands_work_on_a_read_only_mount(
    demo_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    before = listing(demo_folder)
    with read_only_view(demo_folder) as view:
        code, out, err = run_cli(capsys, "--db", str(view / "d.sqlite"), *(a.format(out=tmp_path) for a in argv))
        assert code == 0, err
        assert "Traceback" not in err and out
        assert listing(view) == before
    assert listing(demo_folder) == before


WRITING_COMMANDS = {
    "import": ["import", str(resource("demo", "solna-2022.json"))],
    "import-indicators": ["import-indicators", "{out}/indikatorer.csv"],
    "new-revision": ["new-revision", SOLNA],
    "sign": ["sign", SOLNA, "--place", "Solna", "--date", "2022-02-01"],
    "attach-signed": ["attach-signed", SOLNA, "{out}/revision.pdf"],
    "person-erase": ["person-erase", "1"],
    "demo": ["demo"],
    "backup": ["backup"],
}


@pytest.mark.parametrize("argv", WRITING_COMMANDS.values(), ids=WRITING_COMMANDS.keys())
def test_writing_commands_name_the_read_only_folder_and_write_nothing(
    demo_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    (tmp_path / "indikatorer.csv").write_text("Indikator;Period;Värde\nAnmälda brott;2022;12\n", encoding="utf-8")
    before = listing(demo_folder)
    with read_only_view(demo_folder) as view:
        code, out, err = run_cli(capsys, "--db", str(view / "d.sqlite"), *(a.format(out=tmp_path) for a in argv))
        assert code == 1 and out == "" and "Traceback" not in err
        assert f"mappen {shown_path(view)} är skrivskyddad" in err, err
        assert listing(view) == before
    assert listing(demo_folder) == before


def test_the_service_layer_opens_read_only_and_refuses_every_write_naming_the_folder(demo_folder: Path) -> None:
    before = listing(demo_folder)
    with read_only_view(demo_folder) as view:
        with pytest.raises(ReadOnlyError) as refused_at_open:
            open_services(view / "d.sqlite", exclusive=True)  # a writer is refused at once
        assert f"mappen {shown_path(view)} är skrivskyddad" in str(refused_at_open.value)
        services = open_services(view / "d.sqlite", exclusive=True, allow_read_only=True)
        try:
            assert services.db.read_only is not None and services.db.read_only.blocker == view
            assert services.db.lock is None
            assert len(services.agreements.list_agreements()) == 3
            for write in (
                lambda: services.register.create_organisation(name="Ny", kind="other"),
                lambda: services.backups.backup_now(),
                lambda: services.exchange.import_json(resource("demo", "solna-2022.json").read_bytes()),
            ):
                with pytest.raises(ReadOnlyError) as caught:
                    write()
                message = str(caught.value)
                assert f"mappen {shown_path(view)} är skrivskyddad" in message
                assert "inget som sparats tidigare har gått förlorat" in message
        finally:
            services.db.close()
        assert listing(view) == before
    assert listing(demo_folder) == before


def _uncheckpointed_copy(source: Path, folder: Path, *, with_shm: bool) -> None:
    """``folder/d.sqlite`` with one organisation added that is only in its ``-wal`` (as after a crash)."""
    folder.mkdir()
    shutil.copyfile(source, folder / "work.sqlite")
    connection = sqlite3.connect(folder / "work.sqlite")
    connection.execute("PRAGMA wal_autocheckpoint = 0")
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("INSERT INTO organisations (name, kind, short_name, version) "
                       "VALUES ('Bara i loggen', 'other', '', 1)")
    connection.commit()
    for suffix in ("", "-wal", "-shm") if with_shm else ("", "-wal"):
        shutil.copyfile(folder / f"work.sqlite{suffix}", folder / f"d.sqlite{suffix}")
    connection.close()
    for leftover in folder.glob("work.sqlite*"):
        leftover.unlink()


def test_changes_waiting_in_the_wal_are_shown_not_skipped(tmp_path: Path, _templates: dict[str, Path]) -> None:
    """With its -wal and -shm, a read-only file shows the changes not yet merged into it."""
    folder = tmp_path / "med-logg"
    _uncheckpointed_copy(_templates["demo"], folder, with_shm=True)
    before = listing(folder)
    with read_only_view(folder) as view:
        database = open_database(view / "d.sqlite", create=False)
        try:
            assert database.read_only is not None
            with database.engine.connect() as connection:
                names = [row[0] for row in connection.exec_driver_sql("SELECT name FROM organisations")]
            assert "Bara i loggen" in names
        finally:
            database.close()
        assert listing(view) == before


def test_changes_waiting_in_the_wal_that_cannot_be_read_are_refused_not_hidden(
    tmp_path: Path, _templates: dict[str, Path]
) -> None:
    """Without its -shm, SQLite cannot read the -wal in a read-only folder: refused, saying why,
    rather than showing the file as it was before those changes."""
    folder = tmp_path / "utan-shm"
    _uncheckpointed_copy(_templates["demo"], folder, with_shm=False)
    before = listing(folder)
    with read_only_view(folder) as view:
        with pytest.raises((ReadOnlyError, DatabaseMovedError)) as caught:
            open_database(view / "d.sqlite", create=False)
        message = str(caught.value)
        assert "d.sqlite-wal" in message and "ännu inte förts in" in message
        assert f"mappen {shown_path(view)} är skrivskyddad" in message
        assert listing(view) == before


# --- plain permissions, as an unprivileged user ------------------------------------------------------


def _cli_as_nobody(*argv: str) -> Callable[[], dict[str, Any]]:
    def action() -> dict[str, Any]:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(list(argv))
        return {"code": code, "out": out.getvalue(), "err": err.getvalue()}

    return action


@pytest.mark.parametrize("folder_mode", [0o777, 0o555], ids=["file-0444", "file-0444-folder-0555"])
def test_permissions_read_only_file_and_folder_as_an_unprivileged_user(
    shared_folder: Path, _templates: dict[str, Path], capsys: pytest.CaptureFixture[str], folder_mode: int  # noqa: F811
) -> None:
    folder = shared_folder / "behorighet"
    folder.mkdir()
    path = folder / "d.sqlite"
    shutil.copyfile(_templates["demo"], path)
    assert run_cli(capsys, "--db", str(path), "list")[0] == 0  # what the child runs, loaded in the parent
    os.chmod(path, 0o444)
    os.chmod(folder, folder_mode)
    before = listing(folder)
    blocker = f"mappen {shown_path(folder)}" if folder_mode == 0o555 else f"databasfilen {shown_path(path)}"
    # The file to import where the unprivileged user can read it (a checkout under /root is not).
    document = shared_folder / "solna-2022.json"
    shutil.copyfile(resource("demo", "solna-2022.json"), document)
    os.chmod(document, 0o644)
    try:
        listed = _as_nobody(_cli_as_nobody("--db", str(path), "list"))
        assert listed["code"] == 0 and "Solna – medborgarlöften 2022" in listed["out"], listed
        imported = _as_nobody(_cli_as_nobody("--db", str(path), "import", str(document)))
        assert imported["code"] == 1 and "Traceback" not in imported["err"], imported
        assert f"{blocker} är skrivskyddad" in imported["err"], imported
        assert listing(folder) == before
    finally:
        os.chmod(folder, 0o755)

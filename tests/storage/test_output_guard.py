"""The rule for output paths (storage/output_guard.py), file by file (issue 12, point 1).

Real files in ``tmp_path``: a database made by the program, links of every kind, another of
our databases, a foreign SQLite file. Each refusal names the file, says why in Swedish, and
carries its reason; everything else comes back as the real file to write.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from promises_app.storage.backups import backup_dir, make_backup
from promises_app.storage.lock import DatabaseLock, lock_path
from promises_app.storage.output_guard import (
    SHOWN_PATH_CHARACTERS,
    OutputPathRefused,
    Refusal,
    check_output_path,
    refuse_protected,
    shown_path,
)

from ._support import demo_copy


@pytest.fixture
def database(tmp_path: Path, _templates: dict[str, Path]) -> Path:
    return demo_copy(_templates, tmp_path / "data" / "arbete.sqlite")


def _refusal(target: Path | str, database: Path | None) -> OutputPathRefused:
    with pytest.raises(OutputPathRefused) as caught:
        check_output_path(target, database)
    message = str(caught.value)
    assert message.endswith("; välj ett annat filnamn. Ingenting har skrivits.")
    assert Path(str(target)).name in message
    return caught.value


# --- the open database, however it is reached ----------------------------------------------------
def test_the_database_by_its_own_name(database: Path) -> None:
    refused = _refusal(database, database)
    assert refused.reason is Refusal.DATABASE
    assert str(refused) == f"{shown_path(database)} är den öppna databasen; välj ett annat filnamn. Ingenting har skrivits."


def test_the_database_by_a_relative_path_from_another_folder(
    database: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "annan").mkdir()
    monkeypatch.chdir(tmp_path / "annan")
    assert _refusal(Path("..") / "data" / "arbete.sqlite", database).reason is Refusal.DATABASE
    assert _refusal(database, Path("..") / "data" / "arbete.sqlite").reason is Refusal.DATABASE  # opened relatively


def test_the_database_by_tilde(database: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert _refusal("~/data/arbete.sqlite", database).reason is Refusal.DATABASE


@pytest.mark.parametrize("how", ["symlink", "chain", "hard-link", "folder-link", "case"])
def test_the_database_through_a_link_or_another_spelling(database: Path, tmp_path: Path, how: str) -> None:
    if how == "symlink":
        target = tmp_path / "export.json"
        target.symlink_to(database)
    elif how == "chain":
        target, middle = tmp_path / "a.json", tmp_path / "b.json"
        middle.symlink_to(database)
        target.symlink_to(middle)
    elif how == "hard-link":
        target = tmp_path / "kopia.pdf"
        os.link(database, target)
    elif how == "folder-link":
        (tmp_path / "genväg").symlink_to(database.parent, target_is_directory=True)
        target = tmp_path / "genväg" / database.name
    else:  # as Windows and macOS compare names
        target = database.with_name(database.name.upper())
    refused = _refusal(target, database)
    assert refused.reason is Refusal.DATABASE_SAME_FILE
    assert shown_path(database) in str(refused)


def test_a_database_opened_through_a_symlink_is_protected_by_both_names(database: Path, tmp_path: Path) -> None:
    link = tmp_path / "genväg.sqlite"
    link.symlink_to(database)
    for target in (database, link, database.with_name(database.name + "-wal"), link.with_name(link.name + "-wal"),
                   lock_path(database), lock_path(link)):
        assert _refusal(target, link).reason.protects_data, target


# --- what SQLite and the program keep beside it ----------------------------------------------------
@pytest.mark.parametrize("suffix", ["-wal", "-shm", "-journal", "-mj5D3A1F07"])
def test_sqlite_s_files_beside_it_existing_or_not(database: Path, suffix: str) -> None:
    sidecar = database.with_name(database.name + suffix)
    assert _refusal(sidecar, database).reason is Refusal.SIDECAR  # not there yet: SQLite would read it
    sidecar.write_bytes(b"")
    assert _refusal(sidecar, database).reason is Refusal.SIDECAR
    assert _refusal(sidecar, None).reason is Refusal.OUR_DATABASE_FILE  # still known without the open database


def test_the_wal_of_an_open_connection(database: Path) -> None:
    with sqlite3.connect(database) as reader:
        reader.execute("SELECT count(*) FROM agreements").fetchone()
        wal = database.with_name(database.name + "-wal")
        assert wal.exists()
        assert _refusal(wal, database).reason is Refusal.SIDECAR
    reader.close()


def test_the_lock_free_or_held(database: Path) -> None:
    lock = lock_path(database)
    assert _refusal(lock, database).reason is Refusal.LOCK
    held = DatabaseLock(database)
    held.acquire()
    try:
        refused = _refusal(lock, database)
        assert refused.reason is Refusal.LOCK and "låsfilen" in str(refused)
    finally:
        held.release()


def test_the_backup_folder_and_everything_in_it(database: Path, tmp_path: Path) -> None:
    folder = backup_dir(database)
    assert _refusal(folder, database).reason is Refusal.BACKUP_FOLDER  # not made yet: a file there would block it
    backup = make_backup(database, "manual").path
    assert backup.parent == folder
    assert _refusal(folder, database).reason is Refusal.BACKUP_FOLDER
    assert _refusal(backup, database).reason is Refusal.IN_BACKUP_FOLDER
    assert _refusal(folder / "ny.json", database).reason is Refusal.IN_BACKUP_FOLDER
    (folder / "under").mkdir()
    assert _refusal(folder / "under" / "ny.json", database).reason is Refusal.IN_BACKUP_FOLDER
    (tmp_path / "kopior").symlink_to(folder, target_is_directory=True)
    assert _refusal(tmp_path / "kopior" / "ny.json", database).reason is Refusal.IN_BACKUP_FOLDER
    assert _refusal(backup, None).reason is Refusal.OUR_DATABASE  # a backup is one of our databases


# --- our other databases, and what is not ours -----------------------------------------------------
def test_another_medborgarloften_database_under_any_name(database: Path, tmp_path: Path) -> None:
    other = tmp_path / "annan" / "rapport.pdf"
    other.parent.mkdir()
    other.write_bytes(database.read_bytes())
    for open_one in (database, None):
        refused = _refusal(other, open_one)
        assert refused.reason is Refusal.OUR_DATABASE and "Medborgarlöften-databas" in str(refused)
    for beside in (other.with_name(other.name + "-wal"), lock_path(other)):
        assert _refusal(beside, database).reason is Refusal.OUR_DATABASE_FILE


def test_other_files_are_written_and_a_link_leads_to_its_target(database: Path, tmp_path: Path) -> None:
    foreign = tmp_path / "annat-program.sqlite"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE t (x)")
    connection.close()
    plain = tmp_path / "rapport.pdf"
    plain.write_bytes(b"%PDF-1.7 gammal")
    assert check_output_path(plain, database) == plain
    assert check_output_path(tmp_path / "ny.json", database) == tmp_path / "ny.json"
    assert check_output_path(foreign, database) == foreign  # not ours: the person chose to replace it
    assert check_output_path(database.with_name(database.name + ".json"), database).name == "arbete.sqlite.json"
    link, middle = tmp_path / "länk.pdf", tmp_path / "mitten.pdf"
    middle.symlink_to(tmp_path / "saknas" / "mål.pdf")  # dangling: the write makes the target
    link.symlink_to(middle)
    assert check_output_path(link, database) == tmp_path / "saknas" / "mål.pdf"


# --- what cannot be replaced ------------------------------------------------------------------------
def test_a_read_only_file_a_folder_a_device_and_a_loop(database: Path, tmp_path: Path) -> None:
    read_only = tmp_path / "skrivskyddad.json"
    read_only.write_text("{}")
    read_only.chmod(0o444)
    assert _refusal(read_only, database).reason is Refusal.READ_ONLY
    assert _refusal(read_only, None).reason is Refusal.READ_ONLY
    refuse_protected(read_only, database)  # only what loses data: a read-only file is not that
    assert _refusal(tmp_path, database).reason is Refusal.FOLDER
    if Path("/dev/null").exists():
        assert _refusal("/dev/null", database).reason is Refusal.NOT_A_FILE
    one, two = tmp_path / "ett.json", tmp_path / "två.json"
    one.symlink_to(two)
    two.symlink_to(one)
    assert _refusal(one, database).reason is Refusal.LINK_LOOP
    assert _refusal(one / "under.json", database).reason is Refusal.LINK_LOOP


def test_a_long_path_is_shortened_in_the_message_but_keeps_the_file_name(database: Path, tmp_path: Path) -> None:
    deep = tmp_path.joinpath(*["mapp-med-ett-långt-namn"] * 8)
    deep.mkdir(parents=True)
    target = deep / "rapport.json"
    os.link(database, target)
    message = str(_refusal(target, database))
    assert str(target) not in message
    first_path = message.split(" är samma fil")[0]
    assert len(first_path) <= SHOWN_PATH_CHARACTERS and first_path.endswith("rapport.json")


def test_the_older_shared_backup_folder_and_the_identity_lock_are_protected(database: Path) -> None:
    """Backups of older versions in ``<stem>-backups`` are still restored from; the identity
    lock keeps a second name of the file (a hard link) from a second writer."""
    from promises_app.storage.backups import legacy_backup_dir
    from promises_app.storage.database import open_database
    from promises_app.storage.lock import identity_lock_path

    legacy = legacy_backup_dir(database)
    assert legacy is not None
    legacy.mkdir()
    (legacy / "arbete-20220101-000000-000000-manual.sqlite").write_bytes(b"x")
    assert _refusal(legacy / "arbete-20220101-000000-000000-manual.sqlite", database).reason is Refusal.IN_BACKUP_FOLDER
    held = open_database(database, exclusive=True)  # the window has it: both locks are there
    try:
        identity = identity_lock_path(database)
        assert identity is not None and identity.exists()
        assert _refusal(identity, database).reason is Refusal.LOCK
    finally:
        held.close()

"""The one atomic writer (promises_app/files.py): read-only files, symlinks, the check at the rename.

Real files in ``tmp_path``; the only thing replaced is ``os.fsync``, to change the world at
the moment between writing the data and renaming it into place.
"""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from promises_app import files
from promises_app.files import write_atomically
from promises_app.services.output_paths import OutputPathRefused, Refusal


@pytest.fixture
def database(tmp_path: Path, _templates: dict[str, Path]) -> Path:
    path = tmp_path / "arbete.sqlite"
    shutil.copyfile(_templates["demo"], path)
    return path


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_a_new_file_is_owner_only_and_the_text_has_unix_line_ends(tmp_path: Path) -> None:
    target = tmp_path / "ny.csv"
    assert write_atomically(target, "a;b\r\nc;d\n") == target
    assert target.read_bytes() == b"a;b\r\nc;d\n"  # as given: no newline translation
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_an_existing_file_is_replaced_whole(tmp_path: Path) -> None:
    target = tmp_path / "rapport.pdf"
    target.write_bytes(b"gammal" * 1000)
    write_atomically(target, b"%PDF ny")
    assert target.read_bytes() == b"%PDF ny"
    assert _leftovers(tmp_path) == []


def test_a_read_only_file_is_not_replaced(tmp_path: Path) -> None:
    """The folder is writable, so a rename would replace it: refused before anything is written."""
    target = tmp_path / "skrivskyddad.json"
    target.write_bytes(b"{}")
    target.chmod(0o444)
    with pytest.raises(OutputPathRefused) as caught:
        write_atomically(target, "{\"ny\": 1}")
    assert caught.value.reason is Refusal.READ_ONLY
    assert "skrivskyddad.json är skrivskyddad" in str(caught.value)
    assert target.read_bytes() == b"{}" and stat.S_IMODE(target.stat().st_mode) == 0o444
    assert _leftovers(tmp_path) == []


def test_a_symlink_is_written_through_atomically_and_stays_a_link(tmp_path: Path) -> None:
    real_folder = tmp_path / "verklig mapp"
    real_folder.mkdir()
    real = real_folder / "export.json"
    real.write_text("gammal")
    link = tmp_path / "genväg.json"
    link.symlink_to(real)
    assert write_atomically(link, "{\"ny\": 1}") == real
    assert link.is_symlink() and Path(os.readlink(link)) == real
    assert real.read_text() == "{\"ny\": 1}"
    assert stat.S_IMODE(real.stat().st_mode) == 0o600
    assert _leftovers(tmp_path) == [] and _leftovers(real_folder) == []


def test_the_database_is_refused_and_nothing_is_left_behind(database: Path, tmp_path: Path) -> None:
    before = database.read_bytes()
    with pytest.raises(OutputPathRefused):
        write_atomically(database, "{}", database=database)
    with pytest.raises(OutputPathRefused):  # even when the caller forgot to say which is open
        write_atomically(database, "{}")
    assert database.read_bytes() == before
    assert _leftovers(tmp_path) == []


def test_a_link_turned_to_the_database_while_writing_is_refused_at_the_rename(
    database: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Checked again just before the rename: the link now leads to the database, so nothing is renamed."""
    harmless = tmp_path / "export.json"
    link = tmp_path / "länk.json"
    link.symlink_to(harmless)
    real_fsync = os.fsync

    def fsync_then_turn_the_link(fd: int) -> None:
        real_fsync(fd)
        link.unlink()
        link.symlink_to(database)

    monkeypatch.setattr(files.os, "fsync", fsync_then_turn_the_link)
    before = database.read_bytes()
    with pytest.raises(OutputPathRefused) as caught:
        write_atomically(link, "{}", database=database)
    monkeypatch.undo()
    assert caught.value.reason.protects_data
    assert database.read_bytes() == before
    assert not harmless.exists()
    assert _leftovers(tmp_path) == []


def test_a_link_to_the_wal_not_there_yet_is_refused(database: Path, tmp_path: Path) -> None:
    """Written through, the link would create ``arbete.sqlite-wal``, which SQLite then reads as its log."""
    wal = database.with_name(database.name + "-wal")
    link = tmp_path / "logg.json"
    link.symlink_to(wal)
    with pytest.raises(OutputPathRefused) as caught:
        write_atomically(link, "{}", database=database)
    assert caught.value.reason is Refusal.SIDECAR
    assert not wal.exists()

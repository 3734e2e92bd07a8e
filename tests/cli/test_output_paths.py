"""An output path (`-o`) can never destroy the database or what protects it (issue 12, point 1).

Every command that writes a file is run against every file the open database depends on:
the database itself (by its own name, through a symlink, a hard link, a relative path from
another folder, `~`, a symlinked folder), its `-wal`/`-shm`/`-journal` (existing or not), its
`.lock` while another process holds it, its backup folder and the backups in it, and another
Medborgarlöften database elsewhere. Each is refused before any work is done, with exit code 1
and a Swedish message naming the file, and the database and the protected file are
byte-identical afterwards (the database still passes `check` and `verify-db`).

A read-only file is left as it is; a symlink is written through to its target, and stays a link.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import sqlite3
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from promises_app.storage.backups import backup_dir
from promises_app.storage.database import open_database
from promises_app.storage.errors import DatabaseInUseError
from promises_app.storage.lock import lock_path
from promises_app.storage.output_guard import shown_path
from tests.cli_support import run_cli
from tests.storage._support import Child

SOLNA = "2"  # "Solna – medborgarlöften 2022", signed as revision 1 in the demo
PERSON = "3"

#: Every command that writes a file the person names, as (argv before `-o`, what a good output starts with).
COMMANDS: dict[str, tuple[list[str], bytes]] = {
    "export-json": (["export-json", SOLNA], b"{"),
    "export-csv": (["export-csv", SOLNA], b"\xef\xbb\xbf"),
    "export-xlsx": (["export-xlsx", SOLNA], b"PK"),
    "findings-geojson": (["findings-geojson", SOLNA], b"{"),
    "report-agreement": (["report", "agreement", SOLNA], b"%PDF"),
    "report-followup": (["report", "followup", SOLNA, "--period", "2022-T2"], b"%PDF"),
    "report-annual": (["report", "annual", SOLNA], b"%PDF"),
    "sign": (["sign", SOLNA, "--place", "Solna", "--date", "2022-02-15"], b"%PDF"),
    "person-export": (["person-export", PERSON], b"{"),
}

HOLD = r"""
import sys
from promises_app.storage.database import open_database
database = open_database(sys.argv[1], exclusive=True)
print("HOLDING", flush=True)
sys.stdin.readline()
database.close()
"""


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass
class Target:
    """What `-o` is given, the files that must not change, and why the refusal says so."""

    output: str
    protected: list[Path]
    words: str  # a piece of the Swedish reason
    must_not_exist: list[Path] = field(default_factory=list)


@pytest.fixture
def fresh_db(tmp_path: Path, _templates: dict[str, Path]) -> Path:
    """The run's demo database (made by the program, closed and checkpointed), copied for this test.

    The same file `demo_db` makes with `promises-app demo`, without loading the demo again for
    each of the many cases here.
    """
    path = tmp_path / "X.db"
    shutil.copyfile(_templates["demo"], path)
    os.chmod(path, 0o600)
    return path


def _prepare(command: str, db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`sign` needs a draft: start revision 2 of the signed agreement first."""
    if command == "sign":
        code, _, err = run_cli(capsys, "--db", str(db), "new-revision", SOLNA)
        assert code == 0, err


def _other_database(tmp_path: Path, templates: dict[str, Path], name: str) -> Path:
    other = tmp_path / "någon annanstans" / name
    other.parent.mkdir(exist_ok=True)
    shutil.copyfile(templates["demo"], other)
    return other


@contextlib.contextmanager
def _target(
    kind: str, db: Path, tmp_path: Path, templates: dict[str, Path], monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> Iterator[Target]:
    """Set up the protected file ``kind`` beside ``db``; undone afterwards (a held lock released)."""
    with contextlib.ExitStack() as stack:
        if kind == "db":
            yield Target(str(db), [db], "den öppna databasen")
        elif kind == "db-symlink":
            link = tmp_path / "export.out"
            link.symlink_to(db)
            yield Target(str(link), [db], "den öppna databasen")
            assert link.is_symlink()
        elif kind == "db-symlink-chain":
            first, second = tmp_path / "a.out", tmp_path / "b.out"
            second.symlink_to(db)
            first.symlink_to(second)
            yield Target(str(first), [db], "den öppna databasen")
        elif kind == "db-hardlink":
            hard = tmp_path / "hård länk.out"
            os.link(db, hard)
            yield Target(str(hard), [db], "den öppna databasen")
        elif kind == "db-relative":
            elsewhere = tmp_path / "annan mapp"
            elsewhere.mkdir()
            monkeypatch.chdir(elsewhere)
            yield Target(os.path.join("..", db.name), [db], "den öppna databasen")
        elif kind == "db-home":
            monkeypatch.setenv("HOME", str(tmp_path))
            yield Target(f"~/{db.name}", [db], "den öppna databasen")
        elif kind == "db-symlinked-folder":
            folder_link = tmp_path / "genväg"
            folder_link.symlink_to(tmp_path, target_is_directory=True)
            yield Target(str(folder_link / db.name), [db], "den öppna databasen")
        elif kind in ("wal", "shm"):
            # A reader keeps the database open, as the window would: SQLite's -wal and -shm exist.
            reader = stack.enter_context(contextlib.closing(sqlite3.connect(db)))
            reader.execute("SELECT count(*) FROM agreements").fetchone()
            sidecar = db.with_name(db.name + f"-{kind}")
            assert sidecar.exists()
            yield Target(str(sidecar), [db, sidecar], "öppna databasen")
        elif kind in ("wal-missing", "shm-missing", "journal-missing"):
            sidecar = db.with_name(db.name + "-" + kind.removesuffix("-missing"))
            assert not sidecar.exists()
            yield Target(str(sidecar), [db], "öppna databasen", must_not_exist=[sidecar])
        elif kind == "wal-missing-via-folder-link":
            folder_link = tmp_path / "genväg"
            folder_link.symlink_to(tmp_path, target_is_directory=True)
            sidecar = db.with_name(db.name + "-wal")
            yield Target(str(folder_link / sidecar.name), [db], "öppna databasen", must_not_exist=[sidecar])
        elif kind == "journal":
            journal = db.with_name(db.name + "-journal")
            journal.write_bytes(b"")
            yield Target(str(journal), [db, journal], "öppna databasen")
        elif kind == "lock-held":
            holder = Child(HOLD, str(db))
            stack.callback(holder.close)
            holder.wait_for("HOLDING")
            lock = lock_path(db)
            assert lock.exists()
            yield Target(str(lock), [db, lock], "låsfil")
            with pytest.raises(DatabaseInUseError):  # the lock still keeps a second writer out
                open_database(db, exclusive=True)
            holder.send("")
            assert holder.finish()[0] == 0
        elif kind == "lock-missing":
            lock = lock_path(db)
            assert not lock.exists()
            yield Target(str(lock), [db], "låsfil", must_not_exist=[lock])
        elif kind == "backup-file":
            code, _, err = run_cli(capsys, "--db", str(db), "backup")
            assert code == 0, err
            (backup,) = list(backup_dir(db).iterdir())
            yield Target(str(backup), [db, backup], "säkerhetskopi")
        elif kind == "backup-new-file":
            backup_dir(db).mkdir(mode=0o700)
            new = backup_dir(db) / "rapport.out"
            yield Target(str(new), [db], "säkerhetskopi", must_not_exist=[new])
        elif kind == "backup-folder":
            backup_dir(db).mkdir(mode=0o700)
            yield Target(str(backup_dir(db)), [db], "säkerhetskopi")
        elif kind == "other-database":
            other = _other_database(tmp_path, templates, "arbete.sqlite")
            yield Target(str(other), [db, other], "Medborgarlöften-databas")
        elif kind == "other-database-renamed":  # e.g. a backup copied elsewhere under another name
            other = _other_database(tmp_path, templates, "gammal kopia.out")
            yield Target(str(other), [db, other], "Medborgarlöften-databas")
        elif kind == "other-database-wal":
            other = _other_database(tmp_path, templates, "arbete.sqlite")
            wal = other.with_name(other.name + "-wal")
            yield Target(str(wal), [db, other], "Medborgarlöften-databas", must_not_exist=[wal])
        else:  # pragma: no cover
            raise AssertionError(kind)


TARGETS = [
    "db", "db-symlink", "db-symlink-chain", "db-hardlink", "db-relative", "db-home", "db-symlinked-folder",
    "wal", "shm", "journal", "wal-missing", "shm-missing", "journal-missing", "wal-missing-via-folder-link",
    "lock-held", "lock-missing", "backup-file", "backup-new-file", "backup-folder",
    "other-database", "other-database-renamed", "other-database-wal",
]


@pytest.mark.parametrize("kind", TARGETS)
@pytest.mark.parametrize("command", list(COMMANDS))
def test_an_output_onto_the_database_or_what_protects_it_is_refused(
    command: str, kind: str, fresh_db: Path, tmp_path: Path, _templates: dict[str, Path],
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    _prepare(command, fresh_db, capsys)
    argv, _good = COMMANDS[command]
    with _target(kind, fresh_db, tmp_path, _templates, monkeypatch, capsys) as target:
        before = {path: _digest(path) if path.is_file() else None for path in target.protected}
        identity = os.stat(fresh_db).st_ino
        code, out, err = run_cli(capsys, "--db", str(fresh_db), *argv, "-o", target.output)

        assert code == 1, out + err
        assert out == ""
        assert err.startswith("promises-app: fel: ")
        assert "välj ett annat filnamn" in err and "Ingenting har skrivits." in err
        assert target.words in err
        assert Path(target.output).name in err
        assert "Traceback" not in err
        assert {path: _digest(path) if path.is_file() else None for path in target.protected} == before
        assert os.stat(fresh_db).st_ino == identity, "the database file was replaced"
        for path in target.must_not_exist:
            assert not path.exists(), path
        assert not [p for p in fresh_db.parent.iterdir() if p.name.endswith(".tmp")]
    code, out, err = run_cli(capsys, "--db", str(fresh_db), "check")
    assert code == 0, err


@pytest.mark.parametrize("kind", TARGETS)
def test_after_a_refused_export_the_change_log_and_signed_revisions_verify(
    kind: str, fresh_db: Path, tmp_path: Path, _templates: dict[str, Path],
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    with _target(kind, fresh_db, tmp_path, _templates, monkeypatch, capsys) as target:
        code, _, err = run_cli(capsys, "--db", str(fresh_db), "export-json", SOLNA, "-o", target.output)
        assert code == 1 and "Ingenting har skrivits." in err
    code, out, err = run_cli(capsys, "--db", str(fresh_db), "verify-db")
    assert code == 0, err
    assert "obruten" in out and "oförändrade" in out


def test_the_issue_s_exact_steps_leave_the_database_whole(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`promises-app --db d.db export-json 2 -o d.db` exited 0 and left a 17 KB JSON file."""
    before = _digest(demo_db)
    code, _, err = run_cli(capsys, "--db", str(demo_db), "export-json", "2", "-o", str(demo_db))
    assert code == 1
    assert f"{shown_path(demo_db)} är den öppna databasen" in err
    assert _digest(demo_db) == before
    code, out, _ = run_cli(capsys, "--db", str(demo_db), "list")
    assert code == 0 and "Solna – medborgarlöften 2022" in out


def test_sign_with_a_refused_output_does_not_sign(fresh_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The output is checked before any work: a refused `-o` leaves the draft a draft."""
    _prepare("sign", fresh_db, capsys)
    for output in (str(fresh_db), str(fresh_db.parent / "saknas" / "x.pdf")):
        code, _, err = run_cli(capsys, "--db", str(fresh_db), *COMMANDS["sign"][0], "-o", output)
        assert code == 1, err
        assert "Ingenting har skrivits." in err or "finns inte" in err
    code, out, _ = run_cli(capsys, "--db", str(fresh_db), "versions", SOLNA)
    assert code == 0 and "utkast" in out.splitlines()[0]


# --- files that are not the database -----------------------------------------------------------
@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_read_only_file_is_not_replaced(
    command: str, fresh_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _prepare(command, fresh_db, capsys)
    target = tmp_path / "skrivskyddad.out"
    target.write_bytes(b"gammalt inneh\xc3\xa5ll")
    target.chmod(0o444)
    before = _digest(fresh_db)
    code, _, err = run_cli(capsys, "--db", str(fresh_db), *COMMANDS[command][0], "-o", str(target))
    assert code == 1
    assert "skrivskyddad" in err and "skrivskyddad.out" in err and "Ingenting har skrivits." in err
    assert target.read_bytes() == b"gammalt inneh\xc3\xa5ll"
    assert stat.S_IMODE(target.stat().st_mode) == 0o444
    assert _digest(fresh_db) == before


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_symlink_is_written_through_and_stays_a_link(
    command: str, fresh_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _prepare(command, fresh_db, capsys)
    real = tmp_path / "verklig" / "fil.out"
    real.parent.mkdir()
    real.write_bytes(b"gammalt")
    link = tmp_path / "länk.out"
    link.symlink_to(real)
    code, _, err = run_cli(capsys, "--db", str(fresh_db), *COMMANDS[command][0], "-o", str(link))
    assert code == 0, err
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes().startswith(COMMANDS[command][1])
    assert stat.S_IMODE(real.stat().st_mode) == 0o600
    assert not [p for p in real.parent.iterdir() if p != real], "no temporary file is left"


def test_a_chain_of_links_and_a_dangling_link_are_written_through(
    fresh_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    real = tmp_path / "verklig.json"
    middle, first = tmp_path / "mitten.json", tmp_path / "första.json"
    middle.symlink_to(real)  # dangling until the export makes the file
    first.symlink_to(middle)
    code, _, err = run_cli(capsys, "--db", str(fresh_db), "export-json", SOLNA, "-o", str(first))
    assert code == 0, err
    assert first.is_symlink() and middle.is_symlink()
    assert real.read_bytes().startswith(b"{")


def test_a_link_in_a_loop_is_refused(fresh_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    one, two = tmp_path / "ett.json", tmp_path / "två.json"
    one.symlink_to(two)
    two.symlink_to(one)
    code, _, err = run_cli(capsys, "--db", str(fresh_db), "export-json", SOLNA, "-o", str(one))
    assert code == 1 and "ett.json" in err and "Ingenting har skrivits." in err and "Traceback" not in err
    assert one.is_symlink() and two.is_symlink()


def test_a_plain_new_file_is_still_written_owner_only(
    fresh_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The control: an ordinary name beside the database is written as before."""
    target = tmp_path / "X.db.json"  # the database's name with a suffix is just another file
    code, _, err = run_cli(capsys, "--db", str(fresh_db), "export-json", SOLNA, "-o", str(target))
    assert code == 0, err
    assert target.read_bytes().startswith(b"{")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600



@pytest.mark.parametrize("command", ["report-agreement", "sign"])
def test_the_output_is_not_the_command_s_own_certificate_file(
    command: str, fresh_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--certificate id.p12 -o id.p12` would replace the private key with the PDF."""
    _prepare(command, fresh_db, capsys)
    certificate = tmp_path / "id.p12"
    certificate.write_bytes(b"\x30\x82 inte ett riktigt certifikat")
    before = _digest(fresh_db)
    argv = [*COMMANDS[command][0], "--certificate", str(certificate), "-o", str(certificate)]
    code, _, err = run_cli(capsys, "--db", str(fresh_db), *argv)
    assert code == 1
    assert "id.p12" in err and "som kommandot läser" in err and "Ingenting har skrivits." in err
    assert certificate.read_bytes() == b"\x30\x82 inte ett riktigt certifikat"
    assert _digest(fresh_db) == before

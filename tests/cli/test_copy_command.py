"""`promises-app copy`: what is refused before anything is opened (the copy itself: tests/server/test_copy.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from promises_app.cli import main
from tests.cli_support import run_cli


def test_a_missing_file_is_named_and_nothing_is_copied(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(capsys, "copy", "--from", str(tmp_path / "saknas.sqlite"),
                             "--to", "postgresql://samordnare@db.kommun.se/loften")
    assert code == 1 and out == ""
    assert "saknas.sqlite finns inte. Ingenting har kopierats." in err


def test_the_target_must_be_a_server_address(demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run_cli(capsys, "copy", "--from", str(demo_db), "--to", str(tmp_path / "annan.sqlite"))
    assert code == 1
    assert "--to ska vara adressen till en PostgreSQL-databas" in err
    assert not (tmp_path / "annan.sqlite").exists()


def test_a_password_in_the_address_is_never_shown(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # No server listens there: the message names the address without its password.
    code, _out, err = run_cli(capsys, "copy", "--from", str(demo_db),
                              "--to", "postgresql://samordnare:hemligt@/loften?host=/nonexistent-socket-dir")
    assert code == 1 and "kunde inte nås" in err
    assert "hemligt" not in err and "samordnare:***@" in err


def test_copy_help_is_swedish(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["copy", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("Användning: promises-app copy") and "--from FIL.sqlite" in out and "--to URL" in out

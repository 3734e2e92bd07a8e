"""Passwords and TLS on the command line (cli.py, storage/server.py): libpq's own places first
(``PGPASSFILE``/``~/.pgpass``, a service file), the terminal only when there is one, never shown."""

from __future__ import annotations

import getpass
import io
import os
import sys
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.cli_support import run_cli
from tests.pg_passwords import PASSWORD, password_role
from tests.pg_server import PgServer


@pytest.fixture
def guarded_url(pg_server: PgServer, pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The test's database, reached as a role that must give a password; no password file found."""
    role = password_role(pg_server)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.delenv("PGSERVICE", raising=False)
    return pg_url.replace("promises_owner@", f"{role}@")


def _no_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # a script or a pipe: nobody to ask


def _a_terminal(monkeypatch: pytest.MonkeyPatch, typed: str, asked: list[str]) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    def ask(prompt: str = "") -> str:
        asked.append(prompt)
        return typed

    monkeypatch.setattr(sys, "stdin", Terminal(""))
    monkeypatch.setattr(getpass, "getpass", ask)


def test_without_a_terminal_a_missing_password_names_pgpass(
    guarded_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _no_terminal(monkeypatch)
    code, out, err = run_cli(capsys, "--db", guarded_url, "list")
    assert code == 1 and out == ""
    assert "kräver ett lösenord" in err and "~/.pgpass" in err and "PGPASSFILE" in err


def test_at_a_terminal_the_password_is_asked_for_and_not_shown(
    guarded_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    asked: list[str] = []
    _a_terminal(monkeypatch, PASSWORD, asked)
    code, out, err = run_cli(capsys, "--db", guarded_url, "list")
    assert (code, err) == (0, "")
    assert "Databasen har inga överenskommelser ännu." in out
    assert len(asked) == 1 and asked[0].startswith("Lösenord för postgresql+psycopg://pw_tester@/")
    assert PASSWORD not in asked[0] + out + err


def test_a_wrong_password_typed_is_refused_without_showing_it(
    guarded_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _a_terminal(monkeypatch, "fel-lösen", [])
    code, out, err = run_cli(capsys, "--db", guarded_url, "list")
    assert code == 1 and "godtog inte lösenordet" in err
    assert "fel-lösen" not in out + err


def test_the_password_file_is_read_by_libpq(
    guarded_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    passfile = tmp_path / "pgpass"
    passfile.write_text(f"*:*:*:pw_tester:{PASSWORD}\n", encoding="utf-8")
    os.chmod(passfile, 0o600)  # libpq ignores a password file others may read
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    _no_terminal(monkeypatch)
    code, out, err = run_cli(capsys, "--db", guarded_url, "list")
    assert (code, err) == (0, "") and "inga överenskommelser" in out


def test_a_service_file_names_the_server_the_database_and_the_password(
    guarded_url: str, pg_server: PgServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    database = guarded_url.split("@/", 1)[1].split("?", 1)[0]
    services = tmp_path / "pg_service.conf"
    services.write_text(f"[loften]\nhost={pg_server.socket_dir}\ndbname={database}\nuser=pw_tester\n"
                        f"password={PASSWORD}\n", encoding="utf-8")
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    _no_terminal(monkeypatch)
    code, out, err = run_cli(capsys, "--db", "postgresql://?service=loften", "list")
    assert (code, err) == (0, "") and "inga överenskommelser" in out


def test_a_password_in_the_url_works_and_is_never_printed(
    guarded_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _no_terminal(monkeypatch)
    with_password = guarded_url.replace("pw_tester@", f"pw_tester:{quote(PASSWORD)}@")
    code, out, err = run_cli(capsys, "--db", with_password, "verify-db")
    assert (code, err) == (0, ""), err
    assert "pw_tester:***@" in out and PASSWORD not in out
    # libpq's own spelling, password=… in the query, is hidden as well
    in_query = f"{guarded_url}&password={quote(PASSWORD)}"
    code, out, err = run_cli(capsys, "--db", in_query, "verify-db")
    assert code == 0 and PASSWORD not in out + err


def test_sslmode_require_on_a_local_socket_is_refused_not_silently_unencrypted(
    pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_cli(capsys, "--db", f"{pg_url}&sslmode=require", "list")
    assert code == 1 and out == ""
    assert "kräver TLS (sslmode=require)" in err and "inte krypterad" in err
    # sslmode=disable (or prefer, libpq's default) on the socket connects as before
    assert run_cli(capsys, "--db", f"{pg_url}&sslmode=disable", "list")[0] == 0

"""The command line on a shared database: ``--db postgresql://…`` for every kind of command (cli.py).

Each test runs the real command in-process against its own database on the throwaway server
(tests/pg_server.py), filled with the demo where it reads agreements.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from promises_app.storage.server import BACKUPS_ON_A_SERVER
from tests.cli_support import run_cli
from tests.pg_server import PgServer

SOLNA = "Solna – medborgarlöften 2022"


@pytest.fixture
def demo_url(pg_server: PgServer, _pg_templates: dict[str, str]) -> Iterator[str]:
    """A database of the test's own on the server, holding the demo agreements."""
    name = pg_server.new_name("cli")
    url = pg_server.create_database(name, template=_pg_templates["demo"])
    try:
        yield url
    finally:
        pg_server.drop_database(name)


def test_list_names_the_agreements_on_the_server(demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(capsys, "--db", demo_url, "list")
    assert (code, err) == (0, "")
    assert SOLNA in out and "Helsingborg 2018–2022" in out
    # --db after the command too, and the plain postgresql:// scheme means psycopg here
    code, again, _ = run_cli(capsys, "list", "--db", demo_url.replace("postgresql+psycopg://", "postgresql://"))
    assert code == 0 and again == out


def test_export_json_from_the_server_is_the_same_as_from_a_file(
    demo_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from_server = tmp_path / "server.json"
    code, out, err = run_cli(capsys, "--db", demo_url, "export-json", SOLNA, "-o", str(from_server))
    assert (code, err) == (0, "") and f"till {from_server}" in out
    assert json.loads(from_server.read_text(encoding="utf-8"))["agreement"]["title"] == SOLNA

    # The same demo in a file exports the very same bytes: the server kept everything as it was.
    file_db = tmp_path / "demo.sqlite"
    assert run_cli(capsys, "--db", str(file_db), "demo")[0] == 0
    from_file = tmp_path / "file.json"
    assert run_cli(capsys, "--db", str(file_db), "export-json", SOLNA, "-o", str(from_file))[0] == 0
    assert from_server.read_bytes() == from_file.read_bytes()


def test_a_report_pdf_from_the_server(demo_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "solna.pdf"
    code, out, err = run_cli(capsys, "--db", demo_url, "report", "agreement", SOLNA, "-o", str(output))
    assert (code, err) == (0, "")
    assert output.read_bytes().startswith(b"%PDF-") and "revision 1, undertecknad" in out


def test_verify_db_on_the_server(demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(capsys, "--db", demo_url, "verify-db")
    assert (code, err) == (0, ""), err
    assert "Ändringsloggen i postgresql+psycopg://promises_owner@/" in out and "är obruten" in out


@pytest.mark.parametrize("command", [["backup"], ["restore"], ["restore", "1"]])
def test_backup_and_restore_say_backups_are_the_servers_job(
    demo_url: str, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_cli(capsys, "--db", demo_url, *command)
    assert code == 1 and out == ""
    assert BACKUPS_ON_A_SERVER.splitlines()[0][:60] in " ".join(err.split())
    assert "är en delad databas" in err and "docs/shared-database.md" in err


def test_an_import_on_the_server_needs_no_backup_of_its_own(
    demo_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported = tmp_path / "solna.json"
    assert run_cli(capsys, "--db", demo_url, "export-json", SOLNA, "-o", str(exported))[0] == 0
    document = json.loads(exported.read_text(encoding="utf-8"))
    document["agreement"]["title"] = "Solna, kopia"
    exported.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    code, out, err = run_cli(capsys, "--db", demo_url, "import", str(exported))
    assert (code, err) == (0, ""), err
    assert "Solna, kopia" in run_cli(capsys, "--db", demo_url, "list")[1]


def test_erasing_a_person_on_the_server_leaves_the_way_back_to_the_servers_backups(
    demo_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run_cli(capsys, "--db", demo_url, "people")
    ids = {row.split(None, 1)[1].split(" (")[0]: row.split()[0] for row in out.splitlines()}
    contact = ids["Erik Exempelsson"]  # a contact person, not a signatory
    code, out, err = run_cli(capsys, "--db", demo_url, "person-erase", contact, "--pseudonymise")
    assert (code, err) == (0, ""), err
    assert "säkerhetskopieras av servern" in out and f'"Person {contact}"' in out
    assert "Erik Exempelsson" not in run_cli(capsys, "--db", demo_url, "people")[1]


def test_a_bad_address_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        run_cli(capsys, "--db", "postgresql://anna@server:port/x", "list")
    assert exit_.value.code == 2
    assert "ogiltig databasadress" in capsys.readouterr().err


def test_an_unreachable_server_is_explained_without_the_password(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    address = f"postgresql://anna:hemligt@/loften?host={tmp_path}"  # no server listens in that folder
    code, out, err = run_cli(capsys, "--db", address, "list")
    assert code == 1 and out == ""
    assert "kunde inte nås" in err and "anna:***@" in err
    assert "hemligt" not in err

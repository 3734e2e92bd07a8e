"""The command line over the same services: demo, list, export-json, import, check, errors."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from promises_app.cli import main
from promises_app.paths import resource
from tests.cli_support import run_cli


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_demo_then_list_shows_the_demo_agreements(demo_db, capsys):
    code, out, _ = run_cli(capsys, "--db", str(demo_db), "list")
    assert code == 0
    assert "Solna – medborgarlöften 2022" in out
    assert "2022-01-01 – 2022-12-31" in out
    assert "Helsingborg 2018–2022" in out
    assert "Undertecknad (rev. 1)" in out
    assert out.splitlines()[0].startswith("ID")


def test_db_option_works_after_the_subcommand_too(demo_db, capsys):
    code, out, _ = run_cli(capsys, "list", "--db", str(demo_db))
    assert code == 0 and "Solna – medborgarlöften 2022" in out


def test_demo_twice_is_refused_and_adds_nothing(demo_db, capsys):
    before = run_cli(capsys, "--db", str(demo_db), "list")[1]
    code, _, err = run_cli(capsys, "--db", str(demo_db), "demo")
    assert code == 1 and "Demodata finns redan" in err
    assert run_cli(capsys, "--db", str(demo_db), "list")[1] == before


def test_export_then_import_into_a_new_file_round_trips_exactly(demo_db, tmp_path, capsys):
    first = tmp_path / "first.json"
    code, _, err = run_cli(capsys, "--db", str(demo_db), "export-json", "Solna – medborgarlöften 2022", "-o", str(first))
    assert code == 0, err
    fresh = tmp_path / "Y.db"
    code, out, err = run_cli(capsys, "--db", str(fresh), "import", str(first))
    assert code == 0, err
    imported_id = out.splitlines()[1].split("\t")[0].strip()
    second = tmp_path / "second.json"
    assert run_cli(capsys, "--db", str(fresh), "export-json", imported_id, "-o", str(second))[0] == 0
    assert first.read_bytes() == second.read_bytes()
    document = json.loads(first.read_text(encoding="utf-8"))
    measures = document["agreement"]["promises"][0]["measures"]
    assert len(measures) == 7


def test_cooperation_agreement_export_carries_its_promise_document(demo_db, tmp_path, capsys):
    out_file = tmp_path / "sok.json"
    code, _, err = run_cli(capsys, "--db", str(demo_db), "export-json", "Solna stad och lokalpolisområde Solna", "-o", str(out_file))
    assert code == 0, err
    document = json.loads(out_file.read_text(encoding="utf-8"))
    assert document["agreement"]["kind"] == "cooperation_agreement"
    assert [d["title"] for d in document["agreement"]["documents"]] == ["Solna – medborgarlöften 2022"]
    assert out_file.read_bytes() == resource("demo", "solna-2022.json").read_bytes()


def test_ambiguous_or_unknown_agreement_is_a_clear_error(demo_db, tmp_path, capsys):
    target = tmp_path / "x.json"
    code, _, err = run_cli(capsys, "--db", str(demo_db), "export-json", "Solna", "-o", str(target))
    assert code == 1 and "matchar flera" in err and "Solna – medborgarlöften 2022" in err
    code, _, err = run_cli(capsys, "--db", str(demo_db), "export-json", "Kiruna", "-o", str(target))
    assert code == 1 and "Ingen överenskommelse matchar 'Kiruna'" in err
    assert not target.exists()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b'{"format": "medborgarloften-agreement", "format_version": 1, "organ', "inte giltig JSON"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "inte en JSON-fil i UTF-8"),
        (json.dumps({"format": "medborgarloften-agreement", "format_version": 2}).encode(), "nyare version"),
        (b"[1, 2, 3]", "ingen överenskommelse från Medborgarlöften"),
    ],
    ids=["malformed", "not-json", "newer-version", "wrong-shape"],
)
def test_bad_import_files_give_a_clear_message_and_change_nothing(demo_db, tmp_path, capsys, content, expected):
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    before = _digest(demo_db)
    code, out, err = run_cli(capsys, "--db", str(demo_db), "import", str(bad))
    assert code == 1
    assert expected in err
    assert err.startswith("promises-app: fel: ")
    assert _digest(demo_db) == before


def test_semantic_import_error_names_the_json_path(demo_db, tmp_path, capsys):
    document = json.loads(resource("demo", "solna-2022.json").read_text(encoding="utf-8"))
    document["agreement"]["documents"][0]["promises"][0]["measures"][3]["follow_ups"][0]["period"] = "2022-Q1"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    before = _digest(demo_db)
    code, _, err = run_cli(capsys, "--db", str(demo_db), "import", str(bad))
    assert code == 1
    assert "$.agreement.documents[0].promises[0].measures[3].follow_ups[0].period" in err
    assert _digest(demo_db) == before


def test_commands_on_a_missing_database_do_not_create_it(tmp_path, capsys):
    missing = tmp_path / "nope.db"
    for command in (["list"], ["check"], ["export-json", "1", "-o", str(tmp_path / "o.json")]):
        code, _, err = run_cli(capsys, "--db", str(missing), *command)
        assert code == 1 and "finns inte" in err
    assert not missing.exists()


def test_check_reports_a_healthy_database(demo_db, capsys):
    code, out, _ = run_cli(capsys, "--db", str(demo_db), "check")
    assert code == 0 and "är hel" in out and "12 åtgärder" in out


def test_import_of_a_missing_file(demo_db, tmp_path, capsys):
    code, _, err = run_cli(capsys, "--db", str(demo_db), "import", str(tmp_path / "saknas.json"))
    assert code == 1 and "saknas.json finns inte" in err


def test_export_into_a_missing_folder_writes_nothing(demo_db, tmp_path, capsys):
    code, _, err = run_cli(capsys, "--db", str(demo_db), "export-json", "1", "-o", str(tmp_path / "no" / "x.json"))
    assert code == 1 and "finns inte" in err
    assert not (tmp_path / "no").exists()


@pytest.mark.parametrize(
    "command",
    [[], ["demo"], ["import"], ["export-json"], ["list"], ["check"], ["backup"], ["restore"],
     ["people"], ["person-export"], ["person-erase"], ["server-init"]],
)
def test_help_for_every_command(capsys, command):
    with pytest.raises(SystemExit) as exit_info:
        main([*command, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("Användning: promises-app")
    assert "--db FIL" in out


def test_usage_errors_exit_with_2(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["export-json", "1"])  # -o missing
    assert exit_info.value.code == 2


def test_people_and_person_export(demo_db, tmp_path, capsys):
    code, out, _ = run_cli(capsys, "--db", str(demo_db), "people")
    assert code == 0
    line = next(row for row in out.splitlines() if "Pehr Granfalk" in row)
    person_id = line.split()[0]
    target = tmp_path / "pehr.json"
    code, _, err = run_cli(capsys, "--db", str(demo_db), "person-export", person_id, "-o", str(target))
    assert code == 0, err
    exported = json.loads(target.read_text(encoding="utf-8"))
    assert exported["person"]["name"] == "Pehr Granfalk"
    assert {s["agreement_title"] for s in exported["signatory_of"]} >= {"Solna – medborgarlöften 2022"}


def test_person_erase_is_refused_for_a_signatory_of_a_signed_agreement(demo_db, capsys):
    _, out, _ = run_cli(capsys, "--db", str(demo_db), "people")
    person_id = next(row for row in out.splitlines() if "Pehr Granfalk" in row).split()[0]
    code, _, err = run_cli(capsys, "--db", str(demo_db), "person-erase", person_id)
    assert code == 1
    assert "Undertecknade versioner behåller namnen" in err
    assert "Pehr Granfalk" in run_cli(capsys, "--db", str(demo_db), "people")[1]


def test_person_erase_and_pseudonymise(demo_db, capsys):
    _, out, _ = run_cli(capsys, "--db", str(demo_db), "people")
    ids = {row.split(None, 1)[1].split(" (")[0]: row.split()[0] for row in out.splitlines()}
    contact = ids["Erik Exempelsson"]  # a contact person, not a signatory
    code, out, err = run_cli(capsys, "--db", str(demo_db), "person-erase", contact, "--pseudonymise")
    assert code == 0, err
    assert f'"Person {contact}"' in out
    listed = run_cli(capsys, "--db", str(demo_db), "people")[1]
    assert "Erik Exempelsson" not in listed and f"Person {contact}" in listed
    code, out, err = run_cli(capsys, "--db", str(demo_db), "person-erase", contact)
    assert code == 0, err
    assert f"Person {contact}" not in run_cli(capsys, "--db", str(demo_db), "people")[1]

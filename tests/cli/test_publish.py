"""`promises-app publish AGREEMENT --period P -o DIR`: the folder for the municipality's website."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest

from tests.cli_support import run_cli
from tests.conftest import table_dump

FILES = {"index.html", "uppfoljning-2022-T2.pdf", "data.csv", "data.json", "schema.json"}


def test_publish_writes_the_folder_to_put_on_the_website(demo_db: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "webb" / "medborgarloften"  # neither exists yet: made
    code, out, err = run_cli(capsys, "--db", str(demo_db), "publish", "medborgarlöften 2022", "--period", "2022-T2",
                             "-o", str(folder), "--today", "2022-09-01", "--next-steps", "Två vandringar återstår.")
    assert (code, err) == (0, "")
    assert 'Publicerade "Solna – medborgarlöften 2022", Tertial 2 2022 (7 åtgärder)' in out
    assert {p.name for p in folder.iterdir()} == FILES
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert "<h1>Så går det med medborgarlöftena</h1>" in page and "Två vandringar återstår." in page
    assert "1 september 2022" in page
    data = json.loads((folder / "data.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, json.loads((folder / "schema.json").read_text(encoding="utf-8")))
    assert (data["period"]["label"], data["published_on"], data["summary"]["measures"]) == ("2022-T2", "2022-09-01", 7)
    rows = list(csv.DictReader(io.StringIO((folder / "data.csv").read_text(encoding="utf-8-sig")), delimiter=";"))
    assert [r["measure"] for r in rows] == [r["measure"] for r in data["measures"]]
    assert (folder / "uppfoljning-2022-T2.pdf").read_bytes().startswith(b"%PDF-")


def test_publishing_again_replaces_the_files(demo_db: Path, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "webb"
    for steps in ("Först.", "Sedan."):
        code, _out, err = run_cli(capsys, "--db", str(demo_db), "publish", "2", "--period", "2022-T2", "-o",
                                  str(folder), "--next-steps", steps)
        assert (code, err) == (0, "")
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert "Sedan." in page and "Först." not in page
    assert {p.name for p in folder.iterdir()} == FILES  # no temporary file left behind


def test_an_unknown_period_writes_nothing(demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "webb"
    code, _out, err = run_cli(capsys, "--db", str(demo_db), "publish", "2", "--period", "2022-T9", "-o", str(folder))
    assert code == 1 and "Okänd period: '2022-T9'" in err and "2022-T1 till 2022-T3" in err
    assert not folder.exists()


def test_the_database_its_backups_and_a_file_are_refused(demo_db: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    before = table_dump(demo_db)
    backups = demo_db.with_name(demo_db.name + "-backups")
    code, _out, err = run_cli(capsys, "--db", str(demo_db), "publish", "2", "--period", "2022-T2",
                              "-o", str(backups / "webb"))
    assert code == 1 and "mappen med säkerhetskopior" in err and "Ingenting har skrivits." in err
    assert not (backups / "webb").exists()
    code, _out, err = run_cli(capsys, "--db", str(demo_db), "publish", "2", "--period", "2022-T2", "-o", str(demo_db))
    assert code == 1 and "är en fil, inte en mapp" in err
    assert table_dump(demo_db) == before

"""`promises-app owner-packs` and `import-owner-report`: files written, dry runs, refusals."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl

from promises_app.services.owner_packs import HEADER_ROW, SHEET
from tests.cli_support import run_cli
from tests.conftest import table_dump


def _packs(capsys, db: Path, folder: Path, *extra: str) -> list[Path]:
    code, out, err = run_cli(capsys, "--db", str(db), "owner-packs", "2", "--period", "2022-T2", "-o", str(folder),
                             *extra)
    assert code == 0, err
    written = sorted(folder.glob("*.xlsx"))
    assert f"Skrev {len(written)} rapportunderlag" in out
    return written


def _fill(path: Path, status: str = "Genomförd") -> None:
    workbook = openpyxl.load_workbook(path)
    workbook[SHEET][f"H{HEADER_ROW + 1}"] = status
    workbook.save(path)


def test_owner_packs_writes_one_file_per_organisation_or_person(demo_db: Path, tmp_path: Path, capsys) -> None:
    by_organisation = _packs(capsys, demo_db, tmp_path / "ny mapp" / "org")  # the folder is made
    assert [p.name for p in by_organisation] == ["Rapportunderlag 2022-T2 Lokalpolisområde Solna.xlsx",
                                                 "Rapportunderlag 2022-T2 Solna stad.xlsx"]
    by_person = _packs(capsys, demo_db, tmp_path / "person", "--per", "person")
    assert len(by_person) == 5
    for path in by_organisation + by_person:
        assert openpyxl.load_workbook(path)[SHEET]["A1"].value.startswith("Rapportunderlag")


def test_owner_packs_refuses_an_unknown_period(demo_db: Path, tmp_path: Path, capsys) -> None:
    code, _out, err = run_cli(capsys, "--db", str(demo_db), "owner-packs", "2", "--period", "2023-T1",
                              "-o", str(tmp_path / "ut"))
    assert code == 1 and "2023-T1" in err and "2022-T1 till 2022-T3" in err
    assert not (tmp_path / "ut").exists()


def test_import_dry_run_changes_nothing_then_the_import_writes(demo_db: Path, tmp_path: Path, capsys) -> None:
    packs = _packs(capsys, demo_db, tmp_path / "packs")
    for path in packs:
        _fill(path, "Inställd/Framflyttad")
    before = table_dump(demo_db)
    code, out, err = run_cli(capsys, "--db", str(demo_db), "import-owner-report", str(tmp_path / "packs"),
                             "--dry-run")
    assert code == 0, err
    assert "2 ändrade uppföljningar" in out and "→ 'Inställd/Framflyttad'" in out and "--dry-run" in out
    assert table_dump(demo_db) == before
    code, out, err = run_cli(capsys, "--db", str(demo_db), "import-owner-report", *map(str, packs))
    assert code == 0, err
    assert "2 uppföljningar sparade" in out and "Säkerhetskopia" in out
    assert table_dump(demo_db)["follow_ups"] != before["follow_ups"]


def test_a_conflict_is_refused_unless_settled(demo_db: Path, tmp_path: Path, capsys) -> None:
    (pack,) = [p for p in _packs(capsys, demo_db, tmp_path / "packs") if "Solna stad" in p.name]
    _fill(pack, "Pågående")
    other = tmp_path / "again"
    (changed,) = [p for p in _packs(capsys, demo_db, other) if "Solna stad" in p.name]
    _fill(changed, "Ej genomförd")
    assert run_cli(capsys, "--db", str(demo_db), "import-owner-report", str(changed))[0] == 0
    before = table_dump(demo_db)
    code, out, err = run_cli(capsys, "--db", str(demo_db), "import-owner-report", str(pack))
    assert code == 1 and "KONFLIKT" in out and "--take-pack" in err
    assert table_dump(demo_db) == before
    code, out, err = run_cli(capsys, "--db", str(demo_db), "import-owner-report", str(pack), "--keep-database")
    assert code == 0 and "1 konflikter där databasens värden behölls" in out
    assert table_dump(demo_db)["follow_ups"] == before["follow_ups"]
    code, out, err = run_cli(capsys, "--db", str(demo_db), "import-owner-report", str(pack), "--take-pack")
    assert code == 0 and "1 uppföljningar sparade" in out


def test_a_pack_of_another_database_is_refused(demo_db: Path, tmp_path: Path, capsys) -> None:
    other_db = tmp_path / "annan.db"
    assert run_cli(capsys, "--db", str(other_db), "demo")[0] == 0
    (pack, *_rest) = _packs(capsys, other_db, tmp_path / "packs")
    _fill(pack)
    before = table_dump(demo_db)
    code, _out, err = run_cli(capsys, "--db", str(demo_db), "import-owner-report", str(pack))
    assert code == 1 and "annan databas" in err and pack.name in err
    assert table_dump(demo_db) == before


def test_a_pack_of_another_period_is_refused(demo_db: Path, tmp_path: Path, capsys) -> None:
    (t2, *_rest) = _packs(capsys, demo_db, tmp_path / "t2")
    assert run_cli(capsys, "--db", str(demo_db), "owner-packs", "2", "--period", "2022-T3", "-o",
                   str(tmp_path / "t3"))[0] == 0
    t3 = sorted((tmp_path / "t3").glob("*.xlsx"))[0]
    code, _out, err = run_cli(capsys, "--db", str(demo_db), "import-owner-report", str(t2), str(t3))
    assert code == 1 and "perioden 2022-T3, inte 2022-T2" in err and t3.name in err


def test_a_zip_bomb_and_an_oversized_file_are_refused(demo_db: Path, tmp_path: Path, capsys) -> None:
    bomb = tmp_path / "bomb.xlsx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", b"<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * 50_000_000)
    bomb.write_bytes(buffer.getvalue())
    code, _out, err = run_cli(capsys, "--db", str(demo_db), "import-owner-report", str(bomb))
    assert code == 1 and "zip-bomb" in err
    huge = tmp_path / "stor.xlsx"
    huge.write_bytes(b"PK\x03\x04" + b"x" * (21 * 1024 * 1024))
    code, _out, err = run_cli(capsys, "--db", str(demo_db), "import-owner-report", str(huge))
    assert code == 1 and "för stor" in err

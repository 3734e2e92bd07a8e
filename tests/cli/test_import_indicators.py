"""`promises-app import-indicators FILE [--dry-run]`: all or nothing, errors with line and column."""

from __future__ import annotations

from pathlib import Path

from promises_app.services import open_services
from promises_app.storage.backups import list_backups
from tests.cli_support import run_cli
from tests.conftest import table_dump

GOOD = (
    "\ufeffIndikator;Period;Kön;Värde;Källa;Enhet;Riktning\r\n"
    "Andel som känner sig trygga;2021;Kvinnor;52,5;Polisens trygghetsmätning;procent;Högre är bättre\r\n"
    "Andel som känner sig trygga;2021;Män;61,5;;;\r\n"
    "Anmälda skadegörelsebrott;2022-T2;;418;Anmälda brott;antal;Lägre är bättre\r\n"
)
BAD = "Indikator;Period;Värde\r\nRån;2021;3\r\nRån;2022;tre\r\nRån;2023-Q9;4\r\n"


def _values(db: Path) -> dict[str, list[tuple[str, str, float]]]:
    """Every indicator's values, but the demo's own (services/demo_situation.py): what the import added."""
    from promises_app.services.demo_situation import demo_situation

    demo = {indicator["name"] for item in demo_situation() for indicator in item["indicators"]}
    services = open_services(db, create=False)
    try:
        return {
            indicator.name: [(v.period, v.sex.value, v.value) for v in services.indicators.list_values(indicator.id)]
            for indicator in services.indicators.list_indicators() if indicator.name not in demo
        }
    finally:
        services.db.close()


def test_a_good_file_is_imported(demo_db: Path, tmp_path: Path, capsys) -> None:
    file = tmp_path / "indikatorer.csv"
    file.write_text(GOOD, encoding="utf-8")
    code, out, err = run_cli(capsys, "--db", str(demo_db), "import-indicators", str(file))
    assert code == 0, err
    assert "3 värden för 2 indikatorer" in out and "Nya indikatorer som skapas (2)" in out
    assert "3 nya värden" in out and "Säkerhetskopia från före importen" in out
    assert _values(demo_db) == {
        "Andel som känner sig trygga": [("2021", "women", 52.5), ("2021", "men", 61.5)],
        "Anmälda skadegörelsebrott": [("2022-T2", "total", 418.0)],
    }
    assert [b.reason for b in list_backups(demo_db)] == ["import"]


def test_an_xlsx_file_is_imported(demo_db: Path, tmp_path: Path, capsys) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    for row in [["Indikator", "Period", "Värde"], ["Rån", 2022, 12], ["Rån", "2023", 9.5]]:
        workbook.active.append(row)
    file = tmp_path / "ran.xlsx"
    workbook.save(file)
    code, _, err = run_cli(capsys, "--db", str(demo_db), "import-indicators", str(file))
    assert code == 0, err
    assert _values(demo_db) == {"Rån": [("2022", "total", 12.0), ("2023", "total", 9.5)]}


def test_a_bad_file_writes_nothing_and_lists_the_errors(demo_db: Path, tmp_path: Path, capsys) -> None:
    file = tmp_path / "fel.csv"
    file.write_text(BAD, encoding="utf-8")
    before = table_dump(demo_db)
    code, out, err = run_cli(capsys, "--db", str(demo_db), "import-indicators", str(file))
    assert code == 1 and out == ""
    assert "kan inte importeras (2 fel). Ingenting har ändrats i databasen." in err
    assert "Rad 3, kolumn Värde: 'tre' är inget tal." in err
    assert "Rad 4, kolumn Period: Okänd period: '2023-Q9'." in err
    assert table_dump(demo_db) == before
    assert list_backups(demo_db) == []


def test_dry_run_shows_the_preview_and_writes_nothing(demo_db: Path, tmp_path: Path, capsys) -> None:
    file = tmp_path / "indikatorer.csv"
    file.write_text(GOOD, encoding="utf-8")
    before = table_dump(demo_db)
    code, out, err = run_cli(capsys, "--db", str(demo_db), "import-indicators", "--dry-run", str(file))
    assert code == 0, err
    assert "Anmälda skadegörelsebrott (Anmälda brott, antal, lägre är bättre)" in out
    assert "Ingenting har skrivits (--dry-run)." in out
    assert table_dump(demo_db) == before
    assert list_backups(demo_db) == []
    # A dry run of a bad file fails the same way.
    file.write_text(BAD, encoding="utf-8")
    code, _, err = run_cli(capsys, "--db", str(demo_db), "import-indicators", "--dry-run", str(file))
    assert code == 1 and "Rad 3, kolumn Värde" in err
    assert table_dump(demo_db) == before


def test_a_missing_or_encoded_wrongly_file_is_a_clear_error(demo_db: Path, tmp_path: Path, capsys) -> None:
    code, _, err = run_cli(capsys, "--db", str(demo_db), "import-indicators", str(tmp_path / "saknas.csv"))
    assert code == 1 and "saknas.csv finns inte" in err
    file = tmp_path / "ansi.csv"
    file.write_bytes("Indikator;Period;Värde\r\nRån;2021;3\r\n".encode("cp1252"))
    before = table_dump(demo_db)
    code, _, err = run_cli(capsys, "--db", str(demo_db), "import-indicators", str(file))
    assert code == 1 and "Rad 1: Filen är inte sparad som UTF-8" in err and "CSV UTF-8" in err
    assert table_dump(demo_db) == before

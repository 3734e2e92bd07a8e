"""`promises-app adopt`, `adopted`, `report followup --adopted-version N`, and `verify` / `verify-db` on them."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from promises_app.services import open_services
from tests.cli_support import run_cli

SOLNA = "Solna – medborgarlöften 2022"
ADOPT = ("adopt", SOLNA, "--period", "2022-T2", "--by", "Kommunstyrelsen", "--date", "2022-10-12",
         "--paragraph", "45", "--case", "KS 2022/123", "--report-date", "2022-09-15")


def _cli(capsys: pytest.CaptureFixture[str], db: Path, *argv: str) -> tuple[int, str, str]:
    return run_cli(capsys, "--db", str(db), *argv)


def _correct_a_follow_up(db: Path) -> None:
    services = open_services(db, create=False)
    try:
        agreement_id = services.agreements.find_agreements(SOLNA)[0].id
        measure = services.plan.list_measures(agreement_id)[0]
        services.follow_ups.record(measure.id, period="2022-T2", status="done", light="green", comment="Rättat.")
    finally:
        services.db.close()


def test_adopt_records_version_1_and_writes_the_kept_pdf(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "fastställd.pdf"
    code, out, err = _cli(capsys, demo_db, *ADOPT, "-o", str(target))
    assert code == 0, err
    assert out.startswith(f'Uppföljningen 2022-T2 för "{SOLNA}" är fastställd som version 1 (fastställd av '
                          "Kommunstyrelsen 12 oktober 2022, § 45, dnr KS 2022/123).")
    pdf = target.read_bytes()
    assert f"PDF:ens SHA-256:     {hashlib.sha256(pdf).hexdigest()} ({len(pdf)} byte, PDF/A-2a)" in out
    again = tmp_path / "igen.pdf"
    code, out, _err = _cli(capsys, demo_db, "report", "followup", SOLNA, "--period", "2022-T2",
                           "--adopted-version", "1", "-o", str(again))
    assert code == 0 and again.read_bytes() == pdf
    assert "Skrev den fastställda uppföljningen 2022-T2 version 1" in out
    code, out, _err = _cli(capsys, demo_db, "verify", str(again))
    assert code == 0 and out.startswith("Filen är en orörd kopia av den fastställda uppföljningen Tertial 2 2022 "
                                        f"(2022-T2), version 1, av «{SOLNA}», fastställd av Kommunstyrelsen")


def test_bad_input_names_the_flag_and_saves_nothing(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = _cli(capsys, demo_db, "adopt", SOLNA, "--period", "2022-T9", "--by", " ", "--date", "2022-13-01",
                           "--paragraph", "45", "--report-date", "igår")
    assert code == 1
    assert "--period: Period: Okänd period: '2022-T9'" in err
    assert "--by: Fastställd av måste fyllas i." in err
    assert "--date: Datum för fastställandet: ogiltigt datum '2022-13-01' (skriv ÅÅÅÅ-MM-DD)." in err
    assert "--report-date: Rapportdatum: ogiltigt datum 'igår'" in err
    assert err.rstrip().endswith("Ingenting har sparats.")
    code, out, _err = _cli(capsys, demo_db, "adopted", SOLNA)
    assert code == 0 and out == f'"{SOLNA}" har ingen fastställd uppföljning ännu.\n'


def test_a_refused_output_adopts_nothing(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = _cli(capsys, demo_db, *ADOPT, "-o", str(demo_db))
    assert code == 1 and err
    assert "ingen fastställd uppföljning" in _cli(capsys, demo_db, "adopted", SOLNA)[1]


def test_adopted_lists_the_versions_and_says_when_the_data_has_changed(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _cli(capsys, demo_db, *ADOPT)[0] == 0
    code, out, _err = _cli(capsys, demo_db, "adopted", SOLNA)
    assert code == 0 and "2022-T2 version 1: fastställd av Kommunstyrelsen 12 oktober 2022, § 45" in out
    assert "  Stämmer med uppgifterna nu." in out
    _correct_a_follow_up(demo_db)
    code, out, _err = _cli(capsys, demo_db, "adopted", SOLNA, "--period", "2022-t2")
    assert "STÄMMER INTE längre med uppgifterna: uppföljningen har ändrats sedan den fastställdes." in out
    assert "Status «Pågående» → «Genomförd»" in out and "Fastställ en ny version för att publicera rättelsen" in out
    # A working print of the period says it is not the adopted one, and that the data has changed.
    code, out, _err = _cli(capsys, demo_db, "report", "followup", SOLNA, "--period", "2022-T2",
                           "-o", str(tmp_path / "arbetsutskrift.pdf"))
    assert code == 0 and "Det här är en arbetsutskrift, inte den fastställda rapporten" in out
    assert "Uppgifterna har ändrats sedan version 1 fastställdes." in out
    # The correction, adopted again, is version 2; version 1 is listed as replaced.
    code, out, _err = _cli(capsys, demo_db, "adopt", SOLNA, "--period", "2022-T2", "--by", "Kommunstyrelsen",
                           "--date", "2022-11-09", "--paragraph", "§ 61")
    assert code == 0 and "fastställd som version 2" in out and "Obs: uppgifterna är desamma" not in out
    code, out, _err = _cli(capsys, demo_db, "adopted", SOLNA)
    first, second = out.split("2022-T2 version 2")
    assert "Ersatt av en senare version." in first and "Stämmer med uppgifterna nu." in second


def test_adopting_unchanged_data_again_says_so(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _cli(capsys, demo_db, *ADOPT)[0] == 0
    code, out, _err = _cli(capsys, demo_db, *ADOPT[:-4], "--paragraph", "46", "--report-date", "2022-09-15")
    assert code == 0 and "fastställd som version 2" in out
    assert "Obs: uppgifterna är desamma som i version 1; bara fastställandet skiljer." in out


def test_an_adopted_version_prints_only_as_adopted(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "x.pdf"
    code, _out, err = _cli(capsys, demo_db, "report", "followup", SOLNA, "--period", "2022-T2",
                           "--adopted-version", "1", "-o", str(target))
    assert code == 1 and "har inte någon fastställd version 1 av perioden 2022-T2 (ingen version är fastställd)" in err
    assert _cli(capsys, demo_db, *ADOPT)[0] == 0
    code, _out, err = _cli(capsys, demo_db, "report", "followup", SOLNA, "--period", "2022-T2",
                           "--adopted-version", "1", "--landscape", "--today", "2023-01-01", "-o", str(target))
    assert code == 1 and "--today, --landscape gäller inte en fastställd version" in err
    with pytest.raises(SystemExit) as usage:
        _cli(capsys, demo_db, "report", "followup", SOLNA, "--period", "2022-T2", "--adopted-version", "0",
             "-o", str(target))
    assert usage.value.code == 2 and "--adopted-version ska vara ett heltal från 1" in capsys.readouterr().err
    assert not target.exists()


def test_verify_db_counts_the_adopted_reports_and_names_a_changed_one(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _cli(capsys, demo_db, *ADOPT)[0] == 0
    code, out, _err = _cli(capsys, demo_db, "verify-db")
    assert code == 0 and "De fastställda uppföljningarna är oförändrade (1 st, alla kontrollsummor stämmer)." in out
    with sqlite3.connect(demo_db) as raw:
        raw.execute("DROP TRIGGER adopted_reports_no_update")
        raw.execute("UPDATE adopted_reports SET pdf = CAST(pdf || x'0a' AS BLOB)")
    code, _out, err = _cli(capsys, demo_db, "verify-db")
    assert code == 1
    assert f"Den fastställda uppföljningen 2022-T2 version 1 av «{SOLNA}»: den sparade PDF:en stämmer inte" in err

"""`promises-app report agreement`: the printed agreement from the command line."""

from __future__ import annotations

import stat
import sys

from tests.cli_support import run_cli
from tests.reports.pdf_text import flat_text, page_texts

SOLNA = "Solna – medborgarlöften 2022"


def test_report_agreement_writes_a_private_pdf(demo_db, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    out_file = tmp_path / "solna.pdf"
    code, out, err = run_cli(capsys, "--db", str(demo_db), "report", "agreement", SOLNA, "-o", str(out_file))
    assert code == 0, err
    pdf = out_file.read_bytes()
    assert pdf.startswith(b"%PDF-")
    if sys.platform != "win32":
        assert stat.S_IMODE(out_file.stat().st_mode) == 0o600
    text = flat_text(pdf)
    assert SOLNA in text and "Bilaga: Handlingsplan" in text
    assert "Sida 1 av " in page_texts(pdf)[0]
    assert str(out_file) in out and "fingeravtryck" in out
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".solna.pdf")] == []  # no temporary left


def test_report_by_id_without_appendix(demo_db, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    listing = run_cli(capsys, "--db", str(demo_db), "list")[1]
    agreement_id = next(line.split()[0] for line in listing.splitlines() if SOLNA in line)
    out_file = tmp_path / "utan.pdf"
    # A signed revision is printed exactly as signed: with its appendix.
    code, _, err = run_cli(
        capsys, "--db", str(demo_db), "report", "agreement", agreement_id, "-o", str(out_file), "--no-appendix"
    )
    assert code == 1 and "gäller bara utkast" in err and not out_file.exists()
    assert run_cli(capsys, "--db", str(demo_db), "new-revision", agreement_id)[0] == 0
    code, _, err = run_cli(
        capsys, "--db", str(demo_db), "report", "agreement", agreement_id, "-o", str(out_file), "--no-appendix"
    )
    assert code == 0, err
    text = flat_text(out_file.read_bytes())
    assert SOLNA in text and "Bilaga: Handlingsplan" not in text


def test_same_agreement_twice_gives_the_same_file(demo_db, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    for target in (first, second):
        assert run_cli(capsys, "--db", str(demo_db), "report", "agreement", SOLNA, "-o", str(target))[0] == 0
    assert first.read_bytes() == second.read_bytes()


def test_unknown_agreement_is_an_error_and_writes_nothing(demo_db, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    out_file = tmp_path / "nej.pdf"
    code, _, err = run_cli(capsys, "--db", str(demo_db), "report", "agreement", "Finns inte", "-o", str(out_file))
    assert code == 1
    assert "Ingen överenskommelse matchar" in err
    assert not out_file.exists()


def test_missing_folder_is_an_error(demo_db, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run_cli(
        capsys, "--db", str(demo_db), "report", "agreement", SOLNA, "-o", str(tmp_path / "saknas" / "x.pdf")
    )
    assert code == 1 and "finns inte" in err


def test_report_without_a_kind_says_which_kinds_exist(demo_db, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run_cli(capsys, "--db", str(demo_db), "report")
    assert code == 1 and "report agreement" in err

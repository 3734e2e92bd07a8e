"""`report followup` prints the "Nästa steg" stored with the period's follow-up; `--next-steps` overrides it."""

from __future__ import annotations

from pathlib import Path

import pytest

from promises_app.services import open_services
from tests.cli_support import run_cli
from tests.reports.pdf_text import flat_text

STORED = "Fältarbetet utökas till helger under hösten."
GIVEN = "Ny trygghetsvandring i Råsunda i oktober."


def _store(path: Path, period: str, text: str) -> int:
    services = open_services(path)
    try:
        agreement = next(a for a in services.agreements.list_agreements() if a.title == "Solna – medborgarlöften 2022")
        services.period_follow_ups.set_next_steps(agreement.id, period, text)
        return agreement.id
    finally:
        services.db.close()


def test_report_followup_prints_the_stored_next_steps_unless_given(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    agreement_id = _store(demo_db, "2022-T2", STORED)
    stored_pdf = tmp_path / "lagrad.pdf"
    code, _out, err = run_cli(capsys, "--db", str(demo_db), "report", "followup", str(agreement_id),
                              "--period", "2022-T2", "-o", str(stored_pdf))
    assert code == 0, err
    assert STORED in flat_text(stored_pdf.read_bytes())

    given_pdf = tmp_path / "angiven.pdf"
    code, _out, err = run_cli(capsys, "--db", str(demo_db), "report", "followup", str(agreement_id),
                              "--period", "2022-T2", "--next-steps", GIVEN, "-o", str(given_pdf))
    assert code == 0, err
    text = flat_text(given_pdf.read_bytes())
    assert GIVEN in text and STORED not in text

    other_pdf = tmp_path / "annan.pdf"  # another period has its own (none)
    code, _out, err = run_cli(capsys, "--db", str(demo_db), "report", "followup", str(agreement_id),
                              "--period", "2022-T1", "-o", str(other_pdf))
    assert code == 0, err
    assert STORED not in flat_text(other_pdf.read_bytes())

"""Issue 13, point 4: a promise's own wording, and parties named by their names, in every document.

A small agreement (tests/reports/builders.make_norrstad) has the police promise "synlig närvaro
vid stationen på helgkvällar" as written beside a promise that continues "… lovar att", a
municipal company promising with the municipality, and Tullverket (a state agency) promising
with the police. Each document is made through the command line, as a municipality makes it,
and read back from its PDF.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from promises_app.services import Services
from promises_app.storage.database import open_database
from tests.cli_support import run_cli
from tests.reports.builders import NORRSTAD_TITLE, make_norrstad
from tests.reports.pdf_text import assert_in_order, flat_text

POLICE_AS_WRITTEN = "Polisen lovar synlig närvaro vid stationen på helgkvällar"
POLICE_CONTINUING = "att öka kontrollerna av mopedtrafiken i centrum"
COMPANY_AND_TOWN = "Norrstads parkeringsbolag och Norrstads kommun lovar att … göra parkeringshusen ljusare och tryggare"
USUAL_PAIR = "Polisen och kommunen lovar att … genomföra trygghetsvandringar med de boende"
CUSTOMS = "Tullverket och Lokalpolisområde Norrstad lovar gemensamma kontroller i hamnen varje månad"


@pytest.fixture(scope="module")
def norrstad_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("norrstad") / "norrstad.sqlite"
    database = open_database(path)
    try:
        make_norrstad(Services(database))
    finally:
        database.close()
    yield path


def _report(capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path, kind: str, *options: str) -> str:
    out = tmp_path / f"{kind}.pdf"
    code, _, err = run_cli(capsys, "--db", str(db), "report", kind, NORRSTAD_TITLE, "-o", str(out), *options)
    assert code == 0, err
    return flat_text(out.read_bytes())


def _shows_the_wording(text: str) -> None:
    assert_in_order(text, [POLICE_AS_WRITTEN, POLICE_CONTINUING, COMPANY_AND_TOWN, USUAL_PAIR, CUSTOMS])
    # The promise written as a whole is never forced into "lovar att …", the heading says it once,
    # and no heading mixes a name with "kommunen".
    assert "lovar att … synlig närvaro" not in text
    assert text.count("Polisen lovar") == 1
    assert "parkeringsbolag och kommunen" not in text and "Tullverket och polisen" not in text


def test_the_agreement_prints_each_promise_as_written(
    capsys: pytest.CaptureFixture[str], norrstad_db: Path, tmp_path: Path
) -> None:
    _shows_the_wording(_report(capsys, norrstad_db, tmp_path, "agreement"))


def test_the_follow_up_report_prints_each_promise_as_written(
    capsys: pytest.CaptureFixture[str], norrstad_db: Path, tmp_path: Path
) -> None:
    text = _report(capsys, norrstad_db, tmp_path, "followup", "--period", "2025-T1", "--today", "2025-05-02")
    _shows_the_wording(text)


def test_the_annual_report_prints_each_promise_as_written(
    capsys: pytest.CaptureFixture[str], norrstad_db: Path, tmp_path: Path
) -> None:
    _shows_the_wording(_report(capsys, norrstad_db, tmp_path, "annual", "--today", "2025-09-02"))

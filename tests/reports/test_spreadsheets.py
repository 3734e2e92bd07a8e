"""Measures and follow-up as CSV and XLSX: the rows, the formats, and formula injection (P14)."""

from __future__ import annotations

import csv
import io
import os
import sqlite3
import subprocess
import sys
import zipfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from promises_app.reports.spreadsheets import (
    COLUMNS,
    FORMULA_TRIGGERS,
    SheetData,
    csv_text,
    is_formula_like,
    measure_rows,
    sheet_name,
    write_csv,
    write_xlsx,
)
from promises_app.services import Services
from tests.cli_support import run_cli

SOLNA = "Solna – medborgarlöften 2022"
BOM = b"\xef\xbb\xbf"

#: Texts a person could type (through the services) that a spreadsheet would run as formulas.
HOSTILE_TITLES = [
    "=1+1",
    '=HYPERLINK("http://x","klick")',
    "+SUM(A1)",
    "-2+3",
    "@SUM(A1)",
    ';"quoted";',
]
HOSTILE_COMMENTS = HOSTILE_TITLES + ["=1+1\nandra raden", "rad ett\n=2+2", "Vanlig text; med \"citat\"\noch radbrytning"]
#: Texts the services would trim or refuse, given to the writers directly.
HOSTILE_RAW = ["\t=1", "\r=1", "\n=1", " =1", "'=1", "-" + "å" * 31_999, "=" + "x;\"\n" * 8_000]


def _solna(services: Services) -> int:
    return next(a.id for a in services.agreements.list_agreements() if a.title == SOLNA)


def _csv_rows(data: bytes) -> list[list[str]]:
    assert data.startswith(BOM)
    return list(csv.reader(io.StringIO(data[len(BOM):].decode("utf-8"), newline=""), delimiter=";"))


def _xlsx(data: bytes) -> Any:
    return openpyxl.load_workbook(io.BytesIO(data), data_only=False).active


def _as_read_back(value: Any) -> Any:
    """A data value as openpyxl reads it back: dates as datetimes at midnight, no empty strings."""
    if value == "":
        return None
    if isinstance(value, date) and not isinstance(value, datetime):
        return datetime.combine(value, datetime.min.time())
    return value


def _csv_expected(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return csv_text(value)
    return str(value)


# --------------------------------------------------------------------------- the data


def test_one_row_per_measure_and_period(demo_services: Services) -> None:
    agreement_id = _solna(demo_services)
    sheet = measure_rows(demo_services, agreement_id)
    measures = demo_services.plan.list_measures(agreement_id)
    periods = [p.label for p in demo_services.agreements.periods(agreement_id)]
    assert periods == ["2022-T1", "2022-T2", "2022-T3"]
    assert sheet.headers == COLUMNS
    assert len(sheet.rows) == len(measures) * len(periods) == 21
    col = {name: i for i, name in enumerate(COLUMNS)}
    assert [(r[col["Åtgärd"]], r[col["Period"]]) for r in sheet.rows] == [
        (m.title, p) for m in measures for p in periods
    ]
    for row in sheet.rows:
        assert len(row) == len(COLUMNS)
        assert row[col["Överenskommelse"]] == SOLNA
        assert isinstance(row[col["Periodens start"]], date)
    recorded = {(f.measure_id, f.period): f for f in demo_services.follow_ups.list_for_agreement(agreement_id)}
    for index, row in enumerate(sheet.rows):
        measure = measures[index // 3]
        follow_up = recorded.get((measure.id, row[col["Period"]]))
        if follow_up is None:  # 2022-T3 has nothing reported yet: empty follow-up cells
            assert row[col["Status"]:] == (None, None, None, None, None)
        else:
            assert row[col["Kommentar"]] == follow_up.comment
            assert row[col["Utfall (antal)"]] == follow_up.count_achieved
            assert isinstance(row[col["Senast ändrad"]], datetime)
    statuses = {r[col["Status"]] for r in sheet.rows}
    assert statuses - {None} <= {"Ej påbörjad", "Pågående", "Genomförd", "Delvis genomförd", "Ej genomförd",
                                 "Inställd/Framflyttad"}
    assert statuses - {None}


# --------------------------------------------------------------------------- CSV


def test_csv_for_swedish_excel(demo_services: Services) -> None:
    agreement_id = _solna(demo_services)
    sheet = measure_rows(demo_services, agreement_id)
    data = write_csv(sheet)
    assert data.startswith(BOM)
    assert data[len(BOM):].split(b"\r\n")[0].decode("utf-8") == ";".join(COLUMNS)
    assert data.endswith(b"\r\n")
    # Every line end outside a quoted field is CRLF (a line break inside a comment stays LF, quoted).
    rows = _csv_rows(data)
    embedded = sum(str(v).count("\n") for row in sheet.rows for v in row if isinstance(v, str))
    assert data.count(b"\r\n") == len(rows) and data.count(b"\n") == len(rows) + embedded
    assert rows[0] == list(COLUMNS)
    assert rows[1:] == [[_csv_expected(v) for v in row] for row in sheet.rows]
    assert len(rows) - 1 == 7 * 3
    titles = {m.title for m in demo_services.plan.list_measures(agreement_id)}
    assert {row[3] for row in rows[1:]} == titles
    assert any(ch in "".join(titles) for ch in "åäö")
    assert rows[1][7] == "2022-01-01" and rows[1][12:14] == ["2022-01-01", "2022-04-30"]


def test_csv_numbers_dates_and_quoting() -> None:
    sheet = SheetData(
        title="t",
        headers=("a", "b", "c", "d", "e", "f", "g", "h", "i"),
        rows=(
            (2.5, 3.0, 7, -4, Decimal("1.25"), date(2022, 6, 30), datetime(2022, 6, 30, 14, 5, 9),
             "a;b", 'sa "hej"'),
            (None, "", -0.75, 0, 1_000_000, None, None, "rad 1\nrad 2", "slut"),
        ),
    )
    data = write_csv(sheet)
    assert data.decode("utf-8-sig").splitlines()[1] == (
        '2,5;3;7;-4;1,25;2022-06-30;2022-06-30 14:05:09;"a;b";"sa ""hej"""'
    )
    assert _csv_rows(data)[1:] == [
        ["2,5", "3", "7", "-4", "1,25", "2022-06-30", "2022-06-30 14:05:09", "a;b", 'sa "hej"'],
        ["", "", "-0,75", "0", "1000000", "", "", "rad 1\nrad 2", "slut"],
    ]


# --------------------------------------------------------------------------- XLSX


def test_xlsx_reads_back(demo_services: Services) -> None:
    sheet = measure_rows(demo_services, _solna(demo_services))
    data = write_xlsx(sheet)
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    assert workbook.sheetnames == [SOLNA]
    worksheet = workbook.active
    rows = list(worksheet.iter_rows(values_only=True))
    assert rows[0] == COLUMNS
    assert rows[1:] == [tuple(_as_read_back(v) for v in row) for row in sheet.rows]
    assert worksheet.freeze_panes == "A2"
    assert worksheet.auto_filter.ref == f"A1:S{len(sheet.rows) + 1}"
    assert all(cell.font.bold for cell in worksheet[1])
    second = {header: cell for header, cell in zip(COLUMNS, worksheet[2], strict=True)}
    for header in ("Startdatum", "Klart senast", "Periodens start", "Periodens slut"):
        assert second[header].is_date and second[header].number_format == "yyyy-mm-dd"
    assert second["Senast ändrad"].is_date
    counts = [c for c in worksheet["Q"][1:] if c.value is not None]
    assert counts and all(c.data_type == "n" and isinstance(c.value, int) for c in counts)
    assert all(worksheet.column_dimensions[letter].width >= 8 for letter in "ABCDEFGHIJKLMNOPQRS")
    assert workbook.properties.creator == "Medborgarlöften"


def test_xlsx_is_the_same_bytes_for_the_same_data(demo_services: Services) -> None:
    sheet = measure_rows(demo_services, _solna(demo_services))
    first = write_xlsx(sheet)
    assert write_xlsx(sheet) == first
    assert {info.date_time for info in zipfile.ZipFile(io.BytesIO(first)).infolist()} == {
        max(v for row in sheet.rows for v in row if isinstance(v, datetime)).timetuple()[:6]
    }


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Solna – medborgarlöften 2022", "Solna – medborgarlöften 2022"),
        ("Samverkansöverenskommelse mellan Solna stad och lokalpolisområde Solna 2022–2024",
         "Samverkansöverenskommelse mella"),
        ("a/b\\c?d*e[f]g:h", "a-b-c-d-e-f-g-h"),
        ("'citat'", "citat"),
        ("   ", "Åtgärder"),
        ("History", "Åtgärder"),
        ("x" * 30 + " y", "x" * 30),
    ],
)
def test_sheet_name_follows_excels_rules(title: str, expected: str) -> None:
    assert sheet_name(title) == expected
    assert len(sheet_name(title)) <= 31


def test_openpyxl_is_not_imported_with_the_module() -> None:
    code = "import sys, promises_app.reports.spreadsheets; print('openpyxl' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])})
    assert result.stdout.strip() == "False"


# --------------------------------------------------------------------------- formula injection (P14)


@pytest.fixture
def hostile(services: Services) -> tuple[int, list[str]]:
    """A draft agreement whose measure titles and follow-up comments are formula-like texts."""
    police = services.register.create_organisation(name="LPO Exempelstad", kind="police")
    agreement = services.agreements.create_agreement(
        kind="citizen_promise", title="=Exempel 2022", start_date="2022-01-01", end_date="2022-12-31",
        reporting_scheme="tertial",
    )
    services.agreements.add_party(agreement.id, organisation_id=police.id)
    promise = services.plan.create_promise(agreement.id, text="@lova", maker_ids=[police.id])
    texts = []
    for index, comment in enumerate(HOSTILE_COMMENTS):
        title = HOSTILE_TITLES[index % len(HOSTILE_TITLES)] + ("" if index < len(HOSTILE_TITLES) else f" {index}")
        measure = services.plan.create_measure(promise_id=promise.id, title=title, responsible_id=police.id,
                                               target_count=3, target_unit="-enheter")
        services.follow_ups.record(measure.id, period="2022-T2", status="in_progress", comment=comment,
                                   count_achieved=0)
        texts += [title, comment]
    return agreement.id, texts


def test_hostile_text_in_csv_is_text(services: Services, hostile: tuple[int, list[str]]) -> None:
    agreement_id, texts = hostile
    sheet = measure_rows(services, agreement_id)
    rows = _csv_rows(write_csv(sheet))
    fields = [field for row in rows[1:] for field in row]
    for text in texts:
        assert is_formula_like(text) == text.startswith(("=", "+", "-", "@"))
        expected = "'" + text if is_formula_like(text) else text
        assert expected in fields, text
    assert "'=Exempel 2022" in fields and "'@lova" in fields and "'-enheter" in fields
    for field in fields:  # nothing reaches Excel that starts a formula
        assert not field.startswith(FORMULA_TRIGGERS), field
    assert rows[1:] == [[_csv_expected(v) for v in row] for row in sheet.rows]


def test_hostile_text_in_xlsx_is_a_string_cell(services: Services, hostile: tuple[int, list[str]]) -> None:
    agreement_id, texts = hostile
    data = write_xlsx(measure_rows(services, agreement_id))
    worksheet = _xlsx(data)
    cells = {cell.value: cell for row in worksheet.iter_rows(min_row=2) for cell in row if cell.value is not None}
    for text in texts + ["=Exempel 2022", "@lova", "-enheter"]:
        cell = cells[text]
        assert cell.data_type == "s", text
        assert cell.quotePrefix == is_formula_like(text), text
    assert all(cell.data_type != "f" for cell in cells.values())
    _assert_no_formula_in_xml(data)
    assert openpyxl.load_workbook(io.BytesIO(data)).sheetnames == ["=Exempel 2022"]


@pytest.mark.parametrize("text", HOSTILE_RAW + HOSTILE_TITLES + HOSTILE_COMMENTS)
def test_texts_the_services_would_trim_are_safe_too(text: str) -> None:
    sheet = SheetData(title=text, headers=("Text", "Tal"), rows=((text, -3), (text + "!", -2.5)))
    fields = _csv_rows(write_csv(sheet))
    assert fields[1] == [csv_text(text), "-3"] and fields[2] == [csv_text(text + "!"), "-2,5"]
    assert fields[1][0] == ("'" + text if text.startswith(FORMULA_TRIGGERS) else text)

    data = write_xlsx(sheet)
    worksheet = _xlsx(data)
    for row, original in ((2, text), (3, text + "!")):
        cell = worksheet.cell(row=row, column=1)
        assert (cell.data_type, cell.value) == ("s", original)
        assert cell.quotePrefix == original.startswith(FORMULA_TRIGGERS)
    assert worksheet.cell(row=2, column=2).value == -3 and worksheet.cell(row=2, column=2).data_type == "n"
    assert worksheet.cell(row=3, column=2).value == -2.5
    _assert_no_formula_in_xml(data)


def _assert_no_formula_in_xml(data: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in sheet_xml and b"<f " not in sheet_xml and b't="str"' not in sheet_xml


_XML_ILLEGAL = {chr(c) for c in [*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20)]}


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(
    texts=st.lists(st.text(max_size=40), min_size=1, max_size=6),
    prefix=st.sampled_from(["", *FORMULA_TRIGGERS, "'", " ", "\n"]),
    numbers=st.lists(st.integers(-10**9, 10**9) | st.floats(allow_nan=False, allow_infinity=False,
                                                              width=32), max_size=3),
)
def test_any_text_is_text_in_both_formats(texts: list[str], prefix: str, numbers: list[float]) -> None:
    texts = [prefix + t for t in texts]
    row = tuple(texts) + tuple(numbers)
    sheet = SheetData(title="".join(texts), headers=tuple(f"k{i}" for i in range(len(row))), rows=(row,))

    fields = _csv_rows(write_csv(sheet))[1]
    for field, text in zip(fields, texts, strict=False):
        assert not field.startswith(FORMULA_TRIGGERS)
        assert field == ("'" + text if text.startswith(FORMULA_TRIGGERS) else text)
    for field, number in zip(fields[len(texts):], numbers, strict=True):
        assert float(field.replace(",", ".")) == number

    data = write_xlsx(sheet)
    _assert_no_formula_in_xml(data)
    cells = list(_xlsx(data)[2])
    for cell, text in zip(cells, texts, strict=False):
        shown = "".join("\ufffd" if ch in _XML_ILLEGAL else ch for ch in text)
        if text == "":
            assert cell.value is None
        else:
            assert (cell.data_type, cell.value) == ("s", shown)
    for cell, number in zip(cells[len(texts):], numbers, strict=True):
        # openpyxl writes 16 significant digits (Excel itself keeps 15).
        assert cell.data_type == "n" and cell.value == pytest.approx(number, rel=1e-15, abs=0)


# --------------------------------------------------------------------------- a period that vanished


def test_follow_up_of_a_period_the_agreement_no_longer_has_is_kept(services: Services, db_path: Path) -> None:
    police = services.register.create_organisation(name="LPO Exempelstad", kind="police")
    agreement = services.agreements.create_agreement(
        kind="citizen_promise", title="Exempel", start_date="2022-01-01", end_date="2022-12-31",
        reporting_scheme="tertial",
    )
    services.agreements.add_party(agreement.id, organisation_id=police.id)
    promise = services.plan.create_promise(agreement.id, text="lova", maker_ids=[police.id])
    measure = services.plan.create_measure(promise_id=promise.id, title="Vandring", responsible_id=police.id)
    record = services.follow_ups.record(measure.id, period="2022-T3", status="done", comment="klart")
    with sqlite3.connect(db_path) as connection:  # what no service allows: a stranded period
        connection.execute("UPDATE follow_ups SET period = '2021-T3' WHERE id = ?", (record.id,))
    sheet = measure_rows(services, agreement.id)
    assert [(r[11], r[12], r[13], r[17]) for r in sheet.rows] == [
        ("2022-T1", date(2022, 1, 1), date(2022, 4, 30), None),
        ("2022-T2", date(2022, 5, 1), date(2022, 8, 31), None),
        ("2022-T3", date(2022, 9, 1), date(2022, 12, 31), None),
        ("2021-T3", date(2021, 9, 1), date(2021, 12, 31), "klart"),
    ]


# --------------------------------------------------------------------------- command line


@pytest.mark.parametrize("command", ["export-csv", "export-xlsx"])
def test_cli_writes_the_sheet(demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                              command: str) -> None:
    target = tmp_path / f"solna.{command.split('-')[1]}"
    code, out, err = run_cli(capsys, "--db", str(demo_db), command, "Solna – medborgarlöften", "-o", str(target))
    assert (code, err) == (0, "")
    assert f'"{SOLNA}"' in out and "21 rader" in out and str(target) in out
    data = target.read_bytes()
    if command == "export-csv":
        assert len(_csv_rows(data)) == 22
    else:
        assert _xlsx(data).max_row == 22
    if os.name == "posix":
        assert target.stat().st_mode & 0o777 == 0o600
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("command", ["export-csv", "export-xlsx"])
def test_cli_unknown_agreement_writes_nothing(demo_db: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str], command: str) -> None:
    target = tmp_path / "ut.fil"
    before = set(tmp_path.iterdir())
    code, out, err = run_cli(capsys, "--db", str(demo_db), command, "Finns inte", "-o", str(target))
    assert code == 1 and out == ""
    assert "Ingen överenskommelse matchar 'Finns inte'" in err
    assert not target.exists()
    assert set(tmp_path.iterdir()) == before

"""Importing indicator values from CSV and XLSX (docs/reliability.md, P14): preview, then all or nothing.

Good files (Swedish Excel CSV, comma CSV, a workbook) import; a corpus of bad files each gives a
clear error naming line and column, and leaves the database exactly as it was.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Callable
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy import event

from promises_app.domain.indicators import Direction, IndicatorSource, Sex
from promises_app.services import Services
from promises_app.services import indicator_import as importer
from promises_app.services.indicator_import import IndicatorImportError, RowError
from promises_app.storage import models as m

HEADER = "Indikator;Period;Kön;Värde;Kategori;Källa;Enhet;Riktning;Område"
GOOD_ROWS = [
    "Anmälda skadegörelsebrott;2021;;1 310;Skadegörelse;Anmälda brott;antal;Lägre är bättre;",
    "Anmälda skadegörelsebrott;2022;;1 190;Skadegörelse;Anmälda brott;antal;Lägre är bättre;",
    "Andel som känner sig trygga;2021;Kvinnor;52,5;Trygghet;Polisens trygghetsmätning;procent;Högre är bättre;Hagalund",
    "Andel som känner sig trygga;2021;Män;61,25;Trygghet;Polisens trygghetsmätning;procent;Högre är bättre;Hagalund",
    "Andel som känner sig trygga;2021;Totalt;57;;;;;",
    "Andel som känner sig trygga;2022-t2;;64;;;;;",
]


def _csv(*rows: str, header: str = HEADER, bom: bool = True, newline: str = "\r\n") -> bytes:
    text = newline.join([header, *rows]) + newline
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")


def _xlsx(rows: list[list[Any]], formats: dict[str, str] | None = None) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    for cell, number_format in (formats or {}).items():
        sheet[cell].number_format = number_format
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _zip(members: dict[str, bytes | int]) -> bytes:
    """A zip archive; an int member is that many zero bytes, written in chunks (a zip bomb)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            if isinstance(content, bytes):
                archive.writestr(name, content)
                continue
            with archive.open(name, "w", force_zip64=True) as member:
                chunk = bytes(1 << 20)
                for _ in range(content >> 20):
                    member.write(chunk)
    return buffer.getvalue()


def _values(services: Services, name: str) -> list[tuple[str, Sex, float]]:
    indicator = next(i for i in services.indicators.list_indicators() if i.name == name)
    return [(v.period, v.sex, v.value) for v in services.indicators.list_values(indicator.id)]


# --- good files -------------------------------------------------------------------------------
def test_a_swedish_excel_csv_imports(services: Services) -> None:
    preview = services.indicator_import.preview(_csv(*GOOD_ROWS), "indikatorer.csv")
    assert preview.ok, preview.error_lines()
    assert (preview.kind, len(preview.rows)) == ("CSV", 6)
    assert [r.line for r in preview.rows] == [2, 3, 4, 5, 6, 7]
    assert preview.rows[5].period == "2022-T2" and preview.rows[2].sex is Sex.WOMEN
    created = {new.name: new for new in preview.new_indicators}
    assert set(created) == {"Anmälda skadegörelsebrott", "Andel som känner sig trygga"}
    safe = created["Andel som känner sig trygga"]
    assert (safe.source, safe.direction, safe.unit, safe.area, safe.split_by_sex) == (
        IndicatorSource.POLICE_SURVEY, Direction.HIGHER_IS_BETTER, "procent", "Hagalund", True,
    )
    assert not created["Anmälda skadegörelsebrott"].split_by_sex
    summary = "\n".join(preview.summary_lines())
    assert "6 värden för 2 indikatorer" in summary and "Nya indikatorer som skapas (2)" in summary
    assert services.indicators.list_indicators() == []  # a preview writes nothing

    result = services.indicator_import.commit(preview)
    assert (result.indicators_created, result.values_inserted, result.values_replaced) == (2, 6, 0)
    assert result.backup is None  # the database was empty
    assert _values(services, "Andel som känner sig trygga") == [
        ("2021", Sex.TOTAL, 57.0), ("2021", Sex.WOMEN, 52.5), ("2021", Sex.MEN, 61.25), ("2022-T2", Sex.TOTAL, 64.0),
    ]
    assert _values(services, "Anmälda skadegörelsebrott") == [("2021", Sex.TOTAL, 1310.0), ("2022", Sex.TOTAL, 1190.0)]
    assert services.maintenance.check().ok


def test_a_comma_separated_csv_with_decimal_points_imports(services: Services) -> None:
    data = _csv('Rån,2022,"12,5"', "Rån,2023,11.25", "Rån,2024,-3", header="indikator,PERIOD,varde", bom=False,
                newline="\n")
    preview = services.indicator_import.preview(data, "ran.txt")
    assert preview.ok, preview.error_lines()
    services.indicator_import.commit(preview)
    assert _values(services, "Rån") == [("2022", Sex.TOTAL, 12.5), ("2023", Sex.TOTAL, 11.25), ("2024", Sex.TOTAL, -3.0)]


def test_an_xlsx_workbook_imports(services: Services) -> None:
    data = _xlsx(
        [
            ["Indikator", "Period", "Värde", "Kön", "Enhet", "Riktning"],
            ["Andel trygga", "2022", 0.57, "Kvinnor", "procent", "Högre är bättre"],
            ["Andel trygga", 2022, 0.64, "Män", None, None],
            [],
            ["Anmälda stölder", 2023.0, 1234, None, "antal", None],
            ["Anmälda stölder", "2024-H1", "612,5", "", "", ""],
        ],
        formats={"C2": "0%", "C3": "0.0 %"},
    )
    preview = services.indicator_import.preview(data, "trygghet.xlsx")
    assert preview.ok, preview.error_lines()
    assert preview.kind == "XLSX" and [r.line for r in preview.rows] == [2, 3, 5, 6]
    services.indicator_import.commit(preview)
    assert _values(services, "Andel trygga") == [("2022", Sex.WOMEN, 57.0), ("2022", Sex.MEN, 64.0)]
    assert _values(services, "Anmälda stölder") == [("2023", Sex.TOTAL, 1234.0), ("2024-H1", Sex.TOTAL, 612.5)]


def test_values_are_replaced_and_existing_indicators_reused(demo_services: Services) -> None:
    indicator = demo_services.indicators.create_indicator(name="Anmälda skadegörelsebrott", unit="antal")
    demo_services.indicators.set_value(indicator.id, period="2021", value=1300)
    demo_services.indicators.set_value(indicator.id, period="2020", value=1400)
    data = _csv("anmälda skadegörelsebrott;2021;1310", "ANMÄLDA SKADEGÖRELSEBROTT;2020;1400", "Anmälda skadegörelsebrott;2022;1190",
                header="Indikator;Period;Värde")
    preview = demo_services.indicator_import.preview(data, "brott.csv")
    assert preview.ok and preview.new_indicators == ()
    assert [(r.indicator, r.replaces) for r in preview.rows] == [
        ("Anmälda skadegörelsebrott", 1300.0), ("Anmälda skadegörelsebrott", 1400.0), ("Anmälda skadegörelsebrott", None),
    ]
    assert preview.replaced == 1
    backups_before = demo_services.db.backups()
    result = demo_services.indicator_import.commit(preview)
    assert (result.values_inserted, result.values_replaced, result.values_unchanged) == (1, 1, 1)
    assert _values(demo_services, "Anmälda skadegörelsebrott") == [
        ("2020", Sex.TOTAL, 1400.0), ("2021", Sex.TOTAL, 1310.0), ("2022", Sex.TOTAL, 1190.0),
    ]
    backups = demo_services.db.backups()
    if not demo_services.db.keeps_backups:  # a server: its own backups apply, and the import goes ahead
        assert result.backup is None and backups == backups_before == []
        return
    # A checked backup was made first, holding the database as it was before the import.
    assert len(backups) == len(backups_before) + 1
    assert backups[0].reason == "import" and backups[0].path == result.backup
    assert backups[0].agreements == 3


# --- bad files: a clear error with line and column, and an unchanged database -----------------
def _ten_thousand_rows_with_a_bad_number_at_9999() -> bytes:
    rows = [f"Anmälda brott i område {n % 50};{2000 + n // 50};{n},5" for n in range(2, 10_001)]
    rows[9_999 - 2] = "Anmälda brott i område X;2022;12,3,4"
    return _csv(*rows, header="Indikator;Period;Värde")


BAD_FILES: dict[str, tuple[Callable[[], bytes], str, int, str, str]] = {
    # name: (file, file name, line, column, words in the message)
    "latin-1": (lambda: "Indikator;Period;Varde\r\nRån;2021;3\r\nSkadegörelse i Högby;2022;4\r\n".encode("latin-1"),
                "brott.csv", 2, "Indikator", "inte sparad som UTF-8"),
    "cp1252 header": (lambda: "Indikator;Period;Värde\r\nRån;2021;3\r\n".encode("cp1252"), "brott.csv", 1, "",
                      "tecknet 'ä' (byte 0xE4)"),
    "cp1252 in a cell": (lambda: b"Indikator;Period;V\xc3\xa4rde\r\nR\xc3\xa5n;2021;3\r\nSkadeg\xf6relse;2022;4\r\n",
                         "brott.csv", 3, "Indikator", "tecknet 'ö' (byte 0xF6)"),
    "utf-16": (lambda: "Indikator;Period;Värde\r\nRån;2021;3\r\n".encode("utf-16"), "brott.csv", 1, "", "UTF-16"),
    "utf-16 without BOM": (lambda: "Indikator;Period;Värde\r\nRån;2021;3\r\n".encode("utf-16-le"), "brott.csv", 1, "",
                           "UTF-16"),
    "ragged, fewer cells": (lambda: _csv("Rån;2021;3", "Rån;2022", "Rån;2023;5", header="Indikator;Period;Värde"),
                            "brott.csv", 3, "", "Raden har 2 celler men rubrikraden har 3"),
    "ragged, more cells": (lambda: _csv("Rån;2021;3", "Rån;2022;4;5", header="Indikator;Period;Värde"),
                           "brott.csv", 3, "", "Raden har 4 celler"),
    "bad number at row 9 999": (_ten_thousand_rows_with_a_bad_number_at_9999, "stor.csv", 9_999, "Värde",
                                "'12,3,4' är inget tal."),
    "missing required header": (lambda: _csv("Rån;2021", header="Indikator;Period"), "brott.csv", 1, "Värde",
                                "Kolumnen Värde saknas"),
    "unknown header": (lambda: _csv("Rån;2021;3;x", header="Indikator;Period;Värde;Färg"), "brott.csv", 1, "Färg",
                       "Okänd kolumn 'Färg'"),
    "header twice": (lambda: _csv("Rån;2021;3;4", header="Indikator;Period;Värde;värde"), "brott.csv", 1, "Värde",
                     "finns två gånger"),
    "unclosed quote": (lambda: _csv("Rån;2021;3", '"Rån;2022;4', "Rån;2023;5", header="Indikator;Period;Värde"),
                       "brott.csv", 3, "", "stängs aldrig"),
    "NUL in a cell": (lambda: _csv("Rån;2021;3", "R\x00n;2022;4", header="Indikator;Period;Värde"), "brott.csv", 3,
                      "Indikator", "U+0000"),
    "empty required cell": (lambda: _csv("Rån;2021;3", "Rån;;4", header="Indikator;Period;Värde"), "brott.csv", 3,
                            "Period", "Cellen är tom"),
    "bad period": (lambda: _csv("Rån;2022-Q5;3", header="Indikator;Period;Värde"), "brott.csv", 2, "Period",
                   "Okänd period: '2022-Q5'"),
    "bad sex": (lambda: _csv("Rån;2022;3;Barn", header="Indikator;Period;Värde;Kön"), "brott.csv", 2, "Kön",
                "'Barn' känns inte igen"),
    "duplicate in the file": (lambda: _csv("Rån;2022;3", "Rån;2021;3", "rån;2022;4", header="Indikator;Period;Värde"),
                              "brott.csv", 4, "Period", "Rån, 2022, totalt: finns redan på rad 2"),
    "new indicator said two ways": (lambda: _csv("Rån;2021;3;antal", "Rån;2022;4;procent",
                                                 header="Indikator;Period;Värde;Enhet"),
                                    "brott.csv", 3, "Enhet", "skiljer sig från 'antal' på rad 2"),
    "sex for an indicator not split by sex": (lambda: _csv("Befintlig;2022;3;Kvinnor", header="Indikator;Period;Värde;Kön"),
                                              "brott.csv", 2, "Kön", "inte uppdelad på kön"),
    "differs from the register": (lambda: _csv("Befintlig;2022;3;Högre är bättre",
                                               header="Indikator;Period;Värde;Riktning"),
                                  "brott.csv", 2, "Riktning", "stämmer inte med indikatorn Befintlig i registret"),
    "xlsx zip bomb (300 MB)": (lambda: _zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>",
                                             "xl/worksheets/sheet1.xml": 300 << 20}),
                               "bomb.xlsx", 0, "", "zip-bomb"),
    "xlsx member compressed 1000:1": (lambda: _zip({"xl/workbook.xml": b"<workbook/>",
                                                    "xl/worksheets/sheet1.xml": 5 << 20}),
                                      "bomb.xlsx", 0, "", "packad mer än 100:1"),
    "random bytes named .xlsx": (lambda: os.urandom(4096), "indikatorer.xlsx", 0, "", "ingen Excel-arbetsbok"),
    "a zip that is no workbook": (lambda: _zip({"hello.txt": b"hej"}), "indikatorer.xlsx", 0, "", "ingen Excel-arbetsbok"),
    "a broken workbook": (lambda: _zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook"}),
                          "indikatorer.xlsx", 0, "", "kan inte läsas som Excel-arbetsbok"),
    "old .xls": (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "indikatorer.xls", 0, "", "(.xls)"),
    "empty file": (lambda: b"", "indikatorer.csv", 0, "", "Filen är tom."),
    "only a BOM": (lambda: b"\xef\xbb\xbf", "indikatorer.csv", 0, "", "Filen är tom."),
    "blank header": (lambda: b";;\r\nR\xc3\xa5n;2021;3\r\n", "indikatorer.csv", 1, "", "Rubrikraden är tom"),
    "header only": (lambda: _csv(header="Indikator;Period;Värde"), "indikatorer.csv", 0, "", "inga värden"),
    "over 20 MB": (lambda: b"Indikator;Period;V\xc3\xa4rde\n" + b"x" * (20 << 20), "stor.csv", 0, "", "för stor"),
    "xlsx bad cell": (lambda: _xlsx([["Indikator", "Period", "Värde"], ["Rån", "2022", "tolv"]]), "a.xlsx", 2, "Värde",
                      "'tolv' är inget tal."),
}


@pytest.mark.parametrize("case", BAD_FILES, ids=list(BAD_FILES))
def test_a_bad_file_is_refused_with_line_and_column_and_changes_nothing(
    demo_services: Services, snapshot: Callable[[], Any], case: str
) -> None:
    make, file_name, line, column, words = BAD_FILES[case]
    demo_services.indicators.create_indicator(name="Befintlig", unit="antal")
    before, backups = snapshot(), demo_services.db.backups()
    preview = demo_services.indicator_import.preview(make(), file_name)
    assert not preview.ok
    first = preview.errors[0]
    assert (first.line, first.column) == (line, column), preview.error_lines()
    assert words in first.message, first.message
    with pytest.raises(IndicatorImportError) as caught:
        demo_services.indicator_import.commit(preview)
    assert str(first) in str(caught.value)
    assert snapshot() == before
    assert demo_services.db.backups() == backups


def test_the_message_names_line_and_column_in_swedish() -> None:
    assert str(RowError(9_999, "Värde", "'12,3,4' är inget tal.")) == "Rad 9 999, kolumn Värde: '12,3,4' är inget tal."
    assert str(RowError(12_345_678, "", "x")) == "Rad 12 345 678: x"
    assert str(RowError(0, "", "Filen är tom.")) == "Filen är tom."


def test_the_bad_number_at_row_9999_is_the_only_error(services: Services) -> None:
    preview = services.indicator_import.preview(_ten_thousand_rows_with_a_bad_number_at_9999(), "stor.csv")
    assert preview.error_lines() == ["Rad 9 999, kolumn Värde: '12,3,4' är inget tal."]


def test_every_error_is_collected_up_to_a_limit(services: Services, snapshot: Callable[[], Any]) -> None:
    rows = [f"Rån;{2000 + n % 900};x{n}" for n in range(300)]
    preview = services.indicator_import.preview(_csv(*rows, header="Indikator;Period;Värde"), "fel.csv")
    assert (len(preview.errors), preview.more_errors, preview.error_count) == (200, 100, 300)
    assert preview.errors[0] == RowError(2, "Värde", "'x0' är inget tal.")
    assert preview.error_lines()[-1] == "… och 100 fel till."
    with pytest.raises(IndicatorImportError, match="… och 100 fel till"):
        services.indicator_import.commit(preview)


def test_too_many_rows_are_refused(services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importer, "MAX_DATA_ROWS", 50)
    rows = [f"Rån;{1950 + n};{n}" for n in range(51)]
    preview = services.indicator_import.preview(_csv(*rows, header="Indikator;Period;Värde"), "lang.csv")
    assert [(e.line, e.column) for e in preview.errors] == [(52, "")]
    assert "fler än 50 datarader" in preview.errors[0].message


# --- commit: backup first, one transaction ----------------------------------------------------
def test_a_failure_in_the_middle_of_the_commit_writes_nothing(
    demo_services: Services, snapshot: Callable[[], Any]
) -> None:
    """Fault injection: the 5th value insert raises (as a full disk would) → database as before."""
    preview = demo_services.indicator_import.preview(_csv(*GOOD_ROWS), "indikatorer.csv")
    inserted = []

    def fail_on_fifth(*_: Any) -> None:
        inserted.append(1)
        if len(inserted) == 5:
            raise OSError("disk full")

    before = snapshot()
    event.listen(m.IndicatorValue, "before_insert", fail_on_fifth)
    try:
        with pytest.raises(OSError, match="disk full"):
            demo_services.indicator_import.commit(preview)
    finally:
        event.remove(m.IndicatorValue, "before_insert", fail_on_fifth)
    assert len(inserted) == 5
    assert snapshot() == before
    # The same preview commits once the fault is gone.
    assert demo_services.indicator_import.commit(preview).values_inserted == 6


def test_commit_rechecks_the_register_it_writes_into(services: Services, snapshot: Callable[[], Any]) -> None:
    """The register changed between preview and commit: refused as a whole, nothing written."""
    preview = services.indicator_import.preview(_csv(*GOOD_ROWS), "indikatorer.csv")
    services.indicators.create_indicator(name="Andel som känner sig trygga", split_by_sex=False)
    before = snapshot()
    with pytest.raises(IndicatorImportError) as caught:
        services.indicator_import.commit(preview)
    assert [(e.line, e.column) for e in caught.value.errors] == [(4, "Kön"), (5, "Kön")]
    assert snapshot() == before

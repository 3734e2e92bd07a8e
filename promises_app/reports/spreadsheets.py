"""Measures and their follow-up as a spreadsheet: CSV for Swedish Excel, and XLSX.

One row per measure *and* reporting period of the agreement, so the sheet pivots well
(status per period, counts per responsible party, …). A period without a recorded follow-up
still has its row, with empty follow-up cells: "nothing reported" is visible, not missing.

The builder (:func:`measure_rows`) is pure data from the services; the two writers only
format it. Values keep their Python types in :class:`SheetData` (date, datetime, int, float,
str, None) and each writer decides how a type is written.

Formula injection (docs/reliability.md, P14). Every text in the sheet is user data, and a
spreadsheet program evaluates a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and,
after trimming, one that starts with a tab or carriage return) as a formula: a measure
titled ``=HYPERLINK("http://x","klick")`` would become a live link, and worse is possible.
So text starting with one of :data:`FORMULA_TRIGGERS` is written as text that is never
evaluated:

* CSV has no cell types, so such text gets a single quote in front (``'=1+1``), as OWASP
  recommends. Excel then treats it as text; the quote is visible in the cell. That is the
  documented price: the exact original text is the field without its first ``'`` whenever the
  field's second character is one of the triggers.
* XLSX has real string cells: such text is written as a string cell (``t="inlineStr"``, never
  ``<f>``) with its exact original text, and with the ``quotePrefix`` style so Excel keeps it
  text even after someone edits the cell.

Numbers are not text: a negative number stays a number in both formats.

openpyxl is imported inside :func:`write_xlsx` only, so the window starts without it.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from promises_app.domain.periods import PeriodLabelError, parse_label
from promises_app.domain.vocabulary import swedish

if TYPE_CHECKING:
    from _typeshed import SizedBuffer, StrPath
    from openpyxl.cell.cell import Cell as SheetCell
    from openpyxl.cell.cell import MergedCell

    from promises_app.services import Services
    from promises_app.services.records import FollowUpRecord

__all__ = [
    "COLUMNS",
    "FORMULA_TRIGGERS",
    "Cell",
    "SheetData",
    "csv_text",
    "is_formula_like",
    "measure_rows",
    "sheet_name",
    "write_csv",
    "write_xlsx",
]

#: What one cell of the data may hold; the writers format each type.
Cell = str | int | float | Decimal | date | datetime | None

#: The columns, in order (Swedish headers, as the sheet shows them).
COLUMNS: tuple[str, ...] = (
    "Överenskommelse",
    "Löfte",
    "Fokusområde",
    "Åtgärd",
    "Ansvarig",
    "Deltar",
    "Kontaktperson",
    "Startdatum",
    "Klart senast",
    "Mål (antal)",
    "Enhet",
    "Period",
    "Periodens start",
    "Periodens slut",
    "Status",
    "Trafikljus",
    "Utfall (antal)",
    "Kommentar",
    "Senast ändrad",
)

#: First characters that make a spreadsheet program read a cell as a formula (OWASP's list).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

#: How the CSV neutralises such text: this character in front of it.
CSV_TEXT_PREFIX = "'"

#: Excel's limits for a sheet's name: 31 characters, none of these, no ' at either end.
SHEET_NAME_MAX = 31
_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_DEFAULT_SHEET_NAME = "Åtgärder"

#: Characters XML 1.0 cannot hold (openpyxl refuses them). The services never store them
#: (control characters are refused on input: docs/reliability.md, P13); should one arrive anyway it
#: is written as U+FFFD rather than breaking the export.
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
REPLACEMENT = "\ufffd"

#: The fixed time stamped on the XLSX (properties and zip entries) when the data has no
#: change time: the same data always gives the same bytes.
_FALLBACK_MOMENT = datetime(2000, 1, 1)
CREATOR = "Medborgarlöften"


@dataclass(frozen=True)
class SheetData:
    """A table: a title (the agreement's, which names the sheet), headers and typed rows."""

    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


# --------------------------------------------------------------------------- the data


def measure_rows(services: Services, agreement_id: int) -> SheetData:
    """The agreement's measures with their follow-ups: one row per measure and period.

    Rows come in plan order (promise, then measure) and, within a measure, in period order.
    A follow-up recorded under a period the agreement no longer has (its dates changed after
    the follow-up was recorded) is not dropped: it gets a row after the agreement's periods,
    with that period's calendar dates. "Senast ändrad" is in local time, to the second.
    """
    agreement = services.agreements.get_agreement(agreement_id)
    periods = services.agreements.periods(agreement_id)
    promises = {p.id: p.text for p in services.plan.list_promises(agreement_id)}
    recorded: dict[int, dict[str, FollowUpRecord]] = {}
    for entry in services.follow_ups.list_for_agreement(agreement_id):
        recorded.setdefault(entry.measure_id, {})[entry.period] = entry

    known = {p.label for p in periods}
    rows: list[tuple[Cell, ...]] = []
    for measure in services.plan.list_measures(agreement_id):
        plan: tuple[Cell, ...] = (
            agreement.title,
            promises.get(measure.promise_id, ""),
            measure.focus_area_name,
            measure.title,
            measure.responsible_name,
            ", ".join(measure.participant_names),
            measure.contact_name,
            measure.start_date,
            measure.deadline,
            measure.target_count,
            measure.target_unit,
        )
        follow_ups = recorded.get(measure.id, {})
        slots: list[tuple[str, date | None, date | None]] = [(p.label, p.start, p.end) for p in periods]
        slots += [(label, *_calendar_dates(label)) for label in sorted(set(follow_ups) - known)]
        for label, start, end in slots:
            follow_up = follow_ups.get(label)
            outcome: tuple[Cell, ...] = (None, None, None, None, None)
            if follow_up is not None:
                outcome = (
                    swedish(follow_up.status),
                    swedish(follow_up.light),
                    follow_up.count_achieved,
                    follow_up.comment,
                    _local_time(follow_up.updated_at),
                )
            rows.append(plan + (label, start, end) + outcome)
    return SheetData(title=agreement.title, headers=COLUMNS, rows=tuple(rows))


def _calendar_dates(label: str) -> tuple[date | None, date | None]:
    try:
        _scheme, first, last = parse_label(label)
    except PeriodLabelError:
        return None, None
    return first, last


def _local_time(moment: datetime) -> datetime:
    """A stored (naive, UTC) time as the local wall-clock time a person expects to read."""
    return moment.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


# --------------------------------------------------------------------------- injection


def is_formula_like(text: str) -> bool:
    """True when a spreadsheet program would read ``text`` as a formula (see the module doc)."""
    return text.startswith(FORMULA_TRIGGERS)


def csv_text(text: str) -> str:
    """``text`` as a CSV field that Excel shows as text: a ``'`` in front of formula-like text."""
    return CSV_TEXT_PREFIX + text if is_formula_like(text) else text


# --------------------------------------------------------------------------- CSV


def write_csv(sheet: SheetData) -> bytes:
    """The sheet as CSV for Swedish Excel.

    UTF-8 with a byte order mark (so Excel reads å ä ö), ``;`` between fields (Excel's list
    separator in Swedish), CRLF line ends, fields with ``;``, quotes or line breaks quoted
    (the ``csv`` module's minimal quoting). Dates ISO (2022-06-30), times "2022-06-30 14:05:00",
    whole numbers as they are, other numbers with a decimal comma, formula-like text with a
    ``'`` in front.
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", quotechar='"', lineterminator="\r\n",
                        quoting=csv.QUOTE_MINIMAL)
    writer.writerow([_csv_field(value) for value in sheet.headers])
    for row in sheet.rows:
        writer.writerow([_csv_field(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig")


def _csv_field(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return csv_text(value)
    if isinstance(value, bool):  # not in the data; a bool is an int, so keep it readable
        return "Ja" if value else "Nej"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float | Decimal):
        return _decimal_comma(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"Ett kalkylblad kan inte innehålla {type(value).__name__}.")


def _decimal_comma(value: float | Decimal) -> str:
    """2.5 → "2,5"; a whole number without decimals (3.0 → "3")."""
    whole = value == value.to_integral_value() if isinstance(value, Decimal) else value.is_integer()
    if whole:
        return str(int(value))
    text = str(value) if isinstance(value, Decimal) else repr(value)
    return text.replace(".", ",")


# --------------------------------------------------------------------------- XLSX


def sheet_name(title: str) -> str:
    """``title`` made a valid Excel sheet name: at most 31 characters, none of ``[]:*?/\\``,
    no ``'`` at either end, not empty, not the reserved "History"."""
    name = _XML_ILLEGAL.sub(" ", _SHEET_NAME_FORBIDDEN.sub("-", title))
    name = " ".join(name.split())[:SHEET_NAME_MAX].strip().strip("'").strip()
    if not name or name.casefold() == "history":
        return _DEFAULT_SHEET_NAME
    return name


def write_xlsx(sheet: SheetData) -> bytes:
    """The sheet as an Excel workbook: one sheet named after the agreement.

    Bold, frozen header row with an autofilter; dates as date cells (``yyyy-mm-dd``), times as
    date-time cells, numbers as numbers, every text a string cell (never a formula; formula-like
    text also gets the quotePrefix style). Column widths follow the content. The workbook's
    creator is "Medborgarlöften" and its times come from the data, so the same data gives the
    same bytes.

    Excel holds at most 32 767 characters in a cell; the services store no text that long
    (the longest is 20 000), and a longer one is written whole rather than cut.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.writer.excel import ExcelWriter

    workbook = Workbook()
    worksheet = workbook.active
    assert worksheet is not None
    worksheet.title = sheet_name(sheet.title)

    bold = Font(bold=True)
    for column, header in enumerate(sheet.headers, start=1):
        cell = worksheet.cell(row=1, column=column)
        _set_value(cell, header)
        cell.font = bold
    for row_number, row in enumerate(sheet.rows, start=2):
        for column, value in enumerate(row, start=1):
            if value is None or value == "":
                continue
            _set_value(worksheet.cell(row=row_number, column=column), value)

    for column, width in enumerate(_column_widths(sheet), start=1):
        worksheet.column_dimensions[get_column_letter(column)].width = width
    worksheet.freeze_panes = "A2"
    if sheet.headers:
        last = get_column_letter(len(sheet.headers))
        worksheet.auto_filter.ref = f"A1:{last}{len(sheet.rows) + 1}"

    moment = _moment_of(sheet)
    properties = workbook.properties
    properties.creator = CREATOR
    properties.lastModifiedBy = CREATOR
    properties.title = _XML_ILLEGAL.sub(REPLACEMENT, sheet.title)
    properties.created = moment
    properties.modified = moment

    buffer = io.BytesIO()
    # ExcelWriter rather than Workbook.save(): save() stamps "modified" with the clock.
    with _FixedTimeZip(buffer, "w", zipfile.ZIP_DEFLATED, moment=moment) as archive:
        ExcelWriter(workbook, archive).write_data()
    return buffer.getvalue()


def _set_value(cell: SheetCell | MergedCell, value: Cell) -> None:
    if isinstance(value, str):
        text = _XML_ILLEGAL.sub(REPLACEMENT, value)
        cell.value = text
        # openpyxl turns a str starting with "=" into a formula on assignment: make it a string
        # cell again, for every text, so no user text can ever be written as <f>.
        cell.data_type = "s"
        if is_formula_like(text):
            cell.quotePrefix = True
        return
    if isinstance(value, bool):
        cell.value = "Ja" if value else "Nej"
        cell.data_type = "s"
        return
    cell.value = value
    if isinstance(value, datetime):
        cell.number_format = "yyyy-mm-dd hh:mm"
    elif isinstance(value, date):
        cell.number_format = "yyyy-mm-dd"


def _column_widths(sheet: SheetData, *, minimum: int = 8, maximum: int = 60) -> list[float]:
    """A width per column from its longest line (header included), within sensible bounds."""
    widths = []
    for index, header in enumerate(sheet.headers):
        longest = max(
            [_display_length(header) + 2]  # room for the autofilter's button
            + [_display_length(row[index]) for row in sheet.rows if index < len(row)]
        )
        widths.append(float(min(max(longest + 1, minimum), maximum)))
    return widths


def _display_length(value: Cell) -> int:
    if value is None:
        return 0
    if isinstance(value, datetime):
        return 16
    if isinstance(value, date):
        return 10
    return max((len(line) for line in str(value).splitlines()), default=0)


def _moment_of(sheet: SheetData) -> datetime:
    """The latest change time in the data (to the second), or a fixed moment when there is none."""
    times = [v for row in sheet.rows for v in row if isinstance(v, datetime)]
    moment = max(times, default=_FALLBACK_MOMENT).replace(tzinfo=None, microsecond=0)
    return max(moment, datetime(1980, 1, 1))  # the earliest time a zip entry can carry


class _FixedTimeZip(zipfile.ZipFile):
    """A zip file whose entries all carry one given time instead of the clock's."""

    def __init__(
        self, file: io.BytesIO, mode: Literal["r", "w", "x", "a"], compression: int, *, moment: datetime
    ) -> None:
        super().__init__(file, mode, compression)
        self._date_time = (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)

    def writestr(
        self,
        zinfo_or_arcname: str | zipfile.ZipInfo,
        data: SizedBuffer | str,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        if not isinstance(zinfo_or_arcname, zipfile.ZipInfo):
            info = zipfile.ZipInfo(zinfo_or_arcname, date_time=self._date_time)
            info.compress_type = self.compression
            info.external_attr = 0o600 << 16
            zinfo_or_arcname = info
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(
        self,
        filename: StrPath,
        arcname: StrPath | None = None,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        """openpyxl writes each worksheet from a temporary file: take its bytes, not its mtime."""
        with open(filename, "rb") as handle:
            self.writestr(str(arcname if arcname is not None else filename), handle.read())


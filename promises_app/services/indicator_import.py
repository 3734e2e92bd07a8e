"""Import of indicator values from a CSV or XLSX file (docs/reliability.md, P14): preview, then commit.

``preview`` reads and checks the whole file without writing: every row's values, which
indicators would be created, which stored values would be replaced, and every problem as a
``RowError`` naming the line (as a spreadsheet program numbers it) and the column.
``commit`` writes a clean preview: a checked backup first (when the database already holds
data), then every row in one transaction, all or nothing.

The format (docs/architecture.md, "Indicators, lägesbild and safety walks"): the first row
holds the headers, in Swedish, in any order and any case: ``Indikator``, ``Period`` and
``Värde`` are required; ``Kön``, ``Kategori``, ``Källa``, ``Enhet``, ``Riktning`` and
``Område`` are optional. CSV is UTF-8 (with or without BOM), separated by ``;`` (Swedish
Excel) or ``,``, with decimal comma or point. XLSX is read from its first sheet, after the
zip container has been checked (size, compression ratio) so that a zip bomb is refused
before openpyxl opens it.
"""

from __future__ import annotations

import csv
import io
import math
import re
import unicodedata
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from promises_app.domain.indicators import (
    Direction,
    IndicatorSource,
    Sex,
    canonical_period,
    parse_direction,
    parse_number,
    parse_sex,
    parse_source,
    same_value,
)
from promises_app.domain.periods import PeriodLabelError
from promises_app.domain.validation import NAME_MAX, forbidden_characters
from promises_app.domain.vocabulary import swedish
from promises_app.services.base import Service
from promises_app.services.errors import ServiceError
from promises_app.services.indicators import UNIT_MAX
from promises_app.storage import models as m

MAX_FILE_BYTES = 20 * 1024 * 1024
#: An XLSX file is a zip archive: refused before it is opened when its members would unpack
#: to more than this, or one member is compressed more than MAX_COMPRESSION_RATIO : 1 (a
#: real worksheet compresses about 10–20 : 1; a zip bomb, thousands to one).
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100
MAX_ZIP_MEMBERS = 10_000
MAX_DATA_ROWS = 100_000
#: Errors listed one by one; the rest are counted ("… och N fel till").
MAX_ERRORS = 200

INDICATOR, PERIOD, VALUE, SEX = "Indikator", "Period", "Värde", "Kön"
CATEGORY, SOURCE, UNIT, DIRECTION, AREA = "Kategori", "Källa", "Enhet", "Riktning", "Område"
REQUIRED = (INDICATOR, PERIOD, VALUE)
COLUMNS = (INDICATOR, PERIOD, VALUE, SEX, CATEGORY, SOURCE, UNIT, DIRECTION, AREA)
#: The attributes of an indicator a file may state, with their longest allowed text.
_ATTRIBUTE_LIMITS = {CATEGORY: NAME_MAX, UNIT: UNIT_MAX, AREA: NAME_MAX}

_SAVE_AS_UTF8 = (
    "Spara om den i Excel med Arkiv → Spara som → filformatet 'CSV UTF-8 (kommaavgränsad) (*.csv)' "
    "och importera den igen."
)
XLS_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old .xls format (and encrypted workbooks)
_ZIP_MAGIC = b"PK\x03\x04"


# --- what a preview holds ------------------------------------------------------------------
def grouped(number: int) -> str:
    """A count as Swedish text writes it: 9999 → "9 999"."""
    return f"{number:,}".replace(",", " ")


@dataclass(frozen=True)
class RowError:
    """One problem in the file. ``line`` is 1-based (the header is line 1; 0 = the whole file);
    ``column`` is the header's name ("" = the whole row)."""

    line: int
    column: str
    message: str

    def __str__(self) -> str:
        where = []
        if self.line:
            where.append(f"Rad {grouped(self.line)}")
        if self.column:
            where.append(f"kolumn {self.column}")
        return f"{', '.join(where)}: {self.message}" if where else self.message


@dataclass(frozen=True)
class ImportRow:
    """One value the file gives: for the indicator (by name), period (canonical label) and sex."""

    line: int
    indicator: str
    period: str
    sex: Sex
    value: float
    #: The stored value this one replaces, or None for a new value.
    replaces: float | None


@dataclass(frozen=True)
class NewIndicator:
    """An indicator the file names that the register does not have yet: created on commit."""

    name: str
    category: str
    source: IndicatorSource
    unit: str
    direction: Direction
    area: str
    split_by_sex: bool

    def describe(self) -> str:
        details = [swedish(self.source), self.unit or "ingen enhet", swedish(self.direction).lower()]
        if self.category:
            details.insert(0, self.category)
        if self.area:
            details.append(self.area)
        if self.split_by_sex:
            details.append("uppdelad på kön")
        return f"{self.name} ({', '.join(details)})"


@dataclass(frozen=True)
class ImportPreview:
    """What importing the file would do, and what is wrong with it (nothing written yet)."""

    file_name: str
    #: "CSV" or "XLSX".
    kind: str
    rows: tuple[ImportRow, ...]
    new_indicators: tuple[NewIndicator, ...]
    errors: tuple[RowError, ...]
    #: How many errors there are beyond the ones listed in ``errors``.
    more_errors: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def error_count(self) -> int:
        return len(self.errors) + self.more_errors

    @property
    def replaced(self) -> int:
        return sum(1 for row in self.rows if row.replaces is not None and not same_value(row.replaces, row.value))

    @property
    def indicator_names(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(row.indicator for row in self.rows))

    def summary_lines(self) -> list[str]:
        """The preview in words, for the window's dialog and the command line."""
        lines = [
            f"{self.file_name} ({self.kind}): {grouped(len(self.rows))} värden för "
            f"{grouped(len(self.indicator_names))} indikatorer."
        ]
        if self.new_indicators:
            lines.append(f"Nya indikatorer som skapas ({len(self.new_indicators)}):")
            lines.extend(f"  {new.describe()}" for new in self.new_indicators)
        else:
            lines.append("Inga nya indikatorer.")
        if self.replaced:
            lines.append(f"Värden som ersätter ett annat sparat värde: {grouped(self.replaced)}.")
        return lines

    def error_lines(self) -> list[str]:
        lines = [str(error) for error in self.errors]
        if self.more_errors:
            lines.append(f"… och {grouped(self.more_errors)} fel till.")
        return lines


@dataclass(frozen=True)
class IndicatorImportResult:
    indicators_created: int
    values_inserted: int
    values_replaced: int
    values_unchanged: int
    #: The checked backup made before writing (None when the database was empty).
    backup: Path | None


class IndicatorImportError(ServiceError):
    """The file cannot be imported; nothing was written. ``errors`` name line and column."""

    def __init__(self, summary: str, errors: Sequence[RowError], more_errors: int = 0) -> None:
        self.summary = summary
        self.errors = tuple(errors)
        self.more_errors = more_errors
        lines = [summary, *(f"  {error}" for error in self.errors)]
        if more_errors:
            lines.append(f"  … och {grouped(more_errors)} fel till.")
        super().__init__("\n".join(lines))


# --- the service ---------------------------------------------------------------------------
class IndicatorImportService(Service):
    def preview(self, data: bytes, file_name: str) -> ImportPreview:
        """Read and check the whole file; nothing is written."""
        errors = _Errors()
        kind = "XLSX" if _looks_like_xlsx(data, file_name) else "CSV"
        try:
            table = _read_table(data, file_name, kind)
        except FileProblem as problem:
            errors.add(problem.error)
            return ImportPreview(file_name, kind, (), (), *errors.result())
        with self.db.read() as s:
            register = {row.name.casefold(): row for row in s.scalars(select(m.Indicator))}
            checker = _Checker(errors, register)
            checker.run(table)
            ids = {key: register[key].id for key in checker.existing_keys()}
            stored = _stored_values(s, list(ids.values()))
            new_indicators = tuple(checker.new_indicators())
        rows = tuple(
            ImportRow(
                r.line, r.name, r.period, r.sex, r.value,
                stored.get((ids[r.key], r.period, r.sex)) if r.key in ids else None,
            )
            for r in checker.rows
        )
        return ImportPreview(file_name, kind, rows, new_indicators, *errors.result())

    def commit(self, preview: ImportPreview, *, backup: bool = True) -> IndicatorImportResult:
        """Write a clean preview: a checked backup first, then every row in one transaction."""
        self.db.require_intact("Indikatorimporten")
        if not preview.ok:
            raise IndicatorImportError(
                f"{preview.file_name} har fel och kan inte importeras. Ingenting har ändrats i databasen.",
                preview.errors, preview.more_errors,
            )
        made = None
        self.db.refuse_writes()  # opened read-only: no backup beside it either
        if backup and self.db.keeps_backups and self._holds_data():
            made = self.db.backup("import").path
        with self.db.write() as s:
            register = {row.name.casefold(): row for row in s.scalars(select(m.Indicator))}
            created = 0
            for new in preview.new_indicators:
                if new.name.casefold() not in register:  # (made meanwhile: the rows are checked below)
                    row = m.Indicator(
                        name=new.name, category=new.category, source=new.source, unit=new.unit,
                        direction=new.direction, area=new.area, split_by_sex=new.split_by_sex, description="",
                    )
                    s.add(row)
                    register[new.name.casefold()] = row
                    created += 1
            s.flush()
            problems = []
            for import_row in preview.rows:
                indicator = register.get(import_row.indicator.casefold())
                if indicator is None:
                    problems.append(RowError(import_row.line, INDICATOR, f"{import_row.indicator} finns inte längre."))
                elif import_row.sex is not Sex.TOTAL and not indicator.split_by_sex:
                    problems.append(RowError(import_row.line, SEX, _not_split(indicator.name)))
            if problems:
                raise IndicatorImportError(
                    "Registret har ändrats sedan filen kontrollerades. Ingenting har ändrats i databasen; "
                    "kontrollera filen igen.",
                    problems[:MAX_ERRORS], max(0, len(problems) - MAX_ERRORS),
                )
            ids = {register[name.casefold()].id for name in preview.indicator_names}
            existing = {
                (v.indicator_id, v.period, v.sex): v
                for v in s.scalars(select(m.IndicatorValue).where(m.IndicatorValue.indicator_id.in_(ids)))
            }
            inserted = replaced = unchanged = 0
            for import_row in preview.rows:
                indicator_id = register[import_row.indicator.casefold()].id
                current = existing.get((indicator_id, import_row.period, import_row.sex))
                if current is None:
                    s.add(m.IndicatorValue(
                        indicator_id=indicator_id, period=import_row.period, sex=import_row.sex,
                        value=import_row.value,
                    ))
                    inserted += 1
                elif same_value(current.value, import_row.value):
                    unchanged += 1
                else:
                    current.value = import_row.value
                    replaced += 1
            s.flush()
        return IndicatorImportResult(created, inserted, replaced, unchanged, made)

    def _holds_data(self) -> bool:
        with self.db.read() as s:
            return any(
                s.scalar(select(model.id).limit(1)) is not None
                for model in (m.Agreement, m.Organisation, m.Indicator)
            )


def _stored_values(session: Any, indicator_ids: list[int]) -> dict[tuple[int, str, Sex], float]:
    if not indicator_ids:
        return {}
    rows = session.execute(
        select(m.IndicatorValue.indicator_id, m.IndicatorValue.period, m.IndicatorValue.sex, m.IndicatorValue.value)
        .where(m.IndicatorValue.indicator_id.in_(indicator_ids))
    )
    return {(i, p, sex): v for i, p, sex, v in rows}


def _not_split(name: str) -> str:
    return f"{name} är inte uppdelad på kön; lämna Kön tomt eller skriv Totalt."


# --- collecting errors ---------------------------------------------------------------------
class FileProblem(Exception):
    """The file as a whole cannot be read (too big, not UTF-8, not a workbook, a zip bomb)."""

    def __init__(self, message: str, line: int = 0, column: str = "") -> None:
        super().__init__(message)
        self.error = RowError(line, column, message)


class _Errors:
    def __init__(self) -> None:
        self.listed: list[RowError] = []
        self.count = 0

    def add(self, error: RowError) -> None:
        self.count += 1
        if len(self.listed) < MAX_ERRORS:
            self.listed.append(error)

    def result(self) -> tuple[tuple[RowError, ...], int]:
        return tuple(self.listed), self.count - len(self.listed)


# --- reading the file into rows of cells ---------------------------------------------------
#: A cell as read: text (CSV, or a text cell of a workbook), a number, a date, a truth value, or None.
Cell = Any


@dataclass
class _Table:
    #: (line, cells) for every row, the header row first; rows may differ in length.
    rows: Iterator[tuple[int, list[Cell]]]
    #: CSV: a row with fewer or more cells than the header is an error. In a workbook a row
    #: simply ends at its last filled cell.
    strict_width: bool


def _looks_like_xlsx(data: bytes, file_name: str) -> bool:
    return data.startswith(_ZIP_MAGIC) or Path(file_name).suffix.lower() in {".xlsx", ".xlsm"}


def _read_table(data: bytes, file_name: str, kind: str) -> _Table:
    if not data:
        raise FileProblem("Filen är tom.")
    if len(data) > MAX_FILE_BYTES:
        size = f"{len(data) / 1_048_576:.1f}".replace(".", ",")
        raise FileProblem(
            f"Filen är för stor ({size} MB; högst {MAX_FILE_BYTES // 1_048_576} MB). Dela upp den i flera filer."
        )
    if data.startswith(XLS_MAGIC):
        raise FileProblem(
            "Filen är en Excel-fil i det gamla formatet (.xls) eller en lösenordsskyddad arbetsbok. "
            "Spara den i Excel som 'Excel-arbetsbok (*.xlsx)' utan lösenord, eller som 'CSV UTF-8'."
        )
    if kind == "XLSX":
        return _Table(_xlsx_rows(data), strict_width=False)
    return _Table(_csv_rows(data), strict_width=True)


def _csv_rows(data: bytes) -> Iterator[tuple[int, list[Cell]]]:
    text = _decode(data)
    header_line = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(header_line), strict=True)
    line = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise FileProblem(_csv_message(str(error)), line + 1) from None
        line += 1
        yield line, cells


def _csv_message(error: str) -> str:
    if "unexpected end of data" in error:
        return (
            'Ett citattecken (") öppnas men stängs aldrig, så resten av filen blir en enda cell. '
            "Kontrollera raden."
        )
    if "field larger than field limit" in error:
        return "En cell är orimligt lång (över 131 072 tecken). Kontrollera citattecknen på raden."
    return f"Raden kan inte läsas som CSV ({error}). Kontrollera citattecknen på raden."


def _decode(data: bytes) -> str:
    utf16_without_bom = b"\x00" in data[:2] and data.count(b"\x00") * 4 > len(data)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or utf16_without_bom:
        raise FileProblem(
            f"Filen är sparad som UTF-16 ('Unicode-text'), inte som UTF-8. {_SAVE_AS_UTF8}", 1
        )
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _encoding_problem(body, error.start) from None


def _encoding_problem(body: bytes, position: int) -> FileProblem:
    """Name the line (and, where it can be told, the column) of the first byte that is not UTF-8."""
    line = body.count(b"\n", 0, position) + 1
    line_start = body.rfind(b"\n", 0, position) + 1
    header = body.split(b"\n", 1)[0].decode("utf-8", errors="replace").rstrip("\r")
    delimiter = _delimiter(header)
    headers = [h.strip() for h in header.split(delimiter)]
    index = body[line_start:position].decode("utf-8", errors="replace").count(delimiter)
    column = _column_name(headers[index], index) if index < len(headers) and line > 1 else ""
    byte = body[position]
    guess = bytes([byte]).decode("cp1252", errors="replace")
    shown = f"byte 0x{byte:02X}"
    if guess.isprintable() and guess != "\ufffd":
        shown = f"tecknet '{guess}' ({shown})"
    return FileProblem(
        f"Filen är inte sparad som UTF-8: {shown} kan inte läsas. Den är troligen sparad som "
        f"'CSV (semikolonavgränsad)' (Windows-1252/Latin-1), där å, ä och ö blir fel. {_SAVE_AS_UTF8}",
        line,
        column,
    )


def _delimiter(header_line: str) -> str:
    """';' (Swedish Excel), ',' or a tab: whichever the header line has most of, outside quotes."""
    counts = dict.fromkeys(";,\t", 0)
    quoted = False
    for char in header_line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(counts, key=lambda d: (counts[d], d == ";"))
    return best if counts[best] else ";"


def _xlsx_rows(data: bytes) -> Iterator[tuple[int, list[Cell]]]:
    check_zip(data)
    from openpyxl import load_workbook  # only when a workbook is imported: it is slow to import

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001 - whatever the parser says, the file is not readable
        raise FileProblem(_unreadable_workbook(error)) from None
    try:
        if not workbook.worksheets:
            raise FileProblem("Arbetsboken har inget kalkylblad.")
        sheet = workbook.worksheets[0]
        # The <dimension> a file states can be anything (A1:XFD1048576); read the cells there are.
        sheet.reset_dimensions()
        line = 0
        try:
            for row in sheet.iter_rows():
                line += 1
                numbered = next((c.row for c in row if getattr(c, "row", None)), None)
                if numbered is not None:
                    line = numbered
                yield line, [_xlsx_value(cell) for cell in row]
        except FileProblem:
            raise
        except Exception as error:  # noqa: BLE001 - a damaged sheet part
            raise FileProblem(_unreadable_workbook(error), line + 1) from None
    finally:
        workbook.close()


def _unreadable_workbook(error: Exception) -> str:
    return (
        f"Filen kan inte läsas som Excel-arbetsbok (.xlsx) ({type(error).__name__}). "
        "Öppna den i Excel och spara den igen som 'Excel-arbetsbok (*.xlsx)'."
    )


def check_zip(data: bytes) -> None:
    """Refuse what is not a zip, and a zip bomb, before openpyxl unpacks anything."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError):
        raise FileProblem(
            "Filen är ingen Excel-arbetsbok (.xlsx): den går inte att öppna som en sådan. "
            "Kontrollera att det är rätt fil, eller spara den som 'CSV UTF-8'."
        ) from None
    with archive:
        members = archive.infolist()
        if len(members) > MAX_ZIP_MEMBERS:
            raise FileProblem(f"Arbetsboken har orimligt många delar ({grouped(len(members))}) och läses inte.")
        total = sum(member.file_size for member in members)
        if total > MAX_UNCOMPRESSED_BYTES:
            raise FileProblem(
                f"Uppackad skulle arbetsboken bli {total / 1_048_576:,.0f} MB (högst "
                f"{MAX_UNCOMPRESSED_BYTES // 1_048_576} MB). Den läses inte: den kan vara en så kallad "
                "zip-bomb. Dela upp den eller spara den som 'CSV UTF-8'.".replace(",", " ")
            )
        for member in members:
            if member.file_size > MAX_COMPRESSION_RATIO * max(member.compress_size, 1):
                raise FileProblem(
                    f"Delen {member.filename} i arbetsboken är packad mer än {MAX_COMPRESSION_RATIO}:1 "
                    f"({member.file_size:,} byte i {member.compress_size:,}). Den läses inte: den kan "
                    "vara en så kallad zip-bomb.".replace(",", " ")
                )
        if "xl/workbook.xml" not in archive.namelist():
            raise FileProblem(
                "Filen är ett zip-arkiv men ingen Excel-arbetsbok (.xlsx). Kontrollera att det är rätt fil."
            )


def _xlsx_value(cell: Any) -> Cell:
    value = cell.value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if _is_percent_format(getattr(cell, "number_format", "") or ""):
            return round(value * 100, 10)  # shown as 57 %: stored as written, like "57 %" in a CSV
    if isinstance(value, str) and not value.strip():
        return None
    return value


_QUOTED_OR_ESCAPED = re.compile(r'"[^"]*"|\\.')


def _is_percent_format(number_format: str) -> bool:
    """Excel shows a cell in a percent format (0%, 0.0 %) as its value times 100."""
    return "%" in _QUOTED_OR_ESCAPED.sub("", number_format)


# --- checking the rows ---------------------------------------------------------------------
def _plain(text: str) -> str:
    """A header as compared: case, spacing and accents ignored ("VARDE" = "Värde")."""
    folded = unicodedata.normalize("NFKD", " ".join(text.split()).casefold())
    return "".join(c for c in folded if not unicodedata.combining(c))


_HEADERS = {_plain(name): name for name in COLUMNS}


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _column_name(header: str, index: int) -> str:
    return _HEADERS.get(_plain(header), header) if header else _column_letter(index)


def _is_empty(cell: Cell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


@dataclass
class _Row:
    line: int
    key: str  # the indicator's name, casefolded
    name: str
    period: str
    sex: Sex
    value: float


@dataclass
class _Attributes:
    """What the file says about one indicator, and on which line it first said each thing."""

    name: str
    line: int
    stated: dict[str, tuple[Any, int]] = field(default_factory=dict)
    split: bool = False


class _Checker:
    def __init__(self, errors: _Errors, register: dict[str, m.Indicator]) -> None:
        self.errors = errors
        self.register = register
        self.rows: list[_Row] = []
        self.indicators: dict[str, _Attributes] = {}
        self.seen: dict[tuple[str, str, Sex], int] = {}

    def error(self, line: int, column: str, message: str) -> None:
        self.errors.add(RowError(line, column, message))

    def existing_keys(self) -> list[str]:
        return [key for key in self.indicators if key in self.register]

    def new_indicators(self) -> list[NewIndicator]:
        found = []
        for key, attributes in self.indicators.items():
            if key in self.register:
                continue
            stated = {column: value for column, (value, _line) in attributes.stated.items()}
            found.append(NewIndicator(
                name=attributes.name,
                category=stated.get(CATEGORY, ""),
                source=stated.get(SOURCE, IndicatorSource.OTHER_SOURCE),
                unit=stated.get(UNIT, ""),
                direction=stated.get(DIRECTION, Direction.LOWER_IS_BETTER),
                area=stated.get(AREA, ""),
                split_by_sex=attributes.split,
            ))
        return found

    # --- the header row -------------------------------------------------------------------
    def run(self, table: _Table) -> None:
        rows = iter(table.rows)
        try:
            header = next(rows, None)
            if header is None:
                raise FileProblem("Filen är tom.")
            columns = self.header(*header)
            if columns is None:
                return
            data_rows = 0
            for line, cells in rows:
                if all(_is_empty(c) for c in cells):
                    continue
                data_rows += 1
                if data_rows > MAX_DATA_ROWS:
                    self.error(
                        line, "", f"Filen har fler än {grouped(MAX_DATA_ROWS)} datarader. Dela upp den i flera filer."
                    )
                    return
                self.row(line, cells, columns, table.strict_width)
            if not data_rows:
                self.error(0, "", "Filen har bara en rubrikrad och inga värden att importera.")
        except FileProblem as problem:
            self.errors.add(problem.error)
        finally:
            close = getattr(rows, "close", None)
            if close is not None:
                close()  # a workbook stays open until its row generator ends

    def header(self, line: int, cells: list[Cell]) -> list[str] | None:
        """The canonical column name of each position, or None (and errors) when the header is wrong."""
        texts = ["" if _is_empty(c) else str(c).strip() for c in cells]
        while texts and not texts[-1]:
            texts.pop()
        if not texts:
            raise FileProblem(
                f"Rubrikraden är tom. Den ska ha kolumnerna {', '.join(REQUIRED[:-1])} och {REQUIRED[-1]} "
                f"(och gärna några av {', '.join(COLUMNS[3:])}).", line
            )
        columns: list[str] = []
        failed = False
        for index, text in enumerate(texts):
            name = _HEADERS.get(_plain(text))
            if not text:
                self.error(line, _column_letter(index), "Kolumnen saknar rubrik.")
                failed = True
            elif name is None:
                self.error(line, text, f"Okänd kolumn '{text}'. Kolumnerna heter {', '.join(COLUMNS)}.")
                failed = True
            elif name in columns:
                self.error(line, name, f"Kolumnen {name} finns två gånger.")
                failed = True
            columns.append(name or text)
        for name in REQUIRED:
            if name not in columns:
                self.error(line, name, f"Kolumnen {name} saknas i rubrikraden.")
                failed = True
        return None if failed else columns

    # --- one data row ---------------------------------------------------------------------
    def row(self, line: int, cells: list[Cell], columns: list[str], strict_width: bool) -> None:
        extra = cells[len(columns):]
        if (strict_width and len(cells) < len(columns)) or any(not _is_empty(c) for c in extra):
            self.error(
                line, "",
                f"Raden har {len(cells)} celler men rubrikraden har {len(columns)}. Kontrollera "
                "avgränsarna (; eller ,) och citattecknen på raden.",
            )
            return
        values = dict(zip(columns, cells, strict=False))
        before = self.errors.count
        name = self.text(line, INDICATOR, values.get(INDICATOR), NAME_MAX, required=True)
        period = self.period(line, values.get(PERIOD))
        number = self.number(line, values.get(VALUE))
        sex = self.word(line, SEX, values.get(SEX), parse_sex) or Sex.TOTAL
        stated: dict[str, Any] = {}
        for column, limit in _ATTRIBUTE_LIMITS.items():
            text = self.text(line, column, values.get(column), limit)
            if text:
                stated[column] = text
        for column, parse in ((SOURCE, parse_source), (DIRECTION, parse_direction)):
            word = self.word(line, column, values.get(column), parse)
            if word is not None:
                stated[column] = word
        if self.errors.count > before or name is None or period is None or number is None:
            return
        key = name.casefold()
        self.indicator(line, key, name, sex, stated)
        where = self.seen.get((key, period, sex))
        if where is not None:
            first = self.indicators[key].name
            self.error(
                line, PERIOD, f"{first}, {period}, {swedish(sex).lower()}: finns redan på rad {grouped(where)}."
            )
            return
        self.seen[(key, period, sex)] = line
        stored = self.register.get(key)
        self.rows.append(_Row(line, key, stored.name if stored else self.indicators[key].name, period, sex, number))

    def indicator(self, line: int, key: str, name: str, sex: Sex, stated: dict[str, Any]) -> None:
        """Check what the row says about its indicator against the register or the earlier rows."""
        stored = self.register.get(key)
        if stored is not None:
            current = {
                CATEGORY: stored.category, SOURCE: stored.source, UNIT: stored.unit,
                DIRECTION: stored.direction, AREA: stored.area,
            }
            for column, value in stated.items():
                if _differs(value, current[column]):
                    self.error(
                        line, column,
                        f"'{_shown(value)}' stämmer inte med indikatorn {stored.name} i registret "
                        f"('{_shown(current[column])}'). Töm cellen, eller ändra indikatorn i registret först.",
                    )
            if sex is not Sex.TOTAL and not stored.split_by_sex:
                self.error(line, SEX, _not_split(stored.name))
            self.indicators.setdefault(key, _Attributes(stored.name, line))
            return
        attributes = self.indicators.setdefault(key, _Attributes(name, line))
        for column, value in stated.items():
            earlier = attributes.stated.get(column)
            if earlier is None:
                attributes.stated[column] = (value, line)
            elif _differs(value, earlier[0]):
                self.error(
                    line, column,
                    f"'{_shown(value)}' skiljer sig från '{_shown(earlier[0])}' på rad "
                    f"{grouped(earlier[1])} för samma indikator ({attributes.name}).",
                )
        attributes.split = attributes.split or sex is not Sex.TOTAL

    # --- cells ----------------------------------------------------------------------------
    def text(self, line: int, column: str, cell: Cell, limit: int, *, required: bool = False) -> str | None:
        if _is_empty(cell):
            if required:
                self.error(line, column, "Cellen är tom.")
            return None if required else ""
        if isinstance(cell, (datetime, date, time, timedelta, bool)):
            self.error(line, column, f"'{cell}' är inte text.")
            return None
        text = _number_text(cell) if isinstance(cell, (int, float)) else str(cell)
        bad = forbidden_characters(text, multiline=False)
        if bad:
            self.error(line, column, f"Otillåtna tecken ({', '.join(bad)}).")
            return None
        text = text.strip()
        if len(text) > limit:
            self.error(line, column, f"Högst {limit} tecken (nu {len(text)}).")
            return None
        return text

    def period(self, line: int, cell: Cell) -> str | None:
        if isinstance(cell, (datetime, date)):
            self.error(
                line, PERIOD, f"'{cell:%Y-%m-%d}' är ett datum. Skriv perioden som text, t.ex. 2022 eller 2022-T2."
            )
            return None
        text = self.text(line, PERIOD, cell, 40, required=True)
        if text is None:
            return None
        try:
            return canonical_period(text)
        except PeriodLabelError as error:
            self.error(line, PERIOD, str(error))
            return None

    def number(self, line: int, cell: Cell) -> float | None:
        if _is_empty(cell):
            self.error(line, VALUE, "Cellen är tom.")
            return None
        if isinstance(cell, bool) or isinstance(cell, (datetime, date, time, timedelta)):
            self.error(line, VALUE, f"'{cell}' är inget tal.")
            return None
        if isinstance(cell, (int, float)):
            if not math.isfinite(cell):
                self.error(line, VALUE, f"'{cell}' är inget tal.")
                return None
            return float(cell)
        try:
            return parse_number(str(cell))
        except ValueError as error:
            self.error(line, VALUE, str(error))
            return None

    def word(self, line: int, column: str, cell: Cell, parse: Any) -> Any:
        if _is_empty(cell):
            return None
        try:
            return parse(str(cell))
        except ValueError as error:
            self.error(line, column, str(error))
            return None


def _number_text(number: int | float) -> str:
    """A workbook's number as text: 2022.0 → "2022" (a year typed in a number cell)."""
    if isinstance(number, float) and number.is_integer() and abs(number) < 1e15:
        return str(int(number))
    return repr(number) if isinstance(number, float) else str(number)


def _differs(a: object, b: object) -> bool:
    if isinstance(a, str) and isinstance(b, str):
        return " ".join(a.split()).casefold() != " ".join(b.split()).casefold()
    return a != b


def _shown(value: Any) -> str:
    return swedish(value) if isinstance(value, (IndicatorSource, Direction)) else str(value)


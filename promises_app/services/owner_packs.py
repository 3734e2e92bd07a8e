"""Report packs for owners (rapportunderlag, docs/owner-packs.md): one Excel workbook per owner.

For one agreement and one reporting period the secretary sends each owner organisation (the
measures' ``responsible``), or each contact person, a workbook listing that owner's measures:
what was promised, by when, the target, and what was reported last. The owner fills four
columns (status, traffic light, count, comment) and mails it back; services/owner_reports.py
reads it back. Everything else in the sheet is locked (sheet protection), and the status and
light columns offer the program's own Swedish words as drop-down lists.

What the import needs travels with the workbook, in a "very hidden", protected sheet
(``Underlag``): the database's own id (``database_identity``), the agreement and its revision,
the period, the owner, and for each data row the measure's id, the version of its follow-up
when the pack was made (0: none) and a fingerprint of the values the pack showed. The import
can then tell a row the owner did not touch from one they changed, and a follow-up changed in
the database since the pack was made from one that was not.

The workbook is built as data (``PackContent``) from one read transaction, then written with
openpyxl (imported only here, when a pack is made). Every text is written as a string cell,
never as a formula (reports/spreadsheets.py, P14).
"""

from __future__ import annotations

import hashlib
import io
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from promises_app.domain import periods as period_rules
from promises_app.domain.enums import FollowUpStatus, TrafficLight
from promises_app.domain.validation import LONG_TEXT_MAX
from promises_app.domain.vocabulary import swedish
from promises_app.services.base import Service, get_row
from promises_app.services.errors import NotFoundError
from promises_app.services.followups import reporting_period
from promises_app.services.measure_reads import agreement_follow_ups, agreement_measures
from promises_app.services.records import FollowUpRecord, MeasureRecord
from promises_app.storage import models as m

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

#: The format of the hidden sheet; a later program reads older packs by it.
PACK_FORMAT = "medborgarloften-rapportunderlag-1"
SHEET = "Rapport"
HIDDEN_SHEET = "Underlag"
#: The row of the column headings (the header block above it says what the pack is).
HEADER_ROW = 8
#: The hidden sheet: so many facts (key, value) from row 1, a blank row, the headings of the
#: measure rows at this row, then one row per measure.
HIDDEN_FACTS = 11
HIDDEN_HEADING_ROW = HIDDEN_FACTS + 2

NUMBER, PROMISE, MEASURE, DEADLINE, TARGET, LAST_STATUS, LAST_COMMENT = (
    "Nr", "Löfte", "Åtgärd", "Klart senast", "Mål", "Senast rapporterat", "Kommentar senast",
)
STATUS, LIGHT, COUNT, COMMENT = "Status", "Trafikljus", "Utfall (antal)", "Kommentar"
#: The visible columns in order; the last four are the ones the owner fills.
COLUMNS = (NUMBER, PROMISE, MEASURE, DEADLINE, TARGET, LAST_STATUS, LAST_COMMENT, STATUS, LIGHT, COUNT, COMMENT)
FILL_COLUMNS = (STATUS, LIGHT, COUNT, COMMENT)
#: Each column's width in characters (a text longer than its column wraps; rows grow to fit).
WIDTHS = {NUMBER: 6, PROMISE: 34, MEASURE: 34, DEADLINE: 13, TARGET: 24, LAST_STATUS: 22, LAST_COMMENT: 34,
          STATUS: 22, LIGHT: 12, COUNT: 15, COMMENT: 44}
WRAPPED = frozenset({PROMISE, MEASURE, TARGET, LAST_STATUS, LAST_COMMENT, COMMENT})

#: The words the drop-down lists offer (and the import accepts), as the program writes them.
STATUS_WORDS = {swedish(status): status for status in FollowUpStatus}
LIGHT_WORDS = {swedish(light): light for light in TrafficLight}

INSTRUCTION = (
    "Fyll i de gula kolumnerna för varje åtgärd: Status och Trafikljus väljs i listan, Utfall är ett "
    "heltal (hur många gånger det gjorts hittills, om åtgärden har ett mål), Kommentar är fri text. "
    "Ändra inte i de andra kolumnerna och lägg inte till rader. Spara filen som den är (.xlsx) och "
    "skicka tillbaka den."
)


class PackOwner(StrEnum):
    """Whom a pack is for: the measures' responsible organisation, or their contact person."""

    ORGANISATION = "organisation"
    PERSON = "person"


@dataclass(frozen=True)
class OwnerPack:
    """One owner's report pack: the workbook's bytes and what it holds (the reminders attach it)."""

    file_name: str
    content: bytes
    measure_ids: tuple[int, ...]
    owner_name: str
    owner_kind: PackOwner
    owner_id: int
    agreement_id: int
    period: str


@dataclass(frozen=True)
class PackSet:
    """Every owner's pack for one period, and the measures no pack holds (no owner of that kind)."""

    packs: tuple[OwnerPack, ...]
    without_owner: tuple[MeasureRecord, ...]


@dataclass(frozen=True)
class Filled:
    """What a follow-up says in the four columns the owner fills (None: not reported)."""

    status: FollowUpStatus | None
    light: TrafficLight | None
    count_achieved: int | None
    comment: str


@dataclass(frozen=True)
class PackRow:
    measure: MeasureRecord
    promise_text: str
    last: FollowUpRecord | None
    current: FollowUpRecord | None


@dataclass(frozen=True)
class PackContent:
    """The pack as data, before it is a workbook."""

    database_id: str
    agreement_id: int
    agreement_title: str
    revision: int
    period: period_rules.Period
    owner_kind: PackOwner
    owner_id: int
    owner_name: str
    rows: tuple[PackRow, ...]


def filled_of(follow_up: FollowUpRecord | None) -> Filled:
    if follow_up is None:
        return Filled(None, None, None, "")
    return Filled(follow_up.status, follow_up.light, follow_up.count_achieved, follow_up.comment)


def fingerprint(values: Filled) -> str:
    """A short digest of the four filled values, as the import compares them (unchanged or not)."""
    parts = [
        values.status.value if values.status else "",
        values.light.value if values.light else "",
        "" if values.count_achieved is None else str(values.count_achieved),
        values.comment.replace("\r\n", "\n").strip(),
    ]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]


class OwnerPackService(Service):
    def pack_for_person(self, agreement_id: int, period_label: str, person_id: int) -> OwnerPack:
        """One contact person's pack (their measures of the agreement), e.g. for a reminder."""
        return self._one(agreement_id, period_label, PackOwner.PERSON, person_id)

    def pack_for_organisation(self, agreement_id: int, period_label: str, organisation_id: int) -> OwnerPack:
        """One responsible organisation's pack (its measures of the agreement)."""
        return self._one(agreement_id, period_label, PackOwner.ORGANISATION, organisation_id)

    def packs(self, agreement_id: int, period_label: str, *, per: PackOwner = PackOwner.ORGANISATION) -> PackSet:
        """A pack for every owner (organisation or person) with measures in the agreement."""
        contents, without = self._contents(agreement_id, period_label, per, None)
        built = [_pack(content) for content in contents]
        return PackSet(_unique_names(built), tuple(without))

    def _one(self, agreement_id: int, period_label: str, kind: PackOwner, owner_id: int) -> OwnerPack:
        contents, _without = self._contents(agreement_id, period_label, kind, owner_id)
        if not contents:
            what = "Personen" if kind is PackOwner.PERSON else "Organisationen"
            raise NotFoundError(f"{what} (id {owner_id}) har inga åtgärder i överenskommelsen.")
        return _pack(contents[0])

    def _contents(
        self, agreement_id: int, period_label: str, kind: PackOwner, only: int | None
    ) -> tuple[list[PackContent], list[MeasureRecord]]:
        with self.db.read() as s:
            agreement = get_row(s, m.Agreement, agreement_id, "Överenskommelsen")
            from promises_app.services import convert

            record = convert.agreement(agreement)
            period = reporting_period(record, period_label)
            periods = period_rules.periods_for(record.start_date, record.end_date, record.reporting_scheme)
            earlier = [p.label for p in periods if p < period]
            database_id = s.scalar(select(m.DatabaseIdentity.database_id)) or ""
            measures, promise_texts = agreement_measures(s, agreement_id)
            recorded: dict[int, dict[str, FollowUpRecord]] = {}
            for row in agreement_follow_ups(s, agreement_id):
                recorded.setdefault(row.measure_id, {})[row.period] = row
        groups: dict[int, tuple[str, list[PackRow]]] = {}
        without: list[MeasureRecord] = []
        for measure in measures:
            owner_id = measure.responsible_id if kind is PackOwner.ORGANISATION else measure.contact_id
            name = measure.responsible_name if kind is PackOwner.ORGANISATION else measure.contact_name
            if owner_id is None:
                without.append(measure)
                continue
            if only is not None and owner_id != only:
                continue
            reports = recorded.get(measure.id, {})
            last = next((reports[label] for label in reversed(earlier) if label in reports), None)
            item = PackRow(measure, promise_texts[measure.promise_id], last, reports.get(period.label))
            groups.setdefault(owner_id, (name, []))[1].append(item)
        contents = [
            PackContent(database_id, record.id, record.title, record.revision, period, kind, owner_id, name,
                        tuple(rows))
            for owner_id, (name, rows) in sorted(groups.items(), key=lambda item: (item[1][0].casefold(), item[0]))
        ]
        return contents, without


# --- the file name -----------------------------------------------------------------------
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')
FILE_NAME_MAX = 120


def safe_file_part(text: str) -> str:
    """``text`` as part of a file name on Windows, macOS and Linux: no separators or reserved
    characters, no leading dot, trailing dot or space, at most FILE_NAME_MAX characters."""
    from promises_app.files import safe_file_name

    cleaned = safe_file_name(_UNSAFE.sub("-", unicodedata.normalize("NFC", text)), "")
    return cleaned[:FILE_NAME_MAX].strip(" .-") or "utan namn"


def pack_file_name(content: PackContent) -> str:
    return f"Rapportunderlag {content.period.label} {safe_file_part(content.owner_name)}.xlsx"


def _unique_names(packs: Sequence[OwnerPack]) -> tuple[OwnerPack, ...]:
    """Two owners whose names give the same file name (case ignored) get their id added."""
    seen: dict[str, int] = {}
    for pack in packs:
        key = pack.file_name.casefold()
        seen[key] = seen.get(key, 0) + 1
    result = []
    for pack in packs:
        if seen[pack.file_name.casefold()] > 1:
            stem = pack.file_name.removesuffix(".xlsx")
            pack = OwnerPack(f"{stem} (id {pack.owner_id}).xlsx", pack.content, pack.measure_ids,
                             pack.owner_name, pack.owner_kind, pack.owner_id, pack.agreement_id, pack.period)
        result.append(pack)
    return tuple(result)


def _pack(content: PackContent) -> OwnerPack:
    return OwnerPack(
        file_name=pack_file_name(content),
        content=write_pack(content),
        measure_ids=tuple(row.measure.id for row in content.rows),
        owner_name=content.owner_name,
        owner_kind=content.owner_kind,
        owner_id=content.owner_id,
        agreement_id=content.agreement_id,
        period=content.period.label,
    )


# --- the workbook ------------------------------------------------------------------------
def target_text(measure: MeasureRecord) -> str:
    if measure.target_count is None:
        return ""
    return f"{measure.target_count} {measure.target_unit}".strip()


def _last_text(follow_up: FollowUpRecord | None) -> str:
    if follow_up is None:
        return "Inget rapporterat"
    text = f"{swedish(follow_up.status)} ({follow_up.period})"
    if follow_up.light is not TrafficLight.NOT_ASSESSED:
        text += f", {swedish(follow_up.light).lower()}"
    if follow_up.count_achieved is not None:
        text += f", utfall {follow_up.count_achieved}"
    return text


def _lines_needed(text: str, width: float) -> int:
    chars = max(int(width) - 1, 1)
    return sum(max(1, -(-len(line) // chars)) for line in (text.splitlines() or [""]))


def write_pack(content: PackContent) -> bytes:
    """The pack as an .xlsx workbook (see the module's doc for what it holds)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.workbook.protection import WorkbookProtection
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.worksheet.properties import PageSetupProperties

    from promises_app.reports.spreadsheets import CREATOR

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = SHEET
    letters = {name: get_column_letter(index) for index, name in enumerate(COLUMNS, start=1)}
    last_letter = letters[COLUMNS[-1]]
    top = Alignment(vertical="top", wrap_text=True)
    fill_colour = PatternFill("solid", start_color="FFF6D5")
    heading_fill = PatternFill("solid", start_color="D9E2F3")
    thin = Side(style="thin", color="A6A6A6")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)

    # The header block: which agreement, revision, period and pack, and what to do.
    who = "Ansvarig organisation" if content.owner_kind is PackOwner.ORGANISATION else "Kontaktperson"
    block = [
        (f"Rapportunderlag {period_rules.describe(content.period)} ({content.period.label})", Font(bold=True, size=14)),
        (f"Överenskommelse: {content.agreement_title} (revision {content.revision})", Font(bold=True)),
        (f"{who}: {content.owner_name} · {len(content.rows)} åtgärder", Font(bold=True)),
        (f"Perioden: {content.period.start.isoformat()} – {content.period.end.isoformat()}", None),
        (INSTRUCTION, None),
    ]
    for row_number, (text, font) in enumerate(block, start=1):
        cell = sheet.cell(row=row_number, column=1)
        _text(cell, text)
        cell.alignment = Alignment(vertical="top", wrap_text=True)
        if font is not None:
            cell.font = font
        sheet.merge_cells(f"A{row_number}:{last_letter}{row_number}")
    total_width = sum(WIDTHS.values())
    sheet.row_dimensions[1].height = 21
    sheet.row_dimensions[2].height = 15 * _lines_needed(block[1][0], total_width)
    sheet.row_dimensions[5].height = 15 * _lines_needed(INSTRUCTION, total_width * 0.95)

    for name, letter in letters.items():
        sheet.column_dimensions[letter].width = WIDTHS[name]
        cell = sheet[f"{letter}{HEADER_ROW}"]
        _text(cell, name)
        cell.font = Font(bold=True)
        cell.fill = fill_colour if name in FILL_COLUMNS else heading_fill
        cell.alignment = Alignment(vertical="center", wrap_text=True)
        cell.border = border

    unlocked = Protection(locked=False)
    for index, row in enumerate(content.rows):
        number = HEADER_ROW + 1 + index
        measure = row.measure
        current = filled_of(row.current)
        values: dict[str, object] = {
            NUMBER: measure.id,
            PROMISE: row.promise_text,
            MEASURE: measure.title,
            DEADLINE: measure.deadline,
            TARGET: target_text(measure),
            LAST_STATUS: _last_text(row.last),
            LAST_COMMENT: row.last.comment if row.last else "",
            STATUS: swedish(current.status) if current.status else "",
            LIGHT: swedish(current.light) if current.light else "",
            COUNT: current.count_achieved,
            COMMENT: current.comment,
        }
        lines = 1
        for name, value in values.items():
            cell = sheet[f"{letters[name]}{number}"]
            if isinstance(value, str):
                if value:
                    _text(cell, value)
            elif value is not None:
                cell.value = value
            if isinstance(value, date):
                cell.number_format = "yyyy-mm-dd"
            cell.alignment = top
            cell.border = border
            if name in FILL_COLUMNS:
                cell.protection = unlocked
                cell.fill = fill_colour
            if name in WRAPPED and isinstance(value, str):
                lines = max(lines, _lines_needed(value, WIDTHS[name]))
        sheet.row_dimensions[number].height = 15 * min(lines, 27)  # Excel's highest row is 409 points

    first, last = HEADER_ROW + 1, HEADER_ROW + max(len(content.rows), 1)
    validations = [
        (DataValidation(type="list", formula1='"' + ",".join(STATUS_WORDS) + '"', allow_blank=True), STATUS,
         "Välj en status i listan."),
        (DataValidation(type="list", formula1='"' + ",".join(LIGHT_WORDS) + '"', allow_blank=True), LIGHT,
         "Välj Grön, Gul, Röd eller Ej bedömd i listan."),
        (DataValidation(type="whole", operator="between", formula1="0", formula2="1000000", allow_blank=True), COUNT,
         "Skriv ett heltal, 0 eller mer."),
        (DataValidation(type="textLength", operator="lessThanOrEqual", formula1=str(LONG_TEXT_MAX),
                        allow_blank=True), COMMENT, f"Högst {LONG_TEXT_MAX} tecken."),
    ]
    for validation, name, message in validations:
        validation.error = message
        validation.errorTitle = name
        validation.prompt = message
        validation.showErrorMessage = True
        validation.showInputMessage = True
        validation.add(f"{letters[name]}{first}:{letters[name]}{last}")
        sheet.add_data_validation(validation)

    sheet.freeze_panes = f"D{HEADER_ROW + 1}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    _protect(sheet)

    _write_hidden(workbook.create_sheet(HIDDEN_SHEET), content)
    workbook.security = WorkbookProtection(lockStructure=True)
    properties = workbook.properties
    properties.creator = CREATOR
    properties.title = f"Rapportunderlag {content.period.label}: {content.owner_name}"[:250]
    properties.subject = content.agreement_title[:250]
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _protect(sheet: Worksheet) -> None:
    """Lock every cell not unlocked: the owner can select, format and filter, not edit or add rows."""
    protection = sheet.protection
    protection.sheet = True
    protection.formatColumns = False
    protection.formatRows = False
    protection.selectLockedCells = False
    protection.selectUnlockedCells = False


_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _text(cell: Any, text: str) -> None:
    """A string cell, never a formula, as reports/spreadsheets.py writes one (P14): openpyxl
    makes a text starting with "=" a formula on assignment, so the type is set back to text."""
    from promises_app.reports.spreadsheets import is_formula_like

    cell.value = _XML_ILLEGAL.sub("\ufffd", text)
    cell.data_type = "s"
    if is_formula_like(text):
        cell.quotePrefix = True


def _write_hidden(sheet: Worksheet, content: PackContent) -> None:
    facts: list[tuple[str, str | int]] = [
        ("format", PACK_FORMAT),
        ("database_id", content.database_id),
        ("agreement_id", content.agreement_id),
        ("agreement_title", content.agreement_title),
        ("revision", content.revision),
        ("period", content.period.label),
        ("owner_kind", content.owner_kind.value),
        ("owner_id", content.owner_id),
        ("owner_name", content.owner_name),
        ("header_row", HEADER_ROW),
        ("rows", len(content.rows)),
    ]
    for number, (key, value) in enumerate(facts, start=1):
        sheet.cell(row=number, column=1).value = key
        if isinstance(value, str):
            _text(sheet.cell(row=number, column=2), value)
        else:
            sheet.cell(row=number, column=2).value = value
    assert len(facts) == HIDDEN_FACTS
    start = HIDDEN_HEADING_ROW
    for column, heading in enumerate(("row", "measure_id", "version", "fingerprint"), start=1):
        sheet.cell(row=start, column=column).value = heading
    for index, row in enumerate(content.rows):
        number = start + 1 + index
        sheet.cell(row=number, column=1).value = HEADER_ROW + 1 + index
        sheet.cell(row=number, column=2).value = row.measure.id
        sheet.cell(row=number, column=3).value = row.current.version if row.current else 0
        sheet.cell(row=number, column=4).value = fingerprint(filled_of(row.current))
    sheet.sheet_state = "veryHidden"
    sheet.protection.sheet = True


"""Reading the owners' report packs back (docs/owner-packs.md): preview, then commit.

``preview`` reads one or more packs (services/owner_packs.py) without writing: every change
(measure, field, old → new), every problem naming the file, sheet, row and column, and every
*conflict*, a follow-up the owner changed that was also changed in the database after the
pack was made. ``commit`` writes a clean preview: a checked backup first, then every change in
one transaction through ``FollowUpService.record_many`` (the follow-up service's own
validation and version checks), all or nothing. A conflict is never decided silently: the
caller says, per conflict or for all, whether the owner's values or the database's are kept.

The file limits are the indicator import's (services/indicator_import.py: size, zip bombs,
members); the workbook is read with formulas as text (never evaluated), so a formula is
simply a wrong status word or count.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import select

from promises_app.domain.enums import TrafficLight
from promises_app.domain.validation import LONG_TEXT_MAX, forbidden_characters, quoted
from promises_app.domain.vocabulary import swedish
from promises_app.services.base import Service
from promises_app.services.errors import ServiceError
from promises_app.services.followups import CopiedFollowUp, FollowUpEntry
from promises_app.services.indicator_import import (
    MAX_ERRORS,
    MAX_FILE_BYTES,
    XLS_MAGIC,
    FileProblem,
    check_zip,
    grouped,
)
from promises_app.services.owner_packs import (
    COLUMNS,
    COMMENT,
    COUNT,
    FILL_COLUMNS,
    HIDDEN_FACTS,
    HIDDEN_HEADING_ROW,
    HIDDEN_SHEET,
    LIGHT,
    LIGHT_WORDS,
    NUMBER,
    PACK_FORMAT,
    SHEET,
    STATUS,
    STATUS_WORDS,
    Filled,
    filled_of,
    fingerprint,
)
from promises_app.services.records import FollowUpRecord
from promises_app.storage import models as m

#: The most data rows one pack may have (an agreement has tens of measures, not thousands).
MAX_PACK_ROWS = 5_000
#: The most packs read at once.
MAX_PACKS = 500
COUNT_MAX = 1_000_000

_LETTERS = {name: chr(ord("A") + index) for index, name in enumerate(COLUMNS)}
_FIELD_LABELS = {"status": STATUS, "light": LIGHT, "count_achieved": COUNT, "comment": COMMENT}


class Resolution(StrEnum):
    """What to keep where the owner and the database both changed a follow-up."""

    PACK = "pack"  # the owner's values
    DATABASE = "database"  # what the database holds now


@dataclass(frozen=True)
class PackError:
    """One problem: the file, and where known the sheet, row (as Excel numbers it) and column."""

    file_name: str
    message: str
    sheet: str = ""
    row: int = 0
    column: str = ""

    def where(self) -> str:
        parts = [self.file_name]
        if self.sheet:
            parts.append(f"blad {self.sheet}")
        if self.row:
            parts.append(f"rad {grouped(self.row)}")
        if self.column:
            parts.append(f"kolumn {_LETTERS.get(self.column, '?')} – {self.column}")
        return ", ".join(parts)

    def __str__(self) -> str:
        return f"{self.where()}: {self.message}"


@dataclass(frozen=True)
class FieldChange:
    """One field of one follow-up: its label (as the pack's column), the value now and the owner's."""

    label: str
    old: str
    new: str


@dataclass(frozen=True)
class ReportedChange:
    """What one owner reported for one measure that differs from the database."""

    file_name: str
    owner_name: str
    row: int
    measure_id: int
    measure_title: str
    period: str
    #: The owner's values (status always set).
    values: Filled
    #: The follow-up the database holds now (None: none).
    current: FollowUpRecord | None
    #: The follow-up's version when the pack was made (0: none).
    pack_version: int
    #: The database's follow-up changed after the pack was made: the user chooses.
    conflict: bool
    fields: tuple[FieldChange, ...]

    def lines(self) -> list[str]:
        head = f"{self.measure_title} (åtgärd {self.measure_id}, {self.owner_name})"
        if self.conflict:
            head += " – KONFLIKT: ändrad i databasen efter att underlaget skapades"
        return [head, *(f"  {f.label}: {quoted(f.old) if f.old else '(tomt)'} → {quoted(f.new) if f.new else '(tomt)'}"
                        for f in self.fields)]


@dataclass(frozen=True)
class OwnerReportPreview:
    """What reading the packs would write, and what is wrong with them (nothing written yet)."""

    files: tuple[str, ...]
    agreement_id: int | None
    agreement_title: str
    period: str
    changes: tuple[ReportedChange, ...]
    #: Rows that say what the database already holds (or what the pack showed, untouched).
    unchanged: int
    errors: tuple[PackError, ...]
    more_errors: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def conflicts(self) -> tuple[ReportedChange, ...]:
        return tuple(c for c in self.changes if c.conflict)

    @property
    def error_count(self) -> int:
        return len(self.errors) + self.more_errors

    def summary_lines(self) -> list[str]:
        lines = [f"{len(self.files)} rapportunderlag för {self.agreement_title}, period {self.period}: "
                 f"{len(self.changes)} ändrade uppföljningar, {self.unchanged} oförändrade."]
        if self.conflicts:
            lines.append(f"Konflikter (ändrade i databasen efter att underlaget skapades): {len(self.conflicts)}.")
        return lines

    def change_lines(self) -> list[str]:
        return [line for change in self.changes for line in change.lines()]

    def error_lines(self) -> list[str]:
        lines = [str(error) for error in self.errors]
        if self.more_errors:
            lines.append(f"… och {grouped(self.more_errors)} fel till.")
        return lines


@dataclass(frozen=True)
class OwnerReportResult:
    #: Each follow-up written, before and after (the window's undo step puts ``before`` back).
    written: tuple[CopiedFollowUp, ...]
    #: Conflicts where the database's values were kept.
    kept: int
    #: The checked backup made first (None when asked for none).
    backup: Path | None


class OwnerReportError(ServiceError):
    """The packs cannot be read in; nothing was written."""


# --- reading one pack -------------------------------------------------------------------
@dataclass
class _Pack:
    file_name: str
    facts: dict[str, Any]
    #: (sheet row, measure id, version when made, fingerprint when made)
    rows: list[tuple[int, int, int, str]]
    #: The visible sheet's cells by row number (only the rows read).
    cells: dict[int, list[Any]]
    last_row: int


def _read_pack(file_name: str, data: bytes) -> _Pack:
    if not data:
        raise FileProblem("Filen är tom.")
    if len(data) > MAX_FILE_BYTES:
        raise FileProblem(f"Filen är för stor (högst {MAX_FILE_BYTES // 1_048_576} MB).")
    if data.startswith(XLS_MAGIC):
        raise FileProblem(
            "Filen är en Excel-fil i det gamla formatet (.xls) eller en lösenordsskyddad arbetsbok. Spara den "
            "som 'Excel-arbetsbok (*.xlsx)' utan lösenord."
        )
    check_zip(data)
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False, keep_links=False)
    except Exception as error:  # noqa: BLE001 - whatever the parser says, the file is not readable
        raise FileProblem(f"Filen kan inte läsas som Excel-arbetsbok (.xlsx) ({type(error).__name__}).") from None
    try:
        if HIDDEN_SHEET not in workbook.sheetnames or SHEET not in workbook.sheetnames:
            raise FileProblem(
                "Filen är inget rapportunderlag från Medborgarlöften (bladen Rapport och Underlag saknas). "
                "Läs bara in underlag som programmet skapat, ifyllda och sparade som .xlsx."
            )
        hidden = _sheet_rows(workbook[HIDDEN_SHEET], 20 + MAX_PACK_ROWS)
        facts = {str(cells[0]): cells[1] if len(cells) > 1 else None
                 for number, cells in hidden.items() if number <= HIDDEN_FACTS and cells and cells[0] is not None}
        if facts.get("format") != PACK_FORMAT:
            raise FileProblem("Filen är inget rapportunderlag från den här versionen av Medborgarlöften "
                               f"(formatet {quoted(facts.get('format'))}).")
        rows = []
        for number in sorted(hidden):
            cells = hidden[number]
            if number > HIDDEN_HEADING_ROW and len(cells) >= 4 and all(isinstance(c, int) for c in cells[:3]):
                rows.append((cells[0], cells[1], cells[2], str(cells[3])))
        if len(rows) != facts.get("rows"):
            raise FileProblem("Underlagets dolda blad är skadat (raderna stämmer inte). Skapa ett nytt underlag.")
        visible = _sheet_rows(workbook[SHEET], 20 + MAX_PACK_ROWS)
        return _Pack(file_name, facts, rows, visible, max(visible, default=0))
    finally:
        workbook.close()


def _sheet_rows(sheet: Any, limit: int) -> dict[int, list[Any]]:
    sheet.reset_dimensions()  # a file's stated <dimension> can be anything: read the cells there are
    result: dict[int, list[Any]] = {}
    line = 0
    for row in sheet.iter_rows():
        line += 1
        numbered = next((c.row for c in row if getattr(c, "row", None)), None)
        if numbered is not None:
            line = numbered
        if line > limit:
            raise FileProblem(f"Bladet {sheet.title} har fler än {grouped(limit)} rader.")
        result[line] = [cell.value for cell in row]
    return result


def _is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# --- the service ------------------------------------------------------------------------
class OwnerReportService(Service):
    def preview(
        self, files: Sequence[tuple[str, bytes]], *, agreement_id: int | None = None, period: str | None = None
    ) -> OwnerReportPreview:
        """Read and check every pack (file name, bytes): one preview; nothing is written.

        ``agreement_id`` and ``period``: what the packs must be for (the window's agreement);
        by default the first readable pack's, and every other pack must be for the same.
        """
        errors = _Errors()
        packs: list[_Pack] = []
        if len(files) > MAX_PACKS:
            errors.add(PackError("", f"Högst {MAX_PACKS} underlag kan läsas in åt gången (nu {len(files)})."))
            files = ()
        for file_name, data in files:
            try:
                packs.append(_read_pack(file_name, data))
            except FileProblem as problem:
                errors.add(PackError(file_name, str(problem)))
        with self.db.read() as s:
            database_id = s.scalar(select(m.DatabaseIdentity.database_id)) or ""
            checker = _Checker(s, errors, database_id, agreement_id, period, period_given=period is not None)
            for pack in packs:
                checker.pack(pack)
            title = checker.agreement.title if checker.agreement is not None else ""
            found_id = checker.agreement.id if checker.agreement is not None else agreement_id
        return OwnerReportPreview(
            files=tuple(name for name, _data in files),
            agreement_id=found_id,
            agreement_title=title,
            period=checker.period or period or "",
            changes=tuple(checker.changes),
            unchanged=checker.unchanged,
            errors=tuple(errors.listed),
            more_errors=errors.count - len(errors.listed),
        )

    def commit(
        self,
        preview: OwnerReportPreview,
        *,
        resolutions: Mapping[int, Resolution] | None = None,
        default: Resolution | None = None,
        backup: bool = True,
    ) -> OwnerReportResult:
        """Write a clean preview: a checked backup first, then every change in one transaction.

        Each conflict (by measure id) is settled by ``resolutions``, else ``default``; one left
        unsettled refuses the whole commit. A follow-up changed since the preview is a
        ConflictError and nothing is written (preview again).
        """
        if not preview.ok:
            raise OwnerReportError(
                "Underlagen har fel och kan inte läsas in. Ingenting har ändrats i databasen.\n"
                + "\n".join(f"  {line}" for line in preview.error_lines())
            )
        chosen = dict(resolutions or {})
        unsettled = [c for c in preview.conflicts if chosen.get(c.measure_id, default) is None]
        if unsettled:
            raise OwnerReportError(
                f"{len(unsettled)} uppföljningar har ändrats i databasen efter att underlaget skapades. "
                "Välj för var och en om rapportens eller databasens värden ska gälla. Ingenting har ändrats.\n"
                + "\n".join(f"  {line}" for change in unsettled for line in change.lines())
            )
        entries = []
        kept = 0
        for change in preview.changes:
            if change.conflict and chosen.get(change.measure_id, default) is Resolution.DATABASE:
                kept += 1
                continue
            values = change.values
            assert values.status is not None
            entries.append(FollowUpEntry(
                change.measure_id, change.period, values.status, values.light or TrafficLight.NOT_ASSESSED,
                values.count_achieved, values.comment,
                expected_version=change.current.version if change.current is not None else 0,
            ))
        made = None
        if entries:
            self.db.require_intact("Inläsningen av rapportunderlagen")
            self.db.refuse_writes()
            if backup and self.db.keeps_backups:  # a shared database's backups are the server's
                made = self.db.backup("import").path
            from promises_app.services.followups import FollowUpService

            written = FollowUpService(self.db).record_many(entries)
        else:
            written = ()
        return OwnerReportResult(written, kept, made)


class _Errors:
    def __init__(self) -> None:
        self.listed: list[PackError] = []
        self.count = 0

    def add(self, error: PackError) -> None:
        self.count += 1
        if len(self.listed) < MAX_ERRORS:
            self.listed.append(error)


@dataclass
class _Checker:
    session: Any
    errors: _Errors
    database_id: str
    agreement_id: int | None
    period: str | None
    agreement: m.Agreement | None = None
    period_given: bool = False
    changes: list[ReportedChange] = field(default_factory=list)
    unchanged: int = 0
    #: measure id → (file, row) of the pack row that changed it
    seen: dict[int, tuple[str, int]] = field(default_factory=dict)

    def error(self, pack: _Pack, message: str, row: int = 0, column: str = "") -> None:
        self.errors.add(PackError(pack.file_name, message, SHEET if row else "", row, column))

    def pack(self, pack: _Pack) -> None:
        facts = pack.facts
        if facts.get("database_id") != self.database_id:
            self.error(pack, f"Underlaget skapades ur en annan databas (id {quoted(facts.get('database_id'))}); "
                             f"den här databasen har id {self.database_id}. Läs in det i databasen det skapades ur.")
            return
        wanted = self.agreement_id if self.agreement_id is not None else (
            self.agreement.id if self.agreement is not None else None)
        pack_agreement = facts.get("agreement_id")
        if wanted is not None and pack_agreement != wanted:
            this = self.session.get(m.Agreement, wanted)
            name = this.title if this is not None else f"id {wanted}"
            self.error(pack, f"Underlaget gäller en annan överenskommelse: {quoted(facts.get('agreement_title'))} "
                             f"(id {pack_agreement}), inte {quoted(name)} (id {wanted}).")
            return
        agreement = self.session.get(m.Agreement, pack_agreement) if isinstance(pack_agreement, int) else None
        if agreement is None:
            self.error(pack, f"Överenskommelsen {quoted(facts.get('agreement_title'))} (id {pack_agreement}) "
                             "finns inte längre i databasen.")
            return
        self.agreement = agreement
        wanted_period = self.period
        if wanted_period is not None and facts.get("period") != wanted_period:
            also = "" if self.period_given else " som de andra underlagen (underlag för en period i taget)"
            self.error(pack, f"Underlaget gäller perioden {facts.get('period')}, inte {wanted_period}{also}.")
            return
        self.period = str(facts.get("period"))
        header_row = facts.get("header_row")
        if not isinstance(header_row, int) or isinstance(header_row, bool) or not 0 < header_row < 100:
            self.error(pack, "Underlagets dolda blad är skadat (rubrikraden). Skapa ett nytt underlag.")
            return
        header = pack.cells.get(header_row, [])
        shown = [str(c).strip() if c is not None else "" for c in header[:len(COLUMNS)]]
        if shown != list(COLUMNS):
            self.error(pack, "Kolumnerna har ändrats (flyttats, tagits bort eller bytt namn). Använd underlaget "
                             "som det skickades ut.", header_row)
            return
        measures = {
            x.id: x for x in self.session.scalars(
                select(m.Measure).join(m.Promise).where(m.Promise.agreement_id == agreement.id))
        }
        current = {
            f.measure_id: f for f in self.session.scalars(
                select(m.FollowUp).where(m.FollowUp.measure_id.in_(measures), m.FollowUp.period == self.period))
        }
        rows = {number for number, *_rest in pack.rows}
        for number, measure_id, version, made in pack.rows:
            self.row(pack, number, measure_id, version, made, measures, current)
        first_data = header_row + 1
        for number in sorted(pack.cells):
            if number >= first_data and number not in rows:
                cells = pack.cells[number]
                if any(not _is_empty(c) for c in cells):
                    self.error(pack, "Raden hör inte till underlaget (lades den till?). Töm den eller skriv in "
                                     "uppgifterna på åtgärdens egen rad.", number)

    def row(
        self, pack: _Pack, number: int, measure_id: int, version: int, made: str,
        measures: dict[int, m.Measure], current: dict[int, m.FollowUp],
    ) -> None:
        cells = pack.cells.get(number, [])
        value = dict(zip(COLUMNS, cells, strict=False))
        if value.get(NUMBER) != measure_id:
            self.error(pack, f"Raden ska gälla åtgärd {measure_id} men Nr är {quoted(value.get(NUMBER))}: "
                             "raderna har flyttats. Använd underlaget som det skickades ut.", number, NUMBER)
            return
        measure = measures.get(measure_id)
        if measure is None:
            self.error(pack, f"Åtgärd {measure_id} finns inte längre i överenskommelsen.", number, NUMBER)
            return
        before = self.errors.count
        filled = {name: value.get(name) for name in FILL_COLUMNS}
        if all(_is_empty(v) for v in filled.values()):
            if version:
                self.error(pack, "Raden är tömd, men åtgärden har redan en uppföljning för perioden. Fyll i "
                                 "status igen (en uppföljning tas bara bort i programmet).", number, STATUS)
            else:
                self.unchanged += 1
            return
        status = self.word(pack, number, STATUS, filled[STATUS], STATUS_WORDS, required=True)
        light = self.word(pack, number, LIGHT, filled[LIGHT], LIGHT_WORDS, required=False)
        count = self.count(pack, number, filled[COUNT])
        comment = self.comment(pack, number, filled[COMMENT])
        if self.errors.count > before or status is None:
            return
        owner = Filled(status, light or TrafficLight.NOT_ASSESSED, count, comment)
        if fingerprint(owner) == made:
            self.unchanged += 1  # as the pack showed it: the owner left the row alone
            return
        now = current.get(measure_id)
        record = _record(now)
        if filled_of(record) == owner:
            self.unchanged += 1
            return
        earlier = self.seen.get(measure_id)
        if earlier is not None:
            self.error(pack, f"Åtgärd {measure_id} är ändrad också i {earlier[0]}, rad {earlier[1]}. Läs in "
                             "bara ett av underlagen, eller gör samma ändring i båda.", number, NUMBER)
            return
        self.seen[measure_id] = (pack.file_name, number)
        conflict = (now.version if now is not None else 0) != version
        self.changes.append(ReportedChange(
            file_name=pack.file_name, owner_name=str(pack.facts.get("owner_name") or ""), row=number,
            measure_id=measure_id, measure_title=measure.title, period=str(self.period), values=owner,
            current=record, pack_version=version, conflict=conflict, fields=_fields(filled_of(record), owner),
        ))

    def word(self, pack: _Pack, number: int, column: str, cell: Any, words: Mapping[str, Any],
             *, required: bool) -> Any:
        if _is_empty(cell):
            if required:
                self.error(pack, "Cellen är tom. Välj en status i listan.", number, column)
            return None
        text = " ".join(str(cell).split()).casefold()
        for word, value in words.items():
            if word.casefold() == text:
                return value
        self.error(pack, f"Okänt värde {quoted(cell)}. Välj ett av: {', '.join(words)}.", number, column)
        return None

    def count(self, pack: _Pack, number: int, cell: Any) -> int | None:
        if _is_empty(cell):
            return None
        value: Any = cell
        if isinstance(cell, str):
            text = cell.strip().replace(" ", "").replace("\u00a0", "")
            value = int(text) if text.lstrip("-").isdigit() and len(text) < 15 else cell
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            self.error(pack, f"{quoted(cell)} är inget heltal. Skriv hur många gånger, t.ex. 3.", number, COUNT)
            return None
        if not 0 <= value <= COUNT_MAX:
            self.error(pack, f"Utfallet ska vara mellan 0 och {grouped(COUNT_MAX)}, inte {value}.", number, COUNT)
            return None
        return value

    def comment(self, pack: _Pack, number: int, cell: Any) -> str:
        if _is_empty(cell):
            return ""
        text = str(cell).replace("\r\n", "\n").replace("\r", "\n")
        bad = forbidden_characters(text, multiline=True)
        if bad:
            self.error(pack, f"Otillåtna tecken ({', '.join(bad)}).", number, COMMENT)
            return ""
        text = text.strip()
        if len(text) > LONG_TEXT_MAX:
            self.error(pack, f"Högst {grouped(LONG_TEXT_MAX)} tecken (nu {grouped(len(text))}).", number, COMMENT)
            return ""
        return text


def _record(row: m.FollowUp | None) -> FollowUpRecord | None:
    from promises_app.services import convert

    return convert.follow_up(row) if row is not None else None


def _shown(values: Filled, name: str) -> str:
    if name == "status":
        return swedish(values.status) if values.status else ""
    if name == "light":
        return swedish(values.light) if values.light else ""
    if name == "count_achieved":
        return "" if values.count_achieved is None else str(values.count_achieved)
    return values.comment


def _fields(old: Filled, new: Filled) -> tuple[FieldChange, ...]:
    return tuple(
        FieldChange(label, _shown(old, name), _shown(new, name))
        for name, label in _FIELD_LABELS.items()
        if _shown(old, name) != _shown(new, name)
    )


def pack_files(paths: Sequence[Path]) -> Iterator[Path]:
    """The .xlsx files named: each file as it is, each folder's .xlsx files (not its subfolders), sorted."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.iterdir() if p.suffix.lower() == ".xlsx" and p.is_file()
                              and not p.name.startswith(("~$", ".~lock")))
        else:
            yield path

